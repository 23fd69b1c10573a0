/* degloss: German-to-English glossing translator.
 *
 * This is the library's only public header; every public name starts with
 * degloss_ (functions, types) or DEGLOSS_ (constants), and only the functions
 * declared here (marked DEGLOSS_EXPORT) are visible outside the library.
 *
 * Two ways in:
 *   - the simple API: an engine glosses a string into a document whose
 *     tokens can be read one by one or rendered (degloss_engine_new,
 *     degloss_gloss_text, degloss_token_get, degloss_render);
 *   - the streaming session: files, streams or strings go through
 *     reader -> gloss -> translate -> render -> your write callback, with
 *     worker threads, machine translation, warnings through your callback and
 *     per-session counts (degloss_session_new ... degloss_session_free).
 *     The degloss program is a client of this API and nothing else.
 * Both run on the same pipeline and give the same glosses.
 *
 * Ownership and lifetime, in the manner of jansson and cmark:
 *   - "new" means the caller owns the result and releases it with the
 *     matching _free function (passing NULL to a _free function is fine);
 *   - "borrowed" means the result belongs to the object it came from and
 *     lives as long as that object (or as stated), the caller never frees it;
 *   - strings and arrays the caller passes in are copied before the function
 *     returns, unless stated otherwise;
 *   - a `degloss_error *` parameter may be NULL; on failure it is filled
 *     when its code is still DEGLOSS_OK (the first error wins).
 * All text is UTF-8.  Nothing here keeps process-wide state: two sessions
 * or engines never share warnings, counts or settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef DEGLOSS_H
#define DEGLOSS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the library's public functions; the library is built with
 * -fvisibility=hidden, so everything else stays inside it. */
#if defined(__GNUC__) || defined(__clang__)
#define DEGLOSS_EXPORT __attribute__((visibility("default")))
#else
#define DEGLOSS_EXPORT
#endif

/* ---- Errors ------------------------------------------------------------ */

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
 * `line` and `column` are 1-based, 0 when unknown; `position` is a byte
 * offset into `source`, or -1 when unknown.  A message about a file names
 * it in `text` as well as in `source`. */
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

/* Copy `s` into the caller's out[cap] (NUL-terminated, cut on a character
 * boundary) with control and bidi characters shown as visible escapes (\x1b,
 * \t, \u202e), as the library does for file names and quoted input in its
 * messages; for printing text from outside on a terminal.  Returns out. */
DEGLOSS_EXPORT char *degloss_visible(char *out, size_t cap, const char *s);

/* A static English description of `code` (borrowed, never NULL). */
DEGLOSS_EXPORT const char *degloss_strerror(degloss_code code);

/* The library version, e.g. "0.1.0" (static). */
DEGLOSS_EXPORT const char *degloss_version(void);

/* The directory degloss reads its run-time data from: $DEGLOSS_DATA_DIR when
 * set, else the build tree's data directory next to the running program, else
 * the compiled-in install location.  Static; valid for the whole process. */
DEGLOSS_EXPORT const char *degloss_data_dir(void);

/* ---- Input modes, encodings, formats ----------------------------------- */

/* How the input is cut into sentences and tokens (one enum everywhere). */
typedef enum {
  DEGLOSS_INPUT_TEXT = 0,       /* running text: paragraphs, sentences, tokens */
  DEGLOSS_INPUT_HORIZONTAL = 1, /* one sentence a line, tokens split by single spaces */
  DEGLOSS_INPUT_JSONL = 2,      /* degloss JSONL: {"text": ...} or {"tokens": [...]} a line */
  DEGLOSS_INPUT_AUTO = 3,       /* a document (HTML, Markdown by extension, PDF, DOCX) by
                                 * its content, else running text as DEGLOSS_INPUT_TEXT */
  DEGLOSS_INPUT_HTML = 4,       /* the text of an HTML/XHTML document (libxml2) */
  DEGLOSS_INPUT_MARKDOWN = 5,   /* the text of a CommonMark document (cmark); code kept */
  DEGLOSS_INPUT_PDF = 6,        /* the text of a PDF's pages (poppler) */
  DEGLOSS_INPUT_DOCX = 7,       /* the text of a Word document (libzip + libxml2) */
  DEGLOSS_INPUT_LINES = 8       /* one segment a line (a sentence or a paragraph, running
                                 * text inside): every output record is one input line and
                                 * names it, an empty line an empty record */
} degloss_input;

/* The input's character encoding (one enum everywhere). */
typedef enum {
  DEGLOSS_ENCODING_AUTO = 0, /* a BOM, else UTF-8 unless the first non-ASCII block is Windows-1252 */
  DEGLOSS_ENCODING_UTF8,
  DEGLOSS_ENCODING_CP1252,   /* Windows-1252 (a superset of the printable ISO-8859-1) */
  DEGLOSS_ENCODING_LATIN1,   /* ISO-8859-1: byte = code point */
  DEGLOSS_ENCODING_UTF16,    /* the BOM decides; without one, the side of the NUL bytes (else LE) */
  DEGLOSS_ENCODING_UTF16LE,
  DEGLOSS_ENCODING_UTF16BE
} degloss_encoding;

/* "text", "horizontal", "jsonl", "auto", "html", "markdown", "pdf", "docx",
 * "lines"; 0 (and *out untouched) when unknown. */
DEGLOSS_EXPORT int degloss_input_parse(const char *name, degloss_input *out);
/* "auto", "utf-8"/"utf8", "windows-1252"/"cp1252", "latin1"/"iso-8859-1",
 * "utf-16", "utf-16le", "utf-16be" (any case); 0 when unknown. */
DEGLOSS_EXPORT int degloss_encoding_parse(const char *name, degloss_encoding *out);
/* Is `name` an output format ("interlinear", "jsonl", "json", "conllu",
 * "html", "tsv") / a gloss style ("leipzig", "plain")?  1 or 0. */
DEGLOSS_EXPORT int degloss_format_valid(const char *name);
DEGLOSS_EXPORT int degloss_style_valid(const char *name);

/* ---- Glossing (the simple API) -----------------------------------------
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
 * independent of its engine once made (strings live until degloss_doc_free).
 * Warnings about the input (invalid bytes, bad glossary lines) go to
 * standard error here; a session hands them to a callback instead. */

typedef struct degloss_engine degloss_engine;
typedef struct degloss_doc degloss_doc;

typedef struct degloss_options {
  const char *data_dir;              /* NULL: degloss_data_dir() */
  const char *dict;                  /* hunspell dictionary: NULL/"de_DE", "de_AT", "de_CH" */
  const char *hunspell;              /* hunspell base path (overrides dict), or NULL */
  const char *const *glossaries;     /* user glossary TSV files, later ones win */
  size_t nglossaries;
  const char *domain;                /* the documents' subject (a name of subjects.tsv in the data
                                      * directory: software, law, medicine ...), NULL: inferred
                                      * per document from its words (as degloss --domain) */
} degloss_options;

/* New engine: opens the data (lexicon, morphology, multiword list).  NULL with
 * err set (DEGLOSS_ERR_IO for a missing file, DEGLOSS_ERR_FORMAT for a corrupt
 * one, the message naming the file; DEGLOSS_ERR_ARG for an unknown dict;
 * DEGLOSS_ERR_CONFIG for an unknown domain, "unknown subject 'X' (known:
 * software, law, ...)").
 * `opts` may be NULL and is not kept. */
DEGLOSS_EXPORT degloss_engine *degloss_engine_new(const degloss_options *opts, degloss_error *err);
/* Frees the engine; documents made with it stay valid. */
DEGLOSS_EXPORT void degloss_engine_free(degloss_engine *e);

/* New document: glosses `len` bytes of UTF-8 text (invalid bytes are replaced
 * and reported as warnings).  `text` is only read during the call.  Offsets
 * in the result are byte offsets into `text`.  NULL with err set on failure.
 * DEGLOSS_INPUT_JSONL is not read from memory: it is taken as text. */
DEGLOSS_EXPORT degloss_doc *degloss_gloss_text(degloss_engine *e, const char *text, size_t len,
                                               degloss_error *err);
DEGLOSS_EXPORT degloss_doc *degloss_gloss(degloss_engine *e, const char *text, size_t len,
                                          degloss_input input, degloss_error *err);
/* Frees the document and every string borrowed from it. */
DEGLOSS_EXPORT void degloss_doc_free(degloss_doc *d);

DEGLOSS_EXPORT size_t degloss_doc_sentences(const degloss_doc *d);
/* Borrowed: the sentence's text (tokens joined by single spaces where the
 * input had a gap), or NULL when out of range. */
DEGLOSS_EXPORT const char *degloss_sentence_text(const degloss_doc *d, size_t sentence);
DEGLOSS_EXPORT size_t degloss_sentence_tokens(const degloss_doc *d, size_t sentence);

/* A read-only view of one token; strings are borrowed from the document and
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

/* Fill the caller's *out with borrowed strings; 0 when the indices are out of range. */
DEGLOSS_EXPORT int degloss_token_get(const degloss_doc *d, size_t sentence, size_t token,
                                     degloss_token *out);
/* Borrowed: the k-th ranked gloss, or NULL. */
DEGLOSS_EXPORT const char *degloss_token_gloss(const degloss_doc *d, size_t sentence, size_t token,
                                               size_t k);
/* The k-th compound part: form, gloss ("" for a link) and whether it is a
 * linking element, all borrowed.  0 when out of range. */
DEGLOSS_EXPORT int degloss_token_part(const degloss_doc *d, size_t sentence, size_t token, size_t k,
                                      const char **form, const char **gloss, int *is_link);

/* New string (release it with free()): the document rendered as format
 * "interlinear", "jsonl", "json", "conllu", "html", "tsv", "latex" (gb4e
 * examples) or "parallel"; style
 * "leipzig" (NULL) or "plain"; width in columns for interlinear (0: 80).
 * NULL with err set for an unknown format or style. */
DEGLOSS_EXPORT char *degloss_render(const degloss_doc *d, const char *format, const char *style,
                                    unsigned width, degloss_error *err);

/* ---- Streaming sessions --------------------------------------------------
 *
 *   static int put(void *ctx, const char *p, size_t n) {
 *     return fwrite(p, 1, n, ctx) == n ? 0 : -1;
 *   }
 *   degloss_session_options o = {0};            // zero: the defaults
 *   o.jobs = 2;
 *   degloss_session *s = degloss_session_new(&o, &err);
 *   degloss_output out = {put, stdout, "jsonl"};
 *   degloss_session_set_output(s, &out, &err);   // writes the header, if any
 *   degloss_session_feed_path(s, "article.txt", &err);
 *   degloss_session_feed_file(s, stdin, "-", &err);
 *   degloss_session_finish(s, &err);             // writes the trailer
 *   int partial = degloss_session_warnings(s) || degloss_session_failed_translations(s);
 *   degloss_session_free(s);
 *
 * Every input is read in chunks, glossed (on worker threads with jobs > 1),
 * translated when a provider is set, rendered and written in input order, so
 * memory stays bounded and the output is the same bytes for every `jobs`.
 * A session is used by one thread at a time; the callbacks are called on
 * that thread only, in input order. */

typedef struct degloss_session degloss_session;

typedef enum {
  DEGLOSS_WARNING = 0, /* a problem with the input; counted by degloss_session_warnings() */
  DEGLOSS_NOTE = 1     /* information (e.g. "read as Windows-1252"); not counted */
} degloss_severity;

/* One warning, borrowed for the duration of the callback only. */
typedef struct degloss_warning {
  degloss_severity severity;
  degloss_code code;     /* DEGLOSS_ERR_INPUT, DEGLOSS_ERR_CONFIG ...; DEGLOSS_OK for a note */
  const char *file;      /* input, glossary or data file the warning is about ("" unknown) */
  long line;             /* 1-based, 0 when unknown */
  long long byte;        /* byte offset in the file, -1 when unknown */
  const char *message;   /* the text, without file, line or byte */
} degloss_warning;

typedef void (*degloss_warning_fn)(void *ctx, const degloss_warning *w);

/* Output sink: called with every piece of output in order (len > 0); the
 * data is borrowed for the call.  Return 0, or nonzero when the output
 * failed: nothing more is written and the session's calls return
 * DEGLOSS_ERR_IO (err->source "output"). */
typedef int (*degloss_write_fn)(void *ctx, const char *data, size_t len);

/* A setting by name and value as the degloss program's options and config
 * file give it; used for machine translation ("translate", "mt-url",
 * "mt-model", "mt-target", "mt-jobs", "mt-timeout", "mt-cacert", "mt-key",
 * "cache-dir", "no-cache", "mt-cache-max", "verbose", "mt-retries",
 * "mt-batch", "mt-connect-timeout"; see degloss(1)).  `origin` names where
 * it came from in messages ("command line", "FILE:LINE"); `file_mode` is the
 * config file's st_mode, else 0 (an "mt-key" is only taken from a file
 * readable by its owner alone). */
typedef struct degloss_setting {
  const char *key;
  const char *value;
  const char *origin;
  unsigned file_mode;
} degloss_setting;

#define DEGLOSS_JOBS_AUTO 0xFFFFFFFFu /* degloss_session_options.jobs: one per online CPU */

/* Progress of a session, counted over all its inputs so far. */
typedef struct degloss_progress {
  unsigned long long bytes;           /* input bytes glossed (up to the end of the last sentence) */
  unsigned long sentences;            /* sentences glossed */
  unsigned long long tokens;          /* tokens glossed */
  unsigned long translation_requests; /* HTTP requests sent to the MT provider */
} degloss_progress;
/* Called on the session's thread after every chunk is written (a few dozen
 * sentences at most); `p` is borrowed for the call. */
typedef void (*degloss_progress_fn)(void *ctx, const degloss_progress *p);

/* What to read and how to gloss it.  Zero-initialise, then set what you
 * need; the session copies everything it keeps. */
typedef struct degloss_session_options {
  degloss_input input;              /* default DEGLOSS_INPUT_TEXT */
  degloss_encoding encoding;        /* default DEGLOSS_ENCODING_AUTO (JSONL is UTF-8) */
  const char *data_dir;             /* NULL: degloss_data_dir() */
  const char *dict;                 /* NULL/"de_DE", "de_AT", "de_CH" */
  const char *hunspell;             /* hunspell base path (overrides dict), or NULL */
  const char *const *glossaries;    /* user glossary TSV files, later ones win */
  size_t nglossaries;
  unsigned jobs;                    /* worker threads: 0 or 1 none, up to 256, or DEGLOSS_JOBS_AUTO */
  const degloss_setting *mt;        /* machine translation settings, applied in order */
  size_t nmt;
  int verbose;                      /* report translation requests on standard error */
  degloss_warning_fn warning;       /* NULL: "degloss: FILE:LINE: byte N: message" on stderr */
  void *warning_ctx;
  const char *translation_path;     /* a line-aligned English translation of the input, or
                                     * NULL: line N is the free translation of output record N
                                     * (DEGLOSS_INPUT_LINES: input line N; DEGLOSS_INPUT_HORIZONTAL:
                                     * sentence N), provider "file"; an empty line gives none.
                                     * Read whole by degloss_session_new (DEGLOSS_ERR_IO when it
                                     * cannot be read, DEGLOSS_ERR_ARG with an MT provider or
                                     * another input mode); degloss_session_finish fails with
                                     * DEGLOSS_ERR_INPUT when the counts differ, naming both. */
  degloss_progress_fn progress;     /* NULL: none */
  void *progress_ctx;
  const char *domain;               /* the documents' subject (a name of subjects.tsv in the data
                                     * directory: software, law, medicine ...), NULL: inferred
                                     * per document from its words; an unknown name is
                                     * DEGLOSS_ERR_CONFIG */
} degloss_session_options;

/* Where and how to write. */
typedef struct degloss_output {
  degloss_write_fn write;           /* required */
  void *ctx;                        /* passed to write */
  const char *format;               /* NULL: "interlinear"; or jsonl, json, conllu, html, tsv,
                                       latex, parallel, vocab */
  const char *style;                /* NULL: "leipzig"; or "plain" */
  unsigned width;                   /* interlinear line width, 0: 80 */
  unsigned alternatives;            /* ranked glosses per word in JSON/TSV/HTML, 0: all */
  int color;                        /* ANSI colour in interlinear output */
  const char *latex;                /* latex format: NULL or "gb4e", or "expex" */
  int latex_standalone;             /* latex format: a whole compilable document */
  const char *layout;               /* html: NULL or "default", or "parallel" */
  const char *vocab_skip;           /* vocab format: NULL, or "names", "closed", "names,closed" */
  int senses;                       /* json/jsonl: each gloss's source and subject fields
                                       ("senses"); html always has them */
} degloss_output;

/* New session (release it with degloss_session_free): checks the
 * translation settings, opens the translation client and the data (and the
 * worker threads' engines).  `o` and everything it points to is only read
 * during the call, except warning_ctx, which is passed to the callback for
 * the session's whole life.  NULL with err set: DEGLOSS_ERR_CONFIG
 * for a bad translation setting, DEGLOSS_ERR_ARG or _NETWORK for a
 * translation setup that cannot work, DEGLOSS_ERR_IO or _FORMAT for missing
 * or corrupt data files (the message naming the file), DEGLOSS_ERR_CONFIG
 * for a glossary that cannot be read.  Warnings while loading (bad glossary
 * lines) already go to o->warning and are counted.  `o` may be NULL. */
DEGLOSS_EXPORT degloss_session *degloss_session_new(const degloss_session_options *o,
                                                    degloss_error *err);
/* Attach the output before the first feed (once); writes the format's header
 * (HTML, TSV) at once.  `o` and its strings are copied; o->ctx is passed to
 * o->write until degloss_session_finish or _free, so it must live as long.  DEGLOSS_ERR_ARG for an unknown format
 * or style or a second call. */
DEGLOSS_EXPORT degloss_code degloss_session_set_output(degloss_session *s, const degloss_output *o,
                                                       degloss_error *err);
/* Feed one input to its end, writing its glossed sentences as they are done.
 *  _file: a stream the caller opened (not closed; do not read it meanwhile);
 *         `name` names it in warnings and errors ("-": standard input);
 *  _fd:   a file descriptor (not closed);
 *  _path: a file by name, "-" for standard input;
 *  _text: `len` bytes in memory (not kept; text or horizontal input).
 * DEGLOSS_OK, or an error with err set: DEGLOSS_ERR_IO for an input that
 * cannot be opened or read (the message names it: "PATH: cannot open: ...",
 * "PATH: read error: ...") or for a failed write; the session stays usable
 * for the next input after a read error, not after a write error. */
DEGLOSS_EXPORT degloss_code degloss_session_feed_file(degloss_session *s, FILE *in, const char *name,
                                                      degloss_error *err);
DEGLOSS_EXPORT degloss_code degloss_session_feed_fd(degloss_session *s, int fd, const char *name,
                                                    degloss_error *err);
DEGLOSS_EXPORT degloss_code degloss_session_feed_path(degloss_session *s, const char *path,
                                                      degloss_error *err);
DEGLOSS_EXPORT degloss_code degloss_session_feed_text(degloss_session *s, const char *text, size_t len,
                                                      const char *name, degloss_error *err);
/* Before set_output, with the paths that will be fed: with a translation
 * file and lines input, DEGLOSS_ERR_INPUT (err naming both counts) when the
 * lines of the named files are not the translation file's lines, so a
 * mismatch stops the run before any output.  Inputs that cannot be counted
 * up front (standard input, pipes, UTF-16) leave the check to
 * degloss_session_finish; DEGLOSS_OK otherwise. */
DEGLOSS_EXPORT degloss_code degloss_session_check_inputs(degloss_session *s, const char *const *paths,
                                                         size_t n, degloss_error *err);
/* Write the format's trailer (HTML); no feeding afterwards. */
DEGLOSS_EXPORT degloss_code degloss_session_finish(degloss_session *s, degloss_error *err);
/* Counts since degloss_session_new: warnings (not notes), sentences whose
 * translation failed, sentences written. */
DEGLOSS_EXPORT unsigned long degloss_session_warnings(const degloss_session *s);
DEGLOSS_EXPORT unsigned long degloss_session_failed_translations(const degloss_session *s);
DEGLOSS_EXPORT unsigned long degloss_session_sentences(const degloss_session *s);
/* Borrowed: one line about failed translations ("degloss: translation: 3
 * of 40 sentences failed (...)"), or NULL when none failed or nothing was
 * translated.  Valid until the next call on `s`. */
DEGLOSS_EXPORT const char *degloss_session_translation_summary(degloss_session *s);
/* Stops the worker threads and frees everything the session holds. */
DEGLOSS_EXPORT void degloss_session_free(degloss_session *s);

/* ---- Maintenance --------------------------------------------------------- */

/* Verify the data files a session with these options would read
 * (data_dir, dict, hunspell; the rest is ignored), without glossing:
 * one tab-separated line per file to `out` (PATH SIZE KIND VERSION ok|PROBLEM)
 * and "degloss: PATH: PROBLEM" plus a hint to `diag` for every bad one.
 * Returns the number of bad files (0: all fine).  Streams are not closed. */
DEGLOSS_EXPORT int degloss_check_data(const degloss_session_options *o, FILE *out, FILE *diag);

/* Compact the translation cache of these options' settings (o->mt:
 * cache-dir, mt-cache-max) and print one line with its entry counts and
 * sizes before and after to `out`.  DEGLOSS_OK, or DEGLOSS_ERR_CONFIG for a
 * bad setting, another code when compacting failed (err set). */
DEGLOSS_EXPORT degloss_code degloss_mt_cache_compact(const degloss_session_options *o, FILE *out,
                                                     degloss_error *err);

/* ---- The web app (degloss serve) ----------------------------------------
 *
 * A local HTTP server (GNU libmicrohttpd): GET / is a self-contained page,
 * POST /api/gloss takes {"text": ..., "style": "leipzig"|"plain",
 * "translate": false, "translation": "...", "domain": "software"} (domain:
 * the text's subject, "" inferred, absent the server's so->domain; an
 * unknown one is 400 naming the known ones, which GET /api/subjects lists
 * as {"subjects": [...], "domain": so->domain or null}) and answers {"sentences": [...]},
 * each sentence the JSONL object of the jsonl format (the header
 * X-Degloss-Style names the style used).  One thread per
 * connection, as many requests glossed at once as there are processors,
 * each by a fresh session on one of the server's engines (made once, so the
 * data is mapped once and the caches stay warm; each request is a new
 * document to it): nothing of a request's text is kept for the next.  Errors are JSON
 * {"error": "..."} with 400, 404, 405, 413 or 415. */
typedef struct degloss_server degloss_server;
typedef struct degloss_serve_options {
  const char *listen;          /* "ADDR:PORT" (IPv4, or [IPv6]:PORT); NULL: "127.0.0.1:8080";
                                * port 0 picks a free port */
  unsigned long long max_body; /* largest request body in bytes, 0: 10 MB */
  unsigned max_connections;    /* connections at once, 0: 256 */
  unsigned timeout;            /* seconds a connection may stay idle, 0: 30 */
  const char *style;           /* the style when a request names none: NULL "leipzig", or "plain" */
} degloss_serve_options;

/* Start serving with the glossing options `so` (read on every request: it and
 * everything it points to must live until degloss_serve_stop; `jobs` and
 * `progress` are ignored, `warning` may be NULL).  Returns once the server
 * accepts connections; NULL with err set: DEGLOSS_ERR_ARG for a bad
 * address, DEGLOSS_ERR_IO when it cannot listen, or the error
 * degloss_session_new gives for these options (checked once at start). */
DEGLOSS_EXPORT degloss_server *degloss_serve_start(const degloss_session_options *so,
                                                   const degloss_serve_options *o,
                                                   degloss_error *err);
/* The URL the server answers on, "http://ADDR:PORT/" (the real port when
 * 0 was asked); borrowed until degloss_serve_stop.  Is the address a
 * loopback address (127.0.0.0/8, ::1)? */
DEGLOSS_EXPORT const char *degloss_serve_url(const degloss_server *srv);
DEGLOSS_EXPORT int degloss_serve_is_loopback(const degloss_server *srv);
/* Stop accepting, finish the requests in flight, free everything. */
DEGLOSS_EXPORT void degloss_serve_stop(degloss_server *srv);

/* ---- Leipzig labels ----------------------------------------------------
 *
 * The legend of the grammatical labels the Leipzig-style gloss line uses
 * ("GEN": genitive case ...), in the order degloss --labels lists them.
 * On a gloss line labels are joined with "." (the.M.NOM), person and
 * number combine without one (3SG = 3 + SG) and "/" joins alternatives
 * (M/N).  The array is static; *count (if not NULL) gets its length. */
typedef struct degloss_label {
  const char *label;   /* "SBJV1" */
  const char *meaning; /* "subjunctive I, marks reported speech ..." */
} degloss_label;
DEGLOSS_EXPORT const degloss_label *degloss_labels(size_t *count);

#ifdef __cplusplus
}
#endif
#endif
