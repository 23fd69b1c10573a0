/* A translation file: a line-aligned English text of the input whose lines
 * become the free translations of the output records, as if an MT provider
 * (provider "file") had given them.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_TRFILE_H
#define DG_GLOSS_TRFILE_H

#include <stdbool.h>

#include "doc.h"

typedef struct dg_trfile dg_trfile;

/* Read the whole file: its lines (LF or CRLF), cleaned of controls, invalid
 * UTF-8 replaced with a warning naming the file and line.  NULL with err
 * set (DEGLOSS_ERR_IO, naming the file) when it cannot be read.  `lines`:
 * the records are input lines (lines input), else sentences. */
dg_trfile *dg_trfile_open(const char *path, bool lines, degloss_error *err);
/* One input more (its name, for the count message). */
void dg_trfile_note_input(dg_trfile *t, const char *name);
/* Give the chunk's records their lines, in input order: one line per
 * record of lines input (`record` > 0: the sentences of a line share it,
 * the first carries it), else one per sentence.  An empty line gives no
 * translation. */
void dg_trfile_apply(dg_trfile *t, dg_doc *d);
/* After the last input: false with err (DEGLOSS_ERR_INPUT) when the file's
 * line count differs from the records read, the message naming both. */
bool dg_trfile_check(const dg_trfile *t, degloss_error *err);
/* Before any output, for lines input: false with err (as dg_trfile_check)
 * when `records`, the lines counted in the inputs `names` (n of them), is
 * not the file's line count. */
bool dg_trfile_precheck(const dg_trfile *t, size_t records, const char *const *names, size_t n,
                        degloss_error *err);
void dg_trfile_free(dg_trfile *t);

#endif
