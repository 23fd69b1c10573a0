/* Fuzz target for the text layer: the first byte picks the mode (text or
 * horizontal), a paragraph bound and the input encoding; the rest is the
 * input.  Every input
 * must round-trip byte for byte and tile into tokens; anything else aborts.
 *
 * libFuzzer (clang): tests/fuzz/run, or by hand CC=clang cmake -B build-fuzz
 * -DDEGLOSS_FUZZ=ON, then build-fuzz/fuzz_text -max_total_time=60 CORPUS_DIR.
 * Without libFuzzer the same code is built as text_fuzz_replay, whose own
 * main runs the target on each file given with every selector byte (the
 * ctest test text.fuzz_replay does this on the case files).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "text_internal.h"
#include "util.h"

static void S_quiet(void *ctx, const degloss_error *w) {
  (void)ctx;
  (void)w;
}

static void S_check(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "text_fuzz: %s\n", what);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tokenizer's lane (tokenize.c S_lane) gives the tokens of its general
 * branches: a paragraph's bytes tokenized both ways. */
static void S_lane_same(const char *raw, size_t len) {
  static dg_textbuf tb;
  static dg_ltoks a, b;
  dg_warnstate ws = {.reported = DG_TEXT_WARN_MAX, .capped = true}; /* silent */
  b.no_lane = true;
  dg_text_decode(&tb, raw, len, 0, NULL, 0, &ws);
  dg_text_tokenize(&tb, raw, &a);
  dg_text_tokenize(&tb, raw, &b);
  S_check(a.n == b.n, "lane: token count");
  for (size_t i = 0; i < a.n; i++) {
    const dg_ltok *x = &a.v[i], *y = &b.v[i];
    S_check(x->cs == y->cs && x->ce == y->ce && x->kind == y->kind && x->flags == y->flags &&
                x->fl == y->fl && !memcmp(a.forms.data + x->fo, b.forms.data + y->fo, x->fl + 1),
            "lane: a token");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static dg_warn_scope scope = {.fn = S_quiet};
  static bool pushed;
  if (!pushed) dg_warn_push(&scope);
  pushed = true;
  if (size == 0) return 0;
  unsigned sel = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  degloss_input mode = !(sel & 1) ? DEGLOSS_INPUT_TEXT : (sel & 64) ? DEGLOSS_INPUT_LINES : DEGLOSS_INPUT_HORIZONTAL;
  static const size_t bounds[] = {0, 64, 100, 4096};
  dg_reader *r = dg_reader_new_mem(text, len, "fuzz", mode);
  if (bounds[(sel >> 1) & 3]) dg_reader_set_max_paragraph(r, bounds[(sel >> 1) & 3]);
  static const degloss_encoding encs[8] = {DEGLOSS_ENCODING_UTF8,    DEGLOSS_ENCODING_AUTO,    DEGLOSS_ENCODING_CP1252,
                                      DEGLOSS_ENCODING_LATIN1,  DEGLOSS_ENCODING_UTF16,   DEGLOSS_ENCODING_UTF16LE,
                                      DEGLOSS_ENCODING_UTF16BE, DEGLOSS_ENCODING_UTF8};
  dg_reader_set_encoding(r, encs[(sel >> 3) & 7]);
  dg_paragraph p;
  degloss_error err = {0};
  uint64_t off = 0;
  while (dg_reader_next(r, &p, &err)) {
    S_check(p.lead_start == off && p.start == off + p.leadlen && p.end == p.start + p.rawlen,
            "paragraph offsets");
    S_check(!memcmp(p.lead, text + p.lead_start, p.leadlen), "lead bytes");
    S_check(!memcmp(p.raw, text + p.start, p.rawlen), "raw bytes");
    uint64_t pos = p.start;
    size_t seen = 0;
    for (size_t s = 0; s < p.nsentences; s++) {
      const dg_sentence *st = &p.sentences[s];
      S_check(st->ntokens == 0 || st->tokens == p.tokens + seen, "sentences tile tokens");
      S_check(st->ntokens > 0 || mode != DEGLOSS_INPUT_TEXT, "empty sentence");
      for (size_t t = 0; t < st->ntokens; t++) {
        const dg_token *k = &st->tokens[t];
        S_check(k->start >= pos && k->end > k->start && k->end <= p.end, "token offsets");
        S_check(k->form[0] != '\0', "empty form");
        S_check((unsigned)k->kind < DG_TOK_NKINDS, "token kind");
        pos = k->end;
      }
      seen += st->ntokens;
    }
    S_check(seen == p.ntokens, "token count");
    if (mode != DEGLOSS_INPUT_HORIZONTAL) S_lane_same(p.raw, p.rawlen);
    off = p.end;
    dg_paragraph_free(&p);
  }
  S_check(err.code == DEGLOSS_OK, "reader error");
  size_t tl;
  uint64_t ts;
  const char *tail = dg_reader_tail(r, &tl, &ts);
  S_check(ts == off && ts + tl == len && !memcmp(tail, text + ts, tl), "tail");
  dg_reader_free(r);
  return 0;
}

#ifndef DG_LIBFUZZER
int main(int argc, char **argv) {
  int n = 0;
  for (int i = 1; i < argc; i++) {
    size_t len;
    degloss_error err = {0};
    char *d = dg_read_file(argv[i], &len, &err);
    if (!d) {
      fprintf(stderr, "text_fuzz_replay: %s: %s\n", err.source, err.text);
      return 2;
    }
    /* every selector byte: both modes, every bound, every encoding */
    char *buf = dg_xmalloc(len + 1);
    memcpy(buf + 1, d, len);
    for (unsigned sel = 0; sel < 64; sel++) {
      buf[0] = (char)sel;
      LLVMFuzzerTestOneInput((const uint8_t *)buf, len + 1);
      n++;
    }
    free(buf);
    free(d);
  }
  printf("text_fuzz_replay: %d runs OK\n", n);
  return 0;
}
#endif
