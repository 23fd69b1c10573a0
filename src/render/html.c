/* HTML: a standalone page with one interlinear block per sentence; each
 * word is an inline block holding the German form, its segmentation and its
 * gloss, with lemma and features in the title.  --layout parallel sets each
 * sentence's German and gloss beside its translation, in two columns.  In
 * Leipzig style a collapsible legend after the sentences explains the
 * labels used on the page.  Escaped with a lookup table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"
#include "formats.h"

static const char *const S_esc[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"};

static void S_text(dg_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (S_esc[*p]) dg_buf_puts(b, S_esc[*p]);
    else dg_buf_putc(b, (char)*p);
  }
}

void dg_render_html_begin(dg_render *r, dg_buf *out) {
  dg_buf_puts(out,
              "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>degloss</title>\n<style>\n"
              "body{font-family:sans-serif;max-width:70em;margin:1em auto;line-height:1.3}\n"
              ".s{margin:1.2em 0}\n.w{display:inline-block;vertical-align:top;margin:0 .5em .4em 0}\n"
              ".de{font-weight:bold}\n.seg{color:#555}\n.gl{color:#05a}\n.gl .lab{font-variant:small-caps}\n"
              ".name .de{color:#a0a}\n.guess .gl{color:#a60}\n.mwe{border-bottom:2px solid #9c9}\n"
              ".sep{border-bottom:2px dotted #c99}\n.tr{font-style:italic}\n.err{color:#a00}\n"
              ".exprs{color:#555;font-size:90%}\n");
  if (r->o.layout == DG_LAYOUT_PARALLEL)
    dg_buf_puts(out, ".pair{display:grid;grid-template-columns:3fr 2fr;gap:2em;border-top:1px solid #ddd;"
                     "padding-top:.4em}\n.pair .tr{font-style:normal}\n");
  dg_buf_puts(out, "</style>\n</head>\n<body>\n");
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
    if (pair) dg_buf_puts(out, "<div class=\"de-side\">\n");
    for (size_t i = 0; i < s->ntokens; i++) {
      const dg_dtoken *t = &s->tokens[i];
      dg_buf_puts(out, "<span class=\"w");
      if (t->kind == DG_KIND_NAME) dg_buf_puts(out, " name");
      if (t->kind == DG_KIND_PUNCT) dg_buf_puts(out, " p");
      if (t->flags & DG_DF_GUESS) dg_buf_puts(out, " guess");
      if (t->mwe >= 0) dg_buf_puts(out, " mwe");
      if (t->link >= 0) dg_buf_puts(out, " sep");
      dg_buf_puts(out, "\" title=\"");
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
      dg_buf_puts(out, "</span><br><span class=\"seg\">");
      if (t->kind != DG_KIND_PUNCT) {
        dg_buf b;
        dg_buf_init(&b);
        dg_render_seg_cell(&b, t);
        S_text(out, b.data);
        dg_buf_clear(&b);
        dg_buf_puts(out, "</span><br><span class=\"gl\">");
        dg_render_gloss_cell(&b, t, s, r->o.style);
        S_text(out, b.data ? b.data : "");
        dg_buf_free(&b);
      } else {
        dg_buf_puts(out, "</span><br><span class=\"gl\">");
      }
      dg_buf_puts(out, "</span></span>\n");
    }
    if (s->nmwes) {
      dg_buf_puts(out, "<div class=\"exprs\">");
      for (size_t k = 0; k < s->nmwes; k++) {
        if (k) dg_buf_puts(out, "<br>");
        S_text(out, s->mwes[k].lemma);
        dg_buf_puts(out, " = ");
        S_text(out, s->mwes[k].gloss);
      }
      dg_buf_puts(out, "</div>\n");
    }
    if (pair) dg_buf_puts(out, "</div>\n");
    if (pair && !s->translation && !s->tr_error) dg_buf_puts(out, "<div class=\"tr\"></div>\n");
    if (s->translation) {
      dg_buf_puts(out, "<div class=\"tr\">‘");
      S_text(out, s->translation);
      dg_buf_puts(out, "’</div>\n");
    } else if (s->tr_error) {
      dg_buf_puts(out, "<div class=\"err\">no translation: ");
      S_text(out, s->tr_error);
      dg_buf_puts(out, "</div>\n");
    }
    dg_buf_puts(out, "</div>\n");
  }
}

/* The legend: the labels on the page (the dispatcher collects them), in the
 * legend's order. */
void dg_render_html_end(dg_render *r, dg_buf *out) {
  size_t n;
  const degloss_label *l = dg_labels(&n);
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    if (!r->labels_used[i]) continue;
    if (!any)
      dg_buf_puts(out, "<details class=\"legend\">\n<summary>Leipzig labels on this page</summary>\n<dl>\n");
    any = true;
    dg_buf_puts(out, "<dt>");
    S_text(out, l[i].label);
    dg_buf_puts(out, "</dt><dd>");
    S_text(out, l[i].meaning);
    dg_buf_puts(out, "</dd>\n");
  }
  if (any) dg_buf_puts(out, "</dl>\n</details>\n");
  dg_buf_puts(out, "</body>\n</html>\n");
}
