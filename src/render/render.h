/* Rendering a document: the output format chosen by name, then
 * dg_render_begin once, dg_render_doc for every chunk in input order,
 * dg_render_end once.  The dispatcher (render.c) hands each call to the
 * format's renderer (formats.h).  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_RENDER_H
#define DG_RENDER_H

#include <stdbool.h>

#include "doc.h"
#include "formats.h"
#include "util.h"

bool dg_format_parse(const char *s, dg_format *out);
const char *dg_format_name(dg_format f);
bool dg_style_parse(const char *s, dg_style *out);
bool dg_latex_parse(const char *s, dg_latex *out);
bool dg_layout_parse(const char *s, dg_layout *out);

void dg_render_init(dg_render *r, const dg_render_opts *o);
void dg_render_begin(dg_render *r, dg_buf *out);
void dg_render_doc(dg_render *r, const dg_doc *d, dg_buf *out);
/* A chunk rendered elsewhere (on a worker thread, with its own dg_render
 * made by dg_render_init and set to r's sentence count): r's running state
 * moves on as if dg_render_doc had rendered it here. */
void dg_render_skip(dg_render *r, const dg_doc *d);
/* Only the running state a chunk leaves (the labels an HTML legend lists),
 * for a chunk another dg_render rendered; the sentence count is the
 * caller's. */
void dg_render_account(dg_render *r, const dg_doc *d);
void dg_render_end(dg_render *r, dg_buf *out);
/* Release what a render that was not ended still holds (the vocabulary). */
void dg_render_free(dg_render *r);
/* --vocab-skip: a comma-separated list of names, closed (or none). */
bool dg_vocab_skip_parse(const char *s, bool *names, bool *closed);

#endif
