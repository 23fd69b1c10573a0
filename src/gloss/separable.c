/* Separable verbs: the finite verb in first or second position and its
 * particle at the end of the clause are put back together ("stellte … klar"
 * -> klarstellen "clarify").  The joined lemma must be a known verb.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "word.h"

/* The first part of a particle verb standing at the clause end (word class
 * verb-particle: klar, bekannt, kennen ...). */
static bool S_particle(const dg_gl_word *w) { return dg_gl_is(w, DG_WC_VERB_PARTICLE); }

/* A clause ends here: punctuation (not an opening quote), a coordinating
 * conjunction (conj-coord, conj-coord-main), or the end of the sentence. */
static bool S_clause_end_after(const dg_dsentence *s, const dg_gl_ctx *c, size_t j) {
  if (j + 1 >= s->ntokens) return true;
  const dg_dtoken *n = &s->tokens[j + 1];
  if (n->kind == DG_KIND_PUNCT) return !dg_gl_eq(n->form, "„") && !dg_gl_eq(n->form, "(");
  return dg_gl_is(&c->w[j + 1], DG_WC_CONJ_COORD | DG_WC_CONJ_COORD_MAIN);
}

static bool S_finite(const dg_dtoken *t, dg_gl_word *w) {
  if (!(dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_pos_is(t, DG_UD_AUX))) return false;
  /* (the features as bits, word.h dg_gl_tok_feat_bits) */
  unsigned vf = dg_gl_tok_feat_bits(w, t->feats);
  if (vf & DG_GL_F_FIN) return true;
  if (vf & (DG_GL_F_INF | DG_GL_F_PART)) return false;
  const char *l = w->leipzig ? w->leipzig : "";
  return strstr(l, "PST") || strstr(l, "PRS") || strstr(l, "SBJV") || strstr(l, "IMP");
}

/* A sentence-level break a separable verb does not cross. */
static bool S_hard_break(const dg_dtoken *t) {
  if (t->kind != DG_KIND_PUNCT) return false;
  return dg_gl_eq(t->form, ";") || dg_gl_eq(t->form, ":") || dg_gl_eq(t->form, "?") || dg_gl_eq(t->form, "!") ||
         dg_gl_eq(t->form, ".");
}

/* No sentence-level break between tokens a and b. */
static bool S_hard_break_free(const dg_dsentence *s, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (S_hard_break(&s->tokens[k])) return false;
  return b - a <= DG_GL_WINDOW;
}

/* Senses of a particle verb that Ding has only as a phrase ending in
 * "particle verb" ("jdm. zugute kommen" = to benefit sb., "jdn. ausfindig
 * machen" = to locate sb.): the gloss without "to" and without the
 * trailing sb./sth.  Glosses are copied to d's arena; *lemma gets the
 * phrase's last two words. */
static size_t S_phrase_senses(dg_engine *e, dg_doc *d, const char *particle, const char *verb,
                              dg_sense *out, size_t max, const char **lemma) {
  dg_phrase ph[16];
  size_t np = dg_lexicon_phrases(e->lex, particle, ph, 16), n = 0;
  if (np > 16) np = 16;
  char tail[256];
  snprintf(tail, sizeof tail, " %s %s", particle, verb);
  size_t tl = strlen(tail);
  for (size_t k = 0; k < np && n < max; k++) {
    char g[256];
    size_t gl = strlen(ph[k].german);
    bool whole = gl == tl - 1 && strcmp(ph[k].german, tail + 1) == 0;
    if (!whole && (gl < tl || strcmp(ph[k].german + gl - tl, tail) != 0)) continue;
    const char *s = ph[k].gloss;
    if (strncmp(s, "to ", 3) == 0) s += 3;
    snprintf(g, sizeof g, "%s", s);
    g[strcspn(g, ";,")] = '\0';
    dg_gl_drop_placeholders(e->lex, g, DG_GL_DROP_OBJECT);
    if (!*g) continue;
    out[n] = (dg_sense){0};
    out[n].gloss = dg_mem_strdup(&d->arena, g);
    out[n].pos = "VERB";
    out[n].source = ph[k].source;
    n++;
  }
  if (n) *lemma = dg_mem_strdup(&d->arena, tail + 1);
  return n;
}

/* Join particle j with finite verb i when the lexicon knows the verb
 * (verb_lemma: the verb's lemma when the analysis lacks it, or NULL). */
static bool S_join_as(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, size_t j, const char *verb_lemma) {
  dg_dsentence *s = c->s;
  dg_dtoken *v = &s->tokens[i], *p = &s->tokens[j];
  const char *vl = verb_lemma ? verb_lemma : v->lemma;
  char joined[256];
  size_t pn = strlen(c->w[j].lower), vn = strlen(vl);
  if (pn + vn == 0 || pn + vn >= sizeof joined) return false;
  memcpy(joined, c->w[j].lower, pn);
  memcpy(joined + pn, vl, vn + 1);
  dg_sense sv[DG_GL_MAX_SENSES];
  size_t ns = dg_lexicon_senses(e->lex, joined, "VERB", sv, DG_GL_MAX_SENSES);
  if (ns > DG_GL_MAX_SENSES) ns = DG_GL_MAX_SENSES;
  const char *lemma = joined;
  /* Only particles without a meaning of their own (zugute, ausfindig;
   * not zusammen: "war … zusammen" is no "zusammen sein" = be an item). */
  if (ns == 0 && dg_lexicon_senses(e->lex, c->w[j].lower, NULL, sv, 1) == 0)
    ns = S_phrase_senses(e, d, c->w[j].lower, vl, sv, DG_GL_MAX_SENSES, &lemma);
  if (ns == 0) return false;
  if (!v->seg) v->seg = dg_gl_segment(d, v->form, v->lemma, v->pos);
  v->lemma = dg_mem_strdup(&d->arena, lemma);
  const char **gl = dg_mem_alloc(&d->arena, ns * sizeof *gl);
  size_t m = 0;
  for (size_t k = 0; k < ns; k++) {
    if (!sv[k].gloss || !*sv[k].gloss) continue;
    bool dup = false;
    for (size_t q = 0; q < m; q++)
      if (dg_gl_eq(gl[q], sv[k].gloss)) dup = true;
    if (!dup) gl[m++] = dg_mem_strdup(&d->arena, sv[k].gloss);
  }
  if (m == 0) return false;
  v->glosses = gl;
  v->nglosses = m;
  v->gloss = gl[0];
  v->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
  v->flags |= DG_DF_SEP_VERB;
  v->link = (int)j;
  p->flags |= DG_DF_SEP_PARTICLE;
  p->link = (int)i;
  p->lemma = v->lemma;
  dg_gl_set_pos(p, "ADP");
  p->feats = "PartType=Vbp";
  p->gloss = v->gloss;
  p->glosses = v->glosses;
  p->nglosses = v->nglosses;
  p->source = v->source;
  p->nparts = 0;
  p->seg = NULL;
  p->mwe = -1;
  c->w[j].is_closed = false;
  c->w[j].leipzig = "";
  return true;
}

static bool S_join(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, size_t j) {
  return S_join_as(e, d, c, i, j, NULL);
}

/* An imperative opens its sentence with the bare stem, its particle closes
 * it ("Ruf mich morgen an!", "Hör doch auf!", "Komm mal her!"): the first
 * word, which the tables may read as a noun (Ruf) or not at all (Hör), is
 * the stem of the verb particle+stem+"en" (or +"n" after -el/-er: "Sammle"
 * is not covered) when the lexicon knows that verb.  Imperative singular. */
static bool S_join_imperative(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, size_t j) {
  dg_dsentence *s = c->s;
  dg_dtoken *v = &s->tokens[i];
  if (v->kind != DG_KIND_WORD || v->link >= 0 || c->w[i].is_closed) return false;
  const char *stem = c->w[i].lower;
  size_t n = strlen(stem);
  if (n < 2 || n > 64) return false;
  char lemma[80];
  /* "Rufe … an" as well as "Ruf … an": the stem with or without its -e. */
  if (stem[n - 1] == 'e') snprintf(lemma, sizeof lemma, "%sn", stem);
  else snprintf(lemma, sizeof lemma, "%sen", stem);
  if (!S_join_as(e, d, c, i, j, lemma)) return false;
  dg_gl_set_pos(v, "VERB");
  v->feats = "Mood=Imp|Number=Sing|Person=2|VerbForm=Fin";
  c->w[i].leipzig = "IMP.SG";
  c->w[i].extra = NULL;
  v->nparts = 0;
  v->seg = NULL;
  v->reason = NULL;
  v->flags &= ~DG_DF_GUESS;
  return true;
}

/* An infinitive with zu inside a particle verb the morphology does not
 * split ("beiseitezulegen", "zwischenzuspeichern"): particle + "zu" +
 * infinitive, where particle+infinitive is a verb the lexicon knows.  The
 * word is that verb's zu-infinitive (zu-INF, as "anzukündigen"). */
static void S_inner_zu(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  const char *w = c->w[i].lower;
  size_t n = strlen(w);
  if (n < 7 || n > 120 || dg_gl_is_upper_initial(t->form) || w[n - 1] != 'n') return;
  for (size_t k = 2; k + 5 <= n; k++) {
    if (w[k] != 'z' || w[k + 1] != 'u') continue;
    char joined[128];
    snprintf(joined, sizeof joined, "%.*s%s", (int)k, w, w + k + 2);
    dg_sense sv[DG_GL_MAX_SENSES];
    size_t ns = dg_lexicon_senses(e->lex, joined, "VERB", sv, DG_GL_MAX_SENSES);
    if (ns > DG_GL_MAX_SENSES) ns = DG_GL_MAX_SENSES;
    if (ns == 0) continue;
    dg_gl_set_glosses(d, t, sv, ns, NULL);
    if (!t->gloss || !*t->gloss) continue;
    t->lemma = dg_mem_strdup(&d->arena, joined);
    dg_gl_set_pos(t, "VERB");
    t->feats = "VerbForm=Inf";
    t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
    t->reason = NULL;
    t->flags &= ~DG_DF_GUESS;
    t->nparts = 0;
    t->seg = NULL;
    c->w[i].leipzig = "zu-INF";
    c->w[i].is_closed = false;
    return;
  }
}

/* May S_inner_zu take word t (w): a lower-case word that is not a
 * function word, no part of a separable verb, and that nothing glossed?
 * (A capital is none: its form, near in memory, is read before the gloss,
 * which lies far off.) */
static inline bool S_inner_zu_may(const dg_dtoken *t, const dg_gl_word *w) {
  return t->kind == DG_KIND_WORD && t->link < 0 && !w->is_closed && !dg_gl_is_upper_initial(t->form) &&
         ((t->flags & DG_DF_GUESS) || !t->gloss || !*t->gloss);
}

/* A particle without a meaning of its own right before its verb (word
 * j; dg_gl_separable's second walk). */
static void S_particle_before(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t j) {
  dg_dsentence *s = c->s;
  if (j + 1 >= s->ntokens || !S_particle(&c->w[j])) return;
  dg_dtoken *p = &s->tokens[j], *v = &s->tokens[j + 1];
  if (p->kind != DG_KIND_WORD || p->link >= 0 || v->kind != DG_KIND_WORD || v->link >= 0) return;
  if (dg_gl_is_upper_initial(p->form)) return;
  if (!dg_gl_pos_is(v, DG_UD_VERB) && !dg_gl_pos_is(v, DG_UD_AUX)) return;
  dg_sense one[1];
  if (dg_lexicon_senses(e->lex, c->w[j].lower, NULL, one, 1) != 0) return;
  S_join(e, d, c, j + 1, j);
}

/* Each particle closing a clause looks back for the nearest finite verb
 * in first or second position of its clause that forms a known verb with
 * it ("Wir kommen, glaube ich, … voran": glaube+voran is no verb, kommen+voran
 * is). */
void dg_gl_separable(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* (the loops' tests of each word read the arrays through these: no call
   * below changes them) */
  dg_dtoken *tokens = s->tokens;
  const dg_gl_word *words = c->w;
  /* (the particles among the first 64 words, bit j of parts, found by
   * this walk for the walk below: no call changes a word's classes; and
   * the words S_inner_zu may take, bit j of zu, asked again when their
   * turn comes: a join takes words out of them, never adds one) */
  uint64_t parts = s->ntokens && S_particle(&words[0]) ? 1u : 0u;
  uint64_t zu = s->ntokens && S_inner_zu_may(&tokens[0], &words[0]) ? 1u : 0u;
  for (size_t j = 1; j < s->ntokens; j++) {
    dg_dtoken *p = &tokens[j];
    if (j < 64 && S_inner_zu_may(p, &words[j])) zu |= (uint64_t)1 << j;
    /* (the word class first: most words are no particle) */
    if (!S_particle(&words[j])) continue;
    if (j < 64) parts |= (uint64_t)1 << j;
    if (p->kind != DG_KIND_WORD || p->link >= 0) continue;
    if (!S_clause_end_after(s, c, j)) continue;
    /* A capitalised word is a noun ("der schnellste Weg"), not a particle. */
    if (dg_gl_is_upper_initial(p->form)) continue;
    for (size_t i = j; i-- > 0 && j - i <= DG_GL_WINDOW;) {
      const dg_dtoken *v = &s->tokens[i];
      if (S_hard_break(v)) break;
      /* "und", "aber" joining two clauses: the particle's verb is in its own. */
      if (v->flags & DG_DF_CLAUSE_JOIN) break;
      if (i > 0 && dg_gl_eq(s->tokens[i - 1].form, ",") &&
          dg_gl_is(&c->w[i], DG_WC_CONJ_COORD | DG_WC_CONJ_COORD_MAIN))
        break;
      /* A subordinate clause before the particle ("rief, nachdem er …
       * hatte, seine Mutter an") holds no verb of the main clause: its
       * verb stands last.  Skip from its closing comma to its
       * conjunction or relative pronoun. */
      if (dg_gl_eq(v->form, ",") && i > 0) {
        size_t cs = dg_gl_cstart(c, i - 1);
        if (cs > 0 && cs < i && (dg_gl_is(&c->w[cs], DG_WC_CONJ_SUBORD | DG_WC_SCONJ) ||
                                 dg_gl_has_label(c->w[cs].leipzig, "REL"))) {
          i = cs;
          continue;
        }
      }
      if (v->kind != DG_KIND_WORD || c->w[i].is_closed || v->link >= 0 || !S_finite(v, &c->w[i])) continue;
      if (c->w[i].particle && *c->w[i].particle) continue; /* particle already inside */
      if (S_join(e, d, c, i, j)) break;
    }
    /* Verb-first imperative at the sentence start ("Ruf mich morgen an!"). */
    if (p->link < 0 && j >= 2 && !c->w[0].is_closed && !S_finite(&s->tokens[0], &c->w[0]) &&
        S_hard_break_free(s, 0, j))
      S_join_imperative(e, d, c, 0, j);
  }
  /* A particle without a meaning of its own right before its verb, as in
   * subordinate clauses and infinitives in the old spelling ("den
   * Patienten zugute kommen"): the pair is the phrase's verb. */
  /* (the particles the first walk found, in order, then any past them) */
  for (uint64_t m = parts; m; m &= m - 1) S_particle_before(e, d, c, (size_t)__builtin_ctzll(m));
  for (size_t j = 64; j + 1 < s->ntokens; j++)
    if (S_particle(&words[j])) S_particle_before(e, d, c, j);
  /* Infinitives with an inner zu that nothing else glossed (S_inner_zu_may). */
  /* (those the first walk found, in order, then any past them) */
  for (uint64_t m = zu; m; m &= m - 1) {
    size_t i = (size_t)__builtin_ctzll(m);
    if (S_inner_zu_may(&tokens[i], &words[i])) S_inner_zu(e, d, c, i);
  }
  for (size_t i = 64; i < s->ntokens; i++)
    if (S_inner_zu_may(&tokens[i], &words[i])) S_inner_zu(e, d, c, i);
}
