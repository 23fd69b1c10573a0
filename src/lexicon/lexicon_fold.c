/* Case folding of lexicon keys: simple per-code-point lower-casing with
 * utf8proc (ß stays ß, so "Maße" and "Masse" stay apart).  Invalid bytes are
 * copied unchanged.  Used by both the compiler and the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "lexicon.h"
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

size_t dg_lexicon_fold_buf(const char *s, char *buf, size_t cap) {
  size_t n = 0;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
  while (left > 0) {
    if (left >= 8 && n + 8 < cap) {
      /* Eight ASCII bytes at a time: a byte of 'A'..'Z' gets bit 5 (its
       * small letter).  b + 0x3F has its high bit when b >= 'A', b + 0x25
       * when b > 'Z' (no carry between bytes below 0x80). */
      uint64_t x;
      memcpy(&x, p, 8);
      if (!(x & 0x8080808080808080ULL)) {
        uint64_t upper = (x + 0x3F3F3F3F3F3F3F3FULL) & ~(x + 0x2525252525252525ULL) & 0x8080808080808080ULL;
        x |= upper >> 2;
        memcpy(buf + n, &x, 8);
        n += 8;
        p += 8;
        left -= 8;
        continue;
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
