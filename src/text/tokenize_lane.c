/* The tokenizer's lane: the common run of running text, taken token after
 * token without the dispatch of tokenize.c's S_lex_all.  A word of capital
 * and small letters with no capital after a small letter, ended by a
 * space, a line break, a comma or full stops (none before a letter:
 * "os.path" may be code); the comma or the full stops as a punctuation
 * token; one space to the next such word.  Each is the token S_lex_all's
 * branches make of it (a word so ended is one run of word characters, no
 * URL, no code and takes no flag but DG_TF_VERBATIM; a comma is no quote; full stops after a
 * letter start no path); a word the lane cannot vouch for (a hump, a
 * digit, mark or other character after its letters, "www.", a token
 * ending past `lim`) is left to them.  tests/text (test_lane) and the
 * text fuzz target check both ways give the same tokens (dg_ltoks.no_lane).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text_internal.h"

size_t dg_text_lane(const dg_textbuf *tb, const char *raw, dg_ltoks *t, size_t i, size_t lim, bool *line_start) {
  const unsigned char *cls = tb->cls;
  const uint32_t *cp = tb->cp, *off = tb->off;
  const size_t n = tb->ncp, rawlen = off[n];
  /* room for the rest of the paragraph (a token at least a code point; a
   * form at most its bytes, its NUL and the block of sixteen its copy
   * writes), so that no token needs a test */
  dg_ltoks_room(t, t->n + (n - i) + 2);
  dg_buf_reserve(&t->forms, (rawlen - off[i]) + (n - i) + 18);
  dg_ltok *k = t->v + t->n; /* (the next token) */
  uint32_t *dot = t->dots + t->ndots; /* (the next full stop's index) */
  size_t flen = t->forms.len;
  char *fd = t->forms.data;
  unsigned nl = *line_start ? DG_TF_LINE_START : 0;
  _Static_assert(DG_C_LOWER == (DG_C_UPPER | 1), "letter classes");
  for (;;) {
    /* the run of letters sixteen classes at a time (the class buffer has
     * room for a block past its end, and a space at it), and a hump: a
     * capital whose bit follows a small letter's */
    size_t e = i;
    unsigned hump = 0, lower_before = 0;
#if defined(__SSE2__)
    for (;;) {
      __m128i x;
      memcpy(&x, cls + e, 16);
      unsigned letter = (unsigned)_mm_movemask_epi8(
          _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(1)), _mm_set1_epi8(DG_C_LOWER)));
      unsigned lower = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(DG_C_LOWER)));
      unsigned run = (unsigned)__builtin_ctz(~letter | 1u << 16);
      hump |= letter & ~lower & (lower << 1 | lower_before) & ((1u << run) - 1);
      e += run;
      if (run < 16) break;
      lower_before = lower >> 15;
    }
#else
    for (; (cls[e] | 1) == DG_C_LOWER; e++) {
      hump |= cls[e] == DG_C_UPPER && lower_before;
      lower_before = cls[e] == DG_C_LOWER;
    }
#endif
    if (hump || e == i) break; /* (e == i: no letter after the space) */
    size_t j = e;
    unsigned c = cls[e]; /* (DG_C_SPACE at the paragraph's end) */
    if (c == DG_C_PUNCT) {
      if (cp[e] == ',') {
        j = e + 1;
      } else if (cp[e] == '.') {
        if (e + 1 < n && (cp[e + 1] | 0x20) >= 'a' && (cp[e + 1] | 0x20) <= 'z') break;
        /* (of the URL prefixes only "www." ends its letters at a full stop) */
        if (e - i == 3 && (cp[i] | 0x20) == 'w' && (cp[i + 1] | 0x20) == 'w' && (cp[i + 2] | 0x20) == 'w') break;
        j = e + 1;
        while (j < n && cp[j] == '.') j++;
      } else {
        break;
      }
    } else if (!dg_c_space(c)) {
      break;
    }
    size_t a = off[i], b = off[e], len = b - a, plen = j - e;
    if (j > lim) break;
    k->cs = (uint32_t)i;
    k->ce = (uint32_t)e;
    k->fo = (uint32_t)flen;
    k->fl = (uint32_t)len;
    k->kind = DG_TOK_WORD;
    k->flags = nl | DG_TF_VERBATIM;
    nl = 0;
    char *q = fd + flen;
    if (len <= 16 && a + 16 <= rawlen) memcpy(q, raw + a, 16);
    else dg_copy(q, raw + a, len);
    q[len] = '\0';
    flen += len + 1;
    k++;
    if (plen) { /* the comma or the full stops: ASCII, a byte each */
      k->cs = (uint32_t)e;
      k->ce = (uint32_t)j;
      k->fo = (uint32_t)flen;
      k->fl = (uint32_t)plen;
      k->kind = DG_TOK_PUNCT;
      k->flags = DG_TF_VERBATIM;
      q = fd + flen;
      if (plen <= 16 && b + 16 <= rawlen) memcpy(q, raw + b, 16);
      else dg_copy(q, raw + b, plen);
      q[plen] = '\0';
      flen += plen + 1;
      if (plen == 1 && raw[b] == '.') *dot++ = (uint32_t)(k - t->v);
      k++;
    }
    i = j; /* (a line break or the end: S_lex_all's from there) */
    if (j >= n || cls[j] != DG_C_SPACE) break;
    i = j + 1;
  }
  t->n = (size_t)(k - t->v);
  t->ndots = (size_t)(dot - t->dots);
  t->forms.len = flen;
  if (!nl) *line_start = false;
  return i;
}

