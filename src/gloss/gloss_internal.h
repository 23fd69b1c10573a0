/* The glossing engine's private header: the engine (struct dg_engine), what
 * it knows about each word of the sentence being glossed (dg_gl_word,
 * dg_gl_ctx), and each pass's entry point in the order the driver (gloss.c)
 * runs them.  The word helpers every pass shares are in word.h.  Not part
 * of any API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_INTERNAL_H
#define DG_GLOSS_INTERNAL_H

#include <assert.h>
#include <stdatomic.h>

#include "gloss.h"
#include "lexicon.h"
#include "morph.h"
#include "mwe.h"

#define DG_GL_MAX_SENSES 12
#define DG_GL_MAX_AN 8
#define DG_GL_MAX_PARTS 12
#define DG_GL_WINDOW 48 /* how far context scans look */

#define DG_GL_MAX_DOMAINS 32
#define DG_GL_MAX_SUBJECTS 32
#define DG_GL_MAX_NAMES_SEEN 128

/* Subject fields ("pol.", "mil.") the words of a paragraph point to (their
 * votes apart: dg_engine.dom_votes). */
typedef struct dg_gl_domain {
  char name[24];
} dg_gl_domain;

struct dg_engine {
  dg_lexicon *lex;
  dg_morph *morph;
  dg_mwe_list *mwes;
  struct dg_gl_pcache *pcache; /* compiled dictionary phrases (phrase.c) */
  struct dg_gl_shown *shown;   /* the labels shown of closed-class readings (labels.c) */
  struct dg_gl_memo *memo;     /* what is computed from a form alone (memo.c): the
                                * base engine's, shared by its workers */
  void *spare;   /* a sentence's block of context and words kept for the next
                  * (gloss.c): begin and end run on one engine's thread */
  char *data_dir;
  char *hbase;   /* hunspell base of the morphology */
  bool borrowed; /* a worker's engine: lex and mwes belong to the base engine */
  /* Domain votes of the recent sentences (domains.c): the
   * only state carried from sentence to sentence, updated in input order
   * by dg_engine_gloss_domains.  Any new such state must be updated there
   * too, or --jobs N output differs from --jobs 1 (src/api/jobs.c). */
  dg_gl_domain dom[DG_GL_MAX_DOMAINS];
  float dom_votes[DG_GL_MAX_DOMAINS]; /* (dom[k]'s votes: one run the fading multiplies at once) */
  size_t ndom;
  /* (where each of dom's fields stands, by a hash of its name: k + 1 in
   * the slot its name hashes to or one after it, 0 in a free slot;
   * cleared with ndom: domains.c S_field_slot) */
  unsigned char dom_index[2 * DG_GL_MAX_DOMAINS];
  char dom_src[256];
  /* The document's subject (domains.c, dictionaries/subjects.tsv): the
   * votes of its subjects since the document began (not fading), and the
   * subject --domain sets (-1: inferred). */
  struct dg_subjects *subjects; /* read-only; the base engine's in a worker */
  struct dg_governed *governed; /* governed prepositions; the same */
  struct dg_ordinal_stems *ordinal_stems; /* irregular ordinal stems (ordinal.c); the same */
  float subj_votes[DG_GL_MAX_SUBJECTS];
  int subject_forced;
  int subject_last; /* the previous sentence's subject, -1 none */
  /* Capitalised nouns the document has already used as a person's name
   * ("Olaf Kirchner" … "Kirchner sagte"): hashes of their forms, since the
   * document began (names.c dg_gl_names_seen, run with the domains). */
  uint64_t names_seen[DG_GL_MAX_NAMES_SEEN];
  size_t nnames_seen;
};

/* What the engine knows about one word while glossing its sentence.
 * (Laid out so that no field leaves a hole before the next, and the ones
 * the rules read of every word come first, on the first two cache lines:
 * the sentence's words are many 64-byte lines, each word's set field by
 * field at the start of the look-up pass: lookup.c S_word_start, which a
 * new field needs to know.) */
typedef struct dg_gl_word {
  const char *lower;                /* lower-case form (in the document's arena, or the memo's) */
  dg_word_class wc;                 /* the word classes of `lower` (set at the end of
                                     * the look-up pass: ask dg_gl_is) */
  /* The look-up pass's readings: room for DG_GL_MAX_AN analyses and
   * DG_GL_MAX_SENSES closed-class readings in the document's arena when
   * they were computed, or the memo's copy of a repeated word's (shared
   * by every thread: read only once the look-up pass is done). */
  dg_analysis *an;                  /* morphological analyses */
  size_t nan;
  unsigned *fb;                     /* fb[k]: dg_gl_feat_bits(an[k].feats) (word.h) */
  dg_sense *cl;                     /* closed-class readings */
  size_t ncl;
  int closed;                       /* chosen closed reading or -1 */
  unsigned closed_labels;           /* closed.c's bits of the chosen reading cl[closed] */
  /* The clause around the word (dg_gl_clauses, word.c: dg_gl_cstart,
   * dg_gl_cend), the labels of its pronoun readings as bits of a hash
   * (dg_gl_pronoun_sigs, set by the look-up pass), and the first word from
   * here on with a pronoun reading (ntokens: none). */
  size_t cstart, cend;
  const char *leipzig;              /* full labels of the chosen reading */
  const void *memo;                 /* the memo's entry for the word, or NULL (memo.h:
                                     * dg_gl_memo_link) */
  _Atomic(const void *) *alinks;    /* its analyses' links (DG_GL_ALINKS each), NULL
                                     * without an entry (memo.h dg_gl_memo_an_link) */
  /* The token's lemma as the closed-class or content-word pass set it
   * (NULL: not set), and the first analysis whose lemma is that string (-1:
   * none), so that dg_gl_memo_an_of knows it by the string's address;
   * dg_gl_an_of (word.h) keeps there the last lemma a later pass asked about. */
  const char *lemma_set;
  int lemma_an;
  unsigned fb_any;                  /* fb[0] | ... | fb[nan - 1]: what some reading is
                                     * (a word's readings' kinds, kept in its memo entry:
                                     * dg_gl_any_an, word.h) */
  bool initial;                     /* first word of the sentence (or quote) */
  bool is_closed;                   /* its labels are shown as a closed-class word's (closed.c) */
  bool name_reading;                /* an[0] is a name reading added for a
                                     * capitalised verb form ("Google") */
  bool variant;                     /* written is a spelling the dictionary does not use
                                     * (Koeln, BESTIMMTEN): its standard form is glossed */
  bool adverbial;                   /* an uninflected adjective used as an adverb (plain.c) */
  bool role_name;                   /* marked a name after a title or role */
  bool doc_name;                    /* a noun the document used as a name before */
  bool surname;                     /* a noun names.c made a surname */
  uint64_t pron_sig;
  size_t next_pron;
  const char *memo_form;            /* the form it was looked up by */
  const char *particle;             /* separable particle inside the form */
  const char *extra;                /* label the context adds: FUT, PASS */
  const char *written;              /* a suspended part as written ("Ein-") while its
                                     * completed form (Einfuhr) is glossed */
  const char *shown;                /* its segmentation: Ein-[fuhr] */
  const char *adverb;               /* its adverb sense from the dictionary, or NULL */
  const char *feats_read;           /* the token's features as last read into bits, and */
  unsigned feats_bits;              /* their bits (dg_gl_tok_feat_bits, word.h) */
} dg_gl_word;

/* What a word's memo entry links to (memo.h dg_gl_memo_link): of the
 * word, the compound split of its form, the dictionary phrases under its
 * lower-case form, whether the spelling dictionary knows the form, what
 * the closed-class pass makes of each of its readings (closed.c),
 * whether the form reads as a name (lookup.c dg_gl_beside_name), the
 * subjects that give the form a sense of its own (domains.c), whether
 * it is no ordinal (ordinal.c) and the English form (plural, past tense,
 * participle) first made of one of its glosses (plain.c); of
 * each of its analyses (dg_gl_memo_an_link), the senses of its lemma and
 * POS, what the domains pass reads of them, the facts the names pass asks
 * of the lemma, the phrases under the lower-case lemma and the phrase
 * pass's lower-case lemma with its hash (phrase.c), the compound parts
 * the content-word pass found with the analysis (senses.c), the labels
 * a content word shows of the analysis's Leipzig labels (labels.c), and
 * the form's segmentation by the analysis's lemma (word.c
 * dg_gl_word_segment). */
enum {
  DG_GL_LINK_SPLIT,
  DG_GL_LINK_PHRASES,
  DG_GL_LINK_KNOWN,
  DG_GL_LINK_CLOSED,
  DG_GL_LINK_NAME,
  DG_GL_LINK_SUBJECTS,
  DG_GL_LINK_ORDINAL, /* (from here on: memo.c does not prefetch them) */
  DG_GL_LINK_ENGLISH, /* (plain.c: the English form last made of a gloss of the word) */
  DG_GL_LINKS
};
enum {
  DG_GL_ALINK_SENSES,
  DG_GL_ALINK_DOMAINS,
  DG_GL_ALINK_FACTS,
  DG_GL_ALINK_PHRASES,
  DG_GL_ALINK_LOWER,
  DG_GL_ALINK_PARTS,
  DG_GL_ALINK_SHOWN,
  DG_GL_ALINK_SEGMENT,
  DG_GL_ALINKS
};

/* The part of speech of analysis k as bits beside its feature bits
 * (dg_gl_word.fb[k], set by the look-up pass; word.h's DG_GL_F_* are the
 * low bits): fb[k] & DG_GL_P_NOUN is dg_gl_eq(an[k].pos, "NOUN"). */
enum {
  DG_GL_P_NOUN = 1u << 20,
  DG_GL_P_PROPN = 1u << 21,
  DG_GL_P_ADJ = 1u << 22,
  DG_GL_P_VERB = 1u << 23,
  DG_GL_P_AUX = 1u << 24,
  DG_GL_P_ADP = 1u << 25,
  /* (not a part of speech) the lemma is spelt like the word's lower-case
   * form: strcmp(an[k].lemma, w->lower) == 0 ("bekannt" read as the
   * adjective bekannt, not as a form of bekennen) */
  DG_GL_P_LEMMA_LOWER = 1u << 26,
  DG_GL_P_ADV = 1u << 27,
};
static inline bool dg_gl_an_pos(const dg_gl_word *w, size_t k, unsigned bits) { return (w->fb[k] & bits) != 0; }
/* Is some analysis of w of one of these parts of speech or has it one of
 * these features (DG_GL_P_*, DG_GL_F_*)?  From the bits of all its readings
 * the look-up pass or-ed once (a repeated word's are its memo entry's). */
static inline bool dg_gl_any_an(const dg_gl_word *w, unsigned bits) { return (w->fb_any & bits) != 0; }

/* Is the word (its lower-case form) of one of the word classes `cls`?
 * What dg_lexicon_is(lex, w->lower, cls) says, from the classes the
 * look-up pass read once. */
static inline bool dg_gl_is(const dg_gl_word *w, dg_word_class cls) { return (w->wc & cls) != 0; }

struct dg_gl_ctx {
  dg_dsentence *s;
  dg_gl_word *w;
  const dg_lexicon *lex; /* the engine's lexicon: word classes (dg_lexicon_is) */
  /* What the phrase pass's table of the sentence's words (phrase.c
   * dg_gl_mwes: the hashes of every word's lower-case form and lemma) tells
   * the passes after it, so that a pass whose trigger word the sentence
   * lacks skips its walk: */
  bool has_es; /* some word may be "es" (a hash matched): dg_gl_there_is */
  /* The names pass's first question of a word (names.c S_noun_as_name:
   * a capitalised noun that may be a surname), asked of every word by
   * dg_gl_names_seen in the domains step: bit i of name_cands its answer
   * for word i (of the first 64), which dg_gl_names reads unless bit i of
   * names_stale is set.  The answer asks of word i its form, lemma,
   * features, gloss, source, kind and part of speech, and of word i + 1 its
   * part of speech: a pass that changes one of these of word i after the
   * question marks words i and i - 1 (dg_gl_names_changed: domains.c,
   * phrase.c, context.c; prepositions.c changes only the glosses of verbs
   * and prepositions, words neither noun nor name, whose answer is no
   * whatever their gloss). */
  uint64_t name_cands;
  uint64_t names_stale; /* (all bits: not asked) */
};
/* (the bits of names_stale a change to word i sets: i and i - 1) */
static inline uint64_t dg_gl_names_bits(size_t i) {
  return (i < 64 ? (uint64_t)1 << i : 0) | (i - 1 < 64 ? (uint64_t)1 << (i - 1) : 0); /* (i - 1 wraps for 0) */
}
static inline void dg_gl_names_changed(dg_gl_ctx *c, size_t i) { c->names_stale |= dg_gl_names_bits(i); }

/* ---- the passes, in the order gloss.c runs them -------------------------- */

/* dg_engine_gloss_begin: */
/* lookup.c: every word's closed-class readings and analyses (suspended
 * parts completed first), and the conjunctions that join clauses marked
 * (DG_DF_CLAUSE_JOIN). */
void dg_gl_lookup(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* word.c: then every word's clause found (dg_gl_clauses, declared in word.h). */

/* numbers.c: punctuation, numbers and symbols glossed from their form; false
 * for words and names.  (Of a word, the most tokens, only a decade
 * "1980er", a Roman numeral, "Uhr" right after a number or a command
 * without closed-class readings is glossed there: a word whose first
 * letter and neighbours make it none of them is told in line, before the
 * call.) */
bool dg_gl_nonword_form(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* (word i told in line to be none of them) */
static inline bool dg_gl_nonword_told(const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  if (t->kind != DG_KIND_WORD) return false;
  unsigned char f0 = (unsigned char)t->form[0];
  if (f0 >= 'a' && f0 <= 'z') return c->w[i].ncl != 0;
  if (f0 >= 'A' && f0 <= 'Z') {
    bool roman = f0 == 'I' || f0 == 'V' || f0 == 'X' || f0 == 'L' || f0 == 'C' || f0 == 'D' || f0 == 'M';
    return !roman && !(i && c->s->tokens[i - 1].kind == DG_KIND_NUMBER);
  }
  return f0 < '0' || f0 > '9';
}
static inline bool dg_gl_nonword(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  if (dg_gl_nonword_told(c, i)) {
    /* (the test build asks numbers.c too: a rule added there for words
     * the line above lets go fails the suite until it is told here) */
    assert(!dg_gl_nonword_form(e, d, c, i));
    return false;
  }
  return dg_gl_nonword_form(e, d, c, i);
}
/* closed.c: word i's closed-class reading, when one fits (lemma, features,
 * labels, glosses); false when it is a content word.  (A content word, the
 * most of them, has no closed-class reading to choose among: told in line,
 * before the call that chooses.) */
bool dg_gl_closed_reading(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
static inline bool dg_gl_closed(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  return c->w[i].ncl != 0 && dg_gl_closed_reading(e, d, c, i);
}
/* senses.c: a content word's analysis, senses and compound parts, or a name,
 * or the fallbacks for a word without an entry. */
void dg_gl_open(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* An ordinal written as a word (ordinal.c: "achten", "vierundzwanzigste"),
 * glossed from its cardinal; false (t untouched) for any other word. */
bool dg_gl_ordinal(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i);
/* Is this lower-case form an ordinal by its form alone ("siebte")? */
bool dg_gl_ordinal_form(dg_engine *e, const char *lower);
/* Is word w no ordinal wherever it stands: its lower-case form does not
 * end as one may, or its memo entry links that it is none (ordinal.c)?
 * Then dg_gl_ordinal is false for it in every context. */
bool dg_gl_ordinal_never(const dg_gl_word *w);
/* participle.c: a participle used as an adjective without an entry of its
 * own (word w, token t), glossed from its verb ("sinkend" sinking); false
 * (t untouched) when it is none. */
bool dg_gl_participle(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_gl_word *w);
/* lookup.c: is capitalised word i next to a name (a proper-noun reading of
 * the morphology or the dictionary: Robert Mueller, Sebastian Vettel)? */
bool dg_gl_beside_name(dg_engine *e, const dg_gl_ctx *c, size_t i);
/* suspended.c: word i, a suspended part or a spelling variant (its
 * dg_gl_word.written set), gets its written form back. */
void dg_gl_restore_suspended(dg_doc *d, dg_gl_ctx *c, size_t i);
/* context.c: "werden" as future (will), passive (be) or "become". */
void dg_gl_werden(dg_doc *d, dg_gl_ctx *c);
/* context.c: als, sich, relative pronouns, weniger, articles in adjective
 * glosses, by the words around them. */
void dg_gl_context_words(dg_doc *d, dg_gl_ctx *c);
/* separable.c: separable verbs put back together. */
void dg_gl_separable(dg_engine *e, dg_doc *d, dg_gl_ctx *c);

/* dg_engine_gloss_domains: */
/* domains.c: the subject-field votes of the recent sentences (e->dom, the
 * only cross-sentence state) updated, and senses of a well-supported field
 * promoted. */
void dg_gl_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* names.c: capitalised nouns the document used as a person's name before
 * are marked (doc_name), and this sentence's are remembered (e->names_seen;
 * emptied when a document begins, with the subject votes). */
void dg_gl_names_seen(dg_engine *e, dg_gl_ctx *c);

/* dg_engine_gloss_end: */
/* phrase.c: multiword expressions, the curated list first, then dictionary
 * phrases; the first match claims its tokens. */
void dg_gl_mwes(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* context.c: inverted "gibt es" is "there is". */
void dg_gl_there_is(dg_doc *d, dg_gl_ctx *c);
/* prepositions.c: a preposition takes the sense the word governing it
 * gives it (dictionaries/governed-prepositions.tsv: "sprechen über" =
 * speak about). */
void dg_gl_governed(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* names.c: names after a title or role, next to names, name particles,
 * words inside titles, forms of address. */
void dg_gl_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
/* labels.c: Leipzig labels, segmentation, plain forms; a word still
 * without a gloss repeats the German. */
void dg_gl_labels(dg_engine *e, dg_doc *d, dg_gl_ctx *c);

/* ---- used by more than one pass ------------------------------------------ */

/* analysis.c: the index of the analysis of word i that fits its context, or
 * -1 when it has none (closed.c for verb forms, senses.c).  (One analysis
 * is the one that fits, whatever the context says: told in line, before
 * the call that ranks several.) */
int dg_gl_pick_among_analyses(dg_gl_ctx *c, size_t i);
static inline int dg_gl_pick_analysis(dg_gl_ctx *c, size_t i) {
  size_t nan = c->w[i].nan;
  if (nan <= 1) return nan ? 0 : -1;
  return dg_gl_pick_among_analyses(c, i);
}
/* suspended.c: the completed word of the suspended part at token i ("Ein-"
 * before "und Ausfuhr": Einfuhr), or NULL; *display gets the segmentation
 * with the borrowed piece in brackets (Ein-[fuhr]).  Strings live in d's
 * arena (lookup.c). */
const char *dg_gl_complete_suspended(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i,
                                     const char **display);
/* plain.c: the plain-English form of word i, adverbial adjectives and
 * present participles first (one the dictionary lists chiefly as an adverb
 * spelt so becomes that adverb in the gloss line too)
 * (labels.c; lbits: dg_gl_label_bits of the word's labels when the labels
 * pass kept them, else NULL).  Asked only of a name or a word of the parts
 * of speech DG_GL_PLAIN_POS (bits of their DG_UD_* codes), the only ones
 * that may be adverbial or take a form: the caller tells the others (most
 * words) before the call, and sets their dg_gl_word.adverbial false. */
enum {
  DG_GL_PLAIN_POS = 1u << DG_UD_VERB | 1u << DG_UD_AUX | 1u << DG_UD_ADJ | 1u << DG_UD_ADV | 1u << DG_UD_NOUN
};
_Static_assert(DG_UD_COUNT <= 32, "the codes of the parts of speech are bits of an unsigned");
void dg_gl_plain(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, const unsigned *lbits);
/* phrase.c: the compiled dictionary phrases of an engine (engine.c). */
void dg_gl_pcache_free(struct dg_gl_pcache *pc);

#endif
