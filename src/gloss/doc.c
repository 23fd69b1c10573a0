/* The document model's storage: arena, documents, sentences.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon.h"
#include "memo.h"
#include "text.h"

#define S_BLOCK 16384

void *dg_mem_grow(dg_mem *a, size_t n) {
  dg_mem_block *b = a->head;
  size_t cap = n > S_BLOCK ? n : S_BLOCK;
  dg_mem_block *nb = dg_xmalloc(sizeof *nb + cap);
  nb->used = n;
  nb->cap = cap;
  if (b && n > S_BLOCK) {
    /* A big one-off: keep the current block as the head for small ones. */
    nb->next = b->next;
    b->next = nb;
    return nb->data;
  }
  nb->next = b;
  a->head = nb;
  return nb->data;
}

char *dg_mem_strdup_measured(dg_mem *a, const char *s) { return dg_mem_strndup(a, s, strlen(s)); }

void dg_mem_free(dg_mem *a) {
  dg_mem_block *b = a->head;
  while (b) {
    dg_mem_block *n = b->next;
    free(b);
    b = n;
  }
  a->head = NULL;
}

const char *dg_kind_name(dg_kind k) {
  switch (k) {
  case DG_KIND_WORD: return "word";
  case DG_KIND_NAME: return "name";
  case DG_KIND_NUMBER: return "number";
  case DG_KIND_PUNCT: return "punct";
  case DG_KIND_SYMBOL: return "symbol";
  case DG_KIND_URL: return "url";
  case DG_KIND_EMAIL: return "email";
  case DG_KIND_HANDLE: return "handle";
  case DG_KIND_HASHTAG: return "hashtag";
  case DG_KIND_CODE: return "code";
  }
  return "word";
}

dg_doc *dg_doc_new(const char *source) {
  dg_doc *d = dg_xcalloc(1, sizeof *d);
  d->source = dg_mem_strdup(&d->arena, source ? source : "-");
  return d;
}

void dg_doc_keep_lexicon(dg_doc *d, const struct dg_lexicon *lex) {
  if (d->keeps || !lex) return;
  d->keeps = dg_xcalloc(1, sizeof *d->keeps);
  d->keeps->lex = dg_lexicon_keep(lex);
  d->keeps->lo = (uintptr_t)dg_lexicon_bytes(lex, &d->keeps->span);
}

static void S_hold(dg_doc *d, void *block, void (*release)(void *)) {
  dg_doc_held *h = dg_mem_alloc(&d->arena, sizeof *h);
  h->block = block;
  h->release = release;
  h->next = d->held;
  d->held = h;
}

void dg_doc_hold(dg_doc *d, void *block) {
  if (block) S_hold(d, block, NULL);
}

static void S_memo_give_back(void *memo) { dg_gl_memo_free(memo); }

void dg_doc_keep_memo(dg_doc *d, struct dg_gl_memo *memo) {
  if (!memo || d->memo == memo) return;
  dg_gl_memo_hold(memo);
  S_hold(d, memo, S_memo_give_back);
  d->memo = memo;
}

void dg_doc_free(dg_doc *d) {
  if (!d) return;
  for (dg_doc_held *h = d->held; h; h = h->next) /* (the nodes are in the arena) */
    if (h->release) h->release(h->block);
    else free(h->block);
  for (dg_doc_keep *k = d->keeps, *n; k; k = n) {
    n = k->next;
    dg_lexicon_close(k->lex);
    free(k);
  }
  dg_mem_free(&d->arena);
  free(d->sentences);
  free(d);
}

dg_dsentence *dg_doc_add_sentence(dg_doc *d) {
  if (d->nsentences == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->sentences = dg_xrealloc(d->sentences, d->cap * sizeof *d->sentences);
  }
  dg_dsentence *s = &d->sentences[d->nsentences++];
  memset(s, 0, sizeof *s);
  s->text = "";
  return s;
}

/* (Copied from a template: a few vector moves, where a memset of the
 * token is a `rep stos` that takes longer to start than the rest of
 * building a token.) */
static const dg_dtoken S_empty_token = {.form = "", .lemma = "", .pos = "", .feats = "", .labels = "",
                                        .gloss = "", .source = "", .mwe = -1, .link = -1, .upos = DG_UD_NONE};

void dg_dtoken_init(dg_dtoken *t) { memcpy(t, &S_empty_token, sizeof *t); }

void dg_doc_absorb(dg_doc *d, dg_doc *src) {
  for (size_t i = 0; i < src->nsentences; i++) *dg_doc_add_sentence(d) = src->sentences[i];
  /* Splice src's arena blocks behind d's. */
  dg_mem_block *b = src->arena.head;
  if (b) {
    dg_mem_block *last = b;
    while (last->next) last = last->next;
    if (d->arena.head) {
      last->next = d->arena.head->next;
      d->arena.head->next = b;
    } else {
      d->arena.head = b;
    }
  }
  src->arena.head = NULL;
  /* (and the storage its forms point into; the list's nodes came along in
   * the arena) */
  if (src->held) {
    dg_doc_held *last = src->held;
    while (last->next) last = last->next;
    last->next = d->held;
    d->held = src->held;
    src->held = NULL;
    if (!d->memo) d->memo = src->memo;
  }
  /* (and the lexicons its strings point into) */
  if (src->keeps) {
    dg_doc_keep *last = src->keeps;
    while (last->next) last = last->next;
    last->next = d->keeps;
    d->keeps = src->keeps;
    src->keeps = NULL;
  }
  dg_doc_free(src);
}

/* Sentence s's text ends at q, in the head block b from text on: its
 * NUL written and the block's room taken (S_set_text_blocks,
 * S_text_known_lengths). */
static inline bool S_text_close(dg_mem_block *b, dg_dsentence *s, char *text, char *q) {
  *q++ = '\0';
  b->used = (size_t)(q - (char *)b->data);
  s->text = text;
  return true;
}

/* The forms copied 16 bytes at a time straight to the free room of the
 * arena's head block, each one's end found in the same load (the bytes
 * stored past it are written over next): no strlen, no memcpy call.  A
 * block is read only when it lies in the page of its start (a readable
 * page is readable to its end, what strlen does; the sanitizers, which
 * know the string's end, are told not to check these loads).  Returns
 * false, with nothing taken from the arena, when a form is near the end
 * of its page or the block is out of room. */
#define S_PAGE 4096
static __attribute__((no_sanitize("address", "undefined", "thread"))) bool S_set_text_blocks(dg_doc *d, dg_dsentence *s) {
#if defined(__SSE2__)
  typedef char v16 __attribute__((vector_size(16)));
  typedef char v16u __attribute__((vector_size(16), aligned(1), may_alias));
  dg_mem_block *b = d->arena.head;
  if (!b) return false;
  char *text = (char *)b->data + b->used, *q = text, *end = (char *)b->data + b->cap;
  const dg_dtoken *t = s->tokens; /* (kept here: a byte stored may be any object, for all the compiler knows) */
  size_t n = s->ntokens;
  for (size_t i = 0; i < n; i++) {
    const char *f = t[i].form;
    for (;;) {
      if (end - q < 32 || ((uintptr_t)f & (S_PAGE - 1)) > S_PAGE - 16) return false;
      __asm__("" : "+r"(f)); /* (the compiler sees a short literal's bounds) */
      v16 x = *(const v16u *)f;
      memcpy(q, &x, 16);
      unsigned nul = (unsigned)__builtin_ia32_pmovmskb128(x == 0);
      if (nul) {
        q += __builtin_ctz(nul);
        break;
      }
      q += 16;
      f += 16;
    }
    if (i + 1 < n && (t[i].flags & DG_DF_SPACE_AFTER)) *q++ = ' ';
  }
  return S_text_close(b, s, text, q);
#else
  (void)d;
  (void)s;
  return false;
#endif
}

/* (Else measured first, then written straight into the arena; the
 * lengths of the first S_TEXT_LENS forms are kept from the measuring.) */
#define S_TEXT_LENS 256
void dg_sentence_set_text(dg_doc *d, dg_dsentence *s) {
  if (S_set_text_blocks(d, s)) return;
  size_t n = 0, lens[S_TEXT_LENS];
  for (size_t i = 0; i < s->ntokens; i++) {
    size_t k = strlen(s->tokens[i].form);
    if (i < S_TEXT_LENS) lens[i] = k;
    n += k + 1;
  }
  char *text = dg_mem_alloc(&d->arena, n + 1), *q = text;
  for (size_t i = 0; i < s->ntokens; i++) {
    size_t k = i < S_TEXT_LENS ? lens[i] : strlen(s->tokens[i].form);
    memcpy(q, s->tokens[i].form, k);
    q += k;
    if (i + 1 < s->ntokens && (s->tokens[i].flags & DG_DF_SPACE_AFTER)) *q++ = ' ';
  }
  *q = '\0';
  s->text = text;
}

/* ---- from the text layer ---- */

static dg_kind S_kind(dg_tokkind k) {
  switch (k) {
  case DG_TOK_WORD: return DG_KIND_WORD;
  case DG_TOK_NUMBER: return DG_KIND_NUMBER;
  case DG_TOK_PUNCT: return DG_KIND_PUNCT;
  case DG_TOK_SYMBOL: return DG_KIND_SYMBOL;
  case DG_TOK_URL: return DG_KIND_URL;
  case DG_TOK_EMAIL: return DG_KIND_EMAIL;
  case DG_TOK_HANDLE: return DG_KIND_HANDLE;
  case DG_TOK_HASHTAG: return DG_KIND_HASHTAG;
  case DG_TOK_CODE: return DG_KIND_CODE;
  }
  return DG_KIND_WORD;
}

/* A text-layer token's flags as the document's (the ones it shows), read
 * from a table of the eight bits they are among (one load a token). */
#define S_F1(f)                                                                                          \
  (((f) & DG_TF_EMPH ? DG_DF_EMPHASIS : 0) | ((f) & DG_TF_HYPHEN_JOINED ? DG_DF_HYPHEN_JOINED : 0) |      \
   ((f) & DG_TF_SPACE_AFTER ? DG_DF_SPACE_AFTER : 0) | ((f) & DG_TF_SUSPENDED ? DG_DF_SUSPENDED : 0) |   \
   ((f) & DG_TF_ORDINAL ? DG_DF_ORDINAL : 0))
#define S_F4(f) S_F1(f), S_F1((f) + 1), S_F1((f) + 2), S_F1((f) + 3)
#define S_F16(f) S_F4(f), S_F4((f) + 4), S_F4((f) + 8), S_F4((f) + 12)
#define S_F64(f) S_F16(f), S_F16((f) + 16), S_F16((f) + 32), S_F16((f) + 48)
static const uint8_t S_flag_map[256] = {S_F64(0), S_F64(64), S_F64(128), S_F64(192)};
_Static_assert((DG_TF_EMPH | DG_TF_HYPHEN_JOINED | DG_TF_SPACE_AFTER | DG_TF_SUSPENDED | DG_TF_ORDINAL) < 256 &&
                   (DG_DF_EMPHASIS | DG_DF_HYPHEN_JOINED | DG_DF_SPACE_AFTER | DG_DF_SUSPENDED | DG_DF_ORDINAL) < 256,
               "the flags a token shows are in the table's bits");
static inline unsigned S_flags(unsigned f) { return S_flag_map[f & 0xff]; }

static void S_from_text(dg_dtoken *t, const dg_token *pt, const char *form) {
  dg_dtoken_init(t);
  t->form = form;
  t->start = pt->start;
  t->end = pt->end;
  t->kind = S_kind(pt->kind);
  t->flags = S_flags(pt->flags);
}

void dg_dtoken_from_text(dg_doc *d, dg_dtoken *t, const dg_token *pt) {
  S_from_text(t, pt, dg_mem_strndup(&d->arena, pt->form, pt->len));
}


/* Whether the gap [a, b) of the input (raw holds its bytes [lo, hi)) is a
 * space: markup alone ("Union*.") is not.  (Mostly one space, the first
 * byte looked at.)  A gap outside raw counts as one. */
static inline bool S_gap_is_space(const char *raw, uint64_t lo, uint64_t hi, uint64_t a, uint64_t b) {
  if (a < lo || b > hi) return true;
  for (uint64_t i = a; i < b; i++) {
    unsigned char ch = (unsigned char)raw[i - lo];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch >= 0x80) return true;
  }
  return false;
}

/* Sentence s's tokens and text in two walks.  The first writes each
 * token whole (its own fields, then the rest of the template from
 * registers: no copy of the template that is then written over).  The
 * second puts each form, whose length the text layer knows, straight
 * after the text so far, 16 bytes at a time, in the free room of the
 * arena's head block (the bytes stored past it are written over next; a
 * block is read only when it lies in the page of its start, as in
 * S_set_text_blocks).  When a form is near the end of its page or the
 * block is out of room, dg_sentence_set_text makes the text. */
static __attribute__((no_sanitize("address", "undefined", "thread"))) bool
S_text_known_lengths(dg_doc *d, dg_dsentence *s, const dg_token *pt) {
#if defined(__SSE2__)
  typedef char v16 __attribute__((vector_size(16)));
  typedef char v16u __attribute__((vector_size(16), aligned(1), may_alias));
  dg_mem_block *b = d->arena.head;
  char *text = (char *)b->data + b->used, *q = text, *end = (char *)b->data + b->cap;
  const dg_dtoken *t = s->tokens;
  size_t n = s->ntokens;
  if (end - q < 32) return false;
  for (size_t i = 0; i < n; i++) {
    const char *f = t[i].form;
    size_t len = pt[i].len;
    for (size_t k = 0;; k += 16) {
      if (((uintptr_t)(f + k) & (S_PAGE - 1)) > S_PAGE - 16) return false;
      v16 v = *(const v16u *)(f + k);
      memcpy(q + k, &v, 16);
      if (k + 16 >= len) break;
      if (end - (q + k) < 48) return false;
    }
    q += len;
    if (end - q < 32) return false;
    if (t[i].flags & DG_DF_SPACE_AFTER) *q++ = ' ';
  }
  if (n && (t[n - 1].flags & DG_DF_SPACE_AFTER)) q--; /* (none after the last) */
  return S_text_close(b, s, text, q);
#else
  (void)d;
  (void)s;
  (void)pt;
  return false;
#endif
}

void dg_sentence_from_text(dg_doc *d, dg_dsentence *s, const dg_token *pt, size_t n, bool held, const char *raw,
                           uint64_t lo, size_t rawlen) {
  dg_dtoken *t = dg_mem_alloc(&d->arena, n * sizeof *t);
  s->tokens = t;
  s->ntokens = n;
  /* (without raw bytes no gap lies in them: [lo, hi) is empty) */
  const uint64_t hi = raw ? lo + rawlen : 0;
  if (!raw) lo = UINT64_MAX, rawlen = 0;
  /* The sentence is its bytes as they stand when every form is
   * (DG_TF_VERBATIM) and every gap one space: the text is then a copy of
   * them, no walk of the forms. */
  unsigned verbatim = DG_TF_VERBATIM;
  for (size_t i = 0; i < n; i++) {
    const dg_token *p = &pt[i];
    dg_dtoken *x = &t[i];
    unsigned f = p->flags, flags = S_flags(f);
    verbatim &= f;
    /* (most gaps are one space, as the text layer tells: no more to look at) */
    if ((f & (DG_TF_SPACE_AFTER | DG_TF_ONE_SPACE)) == DG_TF_SPACE_AFTER && i + 1 < n) {
      verbatim = 0;
      if (!(p->end - lo < rawlen && raw[p->end - lo] == ' ') && !S_gap_is_space(raw, lo, hi, p->end, pt[i + 1].start))
        flags &= ~(unsigned)DG_DF_SPACE_AFTER;
    }
    memcpy((char *)x + offsetof(dg_dtoken, lemma), (const char *)&S_empty_token + offsetof(dg_dtoken, lemma),
           sizeof *x - offsetof(dg_dtoken, lemma));
    x->form = held ? p->form : dg_mem_strndup(&d->arena, p->form, p->len);
    x->start = p->start;
    x->end = p->end;
    x->kind = S_kind(p->kind);
    x->flags = flags;
  }
  if (verbatim && n && pt[0].start >= lo && pt[n - 1].end <= hi) {
    s->text = dg_mem_strndup(&d->arena, raw + (pt[0].start - lo), (size_t)(pt[n - 1].end - pt[0].start));
    return;
  }
  /* (copied forms are in the arena's head block, where the text would be
   * put: they are measured again) */
  if (!held || !S_text_known_lengths(d, s, pt)) dg_sentence_set_text(d, s);
}
