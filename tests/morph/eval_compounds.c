/* Compound splitting against jwordsplitter's test list and dweiss's cases.
 *
 * Boundaries are compared as the start offsets of the stems after the
 * first, so the linking-element convention does not matter (jwordsplitter
 * keeps links on the left part, dweiss sometimes drops them, degloss makes
 * them parts of their own).  Hyphenated words are left out of the
 * jwordsplitter figures: degloss always splits at hyphens (a deliberate
 * convention), jwordsplitter's list never does.  dweiss's words are all
 * lower case; a word is capitalised (as German nouns are written) unless
 * its best lower-case analysis is an adjective or a verb.
 *
 *   eval_compounds [-l] [-r] JWORDSPLITTER.txt DWEISS.utf8 MIN_FIRST_BOUNDARY% MAX_OVERSPLIT%
 *                  MIN_DWEISS_RIGHT [DIFF_OUT]
 * Every difference from jwordsplitter is classified by rule (no word
 * lists):
 *   (a) convention "longest known part": our first part is itself a
 *       compound whose own split starts at jwordsplitter's first boundary,
 *       or jwordsplitter's first part is a compound whose own split starts
 *       at ours (Rindfleisch|etikettierung... vs Rind|fleisch|...), or one
 *       side has the other's first boundary and the other's first part is a
 *       known word (Hochofen|prozeß vs Hoch|ofen|prozeß);
 *   (a2) convention "link s": jwordsplitter's head starts with an s that
 *       we take as the linking element (issue 4: Urlaubsorte is Urlaub | s |
 *       orte, not Urlaub | sorte);
 *   (b) convention "known word split": jwordsplitter leaves the word whole,
 *       the whole word is known to the tables or hunspell, and we split it
 *       into stems of at least four letters each, and its best analysis
 *       is no proper noun (issue 4 asks for the
 *       parts of every compound also when the whole word is known:
 *       Telefongespräch -> Telefon | gespräch; jwordsplitter leaves the
 *       words of its own dictionary whole);
 *   (b2) convention "split at a capital": jwordsplitter leaves the word
 *       whole and our first boundary is a capital after a small letter
 *       (NasaKollegen, DefaStudio): a segment boundary like a hyphen;
 *   (c) reference error: the reference's parts do not spell the word;
 *   everything else is OUR error.
 * Prints the raw figures, the count of each class with examples, and the
 * figures with (a), (a2) and (b) set aside (removed from numerator and
 * denominator); the issue's targets are judged on the latter.  The floors
 * given apply to the figures with conventions set aside and guard against
 * regressions while the targets are not met.
 * -a FILE: hand adjudication (tests/morph/compound-adjudication.tsv):
 *   entries of jwordsplitter's list judged wrong by a reader of German,
 *   each with the right split and the reason.  The corrected split takes
 *   the place of the reference's in the classes and in the figures with
 *   conventions set aside; the raw figures stay against the list as
 *   published.  An entry that does not spell its word, agrees with the
 *   reference or is not in the list fails the run (no stale entries).
 * -l: use the bilingual lexicon (degloss.lex) as the known-word predicate.
 * -r: split the parts again before comparing (jwordsplitter's atoms).
 * Issue 12's three figures are printed for the list as published and for
 * the adjudicated copy beside it:
 *   head boundary right: of the compounds (words the list splits), those
 *     whose head (our last stem, or the last segment starting with a
 *     capital: a German compound is right-headed) starts at one of the
 *     list's boundaries (the list splits into its smallest words and does
 *     not say which boundary is the head's: Manager|laufbahn and
 *     Bauchtanz|gruppe are both right);
 *   simplex words split: of the words the list leaves whole, those we split;
 *   compounds unglossed or taken for names: of the compounds, those we
 *     leave whole while nobody knows them whole (no gloss from anywhere),
 *     those left whole whose best analysis is a proper noun, and (with -l)
 *     those the lexicon lists as names; a guessed proper noun that splits
 *     is glossed from its parts by the gloss stage (senses.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "morph.h"
#include "morph_text.h"
#include "util.h"

static const char *const S_links[] = {"ens", "nen", "es", "en", "er", "s", "n", "e", NULL};

static bool S_recursive;

enum {
  C_LONGEST, C_LINK_S, C_KNOWN, C_CAMEL, C_REFERR, C_OURS_FIRST, C_OURS_MISSED, C_OURS_OVER,
  C_COUNT
};
static const char *const S_class_name[C_COUNT] = {
    "convention (a) longest known part", "convention (a2) link s, not s- head",
    "convention (b) known word split", "convention (b2) split at a capital (NasaKollegen)",
    "reference error (c) parts do not spell the word", "OUR error: other first boundary",
    "OUR error: compound left whole", "OUR error: unsplit word split"};
static const char *const S_class_tag[C_COUNT] = {
    "conv-longest", "conv-link-s", "conv-known-whole", "conv-camel", "ref-error",
    "ours-first",   "ours-missed", "ours-oversplit"};
static long S_class_n[C_COUNT];
static char *S_examples[C_COUNT][10];

/* Stem starts (byte offsets, > 0) of our split of word; with S_recursive
 * the stems are split again (jwordsplitter splits down to the smallest
 * words of its dictionary, degloss returns the longest known parts). */
static size_t S_ours_at(dg_morph *m, const char *word, unsigned base, unsigned *starts,
                        size_t k, size_t max, int depth) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 0; i < n && k < max; i++) {
    if (p[i].kind != DG_PART_STEM) continue;
    if (i > 0) starts[k++] = base + p[i].start;
    if (S_recursive && n > 1 && depth < 4) k = S_ours_at(m, p[i].form, base + p[i].start, starts, k, max, depth + 1);
  }
  return k;
}

static size_t S_ours(dg_morph *m, const char *word, unsigned *starts, size_t max) {
  return S_ours_at(m, word, 0, starts, 0, max, 0);
}

/* Stem starts of a reference split (parts in order, lower-cased compare),
 * allowing a dropped linking element before each part; false when the
 * parts do not spell the word. */
static bool S_ref(const char *word, char **parts, size_t np, unsigned *starts, size_t *ns) {
  dg_buf low, part;
  dg_buf_init(&low);
  dg_buf_init(&part);
  dg_utf8_lower(&low, word, strlen(word));
  size_t pos = 0;
  bool ok = true;
  *ns = 0;
  for (size_t i = 0; i < np && ok; i++) {
    dg_buf_clear(&part);
    dg_utf8_lower(&part, parts[i], strlen(parts[i]));
    if (i > 0) {
      if (strncmp(low.data + pos, part.data, part.len) != 0) {
        bool skipped = false;
        for (size_t l = 0; S_links[l] && !skipped; l++) {
          size_t ll = strlen(S_links[l]);
          if (strncmp(low.data + pos, S_links[l], ll) == 0 &&
              strncmp(low.data + pos + ll, part.data, part.len) == 0) {
            pos += ll;
            skipped = true;
          }
        }
        if (!skipped) ok = false;
      }
      starts[(*ns)++] = (unsigned)pos;
    } else if (strncmp(low.data, part.data, part.len) != 0) {
      ok = false;
    }
    pos += part.len;
  }
  if (pos != low.len) ok = false;
  dg_buf_free(&low);
  dg_buf_free(&part);
  return ok;
}

static void S_show(FILE *f, dg_morph *m, const char *word) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 0; i < n; i++) fprintf(f, "%s%s", i ? "|" : "", p[i].form);
}

/* First stem boundary (byte offset) of word's own split, 0 if unsplit. */
static unsigned S_first_of(dg_morph *m, const char *word) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 1; i < n; i++)
    if (p[i].kind == DG_PART_STEM) return p[i].start;
  return 0;
}

/* Rule (a): our first part (bytes [0, ours0) less a link) splits at ref0, or
 * the reference's first part (bytes [0, ref0), with or without a trailing
 * link) splits at ours0. */
static bool S_conv_longest(dg_morph *m, const char *word, unsigned ours0, unsigned ref0) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  if (n >= 2 && ours0 > ref0) {
    /* our first stem is p[0] */
    char *first = dg_xstrndup(word, p[0].end);
    unsigned f = S_first_of(m, first);
    free(first);
    if (f == ref0) return true;
  }
  if (ref0 > ours0 || (ours0 == 0 && ref0 > 0)) {
    for (size_t l = 0; l < 9; l++) {
      size_t ll = l == 0 ? 0 : strlen(S_links[l - 1]);
      if (ll >= ref0) continue;
      if (ll && strncmp(word + ref0 - ll, S_links[l - 1], ll) != 0) continue;
      char *first = dg_xstrndup(word, ref0 - ll);
      unsigned f = S_first_of(m, first);
      free(first);
      if (f && f == ours0) return true;
    }
  }
  return false;
}

/* Rule (a), second form: one side has every boundary of the other up to
 * the other's first boundary, and the other's first part is a known word
 * (Hochofen|prozeß vs Hoch|ofen|prozeß; Nachfolge|effekte vs
 * Nach|folge|effekte). */
static bool S_in_set(unsigned v, const unsigned *a, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] == v) return true;
  return false;
}

static bool S_conv_nested(dg_morph *m, const char *word, const char *ref_first,
                          const unsigned *ours, size_t nours, const unsigned *ref, size_t nref) {
  if (!nours || !nref) return false;
  if (ours[0] > ref[0] && S_in_set(ours[0], ref, nref)) {
    dg_part p[DG_COMPOUND_MAX_PARTS];
    size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
    return n >= 2 && dg_morph_is_known(m, p[0].form);
  }
  if (ref[0] > ours[0] && S_in_set(ref[0], ours, nours)) return dg_morph_is_known(m, ref_first);
  return false;
}

/* Rule (a2): our split has the link "s" at byte offset at. */
static bool S_link_at(dg_morph *m, const char *word, unsigned at) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 0; i < n; i++)
    if (p[i].kind == DG_PART_LINK && p[i].start == at && !strcmp(p[i].form, "s")) return true;
  return false;
}

/* Rule (b): the word is known whole and every stem of our split has at
 * least four letters. */
static bool S_conv_known(dg_morph *m, const char *word) {
  if (!dg_morph_is_known(m, word)) return false;
  /* Names are no compounds to split: their splits are our errors. */
  dg_analysis an[1];
  if (dg_morph_analyze(m, word, false, NULL, an, 1) && !strcmp(an[0].pos, "PROPN")) return false;
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 0; i < n; i++)
    if (p[i].kind == DG_PART_STEM && dg_utf8_length(p[i].form, strlen(p[i].form)) < 4) return false;
  return n >= 2;
}

static void S_note(FILE *diff, dg_morph *m, int cls, const char *word, char **parts, size_t np) {
  S_class_n[cls]++;
  dg_buf line;
  dg_buf_init(&line);
  dg_buf_puts(&line, word);
  dg_buf_puts(&line, "  ref ");
  for (size_t i = 0; i < np; i++) {
    if (i) dg_buf_puts(&line, "|");
    dg_buf_puts(&line, parts[i]);
  }
  dg_buf_puts(&line, "  ours ");
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = 0; i < n; i++) {
    if (i) dg_buf_puts(&line, "|");
    dg_buf_puts(&line, p[i].form);
  }
  for (size_t i = 0; i < 10; i++)
    if (!S_examples[cls][i]) {
      S_examples[cls][i] = dg_xstrndup(line.data, line.len);
      break;
    }
  if (diff) fprintf(diff, "%s\t%s\n", S_class_tag[cls], line.data);
  dg_buf_free(&line);
}

/* Hand adjudication (-a FILE): "word TAB parts, split, by comma-space
 * TAB reason" lines replace jwordsplitter's entry for the word. */
typedef struct {
  char *word, *parts, *reason;
  bool used;
} S_adj;
static S_adj *S_adjs;
static size_t S_nadj;

static bool S_read_adjudication(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    return false;
  }
  char line[1024];
  long ln = 0;
  bool ok = true;
  while (fgets(line, sizeof line, f)) {
    ln++;
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line || line[0] == '#') continue;
    char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    if (!t1 || !t2 || !t2[1]) {
      fprintf(stderr, "%s:%ld: want word TAB split TAB reason\n", path, ln);
      ok = false;
      continue;
    }
    *t1 = *t2 = '\0';
    S_adjs = realloc(S_adjs, (S_nadj + 1) * sizeof *S_adjs);
    if (!S_adjs) abort();
    S_adjs[S_nadj++] = (S_adj){dg_xstrndup(line, strlen(line)), dg_xstrndup(t1 + 1, strlen(t1 + 1)),
                               dg_xstrndup(t2 + 1, strlen(t2 + 1)), false};
  }
  fclose(f);
  return ok;
}

static S_adj *S_find_adjudication(const char *word) {
  for (size_t i = 0; i < S_nadj; i++)
    if (!strcmp(S_adjs[i].word, word)) return &S_adjs[i];
  return NULL;
}

/* Split a list line ("a, b, c") in place into parts; appends the word. */
static size_t S_parts(char *p, char **parts, size_t max, dg_buf *word) {
  size_t np = 0;
  while (p && np < max) {
    char *c = strstr(p, ", ");
    if (c) *c = '\0';
    parts[np++] = p;
    if (word) dg_buf_puts(word, p);
    p = c ? c + 2 : NULL;
  }
  return np;
}

/* Convention (b2): the reference leaves the word whole and our first
 * boundary is a capital after a small letter inside the word, a segment
 * boundary like a hyphen (NasaKollegen, DefaStudio). */
static bool S_conv_camel(const char *word, const unsigned *ours, size_t nours) {
  if (!nours || ours[0] < 2) return false;
  unsigned char c = (unsigned char)word[ours[0]], b = (unsigned char)word[ours[0] - 1];
  bool upper = (c >= 'A' && c <= 'Z') || (c == 0xC3 && (unsigned char)word[ours[0] + 1] >= 0x80 &&
                                           (unsigned char)word[ours[0] + 1] <= 0x9E);
  bool lower_before = (b >= 'a' && b <= 'z') || (b >= 0x80 && b <= 0xBF); /* ASCII or ä ö ü ß */
  return upper && lower_before;
}

/* Issue 12 counters: [0] as published, [1] adjudicated. */
static long S_i12_split[2], S_i12_head[2], S_i12_unsplit[2], S_i12_over[2], S_i12_lost[2];

/* Start (byte offset) of the head of our split, 0 when unsplit: the last
 * segment that starts with a capital inside the word (Biotechnologie|
 * Netzwerk, a segment boundary like a hyphen), else the last stem. */
static unsigned S_our_head(dg_morph *m, const char *word) {
  dg_part p[DG_COMPOUND_MAX_PARTS];
  size_t n = dg_compound_split(m, word, p, DG_COMPOUND_MAX_PARTS);
  for (size_t i = n; i-- > 1;)
    if (p[i].kind == DG_PART_STEM && dg_utf8_is_upper_initial(p[i].form, strlen(p[i].form))) return p[i].start;
  for (size_t i = n; i-- > 1;)
    if (p[i].kind == DG_PART_STEM) return p[i].start;
  return 0;
}

/* Is a compound lost to the reader: left whole while nobody knows it whole
 * (tables, hunspell, the lexicon with -l), or read as a name?  As in the
 * gloss stage (senses.c), a proper-noun reading is a name only with
 * evidence: left whole, or the lexicon's (names table, Ding) name; a
 * guessed name that splits into known parts is glossed from its parts. */
static bool S_lost(dg_morph *m, dg_lexicon *lex, const char *word, size_t nours) {
  dg_analysis an[1];
  bool propn = dg_morph_analyze(m, word, false, NULL, an, 1) && !strcmp(an[0].pos, "PROPN");
  if (propn && lex) {
    dg_sense sv[1];
    if (dg_lexicon_senses(lex, word, "PROPN", sv, 1) && sv[0].pos && !strcmp(sv[0].pos, "PROPN")) return true;
  }
  if (nours) return false;
  if (propn) return true;
  if (dg_morph_is_known(m, word)) return false;
  return !(lex && dg_lexicon_contains(lex, word));
}

static void S_count_i12(FILE *diff, int which, dg_morph *m, dg_lexicon *lex, const char *word,
                        size_t nours, const unsigned *ref, size_t nref) {
  if (nref == 0) {
    S_i12_unsplit[which]++;
    S_i12_over[which] += nours > 0;
    if (diff && which == 0 && nours > 0) {
      fprintf(diff, "i12-split\t%s  ref whole  ours ", word);
      S_show(diff, m, word);
      fputc('\n', diff);
    }
    return;
  }
  S_i12_split[which]++;
  /* The list splits down to its smallest words and does not say which
   * boundary is the head's: ours is right when it is one of the list's
   * boundaries (Manager|laufbahn of Manager|lauf|bahn, Bauchtanz|gruppe
   * of Bauch|tanz|gruppe), or the linking s before one that the list puts
   * on the head (Verwaltung|s|turm of Verwaltung|sturm is wrong). */
  bool head = nours > 0 && S_in_set(S_our_head(m, word), ref, nref), lost = S_lost(m, lex, word, nours);
  S_i12_head[which] += head;
  S_i12_lost[which] += lost;
  /* (listed in the differences file for the published list) */
  if (diff && which == 0 && (!head || lost)) {
    fprintf(diff, "%s\t%s  ref head at %u  ours ", lost ? "i12-lost" : "i12-head", word, ref[nref - 1]);
    S_show(diff, m, word);
    fputc('\n', diff);
  }
}

static double S_pct(long a, long b) {
  return b ? 100.0 * (double)a / (double)b : 0.0;
}

static bool S_lex_known(void *ctx, const char *word) {
  return dg_lexicon_contains(ctx, word);
}

int main(int argc, char **argv) {
  /* -l: the bilingual lexicon vouches for parts, as in the gloss stage. */
  bool use_lex = false;
  if (argc > 1 && strcmp(argv[1], "-l") == 0) {
    use_lex = true;
    argv++;
    argc--;
  }
  if (argc > 1 && strcmp(argv[1], "-r") == 0) {
    S_recursive = true;
    argv++;
    argc--;
  }
  if (argc > 2 && strcmp(argv[1], "-a") == 0) {
    if (!S_read_adjudication(argv[2])) return 2;
    argv += 2;
    argc -= 2;
  }
  if (argc < 6) {
    fprintf(stderr, "usage: eval_compounds [-l] [-r] [-a ADJUDICATION] JWORDSPLITTER DWEISS MIN%% MAXOVER%% MIN_DWEISS [DIFF_OUT]\n");
    return 2;
  }
  degloss_error err = {0};
  dg_morph *m = dg_morph_open(NULL, NULL, &err);
  if (!m) {
    fprintf(stderr, "eval_compounds: %s: %s\n", err.source, err.text);
    return 1;
  }
  dg_lexicon *lex = NULL;
  if (use_lex) {
    lex = dg_lexicon_open_default(&err);
    if (!lex) {
      fprintf(stderr, "eval_compounds: %s: %s\n", err.source, err.text);
      return 1;
    }
    dg_morph_set_known(m, S_lex_known, lex);
  }
  FILE *diff = argc > 6 ? fopen(argv[6], "w") : NULL;
  double min_first = atof(argv[3]), max_over = atof(argv[4]);
  long min_dweiss = atol(argv[5]);
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  char line[4096];
  /* raw: against jwordsplitter's list as published; the rest against
   * the list with the hand adjudication applied. */
  long raw_split = 0, raw_same = 0, raw_unsplit = 0, raw_over = 0;
  long split = 0, split_same = 0, unsplit = 0, unsplit_split = 0, unsplit_known = 0, hyphen = 0,
       bad = 0, adj_to_split = 0, adj_to_whole = 0, adj_moved = 0, adj_stale = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line || line[0] == '#') continue;
    char *parts[64];
    dg_buf word;
    dg_buf_init(&word);
    size_t np = S_parts(line, parts, 64, &word);
    if (strchr(word.data, '-')) {
      hyphen++;
      dg_buf_free(&word);
      continue;
    }
    unsigned ref[64], ours[64];
    size_t nref = 0, nours = S_ours(m, word.data, ours, 64);
    if (S_ref(word.data, parts, np, ref, &nref)) {
      S_count_i12(diff, 0, m, lex, word.data, nours, ref, nref);
      if (np == 1) {
        raw_unsplit++;
        raw_over += nours > 0;
      } else {
        raw_split++;
        raw_same += nours > 0 && ours[0] == ref[0];
      }
    }
    S_adj *adj = S_find_adjudication(word.data);
    char adj_buf[1024];
    if (adj) {
      /* The adjudicated split replaces the reference's. */
      unsigned gold[64];
      size_t ngold = 0;
      snprintf(adj_buf, sizeof adj_buf, "%s", adj->parts);
      char *gparts[64];
      size_t ng = S_parts(adj_buf, gparts, 64, NULL);
      if (!S_ref(word.data, gparts, ng, gold, &ngold)) {
        fprintf(stderr, "adjudication: %s: the parts do not spell the word\n", word.data);
        adj_stale++;
      } else if (ngold == nref && (!ngold || gold[0] == ref[0])) {
        fprintf(stderr, "adjudication: %s: same first boundary as the reference\n", word.data);
        adj_stale++;
      } else {
        adj->used = true;
        if (!nref) adj_to_split++;
        else if (!ngold) adj_to_whole++;
        else adj_moved++;
        memcpy(parts, gparts, ng * sizeof *parts);
        np = ng;
      }
    }
    bool ref_ok = S_ref(word.data, parts, np, ref, &nref);
    if (ref_ok) S_count_i12(diff, 1, m, lex, word.data, nours, ref, nref);
    if (!ref_ok) {
      bad++;
      S_note(diff, m, C_REFERR, word.data, parts, np);
    } else if (np == 1) {
      unsplit++;
      if (nours > 0) {
        unsplit_split++;
        if (dg_morph_is_known(m, word.data)) unsplit_known++;
        S_note(diff, m,
               S_conv_known(m, word.data)          ? C_KNOWN
               : S_conv_camel(word.data, ours, nours) ? C_CAMEL
                                                    : C_OURS_OVER,
               word.data, parts, np);
      }
    } else {
      split++;
      if (nours > 0 && ours[0] == ref[0]) {
        split_same++;
      } else if (nours > 0 && ours[0] == ref[0] + 1 && word.data[ref[0]] == 's' &&
                 S_link_at(m, word.data, ref[0])) {
        S_note(diff, m, C_LINK_S, word.data, parts, np);
      } else if (S_conv_longest(m, word.data, nours ? ours[0] : 0, ref[0]) ||
                 S_conv_nested(m, word.data, parts[0], ours, nours, ref, nref)) {
        S_note(diff, m, C_LONGEST, word.data, parts, np);
      } else {
        S_note(diff, m, nours ? C_OURS_FIRST : C_OURS_MISSED, word.data, parts, np);
      }
    }
    dg_buf_free(&word);
  }
  fclose(f);

  /* dweiss: "word alt1,alt2" with parts split by '.'. */
  f = fopen(argv[2], "r");
  if (!f) {
    perror(argv[2]);
    return 1;
  }
  long dw = 0, dw_ok = 0, dw_conv = 0;
  while (fgets(line, sizeof line, f)) {
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    char *w = strtok(line, " \t\r\n");
    char *alts = w ? strtok(NULL, " \t\r\n") : NULL;
    if (!w || !alts) continue;
    dg_buf word;
    dg_buf_init(&word);
    /* The dweiss list has every word lower-cased: nouns are written
     * capitalised in German, so the word is capitalised unless its best
     * analysis in lower case is an adjective or a verb (gelbrot, lernten). */
    dg_analysis an[1];
    size_t na = dg_morph_analyze(m, w, false, NULL, an, 1);
    if (na && (!strcmp(an[0].pos, "ADJ") || !strcmp(an[0].pos, "VERB") || !strcmp(an[0].pos, "AUX")))
      dg_buf_puts(&word, w);
    else
      dg_utf8_capitalize(&word, w, strlen(w));
    const char *probe = word.data;
    unsigned ours[64];
    size_t nours = S_ours(m, probe, ours, 64);
    bool any = false;
    char conv = 0;
    char *save = NULL;
    for (char *alt = strtok_r(alts, ",", &save); alt && !any; alt = strtok_r(NULL, ",", &save)) {
      char *parts[64];
      size_t np = 0;
      for (char *p = alt; p && np < 64;) {
        char *d = strchr(p, '.');
        if (d) *d = '\0';
        parts[np++] = p;
        p = d ? d + 1 : NULL;
      }
      unsigned ref[64];
      size_t nref = 0;
      if (!S_ref(probe, parts, np, ref, &nref)) continue;
      if (nref == nours && (nref == 0 || memcmp(ref, ours, nref * sizeof *ref) == 0)) {
        any = true;
      } else if (nref == 0 && nours > 0 && S_conv_known(m, probe)) {
        conv = 'b'; /* dweiss leaves whole a known word we split */
      } else if (nours > 0 && nours < nref) {
        /* (a): every boundary of ours is dweiss's, and each of our stems
         * that spans several of dweiss's parts is a known word. */
        bool sub = true;
        for (size_t i = 0; i < nours && sub; i++) sub = S_in_set(ours[i], ref, nref);
        dg_part pp[DG_COMPOUND_MAX_PARTS];
        size_t npp = dg_compound_split(m, probe, pp, DG_COMPOUND_MAX_PARTS);
        for (size_t i = 0; i < npp && sub; i++) {
          if (pp[i].kind != DG_PART_STEM) continue;
          bool spans = false;
          for (size_t r = 0; r < nref; r++)
            if (ref[r] > pp[i].start && ref[r] < pp[i].end) spans = true;
          if (spans && !dg_morph_is_known(m, pp[i].form)) sub = false;
        }
        if (sub) conv = 'a';
      }
    }
    dw++;
    dw_ok += any;
    if (!any && conv) dw_conv++;
    if (!any && diff) {
      fprintf(diff, "%s\t%s  ours ",
              conv == 'a' ? "dweiss-conv-longest" : conv == 'b' ? "dweiss-conv-known-whole" : "dweiss-miss",
              probe);
      S_show(diff, m, probe);
      fputc('\n', diff);
    }
    dg_buf_free(&word);
  }
  fclose(f);
  if (diff) fclose(diff);
  /* Issue 12's targets, against the list as published (the adjudicated
   * copy beside it, never instead). */
  for (int w = 0; w < 2; w++) {
    double head = S_pct(S_i12_head[w], S_i12_split[w]), over = S_pct(S_i12_over[w], S_i12_unsplit[w]),
           lost = S_pct(S_i12_lost[w], S_i12_split[w]);
    printf("issue 12 (%s): head boundary right %.2f %% (%ld/%ld); simplex words split %.2f %% "
           "(%ld/%ld); compounds unglossed or taken for names %.2f %% (%ld/%ld); targets "
           "(>= 97 %%, <= 2 %%, <= 0.5 %%): %s\n",
           w ? "adjudicated copy" : "list as published", head, S_i12_head[w], S_i12_split[w], over,
           S_i12_over[w], S_i12_unsplit[w], lost, S_i12_lost[w], S_i12_split[w],
           head >= 97.0 && over <= 2.0 && lost <= 0.5 ? "met" : "NOT met");
    if (w == 0 && !S_nadj) break;
  }
  dg_morph_close(m);
  if (lex) dg_lexicon_close(lex);
  for (size_t i = 0; i < S_nadj; i++)
    if (!S_adjs[i].used) {
      fprintf(stderr, "adjudication: %s: not in the list or not used\n", S_adjs[i].word);
      adj_stale++;
    }
  double first = raw_split ? 100.0 * (double)raw_same / (double)raw_split : 0;
  double over = raw_unsplit ? 100.0 * (double)raw_over / (double)raw_unsplit : 0;
  printf("raw figures (jwordsplitter's list as published):\n");
  printf("  jwordsplitter: same first boundary %.2f %% (%ld/%ld split words)\n", first, raw_same,
         raw_split);
  printf("  jwordsplitter: unsplit words split %.2f %% (%ld/%ld)\n", over, raw_over, raw_unsplit);
  printf("  jwordsplitter: %ld hyphenated words left out, %ld unreadable lines\n", hyphen, bad);
  printf("  dweiss: %ld/%ld cases right\n", dw_ok, dw);
  if (S_nadj) {
    printf("hand adjudication: %ld entries of the list corrected (%ld compounds it leaves whole, "
           "%ld words it splits that are no compounds, %ld other first boundaries); %ld stale\n",
           adj_to_split + adj_to_whole + adj_moved, adj_to_split, adj_to_whole, adj_moved, adj_stale);
    printf("  with the adjudication: %ld split words, %ld unsplit (%ld of those we split are "
           "known whole)\n", split, unsplit, unsplit_known);
  }
  printf("differences by class (rules in tests/morph/eval_compounds.c%s):\n",
         S_nadj ? ", against the adjudicated list" : "");
  for (int c = 0; c < C_COUNT; c++) {
    printf("  %-48s %5ld\n", S_class_name[c], S_class_n[c]);
    for (size_t i = 0; i < 10 && S_examples[c][i]; i++) {
      printf("      %s\n", S_examples[c][i]);
      free(S_examples[c][i]);
    }
  }
  long split_adj = split - S_class_n[C_LONGEST] - S_class_n[C_LINK_S];
  long unsplit_adj = unsplit - S_class_n[C_KNOWN] - S_class_n[C_CAMEL];
  long over_n = unsplit_split - S_class_n[C_KNOWN] - S_class_n[C_CAMEL];
  double first_adj = split_adj ? 100.0 * (double)split_same / (double)split_adj : 0;
  double over_adj = unsplit_adj ? 100.0 * (double)over_n / (double)unsplit_adj : 0;
  printf("with convention differences (a), (a2), (b), (b2) set aside%s:\n",
         S_nadj ? ", against the adjudicated list" : "");
  printf("  same first boundary %.2f %% (%ld/%ld)\n", first_adj, split_same, split_adj);
  printf("  unsplit words split %.2f %% (%ld/%ld)\n", over_adj, over_n, unsplit_adj);
  printf("  dweiss right %ld/%ld (%ld more differ by convention (a) or (b))\n", dw_ok + dw_conv, dw,
         dw_conv);
  bool issue = first_adj >= 97.0 && over_adj <= 1.0 && dw_ok + dw_conv == dw;
  printf("issue 4 targets (>= 97 %%, <= 1 %%, all dweiss) with conventions set aside%s: %s\n",
         S_nadj ? ", against the adjudicated list" : "", issue ? "met" : "NOT met");
  for (size_t i = 0; i < S_nadj; i++) {
    free(S_adjs[i].word);
    free(S_adjs[i].parts);
    free(S_adjs[i].reason);
  }
  free(S_adjs);
  bool pass = first_adj >= min_first && over_adj <= max_over && dw_ok >= min_dweiss && !adj_stale;
  if (adj_stale) printf("the adjudication file has %ld stale entries (see above)\n", adj_stale);
  printf("regression floors (>= %.1f %%, <= %.1f %%, >= %ld dweiss): %s\n", min_first, max_over,
         min_dweiss, pass ? "met" : "NOT met");
  return pass ? 0 : 1;
}
