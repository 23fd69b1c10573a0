/* The document layer: turns a document (HTML/XHTML, Markdown, PDF, DOCX)
 * into the plain text the pipeline already reads, paragraph by paragraph,
 * with each paragraph's origin in the document.  Plain text passes through
 * unchanged, byte for byte.  Internal, not part of the public API.
 *
 * The extracted text.  Paragraphs follow each other in `text`, separated
 * by a blank line ("\n\n"); each has its byte range and its origin ("body/
 * div[2]/p[3]", "line 12", "page 3", "paragraph 5", "footnote 1").  The
 * text is valid UTF-8 without control characters other than TAB and LF.
 * Offsets of the glossed tokens are byte offsets into this text (not into
 * the document's file).  A paragraph is never longer than
 * DG_TEXT_MAX_PARAGRAPH bytes: a longer one is split at a space into
 * several paragraphs with the same origin.
 *
 * Code.  Markdown code spans and blocks (and HTML code/kbd/samp) are kept
 * as they are: their byte ranges are listed in `code`, and the document
 * source (src/gloss/gloss_input.c) hands each run of non-space characters
 * inside them to the engine as one token of kind "code", which is not
 * glossed.  A paragraph whose text is all code is a code block.
 *
 * Limits.  A document file is read whole, up to DG_DOC_MAX_FILE bytes; the
 * extracted text stops with an error past DG_DOC_MAX_TEXT bytes; HTML
 * nested deeper than DG_DOC_MAX_DEPTH elements is refused; a DOCX entry is
 * read up to DG_DOC_MAX_ENTRY uncompressed bytes (declared and counted),
 * in an archive of at most DG_DOC_MAX_ENTRIES entries.  So memory stays
 * bounded whatever the file claims.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_DOCUMENT_H
#define DG_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define DG_DOC_MAX_FILE ((size_t)256 << 20)
#define DG_DOC_MAX_TEXT ((size_t)256 << 20)
#define DG_DOC_MAX_DEPTH 256
#define DG_DOC_MAX_ENTRY ((size_t)64 << 20)
#define DG_DOC_MAX_ENTRIES 10000

/* What a file is.  AUTO: decide by content (dg_document_sniff). */
typedef enum {
  DG_DOCK_AUTO = 0,
  DG_DOCK_TEXT,
  DG_DOCK_HTML,
  DG_DOCK_MARKDOWN,
  DG_DOCK_PDF,
  DG_DOCK_DOCX
} dg_dockind;

/* "auto", "text", "html", "markdown", "pdf", "docx" (also "xhtml", "md");
 * false if unknown. */
bool dg_dockind_parse(const char *name, dg_dockind *out);
const char *dg_dockind_name(dg_dockind k);

/* One paragraph of the extracted text: text[start, end). */
typedef struct dg_docpara {
  uint64_t start, end;
  size_t origin;  /* offset of its NUL-terminated origin in `origins` */
} dg_docpara;

/* A code region of the extracted text: text[start, end). */
typedef struct dg_docspan {
  uint64_t start, end;
} dg_docspan;

typedef struct dg_document {
  dg_dockind kind;   /* the reader that made it (TEXT: passed through) */
  dg_buf text;       /* the extracted text */
  dg_docpara *paras; /* in text order; empty for TEXT */
  size_t npara, parcap;
  dg_docspan *code;  /* in text order, never overlapping */
  size_t ncode, codecap;
  dg_buf origins;    /* NUL-separated origin strings */
} dg_document;

void dg_document_init(dg_document *d);
void dg_document_free(dg_document *d);
/* The origin of paragraph i ("body/p[3]", "page 2" ...). */
const char *dg_document_origin(const dg_document *d, size_t i);

/* The kind of `len` bytes at `data` (the start of a file is enough; more
 * helps DOCX, whose central directory is at the end) named `name` (may be
 * NULL): by content first (%PDF-, PK\3\4 with [Content_Types].xml and
 * word/document.xml, <!DOCTYPE html, <html, <?xml … xhtml), then by
 * extension (.html/.htm/.xhtml, .md/.markdown, .pdf, .docx); else TEXT.
 * Markdown only by extension: plain text is also valid Markdown. */
dg_dockind dg_document_sniff(const char *data, size_t len, const char *name);
/* The same for an open file descriptor, read with pread() so the file
 * position does not move: its head and (for ZIP) its tail.  TEXT when fd
 * is not a regular file (a pipe is read as text unless a kind is forced). */
dg_dockind dg_document_sniff_fd(int fd, const char *name);

/* Extract the text of `len` bytes at `data` read as `kind` (AUTO: sniffed).
 * `name` names the file in messages.  TEXT copies the bytes unchanged (and
 * lists no paragraphs).  On failure returns false with err set
 * (DEGLOSS_ERR_INPUT: not a readable document of that kind, encrypted,
 * truncated, over a limit; the message says which, err->source is `name`)
 * and *out is left empty.  *out must be initialised. */
bool dg_document_read(const char *data, size_t len, const char *name, dg_dockind kind,
                      dg_document *out, degloss_error *err);
/* Read the file at `path` (or the open stream `in` when not NULL, e.g.
 * standard input) whole, up to DG_DOC_MAX_FILE bytes, then as above.
 * DEGLOSS_ERR_IO when it cannot be read. */
bool dg_document_read_file(const char *path, FILE *in, dg_dockind kind, dg_document *out,
                           degloss_error *err);

#endif
