/* Fuzz harness: the user glossary parser (dg_lexicon_add_glossary) on a
 * file of the fuzzer's bytes, loaded twice over the sample lexicon (a later
 * glossary overrides an earlier one), then a lookup of each line's lemma.
 * The lexicon: $DG_FUZZ_LEXICON, else the sample the build compiles from
 * tests/lexicon/ding-sample.txt.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lexicon.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dg_fuzz_quiet();
  const char *lexpath = getenv("DG_FUZZ_LEXICON");
  degloss_error err = {0};
  dg_lexicon *lex = dg_lexicon_open(lexpath ? lexpath : DG_FUZZ_SAMPLE_LEX, &err);
  if (!lex) {
    fprintf(stderr, "fuzz_glossary: %s\n", err.text);
    abort();
  }
  const char *path = dg_fuzz_write("glossary.tsv", data, size);
  for (int i = 0; i < 2; i++)
    if (!dg_lexicon_add_glossary(lex, path, &err)) abort();
  /* each line's first field, as a lemma to look up */
  for (size_t at = 0; at < size;) {
    const uint8_t *nl = memchr(data + at, '\n', size - at);
    size_t ll = nl ? (size_t)(nl - (data + at)) : size - at;
    const uint8_t *tab = memchr(data + at, '\t', ll);
    char *lemma = dg_xstrndup((const char *)data + at, tab ? (size_t)(tab - (data + at)) : ll);
    dg_sense s[8];
    size_t n = dg_lexicon_senses(lex, lemma, NULL, s, 8);
    for (size_t k = 0; k < n && k < 8; k++)
      if (!s[k].gloss || !s[k].pos || !s[k].source) abort();
    (void)dg_lexicon_senses(lex, lemma, "NOUN", s, 8);
    (void)dg_lexicon_contains(lex, lemma);
    free(lemma);
    at += ll + 1;
  }
  dg_lexicon_close(lex);
  return 0;
}
