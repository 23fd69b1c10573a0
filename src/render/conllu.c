/* CoNLL-U as Universal Dependencies corpus tools read it: "# newdoc id"
 * (the file name as given) at the start of each input file, "# newpar" per paragraph, "# text" (and
 * "# text_en" when translated) per sentence, ten tab-separated columns per
 * word.  The gloss of the style goes into MISC as Gloss=... (the Leipzig
 * gloss, or the plain English one of --style plain), and the plain one as
 * Plain=... in either style; SpaceAfter=No lets a tool rebuild the text.
 *
 * A preposition fused with the definite article (am, im, zum, zur, ins,
 * beim, vom, übers, hinterm ...) is one token but two syntactic words, as
 * UD German writes it: a multiword-token line "3-4 am" with the token's
 * MISC, then the preposition (an, ADP) and the article (dem, DET, with the
 * case, gender and number the contraction carries).  FEATS keep only the
 * features UD German permits for the word's part of speech.
 * HEAD and DEPREL stay "_" (degloss does not parse).  Values are escaped with
 * a lookup table: tabs and newlines become spaces, and in MISC "|" becomes
 * "/", spaces ".", so every line keeps exactly ten columns.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cells.h"
#include "formats.h"

/* 0 keep, 1 space, 2 misc-only replacement */
static const unsigned char S_esc[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 2, ['|'] = 2, ['='] = 0,
};

static void S_field(dg_buf *b, const char *s, bool misc) {
  if (!s || !*s) {
    dg_buf_putc(b, '_');
    return;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char e = S_esc[*p];
    if (e == 1) dg_buf_putc(b, misc ? '.' : ' ');
    else if (e == 2 && misc) dg_buf_putc(b, *p == ' ' ? '.' : '/');
    else dg_buf_putc(b, (char)*p);
  }
}

static void S_comment(dg_buf *b, const char *key, const char *v) {
  dg_buf_printf(b, "# %s = ", key);
  for (const char *p = v; *p; p++) dg_buf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
  dg_buf_putc(b, '\n');
}

/* The features UD German permits per UPOS (the UD validator's
 * data/feats.json for "de"), narrowed to those that belong to the part of
 * speech: a feature the morphology gives a word of another part of speech
 * (the verb reading of "Vereinigten" in a name, Degree=Pos on a PROPN) is
 * left out.  "Feat=Val" permits that value only. */
static const struct {
  const char *upos;
  const char *feats[12];
} S_ud_feats[] = {
    {"ADJ", {"Case", "Degree", "Gender", "Number", "NumType", "Tense", "VerbForm"}},
    {"ADP", {"AdpType", "PartType=Vbp"}},
    {"ADV", {"Degree", "NumType", "PronType"}},
    {"AUX", {"Mood", "Number", "Person", "Tense", "VerbForm", "VerbType"}},
    {"DET",
     {"Case", "Definite", "Degree", "Gender", "Gender[psor]", "Number", "Number[psor]", "Person", "Polite",
      "Poss", "PronType"}},
    {"NOUN", {"Case", "Gender", "Number"}},
    {"NUM", {"Case", "Gender", "Number", "NumForm", "NumType"}},
    {"PART", {"PartType=Inf", "Polarity"}},
    {"PRON", {"Case", "Gender", "Number", "Number[psor]", "Person", "Polite", "Poss", "PronType", "Reflex"}},
    {"PROPN", {"Case", "Gender", "Number"}},
    {"VERB", {"Mood", "Number", "Person", "Tense", "VerbForm"}},
};

static bool S_feat_ok(const char *upos, const char *f, size_t n) {
  const char *eq = memchr(f, '=', n);
  size_t name = eq ? (size_t)(eq - f) : n;
  for (size_t i = 0; i < DG_ARRAY_LEN(S_ud_feats); i++) {
    if (strcmp(S_ud_feats[i].upos, upos) != 0) continue;
    for (size_t k = 0; k < DG_ARRAY_LEN(S_ud_feats[i].feats) && S_ud_feats[i].feats[k]; k++) {
      const char *a = S_ud_feats[i].feats[k];
      const char *aeq = strchr(a, '=');
      if (aeq ? strlen(a) == n && memcmp(a, f, n) == 0 : strlen(a) == name && memcmp(a, f, name) == 0)
        return true;
    }
  }
  return false;
}

/* FEATS of a word of part of speech upos: the permitted ones, in order. */
static void S_feats(dg_buf *b, const char *upos, const char *feats) {
  size_t before = b->len;
  const char *p = feats ? feats : "";
  while (*p) {
    size_t n = strcspn(p, "|");
    if (n && upos && S_feat_ok(upos, p, n)) {
      if (b->len > before) dg_buf_putc(b, '|');
      for (size_t i = 0; i < n; i++) {
        unsigned char e = S_esc[(unsigned char)p[i]];
        dg_buf_putc(b, e == 1 || p[i] == ' ' ? '_' : p[i]);
      }
    }
    p += n;
    if (*p) p++;
  }
  if (b->len == before) dg_buf_putc(b, '_');
}

/* A preposition fused with the definite article.  The morphology marks it
 * as an ADP with the article's features (PronType=Art, Definite=Def); the
 * rarer ones the morphology lacks (hinterm, überm) still carry the article's
 * case as their only label (closed-class.tsv: a plain preposition's case is
 * "+DAT", a contraction's "DAT").  The article is the contraction's last
 * letter: -m dem (dative masculine/neuter), -r der (dative feminine), -s das
 * (accusative neuter).  Its form, lemma and features go to *art. */
typedef struct S_art {
  const char *form;
  const char *feats;
} S_art;

static bool S_contraction(const dg_dtoken *t, S_art *art) {
  if (!t->pos || strcmp(t->pos, "ADP") != 0 || !t->lemma || !*t->lemma) return false;
  size_t n = strlen(t->form);
  if (n < 2) return false;
  char last = t->form[n - 1];
  if (last >= 'A' && last <= 'Z') last = (char)(last + 32); /* IM, ZUR in a headline */
  static const struct {
    char last;
    const char *form, *label, *feats;
  } arts[] = {{'m', "dem", "DAT", "Case=Dat|Definite=Def|Gender=Masc,Neut|Number=Sing|PronType=Art"},
              {'r', "der", "DAT", "Case=Dat|Definite=Def|Gender=Fem|Number=Sing|PronType=Art"},
              {'s', "das", "ACC", "Case=Acc|Definite=Def|Gender=Neut|Number=Sing|PronType=Art"}};
  for (size_t i = 0; i < DG_ARRAY_LEN(arts); i++) {
    if (arts[i].last != last) continue;
    bool art_feats = t->feats && strstr(t->feats, "PronType=Art") && strstr(t->feats, "Definite=Def");
    bool case_label = t->labels && strcmp(t->labels, arts[i].label) == 0;
    if (!art_feats && !case_label) return false;
    art->form = arts[i].form;
    art->feats = art_feats ? t->feats : arts[i].feats;
    return true;
  }
  return false;
}

/* The preposition as written: its lemma, capitalised like the token
 * ("Am" -> "An", "Übers" -> "Über"). */
static void S_prep_form(dg_buf *b, const dg_dtoken *t) {
  utf8proc_int32_t first;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t->form, -1, &first);
  utf8proc_int32_t lf;
  utf8proc_ssize_t kl = utf8proc_iterate((const utf8proc_uint8_t *)t->lemma, -1, &lf);
  if (k > 0 && kl > 0 && utf8proc_isupper(first)) {
    utf8proc_uint8_t up[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(lf), up);
    dg_buf_put(b, up, (size_t)m);
    dg_buf_puts(b, t->lemma + kl);
    return;
  }
  dg_buf_puts(b, t->lemma);
}

/* The token's MISC: attributes in alphabetical order as UD recommends.
 * ids maps token indices to word ids (SepVerb names the partner's);
 * space_after false leaves SpaceAfter=No to a later word of the token. */
static void S_misc(dg_render *r, const dg_dsentence *s, const dg_dtoken *t, const size_t *ids, bool space_after,
                   dg_buf *plain, dg_buf *out) {
  dg_buf_clear(plain);
  dg_render_gloss_text(plain, t, s, DG_STYLE_PLAIN);
  dg_buf_puts(out, "Gloss=");
  if (t->kind == DG_KIND_PUNCT) S_field(out, t->form, true);
  else S_field(out, r->o.style == DG_STYLE_PLAIN ? plain->data : t->gloss, true);
  if (t->labels && *t->labels) {
    dg_buf_puts(out, "|Labels=");
    S_field(out, t->labels, true);
  }
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) dg_buf_printf(out, "|MWE=%u", s->mwes[t->mwe].id);
  if (t->nparts > 1) {
    dg_buf_puts(out, "|Parts=");
    for (size_t k = 0; k < t->nparts; k++) {
      if (k) dg_buf_putc(out, '+');
      S_field(out, t->parts[k].form, true);
    }
  }
  if (plain->len) {
    dg_buf_puts(out, "|Plain=");
    S_field(out, plain->data, true);
  }
  if (space_after && !(t->flags & DG_DF_SPACE_AFTER)) dg_buf_puts(out, "|SpaceAfter=No");
  if (t->link >= 0 && (size_t)t->link < s->ntokens) dg_buf_printf(out, "|SepVerb=%zu", ids[t->link]);
  if (t->flags & DG_DF_SENT_START) dg_buf_puts(out, "|SentenceStart=Yes"); /* lines input */
}

/* A UD word holds no space.  A token the text layer keeps whole across a
 * space ("z. B.", "n. Chr.") is written as one word per part, the token's
 * annotation on the first; a number keeps its spaces ("10 000": UD permits
 * them).  Part k of s (runs of spaces part them): false past the last. */
static bool S_part(const char *s, size_t k, const char **b, size_t *n) {
  const char *p = s ? s : "";
  for (size_t i = 0; i < k; i++) {
    p += strcspn(p, " ");
    p += strspn(p, " ");
  }
  if (!*p && k) return false;
  *b = p;
  *n = strcspn(p, " ");
  return true;
}

static size_t S_nparts(const char *s) {
  size_t n = 1;
  const char *b;
  size_t len;
  while (S_part(s, n, &b, &len)) n++;
  return n;
}

static size_t S_parts(const dg_dtoken *t) { return t->kind == DG_KIND_NUMBER ? 1 : S_nparts(t->form); }

/* A lemma with a space (a separable verb's "zugute kommen") written as
 * German writes the infinitive of such verbs, in one word. */
static void S_lemma(dg_buf *b, const char *lemma) {
  for (const char *p = lemma ? lemma : ""; *p; p++)
    if (*p != ' ') dg_buf_putc(b, *p);
}

/* One word line; misc NULL or empty writes "_". */
static void S_word(dg_buf *out, size_t id, const char *form, const char *lemma, const char *upos, const char *feats,
                   const char *misc) {
  dg_buf_printf(out, "%zu\t", id);
  S_field(out, form, false);
  dg_buf_putc(out, '\t');
  S_field(out, lemma, false);
  dg_buf_putc(out, '\t');
  S_field(out, upos, false);
  dg_buf_puts(out, "\t_\t");
  S_feats(out, upos, feats);
  dg_buf_puts(out, "\t_\t_\t_\t");
  if (misc && *misc) dg_buf_puts(out, misc);
  else dg_buf_putc(out, '_');
  dg_buf_putc(out, '\n');
}

/* A contraction: the multiword-token line with the token's MISC, then the
 * preposition and the article; "on.the" glosses them "on" and "the". */
static void S_fused(const dg_dtoken *t, size_t id, const S_art *art, const char *misc, dg_buf *out) {
  dg_buf_printf(out, "%zu-%zu\t", id, id + 1);
  S_field(out, t->form, false);
  dg_buf_printf(out, "\t_\t_\t_\t_\t_\t_\t_\t%s\n", misc);
  dg_buf prep, lemma, g;
  dg_buf_init(&prep);
  dg_buf_init(&lemma);
  dg_buf_init(&g);
  S_prep_form(&prep, t);
  S_lemma(&lemma, t->lemma);
  size_t gl = strlen(t->gloss);
  bool split = gl > 4 && strcmp(t->gloss + gl - 4, ".the") == 0;
  if (split) {
    dg_buf_puts(&g, "Gloss=");
    char *p = dg_xstrdup(t->gloss);
    p[gl - 4] = '\0';
    S_field(&g, p, true);
    free(p);
  }
  S_word(out, id, prep.data, lemma.data, "ADP", NULL, g.data);
  S_word(out, id + 1, art->form, "der", "DET", art->feats, split ? "Gloss=the" : NULL);
  dg_buf_free(&prep);
  dg_buf_free(&lemma);
  dg_buf_free(&g);
}

static void S_sentence(dg_render *r, const dg_doc *d, size_t si, dg_buf *out) {
  const dg_dsentence *s = &d->sentences[si];
  r->sentences++;
  /* (standard input is one document without a name: no newdoc) */
  if (s->first && dg_render_source_is_file(d->source)) S_comment(out, "newdoc id", d->source);
  /* lines input: the record's input line is its id (and said so) */
  dg_buf_printf(out, "# sent_id = %lu\n", s->record ? (unsigned long)s->record : r->sentences);
  if (s->record) dg_buf_printf(out, "# line = %ld\n", s->record);
  if (si == 0 ? !d->continued : s->paragraph != d->sentences[si - 1].paragraph)
    dg_buf_printf(out, "# newpar id = %u\n", s->paragraph + 1);
  S_comment(out, "text", s->text);
  if (s->translation) S_comment(out, "text_en", s->translation);
  if (s->ntokens == 0) { /* an empty line: CoNLL-U wants a word, so one placeholder */
    S_word(out, 1, "_", "_", "X", NULL, "EmptyLine=Yes");
    dg_buf_putc(out, '\n');
    return;
  }
  /* Word ids: a contraction takes two, a token with spaces one per part. */
  size_t *ids = dg_xcalloc(s->ntokens + 1, sizeof *ids);
  size_t *nparts = dg_xcalloc(s->ntokens + 1, sizeof *nparts);
  bool *fused = dg_xcalloc(s->ntokens + 1, sizeof *fused);
  S_art *arts = dg_xcalloc(s->ntokens + 1, sizeof *arts);
  for (size_t i = 0, id = 1; i < s->ntokens; i++) {
    ids[i] = id;
    fused[i] = S_contraction(&s->tokens[i], &arts[i]);
    nparts[i] = fused[i] ? 1 : S_parts(&s->tokens[i]);
    id += fused[i] ? 2 : nparts[i];
  }
  dg_buf plain, misc, form, lemma;
  dg_buf_init(&plain);
  dg_buf_init(&misc);
  dg_buf_init(&form);
  dg_buf_init(&lemma);
  for (size_t i = 0; i < s->ntokens; i++) {
    const dg_dtoken *t = &s->tokens[i];
    size_t n = nparts[i];
    dg_buf_clear(&misc);
    S_misc(r, s, t, ids, n == 1, &plain, &misc);
    if (fused[i]) {
      S_fused(t, ids[i], &arts[i], misc.data, out);
      continue;
    }
    for (size_t k = 0; k < n; k++) {
      dg_buf_clear(&form);
      dg_buf_clear(&lemma);
      if (n == 1) {
        dg_buf_puts(&form, t->form);
        S_lemma(&lemma, t->lemma);
      } else {
        /* the lemma's parts when it has as many ("z. B."), else all of it
         * on the first word */
        const char *b = "";
        size_t len = 0;
        S_part(t->form, k, &b, &len);
        dg_buf_put(&form, b, len);
        bool same = S_nparts(t->lemma) == n;
        if (same && S_part(t->lemma, k, &b, &len)) {
          char *l = dg_xstrdup(b);
          l[len] = '\0';
          dg_buf_puts(&lemma, l);
          free(l);
        } else if (k == 0) {
          S_lemma(&lemma, t->lemma);
        } else {
          dg_buf_put(&lemma, form.data, form.len);
        }
      }
      const char *m = k == 0 ? misc.data : k + 1 == n && !(t->flags & DG_DF_SPACE_AFTER) ? "SpaceAfter=No" : NULL;
      S_word(out, ids[i] + k, form.data, lemma.data, t->pos, k == 0 ? t->feats : NULL, m);
    }
  }
  dg_buf_putc(out, '\n');
  dg_buf_free(&plain);
  dg_buf_free(&misc);
  dg_buf_free(&form);
  dg_buf_free(&lemma);
  free(ids);
  free(nparts);
  free(fused);
  free(arts);
}

void dg_render_conllu(dg_render *r, const dg_doc *d, dg_buf *out) {
  for (size_t si = 0; si < d->nsentences; si++) S_sentence(r, d, si, out);
}
