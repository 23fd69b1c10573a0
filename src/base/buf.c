/* Allocation that aborts on exhaustion, and growable buffers (see buf.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_oom(size_t n) {
  fprintf(stderr, "degloss: out of memory (%zu bytes)\n", n);
  abort();
}

void *dg_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) S_oom(n);
  return p;
}

void *dg_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) S_oom(n * size);
  return p;
}

void *dg_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) S_oom(n);
  return q;
}

char *dg_xstrdup(const char *s) { return dg_xstrndup(s, strlen(s)); }

char *dg_xstrndup(const char *s, size_t n) {
  char *p = dg_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void dg_buf_free(dg_buf *b) {
  free(b->data);
  dg_buf_init(b);
}

void dg_buf_grow(dg_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = dg_xrealloc(b->data, cap);
  b->cap = cap;
  b->data[b->len] = '\0'; /* a new buffer too: always NUL-terminated */
}

void dg_buf_vprintf(dg_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) return;
  dg_buf_reserve(b, (size_t)n);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void dg_buf_printf(dg_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dg_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

char *dg_buf_detach(dg_buf *b) {
  char *p = b->data ? b->data : dg_xstrdup("");
  dg_buf_init(b);
  return p;
}
