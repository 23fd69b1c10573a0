/* German ordinals written as words (ordinal.c): the table of the ordinal
 * stems that are not the cardinal with -t or -st (dictionaries/
 * ordinal-stems.tsv: dritt of drei, acht of acht).  Read once per engine;
 * read-only afterwards (shared with the workers' engines).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_ORDINAL_H
#define DG_GLOSS_ORDINAL_H

#include <stddef.h>

#include "degloss.h"

typedef struct dg_ordinal_stems dg_ordinal_stems;

/* Read the table; NULL with err set (naming the file) when it cannot be
 * read; a missing file is an empty table.  A bad row is a warning naming
 * file:line and is left out. */
dg_ordinal_stems *dg_ordinal_stems_load(const char *path, degloss_error *err);
void dg_ordinal_stems_free(dg_ordinal_stems *t);
size_t dg_ordinal_stems_count(const dg_ordinal_stems *t);

#endif
