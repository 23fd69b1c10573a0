/* Parallel text: one tab-separated row per sentence under a header row,
 * for aligned-corpus tools and spreadsheets: the sentence's id (FILE:LINE
 * of its start, or its number when the input is not a file), the German
 * sentence, the free translation (empty when there is none) and the gloss
 * line (the words the interlinear gloss line shows, in the --style chosen,
 * one space between columns).  Tabs, newlines and backslashes inside a
 * field are written \t \n \\ (lookup table), so a row is always one line
 * of four fields.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cells.h"
#include "formats.h"

static const char *const S_esc[256] = {['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r", ['\\'] = "\\\\"};

static void S_val(dg_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (S_esc[c]) dg_buf_puts(b, S_esc[c]);
    else dg_buf_putc(b, (char)c);
  }
}

void dg_render_parallel_header(dg_render *r, dg_buf *out) {
  (void)r;
  dg_buf_puts(out, "id\ttext\ttranslation\tgloss\n");
}

void dg_render_parallel(dg_render *r, const dg_doc *d, dg_buf *out) {
  dg_buf field, cell;
  dg_buf_init(&field);
  dg_buf_init(&cell);
  for (size_t si = 0; si < d->nsentences; si++) {
    const dg_dsentence *s = &d->sentences[si];
    r->sentences++;
    dg_buf_clear(&field);
    dg_render_sentence_id(&field, d, s, s->record ? (unsigned long)s->record : r->sentences);
    S_val(out, field.data, field.len);
    dg_buf_putc(out, '\t');
    S_val(out, s->text, strlen(s->text));
    dg_buf_putc(out, '\t');
    if (s->translation) S_val(out, s->translation, strlen(s->translation));
    dg_buf_putc(out, '\t');
    /* The gloss line: a column's glosses run together as on the
     * interlinear gloss line; a column of punctuation alone has none. */
    dg_buf_clear(&field);
    for (size_t i = 0, end; i < s->ntokens; i = end) {
      end = dg_render_column_end(s, i);
      dg_buf_clear(&cell);
      for (size_t k = i; k < end; k++) dg_render_gloss_text(&cell, &s->tokens[k], s, r->o.style);
      if (!cell.len) continue;
      if (field.len) dg_buf_putc(&field, ' ');
      dg_buf_put(&field, cell.data, cell.len);
    }
    S_val(out, field.data ? field.data : "", field.len);
    dg_buf_putc(out, '\n');
  }
  dg_buf_free(&field);
  dg_buf_free(&cell);
}
