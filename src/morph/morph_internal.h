/* Shared internals of the morphology layer (morph.c, morph_analyze.c,
 * morph_classes.c, morph_feats.c, morph_variant.c, and through
 * compound_internal.h the compound splitter compound.c, compound_whole.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MORPH_INTERNAL_H
#define DG_MORPH_INTERNAL_H

#include <hunspell.h>
#include <pthread.h>
#include <string.h>

#include "morph.h"
#include "morph_data.h"
#include "util.h"

/* A string arena: strings handed out live until dg_morph_close. */
typedef struct dg_arena_block dg_arena_block;
typedef struct dg_arena {
  dg_arena_block *head;
} dg_arena;

const char *dg_arena_strndup(dg_arena *a, const char *s, size_t n);
/* size bytes, 8-byte aligned, uninitialised. */
void *dg_arena_alloc(dg_arena *a, size_t size);
void dg_arena_free(dg_arena *a);

/* A type cache: key bytes -> stored value.  Keys and values are copies in
 * the cache's own arena (no allocation per entry; clearing frees the
 * arena's blocks at once). */
typedef struct dg_cache_slot {
  const char *key;
  size_t keylen;
  uint64_t hash;           /* dg_cache_hash of the key */
  const void *value;
  size_t count;
} dg_cache_slot;
typedef struct dg_cache {
  dg_cache_slot *slots;
  /* Each slot's tag (dg_cache_tag of its hash; 0: empty), probed before
   * the slot: most look-ups are of new words, not there, and read 4 bytes
   * a slot of a compact array instead of 40 scattered over megabytes. */
  uint32_t *tags;
  size_t nslots, n;
  dg_arena mem;
} dg_cache;

/* The hash of the handle's own tables (the type caches, the interned
 * strings): eight bytes a step, where the file's FNV-1a (dg_hash64, fixed
 * by the data format) takes one; nothing outside the handle sees it. */
static inline uint64_t dg_morph_hash(const char *s, size_t n, uint64_t seed) {
  uint64_t h = seed ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL), w;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  if (i < n) {
    /* the last 1-7 bytes (the words before them unread again) */
    uint32_t a, b;
    size_t r = n - i;
    if (r >= 4) {
      memcpy(&a, s + i, 4);
      memcpy(&b, s + n - 4, 4);
    } else {
      a = (uint32_t)(unsigned char)s[i] | (uint32_t)(unsigned char)s[i + r / 2] << 8;
      b = (unsigned char)s[n - 1];
    }
    h = (h ^ ((uint64_t)a << 32 | b)) * 0xC4CEB9FE1A85EC53ULL;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h;
}

/* The hash a key is found and inserted by (computed once for both). */
static inline uint64_t dg_cache_hash(const char *key, size_t n) { return dg_morph_hash(key, n, 7); }
dg_cache_slot *dg_cache_find(dg_cache *c, const char *key, size_t n, uint64_t hash);
/* Insert (key must not be present) a copy of `value` (size bytes; NULL
 * when 0). */
dg_cache_slot *dg_cache_insert(dg_cache *c, const char *key, size_t n, uint64_t hash, const void *value,
                               size_t size, size_t count);
void dg_cache_clear(dg_cache *c);

/* The feature strings of the cell sets asked so far (morph_feats.c): as
 * many as the paradigm data has distinct cell sets, a few hundred. */
typedef struct dg_feats_slot {
  uint64_t key; /* 0: empty */
  const char *feats, *leipzig;
} dg_feats_slot;
typedef struct dg_feats_cache {
  dg_feats_slot *t;
  size_t slots, n;
} dg_feats_cache;

#define DG_MORPH_WORK_DEPTH 4

struct dg_morph {
  dg_morph_data data;
  bool data_borrowed;             /* a worker's: the base handle's mapping */
  struct dg_morph *hs_owner;      /* a worker's: the handle whose hunspell it uses */
  pthread_mutex_t hs_mu;          /* guards hs (the owner's) */
  Hunhandle *hs;                  /* created on first use (S_hs in morph.c) */
  char *hs_aff, *hs_dic;          /* its files, checked at open */
  bool hs_failed;                 /* Hunspell_create gave nothing */
  bool hs_latin1;                 /* dictionary in ISO-8859-1: convert */
  bool (*known)(void *ctx, const char *word);
  void *known_ctx;
  bool (*place)(void *ctx, const char *lemma); /* dg_morph_set_place */
  void *place_ctx;
  dg_arena arena;
  const char **iset;              /* interned arena strings (open addressing) */
  uint32_t *iset_hash;            /* ... their hashes' low 32 bits */
  size_t iset_slots, iset_n;
  dg_cache an_cache;              /* analyses */
  dg_cache split_cache;           /* compound splits */
  dg_feats_cache feats;           /* feature strings of cell sets (morph_feats.c) */
  dg_cache hs_cache;              /* hunspell's spell answers (count: 1 spelled) */
  dg_cache hs_shared;             /* the owner's: its workers' answers, under hs_mu */
  size_t lookups;
  dg_buf tmp;
  /* Work buffers kept from word to word, so that a new word's analysis
   * and split malloc none: dg_morph_analyze's at each depth of its
   * recursion (hyphen and compound heads, the lower-case reading;
   * deeper calls take buffers of their own), the splitter's for the
   * segment it searches (it does not recurse). */
  dg_buf an_work[DG_MORPH_WORK_DEPTH][3];
  int an_depth;
  dg_buf cmp_low, cmp_tmp;
  /* word classes of degloss.morph (morph_classes.c) */
  const char **particles;         /* sep-particle, longest first, NULL-terminated */
  size_t *particle_len;           /* their lengths in bytes */
  /* the particles starting with byte b: particles[particle_ix[t]] for t
   * from particle_at[b] to particle_at[b + 1], longest first */
  uint32_t *particle_ix, *particle_at;
  const char **links;             /* linking-element, in file order, NULL-terminated
                                   * (at most DG_MORPH_MAX_LINKS) */
  size_t *link_len;               /* their lengths in bytes */
  uint32_t link_first[256];       /* bit i: links[i] starts with this byte */
  const char **variants;          /* spelling-variant "from>to", in file order, NULL-terminated */
  uint32_t *class_ix;             /* open addressing over classes[]: index + 1, 0 empty */
  size_t class_mask;              /* slots - 1 */
};

/* An arena copy of s[0..n), shared with every equal string handed out
 * before (lemmas and feature strings repeat across forms). */
const char *dg_morph_intern(dg_morph *m, const char *s, size_t n);

/* The type caches hold at most this many forms each; past it they start
 * afresh (the strings handed out stay valid: they live in the arena). */
#define DG_MORPH_CACHE_MAX (1u << 20)
#define DG_MORPH_MAX_LINKS 32 /* linking elements used (dictionaries/word-classes.tsv has 8) */

/* Hunspell calls with encoding conversion. */
bool dg_morph_hs_spell(dg_morph *m, const char *word);
/* First stem hunspell gives (arena string) or NULL. */
const char *dg_morph_hs_stem(dg_morph *m, const char *word);

/* The key record of lower-cased word (n bytes), or NULL. */
const dg_morph_key *dg_morph_lookup(dg_morph *m, const char *word, size_t n);
/* Frequency rank of a lower-cased form (0 = unranked). */
unsigned dg_morph_rank(dg_morph *m, const char *lower, size_t n);
/* Is the lower-case word a participle (present or past) of some verb? */
bool dg_morph_is_participle(dg_morph *m, const char *s);
/* Ask the caller's predicate about a lemma. */
bool dg_morph_known_lemma(dg_morph *m, const char *lemma);
/* The lemma of a place-name reading of the lower-case form s (n bytes): a
 * name of the tables (Russland) or a noun the caller's predicate calls a
 * place (Polen, beside the plurals of Pole and Pol); NULL when none. */
const char *dg_morph_place_lemma(dg_morph *m, const char *s, size_t n);
/* Are the parts before the head (np parts of the lower-case word `low`)
 * compass points, stems without links (West|polen, Nordost|england)? */
bool dg_morph_compass_first(const dg_morph *m, const char *low, const dg_part *parts, size_t np);

/* Features: the UD FEATS and Leipzig label of a paradigm reading, as
 * interned strings (morph_feats.c keeps them per handle: equal cell sets
 * give the same pointers). */
void dg_feats_noun(dg_morph *m, uint64_t cells, int gender, const char **feats, const char **leipzig);
void dg_feats_adj(dg_morph *m, uint64_t cells, const char **feats, const char **leipzig);
/* Verbs: one reading per cell index (DG_VC_*). */
void dg_feats_verb(dg_morph *m, int cell, const char **feats, const char **leipzig);
void dg_feats_cache_free(dg_feats_cache *c);

/* Is `word` (n bytes, lower case) a separable verb particle? */
bool dg_morph_is_particle(const dg_morph *m, const char *word, size_t n);
/* dg_morph_classes_of with the word's table hash (dg_hash64, seed 0) known. */
dg_word_class dg_morph_classes_of_h(const dg_morph *m, const char *word, size_t n, uint64_t hash, dg_word_class cls);
/* Build and free m->particles and m->links from the mapped file. */
void dg_morph_classes_init(dg_morph *m);
void dg_morph_classes_free(dg_morph *m);

#endif
