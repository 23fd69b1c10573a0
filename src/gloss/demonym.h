/* A place's adjective in -er before a noun (Berliner Mauer: the Berlin
 * wall), asked by the closed-class choice of the article before it
 * (closed.c, agree.c) and glossed by the names pass (names.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_DEMONYM_H
#define DG_GLOSS_DEMONYM_H

#include <stdbool.h>
#include <stddef.h>

#include "gloss_internal.h"

/* Is word i a place's adjective in -er: a capitalised word in -er whose
 * form without -er is a known place (the lexicon's PROPN sense: Berlin,
 * Köln, Hongkong; with the word before it: New Yorker), right before a
 * capitalised noun of its phrase?  *place (when not NULL) gets the
 * place's sense, whose gloss is its English name (Cologne).  Not a
 * country's person noun of names.tsv (Japaner, Iraner: the adjective of a
 * country ends in -isch), which stays a noun ("die Japaner Fisch essen"). */
bool dg_gl_place_adjective(const dg_gl_ctx *c, size_t i, dg_sense *place);

/* The names pass's step: every place adjective of the sentence glossed
 * as its place's English name, an adjective without labels (it does not
 * inflect): Kölner Dom = Cologne cathedral, not "people from Cologne";
 * Berliner Mauer = Berlin wall, not "doughnut". */
void dg_gl_place_adjectives(dg_doc *d, dg_gl_ctx *c);

#endif
