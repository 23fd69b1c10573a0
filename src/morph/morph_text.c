/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "morph_text.h"

#include <utf8proc.h>

size_t dg_utf8_next(const char *s, size_t n, int32_t *cp) {
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
  while (i < n) {
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
  }
}

void dg_utf8_lower(dg_buf *out, const char *s, size_t n) { S_map(out, s, n, false); }
void dg_utf8_capitalize(dg_buf *out, const char *s, size_t n) { S_map(out, s, n, true); }

bool dg_utf8_is_upper_initial(const char *s, size_t n) {
  if (n == 0) return false;
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
