/* Markdown reader: CommonMark through cmark.  The text, not the markup:
 * headings, paragraphs (also those of list items and block quotes) become
 * paragraphs; emphasis and link markup go, the link text stays; raw HTML is
 * dropped; code spans and code blocks are kept as code (a code block is a
 * paragraph of its own).  A soft line break stays a line break, so the text
 * layer rejoins a word hyphenated at the end of a source line.  A
 * paragraph's origin is the source line it starts on, "line 12".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <cmark.h>

#include "document_internal.h"

static void S_literal(dg_docbuild *b, cmark_node *n) {
  const char *s = cmark_node_get_literal(n);
  if (s) dg_docb_put(b, s, strlen(s), false);
}

bool dg_doc_read_markdown(const char *data, size_t len, const char *name, dg_document *doc,
                          degloss_error *err) {
  cmark_node *root = cmark_parse_document(data, len, CMARK_OPT_DEFAULT);
  if (!root) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: not readable as Markdown", name);
    return false;
  }
  dg_docbuild b;
  dg_docb_init(&b, doc, name);
  cmark_iter *it = cmark_iter_new(root);
  cmark_event_type ev;
  int line = 1;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !b.full) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_EXIT) {
      if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) dg_docb_end(&b, "line %d", line);
      continue;
    }
    switch (t) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      dg_docb_end(&b, "line %d", line);
      line = cmark_node_get_start_line(n);
      break;
    case CMARK_NODE_CODE_BLOCK:
      dg_docb_end(&b, "line %d", line);
      line = cmark_node_get_start_line(n);
      dg_docb_code(&b, true);
      S_literal(&b, n);
      dg_docb_code(&b, false);
      dg_docb_end(&b, "line %d", line);
      break;
    case CMARK_NODE_TEXT: S_literal(&b, n); break;
    case CMARK_NODE_CODE:
      dg_docb_code(&b, true);
      S_literal(&b, n);
      dg_docb_code(&b, false);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: dg_docb_newline(&b); break;
    default: break; /* containers, and raw HTML (dropped) */
    }
  }
  dg_docb_end(&b, "line %d", line);
  cmark_iter_free(it);
  cmark_node_free(root);
  return !dg_docb_full(&b, err);
}
