/* Content words: the analysis that fits the context and its ranked senses
 * (reflexive senses first in a clause with "sich"; plural-only nouns;
 * comparatives with a meaning of their own; uninflected adverbs), compound
 * parts shown when they explain the word, and for words without an entry
 * the fallbacks in order (fallback.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fallback.h"
#include "morph_text.h"
#include "parts.h"
#include "memo.h"
#include "word.h"

/* A step of the path a repeated word takes (S_open_kept), compiled into
 * each caller: that path then lies in few cache lines, not spread over
 * small functions of its own. */
#define S_IN_LINE static inline __attribute__((always_inline))

/* Does the clause of i, with quotation marks around single words not
 * counted as boundaries (sich „angenähert“), hold "sich"? */
static bool S_clause_has_sich(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  size_t a = i, b = i + 1;
  while (a > 0 && i - a < DG_GL_WINDOW && (!dg_gl_boundary(&s->tokens[a - 1]) || dg_gl_quote(&s->tokens[a - 1]))) a--;
  while (b < s->ntokens && b - i < DG_GL_WINDOW && (!dg_gl_boundary(&s->tokens[b]) || dg_gl_quote(&s->tokens[b]))) b++;
  for (size_t j = a; j < b; j++)
    if (j != i && dg_gl_is_sich(c->w[j].lower)) return true;
  return false;
}

/* Has the clause of the verb at i a reflexive pronoun: "sich", or
 * mich/dich/uns/euch with the matching subject (ich erinnere mich)?  The
 * pronouns by their closed-class labels, each named by a literal, whose
 * dg_gl_label_sig is then known when compiling. */
#define S_REFL_1SG "REFL.1SG.ACC" /* mich */
#define S_REFL_2SG "REFL.2SG.ACC" /* dich */
#define S_REFL_1PL "REFL.1PL"     /* uns */
#define S_REFL_2PL "REFL.2PL"     /* euch */
static inline bool S_has(const dg_gl_ctx *c, size_t i, const char *labels) {
  return dg_gl_clause_has_pronoun_sig(c, i, labels, dg_gl_label_sig(labels));
}
/* Could one of mich, dich, uns, euch be in the clause of i?  No, when no
 * word of the clause but i has a pronoun reading with the bit of one of
 * their labels (dg_gl_word.pron_sig, walked from pronoun to pronoun:
 * next_pron), as most clauses have none.  A clause that shares the subject
 * of the one before it ("… und freut sich …") is asked in full. */
static bool S_may_have_reflexive(const dg_gl_ctx *c, size_t i) {
  size_t a = dg_gl_cstart(c, i), b = dg_gl_cend(c, i), n = c->s->ntokens;
  if (a > 1 && (c->s->tokens[a - 1].flags & DG_DF_CLAUSE_JOIN) && a == i) return true;
  uint64_t sig = dg_gl_label_sig(S_REFL_1SG) | dg_gl_label_sig(S_REFL_2SG) | dg_gl_label_sig(S_REFL_1PL) |
                 dg_gl_label_sig(S_REFL_2PL);
  for (size_t j = a < n ? c->w[a].next_pron : n; j < b; j = j + 1 < n ? c->w[j + 1].next_pron : n)
    if (j != i && (c->w[j].pron_sig & sig)) return true;
  return false;
}
static bool S_reflexive_clause(const dg_gl_ctx *c, size_t i) {
  if (S_clause_has_sich(c, i)) return true;
  if (!S_may_have_reflexive(c, i)) return false;
  return (S_has(c, i, S_REFL_1SG) && S_has(c, i, "PRS.1SG.NOM")) || /* ich */
         (S_has(c, i, S_REFL_2SG) && S_has(c, i, "PRS.2SG.NOM")) || /* du */
         (S_has(c, i, S_REFL_1PL) && S_has(c, i, "PRS.1PL.NOM")) || /* wir */
         (S_has(c, i, S_REFL_2PL) && S_has(c, i, "PRS.2PL.NOM"));   /* ihr */
}

/* Capitalised, then small letters only (no hyphen, no capital inside:
 * YouTube, MacPherson, TogiNet are written like names). */
static bool S_plain_capitalised(const char *f) {
  if (!dg_gl_is_upper_initial(f) || dg_gl_all_upper(f) || strchr(f, '-')) return false;
  /* (in ASCII: no capital after the first letter) */
  size_t n = 1;
  while (f[n] && !(f[n] & 0x80) && !(f[n] >= 'A' && f[n] <= 'Z')) n++;
  if (!(f[0] & 0x80) && (!f[n] || (f[n] >= 'A' && f[n] <= 'Z'))) return !f[n];
  char *low = dg_gl_lower(f);
  /* every byte after the first letter is as in the lower-case form */
  size_t first = 1;
  while (((unsigned char)f[first] & 0xC0) == 0x80) first++;
  bool plain = strlen(low) == strlen(f) && strcmp(low + first, f + first) == 0;
  free(low);
  return plain;
}

/* A split of two stems or more whose head the dictionary knows as a
 * common noun: a sense that is no name and whose English is written in
 * small letters (Schwund "shrinkage"; not Mazedonien "Macedonia", so
 * Nord|mazedonien, Süd|indien stay names of places). */
static bool S_common_compound(dg_engine *e, const dg_part *pv, size_t np) {
  size_t stems = 0;
  const dg_part *head = NULL;
  for (size_t k = 0; k < np; k++)
    if (pv[k].kind == DG_PART_STEM) {
      stems++;
      head = &pv[k];
    }
  if (stems < 2 || !head) return false;
  const char *hl = head->lemma ? head->lemma : head->form;
  char *low = dg_gl_lower(hl);
  dg_buf cap;
  dg_buf_init(&cap);
  dg_utf8_capitalize(&cap, low, strlen(low));
  free(low);
  dg_sense sv[1];
  bool common = dg_lexicon_senses(e->lex, cap.data, NULL, sv, 1) && sv[0].gloss &&
                !(sv[0].pos && dg_gl_eq(sv[0].pos, "PROPN")) && !dg_gl_is_upper_initial(sv[0].gloss);
  dg_buf_free(&cap);
  return common;
}

/* Is the split's head a name the dictionary knows (West|frankreich:
 * France)?  Then the word is a name glossed from its parts. */
static bool S_name_headed(dg_engine *e, const dg_part *pv, size_t np) {
  if (np < 2 || pv[np - 1].kind != DG_PART_STEM) return false;
  dg_sense sv[1];
  const char *hl = pv[np - 1].lemma ? pv[np - 1].lemma : pv[np - 1].form;
  return dg_gl_is_upper_initial(hl) && dg_lexicon_senses(e->lex, hl, NULL, sv, 1) && sv[0].gloss &&
         ((sv[0].pos && dg_gl_eq(sv[0].pos, "PROPN")) || dg_gl_is_upper_initial(sv[0].gloss));
}

/* Token t's part of speech pos, as a string that lives as long as the
 * program (one of the UD tags the morphology gives, set with its code),
 * else a copy in d's arena. */
static const char *const S_tags[] = {"NOUN", "VERB", "ADJ",  "PROPN", "ADV", "AUX",   "ADP",   "DET",  "PRON",
                                     "NUM",  "PART", "X",    "CCONJ", "SCONJ", "INTJ", "PUNCT", "SYM"};
static const unsigned char S_codes[] = {DG_UD_NOUN, DG_UD_VERB,  DG_UD_ADJ,   DG_UD_PROPN, DG_UD_ADV,  DG_UD_AUX,
                                        DG_UD_ADP,  DG_UD_DET,   DG_UD_PRON,  DG_UD_NUM,   DG_UD_PART, DG_UD_X,
                                        DG_UD_CCONJ, DG_UD_SCONJ, DG_UD_INTJ, DG_UD_PUNCT, DG_UD_SYM};
_Static_assert(sizeof S_codes == DG_ARRAY_LEN(S_tags), "a code for each tag");
/* The index in S_tags of part of speech pos, or S_TAG_OTHER for one that
 * is none of them (copied into each document that shows it). */
enum { S_TAG_OTHER = 0xff };
_Static_assert(DG_ARRAY_LEN(S_tags) < S_TAG_OTHER, "a tag's index in a byte");
static unsigned char S_tag_of(const char *pos) {
  for (size_t q = 0; q < DG_ARRAY_LEN(S_tags); q++)
    if (dg_gl_eq(pos, S_tags[q])) return (unsigned char)q;
  return S_TAG_OTHER;
}
/* Token t's part of speech pos, of index tag (S_tag_of). */
S_IN_LINE void S_set_tag(dg_doc *d, dg_dtoken *t, const char *pos, unsigned char tag) {
  if (tag != S_TAG_OTHER) dg_gl_set_pos_code(t, S_tags[tag], S_codes[tag]);
  else dg_gl_set_pos(t, dg_mem_strdup(&d->arena, pos));
}
static void S_set_pos(dg_doc *d, dg_dtoken *t, const char *pos) { S_set_tag(d, t, pos, S_tag_of(pos)); }

/* The index of analysis k of w's part of speech: the parts of speech the
 * look-up pass read into its bits (DG_GL_P_*) are told by them, without
 * comparing strings.  (Found once for a value kept of it: S_cparts.tag.) */
static const struct {
  unsigned bit;
  unsigned char tag; /* in S_tags */
} S_known[] = {{DG_GL_P_NOUN, 0}, {DG_GL_P_VERB, 1}, {DG_GL_P_ADJ, 2}, {DG_GL_P_PROPN, 3},
               {DG_GL_P_ADV, 4},  {DG_GL_P_AUX, 5},  {DG_GL_P_ADP, 6}};
S_IN_LINE unsigned char S_an_tag(const dg_gl_word *w, size_t k) {
  for (size_t q = 0; q < DG_ARRAY_LEN(S_known); q++)
    if (w->fb[k] & S_known[q].bit) return S_known[q].tag;
  return S_tag_of(w->an[k].pos);
}

/* What the content-word pass found for a word read with one of its
 * analyses, kept in the memo (linked from the word's entry:
 * DG_GL_ALINK_PARTS of the analysis; a verb's value in its other order of
 * senses under kind 'T' and a key of the entry) and copied into the document at each
 * repeat: its compound parts and its glosses.  What S_compound does
 * without a guessed name is a function of the word's form (its split, the
 * dictionary's words inside it), of the analysis (its lemma and POS, which
 * t->pos is then) and of that analysis's senses (as they are; or a
 * verb's in one of two orders, its reflexive senses first or last as its
 * clause decides, each order kept apart; or the dictionary's for the form
 * itself: a plural-only noun, a degree with a meaning of its own): the
 * same for every occurrence of the word read with that analysis (in that
 * order); so are the glosses of those senses (dg_gl_gloss_list).  And a word kept so reached the compound step:
 * the check for an adverb spelt like it (a function of the form and the
 * analysis) found none.  The value: the number of parts shown, whether a
 * stem had no gloss, the glosses (the lexicon's strings) and whether the
 * lexicon's file holds each, the offsets of the parts' strings, then the
 * strings (form, lemma and gloss of each part, the segmentation); or only
 * that the word came so far (not `kept`).  With them what the rest of the
 * pass reads of the first sense (its source, S_first_of), so that a repeat
 * whose analysis needs no more of its senses (`direct`) is glossed from
 * the value alone, without asking for the senses (S_open_kept). */
typedef struct S_cpart {
  unsigned form, lemma, gloss; /* offsets in the strings */
  bool link;
} S_cpart;
typedef struct S_cparts {
  bool kept;            /* false: only that the word reached the compound step */
  bool unknown;         /* a stem without a gloss */
  unsigned char np, ng; /* parts shown, glosses */
  uint16_t held;        /* bit k: the lexicon's file holds gloss k (read with
                         * the header, in the line the look-up pass asked for) */
  signed char listed;   /* does the dictionary list the form or the analysis's
                         * lemma (S_listed)?  -1: not asked when it was kept */
  bool direct;          /* the analysis taken as the word's pick has senses
                         * of its own, and no degree with a meaning of its
                         * own: a repeat that picks it needs nothing of
                         * those senses but what is kept here (S_open_kept) */
  bool name_only;       /* a name reading without senses (of its own or of
                         * another analysis) whose form no split makes a
                         * compound: whether or not a name stands beside
                         * it, it is glossed as a name (S_open_name) */
  bool clause;          /* a verb with a reflexive sense whose place its
                         * clause decides (S_reflexive_order): a repeat asks
                         * its clause, then takes this value or the other
                         * order's */
  unsigned char first;  /* what the first sense is, S_first_of */
  /* (of a direct or name_only value, what a repeat would otherwise work
   * out again from the word's form and analysis, the same at each:
   * S_open_kept, S_open_name) */
  unsigned char tag;    /* the analysis's part of speech (S_an_tag) */
  signed char lemma_an; /* the first analysis of its lemma (dg_gl_memo_first_an) */
  unsigned len, seg;    /* the strings' bytes; the segmentation's offset */
  bool no_ordinal;      /* the word is no ordinal in any context (dg_gl_ordinal_never) */
  unsigned char close;  /* what S_senses_close does, S_close_of (0: not known) */
  const char *source;   /* the first sense's source (NULL: none) */
  const char *g[];      /* the glosses (ng), then the parts (np), the strings */
} S_cparts;
_Static_assert(DG_GL_MAX_SENSES <= 16, "S_cparts.held has a bit for each gloss");

/* What the content-word pass asks of a word's first sense once its
 * glosses are set: a name's (PROPN), or a common noun's with a gloss in
 * lower case (the dictionary's evidence against a guessed name). */
enum { S_FIRST_PROPN = 1, S_FIRST_COMMON_NOUN = 2 };
static unsigned S_first_of(const dg_sense *sv) {
  if (!sv->pos) return 0;
  if (dg_gl_eq(sv->pos, "PROPN")) return S_FIRST_PROPN;
  return dg_gl_eq(sv->pos, "NOUN") && sv->gloss && !dg_gl_is_upper_initial(sv->gloss) ? S_FIRST_COMMON_NOUN : 0;
}

/* What S_senses_close does of word w once its glosses are set (gloss, the
 * first) and its first sense is known (first, S_first_of): whether an
 * acronym keeps its form as its gloss, and whether a name reading (propn)
 * needs a name beside it (dg_gl_beside_name, the one question of the
 * sentence).  A function of the form (as looked up) and of the analysis
 * read: found once for a direct value (S_cparts.close), else asked of the
 * token (S_senses_close). */
enum { S_CLOSE_KNOWN = 1, S_CLOSE_PROMOTE = 2, S_CLOSE_NAME_ASK = 4 };
S_IN_LINE unsigned char S_close_of(const dg_gl_word *w, bool propn, const char *form, const char *gloss,
                                   unsigned first) {
  unsigned char r = S_CLOSE_KNOWN;
  /* Acronyms stay acronyms ("NATO", not its expansion) unless the
   * dictionary gives a short English form. */
  if (dg_gl_all_upper(form) && strchr(gloss, ' ')) r |= S_CLOSE_PROMOTE;
  /* A word hunspell lists without a plural (read as a name) that the
   * dictionary has as a common noun ("Hustensaft" = cough syrup) is that
   * noun: a name needs evidence. */
  if (propn && (first & S_FIRST_COMMON_NOUN) && S_plain_capitalised(form) && !w->name_reading)
    r |= S_CLOSE_NAME_ASK;
  return r;
}

static const S_cpart *S_cparts_p(const S_cparts *v) { return (const S_cpart *)(const void *)(v->g + v->ng); }
static const char *S_cparts_strings(const S_cparts *v) { return (const char *)(S_cparts_p(v) + v->np); }

/* The memo key of the value of w's entry and analysis k: the entry's
 * address (unique while the memo lives) in digits of six bits, lowest
 * first, as many as it has (at most 11), and k (< DG_GL_MAX_AN); then an
 * r for the value of a verb read in a clause with a reflexive pronoun
 * (refl: its reflexive senses first). */
static void S_cparts_key(char key[24], const dg_gl_word *w, int k, bool refl) {
  static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/";
  uint64_t x = (uint64_t)(uintptr_t)w->memo;
  size_t n = 0;
  do {
    key[n++] = digits[x & 63];
    x >>= 6;
  } while (x);
  key[n++] = '.';
  key[n++] = (char)('0' + k);
  if (refl) key[n++] = 'r';
  key[n] = '\0';
}

/* The kept value of w read with analysis k (refl: in a clause that makes
 * its reflexive senses first, a value looked up by its key, not linked:
 * the link is the other order's; the other order's is reached by its link
 * alone, S_cparts_keep), or NULL.  (key: its memo key when it was made
 * here, else "": S_cparts_keep uses it.) */
static const S_cparts *S_cparts_find(dg_engine *e, const dg_gl_word *w, int k, bool refl, char key[24]) {
  key[0] = '\0';
  if (!refl) return dg_gl_memo_an_link(w, k, DG_GL_ALINK_PARTS);
  if (!dg_gl_memo_room(e)) return NULL;
  S_cparts_key(key, w, k, refl);
  return dg_gl_memo_find(e, 'T', key);
}

/* t's parts and segmentation from v (as dg_gl_parts set them); returns
 * the number of parts shown.  (The strings are v's, which the memo keeps
 * and the document holds (dg_doc_keep_memo): no copy a token.  The list
 * of parts is the token's own: a later pass may put another gloss in a
 * part, align.c.) */
S_IN_LINE size_t S_cparts_copy(dg_doc *d, dg_dtoken *t, const S_cparts *v, bool *parts_unknown) {
  *parts_unknown = v->unknown;
  if (v->np == 0) return 0;
  const char *str = S_cparts_strings(v);
  t->parts = dg_mem_alloc(&d->arena, v->np * sizeof *t->parts);
  const S_cpart *p = S_cparts_p(v);
  for (size_t k = 0; k < v->np; k++) {
    t->parts[k].form = str + p[k].form;
    t->parts[k].lemma = str + p[k].lemma;
    t->parts[k].gloss = str + p[k].gloss;
    t->parts[k].link = p[k].link;
  }
  t->nparts = v->np;
  t->seg = str + v->seg;
  return v->np;
}

/* t's glosses from v, as dg_gl_set_glosses(d, t, sv, ns, NULL) sets them
 * (dg_doc_str keeps a string of the lexicon the document keeps). */
S_IN_LINE void S_cparts_glosses(dg_engine *e, dg_doc *d, dg_dtoken *t, const S_cparts *v) {
  bool kept = d->keeps && d->keeps->lex == e->lex;
  /* (most often every gloss is held: the token takes v's list itself,
   * which the memo keeps and the document holds; its strings are the
   * lexicon's, which the document keeps.  A token's glosses are never
   * written through (doc.h), as closed.c's shared lists) */
  if (kept && v->ng && v->held == (1u << v->ng) - 1) {
    t->glosses = v->g;
    t->nglosses = v->ng;
    t->gloss = v->g[0];
    return;
  }
  const char **g = dg_mem_alloc(&d->arena, (v->ng ? v->ng : 1) * sizeof *g);
  for (size_t k = 0; k < v->ng; k++) g[k] = kept && (v->held >> k & 1) ? v->g[k] : dg_doc_str(d, v->g[k]);
  t->glosses = g;
  t->nglosses = v->ng;
  if (v->ng) t->gloss = g[0];
}

static void S_put(char *str, size_t *at, unsigned *off, const char *s) {
  size_t L = strlen(s) + 1;
  if (str) memcpy(str + *at, s, L);
  *off = (unsigned)*at;
  *at += L;
}

/* Keep the parts S_compound gave t (np of them) and the glosses of the
 * senses (their list g of ng, dg_gl_gloss_list; sv0 the first sense, NULL
 * without one) for w read with analysis k, when `kept` (they follow from
 * the word and the analysis); else only that the word came so far.
 * (direct, clause, name_only: S_cparts.direct, S_cparts.clause,
 * S_cparts.name_only) */
static void S_cparts_keep(dg_engine *e, const dg_gl_word *w, int k, bool refl, char key[24], bool kept,
                          const dg_dtoken *t, size_t np, bool parts_unknown, const char *const *g, size_t ng,
                          int listed, const dg_sense *sv0, bool direct, bool clause, bool name_only) {
  if (!dg_gl_memo_room(e)) return;
  if (!kept || np > DG_GL_MAX_PARTS) {
    kept = false;
    np = ng = 0;
  }
  /* (first the strings' length, then the value) */
  size_t len = 0;
  unsigned off;
  for (size_t q = 0; q < np; q++) {
    S_put(NULL, &len, &off, t->parts[q].form);
    S_put(NULL, &len, &off, t->parts[q].lemma);
    S_put(NULL, &len, &off, t->parts[q].gloss);
  }
  if (np) S_put(NULL, &len, &off, t->seg);
  if (len > (1u << 20)) return; /* (the offsets are unsigned; no word is so long) */
  size_t size = sizeof(S_cparts) + ng * sizeof(const char *) + np * sizeof(S_cpart) + len;
  /* (made on the stack when it fits, as most do: the memo copies it) */
  _Alignas(max_align_t) char room[1024];
  S_cparts *v = size <= sizeof room ? (S_cparts *)(void *)room : dg_xmalloc(size);
  memset(v, 0, size);
  v->kept = kept;
  v->direct = kept && direct && sv0;
  v->clause = clause;
  v->first = (unsigned char)(sv0 ? S_first_of(sv0) : 0);
  v->source = sv0 ? sv0->source : NULL;
  v->unknown = parts_unknown;
  v->listed = (signed char)listed;
  v->np = (unsigned char)np;
  v->ng = (unsigned char)ng;
  v->len = (unsigned)len;
  v->name_only = name_only && !v->direct;
  if (v->direct || v->name_only) {
    v->tag = S_an_tag(w, (size_t)k);
    const char *lemma = w->an[k].lemma ? w->an[k].lemma : "";
    v->lemma_an = (signed char)(k == 0 ? 0 : dg_gl_memo_first_an(w, lemma));
    v->no_ordinal = dg_gl_ordinal_never(w);
  }
  if (v->direct) v->close = ng ? S_close_of(w, w->fb[k] & DG_GL_P_PROPN, t->form, g[0], v->first) : 0;
  S_cpart *p = (S_cpart *)(void *)(v->g + ng);
  char *str = (char *)(p + np);
  for (size_t q = 0; q < ng; q++) {
    v->g[q] = g[q];
    if (dg_lexicon_holds(e->lex, g[q])) v->held |= (uint16_t)(1u << q);
  }
  size_t at = 0;
  for (size_t q = 0; q < np; q++) {
    S_put(str, &at, &p[q].form, t->parts[q].form);
    S_put(str, &at, &p[q].lemma, t->parts[q].lemma);
    S_put(str, &at, &p[q].gloss, t->parts[q].gloss);
    p[q].link = t->parts[q].link;
  }
  if (np) S_put(str, &at, &v->seg, t->seg);
  if (refl) {
    if (!key[0]) S_cparts_key(key, w, k, refl);
    dg_gl_memo_keep(e, 'T', key, v, size, 0, NULL);
  } else {
    dg_gl_memo_keep_an_link(e, w, k, DG_GL_ALINK_PARTS, v, size);
  }
  if ((char *)v != room) free(v);
}

/* The compound parts of word i (t's parts and segmentation) with analysis
 * a and senses sv, when `split` (the word may be a compound): the number of
 * parts shown (0: none); *parts_unknown when a stem has no gloss.  A
 * guessed name (guessed_name) that splits into known parts becomes a
 * common noun (*propn false) or a name glossed from its parts
 * (*name_head). */
/* Are t's parts a first stem without a gloss and a head of at most three
 * bytes, written as its lemma or with a genitive s (Living|s|ton,
 * Living|s|tons; not the plural Coaster|busse: a name takes no plural
 * ending), in a word without a hyphen? */
static bool S_unknown_stem_short_head(const dg_dtoken *t) {
  const dg_dpart *first = &t->parts[0], *head = &t->parts[t->nparts - 1];
  if (strchr(t->form, '-') || first->link || first->gloss != first->form || head->link) return false;
  size_t n = strlen(head->lemma), f = strlen(head->form);
  return n <= 3 && (f == n || (f == n + 1 && head->form[n] == 's')) && strncasecmp(head->form, head->lemma, n) == 0;
}

/* (Out of line: a repeat copies what it found, S_cparts.) */
static __attribute__((noinline)) size_t S_compound(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i,
                                                  const dg_analysis *a, const dg_sense *sv, size_t ns, bool split,
                                                  bool guessed_name, bool *propn, bool *name_head,
                                                  bool *parts_unknown) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  dg_part pv[DG_GL_MAX_PARTS];
  size_t np = split ? dg_gl_word_split(e, w, t->form, pv, DG_GL_MAX_PARTS) : 0;
  if (np > DG_GL_MAX_PARTS) np = DG_GL_MAX_PARTS;
  dg_gl_head_citation(e, d, pv, np);
  if (guessed_name) {
    if (S_common_compound(e, pv, np)) {
      *propn = false;
      dg_gl_set_pos(t, "NOUN");
      if (!dg_gl_eq(a->pos, "NOUN")) {
        t->feats = "";
        w->leipzig = "";
      }
    } else if (S_name_headed(e, pv, np)) {
      *name_head = true;
    } else {
      np = 0;
    }
  }
  np = dg_gl_merge_known(e, d, t->form, pv, np);
  /* The head part's lemma from the word's own lemma (Riesenschildkröten:
   * lemma Riesenschildkröte, head Schildkröte, not the plural form). */
  if (np >= 2 && a && pv[np - 1].kind == DG_PART_STEM && dg_gl_eq(a->pos, "NOUN")) {
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
  if (np >= 2 && ns && dg_gl_particle_first(c, pv)) np = 0; /* Auf|teilung, Vor|schlag */
  dg_gl_part_senses ps; /* (none asked yet: its entries are filled as asked) */
  ps.n = 0;
  if (np >= 2 && (ns == 0 || dg_gl_head_explains(e, d, sv, ns, pv, np, dg_gl_is_upper_initial(t->form), &ps)))
    *parts_unknown = !dg_gl_parts(e, d, t, pv, np, sv, ns, &ps);
  else np = 0;
  /* ... and only when every part has a gloss (Rockhampton stays a name). */
  if (guessed_name && np >= 2 && *parts_unknown) {
    t->nparts = 0;
    t->parts = NULL;
    t->seg = NULL;
    np = 0;
    *propn = true;
    S_set_pos(d, t, a->pos);
    t->feats = dg_mem_strdup(&d->arena, a->feats ? a->feats : "");
    w->leipzig = a->leipzig ? a->leipzig : "";
  }
  /* A word no entry lists, split into a stem nobody knows and a head of
   * three letters or fewer (Living|s|ton, Prince|ton), is a name of English
   * make: so short a head is no evidence of a compound. */
  if (!guessed_name && ns == 0 && np >= 2 && *parts_unknown && S_unknown_stem_short_head(t)) {
    t->nparts = 0;
    t->parts = NULL;
    t->seg = NULL;
    np = 0;
    *propn = true;
    dg_gl_set_pos(t, "PROPN");
    w->leipzig = "";
    /* (the name as written, or without its genitive s: not the analysis's
     * lemma of a compound, Johnston of Johnstone) */
    size_t fl = strlen(t->form);
    if (!(fl > 1 && t->form[fl - 1] == 's' && strlen(t->lemma) == fl - 1 && strncmp(t->lemma, t->form, fl - 1) == 0))
      t->lemma = t->form;
  }
  return np;
}

/* Does the dictionary list the word's form or analysis a's lemma
 * (dg_lexicon_contains)?  A function of the form and the analysis: what
 * the value kept of them says (cp), when it was asked before it was kept;
 * *listed gets the answer. */
static bool S_listed(dg_engine *e, const dg_dtoken *t, const dg_analysis *a, const S_cparts *cp, int *listed) {
  if (cp && cp->listed >= 0) *listed = cp->listed;
  else *listed = dg_lexicon_contains(e->lex, t->form) || dg_lexicon_contains(e->lex, a->lemma);
  return *listed;
}

/* dg_lexicon_senses(e->lex, form, pos, out, DG_GL_MAX_SENSES), at most
 * that many, through the memo (kind 'F', the key the POS's first letter
 * and the form): the dictionary's own senses of a form that a plural-only
 * noun or a degree with a meaning of its own asks for are a function of
 * the form, and are asked at every occurrence of the word. */
typedef struct S_form_senses_v {
  size_t n;
  dg_sense sv[DG_GL_MAX_SENSES];
} S_form_senses_v;
static size_t S_form_senses(dg_engine *e, const char *form, const char *pos, dg_sense *out) {
  char key[128];
  size_t n = form ? strlen(form) : sizeof key;
  bool keyed = n + 2 <= sizeof key;
  dg_gl_memo_asked q;
  if (keyed) {
    key[0] = pos[0];
    memcpy(key + 1, form, n + 1);
    const S_form_senses_v *v = dg_gl_memo_ask_n(e, 'F', key, n + 1, &q);
    if (v) {
      memcpy(out, v->sv, v->n * sizeof *out);
      return v->n;
    }
  }
  size_t k = dg_lexicon_senses(e->lex, form, pos, out, DG_GL_MAX_SENSES);
  if (k > DG_GL_MAX_SENSES) k = DG_GL_MAX_SENSES;
  if (keyed) {
    S_form_senses_v nv;
    nv.n = k;
    memcpy(nv.sv, out, k * sizeof *out);
    dg_gl_memo_keep_asked(e, &q, &nv, offsetof(S_form_senses_v, sv) + k * sizeof *out, 0, NULL);
  }
  return k;
}

/* Some German plurals mean what the dictionary lists under the plural as
 * a headword of its own ({pl}), not the plural of their singular's
 * senses: "Daten {pl}" = data (Datum = date), "Medien {pl}" = media
 * (Medium = medium, a spiritualist).  Which plurals are so is data (word
 * class own-plural): Ding lists many plurals as headwords with a narrow
 * sense of their own ("Namen {pl}" = reputations, "Frauen {pl}" =
 * females) that is not what the word usually means.  The senses of such a
 * plural noun form `form` (ns of them at *svp, its singular lemma's): the
 * form's own NOUN senses marked plural, when it has any, then the
 * singular's (into sbuf, *svp then sbuf), else as they are; returns their
 * number.  The lemma stays the morphology's singular (as UD: Daten =
 * Datum), so the value kept of the word stays a function of its form and
 * analysis.  (Out of line: asked only of a word of that class.) */
static __attribute__((noinline)) size_t S_own_plural(dg_engine *e, const char *form, const dg_sense **svp, size_t ns,
                                                     dg_sense *sbuf) {
  dg_sense pv[DG_GL_MAX_SENSES];
  size_t n = S_form_senses(e, form, "NOUN", pv), m = 0;
  for (size_t k = 0; k < n; k++)
    if (pv[k].gender && dg_gl_eq(pv[k].gender, "pl")) pv[m++] = pv[k];
  if (!m) return ns;
  /* (then the singular's, as alternatives: Daten = data, information,
   * details, date) */
  const dg_sense *sv = *svp;
  for (size_t k = 0; k < ns && m < DG_GL_MAX_SENSES; k++) {
    bool seen = false;
    for (size_t j = 0; j < m && !seen; j++) seen = pv[j].gloss && sv[k].gloss && dg_gl_eq(pv[j].gloss, sv[k].gloss);
    if (!seen) pv[m++] = sv[k];
  }
  memcpy(sbuf, pv, m * sizeof *sbuf);
  *svp = sbuf;
  return m;
}

/* The senses sv (ns of them, at *svp) of a verb, its reflexive senses put
 * first when its clause has a reflexive pronoun ("erinnert sich" =
 * remembers, "freut sich" = is glad), else last ("erinnert" = reminds);
 * when the order changes they are copied into sbuf (*svp then sbuf).
 * Returns whether the clause put them first; *asks_clause: whether the
 * clause was asked (a sense reflexive and not reviewed).  (Out of line:
 * only a verb with more than one sense asks.) */
static __attribute__((noinline)) bool S_reflexive_order(const dg_gl_ctx *c, size_t i, const dg_sense **svp, size_t ns,
                                                        dg_sense *sbuf, bool *asks_clause) {
  const dg_sense *sv = *svp;
  /* (a reviewed sense of dictionaries/ stays first; a reflexive sense
   * of a special field, "sich schützen" = hedge [econ.], is no reason
   * to leave "protect") */
  /* (the marks of the memo's senses are the memo's, read with them; the
   * sources and domains strings lie all over the lexicon) */
  const unsigned char *kept = sv != sbuf ? dg_gl_memo_sense_marks(sv) : NULL;
  /* (bit k of each: sense k is reviewed, reflexive, reflexive only) */
  unsigned curated = 0, vr = 0, general_vr = 0;
  for (size_t k = 0; k < ns; k++) {
    unsigned m = kept ? kept[k] : dg_gl_sense_marks(&sv[k]);
    curated |= (unsigned)((m & DG_GL_SENSE_CURATED) != 0) << k;
    vr |= (unsigned)((m & DG_GL_SENSE_VR) != 0) << k;
    general_vr |= (unsigned)((m & DG_GL_SENSE_VR_ONLY) != 0) << k;
  }
  /* (without a reflexive sense the order is the same either way: the
   * clause is searched only when there is one) */
  *asks_clause = (vr & ~curated) != 0;
  bool refl = *asks_clause && S_reflexive_clause(c, i);
  /* The senses of each rank: the reviewed ones first; then, in a clause
   * with a reflexive pronoun, those only reflexive, the others last; else
   * the reflexive ones last. */
  _Static_assert(DG_GL_MAX_SENSES < 32, "a bit of an unsigned for each sense");
  unsigned all = (1u << ns) - 1;
  unsigned last = refl ? all & ~curated & ~general_vr : vr & ~curated;
  unsigned rank[3] = {curated, all & ~curated & ~last, last};
  /* (in order when the first rank and the first two are each a run from
   * sense 0: then the senses stay where they are) */
  unsigned first_two = rank[0] | rank[1];
  if ((rank[0] & (rank[0] + 1)) || (first_two & (first_two + 1))) {
    dg_sense tmp[DG_GL_MAX_SENSES];
    size_t m = 0;
    for (int pass = 0; pass < 3; pass++)
      for (size_t k = 0; k < ns; k++)
        if (rank[pass] >> k & 1u) tmp[m++] = sv[k];
    memcpy(sbuf, tmp, ns * sizeof *sbuf);
    *svp = sbuf;
  }
  return refl;
}

/* The senses of a comparative or superlative of w read with analysis *ap
 * (bits *afp) that the dictionary lists with a meaning of its own
 * ("jüngstes" = last, "latest"), into sbuf (*nd of them), and true; or, as
 * a positive of its own ("jüngsten": jüngst = recent), or as the same
 * degree of another adjective when the dictionary has no adjective of *ap's
 * lemma ("liebsten": of gern, an adverb, and of lieb = dear: "die liebsten
 * Freunde"), those of that analysis, which *ap and *afp become, and false;
 * else *nd stays 0.  (Out of line: few words are such degrees.) */
static __attribute__((noinline)) bool S_degree_senses(dg_engine *e, const dg_gl_word *w, const dg_analysis **ap,
                                                      unsigned *afp, dg_sense *sbuf, size_t *nd) {
  /* (sbuf holds the senses read so far until others are found) */
  dg_sense dv[DG_GL_MAX_SENSES];
  size_t n = S_form_senses(e, w->lower, "ADJ", dv);
  if (n) {
    memcpy(sbuf, dv, n * sizeof *sbuf);
    *nd = n;
    return true;
  }
  /* … or as a positive of its own. */
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *b = &w->an[k];
    if (!dg_gl_an_pos(w, k, DG_GL_P_ADJ) || !dg_gl_an_feat(w, k, DG_GL_F_POS) || dg_gl_eq(b->lemma, (*ap)->lemma))
      continue;
    n = dg_lexicon_senses(e->lex, b->lemma, "ADJ", dv, DG_GL_MAX_SENSES);
    if (n > DG_GL_MAX_SENSES) n = DG_GL_MAX_SENSES;
    if (n) {
      memcpy(sbuf, dv, n * sizeof *sbuf);
      *nd = n;
      *ap = b;
      *afp = w->fb[k];
      return false;
    }
  }
  /* … or as the degree of another adjective. */
  unsigned deg = *afp & (DG_GL_F_SUP | DG_GL_F_CMP);
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *b = &w->an[k];
    if (!dg_gl_an_pos(w, k, DG_GL_P_ADJ) || (w->fb[k] & (DG_GL_F_SUP | DG_GL_F_CMP)) != deg ||
        dg_gl_eq(b->lemma, (*ap)->lemma))
      continue;
    if (dg_lexicon_senses(e->lex, (*ap)->lemma, "ADJ", dv, 1)) return false;
    n = dg_lexicon_senses(e->lex, b->lemma, "ADJ", dv, DG_GL_MAX_SENSES);
    if (n > DG_GL_MAX_SENSES) n = DG_GL_MAX_SENSES;
    if (n) {
      memcpy(sbuf, dv, n * sizeof *sbuf);
      *nd = n;
      *ap = b;
      *afp = w->fb[k];
      return false;
    }
  }
  return false;
}

/* Does form (word w's) split into no two parts (dg_gl_word_split, as
 * S_compound asks when the word is a guessed name)?  Then S_compound finds
 * no parts whatever it is asked. */
static bool S_unsplit(dg_engine *e, const dg_gl_word *w, const char *form) {
  dg_part pv[DG_GL_MAX_PARTS];
  return dg_gl_word_split(e, w, form, pv, DG_GL_MAX_PARTS) < 2;
}

/* Is form, a superlative, inflected ("besten", "höchste")?  The bare
 * superlative ends in its -st ("höchst", "meist", "längst") and is used as
 * an adverb ("höchst unwahrscheinlich": highly unlikely); an ending
 * follows it on an attributive one. */
static bool S_inflected(const char *form) {
  size_t n = strlen(form);
  return n > 0 && form[n - 1] != 't';
}

/* An uninflected adverb spelt exactly like t ("bereits"), glossed so:
 * true when the dictionary lists one.  (Out of line: asked only of a word
 * not kept yet, S_cparts.) */
static __attribute__((noinline)) bool S_adverb_form(dg_engine *e, dg_doc *d, dg_dtoken *t) {
  dg_sense av[DG_GL_MAX_SENSES];
  size_t na = dg_lexicon_senses(e->lex, t->form, "ADV", av, DG_GL_MAX_SENSES);
  if (na > DG_GL_MAX_SENSES) na = DG_GL_MAX_SENSES;
  if (!na) return false;
  t->lemma = dg_mem_strdup(&d->arena, t->form);
  dg_gl_set_pos(t, "ADV");
  t->feats = "";
  dg_gl_set_glosses(d, t, av, na, NULL);
  t->source = av[0].source ? dg_doc_str(d, av[0].source) : "lexicon";
  return true;
}

/* The rest of word i's glossing from its senses, once its glosses and
 * source are set: close tells what S_close_of found (S_CLOSE_KNOWN set),
 * first what the first sense is (S_first_of); propn: the analysis is a
 * name's; parts_unknown: a compound part has no gloss. */
S_IN_LINE void S_senses_finish(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, unsigned close, unsigned first,
                               bool propn, bool parts_unknown) {
  dg_dtoken *t = &c->s->tokens[i];
  if (close & S_CLOSE_PROMOTE) dg_gl_promote(d, t, t->form);
  if ((close & S_CLOSE_NAME_ASK) && !dg_gl_beside_name(e, c, i)) {
    propn = false;
    dg_gl_set_pos(t, "NOUN");
  }
  if (propn || (first & S_FIRST_PROPN)) {
    t->kind = DG_KIND_NAME;
    if (!*t->pos) dg_gl_set_pos(t, "PROPN");
  }
  if (parts_unknown) t->reason = "some compound parts unknown";
}
S_IN_LINE void S_senses_close(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, unsigned first, bool propn,
                              bool parts_unknown) {
  const dg_dtoken *t = &c->s->tokens[i];
  S_senses_finish(e, d, c, i, S_close_of(&c->w[i], propn, t->form, t->gloss, first), first, propn, parts_unknown);
}

/* Token t (word w) read with analysis k: its lemma (lemma_an the first
 * analysis of that lemma, for the passes that ask), part of speech (tag:
 * S_an_tag), features and labels (none of the analysis's for a degree
 * with a meaning of its own). */
S_IN_LINE void S_take_analysis(dg_doc *d, dg_dtoken *t, dg_gl_word *w, size_t k, const char *lemma, int lemma_an,
                               unsigned char tag, bool own_degree) {
  const dg_analysis *a = &w->an[k];
  t->lemma = lemma;
  if (w->memo) dg_gl_memo_lemma_set(w, lemma, lemma_an);
  S_set_tag(d, t, a->pos, tag);
  dg_gl_set_an_feats(d, t, w, k);
  /* (the word's labels live as long as its analyses, past the sentence:
   * the labels pass copies what it shows) */
  w->leipzig = a->leipzig && !own_degree ? a->leipzig : "";
  w->particle = a->particle;
}
/* The same when analysis k's kept value v is direct or name_only: what
 * dg_gl_open takes of the analysis, its tag and lemma's analysis kept. */
S_IN_LINE void S_open_analysis(dg_doc *d, dg_dtoken *t, dg_gl_word *w, int k, const S_cparts *v) {
  S_take_analysis(d, t, w, (size_t)k, dg_gl_an_str(d, w, w->an[k].lemma), v->lemma_an, v->tag, false);
}

/* Word i read with analysis k, whose kept value v is name_only: what
 * dg_gl_open does with a name reading that has no senses and no parts,
 * without asking for senses, parts or whether a name stands beside it
 * (the answer changes nothing: with no parts the word is a name either
 * way).  (Out of line: the names of a text, less common than its words.) */
static __attribute__((noinline)) void S_open_name(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, int k,
                                                  const S_cparts *v) {
  dg_gl_word *w = &c->w[i];
  S_open_analysis(d, &c->s->tokens[i], w, k, v);
  dg_gl_no_senses(e, d, c, i, &w->an[k], w->fb[k], 0, true, false, false, false);
}

/* Word i read with analysis k, whose kept value v is direct
 * (S_cparts.direct): what dg_gl_open does with the analysis's senses,
 * read from v without asking for them. */
static void S_open_kept(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, int k, const S_cparts *v) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  S_open_analysis(d, t, w, k, v);
  bool parts_unknown;
  S_cparts_copy(d, t, v, &parts_unknown);
  S_cparts_glosses(e, d, t, v);
  /* (the literal lives as long as the program: no copy a token) */
  t->source = v->source ? dg_doc_str(d, v->source) : "lexicon";
  bool propn = w->fb[k] & DG_GL_P_PROPN;
  if (v->close) S_senses_finish(e, d, c, i, v->close, v->first, propn, parts_unknown);
  else S_senses_close(e, d, c, i, v->first, propn, parts_unknown);
}

/* Content word i: analysis, senses, compound, name, fallback. */
void dg_gl_open(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  /* (the senses: the memo's, or sbuf's when computed or changed here) */
  dg_sense sbuf[DG_GL_MAX_SENSES];
  const dg_sense *sv = sbuf;
  size_t ns = 0;
  bool plain = true; /* sv follows from the word and analysis a alone (S_cparts) */
  /* (so do the senses of a plural-only noun and of a degree with a meaning
   * of its own below: the dictionary's for the form, asked when analysis a
   * has none or has that degree; not those of another analysis taken for
   * its positive, which make another analysis a) */
  bool refl_order = false; /* a verb's reflexive senses put first (by its clause) */
  /* (the analysis is chosen first, before the ordinal is asked for: the
   * choice changes nothing, and the value kept of the word read so tells
   * whether the word is no ordinal wherever it stands) */
  int pick = dg_gl_pick_analysis(c, i);
  const dg_analysis *a = pick >= 0 ? &w->an[pick] : NULL;
  bool ordinal_asked = false;
  /* What is kept of the word with that analysis (S_cparts): a repeat
   * whose value needs nothing more of the senses is glossed from it. */
  if (a && w->memo) {
    const S_cparts *kv = dg_gl_memo_an_link(w, pick, DG_GL_ALINK_PARTS);
    /* (its glosses and parts run on past its first line: asked for now,
     * while the first is read) */
    if (kv) __builtin_prefetch((const char *)kv + 64);
    if (kv && (kv->direct || kv->name_only) && t->kind == DG_KIND_WORD && w->memo_form == t->form) {
      /* An ordinal written as a word ("der achten Runde"): from its
       * cardinal (below, for a word not kept so). */
      if (!kv->no_ordinal && dg_gl_ordinal(e, d, c, i)) return;
      ordinal_asked = true;
      if (kv->name_only) {
        S_open_name(e, d, c, i, pick, kv);
        return;
      }
      /* (a verb whose clause puts its reflexive senses first takes the
       * value of that order, when it is kept and direct too) */
      char rkey[24];
      if (kv->clause && S_reflexive_clause(c, i)) kv = S_cparts_find(e, w, pick, true, rkey);
      if (kv && kv->direct) {
        S_open_kept(e, d, c, i, pick, kv);
        return;
      }
    }
  }
  if (!ordinal_asked && dg_gl_ordinal(e, d, c, i)) return;
  if (a) {
    sv = dg_gl_an_senses_ref(e, w, (size_t)(a - w->an), sbuf, &ns);
    /* Another analysis with senses beats one without (not the name
     * reading of a capitalised verb form: "Google" is no "google"). */
    for (size_t k = 0; ns == 0 && k < w->nan && !(w->name_reading && pick == 0); k++) {
      if ((int)k == pick) continue;
      sv = dg_gl_an_senses_ref(e, w, k, sbuf, &ns);
      if (ns) a = &w->an[k];
    }
  }
  /* (the part of speech and features of analysis a, as the look-up pass
   * read them: af & DG_GL_P_NOUN is dg_gl_pos_is(a, DG_UD_NOUN); 0 without
   * one.  Kept in step with a below.) */
  unsigned af = a ? w->fb[a - w->an] : 0;
  /* A verb with a reflexive pronoun in its clause takes the senses of the
   * reflexive verb first ("erinnert sich" = remembers, "freut sich" = is
   * glad); without one, those senses go last ("erinnert" = reminds). */
  bool refl_asked = false;
  if (ns > 1 && (af & (DG_GL_P_VERB | DG_GL_P_AUX)))
    /* (either way the order follows from the senses alone: the two are
     * kept apart, S_cparts) */
    refl_order = S_reflexive_order(c, i, &sv, ns, sbuf, &refl_asked);
  /* A plural-only noun the dictionary lists under its plural ("Streitkräfte"
   * = armed forces) while the morphology gives a singular it does not know. */
  bool plural_headword = false;
  if (ns == 0 && (af & DG_GL_P_NOUN) && strcmp(a->lemma, t->form) != 0) {
    ns = S_form_senses(e, t->form, "NOUN", sbuf);
    sv = sbuf;
    plural_headword = ns > 0;
  } else if (ns && dg_gl_is(w, DG_WC_OWN_PLURAL) && (af & DG_GL_P_NOUN) && (af & DG_GL_F_PLUR))
    ns = S_own_plural(e, t->form, &sv, ns, sbuf);
  /* A comparative or superlative the dictionary lists with a meaning of its
   * own ("jüngstes" = last, "latest"), not as the degree of its lemma. */
  bool own_degree = false;
  /* (the degree and the lemma's spelling: the look-up pass's bits) */
  bool degree = (af & DG_GL_P_ADJ) && (af & (DG_GL_F_SUP | DG_GL_F_CMP)) && !(af & DG_GL_P_LEMMA_LOWER);
  /* (an inflected superlative: "besten", not the bare "höchst", which is
   * an adverb: "höchst unwahrscheinlich") */
  bool superlative = degree && (af & DG_GL_F_SUP) && S_inflected(t->form);
  /* (a degree whose senses are its lemma's, as any word's: nothing the
   * dictionary lists of the form or of a positive of its own) */
  bool degree_senses = false;
  if (degree) {
    size_t nd = 0;
    own_degree = S_degree_senses(e, w, &a, &af, sbuf, &nd);
    if (nd) {
      sv = sbuf;
      ns = nd;
      plain = plain && own_degree;
      degree_senses = true;
    }
  }
  /* (what is kept of the word read so: S_cparts) */
  int ka = a ? (int)(a - w->an) : -1;
  bool linked = a && t->kind == DG_KIND_WORD && w->memo && w->memo_form == t->form;
  char ckey[24]; /* (its memo key, when S_cparts_find made it) */
  const S_cparts *cp = linked ? S_cparts_find(e, w, ka, refl_order, ckey) : NULL;
  /* An uninflected adverb spelt exactly like the word ("bereits") beats an
   * analysis as an inflected form of something else ("bereit").  Not an
   * inflected superlative of an adjective: "besten" is gut's before its
   * noun ("die besten Spieler": the best players); the adverb Ding lists
   * under the form is the one of "am besten" (Ding's "am besten {adv} ::
   * ideally"), an analysis of its own that the context picks after "am"
   * (analysis.c). */
  if (a && !cp && !superlative && !dg_gl_is_upper_initial(t->form) && strcmp(a->lemma, t->form) != 0 &&
      !(af & (DG_GL_P_VERB | DG_GL_P_AUX)) && S_adverb_form(e, d, t))
    return;
  bool propn = (af & DG_GL_P_PROPN);
  if (a) {
    size_t k = (size_t)(a - w->an);
    const char *lemma = plural_headword || own_degree ? dg_mem_strdup(&d->arena, plural_headword ? t->form : w->lower)
                                                      : dg_gl_an_str(d, w, a->lemma);
    /* (which analysis the lemma is of: the first one of that lemma, a
     * itself when it is the first analysis) */
    int lemma_an = !w->memo || (k == 0 && !plural_headword && !own_degree) ? 0 : dg_gl_memo_first_an(w, lemma);
    S_take_analysis(d, t, w, k, lemma, lemma_an, S_an_tag(w, k), own_degree);
  }
  /* Compound parts, shown even when the whole word has its own entry. */
  bool name_sense = ns && sv[0].pos && dg_gl_eq(sv[0].pos, "PROPN");
  /* "US-Vorschlag", "30-tägigen": piece by piece. */
  bool hyphen_asked = ns == 0 && !propn;
  if (hyphen_asked && dg_gl_hyphenated(e, d, c, i)) return;
  bool nominal = !a || (af & (DG_GL_P_NOUN | DG_GL_P_ADJ));
  /* A name needs evidence (the dictionary's or the names table's entry,
   * a title or first name before it: names.c): a capitalised word read as
   * a name only by a guess of the morphology (hunspell's capitalised words
   * without plural, unknown words) that splits into known parts is a
   * compound noun glossed from its parts (Weidenstumpf, Leserschwund). */
  int listed = -1; /* (S_listed, when asked) */
  bool guessed_name = propn && ns == 0 && !name_sense && !w->name_reading && t->kind == DG_KIND_WORD &&
                      S_plain_capitalised(t->form) && !dg_gl_beside_name(e, c, i) && !S_listed(e, t, a, cp, &listed);
  bool split = ((!propn || guessed_name) && !name_sense && nominal && t->kind == DG_KIND_WORD) || guessed_name;
  bool name_head = false; /* a name glossed from its parts: West|frankreich */
  bool parts_unknown = false;
  size_t np;
  /* Without a guessed name, the parts follow from the word and its analysis
   * (with senses sv that follow from them too): a repeat copies them
   * (S_cparts).  (A word that reached this step is kept even when they do
   * not: so much is known of it, and it is not looked for again.) */
  bool keep = linked && plain && !guessed_name;
  const S_cparts *kp = keep && cp && cp->kept ? cp : NULL;
  /* (the senses' glosses, listed once for the memo and the token) */
  const char *gl[DG_GL_MAX_SENSES];
  size_t ngl = 0;
  if (kp) {
    np = S_cparts_copy(d, t, kp, &parts_unknown);
  } else {
    bool was_propn = propn;
    np = S_compound(e, d, c, i, a, sv, ns, split, guessed_name, &propn, &name_head, &parts_unknown);
    if (ns) ngl = dg_gl_gloss_list(sv, ns, NULL, gl);
    /* (a name reading without senses that stays a name in no parts here
     * does in every context: as a guessed name, when it was one, or when it
     * is never one (listed, or no plain capitalised word), or when the
     * split a guess asks for makes no compound, S_unsplit) */
    bool name_only = linked && !cp && ns == 0 && was_propn && propn && !name_head && np == 0 && !parts_unknown &&
                     ka == pick && !degree && !plural_headword;
    if (name_only && !guessed_name && listed != 1 && !w->name_reading && S_plain_capitalised(t->form))
      name_only = S_unsplit(e, w, t->form);
    /* (a split that made the word a name is not kept: the copy would not
     * make it one) */
    if (linked && !cp)
      S_cparts_keep(e, w, ka, refl_order, ckey, keep && propn == was_propn, t, np, parts_unknown, gl, ngl, listed,
                    ns ? &sv[0] : NULL, ka == pick && !degree_senses && !plural_headword, refl_asked, name_only);
  }
  if (ns) {
    if (kp) S_cparts_glosses(e, d, t, kp);
    else dg_gl_set_gloss_list(d, t, gl, ngl);
    t->source = sv[0].source ? dg_doc_str(d, sv[0].source) : "lexicon";
    S_senses_close(e, d, c, i, S_first_of(&sv[0]), propn, parts_unknown);
    return;
  }
  dg_gl_no_senses(e, d, c, i, a, af, np, propn, name_head, parts_unknown, hyphen_asked);
}
