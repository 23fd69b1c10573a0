/* The legend of Leipzig labels (see labels.h): the table generated from
 * dictionaries/leipzig-labels.tsv at build time (cmake/leipzig_labels.cmake),
 * lookups in it, and the split of a gloss line's label string into its
 * labels.  The Leipzig Glossing Rules join the grammatical labels of one
 * word with "." (the.M.NOM), write person and number as one label without a
 * dot (3SG: third person singular, rule 5) and use "/" here for a form that
 * is ambiguous between two values (M/N: masculine or neuter).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "labels.h"
#include "util.h"

static const degloss_label S_labels[] = {
#include "leipzig_labels.inc"
};

_Static_assert(DG_ARRAY_LEN(S_labels) <= DG_LABEL_MAX, "DG_LABEL_MAX is too small for the legend");

const degloss_label *dg_labels(size_t *count) {
  if (count) *count = DG_ARRAY_LEN(S_labels);
  return S_labels;
}

const degloss_label *degloss_labels(size_t *count) { return dg_labels(count); }

int dg_label_find(const char *s, size_t n) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_labels); i++)
    if (strlen(S_labels[i].label) == n && memcmp(S_labels[i].label, s, n) == 0) return (int)i;
  return -1;
}

/* One label of a label string: itself, or person + number ("3SG"). */
static bool S_mark_one(const char *s, size_t n, bool *used) {
  int k = dg_label_find(s, n);
  if (k >= 0) {
    used[k] = true;
    return true;
  }
  if (n >= 2 && s[0] >= '1' && s[0] <= '3') {
    int p = dg_label_find(s, 1), q = dg_label_find(s + 1, n - 1);
    if (p >= 0 && q >= 0) {
      used[p] = used[q] = true;
      return true;
    }
  }
  return false;
}

bool dg_labels_mark(const char *s, size_t n, bool *used) {
  bool ok = true;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '.' && s[j] != '/') j++;
    if (j > i && !S_mark_one(s + i, j - i, used)) ok = false;
    i = j + 1;
  }
  return ok;
}
