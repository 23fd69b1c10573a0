/* JSON renderer: one object per sentence (JSONL), or the same objects in one
 * document ({"sentences": [...]}).  The schema is schema/degloss.schema.json.
 * The objects are written directly, byte for byte as jansson's json_dumps
 * wrote them before (JSON_PRESERVE_ORDER, compact or JSON_INDENT(2)): keys
 * in insertion order, non-ASCII text as is, a string that is not valid
 * UTF-8 left out together with its key.  Each token carries its Leipzig
 * "gloss" and, beside it, the "plain" English gloss of --style plain; when
 * the sentence has a translation, its "align" spans into it (align.c).
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
  size_t depth;
  size_t n[S_DEPTH];   /* members written so far at each open level */
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
 * of the text, is checked and copied a word at a time, the rest a byte at
 * a time. */
static char *S_body(char *q, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    while (end - p >= 8) {
      uint64_t x;
      memcpy(&x, p, 8);
      if (S_special8(x)) break;
      memcpy(q, &x, 8);
      p += 8;
      q += 8;
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

/* A line break and indentation when pretty; nothing in compact form. */
static void S_indent(S_w *w, size_t depth) {
  if (!w->pretty) return;
  S_putc(w->out, '\n');
  for (size_t i = 0; i < depth * 2; i++) S_putc(w->out, ' ');
}

/* A string known to need no escapes, quoted. */
static inline void S_plain(dg_buf *out, const char *s, size_t n) {
  S_room(out, n + 2);
  char *q = out->data + out->len;
  q[0] = '"';
  memcpy(q + 1, s, n);
  q[n + 1] = '"';
  out->len += n + 2;
  out->data[out->len] = '\0';
}

/* Before a member of the innermost open container.  Keys are the
 * renderer's own ASCII names: nothing to escape.  Inlined so that a key's
 * length is known when it is compiled. */
static inline __attribute__((always_inline)) void S_member(S_w *w, const char *key) {
  if (!w->depth) return;
  size_t d = w->depth - 1;
  bool named = key && !w->array[d];
  size_t kn = named ? strlen(key) : 0;
  if (!w->pretty) {
    /* ,"key": in one piece */
    S_room(w->out, kn + 4);
    char *q = w->out->data + w->out->len;
    if (w->n[d]++) *q++ = ',';
    if (named) {
      *q++ = '"';
      memcpy(q, key, kn);
      q += kn;
      *q++ = '"';
      *q++ = ':';
    }
    w->out->len = (size_t)(q - w->out->data);
    *q = '\0';
    return;
  }
  if (w->n[d]++) S_putc(w->out, ',');
  S_indent(w, w->depth);
  if (named) {
    S_plain(w->out, key, kn);
    S_put(w->out, ": ", 2);
  }
}

static inline __attribute__((always_inline)) void S_open(S_w *w, const char *key, bool array) {
  S_member(w, key);
  S_putc(w->out, array ? '[' : '{');
  w->array[w->depth] = array;
  w->n[w->depth] = 0;
  w->depth++;
}

static void S_close(S_w *w) {
  w->depth--;
  if (w->n[w->depth]) S_indent(w, w->depth);
  S_putc(w->out, w->array[w->depth] ? ']' : '}');
}

/* A string member; one that is not valid UTF-8 is left out with its key
 * (jansson refused such strings): what was written of it is taken back. */
static inline __attribute__((always_inline)) void S_str(S_w *w, const char *key, const char *v) {
  if (!v) v = "";
  size_t n = strlen(v);
  size_t mark = w->out->len, d = w->depth - 1, count = w->n[d];
  S_member(w, key);
  S_room(w->out, 6 * n + 2);
  char *q = w->out->data + w->out->len;
  *q++ = '"';
  q = S_body(q, v, n);
  if (!q) {
    w->out->len = mark;
    w->out->data[mark] = '\0';
    w->n[d] = count;
    return;
  }
  *q++ = '"';
  *q = '\0';
  w->out->len = (size_t)(q - w->out->data);
}

/* "%lld" without printf: digits from the right. */
static inline __attribute__((always_inline)) void S_int(S_w *w, const char *key, long long v) {
  char num[32];
  char *q = num + sizeof num;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do {
    *--q = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) *--q = '-';
  S_member(w, key);
  S_put(w->out, q, (size_t)(num + sizeof num - q));
}

static void S_bool(S_w *w, const char *key, bool v) {
  S_member(w, key);
  dg_buf_puts(w->out, v ? "true" : "false");
}

static void S_token(S_w *w, const dg_render *r, const dg_dsentence *s, size_t idx) {
  const dg_dtoken *t = &s->tokens[idx];
  S_open(w, NULL, false);
  S_str(w, "form", t->form);
  S_int(w, "start", (long long)t->start);
  S_int(w, "end", (long long)t->end);
  S_str(w, "kind", dg_kind_name(t->kind));
  S_str(w, "lemma", t->lemma);
  S_str(w, "pos", t->pos);
  S_str(w, "features", t->feats);
  S_str(w, "labels", t->labels);
  S_str(w, "gloss", t->gloss);
  /* The plain-English gloss as --style plain shows it, in either style. */
  dg_buf_clear(&w->cell);
  dg_render_gloss_text(&w->cell, t, s, DG_STYLE_PLAIN);
  S_str(w, "plain", w->cell.data);
  S_open(w, "glosses", true);
  size_t max = r->o.alternatives ? r->o.alternatives : t->nglosses;
  for (size_t i = 0; i < t->nglosses && i < max; i++)
    if (t->glosses[i]) S_str(w, NULL, t->glosses[i]);
  S_close(w);
  if (r->o.senses && t->sense_src) {
    /* where each gloss comes from, and the labels of its sense (subject fields, region, register) */
    S_open(w, "senses", true);
    for (size_t i = 0; i < t->nglosses && i < max; i++) {
      if (!t->glosses[i]) continue;
      S_open(w, NULL, false);
      S_str(w, "source", t->sense_src[i] ? t->sense_src[i] : "");
      S_str(w, "domains", t->sense_dom[i] ? t->sense_dom[i] : "");
      S_close(w);
    }
    S_close(w);
  }
  if (t->nparts > 1) {
    S_open(w, "parts", true);
    for (size_t i = 0; i < t->nparts; i++) {
      S_open(w, NULL, false);
      S_str(w, "form", t->parts[i].form);
      S_str(w, "lemma", t->parts[i].lemma);
      S_str(w, "gloss", t->parts[i].link ? "" : t->parts[i].gloss);
      S_str(w, "kind", t->parts[i].link ? "link" : "stem");
      S_close(w);
    }
    S_close(w);
  }
  if (t->seg) S_str(w, "segmentation", t->seg);
  S_str(w, "source", t->source);
  if (s->translation) { /* (only then: output without a translation is unchanged) */
    S_open(w, "align", true);
    for (size_t i = 0; i < t->nalign; i++) {
      S_open(w, NULL, true);
      S_int(w, NULL, (long long)t->align[2 * i]);
      S_int(w, NULL, (long long)t->align[2 * i + 1]);
      S_close(w);
    }
    S_close(w);
  }
  if (t->reason) S_str(w, "reason", t->reason);
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) {
    const dg_mwe *m = &s->mwes[t->mwe];
    S_open(w, "mwe", false);
    S_int(w, "id", (long long)m->id);
    S_str(w, "lemma", m->lemma);
    S_str(w, "gloss", m->gloss);
    S_bool(w, "head", t->mwe_head);
    S_close(w);
  }
  if ((t->flags & (DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE)) && t->link >= 0) {
    S_open(w, "separable", false);
    S_str(w, "role", (t->flags & DG_DF_SEP_VERB) ? "verb" : "particle");
    S_str(w, "lemma", t->lemma);
    S_int(w, "partner", (long long)t->link);
    S_close(w);
  }
  if (t->flags & DG_DF_EMPHASIS) S_bool(w, "emphasis", true);
  if (t->flags & DG_DF_HYPHEN_JOINED) S_bool(w, "hyphen_joined", true);
  /* a compound whose gloss line shows its own gloss, not its parts' */
  if (t->nparts > 1 && (t->flags & DG_DF_WHOLE_GLOSS)) S_bool(w, "whole_gloss", true);
  if (!(t->flags & DG_DF_SPACE_AFTER)) S_bool(w, "space_after", false);
  if (t->flags & DG_DF_SENT_START) S_bool(w, "sentence_start", true);
  S_close(w);
}

void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty) {
  S_w w = {.out = out, .pretty = pretty};
  dg_buf_init(&w.cell);
  S_open(&w, NULL, false);
  if (s->record) S_int(&w, "line", (long long)s->record); /* lines input: the record's line */
  S_str(&w, "text", s->text);
  S_int(&w, "start", (long long)s->start);
  S_int(&w, "end", (long long)s->end);
  S_int(&w, "paragraph", (long long)s->paragraph);
  if (s->origin) S_str(&w, "origin", s->origin);
  if (s->headline) S_bool(&w, "headline", true);
  if (s->subject) S_str(&w, "subject", s->subject);
  S_open(&w, "tokens", true);
  for (size_t i = 0; i < s->ntokens; i++) S_token(&w, r, s, i);
  S_close(&w);
  if (s->translation) {
    S_open(&w, "translation", false);
    S_str(&w, "text", s->translation);
    S_str(&w, "provider", s->tr_provider);
    S_str(&w, "model", s->tr_model);
    S_bool(&w, "cached", s->tr_cached);
    S_close(&w);
  } else if (s->tr_error) {
    S_open(&w, "translation_error", false);
    S_str(&w, "provider", s->tr_provider);
    S_int(&w, "status", (long long)s->tr_status);
    S_str(&w, "message", s->tr_error);
    S_close(&w);
  }
  S_close(&w);
  dg_buf_free(&w.cell);
}

/* JSONL: one compact sentence object a line. */
void dg_render_jsonl(dg_render *r, const dg_doc *d, dg_buf *out) {
  for (size_t i = 0; i < d->nsentences; i++) {
    dg_render_json_sentence(r, &d->sentences[i], out, false);
    dg_buf_putc(out, '\n');
    r->sentences++;
  }
}

/* JSON: the same objects, one a line, in {"sentences": [...]}. */
void dg_render_json_begin(dg_render *r, dg_buf *out) { dg_buf_puts(out, "{\"sentences\": [\n"); }

void dg_render_json(dg_render *r, const dg_doc *d, dg_buf *out) {
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
