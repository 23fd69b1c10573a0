/* Fuzz harness: the whole pipeline as the command line runs it, from input
 * bytes through the engine to one renderer.  Byte 0 picks the input mode
 * (text, horizontal, JSONL, lines), the encoding and the style; byte 1 the format,
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
  static const degloss_encoding encs[8] = {
      DEGLOSS_ENCODING_AUTO,  DEGLOSS_ENCODING_UTF8,    DEGLOSS_ENCODING_CP1252,  DEGLOSS_ENCODING_LATIN1,
      DEGLOSS_ENCODING_UTF16, DEGLOSS_ENCODING_UTF16LE, DEGLOSS_ENCODING_UTF16BE, DEGLOSS_ENCODING_AUTO};
  static const degloss_input kinds[4] = {DEGLOSS_INPUT_TEXT, DEGLOSS_INPUT_HORIZONTAL,
                                         DEGLOSS_INPUT_JSONL, DEGLOSS_INPUT_LINES};
  degloss_input kind = kinds[data[0] & 3];
  dg_render_opts ro = {0};
  ro.style = (data[0] & 0x20) ? DG_STYLE_PLAIN : DG_STYLE_LEIPZIG;
  ro.alternatives = (data[0] >> 6) & 3;
  ro.format = (dg_format)((data[1] & 15) % (DG_FMT_VOCAB + 1));
  ro.latex = (data[1] & 16) ? DG_LATEX_EXPEX : DG_LATEX_GB4E;
  ro.layout = (data[1] & 16) ? DG_LAYOUT_PARALLEL : DG_LAYOUT_DEFAULT;
  ro.color = ro.latex_standalone = ro.vocab_skip_names = (data[1] & 32) != 0;
  ro.width = 20 + (data[1] >> 6) * 30u;
  FILE *in = fmemopen((void *)(data + 2), size - 2, "r");
  if (!in) abort();
  dg_source *src = dg_source_new(in, "fuzz", kind);
  dg_source_set_encoding(src, encs[(data[0] >> 2) & 7]);
  dg_render r;
  dg_render_init(&r, &ro);
  dg_buf out;
  dg_buf_init(&out);
  dg_render_begin(&r, &out);
  degloss_error err = {0};
  for (dg_doc *d; (d = dg_source_next(src, S_engine, &err)) != NULL; dg_doc_free(d))
    dg_render_doc(&r, d, &out);
  dg_render_end(&r, &out);
  dg_render_free(&r);
  dg_buf_free(&out);
  dg_source_free(src);
  fclose(in);
  return 0;
}
