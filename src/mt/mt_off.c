/* The MT API in a build without libcurl (DEGLOSS_WITH_CURL=OFF): options are
 * still accepted, but a client cannot be made and nothing is translated.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "mt_provider.h"

#define S_MSG "built without MT support (configure with -DDEGLOSS_WITH_CURL=ON)"

struct dg_mt {
  int unused;
};

dg_mt *dg_mt_new(const dg_mt_config *c, degloss_error *err) {
  dg_error_set(err, DEGLOSS_ERR_ARG, "translate", 0, 0, -1, "%s", S_MSG);
  return NULL;
}

void dg_mt_free(dg_mt *mt) { free(mt); }

size_t dg_mt_translate(dg_mt *mt, const char *const *sentences, size_t n, dg_mt_result *out) {
  for (size_t i = 0; out && i < n; i++) {
    memset(&out[i], 0, sizeof out[i]);
    out[i].provider = "";
    out[i].model = "";
    out[i].error = dg_xstrdup(S_MSG);
  }
  return n;
}

void dg_mt_result_clear(dg_mt_result *r) {
  if (!r) return;
  free(r->text);
  free(r->error);
  r->text = NULL;
  r->error = NULL;
  r->status = 0;
  r->cached = false;
}

const char *dg_mt_summary(dg_mt *mt) { return NULL; }

void dg_mt_stats(const dg_mt *mt, unsigned long *requests, unsigned long *cache_hits) {
  if (requests) *requests = 0;
  if (cache_hits) *cache_hits = 0;
}

const char *dg_mt_base_url(const dg_mt *mt) { return NULL; }
const char *dg_mt_cache_path(const dg_mt *mt) { return NULL; }
