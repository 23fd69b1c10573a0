/* The legend of Leipzig labels: every label degloss prints on a gloss line
 * with what it means (dictionaries/leipzig-labels.tsv, compiled in), and the
 * split of a gloss line's label string ("PST.3SG", "M/N.GEN") into legend
 * entries.  Internal; the public view is degloss_labels() in degloss.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_LABELS_H
#define DG_LABELS_H

#include <stdbool.h>
#include <stddef.h>

#include "degloss.h"

/* Room for the legend in a renderer's "labels used" set (formats.h). */
#define DG_LABEL_MAX 128

/* The legend in its file order; *count gets its length. */
const degloss_label *dg_labels(size_t *count);
/* The legend index of the label s[0..n), or -1. */
int dg_label_find(const char *s, size_t n);
/* Mark the legend entries of a label string in used[DG_LABEL_MAX]: the
 * labels joined by "." or "/" ("M/N.GEN"), person and number written
 * together ("3SG" = 3 + SG).  Returns false when a part is not in the
 * legend (it is then left unmarked). */
bool dg_labels_mark(const char *s, size_t n, bool *used);

#endif
