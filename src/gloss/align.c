/* Glosses that agree with the translation: after a sentence's free
 * translation is set (an MT provider, a --translation file), every content
 * word's gloss is matched against the translation's words, and the span it
 * matches is kept in the token's `align`.  A gloss that the translation
 * contradicts is re-chosen only on clear evidence: the translation uses one
 * of the word's ranked alternative glosses, uses none of the words of the
 * context's choice, and no other German word of the sentence accounts for
 * that English word.  A translator picks one sense among the dictionary's;
 * when a dictionary sense is in the translation and the context's sense is
 * not, the translator's is the sense of this sentence.
 *
 * Matching is by English stem (src/lexicon/en_stem.c) after undoing the
 * lexicon's irregular verbs (went -> go); a multiword gloss matches as a
 * phrase (its content words in order, each within three words of the one
 * before).  One translation word backs at most one German word.  A
 * compound can also be matched part by part: the translation's English
 * compound (ceasefire agreement) becomes its gloss, and its parts spell the
 * gloss the translation chose, so the gloss line agrees.  A
 * translation in which the glosses of the sentence are rarely found (one
 * paired with the wrong sentence) or that has too few of English's
 * function words (another language) changes nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "en_stem.h"
#include "gloss_internal.h"
#include "word.h"

#define S_STEM 40     /* bytes of a stem */
#define S_PWORDS 6    /* content words of a gloss that count */
#define S_WINDOW 3    /* a phrase's next word at most this far on */
#define S_MAXALT 12   /* alternatives looked at */

/* English function words: they never decide a match, and a translation
 * in which fewer than one word in five is one of them is not English. */
static const char *const S_stop[] = {
  "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
  "being", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from", "had",
  "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
  "it", "its", "may", "me", "might", "must", "my", "no", "nor", "not", "of", "on", "one",
  "oneself", "or", "our", "shall", "she", "should", "so", "sb", "sth", "than", "that",
  "the", "their", "them", "there", "these", "they", "this", "those", "to", "us", "was",
  "we", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "will",
  "with", "would", "you", "your",
};

static int S_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static bool S_is_stop(const char *low) {
  const char *k = low;
  return bsearch(&k, S_stop, sizeof S_stop / sizeof *S_stop, sizeof *S_stop, S_cmp) != NULL;
}

/* Past forms and participles of the irregular verbs -> their base. */
typedef struct S_irr {
  const char *form, *base;
} S_irr;

static int S_irr_cmp(const void *a, const void *b) { return strcmp(((const S_irr *)a)->form, ((const S_irr *)b)->form); }

/* A word of the translation. */
typedef struct S_tw {
  uint32_t start, end;
  char stem[S_STEM];
  bool stop;
  bool taken;        /* backs a German word already */
} S_tw;

/* The content words of a gloss, stemmed. */
typedef struct S_phrase {
  char st[S_PWORDS][S_STEM];
  size_t n;
} S_phrase;

typedef struct S_ctx {
  S_tw *w;
  size_t nw;
  S_irr *irr;
  size_t nirr;
} S_ctx;

/* The lower-case ASCII copy of s[0..n) (other bytes kept) in out. */
static void S_lower(const char *s, size_t n, char *out, size_t outsz) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < outsz; i++) {
    char c = s[i];
    out[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  out[k] = '\0';
}

static bool S_wordbyte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The stem of a lower-case word: an irregular past or participle becomes its
 * base first (went -> go, held -> hold). */
static void S_stem(const S_ctx *c, const char *low, char *out) {
  S_irr key = {.form = low};
  const S_irr *hit = c->nirr ? bsearch(&key, c->irr, c->nirr, sizeof *c->irr, S_irr_cmp) : NULL;
  dg_en_stem(hit ? hit->base : low, out, S_STEM);
}

/* The translation's words (letters and digits; apostrophes and hyphens
 * separate: "Trump's" -> Trump + s). */
static void S_words(S_ctx *c, const char *text) {
  size_t cap = 0;
  for (size_t i = 0; text[i];) {
    if (!S_wordbyte((unsigned char)text[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (text[j] && S_wordbyte((unsigned char)text[j])) j++;
    if (c->nw == cap) {
      cap = cap ? 2 * cap : 64;
      c->w = dg_xrealloc(c->w, cap * sizeof *c->w);
    }
    S_tw *w = &c->w[c->nw++];
    char low[S_STEM];
    S_lower(text + i, j - i, low, sizeof low);
    w->start = (uint32_t)i;
    w->end = (uint32_t)j;
    w->stop = S_is_stop(low);
    w->taken = false;
    S_stem(c, low, w->stem);
    i = j;
  }
}

/* The content words of a gloss ("open on" -> open; "sb./sth." dropped). */
static void S_phrase_of(const S_ctx *c, const char *gloss, S_phrase *p) {
  p->n = 0;
  for (size_t i = 0; gloss && gloss[i] && p->n < S_PWORDS;) {
    unsigned char u = (unsigned char)gloss[i];
    if (!S_wordbyte(u)) {
      i++;
      continue;
    }
    size_t j = i;
    while (gloss[j] && S_wordbyte((unsigned char)gloss[j])) j++;
    char low[S_STEM];
    S_lower(gloss + i, j - i, low, sizeof low);
    if (!S_is_stop(low)) S_stem(c, low, p->st[p->n++]);
    i = j;
  }
}

/* Where the phrase is in the translation: its words in order, each within
 * S_WINDOW words of the one before, none of them taken; the leftmost
 * place.  Fills at[] with word indices; false when it is not there. */
static bool S_find(const S_ctx *c, const S_phrase *p, size_t *at) {
  if (!p->n) return false;
  for (size_t i = 0; i < c->nw; i++) {
    if (c->w[i].taken || c->w[i].stop || strcmp(c->w[i].stem, p->st[0])) continue;
    at[0] = i;
    size_t k = 1;
    for (; k < p->n; k++) {
      size_t j = at[k - 1] + 1, lim = at[k - 1] + S_WINDOW;
      for (; j < c->nw && j <= lim; j++)
        if (!c->w[j].taken && !strcmp(c->w[j].stem, p->st[k])) break;
      if (j >= c->nw || j > lim) break;
      at[k] = j;
    }
    if (k == p->n) return true;
  }
  return false;
}

/* Does any content word of the phrase occur in the translation at all? */
static bool S_occurs(const S_ctx *c, const S_phrase *p) {
  for (size_t k = 0; k < p->n; k++)
    for (size_t i = 0; i < c->nw; i++)
      if (!c->w[i].stop && !strcmp(c->w[i].stem, p->st[k])) return true;
  return false;
}

/* A content word: its gloss can be found in an English translation. */
static bool S_content(const dg_dtoken *t) {
  if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
  if (!t->gloss || !*t->gloss || (t->flags & DG_DF_SEP_PARTICLE)) return false;
  const char *p = t->pos;
  return !strcmp(p, "NOUN") || !strcmp(p, "VERB") || !strcmp(p, "ADJ") || !strcmp(p, "ADV") ||
         !strcmp(p, "PROPN");
}

/* One content word of the group being aligned. */
typedef struct S_item {
  dg_dsentence *s;
  dg_dtoken *t;
  S_phrase primary;
  bool own;        /* its gloss (or its expression's) was found */
  bool found;      /* that, or a compound part's gloss */
  bool aligned;
} S_item;

static void S_add_spans(dg_doc *d, dg_dtoken *t, const S_ctx *c, const size_t *at, size_t n) {
  uint32_t *a = dg_mem_alloc(&d->arena, (t->nalign + n) * 2 * sizeof *a);
  if (t->nalign) memcpy(a, t->align, t->nalign * 2 * sizeof *a);
  for (size_t k = 0; k < n; k++) {
    a[2 * (t->nalign + k)] = c->w[at[k]].start;
    a[2 * (t->nalign + k) + 1] = c->w[at[k]].end;
  }
  t->align = a;
  t->nalign += n;
}

static void S_take(S_ctx *c, const size_t *at, size_t n) {
  for (size_t k = 0; k < n; k++) c->w[at[k]].taken = true;
}

/* The plain-English form of the new gloss, inflected as the old one was
 * (held for "hold" where "led" stood for "lead"). */
static const char *S_replain(dg_engine *e, dg_doc *d, const dg_dtoken *t, const char *old, const char *neu) {
  if (!t->plain) return NULL;
  if (!strcmp(t->plain, old)) return neu;
  dg_buf a, b;
  dg_buf_init(&a);
  dg_buf_init(&b);
  const char *res = neu;
  for (int f = 0; f < 4; f++) {
    dg_buf_clear(&a);
    dg_buf_clear(&b);
    switch (f) {
    case 0: dg_english_past_lex(e->lex, &a, old), dg_english_past_lex(e->lex, &b, neu); break;
    case 1: dg_english_participle_lex(e->lex, &a, old), dg_english_participle_lex(e->lex, &b, neu); break;
    case 2: dg_english_3sg(&a, old), dg_english_3sg(&b, neu); break;
    default: dg_english_plural(&a, old), dg_english_plural(&b, neu); break;
    }
    if (a.data && b.data && !strcmp(a.data, t->plain)) {
      res = dg_mem_strdup(&d->arena, b.data);
      break;
    }
  }
  dg_buf_free(&a);
  dg_buf_free(&b);
  return res;
}

/* The translation chose alternative `alt` of the token: it becomes the
 * gloss, the context's choice the first alternative. */
static void S_rechoose(dg_engine *e, dg_doc *d, dg_dtoken *t, size_t alt) {
  const char *old = t->gloss, *neu = t->glosses[alt];
  const char **g = dg_mem_alloc(&d->arena, t->nglosses * sizeof *g);
  g[0] = neu;
  for (size_t i = 0, k = 1; i < t->nglosses; i++)
    if (i != alt) g[k++] = t->glosses[i];
  t->plain = S_replain(e, d, t, old, neu);
  t->glosses = g;
  t->gloss = neu;
  t->source = "translation";
}

/* A proposed re-choice. */
typedef struct S_prop {
  size_t item, alt, n;
  size_t at[S_PWORDS];
  bool dropped;
} S_prop;

static bool S_share(const S_prop *a, const S_prop *b) {
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < b->n; j++)
      if (a->at[i] == b->at[j]) return true;
  return false;
}

/* Is the stem one that another word of the sentence glosses (its gloss or a
 * compound part)?  Then that word explains the English word better. */
static bool S_explained(const S_ctx *c, const S_item *it, size_t n, size_t self, const char *stem) {
  for (size_t i = 0; i < n; i++) {
    if (i == self) continue;
    for (size_t k = 0; k < it[i].primary.n; k++)
      if (!strcmp(it[i].primary.st[k], stem)) return true;
    const dg_dtoken *t = it[i].t;
    for (size_t p = 0; p < t->nparts; p++) {
      if (t->parts[p].link || !t->parts[p].gloss) continue;
      S_phrase ph;
      S_phrase_of(c, t->parts[p].gloss, &ph);
      for (size_t k = 0; k < ph.n; k++)
        if (!strcmp(ph.st[k], stem)) return true;
    }
  }
  return false;
}

/* Where a compound part is in the translation: its own gloss, else (when
 * `choose`) the first of its senses there that no other word of the
 * sentence explains (Waffenstillstand "armistice", a sense "ceasefire").
 * Takes the words; the gloss found, or NULL. */
static const char *S_part_place(dg_engine *e, S_ctx *c, const S_item *it, size_t n, size_t self,
                                const dg_dpart *p, bool choose, size_t *at, size_t *nat) {
  S_phrase ph;
  S_phrase_of(c, p->gloss, &ph);
  if (S_find(c, &ph, at)) {
    S_take(c, at, ph.n);
    *nat = ph.n;
    return p->gloss;
  }
  if (!choose) return NULL;
  dg_sense sv[S_MAXALT];
  size_t ns = dg_gl_senses(e, p->lemma, NULL, sv, S_MAXALT);
  for (size_t a = 0; a < ns && a < S_MAXALT; a++) {
    S_phrase_of(c, sv[a].gloss, &ph);
    if (!S_find(c, &ph, at)) continue;
    bool other = false;
    for (size_t k = 0; k < ph.n && !other; k++) other = S_explained(c, it, n, self, c->w[at[k]].stem);
    if (other) continue;
    S_take(c, at, ph.n);
    *nat = ph.n;
    return sv[a].gloss;
  }
  return NULL;
}

/* After the translation chose a compound's alternative gloss ("phone call"
 * for Telefon|gespräch): the parts take the senses that spell it, in order
 * (Telefon "phone", Gespräch "call"), so the gloss line says it too.  Parts
 * that cannot spell it keep their glosses. */
static void S_respell_parts(dg_engine *e, dg_doc *d, const S_ctx *c, dg_dtoken *t) {
  enum { MAXP = 8 };
  if (t->nparts < 2 || t->nparts > MAXP) return;
  S_phrase want;
  S_phrase_of(c, t->gloss, &want);
  const char *pick[MAXP] = {0};
  size_t w = 0;
  for (size_t p = 0; p < t->nparts; p++) {
    if (t->parts[p].link) continue;
    dg_sense sv[S_MAXALT + 1];
    sv[0].gloss = t->parts[p].gloss;
    size_t ns = 1 + dg_gl_senses(e, t->parts[p].lemma, NULL, sv + 1, S_MAXALT);
    for (size_t a = 0; a < ns && !pick[p]; a++) {
      S_phrase ph;
      S_phrase_of(c, sv[a].gloss, &ph);
      if (!ph.n || w + ph.n > want.n) continue;
      bool same = true;
      for (size_t k = 0; k < ph.n && same; k++) same = !strcmp(ph.st[k], want.st[w + k]);
      if (!same) continue;
      pick[p] = sv[a].gloss;
      w += ph.n;
    }
    if (!pick[p]) return;
  }
  if (w != want.n) return;
  for (size_t p = 0; p < t->nparts; p++)
    if (pick[p] && pick[p] != t->parts[p].gloss) t->parts[p].gloss = dg_mem_strdup(&d->arena, pick[p]);
  t->flags &= ~(unsigned)DG_DF_WHOLE_GLOSS; /* the parts say it now */
}

/* 3. A compound whose own gloss is not in the translation: its parts are
 * looked for, each under its gloss or (on a translation that fits the
 * sentence) one of its senses.  When every stem is there, in order and side
 * by side, the translation has the English compound ("phone conversation"
 * for Telefon|gespräch, "ceasefire agreement" for Waffenstillstand|s|abkommen):
 * the parts take those senses and their English becomes the word's gloss,
 * so the gloss line and the gloss say what the translation says.  Else only
 * the parts found under their own glosses are aligned. */
static void S_compound(dg_engine *e, dg_doc *d, S_ctx *c, const S_item *it, size_t n, size_t self,
                       bool choose) {
  dg_dtoken *t = it[self].t;
  enum { MAXP = 8 };
  if (!t->nparts || t->nparts > MAXP) return;
  choose = choose && t->kind == DG_KIND_WORD && t->mwe < 0 && t->nglosses >= 1 &&
           strncmp(t->source, "glossary", 8) != 0;
  const char *found[MAXP] = {0};
  size_t at[MAXP][S_PWORDS], nat[MAXP] = {0};
  bool whole = true, chosen = false;
  size_t stems = 0;
  for (size_t p = 0; p < t->nparts; p++) {
    if (t->parts[p].link) continue;
    stems++;
    found[p] = S_part_place(e, c, it, n, self, &t->parts[p], choose, at[p], &nat[p]);
    if (!found[p]) whole = false;
    else if (found[p] != t->parts[p].gloss) chosen = true;
  }
  /* side by side: each part's words follow the previous part's at once */
  size_t last = 0;
  bool first = true;
  for (size_t p = 0; p < t->nparts && whole; p++) {
    if (t->parts[p].link) continue;
    for (size_t k = 0; k < nat[p] && whole; k++) {
      if (!first && at[p][k] != last + 1) whole = false;
      last = at[p][k];
      first = false;
    }
  }
  if (!(choose && whole && stems >= 2)) {
    /* the parts found only through another sense are not kept */
    for (size_t p = 0; p < t->nparts; p++) {
      if (!found[p]) continue;
      if (found[p] == t->parts[p].gloss) S_add_spans(d, t, c, at[p], nat[p]);
      else
        for (size_t k = 0; k < nat[p]; k++) c->w[at[p][k]].taken = false;
    }
    return;
  }
  dg_buf g;
  dg_buf_init(&g);
  for (size_t p = 0; p < t->nparts; p++) {
    if (t->parts[p].link) continue;
    if (chosen) t->parts[p].gloss = dg_mem_strdup(&d->arena, found[p]);
    if (g.len) dg_buf_putc(&g, ' ');
    dg_buf_puts(&g, found[p]);
    S_add_spans(d, t, c, at[p], nat[p]);
  }
  if (strcmp(g.data, t->gloss) != 0) {
    const char *neu = dg_mem_strdup(&d->arena, g.data);
    const char **gv = dg_mem_alloc(&d->arena, (t->nglosses + 1) * sizeof *gv);
    gv[0] = neu;
    size_t k = 1;
    for (size_t a = 0; a < t->nglosses; a++)
      if (strcmp(t->glosses[a], neu) != 0) gv[k++] = t->glosses[a];
    t->plain = S_replain(e, d, t, t->gloss, neu);
    t->glosses = gv;
    t->nglosses = k;
    t->gloss = neu;
    t->source = "translation";
  }
  t->flags &= ~(unsigned)DG_DF_WHOLE_GLOSS; /* the parts spell the gloss */
  dg_buf_free(&g);
}

static void S_align_group(dg_engine *e, dg_doc *d, dg_dsentence *ss, size_t ns, S_ctx *c) {
  size_t nstop = 0;
  for (size_t i = 0; i < c->nw; i++) nstop += c->w[i].stop;
  if (!c->nw || nstop * 5 < c->nw) return; /* not English: under one word in five a function word */
  size_t n = 0;
  for (size_t i = 0; i < ns; i++)
    for (size_t k = 0; k < ss[i].ntokens; k++) n += S_content(&ss[i].tokens[k]);
  if (!n) return;
  S_item *it = dg_xcalloc(n, sizeof *it);
  n = 0;
  for (size_t i = 0; i < ns; i++)
    for (size_t k = 0; k < ss[i].ntokens; k++) {
      dg_dtoken *t = &ss[i].tokens[k];
      if (!S_content(t)) continue;
      it[n].s = &ss[i];
      it[n].t = t;
      const char *g = t->gloss;
      if (t->mwe >= 0 && (size_t)t->mwe < ss[i].nmwes) g = ss[i].mwes[t->mwe].gloss;
      S_phrase_of(c, g, &it[n].primary);
      n++;
    }
  size_t at[S_PWORDS];
  /* 1. The context's choices, the longer phrases first (they are the
   * stronger evidence), then in sentence order.  An expression's tokens
   * share its place. */
  for (size_t len = S_PWORDS; len >= 1; len--)
    for (size_t i = 0; i < n; i++) {
      S_item *x = &it[i];
      if (x->aligned || x->primary.n != len) continue;
      if (!S_find(c, &x->primary, at)) continue;
      S_take(c, at, len);
      x->own = x->found = x->aligned = true;
      S_add_spans(d, x->t, c, at, len);
      if (x->t->mwe < 0) continue;
      for (size_t j = i + 1; j < n; j++)
        if (it[j].s == x->s && it[j].t->mwe == x->t->mwe && !it[j].aligned) {
          it[j].own = it[j].found = it[j].aligned = true;
          S_add_spans(d, it[j].t, c, at, len);
        }
    }
  /* How well does the translation fit the sentence?  Re-choosing needs a
   * translation in which a gloss (the context's, an alternative or a
   * compound part's) of at least two words and half the words is found. */
  size_t fit = 0;
  for (size_t i = 0; i < n; i++) {
    S_item *x = &it[i];
    if (!x->found)
      for (size_t p = 0; p < x->t->nparts && !x->found; p++) {
        S_phrase ph;
        if (x->t->parts[p].link) continue;
        S_phrase_of(c, x->t->parts[p].gloss, &ph);
        x->found = S_occurs(c, &ph);
      }
    bool any = x->found;
    for (size_t a = 1; a < x->t->nglosses && a <= S_MAXALT && !any; a++) {
      S_phrase ph;
      S_phrase_of(c, x->t->glosses[a], &ph);
      any = S_occurs(c, &ph);
    }
    fit += any;
  }
  /* 2. Re-choosing: the first alternative (in rank order) found among the
   * words still free, for a word none of whose own gloss is there. */
  S_prop *pr = dg_xcalloc(n, sizeof *pr);
  size_t np = 0;
  if (fit >= 2 && fit * 2 >= n)
    for (size_t i = 0; i < n; i++) {
      S_item *x = &it[i];
      dg_dtoken *t = x->t;
      if (x->own || t->kind != DG_KIND_WORD || t->mwe >= 0 || t->nglosses < 2) continue;
      if (!x->primary.n || S_occurs(c, &x->primary) || !strncmp(t->source, "glossary", 8)) continue;
      for (size_t a = 1; a < t->nglosses && a <= S_MAXALT; a++) {
        S_phrase ph;
        S_phrase_of(c, t->glosses[a], &ph);
        if (!S_find(c, &ph, at)) continue;
        bool other = false;
        for (size_t k = 0; k < ph.n && !other; k++) other = S_explained(c, it, n, i, c->w[at[k]].stem);
        if (other) break; /* another word's gloss: not evidence for this one */
        pr[np] = (S_prop){.item = i, .alt = a, .n = ph.n};
        memcpy(pr[np].at, at, ph.n * sizeof *at);
        np++;
        break;
      }
    }
  /* Two words that want the same English word: the longer match wins, then
   * the better-ranked alternative, then the earlier word. */
  for (size_t i = 0; i < np; i++)
    for (size_t j = i + 1; j < np; j++) {
      if (pr[i].dropped || pr[j].dropped || !S_share(&pr[i], &pr[j])) continue;
      bool jwins = pr[j].n > pr[i].n || (pr[j].n == pr[i].n && pr[j].alt < pr[i].alt);
      (jwins ? &pr[i] : &pr[j])->dropped = true;
    }
  for (size_t i = 0; i < np; i++) {
    if (pr[i].dropped) continue;
    S_item *x = &it[pr[i].item];
    S_take(c, pr[i].at, pr[i].n);
    S_add_spans(d, x->t, c, pr[i].at, pr[i].n);
    x->aligned = true;
    dg_dtoken *t = x->t, *partner = NULL;
    if (t->link >= 0 && (size_t)t->link < x->s->ntokens) partner = &x->s->tokens[t->link];
    if (partner && partner->gloss == t->gloss) { /* a separable verb's particle shows its gloss */
      partner->align = t->align;
      partner->nalign = t->nalign;
      S_rechoose(e, d, partner, pr[i].alt);
    }
    S_rechoose(e, d, t, pr[i].alt);
    S_respell_parts(e, d, c, t);
  }
  free(pr);
  /* 3. Compounds whose gloss is not there: their parts' glosses. */
  for (size_t i = 0; i < n; i++)
    if (!it[i].aligned) S_compound(e, d, c, it, n, i, fit >= 2 && fit * 2 >= n);
  free(it);
}

void dg_doc_align(dg_engine *e, dg_doc *d) {
  S_ctx c = {0};
  bool any = false;
  for (size_t i = 0; i < d->nsentences && !any; i++) any = d->sentences[i].translation != NULL;
  if (!any) return;
  size_t ni = dg_lexicon_irregular_count(e->lex);
  c.irr = dg_xcalloc(2 * ni + 1, sizeof *c.irr);
  for (size_t i = 0; i < ni; i++) {
    const char *base, *past, *part;
    dg_lexicon_irregular_at(e->lex, i, &base, &past, &part);
    if (past && *past && strcmp(past, base)) c.irr[c.nirr++] = (S_irr){past, base};
    if (part && *part && strcmp(part, base)) c.irr[c.nirr++] = (S_irr){part, base};
  }
  qsort(c.irr, c.nirr, sizeof *c.irr, S_irr_cmp);
  dg_buf tr;
  dg_buf_init(&tr);
  for (size_t i = 0; i < d->nsentences;) {
    /* A record of lines input: its sentences with their translations
     * joined by a space, as the lines view (doc_lines.c) shows them. */
    size_t j = i + 1;
    if (d->sentences[i].record)
      while (j < d->nsentences && d->sentences[j].record == d->sentences[i].record) j++;
    /* The sentences of a JSONL input object share its translation (the
     * same string): aligned together with one copy of it. */
    const char *one = d->sentences[i].translation;
    bool shared = false;
    if (!d->sentences[i].record && one)
      while (j < d->nsentences && d->sentences[j].translation == one &&
             d->sentences[j].paragraph == d->sentences[i].paragraph)
        j++, shared = true;
    dg_buf_clear(&tr);
    if (shared) dg_buf_puts(&tr, one);
    for (size_t k = i; k < j && !shared; k++) {
      const char *t = d->sentences[k].translation;
      if (!t || !*t) continue;
      if (tr.len) dg_buf_putc(&tr, ' ');
      dg_buf_puts(&tr, t);
    }
    if (tr.len) {
      c.nw = 0;
      S_words(&c, tr.data);
      S_align_group(e, d, &d->sentences[i], j - i, &c);
    }
    i = j;
  }
  dg_buf_free(&tr);
  free(c.w);
  free(c.irr);
}
