/* Worker threads of a session (degloss --jobs N), run by the pipeline
 * (pipeline.h).  Internal.
 *
 * N threads, the calling thread and N - 1 of a pool, gloss whole chunks of
 * the input; the first pool thread also cuts the input into chunks
 * (dg_source_next without an engine: tokenized, not glossed), and the
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

/* n workers (1..DG_JOBS_MAX: the calling thread of dg_jobs_run and n - 1
 * threads), each with an engine made by dg_engine_new_worker(base).  base must outlive the pool and is not used
 * by other threads while dg_jobs_run runs. */
dg_jobs *dg_jobs_new(dg_engine *base, unsigned n, degloss_error *err);
void dg_jobs_free(dg_jobs *j);

/* Optional: called on the worker that glossed a chunk, right after, to
 * render it into `out` while other chunks are glossed (it must not touch
 * state shared with emit).  `before` is the number of sentences in the
 * earlier chunks of this run. */
typedef void (*dg_jobs_post)(void *ctx, const dg_doc *d, unsigned long before, dg_buf *out);

/* Called on the thread of dg_jobs_run for every glossed chunk, in input
 * order, with what post wrote (empty without post); owns the chunk
 * (dg_doc_free) and the buffer (dg_buf_free).  false stops the run: the
 * rest is glossed no further and freed. */
typedef bool (*dg_jobs_emit)(void *ctx, dg_doc *d, dg_buf *out);

/* Read src to its end (or until emit says stop) and gloss it.  Warnings
 * the reading and glossing give go to the calling thread's warning scope
 * right before the chunk they belong to is emitted, as a single-threaded
 * run gives them.  false when emit stopped the run or
 * reading failed (err). */
bool dg_jobs_run(dg_jobs *j, dg_source *src, dg_jobs_post post, dg_jobs_emit emit, void *ctx,
                 degloss_error *err);

/* Online CPUs (at least 1, at most DG_JOBS_MAX). */
unsigned dg_jobs_online_cpus(void);

#endif
