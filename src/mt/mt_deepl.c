/* DeepL API v2: POST {base}/v2/translate.
 * https://developers.deepl.com/docs/api-reference/translate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

/* Keys of the free plan end in ":fx" and must use the free endpoint. */
static const char *S_default_url(const char *key) {
  size_t n = key ? strlen(key) : 0;
  if (n >= 3 && strcmp(key + n - 3, ":fx") == 0) return "https://api-free.deepl.com";
  return "https://api.deepl.com";
}

static void S_build(const dg_mt_ctx *ctx, const char *const *texts, size_t n, dg_mt_req *req) {
  dg_buf_printf(&req->url, "%s/v2/translate", ctx->base);
  dg_mt_req_header(req, "Authorization: DeepL-Auth-Key %s", ctx->key);
  json_t *root = json_object();
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(arr, json_string(texts[i]));
  json_object_set_new(root, "text", arr);
  json_object_set_new(root, "source_lang", json_string("DE"));
  json_object_set_new(root, "target_lang", json_string(ctx->target));
  char *s = json_dumps(root, JSON_COMPACT);
  dg_buf_puts(&req->body, s);
  free(s);
  json_decref(root);
}

static dg_mt_parse_status S_parse(const dg_mt_ctx *ctx, const char *body, size_t len, size_t n,
                                  char **out, dg_buf *msg) {
  json_error_t je;
  json_t *root = json_loadb(body, len, 0, &je);
  if (!root) {
    dg_buf_printf(msg, "invalid JSON in answer (%s at byte %d)", je.text, je.position);
    return DG_MT_PARSE_BAD;
  }
  json_t *arr = json_object_get(root, "translations");
  if (!json_is_array(arr)) {
    json_decref(root);
    dg_buf_puts(msg, "answer has no \"translations\" array");
    return DG_MT_PARSE_BAD;
  }
  if (json_array_size(arr) != n) {
    dg_buf_printf(msg, "answer has %zu translations for %zu texts", json_array_size(arr), n);
    json_decref(root);
    return DG_MT_PARSE_COUNT;
  }
  for (size_t i = 0; i < n; i++) {
    json_t *t = json_object_get(json_array_get(arr, i), "text");
    if (!json_is_string(t)) {
      dg_buf_printf(msg, "translation %zu has no \"text\" string", i + 1);
      json_decref(root);
      return DG_MT_PARSE_BAD;
    }
  }
  for (size_t i = 0; i < n; i++)
    out[i] = dg_xstrdup(json_string_value(json_object_get(json_array_get(arr, i), "text")));
  json_decref(root);
  return DG_MT_PARSE_OK;
}

static char *S_error_text(const char *body, size_t len) {
  return dg_mt_json_error_field(body, len, "message", NULL);
}

static bool S_retryable(int status, const char *body, size_t len) {
  return dg_mt_status_retryable(status);
}

static const char *S_status_text(int status) {
  switch (status) {
  case 403: return "authorization failed";
  case 413: return "request too large";
  case 429: return "too many requests";
  case 456: return "quota exceeded";
  case 529: return "too many requests";
  default: return NULL;
  }
}

const dg_mt_provider dg_mt_deepl = {
    .name = "deepl",
    .env_key = "DEEPL_AUTH_KEY",
    .key_required = true,
    .max_texts = 50,
    .max_bytes = 128 * 1024,
    .base_overhead = 64,
    .text_overhead = 1,
    .default_url = S_default_url,
    .build = S_build,
    .parse = S_parse,
    .error_text = S_error_text,
    .retryable = S_retryable,
    .status_text = S_status_text,
};
