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
#include <unistd.h>
#include <utf8proc.h>

#include "gloss_internal.h"
#include "morph_text.h"
#include "lexicon.h"
#include "morph.h"

#ifndef DEGLOSS_DEFAULT_HUNSPELL_DIR
#define DEGLOSS_DEFAULT_HUNSPELL_DIR "/usr/share/hunspell"
#endif

static bool S_known(void *ctx, const char *word) { return dg_lexicon_contains(ctx, word); }

/* Make sure a data-file error names the file. */
static void S_name_file(degloss_error *err, const char *path) {
  if (!err || !path || strstr(err->text, path)) return;
  char text[DEGLOSS_ERROR_TEXT_LENGTH];
  snprintf(text, sizeof text, "%.120s: %.130s", path, err->text);
  memcpy(err->text, text, sizeof text);
}

dg_engine *dg_engine_new(const dg_engine_opts *o, degloss_error *err) {
  dg_engine_opts none = {0};
  if (!o) o = &none;
  const char *dir = o->data_dir && *o->data_dir ? o->data_dir : degloss_data_dir();
  dg_engine *e = dg_xcalloc(1, sizeof *e);
  e->data_dir = dg_xstrdup(dir);
  char *lexpath = dg_path_join(dir, DG_LEXICON_FILE);
  e->lex = dg_lexicon_open(lexpath, err);
  if (!e->lex) S_name_file(err, lexpath);
  free(lexpath);
  if (!e->lex) goto fail;
  char hbase[4096];
  if (o->hunspell_base && *o->hunspell_base)
    snprintf(hbase, sizeof hbase, "%s", o->hunspell_base);
  else
    snprintf(hbase, sizeof hbase, "%s/%s", DEGLOSS_DEFAULT_HUNSPELL_DIR, o->dict && *o->dict ? o->dict : "de_DE");
  e->hbase = dg_xstrdup(hbase);
  e->morph = dg_morph_open(dir, hbase, err);
  if (!e->morph) {
    /* Name the data file or the hunspell base the morphology wanted. */
    if (err && !strstr(err->text, hbase) && !strstr(err->text, "degloss.morph")) {
      char *mp = dg_path_join(dir, "degloss.morph");
      S_name_file(err, access(mp, R_OK) == 0 ? hbase : mp);
      free(mp);
    }
    goto fail;
  }
  dg_morph_set_known(e->morph, S_known, e->lex);
  char *mwepath = dg_path_join(dir, "mwe.tsv");
  e->mwes = dg_mwe_list_load(mwepath, err);
  free(mwepath);
  if (!e->mwes) goto fail;
  for (size_t i = 0; i < o->nglossaries; i++)
    if (!dg_lexicon_add_glossary(e->lex, o->glossaries[i], err)) {
      /* The user's own file: a configuration error, not broken data. */
      S_name_file(err, o->glossaries[i]);
      if (err) err->code = DEGLOSS_ERR_CONFIG;
      goto fail;
    }
  return e;
fail:
  dg_engine_free(e);
  return NULL;
}

dg_engine *dg_engine_new_worker(dg_engine *base, degloss_error *err) {
  dg_engine *e = dg_xcalloc(1, sizeof *e);
  e->borrowed = true;
  e->lex = base->lex;
  e->mwes = base->mwes;
  e->data_dir = dg_xstrdup(base->data_dir);
  e->hbase = dg_xstrdup(base->hbase);
  e->morph = dg_morph_open(e->data_dir, e->hbase, err);
  if (!e->morph) {
    dg_engine_free(e);
    return NULL;
  }
  dg_morph_set_known(e->morph, S_known, e->lex);
  return e;
}

void dg_engine_free(dg_engine *e) {
  if (!e) return;
  if (e->mwes && !e->borrowed) dg_mwe_list_free(e->mwes);
  dg_gl_pcache_free(e->pcache);
  if (e->morph) dg_morph_close(e->morph);
  if (e->lex && !e->borrowed) dg_lexicon_close(e->lex);
  free(e->data_dir);
  free(e->hbase);
  free(e);
}

/* ---- small string helpers ---------------------------------------------- */

char *dg_gl_lower(const char *s) {
  size_t L = 0;
  while (s[L] && !(s[L] & 0x80)) L++;
  if (!s[L]) { /* ASCII */
    char *r = dg_xstrdup(s);
    for (char *q = r; *q; q++)
      if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
    return r;
  }
  dg_buf b;
  dg_buf_init(&b);
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k;
  while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    dg_buf_put(&b, enc, (size_t)m);
    p += k;
  }
  if (*p) dg_buf_puts(&b, (const char *)p);
  char *r = dg_buf_detach(&b);
  return r ? r : dg_xstrdup("");
}

bool dg_gl_is_upper_initial(const char *s) {
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0) return false;
  return utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU;
}

bool dg_gl_all_upper(const char *s) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k;
  int letters = 0;
  while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
    utf8proc_category_t c = utf8proc_get_property(cp)->category;
    if (c == UTF8PROC_CATEGORY_LL) return false;
    if (c == UTF8PROC_CATEGORY_LU) letters++;
    p += k;
  }
  return letters >= 2;
}

static bool S_eq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static bool S_has_label(const char *labels, const char *want) {
  if (!labels) return false;
  size_t n = strlen(want);
  for (const char *p = labels; (p = strstr(p, want)) != NULL; p += n) {
    bool left = p == labels || p[-1] == '.' || p[-1] == '-' || p[-1] == '+' || p[-1] == '|' || p[-1] == '/';
    bool right = p[n] == '\0' || p[n] == '.' || p[n] == '-' || p[n] == '|' || p[n] == '/';
    if (left && right) return true;
  }
  return false;
}

static bool S_feat(const char *feats, const char *fv) {
  if (!feats || !*feats) return false;
  size_t n = strlen(fv);
  for (const char *p = feats; (p = strstr(p, fv)) != NULL; p += n)
    if ((p == feats || p[-1] == '|') && (p[n] == '\0' || p[n] == '|' || p[n] == ',')) return true;
  return false;
}

bool dg_gl_feat(const char *feats, const char *fv) { return S_feat(feats, fv); }
bool dg_gl_has_label(const char *labels, const char *want) { return S_has_label(labels, want); }

/* ---- per-sentence working state ---------------------------------------- */

static bool S_is_punct(const dg_dtoken *t) { return t->kind == DG_KIND_PUNCT; }
static bool S_opening(const dg_dtoken *t);
static bool S_person_noun(const char *lemma, bool masc);

static bool S_boundary(const dg_dtoken *t) {
  if (t->flags & DG_DF_CLAUSE_JOIN) return true;
  if (!S_is_punct(t)) return false;
  static const char *const b[] = {",", ";", ":", ".", "!", "?", "–", "—", "(", ")", "„", "“", "”", "\"", "»", "«"};
  for (size_t i = 0; i < DG_ARRAY_LEN(b); i++)
    if (strcmp(t->form, b[i]) == 0) return true;
  return false;
}

/* A quotation mark (a boundary above, but words in quotes stay in their
 * clause for some rules: sei „positiv“ verlaufen). */
static bool S_quote(const dg_dtoken *t) {
  return t->kind == DG_KIND_PUNCT && t->form[0] && strstr("„“”\"‚‘’»«", t->form) != NULL;
}

/* Start of the clause holding token i, and its end (exclusive). */
/* Scans stop after DG_GL_WINDOW tokens, so a sentence without punctuation
 * (a list, a table row, garbage) costs linear time. */
static size_t S_clause_end(const dg_dsentence *s, size_t i) {
  size_t j = i + 1;
  while (j < s->ntokens && j - i < DG_GL_WINDOW && !S_boundary(&s->tokens[j])) j++;
  return j;
}
static size_t S_clause_start(const dg_dsentence *s, size_t i) {
  size_t j = i;
  while (j > 0 && i - j < DG_GL_WINDOW && !S_boundary(&s->tokens[j - 1])) j--;
  return j;
}

/* ---- sense lists --------------------------------------------------------- */

static void S_set_glosses(dg_doc *d, dg_dtoken *t, const dg_sense *sv, size_t n, const char *first) {
  const char *tmp[DG_GL_MAX_SENSES + 1];
  size_t k = 0;
  if (first && *first) tmp[k++] = first;
  for (size_t i = 0; i < n && k < DG_GL_MAX_SENSES; i++) {
    if (!sv[i].gloss || !*sv[i].gloss) continue;
    bool dup = false;
    for (size_t j = 0; j < k; j++)
      if (strcmp(tmp[j], sv[i].gloss) == 0) dup = true;
    if (!dup) tmp[k++] = sv[i].gloss;
  }
  t->glosses = dg_mem_alloc(&d->arena, (k ? k : 1) * sizeof *t->glosses);
  for (size_t i = 0; i < k; i++) t->glosses[i] = dg_mem_strdup(&d->arena, tmp[i]);
  t->nglosses = k;
  if (k) t->gloss = t->glosses[0];
}

void dg_gl_set_single(dg_doc *d, dg_dtoken *t, const char *gloss) {
  t->glosses = dg_mem_alloc(&d->arena, sizeof *t->glosses);
  t->glosses[0] = dg_mem_strdup(&d->arena, gloss);
  t->nglosses = 1;
  t->gloss = t->glosses[0];
}

/* Put `g` first among the token's glosses. */
void dg_gl_promote(dg_doc *d, dg_dtoken *t, const char *g) {
  const char **nv = dg_mem_alloc(&d->arena, (t->nglosses + 1) * sizeof *nv);
  size_t k = 0;
  nv[k++] = dg_mem_strdup(&d->arena, g);
  for (size_t i = 0; i < t->nglosses; i++)
    if (strcmp(t->glosses[i], g) != 0) nv[k++] = t->glosses[i];
  t->glosses = nv;
  t->nglosses = k;
  t->gloss = nv[0];
}

/* Senses of lemma with pos; falls back to any pos, then lower/upper case. */
size_t dg_gl_senses(dg_engine *e, const char *lemma, const char *pos, dg_sense *out, size_t max) {
  if (!lemma || !*lemma) return 0;
  /* A user glossary entry wins whatever part of speech it names. */
  size_t any = dg_lexicon_senses(e->lex, lemma, NULL, out, max);
  if (any && out[0].source && strncmp(out[0].source, "glossary", 8) == 0) {
    size_t k = 0;
    while (k < any && k < max && out[k].source && strncmp(out[k].source, "glossary", 8) == 0) k++;
    return k;
  }
  size_t n = pos && *pos ? dg_lexicon_senses(e->lex, lemma, pos, out, max) : 0;
  if (n == 0 && pos && S_eq(pos, "AUX")) n = dg_lexicon_senses(e->lex, lemma, "VERB", out, max);
  if (n == 0 && pos && S_eq(pos, "PROPN")) n = dg_lexicon_senses(e->lex, lemma, "NOUN", out, max);
  if (n == 0) n = dg_lexicon_senses(e->lex, lemma, NULL, out, max);
  /* Old spelling from the morphology ("gewiß"), new in the lexicon ("gewiss"). */
  if (n == 0 && strstr(lemma, "ß")) {
    dg_buf b;
    dg_buf_init(&b);
    for (const char *p = lemma; *p;) {
      if (strncmp(p, "ß", 2) == 0) {
        dg_buf_puts(&b, "ss");
        p += 2;
      } else {
        dg_buf_putc(&b, *p++);
      }
    }
    n = dg_lexicon_senses(e->lex, b.data, pos && *pos ? pos : NULL, out, max);
    if (n == 0 && pos && *pos) n = dg_lexicon_senses(e->lex, b.data, NULL, out, max);
    dg_buf_free(&b);
  }
  return n < max ? n : max;
}

/* ---- numbers ------------------------------------------------------------- */

static bool S_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return false;
  return true;
}

static bool S_month_like(dg_engine *e, const char *w) {
  static const char *const m[] = {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                  "August", "September", "Oktober", "November", "Dezember"};
  for (size_t i = 0; i < DG_ARRAY_LEN(m); i++)
    if (strcmp(w, m[i]) == 0) return true;
  (void)e;
  return false;
}

/* German number notation to English: 1.000,5 -> 1,000.5 */
static void S_number(dg_doc *d, dg_dtoken *t, const dg_dsentence *s, size_t i, dg_engine *e) {
  const char *f = t->form;
  size_t n = strlen(f);
  dg_buf b;
  dg_buf_init(&b);
  bool ordinal = (t->flags & DG_DF_ORDINAL) || (n > 1 && f[n - 1] == '.');
  if (!ordinal && i + 2 < s->ntokens && S_eq(s->tokens[i + 1].form, ".") && !(t->flags & DG_DF_SPACE_AFTER) &&
      S_month_like(e, s->tokens[i + 2].form) && S_digits(f))
    ordinal = true;
  if (ordinal) {
    char digits[64];
    size_t m = f[n - 1] == '.' ? n - 1 : n;
    if (m >= sizeof digits) m = sizeof digits - 1;
    memcpy(digits, f, m);
    digits[m] = '\0';
    if (S_digits(digits)) {
      dg_english_ordinal(&b, digits);
      t->pos = "ADJ";
      t->feats = "NumType=Ord";
      t->labels = "";
      t->lemma = dg_mem_strdup(&d->arena, digits);
      dg_gl_set_single(d, t, b.data);
      t->source = "number";
      dg_buf_free(&b);
      return;
    }
  }
  for (const char *p = f; *p; p++) {
    if (*p == '.' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, ',');
    else if (*p == ',' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, '.');
    else dg_buf_putc(&b, *p);
  }
  t->pos = "NUM";
  t->feats = "NumType=Card";
  t->lemma = dg_mem_strdup(&d->arena, f);
  dg_gl_set_single(d, t, b.data ? b.data : f);
  t->source = "number";
  dg_buf_free(&b);
}

/* ---- closed class -------------------------------------------------------- */

static bool S_is_dword(const char *lower) {
  static const char *const w[] = {"der", "die", "das", "den", "dem", "des", "dessen", "deren", "denen"};
  for (size_t i = 0; i < DG_ARRAY_LEN(w); i++)
    if (strcmp(lower, w[i]) == 0) return true;
  return false;
}

/* Gender of the noun a determiner at i belongs to ("m" "f" "n" "pl" or ""),
 * and whether it is plural. */
static const char *S_noun_gender(dg_engine *e, dg_gl_ctx *c, size_t i, bool *plural, size_t *noun_at) {
  const dg_dsentence *s = c->s;
  for (size_t j = i + 1; j < s->ntokens && j <= i + 5; j++) {
    const dg_dtoken *t = &s->tokens[j];
    if (S_is_punct(t) && !S_eq(t->form, "„") && !S_eq(t->form, "\"")) break;
    dg_gl_word *w = &c->w[j];
    if (w->nan == 0) continue;
    const dg_analysis *a = &w->an[0];
    bool noun = S_eq(a->pos, "NOUN") || S_eq(a->pos, "PROPN");
    for (size_t k = 0; !noun && k < w->nan; k++)
      if ((S_eq(w->an[k].pos, "NOUN") || S_eq(w->an[k].pos, "PROPN")) && dg_gl_is_upper_initial(t->form)) {
        a = &w->an[k];
        noun = true;
      }
    if (!noun) continue;
    *plural = S_feat(a->feats, "Number=Plur");
    *noun_at = j;
    dg_sense sv[4];
    size_t n = dg_gl_senses(e, a->lemma, "NOUN", sv, 4);
    for (size_t k = 0; k < n; k++)
      if (sv[k].gender && *sv[k].gender) return sv[k].gender;
    const char *g = S_feat(a->feats, "Gender=Masc") ? "m" : S_feat(a->feats, "Gender=Fem") ? "f"
                    : S_feat(a->feats, "Gender=Neut")                                    ? "n"
                                                                                          : "";
    return g;
  }
  return "";
}

/* The case a preposition just before i (or two before, with an adjective
 * between) governs: "ACC", "DAT", "GEN" or NULL. */
static const char *S_governed(dg_gl_ctx *c, size_t i) {
  for (size_t j = i; j-- > 0 && i - j <= 1;) {
    dg_gl_word *w = &c->w[j];
    for (size_t k = 0; k < w->ncl; k++) {
      if (!S_eq(w->cl[k].pos, "ADP")) continue;
      const char *l = w->cl[k].labels;
      bool acc = S_has_label(l, "ACC") || strstr(l ? l : "", "+ACC");
      bool dat = S_has_label(l, "DAT") || strstr(l ? l : "", "+DAT");
      bool gen = S_has_label(l, "GEN") || strstr(l ? l : "", "+GEN");
      if (dat && !acc) return "DAT";
      if (acc && !dat) return "ACC";
      if (gen && !dat && !acc) return "GEN";
      if (dat && acc) return "ACC/DAT"; /* two-way prepositions: either case */
    }
  }
  return NULL;
}

static const char *S_gender_label(const char *g) {
  if (S_eq(g, "m")) return "M";
  if (S_eq(g, "f")) return "F";
  if (S_eq(g, "n")) return "N";
  return NULL;
}

/* Choose among closed-class readings of token i; -1 when an open-class
 * reading should win. */
/* Does the clause around token i end in a zu-infinitive ("zu blockieren",
 * "beizutreten") with no word before it that can only be finite? */
/* Is every reading of w a finite verb form (nothing else it could be)? */
static bool S_only_finite(const dg_gl_word *w) {
  if (!w->nan) return false;
  for (size_t a = 0; a < w->nan; a++)
    if (!S_feat(w->an[a].feats, "VerbForm=Fin")) return false;
  return true;
}

/* Has w a reading with this feature? */
static bool S_any_feat(const dg_gl_word *w, const char *fv) {
  for (size_t a = 0; a < w->nan; a++)
    if (S_feat(w->an[a].feats, fv)) return true;
  return false;
}

/* Does token i open its clause (maybe after an opening punctuation mark)? */
static bool S_clause_initial(const dg_dsentence *s, size_t i) {
  size_t cs = S_clause_start(s, i);
  return i == cs || (i == cs + 1 && S_is_punct(&s->tokens[cs]));
}

/* The first closed-class reading of w with this part of speech, or -1. */
static int S_closed_pos(const dg_gl_word *w, const char *pos) {
  for (size_t k = 0; k < w->ncl; k++)
    if (S_eq(w->cl[k].pos, pos)) return (int)k;
  return -1;
}

static bool S_infinitive_clause(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t end = S_clause_end(s, i);
  if (end <= i + 1) return false;
  size_t last = end - 1;
  bool zu_inf = (last > 0 && strcmp(c->w[last - 1].lower, "zu") == 0) ||
                (c->w[last].nan && c->w[last].an[0].leipzig && strstr(c->w[last].an[0].leipzig, "zu-INF"));
  if (!zu_inf) return false;
  for (size_t j = i + 1; j < last; j++) {
    const dg_gl_word *v = &c->w[j];
    if (dg_gl_is_upper_initial(s->tokens[j].form)) continue;
    if (S_only_finite(v) && (S_eq(v->an[0].pos, "VERB") || S_eq(v->an[0].pos, "AUX"))) return false;
  }
  return true;
}

static int S_pick_closed(dg_engine *e, dg_gl_ctx *c, size_t i) {
  dg_gl_word *w = &c->w[i];
  const dg_dsentence *s = c->s;
  if (w->ncl == 0) return -1;
  /* "sein" as verb vs possessive; "seine/seinen..." are always possessive. */
  if (strcmp(w->lower, "sein") == 0) {
    bool before_noun = false;
    if (i + 1 < s->ntokens) {
      const dg_dtoken *n = &s->tokens[i + 1];
      before_noun = !S_is_punct(n) && (dg_gl_is_upper_initial(n->form) || (c->w[i + 1].nan && S_eq(c->w[i + 1].an[0].pos, "ADJ")));
    }
    for (size_t k = 0; k < w->ncl; k++) {
      bool poss = S_eq(w->cl[k].pos, "DET") || S_has_label(w->cl[k].labels, "POSS");
      if (poss == before_noun) return (int)k;
    }
    return before_noun ? 0 : -1;
  }
  /* "um" before a zu-infinitive: "in order to" ("um … zu verhandeln",
   * "um … einzubauen"). */
  if (strcmp(w->lower, "um") == 0) {
    size_t end = S_clause_end(s, i);
    bool zu_inf = false;
    for (size_t j = i + 1; j < end && !zu_inf; j++) {
      if (strcmp(c->w[j].lower, "zu") == 0 && j + 1 < end && c->w[j + 1].nan &&
          (S_eq(c->w[j + 1].an[0].pos, "VERB") || S_eq(c->w[j + 1].an[0].pos, "AUX")))
        zu_inf = true;
      for (size_t a = 0; a < c->w[j].nan && !zu_inf; a++)
        if (c->w[j].an[a].leipzig && strstr(c->w[j].an[a].leipzig, "zu-INF")) zu_inf = true;
    }
    if (zu_inf)
      for (size_t k = 0; k < w->ncl; k++)
        if (S_eq(w->cl[k].pos, "SCONJ")) return (int)k;
  }
  /* "während", "seit", "bis" open a clause that ends in its finite verb
   * ("während es still ist": while); else they are prepositions
   * ("während des Krieges": during). */
  if (S_eq(w->lower, "während") || S_eq(w->lower, "seit") || S_eq(w->lower, "bis")) {
    size_t end = S_clause_end(s, i);
    const dg_gl_word *last = &c->w[end - 1];
    bool verb_final = end > i + 2 && !dg_gl_is_upper_initial(s->tokens[end - 1].form) &&
                      (S_only_finite(last) || S_closed_pos(last, "AUX") >= 0); /* "… gewesen ist" */
    int k = S_closed_pos(w, verb_final ? "SCONJ" : "ADP");
    if (k >= 0) return k;
  }
  /* "wie" inside a clause compares ("Bündnissen wie der EU": as/like); at
   * the start of a clause it asks (", wie wir die Lücke schließen"). */
  if (strcmp(w->lower, "wie") == 0 && i > 0 && !S_clause_initial(s, i) && S_closed_pos(w, "SCONJ") >= 0)
    return S_closed_pos(w, "SCONJ");
  /* "selbst" after a noun or pronoun is "himself, itself" (der Präsident
   * selbst); before a noun phrase, a preposition or a clause it is "even"
   * ("Selbst mit dem Start …", "selbst wenn"). */
  if (strcmp(w->lower, "selbst") == 0) {
    bool after_np = i > 0 && (S_eq(s->tokens[i - 1].pos, "NOUN") || S_eq(s->tokens[i - 1].pos, "PROPN") ||
                              S_eq(s->tokens[i - 1].pos, "PRON") || s->tokens[i - 1].kind == DG_KIND_NAME);
    bool before_np = false;
    if (i + 1 < s->ntokens && !after_np) {
      const dg_dtoken *n = &s->tokens[i + 1];
      const dg_gl_word *nw = &c->w[i + 1];
      before_np = n->kind == DG_KIND_WORD && (dg_gl_is_upper_initial(n->form) || nw->ncl > 0);
      for (size_t k = 0; k < nw->ncl && before_np; k++) /* not "selbst ist" */
        if (S_eq(nw->cl[k].pos, "AUX") || S_eq(nw->cl[k].pos, "VERB")) before_np = false;
    }
    int k = S_closed_pos(w, before_np ? "ADV" : "PRON");
    if (k >= 0) return k;
  }
  /* "Sie" with a capital inside a sentence is the polite "you" ("Besuchen
   * Sie …", "Bitte denken Sie daran"), not "they". */
  if (strcmp(s->tokens[i].form, "Sie") == 0 && !w->initial)
    for (size_t k = 0; k < w->ncl; k++)
      if (S_has_label(w->cl[k].labels, "POL")) return (int)k;
  /* "damit", "da" open a clause only at its start (", damit …"); after the
   * finite verb they are adverbs ("Er bestätigte damit die Äußerungen"). */
  if (strcmp(w->lower, "damit") == 0 || strcmp(w->lower, "da") == 0) {
    /* … or right before the finite verb ("Da war er nicht", "Damit ist
     * klar"): the conjunction is followed by its subject. */
    bool verb_next = i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form) &&
                     S_only_finite(&c->w[i + 1]);
    if ((!S_clause_initial(s, i) || verb_next) && S_closed_pos(w, "ADV") >= 0) return S_closed_pos(w, "ADV");
  }
  /* "zu" before an adjective or adverb on its own is "too" ("zu teuer",
   * "zu spät"), not before an adjective with its noun ("zu großen Teilen"). */
  if (strcmp(w->lower, "zu") == 0 && i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form) &&
      c->w[i + 1].nan && c->w[i + 1].ncl == 0 &&
      (S_eq(c->w[i + 1].an[0].pos, "ADJ") || S_eq(c->w[i + 1].an[0].pos, "ADV"))) {
    bool noun_after = i + 2 < s->ntokens && s->tokens[i + 2].kind == DG_KIND_WORD &&
                      dg_gl_is_upper_initial(s->tokens[i + 2].form);
    if (!noun_after && !S_any_feat(&c->w[i + 1], "VerbForm=Inf") && S_closed_pos(w, "ADV") >= 0)
      return S_closed_pos(w, "ADV");
  }
  /* "zu" before an infinitive is the infinitive marker. */
  if (strcmp(w->lower, "zu") == 0 && i + 1 < s->ntokens && !dg_gl_is_upper_initial(s->tokens[i + 1].form)) {
    bool inf = false;
    for (size_t a = 0; a < c->w[i + 1].nan && !inf; a++) inf = S_feat(c->w[i + 1].an[a].feats, "VerbForm=Inf");
    if (inf)
      for (size_t k = 0; k < w->ncl; k++)
        if (S_eq(w->cl[k].pos, "PART")) return (int)k;
  }
  bool after_comma = false;
  if (S_is_dword(w->lower) && i > 0) {
    const dg_dtoken *p = &s->tokens[i - 1];
    if (S_eq(p->form, ",")) after_comma = true;
    else if (i > 1 && S_eq(s->tokens[i - 2].form, ",")) {
      for (size_t k = 0; k < c->w[i - 1].ncl; k++)
        if (S_eq(c->w[i - 1].cl[k].pos, "ADP")) after_comma = true;
    }
  }
  bool plural = false;
  size_t noun_at = 0;
  const char *gender = "";
  const char *gov = S_governed(c, i);
  bool det_seen = false;
  for (size_t k = 0; k < w->ncl; k++)
    if (S_eq(w->cl[k].pos, "DET")) det_seen = true;
  if (det_seen) gender = S_noun_gender(e, c, i, &plural, &noun_at);
  /* A relative pronoun follows a comma and does not start a noun phrase:
   * the next word is no adjective or noun ("…, der den Ton setzt"), or no
   * article reading agrees with the noun ("…, die Russland besetzt hält"). */
  bool np_follows = false;
  /* An opening quote may stand inside the noun phrase: die „schlechte Arbeit“. */
  size_t nx = i + 1;
  while (nx < s->ntokens && nx < i + 3 && S_opening(&s->tokens[nx]) && !S_eq(s->tokens[nx].form, "("))
    nx++;
  if (nx < s->ntokens) {
    const dg_dtoken *n = &s->tokens[nx];
    const dg_gl_word *nw = &c->w[nx];
    np_follows = n->kind == DG_KIND_WORD && (dg_gl_is_upper_initial(n->form) ||
                                            (nw->nan && (S_eq(nw->an[0].pos, "ADJ") || S_eq(nw->an[0].pos, "NOUN"))));
    /* After a definite article an adjective is weak (-e, -en): a strong
     * ending ("die gründlicher Untersuchung bedürfen") or a comparative
     * ("die größer sind") shows the d-word is a pronoun. */
    if (np_follows && S_is_dword(w->lower) && !dg_gl_is_upper_initial(n->form) && nw->nan &&
        S_eq(nw->an[0].pos, "ADJ")) {
      size_t L = strlen(n->form);
      bool weak = (L > 1 && n->form[L - 1] == 'e') || (L > 2 && strcmp(n->form + L - 2, "en") == 0);
      if (!weak) np_follows = false;
    }
  }
  bool agrees = !*gender;
  const char *glab = S_gender_label(gender);
  for (size_t k = 0; k < w->ncl && !agrees; k++) {
    if (S_has_label(w->cl[k].labels, "REL")) continue;
    if (plural ? S_has_label(w->cl[k].labels, "PL") : (glab && S_has_label(w->cl[k].labels, glab))) agrees = true;
  }
  /* … or the clause it opens ends in a finite verb ("…, die der Schüler
   * nicht bewältigen kann,"). */
  bool verb_final = false;
  if (after_comma) {
    size_t end = S_clause_end(s, i);
    if (end > i + 2 && end - 1 > i) {
      /* Only a form that can be nothing but finite ("kann", "hält"), not
       * one that may be an infinitive ("konzentrieren"). */
      const dg_gl_word *lw = &c->w[end - 1];
      verb_final = lw->nan > 0 && !dg_gl_is_upper_initial(s->tokens[end - 1].form);
      for (size_t a = 0; a < lw->nan && verb_final; a++)
        if (!S_feat(lw->an[a].feats, "VerbForm=Fin")) verb_final = false;
    }
  }
  bool rel = after_comma && (!np_follows || !agrees || verb_final);
  /* Personal pronouns agree with the finite verb next to them ("sie müssen"). */
  int verb_pl = -1;
  for (size_t j = i + 1; j-- > (i > 0 ? i - 1 : 0) && verb_pl < 0;) {
    size_t q = j == i ? i + 1 : j;
    if (q >= s->ntokens || q == i) continue;
    const dg_gl_word *vw = &c->w[q];
    /* Only when every finite reading of the verb agrees on the number. */
    int pl = -1;
    for (size_t a = 0; a < vw->nan; a++) {
      if (!S_feat(vw->an[a].feats, "VerbForm=Fin")) continue;
      int this_pl = S_feat(vw->an[a].feats, "Number=Plur");
      pl = pl < 0 ? this_pl : (pl == this_pl ? pl : 2);
    }
    if (pl == 0 || pl == 1) verb_pl = pl;
  }
  /* … or with the finite verb closing a subordinate clause (", bei denen
   * sie … markierten": they). */
  size_t sub_verb = 0; /* the finite verb closing i's subordinate clause, 0 if none */
  if (i > 0) {
    size_t end = S_clause_end(s, i), cs = S_clause_start(s, i);
    bool sub = false;
    for (size_t j = cs; j < i && !sub; j++)
      sub = S_eq(s->tokens[j].pos, "SCONJ") ||
            (c->w[j].closed >= 0 && S_has_label(c->w[j].cl[c->w[j].closed].labels, "REL")) ||
            /* a w-word opening the clause (", was sie … würden") */
            (j == cs && j > 0 && c->w[j].closed >= 0 && S_has_label(c->w[j].cl[c->w[j].closed].labels, "INT"));
    if (sub && end > i + 1 && !dg_gl_is_upper_initial(s->tokens[end - 1].form)) sub_verb = end - 1;
    if (verb_pl < 0 && sub_verb) {
      const dg_gl_word *vw = &c->w[sub_verb];
      int pl = -1;
      for (size_t a = 0; a < vw->nan; a++) {
        if (!S_feat(vw->an[a].feats, "VerbForm=Fin") || !S_feat(vw->an[a].feats, "Person=3")) continue;
        int this_pl = S_feat(vw->an[a].feats, "Number=Plur");
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
      if (!S_feat(vw->an[a].feats, "VerbForm=Fin")) continue;
      any = true;
      if (!(S_feat(vw->an[a].feats, "Person=2") && S_feat(vw->an[a].feats, "Number=Plur"))) all = false;
    }
    verb_2pl = any && all;
  }
  int best = -1;
  double best_score = -1e9;
  for (size_t k = 0; k < w->ncl; k++) {
    const dg_sense *sv = &w->cl[k];
    double sc = -0.01 * (double)k;
    if (verb_2pl && S_eq(sv->pos, "PRON") && sv->labels && strstr(sv->labels, "2PL")) sc += 4;
    if (S_eq(sv->pos, "PRON") && verb_pl >= 0 && !S_has_label(sv->labels, "REL")) {
      bool pl = S_has_label(sv->labels, "PL") || strstr(sv->labels ? sv->labels : "", "PL.") ||
                (sv->labels && strstr(sv->labels, "3PL"));
      bool sg = (sv->labels && (strstr(sv->labels, "SG") != NULL));
      if (verb_pl ? pl : sg) sc += 2;
    }
    bool is_rel = S_has_label(sv->labels, "REL");
    bool is_det = S_eq(sv->pos, "DET");
    if (S_is_dword(w->lower)) {
      if (rel) sc += is_rel ? 5 : 0;
      else sc += is_rel ? -5 : 0;
      if (!rel && is_det) sc += 1;
    }
    if (is_det || S_is_dword(w->lower)) {
      const char *gl = S_gender_label(gender);
      if (plural) sc += S_has_label(sv->labels, "PL") ? 2 : -1;
      else if (gl && !is_rel) sc += S_has_label(sv->labels, gl) ? 2 : (S_has_label(sv->labels, "PL") ? -1 : -0.5);
      /* (a relative pronoun after its preposition takes its case too:
       * ", bei der …" DAT) */
      if (gov && (!is_rel || (i > 0 && S_eq(s->tokens[i - 1].pos, "ADP")))) {
        bool fits = strcmp(gov, "ACC/DAT") == 0 ? (S_has_label(sv->labels, "ACC") || S_has_label(sv->labels, "DAT"))
                                                : S_has_label(sv->labels, gov);
        sc += fits ? 3 : -1;
      }
      else if (!gov && !is_rel) {
        /* Without a preposition: NOM at the start of a clause or right
         * after a subordinating conjunction ("dass die Vereinigten Staaten
         * … anstreben", "wenn die Ukraine … aufgäbe"), else ACC. */
        bool starts = S_clause_initial(s, i) ||
                      (i > 0 && S_eq(s->tokens[i - 1].pos, "SCONJ") && strcmp(c->w[i - 1].lower, "um") != 0 &&
                       strcmp(c->w[i - 1].lower, "als") != 0 && strcmp(c->w[i - 1].lower, "wie") != 0);
        /* An infinitive clause has no subject (", das Wahlrecht … zu
         * blockieren"): its noun phrases are objects. */
        if (starts && S_infinitive_clause(c, i)) starts = false;
        /* After a finite "sein" the noun phrase is the predicate ("Dies ist
         * eine hochkomplexe Situation"). */
        if (!starts && i > 0 && S_eq(s->tokens[i - 1].lemma, "sein") && S_eq(s->tokens[i - 1].pos, "AUX"))
          starts = true;
        if (S_has_label(sv->labels, starts ? "NOM" : "ACC")) sc += 1;
        else if (S_has_label(sv->labels, "NOM") || S_has_label(sv->labels, "ACC")) sc += 0.5;
      }
    }
    if (sc > best_score) {
      best_score = sc;
      best = (int)k;
    }
  }
  return best;
}

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
    if (closed && S_eq(pos, "ADP"))
      keep = !strcmp(p, "NOM") || !strcmp(p, "ACC") || !strcmp(p, "DAT") || !strcmp(p, "GEN");
    else if (closed)
      keep = strcmp(p, "DEF") && strcmp(p, "INDF") && strcmp(p, "SG") && p[0] != '+' &&
             !(S_eq(pos, "PRON") && !strcmp(p, "PRS"));
    else if (S_eq(pos, "NOUN") || S_eq(pos, "PROPN")) keep = !strcmp(p, "GEN") || !strcmp(p, "PL");
    else if (S_eq(pos, "VERB") || S_eq(pos, "AUX")) keep = true;
    else if (S_eq(pos, "ADJ") || S_eq(pos, "ADV")) keep = !strcmp(p, "CMPR") || !strcmp(p, "SUPL");
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

/* "bestätigte" with lemma "bestätigen" -> "bestätig-te"; "Russlands" ->
 * "Russland-s".  NULL when the form does not start with the lemma's stem. */
const char *dg_gl_segment(dg_doc *d, const char *form, const char *lemma, const char *pos) {
  if (!lemma || !*lemma || strcmp(form, lemma) == 0) return NULL;
  size_t L = strlen(lemma), F = strlen(form);
  size_t stem = L;
  if (S_eq(pos, "VERB") || S_eq(pos, "AUX")) {
    if (L > 2 && strcmp(lemma + L - 2, "en") == 0) stem = L - 2;
    else if (L > 1 && lemma[L - 1] == 'n') stem = L - 1;
  }
  if (stem < 2 || F <= stem || F - stem > 4) return NULL;
  if (memcmp(form, lemma, stem) != 0) {
    /* Sentence-initial capital: compare the rest. */
    char *lf = dg_gl_lower(form), *ll = dg_gl_lower(lemma);
    bool same = strncmp(lf, ll, stem) == 0;
    free(lf);
    free(ll);
    if (!same) return NULL;
  }
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_put(&b, form, stem);
  dg_buf_putc(&b, '-');
  dg_buf_puts(&b, form + stem);
  const char *r = dg_mem_strdup(&d->arena, b.data);
  dg_buf_free(&b);
  return r;
}

/* ---- open class -------------------------------------------------------- */

/* Does the clause around i contain the word `lower` (a pronoun)? */
static bool S_clause_has(const dg_gl_ctx *c, size_t i, const char *lower) {
  size_t a = S_clause_start(c->s, i), b = S_clause_end(c->s, i);
  for (size_t j = a; j < b; j++)
    if (j != i && strcmp(c->w[j].lower, lower) == 0) return true;
  /* A clause joined by "und" right before its verb shares the subject of
   * the clause before ("Ich war … und werde …", "Wir sitzen … und
   * besprechen"). */
  if (a > 1 && (c->s->tokens[a - 1].flags & DG_DF_CLAUSE_JOIN) && a == i) {
    size_t pa = S_clause_start(c->s, a - 2);
    for (size_t j = pa; j < a - 1; j++)
      if (strcmp(c->w[j].lower, lower) == 0) return true;
  }
  return false;
}

/* Rank analyses in context: capitals outside sentence starts are nouns or
 * names; lower case is not a noun; after a determiner, a noun or adjective. */
static int S_pick_analysis(dg_gl_ctx *c, size_t i) {
  dg_gl_word *w = &c->w[i];
  const dg_dsentence *s = c->s;
  if (w->nan == 0) return -1;
  bool cap = dg_gl_is_upper_initial(s->tokens[i].form);
  /* (an article before a lower-case word counts only when a noun follows:
   * "das große Haus", not "Das bestimmt er") */
  bool prev_det = i > 0 && c->w[i - 1].closed >= 0 &&
                  S_eq(c->w[i - 1].cl[c->w[i - 1].closed].pos, "DET") &&
                  (cap || (i + 1 < s->ntokens && dg_gl_is_upper_initial(s->tokens[i + 1].form)) ||
                   (i + 2 < s->ntokens && dg_gl_is_upper_initial(s->tokens[i + 2].form)));
  /* An infinitive after "zu", or closing a clause opened by a modal or
   * "werden" ("werden … ein Telefongespräch führen"). */
  static const char *const modal[] = {"werden", "können", "müssen", "sollen", "wollen",
                                      "dürfen", "mögen", "möchten", "lassen"};
  bool want_inf = i > 0 && strcmp(c->w[i - 1].lower, "zu") == 0;
  /* "… werden könnte": an infinitive before a clause-final modal. */
  if (!want_inf && i + 1 < s->ntokens && S_clause_end(s, i + 1) == i + 2 && c->w[i + 1].nan)
    for (size_t m = 0; m < DG_ARRAY_LEN(modal); m++)
      if (S_eq(c->w[i + 1].an[0].lemma, modal[m])) want_inf = true;
  /* A participle before an auxiliary: "erreicht werden", "geführt worden". */
  bool want_part = false;
  bool stative = false; /* the auxiliary is "sein": an adjective fits too (ist bekannt) */
  static const char *const sein_forms[] = {"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären",
                                           "sein", "gewesen", "bin", "bist", "seid"};
  if (i + 1 < s->ntokens) {
    static const char *const aux[] = {"werden", "worden", "wurde", "wurden", "wird", "würde", "würden", "sein",
                                      "ist", "war", "waren", "sind", "haben", "hat", "hatte", "hatten", "habe",
                                      "hätte", "hätten", "gewesen"};
    for (size_t m = 0; m < DG_ARRAY_LEN(aux); m++)
      if (strcmp(c->w[i + 1].lower, aux[m]) == 0) want_part = true;
    for (size_t m = 0; m < DG_ARRAY_LEN(sein_forms) && want_part; m++)
      if (strcmp(c->w[i + 1].lower, sein_forms[m]) == 0) stative = true; /* "entscheidend sein" */
  }
  /* A participle closing a clause that has a finite auxiliary ("wurde
   * bereits … diskutiert", "hat … gestellt"), or right before a clause-final
   * finite verb ("…, die Russland besetzt hält"): "discussed", "occupied". */
  if (!want_part && !dg_gl_is_upper_initial(s->tokens[i].form)) {
    static const char *const fin_aux[] = {"wird", "werden", "wurde", "wurden", "würde", "würden", "werde",
                                          "ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären",
                                          "hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"};
    size_t end = S_clause_end(s, i);
    /* Back from a clause-final word, past inserted phrases between commas,
     * to the nearest finite verb: an auxiliary asks for the participle. */
    if (end == i + 1)
      for (size_t j = i; j-- > 0 && i - j < DG_GL_WINDOW;) {
        const dg_dtoken *b = &s->tokens[j];
        if (S_is_punct(b)) {
          if (S_eq(b->form, ",") || S_eq(b->form, "–") || S_eq(b->form, "(") || S_eq(b->form, ")")) continue;
          if (S_quote(b)) continue; /* sei „positiv“ verlaufen */
          break;
        }
        bool aux = false;
        for (size_t m = 0; m < DG_ARRAY_LEN(fin_aux) && !aux; m++) aux = strcmp(c->w[j].lower, fin_aux[m]) == 0;
        if (aux) {
          want_part = true;
          for (size_t m = 0; m < DG_ARRAY_LEN(sein_forms); m++)
            if (strcmp(c->w[j].lower, sein_forms[m]) == 0) stative = true;
          break;
        }
        if (c->w[j].nan && !dg_gl_is_upper_initial(b->form) && S_feat(c->w[j].an[0].feats, "VerbForm=Fin") &&
            (S_eq(c->w[j].an[0].pos, "VERB") || S_eq(c->w[j].an[0].pos, "AUX")))
          break;
        /* A subordinating conjunction or relative pronoun opens another
         * clause (not "als", "wie" comparing inside it: "sind als … bekannt"). */
        if (S_eq(b->pos, "SCONJ") && !((S_eq(c->w[j].lower, "als") || S_eq(c->w[j].lower, "wie")) && j > 0 &&
                                        !S_is_punct(&s->tokens[j - 1])))
          break;
        if (c->w[j].closed >= 0 && S_has_label(c->w[j].cl[c->w[j].closed].labels, "REL")) break;
      }
    if (!want_part && end == i + 2 && c->w[i + 1].nan && !dg_gl_is_upper_initial(s->tokens[i + 1].form)) {
      bool verb = false;
      for (size_t a = 0; a < c->w[i + 1].nan && !verb; a++)
        verb = (S_eq(c->w[i + 1].an[a].pos, "VERB") || S_eq(c->w[i + 1].an[a].pos, "AUX")) &&
               !S_feat(c->w[i + 1].an[a].feats, "VerbForm=Part");
      want_part = verb;
    }
  }
  /* "… verheiratet zu sein", "… verfolgt zu werden": a participle. */
  if (!want_part && i + 2 < s->ntokens && strcmp(c->w[i + 1].lower, "zu") == 0 &&
      (strcmp(c->w[i + 2].lower, "sein") == 0 || strcmp(c->w[i + 2].lower, "werden") == 0 ||
       strcmp(c->w[i + 2].lower, "haben") == 0)) {
    want_part = true;
    stative = strcmp(c->w[i + 2].lower, "sein") == 0;
  }
  /* A lower-case word before a noun is attributive: adjective or participle;
   * also before "und"/"oder"/"," and another such word ("auf vereisten und
   * verschneiten Straßen"). */
  size_t nn = i + 1;
  if (nn + 2 < s->ntokens && (S_eq(c->w[nn].lower, "und") || S_eq(c->w[nn].lower, "oder") ||
                              S_eq(s->tokens[nn].form, ",")) &&
      !dg_gl_is_upper_initial(s->tokens[nn + 1].form) && s->tokens[nn + 1].kind == DG_KIND_WORD) {
    bool adj = false;
    for (size_t a = 0; a < c->w[nn + 1].nan && !adj; a++)
      adj = S_eq(c->w[nn + 1].an[a].pos, "ADJ") || S_feat(c->w[nn + 1].an[a].feats, "VerbForm=Part");
    if (adj) nn += 2;
  }
  bool attributive = !cap && i > 0 && nn < s->ntokens && s->tokens[nn].kind == DG_KIND_WORD &&
                     dg_gl_is_upper_initial(s->tokens[nn].form) && !c->w[nn].initial &&
                     (S_eq(s->tokens[i - 1].pos, "DET") || S_eq(s->tokens[i - 1].pos, "ADP") ||
                      S_eq(s->tokens[i - 1].pos, "ADJ") || S_eq(s->tokens[i - 1].pos, "NUM") ||
                      S_eq(s->tokens[i - 1].pos, "ADV"));
  if (!want_inf) {
    size_t end = S_clause_end(s, i), start = S_clause_start(s, i);
    if (end == i + 1 || (end == i + 2 && c->w[i + 1].nan &&
                         (S_eq(c->w[i + 1].an[0].lemma, "werden") || S_eq(c->w[i + 1].an[0].pos, "AUX"))))
      for (size_t j = start; j < i && !want_inf; j++) {
        for (size_t m = 0; m < DG_ARRAY_LEN(modal); m++)
          if (S_eq(s->tokens[j].lemma, modal[m]) && j != i) want_inf = true;
      }
  }
  int best = 0;
  double best_score = -1e9;
  bool degree_before = false;
  if (i > 0 && !cap) {
    static const char *const deg[] = {"ganz", "sehr", "ziemlich", "besonders", "äußerst", "höchst", "recht", "so",
                                      "zu", "allzu", "extrem", "total", "wirklich"};
    for (size_t q = 0; q < DG_ARRAY_LEN(deg) && !degree_before; q++) degree_before = S_eq(c->w[i - 1].lower, deg[q]);
  }
  bool has_fin = false; /* a finite verb reading ("Das bestimmt er") */
  for (size_t k = 0; k < w->nan; k++) has_fin = has_fin || S_feat(w->an[k].feats, "VerbForm=Fin");
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    double sc = a->score - 0.001 * (double)k;
    bool noun = S_eq(a->pos, "NOUN") || S_eq(a->pos, "PROPN");
    if (cap && !w->initial) sc += noun ? 2 : -1;
    if (!cap) sc += noun ? -2 : 0;
    if (prev_det) sc += (noun || S_eq(a->pos, "ADJ")) ? 1 : -0.5;
    /* Number agrees with the article ("dem Präsidenten": singular). */
    if (prev_det && noun) {
      const char *dl = c->w[i - 1].cl[c->w[i - 1].closed].labels;
      bool dpl = S_has_label(dl, "PL"), dsg = S_has_label(dl, "SG");
      if ((dpl && S_feat(a->feats, "Number=Plur")) || (dsg && S_feat(a->feats, "Number=Sing"))) sc += 0.5;
    }
    /* Verb forms the syntax demands outweigh agreement guesses. */
    if (want_inf && S_feat(a->feats, "VerbForm=Inf")) sc += 3;
    /* An infinitive nothing licenses, inside its clause, is the finite form
     * ("Seine Truppen versuchen derweil, …"). */
    if (!want_inf && S_feat(a->feats, "VerbForm=Inf") && S_clause_end(s, i) > i + 1 && !cap) sc -= 1;
    if (want_part && S_feat(a->feats, "VerbForm=Part")) sc += 2;
    /* After "sein" an adjective spelt like the form is the state (ist
     * bekannt: known, not confessed). */
    /* (against a present participle always: "ist entscheidend" = decisive;
     * against a past participle only on a tie: "sind bekannt" = known, but
     * "gezwungen sein" = forced, not the adjective "constrained") */
    if (want_part && stative && S_eq(a->pos, "ADJ") && strcmp(a->lemma, w->lower) == 0) {
      bool pres = false;
      for (size_t q = 0; q < w->nan; q++)
        pres = pres || (S_feat(w->an[q].feats, "VerbForm=Part") && S_feat(w->an[q].feats, "Tense=Pres"));
      sc += pres ? 3.5 : 2.1;
    }
    /* Without an auxiliary, an adjective spelt like the form breaks a tie
     * with the participle (bekannt: known). */
    if (!want_part && S_eq(a->pos, "ADJ") && strcmp(a->lemma, w->lower) == 0 && !has_fin) sc += 0.1;
    /* after a degree word an adjective ("ganz bestimmt", "sehr bekannt") */
    if (degree_before && S_eq(a->pos, "ADJ")) sc += 1.5;
    if (attributive) sc += (S_eq(a->pos, "ADJ") || S_feat(a->feats, "VerbForm=Part")) ? 1 : 0;
    if (attributive && S_feat(a->feats, "VerbForm=Fin")) sc -= 1;
    /* An inflected adjective needs a noun after it; used on its own
     * ("äußerte sich vorsichtiger") the -er form is the comparative. */
    if (S_eq(a->pos, "ADJ") && S_feat(a->feats, "Degree=Pos") && strstr(a->feats ? a->feats : "", "Case=") &&
        !cap && i + 1 < s->ntokens) {
      const dg_dtoken *nt = &s->tokens[i + 1];
      bool noun_next = nt->kind == DG_KIND_WORD && (dg_gl_is_upper_initial(nt->form) ||
                                                   (c->w[i + 1].nan && S_eq(c->w[i + 1].an[0].pos, "ADJ")));
      bool cmp_reading = false;
      for (size_t q = 0; q < w->nan; q++) cmp_reading = cmp_reading || S_feat(w->an[q].feats, "Degree=Cmp");
      if (!noun_next && cmp_reading) sc -= 1.5;
    }
    /* Person agrees with a pronoun subject in the clause ("wir kommen",
     * "das Gespräch werde": not 1SG without "ich"). */
    if (S_feat(a->feats, "VerbForm=Fin")) {
      bool p1 = S_feat(a->feats, "Person=1"), p2 = S_feat(a->feats, "Person=2");
      bool pl = S_feat(a->feats, "Number=Plur");
      const char *need = p1 ? (pl ? "wir" : "ich") : p2 ? (pl ? "ihr" : "du") : NULL;
      if (need) sc += S_clause_has(c, i, need) ? 1.5 : -1.5;
      else if (pl && S_clause_has(c, i, "wir")) sc -= 1;
      /* a 3rd person singular with ich/wir/du/ihr as the clause's subject
       * ("werden wir ganz bestimmt …": not "determines") */
      else if (!pl && (S_clause_has(c, i, "wir") || S_clause_has(c, i, "ich") || S_clause_has(c, i, "du")))
        sc -= 1;
    }
    if (sc > best_score) {
      best_score = sc;
      best = (int)k;
    }
  }
  return best;
}

/* Glosses for a compound's parts; returns true when every stem got one. */
/* Senses of a compound part.  A head that the morphology reads as an
 * adjective (gesandt) is a nominalised adjective or participle in a noun
 * compound: the dictionary's noun (Gesandter "envoy", Abgeordnete) first. */
static size_t S_part_senses(dg_engine *e, dg_doc *d, const dg_part *p, bool head, dg_sense *sv,
                            size_t max) {
  const char *lemma = p->lemma ? p->lemma : p->form;
  if (head && !dg_gl_is_upper_initial(lemma) && strlen(p->form) < 120) {
    char cand[3][256];
    snprintf(cand[0], sizeof cand[0], "%s", p->form);
    snprintf(cand[1], sizeof cand[1], "%ser", lemma);
    snprintf(cand[2], sizeof cand[2], "%se", lemma);
    for (size_t c = 0; c < 3; c++) {
      char *cap = dg_gl_lower(cand[c]);
      dg_buf b;
      dg_buf_init(&b);
      dg_utf8_capitalize(&b, cap, strlen(cap));
      free(cap);
      size_t n = dg_lexicon_senses(e->lex, b.data, "NOUN", sv, max);
      dg_buf_free(&b);
      if (n) return n > max ? max : n;
    }
  }
  /* A first part with a gloss of its own as a first part (Haupt|stadt:
   * main; dictionaries/first-parts.tsv) takes it. */
  if (!head && max) {
    dg_sense fp[4];
    size_t nf = dg_lexicon_senses(e->lex, lemma, "X", fp, 4);
    for (size_t k = 0; k < nf && k < 4; k++)
      if (fp[k].source && strncmp(fp[k].source, "dictionaries/first-parts.tsv", 28) == 0) {
        sv[0] = fp[k];
        return 1;
      }
  }
  size_t n = dg_gl_senses(e, lemma, NULL, sv, max);
  if (n == 0 && strcmp(lemma, p->form) != 0) n = dg_gl_senses(e, p->form, NULL, sv, max);
  /* A participle part (neu|gezogenen): its verb's English participle. */
  if (n == 0 && max && !dg_gl_is_upper_initial(lemma)) {
    dg_analysis an[8];
    size_t na = dg_morph_analyze(e->morph, lemma, false, NULL, an, 8);
    for (size_t k = 0; k < na && k < 8 && n == 0; k++) {
      if (!S_eq(an[k].pos, "VERB") || !S_feat(an[k].feats, "VerbForm=Part")) continue;
      dg_sense vs[1];
      if (!dg_lexicon_senses(e->lex, an[k].lemma, "VERB", vs, 1)) continue;
      dg_buf b;
      dg_buf_init(&b);
      dg_english_participle(&b, vs[0].gloss);
      sv[0] = vs[0];
      sv[0].gloss = dg_mem_strdup(&d->arena, b.data ? b.data : vs[0].gloss);
      dg_buf_free(&b);
      n = 1;
    }
  }
  return n;
}

static bool S_words_overlap(const char *a, const char *b);

/* A part's gloss: the first of its senses that shares a word with one of
 * the whole word's glosses (Kraft|werk "power plant": power, not force;
 * Haupt|hindernis "major obstacle": obstacle), else its first sense. */
static const char *S_part_gloss(const dg_sense *ps, size_t np, const dg_sense *whole, size_t nw) {
  for (size_t i = 0; i < np; i++)
    for (size_t j = 0; j < nw && j < 8; j++)
      if (S_words_overlap(ps[i].gloss, whole[j].gloss)) return ps[i].gloss;
  return ps[0].gloss;
}

static bool S_parts(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_part *pv, size_t np,
                    const dg_sense *whole, size_t nwhole) {
  t->parts = dg_mem_alloc(&d->arena, np * sizeof *t->parts);
  t->nparts = np;
  bool all = true;
  dg_buf seg;
  dg_buf_init(&seg);
  for (size_t k = 0; k < np; k++) {
    dg_dpart *p = &t->parts[k];
    p->form = dg_mem_strdup(&d->arena, pv[k].form);
    p->lemma = dg_mem_strdup(&d->arena, pv[k].lemma ? pv[k].lemma : pv[k].form);
    p->link = pv[k].kind == DG_PART_LINK;
    p->gloss = "";
    if (!p->link) {
      dg_sense sv[8];
      bool head = k + 1 == np && k > 0 && dg_gl_is_upper_initial(t->form);
      size_t n = S_part_senses(e, d, &pv[k], head, sv, 8);
      if (n) p->gloss = dg_mem_strdup(&d->arena, S_part_gloss(sv, n, whole, nwhole));
      else {
        p->gloss = p->form;
        all = false;
      }
    }
    if (k) dg_buf_putc(&seg, '-');
    dg_buf_puts(&seg, k ? p->form : p->form);
  }
  t->seg = dg_mem_strdup(&d->arena, seg.data ? seg.data : t->form);
  dg_buf_free(&seg);
  return all;
}

/* The parts' glosses joined: "armistice agreement". */
static const char *S_parts_gloss(dg_doc *d, const dg_dtoken *t, const char *sep) {
  dg_buf b;
  dg_buf_init(&b);
  for (size_t k = 0; k < t->nparts; k++) {
    if (t->parts[k].link) continue;
    if (b.len) dg_buf_puts(&b, sep);
    dg_buf_puts(&b, t->parts[k].gloss);
  }
  const char *r = dg_mem_strdup(&d->arena, b.data ? b.data : "");
  dg_buf_free(&b);
  return r;
}

static bool S_name_like(dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  return dg_gl_is_upper_initial(t->form) && !c->w[i].initial;
}

/* Adjectives made from a number: "30-tägig" -> "30-day". */
static const char *S_number_suffix(const char *piece) {
  static const struct {
    const char *de, *en;
  } suf[] = {{"tägig", "day"},        {"wöchig", "week"},      {"monatig", "month"},    {"jährig", "year"},
             {"stündig", "hour"},     {"minütig", "minute"},   {"sekündig", "second"},  {"fach", "fold"},
             {"prozentig", "percent"}, {"köpfig", "member"},   {"seitig", "page"},      {"teilig", "part"},
             {"stöckig", "storey"},   {"sprachig", "language"}, {"malig", "time"},      {"jahrig", "year"}};
  char *l = dg_gl_lower(piece);
  const char *r = NULL;
  for (size_t k = 0; k < DG_ARRAY_LEN(suf) && !r; k++)
    if (strncmp(l, suf[k].de, strlen(suf[k].de)) == 0) r = suf[k].en;
  free(l);
  return r;
}

/* A word made of hyphen-joined pieces ("US-Präsident", "30-tägigen",
 * "NATO-Mitgliedschaft"): gloss piece by piece, the last one inflected. */
static bool S_hyphenated(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  const char *f = t->form;
  if (!strchr(f, '-') || f[0] == '-' || f[strlen(f) - 1] == '-') return false;
  char *copy = dg_xstrdup(f), *save = NULL;
  dg_part pv[DG_GL_MAX_PARTS];
  size_t np = 0;
  unsigned off = 0;
  for (char *p = strtok_r(copy, "-", &save); p && np < DG_GL_MAX_PARTS; p = strtok_r(NULL, "-", &save)) {
    pv[np].form = p;
    pv[np].lemma = p;
    pv[np].kind = DG_PART_STEM;
    pv[np].start = off;
    pv[np].end = off + (unsigned)strlen(p);
    off = pv[np].end + 1;
    np++;
  }
  if (np < 2) {
    free(copy);
    return false;
  }
  /* Analyse the last piece for lemma and inflection. */
  dg_analysis an[8];
  size_t nan = dg_morph_analyze(e->morph, pv[np - 1].form, false, NULL, an, 8);
  const dg_analysis *a = NULL;
  for (size_t k = 0; k < nan && !a; k++)
    if (dg_gl_is_upper_initial(pv[np - 1].form) == (S_eq(an[k].pos, "NOUN") || S_eq(an[k].pos, "PROPN")))
      a = &an[k];
  if (!a && nan) a = &an[0];
  if (a) pv[np - 1].lemma = a->lemma;
  dg_sense sv[DG_GL_MAX_SENSES];
  /* Glossed pieces */
  dg_buf g;
  dg_buf_init(&g);
  t->parts = dg_mem_alloc(&d->arena, np * sizeof *t->parts);
  t->nparts = np;
  bool all = true;
  for (size_t k = 0; k < np; k++) {
    dg_dpart *p = &t->parts[k];
    p->form = dg_mem_strdup(&d->arena, pv[k].form);
    p->lemma = dg_mem_strdup(&d->arena, pv[k].lemma);
    p->link = false;
    const char *pg = NULL;
    if (S_digits(pv[k].form)) pg = pv[k].form;
    else if (k > 0 && S_digits(pv[k - 1].form) && (pg = S_number_suffix(pv[k].form)) != NULL) {
      /* "30-tägigen" -> 30-day */
    } else {
      size_t n = dg_gl_senses(e, pv[k].lemma, NULL, sv, 1);
      if (n == 0 && strcmp(pv[k].lemma, pv[k].form) != 0) n = dg_gl_senses(e, pv[k].form, NULL, sv, 1);
      if (n == 0 && k > 0) {
        /* Ding lists bound forms with a hyphen: "-tägig" "-day". */
        char bound[256];
        snprintf(bound, sizeof bound, "-%s", pv[k].lemma);
        n = dg_gl_senses(e, bound, NULL, sv, 1);
      }
      if (n == 0) {
        dg_part cp[DG_GL_MAX_PARTS];
        size_t ncp = dg_compound_split(e->morph, pv[k].lemma, cp, DG_GL_MAX_PARTS);
        if (ncp >= 2) {
          dg_buf cg;
          dg_buf_init(&cg);
          for (size_t q = 0; q < ncp; q++) {
            if (cp[q].kind == DG_PART_LINK) continue;
            dg_sense s1;
            if (dg_gl_senses(e, cp[q].lemma ? cp[q].lemma : cp[q].form, NULL, &s1, 1)) {
              if (cg.len) dg_buf_putc(&cg, ' ');
              dg_buf_puts(&cg, s1.gloss);
            } else {
              all = false;
            }
          }
          if (cg.len) pg = dg_mem_strdup(&d->arena, cg.data);
          dg_buf_free(&cg);
        }
      } else {
        pg = dg_mem_strdup(&d->arena, sv[0].gloss);
      }
      if (dg_gl_all_upper(pv[k].form)) pg = pv[k].form; /* acronyms pass through: NATO, US */
    }
    if (!pg) {
      pg = pv[k].form;
      all = false;
    }
    /* A gloss that only changes the case keeps the written form: the
     * pieces of a name (Berners-Lee, not Berners-lee). */
    if (strcasecmp(pg, pv[k].form) == 0) pg = pv[k].form;
    p->gloss = dg_mem_strdup(&d->arena, pg);
    if (k) dg_buf_putc(&g, '-');
    /* "30-tägig" -> "30-day": Ding writes the suffix glosses with a hyphen. */
    dg_buf_puts(&g, pg[0] == '-' && k ? pg + 1 : pg);
  }
  dg_gl_set_single(d, t, g.data);
  dg_buf_free(&g);
  t->source = "parts";
  if (!all) t->reason = "some parts unknown";
  if (a) {
    const dg_dtoken *last = t;
    (void)last;
    t->lemma = dg_mem_strndup(&d->arena, f, (size_t)(strrchr(f, '-') - f) + 1);
    /* lemma: pieces before the last as written, then the last lemma */
    dg_buf lb;
    dg_buf_init(&lb);
    dg_buf_puts(&lb, t->lemma);
    dg_buf_puts(&lb, a->lemma);
    t->lemma = dg_mem_strdup(&d->arena, lb.data);
    dg_buf_free(&lb);
    t->pos = dg_mem_strdup(&d->arena, a->pos);
    t->feats = dg_mem_strdup(&d->arena, a->feats ? a->feats : "");
    c->w[i].leipzig = a->leipzig ? dg_mem_strdup(&d->arena, a->leipzig) : "";
    const char *segl = dg_gl_segment(d, pv[np - 1].form, a->lemma, a->pos);
    if (segl) {
      dg_buf sb;
      dg_buf_init(&sb);
      dg_buf_put(&sb, f, (size_t)(strrchr(f, '-') - f) + 1);
      dg_buf_puts(&sb, segl);
      t->seg = dg_mem_strdup(&d->arena, sb.data);
      dg_buf_free(&sb);
    }
  } else {
    t->lemma = dg_mem_strdup(&d->arena, f);
    t->pos = dg_gl_is_upper_initial(pv[np - 1].form) ? "NOUN" : "ADJ";
  }
  free(copy); /* pv[].form pointed into it */
  return true;
}

/* Does the compound's head share a word with one of the whole's glosses? */
static bool S_words_overlap(const char *a, const char *b) {
  char wa[128];
  const char *p = a;
  while (*p) {
    size_t n = strcspn(p, " .-/,;()");
    if (n >= 3 && n < sizeof wa) {
      memcpy(wa, p, n);
      wa[n] = '\0';
      const char *q = b;
      while (*q) {
        size_t m = strcspn(q, " .-/,;()");
        if (m == n && strncasecmp(q, wa, n) == 0) return true;
        q += m;
        while (*q && strchr(" .-/,;()", *q)) q++;
      }
    }
    p += n;
    while (*p && strchr(" .-/,;()", *p)) p++;
  }
  return false;
}

static bool S_head_explains(dg_engine *e, dg_doc *d, const dg_sense *sv, size_t ns, const dg_part *pv, size_t np,
                            bool noun) {
  const dg_part *head = NULL;
  for (size_t k = np; k-- > 0;)
    if (pv[k].kind == DG_PART_STEM) {
      head = &pv[k];
      break;
    }
  if (!head) return false;
  dg_sense hs[6];
  size_t nh = S_part_senses(e, d, head, noun && head != pv, hs, 6);
  for (size_t i = 0; i < ns && i < 8; i++)
    for (size_t j = 0; j < nh; j++)
      if (S_words_overlap(hs[j].gloss, sv[i].gloss)) return true;
  return false;
}

/* Does a split start with a prefix that is also a preposition or particle
 * ("Auf|teilung")?  Such words are derivations, not compounds. */
static bool S_particle_first(const dg_gl_ctx *c, const dg_part *pv) {
  static const char *const pre[] = {"ab", "an", "auf", "aus", "bei", "durch", "ein", "gegen", "hinter", "mit",
                                    "nach", "neben", "über", "um", "unter", "vor", "wider", "zu", "zurück",
                                    "zwischen", "ent", "ver", "be", "ge", "er", "zer", "miss", "fort", "weg", "hin",
                                    "her", "wieder", "zusammen", "weiter", "fest", "frei", "los", "dar", "empor"};
  char *l = dg_gl_lower(pv[0].form);
  bool r = false;
  for (size_t k = 0; k < DG_ARRAY_LEN(pre) && !r; k++) r = strcmp(l, pre[k]) == 0;
  free(l);
  (void)c;
  return r;
}

static bool S_letter_or_unit(const char *f) {
  static const char *const units[] = {"km", "m", "cm", "mm", "kg", "g", "mg", "t", "l", "ml", "h", "min", "s",
                                      "ms", "kW", "MW", "GW", "kWh", "km²", "m²", "m³", "ha", "°C", "ºC", "°F",
                                      "Hz", "kHz", "MHz", "GHz", "V", "W", "A", "dB", "ppm", "mph", "kn", "km/h"};
  for (size_t i = 0; i < DG_ARRAY_LEN(units); i++)
    if (strcmp(f, units[i]) == 0) return true;
  return ((f[0] >= 'a' && f[0] <= 'z') || (f[0] >= 'A' && f[0] <= 'Z')) && f[1] == '\0';
}

/* "hochkomplex" -> highly complex, "superschnell" -> super fast. */
static bool S_prefixed_adjective(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_gl_word *w) {
  static const struct {
    const char *de, *en;
  } pre[] = {{"höchst", "most"}, {"hoch", "highly"}, {"super", "super"}, {"ultra", "ultra"},
             {"extrem", "extremely"}, {"sehr", "very"}, {"über", "over"}, {"halb", "half"}, {"voll", "fully"}};
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return false;
  for (size_t k = 0; k < DG_ARRAY_LEN(pre); k++) {
    size_t n = strlen(pre[k].de);
    if (strncmp(w->lower, pre[k].de, n) != 0 || strlen(w->lower) < n + 4) continue;
    dg_analysis an[4];
    size_t na = dg_morph_analyze(e->morph, w->lower + n, false, NULL, an, 4);
    for (size_t a = 0; a < na && a < 4; a++) {
      if (!S_eq(an[a].pos, "ADJ")) continue;
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
      t->pos = "ADJ";
      t->feats = dg_mem_strdup(&d->arena, an[a].feats ? an[a].feats : "");
      t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
      t->reason = "prefixed adjective: prefix and adjective glossed apart";
      return true;
    }
  }
  return false;
}

/* "sinkend" -> sinken, "durchnässt" -> durchnässen, "domestiziert" ->
 * domestizieren; the gloss in -ing or participle form. */
static bool S_participle_gloss(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_gl_word *w) {
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return false;
  const char *lem = t->lemma[0] ? t->lemma : w->lower;
  char base[128];
  snprintf(base, sizeof base, "%s", lem);
  char *lb = dg_gl_lower(base);
  snprintf(base, sizeof base, "%s", lb);
  free(lb);
  /* Strip adjective endings from the form when the lemma is the form. */
  size_t L = strlen(base);
  static const char *const endings[] = {"en", "em", "er", "es", "e"};
  for (size_t k = 0; k < DG_ARRAY_LEN(endings); k++) {
    size_t n = strlen(endings[k]);
    if (L > n + 4 && strcmp(base + L - n, endings[k]) == 0 &&
        (strcmp(base + L - n - 1, "d") == 0 || base[L - n - 1] == 'd' || base[L - n - 1] == 't')) {
      base[L - n] = '\0';
      L -= n;
      break;
    }
  }
  char verb[160];
  bool present = false;
  if (L > 5 && strcmp(base + L - 3, "end") == 0) {
    snprintf(verb, sizeof verb, "%.*sen", (int)(L - 3), base); /* sinkend -> sinken */
    present = true;
  } else if (L > 4 && base[L - 1] == 't') {
    /* durchnässt -> durchnässen, domestiziert -> domestizieren, gemacht -> machen */
    const char *stem = base;
    size_t sl = L - 1;
    if (strncmp(base, "ge", 2) == 0 && L > 6) {
      stem = base + 2;
      sl -= 2;
    }
    if (sl > 1 && stem[sl - 1] == 'e') sl--; /* "gearbeitet" -> arbeit */
    snprintf(verb, sizeof verb, "%.*sen", (int)sl, stem);
  } else {
    return false;
  }
  dg_sense sv[DG_GL_MAX_SENSES];
  size_t n = dg_lexicon_senses(e->lex, verb, "VERB", sv, DG_GL_MAX_SENSES);
  if (n > DG_GL_MAX_SENSES) n = DG_GL_MAX_SENSES;
  if (n == 0) return false;
  dg_buf b;
  dg_buf_init(&b);
  if (present) {
    /* sink -> sinking, make -> making, stop -> stopping (short CVC) */
    const char *g = sv[0].gloss;
    size_t fl = strcspn(g, " ");
    if (fl == 2 && strncmp(g, "be", 2) == 0 && g[2] == ' ') {
      /* "be based (on)" -> based: the state, not "being based" */
      dg_buf_puts(&b, g + 3);
    } else {
      if (fl > 2 && g[fl - 1] == 'e' && g[fl - 2] != 'e') dg_buf_put(&b, g, fl - 1);
      else dg_buf_put(&b, g, fl);
      dg_buf_puts(&b, "ing");
      dg_buf_puts(&b, g + fl);
    }
  } else {
    dg_english_participle(&b, sv[0].gloss);
  }
  dg_gl_set_single(d, t, b.data);
  dg_buf_free(&b);
  t->lemma = dg_mem_strdup(&d->arena, verb);
  t->pos = "ADJ";
  t->feats = present ? "Tense=Pres|VerbForm=Part" : "Tense=Past|VerbForm=Part";
  t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
  t->reason = "participle without an entry of its own: glossed from its verb";
  return true;
}

/* Gloss a word from the shortest dictionary phrase that is the word plus
 * placeholders and function words ("von etw. profitieren"). */
static bool S_phrase_gloss(dg_engine *e, dg_doc *d, dg_dtoken *t, const char *lemma) {
  static const char *const filler[] = {"etw.", "jdm.", "jdn.", "jds.", "sich", "von", "zu", "an", "auf", "für",
                                       "mit", "über", "um", "dass", "in", "aus", "bei", "gegen", "vor", "nach",
                                       "…", "...", "jemandem", "jemanden", "etwas"};
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
      else {
        bool fill = false;
        for (size_t q = 0; q < DG_ARRAY_LEN(filler) && !fill; q++) fill = strcmp(l, filler[q]) == 0;
        ok = fill;
      }
      free(l);
    }
    if (ok && has_key && (!best || words < best_len)) {
      best = &ph[k];
      best_len = words;
    }
  }
  free(key);
  if (!best || !best->gloss || !*best->gloss) return false;
  /* "to benefit from sth.; to profit from sth." -> "benefit from" */
  char g[256];
  snprintf(g, sizeof g, "%s", best->gloss);
  g[strcspn(g, ";")] = '\0';
  char *p = g;
  if (strncmp(p, "to ", 3) == 0) p += 3;
  static const char *const drop[] = {" sth.", " sb.", " …", " ...", " sb", " sth"};
  for (size_t q = 0; q < DG_ARRAY_LEN(drop); q++) {
    char *x;
    while ((x = strstr(p, drop[q])) != NULL) memmove(x, x + strlen(drop[q]), strlen(x + strlen(drop[q])) + 1);
  }
  size_t L = strlen(p);
  while (L && (p[L - 1] == ' ' || p[L - 1] == '.' || p[L - 1] == ',')) p[--L] = '\0';
  if (!L) return false;
  dg_gl_set_single(d, t, p);
  t->source = dg_mem_strdup(&d->arena, best->source ? best->source : "dictionary phrase");
  t->reason = "no entry of its own: gloss of a dictionary phrase";
  if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, lemma);
  return true;
}

/* Content word i: analysis, senses, compound, name, fallback. */
/* Does the ';'-separated domain list hold `want`? */
static bool S_has_domain(const char *domains, const char *want) {
  size_t n = strlen(want);
  for (const char *p = domains ? domains : ""; *p;) {
    size_t l = strcspn(p, ";");
    if (l == n && strncmp(p, want, n) == 0) return true;
    p += l;
    if (*p) p++;
  }
  return false;
}

/* Has the clause of the verb at i a reflexive pronoun: "sich", or
 * mich/dich/uns/euch with the matching subject (ich erinnere mich)? */
/* Does the clause of i, with quotation marks around single words not
 * counted as boundaries (sich „angenähert“), hold `lower`? */
static bool S_clause_has_q(const dg_gl_ctx *c, size_t i, const char *lower) {
  const dg_dsentence *s = c->s;
  size_t a = i, b = i + 1;
  while (a > 0 && i - a < DG_GL_WINDOW && (!S_boundary(&s->tokens[a - 1]) || S_quote(&s->tokens[a - 1]))) a--;
  while (b < s->ntokens && b - i < DG_GL_WINDOW && (!S_boundary(&s->tokens[b]) || S_quote(&s->tokens[b]))) b++;
  for (size_t j = a; j < b; j++)
    if (j != i && strcmp(c->w[j].lower, lower) == 0) return true;
  return false;
}

static bool S_reflexive_clause(const dg_gl_ctx *c, size_t i) {
  static const char *const pairs[][2] = {{"mich", "ich"}, {"dich", "du"}, {"uns", "wir"}, {"euch", "ihr"}};
  if (S_clause_has_q(c, i, "sich")) return true;
  for (size_t k = 0; k < DG_ARRAY_LEN(pairs); k++)
    if (S_clause_has(c, i, pairs[k][0]) && S_clause_has(c, i, pairs[k][1])) return true;
  return false;
}

/* Longest known parts for the reader: two neighbouring stems (no link
 * between) that the dictionary knows as one word are shown and glossed as
 * one part, from the head back (Riese|n|schild|kröte -> Riese|n|schildkröte
 * "giant-LNK-turtle"), as long as two stems remain.  The morphology's own
 * split is finer where its tables lack the compound. */
static size_t S_merge_known(dg_engine *e, dg_doc *d, const char *word, dg_part *p, size_t np) {
  dg_buf w, low;
  dg_buf_init(&w);
  dg_buf_init(&low);
  for (size_t k = np; k-- > 1;) {
    size_t stems = 0;
    for (size_t q = 0; q < np; q++) stems += p[q].kind == DG_PART_STEM;
    if (stems < 3) break;
    if (k >= np || p[k].kind != DG_PART_STEM || p[k - 1].kind != DG_PART_STEM) continue;
    const char *hl = p[k].lemma ? p[k].lemma : p[k].form;
    dg_buf_clear(&low);
    dg_buf_put(&low, word + p[k - 1].start, p[k - 1].end - p[k - 1].start);
    char *hlow = dg_gl_lower(hl);
    dg_buf_puts(&low, hlow);
    free(hlow);
    char *lw = dg_gl_lower(low.data);
    dg_buf_clear(&w);
    dg_utf8_capitalize(&w, lw, strlen(lw));
    free(lw);
    if (!dg_lexicon_contains(e->lex, w.data)) continue;
    p[k - 1].form = dg_mem_strndup(&d->arena, word + p[k - 1].start, p[k].end - p[k - 1].start);
    p[k - 1].lemma = dg_mem_strdup(&d->arena, w.data);
    p[k - 1].end = p[k].end;
    memmove(&p[k], &p[k + 1], (np - k - 1) * sizeof *p);
    np--;
  }
  dg_buf_free(&w);
  dg_buf_free(&low);
  return np;
}

static void S_open(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  dg_sense sv[DG_GL_MAX_SENSES];
  size_t ns = 0;
  int pick = S_pick_analysis(c, i);
  const dg_analysis *a = pick >= 0 ? &w->an[pick] : NULL;
  if (a) {
    ns = dg_gl_senses(e, a->lemma, a->pos, sv, DG_GL_MAX_SENSES);
    /* Another analysis with senses beats one without (not the name
     * reading of a capitalised verb form: "Google" is no "google"). */
    for (size_t k = 0; ns == 0 && k < w->nan && !(w->name_reading && pick == 0); k++) {
      if ((int)k == pick) continue;
      ns = dg_gl_senses(e, w->an[k].lemma, w->an[k].pos, sv, DG_GL_MAX_SENSES);
      if (ns) a = &w->an[k];
    }
  }
  /* A verb with a reflexive pronoun in its clause takes the senses of the
   * reflexive verb first ("erinnert sich" = remembers, "freut sich" = is
   * glad); without one, those senses go last ("erinnert" = reminds). */
  if (ns > 1 && a && (S_eq(a->pos, "VERB") || S_eq(a->pos, "AUX"))) {
    bool refl = S_reflexive_clause(c, i);
    dg_sense tmp[DG_GL_MAX_SENSES];
    size_t m = 0;
    /* (a reviewed sense of dictionaries/ stays first; a reflexive sense
     * of a special field, "sich schützen" = hedge [econ.], is no reason
     * to leave "protect") */
    for (int pass = 0; pass < 3; pass++)
      for (size_t k = 0; k < ns; k++) {
        bool curated = sv[k].source && strncmp(sv[k].source, "dictionaries/", 13) == 0;
        bool vr = S_has_domain(sv[k].domains, "vr");
        bool general_vr = vr && strcmp(sv[k].domains, "vr") == 0;
        int rank = curated ? 0 : (refl ? (general_vr ? 1 : 2) : (vr ? 2 : 1));
        if (rank == pass) tmp[m++] = sv[k];
      }
    memcpy(sv, tmp, ns * sizeof *sv);
  }
  /* A plural-only noun the dictionary lists under its plural ("Streitkräfte"
   * = armed forces) while the morphology gives a singular it does not know. */
  bool plural_headword = false;
  if (ns == 0 && a && S_eq(a->pos, "NOUN") && strcmp(a->lemma, t->form) != 0) {
    ns = dg_lexicon_senses(e->lex, t->form, "NOUN", sv, DG_GL_MAX_SENSES);
    if (ns > DG_GL_MAX_SENSES) ns = DG_GL_MAX_SENSES;
    plural_headword = ns > 0;
  }
  /* A comparative or superlative the dictionary lists with a meaning of its
   * own ("jüngstes" = last, "latest"), not as the degree of its lemma. */
  bool own_degree = false;
  if (a && S_eq(a->pos, "ADJ") && (S_feat(a->feats, "Degree=Sup") || S_feat(a->feats, "Degree=Cmp")) &&
      strcmp(a->lemma, w->lower) != 0) {
    dg_sense dv[DG_GL_MAX_SENSES];
    size_t nd = dg_lexicon_senses(e->lex, w->lower, "ADJ", dv, DG_GL_MAX_SENSES);
    if (nd > DG_GL_MAX_SENSES) nd = DG_GL_MAX_SENSES;
    if (nd) {
      memcpy(sv, dv, nd * sizeof *sv);
      ns = nd;
      own_degree = true;
    } else {
      /* … or as a positive of its own ("jüngsten": jüngst = recent). */
      for (size_t k = 0; k < w->nan; k++) {
        const dg_analysis *b = &w->an[k];
        if (!S_eq(b->pos, "ADJ") || !S_feat(b->feats, "Degree=Pos") || S_eq(b->lemma, a->lemma)) continue;
        nd = dg_lexicon_senses(e->lex, b->lemma, "ADJ", dv, DG_GL_MAX_SENSES);
        if (nd > DG_GL_MAX_SENSES) nd = DG_GL_MAX_SENSES;
        if (nd) {
          memcpy(sv, dv, nd * sizeof *sv);
          ns = nd;
          a = b;
          break;
        }
      }
    }
  }
  /* An uninflected adverb spelt exactly like the word ("bereits") beats an
   * analysis as an inflected form of something else ("bereit"). */
  if (a && !dg_gl_is_upper_initial(t->form) && strcmp(a->lemma, t->form) != 0 && !S_eq(a->pos, "VERB") &&
      !S_eq(a->pos, "AUX")) {
    dg_sense av[DG_GL_MAX_SENSES];
    size_t na = dg_lexicon_senses(e->lex, t->form, "ADV", av, DG_GL_MAX_SENSES);
    if (na > DG_GL_MAX_SENSES) na = DG_GL_MAX_SENSES;
    if (na) {
      memcpy(sv, av, na * sizeof *sv);
      ns = na;
      t->lemma = dg_mem_strdup(&d->arena, t->form);
      t->pos = "ADV";
      t->feats = "";
      S_set_glosses(d, t, sv, ns, NULL);
      t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
      return;
    }
  }
  bool propn = a && S_eq(a->pos, "PROPN");
  if (a) {
    t->lemma = dg_mem_strdup(&d->arena, plural_headword ? t->form : own_degree ? w->lower : a->lemma);
    t->pos = dg_mem_strdup(&d->arena, a->pos);
    t->feats = dg_mem_strdup(&d->arena, a->feats ? a->feats : "");
    w->leipzig = dg_mem_strdup(&d->arena, a->leipzig && !own_degree ? a->leipzig : "");
    w->particle = a->particle;
  }
  /* Compound parts, shown even when the whole word has its own entry. */
  dg_part pv[DG_GL_MAX_PARTS];
  size_t np = 0;
  bool name_sense = ns && sv[0].pos && S_eq(sv[0].pos, "PROPN");
  /* "US-Vorschlag", "30-tägigen": piece by piece. */
  if (ns == 0 && !propn && S_hyphenated(e, d, c, i)) return;
  bool nominal = !a || S_eq(a->pos, "NOUN") || S_eq(a->pos, "ADJ");
  if (!propn && !name_sense && nominal && t->kind == DG_KIND_WORD)
    np = dg_compound_split(e->morph, t->form, pv, DG_GL_MAX_PARTS);
  if (np > DG_GL_MAX_PARTS) np = DG_GL_MAX_PARTS;
  np = S_merge_known(e, d, t->form, pv, np);
  /* The head part's lemma from the word's own lemma (Riesenschildkröten:
   * lemma Riesenschildkröte, head Schildkröte, not the plural form). */
  if (np >= 2 && a && pv[np - 1].kind == DG_PART_STEM && S_eq(a->pos, "NOUN")) {
    size_t st = pv[np - 1].start, ll = strlen(a->lemma);
    if (ll > st + 2 && strncasecmp(a->lemma, t->form, st) == 0) {
      char *low = dg_gl_lower(a->lemma + st);
      dg_buf hb;
      dg_buf_init(&hb);
      dg_utf8_capitalize(&hb, low, strlen(low));
      pv[np - 1].lemma = dg_mem_strdup(&d->arena, hb.data);
      dg_buf_free(&hb);
      free(low);
    }
  }
  if (np > DG_GL_MAX_PARTS) np = DG_GL_MAX_PARTS;
  /* A word with its own entry shows its parts only when they explain it
   * (Telefongespräch: "conversation" in "telephone conversation"), not when
   * the split is accidental (Dienstag: dienen+s+Tag). */
  if (np >= 2 && ns && S_particle_first(c, pv)) np = 0; /* Auf|teilung, Vor|schlag */
  bool parts_unknown = false;
  if (np >= 2 && (ns == 0 || S_head_explains(e, d, sv, ns, pv, np, dg_gl_is_upper_initial(t->form))))
    parts_unknown = !S_parts(e, d, t, pv, np, sv, ns);
  else np = 0;
  if (ns) {
    S_set_glosses(d, t, sv, ns, NULL);
    t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
    /* Acronyms stay acronyms ("NATO", not its expansion) unless the
     * dictionary gives a short English form. */
    if (dg_gl_all_upper(t->form) && strchr(t->gloss, ' ')) dg_gl_promote(d, t, t->form);
    if (propn || (sv[0].pos && S_eq(sv[0].pos, "PROPN"))) {
      t->kind = DG_KIND_NAME;
      if (!*t->pos) t->pos = "PROPN";
    }
    if (parts_unknown) t->reason = "some compound parts unknown";
    return;
  }
  if (np >= 2) {
    /* Compound: the parts' glosses in English order (the head last). */
    const char *g = S_parts_gloss(d, t, " ");
    dg_gl_set_single(d, t, g);
    t->source = "compound";
    t->reason = parts_unknown ? "compound: glossed from its parts, some parts unknown"
                              : "compound: glossed from its parts";
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, t->form);
    if (!t->pos[0]) t->pos = "NOUN";
    return;
  }
  if (S_hyphenated(e, d, c, i)) return;
  /* Names: PROPN analyses, or capitalised words nobody knows. */
  if (propn || (!a && S_name_like(c, i)) || (!a && dg_gl_all_upper(t->form))) {
    t->kind = DG_KIND_NAME;
    t->pos = "PROPN";
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, t->form);
    dg_gl_set_single(d, t, t->lemma);
    t->source = "name";
    return;
  }
  /* A participle used as an adjective ("sinkenden", "durchnässtes",
   * "domestiziert") without an entry of its own: the verb's gloss in the
   * English participle form (sinking, drenched, domesticated). */
  if (S_participle_gloss(e, d, t, w)) return;
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
      t->pos = "ADJ";
      t->source = "number";
      return;
    }
  }
  /* Letters and units stand for themselves ("x", "km", "°C"). */
  if (S_letter_or_unit(t->form)) {
    if (!t->lemma[0]) t->lemma = t->form;
    dg_gl_set_single(d, t, t->form);
    t->pos = t->pos[0] ? t->pos : "NOUN";
    t->source = "symbol";
    t->reason = "letter or unit, glossed as itself";
    return;
  }
  /* Closest known form: Ding's listed forms. */
  const char *lemmas[4];
  size_t nl = dg_lexicon_form_lemmas(e->lex, t->form, lemmas, 4);
  if (nl == 0 && w->initial) nl = dg_lexicon_form_lemmas(e->lex, w->lower, lemmas, 4);
  for (size_t k = 0; k < nl && k < 4; k++) {
    ns = dg_gl_senses(e, lemmas[k], NULL, sv, DG_GL_MAX_SENSES);
    if (ns) {
      t->lemma = dg_mem_strdup(&d->arena, lemmas[k]);
      if (!t->pos[0] && sv[0].pos) t->pos = dg_mem_strdup(&d->arena, sv[0].pos);
      S_set_glosses(d, t, sv, ns, NULL);
      t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
      t->reason = "form listed in the dictionary";
      return;
    }
  }
  /* The form itself, or its lower-case variant, as a headword. */
  ns = dg_gl_senses(e, t->form, NULL, sv, DG_GL_MAX_SENSES);
  if (!ns) ns = dg_gl_senses(e, w->lower, NULL, sv, DG_GL_MAX_SENSES);
  if (ns) {
    if (!t->lemma[0]) t->lemma = dg_mem_strdup(&d->arena, sv[0].lemma ? sv[0].lemma : t->form);
    if (!t->pos[0] && sv[0].pos) t->pos = dg_mem_strdup(&d->arena, sv[0].pos);
    S_set_glosses(d, t, sv, ns, NULL);
    t->source = dg_mem_strdup(&d->arena, sv[0].source ? sv[0].source : "lexicon");
    return;
  }
  if (S_name_like(c, i) || (a && dg_gl_is_upper_initial(t->form) && !S_eq(a->pos, "NOUN"))) {
    t->kind = DG_KIND_NAME;
    t->pos = "PROPN";
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

/* ---- werden ----------------------------------------------------------- */

/* Is the closest verb form in the clause of i a participle (passive) or an
 * infinitive (future)?  'p', 'i' or 0. */
static int S_werden_kind(dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t end = S_clause_end(s, i), start = S_clause_start(s, i);
  /* Verb-final clause: the form right before werden. */
  if (i > start) {
    dg_gl_word *p = &c->w[i - 1];
    for (size_t k = 0; k < p->nan && k < 3; k++) {
      if (S_feat(p->an[k].feats, "VerbForm=Part")) return 'p';
      if (S_feat(p->an[k].feats, "VerbForm=Inf")) return 'i';
    }
  }
  for (int pass = 0; pass < 2; pass++) {
    /* First the clause; then, past commas (an inserted phrase), up to the
     * end of the sentence. */
    if (pass == 1) {
      end = i + 1;
      while (end < s->ntokens && end - i < DG_GL_WINDOW) {
        const dg_dtoken *b = &s->tokens[end];
        if (b->kind == DG_KIND_PUNCT && (S_eq(b->form, ".") || S_eq(b->form, ";") || S_eq(b->form, ":") ||
                                         S_eq(b->form, "?") || S_eq(b->form, "!")))
          break;
        end++;
      }
    }
    for (size_t j = end; j-- > i + 1;) {
      dg_gl_word *p = &c->w[j];
      if (p->nan == 0 || s->tokens[j].kind == DG_KIND_PUNCT) continue;
      for (size_t k = 0; k < p->nan && k < 3; k++) {
        if (S_feat(p->an[k].feats, "VerbForm=Part")) return 'p';
        if (S_feat(p->an[k].feats, "VerbForm=Inf") && !dg_gl_is_upper_initial(s->tokens[j].form)) return 'i';
      }
      if (S_eq(p->an[0].pos, "VERB") || S_eq(p->an[0].pos, "AUX")) break;
    }
  }
  return 0;
}

static void S_werden(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  if (!S_eq(t->lemma, "werden")) return;
  int k = S_werden_kind(c, i);
  const char *g = k == 'p' ? "be" : k == 'i' ? "will" : "become";
  /* "würde", "würden": the conditional ("would"), not the future. */
  bool sbjv2 = false;
  for (size_t a = 0; a < c->w[i].nan && !sbjv2; a++)
    sbjv2 = S_feat(c->w[i].an[a].feats, "Mood=Sub") && S_feat(c->w[i].an[a].feats, "Tense=Past");
  if (sbjv2 || strncmp(c->w[i].lower, "würde", strlen("würde")) == 0) {
    g = k == 'p' ? "would be" : k == 'i' ? "would" : "would become";
    dg_gl_promote(d, t, g);
    t->pos = k ? "AUX" : "VERB";
    c->w[i].extra = k == 'p' ? "PASS" : NULL;
    return;
  }
  dg_gl_promote(d, t, g);
  t->pos = k ? "AUX" : "VERB";
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

/* A noun naming a person's role or title: a name may follow it. */
static bool S_role_noun(const char *lemma) {
  static const char *const roles[] = {
      "präsident", "präsidentin", "kanzler",   "kanzlerin", "minister",  "ministerin", "senator",
      "senatorin", "sprecher",    "sprecherin", "berater",  "beraterin", "gesandter",  "gesandte",
      "botschafter", "botschafterin", "chef",  "chefin",    "direktor",  "direktorin", "vorsitzende",
      "vorsitzender", "sekretär", "sekretärin", "abgeordnete", "abgeordneter", "general", "herr",
      "frau",      "könig",       "königin",    "papst",     "bürgermeister", "bürgermeisterin",
      "gouverneur", "gouverneurin", "richter",  "richterin", "anwalt",    "anwältin",   "reporter",
      "reporterin", "autor",      "autorin",    "trainer",   "premier",   "kandidat",   "kandidatin",
      "leiter",    "leiterin",    "kommandeur", "prinz",     "prinzessin", "kollege",   "kollegin",
      "regisseur", "sänger",      "sängerin",   "schauspieler", "schauspielerin", "gründer", "gründerin",
      "dr.",       "prof.",       "herrn",      "journalist", "journalistin", "unternehmer", "milliardär"};
  if (!lemma || !*lemma) return false;
  char *l = dg_gl_lower(lemma);
  size_t L = strlen(l);
  bool r = false;
  for (size_t k = 0; k < DG_ARRAY_LEN(roles) && !r; k++) {
    size_t n = strlen(roles[k]);
    r = L >= n && strcmp(l + L - n, roles[k]) == 0;
  }
  free(l);
  return r;
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
  return w->nan && S_feat(w->an[0].feats, "VerbForm=Fin") && !S_eq(w->an[0].pos, "ADJ");
}

/* "als": "than" after a comparative, "when" opening a clause with a finite
 * verb ("Als er kam, …"), else "as" before a noun phrase or adjective
 * ("als Sicherheitsgarantie", "als unannehmbar"). */
static void S_als(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  const char *g = "as";
  if (i > 0 && c->w[i - 1].nan &&
      (S_feat(c->w[i - 1].an[0].feats, "Degree=Cmp") || S_eq(c->w[i - 1].lower, "mehr") ||
       S_eq(c->w[i - 1].lower, "weniger") || S_eq(c->w[i - 1].lower, "anders") || S_eq(c->w[i - 1].lower, "eher") ||
       S_eq(c->w[i - 1].lower, "lieber")))
    g = "than";
  else {
    /* A comparative earlier in the clause: "mehr Afroamerikaner … als Kanada". */
    size_t start = S_clause_start(s, i);
    for (size_t j = i; j-- > start && i - j <= 10;)
      if (S_eq(c->w[j].lower, "mehr") || S_eq(c->w[j].lower, "weniger") ||
          (c->w[j].nan && S_eq(c->w[j].an[0].pos, "ADJ") && S_feat(c->w[j].an[0].feats, "Degree=Cmp")))
        g = "than";
  }
  if (!S_eq(g, "than")) {
    size_t start = S_clause_start(s, i), end = S_clause_end(s, i);
    bool opens = i == start || c->w[i].initial || S_eq(c->w[i - 1].lower, "und") || S_eq(c->w[i - 1].lower, "aber") ||
                 S_eq(c->w[i - 1].lower, "oder") || S_eq(c->w[i - 1].lower, "erst") || S_eq(c->w[i - 1].lower, "gerade");
    bool verb = false;
    for (size_t j = i + 1; j < end && !verb; j++) verb = S_finite(&c->w[j], &s->tokens[j]);
    if (opens && verb && !(i + 1 < end && (S_eq(c->w[i + 1].lower, "ob") || S_eq(c->w[i + 1].lower, "auch")))) g = "when";
  }
  S_promote_alt(d, t, g);
}

/* The number of the finite verb of the clause around i: 1 plural, 0
 * singular, -1 unknown. */
static int S_clause_number(const dg_gl_ctx *c, size_t i) {
  size_t start = S_clause_start(c->s, i), end = S_clause_end(c->s, i);
  for (size_t dist = 1; dist < DG_GL_WINDOW; dist++) {
    size_t js[2] = {i >= dist ? i - dist : (size_t)-1, i + dist};
    bool any = false;
    for (int q = 0; q < 2; q++) {
      size_t j = js[q];
      if (j == (size_t)-1 || j < start || j >= end) continue;
      any = true;
      const dg_dtoken *t = &c->s->tokens[j];
      if (!S_eq(t->pos, "VERB") && !S_eq(t->pos, "AUX")) continue;
      if (S_feat(t->feats, "VerbForm=Fin")) return S_feat(t->feats, "Number=Plur") ? 1 : 0;
    }
    if (!any) break;
  }
  return -1;
}

/* "sich": a reflexive pronoun agreeing with the subject (plain style:
 * "themselves", "himself", "herself", "itself"; Leipzig: REFL). */
static void S_sich(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  int pl = S_clause_number(c, i);
  const char *g = NULL;
  if (pl == 1) g = "themselves";
  else if (pl == 0) {
    size_t start = S_clause_start(s, i), end = S_clause_end(s, i);
    const char *pron = NULL;
    bool person = false, thing = false;
    for (size_t j = start; j < end && j < i + 4; j++) {
      if (j == i) continue;
      const char *l = c->w[j].lower;
      if (S_eq(l, "er") || S_eq(l, "sie") || S_eq(l, "es") || S_eq(l, "man")) {
        if (!pron) pron = l;
      } else if (j < i && s->tokens[j].kind == DG_KIND_NAME) {
        if (!person && !thing) person = true;
      } else if (j < i && S_eq(s->tokens[j].pos, "NOUN") && !thing && !person) {
        if (S_person_noun(s->tokens[j].lemma, S_feat(s->tokens[j].feats, "Gender=Masc"))) person = true;
        else if (!S_feat(s->tokens[j].feats, "Case=Gen") || S_feat(s->tokens[j].feats, "Case=Nom")) thing = true;
      }
    }
    if (pron) g = S_eq(pron, "er") ? "himself" : S_eq(pron, "sie") ? "herself" : S_eq(pron, "es") ? "itself" : "oneself";
    else if (person) g = "himself/herself";
    else if (thing) g = "itself";
  }
  if (!g) return;
  dg_gl_promote(d, t, g);
  c->w[i].leipzig = pl == 1 ? "REFL.3PL" : "REFL.3SG";
}

/* A noun naming people: a relative pronoun after it is "who". */
static bool S_person_noun(const char *lemma, bool masc) {
  static const char *const people[] = {"mensch", "leute", "person", "vertreter", "vertreterin", "bürger",
                                       "bürgerin", "soldat", "soldatin", "kind", "mann", "schüler", "schülerin",
                                       "student", "studentin", "einwohner", "einwohnerin", "mitglied", "bewohner",
                                       "bewohnerin", "spieler", "spielerin", "arbeiter", "arbeiterin", "experte",
                                       "expertin", "politiker", "politikerin", "beamte", "beamter", "beamtin",
                                       "opfer", "patient", "patientin", "nutzer", "nutzerin", "freund", "freundin",
                                       "eltern", "mutter", "vater", "bruder", "schwester", "tochter", "sohn",
                                       "wissenschaftler", "wissenschaftlerin", "forscher", "forscherin", "täter",
                                       "flüchtling", "häftling", "diplomat", "diplomatin", "kandidat"};
  if (!lemma || !*lemma) return false;
  if (S_role_noun(lemma)) return true;
  if (masc) {
    /* Masculine nouns of persons: Weltmeister, Journalist, Präsident, Kollege. */
    static const char *const suf[] = {"meister", "ist", "ent", "ant", "eur", "loge", "nom", "krat"};
    size_t L = strlen(lemma);
    bool ment = L > 4 && (strcmp(lemma + L - 4, "ment") == 0 || strcmp(lemma + L - 4, "nent") == 0);
    for (size_t k = 0; k < DG_ARRAY_LEN(suf) && !ment; k++) {
      size_t n = strlen(suf[k]);
      if (L > n + 2 && strcmp(lemma + L - n, suf[k]) == 0) return true;
    }
  }
  char *l = dg_gl_lower(lemma);
  size_t L = strlen(l);
  bool r = false;
  for (size_t k = 0; k < DG_ARRAY_LEN(people) && !r; k++) {
    size_t n = strlen(people[k]);
    r = L >= n && strcmp(l + L - n, people[k]) == 0;
  }
  free(l);
  return r;
}

/* A relative pronoun after a noun that names no person: "which", not "who"
 * ("Nuancen, die …", "Forderungen gestellt, die …" looks past the verb). */
static void S_relative(dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  if (!(S_eq(t->gloss, "who") || S_eq(t->gloss, "whom"))) return;
  bool comma = false;
  for (size_t j = i; j-- > 0 && i - j < 8;) {
    const dg_dtoken *a = &s->tokens[j];
    if (S_is_punct(a)) {
      if (S_eq(a->form, ",")) comma = true;
      continue;
    }
    if (!comma) return;
    if (a->kind == DG_KIND_NAME || S_eq(a->pos, "PROPN") || S_eq(a->pos, "PRON")) return;
    if (S_eq(a->pos, "NOUN")) {
      if (S_person_noun(a->lemma, S_feat(a->feats, "Gender=Masc"))) return;
      /* A prepositional phrase after a person ("Hegseth im vergangenen
       * Monat, der …"): the person is the antecedent. */
      size_t k = j;
      while (k > 0 && (S_eq(s->tokens[k - 1].pos, "ADJ") || S_eq(s->tokens[k - 1].pos, "DET") ||
                       S_eq(s->tokens[k - 1].pos, "NUM")))
        k--;
      if (k > 1 && S_eq(s->tokens[k - 1].pos, "ADP")) {
        const dg_dtoken *p = &s->tokens[k - 2];
        if (p->kind == DG_KIND_NAME || S_eq(p->pos, "PROPN") || (S_eq(p->pos, "NOUN") && S_person_noun(p->lemma, S_feat(p->feats, "Gender=Masc"))))
          return;
      }
      S_promote_alt(d, t, "which");
      return;
    }
    /* A clause-final verb between the noun and the comma. */
    if (!(S_eq(a->pos, "VERB") || S_eq(a->pos, "AUX"))) return;
  }
}

/* Closed-class and small-word glosses that depend on what follows. */
static void S_context_words(dg_doc *d, dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c->w[i];
    if (t->kind != DG_KIND_WORD) continue;
    if (S_eq(w->lower, "als") && w->is_closed) S_als(d, c, i);
    else if (S_eq(w->lower, "sich") && w->is_closed) S_sich(d, c, i);
    else if (w->is_closed && S_has_label(w->leipzig, "REL")) S_relative(d, c, i);
    /* "weniger Wochen": before a plural noun "fewer", after a preposition
     * "a few" ("innerhalb weniger Wochen"). */
    bool plural_next = false;
    if (i + 1 < s->ntokens && S_eq(s->tokens[i + 1].pos, "NOUN"))
      for (size_t a = 0; a < c->w[i + 1].nan && !plural_next; a++)
        plural_next = S_feat(c->w[i + 1].an[a].feats, "Number=Plur");
    if (S_eq(t->gloss, "less") && plural_next)
      dg_gl_promote(d, t, i > 0 && S_eq(s->tokens[i - 1].pos, "ADP") ? "a few" : "fewer");
    /* An adjective's gloss carries no article of its own ("the past" ->
     * "past" in "in der vergangenen Woche"). */
    if (S_eq(t->pos, "ADJ") && t->gloss) {
      const char *g = t->gloss;
      size_t skip = strncmp(g, "the ", 4) == 0 ? 4 : strncmp(g, "a ", 2) == 0 ? 2 : strncmp(g, "an ", 3) == 0 ? 3 : 0;
      if (skip && g[skip]) dg_gl_promote(d, t, g + skip);
    }
  }
}

static bool S_weekday(const char *w) {
  static const char *const days[] = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                                     "Sonnabend", "Sonntag", "Wochenende", "Montagabend", "Dienstagabend",
                                     "Mittwochabend", "Donnerstagabend", "Freitagabend", "Samstagabend",
                                     "Sonntagabend", "Montagmorgen", "Sonntagmorgen"};
  for (size_t i = 0; i < DG_ARRAY_LEN(days); i++)
    if (strcmp(w, days[i]) == 0) return true;
  return false;
}

/* ---- domains ----------------------------------------------------------- */

#define S_MAX_DOMAINS DG_GL_MAX_DOMAINS
#define S_DOMAIN_RATIO 0.7f /* a sense within 70 % of the top score may win */
#define S_MIN_VOTES 1.5f /* about two recent words in the same field */
#define S_FADE 0.85f

typedef dg_gl_domain S_dom;

/* Register and region labels ("coll.", "Br.") say nothing about the topic. */
static bool S_register_label(const char *p) {
  static const char *const reg[] = {"vr",    "Br.",   "Am.",    "Dt.",   "Ös.",     "Schw.",  "Südtirol", "coll.",
                                    "formal", "geh.",  "fig.",  "übtr.",   "arch.",  "altertümlich",
                                    "slang", "pej.",   "humor.", "poet.",  "selten", "veraltet", "obs.",
                                    "vulg.", "ugs.",   "rare",  "dated",   "Sprw.",  "Austr.",  "NZ",
                                    "Can.",  "Ir.",    "Sc.",   "Schweiz", "Ostdt.", "Westdt.", "Norddt.",
                                    "Süddt.", "Mittelwestdt.", "Ostös.", "Westös.", "Bayr.", "Schwäb.", "BW"};
  for (size_t i = 0; i < DG_ARRAY_LEN(reg); i++)
    if (strcmp(p, reg[i]) == 0) return true;
  return false;
}

static bool S_has_field(const char *domains) {
  char buf[128];
  snprintf(buf, sizeof buf, "%s", domains ? domains : "");
  char *save = NULL;
  for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save))
    if (!S_register_label(p)) return true;
  return false;
}

static void S_vote(S_dom *dv, size_t *nd, const char *domains, bool *seen_tok) {
  char buf[128];
  snprintf(buf, sizeof buf, "%s", domains ? domains : "");
  char *save = NULL;
  for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save)) {
    if (S_register_label(p)) continue;
    size_t k = 0;
    while (k < *nd && strcmp(dv[k].name, p) != 0) k++;
    if (k == *nd) {
      if (*nd == S_MAX_DOMAINS) continue;
      snprintf(dv[k].name, sizeof dv[k].name, "%s", p);
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
         (S_eq(t->pos, "NOUN") || S_eq(t->pos, "VERB") || S_eq(t->pos, "ADJ"));
}

static void S_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* Votes of the text so far, fading with each sentence (the topic
   * of the last few sentences), then this sentence's. */
  if (strcmp(d->source, e->dom_src) != 0) {
    e->ndom = 0;
    snprintf(e->dom_src, sizeof e->dom_src, "%s", d->source);
  }
  S_dom *dv = e->dom;
  size_t nd = e->ndom;
  for (size_t k = 0; k < nd; k++) dv[k].votes *= S_FADE;
  /* Each content word votes once for each domain among its top senses. */
  dg_sense sv[DG_GL_MAX_SENSES];
  for (size_t i = 0; i < s->ntokens; i++) {
    const dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || c->w[i].is_closed || !t->lemma[0]) continue;
    size_t n = dg_gl_senses(e, t->lemma, t->pos[0] ? t->pos : NULL, sv, 3);
    bool seen[S_MAX_DOMAINS] = {false};
    for (size_t k = 0; k < n; k++) S_vote(dv, &nd, sv[k].domains, seen);
  }
  e->ndom = nd;
  if (nd == 0) return;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (!S_candidate(t, &c->w[i])) continue;
    size_t n = dg_gl_senses(e, t->lemma, t->pos, sv, DG_GL_MAX_SENSES);
    if (n < 2 || !sv[0].gloss || strcmp(sv[0].gloss, t->gloss) != 0) continue;
    /* The top sense's own domains do not count as support for others. */
    int best = -1;
    float best_votes = 0;
    for (size_t k = 1; k < n; k++) {
      if (sv[k].score < S_DOMAIN_RATIO * sv[0].score) break;
      if (!sv[k].domains || !*sv[k].domains) continue;
      if (S_has_field(sv[0].domains)) break; /* the top sense has a field of its own */
      char buf[128];
      snprintf(buf, sizeof buf, "%s", sv[k].domains);
      char *save = NULL;
      for (char *p = strtok_r(buf, ";, ", &save); p; p = strtok_r(NULL, ";, ", &save))
        for (size_t q = 0; q < nd && !S_register_label(p); q++)
          /* Support from other words of the sentence. */
          if (strcmp(dv[q].name, p) == 0 && dv[q].votes >= S_MIN_VOTES && dv[q].votes > best_votes) {
            best = (int)k;
            best_votes = dv[q].votes;
          }
    }
    if (best > 0) {
      dg_gl_promote(d, t, sv[best].gloss);
      t->source = dg_mem_strdup(&d->arena, sv[best].source ? sv[best].source : t->source);
      if (t->link >= 0 && (size_t)t->link < s->ntokens) {
        dg_dtoken *p = &s->tokens[t->link];
        p->gloss = t->gloss;
        p->glosses = t->glosses;
        p->nglosses = t->nglosses;
        p->source = t->source;
      }
    }
  }
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

static bool S_opening(const dg_dtoken *t) {
  return S_is_punct(t) && (S_eq(t->form, "„") || S_eq(t->form, "\"") || S_eq(t->form, "»") ||
                           S_eq(t->form, "(") || S_eq(t->form, "‚") || S_eq(t->form, "“"));
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
    if (S_eq(w->an[k].pos, "NOUN") || S_eq(w->an[k].pos, "PROPN")) return;
    if (w->an[k].score > top) top = w->an[k].score;
  }
  dg_sense sv[1];
  const char *pos = "NOUN";
  if (!dg_lexicon_senses(e->lex, t->form, "NOUN", sv, 1)) {
    /* Only finite verb forms ("Google" = google, 1SG of googeln): a
     * capitalised finite verb inside a sentence is a name. */
    if (!S_only_finite(w) || w->written) return;
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
    bool ok = S_eq(a->pos, "VERB") || S_eq(a->pos, "AUX") || S_eq(a->pos, "NOUN") || /* lower case: no noun */
              (S_eq(a->pos, "ADJ") && strcmp(a->lemma, w->lower) != 0);
    if (!ok) return;
    if (S_feat(a->feats, "Mood=Ind") && S_feat(a->feats, "Person=3")) third_ind = true;
    if (a->score > top) top = a->score;
  }
  dg_sense sv[1];
  if (!dg_lexicon_senses(e->lex, t->form, "ADV", sv, 1) || !S_eq(sv[0].pos, "ADV")) return;
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
  if (!S_eq(t->pos, "ADJ") || t->kind != DG_KIND_WORD || t->mwe >= 0 || dg_gl_is_upper_initial(t->form)) return false;
  if (!S_feat(t->feats, "Degree=Pos")) return false;
  if (strcmp(c->w[i].lower, t->lemma) != 0) return false; /* an inflected form */
  if (i + 1 < s->ntokens) {
    const dg_dtoken *n = &s->tokens[i + 1];
    if (n->kind == DG_KIND_WORD && dg_gl_is_upper_initial(n->form)) return false;
  }
  if (i > 0 && (S_eq(c->w[i - 1].lower, "als") || S_eq(c->w[i - 1].lower, "wie"))) return false;
  /* before an article or another adjective it modifies what follows, also
   * with a copula ("ist wirklich eine … Lokalität" = really) */
  if (i + 1 < s->ntokens && (S_eq(s->tokens[i + 1].pos, "DET") || S_eq(s->tokens[i + 1].pos, "ADJ")))
    return true;
  static const char *const copula[] = {"sein", "werden", "bleiben", "scheinen", "wirken", "aussehen",
                                       "erscheinen", "gelten", "machen", "halten", "finden", "nennen"};
  size_t cs = S_clause_start(s, i), ce = S_clause_end(s, i);
  for (size_t j = cs; j < ce; j++) {
    if (j == i) continue;
    const char *l = s->tokens[j].lemma;
    /* (werden as future or passive auxiliary is no copula) */
    if (S_eq(l, "werden") && !S_eq(s->tokens[j].gloss, "become")) continue;
    /* (halten only in "für … halten": besetzt hält = holds occupied) */
    if (S_eq(l, "halten") && !S_clause_has(c, i, "für")) continue;
    for (size_t k = 0; l && k < DG_ARRAY_LEN(copula); k++)
      if (S_eq(l, copula[k])) return false;
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
      if (S_eq(t->form, ":")) initial = true;
      else if (S_opening(t)) initial = initial || i == 0 || S_is_punct(&s->tokens[i - 1]);
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
    for (size_t k = 0; k < DG_ARRAY_LEN(coord) && !co; k++) co = S_eq(c.w[i].lower, coord[k]);
    if (!co || s->tokens[i].kind != DG_KIND_WORD) continue;
    const dg_dtoken *n = &s->tokens[i + 1];
    const dg_gl_word *nw = &c.w[i + 1];
    for (size_t k = 0; k < DG_ARRAY_LEN(subord) && !sub; k++) sub = S_eq(nw->lower, subord[k]);
    bool fin = n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->nan && nw->ncl == 0 &&
               (S_eq(nw->an[0].pos, "VERB") || S_eq(nw->an[0].pos, "AUX")) && S_feat(nw->an[0].feats, "VerbForm=Fin");
    /* (a modal or auxiliary is closed class: "und haben", "und können") */
    if (!fin && n->kind == DG_KIND_WORD && !dg_gl_is_upper_initial(n->form) && nw->ncl > 0)
      for (size_t k = 0; k < nw->ncl && !fin; k++) fin = S_eq(nw->cl[k].pos, "AUX") || S_eq(nw->cl[k].pos, "VERB");
    if (sub || fin) s->tokens[i].flags |= DG_DF_CLAUSE_JOIN;
  }
  /* 2./3. choose and gloss, left to right (closed class first: articles
   * look at the analyses of the words after them, which are ready). */
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c.w[i];
    switch (t->kind) {
    case DG_KIND_PUNCT:
      t->lemma = t->form;
      t->pos = "PUNCT";
      t->source = "punct";
      continue;
    case DG_KIND_NUMBER: S_number(d, t, s, i, e); continue;
    case DG_KIND_SYMBOL:
    case DG_KIND_URL:
    case DG_KIND_EMAIL:
    case DG_KIND_HANDLE:
    case DG_KIND_HASHTAG:
    case DG_KIND_CODE: { /* code is kept as written: its own gloss */
      dg_sense sv[2];
      size_t n = t->kind == DG_KIND_SYMBOL ? dg_gl_senses(e, t->form, NULL, sv, 2) : 0;
      t->lemma = t->form;
      t->pos = t->kind == DG_KIND_SYMBOL ? "SYM" : "X";
      dg_gl_set_single(d, t, n ? sv[0].gloss : t->form);
      t->source = n ? dg_mem_strdup(&d->arena, sv[0].source) : dg_kind_name(t->kind);
      continue;
    }
    default: break;
    }
    /* A dot right after an ordinal number belongs to it. */
    int k = S_pick_closed(e, &c, i);
    /* ("Sie" inside a sentence is the polite pronoun, not a noun) */
    bool capital_noun = dg_gl_is_upper_initial(t->form) && !w->initial && w->nan && strcmp(t->form, "Sie") != 0 &&
                        (S_eq(w->an[0].pos, "NOUN") || S_eq(w->an[0].pos, "PROPN"));
    if (k >= 0 && !capital_noun) {
      w->closed = k;
      const dg_sense *sv = &w->cl[k];
      t->lemma = dg_mem_strdup(&d->arena, sv->lemma && *sv->lemma ? sv->lemma : w->lower);
      t->pos = dg_mem_strdup(&d->arena, sv->pos ? sv->pos : "");
      /* Features from the analysis of the same lemma that agrees best with
       * the chosen labels (gender, case, number). */
      {
        int bestq = -1, bestm = -1;
        static const struct {
          const char *label, *feat;
        } map[] = {{"M", "Masc"}, {"F", "Fem"}, {"N", "Neut"}, {"NOM", "Nom"}, {"ACC", "Acc"},
                   {"DAT", "Dat"}, {"GEN", "Gen"}, {"SG", "Sing"}, {"PL", "Plur"}};
        for (size_t q = 0; q < w->nan; q++) {
          if (!S_eq(w->an[q].lemma, t->lemma) || !S_eq(w->an[q].pos, sv->pos)) continue;
          int m = 0;
          for (size_t r = 0; r < DG_ARRAY_LEN(map); r++)
            if (S_has_label(sv->labels, map[r].label) && w->an[q].feats && strstr(w->an[q].feats, map[r].feat)) m++;
          if (m > bestm) {
            bestm = m;
            bestq = (int)q;
          }
        }
        if (bestq >= 0) t->feats = dg_mem_strdup(&d->arena, w->an[bestq].feats ? w->an[bestq].feats : "");
      }
      /* Alternatives: the chosen reading first, then the others. */
      /* Alternatives written "his/its" become separate glosses. */
      dg_sense tmp[DG_GL_MAX_SENSES * 2];
      size_t n = 0;
      char *split[DG_GL_MAX_SENSES * 2];
      size_t nsplit = 0;
      for (size_t q = 0; q < w->ncl + 1 && n < DG_ARRAY_LEN(tmp); q++) {
        const dg_sense *src = q == 0 ? sv : &w->cl[q - 1];
        if (q > 0 && (int)(q - 1) == k) continue;
        const char *g = src->gloss ? src->gloss : "";
        char *copy = dg_mem_strdup(&d->arena, g), *save = NULL;
        for (char *a = strtok_r(copy, "/", &save); a && n < DG_ARRAY_LEN(tmp); a = strtok_r(NULL, "/", &save)) {
          tmp[n] = *src;
          tmp[n].gloss = a;
          n++;
        }
      }
      (void)split;
      (void)nsplit;
      S_set_glosses(d, t, tmp, n, NULL);
      /* Days and dates take "on" ("am Montag", "am 17. März"). */
      if (S_eq(sv->pos, "ADP") && i + 1 < s->ntokens &&
          (S_weekday(s->tokens[i + 1].form) || s->tokens[i + 1].kind == DG_KIND_NUMBER))
        for (size_t q = 0; q < t->nglosses; q++)
          if (strncmp(t->glosses[q], "on", 2) == 0 && (t->glosses[q][2] == '\0' || t->glosses[q][2] == '.')) {
            dg_gl_promote(d, t, t->glosses[q]);
            break;
          }
      w->leipzig = dg_mem_strdup(&d->arena, sv->labels ? sv->labels : "");
      if ((S_eq(sv->pos, "AUX") || S_eq(sv->pos, "VERB")) && w->nan) {
        /* Verb forms: person, tense and mood from the analysis chosen in
         * context ("das Gespräch werde": SBJV1.3SG, not 1SG). */
        int pa = S_pick_analysis(&c, i);
        if (pa >= 0) {
          w->leipzig = dg_mem_strdup(&d->arena, w->an[pa].leipzig ? w->an[pa].leipzig : "");
          t->feats = dg_mem_strdup(&d->arena, w->an[pa].feats ? w->an[pa].feats : "");
          w->is_closed = false; /* labels are shown as for any verb */
          t->seg = NULL;
          c.w[i].closed = k;
          t->source = dg_mem_strdup(&d->arena, sv->source ? sv->source : "closed");
          continue;
        }
      }
      w->is_closed = true;
      t->source = dg_mem_strdup(&d->arena, sv->source ? sv->source : "closed");
      continue;
    }
    S_open(e, d, &c, i);
  }
  for (size_t i = 0; i < s->ntokens; i++)
    if (c.w[i].written) {
      s->tokens[i].form = dg_mem_strdup(&d->arena, c.w[i].written);
      s->tokens[i].seg = c.w[i].shown;
    }
  /* werden: future, passive or become. */
  for (size_t i = 0; i < s->ntokens; i++) S_werden(d, &c, i);
  S_context_words(d, &c);
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
  if (c) S_domains(e, d, c);
}

void dg_engine_gloss_end(dg_engine *e, dg_doc *d, dg_gl_ctx *cp) {
  if (!cp) return;
  dg_gl_ctx c = *cp;
  free(cp);
  dg_dsentence *s = c.s;
  dg_gl_mwes(e, d, &c);
  /* "gibt es" after a fronted adverb or phrase, or opening a question
   * ("Im Anschluss gibt es Kaffee", "Gibt es Probleme?"): there is; not
   * with a subject of its own before it ("Er gibt es ihm"). */
  for (size_t i = 0; i + 1 < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->mwe >= 0 || !S_eq(t->lemma, "geben") || !S_feat(t->feats, "VerbForm=Fin") ||
        !S_eq(c.w[i + 1].lower, "es") || s->tokens[i + 1].mwe >= 0)
      continue;
    size_t cs = S_clause_start(s, i);
    bool ok = i == cs;
    if (!ok && (S_eq(s->tokens[cs].pos, "ADP") || S_eq(s->tokens[cs].pos, "ADV") ||
                S_eq(s->tokens[cs].pos, "SCONJ"))) {
      ok = true;
      for (size_t j = cs; j < i && ok; j++) /* no nominative subject before */
        if (S_eq(s->tokens[j].pos, "PRON") && s->tokens[j].labels && strstr(s->tokens[j].labels, "NOM")) ok = false;
    }
    if (!ok) continue;
    dg_gl_promote(d, t, "there is");
    t->reason = "\"es gibt\" inverted: there is";
  }
  /* Names after a title or role: "Sicherheitsberater Michael Waltz". */
  for (size_t i = 1; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) continue;
    if (!dg_gl_is_upper_initial(t->form) || c.w[i].initial || c.w[i].is_closed || t->mwe >= 0) continue;
    size_t k = i - 1;
    const dg_dtoken *p = &s->tokens[k];
    bool after_role = S_role_noun(p->lemma) && !(p->kind == DG_KIND_NAME);
    bool after_marked = p->kind == DG_KIND_NAME && c.w[k].role_name && (p->flags & DG_DF_SPACE_AFTER);
    if (!after_role && !after_marked) continue;
    if (!(p->flags & DG_DF_SPACE_AFTER)) continue;
    /* The next word after a role is a name only if it is not a common noun
     * in the genitive or plural ("der Präsident Russlands" stays Russia). */
    c.w[i].role_name = true;
    bool names_entry = t->kind == DG_KIND_NAME && t->source && strstr(t->source, "names");
    t->kind = DG_KIND_NAME;
    t->pos = "PROPN";
    t->nparts = 0;
    t->seg = NULL;
    if (!names_entry) {
      /* Personal names are not translated ("Michael", not "Mikhail"). */
      const char *g = t->form;
      if (t->lemma[0] && strcmp(t->lemma, t->form) != 0 && strncmp(t->form, t->lemma, strlen(t->lemma)) == 0)
        g = t->lemma; /* genitive "Trumps" */
      dg_gl_promote(d, t, g);
      t->source = "name";
      t->reason = "capitalised word after a title or role taken as a name";
      t->flags &= ~(unsigned)DG_DF_GUESS;
    }
  }
  /* Names next to names: "Wladimir Putin" even when one part is a word. */
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || !dg_gl_is_upper_initial(t->form) || c.w[i].is_closed) continue;
    bool left = i > 0 && s->tokens[i - 1].kind == DG_KIND_NAME && (s->tokens[i - 1].flags & DG_DF_SPACE_AFTER);
    bool right = i + 1 < s->ntokens && s->tokens[i + 1].kind == DG_KIND_NAME;
    /* A word only our own compound guess explains, that neither the
     * dictionary nor hunspell knows, after a name is a surname (Max
     * Verstappen, not verse-toddle; "Selenskyj Sicherheitsgarantien" stays
     * a compound: hunspell knows it). */
    bool surname = left && t->source && S_eq(t->source, "compound") && t->mwe < 0 &&
                   !dg_morph_is_known(e->morph, t->form);
    /* … and so is a word whose gloss is itself in lower case, next to a
     * name (Lewis Hamilton: not "lewis", a lifting device). */
    if ((left || right) && !S_eq(t->pos, "NOUN") && t->gloss && strcasecmp(t->gloss, t->form) == 0 &&
        strcmp(t->gloss, t->form) != 0 && t->mwe < 0)
      surname = true;
    if (((left || right) && t->source && S_eq(t->source, "unknown")) || surname) {
      t->kind = DG_KIND_NAME;
      t->pos = "PROPN";
      t->source = "name";
      if (surname) {
        t->nparts = 0;
        t->seg = NULL;
        t->lemma = t->form;
        t->labels = "";
        dg_gl_promote(d, t, t->form);
      }
      t->reason = "unknown capitalised word next to a name";
      t->flags &= ~(unsigned)DG_DF_GUESS;
    }
  }
  /* A name keeps its own spelling when its gloss only changes the case
   * (Lewis Hamilton, not "lewis"). */
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind == DG_KIND_NAME && t->gloss && strcasecmp(t->gloss, t->form) == 0 && strcmp(t->gloss, t->form) != 0 &&
        t->mwe < 0)
      dg_gl_promote(d, t, t->form);
  }
  /* Name particles between a name and a capitalised word: Vasco da Gama,
   * Leonardo da Vinci, Rafael van der Vaart ("da" is no "there"). */
  for (size_t i = 1; i + 1 < s->ntokens; i++) {
    static const char *const particles[] = {"da", "de", "di", "van", "del", "dos", "du", "la", "le",
                                            "al", "bin", "ibn", "ten", "ter", "dei", "degli", "della"};
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || !(s->tokens[i - 1].kind == DG_KIND_NAME)) continue;
    size_t j = i;
    bool all = true;
    while (j + 1 < s->ntokens && all) {
      bool part = false;
      for (size_t k = 0; k < DG_ARRAY_LEN(particles) && !part; k++) part = S_eq(c.w[j].lower, particles[k]);
      part = part && s->tokens[j].kind == DG_KIND_WORD && !dg_gl_is_upper_initial(s->tokens[j].form);
      if (!part) break;
      j++;
      if (s->tokens[j].kind == DG_KIND_NAME || (s->tokens[j].kind == DG_KIND_WORD &&
                                                dg_gl_is_upper_initial(s->tokens[j].form) &&
                                                !S_eq(s->tokens[j].pos, "NOUN")))
        break;
      all = j + 1 < s->ntokens;
    }
    if (j == i || j >= s->ntokens || !dg_gl_is_upper_initial(s->tokens[j].form) ||
        S_eq(s->tokens[j].pos, "NOUN"))
      continue;
    for (size_t q = i; q <= j; q++) {
      dg_dtoken *u = &s->tokens[q];
      u->kind = DG_KIND_NAME;
      u->pos = "PROPN";
      u->nparts = 0;
      u->seg = NULL;
      u->labels = "";
      u->lemma = u->form;
      dg_gl_promote(d, u, u->form);
      u->source = "name";
      u->reason = "name particle between names";
      u->flags &= ~(unsigned)DG_DF_GUESS;
    }
    i = j;
  }
  /* Unknown words in an emphasised title ("*State of the Union*") or
   * between capitalised words ("Bank of America", "Institute for Study")
   * are part of a name, not failures. */
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    bool bridge = false;
    if (t->kind == DG_KIND_WORD && S_eq(t->source, "unknown") && i > 0 &&
        dg_gl_is_upper_initial(s->tokens[i - 1].form) && s->tokens[i - 1].kind != DG_KIND_PUNCT)
      for (size_t j = i + 1; j < s->ntokens && j <= i + 2 && !bridge; j++)
        bridge = s->tokens[j].kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(s->tokens[j].form);
    if (t->kind == DG_KIND_WORD && ((t->flags & DG_DF_EMPHASIS) || bridge) && S_eq(t->source, "unknown")) {
      t->kind = DG_KIND_NAME;
      t->pos = "PROPN";
      t->source = "name";
      t->reason = "unknown word inside a title or name";
      t->flags &= ~(unsigned)DG_DF_GUESS;
    }
  }
  /* A form of address before a name is one person's title: "Herrn Putin"
   * = Mr Putin (singular, whatever the morphology guessed). */
  for (size_t i = 0; i + 1 < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    const dg_dtoken *n = &s->tokens[i + 1];
    if (t->kind != DG_KIND_WORD || !S_eq(t->pos, "NOUN") || !(t->flags & DG_DF_SPACE_AFTER)) continue;
    if (!(n->kind == DG_KIND_NAME || S_eq(n->pos, "PROPN"))) continue;
    const char *title = S_eq(t->lemma, "Herr") ? "Mr" : S_eq(t->lemma, "Frau") ? "Ms" : NULL;
    if (!title) continue;
    dg_gl_promote(d, t, title);
    if (S_feat(t->feats, "Number=Plur")) {
      t->feats = "Gender=Masc|Number=Sing";
      if (S_eq(t->lemma, "Frau")) t->feats = "Gender=Fem|Number=Sing";
      c.w[i].leipzig = "SG";
    }
  }
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
        if (dg_lexicon_senses(e->lex, t->lemma, "ADV", av, 1) && S_eq(av[0].pos, "ADV"))
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
  bool german = S_eq(t->source, "unknown") || (t->flags & DG_DF_GUESS) ||
                ((S_eq(t->gloss, t->lemma) || S_eq(t->gloss, t->form)) && !from_dict);
  if (german && t->kind != DG_KIND_NAME) {
    /* nothing */
  } else if (t->kind == DG_KIND_NAME && S_has_label(lab, "GEN")) {
    /* "Russlands" -> Russia's */
    dg_buf_puts(&b, t->gloss);
    dg_buf_puts(&b, t->gloss[0] && t->gloss[strlen(t->gloss) - 1] == 's' ? "'" : "'s");
  } else if ((S_eq(t->pos, "VERB") || S_eq(t->pos, "AUX")) && strncmp(t->gloss, "there is", 8) == 0) {
    /* "es gibt" = there is, "es gab" = there was */
    bool past = S_has_label(lab, "PST") || S_feat(t->feats, "Tense=Past");
    dg_buf_puts(&b, past ? "there was" : "there is");
    dg_buf_puts(&b, t->gloss + 8);
  } else if (S_eq(t->pos, "VERB") || S_eq(t->pos, "AUX")) {
    if ((w->extra && S_eq(w->extra, "FUT")) || is_modal) {
      /* "will", "must" stay */
    } else if (S_has_label(lab, "PTCP") || S_feat(t->feats, "VerbForm=Part")) {
      dg_english_participle(&b, t->gloss);
    } else if (S_has_label(lab, "PST") || S_feat(t->feats, "Tense=Past")) {
      if (S_eq(t->gloss, "be")) dg_buf_puts(&b, S_has_label(lab, "PL") || strstr(lab, "PL") ? "were" : "was");
      else dg_english_past(&b, t->gloss);
    } else if (strstr(lab ? lab : "", "3SG") && (S_has_label(lab, "PRS") || S_feat(t->feats, "Tense=Pres"))) {
      dg_english_3sg(&b, t->gloss);
    }
  } else if (S_eq(t->pos, "ADJ") && w->adverbial) {
    /* An adjective used as an adverb ("vertritt aktuell" = currently). */
    if (w->adverb) dg_buf_puts(&b, w->adverb);
    else dg_english_adverb(&b, t->gloss);
  } else if ((S_eq(t->pos, "ADJ") || S_eq(t->pos, "ADV")) &&
             (S_feat(t->feats, "Degree=Cmp") || S_feat(t->feats, "Degree=Sup")) && !S_eq(t->lemma, t->form) &&
             !S_eq(t->lemma, w->lower)) {
    /* "vorsichtiger" -> more careful, "größte" -> biggest; not when the
     * gloss already is a comparative ("more", "less", "further"). */
    static const char *const already[] = {"more", "most", "less", "least", "fewer", "better", "best",
                                          "worse", "worst", "further", "rather", "sooner"};
    bool cmp = false;
    for (size_t k = 0; k < DG_ARRAY_LEN(already) && !cmp; k++)
      cmp = strncmp(t->gloss, already[k], strlen(already[k])) == 0;
    if (!cmp) dg_english_degree(&b, t->gloss, S_feat(t->feats, "Degree=Sup"));
  } else if ((S_eq(t->pos, "NOUN")) && (S_has_label(lab, "PL") || S_feat(t->feats, "Number=Plur")) &&
             !(t->mwe >= 0 && (t->mwe_head || strchr(t->gloss, ' ')))) {
    /* (an expression's gloss carried by a plural noun is not a noun:
     * "zu Gunsten" = in favour of, not "in favour ofs") */
    dg_english_plural(&b, t->gloss);
  }
  if (b.len) t->plain = dg_mem_strdup(&d->arena, b.data);
  dg_buf_free(&b);
}
