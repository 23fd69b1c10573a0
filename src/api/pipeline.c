/* The glossing pipeline (see pipeline.h): the same stages in the same order
 * for one thread and for worker threads, so the output is the same bytes
 * for every number of jobs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "pipeline.h"

#include "gloss_translate.h"

/* Translation and (unless a worker rendered it) rendering of a glossed
 * chunk, then emit; on the thread of dg_pipeline_run, in input order. */
static bool S_finish(dg_pipeline *p, dg_doc *d, dg_buf *out, bool rendered) {
  unsigned long before = p->nsent_;
  p->nsent_ += d->nsentences;
  if (!rendered) {
    if (p->trfile) dg_trfile_apply(p->trfile, d);
    if (p->mt) p->failed += dg_doc_translate(d, p->mt);
    dg_doc_align(p->engine, d); /* glosses that agree with the translations (when any) */
    if (p->sense_details) dg_doc_sense_details(p->engine, d);
    if (p->render) p->render(p->ctx, d, before, out);
  }
  return p->emit(p->ctx, d, out);
}

static void S_post(void *ctx, const dg_doc *d, unsigned long before, dg_buf *out) {
  dg_pipeline *p = ctx;
  p->render(p->ctx, d, before, out);
}

static bool S_emit_rendered(void *ctx, dg_doc *d, dg_buf *out) { return S_finish(ctx, d, out, true); }

static bool S_emit_glossed(void *ctx, dg_doc *d, dg_buf *out) { return S_finish(ctx, d, out, false); }

bool dg_pipeline_run(dg_pipeline *p, dg_source *src, degloss_error *err) {
  p->nsent_ = 0;
  if (p->jobs) {
    /* Without translation the workers render too; translation (from a
     * provider, a file or JSONL input), alignment and sense details run
     * here, in order, so rendering follows them. */
    bool post = p->render && !p->mt && !p->trfile && !p->sense_details && !dg_source_has_translations(src);
    return dg_jobs_run(p->jobs, src, post ? S_post : NULL, post ? S_emit_rendered : S_emit_glossed, p,
                       err);
  }
  degloss_error local = {0};
  dg_doc *d;
  bool ok = true;
  while ((d = dg_source_next(src, p->engine, &local)) != NULL) {
    dg_buf out;
    dg_buf_init(&out);
    if (!S_finish(p, d, &out, false)) {
      ok = false;
      break;
    }
  }
  if (local.code != DEGLOSS_OK) {
    if (err && err->code == DEGLOSS_OK) *err = local;
    ok = false;
  }
  return ok;
}
