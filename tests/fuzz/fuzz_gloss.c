/* Fuzz harness: the whole pipeline as the command line runs it, from input
 * bytes through the engine to one renderer.  Byte 0 picks the input mode
 * (text, horizontal, JSONL), the encoding and the style; byte 1 the format,
 * width, colour and number of alternatives; the rest is the input.  Needs
 * the run-time data (build/data, or DEGLOSS_DATA_DIR).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "gloss_input.h"
#include "render.h"
#include "text.h"

static dg_engine *S_engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dg_fuzz_quiet();
  if (!S_engine) {
    degloss_error err = {0};
    S_engine = dg_engine_new(&(dg_engine_opts){0}, &err);
    if (!S_engine) {
      fprintf(stderr, "fuzz_gloss: %s\n", err.text);
      abort();
    }
  }
  if (size < 3) return 0;
  static const dg_encoding encs[8] = {DG_ENC_AUTO,    DG_ENC_UTF8,    DG_ENC_CP1252, DG_ENC_LATIN1,
                                      DG_ENC_UTF16,   DG_ENC_UTF16LE, DG_ENC_UTF16BE, DG_ENC_AUTO};
  static const dg_in_kind kinds[4] = {DG_SRC_TEXT, DG_SRC_HORIZONTAL, DG_SRC_JSONL, DG_SRC_TEXT};
  dg_in_kind kind = kinds[data[0] & 3];
  dg_render_opts ro = {0};
  ro.style = (data[0] & 0x20) ? DG_STYLE_PLAIN : DG_STYLE_LEIPZIG;
  ro.alternatives = (data[0] >> 6) & 3;
  ro.format = (dg_format)((data[1] & 7) % 6);
  ro.color = (data[1] & 8) != 0;
  ro.width = 20 + (data[1] >> 4) * 8u;
  FILE *in = fmemopen((void *)(data + 2), size - 2, "r");
  if (!in) abort();
  dg_source *src = dg_source_new(in, "fuzz", kind);
  dg_source_set_encoding(src, (int)encs[(data[0] >> 2) & 7]);
  dg_render r;
  dg_render_init(&r, &ro);
  dg_buf out;
  dg_buf_init(&out);
  dg_render_begin(&r, &out);
  degloss_error err = {0};
  for (dg_doc *d; (d = dg_source_next(src, S_engine, &err)) != NULL; dg_doc_free(d))
    dg_render_doc(&r, d, &out);
  dg_render_end(&r, &out);
  dg_buf_free(&out);
  dg_source_free(src);
  fclose(in);
  return 0;
}
