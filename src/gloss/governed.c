/* The table of governed prepositions (governed.h): rows "governor
 * preposition gloss [case [governor's sense]]", found by a hash of the
 * pair, after a bit set of the governors' hashes has said the word may
 * govern one (most words a rule asks about govern none); a second bit set
 * says the same of the governors with a sense of their own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "governed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

typedef struct S_row {
  char *lemma, *prep, *gloss, *gcase;
  char *sense; /* the governor's English with this preposition, or NULL */
} S_row;

#define S_GOV_BITS 4096

struct dg_governed {
  S_row *rows;
  size_t nrows;
  size_t *slot; /* open addressing: row index + 1, 0 empty */
  size_t mask;
  uint64_t governors[S_GOV_BITS / 64]; /* bit of each governor's hash */
  uint64_t sensed[S_GOV_BITS / 64];    /* ... of each governor with a sense column */
  uint64_t noun_key;                   /* the key of the governor NOUN (any common noun) */
};

/* The hash of a governor, then of the pair (the first hash goes on into the
 * preposition's bytes). */
/* (dg_hash64(s, strlen(s), seed), folded up to the NUL: one walk of the
 * string, not two; the governors of most words asked are told by it) */
static inline uint64_t S_hash(const char *s, uint64_t seed) {
  uint64_t h = DG_HASH64_START ^ seed;
  for (const unsigned char *b = (const unsigned char *)s; *b; b++) h = dg_hash64_step(h, *b);
  return h;
}
static uint64_t S_gov_hash(const char *lemma) { return S_hash(lemma, 0); }
static size_t S_pair_hash(uint64_t gov, const char *prep) { return (size_t)S_hash(prep, gov); }
static size_t S_gov_bit(uint64_t gov) { return (size_t)(gov >> 52) & (S_GOV_BITS - 1); }

static void S_index(dg_governed *t) {
  size_t n = 16;
  while (n < 2 * t->nrows + 2) n *= 2;
  t->slot = dg_xcalloc(n, sizeof *t->slot);
  t->mask = n - 1;
  t->noun_key = S_gov_hash("NOUN");
  for (size_t r = 0; r < t->nrows; r++) {
    uint64_t g = S_gov_hash(t->rows[r].lemma);
    t->governors[S_gov_bit(g) / 64] |= 1ULL << (S_gov_bit(g) % 64);
    if (t->rows[r].sense) t->sensed[S_gov_bit(g) / 64] |= 1ULL << (S_gov_bit(g) % 64);
    size_t k = S_pair_hash(g, t->rows[r].prep) & t->mask;
    while (t->slot[k]) k = (k + 1) & t->mask;
    t->slot[k] = r + 1;
  }
}

dg_governed *dg_governed_load(const char *path, degloss_error *err) {
  bool missing;
  FILE *f = dg_table_open(path, "governed prepositions", &missing, err);
  if (!f && !missing) return NULL;
  dg_governed *t = dg_xcalloc(1, sizeof *t);
  if (f) {
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    while (dg_table_line(f, &line, &cap, &lineno)) {
      char *c[5];
      dg_table_cols(line, c, 5);
      if (strcmp(c[0], "governor") == 0) continue; /* header */
      if (!*c[0] || !c[1] || !*c[1] || !c[2] || !*c[2] || (c[4] && (!*c[4] || strchr(c[4], '\t')))) {
        dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1,
                "expected 'governor<TAB>preposition<TAB>gloss[<TAB>ACC|DAT[<TAB>governor's sense]]'");
        continue;
      }
      const char *gc = c[3] ? c[3] : "";
      if (*gc && strcmp(gc, "ACC") != 0 && strcmp(gc, "DAT") != 0) {
        dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "the case '%s' is neither ACC nor DAT", gc);
        continue;
      }
      t->rows = dg_xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
      t->rows[t->nrows++] =
          (S_row){dg_xstrdup(c[0]), dg_xstrdup(c[1]), dg_xstrdup(c[2]), dg_xstrdup(gc), c[4] ? dg_xstrdup(c[4]) : NULL};
    }
    free(line);
    fclose(f);
  }
  S_index(t);
  return t;
}

void dg_governed_free(dg_governed *t) {
  if (!t) return;
  for (size_t r = 0; r < t->nrows; r++) {
    free(t->rows[r].lemma);
    free(t->rows[r].prep);
    free(t->rows[r].gloss);
    free(t->rows[r].gcase);
    free(t->rows[r].sense);
  }
  free(t->rows);
  free(t->slot);
  free(t);
}

size_t dg_governed_count(const dg_governed *t) { return t ? t->nrows : 0; }

/* The row of the pair, or NULL (g: the lemma's key). */
static const S_row *S_find_by(const dg_governed *t, const char *lemma, uint64_t g, const char *prep) {
  if (!t || !t->nrows || !lemma || !*lemma || !prep || !*prep) return NULL;
  if (!((t->governors[S_gov_bit(g) / 64] >> (S_gov_bit(g) % 64)) & 1)) return NULL; /* no row's governor */
  for (size_t k = S_pair_hash(g, prep) & t->mask; t->slot[k]; k = (k + 1) & t->mask) {
    const S_row *r = &t->rows[t->slot[k] - 1];
    if (strcmp(r->lemma, lemma) == 0 && strcmp(r->prep, prep) == 0) return r;
  }
  return NULL;
}

static const S_row *S_find(const dg_governed *t, const char *lemma, const char *prep) {
  return lemma && *lemma ? S_find_by(t, lemma, S_gov_hash(lemma), prep) : NULL;
}

const char *dg_governed_gloss_by(const dg_governed *t, const char *lemma, uint64_t key, const char *prep,
                                 const char **gov_case) {
  const S_row *r = S_find_by(t, lemma, key, prep);
  if (!r) return NULL;
  *gov_case = r->gcase;
  return r->gloss;
}

const char *dg_governed_gloss(const dg_governed *t, const char *lemma, const char *prep, const char **gov_case) {
  return lemma && *lemma ? dg_governed_gloss_by(t, lemma, S_gov_hash(lemma), prep, gov_case) : NULL;
}

const char *dg_governed_noun_gloss(const dg_governed *t, const char *prep, const char **gov_case) {
  return t ? dg_governed_gloss_by(t, "NOUN", t->noun_key, prep, gov_case) : NULL;
}

unsigned dg_governed_may(const dg_governed *t, const char *lemma, uint64_t *key) {
  *key = 0;
  if (!t || !t->nrows || !lemma || !*lemma) return 0; /* (no row is found then) */
  uint64_t g = *key = S_gov_hash(lemma);
  size_t b = S_gov_bit(g);
  return (unsigned)((t->governors[b / 64] >> (b % 64)) & 1) * DG_GOVERNED_MAY_GOVERN |
         (unsigned)((t->sensed[b / 64] >> (b % 64)) & 1) * DG_GOVERNED_MAY_SENSE;
}

const char *dg_governed_sense(const dg_governed *t, const char *lemma, const char *prep) {
  const S_row *r = S_find(t, lemma, prep);
  return r ? r->sense : NULL;
}
