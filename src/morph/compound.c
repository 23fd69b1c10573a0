/* dg_compound_split: the parts of German compounds.
 *
 * A memoised search over code point positions (dynamic programming from the
 * end of the word): each part is a known stem (noun, adjective, a verb stem
 * such as "fahr" of fahren, a noun without its final e such as "schul"),
 * optionally followed by a linking element (s, es, n, en, e, er, ens, nen)
 * that fits the stem; the last part is any form of a noun or adjective.
 * Fewest stems win ("longest known parts win over fragments"), then word
 * frequency and link regularity decide.  Words the tables know as a whole
 * are split only into parts of the same kind (a noun into a noun head, never
 * a verb form like "vereinbart" into Verein | bart), never at a
 * derivational suffix ("Mitgliedschaft") nor after a bare particle.
 * Parts are at most DG_SEG_MAX code points of letters; hyphens separate
 * segments that are split on their own (compound_word.c cuts the word).
 * Whether a segment is a compound at all or stays whole (a name, a simple
 * word, a derivation) is decided in compound_whole.c, before and after the
 * search.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compound_internal.h"
#include "morph_text.h"

#define S_MINPART 3        /* shortest stem, in code points */
#define S_STEM_COST 10.0f
/* Nouns only Ding lists are parts from this length on (Chiffon|bluse,
 * Lungen|karzinom): shorter ones are too often fragments of loanwords and
 * names (Schoko|kuss, Runge|damm, Bober|tag). */
#define S_DING_MINPART 7
#define S_NOMINALISED_RANK 8000 /* nominalised adjectives as heads: common ones */


/* Derivational suffixes that are also words: never a compound head. */
static const char *const S_bad_heads[] = {
    "schaft", "schaften", "heit", "heiten", "keit", "keiten", "ung", "ungen", "tum", "tümer",
    "nis", "nisse", "nissen", "nisses", "linge", "lingen", "lings", "lich", "liche", "lichen", "bar", "bare", "baren", "sam", "haft", "los",
    "lose", "losen", "ling", "linge", "ei", "erei", "ist", "isten", "tät", "ion", "ionen", "ik",
    "ismus", "ent", "enten", "ant", "anten", "age", "ade", "ine", "ier", "iere", "ieren", "ern",
    "end", "gen", "ten", "ter", "tern", "mal", "wärts",
    "innen", /* the feminine plural suffix (Bekannt|innen, Chef|innen) */
    NULL};

#define S_BAD_HEAD_MAX 8 /* bytes of the longest (schaften): longer heads are none of them */

/* S_bad_heads in a hash set by the tables' hash (every suffix of a word is
 * asked about: a walk over the list cost more than the rest of S_head). */
#define S_BAD_SLOTS 256
static const char *S_bad_set[S_BAD_SLOTS];
static pthread_once_t S_bad_once = PTHREAD_ONCE_INIT;

static void S_bad_init(void) {
  for (size_t i = 0; S_bad_heads[i]; i++) {
    assert(strlen(S_bad_heads[i]) <= S_BAD_HEAD_MAX);
    size_t j = (size_t)dg_hash64(S_bad_heads[i], strlen(S_bad_heads[i]), 0) & (S_BAD_SLOTS - 1);
    while (S_bad_set[j]) j = (j + 1) & (S_BAD_SLOTS - 1);
    S_bad_set[j] = S_bad_heads[i];
  }
}

/* Is s (n bytes, its table hash `hash`) one of S_bad_heads? */
static bool S_bad_head(const char *s, size_t n, uint64_t hash) {
  if (n > S_BAD_HEAD_MAX) return false;
  pthread_once(&S_bad_once, S_bad_init);
  for (size_t j = (size_t)hash & (S_BAD_SLOTS - 1); S_bad_set[j]; j = (j + 1) & (S_BAD_SLOTS - 1))
    if (strncmp(S_bad_set[j], s, n) == 0 && S_bad_set[j][n] == '\0') return true;
  return false;
}

static float S_quality(unsigned rank) {
  if (!rank) return 0.2f;
  float q = 3.0f - 0.5f * (float)log10((double)rank);
  return q > 0.3f ? q : 0.3f;
}

/* Quality of a lemma as a part: frequency, less for hunspell-only lemmas
 * and nominalised infinitives (Werten is no head of Vermögenswerten). */
static float S_lq(const dg_morph *m, const dg_morph_lemma *l) {
  float q = S_quality(l->rank);
  if (l->flags & DG_LF_HUNSPELL) q -= 0.3f;
  if (l->flags & DG_LF_NOMINF) q -= 1.0f;
  /* Abbreviations (BUND) are not the noun (Bund) a part spells. */
  const char *s = m->data.str + l->str;
  if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z') q -= 1.5f;
  return q;
}

/* Ask the caller's lexicon about s (n bytes, lower case), capitalised and
 * (unless `noun_only`) not.  Lexicons list fragments too (Geb, ums, innen),
 * so only words of four letters or more that are no particle or other
 * closed-class word count.  A `head` may be an inflected form of a noun
 * the lexicon lists.  (hash, k: s's table hash and key) */
static bool S_known_as(dg_cmp_seg *g, const char *s, size_t n, uint64_t hash, const dg_morph_key *k, size_t cps,
                       const char **lemma, bool noun_only, bool head) {
  dg_morph *m = g->m;
  if (!m->known || !g->use_known || cps < 4 || dg_morph_classes_of_h(m, s, n, hash, DG_WC_SEP_PARTICLE))
    return false;
  for (uint32_t i = 0; k && i < k->count; i++)
    if (m->data.anal[k->first + i].flags & DG_AF_CLOSED) return false;
  dg_buf_clear(&g->tmp);
  dg_utf8_capitalize(&g->tmp, s, n);
  if (dg_morph_known_lemma(m, g->tmp.data)) {
    *lemma = dg_morph_intern(m, g->tmp.data, g->tmp.len);
    return true;
  }
  /* A noun head in an inflected form: the lexicon lists the citation
   * form (Opiat|antagonisten: Antagonist, Kreide|kliffs: Kliff). */
  if (head) {
    static const char *const ends[] = {"en", "n", "s", "e", "es", NULL};
    for (size_t i = 0; ends[i]; i++) {
      size_t l = strlen(ends[i]);
      if (cps < l + 5 || memcmp(s + n - l, ends[i], l) != 0) continue;
      dg_buf_clear(&g->tmp);
      dg_utf8_capitalize(&g->tmp, s, n - l);
      if (dg_morph_known_lemma(m, g->tmp.data)) {
        *lemma = dg_morph_intern(m, g->tmp.data, g->tmp.len);
        return true;
      }
    }
  }
  if (noun_only) return false;
  dg_buf_clear(&g->tmp);
  dg_buf_put(&g->tmp, s, n);
  if (dg_morph_known_lemma(m, g->tmp.data)) {
    *lemma = dg_morph_intern(m, g->tmp.data, g->tmp.len);
    return true;
  }
  return false;
}


/* A frequent word form the paradigm tables lack (Wikipedia ranks: a
 * compound such as Schnittstelle or Reichstag): a part of its own when it
 * is long enough not to be a fragment.  Its lemma is the form, capitalised
 * (such gaps are nouns). */
static float S_frequent(dg_cmp_seg *g, const dg_morph_key *k, const char *s, size_t n, size_t cps,
                        const char **lemma) {
  /* (nouns only Ding lists count as words of the frequency list here:
   * Franchise|gebers, Teilchen|falle) */
  if (!k || dg_morph_key_readings(&g->m->data, k) || !k->rank || cps < 6) return -1.0f;
  /* "sicherheits" is a first part with its link, not a word. */
  for (size_t i = 0; g->m->links[i]; i++) {
    const char *link = g->m->links[i];
    size_t l = g->m->link_len[i];
    if (!dg_morph_is(g->m, link, l, DG_WC_LINKING_S_N)) continue;
    if (n > l + 3 && memcmp(s + n - l, link, l) == 0) {
      const dg_morph_key *kk = dg_morph_data_find(&g->m->data, s, n - l);
      if (dg_morph_key_readings(&g->m->data, kk)) return -1.0f;
      /* "gebirgs": Gebirge without its e, and the s */
      if (l == 1 && s[n - 1] == 's') {
        dg_buf_clear(&g->tmp);
        dg_buf_put(&g->tmp, s, n - 1);
        dg_buf_putc(&g->tmp, 'e');
        kk = dg_morph_data_find(&g->m->data, g->tmp.data, g->tmp.len);
        if (dg_morph_key_readings(&g->m->data, kk)) return -1.0f;
      }
    }
  }
  dg_buf_clear(&g->tmp);
  dg_utf8_capitalize(&g->tmp, s, n);
  *lemma = dg_morph_intern(g->m, g->tmp.data, g->tmp.len);
  return fmaxf(S_quality(k->rank) - 0.3f, 0.05f);
}

/* Does the key have a closed-class reading (sondern, während)? */
static bool S_has_closed(const dg_morph_key *k, const dg_morph *m) {
  for (uint32_t i = 0; i < k->count; i++)
    if (m->data.anal[k->first + i].flags & DG_AF_CLOSED) return true;
  return false;
}

/* Is the (lower-case) verb lemma also the lemma of a noun (samen: Samen)? */
static bool S_noun_homograph(dg_morph *m, const char *lemma) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, lemma, strlen(lemma));
  for (uint32_t i = 0; k && i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) continue;
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_NOUN && !(l->flags & DG_LF_NOMINF) && (a->cells & 1)) return true;
  }
  return false;
}

/* Is s (n bytes) a participle for the splitter?  Not when it is also an
 * adjective whose lemma is the form itself and more frequent than the verb
 * (gesamt, not a form of samen; gebraucht stays a participle of brauchen). */
static bool S_participle(dg_morph *m, const char *s, size_t n) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, s, n);
  if (!k) return false;
  uint64_t verb_rank = 0, adj_rank = 0;
  bool ptcp = false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) continue;
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    uint64_t r = l->rank ? l->rank : UINT32_MAX;
    if (l->pos == DG_POS_VERB && (a->cells & ((1ULL << DG_VC_PTCP1) | (1ULL << DG_VC_PTCP2)))) {
      ptcp = true;
      /* The rank belongs to the lower-cased lemma: shared with a noun
       * (samen, Samen) it says nothing about the verb. */
      if (S_noun_homograph(m, m->data.str + l->str)) r = UINT32_MAX;
      if (!verb_rank || r < verb_rank) verb_rank = r;
    } else if (l->pos == DG_POS_ADJ && strlen(m->data.str + l->str) == n &&
               memcmp(m->data.str + l->str, s, n) == 0) {
      if (!adj_rank || r < adj_rank) adj_rank = r;
    }
  }
  if (!ptcp) return false;
  return !(adj_rank && adj_rank != UINT32_MAX && adj_rank * 4 < verb_rank);
}

/* A past-tense singular form of a particle verb is a noun when written
 * with a capital (Einfuhr, Abrieb, Zuwachs-type ablaut nouns the tables
 * lack): a weak part of length 6 or more. */
static float S_ablaut_noun(dg_cmp_seg *g, const dg_morph_key *k, const char *s, size_t n, size_t cps,
                           const char **lemma) {
  if (!k || cps < 6) return -1.0f;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) return -1.0f;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_VERB && l->particle && (a->cells & (1ULL << (DG_VC_PST + 2)))) {
      dg_buf_clear(&g->tmp);
      dg_utf8_capitalize(&g->tmp, s, n);
      *lemma = dg_morph_intern(g->m, g->tmp.data, g->tmp.len);
      return 0.1f;
    }
  }
  return -1.0f;
}

/* What S_stem may add to a stem to find it in the tables: a verb stem's
 * infinitive ending (fahr|zeug), a noun's final e (schul|buch). */
static const char *const S_stem_ext[] = {"e", "en", "n", NULL};
#define S_NEXT 3

/* The table hashes of a form whose own hash is h with each of S_stem_ext
 * after it (spelt out: en continues e). */
static inline void S_ext_hashes(uint64_t h, uint64_t out[S_NEXT]) {
  out[0] = dg_hash64_step(h, 'e');
  out[1] = dg_hash64_step(out[0], 'n');
  out[2] = dg_hash64_step(h, 'n');
}

/* Non-final stem: quality (< 0: not a stem) and lemma. */
static float S_stem(dg_cmp_seg *g, const char *s, size_t n, uint64_t hash, size_t cps, const char **lemma,
                    int *gender) {
  dg_morph *m = g->m;
  const dg_morph_key *k = dg_morph_data_find_h(&m->data, s, n, hash);
  float best = -1.0f;
  *gender = DG_GENDER_NONE;
  if (k) {
    for (uint32_t i = 0; i < k->count; i++) {
      const dg_morph_anal *a = &m->data.anal[k->first + i];
      if (a->flags & DG_AF_CLOSED) continue;
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      float q = -1.0f;
      /* Short words only from the paradigm data (no Ent, Ags). */
      if ((l->pos == DG_POS_PROPN || (l->flags & DG_LF_HUNSPELL)) && cps < 4)
        continue;
      if ((l->flags & DG_LF_DING) && cps < S_DING_MINPART) continue;
      if (l->pos == DG_POS_NOUN && (a->cells & 1)) q = S_lq(m, l) + 0.3f;
      else if (l->pos == DG_POS_PROPN && (a->cells & 1)) q = fmaxf(S_lq(m, l) - 0.3f, 0.05f);
      else if (l->pos == DG_POS_NOUN && (a->cells & 2)) q = fmaxf(S_lq(m, l) - 0.2f, 0.05f);
      /* Adjectives in their predicative form, or attributive-only ones
       * (gesamt, Gesamt|politik) as their bare lemma. */
      else if (l->pos == DG_POS_ADJ &&
               ((a->cells & (1ULL << DG_CELL_ADJ_PRED)) ||
                (strlen(m->data.str + l->str) == n && memcmp(m->data.str + l->str, s, n) == 0)) &&
               !S_participle(m, m->data.str + l->str, strlen(m->data.str + l->str)))
        q = fmaxf(S_lq(m, l) - 0.1f + (g->cap ? 0.0f : 0.5f), 0.05f); /* not Gebraucht|wagen */
      if (q > best) {
        best = q;
        *lemma = m->data.str + l->str;
        *gender = (a->cells & 1) ? l->gender : DG_GENDER_NONE;
      }
    }
  }
  char t[DG_SEG_MAX * 4 + 3]; /* (a part is at most DG_SEG_MAX code points) */
  if (best < 0 && n >= 3 && n + 3 <= sizeof t) {
    /* Verb stems (fahr|zeug) and nouns without their final e (schul|buch). */
    /* (most are no form: the filter says so before the form is spelt) */
    const char *const *ext = S_stem_ext;
    bool spelt = false;
    uint64_t eh[S_NEXT];
    S_ext_hashes(hash, eh);
    for (size_t e = 0; ext[e] && best < 0; e++) {
      uint64_t h = eh[e];
      if (!dg_morph_data_may_have(&m->data, h)) continue;
      if (!spelt) memcpy(t, s, n);
      spelt = true;
      size_t tlen = n + strlen(ext[e]);
      memcpy(t + n, ext[e], tlen - n + 1);
      const dg_morph_key *kk = dg_morph_data_find_h(&m->data, t, tlen, h);
      if (!kk) continue;
      for (uint32_t i = 0; i < kk->count; i++) {
        const dg_morph_anal *a = &m->data.anal[kk->first + i];
        if (a->flags & DG_AF_CLOSED) continue;
        const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
        const char *ls = m->data.str + l->str;
        if (strlen(ls) != tlen) continue;
        if (e > 0 && l->pos == DG_POS_VERB && (a->cells & (1ULL << DG_VC_INF)) && !l->particle &&
            !S_has_closed(kk, m)) {
          best = fmaxf(S_lq(m, l) - 0.6f, 0.05f);
          *lemma = ls;
          break;
        }
        if (e == 0 && l->pos == DG_POS_NOUN && (a->cells & 1) && cps >= 4) {
          best = fmaxf(S_lq(m, l) - 0.4f, 0.05f);
          *lemma = ls;
          *gender = l->gender;
          break;
        }
      }
    }
  }
  if (best < 0 && S_known_as(g, s, n, hash, k, cps, lemma, true, false)) best = 0.3f;
  if (best < 0) best = S_frequent(g, k, s, n, cps, lemma);
  if (best < 0) best = S_ablaut_noun(g, k, s, n, cps, lemma);
  /* In words not known whole: confixes (Anti|drogenprogramm) and adverbs,
   * prepositions and particles (Gegen|offensive, Zwischen|version). */
  /* Sonder- (special) is a bound first part also of words known whole
   * (Sonder|gesandter, Sonder|sitzung). */
  if (best < 0 && n == 6 && memcmp(s, "sonder", 6) == 0) {
    *lemma = "Sonder";
    best = 0.1f;
  }
  if (best < 0 && !g->whole_known) {
    dg_word_class c = dg_morph_classes_of_h(m, s, n, hash, DG_WC_CONFIX | DG_WC_NUMERAL_PART | DG_WC_SEP_PARTICLE);
    bool ok = (c & (DG_WC_CONFIX | DG_WC_NUMERAL_PART)) || (cps >= 4 && (c & DG_WC_SEP_PARTICLE));
    for (uint32_t i = 0; k && !ok && i < k->count; i++) {
      const dg_morph_anal *a = &m->data.anal[k->first + i];
      /* frequent ones only (not archaic "sonder" = without) */
      if ((a->flags & DG_AF_CLOSED) && (a->pos == DG_POS_ADP || a->pos == DG_POS_ADV) &&
          cps >= 4 && k->rank && k->rank <= 3000)
        ok = true;
      /* Adverbs of direction in -wärts, whatever their frequency:
       * Vorwärts|verteidigung, Rückwärts|gang, Abwärts|spirale. */
      if (((a->flags & DG_AF_CLOSED) ? a->pos : m->data.lemmas[a->lemma].pos) == DG_POS_ADV && n > 7 &&
          memcmp(s + n - 6, "w\xc3\xa4rts", 6) == 0)
        ok = true;
    }
    if (ok) {
      dg_buf_clear(&g->tmp);
      dg_utf8_capitalize(&g->tmp, s, n);
      *lemma = dg_morph_intern(m, g->tmp.data, g->tmp.len);
      best = 0.1f;
    }
  }
  if (best >= 0 && best < 0.05f) best = 0.05f;
  /* Zurück|haltung, Unter|stützung: a particle is no first part of a word
   * known whole (prefix verbs make such nouns). */
  if (best >= 0 && g->whole_known && dg_morph_classes_of_h(m, s, n, hash, DG_WC_SEP_PARTICLE)) best = -1.0f;
  /* Participles are no first parts: Gebrauchtwagen stays whole. */
  if (best >= 0 && n >= 5 && S_participle(m, s, n)) best = -1.0f;
  return best;
}

/* Is the adjective `adj` nominalised as a common noun of the tables
 * (angehörig: Angehörige; not hold: Holde, Baum|holder is a town)?  The
 * head keeps the adjective's lemma: the gloss stage looks the nominalised
 * form up (Angehöriger "member"). */
static bool S_nominalised(dg_cmp_seg *g, const char *adj) {
  dg_buf_clear(&g->tmp);
  dg_utf8_capitalize(&g->tmp, adj, strlen(adj));
  dg_buf_putc(&g->tmp, 'e');
  char *w = dg_xstrndup(g->tmp.data, g->tmp.len);
  dg_buf_clear(&g->tmp);
  dg_utf8_lower(&g->tmp, w, strlen(w));
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->tmp.data, g->tmp.len);
  bool found = false;
  for (uint32_t i = 0; k && i < k->count && !found; i++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + i];
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && !(l->flags & DG_LF_HUNSPELL) &&
        l->rank && l->rank <= S_NOMINALISED_RANK && strcmp(g->m->data.str + l->str, w) == 0)
      found = true;
  }
  free(w);
  return found;
}

/* A head read as another form of a masculine or neuter noun of the tables
 * (its citation form is `form`, n bytes; no hunspell-only, Ding-only or
 * nominalised word): *best and *lemma take that noun, `penalty` below its
 * quality, when that beats *best (the old dative Fasse, the umlaut plural
 * bögen). */
static void S_strong_noun_head(const dg_morph *m, const char *form, size_t n, float penalty, float *best,
                               const char **lemma) {
  const dg_morph_key *kk = dg_morph_data_find(&m->data, form, n);
  for (uint32_t i = 0; kk && i < kk->count; i++) {
    const dg_morph_anal *a = &m->data.anal[kk->first + i];
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && (a->cells & 1) &&
        (l->gender == DG_GENDER_MASC || l->gender == DG_GENDER_NEUT) &&
        !(l->flags & (DG_LF_HUNSPELL | DG_LF_DING | DG_LF_NOMINF)) && S_lq(m, l) - penalty > *best) {
      *best = fmaxf(S_lq(m, l) - penalty, 0.05f);
      *lemma = m->data.str + l->str;
    }
  }
}

/* Final part (head): any noun or adjective form. */
static float S_head(dg_cmp_seg *g, const char *s, size_t n, uint64_t hash, size_t cps, const char **lemma) {
  dg_morph *m = g->m;
  if (S_bad_head(s, n, hash)) return -1.0f;
  const dg_morph_key *k = dg_morph_data_find_h(&m->data, s, n, hash);
  float best = -1.0f;
  if (k) {
    for (uint32_t i = 0; i < k->count; i++) {
      const dg_morph_anal *a = &m->data.anal[k->first + i];
      if (a->flags & DG_AF_CLOSED) continue;
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      float q = -1.0f;
      if ((l->flags & DG_LF_DING) && cps < S_DING_MINPART &&
          !(cps >= 5 && dg_cmp_adj_noun(m, s, n)))
        continue;
      /* Capitalised words are nouns: noun heads (adjective heads of
       * nominalised adjectives only as a weak choice); lower-case words
       * are adjectives: adjective heads only. */
      /* A form that fills more cells of a paradigm is likelier its form. */
      if (l->pos == DG_POS_NOUN && g->cap)
        q = S_lq(m, l) + 0.3f + 0.08f * (float)__builtin_popcountll(a->cells & 0xFF) +
            ((a->cells & 1) ? 0.2f : 0.0f); /* the citation form itself */
      /* Hunspell's capitalised words without plural are names or nouns
       * without plural (Schwund): heads when long enough. */
      else if (l->pos == DG_POS_PROPN && g->cap && cps >= 5)
        q = fmaxf(S_lq(m, l) - 0.5f, 0.05f);
      else if (l->pos == DG_POS_ADJ && !g->cap) q = S_lq(m, l);
      /* Nominalised participles: (Reichstags)abgeordneter, Angestellten. */
      else if (l->pos == DG_POS_ADJ && g->cap && !(a->cells & (1ULL << DG_CELL_ADJ_PRED)) &&
               dg_morph_is_participle(m, m->data.str + l->str))
        q = fmaxf(S_lq(m, l) - 0.5f, 0.05f);
      /* A capitalised adjective form whose nominalisation the tables
       * list as a noun (Angehörige): a head (Botschaft|angehöriger). */
      else if (l->pos == DG_POS_ADJ && g->cap && !(a->cells & (1ULL << DG_CELL_ADJ_PRED)) &&
               S_nominalised(g, m->data.str + l->str))
        q = fmaxf(S_lq(m, l) - 0.5f, 0.05f);
      /* (no adjective heads for capitalised words: Weltberühmtes,
       * Federführend are adjectives written with a capital, rarely
       * nominalised compounds) */
      /* Nouns that are also infinitives (Fetzen, Wissen) stay heads. */
      if (l->pos == DG_POS_NOUN && g->cap && q < 0.05f) q = 0.05f;
      if (q > best) {
        best = q;
        *lemma = m->data.str + l->str;
      }
    }
  }
  if (best < 0 && cps >= 5 && S_known_as(g, s, n, hash, k, cps, lemma, g->cap, g->cap)) best = 0.3f;
  /* The genitive of strong nouns alternates between -es and -s (Reiches,
   * Reichs): a head in -es whose -s form is the genitive the tables list
   * (Garten|reiches, Azteken|reiches). */
  if (best < 0 && g->cap && cps >= 6 && s[n - 1] == 's' && s[n - 2] == 'e') {
    dg_buf_clear(&g->tmp);
    dg_buf_put(&g->tmp, s, n - 2);
    dg_buf_putc(&g->tmp, 's');
    const dg_morph_key *kk = dg_morph_data_find(&m->data, g->tmp.data, g->tmp.len);
    for (uint32_t i = 0; kk && i < kk->count; i++) {
      const dg_morph_anal *a = &m->data.anal[kk->first + i];
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && (l->gender == DG_GENDER_MASC || l->gender == DG_GENDER_NEUT) &&
          !(l->flags & DG_LF_HUNSPELL) && S_lq(m, l) - 0.2f > best) {
        best = fmaxf(S_lq(m, l) - 0.2f, 0.05f);
        *lemma = m->data.str + l->str;
      }
    }
  }
  /* Strong masculine and neuter nouns had a dative singular in -e, still
   * written in old and formal text (dem Fasse, im Hause, zu Fuße): a head
   * in -e whose stem is such a noun's citation form, ending in a consonant,
   * when the head is no other noun or adjective form (Tinten|fasse,
   * Wein|fasse). */
  if (best < 0 && g->cap && cps >= 5 && s[n - 1] == 'e' && s[n - 2] != 'e')
    S_strong_noun_head(m, s, n - 1, 0.4f, &best, lemma);
  /* Masculine and neuter nouns in -en, -el, -er make their plural by
   * umlaut alone (Boden Böden, Laden Läden, Mantel Mäntel); where the
   * tables list only the plural without it (Bogen), the umlauted one is
   * still that noun's plural (Dekoration|bögen). */
  if (best < 0 && g->cap && n >= 6 && n < 64 &&
      (memcmp(s + n - 2, "en", 2) == 0 || memcmp(s + n - 2, "el", 2) == 0 || memcmp(s + n - 2, "er", 2) == 0)) {
    char base[64];
    size_t bn = 0;
    int umlauts = 0;
    for (size_t b = 0; b < n; b++) {
      unsigned char c = (unsigned char)s[b], d = b + 1 < n ? (unsigned char)s[b + 1] : 0;
      if (c == 0xC3 && (d == 0xA4 || d == 0xB6 || d == 0xBC)) {
        base[bn++] = d == 0xA4 ? 'a' : d == 0xB6 ? 'o' : 'u';
        umlauts++;
        b++;
      } else {
        base[bn++] = (char)c;
      }
    }
    if (umlauts == 1) S_strong_noun_head(m, base, bn, 0.3f, &best, lemma);
  }
  /* English loans in -y take -s in German (Babys, Hobbys), but the
   * English plural -ies is often written (Seehund|babies): the head is
   * the noun whose -ys plural the tables list. */
  if (best < 0 && g->cap && n >= 5 && memcmp(s + n - 3, "ies", 3) == 0) {
    dg_buf_clear(&g->tmp);
    dg_buf_put(&g->tmp, s, n - 3);
    dg_buf_puts(&g->tmp, "ys");
    const dg_morph_key *kk = dg_morph_data_find(&m->data, g->tmp.data, g->tmp.len);
    for (uint32_t i = 0; kk && i < kk->count; i++) {
      const dg_morph_anal *a = &m->data.anal[kk->first + i];
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && !(l->flags & DG_LF_DING) &&
          (a->cells & 0xAA) && S_lq(m, l) - 0.2f > best) {
        best = fmaxf(S_lq(m, l) - 0.2f, 0.05f);
        *lemma = m->data.str + l->str;
      }
    }
  }
  if (best < 0 && g->cap) best = S_frequent(g, k, s, n, cps, lemma);
  if (best < 0 && g->cap) best = S_ablaut_noun(g, k, s, n, cps, lemma);
  if (best >= 0 && best < 0.05f) best = 0.05f;
  return best;
}

/* Cost of link `l` after a stem with `lemma` and gender; < 0: not allowed. */
static float S_link_cost(dg_cmp_seg *g, const char *lemma, int gender, const char *link, bool e_dropped) {
  size_t ll = strlen(lemma);
  /* Links follow nouns (capitalised lemmas), not verb stems or
   * adjectives: no Dien|s|tag. */
  if (!dg_utf8_is_upper_initial(lemma, ll)) return -1.0f;
  dg_buf_clear(&g->tmp);
  dg_utf8_lower(&g->tmp, lemma, ll);
  const char *lw = g->tmp.data;
  size_t lwn = g->tmp.len;
  if (strcmp(link, "s") == 0) {
    if (lwn && strchr("sßxz", lw[lwn - 1])) return -1.0f;
    static const char *const fem_s[] = {"ung", "heit", "keit", "schaft", "ion", "tät", "sicht",
                                        "kunft", "fahrt", "lichkeit", "ität", "macht", "arbeit",
                                        "liebe", "hilfe", "geschichte", NULL};
    for (size_t i = 0; fem_s[i]; i++) {
      size_t fl = strlen(fem_s[i]);
      if (lwn >= fl && strcmp(lw + lwn - fl, fem_s[i]) == 0) return 0.2f;
    }
    /* Gebirg|s|pässe of Gebirge: the e gives way to the s. */
    if (e_dropped) return 0.6f;
    /* No s after a vowel: Schnee|stürmen, not Schnee|s|türmen. */
    unsigned char last = (unsigned char)lw[lwn - 1];
    bool vowel = strchr("aeiouy", last) != NULL ||
                 (lwn >= 2 && (unsigned char)lw[lwn - 2] == 0xC3 && (last == 0xA4 || last == 0xB6 || last == 0xBC));
    if (vowel) return -1.0f;
    if (gender == DG_GENDER_MASC || gender == DG_GENDER_NEUT) return 0.5f;
    return 1.6f;
  }
  if (e_dropped) return -1.0f;
  /* The other links must make a form of the noun (plural or genitive). */
  dg_buf_puts(&g->tmp, link);
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->tmp.data, g->tmp.len);
  if (!k) return -1.0f;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + i];
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (!(a->flags & DG_AF_CLOSED) && l->pos == DG_POS_NOUN && strcmp(g->m->data.str + l->str, lemma) == 0)
      return 0.3f;
  }
  return -1.0f;
}

/* Is the stem s (n bytes, lower case) its lemma's citation form? */
static bool S_is_citation(dg_cmp_seg *g, const char *s, size_t n, const char *lemma) {
  dg_buf_clear(&g->tmp);
  dg_utf8_lower(&g->tmp, lemma, strlen(lemma));
  if (g->tmp.len == n && memcmp(g->tmp.data, s, n) == 0) return true;
  /* or of another noun it spells (Glauben beside Glaube) */
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, s, n);
  for (uint32_t i = 0; k && i < k->count; i++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) continue;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (l->pos != DG_POS_NOUN) continue;
    dg_buf_clear(&g->tmp);
    dg_utf8_lower(&g->tmp, g->m->data.str + l->str, strlen(g->m->data.str + l->str));
    if (g->tmp.len == n && memcmp(g->tmp.data, s, n) == 0) return true;
  }
  return false;
}

/* A stem the splitter refuses as a verb form (participles are no first
 * parts) may still be a nominalised infinitive in its genitive before a
 * head: Wohl|verhalten|s|klausel, Verhaltens is the genitive of the noun
 * Verhalten.  Stem + link must spell that form of the noun. */
static void S_nominal_link(dg_cmp_seg *g, dg_cmp_best *b, int i, int j) {
  const char *s = g->lo + g->lo_off[i];
  size_t sn = g->lo_off[j] - g->lo_off[i];
  for (uint32_t at = g->link_at[j]; at; at &= at - 1) {
    int k = j + (int)g->m->link_len[__builtin_ctz(at)];
    if (!isfinite(g->best[k].cost)) continue;
    dg_buf_clear(&g->tmp);
    dg_utf8_capitalize(&g->tmp, s, sn);
    if (!dg_cmp_link_spells_form(g, s, g->lo_off[k] - g->lo_off[i], g->tmp.data)) continue;
    const char *lemma = dg_morph_intern(g->m, g->tmp.data, g->tmp.len);
    float c = S_STEM_COST - 0.3f + 0.3f + g->best[k].cost;
    if (c < b->cost) *b = (dg_cmp_best){c, j, k, g->best[k].nstems + 1, lemma};
  }
}

/* The tables are far larger than the cache: each look-up of a new word's
 * part would wait for memory on its own.  The search warms the cache for
 * the look-ups it will make from start i (the head, the stems after which
 * the rest splits, bit j of rest, and their extensions) in the four stages of
 * dg_morph_data_prefetch, three starts ahead, so their misses overlap with
 * each other and with the work on the starts before.  Stage 0 folds the
 * hashes of the parts from i and lists the look-ups; it runs before
 * bit i + 3 of rest is known and lists that stem whatever it will be. */
typedef struct {
  uint64_t hash[DG_SEG_MAX + 1];     /* of the part from i to j */
  uint64_t look[DG_SEG_MAX + 1];     /* the head's and the stems' hashes */
  uint64_t ext[S_NEXT * (DG_SEG_MAX + 1)]; /* the stems with S_stem_ext */
  int nlook, next;
} S_warm_row;

_Static_assert(DG_SEG_MAX <= 64, "S_solve keeps a bit per code point in 64");

/* Code points lo..hi as bits (none when lo > hi; hi < 64). */
static inline uint64_t S_span(int lo, int hi) {
  return lo > hi ? 0 : ((2ULL << hi) - 1) & (~0ULL << lo);
}

static void S_warm(const dg_cmp_seg *g, int i, int stage, uint64_t rest, S_warm_row *r) {
  const dg_morph_data *d = &g->m->data;
  int N = g->ncp;
  if (stage == 0) {
    uint64_t x = DG_HASH64_START;
    if (g->lo_off[N] - g->lo_off[i] == (size_t)(N - i)) {
      /* (a rest of ASCII letters: a code point a byte) */
      const unsigned char *p = (const unsigned char *)g->lo + g->lo_off[i];
      for (int j = i; j < N; j++) r->hash[j + 1] = x = dg_hash64_step(x, p[j - i]);
    } else {
      for (int j = i + 1; j <= N; j++) {
        for (size_t b = g->lo_off[j - 1]; b < g->lo_off[j]; b++) x = dg_hash64_step(x, (unsigned char)g->lo[b]);
        r->hash[j] = x;
      }
    }
    r->nlook = r->next = 0;
    if (i > 0 && N - i >= S_MINPART) r->look[r->nlook++] = r->hash[N];
    uint64_t span = S_span(i + S_MINPART, N - S_MINPART);
    for (uint64_t at = span ? (rest | 1ULL << (i + S_MINPART)) & span : 0; at; at &= at - 1) {
      int j = __builtin_ctzll(at);
      r->look[r->nlook++] = r->hash[j];
      /* (the extensions are asked only when the stem is no word: most are
       * none, so that the filter says so or their slots are enough) */
      S_ext_hashes(r->hash[j], r->ext + r->next);
      r->next += S_NEXT;
    }
  }
  for (int k = 0; k < r->nlook; k++) dg_morph_data_prefetch(d, r->look[k], stage);
  if (stage <= 1)
    for (int k = 0; k < r->next; k++) dg_morph_data_prefetch(d, r->ext[k], stage);
}

/* g->link_at: the links written at each code point with a stem's room
 * after them (links are ASCII: one code point per byte). */
static void S_links_at(dg_cmp_seg *g) {
  for (int j = 0; j <= g->ncp; j++) {
    uint32_t at = 0;
    const char *p = g->lo + g->lo_off[j];
    for (uint32_t c = g->m->link_first[(unsigned char)p[0]]; c; c &= c - 1) {
      size_t li = (size_t)__builtin_ctz(c), ln = g->m->link_len[li];
      int k = j + (int)ln;
      if (k > g->ncp - S_MINPART || g->lo_off[k] - g->lo_off[j] != ln) continue;
      /* (a link is a few letters: compared here, not by a call to memcmp) */
      const char *l = g->m->links[li];
      size_t b = 0;
      while (b < ln && p[b] == l[b]) b++;
      if (b == ln) at |= 1u << li;
    }
    g->link_at[j] = at;
  }
}

static void S_solve(dg_cmp_seg *g) {
  int N = g->ncp;
  for (int i = 0; i <= N; i++) g->best[i].cost = INFINITY;
  /* Bit j of rest: the rest from j splits, directly or after a link
   * written at j (known once best[j] and what follows are); a stem ending
   * at j is worth a look-up only then.  (j < N <= DG_SEG_MAX: 64 bits.) */
  uint64_t rest = 0;
  S_warm_row rows[4]; /* of the starts i, ..., i - 3 (S_warm) */
  /* (from N + 2 down: the stages before the first start) */
  for (int i = N + 2; i >= 0; i--) {
    /* (the stages spelt out: each call knows its stage) */
    if (i - 3 >= 0 && i - 3 < N) S_warm(g, i - 3, 0, rest, &rows[(i - 3) % 4]);
    if (i - 2 >= 0 && i - 2 < N) S_warm(g, i - 2, 1, rest, &rows[(i - 2) % 4]);
    if (i - 1 >= 0 && i - 1 < N) S_warm(g, i - 1, 2, rest, &rows[(i - 1) % 4]);
    if (i < N) S_warm(g, i, 3, rest, &rows[i % 4]);
    if (i >= N) continue;
    dg_cmp_best *b = &g->best[i];
    const uint64_t *hash = rows[i % 4].hash;
    /* The head: the whole rest. */
    if (N - i >= S_MINPART && i > 0) {
      const char *lemma = NULL;
      const char *h = g->lo + g->lo_off[i];
      /* Lehrer|innen, not Lehre|rinnen: -erin(nen) is the feminine suffix. */
      bool fem = h[-1] == 'e' && strncmp(h, "rinne", 5) == 0;
      float q = fem ? -1.0f : S_head(g, h, g->lo_off[N] - g->lo_off[i], hash[N], (size_t)(N - i), &lemma);
      if (q >= 0) {
        b->cost = S_STEM_COST - q;
        b->end = N;
        b->next = N;
        b->nstems = 1;
        b->lemma = lemma;
      }
    }
    /* A stem, maybe a link, then the rest. */
    /* Only a stem after which the rest splits (directly or after a link)
     * is worth a look-up: the bits of rest, in order. */
    for (uint64_t at_j = rest & S_span(i + S_MINPART, N - S_MINPART); at_j; at_j &= at_j - 1) {
      int j = __builtin_ctzll(at_j);
      const char *lemma = NULL;
      int gender = 0;
      float q = S_stem(g, g->lo + g->lo_off[i], g->lo_off[j] - g->lo_off[i], hash[j], (size_t)(j - i), &lemma,
                       &gender);
      if (q < 0) {
        S_nominal_link(g, b, i, j);
        continue;
      }
      const char *stem_lemma = lemma;
      if (isfinite(g->best[j].cost)) {
        float c = S_STEM_COST - q + g->best[j].cost;
        if (c < b->cost) {
          *b = (dg_cmp_best){c, j, j, g->best[j].nstems + 1, stem_lemma};
        }
      }
      for (uint32_t at = g->link_at[j]; at; at &= at - 1) {
        size_t li = (size_t)__builtin_ctz(at);
        int k = j + (int)g->m->link_len[li]; /* links are ASCII: one code point per byte */
        if (!isfinite(g->best[k].cost)) continue;
        /* A link follows the citation form (no Parsen|n|bahn from
         * the plural of Parse), or an s the stem without its e
         * (Gebirg|s|pässe). */
        bool e_dropped = false;
        if (!S_is_citation(g, g->lo + g->lo_off[i], g->lo_off[j] - g->lo_off[i], stem_lemma)) {
          size_t sl = g->lo_off[j] - g->lo_off[i], ll = stem_lemma ? strlen(stem_lemma) : 0;
          e_dropped = ll == sl + 1 && stem_lemma[ll - 1] == 'e' && strcmp(g->m->links[li], "s") == 0;
          if (e_dropped) {
            dg_buf_clear(&g->tmp);
            dg_utf8_lower(&g->tmp, stem_lemma, ll);
            e_dropped = memcmp(g->tmp.data, g->lo + g->lo_off[i], sl) == 0;
          }
          /* (or stem + link spell a form of the stem's noun: Glaubens
           * of Glaube, Verdachts of Verdacht) */
          if (!e_dropped) {
            if (!dg_cmp_link_spells_form(g, g->lo + g->lo_off[i], g->lo_off[k] - g->lo_off[i], stem_lemma))
              continue;
            float c = S_STEM_COST - q + 0.3f + g->best[k].cost;
            if (c < b->cost) *b = (dg_cmp_best){c, j, k, g->best[k].nstems + 1, stem_lemma};
            continue;
          }
        }
        float lc = S_link_cost(g, stem_lemma, gender, g->m->links[li], e_dropped);
        if (lc < 0) continue;
        float c = S_STEM_COST - q + lc + g->best[k].cost;
        if (c < b->cost) *b = (dg_cmp_best){c, j, k, g->best[k].nstems + 1, stem_lemma};
      }
    }
    bool splits = isfinite(b->cost);
    for (uint32_t at = g->link_at[i]; at && !splits; at &= at - 1)
      splits = isfinite(g->best[i + (int)g->m->link_len[__builtin_ctz(at)]].cost);
    rest |= (uint64_t)splits << i;
  }
}

/* The lemma of an unsplit segment from the tables alone (the analyser
 * itself calls the splitter, so it cannot be asked here); k is the
 * segment's key. */
static const char *S_simple_lemma(dg_morph *m, const char *seg, size_t n, bool last, const dg_morph_key *k) {
  bool cap = dg_utf8_is_upper_initial(seg, n);
  const char *best = NULL;
  int best_rank = -1;
  /* (a noun only Ding lists is the lemma only of a form nothing else
   * reads: Stumpf is the adjective stumpf here) */
  bool others = dg_morph_key_readings(&m->data, k) > 0;
  if (k) {
    for (uint32_t i = 0; i < k->count; i++) {
      const dg_morph_anal *a = &m->data.anal[k->first + i];
      const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
      if (others && (l->flags & DG_LF_DING)) continue;
      int pos = (a->flags & DG_AF_CLOSED) ? a->pos : l->pos;
      int r = (pos == DG_POS_NOUN) == cap ? 2 : 1;
      if (!last && pos == DG_POS_NOUN && !(a->cells & 3)) r = 0;
      if (r > best_rank) {
        best_rank = r;
        best = m->data.str + l->str;
      }
    }
  }
  return dg_morph_intern(m, best ? best : seg, best ? strlen(best) : n);
}

/* Does the caller's lexicon know the segment as it is written? */
static bool S_whole_in_lexicon(dg_morph *m, const char *seg, size_t n) {
  char w[DG_SEG_MAX * 4 + 1]; /* (a searched segment is at most DG_SEG_MAX code points) */
  if (n >= sizeof w) {
    char *c = dg_xstrndup(seg, n);
    bool k = dg_morph_known_lemma(m, c);
    free(c);
    return k;
  }
  memcpy(w, seg, n);
  w[n] = '\0';
  return dg_morph_known_lemma(m, w);
}

/* Length of the shortest stem of the best split, in code points. */
static int S_min_stem(const dg_cmp_seg *g) {
  int i = 0, min = g->ncp;
  while (i < g->ncp) {
    const dg_cmp_best *b = &g->best[i];
    if (b->end - i < min) min = b->end - i;
    if (b->end >= g->ncp) break;
    i = b->next;
  }
  return min;
}

/* Is a stem of the best split known only to the caller's lexicon and
 * shorter than six code points (Fisch|e|rauer, Frieden|sauer: names and
 * fragments the lexicon lists)? */
static bool S_lexicon_short(dg_cmp_seg *g) {
  int i = 0;
  bool found = false;
  g->use_known = false;
  while (i < g->ncp && !found) {
    const dg_cmp_best *b = &g->best[i];
    const char *lemma = NULL;
    int gender = 0;
    const char *s = g->lo + g->lo_off[i];
    size_t n = g->lo_off[b->end] - g->lo_off[i];
    uint64_t h = dg_hash64(s, n, 0);
    float q = b->end >= g->ncp ? S_head(g, s, n, h, (size_t)(b->end - i), &lemma)
                             : S_stem(g, s, n, h, (size_t)(b->end - i), &lemma, &gender);
    if (q < 0 && b->end - i < 6) found = true;
    if (b->end >= g->ncp) break;
    i = b->next;
  }
  g->use_known = true;
  return found;
}

size_t dg_cmp_split_segment(dg_morph *m, const char *word, size_t start, size_t end, bool last,
                              dg_part *out, size_t max) {
  size_t n = end - start;
  size_t np = 0;
  const char *seg = word + start;
  /* (its code points counted in the walk that tests them) */
  int ncp = 0;
  bool letters = true;
  for (size_t i = 0; i < n; ncp++) {
    int32_t c;
    size_t l = dg_utf8_next(seg + i, n - i, &c);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)))
      letters = false;
    i += l;
  }
  dg_cmp_seg gs, *g = NULL;
  const dg_morph_key *seg_key = NULL; /* (looked up by the search's set-up) */
  /* (the handle's buffers, kept from segment to segment) */
  dg_buf low = m->cmp_low;
  dg_buf_clear(&low);
  if (letters && ncp >= 2 * S_MINPART && ncp <= DG_SEG_MAX) {
    memset(&gs, 0, offsetof(dg_cmp_seg, lo_off));
    g = &gs;
    g->best[0].cost = INFINITY; /* (no split until the search finds one) */
    g->m = m;
    g->tmp = m->cmp_tmp;
    dg_buf_clear(&g->tmp);
    /* Lower-case code point by code point, keeping both offsets. */
    size_t orig_off[DG_SEG_MAX + 1];
    size_t i = 0;
    int k = 0;
    dg_buf_reserve(&low, n);
    while (i < n && k < DG_SEG_MAX) {
      orig_off[k] = i;
      g->lo_off[k] = low.len;
      unsigned char b = (unsigned char)seg[i];
      if (b < 0x80) { /* (ASCII letters: no table; into the room reserved) */
        low.data[low.len++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
        i++;
      } else {
        int32_t c;
        size_t l = dg_utf8_next(seg + i, n - i, &c);
        dg_utf8_lower(&low, seg + i, l);
        i += l;
        dg_buf_reserve(&low, n - i); /* (its lower case may be longer) */
      }
      k++;
    }
    low.data[low.len] = '\0';
    orig_off[k] = n;
    g->lo_off[k] = low.len;
    g->ncp = k;
    g->lo = low.data;
    g->cap = dg_utf8_is_upper_initial(seg, n);
    S_links_at(g);
    /* Is it a compound at all (compound_whole.c)?  Verb forms, names,
     * known adjectives and abbreviations are not searched. */
    bool splittable = dg_cmp_may_split(g, seg, n);
    if (splittable) {
      /* The tables decide; the caller's lexicon only fills their gaps:
       * it is asked in a second pass when the tables find no split. */
      S_solve(g);
      if (m->known && !(isfinite(g->best[0].cost) && g->best[0].nstems >= 2) &&
          !S_whole_in_lexicon(m, seg, n)) {
        g->use_known = true;
        S_solve(g);
        /* A split only the lexicon supports must spell a word hunspell
         * accepts (no Chef|innen of an unknown name-like word), or be a
         * noun made of long parts with no name-like head (Lungen|karzinom,
         * Chiffon|bluse: the dictionary knows Karzinom and Chiffon). */
        if (isfinite(g->best[0].cost) && g->best[0].nstems >= 2 &&
            (!g->cap || S_min_stem(g) < 5 || S_lexicon_short(g) || dg_cmp_name_head(g) ||
             dg_cmp_country_head(g))) {
          /* (hunspell, the dearest question, asked last: tens of
           * thousands of instructions for a word it does not know) */
          char *w = dg_xstrndup(seg, n);
          if (!dg_morph_hs_spell(m, w)) splittable = false;
          free(w);
        }
      }
    }
    if (splittable) dg_cmp_compass(g);
    /* Names, derivations and simple words with a fragment stay whole. */
    if (splittable && dg_cmp_keep_whole(g, seg, n)) splittable = false;
    if (splittable && isfinite(g->best[0].cost) && g->best[0].nstems >= 2) {
      int i0 = 0;
      while (i0 < g->ncp && np < max) {
        const dg_cmp_best *b = &g->best[i0];
        size_t fs = orig_off[i0], fe = orig_off[b->end];
        out[np].form = dg_morph_intern(m, seg + fs, fe - fs);
        out[np].lemma = b->lemma ? dg_morph_intern(m, b->lemma, strlen(b->lemma))
                                 : out[np].form;
        out[np].kind = DG_PART_STEM;
        out[np].start = (unsigned)(start + fs);
        out[np].end = (unsigned)(start + fe);
        np++;
        if (b->next > b->end && np < max) {
          size_t ls = orig_off[b->end], le = orig_off[b->next];
          out[np].form = dg_morph_intern(m, seg + ls, le - ls);
          out[np].lemma = out[np].form;
          out[np].kind = DG_PART_LINK;
          out[np].start = (unsigned)(start + ls);
          out[np].end = (unsigned)(start + le);
          np++;
        }
        if (b->end >= g->ncp) break;
        i0 = b->next;
      }
    }
    seg_key = g->key;
    m->cmp_tmp = g->tmp;
  }
  m->cmp_low = low;
  if (np == 0 && max > 0) {
    out[0].form = dg_morph_intern(m, seg, n);
    out[0].lemma = S_simple_lemma(m, seg, n, last, g ? seg_key : dg_morph_lookup(m, seg, n));
    out[0].kind = DG_PART_STEM;
    out[0].start = (unsigned)start;
    out[0].end = (unsigned)end;
    np = 1;
  }
  return np;
}
