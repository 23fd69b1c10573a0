/* An article's agreement with its noun where the noun's form alone does
 * not tell its number, and the partitive "one" (agree.c).  Asked by the
 * closed-class choice (closed.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_AGREE_H
#define DG_GLOSS_AGREE_H

#include <stdbool.h>
#include <stddef.h>

#include "gloss_internal.h"

/* Is the noun at n, of gender glab (DG_LB_M, DG_LB_F or DG_LB_N), plural
 * because the article at i before it (only adjectives and numbers
 * between) has no singular reading of that gender?
 * A noun in -er, -el, -en whose plural has no ending (Unterstützer,
 * Lehrer, Bürger, Mädchen) is read singular first; "die" has no masculine
 * or neuter reading, so "die Unterstützer" is plural (NOM/ACC.PL), as
 * "der Mädchen" is (GEN.PL).  Only a noun with a plural analysis. */
bool dg_gl_zero_plural(const dg_gl_ctx *c, size_t i, size_t n, unsigned glab);

/* Make the indefinite article at i (einer, eines, einem, einen, eine: its
 * chosen reading glossed "a") the pronoun "one" when it is one of a
 * partitive: followed by a genitive plural, an article or possessive with
 * a genitive plural reading, adjectives and a noun with a plural analysis
 * ("einer der wichtigsten Wahlen": one of the most important elections;
 * "eines seiner Kinder").  Not before a singular noun ("einer der Frau
 * gehörenden Tasche"), nor before an adjective ("einer alten Frau").
 * The pronoun's gender is the noun's and its case its own place's where
 * no preposition governs it ("ist einer der beliebtesten Präsidenten":
 * one.M.NOM): its labels and features. */
void dg_gl_partitive_one(dg_doc *d, dg_gl_ctx *c, size_t i);

/* Is the superlative determiner at i (word class am-superlative: meisten)
 * the adverbial superlative: right after "am" (a preposition fused with
 * the dative article), with no noun after it ("Er mag das am meisten" =
 * most; not "die meisten Leute" = most.PL, nor "am meisten Geld")? */
bool dg_gl_am_superlative(const dg_gl_ctx *c, size_t i);

#endif
