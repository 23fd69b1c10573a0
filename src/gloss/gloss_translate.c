/* Free translations: the sentences of a chunk go to the MT client in one
 * batch; each sentence gets its translation or the provider's error.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "gloss_translate.h"

size_t dg_doc_translate(dg_doc *d, dg_mt *mt) {
  if (!mt || d->nsentences == 0) return 0;
  const char **texts = dg_xcalloc(d->nsentences, sizeof *texts);
  dg_mt_result *res = dg_xcalloc(d->nsentences, sizeof *res);
  for (size_t i = 0; i < d->nsentences; i++) texts[i] = d->sentences[i].text;
  size_t failed = dg_mt_translate(mt, texts, d->nsentences, res);
  for (size_t i = 0; i < d->nsentences; i++) {
    dg_dsentence *s = &d->sentences[i];
    dg_mt_result *r = &res[i];
    s->tr_provider = dg_mem_strdup(&d->arena, r->provider ? r->provider : "");
    s->tr_model = dg_mem_strdup(&d->arena, r->model ? r->model : "");
    s->tr_cached = r->cached;
    s->tr_status = r->status;
    if (r->text) s->translation = dg_mem_strdup(&d->arena, r->text);
    else s->tr_error = dg_mem_strdup(&d->arena, r->error ? r->error : "translation failed");
    dg_mt_result_clear(r);
  }
  free(res);
  free(texts);
  return failed;
}
