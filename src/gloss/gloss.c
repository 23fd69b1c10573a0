/* The glossing engine: for each token of a sentence, pick the analysis and
 * the sense that fit the context, and fill the document model.
 *
 * Order of work for one sentence:
 *   1. look every word up (closed-class readings, morphological analyses);
 *   2. choose readings in context: articles agree with their noun and the
 *      case a preposition governs, d-words after a comma are relative
 *      pronouns, "sein" before a noun is the possessive, "werden" is future,
 *      passive or "become" depending on the verb form closing the clause;
 *   3. senses for content words; compounds split into glossed parts; names
 *      marked; numbers, ordinals and dates glossed; a fallback for the rest;
 *   4. separable verbs put back together (gloss_sep.c);
 *   5. multiword expressions (gloss_mwe.c, dictionary phrases);
 *   6. Leipzig labels, segmentation and plain-English forms.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "word.h"
#include "morph_text.h"
#include "lexicon.h"
#include "morph.h"

/* ---- the sentence ----------------------------------------------------- */

void dg_sentence_set_text(dg_doc *d, dg_dsentence *s) {
  dg_buf b;
  dg_buf_init(&b);
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_buf_puts(&b, s->tokens[i].form);
    if (i + 1 < s->ntokens && (s->tokens[i].flags & DG_DF_SPACE_AFTER)) dg_buf_putc(&b, ' ');
  }
  s->text = dg_mem_strdup(&d->arena, b.data ? b.data : "");
  dg_buf_free(&b);
}

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

void dg_engine_gloss(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  dg_gl_ctx *c = dg_engine_gloss_begin(e, d, s);
  dg_engine_gloss_domains(e, d, c);
  dg_engine_gloss_end(e, d, c);
}

dg_gl_ctx *dg_engine_gloss_begin(dg_engine *e, dg_doc *d, dg_dsentence *s) {
  if (!s->text || !*s->text) dg_sentence_set_text(d, s);
  if (s->ntokens == 0) return NULL;
  dg_gl_ctx c;
  c.s = s;
  c.w = dg_xcalloc(s->ntokens, sizeof *c.w);
  /* 1. look up */
  bool initial = true;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c.w[i];
    w->closed = -1;
    w->lower = dg_gl_lower(t->form);
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
        free(w->lower);
        w->lower = dg_gl_lower(t->form);
      }
    }
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
  }
  /* Conjunctions that join clauses: "und"/"oder"/"aber"/"sondern" before a
   * finite verb or a subordinating conjunction ("… werden beansprucht und
   * haben …", "… sehen und während es still ist"). */
  for (size_t i = 0; i + 1 < s->ntokens; i++) {
    static const char *const coord[] = {"und", "oder", "aber", "sondern"};
    static const char *const subord[] = {"dass", "ob", "weil", "wenn", "nachdem", "obwohl", "bevor", "ehe",
                                         "falls", "sodass", "sobald", "solange", "indem", "seitdem", "während"};
    bool co = false, sub = false;
    for (size_t k = 0; k < DG_ARRAY_LEN(coord) && !co; k++) co = dg_gl_eq(c.w[i].lower, coord[k]);
    if (!co || s->tokens[i].kind != DG_KIND_WORD) continue;
    const dg_dtoken *n = &s->tokens[i + 1];
    const dg_gl_word *nw = &c.w[i + 1];
    for (size_t k = 0; k < DG_ARRAY_LEN(subord) && !sub; k++) sub = dg_gl_eq(nw->lower, subord[k]);
    bool fin = n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->nan && nw->ncl == 0 &&
               (dg_gl_eq(nw->an[0].pos, "VERB") || dg_gl_eq(nw->an[0].pos, "AUX")) &&
               dg_gl_feat(nw->an[0].feats, "VerbForm=Fin");
    /* (a modal or auxiliary is closed class: "und haben", "und können") */
    if (!fin && n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->ncl > 0)
      for (size_t k = 0; k < nw->ncl && !fin; k++)
        fin = dg_gl_eq(nw->cl[k].pos, "AUX") || dg_gl_eq(nw->cl[k].pos, "VERB");
    if (sub || fin) s->tokens[i].flags |= DG_DF_CLAUSE_JOIN;
  }
  /* 2./3. choose and gloss, left to right (closed class first: articles
   * look at the analyses of the words after them, which are ready). */
  for (size_t i = 0; i < s->ntokens; i++) {
    if (dg_gl_nonword(e, d, &c, i)) continue;
    if (dg_gl_closed(e, d, &c, i)) continue;
    dg_gl_open(e, d, &c, i);
  }
  for (size_t i = 0; i < s->ntokens; i++)
    if (c.w[i].written) {
      s->tokens[i].form = dg_mem_strdup(&d->arena, c.w[i].written);
      s->tokens[i].seg = c.w[i].shown;
    }
  dg_gl_werden(d, &c);
  dg_gl_context_words(d, &c);
  /* 4. separable verbs, 5. multiword expressions */
  dg_gl_separable(e, d, &c);
  dg_gl_ctx *r = dg_xmalloc(sizeof *r);
  *r = c;
  return r;
}

/* Domains: a sense labelled with a subject field the sentence is about
 * ("pol." for "Moskau wies Vorschläge westlicher Staaten zurück") beats a
 * slightly higher-ranked sense from elsewhere.  The only step that carries
 * state from sentence to sentence (e->dom). */
void dg_engine_gloss_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  if (c) dg_gl_domains(e, d, c);
}

void dg_engine_gloss_end(dg_engine *e, dg_doc *d, dg_gl_ctx *cp) {
  if (!cp) return;
  dg_gl_ctx c = *cp;
  free(cp);
  dg_dsentence *s = c.s;
  dg_gl_mwes(e, d, &c);
  dg_gl_there_is(d, &c);
  dg_gl_names(e, d, &c);
  dg_gl_labels(e, d, &c);
  for (size_t i = 0; i < s->ntokens; i++) free(c.w[i].lower);
  free(c.w);
}
