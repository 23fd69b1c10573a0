/* Compound parts: the glosses of a compound's parts (each part under its
 * lemma; a head read as an adjective looked up as the dictionary's noun; a
 * first part with a gloss of its own as a first part), the choice whether a
 * word with its own entry shows its parts (only when the head explains the
 * whole, never after a verb prefix), neighbouring stems the dictionary knows
 * as one word merged, and hyphenated words glossed piece by piece.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "morph_text.h"
#include "memo.h"
#include "parts.h"
#include "word.h"

/* English -ing and agent forms of a verb's gloss, on its first word
 * ("spy out": spying out, "pick": picker): a consonant after a single
 * vowel doubles in short words (plan: planning), a final e goes (make:
 * making, maker). */
static void S_english_derived(dg_buf *b, const char *gloss, bool agent) {
  if (strncmp(gloss, "to ", 3) == 0) gloss += 3;
  size_t w = strcspn(gloss, " ,;(");
  const char *v = "aeiou";
  bool cvc = w >= 3 && w <= 4 && !strchr(v, gloss[w - 1]) && !strchr("wxy", gloss[w - 1]) &&
             strchr(v, gloss[w - 2]) && !strchr(v, gloss[w - 3]);
  size_t keep = w;
  if (w >= 2 && gloss[w - 1] == 'e' && !strchr("eyo", gloss[w - 2])) keep = w - 1;
  dg_buf_put(b, gloss, keep);
  if (cvc) dg_buf_putc(b, gloss[w - 1]);
  dg_buf_puts(b, agent ? "er" : "ing");
  size_t rest = strcspn(gloss + w, ",;(");
  dg_buf_put(b, gloss + w, rest);
}

/* A nominalised participle (befohlene, befohlenen): the verb's English
 * participle for the form without its adjective ending. */
static size_t S_participle_head(dg_engine *e, dg_doc *d, const char *low, dg_sense *sv) {
  static const char *const suf[] = {"en", "em", "er", "es", "e", NULL};
  size_t n = strlen(low), found = 0;
  for (size_t r = 0; suf[r] && !found; r++) {
    size_t l = strlen(suf[r]);
    if (n < l + 4 || strcmp(low + n - l, suf[r]) != 0) continue;
    char *stem = dg_xstrndup(low, n - l);
    dg_analysis an[8];
    size_t na = dg_morph_analyze(e->morph, stem, false, NULL, an, 8);
    for (size_t k = 0; k < na && k < 8 && !found; k++) {
      if (!dg_gl_eq(an[k].pos, "VERB") || !dg_gl_feat(an[k].feats, "VerbForm=Part")) continue;
      dg_sense vs[1];
      if (!dg_lexicon_senses(e->lex, an[k].lemma, "VERB", vs, 1)) continue;
      dg_buf b;
      dg_buf_init(&b);
      if (dg_gl_feat(an[k].feats, "Tense=Pres")) S_english_derived(&b, vs[0].gloss, false);
      else dg_english_participle_lex(e->lex, &b, vs[0].gloss);
      dg_buf_puts(&b, " one"); /* (a person or thing: the commanded ones) */
      sv[0] = vs[0];
      sv[0].gloss = dg_mem_strdup(&d->arena, b.data ? b.data : vs[0].gloss);
      dg_buf_free(&b);
      found = 1;
    }
    free(stem);
  }
  return found;
}

/* A head the dictionary lacks that is derived from a verb it has: an
 * -ung noun is the action (Ausspähung: spying out), an -er noun the
 * agent (Pflücker: picker), a nominalised participle the participle
 * (Befohlene: commanded one).  Returns the number of senses (0 or 1). */
static size_t S_derived_head(dg_engine *e, dg_doc *d, const dg_part *p, dg_sense *sv, size_t max) {
  if (!max) return 0;
  static const struct { const char *end; const char *verb; bool agent; } suf[] = {
      {"ungen", "en", false}, {"ung", "en", false}, {"ung", "n", false},
      {"erinnen", "en", true}, {"erin", "en", true}, {"ern", "en", true},
      {"ers", "en", true},     {"er", "en", true},  {"er", "n", true}};
  char *low = dg_gl_lower(p->form);
  size_t n = strlen(low), found = 0;
  for (size_t r = 0; r < sizeof suf / sizeof *suf && !found; r++) {
    size_t l = strlen(suf[r].end);
    if (n < l + 3 || strcmp(low + n - l, suf[r].end) != 0) continue;
    dg_buf verb;
    dg_buf_init(&verb);
    dg_buf_put(&verb, low, n - l);
    dg_buf_puts(&verb, suf[r].verb);
    dg_sense vs[1];
    if (dg_lexicon_senses(e->lex, verb.data, "VERB", vs, 1) && vs[0].gloss && *vs[0].gloss) {
      dg_buf b;
      dg_buf_init(&b);
      S_english_derived(&b, vs[0].gloss, suf[r].agent);
      sv[0] = vs[0];
      sv[0].pos = "NOUN";
      sv[0].gloss = dg_mem_strdup(&d->arena, b.data);
      dg_buf_free(&b);
      found = 1;
    }
    dg_buf_free(&verb);
  }
  /* Nominalised participles: the form without its adjective ending. */
  if (!found) found = S_participle_head(e, d, low, sv);
  free(low);
  return found;
}

/* snprintf(out, 256, "%s%s", a, b), without parsing a format. */
static void S_cat(char out[256], const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 255) la = 255;
  if (lb > 255 - la) lb = 255 - la;
  memcpy(out, a, la);
  memcpy(out + la, b, lb);
  out[la + lb] = '\0';
}

/* The lower-case form of s in low (dg_gl_lower's), cleared first; its
 * data. */
static char *S_lower_in(dg_buf *low, const char *s) {
  dg_buf_clear(low);
  dg_gl_lower_into(low, s);
  return low->data;
}

/* The capitalised lower-case form of s (dg_utf8_capitalize of dg_gl_lower)
 * in cap, through low; its data. */
static const char *S_capital_in(dg_buf *cap, dg_buf *low, const char *s) {
  const char *l = S_lower_in(low, s);
  dg_buf_clear(cap);
  dg_utf8_capitalize(cap, l, strlen(l));
  return cap->data;
}

/* Senses of a compound part.  A head that the morphology reads as an
 * adjective (gesandt) is a nominalised adjective or participle in a noun
 * compound: the dictionary's noun (Gesandter "envoy", Abgeordnete) first.
 * (low and cap: buffers for the spellings asked about, one allocation
 * each for all of them.) */
static size_t S_part_senses_in(dg_engine *e, dg_doc *d, const dg_part *p, bool head, dg_sense *sv, size_t max,
                               dg_buf *low, dg_buf *cap) {
  const char *lemma = p->lemma ? p->lemma : p->form;
  if (head && !dg_gl_is_upper_initial(lemma) && strlen(p->form) < 120) {
    /* (the form, the lemma + er, the lemma + e; each made when asked) */
    static const char *const ends[3] = {"", "er", "e"};
    for (size_t c = 0; c < 3; c++) {
      char cand[256];
      S_cat(cand, c ? lemma : p->form, ends[c]);
      size_t n = dg_lexicon_senses(e->lex, S_capital_in(cap, low, cand), "NOUN", sv, max);
      if (n) return n > max ? max : n;
    }
  }
  /* A compass point as a part (word class compass-point: Ost|polen,
   * Nordost|england) or its noun, the point + en (Nord|osten), is the
   * point its noun names (Osten, Nordosten), in small letters as the other
   * parts of a compound (east-Poland, north-east; not East-Poland beside
   * west-Poland, nor north-East) and as one word: a hyphen in the gloss
   * line parts the compound (Südosten "south-east": southeast-Poland). */
  if (max && strlen(lemma) < 60) {
    char *l = S_lower_in(low, lemma);
    size_t ln = strlen(l);
    bool compass = dg_lexicon_is(e->lex, l, DG_WC_COMPASS_POINT);
    bool noun = !compass && ln > 2 && strcmp(l + ln - 2, "en") == 0;
    if (noun) {
      l[ln - 2] = '\0';
      compass = dg_lexicon_is(e->lex, l, DG_WC_COMPASS_POINT);
    }
    char en[64];
    if (compass) snprintf(en, sizeof en, noun ? "%s" : "%sen", lemma);
    if (compass && dg_gl_senses(e, en, "NOUN", sv, 1) && sv[0].gloss && *sv[0].gloss) {
      char *g = dg_gl_lower(sv[0].gloss);
      size_t k = 0;
      for (size_t j = 0; g[j]; j++)
        if (g[j] != '-') g[k++] = g[j];
      g[k] = '\0';
      sv[0].gloss = dg_mem_strdup(&d->arena, g);
      free(g);
      return 1;
    }
  }
  /* A first part with a gloss of its own as a first part (Haupt|stadt:
   * main; dictionaries/first-parts.tsv) takes it. */
  if (!head && max) {
    /* (under its lemma, or as written: Mehr|familienhaus is no "mehren",
     * Bundes|regierung's Bund is federal) */
    for (int by = 0; by < 2; by++) {
      const char *key = by ? p->form : lemma;
      if (by && strcmp(p->form, lemma) == 0) break;
      dg_sense fp[4];
      size_t nf = dg_lexicon_senses(e->lex, S_capital_in(cap, low, key), "X", fp, 4), nfp = 0;
      /* (several rows: Mehr|familienhaus multi, Mehr|einnahmen additional;
       * the one the whole word's gloss uses is chosen below) */
      for (size_t k = 0; k < nf && k < 4 && nfp < max; k++)
        if (fp[k].source && strncmp(fp[k].source, "dictionaries/first-parts.tsv", 28) == 0) sv[nfp++] = fp[k];
      /* in file order: the first row is the member's usual sense */
      for (size_t a = 1; a < nfp; a++)
        for (size_t b = a; b > 0 && atol(sv[b].source + 29) < atol(sv[b - 1].source + 29); b--) {
          dg_sense tmp = sv[b];
          sv[b] = sv[b - 1];
          sv[b - 1] = tmp;
        }
      if (nfp) return nfp;
    }
  }
  /* A capitalised member is a noun: its noun senses first (Familie|n is
   * family, Ware of Soft|ware the goods). */
  if (dg_gl_is_upper_initial(lemma)) {
    size_t n = dg_gl_senses(e, lemma, "NOUN", sv, max);
    if (n) return n > max ? max : n;
  }
  size_t n = dg_gl_senses(e, lemma, NULL, sv, max);
  if (n == 0 && strcmp(lemma, p->form) != 0) n = dg_gl_senses(e, p->form, NULL, sv, max);
  if (n == 0 && head) n = S_derived_head(e, d, p, sv, max);
  /* The points of the compass are first parts without their -en (West|
   * frankreich, Ost|europa: Westen, Osten): a capitalised first part with
   * no senses of its own takes those of the noun in -en. */
  if (n == 0 && !head && max && dg_gl_is_upper_initial(lemma) && strlen(lemma) < 60) {
    char en[64];
    snprintf(en, sizeof en, "%sen", lemma);
    n = dg_gl_senses(e, en, "NOUN", sv, max);
    if (n > max) n = max;
  }
  /* A participle part (neu|gezogenen): its verb's English participle. */
  if (n == 0 && max && !dg_gl_is_upper_initial(lemma)) {
    dg_analysis an[8];
    size_t na = dg_morph_analyze(e->morph, lemma, false, NULL, an, 8);
    for (size_t k = 0; k < na && k < 8 && n == 0; k++) {
      if (!dg_gl_eq(an[k].pos, "VERB") || !dg_gl_feat(an[k].feats, "VerbForm=Part")) continue;
      dg_sense vs[1];
      if (!dg_lexicon_senses(e->lex, an[k].lemma, "VERB", vs, 1)) continue;
      dg_buf b;
      dg_buf_init(&b);
      dg_english_participle_lex(e->lex, &b, vs[0].gloss);
      sv[0] = vs[0];
      sv[0].gloss = dg_mem_strdup(&d->arena, b.data ? b.data : vs[0].gloss);
      dg_buf_free(&b);
      n = 1;
    }
  }
  return n;
}

static size_t S_part_senses(dg_engine *e, dg_doc *d, const dg_part *p, bool head, dg_sense *sv, size_t max) {
  dg_buf low, cap;
  dg_buf_init(&low);
  dg_buf_init(&cap);
  size_t n = S_part_senses_in(e, d, p, head, sv, max, &low, &cap);
  dg_buf_free(&low);
  dg_buf_free(&cap);
  return n;
}

/* S_part_senses of part p with room for DG_GL_PART_SENSES, looked up once
 * for the split (ps); the first `max` of them (*n): with less room it
 * gives the first ones of these (it fills in order, and the dictionary's
 * first-part rows it takes are at most four). */
static const dg_sense *S_part_senses_of(dg_engine *e, dg_doc *d, dg_gl_part_senses *ps, const dg_part *p, bool head,
                                        size_t max, size_t *n) {
  for (size_t k = 0; k < ps->n; k++)
    if (ps->v[k].part == p && ps->v[k].head == head) {
      *n = ps->v[k].ns < max ? ps->v[k].ns : max;
      return ps->v[k].sv;
    }
  /* (the spare is read before the next question: a split of more parts
   * than entries asks for each of the others once, in dg_gl_parts' loop) */
  bool keep = ps->n < DG_ARRAY_LEN(ps->v);
  dg_gl_part_sense_set *v = keep ? &ps->v[ps->n++] : &ps->spare;
  v->part = p;
  v->head = head;
  v->ns = S_part_senses(e, d, p, head, v->sv, DG_GL_PART_SENSES);
  *n = v->ns < max ? v->ns : max;
  return v->sv;
}

static bool S_word_inside(const char *a, const char *b);
static void S_joinable(const dg_sense *sv, size_t n, size_t min, size_t *len);
static bool S_joined_pair(const char *g, const dg_sense *ms, const size_t *lm, size_t nm, const dg_sense *hs,
                          const size_t *lh, size_t nh, size_t *pa, size_t *pb);

/* The marks that separate the words of a gloss (" .-/,;()"), told without
 * a call: the overlap tests below walk every word of every gloss. */
static inline bool S_sep(char ch) {
  switch (ch) {
  case ' ':
  case '.':
  case '-':
  case '/':
  case ',':
  case ';':
  case '(':
  case ')': return true;
  default: return false;
  }
}

/* The length of the word at p (strcspn(p, " .-/,;()")). */
static inline size_t S_word_len(const char *p) {
  size_t n = 0;
  while (p[n] && !S_sep(p[n])) n++;
  return n;
}

/* p past the separating marks at it. */
static inline const char *S_skip_seps(const char *p) {
  while (*p && S_sep(*p)) p++;
  return p;
}


static bool S_has_word(const char *b, const char *wa, size_t n) {
  const char *q = b;
  while (*q) {
    size_t m = S_word_len(q);
    if (m == n && strncasecmp(q, wa, n) == 0) return true;
    q += m;
    q = S_skip_seps(q);
  }
  return false;
}

/* The words of a gloss of three letters or more, where S_has_word finds
 * them, listed once for the many questions of one step (at most 16: a
 * gloss with more is walked instead). */
typedef struct S_glosswords {
  const char *g;
  size_t n; /* SIZE_MAX: not listed */
  struct {
    const char *p;
    size_t len;
  } w[16];
} S_glosswords;

static void S_glosswords_of(S_glosswords *gw, const char *g) {
  gw->g = g;
  gw->n = 0;
  for (const char *q = S_skip_seps(g); *q; q = S_skip_seps(q)) {
    size_t m = S_word_len(q);
    if (m >= 3) {
      if (gw->n == DG_ARRAY_LEN(gw->w)) {
        gw->n = SIZE_MAX;
        return;
      }
      gw->w[gw->n].p = q;
      gw->w[gw->n].len = m;
      gw->n++;
    }
    q += m;
  }
}

/* S_has_word(gw->g, wa, n) for n >= 3. */
static bool S_glosswords_has(const S_glosswords *gw, const char *wa, size_t n) {
  if (gw->n == SIZE_MAX) return S_has_word(gw->g, wa, n);
  for (size_t k = 0; k < gw->n; k++)
    if (gw->w[k].len == n && strncasecmp(gw->w[k].p, wa, n) == 0) return true;
  return false;
}

/* Does gloss a share a word of three letters or more (case aside) with
 * the gloss of b that the gloss of except (or NULL) does not have? */
static bool S_overlap_listed(const char *a, const S_glosswords *b, const S_glosswords *except) {
  const char *p = a;
  while (*p) {
    size_t n = S_word_len(p);
    if (n >= 3 && S_glosswords_has(b, p, n) && !(except && S_glosswords_has(except, p, n))) return true;
    p += n;
    p = S_skip_seps(p);
  }
  return false;
}

/* Do two glosses share a word of three letters or more (case aside)?  (b
 * walked, not listed: asked once.) */
static bool S_words_overlap(const char *a, const char *b) {
  S_glosswords gb;
  gb.g = b;
  gb.n = SIZE_MAX;
  return S_overlap_listed(a, &gb, NULL);
}

/* A part's gloss: the first of its senses that shares a word with one of
 * the whole word's glosses (Kraft|werk "power plant": power, not force;
 * Haupt|hindernis "major obstacle": obstacle), else its first sense.  A
 * word the head's gloss already explains is no evidence for a first part
 * (Mehrfamilien|haus "apartment house": Familie is family, not "house").
 * (The whole's glosses and the head's gloss, when there is one, with their
 * words listed.) */
static const char *S_part_gloss(const dg_sense *ps, size_t np, const S_glosswords *whole, size_t nw,
                                const S_glosswords *head_gloss) {
  for (size_t i = 0; i < np; i++)
    for (size_t j = 0; j < nw && j < 8; j++)
      if (S_overlap_listed(ps[i].gloss, &whole[j], head_gloss)) return ps[i].gloss;
  return ps[0].gloss;
}

/* Glosses for a compound's parts; returns true when every stem got one. */
bool dg_gl_parts(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_part *pv, size_t np,
                 const dg_sense *whole, size_t nwhole, dg_gl_part_senses *ps) {
  t->parts = dg_mem_alloc(&d->arena, np * sizeof *t->parts);
  t->nparts = np;
  bool all = true;
  dg_buf seg;
  dg_buf_init(&seg);
  /* (the words of the whole's glosses, listed once for all parts) */
  size_t nw = nwhole < 8 ? nwhole : 8;
  S_glosswords ww[8], hw;
  for (size_t j = 0; j < nw; j++) S_glosswords_of(&ww[j], whole[j].gloss);
  /* The head first: the other parts' glosses must not repeat it. */
  const char *head_gloss = NULL;
  for (size_t k = np; k-- > 0;) {
    dg_dpart *p = &t->parts[k];
    p->form = dg_mem_strdup(&d->arena, pv[k].form);
    p->lemma = dg_mem_strdup(&d->arena, pv[k].lemma ? pv[k].lemma : pv[k].form);
    p->link = pv[k].kind == DG_PART_LINK;
    p->gloss = "";
    if (!p->link) {
      /* (a capitalised adjective, Naturnaher, keeps an adjective head) */
      bool head = k + 1 == np && k > 0 && dg_gl_is_upper_initial(t->form) &&
                  !(t->pos && dg_gl_pos_is(t, DG_UD_ADJ));
      size_t n;
      const dg_sense *sv = S_part_senses_of(e, d, ps, &pv[k], head, 8, &n);
      if (n) p->gloss = dg_mem_strdup(&d->arena, S_part_gloss(sv, n, ww, nw, head_gloss ? &hw : NULL));
      else {
        p->gloss = p->form;
        all = false;
      }
      if (!head_gloss) {
        head_gloss = p->gloss;
        if (nw) S_glosswords_of(&hw, head_gloss);
      }
    }
  }
  /* Two stems whose glosses written as one word are the whole word's
   * English (Netz|werk net + work "network", Haus|halt house + hold
   * "household"): those senses. */
  if (np == 2 && nwhole && !t->parts[0].link && !t->parts[1].link) {
    size_t nm, nh;
    const dg_sense *ms = S_part_senses_of(e, d, ps, &pv[0], false, 8, &nm);
    const dg_sense *hs = S_part_senses_of(e, d, ps, &pv[1], dg_gl_is_upper_initial(t->form), 8, &nh);
    size_t lm[8], lh[8], a, b;
    S_joinable(ms, nm, 2, lm);
    S_joinable(hs, nh, 3, lh);
    /* (the first whole gloss with such a word, and its first pair) */
    for (size_t i = 0; i < nwhole && i < 8; i++)
      if (S_joined_pair(whole[i].gloss, ms, lm, nm, hs, lh, nh, &a, &b)) {
        t->parts[0].gloss = dg_mem_strdup(&d->arena, ms[a].gloss);
        t->parts[1].gloss = dg_mem_strdup(&d->arena, hs[b].gloss);
        break;
      }
  }
  for (size_t k = 0; k < np; k++) {
    dg_dpart *p = &t->parts[k];
    if (k) dg_buf_putc(&seg, '-');
    dg_buf_puts(&seg, k ? p->form : p->form);
  }
  t->seg = dg_mem_strdup(&d->arena, seg.data ? seg.data : t->form);
  dg_buf_free(&seg);
  return all;
}

/* Is a word of four letters or more of a inside a word of b ("phone" in
 * "telephone"), or do they share their first six letters ("negotiation",
 * "negotiating")? */
static bool S_word_inside(const char *a, const char *b) {
  const char *p = a;
  while (*p) {
    size_t n = S_word_len(p);
    if (n >= 4 && n < 64) {
      char w[64];
      memcpy(w, p, n);
      w[n] = '\0';
      for (const char *q = b; *q; q++) {
        if (strncasecmp(q, w, n) == 0) return true;
        bool word_start = q == b || S_sep(q[-1]);
        if (n >= 6 && word_start && strncasecmp(q, w, 6) == 0) return true;
      }
    }
    p += n;
    p = S_skip_seps(p);
  }
  return false;
}

/* Do the parts' glosses make the word's gloss?  Every stem's gloss shares
 * a word with it (Bundes|regierung federal-government "federal
 * government"; not Mehr|familie|n|haus multi-family-house "apartment
 * house": its gloss line shows the whole word's gloss). */
bool dg_gl_parts_agree(const dg_dtoken *t) {
  if (!t->gloss || !*t->gloss) return true;
  for (size_t k = 0; k < t->nparts; k++) {
    if (t->parts[k].link) continue;
    if (!S_words_overlap(t->parts[k].gloss, t->gloss) && !S_word_inside(t->parts[k].gloss, t->gloss)) return false;
  }
  return true;
}

/* The parts' glosses joined: "armistice agreement". */
const char *dg_gl_parts_gloss(dg_doc *d, const dg_dtoken *t, const char *sep) {
  dg_buf b;
  dg_buf_init(&b);
  for (size_t k = 0; k < t->nparts; k++) {
    if (t->parts[k].link) continue;
    if (b.len) dg_buf_puts(&b, sep);
    dg_buf_puts(&b, t->parts[k].gloss);
  }
  const char *r = dg_mem_strdup(&d->arena, b.data ? b.data : "");
  dg_buf_free(&b);
  return r;
}

/* Adjectives made from a number: "30-tägig" -> "30-day". */
static const char *S_number_suffix(const char *piece) {
  static const struct {
    const char *de, *en;
  } suf[] = {{"tägig", "day"},        {"wöchig", "week"},      {"monatig", "month"},    {"jährig", "year"},
             {"stündig", "hour"},     {"minütig", "minute"},   {"sekündig", "second"},  {"fach", "fold"},
             {"prozentig", "percent"}, {"köpfig", "member"},   {"seitig", "page"},      {"teilig", "part"},
             {"stöckig", "storey"},   {"sprachig", "language"}, {"malig", "time"},      {"jahrig", "year"}};
  char *l = dg_gl_lower(piece);
  const char *r = NULL;
  for (size_t k = 0; k < DG_ARRAY_LEN(suf) && !r; k++)
    if (strncmp(l, suf[k].de, strlen(suf[k].de)) == 0) r = suf[k].en;
  free(l);
  return r;
}

/* A word made of hyphen-joined pieces ("US-Präsident", "30-tägigen",
 * "NATO-Mitgliedschaft"): gloss piece by piece, the last one inflected. */
/* Has the word an ASCII capital after a small letter (YouTube, WhatsApp,
 * iPhone, McDonald)?  A brand's or a name's spelling: not a German
 * compound.  (Not the capital I of "BürgerInnen", which spells both
 * genders of a German noun.) */
static bool S_inner_capital(const char *w) {
  for (size_t k = 1; w[k]; k++)
    if (w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a' && w[k - 1] <= 'z' && !(w[k] == 'I' && w[k + 1] == 'n'))
      return true;
  return false;
}

/* What S_hyphenated set besides the token's parts, gloss, lemma and part
 * of speech: whether every piece had a gloss, whether the last piece had
 * an analysis (then the features and labels were set) and whether it gave
 * a segmentation. */
typedef struct S_hyph_how {
  bool all, analysed, seg;
} S_hyph_how;

static bool S_hyphenated(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, S_hyph_how *how) {
  dg_dtoken *t = &c->s->tokens[i];
  const char *f = t->form;
  char *copy = dg_xstrdup(f), *save = NULL;
  dg_part pv[DG_GL_MAX_PARTS];
  size_t np = 0;
  unsigned off = 0;
  for (char *p = strtok_r(copy, "-", &save); p && np < DG_GL_MAX_PARTS; p = strtok_r(NULL, "-", &save)) {
    pv[np].form = p;
    pv[np].lemma = p;
    pv[np].kind = DG_PART_STEM;
    pv[np].start = off;
    pv[np].end = off + (unsigned)strlen(p);
    off = pv[np].end + 1;
    np++;
  }
  if (np < 2) {
    free(copy);
    return false;
  }
  /* Analyse the last piece for lemma and inflection. */
  dg_analysis an[8];
  size_t nan = dg_morph_analyze(e->morph, pv[np - 1].form, false, NULL, an, 8);
  const dg_analysis *a = NULL;
  for (size_t k = 0; k < nan && !a; k++)
    if (dg_gl_is_upper_initial(pv[np - 1].form) == (dg_gl_eq(an[k].pos, "NOUN") || dg_gl_eq(an[k].pos, "PROPN")))
      a = &an[k];
  if (!a && nan) a = &an[0];
  if (a) pv[np - 1].lemma = a->lemma;
  dg_sense sv[DG_GL_MAX_SENSES];
  /* Glossed pieces */
  dg_buf g;
  dg_buf_init(&g);
  t->parts = dg_mem_alloc(&d->arena, np * sizeof *t->parts);
  t->nparts = np;
  bool all = true;
  for (size_t k = 0; k < np; k++) {
    dg_dpart *p = &t->parts[k];
    p->form = dg_mem_strdup(&d->arena, pv[k].form);
    p->lemma = dg_mem_strdup(&d->arena, pv[k].lemma);
    p->link = false;
    const char *pg = NULL;
    if (dg_gl_digits(pv[k].form)) pg = pv[k].form;
    else if (k > 0 && dg_gl_digits(pv[k - 1].form) && (pg = S_number_suffix(pv[k].form)) != NULL) {
      /* "30-tägigen" -> 30-day */
    } else {
      size_t n = dg_gl_senses(e, pv[k].lemma, NULL, sv, 1);
      if (n == 0 && strcmp(pv[k].lemma, pv[k].form) != 0) n = dg_gl_senses(e, pv[k].form, NULL, sv, 1);
      if (n == 0 && k > 0) {
        /* Ding lists bound forms with a hyphen: "-tägig" "-day". */
        char bound[256];
        snprintf(bound, sizeof bound, "-%s", pv[k].lemma);
        n = dg_gl_senses(e, bound, NULL, sv, 1);
      }
      if (n == 0) {
        dg_part cp[DG_GL_MAX_PARTS];
        size_t ncp = dg_compound_split(e->morph, pv[k].lemma, cp, DG_GL_MAX_PARTS);
        if (ncp >= 2) {
          dg_buf cg;
          dg_buf_init(&cg);
          for (size_t q = 0; q < ncp; q++) {
            if (cp[q].kind == DG_PART_LINK) continue;
            dg_sense s1;
            if (dg_gl_senses(e, cp[q].lemma ? cp[q].lemma : cp[q].form, NULL, &s1, 1)) {
              if (cg.len) dg_buf_putc(&cg, ' ');
              dg_buf_puts(&cg, s1.gloss);
            } else {
              all = false;
            }
          }
          if (cg.len) pg = dg_mem_strdup(&d->arena, cg.data);
          dg_buf_free(&cg);
        }
      } else {
        pg = dg_mem_strdup(&d->arena, sv[0].gloss);
      }
      /* acronyms and names written with a capital inside pass through:
       * NATO, US, YouTube (not "tube"), WhatsApp, iPhone */
      if (dg_gl_all_upper(pv[k].form) || S_inner_capital(pv[k].form)) pg = pv[k].form;
    }
    if (!pg) {
      pg = pv[k].form;
      all = false;
    }
    /* A gloss that only changes the case keeps the written form: the
     * pieces of a name (Berners-Lee, not Berners-lee). */
    if (strcasecmp(pg, pv[k].form) == 0) pg = pv[k].form;
    p->gloss = dg_mem_strdup(&d->arena, pg);
    if (k) dg_buf_putc(&g, '-');
    /* "30-tägig" -> "30-day": Ding writes the suffix glosses with a hyphen. */
    dg_buf_puts(&g, pg[0] == '-' && k ? pg + 1 : pg);
  }
  dg_gl_set_single(d, t, g.data);
  dg_buf_free(&g);
  t->source = "parts";
  if (!all) t->reason = "some parts unknown";
  *how = (S_hyph_how){all, a != NULL, false};
  if (a) {
    const dg_dtoken *last = t;
    (void)last;
    t->lemma = dg_mem_strndup(&d->arena, f, (size_t)(strrchr(f, '-') - f) + 1);
    /* lemma: pieces before the last as written, then the last lemma */
    dg_buf lb;
    dg_buf_init(&lb);
    dg_buf_puts(&lb, t->lemma);
    dg_buf_puts(&lb, a->lemma);
    t->lemma = dg_mem_strdup(&d->arena, lb.data);
    dg_buf_free(&lb);
    dg_gl_set_pos(t, dg_mem_strdup(&d->arena, a->pos));
    t->feats = dg_mem_strdup(&d->arena, a->feats ? a->feats : "");
    c->w[i].leipzig = a->leipzig ? dg_mem_strdup(&d->arena, a->leipzig) : "";
    const char *segl = dg_gl_segment(d, pv[np - 1].form, a->lemma, a->pos);
    if (segl) {
      dg_buf sb;
      dg_buf_init(&sb);
      dg_buf_put(&sb, f, (size_t)(strrchr(f, '-') - f) + 1);
      dg_buf_puts(&sb, segl);
      t->seg = dg_mem_strdup(&d->arena, sb.data);
      dg_buf_free(&sb);
      how->seg = true;
    }
  } else {
    t->lemma = dg_mem_strdup(&d->arena, f);
    dg_gl_set_pos(t, dg_gl_is_upper_initial(pv[np - 1].form) ? "NOUN" : "ADJ");
  }
  free(copy); /* pv[].form pointed into it */
  return true;
}

/* What S_hyphenated made of a form, kept in the memo (kind 'y', keyed by
 * the form: a function of it and the session's data): whether it is read
 * piece by piece, how (S_hyph_how), the number of pieces, the offsets of
 * the strings it set (each piece's form, lemma and gloss; the token's
 * gloss, lemma, part of speech, features, labels and segmentation), then
 * the strings. */
typedef struct S_hyph {
  bool ok, leipzig; /* (leipzig: the last piece's analysis had labels) */
  S_hyph_how how;
  unsigned char np;
  unsigned gloss, lemma, pos, feats, labels, seg;
  unsigned part[DG_GL_MAX_PARTS][3];
  char s[];
} S_hyph;

/* Copy string x (when str is not NULL) to str + *at, its offset into
 * *off; *at moves past it. */
static void S_hyph_str(char *str, size_t *at, unsigned *off, const char *x) {
  size_t L = strlen(x) + 1;
  if (str) memcpy(str + *at, x, L);
  *off = (unsigned)*at;
  *at += L;
}

/* Keep what S_hyphenated made of t (ok: anything) under its form. */
static void S_hyph_keep(dg_engine *e, const dg_dtoken *t, const dg_gl_word *w, bool ok, const S_hyph_how *how) {
  S_hyph h;
  memset(&h, 0, sizeof h);
  h.ok = ok;
  if (ok) {
    h.how = *how;
    h.np = (unsigned char)t->nparts;
    h.leipzig = how->analysed && *w->leipzig != '\0';
  }
  /* (the strings measured, then copied after the header: on the stack
   * when they fit, as most do, for the memo to copy) */
  _Alignas(max_align_t) char room[1024];
  char *v = NULL;
  size_t size = 0;
  for (int pass = 0; pass < 2; pass++) {
    char *str = v ? v + sizeof h : NULL;
    size_t at = 0;
    for (size_t k = 0; ok && k < t->nparts; k++) {
      S_hyph_str(str, &at, &h.part[k][0], t->parts[k].form);
      S_hyph_str(str, &at, &h.part[k][1], t->parts[k].lemma);
      S_hyph_str(str, &at, &h.part[k][2], t->parts[k].gloss);
    }
    if (ok) {
      S_hyph_str(str, &at, &h.gloss, t->gloss);
      S_hyph_str(str, &at, &h.lemma, t->lemma);
      S_hyph_str(str, &at, &h.pos, t->pos);
    }
    if (ok && how->analysed) {
      S_hyph_str(str, &at, &h.feats, t->feats);
      S_hyph_str(str, &at, &h.labels, w->leipzig);
    }
    if (ok && how->seg) S_hyph_str(str, &at, &h.seg, t->seg);
    size = sizeof h + at;
    if (!v) v = size <= sizeof room ? room : dg_xmalloc(size);
  }
  memcpy(v, &h, sizeof h);
  dg_gl_memo_keep(e, 'y', t->form, v, size, 0, NULL);
  if (v != room) free(v);
}

/* Token t (word w) set from the value v kept of its form, in the order
 * S_hyphenated sets it. */
static void S_hyph_copy(dg_doc *d, dg_dtoken *t, dg_gl_word *w, const S_hyph *v) {
  t->parts = dg_mem_alloc(&d->arena, v->np * sizeof *t->parts);
  t->nparts = v->np;
  for (size_t k = 0; k < v->np; k++) {
    dg_dpart *p = &t->parts[k];
    p->form = dg_mem_strdup(&d->arena, v->s + v->part[k][0]);
    p->lemma = dg_mem_strdup(&d->arena, v->s + v->part[k][1]);
    p->link = false;
    p->gloss = dg_mem_strdup(&d->arena, v->s + v->part[k][2]);
  }
  dg_gl_set_single(d, t, v->s + v->gloss);
  t->source = "parts";
  if (!v->how.all) t->reason = "some parts unknown";
  t->lemma = dg_mem_strdup(&d->arena, v->s + v->lemma);
  dg_gl_set_pos(t, dg_mem_strdup(&d->arena, v->s + v->pos));
  if (v->how.analysed) {
    t->feats = dg_mem_strdup(&d->arena, v->s + v->feats);
    w->leipzig = v->leipzig ? dg_mem_strdup(&d->arena, v->s + v->labels) : "";
  }
  if (v->how.seg) t->seg = dg_mem_strdup(&d->arena, v->s + v->seg);
}

bool dg_gl_hyphenated(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  const char *f = t->form;
  if (!strchr(f, '-') || f[0] == '-' || f[strlen(f) - 1] == '-') return false;
  /* (the pieces' glosses follow from the form alone: a repeat copies
   * them) */
  const S_hyph *v = dg_gl_memo_find(e, 'y', f);
  if (!v) {
    S_hyph_how how;
    bool ok = S_hyphenated(e, d, c, i, &how);
    if (dg_gl_memo_room(e)) S_hyph_keep(e, t, &c->w[i], ok, &how);
    return ok;
  }
  if (v->ok) S_hyph_copy(d, t, &c->w[i], v);
  return v->ok;
}

/* Is a + b (single words) a word of the gloss g ("tea" + "spoon" in
 * "teaspoon")? */
/* The parts' glosses that can be written as one word (one word each, of
 * two and three letters at least), each measured once for the searches
 * of S_joined_word over every pair: lengths, 0 for those that cannot. */
static void S_joinable(const dg_sense *sv, size_t n, size_t min, size_t *len) {
  for (size_t k = 0; k < n; k++) {
    size_t L = strlen(sv[k].gloss);
    len[k] = L >= min && S_word_len(sv[k].gloss) == L ? L : 0;
  }
}

/* Is a gloss of ms followed by one of hs (measured by S_joinable) a word
 * of the gloss g (written as one, case aside)?  The first such pair in the
 * order of ms, then hs (*pa, *pb): g's words are walked once, each word
 * matched against the glosses that could begin it. */
static bool S_joined_pair(const char *g, const dg_sense *ms, const size_t *lm, size_t nm, const dg_sense *hs,
                          const size_t *lh, size_t nh, size_t *pa, size_t *pb) {
  size_t best_a = SIZE_MAX, best_b = SIZE_MAX;
  for (const char *q = S_skip_seps(g); *q;) {
    size_t m = S_word_len(q);
    for (size_t a = 0; a < nm && a <= best_a; a++) {
      size_t la = lm[a];
      if (!la || la >= m || tolower((unsigned char)q[0]) != tolower((unsigned char)ms[a].gloss[0]) ||
          strncasecmp(q, ms[a].gloss, la) != 0)
        continue;
      for (size_t b = 0; b < nh && (a < best_a || b < best_b); b++)
        if (lh[b] == m - la && strncasecmp(q + la, hs[b].gloss, lh[b]) == 0) {
          best_a = a;
          best_b = b;
          break;
        }
    }
    q += m;
    q = S_skip_seps(q);
  }
  *pa = best_a;
  *pb = best_b;
  return best_a != SIZE_MAX;
}

/* Does the compound's head share a word with one of the whole's glosses? */
bool dg_gl_head_explains(dg_engine *e, dg_doc *d, const dg_sense *sv, size_t ns, const dg_part *pv, size_t np,
                         bool noun, dg_gl_part_senses *ps) {
  const dg_part *head = NULL;
  for (size_t k = np; k-- > 0;)
    if (pv[k].kind == DG_PART_STEM) {
      head = &pv[k];
      break;
    }
  if (!head) return false;
  size_t nh;
  const dg_sense *hs = S_part_senses_of(e, d, ps, head, noun && head != pv, 6, &nh);
  for (size_t i = 0; i < ns && i < 8; i++) {
    S_glosswords gw; /* (sv[i]'s words, listed once for the head's senses) */
    if (nh) S_glosswords_of(&gw, sv[i].gloss);
    for (size_t j = 0; j < nh; j++)
      if (S_overlap_listed(hs[j].gloss, &gw, NULL)) return true;
  }
  /* ... or the English word is the parts' glosses written as one word,
   * as English writes its own compounds (Tee|löffel "teaspoon", Wasser|
   * melone "watermelon", Kilo|meter; not Tran|sport "transport"). */
  if (np == 2 && pv[0].kind == DG_PART_STEM) {
    size_t nm;
    const dg_sense *ms = S_part_senses_of(e, d, ps, &pv[0], false, 6, &nm);
    size_t lm[6], lh[6], a, b;
    S_joinable(ms, nm, 2, lm);
    S_joinable(hs, nh, 3, lh);
    for (size_t i = 0; i < ns && i < 8; i++)
      if (S_joined_pair(sv[i].gloss, ms, lm, nm, hs, lh, nh, &a, &b)) return true;
  }
  return false;
}

/* Does a split start with a prefix that is also a preposition or particle
 * (word class derivation-prefix: "Auf|teilung")?  Such words are
 * derivations, not compounds. */
bool dg_gl_particle_first(const dg_gl_ctx *c, const dg_part *pv) {
  char *l = dg_gl_lower(pv[0].form);
  bool r = dg_lexicon_is(c->lex, l, DG_WC_DERIVATION_PREFIX);
  free(l);
  return r;
}

/* Longest known parts for the reader: two neighbouring stems (no link
 * between) that the dictionary knows as one word are shown and glossed as
 * one part, from the head back (Riese|n|schild|kröte -> Riese|n|schildkröte
 * "giant-LNK-turtle"), as long as two stems remain.  The morphology's own
 * split is finer where its tables lack the compound. */
/* Merge stems k-1 and k when the dictionary knows them as one word. */
static bool S_merge_pair(dg_engine *e, dg_doc *d, const char *word, dg_part *p, size_t *np, size_t k,
                         dg_buf *w, dg_buf *low) {
  if (k == 0 || k >= *np || p[k].kind != DG_PART_STEM || p[k - 1].kind != DG_PART_STEM) return false;
  const char *hl = p[k].lemma ? p[k].lemma : p[k].form;
  dg_buf_clear(low);
  dg_buf_put(low, word + p[k - 1].start, p[k - 1].end - p[k - 1].start);
  char *hlow = dg_gl_lower(hl);
  dg_buf_puts(low, hlow);
  free(hlow);
  char *lw = dg_gl_lower(low->data);
  dg_buf_clear(w);
  dg_utf8_capitalize(w, lw, strlen(lw));
  free(lw);
  if (!dg_lexicon_contains(e->lex, w->data)) return false;
  p[k - 1].form = dg_mem_strndup(&d->arena, word + p[k - 1].start, p[k].end - p[k - 1].start);
  p[k - 1].lemma = dg_mem_strdup(&d->arena, w->data);
  p[k - 1].end = p[k].end;
  memmove(&p[k], &p[k + 1], (*np - k - 1) * sizeof *p);
  (*np)--;
  return true;
}

static size_t S_stems(const dg_part *p, size_t np) {
  size_t stems = 0;
  for (size_t q = 0; q < np; q++) stems += p[q].kind == DG_PART_STEM;
  return stems;
}

size_t dg_gl_merge_known(dg_engine *e, dg_doc *d, const char *word, dg_part *p, size_t np) {
  if (S_stems(p, np) < 3) return np; /* (most splits: nothing to merge) */
  dg_buf w, low;
  dg_buf_init(&w);
  dg_buf_init(&low);
  /* The modifier first: a known word at the front is the modifier of the
   * last stem, the head (Bauch|tanz|gruppe -> Bauchtanz|gruppe, Warm|
   * wasser|verbrauch -> Warmwasser|verbrauch): the first boundary is the
   * head boundary. */
  if (S_stems(p, np) == 3 && np == 3) S_merge_pair(e, d, word, p, &np, 1, &w, &low);
  for (size_t k = np; k-- > 1;) {
    if (S_stems(p, np) < 3) break;
    S_merge_pair(e, d, word, p, &np, k, &w, &low);
  }
  dg_buf_free(&w);
  dg_buf_free(&low);
  return np;
}

/* The head part's citation form when the dictionary lacks the lemma the
 * morphology gave it (a hunspell word in an inflected form): Antagonisten
 * is Antagonist, Kliffs Kliff, Babies Baby (the English plural of a
 * loan). */
void dg_gl_head_citation(dg_engine *e, dg_doc *d, dg_part *pv, size_t np) {
  if (np < 2 || pv[np - 1].kind != DG_PART_STEM) return;
  const char *lemma = pv[np - 1].lemma ? pv[np - 1].lemma : pv[np - 1].form;
  if (!dg_gl_is_upper_initial(lemma)) return;
  dg_sense sv[1];
  if (dg_lexicon_senses(e->lex, lemma, NULL, sv, 1)) return;
  static const struct { const char *end, *repl; } suf[] = {
      {"ies", "y"}, {"en", ""}, {"n", ""}, {"s", ""}, {"es", ""}, {"e", ""}};
  size_t n = strlen(lemma);
  for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
    size_t l = strlen(suf[i].end);
    if (n < l + 4 || strcmp(lemma + n - l, suf[i].end) != 0) continue;
    dg_buf b;
    dg_buf_init(&b);
    dg_buf_put(&b, lemma, n - l);
    dg_buf_puts(&b, suf[i].repl);
    bool ok = dg_lexicon_senses(e->lex, b.data, "NOUN", sv, 1) && sv[0].pos && dg_gl_eq(sv[0].pos, "NOUN");
    if (ok) pv[np - 1].lemma = dg_mem_strdup(&d->arena, b.data);
    dg_buf_free(&b);
    if (ok) return;
  }
}

