/* The document source's paragraphs: one paragraph of a document's extracted
 * text (src/document/) into sentences of the document model.
 *
 * The paragraph goes through the text layer as one paragraph (so words
 * hyphenated at a line end are rejoined by the text layer's rule, and
 * sentences are found as in plain text), with its code regions blanked to
 * spaces of the same length: no word token can reach into code, and code
 * cannot end a sentence.  Each run of non-space characters of a code region
 * then becomes one token of kind code, its form the bytes as written, put
 * in among the words by offset: into the sentence it stands in, or, between
 * two sentences, into the one after (code at a sentence start, not after
 * its full stop).  A paragraph that is all code (a code block) gives one
 * sentence per line.  Every sentence carries the paragraph's origin.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "gloss_input.h"

typedef struct S_chunk {
  uint64_t start, end;
} S_chunk;

static bool S_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Whitespace between two tokens (bytes [a, b) of the text)?  Markup alone
 * (emphasis stars the text layer left out) is not a space, as in
 * gloss_input.c; non-ASCII gap characters (no-break spaces) are. */
static bool S_space_between(const char *text, uint64_t a, uint64_t b) {
  for (uint64_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)text[i];
    if (S_ws(c) || c >= 0x80) return true;
  }
  return false;
}

/* One token of a sentence being built: a word of the text layer, or a code
 * chunk. */
typedef struct S_tok {
  const dg_token *word; /* NULL for code */
  const S_chunk *code;
} S_tok;

static uint64_t S_start(const S_tok *t) { return t->word ? t->word->start : t->code->start; }

static void S_sentence(dg_engine *e, dg_doc *d, const S_tok *v, size_t n, const char *text,
                       uint64_t next, unsigned parno, bool headline, const char *origin) {
  if (n == 0) return;
  dg_dsentence *s = dg_doc_add_sentence(d);
  s->paragraph = parno;
  s->origin = origin;
  s->headline = headline;
  s->ntokens = n;
  s->tokens = dg_mem_alloc(&d->arena, n * sizeof *s->tokens);
  for (size_t i = 0; i < n; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (v[i].word) {
      dg_dtoken_from_text(d, t, v[i].word);
    } else {
      dg_dtoken_init(t);
      t->start = v[i].code->start;
      t->end = v[i].code->end;
      t->form = dg_mem_strndup(&d->arena, text + t->start, (size_t)(t->end - t->start));
      t->kind = DG_KIND_CODE;
    }
    uint64_t after = i + 1 < n ? S_start(&v[i + 1]) : next;
    if (after == UINT64_MAX || S_space_between(text, t->end, after)) t->flags |= DG_DF_SPACE_AFTER;
    else t->flags &= ~(unsigned)DG_DF_SPACE_AFTER;
  }
  s->start = s->tokens[0].start;
  s->end = s->tokens[n - 1].end;
  dg_sentence_set_text(d, s);
  if (e) dg_engine_gloss(e, d, s);
}

void dg_source_document_paragraph(dg_engine *e, dg_doc *d, const dg_document *doc, size_t i,
                                  size_t *code, unsigned parno, const char *name) {
  const dg_docpara *dp = &doc->paras[i];
  const char *text = doc->text.data;
  uint64_t a = dp->start, z = dp->end;
  while (*code < doc->ncode && doc->code[*code].end <= a) (*code)++;
  size_t c0 = *code, c1 = c0;
  while (c1 < doc->ncode && doc->code[c1].start < z) c1++;
  /* the code chunks, and the paragraph with its code blanked */
  S_chunk *ch = NULL;
  size_t nch = 0, cap = 0;
  char *masked = NULL;
  if (c1 > c0) {
    masked = dg_xmalloc((size_t)(z - a));
    memcpy(masked, text + a, (size_t)(z - a));
  }
  for (size_t k = c0; k < c1; k++) {
    uint64_t s = doc->code[k].start > a ? doc->code[k].start : a;
    uint64_t t = doc->code[k].end < z ? doc->code[k].end : z;
    for (uint64_t x = s; x < t;) {
      if (S_ws((unsigned char)text[x])) {
        x++;
        continue;
      }
      uint64_t y = x;
      while (y < t && !S_ws((unsigned char)text[y])) y++;
      if (nch == cap) {
        cap = cap ? 2 * cap : 16;
        ch = dg_xrealloc(ch, cap * sizeof *ch);
      }
      ch[nch].start = x;
      ch[nch].end = y;
      nch++;
      memset(masked + (x - a), ' ', (size_t)(y - x));
      x = y;
    }
  }
  dg_paragraph p;
  memset(&p, 0, sizeof p);
  dg_text_parse(masked ? masked : text + a, (size_t)(z - a), a, name, &p);
  const char *origin = dg_mem_strdup(&d->arena, dg_document_origin(doc, i));
  S_tok *v = dg_xmalloc((p.ntokens + nch + 1) * sizeof *v);
  size_t used = 0; /* code chunks placed */
  if (p.nsentences == 0) {
    /* all code: a sentence per line */
    size_t n = 0;
    for (size_t k = 0; k < nch; k++) {
      bool newline = false;
      for (uint64_t b = k ? ch[k - 1].end : ch[k].start; b < ch[k].start && !newline; b++)
        newline = text[b] == '\n';
      if (newline) {
        S_sentence(e, d, v, n, text, ch[k].start, parno, false, origin);
        n = 0;
      }
      v[n].word = NULL;
      v[n++].code = &ch[k];
    }
    S_sentence(e, d, v, n, text, UINT64_MAX, parno, false, origin);
  } else {
    for (size_t si = 0; si < p.nsentences; si++) {
      const dg_sentence *ps = &p.sentences[si];
      bool last = si + 1 == p.nsentences;
      size_t n = 0, w = 0;
      /* words and the code chunks before the sentence's end (all that are
       * left for the last sentence), by offset */
      while (w < ps->ntokens || (used < nch && (last || ch[used].start < ps->end))) {
        bool take_code = used < nch && (last || ch[used].start < ps->end) &&
                         (w == ps->ntokens || ch[used].start < ps->tokens[w].start);
        if (take_code) {
          v[n].word = NULL;
          v[n++].code = &ch[used++];
        } else {
          v[n].word = &ps->tokens[w++];
          v[n++].code = NULL;
        }
      }
      uint64_t next = UINT64_MAX;
      if (!last) {
        next = p.sentences[si + 1].tokens[0].start;
        if (used < nch && ch[used].start < next) next = ch[used].start;
      }
      S_sentence(e, d, v, n, text, next, parno, (ps->flags & DG_SF_HEADLINE) != 0, origin);
    }
  }
  free(v);
  free(ch);
  free(masked);
  dg_paragraph_free(&p);
}
