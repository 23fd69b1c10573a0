/* Names the word-by-word glossing missed: capitalised words after a title
 * or role (Sicherheitsberater Michael Waltz), unknown or compound-guessed
 * words next to a name (Max Verstappen), surnames that are also common
 * nouns (Olaf Kirchner, Dr. Weber, "Kirchner sagte": not sexton, weaver), name particles between names
 * (Vasco da Gama), unknown words inside a title or name (Bank of America),
 * and forms of address before a name (Herrn Putin: Mr Putin).  Names keep
 * their own spelling.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "demonym.h"
#include "memo.h"
#include "util.h"
#include "word.h"

/* Questions asked of the same strings in sentence after sentence, each a
 * function of the string and the session's fixed data, answered once per
 * string through the engine's memo (memo.h; kinds 'R' and 'H'); with the
 * memo full they are computed each time.  Of a lemma: is it a role noun
 * (dg_gl_role_noun: a suffix scan of the lexicon's word classes), is its
 * top sense as a noun masculine (S_noun_as_name)?  Of a form: does the
 * spelling dictionary know it (dg_morph_is_known: hunspell)?
 * Of a form and its lemma, what S_noun_as_name_of asks of a capitalised
 * noun before its sentence: is the form the lemma, or the lemma with an
 * -s (S_lemma_s), is it an acronym, has it a hyphen?  These are a function
 * of the two strings, kept beside the lemma's facts in the link of the
 * word's analysis with that lemma (the word's memo entry is its form's:
 * memo.h), so that a repeated noun compares neither string again. */
enum {
  S_ROLE = 1,       /* the lemma is a role noun */
  S_MASC = 2,       /* the lemma's top sense as a noun is masculine */
  S_LEMMA_READ = 4, /* the two above are known */
  S_BASE = 8,       /* the form is the lemma */
  S_LEMMA_S = 16,   /* the form is the lemma and an -s, of two letters or more */
  S_SHOUTED = 32,   /* the form is an acronym (dg_gl_all_upper) */
  S_HYPHEN = 64,    /* the form has a hyphen */
  S_FORM_READ = 128 /* the four above are known */
};
/* (the answers as constants: a word's link points to one of them, not to
 * the memo's byte, so that a repeated word's answer is read without its
 * entry being fetched from memory) */
#define S_F4(n) n, n + 1, n + 2, n + 3
#define S_F16(n) S_F4(n), S_F4(n + 4), S_F4(n + 8), S_F4(n + 12)
#define S_F64(n) S_F16(n), S_F16(n + 16), S_F16(n + 32), S_F16(n + 48)
static const unsigned char S_facts[256] = {S_F64(0), S_F64(64), S_F64(128), S_F64(192)};
#undef S_F64
#undef S_F16
#undef S_F4

/* The form's facts (S_BASE ... S_FORM_READ) of a form and its lemma. */
static unsigned S_form_facts(const char *form, const char *lemma) {
  /* (one walk along both: most forms part from the lemma early) */
  size_t n = 0;
  while (lemma[n] && form[n] == lemma[n]) n++;
  unsigned r = S_FORM_READ;
  if (!lemma[n] && !form[n]) r |= S_BASE;
  else if (!lemma[n] && n >= 2 && form[n] == 's' && !form[n + 1]) r |= S_LEMMA_S;
  if (dg_gl_all_upper(form)) r |= S_SHOUTED;
  if (strchr(form, '-')) r |= S_HYPHEN;
  return r;
}
/* The lemma's facts (S_ROLE, S_MASC) through the memo; *kept: the memo
 * has them (a link may point to them). */
static __attribute__((noinline)) unsigned S_lemma_facts(dg_engine *e, const dg_gl_ctx *c, const char *lemma,
                                                        bool *kept) {
  dg_gl_memo_asked q;
  const unsigned char *m = dg_gl_memo_ask(e, 'R', lemma, &q);
  *kept = m != NULL;
  if (m) return *m & (S_ROLE | S_MASC);
  dg_sense sv[1];
  unsigned char r = (unsigned char)((dg_gl_role_noun(c, lemma) ? S_ROLE : 0) |
                                    (dg_gl_senses(e, lemma, "NOUN", sv, 1) && dg_gl_eq(sv[0].gender, "m") ? S_MASC : 0));
  *kept = dg_gl_memo_keep_asked(e, &q, &r, sizeof r, 0, NULL) != NULL;
  return r;
}
/* S_facts_of when the link has not got all the facts `want` (linked:
 * the link's, own: the form is the one of the word's entry). */
static __attribute__((noinline)) unsigned S_facts_new(dg_engine *e, const dg_gl_ctx *c, dg_gl_word *gw, int an,
                                                      unsigned linked, bool own, const char *form, const char *lemma,
                                                      unsigned want) {
  unsigned r = own ? linked : linked & (S_ROLE | S_MASC | S_LEMMA_READ), link = linked;
  if ((want & S_FORM_READ) && !(r & S_FORM_READ)) {
    unsigned f = S_form_facts(form, lemma);
    r |= f;
    if (own) link |= f;
  }
  if ((want & S_LEMMA_READ) && !(r & S_LEMMA_READ)) {
    /* (a word without a lemma: neither) */
    bool kept = false;
    unsigned l = *lemma ? S_lemma_facts(e, c, lemma, &kept) : 0;
    r |= l | S_LEMMA_READ;
    if (kept) link |= l | S_LEMMA_READ;
  }
  if (link != linked) dg_gl_memo_set_an_link(gw, an, DG_GL_ALINK_FACTS, &S_facts[link]);
  return r;
}
/* The facts `want` (S_LEMMA_READ, S_FORM_READ or both) of word gw with
 * this lemma and form (NULL: its form's not asked), and any others its
 * link has.  (A repeated word's are linked: read in line, computed only
 * when the link has not got them yet; its form's facts are linked only
 * when the form is the one its memo entry is of.) */
static inline unsigned S_facts_of(dg_engine *e, const dg_gl_ctx *c, dg_gl_word *gw, const char *form,
                                  const char *lemma, unsigned want) {
  if (!lemma) return 0;
  int an = *lemma ? dg_gl_an_of(gw, lemma) : -1;
  const unsigned char *m = dg_gl_memo_an_link(gw, an, DG_GL_ALINK_FACTS);
  bool own = form && gw->memo_form == form;
  unsigned linked = m ? *m : 0, r = own ? linked : linked & (S_ROLE | S_MASC | S_LEMMA_READ);
  return !(want & ~r) ? r : S_facts_new(e, c, gw, an, linked, own, form, lemma, want);
}
static bool S_role_noun(dg_engine *e, const dg_gl_ctx *c, dg_gl_word *gw, const char *lemma) {
  return (S_facts_of(e, c, gw, NULL, lemma, S_LEMMA_READ) & S_ROLE) != 0;
}
static bool S_known(dg_engine *e, const dg_gl_word *gw, const char *form) {
  if (!form || !*form) return false;
  bool linked = gw && gw->memo_form == form;
  const bool *m = linked ? dg_gl_memo_link(gw, DG_GL_LINK_KNOWN) : NULL;
  dg_gl_memo_asked q = {0};
  if (!m) m = dg_gl_memo_ask(e, 'H', form, &q);
  if (!m) {
    bool r = dg_morph_is_known(e->morph, form);
    m = dg_gl_memo_keep_asked(e, &q, &r, sizeof r, 0, NULL);
    if (!m) return r;
  }
  if (linked) dg_gl_memo_set_link(gw, DG_GL_LINK_KNOWN, m);
  return *m;
}

/* ---- Surnames that are common nouns -----------------------------------------
 * Many German surnames are nouns of a trade (Müller miller, Schneider
 * tailor, Fischer fisherman, Kirchner sexton).  Such a noun is a person's
 * name when the text gives evidence: a first name before it ("Olaf
 * Kirchner"), a title or form of address ("Dr. Weber", "Frau Schneider"),
 * a verb of saying whose subject it is with no article ("Kirchner sagte",
 * "…, sagte Fischer."), or the document used it as a name before.  With
 * an article it stays the noun ("der Müller mahlt Korn"). */

/* Is the word at i its lemma with an -s (Fischers, Jobs), and is a noun
 * after it (one it would own)? */
static bool S_lemma_s(const dg_dtoken *t) {
  /* (one walk along both: most forms part from the lemma early) */
  size_t n = 0;
  while (t->lemma[n] && t->form[n] == t->lemma[n]) n++;
  return !t->lemma[n] && n >= 2 && dg_gl_eq(t->form + n, "s");
}
static bool S_noun_after(const dg_gl_ctx *c, size_t i) {
  return i + 1 < c->s->ntokens && dg_gl_pos_is(&c->s->tokens[i + 1], DG_UD_NOUN);
}

/* Is the noun at i in the genitive singular in -s of its lemma, before the
 * noun it owns ("Klaus Fischers Tor": Fischer's)?  (_sing: the features
 * say genitive singular.) */
static bool S_genitive_sing(const dg_gl_ctx *c, size_t i) {
  unsigned f = DG_GL_F_GEN | DG_GL_F_SING;
  return (dg_gl_tok_feat_bits(&c->w[i], c->s->tokens[i].feats) & f) == f;
}
static bool S_genitive_noun(const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  return S_lemma_s(t) && S_genitive_sing(c, i) && S_noun_after(c, i);
}

/* strcasecmp(a, b) == 0 (the C locale's: ASCII letters without their
 * case), with the first letters told in place: most pairs differ there. */
static inline bool S_same_but_case(const char *a, const char *b) {
  unsigned char x = (unsigned char)a[0], y = (unsigned char)b[0];
  if ((x >= 'A' && x <= 'Z' ? x + 0x20 : x) != (y >= 'A' && y <= 'Z' ? y + 0x20 : y)) return false;
  return strcasecmp(a, b) == 0;
}

/* The rest of S_noun_as_name_of, for a word the facts of its form and
 * lemma (facts: S_facts_of) leave a candidate (out of line: a few words
 * of a sentence). */
static __attribute__((noinline)) bool S_noun_as_name_rest(dg_engine *e, const dg_gl_ctx *c, size_t i,
                                                          unsigned facts) {
  const dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *gw = &c->w[i];
  /* (s_name: a form in -s of a common noun, a plural or a genitive, with
   * no noun after it to own is a surname in -s as written: Steve Jobs,
   * Oliver Sacks, Tyra Banks; genitive: S_genitive_noun.) */
  bool base = facts & S_BASE, lemma_s = facts & S_LEMMA_S, after = lemma_s && S_noun_after(c, i);
  bool s_name = lemma_s && !after;
  bool genitive = after && S_genitive_sing(c, i); /* (S_genitive_noun) */
  if (!base && !genitive && !s_name) return false;
  /* A common noun: not a role noun, and of any gender in -s (Jobs,
   * Banks), else masculine: the surnames that are nouns are nouns of a
   * person's trade or of a thing, masculine (der Müller, der Fischer, der
   * Kirchner); a feminine or neuter noun beside a name is the name's
   * possession ("Trumps Mannschaft") or part of a longer name.  (The
   * lemma's facts, kept once per word, rule out most nouns before their
   * features and gloss are read.) */
  if (t->kind != DG_KIND_NAME) {
    if (t->kind != DG_KIND_WORD || !dg_gl_pos_is(t, DG_UD_NOUN)) return false;
    if (!(facts & S_LEMMA_READ)) facts = S_facts_of(e, c, gw, t->form, t->lemma, S_LEMMA_READ);
    if ((facts & S_ROLE) || (!s_name && !(facts & S_MASC))) return false;
  }
  if ((facts & S_HYPHEN) || (!s_name && dg_gl_tok_feat(gw, t->feats, DG_GL_F_PLUR)) ||
      S_same_but_case(t->gloss, t->form))
    return false;
  /* a name by the morphology's evidence that still has the noun's gloss
   * (Vettel, not "hag") */
  if (t->kind == DG_KIND_NAME) return !dg_gl_is_upper_initial(t->gloss);
  return true;
}

/* S_noun_as_name_of once the facts of the word's form and lemma are
 * known (S_facts_of). */
static inline bool S_noun_as_name_by(dg_engine *e, const dg_gl_ctx *c, size_t i, unsigned facts) {
  /* a surname is written as the noun's base form ("Worten", "Tiere" are
   * inflected: nouns), its genitive in -s ("Fischers"), or is a form in -s
   * itself ("Jobs") (S_noun_as_name_rest), not as an acronym, and a loanword
   * spelt as its English ("Party", "City", "Radio") is a part of an
   * English name, not a surname */
  if ((facts & S_SHOUTED) || !(facts & (S_BASE | S_LEMMA_S))) return false;
  /* (a common noun in its base form that is a role noun or not
   * masculine, told by its lemma's facts when they are linked: the rest's
   * first test) */
  if ((facts & (S_BASE | S_LEMMA_READ)) == (S_BASE | S_LEMMA_READ) && c->s->tokens[i].kind != DG_KIND_NAME &&
      ((facts & S_ROLE) || !(facts & S_MASC)))
    return false;
  return S_noun_as_name_rest(e, c, i, facts);
}
/* S_noun_as_name_of for a source that may be the preferred senses
 * (preferred: not yet told), or a word whose facts are not linked. */
static __attribute__((noinline)) bool S_noun_as_name_slow(dg_engine *e, const dg_gl_ctx *c, size_t i,
                                                          bool preferred) {
  const dg_dtoken *t = &c->s->tokens[i];
  if (preferred && strncmp(t->source + 2, "ctionaries/preferred.tsv", 24) != 0) return false;
  return S_noun_as_name_by(e, c, i, S_facts_of(e, c, &c->w[i], t->form, t->lemma, S_FORM_READ));
}
/* Is token i a capitalised common noun that could be a surname (not a
 * closed-class word, not inside an expression, one plain word)?  (What
 * most words fail, S_noun_as_name asks first; this the rest: the source,
 * then the facts of the word's form and lemma, read in line for a
 * repeated word of Ding, which most are: every call this one makes is its
 * last step, so that it needs no frame of its own.) */
static bool S_noun_as_name_of(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  /* (both sources begin "di": the third letter tells which to test) */
  const char *src = t->source;
  if (src[0] != 'd' || src[1] != 'i') return false;
  if (src[2] != 'n') return S_noun_as_name_slow(e, c, i, true);
  if (src[3] != 'g' || src[4] != ':') return false;
  /* (S_facts_of of a word whose lemma's analysis is known, the link its
   * form's: dg_gl_an_of) */
  const dg_gl_word *gw = &c->w[i];
  const unsigned char *m = NULL;
  if (*t->lemma && gw->lemma_set == t->lemma && gw->memo_form == t->form)
    m = dg_gl_memo_an_link(gw, gw->lemma_an, DG_GL_ALINK_FACTS);
  if (!m || !(*m & S_FORM_READ)) return S_noun_as_name_slow(e, c, i, false);
  return S_noun_as_name_by(e, c, i, *m);
}
/* (S_noun_as_name's first test, of token t and its word w: a walk of
 * the tokens asks it of them in turn) */
static inline bool S_may_be_name(const dg_dtoken *t, const dg_gl_word *w) {
  /* (a name, or a noun with a capital and a gloss from Ding or the
   * preferred senses: both sources begin with 'd'; the token's kind and
   * part of speech, which most words fail, first; the source string,
   * which lies far off in memory, is read last) */
  return !((t->kind != DG_KIND_NAME && (t->kind != DG_KIND_WORD || !dg_gl_pos_is(t, DG_UD_NOUN))) || t->mwe >= 0 ||
           w->is_closed || !t->gloss || !t->source || !dg_gl_is_upper_initial(t->form) || t->source[0] != 'd');
}
static inline bool S_noun_as_name(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  return S_may_be_name(&c->s->tokens[i], &c->w[i]) && S_noun_as_name_of(e, c, i);
}

/* Does a determiner, adjective or number stand right before token i (the
 * noun is then a common noun: "der Müller")? */
static bool S_has_article(const dg_gl_ctx *c, size_t i) {
  if (i == 0) return false;
  const char *pos = c->s->tokens[i - 1].pos;
  return dg_gl_eq(pos, "DET") || dg_gl_eq(pos, "ADJ") || dg_gl_eq(pos, "NUM") || dg_gl_eq(pos, "PRON");
}

/* Is token j a finite verb of saying (word class speech-verb) in the
 * third person singular? */
static bool S_speech_verb(const dg_gl_ctx *c, size_t j) {
  const dg_dtoken *v = &c->s->tokens[j];
  if (!(dg_gl_pos_is(v, DG_UD_VERB) || dg_gl_pos_is(v, DG_UD_AUX)) || !v->lemma ||
      (dg_gl_tok_feat_bits(&c->w[j], v->feats) & (DG_GL_F_FIN | DG_GL_F_P3 | DG_GL_F_PLUR)) != (DG_GL_F_FIN | DG_GL_F_P3))
    return false;
  char *l = dg_gl_lower(v->lemma);
  bool r = dg_lexicon_is(c->lex, l, DG_WC_SPEECH_VERB);
  free(l);
  return r;
}

/* Is a name ending in -s a genitive ("Trumps", "Andersons")?  A first
 * name ending in -s is one the spelling dictionary knows while it does not
 * know the name without the -s (Jens, Thomas; not Trump|s). */
static bool S_genitive_s(dg_engine *e, const char *form) {
  size_t n = strlen(form);
  if (n < 3 || form[n - 1] != 's') return false;
  if (!S_known(e, NULL, form)) return true;
  char stem[64];
  if (n >= sizeof stem) return true;
  memcpy(stem, form, n - 1);
  stem[n - 1] = '\0';
  return S_known(e, NULL, stem);
}

/* Is the name at i a genitive: labelled so, a name in -s (S_genitive_s),
 * or written with an apostrophe ("Sainsbury's", "Sainsbury’s")? */
static bool S_genitive_name(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *p = &c->s->tokens[i];
  size_t pl = strlen(p->form);
  /* (a name in -s that the morphology knows and reads as itself is no
   * genitive: "Klaus Fischer", not Klau's) */
  bool itself = dg_gl_eq(p->lemma, p->form) && S_known(e, &c->w[i], p->form);
  return pl > 1 && (dg_gl_has_label(c->w[i].leipzig, "GEN") || (!itself && S_genitive_s(e, p->form)) ||
                    p->form[pl - 1] == '\'' || (strchr(p->form, '\xe2') && strstr(p->form, "’")));
}

/* Is the word at i (not the first) right after a person's first name: a
 * personal name (not a place of names.tsv, not a noun made a surname
 * here), not in the genitive ("Trumps Kundgebung", "Sainsbury's
 * Verkauf") and not itself after another name ("New York City", "Tony
 * Macaroni Arena"; a common noun before it, a title or role, is no such
 * name: "der Stürmer Klaus Fischer"), with no capitalised word after the
 * word ("Golf National") but the one a genitive surname owns ("Klaus
 * Fischers Tor")?  (Whether the name is a genitive is asked only of a
 * personal name.) */
static bool S_after_first_name(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *p = &s->tokens[i - 1];
  return (p->flags & DG_DF_SPACE_AFTER) && p->kind == DG_KIND_NAME && dg_gl_eq(p->source, "name") &&
         !c->w[i - 1].surname && !S_genitive_name(e, c, i - 1) &&
         !(i >= 2 && s->tokens[i - 2].kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(s->tokens[i - 2].form) &&
           !c->w[i - 2].is_closed &&
           !(s->tokens[i - 2].kind == DG_KIND_WORD && dg_gl_pos_is(&s->tokens[i - 2], DG_UD_NOUN))) &&
         !(i >= 2 && dg_gl_pos_is(&s->tokens[i - 2], DG_UD_DET)) && /* "der Kruger Nationalpark" */
         !(i + 1 < s->ntokens && s->tokens[i + 1].kind != DG_KIND_PUNCT &&
           dg_gl_is_upper_initial(s->tokens[i + 1].form) && !S_genitive_noun(c, i));
}

/* The evidence in the sentence itself that the noun at i is a person's
 * name. */
static bool S_person_evidence(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  if (i > 0 && (s->tokens[i - 1].flags & DG_DF_SPACE_AFTER)) {
    const dg_dtoken *p = &s->tokens[i - 1];
    /* a first name (S_after_first_name) */
    if (S_after_first_name(e, c, i)) return true;
    /* a title written short (Dr., Prof.: the abbreviations table) */
    if (p->source && strstr(p->source, "abbreviations") && S_role_noun(e, c, &c->w[i - 1], p->lemma)) return true;
  }
  /* the subject of a verb of saying, alone at the clause start: "Kirchner
   * sagte" (a sentence with its full stop: a headline drops articles) */
  size_t last = s->ntokens;
  while (last > 0 && s->tokens[last - 1].kind == DG_KIND_PUNCT && !dg_gl_eq(s->tokens[last - 1].form, ".") &&
         !dg_gl_eq(s->tokens[last - 1].form, "!") && !dg_gl_eq(s->tokens[last - 1].form, "?"))
    last--;
  bool full = last > 0 && s->tokens[last - 1].kind == DG_KIND_PUNCT;
  bool clause_start = i == 0 || c->w[i].initial || dg_gl_is_punct(&s->tokens[i - 1]) ||
                      dg_gl_pos_is(&s->tokens[i - 1], DG_UD_CCONJ) || dg_gl_pos_is(&s->tokens[i - 1], DG_UD_SCONJ);
  if (full && clause_start && i + 1 < s->ntokens && S_speech_verb(c, i + 1)) return true;
  /* right after it, at the end of the clause: "…, sagte Fischer." (not
   * a participle read as a verb: "sechs bestätigte Tote") */
  if (i > 0 && S_speech_verb(c, i - 1) &&
      !(i >= 2 && (dg_gl_pos_is(&s->tokens[i - 2], DG_UD_NUM) || dg_gl_pos_is(&s->tokens[i - 2], DG_UD_ADJ) ||
                   dg_gl_pos_is(&s->tokens[i - 2], DG_UD_DET))) &&
      (i + 1 == s->ntokens || dg_gl_is_punct(&s->tokens[i + 1]) || dg_gl_pos_is(&s->tokens[i + 1], DG_UD_CCONJ)))
    return true;
  return false;
}

/* Does the morphology read word i only as an adjective or adverb, in its
 * base form (the form is the lemma but for the capital: Schwarz, Rosa)?
 * (The noun reading without features that the look-up adds for the
 * dictionary's capitalised homograph, lookup.c S_lexicon_noun, is not the
 * morphology's: das Schwarz, das Rosa, the colours.) */
static bool S_adjective_or_adverb(const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i];
  const dg_gl_word *w = &c->w[i];
  bool base = false;
  /* (the parts of speech as the look-up's bits, dg_gl_an_pos) */
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    if (!a->pos || !a->lemma || (dg_gl_an_pos(w, k, DG_GL_P_NOUN) && a->feats && *a->feats) ||
        dg_gl_an_pos(w, k, DG_GL_P_VERB | DG_GL_P_AUX | DG_GL_P_PROPN))
      return false;
    base |= dg_gl_an_pos(w, k, DG_GL_P_ADJ | DG_GL_P_ADV) && S_same_but_case(a->lemma, t->form);
  }
  return base;
}

static uint64_t S_name_hash(const char *form) {
  uint64_t h = dg_hash64(form, strlen(form), 0x6e616d65u);
  return h ? h : 1;
}

/* The name of a storm after its noun (word class name-noun: "Hurrikan
 * Rosa", S_after_role_at) is remembered with the surnames the document
 * used, and the same word alone later on, with a capital inside the
 * sentence, is marked as that name (doc_name: "dass Rosa auf der
 * Halbinsel ankommt", "wird Rosa noch Hurrikanstärke haben": not pink). */
static void S_thing_names_seen(dg_engine *e, dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  for (size_t i = 1; i < s->ntokens; i++) {
    const dg_dtoken *t = &s->tokens[i];
    dg_gl_word *w = &c->w[i];
    /* (what most words fail first: a noun read with its features, which
     * the morphology gave it, is none; S_adjective_or_adverb) */
    if (t->kind != DG_KIND_WORD || !(dg_gl_pos_is(t, DG_UD_ADJ) || dg_gl_pos_is(t, DG_UD_ADV) ||
                                     (dg_gl_pos_is(t, DG_UD_NOUN) && t->feats && !*t->feats)))
      continue;
    if (w->initial || w->is_closed || t->mwe >= 0 || !dg_gl_is_upper_initial(t->form)) continue;
    const dg_dtoken *p = t - 1;
    bool after = (c->w[i - 1].wc & DG_WC_NAME_NOUN) && dg_gl_pos_is(p, DG_UD_NOUN) && (p->flags & DG_DF_SPACE_AFTER);
    if ((!after && !e->nnames_seen) || !S_adjective_or_adverb(c, i)) continue;
    uint64_t h = S_name_hash(t->form);
    bool known = false;
    for (size_t k = 0; k < e->nnames_seen && !known; k++) known = e->names_seen[k] == h;
    /* (not after an article, a preposition or a common noun, where the
     * word is as likely the colour or quality it names: "das Rosa", "in
     * Rosa gekleidet", "die Farbe Rosa") */
    if (!after)
      w->doc_name = known && !S_has_article(c, i) && !dg_gl_pos_is(p, DG_UD_ADP) && !dg_gl_pos_is(p, DG_UD_NOUN);
    else if (!known && e->nnames_seen < DG_GL_MAX_NAMES_SEEN) e->names_seen[e->nnames_seen++] = h;
  }
}

void dg_gl_names_seen(dg_engine *e, dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  /* (the words that could be surnames, asked once for both loops, in
   * sentence order: most sentences have none) */
  size_t one[64], *cand = s->ntokens <= 64 ? one : dg_xmalloc(s->ntokens * sizeof *cand), nc = 0;
  uint64_t bits = 0;
  /* (S_noun_as_name, its first test of the tokens and words walked side
   * by side) */
  const dg_dtoken *t = s->tokens;
  const dg_gl_word *w = c->w;
  for (size_t i = 0; i < s->ntokens; i++, t++, w++)
    if (S_may_be_name(t, w) && S_noun_as_name_of(e, c, i)) {
      cand[nc++] = i;
      if (i < 64) bits |= (uint64_t)1 << i;
    }
  /* (kept for dg_gl_names: gloss_internal.h dg_gl_ctx.name_cands) */
  c->name_cands = bits;
  c->names_stale = 0;
  for (size_t q = 0; q < nc; q++) {
    size_t i = cand[q];
    if (S_has_article(c, i)) continue;
    uint64_t h = S_name_hash(s->tokens[i].lemma); /* (the form, or the lemma of a genitive) */
    for (size_t k = 0; k < e->nnames_seen && !c->w[i].doc_name; k++) c->w[i].doc_name = e->names_seen[k] == h;
  }
  for (size_t q = 0; q < nc; q++) {
    size_t i = cand[q];
    if (!S_person_evidence(e, c, i)) continue;
    uint64_t h = S_name_hash(s->tokens[i].lemma);
    bool known = false;
    for (size_t k = 0; k < e->nnames_seen && !known; k++) known = e->names_seen[k] == h;
    if (!known && e->nnames_seen < DG_GL_MAX_NAMES_SEEN) e->names_seen[e->nnames_seen++] = h;
  }
  if (cand != one) free(cand);
  S_thing_names_seen(e, c);
}

/* Rare changes to a word, each out of line and cold, so that the loops
 * that look for them, run over every sentence, take fewer cache lines of
 * code. */

/* Noun i made a surname (seen: the document used it as a name before). */
static __attribute__((noinline, cold)) void S_make_surname(dg_doc *d, dg_gl_ctx *c, size_t i, bool seen) {
  dg_dtoken *t = &c->s->tokens[i];
  bool gen = S_genitive_noun(c, i); /* Fischers: Fischer, GEN */
  c->w[i].surname = true;
  t->kind = DG_KIND_NAME;
  dg_gl_set_pos(t, "PROPN");
  t->nparts = 0;
  t->seg = NULL;
  if (!gen) t->lemma = t->form;
  t->labels = "";
  c->w[i].leipzig = gen ? "GEN" : "";
  dg_gl_promote(d, t, t->lemma);
  t->source = "name";
  t->reason = seen ? "capitalised noun the document used as a name before"
                   : "capitalised noun with a first name, title or verb of saying taken as a surname";
  t->flags &= ~(unsigned)DG_DF_GUESS;
}

/* Noun i made a surname when the evidence above says it is one (S_roles_and_surnames).
 * Returns whether token i is a name now (dg_gl_is_name: a token of kind
 * name, or tagged PROPN).  (S_noun_as_name of word i is bit i of cands,
 * as dg_gl_names_seen asked it, unless bit i of ask says word i or the
 * word after it has changed since: S_roles_and_surnames.) */
static inline __attribute__((always_inline)) bool S_surname_at(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i,
                                                            uint64_t ask, uint64_t cands) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  bool kept = i < 64 && !(ask >> i & 1);
  /* (the test build asks again what it kept: a pass that changes a word
   * between the two steps without dg_gl_names_changed fails here) */
  assert(!kept || ((cands >> i & 1) != 0) == S_noun_as_name(e, c, i));
  if (!(kept ? (cands >> i & 1) != 0 : S_noun_as_name(e, c, i))) return dg_gl_is_name(t);
  bool seen = c->w[i].doc_name && !S_has_article(c, i) && !(i > 0 && dg_gl_pos_is(&s->tokens[i - 1], DG_UD_ADP));
  if (!seen && !S_person_evidence(e, c, i)) return dg_gl_is_name(t);
  S_make_surname(d, c, i, seen);
  return true;
}

/* Word i after a noun that introduces a name made that name, or the same
 * word alone later on (seen) (S_after_role_at). */
static __attribute__((noinline, cold)) void S_make_thing_name(dg_doc *d, dg_gl_ctx *c, size_t i, bool seen) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_make_unit(d, c, i, DG_KIND_NAME, "PROPN", t->form);
  t->source = "name";
  t->reason = seen ? "capitalised word the document used as a storm's name before"
                   : "capitalised word after a noun that introduces a name (Hurrikan Rosa) taken as the name";
}

/* Word i after a title or role made a name. */
static __attribute__((noinline, cold)) void S_make_role_name(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  c->w[i].role_name = true;
  bool names_entry = t->kind == DG_KIND_NAME && t->source && strstr(t->source, "names");
  t->kind = DG_KIND_NAME;
  dg_gl_set_pos(t, "PROPN");
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

/* Word i (not the first) made a name after a title or role: "Sicherheitsberater
 * Michael Waltz" (S_roles_and_surnames), or the word before it a place's
 * adjective (Berliner Mauer); returns whether one was. */
static inline bool S_after_role_at(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
  if (!dg_gl_is_upper_initial(t->form) || c->w[i].initial || c->w[i].is_closed || t->mwe >= 0) return false;
  size_t k = i - 1;
  const dg_dtoken *p = &s->tokens[k];
  if (!(p->flags & DG_DF_SPACE_AFTER)) return false;
  /* A place's adjective in -er before this word: Berliner Mauer = Berlin
   * wall (demonym.c; asked here, where the walk has read both words) */
  if (dg_gl_is_upper_initial(p->form) && p->mwe < 0 && !c->w[k].role_name && dg_gl_place_adjective_at(d, c, k))
    return true;
  /* (a title written short is a name token of the abbreviations table: Dr.) */
  bool after_role = (p->kind != DG_KIND_NAME || (p->source && strstr(p->source, "abbreviations"))) &&
                    S_role_noun(e, c, &c->w[k], p->lemma);
  /* (a marked name in the genitive is followed by what it owns: "Dr.
   * Fords Anschuldigungen"; the name is measured only when marked) */
  size_t pl = p->kind == DG_KIND_NAME && c->w[k].role_name ? strlen(p->form) : 0;
  bool after_marked = p->kind == DG_KIND_NAME && c->w[k].role_name &&
                      !(pl > 1 && p->form[pl - 1] == 's' && dg_gl_pos_is(t, DG_UD_NOUN));
  if (!after_role && !after_marked) {
    /* A noun that introduces a name (word class name-noun: Hurrikan,
     * Taifun, Tief) is followed in close apposition by the name of the
     * storm or weather system: "Hurrikan Rosa" (not "pink"), "Tief
     * Klaus".  The word after it is taken as the name only when the
     * morphology reads it as no noun or verb (S_adjective_or_adverb): "der
     * Sturm Montag früh", "Sturm Schäden" keep their nouns. */
    bool after_noun = (c->w[k].wc & DG_WC_NAME_NOUN) && dg_gl_pos_is(p, DG_UD_NOUN);
    /* (the name alone, as the document used it after its noun before:
     * S_thing_names_seen) */
    if (!(after_noun || c->w[i].doc_name) || !S_adjective_or_adverb(c, i)) return false;
    S_make_thing_name(d, c, i, !after_noun);
    return true;
  }
  /* The next word after a role is a name only if it is not a common noun
   * in the genitive or plural ("der Präsident Russlands" stays Russia). */
  S_make_role_name(d, c, i);
  return true;
}

/* Names after a title or role (S_after_role_at), then surnames that are
 * common nouns (S_surname_at), in one walk: as if every word were asked
 * after a role first, since word i's surname is asked only once word i + 1
 * is made a name after a role or not (the evidence reads the words beside
 * i), and word i + 1 is asked before word i is made a surname (it reads
 * word i as it stood).  Returns whether the sentence has a name now, which
 * the steps after it look for beside a word.  (Which words may be
 * surnames, S_noun_as_name, dg_gl_names_seen asked in the domains step:
 * its answers hold but for the words changed since, dg_gl_ctx.names_stale,
 * to which a name made after a role adds word i and the word before it,
 * both asked after it: `ask`, kept in a register for the walk.  A surname
 * made of word i changes no answer asked after it, of words i + 1 and
 * i + 2.) */
static bool S_roles_and_surnames(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  size_t n = c->s->ntokens;
  bool names = false;
  uint64_t ask = c->names_stale;
  const uint64_t cands = c->name_cands;
  for (size_t i = 1; i < n; i++) {
    if (S_after_role_at(e, d, c, i)) ask |= dg_gl_names_bits(i);
    names |= S_surname_at(e, d, c, i - 1, ask, cands);
  }
  if (n) names |= S_surname_at(e, d, c, n - 1, ask, cands);
  c->names_stale = ~(uint64_t)0; /* (the steps after it change the words as they go) */
  return names;
}

/* Word i next to a name made a name (surname: its own spelling as its
 * gloss and lemma; reason: why, NULL for an unknown word). */
static __attribute__((noinline, cold)) void S_make_next_name(dg_doc *d, dg_dtoken *t, bool surname,
                                                             const char *reason) {
  t->kind = DG_KIND_NAME;
  dg_gl_set_pos(t, "PROPN");
  t->source = "name";
  if (surname) {
    t->nparts = 0;
    t->seg = NULL;
    t->lemma = t->form;
    t->labels = "";
    dg_gl_promote(d, t, t->form);
  }
  t->reason = reason ? reason : "unknown capitalised word next to a name";
  t->flags &= ~(unsigned)DG_DF_GUESS;
}

/* Is word i a surname that is an adjective or adverb
 * (S_adjective_or_adverb), right after a first name (S_after_first_name)?
 * German writes an adjective or adverb with a capital inside a sentence
 * only in a name: Gary Hart (not "hard"), Angela Schwarz (not "black"),
 * Peter Klein.  A word the morphology also reads as a noun or a verb
 * stays what it is read as ("Peter Recht geben", "Anna Angst machen"),
 * and so does an inflected one ("Peter Gutes tun"). */
static bool S_adjective_surname(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  return S_adjective_or_adverb(c, i) && S_after_first_name(e, c, i);
}

/* Is noun i, after a name, spelt as the English word its gloss is or
 * begins with ("City": city centre, "Party", "Rose")?  Then it is the
 * last word of an English name or a surname, kept as written: Kansas
 * City, Salt Lake City, Labour Party, Washington Post, Justin Rose, Maria
 * Wolf.  Not after a name in the genitive, which owns the noun ("Holts
 * Team": Holt's team), nor after a place of names.tsv, which has its
 * German spelling and is no part of an English name ("dass Kiew Hilfe
 * erhielt").  A noun whose gloss is another word stays the noun ("Anna
 * Blumen kauft"). */
static bool S_english_name_word(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *t = &c->s->tokens[i], *p = t - 1;
  if (!dg_gl_pos_is(t, DG_UD_NOUN) || t->mwe >= 0 || !t->gloss) return false;
  size_t n = strlen(t->form);
  if (strncasecmp(t->gloss, t->form, n) != 0 || (t->gloss[n] && t->gloss[n] != ' ') || strcmp(t->gloss, t->form) == 0)
    return false;
  /* (nor in the middle field, the name right after a finite verb, a
   * conjunction or a pronoun that opens it, and a lower-case word after
   * the noun: the name is the subject and the noun its bare object, "dass
   * Merkel Hand anlegte", "Heute baut Google Computer") */
  const dg_dtoken *b = i >= 2 ? p - 1 : NULL;
  if (b && i + 1 < c->s->ntokens && t[1].kind == DG_KIND_WORD && !dg_gl_is_upper_initial(t[1].form) &&
      (dg_gl_pos_is(b, DG_UD_SCONJ) || dg_gl_pos_is(b, DG_UD_VERB) || dg_gl_pos_is(b, DG_UD_AUX) ||
       dg_gl_pos_is(b, DG_UD_PRON)))
    return false;
  return !(p->source && strstr(p->source, "names.tsv")) && !S_genitive_name(e, c, i - 1);
}

/* Names next to names: "Wladimir Putin" even when one part is a word
 * (word i: a capitalised word that is no function word). */
static void S_next_to_name(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  bool left = i > 0 && s->tokens[i - 1].kind == DG_KIND_NAME && (s->tokens[i - 1].flags & DG_DF_SPACE_AFTER);
  bool right = i + 1 < s->ntokens && s->tokens[i + 1].kind == DG_KIND_NAME;
  /* A word only our own compound guess explains, that neither the
   * dictionary nor hunspell knows, after a name is a surname (Max
   * Verstappen, not verse-toddle; "Selenskyj Sicherheitsgarantien" stays
   * a compound: hunspell knows it). */
  bool surname = left && t->source && dg_gl_eq(t->source, "compound") && t->mwe < 0 &&
                 !S_known(e, &c->w[i], t->form);
  /* … and so is a word whose gloss is itself in lower case, next to a
   * name (Lewis Hamilton: not "lewis", a lifting device). */
  if ((left || right) && !dg_gl_pos_is(t, DG_UD_NOUN) && t->gloss && S_same_but_case(t->gloss, t->form) &&
      strcmp(t->gloss, t->form) != 0 && t->mwe < 0)
    surname = true;
  if (((left || right) && t->source && dg_gl_eq(t->source, "unknown")) || surname) S_make_next_name(d, t, surname, NULL);
  else if (left && S_english_name_word(e, c, i)) {
    S_make_next_name(d, t, true, "capitalised noun spelt as its English gloss after a name: part of the name");
    /* (the German noun's number and gender are no features of the name:
     * "Cancer Institute" is no plural of Institut) */
    t->feats = "";
    c->w[i].leipzig = "";
  }
  else if (left && t->mwe < 0 && S_adjective_surname(e, c, i)) {
    S_make_next_name(d, t, true, "capitalised adjective or adverb after a first name taken as a surname");
    t->feats = ""; /* (an adjective's degree is no feature of a name) */
  }
}

/* Names next to names (S_next_to_name), and a name keeps its own spelling
 * when its gloss only changes the case (Lewis Hamilton, not "lewis").
 * (One walk for both: the spelling of word i is asked once i is made a
 * name or not; neither step reads what the other changes of the words
 * before it.)  Returns the word classes of the sentence's words, or-ed
 * in the same walk (no step changes a word's classes), which tell the
 * steps after it whether a word they look for is there. */
static dg_word_class S_next_to_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  dg_word_class classes = 0;
  /* (the tokens and words walked side by side: no call changes the arrays) */
  dg_dtoken *t = s->tokens;
  const dg_gl_word *w = c->w;
  for (size_t i = 0, n = s->ntokens; i < n; i++, t++, w++) {
    classes |= w->wc;
    if (t->kind == DG_KIND_WORD && dg_gl_is_upper_initial(t->form) && !w->is_closed) S_next_to_name(e, d, c, i);
    if (t->kind == DG_KIND_NAME && t->gloss && t->gloss != t->form && S_same_but_case(t->gloss, t->form) &&
        strcmp(t->gloss, t->form) != 0 && t->mwe < 0)
      dg_gl_promote(d, t, t->form);
  }
  return classes;
}

/* Tokens i..j (particles and the name after them) made a name. */
static __attribute__((noinline, cold)) void S_make_particle_names(dg_doc *d, dg_dsentence *s, size_t i, size_t j) {
  for (size_t q = i; q <= j; q++) {
    dg_dtoken *u = &s->tokens[q];
    u->kind = DG_KIND_NAME;
    dg_gl_set_pos(u, "PROPN");
    u->nparts = 0;
    u->seg = NULL;
    u->labels = "";
    u->lemma = u->form;
    dg_gl_promote(d, u, u->form);
    u->source = "name";
    u->reason = "name particle between names";
    u->flags &= ~(unsigned)DG_DF_GUESS;
  }
}

/* Name particles (word class name-particle) between a name and a
 * capitalised word: Vasco da Gama, Leonardo da Vinci, Rafael van der Vaart
 * ("da" is no "there"). */
static void S_name_particles(dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 1; i + 1 < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || !(s->tokens[i - 1].kind == DG_KIND_NAME)) continue;
    size_t j = i;
    bool all = true;
    while (j + 1 < s->ntokens && all) {
      bool part = dg_gl_is(&c->w[j], DG_WC_NAME_PARTICLE) &&
                  s->tokens[j].kind == DG_KIND_WORD && !dg_gl_is_upper_initial(s->tokens[j].form);
      if (!part) break;
      j++;
      if (s->tokens[j].kind == DG_KIND_NAME || (s->tokens[j].kind == DG_KIND_WORD &&
                                                dg_gl_is_upper_initial(s->tokens[j].form) &&
                                                !dg_gl_pos_is(&s->tokens[j], DG_UD_NOUN)))
        break;
      all = j + 1 < s->ntokens;
    }
    if (j == i || j >= s->ntokens || !dg_gl_is_upper_initial(s->tokens[j].form) ||
        dg_gl_pos_is(&s->tokens[j], DG_UD_NOUN))
      continue;
    S_make_particle_names(d, s, i, j);
    i = j;
  }
}

/* An unknown word inside a title or name made a name. */
static __attribute__((noinline, cold)) void S_make_title_word(dg_dtoken *t) {
  t->kind = DG_KIND_NAME;
  dg_gl_set_pos(t, "PROPN");
  t->source = "name";
  t->reason = "unknown word inside a title or name";
  t->flags &= ~(unsigned)DG_DF_GUESS;
}

/* A form of address before a name is one person's title: "Herrn Putin"
 * = Mr Putin (singular, whatever the morphology guessed).  (Noun i, before
 * a name: out of line, most sentences have none.) */
static __attribute__((noinline, cold)) void S_form_of_address(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  /* The two forms of address, each with its English title and its
   * features (a table of these two words, not a class). */
  static const struct {
    const char *lemma, *title, *feats;
  } address[] = {{"Herr", "Mr", "Gender=Masc|Number=Sing"}, {"Frau", "Ms", "Gender=Fem|Number=Sing"}};
  size_t k = 0;
  while (k < DG_ARRAY_LEN(address) && !dg_gl_eq(t->lemma, address[k].lemma)) k++;
  if (k == DG_ARRAY_LEN(address)) return;
  dg_gl_promote(d, t, address[k].title);
  if (dg_gl_feat(t->feats, "Number=Plur")) {
    t->feats = address[k].feats;
    c->w[i].leipzig = "SG";
  }
}

/* Unknown words in an emphasised title ("*State of the Union*") or
 * between capitalised words ("Bank of America", "Institute for Study")
 * are part of a name, not failures; then forms of address before a name
 * (S_form_of_address).  (One walk for both: the word before word i is
 * asked as a form of address once i is made a name or not, and a title's
 * words are told by their kinds and forms, which a form of address leaves;
 * a sentence with no name has no word for the second step.) */
static void S_titles_and_address(dg_doc *d, dg_gl_ctx *c) {
  /* (the tokens walked in turn: no call changes the array) */
  dg_dtoken *tokens = c->s->tokens, *t = tokens;
  for (size_t i = 0, n = c->s->ntokens; i < n; i++, t++) {
    bool bridge = false;
    if (t->kind == DG_KIND_WORD && i > 0 && t[-1].kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(t[-1].form) &&
        dg_gl_eq(t->source, "unknown"))
      for (size_t j = i + 1; j < n && j <= i + 2 && !bridge; j++)
        bridge = tokens[j].kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(tokens[j].form);
    if (t->kind == DG_KIND_WORD && ((t->flags & DG_DF_EMPHASIS) || bridge) && dg_gl_eq(t->source, "unknown"))
      S_make_title_word(t);
    /* (the name first: most words are none) */
    if (i > 0 && (t->kind == DG_KIND_NAME || dg_gl_pos_is(t, DG_UD_PROPN))) {
      const dg_dtoken *p = t - 1;
      if (p->kind == DG_KIND_WORD && dg_gl_pos_is(p, DG_UD_NOUN) && (p->flags & DG_DF_SPACE_AFTER))
        S_form_of_address(d, c, i - 1);
    }
  }
}

/* Names, in this order: each step sees the names the one before marked.
 * (The steps from S_next_to_names to S_name_particles change only words
 * beside a name or names themselves: a sentence with no name after
 * S_roles_and_surnames has nothing for them.) */
void dg_gl_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  if (S_roles_and_surnames(e, d, c)) {
    /* (a sentence without a word of class name-particle has none to join:
     * S_name_particles would pass over every word) */
    if (S_next_to_names(e, d, c) & DG_WC_NAME_PARTICLE) S_name_particles(d, c);
  }
  S_titles_and_address(d, c);
}
