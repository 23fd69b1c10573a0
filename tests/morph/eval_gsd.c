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

/* Is `ours` `gold` with every ß written ss? */
static bool S_same_but_eszett(const char *gold, const char *ours) {
  dg_buf b;
  dg_buf_init(&b);
  for (const char *p = gold; *p; p++) {
    if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0x9F) {
      dg_buf_puts(&b, "ss");
      p++;
    } else {
      dg_buf_putc(&b, *p);
    }
  }
  bool same = strcmp(b.data, ours) == 0;
  dg_buf_free(&b);
  return same;
}

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
  long total = 0, ok = 0, ok_hint = 0, n_dass = 0, n_eszett = 0, n_form = 0;
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
    const char *best_pos = k ? an[0].pos : "", *best_feats = k ? an[0].feats : "";
    bool good = strcmp(a.data, b.data) == 0;
    ok += good;
    k = dg_morph_analyze(m, col[1], initial, col[3], an, 4);
    dg_buf guess;
    dg_buf_init(&guess);
    S_lower(&guess, k ? an[0].lemma : col[1]);
    bool good_hint = strcmp(guess.data, b.data) == 0;
    ok_hint += good_hint;
    if (!good) {
      /* Disagreements that are GSD's conventions or errors, counted by
       * rule: daß kept (the issue asks for dass), other old spellings kept
       * (ß where we write ss), and nouns GSD left as their own lemma where
       * our best reading is a plural or genitive of another lemma
       * (Kontaktanfragen, Snacks; this count also holds our own misreadings
       * such as Laden as plural of Lade). */
      dg_buf form;
      dg_buf_init(&form);
      S_lower(&form, col[1]);
      if (strcmp(b.data, "daß") == 0) n_dass++;
      else if (strstr(b.data, "ß") && S_same_but_eszett(b.data, a.data)) n_eszett++;
      else if (strcmp(b.data, form.data) == 0 && (!strcmp(col[3], "NOUN") || !strcmp(col[3], "PROPN")) &&
               (!strcmp(best_pos, "NOUN") || !strcmp(best_pos, "PROPN")) &&
               (strstr(best_feats, "Number=Plur") || strstr(best_feats, "Case=Gen")))
        n_form++;
      dg_buf_free(&form);
    }
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
  printf("disagreements (no hint): %ld, of them GSD conventions/errors by rule: daß kept %ld, "
         "old ß spelling kept %ld, plural or genitive noun left as its own lemma %ld\n",
         total - ok, n_dass, n_eszett, n_form);
  printf("target %.1f %%: %s\n", target, acc >= target ? "met" : "NOT met");
  return acc >= target ? 0 : 1;
}
