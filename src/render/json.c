/* JSON renderer: one object per sentence (JSONL), or the same objects in one
 * document ({"sentences": [...]}).  The schema is schema/degloss.schema.json.
 * The objects are written directly, byte for byte as jansson's json_dumps
 * wrote them before (JSON_PRESERVE_ORDER, compact or JSON_INDENT(2)): keys
 * in insertion order, non-ASCII text as is, a string that is not valid
 * UTF-8 left out together with its key.  Each token carries its Leipzig
 * "gloss" and, beside it, the "plain" English gloss of --style plain; when
 * the sentence has a translation, its "align" spans into it (align.c).
 * The writer is the hot end of the glosser (issue 14, doc/perf.md): each
 * member is one reserve of its worst case, its key one precomputed piece,
 * its value escaped and checked in the same pass that copies it, short
 * plain ASCII values inline with no loop.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "formats.h"

#define S_DEPTH 8

typedef struct S_w {
  dg_buf *out;
  bool pretty;
  bool first;          /* nothing written yet in the innermost open container */
  size_t depth;
  bool array[S_DEPTH]; /* '[' rather than '{' */
  dg_buf cell;         /* a token's plain-style gloss */
} S_w;

/* Bytes into the one growing output buffer: the capacity is tested inline,
 * dg_buf_reserve is called only to grow (the writer's hot path, a few
 * pieces per member). */
static inline void S_room(dg_buf *b, size_t n) {
  if (b->len + n + 1 > b->cap) dg_buf_reserve(b, n);
}

static inline void S_put(dg_buf *b, const char *p, size_t n) {
  S_room(b, n);
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static inline void S_putc(dg_buf *b, char c) {
  S_room(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

/* What each byte asks of the string writer: 0 printable ASCII, copied as
 * is; S_ESC a byte JSON must escape (a control character, '"', '\\');
 * 2, 3, 4 the lead byte of a UTF-8 sequence of that length; S_BAD a byte
 * that cannot start one (a continuation byte, an overlong lead C0/C1, a
 * lead above U+10FFFF F5..FF). */
enum { S_ESC = 1, S_BAD = 5 };
static const unsigned char S_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 50: '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 70: DEL as is */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 80 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 90 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* A0 */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* B0 */
    5, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* C0 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* D0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* E0 */
    4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* F0 */
};

/* Eight bytes at a time: does the word hold a byte that is not plain
 * printable ASCII (>= 0x80, < 0x20, '"' or '\\')?  (The usual bit tricks:
 * a byte below n sets its high bit in x - n*0x01.. where x's own high bit
 * is clear; a byte equal to c is a zero byte of x ^ c*0x01...) */
#define S_ONES 0x0101010101010101ULL
#define S_HIGHS 0x8080808080808080ULL
static inline bool S_special8(uint64_t x) {
  uint64_t q = x ^ (S_ONES * '"'), b = x ^ (S_ONES * '\\');
  return ((x | ((x - S_ONES * 0x20) & ~x) | ((q - S_ONES) & ~q) | ((b - S_ONES) & ~b)) & S_HIGHS) != 0;
}

/* Sixteen bytes at a time, the same question, in a vector (SSE2 on
 * x86-64, NEON on ARM): as signed bytes, those >= 0x80 are negative, so one
 * comparison finds them and the control characters. */
typedef signed char S_v16 __attribute__((vector_size(16)));
typedef char S_c16 __attribute__((vector_size(16)));
static inline bool S_special16(const unsigned char *p) {
  S_v16 x;
  memcpy(&x, p, 16);
  S_v16 m = (x < 0x20) | (x == '"') | (x == '\\');
  uint64_t a, b;
  memcpy(&a, &m, 8);
  memcpy(&b, (const char *)&m + 8, 8);
  return (a | b) != 0;
}

/* jansson's escapes: the short ones, \u00XX for other control characters. */
static char *S_escape(char *q, unsigned char c) {
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
static char *S_body(char *q, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    while (end - p >= 16 && !S_special16(p)) {
      memcpy(q, p, 16);
      p += 16;
      q += 16;
    }
    while (end - p >= 8) {
      uint64_t x;
      memcpy(&x, p, 8);
      if (S_special8(x)) break;
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
      if (!S_special8(x)) {
        memcpy(q - (p - (end - 8)), &x, 8);
        q += end - p;
        break;
      }
    }
    /* up to the next byte that is not plain ASCII, a byte at a time */
    unsigned char c = 0, k = 0;
    while (p < end && !(k = S_class[c = *p])) {
      *q++ = (char)c;
      p++;
    }
    if (p >= end) break;
    if (k == S_ESC) {
      q = S_escape(q, c);
      p++;
      continue;
    }
    if (k == S_BAD) return NULL;
    uint32_t v = c & (0x7F >> k);
    for (unsigned i = 1; i < k; i++) { /* (the NUL at the end is no continuation byte) */
      if (p[i] < 0x80 || p[i] > 0xBF) return NULL;
      v = (v << 6) | (p[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (k == 3 && v < 0x800) || (k == 4 && v < 0x10000))
      return NULL;
    memcpy(q, p, k);
    q += k;
    p += k;
  }
  return q;
}

/* A string of up to 16 bytes, most of them ("NOUN", "word", "the",
 * "3SG.M.NOM"), when it is plain ASCII, with no call and no loop: two
 * overlapping 8-byte or 4-byte pieces, or the first, middle and last byte;
 * NULL when a byte needs more (an escape, UTF-8), which S_body does. */
static inline __attribute__((always_inline)) char *S_short(char *q, const char *s, size_t n) {
  if (n >= 8) {
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
    if (S_special8(a) || S_special8(b)) return NULL;
    memcpy(q, &a, 8);
    memcpy(q + n - 8, &b, 8);
    return q + n;
  }
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    if (S_special8(a | (uint64_t)b << 32)) return NULL;
    memcpy(q, &a, 4);
    memcpy(q + n - 4, &b, 4);
    return q + n;
  }
  if (n) {
    unsigned char a = (unsigned char)s[0], b = (unsigned char)s[n / 2], c = (unsigned char)s[n - 1];
    if (S_class[a] | S_class[b] | S_class[c]) return NULL;
    q[0] = (char)a;
    q[n / 2] = (char)b;
    q[n - 1] = (char)c;
  }
  return q + n;
}

/* A line break and indentation when pretty; nothing in compact form. */
static void S_indent(S_w *w, size_t depth) {
  if (!w->pretty) return;
  S_putc(w->out, '\n');
  for (size_t i = 0; i < depth * 2; i++) S_putc(w->out, ' ');
}

/* A member's key as one piece, with the comma that goes before it when it
 * is not the first member: S_K("form") is ,"form": and its length, known
 * when it is compiled.  Keys are the renderer's own ASCII names: nothing
 * to escape.  An array element has only the comma (S_ELEM). */
#define S_K(k) ",\"" k "\":", sizeof(",\"" k "\":") - 1
#define S_ELEM ",", (size_t)1

/* Indented form (JSON_INDENT(2)): the comma, a line break, the indentation
 * and "key": with a space. */
static void S_member_pretty(S_w *w, const char *kp, size_t kn) {
  if (!w->first) S_putc(w->out, ',');
  w->first = false;
  S_indent(w, w->depth);
  if (kn > 1) {
    S_putc(w->out, '"');
    S_put(w->out, kp + 2, kn - 4);
    S_put(w->out, "\": ", 3);
  }
}

/* Before a member of the innermost open container: room for the key and
 * `extra` bytes of value, the comma and key written; returns where the
 * value goes (S_end then sets the length).  Compact form, the common one,
 * in a few stores: the comma is stored in any case and the key written
 * over it when it is the first member. */
static inline __attribute__((always_inline)) char *S_begin(S_w *w, const char *kp, size_t kn, size_t extra) {
  if (w->pretty) {
    S_member_pretty(w, kp, kn);
    S_room(w->out, extra);
    return w->out->data + w->out->len;
  }
  S_room(w->out, kn + extra);
  char *q = w->out->data + w->out->len;
  size_t comma = !w->first;
  w->first = false;
  *q = ',';
  memcpy(q + comma, kp + 1, kn - 1);
  return q + comma + kn - 1;
}

static inline void S_end(S_w *w, char *q) {
  *q = '\0';
  w->out->len = (size_t)(q - w->out->data);
}

static inline __attribute__((always_inline)) void S_open(S_w *w, const char *kp, size_t kn, bool array) {
  char *q;
  if (w->depth) q = S_begin(w, kp, kn, 1);
  else {
    S_room(w->out, 1);
    q = w->out->data + w->out->len;
  }
  *q++ = array ? '[' : '{';
  S_end(w, q);
  w->array[w->depth] = array;
  w->first = true;
  w->depth++;
}

static inline __attribute__((always_inline)) void S_close(S_w *w) {
  w->depth--;
  if (w->pretty && !w->first) S_indent(w, w->depth);
  S_putc(w->out, w->array[w->depth] ? ']' : '}');
  w->first = false; /* (the container is a member of the one around it) */
}

/* A string member; one that is not valid UTF-8 is left out with its key
 * (jansson refused such strings): what was written of it is taken back. */
static inline __attribute__((always_inline)) void S_strn(S_w *w, const char *kp, size_t kn, const char *v,
                                                           size_t n) {
  size_t mark = w->out->len;
  bool first = w->first;
  char *q = S_begin(w, kp, kn, 6 * n + 2);
  *q++ = '"';
  char *e = n <= 16 ? S_short(q, v, n) : NULL;
  q = e ? e : S_body(q, v, n);
  if (!q) {
    w->out->len = mark;
    w->out->data[mark] = '\0';
    w->first = first;
    return;
  }
  *q++ = '"';
  S_end(w, q);
}

/* The plain ASCII start of a NUL-terminated string, 16 bytes at a time
 * with no strlen first: the 16 bytes at s are stored at q (which has room
 * for them) and the number of them that are plain printable ASCII is
 * returned, 16 when all are; the byte that stops it is the string's NUL,
 * or one that needs S_body.  The 16 bytes may run past the end of the
 * string: the caller reads them only when they lie in the page of s, and
 * a readable page is readable to its end (what strlen does); the
 * sanitizers, which know the string's end, are told not to check these
 * loads. */
static inline __attribute__((no_sanitize("address", "undefined"))) unsigned S_plain16(char *q, const char *s) {
  __asm__("" : "+r"(s)); /* (nor does the compiler, which sees a short literal's bounds) */
  typedef signed char S_v16u __attribute__((vector_size(16), aligned(1), may_alias));
  S_v16 x = *(const S_v16u *)s; /* (a load, not a memcpy the sanitizer would check) */
  memcpy(q, &x, 16);
  S_v16 m = (x < 0x20) | (x == '"') | (x == '\\');
#if defined(__SSE2__)
  unsigned bits = (unsigned)__builtin_ia32_pmovmskb128((S_c16)m);
  return bits ? (unsigned)__builtin_ctz(bits) : 16;
#else
  uint64_t a, b;
  memcpy(&a, &m, 8);
  memcpy(&b, (const char *)&m + 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (a) return (unsigned)__builtin_ctzll(a) / 8;
  if (b) return 8 + (unsigned)__builtin_ctzll(b) / 8;
#else
  if (a) return (unsigned)__builtin_clzll(a) / 8;
  if (b) return 8 + (unsigned)__builtin_clzll(b) / 8;
#endif
  return 16;
#endif
}

#define S_PAGE 4096
static inline bool S_in_page16(const char *s) { return ((uintptr_t)s & (S_PAGE - 1)) <= S_PAGE - 16; }

/* The rest of a string member whose first 16 bytes S_str copied (q and v
 * are where they stopped): more blocks while the output has room, then
 * the rest (an escape, UTF-8, the end of a page) measured and written by
 * S_body; the member is taken back to `mark`, like S_strn does, when the
 * string is not valid UTF-8. */
static void S_str_rest(S_w *w, size_t mark, bool first, char *q, const char *v) {
  dg_buf *b = w->out;
  while (!*v || S_class[(unsigned char)*v] == 0) { /* (a whole block was plain) */
    if (!*v) goto done;
    if (!S_in_page16(v)) break;
    if ((size_t)(b->data + b->cap - q) < 16 + 2) { /* room for a block, the quote and the NUL */
      b->len = (size_t)(q - b->data);
      dg_buf_reserve(b, 16 + 1);
      q = b->data + b->len;
    }
    unsigned k = S_plain16(q, v);
    q += k;
    v += k;
    if (k < 16) {
      if (!*v) goto done;
      break;
    }
  }
  size_t n = strlen(v);
  b->len = (size_t)(q - b->data);
  S_room(b, 6 * n + 1);
  q = S_body(b->data + b->len, v, n);
  if (!q) {
    b->len = mark;
    b->data[mark] = '\0';
    w->first = first;
    return;
  }
done:
  *q++ = '"';
  S_end(w, q);
}

/* A string member from a NUL-terminated string (NULL is ""), with no
 * strlen: a string of up to 15 bytes of plain ASCII, most of them, in one
 * block of S_plain16 and no loop; longer ones, and those that need more
 * than a copy, go on in S_str_rest. */
static inline __attribute__((always_inline)) void S_str(S_w *w, const char *kp, size_t kn, const char *v) {
  if (!v) v = "";
  size_t mark = w->out->len;
  bool first = w->first;
  char *q = S_begin(w, kp, kn, 1 + 16 + 1);
  *q++ = '"';
  if (S_in_page16(v)) {
    unsigned k = S_plain16(q, v);
    q += k;
    v += k;
    if (k < 16 && !*v) {
      *q++ = '"';
      S_end(w, q);
      return;
    }
  }
  S_str_rest(w, mark, first, q, v);
}

/* "%lld" without printf: digits from the right, two at a time, copied as
 * a fixed block of 24 bytes (room for the longest, 20 digits and a sign;
 * what follows the digits in the block lands past the end and is written
 * over). */
static const char S_digits2[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";

static inline __attribute__((always_inline)) void S_int(S_w *w, const char *kp, size_t kn, long long v) {
  char num[64];
  char *e = num + 32, *p = e;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  while (u >= 100) {
    p -= 2;
    memcpy(p, S_digits2 + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) {
    p -= 2;
    memcpy(p, S_digits2 + 2 * u, 2);
  } else *--p = (char)('0' + u);
  if (v < 0) *--p = '-';
  char *q = S_begin(w, kp, kn, 24);
  memcpy(q, p, 24);
  S_end(w, q + (e - p));
}

static void S_bool(S_w *w, const char *kp, size_t kn, bool v) {
  char *q = S_begin(w, kp, kn, 5);
  memcpy(q, v ? "true" : "false", 5);
  S_end(w, q + (v ? 4 : 5));
}

/* "kind", never a first member (after "start"), as one precomputed piece
 * of a fixed size (the bytes after the piece are written over next). */
static inline void S_kind(S_w *w, dg_kind k) {
#define S_KIND(name) {",\"kind\":\"" name "\"", sizeof(",\"kind\":\"" name "\"") - 1}
  static const struct {
    char piece[24];
    size_t n;
  } kinds[] = {[DG_KIND_WORD] = S_KIND("word"),       [DG_KIND_NAME] = S_KIND("name"),
               [DG_KIND_NUMBER] = S_KIND("number"),   [DG_KIND_PUNCT] = S_KIND("punct"),
               [DG_KIND_SYMBOL] = S_KIND("symbol"),   [DG_KIND_URL] = S_KIND("url"),
               [DG_KIND_EMAIL] = S_KIND("email"),     [DG_KIND_HANDLE] = S_KIND("handle"),
               [DG_KIND_HASHTAG] = S_KIND("hashtag"), [DG_KIND_CODE] = S_KIND("code")};
#undef S_KIND
  if (w->pretty || (unsigned)k >= sizeof kinds / sizeof *kinds) {
    S_str(w, S_K("kind"), dg_kind_name(k));
    return;
  }
  S_room(w->out, sizeof kinds[k].piece);
  memcpy(w->out->data + w->out->len, kinds[k].piece, sizeof kinds[k].piece);
  w->out->len += kinds[k].n;
  w->first = false;
}

/* The strings a token's object is written from live wherever the glosser
 * found them (the lexicon's mapped file, the document's arena), long out
 * of the cache when the chunk is rendered: their loads were most of the
 * writer's time.  So they are asked for ahead: the list of ranked glosses
 * two tokens ahead, the strings (those glosses among them) of the next
 * token.  (always_inline: a function of prefetches alone looks free of
 * effects to the compiler, which would drop the calls.) */
#define S_PREFETCH_GLOSSES 16
static inline __attribute__((always_inline)) void S_prefetch_list(const dg_dtoken *t) {
  if (t->nglosses > 1) __builtin_prefetch(t->glosses);
}

static inline __attribute__((always_inline)) void S_prefetch_strings(const dg_dtoken *t) {
  __builtin_prefetch(t->gloss);
  __builtin_prefetch(t->lemma);
  __builtin_prefetch(t->feats);
  __builtin_prefetch(t->labels);
  __builtin_prefetch(t->source);
  for (size_t i = 1; i < t->nglosses && i < S_PREFETCH_GLOSSES; i++) __builtin_prefetch(t->glosses[i]);
}

static void S_token(S_w *w, const dg_render *r, const dg_dsentence *s, size_t idx) {
  const dg_dtoken *t = &s->tokens[idx];
  if (idx + 2 < s->ntokens) S_prefetch_list(t + 2);
  if (idx + 1 < s->ntokens) S_prefetch_strings(t + 1);
  S_open(w, S_ELEM, false);
  S_str(w, S_K("form"), t->form);
  S_int(w, S_K("start"), (long long)t->start);
  S_int(w, S_K("end"), (long long)t->end);
  S_kind(w, t->kind);
  S_str(w, S_K("lemma"), t->lemma);
  S_str(w, S_K("pos"), t->pos);
  S_str(w, S_K("features"), t->feats);
  S_str(w, S_K("labels"), t->labels);
  S_str(w, S_K("gloss"), t->gloss);
  /* The plain-English gloss as --style plain shows it, in either style. */
  const char *plain = dg_render_plain_as_is(t);
  if (plain) S_str(w, S_K("plain"), plain);
  else {
    dg_buf_clear(&w->cell);
    dg_render_gloss_text(&w->cell, t, s, DG_STYLE_PLAIN);
    S_strn(w, S_K("plain"), w->cell.data ? w->cell.data : "", w->cell.len);
  }
  S_open(w, S_K("glosses"), true);
  size_t max = r->o.alternatives ? r->o.alternatives : t->nglosses;
  for (size_t i = 0; i < t->nglosses && i < max; i++)
    if (t->glosses[i]) S_str(w, S_ELEM, t->glosses[i]);
  S_close(w);
  if (r->o.senses && t->sense_src) {
    /* where each gloss comes from, and the labels of its sense (subject fields, region, register) */
    S_open(w, S_K("senses"), true);
    for (size_t i = 0; i < t->nglosses && i < max; i++) {
      if (!t->glosses[i]) continue;
      S_open(w, S_ELEM, false);
      S_str(w, S_K("source"), t->sense_src[i] ? t->sense_src[i] : "");
      S_str(w, S_K("domains"), t->sense_dom[i] ? t->sense_dom[i] : "");
      S_close(w);
    }
    S_close(w);
  }
  if (t->nparts > 1) {
    S_open(w, S_K("parts"), true);
    for (size_t i = 0; i < t->nparts; i++) {
      S_open(w, S_ELEM, false);
      S_str(w, S_K("form"), t->parts[i].form);
      S_str(w, S_K("lemma"), t->parts[i].lemma);
      S_str(w, S_K("gloss"), t->parts[i].link ? "" : t->parts[i].gloss);
      S_str(w, S_K("kind"), t->parts[i].link ? "link" : "stem");
      S_close(w);
    }
    S_close(w);
  }
  if (t->seg) S_str(w, S_K("segmentation"), t->seg);
  S_str(w, S_K("source"), t->source);
  if (s->translation) { /* (only then: output without a translation is unchanged) */
    S_open(w, S_K("align"), true);
    for (size_t i = 0; i < t->nalign; i++) {
      S_open(w, S_ELEM, true);
      S_int(w, S_ELEM, (long long)t->align[2 * i]);
      S_int(w, S_ELEM, (long long)t->align[2 * i + 1]);
      S_close(w);
    }
    S_close(w);
  }
  if (t->reason) S_str(w, S_K("reason"), t->reason);
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) {
    const dg_mwe *m = &s->mwes[t->mwe];
    S_open(w, S_K("mwe"), false);
    S_int(w, S_K("id"), (long long)m->id);
    S_str(w, S_K("lemma"), m->lemma);
    S_str(w, S_K("gloss"), m->gloss);
    S_bool(w, S_K("head"), t->mwe_head);
    S_close(w);
  }
  if ((t->flags & (DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE)) && t->link >= 0) {
    S_open(w, S_K("separable"), false);
    S_str(w, S_K("role"), (t->flags & DG_DF_SEP_VERB) ? "verb" : "particle");
    S_str(w, S_K("lemma"), t->lemma);
    S_int(w, S_K("partner"), (long long)t->link);
    S_close(w);
  }
  if (t->flags & DG_DF_EMPHASIS) S_bool(w, S_K("emphasis"), true);
  if (t->flags & DG_DF_HYPHEN_JOINED) S_bool(w, S_K("hyphen_joined"), true);
  /* a compound whose gloss line shows its own gloss, not its parts' */
  if (t->nparts > 1 && (t->flags & DG_DF_WHOLE_GLOSS)) S_bool(w, S_K("whole_gloss"), true);
  if (!(t->flags & DG_DF_SPACE_AFTER)) S_bool(w, S_K("space_after"), false);
  if (t->flags & DG_DF_SENT_START) S_bool(w, S_K("sentence_start"), true);
  S_close(w);
}

void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty) {
  S_w w = {.out = out, .pretty = pretty};
  dg_buf_init(&w.cell);
  S_open(&w, S_ELEM, false);
  if (s->record) S_int(&w, S_K("line"), (long long)s->record); /* lines input: the record's line */
  S_str(&w, S_K("text"), s->text);
  S_int(&w, S_K("start"), (long long)s->start);
  S_int(&w, S_K("end"), (long long)s->end);
  S_int(&w, S_K("paragraph"), (long long)s->paragraph);
  if (s->origin) S_str(&w, S_K("origin"), s->origin);
  if (s->headline) S_bool(&w, S_K("headline"), true);
  if (s->subject) S_str(&w, S_K("subject"), s->subject);
  S_open(&w, S_K("tokens"), true);
  if (s->ntokens) {
    S_prefetch_list(&s->tokens[0]);
    if (s->ntokens > 1) S_prefetch_list(&s->tokens[1]);
    S_prefetch_strings(&s->tokens[0]);
  }
  for (size_t i = 0; i < s->ntokens; i++) S_token(&w, r, s, i);
  S_close(&w);
  if (s->translation) {
    S_open(&w, S_K("translation"), false);
    S_str(&w, S_K("text"), s->translation);
    S_str(&w, S_K("provider"), s->tr_provider);
    S_str(&w, S_K("model"), s->tr_model);
    S_bool(&w, S_K("cached"), s->tr_cached);
    S_close(&w);
  } else if (s->tr_error) {
    S_open(&w, S_K("translation_error"), false);
    S_str(&w, S_K("provider"), s->tr_provider);
    S_int(&w, S_K("status"), (long long)s->tr_status);
    S_str(&w, S_K("message"), s->tr_error);
    S_close(&w);
  }
  S_close(&w);
  dg_buf_free(&w.cell);
}

/* Room for a chunk's objects at once, so that the buffer (new for each
 * chunk) is not grown and copied a dozen times on the way: about 260 bytes
 * a token and the sentence's text twice (its "text" and the tokens' forms),
 * estimated generously; more is still grown as usual. */
static void S_reserve(const dg_doc *d, dg_buf *out) {
  size_t n = 0;
  for (size_t i = 0; i < d->nsentences; i++) {
    const dg_dsentence *s = &d->sentences[i];
    n += 256 + 320 * s->ntokens + (s->end > s->start ? 2 * (size_t)(s->end - s->start) : 0);
  }
  dg_buf_reserve(out, n);
}

/* JSONL: one compact sentence object a line. */
void dg_render_jsonl(dg_render *r, const dg_doc *d, dg_buf *out) {
  S_reserve(d, out);
  for (size_t i = 0; i < d->nsentences; i++) {
    dg_render_json_sentence(r, &d->sentences[i], out, false);
    dg_buf_putc(out, '\n');
    r->sentences++;
  }
}

/* JSON: the same objects, one a line, in {"sentences": [...]}. */
void dg_render_json_begin(dg_render *r, dg_buf *out) { dg_buf_puts(out, "{\"sentences\": [\n"); }

void dg_render_json(dg_render *r, const dg_doc *d, dg_buf *out) {
  S_reserve(d, out);
  for (size_t i = 0; i < d->nsentences; i++) {
    if (r->sentences) dg_buf_puts(out, ",\n");
    dg_render_json_sentence(r, &d->sentences[i], out, false);
    r->sentences++;
  }
}

/* The document's subject as the last sentence had it, after the sentences. */
void dg_render_json_end(dg_render *r, dg_buf *out) {
  dg_buf_puts(out, r->sentences ? "\n]" : "]");
  if (r->subject[0]) {
    dg_buf_puts(out, ", \"subject\": \"");
    dg_buf_puts(out, r->subject); /* a name of subjects.tsv: letters only */
    dg_buf_puts(out, "\"");
  }
  dg_buf_puts(out, "}\n");
}
