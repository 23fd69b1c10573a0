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
 * Plain= carry ("clarified", "on the", "(clarify)" for a detached particle).
 * Returns true when all of the text is known to be printable ASCII (its
 * display width is then its length); false when it may not be. */
bool dg_render_gloss_text(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);

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
 * without SSE2, strlen and a copy.  A string that ends in its first block
 * (a form, a gloss, labels: nearly all) is written inline, with no call
 * and none of a call's saving of registers; the rest, and the growing of
 * the buffer, go on in dg_cell_append_long. */
#define DG_CELL_PAGE 4096
bool dg_cell_append_long(dg_buf *b, const char *s, bool dots);

#if defined(__SSE2__)
typedef signed char dg_cell_v16 __attribute__((vector_size(16)));
typedef signed char dg_cell_v16u __attribute__((vector_size(16), aligned(1), may_alias));
typedef char dg_cell_c16 __attribute__((vector_size(16)));

/* The block at s stored at q (spaces made dots with `dots`): the masks of
 * its NUL bytes and of its bytes that are not printable ASCII.  (The load
 * the sanitizers must not check is here: a function that is not theirs is
 * not inlined into one that is, so under them this stays a call of its
 * own.) */
typedef struct dg_cell_masks {
  unsigned nul, bad;
} dg_cell_masks;
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) dg_cell_masks
dg_cell_block(char *q, const char *s, bool dots) {
  dg_cell_v16 x = *(const dg_cell_v16u *)s;
  dg_cell_v16 sp = x == ' ';
  dg_cell_v16 y = dots ? (x & ~sp) | (((dg_cell_v16){0} + '.') & sp) : x;
  memcpy(q, &y, 16);
  return (dg_cell_masks){(unsigned)__builtin_ia32_pmovmskb128((dg_cell_c16)(x == 0)),
                         (unsigned)__builtin_ia32_pmovmskb128((dg_cell_c16)((x < 0x20) | (x == 0x7F)))};
}
#endif

static inline __attribute__((always_inline)) bool dg_cell_append(dg_buf *b, const char *s, bool dots) {
#if defined(__SSE2__)
  if (((uintptr_t)s & (DG_CELL_PAGE - 1)) <= DG_CELL_PAGE - 16 && b->len + 17 <= b->cap) {
    __asm__("" : "+r"(s)); /* (the compiler sees a short literal's bounds) */
    dg_cell_masks m = dg_cell_block(b->data + b->len, s, dots);
    if (m.nul) {
      unsigned k = (unsigned)__builtin_ctz(m.nul);
      b->len += k;
      b->data[b->len] = '\0';
      return !(m.bad & ((1u << k) - 1));
    }
  }
#endif
  return dg_cell_append_long(b, s, dots);
}

/* Columns of an interlinear line follow the spacing of the input:
 * punctuation with no space before it joins the previous column ("führen,",
 * "führt“"), other punctuation with no space after it joins the next one
 * ("„ein").  The end (one past the last token) of the column that starts at
 * token i (0, or the end of the column before). */
static inline size_t dg_render_column_end(const dg_dsentence *s, size_t i) {
  /* a word followed by a word (or by nothing), most columns: itself */
  if (i < s->ntokens && s->tokens[i].kind != DG_KIND_PUNCT &&
      (i + 1 == s->ntokens || s->tokens[i + 1].kind != DG_KIND_PUNCT))
    return i + 1;
  bool pending_open = false; /* an opening mark waits for its word */
  for (size_t j = i; j < s->ntokens; j++) {
    const dg_dtoken *t = &s->tokens[j];
    bool punct = t->kind == DG_KIND_PUNCT;
    bool glue_prev = punct && j > 0 && !pending_open && !(s->tokens[j - 1].flags & DG_DF_SPACE_AFTER);
    if (j > i && !glue_prev && !pending_open) return j;
    pending_open = punct && !glue_prev && !(t->flags & DG_DF_SPACE_AFTER) && j + 1 < s->ntokens;
  }
  return s->ntokens;
}

/* Is the input a file (for FILE:LINE ids and "# newdoc id")?  Standard
 * input ("-") and in-memory text ("<text>") are not. */
bool dg_render_source_is_file(const char *source);
/* A sentence's id for a corpus row: FILE:LINE of its start when it comes
 * from a file with a known line, else its number n (1-based). */
void dg_render_sentence_id(dg_buf *b, const dg_doc *d, const dg_dsentence *s, unsigned long n);

#endif
