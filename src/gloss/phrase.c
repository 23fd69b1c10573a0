/* Multiword expressions in a sentence: the curated list first, then the
 * dictionary's phrases found through the sentence's words; the first match
 * claims its tokens.  The head word carries the expression's gloss, every
 * member points at the expression.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "word.h"

#define S_MAX_HITS 64
#define S_MAX_LOOKUPS 256 /* dictionary phrase lookups per sentence */
#define S_KEY_MEMORY 64   /* a key repeated this close is looked up once */

/* The words of v (split at spaces and full stops) but the articles, one
 * space between them, written back into v. */
static void S_no_articles(char *v) {
  char out[256];
  size_t n = 0;
  char *save = NULL;
  for (char *w = strtok_r(v, " .", &save); w; w = strtok_r(NULL, " .", &save)) {
    if (!strcmp(w, "the") || !strcmp(w, "a") || !strcmp(w, "an")) continue;
    size_t L = strlen(w);
    if (n + (n ? 1 : 0) + L >= sizeof out) break;
    if (n) out[n++] = ' ';
    memcpy(out + n, w, L);
    n += L;
  }
  out[n] = '\0';
  memcpy(v, out, n + 1);
}

/* Append s to v[0..*n) as room allows (v holds 255 bytes and a NUL). */
static void S_put(char *v, size_t *n, const char *s) {
  size_t L = strlen(s);
  if (L > 255 - *n) L = 255 - *n;
  memcpy(v + *n, s, L);
  *n += L;
  v[*n] = '\0';
}

/* Whether a phrase gloss says no more than its two words' glosses, articles
 * aside ("am Sonntag": "on the" + "Sunday" = "on Sunday"). */
static bool S_literal(const char *g1, const char *g2, const char *phrase) {
  char a[256], b[256];
  size_t na = 0, nb = 0;
  a[0] = b[0] = '\0';
  S_put(a, &na, g1 ? g1 : "");
  S_put(a, &na, " ");
  S_put(a, &na, g2 ? g2 : "");
  S_put(b, &nb, phrase ? phrase : "");
  b[strcspn(b, ";,(")] = '\0';
  S_no_articles(a);
  S_no_articles(b);
  return strcmp(a, b) == 0;
}

/* The dictionary's phrases under a key, compiled once per engine: the
 * lexicon is read-only, so a key always yields the same patterns. */
#define S_PCACHE_MAX 65536 /* keys kept; the cache starts over when full */
#define S_PHRASES_MAX 32   /* phrases read under one key */

/* One block: this header, for each pattern the sentence bits
 * (dg_mwe_word_bit) of two of its words (the longest besides the key: the
 * rarest), where in the block each pattern starts, then the patterns
 * themselves, side by side (S_pat).  Most of a sentence's words head
 * phrases whose other words the sentence lacks: the pre-test reads the
 * header and the bits, one or two cache lines, and touches a pattern only
 * when both its words may be in the sentence. */
typedef struct S_pentry {
  uint32_t np;           /* patterns (those that compiled) */
  uint16_t probe[][2];
} S_pentry;

static size_t S_align8(size_t n) { return (n + 7) & ~(size_t)7; }
static const uint32_t *S_pat_at(const S_pentry *en) {
  return (const uint32_t *)(const void *)((const char *)en + offsetof(S_pentry, probe) + en->np * sizeof(uint16_t[2]));
}
static const dg_mwe_pat *S_pat(const S_pentry *en, size_t q) {
  return (const dg_mwe_pat *)(const void *)((const char *)en + S_pat_at(en)[q]);
}

/* The header of a block of np patterns: up to where the patterns start. */
static size_t S_head_size(size_t np) {
  return S_align8(offsetof(S_pentry, probe) + np * (sizeof(uint16_t[2]) + sizeof(uint32_t)));
}

/* The first of en's patterns from q on whose two probe words may both be
 * in the sentence of ws (en->np: none).  (A key's patterns are walked
 * many to a sentence and their first probe word is seldom there: the
 * walk tests two patterns a turn, each by its first bit, and reads a
 * pattern's second bit only when its first is set.) */
static inline bool S_probed(const S_pentry *en, size_t q, const dg_mwe_words *ws) {
  return dg_mwe_words_bit(ws, en->probe[q][0]) && dg_mwe_words_bit(ws, en->probe[q][1]);
}
static size_t S_next_probed(const S_pentry *en, size_t q, const dg_mwe_words *ws) {
  size_t np = en->np;
  for (; q + 1 < np; q += 2) {
    if (S_probed(en, q, ws)) return q;
    if (S_probed(en, q + 1, ws)) return q + 1;
  }
  return q < np && !S_probed(en, q, ws) ? np : q;
}

/* The block of the dictionary's phrases under key, in *b (empty; 8-byte
 * aligned: a dg_buf's data is malloc's).  The patterns are compiled into
 * it after room for the largest header, then moved down to this one's. */
void dg_gl_phrase_block(dg_buf *b, const dg_lexicon *lex, const char *key) {
  dg_phrase ph[S_PHRASES_MAX];
  size_t nph = dg_lexicon_phrases(lex, key, ph, S_PHRASES_MAX);
  if (nph > S_PHRASES_MAX) nph = S_PHRASES_MAX;
  size_t room = S_head_size(nph), bytes = room;
  for (size_t q = 0; q < nph; q++) /* (about what a pattern takes: no regrowing) */
    bytes += 256 + 3 * strlen(ph[q].german) + (ph[q].gloss ? strlen(ph[q].gloss) : 0) +
             (ph[q].source ? strlen(ph[q].source) : 16);
  dg_buf_reserve(b, bytes);
  b->len = room;
  size_t at[S_PHRASES_MAX], np = 0;
  for (size_t q = 0; q < nph; q++) {
    at[np] = dg_mwe_compile(b, lex, ph[q].german, ph[q].gloss, ph[q].source ? ph[q].source : "dictionary");
    if (at[np] != SIZE_MAX) np++;
  }
  size_t head = S_head_size(np);
  memmove(b->data + head, b->data + room, b->len - room);
  b->len -= room - head;
  memset(b->data, 0, head); /* (padding too: a block stored in a file is the same at every build) */
  S_pentry *en = (S_pentry *)(void *)b->data;
  en->np = (uint32_t)np;
  uint32_t *pat_at = (uint32_t *)(uintptr_t)S_pat_at(en);
  uint64_t kh = dg_mwe_word_hash(key);
  for (size_t q = 0; q < np; q++) {
    pat_at[q] = (uint32_t)(at[q] - (room - head));
    uint64_t h[2];
    dg_mwe_pat_probes(S_pat(en, q), kh, h);
    en->probe[q][0] = dg_mwe_word_bit(h[0]);
    en->probe[q][1] = dg_mwe_word_bit(h[1]);
  }
}

bool dg_gl_phrase_block_ok(const void *block, size_t len) {
  const S_pentry *en = block;
  if (len < S_head_size(0)) return false;
  size_t head = S_head_size(en->np);
  if (en->np > S_PHRASES_MAX || head > len) return false;
  for (size_t q = 0; q < en->np; q++) {
    uint32_t at = S_pat_at(en)[q];
    if (en->probe[q][0] >= DG_MWE_BITS || en->probe[q][1] >= DG_MWE_BITS || at % 8 != 0 || at < head ||
        at >= len || !dg_mwe_pat_ok((const char *)block + at, len - at))
      return false;
  }
  return true;
}

/* The engine's own cache (used once the session's memo is full): keys and
 * their blocks. */
typedef struct S_pslot {
  char *key; /* NULL: empty slot */
  uint64_t h;
  S_pentry *en;
} S_pslot;

struct dg_gl_pcache {
  S_pslot *t;
  size_t cap, n;
};

static void S_pslot_clear(S_pslot *sl) {
  free(sl->en);
  free(sl->key);
  memset(sl, 0, sizeof *sl);
}

void dg_gl_pcache_free(struct dg_gl_pcache *pc) {
  if (!pc) return;
  for (size_t i = 0; i < pc->cap; i++)
    if (pc->t[i].key) S_pslot_clear(&pc->t[i]);
  free(pc->t);
  free(pc);
}

static const S_pentry *S_phrases_local(dg_engine *e, const char *key) {
  struct dg_gl_pcache *pc = e->pcache;
  if (!pc) {
    pc = e->pcache = dg_xcalloc(1, sizeof *pc);
    pc->cap = 1024;
    pc->t = dg_xcalloc(pc->cap, sizeof *pc->t);
  }
  uint64_t h = dg_hash64(key, strlen(key), 0);
  size_t i = (size_t)h & (pc->cap - 1);
  for (; pc->t[i].key; i = (i + 1) & (pc->cap - 1))
    if (pc->t[i].h == h && strcmp(pc->t[i].key, key) == 0) return pc->t[i].en;
  if (pc->n >= S_PCACHE_MAX) {
    for (size_t j = 0; j < pc->cap; j++)
      if (pc->t[j].key) S_pslot_clear(&pc->t[j]);
    pc->n = 0;
    i = (size_t)h & (pc->cap - 1);
  } else if (2 * (pc->n + 1) > pc->cap) {
    size_t ncap = pc->cap * 2;
    S_pslot *nt = dg_xcalloc(ncap, sizeof *nt);
    for (size_t j = 0; j < pc->cap; j++) {
      if (!pc->t[j].key) continue;
      size_t k = (size_t)pc->t[j].h & (ncap - 1);
      while (nt[k].key) k = (k + 1) & (ncap - 1);
      nt[k] = pc->t[j];
    }
    free(pc->t);
    pc->t = nt;
    pc->cap = ncap;
    i = (size_t)h & (ncap - 1);
    while (pc->t[i].key) i = (i + 1) & (ncap - 1);
  }
  S_pslot *sl = &pc->t[i];
  dg_buf b;
  dg_buf_init(&b);
  dg_gl_phrase_block(&b, e->lex, key);
  sl->key = dg_xstrdup(key);
  sl->h = h;
  sl->en = (S_pentry *)(void *)dg_buf_detach(&b);
  pc->n++;
  return sl->en;
}

/* The compiled phrases under a key: from the session's memo (memo.c),
 * shared by the worker threads, while it has room.  When the key is the
 * lower-case form of word w (an < 0) or the lower-case lemma of its
 * analysis an (else w is NULL), through the link of w's memo entry. */
/* (the link of w's form, an < 0, or of its analysis an: `word` or `alink`) */
static const void *S_link(const dg_gl_word *w, int an, unsigned word, unsigned alink) {
  return an < 0 ? dg_gl_memo_link(w, word) : dg_gl_memo_an_link(w, an, alink);
}
static void S_set_link(const dg_gl_word *w, int an, unsigned word, unsigned alink, const void *v) {
  if (an < 0) dg_gl_memo_set_link(w, word, v);
  else dg_gl_memo_set_an_link(w, an, alink, v);
}

/* (most words head no phrase: their link is one empty entry, read from
 * the cache, not each word's own from memory; a link to a block is never
 * to an empty one, so the pass tells such a key by the link's address) */
static const S_pentry S_none = {0};

/* (linked: the link the caller read already, or NULL; a key not linked
 * yet is found by S_phrases_find, kept out of the pass's loop: a word seen
 * before is answered by its links) */
static const S_pentry *S_phrases_find(dg_engine *e, const dg_gl_word *w, int an, const char *key)
    __attribute__((cold, noinline));
static inline const S_pentry *S_phrases(dg_engine *e, const dg_gl_word *w, int an, const char *key,
                                        const void *linked) {
  const S_pentry *m = linked ? linked : w ? S_link(w, an, DG_GL_LINK_PHRASES, DG_GL_ALINK_PHRASES) : NULL;
  return m ? m : S_phrases_find(e, w, an, key);
}
static const S_pentry *S_phrases_find(dg_engine *e, const dg_gl_word *w, int an, const char *key) {
  const S_pentry *m = NULL;
  /* the block compiled with the lexicon, read where it is mapped: found
   * and checked once a key (the memo keeps where it is, under 'X': the
   * forms of a lemma share its key; a word's own key without phrases is
   * kept in its link alone) */
  dg_gl_memo_asked q;
  const S_pentry *const *at = dg_gl_memo_ask(e, 'X', key, &q);
  if (at) m = *at;
  const void *block;
  size_t len;
  if (!m && dg_lexicon_phrase_block(e->lex, key, &block, &len) && (!block || dg_gl_phrase_block_ok(block, len))) {
    m = block && ((const S_pentry *)block)->np ? block : &S_none;
    if ((!w || m != &S_none) && dg_gl_memo_room(e)) dg_gl_memo_keep_asked(e, &q, &m, sizeof m, 0, NULL);
  }
  if (m) {
    if (w) S_set_link(w, an, DG_GL_LINK_PHRASES, DG_GL_ALINK_PHRASES, m);
    return m;
  }
  m = dg_gl_memo_ask(e, 'K', key, &q);
  if (!m && dg_gl_memo_room(e)) {
    dg_buf b;
    dg_buf_init(&b);
    dg_gl_phrase_block(&b, e->lex, key);
    m = dg_gl_memo_keep_asked(e, &q, b.data, b.len, 0, NULL);
    dg_buf_free(&b);
  }
  if (!m) return S_phrases_local(e, key);
  if (w) S_set_link(w, an, DG_GL_LINK_PHRASES, DG_GL_ALINK_PHRASES, m->np ? m : &S_none);
  return m;
}

static int S_cmp_hit(const void *a, const void *b) {
  const dg_mwe_hit *x = a, *y = b;
  if (x->n != y->n) return x->n > y->n ? -1 : 1;
  if (x->span != y->span) return x->span < y->span ? -1 : 1;
  return 0;
}

static const char *S_clean_gloss(dg_doc *d, const char *g) {
  if (strncmp(g, "to ", 3) == 0) g += 3;
  return dg_mem_strdup(&d->arena, g);
}

/* The gloss a dictionary phrase's head word shows in the interlinear
 * line: Ding's English cut to the first alternative of each slot and
 * without its placeholders (word class en-placeholder), so that the line
 * stays short; the expression's own line keeps the whole English.
 *   "wreak damage/havoc on/with sth." -> "wreak damage on"
 *   "keep sb. on the move/go" -> "keep on the move"
 *   "be on one's best behavior / behaviour" -> "be on one's best behavior"
 * g itself when nothing is cut (or everything would be). */
static const char *S_head_short(dg_doc *d, const dg_lexicon *lex, const char *g) {
  /* (most phrase glosses have neither: "ask the question" is left as it
   * is without a look-up; Ding writes its placeholders with a full stop or
   * as an ellipsis, all but 14 of its lines) */
  if (!strpbrk(g, "/.") && !strstr(g, "\u2026")) return g;
  char buf[256];
  if (strlen(g) >= sizeof buf) return g;
  strcpy(buf, g);
  dg_gl_drop_placeholders(lex, buf, DG_GL_DROP_ALL);
  /* alternatives: "a / b" (spaced) drops " / b", "a/b" keeps "a" */
  char out[256];
  size_t n = 0;
  char *save = NULL;
  bool skip = false;
  for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
    if (strcmp(w, "/") == 0) {
      skip = true;
      continue;
    }
    if (skip) {
      skip = false;
      continue;
    }
    size_t L = strcspn(w, "/");
    if (L == 0) continue;
    if (n) out[n++] = ' ';
    memcpy(out + n, w, L);
    n += L;
  }
  out[n] = '\0';
  if (n == 0 || strcmp(out, g) == 0) return g;
  return dg_mem_strdup(&d->arena, out);
}

static void S_apply(dg_doc *d, dg_gl_ctx *c, const dg_mwe_hit *h, bool *used, const dg_lexicon *lex) {
  dg_dsentence *s = c->s;
  for (size_t k = 0; k < h->n; k++)
    if (used[h->idx[k]]) return;
  s->mwes = s->nmwes ? s->mwes : NULL;
  dg_mwe *nv = dg_mem_alloc(&d->arena, (s->nmwes + 1) * sizeof *nv);
  if (s->nmwes) memcpy(nv, s->mwes, s->nmwes * sizeof *nv);
  s->mwes = nv;
  dg_mwe *m = &nv[s->nmwes];
  m->id = (unsigned)s->nmwes + 1;
  m->lemma = dg_mem_strdup(&d->arena, h->lemma);
  m->gloss = S_clean_gloss(d, h->gloss);
  m->source = dg_mem_strdup(&d->arena, h->source);
  /* A name whose English has as many words as the German is glossed word
   * by word ("Vereinigten Staaten" -> United States). */
  char *words[DG_MWE_MAX];
  size_t nw = 0;
  if (h->name) {
    char *copy = dg_mem_strdup(&d->arena, m->gloss), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w && nw < DG_MWE_MAX; w = strtok_r(NULL, " ", &save)) words[nw++] = w;
  }
  if (h->word_by_word && !h->name) {
    /* "an Bord" = "on board": an -> on, Bord -> board (first alternative). */
    char *copy = dg_mem_strdup(&d->arena, m->gloss), *save = NULL;
    copy[strcspn(copy, ";,/(")] = '\0';
    for (char *w = strtok_r(copy, " ", &save); w && nw < DG_MWE_MAX; w = strtok_r(NULL, " ", &save)) words[nw++] = w;
    if (nw == h->n)
      for (size_t k = 0; k < h->n; k++) dg_gl_promote(d, &s->tokens[h->idx[k]], words[k]);
    nw = 0;
  }
  /* A preposition and its noun whose English starts with a preposition
   * ("vor Ort" = on site, "vor allem" = above all, "am Ende" = in the end):
   * the preposition carries the English preposition, the head the rest,
   * rather than "before on.site". */
  const char *head_gloss = m->gloss;
  static const char *const en_preps[] = {"on", "in", "at", "above", "by", "for", "from", "under", "over", "as",
                                         "to", "with", "without", "after", "before", "below", "into"};
  bool split_done = false;
  if (h->replaces && !h->name && !h->word_by_word && h->n >= 2 && h->n <= 4 && h->idx[0] != h->head &&
      s->tokens[h->idx[0]].pos && strcmp(s->tokens[h->idx[0]].pos, "ADP") == 0) {
    /* as many English words as German ones, starting with a preposition:
     * word by word ("auf jeden Fall" = in any case, "im Gegensatz zu" = in
     * contrast to) */
    char *copy = dg_mem_strdup(&d->arena, m->gloss), *save = NULL;
    copy[strcspn(copy, ";,/(")] = '\0';
    char *ww[DG_MWE_MAX];
    size_t nww = 0;
    for (char *w = strtok_r(copy, " ", &save); w && nww < DG_MWE_MAX; w = strtok_r(NULL, " ", &save)) ww[nww++] = w;
    bool prep = false;
    for (size_t q = 0; nww && q < sizeof en_preps / sizeof *en_preps && !prep; q++) prep = strcmp(ww[0], en_preps[q]) == 0;
    bool contiguous = h->idx[h->n - 1] - h->idx[0] == h->n - 1;
    if (prep && nww == h->n && h->n > 2 && contiguous) {
      for (size_t k = 0; k < h->n; k++)
        if (h->idx[k] != h->head) dg_gl_promote(d, &s->tokens[h->idx[k]], ww[k]);
        else head_gloss = ww[k];
      split_done = true;
    }
  }
  if (!split_done && h->replaces && !h->name && !h->word_by_word && h->n == 2) {
    size_t adp = h->idx[0] == h->head ? h->idx[1] : h->idx[0];
    const dg_dtoken *at = &s->tokens[adp];
    char *copy = dg_mem_strdup(&d->arena, m->gloss);
    copy[strcspn(copy, ";,/(")] = '\0';
    size_t fl = strcspn(copy, " ");
    bool prep = false;
    for (size_t q = 0; q < sizeof en_preps / sizeof *en_preps && !prep; q++)
      prep = strlen(en_preps[q]) == fl && strncmp(copy, en_preps[q], fl) == 0;
    if (prep && copy[fl] == ' ' && adp < h->head && at->pos && strcmp(at->pos, "ADP") == 0) {
      /* a contracted article goes with it: "am Ende" = in.the end (a
       * preposition with an article, DEF in its closed-class reading) */
      bool contracted = false;
      for (size_t q = 0; q < c->w[adp].ncl && !contracted; q++)
        contracted = dg_gl_eq(c->w[adp].cl[q].pos, "ADP") && dg_gl_has_label(c->w[adp].cl[q].labels, "DEF");
      size_t cut = fl;
      if (contracted && strncmp(copy + fl, " the ", 5) == 0) cut = fl + 4;
      copy[cut] = '\0';
      dg_gl_promote(d, &s->tokens[adp], copy);
      head_gloss = copy + cut + 1;
    }
  }
  /* A dictionary phrase's head: its first alternative, without
   * placeholders (the curated list's glosses are written short). */
  if (lex && !split_done && head_gloss == m->gloss) head_gloss = S_head_short(d, lex, head_gloss);
  /* The curated list's member glosses: each word of the expression its
   * share of the English ("wann immer" = when ever, not "whenever always"). */
  if (h->members && !split_done) {
    char *copy = dg_mem_strdup(&d->arena, h->members), *q = copy;
    for (size_t k = 0; k < h->n && q; k++) {
      char *bar = strchr(q, '|');
      if (bar) *bar = '\0';
      if (*q && h->pidx[k] == h->head) head_gloss = q;
      else if (*q) dg_gl_promote(d, &s->tokens[h->pidx[k]], q);
      q = bar ? bar + 1 : NULL;
    }
  }
  for (size_t k = 0; k < h->n; k++) {
    used[h->idx[k]] = true;
    /* (the words this changes, above and below: the gloss, source, kind
     * and part of speech the names pass asked about, gloss_internal.h) */
    dg_gl_names_changed(c, h->idx[k]);
    dg_dtoken *t = &s->tokens[h->idx[k]];
    t->mwe = (int)s->nmwes;
    if (h->name) {
      t->kind = DG_KIND_NAME;
      dg_gl_set_pos(t, "PROPN");
      t->labels = "";
      t->nparts = 0;
      t->seg = NULL;
      c->w[h->idx[k]].leipzig = "";
      c->w[h->idx[k]].is_closed = false;
      t->source = m->source;
      t->reason = NULL;
      t->flags &= ~(unsigned)DG_DF_GUESS;
      if (nw == h->n) {
        dg_gl_set_single(d, t, words[k]);
        t->mwe_head = h->idx[k] == h->head;
        continue;
      }
    }
    /* A member the dictionaries do not know alone ("desto" in "je … desto")
     * is glossed by its expression. */
    if (h->idx[k] != h->head && t->source && strcmp(t->source, "unknown") == 0) {
      dg_gl_set_single(d, t, m->gloss);
      t->source = m->source;
      t->reason = "known only as part of the expression";
      t->flags &= ~(unsigned)DG_DF_GUESS;
    }
    if (h->idx[k] == h->head) {
      t->mwe_head = true;
      /* Idioms (the curated list, verbal phrases) give the head their
       * meaning; a dictionary noun phrase ("die leiblichen Eltern") leaves
       * the word's own gloss and is shown as the expression. */
      if (h->replaces) {
        dg_gl_promote(d, t, head_gloss);
        t->source = m->source;
      }
    }
  }
  s->nmwes++;
}

/* A string in lower case with its word hash (dg_mwe_word_hash), kept in
 * the memo under the string as written (kind 'l'). */
typedef struct S_low {
  uint64_t h;
  char s[];
} S_low;

/* The lower-case lemma (raw) of analysis an of word w with its hash,
 * through the link of w's memo entry (linked: that link as the caller read
 * it); NULL when w has none (or the memo is full): the caller computes
 * them.  (A form is lower-case already: its hash is computed, quicker than
 * a cache miss on a value of its own.)  S_lowered_find with an < 0: a lemma
 * of no analysis, found by its string, linked from nothing. */
static const S_low *S_lowered_find(dg_engine *e, const dg_gl_word *w, int an, const char *raw)
    __attribute__((cold, noinline));
static inline const S_low *S_lowered(dg_engine *e, const dg_gl_word *w, int an, const char *raw,
                                     const S_low *linked) {
  if (!w->memo) return NULL;
  return linked ? linked : S_lowered_find(e, w, an, raw);
}
static const S_low *S_lowered_find(dg_engine *e, const dg_gl_word *w, int an, const char *raw) {
  dg_gl_memo_asked q;
  const S_low *v = dg_gl_memo_ask(e, 'l', raw, &q);
  if (!v) {
    /* (the value made on the stack: its hash, then the lemma lowered as
     * dg_gl_lower_into lowers ASCII, a letter at a time; a lemma with
     * other letters, or a long one, lowered into a buffer of its own) */
    _Alignas(8) char st[sizeof(uint64_t) + 64];
    size_t L = 0;
    while (L < sizeof st - sizeof(uint64_t) && raw[L] && !(raw[L] & 0x80)) L++;
    dg_buf b;
    dg_buf_init(&b);
    char *val = st;
    size_t size = sizeof(uint64_t) + L + 1;
    if (L < sizeof st - sizeof(uint64_t) && !raw[L]) {
      for (size_t i = 0; i <= L; i++)
        st[sizeof(uint64_t) + i] = (char)(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] - 'A' + 'a' : raw[i]);
    } else {
      dg_buf_put(&b, &(uint64_t){0}, sizeof(uint64_t));
      dg_gl_lower_into(&b, raw);
      val = b.data;
      size = b.len;
    }
    uint64_t h = dg_mwe_word_hash(val + sizeof(uint64_t));
    memcpy(val, &h, sizeof h);
    v = dg_gl_memo_keep_asked(e, &q, val, size, 0, NULL);
    if (val != st) dg_buf_free(&b);
    if (!v) return NULL;
  }
  dg_gl_memo_set_an_link(w, an, DG_GL_ALINK_LOWER, v);
  return v;
}

/* The pass's arrays for a sentence, carved one after the other from one
 * buffer (on the stack for a sentence of usual length): no allocation per
 * sentence. */
typedef struct S_carve {
  char *p;
} S_carve;

static void *S_take(S_carve *cv, size_t bytes) {
  void *r = cv->p;
  cv->p += (bytes + 7) & ~(size_t)7;
  return r;
}

/* The bit set of the sentence's words (dg_mwe_words.bits), one a thread,
 * and the number of its sentence (dg_mwe_words.gen): zeroed by the start,
 * and again when the numbers start over (every 255 sentences). */
static _Thread_local unsigned char S_word_bits[DG_MWE_BITS];
static _Thread_local unsigned char S_word_gen;
/* dg_mwe_word_hash("es"), of "" and of "sich" once made (0: not yet; one
 * a thread) */
static _Thread_local uint64_t S_hash_es, S_hash_empty, S_hash_sich;

void dg_gl_mwes(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  size_t n = s->ntokens;
  size_t wsn = 16;
  while (wsn < 4 * n + 4) wsn *= 2;
  size_t ncur = dg_mwe_list_count(e->mwes) + 1;
  size_t need = 0;
  const size_t sizes[] = {n * sizeof(dg_mwe_tok),   (n + 1) * sizeof(size_t),   n * sizeof(int),
                          n * sizeof(bool),          wsn * sizeof(uint64_t),     ncur * sizeof(size_t),
                          2 * n * sizeof(uint64_t), wsn * sizeof(uint32_t[2]), n * sizeof(void *),
                          n * sizeof(size_t),        n * sizeof(void *),         n * sizeof(void *)};
#pragma GCC unroll 12
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) need += (sizes[k] + 7) & ~(size_t)7;
  _Alignas(8) char stack[16384];
  char *buf = need <= sizeof stack ? stack : dg_xmalloc(need);
  S_carve cv = {buf};
  dg_mwe_tok *tv = S_take(&cv, sizes[0]);
  /* the lower-case lemmas: a repeated word's from the memo, the others one
   * after the other in one buffer (SIZE_MAX: from the memo) */
  dg_buf lemmas;
  dg_buf_init(&lemmas);
  size_t *lemma_at = S_take(&cv, sizes[1]);
  /* the analysis whose lemma the token has (dg_gl_memo_an_of), or -1 */
  int *ans = S_take(&cv, sizes[2]);
  bool *used = S_take(&cv, sizes[3]);
  memset(used, 0, sizes[3]);
  dg_mwe_words ws;
  if (++S_word_gen == 0) { /* (the numbers start over: no byte may hold an earlier sentence's) */
    memset(S_word_bits, 0, sizeof S_word_bits);
    S_word_gen = 1;
  }
  ws.bits = S_word_bits;
  ws.gen = S_word_gen;
  ws.mask = wsn - 1;
  ws.h = S_take(&cv, sizes[4]);
  memset(ws.h, 0, sizes[4]);
  size_t *cand = S_take(&cv, sizes[5]);
  ws.list = S_take(&cv, sizes[6]);
  ws.at = S_take(&cv, sizes[7]); /* (a slot's places are set when it is taken) */
  ws.n = 0;
  /* the phrases linked from the entry of each word's form, as read when
   * asked for (NULL: none yet) */
  const void **flink = S_take(&cv, sizes[8]);
  /* the content words, the keys of the dictionary's phrases, in sentence
   * order (told once, from the token and its word, both far apart in
   * memory; a word the curated list claims as a name is used by then) */
  size_t *keyed = S_take(&cv, sizes[9]), nkeyed = 0;
  /* the links of the analysis whose lemma each word has: its lower case
   * (S_low) and the phrases under it (NULL: none yet, no such analysis,
   * or a lemma spelt as the form, not read), read once for the prefetch
   * and the use both */
  const void **alow = S_take(&cv, sizes[10]), **alink = S_take(&cv, sizes[11]);
  /* What the pass reads of a word (its lower-case form and lemma with
   * their hashes, the phrases under them) lies all over the memo: all of it
   * is asked for before the first is read, so that the waits overlap.
   * (The tokens and words walked side by side, here and below.) */
  const dg_dtoken *t = s->tokens;
  dg_gl_word *w = c->w;
  for (size_t i = 0; i < n; i++, t++, w++) {
    /* (a punctuation mark is no key and no word of a phrase: below) */
    if (t->kind == DG_KIND_PUNCT) continue;
    int an = ans[i] = dg_gl_an_of(w, t->lemma);
    bool keys = t->kind == DG_KIND_WORD && !w->is_closed;
    if (keys) keyed[nkeyed++] = i;
    flink[i] = keys ? dg_gl_memo_link(w, DG_GL_LINK_PHRASES) : NULL;
    __builtin_prefetch(flink[i]);
    alow[i] = alink[i] = NULL;
    /* (a lemma spelt as the form is not read, nor mostly its link: below;
     * as a key it is the form, whose phrases are looked up once) */
    if (an >= 0 && !dg_gl_an_pos(w, (size_t)an, DG_GL_P_LEMMA_LOWER)) {
      __builtin_prefetch(alow[i] = dg_gl_memo_an_link(w, an, DG_GL_ALINK_LOWER));
      if (keys) __builtin_prefetch(alink[i] = dg_gl_memo_an_link(w, an, DG_GL_ALINK_PHRASES));
    }
  }
  bool moved = false; /* (a lemma lowered into `lemmas`, whose data may move as it grows) */
  t = s->tokens;
  w = c->w;
  for (size_t i = 0; i < n; i++, t++, w++) {
    const char *lower = w->lower;
    lemma_at[i] = SIZE_MAX;
    if (t->kind == DG_KIND_PUNCT) {
      /* A punctuation mark matches no word of a pattern (dg_mwe_match
       * reads only its form, where a gap stops): no hash (0 is none's)
       * and no lemma, and it is not among the sentence's words. */
      tv[i] = (dg_mwe_tok){.lower = lower, .lemma = "", .punct = true};
      continue;
    }
    const char *lemma = t->lemma ? t->lemma : "";
    int an = ans[i];
    const char *llemma = NULL; /* (NULL: lowered into `lemmas`) */
    uint64_t hlower, hlemma;
    /* (a repeated word's form hash is kept in its memo entry, whose
     * header the passes before read: a load instead of a hash) */
    uint64_t hl = w->memo ? dg_gl_memo_lower_hash(w) : 0;
    /* (a lemma spelt as the lower-case form, "die" of die, is its own
     * lower case: the form is the lemma, its hash the form's, kept in the
     * memo entry; the lowered lemma, elsewhere in memory, is not read) */
    bool spelt_as_form = an >= 0 && dg_gl_an_pos(w, (size_t)an, DG_GL_P_LEMMA_LOWER);
    /* (the link of a lemma spelt as the form was not read above: here,
     * for a word whose entry keeps no hash of its form) */
    /* (a lemma of no analysis, a compound's or a name's the passes made,
     * is found in the memo by its string: made once a type, not lowered
     * and hashed at each occurrence) */
    const S_low *ll = an >= 0 ? !(spelt_as_form && hl)
                                    ? S_lowered(e, w, an, lemma,
                                                spelt_as_form ? dg_gl_memo_an_link(w, an, DG_GL_ALINK_LOWER) : alow[i])
                                    : NULL
                      : *lemma && !dg_gl_eq(lemma, lower) ? S_lowered_find(e, w, -1, lemma)
                                                          : NULL;
    if (spelt_as_form && hl) {
      llemma = lower;
      hlemma = hlower = hl;
    } else if (ll && spelt_as_form) {
      llemma = lower;
      hlemma = hlower = ll->h;
    } else if (ll) {
      llemma = ll->s;
      hlemma = ll->h;
      hlower = hl ? hl : dg_mwe_word_hash(lower);
    } else {
      hlower = hl ? hl : dg_mwe_word_hash(lower);
      if (dg_gl_eq(lemma, lower)) {
        /* (the lemma is the form: "die" of die) */
        llemma = lower;
        hlemma = hlower;
      } else {
        /* A separable verb also answers to its base lemma ("setzt" -> setzen). */
        lemma_at[i] = dg_gl_lower_into(&lemmas, lemma);
        hlemma = dg_mwe_word_hash(lemmas.data + lemma_at[i]);
        moved = true;
      }
    }
    /* A reflexive pronoun answers to "sich", the word a curated pattern
     * writes for each of them (word class reflexive-pronoun: mich dich sich
     * uns euch): the one row "fühlen sich … wohl ." holds "Ihr fühlt euch
     * wohl." and "Ich fühle mich wohl."  Its form still matches as itself;
     * its lemma (ich, du, wir, ihr) is no curated row's word, and a dictionary
     * phrase drops its "sich" (phrase-gap). */
    if (dg_gl_is(w, DG_WC_REFLEXIVE_PRONOUN)) {
      if (!S_hash_sich) S_hash_sich = dg_mwe_word_hash("sich");
      llemma = "sich";
      hlemma = S_hash_sich;
      lemma_at[i] = SIZE_MAX;
    }
    /* (dg_gl_pos_is VERB or AUX, of the code's bit) */
    assert(t->upos == dg_lexicon_ud_code(t->pos));
    bool verb = ((1u << t->upos) & (1u << DG_UD_VERB | 1u << DG_UD_AUX)) || (t->flags & DG_DF_SEP_VERB);
    tv[i] = (dg_mwe_tok){.lower = lower, .lemma = llemma, .hlower = hlower, .hlemma = hlemma, .verb = verb};
    dg_mwe_words_add(&ws, hlower, i);
    /* (a lemma spelt as the form, of the same hash, is in the table now) */
    if (hlemma != hlower) dg_mwe_words_add(&ws, hlemma, i);
  }
  for (size_t i = 0; moved && i < n; i++)
    if (lemma_at[i] != SIZE_MAX) tv[i].lemma = lemmas.data + lemma_at[i];
  dg_mwe_hit hits[S_MAX_HITS];
  size_t nh = 0;
  /* Curated list: in file order, each claims its tokens. */
  size_t ncand = dg_mwe_list_candidates(e->mwes, &ws, cand);
  for (size_t ci = 0; ci < ncand; ci++) {
    size_t p = cand[ci];
    dg_mwe_hit h;
    if (!dg_mwe_possible(dg_mwe_list_get(e->mwes, p), &ws)) continue;
    /* Every occurrence (each match claims its tokens). */
    for (int k = 0; k < 8 && dg_mwe_match(dg_mwe_list_get(e->mwes, p), tv, n, used, &ws, 0, &h); k++) {
      h.replaces = true;
      h.word_by_word = false;
      S_apply(d, c, &h, used, NULL);
    }
  }
  /* Dictionary phrases keyed by the content words of the sentence, matched
   * in a window around the key word (linear time in long sentences); each
   * key is looked up once per sentence. */
  size_t lookups = 0;
  if (!S_hash_empty) S_hash_empty = dg_mwe_word_hash("");
  const uint64_t h_empty = S_hash_empty; /* (a key of another hash is not empty: no read of it) */
  /* (a sentence of at most S_MAX_LOOKUPS / 2 content words cannot reach
   * the limit: there a key whose link says it heads no phrase is passed
   * over at once, without asking whether it was looked up before) */
  const bool counted = nkeyed > S_MAX_LOOKUPS / 2;
  for (size_t ki = 0; ki < nkeyed && nh < S_MAX_HITS && lookups < S_MAX_LOOKUPS; ki++) {
    size_t i = keyed[ki];
    if (used[i]) continue;
    const char *keys[2] = {tv[i].lower, tv[i].lemma};
    for (size_t kk = 0; kk < 2; kk++) {
      if (!counted && (kk == 0 ? flink[i] : alink[i]) == &S_none) continue;
      uint64_t kh = kk == 0 ? tv[i].hlower : tv[i].hlemma;
      if ((kh == h_empty && !keys[kk][0]) ||
          (kk == 1 && tv[i].hlower == tv[i].hlemma && (keys[0] == keys[1] || strcmp(keys[0], keys[1]) == 0)))
        continue;
      /* (the first word with the key's hash, from the sentence's table: a
       * key no word before this one has is new without a walk back; a
       * punctuation mark is no key) */
      bool seen = false;
      size_t first = i, last;
      if (!dg_mwe_words_span(&ws, kh, &first, &last)) first = i;
      if (i >= S_KEY_MEMORY && first < i - S_KEY_MEMORY + 1) first = i - S_KEY_MEMORY + 1;
      for (size_t j = first; j < i && !seen; j++)
        if ((tv[j].hlower == kh && (tv[j].lower == keys[kk] || strcmp(tv[j].lower, keys[kk]) == 0)) ||
            (tv[j].hlemma == kh && (tv[j].lemma == keys[kk] || strcmp(tv[j].lemma, keys[kk]) == 0)))
          seen = true;
      if (seen) continue;
      lookups++;
      int an = kk == 0 ? -1 : ans[i];
      const S_pentry *en = S_phrases(e, kk == 0 || an >= 0 ? &c->w[i] : NULL, an, keys[kk], kk == 0 ? flink[i] : alink[i]);
      size_t np = en->np;
      size_t lo = i > DG_GL_WINDOW / 2 ? i - DG_GL_WINDOW / 2 : 0;
      size_t hi = i + DG_GL_WINDOW / 2 < n ? i + DG_GL_WINDOW / 2 : n;
      for (size_t q = np ? S_next_probed(en, 0, &ws) : np; q < np && nh < S_MAX_HITS; q = S_next_probed(en, q + 1, &ws)) {
        const dg_mwe_pat *pat = S_pat(en, q);
        /* (dg_mwe_match reads where each word stands in the sentence, and
         * fails at the first it lacks: no dg_mwe_possible first) */
        dg_mwe_hit h;
        if (dg_mwe_match(pat, tv + lo, hi - lo, used + lo, &ws, lo, &h)) {
          for (size_t k = 0; k < h.n; k++) h.idx[k] += lo;
          h.head += lo;
          /* At least one content word, and not just a word and its article. */
          size_t content = 0, fixed = 0;
          for (size_t k = 0; k < h.n; k++) {
            size_t ti = h.idx[k];
            bool is_free = ti == h.head && dg_mwe_pat_free_head(pat);
            if (!is_free) fixed++;
            const char *pos = s->tokens[ti].pos;
            bool open_class = dg_gl_eq(pos, "NOUN") || dg_gl_eq(pos, "VERB") || dg_gl_eq(pos, "ADJ") ||
                              dg_gl_eq(pos, "ADV") || dg_gl_eq(pos, "PROPN");
            if (!is_free && open_class && !c->w[ti].is_closed && s->tokens[ti].kind == DG_KIND_WORD) content++;
          }
          /* Two-word phrases only when both are content words ("Frage
           * stellen"), not a preposition and its noun ("am Sonntag"). */
          /* … except a preposition and a noun that the dictionary lists as
           * an idiom of its own ("an Bord" = on board, "zu Hause" = at home):
           * the pair fills the whole phrase and its gloss is no verb phrase. */
          bool adp_idiom = h.n == 2 && fixed == 2 && content == 1 && h.span == 1 &&
                           strncmp(h.gloss ? h.gloss : "", "to ", 3) != 0 &&
                           (dg_gl_eq(s->tokens[h.idx[0]].pos, "ADP") || dg_gl_eq(s->tokens[h.idx[1]].pos, "ADP"));
          if (adp_idiom && S_literal(s->tokens[h.idx[0]].gloss, s->tokens[h.idx[1]].gloss, h.gloss)) adp_idiom = false;
          if (fixed < 2 || (h.n < 3 && content < 2 && !adp_idiom)) content = 0;
          /* A complement the phrase needs but does not write must stand
           * among its words: "muss ein Kind sein" is no "ein Kind {+Gen.}
           * sein" (be a creature of sth.). */
          if (dg_mwe_pat_hidden_slot(pat) && h.span + 1 <= h.n) content = 0;
          /* A phrase does not reach across a clause boundary ("hat das
           * Recht, das Wahlrecht …" is no "das Wahlrecht haben"). */
          for (size_t ti = h.idx[0]; ti < h.idx[h.n - 1] && content; ti++)
            if (tv[ti].punct && (dg_gl_eq(s->tokens[ti].form, ",") || dg_gl_eq(s->tokens[ti].form, ";") ||
                                 dg_gl_eq(s->tokens[ti].form, ":")))
              content = 0;
          bool dup = false;
          for (size_t k = 0; k < nh; k++)
            if (hits[k].n == h.n && memcmp(hits[k].idx, h.idx, h.n * sizeof h.idx[0]) == 0) dup = true;
          if (content >= 1 && h.n >= 2 && !dup && h.span <= h.n + 3) {
            /* Copy strings out of the pattern before freeing it. */
            h.replaces = dg_mwe_pat_free_head(pat);
            h.word_by_word = adp_idiom && content == 1;
            h.lemma = dg_mem_strdup(&d->arena, h.lemma);
            h.gloss = dg_mem_strdup(&d->arena, h.gloss);
            h.source = dg_mem_strdup(&d->arena, h.source);
            hits[nh++] = h;
          }
        }
      }
    }
  }
  if (nh > 1) qsort(hits, nh, sizeof hits[0], S_cmp_hit);
  for (size_t k = 0; k < nh; k++) S_apply(d, c, &hits[k], used, e->lex);
  /* (no word's form hashed as "es": "es gibt" is not there to find) */
  if (!S_hash_es) S_hash_es = dg_mwe_word_hash("es");
  c->has_es = dg_mwe_words_has(&ws, S_hash_es);
  if (lemmas.data) dg_buf_free(&lemmas); /* (most sentences lower no lemma here) */
  if (buf != stack) free(buf);
}
