/* Subject fields: Ding labels senses with fields ("pol.", "mil.").  Each
 * content word votes for the fields of its top senses; the votes of the
 * recent sentences fade per sentence (register and region labels such as
 * "Br." or "coll." do not vote), and a sense of a field with enough votes
 * beats a slightly higher-ranked sense without one ("wies … zurück" in a
 * political text: repudiate).  The only state carried from sentence to
 * sentence (e->dom, reset when the source changes); src/api/jobs.c runs
 * this pass in input order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subjects.h"
#include "word.h"

#define S_MAX_DOMAINS DG_GL_MAX_DOMAINS
#define S_DOMAIN_RATIO 0.7f /* a sense within 70 % of the top score may win */
#define S_MIN_VOTES 1.5f /* about two recent words in the same field */
#define S_FADE 0.85f
#define S_SUBJECT_MIN 4.0f   /* field votes before a document has a subject */
#define S_SUBJECT_LEAD 1.5f  /* ... and how far ahead of the next subject */

typedef dg_gl_domain S_dom;

/* Register and region labels ("coll.", "Br.") say nothing about the topic
 * (word class register-label: the labels dictionaries/ding-labels.tsv
 * marks "register yes"). */
static bool S_register_label(const dg_engine *e, const char *p) {
  return dg_lexicon_is(e->lex, p, DG_WC_REGISTER_LABEL);
}

static bool S_has_field(const dg_engine *e, const char *domains) {
  char buf[128];
  dg_strlcpy(buf, domains ? domains : "", sizeof buf);
  char *save = NULL;
  for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save))
    if (!S_register_label(e, p)) return true;
  return false;
}

static void S_vote(const dg_engine *e, S_dom *dv, size_t *nd, const char *domains, bool *seen_tok) {
  char buf[128];
  dg_strlcpy(buf, domains ? domains : "", sizeof buf);
  char *save = NULL;
  for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save)) {
    if (S_register_label(e, p)) continue;
    size_t k = 0;
    while (k < *nd && strcmp(dv[k].name, p) != 0) k++;
    if (k == *nd) {
      if (*nd == S_MAX_DOMAINS) continue;
      dg_strlcpy(dv[k].name, p, sizeof dv[k].name);
      dv[k].votes = 0;
      (*nd)++;
    }
    if (!seen_tok[k]) {
      dv[k].votes += 1.0f;
      seen_tok[k] = true;
    }
  }
}

static bool S_candidate(const dg_dtoken *t, const dg_gl_word *w) {
  return t->kind == DG_KIND_WORD && !w->is_closed && t->nglosses > 1 && t->mwe < 0 &&
         !(t->flags & DG_DF_SEP_PARTICLE) && t->source && strncmp(t->source, "ding:", 5) == 0 &&
         (dg_gl_eq(t->pos, "NOUN") || dg_gl_eq(t->pos, "VERB") || dg_gl_eq(t->pos, "ADJ"));
}

/* A content word votes once for each subject one of its senses has a
 * field of, or that gives it a sense of its own (subjects.tsv); the votes
 * of a document do not fade: they make its subject. */
static void S_subject_vote(dg_engine *e, const dg_dtoken *t, const dg_sense *sv, size_t n) {
  unsigned m = dg_subjects_word_mask(e->subjects, t->lemma);
  if (strcmp(t->form, t->lemma) != 0) m |= dg_subjects_word_mask(e->subjects, t->form);
  for (size_t q = 0; q < n; q++) {
    if (!sv[q].domains || !*sv[q].domains) continue;
    char buf[128];
    dg_strlcpy(buf, sv[q].domains, sizeof buf);
    char *save = NULL;
    for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save))
      m |= dg_subjects_field_mask(e->subjects, p);
  }
  for (size_t k = 0; k < DG_GL_MAX_SUBJECTS && m; k++, m >>= 1)
    if (m & 1u) e->subj_votes[k] += 1.0f;
}

/* The document's subject: the one --domain set, else the one with the
 * most votes when it has enough and leads the next clearly; -1 for none. */
static int S_subject(const dg_engine *e) {
  if (e->subject_forced >= 0) return e->subject_forced;
  size_t ns = dg_subjects_count(e->subjects);
  if (ns > DG_GL_MAX_SUBJECTS) ns = DG_GL_MAX_SUBJECTS;
  int best = -1;
  float top = 0, second = 0;
  for (size_t k = 0; k < ns; k++) {
    float v = e->subj_votes[k];
    if (v > top) {
      second = top;
      top = v;
      best = (int)k;
    } else if (v > second) {
      second = v;
    }
  }
  /* A subject once found stays until another leads it clearly. */
  int last = e->subject_last;
  if (last >= 0 && (size_t)last < ns && !(top >= S_SUBJECT_LEAD * e->subj_votes[last])) return last;
  return top >= S_SUBJECT_MIN && top >= S_SUBJECT_LEAD * second ? best : -1;
}

static void S_set_sense(dg_doc *d, dg_dsentence *s, dg_dtoken *t, const char *gloss, const char *source) {
  dg_gl_promote(d, t, gloss);
  t->source = dg_mem_strdup(&d->arena, source);
  if (t->link >= 0 && (size_t)t->link < s->ntokens) {
    dg_dtoken *p = &s->tokens[t->link];
    p->gloss = t->gloss;
    p->glosses = t->glosses;
    p->nglosses = t->nglosses;
    p->source = t->source;
  }
}

/* Within a subject a word takes the sense the subject gives it
 * (subjects.tsv: in software text "Verzeichnis" is directory, "anmelden"
 * log in); elsewhere it keeps its general sense.  (Ding's field labels
 * alone are too loose for this: in a political text "Team" would become
 * "panel" [adm.]; they only vote, and promote close senses as before.)
 * Words of an expression and glossary entries keep theirs. */
static void S_subject_senses(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t subject) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || c->w[i].is_closed || t->mwe >= 0 || (t->flags & DG_DF_SEP_PARTICLE)) continue;
    if (!(dg_gl_eq(t->pos, "NOUN") || dg_gl_eq(t->pos, "VERB") || dg_gl_eq(t->pos, "ADJ"))) continue;
    if (t->source && strncmp(t->source, "glossary", 8) == 0) continue;
    /* The form itself first ("Daten" is a headword of its own, not only
     * the plural of Datum). */
    const char *g = dg_subjects_sense(e->subjects, subject, t->form, t->pos);
    if (!g) g = dg_subjects_sense(e->subjects, subject, t->lemma, t->pos);
    if (g && strcmp(t->gloss, g) != 0) S_set_sense(d, s, t, g, "subjects.tsv");
  }
}

void dg_engine_new_document(dg_engine *e) {
  e->dom_src[0] = '\0'; /* (no input is named ""): the next sentence's source is new */
  e->ndom = 0;
  memset(e->subj_votes, 0, sizeof e->subj_votes);
  e->subject_last = -1;
  e->nnames_seen = 0;
}

/* A word whose senses both loops of dg_gl_domains read: a content word
 * (the first loop) that may be a candidate for another sense (the second:
 * S_candidate's parts of speech). */
static bool S_keep(const dg_dtoken *t, const dg_gl_word *w) {
  return t->kind == DG_KIND_WORD && !w->is_closed && t->lemma[0] &&
         (dg_gl_eq(t->pos, "NOUN") || dg_gl_eq(t->pos, "VERB") || dg_gl_eq(t->pos, "ADJ"));
}

void dg_gl_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* Votes of the text so far, fading with each sentence (the topic
   * of the last few sentences), then this sentence's. */
  /* A document's subject begins with the document (each input, even a
   * file read twice). */
  if (s->first || strcmp(d->source, e->dom_src) != 0) {
    memset(e->subj_votes, 0, sizeof e->subj_votes);
    e->subject_last = -1;
    e->nnames_seen = 0;
  }
  /* Names the document used before (names.c), in input order like the votes. */
  dg_gl_names_seen(e, c);
  if (strcmp(d->source, e->dom_src) != 0) {
    e->ndom = 0;
    dg_strlcpy(e->dom_src, d->source, sizeof e->dom_src);
  }
  S_dom *dv = e->dom;
  size_t nd = e->ndom;
  for (size_t k = 0; k < nd; k++) dv[k].votes *= S_FADE;
  /* Each content word votes once for each domain among its top senses. */
  dg_sense sv[DG_GL_MAX_SENSES];
  /* The senses of the nouns, verbs and adjectives are kept for the
   * choice of sense below (asked once, not twice; their lemma and POS
   * do not change in between): kept[i] is token i's place in `keep`. */
  size_t nkeep = 0;
  for (size_t i = 0; i < s->ntokens; i++)
    if (S_keep(&s->tokens[i], &c->w[i])) nkeep++;
  dg_sense *keep = nkeep ? dg_xmalloc(nkeep * DG_GL_MAX_SENSES * sizeof *keep) : NULL;
  size_t *kept = nkeep ? dg_xmalloc(s->ntokens * sizeof *kept) : NULL;
  size_t *keptn = nkeep ? dg_xmalloc(nkeep * sizeof *keptn) : NULL;
  nkeep = 0;
  for (size_t i = 0; i < s->ntokens; i++) {
    const dg_dtoken *t = &s->tokens[i];
    if (kept) kept[i] = SIZE_MAX;
    if (t->kind != DG_KIND_WORD || c->w[i].is_closed || !t->lemma[0]) continue;
    /* (all senses for the subject, the top three for the fading field votes) */
    dg_sense *to = sv;
    if (S_keep(t, &c->w[i])) {
      kept[i] = nkeep;
      to = &keep[nkeep++ * DG_GL_MAX_SENSES];
    }
    size_t n = dg_gl_senses(e, t->lemma, t->pos[0] ? t->pos : NULL, to, DG_GL_MAX_SENSES);
    if (to != sv) keptn[kept[i]] = n;
    bool seen[S_MAX_DOMAINS] = {false};
    for (size_t k = 0; k < n && k < 3; k++) S_vote(e, dv, &nd, to[k].domains, seen);
    S_subject_vote(e, t, to, n);
  }
  e->ndom = nd;
  int subject = S_subject(e);
  s->subject = subject >= 0 ? dg_subjects_name(e->subjects, (size_t)subject) : NULL;
  s->subject_new = subject != e->subject_last;
  e->subject_last = subject;
  if (subject >= 0) S_subject_senses(e, d, c, (size_t)subject);
  for (size_t i = 0; i < s->ntokens && nd; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (!S_candidate(t, &c->w[i])) continue;
    const dg_sense *cv = sv;
    size_t n;
    if (kept && kept[i] != SIZE_MAX) {
      cv = &keep[kept[i] * DG_GL_MAX_SENSES];
      n = keptn[kept[i]];
    } else
      n = dg_gl_senses(e, t->lemma, t->pos, sv, DG_GL_MAX_SENSES);
    if (n < 2 || !cv[0].gloss || strcmp(cv[0].gloss, t->gloss) != 0) continue;
    /* The top sense's own domains do not count as support for others. */
    int best = -1;
    float best_votes = 0;
    for (size_t k = 1; k < n; k++) {
      if (cv[k].score < S_DOMAIN_RATIO * cv[0].score) break;
      if (!cv[k].domains || !*cv[k].domains) continue;
      if (S_has_field(e, cv[0].domains)) break; /* the top sense has a field of its own */
      char buf[128];
      dg_strlcpy(buf, cv[k].domains, sizeof buf);
      char *save = NULL;
      for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save))
        for (size_t q = 0; q < nd && !S_register_label(e, p); q++)
          /* Support from other words of the sentence. */
          if (strcmp(dv[q].name, p) == 0 && dv[q].votes >= S_MIN_VOTES && dv[q].votes > best_votes) {
            best = (int)k;
            best_votes = dv[q].votes;
          }
    }
    if (best > 0) {
      S_set_sense(d, s, t, cv[best].gloss, cv[best].source ? cv[best].source : t->source);
    }
  }
  free(keep);
  free(kept);
  free(keptn);
}
