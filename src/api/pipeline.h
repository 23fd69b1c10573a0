/* The one glossing pipeline every way into the library runs on: a source
 * (reader) is cut into chunks, each chunk is glossed (on the calling thread,
 * or on worker threads through jobs.h), translated when an MT client is set,
 * rendered and handed to `emit`, chunk after chunk in input order.  The
 * streaming session (session.c) renders into its write callback; the simple
 * API (api.c) collects the chunks into one document.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_PIPELINE_H
#define DG_PIPELINE_H

#include <stdbool.h>

#include "gloss.h"
#include "gloss_input.h"
#include "gloss_trfile.h"
#include "jobs.h"
#include "mt.h"

/* Render a glossed (and translated) chunk into `out`; `before` is the number
 * of sentences of earlier chunks of this run.  Called on a worker thread
 * when there are workers and no translation, so it may only read state that
 * no other stage changes during the run. */
typedef void (*dg_pipeline_render)(void *ctx, const dg_doc *d, unsigned long before, dg_buf *out);
/* Take a finished chunk, in input order, on the thread of dg_pipeline_run:
 * owns d (dg_doc_free) and out (dg_buf_free).  false stops the run. */
typedef bool (*dg_pipeline_emit)(void *ctx, dg_doc *d, dg_buf *out);

typedef struct dg_pipeline {
  dg_engine *engine;         /* glosses on the calling thread when jobs is NULL */
  dg_jobs *jobs;             /* worker threads (made on engine), or NULL */
  dg_mt *mt;                 /* sentence translation, or NULL */
  dg_trfile *trfile;         /* translations from a file (instead of mt), or NULL */
  dg_pipeline_render render; /* or NULL: out stays empty */
  dg_pipeline_emit emit;
  bool sense_details;        /* the glosses' sources and fields (dg_doc_sense_details) */
  void *ctx;                 /* for render and emit */
  unsigned long failed;      /* sentences whose translation failed, over all runs */
  /* one run */
  unsigned long nsent_;
} dg_pipeline;

/* Read src to its end (or until emit stops the run).  false when emit
 * stopped it or reading failed (err set).  Warnings go to the calling
 * thread's warning scope in input order. */
bool dg_pipeline_run(dg_pipeline *p, dg_source *src, degloss_error *err);

#endif
