/* Content words without senses of their own, the content-word pass's
 * fallbacks in order (senses.c finds the senses): a compound glossed from
 * its parts, hyphenated pieces, names, participles glossed from their verb
 * (participle.c), intensifier prefixes, dictionary phrases, decades,
 * letters and units, forms the dictionary lists, the German word repeated.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "fallback.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "memo.h"
#include "morph_text.h"
#include "parts.h"
#include "word.h"

static bool S_name_like(dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  return dg_gl_is_upper_initial(t->form) && !c->w[i].initial;
}

/* A single Latin letter, or a unit of measure (word class unit: km, °C, kW). */
static bool S_letter_or_unit(const dg_engine *e, const char *f) {
  if (dg_lexicon_is(e->lex, f, DG_WC_UNIT)) return true;
  return ((f[0] >= 'a' && f[0] <= 'z') || (f[0] >= 'A' && f[0] <= 'Z')) && f[1] == '\0';
}

/* "hochkomplex" -> highly complex, "superschnell" -> super fast. */
static bool S_prefixed_adjective(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_gl_word *w) {
  static const struct {
    const char *de, *en;
  } pre[] = {{"höchst", "most"}, {"hoch", "highly"}, {"super", "super"}, {"ultra", "ultra"},
             {"extrem", "extremely"}, {"sehr", "very"}, {"über", "over"}, {"halb", "half"}, {"voll", "fully"}};
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return false;
  size_t L = strlen(w->lower);
  for (size_t k = 0; k < DG_ARRAY_LEN(pre); k++) {
    size_t n = strlen(pre[k].de);
    if (L < n + 4 || strncmp(w->lower, pre[k].de, n) != 0) continue;
    dg_analysis an[4];
    size_t na = dg_morph_analyze(e->morph, w->lower + n, false, NULL, an, 4);
    for (size_t a = 0; a < na && a < 4; a++) {
      if (!dg_gl_eq(an[a].pos, "ADJ")) continue;
      dg_sense sv[2];
      if (dg_lexicon_senses(e->lex, an[a].lemma, "ADJ", sv, 2) == 0) continue;
      dg_buf b;
      dg_buf_init(&b);
      dg_buf_printf(&b, "%s %s", pre[k].en, sv[0].gloss);
      dg_gl_set_single(d, t, b.data);
      dg_buf_free(&b);
      dg_buf lb;
      dg_buf_init(&lb);
      dg_buf_printf(&lb, "%s%s", pre[k].de, an[a].lemma);
      t->lemma = dg_mem_strdup(&d->arena, lb.data);
      dg_buf_free(&lb);
      dg_gl_set_pos(t, "ADJ");
      t->feats = dg_mem_strdup(&d->arena, an[a].feats ? an[a].feats : "");
      t->source = dg_doc_str(d, sv[0].source ? sv[0].source : "lexicon");
      t->reason = "prefixed adjective: prefix and adjective glossed apart";
      return true;
    }
  }
  return false;
}

/* The gloss of the shortest dictionary phrase that is lemma plus
 * placeholders and function words (word class phrase-filler: "von etw.
 * profitieren"), into out, and its source into *source; false when there
 * is none. */
static bool S_phrase_find(dg_engine *e, const char *lemma, char out[256], const char **source) {
  char *key = dg_gl_lower(lemma);
  dg_phrase ph[16];
  size_t n = dg_lexicon_phrases(e->lex, key, ph, 16);
  if (n > 16) n = 16;
  const dg_phrase *best = NULL;
  size_t best_len = 0;
  for (size_t k = 0; k < n; k++) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", ph[k].german ? ph[k].german : "");
    char *save = NULL;
    bool ok = true, has_key = false;
    size_t words = 0;
    for (char *p = strtok_r(buf, " ,;:", &save); p && ok; p = strtok_r(NULL, " ,;:", &save)) {
      char *l = dg_gl_lower(p);
      words++;
      if (strcmp(l, key) == 0) has_key = true;
      else ok = dg_lexicon_is(e->lex, l, DG_WC_PHRASE_FILLER);
      free(l);
    }
    if (ok && has_key && (!best || words < best_len)) {
      best = &ph[k];
      best_len = words;
    }
  }
  free(key);
  if (!best || !best->gloss || !*best->gloss) return false;
  /* "to benefit from sth.; to profit from sth." -> "benefit from": the
   * first alternative without "to" and without placeholders. */
  char g[256];
  snprintf(g, sizeof g, "%s", best->gloss);
  g[strcspn(g, ";")] = '\0';
  char *p = g;
  if (strncmp(p, "to ", 3) == 0) p += 3;
  dg_gl_drop_placeholders(e->lex, p, DG_GL_DROP_ALL);
  size_t L = strlen(p);
  while (L && (p[L - 1] == ' ' || p[L - 1] == '.' || p[L - 1] == ',')) p[--L] = '\0';
  if (!L) return false;
  memcpy(out, p, L + 1);
  *source = best->source;
  return true;
}

/* What S_phrase_find tells of a lemma, a function of the lemma: kept in the
 * memo (kind 'h', the lemma the key), as the words without senses that ask
 * for it are asked about at every repeat.  gloss "": no phrase. */
typedef struct S_phrase_v {
  const char *source;
  char gloss[];
} S_phrase_v;

/* Gloss a word from the shortest dictionary phrase that is its lemma plus
 * placeholders and function words (S_phrase_find). */
static bool S_phrase_gloss(dg_engine *e, dg_doc *d, dg_dtoken *t, const char *lemma) {
  dg_gl_memo_asked q;
  const S_phrase_v *v = dg_gl_memo_ask(e, 'h', lemma, &q);
  S_phrase_v *made = NULL;
  if (!v) {
    char g[256];
    const char *source = NULL;
    if (!S_phrase_find(e, lemma, g, &source)) g[0] = '\0';
    size_t L = strlen(g);
    made = dg_xmalloc(sizeof *made + L + 1);
    made->source = source;
    memcpy(made->gloss, g, L + 1);
    if (dg_gl_memo_room(e)) dg_gl_memo_keep_asked(e, &q, made, sizeof *made + L + 1, 0, NULL);
    v = made;
  }
  bool found = v->gloss[0] != '\0';
  if (found) {
    dg_gl_set_single(d, t, v->gloss);
    t->source = dg_mem_strdup(&d->arena, v->source ? v->source : "dictionary phrase");
    t->reason = "no entry of its own: gloss of a dictionary phrase";
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, lemma);
  }
  free(made);
  return found;
}

void dg_gl_no_senses(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, const dg_analysis *a, unsigned af, size_t np,
                     bool propn, bool name_head, bool parts_unknown, bool hyphen_asked) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  dg_sense sbuf[DG_GL_MAX_SENSES];
  const dg_sense *sv = sbuf;
  size_t ns;
  if (np >= 2) {
    /* Compound: the parts' glosses in English order (the head last). */
    const char *g = dg_gl_parts_gloss(d, t, " ");
    dg_gl_set_single(d, t, g);
    t->source = "compound";
    t->reason = parts_unknown ? "compound: glossed from its parts, some parts unknown"
                              : "compound: glossed from its parts";
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, t->form);
    if (!t->pos[0]) dg_gl_set_pos(t, "NOUN");
    if (name_head && !parts_unknown) t->kind = DG_KIND_NAME;
    return;
  }
  /* (the pieces are a function of the form: asked once) */
  if (!hyphen_asked && dg_gl_hyphenated(e, d, c, i)) return;
  /* Names: PROPN analyses, or capitalised words nobody knows. */
  if (propn || (!a && S_name_like(c, i)) || (!a && dg_gl_all_upper(t->form))) {
    t->kind = DG_KIND_NAME;
    dg_gl_set_pos(t, "PROPN");
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, t->form);
    dg_gl_set_single(d, t, t->lemma);
    t->source = "name";
    return;
  }
  /* A participle used as an adjective ("sinkenden", "durchnässtes",
   * "domestiziert") without an entry of its own: the verb's gloss in the
   * English participle form (sinking, drenched, domesticated). */
  if (dg_gl_participle(e, d, t, w)) return;
  /* A productive intensifier before a known adjective ("hochkomplexe"). */
  if (S_prefixed_adjective(e, d, t, w)) return;
  /* A verb Ding lists only inside a phrase ("von etw. profitieren" = "to
   * benefit from sth."): the gloss of the phrase. */
  if (S_phrase_gloss(e, d, t, t->lemma[0] ? t->lemma : w->lower)) return;
  /* Decades: "1980er" -> 1980s. */
  {
    size_t nd = 0;
    while (isdigit((unsigned char)t->form[nd])) nd++;
    if (nd >= 2 && (strcmp(t->form + nd, "er") == 0 || strcmp(t->form + nd, "ern") == 0)) {
      char g[32];
      snprintf(g, sizeof g, "%.*ss", (int)nd, t->form);
      if (!t->lemma[0]) t->lemma = t->form;
      dg_gl_set_single(d, t, g);
      dg_gl_set_pos(t, "ADJ");
      t->source = "number";
      return;
    }
  }
  /* Letters and units stand for themselves ("x", "km", "°C"). */
  if (S_letter_or_unit(e, t->form)) {
    if (!t->lemma[0]) t->lemma = t->form;
    dg_gl_set_single(d, t, t->form);
    dg_gl_set_pos(t, t->pos[0] ? t->pos : "NOUN");
    t->source = "symbol";
    t->reason = "letter or unit, glossed as itself";
    return;
  }
  /* Closest known form: Ding's listed forms. */
  const char *lemmas[4];
  size_t nl = dg_lexicon_form_lemmas(e->lex, t->form, lemmas, 4);
  if (nl == 0 && w->initial) nl = dg_lexicon_form_lemmas(e->lex, w->lower, lemmas, 4);
  for (size_t k = 0; k < nl && k < 4; k++) {
    ns = dg_gl_senses(e, lemmas[k], NULL, sbuf, DG_GL_MAX_SENSES);
    sv = sbuf;
    if (ns) {
      t->lemma = dg_mem_strdup(&d->arena, lemmas[k]);
      if (!t->pos[0] && sv[0].pos) dg_gl_set_pos(t, dg_mem_strdup(&d->arena, sv[0].pos));
      dg_gl_set_glosses(d, t, sv, ns, NULL);
      t->source = dg_doc_str(d, sv[0].source ? sv[0].source : "lexicon");
      t->reason = "form listed in the dictionary";
      return;
    }
  }
  /* The form itself, or its lower-case variant, as a headword. */
  ns = dg_gl_senses(e, t->form, NULL, sbuf, DG_GL_MAX_SENSES);
  if (!ns) ns = dg_gl_senses(e, w->lower, NULL, sbuf, DG_GL_MAX_SENSES);
  sv = sbuf;
  if (ns) {
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, sv[0].lemma ? sv[0].lemma : t->form);
    if (!t->pos[0] && sv[0].pos) dg_gl_set_pos(t, dg_mem_strdup(&d->arena, sv[0].pos));
    dg_gl_set_glosses(d, t, sv, ns, NULL);
    t->source = dg_doc_str(d, sv[0].source ? sv[0].source : "lexicon");
    return;
  }
  if (S_name_like(c, i) || (a && dg_gl_is_upper_initial(t->form) && !(af & DG_GL_P_NOUN))) {
    t->kind = DG_KIND_NAME;
    dg_gl_set_pos(t, "PROPN");
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, t->form);
    dg_gl_set_single(d, t, t->lemma);
    t->source = "name";
    t->reason = "unknown capitalised word taken as a name";
    return;
  }
  /* Nothing known: the form itself, marked. */
  if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, a ? a->lemma : t->form);
  dg_gl_set_single(d, t, t->lemma);
  t->source = "unknown";
  t->reason = "no dictionary entry: the German word is repeated";
  t->flags |= DG_DF_GUESS;
}
