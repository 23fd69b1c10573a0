/* Compound parts (parts.c), for the content-word pass (senses.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_PARTS_H
#define DG_GLOSS_PARTS_H

#include "gloss_internal.h"

/* The senses of a split's parts, each part (as the head or not) looked up
 * once while the compound step looks at the split: dg_gl_head_explains and
 * dg_gl_parts ask for the same two parts of a word with its own entry up to
 * three times each.  Empty (n = 0) before the first question; valid while
 * the split's parts do not change. */
#define DG_GL_PART_SENSES 8
typedef struct dg_gl_part_sense_set {
  const dg_part *part;
  bool head;
  size_t ns;
  dg_sense sv[DG_GL_PART_SENSES];
} dg_gl_part_sense_set;
typedef struct dg_gl_part_senses {
  size_t n;                       /* entries asked for */
  dg_gl_part_sense_set v[8], spare; /* (spare: a part asked for once all entries are taken) */
} dg_gl_part_senses;

/* Fill t's parts and segmentation from the split pv, each part glossed (the
 * sense that shares a word with the whole word's senses first); true when
 * every stem got a gloss.  (ps: the senses of pv's parts asked so far.) */
bool dg_gl_parts(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_part *pv, size_t np,
                 const dg_sense *whole, size_t nwhole, dg_gl_part_senses *ps);
/* The parts' glosses joined with sep: "armistice agreement". */
const char *dg_gl_parts_gloss(dg_doc *d, const dg_dtoken *t, const char *sep);
/* Gloss word i made of hyphen-joined pieces piece by piece ("US-Präsident",
 * "30-tägigen"); false when it has no such pieces. */
bool dg_gl_hyphenated(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* Does the head of the split explain one of the whole word's senses? */
bool dg_gl_head_explains(dg_engine *e, dg_doc *d, const dg_sense *sv, size_t ns, const dg_part *pv, size_t np,
                         bool noun, dg_gl_part_senses *ps);
/* Does the split start with a verb prefix or preposition (Auf|teilung)? */
bool dg_gl_particle_first(const dg_gl_ctx *c, const dg_part *pv);
/* Merge neighbouring stems the dictionary knows as one word, from the head
 * back, while three stems remain; returns the new number of parts. */
size_t dg_gl_merge_known(dg_engine *e, dg_doc *d, const char *word, dg_part *p, size_t np);

/* The head part's citation form when the dictionary lacks the lemma the
 * morphology gave it (Antagonisten: Antagonist, Babies: Baby). */
void dg_gl_head_citation(dg_engine *e, dg_doc *d, dg_part *pv, size_t np);

/* Do the parts' glosses make the word's gloss (each stem shares a word
 * with it)?  If not, the gloss line shows the whole word's gloss. */
bool dg_gl_parts_agree(const dg_dtoken *t);

#endif
