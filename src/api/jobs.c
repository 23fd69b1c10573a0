/* Worker threads (see jobs.h).
 *
 * Chunks move through a ring of slots, numbered in input order:
 *   reader:  slot empty -> READY (a tokenized chunk and the warnings its
 *            reading gave), at most `cap` chunks ahead of the output;
 *   worker:  takes the next READY chunk, runs dg_engine_gloss_begin on all
 *            its sentences, waits for its turn (`turn` == its number), runs
 *            dg_engine_gloss_domains on the base engine, passes the turn on,
 *            runs dg_engine_gloss_end and post (rendering) if given, marks
 *            the slot DONE;
 *   caller:  waits for the next chunk in order to be DONE, delivers its
 *            warnings to the caller's warning scope, hands it to emit.
 * Reader and workers collect their warnings (dg_warn_scope with a list)
 * instead of delivering them, so the caller sees them in input order.
 * One mutex and one condition variable guard the counters and slot states;
 * a chunk's data is only touched by the thread that owns its current stage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"

enum { S_EMPTY, S_READY, S_DONE };

typedef struct S_slot {
  dg_doc *doc;
  dg_warn_list warn;    /* warnings given while reading and glossing the chunk */
  dg_buf out;           /* what post wrote */
  unsigned long before; /* sentences in the earlier chunks */
  int state;
} S_slot;

typedef struct S_worker {
  dg_jobs *j;
  dg_engine *e;
  pthread_t tid;
  degloss_error err; /* from creating e */
  dg_warn_list warn; /* warnings from creating e */
} S_worker;

struct dg_jobs {
  dg_engine *base;
  S_worker *w;
  unsigned n;
  S_slot *slot;
  size_t cap;
  pthread_mutex_t mu;
  /* Each waits for one thing, so a change wakes only who waits for it: */
  pthread_cond_t space; /* the reader: a slot free */
  pthread_cond_t ready; /* workers: a chunk read (or the end) */
  pthread_cond_t turn_cv; /* workers: their turn at the domain step */
  pthread_cond_t done;  /* the caller: the next chunk glossed (or the end) */
  /* One run. */
  dg_source *src;
  dg_jobs_post post;
  void *ctx;
  unsigned long nsent; /* sentences read */
  size_t nread, ntaken, turn, nout; /* chunks read, taken, past the domain step, emitted */
  bool eof, stop;
  degloss_error rerr;
  dg_warn_list tail; /* warnings after the last chunk */
};

unsigned dg_jobs_online_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return 1;
  return n > DG_JOBS_MAX ? DG_JOBS_MAX : (unsigned)n;
}

/* Opening a morphology reads its 35 MB of tables: the workers' engines are
 * made in parallel. */
static void *S_open_engine(void *arg) {
  S_worker *w = arg;
  dg_warn_scope scope = {.collect = &w->warn};
  dg_warn_push(&scope);
  w->e = dg_engine_new_worker(w->j->base, &w->err);
  dg_warn_pop(&scope);
  return NULL;
}

dg_jobs *dg_jobs_new(dg_engine *base, unsigned n, degloss_error *err) {
  if (n < 1) n = 1;
  if (n > DG_JOBS_MAX) n = DG_JOBS_MAX;
  dg_jobs *j = dg_xcalloc(1, sizeof *j);
  j->base = base;
  j->w = dg_xcalloc(n, sizeof *j->w);
  j->n = n;
  bool *threaded = dg_xcalloc(n, sizeof *threaded);
  for (unsigned k = 0; k < n; k++) {
    j->w[k].j = j;
    threaded[k] = pthread_create(&j->w[k].tid, NULL, S_open_engine, &j->w[k]) == 0;
    if (!threaded[k]) S_open_engine(&j->w[k]);
  }
  bool ok = true;
  for (unsigned k = 0; k < n; k++) {
    if (threaded[k]) pthread_join(j->w[k].tid, NULL);
    dg_warn_replay(&j->w[k].warn);
    dg_warn_list_free(&j->w[k].warn);
    if (!j->w[k].e && ok) {
      if (err && err->code == DEGLOSS_OK) *err = j->w[k].err;
      ok = false;
    }
  }
  free(threaded);
  if (!ok) {
    dg_jobs_free(j);
    return NULL;
  }
  j->cap = 2 * (size_t)n + 2;
  j->slot = dg_xcalloc(j->cap, sizeof *j->slot);
  pthread_mutex_init(&j->mu, NULL);
  pthread_cond_init(&j->space, NULL);
  pthread_cond_init(&j->ready, NULL);
  pthread_cond_init(&j->turn_cv, NULL);
  pthread_cond_init(&j->done, NULL);
  return j;
}

void dg_jobs_free(dg_jobs *j) {
  if (!j) return;
  for (unsigned k = 0; k < j->n; k++) dg_engine_free(j->w[k].e);
  free(j->w);
  if (j->slot) {
    free(j->slot);
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->space);
    pthread_cond_destroy(&j->ready);
    pthread_cond_destroy(&j->turn_cv);
    pthread_cond_destroy(&j->done);
  }
  free(j);
}

static void *S_reader(void *arg) {
  dg_jobs *j = arg;
  for (;;) {
    pthread_mutex_lock(&j->mu);
    while (!j->stop && j->nread - j->nout >= j->cap) pthread_cond_wait(&j->space, &j->mu);
    bool stop = j->stop;
    pthread_mutex_unlock(&j->mu);
    dg_warn_list warn = {0};
    dg_doc *d = NULL;
    if (!stop) {
      dg_warn_scope scope = {.collect = &warn};
      dg_warn_push(&scope);
      d = dg_source_next(j->src, NULL, &j->rerr);
      dg_warn_pop(&scope);
    }
    pthread_mutex_lock(&j->mu);
    if (!d) {
      j->tail = warn;
      j->eof = true;
    } else {
      S_slot *s = &j->slot[j->nread % j->cap];
      s->doc = d;
      s->warn = warn;
      dg_buf_init(&s->out);
      s->before = j->nsent;
      j->nsent += d->nsentences;
      s->state = S_READY;
      j->nread++;
    }
    if (d) pthread_cond_signal(&j->ready);
    else {
      pthread_cond_broadcast(&j->ready);
      pthread_cond_signal(&j->done); /* (the end, when nothing is left to emit) */
    }
    pthread_mutex_unlock(&j->mu);
    if (!d) return NULL;
  }
}

static void *S_work(void *arg) {
  S_worker *w = arg;
  dg_jobs *j = w->j;
  dg_gl_ctx **ctx = NULL;
  size_t ctxcap = 0;
  for (;;) {
    pthread_mutex_lock(&j->mu);
    while (j->ntaken == j->nread && !j->eof) pthread_cond_wait(&j->ready, &j->mu);
    if (j->ntaken == j->nread) {
      pthread_mutex_unlock(&j->mu);
      break;
    }
    size_t seq = j->ntaken++;
    S_slot *s = &j->slot[seq % j->cap];
    pthread_mutex_unlock(&j->mu);

    dg_doc *d = s->doc;
    dg_warn_scope scope = {.collect = &s->warn};
    dg_warn_push(&scope);
    if (d->nsentences > ctxcap) {
      ctxcap = d->nsentences;
      ctx = dg_xrealloc(ctx, ctxcap * sizeof *ctx);
    }
    for (size_t i = 0; i < d->nsentences; i++) ctx[i] = dg_engine_gloss_begin(w->e, d, &d->sentences[i]);
    pthread_mutex_lock(&j->mu);
    while (j->turn != seq) pthread_cond_wait(&j->turn_cv, &j->mu);
    pthread_mutex_unlock(&j->mu);
    /* Our turn: no other thread touches the base engine's domain votes
     * (the lexicon is shared read-only). */
    for (size_t i = 0; i < d->nsentences; i++) dg_engine_gloss_domains(j->base, d, ctx[i]);
    pthread_mutex_lock(&j->mu);
    j->turn++;
    pthread_cond_broadcast(&j->turn_cv);
    pthread_mutex_unlock(&j->mu);
    for (size_t i = 0; i < d->nsentences; i++) dg_engine_gloss_end(w->e, d, ctx[i]);
    if (j->post) j->post(j->ctx, d, s->before, &s->out);
    dg_warn_pop(&scope);
    pthread_mutex_lock(&j->mu);
    s->state = S_DONE;
    pthread_cond_signal(&j->done);
    pthread_mutex_unlock(&j->mu);
  }
  free(ctx);
  return NULL;
}

bool dg_jobs_run(dg_jobs *j, dg_source *src, dg_jobs_post post, dg_jobs_emit emit, void *ctx,
                 degloss_error *err) {
  j->src = src;
  j->post = post;
  j->ctx = ctx;
  j->nsent = 0;
  j->nread = j->ntaken = j->turn = j->nout = 0;
  j->eof = j->stop = false;
  memset(&j->rerr, 0, sizeof j->rerr);
  memset(&j->tail, 0, sizeof j->tail);
  pthread_t reader;
  if (pthread_create(&reader, NULL, S_reader, j) != 0) {
    dg_error_set(err, DEGLOSS_ERR_NOMEM, "degloss", 0, 0, -1, "cannot start the reader thread");
    return false;
  }
  unsigned started = 0;
  for (; started < j->n; started++)
    if (pthread_create(&j->w[started].tid, NULL, S_work, &j->w[started]) != 0) break;
  if (started == 0) {
    /* Not even one worker: stop the reader, gloss nothing. */
    pthread_mutex_lock(&j->mu);
    j->stop = true;
    pthread_cond_broadcast(&j->space);
    pthread_mutex_unlock(&j->mu);
  }
  bool ok = true;
  for (;;) {
    pthread_mutex_lock(&j->mu);
    S_slot *s = &j->slot[j->nout % j->cap];
    while (!(j->nout < j->nread && s->state == S_DONE) && !(j->eof && j->nout == j->nread) &&
           !(started == 0 && j->eof))
      pthread_cond_wait(&j->done, &j->mu);
    if (!(j->nout < j->nread && s->state == S_DONE)) {
      pthread_mutex_unlock(&j->mu);
      break;
    }
    dg_doc *d = s->doc;
    dg_warn_list warn = s->warn;
    dg_buf out = s->out;
    s->doc = NULL;
    memset(&s->warn, 0, sizeof s->warn);
    dg_buf_init(&s->out);
    s->state = S_EMPTY;
    j->nout++;
    pthread_cond_signal(&j->space);
    pthread_mutex_unlock(&j->mu);
    if (!ok) {
      dg_warn_list_free(&warn);
      dg_buf_free(&out);
      dg_doc_free(d);
      continue;
    }
    dg_warn_replay(&warn);
    dg_warn_list_free(&warn);
    if (!emit(ctx, d, &out)) {
      ok = false;
      pthread_mutex_lock(&j->mu);
      j->stop = true;
      pthread_cond_broadcast(&j->space);
      pthread_mutex_unlock(&j->mu);
    }
  }
  pthread_join(reader, NULL);
  for (unsigned k = 0; k < started; k++) pthread_join(j->w[k].tid, NULL);
  /* Chunks read but never glossed (no worker could start). */
  for (; j->nout < j->nread; j->nout++) {
    S_slot *s = &j->slot[j->nout % j->cap];
    dg_doc_free(s->doc);
    dg_warn_list_free(&s->warn);
    dg_buf_free(&s->out);
    s->doc = NULL;
    s->state = S_EMPTY;
  }
  if (ok) dg_warn_replay(&j->tail);
  dg_warn_list_free(&j->tail);
  if (started == 0) {
    dg_error_set(err, DEGLOSS_ERR_NOMEM, "degloss", 0, 0, -1, "cannot start worker threads");
    ok = false;
  }
  if (j->rerr.code != DEGLOSS_OK) {
    if (err && err->code == DEGLOSS_OK) *err = j->rerr;
    ok = false;
  }
  return ok;
}
