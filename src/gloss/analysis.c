/* Analysis choice: which of a word's morphological analyses fits its
 * context.  Capitals outside sentence starts are nouns or names; an
 * infinitive after "zu" or under a modal; a participle before or under an
 * auxiliary; an adjective between an article and its noun or after a degree
 * word; person and number agreeing with a pronoun subject of the clause.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "word.h"

/* The subject pronouns by their closed-class labels. */
#define S_I "PRS.1SG.NOM"      /* ich */
#define S_YOU "PRS.2SG.NOM"    /* du */
#define S_WE "PRS.1PL.NOM"     /* wir */
#define S_YOU_PL "PRS.2PL.NOM" /* ihr */

/* The subject pronouns a verb form agrees with, each looked for in the
 * clause of word i once for all the word's analyses (seen[k]: -1 not yet
 * asked, else the answer).  Each pronoun is named by a literal, whose
 * dg_gl_label_sig is then known when compiling. */
enum { S_SUBJ_I, S_SUBJ_YOU, S_SUBJ_WE, S_SUBJ_YOU_PL };
static inline bool S_has(const dg_gl_ctx *c, size_t i, const char *labels) {
  return dg_gl_clause_has_pronoun_sig(c, i, labels, dg_gl_label_sig(labels));
}
/* Could any of the four be a subject of word i's clause?  No, when no
 * word of the clause but i has a pronoun reading with the bit of one of
 * their labels (dg_gl_word.pron_sig, walked from pronoun to pronoun:
 * next_pron); then each is known absent at once (a 3rd person singular
 * asks for three of them).  A clause that shares the subject of the one
 * before it ("… und werde …") is asked in full. */
static void S_no_subjects(const dg_gl_ctx *c, size_t i, signed char *seen) {
  size_t a = dg_gl_cstart(c, i), b = dg_gl_cend(c, i), n = c->s->ntokens;
  if (a > 1 && (c->s->tokens[a - 1].flags & DG_DF_CLAUSE_JOIN) && a == i) return;
  uint64_t sig = dg_gl_label_sig(S_I) | dg_gl_label_sig(S_YOU) | dg_gl_label_sig(S_WE) | dg_gl_label_sig(S_YOU_PL);
  for (size_t j = a < n ? c->w[a].next_pron : n; j < b; j = j + 1 < n ? c->w[j + 1].next_pron : n)
    if (j != i && (c->w[j].pron_sig & sig)) return;
  seen[S_SUBJ_I] = seen[S_SUBJ_YOU] = seen[S_SUBJ_WE] = seen[S_SUBJ_YOU_PL] = 0;
}

static __attribute__((noinline)) bool S_subject_ask(const dg_gl_ctx *c, size_t i, signed char *seen, int which) {
  seen[which] = which == S_SUBJ_I    ? S_has(c, i, S_I)
                : which == S_SUBJ_YOU ? S_has(c, i, S_YOU)
                : which == S_SUBJ_WE  ? S_has(c, i, S_WE)
                                      : S_has(c, i, S_YOU_PL);
  return seen[which] > 0;
}
/* (an answer known, mostly from S_no_subjects, is read in line) */
static inline bool S_subject(const dg_gl_ctx *c, size_t i, signed char *seen, int which) {
  return seen[which] < 0 ? S_subject_ask(c, i, seen, which) : seen[which] > 0;
}

/* A country or region: the lexicon gives the form itself as a proper noun
 * (names.tsv: "Polen PROPN Poland") and one of its readings is a noun with
 * the form as its lemma, the place's own reading.  Without an article,
 * quantifier, number or adjective before it, that reading is the place
 * ("in Polen", "aus Polen": Poland), not a plural the form also spells
 * ("die Polen", "viele Polen", "zwei Polen", "junge Polen": the Poles).
 * Returns the reading, or -1. */
static int S_place_reading(const dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  const char *form = c->s->tokens[i].form;
  if (i > 0) {
    const char *pp = c->s->tokens[i - 1].pos;
    if (dg_gl_eq(pp, "DET") || dg_gl_eq(pp, "ADJ") || dg_gl_eq(pp, "NUM")) return -1;
  }
  int own = -1;
  for (size_t k = 0; k < w->nan && own < 0; k++)
    if (dg_gl_an_pos(w, k, DG_GL_P_NOUN | DG_GL_P_PROPN) && dg_gl_eq(w->an[k].lemma, form))
      own = (int)k;
  if (own <= 0) return -1; /* (none, or already the first) */
  dg_sense sv;
  if (dg_lexicon_senses(c->lex, form, "PROPN", &sv, 1) == 0 || !dg_gl_eq(sv.pos, "PROPN")) return -1;
  return own;
}

/* Is `lemma`, word j's lemma (the token's, or that of its analysis q; q <
 * 0: not known which), of word class bare-inf?  A lemma the analysis
 * spells as the word's lower-case form has the classes the look-up pass
 * read of that form (dg_gl_is); another is looked up in the lexicon. */
static bool S_bare_inf(const dg_gl_ctx *c, size_t j, int q, const char *lemma) {
  const dg_gl_word *w = &c->w[j];
  if (q >= 0 && (w->fb[q] & DG_GL_P_LEMMA_LOWER)) return dg_gl_is(w, DG_WC_BARE_INF);
  return dg_lexicon_is(c->lex, lemma, DG_WC_BARE_INF);
}
/* The same of token j's lemma as its pass set it: the analysis it is of
 * kept beside it (dg_gl_word.lemma_set, lemma_an: memo.h). */
static bool S_token_bare_inf(const dg_gl_ctx *c, size_t j) {
  const char *lemma = c->s->tokens[j].lemma;
  const dg_gl_word *w = &c->w[j];
  return S_bare_inf(c, j, lemma && lemma == w->lemma_set ? w->lemma_an : -1, lemma);
}

/* (0.001 * k, the penalty of a later analysis, for each k of a word) */
_Static_assert(DG_GL_MAX_AN == 8, "a penalty for each analysis a word may have");
static const double S_rank_penalty[DG_GL_MAX_AN] = {0.001 * 0, 0.001 * 1, 0.001 * 2, 0.001 * 3,
                                                    0.001 * 4, 0.001 * 5, 0.001 * 6, 0.001 * 7};

/* Is word j a reflexive pronoun: "sich", or mich/dich/uns/euch (a
 * reading labelled REFL)? */
static bool S_reflexive(const dg_gl_word *r) {
  if (r->lower && dg_gl_is_sich(r->lower)) return true;
  for (size_t k = 0; k < r->ncl; k++)
    if (dg_gl_has_label(r->cl[k].labels, "REFL")) return true;
  return false;
}

/* Does a reflexive pronoun stand before word i, past degree words (word
 * class degree-adv: "sich sehr geehrt", "mich so bedroht")? */
static bool S_reflexive_before(const dg_gl_ctx *c, size_t i) {
  size_t j = i;
  while (j > 0 && i - j < 3 && dg_gl_is(&c->w[j - 1], DG_WC_DEGREE_ADV)) j--;
  return j > 0 && S_reflexive(&c->w[j - 1]);
}

/* Does the context of word i (a word with a participle reading, or an
 * adjective reading spelt like the form) ask for a participle, and
 * *stative: is its auxiliary a form of "sein", after which an adjective
 * fits too?  (Out of line: asked of the few words with such readings.) */
static __attribute__((noinline)) bool S_want_participle(const dg_gl_ctx *c, size_t i, bool cap, bool *stative_out) {
  const dg_gl_word *w = &c->w[i];
  const dg_dsentence *s = c->s;
  /* A participle before an auxiliary (word class ptcp-aux): "erreicht
   * werden", "geführt worden". */
  bool want_part = false;
  /* the auxiliary is a form of "sein" (word class sein-form): an adjective
   * fits too (ist bekannt) */
  bool stative = false;
  if (i + 1 < s->ntokens && dg_gl_is(&c->w[i + 1], DG_WC_PTCP_AUX)) {
    want_part = true;
    stative = dg_gl_is(&c->w[i + 1], DG_WC_SEIN_FORM); /* "entscheidend sein" */
  }
  /* A participle closing a clause that has a finite auxiliary (word class
   * aux-finite: "wurde bereits … diskutiert", "hat … gestellt"), or right
   * before a clause-final finite verb ("…, die Russland besetzt hält"):
   * "discussed", "occupied". */
  if (!want_part && !dg_gl_is_upper_initial(s->tokens[i].form)) {
    size_t end = dg_gl_cend(c, i);
    /* (a comparison after the bracket's end leaves the participle last:
     * "haben … besser verwertet als wir") */
    bool last = end == i + 1 || (end == i + 3 && dg_gl_is(&c->w[i + 1], DG_WC_COMPAR_PARTICLE) &&
                                 s->tokens[i + 2].kind != DG_KIND_PUNCT);
    /* Back from a clause-final word, past inserted phrases between commas,
     * to the nearest finite verb: an auxiliary asks for the participle. */
    if (last)
      for (size_t j = i; j-- > 0 && i - j < DG_GL_WINDOW;) {
        const dg_dtoken *b = &s->tokens[j];
        if (dg_gl_is_punct(b)) {
          if (dg_gl_eq(b->form, ",") || dg_gl_eq(b->form, "–") || dg_gl_eq(b->form, "(") || dg_gl_eq(b->form, ")"))
            continue;
          if (dg_gl_quote(b)) continue; /* sei „positiv“ verlaufen */
          break;
        }
        if (dg_gl_is(&c->w[j], DG_WC_AUX_FINITE)) {
          want_part = true;
          if (dg_gl_is(&c->w[j], DG_WC_SEIN_FORM)) stative = true;
          break;
        }
        if (c->w[j].nan && !dg_gl_is_upper_initial(b->form) && dg_gl_an_feat(&c->w[j], 0, DG_GL_F_FIN) &&
            dg_gl_an_pos(&c->w[j], 0, DG_GL_P_VERB | DG_GL_P_AUX)) {
          /* A finite verb with a predicative (word class obj-predicative:
           * fühlen, finden ...) and a reflexive pronoun after it: the
           * clause's last word is the predicative ("Er fühlt sich
           * bedroht" = feels threatened, "fühlten sich … betrogen" =
           * cheated, not "they cheated"); an adjective fits too. */
          if (dg_lexicon_is(c->lex, c->w[j].an[0].lemma, DG_WC_OBJ_PREDICATIVE))
            for (size_t k = j + 1; k < i && !want_part; k++) want_part = stative = S_reflexive(&c->w[k]);
          break;
        }
        /* A subordinating conjunction or relative pronoun opens another
         * clause (not a comparison particle inside it, compar-particle:
         * "sind als … bekannt"). */
        if (dg_gl_pos_is(b, DG_UD_SCONJ) && !(dg_gl_is(&c->w[j], DG_WC_COMPAR_PARTICLE) &&
                                           j > 0 && !dg_gl_is_punct(&s->tokens[j - 1])))
          break;
        if (c->w[j].closed >= 0 && (c->w[j].closed_labels & DG_LB_REL)) break;
      }
    if (!want_part && end == i + 2 && c->w[i + 1].nan && !dg_gl_is_upper_initial(s->tokens[i + 1].form)) {
      bool verb = false;
      for (size_t a = 0; a < c->w[i + 1].nan && !verb; a++)
        verb = dg_gl_an_pos(&c->w[i + 1], a, DG_GL_P_VERB | DG_GL_P_AUX) &&
               !dg_gl_an_feat(&c->w[i + 1], a, DG_GL_F_PART);
      want_part = verb;
    }
  }
  /* A bare participle closing a verbless clause that opens with a noun
   * without an article ("Zugriff verweigert.", "Brücke über den Rhein
   * eröffnet"): a singular count noun needs an article to be a subject, so
   * the form that is also 3SG present is the participle of a message or a
   * headline. */
  if (!want_part && cap == false && dg_gl_cend(c, i) == i + 1 &&
      (i + 1 == s->ntokens || dg_gl_eq(s->tokens[i + 1].form, ".") || dg_gl_eq(s->tokens[i + 1].form, "!"))) {
    /* (the whole sentence: a message or a headline, not a clause of one) */
    size_t cs = dg_gl_cstart(c, i);
    const dg_dtoken *f = &s->tokens[cs];
    bool bare_noun = cs == 0 && cs < i && c->w[cs].nan && dg_gl_an_pos(&c->w[cs], 0, DG_GL_P_NOUN) &&
                     dg_gl_an_feat(&c->w[cs], 0, DG_GL_F_SING) && f->kind == DG_KIND_WORD &&
                     dg_gl_is_upper_initial(f->form);
    bool other_verb = false;
    for (size_t j = cs + 1; j < i && bare_noun && !other_verb; j++)
      other_verb = (c->w[j].nan && dg_gl_an_pos(&c->w[j], 0, DG_GL_P_VERB | DG_GL_P_AUX)) ||
                   /* a name right after the noun is the subject ("Gutsverwalter David Thompson erklärt") */
                   (j == cs + 1 && (s->tokens[j].kind == DG_KIND_NAME ||
                                    (c->w[j].nan && dg_gl_an_pos(&c->w[j], 0, DG_GL_P_PROPN)) ||
                                    dg_gl_is_upper_initial(s->tokens[j].form)));
    bool part_reading = false;
    for (size_t a = 0; a < w->nan && bare_noun; a++) part_reading = part_reading || dg_gl_an_feat(w, a, DG_GL_F_PART);
    if (bare_noun && !other_verb && part_reading) want_part = true;
  }
  /* "… verheiratet zu sein", "… verfolgt zu werden": a participle before
   * "zu" and an auxiliary (word class aux: sein, werden, haben); after
   * "zu sein" an adjective fits too. */
  if (!want_part && i + 2 < s->ntokens && dg_gl_is_zu(c->w[i + 1].lower) &&
      dg_gl_is(&c->w[i + 2], DG_WC_AUX)) {
    want_part = true;
    stative = dg_gl_is(&c->w[i + 2], DG_WC_SEIN_FORM);
  }
  /* "sich ermutigt zu fühlen", "sich verpflichtet zu fühlen": a participle
   * after a reflexive pronoun (S_reflexive_before) and before "zu" and the
   * infinitive of a verb with a predicative (word class obj-predicative:
   * fühlen, finden, machen ...) is that verb's predicative, the reflexive
   * its object: an infinitive clause has no finite verb ("Er scheint sich
   * ermutigt zu fühlen" = to feel encouraged, not "encourages").  An
   * adjective fits there too ("sich sicher zu fühlen"). */
  if (!want_part && i + 2 < s->ntokens && dg_gl_is_zu(c->w[i + 1].lower) &&
      dg_gl_is(&c->w[i + 2], DG_WC_OBJ_PREDICATIVE) && S_reflexive_before(c, i)) {
    want_part = true;
    stative = true;
  }
  *stative_out = stative;
  return want_part;
}

/* Is word j, seen from word i, a closed-class word of part of speech
 * `code`: before i as chosen (the passes go left to right), after i by
 * its first closed-class reading (the most common). */
static bool S_closed_pos(const dg_gl_ctx *c, size_t i, size_t j, unsigned code) {
  if (j < i) return dg_gl_pos_is(&c->s->tokens[j], code);
  const dg_gl_word *o = &c->w[j];
  return o->ncl && o->cl[0].pos && dg_lexicon_ud_code(o->cl[0].pos) == code;
}

/* Is word i, spelt like both a participle and a finite verb of another
 * verb (gefällt: fällen's participle, gefallen's 3SG present), the only
 * verb of its clause, with a noun or pronoun there that can be its
 * subject?  A participle needs an auxiliary (hat … gefällt, wurde
 * gefällt: S_want_participle) or an attributive place; a clause whose only
 * verb is the form has it finite: "Der Film gefällt mir" = please.PRS.3SG,
 * not hew.PTCP.  (Only another verb's finite form: "wie berichtet", the
 * participle and the 3SG of one verb, is left to the other rules.  Out of
 * line: asked of the few words with both readings.) */
static __attribute__((noinline)) bool S_finite_alone(const dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  const char *part = NULL, *fin = NULL;
  for (size_t k = 0; k < w->nan; k++) {
    if (!(w->fb[k] & (DG_GL_P_VERB | DG_GL_P_AUX))) continue;
    if ((w->fb[k] & DG_GL_F_PART) && !part) part = w->an[k].lemma;
    if ((w->fb[k] & DG_GL_F_FIN) && !fin) fin = w->an[k].lemma;
  }
  if (!part || !fin || dg_gl_eq(part, fin)) return false;
  const dg_dsentence *s = c->s;
  size_t a = dg_gl_cstart(c, i), b = dg_gl_cend(c, i);
  /* (a noun phrase after a preposition is its object, not a subject: "Der
   * Baum, gefällt vom Sturm, …" = felled; in_pp until the phrase's noun) */
  bool subject = false, in_pp = false;
  for (size_t j = a; j < b; j++) {
    if (j == i) continue;
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *o = &c->w[j];
    if (t->kind == DG_KIND_NAME) {
      subject = subject || !in_pp;
      in_pp = false;
    }
    if (t->kind != DG_KIND_WORD) continue;
    /* another verb of the clause: an auxiliary, or a lower-case finite
     * verb (a capitalised word is a noun) */
    if (dg_gl_is(o, DG_WC_AUX_FINITE | DG_WC_AUX) || S_closed_pos(c, i, j, DG_UD_AUX)) return false;
    if (o->nan && !dg_gl_is_upper_initial(t->form) && dg_gl_an_pos(o, 0, DG_GL_P_VERB | DG_GL_P_AUX) &&
        dg_gl_an_feat(o, 0, DG_GL_F_FIN))
      return false;
    if (S_closed_pos(c, i, j, DG_UD_ADP)) {
      in_pp = true;
    } else if (S_closed_pos(c, i, j, DG_UD_PRON) || (o->nan && dg_gl_an_pos(o, 0, DG_GL_P_NOUN | DG_GL_P_PROPN))) {
      /* a subject: a noun or name, or a pronoun, not in a prepositional
       * phrase */
      subject = subject || !in_pp;
      in_pp = false;
    }
  }
  return subject;
}

/* Is word i an adjective that is also the first part of particle verbs
 * (its adjective reading's lemma of word class verb-particle: bekannt, as
 * in bekannt geben, bekannt werden, bekannt sein), spelt like another
 * verb's form (bekennen: bekannt, bekannte; not a verb made of the
 * adjective, whose lemma begins with it: bereiten, "Anwälte bereiten …
 * vor")?  That adjective is meant
 * ("wurde bekannt" = became known, "die als … bekannte Band" = known), not
 * the verb, unless a reflexive pronoun stands in the clause: bekennen is
 * used with one ("hat sich zu dem Anschlag bekannt", "bekannte sich
 * schuldig").  Returns the adjective reading, or -1.  (Out of line: asked
 * of the words with an adjective and a verb reading.) */
static __attribute__((noinline)) int S_particle_adjective(const dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  int adj = -1;
  /* (an adjective spelt like the form has the classes the look-up pass
   * read of it; an inflected one is looked up only before a noun, the
   * place an inflected adjective has: "bekannte Vulkan") */
  const dg_dsentence *s = c->s;
  bool noun_next = i + 1 < s->ntokens && s->tokens[i + 1].kind == DG_KIND_WORD &&
                   dg_gl_is_upper_initial(s->tokens[i + 1].form);
  for (size_t k = 0; k < w->nan && adj < 0; k++)
    if ((w->fb[k] & DG_GL_P_ADJ) &&
        ((w->fb[k] & DG_GL_P_LEMMA_LOWER) ? dg_gl_is(w, DG_WC_VERB_PARTICLE)
                                          : noun_next && dg_lexicon_is(c->lex, w->an[k].lemma, DG_WC_VERB_PARTICLE)))
      adj = (int)k;
  if (adj < 0) return -1;
  const char *al = w->an[adj].lemma;
  size_t an = strlen(al);
  bool other = false;
  for (size_t k = 0; k < w->nan && !other; k++)
    other = (w->fb[k] & DG_GL_P_VERB) && strncmp(w->an[k].lemma, al, an) != 0;
  if (!other) return -1;
  for (size_t j = dg_gl_cstart(c, i), b = dg_gl_cend(c, i); j < b; j++)
    if (j != i && S_reflexive(&c->w[j])) return -1;
  return adj;
}

/* Does the clause before word i show gehören's dative object, "belong to":
 * a personal or relative pronoun read as dative that has no accusative
 * reading (mir, ihm, ihnen, dem; not uns, which may be the object: "hat
 * uns gehört" = heard us), not after a preposition ("von ihm gehört") nor
 * of the person of the clause's subject pronoun (then it is reflexive:
 * "ich habe mir gedacht" = thought); or "zu" before a plural article
 * ("hat zu den Gewinnern gehört" = was among; not "zu der Zeit").  (Of
 * the ge- verbs of S_simple_participle only gehören takes either.) */
static bool S_dative_object_before(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  for (size_t j = dg_gl_cstart(c, i); j < i; j++) {
    const dg_gl_word *o = &c->w[j];
    if (dg_gl_is_zu(o->lower) && dg_gl_pos_is(&s->tokens[j], DG_UD_ADP) && j + 1 < i && c->w[j + 1].closed >= 0 &&
        DG_LB_POS(c->w[j + 1].closed_labels) == DG_UD_DET && (c->w[j + 1].closed_labels & DG_LB_PL))
      return true;
    if (o->closed < 0 || DG_LB_POS(o->closed_labels) != DG_UD_PRON || !(o->closed_labels & DG_LB_DAT)) continue;
    if (j > 0 && dg_gl_pos_is(&s->tokens[j - 1], DG_UD_ADP)) continue;
    bool acc = false;
    for (size_t k = 0; k < o->ncl && !acc; k++) acc = (o->cl[k].bits & DG_LB_ACC) != 0;
    if (acc) continue;
    if (dg_gl_has_label(o->leipzig, "1SG") && S_has(c, i, S_I)) continue;
    if (dg_gl_has_label(o->leipzig, "2SG") && S_has(c, i, S_YOU)) continue;
    return true;
  }
  return false;
}

/* gefallen ("please") takes haben, fallen ("fall") takes sein, and their
 * participles are both "gefallen": for the ge- verbs of word class
 * ptcp-haben-verb the clause's finite auxiliary tells which verb's
 * participle the form is ("Was hat dir am meisten gefallen?" = please.PTCP,
 * "Er ist gefallen" = fall.PTCP).  Is the nearest finite auxiliary (word
 * class aux-finite) before word i in its clause a form of haben: not of
 * sein (sein-form) nor of werden (its reading's lemma)? */
static bool S_haben_before(const dg_gl_ctx *c, size_t i) {
  for (size_t j = i, start = dg_gl_cstart(c, i); j-- > start;) {
    const dg_gl_word *o = &c->w[j];
    if (!dg_gl_is(o, DG_WC_AUX_FINITE)) continue;
    if (dg_gl_is(o, DG_WC_SEIN_FORM)) return false;
    return o->ncl && o->cl[0].lemma && !dg_gl_is_werden(o->cl[0].lemma);
  }
  return false;
}

/* German has verb pairs whose past participles are spelt alike: the simple
 * verb's ge- participle and the participle of a verb that begins with ge-
 * (which takes no second ge-): hören and gehören (gehört), brauchen and
 * gebrauchen (gebraucht), denken and gedenken (gedacht).  For the ge- verbs
 * of word class ptcp-simple-verb the form is far more often the simple
 * verb's: its participle reading takes the place of the ge- verb's among
 * the word's analyses ("hat das Lied gehört" = heard, "hat das Auto
 * gebraucht" = needed, "hat daran gedacht" = thought), unless the clause
 * shows gehören's dative object ("Das Buch hat mir gehört" = belonged:
 * S_dative_object_before).  Returns the simple verb's participle reading,
 * or -1; *ge gets the ge- verb's.  (Of a ge- verb of word class
 * ptcp-haben-verb, after a form of haben, the other way round: it returns
 * the ge- verb's reading, *ge the simple verb's.)  (Out of line: asked
 * of the words with participle readings.) */
static __attribute__((noinline)) int S_simple_participle(const dg_gl_ctx *c, size_t i, int *ge) {
  const dg_gl_word *w = &c->w[i];
  /* (two verbs' participle readings, or none: most participles have one) */
  size_t nverb_part = 0;
  for (size_t k = 0; k < w->nan; k++) nverb_part += (w->fb[k] & DG_GL_F_PART) && (w->fb[k] & DG_GL_P_VERB);
  if (nverb_part < 2) return -1;
  for (size_t k = 0; k < w->nan; k++) {
    if (!(w->fb[k] & DG_GL_F_PART) || !(w->fb[k] & DG_GL_P_VERB)) continue;
    const char *gl = w->an[k].lemma;
    size_t gn = strlen(gl);
    for (size_t q = 0; q < w->nan; q++) {
      /* (the simple verb: the ge- verb's lemma without its first two letters) */
      if (q == k || !(w->fb[q] & DG_GL_F_PART) || !(w->fb[q] & DG_GL_P_VERB)) continue;
      const char *sl = w->an[q].lemma;
      if (gn < 4 || strlen(sl) + 2 != gn || strcmp(gl + 2, sl) != 0) continue;
      /* (gefallen: the auxiliary decides, S_haben_before; the ge- verb's
       * reading is the one lifted) */
      if (dg_lexicon_is(c->lex, gl, DG_WC_PTCP_HABEN_VERB)) {
        if (!S_haben_before(c, i)) return -1;
        *ge = (int)q;
        return (int)k;
      }
      if (!dg_lexicon_is(c->lex, gl, DG_WC_PTCP_SIMPLE_VERB) || S_dative_object_before(c, i)) return -1;
      *ge = (int)k;
      return (int)q;
    }
  }
  return -1;
}

/* Rank analyses in context: capitals outside sentence starts are nouns or
 * names; lower case is not a noun; after a determiner, a noun or adjective.
 * (Of a word with more than one analysis: dg_gl_pick_analysis.) */
/* A participle right after a comparison particle (word class
 * compar-particle: als, wie) and before a pause is an elliptic clause with
 * no subject of its own: "früher als erwartet." (expected), "wie
 * erwartet, ..."; not the finite verb (expect-PRS.3SG), which would need
 * its subject ("als er erwartet"). */
static bool S_participle_after_comparison(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  return i > 0 && dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_PARTICLE) &&
         (i + 1 >= s->ntokens || s->tokens[i + 1].kind == DG_KIND_PUNCT) && !dg_gl_is_upper_initial(s->tokens[i].form);
}

/* A noun's number after its article and adjectives: "die jungen Forscher"
 * (the.NOM.PL young researcher.PL), where the article's plural reading
 * (chosen by closed.c, agree.c dg_gl_zero_plural) is all that shows the
 * number of a noun whose plural has no ending.  DG_GL_F_PLUR when the
 * word before the noun at i is a lower-case adjective (up to three, and
 * numbers) after an article whose chosen reading is plural only, else 0.
 * Only where the plural is its first reading's own (not "mehrere
 * internationale Abkommen" = agreements read as Abkomme-n, descendants). */
static unsigned S_plural_article_over_adjectives(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  const dg_gl_word *w = &c->w[i];
  for (size_t k = 0; k < w->nan; k++)
    if (dg_gl_an_pos(w, k, DG_GL_P_NOUN | DG_GL_P_PROPN) && dg_gl_an_feat(w, k, DG_GL_F_PLUR) &&
        strcmp(w->an[k].lemma, w->an[0].lemma) != 0)
      return 0;
  for (size_t j = i; j-- > 0 && j + 4 >= i;) {
    const dg_dtoken *t = &s->tokens[j];
    const dg_gl_word *a = &c->w[j];
    if (j + 1 < i && a->closed >= 0) {
      unsigned dl = a->closed_labels;
      return DG_LB_POS(dl) == DG_UD_DET && (dl & DG_LB_PL) && !(dl & DG_LB_SG) ? DG_GL_F_PLUR : 0u;
    }
    if (t->kind == DG_KIND_NUMBER && j + 1 < i) continue;
    if (dg_gl_is_upper_initial(t->form) || !dg_gl_adjective_word(c, j)) return 0;
  }
  return 0;
}

int dg_gl_pick_among_analyses(dg_gl_ctx *c, size_t i) {
  dg_gl_word *w = &c->w[i];
  const dg_dsentence *s = c->s;
  /* What the readings are, from the feature bits the look-up pass read
   * once: a context a rule below looks for is sought only when some
   * reading is of the kind the rule scores (an infinitive, a participle
   * or an adjective spelt like the form). */
  const unsigned *fb = w->fb;
  bool has_inf = dg_gl_any_an(w, DG_GL_F_INF), has_part_or_adj = dg_gl_any_an(w, DG_GL_F_PART);
  /* (an adjective reading and a reading spelt like the form: the same one?) */
  if (!has_part_or_adj && dg_gl_any_an(w, DG_GL_P_ADJ) && dg_gl_any_an(w, DG_GL_P_LEMMA_LOWER))
    for (size_t k = 0; k < w->nan && !has_part_or_adj; k++)
      has_part_or_adj = (fb[k] & DG_GL_P_ADJ) && (fb[k] & DG_GL_P_LEMMA_LOWER);
  bool cap = dg_gl_is_upper_initial(s->tokens[i].form);
  /* (an article before a lower-case word counts only when a noun follows:
   * "das große Haus", not "Das bestimmt er") */
  /* (the chosen reading's part of speech and labels: closed.c's bits) */
  bool prev_det = i > 0 && c->w[i - 1].closed >= 0 && DG_LB_POS(c->w[i - 1].closed_labels) == DG_UD_DET &&
                  (cap || (i + 1 < s->ntokens && dg_gl_is_upper_initial(s->tokens[i + 1].form)) ||
                   (i + 2 < s->ntokens && dg_gl_is_upper_initial(s->tokens[i + 2].form)));
  /* An infinitive after "zu", or closing a clause opened by a verb that
   * governs a bare infinitive (word class bare-inf: a modal, "werden",
   * "lassen": "werden … ein Telefongespräch führen"). */
  bool want_inf = has_inf && i > 0 && dg_gl_is_zu(c->w[i - 1].lower);
  /* "… werden könnte": an infinitive before a clause-final modal. */
  if (has_inf && !want_inf && i + 1 < s->ntokens && dg_gl_cend(c, i + 1) == i + 2 && c->w[i + 1].nan &&
      S_bare_inf(c, i + 1, 0, c->w[i + 1].an[0].lemma))
    want_inf = true;
  /* A participle or, after "sein", an adjective (S_want_participle). */
  bool want_part = false, stative = false;
  if (has_part_or_adj) want_part = S_want_participle(c, i, cap, &stative);
  if (has_part_or_adj && !want_part) want_part = S_participle_after_comparison(c, i);
  /* A lower-case word before a noun is attributive: adjective or participle;
   * also before a coordinating conjunction (conj-coord) or "," and another
   * such word ("auf vereisten und verschneiten Straßen"). */
  /* (asked only of a word with a reading the rule scores: an adjective,
   * a participle or a finite verb; fb_any, what some reading is) */
  bool attr_asked = dg_gl_any_an(w, DG_GL_P_ADJ | DG_GL_F_PART | DG_GL_F_FIN);
  size_t nn = i + 1;
  if (attr_asked && nn + 2 < s->ntokens &&
      (dg_gl_is(&c->w[nn], DG_WC_CONJ_COORD) || dg_gl_eq(s->tokens[nn].form, ",")) &&
      !dg_gl_is_upper_initial(s->tokens[nn + 1].form) && s->tokens[nn + 1].kind == DG_KIND_WORD) {
    bool adj = false;
    for (size_t a = 0; a < c->w[nn + 1].nan && !adj; a++)
      adj = dg_gl_an_pos(&c->w[nn + 1], a, DG_GL_P_ADJ) || dg_gl_an_feat(&c->w[nn + 1], a, DG_GL_F_PART);
    if (adj) nn += 2;
  }
  bool attributive = attr_asked && !cap && i > 0 && nn < s->ntokens && s->tokens[nn].kind == DG_KIND_WORD &&
                     dg_gl_is_upper_initial(s->tokens[nn].form) && !c->w[nn].initial &&
                     (dg_gl_pos_is(&s->tokens[i - 1], DG_UD_DET) || dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADP) ||
                      dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADJ) || dg_gl_pos_is(&s->tokens[i - 1], DG_UD_NUM) ||
                      dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADV));
  if (has_inf && !want_inf) {
    size_t end = dg_gl_cend(c, i), start = dg_gl_cstart(c, i);
    if (end == i + 1 || (end == i + 2 && c->w[i + 1].nan &&
                         (dg_gl_is_werden(c->w[i + 1].an[0].lemma) || dg_gl_an_pos(&c->w[i + 1], 0, DG_GL_P_AUX))))
      for (size_t j = start; j < i && !want_inf; j++)
        if (S_token_bare_inf(c, j)) want_inf = true;
  }
  /* The first word of a sentence before a noun: written with a capital
   * whatever it is, so an inflected adjective reading is as good as a
   * noun ("Junge Menschen wollen …": young, not boy). */
  /* (of a word with an adjective reading: the rule scores no other) */
  bool initial_attr = cap && w->initial && dg_gl_any_an(w, DG_GL_P_ADJ) && i + 1 < s->ntokens &&
                      s->tokens[i + 1].kind == DG_KIND_WORD && dg_gl_is_upper_initial(s->tokens[i + 1].form) &&
                      c->w[i + 1].nan && dg_gl_an_pos(&c->w[i + 1], 0, DG_GL_P_NOUN);
  /* (a place the names list gives: the place's own reading) */
  int place = cap ? S_place_reading(c, i) : -1;
  int best = 0;
  double best_score = -1e9;
  bool degree_before = false;
  /* (word class degree-adv: ganz, sehr, zu ...) */
  if (i > 0 && !cap && dg_gl_any_an(w, DG_GL_P_ADJ)) degree_before = dg_gl_is(&c->w[i - 1], DG_WC_DEGREE_ADV);
  bool has_fin = dg_gl_any_an(w, DG_GL_F_FIN); /* a finite verb reading ("Das bestimmt er") */
  /* What the rules below ask of an analysis's bits (fb[k]) where the
   * context lets them score, 0 where it does not: worked out once for all
   * the word's analyses. */
  /* (the article's number: dem Präsidenten) */
  unsigned det_number = 0;
  if (prev_det) {
    unsigned dl = c->w[i - 1].closed_labels;
    det_number = (dl & DG_LB_PL ? DG_GL_F_PLUR : 0u) | (dl & DG_LB_SG ? DG_GL_F_SING : 0u);
  } else if (cap && i > 1 && dg_gl_any_an(w, DG_GL_F_PLUR)) {
    det_number = S_plural_article_over_adjectives(c, i);
  }
  unsigned inf_wanted = want_inf ? DG_GL_F_INF : 0u;
  /* (an infinitive nothing licenses, inside its clause) */
  unsigned inf_unlicensed = has_inf && !want_inf && dg_gl_cend(c, i) > i + 1 && !cap ? DG_GL_F_INF : 0u;
  unsigned part_wanted = want_part ? DG_GL_F_PART : 0u;
  unsigned after_degree = degree_before ? DG_GL_P_ADJ : 0u;
  unsigned attr_fits = attributive ? DG_GL_P_ADJ | DG_GL_F_PART : 0u, attr_finite = attributive ? DG_GL_F_FIN : 0u;
  /* (the finite reading of a form that is also another verb's participle,
   * alone in its clause: S_finite_alone) */
  unsigned fin_alone =
      has_fin && has_part_or_adj && !want_part && !attributive && S_finite_alone(c, i) ? DG_GL_F_FIN : 0u;
  unsigned verb_rules = inf_wanted | inf_unlicensed | part_wanted | fin_alone, attr_rules = after_degree | attr_fits | attr_finite;
  /* (of a word with a preposition reading) */
  bool pause_next = dg_gl_any_an(w, DG_GL_P_ADP) && (i + 1 >= s->ntokens || s->tokens[i + 1].kind == DG_KIND_PUNCT);
  unsigned adp_before_pause = pause_next ? DG_GL_P_ADP : 0u;
  /* (a present participle reading: "ist entscheidend") */
  bool pres = false;
  if (want_part && stative)
    for (size_t q = 0; q < w->nan; q++) pres = pres || ((fb[q] & DG_GL_F_PART) && (fb[q] & DG_GL_F_PRES));
  /* (no noun after a lower-case word that has a comparative reading) */
  bool compar_alone = false;
  if (!cap && i + 1 < s->ntokens && dg_gl_any_an(w, DG_GL_F_CMP)) {
    const dg_dtoken *nt = &s->tokens[i + 1];
    bool noun_next = nt->kind == DG_KIND_WORD && (dg_gl_is_upper_initial(nt->form) ||
                                                 (c->w[i + 1].nan && dg_gl_an_pos(&c->w[i + 1], 0, DG_GL_P_ADJ)));
    compar_alone = !noun_next;
  }
  /* (an adjective that is also a verb particle, where a verb reading
   * could win: a participle wanted, or a finite reading; S_particle_adjective) */
  int particle_adj = -1;
  if ((want_part || has_fin) && dg_gl_any_an(w, DG_GL_P_ADJ) && dg_gl_any_an(w, DG_GL_P_VERB) && (!cap || w->initial))
    particle_adj = S_particle_adjective(c, i);
  if (particle_adj >= 0) attr_rules |= DG_GL_P_ADJ;
  /* (the simple verb's participle in the ge- verb's place: S_simple_participle;
   * lifted just above that reading's score) */
  int simple = -1, ge = -1;
  double simple_lift = 0;
  if (dg_gl_any_an(w, DG_GL_F_PART) && (simple = S_simple_participle(c, i, &ge)) >= 0) {
    simple_lift = (w->an[ge].score - 0.001 * ge) - (w->an[simple].score - 0.001 * simple) + 0.01;
    verb_rules |= DG_GL_F_PART; /* (asked below with the rules of verb forms) */
  }
  signed char seen[4] = {-1, -1, -1, -1};
  bool subjects_asked = false; /* (S_no_subjects) */
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    unsigned f = fb[k];
    double sc = a->score - (k < DG_GL_MAX_AN ? S_rank_penalty[k] : 0.001 * (double)k);
    bool noun = (f & (DG_GL_P_NOUN | DG_GL_P_PROPN)) != 0;
    bool adj = (f & DG_GL_P_ADJ) != 0;
    /* (an inflected adjective, its features naming its case: read where a
     * rule below asks) */
    bool adj_case = adj && (initial_attr || ((f & DG_GL_F_POS) && !cap)) && (f & DG_GL_F_CASE);
    if (cap) {
      if (!w->initial) sc += noun ? 2 : -1;
      if ((int)k == place) sc += 3;
    } else if (noun) {
      sc -= 2;
    }
    if (prev_det) sc += (noun || adj) ? 1 : -0.5;
    /* Number agrees with the article ("dem Präsidenten": singular). */
    if (noun && (f & det_number)) sc += 0.5;
    /* Verb forms the syntax demands outweigh agreement guesses. */
    if (f & verb_rules) {
      if (f & inf_wanted) sc += 3;
      /* An infinitive nothing licenses, inside its clause, is the finite
       * form ("Seine Truppen versuchen derweil, …"). */
      if (f & inf_unlicensed) sc -= 1;
      if (f & part_wanted) sc += 2;
      /* A participle needs an auxiliary: alone in its clause the form is
       * finite ("Der Film gefällt mir"). */
      if (f & fin_alone) sc += 1;
      /* the simple verb's participle in the ge- verb's place (gehört: hear) */
      if ((int)k == simple && simple_lift > 0) sc += simple_lift;
    }
    if (adj && (f & DG_GL_P_LEMMA_LOWER)) {
      /* After "sein" an adjective spelt like the form is the state (ist
       * bekannt: known, not confessed). */
      /* (against a present participle always: "ist entscheidend" =
       * decisive; against a past participle only on a tie: "sind bekannt"
       * = known, but "gezwungen sein" = forced, not the adjective
       * "constrained") */
      if (want_part && stative) sc += pres ? 3.5 : 2.1;
      /* Without an auxiliary, an adjective spelt like the form breaks a
       * tie with the participle (bekannt: known). */
      if (!want_part && !has_fin) sc += 0.1;
    }
    if (f & attr_rules) {
      /* bekannt: known, not bekennen's participle or past (S_particle_adjective) */
      if ((int)k == particle_adj) sc += 2.5;
      /* after a degree word an adjective ("ganz bestimmt", "sehr bekannt") */
      if (f & after_degree) sc += 1.5;
      if (f & attr_fits) sc += 1;
      if (f & attr_finite) sc -= 1;
    }
    if (initial_attr && adj_case) sc += 1;
    /* A preposition needs its noun phrase after it: none before a pause
     * ("Er sprach laut.": loud). */
    if (f & adp_before_pause) sc -= 5;
    /* An inflected adjective needs a noun after it; used on its own
     * ("äußerte sich vorsichtiger") the -er form is the comparative. */
    if (adj_case && (f & DG_GL_F_POS) && compar_alone) sc -= 1.5;
    /* Person agrees with a pronoun subject in the clause ("wir kommen",
     * "das Gespräch werde": not 1SG without "ich"); the pronouns by their
     * closed-class labels (ich PRS.1SG.NOM, wir PRS.1PL.NOM ...). */
    if ((f & DG_GL_F_FIN)) {
      if (!subjects_asked) S_no_subjects(c, i, seen);
      subjects_asked = true;
      bool p1 = (f & DG_GL_F_P1), p2 = (f & DG_GL_F_P2);
      bool pl = (f & DG_GL_F_PLUR);
      int need = p1 ? (pl ? S_SUBJ_WE : S_SUBJ_I) : p2 ? (pl ? S_SUBJ_YOU_PL : S_SUBJ_YOU) : -1;
      if (need >= 0) sc += S_subject(c, i, seen, need) ? 1.5 : -1.5;
      else if (pl && S_subject(c, i, seen, S_SUBJ_WE)) sc -= 1;
      /* a 3rd person singular with ich/wir/du/ihr as the clause's subject
       * ("werden wir ganz bestimmt …": not "determines") */
      else if (!pl && (S_subject(c, i, seen, S_SUBJ_WE) || S_subject(c, i, seen, S_SUBJ_I) ||
                       S_subject(c, i, seen, S_SUBJ_YOU)))
        sc -= 1;
    }
    if (sc > best_score) {
      best_score = sc;
      best = (int)k;
    }
  }
  return best;
}
