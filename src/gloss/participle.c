/* Participles used as adjectives without an entry of their own, glossed
 * from their verb: "sinkend" sinking, "vorgeschlagenen" proposed.  The verb
 * comes from the morphology's tables of participles, else from the
 * participle's shape (-end, ge-...-t, a separable particle before ge-);
 * the English form from the verb's first sense.  Kept per lemma in the memo.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "word.h"

/* "sinkend" -> sinken, "durchnässt" -> durchnässen, "domestiziert" ->
 * domestizieren, "vorgeschlagenen" -> vorschlagen; the gloss in -ing or
 * participle form.  Of lemma (or form) lem: the verb into verb (160
 * bytes), the gloss into g, whether it is a present participle and the
 * source of the verb's sense; false when lem is no participle of a verb
 * the dictionary knows. */
static bool S_participle_of(dg_engine *e, const char *lem, char *verb, dg_buf *g, bool *is_present,
                            const char **source) {
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
  bool present = false;
  /* The morphology's tables know the participles of the verbs they list,
   * strong ones too (vorgeschlagen: vorschlagen, eingestürzt: einstürzen,
   * geändert: ändern); the rules below guess the others' infinitive. */
  const char *known = dg_morph_participle_verb(e->morph, base, &present);
  for (size_t k = 0; !known && k < DG_ARRAY_LEN(endings); k++) {
    size_t n = strlen(endings[k]);
    if (L <= n + 4 || strcmp(base + L - n, endings[k]) != 0) continue;
    char bare[128];
    snprintf(bare, sizeof bare, "%.*s", (int)(L - n), base);
    known = dg_morph_participle_verb(e->morph, bare, &present);
  }
  if (known) {
    snprintf(verb, 160, "%s", known);
  } else if (L > 5 && strcmp(base + L - 3, "end") == 0) {
    snprintf(verb, 160, "%.*sen", (int)(L - 3), base); /* sinkend -> sinken */
    present = true;
  } else if (L > 4 && base[L - 1] == 't') {
    /* durchnässt -> durchnässen, domestiziert -> domestizieren, gemacht ->
     * machen; ge- after a separable particle (word class sep-particle):
     * eingewechselt -> einwechseln */
    size_t pl = 0; /* (the particle's length) */
    for (size_t k = 2; k + 6 < L && !pl; k++)
      if (base[k] == 'g' && base[k + 1] == 'e' && dg_morph_is(e->morph, base, k, DG_WC_SEP_PARTICLE)) pl = k;
    const char *stem = base + pl;
    size_t sl = L - pl - 1;
    if (strncmp(stem, "ge", 2) == 0 && (pl || L > 6)) {
      stem += 2;
      sl -= 2;
    }
    if (sl > 1 && stem[sl - 1] == 'e') sl--; /* "gearbeitet" -> arbeit */
    /* (a stem in -el or -er takes -n: wechseln, ändern; not -ier:
     * platzieren) */
    bool el_er = sl > 2 && stem[sl - 2] == 'e' && (stem[sl - 1] == 'l' || stem[sl - 1] == 'r') &&
                 !(sl > 3 && stem[sl - 3] == 'i');
    snprintf(verb, 160, "%.*s%.*s%s", (int)pl, base, (int)sl, stem, el_er ? "n" : "en");
  } else {
    return false;
  }
  dg_sense sv[DG_GL_MAX_SENSES];
  size_t n = dg_lexicon_senses(e->lex, verb, "VERB", sv, DG_GL_MAX_SENSES);
  if (n > DG_GL_MAX_SENSES) n = DG_GL_MAX_SENSES;
  if (n == 0) return false;
  if (present) {
    /* sink -> sinking, make -> making, get worse -> getting worse */
    const char *sg = sv[0].gloss;
    if (strncmp(sg, "be ", 3) == 0) {
      /* "be based (on)" -> based: the state, not "being based" */
      dg_buf_puts(g, sg + 3);
    } else {
      dg_english_ing(g, sg);
    }
  } else {
    dg_english_participle_lex(e->lex, g, sv[0].gloss);
  }
  *is_present = present;
  *source = sv[0].source;
  return true;
}

/* What S_participle_of found for a lemma, kept in the memo (kind 'p',
 * keyed by the lemma: a function of it and the session's data): whether
 * it is a participle, whether present, the sense's source (the lexicon's
 * string: session lifetime), then the verb and the gloss. */
typedef struct S_participle {
  bool ok, present;
  const char *source;
  unsigned gloss; /* the gloss's offset in s */
  char s[];       /* the verb, then the gloss */
} S_participle;

/* Token t glossed as the participle of verb with gloss g. */
static void S_participle_set(dg_doc *d, dg_dtoken *t, const char *verb, const char *g, bool present,
                             const char *source) {
  dg_gl_set_single(d, t, g);
  t->lemma = dg_mem_strdup(&d->arena, verb);
  dg_gl_set_pos(t, "ADJ");
  t->feats = present ? "Tense=Pres|VerbForm=Part" : "Tense=Past|VerbForm=Part";
  t->source = dg_doc_str(d, source ? source : "lexicon");
  t->reason = "participle without an entry of its own: glossed from its verb";
}

/* A participle used as an adjective without an entry of its own (word
 * w, token t): the verb's gloss in the English participle form
 * (S_participle_of, once per lemma). */
bool dg_gl_participle(dg_engine *e, dg_doc *d, dg_dtoken *t, const dg_gl_word *w) {
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return false;
  const char *lem = t->lemma[0] ? t->lemma : w->lower;
  dg_gl_memo_asked q;
  const S_participle *v = dg_gl_memo_ask(e, 'p', lem, &q);
  char verb[160];
  dg_buf g;
  dg_buf_init(&g);
  if (!v) {
    bool present = false;
    const char *source = NULL;
    bool ok = S_participle_of(e, lem, verb, &g, &present, &source);
    size_t vl = ok ? strlen(verb) + 1 : 0, gl = ok ? g.len + 1 : 0;
    _Alignas(max_align_t) char room[512];
    size_t size = sizeof(S_participle) + vl + gl;
    S_participle *nv = size <= sizeof room ? (S_participle *)(void *)room : dg_xmalloc(size);
    memset(nv, 0, sizeof *nv);
    nv->ok = ok;
    nv->present = present;
    nv->source = source;
    nv->gloss = (unsigned)vl;
    if (ok) {
      memcpy(nv->s, verb, vl);
      memcpy(nv->s + vl, g.data ? g.data : "", gl);
    }
    v = dg_gl_memo_keep_asked(e, &q, nv, size, 0, NULL);
    if (!v) {
      /* (no room in the memo: this copy, for this token) */
      if (ok) S_participle_set(d, t, verb, g.data, present, source);
      if ((char *)nv != room) free(nv);
      dg_buf_free(&g);
      return ok;
    }
    if ((char *)nv != room) free(nv);
  }
  dg_buf_free(&g);
  if (!v->ok) return false;
  S_participle_set(d, t, v->s, v->s + v->gloss, v->present, v->source);
  return true;
}
