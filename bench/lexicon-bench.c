/* Lexicon benchmark: file size, open (map) time, lookups per second,
 * checksum verification time.
 *   lexicon-bench LEXICON WORDFILE
 * WORDFILE: any German text; its words are looked up.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lexicon.h"
#include "util.h"

static double S_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int S_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: lexicon-bench LEXICON WORDFILE\n");
    return 2;
  }
  struct stat st;
  if (stat(argv[1], &st) != 0) {
    perror(argv[1]);
    return 1;
  }
  printf("file size:            %.1f MB (%lld bytes)\n", (double)st.st_size / 1e6, (long long)st.st_size);
  degloss_error err;
  memset(&err, 0, sizeof err);
  enum { RUNS = 101 };
  double t[RUNS];
  dg_sense s[16];
  for (int i = 0; i < RUNS; i++) {
    double t0 = S_now();
    dg_lexicon *lex = dg_lexicon_open(argv[1], &err);
    if (!lex) {
      fprintf(stderr, "%s: %s\n", err.source, err.text);
      return 1;
    }
    dg_lexicon_senses(lex, "Gespräch", NULL, s, 16); /* first lookup touches pages */
    t[i] = S_now() - t0;
    dg_lexicon_close(lex);
  }
  qsort(t, RUNS, sizeof *t, S_cmp);
  printf("open + first lookup:  median %.3f ms, max %.3f ms (%d runs)\n", t[RUNS / 2] * 1e3,
         t[RUNS - 1] * 1e3, RUNS);
  dg_lexicon *lex = dg_lexicon_open(argv[1], &err);
  double t0 = S_now();
  bool ok = dg_lexicon_verify(lex, &err);
  printf("checksum verify:      %.1f ms (%s)\n", (S_now() - t0) * 1e3, ok ? "ok" : err.text);
  size_t len;
  char *text = dg_read_file(argv[2], &len, &err);
  if (!text) {
    fprintf(stderr, "%s: %s\n", err.source, err.text);
    dg_lexicon_close(lex);
    return 1;
  }
  char **words = NULL;
  size_t nw = 0, cap = 0;
  char *save = NULL;
  for (char *w = strtok_r(text, " \t\n.,;:!?\"()„“”–-", &save); w;
       w = strtok_r(NULL, " \t\n.,;:!?\"()„“”–-", &save)) {
    if (nw == cap) {
      cap = cap ? cap * 2 : 1024;
      words = dg_xrealloc(words, cap * sizeof *words);
    }
    words[nw++] = w;
  }
  long lookups = 0, found = 0;
  t0 = S_now();
  double el;
  const char *lem[8];
  do {
    for (size_t i = 0; i < nw; i++) {
      size_t n = dg_lexicon_senses(lex, words[i], NULL, s, 16);
      n += dg_lexicon_closed(lex, words[i], s, 16);
      n += dg_lexicon_form_lemmas(lex, words[i], lem, 8);
      lookups += 3;
      found += n > 0;
    }
    el = S_now() - t0;
  } while (el < 1.0);
  printf("lookups:              %.2f million/s (senses + closed + form_lemmas on %zu words of %s; %.0f %% of words found)\n",
         (double)lookups / el / 1e6, nw, argv[2], 100.0 * (double)found / ((double)lookups / 3));
  free(words);
  free(text);
  dg_lexicon_close(lex);
  return 0;
}
