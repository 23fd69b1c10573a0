/* Google Cloud Translation, Basic edition (v2):
 * POST https://translation.googleapis.com/language/translate/v2
 * https://cloud.google.com/translate/docs/reference/rest/v2/translate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

static const char *S_default_url(const char *key) { return "https://translation.googleapis.com"; }

static void S_build(const dg_mt_ctx *ctx, const char *const *texts, size_t n, dg_mt_req *req) {
  dg_buf_printf(&req->url, "%s/language/translate/v2", ctx->base);
  dg_mt_req_header(req, "X-goog-api-key: %s", ctx->key);
  json_t *root = json_object();
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(arr, json_string(texts[i]));
  json_object_set_new(root, "q", arr);
  json_object_set_new(root, "source", json_string("de"));
  json_object_set_new(root, "target", json_string("en"));
  json_object_set_new(root, "format", json_string("text")); /* the default is html */
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
  json_t *arr = json_object_get(json_object_get(root, "data"), "translations");
  if (!json_is_array(arr)) {
    json_decref(root);
    dg_buf_puts(msg, "answer has no \"data\".\"translations\" array");
    return DG_MT_PARSE_BAD;
  }
  if (json_array_size(arr) != n) {
    dg_buf_printf(msg, "answer has %zu translations for %zu texts", json_array_size(arr), n);
    json_decref(root);
    return DG_MT_PARSE_COUNT;
  }
  for (size_t i = 0; i < n; i++)
    if (!json_is_string(json_object_get(json_array_get(arr, i), "translatedText"))) {
      dg_buf_printf(msg, "translation %zu has no \"translatedText\" string", i + 1);
      json_decref(root);
      return DG_MT_PARSE_BAD;
    }
  for (size_t i = 0; i < n; i++)
    out[i] = dg_xstrdup(
        json_string_value(json_object_get(json_array_get(arr, i), "translatedText")));
  json_decref(root);
  return DG_MT_PARSE_OK;
}

static char *S_error_text(const char *body, size_t len) {
  return dg_mt_json_error_field(body, len, "error", "message");
}

/* The reason of the first entry of error.errors[], or "" (static/borrowed copy). */
static bool S_reason_is(const char *body, size_t len, const char *const *reasons, size_t nr) {
  json_error_t je;
  json_t *root = json_loadb(body, len, 0, &je);
  if (!root) return false;
  json_t *errs = json_object_get(json_object_get(root, "error"), "errors");
  bool hit = false;
  for (size_t i = 0; i < json_array_size(errs) && !hit; i++) {
    const char *r = json_string_value(json_object_get(json_array_get(errs, i), "reason"));
    for (size_t k = 0; r && k < nr; k++)
      if (strcmp(r, reasons[k]) == 0) hit = true;
  }
  json_decref(root);
  return hit;
}

/* Quota errors arrive as 403: the per-minute rate limits pass, the daily
 * limit and a bad key do not. */
static bool S_retryable(int status, const char *body, size_t len) {
  if (status == 403) {
    static const char *const rate[] = {"rateLimitExceeded", "userRateLimitExceeded"};
    return S_reason_is(body, len, rate, DG_ARRAY_LEN(rate));
  }
  return dg_mt_status_retryable(status);
}

static const char *S_status_text(int status) {
  switch (status) {
  case 400: return "bad request";
  case 403: return "forbidden or quota exceeded";
  case 429: return "too many requests";
  default: return NULL;
  }
}

const dg_mt_provider dg_mt_google = {
    .name = "google",
    .env_key = "GOOGLE_API_KEY",
    .key_required = true,
    .max_texts = 128,
    .max_bytes = 100 * 1024, /* Google advises at most 100K characters per request */
    .base_overhead = 64,
    .text_overhead = 1,
    .default_url = S_default_url,
    .build = S_build,
    .parse = S_parse,
    .error_text = S_error_text,
    .retryable = S_retryable,
    .status_text = S_status_text,
};
