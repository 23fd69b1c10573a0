/* The glossing engine: chooses, for every token of a sentence, the analysis
 * and sense that fit the context (closed-class readings, separable verbs,
 * multiword expressions, names, numbers) and fills the document model.
 * Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_H
#define DG_GLOSS_H

#include <stdbool.h>

#include "doc.h"
#include "lexicon.h"
#include "util.h"

typedef struct dg_engine dg_engine;

typedef struct dg_engine_opts {
  const char *data_dir;              /* NULL: degloss_data_dir() */
  const char *hunspell_base;         /* NULL: DICT in the hunspell directory */
  const char *dict;                  /* "de_DE" (default), "de_AT", "de_CH" */
  const char *const *glossaries;     /* user glossaries, applied in order */
  size_t nglossaries;
  const char *subject;               /* the documents' subject (subjects.tsv), NULL: inferred */
} dg_engine_opts;

/* Open lexicon, morphology and the multiword list.  A missing or corrupt data
 * file is an error (DEGLOSS_ERR_IO / _FORMAT) naming the file. */
dg_engine *dg_engine_new(const dg_engine_opts *o, degloss_error *err);
void dg_engine_free(dg_engine *e);

/* Gloss one sentence of `d` whose tokens carry form, offsets, kind and flags
 * (the text layer's output).  Fills everything else; strings go into d's arena. */
void dg_engine_gloss(dg_engine *e, dg_doc *d, dg_dsentence *s);

/* Worker threads (src/api/jobs.c).  An engine for another thread: it shares
 * base's lexicon (with its glossaries, added before) and multiword list,
 * read-only, and its memo of what is computed from a form alone (memo.h:
 * analyses, senses, compound splits, compiled phrases; thread-safe), and
 * has a morphology handle of its own.  Free it
 * before base. */
dg_engine *dg_engine_new_worker(dg_engine *base, degloss_error *err);
/* The next sentence begins a new document: the subject and the field votes
 * of the text before are forgotten (an engine used for one request after
 * another, as the web app does). */
void dg_engine_new_document(dg_engine *e);
/* The documents' subject from now on: a name of subjects.tsv (software,
 * law ...), or NULL/"" to infer it per document from its words.  false
 * with err set (DEGLOSS_ERR_CONFIG, "unknown subject 'X' (known: ...)")
 * for a name the table lacks; the subject is then unchanged. */
bool dg_engine_set_subject(dg_engine *e, const char *name, degloss_error *err);
/* The subjects the engine knows, in the table's order: their number and
 * the k-th name. */
size_t dg_engine_subject_count(const dg_engine *e);
const char *dg_engine_subject_name(const dg_engine *e, size_t k);
/* dg_engine_gloss in three steps: _begin and _end need no state from other
 * sentences (any thread, with its own engine); _domains reads and updates
 * the subject-field votes carried from sentence to sentence (e->dom), so it
 * must run in input order on the one engine that keeps that state.  _begin
 * returns NULL for a sentence without tokens; _end frees the context. */
typedef struct dg_gl_ctx dg_gl_ctx;
dg_gl_ctx *dg_engine_gloss_begin(dg_engine *e, dg_doc *d, dg_dsentence *s);
void dg_engine_gloss_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c);
void dg_engine_gloss_end(dg_engine *e, dg_doc *d, dg_gl_ctx *c);

/* After the translations of a chunk are set (a provider, a file): align
 * every content word's gloss with the words of its sentence's translation
 * and, on clear evidence only, choose the alternative gloss the translation
 * uses (align.c).  Reads only the chunk, so it may run on any thread; the
 * pipeline runs it in input order.  Lines input aligns a record (one input
 * line) with the translations of its sentences joined as doc_lines.c joins
 * them. */
void dg_doc_align(dg_engine *e, dg_doc *d);
/* Each word's glosses with their sense's provenance and subject fields
 * (sense_src, sense_dom; src/gloss/sense_details.c), for readers that show
 * every sense with its source: after glossing and alignment. */
void dg_doc_sense_details(dg_engine *e, dg_doc *d);

/* English word forms for plain style (english.c). */
/* Past tense ("clarify" -> "clarified", "find" -> "found"), participle, 3sg
 * present, plural.  Multiword glosses inflect their first word ("make
 * progress" -> "made progress").  Results go into b.  The irregular verbs
 * are the lexicon's (Ding's forms and dictionaries/english-irregular.tsv);
 * with lex NULL every verb is regular. */
void dg_english_past_lex(const dg_lexicon *lex, dg_buf *b, const char *verb);
void dg_english_participle_lex(const dg_lexicon *lex, dg_buf *b, const char *verb);
/* The adverb of a one-word English adjective gloss: current -> currently,
 * simple -> simply, happy -> happily, good -> well; fast, hard and -ly
 * adjectives stay.  Returns false (b untouched) when there is none: several
 * words, a capital, a participle in -ed/-ing. */
bool dg_english_adverb(dg_buf *b, const char *adj);
void dg_english_3sg(dg_buf *b, const char *verb);
/* make -> making, get worse -> getting worse (the first word's -ing form). */
void dg_english_ing(dg_buf *b, const char *verb);
void dg_english_plural(dg_buf *b, const char *noun);
bool dg_english_pluralisable(const char *noun);
void dg_english_degree(dg_buf *b, const char *adj, bool superlative);
/* "17" -> "17th". */
void dg_english_ordinal(dg_buf *b, const char *digits);
/* "four" -> "fourth", "twenty-four" -> "twenty-fourth", "twenty" ->
 * "twentieth", "one" -> "first": the last word of a cardinal in words takes
 * the ending.  Returns false (b untouched) when the last word is no
 * cardinal ("little", "a few"). */
bool dg_english_ordinal_word(dg_buf *b, const char *cardinal);

/* A new lower-case copy of `s` (code point by code point; ß kept). */
char *dg_gl_lower(const char *s);

#endif
