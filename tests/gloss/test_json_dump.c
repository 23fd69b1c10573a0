/* The JSON renderer writes its objects directly; they must be exactly what
 * jansson's json_dumps writes for the same object (compact and indented),
 * also for strings needing escapes, and a string that is not valid UTF-8
 * must leave out its member (as json_string refused it).  The oracle: load
 * our output with jansson and dump it again with the same flags.  The
 * writer reads a string 16 bytes at a time: strings of 15, 16, 17 and more
 * bytes, an escape or UTF-8 just after a block, and strings that end at
 * the last byte before an unreadable page are written as jansson does.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* The sentence's JSON, parsed, after checking that jansson dumps it
 * again byte for byte; NULL when it does not parse. */
static json_t *S_same(dg_render *r, const dg_dsentence *s, bool pretty) {
  dg_buf b;
  dg_buf_init(&b);
  dg_render_json_sentence(r, s, &b, pretty);
  json_error_t je;
  json_t *o = json_loads(b.data, 0, &je);
  OK(o != NULL, "our JSON parses");
  if (o) {
    char *again = json_dumps(o, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
    STR_EQ(b.data, again, pretty ? "indented: as jansson dumps it" : "compact: as jansson dumps it");
    free(again);
  }
  dg_buf_free(&b);
  return o;
}

static void S_check(dg_render *r, const dg_dsentence *s, bool pretty) {
  json_t *o = S_same(r, s, pretty);
  if (o) {
    json_t *tok = json_array_get(json_object_get(o, "tokens"), 0);
    INT_EQ(json_array_size(json_object_get(tok, "glosses")), 2, "invalid UTF-8 gloss left out");
    OK(json_object_get(tok, "reason") == NULL, "invalid UTF-8 member left out");
    STR_EQ(json_string_value(json_object_get(o, "text")), s->text, "escapes round-trip");
    OK(json_integer_value(json_object_get(o, "start")) == 5, "start");
    json_decref(o);
  }
}

/* A copy of str ending at the last byte of a readable page (the next one is
 * unreadable): a read past the string's page would crash the test. */
static const char *S_at_page_end(char *page, size_t pagesize, const char *str) {
  size_t n = strlen(str) + 1;
  char *p = page + pagesize - n;
  memcpy(p, str, n);
  return p;
}

static void S_check_blocks(dg_render *r) {
  size_t ps = (size_t)sysconf(_SC_PAGESIZE);
  char *pages = mmap(NULL, 8 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  OK(pages != MAP_FAILED, "pages mapped");
  if (pages == MAP_FAILED) return;
  for (size_t k = 1; k < 8; k += 2) mprotect(pages + k * ps, ps, PROT_NONE);
  dg_doc *d = dg_doc_new("test");
  dg_dsentence *s = dg_doc_add_sentence(d);
  s->tokens = dg_mem_alloc(&d->arena, 8 * sizeof *s->tokens);
  s->text = "abcdefghijklmnopqrstuvwxyz0123456789\"";
  dg_dtoken *t = S_tok(s, S_at_page_end(pages, ps, "abcdefghijklmno"), DG_KIND_WORD); /* 15 */
  t->lemma = S_at_page_end(pages + 2 * ps, ps, "abcdefghijklmnop");                    /* 16 */
  t->pos = S_at_page_end(pages + 4 * ps, ps, "");
  t->gloss = S_at_page_end(pages + 6 * ps, ps, "abcdefghijklmnopq");                   /* 17 */
  t->source = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
  t = S_tok(s, "abcdefghijklmnop\"after a block\"", DG_KIND_WORD);
  t->lemma = "abcdefghijklmnopÄrger";
  t->gloss = "abcdefghijklmnop\n";
  t->source = "abcdefghijklmnopabcdefghijklmnop\xff"; /* not UTF-8: left out */
  for (int pretty = 0; pretty < 2; pretty++) {
    json_t *o = S_same(r, s, pretty);
    json_t *toks = json_object_get(o, "tokens");
    for (size_t i = 0; o && i < s->ntokens; i++) {
      json_t *tok = json_array_get(toks, i);
      STR_EQ(json_string_value(json_object_get(tok, "form")), s->tokens[i].form, "form round-trips");
      STR_EQ(json_string_value(json_object_get(tok, "lemma")), s->tokens[i].lemma, "lemma round-trips");
      STR_EQ(json_string_value(json_object_get(tok, "gloss")), s->tokens[i].gloss, "gloss round-trips");
    }
    OK(o && json_object_get(json_array_get(toks, 0), "source") != NULL, "a long source written");
    OK(o && json_object_get(json_array_get(toks, 1), "source") == NULL, "a long invalid source left out");
    json_decref(o);
  }
  dg_doc_free(d);
  munmap(pages, 8 * ps);
}

/* Numbers are written as jansson writes them, at each count of digits
 * (either side of each power of ten) and at the ends of the range. */
static void S_check_number(dg_render *r, dg_dsentence *s, unsigned long long x) {
  s->tokens[0].start = x;
  s->start = (uint64_t)0 - x; /* negative as a long long */
  json_t *o = S_same(r, s, false);
  json_t *tok = json_array_get(json_object_get(o, "tokens"), 0);
  OK(o && (unsigned long long)json_integer_value(json_object_get(tok, "start")) == x, "number %llu", x);
  OK(o && (unsigned long long)json_integer_value(json_object_get(o, "start")) == (uint64_t)0 - x, "number -%llu", x);
  json_decref(o);
}

static void S_check_numbers(dg_render *r) {
  dg_doc *d = dg_doc_new("test");
  dg_dsentence *s = dg_doc_add_sentence(d);
  s->tokens = dg_mem_alloc(&d->arena, 8 * sizeof *s->tokens);
  S_tok(s, "Zahl", DG_KIND_NUMBER);
  S_check_number(r, s, 0);
  for (unsigned long long v = 1; v <= 1000000000000000000ULL; v *= 10)
    for (unsigned long long x = v - 1; x <= v + 1; x++) S_check_number(r, s, x);
  S_check_number(r, s, 9223372036854775807ULL);
  S_check_number(r, s, 9223372036854775808ULL); /* LLONG_MIN one way, the other wraps */
  dg_doc_free(d);
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
  S_check_blocks(&r);
  S_check_numbers(&r);
  return DONE("gloss.json_dump");
}
