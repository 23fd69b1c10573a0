/* dglookup: debug tool printing what the lexicon knows about words.
 *   dglookup [--lex FILE] [--pos POS] [--glossary FILE]... [--max N] WORD...
 * For each word: ranked senses with score and provenance, the lemmas of the
 * word as an inflected form, closed-class readings and phrases keyed on it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

int main(int argc, char **argv) {
  const char *path = NULL, *pos = NULL;
  const char *glossaries[16];
  int ng = 0;
  size_t max = 12;
  int first = 1;
  for (; first < argc && strncmp(argv[first], "--", 2) == 0; first++) {
    if (strcmp(argv[first], "--lex") == 0 && first + 1 < argc) path = argv[++first];
    else if (strcmp(argv[first], "--pos") == 0 && first + 1 < argc) pos = argv[++first];
    else if (strcmp(argv[first], "--max") == 0 && first + 1 < argc) max = (size_t)atoi(argv[++first]);
    else if (strcmp(argv[first], "--glossary") == 0 && first + 1 < argc && ng < 16) glossaries[ng++] = argv[++first];
    else {
      fprintf(stderr, "usage: dglookup [--lex FILE] [--pos POS] [--glossary FILE]... [--max N] WORD...\n");
      return 2;
    }
  }
  if (max == 0 || max > 1000) max = 12;
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = path ? dg_lexicon_open(path, &err) : dg_lexicon_open_default(&err);
  if (!lex) {
    fprintf(stderr, "dglookup: %s: %s\n", err.source, err.text);
    return 1;
  }
  for (int i = 0; i < ng; i++)
    if (!dg_lexicon_add_glossary(lex, glossaries[i], &err)) {
      fprintf(stderr, "dglookup: %s: %s\n", err.source, err.text);
      dg_lexicon_close(lex);
      return 1;
    }
  dg_sense *s = calloc(max, sizeof *s);
  const char **lem = calloc(max, sizeof *lem);
  dg_phrase *ph = calloc(max, sizeof *ph);
  for (int a = first; a < argc; a++) {
    const char *w = argv[a];
    printf("%s%s\n", w, dg_lexicon_contains(lex, w) ? "" : "  (not in the lexicon)");
    size_t n = dg_lexicon_senses(lex, w, pos, s, max);
    for (size_t i = 0; i < n && i < max; i++)
      printf("  %2zu. %-28s %-5s %-2s %7.2f  %s%s%s%s%s\n", i + 1, s[i].gloss, s[i].pos,
             s[i].gender, (double)s[i].score, s[i].source, s[i].domains[0] ? "  [" : "",
             s[i].domains, s[i].domains[0] ? "]" : "", "");
    if (n > max) printf("  ... %zu senses in all\n", n);
    size_t nl = dg_lexicon_form_lemmas(lex, w, lem, max);
    for (size_t i = 0; i < nl && i < max; i++) printf("  form of: %s\n", lem[i]);
    size_t nc = dg_lexicon_closed(lex, w, s, max);
    for (size_t i = 0; i < nc && i < max; i++)
      printf("  closed: %-10s %-5s %-22s %-18s %s\n", s[i].lemma, s[i].pos, s[i].gloss,
             s[i].labels, s[i].source);
    size_t np = dg_lexicon_phrases(lex, w, ph, max);
    for (size_t i = 0; i < np && i < max; i++)
      printf("  phrase: %s = %s (%s)\n", ph[i].german, ph[i].gloss, ph[i].source);
    if (np > max) printf("  ... %zu phrases in all\n", np);
  }
  free(s);
  free(lem);
  free(ph);
  dg_lexicon_close(lex);
  return 0;
}
