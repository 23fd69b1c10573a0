/* Fuzz harness: the morphology file loader (src/morph/morph_data.c) and the
 * analyses and compound splits that read it, on a private copy of a
 * compiled degloss.morph patched with the fuzzer's bytes (fuzz.h:
 * dg_fuzz_patch).  The file: the sample compiled from
 * tests/fuzz/morph-sample.txt, or $DG_FUZZ_MORPH (the real
 * build/data/degloss.morph works too, slowly: it is checked whole at each
 * open).  Hunspell gets a tiny dictionary (tests/fuzz/hunspell/) so that
 * creating it each run costs little.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "morph.h"

static const char *const S_words[] = {"Gespräch", "Gesprächen", "Telefongespräch", "Häuser",
                                      "bestätigte", "klarstellen", "stellte", "kam", "schönsten",
                                      "Regierungserklärung", "der", "Aalfang", "Hausmaus", "zu"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *src = getenv("DG_FUZZ_MORPH");
  (void)dg_fuzz_patch(src ? src : DG_FUZZ_SAMPLE_MORPH, "degloss.morph", data, size);
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(dg_fuzz_dir(), DG_FUZZ_HUNSPELL, &err);
  if (m) {
    for (size_t i = 0; i < sizeof S_words / sizeof *S_words; i++) {
      dg_analysis a[8];
      dg_part parts[8];
      (void)dg_morph_analyze(m, S_words[i], i & 1, NULL, a, 8);
      (void)dg_compound_split(m, S_words[i], parts, 8);
      (void)dg_morph_is_verb(m, S_words[i]);
      (void)dg_morph_is_known(m, S_words[i]);
    }
    dg_morph_close(m);
  }
  dg_fuzz_unpatch();
  return 0;
}
