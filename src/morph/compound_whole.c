/* Is this word a compound at all?  The decisions around the compound
 * search of compound.c that keep a segment whole: before the search, words
 * the tables know whole as verb forms, adjectives, names or closed-class
 * words, participles with an adjective ending and all-capital
 * abbreviations; after it, splits that look like names (Rum|bach,
 * Wart|mann, place and country names), splits with a short fragment for a
 * part (Appelle, Urbanski) and derivations of particle verbs
 * (Hervorbringung).  The name-like heads also refuse a split only the
 * caller's lexicon supports (compound.c).  A segment kept whole is its own
 * single part.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compound_internal.h"
#include "morph_text.h"

#define S_SHORT_RANK 20000 /* short nouns ranked up to here are common words */
#define S_SHORT_RANK_LONG 50000 /* the same in words of S_LONG_WORD code points or more */
#define S_LONG_WORD 8

/* Start (code point index) of the last stem of the best split. */
static int S_last_stem(const dg_cmp_seg *g) {
  int i = 0;
  while (i < g->ncp && g->best[i].end < g->ncp) i = g->best[i].next;
  return i;
}

/* Is the stem [i, end) a noun of the paradigm tables (not a name nor a
 * hunspell-only word) of five code points or more (Radieschen, Maurer)? */
static bool S_table_noun(const dg_cmp_seg *g, int i, int end) {
  if (end - i < 5) return false;
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->lo + g->lo_off[i], g->lo_off[end] - g->lo_off[i]);
  for (uint32_t j = 0; k && j < k->count; j++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + j];
    if (a->flags & DG_AF_CLOSED) return false;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_NOUN && !(l->flags & (DG_LF_HUNSPELL | DG_LF_NOMINF))) return true;
  }
  return false;
}

/* Is the stem [i, end) an adjective of the paradigm tables in its bare
 * form, of four letters or more (hoch, tief, groß)? */
static bool S_table_adj(const dg_cmp_seg *g, int i, int end) {
  if (end - i < 4) return false;
  size_t n = g->lo_off[end] - g->lo_off[i];
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->lo + g->lo_off[i], n);
  for (uint32_t j = 0; k && j < k->count; j++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + j];
    if (a->flags & DG_AF_CLOSED) return false;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_ADJ && !(l->flags & DG_LF_HUNSPELL) && strlen(g->m->data.str + l->str) == n &&
        memcmp(g->m->data.str + l->str, g->lo + g->lo_off[i], n) == 0)
      return true;
  }
  return false;
}

/* Does the segment end like a place or family name (Nennhausen,
 * Bahrmann, Westerdorf), the name element being the whole last stem
 * (Rum|bach, Wart|mann; not Mütter|wohnheim)?  Feld, Sohn and Wege are
 * name elements (Rosenfeld, Eschwege) and common nouns: after a first
 * part that is a long common noun of the tables they head a compound
 * (Radieschen|feld, Maurer|sohn, Aufstieg|wege), which is no name. */
bool dg_cmp_name_head(const dg_cmp_seg *g) {
  size_t n = g->lo_off[g->ncp];
  int ls = isfinite(g->best[0].cost) ? S_last_stem(g) : 0;
  size_t last = g->lo_off[ls];
  /* the endings (word classes name-ending, name-ending-weak) that start at
   * the last stem or before it, at a code point, leaving a first letter */
  int weak = -1;
  for (int k = 1; k < g->ncp; k++) {
    size_t start = g->lo_off[k];
    if (start > last + 1) break;
    dg_word_class c = dg_morph_classes_of(g->m, g->lo + start, n - start, DG_WC_NAME_ENDING | DG_WC_NAME_ENDING_WEAK);
    if (c & DG_WC_NAME_ENDING) return true;
    if (weak < 0 && (c & DG_WC_NAME_ENDING_WEAK)) weak = k;
  }
  if (weak < 0) return false;
  return !(isfinite(g->best[0].cost) && g->best[0].nstems == 2 && S_table_noun(g, 0, g->best[0].end));
}

/* Is the segment (not known whole) a particle or adverb + a derivation of
 * the particle verb (Hervor|bringung of hervorbringen, Empor|kommens of
 * emporkommen, Mit|schreiber of mitschreiben)?  first_end: end of the
 * first stem (code points). */
static bool S_particle_verb_derivation(dg_cmp_seg *g, int first_end) {
  static const char *const ends[] = {"ungen", "ung", "ens", "en", "ern", "ers", "er",
                                     "erin", "erinnen", NULL};
  size_t pe = g->lo_off[first_end], n = g->lo_off[g->ncp];
  if (!dg_morph_is_particle(g->m, g->lo, pe)) {
    const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->lo, pe);
    bool adv = false;
    for (uint32_t i = 0; k && i < k->count; i++) {
      const dg_morph_anal *a = &g->m->data.anal[k->first + i];
      if ((a->flags & DG_AF_CLOSED) && (a->pos == DG_POS_ADP || a->pos == DG_POS_ADV)) adv = true;
    }
    if (!adv) return false;
  }
  for (size_t i = 0; ends[i]; i++) {
    size_t l = strlen(ends[i]);
    if (n < pe + l + 2 || memcmp(g->lo + n - l, ends[i], l) != 0) continue;
    dg_buf v;
    dg_buf_init(&v);
    dg_buf_put(&v, g->lo, n - l);
    dg_buf_puts(&v, "en");
    bool verb = dg_morph_is_verb(g->m, v.data);
    if (!verb) { /* schreiber -> schreiben; rundungen -> runden */
      dg_buf_clear(&v);
      dg_buf_put(&v, g->lo, n - l);
      dg_buf_puts(&v, "n");
      verb = v.len > 4 && v.data[v.len - 2] == 'e' && dg_morph_is_verb(g->m, v.data);
    }
    dg_buf_free(&v);
    if (verb) return true;
  }
  return false;
}

/* Does the segment end like a country or region name, in the nominative
 * or genitive (Russland, Russlands, Frankreichs)? */
/* Is the best split's head itself a known noun or name of six letters or
 * more, such as a country or realm (West|frankreich, Nord|italien,
 * Ost|deutschland)? */
static bool S_known_long_head(const dg_cmp_seg *g) {
  if (!isfinite(g->best[0].cost) || g->best[0].nstems < 2) return false;
  size_t n = g->lo_off[g->ncp];
  size_t hs = g->lo_off[S_last_stem(g)];
  if (n - hs < 6) return false;
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->lo + hs, n - hs);
  for (uint32_t j = 0; k && j < k->count; j++) {
    const dg_morph_lemma *l = &g->m->data.lemmas[g->m->data.anal[k->first + j].lemma];
    if (!(g->m->data.anal[k->first + j].flags & DG_AF_CLOSED) &&
        (l->pos == DG_POS_PROPN || l->pos == DG_POS_NOUN))
      return true;
  }
  return false;
}

/* Does the best split begin with a compass point before a long known head
 * (Ost|frankreich, Süd|afrika: word class compass-point)? */
static bool S_compass_before_head(const dg_cmp_seg *g) {
  if (!isfinite(g->best[0].cost) || g->best[0].nstems < 2) return false;
  return dg_morph_is(g->m, g->lo, g->lo_off[g->best[0].end], DG_WC_COMPASS_POINT) && S_known_long_head(g);
}

/* A compass point is one part, compound ones too: a best split that
 * opens with a compass point the next letters make a longer one of is
 * read with the longer (Nordost|england, not Nord|ostengland: the
 * tables know Ostengland too), when the rest after it splits.  And a head
 * after compass points that may be read as a place is that place
 * (West|polen: Polen is Poland there, never the plural of Pole or Pol). */
void dg_cmp_compass(dg_cmp_seg *g) {
  if (!isfinite(g->best[0].cost) || g->best[0].nstems < 2 || g->best[0].next != g->best[0].end ||
      !dg_morph_is(g->m, g->lo, g->lo_off[g->best[0].end], DG_WC_COMPASS_POINT))
    return;
  for (int j = g->best[0].end + 1; j <= g->ncp - 3; j++) {
    if (!isfinite(g->best[j].cost) || !dg_morph_is(g->m, g->lo, g->lo_off[j], DG_WC_COMPASS_POINT)) continue;
    dg_buf_clear(&g->tmp);
    dg_utf8_capitalize(&g->tmp, g->lo, g->lo_off[j]);
    g->best[0] = (dg_cmp_best){g->best[0].cost, j, j, g->best[j].nstems + 1,
                               dg_morph_intern(g->m, g->tmp.data, g->tmp.len)};
  }
  int i = g->best[0].next;
  while (g->best[i].end < g->ncp) {
    if (g->best[i].next != g->best[i].end ||
        !dg_morph_is(g->m, g->lo + g->lo_off[i], g->lo_off[g->best[i].end] - g->lo_off[i], DG_WC_COMPASS_POINT))
      return;
    i = g->best[i].next;
  }
  const char *place = dg_morph_place_lemma(g->m, g->lo + g->lo_off[i], g->lo_off[g->ncp] - g->lo_off[i]);
  if (place) g->best[i].lemma = place;
}

bool dg_cmp_country_head(const dg_cmp_seg *g) {
  static const char *const heads[] = {"land", "lands", "reich", "reichs", "ien", "iens", NULL};
  size_t n = g->lo_off[g->ncp];
  /* A head that is itself a known country or realm makes a compound read
   * from its parts. */
  if (S_known_long_head(g)) return false;
  for (size_t i = 0; heads[i]; i++) {
    size_t l = strlen(heads[i]);
    if (n > l && memcmp(g->lo + n - l, heads[i], l) == 0) return true;
  }
  return false;
}

/* Is s (n bytes, lower case) a common noun of the paradigm tables ranked
 * up to `rank` (Tal, Akt, Kur, See: not a name nor a hunspell-only word)?
 * An old ß after a short vowel is counted under its ss spelling, which the
 * frequency list ranks (Baß|regionen, Paß|kontrolle, Faß|bier: Bass,
 * Pass, Fass). */
static bool S_common_noun(const dg_cmp_seg *g, const char *s, size_t n, unsigned rank) {
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, s, n);
  for (uint32_t j = 0; k && j < k->count; j++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + j];
    if (a->flags & DG_AF_CLOSED) return false;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    const char *ls = g->m->data.str + l->str;
    bool abbrev = ls[0] >= 'A' && ls[0] <= 'Z' && ls[1] >= 'A' && ls[1] <= 'Z'; /* IC, IM */
    if (l->pos == DG_POS_NOUN && !(l->flags & (DG_LF_HUNSPELL | DG_LF_NOMINF)) && !abbrev &&
        l->rank && l->rank <= rank)
      return true;
  }
  size_t at = 0;
  while (at + 1 < n && !((unsigned char)s[at] == 0xC3 && (unsigned char)s[at + 1] == 0x9F)) at++;
  if (!k || at + 1 >= n || n >= 16) return false;
  char ss[16];
  memcpy(ss, s, n);
  ss[at] = ss[at + 1] = 's';
  return S_common_noun(g, ss, n, rank);
}

/* Is s (n bytes, lower case) the stem of a simple verb of the tables that
 * is a first part as it stands (mal of malen, näh of nähen, ess of essen:
 * Mal|wände, Näh|maschine, Ess|tisch)? */
static bool S_common_verb_stem(const dg_cmp_seg *g, const char *s, size_t n) {
  char inf[24];
  if (n < 2 || n + 3 > sizeof inf) return false;
  /* Stems ending in a voiced b, d, g or s take an e before a head
   * (Lebe|wesen, Bade|wanne, Lese|brille): bare, they are no first part
   * (Leb|recht is a first name). */
  if (strchr("bdg", s[n - 1]) || (s[n - 1] == 's' && s[n - 2] != 's')) return false;
  memcpy(inf, s, n);
  memcpy(inf + n, "en", 3);
  const dg_morph_key *k = dg_morph_data_find(&g->m->data, inf, n + 2);
  for (uint32_t j = 0; k && j < k->count; j++) {
    const dg_morph_anal *a = &g->m->data.anal[k->first + j];
    if (a->flags & DG_AF_CLOSED) continue;
    const dg_morph_lemma *l = &g->m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_VERB && !l->particle && !(l->flags & DG_LF_HUNSPELL) &&
        (a->cells & (1ULL << DG_VC_INF)) && strcmp(g->m->data.str + l->str, inf) == 0)
      return true;
  }
  return false;
}

/* Is the short stem [i, end) a common noun of the paradigm tables (Tal,
 * Akt, Kur, See: not a name nor a hunspell-only word), a confix (Uni) or
 * the stem of a simple verb of the tables before a head that is a common
 * noun of five letters or more (Mal|wände; a short verb stem before a short
 * word is more often a name: Hup|ton, Sam|mai)?  In a word of
 * eight letters or more, a less frequent noun counts too
 * (Verzweiflung|akt, Los|buden): short words of a short part are more
 * often names (Ireton, Maginot) than long ones. */
static bool S_common_short(const dg_cmp_seg *g, int i, int end) {
  const char *s = g->lo + g->lo_off[i];
  size_t n = g->lo_off[end] - g->lo_off[i];
  if (dg_morph_is(g->m, s, n, DG_WC_CONFIX)) return true;
  if (i == 0 && end < g->ncp && S_common_verb_stem(g, s, n) && g->best[0].nstems == 2 &&
      S_table_noun(g, g->best[0].next, g->ncp))
    return true;
  bool adj_first = end == g->ncp && g->best[0].nstems == 2 && g->best[0].next == g->best[0].end &&
                   S_table_adj(g, 0, g->best[0].end);
  return S_common_noun(g, s, n, g->ncp >= S_LONG_WORD || adj_first ? S_SHORT_RANK_LONG : S_SHORT_RANK);
}

/* May the short common stem at i keep its link b?  Stem and link must
 * spell a form of the noun: the genitive s (Tag|s, Rat|s) or the n plural
 * of a noun in -e (See|n); Mai|n is no such word (Main is a river). */
static bool S_short_link_ok(const dg_cmp_seg *g, int i, const dg_cmp_best *b) {
  size_t s0 = g->lo_off[i], se = g->lo_off[b->end], sn = g->lo_off[b->next];
  if (sn - se == 1 && g->lo[se] == 'n' && g->lo[se - 1] != 'e') return false;
  return dg_cmp_link_spells_form(g, g->lo + s0, sn - s0, b->lemma);
}

/* Does the best split have a stem of fewer than 4 code points?  With
 * `common_ok`, short common nouns (Tal|kurs, Duo|spiel) do not count. */
static bool S_has_short_part(const dg_cmp_seg *g, bool common_ok) {
  int i = 0;
  while (i < g->ncp) {
    const dg_cmp_best *b = &g->best[i];
    /* (a short stem with a link is no common word, Mai|n|bogen, unless
     * stem and link spell a form of the noun: Tag|s, Rat|s, See|n) */
    if (b->end - i < 4 && !(common_ok && S_common_short(g, i, b->end) &&
                            (b->next == b->end || S_short_link_ok(g, i, b))))
      return true;
    if (b->end >= g->ncp) break;
    i = b->next;
  }
  return false;
}

/* Is the segment a participle with an adjective ending (Übertragenden =
 * übertragend + en, Abteilende = abteilend + e)? */
static bool S_is_participle_form(dg_cmp_seg *g) {
  /* (the endings with their lengths, compared byte by byte: strlen and
   * memcmp calls cost more than these few bytes) */
  static const struct { const char *s; size_t n; } ends[] = {{"e", 1}, {"en", 2}, {"em", 2}, {"er", 2}, {"es", 2}, {NULL, 0}};
  size_t n = g->lo_off[g->ncp];
  for (size_t i = 0; ends[i].s; i++) {
    size_t l = ends[i].n, b = 0;
    if (n < l + 4) continue;
    while (b < l && g->lo[n - l + b] == ends[i].s[b]) b++;
    if (b < l) continue;
    const dg_morph_key *k = dg_morph_data_find(&g->m->data, g->lo, n - l);
    if (!k) continue;
    for (uint32_t j = 0; j < k->count; j++) {
      const dg_morph_anal *a = &g->m->data.anal[k->first + j];
      if (!(a->flags & DG_AF_CLOSED) && g->m->data.lemmas[a->lemma].pos == DG_POS_VERB &&
          (a->cells & ((1ULL << DG_VC_PTCP1) | (1ULL << DG_VC_PTCP2))))
        return true;
    }
  }
  return false;
}

/* Is the noun lemma the nominalisation of an adjective reading of the same
 * key (das Professionelle of professionell, das Achtzigfache of
 * achtzigfach)?  Such a word is that adjective: Profession|ellen and
 * Acht|zigfache are no compounds. */
static bool S_nominalised_adj(const dg_morph *m, const dg_morph_key *k, const char *lemma) {
  size_t n = strlen(lemma);
  if (n < 6 || lemma[n - 1] != 'e') return false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    if ((a->flags & DG_AF_CLOSED) || l->pos != DG_POS_ADJ) continue;
    const char *al = m->data.str + l->str;
    /* the adjective's lemma is the noun's less its e, in small letters */
    if (strlen(al) == n - 1 && al[0] != lemma[0] && strncmp(al + 1, lemma + 1, n - 2) == 0) return true;
  }
  return false;
}

/* Is the whole segment known to the tables (other than as a compound), and
 * may it be split?  Verb forms and closed-class words are never split. */
static bool S_whole(dg_cmp_seg *g, bool *splittable) {
  dg_morph *m = g->m;
  const dg_morph_key *k = dg_morph_data_find(&m->data, g->lo, g->lo_off[g->ncp]);
  g->key = k;
  *splittable = true;
  if (S_is_participle_form(g)) {
    *splittable = false; /* Übertragenden, Abteilende: participles */
    return true;
  }
  /* (a noun only Ding lists makes no word known whole: the splitter
   * reads Zell|tod and Heim|mannschaft from their parts as before) */
  if (!dg_morph_key_readings(&m->data, k)) return false;
  bool noun = false, adj = false, verb = false, closed = false, table_name = false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) { closed = true; continue; }
    if (m->data.lemmas[a->lemma].flags & DG_LF_DING) continue;
    int pos = m->data.lemmas[a->lemma].pos;
    if (pos == DG_POS_PROPN && !(m->data.lemmas[a->lemma].flags & DG_LF_HUNSPELL)) table_name = true;
    noun |= pos == DG_POS_NOUN && !S_nominalised_adj(m, k, m->data.str + m->data.lemmas[a->lemma].str);
    adj |= pos == DG_POS_ADJ;
    verb |= pos == DG_POS_VERB;
  }
  if (closed) *splittable = false;
  /* Names stay whole (Frankfurt, Mendelsohn).  Hunspell's capitalised
   * words without plural are names or nouns (Lungenkarzinom): they are
   * split when the split is solid (checked after the search). */
  if (g->cap && !noun && !adj) {
    if (table_name || closed || verb) *splittable = false;
    else g->hs_name = true;
  }
  if (!g->cap && verb && !adj) *splittable = false;
  /* A capitalised form of an adjective the tables know whole (and no
   * noun) is that adjective, sentence-initial or nominalised: Professionellen
   * is no Profession | ellen, Wundervolle no Wunder | volle. */
  if (g->cap && adj && !noun && !g->hs_name) *splittable = false;
  /* Adjectives known whole stay whole: vollständig is no voll | ständig,
   * hauptsächlich no Haupt | sächlich (unknown ones, gelbrot, are split). */
  if (!g->cap) *splittable = false;
  return true;
}

/* May the segment be searched for a split at all?  Sets whole_known (and
 * hs_name) for the decisions after the search. */
bool dg_cmp_may_split(dg_cmp_seg *g, const char *seg, size_t n) {
  bool splittable;
  g->whole_known = S_whole(g, &splittable);
  /* All capitals are abbreviations or names (NEWART, JEANNETTE). */
  bool allcaps = true;
  for (size_t b = 0; b < n && allcaps; b++)
    if (seg[b] >= 'a' && seg[b] <= 'z') allcaps = false;
  if (allcaps && g->ncp < 10) splittable = false;
  return splittable;
}

/* Does the best split of a splittable segment (seg, n bytes as written)
 * leave it whole after all: a derivation, a name or a simple word with a
 * fragment for a part? */
bool dg_cmp_keep_whole(dg_cmp_seg *g, const char *seg, size_t n) {
  /* A noun that is also a bare adjective heads a compound after a long
   * common noun of the tables only (Weiden|stumpf). */
  if (isfinite(g->best[0].cost) && g->best[0].nstems >= 2) {
    int ls = S_last_stem(g);
    if (dg_cmp_adj_noun(g->m, g->lo + g->lo_off[ls], g->lo_off[g->ncp] - g->lo_off[ls]) &&
        !(g->best[0].nstems == 2 && S_table_noun(g, 0, g->best[0].end)))
      return true;
  }
  /* Derivations of particle verbs are no compounds (Hervorbringung). */
  if (!g->whole_known && isfinite(g->best[0].cost) && g->best[0].nstems == 2 &&
      g->best[0].next == g->best[0].end && S_particle_verb_derivation(g, g->best[0].end))
    return true;
  /* A hunspell word that may be a name: split only into long parts
   * with no name-like head (Weidenstumpf, not Rumbach or Wartmann); a
   * compass point may come before a long known head (Ost|frankreich). */
  if (g->hs_name && isfinite(g->best[0].cost) && g->best[0].nstems >= 2 &&
      (S_has_short_part(g, S_compass_before_head(g)) || dg_cmp_name_head(g) || dg_cmp_country_head(g)))
    return true;
  /* A word the tables know whole that splits only with a short part is
   * a simple word (Appelle, Asterlagen), not a compound with a
   * fragment; but a compass point before a long known head is a part
   * (Ost|frankreich). */
  if (g->whole_known && isfinite(g->best[0].cost) && g->best[0].nstems >= 2 &&
      S_has_short_part(g, S_compass_before_head(g)))
    return true;
  /* A word nobody knows (the tables, hunspell) that splits only into a
   * short part is more often a name than a compound: Urbanski, Eschwege,
   * Hörbach. */
  if (g->cap && !g->whole_known && isfinite(g->best[0].cost) &&
      g->best[0].nstems >= 2 && (S_has_short_part(g, true) || dg_cmp_name_head(g))) {
    char *w = dg_xstrndup(seg, n);
    /* (the lexicon first: hunspell's answer costs far more) */
    bool name = !dg_morph_known_lemma(g->m, w) && !dg_morph_hs_spell(g->m, w);
    free(w);
    if (name) return true;
  }
  return false;
}
