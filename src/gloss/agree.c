/* An article's agreement with its noun where the noun's form alone does
 * not tell its number (die Unterstützer: plural), and the indefinite
 * article that is the pronoun "one" before a genitive plural (einer der
 * Wahlen: one of the elections).  Asked by the closed-class choice
 * (closed.c) with the readings of the words after the article, not yet
 * chosen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "agree.h"

#include <string.h>

#include "case.h"
#include "demonym.h"

#include "word.h"

/* (why a word is the partitive "one": the token's reason, which the
 * article after it asks, dg_gl_zero_plural) */
static const char S_one_reason[] = "before a genitive plural: the pronoun \"one\" of a partitive";

enum { S_GENDERS = DG_LB_M | DG_LB_F | DG_LB_N, S_CASES = DG_LB_NOM | DG_LB_ACC | DG_LB_DAT | DG_LB_GEN };

/* Has w a noun analysis in the plural? */
static bool S_plural_noun_reading(const dg_gl_word *w) {
  if (!dg_gl_any_an(w, DG_GL_F_PLUR)) return false;
  for (size_t a = 0; a < w->nan; a++)
    if (dg_gl_an_pos(w, a, DG_GL_P_NOUN | DG_GL_P_PROPN) && dg_gl_an_feat(w, a, DG_GL_F_PLUR)) return true;
  return false;
}

bool dg_gl_zero_plural(const dg_gl_ctx *c, size_t i, size_t n, unsigned glab) {
  const dg_dsentence *s = c->s;
  const dg_gl_word *w = &c->w[i];
  if (!glab || n <= i || n >= s->ntokens) return false;
  /* (the noun of the article's own phrase: only adjectives and numbers
   * between them, not "diese an anderen Küstenstreifen") */
  size_t adjectives = 0, in_en = 0;
  for (size_t j = i + 1; j < n; j++) {
    if (s->tokens[j].kind == DG_KIND_NUMBER) continue;
    /* (a place's adjective in -er: die Hamburger Hafenanlagen, demonym.c) */
    if (dg_gl_place_adjective(c, j, NULL)) continue;
    if (!dg_gl_adjective_word(c, j)) return false;
    size_t L = strlen(s->tokens[j].form);
    adjectives++;
    in_en += L > 3 && strcmp(s->tokens[j].form + L - 2, "en") == 0;
  }
  /* An adjective after an article in the masculine nominative singular
   * (der, dieser, jeder) ends in -e: "der beste Spieler".  Its ending -en
   * shows another reading of the article, with a masculine noun the
   * genitive plural: "die Namen der besten Spieler" (the.GEN.PL). */
  bool not_m_nom = adjectives && in_en == adjectives;
  /* (after the partitive "one" the article is the genitive plural:
   * "einer der besten Spieler", dg_gl_partitive_one) */
  if (i > 0 && s->tokens[i - 1].reason == S_one_reason) return S_plural_noun_reading(&c->w[n]);
  /* (a singular article reading of the noun's gender: "der Lehrer" may be
   * either, and stays as the choice makes it) */
  for (size_t k = 0; k < w->ncl; k++) {
    unsigned lb = w->cl[k].bits;
    if (not_m_nom && (lb & DG_LB_M) && (lb & S_CASES) == DG_LB_NOM) continue;
    if (DG_LB_POS(lb) == DG_UD_DET && !(lb & DG_LB_REL) && (lb & glab)) return false;
  }
  return S_plural_noun_reading(&c->w[n]);
}

/* The noun of a partitive after the indefinite article at i (dg_gl_partitive_one),
 * or 0. */
static size_t S_partitive_noun(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t j = i + 1;
  if (j >= s->ntokens || s->tokens[j].kind != DG_KIND_WORD) return 0;
  /* (the next word: a determiner with a genitive plural reading) */
  const dg_gl_word *d = &c->w[j];
  bool gen_pl = false;
  for (size_t k = 0; k < d->ncl && !gen_pl; k++) {
    unsigned lb = d->cl[k].bits;
    gen_pl = DG_LB_POS(lb) == DG_UD_DET && (lb & DG_LB_GEN) && (lb & DG_LB_PL);
  }
  if (!gen_pl) return 0;
  /* (its adjectives, lower case, then its noun) */
  for (j++; j < s->ntokens && j <= i + 5; j++) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *w = &c->w[j];
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return 0;
    if (dg_gl_is_upper_initial(t->form)) return S_plural_noun_reading(w) ? j : 0;
    if (!dg_gl_adjective_word(c, j)) return 0;
  }
  return 0;
}

/* The gender of the plural noun n (DG_LB_M, DG_LB_F or DG_LB_N), 0 when
 * its plural analyses do not agree on one. */
static unsigned S_plural_gender(const dg_gl_word *w) {
  unsigned g = 0;
  for (size_t a = 0; a < w->nan; a++) {
    if (!dg_gl_an_pos(w, a, DG_GL_P_NOUN | DG_GL_P_PROPN) || !dg_gl_an_feat(w, a, DG_GL_F_PLUR)) continue;
    g |= dg_gl_an_feat(w, a, DG_GL_F_MASC) ? DG_LB_M : 0;
    g |= dg_gl_an_feat(w, a, DG_GL_F_FEM) ? DG_LB_F : 0;
    g |= dg_gl_an_feat(w, a, DG_GL_F_NEUT) ? DG_LB_N : 0;
  }
  return g == DG_LB_M || g == DG_LB_F || g == DG_LB_N ? g : 0;
}


/* The index of gender g (DG_LB_M, DG_LB_F, DG_LB_N: 0 to 2) and of case k
 * (DG_LB_NOM … DG_LB_GEN: 0 to 3). */
static int S_gi(unsigned g) { return g == DG_LB_M ? 0 : g == DG_LB_F ? 1 : 2; }
static int S_ki(unsigned k) { return k == DG_LB_NOM ? 0 : k == DG_LB_ACC ? 1 : k == DG_LB_DAT ? 2 : 3; }

/* The labels and features of the pronoun "one" of gender g and case k
 * (one bit each). */
static void S_one_labels(unsigned g, unsigned k, const char **labels, const char **feats) {
#define S_ONE(G, C, UG, UC) {"INDF." G "." C ".SG", "Case=" UC "|Definite=Ind|Gender=" UG "|Number=Sing|PronType=Art"}
#define S_ONE4(G, UG) \
  S_ONE(G, "NOM", UG, "Nom"), S_ONE(G, "ACC", UG, "Acc"), S_ONE(G, "DAT", UG, "Dat"), S_ONE(G, "GEN", UG, "Gen")
  static const char *const one[3][4][2] = {{S_ONE4("M", "Masc")}, {S_ONE4("F", "Fem")}, {S_ONE4("N", "Neut")}};
#undef S_ONE4
#undef S_ONE
  *labels = one[S_gi(g)][S_ki(k)][0];
  *feats = one[S_gi(g)][S_ki(k)][1];
}

/* The genders and cases the pronoun of the article's form may have, one
 * (gender, case) pair a bit: bit 4 * gender index + case index.  The
 * pronoun has the article's forms and endings, and where the article has
 * none (ein: M.NOM, N.NOM, N.ACC) the strong ending of dieser, dieses:
 * einer is also M.NOM (the form of F.GEN), eines N.NOM and N.ACC (the
 * form of M/N.GEN). */
static unsigned S_pair(unsigned g, unsigned k) { return 1u << (4 * S_gi(g) + S_ki(k)); }
static unsigned S_one_pairs(const dg_gl_word *w) {
  unsigned pairs = 0;
  for (size_t r = 0; r < w->ncl; r++) {
    unsigned lb = w->cl[r].bits;
    if (DG_LB_POS(lb) != DG_UD_DET || !(lb & DG_LB_SG) || (lb & DG_LB_DEF)) continue;
    for (unsigned g = DG_LB_M; g <= DG_LB_N; g <<= 1)
      for (unsigned k = DG_LB_NOM; k <= DG_LB_GEN; k <<= 1)
        if ((lb & g) && (lb & k)) pairs |= S_pair(g, k);
    if ((lb & DG_LB_F) && (lb & DG_LB_GEN)) pairs |= S_pair(DG_LB_M, DG_LB_NOM);
    if ((lb & DG_LB_N) && (lb & DG_LB_GEN)) pairs |= S_pair(DG_LB_N, DG_LB_NOM) | S_pair(DG_LB_N, DG_LB_ACC);
  }
  return pairs;
}

/* The verbs of the clause of word i, by their analyses (their lemmas not
 * yet chosen): S_VERB, a verb; S_COPULA, one of class copula (sein,
 * bleiben, …). */
enum { S_VERB = 1, S_COPULA = 2 };
static unsigned S_clause_verbs(const dg_gl_ctx *c, size_t i) {
  unsigned r = 0;
  for (size_t j = dg_gl_cstart(c, i), end = dg_gl_cend(c, i); j < end; j++) {
    const dg_gl_word *w = &c->w[j];
    for (size_t a = 0; a < w->nan; a++)
      if (j != i && dg_gl_an_pos(w, a, DG_GL_P_VERB | DG_GL_P_AUX) && w->an[a].lemma) {
        r |= S_VERB;
        if (dg_lexicon_is(c->lex, w->an[a].lemma, DG_WC_COPULA)) return S_VERB | S_COPULA;
      }
  }
  return r;
}

void dg_gl_partitive_one(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  size_t n = S_partitive_noun(c, i);
  if (!n) return;
  dg_dtoken *t = &s->tokens[i];
  dg_gl_word *w = &c->w[i];
  dg_gl_promote(d, t, "one");
  t->reason = S_one_reason;
  /* The pronoun takes the gender of the noun it picks one of, and the
   * case of its own place in the clause: "Sie ist einer der beliebtesten
   * Präsidenten" = one.M.NOM (Präsident is masculine; after sein, the
   * predicate), "Wir haben eines der Autos gekauft" = one.N.ACC (the
   * object).  After a preposition the reading the preposition chose
   * stays ("vor einer der wichtigsten Wahlen" = one.F.DAT), and so does a
   * reading of the noun's gender in the case wanted ("mit einem seiner
   * Kinder" = one.M/N.DAT). */
  unsigned g = S_plural_gender(&c->w[n]);
  if (!g || (i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADP))) return;
  unsigned pairs = S_one_pairs(w), lb = w->closed_labels;
  /* (the case: the subject's, or the predicate's after werden or in a
   * clause with a copula, "wird einer der Sieger sein"; else not the
   * nominative, and a genitive only after the noun it is the attribute
   * of; in a clause without a verb none but the form's own: "„einer der
   * Jungs“ (oder eines der Mädels) zu bleiben") */
  unsigned verbs = S_clause_verbs(c, i);
  bool subject = dg_gl_case_subject(c, i) || (i > 0 && dg_gl_is_werden(s->tokens[i - 1].lemma)) ||
                 (verbs & S_COPULA);
  bool after_noun = i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_NOUN);
  unsigned want = subject ? DG_LB_NOM : after_noun ? DG_LB_GEN : verbs ? DG_LB_ACC | DG_LB_DAT : 0;
  if ((lb & g) && (!want || (lb & want))) return;
  unsigned pick = 0, fits = 0;
  for (unsigned k = DG_LB_NOM; k <= DG_LB_GEN; k <<= 1)
    if (pairs & S_pair(g, k)) {
      fits++;
      if ((want & k) && !pick) pick = k;
    }
  /* (else the one case of the noun's gender the form has: einer with a
   * masculine noun is M.NOM, whatever its place) */
  if (!pick && fits == 1)
    for (unsigned k = DG_LB_NOM; k <= DG_LB_GEN; k <<= 1)
      if (pairs & S_pair(g, k)) pick = k;
  if (!pick) return;
  const char *labels, *feats;
  S_one_labels(g, pick, &labels, &feats);
  w->leipzig = labels;
  w->closed_labels = (lb & ~(unsigned)(S_GENDERS | S_CASES)) | g | pick;
  t->feats = feats;
}

/* German forms the adverbial superlative with "am" and the superlative in
 * -sten: "Er mag das am meisten" = he likes that most, "Was hat dir am
 * meisten gefallen?", "die am meisten betroffenen Gebiete".  There
 * "meisten" agrees with no noun: it is no plural determiner. */
bool dg_gl_am_superlative(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i == 0) return false;
  /* (the word before: a preposition fused with the dative article, am;
   * the others, im, zum, vom, beim, form no superlative) */
  const dg_gl_word *p = &c->w[i - 1];
  bool am = false;
  for (size_t k = 0; k < p->ncl && !am; k++) {
    unsigned lb = p->cl[k].bits;
    am = DG_LB_POS(lb) == DG_UD_ADP && (lb & DG_LB_DEF) && (lb & DG_LB_DAT);
  }
  if (!am) return false;
  /* (a noun right after: "am meisten Geld" keeps the determiner) */
  return i + 1 >= s->ntokens || s->tokens[i + 1].kind != DG_KIND_WORD ||
         !dg_gl_is_upper_initial(s->tokens[i + 1].form);
}
