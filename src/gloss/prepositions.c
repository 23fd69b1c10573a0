/* Governed prepositions: a preposition a verb, noun or adjective governs
 * takes the sense that word gives it ("über Land sprechen": speak about
 * land, not over; "die Hoffnung auf eine Einigung": hope for; "sich vor
 * Angriffen schützen": protect from), from the table
 * dictionaries/governed-prepositions.tsv (governed.c).
 *
 * The governor is the noun or adjective right before the preposition
 * ("Gespräche über", "stolz auf"), else the nearest verb of its clause.  A
 * preposition that opens its clause is left alone when only a verb could
 * govern it: a phrase put first is mostly an adverbial ("Nach dem Treffen
 * fragte er": after).  A governor's object is in the case the table gives
 * ("auf" of hoping and answering takes the accusative: "auf Ihren Händen"
 * is on them), and is no number, time or superlative ("über 100
 * Menschen", "am Montag", "am besten").  A few verbs take their sense
 * from the preposition in turn ("stimmen gegen": vote, not be right).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "governed.h"
#include "word.h"

/* What the governed table says of the sentence's lemmas: each one's key
 * and what it may be (dg_governed_may), made when first asked for: a verb
 * of a clause is asked about with each of its prepositions, and about its
 * own sense first, and most words govern none, which is then told without
 * a call.  (Of the first 64 words; a word further on is asked each time.) */
typedef struct S_keys {
  uint64_t known; /* bit j: key[j] and may[j] made */
  uint64_t key[64];
  unsigned char may[64];
} S_keys;

/* What token j's lemma may be (DG_GOVERNED_MAY_*), with its key in *key. */
static inline unsigned S_may(const dg_engine *e, const dg_gl_ctx *c, S_keys *ks, size_t j, uint64_t *key) {
  if (j >= 64) return dg_governed_may(e->governed, c->s->tokens[j].lemma, key);
  if (!(ks->known >> j & 1)) {
    ks->may[j] = (unsigned char)dg_governed_may(e->governed, c->s->tokens[j].lemma, &ks->key[j]);
    ks->known |= (uint64_t)1 << j;
  }
  *key = ks->key[j];
  return ks->may[j];
}

/* A phrase that is no object: a number ("über 100 Menschen"), a time
 * ("am Montag", "vor einem Monat": a weekday, a month or a noun of time,
 * word classes, among its first words), a superlative ("am besten"). */
static bool S_not_object(const dg_gl_ctx *c, size_t i, bool contracted) {
  const dg_dsentence *s = c->s;
  if (i + 1 >= s->ntokens) return true;
  const dg_dtoken *n = &s->tokens[i + 1];
  if (n->kind == DG_KIND_NUMBER || dg_gl_pos_is(n, DG_UD_NUM)) return true;
  if (contracted && (dg_gl_pos_is(n, DG_UD_ADJ) || dg_gl_pos_is(n, DG_UD_ADV))) return true;
  for (size_t j = i + 1; j < s->ntokens && j <= i + 3; j++) {
    if (dg_gl_is(&c->w[j], DG_WC_WEEKDAY | DG_WC_WEEKDAY_TIME | DG_WC_MONTH) ||
        (dg_gl_pos_is(&s->tokens[j], DG_UD_NOUN) && dg_lexicon_is(c->lex, s->tokens[j].lemma, DG_WC_TIME_NOUN)))
      return true;
    if (dg_gl_pos_is(&s->tokens[j], DG_UD_NOUN) || s->tokens[j].kind != DG_KIND_WORD) break;
  }
  return false;
}

/* Is the phrase after the preposition plainly in another case than the
 * governor's (its article's or pronoun's reading names only the other
 * case; an adjective's or noun's one reading among many says little)? */
static bool S_other_case(const dg_gl_ctx *c, size_t i, const char *gov_case) {
  if (!*gov_case || i + 1 >= c->s->ntokens || !c->w[i + 1].is_closed) return false;
  const char *l = c->w[i + 1].leipzig;
  if (!l || !*l) return false;
  bool acc = dg_gl_has_label(l, "ACC"), dat = dg_gl_has_label(l, "DAT");
  return dg_gl_eq(gov_case, "ACC") ? dat && !acc : acc && !dat;
}

/* The gloss the governor of the preposition at i gives it, or NULL. */
static const char *S_governed(const dg_engine *e, const dg_gl_ctx *c, S_keys *ks, size_t i, const char *prep) {
  const dg_dsentence *s = c->s;
  const char *gc = "";
  if (i > 0) {
    const dg_dtoken *p = &s->tokens[i - 1];
    if (p->kind == DG_KIND_WORD && (dg_gl_pos_is(p, DG_UD_NOUN) || dg_gl_pos_is(p, DG_UD_ADJ))) {
      uint64_t key;
      const char *g = (S_may(e, c, ks, i - 1, &key) & DG_GOVERNED_MAY_GOVERN)
                          ? dg_governed_gloss_by(e->governed, p->lemma, key, prep, &gc)
                          : NULL;
      if (g) return S_other_case(c, i, gc) ? NULL : g;
    }
  }
  /* A verb governs a phrase inside its clause, not one put first, nor the
   * second half of a span ("von A nach B"). */
  size_t a = dg_gl_cstart(c, i), b = dg_gl_cend(c, i);
  if (a == i || (i >= 2 && dg_gl_pos_is(&s->tokens[i - 2], DG_UD_ADP) && s->tokens[i - 1].kind == DG_KIND_NAME))
    return NULL;
  /* (the nearest verb of the clause that governs it) */
  const char *best = NULL, *best_case = "";
  size_t dist = SIZE_MAX;
  for (size_t j = a; j < b; j++) {
    const dg_dtoken *v = &s->tokens[j];
    if (!(dg_gl_pos_is(v, DG_UD_VERB) || dg_gl_pos_is(v, DG_UD_ADJ)) || j == i || v->kind != DG_KIND_WORD) continue;
    uint64_t key;
    if (!(S_may(e, c, ks, j, &key) & DG_GOVERNED_MAY_GOVERN)) continue;
    const char *g = dg_governed_gloss_by(e->governed, v->lemma, key, prep, &gc);
    size_t dj = j > i ? j - i : i - j;
    if (g && dj < dist) {
      best = g;
      best_case = gc;
      dist = dj;
    }
  }
  if (best) return S_other_case(c, i, best_case) ? NULL : best;
  /* The row for any common noun right before it (governor NOUN: "eine
   * Reihe von Schulen" = of), not in a passive clause, whose "von" names
   * the agent ("von der Marine abgenommen" = by) */
  /* (nor before an adverb, "von jetzt an", nor in a span of places, "Flüge
   * von A nach B": a preposition two words on) */
  if (i > 0 && s->tokens[i - 1].kind == DG_KIND_WORD && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_NOUN) &&
      i + 1 < s->ntokens && !dg_gl_pos_is(&s->tokens[i + 1], DG_UD_ADV) &&
      !(i + 2 < s->ntokens && dg_gl_pos_is(&s->tokens[i + 2], DG_UD_ADP))) {
    /* (the row first: most prepositions have none, and the clause's
     * words are then not walked) */
    const char *g = dg_governed_noun_gloss(e->governed, prep, &gc);
    if (!g) return NULL;
    for (size_t j = a; j < b; j++)
      if (c->w[j].extra && dg_gl_eq(c->w[j].extra, "PASS")) return NULL;
    if (!S_other_case(c, i, gc)) return g;
  }
  return NULL;
}

/* Is the subject next to the verb at j a neuter pronoun standing alone
 * (das, es, dies: not the article of a noun after it), which speaks of a
 * fact ("das stimmt für die meisten": holds for, not votes for)? */
static bool S_fact_subject(const dg_gl_ctx *c, size_t j) {
  const dg_dsentence *s = c->s;
  for (int dir = -1; dir <= 1; dir += 2) {
    if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= s->ntokens)) continue;
    size_t k = dir < 0 ? j - 1 : j + 1;
    const char *l = c->w[k].leipzig;
    if (!c->w[k].is_closed || !l || !dg_gl_has_label(l, "N") || dg_gl_has_label(l, "PL")) continue;
    const dg_dtoken *n = k + 1 < s->ntokens ? &s->tokens[k + 1] : NULL;
    if (!n || !(dg_gl_pos_is(n, DG_UD_NOUN) || dg_gl_pos_is(n, DG_UD_PROPN) || dg_gl_pos_is(n, DG_UD_ADJ))) return true;
  }
  return false;
}

/* A verb whose sense its preposition picks (the table's fifth column:
 * "stimmten gegen den Vorschlag", "stimmten dagegen" = voted, not were
 * right): the preposition, or a pronominal adverb made of it (the table
 * lists those as they are: dafür, dagegen), in the verb's clause puts
 * that sense first.  (The verb at j.) */
static void S_verb_sense(dg_engine *e, dg_doc *d, dg_gl_ctx *c, S_keys *ks, size_t j) {
  dg_dsentence *s = c->s;
  dg_dtoken *v = &s->tokens[j];
  uint64_t key;
  if (v->kind != DG_KIND_WORD || v->nglosses < 2 || v->mwe >= 0 || !(S_may(e, c, ks, j, &key) & DG_GOVERNED_MAY_SENSE))
    return;
  /* (the first preposition of the clause with a row) */
  const char *sense = NULL;
  for (size_t i = dg_gl_cstart(c, j), b = dg_gl_cend(c, j); i < b && !sense; i++) {
    const dg_dtoken *p = &s->tokens[i];
    if (i != j && p->kind == DG_KIND_WORD && (dg_gl_pos_is(p, DG_UD_ADP) || dg_gl_pos_is(p, DG_UD_ADV)))
      sense = dg_governed_sense(e->governed, v->lemma, p->lemma);
  }
  if (!sense || S_fact_subject(c, j)) return;
  for (size_t k = 1; k < v->nglosses; k++)
    if (dg_gl_eq(v->glosses[k], sense)) {
      dg_gl_promote(d, v, sense);
      break;
    }
}

/* The preposition at i takes the sense its governor gives it. */
static void S_preposition(dg_engine *e, dg_doc *d, dg_gl_ctx *c, S_keys *ks, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  if (t->kind != DG_KIND_WORD || !c->w[i].is_closed || t->mwe >= 0 || (t->flags & DG_DF_SEP_PARTICLE) || !t->gloss ||
      !t->lemma[0])
    return;
  /* (a contraction with the article: "am", "vom" = on.the, from.the) */
  bool contracted = strcmp(c->w[i].lower, t->lemma) != 0;
  if (contracted && !strstr(t->gloss, ".the")) return;
  /* (most prepositions have no governor: asked first, as neither question
   * changes anything the other reads) */
  const char *g = S_governed(e, c, ks, i, t->lemma);
  if (!g || S_not_object(c, i, contracted)) return;
  char buf[64];
  if (contracted) {
    if (strlen(g) + 5 > sizeof buf) return;
    strcpy(buf, g);
    strcat(buf, ".the");
    g = buf;
  }
  if (strcmp(t->gloss, g) != 0) dg_gl_promote(d, t, g);
}

/* The verbs whose preposition picks their sense, and the prepositions
 * whose governor picks theirs, in one walk: each step changes only the
 * gloss of its own word, which the other does not read. */
void dg_gl_governed(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  if (!dg_governed_count(e->governed)) return;
  dg_dsentence *s = c->s;
  /* (the tokens walked in turn: no call below changes the array; the part
   * of speech first: most words are neither) */
  const dg_dtoken *t = s->tokens;
  /* (no step changes a lemma: a word's key, once made, holds for the walk) */
  S_keys ks;
  ks.known = 0;
  for (size_t i = 0, n = s->ntokens; i < n; i++, t++) {
    if (dg_gl_pos_is(t, DG_UD_VERB)) S_verb_sense(e, d, c, &ks, i);
    else if (dg_gl_pos_is(t, DG_UD_ADP)) S_preposition(e, d, c, &ks, i);
  }
}
