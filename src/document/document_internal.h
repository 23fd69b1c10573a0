/* Private to the document layer: the paragraph builder every reader writes
 * through, and the readers' entry points (one file each).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_DOCUMENT_INTERNAL_H
#define DG_DOCUMENT_INTERNAL_H

#include "document.h"

/* The builder appends paragraphs to a dg_document.  A paragraph opens with
 * its first character that is not whitespace (leading whitespace is never
 * kept) and ends with dg_docb_end(), which trims trailing whitespace and
 * records the origin; a paragraph of whitespace alone is never recorded.
 * Text is cleaned on the way in: invalid UTF-8 becomes U+FFFD, CR LF and
 * CR and FF become LF, other C0 and C1 controls, DEL, the bidi
 * embedding/override/isolate characters and U+FEFF are dropped. */
typedef struct dg_docbuild {
  dg_document *doc;
  const char *name;      /* the file, for messages */
  uint64_t start;        /* the open paragraph's first byte in doc->text */
  bool open;             /* a paragraph has begun */
  bool space;            /* collapsing: whitespace is pending */
  bool code;             /* inside code */
  bool in_span;          /* a code span is open (it began at span_start) */
  uint64_t span_start;
  bool full;             /* DG_DOC_MAX_TEXT reached: further text is dropped */
} dg_docbuild;

void dg_docb_init(dg_docbuild *b, dg_document *doc, const char *name);
/* Append s[0..n).  collapse: HTML white space (runs of space, TAB, LF, CR,
 * FF become one space); else kept as it is (preformatted text, code). */
void dg_docb_put(dg_docbuild *b, const char *s, size_t n, bool collapse);
/* A line break inside the paragraph (HTML <br>, DOCX <w:br/>). */
void dg_docb_newline(dg_docbuild *b);
/* Code begins (on) or ends: what is appended in between is code. */
void dg_docb_code(dg_docbuild *b, bool on);
/* Has a paragraph begun (has it got text)? */
static inline bool dg_docb_open(const dg_docbuild *b) { return b->open; }
/* End the open paragraph, its origin formatted like printf; nothing
 * happens when none is open. */
void dg_docb_end(dg_docbuild *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Over DG_DOC_MAX_TEXT: the reader stops and reports it (true). */
bool dg_docb_full(const dg_docbuild *b, degloss_error *err);

/* The readers: fill doc (initialised, empty) from data[0..len); false with
 * err set (DEGLOSS_ERR_INPUT, source = name) on failure. */
bool dg_doc_read_html(const char *data, size_t len, const char *name, dg_document *doc,
                      degloss_error *err);
bool dg_doc_read_markdown(const char *data, size_t len, const char *name, dg_document *doc,
                          degloss_error *err);
bool dg_doc_read_pdf(const char *data, size_t len, const char *name, dg_document *doc,
                     degloss_error *err);
bool dg_doc_read_docx(const char *data, size_t len, const char *name, dg_document *doc,
                      degloss_error *err);

/* libxml2's global set-up, once per process (thread-safe). */
void dg_doc_xml_init(void);

#endif
