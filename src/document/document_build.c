/* The paragraph builder of the document layer: every reader appends its
 * text through it, so every reader's output is cleaned the same way, its
 * paragraphs are blank-line separated, bounded in size and carry their
 * origin, and its code regions are listed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <pthread.h>

#include "document_internal.h"
#include "text.h"

void dg_document_init(dg_document *d) {
  memset(d, 0, sizeof *d);
  dg_buf_init(&d->text);
  dg_buf_init(&d->origins);
}

void dg_document_free(dg_document *d) {
  if (!d) return;
  dg_buf_free(&d->text);
  dg_buf_free(&d->origins);
  free(d->paras);
  free(d->code);
  dg_document_init(d);
}

const char *dg_document_origin(const dg_document *d, size_t i) {
  if (i >= d->npara || !d->origins.data) return "";
  return d->origins.data + d->paras[i].origin;
}

void dg_docb_init(dg_docbuild *b, dg_document *doc, const char *name) {
  memset(b, 0, sizeof *b);
  b->doc = doc;
  b->name = name;
}

/* One UTF-8 sequence at s[0..n): its code point (U+FFFD when invalid) and
 * length (at least 1). */
static size_t S_utf8(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char c = s[0];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07, min = 0x10000;
  else {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < len; i++) {
    if (i >= n || (s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return i;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  *cp = v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : v;
  return len;
}

static void S_put_cp(dg_buf *t, uint32_t cp) {
  char e[4];
  size_t n;
  if (cp < 0x80) {
    dg_buf_putc(t, (char)cp);
    return;
  }
  if (cp < 0x800) {
    e[0] = (char)(0xC0 | (cp >> 6));
    e[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    e[0] = (char)(0xE0 | (cp >> 12));
    e[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    e[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    e[0] = (char)(0xF0 | (cp >> 18));
    e[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    e[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    e[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  dg_buf_put(t, e, n);
}

/* Controls that act on a terminal or reorder text, and byte order marks:
 * never in the output. */
static bool S_dropped(uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static void S_span_close(dg_docbuild *b) {
  if (!b->in_span) return;
  b->in_span = false;
  dg_document *d = b->doc;
  uint64_t end = d->text.len;
  while (end > b->span_start && (d->text.data[end - 1] == ' ' || d->text.data[end - 1] == '\t' ||
                                 d->text.data[end - 1] == '\n'))
    end--;
  if (end == b->span_start) return;
  if (d->ncode == d->codecap) {
    d->codecap = d->codecap ? 2 * d->codecap : 16;
    d->code = dg_xrealloc(d->code, d->codecap * sizeof *d->code);
  }
  d->code[d->ncode].start = b->span_start;
  d->code[d->ncode].end = end;
  d->ncode++;
}

/* Before a character that is not whitespace: open the paragraph, or write
 * the pending space; open a code span. */
static void S_before_char(dg_docbuild *b) {
  dg_buf *t = &b->doc->text;
  if (!b->open) {
    if (t->len) dg_buf_puts(t, "\n\n");
    b->start = t->len;
    b->open = true;
  } else if (b->space) {
    dg_buf_putc(t, ' ');
  }
  b->space = false;
  if (b->code && !b->in_span) {
    b->in_span = true;
    b->span_start = t->len;
  }
}

void dg_docb_put(dg_docbuild *b, const char *s, size_t n, bool collapse) {
  dg_buf *t = &b->doc->text;
  if (b->full) return;
  if (t->len + n > DG_DOC_MAX_TEXT) {
    b->full = true;
    return;
  }
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t len = S_utf8(u + i, n - i, &cp);
    i += len;
    if (cp == '\r') {
      if (i < n && u[i] == '\n') continue; /* CR LF: the LF follows */
      cp = '\n';
    }
    if (cp == '\f') cp = '\n';
    if (S_dropped(cp)) continue;
    if (cp == ' ' || cp == '\t' || cp == '\n') {
      if (collapse || !b->open) {
        b->space = b->open;
        continue;
      }
      if (b->space) dg_buf_putc(t, ' ');
      b->space = false;
      dg_buf_putc(t, (char)cp);
      continue;
    }
    S_before_char(b);
    if (cp < 0x80) dg_buf_putc(t, (char)cp);
    else if (len > 1 && cp != 0xFFFD) dg_buf_put(t, u + i - len, len);
    else S_put_cp(t, cp);
  }
}

void dg_docb_newline(dg_docbuild *b) {
  if (!b->open || b->full) return;
  b->space = false;
  dg_buf_putc(&b->doc->text, '\n');
}

void dg_docb_code(dg_docbuild *b, bool on) {
  if (!on) S_span_close(b);
  b->code = on;
}

__attribute__((format(printf, 2, 0))) static size_t S_origin(dg_document *d, const char *fmt,
                                                             va_list ap) {
  size_t at = d->origins.len;
  dg_buf_vprintf(&d->origins, fmt, ap);
  dg_buf_putc(&d->origins, '\0');
  return at;
}

static void S_para(dg_document *d, uint64_t start, uint64_t end, size_t origin) {
  if (d->npara == d->parcap) {
    d->parcap = d->parcap ? 2 * d->parcap : 64;
    d->paras = dg_xrealloc(d->paras, d->parcap * sizeof *d->paras);
  }
  d->paras[d->npara].start = start;
  d->paras[d->npara].end = end;
  d->paras[d->npara].origin = origin;
  d->npara++;
}

static bool S_ws(char c) { return c == ' ' || c == '\t' || c == '\n'; }

void dg_docb_end(dg_docbuild *b, const char *fmt, ...) {
  b->space = false;
  if (!b->open) return;
  S_span_close(b);
  b->open = false;
  dg_document *d = b->doc;
  dg_buf *t = &d->text;
  while (t->len > b->start && S_ws(t->data[t->len - 1])) t->len--;
  t->data[t->len] = '\0';
  while (d->ncode && d->code[d->ncode - 1].end > t->len) { /* (cannot happen: spans end on text) */
    d->code[d->ncode - 1].end = t->len;
    if (d->code[d->ncode - 1].end <= d->code[d->ncode - 1].start) d->ncode--;
    else break;
  }
  va_list ap;
  va_start(ap, fmt);
  size_t origin = S_origin(d, fmt, ap);
  va_end(ap);
  /* A paragraph over the text layer's bound is cut after a sentence's
   * final punctuation, else at a space, else on a character boundary, into
   * paragraphs of the same origin (as the text layer cuts one). */
  uint64_t pos = b->start, end = t->len;
  const size_t max = DG_TEXT_MAX_PARAGRAPH;
  while (end - pos > max) {
    uint64_t cut = pos + max, c = cut, half = pos + max / 2;
    while (c > half && !(S_ws(t->data[c - 1]) &&
                         (t->data[c - 2] == '.' || t->data[c - 2] == '!' || t->data[c - 2] == '?')))
      c--;
    if (c <= half) {
      c = cut;
      while (c > half && !S_ws(t->data[c - 1])) c--;
    }
    if (c > half) {
      cut = c - 1;
    } else {
      while (cut > pos + 1 && ((unsigned char)t->data[cut] & 0xC0) == 0x80) cut--;
    }
    S_para(d, pos, cut, origin);
    pos = cut;
    while (pos < end && S_ws(t->data[pos])) pos++;
  }
  if (end > pos) S_para(d, pos, end, origin);
}

bool dg_docb_full(const dg_docbuild *b, degloss_error *err) {
  if (!b->full) return false;
  dg_error_set(err, DEGLOSS_ERR_INPUT, b->name, 0, 0, -1,
               "%s: the document's text is over %zu MiB; not read", b->name,
               DG_DOC_MAX_TEXT >> 20);
  return true;
}

/* libxml2 is set up once per process, before the first parser (HTML and
 * DOCX readers), whatever thread gets there first. */
static pthread_once_t S_xml_once = PTHREAD_ONCE_INIT;
static void S_xml_init(void) { xmlInitParser(); }
void dg_doc_xml_init(void) { pthread_once(&S_xml_once, S_xml_init); }
