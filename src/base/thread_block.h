/* A block of memory of each thread's own, for a small cache a thread keeps
 * in front of a shared table (the lexicon's recent word classes): zeroed when a thread first asks, freed
 * when the thread ends, and zeroed again when asked for on behalf of
 * another owner (a new memo or lexicon: nothing of an old one is answered).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_THREAD_BLOCK_H
#define DG_THREAD_BLOCK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dg_thread_block {
  atomic_bool ready;
  pthread_mutex_t lock;
  pthread_key_t key;
  bool ok;
} dg_thread_block;

#define DG_THREAD_BLOCK_INIT {false, PTHREAD_MUTEX_INITIALIZER, 0, false}

/* The calling thread's block of `size` bytes (8-byte aligned) for `owner`
 * (an id unique in the process), or NULL when the system has no room for
 * another thread-specific key (then there is no cache). */
void *dg_thread_block_get(dg_thread_block *b, uint64_t owner, size_t size);

/* The same, remembered in a _Thread_local variable of the caller's (one per
 * kind of block): a thread that asks again for the same owner gets its
 * block without the thread-specific key's look-up. */
typedef struct dg_thread_block_last {
  uint64_t owner;
  void *block;
} dg_thread_block_last;

static inline void *dg_thread_block_get_last(dg_thread_block *b, dg_thread_block_last *last, uint64_t owner,
                                            size_t size) {
  if (last->block && last->owner == owner) return last->block;
  last->block = dg_thread_block_get(b, owner, size);
  last->owner = owner;
  return last->block;
}

#endif
