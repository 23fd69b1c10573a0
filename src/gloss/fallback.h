/* The fallbacks of the content-word pass for a word without senses
 * (fallback.c), for senses.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_FALLBACK_H
#define DG_GLOSS_FALLBACK_H

#include "gloss_internal.h"

/* Word i read with analysis a (bits af; NULL, 0 without one) when no
 * sense is found for it: a compound glossed from its np parts (name_head,
 * parts_unknown: as the compound step told), hyphenated pieces (unless
 * hyphen_asked: the caller found none), a name (propn), then the fallbacks
 * in order.  (A function of its own, out of line from dg_gl_open: most
 * words have senses.) */
void dg_gl_no_senses(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, const dg_analysis *a, unsigned af, size_t np,
                     bool propn, bool name_head, bool parts_unknown, bool hyphen_asked);

#endif
