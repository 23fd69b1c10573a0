/* Input encodings: names, one-character decoders for Windows-1252,
 * ISO-8859-1 and UTF-16, and the guess between UTF-8 and Windows-1252.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <strings.h>

#include "text_internal.h"

/* Windows-1252 0x80..0x9F (0: undefined in 1252). */
static const uint16_t S_cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80-87 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 88-8F */
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90-97 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178  /* 98-9F */
};

static const struct {
  const char *name;
  degloss_encoding enc;
} S_names[] = {
    {"auto", DEGLOSS_ENCODING_AUTO},          {"utf-8", DEGLOSS_ENCODING_UTF8},         {"utf8", DEGLOSS_ENCODING_UTF8},
    {"windows-1252", DEGLOSS_ENCODING_CP1252}, {"cp1252", DEGLOSS_ENCODING_CP1252},      {"1252", DEGLOSS_ENCODING_CP1252},
    {"latin1", DEGLOSS_ENCODING_LATIN1},      {"latin-1", DEGLOSS_ENCODING_LATIN1},     {"iso-8859-1", DEGLOSS_ENCODING_LATIN1},
    {"iso8859-1", DEGLOSS_ENCODING_LATIN1},   {"utf-16", DEGLOSS_ENCODING_UTF16},       {"utf16", DEGLOSS_ENCODING_UTF16},
    {"utf-16le", DEGLOSS_ENCODING_UTF16LE},   {"utf16le", DEGLOSS_ENCODING_UTF16LE},    {"utf-16be", DEGLOSS_ENCODING_UTF16BE},
    {"utf16be", DEGLOSS_ENCODING_UTF16BE}};

bool dg_encoding_parse(const char *name, degloss_encoding *out) {
  for (size_t i = 0; name && i < DG_ARRAY_LEN(S_names); i++) {
    if (strcasecmp(name, S_names[i].name) == 0) {
      *out = S_names[i].enc;
      return true;
    }
  }
  return false;
}

const char *dg_encoding_name(degloss_encoding enc) {
  switch (enc) {
  case DEGLOSS_ENCODING_AUTO: return "auto";
  case DEGLOSS_ENCODING_UTF8: return "utf-8";
  case DEGLOSS_ENCODING_CP1252: return "windows-1252";
  case DEGLOSS_ENCODING_LATIN1: return "latin1";
  case DEGLOSS_ENCODING_UTF16: return "utf-16";
  case DEGLOSS_ENCODING_UTF16LE: return "utf-16le";
  case DEGLOSS_ENCODING_UTF16BE: return "utf-16be";
  }
  return "?";
}

size_t dg_encoding_decode(degloss_encoding enc, const unsigned char *s, size_t n, uint32_t *cp,
                          bool *bad) {
  *bad = false;
  if (n == 0) return 0;
  switch (enc) {
  case DEGLOSS_ENCODING_CP1252:
    *cp = s[0];
    if (s[0] >= 0x80 && s[0] < 0xA0) {
      *cp = S_cp1252[s[0] - 0x80];
      if (!*cp) {
        *cp = 0xFFFD;
        *bad = true;
      }
    }
    return 1;
  case DEGLOSS_ENCODING_LATIN1:
    *cp = s[0];
    return 1;
  case DEGLOSS_ENCODING_UTF16LE:
  case DEGLOSS_ENCODING_UTF16BE: {
    bool le = enc == DEGLOSS_ENCODING_UTF16LE;
    if (n < 2) return 0;
    uint32_t u = le ? (uint32_t)(s[0] | s[1] << 8) : (uint32_t)(s[0] << 8 | s[1]);
    *cp = u;
    if (u < 0xD800 || u > 0xDFFF) return 2;
    if (u <= 0xDBFF) {
      if (n < 4) return 0;
      uint32_t v = le ? (uint32_t)(s[2] | s[3] << 8) : (uint32_t)(s[2] << 8 | s[3]);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        *cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
        return 4;
      }
    }
    *cp = 0xFFFD; /* a lone surrogate */
    *bad = true;
    return 2;
  }
  default: {
    /* UTF-8: a truncated sequence at the end is incomplete, not invalid */
    size_t m = dg_utf8_decode(s, n, cp, bad);
    if (*bad && m == n && n < 4 && s[0] >= 0xC2 && s[0] <= 0xF4) {
      size_t need = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
      if (n < need) return 0;
    }
    return m;
  }
  }
}

static bool S_printable_1252(unsigned char b) {
  return b >= 0xA0 || (b >= 0x80 && S_cp1252[b - 0x80] != 0);
}

/* C0 controls that never stand in text (all but tab, LF, VT, FF, CR). */
static bool S_binary_control(unsigned char b) {
  return b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r';
}

degloss_encoding dg_encoding_sniff(const unsigned char *s, size_t n, size_t from, bool eof,
                              size_t *first_bad) {
  size_t invalid = 0, valid_mb = 0;
  bool binary = false;
  *first_bad = n;
  for (size_t i = 0; i < from && !binary; i++) binary = S_binary_control(s[i]);
  for (size_t i = from; i < n && !binary;) {
    if (s[i] < 0x80) {
      /* (eight bytes at a time while all are ASCII from the space up: no
       * control to judge, no sequence to decode) */
      for (uint64_t x; n - i >= 8; i += 8) {
        memcpy(&x, s + i, 8);
        if ((x | ((x - 0x2020202020202020ULL) & ~x)) & 0x8080808080808080ULL) break;
      }
      if (i >= n) break;
      if (s[i] >= 0x80) continue;
      binary = S_binary_control(s[i]);
      i++;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t m = dg_utf8_decode(s + i, n - i, &cp, &bad);
    if (bad && !eof && i + m == n && n - i < 4 && s[i] >= 0xC2 && s[i] <= 0xF4) break;
    if (!bad) {
      valid_mb++;
    } else {
      if (*first_bad == n) *first_bad = i;
      invalid++;
      for (size_t j = 0; j < m; j++) binary |= !S_printable_1252(s[i + j]);
    }
    i += m;
  }
  return invalid > 0 && !binary && valid_mb < invalid ? DEGLOSS_ENCODING_CP1252 : DEGLOSS_ENCODING_UTF8;
}

degloss_encoding dg_encoding_utf16_order(const unsigned char *s, size_t n) {
  size_t even = 0, odd = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    even += s[i] == 0;
    odd += s[i + 1] == 0;
  }
  return even > odd ? DEGLOSS_ENCODING_UTF16BE : DEGLOSS_ENCODING_UTF16LE;
}
