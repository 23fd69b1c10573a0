/* Context rules run after every word has its reading: "werden" is future,
 * passive or "become" by the verb form closing its clause; "als" is than,
 * when or as; "sich" agrees with its subject (themselves, himself, itself);
 * a relative pronoun after a noun naming no person is "which"; "weniger"
 * before a plural noun is "fewer"; ", darunter" before a noun phrase is
 * "including"; an adjective's gloss drops its article;
 * "gibt es" inverted is "there is".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "word.h"

/* Is word j read as an adjective (its chosen reading: analysis.c), so that
 * it is werden's predicative, not a passive's participle or a future's
 * infinitive?  "Es wurde ebenfalls bekannt, dass …" = became known, "ist
 * bekannt geworden" = has become known, "nicht zu heiß wird" = becomes
 * hot, while "wurde bekannt gegeben" is the passive of bekannt geben.  An
 * adjective spelt like a past participle counts only when it is also a verb
 * particle (word class verb-particle: bekannt, which analysis.c chose
 * against bekennen's participle, S_particle_adjective); another such one
 * may be the participle read wrongly ("zu Gebäck verkocht werden" =
 * overcooked, passive). */
static bool S_predicative_adjective(const dg_gl_ctx *c, size_t j) {
  const dg_dtoken *t = &c->s->tokens[j];
  const dg_gl_word *w = &c->w[j];
  if (!dg_gl_pos_is(t, DG_UD_ADJ)) return false;
  bool past_part = false;
  for (size_t k = 0; k < w->nan && !past_part; k++)
    past_part = (w->fb[k] & DG_GL_F_PART) && !(w->fb[k] & DG_GL_F_PRES);
  return !past_part || (t->lemma && dg_gl_eq(w->lower, t->lemma) && dg_gl_is(w, DG_WC_VERB_PARTICLE));
}

/* Is the closest verb form in the clause of i a participle (passive) or an
 * infinitive (future)?  'p', 'i' or 0 (become).  An adjective's chosen
 * reading is no verb form (S_predicative_adjective). */
static int S_werden_kind(dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t end = dg_gl_cend(c, i), start = dg_gl_cstart(c, i);
  /* Verb-final clause: the form right before werden; an adjective there is
   * its predicative, when werden closes the clause, or only a verb follows
   * it there ("…, die als … bekannt wurde, um …" = became known; "größer
   * werden können"; not "Landesweit werden viele …", where it is the
   * first field). */
  if (i > start && (end == i + 1 || (end == i + 2 && c->w[i + 1].nan &&
                                         dg_gl_an_pos(&c->w[i + 1], 0, DG_GL_P_VERB | DG_GL_P_AUX))) &&
      S_predicative_adjective(c, i - 1))
    return 0;
  if (i > start) {
    dg_gl_word *p = &c->w[i - 1];
    for (size_t k = 0; k < p->nan && k < 3; k++) {
      if (dg_gl_an_feat(p, k, DG_GL_F_PART)) return 'p';
      if (dg_gl_an_feat(p, k, DG_GL_F_INF)) return 'i';
    }
  }
  for (int pass = 0; pass < 2; pass++) {
    /* First the clause; then, past commas (an inserted phrase), up to the
     * end of the sentence. */
    if (pass == 1) {
      end = i + 1;
      while (end < s->ntokens && end - i < DG_GL_WINDOW) {
        const dg_dtoken *b = &s->tokens[end];
        if (b->kind == DG_KIND_PUNCT && (dg_gl_eq(b->form, ".") || dg_gl_eq(b->form, ";") || dg_gl_eq(b->form, ":") ||
                                         dg_gl_eq(b->form, "?") || dg_gl_eq(b->form, "!")))
          break;
        end++;
      }
    }
    for (size_t j = end; j-- > i + 1;) {
      dg_gl_word *p = &c->w[j];
      if (p->nan == 0 || s->tokens[j].kind == DG_KIND_PUNCT || S_predicative_adjective(c, j)) continue;
      for (size_t k = 0; k < p->nan && k < 3; k++) {
        if (dg_gl_an_feat(p, k, DG_GL_F_PART)) return 'p';
        if (dg_gl_an_feat(p, k, DG_GL_F_INF) && !dg_gl_is_upper_initial(s->tokens[j].form)) return 'i';
      }
      if (dg_gl_eq(p->an[0].pos, "VERB") || dg_gl_eq(p->an[0].pos, "AUX")) break;
    }
  }
  return 0;
}

/* Has w a closed-class reading with this Leipzig label (lexicon.h
 * DG_LB_*: the labels as the lexicon read them)? */
static bool S_closed_label(const dg_gl_word *w, unsigned label) {
  for (size_t k = 0; k < w->ncl; k++)
    if (w->cl[k].bits & label) return true;
  return false;
}

/* Do w's Leipzig labels hold this label (dg_gl_has_label)?  While they
 * are those of its chosen closed-class reading, the reading's bits
 * (closed.c) answer without the string being read. */
static bool S_leipzig_has(const dg_gl_word *w, unsigned bit, const char *label) {
  if (w->closed >= 0 && w->leipzig == w->cl[w->closed].labels) return (w->closed_labels & bit) != 0;
  return dg_gl_has_label(w->leipzig, label);
}

/* (a form of werden, word i: out of line, the loop over the other words
 * asks only their lemma) */
static __attribute__((noinline)) void S_werden(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  int k = S_werden_kind(c, i);
  const char *g = k == 'p' ? "be" : k == 'i' ? "will" : "become";
  /* "würde", "würden": the conditional ("would"), not the future (a
   * subjunctive II reading of the morphology or of closed-class.tsv). */
  /* (the past tense told by the analysis's bits first: most forms of
   * werden read are present, and their features are not searched) */
  bool sbjv2 = false;
  for (size_t a = 0; a < c->w[i].nan && !sbjv2; a++)
    sbjv2 = dg_gl_an_feat(&c->w[i], a, DG_GL_F_PAST) && dg_gl_feat(c->w[i].an[a].feats, "Mood=Sub");
  if (sbjv2 || S_closed_label(&c->w[i], DG_LB_SBJV2)) {
    g = k == 'p' ? "would be" : k == 'i' ? "would" : "would become";
    dg_gl_promote(d, t, g);
    dg_gl_set_pos(t, k ? "AUX" : "VERB");
    c->w[i].extra = k == 'p' ? "PASS" : NULL;
    return;
  }
  dg_gl_promote(d, t, g);
  dg_gl_set_pos(t, k ? "AUX" : "VERB");
  if (k == 'p') c->w[i].extra = "PASS";
  else if (k == 'i') c->w[i].extra = "FUT";
  /* The future is in the gloss ("will"); present tense would mislead. */
  if (k == 'i' && c->w[i].leipzig) {
    dg_buf b;
    dg_buf_init(&b);
    char *copy = dg_xstrdup(c->w[i].leipzig), *save = NULL;
    for (char *p = strtok_r(copy, ".", &save); p; p = strtok_r(NULL, ".", &save)) {
      if (!strcmp(p, "PRS") || !strcmp(p, "INF")) continue;
      if (b.len) dg_buf_putc(&b, '.');
      dg_buf_puts(&b, p);
    }
    free(copy);
    c->w[i].leipzig = dg_mem_strdup(&d->arena, b.data ? b.data : "");
    dg_buf_free(&b);
    c->w[i].extra = NULL;
  }
}

/* werden: future, passive or become. */
void dg_gl_werden(dg_doc *d, dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  /* (the tokens walked in turn: no call changes the array) */
  const dg_dtoken *t = s->tokens;
  for (size_t i = 0, n = s->ntokens; i < n; i++, t++)
    if (dg_gl_is_werden(t->lemma)) S_werden(d, c, i);
}

static bool S_promote_alt(dg_doc *d, dg_dtoken *t, const char *g) {
  for (size_t k = 0; k < t->nglosses; k++)
    if (strcmp(t->glosses[k], g) == 0) {
      dg_gl_promote(d, t, g);
      return true;
    }
  return false;
}

static bool S_finite(const dg_gl_word *w, const dg_dtoken *t) {
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return false;
  return w->nan && dg_gl_an_feat(w, 0, DG_GL_F_FIN) && !dg_gl_eq(w->an[0].pos, "ADJ");
}

/* "als": "than" after a comparative (or a word of class compar-word: mehr,
 * anders, lieber; at a distance compar-det: mehr, weniger), "when" opening a clause with a finite verb ("Als er kam,
 * …", also after a word of class als-when: "und als", "erst als"), else
 * "as" before a noun phrase or adjective ("als Sicherheitsgarantie", "als
 * unannehmbar") and in the pairs of class als-fixed ("als ob", "als auch"). */
static __attribute__((noinline)) void S_als(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  const char *g = "as";
  if (i > 0 && c->w[i - 1].nan &&
      (dg_gl_an_feat(&c->w[i - 1], 0, DG_GL_F_CMP) ||
       dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_WORD)))
    g = "than";
  else {
    /* A comparative earlier in the clause: "mehr Afroamerikaner … als Kanada". */
    size_t start = dg_gl_cstart(c, i);
    for (size_t j = i; j-- > start && i - j <= 10;)
      if (dg_gl_is(&c->w[j], DG_WC_COMPAR_DET) ||
          (c->w[j].nan && dg_gl_eq(c->w[j].an[0].pos, "ADJ") && dg_gl_an_feat(&c->w[j], 0, DG_GL_F_CMP)))
        g = "than";
  }
  if (!dg_gl_eq(g, "than")) {
    size_t start = dg_gl_cstart(c, i), end = dg_gl_cend(c, i);
    bool opens = i == start || c->w[i].initial || dg_gl_is(&c->w[i - 1], DG_WC_ALS_WHEN);
    bool verb = false;
    for (size_t j = i + 1; j < end && !verb; j++) verb = S_finite(&c->w[j], &s->tokens[j]);
    if (opens && verb && !(i + 1 < end && dg_gl_is(&c->w[i + 1], DG_WC_ALS_FIXED)))
      g = "when";
  }
  S_promote_alt(d, t, g);
}

/* The number of the finite verb of the clause around i: 1 plural, 0
 * singular, -1 unknown. */
static int S_clause_number(const dg_gl_ctx *c, size_t i) {
  size_t start = dg_gl_cstart(c, i), end = dg_gl_cend(c, i);
  for (size_t dist = 1; dist < DG_GL_WINDOW; dist++) {
    size_t js[2] = {i >= dist ? i - dist : (size_t)-1, i + dist};
    bool any = false;
    for (int q = 0; q < 2; q++) {
      size_t j = js[q];
      if (j == (size_t)-1 || j < start || j >= end) continue;
      any = true;
      const dg_dtoken *t = &c->s->tokens[j];
      if (!dg_gl_pos_is(t, DG_UD_VERB) && !dg_gl_pos_is(t, DG_UD_AUX)) continue;
      /* (the verb's features as bits, word.h dg_gl_tok_feat_bits) */
      unsigned vf = dg_gl_tok_feat_bits(&c->w[j], t->feats);
      if (vf & DG_GL_F_FIN) return (vf & DG_GL_F_PLUR) ? 1 : 0;
    }
    if (!any) break;
  }
  return -1;
}

/* A noun naming people (word class person-noun or role-noun, also at the
 * end of a compound: Mensch, Bürgerin, Außenminister): a relative pronoun
 * after it is "who". */
static bool S_person_noun(const dg_gl_ctx *c, const char *lemma, bool masc) {
  if (!lemma || !*lemma) return false;
  /* (the lemma lowered once for both classes: dg_gl_role_noun's, then
   * person-noun's) */
  char *l = dg_gl_lower(lemma);
  bool r = dg_lexicon_ends_in_class(c->lex, l, DG_WC_ROLE_NOUN);
  if (!r && masc) {
    /* Masculine nouns of persons: Weltmeister, Journalist, Präsident, Kollege. */
    static const char *const suf[] = {"meister", "ist", "ent", "ant", "eur", "loge", "nom", "krat"};
    size_t L = strlen(lemma);
    bool ment = L > 4 && (strcmp(lemma + L - 4, "ment") == 0 || strcmp(lemma + L - 4, "nent") == 0);
    for (size_t k = 0; k < DG_ARRAY_LEN(suf) && !ment && !r; k++) {
      size_t n = strlen(suf[k]);
      r = L > n + 2 && strcmp(lemma + L - n, suf[k]) == 0;
    }
  }
  if (!r) r = dg_lexicon_ends_in_class(c->lex, l, DG_WC_PERSON_NOUN);
  free(l);
  return r;
}

/* "sich": a reflexive pronoun agreeing with the subject (plain style:
 * "themselves", "himself", "herself", "itself"; Leipzig: REFL). */
static __attribute__((noinline)) void S_sich(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  int pl = S_clause_number(c, i);
  const char *g = NULL;
  if (pl == 1) g = "themselves";
  else if (pl == 0) {
    /* The 3rd person singular subject pronouns (er, sie, es, man) by their
     * closed-class labels, with their English reflexives. */
    static const struct {
      const char *labels, *refl;
    } pronouns[] = {{"PRS.3SG.M.NOM", "himself"},
                    {"PRS.3SG.F.NOM", "herself"},
                    {"PRS.3SG.N.NOM", "itself"},
                    {"INDF.NOM", "oneself"}};
    size_t start = dg_gl_cstart(c, i), end = dg_gl_cend(c, i);
    const char *pron = NULL;
    bool person = false, thing = false;
    for (size_t j = start; j < end && j < i + 4; j++) {
      if (j == i) continue;
      const char *refl = NULL;
      for (size_t k = 0; k < DG_ARRAY_LEN(pronouns) && !refl; k++)
        if (dg_gl_pronoun(&c->w[j], pronouns[k].labels)) refl = pronouns[k].refl;
      if (refl) {
        if (!pron) pron = refl;
      } else if (j < i && s->tokens[j].kind == DG_KIND_NAME) {
        if (!person && !thing) person = true;
      } else if (j < i && dg_gl_pos_is(&s->tokens[j], DG_UD_NOUN) && !thing && !person) {
        if (S_person_noun(c, s->tokens[j].lemma, dg_gl_feat(s->tokens[j].feats, "Gender=Masc"))) person = true;
        else if (!dg_gl_feat(s->tokens[j].feats, "Case=Gen") || dg_gl_feat(s->tokens[j].feats, "Case=Nom"))
          thing = true;
      }
    }
    if (pron) g = pron;
    else if (person) g = "himself/herself";
    else if (thing) g = "itself";
  }
  if (!g) return;
  dg_gl_promote(d, t, g);
  c->w[i].leipzig = pl == 1 ? "REFL.3PL" : "REFL.3SG";
}

/* Is the token glossed "who" or "whom" (a relative pronoun S_relative may
 * make "which")? */
static bool S_who(const dg_dtoken *t) { return dg_gl_eq(t->gloss, "who") || dg_gl_eq(t->gloss, "whom"); }

/* A relative pronoun glossed "who" (S_who) after a noun that names no
 * person: "which" ("Nuancen, die …", "Forderungen gestellt, die …" looks
 * past the verb). */
static __attribute__((noinline)) void S_relative(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  bool comma = false;
  for (size_t j = i; j-- > 0 && i - j < 8;) {
    const dg_dtoken *a = &s->tokens[j];
    if (dg_gl_is_punct(a)) {
      if (dg_gl_eq(a->form, ",")) comma = true;
      continue;
    }
    if (!comma) return;
    if (a->kind == DG_KIND_NAME || dg_gl_pos_is(a, DG_UD_PROPN) || dg_gl_pos_is(a, DG_UD_PRON)) return;
    if (dg_gl_pos_is(a, DG_UD_NOUN)) {
      if (S_person_noun(c, a->lemma, dg_gl_feat(a->feats, "Gender=Masc"))) return;
      /* A prepositional phrase after a person ("Hegseth im vergangenen
       * Monat, der …"): the person is the antecedent. */
      size_t k = j;
      while (k > 0 && (dg_gl_pos_is(&s->tokens[k - 1], DG_UD_ADJ) || dg_gl_pos_is(&s->tokens[k - 1], DG_UD_DET) ||
                       dg_gl_pos_is(&s->tokens[k - 1], DG_UD_NUM)))
        k--;
      if (k > 1 && dg_gl_pos_is(&s->tokens[k - 1], DG_UD_ADP)) {
        const dg_dtoken *p = &s->tokens[k - 2];
        if (p->kind == DG_KIND_NAME || dg_gl_pos_is(p, DG_UD_PROPN) ||
            (dg_gl_pos_is(p, DG_UD_NOUN) && S_person_noun(c, p->lemma, dg_gl_feat(p->feats, "Gender=Masc"))))
          return;
      }
      S_promote_alt(d, t, "which");
      return;
    }
    /* A clause-final verb between the noun and the comma. */
    if (!(dg_gl_pos_is(a, DG_UD_VERB) || dg_gl_pos_is(a, DG_UD_AUX))) return;
  }
}

/* Closed-class and small-word glosses that depend on what follows. */
/* A verb that opens a statement or command with no subject in its
 * clause ("Tippe auf den Knopf.", "Gehe zurück zum Start", "Sei still!",
 * "Bitte gehe jetzt") is the imperative singular, not the subjunctive I of
 * reported speech, which needs its third-person subject ("er gehe", "man
 * nehme", "es lebe"); the -e imperative and "sei" are spelt as that form.
 * Not in a question ("Gehe ich?": the subject follows).  (Asked of a
 * verb at i, out of line: most words are none.) */
static __attribute__((noinline)) void S_imperative(dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  /* first in its sentence, after a colon, or after "bitte" there (asked
   * before the features: most verbs stand elsewhere) */
  size_t k = i;
  if (k > 0 && dg_gl_eq(c->w[k - 1].lower, "bitte")) k--;
  if (!(c->w[k].initial || (k > 0 && dg_gl_eq(s->tokens[k - 1].form, ":")))) return;
  if (!dg_gl_feat(t->feats, "Mood=Sub") || !dg_gl_feat(t->feats, "Tense=Pres") || !dg_gl_feat(t->feats, "Person=3") ||
      dg_gl_feat(t->feats, "Number=Plur") || t->mwe >= 0)
    return;
  size_t end = dg_gl_cend(c, i);
  for (size_t j = i + 1; j < end; j++) {
    const dg_gl_word *w = &c->w[j];
    /* (the chosen reading's part of speech and labels: closed.c's bits) */
    if (w->is_closed && w->closed >= 0 && DG_LB_POS(w->closed_labels) == DG_UD_PRON &&
        (w->closed_labels & DG_LB_NOM))
      return;
  }
  for (size_t j = s->ntokens; j-- > i + 1;) {
    if (s->tokens[j].kind != DG_KIND_PUNCT) break;
    if (dg_gl_eq(s->tokens[j].form, "?")) return;
  }
  t->feats = "Mood=Imp|Number=Sing|Person=2|VerbForm=Fin";
  c->w[i].leipzig = "IMP.SG";
}

/* The rules about "als", "sich" and a relative pronoun, asked of a word
 * glossed as a function word (each rule out of line: most words are none
 * of these). */
static inline void S_function_word(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_gl_word *w = &c->w[i];
  /* (the rules above are about these two words) */
  if (dg_gl_eq(w->lower, "als")) S_als(d, c, i);
  else if (dg_gl_is_sich(w->lower)) S_sich(d, c, i);
  else if (S_leipzig_has(w, DG_LB_REL, "REL") && S_who(&c->s->tokens[i])) S_relative(d, c, i);
}

/* "weniger Wochen": before a plural noun "fewer", after a preposition "a
 * few" ("innerhalb weniger Wochen").  (Asked of a word before a noun.) */
static inline void S_fewer(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  /* (some analysis of the next word plural: the or of their bits) */
  bool plural_next = dg_gl_any_an(&c->w[i + 1], DG_GL_F_PLUR);
  if (plural_next && dg_gl_eq(t->gloss, "less"))
    dg_gl_promote(d, t, i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADP) ? "a few" : "fewer");
}

/* A noun after a possessive that names a relative or partner in one of
 * its senses (English word class en-relation: "seine Frau" = his wife,
 * "ihr Mann" = her husband) takes that sense; a noun right before a name
 * that names a kind of place in one of its senses (en-place-kind: "Schloss
 * Neuschwanstein" = castle, not lock) takes that one.  (Asked of a noun
 * at i > 0 with more than one gloss, out of line.) */
static __attribute__((noinline)) void S_noun_by_neighbour(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  const dg_gl_word *pw = &c->w[i - 1];
  bool poss = pw->is_closed && pw->closed >= 0 && (pw->closed_labels & DG_LB_POSS);
  const dg_dtoken *n = i + 1 < s->ntokens ? &s->tokens[i + 1] : NULL;
  bool before_name = n && n->kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(n->form) &&
                     (n->kind == DG_KIND_NAME || dg_gl_pos_is(n, DG_UD_PROPN) || (n->flags & DG_DF_GUESS) ||
                      !n->gloss || !n->gloss[0]);
  dg_word_class want = poss ? DG_WC_EN_RELATION : before_name ? DG_WC_EN_PLACE_KIND : 0;
  for (size_t k = 1; want && k < t->nglosses && k < 8; k++)
    if (dg_lexicon_is(c->lex, t->glosses[k], want)) {
      dg_gl_promote(d, t, t->glosses[k]);
      break;
    }
}

/* "darunter" right after a comma, before a noun phrase, names members of
 * the group just named: "mehr als 500 Strafgefangene, darunter einige der
 * gefährlichsten" = including (Ding: "darunter {conj} (Erwähnung eines
 * Beispiels) :: including"); elsewhere it stays the place ("darunter
 * liegt ein Keller" = underneath), and so before a verb (", darunter
 * waren zehn Kinder").  The words that do so are data (word class
 * including-adv); the gloss is the dictionary's conjunction sense of the
 * word.  A phrase begins with an article, number, adjective, noun, name,
 * pronoun or preposition, after "auch" or another adverb ("darunter auch
 * US-Präsident Donald Trump"), not with "zu" ("ohne darunter zu
 * leiden").  (Asked of a word of that class after a comma, out of line.) */
static __attribute__((noinline)) void S_including(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t j = i + 1;
  if (j < s->ntokens && dg_gl_pos_is(&s->tokens[j], DG_UD_ADV)) j++;
  if (j >= s->ntokens || s->tokens[j].kind == DG_KIND_PUNCT || dg_gl_is_zu(c->w[j].lower)) return;
  const dg_dtoken *n = &s->tokens[j];
  if (!(n->kind == DG_KIND_NAME || n->kind == DG_KIND_NUMBER || dg_gl_pos_is(n, DG_UD_DET) ||
        dg_gl_pos_is(n, DG_UD_NUM) || dg_gl_pos_is(n, DG_UD_ADJ) || dg_gl_pos_is(n, DG_UD_NOUN) ||
        dg_gl_pos_is(n, DG_UD_PROPN) || dg_gl_pos_is(n, DG_UD_PRON) || dg_gl_pos_is(n, DG_UD_ADP)))
    return;
  dg_sense sv[1];
  if (dg_lexicon_senses(c->lex, c->w[i].lower, "SCONJ", sv, 1) == 0 &&
      dg_lexicon_senses(c->lex, c->w[i].lower, "CCONJ", sv, 1) == 0)
    return;
  dg_dtoken *t = &s->tokens[i];
  dg_gl_promote(d, t, sv[0].gloss);
  if (sv[0].source) t->source = dg_doc_str(d, sv[0].source);
}

/* Can the verb at i open a statement or command (S_imperative's first
 * test, asked in line: first in its sentence, or after a colon or
 * "bitte")? */
static inline bool S_may_open(const dg_gl_ctx *c, size_t i) {
  return c->w[i].initial ||
         (i > 0 && (dg_gl_eq(c->s->tokens[i - 1].form, ":") || dg_gl_eq(c->w[i - 1].lower, "bitte")));
}

/* Has the noun at i a neighbour S_noun_by_neighbour asks about (asked in
 * line: a possessive before it, or a capitalised word after it)? */
static inline bool S_may_take_neighbour(const dg_gl_ctx *c, size_t i) {
  const dg_gl_word *pw = &c->w[i - 1];
  if (pw->is_closed && pw->closed >= 0 && (pw->closed_labels & DG_LB_POSS)) return true;
  const dg_dtoken *n = i + 1 < c->s->ntokens ? &c->s->tokens[i + 1] : NULL;
  return n && n->kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(n->form);
}

/* The rules above, each asked of the words it is about (told in the loop
 * by their part of speech or reading: the most words ask none). */
void dg_gl_context_words(dg_doc *d, dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  /* (the tokens and words walked side by side: no call changes the
   * arrays) */
  dg_dtoken *t = s->tokens;
  const dg_gl_word *w = c->w;
  for (size_t i = 0, n = s->ntokens; i < n; i++, t++, w++) {
    if (t->kind != DG_KIND_WORD) continue;
    if ((dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_pos_is(t, DG_UD_AUX)) && S_may_open(c, i)) S_imperative(c, i);
    if (w->is_closed) S_function_word(d, c, i);
    if (dg_gl_is(w, DG_WC_INCLUDING_ADV) && i > 0 && dg_gl_eq(t[-1].form, ",")) S_including(d, c, i);
    /* (the next word is asked first: the gloss string lies far off in
     * memory, and most words are not before a plural noun) */
    if (i + 1 < n && dg_gl_pos_is(t + 1, DG_UD_NOUN)) S_fewer(d, c, i);
    if (dg_gl_pos_is(t, DG_UD_NOUN) && t->nglosses > 1 && i > 0 && S_may_take_neighbour(c, i))
      S_noun_by_neighbour(d, c, i);
    /* An adjective's gloss carries no article of its own ("the past" ->
     * "past" in "in der vergangenen Woche"). */
    if (dg_gl_pos_is(t, DG_UD_ADJ) && t->gloss) {
      const char *g = t->gloss;
      /* (the articles told by their bytes: most glosses begin with none) */
      size_t skip = g[0] == 't' && g[1] == 'h' && g[2] == 'e' && g[3] == ' ' ? 4
                    : g[0] == 'a' && g[1] == ' '                        ? 2
                    : g[0] == 'a' && g[1] == 'n' && g[2] == ' '         ? 3
                                                                        : 0;
      if (skip && g[skip]) dg_gl_promote(d, t, g + skip);
    }
  }
}

/* "gibt es" after a fronted adverb or phrase, or opening a question
 * ("Im Anschluss gibt es Kaffee", "Gibt es Probleme?"): there is; not
 * with a subject of its own before it ("Er gibt es ihm"). */
void dg_gl_there_is(dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* (the tokens walked in turn: no call changes the array) */
  dg_dtoken *t = s->tokens;
  for (size_t i = 0; i + 1 < s->ntokens; i++, t++) {
    /* (the idiom "es gibt": these two words) */
    if (t->mwe >= 0 || !dg_gl_eq(t->lemma, "geben") || !dg_gl_feat(t->feats, "VerbForm=Fin") ||
        !dg_gl_eq(c->w[i + 1].lower, "es") || s->tokens[i + 1].mwe >= 0)
      continue;
    size_t cs = dg_gl_clause_start(s, i);
    bool ok = i == cs;
    if (!ok && (dg_gl_pos_is(&s->tokens[cs], DG_UD_ADP) || dg_gl_pos_is(&s->tokens[cs], DG_UD_ADV) ||
                dg_gl_pos_is(&s->tokens[cs], DG_UD_SCONJ))) {
      ok = true;
      for (size_t j = cs; j < i && ok; j++) /* no nominative subject before */
        if (dg_gl_pos_is(&s->tokens[j], DG_UD_PRON) && s->tokens[j].labels && strstr(s->tokens[j].labels, "NOM"))
          ok = false;
    }
    if (!ok) continue;
    dg_gl_promote(d, t, "there is");
    t->reason = "\"es gibt\" inverted: there is";
    dg_gl_names_changed(c, i); /* (a gloss the names pass asked about) */
  }
}
