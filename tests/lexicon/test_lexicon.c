/* Tests of the lexicon API on the real compiled lexicon and on a lexicon
 * compiled from tests/lexicon/ding-sample.txt (the Ding parser).
 *   test_lexicon REAL.lex SAMPLE.lex TMPDIR
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lexicon.h"
#include "lexicon_format.h"
#include "mwe.h"
#include "util.h"

static const char *S_first(const dg_lexicon *lex, const char *lemma, const char *pos) {
  dg_sense s[1];
  return dg_lexicon_senses(lex, lemma, pos, s, 1) ? s[0].gloss : "(none)";
}

static bool S_has_sense(const dg_lexicon *lex, const char *lemma, const char *pos,
                        const char *gloss, dg_sense *found) {
  dg_sense s[64];
  size_t n = dg_lexicon_senses(lex, lemma, pos, s, 64);
  for (size_t i = 0; i < n && i < 64; i++)
    if (strcmp(s[i].gloss, gloss) == 0) {
      if (found) *found = s[i];
      return true;
    }
  return false;
}

static bool S_has_lemma(const dg_lexicon *lex, const char *form, const char *lemma) {
  const char *l[16];
  size_t n = dg_lexicon_form_lemmas(lex, form, l, 16);
  for (size_t i = 0; i < n && i < 16; i++)
    if (strcmp(l[i], lemma) == 0) return true;
  return false;
}

static bool S_has_closed(const dg_lexicon *lex, const char *form, const char *pos,
                         const char *gloss, const char *labels) {
  dg_sense s[32];
  size_t n = dg_lexicon_closed(lex, form, s, 32);
  for (size_t i = 0; i < n && i < 32; i++)
    if (strcmp(s[i].pos, pos) == 0 && strcmp(s[i].gloss, gloss) == 0 &&
        strcmp(s[i].labels, labels) == 0)
      return true;
  return false;
}

static bool S_has_phrase(const dg_lexicon *lex, const char *key, const char *german,
                         const char *gloss_part) {
  dg_phrase p[400];
  size_t n = dg_lexicon_phrases(lex, key, p, 400);
  for (size_t i = 0; i < n && i < 400; i++)
    if (strcmp(p[i].german, german) == 0 && strstr(p[i].gloss, gloss_part)) return true;
  return false;
}

/* ---- the Ding parser, on the hand-written sample ---- */
static void S_sample(const char *path) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = dg_lexicon_open(path, &err);
  OK(lex != NULL, "open sample lexicon: %s", err.text);
  if (!lex) return;
  const void *block;
  size_t blen;
  OK(!dg_lexicon_phrase_block(lex, "gespräch", &block, &blen) && !block,
     "dgcompile's file alone keeps no compiled phrases: the caller compiles them");
  dg_sense s;
  OK(S_has_sense(lex, "Gespräch", "NOUN", "conversation", &s) && strcmp(s.gender, "n") == 0,
     "Gespräch n conversation");
  OK(S_has_sense(lex, "Unterhaltung", "NOUN", "conversation", &s) && strcmp(s.gender, "f") == 0,
     "second synonym Unterhaltung f aligned with conversation");
  OK(strncmp(s.source, "ding:", 5) == 0, "provenance ding:LINE, got %s", s.source);
  OK(S_has_lemma(lex, "Gespräche", "Gespräch"), "plural Gespräche -> Gespräch");
  OK(S_has_lemma(lex, "Unterhaltungen", "Unterhaltung"), "plural aligned by position");
  OK(!S_has_lemma(lex, "Unterhaltungen", "Gespräch"), "plural not linked to the other synonym");
  OK(S_has_phrase(lex, "gespräch", "ein Gespräch führen", "to conduct a conversation"),
     "sub-entry phrase indexed under its first content word");
  OK(strcmp(S_first(lex, "bestätigen", "VERB"), "confirm") == 0,
     "verb gloss without 'to'; [jur.] sense ranked below: got %s", S_first(lex, "bestätigen", "VERB"));
  OK(S_has_sense(lex, "bestätigen", "VERB", "ratify", &s) && strstr(s.domains, "jur.") != NULL,
     "domain tag kept: %s", s.domains);
  OK(S_has_lemma(lex, "bestätigt", "bestätigen") && S_has_lemma(lex, "bestätigend", "bestätigen"),
     "participles linked to the verb");
  OK(S_has_lemma(lex, "glaubt", "glauben") && S_has_lemma(lex, "meint", "meinen") &&
         S_has_lemma(lex, "geglaubt", "glauben"),
     "er/sie forms and participles of synonyms aligned");
  OK(S_has_sense(lex, "meinen", "VERB", "believe", NULL),
     "tags written after the last synonym apply to all");
  OK(!S_has_sense(lex, "glauben", NULL, "believe {believed; believed}", NULL) &&
         S_has_sense(lex, "glauben", "VERB", "believe", NULL),
     "irregular forms {..} removed from glosses");
  OK(dg_lexicon_phrases(lex, "ich", (dg_phrase[1]){0}, 1) == 0 &&
         !S_has_phrase(lex, "glaube", "Ich glaube nicht.", "think"),
     "example sentences are not phrases");
  OK(S_has_sense(lex, "Regierung", "NOUN", "government", NULL) &&
         !S_has_sense(lex, "Regierung", "NOUN", "government /Gov.", NULL) &&
         !S_has_sense(lex, "Regierung", "NOUN", "Govt./", NULL),
     "/abbreviations; with spaces/ removed");
  OK(S_has_sense(lex, "Regierung", "NOUN", "administration", &s) && strstr(s.domains, "Am."),
     "English domain tag [Am.] kept");
  OK(S_has_phrase(lex, "vereinte", "Vereinte Nationen", "United Nations"),
     "multiword headword indexed as phrase");
  OK(S_has_phrase(lex, "rechenschaft", "jdn. zur Rechenschaft ziehen", "call sb. to account"),
     "jdn. phrase keyed on its first content word");
  OK(strcmp(S_first(lex, "Polizei", "NOUN"), "police") == 0,
     "'die Polizei :: the police' gives Polizei = police, got %s", S_first(lex, "Polizei", "NOUN"));
  OK(S_has_sense(lex, "Flugpolizei", "NOUN", "air police", NULL), "sub-entry headword");
  OK(S_has_lemma(lex, "Gefangene", "Gefangener") &&
         strcmp(S_first(lex, "Gefangene", "NOUN"), "prisoner") == 0,
     "adjectival noun: weak form Gefangene has the senses of Gefangener");
  OK(S_has_sense(lex, "stimmen", "VERB", "vote", NULL), "'stimmen für' gives the verb stimmen");
  OK(S_has_sense(lex, "ankündigen", "VERB", "announce", NULL) &&
         S_has_lemma(lex, "angekündigt", "ankündigen"),
     "'etw. ankündigen' gives ankündigen, sth. removed from the gloss");
  OK(S_has_sense(lex, "hübsch", "ADJ", "pretty", NULL) && S_has_lemma(lex, "schöner", "schön") &&
         S_has_lemma(lex, "schönsten", "schön"),
     "adjective comparison forms");
  OK(S_has_sense(lex, "erste", "ADJ", "first", NULL), "ordinal {num} is ADJ");
  OK(S_has_lemma(lex, "stellte klar", "klarstellen") && S_has_lemma(lex, "stellt klar", "klarstellen") &&
         S_has_lemma(lex, "klargestellt", "klarstellen"),
     "separated verb forms linked to the particle verb");
  OK(!S_has_phrase(lex, "stellte", "stellte klar", "clarified"), "separated forms are not phrases");
  OK(S_has_sense(lex, "freuen", "VERB", "be glad", NULL), "reflexive 'sich freuen'");
  OK(S_has_sense(lex, "Azetylen", "NOUN", "acetylene", &s) && strcmp(s.gender, "n") == 0 &&
         strstr(s.domains, "chem.") && S_has_sense(lex, "Acetylen", "NOUN", "acetylene", NULL),
     "German <variant> gets the sense");
  OK(S_has_sense(lex, "womöglich", "X", "possibly", NULL) &&
         S_has_sense(lex, "womöglich", "ADV", "possibly", NULL) &&
         !S_has_sense(lex, "Aalfang", "ADV", "eel fishing", NULL),
     "untagged word (X) answers a POS query that has nothing else");
  /* words Ding has only inside phrases or slotted sub-entries get a derived,
   * lower-ranked sense pointing at the phrase's line */
  OK(S_has_sense(lex, "profitieren", "VERB", "benefit", &s) && strcmp(s.source, "ding:23") == 0,
     "'von etw. profitieren :: to benefit from sth.' gives profitieren 'benefit' (ding:23), got %s",
     S_first(lex, "profitieren", "VERB"));
  OK(strcmp(S_first(lex, "beitragen", "VERB"), "contribute") == 0,
     "'zu etw. beitragen :: to contribute to sth.' gives 'contribute', got %s",
     S_first(lex, "beitragen", "VERB"));
  {
    dg_sense real;
    OK(S_has_sense(lex, "profitieren", "VERB", "benefit", &s) &&
           S_has_sense(lex, "bestätigen", "VERB", "confirm", &real) && s.score < real.score,
       "a phrase-derived sense ranks below a real headword sense");
  }
  OK(!S_has_sense(lex, "freuen", "VERB", "be pleased", NULL) &&
         strcmp(S_first(lex, "freuen", "VERB"), "be glad") == 0,
     "no derived sense for a lemma with a headword sense of its own");
  {
    dg_sense b[16];
    size_t nb = dg_lexicon_senses(lex, "bedürfen", NULL, b, 16);
    bool from_ding = false; /* preferred.tsv may name it; Ding must not */
    for (size_t i = 0; i < nb && i < 16; i++)
      if (strncmp(b[i].source, "ding:", 5) == 0) from_ding = true;
    OK(dg_lexicon_senses(lex, "Erklärung", NULL, (dg_sense[1]){0}, 1) > 0 && !from_ding,
       "a phrase with two content words derives nothing");
  }
  OK(S_has_phrase(lex, "bedürfen", "einer Erklärung bedürfen", "need elucidation") &&
         S_has_phrase(lex, "erklärung", "einer Erklärung bedürfen", "need elucidation"),
     "phrase indexed under its final verb as well as its first content word");
  OK(S_has_sense(lex, "mindestens", "ADV", "at least", NULL),
     "comma alternatives of an English synonym: mindestens 'at least', got %s",
     S_first(lex, "mindestens", "ADV"));
  OK(S_has_sense(lex, "sogenannt", "ADJ", "so-called", NULL),
     "'sogenannte/r/s {adj}' gives sogenannt, got %s", S_first(lex, "sogenannt", NULL));
  /* closed-class and names come from dictionaries/ in any build */
  OK(S_has_closed(lex, "dem", "DET", "the", "DEF.M/N.DAT.SG"), "closed class in sample build");
  dg_lexicon_close(lex);
}

/* ---- the real lexicon ---- */
/* The phrases under a key stored compiled (tools/dgcompile/dgphrases.c):
 * the very block the phrase pass compiles at run time; a damaged one is
 * refused. */
static void S_blocks(const dg_lexicon *lex) {
  const void *block;
  size_t len;
  OK(dg_lexicon_phrase_block(lex, "gespräch", &block, &len) && block && len > 8, "a key's block is stored");
  if (!block) return;
  OK(dg_gl_phrase_block_ok(block, len), "the stored block checks");
  dg_buf b;
  dg_buf_init(&b);
  dg_gl_phrase_block(&b, lex, "gespräch");
  OK(b.len <= len && memcmp(b.data, block, b.len) == 0, "the stored block is the one compiled at run time");
  OK(dg_lexicon_phrase_block(lex, "xyzzyq", &block, &len) && !block, "a key without phrases: no block");
  OK(!dg_lexicon_phrase_block(lex, "Gespräch", &block, &len), "a key not written as keys are: compiled by the caller");
  /* damaged copies (8-byte aligned, as in the file) are refused */
  uint64_t *copy = dg_xcalloc(b.len / 8 + 1, 8);
  unsigned char *c = (unsigned char *)copy;
  uint32_t np, at;
  memcpy(&np, b.data, 4);
  /* (the count, each pattern's two probe bits, then where each starts) */
  memcpy(&at, b.data + 4 + 4 * (size_t)np, 4);
  OK(np > 0 && at < b.len, "a block of %u patterns", np);
  static const struct {
    size_t off;
    uint32_t val;
    const char *what;
  } bad[] = {{0, 1000, "too many patterns"}, {4, 5000, "a probe bit past the set"},
             {SIZE_MAX, 3, "a pattern's start not aligned"}, {SIZE_MAX - 1, 0, "a pattern of no words"},
             {SIZE_MAX - 2, 0xfffffff0u, "a pattern larger than the block"}};
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
    memcpy(c, b.data, b.len);
    size_t off = bad[k].off == SIZE_MAX ? 4 + 4 * (size_t)np
                 : bad[k].off == SIZE_MAX - 1 ? at + 4
                 : bad[k].off == SIZE_MAX - 2 ? at
                 : bad[k].off;
    uint32_t v = bad[k].off == SIZE_MAX ? at + bad[k].val : bad[k].val;
    memcpy(c + off, &v, 4);
    OK(!dg_gl_phrase_block_ok(c, b.len), "refused: %s", bad[k].what);
  }
  memcpy(c, b.data, b.len);
  OK(dg_gl_phrase_block_ok(c, b.len) && !dg_gl_phrase_block_ok(c, at + 8), "a block cut short is refused");
  free(copy);
  dg_buf_free(&b);
}

static void S_real(const char *path) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = dg_lexicon_open(path, &err);
  OK(lex != NULL, "open %s: %s", path, err.text);
  if (!lex) return;
  OK(strcmp(S_first(lex, "glauben", "VERB"), "believe") == 0, "glauben");
  OK(strcmp(S_first(lex, "Gespräch", NULL), "conversation") == 0, "pos NULL = any");
  OK(strcmp(S_first(lex, "GESPRÄCH", NULL), "conversation") == 0, "case-insensitive fallback");
  dg_sense s[8];
  size_t n = dg_lexicon_senses(lex, "Essen", NULL, s, 8);
  OK(n > 0 && strcmp(s[0].lemma, "Essen") == 0, "exact case first: Essen, got %s", n ? s[0].lemma : "-");
  n = dg_lexicon_senses(lex, "essen", NULL, s, 8);
  OK(n > 0 && strcmp(s[0].lemma, "essen") == 0 && strcmp(s[0].gloss, "eat") == 0,
     "exact case first: essen = eat, got %s %s", n ? s[0].lemma : "-", n ? s[0].gloss : "-");
  n = dg_lexicon_senses(lex, "bestätigen", NULL, s, 2);
  OK(n > 2, "count may exceed max: %zu", n);
  OK(s[0].score >= s[1].score, "ranked by score");
  OK(dg_lexicon_senses(lex, "", NULL, s, 8) == 0 && dg_lexicon_senses(lex, NULL, NULL, s, 8) == 0,
     "empty lemma");
  OK(dg_lexicon_senses(lex, "bestätigen", "NOUN", s, 8) == 0, "pos filter");
  n = dg_lexicon_senses(lex, "Aalfang", "VERB", s, 8);
  OK(n == 0, "pos filter: a noun is no verb");
  /* forms */
  OK(S_has_lemma(lex, "Gespräche", "Gespräch"), "Gespräche -> Gespräch");
  OK(S_has_lemma(lex, "bestätigt", "bestätigen"), "bestätigt -> bestätigen");
  OK(S_has_lemma(lex, "Kriege", "Krieg"), "Kriege -> Krieg");
  OK(S_has_lemma(lex, "stellte klar", "klarstellen") && S_has_lemma(lex, "kam an", "ankommen"),
     "separated particle-verb forms");
  OK(S_has_lemma(lex, "Staaten", "Staat") && !S_has_lemma(lex, "Staaten", "Land"),
     "plural linked to the synonym it resembles");
  const char *one[4];
  OK(dg_lexicon_form_lemmas(lex, "Schritt", one, 4) == 0,
     "a headword as written is not matched case-insensitively to a form (schritt)");
  OK(S_has_lemma(lex, "Kam", "kommen"), "sentence-initial form");
  dg_phrase ph[64];
  size_t np = dg_lexicon_phrases(lex, "gespräch", ph, 64);
  bool plural_phrase = false;
  for (size_t i = 0; i < np && i < 64; i++)
    if (strcmp(ph[i].german, "Gespräche im Vorfeld") == 0) plural_phrase = true;
  OK(plural_phrase, "phrase key is the lemma of an inflected first word");
  S_blocks(lex);
  /* closed class */
  OK(S_has_closed(lex, "dem", "DET", "the", "DEF.M/N.DAT.SG"), "dem");
  OK(S_has_closed(lex, "der", "DET", "the", "DEF.M.NOM.SG") &&
         S_has_closed(lex, "der", "DET", "the", "DEF.F.DAT.SG") &&
         S_has_closed(lex, "der", "PRON", "who/which", "REL.M.NOM.SG"),
     "der: every reading");
  OK(S_has_closed(lex, "Der", "DET", "the", "DEF.M.NOM.SG"), "sentence-initial Der");
  OK(S_has_closed(lex, "einem", "DET", "a", "INDF.M/N.DAT.SG"), "einem");
  OK(S_has_closed(lex, "keinen", "DET", "no", "NEG.DAT.PL"), "keinen");
  OK(S_has_closed(lex, "werde", "AUX", "will/become", "1SG.PRS") &&
         S_has_closed(lex, "werde", "AUX", "will/become", "3SG.SBJV1"),
     "werde = 1SG.PRS or 3SG.SBJV1");
  OK(S_has_closed(lex, "möchte", "AUX", "like", "3SG.SBJV2"), "möchte = like.SBJV2 (the citation form: plain says would like)");
  OK(S_has_closed(lex, "konnten", "AUX", "can", "3PL.PST"), "konnten = can.PST (the citation form: plain says could)");
  OK(S_has_closed(lex, "seid", "AUX", "be", "2PL.PRS"), "seid");
  OK(S_has_closed(lex, "im", "ADP", "in.the", "DEF.M/N.DAT.SG") &&
         S_has_closed(lex, "zur", "ADP", "to.the", "DEF.F.DAT.SG") &&
         S_has_closed(lex, "am", "ADP", "at.the/on.the", "DEF.M/N.DAT.SG"),
     "contractions");
  OK(S_has_closed(lex, "wegen", "ADP", "because of", "+GEN") &&
         S_has_closed(lex, "mit", "ADP", "with", "+DAT"),
     "prepositions with case");
  OK(S_has_closed(lex, "sich", "PRON", "oneself", "REFL.3"), "sich");
  OK(dg_lexicon_closed(lex, "Gespräch", s, 8) == 0, "open-class word has no closed reading");
  /* names and abbreviations */
  OK(strcmp(S_first(lex, "Moskau", NULL), "Moscow") == 0, "Moskau");
  OK(strcmp(S_first(lex, "Kiew", NULL), "Kyiv") == 0, "Kiew");
  OK(strcmp(S_first(lex, "Kreml", NULL), "Kremlin") == 0, "Kreml");
  OK(strcmp(S_first(lex, "russisch", "ADJ"), "Russian") == 0, "russisch");
  OK(strcmp(S_first(lex, "Dienstag", NULL), "Tuesday") == 0, "Dienstag");
  OK(strcmp(S_first(lex, "z. B.", NULL), "e.g.") == 0, "z. B.");
  dg_sense m;
  OK(S_has_sense(lex, "Moskau", NULL, "Moscow", &m) && strstr(m.source, "dictionaries/names.tsv:"),
     "names provenance: %s", m.source);
  /* phrases and contains */
  OK(S_has_phrase(lex, "rechenschaft", "jdn. zur Rechenschaft ziehen", "account"),
     "phrase zur Rechenschaft ziehen");
  OK(dg_lexicon_contains(lex, "Waffenstillstand") && dg_lexicon_contains(lex, "Gespräche") &&
         dg_lexicon_contains(lex, "dem"),
     "contains headword, form, closed form");
  OK(!dg_lexicon_contains(lex, "Xyzzyplonk") && !dg_lexicon_contains(lex, ""), "contains unknown");
  /* words Ding has only inside phrases, sub-entries or odd notations */
  OK(strcmp(S_first(lex, "mindestens", NULL), "at least") == 0, "mindestens: got %s",
        S_first(lex, "mindestens", NULL));
  OK(strcmp(S_first(lex, "sogenannt", NULL), "so-called") == 0, "sogenannt: got %s",
        S_first(lex, "sogenannt", NULL));
  OK(strcmp(S_first(lex, "profitieren", "VERB"), "benefit") == 0, "profitieren: got %s",
        S_first(lex, "profitieren", "VERB"));
  OK(S_has_phrase(lex, "bedürfen", "einer Erklärung bedürfen", "need elucidation"),
     "real Ding phrase found under its final verb");
  /* word classes, one source each (word-classes.tsv, names.tsv, closed-class.tsv,
   * first-parts.tsv, ding-labels.tsv) */
  OK(dg_lexicon_is(lex, "bleiben", DG_WC_COPULA) && !dg_lexicon_is(lex, "bleiben", DG_WC_MODAL) &&
         dg_lexicon_is(lex, "halten", DG_WC_COPULA | DG_WC_OBJ_PREDICATIVE) &&
         !dg_lexicon_is(lex, "halten", DG_WC_COPULA),
     "copula / object predicative classes");
  OK(dg_lexicon_is(lex, "März", DG_WC_MONTH) && !dg_lexicon_is(lex, "märz", DG_WC_MONTH) &&
         dg_lexicon_is(lex, "Sonnabend", DG_WC_WEEKDAY),
     "months and weekdays from names.tsv, spelling exact");
  OK(dg_lexicon_is(lex, "kW", DG_WC_UNIT) && !dg_lexicon_is(lex, "KW", DG_WC_UNIT),
     "units: case matters");
  OK(dg_lexicon_is(lex, "jedoch", DG_WC_CCONJ) && dg_lexicon_is(lex, "obwohl", DG_WC_SCONJ) &&
         !dg_lexicon_is(lex, "jedoch", DG_WC_CONJ_COORD),
     "conjunction classes from closed-class.tsv");
  OK(dg_lexicon_is(lex, "anti", DG_WC_CONFIX) && !dg_lexicon_is(lex, "sonder", DG_WC_CONFIX),
     "confixes from first-parts.tsv");
  OK(dg_lexicon_is(lex, "coll.", DG_WC_REGISTER_LABEL) &&
         !dg_lexicon_is(lex, "bot.", DG_WC_REGISTER_LABEL),
     "register labels from ding-labels.tsv");
  OK(dg_lexicon_ends_in_class(lex, "außenministerin", DG_WC_ROLE_NOUN) &&
         !dg_lexicon_ends_in_class(lex, "außenpolitik", DG_WC_ROLE_NOUN) &&
         !dg_lexicon_is(lex, "Xyzzyplonk", ~(dg_word_class)0),
     "role nouns as endings; unknown words have no class");
  OK(dg_lexicon_is(lex, "werde", DG_WC_AUX_FINITE) && !dg_lexicon_is(lex, "gewesen", DG_WC_AUX_FINITE) &&
         dg_lexicon_is(lex, "Der", DG_WC_ORDINAL_BEFORE) && !dg_lexicon_is(lex, "Zur", DG_WC_ORDINAL_BEFORE) &&
         dg_lexicon_is(lex, "weniger", DG_WC_COMPAR_DET) && !dg_lexicon_is(lex, "anders", DG_WC_COMPAR_DET) &&
         dg_lexicon_is(lex, "…", DG_WC_EN_PLACEHOLDER) && !dg_lexicon_is(lex, "/", DG_WC_EN_PLACEHOLDER),
     "the engine's word classes: aux-finite, ordinal-before (as written), compar-det, en-placeholder");
  const char *past = NULL, *part = NULL;
  OK(dg_lexicon_english_irregular(lex, "bear", &past, &part) && strcmp(past, "bore") == 0 &&
         strcmp(part, "borne") == 0 && !dg_lexicon_english_irregular(lex, "walk", NULL, NULL),
     "English irregular verbs (english-irregular.tsv over Ding)");
  OK(dg_lexicon_english_irregular(lex, "undergo", &past, &part) && strcmp(past, "underwent") == 0,
     "English irregular verbs from Ding: undergo -> %s", past ? past : "(none)");
  dg_lexicon_close(lex);
}

/* ---- glossary overlay ---- */
static int S_warns;
static char S_warn_text[2048];
static void S_sink(void *ctx, const degloss_error *w) {
  (void)ctx;
  S_warns++;
  size_t l = strlen(S_warn_text);
  snprintf(S_warn_text + l, sizeof S_warn_text - l, "%s:%ld: %s\n", w->source, w->line, w->text);
}

static void S_write(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void S_glossary(const char *real, const char *tmp) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = dg_lexicon_open(real, &err);
  if (!lex) return;
  char *g1 = dg_path_join(tmp, "glossary1.tsv"), *g2 = dg_path_join(tmp, "glossary2.tsv");
  S_write(g1,
          "\xEF\xBB\xBFlemma\tpos\tgloss\tgender\tdomains\r\n"
          "# comment line\n"
          "Waffenruhe\tNOUN\ttruce\tf\tmil.\r\n"
          "Blorbzeug\tnoun\tblorb stuff\tn\n"
          "only two\tcolumns\n"
          "Schnee\tFOO\tsnow\n"
          "Regen\tNOUN\train\tx\n"
          "\n"
          "Waffenruhe\tNOUN\tceasefire\n"
          "bad\0byte\tNOUN\tx\n"
          "Kiew\tPROPN\tKiev\n");
  /* the NUL above ends the C string: the file ends at "bad" */
  dg_warn_scope scope = {.fn = S_sink};
  dg_warn_push(&scope);
  S_warns = 0;
  S_warn_text[0] = '\0';
  OK(dg_lexicon_add_glossary(lex, g1, &err), "glossary loads: %s", err.text);
  OK(S_warns == 4, "4 bad lines reported (2 columns, bad pos, bad gender, incomplete), got %d:\n%s",
     S_warns, S_warn_text);
  OK(strstr(S_warn_text, "glossary1.tsv:5:") && strstr(S_warn_text, "glossary1.tsv:6:") &&
         strstr(S_warn_text, "glossary1.tsv:7:"),
     "warnings name file and line:\n%s", S_warn_text);
  dg_sense s[4];
  size_t n = dg_lexicon_senses(lex, "Waffenruhe", NULL, s, 4);
  OK(n >= 3 && strcmp(s[0].gloss, "truce") == 0 && strcmp(s[1].gloss, "ceasefire") == 0,
     "glossary entries first, in file order: %s, %s", n ? s[0].gloss : "-", n > 1 ? s[1].gloss : "-");
  OK(n && strstr(s[0].source, "glossary ") && strstr(s[0].source, "glossary1.tsv:3"),
     "glossary provenance: %s", n ? s[0].source : "-");
  OK(n && strcmp(s[0].gender, "f") == 0 && strcmp(s[0].domains, "mil.") == 0,
     "gender, domains (byte order mark and CRLF handled)");
  OK(strcmp(S_first(lex, "Blorbzeug", "NOUN"), "blorb stuff") == 0 &&
         dg_lexicon_contains(lex, "blorbzeug"),
     "new lemma, lower-case pos accepted, case-insensitive");
  OK(strcmp(S_first(lex, "Schnee", NULL), "snow") == 0, "bad line skipped, file lexicon still used");
  /* a later glossary overrides an earlier one */
  S_write(g2, "Waffenruhe\tNOUN\tlull in fighting\n");
  OK(dg_lexicon_add_glossary(lex, g2, &err), "second glossary");
  OK(strcmp(S_first(lex, "Waffenruhe", NULL), "lull in fighting") == 0, "later glossary first");
  /* many entries: the overlay grows */
  FILE *f = fopen(g2, "w");
  for (int i = 0; f && i < 3000; i++) fprintf(f, "Testwort%d\tNOUN\ttest word %d\n", i, i);
  if (f) fclose(f);
  OK(dg_lexicon_add_glossary(lex, g2, &err), "big glossary");
  OK(strcmp(S_first(lex, "Testwort2999", NULL), "test word 2999") == 0 &&
         strcmp(S_first(lex, "testwort0", NULL), "test word 0") == 0,
     "big glossary lookups");
  OK(strcmp(S_first(lex, "Waffenruhe", NULL), "lull in fighting") == 0, "order kept after growth");
  char *missing = dg_path_join(tmp, "no-such-glossary.tsv");
  memset(&err, 0, sizeof err);
  OK(!dg_lexicon_add_glossary(lex, missing, &err) && err.code == DEGLOSS_ERR_IO &&
         strstr(err.source, "no-such-glossary.tsv"),
     "missing glossary is an error naming the file");
  dg_warn_pop(&scope);
  free(missing);
  free(g1);
  free(g2);
  dg_lexicon_close(lex);
}

/* ---- damaged files ---- */
static char *S_slurp(const char *path, size_t *len) {
  degloss_error err;
  return dg_read_file(path, len, &err);
}

static void S_spit(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(data, 1, len, f);
  fclose(f);
}

static void S_lookups(const dg_lexicon *lex) {
  static const char *const words[] = {"glauben", "Gespräch", "der", "dem", "Moskau", "gehen",
                                      "Krieg", "bestätigt", "Rechenschaft", "im", "xyz", "Haus"};
  dg_sense s[16];
  dg_phrase p[16];
  const char *l[16];
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    dg_lexicon_senses(lex, words[i], NULL, s, 16);
    dg_lexicon_closed(lex, words[i], s, 16);
    dg_lexicon_form_lemmas(lex, words[i], l, 16);
    dg_lexicon_phrases(lex, words[i], p, 16);
    dg_lexicon_contains(lex, words[i]);
    const void *block;
    size_t len;
    if (dg_lexicon_phrase_block(lex, words[i], &block, &len) && block) dg_gl_phrase_block_ok(block, len);
  }
}

static void S_damaged(const char *real, const char *tmp) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  char *missing = dg_path_join(tmp, "missing.lex");
  dg_lexicon *lex = dg_lexicon_open(missing, &err);
  OK(!lex && err.code == DEGLOSS_ERR_IO && strcmp(err.source, missing) == 0,
     "missing file: %s: %s", err.source, err.text);
  size_t len;
  char *data = S_slurp(real, &len);
  OK(data && len > 1000, "read lexicon");
  if (!data) return;
  char *bad = dg_path_join(tmp, "damaged.lex");
  /* truncated */
  S_spit(bad, data, len / 2);
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(!lex && err.code == DEGLOSS_ERR_FORMAT && strcmp(err.source, bad) == 0 && strstr(err.text, "truncated"),
     "truncated file: %s", err.text);
  S_spit(bad, data, 10);
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(!lex && err.code == DEGLOSS_ERR_FORMAT, "tiny file: %s", err.text);
  /* bad magic */
  data[0] ^= 0x55;
  S_spit(bad, data, len);
  data[0] ^= 0x55;
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(!lex && err.code == DEGLOSS_ERR_FORMAT && strstr(err.text, "magic"), "bad magic: %s", err.text);
  /* damaged section table: open refuses it */
  char save[16];
  memcpy(save, data + 64, 16);
  memset(data + 64, 0xff, 16);
  S_spit(bad, data, len);
  memcpy(data + 64, save, 16);
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(!lex && err.code == DEGLOSS_ERR_FORMAT && strcmp(err.source, bad) == 0, "damaged head: %s", err.text);
  /* a damaged hash table: refused at open (the index checksum) */
  uint32_t tables = (uint32_t)(unsigned char)data[64 + 56] | (uint32_t)(unsigned char)data[64 + 57] << 8 |
                    (uint32_t)(unsigned char)data[64 + 58] << 16 | (uint32_t)(unsigned char)data[64 + 59] << 24;
  OK(tables > 0 && 64 + (size_t)tables < len, "the first hash table's offset: %u", tables);
  data[64 + tables + 5] ^= 0x10;
  S_spit(bad, data, len);
  data[64 + tables + 5] ^= 0x10;
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(!lex && err.code == DEGLOSS_ERR_FORMAT && strstr(err.text, "index checksum") &&
         strcmp(err.source, bad) == 0,
     "a damaged hash table is refused at open: %s", err.text);
  dg_lexicon_close(lex);
  /* damaged records and strings (before the hash tables): open is fast (the
   * whole checksum is not read), lookups never crash, dg_lexicon_verify and
   * dg_lexicon_open_checked(…, true, …) report the damage */
  unsigned seed = 12345;
  for (int i = 0; i < 2000; i++) {
    seed = seed * 1103515245u + 12345u;
    size_t at = 64 + 128 + (size_t)(seed >> 4) % (tables - 128);
    data[at] = (char)(seed >> 24);
  }
  S_spit(bad, data, len);
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open_checked(bad, true, &err);
  OK(!lex && strstr(err.text, "checksum mismatch"), "the full checksum finds it: %s", err.text);
  dg_lexicon_close(lex);
  memset(&err, 0, sizeof err);
  lex = dg_lexicon_open(bad, &err);
  OK(lex != NULL, "damaged records still open: %s", err.text);
  if (lex) {
    S_lookups(lex);
    memset(&err, 0, sizeof err);
    OK(!dg_lexicon_verify(lex, &err) && err.code == DEGLOSS_ERR_FORMAT &&
           strstr(err.text, "checksum") && strcmp(err.source, bad) == 0,
       "verify finds the damage: %s", err.text);
    dg_lexicon_close(lex);
  }
  free(data);
  /* the intact file verifies */
  lex = dg_lexicon_open(real, &err);
  OK(lex && dg_lexicon_verify(lex, &err), "intact file verifies");
  dg_lexicon_close(lex);
  free(bad);
  free(missing);
}

/* The closed classes' filter hashes a word in ASCII as it folds it: the
 * hash must be the tables' own of the folded key, or a closed-class word
 * would be turned away. */
static void S_fold_hash(void) {
  const char *words[] = {"a", "Im", "DER", "dEs", "Euch", "Jedes", "Welcher", "DIESELBE", "Irgendwelche",
                         "Nichtsdestotrotz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "z-B.", "O'Neill", "x7Y"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    uint64_t h = 0;
    char *f = dg_lexicon_fold(words[i]);
    bool ascii = dg_lexicon_fold_hash_ascii(words[i], strlen(words[i]), &h);
    OK(ascii && h == dg_lex_hash(f, strlen(f)), "fold hash of %s is the tables' hash of %s", words[i], f);
    free(f);
  }
  uint64_t h;
  OK(!dg_lexicon_fold_hash_ascii("Größe", strlen("Größe"), &h), "a word not in ASCII is told");
}

/* The class mask has 128 bits: a tag past the first 64 is walked, split
 * into the halves the data files store and put together again like one
 * of the first 64, and every tag's name is found again. */
static void S_class_bits(void) {
  dg_word_class hi = DG_WC(64) | DG_WC(100) | DG_WC(127), lo = DG_WC_COPULA | DG_WC(63);
  OK(dg_word_class_first(hi) == 64 && dg_word_class_first(hi & (hi - 1)) == 100 &&
         dg_word_class_first(DG_WC(127)) == 127 && dg_word_class_first(lo) == DG_WCB_COPULA,
     "the lowest class bit, below 64 and above");
  dg_word_class both = hi | lo;
  OK(dg_word_class_lo(both) == (uint64_t)lo && dg_word_class_hi(both) == (uint64_t)(hi >> 64) &&
         dg_word_class_of(dg_word_class_lo(both), dg_word_class_hi(both)) == both,
     "a mask split into its halves and put together again");
  OK((both & DG_WC(100)) != 0 && (lo & DG_WC(100)) == 0 && (hi & DG_WC_COPULA) == 0, "a high class asked by its bit");
  for (int b = 0; b < DG_WCB_COUNT; b++) {
    const char *name = dg_word_class_name(b);
    dg_word_class got = 0;
    const char *bad = NULL;
    size_t bad_len = 0;
    OK(name && dg_word_class_parse(name, &got, &bad, &bad_len) && got == DG_WC(b), "tag %d (%s) parses to its bit", b,
       name ? name : "?");
  }
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: test_lexicon REAL.lex SAMPLE.lex TMPDIR\n");
    return 2;
  }
  S_fold_hash();
  S_class_bits();
  S_sample(argv[2]);
  S_real(argv[1]);
  S_glossary(argv[1], argv[3]);
  S_damaged(argv[1], argv[3]);
  return DONE("lexicon.api");
}
