/* The dispatcher: output format, gloss style, LaTeX package and HTML
 * layout by name, each begin/doc/end call handed to the chosen format's
 * renderer, and the running state that outlives a chunk (the sentence
 * count, the Leipzig labels shown so far for the HTML legend, the
 * vocabulary of --format vocab).  Renderers
 * know nothing of each other or of this file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cells.h"
#include "render.h"

static const struct {
  const char *name;
  dg_format f;
} S_formats[] = {{"interlinear", DG_FMT_INTERLINEAR}, {"text", DG_FMT_INTERLINEAR},
                 {"jsonl", DG_FMT_JSONL},             {"json", DG_FMT_JSON},
                 {"conllu", DG_FMT_CONLLU},           {"html", DG_FMT_HTML},
                 {"tsv", DG_FMT_TSV},                 {"latex", DG_FMT_LATEX},
                 {"parallel", DG_FMT_PARALLEL},       {"vocab", DG_FMT_VOCAB}};

bool dg_format_parse(const char *s, dg_format *out) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_formats); i++)
    if (strcmp(s, S_formats[i].name) == 0) {
      *out = S_formats[i].f;
      return true;
    }
  return false;
}

const char *dg_format_name(dg_format f) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_formats); i++)
    if (S_formats[i].f == f) return S_formats[i].name;
  return "interlinear";
}

bool dg_style_parse(const char *s, dg_style *out) {
  if (strcmp(s, "leipzig") == 0) *out = DG_STYLE_LEIPZIG;
  else if (strcmp(s, "plain") == 0) *out = DG_STYLE_PLAIN;
  else return false;
  return true;
}

bool dg_latex_parse(const char *s, dg_latex *out) {
  if (strcmp(s, "gb4e") == 0) *out = DG_LATEX_GB4E;
  else if (strcmp(s, "expex") == 0) *out = DG_LATEX_EXPEX;
  else return false;
  return true;
}

bool dg_layout_parse(const char *s, dg_layout *out) {
  if (strcmp(s, "default") == 0) *out = DG_LAYOUT_DEFAULT;
  else if (strcmp(s, "parallel") == 0) *out = DG_LAYOUT_PARALLEL;
  else return false;
  return true;
}

void dg_render_init(dg_render *r, const dg_render_opts *o) {
  memset(r, 0, sizeof *r);
  r->o = *o;
  if (r->o.width < 20) r->o.width = 20;
}

/* Each format's renderer; a missing begin or end writes nothing. */
static const struct {
  void (*begin)(dg_render *r, dg_buf *out);
  void (*doc)(dg_render *r, const dg_doc *d, dg_buf *out);
  void (*end)(dg_render *r, dg_buf *out);
} S_renderers[] = {
    [DG_FMT_INTERLINEAR] = {NULL, dg_render_interlinear, NULL},
    [DG_FMT_JSONL] = {NULL, dg_render_jsonl, NULL},
    [DG_FMT_JSON] = {dg_render_json_begin, dg_render_json, dg_render_json_end},
    [DG_FMT_CONLLU] = {NULL, dg_render_conllu, NULL},
    [DG_FMT_HTML] = {dg_render_html_begin, dg_render_html, dg_render_html_end},
    [DG_FMT_TSV] = {dg_render_tsv_header, dg_render_tsv, NULL},
    [DG_FMT_LATEX] = {dg_render_latex_begin, dg_render_latex, dg_render_latex_end},
    [DG_FMT_PARALLEL] = {dg_render_parallel_header, dg_render_parallel, NULL},
    [DG_FMT_VOCAB] = {dg_render_vocab_begin, dg_render_vocab, dg_render_vocab_end},
};

void dg_render_begin(dg_render *r, dg_buf *out) {
  if (S_renderers[r->o.format].begin) S_renderers[r->o.format].begin(r, out);
}

/* The labels of a gloss cell as they are printed, into the legend set. */
static void S_note_labels(dg_buf *b, const char *s, size_t n, bool label, void *ctx) {
  (void)b;
  if (label) dg_labels_mark(s, n, ctx);
}

/* The running state a chunk leaves behind, whoever rendered it. */
static void S_account(dg_render *r, const dg_doc *d) {
  if (r->vocab) dg_render_vocab_account(r, d);
  if (d->nsentences) {
    const char *sj = d->sentences[d->nsentences - 1].subject;
    snprintf(r->subject, sizeof r->subject, "%s", sj ? sj : "");
  }
  if (r->o.format != DG_FMT_HTML) return; /* its page switches to Leipzig in either style */
  dg_buf none;
  dg_buf_init(&none);
  for (size_t si = 0; si < d->nsentences; si++)
    for (size_t i = 0; i < d->sentences[si].ntokens; i++)
      dg_render_gloss_cell_to(&none, &d->sentences[si].tokens[i], DG_STYLE_LEIPZIG, S_note_labels,
                              r->labels_used);
  dg_buf_free(&none);
}

void dg_render_doc(dg_render *r, const dg_doc *d, dg_buf *out) {
  /* lines input: one record a line (the same document otherwise) */
  const dg_doc *v = dg_doc_lines_view(d);
  S_renderers[r->o.format].doc(r, v, out);
  dg_doc_lines_view_free(v, d);
  S_account(r, d);
}

void dg_render_account(dg_render *r, const dg_doc *d) { S_account(r, d); }

void dg_render_skip(dg_render *r, const dg_doc *d) {
  r->sentences += d->nsentences;
  S_account(r, d);
}

void dg_render_end(dg_render *r, dg_buf *out) {
  if (S_renderers[r->o.format].end) S_renderers[r->o.format].end(r, out);
}

void dg_render_free(dg_render *r) { dg_render_vocab_free(r); }

bool dg_vocab_skip_parse(const char *s, bool *names, bool *closed) {
  *names = *closed = false;
  while (s && *s) {
    size_t n = strcspn(s, ",");
    if (n == 5 && strncmp(s, "names", 5) == 0) *names = true;
    else if (n == 6 && strncmp(s, "closed", 6) == 0) *closed = true;
    else if (!(n == 4 && strncmp(s, "none", 4) == 0)) return false;
    s += n;
    if (*s == ',') s++;
  }
  return true;
}
