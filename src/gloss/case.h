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
 * - before a conjunction, the next conjunct's article when it has but one
 *   case ("seiner Wirtschaft und seinem Militär": DAT). */
unsigned dg_gl_case_context(const dg_gl_ctx *c, size_t i);

/* Does an article or pronoun at i, which no preposition governs, stand
 * where the subject stands (NOM, else ACC)? */
bool dg_gl_case_subject(const dg_gl_ctx *c, size_t i);

#endif
