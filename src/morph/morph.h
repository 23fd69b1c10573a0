/* Morphology and compounds: lemma candidates, part of speech and features of
 * German word forms, and the parts of compounds.  Internal API of the morph
 * stage (issue 4); the gloss stage codes against it.
 *
 * Built on hunspell (Debian's hunspell-de-de: the dictionary base path is a
 * parameter, so de_AT/de_CH work too) and the compiled paradigm tables
 * degloss.morph (LanguageTool german-pos-dict, CC BY-SA 4.0; see
 * dictionaries/morph/README.md).
 *
 * Lifetimes: every string returned lives until dg_morph_close.  Each
 * distinct word form is analysed once per handle (type cache).  A dg_morph
 * is not thread-safe: use one handle per thread.  Input must be UTF-8 (NFC);
 * any byte string is accepted without crashing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MORPH_H
#define DG_MORPH_H

#include <stdbool.h>
#include <stddef.h>

#include "degloss.h"
#include "wordclass.h"

typedef struct dg_morph dg_morph;

/* data_dir holds degloss.morph (NULL: degloss_data_dir()); hunspell_base is
 * the dictionary path without extension, e.g. "/usr/share/hunspell/de_DE"
 * (NULL: the compiled-in de_DE).  NULL and `err` filled on failure. */
dg_morph *dg_morph_open(const char *data_dir, const char *hunspell_base, degloss_error *err);
/* A handle for another thread that shares base's mapped tables (read-only)
 * and has its own hunspell, caches and arena.  base must outlive it. */
dg_morph *dg_morph_open_worker(const dg_morph *base);
void dg_morph_close(dg_morph *m);

/* Also treat as known any lemma this predicate accepts (the gloss stage
 * passes the bilingual lexicon's dg_lexicon_contains here, so compound parts
 * that have a gloss are preferred).  Clears the caches. */
void dg_morph_set_known(dg_morph *m, bool (*known)(void *ctx, const char *word), void *ctx);
/* Is `lemma` the name of a place (the gloss stage passes the lexicon's
 * names: a lemma with a PROPN sense, Polen = Poland)?  After a compass point
 * a head read as a place is that place (West|polen: Poland, not the plural
 * of Pole).  Clears the caches. */
void dg_morph_set_place(dg_morph *m, bool (*place)(void *ctx, const char *lemma), void *ctx);

typedef struct dg_analysis {
  const char *lemma;    /* "bestätigen" */
  const char *pos;      /* UD UPOS: NOUN VERB AUX ADJ ADV PROPN DET PRON ADP NUM ... */
  const char *feats;    /* UD FEATS "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin" or "" */
  const char *leipzig;  /* "PST.3SG", "GEN.SG", "SBJV2.3SG", "PTCP", "zu-INF" or "" */
  const char *particle; /* separable particle contained in the form ("auf" in aufgäbe) or NULL */
  float score;          /* higher = more likely (frequency, hunspell agreement) */
} dg_analysis;

/* Most analyses dg_morph_analyze ever returns. */
#define DG_MORPH_MAX_ANALYSES 16

/* Ranked analyses (best first); sentence_initial also tries lower case.
 * pos_hint (a UPOS name, NULL = none) ranks readings of that part of speech
 * first and adds one when the tables have none.  Returns the count (fills at
 * most max); every word gets at least one analysis (unknown words: the form
 * itself with a guessed part of speech), except the empty string. */
size_t dg_morph_analyze(dg_morph *m, const char *word, bool sentence_initial,
                        const char *pos_hint, dg_analysis *out, size_t max);

/* The analyses of dg_morph_analyze (no hint) scored above 6.5, in its
 * order: the readings of the tables and rules, none of the guesses about
 * an unknown word (a name, an adverb), which score 6.5 or less.  A word
 * with no other reading is not guessed at (no hunspell question). */
size_t dg_morph_analyze_sure(dg_morph *m, const char *word, bool sentence_initial, dg_analysis *out,
                             size_t max);

typedef enum { DG_PART_STEM, DG_PART_LINK } dg_partkind;
typedef struct dg_part {
  const char *form;     /* the part as written in the word ("gespräch") */
  const char *lemma;    /* its lemma ("Gespräch"; links: the link itself) */
  dg_partkind kind;
  unsigned start, end;  /* byte offsets in the word */
} dg_part;

/* Most parts dg_compound_split ever returns. */
#define DG_COMPOUND_MAX_PARTS 24

/* Parts of a compound, left to right; hyphens are not parts.  Returns 0 for
 * the empty string and 1 when the word is not a compound (the one part is
 * the whole word).  A suspended first part ("Ein-" of "Ein- und Ausfuhr")
 * comes back as one part without the hyphen. */
size_t dg_compound_split(dg_morph *m, const char *word, dg_part *out, size_t max);

/* Is `lemma` a known verb (for separable verbs: "klarstellen", "vorankommen")? */
bool dg_morph_is_verb(dg_morph *m, const char *lemma);

/* The verb whose participle the (lower-case, uninflected) form is, from the
 * tables: vorgeschlagen -> vorschlagen, eingestürzt -> einstürzen,
 * verschlechternd -> verschlechtern (*present set for a present participle);
 * NULL when the tables know no such verb.  The string lives as long as m. */
const char *dg_morph_participle_verb(dg_morph *m, const char *form, bool *present);

/* Is the (lower-cased) word form known to the tables or to hunspell? */
bool dg_morph_is_known(dg_morph *m, const char *word);
/* A spelling the dictionary does not use, in the standard spelling the
 * tables know (Koeln -> Köln, fuer -> für, Gruesse -> Grüße, Schiffahrt ->
 * Schifffahrt), or NULL when the word is known as written or no variant is
 * known; the patterns are the word class spelling-variant (morph_variant.c). */
const char *dg_morph_spelling_variant(dg_morph *m, const char *word);
/* Do the tables (not hunspell) have a reading of the word, case aside? */
bool dg_morph_in_tables(dg_morph *m, const char *word);
/* An English verb in German participle or zu-infinitive form (geliket,
 * upgedatet, gestreamt; downzuloaden sets *zu_inf): its German infinitive
 * (liken, updaten, streamen, downloaden) when the tables or the caller's
 * lexicon know that verb, else NULL. */
const char *dg_morph_loan_verb(dg_morph *m, const char *word, bool *zu_inf);

/* Word classes of the morphology (dictionaries/word-classes.tsv, confixes
 * from first-parts.tsv; compiled into degloss.morph): is word[0..n), spelt
 * as the data writes it (lower case), of one of the classes in `cls` (an OR
 * of DG_WC_* bits: DG_WC_SEP_PARTICLE, DG_WC_CONFIX, DG_WC_LINKING_ELEMENT,
 * DG_WC_NUMERAL_PART, DG_WC_INSEP_PREFIX, DG_WC_AMBIG_PREFIX, DG_WC_AUX,
 * DG_WC_MODAL, ...; see DG_WC_MORPH)? */
bool dg_morph_is(const dg_morph *m, const char *word, size_t n, dg_word_class cls);
/* Which of the classes in `cls` is word[0..n) of (0: none)?  One look-up
 * for a word asked about several classes. */
dg_word_class dg_morph_classes_of(const dg_morph *m, const char *word, size_t n, dg_word_class cls);

/* The word-class rows that tools/morph-compile reads (DG_WC_MORPH classes
 * only), in file order, a word's rows merged. */
typedef struct dg_wc_entry {
  char *word;
  dg_word_class bits;
} dg_wc_entry;
typedef struct dg_wc_list {
  dg_wc_entry *v;
  size_t n, cap;
} dg_wc_list;
bool dg_word_class_load(dg_wc_list *l, const char *classes_tsv, const char *first_parts_tsv,
                        degloss_error *err);
void dg_wc_list_free(dg_wc_list *l);

/* Statistics of the type cache: distinct forms analysed, lookups served. */
void dg_morph_cache_stats(const dg_morph *m, size_t *forms, size_t *lookups);

#endif
