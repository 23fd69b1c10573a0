/* Benchmark of the morph stage: prints the cost of analysing a new word
 * form (dg_morph_analyze + dg_compound_split, median and percentiles) and
 * the throughput on repeated forms (the type cache).
 *   morph_bench [-l] FILE...    (-l: with the lexicon as known-word predicate; German text; words are runs of letters and hyphens)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexicon.h"
#include "morph.h"
#include "morph_text.h"
#include "util.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int S_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static bool S_letter(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
}

static bool S_lex_known(void *ctx, const char *word) {
  return dg_lexicon_contains(ctx, word);
}

int main(int argc, char **argv) {
  /* -l: the bilingual lexicon vouches for parts, as in the gloss stage. */
  bool use_lex = false;
  if (argc > 1 && strcmp(argv[1], "-l") == 0) {
    use_lex = true;
    argv++;
    argc--;
  }
  if (argc < 2) {
    fprintf(stderr, "usage: morph_bench FILE...\n");
    return 2;
  }
  char **tokens = NULL;
  size_t ntok = 0, cap = 0;
  for (int i = 1; i < argc; i++) {
    size_t len;
    degloss_error err = {0};
    char *text = dg_read_file(argv[i], &len, &err);
    if (!text) {
      fprintf(stderr, "morph_bench: %s: %s\n", argv[i], err.text);
      return 1;
    }
    size_t p = 0;
    while (p < len) {
      int32_t c;
      size_t l = dg_utf8_next(text + p, len - p, &c);
      if (!S_letter(c)) {
        p += l;
        continue;
      }
      size_t s = p;
      while (p < len) {
        l = dg_utf8_next(text + p, len - p, &c);
        if (!S_letter(c) && c != '-') break;
        p += l;
      }
      if (ntok == cap) {
        cap = cap ? cap * 2 : 4096;
        tokens = dg_xrealloc(tokens, cap * sizeof *tokens);
      }
      tokens[ntok++] = dg_xstrndup(text + s, p - s);
    }
    free(text);
  }
  degloss_error err = {0};
  double t0 = S_now();
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    fprintf(stderr, "morph_bench: %s: %s\n", err.source, err.text);
    return 1;
  }
  double t_open = S_now() - t0;
  dg_lexicon *lex = NULL;
  if (use_lex) {
    lex = dg_lexicon_open_default(&err);
    if (!lex) {
      fprintf(stderr, "morph_bench: %s: %s\n", err.source, err.text);
      return 1;
    }
    dg_morph_set_known(m, S_lex_known, lex);
  }
  double *cost = dg_xmalloc(ntok * sizeof *cost);
  size_t nnew = 0;
  dg_analysis a[DG_MORPH_MAX_ANALYSES];
  dg_part parts[DG_COMPOUND_MAX_PARTS];
  double t_first = S_now();
  for (size_t i = 0; i < ntok; i++) {
    size_t before;
    dg_morph_cache_stats(m, &before, NULL);
    double s = S_now();
    dg_morph_analyze(m, tokens[i], false, NULL, a, DG_MORPH_MAX_ANALYSES);
    dg_compound_split(m, tokens[i], parts, DG_COMPOUND_MAX_PARTS);
    double e = S_now();
    size_t after;
    dg_morph_cache_stats(m, &after, NULL);
    if (after > before) cost[nnew++] = (e - s) * 1e6;
  }
  double t_first_total = S_now() - t_first;
  /* Repeated forms: everything is cached now. */
  int rounds = 5;
  double t_rep = S_now();
  for (int r = 0; r < rounds; r++)
    for (size_t i = 0; i < ntok; i++) {
      dg_morph_analyze(m, tokens[i], false, NULL, a, DG_MORPH_MAX_ANALYSES);
      dg_compound_split(m, tokens[i], parts, DG_COMPOUND_MAX_PARTS);
    }
  double t_rep_total = S_now() - t_rep;
  qsort(cost, nnew, sizeof *cost, S_cmp);
  double sum = 0;
  for (size_t i = 0; i < nnew; i++) sum += cost[i];
  printf("open (map degloss.morph, load hunspell): %.1f ms\n", t_open * 1000);
  printf("tokens %zu, distinct forms %zu\n", ntok, nnew);
  if (nnew) {
    printf("new form (analyse + split): median %.1f us, p90 %.1f us, p99 %.1f us, mean %.1f us\n",
           cost[nnew / 2], cost[nnew * 9 / 10], cost[nnew * 99 / 100], sum / (double)nnew);
  }
  printf("first pass: %.0f tokens/s\n", (double)ntok / t_first_total);
  printf("repeated forms (cached): %.2f M tokens/s\n",
         (double)ntok * rounds / t_rep_total / 1e6);
  dg_morph_close(m);
  if (lex) dg_lexicon_close(lex);
  for (size_t i = 0; i < ntok; i++) free(tokens[i]);
  free(tokens);
  free(cost);
  return 0;
}
