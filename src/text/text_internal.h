/* Private to the text layer (decode.c, tokenize.c, segment.c, text_*.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_TEXT_INTERNAL_H
#define DG_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "util.h"

/* Character classes used by the tokenizer and the segmenter. */
enum {
  DG_C_SPACE = 0,  /* horizontal whitespace: space, tab, VT, Unicode Zs */
  DG_C_NL,         /* line break: \n, \r, \f (page break), U+0085, U+2028/9 */
  DG_C_UPPER,      /* Lu, Lt */
  DG_C_LOWER,      /* Ll */
  DG_C_LETTER,     /* Lm, Lo, Nl */
  DG_C_MARK,       /* Mn, Mc, Me, ZWJ/ZWNJ, variation selectors */
  DG_C_DIGIT,      /* Nd */
  DG_C_PUNCT,      /* P* */
  DG_C_SYMBOL,     /* S*, No, Co, Cn */
  DG_C_IGNORE,     /* other controls (NUL ...) and format characters: gaps */
  DG_C_SHY,        /* U+00AD soft hyphen and NUL: dropped inside words */
  DG_C_BAD         /* U+FFFD (invalid bytes, or U+FFFD in the input): letter-like */
};

unsigned dg_text_class(uint32_t cp);

#define DG_CM(c) (1u << (c))
#define DG_CM_ALPHA (DG_CM(DG_C_UPPER) | DG_CM(DG_C_LOWER) | DG_CM(DG_C_LETTER) | DG_CM(DG_C_BAD))
#define DG_CM_WORD (DG_CM_ALPHA | DG_CM(DG_C_DIGIT) | DG_CM(DG_C_MARK) | DG_CM(DG_C_SHY))
#define DG_CM_SPACE (DG_CM(DG_C_SPACE) | DG_CM(DG_C_NL) | DG_CM(DG_C_IGNORE))

static inline bool dg_c_alpha(unsigned c) { return (DG_CM(c) & DG_CM_ALPHA) != 0; }
static inline bool dg_c_word(unsigned c) { return (DG_CM(c) & DG_CM_WORD) != 0; }
static inline bool dg_c_space(unsigned c) { return (DG_CM(c) & DG_CM_SPACE) != 0; }

/* Decode one UTF-8 sequence from s[0..n) (n >= 1).  Returns the bytes used
 * (>= 1).  On an invalid sequence *cp is U+FFFD, *bad is set and the length
 * is that of the maximal invalid subpart (Unicode's recommended practice). */
size_t dg_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *bad);
/* Encode cp into out (>= 4 bytes); returns the length. */
size_t dg_utf8_encode(uint32_t cp, char *out);

/* Warning budget shared by one input. */
typedef struct dg_warnstate {
  unsigned long invalid;   /* invalid sequences seen */
  unsigned long nul;       /* NUL bytes seen */
  unsigned long reported;  /* detailed warnings issued */
  bool capped;             /* the "further warnings suppressed" note was issued */
  /* Transcoded input: the original offset of UTF-8 offset u (absolute) is
   * omap_obase + omap[u - omap_ubase]; omap NULL: the same offset. */
  const uint32_t *omap;
  uint64_t omap_ubase, omap_obase;
} dg_warnstate;
#define DG_TEXT_WARN_MAX 20

/* The original byte offset of the absolute (UTF-8 side) offset u. */
static inline uint64_t dg_text_orig(const dg_warnstate *ws, uint64_t u) {
  return ws->omap ? ws->omap_obase + ws->omap[u - ws->omap_ubase] : u;
}
/* "E2 82": up to 4 bytes of s[0..n) in hex, for warnings. */
void dg_text_hex(char out[16], const unsigned char *s, size_t n);
/* A detailed warning about invalid input is due (counts it); false once the
 * budget is spent (then the "not shown" note is issued once). */
bool dg_text_warn_due(dg_warnstate *ws, const char *name, long line, uint64_t pos);

/* Judge the first block with non-ASCII bytes: s[0..n) read so far, the
 * first non-ASCII byte at `from`; `eof`: nothing follows.  Returns
 * DEGLOSS_ENCODING_CP1252 when the block is not UTF-8 and its invalid bytes are all
 * printable Windows-1252 characters (no NUL or other C0 controls but
 * whitespace, no bytes undefined in 1252, fewer valid multi-byte UTF-8
 * sequences than invalid ones), else DEGLOSS_ENCODING_UTF8; *first_bad gets the first
 * invalid byte. */
degloss_encoding dg_encoding_sniff(const unsigned char *s, size_t n, size_t from, bool eof,
                              size_t *first_bad);
/* UTF-16 without a BOM: LE or BE by the side of the NUL bytes of s[0..n). */
degloss_encoding dg_encoding_utf16_order(const unsigned char *s, size_t n);

/* A decoded paragraph: code points with their byte offsets and classes.
 * off[i] is relative to the paragraph; off[ncp] == the byte length. */
typedef struct dg_textbuf {
  uint32_t *cp;
  uint32_t *off;
  unsigned char *cls;   /* (with 16 bytes of room after the last, which the tokenizer may
                         * read; cls[ncp] is DG_C_SPACE, so a run of word characters
                         * read sixteen at a time ends at ncp) */
  size_t ncp, cap;
  /* code point ranges [lo, hi] holding every DG_C_BAD/SHY code point
   * ("special") and every code point that may change under NFC (lo > hi:
   * none), so that most tokens need no check.  (DG_C_IGNORE code points are
   * gaps: the tokenizer never puts them inside a token.) */
  size_t special_lo, special_hi, nfc_lo, nfc_hi;
} dg_textbuf;

void dg_textbuf_free(dg_textbuf *tb);
/* Decode raw[0..n); warnings name `name`, the line counted from `line` and
 * the absolute offset base + i. */
void dg_text_decode(dg_textbuf *tb, const char *raw, size_t n, uint64_t base,
                    const char *name, long line, dg_warnstate *ws);

/* Append the NFC form of s[0..n) (valid UTF-8) to b. */
void dg_text_put_nfc(dg_buf *b, const char *s, size_t n);

/* Line-break hyphenation.  `left` is the word segment before the hyphen
 * (after any earlier hyphen), `right` the letters/digits after the break. */
typedef enum { DG_HY_SUSPEND, DG_HY_JOIN_DROP, DG_HY_JOIN_KEEP } dg_hyphen_rule;
dg_hyphen_rule dg_text_hyphen_rule(const uint32_t *left, size_t nleft,
                                   const uint32_t *right, size_t nright);
/* A hyphen inside a word: hyphen-minus, U+2010 hyphen, U+2011 non-breaking. */
static inline bool dg_text_is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
/* A code token starting at code point i (tokenize_code.c): `code`, an
 * option, a path, an identifier; its end, or 0. */
size_t dg_text_scan_code(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i);
static inline bool dg_text_is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

/* Abbreviation table (dictionaries/text-abbreviations.tsv).  `key` is the abbreviation with
 * its parts' dots and without spaces ("z.B.", "Dr.").  Returns false if
 * unknown; *may_end tells whether it can end a sentence ("usw."). */
bool dg_text_abbrev(const char *key, size_t len, bool *may_end);
/* The table itself (for tests and documentation): key of entry i, NULL past
 * the end; *written gets the usual spelling ("z. B."). */
size_t dg_text_abbrev_count(void);
const char *dg_text_abbrev_at(size_t i, const char **written);

/* Internal token flag: an abbreviation that may end a sentence ("usw.").
 * Bits 24 and up never reach dg_token.flags. */
#define DG_LTF_MAYEND (1u << 24)
#define DG_LTF_PUBLIC 0x00FFFFFFu

/* Tokens as the tokenizer produces them, before the paragraph is assembled. */
typedef struct dg_ltok {
  uint32_t cs, ce;      /* code point range [cs, ce) */
  uint32_t fo, fl;      /* form: offset and length in the form arena */
  unsigned char kind;
  unsigned flags;
} dg_ltok;

typedef struct dg_ltoks {
  dg_ltok *v;
  size_t n, cap;
  size_t breaks;        /* line breaks between tokens (0: no token but the
                         * first starts a line) */
  uint32_t *dots;       /* the indices of the tokens that are one full stop,
                         * ndots of them (room for cap) */
  size_t ndots;
  dg_buf forms;         /* NUL-separated forms */
  size_t *seg;          /* room for dg_text_segment's work (seg_cap entries), kept */
  size_t seg_cap;
  dg_buf tmp, key, text; /* the tokenizer's work buffers, kept */
  bool no_lane;         /* every token through the general branches (tests:
                         * tokenize.c's S_lane must give what they give) */
} dg_ltoks;

void dg_ltoks_free(dg_ltoks *t);
/* Room for `need` tokens, and for as many indices of full stops. */
void dg_ltoks_room(dg_ltoks *t, size_t need);
void dg_text_tokenize(const dg_textbuf *tb, const char *raw, dg_ltoks *out);
/* The lane (tokenize_lane.c): the common words, commas and full stops of
 * the paragraph from code point i (a capital or small letter) on, appended
 * to t while they are the tokens the general branches would make, none
 * ending past lim (the paragraph's special or NFC-unstable code points);
 * *line_start: the next token starts a line (cleared once one is made).
 * Returns where it stopped: i when it took nothing. */
size_t dg_text_lane(const dg_textbuf *tb, const char *raw, dg_ltoks *t, size_t i, size_t lim, bool *line_start);

/* Sentence boundaries: sets sent_end[i] = 1 when a sentence ends after token
 * i, and headline[i] = 1 when that sentence is a headline.  `line_of` is
 * room for t->n entries (the line of each token). */
void dg_text_segment(const dg_textbuf *tb, const dg_ltoks *t, unsigned char *sent_end,
                     unsigned char *headline, size_t *line_of);

/* Build the paragraph from raw bytes (tokenize + segment); the paragraph
 * owns copies of lead and raw.  Used by the reader and dg_text_parse. */
void dg_text_build(dg_paragraph *out, const char *lead, size_t leadlen, uint64_t lead_start,
                   const char *raw, size_t rawlen, long line, const char *name,
                   dg_warnstate *ws, dg_textbuf *scratch, dg_ltoks *lscratch);
/* Horizontal: one line, tokens split at spaces. */
/* Replace the paragraph's original bytes (transcoded input): lead and raw
 * are copied, lead_start/start/end set from them; token and sentence offsets
 * are the caller's. */
void dg_text_set_bytes(dg_paragraph *p, uint64_t lead_start, const char *lead, size_t leadlen,
                       const char *raw, size_t rawlen);
/* Lines (DEGLOSS_INPUT_LINES): one line of running text, tokenized and cut
 * into sentences like a paragraph; an empty line gives one sentence
 * without tokens, so that every line is seen. */
void dg_text_build_line(dg_paragraph *out, const char *lead, size_t leadlen, uint64_t lead_start,
                        const char *raw, size_t rawlen, long line, const char *name,
                        dg_warnstate *ws, dg_textbuf *scratch, dg_ltoks *lscratch);
void dg_text_build_horizontal(dg_paragraph *out, const char *lead, size_t leadlen,
                              uint64_t lead_start, const char *raw, size_t rawlen,
                              long line, const char *name, dg_warnstate *ws,
                              dg_textbuf *scratch, dg_ltoks *lscratch);

#endif
