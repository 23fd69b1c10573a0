/* Case folding of lexicon keys: simple per-code-point lower-casing with
 * utf8proc (ß stays ß, so "Maße" and "Masse" stay apart).  Invalid bytes are
 * copied unchanged.  Used by both the compiler and the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "lexicon.h"
#include "lexicon_format.h"
#include "util.h"

char *dg_lexicon_fold(const char *s) {
  size_t n = strlen(s);
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_reserve(&b, n);
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_ssize_t left = (utf8proc_ssize_t)n;
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
    if (k <= 0) {
      dg_buf_putc(&b, (char)*p);
      p++;
      left--;
      continue;
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    dg_buf_put(&b, enc, (size_t)m);
    p += k;
    left -= k;
  }
  if (!b.data) return dg_xstrdup("");
  return dg_buf_detach(&b);
}

/* Eight ASCII bytes folded at a time: a byte of 'A'..'Z' gets bit 5 (its
 * small letter).  b + 0x3F has its high bit when b >= 'A', b + 0x25 when
 * b > 'Z' (no carry between bytes below 0x80).  (S_fold4: four bytes) */
static inline uint64_t S_fold8(uint64_t x) {
  return x | ((x + 0x3F3F3F3F3F3F3F3FULL) & ~(x + 0x2525252525252525ULL) & 0x8080808080808080ULL) >> 2;
}
static inline uint32_t S_fold4(uint32_t x) {
  return x | ((x + 0x3F3F3F3FU) & ~(x + 0x25252525U) & 0x80808080U) >> 2;
}

/* dg_lex_hash of the word as folded (lexicon_format.h: the tables'
 * hash), each of its loads folded as it is read: the same steps, with no
 * folded copy written. */
bool dg_lexicon_fold_hash_ascii(const char *s, size_t n, uint64_t *h) {
  uint64_t x = ((uint64_t)n + 1) * 0xff51afd7ed558ccdULL, a, any = 0;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      a = dg_lex_word(s + i, 8);
      any |= a;
      x = dg_lex_mix(x, S_fold8(a));
    }
    a = dg_lex_word(s + n - 8, 8);
    any |= a;
    a = S_fold8(a);
  } else if (n >= 4) {
    uint32_t lo = (uint32_t)dg_lex_word(s, 4), hi = (uint32_t)dg_lex_word(s + n - 4, 4);
    any = lo | hi;
    a = S_fold4(lo) | (uint64_t)S_fold4(hi) << 32;
  } else {
    uint32_t b = (unsigned char)s[0] | (uint32_t)(unsigned char)s[n / 2] << 8 | (uint32_t)(unsigned char)s[n - 1] << 16;
    any = b;
    a = S_fold4(b);
  }
  x = dg_lex_mix(x, a) * 0xc4ceb9fe1a85ec53ULL;
  *h = x ^ (x >> 32);
  return !(any & 0x8080808080808080ULL);
}

size_t dg_lexicon_fold_buf(const char *s, char *buf, size_t cap) {
  size_t n = 0;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
  while (left > 0) {
    if (left >= 8 && n + 8 < cap) {
      uint64_t x;
      memcpy(&x, p, 8);
      if (!(x & 0x8080808080808080ULL)) {
        x = S_fold8(x);
        memcpy(buf + n, &x, 8);
        n += 8;
        p += 8;
        left -= 8;
        continue;
      }
    } else if (left < 8 && n + (size_t)left < cap) {
      /* The last bytes of a key: its last eight when it has them (the
       * bytes before these, read again, were ASCII when the eight are, and
       * were folded one for one to the same bytes), else the first four
       * and the last four of four to seven (two loads that may overlap). */
      size_t back = 8 - (size_t)left;
      uint64_t x;
      uint32_t a, b;
      if ((size_t)(p - (const utf8proc_uint8_t *)s) >= back) {
        memcpy(&x, p - back, 8);
        if (!(x & 0x8080808080808080ULL)) {
          x = S_fold8(x);
          memcpy(buf + n - back, &x, 8);
          n += (size_t)left;
          break;
        }
      } else if (left >= 4) {
        memcpy(&a, p, 4);
        memcpy(&b, p + left - 4, 4);
        if (!((a | b) & 0x80808080U)) {
          b = S_fold4(b);
          memcpy(buf + n + (size_t)left - 4, &b, 4);
          a = S_fold4(a);
          memcpy(buf + n, &a, 4);
          n += (size_t)left;
          break;
        }
      }
    }
    if (*p < 0x80) { /* ASCII: what utf8proc would give, without asking it */
      if (n + 1 < cap) buf[n] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
      n++;
      p++;
      left--;
      continue;
    }
    if ((p[0] == 0xC2 || p[0] == 0xC3) && left >= 2 && (p[1] & 0xC0) == 0x80) {
      /* U+0080..U+00FF (ä, Ö, é, ß): the capitals U+00C0..U+00DE but the
       * sign × are their small letters less 0x20, the rest is lower case
       * (what utf8proc gives, without asking it) */
      unsigned char b = p[1];
      if (p[0] == 0xC3 && b <= 0x9E && b != 0x97) b += 0x20;
      if (n + 2 < cap) {
        buf[n] = (char)p[0];
        buf[n + 1] = (char)b;
      }
      n += 2;
      p += 2;
      left -= 2;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m;
    if (k <= 0) {
      enc[0] = *p;
      m = 1;
      k = 1;
    } else if (cp < 0x80) {
      enc[0] = (utf8proc_uint8_t)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      m = 1;
    } else {
      m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    }
    if (n + (size_t)m < cap) memcpy(buf + n, enc, (size_t)m);
    n += (size_t)m;
    p += k;
    left -= k;
  }
  if (cap) buf[n < cap ? n : cap - 1] = '\0';
  return n;
}
