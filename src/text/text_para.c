/* Assemble paragraphs (tokens + sentences + original bytes), horizontal
 * lines, sentences built from given tokens, and token classification.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

const char *dg_tokkind_name(dg_tokkind kind) {
  static const char *const names[DG_TOK_NKINDS] = {"word", "number", "punct", "symbol",
                                                   "url", "email", "handle", "hashtag", "code"};
  return (unsigned)kind < DG_TOK_NKINDS ? names[kind] : "?";
}

/* Paragraph flag of this file's own (public flags are bits 0 and 1): the
 * tokens and sentences lie in the storage block after the forms, one
 * allocation a paragraph built from text (dg_text_build), and go with the
 * block. */
#define S_PF_IN_BLOCK (1u << 31)

void dg_paragraph_free(dg_paragraph *p) {
  if (!p) return;
  free(p->priv_);
  if (!(p->flags & S_PF_IN_BLOCK)) {
    free(p->tokens);
    free(p->sentences);
  }
  memset(p, 0, sizeof *p);
}

void *dg_paragraph_take_storage(dg_paragraph *p) {
  void *blk = p->priv_;
  p->priv_ = NULL;
  return blk;
}

/* One block: [lead][raw][forms], and `extra` bytes after them (aligned
 * for tokens and sentences; *tail, when extra is not 0). */
static char *S_block(dg_paragraph *out, const char *lead, size_t leadlen, uint64_t lead_start,
                     const char *raw, size_t rawlen, const char *forms, size_t formlen,
                     size_t extra, void **tail) {
  enum { S_AL = _Alignof(dg_token) > _Alignof(dg_sentence) ? _Alignof(dg_token) : _Alignof(dg_sentence) };
  size_t at = (leadlen + rawlen + formlen + 1 + S_AL - 1) & ~(size_t)(S_AL - 1);
  char *blk = dg_xmalloc(extra ? at + extra : leadlen + rawlen + formlen + 1);
  if (extra) *tail = blk + at;
  if (leadlen) memcpy(blk, lead, leadlen);
  if (rawlen) memcpy(blk + leadlen, raw, rawlen);
  if (formlen) memcpy(blk + leadlen + rawlen, forms, formlen);
  blk[leadlen + rawlen + formlen] = '\0';
  out->priv_ = blk;
  out->lead_start = lead_start;
  out->start = lead_start + leadlen;
  out->end = out->start + rawlen;
  out->lead = blk;
  out->leadlen = leadlen;
  out->raw = blk + leadlen;
  out->rawlen = rawlen;
  return blk + leadlen + rawlen;
}

void dg_text_set_bytes(dg_paragraph *p, uint64_t lead_start, const char *lead, size_t leadlen,
                       const char *raw, size_t rawlen) {
  char *old = p->priv_;
  const char *forms = p->raw + p->rawlen; /* the forms follow lead and raw in the block */
  size_t flen = 0;
  for (size_t i = 0; i < p->ntokens; i++) {
    size_t e = (size_t)(p->tokens[i].form - forms) + p->tokens[i].len + 1;
    if (e > flen) flen = e;
  }
  /* (tokens and sentences in the old block move to the new one) */
  size_t extra = p->flags & S_PF_IN_BLOCK ? p->ntokens * sizeof *p->tokens + p->nsentences * sizeof *p->sentences : 0;
  void *tail = NULL;
  char *f = S_block(p, lead, leadlen, lead_start, raw, rawlen, forms, flen, extra, &tail);
  if (extra) {
    dg_token *t = tail;
    memcpy(t, p->tokens, extra); /* (the sentences follow the tokens) */
    dg_sentence *s = (dg_sentence *)(void *)(t + p->ntokens);
    for (size_t i = 0; i < p->nsentences; i++) s[i].tokens = t + (s[i].tokens - p->tokens);
    p->tokens = t;
    p->sentences = s;
  }
  for (size_t i = 0; i < p->ntokens; i++) {
    p->tokens[i].form = f + (p->tokens[i].form - forms);
    p->tokens[i].flags &= ~(unsigned)DG_TF_VERBATIM; /* (the forms are UTF-8, the bytes not) */
  }
  free(old);
}

void dg_text_build(dg_paragraph *out, const char *lead, size_t leadlen, uint64_t lead_start,
                   const char *raw, size_t rawlen, long line, const char *name,
                   dg_warnstate *ws, dg_textbuf *tb, dg_ltoks *lt) {
  memset(out, 0, sizeof *out);
  uint64_t base = lead_start + leadlen;
  dg_text_decode(tb, raw, rawlen, base, name, line, ws);
  dg_text_tokenize(tb, raw, lt);
  size_t n = lt->n;
  out->line = line;
  if (n == 0) {
    S_block(out, lead, leadlen, lead_start, raw, rawlen, lt->forms.data, lt->forms.len, 0, NULL);
    return;
  }
  /* (the segmenter's work room, kept in lt: the line of each token, then
   * its two marks) */
  size_t need = n + (2 * n + sizeof(size_t) - 1) / sizeof(size_t);
  if (lt->seg_cap < need) {
    free(lt->seg);
    lt->seg_cap = need > 2 * lt->seg_cap ? need : 2 * lt->seg_cap;
    lt->seg = dg_xmalloc(lt->seg_cap * sizeof *lt->seg);
  }
  unsigned char *se = (unsigned char *)(lt->seg + n);
  dg_text_segment(tb, lt, se, se + n, lt->seg);
  size_t ns = 0, x = 0;
  for (; x + 8 <= n; x += 8) { /* (eight marks, each 0 or 1, summed by one multiplication) */
    uint64_t w;
    memcpy(&w, se + x, 8);
    ns += (size_t)((w * 0x0101010101010101ULL) >> 56);
  }
  for (; x < n; x++) ns += se[x];
  /* (the tokens and then the sentences, every field of which is set
   * below, in the storage block after the forms: one allocation) */
  void *tail;
  char *forms = S_block(out, lead, leadlen, lead_start, raw, rawlen, lt->forms.data, lt->forms.len,
                        n * sizeof *out->tokens + ns * sizeof *out->sentences, &tail);
  out->flags |= S_PF_IN_BLOCK;
  out->tokens = tail;
  out->sentences = (dg_sentence *)(void *)(out->tokens + n);
  _Static_assert(sizeof(dg_token) % _Alignof(dg_sentence) == 0, "sentences aligned after the tokens");
  size_t s = 0, first = 0;
  dg_ltoks_room(lt, n + 1);
  lt->v[n].cs = UINT32_MAX; /* (past the last token: where the next would start) */
  /* (kept in locals: a token stored may be any object, for all the
   * compiler knows) */
  const dg_ltok *v = lt->v;
  const uint32_t *off = tb->off;
  dg_token *toks = out->tokens;
  for (size_t i = 0; i < n; i++) {
    const dg_ltok *k = &v[i];
    dg_token *d = &toks[i];
    const uint32_t ce = k->ce, b = off[ce];
    d->start = base + off[k->cs];
    d->end = base + b;
    d->form = forms + k->fo;
    d->len = k->fl;
    d->kind = (dg_tokkind)k->kind;
    /* a gap follows (always after the last); one space when it is one code
     * point, a space byte */
    const uint32_t next = v[i + 1].cs;
    unsigned fl = (k->flags & DG_LTF_PUBLIC) | (next > ce ? DG_TF_SPACE_AFTER : 0);
    if (next == ce + 1 && raw[b] == ' ') fl |= DG_TF_ONE_SPACE;
    d->flags = fl;
    /* (the test build checks what the tokenizer claims: the paragraph's
     * own sentence texts are copied from the bytes on its word) */
    assert(!(fl & DG_TF_VERBATIM) ||
           (d->len == d->end - d->start && !memcmp(d->form, raw + (d->start - base), d->len)));
    if (se[i]) {
      dg_sentence *st = &out->sentences[s++];
      st->tokens = toks + first;
      st->ntokens = i + 1 - first;
      st->start = st->tokens[0].start;
      st->end = d->end;
      st->flags = (first == 0 ? DG_SF_PARA_START : 0) | (se[n + i] ? DG_SF_HEADLINE : 0);
      first = i + 1;
    }
  }
  out->ntokens = n;
  out->nsentences = ns;
}

void dg_text_build_line(dg_paragraph *out, const char *lead, size_t leadlen, uint64_t lead_start,
                        const char *raw, size_t rawlen, long line, const char *name,
                        dg_warnstate *ws, dg_textbuf *tb, dg_ltoks *lt) {
  dg_text_build(out, lead, leadlen, lead_start, raw, rawlen, line, name, ws, tb, lt);
  if (out->ntokens) out->tokens[0].flags |= DG_TF_LINE_START;
  if (out->nsentences) return;
  out->sentences = dg_xcalloc(1, sizeof *out->sentences);
  out->nsentences = 1;
  out->sentences[0].start = out->sentences[0].end = out->start;
  out->sentences[0].flags = DG_SF_PARA_START;
}

void dg_text_parse(const char *data, size_t len, uint64_t base, const char *name,
                   dg_paragraph *out) {
  dg_warnstate ws = {0};
  dg_textbuf tb = {0};
  dg_ltoks lt = {0};
  dg_text_build(out, "", 0, base, data ? data : "", data ? len : 0, 1, name, &ws, &tb, &lt);
  dg_textbuf_free(&tb);
  dg_ltoks_free(&lt);
}

/* ---- classification of given tokens ---- */

/* Fast path: only letters (and marks), or only digits. */
static bool S_simple(const char *form, size_t len, dg_tokkind *kind) {
  const unsigned char *u = (const unsigned char *)form;
  bool letters = true, digits = true;
  for (size_t i = 0; i < len && (letters || digits);) {
    uint32_t cp;
    bool bad;
    size_t n = dg_utf8_decode(u + i, len - i, &cp, &bad);
    unsigned c = dg_text_class(cp);
    if (bad || c == DG_C_BAD) return false;
    if (i > 0 && u[i - 1] >= 'a' && u[i - 1] <= 'z' && cp >= 'A' && cp <= 'Z') return false; /* camelCase: the tokenizer decides */
    letters &= dg_c_alpha(c) || (c == DG_C_MARK && i > 0);
    digits &= c == DG_C_DIGIT;
    i += n;
  }
  if (len == 0) return false;
  if (!(letters || digits)) {
    uint32_t cp;
    bool bad;
    if (dg_utf8_decode(u, len, &cp, &bad) != len || bad) return false;
    unsigned c = dg_text_class(cp); /* one punctuation mark or symbol */
    if (c != DG_C_PUNCT && c != DG_C_SYMBOL) return false;
    *kind = c == DG_C_PUNCT ? DG_TOK_PUNCT : DG_TOK_SYMBOL;
    return true;
  }
  *kind = letters ? DG_TOK_WORD : DG_TOK_NUMBER;
  return true;
}

static dg_tokkind S_classify(const char *form, size_t len, unsigned *flags, dg_textbuf *tbp,
                             dg_ltoks *ltp) {
  unsigned fl = 0;
  dg_tokkind simple;
  if (S_simple(form, len, &simple)) {
    if (flags) /* „ and ‚ always open; other quotes depend on context */
      *flags = (len == 3 && (!memcmp(form, "\xE2\x80\x9E", 3) || !memcmp(form, "\xE2\x80\x9A", 3)))
                   ? DG_TF_QUOTE_OPEN : 0;
    return simple;
  }
  dg_tokkind kind = DG_TOK_SYMBOL;
  dg_warnstate ws = {.reported = DG_TEXT_WARN_MAX, .capped = true}; /* silent */
  dg_text_decode(tbp, form, len, 0, NULL, 0, &ws);
  dg_text_tokenize(tbp, form, ltp);
  if (ltp->n == 1) {
    kind = (dg_tokkind)ltp->v[0].kind;
    fl = ltp->v[0].flags;
  } else if (ltp->n == 2 && ltp->v[0].kind == DG_TOK_NUMBER && ltp->v[1].kind == DG_TOK_PUNCT &&
             ltp->v[1].ce == ltp->v[1].cs + 1 && tbp->cp[ltp->v[1].cs] == '.' &&
             ltp->v[1].ce == tbp->ncp) {
    kind = DG_TOK_NUMBER; /* "17." */
    fl = DG_TF_ORDINAL;
  } else if (ltp->n > 1) {
    bool word = false, number = false;
    for (size_t i = 0; i < ltp->n; i++) {
      word |= ltp->v[i].kind == DG_TOK_WORD;
      number |= ltp->v[i].kind == DG_TOK_NUMBER;
    }
    kind = word ? DG_TOK_WORD : number ? DG_TOK_NUMBER : (dg_tokkind)ltp->v[0].kind;
    if (kind == DG_TOK_PUNCT || kind == DG_TOK_SYMBOL) {
      bool allpunct = true;
      for (size_t i = 0; i < ltp->n; i++) allpunct &= ltp->v[i].kind == DG_TOK_PUNCT;
      kind = allpunct ? DG_TOK_PUNCT : DG_TOK_SYMBOL;
    }
  }
  if (flags)
    *flags = fl & (DG_TF_ORDINAL | DG_TF_ABBREV | DG_TF_SUSPENDED | DG_TF_QUOTE_OPEN |
                   DG_TF_QUOTE_CLOSE);
  return kind;
}

dg_tokkind dg_classify_token(const char *form, size_t len, unsigned *flags) {
  dg_textbuf tb = {0};
  dg_ltoks lt = {0};
  dg_tokkind k = S_classify(form, len, flags, &tb, &lt);
  dg_textbuf_free(&tb);
  dg_ltoks_free(&lt);
  return k;
}

/* ---- sentences from given tokens ---- */

struct dg_sentbuilder {
  dg_token *v;
  size_t n, cap;
  dg_buf forms;
  dg_buf tmp;
  dg_textbuf tb; /* scratch for classification */
  dg_ltoks lt;
};

dg_sentbuilder *dg_sentbuilder_new(void) { return dg_xcalloc(1, sizeof(dg_sentbuilder)); }

void dg_sentbuilder_free(dg_sentbuilder *b) {
  if (!b) return;
  free(b->v);
  dg_buf_free(&b->forms);
  dg_buf_free(&b->tmp);
  dg_textbuf_free(&b->tb);
  dg_ltoks_free(&b->lt);
  free(b);
}

/* Valid UTF-8, NUL and other controls dropped, NFC; U+FFFD if nothing is left. */
static unsigned S_normalise(dg_buf *out, dg_buf *tmp, const char *s, size_t n) {
  unsigned fl = 0;
  const unsigned char *u = (const unsigned char *)s;
  size_t k = 0;
  while (k < n && u[k] >= 0x20 && u[k] < 0x7F) k++;
  if (k == n && n > 0) { /* printable ASCII: already normal */
    dg_buf_put(out, s, n);
    return 0;
  }
  dg_buf_clear(tmp);
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    bool bad;
    size_t len = dg_utf8_decode(u + i, n - i, &cp, &bad);
    if (bad) fl |= DG_TF_REPLACED;
    unsigned c = dg_text_class(cp);
    if (!(c == DG_C_IGNORE || (c == DG_C_NL && cp != 0x2028 && cp != 0x2029))) {
      char e[4];
      dg_buf_put(tmp, e, dg_utf8_encode(cp, e));
    }
    i += len;
  }
  if (tmp->len == 0) {
    dg_buf_puts(tmp, "\xEF\xBF\xBD");
    fl |= DG_TF_REPLACED;
  }
  dg_text_put_nfc(out, tmp->data, tmp->len);
  return fl;
}

static void S_add(dg_token **v, size_t *n, size_t *cap, dg_buf *forms, dg_buf *tmp,
                  dg_textbuf *tb, dg_ltoks *lt, const char *form, size_t len, uint64_t start,
                  uint64_t end) {
  if (*n == *cap) {
    *cap = *cap ? 2 * *cap : 64;
    *v = dg_xrealloc(*v, *cap * sizeof **v);
  }
  dg_token *t = &(*v)[(*n)++];
  size_t fo = forms->len;
  unsigned fl = S_normalise(forms, tmp, form, len);
  unsigned cf = 0;
  t->kind = S_classify(forms->data + fo, forms->len - fo, &cf, tb, lt);
  t->len = forms->len - fo;
  dg_buf_putc(forms, '\0');
  t->form = (char *)(uintptr_t)fo; /* an offset until the arena is final */
  t->start = start;
  t->end = end;
  t->flags = fl | cf | DG_TF_SPACE_AFTER;
}

void dg_sentbuilder_add(dg_sentbuilder *b, const char *form, size_t len, uint64_t start,
                        uint64_t end) {
  S_add(&b->v, &b->n, &b->cap, &b->forms, &b->tmp, &b->tb, &b->lt, form, len, start, end);
}

/* A paragraph holding one sentence made of the tokens v[0..n). */
static void S_finish(dg_paragraph *out, dg_token *v, size_t n, dg_buf *forms,
                     const char *lead, size_t leadlen, uint64_t lead_start, const char *raw,
                     size_t rawlen, long line) {
  memset(out, 0, sizeof *out);
  char *f = S_block(out, lead, leadlen, lead_start, raw, rawlen, forms->data, forms->len, 0, NULL);
  out->line = line;
  out->tokens = dg_xmalloc((n ? n : 1) * sizeof *out->tokens);
  for (size_t i = 0; i < n; i++) {
    out->tokens[i] = v[i];
    out->tokens[i].form = f + (size_t)(uintptr_t)v[i].form;
  }
  out->ntokens = n;
  out->sentences = dg_xcalloc(1, sizeof *out->sentences);
  out->nsentences = 1;
  dg_sentence *s = &out->sentences[0];
  s->tokens = out->tokens;
  s->ntokens = n;
  s->flags = DG_SF_PARA_START;
  s->start = n ? v[0].start : out->start;
  s->end = n ? v[n - 1].end : out->start;
  if (n) {
    out->tokens[0].flags |= DG_TF_LINE_START;
    if (!raw) { /* given tokens: the paragraph spans them */
      out->start = out->lead_start = s->start;
      out->end = s->end;
    }
  }
}

void dg_sentbuilder_finish(dg_sentbuilder *b, dg_paragraph *out) {
  S_finish(out, b->v, b->n, &b->forms, NULL, 0, 0, NULL, 0, 0);
  b->n = 0;
  dg_buf_clear(&b->forms);
}

void dg_text_build_horizontal(dg_paragraph *out, const char *lead, size_t leadlen,
                              uint64_t lead_start, const char *raw, size_t rawlen,
                              long line, const char *name, dg_warnstate *ws,
                              dg_textbuf *tb, dg_ltoks *lt) {
  uint64_t base = lead_start + leadlen;
  dg_text_decode(tb, raw, rawlen, base, name, line, ws); /* warnings */
  dg_token *v = NULL;
  size_t n = 0, cap = 0;
  dg_buf forms, tmp;
  dg_buf_init(&forms);
  dg_buf_init(&tmp);
  for (size_t i = 0; i < rawlen;) {
    if (raw[i] == ' ') {
      i++;
      continue;
    }
    size_t j = i;
    while (j < rawlen && raw[j] != ' ') j++;
    S_add(&v, &n, &cap, &forms, &tmp, tb, lt, raw + i, j - i, base + i, base + j);
    i = j;
  }
  S_finish(out, v, n, &forms, lead, leadlen, lead_start, raw, rawlen, line);
  free(v);
  dg_buf_free(&forms);
  dg_buf_free(&tmp);
}
