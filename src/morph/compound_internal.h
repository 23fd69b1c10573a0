/* Shared internals of the compound splitter: compound.c searches a
 * segment for its best split into stems and links, compound_whole.c
 * decides whether the word is a compound at all or stays whole (a simple
 * word, a name, a derivation).  Both work on the segment state below;
 * compound.c calls compound_whole.c, never the reverse.  compound_word.c
 * cuts a word into its segments and calls compound.c for each.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_COMPOUND_INTERNAL_H
#define DG_COMPOUND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "morph_internal.h"

#define DG_SEG_MAX 64      /* longest segment searched, in code points */

/* The best split of the segment from one code point on. */
typedef struct {
  float cost;              /* of the best split of the suffix from here */
  int end;                 /* end of the first stem (code point index) */
  int next;                /* where the rest starts (after the link) */
  int nstems;
  const char *lemma;       /* lemma of the first stem */
} dg_cmp_best;

/* One segment (letters only) under search.  (The arrays, last, are filled
 * up to ncp: lo_off and link_at when the segment is set up, best by the
 * search.) */
typedef struct {
  dg_morph *m;
  const char *lo;          /* lower-cased segment */
  int ncp;
  bool whole_known;        /* the tables know the whole segment */
  bool hs_name;            /* known only as a hunspell capitalised word without
                            * plural (a name or a compound noun: Lungenkarzinom) */
  bool use_known;          /* ask the caller's lexicon too (second pass) */
  bool cap;
  const dg_morph_key *key; /* the whole segment's table key (NULL: none) */
  dg_buf tmp;
  size_t lo_off[DG_SEG_MAX + 1];
  /* bit li: links[li] is written from code point j on and leaves a rest
   * of at least a stem (compound.c S_links_at) */
  uint32_t link_at[DG_SEG_MAX + 1];
  dg_cmp_best best[DG_SEG_MAX + 1];
} dg_cmp_seg;

/* Does stem + link (s, n bytes, lower case) spell a form of the noun
 * `lemma` (Glaubens of Glaube, Tags of Tag, Seen of See, Rats of Rat)?
 * Then the link is the noun's own genitive or plural ending. */
static inline bool dg_cmp_link_spells_form(const dg_cmp_seg *g, const char *s, size_t n, const char *lemma) {
  if (!lemma) return false;
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, s, n);
  for (uint32_t i = 0; k && i < k->count; i++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + i];
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && !(l->flags & DG_LF_HUNSPELL) &&
        strcmp(g->m->data.str + l->str, lemma) == 0)
      return true;
  }
  return false;
}

/* Is s (n bytes, lower case) the bare form of an adjective and also a noun
 * only Ding lists (stumpf: der Stumpf)?  Such a noun heads a compound only
 * after a long common noun (Weiden|stumpf), compound_whole.c: a capitalised
 * adjective is more often that adjective (Tiefschwarz at a sentence's start). */
static inline bool dg_cmp_adj_noun(const dg_morph *m, const char *s, size_t n) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, s, n);
  bool adj = false, ding = false;
  for (uint32_t i = 0; k && i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) return false;
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    const char *ls = m->data.str + l->str;
    if (l->pos == DG_POS_ADJ && strlen(ls) == n && memcmp(ls, s, n) == 0) adj = true;
    else if (l->pos == DG_POS_NOUN && (l->flags & DG_LF_DING)) ding = true;
    else return false;
  }
  return adj && ding;
}

/* compound_whole.c: is the segment a compound at all?  Before the search
 * (sets whole_known and hs_name) and after it; and the name-like heads
 * (Rum|bach, Russ|land) the lexicon's second pass refuses too. */
bool dg_cmp_may_split(dg_cmp_seg *g, const char *seg, size_t n);
bool dg_cmp_keep_whole(dg_cmp_seg *g, const char *seg, size_t n);
bool dg_cmp_name_head(const dg_cmp_seg *g);
bool dg_cmp_country_head(const dg_cmp_seg *g);
/* compound_whole.c: compass points and the place after them in the best
 * split (Nordost|england, West|polen: Poland). */
void dg_cmp_compass(dg_cmp_seg *g);

/* compound.c: split one segment (letters only) at [start, end) of word
 * (`last`: it ends the word); stores its parts in out (at most max) and
 * returns their number (compound_word.c's dg_compound_split calls it for
 * each segment). */
size_t dg_cmp_split_segment(dg_morph *m, const char *word, size_t start, size_t end, bool last,
                            dg_part *out, size_t max);

#endif
