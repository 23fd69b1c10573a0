/* Allocation and growable byte buffers, the two things every file of the
 * library needs first.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_BUF_H
#define DG_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation that aborts with a message on exhaustion: degloss cannot do
 * anything useful without memory, and every caller is spared a branch. */
void *dg_xmalloc(size_t n);
void *dg_xcalloc(size_t n, size_t size);
void *dg_xrealloc(void *p, size_t n);
char *dg_xstrdup(const char *s);
char *dg_xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated. */
typedef struct dg_buf {
  char *data;
  size_t len;
  size_t cap;
} dg_buf;

void dg_buf_init(dg_buf *b);
void dg_buf_free(dg_buf *b);
void dg_buf_clear(dg_buf *b);
void dg_buf_reserve(dg_buf *b, size_t extra);
void dg_buf_put(dg_buf *b, const void *p, size_t n);
void dg_buf_puts(dg_buf *b, const char *s);
void dg_buf_putc(dg_buf *b, char c);
void dg_buf_printf(dg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dg_buf_vprintf(dg_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Take the buffer's storage; the buffer is left empty. */
char *dg_buf_detach(dg_buf *b);

#endif
