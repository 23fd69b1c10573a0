/* Interlinear text: for each sentence the German line, the segmentation line
 * and the gloss line in columns aligned by display width, wrapped to the
 * width, then the free translation in quotes.  Punctuation sticks to its word.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "formats.h"

#define S_BOLD "\033[1m"
#define S_DIM "\033[2m"
#define S_CYAN "\033[36m"
#define S_MAGENTA "\033[35m"
#define S_YELLOW "\033[33m"
#define S_RED "\033[31m"
#define S_UNDERLINE "\033[4m"
#define S_RESET "\033[0m"

/* A column's three cells are pieces of one text buffer for the sentence
 * (no buffer of their own), with their display widths. */
typedef struct S_cell_at {
  size_t at, len, w;
} S_cell_at;

typedef struct S_col {
  S_cell_at de, seg, gl;
  size_t w;
  bool name, guess;
  bool chosen; /* a gloss the translation chose (align.c): underlined */
} S_col;

/* The text written to `text` since `at` as a cell; `printable`: all of it
 * printable ASCII, one column a byte. */
static S_cell_at S_cell_since(const dg_buf *text, size_t at, bool printable) {
  S_cell_at c = {at, text->len - at, 0};
  c.w = printable ? c.len : dg_display_width(text->data + at, c.len);
  return c;
}

/* The strings a token's cells are made of (and its source) live wherever
 * the glosser found them, out of the cache when the chunk is rendered:
 * those of the next column's first token are asked for while this
 * column is written (always_inline: a function of prefetches alone looks
 * free of effects to the compiler, which would drop the calls). */
static inline __attribute__((always_inline)) void S_prefetch(const dg_dtoken *t) {
  __builtin_prefetch(t->form);
  __builtin_prefetch(t->seg);
  __builtin_prefetch(t->gloss);
  __builtin_prefetch(t->plain);
  __builtin_prefetch(t->labels);
  __builtin_prefetch(t->pos);
  __builtin_prefetch(t->source); /* (a gloss the translation chose is underlined) */
}

/* Group tokens into columns by the spacing of the input
 * (dg_render_column_end): "führen,", "„ein".  The cells' texts go to
 * `text`; `cols` has room for a column a token.  *cells gets the bytes the
 * columns' three lines take: their cells and each cell padded to its
 * column's width (S_room). */
static size_t S_columns(const dg_render *r, const dg_dsentence *s, S_col *cols, dg_buf *text, size_t *cells) {
  size_t n = 0, bytes = 0;
  if (s->ntokens) S_prefetch(&s->tokens[0]);
  for (size_t i = 0, end; i < s->ntokens; i = end) {
    end = dg_render_column_end(s, i);
    if (end < s->ntokens) S_prefetch(&s->tokens[end]);
    S_col *c = &cols[n++];
    c->name = c->guess = c->chosen = false; /* (the cells and widths are set below) */
    size_t at = text->len;
    /* the segmentation line: the forms again unless a word of the column
     * has a segmentation ("Russland-s"), most columns: then the same
     * piece of text as the German cell */
    bool printable = true, segmented = false;
    for (size_t k = i; k < end; k++) {
      printable &= dg_cell_append(text, s->tokens[k].form, false);
      segmented |= s->tokens[k].kind != DG_KIND_PUNCT && s->tokens[k].seg;
    }
    c->de = S_cell_since(text, at, printable);
    if (segmented) {
      at = text->len;
      printable = true;
      for (size_t k = i; k < end; k++) {
        const dg_dtoken *t = &s->tokens[k];
        printable &= dg_cell_append(text, t->kind != DG_KIND_PUNCT && t->seg ? t->seg : t->form, false);
      }
      c->seg = S_cell_since(text, at, printable);
    } else
      c->seg = c->de;
    at = text->len;
    printable = true;
    for (size_t k = i; k < end; k++) {
      const dg_dtoken *t = &s->tokens[k];
      if (t->kind == DG_KIND_PUNCT) continue;
      printable &= dg_render_gloss_text(text, t, s, r->o.style);
      if (t->kind == DG_KIND_NAME) c->name = true;
      if (t->flags & DG_DF_GUESS) c->guess = true;
      if (t->source[0] == 't' && !strcmp(t->source, "translation")) c->chosen = true;
    }
    c->gl = S_cell_since(text, at, printable);
    c->w = c->de.w > c->seg.w ? c->de.w : c->seg.w;
    if (c->gl.w > c->w) c->w = c->gl.w;
    bytes += c->de.len + c->seg.len + c->gl.len + 3 * c->w;
  }
  *cells = bytes;
  return n;
}

/* One line of columns i..j-1 (which: their German, segmentation or gloss
 * cells), each cell padded with blanks to its column's width and the two
 * between columns, but for the last, with no trailing blanks, and the line
 * break: into room reserved once for the sentence (S_room), at a cursor of
 * its own,
 * the cells and blanks copied in blocks of 16, the first with no test
 * (a padding is at least the two blanks; the bytes a block stores past
 * the end are written over next; those it reads past a cell lie in
 * `text`, which has 16 bytes of room at its end). */
enum { S_DE, S_SEG, S_GL };
/* (always_inline: a copy for each line and for colour or none, which are
 * then known, with no choice made a cell) */
static inline __attribute__((always_inline)) void S_line(dg_buf *out, const dg_buf *text, const S_col *cols,
                                                         size_t i, size_t j, int which, bool color) {
  static const char blanks[16] = "                ";
  char *q = out->data + out->len;
  for (size_t k = i; k < j; k++) {
    const S_col *col = &cols[k];
    S_cell_at cell = which == S_DE ? col->de : which == S_SEG ? col->seg : col->gl;
    const char *paint = NULL;
    if (color && cell.len)
      paint = which == S_DE    ? (col->name ? S_MAGENTA S_BOLD : S_BOLD)
              : which == S_SEG ? S_DIM
              : col->guess     ? S_YELLOW
              : col->chosen    ? S_CYAN S_UNDERLINE
                               : S_CYAN;
    if (paint) {
      size_t pn = strlen(paint);
      memcpy(q, paint, pn);
      q += pn;
    }
    const char *v = text->data + cell.at;
    memcpy(q, v, 16);
    for (size_t x = 16; x < cell.len; x += 16) memcpy(q + x, v + x, 16);
    q += cell.len;
    if (paint) {
      memcpy(q, S_RESET, sizeof S_RESET - 1);
      q += sizeof S_RESET - 1;
    }
    if (k + 1 == j) break;
    size_t pad = col->w - cell.w + 2;
    memcpy(q, blanks, 16);
    for (size_t x = 16; x < pad; x += 16) memcpy(q + x, blanks, 16);
    q += pad;
  }
  while (q > out->data && q[-1] == ' ') q--; /* no trailing blanks */
  *q++ = '\n';
  out->len = (size_t)(q - out->data);
  out->data[out->len] = '\0';
}

/* The room the lines of n columns take at most: each of its three cells
 * and its padding (`cells`, from S_columns), the two blanks after it, 32
 * bytes for the blocks S_line stores past a cell's end and its padding's,
 * and as much for the colour codes around a cell; a line break a line. */
static size_t S_room(size_t cells, size_t n, bool color) {
  return cells + n * (3 * (2 + 32 + (color ? 32 : 0)) + 3);
}

/* cols and text are the caller's, reused from sentence to sentence. */
static void S_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, S_col *cols, dg_buf *text) {
  dg_buf_clear(text);
  size_t cells;
  size_t n = S_columns(r, s, cols, text, &cells);
  dg_buf_reserve(text, 16); /* (S_line reads cells in blocks of 16) */
  bool color = r->o.color;
  dg_buf_reserve(out, S_room(cells, n, color) + n); /* (and a blank line between rows) */
  size_t i = 0;
  while (i < n) {
    /* As many columns as fit; at least one. */
    size_t j = i, used = 0;
    while (j < n) {
      size_t need = cols[j].w + (j > i ? 2 : 0);
      if (j > i && used + need > r->o.width) break;
      used += need;
      j++;
    }
    if (color) {
      S_line(out, text, cols, i, j, S_DE, true);
      S_line(out, text, cols, i, j, S_SEG, true);
      S_line(out, text, cols, i, j, S_GL, true);
    } else {
      S_line(out, text, cols, i, j, S_DE, false);
      S_line(out, text, cols, i, j, S_SEG, false);
      S_line(out, text, cols, i, j, S_GL, false);
    }
    i = j;
    if (i < n) dg_buf_putc(out, '\n');
  }
  for (size_t k = 0; k < s->nmwes; k++) {
    const dg_mwe *m = &s->mwes[k];
    if (color) dg_buf_puts(out, S_DIM);
    dg_buf_putc(out, '[');
    dg_buf_puts(out, m->lemma);
    dg_buf_puts(out, "] = ");
    dg_buf_puts(out, m->gloss);
    if (color) dg_buf_puts(out, S_RESET);
    dg_buf_putc(out, '\n');
  }
  if (s->translation) {
    dg_buf_printf(out, "'%s'\n", s->translation);
  } else if (s->tr_error) {
    dg_buf_printf(out, "%s[no translation: %s]%s\n", color ? S_RED : "", s->tr_error, color ? S_RESET : "");
  }
}

/* Room for a chunk's lines at once, so that the buffer (new for each
 * chunk) is not grown and copied a dozen times on the way: a sentence's
 * three lines take about three times its text and a few bytes a token
 * (the blanks between columns, the colour codes), estimated generously;
 * and, for the longest sentence, the room S_sentence reserves beyond its
 * lines (S_room).  More is still grown as usual. */
static void S_reserve(const dg_render *r, const dg_doc *d, dg_buf *out, size_t most) {
  size_t per_token = r->o.color ? 64 : 16, n = 4096 + most * (r->o.color ? 256 : 160);
  for (size_t i = 0; i < d->nsentences; i++) {
    const dg_dsentence *s = &d->sentences[i];
    n += 64 + per_token * s->ntokens + (s->end > s->start ? 3 * (size_t)(s->end - s->start) : 0);
  }
  dg_buf_reserve(out, n);
}

void dg_render_interlinear(dg_render *r, const dg_doc *d, dg_buf *out) {
  size_t most = 0;
  for (size_t i = 0; i < d->nsentences; i++)
    if (d->sentences[i].ntokens > most) most = d->sentences[i].ntokens;
  S_reserve(r, d, out, most);
  S_col *cols = dg_xmalloc((most + 1) * sizeof *cols);
  dg_buf text;
  dg_buf_init(&text);
  for (size_t i = 0; i < d->nsentences; i++) {
    if (r->sentences) dg_buf_putc(out, '\n');
    /* The document's subject, where it is set or changes. */
    if (d->sentences[i].subject_new && d->sentences[i].subject)
      dg_buf_printf(out, "subject: %s\n\n", d->sentences[i].subject);
    S_sentence(r, &d->sentences[i], out, cols, &text);
    r->sentences++;
  }
  dg_buf_free(&text);
  free(cols);
}
