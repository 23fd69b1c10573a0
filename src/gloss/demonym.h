/* A place's adjective in -er before a noun (Berliner Mauer: the Berlin
 * wall), asked by the closed-class choice of the article before it
 * (closed.c, agree.c) and glossed by the names pass (names.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_DEMONYM_H
#define DG_GLOSS_DEMONYM_H

#include <stdbool.h>
#include <stddef.h>

#include "gloss_internal.h"
#include "word.h"

/* Is word i a place's adjective in -er: a capitalised word in -er whose
 * form without -er is a place the lexicon knows (a PROPN sense: Berlin,
 * Köln; a first sense among Ding's geographical names: Hongkong; with the
 * word before it: New Yorker; for an -er word the lexicon has no sense
 * of, the place in -en: Bremer, Münchner), one space before a capitalised
 * noun of its phrase (or a word the morphology does not know: Skyline)?
 * *place (when
 * not NULL) gets the place's sense, whose gloss is its English name
 * (Cologne).  Not a country's person noun of names.tsv (Japaner, Iraner:
 * the adjective of a country ends in -isch), which stays a noun ("dass
 * die Japaner Fisch essen").  (_slow: once the two words are known to be
 * capitalised, one space apart.) */
bool dg_gl_place_adjective_slow(const dg_gl_ctx *c, size_t i, dg_sense *place);
/* (asked of every noun after an article: the tests of two bytes in line,
 * the rest only for two capitalised words one space apart) */
static inline bool dg_gl_place_adjective(const dg_gl_ctx *c, size_t i, dg_sense *place) {
  if (i + 1 >= c->s->ntokens) return false;
  const dg_dtoken *t = &c->s->tokens[i];
  if (!(t->flags & DG_DF_SPACE_AFTER) || !dg_gl_is_upper_initial(t->form) || !dg_gl_is_upper_initial(t[1].form))
    return false;
  return dg_gl_place_adjective_slow(c, i, place);
}

/* The names pass's step, asked of word i (capitalised, a space after it)
 * before a capitalised word that is no closed-class word nor part of an
 * expression (names.c S_after_role_at, whose walk of the sentence reads
 * both): is word i a place adjective?  If so it is glossed as its place's
 * English name, an adjective without labels (it does not inflect): Kölner
 * Dom = Cologne cathedral, not "people from Cologne"; Berliner Mauer =
 * Berlin wall, not "doughnut".  (A word of an expression keeps the
 * expression's gloss: die Wiener Philharmoniker = the Vienna Philharmonic.) */
bool dg_gl_place_adjective_at(dg_doc *d, dg_gl_ctx *c, size_t i);

#endif
