/* Fuzz harness: the JSONL input mode (src/gloss/gloss_input.c) read and
 * tokenized, without glossing.  Every token that reaches the document has a
 * non-empty form without TAB, CR or LF (they would break the TSV and
 * CoNLL-U columns), and offsets in order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "gloss_input.h"

static void S_check(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_jsonl: %s\n", what);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dg_fuzz_quiet();
  if (size == 0) return 0;
  FILE *in = fmemopen((void *)data, size, "r");
  if (!in) abort();
  dg_source *src = dg_source_new(in, "fuzz", DEGLOSS_INPUT_JSONL);
  degloss_error err = {0};
  for (dg_doc *d; (d = dg_source_next(src, NULL, &err)) != NULL; dg_doc_free(d))
    for (size_t i = 0; i < d->nsentences; i++) {
      const dg_dsentence *s = &d->sentences[i];
      S_check(s->ntokens > 0, "empty sentence");
      for (size_t k = 0; k < s->ntokens; k++) {
        const char *f = s->tokens[k].form;
        S_check(f && *f && !strpbrk(f, "\t\r\n"), "empty form or control character in form");
        S_check(s->tokens[k].end >= s->tokens[k].start, "token offsets");
      }
    }
  S_check(err.code == DEGLOSS_OK, "read error");
  dg_source_free(src);
  fclose(in);
  return 0;
}
