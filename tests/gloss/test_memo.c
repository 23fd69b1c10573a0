/* The engine's type memo (src/gloss/memo.c): a stored value comes back as
 * stored and stays where it is; a key stored twice keeps the first value
 * and drops the second; the byte budget is kept; threads storing and
 * finding the same keys at once each get the one value of a key; a
 * thread's table of recent entries does not answer for a memo freed
 * before (a new memo at the same address).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "memo.h"

typedef struct S_val {
  long n;
  char *owned; /* freed by S_drop */
} S_val;

static atomic_int S_drops;

static void S_drop(void *v) {
  free(((S_val *)v)->owned);
  atomic_fetch_add(&S_drops, 1);
}

static const S_val *S_keep(dg_engine *e, const char *key, long n) {
  S_val v = {n, malloc(16)};
  const S_val *r = dg_gl_memo_keep(e, 'T', key, &v, sizeof v, 16, S_drop);
  if (!r) free(v.owned); /* not taken */
  return r;
}

#define S_KEYS 3000
#define S_THREADS 4

static dg_engine *S_shared;
static atomic_int S_wrong;

/* Each thread stores or finds every key, in its own order (steps prime to
 * S_KEYS = 3000). */
static void *S_worker(void *arg) {
  static const long step[S_THREADS] = {1, 7, 11, 13};
  long t = (long)(size_t)arg;
  char key[32];
  for (long k = 0; k < S_KEYS; k++) {
    long i = (k * step[t] + t * 101) % S_KEYS;
    snprintf(key, sizeof key, "wort%ld", i);
    const S_val *v = dg_gl_memo_find(S_shared, 'T', key);
    if (!v) v = S_keep(S_shared, key, i);
    if (!v || v->n != i) atomic_fetch_add(&S_wrong, 1);
  }
  return NULL;
}

int main(void) {
  /* store, find, keep the first value */
  dg_engine e;
  memset(&e, 0, sizeof e);
  e.memo = dg_gl_memo_new((size_t)1 << 20);
  OK(dg_gl_memo_find(&e, 'T', "Haus") == NULL, "nothing stored yet");
  const S_val *a = S_keep(&e, "Haus", 7);
  OK(a && a->n == 7, "the stored value comes back");
  OK(dg_gl_memo_find(&e, 'T', "Haus") == a, "found where it was stored");
  OK(dg_gl_memo_find(&e, 'U', "Haus") == NULL, "another kind is another key");
  const S_val *b = S_keep(&e, "Haus", 8);
  OK(b == a && b->n == 7, "a key stored twice keeps its first value");
  INT_EQ(atomic_load(&S_drops), 1, "the second value was dropped");
  size_t entries = 0, bytes = 0;
  dg_gl_memo_stats(e.memo, &entries, &bytes);
  INT_EQ((long)entries, 1, "one entry");
  dg_gl_memo_free(e.memo);
  INT_EQ(atomic_load(&S_drops), 2, "freeing the memo drops its values");

  /* the budget */
  e.memo = dg_gl_memo_new(4096);
  long kept = 0, refused = 0;
  char key[32];
  for (long i = 0; i < 200; i++) {
    snprintf(key, sizeof key, "k%ld", i);
    if (S_keep(&e, key, i)) kept++;
    else refused++;
  }
  dg_gl_memo_stats(e.memo, &entries, &bytes);
  OK(kept > 0 && refused > 0, "some values kept, then refused (%ld kept, %ld refused)", kept, refused);
  OK(bytes <= 4096, "the budget holds: %zu bytes", bytes);
  INT_EQ((long)entries, kept, "entries counted");
  dg_gl_memo_free(e.memo);

  /* threads at once */
  atomic_store(&S_drops, 0);
  dg_engine shared;
  memset(&shared, 0, sizeof shared);
  shared.memo = dg_gl_memo_new((size_t)64 << 20);
  S_shared = &shared;
  pthread_t th[S_THREADS];
  for (long t = 0; t < S_THREADS; t++) pthread_create(&th[t], NULL, S_worker, (void *)(size_t)t);
  for (long t = 0; t < S_THREADS; t++) pthread_join(th[t], NULL);
  INT_EQ(atomic_load(&S_wrong), 0, "every thread got each key's one value");
  for (long i = 0; i < S_KEYS; i++) {
    char k[32];
    snprintf(k, sizeof k, "wort%ld", i);
    const S_val *v = dg_gl_memo_find(&shared, 'T', k);
    if (!v || v->n != i) atomic_fetch_add(&S_wrong, 1);
  }
  INT_EQ(atomic_load(&S_wrong), 0, "afterwards every key has its value");
  dg_gl_memo_stats(shared.memo, &entries, &bytes);
  INT_EQ((long)entries, S_KEYS, "each key stored once");
  int lost = atomic_load(&S_drops);
  dg_gl_memo_free(shared.memo);
  INT_EQ(atomic_load(&S_drops) - lost, S_KEYS, "every stored value dropped at the end");

  /* a new memo is not answered from the thread's recent entries of the old */
  for (int round = 0; round < 3; round++) {
    e.memo = dg_gl_memo_new((size_t)1 << 20);
    OK(dg_gl_memo_find(&e, 'T', "Baum") == NULL, "round %d: a new memo knows nothing", round);
    const S_val *v = S_keep(&e, "Baum", round);
    OK(dg_gl_memo_find(&e, 'T', "Baum") == v && v->n == round, "round %d: its own value", round);
    dg_gl_memo_free(e.memo);
  }
  return DONE("gloss.memo");
}
