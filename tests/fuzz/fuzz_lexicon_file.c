/* Fuzz harness: the mapped lexicon loader and its lookups
 * (src/lexicon/lexicon.c) on a private copy of a compiled lexicon patched
 * with the fuzzer's bytes (fuzz.h: dg_fuzz_patch).  The file: the sample
 * compiled from tests/lexicon/ding-sample.txt, or $DG_FUZZ_LEXICON (the
 * real build/data/degloss.lex works too; it is only read).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "fuzz.h"
#include "lexicon.h"

static const char *const S_words[] = {"Gespräch", "Gespräche", "bestätigen", "bestätigt", "der",
                                      "Der", "die", "stellte klar", "Maus", "Regierung",
                                      "glauben", "gespräch", "rechenschaft", "zur", "im", "Aal"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *src = getenv("DG_FUZZ_LEXICON");
  const char *path = dg_fuzz_patch(src ? src : DG_FUZZ_SAMPLE_LEX, "degloss.lex", data, size);
  degloss_error err = {0};
  dg_lexicon *lex = dg_lexicon_open(path, &err);
  if (lex) {
    for (size_t i = 0; i < sizeof S_words / sizeof *S_words; i++) {
      dg_sense s[16];
      const char *lemmas[16];
      dg_phrase ph[16];
      (void)dg_lexicon_senses(lex, S_words[i], NULL, s, 16);
      (void)dg_lexicon_senses(lex, S_words[i], "VERB", s, 16);
      (void)dg_lexicon_closed(lex, S_words[i], s, 16);
      (void)dg_lexicon_form_lemmas(lex, S_words[i], lemmas, 16);
      (void)dg_lexicon_phrases(lex, S_words[i], ph, 16);
      (void)dg_lexicon_contains(lex, S_words[i]);
    }
    if (size < 64) (void)dg_lexicon_verify(lex, &err);
    dg_lexicon_close(lex);
  }
  dg_fuzz_unpatch();
  return 0;
}
