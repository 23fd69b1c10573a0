/* Worker threads (see jobs.h).
 *
 * N threads gloss: the calling thread and N - 1 threads of the pool.  Chunks
 * move through a ring of slots, numbered in input order:
 *   read:   the first pool thread, whenever the ring has room, reads the
 *           next chunk into an empty slot (READY: tokenized, with the
 *           warnings its reading gave), at most `cap` chunks ahead of the
 *           output (one reader, so that the chunks come from one malloc
 *           arena: with any pool thread reading, eight jobs peaked at 234
 *           to 243 MB on 9 MB of news, with one at 202 MB);
 *   gloss:  any thread takes the next READY chunk (TAKEN), runs
 *           dg_engine_gloss_begin on all its sentences, waits for its turn
 *           (`turn` == its number), runs dg_engine_gloss_domains on the base
 *           engine, passes the turn on, runs dg_engine_gloss_end and post
 *           (rendering) if given, and marks the slot DONE;
 *   emit:   the calling thread hands the next chunk in order to emit as soon
 *           as it is DONE, after delivering its warnings to its own warning
 *           scope; between chunks it glosses as the others do.
 * So N jobs are N threads, each of which reads or writes only a little
 * beside its glossing (before, a reader thread and the calling thread ran
 * beside N workers and took turns with them on the cores).  With more jobs
 * than online CPUs the pool has N threads and the calling thread only
 * hands chunks out: sharing a core with the others, a chunk of its own
 * would hold up the output.  The calling thread never reads (unless no
 * pool thread could start): a chunk glossed while a pool thread waits on
 * a slow pipe is still written at once.  Threads collect their warnings while reading and
 * glossing (dg_warn_scope with a list), so the caller delivers them in
 * input order.  One mutex guards the counters and slot states, with one
 * condition for "something changed" and one for the turn; a chunk's data is
 * only touched by the thread that owns its current stage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"

enum { S_EMPTY, S_READY, S_TAKEN, S_DONE };

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
  dg_gl_ctx **ctx;   /* a chunk's sentences between the steps */
  size_t ctxcap;
} S_worker;

struct dg_jobs {
  dg_engine *base;
  S_worker *w; /* w[0] is the calling thread's when it glosses */
  unsigned n;
  S_slot *slot;
  size_t cap;
  pthread_mutex_t mu;
  pthread_cond_t change;  /* a chunk read or glossed, room in the ring, the end */
  pthread_cond_t turn_cv; /* the turn at the domain step passed on */
  /* One run. */
  dg_source *src;
  dg_jobs_post post;
  void *ctx;
  unsigned pool;       /* pool threads running */
  S_worker *reader;    /* the pool thread that reads (the first) */
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
  pthread_cond_init(&j->change, NULL);
  pthread_cond_init(&j->turn_cv, NULL);
  return j;
}

void dg_jobs_free(dg_jobs *j) {
  if (!j) return;
  for (unsigned k = 0; k < j->n; k++) {
    dg_engine_free(j->w[k].e);
    free(j->w[k].ctx);
  }
  free(j->w);
  if (j->slot) {
    free(j->slot);
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->change);
    pthread_cond_destroy(&j->turn_cv);
  }
  free(j);
}

/* May the reader read the next chunk (room in the ring, more input
 * wanted)?  With the lock held.  (One thread reads: the first of the pool,
 * or the calling thread when no pool thread could start.) */
static bool S_may_read(const dg_jobs *j) {
  return !j->eof && !j->stop && j->nread - j->nout < j->cap;
}

/* Read the next chunk into the ring (or find the end), as the reader:
 * called with the lock held; the lock is let go while reading. */
static void S_read(dg_jobs *j) {
  pthread_mutex_unlock(&j->mu);
  dg_warn_list warn = {0};
  dg_warn_scope scope = {.collect = &warn};
  dg_warn_push(&scope);
  dg_doc *d = dg_source_next(j->src, NULL, &j->rerr);
  dg_warn_pop(&scope);
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
  pthread_cond_broadcast(&j->change);
}

/* Take the next READY chunk and gloss it with w's engine: called with the
 * lock held; the lock is let go while glossing. */
static void S_gloss(S_worker *w) {
  dg_jobs *j = w->j;
  size_t seq = j->ntaken++;
  S_slot *s = &j->slot[seq % j->cap];
  s->state = S_TAKEN;
  pthread_mutex_unlock(&j->mu);

  dg_doc *d = s->doc;
  dg_warn_scope scope = {.collect = &s->warn};
  dg_warn_push(&scope);
  if (d->nsentences > w->ctxcap) {
    w->ctxcap = d->nsentences;
    w->ctx = dg_xrealloc(w->ctx, w->ctxcap * sizeof *w->ctx);
  }
  for (size_t i = 0; i < d->nsentences; i++) w->ctx[i] = dg_engine_gloss_begin(w->e, d, &d->sentences[i]);
  pthread_mutex_lock(&j->mu);
  while (j->turn != seq) pthread_cond_wait(&j->turn_cv, &j->mu);
  pthread_mutex_unlock(&j->mu);
  /* Our turn: no other thread touches the base engine's domain votes
   * (the lexicon is shared read-only). */
  for (size_t i = 0; i < d->nsentences; i++) dg_engine_gloss_domains(j->base, d, w->ctx[i]);
  pthread_mutex_lock(&j->mu);
  j->turn++;
  pthread_cond_broadcast(&j->turn_cv);
  pthread_mutex_unlock(&j->mu);
  for (size_t i = 0; i < d->nsentences; i++) dg_engine_gloss_end(w->e, d, w->ctx[i]);
  if (j->post) j->post(j->ctx, d, s->before, &s->out);
  dg_warn_pop(&scope);
  pthread_mutex_lock(&j->mu);
  s->state = S_DONE;
  pthread_cond_broadcast(&j->change);
}

/* A pool thread: the reader reads while there is room in the ring
 * (reading is a small part of the work, and the others then always find
 * a chunk to gloss); else, and the others always, it glosses the next
 * chunk read. */
static void *S_pool_thread(void *arg) {
  S_worker *w = arg;
  dg_jobs *j = w->j;
  pthread_mutex_lock(&j->mu);
  for (;;) {
    if (w == j->reader && S_may_read(j)) S_read(j);
    else if (!j->stop && j->ntaken < j->nread) S_gloss(w);
    else if (j->stop || (j->eof && j->ntaken == j->nread)) break;
    else pthread_cond_wait(&j->change, &j->mu);
  }
  pthread_mutex_unlock(&j->mu);
  return NULL;
}

/* Free a chunk that is not emitted. */
static void S_drop(S_slot *s) {
  dg_doc_free(s->doc);
  dg_warn_list_free(&s->warn);
  dg_buf_free(&s->out);
  s->doc = NULL;
  s->state = S_EMPTY;
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
  j->pool = 0;
  /* With more jobs than cores the calling thread only hands chunks out:
   * glossing too, it would be given a share of a core like the others, and
   * a chunk of its own would hold up the output and the ring. */
  unsigned first = j->n <= dg_jobs_online_cpus() ? 1 : 0;
  j->reader = &j->w[first];
  for (unsigned k = first; k < j->n; k++) {
    if (pthread_create(&j->w[k].tid, NULL, S_pool_thread, &j->w[k]) != 0) break;
    j->pool++;
  }
  /* The calling thread: emits the next chunk as soon as it is glossed,
   * else glosses one, else (only when no pool thread runs) reads one. */
  bool ok = true;
  pthread_mutex_lock(&j->mu);
  for (;;) {
    S_slot *s = &j->slot[j->nout % j->cap];
    if (j->nout < j->nread && s->state == S_DONE) {
      dg_doc *d = s->doc;
      dg_warn_list warn = s->warn;
      dg_buf out = s->out;
      s->doc = NULL;
      memset(&s->warn, 0, sizeof s->warn);
      dg_buf_init(&s->out);
      s->state = S_EMPTY;
      j->nout++;
      pthread_cond_broadcast(&j->change); /* (room in the ring) */
      pthread_mutex_unlock(&j->mu);
      if (ok) {
        dg_warn_replay(&warn);
        ok = emit(ctx, d, &out);
      } else {
        dg_doc_free(d);
        dg_buf_free(&out);
      }
      dg_warn_list_free(&warn);
      pthread_mutex_lock(&j->mu);
      if (!ok && !j->stop) {
        j->stop = true;
        pthread_cond_broadcast(&j->change);
      }
    } else if ((first == 1 || j->pool == 0) && !j->stop && j->ntaken < j->nread) {
      S_gloss(&j->w[0]);
    } else if (j->pool == 0 && S_may_read(j)) {
      S_read(j);
    } else if ((j->eof && j->nout == j->nread) || (j->stop && j->nout == j->ntaken)) {
      /* (the end: every chunk read is out; or the run stopped and every
       * chunk taken is glossed and dropped: those not taken, and what a
       * reader still reading reads, are dropped below) */
      break;
    } else {
      pthread_cond_wait(&j->change, &j->mu);
    }
  }
  pthread_mutex_unlock(&j->mu);
  for (unsigned k = first; k < first + j->pool; k++) pthread_join(j->w[k].tid, NULL);
  /* Chunks read but not glossed (the run stopped). */
  for (; j->nout < j->nread; j->nout++) S_drop(&j->slot[j->nout % j->cap]);
  if (ok) dg_warn_replay(&j->tail);
  dg_warn_list_free(&j->tail);
  if (j->rerr.code != DEGLOSS_OK) {
    if (err && err->code == DEGLOSS_OK) *err = j->rerr;
    ok = false;
  }
  return ok;
}
