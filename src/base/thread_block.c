/* Blocks of memory of each thread's own (thread_block.h): one
 * thread-specific key per kind of block, made on first use; the block is
 * the owner's id followed by the caller's bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "thread_block.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void *dg_thread_block_get(dg_thread_block *b, uint64_t owner, size_t size) {
  if (!atomic_load_explicit(&b->ready, memory_order_acquire)) {
    pthread_mutex_lock(&b->lock);
    if (!atomic_load_explicit(&b->ready, memory_order_relaxed)) {
      b->ok = pthread_key_create(&b->key, free) == 0;
      atomic_store_explicit(&b->ready, true, memory_order_release);
    }
    pthread_mutex_unlock(&b->lock);
  }
  if (!b->ok) return NULL;
  uint64_t *t = pthread_getspecific(b->key);
  if (!t) {
    t = dg_xcalloc(1, sizeof *t + size);
    if (pthread_setspecific(b->key, t) != 0) {
      free(t);
      return NULL;
    }
    t[0] = owner;
  } else if (t[0] != owner) {
    memset(t + 1, 0, size);
    t[0] = owner;
  }
  return t + 1;
}
