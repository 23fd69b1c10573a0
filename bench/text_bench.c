/* text_bench: throughput of the text layer (decode + segment + tokenize).
 *
 *   text_bench [-s MB] [--horizontal] FILE...   corpus = FILEs repeated to MB
 *                                               megabytes (default 50), read
 *                                               through a FILE stream
 *   text_bench --stdin [--max BYTES]            stream stdin once (any size)
 *   --encoding ENC                              input encoding (default auto)
 *
 * Prints bytes, paragraphs, sentences, tokens, seconds, MB/s and the peak
 * resident set size.  Not a test: run bench/text_bench.sh.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "text.h"
#include "util.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double S_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void S_quiet(void *ctx, const degloss_error *w) {
  (void)ctx;
  (void)w;
}

static degloss_encoding S_enc = DEGLOSS_ENCODING_AUTO;

static int S_run(FILE *in, const char *name, degloss_input mode, size_t max, const char *what) {
  dg_reader *r = dg_reader_new(in, name, mode);
  if (max) dg_reader_set_max_paragraph(r, max);
  dg_reader_set_encoding(r, S_enc);
  dg_paragraph p;
  degloss_error err = {0};
  size_t np = 0, ns = 0, nt = 0, maxraw = 0;
  double t0 = S_now(), c0 = S_cpu();
  while (dg_reader_next(r, &p, &err)) {
    np++;
    ns += p.nsentences;
    nt += p.ntokens;
    if (p.rawlen > maxraw) maxraw = p.rawlen;
    dg_paragraph_free(&p);
  }
  double secs = S_now() - t0, cpu = S_cpu() - c0;
  uint64_t bytes = dg_reader_offset(r);
  dg_reader_free(r);
  if (err.code) {
    fprintf(stderr, "text_bench: %s\n", err.text);
    return 1;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double mb = (double)bytes / 1e6;
  printf("%s: %.1f MB, %zu paragraphs (largest %zu bytes), %zu sentences, %zu tokens\n", what,
         mb, np, maxraw, ns, nt);
  printf("%s: %.3f s wall, %.3f s cpu: %.1f MB/s (cpu), %.2f M tokens/s; peak RSS %ld MB\n",
         what, secs, cpu, mb / cpu, (double)nt / 1e6 / cpu, ru.ru_maxrss / 1024);
  return 0;
}

int main(int argc, char **argv) {
  size_t target_mb = 50, max = 0;
  bool use_stdin = false;
  degloss_input mode = DEGLOSS_INPUT_TEXT;
  dg_buf corpus, one;
  dg_buf_init(&corpus);
  dg_buf_init(&one);
  static dg_warn_scope scope = {.fn = S_quiet};
  dg_warn_push(&scope);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-s") && i + 1 < argc) target_mb = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--max") && i + 1 < argc) max = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--horizontal")) mode = DEGLOSS_INPUT_HORIZONTAL;
    else if (!strcmp(argv[i], "--stdin")) use_stdin = true;
    else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) {
      if (!dg_encoding_parse(argv[++i], &S_enc)) {
        fprintf(stderr, "text_bench: unknown encoding %s\n", argv[i]);
        return 2;
      }
    }
    else {
      degloss_error err = {0};
      size_t len;
      char *data = dg_read_file(argv[i], &len, &err);
      if (!data) {
        fprintf(stderr, "text_bench: %s: %s\n", err.source, err.text);
        return 2;
      }
      dg_buf_put(&one, data, len);
      dg_buf_puts(&one, "\n\n");
      free(data);
    }
  }
  if (use_stdin) return S_run(stdin, "<stdin>", mode, max, "stdin");
  if (one.len == 0) {
    fprintf(stderr, "usage: text_bench [-s MB] [--horizontal] FILE... | --stdin [--max N]\n");
    return 2;
  }
  while (corpus.len < target_mb * 1000000) dg_buf_put(&corpus, one.data, one.len);
  FILE *in = fmemopen(corpus.data, corpus.len, "rb");
  if (!in) {
    perror("fmemopen");
    return 2;
  }
  int rc = S_run(in, "corpus", mode, max, mode == DEGLOSS_INPUT_TEXT ? "text" : "horizontal");
  fclose(in);
  dg_buf_free(&corpus);
  dg_buf_free(&one);
  return rc;
}
