/* The last pass over a sentence: the Leipzig labels a reader of the gloss
 * line needs (possessives show their agreement, nouns only GEN and PL,
 * adjectives their degree), FUT or PASS from the context, the segmentation
 * of the form against its lemma, the plain-English form, and the German
 * word repeated where no gloss was found.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "parts.h"
#include "word.h"

/* Keep the labels a reader of the gloss line needs. */
static const char *S_display_labels(dg_doc *d, const char *pos, const char *leipzig, bool closed) {
  if (!leipzig || !*leipzig) return "";
  dg_buf b;
  dg_buf_init(&b);
  /* Possessives: the possessor is in the gloss ("his"); show the
   * agreement with the noun ("3SG.M/N.POSS.M.NOM.SG" -> "M.NOM"). */
  const char *poss = closed ? strstr(leipzig, "POSS.") : NULL;
  if (poss) leipzig = poss + 5;
  char *copy = dg_xstrdup(leipzig), *save = NULL;
  for (char *p = strtok_r(copy, ".", &save); p; p = strtok_r(NULL, ".", &save)) {
    bool keep;
    if (closed && dg_gl_eq(pos, "ADP"))
      keep = !strcmp(p, "NOM") || !strcmp(p, "ACC") || !strcmp(p, "DAT") || !strcmp(p, "GEN");
    else if (closed)
      keep = strcmp(p, "DEF") && strcmp(p, "INDF") && strcmp(p, "SG") && p[0] != '+' &&
             !(dg_gl_eq(pos, "PRON") && !strcmp(p, "PRS"));
    else if (dg_gl_eq(pos, "NOUN") || dg_gl_eq(pos, "PROPN")) keep = !strcmp(p, "GEN") || !strcmp(p, "PL");
    else if (dg_gl_eq(pos, "VERB") || dg_gl_eq(pos, "AUX")) keep = true;
    else if (dg_gl_eq(pos, "ADJ") || dg_gl_eq(pos, "ADV")) keep = !strcmp(p, "CMPR") || !strcmp(p, "SUPL");
    else keep = false;
    if (!keep) continue;
    if (b.len) dg_buf_putc(&b, '.');
    dg_buf_puts(&b, p);
  }
  free(copy);
  const char *r = dg_mem_strdup(&d->arena, b.data ? b.data : "");
  dg_buf_free(&b);
  return r;
}

/* Leipzig labels (with FUT/PASS from the context) and segmentation of every
 * word, its plain-English form (plain.c), and the German word repeated
 * where no gloss was found. */
void dg_gl_labels(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c->w[i];
    if (t->kind == DG_KIND_PUNCT) continue;
    if (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) {
      if (t->flags & DG_DF_SEP_PARTICLE) {
        t->labels = "";
      } else {
        /* An expression's gloss on a function word carries no labels. */
        const char *lab = (t->mwe_head && w->is_closed) ? "" : S_display_labels(d, t->pos, w->leipzig, w->is_closed);
        if (w->extra) {
          dg_buf b;
          dg_buf_init(&b);
          dg_buf_puts(&b, w->extra);
          if (*lab) {
            dg_buf_putc(&b, '.');
            dg_buf_puts(&b, lab);
          }
          lab = dg_mem_strdup(&d->arena, b.data);
          dg_buf_free(&b);
        }
        t->labels = lab;
      }
      if (!t->seg && *t->labels && !w->is_closed && !t->nparts)
        t->seg = dg_gl_segment(d, t->form, t->lemma, t->pos);
      if (t->seg && t->nparts > 1 && *t->labels && !(t->flags & DG_DF_SEP_PARTICLE)) {
        /* keep the compound segmentation; labels join with '-' */
      }
      /* A compound with its own entry: the gloss line shows the parts only
       * when their glosses make the word's gloss (a completed suspended
       * part shows its borrowed piece: [Kinder]-erziehung). */
      if (t->nparts > 1 && !(t->flags & DG_DF_SUSPENDED) && t->source && strncmp(t->source, "compound", 8) != 0 &&
          strncmp(t->source, "parts", 5) != 0 && !dg_gl_parts_agree(t))
        t->flags |= DG_DF_WHOLE_GLOSS;
      dg_gl_plain(e, d, c, i);
    }
    if (!t->gloss[0]) {
      dg_gl_set_single(d, t, t->form);
      t->source = "unknown";
      t->reason = "no gloss found: the German word is repeated";
      t->flags |= DG_DF_GUESS;
    }
  }
}
