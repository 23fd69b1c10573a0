/* Fuzz harness: the document readers (src/document: HTML/XHTML through
 * libxml2, Markdown through cmark, PDF through poppler, DOCX through libzip
 * and libxml2, and the sniffing that picks one).  Byte 0 picks the kind
 * (auto, HTML, Markdown, PDF, DOCX); the rest is the file.  What a reader
 * gives must keep document.h's promises: paragraphs and code spans in order
 * inside the text, no control character but TAB and LF in it (plain text,
 * which the sniffing may choose, passes through byte for byte).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "text.h"
#include "fuzz.h"

static void S_check(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_document: %s\n", what);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dg_fuzz_quiet();
  if (size < 1) return 0;
  static const dg_dockind kinds[8] = {DG_DOCK_AUTO, DG_DOCK_HTML,     DG_DOCK_MARKDOWN, DG_DOCK_PDF,
                                      DG_DOCK_DOCX, DG_DOCK_MARKDOWN, DG_DOCK_HTML,     DG_DOCK_AUTO};
  dg_document d;
  dg_document_init(&d);
  degloss_error err = {0};
  if (dg_document_read((const char *)data + 1, size - 1, "fuzz.md", kinds[data[0] & 7], &d, &err)) {
    const unsigned char *t = (const unsigned char *)d.text.data;
    if (d.kind == DG_DOCK_TEXT) /* plain text (by sniffing) passes through byte for byte */
      S_check(d.text.len == size - 1 && (size == 1 || !memcmp(t, data + 1, size - 1)),
              "plain text changed");
    else
      for (size_t i = 0; i < d.text.len; i++)
        S_check(t[i] >= 0x20 || t[i] == '\t' || t[i] == '\n', "control character in the text");
    uint64_t at = 0;
    for (size_t i = 0; i < d.npara; i++) {
      S_check(d.paras[i].start >= at && d.paras[i].end >= d.paras[i].start &&
                  d.paras[i].end <= d.text.len && d.paras[i].origin < d.origins.len,
              "paragraph out of order or out of the text");
      S_check(d.paras[i].end - d.paras[i].start <= DG_TEXT_MAX_PARAGRAPH, "paragraph too long");
      (void)dg_document_origin(&d, i);
      at = d.paras[i].end;
    }
    at = 0;
    for (size_t i = 0; i < d.ncode; i++) {
      S_check(d.code[i].start >= at && d.code[i].end >= d.code[i].start &&
                  d.code[i].end <= d.text.len,
              "code span out of order or out of the text");
      at = d.code[i].end;
    }
  }
  dg_document_free(&d);
  return 0;
}
