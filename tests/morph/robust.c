/* Robustness and API checks of the morph stage: pathological words finish
 * in milliseconds and give sane results, the caches keep strings stable,
 * bad data files are clean errors.  Checks: tests/harness/harness.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "morph.h"
#include "util.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Analyse and split `w`; check the parts cover it in order; return ms. */
static double S_probe(dg_morph *m, const char *name, const char *w) {
  double t0 = S_now();
  dg_analysis a[DG_MORPH_MAX_ANALYSES];
  size_t na = dg_morph_analyze(m, w, false, NULL, a, DG_MORPH_MAX_ANALYSES);
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t np = dg_compound_split(m, w, p, DG_COMPOUND_MAX_PARTS);
  double ms = (S_now() - t0) * 1000.0;
  size_t len = strlen(w);
  OK(*w ? na >= 1 : na == 0, "%s: %zu analyses", name, na);
  OK(*w ? np >= 1 : np == 0, "%s: %zu parts", name, np);
  unsigned prev = 0;
  for (size_t i = 0; i < np; i++) {
    OK(p[i].start >= prev && p[i].end > p[i].start && p[i].end <= len,
       "%s: part %zu at %u..%u", name, i, p[i].start, p[i].end);
    OK(strlen(p[i].form) == p[i].end - p[i].start &&
           memcmp(p[i].form, w + p[i].start, p[i].end - p[i].start) == 0,
       "%s: part %zu form", name, i);
    OK(p[i].lemma && *p[i].lemma, "%s: part %zu lemma", name, i);
    prev = p[i].end;
  }
  for (size_t i = 0; i < na; i++)
    OK(a[i].lemma && a[i].pos && a[i].feats && a[i].leipzig, "%s: analysis %zu strings", name, i);
  printf("%-28s %8.2f ms  %zu analyses, %zu parts\n", name, ms, na, np);
  return ms;
}

static char *S_repeat(const char *unit, size_t total) {
  size_t ul = strlen(unit);
  char *s = dg_xmalloc(total + 1);
  for (size_t i = 0; i < total; i++) s[i] = unit[i % ul];
  s[total] = '\0';
  return s;
}

int main(void) {
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    printf("FAIL open: %s: %s\n", err.source, err.text);
    return 1;
  }
  /* Pathological words: each must finish well within 200 ms even under
   * AddressSanitizer (they take about a millisecond in a normal build). */
  const double limit = 200.0;
  /* Untimed: the Hunspell handle is created on the first word needing it
   * (a one-time start-up cost, not the word's). */
  S_probe(m, "warm-up", "Quabbelwurstzz");
  char *w;
  w = S_repeat("a", 10000);
  OK(S_probe(m, "10000 x a", w) < limit, "10000 x a too slow");
  free(w);
  w = S_repeat("Donaudampfschiff", 10000);
  OK(S_probe(m, "compound x 625", w) < limit, "long compound too slow");
  free(w);
  w = S_repeat("a1b2c3", 10000);
  OK(S_probe(m, "digits and letters", w) < limit, "digits and letters too slow");
  free(w);
  w = S_repeat("Haus-", 10000);
  OK(S_probe(m, "2000 hyphen segments", w) < limit, "hyphen chain too slow");
  free(w);
  w = S_repeat("-", 300);
  OK(S_probe(m, "hyphens only", w) < limit, "hyphens too slow");
  free(w);
  w = S_repeat("Telefongesprächs", 60);
  OK(S_probe(m, "60 compounds (960 letters)", w) < limit, "too slow");
  free(w);
  S_probe(m, "invalid UTF-8", "Ge\xff\xfespr\xc3");
  S_probe(m, "lone continuation", "\x80\x80\x80");
  S_probe(m, "empty", "");
  S_probe(m, "one letter", "x");
  S_probe(m, "suspended Ein-", "Ein-");

  /* The type cache: the second call returns the same strings. */
  dg_analysis a1[4], a2[4];
  size_t n1 = dg_morph_analyze(m, "Gesprächen", false, NULL, a1, 4);
  size_t forms0, lookups0;
  dg_morph_cache_stats(m, &forms0, &lookups0);
  size_t n2 = dg_morph_analyze(m, "Gesprächen", false, NULL, a2, 4);
  size_t forms1, lookups1;
  dg_morph_cache_stats(m, &forms1, &lookups1);
  OK(n1 == n2 && n1 > 0 && a1[0].lemma == a2[0].lemma, "cache returns the same strings");
  OK(forms1 == forms0 && lookups1 == lookups0 + 1, "cache: %zu/%zu forms", forms0, forms1);
  /* max smaller than the count: fills at most max. */
  dg_analysis one[1];
  OK(dg_morph_analyze(m, "bestätigte", false, NULL, one, 1) == 1, "max 1");
  dg_part p1[1];
  OK(dg_compound_split(m, "Waffenstillstandsabkommen", p1, 1) == 1 &&
         strcmp(p1[0].form, "Waffenstillstand") == 0,
     "split max 1");

  /* is_verb. */
  OK(dg_morph_is_verb(m, "klarstellen"), "klarstellen is a verb");
  OK(dg_morph_is_verb(m, "vorankommen"), "vorankommen is a verb");
  OK(dg_morph_is_verb(m, "bestätigen"), "bestätigen is a verb");
  OK(!dg_morph_is_verb(m, "Gespräch"), "Gespräch is no verb");
  OK(!dg_morph_is_verb(m, "klar"), "klar is no verb");
  OK(!dg_morph_is_verb(m, ""), "empty is no verb");

  /* Random byte strings (fixed seed): no crash, the invariants hold. */
  unsigned seed = 12345;
  char buf[64];
  int bad = 0;
  for (int i = 0; i < 3000; i++) {
    size_t len = 1 + (size_t)(i % 40);
    for (size_t k = 0; k < len; k++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = (seed >> 16) & 0xFF;
      /* mostly letters, hyphens and UTF-8 umlaut bytes, some noise */
      buf[k] = (char)(r < 150 ? 'a' + r % 26 : r < 170 ? 'A' + r % 26 : r < 185 ? '-' : r < 200 ? 0xC3 : r < 215 ? 0xA4 : r < 225 ? '0' + r % 10 : r);
      if (buf[k] == 0) buf[k] = 'x';
    }
    buf[len] = '\0';
    dg_analysis a[DG_MORPH_MAX_ANALYSES];
    size_t na = dg_morph_analyze(m, buf, i % 3 == 0, i % 5 == 0 ? "NOUN" : NULL, a, DG_MORPH_MAX_ANALYSES);
    dg_part p[DG_COMPOUND_MAX_PARTS];
    size_t np = dg_compound_split(m, buf, p, DG_COMPOUND_MAX_PARTS);
    if (na < 1 || np < 1) bad++;
    for (size_t k = 0; k < np; k++)
      if (p[k].end > len || p[k].start >= p[k].end) bad++;
  }
  OK(bad == 0, "random strings: %d bad results", bad);

  /* The known-word predicate reaches the splitter. */
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t np = dg_compound_split(m, "Quabbelwurst", p, DG_COMPOUND_MAX_PARTS);
  printf("Quabbelwurst without lexicon: %zu parts\n", np);
  dg_morph_close(m);

  /* Another hunspell dictionary (de_CH) is a parameter. */
  degloss_error ech = {0};
  dg_morph *mch = dg_morph_open(NULL, "/usr/share/hunspell/de_CH", &ech);
  OK(mch != NULL, "open with de_CH: %s", ech.text);
  if (mch) {
    dg_analysis a[4];
    OK(dg_morph_analyze(mch, "Strassen", false, NULL, a, 4) >= 1 && strcmp(a[0].lemma, "Straße") == 0,
       "de_CH: Strassen -> Straße");
    dg_morph_close(mch);
  }

  /* Errors: a missing data directory, a corrupt file. */
  degloss_error e1 = {0};
  OK(dg_morph_open("/nonexistent-dir", NULL, &e1) == NULL && e1.code == DEGLOSS_ERR_IO,
     "missing data: code %d %s", (int)e1.code, e1.text);
  char dir[] = "/tmp/dgmorphXXXXXX";
  if (mkdtemp(dir)) {
    char *path = dg_path_join(dir, "degloss.morph");
    FILE *f = fopen(path, "w");
    if (f) {
      fputs("DGLSDATAMORPH\0\0\0garbage", f);
      fclose(f);
    }
    degloss_error e2 = {0};
    OK(dg_morph_open(dir, NULL, &e2) == NULL && e2.code == DEGLOSS_ERR_FORMAT,
       "corrupt data: code %d %s", (int)e2.code, e2.text);
    degloss_error e3 = {0};
    OK(dg_morph_open(NULL, "/nonexistent/de_XX", &e3) == NULL, "missing hunspell");
    remove(path);
    free(path);
    rmdir(dir);
  }
  return DONE("morph.robust");
}
