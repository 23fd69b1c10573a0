/* Word-list tests in the manner of Snowball's voc/output lists.
 *
 *   wordlist analyze FILE    lines: WORD FLAGS LEMMA UPOS LEIPZIG PARTICLE
 *     FLAGS: "s" sentence-initial, "-" none; the best-ranked analysis must
 *     have this lemma and UPOS; LEIPZIG "*" = any, else it must be one of
 *     the labels of the analyses of that lemma; PARTICLE "*" any, "-" none.
 *   wordlist feats FILE      lines: WORD FLAGS LEMMA LEIPZIG FEATS
 *     some analysis of the lemma must have exactly these label and FEATS.
 *   wordlist split FILE      lines: WORD PARTS [LEMMAS]
 *     PARTS: forms joined by '|' (links are parts); LEMMAS: the lemmas of
 *     all parts joined by '|' ('*' for any).
 * Fields are tab-separated; '#' starts a comment line.  Prints each failure
 * and the pass rate; exits 1 when any line fails.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph.h"
#include "util.h"

static int S_fields(char *line, char **f, int max) {
  int n = 0;
  char *p = line;
  while (n < max) {
    f[n++] = p;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = '\0';
    p = t + 1;
  }
  return n;
}

static bool S_analyze(dg_morph *m, char **f, int n) {
  if (n < 6) return false;
  dg_analysis a[DG_MORPH_MAX_ANALYSES];
  size_t k = dg_morph_analyze(m, f[0], strchr(f[1], 's') != NULL, NULL, a, DG_MORPH_MAX_ANALYSES);
  if (!k) return false;
  if (strcmp(a[0].lemma, f[2]) != 0 || strcmp(a[0].pos, f[3]) != 0) return false;
  if (strcmp(f[4], "*") != 0) {
    bool found = false;
    for (size_t i = 0; i < k; i++)
      found |= strcmp(a[i].lemma, f[2]) == 0 && strcmp(a[i].leipzig, f[4]) == 0;
    if (!found) return false;
  }
  if (strcmp(f[5], "*") == 0) return true;
  if (strcmp(f[5], "-") == 0) return a[0].particle == NULL;
  return a[0].particle && strcmp(a[0].particle, f[5]) == 0;
}

static bool S_feats(dg_morph *m, char **f, int n) {
  if (n < 5) return false;
  dg_analysis a[DG_MORPH_MAX_ANALYSES];
  size_t k = dg_morph_analyze(m, f[0], strchr(f[1], 's') != NULL, NULL, a, DG_MORPH_MAX_ANALYSES);
  for (size_t i = 0; i < k; i++)
    if (strcmp(a[i].lemma, f[2]) == 0 && strcmp(a[i].leipzig, f[3]) == 0 &&
        strcmp(a[i].feats, f[4]) == 0)
      return true;
  return false;
}

static bool S_split(dg_morph *m, char **f, int n, dg_buf *got) {
  if (n < 2) return false;
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t k = dg_compound_split(m, f[0], p, DG_COMPOUND_MAX_PARTS);
  dg_buf forms, lemmas;
  dg_buf_init(&forms);
  dg_buf_init(&lemmas);
  for (size_t i = 0; i < k; i++) {
    dg_buf_printf(&forms, "%s%s", i ? "|" : "", p[i].form);
    dg_buf_printf(&lemmas, "%s%s", i ? "|" : "", p[i].lemma);
  }
  dg_buf_printf(got, "%s  [%s]", forms.len ? forms.data : "", lemmas.len ? lemmas.data : "");
  bool ok = k && strcmp(forms.data, f[1]) == 0 &&
            (n < 3 || strcmp(f[2], "*") == 0 || strcmp(lemmas.data, f[2]) == 0);
  dg_buf_free(&forms);
  dg_buf_free(&lemmas);
  return ok;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: wordlist analyze|feats|split FILE\n");
    return 2;
  }
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    fprintf(stderr, "wordlist: %s: %s\n", err.source, err.text);
    return 1;
  }
  FILE *f = fopen(argv[2], "r");
  if (!f) {
    perror(argv[2]);
    dg_morph_close(m);
    return 1;
  }
  char line[4096];
  long total = 0, ok = 0, lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line || line[0] == '#') continue;
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", line);
    char *fld[8];
    int n = S_fields(line, fld, 8);
    bool good;
    dg_buf got;
    dg_buf_init(&got);
    if (strcmp(argv[1], "analyze") == 0) good = S_analyze(m, fld, n);
    else if (strcmp(argv[1], "feats") == 0) good = S_feats(m, fld, n);
    else good = S_split(m, fld, n, &got);
    total++;
    ok += good;
    if (!good) {
      printf("FAIL %s:%ld: %s", argv[2], lineno, copy);
      if (got.len) printf("   got: %s", got.data);
      else {
        dg_analysis a[4];
        size_t k = dg_morph_analyze(m, fld[0], n > 1 && strchr(fld[1], 's'), NULL, a, 4);
        printf("   got:");
        for (size_t i = 0; i < k; i++)
          printf(" %s/%s/%s/%s%s", a[i].lemma, a[i].pos, a[i].leipzig, a[i].feats,
                 a[i].particle ? "/+" : "");
      }
      printf("\n");
    }
    dg_buf_free(&got);
  }
  fclose(f);
  dg_morph_close(m);
  printf("%s %s: %ld/%ld pass (%.1f %%)\n", argv[1], argv[2], ok, total,
         total ? 100.0 * (double)ok / (double)total : 0.0);
  printf("%ld passed, %ld failed\n", ok, total - ok);
  return ok == total && total > 0 ? 0 : 1;
}
