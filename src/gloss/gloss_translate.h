/* Sentence translation of a glossed chunk through the MT client.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_TRANSLATE_H
#define DG_GLOSS_TRANSLATE_H

#include "doc.h"
#include "mt.h"

/* Translate every sentence of d; returns the number that failed. */
size_t dg_doc_translate(dg_doc *d, dg_mt *mt);

#endif
