/* The glossing engine's driver: the passes over one sentence, in order.
 * Each pass lives in a file of its own and shares only the word helpers
 * (word.h) and the sentence's working state (dg_gl_ctx, gloss_internal.h).
 *
 * dg_engine_gloss runs in three steps so that src/api/jobs.c can gloss
 * sentences on several threads: _begin and _end use nothing of other
 * sentences; _domains reads and updates the subject-field votes carried
 * from sentence to sentence (e->dom), so it runs in input order on one
 * engine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdlib.h>

#include "word.h"

/* A sentence's block: the number of words it has room for, the context
 * handed from step to step, then the words.  The block of the sentence
 * glossed last is kept in its engine (e->spare) for the next, which is
 * then not allocated: most sentences fit in the words the smallest block
 * has room for, and one whose words do not gets a block of its own. */
typedef struct S_block {
  size_t room;
  dg_gl_ctx c;
} S_block;
_Static_assert(sizeof(S_block) % _Alignof(dg_gl_word) == 0, "the words follow the context aligned");
enum {
  S_ROOM_MIN = 64,  /* (words: 13 KB) */
  S_ROOM_KEPT = 1024 /* the largest block kept for the next sentence */
};

static S_block *S_block_take(dg_engine *e, size_t n) {
  S_block *b = e->spare;
  if (b && b->room >= n) {
    e->spare = NULL;
    return b;
  }
  size_t room = n < S_ROOM_MIN ? S_ROOM_MIN : n;
  b = dg_xmalloc(sizeof *b + room * sizeof(dg_gl_word));
  b->room = room;
  return b;
}

/* (the larger of the block and the spare kept, within S_ROOM_KEPT) */
static void S_block_give_back(dg_engine *e, S_block *b) {
  S_block *sp = e->spare;
  if (b->room <= S_ROOM_KEPT && (!sp || sp->room < b->room)) {
    e->spare = b;
    b = sp;
  }
  free(b);
}

void dg_engine_gloss(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  dg_gl_ctx *c = dg_engine_gloss_begin(e, d, s);
  dg_engine_gloss_domains(e, d, c);
  dg_engine_gloss_end(e, d, c);
}

dg_gl_ctx *dg_engine_gloss_begin(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  if (!s->text || !*s->text) dg_sentence_set_text(d, s);
  if (s->ntokens == 0) return NULL;
  /* (the document keeps the lexicon open and holds the memo: its glosses
   * point into the one, its lemmas and features into the other) */
  dg_doc_keep_lexicon(d, e->lex);
  dg_doc_keep_memo(d, e->memo);
  /* The context handed to the next steps and the sentence's words, in one
   * block (given back by dg_engine_gloss_end); the words are not cleared:
   * the look-up pass sets each word's whole state first. */
  S_block *b = S_block_take(e, s->ntokens);
  dg_gl_ctx *r = &b->c;
  dg_gl_ctx c;
  c.s = s;
  c.w = (dg_gl_word *)(void *)(b + 1);
  c.lex = e->lex;
  c.has_es = true; /* (until the phrase pass knows) */
  c.name_cands = 0;
  c.names_stale = ~(uint64_t)0; /* (until dg_gl_names_seen asks) */
  /* Every word's closed-class readings and analyses (lookup.c). */
  dg_gl_lookup(e, d, &c);
  /* Every word's clause, the joining "und"/"oder"/"aber" marked by the
   * look-up (word.c). */
  dg_gl_clauses(&c);
  /* Each token's reading and glosses, left to right: articles and pronouns
   * look back at the words already chosen and ahead at the analyses. */
  for (size_t i = 0; i < s->ntokens; i++) {
    /* Punctuation, numbers, symbols: glossed from their form (numbers.c). */
    if (dg_gl_nonword(e, d, &c, i)) continue;
    /* The closed-class reading that fits, if any (closed.c). */
    if (dg_gl_closed(e, d, &c, i)) continue;
    /* Content words: analysis, senses, compound parts, name or fallback (senses.c). */
    dg_gl_open(e, d, &c, i);
  }
  /* The strings the passes below read of each word (its lemma, gloss and
   * source: the lexicon's and the memo's, all over memory) are asked for
   * together, so that their cache misses overlap instead of each pass
   * waiting in turn for the first it reads.  In the same walk, suspended
   * parts ("Ein-" of Einfuhr) get their written form back (suspended.c:
   * it changes the token's form and segmentation, which the prefetch does
   * not read). */
  for (size_t i = 0; i < s->ntokens; i++) {
    const dg_dtoken *t = &s->tokens[i];
    __builtin_prefetch(t->lemma);
    __builtin_prefetch(t->gloss);
    __builtin_prefetch(t->source);
    if (c.w[i].written) dg_gl_restore_suspended(d, &c, i);
  }
  /* "werden": future, passive or "become" (context.c). */
  dg_gl_werden(d, &c);
  /* als, sich, relative pronouns, weniger, adjective glosses (context.c). */
  dg_gl_context_words(d, &c);
  /* Separable verbs put back together (separable.c). */
  dg_gl_separable(e, d, &c);
  *r = c;
  return r;
}

void dg_engine_gloss_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  /* A sense of the subject field the recent sentences are about beats a
   * slightly higher-ranked one; the only cross-sentence state (domains.c). */
  if (c) dg_gl_domains(e, d, c);
}

void dg_engine_gloss_end(dg_engine *e, dg_doc *d, dg_gl_ctx *cp) {
  if (!cp) return;
  dg_gl_ctx c = *cp;
  /* Multiword expressions: the curated list, then dictionary phrases (phrase.c). */
  dg_gl_mwes(e, d, &c);
  /* Inverted "gibt es" is "there is" (context.c; a sentence without "es"
   * has none, as the phrase pass's table of its words tells). */
  if (c.has_es) dg_gl_there_is(d, &c);
  /* "über Land sprechen": about, not over (prepositions.c). */
  dg_gl_governed(e, d, &c);
  /* Names after titles, next to names, with particles, in titles (names.c). */
  dg_gl_names(e, d, &c);
  /* Leipzig labels, segmentation, plain forms, last fallback (labels.c). */
  dg_gl_labels(e, d, &c);
  /* (the words with it; the lower-case forms live in d's arena) */
  S_block_give_back(e, (S_block *)(void *)((char *)cp - offsetof(S_block, c)));
}
