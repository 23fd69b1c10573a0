/* Small JSON and text helpers shared by the MT providers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

size_t dg_mt_json_len(const char *s) {
  size_t n = 2;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\b' ||
        *p == '\f')
      n += 2;
    else if (*p < 0x20 || *p == 0x7f)
      n += 6;
    else
      n += 1;
  }
  return n;
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid. */
static size_t S_utf8_seq(const unsigned char *p) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

char *dg_mt_utf8_clean(const char *s) {
  dg_buf b;
  dg_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    size_t k = S_utf8_seq(p);
    if (k) {
      dg_buf_put(&b, p, k);
      p += k;
    } else {
      dg_buf_puts(&b, "\xEF\xBF\xBD");
      p++;
    }
  }
  return dg_buf_detach(&b);
}

bool dg_mt_status_retryable(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 ||
         status == 529;
}

char *dg_mt_json_error_field(const char *body, size_t len, const char *key, const char *sub) {
  json_error_t je;
  json_t *root = json_loadb(body, len, 0, &je);
  if (!root) return NULL;
  json_t *v = json_is_object(root) ? json_object_get(root, key) : NULL;
  if (sub && json_is_object(v)) v = json_object_get(v, sub);
  char *out = json_is_string(v) ? dg_xstrdup(json_string_value(v)) : NULL;
  json_decref(root);
  return out;
}

void dg_mt_req_init(dg_mt_req *r) {
  memset(r, 0, sizeof *r);
  dg_buf_init(&r->url);
  dg_buf_init(&r->body);
}

void dg_mt_req_free(dg_mt_req *r) {
  if (r->body.data) { /* a LibreTranslate body holds the key */
    volatile char *p = r->body.data;
    for (size_t i = 0; i < r->body.len; i++) p[i] = 0;
  }
  dg_buf_free(&r->url);
  dg_buf_free(&r->body);
  for (size_t i = 0; i < r->nheaders; i++) {
    /* header lines may hold the key */
    volatile char *p = r->headers[i];
    while (*p) *p++ = 0;
    free(r->headers[i]);
  }
  r->nheaders = 0;
}

void dg_mt_req_header(dg_mt_req *r, const char *fmt, ...) {
  if (r->nheaders >= DG_MT_MAX_HEADERS) abort();
  dg_buf b;
  dg_buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  dg_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  r->headers[r->nheaders++] = dg_buf_detach(&b);
}
