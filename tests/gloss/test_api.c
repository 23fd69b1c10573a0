/* The public C API (degloss.h): engine, glossing text, token accessors,
 * rendering, errors.  Needs DEGLOSS_DATA_DIR.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "degloss.h"
#include "harness.h"

static int S_find(const degloss_doc *d, size_t s, const char *form) {
  for (size_t t = 0; t < degloss_sentence_tokens(d, s); t++) {
    degloss_token tok;
    if (degloss_token_get(d, s, t, &tok) && strcmp(tok.form, form) == 0) return (int)t;
  }
  return -1;
}

int main(void) {
  degloss_error err = {0};
  /* A missing data directory is an error naming the file. */
  degloss_options bad = {0};
  bad.data_dir = "/nonexistent/degloss-data";
  OK(degloss_engine_new(&bad, &err) == NULL, "no engine without data");
  OK(err.code == DEGLOSS_ERR_IO || err.code == DEGLOSS_ERR_FORMAT, "error code for missing data");
  CONTAINS(err.text, "degloss.lex", "message names the file");
  memset(&err, 0, sizeof err);
  bad.data_dir = NULL;
  bad.dict = "xx_YY";
  OK(degloss_engine_new(&bad, &err) == NULL && err.code == DEGLOSS_ERR_ARG, "unknown dictionary refused");
  memset(&err, 0, sizeof err);

  degloss_engine *e = degloss_engine_new(NULL, &err);
  OK(e != NULL, "engine with default data");
  if (!e) {
    fprintf(stderr, "%s\n", err.text);
    return DONE("gloss.api");
  }
  const char *text = "Der Kreml bestätigte am Montag ein Telefongespräch. Russlands Präsident stellte das klar.";
  degloss_doc *d = degloss_gloss_text(e, text, strlen(text), &err);
  OK(d != NULL, "glossed");
  INT_EQ(degloss_doc_sentences(d), 2, "two sentences");
  STR_EQ(degloss_sentence_text(d, 0), "Der Kreml bestätigte am Montag ein Telefongespräch.", "sentence text");
  OK(degloss_sentence_text(d, 2) == NULL, "out of range sentence");
  degloss_token tok;
  OK(!degloss_token_get(d, 0, 999, &tok), "out of range token");
  /* Every word has a gloss; offsets point into the text. */
  size_t words = 0, glossed = 0;
  for (size_t s = 0; s < degloss_doc_sentences(d); s++)
    for (size_t t = 0; t < degloss_sentence_tokens(d, s); t++) {
      OK(degloss_token_get(d, s, t, &tok), "token get");
      OK(tok.end > tok.start && tok.end <= strlen(text), "offsets in range");
      if (!strcmp(tok.kind, "punct")) continue;
      words++;
      glossed += tok.gloss[0] != '\0';
      OK(tok.nglosses >= 1 && degloss_token_gloss(d, s, t, 0) != NULL, "ranked glosses");
      OK(strcmp(degloss_token_gloss(d, s, t, 0), tok.gloss) == 0, "first alternative is the gloss");
    }
  INT_EQ(glossed, words, "every word glossed");
  int k = S_find(d, 0, "bestätigte");
  OK(k >= 0, "bestätigte found");
  if (k >= 0) {
    degloss_token_get(d, 0, (size_t)k, &tok);
    STR_EQ(tok.lemma, "bestätigen", "lemma");
    STR_EQ(tok.pos, "VERB", "pos");
    CONTAINS(tok.labels, "PST", "past tense label");
    STR_EQ(tok.gloss, "confirm", "gloss");
    OK(memcmp(text + tok.start, "bestätigte", strlen("bestätigte")) == 0, "offsets are byte offsets");
  }
  k = S_find(d, 0, "Telefongespräch");
  if (k >= 0) {
    degloss_token_get(d, 0, (size_t)k, &tok);
    INT_EQ(tok.nparts, 2, "compound parts");
    const char *pf, *pg;
    int link;
    OK(degloss_token_part(d, 0, (size_t)k, 1, &pf, &pg, &link), "part 1");
    STR_EQ(pf, "gespräch", "part form");
    OK(!link && pg[0], "stem with gloss");
    OK(!degloss_token_part(d, 0, (size_t)k, 2, &pf, &pg, &link), "no part 2");
  }
  k = S_find(d, 1, "stellte");
  if (k >= 0) {
    degloss_token_get(d, 1, (size_t)k, &tok);
    STR_EQ(tok.lemma, "klarstellen", "separable verb joined");
    OK(tok.separable_partner == S_find(d, 1, "klar"), "partner is the particle");
  }
  char *out = degloss_render(d, "jsonl", NULL, 0, &err);
  OK(out && strchr(out, '\n') && strstr(out, "\"gloss\":\"confirm\""), "render jsonl");
  free(out);
  out = degloss_render(d, "interlinear", "leipzig", 60, &err);
  CONTAINS(out, "Russia-GEN", "render interlinear");
  free(out);
  out = degloss_render(d, "interlinear", "plain", 60, &err);
  CONTAINS(out, "confirmed", "plain style");
  free(out);
  memset(&err, 0, sizeof err);
  OK(degloss_render(d, "pdf", NULL, 0, &err) == NULL && err.code == DEGLOSS_ERR_ARG, "unknown format");
  CONTAINS(err.text, "pdf", "message names the format");
  degloss_doc_free(d);

  /* Horizontal input keeps the tokens. */
  const char *h = "z. B. Haus\n";
  d = degloss_gloss(e, h, strlen(h), DEGLOSS_INPUT_HORIZONTAL, &err);
  OK(d && degloss_doc_sentences(d) == 1 && degloss_sentence_tokens(d, 0) == 3, "horizontal: tokens as given");
  degloss_doc_free(d);
  /* Empty and invalid input. */
  d = degloss_gloss_text(e, "", 0, &err);
  OK(d && degloss_doc_sentences(d) == 0, "empty text");
  degloss_doc_free(d);
  const char bin[] = "Haus \xff\xfe Baum";
  d = degloss_gloss_text(e, bin, sizeof bin - 1, &err);
  OK(d && degloss_doc_sentences(d) == 1, "invalid bytes are replaced, the rest glossed");
  degloss_doc_free(d);
  /* A document stays valid after its engine is freed: its glosses point
   * into the dictionary the document keeps open. */
  d = degloss_gloss_text(e, text, strlen(text), &err);
  char *before = d ? degloss_render(d, "jsonl", NULL, 0, &err) : NULL;
  int call = d ? S_find(d, 0, "Telefongespräch") : -1;
  degloss_engine_free(e);
  char *after = d ? degloss_render(d, "jsonl", NULL, 0, &err) : NULL;
  OK(before && after && strcmp(before, after) == 0, "the document renders the same after its engine is freed");
  degloss_token kept;
  OK(call >= 0 && degloss_token_get(d, 0, (size_t)call, &kept) && kept.gloss && strstr(kept.gloss, "conversation"),
     "a gloss read after the engine is freed");
  free(before);
  free(after);
  degloss_doc_free(d);
  return DONE("gloss.api");
}
