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

/* ---- labels ---------------------------------------------------------------- */

/* Keep the labels a reader of the gloss line needs. */
const char *dg_gl_display_labels(dg_doc *d, const char *pos, const char *leipzig, bool closed) {
  if (!leipzig || !*leipzig) return "";
  dg_buf b;
  dg_buf_init(&b);
  /* Possessives: the possessor is in the gloss ("his"); show the
   * agreement with the noun ("3SG.M/N.POSS.M.NOM.SG" -> "M.NOM"). */
  const char *poss = closed ? strstr(leipzig, "POSS.") : NULL;
  if (poss) leipzig = poss + 5;
  char *copy = dg_xstrdup(leipzig), *save = NULL;
  for (char *p = strtok_r(copy, ".", &save); p; p = strtok_r(NULL, ".", &save)) {
    bool keep;
    if (closed && dg_gl_eq(pos, "ADP"))
      keep = !strcmp(p, "NOM") || !strcmp(p, "ACC") || !strcmp(p, "DAT") || !strcmp(p, "GEN");
    else if (closed)
      keep = strcmp(p, "DEF") && strcmp(p, "INDF") && strcmp(p, "SG") && p[0] != '+' &&
             !(dg_gl_eq(pos, "PRON") && !strcmp(p, "PRS"));
    else if (dg_gl_eq(pos, "NOUN") || dg_gl_eq(pos, "PROPN")) keep = !strcmp(p, "GEN") || !strcmp(p, "PL");
    else if (dg_gl_eq(pos, "VERB") || dg_gl_eq(pos, "AUX")) keep = true;
    else if (dg_gl_eq(pos, "ADJ") || dg_gl_eq(pos, "ADV")) keep = !strcmp(p, "CMPR") || !strcmp(p, "SUPL");
    else keep = false;
    if (!keep) continue;
    if (b.len) dg_buf_putc(&b, '.');
    dg_buf_puts(&b, p);
  }
  free(copy);
  const char *r = dg_mem_strdup(&d->arena, b.data ? b.data : "");
  dg_buf_free(&b);
  return r;
}

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

/* Is the adjective at i used as an adverb: uninflected, not before a noun
 * or adjective it modifies, not the predicate of a copula in its clause
 * ("ist schnell", "sieht … aus", "als unannehmbar"), not after "zu"/"so"
 * modifying something that follows? */
static bool S_adverbial(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *t = &s->tokens[i];
  if (!dg_gl_eq(t->pos, "ADJ") || t->kind != DG_KIND_WORD || t->mwe >= 0 || dg_gl_is_upper_initial(t->form))
    return false;
  if (!dg_gl_feat(t->feats, "Degree=Pos")) return false;
  if (strcmp(c->w[i].lower, t->lemma) != 0) return false; /* an inflected form */
  if (i + 1 < s->ntokens) {
    const dg_dtoken *n = &s->tokens[i + 1];
    if (n->kind == DG_KIND_WORD && dg_gl_is_upper_initial(n->form)) return false;
  }
  if (i > 0 && (dg_gl_eq(c->w[i - 1].lower, "als") || dg_gl_eq(c->w[i - 1].lower, "wie"))) return false;
  /* before an article or another adjective it modifies what follows, also
   * with a copula ("ist wirklich eine … Lokalität" = really) */
  if (i + 1 < s->ntokens && (dg_gl_eq(s->tokens[i + 1].pos, "DET") || dg_gl_eq(s->tokens[i + 1].pos, "ADJ")))
    return true;
  static const char *const copula[] = {"sein", "werden", "bleiben", "scheinen", "wirken", "aussehen",
                                       "erscheinen", "gelten", "machen", "halten", "finden", "nennen"};
  size_t cs = dg_gl_clause_start(s, i), ce = dg_gl_clause_end(s, i);
  for (size_t j = cs; j < ce; j++) {
    if (j == i) continue;
    const char *l = s->tokens[j].lemma;
    /* (werden as future or passive auxiliary is no copula) */
    if (dg_gl_eq(l, "werden") && !dg_gl_eq(s->tokens[j].gloss, "become")) continue;
    /* (halten only in "für … halten": besetzt hält = holds occupied) */
    if (dg_gl_eq(l, "halten") && !dg_gl_clause_has(c, i, "für")) continue;
    for (size_t k = 0; l && k < DG_ARRAY_LEN(copula); k++)
      if (dg_gl_eq(l, copula[k])) return false;
  }
  return true;
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
  /* 6. labels, segmentation, plain forms */
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c.w[i];
    if (t->kind == DG_KIND_PUNCT) continue;
    if (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) {
      if (t->flags & DG_DF_SEP_PARTICLE) {
        t->labels = "";
      } else {
        /* An expression's gloss on a function word carries no labels. */
        const char *lab = (t->mwe_head && w->is_closed) ? "" : dg_gl_display_labels(d, t->pos, w->leipzig, w->is_closed);
        if (w->extra) {
          dg_buf b;
          dg_buf_init(&b);
          dg_buf_puts(&b, w->extra);
          if (*lab) {
            dg_buf_putc(&b, '.');
            dg_buf_puts(&b, lab);
          }
          lab = dg_mem_strdup(&d->arena, b.data);
          dg_buf_free(&b);
        }
        t->labels = lab;
      }
      if (!t->seg && *t->labels && !w->is_closed && !t->nparts)
        t->seg = dg_gl_segment(d, t->form, t->lemma, t->pos);
      if (t->seg && t->nparts > 1 && *t->labels && !(t->flags & DG_DF_SEP_PARTICLE)) {
        /* keep the compound segmentation; labels join with '-' */
      }
      w->adverbial = S_adverbial(&c, i);
      if (w->adverbial) {
        /* the dictionary's own adverb sense first ("hauptsächlich" = mainly) */
        dg_sense av[1];
        if (dg_lexicon_senses(e->lex, t->lemma, "ADV", av, 1) && dg_gl_eq(av[0].pos, "ADV"))
          w->adverb = dg_mem_strdup(&d->arena, av[0].gloss);
      }
      dg_gl_plain(d, t, w);
    }
    if (!t->gloss[0]) {
      dg_gl_set_single(d, t, t->form);
      t->source = "unknown";
      t->reason = "no gloss found: the German word is repeated";
      t->flags |= DG_DF_GUESS;
    }
  }
  for (size_t i = 0; i < s->ntokens; i++) free(c.w[i].lower);
  free(c.w);
}

/* Plain English: "clarified", "negotiations". */
void dg_gl_plain(dg_doc *d, dg_dtoken *t, const dg_gl_word *w) {
  const char *lab = w->leipzig;
  dg_buf b;
  dg_buf_init(&b);
  static const char *const modal[] = {"will", "can", "must", "may", "shall", "should", "would", "might", "could"};
  bool is_modal = false;
  /* A gloss whose first word is a modal ("would like", "can", "must be")
   * is never inflected. */
  size_t first = strcspn(t->gloss, " ");
  for (size_t k = 0; k < DG_ARRAY_LEN(modal); k++)
    if (first == strlen(modal[k]) && strncmp(t->gloss, modal[k], first) == 0) is_modal = true;
  /* A German fallback (the word or its lemma repeated) is not English:
   * never add English endings to it ("bedürfen", not "bedürfened"). */
  /* (a dictionary gloss spelt like the German form is English: "stand"
   * of stehen) */
  bool from_dict = t->source && (strncmp(t->source, "ding:", 5) == 0 || strncmp(t->source, "dictionaries/", 13) == 0);
  bool german = dg_gl_eq(t->source, "unknown") || (t->flags & DG_DF_GUESS) ||
                ((dg_gl_eq(t->gloss, t->lemma) || dg_gl_eq(t->gloss, t->form)) && !from_dict);
  if (german && t->kind != DG_KIND_NAME) {
    /* nothing */
  } else if (t->kind == DG_KIND_NAME && dg_gl_has_label(lab, "GEN")) {
    /* "Russlands" -> Russia's */
    dg_buf_puts(&b, t->gloss);
    dg_buf_puts(&b, t->gloss[0] && t->gloss[strlen(t->gloss) - 1] == 's' ? "'" : "'s");
  } else if ((dg_gl_eq(t->pos, "VERB") || dg_gl_eq(t->pos, "AUX")) && strncmp(t->gloss, "there is", 8) == 0) {
    /* "es gibt" = there is, "es gab" = there was */
    bool past = dg_gl_has_label(lab, "PST") || dg_gl_feat(t->feats, "Tense=Past");
    dg_buf_puts(&b, past ? "there was" : "there is");
    dg_buf_puts(&b, t->gloss + 8);
  } else if (dg_gl_eq(t->pos, "VERB") || dg_gl_eq(t->pos, "AUX")) {
    if ((w->extra && dg_gl_eq(w->extra, "FUT")) || is_modal) {
      /* "will", "must" stay */
    } else if (dg_gl_has_label(lab, "PTCP") || dg_gl_feat(t->feats, "VerbForm=Part")) {
      dg_english_participle(&b, t->gloss);
    } else if (dg_gl_has_label(lab, "PST") || dg_gl_feat(t->feats, "Tense=Past")) {
      if (dg_gl_eq(t->gloss, "be")) dg_buf_puts(&b, dg_gl_has_label(lab, "PL") || strstr(lab, "PL") ? "were" : "was");
      else dg_english_past(&b, t->gloss);
    } else if (strstr(lab ? lab : "", "3SG") && (dg_gl_has_label(lab, "PRS") || dg_gl_feat(t->feats, "Tense=Pres"))) {
      dg_english_3sg(&b, t->gloss);
    }
  } else if (dg_gl_eq(t->pos, "ADJ") && w->adverbial) {
    /* An adjective used as an adverb ("vertritt aktuell" = currently). */
    if (w->adverb) dg_buf_puts(&b, w->adverb);
    else dg_english_adverb(&b, t->gloss);
  } else if ((dg_gl_eq(t->pos, "ADJ") || dg_gl_eq(t->pos, "ADV")) &&
             (dg_gl_feat(t->feats, "Degree=Cmp") || dg_gl_feat(t->feats, "Degree=Sup")) &&
             !dg_gl_eq(t->lemma, t->form) && !dg_gl_eq(t->lemma, w->lower)) {
    /* "vorsichtiger" -> more careful, "größte" -> biggest; not when the
     * gloss already is a comparative ("more", "less", "further"). */
    static const char *const already[] = {"more", "most", "less", "least", "fewer", "better", "best",
                                          "worse", "worst", "further", "rather", "sooner"};
    bool cmp = false;
    for (size_t k = 0; k < DG_ARRAY_LEN(already) && !cmp; k++)
      cmp = strncmp(t->gloss, already[k], strlen(already[k])) == 0;
    if (!cmp) dg_english_degree(&b, t->gloss, dg_gl_feat(t->feats, "Degree=Sup"));
  } else if ((dg_gl_eq(t->pos, "NOUN")) && (dg_gl_has_label(lab, "PL") || dg_gl_feat(t->feats, "Number=Plur")) &&
             !(t->mwe >= 0 && (t->mwe_head || strchr(t->gloss, ' ')))) {
    /* (an expression's gloss carried by a plural noun is not a noun:
     * "zu Gunsten" = in favour of, not "in favour ofs") */
    dg_english_plural(&b, t->gloss);
  }
  if (b.len) t->plain = dg_mem_strdup(&d->arena, b.data);
  dg_buf_free(&b);
}
