/* Cells: the per-token texts that the renderers share (the gloss line in
 * Leipzig or plain style, the segmentation line), the display width that
 * lines them up in columns and the grouping of tokens into columns.  The
 * interlinear, LaTeX and HTML renderers lay them out; JSON, TSV and CoNLL-U
 * carry the plain-style text beside the gloss.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "cells.h"

/* Does the word hold a byte that is not printable ASCII (below 0x20, 0x7F
 * or above)?  (The usual bit tricks: a byte below 0x20 sets its high bit
 * in x - 0x20.. where x's own is clear, 0x7F sets it in x + 0x01..) */
static inline bool S_unprintable8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  return ((((x - ones * 0x20) & ~x) | x | (x + ones)) & highs) != 0;
}

/* All n bytes printable ASCII, most cells: the width is n.  Words of eight
 * bytes (the last one overlapping the one before), or four, or the bytes
 * of a string shorter than four, with no loop over the bytes. */
static bool S_all_printable(const char *s, size_t n) {
  if (n >= 8) {
    size_t i = 0;
    for (uint64_t x; i + 8 <= n; i += 8) {
      memcpy(&x, s + i, 8);
      if (S_unprintable8(x)) return false;
    }
    uint64_t x;
    memcpy(&x, s + n - 8, 8);
    return !S_unprintable8(x);
  }
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    return !S_unprintable8(a | (uint64_t)b << 32);
  }
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E) return false;
  return true;
}

/* A character at a time, for text that is not all printable ASCII. */
static __attribute__((noinline)) size_t S_width(const char *s, size_t n) {
  size_t w = 0, i = 0;
  while (i < n) {
    /* printable ASCII, most of a gloss line: one column each (utf8proc's
     * width of U+0020 to U+007E) */
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c <= 0x7E) {
      i++;
      w++;
      continue;
    }
    /* Latin letters with diacritics, U+00C0 to U+017F (ä, ß, é, ł), one
     * column each, and the dashes and quotation marks of German text
     * (U+2013 to U+201E: – — ‘ ’ ‚ “ ” „) and the ellipsis U+2026 */
    if (c >= 0xC3 && c <= 0xC5 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      w++;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (((unsigned char)s[i + 2] >= 0x93 && (unsigned char)s[i + 2] <= 0x9E) || (unsigned char)s[i + 2] == 0xA6)) {
      i += 3;
      w++;
      continue;
    }
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

size_t dg_display_width(const char *s, size_t n) { return S_all_printable(s, n) ? n : S_width(s, n); }

/* dg_cell_append's way for a string that does not end in its first block,
 * or lies near the end of a page, or needs the buffer grown. */
__attribute__((no_sanitize("address", "undefined", "thread"))) bool dg_cell_append_long(dg_buf *b, const char *s,
                                                                                        bool dots) {
  bool printable = true;
#if defined(__SSE2__)
  for (;;) {
    if (((uintptr_t)s & (DG_CELL_PAGE - 1)) > DG_CELL_PAGE - 16) break;
    dg_buf_reserve(b, 16);
    __asm__("" : "+r"(s)); /* (as in dg_cell_append) */
    dg_cell_masks m = dg_cell_block(b->data + b->len, s, dots);
    if (m.nul) {
      unsigned k = (unsigned)__builtin_ctz(m.nul);
      printable &= !(m.bad & ((1u << k) - 1));
      b->len += k;
      b->data[b->len] = '\0';
      return printable;
    }
    printable &= !m.bad;
    b->len += 16;
    s += 16;
  }
#endif
  size_t n = strlen(s);
  dg_buf_reserve(b, n);
  char *q = b->data + b->len;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    printable &= c >= 0x20 && c < 0x7F;
    q[i] = dots && c == ' ' ? '.' : (char)c;
  }
  b->len += n;
  b->data[b->len] = '\0';
  return printable;
}

/* Where the pieces of a cell go: the renderer's put, or the buffer as is;
 * there, whether every byte written was printable ASCII (the cell's width
 * is then its length, with no second look at its bytes). */
typedef struct S_out {
  dg_buf *b;
  dg_cell_put put;
  void *ctx;
  bool printable;
} S_out;

static inline __attribute__((always_inline)) void S_put(S_out *o, const char *s, size_t n, bool label) {
  if (o->put) o->put(o->b, s, n, label, o->ctx);
  else {
    dg_buf_put(o->b, s, n);
    o->printable = false; /* (not looked at: the width is measured) */
  }
}

static inline __attribute__((always_inline)) void S_puts(S_out *o, const char *s, bool label) {
  if (o->put) o->put(o->b, s, strlen(s), label, o->ctx);
  else o->printable &= dg_cell_append(o->b, s, false);
}

/* A joiner or bracket of one byte, printable ("-", ".", "("). */
static inline __attribute__((always_inline)) void S_putc(S_out *o, char c) {
  if (o->put) o->put(o->b, &c, 1, false, o->ctx);
  else dg_buf_putc(o->b, c);
}

/* Leipzig: words of a multiword gloss are joined by '.'.  Into the buffer
 * as it is: copied, its spaces made dots. */
static inline __attribute__((always_inline)) void S_put_dotted(S_out *o, const char *g) {
  if (!o->put) {
    o->printable &= dg_cell_append(o->b, g, true);
    return;
  }
  while (*g) {
    const char *sp = strchr(g, ' ');
    size_t n = sp ? (size_t)(sp - g) : strlen(g);
    if (n) S_put(o, g, n, false);
    g += n;
    if (*g == ' ') {
      S_put(o, ".", 1, false);
      g++;
    }
  }
}

/* Is the NUL-terminated s the word w of four letters, or does it start
 * with it?  Asked of every token's part of speech and labels: four
 * comparisons, no call (each stops at the first that differs, so none
 * reads past the end of s). */
static inline bool S_starts4(const char *s, const char w[static 5]) {
  return s[0] == w[0] && s[1] == w[1] && s[2] == w[2] && s[3] == w[3];
}
static inline bool S_is4(const char *s, const char w[static 5]) { return S_starts4(s, w) && !s[4]; }

/* (always_inline: written into the buffer, with no put, the tests of the
 * put fall away) */
static inline __attribute__((always_inline)) void S_gloss_cell(S_out *o, const dg_dtoken *t, dg_style style) {
  if (t->kind == DG_KIND_PUNCT) return;
  if (style == DG_STYLE_PLAIN) {
    const char *g = t->plain ? t->plain : t->gloss;
    if (t->flags & DG_DF_SEP_PARTICLE) {
      S_putc(o, '(');
      S_puts(o, t->gloss, false);
      S_putc(o, ')');
      return;
    }
    /* Leipzig joins words with dots ("on.the"); plain English has spaces.
     * An abbreviation keeps its dots ("e.g.", "i.e.": it ends in one), and so
     * does a URL, an e-mail address, a handle or a hashtag (not words). */
    size_t n = strlen(g);
    bool words = (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) && !(n && g[n - 1] == '.');
    const char *run = g;
    for (const char *p = g; *p; p++) {
      bool joiner = words && *p == '.' && p > g && p[1] >= 'a' && p[1] <= 'z' && p[-1] >= 'a' && p[-1] <= 'z';
      if (!joiner) continue;
      if (p > run) S_put(o, run, (size_t)(p - run), false);
      S_put(o, " ", 1, false);
      run = p + 1;
    }
    if (*run) S_puts(o, run, false);
    return;
  }
  if (t->flags & DG_DF_SEP_PARTICLE) {
    S_putc(o, '(');
    S_put_dotted(o, t->gloss);
    S_putc(o, ')');
    return;
  }
  /* A reflexive pronoun is its label in Leipzig style ("sich" = REFL.3SG). */
  if (t->pos && S_is4(t->pos, "PRON") && t->labels && S_starts4(t->labels, "REFL")) {
    S_puts(o, t->labels, true);
    return;
  }
  if (t->nparts > 1 && !(t->mwe >= 0 && t->mwe_head) && !(t->flags & DG_DF_WHOLE_GLOSS)) {
    for (size_t i = 0; i < t->nparts; i++) {
      if (i) S_putc(o, '-');
      if (t->parts[i].link) S_puts(o, "LNK", true);
      else S_put_dotted(o, t->parts[i].gloss[0] ? t->parts[i].gloss : t->parts[i].form);
    }
  } else if (t->kind == DG_KIND_NUMBER || t->kind == DG_KIND_CODE) {
    S_puts(o, t->gloss[0] ? t->gloss : t->form, false); /* "3 October 1990", `git status`: as written */
  } else {
    S_put_dotted(o, t->gloss[0] ? t->gloss : t->form);
  }
  if (t->labels && t->labels[0]) {
    S_putc(o, t->seg ? '-' : '.');
    S_puts(o, t->labels, true);
  }
}

void dg_render_gloss_cell_to(dg_buf *b, const dg_dtoken *t, dg_style style, dg_cell_put put, void *ctx) {
  S_out o = {b, put, ctx, true};
  S_gloss_cell(&o, t, style);
}

static inline __attribute__((always_inline)) bool S_gloss_text(S_out *o, const dg_dtoken *t, dg_style style) {
  if (t->kind == DG_KIND_PUNCT) return true;
  size_t before = o->b->len;
  S_gloss_cell(o, t, style);
  if (o->b->len == before) S_puts(o, t->form, false);
  return o->printable;
}

void dg_render_gloss_text_to(dg_buf *b, const dg_dtoken *t, dg_style style, dg_cell_put put, void *ctx) {
  S_out o = {b, put, ctx, true};
  S_gloss_text(&o, t, style);
}

void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style) {
  (void)s;
  S_out o = {b, NULL, NULL, true};
  S_gloss_cell(&o, t, style);
}

bool dg_render_gloss_text(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style) {
  (void)s;
  S_out o = {b, NULL, NULL, true};
  return S_gloss_text(&o, t, style);
}

void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t) { dg_cell_append(b, t->seg ? t->seg : t->form, false); }

bool dg_render_source_is_file(const char *source) {
  return source && *source && strcmp(source, "-") != 0 && source[0] != '<';
}

void dg_render_sentence_id(dg_buf *b, const dg_doc *d, const dg_dsentence *s, unsigned long n) {
  if (dg_render_source_is_file(d->source) && s->line > 0) dg_buf_printf(b, "%s:%ld", d->source, s->line);
  else dg_buf_printf(b, "%lu", n);
}
