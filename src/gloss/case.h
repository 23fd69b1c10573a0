/* The case of an article or pronoun from the words around it (case.c):
 * DG_LB_NOM, DG_LB_ACC, DG_LB_DAT, DG_LB_GEN bits (lexicon.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_CASE_H
#define DG_GLOSS_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "gloss_internal.h"

/* The case a preposition's reading (its labels' bits lb) governs:
 * DG_LB_ACC, DG_LB_DAT, DG_LB_GEN, both DG_LB_ACC and DG_LB_DAT (a two-way
 * preposition: either case) or 0 (no preposition). */
unsigned dg_gl_adp_case(unsigned lb);

/* The case the preposition just before word i governs, as dg_gl_adp_case,
 * or 0. */
unsigned dg_gl_case_governed(dg_gl_ctx *c, size_t i);

/* The case that the words around an article at i ask for, when no
 * preposition governs it (DG_LB_* bits, 0 for none):
 * - after a conjunction joining noun phrases, the first conjunct's
 *   ("zwischen Russland und der Ukraine", "der Service und die
 *   Kompetenz");
 * - after a comparison particle, the compared phrase's ("Bündnissen wie
 *   der EU": DAT);
 * - after a comma that ends a noun phrase, that phrase's (a list, an
 *   apposition: "in der Street, einer großen Einkaufsstraße": DAT);
 * - before a conjunction, the next conjunct's article when it has but one
 *   case ("seiner Wirtschaft und seinem Militär": DAT). */
unsigned dg_gl_case_context(const dg_gl_ctx *c, size_t i);

/* Does an article or pronoun at i, which no preposition governs, stand
 * where the subject stands (NOM, else ACC)? */
bool dg_gl_case_subject(const dg_gl_ctx *c, size_t i);

/* The number of a noun: 1 when all its noun analyses are plural, 0 when
 * all are singular, else -1 (Europäer, Arbeitgeber: either). */
int dg_gl_noun_number(const dg_gl_word *w);

/* The number of the antecedent of a relative pronoun at i (the noun just
 * before the comma, and the preposition, that open its clause: "Forderungen
 * …, die"; not the noun of an attribute, "der Grad der Alphabetisierung,
 * der"): 1 plural, 0 singular, -1 unknown; *gender gets a singular one's
 * DG_LB_M, DG_LB_F or DG_LB_N. */
int dg_gl_case_antecedent(const dg_gl_ctx *c, size_t i, unsigned *gender);

/* The subject agrees with the finite verb.  In a clause that ends in its
 * finite verb (opened by a conjunction, a relative pronoun or a question
 * word inside the sentence, or by the word at i itself when `opens`: a
 * relative pronoun, welche), the noun phrase of the word at i, which ends
 * at `last` and is of this number (1 plural, 0 singular, -1 unknown), is
 * no subject (DG_LB_ACC) when it does not agree with the verb and another
 * word may be the subject, or another word must be ("Forderungen, die die
 * Ukraine … betrachtet" ACC.PL, "welche Garantien die Ukraine erhalten
 * würde", "…, die er bekam"); it is the subject (DG_LB_NOM) when it agrees
 * and no word before it may be; else 0. */
unsigned dg_gl_case_by_agreement(const dg_gl_ctx *c, size_t i, size_t last, int plural, bool opens);

#endif
