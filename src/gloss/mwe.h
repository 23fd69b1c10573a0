/* Multiword expressions (mwe.c): patterns from the curated list
 * (dictionaries/mwe.tsv) and from dictionary phrases, matched against the
 * words of a sentence.  The glossing pass that applies them is phrase.c.
 * Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MWE_H
#define DG_MWE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "util.h"

/* A pattern is a list of words matched against a token's lower-case form
 * or its lemma; "…" allows a gap of up to 12 tokens; a word written "~legen"
 * is matched by lemma anywhere in the sentence (the verb, whose position
 * varies with word order).  Placeholders of dictionary phrases (jdm., etw.)
 * are dropped when compiling. */
typedef struct dg_mwe_pat dg_mwe_pat;
typedef struct dg_mwe_list dg_mwe_list;
/* Load a TSV file "pattern<TAB>gloss[<TAB>head word[<TAB>name]]", '#' comments.  Bad
 * lines are warnings naming file and line. */
dg_mwe_list *dg_mwe_list_load(const char *path, degloss_error *err);
void dg_mwe_list_free(dg_mwe_list *l);
size_t dg_mwe_list_count(const dg_mwe_list *l);
const dg_mwe_pat *dg_mwe_list_get(const dg_mwe_list *l, size_t i);
/* Compile a dictionary phrase ("jdm. etw. in den Mund legen") at the end
 * of out, at a multiple of 8: the pattern is out->data + the offset
 * returned; SIZE_MAX (nothing appended) when fewer than two words remain.
 * The lexicon tells which words mark a gap (word class phrase-gap: jdm.,
 * etw., sich). */
size_t dg_mwe_compile(dg_buf *out, const dg_lexicon *lex, const char *german, const char *gloss, const char *source);
/* Is the memory at p (8-byte aligned, avail bytes up to where it ends)
 * a pattern whose every offset and count stays inside it?  (A pattern
 * read from a file: a damaged one is refused, never followed.) */
bool dg_mwe_pat_ok(const void *p, size_t avail);
/* The block of compiled dictionary phrases under a key (phrase.c: the
 * patterns of dg_lexicon_phrases(lex, key) side by side, with the bits
 * that pre-test them) at the end of the empty buffer b; the lexicon
 * compiler stores each key's block (tools/dgcompile/dgphrases.c), the
 * phrase pass compiles it when the file keeps none.  dg_gl_phrase_block_ok
 * checks a block read from a file (len: the bytes from block on). */
void dg_gl_phrase_block(dg_buf *b, const dg_lexicon *lex, const char *key);
bool dg_gl_phrase_block_ok(const void *block, size_t len);
/* Is the head element a free (movable) verb? */
/* The dictionary phrase needs a complement its German does not write
 * (Ding's {+Gen.}: "ein Kind {+Gen.} sein"): its English has sb./sth. and
 * its German no jdm./etw. */
bool dg_mwe_pat_hidden_slot(const dg_mwe_pat *p);
bool dg_mwe_pat_free_head(const dg_mwe_pat *p);
/* The bytes of p: a copy of them (8-byte aligned) is the same pattern. */
size_t dg_mwe_pat_size(const dg_mwe_pat *p);

typedef struct dg_mwe_tok {
  const char *lower;  /* lower-case form */
  const char *lemma;  /* lower-case lemma or "" */
  uint64_t hlower, hlemma; /* their dg_mwe_word_hash: a word of a pattern is
                              compared by hash before its letters */
  bool punct;
  bool verb;          /* a verb or auxiliary (a dictionary phrase's verb matches only one) */
} dg_mwe_tok;
#define DG_MWE_MAX 16
typedef struct dg_mwe_hit {
  size_t idx[DG_MWE_MAX];
  size_t n;
  size_t head;           /* token index carrying the gloss */
  const char *lemma, *gloss, *source;
  const char *members;   /* curated member glosses "when|ever" (pattern order), or NULL */
  size_t pidx[DG_MWE_MAX]; /* token index of each pattern word, in pattern order */
  size_t span;           /* last - first token: smaller is a tighter match */
  bool name;             /* a multiword name ("Vereinigte Staaten") */
  bool replaces;         /* the head takes the expression's gloss */
  bool word_by_word;     /* a preposition idiom ("an Bord" = on board): as many
                            English words as German, glossed one to one */
} dg_mwe_hit;
typedef struct dg_mwe_words dg_mwe_words;
/* Match p in the sentence; tokens with used[i] set are not available.
 * t[0] is token `base` of the sentence of ws (when not NULL: where each
 * word of p stands in the sentence is read there, and only tokens from
 * its first to its last place are tried for it). */
bool dg_mwe_match(const dg_mwe_pat *p, const dg_mwe_tok *t, size_t n, const bool *used, const dg_mwe_words *ws,
                  size_t base, dg_mwe_hit *hit);
/* A quick pre-test: the hashes (dg_mwe_word_hash) of the forms and lemmas
 * of a sentence's words, in an open-addressing table (0 = empty, size
 * mask + 1, a power of two) with the first and the last token that has
 * each (at[slot]: tokens are added in sentence order), one after the
 * other in list (n of them, each once) and one bit of each
 * (dg_mwe_word_bit) in a bit set (the caller zeroes h and gives at room
 * for mask + 1 and list for every hash it adds).  The bit set keeps a byte
 * for each bit (a test is one load, no shift: the phrase pass tests
 * hundreds of bits a sentence), set to the sentence's number `gen` (never
 * 0): a byte of another number is a bit not set, so the bytes an earlier
 * sentence set need no zeroing; the caller gives a new number for each
 * sentence and zeroes the bytes when the numbers start over.
 * dg_mwe_possible is false when some word of the pattern is surely
 * missing, so dg_mwe_match would fail too; so is a word whose bit is not
 * set. */
#define DG_MWE_BITS 4096
struct dg_mwe_words {
  uint64_t *h;
  uint32_t (*at)[2];
  size_t mask;
  uint64_t *list;
  size_t n;
  unsigned char *bits; /* DG_MWE_BITS bytes: gen for a bit that is set */
  unsigned char gen;
};
uint64_t dg_mwe_word_hash(const char *w);
static inline unsigned dg_mwe_word_bit(uint64_t h) { return (unsigned)(h >> 48) & (DG_MWE_BITS - 1); }
static inline bool dg_mwe_words_bit(const dg_mwe_words *ws, unsigned bit) { return ws->bits[bit] == ws->gen; }
static inline void dg_mwe_words_add(dg_mwe_words *ws, uint64_t h, size_t token) { /* h = dg_mwe_word_hash(w) */
  ws->bits[dg_mwe_word_bit(h)] = ws->gen;
  size_t i = (size_t)h & ws->mask;
  while (ws->h[i] && ws->h[i] != h) i = (i + 1) & ws->mask;
  if (!ws->h[i]) {
    ws->list[ws->n++] = h;
    ws->at[i][0] = (uint32_t)token;
  }
  ws->at[i][1] = (uint32_t)token;
  ws->h[i] = h;
}
bool dg_mwe_possible(const dg_mwe_pat *p, const dg_mwe_words *ws);
/* The hashes of two of p's words to test first (the longest besides the
 * word of hash `key`, under which p was found: the rarest in a text); the
 * same twice when p has only one such word. */
void dg_mwe_pat_probes(const dg_mwe_pat *p, uint64_t key, uint64_t out[2]);
/* The curated list's patterns that may be possible in the sentence of ws
 * (every pattern for which dg_mwe_possible is true is among them), as
 * their indices in increasing order in out (room for
 * dg_mwe_list_count(l)); returns their number. */
size_t dg_mwe_list_candidates(const dg_mwe_list *l, const dg_mwe_words *ws, size_t *out);
/* Has the sentence of ws a word of hash h? */
static inline bool dg_mwe_words_has(const dg_mwe_words *ws, uint64_t h) {
  for (size_t i = (size_t)h & ws->mask;; i = (i + 1) & ws->mask) {
    if (ws->h[i] == h) return true;
    if (!ws->h[i]) return false;
  }
}
/* The first and the last token with a word of hash h in *first, *last;
 * false when there is none. */
static inline bool dg_mwe_words_span(const dg_mwe_words *ws, uint64_t h, size_t *first, size_t *last) {
  for (size_t i = (size_t)h & ws->mask;; i = (i + 1) & ws->mask) {
    if (ws->h[i] == h) {
      *first = ws->at[i][0];
      *last = ws->at[i][1];
      return true;
    }
    if (!ws->h[i]) return false;
  }
}

#endif
