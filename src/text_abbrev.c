/* The abbreviation table (src/text_abbrev.tsv, compiled into the program).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "text_int.h"

typedef struct {
  const char *key;    /* without spaces: "z.B." */
  const char *text;   /* as usually written: "z. B." */
  int may_end;
} S_abbrev;

static const S_abbrev S_table[] = {
#include "text_abbrev.inc"
};

bool dg_text_abbrev(const char *key, size_t len, bool *may_end) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_table); i++) {
    const char *k = S_table[i].key;
    if (k[0] == key[0] && strlen(k) == len && memcmp(k, key, len) == 0) {
      if (may_end) *may_end = S_table[i].may_end != 0;
      return true;
    }
  }
  return false;
}
