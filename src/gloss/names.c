/* Names the word-by-word glossing missed: capitalised words after a title
 * or role (Sicherheitsberater Michael Waltz), unknown or compound-guessed
 * words next to a name (Max Verstappen), name particles between names
 * (Vasco da Gama), unknown words inside a title or name (Bank of America),
 * and forms of address before a name (Herrn Putin: Mr Putin).  Names keep
 * their own spelling.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <strings.h>

#include "word.h"

/* Names after a title or role: "Sicherheitsberater Michael Waltz". */
static void S_after_role(dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 1; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD && t->kind != DG_KIND_NAME) continue;
    if (!dg_gl_is_upper_initial(t->form) || c->w[i].initial || c->w[i].is_closed || t->mwe >= 0) continue;
    size_t k = i - 1;
    const dg_dtoken *p = &s->tokens[k];
    bool after_role = dg_gl_role_noun(c, p->lemma) && !(p->kind == DG_KIND_NAME);
    bool after_marked = p->kind == DG_KIND_NAME && c->w[k].role_name && (p->flags & DG_DF_SPACE_AFTER);
    if (!after_role && !after_marked) continue;
    if (!(p->flags & DG_DF_SPACE_AFTER)) continue;
    /* The next word after a role is a name only if it is not a common noun
     * in the genitive or plural ("der Präsident Russlands" stays Russia). */
    c->w[i].role_name = true;
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
}

/* Names next to names: "Wladimir Putin" even when one part is a word. */
static void S_next_to_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || !dg_gl_is_upper_initial(t->form) || c->w[i].is_closed) continue;
    bool left = i > 0 && s->tokens[i - 1].kind == DG_KIND_NAME && (s->tokens[i - 1].flags & DG_DF_SPACE_AFTER);
    bool right = i + 1 < s->ntokens && s->tokens[i + 1].kind == DG_KIND_NAME;
    /* A word only our own compound guess explains, that neither the
     * dictionary nor hunspell knows, after a name is a surname (Max
     * Verstappen, not verse-toddle; "Selenskyj Sicherheitsgarantien" stays
     * a compound: hunspell knows it). */
    bool surname = left && t->source && dg_gl_eq(t->source, "compound") && t->mwe < 0 &&
                   !dg_morph_is_known(e->morph, t->form);
    /* … and so is a word whose gloss is itself in lower case, next to a
     * name (Lewis Hamilton: not "lewis", a lifting device). */
    if ((left || right) && !dg_gl_eq(t->pos, "NOUN") && t->gloss && strcasecmp(t->gloss, t->form) == 0 &&
        strcmp(t->gloss, t->form) != 0 && t->mwe < 0)
      surname = true;
    if (((left || right) && t->source && dg_gl_eq(t->source, "unknown")) || surname) {
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
}

/* A name keeps its own spelling when its gloss only changes the case
 * (Lewis Hamilton, not "lewis"). */
static void S_own_spelling(dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    if (t->kind == DG_KIND_NAME && t->gloss && strcasecmp(t->gloss, t->form) == 0 && strcmp(t->gloss, t->form) != 0 &&
        t->mwe < 0)
      dg_gl_promote(d, t, t->form);
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
      bool part = dg_lexicon_is(c->lex, c->w[j].lower, DG_WC_NAME_PARTICLE) &&
                  s->tokens[j].kind == DG_KIND_WORD && !dg_gl_is_upper_initial(s->tokens[j].form);
      if (!part) break;
      j++;
      if (s->tokens[j].kind == DG_KIND_NAME || (s->tokens[j].kind == DG_KIND_WORD &&
                                                dg_gl_is_upper_initial(s->tokens[j].form) &&
                                                !dg_gl_eq(s->tokens[j].pos, "NOUN")))
        break;
      all = j + 1 < s->ntokens;
    }
    if (j == i || j >= s->ntokens || !dg_gl_is_upper_initial(s->tokens[j].form) ||
        dg_gl_eq(s->tokens[j].pos, "NOUN"))
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
}

/* Unknown words in an emphasised title ("*State of the Union*") or
 * between capitalised words ("Bank of America", "Institute for Study")
 * are part of a name, not failures. */
static void S_in_titles(dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    bool bridge = false;
    if (t->kind == DG_KIND_WORD && dg_gl_eq(t->source, "unknown") && i > 0 &&
        dg_gl_is_upper_initial(s->tokens[i - 1].form) && s->tokens[i - 1].kind != DG_KIND_PUNCT)
      for (size_t j = i + 1; j < s->ntokens && j <= i + 2 && !bridge; j++)
        bridge = s->tokens[j].kind != DG_KIND_PUNCT && dg_gl_is_upper_initial(s->tokens[j].form);
    if (t->kind == DG_KIND_WORD && ((t->flags & DG_DF_EMPHASIS) || bridge) && dg_gl_eq(t->source, "unknown")) {
      t->kind = DG_KIND_NAME;
      t->pos = "PROPN";
      t->source = "name";
      t->reason = "unknown word inside a title or name";
      t->flags &= ~(unsigned)DG_DF_GUESS;
    }
  }
}

/* A form of address before a name is one person's title: "Herrn Putin"
 * = Mr Putin (singular, whatever the morphology guessed). */
static void S_forms_of_address(dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  for (size_t i = 0; i + 1 < s->ntokens; i++) {
    dg_dtoken *t = &s->tokens[i];
    const dg_dtoken *n = &s->tokens[i + 1];
    if (t->kind != DG_KIND_WORD || !dg_gl_eq(t->pos, "NOUN") || !(t->flags & DG_DF_SPACE_AFTER)) continue;
    if (!(n->kind == DG_KIND_NAME || dg_gl_eq(n->pos, "PROPN"))) continue;
    /* The two forms of address, each with its English title and its
     * features (a table of these two words, not a class). */
    static const struct {
      const char *lemma, *title, *feats;
    } address[] = {{"Herr", "Mr", "Gender=Masc|Number=Sing"}, {"Frau", "Ms", "Gender=Fem|Number=Sing"}};
    size_t k = 0;
    while (k < DG_ARRAY_LEN(address) && !dg_gl_eq(t->lemma, address[k].lemma)) k++;
    if (k == DG_ARRAY_LEN(address)) continue;
    dg_gl_promote(d, t, address[k].title);
    if (dg_gl_feat(t->feats, "Number=Plur")) {
      t->feats = address[k].feats;
      c->w[i].leipzig = "SG";
    }
  }
}

/* Names, in this order: each step sees the names the one before marked. */
void dg_gl_names(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  S_after_role(d, c);
  S_next_to_names(e, d, c);
  S_own_spelling(d, c);
  S_name_particles(d, c);
  S_in_titles(c);
  S_forms_of_address(d, c);
}
