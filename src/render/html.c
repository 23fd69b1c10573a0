/* HTML: a standalone page, the reader.  One block per sentence: its words as
 * inline columns holding the German form, its segmentation and its gloss in
 * both styles (Leipzig and plain; the page shows the one chosen and switches
 * without re-running), its expressions and its translation; beside them the
 * sentence's JSONL object (as --format jsonl writes it) for the reader's
 * script.  --layout parallel sets each sentence's German and gloss beside its
 * translation, in two columns.  A legend after the sentences explains the
 * Leipzig labels used on the page.  The style and the script (reader.css,
 * reader.js: toolbar, detail panel, keyboard, search, alignment highlight)
 * are embedded at build time and shared with the web app's page.  Without
 * the script the page still shows the three lines and the translation.
 * Escaped with a lookup table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cells.h"
#include "formats.h"

static const char S_css[] = {
#include "reader_css.inc"
    0};
static const char S_js[] = {
#include "reader_js.inc"
    0};

static const char *const S_esc[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"};

static void S_text_n(dg_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (S_esc[c]) dg_buf_puts(b, S_esc[c]);
    else dg_buf_putc(b, (char)c);
  }
}

static void S_text(dg_buf *b, const char *s) { S_text_n(b, s ? s : "", s ? strlen(s) : 0); }

/* A piece of a gloss cell: labels in small capitals (the legend's entries). */
static void S_piece(dg_buf *b, const char *s, size_t n, bool label, void *ctx) {
  (void)ctx;
  if (label) dg_buf_puts(b, "<span class=\"lab\">");
  S_text_n(b, s, n);
  if (label) dg_buf_puts(b, "</span>");
}

void dg_render_html_begin(dg_render *r, dg_buf *out) {
  dg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>degloss</title>\n<style>\n");
  dg_buf_puts(out, S_css);
  dg_buf_puts(out, "</style>\n</head>\n<body");
  if (r->o.style == DG_STYLE_PLAIN) dg_buf_puts(out, " class=\"style-plain\"");
  dg_buf_puts(out, ">\n<main class=\"dg-doc\">\n");
}

/* The sentence's JSONL object for the script, '<' written as \u003c so that
 * nothing in it can end the script element (JSON has '<' only in strings). */
static void S_data(dg_render *r, const dg_dsentence *s, dg_buf *out) {
  dg_buf js;
  dg_buf_init(&js);
  dg_render_json_sentence(r, s, &js, false);
  dg_buf_puts(out, "<script type=\"application/json\" class=\"dg-data\">");
  for (size_t i = 0; i < js.len; i++) {
    if (js.data[i] == '<') dg_buf_puts(out, "\\u003c");
    else if (js.data[i] != '\n') dg_buf_putc(out, js.data[i]);
  }
  dg_buf_puts(out, "</script>\n");
  dg_buf_free(&js);
}

static void S_word(dg_render *r, const dg_dsentence *s, size_t i, dg_buf *out) {
  const dg_dtoken *t = &s->tokens[i];
  dg_buf_puts(out, "<span class=\"w");
  if (t->kind == DG_KIND_NAME) dg_buf_puts(out, " name");
  if (t->kind == DG_KIND_PUNCT) dg_buf_puts(out, " p");
  if (t->kind == DG_KIND_CODE) dg_buf_puts(out, " code");
  if (t->source && strcmp(t->source, "unknown") == 0) dg_buf_puts(out, " unk");
  if (t->mwe >= 0) dg_buf_puts(out, " mwe");
  if (t->link >= 0) dg_buf_puts(out, " sep");
  dg_buf_printf(out, "\" data-t=\"%zu\" title=\"", i);
  S_text(out, t->lemma);
  if (t->pos[0]) {
    dg_buf_puts(out, " ");
    S_text(out, t->pos);
  }
  if (t->feats[0]) {
    dg_buf_puts(out, " ");
    S_text(out, t->feats);
  }
  if (t->nglosses > 1) {
    dg_buf_puts(out, " — ");
    size_t max = r->o.alternatives ? r->o.alternatives : t->nglosses;
    for (size_t k = 0; k < t->nglosses && k < max; k++) {
      if (k) dg_buf_puts(out, "; ");
      S_text(out, t->glosses[k]);
    }
  }
  dg_buf_puts(out, "\"><span class=\"de\">");
  S_text(out, t->form);
  dg_buf_puts(out, "</span><span class=\"seg\">");
  dg_buf b;
  dg_buf_init(&b);
  if (t->kind != DG_KIND_PUNCT) {
    dg_render_seg_cell(&b, t);
    S_text(out, b.data);
  }
  dg_buf_puts(out, "</span><span class=\"gl lz\">");
  dg_render_gloss_cell_to(out, t, DG_STYLE_LEIPZIG, S_piece, NULL);
  dg_buf_puts(out, "</span><span class=\"gl pl\">");
  dg_buf_clear(&b);
  dg_render_gloss_text(&b, t, s, DG_STYLE_PLAIN);
  S_text(out, b.data ? b.data : "");
  dg_buf_free(&b);
  dg_buf_puts(out, "</span></span>\n");
}

void dg_render_html(dg_render *r, const dg_doc *d, dg_buf *out) {
  for (size_t si = 0; si < d->nsentences; si++) {
    const dg_dsentence *s = &d->sentences[si];
    r->sentences++;
    bool pair = r->o.layout == DG_LAYOUT_PARALLEL;
    /* The document's subject, where it is set or changes. */
    if (s->subject_new && s->subject) {
      dg_buf_puts(out, "<p class=\"subject\">subject: ");
      S_text(out, s->subject);
      dg_buf_puts(out, "</p>\n");
    }
    dg_buf_printf(out, "<div class=\"s%s%s\" id=\"s%lu\">\n", pair ? " pair" : "", s->headline ? " headline" : "",
                  r->sentences);
    S_data(r, s, out);
    if (pair) dg_buf_puts(out, "<div class=\"de-side\">\n");
    dg_buf_puts(out, "<div class=\"ws\">\n");
    for (size_t i = 0; i < s->ntokens; i++) S_word(r, s, i, out);
    dg_buf_puts(out, "</div>\n");
    if (s->nmwes) {
      dg_buf_puts(out, "<div class=\"exprs\">");
      for (size_t k = 0; k < s->nmwes; k++) {
        if (k) dg_buf_puts(out, "\n");
        S_text(out, s->mwes[k].lemma);
        dg_buf_puts(out, " = ");
        S_text(out, s->mwes[k].gloss);
      }
      dg_buf_puts(out, "</div>\n");
    }
    if (pair) dg_buf_puts(out, "</div>\n");
    if (pair && !s->translation && !s->tr_error) dg_buf_puts(out, "<div class=\"tr\"></div>\n");
    if (s->translation) {
      dg_buf_puts(out, "<div class=\"tr\">");
      S_text(out, s->translation);
      dg_buf_puts(out, "</div>\n");
    } else if (s->tr_error) {
      dg_buf_puts(out, "<div class=\"err\">no translation: ");
      S_text(out, s->tr_error);
      dg_buf_puts(out, "</div>\n");
    }
    dg_buf_puts(out, "</div>\n");
  }
}

/* The legend: the labels on the page (the dispatcher collects them from the
 * Leipzig cells in either style, since the page can switch), in the
 * legend's order; then the reader's script. */
void dg_render_html_end(dg_render *r, dg_buf *out) {
  size_t n;
  const degloss_label *l = dg_labels(&n);
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    if (!r->labels_used[i]) continue;
    if (!any)
      dg_buf_puts(out, "<details class=\"legend\" id=\"dg-legend\">\n<summary>Leipzig labels on this page</summary>\n<dl>\n");
    any = true;
    dg_buf_puts(out, "<dt>");
    S_text(out, l[i].label);
    dg_buf_puts(out, "</dt><dd>");
    S_text(out, l[i].meaning);
    dg_buf_puts(out, "</dd>\n");
  }
  if (any) dg_buf_puts(out, "</dl>\n</details>\n");
  dg_buf_puts(out, "</main>\n<script>\n");
  dg_buf_puts(out, S_js);
  dg_buf_puts(out, "DeglossReader.init(document.querySelector(\".dg-doc\"));\nDeglossReader.attach();\n"
                   "</script>\n</body>\n</html>\n");
}
