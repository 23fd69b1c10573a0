/* The engine's type memo: what the glossing passes compute from a word's
 * form alone (its closed-class readings and morphological analyses, the
 * senses of a lemma, the compound split of a form), kept once per session
 * and shared by every worker thread of --jobs N.  Only results that are a
 * function of the key and of the session's fixed data (lexicon with its
 * glossaries, morphology) are stored, so a hit gives exactly what the
 * computation would: the output does not change, it comes sooner.
 *
 * Bounded: the values take at most the byte budget given at creation; past
 * it nothing more is stored (the computation runs as before).  Values are
 * never changed or freed before the last dg_gl_memo_free, so a pointer a lookup
 * returns may be read without a lock; lookups take no lock either.  Internal to the engine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_MEMO_H
#define DG_GLOSS_MEMO_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gloss_internal.h"

typedef struct dg_gl_memo dg_gl_memo;

/* A memo whose values take at most max_bytes, held by its maker.  _hold
 * takes one more hold (a document whose tokens point at the memo's
 * strings: doc.h dg_doc_keep_memo), _free gives one back: the memo is
 * freed with the last (the engine may be freed before its documents).
 * The count is atomic: the documents of --jobs workers hold the memo of
 * the engine they borrow, and are freed on any thread. */
dg_gl_memo *dg_gl_memo_new(size_t max_bytes);
void dg_gl_memo_hold(dg_gl_memo *m);
void dg_gl_memo_free(dg_gl_memo *m);
/* Entries stored and the bytes they take. */
void dg_gl_memo_stats(dg_gl_memo *m, size_t *entries, size_t *bytes);

/* ---- typed entries (the engine's callers) -------------------------------- */

/* The look-up pass's result for a word (lookup.c): closed-class readings,
 * analyses with their feature bits, the name reading and the word classes
 * of the lower-case form, for the form as written and whether it stands
 * first in its sentence (the word's key: dg_gl_memo_word_key).  _get fills
 * w's ncl/cl/nan/an/fb/name_reading/wc/pron_sig and its lower-case form, and
 * returns true on a hit; _put stores them.
 * The pass asks for a few words at a time, so that the cache misses of
 * their look-ups overlap: _word_key makes each word's key and asks the
 * memory for its slot in the table, _word_prefetch (once the block's keys
 * are made) for the entry the slot holds; then _word_get finds them in the
 * cache (that entry first: most often the word's, and then the table is
 * not probed again). */
typedef struct dg_gl_memo_wkey {
  const char *form;
  bool initial;
  bool keyed; /* false: the word is not memoised */
  size_t n;   /* strlen(form) */
  uint64_t hash;
  const void *seen; /* the entry _word_prefetch asked for (NULL: none) */
  /* (memo.c's: the form's first 16 bytes, zero past its end, when n <= 16,
   * which _word_get compares with the entry's key; the slot _word_key
   * asked for and its table) */
  uint64_t bytes[2];
  const void *slot, *table;
} dg_gl_memo_wkey;
void dg_gl_memo_word_key(dg_engine *e, const char *form, bool initial, dg_gl_memo_wkey *k);
void dg_gl_memo_word_prefetch(dg_engine *e, dg_gl_memo_wkey *k);
/* Both for the n keys at k in one call: the caller sets each one's form
 * and initial (form NULL: no key, left so), and the keys are made, then
 * their entries asked for. */
void dg_gl_memo_word_ask(dg_engine *e, dg_gl_memo_wkey *k, size_t n);
bool dg_gl_memo_word_get(dg_engine *e, const dg_gl_memo_wkey *k, dg_gl_word *w);
void dg_gl_memo_word_put(dg_engine *e, const dg_gl_memo_wkey *k, dg_gl_word *w);
/* The word classes of the lower-case form kept in the entry of key k's
 * word into *wc (what _get gives as w->wc); false when it has none. */
bool dg_gl_memo_word_classes(dg_engine *e, const dg_gl_memo_wkey *k, dg_word_class *wc);
/* (what the inline readers below read: the head of a word's entry,
 * memo.c's S_word, which begins with it; inline, as the phrase pass and
 * the closed-class pass ask them of most words) */
typedef struct dg_gl_memo_whead {
  const char *lower; /* the lower-case form (among the entry's strings) */
  uint64_t hlower;   /* dg_mwe_word_hash(lower) */
  _Atomic(const void *) link[DG_GL_LINKS];
} dg_gl_memo_whead;
/* dg_mwe_word_hash(w->lower), kept in the entry of a word whose lower-case
 * form is its entry's (a repeated word's: the phrase pass hashes every
 * word's form); 0 for another word. */
static inline uint64_t dg_gl_memo_lower_hash(const dg_gl_word *w) {
  const dg_gl_memo_whead *v = w->memo;
  return v && v->lower == w->lower ? v->hlower : 0;
}
/* Both set w->memo (the entry) and w->memo_form (form): a value that is a
 * function of the entry (DG_GL_LINK_*: gloss_internal.h) is linked from it
 * once found, and a repeat of the word reaches it without a look-up.
 * _link gives the value linked (NULL: none yet, or no entry); _set_link
 * links a value stored in the memo, or a constant of static storage
 * (never one of the caller's that dies before the memo). */
static inline const void *dg_gl_memo_link(const dg_gl_word *w, unsigned which) {
  if (!w || !w->memo || which >= DG_GL_LINKS) return NULL;
  return atomic_load_explicit(&((dg_gl_memo_whead *)(uintptr_t)w->memo)->link[which], memory_order_acquire);
}
void dg_gl_memo_set_link(const dg_gl_word *w, unsigned which, const void *value);
/* Ask the memory for the values w's entry links (the look-up pass, once
 * the sentence's words are found: the passes after it read them). */
void dg_gl_memo_prefetch_links(const dg_gl_word *w);
/* The same for analysis k of w (DG_GL_ALINK_*; k < 0: none).  _an_of
 * gives the analysis whose lemma (and POS, when not NULL) these are, or
 * -1 (a token's lemma and POS as the passes set them; -1 too when w has
 * no entry).  _find_an is dg_gl_memo_find(e, kind, key) through link
 * `which` of analysis k (the key must be a function of that analysis).
 * The links of a word's analyses are kept in rows of a kind
 * (w->alinks[row * nan + k]; w->nan is the entry's), those the look-up
 * pass asks for first (senses, compound parts, domains, facts) in the
 * first rows: one run of links for all the analyses, where each
 * analysis's seven links would spread the four asked for over its lines.
 * The analyses themselves (w->an) come right after them, in the room of
 * DG_GL_ALINK_AN_ROWS rows (six pointers' worth each), and the rows of
 * the other links after these. */
enum { DG_GL_ALINK_ROW_SENSES = 0, DG_GL_ALINK_ROWS_FIRST = 4, DG_GL_ALINK_AN_ROWS = 6 };
static inline size_t dg_gl_memo_alink_row(unsigned which) {
  switch (which) {
  case DG_GL_ALINK_SENSES: return DG_GL_ALINK_ROW_SENSES;
  case DG_GL_ALINK_PARTS: return 1;
  case DG_GL_ALINK_DOMAINS: return 2;
  case DG_GL_ALINK_FACTS: return 3;
  case DG_GL_ALINK_PHRASES: return DG_GL_ALINK_ROWS_FIRST + DG_GL_ALINK_AN_ROWS;
  case DG_GL_ALINK_LOWER: return DG_GL_ALINK_ROWS_FIRST + DG_GL_ALINK_AN_ROWS + 1;
  case DG_GL_ALINK_SHOWN: return DG_GL_ALINK_ROWS_FIRST + DG_GL_ALINK_AN_ROWS + 2;
  default: return DG_GL_ALINK_ROWS_FIRST + DG_GL_ALINK_AN_ROWS + 3; /* DG_GL_ALINK_SEGMENT */
  }
}
static inline const void *dg_gl_memo_an_link(const dg_gl_word *w, int k, unsigned which) {
  if (!w || !w->alinks || k < 0 || (size_t)k >= w->nan || which >= DG_GL_ALINKS) return NULL;
  return atomic_load_explicit(&w->alinks[dg_gl_memo_alink_row(which) * w->nan + (size_t)k], memory_order_acquire);
}
void dg_gl_memo_set_an_link(const dg_gl_word *w, int k, unsigned which, const void *value);
/* Are w's analyses its entry's (a word the look-up pass found), whose
 * strings live as long as the memo?  (After a miss they are the pass's
 * own, in the document's arena, whatever it stored: the entry's lie
 * after its links, where the links of a word found point.)  A token of
 * the document being glossed may point at them: the document holds the
 * memo (doc.h dg_doc_keep_memo, taken when its glossing begins). */
static inline bool dg_gl_memo_an_kept(const dg_gl_word *w) {
  return w->alinks && (const void *)w->an == (const void *)(w->alinks + DG_GL_ALINK_ROWS_FIRST * w->nan);
}
int dg_gl_memo_an_of_scan(const dg_gl_word *w, const char *lemma, const char *pos);
static inline int dg_gl_memo_an_of(const dg_gl_word *w, const char *lemma, const char *pos) {
  if (!w || !w->memo || !lemma) return -1;
  /* (the token's lemma as its pass set it, the POS not asked: its first
   * analysis is known, the strings need not be read; inline, as the
   * phrase pass asks it of every word) */
  if (lemma == w->lemma_set && (!pos || w->lemma_an < 0)) return w->lemma_an;
  return dg_gl_memo_an_of_scan(w, lemma, pos);
}
/* The first analysis of w whose lemma is `lemma` (-1: none); the passes
 * that set a token's lemma keep it in w (lemma_set, lemma_an) with
 * dg_gl_memo_lemma_set. */
int dg_gl_memo_first_an(const dg_gl_word *w, const char *lemma);
static inline void dg_gl_memo_lemma_set(dg_gl_word *w, const char *lemma, int an) {
  w->lemma_set = lemma;
  w->lemma_an = an;
}
const void *dg_gl_memo_find_an(dg_engine *e, const dg_gl_word *w, int k, unsigned which, char kind, const char *key);
/* A value of analysis k of w that nothing but its link reaches (the
 * caller's own, a function of the entry and the analysis): `size` bytes of
 * `value` copied into the memo and linked from the analysis (link
 * `which`), with no key; gives the value linked, this copy or the one
 * another thread linked first, or NULL when the budget is spent or w has
 * no entry.  It is found again with dg_gl_memo_an_link. */
const void *dg_gl_memo_keep_an_link(dg_engine *e, const dg_gl_word *w, int k, unsigned which, const void *value,
                                    size_t size);

/* dg_compound_split(e->morph, form, out, max) through the memo; when form
 * is word w's as looked up (w->memo_form), through the link of its entry. */
size_t dg_gl_word_split(dg_engine *e, const dg_gl_word *w, const char *form, dg_part *out, size_t max);

/* dg_morph_spelling_variant(e->morph, form) through the memo (a word the
 * morphology only guesses at is looked up again at each occurrence: its
 * variant is asked each time).  The string lives as long as the memo, or
 * as the morphology's when the memo is full. */
const char *dg_gl_spelling_variant(dg_engine *e, const char *form);
/* dg_morph_loan_verb(e->morph, lower, zu_inf) through the memo (asked for
 * the words the morphology only guesses at, at each occurrence); the
 * string lives as the variant's does. */
const char *dg_gl_loan_verb(dg_engine *e, const char *lower, bool *zu_inf);

/* The senses of a lemma (word.c's dg_gl_senses, computed with
 * DG_GL_MAX_SENSES): on a hit the stored senses (the caller copies what
 * it needs) and their number in *n; NULL on a miss.  The key (the lemma
 * and the POS) is made into *sk, which the store of a miss
 * (dg_gl_memo_senses_put) takes as it is: a lemma is keyed once. */
#define DG_GL_MEMO_MAX_KEY 254
typedef struct dg_gl_memo_skey {
  size_t n; /* 0: not memoised */
  uint64_t hash;
  char key[DG_GL_MEMO_MAX_KEY];
} dg_gl_memo_skey;
const dg_sense *dg_gl_memo_senses_find(dg_engine *e, const char *lemma, const char *pos, size_t *n,
                                       dg_gl_memo_skey *sk);
/* The same for the lemma and POS of analysis k of word w, through the link
 * of its entry (_asked: on a miss of the link, the key made into *sk;
 * sk->n is 0 on a hit). */
const dg_sense *dg_gl_memo_an_senses_asked(dg_engine *e, const dg_gl_word *w, size_t k, size_t *n,
                                           dg_gl_memo_skey *sk);
static inline const dg_sense *dg_gl_memo_an_senses(dg_engine *e, const dg_gl_word *w, size_t k, size_t *n) {
  dg_gl_memo_skey sk;
  return dg_gl_memo_an_senses_asked(e, w, k, n, &sk);
}
void dg_gl_memo_senses_put(dg_engine *e, const dg_gl_memo_skey *sk, const char *pos, const dg_sense *sv, size_t n);
/* The same for analysis k of word w (sk: its key as the miss of
 * dg_gl_memo_an_senses_asked made it), linked from its entry at once (the
 * next occurrence of the word reaches them without a look-up); gives the
 * stored senses, or NULL when nothing was stored. */
const dg_sense *dg_gl_memo_an_senses_put(dg_engine *e, const dg_gl_word *w, size_t k, const dg_gl_memo_skey *sk,
                                         const dg_sense *sv, size_t n);
/* The marks (word.h dg_gl_sense_marks) of senses sv that one of the calls
 * above returned (the memo's: never a copy), one for each, made when a
 * verb's (POS VERB or AUX) were stored; NULL for other senses. */
const unsigned char *dg_gl_memo_sense_marks(const dg_sense *sv);

/* A value the caller makes (the phrases compiled under a key word,
 * phrase.c), under a kind letter of its own and a key.  _find gives the
 * stored value or NULL.  _keep copies `size` bytes of `value` into the
 * memo, which then owns what the value owns (`drop` frees it when the memo
 * is freed; `cost` is the bytes it owns, counted against the budget) and
 * returns the stored value: this copy, or the value another thread stored
 * first (this copy is then dropped).  NULL when the budget is spent:
 * nothing was taken.  _room: is there budget left? */
const void *dg_gl_memo_find(dg_engine *e, char kind, const char *key);
const void *dg_gl_memo_keep(dg_engine *e, char kind, const char *key, const void *value, size_t size,
                            size_t cost, void (*drop)(void *));
bool dg_gl_memo_room(dg_engine *e);
/* The same in two steps for a key that is looked up and, on a miss,
 * stored: _ask is _find, and keeps in *q the key's length and hash (the
 * key is not copied: it must stay as it is until the store), which
 * _keep_asked, called with q after a miss, does not make again (most
 * callers store what they did not find).  _ask_n: the key's length n is
 * known. */
typedef struct dg_gl_memo_asked {
  const char *key;
  size_t n;
  uint64_t hash;
  char kind;
  bool keyed; /* false: not memoised (no memo, or a key too long) */
} dg_gl_memo_asked;
const void *dg_gl_memo_ask_n(dg_engine *e, char kind, const char *key, size_t n, dg_gl_memo_asked *q);
static inline const void *dg_gl_memo_ask(dg_engine *e, char kind, const char *key, dg_gl_memo_asked *q) {
  return dg_gl_memo_ask_n(e, kind, key, strlen(key), q);
}
const void *dg_gl_memo_keep_asked(dg_engine *e, const dg_gl_memo_asked *q, const void *value, size_t size,
                                  size_t cost, void (*drop)(void *));

#endif
