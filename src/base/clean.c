/* Cleaning text that comes from outside (see clean.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "clean.h"

/* Length of the unwanted character at p (bytes), 0 when p starts a character
 * to keep.  *ws is set when it is whitespace (shown as one space). */
static size_t S_unwanted(const unsigned char *p, size_t left, bool *ws) {
  unsigned char c = p[0];
  *ws = false;
  if (c < 0x20 || c == 0x7f) {
    *ws = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    return 1;
  }
  if (c == 0xc2 && left >= 2 && p[1] >= 0x80 && p[1] <= 0x9f) return 2; /* C1: U+0080..U+009F */
  if (c == 0xe2 && left >= 3) {
    if (p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) return 3; /* U+202A..U+202E */
    if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9) return 3; /* U+2066..U+2069 */
  }
  return 0;
}

bool dg_clean_needed(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  bool ws;
  for (size_t i = 0; i < n; i++)
    if ((p[i] < 0x20 || p[i] == 0x7f || p[i] == 0xc2 || p[i] == 0xe2) && S_unwanted(p + i, n - i, &ws))
      return true;
  return false;
}

void dg_clean_append(dg_buf *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, run = 0;
  while (i < n) {
    bool ws;
    size_t k = S_unwanted(p + i, n - i, &ws);
    if (!k) {
      i++;
      continue;
    }
    dg_buf_put(out, s + run, i - run);
    if (ws) dg_buf_putc(out, ' ');
    i += k;
    run = i;
  }
  dg_buf_put(out, s + run, n - run);
}

char *dg_clean_dup(const char *s) {
  dg_buf b;
  dg_buf_init(&b);
  dg_clean_append(&b, s, strlen(s));
  return dg_buf_detach(&b);
}

void dg_escape_visible(dg_buf *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    bool ws;
    size_t k = S_unwanted(p + i, n - i, &ws);
    if (!k) {
      dg_buf_putc(out, s[i++]);
      continue;
    }
    if (p[i] == '\t') dg_buf_puts(out, "\\t");
    else if (p[i] == '\n') dg_buf_puts(out, "\\n");
    else if (p[i] == '\r') dg_buf_puts(out, "\\r");
    else if (k == 1) dg_buf_printf(out, "\\x%02x", p[i]);
    else if (k == 2) dg_buf_printf(out, "\\u%04x", (unsigned)p[i + 1]);
    else dg_buf_printf(out, "\\u%04x", 0x2000u | ((unsigned)(p[i + 1] & 0x3f) << 6) | (p[i + 2] & 0x3fu));
    i += k;
  }
}
