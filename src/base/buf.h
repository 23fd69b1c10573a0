/* Allocation and growable byte buffers, the two things every file of the
 * library needs first.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_BUF_H
#define DG_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Allocation that aborts with a message on exhaustion: degloss cannot do
 * anything useful without memory, and every caller is spared a branch. */
void *dg_xmalloc(size_t n);
void *dg_xcalloc(size_t n, size_t size);
void *dg_xrealloc(void *p, size_t n);
char *dg_xstrdup(const char *s);
char *dg_xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated.  The appends are inline:
 * most are a few bytes into room the buffer has, a test and a copy (the
 * glosser and the renderers make millions); only growing is a call. */
typedef struct dg_buf {
  char *data;
  size_t len;
  size_t cap;
} dg_buf;

/* n bytes from s to p (not overlapping): a short run in two overlapping
 * words or halves, reading only s[0..n), a longer one by memcpy.  Most
 * copies in the glosser are of a few bytes, which a call to memcpy costs
 * more than. */
static inline void dg_copy(void *p, const void *s, size_t n) {
  char *d = p;
  const char *c = s;
  if (n >= 8 && n <= 16) {
    uint64_t a, b;
    memcpy(&a, c, 8);
    memcpy(&b, c + n - 8, 8);
    memcpy(d, &a, 8);
    memcpy(d + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    memcpy(&a, c, 4);
    memcpy(&b, c + n - 4, 4);
    memcpy(d, &a, 4);
    memcpy(d + n - 4, &b, 4);
  } else if (n < 4) {
    for (size_t i = 0; i < n; i++) d[i] = c[i];
  } else {
    memcpy(d, c, n);
  }
}

void dg_buf_free(dg_buf *b);
/* Room for len + extra + 1 bytes (what dg_buf_reserve asks when there is
 * not enough). */
void dg_buf_grow(dg_buf *b, size_t extra);

static inline void dg_buf_init(dg_buf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

static inline void dg_buf_clear(dg_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

/* Room for `extra` more bytes and the NUL (a buffer without storage gets
 * some, NUL-terminated). */
static inline void dg_buf_reserve(dg_buf *b, size_t extra) {
  if (b->len + extra + 1 > b->cap) dg_buf_grow(b, extra);
}

static inline void dg_buf_put(dg_buf *b, const void *p, size_t n) {
  dg_buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static inline void dg_buf_puts(dg_buf *b, const char *s) { dg_buf_put(b, s, strlen(s)); }

static inline void dg_buf_putc(dg_buf *b, char c) {
  dg_buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

void dg_buf_printf(dg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dg_buf_vprintf(dg_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Take the buffer's storage; the buffer is left empty. */
char *dg_buf_detach(dg_buf *b);

#endif
