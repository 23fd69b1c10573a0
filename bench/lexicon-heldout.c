/* Held-out sense evaluation: for every German word of the SECOND halves of
 * the aligned dev data (never seen by the compiler), take the primary gloss
 * of its lemma and check whether it shows up in the aligned English line.
 * Compare lexicons ranked differently (naive Ding order, data-only, full).
 *   lexicon-heldout LEXICON DE EN FIRST_LINE
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "en_stem.h"
#include "lexicon.h"
#include "util.h"

static bool S_stop(const char *w) {
  static const char *const stop[] = {"a", "an", "the", "of", "to", "be", "one's", "oneself", "sb",
                                     "sth", "with", "in", "on", "at", "for", "by", "from", "up",
                                     "out", "off", "into", "about", "as", "and", "or", "it", NULL};
  for (int i = 0; stop[i]; i++)
    if (strcmp(w, stop[i]) == 0) return true;
  return false;
}

/* Common irregular English verbs: base, then past forms. */
static const char *const S_irregular[] = {
    "say said", "see saw seen", "go went gone", "make made", "take took taken",
    "give gave given", "come came", "find found", "stand stood", "hold held", "lie lay lain",
    "leave left", "lead led", "know knew known", "think thought", "bring brought", "get got gotten",
    "begin began begun", "meet met", "speak spoke spoken", "tell told", "become became",
    "keep kept", "win won", "lose lost", "pay paid", "send sent", "build built", "buy bought",
    "sell sold", "fight fought", "choose chose chosen", "rise rose risen", "fall fell fallen",
    "write wrote written", "run ran", "drive drove driven", "show shown", "seek sought",
    "draw drew drawn", "grow grew grown", "break broke broken", "bear bore borne", "wear wore worn",
    "fly flew flown", "throw threw thrown", "shoot shot", "mean meant", "feel felt", "hear heard",
    "eat ate eaten", "drink drank drunk", "sit sat", "spend spent", "understand understood",
    "withdraw withdrew withdrawn", "forbid forbade forbidden", "strike struck", "flee fled",
    "catch caught", "teach taught", "sleep slept", "arise arose arisen", "forget forgot forgotten",
    "steal stole stolen", "hang hung", "swim swam swum", "sing sang sung", "ring rang rung",
    "shake shook shaken", "ride rode ridden", "freeze froze frozen", "lay laid", "light lit",
    "have had has", "do did done does", "be was were been is are", NULL};

static void S_add_stem(char **stems, size_t *ns, size_t max, const char *w) {
  char st[128];
  dg_en_stem(w, st, sizeof st);
  if (*ns < max) stems[(*ns)++] = dg_xstrdup(st);
  /* a past form also stands for its base */
  for (int i = 0; S_irregular[i]; i++) {
    const char *sp = strchr(S_irregular[i], ' ');
    char buf[64];
    snprintf(buf, sizeof buf, " %s ", sp);
    char probe[64];
    snprintf(probe, sizeof probe, " %s ", w);
    for (char *c = probe; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (strstr(buf, probe) && *ns < max) {
      char base[32];
      size_t bl = (size_t)(sp - S_irregular[i]);
      if (bl >= sizeof base) continue;
      memcpy(base, S_irregular[i], bl);
      base[bl] = '\0';
      dg_en_stem(base, st, sizeof st);
      stems[(*ns)++] = dg_xstrdup(st);
    }
  }
}

/* Does some content word of the gloss occur (stemmed) in the English line? */
static bool S_match(const char *gloss, char **stems, size_t ns) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", gloss);
  char *save = NULL;
  for (char *w = strtok_r(buf, " -/.", &save); w; w = strtok_r(NULL, " -/.", &save)) {
    char st[128];
    dg_en_stem(w, st, sizeof st);
    if (S_stop(st)) continue;
    for (size_t i = 0; i < ns; i++)
      if (strcmp(stems[i], st) == 0) return true;
  }
  return false;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: lexicon-heldout LEXICON DE EN FIRST_LINE\n");
    return 2;
  }
  long first = atol(argv[4]);
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = dg_lexicon_open(argv[1], &err);
  FILE *fd = fopen(argv[2], "r"), *fe = fopen(argv[3], "r");
  if (!lex || !fd || !fe) {
    fprintf(stderr, "cannot open inputs: %s\n", err.text);
    return 1;
  }
  char *de = NULL, *en = NULL;
  size_t cd = 0, ce = 0;
  long line = 0, words = 0, hits = 0;
  while (getline(&de, &cd, fd) >= 0 && getline(&en, &ce, fe) >= 0) {
    if (++line < first) continue;
    char *stems[512];
    size_t ns = 0;
    char *save = NULL;
    for (char *w = strtok_r(en, " \t\n.,;:!?\"()'“”‘’-", &save); w && ns < 512;
         w = strtok_r(NULL, " \t\n.,;:!?\"()'“”‘’-", &save)) {
      S_add_stem(stems, &ns, 512, w);
    }
    for (char *w = strtok_r(de, " \t\n.,;:!?\"()„“”–-'", &save); w;
         w = strtok_r(NULL, " \t\n.,;:!?\"()„“”–-'", &save)) {
      if (strlen(w) < 2 || isdigit((unsigned char)w[0])) continue;
      dg_sense s[1];
      if (dg_lexicon_closed(lex, w, s, 1) > 0) continue; /* content words only */
      /* a listed inflected form is glossed through its lemma */
      const char *lem[1];
      size_t n = 0;
      if (dg_lexicon_form_lemmas(lex, w, lem, 1) && strcmp(lem[0], w) != 0)
        n = dg_lexicon_senses(lex, lem[0], NULL, s, 1);
      if (!n) n = dg_lexicon_senses(lex, w, NULL, s, 1);
      if (!n) continue;
      words++;
      if (S_match(s[0].gloss, stems, ns)) hits++;
    }
    for (size_t i = 0; i < ns; i++) free(stems[i]);
  }
  printf("%-40s held-out lines %ld-%ld: primary gloss found in the English line for %ld of %ld "
         "content words = %.1f %%\n",
         argv[1], first, line, hits, words, words ? 100.0 * (double)hits / (double)words : 0);
  free(de);
  free(en);
  fclose(fd);
  fclose(fe);
  dg_lexicon_close(lex);
  return 0;
}
