/* Decode: bytes to code points (invalid sequences become U+FFFD with a
 * warning naming file, line and byte offset), character classes, NFC.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text_internal.h"

size_t dg_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *bad) {
  unsigned c = s[0];
  *bad = false;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need;
  uint32_t v;
  unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;      /* overlong */
    else if (c == 0xED) hi = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    v = c & 0x07;
    if (c == 0xF0) lo = 0x90;      /* overlong */
    else if (c == 0xF4) hi = 0x8F; /* > U+10FFFF */
  } else {
    /* 80..BF lone continuation, C0/C1 overlong, F5..FF out of range */
    *cp = 0xFFFD;
    *bad = true;
    return 1;
  }
  size_t i = 1;
  for (; i <= need; i++) {
    if (i >= n) break;
    unsigned b = s[i];
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
    v = (v << 6) | (b & 0x3F);
  }
  if (i <= need) {
    *cp = 0xFFFD;
    *bad = true;
    return i; /* the maximal subpart: lead byte plus the valid continuations */
  }
  *cp = v;
  return need + 1;
}

size_t dg_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* ASCII classes, filled once from the rules below. */
static const unsigned char S_ascii[128] = {
#define SP DG_C_SPACE
#define NL DG_C_NL
#define IG DG_C_IGNORE
#define UP DG_C_UPPER
#define LO DG_C_LOWER
#define DI DG_C_DIGIT
#define PU DG_C_PUNCT
#define SY DG_C_SYMBOL
    IG, IG, IG, IG, IG, IG, IG, IG, IG, SP, NL, SP, NL, NL, IG, IG, /* 00-0F */
    IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, IG, /* 10-1F */
    SP, PU, PU, SY, SY, SY, SY, PU, PU, PU, PU, SY, PU, PU, PU, PU, /*  !"#$%&'()*+,-./ */
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, PU, PU, SY, SY, SY, PU, /* 0-9:;<=>? */
    SY, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* @A-O */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, SY, PU, /* P-Z[\]^_ */
    PU, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* `a-o (` as a TeX quote) */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, IG, /* p-z{|}~DEL */
#undef SP
#undef NL
#undef IG
#undef UP
#undef LO
#undef DI
#undef PU
#undef SY
};

unsigned dg_text_class(uint32_t cp) {
  if (cp < 0x80) return S_ascii[cp];
  switch (cp) {
  case 0x85: case 0x2028: case 0x2029: return DG_C_NL;
  case 0xAD: return DG_C_SHY;
  case 0xFFFD: return DG_C_BAD;
  case 0x200C: case 0x200D: return DG_C_MARK;
  /* Po in Unicode, but symbols to a reader: § ¶ † ‡ ‰ ‱ */
  case 0xA7: case 0xB6: case 0x2020: case 0x2021: case 0x2030: case 0x2031:
    return DG_C_SYMBOL;
  default: break;
  }
  if (cp >= 0xFE00 && cp <= 0xFE0F) return DG_C_MARK;
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return DG_C_UPPER;
  case UTF8PROC_CATEGORY_LL: return DG_C_LOWER;
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
    return DG_C_LETTER;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return DG_C_MARK;
  case UTF8PROC_CATEGORY_ND: return DG_C_DIGIT;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
    return DG_C_PUNCT;
  case UTF8PROC_CATEGORY_ZS: return DG_C_SPACE;
  case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return DG_C_NL;
  case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    return DG_C_IGNORE;
  default: return DG_C_SYMBOL; /* S*, No, Co, Cn */
  }
}

void dg_textbuf_free(dg_textbuf *tb) {
  free(tb->cp);
  free(tb->off);
  free(tb->cls);
  memset(tb, 0, sizeof *tb);
}

static void S_reserve(dg_textbuf *tb, size_t n) {
  if (n + 1 <= tb->cap) return;
  size_t cap = tb->cap ? tb->cap : 1024;
  while (cap < n + 1) cap *= 2;
  tb->cp = dg_xrealloc(tb->cp, cap * sizeof *tb->cp);
  tb->off = dg_xrealloc(tb->off, cap * sizeof *tb->off);
  tb->cls = dg_xrealloc(tb->cls, cap + 16); /* (the tokenizer reads classes 16 at a time) */
  tb->cap = cap;
}

void dg_text_hex(char out[16], const unsigned char *s, size_t n) {
  static const char digits[] = "0123456789ABCDEF";
  size_t k = 0;
  for (size_t j = 0; j < n && j < 4; j++) {
    if (j) out[k++] = ' ';
    out[k++] = digits[s[j] >> 4];
    out[k++] = digits[s[j] & 15];
  }
  out[k] = '\0';
}

bool dg_text_warn_due(dg_warnstate *ws, const char *name, long line, uint64_t pos) {
  if (ws->reported < DG_TEXT_WARN_MAX) {
    ws->reported++;
    return true;
  }
  if (!ws->capped) {
    ws->capped = true;
    dg_warn(DEGLOSS_ERR_INPUT, name, line, (long long)pos,
            "further invalid-input warnings for this input are not shown");
  }
  return false;
}

#if defined(__SSE2__)
/* The classes of sixteen ASCII bytes (1..127), the same as S_ascii's,
 * found by comparisons rather than a look-up a byte: punctuation unless a
 * byte is in one of the other classes' ranges (a range tested by one
 * signed comparison after moving its start to -128; a letter's case is its
 * 0x20 bit). */
static inline __m128i S_ascii_classes(__m128i x) {
#define S_B(c) _mm_set1_epi8((char)(c))
#define S_EQ(c) _mm_cmpeq_epi8(x, S_B(c))
#define S_IN(v, a, n) _mm_cmplt_epi8(_mm_add_epi8(v, S_B(0x80 - (a))), S_B(-128 + (n)))
  /* Most blocks of running text are letters and spaces alone: a letter's
   * class is DG_C_UPPER, or DG_C_LOWER with its 0x20 bit (moved to bit 0
   * by a shift of the 16-bit lanes: the bits that come in from the next
   * byte are masked off), a space's 0 (DG_C_SPACE). */
  _Static_assert(DG_C_SPACE == 0 && DG_C_LOWER == (DG_C_UPPER | 1), "letter and space classes");
  __m128i letter = S_IN(_mm_or_si128(x, S_B(0x20)), 'a', 26);
  if (_mm_movemask_epi8(_mm_or_si128(letter, S_EQ(' '))) == 0xFFFF)
    return _mm_and_si128(letter, _mm_or_si128(S_B(DG_C_UPPER), _mm_and_si128(_mm_srli_epi16(x, 5), S_B(1))));
  __m128i sy = _mm_or_si128(_mm_or_si128(S_IN(x, '#', 4), S_IN(x, '<', 3)),
                            _mm_or_si128(_mm_or_si128(S_EQ('+'), S_EQ('@')),
                                         _mm_or_si128(S_EQ('^'), _mm_or_si128(S_EQ('|'), S_EQ('~')))));
  __m128i r = _mm_xor_si128(S_B(DG_C_PUNCT), _mm_and_si128(sy, S_B(DG_C_PUNCT ^ DG_C_SYMBOL)));
  r = _mm_xor_si128(r, _mm_and_si128(S_IN(x, '0', 10), S_B(DG_C_PUNCT ^ DG_C_DIGIT)));
  __m128i small = _mm_cmpeq_epi8(_mm_and_si128(x, S_B(0x20)), S_B(0x20));
  __m128i letter_to =
      _mm_xor_si128(S_B(DG_C_PUNCT ^ DG_C_UPPER), _mm_and_si128(small, S_B(DG_C_UPPER ^ DG_C_LOWER)));
  r = _mm_xor_si128(r, _mm_and_si128(letter, letter_to));
  __m128i sp = _mm_or_si128(S_EQ(' '), _mm_or_si128(S_EQ('\t'), S_EQ('\v')));
  __m128i nl = _mm_or_si128(S_EQ('\n'), _mm_or_si128(S_EQ('\f'), S_EQ('\r')));
  __m128i ctl = _mm_or_si128(_mm_cmplt_epi8(x, S_B(' ')), S_EQ(0x7F));
  __m128i ig = _mm_andnot_si128(_mm_or_si128(sp, nl), ctl);
  r = _mm_xor_si128(r, _mm_and_si128(ig, S_B(DG_C_PUNCT ^ DG_C_IGNORE)));
  r = _mm_xor_si128(r, _mm_and_si128(sp, S_B(DG_C_PUNCT ^ DG_C_SPACE)));
  r = _mm_xor_si128(r, _mm_and_si128(nl, S_B(DG_C_PUNCT ^ DG_C_NL)));
#undef S_B
#undef S_EQ
#undef S_IN
  return r;
}
#endif

typedef uint8_t S_v4b __attribute__((vector_size(4)));
typedef uint32_t S_v4 __attribute__((vector_size(16)));

void dg_text_decode(dg_textbuf *tb, const char *raw, size_t n, uint64_t base,
                    const char *name, long line, dg_warnstate *ws) {
  const unsigned char *s = (const unsigned char *)raw;
  long line0 = line;
  S_reserve(tb, n); /* at most one code point per byte */
  size_t k = 0, i = 0;
  tb->special_lo = tb->nfc_lo = SIZE_MAX;
  tb->special_hi = tb->nfc_hi = 0;
  uint32_t *cpv = tb->cp, *offv = tb->off;
  unsigned char *clsv = tb->cls;
  while (i < n) {
    /* ASCII run (1..127): the common case, sixteen bytes at a time (code
     * points, offsets and classes as vectors: no branch on which bytes are
     * letters; a block with other bytes is stored whole, and its ASCII
     * bytes before the first other one kept: the rest is written over),
     * then eight (classes from the table), then a byte at a time */
#if defined(__SSE2__)
    unsigned stop = 0; /* (the bytes >= 0x80 or NUL of the last block read) */
    while (n - i >= 16) {
      __m128i x = _mm_loadu_si128((const __m128i *)(s + i)), z = _mm_setzero_si128();
      stop = (unsigned)(_mm_movemask_epi8(x) | _mm_movemask_epi8(_mm_cmpeq_epi8(x, z)));
      __m128i lo = _mm_unpacklo_epi8(x, z), hi = _mm_unpackhi_epi8(x, z);
      _mm_storeu_si128((__m128i *)(cpv + k), _mm_unpacklo_epi16(lo, z));
      _mm_storeu_si128((__m128i *)(cpv + k + 4), _mm_unpackhi_epi16(lo, z));
      _mm_storeu_si128((__m128i *)(cpv + k + 8), _mm_unpacklo_epi16(hi, z));
      _mm_storeu_si128((__m128i *)(cpv + k + 12), _mm_unpackhi_epi16(hi, z));
      __m128i o = _mm_add_epi32(_mm_set1_epi32((int)(uint32_t)i), _mm_setr_epi32(0, 1, 2, 3)), four = _mm_set1_epi32(4);
      _mm_storeu_si128((__m128i *)(offv + k), o);
      _mm_storeu_si128((__m128i *)(offv + k + 4), o = _mm_add_epi32(o, four));
      _mm_storeu_si128((__m128i *)(offv + k + 8), o = _mm_add_epi32(o, four));
      _mm_storeu_si128((__m128i *)(offv + k + 12), _mm_add_epi32(o, four));
      _mm_storeu_si128((__m128i *)(clsv + k), S_ascii_classes(x));
      if (stop) { /* the ASCII bytes before the first other one stand */
        unsigned r = (unsigned)__builtin_ctz(stop);
        k += r;
        i += r;
        break;
      }
      k += 16;
      i += 16;
    }
    if (stop) goto other;
#endif
    while (n - i >= 8) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      if ((x | ((x - 0x0101010101010101ULL) & ~x)) & 0x8080808080808080ULL) break; /* >= 0x80 or NUL */
#if defined(__SSE2__)
      __m128i z = _mm_setzero_si128(), b = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(s + i)), z);
      S_v4 c0 = (S_v4)_mm_unpacklo_epi16(b, z), c1 = (S_v4)_mm_unpackhi_epi16(b, z);
#else
      S_v4b lo, hi;
      memcpy(&lo, s + i, 4);
      memcpy(&hi, s + i + 4, 4);
      S_v4 c0 = __builtin_convertvector(lo, S_v4), c1 = __builtin_convertvector(hi, S_v4);
#endif
      S_v4 o0 = (S_v4){0, 1, 2, 3} + (uint32_t)i, o1 = o0 + 4;
      memcpy(cpv + k, &c0, 16);
      memcpy(cpv + k + 4, &c1, 16);
      memcpy(offv + k, &o0, 16);
      memcpy(offv + k + 4, &o1, 16);
      for (size_t j = 0; j < 8; j++) clsv[k + j] = S_ascii[s[i + j]];
      k += 8;
      i += 8;
    }
    while (i < n && s[i] - 1u < 0x7Fu) {
      unsigned c = s[i];
      cpv[k] = c;
      offv[k] = (uint32_t)i;
      clsv[k] = S_ascii[c];
      k++;
      i++;
    }
    if (i >= n) break;
#if defined(__SSE2__)
  other:
#endif
    /* The Latin-1 letters (U+00C0..U+00FF: the umlauts and sharp s, all
     * capitals below U+00DF and small letters from it, but for the signs
     * U+00D7 and U+00F7) and the dashes, quotation marks and ellipsis of
     * U+2010..U+201F and U+2026 (punctuation): the common non-ASCII
     * characters of German text, neither special nor changed by NFC,
     * decoded here */
    if (s[i] == 0xC3 && n - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
      uint32_t c = 0xC0 | (s[i + 1] & 0x3Fu);
      cpv[k] = c;
      offv[k] = (uint32_t)i;
      clsv[k] = c == 0xD7 || c == 0xF7 ? DG_C_SYMBOL : c < 0xDF ? DG_C_UPPER : DG_C_LOWER;
      k++;
      i += 2;
      continue;
    }
    if (s[i] == 0xE2 && n - i >= 3 && s[i + 1] == 0x80 &&
        ((s[i + 2] >= 0x90 && s[i + 2] <= 0x9F) || s[i + 2] == 0xA6)) {
      cpv[k] = 0x2000 | (s[i + 2] & 0x3Fu);
      offv[k] = (uint32_t)i;
      clsv[k] = DG_C_PUNCT;
      k++;
      i += 3;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t len = dg_utf8_decode(s + i, n - i, &cp, &bad);
    if (bad || cp == 0) {
      /* the line of byte i, counted only when a warning is due (rare) */
      if (ws->reported < DG_TEXT_WARN_MAX || !ws->capped) {
        line = line0;
        for (size_t x = 0; x < i; x++)
          if (s[x] == '\n' || (s[x] == '\r' && (x + 1 >= n || s[x + 1] != '\n'))) line++;
      }
      if (bad) ws->invalid++;
      else ws->nul++;
      uint64_t pos = dg_text_orig(ws, base + i);
      if (dg_text_warn_due(ws, name, line, pos)) {
        if (bad) {
          char hex[16];
          dg_text_hex(hex, s + i, len);
          dg_warn(DEGLOSS_ERR_INPUT, name, line, (long long)pos,
                  "invalid UTF-8 (%s) replaced by U+FFFD", hex);
        } else {
          dg_warn(DEGLOSS_ERR_INPUT, name, line, (long long)pos, "NUL byte ignored");
        }
      }
    }
    tb->cp[k] = cp;
    tb->off[k] = (uint32_t)i;
    /* a NUL byte is ignored like a soft hyphen: "schl\0äft" is one word */
    unsigned cls = cp == 0 ? DG_C_SHY : dg_text_class(cp);
    tb->cls[k] = (unsigned char)cls;
    if (cls == DG_C_BAD || cls == DG_C_SHY) {
      if (tb->special_lo == SIZE_MAX) tb->special_lo = k;
      tb->special_hi = k;
    }
    /* General Punctuation from U+2002 and the currency signs are NFC-stable;
     * anything else at or above U+0300 may compose or decompose. */
    if (cp >= 0x300 && !(cp >= 0x2002 && cp <= 0x206F) && !(cp >= 0x20A0 && cp <= 0x20CF)) {
      if (tb->nfc_lo == SIZE_MAX) tb->nfc_lo = k;
      tb->nfc_hi = k;
    }
    k++;
    i += len;
  }
  tb->off[k] = (uint32_t)n;
  tb->cls[k] = DG_C_SPACE; /* (no word character past the end: see dg_textbuf) */
  tb->ncp = k;
}

void dg_text_put_nfc(dg_buf *b, const char *s, size_t n) {
  /* Fast path: below U+0300 nothing composes or decomposes under NFC
   * (precomposed Latin-1 letters are stable). */
  const unsigned char *u = (const unsigned char *)s;
  bool simple = true;
  for (size_t i = 0; i < n; i++) {
    if (u[i] >= 0xCC) { /* lead byte of U+0300 and above */
      simple = false;
      break;
    }
  }
  if (simple) {
    dg_buf_put(b, s, n);
    return;
  }
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (m < 0) {
    dg_buf_put(b, s, n); /* cannot happen for valid UTF-8; keep the text */
    return;
  }
  dg_buf_put(b, out, (size_t)m);
  free(out);
}
