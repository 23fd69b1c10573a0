/* The plain-English form of a word's gloss (plain style): verbs in the past
 * tense, participle or 3rd person singular, "there is/was", genitive names
 * (Russia's), comparatives and superlatives, plural nouns, and adjectives
 * used as adverbs (aktuell: currently).  German fallbacks and modals are
 * never inflected.  The word forms come from english.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "memo.h"
#include "word.h"

/* Has word w a past participle reading (bekannt: bekennen's), not a
 * present one (zunehmend)? */
static bool S_past_participle_spelt(const dg_gl_word *w) {
  for (size_t k = 0; k < w->nan; k++)
    if ((w->fb[k] & DG_GL_F_PART) && !(w->fb[k] & DG_GL_F_PRES)) return true;
  return false;
}

/* Is there, after word i and before the end of its clause ce, another
 * uninflected adjective or a past participle (not a copula's own: "krank
 * geworden") that a copula can take as its predicate or auxiliary, with
 * no comma or conjunction between them?  Then the word at i is no
 * predicate but an adverb before it: "Natürlich ist das ziemlich gut" (of
 * course ... good), "ist wirklich sehr gut" (really ... good), "ist gut
 * möglich" (well possible), "ist gerade angekommen" (has just arrived);
 * not in "ist jung und schön", "sowohl virtuell als auch real", "ist
 * klar, dass ...". */
static bool S_later_predicate(const dg_gl_ctx *c, size_t i, size_t ce) {
  const dg_dsentence *s = c->s;
  for (size_t j = i + 1; j < ce && j < s->ntokens; j++) {
    const dg_dtoken *u = &s->tokens[j];
    if (u->kind != DG_KIND_WORD || dg_gl_pos_is(u, DG_UD_CCONJ) || dg_gl_is(&c->w[j], DG_WC_COMPAR_PARTICLE))
      return false;
    if (u->mwe >= 0) continue;
    unsigned f = dg_gl_tok_feat_bits(&c->w[j], u->feats);
    if (dg_gl_pos_is(u, DG_UD_ADJ) && (f & DG_GL_F_POS) && dg_gl_eq(c->w[j].lower, u->lemma)) return true;
    if (dg_gl_pos_is(u, DG_UD_VERB) && (f & DG_GL_F_PART) && !(f & DG_GL_F_PRES) &&
        !dg_lexicon_is(c->lex, u->lemma, DG_WC_COPULA | DG_WC_OBJ_PREDICATIVE))
      return true;
  }
  return false;
}

/* Is the word at i used as an adverb: an uninflected adjective, or an
 * uninflected present participle (participle: "anschließend"), not before
 * a noun or adjective it modifies, not the predicate of a copula in its
 * clause ("ist schnell", "sieht … aus", "als unannehmbar"), not after
 * "zu"/"so" modifying something that follows?  A capitalised word may be
 * one only as the first word of its sentence, before the finite verb
 * ("Natürlich ist ...", "Anschließend wurden ...") or before what it
 * modifies ("Ungefähr die Hälfte"), not in "Froh über ...", "Weit davon
 * entfernt".  *number: it is one only as it stands before a number,
 * which it modifies, in a clause with a copula ("waren ungefähr 50" =
 * were about 50; "waren gut tausend" = a good thousand, not "well"). */
static __attribute__((noinline)) bool S_adverbial(const dg_gl_ctx *c, size_t i, bool participle, bool *number) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *t = &s->tokens[i];
  *number = false;
  if (t->kind != DG_KIND_WORD || t->mwe >= 0) return false;
  bool capital = dg_gl_is_upper_initial(t->form);
  if (capital && !c->w[i].initial) return false;
  if (participle) {
    /* (a present participle with no case, gender or number: uninflected) */
    if (!dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_tok_feat(&c->w[i], t->feats, DG_GL_F_CASE)) return false;
  } else {
    if (!dg_gl_pos_is(t, DG_UD_ADJ)) return false;
    if (!dg_gl_eq(c->w[i].lower, t->lemma)) return false; /* an inflected form */
    if (!dg_gl_tok_feat(&c->w[i], t->feats, DG_GL_F_POS)) return false;
  }
  if (i + 1 < s->ntokens) {
    const dg_dtoken *n = &s->tokens[i + 1];
    if (n->kind == DG_KIND_WORD && dg_gl_is_upper_initial(n->form)) return false;
  }
  /* after a comparison particle (compar-particle: "als unannehmbar") */
  if (i > 0 && dg_gl_is(&c->w[i - 1], DG_WC_COMPAR_PARTICLE)) return false;
  /* before an article or another adjective it modifies what follows, also
   * with a copula ("ist wirklich eine … Lokalität" = really) */
  if (i + 1 < s->ntokens && (dg_gl_pos_is(&s->tokens[i + 1], DG_UD_DET) || dg_gl_pos_is(&s->tokens[i + 1], DG_UD_ADJ)))
    return true;
  /* (a capitalised first word: only before the finite verb) */
  if (capital && !(i + 1 < s->ntokens &&
                   (dg_gl_pos_is(&s->tokens[i + 1], DG_UD_VERB) || dg_gl_pos_is(&s->tokens[i + 1], DG_UD_AUX)) &&
                   dg_gl_tok_feat(&c->w[i + 1], s->tokens[i + 1].feats, DG_GL_F_FIN)))
    return false;
  /* A copula (word class copula: sein, bleiben, wirken ...) or a verb with
   * an object predicative (obj-predicative: macht … sicher, findet … gut),
   * unless (with a copula) another adjective or a participle after the word
 * is the predicate. */
  size_t cs = dg_gl_cstart(c, i), ce = dg_gl_cend(c, i);
  for (size_t j = cs; j < ce; j++) {
    if (j == i) continue;
    const char *l = s->tokens[j].lemma;
    /* (werden as future or passive auxiliary is no copula; but an
     * adjective spelt like a past participle is the predicate that made
     * werden read as passive: "bekannt wurde" = became known, not
     * "conversantly"; S_past_participle_spelt) */
    if (dg_gl_is_werden(l) && !dg_gl_eq(s->tokens[j].gloss, "become") &&
        !(dg_gl_eq(s->tokens[j].gloss, "be") && S_past_participle_spelt(&c->w[i])))
      continue;
    /* (halten only in "für … halten": besetzt hält = holds occupied; a rule
     * about this one verb and its preposition) */
    if (dg_gl_eq(l, "halten") && !dg_gl_clause_has(c, i, "für")) continue;
    if (dg_lexicon_is(c->lex, l, DG_WC_COPULA | DG_WC_OBJ_PREDICATIVE)) {
      if (!dg_lexicon_is(c->lex, l, DG_WC_COPULA)) return false;
      /* (before a number it modifies the number, also with a copula:
       * "waren ungefähr 50" = about) */
      if (i + 1 < s->ntokens && (s->tokens[i + 1].kind == DG_KIND_NUMBER || dg_gl_pos_is(&s->tokens[i + 1], DG_UD_NUM)))
        return *number = true;
      return S_later_predicate(c, i, ce);
    }
  }
  return true;
}

/* Does the gloss begin with a modal ("would like", "can", "must be")?
 * (Its first word is one: the gloss begins with the modal, followed by a
 * space or its end; each modal is tested in place, no call.) */
static bool S_modal(const char *gloss) {
  static const char *const modal[] = {"will", "can", "must", "may", "shall", "should", "would", "might", "could"};
  /* (the letters they begin with, which most glosses do not) */
  if (gloss[0] != 'w' && gloss[0] != 'c' && gloss[0] != 'm' && gloss[0] != 's') return false;
  for (size_t k = 0; k < DG_ARRAY_LEN(modal); k++) {
    const char *m = modal[k];
    size_t n = 0;
    while (m[n] && gloss[n] == m[n]) n++;
    if (!m[n] && (gloss[n] == ' ' || gloss[n] == '\0')) return true;
  }
  return false;
}

/* Is token t the past of a German modal (word class modal: können,
 * müssen, dürfen ...) whose English modal has a past in the lexicon's
 * irregular verbs ("can" could, "must" had to; "should", sollte's, has
 * none and stays)?  (Out of line: asked only of a modal gloss in the
 * past.) */
static __attribute__((noinline)) bool S_modal_past(const dg_lexicon *lex, const dg_dtoken *t) {
  if (!t->lemma || !dg_lexicon_is(lex, t->lemma, DG_WC_MODAL) || strchr(t->gloss, ' ')) return false;
  const char *past = NULL, *part = NULL;
  return dg_lexicon_english_irregular(lex, t->gloss, &past, &part) && past;
}

/* The plain English of a German modal's subjunctive II, glossed by its
 * citation form (word class modal; könnte = can.SBJV2, müsste =
 * must.SBJV2, dürfte = may.SBJV2, möchte = like.SBJV2): English says the
 * conditional with its modal's old past (can: could, may: might, shall:
 * should, will: would), "must" with "would have to", another verb with
 * "would" before it (like: would like).  NULL when token t is no such
 * form, or its gloss already says the conditional (sollte: should). */
static __attribute__((noinline, cold)) const char *S_modal_conditional(const dg_lexicon *lex, const dg_dtoken *t,
                                                                       dg_buf *b) {
  static const char *const past[][2] = {{"can", "could"}, {"may", "might"}, {"shall", "should"},
                                        {"will", "would"}, {"must", "would have to"}};
  static const char *const already[] = {"could", "might", "should", "would"};
  if (!t->lemma || !dg_lexicon_is(lex, t->lemma, DG_WC_MODAL) || strchr(t->gloss, ' ')) return NULL;
  for (size_t k = 0; k < DG_ARRAY_LEN(already); k++)
    if (dg_gl_eq(t->gloss, already[k])) return NULL;
  for (size_t k = 0; k < DG_ARRAY_LEN(past); k++)
    if (dg_gl_eq(t->gloss, past[k][0])) return past[k][1];
  dg_buf_puts(b, "would ");
  dg_buf_puts(b, t->gloss);
  return b->data;
}

/* The English forms of english.c that look words up (past tense,
 * participle) or search tables (plural), and the 3rd person singular
 * (made in a buffer allocated and freed each time), are a function of the
 * gloss and the lexicon: each is made once per gloss and kept in the
 * engine's memo (kind 'E', the key the form's letter and the gloss; the
 * value the key again, then the form).  The word's memo entry links the first one made
 * of its glosses (DG_GL_LINK_ENGLISH): a repeat of the word with that
 * gloss, most of them, reaches it with no key made and no look-up (the
 * key read back from the value tells it is the same).  Returns the form:
 * the memo's (b left empty), or one made in b, b->data (a gloss too long
 * for a key has its form made each time; so has any once the memo is
 * full). */
typedef enum { S_NO_FORM = 0, S_PAST = 'p', S_PARTICIPLE = 'a', S_PLURAL = 's', S_3SG = 't' } S_form;

static const char *S_make_form(const dg_lexicon *lex, dg_buf *b, S_form form, const char *gloss) {
  if (form == S_PAST) dg_english_past_lex(lex, b, gloss);
  else if (form == S_PARTICIPLE) dg_english_participle_lex(lex, b, gloss);
  else if (form == S_3SG) dg_english_3sg(b, gloss);
  else dg_english_plural(b, gloss);
  return b->data ? b->data : "";
}

/* The form in value v of the memo (its key, then the form) when its key is
 * form and gloss; NULL for another key. */
static inline const char *S_form_of(const char *v, S_form form, const char *gloss) {
  if (v[0] != (char)form) return NULL;
  size_t k = 0;
  while (gloss[k] && gloss[k] == v[1 + k]) k++;
  return !gloss[k] && !v[1 + k] ? v + k + 2 : NULL;
}

/* (S_english for a form its word's link does not hold: looked up in the
 * memo, or made and kept there, and linked; out of line, as a repeated
 * word's form is linked) */
static __attribute__((noinline)) const char *S_english_kept(dg_engine *e, const dg_gl_word *w, dg_buf *b, S_form form,
                                                            const char *gloss, const char *l) {
  char key[128];
  size_t n = strlen(gloss);
  if (n + 2 > sizeof key) return S_make_form(e->lex, b, form, gloss);
  key[0] = (char)form;
  memcpy(key + 1, gloss, n + 1);
  dg_gl_memo_asked q;
  const char *m = dg_gl_memo_ask_n(e, 'E', key, n + 1, &q);
  if (!m) {
    const char *made = S_make_form(e->lex, b, form, gloss);
    /* (the value: the key, then the form) */
    dg_buf v;
    dg_buf_init(&v);
    dg_buf_put(&v, key, n + 2);
    dg_buf_put(&v, made, strlen(made) + 1);
    m = dg_gl_memo_keep_asked(e, &q, v.data, v.len, 0, NULL);
    dg_buf_free(&v);
    if (!m) return made; /* (the memo is full) */
    dg_buf_clear(b);     /* (the form returned is the memo's: b holds none) */
  }
  /* (linked once: a word glossed otherwise too keeps its first) */
  if (!l) dg_gl_memo_set_link(w, DG_GL_LINK_ENGLISH, m);
  return m + n + 2;
}
static inline const char *S_english(dg_engine *e, const dg_gl_word *w, dg_buf *b, S_form form, const char *gloss) {
  const char *l = dg_gl_memo_link(w, DG_GL_LINK_ENGLISH), *r;
  if (l && (r = S_form_of(l, form, gloss))) return r;
  return S_english_kept(e, w, b, form, gloss, l);
}

/* May the word take a plain form at all?  Most words may not: they are
 * told here, in line, before S_plain sets up its frame. */
static inline bool S_takes_form(const dg_dtoken *t, dg_gl_word *w, const unsigned *lbits) {
  if (t->kind == DG_KIND_NAME) return true;
  /* (only names, verbs, adjectives, adverbs and nouns take a form: asked
   * first, as the other words' glosses and sources need not be read) */
  if (!dg_gl_pos_is(t, DG_UD_VERB) && !dg_gl_pos_is(t, DG_UD_AUX) && !dg_gl_pos_is(t, DG_UD_ADJ) &&
      !dg_gl_pos_is(t, DG_UD_ADV) && !dg_gl_pos_is(t, DG_UD_NOUN))
    return false;
  /* (a singular noun, an adverb not compared, an adjective neither
   * compared nor used as an adverb take no form: told before the gloss
   * and the source, which lie far off in memory, are read; a name may
   * take the genitive) */
  bool adj = dg_gl_pos_is(t, DG_UD_ADJ);
  if ((adj || dg_gl_pos_is(t, DG_UD_ADV)) && !(adj && w->adverbial) &&
      !dg_gl_tok_feat(w, t->feats, DG_GL_F_CMP | DG_GL_F_SUP))
    return false;
  return !dg_gl_pos_is(t, DG_UD_NOUN) || dg_gl_plural_noun(t, w, lbits);
}

/* The rare forms of S_plain, each made in b out of line (cold), so that
 * the common ones (a verb's form or a noun's plural the word's link holds)
 * take few cache lines of code: */
/* "Russlands" -> Russia's */
static __attribute__((noinline, cold)) void S_genitive(dg_buf *b, const char *gloss) {
  dg_buf_puts(b, gloss);
  dg_buf_puts(b, gloss[0] && gloss[strlen(gloss) - 1] == 's' ? "'" : "'s");
}
/* "es gibt" = there is, "es gab" = there was */
static __attribute__((noinline, cold)) void S_there_is(dg_buf *b, const dg_dtoken *t, dg_gl_word *w, unsigned lb) {
  bool past = (lb & DG_GL_L_PST) || dg_gl_tok_feat(w, t->feats, DG_GL_F_PAST);
  dg_buf_puts(b, past ? "there was" : "there is");
  dg_buf_puts(b, t->gloss + 8);
}
/* Reported speech: subjunctive I says that someone else said it ("die
 * Lage sei ernst" = the situation is, so they say).  Plain English has
 * no such form, so the plain gloss keeps a marker an analyst can see
 * (after the form out, the memo's or b's, or the gloss). */
static __attribute__((noinline, cold)) void S_reportedly(dg_buf *b, const char *out, const char *gloss) {
  if (out && out != b->data) dg_buf_puts(b, out);
  if (!b->len) dg_buf_puts(b, gloss);
  dg_buf_puts(b, " (reportedly)");
}
/* "vorsichtiger" -> more careful, "größte" -> biggest; not when the
 * gloss already is a comparative ("more", "less", "further"). */
static __attribute__((noinline, cold)) void S_degree(dg_buf *b, const dg_dtoken *t, dg_gl_word *w) {
  static const char *const already[] = {"more", "most", "less", "least", "fewer", "better", "best",
                                        "worse", "worst", "further", "rather", "sooner"};
  bool cmp = false; /* (each told by its first letter before the comparison) */
  for (size_t k = 0; k < DG_ARRAY_LEN(already) && !cmp; k++)
    cmp = t->gloss[0] == already[k][0] && strncmp(t->gloss, already[k], strlen(already[k])) == 0;
  if (!cmp) dg_english_degree(b, t->gloss, dg_gl_tok_feat(w, t->feats, DG_GL_F_SUP));
}

/* "war" = was, "waren" = were (the past of "be", which the memo does not
 * keep: two words, strings of the program's) */
static __attribute__((noinline)) const char *S_was(unsigned lb, const char *lab) {
  return (lb & DG_GL_L_PL) || strstr(lab, "PL") ? "were" : "was";
}
/* An adjective used as an adverb that is not chiefly an adverb
 * (S_adverb_sense): the dictionary's adverb sense (the word's copy in the
 * document's arena, returned as it is), or the gloss made an adverb in b
 * ("vertritt aktuell" = currently; NULL returned). */
static __attribute__((noinline)) const char *S_as_adverb(dg_buf *b, const dg_gl_word *w, const char *gloss) {
  if (w->adverb) return w->adverb;
  dg_english_adverb(b, gloss);
  return NULL;
}

/* Plain English: "clarified", "negotiations" (of a word S_takes_form lets
 * through). */
static __attribute__((noinline)) void S_plain(dg_engine *e, dg_doc *d, dg_dtoken *t, dg_gl_word *w,
                                              const unsigned *lbits) {
  const char *lab = w->leipzig;
  bool plural = dg_gl_plural_noun(t, w, lbits);
  /* A German fallback (the word or its lemma repeated) is not English:
   * never add English endings to it ("bedürfen", not "bedürfened"). */
  /* (a dictionary gloss spelt like the German form is English: "stand"
   * of stehen; the sources told by their first letter first) */
  bool german = dg_gl_eq(t->source, "unknown") || (t->flags & DG_DF_GUESS) ||
                ((dg_gl_eq(t->gloss, t->lemma) || dg_gl_eq(t->gloss, t->form)) &&
                 !(t->source && t->source[0] == 'd' &&
                   (strncmp(t->source, "ding:", 5) == 0 || strncmp(t->source, "dictionaries/", 13) == 0)));
  if (german && t->kind != DG_KIND_NAME) return;
  /* (the labels asked about below, read once: lb & DG_GL_L_PST is
   * dg_gl_has_label(lab, "PST"); only names and verbs ask; a repeated
   * word's the labels pass kept) */
  bool verb = dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_pos_is(t, DG_UD_AUX);
  unsigned lb = t->kind == DG_KIND_NAME || verb ? (lbits ? *lbits : dg_gl_label_bits(lab)) : 0;
  /* (the form is made in b, or is one the memo holds: out) */
  dg_buf b;
  dg_buf_init(&b);
  const char *out = NULL;
  /* (the form the memo keeps, asked for once below: one call in line of
   * S_english for the four forms; reported speech marked after it) */
  S_form form = S_NO_FORM;
  bool reported = false;
  if (t->kind == DG_KIND_NAME && (lb & DG_GL_L_GEN)) {
    S_genitive(&b, t->gloss);
  } else if (verb && t->gloss[0] == 't' && strncmp(t->gloss, "there is", 8) == 0) {
    S_there_is(&b, t, w, lb);
  } else if (verb) {
    if ((lb & DG_GL_L_PST) && S_modal(t->gloss) && S_modal_past(e->lex, t)) {
      /* The past of a German modal is glossed by its citation form
       * (konnte = can.PST, musste = must.PST, durfte = may.PST): the plain
       * line says it in the past, as english-irregular.tsv gives the
       * English modal's past (could, had to, was allowed). */
      form = S_PAST;
    } else if (w->closed >= 0 && (w->closed_labels & DG_LB_SBJV2) && (out = S_modal_conditional(e->lex, t, &b))) {
      /* könnte = can.SBJV2: could (S_modal_conditional) */
    } else if ((w->extra && dg_gl_eq(w->extra, "FUT")) || S_modal(t->gloss)) {
      /* "will", "must" stay: a gloss whose first word is a modal is never
       * inflected */
    } else if ((lb & DG_GL_L_PTCP) || dg_gl_tok_feat(w, t->feats, DG_GL_F_PART)) {
      form = S_PARTICIPLE;
    } else if ((lb & DG_GL_L_PST) || dg_gl_tok_feat(w, t->feats, DG_GL_F_PAST)) {
      if (dg_gl_eq(t->gloss, "be")) out = S_was(lb, lab);
      else form = S_PAST;
    } else if ((lb & DG_GL_L_3SG) &&
               ((lb & (DG_GL_L_PRS | DG_GL_L_SBJV1)) || dg_gl_tok_feat(w, t->feats, DG_GL_F_PRES))) {
      form = S_3SG;
    }
    /* (reported speech: S_reportedly) */
    reported = (lb & DG_GL_L_SBJV1) && !(lb & DG_GL_L_PTCP);
  } else if (dg_gl_pos_is(t, DG_UD_ADJ) && w->adverbial) {
    out = S_as_adverb(&b, w, t->gloss);
  } else if ((dg_gl_pos_is(t, DG_UD_ADJ) || dg_gl_pos_is(t, DG_UD_ADV)) &&
             dg_gl_tok_feat(w, t->feats, DG_GL_F_CMP | DG_GL_F_SUP) &&
             !dg_gl_eq(t->lemma, t->form) && !dg_gl_eq(t->lemma, w->lower)) {
    S_degree(&b, t, w);
  } else if (plural &&
             !(t->mwe >= 0 && (t->mwe_head || strchr(t->gloss, ' ')))) {
    /* (an expression's gloss carried by a plural noun is not a noun:
     * "zu Gunsten" = in favour of, not "in favour ofs") */
    form = S_PLURAL;
  }
  if (form != S_NO_FORM) out = S_english(e, w, &b, form, t->gloss);
  if (reported) {
    S_reportedly(&b, out, t->gloss);
    out = NULL;
  }
  /* (a form the memo keeps, a string of the program's or of the
   * document's arena lives as long as the document (which holds the
   * memo: doc.h dg_doc_keep_memo) and is pointed at, as the labels are;
   * one made in b is copied) */
  if (b.data && (!out || out == b.data)) out = dg_mem_strdup(&d->arena, b.data);
  if (out && *out) t->plain = out;
  if (b.data) dg_buf_free(&b); /* (most words make no form: no call) */
}

/* The dictionary's adverb sense of an adjective's lemma or a participle's
 * form, or NULL, its source (*source), and whether the word is chiefly
 * that adverb (*chief): the dictionary ranks an adverb first among all its
 * senses ("wirklich" really, "eigentlich" really), or the adverb sense is
 * one of the curated files' (preferred.tsv: "gerade" just, "natürlich" of
 * course, "häufig" often).  An adjective whose first adverb sense is
 * Ding's only, ranked below the adjective, is not: "bekannt" conversantly,
 * "regelmäßig" would, "dringend" badly.  Asked once per word (the memo's
 * kind 'E' too, letter 'v'; the value the gloss, the source and the
 * answer, strings of the lexicon, which live as long as the session). */
static __attribute__((noinline)) const char *S_adverb_sense(dg_engine *e, const char *lemma, const char **source,
                                                            bool *chief) {
  char key[128];
  size_t n = strlen(lemma);
  bool keyed = n + 2 <= sizeof key;
  dg_gl_memo_asked q;
  if (keyed) {
    key[0] = 'v';
    memcpy(key + 1, lemma, n + 1);
    const char *const *m = dg_gl_memo_ask_n(e, 'E', key, n + 1, &q);
    if (m) {
      *source = m[1];
      *chief = m[2] != NULL;
      return m[0];
    }
  }
  dg_sense av[1], top[1];
  bool is_adv = dg_lexicon_senses(e->lex, lemma, "ADV", av, 1) && dg_gl_eq(av[0].pos, "ADV");
  const char *src = is_adv ? av[0].source : NULL;
  bool curated = src && strncmp(src, "dictionaries/", 13) == 0;
  bool first = is_adv && !curated && dg_lexicon_senses(e->lex, lemma, NULL, top, 1) && dg_gl_eq(top[0].pos, "ADV");
  /* (the answer a pointer: NULL no, the lemma's own key yes) */
  const char *v[3] = {is_adv ? av[0].gloss : NULL, src, is_adv && (curated || first) ? "" : NULL};
  if (keyed) dg_gl_memo_keep_asked(e, &q, v, sizeof v, 0, NULL);
  *source = v[1];
  *chief = v[2] != NULL;
  return v[0];
}

/* A word used as an adverb that the dictionary lists chiefly as an adverb
 * spelt the same (S_adverb_sense) is that adverb, in the gloss line too: "gerade verkündet" =
 * just proclaimed (not "even"), "Natürlich ist ..." = of course, "ungefähr
 * 50" = about, "wirklich gut" = really good, "häufig" = often,
 * "Anschließend wurden ..." = afterwards (not connect-PTCP.PRS).  Its
 * lemma is the adverb (the participle's form), with no features or
 * labels. */
static __attribute__((noinline)) void S_take_adverb(dg_doc *d, dg_dtoken *t, const dg_gl_word *w, bool participle,
                                                    const char *adv, const char *source) {
  if (participle) t->lemma = dg_mem_strdup(&d->arena, w->lower);
  dg_gl_set_pos(t, "ADV");
  t->feats = "";
  t->labels = "";
  t->seg = NULL;
  dg_gl_promote(d, t, adv);
  t->source = source ? dg_doc_str(d, source) : "lexicon";
}

/* The plain form of word i (a name, a verb, an adjective, an adverb or a
 * noun: DG_GL_PLAIN_POS, told by the caller): first whether an adjective
 * or a present participle is used as an adverb (and is the dictionary's
 * adverb spelt so), then the English form. */
void dg_gl_plain(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, const unsigned *lbits) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  /* (most words are no adjective and no present participle: told before
   * the call) */
  bool participle = dg_gl_pos_is(t, DG_UD_VERB) &&
                    (dg_gl_tok_feat_bits(w, t->feats) & (DG_GL_F_PART | DG_GL_F_PRES)) == (DG_GL_F_PART | DG_GL_F_PRES);
  bool number = false;
  w->adverbial = (dg_gl_pos_is(t, DG_UD_ADJ) || participle) && S_adverbial(c, i, participle, &number);
  if (w->adverbial) {
    /* the dictionary's own adverb sense ("hauptsächlich" = mainly): the
     * word's gloss when the word is chiefly that adverb, else its plain
     * form only (an adjective's: a participle keeps its verb's) */
    const char *source = NULL;
    bool chief = false;
    const char *adv = S_adverb_sense(e, participle ? w->lower : t->lemma, &source, &chief);
    /* (a word alone between quotation marks is quoted as said: "seine
     * Klage sei „frivol“") */
    chief = chief && !(i > 0 && i + 1 < c->s->ntokens && dg_gl_is_punct(&c->s->tokens[i - 1]) &&
                       dg_gl_is_punct(&c->s->tokens[i + 1]));
    if (adv && chief) S_take_adverb(d, t, w, participle, adv, source);
    else if (adv && !participle && !number) w->adverb = dg_mem_strdup(&d->arena, adv);
    /* (before a number with a copula only the dictionary's chief adverb is
     * taken: the plain form of another adjective stays as it was) */
    w->adverbial = !participle && !number && !(adv && chief);
  }
  if (S_takes_form(t, w, lbits)) S_plain(e, d, t, w, lbits);
}
