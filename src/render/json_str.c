/* Writing a string into JSON: the escapes and the slow path of a string
 * (json_str.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "json_str.h"

/* jansson's escapes: the short ones, \u00XX for other control characters. */
char *dg_json_escape(char *q, unsigned char c) {
  static const char short_esc[] = {['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f',
                                   ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't'};
  static const char hex[] = "0123456789ABCDEF";
  *q++ = '\\';
  if (c < sizeof short_esc && short_esc[c]) {
    *q++ = short_esc[c];
    return q;
  }
  memcpy(q, "u00", 3);
  q[3] = hex[c >> 4];
  q[4] = hex[c & 15];
  return q + 5;
}

/* The n bytes of text s, escaped, at q, which has room for 6 * n (every
 * byte a \u00XX): returns the end, or NULL when s is not strict UTF-8 as
 * jansson checks it (no overlong forms, surrogates or code points above
 * U+10FFFF), which jansson refused to write.  One pass: plain ASCII, most
 * of the text, is checked and copied 16 and 8 bytes at a time, the rest a
 * byte at a time. */
char *dg_json_body(char *q, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    while (end - p >= 16 && !dg_json_special16(p)) {
      memcpy(q, p, 16);
      p += 16;
      q += 16;
    }
    while (end - p >= 8) {
      uint64_t x;
      memcpy(&x, p, 8);
      if (dg_json_special8(x)) break;
      memcpy(q, &x, 8);
      p += 8;
      q += 8;
    }
    /* the last bytes: the string's last word, which overlaps what was
     * written, when it is all plain ASCII (the bytes it shares with the
     * text before were copied as they are, just before q) */
    if (p < end && end - p < 8 && end - (const unsigned char *)s >= 8) {
      uint64_t x;
      memcpy(&x, end - 8, 8);
      if (!dg_json_special8(x)) {
        memcpy(q - (p - (end - 8)), &x, 8);
        q += end - p;
        break;
      }
    }
    /* up to the next byte that is not plain ASCII, a byte at a time */
    unsigned char c = 0, k = 0;
    while (p < end && !(k = dg_json_class[c = *p])) {
      *q++ = (char)c;
      p++;
    }
    if (p >= end) break;
    size_t used = dg_json_put_other(&q, p, k);
    if (!used) return NULL;
    p += used;
  }
  return q;
}
