/* Primary-gloss word-list test: for each lemma of primary-glosses.tsv the
 * lexicon's first sense (with the given POS) must be one of the acceptable
 * glosses.  Prints the pass rate and every failure; fails below the target.
 *   test_primary LIST.tsv TARGET_PERCENT [LEXICON]
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "util.h"

static bool S_acceptable(const char *gloss, const char *list) {
  const char *p = list;
  size_t gl = strlen(gloss);
  for (;;) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n == gl && strncasecmp(p, gloss, n) == 0) return true;
    if (!bar) return false;
    p = bar + 1;
  }
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: test_primary LIST.tsv TARGET_PERCENT [LEXICON]\n");
    return 2;
  }
  double target = atof(argv[2]);
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = argc > 3 ? dg_lexicon_open(argv[3], &err) : dg_lexicon_open_default(&err);
  if (!lex) {
    fprintf(stderr, "%s: %s\n", err.source, err.text);
    return 1;
  }
  size_t len;
  char *text = dg_read_file(argv[1], &len, &err);
  if (!text) {
    fprintf(stderr, "%s: %s\n", err.source, err.text);
    dg_lexicon_close(lex);
    return 1;
  }
  int total = 0, pass = 0;
  long line = 0;
  char *save = NULL;
  for (char *row = strtok_r(text, "\n", &save); row; row = strtok_r(NULL, "\n", &save)) {
    line++;
    if (row[0] == '#' || strncmp(row, "lemma\t", 6) == 0) continue;
    char *lemma = row, *pos = strchr(row, '\t');
    if (!pos) continue;
    *pos++ = '\0';
    char *list = strchr(pos, '\t');
    if (!list) continue;
    *list++ = '\0';
    total++;
    dg_sense s[3];
    size_t n = dg_lexicon_senses(lex, lemma, pos, s, 3);
    if (n > 0 && S_acceptable(s[0].gloss, list)) {
      pass++;
      continue;
    }
    printf("FAIL %-16s %-5s got %-22s want %s", lemma, pos, n ? s[0].gloss : "(nothing)", list);
    if (n > 1) printf("   [then: %s%s%s]", s[1].gloss, n > 2 ? ", " : "", n > 2 ? s[2].gloss : "");
    printf("\n");
  }
  double rate = total ? 100.0 * pass / total : 0;
  printf("primary glosses: %d/%d correct = %.1f %% (target %.1f %%)\n", pass, total, rate, target);
  free(text);
  dg_lexicon_close(lex);
  return total > 0 && rate >= target ? 0 : 1;
}
