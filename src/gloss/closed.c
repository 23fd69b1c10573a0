/* Closed-class choice: which of a function word's readings fits its
 * context.  Articles agree with the gender and number of their noun and
 * take the case the words around them ask for (case.c: the preposition,
 * the phrase they are joined to, the verb's agreement); a d-word after a
 * comma that starts no agreeing noun phrase is a relative pronoun, agreeing
 * with its antecedent, and one standing alone is the demonstrative; "sein"
 * before a noun is the possessive; pronouns agree with the finite verb;
 * "um … zu", "während", "wie", "selbst", "so", "Sie", "damit", "zu" by what
 * follows.  The chosen reading gives lemma, features, labels and glosses.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "agree.h"
#include "case.h"
#include "demonym.h"
#include "memo.h"
#include "word.h"

/* A d-word: a form of the definite article that is also a relative
 * pronoun (word class d-word: der, die, dessen ...). */
static bool S_is_dword(const dg_gl_word *w) { return dg_gl_is(w, DG_WC_D_WORD); }

/* "Sie" with a capital: the polite "you" inside a sentence (the one form
 * whose capital is its meaning). */
static bool S_is_polite_sie(const char *form) { return dg_gl_eq(form, "Sie"); }

/* The Leipzig labels and the part of speech of closed-class reading k, as
 * the lexicon read them once (lexicon.h DG_LB_*: w->cl[k].bits & DG_LB_REL
 * is dg_gl_has_label(w->cl[k].labels, "REL")), and a reading's part of
 * speech (S_pos(w->cl[k].bits) == DG_UD_DET is dg_gl_eq(w->cl[k].pos,
 * "DET")). */
static unsigned S_pos(unsigned lb) { return DG_LB_POS(lb); }

/* Gender of the noun a determiner at i belongs to ("m" "f" "n" "pl" or ""),
 * and whether it is plural. */
static const char *S_noun_gender(dg_engine *e, dg_gl_ctx *c, size_t i, bool *plural, size_t *noun_at) {
  const dg_dsentence *s = c->s;
  for (size_t j = i + 1; j < s->ntokens && j <= i + 5; j++) {
    const dg_dtoken *t = &s->tokens[j];
    if (dg_gl_is_punct(t) && !dg_gl_eq(t->form, "„") && !dg_gl_eq(t->form, "\"")) break;
    dg_gl_word *w = &c->w[j];
    if (w->nan == 0) continue;
    size_t ka = 0;
    bool noun = dg_gl_an_pos(w, 0, DG_GL_P_NOUN | DG_GL_P_PROPN);
    /* (a later noun reading of a capitalised word: none when no reading is
     * a noun, told by the or of the readings' bits, fb_any) */
    if (!noun && (!dg_gl_any_an(w, DG_GL_P_NOUN | DG_GL_P_PROPN) || !dg_gl_is_upper_initial(t->form))) continue;
    for (size_t k = 1; !noun && k < w->nan; k++)
      if (dg_gl_an_pos(w, k, DG_GL_P_NOUN | DG_GL_P_PROPN)) {
        ka = k;
        noun = true;
      }
    /* (a place's adjective in -er is not the phrase's noun: die Hongkonger
     * Skyline, demonym.c) */
    if (!noun || dg_gl_place_adjective(c, j, NULL)) continue;
    const dg_analysis *a = &w->an[ka];
    *plural = dg_gl_an_feat(w, ka, DG_GL_F_PLUR);
    *noun_at = j;
    /* (a noun reading's senses through its word's memo entry, read where
     * the memo keeps them) */
    bool noun_pos = dg_gl_an_pos(w, ka, DG_GL_P_NOUN);
    size_t n = 0;
    const dg_sense *sv = noun_pos && a->lemma && *a->lemma ? dg_gl_memo_an_senses(e, w, ka, &n) : NULL;
    dg_sense own[4];
    if (!sv) {
      n = noun_pos ? dg_gl_an_senses(e, w, ka, own, 4) : dg_gl_senses(e, a->lemma, "NOUN", own, 4);
      sv = own;
    }
    if (n > 4) n = 4;
    for (size_t k = 0; k < n; k++)
      if (sv[k].gender && *sv[k].gender) return sv[k].gender;
    /* (the gender the look-up pass read of the analysis's features) */
    return dg_gl_an_feat(w, ka, DG_GL_F_MASC)  ? "m"
           : dg_gl_an_feat(w, ka, DG_GL_F_FEM) ? "f"
           : dg_gl_an_feat(w, ka, DG_GL_F_NEUT) ? "n"
                                                : "";
  }
  return "";
}

/* The label of a noun's gender ("m" "f" "n"), 0 for none. */
static unsigned S_gender_label(const char *g) {
  if (dg_gl_eq(g, "m")) return DG_LB_M;
  if (dg_gl_eq(g, "f")) return DG_LB_F;
  if (dg_gl_eq(g, "n")) return DG_LB_N;
  return 0;
}

/* Has w a reading with this feature (DG_GL_F_*: word.h)? */
static bool S_any_feat(const dg_gl_word *w, unsigned bit) { return dg_gl_any_an(w, bit); }

/* Has w an analysis of one of these parts of speech (DG_GL_P_*)? */
static bool S_any_pos(const dg_gl_word *w, unsigned pos) { return dg_gl_any_an(w, pos); }

/* Is token i in the middle field of its clause: not first, a finite verb
 * (or a subordinating conjunction, or the verb-first word at the sentence
 * start) before it in the clause, the word before it no conjunction or
 * number ("zwei mal"), and a word after it (no pause)? */
static bool S_middle_field(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i == 0 || dg_gl_clause_initial(c, i) || i + 1 >= s->ntokens) return false;
  const dg_dtoken *prev = &s->tokens[i - 1], *next = &s->tokens[i + 1];
  if (prev->kind != DG_KIND_WORD || next->kind != DG_KIND_WORD) return false;
  if (dg_gl_is(&c->w[i - 1], DG_WC_CCONJ | DG_WC_CONJ_COORD)) return false;
  /* After an article or a degree word the word is part of a phrase: "die
   * wohl größte" (probably), "so wohl gefühlt" (well). */
  if (dg_gl_pos_is(prev, DG_UD_DET) || dg_gl_is(&c->w[i - 1], DG_WC_DEGREE_ADV)) return false;
  size_t cs = dg_gl_cstart(c, i);
  for (size_t j = cs; j < i; j++) {
    const dg_gl_word *pw = &c->w[j];
    if (j == 0 && s->tokens[j].kind == DG_KIND_WORD && j + 1 == i) return true; /* "Hör doch auf!" */
    if (S_any_feat(pw, DG_GL_F_FIN) && !dg_gl_is_upper_initial(s->tokens[j].form)) return true;
    if (j == 0 && S_any_feat(pw, DG_GL_F_FIN)) return true;
    if (dg_gl_is(pw, DG_WC_CONJ_SUBORD)) return true;
  }
  return false;
}

/* The first closed-class reading of w with this part of speech (DG_UD_*),
 * or -1. */
static int S_closed_pos(const dg_gl_word *w, unsigned pos) {
  for (size_t k = 0; k < w->ncl; k++)
    if (S_pos(w->cl[k].bits) == pos) return (int)k;
  return -1;
}

/* Personal pronouns agree with the finite verb next to them ("sie
 * müssen"): *pl_out gets its number (1 plural, 0 singular, -1 unknown),
 * *p2pl_out whether it is in the 2nd person plural. */
static void S_verb_agreement(const dg_gl_ctx *c, size_t i, int *pl_out, bool *p2pl_out) {
  const dg_dsentence *s = c->s;
  int verb_pl = -1;
  for (size_t j = i + 1; j-- > (i > 0 ? i - 1 : 0) && verb_pl < 0;) {
    size_t q = j == i ? i + 1 : j;
    if (q >= s->ntokens || q == i) continue;
    const dg_gl_word *vw = &c->w[q];
    /* Only when every finite reading of the verb agrees on the number. */
    int pl = -1;
    for (size_t a = 0; a < vw->nan; a++) {
      if (!dg_gl_an_feat(vw, a, DG_GL_F_FIN)) continue;
      int this_pl = dg_gl_an_feat(vw, a, DG_GL_F_PLUR);
      pl = pl < 0 ? this_pl : (pl == this_pl ? pl : 2);
    }
    if (pl == 0 || pl == 1) verb_pl = pl;
  }
  /* … or with the finite verb closing a subordinate clause (", bei denen
   * sie … markierten": they). */
  size_t sub_verb = 0; /* the finite verb closing i's subordinate clause, 0 if none */
  if (i > 0) {
    size_t end = dg_gl_cend(c, i), cs = dg_gl_cstart(c, i);
    bool sub = false;
    for (size_t j = cs; j < i && !sub; j++)
      sub = dg_gl_pos_is(&s->tokens[j], DG_UD_SCONJ) ||
            (c->w[j].closed >= 0 && (c->w[j].closed_labels & DG_LB_REL)) ||
            /* a w-word opening the clause (", was sie … würden") */
            (j == cs && j > 0 && c->w[j].closed >= 0 && (c->w[j].closed_labels & DG_LB_INT));
    if (sub && end > i + 1 && !dg_gl_is_upper_initial(s->tokens[end - 1].form)) sub_verb = end - 1;
    if (verb_pl < 0 && sub_verb) {
      const dg_gl_word *vw = &c->w[sub_verb];
      int pl = -1;
      for (size_t a = 0; a < vw->nan; a++) {
        if (!dg_gl_an_feat(vw, a, DG_GL_F_FIN) || !dg_gl_an_feat(vw, a, DG_GL_F_P3)) continue;
        int this_pl = dg_gl_an_feat(vw, a, DG_GL_F_PLUR);
        pl = pl < 0 ? this_pl : (pl == this_pl ? pl : 2);
      }
      if (pl == 0 || pl == 1) verb_pl = pl;
    }
  }
  /* "ihr" next to a verb in the 2nd person plural is "you" ("ihr würdet",
   * "ihr habt"), not "her". */
  bool verb_2pl = false;
  size_t cand[3] = {i > 0 ? i - 1 : i, i + 1, sub_verb ? sub_verb : i}; /* "…, den ihr … habt" */
  for (size_t ci = 0; ci < 3 && !verb_2pl; ci++) {
    size_t q = cand[ci];
    if (q == i || q >= s->ntokens) continue;
    const dg_gl_word *vw = &c->w[q];
    bool any = false, all = true;
    for (size_t a = 0; a < vw->nan; a++) {
      if (!dg_gl_an_feat(vw, a, DG_GL_F_FIN)) continue;
      any = true;
      if (!(dg_gl_an_feat(vw, a, DG_GL_F_P2) && dg_gl_an_feat(vw, a, DG_GL_F_PLUR))) all = false;
    }
    verb_2pl = any && all;
  }
  *pl_out = verb_pl;
  *p2pl_out = verb_2pl;
}

/* Does word i follow a noun, a name or a word standing for one (of which
 * a genitive would be the attribute: "die besten der Welt", "einer der
 * Jungs"), or a form of sein ("der Meinung sein")? */
static bool S_after_noun(const dg_gl_ctx *c, size_t i) {
  /* (a quotation mark is punctuation: told in line, before it is asked) */
  while (i > 1 && dg_gl_is_punct(&c->s->tokens[i - 1]) && dg_gl_quote(&c->s->tokens[i - 1]))
    i--; /* (die „Schrecken“ der) */
  if (i == 0) return false;
  const dg_dtoken *p = &c->s->tokens[i - 1];
  return dg_gl_is_nominal(p) || dg_gl_pos_is(p, DG_UD_ADJ) || dg_gl_pos_is(p, DG_UD_PRON) || dg_gl_pos_is(p, DG_UD_NUM) ||
         (p->lemma && dg_gl_is_sein(p->lemma));
}

/* Does the d-word at i stand alone, with no noun phrase it begins: before
 * a pause ("Ich weiß das.", "Das, was …") or a finite verb ("Das ist
 * gut", "Die sind toll", "…, das sei falsch")?  After a comma not before
 * the verb that ends its clause: that is a relative clause ("der Zug, der
 * kommt,"). */
static bool S_alone(dg_engine *e, const dg_gl_ctx *c, size_t i, bool after_comma) {
  const dg_dsentence *s = c->s;
  size_t n = i + 1;
  if (n >= s->ntokens) return true;
  const dg_dtoken *t = &s->tokens[n];
  /* (", die, obwohl …, …": a relative pronoun before an inserted clause) */
  if (dg_gl_is_punct(t)) return !dg_gl_opening(t) && !(after_comma && dg_gl_eq(t->form, ","));
  if (t->kind != DG_KIND_WORD || dg_gl_is_upper_initial(t->form)) return false;
  const dg_gl_word *nw = &c->w[n];
  /* (a word with no finite reading is not only finite: told by its bits) */
  if (!(dg_gl_any_an(nw, DG_GL_F_FIN) && dg_gl_only_finite(nw)) && S_closed_pos(nw, DG_UD_AUX) < 0) return false;
  /* (not a word of a noun phrase: "das siebte Land", "für die sein Großvater") */
  if (S_any_pos(nw, DG_GL_P_ADJ) || S_closed_pos(nw, DG_UD_DET) >= 0 || S_closed_pos(nw, DG_UD_NUM) >= 0 ||
      dg_gl_ordinal_form(e, nw->lower))
    return false;
  return !after_comma || dg_gl_cend(c, i) > n + 1;
}

/* Does "so" at i name the source of what the sentence reports: after the
 * comma that ends a quotation or a clause of reported speech (a verb in
 * the subjunctive), with a noun phrase and nothing else after it to the
 * sentence's end ("„…“, so Rounds.", "…, so der Sprecher weiter.")? */
static bool S_names_source(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i < 2 || !dg_gl_eq(s->tokens[i - 1].form, ",") || i + 1 >= s->ntokens) return false;
  const dg_dtoken *n = &s->tokens[i + 1];
  bool np = n->kind == DG_KIND_NAME || (n->kind == DG_KIND_WORD && dg_gl_is_upper_initial(n->form)) ||
            S_closed_pos(&c->w[i + 1], DG_UD_DET) >= 0;
  size_t end = i + 1;
  while (end < s->ntokens && !dg_gl_is_punct(&s->tokens[end])) end++;
  if (!np || end > i + 7 || (end < s->ntokens && !dg_gl_boundary_mark(s->tokens[end].form)) ||
      !dg_gl_verbless(c, i + 1, end))
    return false;
  for (size_t j = end; j < s->ntokens; j++) /* (only closing marks after it) */
    if (!dg_gl_is_punct(&s->tokens[j]) || dg_gl_eq(s->tokens[j].form, ",")) return false;
  if (dg_gl_quote(&s->tokens[i - 2])) return true;
  for (size_t j = 0; j < i; j++)
    if (dg_gl_feat(s->tokens[j].feats, "Mood=Sub")) return true;
  return false;
}

/* What the agreement of a pronoun reading asks of its labels, as
 * substrings: "2PL" (PRS.2PL.NOM), a plural ("PL." or "3PL") and "SG"
 * anywhere (1SG, 3SG too).  Bits of a reading, read once per word in the
 * memo's S_fixed (below: S_holds_all), else from the strings here. */
enum { S_HOLDS_2PL = 1, S_HOLDS_PL = 2, S_HOLDS_SG = 4 };
static unsigned S_holds(const dg_sense *sv) {
  const char *l = sv->labels;
  if (!l) return 0;
  return (strstr(l, "2PL") ? S_HOLDS_2PL : 0u) | (strstr(l, "PL.") || strstr(l, "3PL") ? S_HOLDS_PL : 0u) |
         (strstr(l, "SG") ? S_HOLDS_SG : 0u);
}

/* What the choice asks of a word's readings whatever its context, a bit
 * each (bit k: reading k): which are articles (DET), which are the
 * demonstrative pronoun's (of der, die, das: out of the question unless
 * the word stands alone), which pronoun readings ask what the verbs around
 * agree with (one that is no relative pronoun, or one of the 2nd person
 * plural: holds, S_holds of each reading), and which are a question
 * word's (INT).  Read once per word in the memo's S_fixed (below:
 * S_kinds_of), else from the readings here. */
typedef struct S_kinds {
  unsigned det, dem_pron, asks_verb, question;
} S_kinds;
static S_kinds S_kinds_read(const dg_gl_word *w, const unsigned char *holds) {
  S_kinds r = {0, 0, 0, 0};
  for (size_t k = 0; k < w->ncl; k++) {
    unsigned lb = w->cl[k].bits;
    if (S_pos(lb) == DG_UD_DET) r.det |= 1u << k;
    if (lb & DG_LB_INT) r.question |= 1u << k;
    if (S_pos(lb) != DG_UD_PRON) continue;
    if (lb & DG_LB_DEM) r.dem_pron |= 1u << k;
    if (!(lb & DG_LB_REL) || (holds[k] & S_HOLDS_2PL)) r.asks_verb |= 1u << k;
  }
  return r;
}
typedef struct S_fixed S_fixed;
static const S_fixed *S_fixed_of(dg_engine *e, const dg_dtoken *t, const dg_gl_word *w);
/* S_holds of each reading of w: the memo's (fx), or made in own. */
static const unsigned char *S_holds_all(const S_fixed *fx, const dg_gl_word *w, unsigned char *own);
static S_kinds S_kinds_of(const S_fixed *fx, const dg_gl_word *w, const unsigned char *holds);

/* The rules about particular words and word classes, in order: the
 * reading one of them picks for token i, -1 when an open-class reading
 * should win ("sein" the verb), S_NO_RULE when none of them decides.
 * (Out of line: the most words with several closed-class readings are
 * articles and pronouns, which S_word_rules_may tells at once none of
 * them concerns.) */
#define S_NO_RULE (-2)
static __attribute__((noinline)) int S_word_rules(dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  const dg_sense *cl = w->cl;
  const dg_dsentence *s = c->s;
  /* Modal particles (word class modal-particle: doch, ja, halt, mal, eben,
   * wohl) stand unstressed in the middle field: after the clause's finite
   * verb or its subordinating conjunction (or a verb-first imperative or
   * question: "Hör doch auf!"), never first in the clause and never alone
   * before a pause.  There they colour the utterance and take their PTCL
   * reading ("Das ist ja interessant": indeed.PTCL); "Ja, ich komme" (an
   * answer at the start), "doch er kam" (but) and "Doch!" keep theirs. */
  if (dg_gl_is(w, DG_WC_MODAL_PARTICLE) && S_middle_field(c, i)) {
    for (size_t k = 0; k < w->ncl; k++)
      if (cl[k].bits & DG_LB_PTCL) return (int)k;
  }
  /* "sein" as verb vs possessive; "seine/seinen..." are always possessive. */
  if (dg_gl_is_sein(w->lower)) {
    bool before_noun = false;
    if (i + 1 < s->ntokens) {
      const dg_dtoken *n = &s->tokens[i + 1];
      before_noun = !dg_gl_is_punct(n) &&
                    (dg_gl_is_upper_initial(n->form) || (c->w[i + 1].nan && dg_gl_an_pos(&c->w[i + 1], 0, DG_GL_P_ADJ)));
    }
    for (size_t k = 0; k < w->ncl; k++) {
      bool poss = S_pos(cl[k].bits) == DG_UD_DET || (cl[k].bits & DG_LB_POSS);
      if (poss == before_noun) return (int)k;
    }
    return before_noun ? 0 : -1;
  }
  /* "um" before a zu-infinitive: "in order to" ("um … zu verhandeln",
   * "um … einzubauen"). */
  if (dg_gl_is_um(w->lower)) {
    size_t end = dg_gl_cend(c, i);
    bool zu_inf = false;
    for (size_t j = i + 1; j < end && !zu_inf; j++) {
      if (dg_gl_is_zu(c->w[j].lower) && j + 1 < end && c->w[j + 1].nan &&
          dg_gl_an_pos(&c->w[j + 1], 0, DG_GL_P_VERB | DG_GL_P_AUX))
        zu_inf = true;
      for (size_t a = 0; a < c->w[j].nan && !zu_inf; a++)
        if (c->w[j].an[a].leipzig && strstr(c->w[j].an[a].leipzig, "zu-INF")) zu_inf = true;
    }
    if (zu_inf)
      for (size_t k = 0; k < w->ncl; k++)
        if (S_pos(cl[k].bits) == DG_UD_SCONJ) return (int)k;
  }
  /* "während", "seit", "bis" (word class adp-sconj) open a clause that
   * ends in its finite verb ("während es still ist": while); else they are
   * prepositions ("während des Krieges": during). */
  if (dg_gl_is(w, DG_WC_ADP_SCONJ)) {
    size_t end = dg_gl_cend(c, i);
    const dg_gl_word *last = &c->w[end - 1];
    bool verb_final = end > i + 2 && !dg_gl_is_upper_initial(s->tokens[end - 1].form) &&
                      (dg_gl_only_finite(last) || S_closed_pos(last, DG_UD_AUX) >= 0); /* "… gewesen ist" */
    int k = S_closed_pos(w, verb_final ? DG_UD_SCONJ : DG_UD_ADP);
    if (k >= 0) return k;
  }
  /* A comparison particle (compar-particle: wie, als) inside a clause
   * compares ("Bündnissen wie der EU": as/like); "wie" at the start of a
   * clause asks (", wie wir die Lücke schließen"). */
  if (dg_gl_is(w, DG_WC_COMPAR_PARTICLE) && i > 0 && !dg_gl_clause_initial(c, i) &&
      S_closed_pos(w, DG_UD_SCONJ) >= 0)
    return S_closed_pos(w, DG_UD_SCONJ);
  /* "selbst" after a noun or pronoun is "himself, itself" (der Präsident
   * selbst); before a noun phrase, a preposition or a clause it is "even"
   * ("Selbst mit dem Start …", "selbst wenn"). */
  /* (a rule about this one word) */
  if (dg_gl_eq(w->lower, "selbst")) {
    bool after_np = i > 0 && (dg_gl_pos_is(&s->tokens[i - 1], DG_UD_NOUN) ||
                              dg_gl_pos_is(&s->tokens[i - 1], DG_UD_PROPN) ||
                              dg_gl_pos_is(&s->tokens[i - 1], DG_UD_PRON) || s->tokens[i - 1].kind == DG_KIND_NAME);
    bool before_np = false;
    if (i + 1 < s->ntokens && !after_np) {
      const dg_dtoken *n = &s->tokens[i + 1];
      const dg_gl_word *nw = &c->w[i + 1];
      before_np = n->kind == DG_KIND_WORD && (dg_gl_is_upper_initial(n->form) || nw->ncl > 0);
      for (size_t k = 0; k < nw->ncl && before_np; k++) /* not "selbst ist" */
        if (S_pos(nw->cl[k].bits) == DG_UD_AUX || S_pos(nw->cl[k].bits) == DG_UD_VERB) before_np = false;
    }
    int k = S_closed_pos(w, before_np ? DG_UD_ADV : DG_UD_PRON);
    if (k >= 0) return k;
  }
  /* "so" naming the source of a report is "according to" (a rule about
   * this one word: its reading glossed so). */
  if (dg_gl_eq(w->lower, "so") && S_names_source(c, i))
    for (size_t k = 0; k < w->ncl; k++)
      if (cl[k].gloss && dg_gl_eq(cl[k].gloss, "according to")) return (int)k;
  /* "Sie" with a capital inside a sentence is the polite "you" ("Besuchen
   * Sie …", "Bitte denken Sie daran"), not "they". */
  if (S_is_polite_sie(s->tokens[i].form) && !w->initial)
    for (size_t k = 0; k < w->ncl; k++)
      if (cl[k].bits & DG_LB_POL) return (int)k;
  /* "damit", "da" (word class adv-sconj) open a clause only at its start
   * (", damit …"); after the finite verb they are adverbs ("Er bestätigte
   * damit die Äußerungen"). */
  if (dg_gl_is(w, DG_WC_ADV_SCONJ)) {
    /* … or right before the finite verb ("Da war er nicht", "Damit ist
     * klar"): the conjunction is followed by its subject. */
    bool verb_next = i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form) &&
                     dg_gl_only_finite(&c->w[i + 1]);
    if ((!dg_gl_clause_initial(c, i) || verb_next) && S_closed_pos(w, DG_UD_ADV) >= 0) return S_closed_pos(w, DG_UD_ADV);
  }
  /* "zu" before an adjective or adverb on its own is "too" ("zu teuer",
   * "zu spät"), not before an adjective with its noun ("zu großen Teilen"). */
  if (dg_gl_is_zu(w->lower) && i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form) &&
      c->w[i + 1].nan && c->w[i + 1].ncl == 0 &&
      (dg_gl_eq(c->w[i + 1].an[0].pos, "ADJ") || dg_gl_eq(c->w[i + 1].an[0].pos, "ADV"))) {
    bool noun_after = i + 2 < s->ntokens && s->tokens[i + 2].kind == DG_KIND_WORD &&
                      dg_gl_is_upper_initial(s->tokens[i + 2].form);
    if (!noun_after && !S_any_feat(&c->w[i + 1], DG_GL_F_INF) && S_closed_pos(w, DG_UD_ADV) >= 0)
      return S_closed_pos(w, DG_UD_ADV);
  }
  /* "meisten" (word class am-superlative) after "am" with no noun after
   * it is the adverbial superlative ("das am meisten": most), else the
   * determiner ("die meisten Leute": most.PL); agree.c. */
  if (dg_gl_is(w, DG_WC_AM_SUPERLATIVE)) {
    int k = S_closed_pos(w, dg_gl_am_superlative(c, i) ? DG_UD_ADV : DG_UD_DET);
    if (k >= 0) return k;
  }
  /* "zu" before an infinitive is the infinitive marker. */
  if (dg_gl_is_zu(w->lower) && i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form)) {
    bool inf = false;
    for (size_t a = 0; a < c->w[i + 1].nan && !inf; a++) inf = dg_gl_an_feat(&c->w[i + 1], a, DG_GL_F_INF);
    if (inf)
      for (size_t k = 0; k < w->ncl; k++)
        if (S_pos(cl[k].bits) == DG_UD_PART) return (int)k;
  }
  return S_NO_RULE;
}

/* Might a rule of S_word_rules concern w: is it of one of the word
 * classes they ask about, or one of the words they name (sein, um,
 * selbst, so, Sie, zu: their lower-case forms begin with s, u or z)? */
static inline bool S_word_rules_may(const dg_gl_word *w) {
  if (dg_gl_is(w, DG_WC_MODAL_PARTICLE | DG_WC_ADP_SCONJ | DG_WC_COMPAR_PARTICLE | DG_WC_ADV_SCONJ |
                     DG_WC_AM_SUPERLATIVE))
    return true;
  char f = w->lower ? w->lower[0] : 's';
  return f == 's' || f == 'u' || f == 'z';
}

/* Choose among the closed-class readings of token i, a word with more
 * than one (or "sein"); -1 when an open-class reading should win.
 * (cl[k].bits: the labels and part of speech of reading k, DG_LB_*; kept:
 * the word's S_fixed when its memo entry links one already, else NULL.) */
static __attribute__((noinline)) int S_pick_among(dg_engine *e, dg_gl_ctx *c, size_t i, const S_fixed *kept) {
  dg_gl_word *w = &c->w[i];
  const dg_sense *cl = w->cl;
  const dg_dsentence *s = c->s;
  if (S_word_rules_may(w)) {
    int r = S_word_rules(c, i);
    if (r != S_NO_RULE) return r;
  }
  bool after_comma = false;
  bool dword = S_is_dword(w);
  if (dword && i > 0) {
    const dg_dtoken *p = &s->tokens[i - 1];
    if (dg_gl_eq(p->form, ",")) after_comma = true;
    else if (i > 1 && dg_gl_eq(s->tokens[i - 2].form, ",")) {
      for (size_t k = 0; k < c->w[i - 1].ncl; k++)
        if (S_pos(c->w[i - 1].cl[k].bits) == DG_UD_ADP) after_comma = true;
    }
  }
  /* (what the readings are, whatever the context: S_kinds) */
  const S_fixed *fx = kept ? kept : S_fixed_of(e, &s->tokens[i], w);
  unsigned char own_holds[DG_GL_MAX_SENSES];
  const unsigned char *holds = S_holds_all(fx, w, own_holds);
  S_kinds kinds = S_kinds_of(fx, w, holds);
  bool plural = false;
  size_t noun_at = 0;
  const char *gender = "";
  bool det_seen = kinds.det != 0;
  if (det_seen) gender = S_noun_gender(e, c, i, &plural, &noun_at);
  /* (the case only articles and d-words ask about) */
  unsigned gov = det_seen || dword ? dg_gl_case_governed(c, i) : 0;
  /* (else the case the words around ask for, asked of articles only) */
  unsigned want = det_seen && !gov ? dg_gl_case_context(c, i) : 0;
  /* A relative pronoun follows a comma and does not start a noun phrase:
   * the next word is no adjective or noun ("…, der den Ton setzt"), or no
   * article reading agrees with the noun ("…, die Russland besetzt hält").
   * (Asked only after a comma: rel below.) */
  bool np_follows = false;
  /* An opening quote may stand inside the noun phrase: die „schlechte Arbeit“. */
  size_t nx = i + 1;
  while (after_comma && nx < s->ntokens && nx < i + 3 && dg_gl_opening(&s->tokens[nx]) &&
         !dg_gl_eq(s->tokens[nx].form, "("))
    nx++;
  if (after_comma && nx < s->ntokens) {
    const dg_dtoken *n = &s->tokens[nx];
    const dg_gl_word *nw = &c->w[nx];
    np_follows =
        n->kind == DG_KIND_WORD &&
        (dg_gl_is_upper_initial(n->form) || (nw->nan && dg_gl_an_pos(nw, 0, DG_GL_P_ADJ | DG_GL_P_NOUN)));
    /* After a definite article an adjective is weak (-e, -en): a strong
     * ending ("die gründlicher Untersuchung bedürfen") or a comparative
     * ("die größer sind") shows the d-word is a pronoun. */
    if (np_follows && dword && !dg_gl_is_upper_initial(n->form) && nw->nan && dg_gl_an_pos(nw, 0, DG_GL_P_ADJ)) {
      size_t L = strlen(n->form);
      bool weak = (L > 1 && n->form[L - 1] == 'e') || (L > 2 && strcmp(n->form + L - 2, "en") == 0);
      if (!weak) np_follows = false;
    }
  }
  bool agrees = !*gender || !after_comma; /* (asked only after a comma, as np_follows) */
  unsigned glab = S_gender_label(gender);
  /* (a noun whose plural has no ending, after an article with no singular
   * reading of its gender, is plural: "die Unterstützer", agree.c; not
   * after a comma, where the d-word may be a relative pronoun: ", die
   * Rudel genannt werden") */
  bool zero_pl = det_seen && !after_comma && !plural && noun_at && dg_gl_zero_plural(c, i, noun_at, glab);
  if (zero_pl) plural = true;
  for (size_t k = 0; k < w->ncl && !agrees; k++) {
    if (cl[k].bits & DG_LB_REL) continue;
    if (cl[k].bits & (plural ? DG_LB_PL : glab)) agrees = true;
  }
  /* … or the clause it opens ends in a finite verb ("…, die der Schüler
   * nicht bewältigen kann,"). */
  bool verb_final = false;
  if (after_comma) {
    size_t end = dg_gl_cend(c, i);
    if (end > i + 2 && end - 1 > i) {
      /* Only a form that can be nothing but finite ("kann", "hält"), not
       * one that may be an infinitive ("konzentrieren"). */
      const dg_gl_word *lw = &c->w[end - 1];
      verb_final = lw->nan > 0 && !dg_gl_is_upper_initial(s->tokens[end - 1].form);
      for (size_t a = 0; a < lw->nan && verb_final; a++)
        if (!dg_gl_an_feat(lw, a, DG_GL_F_FIN)) verb_final = false;
    }
  }
  bool rel = after_comma && (!np_follows || !agrees || verb_final);
  /* A d-word standing alone is the demonstrative pronoun (S_alone). */
  bool dem = dword && S_alone(e, c, i, after_comma);
  if (dem) rel = false;
  /* (a demonstrative's reading of der, die, das is out of the question
   * unless the word stands alone: bit k of out) */
  unsigned out = dword && !dem ? kinds.dem_pron : 0;
  /* What a pronoun reading agrees with (the verbs around), asked only
   * when a reading's score depends on it: a pronoun reading in question
   * that is no relative pronoun, or one of the 2nd person plural (the
   * relative readings of der, die, das ask nothing of the verb). */
  bool agree = (kinds.asks_verb & ~out) != 0;
  int verb_pl = -1;
  bool verb_2pl = false;
  if (agree) S_verb_agreement(c, i, &verb_pl, &verb_2pl);
  /* A relative pronoun agrees with its antecedent in gender and number,
   * and is the subject of its clause only when it agrees with the verb
   * ("Forderungen, die die Ukraine … betrachtet": ACC.PL); an article's
   * noun phrase likewise in a clause that ends in its verb (case.c). */
  int ante_pl = -1;
  unsigned ante_gender = 0, rel_case = 0, agree_case = 0;
  if (dword && rel) {
    ante_pl = dg_gl_case_antecedent(c, i, &ante_gender);
    if (!gov) rel_case = dg_gl_case_by_agreement(c, i, i, ante_pl, true);
  } else if (det_seen && !gov && noun_at) {
    /* (welche opens an indirect question: asked when it opens the clause) */
    bool asks = kinds.question && dg_gl_cstart(c, i) == i;
    agree_case = dg_gl_case_by_agreement(c, i, noun_at, zero_pl ? 1 : dg_gl_noun_number(&c->w[noun_at]), asks);
  }
  /* (a dative reading's due where no genitive attribute is: S_after_noun) */
  bool dative_ok = det_seen && !gov && !want && !S_after_noun(c, i);
  int best = -1;
  double best_score = -1e9;
  int subject = -1; /* dg_gl_case_subject, once asked */
  bool after_adp = i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADP);
  for (size_t k = 0; k < w->ncl; k++) {
    if (out >> k & 1u) continue;
    /* (reading k's labels and part of speech) */
    unsigned lb = cl[k].bits, pos = S_pos(lb);
    double sc = -0.01 * (int)k; /* (k is small: converted as an int) */
    if (verb_2pl && pos == DG_UD_PRON && (holds[k] & S_HOLDS_2PL)) sc += 4;
    if (pos == DG_UD_PRON && verb_pl >= 0 && !(lb & DG_LB_REL)) {
      bool pl = (lb & DG_LB_PL) || (holds[k] & S_HOLDS_PL);
      bool sg = holds[k] & S_HOLDS_SG;
      if (verb_pl ? pl : sg) sc += 2;
    }
    bool is_rel = lb & DG_LB_REL;
    bool is_det = pos == DG_UD_DET;
    if (dword && pos == DG_UD_PRON && (lb & DG_LB_DEM)) sc += 4; /* (dem) */
    if (dword) {
      if (rel) sc += is_rel ? 5 : 0;
      else sc += is_rel ? -5 : 0;
      if (!rel && is_det) sc += 1;
      if (rel && is_rel && ante_pl >= 0 && (ante_pl || ante_gender))
        sc += (lb & (ante_pl ? DG_LB_PL : ante_gender)) ? 2 : -1;
      if (rel && is_rel && (lb & rel_case)) sc += 1.5;
    }
    if (is_det || dword) {
      /* (a relative pronoun agrees with its antecedent, not with the noun
       * after it: zero_pl asks nothing of it) */
      if (plural && !(zero_pl && is_rel)) sc += (lb & DG_LB_PL) ? 2 : -1;
      else if (glab && !is_rel)
        sc += (lb & glab) ? 2 : ((lb & DG_LB_PL) ? -1 : -0.5);
      /* (a relative pronoun after its preposition takes its case too:
       * ", bei der …" DAT) */
      if (gov && (!is_rel || after_adp))
        sc += (lb & gov) ? 3 : -1;
      else if (!gov && !is_rel) {
        if (is_det && (lb & want)) sc += 1.5;
        /* (only a reading of the noun's gender and number: "am Ende dieses
         * Satzes" stays GEN) */
        if (is_det && (lb & agree_case) && (lb & (plural ? DG_LB_PL : glab ? glab : ~0u))) sc += 1.5;
        /* Without a preposition: NOM where the subject stands, else ACC. */
        if (subject < 0) subject = dg_gl_case_subject(c, i);
        if (lb & (subject ? DG_LB_NOM : DG_LB_ACC)) sc += 1;
        else if (lb & (DG_LB_NOM | DG_LB_ACC)) sc += 0.5;
        /* A genitive follows the noun it belongs to ("die Mehrheit der
         * Bevölkerung"); elsewhere der, einer, seiner are dative ("Das hat
         * der Partei genutzt", "Der Tradition entsprechend"). */
        else if (is_det && (lb & DG_LB_DAT) && dative_ok) sc += 0.3;
      }
    }
    if (sc > best_score) {
      best_score = sc;
      best = (int)k;
    }
  }
  return best;
}

/* Choose among closed-class readings of token i; -1 when an open-class
 * reading should win.  (kept: as S_pick_among) */
static inline int S_pick_closed(dg_engine *e, dg_gl_ctx *c, size_t i, const S_fixed *kept) {
  const dg_gl_word *w = &c->w[i];
  if (w->ncl == 0) return -1;
  /* (a word with one reading: every rule of S_pick_among that picks a
   * reading picks that one, and the scores rank it alone; only "sein" may
   * refuse its only reading, for the verb.  Told here, before the choice's
   * frame is set up: the most function words have one reading) */
  if (w->ncl == 1 && !dg_gl_is_sein(w->lower)) return 0;
  return S_pick_among(e, c, i, kept);
}

/* A day or a time of a day (word classes weekday, weekday-time: Montag,
 * Wochenende, Sonntagabend): "am" before it is "on". */
static bool S_weekday(const dg_engine *e, const dg_gl_ctx *c, size_t j) {
  const char *form = c->s->tokens[j].form;
  const dg_gl_word *w = &c->w[j];
  /* (a word written as its lower-case form has the classes the look-up
   * pass read of that form) */
  if (w->lower && strcmp(w->lower, form) == 0) return dg_gl_is(w, DG_WC_WEEKDAY | DG_WC_WEEKDAY_TIME);
  return dg_lexicon_is(e->lex, form, DG_WC_WEEKDAY | DG_WC_WEEKDAY_TIME);
}

/* dg_doc_str of a string of the engine's lexicon (never NULL): the string
 * itself when the document's strings point into that lexicon (lex_kept:
 * doc.h, its first kept lexicon, asked once a word), without asking where
 * the string lies. */
static const char *S_lex_str(bool lex_kept, dg_doc *d, const char *s) { return lex_kept ? s : dg_doc_str(d, s); }

/* Token t's part of speech, the document's copy of a closed-class
 * reading's: a UD tag is the lexicon's string constant (no copy into the
 * document for every closed-class word), set with the code the lexicon
 * coded it as; another string is copied.  (ud: dg_lexicon_ud_name of the
 * code, as S_fixed keeps it.) */
static void S_set_pos(dg_doc *d, dg_dtoken *t, const dg_sense *sv, const char *ud) {
  if (ud) dg_gl_set_pos_code(t, ud, S_pos(sv->bits));
  else dg_gl_set_pos(t, dg_doc_str(d, sv->pos));
}

/* The analysis whose features closed-class reading k of w takes: of the
 * same lemma and part of speech, the one that agrees best with the
 * reading's labels (gender, case, number); -1 for none. */
static int S_feature_analysis(const dg_gl_word *w, size_t k) {
  const dg_sense *sv = &w->cl[k];
  const char *lemma = sv->lemma && *sv->lemma ? sv->lemma : w->lower;
  int bestq = -1, bestm = -1;
  /* (the reading's gender, case and number labels, each matched by its
   * UD value anywhere in the features: M by Masc, NOM by Nom, SG by Sing
   * ...; bit r of the labels is value[r]) */
  static const char *const value[] = {"Masc", "Fem", "Neut", "Nom", "Acc", "Dat", "Gen", "Sing", "Plur"};
  unsigned has = sv->bits & (DG_LB_M | DG_LB_F | DG_LB_N | DG_LB_NOM | DG_LB_ACC | DG_LB_DAT | DG_LB_GEN |
                             DG_LB_SG | DG_LB_PL);
  int all = 0; /* an analysis with all of them: no later one does better */
  for (unsigned h = has; h; h &= h - 1) all++;
  for (size_t q = 0; q < w->nan && bestm < all; q++) {
    if (!dg_gl_eq(w->an[q].lemma, lemma) || !dg_gl_eq(w->an[q].pos, sv->pos)) continue;
    int m = 0;
    if (w->an[q].feats)
      for (unsigned h = has; h; h &= h - 1)
        if (strstr(w->an[q].feats, value[__builtin_ctz(h)])) m++;
    if (m > bestm) {
      bestm = m;
      bestq = (int)q;
    }
  }
  return bestq;
}

/* The glosses closed-class reading k of w offers, in order: its own, then
 * the other readings' (empty ones left out); alternatives written
 * "his/its" become glosses of their own, copied into pool (cap bytes; *used
 * of them taken) or, past it, into d's arena.  Returns how many (at most
 * S_MAX_ALT), or SIZE_MAX when pool is full and d is NULL. */
#define S_MAX_ALT (DG_GL_MAX_SENSES * 2)
static size_t S_alternatives(dg_doc *d, const dg_gl_word *w, size_t k, const char **out, char *pool, size_t cap,
                             size_t *pool_used) {
  size_t n = 0, used = 0;
  *pool_used = 0;
  for (size_t q = 0; q < w->ncl + 1 && n < S_MAX_ALT; q++) {
    const dg_sense *src = q == 0 ? &w->cl[k] : &w->cl[q - 1];
    if (q > 0 && q - 1 == k) continue;
    const char *g = src->gloss ? src->gloss : "";
    /* (dg_gl_set_glosses copies the glosses into the document: only
     * alternatives to split need a copy here) */
    if (!(src->bits & DG_LB_GLOSS_ALT)) {
      if (*g) out[n++] = g;
      continue;
    }
    size_t len = strlen(g) + 1;
    char *copy;
    if (used + len <= cap) {
      copy = memcpy(pool + used, g, len);
      used += len;
    } else if (d) {
      copy = dg_mem_strdup(&d->arena, g);
    } else {
      return SIZE_MAX;
    }
    *pool_used = used;
    /* each alternative between slashes (empty ones dropped) */
    for (char *a = copy; *a && n < S_MAX_ALT;) {
      if (*a == '/') {
        a++;
        continue;
      }
      out[n++] = a;
      char *z = strchr(a, '/');
      if (!z) break;
      *z = '\0';
      a = z + 1;
    }
  }
  return n;
}

/* Give t the glosses of closed-class reading k of w, then those of the
 * others. */
static void S_set_closed_glosses(dg_doc *d, dg_dtoken *t, const dg_gl_word *w, size_t k) {
  const char *alt[S_MAX_ALT];
  char pool[512]; /* the split copies, while they are read */
  size_t used;
  size_t n = S_alternatives(d, w, k, alt, pool, sizeof pool, &used);
  dg_sense tmp[S_MAX_ALT]; /* (dg_gl_set_glosses reads their glosses) */
  for (size_t q = 0; q < n; q++) tmp[q].gloss = alt[q];
  dg_gl_set_glosses(d, t, tmp, n, NULL);
}

/* What dg_gl_closed makes of each closed-class reading k of a word
 * whatever its context, kept once per word in the engine's memo (kind
 * 'C', linked from the word's entry): what the choice asks of the
 * readings (S_kinds, S_holds), the analysis whose features each takes,
 * its part of speech's tag and its glosses as dg_gl_set_glosses keeps them
 * from S_alternatives (the first of equal ones, at most
 * DG_GL_MAX_SENSES), a list that a token of a document keeping the
 * engine's lexicon takes as it is.  A gloss is a lexicon string, or an
 * alternative split from one, kept in the memo's text of the word (kind
 * 'c', the same key: made first, so that the list can point into it). */
struct S_fixed {
  S_kinds kinds;                       /* S_kinds_read */
  unsigned bare;                       /* bit k: reading k names no lemma (the word's lower-case form is it) */
  unsigned char holds[DG_GL_MAX_SENSES]; /* S_holds of reading k */
  signed char feat[DG_GL_MAX_SENSES];  /* S_feature_analysis */
  unsigned short flen[DG_GL_MAX_SENSES]; /* the length of that analysis's features */
  signed char lemma_an[DG_GL_MAX_SENSES]; /* the first analysis of reading k's lemma
                                           * (dg_gl_memo_first_an) */
  const char *ud[DG_GL_MAX_SENSES];    /* dg_lexicon_ud_name of reading k's part of speech */
  unsigned char n[DG_GL_MAX_SENSES];   /* reading k's glosses ... */
  unsigned short at[DG_GL_MAX_SENSES]; /* ... are gloss[at[k]] on */
  size_t ngloss;
  const char *gloss[]; /* then a byte each: 1 for a lexicon string
                        * (session lifetime), 0 for a split alternative
                        * (the memo's text: a document that takes it
                        * holds the memo) */
};

static const unsigned char *S_holds_all(const S_fixed *fx, const dg_gl_word *w, unsigned char *own) {
  if (fx) return fx->holds;
  for (size_t k = 0; k < w->ncl; k++) own[k] = (unsigned char)S_holds(&w->cl[k]);
  return own;
}

static S_kinds S_kinds_of(const S_fixed *fx, const dg_gl_word *w, const unsigned char *holds) {
  return fx ? fx->kinds : S_kinds_read(w, holds);
}

/* Word w's S_fixed made and kept in the memo (S_fixed_of: the word's
 * entry links none yet), or NULL (no room left). */
static __attribute__((noinline)) const S_fixed *S_fixed_make(dg_engine *e, const dg_dtoken *t, const dg_gl_word *w) {
  if (!dg_gl_memo_room(e)) return NULL;
  const S_fixed *f;
  /* (the key of the word's entry: the form, and whether it came first) */
  char key[256];
  size_t len = strlen(t->form);
  if (len + 2 > sizeof key) return NULL;
  key[0] = w->initial ? 'I' : 'W';
  memcpy(key + 1, t->form, len + 1);
  S_fixed head = {.ngloss = 0};
  const char *gv[DG_GL_MAX_SENSES * DG_GL_MAX_SENSES];
  unsigned char lex[DG_GL_MAX_SENSES * DG_GL_MAX_SENSES];
  char text[4096]; /* the split alternatives of every reading */
  size_t used = 0;
  for (size_t k = 0; k < w->ncl; k++) {
    head.feat[k] = (signed char)S_feature_analysis(w, k);
    const char *fs = head.feat[k] >= 0 ? w->an[head.feat[k]].feats : NULL;
    size_t flen = fs ? strlen(fs) : 0;
    if (flen > UINT16_MAX) return NULL;
    head.flen[k] = (unsigned short)flen;
    head.holds[k] = (unsigned char)S_holds(&w->cl[k]);
    head.ud[k] = dg_lexicon_ud_name(S_pos(w->cl[k].bits));
    if (!w->cl[k].lemma || !*w->cl[k].lemma) head.bare |= 1u << k;
    head.lemma_an[k] = (signed char)dg_gl_memo_first_an(w, head.bare >> k & 1u ? w->lower : w->cl[k].lemma);
    const char *alt[S_MAX_ALT];
    size_t taken;
    size_t n = S_alternatives(NULL, w, k, alt, text + used, sizeof text - used, &taken);
    if (n == SIZE_MAX) return NULL;
    used += taken;
    const char *kept[DG_GL_MAX_SENSES];
    size_t nk = 0;
    head.at[k] = (unsigned short)head.ngloss;
    for (size_t q = 0; q < n && nk < DG_GL_MAX_SENSES; q++) {
      bool dup = false;
      for (size_t j = 0; j < nk && !dup; j++) dup = dg_gl_eq(kept[j], alt[q]);
      if (dup) continue;
      kept[nk] = alt[q];
      /* (a split alternative lies in text; a whole gloss is the lexicon's) */
      uintptr_t at = (uintptr_t)alt[q], from = (uintptr_t)text;
      gv[head.ngloss + nk] = alt[q];
      lex[head.ngloss + nk++] = !(at >= from && at < from + sizeof text);
    }
    head.n[k] = (unsigned char)nk;
    head.ngloss += nk;
  }
  head.kinds = S_kinds_read(w, head.holds);
  /* (the split alternatives kept first, and the list pointed into the
   * memo's copy: the one another thread kept first has the same text) */
  if (used) {
    const char *kept_text = dg_gl_memo_keep(e, 'c', key, text, used, 0, NULL);
    if (!kept_text) return NULL;
    for (size_t q = 0; q < head.ngloss; q++)
      if (!lex[q]) gv[q] = kept_text + (gv[q] - text);
  }
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_put(&b, &head, sizeof head);
  dg_buf_put(&b, gv, head.ngloss * sizeof *gv);
  dg_buf_put(&b, lex, head.ngloss);
  f = dg_gl_memo_keep(e, 'C', key, b.data, b.len, 0, NULL);
  dg_buf_free(&b);
  if (f) dg_gl_memo_set_link(w, DG_GL_LINK_CLOSED, f);
  return f;
}

/* Word w's S_fixed as its memo entry links it, or NULL (a word the memo
 * does not keep, or none made yet). */
static inline const S_fixed *S_fixed_kept(const dg_dtoken *t, const dg_gl_word *w) {
  if (!w->memo || w->memo_form != t->form || w->ncl > DG_GL_MAX_SENSES) return NULL;
  return dg_gl_memo_link(w, DG_GL_LINK_CLOSED);
}

/* Word w's S_fixed: the memo's, or NULL (a word the memo does not keep,
 * or no room left).  (The link is asked in line; only a word seen first
 * makes its value, out of line.) */
static inline const S_fixed *S_fixed_of(dg_engine *e, const dg_dtoken *t, const dg_gl_word *w) {
  if (!w->memo || w->memo_form != t->form || w->ncl > DG_GL_MAX_SENSES) return NULL;
  const S_fixed *f = dg_gl_memo_link(w, DG_GL_LINK_CLOSED);
  return f ? f : S_fixed_make(e, t, w);
}

/* Token t takes the features of analysis q of w, n bytes long (as
 * dg_gl_set_an_feats gives them, their length known: S_fixed.flen): the
 * memo's string itself when the analyses are its entry's, else a copy
 * made sixteen bytes at a time, the last sixteen overlapping, with no
 * search for the end. */
static void S_set_feats_n(dg_doc *d, dg_dtoken *t, dg_gl_word *w, size_t q, size_t n) {
  const char *f = w->an[q].feats ? w->an[q].feats : "";
  if (!dg_gl_memo_an_kept(w)) {
    dg_mem_block *b = d->arena.head;
    char *p;
    if (b && b->cap - b->used > n) {
      p = (char *)b->data + b->used;
      b->used += n + 1;
    } else {
      p = dg_mem_alloc(&d->arena, n + 1);
    }
    if (n >= 16) {
      for (size_t o = 0; o + 16 < n; o += 16) memcpy(p + o, f + o, 16);
      memcpy(p + n - 16, f + n - 16, 16);
    } else {
      dg_copy(p, f, n);
    }
    p[n] = '\0';
    f = p;
  }
  t->feats = f;
  w->feats_read = f;
  w->feats_bits = w->fb[q];
}

/* Give token i (a word with closed-class readings: dg_gl_closed) its
 * closed-class reading, if one fits; false when the word is to be glossed
 * as a content word. */
bool dg_gl_closed_reading(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  dg_gl_word *w = &c->w[i];
  /* (what the memo keeps of the word's readings is read once the choice
   * is made: fetched from memory meanwhile) */
  const S_fixed *kept = S_fixed_kept(t, w);
  __builtin_prefetch(kept);
  int k = S_pick_closed(e, c, i, kept);
  /* ("Sie" inside a sentence is the polite pronoun, not a noun) */
  bool capital_noun = dg_gl_is_upper_initial(t->form) && !w->initial && w->nan && !S_is_polite_sie(t->form) &&
                      dg_gl_an_pos(w, 0, DG_GL_P_NOUN | DG_GL_P_PROPN);
  if (k < 0 || capital_noun) return false;
  /* (the chosen reading's labels and part of speech as the lexicon read
   * them: lb & DG_LB_REL is dg_gl_has_label(w->cl[k].labels, "REL")) */
  unsigned lb = w->cl[k].bits;
  /* A preposition stands before its noun phrase: a word that is also an
   * adjective ("laut": according to / loud) is the adjective before a
   * pause or after a degree word ("Die Musik war sehr laut."). */
  if (S_pos(lb) == DG_UD_ADP && S_any_pos(w, DG_GL_P_ADJ | DG_GL_P_ADV) &&
      (i + 1 >= s->ntokens || s->tokens[i + 1].kind == DG_KIND_PUNCT ||
       (i > 0 && dg_gl_is(&c->w[i - 1], DG_WC_DEGREE_ADV) && !dg_gl_is_zu(c->w[i - 1].lower))))
    return false;
  w->closed = k;
  w->closed_labels = lb;
  const dg_sense *sv = &w->cl[k];
  /* (the document's strings point into the engine's lexicon: S_lex_str) */
  bool lex_kept = d->keeps && d->keeps->lex == e->lex;
  /* (what a word kept in the memo makes of a reading is the memo's:
   * S_fixed) */
  const S_fixed *fx = kept ? kept : S_fixed_of(e, t, w);
  bool own_lemma = fx ? !(fx->bare >> k & 1u) : sv->lemma && *sv->lemma;
  t->lemma = own_lemma ? S_lex_str(lex_kept, d, sv->lemma) : dg_doc_str(d, w->lower);
  /* (which analysis the lemma is of, for the passes that ask) */
  if (w->memo) dg_gl_memo_lemma_set(w, t->lemma, fx ? fx->lemma_an[k] : dg_gl_memo_first_an(w, t->lemma));
  S_set_pos(d, t, sv, fx ? fx->ud[k] : dg_lexicon_ud_name(S_pos(sv->bits)));
  /* Features from the analysis of the same lemma that agrees best with
   * the chosen labels (gender, case, number); the glosses of the reading,
   * then those of the others. */
  int bestq = fx ? fx->feat[k] : S_feature_analysis(w, (size_t)k);
  if (bestq >= 0) {
    if (fx) S_set_feats_n(d, t, w, (size_t)bestq, fx->flen[k]);
    else dg_gl_set_an_feats(d, t, w, (size_t)bestq);
  }
  if (fx) {
    /* (as dg_gl_set_glosses sets them) */
    size_t n = fx->n[k];
    const char *const *gv = &fx->gloss[fx->at[k]];
    if (lex_kept && n) {
      /* (the memo's list itself: its strings are the lexicon's, which the
       * document keeps, or the memo's, which it holds; a token's glosses
       * are never written through (doc.h): a pass that changes them makes
       * a list of its own, as dg_gl_promote does) */
      t->glosses = gv;
    } else {
      const char **out = dg_mem_alloc(&d->arena, (n ? n : 1) * sizeof *out);
      const unsigned char *lex = (const unsigned char *)(fx->gloss + fx->ngloss) + fx->at[k];
      for (size_t q = 0; q < n; q++) out[q] = lex[q] ? S_lex_str(lex_kept, d, gv[q]) : gv[q];
      t->glosses = out;
    }
    t->nglosses = n;
    if (n) t->gloss = t->glosses[0];
  } else {
    S_set_closed_glosses(d, t, w, (size_t)k);
  }
  /* Days and dates take "on" ("am Montag", "am 17. März").  (The gloss
   * "on" is looked for first: most prepositions have none, and the next
   * word is then not asked.) */
  if (S_pos(lb) == DG_UD_ADP && i + 1 < s->ntokens)
    for (size_t q = 0; q < t->nglosses; q++) {
      const char *g = t->glosses[q];
      if (g[0] == 'o' && g[1] == 'n' && (g[2] == '\0' || g[2] == '.')) {
        if (S_weekday(e, c, i + 1) || s->tokens[i + 1].kind == DG_KIND_NUMBER) dg_gl_promote(d, t, g);
        break;
      }
    }
  /* (the word's labels are read while the sentence is glossed, when the
   * lexicon's and the analyses' strings are there: no copy) */
  w->leipzig = sv->labels ? sv->labels : "";
  /* The indefinite article before a genitive plural is the pronoun "one"
   * of a partitive ("einer der wichtigsten Wahlen", agree.c). */
  if (S_pos(lb) == DG_UD_DET && (lb & DG_LB_SG) && dg_gl_eq(t->gloss, "a")) dg_gl_partitive_one(d, c, i);
  if ((S_pos(lb) == DG_UD_AUX || S_pos(lb) == DG_UD_VERB) && w->nan) {
    /* Verb forms: person, tense and mood from the analysis chosen in
     * context ("das Gespräch werde": SBJV1.3SG, not 1SG). */
    int pa = dg_gl_pick_analysis(c, i);
    if (pa >= 0) {
      w->leipzig = w->an[pa].leipzig ? w->an[pa].leipzig : "";
      dg_gl_set_an_feats(d, t, w, (size_t)pa);
      w->is_closed = false; /* labels are shown as for any verb */
      t->seg = NULL;
      c->w[i].closed = k;
      t->source = sv->source ? S_lex_str(lex_kept, d, sv->source) : "closed";
      return true;
    }
  }
  w->is_closed = true;
  t->source = sv->source ? S_lex_str(lex_kept, d, sv->source) : "closed";
  return true;
}
