/* degloss --check-data: verify the run-time data files a glossing run would
 * read, without glossing anything.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_CHECKDATA_H
#define DG_CHECKDATA_H

#include <stdio.h>

/* Check degloss.lex and degloss.morph (header, full checksum, tables),
 * mwe.tsv in `data_dir` (NULL or "": degloss_data_dir(), as the engine
 * resolves it) and the hunspell dictionary (`hunspell_base`.aff/.dic when
 * set, else `dict` — NULL: de_DE — in the configured hunspell directory).
 * Writes one tab-separated line per file to `out`:
 *   PATH  SIZE  KIND  VERSION  ok|PROBLEM
 * and "degloss: PATH: PROBLEM" to `diag` for every bad file.  Returns the
 * number of bad files (0: all fine). */
int dg_check_data(const char *data_dir, const char *dict, const char *hunspell_base, FILE *out,
                  FILE *diag);

#endif
