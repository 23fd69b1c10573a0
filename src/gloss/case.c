/* The case of an article or pronoun from the words around it: the case
 * the preposition before it governs, the case of the noun phrase it is
 * joined to by und/oder or compared with by wie/als, and whether it stands
 * where the subject stands (the start of a clause, after the finite verb
 * of a verb-second clause whose first field holds no subject; not in an
 * infinitive clause, which has none).  Asked by the closed-class choice
 * (closed.c); reads the readings already chosen left of the word.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "case.h"

#include <string.h>

#include "word.h"

unsigned dg_gl_adp_case(unsigned lb) {
  if (DG_LB_POS(lb) != DG_UD_ADP) return 0;
  bool acc = lb & (DG_LB_ACC | DG_LB_GOV_ACC);
  bool dat = lb & (DG_LB_DAT | DG_LB_GOV_DAT);
  bool gen = lb & (DG_LB_GEN | DG_LB_GOV_GEN);
  if (dat && !acc) return DG_LB_DAT;
  if (acc && !dat) return DG_LB_ACC;
  if (gen && !dat && !acc) return DG_LB_GEN;
  if (dat && acc) return DG_LB_ACC | DG_LB_DAT;
  return 0;
}
unsigned dg_gl_case_governed(dg_gl_ctx *c, size_t i) {
  for (size_t j = i; j-- > 0 && i - j <= 1;) {
    dg_gl_word *w = &c->w[j];
    for (size_t k = 0; k < w->ncl; k++) {
      unsigned gov = dg_gl_adp_case(w->cl[k].bits);
      if (gov) return gov;
    }
  }
  return 0;
}

/* Does the clause around token i end in a zu-infinitive ("zu blockieren",
 * "beizutreten") with no word before it that can only be finite? */
static bool S_infinitive_clause(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t end = dg_gl_cend(c, i);
  /* A clause may go on after an inserted one: a piece with no verb after
   * a comma, whose next piece is an inserted clause (with its own verb),
   * goes on in the piece after that
   * (", das Wahlrecht … oder seine Entscheidung, Bündnissen … beizutreten,
   * zu blockieren"; not "Die Entscheidung, … zu bestätigen, ist"). */
  size_t cs = dg_gl_cstart(c, i);
  bool after_comma = cs > 0 && dg_gl_eq(s->tokens[cs - 1].form, ",");
  for (int hop = 0; hop < 2 && after_comma && end + 2 < s->ntokens && dg_gl_eq(s->tokens[end].form, ",") &&
                    dg_gl_verbless(c, i, end);
       hop++) {
    size_t inserted_end = dg_gl_cend(c, end + 1);
    if (inserted_end + 2 >= s->ntokens || !dg_gl_eq(s->tokens[inserted_end].form, ",") ||
        dg_gl_verbless(c, end + 1, inserted_end)) /* (a list: ", das Aufstellen …, die Fähigkeit, …") */
      break;
    i = inserted_end;
    end = dg_gl_cend(c, inserted_end + 1);
  }
  if (end <= i + 1) return false;
  size_t last = end - 1;
  if (dg_gl_is_upper_initial(s->tokens[last].form)) return false; /* "zu Finanzen" */
  bool zu_inf = (last > 0 && dg_gl_is_zu(c->w[last - 1].lower)) ||
                (c->w[last].nan && c->w[last].an[0].leipzig && strstr(c->w[last].an[0].leipzig, "zu-INF"));
  if (!zu_inf) return false;
  for (size_t j = i + 1; j < last; j++) {
    const dg_gl_word *v = &c->w[j];
    if (dg_gl_is_upper_initial(s->tokens[j].form)) continue;
    if (dg_gl_only_finite(v) && dg_gl_an_pos(v, 0, DG_GL_P_VERB | DG_GL_P_AUX)) return false;
  }
  return true;
}

/* Is token i right after the finite verb of a verb-second clause whose
 * first field holds no subject?  The field's nouns are all inside a
 * prepositional phrase or after an article that is not nominative, and no
 * word of it is nominative (er, der Mann). */
static bool S_subject_after_verb(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i < 2) return false;
  const dg_dtoken *v = &s->tokens[i - 1];
  if (!(dg_gl_pos_is(v, DG_UD_VERB) || dg_gl_pos_is(v, DG_UD_AUX)) || !dg_gl_feat(v->feats, "VerbForm=Fin") ||
      dg_gl_feat(v->feats, "Person=1") || dg_gl_feat(v->feats, "Person=2") || dg_gl_feat(v->feats, "Mood=Imp"))
    return false;
  size_t cs = dg_gl_cstart(c, i - 1);
  if (cs + 1 < i - 1 && dg_gl_is_punct(&s->tokens[cs])) cs++;
  if (cs >= i - 1) return false; /* verb first: a question or a command */
  if (dg_gl_pos_is(&s->tokens[cs], DG_UD_SCONJ) || dg_gl_pos_is(&s->tokens[cs], DG_UD_CCONJ)) return false;
  bool in_pp = false, oblique = false;
  for (size_t j = cs; j < i - 1; j++) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *w = &c->w[j];
    if (t->kind == DG_KIND_PUNCT) return false; /* an inserted clause: leave it */
    const char *lab = w->closed >= 0 ? w->cl[w->closed].labels : NULL;
    unsigned lb = lab ? w->closed_labels : 0;
    if (dg_gl_pos_is(t, DG_UD_ADP)) {
      in_pp = true;
      continue;
    }
    if ((lb & DG_LB_NOM) && !in_pp) return false; /* the subject */
    if (dg_gl_pos_is(t, DG_UD_DET) && lab) {
      oblique = lb & (DG_LB_ACC | DG_LB_DAT | DG_LB_GEN);
      continue;
    }
    if (dg_gl_pos_is(t, DG_UD_NOUN) || dg_gl_pos_is(t, DG_UD_PROPN) || t->kind == DG_KIND_NAME ||
        dg_gl_pos_is(t, DG_UD_PRON)) {
      if (!in_pp && !oblique) return false; /* a subject */
      in_pp = oblique = false;
    }
  }
  return true;
}

bool dg_gl_case_subject(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  /* At the start of a clause or right after a subordinating conjunction
   * ("dass die Vereinigten Staaten … anstreben", "wenn die Ukraine …
   * aufgäbe"). */
  bool starts = dg_gl_clause_initial(c, i) ||
                (i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_SCONJ) && !dg_gl_is_um(c->w[i - 1].lower) &&
                 !dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_PARTICLE));
  /* An infinitive clause has no subject (", das Wahlrecht … zu
   * blockieren"): its noun phrases are objects. */
  if (starts && S_infinitive_clause(c, i)) starts = false;
  /* After a finite "sein" the noun phrase is the predicate ("Dies ist eine
   * hochkomplexe Situation"). */
  if (!starts && i > 0 && dg_gl_is_sein(s->tokens[i - 1].lemma) && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_AUX))
    starts = true;
  /* Verb second: when the field before the finite verb holds no subject
   * (an adverb, a prepositional phrase, an object), the subject follows
   * the verb ("Am Morgen suchte die Feuerwehr …", "Den Hund sah die
   * Frau"). */
  if (!starts && S_subject_after_verb(c, i)) starts = true;
  return starts;
}

/* The cases of a features string's Case (DG_LB_NOM …: "Case=Dat,Gen" is
 * DG_LB_DAT | DG_LB_GEN), 0 without one. */
static unsigned S_feats_case(const char *feats) {
  const char *p = feats ? strstr(feats, "Case=") : NULL;
  if (!p) return 0;
  unsigned cases = 0;
  for (p += 5; *p && *p != '|'; p++)
    switch (*p) {
    case 'N': cases |= DG_LB_NOM; break;
    case 'A': cases |= DG_LB_ACC; break;
    case 'D': cases |= DG_LB_DAT; break;
    case 'G': cases |= DG_LB_GEN; break;
    default: break;
    }
  return cases;
}
enum { S_CASES = DG_LB_NOM | DG_LB_ACC | DG_LB_DAT | DG_LB_GEN };
static bool S_one_case(unsigned cases) { return cases && !(cases & (cases - 1)); }

/* The case of the noun phrase that ends just before token `end` (the
 * words already chosen, left of i), or 0: its article's or pronoun's
 * chosen case, a noun's own when it has one (Bündnissen: DAT), else the
 * case of the preposition before it ("mit Russland"); an attribute, a
 * genitive or a prepositional phrase after a noun, is looked past to its
 * head ("das Wahlrecht des Volkes", "den Prozess im Nahen Osten"), whose
 * case is given with the attribute's, for a word may join either. */
static unsigned S_phrase_case(const dg_gl_ctx *c, size_t end) {
  const dg_dsentence *s = c->s;
  unsigned attribute = 0, own = 0; /* (own: the last noun's case, if it has one) */
  for (size_t j = end; j-- > 0 && end - j <= 8;) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *w = &c->w[j];
    if (w->closed >= 0) {
      unsigned lb = w->closed_labels, cases = lb & S_CASES;
      if (DG_LB_POS(lb) != DG_UD_ADP && DG_LB_POS(lb) != DG_UD_DET && DG_LB_POS(lb) != DG_UD_PRON) break;
      if (DG_LB_POS(lb) == DG_UD_ADP) cases = dg_gl_adp_case(lb);
      /* (a genitive or a prepositional phrase after a noun: its attribute) */
      bool attr = DG_LB_POS(lb) == DG_UD_ADP || cases == DG_LB_GEN;
      if (attr && !attribute && j > 0 && dg_gl_pos_is(&s->tokens[j - 1], DG_UD_NOUN)) {
        attribute = cases;
        own = 0;
        continue;
      }
      if (DG_LB_POS(lb) == DG_UD_ADP) return cases | attribute;
      return cases ? cases | attribute : own | attribute;
    }
    if (t->kind == DG_KIND_NAME || dg_gl_pos_is(t, DG_UD_PROPN) || dg_gl_pos_is(t, DG_UD_NOUN)) {
      unsigned cases = S_feats_case(t->feats);
      if (j + 1 == end && S_one_case(cases)) own = cases;
      continue;
    }
    if (!dg_gl_pos_is(t, DG_UD_ADJ)) break;
  }
  return own | attribute;
}

unsigned dg_gl_case_context(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i >= 2 && !(s->tokens[i - 1].flags & DG_DF_CLAUSE_JOIN) &&
      (dg_gl_is(&c->w[i - 1], DG_WC_CONJ_COORD) ||
       (dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_PARTICLE) && !dg_gl_clause_initial(c, i - 1)))) {
    unsigned cases = S_phrase_case(c, i - 1);
    if (cases) return cases;
  }
  for (size_t j = i + 1; j < s->ntokens && j <= i + 5; j++) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *w = &c->w[j];
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return 0;
    if (!dg_gl_is(w, DG_WC_CONJ_COORD)) {
      /* (the words of the noun phrase: its nouns and adjectives) */
      if (w->ncl || !w->nan || !(dg_gl_is_upper_initial(t->form) || dg_gl_an_pos(w, 0, DG_GL_P_ADJ))) return 0;
      continue;
    }
    if (t->flags & DG_DF_CLAUSE_JOIN) return 0;
    const dg_gl_word *next = j + 1 < s->ntokens ? &c->w[j + 1] : NULL;
    if (!next || !next->ncl) return 0;
    unsigned cases = 0;
    for (size_t k = 0; k < next->ncl; k++) {
      if (DG_LB_POS(next->cl[k].bits) != DG_UD_DET) return 0;
      cases |= next->cl[k].bits & S_CASES;
    }
    return S_one_case(cases) ? cases : 0;
  }
  return 0;
}
