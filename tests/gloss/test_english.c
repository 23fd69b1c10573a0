/* English word forms for the plain gloss style (english.c): past and
 * participle with consonant doubling by stress and the lexicon's irregular
 * verbs, plurals that must not be added twice, phrasal glosses inflected on
 * their first word.  Reads degloss.lex from DEGLOSS_DATA_DIR.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss.h"
#include "harness.h"

typedef void (*S_form)(dg_buf *, const char *);

/* The irregular verbs come from the lexicon. */
static dg_lexicon *S_lex;
static void S_past(dg_buf *b, const char *verb) { dg_english_past_lex(S_lex, b, verb); }
static void S_participle(dg_buf *b, const char *verb) { dg_english_participle_lex(S_lex, b, verb); }

static char *S_apply(S_form f, const char *in) {
  dg_buf b;
  dg_buf_init(&b);
  f(&b, in);
  return dg_buf_detach(&b);
}

static void S_check(S_form f, const char *in, const char *want, const char *what) {
  char *got = S_apply(f, in);
  STR_EQ(got, want, "%s", what);
  free(got);
}

int main(void) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  S_lex = dg_lexicon_open_default(&err);
  if (!S_lex) {
    fprintf(stderr, "gloss.english: %s: %s\n", err.source, err.text);
    return 1;
  }
  /* Doubling: one-syllable CVC words and stressed final syllables. */
  S_check(S_past, "stop", "stopped", "stop");
  S_check(S_past, "refer", "referred", "refer: stress on the last syllable");
  S_check(S_past, "prefer", "preferred", "prefer");
  S_check(S_past, "transfer", "transferred", "transfer");
  S_check(S_past, "occur", "occurred", "occur");
  S_check(S_past, "commit", "committed", "commit");
  S_check(S_past, "control", "controlled", "control");
  S_check(S_past, "travel", "travelled", "travel (British spelling)");
  S_check(S_past, "offer", "offered", "offer: stress on the first syllable");
  S_check(S_past, "differ", "differed", "differ");
  S_check(S_past, "enter", "entered", "enter");
  S_check(S_past, "open", "opened", "open: two syllables");
  S_check(S_past, "visit", "visited", "visit");
  S_check(S_past, "limit", "limited", "limit");
  S_check(S_past, "appeal", "appealed", "appeal: two vowels");
  S_check(S_participle, "omit", "omitted", "omit");
  /* Phrasal glosses: the first word is inflected. */
  S_check(S_past, "give up", "gave up", "give up");
  S_check(S_past, "had to", "had to", "already past");
  S_check(S_participle, "found", "found", "already a participle");
  S_check(S_past, "run", "ran", "run (base equal to its participle)");
  S_check(S_past, "refer to", "referred to", "refer to");
  /* Irregular verbs of the lexicon: Ding's forms (undergo, misunderstand
   * were "undergoed", "misunderstanded" with the old table in C) and
   * dictionaries/english-irregular.tsv. */
  S_check(S_past, "undergo", "underwent", "undergo: Ding's forms");
  S_check(S_participle, "undergo", "undergone", "undergo: participle");
  S_check(S_participle, "misunderstand", "misunderstood", "misunderstand");
  S_check(S_past, "find out", "found out", "find out");
  S_check(S_past, "misunderstood", "misunderstood", "already a past form of the lexicon");
  {
    dg_buf b;
    dg_buf_init(&b);
    dg_english_past_lex(NULL, &b, "find");
    STR_EQ(b.data, "finded", "without a lexicon every verb is regular");
    dg_buf_free(&b);
  }
  S_check(dg_english_3sg, "make progress", "makes progress", "make progress");
  /* Plurals: not twice, not acronyms. */
  S_check(dg_english_plural, "troops", "troops", "already plural");
  S_check(dg_english_plural, "armed forces", "armed forces", "already plural (phrase)");
  S_check(dg_english_plural, "news", "news", "plural-only");
  S_check(dg_english_plural, "US", "US", "acronym");
  S_check(dg_english_plural, "NATO", "NATO", "acronym");
  S_check(dg_english_plural, "bus", "buses", "bus");
  S_check(dg_english_plural, "people", "people", "people is plural");
  S_check(dg_english_plural, "police", "police", "police");
  S_check(dg_english_plural, "process", "processes", "process");
  S_check(dg_english_plural, "crisis", "crises", "crisis");
  S_check(dg_english_plural, "sea change in", "sea changes in", "head before a trailing preposition");
  S_check(dg_english_plural, "point of view", "point of views", "a preposition inside stays (last word)");
  /* Adverbs of adjective glosses (plain style, adjectives used as adverbs). */
  {
    static const char *const adv[][2] = {{"current", "currently"}, {"simple", "simply"}, {"happy", "happily"},
                                         {"basic", "basically"},   {"full", "fully"},    {"good", "well"},
                                         {"fast", "fast"},         {"true", "truly"},    {"friendly", "friendly"}};
    for (size_t k = 0; k < sizeof adv / sizeof *adv; k++) {
      dg_buf b;
      dg_buf_init(&b);
      OK(dg_english_adverb(&b, adv[k][0]), "adverb of %s", adv[k][0]);
      STR_EQ(b.data ? b.data : "", adv[k][1], "adverb of %s", adv[k][0]);
      dg_buf_free(&b);
    }
    dg_buf b;
    dg_buf_init(&b);
    OK(!dg_english_adverb(&b, "in detail"), "a phrase has no derived adverb");
    OK(!dg_english_adverb(&b, "interested"), "a participle in -ed has no derived adverb");
    OK(b.len == 0, "nothing written when there is no adverb");
    dg_buf_free(&b);
  }
  S_check(dg_english_plural, "peace agreement", "peace agreements", "head of a phrase");
  S_check(dg_english_plural, "policy", "policies", "policy");
  OK(!dg_english_pluralisable("Ukraine's"), "a possessive is left alone");
  /* Comparatives and superlatives of adjective glosses. */
  {
    static const struct {
      const char *adj, *cmp, *sup;
    } deg[] = {{"big", "bigger", "biggest"},   {"large", "larger", "largest"}, {"easy", "easier", "easiest"},
               {"careful", "more careful", "most careful"}, {"good", "better", "best"},
               {"fast", "faster", "fastest"}, {"important", "more important", "most important"},
               {"well-known", "more well-known", "most well-known"}};
    for (size_t k = 0; k < sizeof deg / sizeof deg[0]; k++) {
      dg_buf b;
      dg_buf_init(&b);
      dg_english_degree(&b, deg[k].adj, false);
      STR_EQ(b.data, deg[k].cmp, "comparative");
      dg_buf_free(&b);
      dg_buf_init(&b);
      dg_english_degree(&b, deg[k].adj, true);
      STR_EQ(b.data, deg[k].sup, "superlative");
      dg_buf_free(&b);
    }
  }
  dg_lexicon_close(S_lex);
  return DONE("gloss.english");
}
