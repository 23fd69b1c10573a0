/* LibreTranslate: POST {base}/translate.
 * https://docs.libretranslate.com/ (API: /translate)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

static void S_build(const dg_mt_ctx *ctx, const char *const *texts, size_t n, dg_mt_req *req) {
  dg_buf_printf(&req->url, "%s/translate", ctx->base);
  json_t *root = json_object();
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(arr, json_string(texts[i]));
  json_object_set_new(root, "q", arr);
  json_object_set_new(root, "source", json_string("de"));
  json_object_set_new(root, "target", json_string("en"));
  json_object_set_new(root, "format", json_string("text"));
  if (ctx->key[0]) json_object_set_new(root, "api_key", json_string(ctx->key));
  char *s = json_dumps(root, JSON_COMPACT);
  dg_buf_puts(&req->body, s);
  /* the body may hold the key */
  memset(s, 0, strlen(s));
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
  json_t *t = json_object_get(root, "translatedText");
  dg_mt_parse_status st = DG_MT_PARSE_OK;
  if (json_is_string(t)) { /* the answer to a single q */
    if (n != 1) {
      dg_buf_printf(msg, "answer has 1 translation for %zu texts", n);
      st = DG_MT_PARSE_COUNT;
    } else {
      out[0] = dg_xstrdup(json_string_value(t));
    }
  } else if (json_is_array(t)) {
    if (json_array_size(t) != n) {
      dg_buf_printf(msg, "answer has %zu translations for %zu texts", json_array_size(t), n);
      st = DG_MT_PARSE_COUNT;
    } else {
      for (size_t i = 0; i < n && st == DG_MT_PARSE_OK; i++)
        if (!json_is_string(json_array_get(t, i))) {
          dg_buf_printf(msg, "translation %zu is not a string", i + 1);
          st = DG_MT_PARSE_BAD;
        }
      if (st == DG_MT_PARSE_OK)
        for (size_t i = 0; i < n; i++) out[i] = dg_xstrdup(json_string_value(json_array_get(t, i)));
    }
  } else {
    dg_buf_puts(msg, "answer has no \"translatedText\"");
    st = DG_MT_PARSE_BAD;
  }
  json_decref(root);
  return st;
}

static char *S_error_text(const char *body, size_t len) {
  return dg_mt_json_error_field(body, len, "error", NULL);
}

static bool S_retryable(int status, const char *body, size_t len) {
  return dg_mt_status_retryable(status);
}

static const char *S_status_text(int status) {
  switch (status) {
  case 400: return "bad request";
  case 403: return "forbidden (API key?)";
  case 429: return "too many requests";
  default: return NULL;
  }
}

const dg_mt_provider dg_mt_libre = {
    .name = "libretranslate",
    .env_key = "LIBRETRANSLATE_API_KEY",
    .url_required = true,
    .max_texts = 50,
    .max_bytes = 64 * 1024,
    .base_overhead = 256, /* includes room for api_key */
    .text_overhead = 1,
    .default_url = NULL,
    .build = S_build,
    .parse = S_parse,
    .error_text = S_error_text,
    .retryable = S_retryable,
    .status_text = S_status_text,
};
