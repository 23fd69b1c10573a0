/* The glossing engine: for each token of a sentence, pick the analysis and
 * the sense that fit the context, and fill the document model.
 *
 * Order of work for one sentence:
 *   1. look every word up (closed-class readings, morphological analyses);
 *   2. choose readings in context: articles agree with their noun and the
 *      case a preposition governs, d-words after a comma are relative
 *      pronouns, "sein" before a noun is the possessive, "werden" is future,
 *      passive or "become" depending on the verb form closing the clause;
 *   3. senses for content words; compounds split into glossed parts; names
 *      marked; numbers, ordinals and dates glossed; a fallback for the rest;
 *   4. separable verbs put back together (gloss_sep.c);
 *   5. multiword expressions (gloss_mwe.c, dictionary phrases);
 *   6. Leipzig labels, segmentation and plain-English forms.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "word.h"
#include "morph_text.h"
#include "lexicon.h"
#include "morph.h"

void dg_engine_gloss(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  dg_gl_ctx *c = dg_engine_gloss_begin(e, d, s);
  dg_engine_gloss_domains(e, d, c);
  dg_engine_gloss_end(e, d, c);
}

dg_gl_ctx *dg_engine_gloss_begin(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  if (!s->text || !*s->text) dg_sentence_set_text(d, s);
  if (s->ntokens == 0) return NULL;
  dg_gl_ctx c;
  c.s = s;
  c.w = dg_xcalloc(s->ntokens, sizeof *c.w);
  dg_gl_lookup(e, d, &c);
  dg_gl_clause_joins(&c);
  /* 2./3. choose and gloss, left to right (closed class first: articles
   * look at the analyses of the words after them, which are ready). */
  for (size_t i = 0; i < s->ntokens; i++) {
    if (dg_gl_nonword(e, d, &c, i)) continue;
    if (dg_gl_closed(e, d, &c, i)) continue;
    dg_gl_open(e, d, &c, i);
  }
  dg_gl_restore_suspended(d, &c);
  dg_gl_werden(d, &c);
  dg_gl_context_words(d, &c);
  /* 4. separable verbs, 5. multiword expressions */
  dg_gl_separable(e, d, &c);
  dg_gl_ctx *r = dg_xmalloc(sizeof *r);
  *r = c;
  return r;
}

/* Domains: a sense labelled with a subject field the sentence is about
 * ("pol." for "Moskau wies Vorschläge westlicher Staaten zurück") beats a
 * slightly higher-ranked sense from elsewhere.  The only step that carries
 * state from sentence to sentence (e->dom). */
void dg_engine_gloss_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  if (c) dg_gl_domains(e, d, c);
}

void dg_engine_gloss_end(dg_engine *e, dg_doc *d, dg_gl_ctx *cp) {
  if (!cp) return;
  dg_gl_ctx c = *cp;
  free(cp);
  dg_dsentence *s = c.s;
  dg_gl_mwes(e, d, &c);
  dg_gl_there_is(d, &c);
  dg_gl_names(e, d, &c);
  dg_gl_labels(e, d, &c);
  for (size_t i = 0; i < s->ntokens; i++) free(c.w[i].lower);
  free(c.w);
}
