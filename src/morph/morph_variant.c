/* Spellings the dictionary does not use, mapped to the standard spelling:
 * umlauts written as two letters (Koeln, fuer, Gruesse: ae oe ue), Swiss
 * and old ss/ß (Grüsse, Strasse), the three equal consonants old
 * orthography wrote as two (Schiffahrt: Schifffahrt), and English verbs
 * with German participle and zu-infinitive morphology (upgedatet, geliket,
 * gestreamt, downzuloaden).  The replacement patterns are data (word
 * class spelling-variant in dictionaries/word-classes.tsv, "ae>ä"); a
 * variant is taken only when the word as written is unknown and the
 * variant is known, so "neue", "Feuer", "aktuell" stay as they are.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "morph.h"
#include "morph_internal.h"
#include "morph_text.h"

#define S_MAX_SITES 8    /* pattern occurrences tried in one word */
#define S_MAX_TRIES 96   /* candidate spellings tried in one word */

typedef struct {
  size_t at, from_len;
  const char *to;
} S_site;

/* Does the tables know the spelling (any reading, case aside)? */
static bool S_in_tables(dg_morph *m, const char *s, size_t n) {
  return dg_morph_key_readings(&m->data, dg_morph_lookup(m, s, n)) > 0;
}

bool dg_morph_in_tables(dg_morph *m, const char *word) {
  return m && word && S_in_tables(m, word, strlen(word));
}

/* (Both below take a variant only of a word unknown as written to the
 * tables and to hunspell; the tables are asked first, hunspell, at tens of
 * thousands of instructions a word, only about a word that has one.) */

const char *dg_morph_spelling_variant(dg_morph *m, const char *word) {
  if (!m || !word || !m->variants || !m->variants[0]) return NULL;
  size_t n = strlen(word);
  if (n < 2 || n > 120 || S_in_tables(m, word, n)) return NULL;
  /* Every occurrence of every pattern's left side is a site. */
  S_site site[S_MAX_SITES];
  size_t ns = 0;
  for (size_t v = 0; m->variants[v] && ns < S_MAX_SITES; v++) {
    const char *pat = m->variants[v], *gt = strchr(pat, '>');
    if (!gt || gt == pat) continue;
    size_t fl = (size_t)(gt - pat);
    /* (the first byte tested here: a call to strncmp at every position
     * cost more than the rest of the look for a variant) */
    for (size_t at = 0; at + fl <= n && ns < S_MAX_SITES; at++)
      if (word[at] == pat[0] && strncmp(word + at, pat, fl) == 0) site[ns++] = (S_site){at, fl, gt + 1};
  }
  if (!ns) return NULL;
  /* Fewest changes first: every subset of sites of size 1, then 2 ... */
  dg_buf b;
  dg_buf_init(&b);
  const char *found = NULL;
  size_t tries = 0;
  for (size_t size = 1; size <= ns && !found && tries < S_MAX_TRIES; size++) {
    for (unsigned mask = 1; mask < (1u << ns) && !found && tries < S_MAX_TRIES; mask++) {
      if ((size_t)__builtin_popcount(mask) != size) continue;
      /* sites in word order, none overlapping */
      bool ok = true;
      size_t last_end = 0;
      size_t order[S_MAX_SITES], no = 0;
      for (size_t i = 0; i < ns; i++)
        if (mask & (1u << i)) order[no++] = i;
      for (size_t i = 1; i < no; i++)
        for (size_t j = i; j > 0 && site[order[j]].at < site[order[j - 1]].at; j--) {
          size_t t = order[j];
          order[j] = order[j - 1];
          order[j - 1] = t;
        }
      dg_buf_clear(&b);
      for (size_t i = 0; i < no && ok; i++) {
        const S_site *s = &site[order[i]];
        if (s->at < last_end) ok = false;
        else {
          dg_buf_put(&b, word + last_end, s->at - last_end);
          dg_buf_puts(&b, s->to);
          last_end = s->at + s->from_len;
        }
      }
      if (!ok) continue;
      dg_buf_puts(&b, word + last_end);
      tries++;
      if (S_in_tables(m, b.data, b.len)) found = dg_morph_intern(m, b.data, b.len);
    }
  }
  dg_buf_free(&b);
  return found && !dg_morph_hs_spell(m, word) ? found : NULL;
}

/* Is `inf` a verb the tables or the caller's lexicon know? */
static bool S_known_verb(dg_morph *m, const char *inf) {
  return dg_morph_is_verb(m, inf) || dg_morph_known_lemma(m, inf);
}

const char *dg_morph_loan_verb(dg_morph *m, const char *word, bool *zu_inf) {
  if (!m || !word) return NULL;
  size_t n = strlen(word);
  if (n < 6 || n > 60 || S_in_tables(m, word, n)) return NULL;
  for (size_t i = 0; i < n; i++)
    if (word[i] < 'a' || word[i] > 'z') return NULL; /* lower-case ASCII: English stems */
  dg_buf b;
  dg_buf_init(&b);
  const char *found = NULL;
  bool zu = false;
  /* P + ge + X + t/et/d/ed (geliket, gestreamt, upgedatet, geupdatet) and
   * P + zu + X + en/n (downzuloaden, upzudaten); P is an English particle
   * of up to six letters or nothing (ge) and at least two letters (zu). */
  static const char *const ptcp_ends[] = {"et", "ed", "t", "d", NULL};
  for (size_t pl = 0; pl <= 6 && pl + 2 < n && !found; pl++) {
    for (int kind = 0; kind < 2 && !found; kind++) {
      const char *mark = kind ? "zu" : "ge";
      if (kind && pl < 2) continue;
      if (strncmp(word + pl, mark, 2) != 0) continue;
      const char *x = word + pl + 2;
      size_t xn = n - pl - 2;
      static const char *const inf_ends[] = {"en", "n", NULL};
      for (size_t e = 0; !found && (kind ? inf_ends[e] : ptcp_ends[e]); e++) {
        const char *end = kind ? inf_ends[e] : ptcp_ends[e];
        size_t el = strlen(end);
        if (xn < el + 3 || strcmp(x + xn - el, end) != 0) continue;
        size_t stem = xn - el;
        /* infinitive: P + X + en, or + n after a stem in e (like|n, date|n) */
        dg_buf_clear(&b);
        dg_buf_put(&b, word, pl);
        dg_buf_put(&b, x, stem);
        dg_buf_puts(&b, x[stem - 1] == 'e' ? "n" : "en");
        bool ok = S_known_verb(m, b.data);
        if (!ok && stem >= 2 && (x[stem - 1] == 'l' || x[stem - 1] == 'r')) {
          /* cancel|n, googel|n: the -eln/-ern infinitive */
          b.len -= 2;
          b.data[b.len] = '\0';
          dg_buf_puts(&b, "n");
          ok = S_known_verb(m, b.data);
        }
        if (ok) {
          found = dg_morph_intern(m, b.data, b.len);
          zu = kind == 1;
        }
      }
    }
  }
  dg_buf_free(&b);
  if (!found || dg_morph_hs_spell(m, word)) return NULL;
  *zu_inf = zu;
  return found;
}
