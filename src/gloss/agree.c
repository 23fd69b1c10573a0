/* An article's agreement with its noun where the noun's form alone does
 * not tell its number (die Unterstützer: plural), and the indefinite
 * article that is the pronoun "one" before a genitive plural (einer der
 * Wahlen: one of the elections).  Asked by the closed-class choice
 * (closed.c) with the readings of the words after the article, not yet
 * chosen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "agree.h"

#include "demonym.h"

#include "word.h"

/* Has w a noun analysis in the plural? */
static bool S_plural_noun_reading(const dg_gl_word *w) {
  if (!dg_gl_any_an(w, DG_GL_F_PLUR)) return false;
  for (size_t a = 0; a < w->nan; a++)
    if (dg_gl_an_pos(w, a, DG_GL_P_NOUN | DG_GL_P_PROPN) && dg_gl_an_feat(w, a, DG_GL_F_PLUR)) return true;
  return false;
}

bool dg_gl_zero_plural(const dg_gl_ctx *c, size_t i, size_t n, unsigned glab) {
  const dg_dsentence *s = c->s;
  const dg_gl_word *w = &c->w[i];
  if (!glab || n <= i || n >= s->ntokens) return false;
  /* (the noun of the article's own phrase: only adjectives and numbers
   * between them, not "diese an anderen Küstenstreifen") */
  for (size_t j = i + 1; j < n; j++) {
    const dg_gl_word *a = &c->w[j];
    if (s->tokens[j].kind == DG_KIND_NUMBER) continue;
    /* (a place's adjective in -er: die Hamburger Hafenanlagen, demonym.c) */
    if (dg_gl_place_adjective(c, j, NULL)) continue;
    if (s->tokens[j].kind != DG_KIND_WORD || a->ncl || !a->nan || !dg_gl_any_an(a, DG_GL_P_ADJ)) return false;
  }
  /* (a singular article reading of the noun's gender: "der Lehrer" may be
   * either, and stays as the choice makes it) */
  for (size_t k = 0; k < w->ncl; k++) {
    unsigned lb = w->cl[k].bits;
    if (DG_LB_POS(lb) == DG_UD_DET && !(lb & DG_LB_REL) && (lb & glab)) return false;
  }
  return S_plural_noun_reading(&c->w[n]);
}

bool dg_gl_partitive_one(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t j = i + 1;
  if (j >= s->ntokens || s->tokens[j].kind != DG_KIND_WORD) return false;
  /* (the next word: a determiner with a genitive plural reading) */
  const dg_gl_word *d = &c->w[j];
  bool gen_pl = false;
  for (size_t k = 0; k < d->ncl && !gen_pl; k++) {
    unsigned lb = d->cl[k].bits;
    gen_pl = DG_LB_POS(lb) == DG_UD_DET && (lb & DG_LB_GEN) && (lb & DG_LB_PL);
  }
  if (!gen_pl) return false;
  /* (its adjectives, lower case, then its noun) */
  for (j++; j < s->ntokens && j <= i + 5; j++) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *w = &c->w[j];
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
    if (dg_gl_is_upper_initial(t->form)) return S_plural_noun_reading(w);
    if (w->ncl || !w->nan || !dg_gl_any_an(w, DG_GL_P_ADJ)) return false;
  }
  return false;
}
