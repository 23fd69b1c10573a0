/* The bilingual lexicon at run time: a mapped degloss.lex (see
 * src/lexicon/lexicon_format.h) plus an in-memory overlay of user glossaries that is
 * consulted first.  Every offset read from the file is bounds-checked, so a
 * damaged file can give wrong answers but never a crash.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "clean.h"
#include "lexicon.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_format.h"
#include "mapfile.h"
#include "util.h"
#include "thread_block.h"

typedef struct S_entry {
  char *lemma, *key, *gloss, *pos, *gender, *domains, *source;
  unsigned gen;          /* which glossary (later ones override earlier) */
  struct S_entry *next; /* chain in the overlay's bucket */
} S_entry;

struct dg_lexicon {
  atomic_size_t refs; /* the opener's and each keeping document's (dg_lexicon_keep) */
  dg_mapfile mf;
  char *path;
  const char *strings;
  uint32_t strings_len;
  const dg_lex_sense *senses, *closed;
  uint32_t n_senses, n_closed;
  const dg_lex_form *forms;
  uint32_t n_forms;
  const dg_lex_phrase *phrases;
  uint32_t n_phrases;
  const dg_lex_class *classes;
  uint32_t n_classes;
  const dg_lex_irregular *irregular;
  uint32_t n_irregular;
  const dg_lex_slot *tables[DG_LEX_NTABLES];
  uint32_t table_size[DG_LEX_NTABLES];
  const unsigned char *blocks; /* compiled phrase blocks, NULL when the file has none */
  uint32_t blocks_len;
  const unsigned char *block_at; /* u32 per phrase slot (little-endian) */
  /* glossary overlay */
  S_entry **buckets;
  size_t n_buckets, n_entries;
  unsigned n_glossaries;
  uint64_t id; /* unique in the process: the word-class cache's owner */
  uint64_t *cfilter; /* two bits per hash of the words with classes (S_CWORDS bits: S_cbits) */
  uint64_t *rfilter; /* the same for their hashes read from the end (S_rfnv) */
  /* Of each class (bit b of dg_word_class): the first bytes of its words
   * (bit c of cfirst[b]) and the length of its longest (dg_lexicon_class_filter). */
  uint64_t (*cfirst)[4];
  size_t *clongest;
  const char **pasts; /* the irregular verbs' past forms and participles that are not
                       * also their base, sorted (dg_lexicon_is_irregular_past) */
  size_t n_pasts;
  unsigned *closed_bits; /* dg_sense.bits of each closed-class row (S_closed_bits_init) */
  uint64_t *closed_filter; /* two bits per closed-class key in ASCII (S_closed_filter_init) */
};

/* Most words have no class: a bit set of their hashes answers "none"
 * without folding the word or probing the table.  The words' own filter
 * (cfilter), asked for nearly every word, sets two bits a word in 4 KB,
 * which the processor keeps at hand (with the lexicon's 800 words about
 * 1 in 400 false hits); the filter of their endings (rfilter) one bit a
 * word in S_CFILTER. */
#define S_CFILTER (1u << 18)
#define S_CWORDS_LOG 15
#define S_CWORDS (1u << S_CWORDS_LOG)

static uint32_t S_fnv(const char *s, size_t *len) {
  uint32_t h = 2166136261u;
  size_t n = 0;
  for (; s[n]; n++) h = (h ^ (unsigned char)s[n]) * 16777619u;
  *len = n;
  return h;
}

static size_t S_cbit(uint32_t h) { return (h ^ (h >> 15)) & (S_CFILTER - 1); }

/* The two bits of cfilter a word's hash sets, as one mask of each word. */
static void S_cbits(uint32_t h, size_t *b1, size_t *b2) {
  *b1 = (h ^ (h >> 16)) & (S_CWORDS - 1);
  *b2 = (uint32_t)(h * 0x9E3779B1u) >> (32 - S_CWORDS_LOG);
}

static bool S_cfilter_has(const uint64_t *f, uint32_t h) {
  size_t b1, b2;
  S_cbits(h, &b1, &b2);
  return (f[b1 / 64] & (1ULL << (b1 % 64))) && (f[b2 / 64] & (1ULL << (b2 % 64)));
}

/* One step of the hash of a string read from its end: the hash of s[i..]
 * from that of s[i+1..], so every ending of a word is hashed in one walk. */
static uint32_t S_rfnv_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

#define S_KEYMAX 256

static uint32_t S_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static bool S_section(uint64_t size, uint32_t off, uint64_t count, size_t rec) {
  return off % 4 == 0 && (uint64_t)off <= size && count * rec <= size - off;
}

static const char *S_str(const dg_lexicon *lex, uint32_t off);
/* A class record's bits (lexicon_format.h: four 32-bit words, lowest first). */
static dg_word_class S_class_bits(const dg_lex_class *r) {
  return dg_word_class_of((uint64_t)r->bits[0] | (uint64_t)r->bits[1] << 32,
                          (uint64_t)r->bits[2] | (uint64_t)r->bits[3] << 32);
}

static int S_strp_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The irregular verbs' past forms and participles ("found", "gone") that
 * are not also a base ("put", "cut", "lay" are), sorted for a binary
 * search: the English verb-form rules ask for nearly every verb gloss. */
static void S_pasts_init(dg_lexicon *lex) {
  lex->pasts = dg_xcalloc(2 * (size_t)lex->n_irregular + 1, sizeof *lex->pasts);
  for (uint32_t i = 0; i < lex->n_irregular; i++) {
    const dg_lex_irregular *r = &lex->irregular[i];
    const char *base = S_str(lex, r->base), *past = S_str(lex, r->past), *part = S_str(lex, r->participle);
    if (strcmp(past, base) != 0) lex->pasts[lex->n_pasts++] = past;
    if (strcmp(part, base) != 0) lex->pasts[lex->n_pasts++] = part;
  }
  qsort(lex->pasts, lex->n_pasts, sizeof *lex->pasts, S_strp_cmp);
  /* A past that is another irregular verb's base is that verb in a gloss,
   * which holds base forms: "lay out" (lie, lay; lay, laid) makes "laid
   * out". */
  const char **bases = dg_xcalloc((size_t)lex->n_irregular + 1, sizeof *bases);
  for (uint32_t i = 0; i < lex->n_irregular; i++) bases[i] = S_str(lex, lex->irregular[i].base);
  qsort(bases, lex->n_irregular, sizeof *bases, S_strp_cmp);
  size_t kept = 0;
  for (size_t i = 0; i < lex->n_pasts; i++)
    if (!bsearch(&lex->pasts[i], bases, lex->n_irregular, sizeof *bases, S_strp_cmp))
      lex->pasts[kept++] = lex->pasts[i];
  lex->n_pasts = kept;
  free(bases);
}

static const char *const S_ud_names[DG_UD_COUNT] = {
    NULL,   "",    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",  "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM",   "VERB", "X"};

const char *dg_lexicon_ud_name(unsigned code) { return code < DG_UD_COUNT ? S_ud_names[code] : NULL; }


/* The DG_LB_* bit of the label f[0..len), 0 for another. */
static unsigned S_label_bit(const char *f, size_t len) {
  static const struct {
    const char *label;
    unsigned bit;
  } labels[] = {{"M", DG_LB_M},       {"F", DG_LB_F},       {"N", DG_LB_N},         {"NOM", DG_LB_NOM},
                {"ACC", DG_LB_ACC},   {"DAT", DG_LB_DAT},   {"GEN", DG_LB_GEN},     {"SG", DG_LB_SG},
                {"PL", DG_LB_PL},     {"REL", DG_LB_REL},   {"INT", DG_LB_INT},     {"PTCL", DG_LB_PTCL},
                {"POSS", DG_LB_POSS}, {"POL", DG_LB_POL},   {"DEF", DG_LB_DEF},     {"SBJV2", DG_LB_SBJV2},
                {"DEM", DG_LB_DEM}};
  for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
    if (strlen(labels[k].label) == len && memcmp(labels[k].label, f, len) == 0) return labels[k].bit;
  return 0;
}

/* dg_sense.bits of a closed-class reading (lexicon.h): the labels walked
 * once, piece by piece. */
static unsigned S_reading_bits(const char *pos, const char *labels, const char *gloss) {
  unsigned bits = dg_lexicon_ud_code(pos) << DG_LB_POS_SHIFT;
  for (const char *f = labels;;) {
    const char *p = f;
    while (*p && !strchr(".-+|/", *p)) p++;
    if (*p != '+') bits |= S_label_bit(f, (size_t)(p - f));
    if (!*p) break;
    f = p + 1;
  }
  if (strstr(labels, "+ACC")) bits |= DG_LB_GOV_ACC;
  if (strstr(labels, "+DAT")) bits |= DG_LB_GOV_DAT;
  if (strstr(labels, "+GEN")) bits |= DG_LB_GOV_GEN;
  if (strchr(gloss, '/')) bits |= DG_LB_GLOSS_ALT;
  return bits;
}

/* Most words a text asks the closed classes about are none of theirs:
 * a bit set answers "none" for a word in ASCII (most words) without
 * folding it into a buffer, hashing it byte by byte and probing the
 * table.  Two bits a key in S_CWORDS (4 KB) of the hash of the key as
 * folded, which dg_lexicon_fold_hash_ascii makes of a word in ASCII while
 * it folds it (eight bytes at a time, in registers).  A key not in ASCII is no fold
 * of a word in ASCII: it sets no bit, and a word not in ASCII is looked
 * up as before. */
static bool S_closed_filter_has(const uint64_t *f, uint64_t h) {
  size_t b1 = h & (S_CWORDS - 1), b2 = (h >> 32) & (S_CWORDS - 1);
  return (f[b1 / 64] >> (b1 % 64) & 1) && (f[b2 / 64] >> (b2 % 64) & 1);
}
static void S_closed_filter_init(dg_lexicon *lex) {
  const dg_lex_slot *slots = lex->tables[DG_LEX_T_CLOSED];
  if (!slots) return;
  lex->closed_filter = dg_xcalloc(S_CWORDS / 64, sizeof *lex->closed_filter);
  for (uint32_t i = 0; i < lex->table_size[DG_LEX_T_CLOSED]; i++) {
    if (slots[i].key == DG_LEX_EMPTY) continue;
    const char *k = S_str(lex, slots[i].key);
    uint64_t h;
    size_t n = strlen(k);
    if (!n || !dg_lexicon_fold_hash_ascii(k, n, &h)) continue;
    size_t b1 = h & (S_CWORDS - 1), b2 = (h >> 32) & (S_CWORDS - 1);
    lex->closed_filter[b1 / 64] |= 1ULL << (b1 % 64);
    lex->closed_filter[b2 / 64] |= 1ULL << (b2 % 64);
  }
}

static void S_closed_bits_init(dg_lexicon *lex) {
  lex->closed_bits = dg_xcalloc(lex->n_closed + 1, sizeof *lex->closed_bits);
  for (uint32_t i = 0; i < lex->n_closed; i++) {
    const dg_lex_sense *r = &lex->closed[i];
    lex->closed_bits[i] = S_reading_bits(S_str(lex, r->pos), S_str(lex, r->labels), S_str(lex, r->gloss));
  }
}

dg_lexicon *dg_lexicon_open(const char *path, degloss_error *err) {
  return dg_lexicon_open_checked(path, false, err);
}

dg_lexicon *dg_lexicon_open_checked(const char *path, bool checksum, degloss_error *err) {
  dg_lexicon *lex = dg_xcalloc(1, sizeof *lex);
  atomic_init(&lex->refs, 1);
  static atomic_uint_fast64_t ids = 1;
  lex->id = atomic_fetch_add(&ids, 1);
  if (!dg_mapfile_open(&lex->mf, path, DG_LEX_KIND, DG_LEX_VERSION, checksum, err)) {
    free(lex);
    return NULL;
  }
  lex->path = dg_xstrdup(path);
  const unsigned char *p = lex->mf.payload;
  uint64_t size = lex->mf.size;
  const char *problem = NULL;
  if (size < sizeof(dg_lex_head)) {
    problem = "lexicon payload too small";
  } else {
    dg_lex_head h;
    uint32_t *w = (uint32_t *)&h;
    for (size_t i = 0; i < sizeof h / 4; i++) w[i] = S_u32(p + 4 * i);
    if (!S_section(size, h.strings_off, h.strings_len, 1) || h.strings_len == 0 ||
        p[h.strings_off + h.strings_len - 1] != '\0' || p[h.strings_off] != '\0')
      problem = "lexicon string section damaged";
    else if (!S_section(size, h.senses_off, h.n_senses, sizeof(dg_lex_sense)) ||
             !S_section(size, h.closed_off, h.n_closed, sizeof(dg_lex_sense)) ||
             !S_section(size, h.forms_off, h.n_forms, sizeof(dg_lex_form)) ||
             !S_section(size, h.phrases_off, h.n_phrases, sizeof(dg_lex_phrase)) ||
             !S_section(size, h.classes_off, h.n_classes, sizeof(dg_lex_class)) ||
             !S_section(size, h.irregular_off, h.n_irregular, sizeof(dg_lex_irregular)))
      problem = "lexicon record section out of bounds";
    for (int t = 0; !problem && t < DG_LEX_NTABLES; t++) {
      uint32_t n = h.table_size[t];
      if (n == 0 || (n & (n - 1)) != 0 || !S_section(size, h.table_off[t], n, sizeof(dg_lex_slot)))
        problem = "lexicon hash table damaged";
    }
    if (!problem && h.n_block_at &&
        (h.n_block_at != h.table_size[DG_LEX_T_PHRASES] || h.blocks_off % 8 != 0 ||
         !S_section(size, h.blocks_off, h.blocks_len, 1) || !S_section(size, h.block_at_off, h.n_block_at, 4)))
      problem = "lexicon phrase blocks damaged";
    if (!problem) {
      lex->strings = (const char *)p + h.strings_off;
      lex->strings_len = h.strings_len;
      lex->senses = (const dg_lex_sense *)(p + h.senses_off);
      lex->n_senses = h.n_senses;
      lex->closed = (const dg_lex_sense *)(p + h.closed_off);
      lex->n_closed = h.n_closed;
      lex->forms = (const dg_lex_form *)(p + h.forms_off);
      lex->n_forms = h.n_forms;
      lex->phrases = (const dg_lex_phrase *)(p + h.phrases_off);
      lex->n_phrases = h.n_phrases;
      lex->classes = (const dg_lex_class *)(p + h.classes_off);
      lex->n_classes = h.n_classes;
      lex->irregular = (const dg_lex_irregular *)(p + h.irregular_off);
      lex->n_irregular = h.n_irregular;
      for (int t = 0; t < DG_LEX_NTABLES; t++) {
        lex->tables[t] = (const dg_lex_slot *)(p + h.table_off[t]);
        lex->table_size[t] = h.table_size[t];
      }
      if (h.n_block_at) {
        lex->blocks = p + h.blocks_off;
        lex->blocks_len = h.blocks_len;
        lex->block_at = p + h.block_at_off;
      }
    }
  }
  if (problem) {
    dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0, "%s; rebuild it", problem);
    dg_lexicon_close(lex);
    return NULL;
  }
  dg_mapfile_remember(&lex->mf);
  lex->cfilter = dg_xcalloc(S_CWORDS / 64, sizeof *lex->cfilter);
  lex->rfilter = dg_xcalloc(S_CFILTER / 64, sizeof *lex->rfilter);
  lex->cfirst = dg_xcalloc(DG_WC_MAX, sizeof *lex->cfirst);
  lex->clongest = dg_xcalloc(DG_WC_MAX, sizeof *lex->clongest);
  for (uint32_t i = 0; i < lex->n_classes; i++) {
    size_t n;
    uint32_t off = lex->classes[i].word;
    const char *w = off < lex->strings_len ? lex->strings + off : "";
    size_t b, b2;
    S_cbits(S_fnv(w, &n), &b, &b2);
    dg_word_class bits = S_class_bits(&lex->classes[i]);
    unsigned char c0 = (unsigned char)w[0];
    for (; bits; bits &= bits - 1) {
      int k = dg_word_class_first(bits);
      lex->cfirst[k][c0 / 64] |= 1ULL << (c0 % 64);
      if (n > lex->clongest[k]) lex->clongest[k] = n;
    }
    lex->cfilter[b / 64] |= 1ULL << (b % 64);
    lex->cfilter[b2 / 64] |= 1ULL << (b2 % 64);
    uint32_t rh = 2166136261u;
    for (size_t k = n; k > 0; k--) rh = S_rfnv_step(rh, (unsigned char)w[k - 1]);
    b = S_cbit(rh);
    lex->rfilter[b / 64] |= 1ULL << (b % 64);
  }
  S_pasts_init(lex);
  S_closed_bits_init(lex);
  S_closed_filter_init(lex);
  return lex;
}

dg_lexicon *dg_lexicon_open_default(degloss_error *err) {
  char *path = dg_path_join(degloss_data_dir(), DG_LEXICON_FILE);
  dg_lexicon *lex = dg_lexicon_open(path, err);
  free(path);
  return lex;
}

bool dg_lexicon_verify(const dg_lexicon *lex, degloss_error *err) {
  return dg_mapfile_verify(&lex->mf, lex->path, err);
}

const char *dg_lexicon_path(const dg_lexicon *lex) { return lex->path; }

static void S_entry_free(S_entry *e) {
  free(e->lemma);
  free(e->key);
  free(e->gloss);
  free(e->pos);
  free(e->gender);
  free(e->domains);
  free(e->source);
  free(e);
}

dg_lexicon *dg_lexicon_keep(const dg_lexicon *lex) {
  dg_lexicon *l = (dg_lexicon *)(uintptr_t)lex;
  if (l) atomic_fetch_add_explicit(&l->refs, 1, memory_order_relaxed);
  return l;
}

bool dg_lexicon_holds(const dg_lexicon *lex, const void *p) {
  const char *c = p, *b = lex->mf.base;
  return c >= b && c < b + lex->mf.map_len;
}

const void *dg_lexicon_bytes(const dg_lexicon *lex, size_t *len) {
  *len = lex->mf.map_len;
  return lex->mf.base;
}

void dg_lexicon_close(dg_lexicon *lex) {
  if (!lex) return;
  if (atomic_fetch_sub_explicit(&lex->refs, 1, memory_order_acq_rel) > 1) return;
  for (size_t i = 0; i < lex->n_buckets; i++)
    for (S_entry *e = lex->buckets[i], *n; e; e = n) {
      n = e->next;
      S_entry_free(e);
    }
  free(lex->buckets);
  free(lex->cfilter);
  free(lex->rfilter);
  free(lex->cfirst);
  free(lex->clongest);
  free(lex->pasts);
  free(lex->closed_bits);
  free(lex->closed_filter);
  dg_mapfile_close(&lex->mf);
  free(lex->path);
  free(lex);
}

/* ---- lookups in the mapped file ---- */

static const char *S_str(const dg_lexicon *lex, uint32_t off) {
  return off < lex->strings_len ? lex->strings + off : "";
}

/* A word folded for look-up (S_key), with its length and its hash (the
 * same in every table and in the overlay). */
typedef struct S_lkey {
  char s[S_KEYMAX];
  size_t len;
  uint64_t hash;
} S_lkey;

/* The group of records of table t for the folded key; false if none. */
static bool S_find_slot(const dg_lexicon *lex, int t, const S_lkey *key, uint32_t nrec, uint32_t *start,
                        uint32_t *count, uint32_t *slot) {
  const dg_lex_slot *slots = lex->tables[t];
  if (!slots) return false;
  uint32_t mask = lex->table_size[t] - 1;
  uint32_t i = (uint32_t)key->hash & mask, tag = dg_lex_slot_tag(key->hash);
  for (uint32_t probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
    if (slots[i].key == DG_LEX_EMPTY) return false;
    /* (most probes meet another key: its tag tells, and its string is not
     * read) */
    if ((slots[i].count & ~DG_LEX_COUNT_MASK) != tag) continue;
    if (strcmp(S_str(lex, slots[i].key), key->s) == 0) {
      uint32_t s = slots[i].start, c = slots[i].count & DG_LEX_COUNT_MASK;
      if (s > nrec || c > nrec - s) return false; /* damaged slot */
      *start = s;
      *count = c;
      *slot = i;
      return true;
    }
  }
  return false;
}

static bool S_find(const dg_lexicon *lex, int t, const S_lkey *key, uint32_t nrec, uint32_t *start,
                   uint32_t *count) {
  uint32_t slot;
  return S_find_slot(lex, t, key, nrec, start, count, &slot);
}

/* Fold into k; false if the word is empty or too long to be a key. */
static bool S_key(const char *word, S_lkey *k) {
  if (!word || !*word) return false;
  k->len = dg_lexicon_fold_buf(word, k->s, S_KEYMAX);
  if (k->len >= S_KEYMAX) return false;
  k->hash = dg_lex_hash(k->s, k->len);
  return true;
}

static void S_fill(const dg_lexicon *lex, const dg_lex_sense *r, dg_sense *o) {
  o->lemma = S_str(lex, r->lemma);
  o->gloss = S_str(lex, r->gloss);
  o->pos = S_str(lex, r->pos);
  o->gender = S_str(lex, r->gender);
  o->domains = S_str(lex, r->domains);
  o->labels = S_str(lex, r->labels);
  o->source = S_str(lex, r->source);
  o->score = r->score;
  o->bits = 0;
}

static size_t S_bucket(const dg_lexicon *lex, uint64_t hash) { return (size_t)hash & (lex->n_buckets - 1); }

/* Is the file's string at `off` the string s?  The rows of a lemma mostly
 * share their lemma's and their part of speech's strings, which the file
 * stores once: the answer for the offset asked last is kept in *last. */
typedef struct S_same {
  uint32_t off;
  bool eq;
} S_same;

/* (nothing asked yet: UINT32_MAX is past every string, which S_str reads
 * as "") */
static S_same S_same_init(const char *s) { return (S_same){UINT32_MAX, s[0] == '\0'}; }

static bool S_same_str(const dg_lexicon *lex, S_same *last, uint32_t off, const char *s) {
  if (off != last->off) {
    const char *a = S_str(lex, off);
    last->off = off;
    last->eq = a[0] == s[0] && strcmp(a, s) == 0;
  }
  return last->eq;
}

/* A lemma's senses are asked for several times in a row, with one part
 * of speech and another and none (word.c's S_senses): each thread keeps
 * the key of the lemma it asked for last, folded and hashed, and where its
 * rows are in the mapped file (which does not change; the overlay is read
 * afresh each time). */
typedef struct S_last_key {
  uint64_t lex_id; /* 0: none yet */
  char word[S_KEYMAX];
  S_lkey key;
  bool found;
  uint32_t start, count;
} S_last_key;

static _Thread_local S_last_key S_last;

/* The key of `word` (NULL: no key; a word too long to be kept is folded
 * into *own) and its group of senses (*found). */
static const S_lkey *S_sense_key(const dg_lexicon *lex, const char *word, S_lkey *own, bool *found,
                                 uint32_t *start, uint32_t *count) {
  S_last_key *l = &S_last;
  if (l->lex_id != lex->id || strcmp(l->word, word) != 0) {
    size_t n = strlen(word);
    if (n >= S_KEYMAX) {
      if (!S_key(word, own)) return NULL;
      *found = S_find(lex, DG_LEX_T_SENSES, own, lex->n_senses, start, count);
      return own;
    }
    l->lex_id = 0;
    if (!S_key(word, &l->key)) return NULL;
    l->found = S_find(lex, DG_LEX_T_SENSES, &l->key, lex->n_senses, &l->start, &l->count);
    memcpy(l->word, word, n + 1);
    l->lex_id = lex->id;
  }
  *found = l->found;
  *start = l->start;
  *count = l->count;
  return &l->key;
}

size_t dg_lexicon_senses(const dg_lexicon *lex, const char *lemma, const char *pos,
                         dg_sense *out, size_t max) {
  if (!lex || !lemma) return 0;
  bool found;
  uint32_t start, count;
  S_lkey own;
  /* (S_last is this thread's: no other call changes it meanwhile) */
  const S_lkey *key = S_sense_key(lex, lemma, &own, &found, &start, &count);
  if (!key) return 0;
  size_t n = 0;
  /* the overlay: exact lemma first, then other case variants */
  if (lex->n_buckets) {
    for (int pass = 0; pass < 2; pass++)
      for (S_entry *e = lex->buckets[S_bucket(lex, key->hash)]; e; e = e->next) {
        if (strcmp(e->key, key->s) != 0 || (pos && strcmp(pos, e->pos) != 0)) continue;
        if ((strcmp(e->lemma, lemma) == 0) != (pass == 0)) continue;
        if (n < max) {
          dg_sense *o = &out[n];
          o->lemma = e->lemma;
          o->gloss = e->gloss;
          o->pos = e->pos;
          o->gender = e->gender;
          o->domains = e->domains;
          o->labels = "";
          o->source = e->source;
          o->score = 1000.0f;
          o->bits = 0;
        }
        n++;
      }
  }
  if (!found) return n;
  /* with a POS: senses of that POS; when there are none, senses whose POS
   * the dictionary does not give (X) */
  size_t before = n;
  /* (without a POS every row counts, each once: when out is full, the
   * count is known without reading the rest) */
  if (!pos && n >= max) return n + count;
  S_same same_lemma = S_same_init(lemma);
  for (int round = 0; round < 2; round++) {
    const char *want = round == 0 ? pos : "X";
    if (round == 1 && (!pos || n > before || strcmp(pos, "X") == 0)) break;
    S_same same_pos = S_same_init(want ? want : "");
    /* The rows spelt as the lemma first, then the others (its other case
     * spellings), each in the file's order: one walk, which keeps the
     * places of the others that are filled after it (at most S_LATER:
     * with room for more, a second walk for them). */
    enum { S_LATER = 16 };
    uint32_t later[S_LATER];
    size_t nlater = 0, others = 0;
    bool walk_again = max > S_LATER;
    for (uint32_t i = start; i < start + count; i++) {
      const dg_lex_sense *r = &lex->senses[i];
      if (want && !S_same_str(lex, &same_pos, r->pos, want)) continue;
      if (!S_same_str(lex, &same_lemma, r->lemma, lemma)) {
        if (!walk_again && nlater < S_LATER) later[nlater++] = i;
        others++;
        continue;
      }
      if (n < max) S_fill(lex, r, &out[n]);
      n++;
      if (!pos && n >= max) return before + count;
    }
    if (walk_again) {
      for (uint32_t i = start; i < start + count; i++) {
        const dg_lex_sense *r = &lex->senses[i];
        if (want && !S_same_str(lex, &same_pos, r->pos, want)) continue;
        if (S_same_str(lex, &same_lemma, r->lemma, lemma)) continue;
        if (n < max) S_fill(lex, r, &out[n]);
        n++;
        if (!pos && n >= max) return before + count;
      }
      continue;
    }
    /* (the others past the first S_LATER are past max: only counted) */
    for (size_t k = 0; k < nlater; k++) {
      if (n < max) S_fill(lex, &lex->senses[later[k]], &out[n]);
      n++;
      if (!pos && n >= max) return before + count;
    }
    n += others - nlater;
  }
  return n;
}

size_t dg_lexicon_closed(const dg_lexicon *lex, const char *form, dg_sense *out, size_t max) {
  S_lkey key;
  uint32_t start, count;
  if (!lex || !form) return 0;
  size_t n = strlen(form);
  uint64_t h;
  if (lex->closed_filter && n && dg_lexicon_fold_hash_ascii(form, n, &h) && !S_closed_filter_has(lex->closed_filter, h)) return 0;
  if (!S_key(form, &key) || !S_find(lex, DG_LEX_T_CLOSED, &key, lex->n_closed, &start, &count)) return 0;
  for (uint32_t i = 0; i < count && i < max; i++) {
    S_fill(lex, &lex->closed[start + i], &out[i]);
    out[i].bits = lex->closed_bits[start + i];
  }
  return count;
}

/* Is `word` a headword of the mapped file exactly as written? */
static bool S_is_headword(const dg_lexicon *lex, const char *word) {
  S_lkey key;
  uint32_t start, count;
  if (!S_key(word, &key) || !S_find(lex, DG_LEX_T_SENSES, &key, lex->n_senses, &start, &count))
    return false;
  for (uint32_t i = start; i < start + count; i++)
    if (strcmp(S_str(lex, lex->senses[i].lemma), word) == 0) return true;
  return false;
}

size_t dg_lexicon_form_lemmas(const dg_lexicon *lex, const char *form, const char **out,
                              size_t max) {
  S_lkey key;
  uint32_t start, count;
  if (!lex || !S_key(form, &key) ||
      !S_find(lex, DG_LEX_T_FORMS, &key, lex->n_forms, &start, &count))
    return 0;
  size_t n = 0;
  for (int pass = 0; pass < 2; pass++) {
    /* other spellings only when the word is no form or headword as written:
     * "Schritt" is a noun, not "schritt" of schreiten */
    if (pass == 1 && (n > 0 || S_is_headword(lex, form))) break;
    for (uint32_t i = start; i < start + count; i++) {
      const dg_lex_form *r = &lex->forms[i];
      if ((strcmp(S_str(lex, r->form), form) == 0) != (pass == 0)) continue;
      const char *lemma = S_str(lex, r->lemma);
      bool dup = false;
      for (size_t k = 0; k < n && k < max; k++)
        if (strcmp(out[k], lemma) == 0) dup = true;
      if (dup) continue;
      if (n < max) out[n] = lemma;
      n++;
    }
  }
  return n;
}

size_t dg_lexicon_phrases(const dg_lexicon *lex, const char *key_in, dg_phrase *out,
                          size_t max) {
  S_lkey key;
  uint32_t start, count;
  if (!lex || !S_key(key_in, &key) ||
      !S_find(lex, DG_LEX_T_PHRASES, &key, lex->n_phrases, &start, &count))
    return 0;
  for (uint32_t i = 0; i < count && i < max; i++) {
    const dg_lex_phrase *r = &lex->phrases[start + i];
    out[i].german = S_str(lex, r->german);
    out[i].gloss = S_str(lex, r->gloss);
    out[i].source = S_str(lex, r->source);
  }
  return count;
}

bool dg_lexicon_phrase_block(const dg_lexicon *lex, const char *key_in, const void **block, size_t *len) {
  *block = NULL;
  *len = 0;
  S_lkey key;
  if (!lex || !lex->blocks || !S_key(key_in, &key) || strcmp(key.s, key_in) != 0) return false;
  uint32_t start, count, slot;
  if (!S_find_slot(lex, DG_LEX_T_PHRASES, &key, lex->n_phrases, &start, &count, &slot)) return true;
  uint32_t at = S_u32(lex->block_at + 4 * (size_t)slot);
  if (at == DG_LEX_EMPTY) return true;
  if (at % 8 != 0 || at >= lex->blocks_len) return false; /* damaged: compiled afresh */
  *block = lex->blocks + at;
  *len = lex->blocks_len - at;
  return true;
}

size_t dg_lexicon_phrase_slots(const dg_lexicon *lex) { return lex ? lex->table_size[DG_LEX_T_PHRASES] : 0; }

const char *dg_lexicon_phrase_slot_key(const dg_lexicon *lex, size_t i) {
  const dg_lex_slot *slots = lex->tables[DG_LEX_T_PHRASES];
  if (i >= lex->table_size[DG_LEX_T_PHRASES] || slots[i].key == DG_LEX_EMPTY) return NULL;
  return S_str(lex, slots[i].key);
}

bool dg_lexicon_contains(const dg_lexicon *lex, const char *word) {
  S_lkey key;
  if (!lex || !S_key(word, &key)) return false;
  if (lex->n_buckets)
    for (S_entry *e = lex->buckets[S_bucket(lex, key.hash)]; e; e = e->next)
      if (strcmp(e->key, key.s) == 0) return true;
  uint32_t s, c;
  return S_find(lex, DG_LEX_T_SENSES, &key, lex->n_senses, &s, &c) ||
         S_find(lex, DG_LEX_T_FORMS, &key, lex->n_forms, &s, &c) ||
         S_find(lex, DG_LEX_T_CLOSED, &key, lex->n_closed, &s, &c);
}

/* ---- word classes and English verb forms ---- */

/* The rules ask for the word classes of the same few hundred words over and
 * over (every pass, every sentence): each thread keeps the answers for the
 * words it asked last, short words only, for one lexicon at a time (the
 * classes come from the mapped file alone, which does not change). */
#define S_NEAR 2048
#define S_NEAR_KEY 24
typedef struct S_near {
  struct {
    dg_word_class bits;
    uint32_t hash;
    char key[S_NEAR_KEY]; /* "" when empty */
  } v[S_NEAR];
} S_near;

static dg_thread_block S_near_block = DG_THREAD_BLOCK_INIT;
static _Thread_local dg_thread_block_last S_near_last;

static S_near *S_near_of(const dg_lexicon *lex) {
  return dg_thread_block_get_last(&S_near_block, &S_near_last, lex->id, sizeof(S_near));
}

static dg_word_class S_classes(const dg_lexicon *lex, const char *word);

dg_word_class dg_lexicon_classes(const dg_lexicon *lex, const char *word) {
  if (!lex || !word || !*word) return S_classes(lex, word);
  size_t n;
  uint32_t h = S_fnv(word, &n);
  if (lex->cfilter && !S_cfilter_has(lex->cfilter, h)) return 0;
  S_near *t = n < S_NEAR_KEY ? S_near_of(lex) : NULL;
  if (!t) return S_classes(lex, word);
  size_t i = (h ^ (h >> 16)) & (S_NEAR - 1);
  if (t->v[i].hash == h && memcmp(t->v[i].key, word, n + 1) == 0) return t->v[i].bits;
  dg_word_class b = S_classes(lex, word);
  t->v[i].bits = b;
  t->v[i].hash = h;
  memcpy(t->v[i].key, word, n + 1);
  return b;
}

static dg_word_class S_classes(const dg_lexicon *lex, const char *word) {
  S_lkey key;
  uint32_t start, count;
  if (!lex || !S_key(word, &key) ||
      !S_find(lex, DG_LEX_T_CLASSES, &key, lex->n_classes, &start, &count))
    return 0;
  for (uint32_t i = start; i < start + count; i++) {
    const dg_lex_class *r = &lex->classes[i];
    if (strcmp(S_str(lex, r->word), word) == 0)
      return S_class_bits(r);
  }
  return 0;
}

bool dg_lexicon_is(const dg_lexicon *lex, const char *word, dg_word_class cls) {
  return (dg_lexicon_classes(lex, word) & cls) != 0;
}

void dg_lexicon_class_filter(const dg_lexicon *lex, dg_word_class cls, dg_lexicon_filter *f) {
  if (!lex || !lex->cfirst) {
    memset(f->first, 0xFF, sizeof f->first);
    f->longest = SIZE_MAX;
    return;
  }
  memset(f->first, 0, sizeof f->first);
  f->longest = 0;
  for (; cls; cls &= cls - 1) {
    int k = dg_word_class_first(cls);
    for (size_t q = 0; q < 4; q++) f->first[q] |= lex->cfirst[k][q];
    if (lex->clongest[k] > f->longest) f->longest = lex->clongest[k];
  }
}

bool dg_lexicon_ends_in_class(const dg_lexicon *lex, const char *word, dg_word_class cls) {
  if (!word) return false;
  if (!lex || !lex->rfilter) {
    for (const char *p = word; *p; p++)
      if (((unsigned char)*p & 0xC0) != 0x80 && dg_lexicon_is(lex, p, cls)) return true;
    return false;
  }
  /* (the endings read from the end, each asked for only when a word with
   * classes ends so: its bit in rfilter; the longest ending first, as the
   * walk from the start asked) */
  size_t n = strlen(word);
  uint32_t rh = 2166136261u;
  uint64_t hit[4] = {0}; /* (bit k: the ending at byte k may be one) */
  size_t lim = n < 256 ? n : 256;
  for (size_t k = n; k > 0; k--) {
    rh = S_rfnv_step(rh, (unsigned char)word[k - 1]);
    size_t b = S_cbit(rh);
    if (k - 1 < lim && (lex->rfilter[b / 64] & (1ULL << (b % 64)))) hit[(k - 1) / 64] |= 1ULL << ((k - 1) % 64);
  }
  for (size_t k = 0; k < n; k++) {
    if (((unsigned char)word[k] & 0xC0) == 0x80) continue;
    if (k < lim && !(hit[k / 64] & (1ULL << (k % 64)))) continue;
    if (dg_lexicon_is(lex, word + k, cls)) return true;
  }
  return false;
}

bool dg_lexicon_english_irregular(const dg_lexicon *lex, const char *verb, const char **past,
                                  const char **participle) {
  S_lkey key;
  uint32_t start, count;
  if (!lex || !S_key(verb, &key) ||
      !S_find(lex, DG_LEX_T_IRREGULAR, &key, lex->n_irregular, &start, &count))
    return false;
  for (uint32_t i = start; i < start + count; i++) {
    const dg_lex_irregular *r = &lex->irregular[i];
    if (strcmp(S_str(lex, r->base), verb) != 0) continue;
    if (past) *past = S_str(lex, r->past);
    if (participle) *participle = S_str(lex, r->participle);
    return true;
  }
  return false;
}

bool dg_lexicon_is_irregular_past(const dg_lexicon *lex, const char *word) {
  if (!lex || !lex->n_pasts) return false;
  return bsearch(&word, lex->pasts, lex->n_pasts, sizeof *lex->pasts, S_strp_cmp) != NULL;
}

size_t dg_lexicon_irregular_count(const dg_lexicon *lex) { return lex ? lex->n_irregular : 0; }

void dg_lexicon_irregular_at(const dg_lexicon *lex, size_t i, const char **base, const char **past,
                             const char **participle) {
  const dg_lex_irregular *r = &lex->irregular[i];
  *base = S_str(lex, r->base);
  *past = S_str(lex, r->past);
  *participle = S_str(lex, r->participle);
}

/* ---- the glossary overlay ---- */

static const char *const S_ud[] = {"NOUN", "VERB", "ADJ",  "ADV",   "ADP",  "DET", "PRON", "CCONJ",
                                   "SCONJ", "PART", "AUX", "NUM", "PROPN", "INTJ", "X",   NULL};

static char *S_trim(char *s) {
  while (*s == ' ') s++;
  size_t l = strlen(s);
  while (l && (s[l - 1] == ' ' || s[l - 1] == '\r')) s[--l] = '\0';
  return s;
}

static void S_overlay_grow(dg_lexicon *lex) {
  if (lex->n_buckets && lex->n_entries < lex->n_buckets) return;
  size_t nb = lex->n_buckets ? lex->n_buckets * 2 : 64;
  S_entry **b = dg_xcalloc(nb, sizeof *b);
  size_t old = lex->n_buckets;
  S_entry **ob = lex->buckets;
  lex->buckets = b;
  lex->n_buckets = nb;
  /* keep chain order: re-insert each chain from its tail */
  S_entry **stack = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < old; i++) {
    size_t depth = 0;
    for (S_entry *e = ob[i]; e; e = e->next) {
      if (depth == cap) {
        cap = cap ? cap * 2 : 16;
        stack = dg_xrealloc(stack, cap * sizeof *stack);
      }
      stack[depth++] = e;
    }
    while (depth) {
      S_entry *x = stack[--depth];
      size_t j = S_bucket(lex, dg_lex_hash(x->key, strlen(x->key)));
      x->next = b[j];
      b[j] = x;
    }
  }
  free(stack);
  free(ob);
}

bool dg_lexicon_add_glossary(dg_lexicon *lex, const char *path, degloss_error *err) {
  size_t len;
  char *text = dg_read_file(path, &len, err);
  if (!text) return false;
  long line = 0;
  long long offset = 0;
  unsigned gen = ++lex->n_glossaries;
  S_entry **added = NULL; /* this glossary's entries in file order */
  size_t nnew = 0, capnew = 0;
  char *p = text;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) p += 3; /* UTF-8 byte order mark */
  while (p < text + len) {
    char *eol = memchr(p, '\n', (size_t)(text + len - p));
    char *next = eol ? eol + 1 : text + len;
    if (eol) *eol = '\0';
    line++;
    long long here = offset;
    offset += next - p;
    char *row = p;
    p = next;
    if (strlen(row) != (size_t)((eol ? eol : text + len) - row)) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, line, here, "NUL byte in glossary line; skipped");
      continue;
    }
    char *t = S_trim(row);
    if (!*t || *t == '#') continue;
    char *col[6] = {0};
    size_t n = 0;
    for (char *c = t; c && n < 6;) {
      char *tab = strchr(c, '\t');
      if (tab) *tab = '\0';
      col[n++] = S_trim(c);
      c = tab ? tab + 1 : NULL;
    }
    if (line == 1 && strcmp(col[0], "lemma") == 0) continue;
    if (n < 3 || !*col[0] || !*col[1] || !*col[2]) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, line, here,
              "glossary line needs lemma, pos and gloss separated by tabs; skipped");
      continue;
    }
    char posbuf[16];
    size_t pl = strlen(col[1]);
    const char *pos = NULL;
    if (pl < sizeof posbuf) {
      for (size_t i = 0; i <= pl; i++) posbuf[i] = (char)toupper((unsigned char)col[1][i]);
      for (int i = 0; S_ud[i]; i++)
        if (strcmp(posbuf, S_ud[i]) == 0) pos = S_ud[i];
    }
    if (!pos) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, line, here,
              "unknown part of speech \"%.40s\" (want a UD tag such as NOUN, VERB, ADJ); skipped",
              col[1]);
      continue;
    }
    S_lkey key;
    if (!S_key(col[0], &key)) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, line, here, "lemma too long; skipped");
      continue;
    }
    const char *gender = n > 3 ? col[3] : "";
    if (*gender && strcmp(gender, "m") != 0 && strcmp(gender, "f") != 0 &&
        strcmp(gender, "n") != 0 && strcmp(gender, "pl") != 0) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, line, here,
              "gender \"%.20s\" is not m, f, n or pl; skipped", gender);
      continue;
    }
    S_entry *e = dg_xcalloc(1, sizeof *e);
    /* what the user's file says reaches terminals and other formats: no
     * control or bidi characters */
    e->lemma = dg_clean_dup(col[0]);
    e->key = dg_xstrdup(key.s);
    e->gloss = dg_clean_dup(col[2]);
    e->pos = dg_xstrdup(pos);
    e->gender = dg_xstrdup(gender);
    e->domains = dg_clean_dup(n > 4 ? col[4] : "");
    dg_buf src;
    dg_buf_init(&src);
    dg_buf_puts(&src, "glossary ");
    dg_clean_append(&src, path, strlen(path));
    dg_buf_printf(&src, ":%ld", line);
    e->source = dg_buf_detach(&src);
    e->gen = gen;
    if (nnew == capnew) {
      capnew = capnew ? capnew * 2 : 64;
      added = dg_xrealloc(added, capnew * sizeof *added);
    }
    added[nnew++] = e;
  }
  free(text);
  /* A later glossary overrides an earlier one, and within one glossary the
   * file order of a lemma's lines is kept: the new entries go to the heads
   * of their chains, last line first, so each lemma's lines come out in file
   * order ahead of the earlier glossaries' (linear in the number of lines,
   * however many a lemma has). */
  lex->n_entries += nnew;
  while (nnew && lex->n_entries >= lex->n_buckets) S_overlay_grow(lex);
  for (size_t i = nnew; i-- > 0;) {
    size_t b = S_bucket(lex, dg_lex_hash(added[i]->key, strlen(added[i]->key)));
    added[i]->next = lex->buckets[b];
    lex->buckets[b] = added[i];
  }
  free(added);
  return true;
}
