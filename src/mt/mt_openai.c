/* OpenAI-compatible chat completions (llama.cpp server, Ollama, vLLM, hosted
 * services): POST {base}/v1/chat/completions.  Sentences go out numbered in
 * one prompt and come back parsed per number.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

static void S_build(const dg_mt_ctx *ctx, const char *const *texts, size_t n, dg_mt_req *req) {
  size_t bl = strlen(ctx->base);
  /* accept a base that already ends in /v1, as the OpenAI SDKs expect it */
  if (bl >= 3 && strcmp(ctx->base + bl - 3, "/v1") == 0)
    dg_buf_printf(&req->url, "%s/chat/completions", ctx->base);
  else
    dg_buf_printf(&req->url, "%s/v1/chat/completions", ctx->base);
  if (ctx->key[0]) dg_mt_req_header(req, "Authorization: Bearer %s", ctx->key);

  dg_buf sys, user;
  dg_buf_init(&sys);
  dg_buf_init(&user);
  dg_buf_printf(&sys,
                "You are a professional translator. Translate each numbered German sentence "
                "faithfully and completely into natural %s English, keeping names and numbers "
                "exact. Answer with the translations only, one per line, in the same order, "
                "each line starting with the sentence's number and a full stop, like \"1. ...\". "
                "Do not merge, split, skip or comment on sentences.",
                strcmp(ctx->target, "EN-GB") == 0 ? "British" : "American");
  for (size_t i = 0; i < n; i++) {
    dg_buf_printf(&user, "%zu. ", i + 1);
    for (const char *p = texts[i]; *p; p++) /* one sentence, one line */
      dg_buf_putc(&user, (*p == '\n' || *p == '\r') ? ' ' : *p);
    dg_buf_putc(&user, '\n');
  }
  json_t *root = json_object();
  json_object_set_new(root, "model", json_string(ctx->model));
  json_t *msgs = json_array();
  json_t *m = json_object();
  json_object_set_new(m, "role", json_string("system"));
  json_object_set_new(m, "content", json_string(sys.data));
  json_array_append_new(msgs, m);
  m = json_object();
  json_object_set_new(m, "role", json_string("user"));
  json_object_set_new(m, "content", json_string(user.data));
  json_array_append_new(msgs, m);
  json_object_set_new(root, "messages", msgs);
  json_object_set_new(root, "temperature", json_integer(0));
  json_object_set_new(root, "stream", json_false());
  char *s = json_dumps(root, JSON_COMPACT);
  dg_buf_puts(&req->body, s);
  free(s);
  json_decref(root);
  dg_buf_free(&sys);
  dg_buf_free(&user);
}

static char *S_trim(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  return dg_xstrndup(s, n);
}

/* Remove <think>...</think> blocks some reasoning models put first. */
static void S_strip_think(dg_buf *b) {
  char *open;
  while ((open = strstr(b->data, "<think>")) != NULL) {
    char *close = strstr(open, "</think>");
    size_t end = close ? (size_t)(close - b->data) + 8 : b->len;
    size_t start = (size_t)(open - b->data);
    memmove(b->data + start, b->data + end, b->len - end + 1);
    b->len -= end - start;
  }
}

static dg_mt_parse_status S_parse(const dg_mt_ctx *ctx, const char *body, size_t len, size_t n,
                                  char **out, dg_buf *msg) {
  json_error_t je;
  json_t *root = json_loadb(body, len, 0, &je);
  if (!root) {
    dg_buf_printf(msg, "invalid JSON in answer (%s at byte %d)", je.text, je.position);
    return DG_MT_PARSE_BAD;
  }
  json_t *content = json_object_get(
      json_object_get(json_array_get(json_object_get(root, "choices"), 0), "message"), "content");
  if (!json_is_string(content)) {
    json_decref(root);
    dg_buf_puts(msg, "answer has no \"choices\"[0].\"message\".\"content\" string");
    return DG_MT_PARSE_BAD;
  }
  dg_buf text;
  dg_buf_init(&text);
  dg_buf_puts(&text, json_string_value(content));
  json_decref(root);
  S_strip_think(&text);

  dg_buf *slots = dg_xcalloc(n, sizeof *slots);
  for (size_t i = 0; i < n; i++) dg_buf_init(&slots[i]);
  bool *seen = dg_xcalloc(n, sizeof *seen);
  size_t found = 0, cur = 0; /* cur: 1-based slot continued by unnumbered lines */
  bool dup = false, stray = false;
  const char *p = text.data;
  while (*p) {
    const char *eol = strchr(p, '\n');
    size_t ll = eol ? (size_t)(eol - p) : strlen(p);
    char *line = S_trim(p, ll);
    p += ll + (eol ? 1 : 0);
    if (!*line) {
      free(line);
      continue;
    }
    const char *q = line;
    size_t num = 0, digits = 0;
    while (isdigit((unsigned char)*q) && digits < 6) num = num * 10 + (size_t)(*q++ - '0'), digits++;
    if (digits && (*q == '.' || *q == ')' || *q == ':') &&
        (q[1] == ' ' || q[1] == '\t' || q[1] == '\0')) {
      q++;
      while (*q == ' ' || *q == '\t') q++;
      if (num >= 1 && num <= n && !seen[num - 1]) {
        seen[num - 1] = true;
        found++;
        dg_buf_puts(&slots[num - 1], q);
        cur = num;
      } else {
        if (num >= 1 && num <= n) dup = true;
        else stray = true;
        cur = 0;
      }
    } else if (cur) {
      dg_buf_putc(&slots[cur - 1], ' ');
      dg_buf_puts(&slots[cur - 1], line);
    } else if (n == 1 && found == 0) {
      /* a single sentence answered without its number */
      seen[0] = true;
      found = 1;
      dg_buf_puts(&slots[0], line);
      cur = 1;
    }
    free(line);
  }
  dg_mt_parse_status st = DG_MT_PARSE_OK;
  if (found != n || dup || stray) {
    dg_buf_printf(msg, "answer has %zu numbered translations for %zu sentences", found, n);
    st = found == 0 && n == 1 ? DG_MT_PARSE_BAD : DG_MT_PARSE_COUNT;
  }
  for (size_t i = 0; i < n; i++) {
    if (st == DG_MT_PARSE_OK) out[i] = dg_buf_detach(&slots[i]);
    dg_buf_free(&slots[i]);
  }
  free(slots);
  free(seen);
  dg_buf_free(&text);
  return st;
}

static char *S_error_text(const char *body, size_t len) {
  char *m = dg_mt_json_error_field(body, len, "error", "message");
  return m ? m : dg_mt_json_error_field(body, len, "error", NULL);
}

static bool S_retryable(int status, const char *body, size_t len) {
  return dg_mt_status_retryable(status);
}

static const char *S_status_text(int status) {
  switch (status) {
  case 401: return "unauthorized (API key?)";
  case 404: return "not found (model or URL?)";
  case 429: return "too many requests or quota exceeded";
  default: return NULL;
  }
}

const dg_mt_provider dg_mt_openai = {
    .name = "openai",
    .env_key = "OPENAI_API_KEY",
    .url_required = true,
    .model_required = true,
    .split_on_count = true,
    .max_texts = 20,
    .max_bytes = 32 * 1024,
    .base_overhead = 768,
    .text_overhead = 8,
    .default_url = NULL,
    .build = S_build,
    .parse = S_parse,
    .error_text = S_error_text,
    .retryable = S_retryable,
    .status_text = S_status_text,
};
