/* Cells: the texts of one token that the renderers share, the gloss line's
 * text in either style and the segmentation line's text, the display width
 * that aligns them in columns, and the grouping of tokens into the columns
 * of an interlinear line.  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_CELLS_H
#define DG_CELLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "doc.h"
#include "formats.h"
#include "util.h"

/* Display width of UTF-8 text in terminal columns (utf8proc_charwidth). */
size_t dg_display_width(const char *s, size_t n);
/* The gloss-line text of a token for `style`: "Russia-GEN", "the.M.NOM". */
void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);
/* The gloss as the gloss line shows it for `style`: the gloss cell, or the
 * form when the token has no gloss; nothing for punctuation.  The plain
 * style's text is what JSON's "plain", the TSV plain column and CoNLL-U's
 * Plain= carry ("clarified", "on the", "(clarify)" for a detached particle). */
void dg_render_gloss_text(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);

/* Does the NUL-terminated s hold a '.'?  What strchr(s, '.') says, asked
 * of every token's gloss: a gloss of up to 15 bytes, the most of them, in
 * one load of 16 bytes with no call, when they lie in the page of s (a
 * readable page is readable to its end, what strlen does; the sanitizers,
 * which know the string's end, are told not to check the load). */
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) bool dg_cell_has_dot(const char *s) {
#if defined(__SSE2__)
  if (((uintptr_t)s & 4095) <= 4096 - 16) {
    __asm__("" : "+r"(s)); /* (the compiler, which sees a short literal's bounds, is not told either) */
    typedef long long S_v16u __attribute__((vector_size(16), aligned(1), may_alias));
    __m128i x = (__m128i) * (const S_v16u *)s; /* (a load, not a memcpy the sanitizer would check) */
    unsigned nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128()));
    unsigned dot = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
    if (nul) return (dot & ((nul & -nul) - 1)) != 0; /* (a dot before the NUL) */
    if (dot) return true;
    return strchr(s + 16, '.') != NULL;
  }
#endif
  return strchr(s, '.') != NULL;
}

/* The same text for DG_STYLE_PLAIN when it is one of the token's strings
 * as it is, as for most tokens ("members", "the", the form of a word with
 * no gloss, "" for punctuation), with nothing built; NULL when it must be
 * built by dg_render_gloss_text (a gloss with a dot in it, a detached
 * particle). */
static inline const char *dg_render_plain_as_is(const dg_dtoken *t) {
  if (t->kind == DG_KIND_PUNCT) return "";
  if (t->flags & DG_DF_SEP_PARTICLE) return NULL;
  const char *g = t->plain ? t->plain : t->gloss;
  if (!g[0]) return t->form;
  /* a dot may join two words of a Leipzig gloss (see S_gloss_cell) */
  if ((t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) && dg_cell_has_dot(g)) return NULL;
  return g;
}

/* The same texts in pieces, for a renderer that escapes them or sets the
 * Leipzig labels apart (LaTeX small caps, the HTML legend): `put` gets each
 * piece in order, with label true for a run of grammatical labels
 * ("PST.3SG", "LNK", "REFL.3SG"), false for English text and joiners. */
typedef void (*dg_cell_put)(dg_buf *b, const char *s, size_t n, bool label, void *ctx);
void dg_render_gloss_cell_to(dg_buf *b, const dg_dtoken *t, dg_style style, dg_cell_put put, void *ctx);
void dg_render_gloss_text_to(dg_buf *b, const dg_dtoken *t, dg_style style, dg_cell_put put, void *ctx);

/* The segmentation-line text: "Telefon-gespräch", "Russland-s", or the form. */
void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t);

/* A NUL-terminated string appended to a cell's text with no strlen and
 * no call: 16 bytes at a time, stored as they are, the end found in the
 * same load (the bytes stored past it are written over next); with `dots`
 * its spaces become dots (a Leipzig gloss: "on.the").  Returns whether all
 * its bytes are printable ASCII (its width is then its length).  A block
 * is read only when it lies in the page of its start, and a readable page
 * is readable to its end (what strlen does); the sanitizers, which know
 * the string's end, are told not to check these loads.  Elsewhere, and
 * without SSE2, strlen and a copy. */
#define DG_CELL_PAGE 4096
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) bool dg_cell_append(dg_buf *b, const char *s,
                                                                                       bool dots) {
  bool printable = true;
#if defined(__SSE2__)
  typedef signed char v16 __attribute__((vector_size(16)));
  typedef signed char v16u __attribute__((vector_size(16), aligned(1), may_alias));
  typedef char c16 __attribute__((vector_size(16)));
  for (;;) {
    if (((uintptr_t)s & (DG_CELL_PAGE - 1)) > DG_CELL_PAGE - 16) break;
    dg_buf_reserve(b, 16);
    __asm__("" : "+r"(s)); /* (the compiler sees a short literal's bounds) */
    v16 x = *(const v16u *)s;
    v16 sp = x == ' ';
    v16 y = dots ? (x & ~sp) | (((v16){0} + '.') & sp) : x;
    memcpy(b->data + b->len, &y, 16);
    unsigned nul = (unsigned)__builtin_ia32_pmovmskb128((c16)(x == 0));
    unsigned bad = (unsigned)__builtin_ia32_pmovmskb128((c16)((x < 0x20) | (x == 0x7F)));
    if (nul) {
      unsigned k = (unsigned)__builtin_ctz(nul);
      printable &= !(bad & ((1u << k) - 1));
      b->len += k;
      b->data[b->len] = '\0';
      return printable;
    }
    printable &= !bad;
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

/* Columns of an interlinear line follow the spacing of the input:
 * punctuation with no space before it joins the previous column ("führen,",
 * "führt“"), other punctuation with no space after it joins the next one
 * ("„ein").  The end (one past the last token) of the column that starts at
 * token i (0, or the end of the column before). */
size_t dg_render_column_end(const dg_dsentence *s, size_t i);

/* Is the input a file (for FILE:LINE ids and "# newdoc id")?  Standard
 * input ("-") and in-memory text ("<text>") are not. */
bool dg_render_source_is_file(const char *source);
/* A sentence's id for a corpus row: FILE:LINE of its start when it comes
 * from a file with a known line, else its number n (1-based). */
void dg_render_sentence_id(dg_buf *b, const dg_doc *d, const dg_dsentence *s, unsigned long n);

#endif
