/* JSON renderer: one object per sentence (JSONL), or the same objects in one
 * document ({"sentences": [...]}).  The schema is schema/degloss.schema.json.
 * The objects are written directly, byte for byte as jansson's json_dumps
 * wrote them before (JSON_PRESERVE_ORDER, compact or JSON_INDENT(2)): keys
 * in insertion order, non-ASCII text as is, a string that is not valid
 * UTF-8 left out together with its key.  Each token carries its Leipzig
 * "gloss" and, beside it, the "plain" English gloss of --style plain; when
 * the sentence has a translation, its "align" spans into it (align.c).
 * The writer is the hot end of the glosser (issue 14, doc/perf.md): it
 * writes at a cursor kept in registers, into room reserved once a token,
 * each key one precomputed piece, each value escaped and checked in the
 * same pass that copies it, short plain ASCII values inline with no loop.
 * It writes the compact form; the indented one is the compact one
 * indented.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cells.h"
#include "formats.h"
#include "json_str.h"

/* ---- the cursor ----
 * S_at is where the next byte goes and whether the innermost open container
 * is still empty (its first member takes no comma).  It is passed and
 * returned by value, so it stays in registers: kept in the buffer, it
 * would be loaded again after every byte stored (a byte stored through a
 * char pointer may be any object, for all the compiler knows).  The room
 * is reserved ahead (S_room): a token's worth at its start, enough for
 * every member of bounded size (keys, numbers, the first 70 bytes of each
 * string); a longer string reserves its own rest and that much again
 * (`slack`), so the members after it still fit. */
/* "pos" as it was last written for each code of part of speech (t->upos),
 * with the tag's address: a token whose tag is that very string (nearly
 * all: the tags come from the lexicon or the code's literal) takes the
 * member as one piece, like "kind".  Kept for a chunk, whose strings live
 * as long as it (so an address stands for one string). */
typedef struct S_tag {
  const char *s;
  size_t n;
  char piece[16]; /* ,"pos":"PROPN" and the bytes after it */
} S_tag;
#define S_TAGS 32

typedef struct S_w {
  dg_buf *out;
  S_tag *tags; /* the chunk's */
  size_t slack; /* the room reserved for the members of the token (or sentence) */
  dg_buf cell;  /* a token's plain-style gloss */
  /* the last offset written (S_offset) and its digits, one a byte, the
   * last digit in the lowest byte (0 and no digits at first) */
  uint64_t num, digits;
} S_w;

typedef struct S_at {
  char *q;
  bool first;
} S_at;

/* The buffer grown to n more bytes and the NUL; the cursor moves with it. */
static __attribute__((noinline)) S_at S_grow(S_w *w, S_at at, size_t n) {
  dg_buf *b = w->out;
  b->len = (size_t)(at.q - b->data);
  dg_buf_reserve(b, n);
  at.q = b->data + b->len;
  return at;
}

static inline __attribute__((always_inline)) S_at S_room(S_w *w, S_at at, size_t n) {
  dg_buf *b = w->out;
  if ((size_t)(b->data + b->cap - at.q) < n + 1) at = S_grow(w, at, n);
  return at;
}

/* A member's key as one piece, with the comma that goes before it when it
 * is not the first member: S_K("form") is ,"form": and its length, known
 * when it is compiled.  Keys are the renderer's own ASCII names: nothing
 * to escape.  An array element has only the comma (S_ELEM).  S_KQ and
 * S_ELEMQ are the same with the quote that opens a string value (S_str's
 * keys).  Each piece is padded with 16 NULs, so that a piece of up to 8 or
 * 16 bytes can be stored as one word or block. */
#define S_PAD16 "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
#define S_K(k) ",\"" k "\":" S_PAD16, sizeof(",\"" k "\":") - 1
#define S_ELEM "," S_PAD16, (size_t)1
#define S_KQ(k) ",\"" k "\":\"" S_PAD16, sizeof(",\"" k "\":\"") - 1
#define S_ELEMQ ",\"" S_PAD16, (size_t)2

/* The comma and the key, in a few stores: after a member (known when it
 * is compiled), a piece of up to 8 or 16 bytes as one word or block (the
 * bytes past it are in the reserved room and written over next); else
 * the comma is stored in any case and the key (likewise as a word or a
 * block) written over it when it is the first member.  Returns where the
 * value goes. */
static inline __attribute__((always_inline)) char *S_key(S_at at, const char *kp, size_t kn) {
  if (__builtin_constant_p(at.first) && !at.first && kn > 1 && kn <= 16) {
    if (kn <= 8) memcpy(at.q, kp, 8);
    else memcpy(at.q, kp, 16);
    return at.q + kn;
  }
  size_t comma = !at.first;
  *at.q = ',';
  if (kn - 1 <= 8) memcpy(at.q + comma, kp + 1, 8);
  else if (kn - 1 <= 16) memcpy(at.q + comma, kp + 1, 16);
  else memcpy(at.q + comma, kp + 1, kn - 1);
  return at.q + comma + kn - 1;
}

static inline __attribute__((always_inline)) S_at S_open(S_at at, const char *kp, size_t kn, char bracket) {
  char *q = S_key(at, kp, kn);
  *q++ = bracket;
  return (S_at){q, true};
}

/* (the container is a member of the one around it: not first any more) */
static inline __attribute__((always_inline)) S_at S_close(S_at at, char bracket) {
  *at.q++ = bracket;
  return (S_at){at.q, false};
}

/* A string member of known length n; one that is not valid UTF-8 is left
 * out with its key (jansson refused such strings): the cursor goes back to
 * `at`. */
static __attribute__((noinline)) char *S_strn_value(char *q, const char *v, size_t n) {
  *q++ = '"';
  char *e = n <= 16 ? dg_json_short(q, v, n) : NULL;
  q = e ? e : dg_json_body(q, v, n);
  if (!q) return NULL;
  *q++ = '"';
  return q;
}

static inline __attribute__((always_inline)) S_at S_strn(S_w *w, S_at at, const char *kp, size_t kn, const char *v,
                                                         size_t n) {
  at = S_room(w, at, kn + 6 * n + 2 + w->slack);
  char *q = S_strn_value(S_key(at, kp, kn), v, n);
  return q ? (S_at){q, false} : at;
}

/* The rest of a string member whose first bytes S_strb copied (q and v
 * are where they stopped; v may be NULL, which is "", or a string whose
 * first block was not read), in the same pass: plain ASCII in blocks of 16
 * bytes, an escape or a UTF-8 sequence (checked as dg_json_body checks it) as
 * it comes; near the end of a page, where a block could not be read, the
 * rest is measured and written by dg_json_body.  Returns the end (after the
 * closing quote), or NULL when the string is not valid UTF-8: the caller
 * goes back to the member's start, which this function may have moved
 * (the buffer grown).  (Only the end comes back,
 * not the cursor: that a member written leaves its container not empty
 * any more is then plain to the compiler, which writes the keys after it
 * with their commas and no test.) */
static char *S_str_rest(S_w *w, char *q, const char *v) {
  if (!v) v = "";
  dg_buf *b = w->out;
  size_t need = 16 + 2 + w->slack; /* a block, the quote, the NUL, the slack */
  char *end = b->data + b->cap; /* (kept here: the buffer's own fields would be loaded after every store) */
  const unsigned char *p = (const unsigned char *)v;
  for (;;) {
    unsigned char c = *p, k = dg_json_class[c];
    if (!c) goto done;
    if ((size_t)(end - q) < need) {
      b->len = (size_t)(q - b->data);
      dg_buf_reserve(b, need - 1);
      q = b->data + b->len;
      end = b->data + b->cap;
    }
    if (k == 0) {
      if (!dg_json_in_page16((const char *)p)) break;
      __asm__("" : "+r"(p)); /* (as in S_strb) */
      size_t n = dg_json_plain16(q, (const char *)p);
      q += n;
      p += n;
      continue;
    }
    if (k == 2 && (p[1] & 0xC0) == 0x80) { /* two bytes, U+0080 to U+07FF (ä, ß): no more to check */
      memcpy(q, p, 2);
      q += 2;
      p += 2;
      continue;
    }
    size_t used = dg_json_put_other(&q, p, k);
    if (!used) return NULL;
    p += used;
  }
  size_t n = strlen((const char *)p);
  b->len = (size_t)(q - b->data);
  dg_buf_reserve(b, 6 * n + 1 + w->slack);
  q = dg_json_body(b->data + b->len, (const char *)p, n);
  if (!q) return NULL;
done:
  *q++ = '"';
  return q;
}

/* A string member from a NUL-terminated string (NULL is ""), with no
 * strlen: a string of up to 63 bytes of plain ASCII, nearly all of them
 * (a word's features, "Case=Acc,Dat,Gen,Nom|Gender=Fem|Number=Sing", and
 * the closed-class table's "dictionaries/closed-class.tsv:10" among them),
 * in up to S_STR_BLOCKS blocks of dg_json_plain16, a letter of two bytes (the
 * German ä, ö, ü, ß) before a block taken as it comes; longer ones, and
 * those that need more than a copy, go on in S_str_rest.  Most members
 * end in their first block (a form, a lemma, a gloss), which is written
 * inline with no loop around it (S_str); the others go on here, out of
 * line (S_str_more), or, for the features and the source, which run to
 * three or four blocks, in two inline rounds after the first block, the
 * first of them over two blocks at once (S_strl).  (A letter and a block
 * advance the cursor by at most 18 bytes, a letter and two blocks by 34:
 * the string's first 70 bytes and its quote stay in a member's room.) */
#define S_STR_BLOCKS 4

/* One more round at q and v (both moved on): a letter of two bytes
 * (U+0080 to U+07FF, nothing more to check) as it is, then a block (with
 * `two`, two blocks at once: the features and the source, which run to
 * three or four blocks, take one round where they took two); S_END at the
 * string's end, S_MORE when the round stopped at a byte that needs more
 * (S_str_rest), else S_ON. */
enum { S_ON, S_END, S_MORE };
static inline __attribute__((always_inline)) int S_round_n(char **qp, const char **vp, bool two) {
  char *q = *qp;
  const char *v = *vp;
  int r = S_MORE;
  unsigned char c0 = (unsigned char)v[0], c1 = (unsigned char)v[1];
  if (dg_json_class[c0]) {
    if (dg_json_class[c0] != 2 || (c1 & 0xC0) != 0x80) return S_MORE;
    q[0] = (char)c0;
    q[1] = (char)c1;
    q += 2;
    v += 2;
  }
  if (two ? dg_json_block32_ok(v) : dg_json_block_ok(v)) {
    __asm__("" : "+r"(v)); /* (the compiler, which sees a short literal's bounds, is not told of the block) */
    size_t k = two ? dg_json_plain32(q, v) : dg_json_plain16(q, v);
    q += k;
    v += k;
    r = *v ? S_ON : S_END;
  }
  *qp = q;
  *vp = v;
  return r;
}
#define S_round(qp, vp) S_round_n(qp, vp, false)

/* The string's end after its first block (q and v where it stopped):
 * the rounds the first block left, then S_str_rest. */
static __attribute__((noinline)) char *S_str_more(S_w *w, char *q, const char *v) {
  for (unsigned b = 1; b < S_STR_BLOCKS; b++) {
    int r = S_round(&q, &v);
    if (r == S_END) {
      *q++ = '"';
      return q;
    }
    if (r == S_MORE) break;
  }
  return S_str_rest(w, q, v);
}

/* (`empty`: a member that is often "", the labels of most words and the
 * features of many, told by its first byte before a block is scanned) */
static inline __attribute__((always_inline)) S_at S_strb(S_w *w, S_at at, const char *kp, size_t kn, const char *v,
                                                         bool loop, bool empty) {
  char *q = S_key(at, kp, kn); /* (the key with the opening quote: S_KQ) */
  bool read = dg_json_block_ok(v);
  if (__builtin_expect(read, 1)) {
    __asm__("" : "+r"(v)); /* (as in S_round) */
    if (empty && !*v) {
      *q++ = '"';
      return (S_at){q, false};
    }
    size_t k = dg_json_plain16(q, v);
    q += k;
    v += k;
    if (__builtin_expect(!*v, 1)) { /* the end, in the block or just after it */
      *q++ = '"';
      return (S_at){q, false};
    }
    if (loop)
      for (unsigned b = 1; b < S_STR_BLOCKS - 1; b++) { /* (a round of 32 bytes, then one of 16) */
        int r = b == 1 ? S_round_n(&q, &v, true) : S_round(&q, &v);
        if (r == S_END) {
          *q++ = '"';
          return (S_at){q, false};
        }
        if (r == S_MORE) break;
      }
  }
  size_t mark = (size_t)(at.q - w->out->data); /* (S_str_rest may grow the buffer) */
  q = loop || !read ? S_str_rest(w, q, v) : S_str_more(w, q, v);
  if (!q) return (S_at){w->out->data + mark, at.first};
  return (S_at){q, false};
}
#define S_str(...) S_strb(__VA_ARGS__, false, false)
#define S_strl(...) S_strb(__VA_ARGS__, true, false)
#define S_str_or_empty(...) S_strb(__VA_ARGS__, false, true)
#define S_strl_or_empty(...) S_strb(__VA_ARGS__, true, true)

/* The bytes of a comparison's result that are true, one bit each, the
 * first byte's the lowest. */
static inline uint32_t S_mask16(dg_json_v16 m) {
#if defined(__SSE2__)
  return (uint32_t)_mm_movemask_epi8((__m128i)m);
#else
  uint32_t bits = 0;
  for (unsigned i = 0; i < 16; i++) bits |= (uint32_t)(m[i] & 1) << i;
  return bits;
#endif
}

/* A string member whose value was written before in this token, the
 * bytes of the output from start to end (offsets: the buffer may have
 * moved since; its quotes included), copied from there: a short one as two
 * blocks of 16 bytes, both loaded before either is stored (the copy may
 * start within what it reads; the bytes past the value are in the
 * reserved room and written over next); a long one reserves its room. */
typedef struct S_span {
  size_t start, end;
} S_span;
#define S_KEYLEN(k) (sizeof(",\"" k "\":") - 1)

static inline __attribute__((always_inline)) S_at S_again(S_w *w, S_at at, const char *kp, size_t kn, S_span v) {
  size_t n = v.end - v.start;
  if (__builtin_expect(n > 32, 0)) at = S_room(w, at, kn + n + w->slack);
  const char *p = w->out->data + v.start;
  char *q = S_key(at, kp, kn);
  if (__builtin_expect(n <= 32, 1)) {
    dg_json_v16 a, b;
    memcpy(&a, p, 16);
    memcpy(&b, p + 16, 16);
    memcpy(q, &a, 16);
    memcpy(q + 16, &b, 16);
  } else memcpy(q, p, n); /* (q is past the value's end: no overlap) */
  return (S_at){q + n, false};
}

/* "%lld" without printf.  A number of up to eight digits (every offset
 * of a text under 100 MB, the most of them) in one word: its eight digits
 * computed side by side in the lanes of one 64-bit integer (S_digits8),
 * the leading zeros shifted out, the word stored as a whole (the room is
 * reserved: the bytes after the number are written over next).  Longer ones: the digits counted first, then written from
 * the right, two at a time, straight to the output (built in a buffer of
 * their own and copied as a block, the number was a load of bytes just
 * stored a few at a time, which the processor cannot forward: a stall a
 * number). */
static const char S_digits2[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";

/* The eight decimal digits of u < 100000000, as ASCII, the first in the
 * lowest byte (the order in memory of a little-endian word): u split into
 * two halves of four digits in 32-bit lanes, each into two pairs in 16-bit
 * lanes, each pair into its two digits in bytes; each division by 100 or
 * 10 a multiplication and a shift that are exact for the lane's range
 * (x * 10486 >> 20 is x / 100 for x < 10000, x * 103 >> 10 is x / 10 for
 * x < 100), no lane reaching into the next. */
static inline __attribute__((always_inline)) uint64_t S_digits8(uint64_t u) {
  uint64_t v = u / 10000 | (u % 10000) << 32;
  uint64_t h = ((v * 10486) >> 20) & 0x0000007F0000007FULL;
  uint64_t p = h | (v - 100 * h) << 16;
  uint64_t t = ((p * 103) >> 10) & 0x000F000F000F000FULL;
  return (t | (p - 10 * t) << 8) | 0x3030303030303030ULL;
}

static char *S_digits_long(char *q, unsigned long long u) {
  static const unsigned long long pow10[20] = {
      1ULL,           10ULL,           100ULL,           1000ULL,           10000ULL,
      100000ULL,      1000000ULL,      10000000ULL,      100000000ULL,      1000000000ULL,
      10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
      1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
      10000000000000000000ULL};
  /* the digits from the bits: log10(2) is about 1233 / 4096 */
  unsigned t = ((64 - (unsigned)__builtin_clzll(u | 1)) * 1233) >> 12;
  unsigned n = t + 1 - (u < pow10[t]);
  if (!n) n = 1; /* (0) */
  char *e = q + n, *p = e;
  while (u >= 100) {
    p -= 2;
    memcpy(p, S_digits2 + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) {
    p -= 2;
    memcpy(p, S_digits2 + 2 * u, 2);
  } else *--p = (char)('0' + u);
  return e;
}

static inline __attribute__((always_inline)) S_at S_int(S_at at, const char *kp, size_t kn, long long v) {
  char *q = S_key(at, kp, kn);
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  if (v < 0) *q++ = '-';
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (u < 100000000) {
    uint64_t x = S_digits8(u);
    /* the leading zeros are the low bytes that are '0' (the last digit stays) */
    unsigned zeros = (unsigned)__builtin_ctzll((x ^ 0x3030303030303030ULL) | 1ULL << 56) / 8;
    x >>= 8 * zeros;
    memcpy(q, &x, 8);
    return (S_at){q + 8 - zeros, false};
  }
#endif
  return (S_at){S_digits_long(q, u), false};
}

/* A token's offsets, "start" and "end": each is its predecessor (the
 * token's start, the end of the token before) plus a few bytes, so its
 * digits are the digits before (w->digits) plus the difference's two,
 * added in the lanes of one word: each byte's sum biased by 0xF6 so that a
 * sum of ten or more carries into the next byte, as it should, and the
 * bias taken back from the bytes that did not carry (their high bit is
 * set: a sum of at most 9 plus 0xF6).  Others, and those of nine digits
 * or more, as S_int writes them (the digits kept for the next). */
#define S_DROW(t) (t) << 8, (t) << 8 | 1, (t) << 8 | 2, (t) << 8 | 3, (t) << 8 | 4, (t) << 8 | 5, (t) << 8 | 6, \
                  (t) << 8 | 7, (t) << 8 | 8, (t) << 8 | 9
static const uint16_t S_delta[100] = {S_DROW(0), S_DROW(1), S_DROW(2), S_DROW(3), S_DROW(4),
                                      S_DROW(5), S_DROW(6), S_DROW(7), S_DROW(8), S_DROW(9)};
#undef S_DROW

/* x's digits plus d < 100 */
static inline uint64_t S_digits_plus(uint64_t x, uint64_t d) {
  x += S_delta[d] + DG_JSON_ONES * 0xF6;
  return x - ((x >> 7) & DG_JSON_ONES) * 0xF6;
}

/* The number whose digits are x at q, with no leading zeros: the digits
 * up to the highest byte that is not 0 (the last digit stays), the first
 * of them in the lowest byte of o (the bytes after them are written over
 * next); returns the end. */
static inline char *S_digits_put(char *q, uint64_t x) {
  uint64_t h; /* x's highest bit */
#if defined(__x86_64__)
  __asm__("bsr %1, %0" : "=r"(h) : "r"(x | 1) : "cc"); /* (the builtin is a bsr and two steps to undo its 63 - ) */
#else
  h = 63 - (unsigned)__builtin_clzll(x | 1);
#endif
  uint64_t o = __builtin_bswap64(x | DG_JSON_ONES * '0') >> ((h & 56) ^ 56);
  memcpy(q, &o, 8);
  return q + (h >> 3) + 1;
}

static inline __attribute__((always_inline)) S_at S_offset(S_w *w, S_at at, const char *kp, size_t kn, uint64_t u) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (u < 100000000) {
    uint64_t d = u - w->num;
    uint64_t x = d < 100 ? S_digits_plus(w->digits, d) : __builtin_bswap64(S_digits8(u) ^ DG_JSON_ONES * '0');
    w->num = u;
    w->digits = x;
    return (S_at){S_digits_put(S_key(at, kp, kn), x), false};
  }
#endif
  (void)w;
  return S_int(at, kp, kn, (long long)u);
}

/* Both, most often both near their predecessors: the digits kept once. */
static inline __attribute__((always_inline)) S_at S_offsets(S_w *w, S_at at, uint64_t start, uint64_t end) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t d = start - w->num, len = end - start;
  if (__builtin_expect(d < 100 && len < 100 && end < 100000000, 1)) {
    uint64_t x = S_digits_plus(w->digits, d), y = S_digits_plus(x, len);
    w->num = end;
    w->digits = y;
    char *q = S_digits_put(S_key(at, S_K("start")), x);
    memcpy(q, ",\"end\":", 8);
    return (S_at){S_digits_put(q + 7, y), false};
  }
#endif
  at = S_offset(w, at, S_K("start"), start);
  return S_offset(w, at, S_K("end"), end);
}

static inline __attribute__((always_inline)) S_at S_bool(S_at at, const char *kp, size_t kn, bool v) {
  char *q = S_key(at, kp, kn);
  memcpy(q, v ? "true" : "false", 5);
  return (S_at){q + (v ? 4 : 5), false};
}

/* "kind", never a first member (after "start"), as one precomputed piece
 * of a fixed size (the bytes after the piece are written over next). */
static inline __attribute__((always_inline)) S_at S_kind(S_w *w, S_at at, dg_kind k) {
#define S_KIND(name) {",\"kind\":\"" name "\"", sizeof(",\"kind\":\"" name "\"") - 1}
  static const struct {
    char piece[24];
    size_t n;
  } kinds[] = {[DG_KIND_WORD] = S_KIND("word"),       [DG_KIND_NAME] = S_KIND("name"),
               [DG_KIND_NUMBER] = S_KIND("number"),   [DG_KIND_PUNCT] = S_KIND("punct"),
               [DG_KIND_SYMBOL] = S_KIND("symbol"),   [DG_KIND_URL] = S_KIND("url"),
               [DG_KIND_EMAIL] = S_KIND("email"),     [DG_KIND_HANDLE] = S_KIND("handle"),
               [DG_KIND_HASHTAG] = S_KIND("hashtag"), [DG_KIND_CODE] = S_KIND("code")};
#undef S_KIND
  if ((unsigned)k >= sizeof kinds / sizeof *kinds) return S_str(w, at, S_KQ("kind"), dg_kind_name(k));
  memcpy(at.q, kinds[k].piece, sizeof kinds[k].piece);
  return (S_at){at.q + kinds[k].n, false};
}

/* (a slot that holds no tag yet points at itself, where no string lies) */
static void S_tags_init(S_tag *tags) {
  for (size_t i = 0; i < S_TAGS; i++) tags[i].s = (const char *)&tags[i];
}

static inline __attribute__((always_inline)) S_at S_pos(S_w *w, S_at at, const dg_dtoken *t) {
  const char *p = t->pos;
  S_tag *e = &w->tags[t->upos & (S_TAGS - 1)];
  if (__builtin_expect(e->s == p, 1)) {
    memcpy(at.q, e->piece, 16);
    return (S_at){at.q + e->n, false};
  }
  size_t start = (size_t)(at.q - w->out->data);
  at = S_str(w, at, S_KQ("pos"), p);
  size_t n = (size_t)(at.q - w->out->data) - start;
  if (p && n && n <= 16) {
    e->s = p;
    e->n = n;
    memcpy(e->piece, w->out->data + start, 16);
  }
  return at;
}

/* The strings a token's object is written from live wherever the glosser
 * found them (the lexicon's mapped file, the document's arena), long out
 * of the cache when the chunk is rendered: their loads were most of the
 * writer's time.  So they are asked for ahead: the list of ranked glosses
 * two tokens ahead, the strings (those glosses among them) of the next
 * token.  (always_inline: a function of prefetches alone looks free of
 * effects to the compiler, which would drop the calls.) */
#define S_PREFETCH_GLOSSES 16
static inline __attribute__((always_inline)) void S_prefetch_list(const dg_dtoken *t) {
  if (t->nglosses > 1) __builtin_prefetch(t->glosses);
}

static inline __attribute__((always_inline)) void S_prefetch_strings(const dg_dtoken *t) {
  __builtin_prefetch(t->gloss);
  __builtin_prefetch(t->lemma);
  __builtin_prefetch(t->feats);
  __builtin_prefetch(t->labels);
  __builtin_prefetch(t->source);
  size_t n = t->nglosses < S_PREFETCH_GLOSSES ? t->nglosses : S_PREFETCH_GLOSSES;
  for (size_t i = 1; i < n; i++) __builtin_prefetch(t->glosses[i]);
}

/* The room a token's members of bounded size take at most: a key, a
 * number, a boolean or the first 70 bytes of a string (S_str) and
 * its quotes are under 96 bytes each, all the token's own members under
 * 2 KiB; then each gloss (with its sense: under 256 bytes), part (under
 * 320) and aligned span (under 64), all counted alike at 512 bytes (one
 * sum and one shift: the room is only reserved, not written). */
static size_t S_token_room(const dg_dtoken *t) { return 2048 + ((t->nglosses + t->nparts + t->nalign) << 9); }

/* The renderer's options a token's object asks about, read once a
 * sentence and passed in registers (read through r, they would be loaded
 * again after each store into the output). */
typedef struct S_opts {
  size_t alternatives; /* at most this many glosses, 0 all */
  bool senses;         /* each gloss's source and subject fields */
} S_opts;

static inline __attribute__((always_inline)) S_at S_token(S_w *w, S_at at, S_opts o, const dg_dsentence *s,
                                                          size_t idx) {
  const dg_dtoken *t = &s->tokens[idx];
  if (idx + 2 < s->ntokens) S_prefetch_list(t + 2);
  if (idx + 1 < s->ntokens) S_prefetch_strings(t + 1);
  w->slack = S_token_room(t);
  at = S_room(w, at, w->slack);
  at = S_open(at, S_ELEM, '{');
  at = S_str(w, at, S_KQ("form"), t->form);
  at = S_offsets(w, at, t->start, t->end);
  at = S_kind(w, at, t->kind);
  at = S_str(w, at, S_KQ("lemma"), t->lemma);
  at = S_pos(w, at, t);
  at = S_strl_or_empty(w, at, S_KQ("features"), t->feats);
  at = S_str_or_empty(w, at, S_KQ("labels"), t->labels);
  /* The gloss, and "plain" and the first of "glosses", which are most
   * often the very same string (the plain-English gloss as --style plain
   * shows it, in either style; the first of the ranked glosses): the
   * gloss's value is written once, and its bytes as written ("..." with
   * its quotes) are repeated for the other two.  A value of up to 32 bytes
   * (nearly all) is repeated as two blocks of 16 from the place it was
   * just written, with no offsets kept (the buffer has not moved when its
   * start is where it was); a longer one, or one that only one of the two
   * repeats, from its span (S_again; gv is empty when the gloss was left
   * out: not UTF-8).  That "plain" is the gloss itself is told as
   * dg_render_plain_as_is tells it, from the token and, for the dot that
   * a word's or a name's plain gloss may not hold, from the bytes just
   * written, which the copy loads anyway (a dot is written as it is, and
   * no escape writes one): the gloss is not read again.  Punctuation,
   * whose gloss and "plain" are empty and which has no glosses, takes
   * both as one piece. */
  size_t max = o.alternatives ? o.alternatives : t->nglosses;
  {
    /* (the list and its length in locals: the compiler would load them
     * again after each store into the output) */
    const char *const *g = t->glosses;
    size_t ng = t->nglosses < max ? t->nglosses : max, i = 0;
    const char *base = w->out->data;
    dg_kind kind = t->kind;
    char *gq = at.q + S_KEYLEN("gloss"); /* where the value goes */
    at = S_str(w, at, S_KQ("gloss"), t->gloss);
    size_t gn = (size_t)(at.q - gq); /* its length, quotes included (it wraps for a gloss left out: the cursor stayed before gq) */
    bool same = w->out->data == base, fast = false;
    dg_json_v16 a, b;
    if (kind != DG_KIND_PUNCT && !(t->flags & DG_DF_SEP_PARTICLE) && (!t->plain || t->plain == t->gloss) && ng &&
        g[0] == t->gloss && same && gn - 3 <= 29) { /* (a gloss of 1 to 30 bytes as written: not empty) */
      memcpy(&a, gq, 16);
      memcpy(&b, gq + 16, 16);
      fast = true;
      if (kind == DG_KIND_WORD || kind == DG_KIND_NAME) {
        dg_json_v16 da = a == '.', db = b == '.';
        uint64_t dots = (uint64_t)S_mask16(da) | (uint64_t)S_mask16(db) << 16;
        fast = !(dots & ((1ULL << gn) - 1)); /* (the bytes past the value are the room's) */
      }
    }
    if (fast) {
      char *q = at.q;
      memcpy(q, ",\"plain\":" S_PAD16, 16);
      memcpy(q + S_KEYLEN("plain"), &a, 16);
      memcpy(q + S_KEYLEN("plain") + 16, &b, 16);
      q += S_KEYLEN("plain") + gn;
      memcpy(q, ",\"glosses\":[" S_PAD16, 16);
      q += sizeof ",\"glosses\":[" - 1;
      memcpy(q, &a, 16);
      memcpy(q + 16, &b, 16);
      at = (S_at){q + gn, false};
      i = 1;
    } else if (kind == DG_KIND_PUNCT && gn == 2 && !ng) {
      static const char piece[32] = ",\"plain\":\"\",\"glosses\":[";
      memcpy(at.q, piece, 32);
      at = (S_at){at.q + sizeof ",\"plain\":\"\",\"glosses\":[" - 1, true};
    } else {
      const char *plain = dg_render_plain_as_is(t);
      /* (offsets: the buffer may have moved) */
      size_t gkey = (size_t)(gq - base), gend = (size_t)(at.q - w->out->data);
      S_span gv = {gkey, t->gloss && gend != gkey - S_KEYLEN("gloss") ? gend : 0};
      if (plain && plain == t->gloss && gv.end) at = S_again(w, at, S_K("plain"), gv);
      else if (plain) at = S_str(w, at, S_KQ("plain"), plain);
      else {
        dg_buf_clear(&w->cell);
        dg_render_gloss_text(&w->cell, t, s, DG_STYLE_PLAIN);
        at = S_strn(w, at, S_K("plain"), w->cell.data ? w->cell.data : "", w->cell.len);
      }
      at = S_open(at, S_K("glosses"), '[');
      if (ng && g[0] == t->gloss && gv.end) at = S_again(w, at, S_ELEM, gv), i = 1;
      else /* up to the first element written (one not UTF-8 is left out) */
        for (; i < ng && at.first; i++)
          if (g[i]) at = S_str(w, at, S_ELEMQ, g[i]);
    }
    if (i < ng) { /* the rest, each after a comma: the cursor says so when it is compiled */
      S_at rest = {at.q, false};
      for (; i < ng; i++)
        if (g[i]) rest = S_str(w, rest, S_ELEMQ, g[i]);
      at = rest;
    }
  }
  at = S_close(at, ']');
  if (o.senses && t->sense_src) {
    /* where each gloss comes from, and the labels of its sense (subject fields, region, register) */
    at = S_open(at, S_K("senses"), '[');
    for (size_t i = 0; i < t->nglosses && i < max; i++) {
      if (!t->glosses[i]) continue;
      at = S_open(at, S_ELEM, '{');
      at = S_str(w, at, S_KQ("source"), t->sense_src[i] ? t->sense_src[i] : "");
      at = S_str(w, at, S_KQ("domains"), t->sense_dom[i] ? t->sense_dom[i] : "");
      at = S_close(at, '}');
    }
    at = S_close(at, ']');
  }
  if (t->nparts > 1) {
    at = S_open(at, S_K("parts"), '[');
    for (size_t i = 0; i < t->nparts; i++) {
      at = S_open(at, S_ELEM, '{');
      at = S_str(w, at, S_KQ("form"), t->parts[i].form);
      at = S_str(w, at, S_KQ("lemma"), t->parts[i].lemma);
      at = S_str(w, at, S_KQ("gloss"), t->parts[i].link ? "" : t->parts[i].gloss);
      at = S_str(w, at, S_KQ("kind"), t->parts[i].link ? "link" : "stem");
      at = S_close(at, '}');
    }
    at = S_close(at, ']');
  }
  if (t->seg) at = S_str(w, at, S_KQ("segmentation"), t->seg);
  at = S_strl(w, at, S_KQ("source"), t->source);
  if (s->translation) { /* (only then: output without a translation is unchanged) */
    at = S_open(at, S_K("align"), '[');
    for (size_t i = 0; i < t->nalign; i++) {
      at = S_open(at, S_ELEM, '[');
      at = S_int(at, S_ELEM, (long long)t->align[2 * i]);
      at = S_int(at, S_ELEM, (long long)t->align[2 * i + 1]);
      at = S_close(at, ']');
    }
    at = S_close(at, ']');
  }
  if (t->reason) at = S_str(w, at, S_KQ("reason"), t->reason);
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) {
    const dg_mwe *m = &s->mwes[t->mwe];
    at = S_open(at, S_K("mwe"), '{');
    at = S_int(at, S_K("id"), (long long)m->id);
    at = S_str(w, at, S_KQ("lemma"), m->lemma);
    at = S_str(w, at, S_KQ("gloss"), m->gloss);
    at = S_bool(at, S_K("head"), t->mwe_head);
    at = S_close(at, '}');
  }
  /* the members a flag asks for, all in one test first: most tokens have
   * none of them (a space after, no other flag) */
  enum {
    S_FLAGGED = DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE | DG_DF_EMPHASIS | DG_DF_HYPHEN_JOINED | DG_DF_WHOLE_GLOSS |
                DG_DF_SPACE_AFTER | DG_DF_SENT_START
  };
  unsigned flags = t->flags;
  if (__builtin_expect((flags ^ DG_DF_SPACE_AFTER) & S_FLAGGED, 0)) {
    if ((flags & (DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE)) && t->link >= 0) {
      at = S_open(at, S_K("separable"), '{');
      at = S_str(w, at, S_KQ("role"), (flags & DG_DF_SEP_VERB) ? "verb" : "particle");
      at = S_str(w, at, S_KQ("lemma"), t->lemma);
      at = S_int(at, S_K("partner"), (long long)t->link);
      at = S_close(at, '}');
    }
    if (flags & DG_DF_EMPHASIS) at = S_bool(at, S_K("emphasis"), true);
    if (flags & DG_DF_HYPHEN_JOINED) at = S_bool(at, S_K("hyphen_joined"), true);
    /* a compound whose gloss line shows its own gloss, not its parts' */
    if (t->nparts > 1 && (flags & DG_DF_WHOLE_GLOSS)) at = S_bool(at, S_K("whole_gloss"), true);
    if (!(flags & DG_DF_SPACE_AFTER)) at = S_bool(at, S_K("space_after"), false);
    if (flags & DG_DF_SENT_START) at = S_bool(at, S_K("sentence_start"), true);
  }
  return S_close(at, '}');
}

/* The members of the sentence object around its tokens: under 96 bytes
 * each but for the long strings ("text", the translation), which reserve
 * their own room. */
#define S_SENTENCE_ROOM 1024

/* The sentence object in compact form at the end of out. */
static void S_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, S_tag *tags) {
  S_w w = {.out = out, .tags = tags, .slack = S_SENTENCE_ROOM};
  dg_buf_init(&w.cell);
  dg_buf_reserve(out, S_SENTENCE_ROOM);
  S_at at = {out->data + out->len, true};
  *at.q++ = '{';
  if (s->record) at = S_int(at, S_K("line"), (long long)s->record); /* lines input: the record's line */
  at = S_str(&w, at, S_KQ("text"), s->text);
  at = S_int(at, S_K("start"), (long long)s->start);
  at = S_int(at, S_K("end"), (long long)s->end);
  at = S_int(at, S_K("paragraph"), (long long)s->paragraph);
  if (s->origin) at = S_str(&w, at, S_KQ("origin"), s->origin);
  if (s->headline) at = S_bool(at, S_K("headline"), true);
  if (s->subject) at = S_str(&w, at, S_KQ("subject"), s->subject);
  at = S_open(at, S_K("tokens"), '[');
  if (s->ntokens) {
    S_prefetch_list(&s->tokens[0]);
    if (s->ntokens > 1) S_prefetch_list(&s->tokens[1]);
    S_prefetch_strings(&s->tokens[0]);
  }
  S_opts o = {r->o.alternatives, r->o.senses};
  for (size_t i = 0; i < s->ntokens; i++) at = S_token(&w, at, o, s, i);
  w.slack = S_SENTENCE_ROOM;
  at = S_room(&w, at, w.slack);
  at = S_close(at, ']');
  if (s->translation) {
    at = S_open(at, S_K("translation"), '{');
    at = S_str(&w, at, S_KQ("text"), s->translation);
    at = S_str(&w, at, S_KQ("provider"), s->tr_provider);
    at = S_str(&w, at, S_KQ("model"), s->tr_model);
    at = S_bool(at, S_K("cached"), s->tr_cached);
    at = S_close(at, '}');
  } else if (s->tr_error) {
    at = S_open(at, S_K("translation_error"), '{');
    at = S_str(&w, at, S_KQ("provider"), s->tr_provider);
    at = S_int(at, S_K("status"), (long long)s->tr_status);
    at = S_str(&w, at, S_KQ("message"), s->tr_error);
    at = S_close(at, '}');
  }
  at = S_close(at, '}');
  *at.q = '\0';
  out->len = (size_t)(at.q - out->data);
  if (w.cell.data) dg_buf_free(&w.cell); /* (used by few sentences) */
}

/* Indented form (JSON_INDENT(2), as jansson writes it): the compact form
 * with a line break and two spaces a level before each member and element
 * and before the bracket that closes a container that is not empty, and a
 * space after each key's colon. */
static void S_indent(dg_buf *out, const char *s, size_t n) {
  size_t depth = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '"') { /* a string as it is, up to its closing quote */
      size_t j = i + 1;
      while (s[j] != '"') j += s[j] == '\\' ? 2 : 1;
      dg_buf_put(out, s + i, j + 1 - i);
      i = j;
      continue;
    }
    if ((c == '{' || c == '[') && i + 1 < n && (s[i + 1] == '}' || s[i + 1] == ']')) {
      dg_buf_put(out, s + i, 2); /* empty: [] and {} */
      i++;
      continue;
    }
    bool open = c == '{' || c == '[', close = c == '}' || c == ']';
    if (open || c == ',') dg_buf_putc(out, c);
    if (c == ':') dg_buf_puts(out, ": ");
    if (open) depth++;
    if (close) depth--;
    if (open || close || c == ',') {
      dg_buf_putc(out, '\n');
      for (size_t k = 0; k < 2 * depth; k++) dg_buf_putc(out, ' ');
    }
    if (close) dg_buf_putc(out, c);
    if (!open && !close && c != ',' && c != ':') dg_buf_putc(out, c);
  }
}

void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty) {
  S_tag tags[S_TAGS];
  S_tags_init(tags);
  if (!pretty) {
    S_sentence(r, s, out, tags);
    return;
  }
  dg_buf compact;
  dg_buf_init(&compact);
  S_sentence(r, s, &compact, tags);
  S_indent(out, compact.data, compact.len);
  dg_buf_free(&compact);
}

/* Room for a chunk's objects at once, so that the buffer (new for each
 * chunk) is not grown and copied a dozen times on the way: about 260 bytes
 * a token and the sentence's text twice (its "text" and the tokens' forms),
 * estimated generously; more is still grown as usual. */
static void S_reserve(const dg_doc *d, dg_buf *out) {
  size_t n = 4096; /* (and a token's room at the end: S_token_room) */
  for (size_t i = 0; i < d->nsentences; i++) {
    const dg_dsentence *s = &d->sentences[i];
    n += 256 + 320 * s->ntokens + (s->end > s->start ? 2 * (size_t)(s->end - s->start) : 0);
  }
  dg_buf_reserve(out, n);
}

/* JSONL: one compact sentence object a line. */
void dg_render_jsonl(dg_render *r, const dg_doc *d, dg_buf *out) {
  S_reserve(d, out);
  S_tag tags[S_TAGS];
  S_tags_init(tags);
  for (size_t i = 0; i < d->nsentences; i++) {
    S_sentence(r, &d->sentences[i], out, tags);
    dg_buf_putc(out, '\n');
    r->sentences++;
  }
}

/* JSON: the same objects, one a line, in {"sentences": [...]}. */
void dg_render_json_begin(dg_render *r, dg_buf *out) { dg_buf_puts(out, "{\"sentences\": [\n"); }

void dg_render_json(dg_render *r, const dg_doc *d, dg_buf *out) {
  S_reserve(d, out);
  S_tag tags[S_TAGS];
  S_tags_init(tags);
  for (size_t i = 0; i < d->nsentences; i++) {
    if (r->sentences) dg_buf_puts(out, ",\n");
    S_sentence(r, &d->sentences[i], out, tags);
    r->sentences++;
  }
}

/* The document's subject as the last sentence had it, after the sentences. */
void dg_render_json_end(dg_render *r, dg_buf *out) {
  dg_buf_puts(out, r->sentences ? "\n]" : "]");
  if (r->subject[0]) {
    dg_buf_puts(out, ", \"subject\": \"");
    dg_buf_puts(out, r->subject); /* a name of subjects.tsv: letters only */
    dg_buf_puts(out, "\"");
  }
  dg_buf_puts(out, "}\n");
}
