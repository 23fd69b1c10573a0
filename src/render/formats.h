/* The renderers' side of rendering: the options and the running state every
 * renderer reads (dg_render), and the entry points of each output format,
 * one file per format (interlinear.c, json.c, conllu.c, html.c, tsv.c,
 * latex.c, parallel.c, vocab.c).
 * Only the dispatcher (render.c) calls these; a renderer includes this
 * header and cells.h, never render.h.  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_FORMATS_H
#define DG_FORMATS_H

#include <stdbool.h>

#include "doc.h"
#include "labels.h"
#include "util.h"

typedef enum {
  DG_FMT_INTERLINEAR,
  DG_FMT_JSONL,
  DG_FMT_JSON,
  DG_FMT_CONLLU,
  DG_FMT_HTML,
  DG_FMT_TSV,
  DG_FMT_LATEX,
  DG_FMT_PARALLEL,
  DG_FMT_VOCAB
} dg_format;

typedef enum { DG_STYLE_LEIPZIG, DG_STYLE_PLAIN } dg_style;
/* The LaTeX package the examples are written for. */
typedef enum { DG_LATEX_GB4E, DG_LATEX_EXPEX } dg_latex;
/* HTML: one interlinear block per sentence, or German with its gloss beside
 * the translation. */
typedef enum { DG_LAYOUT_DEFAULT, DG_LAYOUT_PARALLEL } dg_layout;

typedef struct dg_render_opts {
  dg_format format;
  dg_style style;
  unsigned width;        /* interlinear line width in columns (>= 20) */
  bool color;            /* ANSI colour (interlinear only) */
  unsigned alternatives; /* how many ranked glosses to show (0: renderer default) */
  dg_latex latex;        /* latex: gb4e or expex */
  bool latex_standalone; /* latex: a whole document, not only the examples */
  dg_layout layout;      /* html */
  bool vocab_skip_names;  /* vocab: leave out names */
  bool vocab_skip_closed; /* vocab: leave out closed-class words */
  bool senses;            /* json/jsonl: "senses" (each gloss's source and fields) */
} dg_render_opts;

typedef struct dg_render {
  dg_render_opts o;
  unsigned long sentences; /* sentences written so far */
  /* Legend entries (labels.h) shown on the page so far: HTML in Leipzig
   * style lists them at the end.  Kept by the dispatcher (render.c). */
  bool labels_used[DG_LABEL_MAX];
  /* The vocabulary counted so far (vocab.c), made by the format's begin
   * and kept by the dispatcher like the legend; NULL in a dg_render that
   * only renders chunks. */
  struct dg_vocab *vocab;
  /* The subject of the last sentence accounted for (json's end writes it). */
  char subject[32];
} dg_render;
typedef struct dg_vocab dg_vocab;

/* Per-format entry points (<format>.c).  A format's begin and end may be
 * missing; its doc function is called for every chunk in input order. */
void dg_render_interlinear(dg_render *r, const dg_doc *d, dg_buf *out);
/* One sentence object; jsonl and json put them one a line or in an array. */
void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty);
void dg_render_jsonl(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_json_begin(dg_render *r, dg_buf *out);
void dg_render_json(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_json_end(dg_render *r, dg_buf *out);
void dg_render_conllu(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_html_begin(dg_render *r, dg_buf *out);
void dg_render_html(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_html_end(dg_render *r, dg_buf *out);
void dg_render_tsv_header(dg_render *r, dg_buf *out);
void dg_render_tsv(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_latex_begin(dg_render *r, dg_buf *out);
void dg_render_latex(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_latex_end(dg_render *r, dg_buf *out);
void dg_render_parallel_header(dg_render *r, dg_buf *out);
void dg_render_parallel(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_vocab_begin(dg_render *r, dg_buf *out);
void dg_render_vocab(dg_render *r, const dg_doc *d, dg_buf *out);
void dg_render_vocab_end(dg_render *r, dg_buf *out);
/* A chunk's words into r->vocab (nothing when it is NULL), in input order. */
void dg_render_vocab_account(dg_render *r, const dg_doc *d);
/* Release r->vocab (the end function does it after writing the table). */
void dg_render_vocab_free(dg_render *r);

#endif
