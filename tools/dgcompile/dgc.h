/* dgcompile: the lexicon compiler (build tool).  Shared declarations of its
 * parts: dgcompile.c (driver, curated files, output), dgcompile_records.c
 * (senses, forms and phrases added once each),
 * dgcompile_util.c (strings, hash map, TSV reader), dgcompile_class.c (word
 * classes and Ding's labels), dgcompile_ding.c (the Ding parser),
 * dgcompile_gloss.c (English glosses from Ding synonyms), dgcompile_rank.c
 * (sense ranking).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DGCOMPILE_H
#define DGCOMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wordclass.h"

/* String -> int map with owned keys (open addressing). */
/* Grow arr (n used, cap allocated) so that one more element fits. */
#define DGC_GROW(arr, n, cap)                                 \
  do {                                                        \
    if ((n) == (cap)) {                                       \
      (cap) = (cap) ? (cap) * 2 : 1024;                       \
      (arr) = dg_xrealloc((arr), (cap) * sizeof *(arr));      \
    }                                                         \
  } while (0)

typedef struct dgc_map {
  char **keys;
  int *vals;
  size_t cap, n;
} dgc_map;
void dgc_map_init(dgc_map *m);
void dgc_map_free(dgc_map *m);
int *dgc_map_get(const dgc_map *m, const char *key);            /* NULL when absent */
int *dgc_map_put(dgc_map *m, const char *key, int val, bool *fresh); /* insert if absent */

/* Strings that live until the end of the run. */
char *dgc_strdup(const char *s);
char *dgc_strndup(const char *s, size_t n);
void dgc_strings_free(void);

/* Sense flags. */
enum {
  DGC_CURATED = 1,   /* from a curated file in dictionaries/ */
  DGC_PREFERRED = 2, /* named as primary in dictionaries/preferred.tsv */
  DGC_CLOSED = 4,    /* closed-class word */
  DGC_VR_TOO = 8     /* some Ding line gives it the reflexive verb ("sich fühlen" = feel) */
};

/* One candidate sense (lemma, pos, gloss), features merged over Ding lines. */
typedef struct dgc_sense {
  const char *lemma, *gloss, *pos, *gender, *domains, *labels, *source;
  const char *form; /* closed-class records: the word form */
  int line;      /* first Ding line (0 for curated) */
  int sub;       /* best sub-entry index the headword came from (0 = main) */
  int jde;       /* best position of the lemma among the German synonyms */
  int ken;       /* best position of the gloss among the English synonyms */
  int nen;       /* number of English synonyms in that sub-entry */
  int nlines;    /* Ding lines giving this sense */
  int nsubs;     /* sub-entries of the richest such line */
  int slotted;   /* 1: object slots (etw., jdn.) stripped; 2: reflexive "sich";
                  3: prepositional object ("mit jdm.") */
  int phrasal;   /* derived from a phrase entry: the lemma has no headword sense */
  int hasforms;  /* some line giving this sense lists the lemma's inflected forms */   /* German headword was written with object slots (etw., jdn.) */
  float dompen;  /* smallest domain/register penalty seen */
  int ev_hits;   /* parallel-text evidence: aligned lines with the gloss */
  int ev_occ;    /* aligned lines with the lemma */
  float ev_base; /* share of English lines with the gloss anyway (chance level) */
  int flags;
  int pref_rank; /* order in preferred.tsv for several preferred glosses */
  int closed_rank; /* order among the lemma's closed-class senses */
  float rev;     /* log10 p(lemma | gloss), reverse translation weight */
  float score;
} dgc_sense;

typedef struct dgc_form {
  const char *form, *lemma;
} dgc_form;

typedef struct dgc_phrase {
  const char *key;      /* folded lemma of the first content word; NULL/"" = dropped */
  const char *key_word; /* that word as written in the phrase */
  const char *german, *gloss, *source;
} dgc_phrase;

typedef struct dgc_en_verb {
  const char *base, *past, *participle;
} dgc_en_verb;

typedef struct dgc_lex {
  dgc_sense *senses;
  size_t n_senses, cap_senses;
  dgc_map sense_index; /* "lemma\tpos\tgloss" -> index */
  dgc_sense *closed;
  size_t n_closed, cap_closed;
  dgc_form *forms;
  size_t n_forms, cap_forms;
  dgc_map form_index; /* "form\tlemma" -> index */
  dgc_phrase *phrases;
  size_t n_phrases, cap_phrases;
  dgc_map phrase_index; /* "german\tgloss" */
  dgc_map en_freq;      /* English word -> count */
  dgc_map de_freq;      /* folded German word -> frequency rank (1 = most frequent) */
  dgc_map en_irreg;     /* English verb -> index into irreg */
  const char **irreg;   /* "found found": irregular past forms from Ding */
  const char **irreg_raw; /* the same as Ding writes them: "sank, sunk; sunk" */
  size_t n_irreg, cap_irreg;
  dgc_en_verb *en_extra;  /* dictionaries/english-irregular.tsv */
  size_t n_en_extra;
  /* word classes (dgcompile_class.c) */
  const char **wc_words;
  dg_word_class *wc_bits;
  size_t n_wc, cap_wc;
  dgc_map wc_index;   /* word -> index */
  dgc_map label_pen;  /* Ding label -> index into label_pens */
  float *label_pens;
  size_t n_labels;
  long ding_lines;
} dgc_lex;

/* Read a TSV file of `dir`: '#' comments, a header line whose first column
 * is `header`, then rows of at least `mincol` columns handed to `fn` with
 * their source "dictionaries/NAME:LINE".  False after any bad row. */
typedef bool (*dgc_row_fn)(dgc_lex *lx, char **col, size_t ncol, const char *src);
bool dgc_read_tsv(dgc_lex *lx, const char *dir, const char *name, const char *header,
                  size_t mincol, dgc_row_fn fn);

/* Word classes: read word-classes.tsv, ding-labels.tsv and the classes
 * closed-class.tsv states (CCONJ, SCONJ) before Ding is parsed. */
bool dgc_read_classes(dgc_lex *lx, const char *dir);
/* Add classes to a word (names.tsv months, first-parts.tsv confixes). */
void dgc_class_add(dgc_lex *lx, const char *word, dg_word_class bits);
/* Does the word (exactly as written) have one of the classes? */
bool dgc_class_is(const dgc_lex *lx, const char *word, dg_word_class bits);
bool dgc_class_is_n(const dgc_lex *lx, const char *word, size_t n, dg_word_class bits);
void dgc_classes_free(dgc_lex *lx);

/* Find or add the sense (lemma, pos, gloss); *fresh tells which. */
dgc_sense *dgc_sense_get(dgc_lex *lx, const char *lemma, const char *pos, const char *gloss,
                         bool *fresh);
void dgc_form_add(dgc_lex *lx, const char *form, const char *lemma);
void dgc_phrase_add(dgc_lex *lx, const char *german, const char *gloss, const char *source);
/* Index phrase `i` a second time under another key word (its final verb). */
void dgc_phrase_add_key(dgc_lex *lx, size_t i, const char *key_word);

/* Fewer entries than this means the Ding file is not the real dictionary
 * (default 100000; tests compile small samples). */
extern long dgc_min_entries;

/* Parse the Ding file into lx; false with a message on stderr on failure. */
bool dgc_read_ding(dgc_lex *lx, const char *path);

/* Domain/register penalty of a ';'-separated domain list (0 = general),
 * from dictionaries/ding-labels.tsv. */
float dgc_domain_penalty(const dgc_lex *lx, const char *domains);

/* Clean an English synonym into a gloss (dgcompile_gloss.c): no "to" for
 * verbs, no sb./sth. slots, at most 4 words.  False when nothing usable is
 * left.  `drop_prep`: the German preposition went with its slot ("vor etw.
 * warnen" = warn), so a final English one goes too. */
bool dgc_gloss(const char *text, bool verb, bool noun, bool drop_prep, char *out, size_t cap);
/* Keep Ding's irregular forms of the English verb that starts `gloss`
 * ("sank, sunk; sunk"): the first listing of a verb wins. */
void dgc_irregular_add(dgc_lex *lx, const char *gloss, const char *forms);
/* Is w[0..n) an English preposition that may go with an object slot? */
bool dgc_en_prep(const char *w, size_t n);
/* Append s[0..n) to dst (capacity cap), after sep when dst is not empty. */
void dgc_append(char *dst, size_t cap, const char *sep, const char *s, size_t n);

/* Parallel-text evidence from the first `max_lines` lines of a German and an
 * English file aligned by line. */
bool dgc_evidence(dgc_lex *lx, const char *de_path, const char *en_path, long max_lines);

/* Compute every sense's score.  `data_only` leaves out the curated boosts
 * (preferred.tsv, closed-class and name files) to measure the data-driven
 * ranking on its own. */
void dgc_rank(dgc_lex *lx, bool data_only);
/* Baseline for benchmarks: Ding's own order (first listed sense first). */
void dgc_rank_naive(dgc_lex *lx);
/* Print the features and score of every sense of `lemma` to stderr. */
void dgc_explain(const dgc_lex *lx, const char *lemma);

#endif
