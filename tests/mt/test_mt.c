/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the MT client against the local test server (mt_server.py,
 * started by with_server.py): one case per run, named on the command line
 * (cmake/mt.cmake registers each as mt.NAME).  A case is a list of
 * translation runs written as data (mtt_run_spec: provider, the server's
 * namespace and behaviour, settings, sentences, and what must come back and
 * what the server must have counted), then steps written as code
 * (test_mt_client.c, test_mt_cache.c) and checks on the runs' timing.
 * Every case also checks that no fake key shows up in results, messages,
 * stderr or the cache directory. */
#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_check.h"

/* ---- the runs ------------------------------------------------------------ */

static const mtt_run_spec S_deepl_ok[] = {
    /* 120 sentences: three batches of at most 50, the key in the documented
     * header, EN-US by default */
    {.provider = "deepl", .ns = "a", .fault = "ok", .n = 120,
     .requests = 3, .sent = 3, .texts = 120, .max_batch = 50, .keyed = 3, .target = "EN-US"},
    /* exactly the recorded exchange: same request, recorded answer */
    {.provider = "deepl", .ns = "b", .fault = "ok", .fx_n = 8, .replayed = 1},
    /* EN-GB is passed on */
    {.provider = "deepl", .ns = "c", .fault = "ok", .set = {{"mt-target", "EN-GB"}}, .n = 3,
     .target = "EN-GB"},
};

static const mtt_run_spec S_deepl_cache[] = {
    /* the first run asks the server (two batches) and fills the cache */
    {.provider = "deepl", .ns = "a", .fault = "ok", .cache = "cache/deep/er", .n = 60,
     .sent = 2, .hits = ZERO},
    /* the same article again: no request at all */
    {.provider = "deepl", .ns = "a", .fault = "ok", .cache = "cache/deep/er", .n = 60,
     .cached = true, .sent = ZERO, .hits = 60, .requests = 2},
    /* the target is part of the key */
    {.provider = "deepl", .ns = "a", .fault = "ok", .cache = "cache/deep/er",
     .set = {{"mt-target", "EN-GB"}}, .n = 60, .sent = 2, .hits = ZERO},
    /* --no-cache asks again */
    {.provider = "deepl", .ns = "a", .fault = "ok", .n = 60, .sent = 2, .hits = ZERO},
};

static const mtt_run_spec S_libre_ok[] = {
    /* no key: none sent; 70 sentences in batches of at most 50 */
    {.provider = "libretranslate", .ns = "a", .fault = "ok", .no_key = true, .n = 70,
     .requests = 2, .keyed = ZERO, .max_batch = 50},
};

static const mtt_run_spec S_libre_key[] = {
    /* api_key sent with every request; the recorded exchange */
    {.provider = "libretranslate", .ns = "a", .fault = "ok", .fx_n = 4,
     .requests = 1, .keyed = 1, .max_batch = 50, .replayed = 1},
    {.provider = "libretranslate", .ns = "b", .fault = "ok", .n = 51,
     .requests = 2, .keyed = 2, .max_batch = 50},
};

static const mtt_run_spec S_libre_single[] = {
    /* one text answered with a plain string */
    {.provider = "libretranslate", .ns = "a", .fault = "libstr", .no_key = true, .n = 1,
     .requests = 1, .keyed = ZERO, .max_batch = 50},
};

static const mtt_run_spec S_libre_error[] = {
    /* a 400 is not retried; its message reaches sentences and summary */
    {.provider = "libretranslate", .ns = "a", .fault = "l400", .no_key = true, .n = 5,
     .fails = true, .status = 400, .error = "Invalid request: missing q parameter",
     .summary = "libretranslate: HTTP 400", .requests = 1},
};

static const mtt_run_spec S_google_ok[] = {
    /* 200 sentences in batches of at most 128, X-goog-api-key sent */
    {.provider = "google", .ns = "a", .fault = "ok", .n = 200,
     .requests = 2, .max_batch = 128, .keyed = 2},
    /* the recorded exchange (fixture sentences 5-8) */
    {.provider = "google", .ns = "b", .fault = "ok", .fx_from = 4, .fx_n = 4, .replayed = 1},
};

static const mtt_run_spec S_google_daily_quota[] = {
    /* the daily quota is not retried */
    {.provider = "google", .ns = "a", .fault = "g403daily", .n = 10,
     .fails = true, .status = 403, .error = "Daily Limit Exceeded", .requests = 1},
};

static const mtt_run_spec S_google_rate_retry[] = {
    /* the rate limit is retried */
    {.provider = "google", .ns = "a", .fault = "g403rate", .n = 10, .requests = 2},
};

static const mtt_run_spec S_openai_ok[] = {
    /* 45 sentences, Bearer key and model sent */
    {.provider = "openai", .ns = "a", .fault = "ok", .set = {{"mt-model", "test-model"}}, .n = 45,
     .model = "test-model", .requests = 3, .keyed = 3},
    /* the recorded exchange, a base URL ending in /v1 and no key: no Authorization */
    {.provider = "openai", .ns = "b", .fault = "ok", .url_tail = "/v1/", .no_key = true,
     .set = {{"mt-model", "test-model"}}, .fx_n = 3, .model = "test-model", .keyed = ZERO},
};

static const mtt_run_spec S_openai_count_fallback[] = {
    /* an answer a line short: one batch, then the 5 sentences one by one */
    {.provider = "openai", .ns = "a", .fault = "oamismatch", .set = {{"mt-model", "test-model"}},
     .n = 5, .model = "test-model", .requests = 6},
};

static const mtt_run_spec S_retry_429[] = {
    /* 429 with Retry-After: 1 */
    {.provider = "deepl", .ns = "a", .fault = "r429", .n = 10, .requests = 2},
    /* Retry-After as an HTTP date 2 s ahead */
    {.provider = "deepl", .ns = "b", .fault = "r429date", .n = 4, .requests = 2},
};

static const mtt_run_spec S_quota_456[] = {
    /* DeepL's quota: every batch tried once, not retried */
    {.provider = "deepl", .ns = "a", .fault = "q456", .n = 120,
     .fails = true, .status = 456, .error = "quota exceeded", .requests = 3, .sent = 3},
};

/* Once the provider cannot be reached, the remaining sentences fail without
 * more requests; a 400 concerns one request only. */
static const mtt_run_spec S_breaker[] = {
    /* a hanging server costs one timeout and its retry, not one per batch
     * (without the breaker each of the 3 batches would time out twice) */
    {.provider = "deepl", .ns = "b", .fault = "hang",
     .set = {{"mt-jobs", "1"}, {"mt-timeout", "0.4"}}, .n = 150,
     .fails = true, .status = 0, .error = "timed out", .requests = 2},
    /* a 400: every batch tried */
    {.provider = "libretranslate", .ns = "c", .fault = "l400", .no_key = true,
     .set = {{"mt-jobs", "1"}}, .n = 60,
     .fails = true, .status = 400, .error = "Invalid request", .requests = 2},
};

static const mtt_run_spec S_retry_500[] = {
    /* one 500, then answered */
    {.provider = "deepl", .ns = "a", .fault = "e500once", .n = 7, .requests = 2},
};

static const mtt_run_spec S_fail_503[] = {
    /* 503 every time: three attempts with --mt-retries 2 */
    {.provider = "deepl", .ns = "a", .fault = "e503", .set = {{"mt-retries", "2"}}, .n = 5,
     .fails = true, .status = 503, .error = "HTTP 503", .requests = 3, .sent = 3},
};

static const mtt_run_spec S_hang[] = {
    /* no answer: a timeout of 0.5 s and one retry */
    {.provider = "deepl", .ns = "a", .fault = "hang", .set = {{"mt-timeout", "0.5"}}, .n = 5,
     .fails = true, .status = 0, .error = "timed out", .requests = 2, .sent = 2},
};

static const mtt_run_spec S_drip[] = {
    /* a body dripping in for 30 s is a timeout of 0.8 s, twice */
    {.provider = "deepl", .ns = "a", .fault = "drip", .set = {{"mt-timeout", "0.8"}}, .n = 5,
     .fails = true, .status = 0, .error = "timed out", .requests = 2, .sent = 2},
};

static const mtt_run_spec S_truncated[] = {
    {.provider = "deepl", .ns = "a", .fault = "truncated", .set = {{"mt-retries", "1"}}, .n = 5,
     .fails = true, .status = 0, .error = "Transferred a partial file", .requests = 2, .sent = 2},
};

static const mtt_run_spec S_bad_json[] = {
    {.provider = "deepl", .ns = "a", .fault = "badjson", .n = 5,
     .fails = true, .status = 0, .error = "invalid JSON", .requests = 1, .sent = 1},
};

static const mtt_run_spec S_wrong_count[] = {
    {.provider = "deepl", .ns = "a", .fault = "wrongcount", .n = 5,
     .fails = true, .status = 0, .error = "answer has 4 translations for 5 texts", .requests = 1,
     .sent = 1},
    {.provider = "deepl", .ns = "b", .fault = "wrongcount", .n = 1,
     .fails = true, .status = 0, .error = "answer has 2 translations for 1 texts", .requests = 1,
     .sent = 1},
};

static const mtt_run_spec S_oversized[] = {
    /* a 6 MiB answer is cut off */
    {.provider = "deepl", .ns = "a", .fault = "oversized", .n = 5,
     .fails = true, .status = 0, .error = "larger than", .requests = 1, .sent = 1},
};

static const mtt_run_spec S_key_echo[] = {
    /* a 403 quoting the key: every provider redacts it */
    {.provider = "deepl", .ns = "a", .fault = "keyecho", .n = 3,
     .fails = true, .status = 403, .error = "[redacted]", .requests = 1, .sent = 1},
    {.provider = "google", .ns = "p0", .fault = "keyecho", .n = 2,
     .fails = true, .status = 403, .error = "[redacted]"},
    {.provider = "libretranslate", .ns = "p1", .fault = "keyecho", .n = 2,
     .fails = true, .status = 403, .error = "[redacted]"},
};

static const mtt_run_spec S_verbose_redacts[] = {
    /* --verbose logs every request; the echoed key is redacted (the log is
     * checked by mtt_case_verbose_log) */
    {.provider = "deepl", .ns = "a", .fault = "keyecho", .cache = "v", .set = {{"verbose", "yes"}},
     .n = 2, .fails = true, .status = 403, .error = "[redacted]"},
    {.provider = "deepl", .ns = "b", .fault = "ok", .cache = "v", .set = {{"verbose", NULL}}, .n = 2},
};

/* ---- checks on the runs' timing ------------------------------------------ */

static void S_retry_429_timing(const long long *ms) {
  /* Retry-After: 1 plus at most 250 ms of jitter; without it the backoff
   * would retry after 250-500 ms */
  long gap = mtt_arrival("a", 1) - mtt_arrival("a", 0);
  OK(gap >= 1000, "Retry-After: 1 honoured: the retry came %ld ms after the first request", gap);
  OK(ms[0] >= 1000 && ms[0] < SLACK * 1250, "Retry-After: 1, took %lld ms", ms[0]);
  /* whole seconds: at least 1 s of the 2 s remain */
  gap = mtt_arrival("b", 1) - mtt_arrival("b", 0);
  OK(gap >= 900, "Retry-After date honoured: the retry came %ld ms after the first", gap);
  OK(ms[1] >= 900 && ms[1] < SLACK * 2250, "Retry-After date (2 s ahead), took %lld ms", ms[1]);
}

static void S_breaker_timing(const long long *ms) {
  /* two timeouts of 0.4 s and one backoff of at most 0.5 s */
  OK(ms[0] < SLACK * (2 * 400 + 500), "took %lld ms", ms[0]);
}

static void S_fail_503_timing(const long long *ms) {
  /* exponential backoff with equal jitter: 250-500 ms, then 500-1000 ms */
  long g1 = mtt_arrival("a", 1) - mtt_arrival("a", 0), g2 = mtt_arrival("a", 2) - mtt_arrival("a", 1);
  OK(g1 >= 250 && g2 >= 500, "backoff between attempts: %ld ms, %ld ms", g1, g2);
  OK(ms[0] < SLACK * (500 + 1000), "backoff bounded: took %lld ms", ms[0]);
}

static void S_hang_timing(const long long *ms) {
  /* The client's 0.5 s runs from the start of its request, the server's
   * clock from the request's arrival, a few ms later on a busy machine
   * (747 ms was seen): up to 50 ms of that is allowed.  A retry without
   * the backoff of at least 250 ms would come about 500 ms after. */
  long gap = mtt_arrival("a", 1) - mtt_arrival("a", 0);
  OK(gap >= 500 + 250 - 50, "the retry came after the 0.5 s timeout and a backoff: %ld ms", gap);
  OK(ms[0] >= 1000 && ms[0] < SLACK * (2 * 500 + 500),
     "two attempts of 0.5 s plus a backoff of at most 0.5 s, took %lld ms", ms[0]);
}

static void S_drip_timing(const long long *ms) {
  /* the server drips for 30 s: the client hung up on both attempts */
  for (int i = 0; i < 50 && mtt_stat("a", "drip_cut") < 2; i++) usleep(100 * 1000);
  OK(mtt_stat("a", "drip_cut") == 2, "both drips cut off by the client: %ld",
     mtt_stat("a", "drip_cut"));
  OK(ms[0] < SLACK * (2 * 800 + 500), "drip cut off: took %lld ms (one drip: 30 s)", ms[0]);
}

/* ---- the cases ----------------------------------------------------------- */

typedef struct {
  const char *name;
  const mtt_run_spec *runs; /* the runs, in order */
  size_t nruns;
  void (*code)(void);                  /* then these steps */
  void (*timing)(const long long *ms); /* then these checks on the runs' times */
} S_case;

#define RUNS(a) .runs = (a), .nruns = DG_ARRAY_LEN(a)

static const S_case S_cases[] = {
    {"parsers", .code = mtt_case_parsers},
    {"config", .code = mtt_case_config},
    {"deepl_ok", RUNS(S_deepl_ok)},
    {"deepl_cache", RUNS(S_deepl_cache), .code = mtt_case_deepl_cache_files},
    {"deepl_limits", .code = mtt_case_deepl_limits},
    {"deepl_free_url", .code = mtt_case_deepl_free_url},
    {"libre_ok", RUNS(S_libre_ok)},
    {"libre_key", RUNS(S_libre_key)},
    {"libre_single", RUNS(S_libre_single)},
    {"libre_error", RUNS(S_libre_error)},
    {"google_ok", RUNS(S_google_ok)},
    {"google_daily_quota", RUNS(S_google_daily_quota)},
    {"google_rate_retry", RUNS(S_google_rate_retry)},
    {"openai_ok", RUNS(S_openai_ok)},
    {"openai_count_fallback", RUNS(S_openai_count_fallback)},
    {"retry_429", RUNS(S_retry_429), .timing = S_retry_429_timing},
    {"summary", .code = mtt_case_summary},
    {"quota_456", RUNS(S_quota_456)},
    {"breaker", RUNS(S_breaker), .code = mtt_case_breaker_later_calls, .timing = S_breaker_timing},
    {"retry_500", RUNS(S_retry_500)},
    {"fail_503", RUNS(S_fail_503), .timing = S_fail_503_timing},
    {"hang", RUNS(S_hang), .timing = S_hang_timing},
    {"drip", RUNS(S_drip), .timing = S_drip_timing},
    {"truncated", RUNS(S_truncated)},
    {"bad_json", RUNS(S_bad_json)},
    {"wrong_count", RUNS(S_wrong_count)},
    {"oversized", RUNS(S_oversized)},
    {"key_echo", RUNS(S_key_echo)},
    {"concurrency", .code = mtt_case_concurrency},
    {"dedupe", .code = mtt_case_dedupe},
    {"cache_corrupt", .code = mtt_case_cache_corrupt},
    {"cache_concurrent", .code = mtt_case_cache_concurrent},
    {"cache_compact", .code = mtt_case_cache_compact},
    {"cache_compact_corrupt", .code = mtt_case_cache_compact_corrupt},
    {"cache_compact_race", .code = mtt_case_cache_compact_race},
    {"tls_verify", .code = mtt_case_tls_verify},
    {"refused", .code = mtt_case_refused},
    {"verbose_redacts", RUNS(S_verbose_redacts), .code = mtt_case_verbose_log},
    {"proxy", .code = mtt_case_proxy},
};

static void S_run_case(const S_case *c) {
  long long ms[8] = {0};
  for (size_t i = 0; i < c->nruns; i++) {
    const mtt_run_spec *sp = &c->runs[i];
    int before = harness_failures();
    long long t = mtt_check_run(sp, NULL);
    if (i < DG_ARRAY_LEN(ms)) ms[i] = t;
    if (harness_failures() > before)
      fprintf(stderr, "  (the checks above: run %zu of %s in test_mt.c: %s, %s/%s)\n", i + 1, c->name,
              sp->provider, sp->ns, sp->fault);
  }
  if (c->code) c->code();
  if (c->timing) c->timing(ms);
}

/* No key in any file below dir. */
static void S_scan_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
    char *p = dg_path_join(dir, de->d_name);
    struct stat st;
    if (lstat(p, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        chmod(p, 0700);
        S_scan_dir(p);
      } else if (S_ISREG(st.st_mode)) {
        char *data = mtt_slurp(p);
        OK(!mtt_has_key(data), "a key in %s", p);
        free(data);
      }
    }
    free(p);
  }
  closedir(d);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_mt CASE (run through tests/mt/with_server.py)\n");
    return 2;
  }
  const S_case *c = NULL;
  for (size_t i = 0; i < DG_ARRAY_LEN(S_cases); i++)
    if (strcmp(argv[1], S_cases[i].name) == 0) c = &S_cases[i];
  if (!c) {
    fprintf(stderr, "test_mt: unknown case %s\n", argv[1]);
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  /* capture stderr to check that no key is ever printed */
  snprintf(mtt_stderr_path, sizeof mtt_stderr_path, "%s/stderr.txt", mtt_env("MT_TEST_DIR"));
  int saved = dup(2);
  int fd = open(mtt_stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || dup2(fd, 2) < 0) return 1;
  close(fd);
  S_run_case(c);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  char *log = mtt_slurp(mtt_stderr_path);
  OK(!mtt_has_key(log), "a key on stderr");
  fprintf(stderr, "%s", log); /* shown by ctest --output-on-failure */
  free(log);
  S_scan_dir(mtt_env("MT_TEST_DIR"));
  curl_global_cleanup();
  char name[128];
  snprintf(name, sizeof name, "mt.%s", argv[1]);
  return DONE(name);
}
