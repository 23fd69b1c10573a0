/* mt_bench: sentences per second through the MT client against the local
 * test server, with batching and concurrency on and off.
 *   python3 tests/mt/with_server.py build/mt_bench [SENTENCES] [LATENCY_MS]
 * (bench/mt_bench.sh does that).  Prints one line per configuration, and
 * the time to load and to compact a cache of 100,000 entries written twice.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt.h"
#include "mt_provider.h" /* the cache's internal API, for the compaction figure */
#include "util.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  const char *port = getenv("MT_TEST_PORT");
  if (!port) {
    fprintf(stderr, "mt_bench: run through tests/mt/with_server.py\n");
    return 2;
  }
  size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000;
  int latency = argc > 2 ? atoi(argv[2]) : 5;
  if (n == 0) n = 1000;
  setenv("DEEPL_AUTH_KEY", "test-key-XXXX-deepl:fx", 1);
  char **s = dg_xcalloc(n, sizeof *s);
  for (size_t i = 0; i < n; i++) {
    dg_buf b;
    dg_buf_init(&b);
    dg_buf_printf(&b, "Am %zu. Tag erklärte der Sprecher, die Verhandlungen über den "
                      "Waffenstillstand würden fortgesetzt (Satz %zu).", i % 28 + 1, i);
    s[i] = dg_buf_detach(&b);
  }
  static const struct {
    const char *label, *batch, *jobs;
  } runs[] = {{"batching on,  concurrency on  (50/request, 4 jobs)", NULL, "4"},
              {"batching on,  concurrency off (50/request, 1 job) ", NULL, "1"},
              {"batching off, concurrency on  (1/request, 4 jobs) ", "1", "4"},
              {"batching off, concurrency off (1/request, 1 job)  ", "1", "1"}};
  printf("mt_bench: %zu sentences, DeepL wire format, test server with %d ms added latency\n", n,
         latency);
  int rc = 0;
  for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%s/t/bench%zu/delay%d", port, k, latency);
    dg_mt_config *c = dg_mt_config_new();
    degloss_error err = {0};
    dg_mt_config_set(c, "translate", "deepl", "bench", 0, &err);
    dg_mt_config_set(c, "mt-url", url, "bench", 0, &err);
    dg_mt_config_set(c, "no-cache", NULL, "bench", 0, &err);
    dg_mt_config_set(c, "mt-jobs", runs[k].jobs, "bench", 0, &err);
    if (runs[k].batch) dg_mt_config_set(c, "mt-batch", runs[k].batch, "bench", 0, &err);
    dg_mt *mt = dg_mt_new(c, &err);
    dg_mt_config_free(c);
    if (!mt) {
      fprintf(stderr, "mt_bench: %s\n", err.text);
      return 1;
    }
    dg_mt_result *r = dg_xcalloc(n, sizeof *r);
    double t0 = S_now();
    size_t failed = dg_mt_translate(mt, (const char *const *)s, n, r);
    double dt = S_now() - t0;
    unsigned long req, hits;
    dg_mt_stats(mt, &req, &hits);
    printf("%s: %8.0f sentences/s  (%lu requests, %.3f s, %zu failed)\n", runs[k].label,
           (double)n / dt, req, dt, failed);
    if (failed) rc = 1;
    for (size_t i = 0; i < n; i++) dg_mt_result_clear(&r[i]);
    free(r);
    dg_mt_free(mt);
  }
  /* the same sentences twice through the on-disk cache */
  char dir[] = "/tmp/degloss-mt-bench-XXXXXX";
  if (mkdtemp(dir)) {
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%s/t/benchcache/delay%d", port, latency);
    for (int pass = 0; pass < 2; pass++) {
      double t0 = S_now(); /* loading the cache counts */
      dg_mt_config *c = dg_mt_config_new();
      degloss_error err = {0};
      dg_mt_config_set(c, "translate", "deepl", "bench", 0, &err);
      dg_mt_config_set(c, "mt-url", url, "bench", 0, &err);
      dg_mt_config_set(c, "cache-dir", dir, "bench", 0, &err);
      dg_mt *mt = dg_mt_new(c, &err);
      dg_mt_config_free(c);
      if (!mt) return 1;
      dg_mt_result *r = dg_xcalloc(n, sizeof *r);
      size_t failed = dg_mt_translate(mt, (const char *const *)s, n, r);
      double dt = S_now() - t0;
      unsigned long req, hits;
      dg_mt_stats(mt, &req, &hits);
      printf("%s: %8.0f sentences/s  (%lu requests, %lu cache hits, %.3f s, %zu failed)\n",
             pass ? "cache, second run (new client, same cache)     "
                  : "cache, first run  (50/request, 4 jobs)         ",
             (double)n / dt, req, hits, dt, failed);
      for (size_t i = 0; i < n; i++) dg_mt_result_clear(&r[i]);
      free(r);
      dg_mt_free(mt);
    }
    char *f = dg_path_join(dir, "mt-cache-v1.txt");
    remove(f);
    free(f);
    remove(dir);
  }
  /* compaction of a 100,000-entry cache with a superseded copy of each */
  char cdir[] = "/tmp/degloss-mt-bench-XXXXXX";
  if (mkdtemp(cdir)) {
    enum { N = 100000 };
    degloss_error err = {0};
    dg_mt_cache *c = dg_mt_cache_open(cdir, &err);
    for (int round = 0; c && round < 2; round++) {
      for (size_t i = 0; i < N; i++) {
        dg_buf k, v;
        dg_buf_init(&k);
        dg_buf_init(&v);
        dg_buf_printf(&k, "deepl\x1f\x1f" "EN-US\x1f%s", s[i % n]);
        dg_buf_printf(&k, " #%zu", i);
        dg_buf_printf(&v, "On day %zu the spokesman said the ceasefire talks would go on "
                          "(sentence %zu, version %d).", i % 28 + 1, i, round);
        dg_mt_cache_put(c, k.data, v.data);
        dg_buf_free(&k);
        dg_buf_free(&v);
      }
      dg_mt_cache_flush(c, &err);
    }
    dg_mt_cache_free(c);
    double t0 = S_now();
    c = dg_mt_cache_open(cdir, &err);
    double tload = S_now() - t0;
    dg_mt_cache_stats st = {0};
    t0 = S_now();
    bool ok = c && dg_mt_cache_compact(c, true, &st, &err);
    double tcomp = S_now() - t0;
    printf("cache compaction: %zu lines, %zu entries, %.1f MB -> %zu entries, %.1f MB: "
           "load %.3f s, compaction %.3f s%s\n",
           st.lines_before, st.entries_before, (double)st.bytes_before / 1e6, st.entries_after,
           (double)st.bytes_after / 1e6, tload, tcomp, ok ? "" : " (FAILED)");
    if (!ok) rc = 1;
    dg_mt_cache_free(c);
    char *f = dg_path_join(cdir, "mt-cache-v1.txt");
    remove(f);
    free(f);
    remove(cdir);
  }
  for (size_t i = 0; i < n; i++) free(s[i]);
  free(s);
  return rc;
}
