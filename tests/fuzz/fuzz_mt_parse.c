/* Fuzz harness: the MT providers' answer parsers (src/mt/mt_deepl.c,
 * mt_libre.c, mt_google.c, mt_openai.c with the helpers of mt_json.c).
 * Byte 0 picks the provider (bits 0-1), the number of texts asked for
 * (bits 2-6) and the English variant; the rest is the HTTP body, given
 * NUL-terminated as mt.c gives it.  A parser either fills every slot (OK)
 * or none and says why.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mt_provider.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const dg_mt_provider *p = dg_mt_provider_for((dg_mt_kind)(DG_MT_DEEPL + (data[0] & 3)));
  size_t n = 1 + ((data[0] >> 2) & 31) % p->max_texts;
  dg_mt_ctx ctx = {"http://127.0.0.1:1", "", "model", (data[0] & 0x80) ? "EN-GB" : "EN-US"};
  size_t len = size - 1;
  char *body = dg_xmalloc(len + 1);
  memcpy(body, data + 1, len);
  body[len] = '\0';
  char *out[64] = {0};
  dg_buf msg;
  dg_buf_init(&msg);
  dg_mt_parse_status st = p->parse(&ctx, body, len, n, out, &msg);
  for (size_t i = 0; i < n; i++) {
    if ((st == DG_MT_PARSE_OK) != (out[i] != NULL)) abort();
    free(out[i]);
  }
  if (st != DG_MT_PARSE_OK && msg.len == 0) abort();
  dg_buf_free(&msg);
  free(p->error_text(body, len));
  (void)p->retryable(429, body, len);
  free(body);
  return 0;
}
