/* morph-probe: prints the analyses and compound parts of each word given
 * (arguments, or one word a line on standard input).
 *   morph-probe [-s] [-p UPOS] WORD...      -s: sentence-initial
 * Reads degloss.morph from $DEGLOSS_DATA_DIR (or the build tree).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "morph.h"

static void S_show(dg_morph *m, const char *w, bool initial, const char *hint) {
  dg_analysis a[DG_MORPH_MAX_ANALYSES];
  size_t n = dg_morph_analyze(m, w, initial, hint, a, DG_MORPH_MAX_ANALYSES);
  printf("%s\n", w);
  for (size_t i = 0; i < n; i++)
    printf("  %-20s %-5s %-10s %s%s%s  %.2f\n", a[i].lemma, a[i].pos, a[i].leipzig, a[i].feats,
           a[i].particle ? " particle=" : "", a[i].particle ? a[i].particle : "", a[i].score);
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t np = dg_compound_split(m, w, p, DG_COMPOUND_MAX_PARTS);
  printf("  parts:");
  for (size_t i = 0; i < np; i++)
    printf(" %s%s(%s)", i ? "| " : "", p[i].form, p[i].kind == DG_PART_LINK ? "link" : p[i].lemma);
  printf("\n");
}

int main(int argc, char **argv) {
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    fprintf(stderr, "morph-probe: %s: %s\n", err.source, err.text);
    return 1;
  }
  bool initial = false;
  const char *hint = NULL;
  int words = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-s")) initial = true;
    else if (!strcmp(argv[i], "-p") && i + 1 < argc) hint = argv[++i];
    else {
      S_show(m, argv[i], initial, hint);
      words++;
    }
  }
  if (!words) {
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
      line[strcspn(line, "\r\n")] = '\0';
      if (*line) S_show(m, line, initial, hint);
    }
  }
  dg_morph_close(m);
  return 0;
}
