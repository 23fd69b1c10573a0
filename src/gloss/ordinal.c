/* Ordinals written as words: a cardinal with -t (2-19: viert, zwölft) or
 * -st (20 and up: zwanzigst, tausendst, vierundzwanzigst), or an irregular
 * stem of dictionaries/ordinal-stems.tsv (erst, dritt, siebt, acht), and an
 * adjective ending.  Such a word is an adjective with NumType=Ord, its
 * lemma the ordinal stem (as UD German has it: dritten -> dritt), glossed
 * with the English ordinal of the cardinal's English (vierundzwanzig
 * "twenty-four" -> twenty-fourth).  The tables often lack the ordinal or
 * give it a reading of its own (zehnten: Zehnte "tithe"; neunten: "ninths";
 * vierundzwanzigste: nothing).  A form that is also a verb (achten
 * respect, siebte sieved) is the ordinal only inside a noun phrase; a
 * capitalised noun ("der Dritte", "am Achten") keeps its own reading.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "ordinal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "memo.h"
#include "util.h"
#include "word.h"

typedef struct S_row {
  char *stem, *cardinal;
} S_row;

struct dg_ordinal_stems {
  S_row *rows;
  size_t nrows;
};

dg_ordinal_stems *dg_ordinal_stems_load(const char *path, degloss_error *err) {
  bool missing;
  FILE *f = dg_table_open(path, "ordinal stems", &missing, err);
  if (!f && !missing) return NULL;
  dg_ordinal_stems *t = dg_xcalloc(1, sizeof *t);
  if (f) {
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    bool header = true; /* (the first line names the columns) */
    while (dg_table_line(f, &line, &cap, &lineno)) {
      char *c[3];
      dg_table_cols(line, c, 3);
      if (header) {
        header = false;
        continue;
      }
      if (!*c[0] || !c[1] || !*c[1] || c[2]) {
        dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "expected 'stem<TAB>cardinal'");
        continue;
      }
      t->rows = dg_xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
      t->rows[t->nrows++] = (S_row){dg_xstrdup(c[0]), dg_xstrdup(c[1])};
    }
    free(line);
    fclose(f);
  }
  return t;
}

void dg_ordinal_stems_free(dg_ordinal_stems *t) {
  if (!t) return;
  for (size_t r = 0; r < t->nrows; r++) {
    free(t->rows[r].stem);
    free(t->rows[r].cardinal);
  }
  free(t->rows);
  free(t);
}

size_t dg_ordinal_stems_count(const dg_ordinal_stems *t) { return t ? t->nrows : 0; }

static bool S_ends(const char *s, size_t n, const char *tail) {
  size_t k = strlen(tail);
  return n >= k && memcmp(s + n - k, tail, k) == 0;
}

/* Is `card` a cardinal the lexicon knows (a NUM sense whose English is a
 * number in words)?  Its English ordinal goes into en, the sense into *sv. */
static bool S_cardinal(dg_engine *e, const char *card, dg_buf *en, dg_sense *sv) {
  dg_sense s[8];
  size_t n = dg_lexicon_senses(e->lex, card, "NUM", s, 8);
  for (size_t k = 0; k < n && k < 8; k++) {
    if (!s[k].pos || !dg_gl_eq(s[k].pos, "NUM") || !s[k].gloss) continue;
    dg_buf_clear(en);
    if (dg_english_ordinal_word(en, s[k].gloss)) {
      *sv = s[k];
      return true;
    }
  }
  return false;
}

/* The ordinal stem of a lower-case stem in -t (the form without its
 * adjective ending): a stem of the table, after the rest of a compound
 * cardinal (hundert|dritt), or a cardinal with -st or -t whose ordinal
 * the table does not name (dreit is no ordinal: dritt is).  Sets the
 * English ordinal and the cardinal's sense. */
static bool S_stem(dg_engine *e, const char *stem, size_t n, dg_buf *en, dg_sense *sv) {
  const dg_ordinal_stems *t = e->ordinal_stems;
  char card[128];
  /* (no ordinal is that long: a stem that would not fit is none, and
   * card is never cut short) */
  for (size_t r = 0; t && r < t->nrows; r++)
    if (n + strlen(t->rows[r].cardinal) >= sizeof card) return false;
  if (n >= sizeof card) return false;
  for (size_t r = 0; t && r < t->nrows; r++)
    if (S_ends(stem, n, t->rows[r].stem)) {
      size_t pre = n - strlen(t->rows[r].stem);
      snprintf(card, sizeof card, "%.*s%s", (int)pre, stem, t->rows[r].cardinal);
      if (S_cardinal(e, card, en, sv)) return true;
    }
  static const char *const suffixes[] = {"st", "t"};
  for (size_t k = 0; k < DG_ARRAY_LEN(suffixes); k++) {
    size_t m = strlen(suffixes[k]);
    if (!S_ends(stem, n, suffixes[k]) || n < m + 3) continue;
    snprintf(card, sizeof card, "%.*s", (int)(n - m), stem);
    bool irregular = false;
    for (size_t r = 0; t && r < t->nrows && !irregular; r++)
      irregular = S_ends(card, n - m, t->rows[r].cardinal);
    if (!irregular && S_cardinal(e, card, en, sv)) return true;
  }
  return false;
}

/* The adjective endings an ordinal takes (the longest first). */
static const char *const S_endings[] = {"en", "em", "er", "es", "e"};

/* The ending of a lower-case form of length L that may be an ordinal's
 * (after a t, with a stem of four letters or more), or NULL. */
static const char *S_ending(const char *low, size_t L) {
  for (size_t k = 0; k < DG_ARRAY_LEN(S_endings); k++) {
    size_t m = strlen(S_endings[k]);
    if (L > m + 3 && S_ends(low, L, S_endings[k]) && low[L - m - 1] == 't') return S_endings[k];
  }
  return NULL;
}

bool dg_gl_ordinal_form(dg_engine *e, const char *lower) {
  size_t L = strlen(lower);
  const char *ending = S_ending(lower, L);
  if (!ending) return false;
  dg_buf en;
  dg_buf_init(&en);
  dg_sense card;
  bool ok = S_stem(e, lower, L - strlen(ending), &en, &card);
  dg_buf_free(&en);
  return ok;
}

/* Does word j, before an ordinal, open its noun phrase: an article,
 * possessive or other determiner, a preposition fused with an article
 * (am, zum, im), a number, another ordinal ("der 2. und dritte"), or an
 * inflected adjective ("die letzten achten Klassen")?  An article
 * form the closed-class pass read as a pronoun counts when a noun follows
 * ("das siebte Land": not "Die achten auf …"). */
static bool S_opens_noun_phrase(const dg_gl_ctx *c, size_t j) {
  const dg_dtoken *p = &c->s->tokens[j];
  const dg_gl_word *w = &c->w[j];
  if (w->closed >= 0 && DG_LB_POS(w->closed_labels) == DG_UD_DET) return true;
  if (dg_gl_pos_is(p, DG_UD_ADP) && p->feats && strstr(p->feats, "PronType=Art")) return true;
  if (dg_gl_pos_is(p, DG_UD_NUM)) return true;
  if (dg_gl_pos_is(p, DG_UD_ADJ) && p->feats && (strstr(p->feats, "NumType=Ord") || strncmp(p->feats, "Case=", 5) == 0))
    return true;
  size_t n = j + 2; /* (the word after the ordinal) */
  if (n >= c->s->ntokens || c->s->tokens[n].kind != DG_KIND_WORD || !dg_gl_is_upper_initial(c->s->tokens[n].form))
    return false;
  for (size_t q = 0; q < w->ncl; q++)
    if (DG_LB_POS(w->cl[q].bits) == DG_UD_DET) return true;
  return false;
}

static bool S_ordinal(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, size_t L);

/* The length of lower-case form low when it ends as an ordinal may (-te,
 * -ten, -tem, -ter, -tes, five letters or more), else 0.  (Most words end
 * otherwise: told by their last three letters before anything is
 * measured.) */
static inline size_t S_ordinal_length(const char *low) {
  size_t L = low[0] && low[1] && low[2] && low[3] ? 4 + strlen(low + 4) : 0;
  if (L < 5) return 0;
  char z = low[L - 1];
  bool e_only = z == 'e' && low[L - 2] == 't';
  if (!e_only && !(low[L - 2] == 'e' && low[L - 3] == 't' && (z == 'n' || z == 'm' || z == 'r' || z == 's')))
    return 0;
  return L;
}

/* (what S_ordinal links from the entry of a form that is no ordinal:
 * "sagte", "letzten") */
static const char S_none = 0;

bool dg_gl_ordinal_never(const dg_gl_word *w) {
  return !w->lower || S_ordinal_length(w->lower) == 0 || dg_gl_memo_link(w, DG_GL_LINK_ORDINAL) == &S_none;
}

bool dg_gl_ordinal(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  const dg_gl_word *w = &c->w[i];
  if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
  /* (a capitalised word inside a sentence is a noun: "am Achten", "der
   * Dritte"; the first word only before a noun: "Dritte Runde") */
  if (dg_gl_is_upper_initial(t->form)) {
    if (!w->initial || i + 1 >= c->s->ntokens || c->s->tokens[i + 1].kind != DG_KIND_WORD ||
        !dg_gl_is_upper_initial(c->s->tokens[i + 1].form))
      return false;
  }
  size_t L = S_ordinal_length(w->lower);
  return L && S_ordinal(e, d, c, i, L);
}

/* What an ordinal's form tells, the same wherever it stands: the length of
 * its stem (the lemma), the source of the cardinal's sense, the English
 * ordinal and the features of its ending.  Kept in the memo and linked from
 * the word's entry (DG_GL_LINK_ORDINAL), so that a repeat asks only its
 * context (a verb form's noun phrase). */
typedef struct S_ord {
  size_t n;           /* the stem's length */
  const char *source; /* the cardinal's sense's source (NULL: none) */
  size_t feats;       /* the features' offset in s */
  char s[];           /* the English ordinal, then the features */
} S_ord;

/* The value of a lower-case form low with ending `ending` and a stem of n
 * bytes, or NULL when the stem is no ordinal's (malloc'd). */
static S_ord *S_ord_make(dg_engine *e, const char *low, size_t n, const char *ending) {
  dg_buf en;
  dg_buf_init(&en);
  dg_sense card;
  if (!S_stem(e, low, n, &en, &card)) {
    dg_buf_free(&en);
    return NULL;
  }
  /* The features of the ending: every ordinal declines alike, so they are
   * those the tables give the first stem of the table with that ending
   * (erst: ersten Case=Acc,Dat,Gen,Nom|…), with NumType=Ord (last: UD
   * sorts the features by name). */
  const char *feats = NULL;
  const dg_ordinal_stems *os = e->ordinal_stems;
  if (os && os->nrows) {
    char ref[64];
    snprintf(ref, sizeof ref, "%s%s", os->rows[0].stem, ending);
    dg_analysis an[DG_MORPH_MAX_ANALYSES];
    size_t na = dg_morph_analyze(e->morph, ref, false, "ADJ", an, DG_MORPH_MAX_ANALYSES);
    for (size_t k = 0; k < na && !feats; k++)
      if (dg_gl_eq(an[k].pos, "ADJ") && an[k].feats && strncmp(an[k].feats, "Case=", 5) == 0) feats = an[k].feats;
  }
  dg_buf fb;
  dg_buf_init(&fb);
  dg_buf_printf(&fb, "%s|NumType=Ord", feats ? feats : "Degree=Pos");
  S_ord *v = dg_xmalloc(sizeof *v + en.len + 1 + fb.len + 1);
  v->n = n;
  v->source = card.source;
  v->feats = en.len + 1;
  memcpy(v->s, en.data, en.len + 1);
  memcpy(v->s + v->feats, fb.data, fb.len + 1);
  dg_buf_free(&fb);
  dg_buf_free(&en);
  return v;
}

/* dg_gl_ordinal of a word whose lower-case form, of length L, ends in -te,
 * -ten, -tem, -ter or -tes.  (A function of its own: the one above, which
 * turns most words away, needs no stack.) */
static __attribute__((noinline)) bool S_ordinal(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, size_t L) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  const char *low = w->lower;
  /* (what the form tells is linked from its memo entry: that it is no
   * ordinal, "sagte", "letzten", asked about on every repeat; or the
   * ordinal's value, S_ord) */
  const void *link = dg_gl_memo_link(w, DG_GL_LINK_ORDINAL);
  if (link == &S_none) return false;
  const S_ord *v = link;
  S_ord *made = NULL;
  if (!v) {
    const char *ending = S_ending(low, L);
    /* (a function of the form alone: its ending, its stem) */
    made = ending ? S_ord_make(e, low, L - strlen(ending), ending) : NULL;
    if (!made) {
      dg_gl_memo_set_link(w, DG_GL_LINK_ORDINAL, &S_none);
      return false;
    }
    v = made;
    if (w->memo && dg_gl_memo_room(e)) {
      char key[128];
      if (L < sizeof key) {
        memcpy(key, low, L + 1);
        const S_ord *kept = dg_gl_memo_keep(e, 'o', key, made, sizeof *made + strlen(made->s) + 1 +
                                            strlen(made->s + made->feats) + 1, 0, NULL);
        if (kept) dg_gl_memo_set_link(w, DG_GL_LINK_ORDINAL, kept);
      }
    }
  }
  /* A verb form (achten, siebte) is the ordinal only inside a noun phrase:
   * after a word that opens one, and before its noun, a coordinating
   * conjunction or a pause ("der achten Runde", "der achte und neunte",
   * "wurde der achte."; not "Wir achten auf …", "Die achten auf …"). */
  if (dg_gl_any_an(w, DG_GL_P_VERB | DG_GL_P_AUX)) {
    const dg_dtoken *nx = i + 1 < c->s->ntokens ? &c->s->tokens[i + 1] : NULL;
    if (i == 0 || !S_opens_noun_phrase(c, i - 1) ||
        (nx && nx->kind != DG_KIND_PUNCT && !dg_gl_is(&c->w[i + 1], DG_WC_CONJ_COORD) &&
         !(nx->kind == DG_KIND_WORD && dg_gl_is_upper_initial(nx->form)))) {
      free(made);
      return false;
    }
  }
  t->kind = DG_KIND_WORD;
  t->lemma = dg_mem_strndup(&d->arena, low, v->n);
  dg_gl_set_pos(t, "ADJ");
  t->feats = dg_mem_strdup(&d->arena, v->s + v->feats);
  dg_gl_set_single(d, t, v->s);
  t->source = dg_doc_str(d, v->source ? v->source : "lexicon");
  t->reason = "ordinal: glossed from its cardinal";
  w->leipzig = "";
  w->particle = NULL;
  free(made);
  return true;
}
