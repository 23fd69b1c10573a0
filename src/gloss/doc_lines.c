/* Lines input (one record an input line): the engine glosses every
 * sentence on its own, so that its sentence-level rules (separable verbs,
 * expressions, clause boundaries) see two sentences where a line holds two;
 * the renderers write one record a line.  This file joins the sentences of
 * one record into one sentence of a view document: tokens in order (the
 * first token of every later sentence marked DG_DF_SENT_START), expressions
 * renumbered, separable-verb partners moved by the tokens before, the
 * translations joined.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* The record of sentences [a, b) of d as one sentence of v. */
static void S_join(dg_doc *v, const dg_doc *d, size_t a, size_t b) {
  const dg_dsentence *f = &d->sentences[a];
  size_t nt = 0, nm = 0;
  for (size_t i = a; i < b; i++) {
    nt += d->sentences[i].ntokens;
    nm += d->sentences[i].nmwes;
  }
  dg_dsentence *s = dg_doc_add_sentence(v);
  *s = *f;
  s->end = d->sentences[b - 1].end;
  s->headline = b - a == 1 && f->headline;
  s->ntokens = nt;
  s->nmwes = nm;
  s->tokens = nt ? dg_mem_alloc(&v->arena, nt * sizeof *s->tokens) : NULL;
  s->mwes = nm ? dg_mem_alloc(&v->arena, nm * sizeof *s->mwes) : NULL;
  s->translation = NULL;
  s->tr_error = NULL;
  dg_buf tr;
  dg_buf_init(&tr);
  size_t t0 = 0, m0 = 0;
  for (size_t i = a; i < b; i++) {
    const dg_dsentence *p = &d->sentences[i];
    for (size_t k = 0; k < p->ntokens; k++) {
      dg_dtoken *t = &s->tokens[t0 + k];
      *t = p->tokens[k];
      if (t->mwe >= 0) t->mwe += (int)m0;
      if (t->link >= 0) t->link += (int)t0;
      if (k == 0 && t0 > 0) t->flags |= DG_DF_SENT_START;
    }
    for (size_t k = 0; k < p->nmwes; k++) {
      s->mwes[m0 + k] = p->mwes[k];
      s->mwes[m0 + k].id = (unsigned)(m0 + k + 1);
    }
    t0 += p->ntokens;
    m0 += p->nmwes;
    if (p->translation && *p->translation) {
      if (tr.len) dg_buf_putc(&tr, ' ');
      dg_buf_puts(&tr, p->translation);
      if (!s->tr_provider || !*s->tr_provider) {
        s->tr_provider = p->tr_provider;
        s->tr_model = p->tr_model;
        s->tr_cached = p->tr_cached;
      }
    } else if (p->tr_error && !s->tr_error) {
      s->tr_error = p->tr_error;
      s->tr_status = p->tr_status;
      s->tr_provider = p->tr_provider;
    }
  }
  if (tr.len) {
    s->translation = dg_mem_strdup(&v->arena, tr.data);
    s->tr_error = NULL;
  }
  dg_buf_free(&tr);
  if (b - a > 1) dg_sentence_set_text(v, s);
}

const dg_doc *dg_doc_lines_view(const dg_doc *d) {
  if (!d || d->nsentences == 0 || d->sentences[0].record == 0) return d;
  dg_doc *v = dg_doc_new(d->source);
  v->continued = d->continued;
  for (size_t a = 0, b; a < d->nsentences; a = b) {
    b = a + 1;
    while (b < d->nsentences && d->sentences[b].record == d->sentences[a].record) b++;
    S_join(v, d, a, b);
  }
  return v;
}

void dg_doc_lines_view_free(const dg_doc *view, const dg_doc *d) {
  if (view && view != d) dg_doc_free((dg_doc *)view);
}
