/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "morph_text.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

size_t dg_utf8_next_slow(const char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
  if (l < 1) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  *cp = c;
  return (size_t)l;
}

static void S_put_cp(dg_buf *out, int32_t c) {
  utf8proc_uint8_t tmp[4];
  utf8proc_ssize_t l = utf8proc_encode_char(c, tmp);
  dg_buf_put(out, tmp, (size_t)l);
}

static void S_map(dg_buf *out, const char *s, size_t n, bool upper_first) {
  size_t i = 0;
  bool first = true;
  /* (ASCII and the C3 letters keep their length: written straight into the
   * room reserved for the rest of the input; other code points through
   * dg_buf_put, which reserves for itself) */
  dg_buf_reserve(out, n);
  while (i < n) {
    /* ASCII, and the Latin-1 letters written C3 80-BF (ä, Ö, é …), whose
     * lower and upper cases are 32 apart: mapped byte by byte */
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
      if (first && upper_first) {
        out->data[out->len++] = (char)(b >= 'a' && b <= 'z' ? b - 32 : b);
        first = false;
        i++;
        continue;
      }
      /* (a run of ASCII at once: lower-cased, or copied after the first) */
      char *d = out->data + out->len;
      const char *r = s + i;
      size_t k = 0, left = n - i;
      /* (eight bytes a step while all are ASCII: a capital's byte, 0x41-0x5A,
       * gets 0x20 from the high bits of x + 0x3F and not x + 0x25, which no
       * carry crosses below 0x80; the bytes from the first other one on go
       * one by one) */
      for (uint64_t x; left - k >= 8; k += 8) {
        memcpy(&x, r + k, 8);
        if (x & 0x8080808080808080ULL) break;
        if (!upper_first)
          x |= ((x + 0x3F3F3F3F3F3F3F3FULL) & ~(x + 0x2525252525252525ULL) & 0x8080808080808080ULL) >> 2;
        memcpy(d + k, &x, 8);
      }
      if (upper_first)
        for (; k < left && (unsigned char)r[k] < 0x80; k++) d[k] = r[k];
      else
        for (unsigned char c; k < left && (c = (unsigned char)r[k]) < 0x80; k++)
          d[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      out->len += k;
      i += k;
      first = false;
      continue;
    }
    if (b == 0xC3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      unsigned char b2 = (unsigned char)s[i + 1];
      if (first && upper_first) b2 = (unsigned char)(b2 >= 0xA0 && b2 <= 0xBE && b2 != 0xB7 ? b2 - 0x20 : b2);
      else if (!upper_first) b2 = (unsigned char)(b2 >= 0x80 && b2 <= 0x9E && b2 != 0x97 ? b2 + 0x20 : b2);
      if (!(first && upper_first && (b2 == 0xBF || b2 == 0x9F))) { /* (the capitals of ÿ and ß lie elsewhere) */
        out->data[out->len++] = (char)b;
        out->data[out->len++] = (char)b2;
        first = false;
        i += 2;
        continue;
      }
    }
    int32_t c;
    utf8proc_int32_t d;
    size_t l = dg_utf8_next(s + i, n - i, &c);
    if (utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &d) < 1) {
      dg_buf_put(out, s + i, l);
    } else if (first && upper_first) {
      S_put_cp(out, utf8proc_toupper(c));
    } else {
      S_put_cp(out, upper_first ? c : utf8proc_tolower(c));
    }
    first = false;
    i += l;
    dg_buf_reserve(out, n - i);
  }
  out->data[out->len] = '\0';
}

void dg_utf8_lower(dg_buf *out, const char *s, size_t n) { S_map(out, s, n, false); }
void dg_utf8_capitalize(dg_buf *out, const char *s, size_t n) { S_map(out, s, n, true); }

bool dg_utf8_is_upper_initial(const char *s, size_t n) {
  if (n == 0) return false;
  unsigned char b = (unsigned char)s[0];
  if (b < 0x80) return b >= 'A' && b <= 'Z'; /* (utf8proc's answer for ASCII) */
  int32_t c;
  dg_utf8_next(s, n, &c);
  return utf8proc_isupper(c) != 0;
}

size_t dg_utf8_length(const char *s, size_t n) {
  size_t i = 0, k = 0;
  while (i < n) {
    int32_t c;
    i += dg_utf8_next(s + i, n - i, &c);
    k++;
  }
  return k;
}
