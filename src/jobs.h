/* Worker threads for big inputs (degloss --jobs N).  Internal.
 *
 * A reader thread cuts the input into chunks (dg_source_next without an
 * engine: tokenized, not glossed), N workers gloss whole chunks, and the
 * calling thread hands the glossed chunks out in input order.  The output is
 * the same for every N: the only state the engine carries from sentence to
 * sentence, the subject-field votes (dg_engine_gloss_domains), is updated on
 * the base engine in input order, chunk after chunk; everything else of a
 * sentence is glossed in parallel with the worker's own engine.  Memory is
 * bounded: at most 2N + 2 chunks are read ahead of the output.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_JOBS_H
#define DG_JOBS_H

#include <stdbool.h>

#include "gloss.h"
#include "gloss_input.h"

#define DG_JOBS_MAX 256

typedef struct dg_jobs dg_jobs;

/* n workers (1..DG_JOBS_MAX), each with an engine made by
 * dg_engine_new_worker(base).  base must outlive the pool and is not used
 * by other threads while dg_jobs_run runs. */
dg_jobs *dg_jobs_new(dg_engine *base, unsigned n, degloss_error *err);
void dg_jobs_free(dg_jobs *j);

/* Called on the thread of dg_jobs_run for every glossed chunk, in input
 * order; owns the chunk (dg_doc_free).  false stops the run: the rest is
 * glossed no further and freed. */
typedef bool (*dg_jobs_emit)(void *ctx, dg_doc *d);

/* Read src to its end (or until emit says stop) and gloss it.  Warnings
 * the reading gives are printed before the chunk they belong to, as a
 * single-threaded run prints them.  false when emit stopped the run or
 * reading failed (err). */
bool dg_jobs_run(dg_jobs *j, dg_source *src, dg_jobs_emit emit, void *ctx, degloss_error *err);

/* Online CPUs (at least 1, at most DG_JOBS_MAX). */
unsigned dg_jobs_online_cpus(void);

#endif
