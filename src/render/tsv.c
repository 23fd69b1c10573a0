/* TSV: one token a line under a header naming the columns.  The gloss
 * column shows the gloss of the style (the Leipzig gloss, or the plain
 * English one of --style plain); the plain column always holds the plain
 * one.  Tabs, newlines and backslashes inside values are escaped as \t \n
 * \\ (lookup table).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"
#include "formats.h"

static const char *const S_esc[256] = {['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r", ['\\'] = "\\\\"};

static void S_val(dg_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (S_esc[*p]) dg_buf_puts(b, S_esc[*p]);
    else dg_buf_putc(b, (char)*p);
  }
}

void dg_render_tsv_header(dg_render *r, dg_buf *out) {
  dg_buf_puts(out, "sentence\ttoken\tform\tstart\tend\tkind\tlemma\tpos\tfeatures\tlabels\tgloss\tplain\t"
                   "glosses\tparts\tmwe\tsource\n");
}

void dg_render_tsv(dg_render *r, const dg_doc *d, dg_buf *out) {
  dg_buf plain;
  dg_buf_init(&plain);
  for (size_t si = 0; si < d->nsentences; si++) {
    const dg_dsentence *s = &d->sentences[si];
    r->sentences++;
    /* lines input: the sentence column holds the input line, and an empty
     * line a row of its own with token 0 and empty fields */
    unsigned long id = s->record ? (unsigned long)s->record : r->sentences;
    if (s->record && s->ntokens == 0) dg_buf_printf(out, "%lu\t0\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n", id);
    for (size_t i = 0; i < s->ntokens; i++) {
      const dg_dtoken *t = &s->tokens[i];
      dg_buf_printf(out, "%lu\t%zu\t", id, i + 1);
      S_val(out, t->form);
      dg_buf_printf(out, "\t%llu\t%llu\t%s\t", (unsigned long long)t->start, (unsigned long long)t->end,
                    dg_kind_name(t->kind));
      S_val(out, t->lemma);
      dg_buf_putc(out, '\t');
      S_val(out, t->pos);
      dg_buf_putc(out, '\t');
      S_val(out, t->feats);
      dg_buf_putc(out, '\t');
      S_val(out, t->labels);
      dg_buf_putc(out, '\t');
      dg_buf_clear(&plain);
      dg_render_gloss_text(&plain, t, s, DG_STYLE_PLAIN);
      S_val(out, r->o.style == DG_STYLE_PLAIN ? plain.data : t->gloss);
      dg_buf_putc(out, '\t');
      S_val(out, plain.data);
      dg_buf_putc(out, '\t');
      size_t max = r->o.alternatives ? r->o.alternatives : t->nglosses;
      for (size_t k = 0; k < t->nglosses && k < max; k++) {
        if (k) dg_buf_puts(out, " | ");
        S_val(out, t->glosses[k]);
      }
      dg_buf_putc(out, '\t');
      for (size_t k = 0; k < t->nparts && t->nparts > 1; k++) {
        if (k) dg_buf_putc(out, '|');
        S_val(out, t->parts[k].form);
      }
      dg_buf_putc(out, '\t');
      if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) S_val(out, s->mwes[t->mwe].lemma);
      dg_buf_putc(out, '\t');
      S_val(out, t->source);
      dg_buf_putc(out, '\n');
    }
  }
  dg_buf_free(&plain);
}
