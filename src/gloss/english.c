/* English word forms for the plain gloss style: past tense, participle, third
 * person singular, -ing form and plural of the first word of a gloss.
 * Irregular verbs are the lexicon's: Ding's forms completed and corrected by
 * dictionaries/english-irregular.tsv, shipped in degloss.lex.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "gloss.h"

static const struct {
  const char *sg, *pl;
} S_nouns[] = {
    {"analysis", "analyses"}, {"child", "children"}, {"crisis", "crises"}, {"criterion", "criteria"},
    {"foot", "feet"},         {"goose", "geese"},    {"knife", "knives"}, {"leaf", "leaves"},
    {"life", "lives"},        {"man", "men"},        {"mouse", "mice"},   {"person", "people"},
    {"phenomenon", "phenomena"}, {"tooth", "teeth"}, {"wife", "wives"},   {"woman", "women"},
};

static bool S_vowel(char c) { return c && strchr("aeiou", c) != NULL; }

/* strcmp(a, b) == 0, the first byte tested before the call: the tables
 * below are searched with words most of which are in none of them. */
static inline bool S_eq(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }

/* Split "make progress" into first word and rest. */
static size_t S_first_len(const char *g) {
  const char *sp = strchr(g, ' ');
  return sp ? (size_t)(sp - g) : strlen(g);
}

/* Double the final consonant of a stressed closed last syllable: stop ->
 * stopped; refer -> referred, occur -> occurred, commit -> committed,
 * control -> controlled, travel -> travelled (British spelling, as Ding);
 * but offer -> offered, open -> opened, visit -> visited. */
static bool S_ends(const char *w, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static bool S_double(const char *w, size_t n) {
  if (n < 3) return false;
  char c = w[n - 1];
  if (S_vowel(c) || c == 'w' || c == 'x' || c == 'y' || c == 'h') return false;
  if (!S_vowel(w[n - 2]) || S_vowel(w[n - 3])) return false; /* consonant-vowel-consonant */
  if (n == 3) return true;
  if (n == 4) return !S_vowel(w[0]) || S_ends(w, n, "omit"); /* "open", "edit" are two syllables */
  /* Longer words: only endings stressed on the last syllable. */
  if (S_ends(w, n, "fer") && w[n - 4] != 'f') return true;              /* refer, prefer, transfer */
  if (S_ends(w, n, "cur")) return true;                                  /* occur, recur, incur */
  if (S_ends(w, n, "mit") && !S_vowel(w[n - 4])) return true;            /* commit, submit; not limit */
  if (S_ends(w, n, "el") || S_ends(w, n, "trol")) return true;           /* travel, compel, control */
  if (S_ends(w, n, "gret") || S_ends(w, n, "bed") || S_ends(w, n, "pel")) return true;
  return false;
}

static void S_regular_ed(dg_buf *b, const char *w, size_t n) {
  if (n && w[n - 1] == 'e') {
    dg_buf_put(b, w, n);
    dg_buf_putc(b, 'd');
  } else if (n > 1 && w[n - 1] == 'y' && !S_vowel(w[n - 2])) {
    dg_buf_put(b, w, n - 1);
    dg_buf_puts(b, "ied");
  } else if (S_double(w, n)) {
    dg_buf_put(b, w, n);
    dg_buf_putc(b, w[n - 1]);
    dg_buf_puts(b, "ed");
  } else {
    dg_buf_put(b, w, n);
    dg_buf_puts(b, "ed");
  }
}

/* Is `word` a past form or participle (not also its own base) of an
 * irregular verb of the lexicon? */
static bool S_is_past_form(const dg_lexicon *lex, const char *word) {
  return dg_lexicon_is_irregular_past(lex, word);
}

static void S_verb_form(const dg_lexicon *lex, dg_buf *b, const char *verb, int which) {
  size_t n = S_first_len(verb);
  char word[64];
  if (n == 0 || n >= sizeof word) {
    dg_buf_puts(b, verb);
    return;
  }
  memcpy(word, verb, n);
  word[n] = '\0';
  /* Already a past form ("had to", "was able to"): leave it. */
  if (S_is_past_form(lex, word) || strcmp(word, "were") == 0) {
    dg_buf_puts(b, verb);
    return;
  }
  const char *past = NULL, *part = NULL;
  if (dg_lexicon_english_irregular(lex, word, &past, &part)) dg_buf_puts(b, which ? part : past);
  else S_regular_ed(b, word, n);
  dg_buf_puts(b, verb + n);
}

void dg_english_past_lex(const dg_lexicon *lex, dg_buf *b, const char *verb) {
  S_verb_form(lex, b, verb, 0);
}
void dg_english_participle_lex(const dg_lexicon *lex, dg_buf *b, const char *verb) {
  S_verb_form(lex, b, verb, 1);
}

/* The -ing form of the gloss's first word: make -> making, die -> dying,
 * get -> getting, refer -> referring, see -> seeing, open -> opening. */
void dg_english_ing(dg_buf *b, const char *verb) {
  size_t n = S_first_len(verb);
  if (n > 2 && S_ends(verb, n, "ie")) {
    dg_buf_put(b, verb, n - 2);
    dg_buf_puts(b, "ying");
  } else if (n > 2 && verb[n - 1] == 'e' && !S_ends(verb, n, "ee") && !S_ends(verb, n, "ye") &&
             !S_ends(verb, n, "oe")) {
    dg_buf_put(b, verb, n - 1);
    dg_buf_puts(b, "ing");
  } else {
    dg_buf_put(b, verb, n);
    if (S_double(verb, n)) dg_buf_putc(b, verb[n - 1]);
    dg_buf_puts(b, "ing");
  }
  dg_buf_puts(b, verb + n);
}

static void S_add_s(dg_buf *b, const char *w, size_t n) {
  if (n > 1 && w[n - 1] == 'y' && !S_vowel(w[n - 2])) {
    dg_buf_put(b, w, n - 1);
    dg_buf_puts(b, "ies");
  } else if ((n && (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z')) ||
             (n > 1 && (w[n - 1] == 'h') && (w[n - 2] == 'c' || w[n - 2] == 's'))) {
    dg_buf_put(b, w, n);
    dg_buf_puts(b, "es");
  } else {
    dg_buf_put(b, w, n);
    dg_buf_putc(b, 's');
  }
}

void dg_english_3sg(dg_buf *b, const char *verb) {
  size_t n = S_first_len(verb);
  if (n == 2 && strncmp(verb, "be", 2) == 0) dg_buf_puts(b, "is");
  else if (n == 4 && strncmp(verb, "have", 4) == 0) dg_buf_puts(b, "has");
  else if (n == 2 && strncmp(verb, "do", 2) == 0) dg_buf_puts(b, "does");
  else if (n == 2 && strncmp(verb, "go", 2) == 0) dg_buf_puts(b, "goes");
  else S_add_s(b, verb, n);
  dg_buf_puts(b, verb + n);
}

/* Whether a noun gloss takes a plural -s: not acronyms ("US", "NATO"), not a
 * gloss that is already plural or plural-only ("troops", "forces", "arms",
 * "news"), not a gloss in parentheses or with digits. */
bool dg_english_pluralisable(const char *noun) {
  const char *sp = strrchr(noun, ' ');
  const char *w = sp ? sp + 1 : noun;
  size_t n = strlen(w);
  if (n == 0) return false;
  bool upper = n >= 2;
  for (size_t k = 0; k < n; k++) {
    unsigned char ch = (unsigned char)w[k];
    if (ch >= 0x80 || (ch >= '0' && ch <= '9') || ch == '(' || ch == ')') return false;
    if (ch >= 'a' && ch <= 'z') upper = false;
  }
  if (upper) return false;
  /* Nouns that are plural already or do not change. */
  static const char *const invariant[] = {"people", "police", "cattle", "staff", "personnel", "data", "media",
                                          "sheep", "fish", "deer", "series", "species", "aircraft", "offspring",
                                          "livestock", "equipment", "information", "advice", "furniture",
                                          "clergy", "military", "public", "youth"};
  for (size_t k = 0; k < DG_ARRAY_LEN(invariant); k++)
    if (S_eq(w, invariant[k])) return false;
  if (w[n - 1] == 's' && n > 3 && !S_ends(w, n, "ss") && !S_ends(w, n, "us") && !S_ends(w, n, "is")) return false;
  return true;
}

void dg_english_plural(dg_buf *b, const char *noun) {
  /* The head of an English noun phrase is its last word, or the word
   * before a trailing preposition ("sea change in" -> sea changes in;
   * "point of" -> points of). */
  static const char *const preps[] = {" in", " of", " on", " at", " for", " to", " with", " from", " about"};
  size_t n = strlen(noun), tail = 0;
  for (size_t i = 0; i < DG_ARRAY_LEN(preps); i++) {
    size_t l = strlen(preps[i]);
    if (n > l + 1 && noun[n - 1] == preps[i][l - 1] && strcmp(noun + n - l, preps[i]) == 0) tail = l;
  }
  if (!dg_english_pluralisable(noun)) {
    dg_buf_puts(b, noun);
    return;
  }
  /* (the head: the last word before the tail) */
  size_t hn = n - tail, w = hn;
  while (w > 0 && noun[w - 1] != ' ') w--;
  dg_buf_put(b, noun, w);
  char head[64];
  size_t wn = hn - w;
  bool done = false;
  if (wn < sizeof head) {
    memcpy(head, noun + w, wn);
    head[wn] = '\0';
    for (size_t i = 0; i < DG_ARRAY_LEN(S_nouns) && !done; i++)
      if (S_eq(head, S_nouns[i].sg)) {
        dg_buf_puts(b, S_nouns[i].pl);
        done = true;
      }
  }
  if (!done) S_add_s(b, noun + w, wn);
  dg_buf_puts(b, noun + n - tail);
}

/* Comparative and superlative of an adjective gloss: "big" -> bigger,
 * biggest; "easy" -> easier; "careful" -> more careful, most careful;
 * "good" -> better.  A phrase gloss takes "more"/"most". */
void dg_english_degree(dg_buf *b, const char *adj, bool superlative) {
  static const struct {
    const char *base, *cmp, *sup;
  } irr[] = {{"good", "better", "best"}, {"well", "better", "best"}, {"bad", "worse", "worst"},
             {"much", "more", "most"},   {"many", "more", "most"},    {"little", "less", "least"},
             {"far", "further", "furthest"}, {"old", "older", "oldest"}};
  for (size_t k = 0; k < DG_ARRAY_LEN(irr); k++)
    if (strcmp(adj, irr[k].base) == 0) {
      dg_buf_puts(b, superlative ? irr[k].sup : irr[k].cmp);
      return;
    }
  size_t n = strlen(adj);
  int groups = 0;
  for (size_t k = 0; k < n; k++)
    if (S_vowel(adj[k]) && (k == 0 || !S_vowel(adj[k - 1]))) groups++;
  if (n && adj[n - 1] == 'e' && groups > 1) groups--; /* silent e: "large", "late" */
  bool simple = !strchr(adj, ' ') && !strchr(adj, '-') && n > 1;
  for (size_t k = 0; k < n && simple; k++)
    if ((unsigned char)adj[k] >= 0x80 || adj[k] < 'a' || adj[k] > 'z') simple = false;
  const char *suf = superlative ? "est" : "er";
  bool cy = n > 2 && adj[n - 1] == 'y' && !S_vowel(adj[n - 2]);
  if (cy) groups++; /* "easy", "happy": y is a vowel */
  if (simple && groups <= 1) {
    if (adj[n - 1] == 'e') {
      dg_buf_put(b, adj, n - 1);
    } else if (S_double(adj, n) && n <= 4) {
      dg_buf_puts(b, adj);
      dg_buf_putc(b, adj[n - 1]);
    } else {
      dg_buf_puts(b, adj);
    }
    dg_buf_puts(b, suf);
  } else if (simple && groups == 2 && adj[n - 1] == 'y' && !S_vowel(adj[n - 2])) {
    dg_buf_put(b, adj, n - 1);
    dg_buf_puts(b, superlative ? "iest" : "ier");
  } else {
    dg_buf_puts(b, superlative ? "most " : "more ");
    dg_buf_puts(b, adj);
  }
}

void dg_english_ordinal(dg_buf *b, const char *digits) {
  size_t n = strlen(digits);
  int last = n ? digits[n - 1] - '0' : 0;
  int tens = n > 1 ? digits[n - 2] - '0' : 0;
  const char *suf = "th";
  if (tens != 1) {
    if (last == 1) suf = "st";
    else if (last == 2) suf = "nd";
    else if (last == 3) suf = "rd";
  }
  dg_buf_puts(b, digits);
  dg_buf_puts(b, suf);
}

/* The words a cardinal in words ends in (twenty-four: four; two hundred:
 * hundred), and the ordinals that are not the word with -th (four ->
 * fourth, hundred -> hundredth) nor a -ty word's -tieth (twenty ->
 * twentieth). */
static const char *const S_cardinal_words[] = {
    "zero",     "one",     "two",      "three",   "four",    "five",     "six",       "seven",    "eight",
    "nine",     "ten",     "eleven",   "twelve",  "thirteen", "fourteen", "fifteen",  "sixteen",  "seventeen",
    "eighteen", "nineteen", "twenty",  "thirty",  "forty",   "fifty",    "sixty",     "seventy",  "eighty",
    "ninety",   "hundred", "thousand", "million", "billion"};
static const struct {
  const char *card, *ord;
} S_ordinal_irregular[] = {{"one", "first"},   {"two", "second"}, {"three", "third"},  {"five", "fifth"},
                           {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}};

bool dg_english_ordinal_word(dg_buf *b, const char *cardinal) {
  size_t n = strlen(cardinal), last = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = cardinal[i];
    if (ch == ' ' || ch == '-') last = i + 1;
    else if (!(ch >= 'a' && ch <= 'z')) return false;
  }
  const char *w = cardinal + last;
  size_t wn = n - last;
  bool known = false;
  for (size_t k = 0; k < sizeof S_cardinal_words / sizeof *S_cardinal_words && !known; k++)
    known = strcmp(w, S_cardinal_words[k]) == 0;
  if (!known) return false;
  dg_buf_put(b, cardinal, last);
  for (size_t k = 0; k < sizeof S_ordinal_irregular / sizeof *S_ordinal_irregular; k++)
    if (strcmp(w, S_ordinal_irregular[k].card) == 0) {
      dg_buf_puts(b, S_ordinal_irregular[k].ord);
      return true;
    }
  if (strcmp(w + wn - 2, "ty") == 0) {
    dg_buf_put(b, w, wn - 1);
    dg_buf_puts(b, "ieth"); /* twenty -> twentieth */
  } else {
    dg_buf_puts(b, w);
    dg_buf_puts(b, "th");
  }
  return true;
}

bool dg_english_adverb(dg_buf *b, const char *adj) {
  size_t n = strlen(adj);
  if (n < 3 || strchr(adj, ' ') || strchr(adj, '-') || (adj[0] >= 'A' && adj[0] <= 'Z')) return false;
  for (size_t i = 0; i < n; i++)
    if (!(adj[i] >= 'a' && adj[i] <= 'z')) return false;
  if ((n > 4 && strcmp(adj + n - 2, "ed") == 0) || (n > 5 && strcmp(adj + n - 3, "ing") == 0)) return false;
  static const struct {
    const char *adj, *adv;
  } irr[] = {{"good", "well"},   {"fast", "fast"},   {"hard", "hard"},   {"late", "late"},
             {"early", "early"}, {"long", "long"},   {"high", "high"},   {"low", "low"},
             {"far", "far"},     {"near", "near"},   {"straight", "straight"}, {"right", "right"},
             {"wrong", "wrong"}, {"whole", "wholly"}, {"true", "truly"}, {"due", "duly"},
             {"public", "publicly"}, {"much", "much"}, {"little", "little"}, {"enough", "enough"},
             {"first", "first"}, {"last", "last"},   {"next", "next"},   {"only", "only"},
             {"very", "very"},   {"still", "still"}, {"even", "even"},   {"daily", "daily"},
             {"weekly", "weekly"}, {"monthly", "monthly"}, {"yearly", "yearly"}, {"likely", "likely"}};
  /* Adjectives with no adverb in -ly ("bigly", "oldly"), or one that means
   * something else (shortly = soon): the adjective stays. */
  static const char *const none[] = {"big", "small", "old", "young", "tall", "short"};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    if (strcmp(adj, none[i]) == 0) return false;
  for (size_t i = 0; i < sizeof irr / sizeof *irr; i++)
    if (strcmp(adj, irr[i].adj) == 0) {
      dg_buf_puts(b, irr[i].adv);
      return true;
    }
  if (strcmp(adj + n - 2, "ly") == 0) { /* friendly, silly: no adverb of their own */
    dg_buf_puts(b, adj);
    return true;
  }
  bool vowel_before = strchr("aeiou", adj[n - 2]) != NULL;
  if (strcmp(adj + n - 2, "ic") == 0) {
    dg_buf_puts(b, adj);
    dg_buf_puts(b, "ally"); /* basic -> basically */
  } else if (adj[n - 1] == 'e' && adj[n - 2] == 'l' && !strchr("aeiou", adj[n - 3])) {
    dg_buf_put(b, adj, n - 1);
    dg_buf_putc(b, 'y'); /* simple -> simply */
  } else if (adj[n - 1] == 'y' && !vowel_before && n > 3) {
    dg_buf_put(b, adj, n - 1);
    dg_buf_puts(b, "ily"); /* happy -> happily */
  } else if (strcmp(adj + n - 2, "ll") == 0) {
    dg_buf_puts(b, adj);
    dg_buf_putc(b, 'y'); /* full -> fully */
  } else {
    dg_buf_puts(b, adj);
    dg_buf_puts(b, "ly");
  }
  return true;
}
