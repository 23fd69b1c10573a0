/* The engine's type memo (memo.h): a hash table from a key (a kind letter
 * and the bytes of a form or lemma) to an immutable value, shared by the
 * worker threads of a session.  The table is split into stripes of
 * open-addressing slots; readers take no lock, writers take their stripe's
 * (so threads seldom wait for each other); a value, once stored, stays
 * where it is until the memo is freed.
 * A value holds copies of the strings the computation returned (the
 * morphology's strings live in the handle of the thread that computed
 * them, which may close before another thread reads the value); strings of
 * the lexicon (mapped file and glossary overlay) live as long as the
 * session and are kept as pointers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "memo.h"
#include "memo_key.h"
#include "memo_lock.h"

#include <stdatomic.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "word.h"

#define S_STRIPES 64
/* (longest key kept: a longer one is computed each time) */
#define S_MAX_KEY DG_GL_MEMO_MAX_KEY

/* One allocation: the key (its kind letter, then its bytes), then the
 * value (8-byte aligned), so that the cache line that brings the key
 * brings the start of the value too.  The head is eight bytes, so that a
 * short key and the start of the value share the first line: the key's
 * hash is not kept (the slot has its top bits, its maker passes it to
 * S_publish, and a table that grows makes it again), and the function
 * that frees what a value owns, which few kinds have, stands in the eight
 * bytes before the entry (S_drop). */
typedef struct S_entry {
  uint16_t keylen;
  uint8_t lines; /* cache lines the entry spans, at most S_LINES_MAX */
  bool dropped;  /* the value owns memory: S_drop(x) frees it */
  uint32_t cost;
  char key[];
} S_entry;

typedef void (*S_drop_fn)(void *value);
static S_drop_fn *S_drop(const S_entry *x) { return (S_drop_fn *)(void *)((char *)(uintptr_t)x - sizeof(S_drop_fn)); }

static size_t S_off(size_t keylen) { return (sizeof(S_entry) + keylen + 7) & ~(size_t)7; }
static void *S_value(const S_entry *x) { return (char *)(uintptr_t)x + S_off(x->keylen); }

/* A slot is one word of 8 bytes (eight to a cache line: the table of a
 * long text's words stays in the cache): the entry's address (8-byte
 * aligned, below 2^47: 44 bits), the number of cache lines the entry
 * spans (6 bits: the look-up pass asks for a word's whole entry as soon
 * as it has read the slot, not its first lines and the rest only once they
 * have come) and the top 14 bits of the key's hash (a probe past another
 * key reads its entry only once in 16,384).  0: empty.  Readers take no
 * lock: a slot is written once (with release order), and a full table is
 * replaced by a larger copy that is published whole; replaced tables are
 * kept until the memo is freed (a reader may still be probing one;
 * together they are smaller than the current one).  A reader that probes a
 * replaced table may miss a key stored since: it computes the value, and
 * S_publish gives it the one stored first. */
typedef _Atomic uint64_t S_slot_t;

#define S_LINES_MAX 63
#define S_PTR_BITS 44
static uint64_t S_slot_word(const S_entry *x, uint64_t h) {
  return (h >> 50) << 50 | (uint64_t)x->lines << S_PTR_BITS | (uint64_t)(uintptr_t)x >> 3;
}
static S_entry *S_slot_entry(uint64_t w) {
  return (S_entry *)(uintptr_t)((w & (((uint64_t)1 << S_PTR_BITS) - 1)) << 3);
}
static unsigned S_slot_lines(uint64_t w) { return (unsigned)(w >> S_PTR_BITS) & S_LINES_MAX; }
/* (the slot's word may be the key h's) */
static bool S_slot_is(uint64_t w, uint64_t h) { return (w >> 50) == (h >> 50); }

typedef struct S_table {
  struct S_table *prev; /* the table this one replaced */
  size_t nslots;
  bool heap; /* allocated apart (freed with the memo), not carved from its region */
  S_slot_t slots[];
} S_table;

/* Entries and tables are carved from one region of address space
 * reserved when the memo is made (S_region): the pages a new entry
 * touches come in order, as large pages where the system gives them
 * (fewer page faults than as many 4 KB pages), and fresh pages are zero
 * (a new table needs no clearing).  Past the region, entries are carved
 * from blocks of their stripe.  Both are freed all together with the memo
 * (an entry another thread stored first stays unused where it was carved):
 * no allocation of its own, and none to free one by one. */
#define S_BLOCK ((size_t)128 << 10)
typedef struct S_block {
  struct S_block *next;
  size_t used, cap;
  _Alignas(8) char data[];
} S_block;

typedef struct S_stripe {
  dg_gl_mlock mu; /* writers (memo_lock.h) */
  _Atomic(S_table *) tab;
  size_t n;
  S_block *blocks; /* the first has room; under mu */
} S_stripe;

/* The region: its mapping, the part of it aligned to a large page that is
 * carved, and the bytes carved so far (past `cap` nothing more is). */
typedef struct S_region {
  void *map;
  size_t map_len;
  char *base;
  size_t cap;
  atomic_size_t used;
} S_region;

struct dg_gl_memo {
  S_stripe st[S_STRIPES];
  S_region region;
  size_t max_bytes;
  atomic_size_t bytes;
  atomic_bool drops; /* some entry has a drop (freeing walks the tables) */
  atomic_size_t holds; /* its engine's and each document's (dg_gl_memo_hold) */
};

#define S_LARGE_PAGE ((size_t)2 << 20)

/* Reserve the region: address space for the values the budget allows and
 * the tables that index them (twice the budget; a page is only taken
 * when first written), aligned to a large page. */
static void S_region_init(S_region *r, size_t max_bytes) {
  atomic_init(&r->used, 0);
  size_t cap = (2 * max_bytes + S_LARGE_PAGE - 1) & ~(S_LARGE_PAGE - 1);
  size_t len = cap + S_LARGE_PAGE;
  void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return;
  r->map = p;
  r->map_len = len;
  r->base = (char *)(((uintptr_t)p + S_LARGE_PAGE - 1) & ~(uintptr_t)(S_LARGE_PAGE - 1));
  r->cap = cap;
#ifdef MADV_HUGEPAGE
  madvise(r->base, cap, MADV_HUGEPAGE); /* (a hint: without it, 4 KB pages) */
#endif
}

/* n bytes (a multiple of 8) of zeroed memory from the region, aligned to
 * `align` (a power of two, at most 64), or NULL when it is spent. */
static inline __attribute__((always_inline)) void *S_region_alloc(S_region *r, size_t n, size_t align) {
  if (!r->base) return NULL;
  size_t want = n + (align > 8 ? align - 8 : 0);
  size_t at = atomic_fetch_add_explicit(&r->used, want, memory_order_relaxed);
  if (at > r->cap || r->cap - at < want) return NULL;
  uintptr_t p = ((uintptr_t)r->base + at + align - 1) & ~(uintptr_t)(align - 1);
  return (void *)p;
}

dg_gl_memo *dg_gl_memo_new(size_t max_bytes) {
  dg_gl_memo *m = dg_xcalloc(1, sizeof *m);
  S_region_init(&m->region, max_bytes);
  for (size_t i = 0; i < S_STRIPES; i++) {
    atomic_init(&m->st[i].mu, false);
    atomic_init(&m->st[i].tab, NULL);
  }
  m->max_bytes = max_bytes;
  atomic_init(&m->bytes, 0);
  atomic_init(&m->drops, false);
  atomic_init(&m->holds, 1);
  return m;
}

void dg_gl_memo_hold(dg_gl_memo *m) { atomic_fetch_add_explicit(&m->holds, 1, memory_order_relaxed); }
void dg_gl_memo_free(dg_gl_memo *m) {
  if (!m || atomic_fetch_sub_explicit(&m->holds, 1, memory_order_acq_rel) != 1) return;
  for (size_t i = 0; i < S_STRIPES; i++) {
    S_stripe *s = &m->st[i];
    S_table *t = atomic_load(&s->tab);
    for (size_t j = 0; t && atomic_load(&m->drops) && j < t->nslots; j++) {
      uint64_t w = atomic_load_explicit(&t->slots[j], memory_order_relaxed);
      S_entry *x = w ? S_slot_entry(w) : NULL;
      if (x && x->dropped) (*S_drop(x))(S_value(x));
    }
    while (t) {
      S_table *p = t->prev;
      if (t->heap) free(t);
      t = p;
    }
    for (S_block *b = s->blocks, *next; b; b = next) {
      next = b->next;
      free(b);
    }
  }
  if (m->region.map) munmap(m->region.map, m->region.map_len);
  free(m);
}

void dg_gl_memo_stats(dg_gl_memo *m, size_t *entries, size_t *bytes) {
  size_t e = 0;
  for (size_t i = 0; i < S_STRIPES; i++) {
    dg_gl_mlock_take(&m->st[i].mu);
    e += m->st[i].n;
    dg_gl_mlock_give(&m->st[i].mu);
  }
  if (entries) *entries = e;
  if (bytes) *bytes = atomic_load(&m->bytes);
}

/* Are the n bytes at a and b the same?  (Eight at a time, the last one to
 * eight in loads that may overlap: most keys are a word of a few letters,
 * and a call of memcmp cost more than the comparison.) */
static bool S_same(const char *a, const char *b, size_t n) {
  uint64_t x, y;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t a0, a1, b0, b1;
    memcpy(&a0, a, 4);
    memcpy(&a1, a + n - 4, 4);
    memcpy(&b0, b, 4);
    memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return false;
  return true;
}

/* Is entry e's key the key (kind, then the n bytes at key)? */
static bool S_key_is(const S_entry *e, char kind, const char *key, size_t n) {
  return e->keylen == n + 1 && e->key[0] == kind && S_same(e->key + 1, key, n);
}

/* The slot of the key (kind, then the n bytes at key) in a table: the
 * entry's, or the empty slot where it goes (the table has one); *found
 * gets the entry as read (a reader must not read the slot again: another
 * key may have filled it since).  (In line: a call's frame cost a third
 * of a probe.) */
static inline __attribute__((always_inline)) S_slot_t *S_slot(S_table *t, char kind, const char *key, size_t n,
                                                               uint64_t h, S_entry **found) {
  size_t mask = t->nslots - 1;
  for (size_t i = (size_t)(h >> 8) & mask;; i = (i + 1) & mask) {
    S_slot_t *x = &t->slots[i];
    uint64_t w = atomic_load_explicit(x, memory_order_acquire);
    S_entry *e = w ? S_slot_entry(w) : NULL;
    if (!e || (S_slot_is(w, h) && S_key_is(e, kind, key, n))) {
      *found = e;
      return x;
    }
  }
}

static S_table *S_table_of(dg_gl_memo *m, uint64_t h) {
  return atomic_load_explicit(&m->st[h & (S_STRIPES - 1)].tab, memory_order_acquire);
}

/* The value stored under the key whose hash is h, or NULL. */
static const void *S_get_h(dg_engine *e, char kind, const char *key, size_t n, uint64_t h) {
  S_table *t = S_table_of(e->memo, h);
  S_entry *f = NULL;
  if (t) S_slot(t, kind, key, n, h, &f);
  return f ? S_value(f) : NULL;
}

/* n bytes (a multiple of 8) from the stripe's blocks, past the region
 * (8-byte aligned); one longer than a quarter block gets a block of its
 * own, behind the one with room. */
static __attribute__((noinline)) void *S_alloc_block(dg_gl_memo *m, S_stripe *s, size_t n) {
  dg_gl_mlock_take(&s->mu);
  S_block *b = s->blocks;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > S_BLOCK / 4 ? n : S_BLOCK - sizeof *b;
    S_block *nb = dg_xmalloc(sizeof *nb + cap);
    nb->used = 0;
    nb->cap = cap;
    if (b && n > S_BLOCK / 4) {
      nb->next = b->next;
      b->next = nb;
    } else {
      nb->next = b;
      s->blocks = nb;
    }
    b = nb;
  }
  void *p = b->data + b->used;
  b->used += n;
  dg_gl_mlock_give(&s->mu);
  return p;
}
/* n bytes from the region, aligned to `align` (8, or 64: a cache line),
 * or past it from the stripe's blocks (out of line: seldom). */
static inline __attribute__((always_inline)) void *S_alloc(dg_gl_memo *m, S_stripe *s, size_t n, size_t align) {
  n = (n + 7) & ~(size_t)7;
  void *r = S_region_alloc(&m->region, n, align);
  return r ? r : S_alloc_block(m, s, n);
}

/* A new entry for the key whose hash is h with room for a value of `size`
 * bytes (returned in *value), or NULL when the budget is spent; `owned` is
 * what the value holds outside the entry (counted against the budget, not
 * allocated), `drop` what frees it (NULL: nothing).  `align`: 8, or 64
 * for an entry that should begin a cache line (a word's: its first line
 * holds what every repeat reads); an entry with a drop is 8-aligned. */
static S_entry *S_new_h(dg_gl_memo *m, char kind, const char *key, size_t n, uint64_t h, size_t size, size_t owned,
                        S_drop_fn drop, size_t align, void **value) {
  size_t off = S_off(n + 1), pre = drop ? sizeof(S_drop_fn) : 0;
  size_t cost = pre + off + size + owned + sizeof(S_slot_t) * 2;
  if (cost > UINT32_MAX || atomic_load(&m->bytes) + cost > m->max_bytes) return NULL;
  char *p = S_alloc(m, &m->st[h & (S_STRIPES - 1)], pre + off + size, drop ? 8 : align);
  S_entry *x = (S_entry *)(void *)(p + pre);
  if ((uintptr_t)x >> (S_PTR_BITS + 3)) return NULL; /* (no room in a slot's word: not stored) */
  x->dropped = drop != NULL;
  if (drop) *S_drop(x) = drop;
  x->keylen = (uint16_t)(n + 1);
  uintptr_t first = (uintptr_t)x / 64, last = ((uintptr_t)x + off + size - 1) / 64;
  x->lines = (uint8_t)(last - first + 1 < S_LINES_MAX ? last - first + 1 : S_LINES_MAX);
  x->cost = (uint32_t)cost;
  x->key[0] = kind;
  memcpy(x->key + 1, key, n);
  *value = S_value(x);
  return x;
}

/* The same for the key a look-up made (dg_gl_memo_ask), for a value that
 * owns nothing. */
static S_entry *S_new(dg_gl_memo *m, const dg_gl_memo_asked *q, size_t size, void **value) {
  return S_new_h(m, q->kind, q->key, q->n, q->hash, size, 0, NULL, 8, value);
}

/* Store a filled entry (S_new) whose key's hash is h; left unused in its
 * block when another thread stored the key first.  Returns the value
 * stored under the key. */
static const void *S_publish(dg_gl_memo *m, S_entry *x, uint64_t h) {
  S_stripe *s = &m->st[h & (S_STRIPES - 1)];
  dg_gl_mlock_take(&s->mu);
  S_table *t = atomic_load_explicit(&s->tab, memory_order_relaxed);
  if (!t || (s->n + 1) * 4 > t->nslots * 3) {
    /* (a stripe's first table has room for the words of a short text:
     * its first doublings, each moving every entry, are not made; a table
     * is filled to three quarters: a probe past other keys reads their
     * slots only, mostly on the same line, and a smaller table stays in
     * the cache) */
    size_t ns = t ? t->nslots * 2 : 2048;
    size_t tsize = sizeof(S_table) + ns * sizeof(S_slot_t);
    S_table *nt = S_region_alloc(&m->region, tsize, 64);
    if (!nt) {
      nt = dg_xcalloc(1, tsize);
      nt->heap = true;
    }
    nt->nslots = ns;
    nt->prev = t;
    for (size_t i = 0; t && i < t->nslots; i++) {
      uint64_t w = atomic_load_explicit(&t->slots[i], memory_order_relaxed);
      if (!w) continue;
      S_entry *e = S_slot_entry(w);
      S_entry *none;
      uint64_t eh = dg_gl_mkey_hash(e->key[0], e->key + 1, e->keylen - 1);
      S_slot_t *d = S_slot(nt, e->key[0], e->key + 1, e->keylen - 1, eh, &none);
      atomic_store_explicit(d, w, memory_order_relaxed);
    }
    atomic_store_explicit(&s->tab, nt, memory_order_release);
    t = nt;
  }
  S_entry *have;
  S_slot_t *slot = S_slot(t, x->key[0], x->key + 1, x->keylen - 1, h, &have);
  const void *v;
  if (have) {
    v = S_value(have);
    if (x->dropped) (*S_drop(x))(S_value(x));
  } else {
    v = S_value(x);
    atomic_store_explicit(slot, S_slot_word(x, h), memory_order_release);
    s->n++;
    atomic_fetch_add(&m->bytes, x->cost);
  }
  dg_gl_mlock_give(&s->mu);
  return v;
}

/* ---- keys ---------------------------------------------------------------- */

/* A key of one string is its bytes (no copy; the kind letter is stored
 * apart: dg_gl_memo_ask).  A key of two parts is the parts each ended by a
 * NUL (a NULL part is the byte 1: no word holds it), made in buf.  Not
 * memoised (0): a key longer than S_MAX_KEY, or an engine without a memo. */
static size_t S_key2(const dg_engine *e, char *buf, const char *a, const char *b) {
  if (!e->memo) return 0;
  if (!a) a = "\1";
  if (!b) b = "\1";
  size_t la = strlen(a) + 1, lb = strlen(b) + 1;
  if (la + lb > S_MAX_KEY) return 0;
  memcpy(buf, a, la);
  memcpy(buf + la, b, lb);
  return la + lb;
}

/* A value's strings: each copied after the fixed part of the value. */
typedef struct S_strs {
  char *p;
} S_strs;

static size_t S_len(const char *s) { return s ? strlen(s) + 1 : 0; }

/* (L: S_len(s), measured before) */
static const char *S_copy_n(S_strs *w, const char *s, size_t L) {
  if (!s) return NULL;
  memcpy(w->p, s, L);
  const char *r = w->p;
  w->p += L;
  return r;
}

static const char *S_copy(S_strs *w, const char *s) { return S_copy_n(w, s, S_len(s)); }

static dg_gl_memo *S_memo(dg_engine *e) { return e->memo; }

/* ---- the look-up pass's word --------------------------------------------- */

/* Laid out in the order a repeat of the word reads it: the header (the
 * links, then what the look-up pass copies into the word), the feature
 * bits of the nan analyses, the links of theirs the look-up pass asks for,
 * the analyses, their other links (memo.h dg_gl_memo_alink_row), the ncl
 * senses, then the strings.  The entry begins a cache line (S_new_h's
 * align), so that the key, the header, the bits and the links the look-up
 * pass asks for (below: dg_gl_memo_prefetch_links) take as few lines as
 * their bytes fill.  The links point at other values of the memo that are a
 * function of this entry (memo.h: dg_gl_memo_link), set by the first
 * thread that finds them: a later occurrence of the word reaches them
 * without a look-up. */
typedef struct S_word {
  dg_gl_memo_whead h; /* (first: memo.h's inline readers read it) */
  dg_word_class wc;
  uint64_t pron_sig; /* dg_gl_pronoun_sigs */
  unsigned fb_any;   /* dg_gl_word.fb_any */
  uint8_t ncl, nan;  /* (at most DG_GL_MAX_SENSES, DG_GL_MAX_AN) */
  bool name_reading;
} S_word;
_Static_assert(DG_GL_MAX_SENSES <= UINT8_MAX && DG_GL_MAX_AN <= UINT8_MAX, "S_word counts in a byte");

static unsigned *S_word_fb(const S_word *v) { return (unsigned *)(void *)((char *)(uintptr_t)v + sizeof *v); }
/* (the analyses' links in rows of a kind, with the analyses among them:
 * memo.h dg_gl_memo_alink_row) */
static _Atomic(const void *) *S_word_alink(const S_word *v) {
  return (_Atomic(const void *) *)(void *)((char *)S_word_fb(v) + ((v->nan * sizeof(unsigned) + 7) & ~(size_t)7));
}
_Static_assert(sizeof(dg_analysis) == DG_GL_ALINK_AN_ROWS * sizeof(_Atomic(const void *)),
               "an analysis takes six rows");
#define S_ALINK_ROWS (DG_GL_ALINKS + DG_GL_ALINK_AN_ROWS)
static dg_analysis *S_word_an(const S_word *v) {
  return (dg_analysis *)(void *)(S_word_alink(v) + DG_GL_ALINK_ROWS_FIRST * v->nan);
}
static dg_sense *S_word_cl(const S_word *v) { return (dg_sense *)(void *)(S_word_alink(v) + S_ALINK_ROWS * v->nan); }

/* (the key of a form of 16 bytes or more, or near the end of its page:
 * measured, then hashed) */
static __attribute__((noinline)) void S_word_key_long(dg_gl_memo_wkey *k, char kind) {
  k->n = strlen(k->form);
  k->keyed = k->n <= S_MAX_KEY;
  if (!k->keyed) return;
  k->hash = dg_gl_mkey_hash(kind, k->form, k->n);
  if (k->n <= 16) dg_gl_mkey_tail(k->form, k->n, &k->bytes[0], &k->bytes[1]);
}

/* (the key of k->form, k->initial: memo.h dg_gl_memo_word_key; m is not
 * NULL) */
static inline void S_word_key(dg_gl_memo *m, dg_gl_memo_wkey *k) {
  char kind = k->initial ? 'I' : 'W';
  k->seen = NULL;
#ifdef DG_GL_MKEY_FORM16
  if (dg_gl_mkey_form16(k->form, &k->n, k->bytes)) {
    k->hash = dg_gl_mkey_mix16(dg_gl_mkey_seed(kind, k->n), k->bytes[0], k->bytes[1]);
    k->keyed = true;
  } else
#endif
    S_word_key_long(k, kind);
  S_table *t = k->keyed ? S_table_of(m, k->hash) : NULL;
  k->table = t;
  k->slot = t ? &t->slots[(size_t)(k->hash >> 8) & (t->nslots - 1)] : NULL;
  if (t) __builtin_prefetch(k->slot);
}

/* (the entry of the first slot with the key's hash, from the slot
 * S_word_key asked for on: its key and its value, on the lines the slot
 * tells) */
static inline void S_word_prefetch(dg_gl_memo_wkey *k) {
  S_slot_t *x = (S_slot_t *)(uintptr_t)k->slot;
  if (!x) return;
  for (;;) {
    /* (acquire, as S_slot's: the entry found is read later, by
     * S_word_of_key, and must be seen as its thread published it) */
    uint64_t w = atomic_load_explicit(x, memory_order_acquire);
    if (!w) return;
    if (S_slot_is(w, k->hash)) {
      const char *line = (const char *)((uintptr_t)S_slot_entry(w) & ~(uintptr_t)63);
      /* (unrolled: an entry spans several lines) */
      unsigned lines = S_slot_lines(w);
#pragma GCC unroll 4
      for (unsigned q = 0; q < lines; q++) __builtin_prefetch(line + 64 * q);
      k->seen = S_slot_entry(w);
      return;
    }
    const S_table *t = k->table;
    x = &((S_table *)(uintptr_t)t)->slots[(size_t)(x - t->slots + 1) & (t->nslots - 1)];
  }
}

void dg_gl_memo_word_key(dg_engine *e, const char *form, bool initial, dg_gl_memo_wkey *k) {
  k->form = form;
  k->initial = initial;
  if (e->memo) {
    S_word_key(e->memo, k);
    return;
  }
  k->keyed = false;
  k->seen = k->slot = k->table = NULL;
}

void dg_gl_memo_word_prefetch(dg_engine *e, dg_gl_memo_wkey *k) { S_word_prefetch(k); }

void dg_gl_memo_word_ask(dg_engine *e, dg_gl_memo_wkey *k, size_t n) {
  dg_gl_memo *m = e->memo;
  for (size_t i = 0; i < n; i++) {
    if (!k[i].form) continue;
    if (m) S_word_key(m, &k[i]);
    else dg_gl_memo_word_key(e, k[i].form, k[i].initial, &k[i]);
  }
  for (size_t i = 0; i < n; i++)
    if (k[i].form) S_word_prefetch(&k[i]);
}

/* Is entry x's key the word's of key k?  (A form of at most 16 bytes is
 * compared in two words with the bytes _word_key read: the entry of a
 * kind 'I' or 'W' is a word's, whose value follows the key, so the 16
 * bytes after its kind letter are the entry's.) */
static inline bool S_word_key_is(const S_entry *x, char kind, const dg_gl_memo_wkey *k) {
  if (x->keylen != k->n + 1 || x->key[0] != kind) return false;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (k->n <= 16) {
    uint64_t a, b, ma, mb;
    memcpy(&a, x->key + 1, 8);
    memcpy(&b, x->key + 9, 8);
    memcpy(&ma, dg_gl_mkey_keep + 16 - k->n, 8);
    memcpy(&mb, dg_gl_mkey_keep + 24 - k->n, 8);
    return (((a ^ k->bytes[0]) & ma) | ((b ^ k->bytes[1]) & mb)) == 0;
  }
#endif
  return S_same(x->key + 1, k->form, k->n);
}

/* The entry of the word of key k, or NULL.  (The entry the prefetch
 * found is the word's when its key is: an entry, once in a slot, is never
 * changed or moved, whatever was stored since.  Else, another key with the
 * same hash bits, or none found then, the table is probed.) */
static inline const S_word *S_word_of_key(dg_engine *e, const dg_gl_memo_wkey *k) {
  if (!k->keyed) return NULL;
  const S_entry *x = k->seen;
  if (x && S_word_key_is(x, k->initial ? 'I' : 'W', k)) return S_value(x);
  return S_get_h(e, k->initial ? 'I' : 'W', k->form, k->n, k->hash);
}

/* w's readings from entry v (no copy: the memo's readings are never
 * changed while it lives). */
static inline void S_word_fill(const S_word *v, const dg_gl_memo_wkey *k, dg_gl_word *w) {
  w->ncl = v->ncl;
  w->cl = S_word_cl(v);
  w->nan = v->nan;
  w->an = S_word_an(v);
  w->fb = S_word_fb(v);
  w->fb_any = v->fb_any;
  w->name_reading = v->name_reading;
  w->pron_sig = v->pron_sig;
  w->wc = v->wc;
  w->lower = v->h.lower;
  w->memo = v;
  w->memo_form = k->form;
  w->alinks = S_word_alink(v);
}

/* (the word not found where the prefetch looked: the table probed) */
static __attribute__((noinline)) bool S_word_get_probed(dg_engine *e, const dg_gl_memo_wkey *k, dg_gl_word *w) {
  const S_word *v = S_word_of_key(e, k);
  if (!v) return false;
  S_word_fill(v, k, w);
  return true;
}

bool dg_gl_memo_word_get(dg_engine *e, const dg_gl_memo_wkey *k, dg_gl_word *w) {
  /* (most words: a short form whose entry the prefetch found, compared
   * and read with no call) */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const S_entry *x = k->seen;
  if (x && k->n <= 16 && S_word_key_is(x, k->initial ? 'I' : 'W', k)) {
    S_word_fill(S_value(x), k, w);
    return true;
  }
#endif
  return S_word_get_probed(e, k, w);
}

bool dg_gl_memo_word_classes(dg_engine *e, const dg_gl_memo_wkey *k, dg_word_class *wc) {
  const S_word *v = S_word_of_key(e, k);
  if (!v) return false;
  *wc = v->wc;
  return true;
}

void dg_gl_memo_word_put(dg_engine *e, const dg_gl_memo_wkey *key, dg_gl_word *w) {
  if (!key->keyed || w->ncl > DG_GL_MAX_SENSES || w->nan > DG_GL_MAX_AN) return;
  /* (each string measured once: the lower-case form, then five of each
   * analysis) */
  size_t len[1 + 5 * DG_GL_MAX_AN], nl = 0;
  len[nl++] = S_len(w->lower);
  size_t size = sizeof(S_word) + ((w->nan * sizeof(unsigned) + 7) & ~(size_t)7) + w->ncl * sizeof(dg_sense) +
                w->nan * (sizeof(dg_analysis) + DG_GL_ALINKS * sizeof(_Atomic(const void *))) + len[0];
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    const char *str[5] = {a->lemma, a->pos, a->feats, a->leipzig, a->particle};
    for (size_t q = 0; q < 5; q++) size += len[nl++] = S_len(str[q]);
  }
  S_word *v;
  S_entry *x =
      S_new_h(S_memo(e), key->initial ? 'I' : 'W', key->form, key->n, key->hash, size, 0, NULL, 64, (void **)&v);
  if (!x) return;
  v->ncl = (uint8_t)w->ncl;
  v->nan = (uint8_t)w->nan;
  v->name_reading = w->name_reading;
  v->fb_any = w->fb_any;
  v->pron_sig = w->pron_sig;
  v->wc = w->wc;
  /* (no link yet: the word's and its analyses' set to null all at once;
   * no other thread sees the entry before it is published) */
  memset((void *)v->h.link, 0, sizeof v->h.link);
  _Atomic(const void *) *al = S_word_alink(v);
  memset((void *)al, 0, DG_GL_ALINK_ROWS_FIRST * w->nan * sizeof *al);
  memset((void *)(al + (DG_GL_ALINK_ROWS_FIRST + DG_GL_ALINK_AN_ROWS) * w->nan), 0,
         (DG_GL_ALINKS - DG_GL_ALINK_ROWS_FIRST) * w->nan * sizeof *al);
  memcpy(S_word_cl(v), w->cl, w->ncl * sizeof *w->cl); /* lexicon strings: session lifetime */
  dg_analysis *an = S_word_an(v);
  memcpy(S_word_fb(v), w->fb, w->nan * sizeof *w->fb);
  S_strs sw = {(char *)(S_word_cl(v) + w->ncl)};
  nl = 0;
  v->h.lower = S_copy_n(&sw, w->lower, len[nl++]);
  v->h.hlower = v->h.lower ? dg_mwe_word_hash(v->h.lower) : 0;
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    an[k] = *a;
    an[k].lemma = S_copy_n(&sw, a->lemma, len[nl++]);
    an[k].pos = S_copy_n(&sw, a->pos, len[nl++]);
    an[k].feats = S_copy_n(&sw, a->feats, len[nl++]);
    an[k].leipzig = S_copy_n(&sw, a->leipzig, len[nl++]);
    an[k].particle = S_copy_n(&sw, a->particle, len[nl++]);
  }
  /* (the word keeps its own readings: the stored ones may be another
   * thread's equal copy; only the links are the stored entry's) */
  const S_word *stored = S_publish(S_memo(e), x, key->hash);
  w->memo = stored;
  w->memo_form = key->form;
  w->alinks = S_word_alink(stored);
}

/* ---- links from a word's entry -------------------------------------------- */

void dg_gl_memo_prefetch_links(const dg_gl_word *w) {
  const S_word *v = w->memo;
  if (!v) return;
  /* (not the ordinal link: it holds a constant; nor the English form's,
   * which few words ask for, late.  The loops are
   * unrolled: their counting cost as much as the prefetches) */
#pragma GCC unroll 8
  for (size_t k = 0; k < DG_GL_LINK_ORDINAL; k++) {
    const void *p = atomic_load_explicit(&v->h.link[k], memory_order_relaxed);
    if (p) __builtin_prefetch(p);
  }
  /* Of each analysis, the links the passes of the sentence read first
   * that lead into the memo: its compound parts (the kept value a repeat
   * is glossed from, S_cparts) and its domains (rows 1 and 2: one run of
   * 2 * nan links).  Not its senses: a repeat glossed from its kept value
   * does not read them, and the few passes that do read one analysis's;
   * nor its facts, a constant; nor the phrase pass's, which asks for its
   * own right before it reads them.  Only of a word without closed-class
   * readings: an article, pronoun or preposition is mostly glossed by one
   * of those (the closed-class pass), and its analyses' links are not
   * read; the few that are not pay a miss. */
  /* (memo.h dg_gl_memo_alink_row: the senses row 0, the parts 1, the
   * domains 2, the facts 3) */
  _Static_assert(DG_GL_ALINK_ROW_SENSES == 0 && DG_GL_ALINK_ROWS_FIRST == 4, "the rows read first lead");
  size_t n = v->ncl ? 0 : v->nan;
  _Atomic(const void *) *al = S_word_alink(v) + v->nan;
  for (size_t k = 0; k < 2 * n; k++) {
    const void *p = atomic_load_explicit(&al[k], memory_order_relaxed);
    if (p) __builtin_prefetch(p);
  }
}

/* A link is stored once: a thread that finds it set already leaves it
 * (a store, even of the same value, takes the cache line away from the
 * other cores that read the entry: with --jobs, every repeat of a common
 * word would move its entry between them). */
static void S_store_link(_Atomic(const void *) *at, const void *value) {
  if (atomic_load_explicit(at, memory_order_relaxed) != value) atomic_store_explicit(at, value, memory_order_release);
}

void dg_gl_memo_set_link(const dg_gl_word *w, unsigned which, const void *value) {
  if (!w || !w->memo || which >= DG_GL_LINKS || !value) return;
  /* (every thread stores the same value: the first one stored under its key) */
  S_store_link(&((S_word *)(uintptr_t)w->memo)->h.link[which], value);
}

void dg_gl_memo_set_an_link(const dg_gl_word *w, int k, unsigned which, const void *value) {
  const S_word *v = w ? w->memo : NULL;
  if (!v || k < 0 || (size_t)k >= v->nan || which >= DG_GL_ALINKS || !value) return;
  S_store_link(&S_word_alink(v)[dg_gl_memo_alink_row(which) * v->nan + (size_t)k], value);
}

/* The first analysis of w whose lemma is `lemma` and, when pos is not
 * NULL, whose POS is pos; -1: none. */
static int S_an_with(const dg_gl_word *w, const char *lemma, const char *pos) {
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    if (a->lemma && a->lemma[0] == lemma[0] && strcmp(a->lemma, lemma) == 0 &&
        (!pos || (a->pos && strcmp(a->pos, pos) == 0)))
      return (int)k;
  }
  return -1;
}

int dg_gl_memo_first_an(const dg_gl_word *w, const char *lemma) { return S_an_with(w, lemma, NULL); }

int dg_gl_memo_an_of_scan(const dg_gl_word *w, const char *lemma, const char *pos) {
  /* (the token's lemma as its pass set it: its first analysis known, the
   * one asked for when its POS fits) */
  if (lemma == w->lemma_set) {
    if (w->lemma_an < 0) return -1;
    const dg_analysis *a = &w->an[w->lemma_an];
    if (!pos || (a->pos && strcmp(a->pos, pos) == 0)) return w->lemma_an;
  }
  return S_an_with(w, lemma, pos);
}

const void *dg_gl_memo_find_an(dg_engine *e, const dg_gl_word *w, int k, unsigned which, char kind, const char *key) {
  const void *v = dg_gl_memo_an_link(w, k, which);
  if (v) return v;
  v = dg_gl_memo_find(e, kind, key);
  dg_gl_memo_set_an_link(w, k, which, v);
  return v;
}

const void *dg_gl_memo_keep_an_link(dg_engine *e, const dg_gl_word *w, int k, unsigned which, const void *value,
                                    size_t size) {
  dg_gl_memo *m = S_memo(e);
  const S_word *v = w ? w->memo : NULL;
  if (!m || !v || k < 0 || (size_t)k >= v->nan || which >= DG_GL_ALINKS) return NULL;
  /* (no key, no slot: a value no other key reaches needs neither; the
   * link is set once, by the first thread, and a copy that comes second
   * stays unused where it was carved, as S_publish leaves one) */
  size_t cost = (size + 7) & ~(size_t)7;
  if (atomic_load(&m->bytes) + cost > m->max_bytes) return NULL;
  void *p = S_alloc(m, &m->st[((uintptr_t)v >> 6) & (S_STRIPES - 1)], cost, 8);
  memcpy(p, value, size);
  _Atomic(const void *) *at = &S_word_alink(v)[dg_gl_memo_alink_row(which) * v->nan + (size_t)k];
  const void *first = NULL;
  if (!atomic_compare_exchange_strong_explicit(at, &first, p, memory_order_acq_rel, memory_order_acquire))
    return first;
  atomic_fetch_add(&m->bytes, cost);
  return p;
}

/* ---- compound splits ----------------------------------------------------- */

/* n parts, then their strings. */
typedef struct S_split {
  size_t n;
  dg_part p[];
} S_split;

/* The split of form into out; *stored gets the memo's value when there is
 * one (a hit, or the value just stored). */
static size_t S_split_of(dg_engine *e, const char *form, dg_part *out, size_t max, const S_split **stored) {
  dg_gl_memo_asked q = {.keyed = false};
  const S_split *v = max <= DG_GL_MAX_PARTS ? dg_gl_memo_ask(e, 'P', form, &q) : NULL;
  bool keyed = q.keyed;
  if (v) {
    size_t k = v->n < max ? v->n : max;
    memcpy(out, v->p, k * sizeof *out);
    *stored = v;
    return v->n;
  }
  if (!keyed) return dg_compound_split(e->morph, form, out, max);
  dg_part pv[DG_GL_MAX_PARTS];
  size_t n = dg_compound_split(e->morph, form, pv, DG_GL_MAX_PARTS);
  size_t k = n < max ? n : max;
  memcpy(out, pv, k * sizeof *out);
  if (n > DG_GL_MAX_PARTS) return n;
  size_t size = sizeof(S_split) + n * sizeof(dg_part);
  for (size_t i = 0; i < n; i++) size += S_len(pv[i].form) + S_len(pv[i].lemma);
  S_split *s;
  S_entry *x = S_new(S_memo(e), &q, size, (void **)&s);
  if (!x) return n;
  S_strs sw = {(char *)(s->p + n)};
  s->n = n;
  for (size_t i = 0; i < n; i++) {
    s->p[i] = pv[i];
    s->p[i].form = S_copy(&sw, pv[i].form);
    s->p[i].lemma = S_copy(&sw, pv[i].lemma);
  }
  *stored = S_publish(S_memo(e), x, q.hash);
  return n;
}

size_t dg_gl_word_split(dg_engine *e, const dg_gl_word *w, const char *form, dg_part *out, size_t max) {
  bool linkable = w->memo && w->memo_form == form && max <= DG_GL_MAX_PARTS;
  const S_split *v = linkable ? dg_gl_memo_link(w, DG_GL_LINK_SPLIT) : NULL;
  if (v) {
    size_t k = v->n < max ? v->n : max;
    memcpy(out, v->p, k * sizeof *out);
    return v->n;
  }
  const S_split *stored = NULL;
  size_t n = S_split_of(e, form, out, max, &stored);
  /* (a word that does not split links one empty value, read from the
   * cache, not its own from memory) */
  static const S_split none = {0};
  if (linkable && stored) dg_gl_memo_set_link(w, DG_GL_LINK_SPLIT, stored->n ? stored : &none);
  return n;
}

/* ---- spelling variants --------------------------------------------------- */

/* Whether there is a variant, then its bytes. */
typedef struct S_variant {
  bool has;
  char s[];
} S_variant;

const char *dg_gl_spelling_variant(dg_engine *e, const char *form) {
  dg_gl_memo_asked q;
  const S_variant *v = dg_gl_memo_ask(e, 'V', form, &q);
  if (v) return v->has ? v->s : NULL;
  const char *r = dg_morph_spelling_variant(e->morph, form);
  if (!q.keyed) return r;
  size_t L = S_len(r);
  S_variant *nv;
  S_entry *x = S_new(S_memo(e), &q, sizeof(S_variant) + L, (void **)&nv);
  if (!x) return r;
  nv->has = r != NULL;
  if (r) memcpy(nv->s, r, L);
  v = S_publish(S_memo(e), x, q.hash);
  return v->has ? v->s : NULL;
}

/* ---- loan verbs ---------------------------------------------------------- */

/* Whether there is one, whether the form is its zu-infinitive, then its
 * infinitive's bytes. */
typedef struct S_loan {
  bool has, zu;
  char s[];
} S_loan;

const char *dg_gl_loan_verb(dg_engine *e, const char *lower, bool *zu_inf) {
  dg_gl_memo_asked q;
  const S_loan *v = dg_gl_memo_ask(e, 'L', lower, &q);
  if (!v) {
    bool zu = false;
    const char *r = dg_morph_loan_verb(e->morph, lower, &zu);
    size_t L = S_len(r);
    S_loan *nv;
    S_entry *x = q.keyed ? S_new(S_memo(e), &q, sizeof(S_loan) + L, (void **)&nv) : NULL;
    if (!x) {
      *zu_inf = zu;
      return r;
    }
    nv->has = r != NULL;
    nv->zu = zu;
    if (r) memcpy(nv->s, r, L);
    v = S_publish(S_memo(e), x, q.hash);
  }
  *zu_inf = v->zu;
  return v->has ? v->s : NULL;
}

/* ---- senses of a lemma --------------------------------------------------- */

typedef struct S_senses {
  size_t n;
  bool marked;                           /* (a verb's senses: the marks are made) */
  unsigned char marks[DG_GL_MAX_SENSES]; /* dg_gl_sense_marks of each */
  dg_sense sv[];
} S_senses;

const unsigned char *dg_gl_memo_sense_marks(const dg_sense *sv) {
  const S_senses *v = (const S_senses *)(const void *)((const char *)sv - offsetof(S_senses, sv));
  return v->marked ? v->marks : NULL;
}

/* The senses stored under the key of lemma and pos, made into *sk. */
static const S_senses *S_senses_get(dg_engine *e, const char *lemma, const char *pos, dg_gl_memo_skey *sk) {
  sk->n = S_key2(e, sk->key, lemma, pos);
  if (!sk->n) return NULL;
  sk->hash = dg_gl_mkey_hash('S', sk->key, sk->n);
  return S_get_h(e, 'S', sk->key, sk->n, sk->hash);
}

const dg_sense *dg_gl_memo_senses_find(dg_engine *e, const char *lemma, const char *pos, size_t *n,
                                       dg_gl_memo_skey *sk) {
  const S_senses *v = S_senses_get(e, lemma, pos, sk);
  if (!v) return NULL;
  *n = v->n;
  return v->sv;
}

const dg_sense *dg_gl_memo_an_senses_asked(dg_engine *e, const dg_gl_word *w, size_t k, size_t *n,
                                           dg_gl_memo_skey *sk) {
  const S_senses *v = dg_gl_memo_an_link(w, (int)k, DG_GL_ALINK_SENSES);
  sk->n = 0;
  if (!v) {
    v = k < w->nan ? S_senses_get(e, w->an[k].lemma, w->an[k].pos, sk) : NULL;
    if (!v) return NULL;
    static const S_senses none = {0}; /* (as S_split's) */
    dg_gl_memo_set_an_link(w, (int)k, DG_GL_ALINK_SENSES, v->n ? v : &none);
  }
  *n = v->n;
  return v->sv;
}

/* The senses stored under key sk, or NULL when not stored. */
static const S_senses *S_senses_put(dg_engine *e, const dg_gl_memo_skey *sk, const char *pos, const dg_sense *sv,
                                    size_t n) {
  size_t size = sizeof(S_senses) + n * sizeof *sv;
  S_senses *v;
  if (!sk->n || n > DG_GL_MAX_SENSES) return NULL;
  S_entry *x = S_new_h(S_memo(e), 'S', sk->key, sk->n, sk->hash, size, 0, NULL, 8, (void **)&v);
  if (!x) return NULL;
  v->n = n;
  memcpy(v->sv, sv, n * sizeof *sv); /* lexicon strings: session lifetime */
  memset(v->marks, 0, sizeof v->marks);
  /* (only a verb's senses are asked about) */
  v->marked = pos && (dg_gl_eq(pos, "VERB") || dg_gl_eq(pos, "AUX"));
  for (size_t k = 0; k < n && v->marked; k++) v->marks[k] = (unsigned char)dg_gl_sense_marks(&sv[k]);
  return S_publish(S_memo(e), x, sk->hash);
}

void dg_gl_memo_senses_put(dg_engine *e, const dg_gl_memo_skey *sk, const char *pos, const dg_sense *sv, size_t n) {
  S_senses_put(e, sk, pos, sv, n);
}

const dg_sense *dg_gl_memo_an_senses_put(dg_engine *e, const dg_gl_word *w, size_t k, const dg_gl_memo_skey *sk,
                                         const dg_sense *sv, size_t n) {
  const S_senses *v = k < w->nan ? S_senses_put(e, sk, w->an[k].pos, sv, n) : NULL;
  if (!v) return NULL;
  static const S_senses none = {0}; /* (as dg_gl_memo_an_senses's) */
  dg_gl_memo_set_an_link(w, (int)k, DG_GL_ALINK_SENSES, v->n ? v : &none);
  return v->sv;
}

/* ---- values the caller makes --------------------------------------------- */

/* The key's length and hash made once for its look-up and the store of a
 * miss (memo.h's dg_gl_memo_asked). */
static bool S_asked(dg_engine *e, char kind, const char *key, size_t n, dg_gl_memo_asked *q) {
  *q = (dg_gl_memo_asked){key, n, 0, kind, e->memo && n <= S_MAX_KEY};
  if (q->keyed) q->hash = dg_gl_mkey_hash(kind, key, n);
  return q->keyed;
}

const void *dg_gl_memo_ask_n(dg_engine *e, char kind, const char *key, size_t n, dg_gl_memo_asked *q) {
  return S_asked(e, kind, key, n, q) ? S_get_h(e, kind, key, n, q->hash) : NULL;
}

const void *dg_gl_memo_find(dg_engine *e, char kind, const char *key) {
  dg_gl_memo_asked q;
  return dg_gl_memo_ask(e, kind, key, &q);
}

bool dg_gl_memo_room(dg_engine *e) { return S_memo(e) && atomic_load(&S_memo(e)->bytes) < S_memo(e)->max_bytes; }

const void *dg_gl_memo_keep_asked(dg_engine *e, const dg_gl_memo_asked *q, const void *value, size_t size,
                                  size_t cost, void (*drop)(void *)) {
  void *v;
  S_entry *x = q->keyed ? S_new_h(S_memo(e), q->kind, q->key, q->n, q->hash, size, cost, drop, 8, &v) : NULL;
  if (!x) return NULL;
  memcpy(v, value, size);
  if (drop) atomic_store(&S_memo(e)->drops, true);
  return S_publish(S_memo(e), x, q->hash);
}

const void *dg_gl_memo_keep(dg_engine *e, char kind, const char *key, const void *value, size_t size,
                            size_t cost, void (*drop)(void *)) {
  dg_gl_memo_asked q;
  if (!S_asked(e, kind, key, strlen(key), &q)) return NULL;
  return dg_gl_memo_keep_asked(e, &q, value, size, cost, drop);
}
