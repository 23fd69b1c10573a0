/* degloss: German-to-English glossing translator.
 *
 * This is the library's only public header; every public name starts with
 * degloss_ (functions, types) or DEGLOSS_ (constants).
 *
 * Lifetimes: every object returned by a degloss_*_new/open function belongs to
 * the caller and is released with the matching _free/_close function.  Strings
 * handed to the library are copied unless stated otherwise.  All text is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef DEGLOSS_H
#define DEGLOSS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes.  Append only: a code keeps its number forever. */
typedef enum {
  DEGLOSS_OK = 0,
  DEGLOSS_ERR_NOMEM = 1,     /* out of memory */
  DEGLOSS_ERR_IO = 2,        /* a file could not be opened, read or written */
  DEGLOSS_ERR_FORMAT = 3,    /* a data file is truncated, corrupt or of another version */
  DEGLOSS_ERR_ARG = 4,       /* a bad argument or option */
  DEGLOSS_ERR_CONFIG = 5,    /* a bad configuration file or glossary line */
  DEGLOSS_ERR_NETWORK = 6,   /* the MT provider could not be reached or failed */
  DEGLOSS_ERR_PROVIDER = 7,  /* the MT provider answered with an error or nonsense */
  DEGLOSS_ERR_INPUT = 8      /* bad input text (reported as a warning, work goes on) */
} degloss_code;

/* One caller-owned error record, in the manner of jansson's json_error_t.
 * Functions taking a `degloss_error *` fill it on failure (NULL is allowed);
 * the first error wins. `line` and `column` are 1-based, 0 when unknown;
 * `position` is a byte offset into `source`, or -1 when unknown. */
#define DEGLOSS_ERROR_TEXT_LENGTH 256
#define DEGLOSS_ERROR_SOURCE_LENGTH 256
typedef struct degloss_error {
  degloss_code code;
  long line;
  long column;
  long long position;
  char source[DEGLOSS_ERROR_SOURCE_LENGTH];
  char text[DEGLOSS_ERROR_TEXT_LENGTH];
} degloss_error;

/* A static English description of `code`. */
const char *degloss_strerror(degloss_code code);

/* The library version, e.g. "0.1.0". */
const char *degloss_version(void);

/* The directory degloss reads its run-time data from: $DEGLOSS_DATA_DIR when
 * set, else the build tree's data directory next to the running program, else
 * the compiled-in install location.  The string is static. */
const char *degloss_data_dir(void);

/* ---- Glossing ----------------------------------------------------------
 *
 *   degloss_error err = {0};
 *   degloss_engine *e = degloss_engine_new(NULL, &err);   // default data
 *   degloss_doc *d = degloss_gloss_text(e, text, strlen(text), &err);
 *   for (size_t s = 0; s < degloss_doc_sentences(d); s++)
 *     for (size_t t = 0; t < degloss_sentence_tokens(d, s); t++) {
 *       degloss_token tok;
 *       degloss_token_get(d, s, t, &tok);
 *       printf("%s\t%s\n", tok.form, tok.gloss);
 *     }
 *   char *jsonl = degloss_render(d, "jsonl", NULL, 0, &err);   // free() it
 *   degloss_doc_free(d);
 *   degloss_engine_free(e);
 *
 * An engine is not thread-safe; use one engine per thread.  A document is
 * independent of its engine once made (strings live until degloss_doc_free). */

typedef struct degloss_engine degloss_engine;
typedef struct degloss_doc degloss_doc;

typedef struct degloss_options {
  const char *data_dir;              /* NULL: degloss_data_dir() */
  const char *dict;                  /* hunspell dictionary: NULL/"de_DE", "de_AT", "de_CH" */
  const char *hunspell;              /* hunspell base path (overrides dict), or NULL */
  const char *const *glossaries;     /* user glossary TSV files, later ones win */
  size_t nglossaries;
} degloss_options;

/* Open the data (lexicon, morphology, multiword list).  NULL with err set
 * (DEGLOSS_ERR_IO for a missing file, DEGLOSS_ERR_FORMAT for a corrupt one,
 * the message naming the file). `opts` may be NULL. */
degloss_engine *degloss_engine_new(const degloss_options *opts, degloss_error *err);
void degloss_engine_free(degloss_engine *e);

typedef enum {
  DEGLOSS_INPUT_TEXT = 0,      /* running text: paragraphs, sentences, tokens */
  DEGLOSS_INPUT_HORIZONTAL = 1 /* one sentence a line, tokens split by single spaces */
} degloss_input;

/* Gloss `len` bytes of UTF-8 text (invalid bytes are replaced and reported
 * as warnings).  Offsets in the result are byte offsets into `text`. */
degloss_doc *degloss_gloss_text(degloss_engine *e, const char *text, size_t len, degloss_error *err);
degloss_doc *degloss_gloss(degloss_engine *e, const char *text, size_t len, degloss_input input,
                           degloss_error *err);
void degloss_doc_free(degloss_doc *d);

size_t degloss_doc_sentences(const degloss_doc *d);
/* The sentence's text (tokens joined by single spaces where the input had a gap). */
const char *degloss_sentence_text(const degloss_doc *d, size_t sentence);
size_t degloss_sentence_tokens(const degloss_doc *d, size_t sentence);

/* A read-only view of one token; strings live as long as the document and
 * are never NULL ("" when unknown), except reason/mwe_* (NULL when none). */
typedef struct degloss_token {
  const char *form;
  uint64_t start, end;       /* byte offsets into the input */
  const char *kind;          /* "word" "name" "number" "punct" "symbol" "url" "email" "handle" "hashtag"
                              * "code" (a document's code, kept as written) */
  const char *lemma;
  const char *pos;           /* UD UPOS */
  const char *features;      /* UD FEATS */
  const char *labels;        /* Leipzig labels shown on the gloss line */
  const char *gloss;         /* primary English gloss, never empty for a word */
  size_t nglosses;           /* ranked alternatives: degloss_token_gloss() */
  size_t nparts;             /* compound parts: degloss_token_part() */
  const char *source;        /* provenance of the gloss */
  const char *reason;        /* why a fallback was used, or NULL */
  const char *mwe_lemma;     /* multiword expression the token belongs to, or NULL */
  const char *mwe_gloss;
  int separable_partner;     /* separable verb: index of the partner token, or -1 */
} degloss_token;

/* Fill *out; false when the indices are out of range. */
int degloss_token_get(const degloss_doc *d, size_t sentence, size_t token, degloss_token *out);
/* The k-th ranked gloss, or NULL. */
const char *degloss_token_gloss(const degloss_doc *d, size_t sentence, size_t token, size_t k);
/* The k-th compound part: form, gloss ("" for a link) and whether it is a
 * linking element.  false when out of range. */
int degloss_token_part(const degloss_doc *d, size_t sentence, size_t token, size_t k,
                       const char **form, const char **gloss, int *is_link);

/* Render the document: format "interlinear", "jsonl", "json", "conllu",
 * "html" or "tsv"; style "leipzig" (NULL) or "plain"; width in columns for
 * interlinear (0: 80).  Returns a new string to free(), or NULL with err set
 * for an unknown format or style. */
char *degloss_render(const degloss_doc *d, const char *format, const char *style, unsigned width,
                     degloss_error *err);

#ifdef __cplusplus
}
#endif
#endif
