/* Lemma accuracy on a UD CoNLL-U file (UD German-GSD): tokens as given,
 * punctuation excluded, case ignored, best-ranked lemma.  Prints accuracy
 * without and with the UPOS column as hint; fails when the figure without
 * hint is below the target.
 *   eval_gsd FILE.conllu TARGET_PERCENT [ERRORS_OUT]
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph.h"
#include "morph_text.h"
#include "util.h"

static void S_lower(dg_buf *b, const char *s) {
  dg_buf_clear(b);
  dg_utf8_lower(b, s, strlen(s));
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: eval_gsd FILE.conllu TARGET_PERCENT [ERRORS_OUT]\n");
    return 2;
  }
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    fprintf(stderr, "eval_gsd: %s: %s\n", err.source, err.text);
    return 1;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  FILE *errs = argc > 3 ? fopen(argv[3], "w") : NULL;
  double target = atof(argv[2]);
  char line[8192];
  long total = 0, ok = 0, ok_hint = 0;
  bool first = true;
  dg_buf a, b;
  dg_buf_init(&a);
  dg_buf_init(&b);
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0') {
      first = true;
      continue;
    }
    if (line[0] == '#') continue;
    char *col[10];
    int n = 0;
    char *p = line;
    while (n < 10) {
      col[n++] = p;
      char *t = strchr(p, '\t');
      if (!t) break;
      *t = '\0';
      p = t + 1;
    }
    if (n < 4 || strchr(col[0], '-') || strchr(col[0], '.')) continue;
    bool initial = first;
    first = false;
    if (strcmp(col[3], "PUNCT") == 0) continue;
    total++;
    dg_analysis an[4];
    S_lower(&b, col[2]);
    size_t k = dg_morph_analyze(m, col[1], initial, NULL, an, 4);
    S_lower(&a, k ? an[0].lemma : col[1]);
    bool good = strcmp(a.data, b.data) == 0;
    ok += good;
    k = dg_morph_analyze(m, col[1], initial, col[3], an, 4);
    dg_buf guess;
    dg_buf_init(&guess);
    S_lower(&guess, k ? an[0].lemma : col[1]);
    bool good_hint = strcmp(guess.data, b.data) == 0;
    ok_hint += good_hint;
    if (errs && !good)
      fprintf(errs, "%s\t%s\t%s\t%s\t%s\n", col[1], col[2], col[3], a.data, guess.data);
    dg_buf_free(&guess);
  }
  fclose(f);
  if (errs) fclose(errs);
  dg_buf_free(&a);
  dg_buf_free(&b);
  dg_morph_close(m);
  double acc = total ? 100.0 * (double)ok / (double)total : 0.0;
  double acc_h = total ? 100.0 * (double)ok_hint / (double)total : 0.0;
  printf("lemma accuracy (no hint):   %.2f %% (%ld/%ld)\n", acc, ok, total);
  printf("lemma accuracy (UPOS hint): %.2f %% (%ld/%ld)\n", acc_h, ok_hint, total);
  printf("target %.1f %%: %s\n", target, acc >= target ? "met" : "NOT met");
  return acc >= target ? 0 : 1;
}
