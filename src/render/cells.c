/* Cells: the per-token texts that the renderers share (the gloss line in
 * Leipzig or plain style, the segmentation line) and the display width that
 * lines them up in columns.  The interlinear and HTML renderers lay them
 * out; JSON, TSV and CoNLL-U carry the plain-style text beside the gloss.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "cells.h"

size_t dg_display_width(const char *s, size_t n) {
  size_t w = 0, i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      i++;
      w++;
      continue;
    }
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? (size_t)cw : 0;
    i += (size_t)k;
  }
  return w;
}

/* Leipzig: words of a multiword gloss are joined by '.'. */
static void S_put_dotted(dg_buf *b, const char *g) {
  for (; *g; g++) dg_buf_putc(b, *g == ' ' ? '.' : *g);
}

void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style) {
  if (t->kind == DG_KIND_PUNCT) return;
  if (style == DG_STYLE_PLAIN) {
    const char *g = t->plain ? t->plain : t->gloss;
    if (t->flags & DG_DF_SEP_PARTICLE) {
      dg_buf_printf(b, "(%s)", t->gloss);
      return;
    }
    /* Leipzig joins words with dots ("on.the"); plain English has spaces.
     * An abbreviation keeps its dots ("e.g.", "i.e.": it ends in one), and so
     * does a URL, an e-mail address, a handle or a hashtag (not words). */
    size_t n = strlen(g);
    bool words = (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) && !(n && g[n - 1] == '.');
    for (const char *p = g; *p; p++) {
      bool joiner = words && *p == '.' && p > g && p[1] >= 'a' && p[1] <= 'z' && p[-1] >= 'a' && p[-1] <= 'z';
      dg_buf_putc(b, joiner ? ' ' : *p);
    }
    return;
  }
  if (t->flags & DG_DF_SEP_PARTICLE) {
    dg_buf_putc(b, '(');
    S_put_dotted(b, t->gloss);
    dg_buf_putc(b, ')');
    return;
  }
  /* A reflexive pronoun is its label in Leipzig style ("sich" = REFL.3SG). */
  if (t->pos && strcmp(t->pos, "PRON") == 0 && t->labels && strncmp(t->labels, "REFL", 4) == 0) {
    dg_buf_puts(b, t->labels);
    return;
  }
  if (t->nparts > 1 && !(t->mwe >= 0 && t->mwe_head)) {
    for (size_t i = 0; i < t->nparts; i++) {
      if (i) dg_buf_putc(b, '-');
      if (t->parts[i].link) dg_buf_puts(b, "LNK");
      else S_put_dotted(b, t->parts[i].gloss[0] ? t->parts[i].gloss : t->parts[i].form);
    }
  } else {
    S_put_dotted(b, t->gloss[0] ? t->gloss : t->form);
  }
  (void)s;
  if (t->labels && t->labels[0]) {
    dg_buf_putc(b, t->seg ? '-' : '.');
    dg_buf_puts(b, t->labels);
  }
}

void dg_render_gloss_text(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style) {
  if (t->kind == DG_KIND_PUNCT) return;
  size_t before = b->len;
  dg_render_gloss_cell(b, t, s, style);
  if (b->len == before) dg_buf_puts(b, t->form);
}

void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t) {
  dg_buf_puts(b, t->seg ? t->seg : t->form);
}
