/* The text layer: decode, segment, tokenize (internal API).
 *
 * A dg_reader turns a byte stream (a FILE or a memory block) into paragraphs,
 * one at a time, so memory stays bounded for any input size.  Each paragraph
 * holds its sentences and each sentence its tokens.
 *
 * Offsets.  Every offset is an absolute byte offset into the ORIGINAL input
 * stream (before decoding and normalisation), as uint64_t.  A token covers the
 * bytes [start,end); its `form` is the normalised text (NFC, U+FFFD for
 * invalid bytes, soft hyphens removed, line-break hyphenation joined).  Bytes
 * that belong to no token are gaps: whitespace, emphasis markup, ignored
 * control characters.  The input is rebuilt byte for byte as
 *
 *     for each paragraph p:  p.lead[0..p.leadlen)  p.raw[0..p.rawlen)
 *     then                   dg_reader_tail()
 *
 * and inside a paragraph the tokens of all sentences, in order, tile p.raw:
 * the gap before token t is raw[prev_end - p.start .. t.start - p.start).
 *
 * Lifetimes.  dg_reader_next() fills a caller-provided dg_paragraph with new
 * storage every time; the paragraph stays valid after further calls and after
 * dg_reader_free(), until dg_paragraph_free().  Nothing returned by the text
 * layer points into the reader.
 *
 * Warnings about bad input (invalid UTF-8, NUL bytes, over-long paragraphs)
 * go through dg_warn() with the reader's name, the line and the byte offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_TEXT_H
#define DG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "degloss.h"

typedef enum {
  DG_TOK_WORD,     /* letters, inner hyphens/apostrophes, "30-tägigen", "z. B." */
  DG_TOK_NUMBER,   /* 2022, 1.000, 3,5, 17.03.2025, 12:30, ordinal "17." */
  DG_TOK_PUNCT,    /* . , ; : ! ? … ... „ “ » « ( ) – - */
  DG_TOK_SYMBOL,   /* % € § + = and other symbols, emoji, unmatched * */
  DG_TOK_URL,      /* https://…, www.… */
  DG_TOK_EMAIL,    /* name@example.org */
  DG_TOK_HANDLE,   /* @name */
  DG_TOK_HASHTAG,  /* #Wort */
  DG_TOK_CODE      /* `code`, --force, -v, /usr/share/doc, C:\Temp, snake_case, getName, foo(), ls(1) */
} dg_tokkind;
#define DG_TOK_NKINDS 9

/* "word", "number", "punct", "symbol", "url", "email", "handle", "hashtag", "code". */
const char *dg_tokkind_name(dg_tokkind kind);

/* Token flags. */
enum {
  DG_TF_EMPH = 1u << 0,           /* inside Markdown-style *emphasis* or _emphasis_ */
  DG_TF_HYPHEN_JOINED = 1u << 1,  /* line-break hyphenation joined ("Verhand-⏎lungen") */
  DG_TF_LINE_START = 1u << 2,     /* first token of its input line */
  DG_TF_ORDINAL = 1u << 3,        /* number with ordinal dot: "17." in "Am 17. März" */
  DG_TF_ABBREV = 1u << 4,         /* abbreviation with its dot(s): "Dr.", "z. B.", initial "J." */
  DG_TF_SUSPENDED = 1u << 5,      /* suspended hyphen kept as written: "Ein-" (und Ausfuhr), "-ausfuhr" */
  DG_TF_REPLACED = 1u << 6,       /* `form` holds U+FFFD (invalid bytes were replaced) */
  DG_TF_SPACE_AFTER = 1u << 7,    /* a gap (whitespace or markup) follows the token */
  DG_TF_QUOTE_OPEN = 1u << 8,     /* punct: an opening quotation mark */
  DG_TF_QUOTE_CLOSE = 1u << 9,    /* punct: a closing quotation mark */
  DG_TF_VERBATIM = 1u << 10,      /* `form` is the original bytes [start,end) as they are
                                   * (UTF-8 input; set by the tokenizer only, which knows it
                                   * copied them: a sentence whose gaps are single spaces is
                                   * then its text) */
  DG_TF_ONE_SPACE = 1u << 11      /* the gap after the token is one space (U+0020) */
};

typedef struct dg_token {
  uint64_t start, end;  /* original bytes [start,end) */
  char *form;           /* normalised UTF-8, NUL-terminated; never empty */
  size_t len;           /* strlen(form) */
  dg_tokkind kind;
  unsigned flags;
} dg_token;

/* Sentence flags. */
enum {
  DG_SF_HEADLINE = 1u << 0,    /* a line without final punctuation standing alone */
  DG_SF_PARA_START = 1u << 1,  /* first sentence of its paragraph */
  DG_SF_CUT = 1u << 2          /* ends where an over-long paragraph was cut */
};

typedef struct dg_sentence {
  uint64_t start, end;  /* first token's start, last token's end */
  dg_token *tokens;     /* points into the paragraph's token array */
  size_t ntokens;       /* 0 only for an empty line in horizontal mode */
  unsigned flags;
} dg_sentence;

/* Paragraph flags. */
enum {
  DG_PF_CUT = 1u << 0,       /* cut at the size limit; the next paragraph continues it */
  DG_PF_JOINED = 1u << 1     /* spans blank lines/a page break because of hyphenation */
};

typedef struct dg_paragraph {
  uint64_t lead_start;     /* the gap before the paragraph: [lead_start, start) */
  uint64_t start, end;     /* the paragraph's own bytes [start, end) */
  const char *lead;        /* original bytes of the gap before (not NUL-terminated) */
  size_t leadlen;
  const char *raw;         /* original bytes [start, end) (not NUL-terminated) */
  size_t rawlen;
  long line;               /* 1-based input line of `start` */
  dg_sentence *sentences;
  size_t nsentences;
  dg_token *tokens;        /* all tokens of all sentences, in order */
  size_t ntokens;
  unsigned flags;
  void *priv_;             /* storage; do not touch */
} dg_paragraph;

/* The input mode is degloss_input (degloss.h): the text layer reads
 * DEGLOSS_INPUT_TEXT, DEGLOSS_INPUT_HORIZONTAL and DEGLOSS_INPUT_LINES (JSONL is read by
 * src/gloss/gloss_input.c, a sentence's "text" through dg_text_parse). */

/* Default bound on one paragraph (or horizontal line): 1 MiB. */
#define DG_TEXT_MAX_PARAGRAPH ((size_t)1 << 20)

typedef struct dg_reader dg_reader;

/* Input encodings: degloss_encoding (degloss.h).  The text layer works on
 * UTF-8; other encodings are transcoded by the reader while every offset
 * stays a byte offset into the ORIGINAL input (so lead/raw/tail are the
 * original bytes and rebuild it).  DEGLOSS_ENCODING_AUTO: a BOM (UTF-8,
 * UTF-16 LE/BE), else UTF-8 unless the first block with non-ASCII bytes is
 * not UTF-8 but Windows-1252; DEGLOSS_ENCODING_UTF16: the BOM decides, without
 * one the side of the NUL bytes (else LE). */

/* "auto", "utf-8"/"utf8", "windows-1252"/"cp1252", "latin1"/"iso-8859-1",
 * "utf-16", "utf-16le", "utf-16be" (any case); false if unknown. */
bool dg_encoding_parse(const char *name, degloss_encoding *out);
/* The canonical name ("windows-1252"). */
const char *dg_encoding_name(degloss_encoding enc);
/* Decode one character of `enc` (not AUTO/UTF16: a resolved encoding) from
 * s[0..n).  Returns the bytes used, or 0 when s[0..n) is an incomplete
 * character (more bytes needed; at the end of input take it as invalid).
 * Invalid input gives U+FFFD and *bad. */
size_t dg_encoding_decode(degloss_encoding enc, const unsigned char *s, size_t n, uint32_t *cp,
                          bool *bad);

/* A reader over `in` (not closed by the reader).  `name` names the input in
 * warnings ("-" or NULL: "<stdin>"); it is copied.  For a pipe, terminal or
 * a file not yet read from, the reader reads the descriptor directly, so a
 * paragraph is returned as soon as its blank line has arrived: do not read
 * from `in` yourself before or while the reader uses it. */
dg_reader *dg_reader_new(FILE *in, const char *name, degloss_input mode);
/* A reader over `len` bytes at `data`; the bytes are not copied and must stay
 * valid while the reader is used. */
dg_reader *dg_reader_new_mem(const char *data, size_t len, const char *name,
                             degloss_input mode);
/* Change the paragraph size bound (at least 64 bytes); for tests and tools. */
void dg_reader_set_max_paragraph(dg_reader *r, size_t max);
/* The input encoding, before the first dg_reader_next().  Default: DEGLOSS_ENCODING_AUTO
 * for dg_reader_new(), DEGLOSS_ENCODING_UTF8 for dg_reader_new_mem() (the C API takes
 * UTF-8).  With AUTO, input judged Windows-1252 gets one note (dg_note):
 * "NAME: not UTF-8; read as Windows-1252 (first non-UTF-8 byte at line L, byte B)". */
void dg_reader_set_encoding(dg_reader *r, degloss_encoding enc);
/* The encoding in effect so far: UTF-8 while AUTO has seen only ASCII; a
 * resolved one (UTF16LE/BE, not UTF16) once known. */
degloss_encoding dg_reader_encoding(const dg_reader *r);
/* Fill *out with the next paragraph and return true; return false at the end
 * of input or on a read error (then `err` is filled; check err->code).
 * *out is overwritten (not freed): release each paragraph with
 * dg_paragraph_free().  Paragraphs without tokens are never returned in text
 * mode; in horizontal mode every input line is one paragraph holding exactly
 * one sentence (empty lines give a sentence without tokens); in lines mode
 * (DEGLOSS_INPUT_LINES) every input line is one paragraph of running text,
 * tokenized and cut into sentences as in text mode (an empty line gives one
 * sentence without tokens; a line over the size bound is cut, DG_PF_CUT, and
 * goes on in the next paragraph with the same `line`). */
bool dg_reader_next(dg_reader *r, dg_paragraph *out, degloss_error *err);
/* After dg_reader_next() returned false: the bytes after the last paragraph
 * (trailing whitespace).  Points into the reader; valid until dg_reader_free(). */
const char *dg_reader_tail(const dg_reader *r, size_t *len, uint64_t *start);
/* Bytes consumed so far and invalid UTF-8 sequences met so far. */
uint64_t dg_reader_offset(const dg_reader *r);
unsigned long dg_reader_invalid_count(const dg_reader *r);
void dg_reader_free(dg_reader *r);

void dg_paragraph_free(dg_paragraph *p);
/* Take over the paragraph's storage: the one block that holds lead, raw and
 * every token's form (and, for a paragraph built from text, the token and
 * sentence arrays).
 * The caller free()s it once nothing points into it any more; the
 * paragraph stays usable until then and dg_paragraph_free leaves the block
 * alone.  NULL when it was taken already. */
void *dg_paragraph_take_storage(dg_paragraph *p);

/* Tokenize and segment `len` bytes of running text held in memory as ONE
 * paragraph (blank lines inside are kept; use a reader for many paragraphs).
 * `base` is the absolute offset of data[0]; `name` names it in warnings. */
void dg_text_parse(const char *data, size_t len, uint64_t base, const char *name,
                   dg_paragraph *out);

/* Building a sentence from given tokens (JSONL input, horizontal input):
 * a dg_sentbuilder collects tokens; each form is normalised (U+FFFD, NFC) and
 * classified.  Finish moves everything into *out as a one-sentence paragraph
 * (start/end from the tokens; raw/lead empty) and resets the builder. */
typedef struct dg_sentbuilder dg_sentbuilder;
dg_sentbuilder *dg_sentbuilder_new(void);
void dg_sentbuilder_add(dg_sentbuilder *b, const char *form, size_t len,
                        uint64_t start, uint64_t end);
void dg_sentbuilder_finish(dg_sentbuilder *b, dg_paragraph *out);
void dg_sentbuilder_free(dg_sentbuilder *b);

/* The kind of a single already-split token given as text (used for
 * horizontal and JSONL input); `*flags` gets DG_TF_ORDINAL/DG_TF_ABBREV/
 * DG_TF_SUSPENDED/DG_TF_QUOTE_* where they apply. */
dg_tokkind dg_classify_token(const char *form, size_t len, unsigned *flags);

#endif
