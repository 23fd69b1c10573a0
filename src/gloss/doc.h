/* The document model: document -> sentence -> token (with its chosen analysis,
 * ranked glosses and compound parts).  The glossing engine builds it, every
 * renderer only reads it (cmark's shape).  Internal, not part of the public API.
 *
 * Memory: every string and array hanging off a document lives in the
 * document's arena, or in a block of storage it holds (dg_doc_hold: the
 * text of the paragraphs its tokens' forms point into), and is released
 * with dg_doc_free.  A document holds one
 * streaming chunk (a paragraph or a group of them), so memory stays bounded.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_DOC_H
#define DG_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

/* What a token is, as the user sees it. */
typedef enum {
  DG_KIND_WORD,
  DG_KIND_NAME,
  DG_KIND_NUMBER,
  DG_KIND_PUNCT,
  DG_KIND_SYMBOL,
  DG_KIND_URL,
  DG_KIND_EMAIL,
  DG_KIND_HANDLE,
  DG_KIND_HASHTAG,
  DG_KIND_CODE       /* code from a document (Markdown `code`), kept as written */
} dg_kind;
const char *dg_kind_name(dg_kind k);

/* Token flags. */
enum {
  DG_DF_EMPHASIS = 1u << 0,      /* inside *emphasis* markup */
  DG_DF_HYPHEN_JOINED = 1u << 1, /* rejoined across a line-break hyphen */
  DG_DF_SPACE_AFTER = 1u << 2,   /* whitespace (or markup) follows in the input */
  DG_DF_SEP_VERB = 1u << 3,      /* finite part of a separable verb */
  DG_DF_SEP_PARTICLE = 1u << 4,  /* detached particle of a separable verb */
  DG_DF_GUESS = 1u << 5,         /* gloss is a fallback (closest form, name guess...) */
  DG_DF_ORDINAL = 1u << 6,       /* number with an ordinal dot ("17.") */
  DG_DF_SUSPENDED = 1u << 7,     /* suspended part of a compound: "Ein-" (und Ausfuhr) */
  DG_DF_CLAUSE_JOIN = 1u << 8,   /* internal: a conjunction that joins clauses ("… beansprucht
                                  * und haben …"), a clause boundary for the context rules */
  DG_DF_SENT_START = 1u << 9,    /* lines input: starts a sentence after the first of its
                                  * line's record (set by dg_doc_lines_view only) */
  DG_DF_WHOLE_GLOSS = 1u << 15   /* a compound with its own entry whose parts' glosses do not
                                  * make its gloss: the gloss line shows the whole word's
                                  * gloss, the segmentation line the parts */
};

/* One part of a compound: "Telefon" stem, "s" link. */
typedef struct dg_dpart {
  const char *form;
  const char *lemma;
  const char *gloss;  /* "" for links */
  bool link;
} dg_dpart;

/* A multiword expression spanning several tokens of one sentence. */
typedef struct dg_mwe {
  unsigned id;         /* 1-based within the sentence */
  const char *lemma;   /* German citation form, "zur Rechenschaft ziehen" */
  const char *gloss;   /* "hold accountable" */
  const char *source;  /* provenance */
} dg_mwe;

typedef struct dg_dtoken {
  const char *form;      /* normalised form (NFC, hyphenation joined) */
  uint64_t start, end;   /* byte span in the original input */
  dg_kind kind;
  unsigned flags;
  const char *lemma;     /* "" when none */
  const char *pos;       /* UD UPOS, "" when none */
  const char *feats;     /* UD FEATS, "" when none */
  const char *labels;    /* Leipzig labels for the gloss line, "PST.3SG", "M.NOM" */
  const char *seg;       /* segmentation "Russland-s", "bestätig-te", or NULL (= form);
                            labels join the gloss with "-" when set, else "." */
  const char *gloss;     /* primary English gloss, never empty for a word */
  const char *plain;     /* gloss inflected as plain English ("clarified"), or NULL */
  const char *const *glosses; /* ranked alternatives (glosses[0] == gloss); never written through: it may be the memo's list, shared by threads */
  size_t nglosses;
  /* Where each of glosses[] comes from and the subject fields of its
   * sense ("comp.;telco."), parallel to glosses; NULL unless the sense
   * details were asked for (dg_doc_sense_details); an entry NULL or "" when
   * unknown. */
  const char **sense_src, **sense_dom;
  dg_dpart *parts;       /* compound parts, NULL/0 when not a compound */
  size_t nparts;
  const char *source;    /* provenance of the gloss ("ding:1234", "mwe.tsv:3", "name") */
  const char *reason;    /* why a fallback was taken, or NULL */
  int mwe;               /* index into the sentence's mwes, -1 none */
  bool mwe_head;         /* this token carries the expression's gloss */
  uint8_t upos;          /* pos as a code (lexicon.h DG_UD_*), set with it by the
                          * glossing passes (word.h dg_gl_set_pos) */
  int link;              /* separable verb: index of the partner token, -1 none */
  uint32_t *align;       /* [start, end) byte spans into the sentence's translation that the
                          * gloss agrees with, nalign pairs (align.c); NULL/0 when unaligned */
  size_t nalign;
} dg_dtoken;

typedef struct dg_dsentence {
  const char *text;      /* the sentence as plain text (tokens, single spaces) */
  uint64_t start, end;
  long line;             /* 1-based input line of the sentence's start, 0 when unknown */
  bool first;            /* the first sentence of its input (a file or a stream) */
  unsigned paragraph;    /* 0-based paragraph number in the stream */
  const char *origin;    /* where the paragraph came from in a document ("body/p[3]",
                          * "page 2"), NULL for text input */
  bool headline;
  const char *subject;   /* the document's subject as of this sentence (--domain or inferred
                          * from the subject fields of its words so far), NULL when none */
  bool subject_new;      /* the subject differs from the previous sentence's (renderers
                          * that show it once show it here) */
  long record;           /* lines input (one record a line): the input line whose record the
                          * sentence belongs to, the same for the sentences of one line;
                          * 0 in every other input mode */
  dg_dtoken *tokens;
  size_t ntokens;
  dg_mwe *mwes;
  size_t nmwes;
  /* Free translation (MT), or its failure. */
  const char *translation;   /* NULL when none */
  const char *tr_provider;
  const char *tr_model;
  bool tr_cached;
  const char *tr_error;      /* NULL unless the provider failed */
  int tr_status;
} dg_dsentence;

/* An arena: blocks of memory released together.  A string is copied in
 * inline when the head block has room (the glosser copies a few a token),
 * with no call (dg_mem_strdup finds its end as it copies it). */
typedef struct dg_mem_block {
  struct dg_mem_block *next;
  size_t used, cap;
  max_align_t data[];
} dg_mem_block;
typedef struct dg_mem {
  dg_mem_block *head;
} dg_mem;

/* A new block for n bytes (a multiple of max_align_t), which the head block
 * has no room for. */
void *dg_mem_grow(dg_mem *a, size_t n);
void dg_mem_free(dg_mem *a);

/* n bytes aligned for any object, from the head block when it has room. */
static inline void *dg_mem_alloc(dg_mem *a, size_t n) {
  n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
  if (n == 0) n = sizeof(max_align_t);
  dg_mem_block *b = a->head;
  if (b) {
    /* (strings are packed without alignment: the next block starts aligned) */
    size_t at = (b->used + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (at <= b->cap && b->cap - at >= n) {
      b->used = at + n;
      return (char *)b->data + at;
    }
  }
  return dg_mem_grow(a, n);
}

static inline char *dg_mem_strndup(dg_mem *a, const char *s, size_t n) {
  /* (a string needs no alignment: its bytes follow the last allocation) */
  dg_mem_block *b = a->head;
  char *p;
  if (b && b->cap - b->used > n) {
    p = (char *)b->data + b->used;
    b->used += n + 1;
  } else
    p = dg_mem_alloc(a, n + 1);
  dg_copy(p, s, n);
  p[n] = '\0';
  return p;
}

/* s copied 16 bytes at a time straight to the free room of the head
 * block, its end found in the same load (the NUL is among the bytes
 * stored; those past it are written over next): no strlen, no memcpy
 * call, which a features string or a lemma (a few dozen bytes, copied
 * for most tokens) cost more than the copy.  A block is read only when it
 * lies in the page of its start (a readable page is readable to its end,
 * what strlen does; the sanitizers, which know the string's end, are told
 * not to check these loads).  NULL, with nothing taken from the arena,
 * when s comes near the end of its page or the block is out of room. */
#define DG_MEM_PAGE 4096
static inline __attribute__((no_sanitize("address", "undefined", "thread"))) char *dg_mem_strdup_blocks(dg_mem *a,
                                                                                                      const char *s) {
#if defined(__SSE2__)
  typedef char v16 __attribute__((vector_size(16)));
  typedef char v16u __attribute__((vector_size(16), aligned(1), may_alias));
  dg_mem_block *b = a->head;
  if (!b) return NULL;
  char *p = (char *)b->data + b->used, *q = p, *end = (char *)b->data + b->cap;
  __asm__("" : "+r"(s)); /* (the compiler sees a short literal's bounds) */
  for (;;) {
    if (end - q < 16 || ((uintptr_t)s & (DG_MEM_PAGE - 1)) > DG_MEM_PAGE - 16) return NULL;
    v16 x = *(const v16u *)s;
    memcpy(q, &x, 16);
    unsigned nul = (unsigned)__builtin_ia32_pmovmskb128(x == 0);
    if (nul) {
      q += __builtin_ctz(nul) + 1;
      b->used = (size_t)(q - (char *)b->data);
      return p;
    }
    q += 16;
    s += 16;
  }
#else
  (void)a;
  (void)s;
  return NULL;
#endif
}

/* (the rest: measured, then copied; out of line) */
char *dg_mem_strdup_measured(dg_mem *a, const char *s);

static inline char *dg_mem_strdup(dg_mem *a, const char *s) {
  if (!s) s = "";
  char *p = dg_mem_strdup_blocks(a, s);
  return p ? p : dg_mem_strdup_measured(a, s);
}

/* The lexicons a document keeps open (dg_doc_keep_lexicon), with the span
 * of the mapped file (dg_lexicon_bytes) that dg_doc_str tests. */
struct dg_lexicon;
typedef struct dg_doc_keep {
  struct dg_lexicon *lex;
  uintptr_t lo;
  size_t span;
  struct dg_doc_keep *next;
} dg_doc_keep;

/* A block of storage a document frees with itself (dg_doc_hold), or a
 * hold it gives back with `release` (dg_doc_keep_memo). */
typedef struct dg_doc_held {
  void *block;
  void (*release)(void *); /* NULL: free(block) */
  struct dg_doc_held *next;
} dg_doc_held;

typedef struct dg_doc {
  dg_mem arena;
  dg_doc_keep *keeps;    /* the first is the lexicon whose strings dg_doc_str
                          * points at */
  dg_doc_held *held;     /* storage its tokens' forms may point into, and
                          * the memos it holds */
  const void *memo;      /* the engine's memo it holds (dg_doc_keep_memo), or NULL */
  const char *source;    /* input name for messages: file name or "-" */
  dg_dsentence *sentences;
  size_t nsentences;
  size_t cap;
  bool continued;        /* the first sentence's paragraph began in the chunk
                          * before (a long paragraph is cut between sentences) */
} dg_doc;

dg_doc *dg_doc_new(const char *source);
void dg_doc_free(dg_doc *d);
/* d keeps lex open as long as d lives (once; the first lexicon kept is the
 * one dg_doc_str points into).  A document stays independent of the
 * engine that made it (include/degloss.h) and needs no copy of the
 * dictionary's strings. */
void dg_doc_keep_lexicon(dg_doc *d, const struct dg_lexicon *lex);
/* d holds the engine's type memo (gloss/memo.h) as long as d lives: its
 * tokens may point at the memo's strings (a word's lemma and features, as
 * a repeated word's entry holds them) instead of copies.  A document that
 * holds the memo already takes no second hold. */
struct dg_gl_memo;
void dg_doc_keep_memo(dg_doc *d, struct dg_gl_memo *memo);
/* d takes over `block` (from malloc): it is freed with d, so strings in it
 * may be pointed at instead of copied (a paragraph's forms). */
void dg_doc_hold(dg_doc *d, void *block);
/* s itself when it lives as long as d (a string of the lexicon d keeps),
 * else a copy in d's arena; "" for NULL. */
static inline const char *dg_doc_str(dg_doc *d, const char *s) {
  if (!s) return "";
  if (d->keeps && (uintptr_t)s - d->keeps->lo < d->keeps->span) return s;
  return dg_mem_strdup(&d->arena, s);
}
/* Append an empty sentence; the pointer is valid until the next append. */
dg_dsentence *dg_doc_add_sentence(dg_doc *d);
/* Move src's sentences (and their storage) to the end of d; frees src. */
void dg_doc_absorb(dg_doc *d, dg_doc *src);
/* Initialise a token to "nothing known". */
void dg_dtoken_init(dg_dtoken *t);
/* Build the plain text of a sentence from its tokens (single spaces where the
 * input had a gap). */
void dg_sentence_set_text(dg_doc *d, dg_dsentence *s);
/* A token of the text layer (src/text) as a token of the document model:
 * form, span, kind and flags, in d's arena. */
struct dg_token;
void dg_dtoken_from_text(dg_doc *d, dg_dtoken *t, const struct dg_token *pt);
/* Sentence s's tokens (n of the text layer, as dg_dtoken_from_text makes
 * them, in d's arena; with `held` the forms live as long as d (their
 * storage is held by d: dg_doc_hold) and are pointed at, not copied) and
 * its text (as dg_sentence_set_text makes it), in one walk.  raw holds the input's bytes [lo, lo + rawlen) that the
 * tokens' spans point into (NULL: none): a gap between two tokens that
 * holds no whitespace there (markup alone, "Union*.") is no space. */
void dg_sentence_from_text(dg_doc *d, dg_dsentence *s, const struct dg_token *pt, size_t n, bool held,
                           const char *raw, uint64_t lo, size_t rawlen);

/* Lines input: the sentences of one record (the same `record`) joined into
 * one sentence each, for the renderers, which then write one record a line.
 * The view borrows every string from d, so it lives no longer than d; a
 * document without records is returned as it is (no copy).  Release the
 * view with dg_doc_lines_view_free(view, d). */
const dg_doc *dg_doc_lines_view(const dg_doc *d);
void dg_doc_lines_view_free(const dg_doc *view, const dg_doc *d);

#endif
