/* Segment a tokenized paragraph into sentences: final punctuation with
 * attached closing quotes, abbreviations that may end a sentence, headline
 * lines without final punctuation, list items at line starts.
 * (Ordinals, dates, numbers with separators and abbreviations are single
 * tokens by now, so their dots never reach this file.)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

typedef struct {
  const dg_textbuf *tb;
  const dg_ltoks *t;
} S_seg;

static const char *S_form(const S_seg *S, size_t i) { return S->t->forms.data + S->t->v[i].fo; }

static unsigned S_first_class(const S_seg *S, size_t i) { return S->tb->cls[S->t->v[i].cs]; }

/* . ! ? … ... ?! and runs of them */
static inline bool S_is_final(const S_seg *S, size_t i) {
  const dg_ltok *k = &S->t->v[i];
  if (k->kind != DG_TOK_PUNCT) return false;
  for (size_t x = k->cs; x < k->ce; x++) {
    uint32_t c = S->tb->cp[x];
    if (c != '.' && c != '!' && c != '?' && c != 0x2026 && c != 0x203C && c != 0x2047 &&
        c != 0x2048 && c != 0x2049)
      return false;
  }
  return true;
}

static bool S_is_ellipsis(const S_seg *S, size_t i) {
  const dg_ltok *k = &S->t->v[i];
  return S->tb->cp[k->cs] == 0x2026 || (k->ce - k->cs >= 2 && S->tb->cp[k->cs] == '.');
}

static bool S_is_closer(const S_seg *S, size_t i) {
  const dg_ltok *k = &S->t->v[i];
  if (k->kind != DG_TOK_PUNCT) return false;
  if (k->flags & DG_TF_QUOTE_CLOSE) return true;
  uint32_t c = S->tb->cp[k->cs];
  return c == ')' || c == ']' || c == '}';
}

static bool S_attached(const S_seg *S, size_t i) {
  return i > 0 && S->t->v[i].cs == S->t->v[i - 1].ce;
}

static bool S_upper_start(const S_seg *S, size_t i) {
  unsigned c = S_first_class(S, i);
  const dg_ltok *k = &S->t->v[i];
  return c == DG_C_UPPER || c == DG_C_DIGIT || (k->flags & DG_TF_QUOTE_OPEN) ||
         (k->kind == DG_TOK_PUNCT && (S->tb->cp[k->cs] == '(' || S->tb->cp[k->cs] == '['));
}

/* Is there a sentence boundary after final punctuation at `last` (closers
 * absorbed), with token `next` following? */
static bool S_boundary(const S_seg *S, size_t fin, size_t next) {
  const dg_ltok *nk = &S->t->v[next];
  const char *nf = S_form(S, next);
  if (nk->kind == DG_TOK_PUNCT && (nf[0] == ',' || nf[0] == ';' || nf[0] == ':')) return false;
  if (nk->kind == DG_TOK_WORD && S_first_class(S, next) == DG_C_LOWER) return false;
  if (S_is_ellipsis(S, fin)) {
    /* "Er zögerte … dann" / "[…]" go on; "Er zögerte… Dann" ends */
    if (!S_attached(S, fin)) return false;
    const dg_ltok *pk = &S->t->v[fin - 1]; /* "(...)" and "[…]" are omissions */
    if (pk->kind == DG_TOK_PUNCT && ((pk->flags & DG_TF_QUOTE_OPEN) || S->tb->cp[pk->cs] == '(' ||
                                     S->tb->cp[pk->cs] == '['))
      return false;
    return S_upper_start(S, next);
  }
  return true;
}

static bool S_is_bullet(const S_seg *S, size_t i) {
  const dg_ltok *k = &S->t->v[i];
  if (!(k->flags & DG_TF_LINE_START)) return false;
  if (i + 1 < S->t->n && S->t->v[i + 1].cs == k->ce) return false; /* "-" then a space */
  if (k->kind != DG_TOK_PUNCT && k->kind != DG_TOK_SYMBOL) return false;
  if (k->ce != k->cs + 1) return false;
  uint32_t c = S->tb->cp[k->cs];
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2022 || c == 0xB7 || c == '*' ||
         c == 0x25AA || c == 0x25BA || c == 0x2023;
}

/* A line may stand as a headline when it does not end in punctuation that
 * continues ("," ":" "-") and is not a suspended word. */
static bool S_headline_end(const S_seg *S, size_t i) {
  const dg_ltok *k = &S->t->v[i];
  if (k->flags & DG_TF_SUSPENDED) return false;
  if (k->kind == DG_TOK_WORD || k->kind == DG_TOK_NUMBER || k->kind == DG_TOK_HASHTAG ||
      k->kind == DG_TOK_URL || k->kind == DG_TOK_HANDLE || k->kind == DG_TOK_CODE)
    return true;
  return S_is_closer(S, i) && i > 0 && !S_is_final(S, i - 1);
}

void dg_text_segment(const dg_textbuf *tb, const dg_ltoks *t, unsigned char *sent_end,
                     unsigned char *headline, size_t *line_of) {
  S_seg S = {tb, t};
  size_t n = t->n;
  if (n == 0) return;
  memset(sent_end, 0, n);
  memset(headline, 0, n);
  /* Line lengths: the longest and second-longest line of the paragraph.
   * (Most paragraphs are one line, the tokenizer stepped over no line
   * break: every token on line 0, no length asked for.) */
  size_t nlines = 0, max1 = 0, max2 = 0, ls = 0;
  line_of[0] = 0;
  if (t->breaks == 0) {
    memset(line_of, 0, n * sizeof *line_of);
    nlines = 1;
  }
  for (size_t i = 1; i < n && t->breaks; i++) {
    /* (a line's length measured at the next line's start only: most
     * paragraphs are one line) */
    if (__builtin_expect((t->v[i].flags & DG_TF_LINE_START) != 0, 0)) {
      size_t len = tb->off[t->v[i - 1].ce] - tb->off[t->v[ls].cs];
      if (len > max1) { max2 = max1; max1 = len; } else if (len > max2) max2 = len;
      ls = i;
      nlines++;
    }
    line_of[i] = nlines;
  }
  if (t->breaks) {
    size_t len = tb->off[t->v[n - 1].ce] - tb->off[t->v[ls].cs];
    if (len > max1) { max2 = max1; max1 = len; } else if (len > max2) max2 = len;
    nlines++;
  }

  /* One sentence a line (most lines end in final punctuation, as in
   * corpora and news feeds): every line end is a boundary unless the line
   * plainly goes on ("," or a lower-case continuation). */
  size_t final_ends = 0;
  for (size_t i = 0; nlines >= 3 && i + 1 < n; i++) { /* (fewer lines: no line mode) */
    if (!(t->v[i + 1].flags & DG_TF_LINE_START)) continue;
    size_t f = i;
    while (f > 0 && S_is_closer(&S, f) && S_attached(&S, f)) f--;
    if (S_is_final(&S, f) || (t->v[f].flags & DG_LTF_MAYEND)) final_ends++;
  }
  bool line_mode = nlines >= 3 && final_ends * 2 >= nlines - 1;

  size_t start = 0;
  const dg_ltok *v = t->v;
  const bool breaks = t->breaks != 0; /* (none: no token but the first starts a line) */
  for (size_t i = 0; i + 1 < n; i++) {
    /* (most tokens: no punctuation, no abbreviation that may end a
     * sentence, not at a line's end: nothing below applies) */
    if (v[i].kind != DG_TOK_PUNCT && !(v[i].flags & DG_LTF_MAYEND) &&
        !(breaks && (v[i + 1].flags & DG_TF_LINE_START)))
      continue;
    if (S_is_final(&S, i)) {
      size_t j = i + 1;
      while (j < n && S_attached(&S, j) && (S_is_closer(&S, j) || S_is_final(&S, j))) j++;
      if (j >= n) break; /* the paragraph end closes it */
      if (S_boundary(&S, i, j)) {
        sent_end[j - 1] = 1;
        start = j;
        i = j - 1;
        continue;
      }
      i = j - 1;
      if (!(t->v[j].flags & DG_TF_LINE_START)) continue;
      /* fall through to the line-end checks for token j-1 */
    } else if ((t->v[i].flags & DG_LTF_MAYEND) && S_upper_start(&S, i + 1) &&
               S_first_class(&S, i + 1) != DG_C_DIGIT) {
      sent_end[i] = 1; /* "… Äpfel, Birnen usw. Die Preise …" */
      start = i + 1;
      continue;
    }
    if (!(t->v[i + 1].flags & DG_TF_LINE_START)) continue;
    /* i ends a line */
    if (S_is_bullet(&S, i + 1)) {
      sent_end[i] = 1;
      start = i + 1;
      continue;
    }
    if (line_mode) {
      const char *lf = S_form(&S, i);
      bool goes_on = (t->v[i].kind == DG_TOK_PUNCT && (lf[0] == ',' || lf[0] == ';' ||
                                                        tb->cp[t->v[i].cs] == '-')) ||
                     (t->v[i].flags & DG_TF_SUSPENDED) ||
                     (t->v[i + 1].kind == DG_TOK_WORD && S_first_class(&S, i + 1) == DG_C_LOWER);
      if (!goes_on) {
        sent_end[i] = 1;
        if (line_of[start] == line_of[i] && (t->v[start].flags & DG_TF_LINE_START) &&
            S_headline_end(&S, i) && !S_is_bullet(&S, start))
          headline[i] = 1;
        start = i + 1;
      }
      continue;
    }
    if (line_of[start] == line_of[i] && (t->v[start].flags & DG_TF_LINE_START) &&
        S_headline_end(&S, i) && S_upper_start(&S, i + 1) && i - start < 20) {
      size_t len = tb->off[t->v[i].ce] - tb->off[t->v[start].cs];
      size_t other = len == max1 ? max2 : max1;
      if (len * 4 < other * 3) {
        sent_end[i] = 1;
        headline[i] = 1;
        start = i + 1;
      }
    }
  }
  sent_end[n - 1] = 1;
  if (line_of[start] == line_of[n - 1] && (t->v[start].flags & DG_TF_LINE_START) &&
      !S_is_final(&S, n - 1) && S_headline_end(&S, n - 1) && n - 1 - start < 20 &&
      !S_is_bullet(&S, start))
    headline[n - 1] = 1;
}
