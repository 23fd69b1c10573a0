/* The look-up pass: every word's closed-class readings (lexicon) and
 * morphological analyses, its lower-case form, whether it starts a sentence
 * (or a quotation or a clause after a colon), suspended parts completed
 * ("Ein-" und Ausfuhr: Einfuhr), readings the morphology misses added from
 * the dictionary (capitalised nouns, adverbs), and the conjunctions that
 * join clauses marked.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph_text.h"
#include "memo.h"
#include "word.h"

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
  for (size_t k = 0; k < w->nan; k++) {
    const dg_analysis *a = &w->an[k];
    /* verb forms, and adjectives only inflected ("lange" of lang) */
    bool ok = dg_gl_eq(a->pos, "VERB") || dg_gl_eq(a->pos, "AUX") ||
              dg_gl_eq(a->pos, "NOUN") || /* lower case: no noun */
              (dg_gl_eq(a->pos, "ADJ") && strcmp(a->lemma, w->lower) != 0);
    if (!ok) return;
    if (a->score > top) top = a->score;
  }
  dg_sense sv[1];
  if (!dg_lexicon_senses(e->lex, t->form, "ADV", sv, 1) || !dg_gl_eq(sv[0].pos, "ADV")) return;
  /* (the features read only of a word the lexicon has as an adverb) */
  bool third_ind = false; /* a reading as an ordinary 3rd-person indicative */
  for (size_t k = 0; k < w->nan; k++)
    if (dg_gl_feat(w->an[k].feats, "Mood=Ind") && dg_gl_feat(w->an[k].feats, "Person=3")) third_ind = true;
  if (w->nan >= DG_GL_MAX_AN) w->nan = DG_GL_MAX_AN - 1;
  /* "möglichst lange" = long: the verb readings (1SG, subjunctive) need a
   * context the adverb does not. */
  w->an[w->nan++] = (dg_analysis){t->form, "ADV", "", "", NULL, third_ind ? top - 0.5f : top + 0.2f};
}

/* Could an all-capital word be a noun (a capitalised reading in the
 * tables)? */
static bool S_caps_noun(dg_engine *e, const char *form) {
  char *low = dg_gl_lower(form);
  dg_buf cap;
  dg_buf_init(&cap);
  dg_utf8_capitalize(&cap, low, strlen(low));
  free(low);
  dg_analysis an[4];
  size_t na = dg_morph_analyze_sure(e->morph, cap.data, false, an, 4);
  bool noun = false;
  for (size_t k = 0; k < na && k < 4; k++)
    noun |= an[k].score >= 8.0f && (dg_gl_eq(an[k].pos, "NOUN") || dg_gl_eq(an[k].pos, "PROPN"));
  dg_buf_free(&cap);
  return noun;
}

/* A capitalised word opening a sentence is read in lower case too, and
 * those readings may fill every place the look-up keeps (Polen: the verb
 * polen, five times): the noun or name spelt as the word is written takes
 * the last place from all the morphology gave (the lowest score: the
 * order holds), so that the country is still there to be chosen ("Polen
 * und Ungarn stimmten dagegen": Poland, not polarize). */
static bool S_own_noun(const dg_analysis *a, const char *form) {
  return a->pos && a->lemma && (dg_gl_eq(a->pos, "NOUN") || dg_gl_eq(a->pos, "PROPN")) && !strcmp(a->lemma, form);
}
static void S_keep_own_noun(const char *form, dg_gl_word *w, const dg_analysis *all, size_t n) {
  for (size_t k = 0; k < w->nan; k++)
    if (S_own_noun(&w->an[k], form)) return;
  for (size_t k = w->nan; k < n; k++)
    if (S_own_noun(&all[k], form)) {
      w->an[w->nan - 1] = all[k];
      return;
    }
}

/* Are the word's analyses only the morphology's guesses for a word no
 * table knows (a name or an adverb of the fallback, no compound)? */
static bool S_guesses_only(const dg_gl_word *w) {
  for (size_t k = 0; k < w->nan; k++)
    if (w->an[k].score >= 6.5f) return false;
  return true;
}

/* Does the dictionary list the all-capital word as written (NATO, USA)? */
static bool S_acronym(dg_engine *e, const char *form) {
  dg_sense sv[8];
  size_t n = dg_lexicon_senses(e->lex, form, NULL, sv, 8);
  for (size_t k = 0; k < n && k < 8; k++)
    if (sv[k].lemma && strcmp(sv[k].lemma, form) == 0) return true;
  dg_analysis an[2];
  size_t na = dg_morph_analyze(e->morph, form, false, NULL, an, 2);
  for (size_t k = 0; k < na && k < 2; k++)
    if (strcmp(an[k].lemma, form) == 0 && an[k].score >= 6.5f) return true;
  return false;
}

/* Gender-fair spellings with a star, colon, underscore or slash before the
 * feminine ending (Lehrer*innen, Bürger:innen, Schüler_innen, Kolleg/in):
 * the form before the mark (Lehrer, the plural of the pair "Lehrerinnen und
 * Lehrer"), or the feminine form written without it, when the tables know
 * it; a new string or NULL. */
static char *S_gender_fair(dg_engine *e, const char *f) {
  size_t n = strlen(f);
  static const char *const ends[] = {"innen", "in", NULL};
  for (size_t k = 0; ends[k]; k++) {
    size_t el = strlen(ends[k]);
    if (n < el + 3 || strcmp(f + n - el, ends[k]) != 0) continue;
    char sep = f[n - el - 1];
    if (sep != '*' && sep != ':' && sep != '_' && sep != '/') continue;
    /* the masculine form that the pair Lehrerinnen und Lehrer stands for
     * is glossed (teacher.PL, not the feminine "schoolgirl" of
     * Schülerinnen), else the feminine one */
    char *r = dg_xstrndup(f, n - el - 1);
    if (dg_morph_is_known(e->morph, r)) return r;
    free(r);
    r = dg_xstrdup(f);
    memmove(r + n - el - 1, r + n - el, el + 1);
    if (dg_morph_is_known(e->morph, r)) return r;
    free(r);
  }
  return NULL;
}

/* Is word n (token nt) a name: its first reading of the morphology (read
 * inside a sentence) or a sense the dictionary gives it is a proper noun?
 * A function of the form alone: a word with a memo entry for that form
 * links the answer (one of two constants) from it, and a repeat reads it
 * there. */
static bool S_name_word(dg_engine *e, const dg_dtoken *nt, const dg_gl_word *n) {
  static const bool yes = true, no = false;
  bool linkable = n->memo && n->memo_form == nt->form;
  const bool *v = linkable ? dg_gl_memo_link(n, DG_GL_LINK_NAME) : NULL;
  if (v) return *v;
  dg_analysis an[1];
  bool name = dg_morph_analyze(e->morph, nt->form, false, NULL, an, 1) && dg_gl_eq(an[0].pos, "PROPN");
  dg_sense sv[1];
  if (!name)
    name = dg_lexicon_senses(e->lex, nt->form, "PROPN", sv, 1) && sv[0].pos && dg_gl_eq(sv[0].pos, "PROPN");
  if (linkable) dg_gl_memo_set_link(n, DG_GL_LINK_NAME, name ? &yes : &no);
  return name;
}

/* Is a capitalised word next to a name (Robert Mueller: a name in an
 * English spelling, not Müller "miller")? */
bool dg_gl_beside_name(dg_engine *e, const dg_gl_ctx *c, size_t i) {
  if (!dg_gl_is_upper_initial(c->s->tokens[i].form)) return false;
  for (int dir = -1; dir <= 1; dir += 2) {
    if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= c->s->ntokens)) continue;
    size_t j = dir < 0 ? i - 1 : i + 1;
    const dg_dtoken *n = &c->s->tokens[j];
    if (n->kind != DG_KIND_WORD && n->kind != DG_KIND_NAME) continue;
    if (!dg_gl_is_upper_initial(n->form)) continue;
    if (S_name_word(e, n, &c->w[j])) return true;
  }
  return false;
}

/* (below: the lower-case form in the document's arena) */
static const char *S_lower(dg_doc *d, const char *form);

/* A spelling the dictionary does not use is glossed in its standard form,
 * the form as written kept (put back with the suspended parts):
 * - an all-capital word of three letters or more that the dictionary does
 *   not list as written (headlines: BESTIMMTEN REGELN): in German a noun
 *   phrase ends in its noun, so the word is read capitalised (a noun) when
 *   no all-capital word that can be a noun follows and it does not follow
 *   such a noun as a verb, else in small letters;
 * - gender-fair forms (Lehrer*innen, Bürger:innen: Lehrerinnen);
 * - umlauts as two letters, Swiss ss, old double consonants (Koeln, fuer,
 *   Grüsse, Schiffahrt: dg_morph_spelling_variant, patterns as data). */
static void S_standard_spelling(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dtoken *t = &c->s->tokens[i];
  dg_gl_word *w = &c->w[i];
  if (t->kind != DG_KIND_WORD || w->written) return;
  /* (in capitals or with a gender mark: the form scanned once for both
   * questions below) */
  bool marked = dg_gl_all_upper(t->form) || strpbrk(t->form, "*:_/");
  /* (after the analysis only the variants: all capitals and gender marks
   * were looked at before) */
  if (w->nan && marked) return;
  /* (most words: nothing to do.  A word neither in capitals nor with a
   * gender mark takes a variant only when all its analyses are guesses;
   * before the analysis, or with none, nothing below applies to it) */
  if (!marked && (w->nan == 0 || !S_guesses_only(w))) return;
  const char *std = NULL;
  char *tmp = NULL;
  if (dg_gl_all_upper(t->form) && dg_utf8_length(t->form, strlen(t->form)) >= 3 && !S_acronym(e, t->form) &&
      !strchr(t->form, '-')) {
    bool noun = S_caps_noun(e, t->form);
    const dg_dtoken *n = i + 1 < c->s->ntokens ? &c->s->tokens[i + 1] : NULL;
    bool noun_follows = n && n->kind == DG_KIND_WORD && dg_gl_all_upper(n->form) &&
                        dg_utf8_length(n->form, strlen(n->form)) >= 3 && S_caps_noun(e, n->form);
    /* ... and after such a noun, a word that is also a verb is the verb
     * (REGELN GELTEN: rules apply); before a noun, only a word that is
     * also an adjective is read in small letters (BESTIMMTEN REGELN). */
    bool after_noun = i > 0 && c->w[i - 1].variant && dg_gl_is_upper_initial(c->s->tokens[i - 1].form) &&
                      !dg_gl_all_upper(c->s->tokens[i - 1].form);
    tmp = dg_gl_lower(t->form);
    bool low_verb = false, low_adj = false;
    if (dg_morph_is_known(e->morph, tmp)) {
      dg_analysis an[6];
      size_t na = dg_morph_analyze(e->morph, tmp, false, NULL, an, 6);
      for (size_t k = 0; k < na && k < 6; k++) {
        low_verb |= dg_gl_eq(an[k].pos, "VERB") || dg_gl_eq(an[k].pos, "AUX");
        low_adj |= an[k].score >= 8.0f && (dg_gl_eq(an[k].pos, "ADJ") || dg_gl_eq(an[k].pos, "DET"));
      }
    }
    if (after_noun && low_verb) noun = false;
    /* a closed-class word in small letters (HAST: hast, not Hast "hurry") */
    dg_sense cl[1];
    if (dg_lexicon_closed(e->lex, tmp, cl, 1)) noun = false;
    if (noun_follows && !low_adj) noun_follows = false;
    if (noun && !noun_follows) {
      dg_buf cap;
      dg_buf_init(&cap);
      dg_utf8_capitalize(&cap, tmp, strlen(tmp));
      free(tmp);
      tmp = dg_xstrdup(cap.data);
      dg_buf_free(&cap);
    }
    if (dg_morph_is_known(e->morph, tmp)) std = tmp;
  } else if ((tmp = S_gender_fair(e, t->form)) != NULL) {
    std = tmp;
  } else if (w->nan && S_guesses_only(w)) {
    /* (not beside a name; the variant asked first: most guessed words have
     * none, and their neighbours need not be looked at) */
    std = dg_gl_spelling_variant(e, t->form);
    if (std && dg_gl_beside_name(e, c, i)) std = NULL;
    /* A capitalised variant that is both a word and a name (Müller: miller
     * and a surname) is more likely a name spelt the English way
     * (Mueller); one that is only a name (Köln) or only a word (Grüße)
     * is taken. */
    if (std && dg_gl_is_upper_initial(t->form)) {
      dg_analysis an[8];
      size_t na = dg_morph_analyze(e->morph, std, false, NULL, an, 8);
      bool name = false, word = false;
      for (size_t k = 0; k < na && k < 8; k++) {
        if (an[k].score < 6.5f) continue;
        if (dg_gl_eq(an[k].pos, "PROPN")) name = true;
        else word = true;
      }
      if (name && word) std = NULL;
      /* ... and a singular common noun with no article, preposition or
       * adjective before it is more likely a surname spelt the English way
       * (Mueller, Muellers: not Müller "miller"; die Uebersetzung is
       * Übersetzung, Gruesse a plural) */
      if (std && !name && na && dg_gl_eq(an[0].pos, "NOUN") && dg_gl_feat(an[0].feats, "Number=Sing")) {
        bool det = i > 0 && c->w[i - 1].ncl > 0;
        if (i > 0 && !det && c->w[i - 1].nan && dg_gl_eq(c->w[i - 1].an[0].pos, "ADJ")) det = true;
        if (!det) std = NULL;
      }
    }
  }
  if (std && strcmp(std, t->form) != 0) {
    w->written = t->form;
    w->shown = NULL;
    w->variant = true;
    t->form = dg_mem_strdup(&d->arena, std);
    w->lower = S_lower(d, t->form);
  }
  free(tmp);
}

/* An English verb with German participle or zu-infinitive morphology
 * (geliket, upgedatet, gestreamt, downzuloaden) that the morphology reads
 * only as a guess: the German loan verb (liken, updaten ...) whose gloss is
 * the English verb (dictionaries/loanwords.tsv). */
static void S_loan_verb(dg_engine *e, const dg_dtoken *t, dg_gl_word *w) {
  if (t->kind != DG_KIND_WORD || w->ncl) return;
  for (size_t k = 0; k < w->nan; k++)
    if (w->an[k].score >= 6.5f) return; /* a reading of the tables */
  bool zu = false;
  if (dg_gl_is_upper_initial(t->form) && !w->initial) return; /* Gegard is a name */
  const char *inf = dg_gl_loan_verb(e, w->lower, &zu);
  if (!inf) return;
  size_t n = w->nan < DG_GL_MAX_AN ? w->nan : DG_GL_MAX_AN - 1;
  memmove(&w->an[1], &w->an[0], n * sizeof w->an[0]);
  w->an[0] = (dg_analysis){inf, "VERB", "VerbForm=" "Part", "PTCP", NULL, 9.0f};
  if (zu) w->an[0] = (dg_analysis){inf, "VERB", "VerbForm=Inf", "zu-INF", NULL, 9.0f};
  w->nan = n + 1;
}

/* Could S_standard_spelling give the word only guessed at (its analyses
 * just made) a spelling variant, depending on its neighbours?  Not a name
 * token, nor a word with closed-class readings (not asked), nor one with
 * no variant other than itself: for those the context changes nothing. */
static bool S_may_take_variant(dg_engine *e, const dg_dtoken *t, const dg_gl_word *w) {
  if (t->kind != DG_KIND_WORD || w->ncl) return false;
  const char *v = dg_gl_spelling_variant(e, t->form);
  return v && strcmp(v, t->form) != 0;
}

/* Is the form its own lower case, as far as its bytes tell at a glance
 * (dg_gl_lower would copy it unchanged): ASCII without capitals, ä ö ü ß
 * and the other small letters of Latin-1, the general punctuation (U+2000
 * to U+207F: „ “ – …, which has no capitals)?  False for anything else. */
static bool S_caseless(const char *form) {
  const unsigned char *p = (const unsigned char *)form;
  while (*p) {
    if (*p < 0x80) {
      if (*p >= 'A' && *p <= 'Z') return false;
      p++;
    } else if (p[0] == 0xC3 && (p[1] & 0xC0) == 0x80) {
      if (p[1] <= 0x9E && p[1] != 0x97) return false; /* À-Þ (not ×) */
      p += 2;
    } else if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && (p[2] & 0xC0) == 0x80) {
      p += 3;
    } else {
      return false;
    }
  }
  return true;
}

/* The lower-case form in the document's arena (no allocation of its own
 * per token): dg_gl_lower's result; the form itself when that is its own
 * lower case (punctuation, most numbers and small words). */
static const char *S_lower(dg_doc *d, const char *form) {
  if (S_caseless(form)) return form;
  size_t n = 0;
  while (form[n] && !(form[n] & 0x80)) n++;
  if (form[n]) {
    char *l = dg_gl_lower(form);
    char *r = dg_mem_strdup(&d->arena, l);
    free(l);
    return r;
  }
  char *r = dg_mem_alloc(&d->arena, n + 1);
  for (size_t k = 0; k <= n; k++) r[k] = (char)(form[k] >= 'A' && form[k] <= 'Z' ? form[k] - 'A' + 'a' : form[k]);
  return r;
}

/* Is the spelling of the form read in its context (S_standard_spelling:
 * an all-capital word by its neighbours, a gender mark)?  Then its look-up
 * is not kept in the memo. */
static bool S_spelling_in_context(const char *form) {
  return dg_gl_all_upper(form) || strpbrk(form, "*:_/") != NULL;
}

/* Is the word at i a capitalised form whose lower case is an adverb of a
 * day (word class day-adverb: morgen, gestern, heute), right after a preposition that is not
 * contracted with an article (ab, bis, seit, für; not am, zum), and not the
 * start of a span "von Morgen bis Abend"? */
static bool S_time_adverb_after_prep(dg_engine *e, dg_gl_ctx *c, size_t i, const dg_gl_memo_wkey *key) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *t = &s->tokens[i];
  /* (first what is quickly known: a word before it with closed-class
   * readings, among which the preposition must be) */
  if (i == 0 || s->tokens[i - 1].kind != DG_KIND_WORD || c->w[i - 1].ncl == 0) return false;
  if (!dg_gl_is_upper_initial(t->form) || dg_gl_all_upper(t->form)) return false;
  const dg_gl_word *p = &c->w[i - 1];
  if (!p->lower || dg_gl_eq(p->lower, "von")) return false;
  /* (each reading's part of speech and labels as the lexicon read them
   * once: lexicon.h DG_LB_*) */
  bool prep = false;
  for (size_t k = 0; k < p->ncl; k++) {
    if (DG_LB_POS(p->cl[k].bits) != DG_UD_ADP) continue;
    if (p->cl[k].bits & DG_LB_DEF) return false;
    prep = true;
  }
  if (!prep) return false;
  if (i + 1 < s->ntokens && dg_gl_eq(s->tokens[i + 1].form, "bis")) return false;
  if (strlen(t->form) > 24) return false;
  /* (the classes of the lower-case form: a repeated word's are in its
   * memo entry, whose key was made for the form as it stands inside the
   * sentence) */
  dg_word_class wc;
  if (key->form == t->form && !key->initial && dg_gl_memo_word_classes(e, key, &wc))
    return (wc & DG_WC_DAY_ADVERB) != 0;
  char *low = dg_gl_lower(t->form);
  bool day = dg_lexicon_is(e->lex, low, DG_WC_DAY_ADVERB);
  free(low);
  return day;
}

/* The DG_GL_P_* bit of a part of speech (gloss_internal.h), 0 for another. */
static unsigned S_pos_bits(const char *pos) {
  static const struct {
    const char *tag;
    unsigned bit;
  } tags[] = {{"NOUN", DG_GL_P_NOUN}, {"PROPN", DG_GL_P_PROPN}, {"ADJ", DG_GL_P_ADJ},
              {"VERB", DG_GL_P_VERB}, {"AUX", DG_GL_P_AUX},     {"ADP", DG_GL_P_ADP},
              {"ADV", DG_GL_P_ADV}};
  for (size_t k = 0; k < DG_ARRAY_LEN(tags); k++)
    if (dg_gl_eq(pos, tags[k].tag)) return tags[k].bit;
  return 0;
}

/* The readings of a word that has none (punctuation, numbers): read only. */
static dg_analysis S_no_an[DG_GL_MAX_AN];
static dg_sense S_no_cl[DG_GL_MAX_SENSES];
static unsigned S_no_fb[DG_GL_MAX_AN];

/* A word's state before its look-up: no readings, no reading chosen,
 * nothing known.  Every field is set here, one by one: the driver does not
 * clear the sentence's word array (a few stores a word instead of a
 * memset of it all), and a struct assignment of the whole would be
 * compiled as a string instruction per word.  (The assertion is there for
 * a field added to dg_gl_word: it needs its starting value here.)  In two
 * parts: the readings (S_word_no_readings), which a word found in the
 * memo takes from its entry (dg_gl_memo_word_get sets each of them), and
 * the rest, set of every word before the first is looked up (the rules
 * of a word's look-up read its neighbours' entries: S_name_word). */
_Static_assert(sizeof(dg_gl_word) == 216, "every field of dg_gl_word is set by S_word_start");
static void S_word_no_readings(dg_gl_word *w) {
  w->lower = NULL;
  w->wc = 0;
  w->an = S_no_an;
  w->nan = 0;
  w->fb = NULL; /* (set once the word's analyses are final: no rule of this pass reads it) */
  w->cl = S_no_cl;
  w->ncl = 0;
  w->alinks = NULL;
  w->fb_any = 0;
  w->pron_sig = 0;
}
static void S_word_start_rest(dg_gl_word *w) {
  w->closed = -1;
  w->closed_labels = 0;
  w->cstart = w->cend = 0;
  w->leipzig = "";
  w->memo = NULL;
  w->lemma_set = NULL;
  w->lemma_an = 0;
  w->initial = w->is_closed = w->name_reading = w->variant = false;
  w->adverbial = w->role_name = w->doc_name = w->surname = false;
  w->next_pron = 0;
  w->memo_form = w->particle = w->extra = w->written = w->shown = w->adverb = NULL;
  w->feats_read = NULL;
  w->feats_bits = 0;
}
static void S_word_start(dg_gl_word *w) {
  S_word_no_readings(w);
  S_word_start_rest(w);
}

/* The words looked up together (memo.h dg_gl_memo_word_ask): the keys of
 * S_BLOCK tokens made and their entries asked for before the first is
 * read. */
#define S_BLOCK 16

/* Is the word looked up in the memo as far as its kind tells (not a
 * suspended part, which is completed first)?  (A word whose spelling is
 * read in its context is looked up too: no such word is ever stored, so
 * it is not found, and its form need not be scanned first.) */
static bool S_memo_form(const dg_dtoken *t) {
  return (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) && !(t->flags & DG_DF_SUSPENDED);
}

/* dg_gl_feat_bits(feats), kept for the feature strings asked for last
 * (each thread its own): the morphology gives a feature string once (it
 * interns them), so a new word's analyses mostly ask for a string asked
 * before, at the same address, and a few hundred strings are most of them.
 * A slot keeps a copy of its string beside the address, which tells that
 * the string there still is that one (a morphology closed and another
 * opened may put another string at the address); a longer string is not
 * kept. */
#define S_FEATS_SLOTS 128
#define S_FEATS_LEN 84
typedef struct S_feats_kept {
  const char *at;
  unsigned bits;
  char s[S_FEATS_LEN];
} S_feats_kept;
static _Thread_local S_feats_kept S_feats[S_FEATS_SLOTS];
static unsigned S_feat_bits(const char *feats) {
  if (!feats || !*feats) return 0;
  uintptr_t a = (uintptr_t)feats;
  S_feats_kept *k = &S_feats[(a >> 3 ^ a >> 10) & (S_FEATS_SLOTS - 1)];
  if (k->at == feats && strcmp(k->s, feats) == 0) return k->bits;
  unsigned bits = dg_gl_feat_bits(feats);
  size_t n = strlen(feats);
  if (n < S_FEATS_LEN) {
    k->at = feats;
    k->bits = bits;
    memcpy(k->s, feats, n + 1);
  }
  return bits;
}

/* Word i (a word or a name) not found in the memo under its key (tried:
 * looked for under it; got: found, but read as if it began the sentence
 * by the rule below): its readings computed, or found under another key. */
static __attribute__((noinline)) void S_look_up(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i, dg_gl_memo_wkey *key,
                                                bool tried, bool got) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  dg_gl_word *w = &c->w[i];
  /* A capitalised time adverb right after a bare preposition ("bis
   * Morgen!", "ab Morgen", "seit Gestern": a common misspelling) is read
   * as if it began the sentence, so its adverb reading (tomorrow) comes
   * first; not after a contraction with the article ("am Morgen", "zum
   * Morgen": the noun) nor in "von Morgen bis Abend".  (A word found
   * that is such an adverb starts again.) */
  bool adv_after_prep = got || (!w->initial && S_time_adverb_after_prep(e, c, i, key));
  if (got) S_word_start(w);
  else S_word_no_readings(w);
  if (t->flags & DG_DF_SUSPENDED) {
    /* "Ein-" (und Ausfuhr) is glossed as Einfuhr, its written form is
     * put back after the glossing of the sentence. */
    const char *shown = NULL;
    const char *full = dg_gl_complete_suspended(e, d, s, i, &shown);
    if (full) {
      w->written = t->form;
      w->shown = shown;
      t->form = dg_mem_strdup(&d->arena, full);
      w->lower = S_lower(d, t->form);
    }
  }
  /* The rest depends on the form and its place at the start only (a
   * completed suspended part is computed each time): a repeat is a
   * look-up in the engine's memo.  Not a word whose spelling is read in
   * its context (all capitals, gender marks: S_standard_spelling). */
  bool memo = !w->written && !adv_after_prep;
  if (adv_after_prep) w->initial = true;
  if (memo && (key->form != t->form || key->initial != w->initial)) {
    dg_gl_memo_word_key(e, t->form, w->initial, key);
    tried = false;
  }
  /* (a repeated word's lower-case form is its entry's; only words whose
   * spelling is not read in context are stored, so one found is such a
   * word, and the others are told apart only when not found) */
  if (memo && !tried && dg_gl_memo_word_get(e, key, w)) return;
  memo = memo && !S_spelling_in_context(t->form);
  if (!w->lower) w->lower = S_lower(d, t->form);
  /* (not cleared: only the first nan and ncl are read, as of a word
   * found in the memo, whose entry holds those alone) */
  w->an = dg_mem_alloc(&d->arena, DG_GL_MAX_AN * sizeof *w->an);
  w->cl = dg_mem_alloc(&d->arena, DG_GL_MAX_SENSES * sizeof *w->cl);
  S_standard_spelling(e, d, c, i);
again:
  w->ncl = dg_lexicon_closed(e->lex, t->form, w->cl, DG_GL_MAX_SENSES);
  if (w->ncl > DG_GL_MAX_SENSES) w->ncl = DG_GL_MAX_SENSES;
  if (w->ncl == 0 && w->initial && strcmp(w->lower, t->form) != 0) {
    w->ncl = dg_lexicon_closed(e->lex, w->lower, w->cl, DG_GL_MAX_SENSES);
    if (w->ncl > DG_GL_MAX_SENSES) w->ncl = DG_GL_MAX_SENSES;
  }
  dg_analysis all[DG_MORPH_MAX_ANALYSES];
  size_t nall = dg_morph_analyze(e->morph, t->form, w->initial, NULL, all, DG_MORPH_MAX_ANALYSES);
  w->nan = nall < DG_GL_MAX_AN ? nall : DG_GL_MAX_AN;
  memcpy(w->an, all, w->nan * sizeof *w->an);
  if (w->initial && nall > DG_GL_MAX_AN) S_keep_own_noun(t->form, w, all, nall);
  /* a word only guessed at: its spelling variants (Koeln, fuer), then
   * the look-up again in the standard spelling */
  /* (a word only guessed at may take a variant in one context and not in
   * another: not kept in the memo when it has one) */
  if (w->nan && S_guesses_only(w) && S_may_take_variant(e, t, w)) memo = false;
  if (!w->written && w->ncl == 0) {
    S_standard_spelling(e, d, c, i);
    if (w->written) goto again;
  }
  /* Lehrer*innen is plural: its plural readings first */
  if (w->variant && strlen(w->written) > 6 && strcmp(w->written + strlen(w->written) - 5, "innen") == 0)
    for (size_t k = 1; k < w->nan; k++)
      if (dg_gl_feat(w->an[k].feats, "Number=Plur") && !dg_gl_feat(w->an[0].feats, "Number=Plur")) {
        dg_analysis a = w->an[k];
        memmove(&w->an[1], &w->an[0], k * sizeof w->an[0]);
        w->an[0] = a;
        w->an[0].score = w->an[1].score + 0.1f;
        break;
      }
  S_loan_verb(e, t, w);
  S_lexicon_noun(e, t, w);
  S_lexicon_adverb(e, t, w);
  w->fb = dg_mem_alloc(&d->arena, DG_GL_MAX_AN * sizeof *w->fb);
  memset(w->fb, 0, DG_GL_MAX_AN * sizeof *w->fb);
  w->fb_any = 0;
  for (size_t k = 0; k < w->nan; k++) {
    w->fb[k] = S_feat_bits(w->an[k].feats) | S_pos_bits(w->an[k].pos) |
               (w->an[k].lemma && strcmp(w->an[k].lemma, w->lower) == 0 ? DG_GL_P_LEMMA_LOWER : 0);
    w->fb_any |= w->fb[k];
  }
  w->pron_sig = dg_gl_pronoun_sigs(w);
  if (memo && !w->written && key->form == t->form) {
    w->wc = dg_lexicon_classes(c->lex, w->lower);
    dg_gl_memo_word_put(e, key, w);
  }
}

/* Word w looked up (the last step of each): the word classes of its form,
 * asked by the rules again and again (a repeated word's are in its memo
 * entry); the values a found word's entry links asked for, for the passes
 * after this one.  (No rule of the look-up reads these of a neighbour:
 * done as each word is found, not in a walk of their own.) */
static inline void S_looked_up(const dg_gl_ctx *c, dg_gl_word *w) {
  if (w->memo) dg_gl_memo_prefetch_links(w);
  else w->wc = w->lower ? dg_lexicon_classes(c->lex, w->lower) : 0;
  if (!w->fb) w->fb = S_no_fb;
}

/* Word i's state before its look-up (S_word_start_rest), and whether it
 * starts a sentence; *initial carries that from word to word.  A colon, or
 * an opening quote at a clause start ("Einigung: „Wir", "sagte er, „ob"),
 * opens a sentence inside the sentence: its first word is also tried in
 * lower case, pronouns first ("Ich" = I). */
static inline void S_word_begin(const dg_gl_ctx *c, size_t i, bool *initial) {
  const dg_dsentence *s = c->s;
  const dg_dtoken *t = &s->tokens[i];
  dg_gl_word *w = &c->w[i];
  S_word_start_rest(w);
  if (t->kind == DG_KIND_WORD || t->kind == DG_KIND_NAME) {
    w->initial = *initial;
    *initial = false;
  } else if (dg_gl_eq(t->form, ":")) {
    *initial = true;
  } else if (dg_gl_opening(t)) {
    *initial = *initial || i == 0 || dg_gl_is_punct(&s->tokens[i - 1]);
  } else {
    *initial = false;
  }
}

/* Does the word at i, a coordinating conjunction (word class conj-coord:
 * und, oder, aber, sondern), join clauses: is the next word a finite verb
 * or a subordinating conjunction (conj-subord) ("… werden beansprucht und
 * haben …", "… sehen und während es still ist")?  Asked once the next
 * word is looked up. */
static bool S_clause_join(const dg_gl_ctx *c, size_t i) {
  const dg_dtoken *n = &c->s->tokens[i + 1];
  const dg_gl_word *nw = &c->w[i + 1];
  if (dg_gl_is(nw, DG_WC_CONJ_SUBORD)) return true;
  if (n->kind != DG_KIND_WORD || dg_gl_is_upper_initial(n->form)) return false;
  if (nw->nan && nw->ncl == 0 && dg_gl_an_pos(nw, 0, DG_GL_P_VERB | DG_GL_P_AUX) && dg_gl_an_feat(nw, 0, DG_GL_F_FIN))
    return true;
  /* (a modal or auxiliary is closed class: "und haben", "und können") */
  for (size_t k = 0; k < nw->ncl; k++)
    if (DG_LB_POS(nw->cl[k].bits) == DG_UD_AUX || DG_LB_POS(nw->cl[k].bits) == DG_UD_VERB) return true;
  return false;
}

/* Look every word of the sentence up, in blocks of S_BLOCK: the block's
 * words started and their keys made in one walk (the entries asked for
 * before the first is read: memo.h dg_gl_memo_word_ask), then each looked
 * up.  A word's look-up reads its neighbours' (S_name_word: the next
 * word's entry), so each word is started one ahead of its key.  The
 * conjunctions that join clauses are marked as the word after each is
 * looked up (no rule of the look-up reads the mark). */
void dg_gl_lookup(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  const size_t n = s->ntokens;
  bool initial = true;
  if (n) S_word_begin(c, 0, &initial);
  dg_gl_memo_wkey keys[S_BLOCK];
  for (size_t from = 0; from < n; from += S_BLOCK) {
    size_t to = from + S_BLOCK < n ? from + S_BLOCK : n;
    for (size_t i = from; i < to; i++) {
      if (i + 1 < n) S_word_begin(c, i + 1, &initial);
      const dg_dtoken *t = &s->tokens[i];
      keys[i - from].form = S_memo_form(t) ? t->form : NULL;
      keys[i - from].initial = c->w[i].initial;
    }
    dg_gl_memo_word_ask(e, keys, to - from);
    for (size_t i = from; i < to; i++) {
      dg_dtoken *t = &s->tokens[i];
      dg_gl_word *w = &c->w[i];
      dg_gl_memo_wkey *key = &keys[i - from];
      if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) {
        S_word_no_readings(w);
        w->lower = S_lower(d, t->form);
      } else {
        /* (most words: found in the memo under the key made above, and
         * done unless the time-adverb rule of S_look_up reads them
         * otherwise, which a word whose lower-case form is no adverb of a
         * day never is) */
        bool tried = key->form != NULL, got = tried && dg_gl_memo_word_get(e, key, w);
        if (!got || (!w->initial && (w->wc & DG_WC_DAY_ADVERB) && S_time_adverb_after_prep(e, c, i, key)))
          S_look_up(e, d, c, i, key, tried, got);
      }
      S_looked_up(c, w);
      if (i > 0 && dg_gl_is(&c->w[i - 1], DG_WC_CONJ_COORD) && t[-1].kind == DG_KIND_WORD && S_clause_join(c, i - 1))
        t[-1].flags |= DG_DF_CLAUSE_JOIN;
    }
  }
}
