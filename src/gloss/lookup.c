/* The look-up pass: every word's closed-class readings (lexicon) and
 * morphological analyses, its lower-case form, whether it starts a sentence
 * (or a quotation or a clause after a colon), suspended parts completed
 * ("Ein-" und Ausfuhr: Einfuhr), readings the morphology misses added from
 * the dictionary (capitalised nouns, adverbs), and the conjunctions that
 * join clauses marked.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "word.h"

/* A capitalised word inside the sentence that the morphology reads only as
 * a verb or adjective form while the dictionary has it as a noun (Einfuhr:
 * not "fuhr ein" but import) gets the noun reading first. */
static void S_lexicon_noun(dg_engine *e, const dg_dtoken *t, dg_gl_word *w) {
  /* (a completed suspended part is a noun also at the sentence start:
   * "Ein- und Ausfuhr") */
  if ((w->initial && !w->written) || !dg_gl_is_upper_initial(t->form) || dg_gl_all_upper(t->form))
    return;
  float top = 0.0f;
  for (size_t k = 0; k < w->nan; k++) {
    if (dg_gl_eq(w->an[k].pos, "NOUN") || dg_gl_eq(w->an[k].pos, "PROPN")) return;
    if (w->an[k].score > top) top = w->an[k].score;
  }
  dg_sense sv[1];
  const char *pos = "NOUN";
  if (!dg_lexicon_senses(e->lex, t->form, "NOUN", sv, 1)) {
    /* Only finite verb forms ("Google" = google, 1SG of googeln): a
     * capitalised finite verb inside a sentence is a name. */
    if (!dg_gl_only_finite(w) || w->written) return;
    pos = "PROPN";
    w->name_reading = true;
  }
  size_t n = w->nan < DG_GL_MAX_AN ? w->nan : DG_GL_MAX_AN - 1;
  memmove(&w->an[1], &w->an[0], n * sizeof w->an[0]);
  w->an[0] = (dg_analysis){t->form, pos, "", "", NULL, top + 1.0f};
  w->nan = n + 1;
}

/* A lower-case word the morphology reads only as verb forms while the
 * dictionary has the form itself as an adverb ("äußerst" = extremely, not
 * 2SG of äußern) gets the adverb reading, a little below the verb's score:
 * the context decides (no "du" in the clause). */
static void S_lexicon_adverb(dg_engine *e, const dg_dtoken *t, dg_gl_word *w) {
  if (!w->nan || dg_gl_is_upper_initial(t->form) || w->ncl) return;
  float top = 0.0f;
  bool third_ind = false; /* a reading as an ordinary 3rd-person indicative */
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    /* verb forms, and adjectives only inflected ("lange" of lang) */
    bool ok = dg_gl_eq(a->pos, "VERB") || dg_gl_eq(a->pos, "AUX") ||
              dg_gl_eq(a->pos, "NOUN") || /* lower case: no noun */
              (dg_gl_eq(a->pos, "ADJ") && strcmp(a->lemma, w->lower) != 0);
    if (!ok) return;
    if (dg_gl_feat(a->feats, "Mood=Ind") && dg_gl_feat(a->feats, "Person=3")) third_ind = true;
    if (a->score > top) top = a->score;
  }
  dg_sense sv[1];
  if (!dg_lexicon_senses(e->lex, t->form, "ADV", sv, 1) || !dg_gl_eq(sv[0].pos, "ADV")) return;
  if (w->nan >= DG_GL_MAX_AN) w->nan = DG_GL_MAX_AN - 1;
  /* "möglichst lange" = long: the verb readings (1SG, subjunctive) need a
   * context the adverb does not. */
  w->an[w->nan++] = (dg_analysis){t->form, "ADV", "", "", NULL, third_ind ? top - 0.5f : top + 0.2f};
}

/* The lower-case form in the document's arena (no allocation of its own
 * per token): dg_gl_lower's result. */
static char *S_lower(dg_doc *d, const char *form) {
  size_t n = 0;
  while (form[n] && !(form[n] & 0x80)) n++;
  if (form[n]) {
    char *l = dg_gl_lower(form);
    char *r = dg_mem_strdup(&d->arena, l);
    free(l);
    return r;
  }
  char *r = dg_mem_alloc(&d->arena, n + 1);
  for (size_t k = 0; k <= n; k++) r[k] = (char)(form[k] >= 'A' && form[k] <= 'Z' ? form[k] - 'A' + 'a' : form[k]);
  return r;
}

/* Look every word of the sentence up. */
void dg_gl_lookup(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  bool initial = true;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c->w[i];
    w->closed = -1;
    w->lower = S_lower(d, t->form);
    w->leipzig = "";
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) {
      /* A colon, or an opening quote at a clause start ("Einigung: „Wir",
       * "sagte er, „ob"), opens a sentence inside the sentence: its first
       * word is also tried in lower case, pronouns first ("Ich" = I). */
      if (dg_gl_eq(t->form, ":")) initial = true;
      else if (dg_gl_opening(t)) initial = initial || i == 0 || dg_gl_is_punct(&s->tokens[i - 1]);
      else initial = false;
      continue;
    }
    w->initial = initial;
    initial = false;
    if (t->flags & DG_DF_SUSPENDED) {
      /* "Ein-" (und Ausfuhr) is glossed as Einfuhr, its written form is
       * put back after the glossing of the sentence. */
      const char *shown = NULL;
      const char *full = dg_gl_complete_suspended(e, d, s, i, &shown);
      if (full) {
        w->written = t->form;
        w->shown = shown;
        t->form = dg_mem_strdup(&d->arena, full);
        w->lower = S_lower(d, t->form);
      }
    }
    /* The rest depends on the form and its place at the start only (a
     * completed suspended part is computed each time): a repeat is a
     * look-up in the engine's memo. */
    if (!w->written && dg_gl_memo_word_get(e, t->form, w->initial, w)) continue;
    w->ncl = dg_lexicon_closed(e->lex, t->form, w->cl, DG_GL_MAX_SENSES);
    if (w->ncl > DG_GL_MAX_SENSES) w->ncl = DG_GL_MAX_SENSES;
    if (w->ncl == 0 && w->initial && strcmp(w->lower, t->form) != 0) {
      w->ncl = dg_lexicon_closed(e->lex, w->lower, w->cl, DG_GL_MAX_SENSES);
      if (w->ncl > DG_GL_MAX_SENSES) w->ncl = DG_GL_MAX_SENSES;
    }
    w->nan = dg_morph_analyze(e->morph, t->form, w->initial, NULL, w->an, DG_GL_MAX_AN);
    if (w->nan > DG_GL_MAX_AN) w->nan = DG_GL_MAX_AN;
    S_lexicon_noun(e, t, w);
    S_lexicon_adverb(e, t, w);
    if (!w->written) dg_gl_memo_word_put(e, t->form, w->initial, w);
  }
}

/* Conjunctions that join clauses: a coordinating conjunction (word class
 * conj-coord: und, oder, aber, sondern) before a finite verb or a
 * subordinating conjunction (conj-subord) ("… werden beansprucht und
 * haben …", "… sehen und während es still ist"). */
void dg_gl_clause_joins(dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i + 1 < s->ntokens; i++) {
    if (!dg_lexicon_is(c->lex, c->w[i].lower, DG_WC_CONJ_COORD) || s->tokens[i].kind != DG_KIND_WORD) continue;
    const dg_dtoken *n = &s->tokens[i + 1];
    const dg_gl_word *nw = &c->w[i + 1];
    bool sub = dg_lexicon_is(c->lex, nw->lower, DG_WC_CONJ_SUBORD);
    bool fin = n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->nan && nw->ncl == 0 &&
               (dg_gl_eq(nw->an[0].pos, "VERB") || dg_gl_eq(nw->an[0].pos, "AUX")) &&
               dg_gl_feat(nw->an[0].feats, "VerbForm=Fin");
    /* (a modal or auxiliary is closed class: "und haben", "und können") */
    if (!fin && n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->ncl > 0)
      for (size_t k = 0; k < nw->ncl && !fin; k++)
        fin = dg_gl_eq(nw->cl[k].pos, "AUX") || dg_gl_eq(nw->cl[k].pos, "VERB");
    if (sub || fin) s->tokens[i].flags |= DG_DF_CLAUSE_JOIN;
  }
}
