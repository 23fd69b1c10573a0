/* Small UTF-8 helpers of the morphology stage.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MORPH_TEXT_H
#define DG_MORPH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Append `s` (n bytes) lower-cased code point by code point (no case
 * folding: ß stays ß) to `out`; invalid bytes are copied as they are. */
void dg_utf8_lower(dg_buf *out, const char *s, size_t n);
/* The same, upper-casing only the first code point. */
void dg_utf8_capitalize(dg_buf *out, const char *s, size_t n);
/* Decode one code point at s (n bytes left); returns its length (>= 1) and
 * stores it in *cp (the byte itself for invalid input).  ASCII is read
 * here, the rest by dg_utf8_next_slow. */
size_t dg_utf8_next_slow(const char *s, size_t n, int32_t *cp);
static inline size_t dg_utf8_next(const char *s, size_t n, int32_t *cp) {
  if ((unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  return dg_utf8_next_slow(s, n, cp);
}
/* Is the first code point upper case? */
bool dg_utf8_is_upper_initial(const char *s, size_t n);
/* Number of code points. */
size_t dg_utf8_length(const char *s, size_t n);

#endif
