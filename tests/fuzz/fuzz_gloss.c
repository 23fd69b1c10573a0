/* libFuzzer harness: glosses arbitrary bytes and renders every format.  The
 * first byte chooses text or horizontal input and the style.  Built only
 * with clang and -DDEGLOSS_FUZZ=ON; run with DEGLOSS_DATA_DIR set:
 *   build-fuzz/fuzz_gloss -max_len=4096 corpus/
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>

#include "degloss.h"

static degloss_engine *S_engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!S_engine) {
    degloss_error err = {0};
    S_engine = degloss_engine_new(NULL, &err);
    if (!S_engine) abort();
  }
  if (size == 0) return 0;
  unsigned opts = data[0];
  degloss_error err = {0};
  degloss_doc *d = degloss_gloss(S_engine, (const char *)data + 1, size - 1,
                                 (opts & 1) ? DEGLOSS_INPUT_HORIZONTAL : DEGLOSS_INPUT_TEXT, &err);
  if (!d) return 0;
  static const char *const formats[] = {"interlinear", "jsonl", "json", "conllu", "html", "tsv"};
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
    char *out = degloss_render(d, formats[i], (opts & 2) ? "plain" : "leipzig", 20 + (opts >> 2), &err);
    free(out);
  }
  degloss_doc_free(d);
  return 0;
}
