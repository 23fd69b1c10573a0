/* The case of an article or pronoun from the words around it: the case
 * the preposition before it governs; the case of the noun phrase it is
 * joined to by und/oder or a comma (a list, an apposition) or compared
 * with by wie/als; whether it stands where the subject stands (the start
 * of a clause, after the finite verb of a verb-second clause whose first
 * field holds no subject; not in an infinitive clause, which has none);
 * and, in a clause that ends in its finite verb, whether it agrees with
 * that verb as its subject must (a relative pronoun through its
 * antecedent).  Asked by the closed-class choice (closed.c); reads the
 * readings already chosen left of the word and the analyses right of it.
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
  /* (the noun phrase opens the piece: not one after "dass", whose clause
   * has its own verb) */
  bool after_comma = cs > 0 && cs == i && dg_gl_eq(s->tokens[cs - 1].form, ",");
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
  if (!(dg_gl_pos_is(v, DG_UD_VERB) || dg_gl_pos_is(v, DG_UD_AUX))) return false;
  /* (the verb's features as bits, word.h dg_gl_tok_feat_bits: the finite
   * form of the 3rd person) */
  unsigned vf = dg_gl_tok_feat_bits(&c->w[i - 1], v->feats);
  if (!(vf & DG_GL_F_FIN) || (vf & (DG_GL_F_P1 | DG_GL_F_P2)) || dg_gl_feat(v->feats, "Mood=Imp")) return false;
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
    if (dg_gl_is_nominal(t) || dg_gl_pos_is(t, DG_UD_PRON)) {
      if (!in_pp && !oblique) return false; /* a subject */
      in_pp = oblique = false;
    }
  }
  return true;
}

static int S_may_be_subject(const dg_gl_ctx *c, size_t cs, size_t i, size_t j, int verb_pl);
static bool S_article(const dg_gl_word *w);

/* The number of the finite verb of the 3rd person v is: 1 plural, 0
 * singular, -1 when it may be another word, none of the 3rd person, or its
 * readings differ.  Its other readings may be an infinitive only when
 * inf_ok ("haben", "verhandeln"). */
static int S_finite_number(const dg_gl_word *v, bool inf_ok) {
  int pl = -1;
  for (size_t a = 0; a < v->nan; a++) {
    /* (a lower-case word is no noun: haben, not "das Haben") */
    if (dg_gl_an_pos(v, a, DG_GL_P_NOUN | DG_GL_P_PROPN)) continue;
    if (!dg_gl_an_pos(v, a, DG_GL_P_VERB | DG_GL_P_AUX)) return -1;
    if (!dg_gl_an_feat(v, a, DG_GL_F_FIN)) {
      if (inf_ok && dg_gl_an_feat(v, a, DG_GL_F_INF)) continue;
      return -1;
    }
    if (!dg_gl_an_feat(v, a, DG_GL_F_P3)) continue; /* (kamen: 1st or 3rd person plural) */
    int this_pl = dg_gl_an_feat(v, a, DG_GL_F_PLUR);
    if (pl >= 0 && pl != this_pl) return -1;
    pl = this_pl;
  }
  return pl;
}

/* "und" (oder, aber …) may join two main clauses: "Sie ist einer der
 * besten Spieler und die jungen Forscher kamen", "…, und die Polizei
 * teilte mit".  An article right after it whose noun phrase (article,
 * adjectives, noun) is followed by a finite verb that agrees with it in
 * number opens the second clause as its subject when
 * - the conjunction follows a comma or opens the sentence, or the first
 *   clause has a finite verb of its own (not "weil sie Peter und die
 *   Kinder sahen", where the phrase is the second object),
 * - the verb can be no infinitive ("kamen"), or it does not end the
 *   clause and no verb follows it ("und die Gerichte haben die
 *   Veröffentlichung … verboten"; not "Sie wollte Peter und die Kinder
 *   sehen", "… und die Arbeitskräfte bereitstellen könnten"),
 * - and no other word of the second clause can be its subject ("und die
 *   Kinder sahen ihn": NOM; not "und die Kinder sah er", where er is). */
static bool S_subject_after_join(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i < 1 || !dg_gl_is(&c->w[i - 1], DG_WC_CONJ_COORD) || !S_article(&c->w[i])) return false;
  size_t n = i + 1; /* (the noun: after adjectives and numbers) */
  while (n < s->ntokens && n < i + 4 &&
         (s->tokens[n].kind == DG_KIND_NUMBER ||
          (!dg_gl_is_upper_initial(s->tokens[n].form) && dg_gl_adjective_word(c, n))))
    n++;
  if (n + 1 >= s->ntokens || s->tokens[n].kind != DG_KIND_WORD || !dg_gl_is_upper_initial(s->tokens[n].form) ||
      !c->w[n].nan || !dg_gl_an_pos(&c->w[n], 0, DG_GL_P_NOUN | DG_GL_P_PROPN))
    return false;
  size_t v = n + 1, end = dg_gl_cend(c, v);
  if (s->tokens[v].kind != DG_KIND_WORD || dg_gl_is_upper_initial(s->tokens[v].form)) return false;
  /* (a verb after it: the form is the infinitive, "… und die
   * notwendigen Arbeitskräfte bereitstellen könnten", the object's) */
  bool verb_next = false;
  if (v + 1 < end && s->tokens[v + 1].kind == DG_KIND_WORD && !dg_gl_is_upper_initial(s->tokens[v + 1].form)) {
    const dg_gl_word *x = &c->w[v + 1];
    verb_next = x->nan && dg_gl_an_pos(x, 0, DG_GL_P_VERB | DG_GL_P_AUX);
    for (size_t k = 0; k < x->ncl; k++)
      verb_next = verb_next || DG_LB_POS(x->cl[k].bits) == DG_UD_AUX || DG_LB_POS(x->cl[k].bits) == DG_UD_VERB;
  }
  int verb = S_finite_number(&c->w[v], v + 1 < end && !verb_next);
  if (verb < 0) return false;
  /* (the noun's number; a noun whose plural has no ending, "Forscher",
   * with a plural verb when the article may be the nominative plural) */
  int noun = dg_gl_noun_number(&c->w[n]);
  if (noun < 0 && verb == 1)
    for (size_t k = 0; k < c->w[i].ncl && noun < 0; k++) {
      unsigned lb = c->w[i].cl[k].bits;
      if (DG_LB_POS(lb) == DG_UD_DET && (lb & DG_LB_NOM) && (lb & DG_LB_PL)) noun = 1;
    }
  if (noun != verb) return false;
  /* (the first clause's own finite verb, among the words already read) */
  size_t cs = dg_gl_cstart(c, i);
  bool joins = i == 1 || dg_gl_boundary(&s->tokens[i - 2]);
  for (size_t j = cs; j + 1 < i && !joins; j++)
    joins = (dg_gl_pos_is(&s->tokens[j], DG_UD_VERB) || dg_gl_pos_is(&s->tokens[j], DG_UD_AUX)) &&
            (dg_gl_tok_feat_bits(&c->w[j], s->tokens[j].feats) & DG_GL_F_FIN);
  if (!joins) return false;
  for (size_t j = v + 1; j < end; j++)
    if (S_may_be_subject(c, cs, i, j, verb)) return false;
  return true;
}

bool dg_gl_case_subject(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  /* At the start of a clause or right after a subordinating conjunction
   * ("dass die Vereinigten Staaten … anstreben", "wenn die Ukraine …
   * aufgäbe"). */
  bool starts = dg_gl_clause_initial(c, i) ||
                (i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_SCONJ) && !dg_gl_is_um(c->w[i - 1].lower) &&
                 (!dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_PARTICLE) || dg_gl_clause_initial(c, i - 1)));
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
  /* After "und" joining two main clauses: "und die jungen Forscher kamen". */
  if (!starts && S_subject_after_join(c, i)) starts = true;
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
      if (lb & DG_LB_REL) break; /* (deren Freund: the relative's case is not the phrase's) */
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
    if (dg_gl_is_nominal(t)) {
      unsigned cases = S_feats_case(t->feats);
      if (j + 1 == end && S_one_case(cases)) own = cases;
      continue;
    }
    /* (the items of a list before it: "seitens der Befürworter, Gegner und
     * der EU") */
    if (dg_gl_eq(t->form, ",") && j > 0 && dg_gl_is_nominal(&s->tokens[j - 1])) {
      if (own) break;
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
    /* (not the subject of a second main clause: "Er sah den Mann und die
     * Kinder lachten", S_subject_after_join) */
    unsigned cases = S_phrase_case(c, i - 1);
    if (cases && !S_subject_after_join(c, i)) return cases;
  }
  /* After a comma that ends a noun phrase, an article begins the next
   * item of a list or an apposition, in the same case ("hinsichtlich des
   * Alters, der Herkunft", "in der 125th Street, einer großen
   * Einkaufsstraße"). */
  if (i >= 3 && dg_gl_eq(s->tokens[i - 1].form, ",")) {
    const dg_dtoken *p = &s->tokens[i - 2];
    if (dg_gl_is_nominal(p)) {
      unsigned cases = S_phrase_case(c, i - 1);
      /* (not the first phrase of a clause of its own: a finite verb right
       * after its noun, ", seine Eltern kamen aus Polen"; a nominative only
       * before a piece with no verb: ", ein Konzert … zu geben") */
      size_t n = i + 1;
      while (n < s->ntokens && n <= i + 4 && !dg_gl_is_upper_initial(s->tokens[n].form)) n++;
      bool clause = n + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[n + 1].form) &&
                    dg_gl_only_finite(&c->w[n + 1]);
      if (cases && !clause && (!(cases & DG_LB_NOM) || dg_gl_verbless(c, i, dg_gl_cend(c, i)))) return cases;
    }
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

/* The number of the finite verb that ends the clause around i, when the
 * clause is one that ends in it (a subordinate, relative or indirect
 * question clause): 1 plural, 0 singular (both of the 3rd person), -1
 * when the clause does not end in a finite verb or its readings differ. */
static int S_final_verb_number(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t end = dg_gl_cend(c, i);
  if (end == 0 || end <= i + 1 || dg_gl_is_upper_initial(s->tokens[end - 1].form)) return -1;
  const dg_gl_word *v = &c->w[end - 1];
  /* (a zu-infinitive ends its clause in no finite verb: "um … zu
   * verhandeln") */
  if (end >= 2 && dg_gl_is_zu(c->w[end - 2].lower)) return -1;
  int pl = -1;
  for (size_t a = 0; a < v->nan; a++) {
    /* (Würde, the noun, of würde; and the clause's last word is finite:
     * not betrachtet the participle, not anstreben the infinitive) */
    if (!dg_gl_an_pos(v, a, DG_GL_P_VERB | DG_GL_P_AUX) || !dg_gl_an_feat(v, a, DG_GL_F_FIN)) continue;
    if (!dg_gl_an_feat(v, a, DG_GL_F_P3)) continue;
    int this_pl = dg_gl_an_feat(v, a, DG_GL_F_PLUR);
    if (pl >= 0 && pl != this_pl) return -1;
    pl = this_pl;
  }
  return pl;
}

int dg_gl_noun_number(const dg_gl_word *w) {
  int pl = -1;
  for (size_t a = 0; a < w->nan; a++) {
    if (!dg_gl_an_pos(w, a, DG_GL_P_NOUN | DG_GL_P_PROPN)) continue;
    int this_pl = dg_gl_an_feat(w, a, DG_GL_F_PLUR) ? 1 : dg_gl_an_feat(w, a, DG_GL_F_SING) ? 0 : -1;
    if (this_pl < 0 || (pl >= 0 && pl != this_pl)) return -1;
    pl = this_pl;
  }
  return pl;
}

int dg_gl_case_antecedent(const dg_gl_ctx *c, size_t i, unsigned *gender) {
  const dg_dsentence *s = c->s;
  *gender = 0;
  size_t j = i;
  /* (", für die …": the preposition before the pronoun) */
  if (j > 0 && dg_gl_pos_is(&s->tokens[j - 1], DG_UD_ADP)) j--;
  if (j == 0 || !dg_gl_eq(s->tokens[j - 1].form, ",")) return -1;
  j--;
  while (j > 0 && dg_gl_quote(&s->tokens[j - 1])) j--; /* (Nuancen“, die) */
  /* (a relative clause after the verbs that close the clause before:
   * "Forderungen gestellt, die", "Regionen aufgäbe, die") */
  for (int k = 0; k < 2 && j > 1 && !dg_gl_is_upper_initial(s->tokens[j - 1].form) &&
                  (dg_gl_pos_is(&s->tokens[j - 1], DG_UD_VERB) || dg_gl_pos_is(&s->tokens[j - 1], DG_UD_AUX));
       k++)
    j--;
  if (j == 0) return -1;
  const dg_dtoken *n = &s->tokens[j - 1];
  if (!(dg_gl_pos_is(n, DG_UD_NOUN) || dg_gl_pos_is(n, DG_UD_PROPN))) return -1; /* (a tagged noun) */
  /* (the noun of an attribute is not the antecedent for sure: "der Grad
   * der Alphabetisierung, der", "Investitionen in China, die", "in der 14.
   * Minute, der"; a name's words are one noun, and names joined by und
   * are plural: "Spieth und Justin Thomas, die") */
  bool name = dg_gl_is_name(n) || (j >= 2 && dg_gl_is_name(&s->tokens[j - 2]));
  size_t q = j - 1;
  while (q > 0 && name && dg_gl_is_name(&s->tokens[q - 1])) q--;
  while (q > 0 && (dg_gl_pos_is(&s->tokens[q - 1], DG_UD_ADJ) || s->tokens[q - 1].kind == DG_KIND_NUMBER)) q--;
  if (q > 0 && dg_gl_pos_is(&s->tokens[q - 1], DG_UD_DET)) {
    const dg_gl_word *dw = &c->w[q - 1];
    if (dw->closed >= 0 && (dw->closed_labels & DG_LB_GEN)) return -1;
    q--;
  }
  /* (a prepositional phrase after a noun is its attribute; after a verb,
   * its noun may well be the antecedent: "verwies auf Nuancen, die") */
  if (q > 1 && (dg_gl_pos_is(&s->tokens[q - 1], DG_UD_ADP) || dg_gl_is(&c->w[q - 1], DG_WC_COMPAR_PARTICLE)) &&
      dg_gl_is_nominal(&s->tokens[q - 2]))
    return -1; /* (or compared: "Staaten wie Iowa, die") */
  if (q > 0 && dg_gl_is(&c->w[q - 1], DG_WC_CONJ_COORD) && !(s->tokens[q - 1].flags & DG_DF_CLAUSE_JOIN)) return 1;
  int pl = name ? 0 : dg_gl_noun_number(&c->w[j - 1]);
  if (pl == 0 && !name && n->feats) {
    /* (the noun's features as bits, word.h dg_gl_tok_feat_bits) */
    unsigned nf = dg_gl_tok_feat_bits(&c->w[j - 1], n->feats);
    *gender = ((nf & DG_GL_F_MASC) ? DG_LB_M : 0u) | ((nf & DG_GL_F_FEM) ? DG_LB_F : 0u) |
              ((nf & DG_GL_F_NEUT) ? DG_LB_N : 0u);
  }
  return pl;
}

/* Has w an article's reading: a determiner that is no demonstrative (die,
 * der, eine; not solche after "eine")? */
static bool S_article(const dg_gl_word *w) {
  for (size_t k = 0; k < w->ncl; k++)
    if (DG_LB_POS(w->cl[k].bits) == DG_UD_DET && !(w->cl[k].bits & DG_LB_DEM)) return true;
  return false;
}

/* Is the word at j inside a prepositional phrase: a preposition one or
 * two words before it ("von vier Punkten", "in der Nähe")? */
static bool S_in_phrase(const dg_gl_ctx *c, size_t j) {
  for (size_t q = j; q-- > 0 && j - q <= 2;) {
    const dg_gl_word *w = &c->w[q];
    if (dg_gl_is_punct(&c->s->tokens[q])) return false;
    if (w->closed >= 0 ? DG_LB_POS(w->closed_labels) == DG_UD_ADP
                       : (w->ncl && DG_LB_POS(w->cl[0].bits) == DG_UD_ADP))
      return true;
  }
  return false;
}

/* May the word at j (of the clause from cs; i is the word asked about,
 * j != i) be the subject of a clause whose verb's number is verb_pl?  0
 * no, 1 it may, 2 it must (a pronoun that is only nominative).  Left of i:
 * an article or pronoun read nominative, a noun or name without an article
 * ("dass Putin die Ukraine …") of that number; right of i (not yet read): a
 * pronoun that is only nominative (er, wir), an article that may be
 * nominative before a noun of that number ("…, die die Ukraine …"), a noun
 * or name without an article. */
static int S_may_be_subject(const dg_gl_ctx *c, size_t cs, size_t i, size_t j, int verb_pl) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *t = &s->tokens[j];
  const dg_gl_word *w = &c->w[j];
  if (j < i && w->closed >= 0)
    return (w->closed_labels & DG_LB_NOM) ? (DG_LB_POS(w->closed_labels) == DG_UD_PRON ? 2 : 1) : 0;
  if (j > i && w->ncl) {
    bool nom_only = true, det_nom = false;
    for (size_t k = 0; k < w->ncl; k++) {
      unsigned lb = w->cl[k].bits;
      nom_only = nom_only && DG_LB_POS(lb) == DG_UD_PRON && (lb & DG_LB_NOM);
      det_nom = det_nom || (DG_LB_POS(lb) == DG_UD_DET && (lb & DG_LB_NOM));
    }
    if (nom_only) return 2;
    if (!det_nom || (j > 0 && S_in_phrase(c, j))) return 0;
    for (size_t q = j + 1; q < s->ntokens && q <= j + 3; q++)
      if (dg_gl_is_upper_initial(s->tokens[q].form) && s->tokens[q].kind != DG_KIND_PUNCT) {
        int pl = dg_gl_noun_number(&c->w[q]);
        return pl < 0 || pl == verb_pl;
      }
    return 0;
  }
  bool noun = j < i ? dg_gl_is_nominal(t) : t->kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(t->form);
  if (!noun) return 0;
  if (j > cs && j - 1 != i) {
    const dg_dtoken *p = &s->tokens[j - 1];
    const dg_gl_word *pw = &c->w[j - 1];
    /* (after a number, an article or an adjective it is part of a
     * phrase; after a capital, the second word of a name) */
    if (p->kind == DG_KIND_NUMBER || (p->kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(p->form))) return 0;
    for (size_t k = 0; k < pw->ncl; k++)
      if (DG_LB_POS(pw->cl[k].bits) == DG_UD_DET || DG_LB_POS(pw->cl[k].bits) == DG_UD_NUM) return 0;
    if (pw->nan && dg_gl_an_pos(pw, 0, DG_GL_P_ADJ)) return 0;
  }
  if (S_in_phrase(c, j)) return 0;
  /* (a noun that can be no nominative: "die Männern … spendeten") */
  bool nom = w->nan == 0;
  for (size_t a = 0; a < w->nan && !nom; a++) {
    unsigned cases = S_feats_case(w->an[a].feats);
    nom = !cases || (cases & DG_LB_NOM);
  }
  if (!nom) return 0;
  int pl = dg_gl_noun_number(w);
  if (pl >= 0) return pl == verb_pl;
  return j > i || dg_gl_is_name(t); /* (a name: one) */
}

unsigned dg_gl_case_by_agreement(const dg_gl_ctx *c, size_t i, size_t last, int plural, bool opens) {
  const dg_dsentence *s = c->s;
  size_t cs = dg_gl_cstart(c, i);
  if (cs < s->ntokens && dg_gl_is_punct(&s->tokens[cs])) cs++;
  /* (a clause opened by a conjunction, a relative pronoun or a question
   * word inside the sentence, whose finite verb is its last word and no
   * other: not "Warum würde eine Organisation …") */
  const dg_gl_word *first = &c->w[cs];
  bool verb_final = cs == i ? opens && cs > 0
                            : dg_gl_pos_is(&s->tokens[cs], DG_UD_SCONJ) ||
                                  (first->closed >= 0 && (first->closed_labels & DG_LB_REL)) ||
                                  (first->closed >= 0 && (first->closed_labels & DG_LB_INT) && cs > 0);
  if (!verb_final) return 0;
  int verb = S_final_verb_number(c, i);
  if (verb < 0) return 0;
  size_t end = dg_gl_cend(c, i);
  /* (a noun phrase joined to another has the number of both: "dass die
   * Dominikanische Republik und Panama … anerkannt haben"; and one whose
   * noun follows another article is not the noun's: "keine der
   * Fregatten") */
  if (last + 1 < end && dg_gl_is(&c->w[last + 1], DG_WC_CONJ_COORD)) return 0;
  for (size_t j = i + 1; j < last; j++)
    if (S_article(&c->w[j])) return 0;
  for (size_t j = cs + 1; j + 1 < end; j++)
    if (!dg_gl_is_upper_initial(s->tokens[j].form) && dg_gl_only_finite(&c->w[j]) &&
        dg_gl_an_pos(&c->w[j], 0, DG_GL_P_VERB | DG_GL_P_AUX))
      return 0;
  /* The other words of the clause that may be its subject: before the
   * noun phrase (from np, its first word: "eine solche Waffenruhe") and
   * after it (from last, its last word). */
  size_t np = i; /* (an article opens its phrase; solche follows one) */
  while (np > cs && !S_article(&c->w[i]) &&
         (dg_gl_pos_is(&s->tokens[np - 1], DG_UD_DET) || dg_gl_pos_is(&s->tokens[np - 1], DG_UD_ADJ)) &&
         !(c->w[np - 1].closed >= 0 && (c->w[np - 1].closed_labels & (DG_LB_REL | DG_LB_INT))))
    np--;
  int before = 0, after = 0;
  for (size_t j = cs; j < np && before < 2; j++) {
    int m = S_may_be_subject(c, cs, i, j, verb);
    before = m > before ? m : before;
  }
  for (size_t j = last + 1; j + 1 < end && after < 2; j++) {
    int m = S_may_be_subject(c, cs, i, j, verb);
    after = m > after ? m : after;
  }
  /* Not the subject: it does not agree and another word may be, or
   * another word must be ("…, die er … bekam"). */
  if (before == 2 || after == 2) return DG_LB_ACC;
  if (plural < 0) return 0;
  if (verb != plural && (before || after)) return DG_LB_ACC;
  /* The subject: it agrees and no word before it may be ("dass er die Frau
   * sieht", "dass Putin die Ukraine angreift": not these). */
  if (verb == plural && !before && !(cs == i && after)) return DG_LB_NOM;
  return 0;
}
