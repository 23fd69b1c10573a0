/* morph-compile: the shared part of the morphology compiler (build tool).
 * morph-compile.c holds the tables being built (keys, analyses, lemmas,
 * paradigm classes, word classes), reads the paradigm data and the closed
 * classes and writes the file; added_words.c adds the words the paradigm
 * data lacks, from hunspell's dictionary and from Ding.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef MORPH_COMPILE_H
#define MORPH_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "morph_data.h"
#include "wordclass.h"

typedef struct {
  uint32_t lemma, feats, leipzig;
  uint8_t flags, pos;
  uint64_t cells;
} mc_anal;

typedef struct {
  uint32_t form, rank;
  mc_anal *an;
  size_t nan, capan;
} mc_key;

typedef struct {
  int cell;
  int mark;          /* 0, 'G' or 'Z' */
  int strip;         /* code points removed from the end */
  char *suffix;
} mc_rule;

typedef struct {
  int pos;           /* 'N', 'A', 'V' */
  mc_rule *rules;
  size_t n;
} mc_class;

/* The tables (morph-compile.c). */
extern dg_buf mc_str;                 /* string pool */
extern mc_key *mc_keys;
extern size_t mc_nkeys;
extern uint32_t *mc_ktab;             /* key hash (power-of-two size) */
extern size_t mc_kslots;
extern dg_morph_lemma *mc_lemmas;
extern size_t mc_nlemmas;
extern mc_class *mc_classes;
extern uint32_t *mc_lemma_class;      /* class of each paradigm lemma, UINT32_MAX: none */
extern const char *mc_file;           /* the file being read, for messages */
extern long mc_line;
/* Word classes (word-classes.tsv, first-parts.tsv); the particles longest first. */
extern dg_wc_list mc_wc;
extern const char **mc_particles, **mc_insep, **mc_ambig, **mc_links;

mc_key *mc_key_of(const char *form);
void mc_add(const char *form, uint32_t lemma, uint8_t flags, uint8_t pos, uint32_t feats,
                  uint32_t leipzig, uint64_t cells);
uint32_t mc_new_lemma(const char *s, int pos, int gender, int particle);
uint32_t mc_lemma_find(const char *s, int pos);
void mc_apply_class(const mc_class *c, const char *lemma, const char *prefix, size_t pbytes,
                          uint32_t li, bool inseparable);
bool mc_ends(const char *s, const char *suf);

/* The words the paradigm data lacks (added_words.c). */
void mc_read_hunspell(const char *path);
void mc_read_ding(const char *path);

#endif
