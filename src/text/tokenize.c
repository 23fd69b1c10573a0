/* Tokenize one decoded paragraph: words (inner hyphens, apostrophes,
 * line-break hyphenation), numbers, punctuation, symbols, URLs, e-mail
 * addresses, @handles, #hashtags; Markdown-style emphasis as markup; then
 * abbreviations ("z. B.", "Dr."), initials and ordinals ("17.") are merged.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text_internal.h"
#include "text_wordclass.inc"

static bool S_in(const char *f, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(f, list[i])) return true;
  return false;
}

#define S_KIND_MARK 100          /* emphasis delimiter run candidate */
#define S_MF_OPEN (1u << 25)     /* candidate can open */
#define S_MF_CLOSE (1u << 26)    /* candidate can close */
#define S_MF_MATCHED (1u << 27)  /* candidate matched: markup */
#define S_MAX_JOINS 8            /* line-break joins inside one word */

typedef struct {
  size_t hyphen, next; /* skip cps [hyphen, next) except a kept '-' */
  bool keep;
} S_join;

typedef struct {
  const dg_textbuf *tb;
  const char *raw;
  size_t rawlen; /* (tb->off[n]) */
  const uint32_t *cp;
  const unsigned char *cls;
  size_t n;
  dg_ltoks *out;
  size_t next_at; /* byte offset of the next '@' in raw (SIZE_MAX if none) */
  /* the code points [slow_lo, slow_hi] hold both of the textbuf's ranges
   * of special and NFC-unstable code points (slow_lo > slow_hi: none): a
   * token outside them is copied as it is */
  size_t slow_lo, slow_hi;
  bool nl;  /* a line break since the last token */
  size_t marks; /* emphasis delimiter candidates seen */
  dg_buf tmp;
} S_lex;

void dg_ltoks_free(dg_ltoks *t) {
  free(t->v);
  free(t->dots);
  dg_buf_free(&t->forms);
  free(t->seg);
  dg_buf_free(&t->tmp);
  dg_buf_free(&t->key);
  dg_buf_free(&t->text);
  memset(t, 0, sizeof *t);
}

static bool S_is_lower_word(const uint32_t *w, size_t n, const char *s) {
  size_t i = 0;
  for (; i < n && s[i]; i++)
    if (w[i] != (unsigned char)s[i]) return false;
  return i == n && s[i] == '\0';
}

/* Words after which a line-end hyphen is a suspended hyphen ("Ein-⏎und
 * Ausfuhr"): word class conj-suspend. */
static bool S_is_conjunction(const uint32_t *w, size_t n) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_conj_suspend); i++)
    if (S_is_lower_word(w, n, S_conj_suspend[i])) return true;
  return false;
}

dg_hyphen_rule dg_text_hyphen_rule(const uint32_t *left, size_t nleft, const uint32_t *right,
                                   size_t nright) {
  if (nright == 0 || nleft == 0) return DG_HY_SUSPEND;
  if (S_is_conjunction(right, nright)) return DG_HY_SUSPEND;
  unsigned r0 = dg_text_class(right[0]);
  if (r0 != DG_C_LOWER) return DG_HY_JOIN_KEEP; /* "NATO-⏎Mitgliedschaft", "Covid-⏎19" */
  if (dg_text_class(left[nleft - 1]) == DG_C_DIGIT) return DG_HY_JOIN_KEEP;
  if (nleft == 1) return DG_HY_JOIN_KEEP; /* "E-⏎mail", "x-⏎beliebig" */
  bool acronym = true;
  for (size_t i = 0; i < nleft; i++) {
    unsigned c = dg_text_class(left[i]);
    if (c != DG_C_UPPER && c != DG_C_DIGIT) {
      acronym = false;
      break;
    }
  }
  return acronym ? DG_HY_JOIN_KEEP : DG_HY_JOIN_DROP; /* "Verhand-⏎lungen" */
}

/* ---- emitting tokens ---- */

void dg_ltoks_room(dg_ltoks *t, size_t need) {
  if (need <= t->cap) return;
  size_t cap = t->cap ? 2 * t->cap : 256;
  while (cap < need) cap *= 2;
  t->v = dg_xrealloc(t->v, cap * sizeof *t->v);
  t->dots = dg_xrealloc(t->dots, cap * sizeof *t->dots);
  t->cap = cap;
}

static dg_ltok *S_push(dg_ltoks *t) {
  if (t->n == t->cap) dg_ltoks_room(t, t->n + 1);
  dg_ltok *k = &t->v[t->n++];
  memset(k, 0, sizeof *k);
  return k;
}

/* Append the normalised form of cps [cs,ce) (with joins) to the arena. */
static void S_form(S_lex *L, dg_ltok *k, const S_join *joins, size_t njoins) {
  const dg_textbuf *tb = L->tb;
  dg_buf *f = &L->out->forms;
  k->fo = (uint32_t)f->len;
  bool plain = njoins == 0, nfc = true;
  const unsigned special = DG_CM(DG_C_BAD) | DG_CM(DG_C_SHY);
  if (k->cs <= tb->special_hi && k->ce > tb->special_lo)
    for (size_t i = k->cs; plain && i < k->ce; i++)
      if (DG_CM(tb->cls[i]) & special) plain = false;
  if (k->cs <= tb->nfc_hi && k->ce > tb->nfc_lo)
    for (size_t i = k->cs; nfc && i < k->ce; i++)
      nfc = tb->cp[i] < 0x300; /* below U+0300 NFC changes nothing */
  if (plain && nfc) { /* the common case: copy the original bytes */
    size_t a = tb->off[k->cs], len = tb->off[k->ce] - a;
    dg_buf_reserve(f, len + 16);
    char *q = f->data + f->len;
    /* (a short form as one block of sixteen bytes when the paragraph has
     * them: the bytes past its end are written over by the next form) */
    if (len <= 16 && a + 16 <= L->rawlen) memcpy(q, L->raw + a, 16);
    else dg_copy(q, L->raw + a, len);
    q[len] = '\0';
    f->len += len + 1;
    k->fl = (uint32_t)len;
    k->flags |= DG_TF_VERBATIM;
    return;
  }
  if (plain) {
    dg_text_put_nfc(f, L->raw + tb->off[k->cs], tb->off[k->ce] - tb->off[k->cs]);
  } else {
    dg_buf_clear(&L->tmp);
    size_t j = 0;
    for (size_t i = k->cs; i < k->ce; i++) {
      if (j < njoins && i == joins[j].hyphen) {
        if (joins[j].keep) dg_buf_putc(&L->tmp, '-');
        i = joins[j].next - 1;
        j++;
        continue;
      }
      if (tb->cls[i] == DG_C_BAD) k->flags |= DG_TF_REPLACED;
      if (tb->cls[i] == DG_C_SHY || tb->cls[i] == DG_C_IGNORE) continue;
      char u[4];
      dg_buf_put(&L->tmp, u, dg_utf8_encode(tb->cp[i], u));
    }
    if (L->tmp.len == 0) dg_buf_put(&L->tmp, "\xC2\xAD", 2); /* a lone soft hyphen */
    dg_text_put_nfc(f, L->tmp.data, L->tmp.len);
  }
  k->fl = (uint32_t)(f->len - k->fo);
  dg_buf_putc(f, '\0');
}

static void S_emit_any(S_lex *L, size_t cs, size_t ce, unsigned kind, unsigned flags,
                       const S_join *joins, size_t njoins) {
  dg_ltok *k = S_push(L->out);
  k->cs = (uint32_t)cs;
  k->ce = (uint32_t)ce;
  k->kind = (unsigned char)kind;
  k->flags = flags | (L->nl ? DG_TF_LINE_START : 0);
  L->nl = false;
  if (kind != S_KIND_MARK) S_form(L, k, joins, njoins);
}

/* The common token, emitted inline: no join, outside the range that holds
 * the paragraph's special and NFC-unstable code points, and room for it in
 * the token array and the arena.  Its form is then a copy of its original
 * bytes, as in S_form.  Anything else goes through S_emit_any.
 * (always_inline, and S_emit: left to itself the compiler makes a call of
 * it, which costs more than the token.) */
static inline __attribute__((always_inline)) void S_emit_plain(S_lex *L, size_t cs, size_t ce,
                                                               unsigned kind, unsigned flags) {
  const dg_textbuf *tb = L->tb;
  dg_ltoks *t = L->out;
  dg_buf *f = &t->forms;
  size_t a = tb->off[cs], len = tb->off[ce] - a;
  if ((cs <= L->slow_hi && ce > L->slow_lo) || t->n == t->cap || f->len + len + 17 > f->cap) {
    S_emit_any(L, cs, ce, kind, flags, NULL, 0);
    return;
  }
  dg_ltok *k = &t->v[t->n++];
  k->cs = (uint32_t)cs;
  k->ce = (uint32_t)ce;
  k->fo = (uint32_t)f->len;
  k->fl = (uint32_t)len;
  k->kind = (unsigned char)kind;
  k->flags = flags | (L->nl ? DG_TF_LINE_START : 0) | DG_TF_VERBATIM;
  L->nl = false;
  char *q = f->data + f->len;
  if (len <= 16 && a + 16 <= L->rawlen) memcpy(q, L->raw + a, 16);
  else dg_copy(q, L->raw + a, len);
  q[len] = '\0';
  f->len += len + 1;
}

static inline __attribute__((always_inline)) void S_emit(S_lex *L, size_t cs, size_t ce,
                                                         unsigned kind, unsigned flags,
                                                         const S_join *joins, size_t njoins) {
  if (njoins == 0 && kind != S_KIND_MARK) S_emit_plain(L, cs, ce, kind, flags);
  else S_emit_any(L, cs, ce, kind, flags, joins, njoins);
}

static const char *S_form_of(const dg_ltoks *t, const dg_ltok *k) { return t->forms.data + k->fo; }

/* ---- scanners ---- */

static bool S_ascii_ieq(const S_lex *L, size_t i, const char *s) {
  for (size_t k = 0; s[k]; k++) {
    if (i + k >= L->n) return false;
    uint32_t c = L->cp[i + k];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != (unsigned char)s[k]) return false;
  }
  return true;
}

static bool S_ascii_alnum(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t S_url_prefix(const S_lex *L, size_t i) {
  static const char *const pre[] = {"https://", "http://", "ftp://", "www."};
  for (size_t k = 0; k < DG_ARRAY_LEN(pre); k++) {
    if (S_ascii_ieq(L, i, pre[k])) {
      size_t len = strlen(pre[k]);
      if (i + len < L->n && dg_c_word(L->cls[i + len])) return len;
    }
  }
  return 0;
}

static bool S_url_stop(uint32_t c) {
  return c == '<' || c == '>' || c == '"' || c == 0x201E || c == 0x201C || c == 0x201D ||
         c == 0xAB || c == 0xBB;
}

static bool S_url_trailing(uint32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == ')' || c == ']' || c == '}' || c == 0x2019 || c == 0x2018 || c == 0x2026;
}

static size_t S_scan_url(const S_lex *L, size_t i) {
  size_t j = i;
  while (j < L->n && !dg_c_space(L->cls[j]) && !S_url_stop(L->cp[j])) j++;
  while (j > i + 1 && S_url_trailing(L->cp[j - 1])) {
    uint32_t c = L->cp[j - 1];
    if (c == ')' || c == ']') {
      uint32_t o = c == ')' ? '(' : '[';
      long bal = 0;
      for (size_t k = i; k < j - 1; k++) bal += (L->cp[k] == o) - (L->cp[k] == c);
      if (bal > 0) break;
    }
    j--;
  }
  return j;
}

/* name@example.org: returns the end, or 0. */
static size_t S_scan_email(const S_lex *L, size_t i) {
  size_t j = i;
  while (j < L->n && (S_ascii_alnum(L->cp[j]) || L->cp[j] == '.' || L->cp[j] == '_' ||
                      L->cp[j] == '%' || L->cp[j] == '+' || L->cp[j] == '-'))
    j++;
  if (j == i || j >= L->n || L->cp[j] != '@' || L->cp[j - 1] == '.') return 0;
  size_t k = j + 1, end = 0, labels = 0;
  for (;;) {
    size_t s = k, letters = 0;
    while (k < L->n && (S_ascii_alnum(L->cp[k]) || L->cp[k] == '-')) {
      letters += (L->cp[k] >= 'A');
      k++;
    }
    if (k == s) break;
    labels++;
    if (labels >= 2 && letters >= 2 && letters == k - s) end = k;
    if (k + 1 < L->n && L->cp[k] == '.' && S_ascii_alnum(L->cp[k + 1])) k++;
    else break;
  }
  return end;
}

static size_t S_scan_digits(const S_lex *L, size_t j) {
  while (j < L->n && L->cls[j] == DG_C_DIGIT) j++;
  return j;
}

/* 2022, 1.000, 3,5, 17.03.2025, 12:30; an amount in whole units "12,–", "12,-" */
static size_t S_scan_number(const S_lex *L, size_t i) {
  size_t j = S_scan_digits(L, i);
  for (;;) {
    if (j + 1 < L->n && L->cp[j] == ',' && (L->cp[j + 1] == '-' || L->cp[j + 1] == 0x2013)) {
      size_t k = j + 2;
      if (k < L->n && L->cp[k] == '-' && L->cp[j + 1] == '-') k++;
      if (k >= L->n || (!dg_c_word(L->cls[k]) && !dg_text_is_hyphen(L->cp[k]) && L->cp[k] != 0x2013)) return k;
    }
    if (j + 1 < L->n && (L->cp[j] == '.' || L->cp[j] == ',') && L->cls[j + 1] == DG_C_DIGIT) {
      j = S_scan_digits(L, j + 1);
      continue;
    }
    if (j + 2 < L->n && L->cp[j] == ':' && L->cls[j + 1] == DG_C_DIGIT &&
        L->cls[j + 2] == DG_C_DIGIT && (j + 3 >= L->n || L->cls[j + 3] != DG_C_DIGIT)) {
      j += 3;
      continue;
    }
    return j;
  }
}

/* "Lehrer*innen", "Lehrer:in", "Lehrer_innen", "Lehrer/innen": the length
 * of the gender suffix after the mark at j, or 0. */
static size_t S_gender_suffix(const S_lex *L, size_t j) {
  uint32_t c = L->cp[j];
  if (c != '*' && c != ':' && c != '_' && c != '/') return 0;
  static const char *const suf[] = {"innen", "in"};
  for (size_t k = 0; k < 2; k++) {
    if (c == '/' && k == 1) break;
    size_t len = strlen(suf[k]);
    if (!S_ascii_ieq(L, j + 1, suf[k]) || L->cls[j + 1] != DG_C_LOWER) continue;
    if (j + 1 + len < L->n && dg_c_word(L->cls[j + 1 + len])) continue;
    return len + 1;
  }
  return 0;
}

/* The first run of word characters of a word from i, and whether a
 * capital follows a small letter in it (getName; see S_may_be_code). */
typedef struct S_shape {
  size_t run_end;
  bool hump;
} S_shape;

static inline void S_word_shape(const S_lex *L, size_t i, S_shape *shape) {
  const unsigned char *cls = L->cls;
  size_t j = i;
  bool hump = false;
#if defined(__SSE2__)
  /* sixteen classes at a time (the class buffer has room for a block
   * past its end, and a space at it): the word characters, the capitals
   * and the small letters as bit masks; the run ends at the first bit that
   * is not a word character, a hump is a capital whose bit follows a small
   * letter's (one in the block before for the first) */
  unsigned lower_before = 0;
  for (;;) {
    __m128i x;
    memcpy(&x, cls + j, 16);
    __m128i word = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(DG_C_NL)), _mm_cmplt_epi8(x, _mm_set1_epi8(DG_C_PUNCT))),
        _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(DG_C_IGNORE)), _mm_cmplt_epi8(x, _mm_set1_epi8(DG_C_BAD + 1))));
    unsigned w = (unsigned)_mm_movemask_epi8(word);
    unsigned run = (unsigned)__builtin_ctz(~w | 1u << 16), in = (1u << run) - 1;
    unsigned up = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(DG_C_UPPER)));
    unsigned lo = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(DG_C_LOWER)));
    hump |= (up & (lo << 1 | lower_before) & in) != 0;
    j += run;
    if (run < 16) break;
    lower_before = lo >> 15;
  }
#else
  size_t n = L->n;
  unsigned prev = DG_C_SPACE;
  while (j < n && dg_c_word(cls[j])) {
    hump |= cls[j] == DG_C_UPPER && prev == DG_C_LOWER;
    prev = cls[j++];
  }
#endif
  shape->run_end = j;
  shape->hump = hump;
}

/* A word from i, scanning from `from` (> i for number-word hybrids, the
 * end of its first run when S_word_shape has seen that). */
static size_t S_scan_word(S_lex *L, size_t i, size_t from, unsigned *flags, S_join *joins,
                          size_t *njoins) {
  const uint32_t *cp = L->cp;
  const unsigned char *cls = L->cls;
  size_t n = L->n, j = from;
  for (;;) {
    while (j < n && dg_c_word(cls[j])) j++;
    if (j >= n || j == i) break;
    if (dg_c_space(cls[j])) return j; /* (most words end at a space: none of the below) */
    uint32_t c = cp[j];
    if (dg_text_is_apostrophe(c) && j + 1 < n && dg_c_alpha(cls[j + 1]) &&
        dg_c_alpha(cls[j - 1])) {
      j++; /* geht's, O'Brien */
      continue;
    }
    if (dg_text_is_hyphen(c) && dg_c_word(cls[j - 1])) {
      if (j + 1 < n && (dg_c_alpha(cls[j + 1]) || cls[j + 1] == DG_C_DIGIT)) {
        j++; /* US-Präsident, 30-tägigen */
        continue;
      }
      size_t k = j + 1;
      while (k < n && (cls[k] == DG_C_SPACE || cls[k] == DG_C_IGNORE)) k++;
      bool nl = false;
      size_t m = k;
      while (m < n && dg_c_space(cls[m])) {
        nl |= cls[m] == DG_C_NL;
        m++;
      }
      if (nl && m < n && (dg_c_alpha(cls[m]) || cls[m] == DG_C_DIGIT) &&
          *njoins < S_MAX_JOINS) {
        size_t ls = j;
        while (ls > i && dg_c_word(cls[ls - 1])) ls--;
        size_t re = m;
        while (re < n && re - m < 32 && (dg_c_alpha(cls[re]) || cls[re] == DG_C_DIGIT)) re++;
        dg_hyphen_rule rule = dg_text_hyphen_rule(cp + ls, j - ls, cp + m, re - m);
        if (rule != DG_HY_SUSPEND) {
          joins[*njoins].hyphen = j;
          joins[*njoins].next = m;
          joins[*njoins].keep = rule == DG_HY_JOIN_KEEP;
          (*njoins)++;
          *flags |= DG_TF_HYPHEN_JOINED;
          j = m;
          continue;
        }
      }
      /* suspended hyphen: "Ein- und Ausfuhr", "Ein-, Aus- und Durchfuhr" */
      if (j + 1 >= n || dg_c_space(cls[j + 1]) || cp[j + 1] == ',' || cp[j + 1] == ';' ||
          cp[j + 1] == '/' || cp[j + 1] == ')') {
        j++;
        *flags |= DG_TF_SUSPENDED;
      }
      break;
    }
    if (dg_c_alpha(cls[j - 1])) {
      size_t g = S_gender_suffix(L, j);
      if (g) {
        j += g;
        continue;
      }
    }
    break;
  }
  /* genitive apostrophe: "Klaus' Auto" (not a closing single quote) */
  if (j < n && j > i && (cp[j] == '\'' || cp[j] == 0x2019) &&
      (j + 1 >= n || !dg_c_word(cls[j + 1])) && cls[i] == DG_C_UPPER) {
    uint32_t last = cp[j - 1];
    bool quoted = i > 0 && (cp[i - 1] == '\'' || cp[i - 1] == 0x2018 || cp[i - 1] == 0x201A ||
                            cp[i - 1] == 0x2019);
    if (!quoted && (last == 's' || last == 0xDF || last == 'x' || last == 'z')) j++;
  }
  return j;
}

/* ":-)" ";)" ":D" … standing free: the end, or 0. */
static size_t S_emoticon(const S_lex *L, size_t i) {
  static const char *const faces[] = {":-)", ":-(", ";-)", ":-D", ":-P", ":-/", ":-|",
                                      ":)",  ":(",  ";)",  ":D",  ":P"};
  for (size_t k = 0; k < DG_ARRAY_LEN(faces); k++) {
    size_t len = strlen(faces[k]), x = 0;
    while (x < len && i + x < L->n && L->cp[i + x] == (unsigned char)faces[k][x]) x++;
    if (x == len && (i + len >= L->n || !dg_c_word(L->cls[i + len]))) {
      size_t e = i + len;
      while (e < L->n && L->cp[e] == L->cp[e - 1] && (L->cp[e] == ')' || L->cp[e] == '(')) e++;
      return e; /* ":-)))" */
    }
  }
  return 0;
}

static bool S_is_quote(uint32_t c) {
  return c == '"' || c == '\'' || c == 0x201E || c == 0x201A || c == 0x201C || c == 0x201D ||
         c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A;
}

static unsigned S_quote_flags(const S_lex *L, size_t i) {
  uint32_t c = L->cp[i];
  if (!S_is_quote(c)) return 0;
  if (c == 0x201E || c == 0x201A) return DG_TF_QUOTE_OPEN; /* „ ‚ */
  bool space_before = i == 0 || dg_c_space(L->cls[i - 1]) ||
                      (L->cls[i - 1] == DG_C_PUNCT && (L->cp[i - 1] == '(' || L->cp[i - 1] == '['));
  bool space_after = i + 1 >= L->n || dg_c_space(L->cls[i + 1]);
  if (space_before && !space_after) return DG_TF_QUOTE_OPEN;
  if (!space_before && space_after) return DG_TF_QUOTE_CLOSE;
  if (!space_before && i + 1 < L->n && L->cls[i + 1] == DG_C_PUNCT) return DG_TF_QUOTE_CLOSE;
  if (space_before && i > 0 && L->cls[i - 1] != DG_C_NL) return DG_TF_QUOTE_OPEN;
  return (c == 0x201C || c == 0x2018 || c == 0xAB) ? DG_TF_QUOTE_CLOSE : DG_TF_QUOTE_OPEN;
}

static bool S_side_blank(const S_lex *L, size_t i, bool before) {
  if (before ? i == 0 : i >= L->n) return true;
  unsigned c = L->cls[before ? i - 1 : i];
  return dg_c_space(c);
}

static bool S_side_punct(const S_lex *L, size_t i, bool before) {
  if (before ? i == 0 : i >= L->n) return true;
  unsigned c = L->cls[before ? i - 1 : i];
  return dg_c_space(c) || c == DG_C_PUNCT || c == DG_C_SYMBOL;
}

/* Can the word at i, which starts with an ASCII letter, be code
 * (tokenize_code.c)?  Only with an inner capital after a small letter
 * (getName), or when its letters and digits are followed by '_', '(' or a
 * '.' before an ASCII letter (snake_case, foo(), ls(1), os.path), or a
 * drive letter (C:\\); most words, and the last word of a sentence, are
 * none of these and are not scanned again.  (A capital after a small letter
 * anywhere in the word's first run, and the characters after the run: a
 * little more than the code scanner looks at, never less.) */
static bool S_may_be_code(const S_lex *L, size_t i, const S_shape *sh) {
  const uint32_t *cp = L->cp;
  size_t n = L->n, e = sh->run_end;
  if (i + 1 < n && cp[i + 1] == ':') return true;
  if (sh->hump) return true;
  if (e >= n) return false;
  if (cp[e] == '.') return e + 1 < n && (cp[e + 1] | 0x20) >= 'a' && (cp[e + 1] | 0x20) <= 'z';
  return cp[e] == '_' || cp[e] == '(';
}

static bool S_prev_is_conj(const S_lex *L) {
  if (L->out->n == 0) return false;
  const dg_ltok *p = &L->out->v[L->out->n - 1];
  if (p->kind != DG_TOK_WORD) return false;
  const char *f = S_form_of(L->out, p);
  return S_in(f, S_conj_suspend_before, DG_ARRAY_LEN(S_conj_suspend_before));
}

static void S_lex_all(S_lex *L) {
  const uint32_t *cp = L->cp;
  const unsigned char *cls = L->cls;
  size_t n = L->n, i = 0;
  S_join joins[S_MAX_JOINS];
  while (i < n) {
    unsigned c = cls[i];
    if (dg_c_space(c) || c == DG_C_SHY) {
      if (c == DG_C_NL) {
        L->nl = true;
        L->out->breaks++;
      }
      i++;
      continue;
    }
    if ((c == DG_C_UPPER || c == DG_C_LOWER) && L->next_at == SIZE_MAX && !L->out->no_lane) {
      /* most words, and their commas and full stops (tokenize_lane.c;
       * not in a paragraph with an '@' left, whose words the e-mail
       * scanner looks at, nor up to the special or NFC-unstable code
       * points, whose forms S_form makes) */
      size_t j = dg_text_lane(L->tb, L->raw, L->out, i, i <= L->slow_hi ? L->slow_lo : SIZE_MAX, &L->nl);
      if (j != i) {
        i = j;
        continue;
      }
    }
    uint32_t ch = cp[i];
    size_t nj = 0;
    unsigned fl = 0;
    if (dg_c_alpha(c) || c == DG_C_DIGIT) {
      /* (every prefix has a 't' or a 'w' second: "wie", "hat", "für" are
       * no URL) */
      size_t pre = (ch == 'h' || ch == 'H' || ch == 'f' || ch == 'F' || ch == 'w' || ch == 'W') &&
                           i + 1 < n && ((cp[i + 1] | 0x20) == 't' || (cp[i + 1] | 0x20) == 'w')
                       ? S_url_prefix(L, i) : 0;
      if (pre && (i == 0 || !dg_c_word(cls[i - 1]))) {
        size_t j = S_scan_url(L, i);
        S_emit(L, i, j, DG_TOK_URL, 0, NULL, 0);
        i = j;
        continue;
      }
      if (L->next_at != SIZE_MAX && ch < 0x80) { /* (no '@' left: nothing to look at) */
        size_t here = L->tb->off[i];
        if (L->next_at < here) {
          const char *at = memchr(L->raw + here, '@', L->rawlen - here);
          L->next_at = at ? (size_t)(at - L->raw) : SIZE_MAX;
        }
        size_t j = L->next_at - here < 64 ? S_scan_email(L, i) : 0;
        if (j) {
          S_emit(L, i, j, DG_TOK_EMAIL, 0, NULL, 0);
          i = j;
          continue;
        }
      }
      if (c == DG_C_DIGIT) {
        size_t j = S_scan_number(L, i);
        bool hybrid = j < n && (dg_c_alpha(cls[j]) || cls[j] == DG_C_MARK ||
                                (dg_text_is_hyphen(cp[j]) && j + 1 < n && dg_c_alpha(cls[j + 1])));
        if (!hybrid) {
          S_emit(L, i, j, DG_TOK_NUMBER, 0, NULL, 0);
          i = j;
          continue;
        }
        size_t e = S_scan_word(L, i, j, &fl, joins, &nj);
        S_emit(L, i, e, DG_TOK_WORD, fl, joins, nj);
        i = e;
        continue;
      }
      S_shape sh;
      S_word_shape(L, i, &sh);
      if (sh.run_end >= n || dg_c_space(cls[sh.run_end])) {
        /* most words: one run of word characters ending at a space (or
         * the paragraph's end), which S_scan_word would take as it is;
         * code only with a hump (S_may_be_code: nothing after the run
         * to look at) */
        size_t e = sh.run_end;
        size_t j = ch < 0x80 && sh.hump ? dg_text_scan_code(cp, cls, n, i) : 0;
        if (j) S_emit(L, i, j, DG_TOK_CODE, 0, NULL, 0);
        else S_emit(L, i, e, DG_TOK_WORD, 0, NULL, 0);
        i = j ? j : e + (e < n && cls[e] == DG_C_SPACE); /* (and the space after) */
        continue;
      }
      size_t e = S_scan_word(L, i, sh.run_end, &fl, joins, &nj);
      if (ch < 0x80 && S_may_be_code(L, i, &sh)) { /* snake_case, camelCase, foo(), ls(1), C:\\Temp */
        size_t j = dg_text_scan_code(cp, cls, n, i);
        if (j) {
          S_emit(L, i, j, DG_TOK_CODE, 0, NULL, 0);
          i = j;
          continue;
        }
      }
      S_emit(L, i, e, DG_TOK_WORD, fl, joins, nj);
      i = e;
      continue;
    }
    if (c == DG_C_MARK) { /* a stray combining mark */
      size_t j = i + 1;
      while (j < n && cls[j] == DG_C_MARK) j++;
      S_emit(L, i, j, DG_TOK_SYMBOL, 0, NULL, 0);
      i = j;
      continue;
    }
    if (ch == '`' || ch == '-' || ch == '/' || ch == '~' || ch == '.' || ch == '\\') {
      size_t j = dg_text_scan_code(cp, cls, n, i); /* `code`, --force, -v, /usr/share, ~/bin */
      if (j) {
        S_emit(L, i, j, DG_TOK_CODE, 0, NULL, 0);
        i = j;
        continue;
      }
    }
    if (ch == '@' && i + 1 < n && (dg_c_alpha(cls[i + 1]) || cls[i + 1] == DG_C_DIGIT || cp[i + 1] == '_') &&
        (i == 0 || !dg_c_word(cls[i - 1]))) {
      size_t j = i + 1;
      while (j < n && (dg_c_word(cls[j]) || cp[j] == '_' ||
                       (cp[j] == '.' && j + 1 < n && dg_c_word(cls[j + 1]))))
        j++;
      S_emit(L, i, j, DG_TOK_HANDLE, 0, NULL, 0);
      i = j;
      continue;
    }
    if (ch == '#' && i + 1 < n && (i == 0 || !dg_c_word(cls[i - 1]))) {
      size_t j = i + 1;
      bool letter = false;
      while (j < n && (dg_c_word(cls[j]) || cp[j] == '_')) {
        letter |= dg_c_alpha(cls[j]);
        j++;
      }
      if (letter) {
        S_emit(L, i, j, DG_TOK_HASHTAG, 0, NULL, 0);
        i = j;
        continue;
      }
    }
    if ((ch == '*' || ch == '_')) {
      size_t j = i + 1;
      while (j < n && cp[j] == ch) j++;
      unsigned mf = 0;
      if (!S_side_blank(L, j, false) && S_side_punct(L, i, true)) mf |= S_MF_OPEN;
      if (!S_side_blank(L, i, true) && S_side_punct(L, j, false)) mf |= S_MF_CLOSE;
      S_emit(L, i, j, S_KIND_MARK, mf, NULL, 0);
      L->marks++;
      i = j;
      continue;
    }
    if (dg_text_is_hyphen(ch) && i + 1 < n && cls[i + 1] == DG_C_LOWER &&
        (i == 0 || dg_c_space(cls[i - 1])) && S_prev_is_conj(L)) {
      size_t e = S_scan_word(L, i, i + 1, &fl, joins, &nj); /* "und -ausfuhr" */
      S_emit(L, i, e, DG_TOK_WORD, fl | DG_TF_SUSPENDED, joins, nj);
      i = e;
      continue;
    }
    if ((ch == ':' || ch == ';') && (i == 0 || dg_c_space(cls[i - 1]))) {
      size_t e = S_emoticon(L, i);
      if (e) {
        S_emit(L, i, e, DG_TOK_SYMBOL, 0, NULL, 0);
        i = e;
        continue;
      }
    }
    if (c == DG_C_PUNCT) {
      size_t j = i + 1;
      /* runs: "...", "--", "!!!", "??", and TeX quotes `` '' */
      if (ch == '.' || ch == '-' || ch == '!' || ch == '?' || ch == 0x2013 || ch == 0x2014 ||
          ch == '`' || ch == '\'')
        while (j < n && cp[j] == ch) j++;
      unsigned qf = j == i + 1 ? S_quote_flags(L, i)
                    : ch == '`' ? DG_TF_QUOTE_OPEN : ch == '\'' ? DG_TF_QUOTE_CLOSE : 0;
      S_emit(L, i, j, DG_TOK_PUNCT, qf, NULL, 0);
      if (ch == '.' && j == i + 1) L->out->dots[L->out->ndots++] = (uint32_t)(L->out->n - 1); /* (S_merge's) */
      i = j;
      continue;
    }
    /* symbols (and anything else): one code point plus attached marks */
    size_t j = i + 1;
    while (j < n && cls[j] == DG_C_MARK) j++;
    S_emit(L, i, j, DG_TOK_SYMBOL, 0, NULL, 0);
    i = j;
  }
}

/* ---- emphasis: match delimiter runs, the rest become symbols ---- */

static void S_emphasis(S_lex *L) {
  dg_ltoks *t = L->out;
  size_t *stack = NULL, sp = 0;
  bool any = false;
  for (size_t i = 0; i < t->n; i++) {
    dg_ltok *k = &t->v[i];
    if (k->kind != S_KIND_MARK) continue;
    any = true;
    if (k->flags & S_MF_CLOSE) {
      size_t s = sp;
      while (s > 0) {
        dg_ltok *o = &t->v[stack[s - 1]];
        if (L->cp[o->cs] == L->cp[k->cs] && o->ce - o->cs == k->ce - k->cs) break;
        s--;
      }
      if (s > 0) {
        size_t oi = stack[s - 1];
        for (size_t x = oi + 1; x < i; x++) t->v[x].flags |= DG_TF_EMPH;
        t->v[oi].flags |= S_MF_MATCHED; /* markup: dropped below */
        k->flags |= S_MF_MATCHED;
        sp = s - 1;
        continue;
      }
    }
    if (k->flags & S_MF_OPEN) {
      stack = dg_xrealloc(stack, (sp + 1) * sizeof *stack);
      stack[sp++] = i;
    }
  }
  free(stack);
  if (!any) return;
  size_t w = 0;
  for (size_t i = 0; i < t->n; i++) {
    dg_ltok k = t->v[i];
    if (k.kind == S_KIND_MARK) {
      if (k.flags & S_MF_MATCHED) { /* markup, a gap */
        if ((k.flags & DG_TF_LINE_START) && i + 1 < t->n) t->v[i + 1].flags |= DG_TF_LINE_START;
        continue;
      }
      t->v[w] = k;                          /* unmatched: an ordinary token */
      dg_ltok *d = &t->v[w];
      d->kind = L->cp[k.cs] == '*' ? DG_TOK_SYMBOL : DG_TOK_PUNCT;
      d->flags = k.flags & (DG_TF_EMPH | DG_TF_LINE_START);
      S_form(L, d, NULL, 0);
      w++;
      continue;
    }
    t->v[w++] = k;
  }
  t->n = w;
  t->ndots = 0; /* (their indices moved) */
  for (size_t i = 0; i < t->n; i++)
    if (t->v[i].kind == DG_TOK_PUNCT && t->v[i].ce == t->v[i].cs + 1 && L->cp[t->v[i].cs] == '.')
      t->dots[t->ndots++] = (uint32_t)i;
}

/* ---- merges: abbreviations, initials, ordinals ---- */

static bool S_is_dot(const S_lex *L, const dg_ltok *k) {
  return k->kind == DG_TOK_PUNCT && k->ce == k->cs + 1 && L->cp[k->cs] == '.';
}

/* Only spaces (at most one line break, at most 3 code points) between. */
static bool S_small_gap(const S_lex *L, size_t a, size_t b) {
  if (b - a > 3) return false;
  int nl = 0;
  for (size_t i = a; i < b; i++) {
    if (!dg_c_space(L->cls[i])) return false;
    nl += L->cls[i] == DG_C_NL;
  }
  return nl <= 1;
}

/* Is the number `num` with its full stop an ordinal ("17. März", "der 2.
 * Weltkrieg") rather than a number ending a sentence?  Months (names.tsv,
 * month-abbr) and the words before an ordinal (word class ordinal-before)
 * come from the generated text_wordclass.inc. */
static bool S_ordinal(const S_lex *L, const dg_ltoks *t, const dg_ltok *prev, const dg_ltok *num,
                      const dg_ltok *next) {
  if (!next) return false;
  const char *nf = S_form_of(t, next);
  if (next->kind == DG_TOK_WORD && S_in(nf, S_months, DG_ARRAY_LEN(S_months))) return true;
  unsigned c0 = L->cls[next->cs];
  if (next->kind == DG_TOK_WORD && c0 == DG_C_LOWER) return true; /* "der 3. größte" */
  if (next->kind == DG_TOK_PUNCT && (nf[0] == ',' || !strcmp(nf, "\xE2\x80\x93") || nf[0] == '-' ||
                                     nf[0] == '/'))
    return true; /* "am 3., 4. und 5. Mai", "3.–5. Mai" */
  if (next->kind == DG_TOK_WORD && c0 == DG_C_UPPER && num->ce - num->cs <= 3 && prev &&
      prev->kind == DG_TOK_WORD &&
      S_in(S_form_of(t, prev), S_ord_before, DG_ARRAY_LEN(S_ord_before)))
    return true; /* "der 2. Weltkrieg" */
  return false;
}

/* "im II. Weltkrieg", "der XIV. Parteitag": a Roman numeral in capitals
 * after a word before an ordinal (ordinal-before) is an ordinal number. */
static bool S_roman_after_ordinal_word(const S_lex *L, const dg_ltoks *t, size_t w, const dg_ltok *k) {
  if (k->kind != DG_TOK_WORD || w == 0 || k->ce - k->cs > 6) return false;
  for (size_t x = k->cs; x < k->ce; x++) {
    uint32_t c = L->cp[x];
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C' && c != 'D' && c != 'M') return false;
  }
  const dg_ltok *prev = &t->v[w - 1];
  return prev->kind == DG_TOK_WORD && S_in(S_form_of(t, prev), S_ord_before, DG_ARRAY_LEN(S_ord_before));
}

/* A merge's form is its words' forms, each with its full stop, a space
 * where a gap was: the original bytes when each word's form is and each gap
 * is one space (a merge of `parts` words from token i; the full stops are
 * ASCII, next to their words).  DG_TF_VERBATIM then, else 0. */
static unsigned S_merged_verbatim(const S_lex *L, const dg_ltok *v, size_t i, size_t parts) {
  for (size_t q = 0; q < parts; q++) {
    const dg_ltok *wd = &v[i + 2 * q];
    if (!(wd->flags & DG_TF_VERBATIM)) return 0;
    if (q && wd->cs > v[i + 2 * q - 1].ce && (wd->cs != v[i + 2 * q - 1].ce + 1 || L->cp[wd->cs - 1] != ' '))
      return 0;
  }
  return DG_TF_VERBATIM;
}

static void S_merge_into(S_lex *L, dg_ltok *d, const dg_ltok *a, const dg_ltok *b,
                         const char *form, size_t flen, unsigned kind, unsigned flags) {
  dg_buf *f = &L->out->forms;
  unsigned keep = ((a->flags | b->flags) & (DG_TF_EMPH | DG_TF_REPLACED)) |
                  (a->flags & DG_TF_LINE_START);
  d->cs = a->cs;
  d->ce = b->ce;
  d->kind = (unsigned char)kind;
  d->flags = keep | flags;
  d->fo = (uint32_t)f->len;
  dg_buf_put(f, form, flen);
  d->fl = (uint32_t)flen;
  dg_buf_putc(f, '\0');
}

static void S_merge(S_lex *L) {
  dg_ltoks *t = L->out;
  dg_ltok *v = t->v; /* (and n: kept in locals, a token copied may be any object for all the compiler knows) */
  const size_t n = t->n;
  /* Only a token before a full stop may merge: the tokenizer noted the
   * full stops (t->dots), the tokens between them are moved as blocks.
   * v[0, w) is the output so far, v[pos, n) the tokens still to place. */
  const uint32_t *dots = t->dots;
  const size_t ndots = t->ndots;
  size_t w = 0, pos = 0;
  dg_buf key = t->key, text = t->text; /* (kept from paragraph to paragraph) */
  for (size_t x = 0; x < ndots; x++) {
    if (dots[x] == 0 || dots[x] - 1 < pos) continue; /* (a full stop first, or one merged) */
    size_t i = dots[x] - 1;
    if (w != pos) memmove(v + w, v + pos, (i - pos) * sizeof *v);
    w += i - pos;
    pos = i;
    dg_ltok *k = &v[i];
    bool dot_next = S_is_dot(L, &v[i + 1]) && v[i + 1].cs == k->ce;
    if (dot_next && k->kind == DG_TOK_WORD && !(k->flags & (DG_TF_SUSPENDED | DG_TF_HYPHEN_JOINED))) {
      /* collect up to 4 parts "z." "B." */
      size_t parts = 1, ends[5];
      ends[1] = i + 1;
      while (parts < 4) {
        size_t a = ends[parts];
        if (a + 2 >= n) break;
        const dg_ltok *wd = &v[a + 1], *dt = &v[a + 2];
        if (wd->kind != DG_TOK_WORD || wd->ce - wd->cs > 6 || !S_is_dot(L, dt) ||
            dt->cs != wd->ce || !S_small_gap(L, v[a].ce, wd->cs))
          break;
        parts++;
        ends[parts] = a + 2;
      }
      size_t found = 0;
      bool may_end = false;
      for (size_t p = parts; p >= 1 && !found && k->ce - k->cs <= 10; p--) {
        for (int lower = 0; lower < 2 && !found; lower++) {
          dg_buf_clear(&key);
          for (size_t q = 0; q < p; q++) {
            dg_buf_puts(&key, S_form_of(t, &v[i + 2 * q]));
            dg_buf_putc(&key, '.');
          }
          if (lower) { /* "Vgl.", "Z. B." at a sentence start; not initials "F." */
            if (key.data[0] < 'A' || key.data[0] > 'Z' || (p == 1 && key.len <= 2)) break;
            key.data[0] = (char)(key.data[0] + 32);
          }
          if (dg_text_abbrev(key.data, key.len, &may_end)) found = p;
        }
      }
      if (!found && (k->flags & DG_TF_SUSPENDED) == 0) {
        /* "Zimmermann-Str.": an abbreviation after the last hyphen */
        const char *f = S_form_of(t, k);
        const char *h = strrchr(f, '-');
        if (h && h[1] && strlen(h + 1) <= 10) {
          dg_buf_clear(&key);
          dg_buf_puts(&key, h + 1);
          dg_buf_putc(&key, '.');
          if (dg_text_abbrev(key.data, key.len, &may_end)) found = 1;
        }
      }
      if (found) {
        dg_buf_clear(&text);
        for (size_t q = 0; q < found; q++) {
          const dg_ltok *wd = &v[i + 2 * q];
          if (q && wd->cs > v[i + 2 * q - 1].ce) dg_buf_putc(&text, ' ');
          dg_buf_puts(&text, S_form_of(t, wd));
          dg_buf_putc(&text, '.');
        }
        dg_ltok m;
        S_merge_into(L, &m, k, &v[ends[found]], text.data, text.len, DG_TOK_WORD,
                     DG_TF_ABBREV | (may_end ? DG_LTF_MAYEND : 0) | S_merged_verbatim(L, v, i, found));
        v[w++] = m;
        pos = ends[found] + 1;
        continue;
      }
      /* an initial: "Donald J. Trump" */
      if (k->ce == k->cs + 1 && L->cls[k->cs] == DG_C_UPPER && i + 2 < n &&
          v[i + 2].kind == DG_TOK_WORD && L->cls[v[i + 2].cs] == DG_C_UPPER &&
          S_small_gap(L, v[i + 1].ce, v[i + 2].cs)) {
        dg_buf_clear(&text);
        dg_buf_puts(&text, S_form_of(t, k));
        dg_buf_putc(&text, '.');
        dg_ltok m;
        S_merge_into(L, &m, k, &v[i + 1], text.data, text.len, DG_TOK_WORD,
                     DG_TF_ABBREV | S_merged_verbatim(L, v, i, 1));
        v[w++] = m;
        pos = i + 2;
        continue;
      }
    }
    if (dot_next && (k->kind == DG_TOK_NUMBER || S_roman_after_ordinal_word(L, t, w, k)) && k->ce - k->cs <= 10) {
      const dg_ltok *prev = w ? &v[w - 1] : NULL;
      const dg_ltok *next = i + 2 < n ? &v[i + 2] : NULL;
      if (S_ordinal(L, t, prev, k, next)) {
        dg_buf_clear(&text);
        dg_buf_puts(&text, S_form_of(t, k));
        dg_buf_putc(&text, '.');
        dg_ltok m;
        S_merge_into(L, &m, k, &v[i + 1], text.data, text.len, DG_TOK_NUMBER,
                     DG_TF_ORDINAL | S_merged_verbatim(L, v, i, 1));
        v[w++] = m;
        pos = i + 2;
        continue;
      }
    }
    /* (no merge: token i is placed with the block after it) */
  }
  if (w != pos) memmove(v + w, v + pos, (n - pos) * sizeof *v);
  t->n = w + (n - pos);
  t->key = key;
  t->text = text;
}

void dg_text_tokenize(const dg_textbuf *tb, const char *raw, dg_ltoks *out) {
  S_lex L;
  memset(&L, 0, sizeof L);
  L.tb = tb;
  L.raw = raw;
  L.rawlen = tb->off[tb->ncp];
  L.cp = tb->cp;
  L.cls = tb->cls;
  L.n = tb->ncp;
  L.out = out;
  {
    const char *at = memchr(raw, '@', tb->off[tb->ncp]);
    L.next_at = at ? (size_t)(at - raw) : SIZE_MAX; /* (no e-mail address to look for) */
  }
  L.slow_lo = tb->special_lo < tb->nfc_lo ? tb->special_lo : tb->nfc_lo;
  L.slow_hi = tb->special_hi > tb->nfc_hi ? tb->special_hi : tb->nfc_hi;
  L.nl = true;
  L.tmp = out->tmp; /* (kept from paragraph to paragraph) */
  out->n = 0;
  out->breaks = out->ndots = 0;
  dg_buf_clear(&out->forms);
  S_lex_all(&L);
  if (L.marks) S_emphasis(&L);
  S_merge(&L);

  out->tmp = L.tmp;
}
