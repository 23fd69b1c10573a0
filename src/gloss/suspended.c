/* Suspended compounds: "Ein- und Ausfuhr", "Vor- oder Nachteile",
 * "Kinderbetreuung und -erziehung".  The truncated word is completed from
 * its neighbour across the conjunction (Ein- + fuhr = Einfuhr; Kinder +
 * -erziehung = Kindererziehung) and glossed as the completed word; the
 * segmentation line shows the borrowed piece in brackets (Ein-[fuhr]).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "word.h"
#include "morph_text.h"

/* Words that may stand between a suspended part and its neighbour: a few
 * punctuation marks and the words of class suspend-joiner (und, oder, bzw,
 * statt ...). */
static bool S_joiner(const dg_lexicon *lex, const dg_dtoken *t) {
  if (t->kind == DG_KIND_PUNCT) return !strcmp(t->form, ",") || !strcmp(t->form, "/") ||
                                       !strcmp(t->form, "&") || !strcmp(t->form, ".");
  return t->kind == DG_KIND_WORD && dg_lexicon_is(lex, t->form, DG_WC_SUSPEND_JOINER);
}

/* The neighbour word: the first word after (dir > 0) or before (dir < 0)
 * token i that is neither a joiner nor suspended itself. */
static const dg_dtoken *S_neighbour(const dg_lexicon *lex, const dg_dsentence *s, size_t i, int dir) {
  for (size_t step = 1; step <= 8; step++) {
    if (dir < 0 && step > i) return NULL;
    size_t j = dir > 0 ? i + step : i - step;
    if (j >= s->ntokens) return NULL;
    const dg_dtoken *t = &s->tokens[j];
    if (t->flags & DG_DF_SUSPENDED) continue;
    if (S_joiner(lex, t)) continue;
    return t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME ? t : NULL;
  }
  return NULL;
}

/* Is w a word, and a noun when it is capitalised (Vorteile, not the verb
 * form voreile)? */
static bool S_known(dg_engine *e, const char *w) {
  if (!dg_gl_is_upper_initial(w))
    return dg_morph_is_known(e->morph, w) || dg_lexicon_contains(e->lex, w);
  dg_analysis an[8];
  size_t n = dg_morph_analyze_sure(e->morph, w, false, an, 8);
  for (size_t k = 0; k < n && k < 8; k++)
    if ((!strcmp(an[k].pos, "NOUN") || !strcmp(an[k].pos, "PROPN")) && an[k].score >= 8.0f)
      return true;
  dg_sense sv[1];
  return dg_lexicon_senses(e->lex, w, "NOUN", sv, 1) > 0;
}

/* Offsets (bytes) of the code points of s, at most max. */
static size_t S_cps(const char *s, size_t *off, size_t max) {
  size_t n = strlen(s), k = 0;
  for (size_t i = 0; i < n && k < max;) {
    int32_t c;
    off[k++] = i;
    i += dg_utf8_next(s + i, n - i, &c);
  }
  return k;
}

/* The suspended part f completed with the piece of the neighbour nb
 * before (leading "-erziehung") or after (trailing "Ein-") byte `cut`;
 * `hyphen`: f keeps its hyphen (the neighbour's piece is hyphenated too).
 * *shown gets the segmentation with the borrowed piece in brackets. */
static const char *S_complete(dg_doc *d, const char *f, const char *nb, size_t cut, bool trailing,
                              bool hyphen, const char **shown) {
  dg_buf w, sh;
  dg_buf_init(&w);
  dg_buf_init(&sh);
  if (trailing) {
    dg_buf_put(&w, f, strlen(f) - (hyphen ? 0 : 1)); /* "Ein" + "fuhr" */
    dg_buf_puts(&w, nb + cut);
    dg_buf_puts(&sh, f);
    dg_buf_putc(&sh, '[');
    dg_buf_puts(&sh, nb + cut);
    dg_buf_putc(&sh, ']');
  } else {
    dg_buf_put(&w, nb, cut); /* "Kinder" + "erziehung" */
    dg_buf_puts(&w, f + 1);
    dg_buf_putc(&sh, '[');
    dg_buf_put(&sh, nb, cut);
    dg_buf_putc(&sh, ']');
    dg_buf_puts(&sh, f);
  }
  const char *r = dg_mem_strdup(&d->arena, w.data);
  *shown = dg_mem_strdup(&d->arena, sh.data);
  dg_buf_free(&w);
  dg_buf_free(&sh);
  return r;
}

const char *dg_gl_complete_suspended(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i,
                                     const char **display) {
  const char *f = s->tokens[i].form;
  size_t n = strlen(f);
  if (n < 3) return NULL;
  bool trailing = f[n - 1] == '-', leading = f[0] == '-';
  if (trailing == leading) return NULL;
  const dg_dtoken *nb = S_neighbour(e->lex, s, i, trailing ? 1 : -1);
  if (!nb) return NULL;
  /* A hyphenated neighbour lends the piece after (or before) its hyphen:
   * "Arktis- oder Antarktis-Gegenden" = Arktis-Gegenden. */
  const char *hy = trailing ? strrchr(nb->form, '-') : strchr(nb->form, '-');
  if (hy) {
    if (hy[1] == '\0' || hy == nb->form) return NULL;
    size_t cut = (size_t)(hy - nb->form) + 1; /* trailing: after the hyphen; leading: with it */
    return S_complete(d, f, nb->form, cut, trailing, true, display);
  }
  dg_part p[DG_GL_MAX_PARTS];
  size_t np = dg_compound_split(e->morph, nb->form, p, DG_GL_MAX_PARTS);
  size_t last = 0; /* start of the neighbour's last stem */
  for (size_t k = 1; k < np; k++)
    if (p[k].kind == DG_PART_STEM) last = p[k].start;
  size_t off[256];
  size_t ncp = S_cps(nb->form, off, 256);
  /* The neighbour's own split when it makes a known word, then any cut
   * that makes a known word (Vor- + teile of Nachteile, the longest
   * borrowed piece first), then the neighbour's split anyway. */
  for (size_t k = 0; k <= ncp + 1; k++) {
    size_t cut;
    bool check = true;
    if (k == 0 || k == ncp + 1) {
      if (!last) continue;
      cut = last;
      check = k == 0;
    } else {
      /* trailing: borrow the suffix from the k-th code point; leading:
       * the prefix up to the k-th code point from the end */
      if (ncp < k + 3) {
        k = ncp;
        continue;
      }
      cut = trailing ? off[k] : off[ncp - k];
    }
    const char *shown;
    const char *w = S_complete(d, f, nb->form, cut, trailing, false, &shown);
    if (check && !S_known(e, w)) continue;
    *display = shown;
    return w;
  }
  return NULL;
}

/* The segmentation of a spelling variant's standard form in the letters as
 * written (REGEL-N of REGELN), or NULL. */
static const char *S_variant_seg(dg_doc *d, const dg_dtoken *t, const char *written) {
  if (!t->seg || strlen(t->form) != strlen(written)) return NULL;
  dg_buf b;
  dg_buf_init(&b);
  size_t k = 0;
  for (const char *p = t->seg; *p; p++) {
    if (*p == '-' || *p == '[' || *p == ']') dg_buf_putc(&b, *p);
    else if (k < strlen(written)) dg_buf_putc(&b, written[k++]);
  }
  const char *r = k == strlen(written) ? dg_mem_strdup(&d->arena, b.data) : NULL;
  dg_buf_free(&b);
  return r;
}

/* Put the written form of suspended part i back ("Ein-" for Einfuhr),
 * with its segmentation, once the sentence's words are glossed. */
void dg_gl_restore_suspended(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  dg_dtoken *t = &c->s->tokens[i];
  /* a spelling variant keeps the standard form's segmentation, in the
   * letters as written when they have as many bytes (Koeln, REGELN) */
  t->seg = w->variant ? S_variant_seg(d, t, w->written) : w->shown;
  t->form = dg_mem_strdup(&d->arena, w->written);
}
