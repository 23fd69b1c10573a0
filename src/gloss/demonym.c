/* A place's adjective in -er.  German makes an adjective of a town's or
 * region's name with -er, always capitalised and never inflected:
 * Berliner Mauer (the Berlin Wall), Kölner Dom, Wiener Philharmoniker,
 * Hongkonger Skyline, die New Yorker Börse.  The same word is also the
 * person from that place (die Berliner feierten: the Berliners) and
 * sometimes a food (ein Hamburger, Frankfurter Würstchen); before a noun
 * of its own phrase it is the adjective.  It is glossed as the place's
 * English name (Kölner = Cologne), and the article before it agrees with
 * the noun after it (die Hongkonger Skyline: feminine).
 * The place is the form without -er when the lexicon knows it as a name.
 * A place in -en drops it before -er (Bremen: Bremer, Tübingen:
 * Tübinger), and after a consonant drops only its e (München: Münchner,
 * Dresden: Dresdner); those places are asked only for a word the lexicon
 * has no sense of (Bremer, Münchner), not for a noun it knows (der
 * Sender ARD, die Rentner Karl und Eva).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "demonym.h"

#include <string.h>

#include "word.h"

/* Does the ';'-separated domain list hold Ding's geographical names
 * (geogr.)? */
static bool S_geographical(const char *domains) {
  for (const char *p = domains ? domains : ""; *p;) {
    size_t l = strcspn(p, ";");
    if (l == 6 && strncmp(p, "geogr.", 6) == 0) return true;
    p += l;
    if (*p) p++;
  }
  return false;
}

/* Is `name` a place the lexicon knows: a name's sense (PROPN: names.tsv,
 * Köln = Cologne), or a first sense among Ding's geographical names
 * (Hongkong, London: nouns there)?  Its sense into *sv. */
static bool S_place(const dg_lexicon *lex, const char *name, dg_sense *sv) {
  if (dg_lexicon_senses(lex, name, "PROPN", sv, 1) > 0 && dg_gl_eq(sv->pos, "PROPN")) return true;
  return dg_lexicon_senses(lex, name, NULL, sv, 1) > 0 && S_geographical(sv->domains);
}

/* A place in -en whose -er word drops it (name[0..n): the word without
 * -er): Brem -> Bremen (Bremer Hafen), Tübing -> Tübingen; after a
 * consonant only the e: Münchn -> München (Münchner Polizei), Dresdn ->
 * Dresden.  The place must be one the lexicon knows (S_place); name has
 * room for size bytes. */
static bool S_place_in_en(const dg_lexicon *lex, char *name, size_t size, size_t n, dg_sense *sv) {
  if (n + 3 > size) return false;
  /* (Münchn: an n after a consonant gets its e back) */
  if (n >= 3 && name[n - 1] == 'n' && !strchr("aeiouy", name[n - 2]) && (unsigned char)name[n - 2] < 0x80) {
    name[n - 1] = 'e';
    name[n] = 'n';
    name[n + 1] = '\0';
    if (S_place(lex, name, sv)) return true;
    name[n - 1] = 'n';
  }
  /* (Brem: -en put after it) */
  name[n] = 'e';
  name[n + 1] = 'n';
  name[n + 2] = '\0';
  if (S_place(lex, name, sv)) return true;
  name[n] = '\0';
  return false;
}

/* Is the form a country's person noun of names.tsv (Japaner, Iraner,
 * Schweizer)?  A country's adjective ends in -isch (japanisch); its -er
 * word is the person. */
static bool S_country_person(const dg_lexicon *lex, const char *form) {
  dg_sense sv[4];
  size_t n = dg_lexicon_senses(lex, form, "NOUN", sv, 4);
  for (size_t k = 0; k < n && k < 4; k++)
    if (sv[k].source && strncmp(sv[k].source, "dictionaries/names.tsv", 22) == 0) return true;
  return false;
}

/* (dg_gl_place_adjective has told that word i and the next are
 * capitalised, one space apart) */
__attribute__((noinline)) bool dg_gl_place_adjective_slow(const dg_gl_ctx *c, size_t i, dg_sense *place) {
  const dg_dtoken *t = &c->s->tokens[i], *nx = t + 1;
  /* (a word in -er, no acronym; the next one a word, no acronym) */
  if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) return false;
  size_t L = strlen(t->form);
  if (L < 5 || L > 62 || t->form[L - 2] != 'e' || t->form[L - 1] != 'r' || dg_gl_all_upper(t->form)) return false;
  if ((nx->kind != DG_KIND_WORD && nx->kind != DG_KIND_NAME) || dg_gl_all_upper(nx->form)) return false;
  /* (the word after it: a noun, or a word the morphology does not know,
   * which it guesses a name without features (Hongkonger Skyline); no
   * closed-class word ("Sie"), no first name ("der Hamburger Olaf
   * Scholz": the person) */
  const dg_gl_word *nw = &c->w[i + 1];
  if (nw->ncl || !nw->nan) return false;
  bool unknown = nw->nan == 1 && dg_gl_an_pos(nw, 0, DG_GL_P_PROPN) && !*nw->an[0].feats;
  if (!unknown && !dg_gl_any_an(nw, DG_GL_P_NOUN)) return false;
  /* (the place: the form without -er, alone or after the word before it) */
  dg_sense sv[1];
  char name[128];
  memcpy(name, t->form, L - 2);
  name[L - 2] = '\0';
  bool found = S_place(c->lex, name, sv);
  /* die Münchner Polizei: the place is "München" */
  if (!found && dg_lexicon_senses(c->lex, t->form, NULL, sv, 1) == 0) found = S_place_in_en(c->lex, name, sizeof name, L - 2, sv);
  if (!found && i > 0) {
    /* die New Yorker Börse: the place is "New York" */
    const dg_dtoken *p = t - 1;
    size_t pl = strlen(p->form);
    if ((p->flags & DG_DF_SPACE_AFTER) && dg_gl_is_upper_initial(p->form) && pl + L < sizeof name) {
      memcpy(name, p->form, pl);
      name[pl] = ' ';
      memcpy(name + pl + 1, t->form, L - 2);
      name[pl + L - 1] = '\0';
      found = S_place(c->lex, name, sv);
      /* (the first word keeps its own gloss: New + York) */
      if (found && sv->gloss && strncmp(sv->gloss, p->form, pl) == 0 && sv->gloss[pl] == ' ') sv->gloss += pl + 1;
    }
  }
  if (!found || S_country_person(c->lex, t->form)) return false;
  if (place) *place = sv[0];
  return true;
}

__attribute__((noinline)) bool dg_gl_place_adjective_at(dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_sense place;
  if (!dg_gl_place_adjective_slow(c, i, &place)) return false;
  dg_gl_make_unit(d, c, i, DG_KIND_WORD, "ADJ", place.gloss);
  dg_dtoken *t = &c->s->tokens[i];
  t->source = dg_doc_str(d, place.source ? place.source : "lexicon");
  t->reason = "place adjective in -er before a noun (Berliner Mauer: Berlin wall)";
  return true;
}
