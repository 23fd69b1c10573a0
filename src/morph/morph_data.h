/* The compiled morphology file degloss.morph: layout shared by the compiler
 * (tools/morph-compile/morph-compile.c) and the reader (morph_data.c).  Internal.
 *
 * The payload (inside a dg_mapfile container of kind "MORPH", version
 * DG_MORPH_VERSION) is a header followed by these arrays, all little-endian
 * and 8-byte aligned:
 *   table[nslots]      the keys, one per distinct lower-cased word form,
 *                      in an open-addressing hash table (dg_morph_key:
 *                      16 bytes, four to a cache line, form 0 marks an
 *                      empty slot); nslots a power of two, hash dg_hash64
 *                      of the lower-cased form with seed 0, linear probing.
 *                      A look-up reads the key where it finds it: the
 *                      slot holds the hash's high 32 bits, the form, and
 *                      where its analyses are (no key index to follow)
 *   analyses[nanal]    (lemma, cells) pairs, grouped by key
 *   lemmas[nlemmas]
 *   strings[nstr]      NUL-terminated UTF-8 strings, offset 0 is ""
 *   classes[nclass]    word classes of the morphology (dg_morph_class, in
 *                      the order of dictionaries/word-classes.tsv, then the
 *                      confixes of first-parts.tsv; see src/lexicon/wordclass.h)
 *   filter[nfilter]    u64 words, nfilter a power of two (0: none): a Bloom
 *                      filter of the keys' hashes (dg_morph_filter_*), 512 KB
 *                      that stay in the cache where the 16 MB table cannot:
 *                      most forms the compound splitter asks about are no
 *                      words, and the filter says so without the table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MORPH_DATA_H
#define DG_MORPH_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "degloss.h"
#include "mapfile.h"
#include "wordclass.h"

#define DG_MORPH_KIND "MORPH"
#define DG_MORPH_VERSION 7u

/* Parts of speech of lemma records (UD UPOS). */
typedef enum {
  DG_POS_X = 0, DG_POS_NOUN, DG_POS_PROPN, DG_POS_VERB, DG_POS_AUX, DG_POS_ADJ,
  DG_POS_ADV, DG_POS_DET, DG_POS_PRON, DG_POS_ADP, DG_POS_CCONJ, DG_POS_SCONJ,
  DG_POS_PART, DG_POS_NUM, DG_POS_INTJ, DG_POS_PUNCT, DG_POS_SYM, DG_POS_COUNT
} dg_pos;

/* Gender codes of lemma records. */
enum { DG_GENDER_NONE = 0, DG_GENDER_MASC, DG_GENDER_FEM, DG_GENDER_NEUT };

/* Paradigm cells.  Nouns: bit (case * 2 + number) with case NOM ACC DAT GEN
 * and number SG PL.  Adjectives: bit (case * 12 + decl * 4 + g) with decl
 * weak, mixed, strong and g MASC FEM NEUT PL; bit DG_CELL_ADJ_PRED marks the
 * uninflected (predicative/adverbial) form; degree bits DG_CELL_CMP,
 * DG_CELL_SUP mark comparative and superlative.  Verbs: the DG_VC_* cells. */
enum {
  DG_VC_INF = 0, DG_VC_ZUINF, DG_VC_PTCP1, DG_VC_PTCP2,
  DG_VC_PRS = 4,    /* + person-number index 0..5 (1SG 2SG 3SG 1PL 2PL 3PL) */
  DG_VC_PST = 10,
  DG_VC_SBJV1 = 16,
  DG_VC_SBJV2 = 22,
  DG_VC_IMP_SG = 28, DG_VC_IMP_PL = 29,
  DG_VC_COUNT = 30
};
#define DG_CELL_ADJ_PRED 48
#define DG_CELL_CMP 49
#define DG_CELL_SUP 50

typedef struct dg_morph_header {
  uint32_t nkeys, nslots, nanal, nlemmas;
  uint64_t nstr;
  uint64_t off_table, off_anal, off_lemmas, off_str;
  uint32_t nclass, pad;
  uint64_t off_class;
  uint32_t nfilter, pad2;
  uint64_t off_filter;
} dg_morph_header;

/* The filter word of a form's hash h (mask: nfilter - 1) and the three
 * bits a key sets in it (from bits of h that neither the slot index nor
 * the word index use). */
static inline uint32_t dg_morph_filter_word(uint64_t h, uint32_t mask) { return (uint32_t)(h >> 20) & mask; }
static inline uint64_t dg_morph_filter_bits(uint64_t h) {
  return 1ULL << ((h >> 40) & 63) | 1ULL << ((h >> 46) & 63) | 1ULL << ((h >> 52) & 63);
}

typedef struct dg_morph_class {
  uint32_t word;       /* string offset */
  uint32_t len;        /* its length in bytes */
  uint64_t bits_lo, bits_hi; /* dg_word_class, its low and high 64 bits */
} dg_morph_class;
static inline dg_word_class dg_morph_class_bits(const dg_morph_class *c) {
  return dg_word_class_of(c->bits_lo, c->bits_hi);
}

typedef struct dg_morph_key {
  uint32_t tag;        /* the high 32 bits of the form's hash */
  uint32_t form;       /* string offset of the lower-cased form (0: empty slot) */
  uint32_t first;      /* first analysis */
  uint32_t rank : 24;  /* Wikipedia frequency rank, 0 = not ranked */
  uint32_t count : 8;  /* number of analyses */
} dg_morph_key;

/* Analysis flags. */
enum {
  DG_AF_JOINED = 1,    /* separable verb form with its particle attached */
  DG_AF_CLOSED = 2     /* closed-class entry with explicit feats/leipzig strings */
};

typedef struct dg_morph_anal {
  uint32_t lemma;      /* lemma index */
  uint32_t feats;      /* closed class: UD FEATS string offset, else 0 */
  uint32_t leipzig;    /* closed class: Leipzig label string offset, else 0 */
  uint8_t flags;       /* DG_AF_* */
  uint8_t pos;         /* closed class: dg_pos of this reading; else the lemma's */
  uint8_t pad[2];
  uint64_t cells;      /* paradigm cell mask */
} dg_morph_anal;

typedef struct dg_morph_lemma {
  uint32_t str;        /* string offset */
  uint32_t rank;       /* Wikipedia rank of the lower-cased lemma, 0 = unranked */
  uint8_t pos;         /* dg_pos */
  uint8_t gender;
  uint8_t particle;    /* separable particle length in bytes, 0 = none */
  uint8_t flags;       /* DG_LF_* */
} dg_morph_lemma;

/* Lemma flags. */
enum {
  DG_LF_HUNSPELL = 1,  /* from hunspell's word list, not the paradigm data */
  DG_LF_NOMINF = 2,    /* a nominalised infinitive (das Tagen, das Stunden) */
  DG_LF_DING = 4,      /* a noun only Ding lists (Karzinom, Vorlesung) */
  DG_LF_DING_READ = 8  /* ... long, no place name: a reading of a capitalised word */
};

/* A mapped, checked degloss.morph. */
typedef struct dg_morph_data {
  dg_mapfile mf;
  const dg_morph_header *hdr;
  const dg_morph_key *table;
  const dg_morph_anal *anal;
  const dg_morph_lemma *lemmas;
  const char *str;
  const dg_morph_class *classes;
  const uint64_t *filter;      /* NULL: none */
} dg_morph_data;

bool dg_morph_data_open(dg_morph_data *d, const char *path, degloss_error *err);
void dg_morph_data_close(dg_morph_data *d);
/* Is every index of every record inside the file (degloss --check-data)?
 * Look-ups check the records they follow; this checks all of them. */
bool dg_morph_data_check(const dg_morph_data *d, const char *path, degloss_error *err);
/* The key record of lower-cased `form` (n bytes), or NULL. */
const dg_morph_key *dg_morph_data_find(const dg_morph_data *d, const char *form, size_t n);
/* The same with the form's hash h (dg_hash64 with seed 0, or
 * dg_hash64_step folded over it from DG_HASH64_START). */
const dg_morph_key *dg_morph_data_find_h(const dg_morph_data *d, const char *form, size_t n, uint64_t h);

/* May the tables have a form whose hash is h?  (false: certainly not) */
static inline bool dg_morph_data_may_have(const dg_morph_data *d, uint64_t h) {
  if (!d->filter) return true;
  uint64_t bits = dg_morph_filter_bits(h);
  return (d->filter[dg_morph_filter_word(h, d->hdr->nfilter - 1)] & bits) == bits;
}

/* Warm the cache for a look-up of the form whose hash is h, in stages:
 * 0 its filter word, 1 (once that is in) its table slot unless the filter
 * rules the form out, 2 (once that is in) the key's string and first
 * analysis, 3 (once that is in) the first analysis's lemma record.  A
 * look-up costs a cache miss at each stage; a word's candidate parts
 * warmed stage by stage have their misses overlap instead of following one
 * another. */
static inline void dg_morph_data_prefetch(const dg_morph_data *d, uint64_t h, int stage) {
  if (!d->hdr) return;
  if (stage == 0) {
    if (d->filter) __builtin_prefetch(&d->filter[dg_morph_filter_word(h, d->hdr->nfilter - 1)]);
    return;
  }
  if (!dg_morph_data_may_have(d, h)) return;
  const dg_morph_key *k = &d->table[(uint32_t)h & (d->hdr->nslots - 1)];
  if (stage == 1) {
    __builtin_prefetch(k);
    return;
  }
  /* (only the first slot probed: most look-ups end there; the indices as
   * dg_morph_data_find checks them: the file may be damaged) */
  if (!k->form || k->tag != (uint32_t)(h >> 32) || k->first >= d->hdr->nanal) return;
  if (stage == 2) {
    if (k->form < d->hdr->nstr) __builtin_prefetch(d->str + k->form);
    __builtin_prefetch(&d->anal[k->first]);
    return;
  }
  if (d->anal[k->first].lemma < d->hdr->nlemmas) __builtin_prefetch(&d->lemmas[d->anal[k->first].lemma]);
}

/* The readings of key k (NULL: none) other than nouns only Ding lists,
 * which serve the compound splitter and nothing else. */
uint32_t dg_morph_key_readings(const dg_morph_data *d, const dg_morph_key *k);
/* Name of a dg_pos ("NOUN"), and the code of a name (DG_POS_X when unknown). */
const char *dg_pos_name(int pos);
int dg_pos_code(const char *name);

#endif
