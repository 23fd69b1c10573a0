/* Error records, the per-thread warning scopes, files and hashes every
 * stage uses (see util.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "util.h"

#include "clean.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *dg_strlcpy(char *dst, const char *src, size_t size) {
  const char *end = memchr(src, '\0', size);
  size_t n = end ? (size_t)(end - src) : size - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
  return dst;
}

/* Copy s into out[cap] with controls escaped visibly, cut on a character
 * boundary when too long. */
static void S_visible(char *out, size_t cap, const char *s) {
  size_t n = strlen(s);
  if (!dg_clean_needed(s, n)) {
    snprintf(out, cap, "%s", s);
    return;
  }
  dg_buf b;
  dg_buf_init(&b);
  dg_escape_visible(&b, s, n);
  size_t cut = b.len < cap ? b.len : cap - 1;
  while (cut > 0 && cut < b.len && ((unsigned char)b.data[cut] & 0xC0) == 0x80) cut--;
  memcpy(out, b.data, cut);
  out[cut] = '\0';
  dg_buf_free(&b);
}

char *degloss_visible(char *out, size_t cap, const char *s) {
  if (out && cap) S_visible(out, cap, s ? s : "");
  return out;
}

__attribute__((format(printf, 7, 0))) static void S_fill(degloss_error *e, degloss_code code, const char *source, long line,
                   long column, long long position, const char *fmt, va_list ap) {
  e->code = code;
  e->line = line;
  e->column = column;
  e->position = position;
  /* File names and quoted input come from outside: a control or bidi
   * character in them is shown as an escape (\x1b), never sent to the
   * terminal that prints the message. */
  char text[sizeof e->text];
  vsnprintf(text, sizeof text, fmt, ap);
  S_visible(e->source, sizeof e->source, source ? source : "");
  S_visible(e->text, sizeof e->text, text);
}

void dg_error_set(degloss_error *err, degloss_code code, const char *source, long line,
                  long column, long long position, const char *fmt, ...) {
  if (!err || err->code != DEGLOSS_OK) return;
  va_list ap;
  va_start(ap, fmt);
  S_fill(err, code, source, line, column, position, fmt, ap);
  va_end(ap);
}

static _Thread_local dg_warn_scope *S_scope;

void dg_warn_push(dg_warn_scope *s) {
  s->count = 0;
  s->prev_ = S_scope;
  S_scope = s;
}

void dg_warn_pop(dg_warn_scope *s) {
  if (S_scope == s) S_scope = s->prev_;
}

void dg_warn_format(dg_buf *b, const degloss_error *w) {
  dg_buf_printf(b, "degloss: %s", w->source[0] ? w->source : "<input>");
  if (w->code != DEGLOSS_OK) {
    if (w->line > 0) dg_buf_printf(b, ":%ld", w->line);
    if (w->position >= 0) dg_buf_printf(b, ": byte %lld", w->position);
  }
  dg_buf_printf(b, ": %s\n", w->text);
}

static void S_stderr(const degloss_error *w) {
  dg_buf msg;
  dg_buf_init(&msg);
  dg_warn_format(&msg, w);
  fwrite(msg.data, 1, msg.len, stderr);
  dg_buf_free(&msg);
}

static void S_deliver(const degloss_error *w) {
  dg_warn_scope *s = S_scope;
  if (!s) {
    S_stderr(w);
    return;
  }
  if (s->collect) {
    dg_warn_list *l = s->collect;
    if (l->n == l->cap) {
      l->cap = l->cap ? 2 * l->cap : 8;
      l->v = dg_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *w;
    return;
  }
  bool note = w->code == DEGLOSS_OK;
  if (!note) s->count++;
  if (s->fn && (!note || s->notes)) s->fn(s->ctx, w);
  else S_stderr(w);
}

void dg_warn(degloss_code code, const char *source, long line, long long position,
             const char *fmt, ...) {
  degloss_error w;
  va_list ap;
  va_start(ap, fmt);
  S_fill(&w, code == DEGLOSS_OK ? DEGLOSS_ERR_INPUT : code, source, line, 0, position, fmt, ap);
  va_end(ap);
  S_deliver(&w);
}

void dg_note(const char *source, long line, long long position, const char *fmt, ...) {
  degloss_error w;
  va_list ap;
  va_start(ap, fmt);
  S_fill(&w, DEGLOSS_OK, source, line, 0, position, fmt, ap);
  va_end(ap);
  S_deliver(&w);
}

void dg_warn_replay(dg_warn_list *l) {
  for (size_t i = 0; i < l->n; i++) S_deliver(&l->v[i]);
  l->n = 0;
}

void dg_warn_list_free(dg_warn_list *l) {
  free(l->v);
  memset(l, 0, sizeof *l);
}

char *dg_read_file(const char *path, size_t *len, degloss_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "cannot open: %s", strerror(errno));
    return NULL;
  }
  dg_buf b;
  dg_buf_init(&b);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) dg_buf_put(&b, chunk, n);
  if (ferror(f)) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, (long long)b.len, "read error: %s",
                 strerror(errno));
    fclose(f);
    dg_buf_free(&b);
    return NULL;
  }
  fclose(f);
  if (len) *len = b.len;
  return dg_buf_detach(&b);
}

uint64_t dg_hash64(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = p;
  uint64_t h = DG_HASH64_START ^ seed;
  for (size_t i = 0; i < n; i++) h = dg_hash64_step(h, s[i]);
  return h;
}

void dg_sum_init(dg_sum *s) {
  s->lane[0] = 0x9E3779B97F4A7C15ULL;
  s->lane[1] = 0xC2B2AE3D27D4EB4FULL;
  s->lane[2] = 0x165667B19E3779F9ULL;
  s->lane[3] = 0x27D4EB2F165667C5ULL;
  s->len = 0;
}

static uint64_t S_mix(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0x100000001B3ULL;
  return h ^ (h >> 29);
}

void dg_sum_update(dg_sum *s, const void *p, size_t n) {
  const unsigned char *b = p;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    memcpy(w, b + i, 32);
    for (int k = 0; k < 4; k++) s->lane[k] = S_mix(s->lane[k], w[k]);
  }
  for (; i < n; i++) s->lane[0] = S_mix(s->lane[0], b[i]); /* the tail (last piece only) */
  s->len += n;
}

uint64_t dg_sum_final(const dg_sum *s) {
  uint64_t h = s->len;
  for (int k = 0; k < 4; k++) h = S_mix(h, s->lane[k]);
  return h;
}

uint64_t dg_sum64(const void *p, size_t n) {
  dg_sum s;
  dg_sum_init(&s);
  dg_sum_update(&s, p, n);
  return dg_sum_final(&s);
}

char *dg_path_join(const char *dir, const char *name) {
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_puts(&b, dir);
  if (b.len && b.data[b.len - 1] != '/') dg_buf_putc(&b, '/');
  dg_buf_puts(&b, name);
  return dg_buf_detach(&b);
}

void dg_table_cols(char *line, char **col, size_t max) {
  if (!max) return;
  col[0] = line;
  for (size_t k = 1; k < max; k++) {
    col[k] = col[k - 1] ? strchr(col[k - 1], '\t') : NULL;
    if (col[k]) *col[k]++ = '\0';
  }
}

FILE *dg_table_open(const char *path, const char *what, bool *missing, degloss_error *err) {
  FILE *f = fopen(path, "r");
  *missing = !f && errno == ENOENT;
  if (!f && !*missing) dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: cannot open the table of %s", path, what);
  return f;
}

bool dg_table_line(FILE *f, char **line, size_t *cap, long *lineno) {
  while (getline(line, cap, f) != -1) {
    ++*lineno;
    size_t L = strlen(*line);
    while (L && ((*line)[L - 1] == '\n' || (*line)[L - 1] == '\r')) (*line)[--L] = '\0';
    if (L && (*line)[0] != '#') return true;
  }
  return false;
}
