/* Sense details: for a reader that shows every sense of a word with where
 * it comes from (the web app's and the HTML page's detail panel), each of a
 * word's ranked glosses is matched to the dictionary sense that gives it —
 * its provenance ("ding:LINE", "dictionaries/preferred.tsv:12", a glossary's
 * line) and the labels Ding gives it (subject fields "comp.", "jur.",
 * region, register) — after the context and the translation made their
 * choices.  The chosen gloss has the token's own source (which also says a
 * compound's parts, a number, an expression or the translation chose it).  Asked for by the output
 * (degloss_output.senses, always for HTML); glossing itself never reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "gloss_internal.h"
#include "word.h"

enum { S_MAX = 64 };

static void S_token(dg_engine *e, dg_doc *d, dg_dtoken *t) {
  if ((t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) || !t->nglosses || !t->lemma || !*t->lemma) return;
  dg_sense sv[S_MAX];
  size_t n = dg_gl_senses(e, t->lemma, t->pos && *t->pos ? t->pos : NULL, sv, S_MAX);
  if (n > S_MAX) n = S_MAX;
  dg_sense any[S_MAX];
  size_t na = 0;
  t->sense_src = dg_mem_alloc(&d->arena, t->nglosses * sizeof *t->sense_src);
  t->sense_dom = dg_mem_alloc(&d->arena, t->nglosses * sizeof *t->sense_dom);
  for (size_t i = 0; i < t->nglosses; i++) {
    const dg_sense *hit = NULL;
    for (size_t k = 0; k < n && !hit; k++)
      if (t->glosses[i] && sv[k].gloss && strcmp(sv[k].gloss, t->glosses[i]) == 0) hit = &sv[k];
    if (!hit && !na && t->pos && *t->pos) { /* a sense under another part of speech */
      na = dg_gl_senses(e, t->lemma, NULL, any, S_MAX);
      if (na > S_MAX) na = S_MAX;
    }
    for (size_t k = 0; k < na && !hit; k++)
      if (t->glosses[i] && any[k].gloss && strcmp(any[k].gloss, t->glosses[i]) == 0) hit = &any[k];
    /* (the chosen gloss: the token's own source, which says how it was chosen) */
    t->sense_src[i] = i == 0 ? t->source : hit && hit->source ? hit->source : "";
    t->sense_dom[i] = hit && hit->domains ? hit->domains : "";
  }
}

void dg_doc_sense_details(dg_engine *e, dg_doc *d) {
  for (size_t i = 0; i < d->nsentences; i++)
    for (size_t k = 0; k < d->sentences[i].ntokens; k++) S_token(e, d, &d->sentences[i].tokens[k]);
}
