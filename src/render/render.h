/* Renderers: one file per output format, each only reads the document model.
 * Streaming: dg_render_begin once, dg_render_doc for every chunk in input
 * order, dg_render_end once.  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_RENDER_H
#define DG_RENDER_H

#include <stdbool.h>

#include "doc.h"
#include "util.h"

typedef enum {
  DG_FMT_INTERLINEAR,
  DG_FMT_JSONL,
  DG_FMT_JSON,
  DG_FMT_CONLLU,
  DG_FMT_HTML,
  DG_FMT_TSV
} dg_format;

typedef enum { DG_STYLE_LEIPZIG, DG_STYLE_PLAIN } dg_style;

typedef struct dg_render_opts {
  dg_format format;
  dg_style style;
  unsigned width;        /* interlinear line width in columns (>= 20) */
  bool color;            /* ANSI colour (interlinear only) */
  unsigned alternatives; /* how many ranked glosses to show (0: renderer default) */
} dg_render_opts;

typedef struct dg_render {
  dg_render_opts o;
  unsigned long sentences; /* sentences written so far */
} dg_render;

bool dg_format_parse(const char *s, dg_format *out);
const char *dg_format_name(dg_format f);
bool dg_style_parse(const char *s, dg_style *out);

void dg_render_init(dg_render *r, const dg_render_opts *o);
void dg_render_begin(dg_render *r, dg_buf *out);
void dg_render_doc(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_end(dg_render *r, dg_buf *out);

/* Shared helpers (render_common.c). */
/* Display width of UTF-8 text in terminal columns (utf8proc_charwidth). */
size_t dg_display_width(const char *s, size_t n);
/* The gloss-line text of a token for `style`: "Russia-GEN", "the.M.NOM". */
void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);
/* The segmentation-line text: "Telefon-gespräch", "Russland-s", or the form. */
void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t);

/* Per-format entry points (render_<format>.c). */
void dg_render_interlinear(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty);
void dg_render_conllu(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_html_begin(dg_render *r, dg_buf *out);
void dg_render_html(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_html_end(dg_render *r, dg_buf *out);
void dg_render_tsv_header(dg_render *r, dg_buf *out);
void dg_render_tsv(dg_render *r, const dg_doc *d, dg_buf *out);

#endif
