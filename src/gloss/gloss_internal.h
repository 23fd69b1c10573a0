/* Shared between the engine's files (gloss.c, gloss_sep.c, gloss_phrase.c);
 * not part of any API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_INTERNAL_H
#define DG_GLOSS_INTERNAL_H

#include "gloss.h"
#include "lexicon.h"
#include "morph.h"
#include "mwe.h"

#define DG_GL_MAX_SENSES 12
#define DG_GL_MAX_AN 8
#define DG_GL_MAX_PARTS 12
#define DG_GL_WINDOW 48 /* how far context scans look */

#define DG_GL_MAX_DOMAINS 32

/* Subject fields ("pol.", "mil.") the words of a paragraph point to. */
typedef struct dg_gl_domain {
  char name[24];
  float votes;
} dg_gl_domain;

struct dg_engine {
  dg_lexicon *lex;
  dg_morph *morph;
  dg_mwe_list *mwes;
  struct dg_gl_pcache *pcache; /* compiled dictionary phrases (phrase.c) */
  char *data_dir;
  char *hbase;   /* hunspell base of the morphology */
  bool borrowed; /* a worker's engine: lex and mwes belong to the base engine */
  /* Domain votes of the recent sentences (see S_domains in gloss.c): the
   * only state carried from sentence to sentence, updated in input order
   * by dg_engine_gloss_domains.  Any new such state must be updated there
   * too, or --jobs N output differs from --jobs 1 (src/api/jobs.c). */
  dg_gl_domain dom[DG_GL_MAX_DOMAINS];
  size_t ndom;
  char dom_src[256];
};

/* What the engine knows about one word while glossing its sentence. */
typedef struct dg_gl_word {
  char *lower;                      /* lower-case form */
  bool initial;                     /* first word of the sentence (or quote) */
  dg_analysis an[DG_GL_MAX_AN];     /* morphological analyses */
  size_t nan;
  dg_sense cl[DG_GL_MAX_SENSES];    /* closed-class readings */
  size_t ncl;
  int closed;                       /* chosen closed reading or -1 */
  bool is_closed;
  const char *leipzig;              /* full labels of the chosen reading */
  const char *particle;             /* separable particle inside the form */
  const char *extra;                /* label the context adds: FUT, PASS */
  bool role_name;                   /* marked a name after a title or role */
  const char *written;              /* a suspended part as written ("Ein-") while its
                                     * completed form (Einfuhr) is glossed */
  const char *shown;                /* its segmentation: Ein-[fuhr] */
  bool adverbial;                   /* an uninflected adjective used as an adverb */
  const char *adverb;               /* its adverb sense from the dictionary, or NULL */
  bool name_reading;                /* an[0] is a name reading added for a
                                     * capitalised verb form ("Google") */
} dg_gl_word;

struct dg_gl_ctx {
  dg_dsentence *s;
  dg_gl_word *w;
};

/* The completed word of the suspended part at token i ("Ein-" before "und
 * Ausfuhr": Einfuhr), or NULL; *display gets the segmentation with the
 * borrowed piece in brackets (Ein-[fuhr]).  Strings live in d's arena. */
const char *dg_gl_complete_suspended(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i,
                                     const char **display);

/* ---- the passes, in the order gloss.c runs them -------------------------- */

/* lookup.c: every word's closed-class readings and analyses (suspended
 * parts completed first), and the conjunctions that join clauses marked. */
void dg_gl_lookup(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
void dg_gl_clause_joins(dg_gl_ctx *c);
/* numbers.c: punctuation, numbers and symbols glossed from their form; false
 * for words and names. */
bool dg_gl_nonword(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* closed.c: give word i its closed-class reading when one fits (lemma,
 * features, labels, glosses); false when it is a content word. */
bool dg_gl_closed(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* senses.c: a content word's analysis, senses, compound parts, name, or
 * the fallbacks for words without an entry. */
void dg_gl_open(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* context.c: "werden" as future (will), passive (be) or "become". */
void dg_gl_werden(dg_doc *d, dg_gl_ctx *c);
/* context.c: als, sich, relative pronouns, weniger, articles in adjective
 * glosses, by the words around them. */
void dg_gl_context_words(dg_doc *d, dg_gl_ctx *c);
/* context.c: inverted "gibt es" is "there is" (after the multiword pass). */
void dg_gl_there_is(dg_doc *d, dg_gl_ctx *c);
/* domains.c: the subject-field votes of the recent sentences (e->dom, the
 * only cross-sentence state) updated, and senses of a well-supported field
 * promoted. */
void dg_gl_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* names.c: names after a title or role, next to names, name particles,
 * words inside titles, forms of address (after the multiword pass). */
void dg_gl_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* labels.c: Leipzig labels, segmentation, plain forms; a word still
 * without a gloss repeats the German. */
void dg_gl_labels(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* plain.c: the plain-English form of word i (adverbial adjectives first). */
void dg_gl_plain(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* analysis.c: the index of the analysis of word i that fits its context, or
 * -1 when it has none (used by closed.c for verb forms and by senses.c). */
int dg_gl_pick_analysis(dg_gl_ctx *c, size_t i);
/* suspended.c: suspended parts get their written form back. */
void dg_gl_restore_suspended(dg_doc *d, dg_gl_ctx *c);
/* separable.c: separable verbs. */
void dg_gl_separable(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* phrase.c: multiword expressions. */
void dg_gl_mwes(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
void dg_gl_pcache_free(struct dg_gl_pcache *pc);

#endif
