/* The lock of a stripe of the engine's type memo (memo.c, which alone
 * includes this), which its writers take: a flag set by an exchange.
 * What it guards is short (an entry put in its slot, a block carved; the
 * copy of a growing table, a few thousand slots, at most once for each
 * doubling), and threads seldom meet in one of the memo's 64 stripes: one
 * that finds it taken gives up its time slice until it is free.  Taking it
 * costs an exchange and giving it back a store (a mutex's two calls cost
 * ten times that, for each value stored at first sight).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_MEMO_LOCK_H
#define DG_GLOSS_MEMO_LOCK_H

#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>

typedef atomic_bool dg_gl_mlock;

static inline void dg_gl_mlock_take(dg_gl_mlock *l) {
  while (atomic_exchange_explicit(l, true, memory_order_acquire))
    while (atomic_load_explicit(l, memory_order_relaxed)) sched_yield();
}

static inline void dg_gl_mlock_give(dg_gl_mlock *l) { atomic_store_explicit(l, false, memory_order_release); }

#endif
