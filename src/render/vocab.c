/* Vocabulary: the document's words as a study list, one row per lemma and
 * part of speech under a TSV header (lemma, pos, gloss, other_senses, count,
 * first_context, section).  Nothing is written per chunk: the dispatcher
 * hands every chunk to dg_render_vocab_account in input order (on the
 * session's thread, whoever rendered the chunk), and the end function
 * prints the table, so the output is the same for every --jobs.
 *
 * A row's gloss is the gloss the context engine chose most often for that
 * lemma (ties: the one chosen first); other_senses are the other glosses it
 * chose, then the lexicon's ranked alternatives, a few, " | "-separated.
 * Rows are in three sections, each most frequent first (ties: first seen):
 * content words, then names (kind name or PROPN), then closed-class words
 * (articles, pronouns, prepositions, conjunctions, auxiliaries, particles:
 * a closed-class part of speech, or a reading taken from the closed-class
 * table).  Punctuation, numbers, symbols, URLs, addresses and code are not
 * vocabulary; a detached separable-verb particle ("stellte ... klar") is
 * counted with its verb.  Memory is bounded: at most S_MAX_LEMMAS distinct
 * lemmas are kept, later new ones are not counted; each keeps a context
 * window of at most S_CONTEXT_MAX bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "formats.h"

#define S_MAX_LEMMAS 200000u
#define S_MAX_SEEN 6      /* distinct chosen glosses counted per lemma */
#define S_MAX_ALTS 6      /* lexicon alternatives kept per lemma */
#define S_SHOWN 5         /* other senses shown */
#define S_CONTEXT_MAX 240 /* bytes of the first context kept (a window around the word) */

enum { S_CONTENT, S_NAME, S_CLOSED, S_NSECTIONS };
static const char *const S_section_name[S_NSECTIONS] = {"content", "name", "closed"};

typedef struct S_seen {
  char *gloss;
  unsigned long n;
} S_seen;

typedef struct S_entry {
  char *lemma, *pos;
  uint64_t hash;
  unsigned section;
  unsigned long count;
  S_seen seen[S_MAX_SEEN];
  size_t nseen;
  char *alts[S_MAX_ALTS];
  size_t nalts;
  char *context;
} S_entry;

struct dg_vocab {
  S_entry *e;
  size_t n, cap;
  uint32_t *slots; /* open addressing: entry index + 1, 0 empty */
  size_t nslots;   /* a power of two, at least twice n */
};

void dg_render_vocab_begin(dg_render *r, dg_buf *out) {
  (void)out;
  dg_render_vocab_free(r);
  r->vocab = dg_xcalloc(1, sizeof *r->vocab);
}

/* The rows are written at the end, from the counts kept in input order. */
void dg_render_vocab(dg_render *r, const dg_doc *d, dg_buf *out) {
  (void)out;
  r->sentences += d->nsentences;
}

/* ---- which tokens are vocabulary, and in which section ------------------- */

static bool S_eq(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

/* Closed-class parts of speech: determiners and articles, pronouns,
 * adpositions, conjunctions, auxiliaries, particles. */
static bool S_closed_pos(const char *pos) {
  static const char *const closed[] = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART"};
  for (size_t i = 0; i < DG_ARRAY_LEN(closed); i++)
    if (S_eq(pos, closed[i])) return true;
  return false;
}

/* The engine marks a closed-class reading by its provenance: an entry of
 * the closed-class table, or "closed". */
static bool S_closed_source(const char *src) {
  return src && (strncmp(src, "dictionaries/closed-class.tsv", 29) == 0 || strcmp(src, "closed") == 0);
}

static bool S_section(const dg_dtoken *t, unsigned *section) {
  if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
  if (t->flags & DG_DF_SEP_PARTICLE) return false; /* counted with its verb */
  if (S_eq(t->pos, "PUNCT") || S_eq(t->pos, "SYM")) return false;
  if (t->kind == DG_KIND_NAME || S_eq(t->pos, "PROPN")) *section = S_NAME;
  else if (S_closed_pos(t->pos) || S_closed_source(t->source)) *section = S_CLOSED;
  else *section = S_CONTENT;
  return true;
}

/* ---- the table of lemmas ---------------------------------------------- */

static uint64_t S_hash(const char *lemma, const char *pos) {
  uint64_t h = dg_hash64(lemma, strlen(lemma), 0x766f636162ull);
  return dg_hash64(pos, strlen(pos), h);
}

static void S_grow(dg_vocab *v) {
  size_t n = v->nslots ? v->nslots * 2 : 1024;
  uint32_t *slots = dg_xcalloc(n, sizeof *slots);
  for (size_t i = 0; i < v->n; i++) {
    size_t k = (size_t)v->e[i].hash & (n - 1);
    while (slots[k]) k = (k + 1) & (n - 1);
    slots[k] = (uint32_t)(i + 1);
  }
  free(v->slots);
  v->slots = slots;
  v->nslots = n;
}

/* The entry of lemma+pos; a new one while there is room, else NULL. */
static S_entry *S_entry_of(dg_vocab *v, const char *lemma, const char *pos, unsigned section, bool *fresh) {
  uint64_t h = S_hash(lemma, pos);
  *fresh = false;
  if (v->nslots) {
    for (size_t k = (size_t)h & (v->nslots - 1); v->slots[k]; k = (k + 1) & (v->nslots - 1)) {
      S_entry *e = &v->e[v->slots[k] - 1];
      if (e->hash == h && strcmp(e->lemma, lemma) == 0 && strcmp(e->pos, pos) == 0) return e;
    }
  }
  if (v->n >= S_MAX_LEMMAS) return NULL;
  if (2 * (v->n + 1) > v->nslots) S_grow(v);
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 256;
    v->e = dg_xrealloc(v->e, v->cap * sizeof *v->e);
  }
  S_entry *e = &v->e[v->n];
  memset(e, 0, sizeof *e);
  e->lemma = dg_xstrdup(lemma);
  e->pos = dg_xstrdup(pos);
  e->hash = h;
  e->section = section;
  size_t k = (size_t)h & (v->nslots - 1);
  while (v->slots[k]) k = (k + 1) & (v->nslots - 1);
  v->slots[k] = (uint32_t)(++v->n);
  *fresh = true;
  return e;
}

/* Back to the start of the UTF-8 character at p. */
static size_t S_char_start(const char *s, size_t p) {
  while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
  return p;
}

/* The sentence with token i marked «…» (spaces as in dg_sentence_set_text),
 * cut to a window of about S_CONTEXT_MAX bytes around the word. */
static char *S_context(const dg_dsentence *s, size_t i) {
  dg_buf b;
  dg_buf_init(&b);
  size_t ms = 0, me = 0;
  for (size_t k = 0; k < s->ntokens; k++) {
    if (k == i) {
      ms = b.len;
      dg_buf_puts(&b, "«");
    }
    dg_buf_puts(&b, s->tokens[k].form);
    if (k == i) {
      dg_buf_puts(&b, "»");
      me = b.len;
    }
    if (k + 1 < s->ntokens && (s->tokens[k].flags & DG_DF_SPACE_AFTER)) dg_buf_putc(&b, ' ');
  }
  dg_buf_putc(&b, '\0');
  b.len--;
  if (b.len <= S_CONTEXT_MAX) return dg_buf_detach(&b);
  size_t side = me - ms < S_CONTEXT_MAX ? (S_CONTEXT_MAX - (me - ms)) / 2 : 0;
  size_t from = ms > side ? S_char_start(b.data, ms - side) : 0;
  size_t to = me + side < b.len ? S_char_start(b.data, me + side) : b.len;
  dg_buf w;
  dg_buf_init(&w);
  if (from > 0) dg_buf_puts(&w, "…");
  dg_buf_put(&w, b.data + from, to - from);
  if (to < b.len) dg_buf_puts(&w, "…");
  dg_buf_putc(&w, '\0');
  dg_buf_free(&b);
  return dg_buf_detach(&w);
}

static void S_note_gloss(S_entry *e, const char *gloss) {
  if (!gloss || !*gloss) return;
  for (size_t k = 0; k < e->nseen; k++)
    if (strcmp(e->seen[k].gloss, gloss) == 0) {
      e->seen[k].n++;
      return;
    }
  if (e->nseen == S_MAX_SEEN) return;
  e->seen[e->nseen].gloss = dg_xstrdup(gloss);
  e->seen[e->nseen++].n = 1;
}

static void S_note_alternatives(S_entry *e, const dg_dtoken *t) {
  for (size_t g = 0; g < t->nglosses && e->nalts < S_MAX_ALTS; g++) {
    const char *a = t->glosses[g];
    if (!a || !*a) continue;
    bool have = false;
    for (size_t k = 0; k < e->nalts && !have; k++) have = strcmp(e->alts[k], a) == 0;
    if (!have) e->alts[e->nalts++] = dg_xstrdup(a);
  }
}

void dg_render_vocab_account(dg_render *r, const dg_doc *d) {
  dg_vocab *v = r->vocab;
  if (!v) return;
  for (size_t si = 0; si < d->nsentences; si++) {
    const dg_dsentence *s = &d->sentences[si];
    for (size_t i = 0; i < s->ntokens; i++) {
      const dg_dtoken *t = &s->tokens[i];
      unsigned section;
      if (!S_section(t, &section)) continue;
      if ((section == S_NAME && r->o.vocab_skip_names) || (section == S_CLOSED && r->o.vocab_skip_closed))
        continue;
      const char *lemma = t->lemma && *t->lemma ? t->lemma : t->form;
      bool fresh;
      S_entry *e = S_entry_of(v, lemma, t->pos ? t->pos : "", section, &fresh);
      if (!e) continue; /* the table is full: only lemmas already kept are counted */
      e->count++;
      if (fresh) e->context = S_context(s, i);
      S_note_gloss(e, t->gloss);
      S_note_alternatives(e, t);
    }
  }
}

/* ---- the table ---------------------------------------------------------- */

static const char *const S_esc[256] = {['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r", ['\\'] = "\\\\"};

static void S_val(dg_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (S_esc[*p]) dg_buf_puts(b, S_esc[*p]);
    else dg_buf_putc(b, (char)*p);
  }
}

/* Section, then most frequent first, then first seen (entries are kept in
 * the order they were first seen). */
static int S_order(const void *a, const void *b) {
  const S_entry *x = *(const S_entry *const *)a, *y = *(const S_entry *const *)b;
  if (x->section != y->section) return x->section < y->section ? -1 : 1;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void S_row(dg_buf *out, const S_entry *e) {
  /* the gloss chosen most often; ties: the one chosen first */
  size_t best = 0;
  for (size_t k = 1; k < e->nseen; k++)
    if (e->seen[k].n > e->seen[best].n) best = k;
  const char *gloss = e->nseen ? e->seen[best].gloss : "";
  S_val(out, e->lemma);
  dg_buf_putc(out, '\t');
  S_val(out, e->pos);
  dg_buf_putc(out, '\t');
  S_val(out, gloss);
  dg_buf_putc(out, '\t');
  /* the other chosen glosses, most often first, then the lexicon's */
  const char *shown[S_SHOWN];
  size_t nshown = 0;
  bool used[S_MAX_SEEN] = {false};
  used[best] = true;
  while (nshown < S_SHOWN) {
    size_t pick = S_MAX_SEEN;
    for (size_t k = 0; k < e->nseen; k++)
      if (!used[k] && (pick == S_MAX_SEEN || e->seen[k].n > e->seen[pick].n)) pick = k;
    if (pick == S_MAX_SEEN) break;
    used[pick] = true;
    shown[nshown++] = e->seen[pick].gloss;
  }
  for (size_t a = 0; a < e->nalts && nshown < S_SHOWN; a++) {
    bool have = strcmp(e->alts[a], gloss) == 0;
    for (size_t k = 0; k < nshown && !have; k++) have = strcmp(shown[k], e->alts[a]) == 0;
    if (!have) shown[nshown++] = e->alts[a];
  }
  for (size_t k = 0; k < nshown; k++) {
    if (k) dg_buf_puts(out, " | ");
    S_val(out, shown[k]);
  }
  dg_buf_printf(out, "\t%lu\t", e->count);
  S_val(out, e->context);
  dg_buf_printf(out, "\t%s\n", S_section_name[e->section]);
}

void dg_render_vocab_end(dg_render *r, dg_buf *out) {
  dg_vocab *v = r->vocab;
  dg_buf_puts(out, "lemma\tpos\tgloss\tother_senses\tcount\tfirst_context\tsection\n");
  if (v && v->n) {
    const S_entry **order = dg_xmalloc(v->n * sizeof *order);
    for (size_t i = 0; i < v->n; i++) order[i] = &v->e[i];
    qsort(order, v->n, sizeof *order, S_order);
    for (size_t i = 0; i < v->n; i++) S_row(out, order[i]);
    free(order);
  }
  dg_render_vocab_free(r);
}

void dg_render_vocab_free(dg_render *r) {
  dg_vocab *v = r->vocab;
  if (!v) return;
  for (size_t i = 0; i < v->n; i++) {
    S_entry *e = &v->e[i];
    free(e->lemma);
    free(e->pos);
    free(e->context);
    for (size_t k = 0; k < e->nseen; k++) free(e->seen[k].gloss);
    for (size_t k = 0; k < e->nalts; k++) free(e->alts[k]);
  }
  free(v->e);
  free(v->slots);
  free(v);
  r->vocab = NULL;
}
