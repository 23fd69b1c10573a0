/* Renderers on a hand-built document: column alignment by display width,
 * wrapping, the gloss line's Leipzig labels, JSON fields, CoNLL-U columns,
 * HTML and TSV escaping.  No data files needed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>

#include <utf8proc.h>

#include "harness.h"
#include "cells.h"
#include "render.h"

static dg_dtoken *S_tok(dg_dsentence *s, const char *form, dg_kind kind, bool space) {
  dg_dtoken *t = &s->tokens[s->ntokens++];
  dg_dtoken_init(t);
  t->form = form;
  t->kind = kind;
  if (space) t->flags |= DG_DF_SPACE_AFTER;
  if (kind == DG_KIND_PUNCT) {
    t->lemma = form;
    t->pos = "PUNCT";
  }
  return t;
}

static const char *S_one[] = {NULL};

static void S_glosses(dg_doc *d, dg_dtoken *t, const char *g1, const char *g2) {
  const char **v = dg_mem_alloc(&d->arena, 2 * sizeof *v);
  v[0] = g1;
  v[1] = g2;
  t->glosses = v;
  t->nglosses = g2 ? 2 : 1;
  t->gloss = g1;
}

static dg_doc *S_doc(void) {
  dg_doc *d = dg_doc_new("test");
  dg_dsentence *s = dg_doc_add_sentence(d);
  s->tokens = dg_mem_alloc(&d->arena, 16 * sizeof *s->tokens);
  s->text = "Russlands Präsident „führt“ ein Telefongespräch.";
  s->start = 0;
  s->end = 57;
  dg_dtoken *t = S_tok(s, "Russlands", DG_KIND_NAME, true);
  t->lemma = "Russland";
  t->pos = "PROPN";
  t->feats = "Case=Gen|Number=Sing";
  t->labels = "GEN";
  t->seg = "Russland-s";
  S_glosses(d, t, "Russia", NULL);
  t->source = "names.tsv:1";
  t = S_tok(s, "Präsident", DG_KIND_WORD, true);
  t->lemma = "Präsident";
  t->pos = "NOUN";
  S_glosses(d, t, "president", "chairman");
  t = S_tok(s, "„", DG_KIND_PUNCT, false);
  t = S_tok(s, "führt", DG_KIND_WORD, false);
  t->lemma = "führen";
  t->pos = "VERB";
  t->labels = "PRS.3SG";
  t->seg = "führ-t";
  t->plain = "leads";
  S_glosses(d, t, "lead", "guide");
  t = S_tok(s, "“", DG_KIND_PUNCT, true);
  t = S_tok(s, "ein", DG_KIND_WORD, true);
  t->lemma = "ein";
  t->pos = "DET";
  t->labels = "N.ACC";
  S_glosses(d, t, "a", NULL);
  t = S_tok(s, "Telefongespräch", DG_KIND_WORD, false);
  t->lemma = "Telefongespräch";
  t->pos = "NOUN";
  t->seg = "Telefon-gespräch";
  S_glosses(d, t, "telephone conversation", "phone call");
  t->parts = dg_mem_alloc(&d->arena, 2 * sizeof *t->parts);
  t->parts[0] = (dg_dpart){"Telefon", "Telefon", "telephone", false};
  t->parts[1] = (dg_dpart){"gespräch", "Gespräch", "conversation", false};
  t->nparts = 2;
  t = S_tok(s, ".", DG_KIND_PUNCT, false);
  s->translation = "Russia's president \"leads\" a phone call.";
  s->tr_provider = "deepl";
  s->tr_model = "";
  /* A second sentence with characters to escape. */
  dg_dsentence *s2 = dg_doc_add_sentence(d);
  s2->tokens = dg_mem_alloc(&d->arena, 4 * sizeof *s2->tokens);
  s2->text = "A<B";
  s2->paragraph = 1;
  t = S_tok(s2, "A<B", DG_KIND_WORD, false);
  t->lemma = "A<B";
  S_glosses(d, t, "x\ty&z", NULL);
  s2->tr_error = "HTTP 456: quota exceeded";
  s2->tr_provider = "deepl";
  s2->tr_status = 456;
  (void)S_one;
  return d;
}

static char *S_render(const dg_doc *d, dg_format f, dg_style st, unsigned width, unsigned alts) {
  dg_render_opts o = {.format = f, .style = st, .width = width, .alternatives = alts};
  dg_render r;
  dg_render_init(&r, &o);
  dg_buf b;
  dg_buf_init(&b);
  dg_render_begin(&r, &b);
  dg_render_doc(&r, d, &b);
  dg_render_end(&r, &b);
  return dg_buf_detach(&b);
}

int main(void) {
  dg_doc *d = S_doc();

  char *il = S_render(d, DG_FMT_INTERLINEAR, DG_STYLE_LEIPZIG, 120, 0);
  CONTAINS(il,
           "Russlands   Präsident  „führt“       ein      Telefongespräch.\n"
           "Russland-s  Präsident  „führ-t“      ein      Telefon-gespräch.\n"
           "Russia-GEN  president  lead-PRS.3SG  a.N.ACC  telephone-conversation\n"
           "'Russia's president \"leads\" a phone call.'\n",
           "interlinear columns aligned by display width");
  CONTAINS(il, "[no translation: HTTP 456: quota exceeded]", "translation error shown");
  OK(!strstr(il, "\033["), "no colour unless asked");
  free(il);

  il = S_render(d, DG_FMT_INTERLINEAR, DG_STYLE_LEIPZIG, 30, 0);
  CONTAINS(il, "Russlands   Präsident\nRussland-s  Präsident\nRussia-GEN  president\n\n„führt“       ein\n",
           "wrapped at 30 columns");
  {
    /* No line longer than the width (display columns) unless one cell is. */
    char *line = il, *nl;
    bool fits = true;
    while ((nl = strchr(line, '\n'))) {
      size_t w = dg_display_width(line, (size_t)(nl - line));
      /* Only a single cell (no column gap) may be wider; the translation wraps freely. */
      char tmp[512];
      snprintf(tmp, sizeof tmp, "%.*s", (int)(nl - line), line);
      if (w > 30 && line[0] != '\'' && strstr(tmp, "  ")) fits = false;
      line = nl + 1;
    }
    OK(fits, "wrapped lines fit the width");
  }
  free(il);

  il = S_render(d, DG_FMT_INTERLINEAR, DG_STYLE_PLAIN, 120, 0);
  CONTAINS(il, "Russia      president  leads     a    telephone conversation", "plain style");
  free(il);

  dg_render_opts co = {.format = DG_FMT_INTERLINEAR, .width = 120, .color = true};
  dg_render r;
  dg_render_init(&r, &co);
  dg_buf b;
  dg_buf_init(&b);
  dg_render_doc(&r, d, &b);
  OK(strstr(b.data, "\033[") != NULL, "colour when asked");
  /* Colour codes do not disturb alignment: strip them and compare. */
  {
    dg_buf plain;
    dg_buf_init(&plain);
    for (size_t i = 0; i < b.len; i++) {
      if (b.data[i] == '\033') {
        while (i < b.len && b.data[i] != 'm') i++;
        continue;
      }
      dg_buf_putc(&plain, b.data[i]);
    }
    CONTAINS(plain.data, "Russia-GEN  president  lead-PRS.3SG  a.N.ACC  telephone-conversation\n",
             "colour keeps columns");
    dg_buf_free(&plain);
  }
  dg_buf_free(&b);

  /* JSONL: one object per line with the documented fields. */
  char *jl = S_render(d, DG_FMT_JSONL, DG_STYLE_LEIPZIG, 80, 0);
  char *nl = strchr(jl, '\n');
  OK(nl && strchr(nl + 1, '\n') && !strchr(strchr(nl + 1, '\n') + 1, '\n'), "two lines");
  json_error_t je;
  json_t *o = json_loadb(jl, (size_t)(nl - jl), 0, &je);
  OK(o != NULL, "line 1 parses");
  if (o) {
    STR_EQ(json_string_value(json_object_get(o, "text")), "Russlands Präsident „führt“ ein Telefongespräch.", "text");
    json_t *toks = json_object_get(o, "tokens");
    INT_EQ(json_array_size(toks), 8, "token count");
    json_t *t0 = json_array_get(toks, 0);
    STR_EQ(json_string_value(json_object_get(t0, "kind")), "name", "name kind");
    STR_EQ(json_string_value(json_object_get(t0, "gloss")), "Russia", "gloss");
    STR_EQ(json_string_value(json_object_get(t0, "plain")), "Russia", "plain without an English form: the gloss");
    json_t *t3 = json_array_get(toks, 3);
    STR_EQ(json_string_value(json_object_get(t3, "gloss")), "lead", "Leipzig gloss beside plain");
    STR_EQ(json_string_value(json_object_get(t3, "plain")), "leads", "plain gloss in Leipzig style");
    STR_EQ(json_string_value(json_object_get(json_array_get(toks, 2), "plain")), "", "punctuation: empty plain");
    json_t *t6 = json_array_get(toks, 6);
    json_t *parts = json_object_get(t6, "parts");
    INT_EQ(json_array_size(parts), 2, "parts");
    STR_EQ(json_string_value(json_object_get(json_array_get(parts, 1), "gloss")), "conversation", "part gloss");
    STR_EQ(json_string_value(json_object_get(json_array_get(parts, 0), "kind")), "stem", "part kind");
    INT_EQ(json_array_size(json_object_get(t6, "glosses")), 2, "alternatives");
    STR_EQ(json_string_value(json_object_get(json_object_get(o, "translation"), "provider")), "deepl", "provider");
    OK(json_object_get(json_array_get(toks, 2), "space_after") == json_false(), "space_after false");
    json_decref(o);
  }
  o = json_loads(nl + 1, 0, &je);
  OK(o != NULL, "line 2 parses");
  if (o) {
    json_t *te = json_object_get(o, "translation_error");
    INT_EQ(json_integer_value(json_object_get(te, "status")), 456, "status");
    STR_EQ(json_string_value(json_object_get(json_array_get(json_object_get(o, "tokens"), 0), "gloss")), "x\ty&z",
           "tab survives JSON");
    json_decref(o);
  }
  free(jl);
  {
    char *lz = S_render(d, DG_FMT_JSONL, DG_STYLE_LEIPZIG, 80, 0);
    char *pl = S_render(d, DG_FMT_JSONL, DG_STYLE_PLAIN, 80, 0);
    STR_EQ(pl, lz, "JSONL carries both glosses in either style");
    free(lz);
    free(pl);
  }
  jl = S_render(d, DG_FMT_JSONL, DG_STYLE_LEIPZIG, 80, 1);
  CONTAINS(jl, "\"glosses\":[\"telephone conversation\"]", "--alternatives 1");
  free(jl);

  char *js = S_render(d, DG_FMT_JSON, DG_STYLE_LEIPZIG, 80, 0);
  o = json_loads(js, 0, &je);
  OK(o && json_array_size(json_object_get(o, "sentences")) == 2, "json document");
  json_decref(o);
  free(js);
  dg_doc *empty = dg_doc_new("e");
  js = S_render(empty, DG_FMT_JSON, DG_STYLE_LEIPZIG, 80, 0);
  o = json_loads(js, 0, &je);
  OK(o && json_array_size(json_object_get(o, "sentences")) == 0, "empty json document is valid");
  json_decref(o);
  free(js);
  dg_doc_free(empty);

  char *cu = S_render(d, DG_FMT_CONLLU, DG_STYLE_LEIPZIG, 80, 0);
  CONTAINS(cu, "# text = Russlands Präsident „führt“ ein Telefongespräch.\n", "# text");
  CONTAINS(cu, "# text_en = Russia's president \"leads\" a phone call.\n", "# text_en");
  CONTAINS(cu, "1\tRusslands\tRussland\tPROPN\t_\tCase=Gen|Number=Sing\t_\t_\t_\tGloss=Russia|Labels=GEN|Plain=Russia\n",
           "token line");
  CONTAINS(cu, "Gloss=telephone.conversation|Parts=Telefon+gespräch|Plain=telephone.conversation|SpaceAfter=No",
           "misc");
  CONTAINS(cu, "\tGloss=lead|Labels=PRS.3SG|Plain=leads|SpaceAfter=No\n", "Leipzig Gloss=, plain Plain=");
  OK(!strstr(cu, "Plain=_"), "no Plain= for punctuation");
  CONTAINS(cu, "Gloss=x.y&z", "tab in MISC escaped");
  {
    /* Every token line has exactly ten columns. */
    int bad = 0;
    for (char *line = cu; *line;) {
      char *e = strchr(line, '\n');
      if (!e) break;
      if (line[0] != '#' && e > line) {
        int tabs = 0;
        for (char *p = line; p < e; p++) tabs += *p == '\t';
        if (tabs != 9) bad++;
      }
      line = e + 1;
    }
    INT_EQ(bad, 0, "conllu lines with other than 10 columns");
  }
  free(cu);
  cu = S_render(d, DG_FMT_CONLLU, DG_STYLE_PLAIN, 80, 0);
  CONTAINS(cu, "\tGloss=leads|Labels=PRS.3SG|Plain=leads|SpaceAfter=No\n", "plain style: Gloss= is the plain gloss");
  CONTAINS(cu, "Gloss=telephone.conversation|Parts=Telefon+gespräch|Plain=telephone.conversation", "spaces escaped");
  free(cu);

  char *ht = S_render(d, DG_FMT_HTML, DG_STYLE_LEIPZIG, 80, 0);
  CONTAINS(ht, "<!DOCTYPE html>", "standalone");
  CONTAINS(ht, "A&lt;B", "escaped form");
  CONTAINS(ht, "x\ty&amp;z", "escaped gloss");
  OK(!strstr(ht, "A<B"), "no raw <");
  CONTAINS(ht, "</html>\n", "closed");
  free(ht);

  char *ts = S_render(d, DG_FMT_TSV, DG_STYLE_LEIPZIG, 80, 0);
  CONTAINS(ts, "sentence\ttoken\tform\t", "header");
  CONTAINS(ts, "x\\ty&z", "tab escaped");
  CONTAINS(ts, "telephone conversation | phone call\tTelefon|gespräch", "alternatives and parts");
  CONTAINS(ts, "\tlabels\tgloss\tplain\tglosses\t", "plain column beside gloss");
  CONTAINS(ts, "\tPRS.3SG\tlead\tleads\tlead | guide\t", "Leipzig style: gloss column Leipzig, plain column plain");
  free(ts);
  ts = S_render(d, DG_FMT_TSV, DG_STYLE_PLAIN, 80, 0);
  CONTAINS(ts, "\tPRS.3SG\tleads\tleads\tlead | guide\t", "plain style: gloss column plain");
  free(ts);

  {
    /* Plain style turns Leipzig's joining dots into spaces, but not the dots
     * of an abbreviation or of an address. */
    dg_dtoken t;
    dg_buf cell;
    dg_buf_init(&cell);
    const struct {
      dg_kind kind;
      const char *gloss, *want;
    } cases[] = {{DG_KIND_WORD, "on.the", "on the"},
                 {DG_KIND_WORD, "e.g.", "e.g."},
                 {DG_KIND_WORD, "i.e.", "i.e."},
                 {DG_KIND_EMAIL, "jo@samaritans.org", "jo@samaritans.org"},
                 {DG_KIND_URL, "www.example.de", "www.example.de"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      dg_dtoken_init(&t);
      t.form = t.gloss = cases[i].gloss;
      t.kind = cases[i].kind;
      dg_buf_clear(&cell);
      dg_render_gloss_text(&cell, &t, &d->sentences[0], DG_STYLE_PLAIN);
      STR_EQ(cell.data, cases[i].want, "plain gloss keeps the dots of abbreviations and addresses");
    }
    dg_buf_free(&cell);
  }

  dg_format f;
  OK(dg_format_parse("conllu", &f) && f == DG_FMT_CONLLU, "format name");
  OK(!dg_format_parse("xml", &f), "unknown format");
  INT_EQ(dg_display_width("Präsident", strlen("Präsident")), 9, "width of umlauts");
  INT_EQ(dg_display_width("日本", strlen("日本")), 4, "wide characters");
  /* The width's shortcuts (printable ASCII by the word, Latin letters,
   * German dashes and quotes) agree with utf8proc for every character,
   * at every place in a short string and a long one. */
  bool agree = true;
  for (utf8proc_int32_t c = 0; c <= 0x10FFFF && agree; c++) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char u[32] = "ab";
    size_t k = (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)u + 2);
    memcpy(u + 2 + k, "cdefghijklm", 12);
    int cw = c >= 0x20 && c <= 0x7E ? 1 : utf8proc_charwidth(c);
    size_t want = (cw > 0 ? (size_t)cw : 0);
    agree = dg_display_width(u + 2, k) == want && dg_display_width(u, 2 + k + 1) == 3 + want &&
            dg_display_width(u, 2 + k + 11) == 13 + want;
    if (!agree) fprintf(stderr, "width of U+%04X\n", (unsigned)c);
  }
  OK(agree, "width of each character as utf8proc has it");
  for (size_t n = 0; n <= 20; n++) INT_EQ(dg_display_width("abcdefghijklmnopqrstu", n), n, "width of ASCII");
  dg_doc_free(d);
  return DONE("gloss.render");
}
