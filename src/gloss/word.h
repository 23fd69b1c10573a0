/* Word helpers shared by every pass of the glossing engine (word.c): the
 * passes and the satellites include this header and call nothing of the
 * driver (gloss.c).  dg_gl_lower is declared in gloss.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_WORD_H
#define DG_GLOSS_WORD_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "gloss_internal.h"
#include "memo.h"

/* Strings. */
/* dg_gl_lower(s) appended to b with its NUL (b->len counts it), without
 * an allocation of its own; returns its offset in b (b->data may move as
 * b grows: take pointers once every string is in). */
size_t dg_gl_lower_into(dg_buf *b, const char *s);
/* The rules compare mostly parts of speech and short words with strings
 * that differ in their first byte ("NOUN" and "VERB"): that byte is tested
 * before strcmp is called.  A short literal ("NOUN", "zu") is compared
 * byte by byte against the constants in place, with no call (the loop
 * stops at the first byte that differs, so a shorter `a` is never read
 * past its NUL). */
static inline bool dg_gl_eq(const char *a, const char *b) {
  if (__builtin_constant_p(__builtin_strlen(b)) && __builtin_strlen(b) < 16) {
    if (!a) return false;
#pragma GCC unroll 16
    for (size_t i = 0; i <= __builtin_strlen(b); i++)
      if (a[i] != b[i]) return false;
    return true;
  }
  return a && b && a[0] == b[0] && (a[0] == '\0' || strcmp(a + 1, b + 1) == 0);
}
/* A token's part of speech is its UD tag (t->pos, "NOUN") and the tag's
 * code (t->upos, lexicon.h DG_UD_*, dg_lexicon_ud_code), set together by
 * dg_gl_set_pos: the passes ask for a part of speech by the code, one
 * byte, where they compared the string. */
static inline void dg_gl_set_pos_code(dg_dtoken *t, const char *pos, unsigned code) {
  assert(code == dg_lexicon_ud_code(pos));
  t->pos = pos;
  t->upos = (uint8_t)code;
}
/* (in line, as dg_lexicon_ud_code: a literal tag costs two stores) */
static inline __attribute__((always_inline)) void dg_gl_set_pos(dg_dtoken *t, const char *pos) {
  dg_gl_set_pos_code(t, pos, dg_lexicon_ud_code(pos));
}
/* Is the token's part of speech the one of this code (DG_UD_NOUN)?  (A
 * debugging build checks that the code was set with the tag.) */
static inline bool dg_gl_pos_is(const dg_dtoken *t, unsigned code) {
  assert(t->upos == dg_lexicon_ud_code(t->pos));
  return t->upos == code;
}
/* Is token t a name (marked as one, or tagged PROPN)?  A noun or a name? */
static inline bool dg_gl_is_name(const dg_dtoken *t) { return t->kind == DG_KIND_NAME || dg_gl_pos_is(t, DG_UD_PROPN); }

/* May word j stand as an adjective between an article and its noun: a
 * word (no number, mark or name) with an adjective reading and no
 * closed-class one ("die jungen Forscher", "einer der besten Spieler")?
 * The rules that find an article's noun walk over such words (agree.c,
 * case.c, analysis.c); an attributive adjective is written in small
 * letters, which they ask too. */
static inline bool dg_gl_adjective_word(const dg_gl_ctx *c, size_t j) {
  const dg_gl_word *a = &c->w[j];
  return c->s->tokens[j].kind == DG_KIND_WORD && !a->ncl && a->nan && dg_gl_any_an(a, DG_GL_P_ADJ);
}
static inline bool dg_gl_is_nominal(const dg_dtoken *t) { return dg_gl_is_name(t) || dg_gl_pos_is(t, DG_UD_NOUN); }
/* Does s begin with a capital letter?  (Most words begin with an ASCII
 * letter: told here; any other first letter by its Unicode category.) */
bool dg_gl_is_upper_initial_utf8(const char *s);
static inline bool dg_gl_is_upper_initial(const char *s) {
  unsigned char b = (unsigned char)s[0];
  return b < 0x80 ? b >= 'A' && b <= 'Z' : dg_gl_is_upper_initial_utf8(s);
}
/* At least two capitals and no lower-case letter: an acronym (NATO).
 * (A word in small letters or capitalised, the most of them, is told by
 * its first two bytes here; any other by the scan of dg_gl_all_upper_scan.) */
bool dg_gl_all_upper_scan(const char *s);
static inline bool dg_gl_all_upper(const char *s) {
  char b = s[0];
  if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z' && s[1] >= 'a' && s[1] <= 'z')) return false;
  return dg_gl_all_upper_scan(s);
}

/* Labels and features: is `want` one of the dot-separated Leipzig labels
 * ("3SG.PRS"), is `fv` one of the |-separated UD features? */
bool dg_gl_has_label_n(const char *labels, const char *want, size_t n);
bool dg_gl_feat_n(const char *feats, const char *fv, size_t n);
/* (inline: the rules name the label or feature as a literal, whose length
 * is then known when compiling) */
static inline bool dg_gl_has_label(const char *labels, const char *want) {
  return dg_gl_has_label_n(labels, want, strlen(want));
}
static inline bool dg_gl_feat(const char *feats, const char *fv) { return dg_gl_feat_n(feats, fv, strlen(fv)); }
/* The Leipzig labels the plain forms ask about, as bits: dg_gl_label_bits
 * walks a label string once and sets the bit of each that dg_gl_has_label
 * would find there (so `bits & DG_GL_L_PL` is dg_gl_has_label(labels,
 * "PL")). */
enum {
  DG_GL_L_PL = 1u << 0,   /* plural */
  DG_GL_L_GEN = 1u << 1,  /* genitive */
  DG_GL_L_PST = 1u << 2,  /* past */
  DG_GL_L_PTCP = 1u << 3, /* participle */
  DG_GL_L_PRS = 1u << 4,  /* present */
  DG_GL_L_SBJV1 = 1u << 5, /* subjunctive I */
  DG_GL_L_3SG = 1u << 6     /* "3SG" anywhere in the string (strstr): third person singular */
};
unsigned dg_gl_label_bits(const char *labels);
/* The features the analysis choice asks about again and again, as bits:
 * dg_gl_feat_bits reads a FEATS string once and sets the bit of each that
 * dg_gl_feat would find there (so `bits & DG_GL_F_FIN` is
 * dg_gl_feat(feats, "VerbForm=Fin")).  Computed where it is used, from the
 * string as it is then (passes change the features of a word); it pays
 * where a string is asked about more than once. */
enum {
  DG_GL_F_FIN = 1u << 0,   /* VerbForm=Fin */
  DG_GL_F_INF = 1u << 1,   /* VerbForm=Inf */
  DG_GL_F_PART = 1u << 2,  /* VerbForm=Part */
  DG_GL_F_SING = 1u << 3,  /* Number=Sing */
  DG_GL_F_PLUR = 1u << 4,  /* Number=Plur */
  DG_GL_F_P1 = 1u << 5,    /* Person=1 */
  DG_GL_F_P2 = 1u << 6,    /* Person=2 */
  DG_GL_F_P3 = 1u << 7,    /* Person=3 */
  DG_GL_F_POS = 1u << 8,   /* Degree=Pos */
  DG_GL_F_CMP = 1u << 9,   /* Degree=Cmp */
  DG_GL_F_PRES = 1u << 10, /* Tense=Pres */
  DG_GL_F_SUP = 1u << 11,  /* Degree=Sup */
  DG_GL_F_CASE = 1u << 12, /* "Case=" anywhere in the string (strstr): a case feature */
  DG_GL_F_MASC = 1u << 13, /* Gender=Masc */
  DG_GL_F_FEM = 1u << 14,  /* Gender=Fem */
  DG_GL_F_NEUT = 1u << 15, /* Gender=Neut */
  DG_GL_F_PAST = 1u << 16, /* Tense=Past */
  DG_GL_F_GEN = 1u << 17,  /* Case=Gen */
};
unsigned dg_gl_feat_bits(const char *feats);
/* The same asked of analysis k of a word of the sentence, from the bits
 * the look-up pass read once (dg_gl_word.fb): dg_gl_an_feat(w, k,
 * DG_GL_F_FIN) is dg_gl_feat(w->an[k].feats, "VerbForm=Fin"). */
static inline bool dg_gl_an_feat(const dg_gl_word *w, size_t k, unsigned bit) { return (w->fb[k] & bit) != 0; }
/* The same asked of the token's own features (t->feats, which the passes
 * set and change): dg_gl_tok_feat(w, t->feats, DG_GL_F_PLUR) is
 * dg_gl_feat(t->feats, "Number=Plur").  The bits of the string last asked
 * about are kept in w (feats_read, feats_bits), and the content-word pass,
 * which gives the token the features of one of its analyses, puts that
 * analysis's bits there.  (Told by the string's address: a pass that
 * changes a token's features points it at another string, never writes
 * into the one it has.) */
static inline unsigned dg_gl_tok_feat_bits(dg_gl_word *w, const char *feats) {
  if (w->feats_read != feats) {
    w->feats_read = feats;
    w->feats_bits = dg_gl_feat_bits(feats);
  }
  return w->feats_bits;
}
static inline bool dg_gl_tok_feat(dg_gl_word *w, const char *feats, unsigned bit) {
  return (dg_gl_tok_feat_bits(w, feats) & bit) != 0;
}
/* Is the noun plural (by its features or its labels; lbits: their bits
 * when the caller has them, dg_gl_label_bits)?  plain.c asks it to make
 * "negotiations", labels.c to know a singular noun takes no plain form. */
static inline bool dg_gl_plural_noun(const dg_dtoken *t, dg_gl_word *w, const unsigned *lbits) {
  return dg_gl_pos_is(t, DG_UD_NOUN) &&
         (dg_gl_tok_feat(w, t->feats, DG_GL_F_PLUR) ||
          (lbits ? (*lbits & DG_GL_L_PL) != 0 : dg_gl_has_label(w->leipzig, "PL")));
}
/* A string of word w's analyses (a lemma, features) for one of its
 * tokens: the string itself when the analyses are the memo entry's (a
 * repeated word: memo.h dg_gl_memo_an_kept), else a copy in d's arena;
 * "" for NULL. */
static inline const char *dg_gl_an_str(dg_doc *d, const dg_gl_word *w, const char *s) {
  if (!s) return "";
  return dg_gl_memo_an_kept(w) ? s : dg_mem_strdup(&d->arena, s);
}
/* Give token t of word w the features of w's analysis k (dg_gl_an_str),
 * whose bits are the analysis's (read by the look-up pass). */
static inline void dg_gl_set_an_feats(dg_doc *d, dg_dtoken *t, dg_gl_word *w, size_t k) {
  t->feats = dg_gl_an_str(d, w, w->an[k].feats);
  w->feats_read = t->feats;
  w->feats_bits = w->fb[k];
}

/* The analysis of w whose lemma is `lemma` (the token's: the first such),
 * or -1, as memo.h's dg_gl_memo_an_of(w, lemma, NULL) gives it; the passes
 * after the sentence's readings are chosen (domains, phrases, names) ask
 * it of the same token's lemma one after the other: the answer is kept in
 * w (lemma_set, lemma_an, where the pass that set the lemma put it) and
 * the next question about that very string (the same pointer) is
 * answered without comparing lemmas. */
int dg_gl_an_of_find(dg_gl_word *w, const char *lemma);
static inline int dg_gl_an_of(dg_gl_word *w, const char *lemma) {
  return lemma && w->lemma_set == lemma ? w->lemma_an : dg_gl_an_of_find(w, lemma);
}

/* Clauses.  A boundary is punctuation or a conjunction joining clauses
 * (DG_DF_CLAUSE_JOIN); scans stop after DG_GL_WINDOW tokens. */
static inline bool dg_gl_is_punct(const dg_dtoken *t) { return t->kind == DG_KIND_PUNCT; }
bool dg_gl_boundary_mark(const char *form); /* , ; : . ! ? ( ) " – — „ “ ” » « */
static inline bool dg_gl_boundary(const dg_dtoken *t) {
  return (t->flags & DG_DF_CLAUSE_JOIN) || (dg_gl_is_punct(t) && dg_gl_boundary_mark(t->form));
}
bool dg_gl_quote(const dg_dtoken *t);   /* a quotation mark */
bool dg_gl_opening(const dg_dtoken *t); /* an opening quotation mark or parenthesis */
size_t dg_gl_clause_start(const dg_dsentence *s, size_t i);
size_t dg_gl_clause_end(const dg_dsentence *s, size_t i); /* exclusive */
/* The same of word i of the sentence being glossed, found for every word
 * at once after the look-up has marked the joining conjunctions
 * (dg_gl_clauses, called by the driver right after dg_gl_lookup).  For
 * the passes after it: once the joins are marked no token becomes or stops being a boundary (the passes change
 * only words' forms, and a kind only from word to name). */
void dg_gl_clauses(dg_gl_ctx *c);
/* A pronoun's labels as one of 64 bits (NULL: none): a hash of their first
 * six bytes, which tell the kind of pronoun, its person and number
 * ("PRS.1S", "PRS.3P", "REFL.2", "REL.F."); a word without the bit of the
 * labels asked for has no such reading.  (inline: the bit of labels a rule
 * names as a literal is known when compiling) */
static inline uint64_t dg_gl_label_sig(const char *labels) {
  if (!labels) return 0;
  unsigned h = 2166136261u;
  bool in = true; /* (six steps, so that a literal's unroll and fold) */
#pragma GCC unroll 6
  for (size_t k = 0; k < 6; k++)
    if ((in = in && labels[k])) h = (h ^ (unsigned char)labels[k]) * 16777619u;
  return (uint64_t)1 << (h & 63);
}
/* The labels of w's pronoun readings as bits of a hash (dg_gl_word.pron_sig,
 * set by the look-up pass: a repeated word's are its memo entry's). */
uint64_t dg_gl_pronoun_sigs(const dg_gl_word *w);
static inline size_t dg_gl_cstart(const dg_gl_ctx *c, size_t i) { return c->w[i].cstart; }
static inline size_t dg_gl_cend(const dg_gl_ctx *c, size_t i) { return c->w[i].cend; }
/* Does word i open its clause (maybe after an opening punctuation mark)? */
static inline bool dg_gl_clause_initial(const dg_gl_ctx *c, size_t i) {
  size_t cs = dg_gl_cstart(c, i);
  return i == cs || (i == cs + 1 && dg_gl_is_punct(&c->s->tokens[cs]));
}
/* Has the stretch of words from i to end (exclusive) no verb: no word in
 * small letters whose first analysis is a verb? */
bool dg_gl_verbless(const dg_gl_ctx *c, size_t i, size_t end);
/* Does the clause around i (or the clause before, across a joining "und")
 * hold the word `lower`? */
bool dg_gl_clause_has(const dg_gl_ctx *c, size_t i, const char *lower);
/* Is every reading of w a finite verb form? */
bool dg_gl_only_finite(const dg_gl_word *w);

/* Glosses and senses.  Strings go into d's arena (but for those that live
 * as long as d already: the lexicon's it keeps, dg_doc_str; the token's own
 * lemma or form, given as a single gloss). */
void dg_gl_set_glosses(dg_doc *d, dg_dtoken *t, const dg_sense *sv, size_t n, const char *first);
/* The glosses dg_gl_set_glosses gives: `first` (if any), then the senses'
 * glosses without duplicates, at most DG_GL_MAX_SENSES of them in out;
 * returns how many (the strings are the senses'). */
size_t dg_gl_gloss_list(const dg_sense *sv, size_t n, const char *first, const char **out);
/* dg_gl_set_glosses with the list dg_gl_gloss_list made (k glosses). */
void dg_gl_set_gloss_list(dg_doc *d, dg_dtoken *t, const char *const *list, size_t k);
void dg_gl_set_single(dg_doc *d, dg_dtoken *t, const char *gloss);
/* Put `g` first among the token's glosses. */
void dg_gl_promote(dg_doc *d, dg_dtoken *t, const char *g);
/* Word i taken whole as one uninflected unit of kind `kind` and part of
 * speech `pos` glossed `g` (a name: Hurrikan Rosa; a place's adjective:
 * Berliner Mauer = Berlin): its own form as lemma, no features, labels,
 * parts or segmentation, and no longer a guess; the caller says why
 * (source, reason). */
void dg_gl_make_unit(dg_doc *d, dg_gl_ctx *c, size_t i, dg_kind kind, const char *pos, const char *g);
/* Senses of lemma with pos; falls back to any pos, then other spellings. */
size_t dg_gl_senses(dg_engine *e, const char *lemma, const char *pos, dg_sense *out, size_t max);
/* The same for the lemma and POS of w's analysis k (a repeated word reaches
 * them through its memo entry). */
size_t dg_gl_an_senses(dg_engine *e, const dg_gl_word *w, size_t k, dg_sense *out, size_t max);
/* The same with max DG_GL_MAX_SENSES, without a copy: the memo's senses
 * (read only), or buf filled; their number in *n. */
const dg_sense *dg_gl_an_senses_ref(dg_engine *e, const dg_gl_word *w, size_t k, dg_sense *buf, size_t *n);
/* What the content-word pass asks of each sense of a verb (senses.c, the
 * order of reflexive senses): its source is a reviewed file of
 * dictionaries/ (CURATED), its ';'-separated domains hold "vr" (a sense of
 * the reflexive verb: VR), and "vr" is all of them (VR_ONLY).  The memo
 * keeps them with the senses it stores (memo.h dg_gl_memo_sense_marks). */
enum { DG_GL_SENSE_CURATED = 1, DG_GL_SENSE_VR = 2, DG_GL_SENSE_VR_ONLY = 4 };
unsigned dg_gl_sense_marks(const dg_sense *sv);

/* The few words the rules are about one by one (each is that word, not a
 * member of a class): */
/* "zu", the infinitive particle ("zu verhandeln", "um … zu", "zu sein"). */
static inline bool dg_gl_is_zu(const char *lower) { return dg_gl_eq(lower, "zu"); }
/* "werden" (a lemma): the future and passive auxiliary that is also
 * "become". */
static inline bool dg_gl_is_werden(const char *lemma) { return dg_gl_eq(lemma, "werden"); }
/* "sein": the copula (a lemma), and the possessive spelt alike. */
static inline bool dg_gl_is_sein(const char *s) { return dg_gl_eq(s, "sein"); }
/* "sich", the reflexive pronoun of the 3rd person. */
static inline bool dg_gl_is_sich(const char *lower) { return dg_gl_eq(lower, "sich"); }
/* "um", the conjunction whose clause is a zu-infinitive ("um … zu
 * verhandeln"). */
static inline bool dg_gl_is_um(const char *lower) { return dg_gl_eq(lower, "um"); }

/* Personal pronouns by their closed-class reading (closed-class.tsv): has w
 * a PRON reading with exactly these Leipzig labels ("PRS.1SG.NOM" is ich,
 * "REFL.2PL" euch)?  A rule asks for "the subject pronoun of the 1st person
 * plural", it does not spell it. */
bool dg_gl_pronoun(const dg_gl_word *w, const char *labels);
/* Does the clause around i (as dg_gl_clause_has) hold such a pronoun?  (A
 * pass of dg_engine_gloss_begin: it reads the clauses of dg_gl_clauses.) */
bool dg_gl_clause_has_pronoun(const dg_gl_ctx *c, size_t i, const char *labels);
/* The same with the labels' dg_gl_label_sig (0: found when first needed). */
bool dg_gl_clause_has_pronoun_sig(const dg_gl_ctx *c, size_t i, const char *labels, uint64_t sig);

/* Word shapes and classes. */
bool dg_gl_digits(const char *s);
/* "bestätigte" with lemma "bestätigen" -> "bestätig-te", or NULL. */
const char *dg_gl_segment(dg_doc *d, const char *form, const char *lemma, const char *pos);
/* The same for word w's form as looked up, through its memo entry (kept
 * per analysis: memo.h dg_gl_memo_an_link); form is the token's. */
const char *dg_gl_word_segment(dg_engine *e, dg_doc *d, const dg_gl_word *w, const char *form, const char *lemma,
                               const char *pos);
/* A noun naming a person's role or title (word class role-noun, also at
 * the end of a compound: Präsident, Sprecherin, Außenminister). */
bool dg_gl_role_noun(const dg_gl_ctx *c, const char *lemma);

/* Ding's English placeholders (word class en-placeholder: sb., sth.,
 * sb./sth., "…"; a possessive "sb.’s" counts too) dropped from a phrase
 * gloss in place, each with the space before it:
 *   DG_GL_DROP_ALL: every one, wherever it stands, for a word glossed by a
 *     phrase ("benefit from sth." -> "benefit from", "count sb./sth." ->
 *     "count", "attempt on sb.’s life" -> "attempt on life");
 *   DG_GL_DROP_OBJECT: only the object the gloss ends in, for a particle
 *     verb glossed by its phrase: placeholders at the end ("benefit sb." ->
 *     "benefit"), a possessive one with the noun it owns ("redound to sb.’s
 *     benefit / advantage" -> "redound to"); one inside stays ("root
 *     sb./sth. out"). */
typedef enum { DG_GL_DROP_ALL, DG_GL_DROP_OBJECT } dg_gl_drop;
void dg_gl_drop_placeholders(const dg_lexicon *lex, char *g, dg_gl_drop how);

#endif
