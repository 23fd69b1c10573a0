/* Inputs of the engine: text, horizontal text, JSONL or a document's
 * extracted text, read in chunks of glossed sentences (input order, bounded
 * memory).  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_INPUT_H
#define DG_GLOSS_INPUT_H

#include <stdio.h>

#include "doc.h"
#include "document.h"
#include "gloss.h"
#include "text.h"

typedef struct dg_source dg_source;

/* `in` is not closed.  `name` names the input in warnings. */
dg_source *dg_source_new(FILE *in, const char *name, degloss_input kind);
/* The input encoding (degloss.h) of a text or horizontal
 * source, before the first dg_source_next(); JSONL is always UTF-8. */
void dg_source_set_encoding(dg_source *s, degloss_encoding encoding);
/* A document read by src/document/ (HTML, Markdown, PDF, DOCX): its
 * paragraphs in order, each sentence carrying its paragraph's origin, code
 * regions as tokens of kind code.  The source takes `doc` over (its
 * contents; *doc is left empty) and frees it. */
dg_source *dg_source_new_document(dg_document *doc, const char *name);
/* Over memory (text or horizontal); the bytes must outlive the source. */
dg_source *dg_source_new_mem(const char *data, size_t len, const char *name, degloss_input kind);
/* The next chunk of glossed sentences, or NULL at the end (check err->code
 * for a read error).  With e NULL the sentences are tokenized but not
 * glossed (src/api/jobs.c glosses them in worker threads). */
dg_doc *dg_source_next(dg_source *src, dg_engine *e, degloss_error *err);
void dg_source_free(dg_source *s);
/* The input's name as messages give it ("-" for standard input). */
const char *dg_source_name(const dg_source *s);
/* Can the input carry translations of its own (JSONL objects)? */
bool dg_source_has_translations(const dg_source *s);

/* Paragraph i of `doc` into sentences appended to d, glossed unless e is
 * NULL (src/gloss/gloss_document.c).  *code is the first code span not yet
 * passed; it moves on. */
void dg_source_document_paragraph(dg_engine *e, dg_doc *d, const dg_document *doc, size_t i,
                                  size_t *code, unsigned parno, const char *name);

#endif
