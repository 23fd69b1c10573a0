/* The crude English stemmer of en_stem.h (shared by the library and the
 * lexicon compiler).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "en_stem.h"

#include <ctype.h>
#include <string.h>

void dg_en_stem(const char *word, char *out, size_t outsz) {
  size_t n = 0;
  for (const char *p = word; *p && n + 1 < outsz; p++) out[n++] = (char)tolower((unsigned char)*p);
  out[n] = '\0';
  if (n > 4 && strcmp(out + n - 3, "ies") == 0) {
    strcpy(out + n - 3, "y");
    return;
  }
  if (n > 5 && strcmp(out + n - 3, "ing") == 0) n -= 3;
  else if (n > 4 && strcmp(out + n - 2, "ed") == 0) n -= 2;
  else if (n > 4 && strcmp(out + n - 2, "es") == 0) n -= 2;
  else if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's') n -= 1;
  if (n > 3 && out[n - 1] == 'e') n--;
  if (n > 3 && out[n - 1] == out[n - 2] && strchr("bdgmnprt", out[n - 1])) n--; /* stopped */
  out[n] = '\0';
}
