/* Writing a string into JSON (json.c): what each byte asks of the writer,
 * tested 8, 16 or 32 bytes at a time, strict UTF-8 as jansson checks it,
 * and the escapes.  Internal to the JSON renderer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_JSON_STR_H
#define DG_JSON_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* What each byte asks of the string writer: 0 printable ASCII, copied as
 * is; DG_JSON_ESC a byte JSON must escape (a control character, '"', '\\');
 * 2, 3, 4 the lead byte of a UTF-8 sequence of that length; DG_JSON_BAD a byte
 * that cannot start one (a continuation byte, an overlong lead C0/C1, a
 * lead above U+10FFFF F5..FF). */
enum { DG_JSON_ESC = 1, DG_JSON_BAD = 5 };
static const unsigned char dg_json_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 50: '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 70: DEL as is */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 80 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 90 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* A0 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* B0 */
    5, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* C0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* D0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* E0 */
    4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* F0 */
};

/* Eight bytes at a time: does the word hold a byte that is not plain
 * printable ASCII (>= 0x80, < 0x20, '"' or '\\')?  (The usual bit tricks:
 * a byte below n sets its high bit in x - n*0x01.. where x's own high bit
 * is clear; a byte equal to c is a zero byte of x ^ c*0x01...) */
#define DG_JSON_ONES 0x0101010101010101ULL
#define DG_JSON_HIGHS 0x8080808080808080ULL
static inline bool dg_json_special8(uint64_t x) {
  uint64_t q = x ^ (DG_JSON_ONES * '"'), b = x ^ (DG_JSON_ONES * '\\');
  return ((x | ((x - DG_JSON_ONES * 0x20) & ~x) | ((q - DG_JSON_ONES) & ~q) | ((b - DG_JSON_ONES) & ~b)) &
          DG_JSON_HIGHS) != 0;
}

/* Sixteen bytes at a time, the same question, in a vector (SSE2 on
 * x86-64, NEON on ARM): as signed bytes, those >= 0x80 are negative, so one
 * comparison finds them and the control characters. */
typedef signed char dg_json_v16 __attribute__((vector_size(16)));
static inline bool dg_json_special16(const unsigned char *p) {
  dg_json_v16 x;
  memcpy(&x, p, 16);
  dg_json_v16 m = (x < 0x20) | (x == '"') | (x == '\\');
  uint64_t a, b;
  memcpy(&a, &m, 8);
  memcpy(&b, (const char *)&m + 8, 8);
  return (a | b) != 0;
}

/* Is the UTF-8 sequence at p, whose lead byte is of class k (2, 3, 4),
 * whole and valid: continuation bytes, no overlong form, no surrogate, at
 * most U+10FFFF?  (jansson leaves a string out otherwise.)  The NUL at a
 * string's end is no continuation byte, so no read passes it. */
static inline bool dg_json_utf8_seq(const unsigned char *p, unsigned k) {
  uint32_t cp = p[0] & (0x7F >> k);
  for (unsigned i = 1; i < k; i++) {
    if (p[i] < 0x80 || p[i] > 0xBF) return false;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && !(k == 3 && cp < 0x800) && !(k == 4 && cp < 0x10000);
}

/* A string of up to 16 bytes, most of them ("NOUN", "word", "the",
 * "3SG.M.NOM"), when it is plain ASCII, with no call and no loop: two
 * overlapping 8-byte or 4-byte pieces, or the first, middle and last byte;
 * NULL when a byte needs more (an escape, UTF-8), which dg_json_body does. */
static inline __attribute__((always_inline)) char *dg_json_short(char *q, const char *s, size_t n) {
  if (n >= 8) {
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
    if (dg_json_special8(a) || dg_json_special8(b)) return NULL;
    memcpy(q, &a, 8);
    memcpy(q + n - 8, &b, 8);
    return q + n;
  }
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    if (dg_json_special8(a | (uint64_t)b << 32)) return NULL;
    memcpy(q, &a, 4);
    memcpy(q + n - 4, &b, 4);
    return q + n;
  }
  if (n) {
    unsigned char a = (unsigned char)s[0], b = (unsigned char)s[n / 2], c = (unsigned char)s[n - 1];
    if (dg_json_class[a] | dg_json_class[b] | dg_json_class[c]) return NULL;
    q[0] = (char)a;
    q[n / 2] = (char)b;
    q[n - 1] = (char)c;
  }
  return q + n;
}

/* The escape of control character, quote or backslash c at q: returns
 * the end. */
char *dg_json_escape(char *q, unsigned char c);

/* A byte at p that is not plain ASCII, of class k (DG_JSON_ESC, or the
 * lead of a sequence of k bytes), written at *q as jansson writes it
 * (*q moved past it): returns the number of bytes read, 0 when they are
 * not strict UTF-8 (the string is then left out). */
static inline size_t dg_json_put_other(char **q, const unsigned char *p, unsigned k) {
  if (k == DG_JSON_ESC) {
    *q = dg_json_escape(*q, p[0]);
    return 1;
  }
  if (k == DG_JSON_BAD || !dg_json_utf8_seq(p, k)) return 0;
  memcpy(*q, p, k);
  *q += k;
  return k;
}
/* The n bytes of text s, escaped, at q, which has room for 6 * n (every
 * byte a \u00XX): returns the end, or NULL when s is not strict UTF-8 as
 * jansson checks it (no overlong forms, surrogates or code points above
 * U+10FFFF), which jansson refused to write.  One pass: plain ASCII, most
 * of the text, is checked and copied 16 and 8 bytes at a time, the rest a
 * byte at a time. */
char *dg_json_body(char *q, const char *s, size_t n);

/* The place of the lowest set bit of bits, which is never 0.  (On
 * x86-64 bsf: the count as a 64-bit register, with no sign extension of
 * the builtin's int after it.) */
static inline size_t dg_json_low_bit(uint64_t bits) {
#if defined(__x86_64__)
  uint64_t k;
  __asm__("bsf %1, %0" : "=r"(k) : "r"(bits) : "cc");
  return k;
#else
  return (size_t)__builtin_ctzll(bits);
#endif
}

/* The plain ASCII start of a NUL-terminated string, 16 bytes at a time
 * with no strlen first: the 16 bytes at s are stored at q (which has room
 * for them) and the number of them that are plain printable ASCII is
 * returned, 16 when all are; the byte that stops it is the string's NUL,
 * or one that needs dg_json_body.  The 16 bytes may run past the end of the
 * string: the caller reads them only when they lie in the page of s, and
 * a readable page is readable to its end (what strlen does); the
 * sanitizers, which know the string's end, are told not to check these
 * loads, and the callers hide s from the compiler (an empty asm). */
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) size_t dg_json_plain16(char *q,
                                                                                                   const char *s) {
  typedef signed char dg_json_v16u __attribute__((vector_size(16), aligned(1), may_alias));
  dg_json_v16 x = *(const dg_json_v16u *)s; /* (a load, not a memcpy the sanitizer would check) */
  memcpy(q, &x, 16);
#if defined(__SSE2__)
  /* x ^ 2 maps '"' to ' ' and keeps the control characters below it, so
   * one signed comparison, the sign of (x ^ 2) - 0x21 saturated (which is
   * all the movemask reads), finds the control characters, '"' and the
   * bytes >= 0x80; '\\' takes its own.  And 16 when no bit is set, with
   * no branch. */
  __m128i v = (__m128i)x;
  __m128i m = _mm_or_si128(_mm_subs_epi8(_mm_xor_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8(0x21)),
                           _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  uint64_t bits = (unsigned)_mm_movemask_epi8(m) | 1u << 16;
  return dg_json_low_bit(bits);
#else
  dg_json_v16 m = (x < 0x20) | (x == '"') | (x == '\\');
  uint64_t a, b;
  memcpy(&a, &m, 8);
  memcpy(&b, (const char *)&m + 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (a) return (size_t)__builtin_ctzll(a) / 8;
  if (b) return 8 + (size_t)__builtin_ctzll(b) / 8;
#else
  if (a) return (size_t)__builtin_clzll(a) / 8;
  if (b) return 8 + (size_t)__builtin_clzll(b) / 8;
#endif
  return 16;
#endif
}

/* The same for the 32 bytes at s (two blocks, one answer): the number of
 * them that are plain printable ASCII, 32 when all are. */
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) size_t dg_json_plain32(char *q,
                                                                                                   const char *s) {
#if defined(__SSE2__)
  typedef signed char dg_json_v16u __attribute__((vector_size(16), aligned(1), may_alias));
  dg_json_v16 x = *(const dg_json_v16u *)s, y = *(const dg_json_v16u *)(s + 16);
  memcpy(q, &x, 16);
  memcpy(q + 16, &y, 16);
  __m128i a = (__m128i)x, b = (__m128i)y, two = _mm_set1_epi8(2), lim = _mm_set1_epi8(0x21),
          bs = _mm_set1_epi8('\\');
  __m128i ma = _mm_or_si128(_mm_subs_epi8(_mm_xor_si128(a, two), lim), _mm_cmpeq_epi8(a, bs));
  __m128i mb = _mm_or_si128(_mm_subs_epi8(_mm_xor_si128(b, two), lim), _mm_cmpeq_epi8(b, bs));
  uint64_t bits = (uint64_t)(unsigned)_mm_movemask_epi8(ma) | (uint64_t)(unsigned)_mm_movemask_epi8(mb) << 16 |
                  1ULL << 32;
  return dg_json_low_bit(bits);
#else
  size_t k = dg_json_plain16(q, s);
  return k < 16 ? k : 16 + dg_json_plain16(q + 16, s + 16);
#endif
}

#define DG_JSON_PAGE 4096
static inline bool dg_json_in_page16(const char *s) { return ((uintptr_t)s & (DG_JSON_PAGE - 1)) <= DG_JSON_PAGE - 16; }
static inline bool dg_json_block_ok(const char *s) {
  /* in the page of s, s not NULL: (s - 1) wraps for NULL (and for a
   * string at a page's very start, which goes the long way too) */
  return (((uintptr_t)s - 1) & (DG_JSON_PAGE - 1)) < DG_JSON_PAGE - 16;
}
/* (the same for two blocks) */
static inline bool dg_json_block32_ok(const char *s) {
  return (((uintptr_t)s - 1) & (DG_JSON_PAGE - 1)) < DG_JSON_PAGE - 32;
}

#endif
