/* Tokens that are not words: punctuation stands for itself; numbers are
 * written the English way (1.000,5 -> 1,000.5) or as ordinals ("17." ->
 * 17th, also before a month: "17. März"); symbols take the dictionary's
 * gloss; URLs, e-mail addresses, handles and hashtags pass through.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <string.h>

#include "word.h"

/* A month name (word class month, from names.tsv): "17. März" is the 17th. */
static bool S_month_like(dg_engine *e, const char *w) { return dg_lexicon_is(e->lex, w, DG_WC_MONTH); }

/* German number notation to English: 1.000,5 -> 1,000.5 */
static void S_number(dg_doc *d, dg_dtoken *t, const dg_dsentence *s, size_t i, dg_engine *e) {
  const char *f = t->form;
  size_t n = strlen(f);
  dg_buf b;
  dg_buf_init(&b);
  bool ordinal = (t->flags & DG_DF_ORDINAL) || (n > 1 && f[n - 1] == '.');
  if (!ordinal && i + 2 < s->ntokens && dg_gl_eq(s->tokens[i + 1].form, ".") && !(t->flags & DG_DF_SPACE_AFTER) &&
      S_month_like(e, s->tokens[i + 2].form) && dg_gl_digits(f))
    ordinal = true;
  if (ordinal) {
    char digits[64];
    size_t m = f[n - 1] == '.' ? n - 1 : n;
    if (m >= sizeof digits) m = sizeof digits - 1;
    memcpy(digits, f, m);
    digits[m] = '\0';
    if (dg_gl_digits(digits)) {
      dg_english_ordinal(&b, digits);
      t->pos = "ADJ";
      t->feats = "NumType=Ord";
      t->labels = "";
      t->lemma = dg_mem_strdup(&d->arena, digits);
      dg_gl_set_single(d, t, b.data);
      t->source = "number";
      dg_buf_free(&b);
      return;
    }
  }
  for (const char *p = f; *p; p++) {
    if (*p == '.' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, ',');
    else if (*p == ',' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, '.');
    else dg_buf_putc(&b, *p);
  }
  t->pos = "NUM";
  t->feats = "NumType=Card";
  t->lemma = dg_mem_strdup(&d->arena, f);
  dg_gl_set_single(d, t, b.data ? b.data : f);
  t->source = "number";
  dg_buf_free(&b);
}

/* Gloss token i if it is punctuation, a number or a symbol; false for words
 * and names. */
bool dg_gl_nonword(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  switch (t->kind) {
  case DG_KIND_PUNCT:
    t->lemma = t->form;
    t->pos = "PUNCT";
    t->source = "punct";
    return true;
  case DG_KIND_NUMBER: S_number(d, t, s, i, e); return true;
  case DG_KIND_SYMBOL:
  case DG_KIND_URL:
  case DG_KIND_EMAIL:
  case DG_KIND_HANDLE:
  case DG_KIND_HASHTAG:
  case DG_KIND_CODE: { /* code is kept as written: its own gloss */
    dg_sense sv[2];
    size_t n = t->kind == DG_KIND_SYMBOL ? dg_gl_senses(e, t->form, NULL, sv, 2) : 0;
    t->lemma = t->form;
    t->pos = t->kind == DG_KIND_SYMBOL ? "SYM" : "X";
    dg_gl_set_single(d, t, n ? sv[0].gloss : t->form);
    t->source = n ? dg_mem_strdup(&d->arena, sv[0].source) : dg_kind_name(t->kind);
    return true;
  }
  default: return false;
  }
}
