/* The last pass over a sentence: the Leipzig labels a reader of the gloss
 * line needs (possessives show their agreement, nouns only GEN and PL,
 * adjectives their degree), FUT or PASS from the context, the segmentation
 * of the form against its lemma, the plain-English form, and the German
 * word repeated where no gloss was found.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "parts.h"
#include "word.h"

/* Which labels a reader of the gloss line needs, by the word's part of
 * speech: */
typedef enum {
  S_KEEP_NONE,    /* other open-class words */
  S_KEEP_CASE,    /* a preposition: the case it governs */
  S_KEEP_CLOSED,  /* other closed-class words: all but DEF, INDF, SG, +CASE (and PRS of a pronoun) */
  S_KEEP_NUMBER,  /* nouns and names: GEN and PL */
  S_KEEP_ALL,     /* verbs */
  S_KEEP_DEGREE,  /* adjectives and adverbs: CMPR and SUPL */
} S_keep;

/* (asked of the token's part of speech by its code, lexicon.h DG_UD_*:
 * upos == DG_UD_ADP is dg_gl_eq(t->pos, "ADP"); an open-class word's by a
 * table of the codes) */
static const unsigned char S_keep_open[DG_UD_COUNT] = {
    [DG_UD_NOUN] = S_KEEP_NUMBER, [DG_UD_PROPN] = S_KEEP_NUMBER, [DG_UD_VERB] = S_KEEP_ALL,
    [DG_UD_AUX] = S_KEEP_ALL,     [DG_UD_ADJ] = S_KEEP_DEGREE,    [DG_UD_ADV] = S_KEEP_DEGREE};
static inline S_keep S_keep_of(unsigned upos, bool closed) {
  if (closed) return upos == DG_UD_ADP ? S_KEEP_CASE : S_KEEP_CLOSED;
  return upos < DG_UD_COUNT ? (S_keep)S_keep_open[upos] : S_KEEP_NONE;
}

/* Is the label p[0..n) the literal `lit`? */
#define S_IS(p, n, lit) ((n) == sizeof(lit) - 1 && memcmp((p), (lit), (n)) == 0)

static bool S_keep_label(S_keep how, bool pron, const char *p, size_t n) {
  switch (how) {
  case S_KEEP_CASE: return S_IS(p, n, "NOM") || S_IS(p, n, "ACC") || S_IS(p, n, "DAT") || S_IS(p, n, "GEN");
  case S_KEEP_CLOSED:
    return !S_IS(p, n, "DEF") && !S_IS(p, n, "INDF") && !S_IS(p, n, "SG") && p[0] != '+' &&
           !(pron && S_IS(p, n, "PRS"));
  case S_KEEP_NUMBER: return S_IS(p, n, "GEN") || S_IS(p, n, "PL");
  case S_KEEP_ALL: return true;
  case S_KEEP_DEGREE: return S_IS(p, n, "CMPR") || S_IS(p, n, "SUPL");
  case S_KEEP_NONE: break;
  }
  return false;
}

/* The labels a reader of the gloss line needs, after the label the
 * context adds (`extra`: FUT, PASS), dot-joined in d's arena ("" for
 * none). */
static const char *S_display_labels(dg_doc *d, const dg_gl_word *w, unsigned upos, const char *leipzig, bool closed,
                                    const char *extra) {
  S_keep how = leipzig && *leipzig ? S_keep_of(upos, closed) : S_KEEP_NONE;
  if (how == S_KEEP_NONE && !extra) return "";
  /* Possessives: the possessor is in the gloss ("his"); show the
   * agreement with the noun ("3SG.M/N.POSS.M.NOM.SG" -> "M.NOM").  (The
   * labels of the chosen closed-class reading say by their bits whether
   * POSS is one of them: only a possessive's are searched.) */
  bool maybe_poss = !(w->closed >= 0 && leipzig == w->cl[w->closed].labels) || (w->closed_labels & DG_LB_POSS);
  const char *poss = closed && how != S_KEEP_NONE && maybe_poss ? strstr(leipzig, "POSS.") : NULL;
  if (poss) leipzig = poss + 5;
  /* (made in small, whose room is checked label by label: the labels'
   * length is not counted first; the rare longer labels move to a buffer
   * of their whole length) */
  size_t xn = extra ? strlen(extra) : 0;
  char small[128], *out = small;
  if (xn + 2 > sizeof small) out = dg_xmalloc(xn + (how != S_KEEP_NONE ? strlen(leipzig) : 0) + 2);
  if (xn) memcpy(out, extra, xn);
  size_t o = xn;
  bool pron = upos == DG_UD_PRON, dot = extra != NULL;
  /* (the labels between the dots; empty ones are none) */
  for (const char *p = leipzig; how != S_KEEP_NONE && *p;) {
    size_t n = 0;
    while (p[n] && p[n] != '.') n++; /* (labels are short: no strcspn call) */
    if (n && S_keep_label(how, pron, p, n)) {
      if (out == small && o + n + 2 > sizeof small) {
        out = dg_xmalloc(xn + strlen(leipzig) + 2); /* (how is not S_KEEP_NONE here) */
        memcpy(out, small, o);
      }
      if (dot) out[o++] = '.';
      dot = true;
      for (size_t k = 0; k < n; k++) out[o++] = p[k]; /* (a label is a few letters: no call) */
    }
    p += n;
    if (*p) p++;
  }
  const char *r = o ? dg_mem_strndup(&d->arena, out, o) : "";
  if (out != small) free(out);
  return r;
}

/* The labels a word shows, kept once in the memo under their own text
 * (kind 'J'): the tokens of one document that show "PL" point at one
 * string, which lives as long as the memo (the document holds it: doc.h
 * dg_doc_keep_memo), so no token needs a copy of its own; NULL when the
 * budget is spent. */
static const char *S_shown_kept(dg_engine *e, const char *r) {
  if (!*r) return "";
  dg_gl_memo_asked q;
  const char *k = dg_gl_memo_ask(e, 'J', r, &q);
  return k ? k : dg_gl_memo_keep_asked(e, &q, r, q.n + 1, 0, NULL);
}

/* A function word shows the labels of its closed-class reading, which
 * are the lexicon's string: a few hundred strings, met again and again
 * ("DEF.M.NOM.SG").  What one shows is a function of the string and of
 * what S_display_labels asks besides (the part of speech's labels kept,
 * a pronoun, a possessive's searched: the mode), so the engine keeps it
 * by the string's address (the lexicon's mapped file stays where it is
 * while the engine lives; strings elsewhere are not kept), in a table of
 * its own (one a thread: no lock), which points at the labels as the
 * memo keeps them (S_shown_kept; a copy of them when the memo's budget
 * is spent, which each token then copies).  Beside it, the labels of a content
 * word after those its context adds (FUT, PASS: S_open_labels), by the
 * memo's value of the labels shown and the added label's string. */
#define S_SHOWN_SLOTS 512
#define S_JOINED_SLOTS 64
#define S_SHOWN_MAX 39
typedef struct S_shown_slot {
  const char *labels; /* NULL: empty */
  const char *shown;  /* the memo's; NULL: its budget was spent, s is copied */
  uint16_t mode;
  uint16_t len;
  char s[S_SHOWN_MAX + 1];
} S_shown_slot;
typedef struct S_joined_slot {
  const void *shown; /* the memo's S_open_shown; NULL: empty */
  const char *extra;
  const char *joined; /* the memo's */
} S_joined_slot;
struct dg_gl_shown {
  S_shown_slot slot[S_SHOWN_SLOTS];
  S_joined_slot joined[S_JOINED_SLOTS];
};
static void S_shown_table(dg_engine *e) {
  if (!e->shown) e->shown = dg_xcalloc(1, sizeof *e->shown);
}
/* The two slots that may hold the labels at address a shown in mode
 * (slot[k], slot[k + 1]): the address and the mode mixed by a
 * multiplication, its top bits taken.  (The lexicon's label strings lie
 * a few bytes apart, which their low bits alone spread badly; and two
 * strings met again and again that fell on one slot pushed each other
 * out of it: a pair of slots keeps both.) */
static inline size_t S_shown_pair_of(uintptr_t a, unsigned mode) {
  _Static_assert(S_SHOWN_SLOTS == 512, "eight bits of the pair");
  return (size_t)((((uint64_t)a ^ ((uint64_t)mode << 40)) * 0x9E3779B97F4A7C15ull) >> (64 - 8)) * 2;
}
/* (S_closed_labels for labels in neither slot of their pair: made, and
 * kept in the first, whose labels move to the second; out of line, as
 * the labels of most function words are kept) */
static __attribute__((noinline)) const char *S_closed_labels_make(dg_engine *e, dg_doc *d, const dg_gl_word *w,
                                                                  unsigned upos, const char *leipzig, unsigned mode) {
  const char *r = S_display_labels(d, w, upos, leipzig, true, NULL);
  if (!dg_lexicon_holds(e->lex, leipzig)) return r;
  const char *k = S_shown_kept(e, r);
  size_t n = k ? 0 : strlen(r);
  if (n > S_SHOWN_MAX) return r;
  S_shown_table(e);
  S_shown_slot *sl = &e->shown->slot[S_shown_pair_of((uintptr_t)leipzig, mode)];
  if (sl->labels) sl[1] = sl[0];
  sl->labels = leipzig;
  sl->mode = (uint16_t)mode;
  sl->shown = k;
  sl->len = (uint16_t)n;
  if (!k) memcpy(sl->s, r, n + 1);
  return k ? k : r;
}
static inline const char *S_closed_labels(dg_engine *e, dg_doc *d, const dg_gl_word *w, unsigned upos,
                                          const char *leipzig) {
  S_keep how = *leipzig ? S_keep_of(upos, true) : S_KEEP_NONE;
  if (how == S_KEEP_NONE) return "";
  /* (S_display_labels's questions: the reading is w's chosen one, so a
   * possessive's labels are searched when its bits say POSS) */
  unsigned mode = (unsigned)how | (upos == DG_UD_PRON ? 8u : 0u) | ((w->closed_labels & DG_LB_POSS) ? 16u : 0u);
  if (e->shown) {
    const S_shown_slot *sl = &e->shown->slot[S_shown_pair_of((uintptr_t)leipzig, mode)];
    if (!(sl->labels == leipzig && sl->mode == mode)) sl++;
    if (sl->labels == leipzig && sl->mode == mode)
      return sl->shown ? sl->shown : sl->len ? dg_mem_strndup(&d->arena, sl->s, sl->len) : "";
  }
  return S_closed_labels_make(e, d, w, upos, leipzig, mode);
}

/* A content word shows the labels of the analysis chosen for it, whose
 * string is the word's own (a repeated word's, its memo entry's).  What
 * it shows is a function of the string and of the labels its part of
 * speech keeps (S_keep_of: a content word's are no pronoun's and no
 * possessive's), kept in the memo under both (kind 'G') and linked from
 * the analysis (DG_GL_ALINK_SHOWN): a repeated word points at the
 * labels it kept (S_shown_kept).  With them the labels the plain form
 * asks about (dg_gl_label_bits of the string: *lbits, lbits_set when
 * known). */
typedef struct S_open_shown {
  uint32_t how;
  uint32_t lbits;
  const char *s; /* the memo's (S_shown_kept) */
} S_open_shown;
/* (S_open_labels for an analysis whose link holds no labels shown of its
 * kind: made, and kept and linked when they can be; out of line, as a
 * repeated word's are linked) */
static __attribute__((noinline)) const char *S_open_labels_make(dg_engine *e, dg_doc *d, dg_gl_word *w, unsigned upos,
                                                                const char *leipzig, S_keep how, int k,
                                                                const S_open_shown *v) {
  const char *r = S_display_labels(d, w, upos, leipzig, false, NULL);
  if (k < 0 || v || !dg_gl_memo_room(e)) return r; /* (another part of speech: made each time) */
  size_t ln = strlen(leipzig);
  char key[128];
  if (ln + 2 > sizeof key) return r;
  key[0] = (char)('0' + how);
  memcpy(key + 1, leipzig, ln + 1);
  v = dg_gl_memo_find(e, 'G', key);
  if (!v) {
    const char *kept = S_shown_kept(e, r);
    if (!kept) return r;
    S_open_shown n = {.how = (uint32_t)how, .lbits = dg_gl_label_bits(leipzig), .s = kept};
    v = dg_gl_memo_keep(e, 'G', key, &n, sizeof n, 0, NULL);
  }
  if (!v) return r;
  dg_gl_memo_set_an_link(w, k, DG_GL_ALINK_SHOWN, v);
  return v->s;
}
/* The labels the context adds (extra: FUT, PASS) before those shown
 * (shown[0..n)), dot-joined in d's arena, as S_display_labels joins them
 * (out of line: few words have them). */
static __attribute__((noinline)) const char *S_after_extra(dg_doc *d, const char *extra, const char *shown, size_t n) {
  size_t xn = strlen(extra);
  char *r = dg_mem_alloc(&d->arena, xn + (n ? n + 1 : 0) + 1);
  memcpy(r, extra, xn);
  if (n) {
    r[xn] = '.';
    memcpy(r + xn + 1, shown, n);
  }
  r[xn + (n ? n + 1 : 0)] = '\0';
  return r;
}
/* The same for the labels shown that the memo keeps (v), through the
 * engine's table (the context adds a label to the same words again and
 * again: a passive's participle), the joined labels kept as the others
 * are (S_shown_kept). */
static __attribute__((noinline)) const char *S_after_extra_kept(dg_engine *e, dg_doc *d, const char *extra,
                                                                const S_open_shown *v) {
  S_shown_table(e);
  S_joined_slot *sl =
      &e->shown->joined[(size_t)((((uint64_t)(uintptr_t)v ^ (uint64_t)(uintptr_t)extra) * 0x9E3779B97F4A7C15ull) >>
                                 (64 - 6))];
  _Static_assert(S_JOINED_SLOTS == 64, "six bits of the slot");
  if (sl->shown == v && sl->extra == extra) return sl->joined;
  const char *r = S_after_extra(d, extra, v->s, strlen(v->s));
  const char *k = S_shown_kept(e, r);
  if (!k) return r;
  sl->shown = v;
  sl->extra = extra;
  sl->joined = k;
  return k;
}
static inline const char *S_open_labels(dg_engine *e, dg_doc *d, dg_gl_word *w, unsigned upos, const char *leipzig,
                                        unsigned *lbits, bool *lbits_set) {
  S_keep how = *leipzig ? S_keep_of(upos, false) : S_KEEP_NONE;
  /* (the context's label is a string of the program's: no copy) */
  if (how == S_KEEP_NONE) return w->extra ? w->extra : "";
  int k = -1;
  if (w->memo)
    for (size_t q = 0; q < w->nan; q++)
      if (w->an[q].leipzig == leipzig) {
        k = (int)q;
        break;
      }
  const S_open_shown *v = dg_gl_memo_an_link(w, k, DG_GL_ALINK_SHOWN);
  if (v && v->how == (uint32_t)how) {
    *lbits = v->lbits;
    *lbits_set = true;
    if (w->extra) return S_after_extra_kept(e, d, w->extra, v);
    return v->s;
  }
  const char *r = S_open_labels_make(e, d, w, upos, leipzig, how, k, v);
  return w->extra ? S_after_extra(d, w->extra, r, strlen(r)) : r;
}

/* A word still without a gloss repeats the German (out of line: rare). */
static __attribute__((noinline, cold)) void S_no_gloss(dg_doc *d, dg_dtoken *t) {
  dg_gl_set_single(d, t, t->form);
  t->source = "unknown";
  t->reason = "no gloss found: the German word is repeated";
  t->flags |= DG_DF_GUESS;
}

/* A compound with its own entry: the gloss line shows the parts only
 * when their glosses make the word's gloss (a completed suspended part
 * shows its borrowed piece: [Kinder]-erziehung).  (Of a word in parts,
 * out of line: most words are one part.) */
static __attribute__((noinline)) void S_whole_gloss(dg_dtoken *t) {
  if (!(t->flags & DG_DF_SUSPENDED) && t->source && strncmp(t->source, "compound", 8) != 0 &&
      strncmp(t->source, "parts", 5) != 0 && !dg_gl_parts_agree(t))
    t->flags |= DG_DF_WHOLE_GLOSS;
}

/* Leipzig labels (with FUT/PASS from the context) and segmentation of every
 * word, its plain-English form (plain.c), and the German word repeated
 * where no gloss was found. */
void dg_gl_labels(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* (the sentence's tokens and words walked side by side: no call below
   * changes either array) */
  dg_dtoken *t = s->tokens;
  dg_gl_word *w = c->w;
  for (size_t i = 0, n = s->ntokens; i < n; i++, t++, w++) {
    if (t->kind == DG_KIND_PUNCT) continue;
    if (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) {
      unsigned lbits = 0;
      bool lbits_set = false;
      if (t->flags & DG_DF_SEP_PARTICLE) {
        t->labels = "";
      } else {
        /* An expression's gloss on a function word carries no labels. */
        const char *leipzig = (t->mwe_head && w->is_closed) ? "" : w->leipzig;
        /* (a function word's labels, of its chosen reading, through the
         * engine's table) */
        bool reading = w->is_closed && !w->extra && w->closed >= 0 && leipzig && leipzig == w->cl[w->closed].labels;
        bool open = !w->is_closed && leipzig;
        t->labels = reading ? S_closed_labels(e, d, w, t->upos, leipzig)
                    : open  ? S_open_labels(e, d, w, t->upos, leipzig, &lbits, &lbits_set)
                            : S_display_labels(d, w, t->upos, leipzig, w->is_closed, w->extra);
      }
      if (!t->seg && *t->labels && !w->is_closed && !t->nparts)
        t->seg = dg_gl_word_segment(e, d, w, t->form, t->lemma, t->pos);
      if (t->seg && t->nparts > 1 && *t->labels && !(t->flags & DG_DF_SEP_PARTICLE)) {
        /* keep the compound segmentation; labels join with '-' */
      }
      if (t->nparts > 1) S_whole_gloss(t);
      /* (a word of another part of speech is no adjective used as an
       * adverb and takes no plain form, nor does a singular noun, a third
       * of the words: told before the call, by the features and the label
       * bits, word.h's dg_gl_plural_noun) */
      bool singular = t->kind != DG_KIND_NAME && t->upos == DG_UD_NOUN &&
                      !dg_gl_plural_noun(t, w, lbits_set ? &lbits : NULL);
      if (!singular && (t->kind == DG_KIND_NAME || (1u << t->upos & DG_GL_PLAIN_POS)))
        dg_gl_plain(e, d, c, i, lbits_set ? &lbits : NULL);
      else
        w->adverbial = false;
    }
    if (!t->gloss[0]) S_no_gloss(d, t);
  }
}
