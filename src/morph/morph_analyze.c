/* dg_morph_analyze: lemma candidates with part of speech and features.
 *
 * Sources, best first: the compiled paradigm tables (full forms of nouns,
 * adjectives, verbs; closed-class words), then rules on top of them
 * (old spelling ß -> ss, hyphenated words and compounds analysed by their
 * head, separable particle + verb, comparative and superlative, participles
 * used as adjectives), then hunspell's stems, then a guess from the shape.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "morph_internal.h"
#include "morph_text.h"

#define S_MAXC 48

typedef struct {
  const char *lemma, *feats, *leipzig, *particle;
  int pos;
  float score;
} S_cand;

typedef struct {
  dg_morph *m;
  const char *word;       /* the word as given */
  size_t n;
  bool cap;               /* first letter upper case */
  bool allcaps;
  bool initial;           /* sentence-initial */
  S_cand c[S_MAXC];
  size_t nc;
  dg_buf lemma;
  dg_buf low;             /* the word in lower case */
  dg_buf tmp;             /* the rules' spellings of the word */
  bool pooled;            /* the three are the handle's (S_work_take) */
} S_ctx;

/* The work buffers of a new word's analysis: the handle's at this depth
 * of the recursion, kept from word to word (most words need no malloc
 * for them), or buffers of their own deeper down. */
static void S_work_take(S_ctx *x) {
  dg_morph *m = x->m;
  x->pooled = m->an_depth < DG_MORPH_WORK_DEPTH;
  if (x->pooled) {
    dg_buf *w = m->an_work[m->an_depth];
    x->lemma = w[0];
    x->low = w[1];
    x->tmp = w[2];
    dg_buf_clear(&x->lemma);
    dg_buf_clear(&x->low);
    dg_buf_clear(&x->tmp);
  } else {
    dg_buf_init(&x->lemma);
    dg_buf_init(&x->low);
    dg_buf_init(&x->tmp);
  }
  m->an_depth++;
}

static void S_work_give(S_ctx *x) {
  dg_morph *m = x->m;
  m->an_depth--;
  if (x->pooled) {
    dg_buf *w = m->an_work[m->an_depth];
    w[0] = x->lemma;
    w[1] = x->low;
    w[2] = x->tmp;
  } else {
    dg_buf_free(&x->lemma);
    dg_buf_free(&x->low);
    dg_buf_free(&x->tmp);
  }
}

static const char *S_intern(S_ctx *x, const char *s, size_t n) {
  return dg_morph_intern(x->m, s, n);
}

/* Add a reading whose strings are interned (equal strings, equal
 * pointers); an equal reading keeps the better score. */
static void S_add_i(S_ctx *x, const char *lemma, int pos, const char *feats, const char *leipzig,
                    const char *particle, float score) {
  for (size_t i = 0; i < x->nc; i++) {
    S_cand *c = &x->c[i];
    if (c->pos == pos && c->lemma == lemma && c->feats == feats && c->leipzig == leipzig) {
      if (score > c->score) c->score = score;
      return;
    }
  }
  if (x->nc == S_MAXC) {
    /* Replace the worst when full. */
    size_t w = 0;
    for (size_t i = 1; i < x->nc; i++)
      if (x->c[i].score < x->c[w].score) w = i;
    if (x->c[w].score >= score) return;
    x->nc--;
    x->c[w] = x->c[x->nc];
  }
  S_cand *c = &x->c[x->nc++];
  c->lemma = lemma;
  c->feats = feats;
  c->leipzig = leipzig;
  c->particle = particle;
  c->pos = pos;
  c->score = score;
}

static void S_add(S_ctx *x, const char *lemma, int pos, const char *feats, const char *leipzig,
                  const char *particle, float score) {
  if (!feats) feats = "";       /* an empty dg_buf has no storage yet */
  if (!leipzig) leipzig = "";
  S_add_i(x, S_intern(x, lemma, strlen(lemma)), pos, S_intern(x, feats, strlen(feats)),
          S_intern(x, leipzig, strlen(leipzig)), particle ? S_intern(x, particle, strlen(particle)) : NULL,
          score);
}

static float S_freq(unsigned rank) {
  if (rank == 0) return 0.0f;
  float f = 2.2f - (float)log10((double)rank) * 0.45f;
  return f > 0 ? f : 0.0f;
}

/* Auxiliaries and modals (word classes aux, modal). */
static bool S_is_aux(const dg_morph *m, const char *lemma) {
  return dg_morph_is(m, lemma, strlen(lemma), DG_WC_AUX | DG_WC_MODAL);
}

static float S_verb_cell_weight(int cell) {
  switch (cell) {
  case DG_VC_INF: return 0.45f;
  case DG_VC_ZUINF: return 0.5f;
  case DG_VC_PTCP2: return 0.4f;
  case DG_VC_PTCP1: return 0.1f;
  case DG_VC_IMP_SG: case DG_VC_IMP_PL: return -0.6f;
  default: break;
  }
  int tm = (cell - DG_VC_PRS) / 6, pn = (cell - DG_VC_PRS) % 6;
  static const float tmw[4] = {0.3f, 0.3f, 0.05f, 0.0f};
  static const float pnw[6] = {0.1f, -0.1f, 0.3f, 0.05f, -0.2f, 0.25f};
  return tmw[tm] + pnw[pn];
}

/* Case agreement: capitalised words are nouns and names (unless they open a
 * sentence or are all capitals); lower-case words are not. */
static float S_case_fit(const S_ctx *x, int pos) {
  bool nounish = pos == DG_POS_NOUN || pos == DG_POS_PROPN;
  if (x->allcaps) return 0.0f;
  if (nounish) return x->cap ? (x->initial ? 0.0f : 0.5f) : -4.0f;
  if (x->cap && !x->initial) return -4.0f;
  return 0.0f;
}

/* Build the lemma of a head analysis: prefix + head lemma (lower-cased
 * first letter when the prefix ends in a letter, as in compounds);
 * interned. */
static const char *S_join_lemma(S_ctx *x, const char *prefix, size_t plen, const char *lemma) {
  if (!plen) return S_intern(x, lemma, strlen(lemma));
  dg_buf_clear(&x->lemma);
  dg_buf_put(&x->lemma, prefix, plen);
  if (prefix[plen - 1] == '-') dg_buf_puts(&x->lemma, lemma);
  else {
    int32_t c;
    size_t l = dg_utf8_next(lemma, strlen(lemma), &c);
    dg_utf8_lower(&x->lemma, lemma, l);
    dg_buf_puts(&x->lemma, lemma + l);
  }
  return S_intern(x, x->lemma.data, x->lemma.len);
}

/* All readings of table key `k`; the lemma gets `prefix` (compound and
 * hyphen heads).  Returns the number added. */
static size_t S_from_key(S_ctx *x, const dg_morph_key *k, const char *prefix, size_t plen,
                         float base) {
  dg_morph *m = x->m;
  size_t added = 0;
  bool has_verb = false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (!(a->flags & DG_AF_CLOSED) && m->data.lemmas[a->lemma].pos == DG_POS_VERB) has_verb = true;
  }
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    const char *ls = m->data.str + l->str;
    if (plen && (a->flags & DG_AF_CLOSED)) continue;
    /* Nouns only Ding lists are parts for the compound splitter; readings
     * only of capitalised words of ten letters or more that are no place
     * names (Mitschreiber): Ding's nouns include names (Panama) and
     * homographs of verb forms (Schoss). */
    if ((l->flags & DG_LF_DING) && !((l->flags & DG_LF_DING_READ) && x->cap && !plen)) continue;
    const char *lemma = S_join_lemma(x, prefix, plen, ls);
    float f = S_freq(l->rank);
    /* Readings from hunspell's word list and nominalised infinitives
     * (das Tagen) yield to the paradigm data's (Tag). */
    if (l->flags & DG_LF_HUNSPELL) f -= 0.3f;
    if (l->flags & DG_LF_NOMINF) f -= 1.0f;
    /* An abbreviation (IM, AG) is no reading of a word in small letters (Im). */
    if (ls[0] >= 'A' && ls[0] <= 'Z' && ls[1] >= 'A' && ls[1] <= 'Z' && !x->allcaps) f -= 2.0f;
    if (a->flags & DG_AF_CLOSED) {
      static const float closed_w[DG_POS_COUNT] = {
          [DG_POS_DET] = 0.6f, [DG_POS_ADP] = 0.6f, [DG_POS_CCONJ] = 0.5f,
          [DG_POS_SCONJ] = 0.45f, [DG_POS_PRON] = 0.4f, [DG_POS_PART] = 0.3f};
      /* Closed-class words come before open-class homographs (einen is
       * the article before the verb einen); nominative readings first. */
      const char *fs = m->data.str + a->feats;
      float cf = a->pos == DG_POS_ADV ? f : 3.0f + closed_w[a->pos];
      if (strstr(fs, "Case=Nom") || strstr(fs, "Case=Acc,Nom")) cf += 0.05f;
      const char *lz = m->data.str + a->leipzig;
      S_add_i(x, lemma, a->pos, S_intern(x, fs, strlen(fs)), S_intern(x, lz, strlen(lz)), NULL,
              base + cf + S_case_fit(x, a->pos));
      added++;
      continue;
    }
    if (l->pos == DG_POS_NOUN || l->pos == DG_POS_PROPN) {
      uint64_t sg = a->cells & 0x55, pl = a->cells & 0xAA;
      float fit = plen ? (x->cap ? 0.5f : -4.0f) : S_case_fit(x, l->pos);
      /* A form that fills more cells of a paradigm is likelier its form
       * (Truppen: Truppe PL before Trupp DAT.PL). */
      float cover = 0.08f * (float)__builtin_popcountll(a->cells & 0xFF);
      /* ... and of its readings, the one with more cells (Worte: PL before
       * the old dative singular). */
      const char *fs, *lz;
      if (sg) {
        dg_feats_noun(m, sg, l->gender, &fs, &lz);
        S_add_i(x, lemma, l->pos, fs, lz, NULL,
              base + f + fit + cover + 0.05f * (float)__builtin_popcountll(sg) +
                  ((sg & 1) ? 0.15f : 0.0f));
      }
      if (pl) {
        dg_feats_noun(m, pl, l->gender, &fs, &lz);
        S_add_i(x, lemma, l->pos, fs, lz, NULL,
              base + f + fit + cover + 0.05f * (float)__builtin_popcountll(pl));
      }
      added++;
    } else if (l->pos == DG_POS_ADJ) {
      const char *fs, *lz;
      dg_feats_adj(m, a->cells, &fs, &lz);
      /* Participles listed as adjectives: the verb reading comes first. */
      float pen = 0.0f;
      if (has_verb && dg_morph_is_participle(m, ls))
        pen = a->cells == (1ULL << DG_CELL_ADJ_PRED) ? -0.6f : -0.4f;
      else if (has_verb && a->cells != (1ULL << DG_CELL_ADJ_PRED))
        pen = 0.3f; /* tolle, klaren: the adjective, not tollen, klaren */
      S_add_i(x, lemma, DG_POS_ADJ, fs, lz, NULL,
              base + f + pen + (plen ? 0.0f : S_case_fit(x, DG_POS_ADJ)));
      added++;
    } else if (l->pos == DG_POS_VERB) {
      if (plen && x->cap) continue; /* a capitalised compound is no verb */
      int pos = S_is_aux(m, ls) ? DG_POS_AUX : DG_POS_VERB;
      const char *part = NULL;
      if (l->particle && l->particle < 64) part = S_intern(x, ls, l->particle);
      for (int c = 0; c < DG_VC_COUNT; c++) {
        if (!(a->cells & (1ULL << c))) continue;
        const char *fs, *lz;
        dg_feats_verb(m, c, &fs, &lz);
        /* A finite form with its particle attached stands at the end of a
         * clause, never at the start of a sentence (Eintritt). */
        float pen = (part && x->initial && c >= DG_VC_PRS) ? -1.0f : 0.0f;
        S_add_i(x, lemma, pos, fs, lz, part,
                base + f + pen + S_verb_cell_weight(c) + (plen ? -2.0f : S_case_fit(x, pos)));
      }
      added++;
    }
  }
  return added;
}

/* Try the table for word[0..n); returns readings added. */
static size_t S_table(S_ctx *x, const char *w, size_t n, const char *prefix, size_t plen,
                      float base) {
  const dg_morph_key *k = dg_morph_lookup(x->m, w, n);
  if (!k || !k->count) return 0;
  return S_from_key(x, k, prefix, plen, base);
}

/* Old spelling: ß after a short vowel is ss today (daß, muß, Schluß). */
static size_t S_eszett(S_ctx *x) {
  if (!strstr(x->word, "ß")) {
    /* ... and the tables have some old spellings (mußte): musste -> ß. */
    const char *p = x->word;
    size_t r = 0;
    dg_buf *b = &x->tmp;
    while (!r && (p = strstr(p, "ss")) != NULL) {
      dg_buf_clear(b);
      dg_buf_put(b, x->word, (size_t)(p - x->word));
      dg_buf_puts(b, "ß");
      dg_buf_puts(b, p + 2);
      r = S_table(x, b->data, b->len, NULL, 0, 9.8f);
      p += 2;
    }
    /* The lemma is spelled the modern way too (müßen does not exist, but
     * a lemma with ß after a short vowel gets ss back). */
    return r;
  }
  dg_buf *b = &x->tmp;
  dg_buf_clear(b);
  for (size_t i = 0; i < x->n; i++) {
    if (i + 1 < x->n && (unsigned char)x->word[i] == 0xC3 && (unsigned char)x->word[i + 1] == 0x9F) {
      dg_buf_puts(b, "ss");
      i++;
    } else {
      dg_buf_putc(b, x->word[i]);
    }
  }
  return S_table(x, b->data, b->len, NULL, 0, 9.5f);
}

/* Hyphenated words: the lemma keeps everything before the last hyphen. */
static size_t S_hyphen(S_ctx *x) {
  const char *h = NULL;
  for (size_t i = 0; i + 1 < x->n; i++)
    if (x->word[i] == '-') h = x->word + i;
  if (!h || h == x->word) return 0;
  size_t plen = (size_t)(h - x->word) + 1;
  const char *head = h + 1;
  size_t hn = x->n - plen;
  size_t r = S_table(x, head, hn, x->word, plen, 9.0f);
  if (!r && hn > 0) {
    /* The head is a compound or unknown: analyse it on its own (it has
     * fewer hyphens, so this ends) and put the rest in front. */
    dg_analysis a[4];
    dg_buf_clear(&x->tmp);
    dg_buf_put(&x->tmp, head, hn);
    size_t na = dg_morph_analyze(x->m, x->tmp.data, false, NULL, a, 4);
    for (size_t i = 0; i < na; i++) {
      const char *lemma = S_join_lemma(x, x->word, plen, a[i].lemma);
      S_add(x, lemma, dg_pos_code(a[i].pos), a[i].feats, a[i].leipzig, a[i].particle,
            a[i].score - 1.0f);
      r++;
    }
  }
  return r;
}

/* Compounds: analyse the head, the lemma is modifier + head lemma. */
static size_t S_compound(S_ctx *x) {
  dg_part parts[DG_COMPOUND_MAX_PARTS];
  size_t np = dg_compound_split(x->m, x->word, parts, DG_COMPOUND_MAX_PARTS);
  if (np < 2) return 0;
  const dg_part *head = &parts[np - 1];
  if (head->kind != DG_PART_STEM || head->start == 0) return 0;
  size_t before = x->nc;
  size_t found = S_table(x, x->word + head->start, head->end - head->start, x->word, head->start, 8.5f);
  /* After compass points a head that may be a place is that place, its
   * other readings none (West|polen: Poland, not the plural of Pole; the
   * splitter gave the head the place's lemma, compound_whole.c). */
  if (found && x->low.len == x->n && dg_morph_compass_first(x->m, x->low.data, parts, np)) {
    const char *place = dg_morph_place_lemma(x->m, x->low.data + head->start, head->end - head->start);
    const char *lemma = place ? S_join_lemma(x, x->word, head->start, place) : NULL;
    for (size_t i = x->nc; lemma && i-- > before;)
      if (x->c[i].lemma != lemma) x->c[i] = x->c[--x->nc];
  }
  if (found || !x->cap) return found;
  /* A head the tables lack but can analyse itself as a compound
   * (Riesen|schildkröten: Schildkröten = Schild|kröten, plural of
   * Schildkröte): its noun readings, the lemma with the first parts. */
  dg_buf *h = &x->tmp;
  dg_buf_clear(h);
  dg_utf8_capitalize(h, x->word + head->start, head->end - head->start);
  dg_analysis ha[DG_MORPH_MAX_ANALYSES];
  size_t nh = dg_morph_analyze(x->m, h->data, false, NULL, ha, DG_MORPH_MAX_ANALYSES);
  for (size_t i = 0; i < nh; i++) {
    if (strcmp(ha[i].pos, "NOUN") != 0 || ha[i].score < 8.0f) continue;
    dg_buf *lemma = &x->tmp;
    dg_buf_clear(lemma);
    dg_buf_put(lemma, x->word, head->start);
    dg_utf8_lower(lemma, ha[i].lemma, strlen(ha[i].lemma));
    S_add(x, lemma->data, DG_POS_NOUN, ha[i].feats, ha[i].leipzig, NULL, ha[i].score - 0.5f);
    found++;
  }
  return found;
}

/* Separable particle + verb form: aufgäbe, anzukündigen, angenähert. */
static size_t S_particle_verb(S_ctx *x) {
  dg_morph *m = x->m;
  size_t added = 0;
  const dg_buf low = x->low;
  unsigned char b0 = (unsigned char)low.data[0];
  for (uint32_t t = m->particle_at[b0]; t < m->particle_at[b0 + 1] && !added; t++) {
    const char *p = m->particles[m->particle_ix[t]];
    size_t pl = m->particle_len[m->particle_ix[t]];
    if (low.len < pl + 3 || strncmp(low.data, p, pl) != 0) continue;
    const char *rest = low.data + pl;
    size_t rn = low.len - pl;
    bool zu = false;
    const dg_morph_key *k = dg_morph_data_find(&m->data, rest, rn);
    /* (the infinitive particle "zu" between particle and verb: an|zu|kündigen) */
    if ((!k || !k->count) && rn > 5 && strncmp(rest, "zu", 2) == 0) {
      k = dg_morph_data_find(&m->data, rest + 2, rn - 2);
      zu = true;
    }
    if (!k || !k->count) continue;
    for (uint32_t j = 0; j < k->count; j++) {
      const dg_morph_anal *a = &m->data.anal[k->first + j];
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      if ((a->flags & DG_AF_CLOSED) || l->pos != DG_POS_VERB || l->particle) continue;
      const char *ls = m->data.str + l->str;
      dg_buf_clear(&x->lemma);
      dg_buf_puts(&x->lemma, p);
      dg_buf_puts(&x->lemma, ls);
      const char *lemma = dg_morph_intern(m, x->lemma.data, x->lemma.len);
      for (int c = 0; c < DG_VC_COUNT; c++) {
        if (!(a->cells & (1ULL << c))) continue;
        if (zu && c != DG_VC_INF) continue;
        /* Finite forms keep the particle apart in main clauses; joined
         * they occur in subordinate clauses, as do infinitives. */
        int cell = zu ? DG_VC_ZUINF : c;
        const char *fs, *lz;
        dg_feats_verb(m, cell, &fs, &lz);
        S_add(x, lemma, S_is_aux(m, ls) ? DG_POS_AUX : DG_POS_VERB, fs, lz, p, 8.0f + S_freq(l->rank) + S_verb_cell_weight(cell) +
                                      S_case_fit(x, DG_POS_VERB));
        added++;
      }
    }
  }
  return added;
}

/* Adjective endings, longest first (with their lengths). */
typedef struct {
  const char *s;
  size_t n;
} S_end;
#define S_END(x) {x, sizeof x - 1}
static const S_end S_adj_end[] = {S_END("em"), S_END("en"), S_END("er"), S_END("es"), S_END("e"), S_END(""), {NULL, 0}};

/* Does s (n bytes) end in the short ending e (el bytes)?  (byte by byte:
 * a call to memcmp costs more than these few bytes) */
static inline bool S_ends_in(const char *s, size_t n, const char *e, size_t el) {
  if (n < el) return false;
  for (size_t i = 0; i < el; i++)
    if (s[n - el + i] != e[i]) return false;
  return true;
}

static void S_unumlaut(dg_buf *b) {
  /* Replace the last ä/ö/ü (C3 A4, C3 B6, C3 BC) by a/o/u. */
  for (size_t i = b->len; i-- > 1;) {
    unsigned char c0 = (unsigned char)b->data[i - 1], c1 = (unsigned char)b->data[i];
    if (c0 == 0xC3 && (c1 == 0xA4 || c1 == 0xB6 || c1 == 0xBC)) {
      char v = c1 == 0xA4 ? 'a' : c1 == 0xB6 ? 'o' : 'u';
      memmove(b->data + i, b->data + i + 1, b->len - i);
      b->data[i - 1] = v;
      b->len--;
      return;
    }
  }
}

/* The adjective lemma of `stem` (positive degree), or NULL. */
static const char *S_adj_lemma(S_ctx *x, const char *stem, size_t n, unsigned *rank) {
  const dg_morph_key *k = dg_morph_data_find(&x->m->data, stem, n);
  if (!k) return NULL;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &x->m->data.anal[k->first + i];
    if (!(a->flags & DG_AF_CLOSED) && x->m->data.lemmas[a->lemma].pos == DG_POS_ADJ &&
        (a->cells & (1ULL << DG_CELL_ADJ_PRED))) {
      *rank = x->m->data.lemmas[a->lemma].rank;
      return x->m->data.str + x->m->data.lemmas[a->lemma].str;
    }
  }
  return NULL;
}

/* Comparative and superlative: größeren -> groß, besten -> gut. */
/* dictionaries/morph/irregular-comparison.tsv */
static const struct { const char *stem, *lemma; int sup; } S_irregular[] = {
#include "morph_degree.inc"
};

/* The first bytes of S_irregular's stems, a bit each (most words start with
 * a letter no irregular stem starts with). */
static uint64_t S_irr_first[4];
static pthread_once_t S_irr_once = PTHREAD_ONCE_INIT;

static void S_irr_init(void) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_irregular); i++) {
    unsigned char b = (unsigned char)S_irregular[i].stem[0];
    S_irr_first[b >> 6] |= 1ULL << (b & 63);
  }
}

static size_t S_degree(S_ctx *x) {
  const dg_buf low = x->low;
  if (low.len < 4) return 0; /* (no ending leaves a stem of four) */
  dg_buf stem = x->tmp; /* (given back at the end) */
  size_t added = 0;
  pthread_once(&S_irr_once, S_irr_init);
  unsigned char b0 = (unsigned char)low.data[0];
  bool irr = (S_irr_first[b0 >> 6] >> (b0 & 63)) & 1;
  for (size_t e = 0; S_adj_end[e].s; e++) {
    size_t el = S_adj_end[e].n;
    if (low.len < el + 4 || !S_ends_in(low.data, low.len, S_adj_end[e].s, el)) continue;
    size_t bn = low.len - el;
    for (size_t i = 0; irr && i < DG_ARRAY_LEN(S_irregular); i++) {
      if (S_irregular[i].stem[0] == low.data[0] && strlen(S_irregular[i].stem) == bn &&
          memcmp(low.data, S_irregular[i].stem, bn) == 0) {
        uint64_t cells = 1ULL << (S_irregular[i].sup ? DG_CELL_SUP : DG_CELL_CMP);
        const char *fs, *lz;
        dg_feats_adj(x->m, cells, &fs, &lz);
        S_add(x, S_irregular[i].lemma, DG_POS_ADJ, fs, lz, NULL,
              11.0f + S_case_fit(x, DG_POS_ADJ));
        added++;
      }
    }
    static const struct { const char *suf; size_t len; int sup; } deg[] = {{"er", 2, 0}, {"est", 3, 1}, {"st", 2, 1}};
    for (size_t d = 0; d < DG_ARRAY_LEN(deg); d++) {
      size_t dl = deg[d].len;
      if (bn < dl + 3 || !S_ends_in(low.data, bn, deg[d].suf, dl)) continue;
      if (deg[d].sup && el == 0) continue; /* "schnellst" alone is no word */
      for (int um = 0; um < 2; um++) {
        dg_buf_clear(&stem);
        dg_buf_put(&stem, low.data, bn - dl);
        if (um) {
          size_t before = stem.len;
          S_unumlaut(&stem);
          if (stem.len == before) continue;
        }
        unsigned rank = 0;
        const char *lemma = S_adj_lemma(x, stem.data, stem.len, &rank);
        if (!lemma) continue;
        uint64_t cells = 1ULL << (deg[d].sup ? DG_CELL_SUP : DG_CELL_CMP);
        const char *fs, *lz;
        dg_feats_adj(x->m, cells, &fs, &lz);
        /* Superlatives are unambiguous (größte); comparatives in -er share
         * their form with the positive (kleiner). */
        S_add(x, lemma, DG_POS_ADJ, fs, lz, NULL,
              (deg[d].sup ? 10.3f : 9.0f) + S_freq(rank) + S_case_fit(x, DG_POS_ADJ));
        added++;
      }
    }
  }
  x->tmp = stem;
  return added;
}

/* Participles used as adjectives: gelegenen -> gelegen (ADJ),
 * vereinbarten -> vereinbart. */
static size_t S_participle_adj(S_ctx *x) {
  dg_morph *m = x->m;
  const dg_buf low = x->low;
  size_t added = 0;
  for (size_t e = 0; S_adj_end[e].s && S_adj_end[e].n; e++) {
    size_t el = S_adj_end[e].n;
    if (low.len < el + 4 || !S_ends_in(low.data, low.len, S_adj_end[e].s, el)) continue;
    size_t bn = low.len - el;
    const dg_morph_key *k = dg_morph_data_find(&m->data, low.data, bn);
    if (!k) continue;
    for (uint32_t i = 0; i < k->count; i++) {
      const dg_morph_anal *a = &m->data.anal[k->first + i];
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      if ((a->flags & DG_AF_CLOSED) || l->pos != DG_POS_VERB) continue;
      if (!(a->cells & ((1ULL << DG_VC_PTCP1) | (1ULL << DG_VC_PTCP2)))) continue;
      const char *lemma = dg_morph_intern(m, low.data, bn);
      S_add(x, lemma, DG_POS_ADJ, "Degree=Pos", "", NULL,
            9.2f + S_freq(l->rank) + S_case_fit(x, DG_POS_ADJ));
      added++;
      break;
    }
  }
  return added;
}

static bool S_all_digits(const char *s, size_t n) {
  bool digit = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= '0' && s[i] <= '9') digit = true;
    else if (!strchr(".,:/-", s[i])) return false;
  }
  return digit;
}

static bool S_no_letters(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int32_t c;
    size_t l = dg_utf8_next(s + i, n - i, &c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0) return false;
    i += l;
  }
  return true;
}

/* Unknown lower-case words with an adjective suffix: (30-)tägigen ->
 * tägig, unannehmbar.  Returns whether a reading was added. */
static bool S_adj_suffix(S_ctx *x) {
  static const char *const suf[] = {"ig", "lich", "isch", "bar", "sam", "haft", "los", "voll",
                                    "mäßig", "artig", "förmig", NULL};
  size_t n = x->n;
  for (size_t e = 0; S_adj_end[e].s; e++) {
    size_t el = S_adj_end[e].n;
    if (n < el + 4 || !S_ends_in(x->word, n, S_adj_end[e].s, el)) continue;
    size_t bn = n - el;
    for (size_t i = 0; suf[i]; i++) {
      size_t sl = strlen(suf[i]);
      if (bn >= sl + 2 && strncmp(x->word + bn - sl, suf[i], sl) == 0 &&
          !(bn >= 6 && strncmp(x->word + bn - 6, "schaft", 6) == 0)) { /* -schaft: nouns */
        dg_buf_clear(&x->tmp);
        dg_buf_put(&x->tmp, x->word, bn);
        S_add(x, x->tmp.data, DG_POS_ADJ, "Degree=Pos", "", NULL, 5.8f);
        return true;
      }
    }
  }
  return false;
}

/* Hunspell and shape: the last resort. */
static void S_fallback(S_ctx *x) {
  dg_morph *m = x->m;
  if (S_all_digits(x->word, x->n)) {
    S_add(x, x->word, DG_POS_NUM, "NumType=Card", "", NULL, 6.0f);
    return;
  }
  if (S_no_letters(x->word, x->n)) {
    S_add(x, x->word, x->n == 1 && strchr(".,;:!?()[]\"'", x->word[0]) ? DG_POS_PUNCT : DG_POS_SYM,
          "", "", NULL, 6.0f);
    return;
  }
  bool spelled = dg_morph_hs_spell(m, x->word);
  const char *stem = spelled ? dg_morph_hs_stem(m, x->word) : NULL;
  if (stem && strcmp(stem, x->word) != 0) {
    /* Inflected form hunspell knows: Russlands -> Russland. */
    size_t sn = strlen(stem);
    bool gen_s = x->cap && x->n == sn + 1 && (x->word[sn] == 's') && strncmp(x->word, stem, sn) == 0;
    /* A capitalised word keeps its own lemma unless only an inflection
     * ending came off (Globalisierung is no form of globalisieren). */
    static const char *const nends[] = {"s", "es", "n", "en", "e", "er", "ern", NULL};
    bool infl = false;
    for (size_t i = 0; nends[i] && !infl; i++)
      infl = sn + strlen(nends[i]) == x->n && strncmp(x->word, stem, sn) == 0 &&
             strcmp(x->word + sn, nends[i]) == 0;
    if (x->cap && !infl) {
      S_add(x, x->word, x->initial ? DG_POS_NOUN : DG_POS_PROPN, "", "", NULL, 6.0f);
    } else if (x->cap) {
      const dg_morph_key *k = dg_morph_lookup(m, stem, sn);
      int pos = dg_morph_key_readings(&m->data, k) ? DG_POS_NOUN : DG_POS_PROPN;
      S_add(x, stem, pos, gen_s ? "Case=Gen|Number=Sing" : "", gen_s ? "GEN.SG" : "", NULL, 6.5f);
      if (x->initial) S_add(x, stem, DG_POS_ADV, "", "", NULL, 5.0f);
    } else {
      /* Only an adjective ending is taken off (hochrangigen); anything
       * else hunspell strips (bereits -> bereit) is a word of its own. */
      size_t sn2 = strlen(stem);
      static const char *const ends[] = {"e", "em", "en", "er", "es", NULL};
      bool adj = false;
      for (size_t i = 0; ends[i] && !adj; i++)
        adj = sn2 + strlen(ends[i]) == x->n && strncmp(x->word, stem, sn2) == 0 &&
              strcmp(x->word + sn2, ends[i]) == 0;
      if (adj) S_add(x, stem, DG_POS_ADJ, "Degree=Pos", "", NULL, 6.0f);
      else if (!S_adj_suffix(x)) S_add(x, x->word, DG_POS_ADV, "", "", NULL, 5.5f);
    }
    return;
  }
  if (x->cap) {
    /* Names: a genitive -s on a name hunspell knows without it. */
    if (x->n > 3 && x->word[x->n - 1] == 's' && !x->allcaps) {
      char *base = dg_xstrndup(x->word, x->n - 1);
      bool known = dg_morph_hs_spell(m, base);
      if (known) S_add(x, base, DG_POS_PROPN, "Case=Gen|Number=Sing", "GEN.SG", NULL, 6.2f);
      free(base);
      if (known) return;
    }
    S_add(x, x->word, DG_POS_PROPN, "", "", NULL, spelled ? 6.0f : 4.0f);
    if (x->initial) {
      dg_buf_clear(&x->lemma);
      dg_utf8_lower(&x->lemma, x->word, x->n);
      S_add(x, x->lemma.data, DG_POS_ADV, "", "", NULL, 3.5f);
    }
  } else if (!S_adj_suffix(x)) {
    S_add(x, x->word, DG_POS_ADV, "", "", NULL, spelled ? 5.5f : 3.0f);
  }
}

static int S_cmp(const S_cand *x, const S_cand *y) {
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return strcmp(x->lemma, y->lemma);
}

/* The readings best first (S_cmp), equal ones in the order found: an
 * insertion sort, stable as the C library's merge sort was (a word has a
 * few readings; qsort took a buffer from malloc for them). */
static void S_sort(S_cand *c, size_t n) {
  for (size_t i = 1; i < n; i++) {
    S_cand t = c[i];
    size_t j = i;
    for (; j > 0 && S_cmp(&c[j - 1], &t) > 0; j--) c[j] = c[j - 1];
    c[j] = t;
  }
}

static bool S_pos_compatible(int pos, int hint) {
  if (pos == hint) return true;
  if ((pos == DG_POS_AUX && hint == DG_POS_VERB) || (pos == DG_POS_VERB && hint == DG_POS_AUX))
    return true;
  if ((pos == DG_POS_NOUN && hint == DG_POS_PROPN) || (pos == DG_POS_PROPN && hint == DG_POS_NOUN))
    return true;
  if ((pos == DG_POS_DET && hint == DG_POS_PRON) || (pos == DG_POS_PRON && hint == DG_POS_DET))
    return true;
  if ((pos == DG_POS_ADP && hint == DG_POS_ADV) || (pos == DG_POS_SCONJ && hint == DG_POS_CCONJ) ||
      (pos == DG_POS_CCONJ && hint == DG_POS_SCONJ) || (pos == DG_POS_ADP && hint == DG_POS_PART) ||
      (pos == DG_POS_PART && hint == DG_POS_ADP))
    return true;
  return false;
}

/* Readings the hint asks for when the tables gave none. */
static void S_hint_fallback(S_ctx *x, int hint) {
  for (size_t i = 0; i < x->nc; i++)
    if (x->c[i].pos == hint) return;
  dg_buf_clear(&x->lemma);
  switch (hint) {
  case DG_POS_PROPN:
  case DG_POS_NOUN:
    for (size_t i = 0; i < x->nc; i++)
      if (S_pos_compatible(x->c[i].pos, hint)) return;
    S_add(x, x->word, hint, "", "", NULL, 4.0f);
    return;
  case DG_POS_ADV:
  case DG_POS_ADJ:
  case DG_POS_ADP:
  case DG_POS_CCONJ:
  case DG_POS_SCONJ:
  case DG_POS_PART:
  case DG_POS_INTJ:
    /* Uninflected words are their own lemma; adjectives get their ending off
     * only by the rules above. */
    for (size_t i = 0; i < x->nc; i++)
      if (S_pos_compatible(x->c[i].pos, hint)) return;
    dg_utf8_lower(&x->lemma, x->word, x->n);
    S_add(x, x->lemma.data, hint, "", "", NULL, 4.0f);
    return;
  default:
    return;
  }
}

/* The last resort's (S_fallback's) highest scores with no hint: a word
 * with a capital first 6.5, others 6.0. */
#define S_GUESS_MAX_CAP 6.5f
#define S_GUESS_MAX 6.0f

/* dg_morph_analyze; `above`: the caller reads only readings scored above
 * it (-INFINITY: all).  Readings the last resort never gives with no hint
 * (above S_GUESS_MAX, or S_GUESS_MAX_CAP for a capitalised word: the
 * sentence-initial rule, dg_morph_analyze_sure): a word with no other
 * reading is not guessed at (no hunspell question).  Its readings, being
 * incomplete, are not kept for the sentence-initial rule; for
 * dg_morph_analyze_sure (above S_GUESS_MAX_CAP) they are, under a key of
 * their own (a word in capitals is looked up again at each repeat). */
static size_t S_analyze(dg_morph *m, const char *word, bool sentence_initial, const char *pos_hint,
                        dg_analysis *out, size_t max, float above) {
  if (!m || !word || !*word) return 0;
  m->lookups++;
  size_t n = strlen(word);
  int hint = pos_hint ? dg_pos_code(pos_hint) : DG_POS_X;
  /* The cache key: initial flag, hint, tab, word (on the stack unless long).
   * (dg_morph_analyze_sure's answers, which may lack the guesses, under
   * flags of their own) */
  bool sure = above >= S_GUESS_MAX_CAP;
  char flag = sure ? (sentence_initial ? 'S' : 's') : (sentence_initial ? '1' : '0');
  const char *pn = dg_pos_name(hint);
  size_t pl = strlen(pn), klen = 2 + pl + n;
  char kbuf[256];
  const char *kd = kbuf;
  dg_buf key;
  dg_buf_init(&key);
  if (klen <= sizeof kbuf) {
    kbuf[0] = flag;
    dg_copy(kbuf + 1, pn, pl); /* (inline: the key's pieces are short) */
    kbuf[1 + pl] = '\t';
    dg_copy(kbuf + 2 + pl, word, n);
  } else {
    dg_buf_putc(&key, flag);
    dg_buf_put(&key, pn, pl);
    dg_buf_putc(&key, '\t');
    dg_buf_put(&key, word, n);
    kd = key.data;
  }
  uint64_t kh = dg_cache_hash(kd, klen);
  dg_cache_slot *slot = dg_cache_find(&m->an_cache, kd, klen, kh);
  if (!slot) {
    S_ctx ctx, *x = &ctx; /* (the readings need no zeroing: nc counts them) */
    memset(x, 0, offsetof(S_ctx, c));
    x->nc = 0;
    x->m = m;
    x->word = word;
    x->n = n;
    x->cap = dg_utf8_is_upper_initial(word, n);
    x->initial = sentence_initial;
    S_work_take(x);
    dg_utf8_lower(&x->low, word, n);
    if (x->cap && n > 1) {
      /* All capitals: every ASCII letter changed by lower-casing. */
      size_t diff = 0, letters = 0, both = n < x->low.len ? n : x->low.len;
      for (size_t i = 0; i < n; i++) {
        if (i < both) diff += word[i] != x->low.data[i];
        letters += ((word[i] >= 'A' && word[i] <= 'Z') || (word[i] >= 'a' && word[i] <= 'z'));
      }
      x->allcaps = letters >= 2 && diff == letters;
    }
    const dg_morph_key *wk = n <= 200 ? dg_morph_data_find(&m->data, x->low.data, x->low.len) : NULL;
    size_t found = wk && wk->count ? S_from_key(x, wk, NULL, 0, 10.0f) : 0;
    if (n <= 200) {
      if (!found) found += S_eszett(x);
      found += S_degree(x);
      bool has_adj = false;
      for (size_t i = 0; i < x->nc; i++) has_adj |= x->c[i].pos == DG_POS_ADJ;
      if (!has_adj) found += S_participle_adj(x);
      if (!found) found += S_hyphen(x);
      if (!found) found += S_particle_verb(x);
      if (!found) found += S_compound(x);
    }
    /* A capitalised word at the start of a sentence that the tables do not
     * know as written is read in lower case too, with the whole analysis
     * (Naturnaher: naturnah, a compound adjective). */
    if (!found && sentence_initial && x->cap && !x->allcaps && n <= 200) {
      dg_analysis la[DG_MORPH_MAX_ANALYSES];
      size_t nl = S_analyze(m, x->low.data, false, pos_hint, la, DG_MORPH_MAX_ANALYSES,
                            hint != DG_POS_X ? -INFINITY : S_GUESS_MAX);
      for (size_t i = 0; i < nl; i++)
        if (la[i].score > 6.0f && strcmp(la[i].pos, "ADV") != 0 && strcmp(la[i].pos, "PROPN") != 0) {
          S_add(x, la[i].lemma, dg_pos_code(la[i].pos), la[i].feats, la[i].leipzig, la[i].particle,
                la[i].score - 0.5f);
          found++;
        }
    }
    bool guess = !found;
    if (!found && x->nc == 0 && hint == DG_POS_X && above >= (x->cap ? S_GUESS_MAX_CAP : S_GUESS_MAX)) {
      if (!sure) {
        S_work_give(x);
        dg_buf_free(&key);
        return 0;
      }
      guess = false; /* (kept under the key of dg_morph_analyze_sure: no reading) */
    }
    if (guess) S_fallback(x);
    if (hint != DG_POS_X) {
      S_hint_fallback(x, hint);
      for (size_t i = 0; i < x->nc; i++) {
        if (x->c[i].pos == hint) x->c[i].score += 5.0f;
        else if (S_pos_compatible(x->c[i].pos, hint)) x->c[i].score += 4.5f;
      }
    }
    S_sort(x->c, x->nc);
    size_t cnt = x->nc < DG_MORPH_MAX_ANALYSES ? x->nc : DG_MORPH_MAX_ANALYSES;
    dg_analysis res[DG_MORPH_MAX_ANALYSES];
    for (size_t i = 0; i < cnt; i++) {
      res[i].lemma = x->c[i].lemma;
      res[i].pos = dg_pos_name(x->c[i].pos);
      res[i].feats = x->c[i].feats;
      res[i].leipzig = x->c[i].leipzig;
      res[i].particle = x->c[i].particle;
      res[i].score = x->c[i].score;
    }
    S_work_give(x);
    if (m->an_cache.n >= DG_MORPH_CACHE_MAX) dg_cache_clear(&m->an_cache);
    slot = dg_cache_insert(&m->an_cache, kd, klen, kh, res, cnt * sizeof *res, cnt);
  }
  dg_buf_free(&key);
  size_t cnt = slot->count < max ? slot->count : max;
  if (out && cnt) memcpy(out, slot->value, cnt * sizeof *out);
  return out ? cnt : slot->count;
}

size_t dg_morph_analyze(dg_morph *m, const char *word, bool sentence_initial,
                        const char *pos_hint, dg_analysis *out, size_t max) {
  return S_analyze(m, word, sentence_initial, pos_hint, out, max, -INFINITY);
}

size_t dg_morph_analyze_sure(dg_morph *m, const char *word, bool sentence_initial, dg_analysis *out,
                             size_t max) {
  dg_analysis all[DG_MORPH_MAX_ANALYSES];
  size_t n = S_analyze(m, word, sentence_initial, NULL, all, DG_MORPH_MAX_ANALYSES, S_GUESS_MAX_CAP);
  /* (best first: the readings above the guesses are the list's start) */
  size_t k = 0;
  while (k < n && k < max && all[k].score > S_GUESS_MAX_CAP) {
    out[k] = all[k];
    k++;
  }
  return k;
}
