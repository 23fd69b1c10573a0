/* On-disk layout of degloss.lex (payload of a dg_mapfile of kind "LEXICON").
 * Shared by the compiler (tools/dgcompile*.c) and the reader (src/lexicon/lexicon.c).
 *
 * Payload (all integers little-endian u32, offsets relative to the payload):
 *   dg_lex_head                      section offsets and counts
 *   strings                          NUL-terminated UTF-8; offset 0 is ""
 *   senses[n_senses]                 dg_lex_sense, grouped by folded lemma,
 *                                    each group ordered by score (highest first)
 *   closed[n_closed]                 dg_lex_sense, grouped by folded form
 *   forms[n_forms]                   dg_lex_form (form, lemma), grouped by folded form
 *   phrases[n_phrases]               dg_lex_phrase, grouped by key
 *   classes[n_classes]               dg_lex_class: a word (as written) and its
 *                                    word-class bits (src/lexicon/wordclass.h),
 *                                    grouped by folded word
 *   irregular[n_irregular]           dg_lex_irregular: English verb, past,
 *                                    participle (Ding's forms, then
 *                                    dictionaries/english-irregular.tsv)
 *   blocks[blocks_len]               the phrases under each phrase key compiled
 *                                    into the gloss engine's patterns (one block
 *                                    a key, 8-byte aligned: src/gloss/phrase.c,
 *                                    written by tools/dgcompile/dgphrases.c
 *                                    after dgcompile; opaque to the lexicon)
 *   block_at[n_block_at]             u32 per slot of the phrase table: where
 *                                    the block of the slot's key starts in
 *                                    blocks, DG_LEX_EMPTY for none (n_block_at
 *                                    is 0 in a file without blocks, or the
 *                                    phrase table's size)
 *   six hash tables of dg_lex_slot   (senses, closed, forms, phrases, classes,
 *                                    irregular; the last keyed by the English
 *                                    verb as written); size a power
 *                                    of two; open addressing with linear probing on
 *                                    dg_lex_hash(folded key); empty slot key = DG_LEX_EMPTY;
 *                                    each slot carries its key's hash's top
 *                                    bits (dg_lex_slot_tag), so that a probe
 *                                    meeting another key reads no string
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_LEXICON_FORMAT_H
#define DG_LEXICON_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DG_LEX_KIND "LEXICON"
#define DG_LEX_VERSION 7u
#define DG_LEX_EMPTY 0xffffffffu

enum {
  DG_LEX_T_SENSES, DG_LEX_T_CLOSED, DG_LEX_T_FORMS, DG_LEX_T_PHRASES, DG_LEX_T_CLASSES,
  DG_LEX_T_IRREGULAR, DG_LEX_NTABLES
};

typedef struct dg_lex_head {
  uint32_t strings_off, strings_len;
  uint32_t senses_off, n_senses;
  uint32_t closed_off, n_closed;
  uint32_t forms_off, n_forms;
  uint32_t phrases_off, n_phrases;
  uint32_t classes_off, n_classes;
  uint32_t irregular_off, n_irregular;
  uint32_t table_off[DG_LEX_NTABLES];
  uint32_t table_size[DG_LEX_NTABLES]; /* number of slots, a power of two */
  uint32_t blocks_off, blocks_len;     /* compiled phrase blocks (bytes) */
  uint32_t block_at_off, n_block_at;   /* their starts, by phrase slot */
} dg_lex_head;

typedef struct dg_lex_sense {
  uint32_t lemma, gloss, pos, gender, domains, labels, source;
  float score;
} dg_lex_sense;

typedef struct dg_lex_form {
  uint32_t form, lemma;
} dg_lex_form;

typedef struct dg_lex_phrase {
  uint32_t german, gloss, source;
} dg_lex_phrase;

typedef struct dg_lex_class {
  uint32_t word;           /* as written in the data ("März", "kW") */
  uint32_t bits[4]; /* dg_word_class, from its lowest 32 bits to its highest */
} dg_lex_class;

typedef struct dg_lex_irregular {
  uint32_t base, past, participle;
} dg_lex_irregular;

typedef struct dg_lex_slot {
  uint32_t key;   /* string offset of the folded key, DG_LEX_EMPTY when free */
  uint32_t start; /* first record of the group */
  uint32_t count; /* records in the group (low DG_LEX_COUNT_BITS bits) and
                   * the key's tag (the bits above them: dg_lex_slot_tag) */
} dg_lex_slot;

/* A group has fewer records than this (the compiler keeps at most 400 a
 * key); the count's upper bits are the tag.  Most probes of a look-up
 * meet another key, or none: the tag tells so from the slot, where the
 * key's string, somewhere in megabytes of strings, would cost a cache miss
 * to read. */
#define DG_LEX_COUNT_BITS 16
#define DG_LEX_COUNT_MASK ((1u << DG_LEX_COUNT_BITS) - 1)
/* The hash of a key (its n bytes at s) that places it in the tables, the
 * compiler's and the reader's: eight bytes at a time as a little-endian
 * word, each mixed in with a multiply (the last eight, or four and four,
 * or the first, middle and last of one to three, read in loads that may
 * overlap), where a byte at a time cost four instructions a byte, for
 * every word the text asks about; then mixed so that the low bits (the
 * slot) and the top ones (the tag) depend on every byte. */
static inline uint64_t dg_lex_word(const char *s, size_t k) { /* (k: 4 or 8 bytes) */
  uint64_t a = 0;
  if (k == 8) {
    memcpy(&a, s, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    a = __builtin_bswap64(a);
#endif
  } else {
    uint32_t b;
    memcpy(&b, s, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    b = __builtin_bswap32(b);
#endif
    a = b;
  }
  return a;
}
static inline uint64_t dg_lex_mix(uint64_t h, uint64_t a) {
  h = (h ^ a) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}
static inline uint64_t dg_lex_hash(const char *s, size_t n) {
  uint64_t h = ((uint64_t)n + 1) * 0xff51afd7ed558ccdULL, a;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) h = dg_lex_mix(h, dg_lex_word(s + i, 8));
    a = dg_lex_word(s + n - 8, 8);
  } else if (n >= 4) {
    a = dg_lex_word(s, 4) | dg_lex_word(s + n - 4, 4) << 32;
  } else if (n) {
    a = (unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 | (uint64_t)(unsigned char)s[n - 1] << 16;
  } else {
    a = 0;
  }
  h = dg_lex_mix(h, a) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 32);
}

/* The tag of a key whose hash is h, in place in dg_lex_slot.count. */
static inline uint32_t dg_lex_slot_tag(uint64_t h) {
  return (uint32_t)(h >> (32 + DG_LEX_COUNT_BITS)) << DG_LEX_COUNT_BITS;
}

#endif
