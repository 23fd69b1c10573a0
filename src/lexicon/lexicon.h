/* The bilingual lexicon: German lemmas, forms, phrases and closed-class words
 * with ranked English senses, compiled at build time by tools/dgcompile/dgcompile.c
 * from Ding and dictionaries/ into one mapped file (degloss.lex), plus an
 * in-memory overlay of user glossaries consulted before the mapped file.
 * Internal API (not public).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_LEXICON_H
#define DG_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <stdint.h>

#include "degloss.h"
#include "wordclass.h"

/* File name of the compiled lexicon inside the data directory. */
#define DG_LEXICON_FILE "degloss.lex"

typedef struct dg_lexicon dg_lexicon;

/* Map a compiled lexicon.  Checks header, version, size and checksum; a
 * missing, truncated or corrupted file is an error naming the file. */
dg_lexicon *dg_lexicon_open(const char *path, degloss_error *err);
/* The same, with the whole file's checksum read too when `checksum` is set
 * (dg_lexicon_open checks the header, section table and hash tables only). */
dg_lexicon *dg_lexicon_open_checked(const char *path, bool checksum, degloss_error *err);
/* Open DG_LEXICON_FILE in degloss_data_dir(). */
dg_lexicon *dg_lexicon_open_default(degloss_error *err);
/* Drops a reference: the opener's, or one dg_lexicon_keep took; the last
 * one closes the lexicon. */
void dg_lexicon_close(dg_lexicon *lex);
/* Another reference to lex, for a document that points at its strings
 * (dg_doc_keep_lexicon): the lexicon stays open until both are closed. */
dg_lexicon *dg_lexicon_keep(const dg_lexicon *lex);
/* Does p point into lex's mapped file (a string that lives as long as lex)? */
bool dg_lexicon_holds(const dg_lexicon *lex, const void *p);
/* The bytes of lex's mapped file (what dg_lexicon_holds tests), for a
 * caller that tests many pointers: *len bytes from the result. */
const void *dg_lexicon_bytes(const dg_lexicon *lex, size_t *len);

typedef struct dg_sense {
  const char *lemma;   /* German headword as in the dictionary, e.g. "bestätigen" */
  const char *gloss;   /* short English gloss, e.g. "confirm" (verbs without "to") */
  const char *pos;     /* UD tag: NOUN VERB ADJ ADV ADP DET PRON CCONJ SCONJ PART AUX NUM PROPN INTJ X */
  const char *gender;  /* "m" "f" "n" "pl" or "" */
  const char *domains; /* e.g. "pol.;mil." or "" */
  const char *labels;  /* Leipzig labels for closed-class words, e.g. "DEF.M.NOM.SG", or "" */
  const char *source;  /* provenance: "ding:LINE", "dictionaries/closed-class.tsv:17", "glossary FILE:LINE" */
  float score;         /* ranking score, higher first */
  unsigned bits;       /* of a closed-class reading: DG_LB_* (below); 0 for other senses */
} dg_sense;

/* What the rules ask of a closed-class reading for every article, pronoun
 * and preposition of a text, read once per reading when the lexicon is
 * opened (dg_sense.bits of dg_lexicon_closed's readings).
 *
 * Its Leipzig labels as bits: a label counts where dg_gl_has_label finds
 * it, as a whole piece of the labels after the start or one of . - + | /
 * and before the end or one of . - | / ("DEF.M/N.DAT.SG" has M, N, DAT and
 * SG; a preposition's "+ACC/DAT" has ACC and DAT).  The first nine in this
 * order: gender, case, number. */
enum {
  DG_LB_M = 1u << 0,
  DG_LB_F = 1u << 1,
  DG_LB_N = 1u << 2,
  DG_LB_NOM = 1u << 3,
  DG_LB_ACC = 1u << 4,
  DG_LB_DAT = 1u << 5,
  DG_LB_GEN = 1u << 6,
  DG_LB_SG = 1u << 7,
  DG_LB_PL = 1u << 8,
  DG_LB_REL = 1u << 9,
  DG_LB_INT = 1u << 10,
  DG_LB_PTCL = 1u << 11,
  DG_LB_POSS = 1u << 12,
  DG_LB_POL = 1u << 13,
  DG_LB_DEF = 1u << 14,
  DG_LB_SBJV2 = 1u << 15,
  /* the labels hold "+ACC", "+DAT", "+GEN" (the case a preposition governs) */
  DG_LB_GOV_ACC = 1u << 16,
  DG_LB_GOV_DAT = 1u << 17,
  DG_LB_GOV_GEN = 1u << 18,
  /* the gloss holds alternatives between slashes ("his/its") */
  DG_LB_GLOSS_ALT = 1u << 19,
  DG_LB_DEM = 1u << 20,
};
/* The reading's part of speech as a code (the top bits): DG_LB_POS(bits)
 * is one of these, DG_UD_OTHER for a string not among them. */
enum {
  DG_UD_OTHER, DG_UD_NONE /* "" */, DG_UD_ADJ, DG_UD_ADP, DG_UD_ADV, DG_UD_AUX, DG_UD_CCONJ, DG_UD_DET,
  DG_UD_INTJ, DG_UD_NOUN, DG_UD_NUM, DG_UD_PART, DG_UD_PRON, DG_UD_PROPN, DG_UD_PUNCT, DG_UD_SCONJ,
  DG_UD_SYM, DG_UD_VERB, DG_UD_X, DG_UD_COUNT
};
#define DG_LB_POS_SHIFT 24
#define DG_LB_POS(bits) ((bits) >> DG_LB_POS_SHIFT)
/* The tag of a code ("DET"; NULL for DG_UD_OTHER): a string constant. */
const char *dg_lexicon_ud_name(unsigned code);
/* The code of a tag (DG_UD_NONE for "", DG_UD_OTHER for NULL or a string
 * that is no UD tag).  In line: a literal's code is known when compiling,
 * and the engine asks it for every tag it sets (src/gloss/word.h). */
static inline __attribute__((always_inline)) unsigned dg_lexicon_ud_code(const char *pos) {
  if (!pos) return DG_UD_OTHER;
#define S_UD_IS(lit) (strcmp(pos, lit) == 0)
  unsigned code;
  switch (pos[0]) {
  case '\0': code = DG_UD_NONE; break;
  case 'A':
    code = S_UD_IS("ADJ") ? DG_UD_ADJ : S_UD_IS("ADP") ? DG_UD_ADP : S_UD_IS("ADV") ? DG_UD_ADV
         : S_UD_IS("AUX") ? DG_UD_AUX : DG_UD_OTHER;
    break;
  case 'C': code = S_UD_IS("CCONJ") ? DG_UD_CCONJ : DG_UD_OTHER; break;
  case 'D': code = S_UD_IS("DET") ? DG_UD_DET : DG_UD_OTHER; break;
  case 'I': code = S_UD_IS("INTJ") ? DG_UD_INTJ : DG_UD_OTHER; break;
  case 'N': code = S_UD_IS("NOUN") ? DG_UD_NOUN : S_UD_IS("NUM") ? DG_UD_NUM : DG_UD_OTHER; break;
  case 'P':
    code = S_UD_IS("PART") ? DG_UD_PART : S_UD_IS("PRON") ? DG_UD_PRON : S_UD_IS("PROPN") ? DG_UD_PROPN
         : S_UD_IS("PUNCT") ? DG_UD_PUNCT : DG_UD_OTHER;
    break;
  case 'S': code = S_UD_IS("SCONJ") ? DG_UD_SCONJ : S_UD_IS("SYM") ? DG_UD_SYM : DG_UD_OTHER; break;
  case 'V': code = S_UD_IS("VERB") ? DG_UD_VERB : DG_UD_OTHER; break;
  case 'X': code = S_UD_IS("X") ? DG_UD_X : DG_UD_OTHER; break;
  default: code = DG_UD_OTHER;
  }
#undef S_UD_IS
  return code;
}

/* Ranked senses of a lemma (exact, then case-insensitive match); pos NULL =
 * any; with a pos that has no sense, the senses whose POS Ding leaves open
 * (X) are returned instead.  Returns the number found (may exceed max; fills at most max).
 * Strings point into the mapped file or the overlay and live as long as the
 * lexicon.  Glossary entries for a lemma come first. */
size_t dg_lexicon_senses(const dg_lexicon *lex, const char *lemma, const char *pos,
                         dg_sense *out, size_t max);

/* Any headword, listed form, closed-class form or glossary entry. */
bool dg_lexicon_contains(const dg_lexicon *lex, const char *word);

/* Lemmas of an inflected form listed in Ding sub-entries (e.g. "Gespräche" ->
 * "Gespräch", "bestätigt" -> "bestätigen"; separated particle verbs as two
 * words: "stellte klar" -> "klarstellen").  Exact spelling first; other
 * capitalisations only when the word is neither a listed form nor a
 * headword as written ("Kam" -> kommen, but "Schritt" stays the noun).
 * Returns the number found. */
size_t dg_lexicon_form_lemmas(const dg_lexicon *lex, const char *form, const char **out,
                              size_t max);

/* Closed-class readings of a word form (articles, pronouns, prepositions,
 * auxiliaries ...), each with Leipzig labels.  Exact match first, then
 * case-insensitive (sentence-initial "Der"). */
size_t dg_lexicon_closed(const dg_lexicon *lex, const char *form, dg_sense *out, size_t max);

/* Multiword phrases whose key is `key`: the first content word of the
 * phrase in lower case, an inflected form replaced by its lemma
 * ("Gespräche im Vorfeld" under "gespräch"). */
typedef struct dg_phrase {
  const char *german; /* e.g. "zur Rechenschaft ziehen" or "jdm. etw. in den Mund legen" */
  const char *gloss;
  const char *source;
} dg_phrase;
size_t dg_lexicon_phrases(const dg_lexicon *lex, const char *key, dg_phrase *out, size_t max);
/* The phrases under `key` as the gloss engine compiles them (a block of
 * src/gloss/phrase.c, compiled when the lexicon was built), in *block with
 * the bytes from there to the end of the file's blocks in *len (*block
 * NULL: no phrase has this key).  False when the file keeps no such
 * blocks or `key` is not written as a key is (in lower case, as
 * dg_lexicon_fold writes it): the caller compiles the phrases itself.
 * The block is not checked here: the caller checks it before use. */
bool dg_lexicon_phrase_block(const dg_lexicon *lex, const char *key, const void **block, size_t *len);
/* The slots of the phrase table, for the compiler of those blocks: their
 * number, and the key of slot i (NULL for an empty slot). */
size_t dg_lexicon_phrase_slots(const dg_lexicon *lex);
const char *dg_lexicon_phrase_slot_key(const dg_lexicon *lex, size_t i);

/* Word classes (dictionaries/word-classes.tsv and the classes that
 * closed-class.tsv, names.tsv, first-parts.tsv and ding-labels.tsv state;
 * tags in src/lexicon/wordclass.h).  The word must be spelt exactly as the
 * data writes it: "März", "kW", the role and person nouns in lower case
 * ("präsident").  dg_lexicon_is() tells whether it has any of the classes
 * in `cls` (an OR of DG_WC_* bits): a rule asks "is this a copula?"
 * (DG_WC_COPULA | DG_WC_OBJ_PREDICATIVE), it does not list copulas. */
dg_word_class dg_lexicon_classes(const dg_lexicon *lex, const char *word);
bool dg_lexicon_is(const dg_lexicon *lex, const char *word, dg_word_class cls);
/* A quick pre-test of dg_lexicon_is, read once to be asked of many words:
 * the first bytes of the words of the classes `cls` (bit c of
 * first[c / 64]) and the length of the longest (every byte and length when
 * the lexicon keeps no such table).  dg_lexicon_filter_may_be(f, word, n)
 * is false when no word of the classes begins with the word's first byte
 * or is as long as its n bytes, so that dg_lexicon_is would be false too. */
typedef struct dg_lexicon_filter {
  uint64_t first[4];
  size_t longest;
} dg_lexicon_filter;
void dg_lexicon_class_filter(const dg_lexicon *lex, dg_word_class cls, dg_lexicon_filter *f);
static inline bool dg_lexicon_filter_may_be(const dg_lexicon_filter *f, const char *word, size_t n) {
  unsigned char c0 = (unsigned char)word[0];
  return n <= f->longest && (f->first[c0 / 64] >> (c0 % 64) & 1);
}
/* The same for the word or any of its endings (at a character boundary):
 * "außenministerin" ends in the role noun "ministerin". */
bool dg_lexicon_ends_in_class(const dg_lexicon *lex, const char *word, dg_word_class cls);

/* English irregular verb forms ("find" -> found, found): Ding's forms,
 * completed and corrected by dictionaries/english-irregular.tsv.  False when
 * the verb (as written, lower case) is regular or unknown. */
bool dg_lexicon_english_irregular(const dg_lexicon *lex, const char *verb, const char **past,
                                  const char **participle);
/* Is `word` the past form or participle of an irregular verb, and not
 * also that verb's base ("found", "gone"; not "put")? */
bool dg_lexicon_is_irregular_past(const dg_lexicon *lex, const char *word);
/* All of them, in file order. */
size_t dg_lexicon_irregular_count(const dg_lexicon *lex);
void dg_lexicon_irregular_at(const dg_lexicon *lex, size_t i, const char **base, const char **past,
                             const char **participle);

/* Add or override entries from a user glossary (TSV: lemma, pos, gloss[,
 * gender, domains]; '#' comments; an optional header line starting with
 * "lemma"; a byte order mark and CRLF line ends are accepted).  Bad lines
 * are reported with dg_warn (file and line) and skipped.  Returns false (and
 * fills err) only when the file cannot be read.  Lookups may run in
 * parallel threads; adding a glossary must not overlap with them. */
bool dg_lexicon_add_glossary(dg_lexicon *lex, const char *path, degloss_error *err);

/* Key of a phrase or headword: the text in lower case (simple per-code-point
 * lower-casing, ß kept).  Returns a new string. */
char *dg_lexicon_fold(const char *s);
/* The same into `buf` of `cap` bytes; returns the folded length (a result
 * >= cap means `buf` holds a truncated key). */
size_t dg_lexicon_fold_buf(const char *s, char *buf, size_t cap);
/* The tables' hash (dg_lex_hash, lexicon_format.h) of the n bytes at s
 * (n > 0) as folded, for a word in ASCII, made without writing the folded
 * key; false when a byte is not ASCII. */
bool dg_lexicon_fold_hash_ascii(const char *s, size_t n, uint64_t *h);

/* Verify the checksum of the whole mapped file (dg_lexicon_open checks the
 * header, sizes and structure only, to start fast).  False and `err` filled
 * when the file is corrupted. */
bool dg_lexicon_verify(const dg_lexicon *lex, degloss_error *err);

/* Path of the mapped file. */
const char *dg_lexicon_path(const dg_lexicon *lex);

#endif
