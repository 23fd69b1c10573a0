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

/* What a string needs before it is written: S_BAD when it is not strict
 * UTF-8 as jansson checks it (no overlong forms, surrogates or code points
 * above U+10FFFF), S_ESCAPE when a byte must be escaped (a control
 * character, '"', '\\'), S_PLAIN otherwise; *len gets its length. */
enum { S_PLAIN, S_ESCAPE, S_BAD };

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

static int S_scan(const char *s, size_t *len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t L = strlen(s);
  const unsigned char *end = p + L;
  int r = S_PLAIN;
  while (p < end) {
    /* Runs of plain ASCII, most of the text, a word at a time. */
    while (end - p >= 8) {
      uint64_t x;
      memcpy(&x, p, 8);
      if (S_special8(x)) break;
      p += 8;
    }
    if (p >= end) break;
    unsigned char u = *p;
    size_t n;
    uint32_t v;
    if (u < 0x80) {
      if (u < 0x20 || u == '"' || u == '\\') r = S_ESCAPE;
      p++;
      continue;
    }
    if (u >= 0xC2 && u <= 0xDF) n = 2, v = u & 0x1F;
    else if (u >= 0xE0 && u <= 0xEF) n = 3, v = u & 0x0F;
    else if (u >= 0xF0 && u <= 0xF4) n = 4, v = u & 0x07;
    else return S_BAD;
    for (size_t i = 1; i < n; i++) {
      if (p[i] < 0x80 || p[i] > 0xBF) return S_BAD;
      v = (v << 6) | (p[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000))
      return S_BAD;
    p += n;
  }
  *len = L;
  return r;
}

/* A line break and indentation when pretty; nothing in compact form. */
static void S_indent(S_w *w, size_t depth) {
  if (!w->pretty) return;
  S_putc(w->out, '\n');
  for (size_t i = 0; i < depth * 2; i++) S_putc(w->out, ' ');
}

/* jansson's escapes: the short ones, \u00XX for other control characters. */
static void S_quoted(dg_buf *out, const char *s) {
  S_putc(out, '"');
  const char *run = s;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    S_put(out, run, (size_t)(p - run));
    run = p + 1;
    switch (c) {
    case '"': S_put(out, "\\\"", 2); break;
    case '\\': S_put(out, "\\\\", 2); break;
    case '\b': S_put(out, "\\b", 2); break;
    case '\f': S_put(out, "\\f", 2); break;
    case '\n': S_put(out, "\\n", 2); break;
    case '\r': S_put(out, "\\r", 2); break;
    case '\t': S_put(out, "\\t", 2); break;
    default: {
      char seq[8];
      snprintf(seq, sizeof seq, "\\u%04X", (unsigned)c);
      S_put(out, seq, 6);
    }
    }
  }
  S_put(out, run, strlen(run));
  S_putc(out, '"');
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

static inline __attribute__((always_inline)) void S_str(S_w *w, const char *key, const char *v) {
  if (!v) v = "";
  size_t n = 0;
  int k = S_scan(v, &n);
  if (k == S_BAD) return; /* jansson refused such strings */
  S_member(w, key);
  if (k == S_PLAIN) S_plain(w->out, v, n);
  else S_quoted(w->out, v);
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
