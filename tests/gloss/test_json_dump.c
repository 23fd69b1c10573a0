/* The JSON renderer writes its objects directly; they must be exactly what
 * jansson's json_dumps writes for the same object (compact and indented),
 * also for strings needing escapes, and a string that is not valid UTF-8
 * must leave out its member (as json_string refused it).  The oracle: load
 * our output with jansson and dump it again with the same flags.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>

#include "harness.h"
#include "render.h"

static dg_dtoken *S_tok(dg_dsentence *s, const char *form, dg_kind kind) {
  dg_dtoken *t = &s->tokens[s->ntokens++];
  dg_dtoken_init(t);
  t->form = form;
  t->kind = kind;
  t->flags |= DG_DF_SPACE_AFTER;
  return t;
}

static dg_doc *S_doc(void) {
  dg_doc *d = dg_doc_new("test");
  dg_dsentence *s = dg_doc_add_sentence(d);
  s->tokens = dg_mem_alloc(&d->arena, 8 * sizeof *s->tokens);
  s->text = "Er sagte: \"a\\b\" \x01\x1b\x1f\t\n\r\b\f \x7f und / „Präsident“ 😀";
  s->start = 5;
  s->end = 18446744073709551615ULL;
  s->paragraph = 3;
  s->headline = true;
  dg_dtoken *t = S_tok(s, "Präsident", DG_KIND_WORD);
  t->lemma = "Präsident";
  t->pos = "NOUN";
  t->gloss = "president";
  const char **g = dg_mem_alloc(&d->arena, 3 * sizeof *g);
  g[0] = "president";
  g[1] = "bad \xff utf-8"; /* left out of the array */
  g[2] = "chair\"man";
  t->glosses = g;
  t->nglosses = 3;
  t->source = "ding:1";
  t->reason = "bad \xed\xa0\x80 surrogate"; /* left out with its key */
  t = S_tok(s, "Waffenstillstandsabkommen", DG_KIND_WORD);
  t->lemma = "Waffenstillstandsabkommen";
  t->pos = "NOUN";
  t->gloss = "armistice agreement";
  t->nglosses = 0; /* an empty array */
  t->nparts = 3;
  t->parts = dg_mem_alloc(&d->arena, 3 * sizeof *t->parts);
  memset(t->parts, 0, 3 * sizeof *t->parts);
  t->parts[0].form = "Waffenstillstand";
  t->parts[0].lemma = "Waffenstillstand";
  t->parts[0].gloss = "armistice";
  t->parts[1].form = "s";
  t->parts[1].link = true;
  t->parts[2].form = "abkommen";
  t->parts[2].lemma = "Abkommen";
  t->parts[2].gloss = "agreement";
  t->seg = "Waffenstillstand-s-abkommen";
  t->mwe = 0;
  t->mwe_head = true;
  t->flags = DG_DF_EMPHASIS | DG_DF_HYPHEN_JOINED | DG_DF_SEP_VERB; /* no space after */
  t->link = 0;
  s->nmwes = 1;
  s->mwes = dg_mem_alloc(&d->arena, sizeof *s->mwes);
  memset(s->mwes, 0, sizeof *s->mwes);
  s->mwes[0].id = 1;
  s->mwes[0].lemma = "zur Rechenschaft ziehen";
  s->mwes[0].gloss = "hold accountable";
  s->translation = "He said: \"a\\b\"";
  s->tr_provider = "deepl";
  s->tr_model = NULL;
  s->tr_cached = true;
  return d;
}

static void S_check(dg_render *r, const dg_dsentence *s, bool pretty) {
  dg_buf b;
  dg_buf_init(&b);
  dg_render_json_sentence(r, s, &b, pretty);
  json_error_t je;
  json_t *o = json_loads(b.data, 0, &je);
  OK(o != NULL, "our JSON parses");
  if (o) {
    char *again = json_dumps(o, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
    STR_EQ(b.data, again, pretty ? "indented: as jansson dumps it" : "compact: as jansson dumps it");
    json_t *tok = json_array_get(json_object_get(o, "tokens"), 0);
    INT_EQ(json_array_size(json_object_get(tok, "glosses")), 2, "invalid UTF-8 gloss left out");
    OK(json_object_get(tok, "reason") == NULL, "invalid UTF-8 member left out");
    STR_EQ(json_string_value(json_object_get(o, "text")), s->text, "escapes round-trip");
    OK(json_integer_value(json_object_get(o, "start")) == 5, "start");
    free(again);
    json_decref(o);
  }
  dg_buf_free(&b);
}

int main(void) {
  dg_doc *d = S_doc();
  dg_render_opts ro = {.format = DG_FMT_JSONL, .style = DG_STYLE_LEIPZIG, .width = 80};
  dg_render r;
  dg_render_init(&r, &ro);
  S_check(&r, &d->sentences[0], false);
  S_check(&r, &d->sentences[0], true);
  d->sentences[0].translation = NULL;
  d->sentences[0].tr_error = "HTTP 403: \"forbidden\"";
  d->sentences[0].tr_status = 403;
  S_check(&r, &d->sentences[0], false);
  dg_doc_free(d);
  return DONE("gloss.json_dump");
}
