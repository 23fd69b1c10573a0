/* The keys of the engine's type memo (memo.c, which alone includes this):
 * the hash of a key (a kind letter and a string of bytes), and a word's
 * form read for its key in one load, its length and bytes found at once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_MEMO_KEY_H
#define DG_GLOSS_MEMO_KEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The key: its kind letter and length in the seed, then its bytes
 * sixteen at a time, the last ones zero past the key's end, each sixteen
 * mixed in with one 64 x 64 -> 128-bit multiply whose two halves are
 * folded together (the high half depends on every bit of both factors,
 * so the low bits, which choose the stripe and the slot, and the top
 * ones, which the slot keeps, depend on every bit of the key).  Most keys
 * are a word of a few letters: one multiply in all.  The memo's hashes
 * are its own, stored nowhere; memo.c's word keys make the same from the
 * bytes dg_gl_mkey_form16 reads. */
#define DG_GL_MKEY_K0 0x9E3779B97F4A7C15ULL
#define DG_GL_MKEY_K1 0xff51afd7ed558ccdULL
#define DG_GL_MKEY_K2 0xc4ceb9fe1a85ec53ULL /* (b ^ DG_GL_MKEY_K2 is never 0 for text: 0xfe is no byte of UTF-8) */
static inline uint64_t dg_gl_mkey_seed(char kind, size_t n) {
  return ((uint64_t)n << 8 | (unsigned char)kind) * DG_GL_MKEY_K0;
}
static inline uint64_t dg_gl_mkey_mix16(uint64_t h, uint64_t a, uint64_t b) {
  __extension__ typedef unsigned __int128 dg_gl_mkey_u128;
  dg_gl_mkey_u128 p = (dg_gl_mkey_u128)(a ^ h ^ DG_GL_MKEY_K1) * (b ^ DG_GL_MKEY_K2);
  return (uint64_t)p ^ (uint64_t)(p >> 64);
}

/* The last r bytes of a key (0 <= r <= 16) as two words, zero past its
 * end, in loads that may overlap (no call): a the first eight, b the
 * rest. */
static inline void dg_gl_mkey_tail(const char *key, size_t r, uint64_t *a, uint64_t *b) {
  const unsigned char *p = (const unsigned char *)key;
  *a = *b = 0;
  if (r > 8) {
    memcpy(a, p, 8);
    memcpy(b, p + r - 8, 8);
    *b >>= 8 * (16 - r);
  } else if (r >= 4) {
    uint32_t x, y;
    memcpy(&x, p, 4);
    memcpy(&y, p + r - 4, 4);
    *a = x | (uint64_t)y << 8 * (r - 4);
  } else if (r) {
    *a = p[0] | (uint64_t)p[r / 2] << 8 * (r / 2) | (uint64_t)p[r - 1] << 8 * (r - 1);
  }
}

static inline uint64_t dg_gl_mkey_hash(char kind, const char *key, size_t n) {
  uint64_t h = dg_gl_mkey_seed(kind, n), a, b;
  size_t i = 0;
  for (; n - i > 16; i += 16) {
    memcpy(&a, key + i, 8);
    memcpy(&b, key + i + 8, 8);
    h = dg_gl_mkey_mix16(h, a, b);
  }
  dg_gl_mkey_tail(key + i, n - i, &a, &b);
  return dg_gl_mkey_mix16(h, a, b);
}

/* The mask of a key's first n bytes (n <= 16): the 16 bytes from
 * dg_gl_mkey_keep + 16 - n. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static const unsigned char dg_gl_mkey_keep[32] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                                  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
#endif

#if defined(__SSE2__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DG_GL_MKEY_FORM16 1
/* A form shorter than 16 bytes: its length and its bytes as
 * dg_gl_mkey_hash reads them (zero past its end), found in one load of 16
 * bytes, with no strlen
 * first (most words; the look-up pass keys every word).  The load is made
 * only when the 16 bytes lie in the page of the form (a readable page is
 * readable to its end, what strlen does; the sanitizers, which know the
 * string's end, are told not to check it).  False for a longer form, or
 * one near the end of its page. */
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) bool
dg_gl_mkey_form16(const char *form, size_t *n, uint64_t bytes[2]) {
  typedef char dg_gl_mkey_v16 __attribute__((vector_size(16)));
  typedef char dg_gl_mkey_v16u __attribute__((vector_size(16), aligned(1), may_alias));
  if (((uintptr_t)form & 4095) > 4096 - 16) return false;
  __asm__("" : "+r"(form)); /* (the compiler sees a short literal's bounds) */
  dg_gl_mkey_v16 x = *(const dg_gl_mkey_v16u *)form;
  unsigned z = (unsigned)__builtin_ia32_pmovmskb128(x == 0);
  if (!z) return false;
  unsigned k = (unsigned)__builtin_ctz(z);
  x &= *(const dg_gl_mkey_v16u *)(const void *)(dg_gl_mkey_keep + 16 - k);
  memcpy(bytes, &x, 16);
  *n = k;
  return true;
}
#endif

#endif
