/* Tests of the MT client against the local test server (mt_server.py, started
 * by with_server.py): one case per run, named on the command line.  Every case
 * also checks that no fake key shows up in results, messages, stderr or the
 * cache directory.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "mt.h"
#include "mt_provider.h"
#include "util.h"

#define KEY_DEEPL "test-key-XXXX-deepl:fx"
#define KEY_GOOGLE "test-key-XXXX-google"
#define KEY_LIBRE "test-key-XXXX-libre"
#define KEY_OPENAI "test-key-XXXX-openai"
static const char *const S_keys[] = {KEY_DEEPL, KEY_GOOGLE, KEY_LIBRE, KEY_OPENAI,
                                     "test-key-XXXX-file"};

static char S_stderr_path[4096];

/* ---- helpers ------------------------------------------------------------ */

static const char *S_env(const char *name) {
  const char *v = getenv(name);
  if (!v) {
    printf("FAIL: %s is not set (run through with_server.py)\n", name);
    exit(1);
  }
  return v;
}

static char *S_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *S_fmt(const char *fmt, ...) {
  dg_buf b;
  dg_buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  dg_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return dg_buf_detach(&b);
}

static char *S_url(const char *ns, const char *fault) {
  return S_fmt("http://127.0.0.1:%s/t/%s/%s", S_env("MT_TEST_PORT"), ns, fault);
}

static long long S_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t S_collect(char *p, size_t sz, size_t n, void *ud) {
  dg_buf_put(ud, p, sz * n);
  return sz * n;
}

/* The server's counters for a namespace. */
static json_t *S_stats(const char *ns) {
  char *url = S_fmt("http://127.0.0.1:%s/_stats/%s", S_env("MT_TEST_PORT"), ns);
  CURL *e = curl_easy_init();
  dg_buf b;
  dg_buf_init(&b);
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, S_collect);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &b);
  curl_easy_setopt(e, CURLOPT_TIMEOUT, 10L);
  CURLcode rc = curl_easy_perform(e);
  curl_easy_cleanup(e);
  free(url);
  json_t *j = rc == CURLE_OK ? json_loadb(b.data ? b.data : "", b.len, 0, NULL) : NULL;
  dg_buf_free(&b);
  if (!j) {
    printf("FAIL: cannot read the server's stats for %s\n", ns);
    exit(1);
  }
  return j;
}

static long S_stat(const char *ns, const char *field) {
  json_t *j = S_stats(ns);
  long v = (long)json_integer_value(json_object_get(j, field));
  json_decref(j);
  return v;
}

/* When the server saw request i (0-based) of `ns`, in ms since its first
 * request; -1 when there was no such request.  Spacing measured on the
 * server does not depend on how slow this process is. */
static long S_arrival(const char *ns, size_t i) {
  json_t *j = S_stats(ns);
  json_t *a = json_array_get(json_object_get(j, "arrivals"), i);
  long v = a ? (long)json_integer_value(a) : -1;
  json_decref(j);
  return v;
}

/* Timing rule for these tests: lower bounds (a wait that must happen) are
 * checked, on the server's clock where possible; upper bounds only guard
 * against waiting far too long and are SLACK times what the configured
 * timeouts and backoff allow, so a slow or loaded machine cannot fail them.
 * A hang is caught by the test's own timeout (cmake/mt.cmake). */
#define SLACK 10

static long S_max_batch(const char *ns) {
  json_t *j = S_stats(ns);
  json_t *a = json_object_get(j, "batches");
  long m = 0;
  for (size_t i = 0; i < json_array_size(a); i++) {
    long x = (long)json_integer_value(json_array_get(a, i));
    if (x > m) m = x;
  }
  json_decref(j);
  return m;
}

/* The server found nothing wrong with the requests of `ns`. */
static void S_no_violations(const char *ns) {
  json_t *j = S_stats(ns);
  json_t *v = json_object_get(j, "violations");
  OK(json_array_size(v) == 0, "namespace %s: %zu protocol violations, first: %s", ns,
     json_array_size(v), json_string_value(json_array_get(v, 0)));
  json_decref(j);
}

static bool S_array_has(const char *ns, const char *field, const char *value) {
  json_t *j = S_stats(ns);
  json_t *a = json_object_get(j, field);
  bool hit = false;
  for (size_t i = 0; i < json_array_size(a); i++)
    if (strcmp(json_string_value(json_array_get(a, i)), value) == 0) hit = true;
  json_decref(j);
  return hit;
}

static dg_mt_config *S_cfg(const char *provider, const char *url, const char *cache_dir) {
  dg_mt_config *c = dg_mt_config_new();
  degloss_error err = {0};
  bool ok = dg_mt_config_set(c, "translate", provider, "test", 0, &err);
  if (ok && url) ok = dg_mt_config_set(c, "mt-url", url, "test", 0, &err);
  if (ok && cache_dir) ok = dg_mt_config_set(c, "cache-dir", cache_dir, "test", 0, &err);
  if (ok && !cache_dir) ok = dg_mt_config_set(c, "no-cache", NULL, "test", 0, &err);
  if (!ok) {
    printf("FAIL: config: %s\n", err.text);
    exit(1);
  }
  return c;
}

static void S_set(dg_mt_config *c, const char *key, const char *value) {
  degloss_error err = {0};
  if (!dg_mt_config_set(c, key, value, "test", 0, &err)) {
    printf("FAIL: config %s: %s\n", key, err.text);
    exit(1);
  }
}

static dg_mt *S_new(dg_mt_config *c) {
  degloss_error err = {0};
  dg_mt *mt = dg_mt_new(c, &err);
  if (!mt) {
    printf("FAIL: dg_mt_new: %s: %s\n", err.source, err.text);
    exit(1);
  }
  dg_mt_config_free(c);
  return mt;
}

/* Fixture sentences (tests/mt/fixtures/PROVIDER.json) and their recorded answers. */
static const char *const S_fx_de[] = {
    "US-Präsident Donald Trump und Russlands Präsident Wladimir Putin werden am Dienstag ein "
    "Telefongespräch führen, um über die Beendigung des Ukraine-Konflikts zu verhandeln.",
    "Der Kreml bestätigte am Montag, dass die Vereinigten Staaten Moskaus Unterstützung für "
    "einen 30-tägigen Waffenstillstand anstreben.",
    "Kremlsprecher Dmitri Peskow erklärte, das Gespräch werde sich hauptsächlich auf die "
    "Beilegung des Konflikts in der Ukraine konzentrieren.",
    "Russlands umfassende Invasion in der Ukraine begann 2022.",
    "Am 17. März skizzierte Präsident Trump die zentralen Verhandlungspunkte für die Gespräche "
    "mit Putin über ein mögliches Kriegsende.",
    "Moskaus Zurückhaltung gegenüber dem US-Waffenstillstandsvorschlag",
    "Moskau wies außerdem Vorschläge westlicher Staaten zurück, ausländische Friedenstruppen als "
    "Sicherheitsgarantie in die Ukraine zu entsenden.",
    "Zudem stellte er die Frage, wie eine solche Waffenruhe durchgesetzt werden könnte.",
};
static const char *const S_fx_en[] = {
    "US President Donald Trump and Russia's President Vladimir Putin will hold a phone call on "
    "Tuesday to negotiate an end to the Ukraine conflict.",
    "The Kremlin confirmed on Monday that the United States is seeking Moscow's support for a "
    "30-day ceasefire.",
    "Kremlin spokesman Dmitry Peskov said the conversation would focus mainly on settling the "
    "conflict in Ukraine.",
    "Russia's full-scale invasion of Ukraine began in 2022.",
    "On March 17, President Trump outlined the key negotiating points for the talks with Putin "
    "on a possible end to the war.",
    "Moscow's reluctance towards the US ceasefire proposal",
    "Moscow also rejected proposals by Western states to send foreign peacekeeping troops to "
    "Ukraine as a security guarantee.",
    "He also raised the question of how such a ceasefire could be enforced.",
};

typedef struct {
  char **s;
  size_t n;
} S_texts;

/* n sentences: first the fixture ones, then numbered stand-ins. */
static S_texts S_sentences(size_t n, const char *tag) {
  S_texts t = {dg_xcalloc(n ? n : 1, sizeof(char *)), n};
  for (size_t i = 0; i < n; i++)
    t.s[i] = i < DG_ARRAY_LEN(S_fx_de) ? dg_xstrdup(S_fx_de[i])
                                       : S_fmt("Der %s-Satz Nummer %zu steht „hier“.", tag, i);
  return t;
}

static void S_texts_free(S_texts *t) {
  for (size_t i = 0; i < t->n; i++) free(t->s[i]);
  free(t->s);
}

/* What the server answers for a sentence. */
static char *S_expect(const char *de) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_fx_de); i++)
    if (strcmp(de, S_fx_de[i]) == 0) return dg_xstrdup(S_fx_en[i]);
  return S_fmt("[en] %s", de);
}

static bool S_has_key(const char *s) {
  for (size_t i = 0; s && i < DG_ARRAY_LEN(S_keys); i++)
    if (strstr(s, S_keys[i])) return true;
  return false;
}

/* Translate, then check: every result filled, key nowhere, and count failures. */
static dg_mt_result *S_run(dg_mt *mt, const S_texts *t, size_t *failed) {
  dg_mt_result *r = dg_xcalloc(t->n ? t->n : 1, sizeof *r);
  *failed = dg_mt_translate(mt, (const char *const *)t->s, t->n, r);
  size_t f = 0;
  for (size_t i = 0; i < t->n; i++) {
    OK((r[i].text != NULL) != (r[i].error != NULL), "sentence %zu: exactly one of text/error", i);
    OK(r[i].provider && *r[i].provider, "sentence %zu: provider set", i);
    OK(r[i].model != NULL, "sentence %zu: model set", i);
    OK(!S_has_key(r[i].text) && !S_has_key(r[i].error), "sentence %zu: key in the result", i);
    if (!r[i].text) f++;
  }
  OK(f == *failed, "returned %zu failures, counted %zu", *failed, f);
  OK(!S_has_key(dg_mt_summary(mt)), "key in the summary");
  OK(f == 0 || dg_mt_summary(mt) != NULL, "summary present when something failed");
  return r;
}

static void S_results_free(dg_mt_result *r, size_t n) {
  for (size_t i = 0; i < n; i++) dg_mt_result_clear(&r[i]);
  free(r);
}

static void S_expect_all(const S_texts *t, const dg_mt_result *r) {
  for (size_t i = 0; i < t->n; i++) {
    char *want = S_expect(t->s[i]);
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu: got '%s', want '%s'", i,
       r[i].text ? r[i].text : "(null)", want);
    free(want);
  }
}

static void S_expect_errors(const S_texts *t, const dg_mt_result *r, int status,
                            const char *needle) {
  for (size_t i = 0; i < t->n; i++) {
    OK(r[i].text == NULL, "sentence %zu translated although it should fail", i);
    OK(r[i].status == status, "sentence %zu: status %d, want %d", i, r[i].status, status);
    OK(r[i].error && strstr(r[i].error, needle), "sentence %zu: error '%s' lacks '%s'", i,
       r[i].error ? r[i].error : "(null)", needle);
  }
}

static unsigned long S_requests(const dg_mt *mt) {
  unsigned long req, hits;
  dg_mt_stats(mt, &req, &hits);
  return req;
}

static unsigned long S_hits(const dg_mt *mt) {
  unsigned long req, hits;
  dg_mt_stats(mt, &req, &hits);
  return hits;
}

/* A simple failing run with DeepL: fault, expected status and message. */
static void S_deepl_fails(const char *ns, const char *fault, size_t n, const char *retries,
                          const char *timeout, int status, const char *needle, long requests) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url(ns, fault);
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  if (retries) S_set(c, "mt-retries", retries);
  if (timeout) S_set(c, "mt-timeout", timeout);
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(n, ns);
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == n, "%zu of %zu failed", failed, n);
  S_expect_errors(&t, r, status, needle);
  const char *sum = dg_mt_summary(mt);
  char *want = S_fmt("degloss: translation: %zu of %zu sentence%s failed (deepl: ", n, n,
                     n == 1 ? "" : "s");
  OK(sum && strncmp(sum, want, strlen(want)) == 0, "summary '%s'", sum ? sum : "(null)");
  OK(sum && strstr(sum, needle), "summary '%s' lacks '%s'", sum ? sum : "(null)", needle);
  free(want);
  OK(S_stat(ns, "requests") == requests, "server saw %ld requests, want %ld",
     S_stat(ns, "requests"), requests);
  OK((long)S_requests(mt) == requests, "client sent %lu requests, want %ld", S_requests(mt),
     requests);
  S_no_violations(ns);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* ---- cases ---------------------------------------------------------------- */

static void T_config(void) {
  dg_mt_config *c = dg_mt_config_new();
  degloss_error err = {0};
  OK(!dg_mt_config_enabled(c), "nothing chosen yet");
  OK(!dg_mt_config_set(c, "translate", "babelfish", "command line", 0, &err), "bad provider");
  OK(err.code == DEGLOSS_ERR_ARG && strstr(err.text, "unknown provider"), "message: %s", err.text);
  OK(strcmp(err.source, "command line") == 0, "origin named: %s", err.source);
  static const char *const bad[][2] = {
      {"mt-jobs", "0"},     {"mt-jobs", "65"},       {"mt-jobs", "4x"},     {"mt-timeout", "abc"},
      {"mt-timeout", "-1"}, {"mt-target", "FR"},     {"mt-url", "ftp://x"}, {"mt-url", "http://"},
      {"mt-url", "http://a b"}, {"no-cache", "maybe"}, {"mt-retries", "11"}, {"mt-batch", "0"},
      {"mt-cacert", "/nonexistent/ca.pem"}, {"mt-frobnicate", "1"}, {"mt-model", ""}};
  for (size_t i = 0; i < DG_ARRAY_LEN(bad); i++) {
    degloss_error e = {0};
    OK(!dg_mt_config_set(c, bad[i][0], bad[i][1], "cfg:3", 0, &e), "%s=%s accepted", bad[i][0],
       bad[i][1]);
    OK(e.code == DEGLOSS_ERR_ARG && e.text[0] && strcmp(e.source, "cfg:3") == 0,
       "%s=%s: error filled", bad[i][0], bad[i][1]);
  }
  static const char *const good[][2] = {
      {"translate", "deepl"}, {"mt-jobs", "8"},        {"mt-timeout", "1.5"},
      {"mt-target", "EN-GB"}, {"mt-url", "https://example.org/"}, {"verbose", NULL},
      {"no-cache", "no"},     {"mt-retries", "0"},     {"mt-batch", "7"},
      {"mt-model", "m"},      {"cache-dir", "/tmp/x"}, {"mt-connect-timeout", "2"}};
  for (size_t i = 0; i < DG_ARRAY_LEN(good); i++) {
    degloss_error e = {0};
    OK(dg_mt_config_set(c, good[i][0], good[i][1], "cfg:4", 0, &e), "%s=%s refused: %s",
       good[i][0], good[i][1] ? good[i][1] : "(null)", e.text);
  }
  OK(dg_mt_config_enabled(c), "deepl chosen");
  /* keys: never from the command line, never from a group/other-readable file */
  degloss_error e1 = {0}, e2 = {0}, e3 = {0};
  OK(!dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "command line", 0, &e1),
     "key from the command line accepted");
  OK(!S_has_key(e1.text) && strstr(e1.text, "command line"), "message: %s", e1.text);
  OK(!dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "cfg:9", S_IFREG | 0644, &e2),
     "key from a 0644 file accepted");
  OK(!S_has_key(e2.text) && strstr(e2.text, "chmod 600"), "message: %s", e2.text);
  OK(dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "cfg:9", S_IFREG | 0600, &e3),
     "key from a 0600 file refused: %s", e3.text);
  OK(dg_mt_config_set(c, "translate", "none", "cfg", 0, NULL), "none");
  OK(!dg_mt_config_enabled(c), "none disables");
  degloss_error e4 = {0};
  OK(dg_mt_new(c, &e4) == NULL && e4.code == DEGLOSS_ERR_ARG, "no client without provider");
  dg_mt_config_free(c);

  /* what each provider needs */
  unsetenv("DEEPL_AUTH_KEY");
  unsetenv("GOOGLE_API_KEY");
  struct {
    const char *prov, *needle;
  } need[] = {{"deepl", "DEEPL_AUTH_KEY"},
              {"google", "GOOGLE_API_KEY"},
              {"libretranslate", "--mt-url"},
              {"openai", "--mt-url"}};
  for (size_t i = 0; i < DG_ARRAY_LEN(need); i++) {
    dg_mt_config *k = dg_mt_config_new();
    degloss_error e = {0};
    dg_mt_config_set(k, "translate", need[i].prov, "t", 0, NULL);
    OK(dg_mt_new(k, &e) == NULL, "%s without key/url", need[i].prov);
    OK(strstr(e.text, need[i].needle), "%s: message '%s' lacks %s", need[i].prov, e.text,
       need[i].needle);
    dg_mt_config_free(k);
  }
  dg_mt_config *k = dg_mt_config_new();
  degloss_error e = {0};
  dg_mt_config_set(k, "translate", "openai", "t", 0, NULL);
  dg_mt_config_set(k, "mt-url", "http://127.0.0.1:9", "t", 0, NULL);
  OK(dg_mt_new(k, &e) == NULL && strstr(e.text, "--mt-model"), "openai needs a model: %s", e.text);
  dg_mt_config_free(k);
  /* a key with a line break would smuggle headers */
  setenv("DEEPL_AUTH_KEY", "abc\r\nX-Evil: 1", 1);
  k = dg_mt_config_new();
  degloss_error e5 = {0};
  dg_mt_config_set(k, "translate", "deepl", "t", 0, NULL);
  OK(dg_mt_new(k, &e5) == NULL && strstr(e5.text, "control characters"), "bad key: %s", e5.text);
  OK(!strstr(e5.text, "Evil"), "the key is not quoted: %s", e5.text);
  dg_mt_config_free(k);
  unsetenv("DEEPL_AUTH_KEY");
}

static void T_deepl_free_url(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  dg_mt *mt = S_new(S_cfg("deepl", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://api-free.deepl.com") == 0, "free: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  setenv("DEEPL_AUTH_KEY", "test-key-XXXX-pro", 1);
  mt = S_new(S_cfg("deepl", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://api.deepl.com") == 0, "pro: %s", dg_mt_base_url(mt));
  OK(S_requests(mt) == 0, "no request made");
  dg_mt_free(mt);
  mt = S_new(S_cfg("deepl", "http://127.0.0.1:1/x//", NULL));
  OK(strcmp(dg_mt_base_url(mt), "http://127.0.0.1:1/x") == 0, "override: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  /* the config-file key is used when the environment has none */
  unsetenv("DEEPL_AUTH_KEY");
  dg_mt_config *c = S_cfg("deepl", NULL, NULL);
  OK(dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "cfg:1", S_IFREG | 0600, NULL), "key");
  mt = S_new(c);
  OK(strcmp(dg_mt_base_url(mt), "https://api.deepl.com") == 0, "file key: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  mt = S_new(S_cfg("google", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://translation.googleapis.com") == 0, "google: %s",
     dg_mt_base_url(mt));
  dg_mt_free(mt);
}

static void T_deepl_ok(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  /* 120 sentences: three batches of at most 50 */
  char *url = S_url("a", "ok");
  dg_mt *mt = S_new(S_cfg("deepl", url, NULL));
  S_texts t = S_sentences(120, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed: %s", failed, dg_mt_summary(mt));
  S_expect_all(&t, r);
  for (size_t i = 0; i < t.n; i++)
    OK(strcmp(r[i].provider, "deepl") == 0 && !r[i].cached && r[i].status == 0 &&
           strcmp(r[i].model, "") == 0,
       "sentence %zu fields", i);
  OK(S_requests(mt) == 3, "client: %lu requests", S_requests(mt));
  OK(S_stat("a", "requests") == 3, "server: %ld requests", S_stat("a", "requests"));
  OK(S_stat("a", "texts") == 120, "server: %ld texts", S_stat("a", "texts"));
  OK(S_max_batch("a") <= 50, "batch of %ld", S_max_batch("a"));
  OK(S_stat("a", "keyed") == 3, "key sent in the documented header");
  OK(S_array_has("a", "targets", "EN-US"), "EN-US by default");
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);

  /* exactly the recorded exchange: same request, recorded answer */
  url = S_url("b", "ok");
  mt = S_new(S_cfg("deepl", url, NULL));
  t = S_sentences(DG_ARRAY_LEN(S_fx_de), "b");
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "fixture failed");
  S_expect_all(&t, r);
  OK(S_stat("b", "replayed") == 1, "recorded exchange replayed");
  S_no_violations("b");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);

  /* EN-GB is passed on */
  url = S_url("c", "ok");
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-target", "EN-GB");
  mt = S_new(c);
  t = S_sentences(3, "c");
  r = S_run(mt, &t, &failed);
  OK(failed == 0 && S_array_has("c", "targets", "EN-GB"), "EN-GB sent");
  S_no_violations("c");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* Requests stay within DeepL's 128 KiB; a sentence too long for any request
 * fails alone, without a request. */
static void T_deepl_limits(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  dg_mt *mt = S_new(S_cfg("deepl", url, NULL));
  S_texts t = {dg_xcalloc(41, sizeof(char *)), 41};
  for (size_t i = 0; i < 40; i++) {
    dg_buf b;
    dg_buf_init(&b);
    dg_buf_printf(&b, "Satz %zu: ", i);
    while (b.len < 6000) dg_buf_puts(&b, "Größere \"Anführungen\" und\tTabs\\ füllen ");
    t.s[i] = dg_buf_detach(&b);
  }
  dg_buf big;
  dg_buf_init(&big);
  while (big.len < 140 * 1024) dg_buf_puts(&big, "Überlang ");
  t.s[40] = dg_buf_detach(&big);
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 1, "%zu failed", failed);
  for (size_t i = 0; i < 40; i++) {
    char *want = S_expect(t.s[i]);
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu", i);
    free(want);
  }
  OK(r[40].error && strstr(r[40].error, "too long"), "overlong: %s", r[40].error ? r[40].error : "");
  long req = S_stat("a", "requests");
  OK(req >= 2 && req <= 3, "240 KB in %ld requests", req);
  OK(S_stat("a", "texts") == 40, "the overlong sentence is not sent");
  S_no_violations("a"); /* the server checks each body against 128 KiB */
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static char *S_cache_dir(const char *name) { return S_fmt("%s/%s", S_env("MT_TEST_DIR"), name); }

static void T_deepl_cache(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  char *dir = S_cache_dir("cache/deep/er");
  S_texts t = S_sentences(60, "cache");
  size_t failed;
  dg_mt *mt = S_new(S_cfg("deepl", url, dir));
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "first run failed");
  OK(S_requests(mt) == 2 && S_hits(mt) == 0, "first run: %lu requests, %lu hits", S_requests(mt),
     S_hits(mt));
  struct stat st;
  const char *path = dg_mt_cache_path(mt);
  OK(path && stat(path, &st) == 0 && (st.st_mode & 077) == 0, "cache file private");
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* the same article again: no request at all */
  mt = S_new(S_cfg("deepl", url, dir));
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "second run failed");
  S_expect_all(&t, r);
  for (size_t i = 0; i < t.n; i++) OK(r[i].cached, "sentence %zu not from the cache", i);
  OK(S_requests(mt) == 0 && S_hits(mt) == 60, "second run: %lu requests, %lu hits",
     S_requests(mt), S_hits(mt));
  OK(S_stat("a", "requests") == 2, "server saw %ld requests in all", S_stat("a", "requests"));
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* the target is part of the key */
  dg_mt_config *c = S_cfg("deepl", url, dir);
  S_set(c, "mt-target", "EN-GB");
  mt = S_new(c);
  r = S_run(mt, &t, &failed);
  OK(S_requests(mt) == 2 && S_hits(mt) == 0, "EN-GB is another cache key");
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* --no-cache asks again */
  mt = S_new(S_cfg("deepl", url, NULL));
  OK(dg_mt_cache_path(mt) == NULL, "no cache");
  r = S_run(mt, &t, &failed);
  OK(S_requests(mt) == 2 && S_hits(mt) == 0, "no-cache: %lu requests", S_requests(mt));
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* the default directory follows XDG_CACHE_HOME */
  c = dg_mt_config_new();
  S_set(c, "translate", "deepl");
  S_set(c, "mt-url", url);
  mt = S_new(c);
  char *want = S_fmt("%s/degloss/", S_env("XDG_CACHE_HOME"));
  OK(dg_mt_cache_path(mt) && strncmp(dg_mt_cache_path(mt), want, strlen(want)) == 0,
     "default cache %s", dg_mt_cache_path(mt) ? dg_mt_cache_path(mt) : "(null)");
  free(want);
  dg_mt_free(mt);
  S_no_violations("a");
  S_texts_free(&t);
  free(dir);
  free(url);
}

static void T_libre(const char *ns, const char *fault, bool with_key, size_t n, bool fixture) {
  if (with_key)
    setenv("LIBRETRANSLATE_API_KEY", KEY_LIBRE, 1);
  else
    unsetenv("LIBRETRANSLATE_API_KEY");
  char *url = S_url(ns, fault);
  dg_mt *mt = S_new(S_cfg("libretranslate", url, NULL));
  S_texts t = {0};
  if (fixture) {
    t.n = 4;
    t.s = dg_xcalloc(4, sizeof(char *));
    for (size_t i = 0; i < 4; i++) t.s[i] = dg_xstrdup(S_fx_de[i]);
  } else {
    t = S_sentences(n, ns);
  }
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed: %s", failed, dg_mt_summary(mt));
  S_expect_all(&t, r);
  long req = S_stat(ns, "requests");
  OK(req == (long)((t.n + 49) / 50), "%ld requests for %zu sentences", req, t.n);
  OK(S_stat(ns, "keyed") == (with_key ? req : 0), "api_key sent only when set");
  OK(S_max_batch(ns) <= 50, "batch %ld", S_max_batch(ns));
  if (fixture) OK(S_stat(ns, "replayed") == 1, "recorded exchange replayed");
  for (size_t i = 0; i < t.n; i++) OK(strcmp(r[i].provider, "libretranslate") == 0, "provider");
  S_no_violations(ns);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_libre_ok(void) { T_libre("a", "ok", false, 70, false); }
static void T_libre_key(void) {
  T_libre("a", "ok", true, 4, true);
  T_libre("b", "ok", true, 51, false);
}
static void T_libre_single(void) { T_libre("a", "libstr", false, 1, false); }

static void T_libre_error(void) {
  unsetenv("LIBRETRANSLATE_API_KEY");
  char *url = S_url("a", "l400");
  dg_mt *mt = S_new(S_cfg("libretranslate", url, NULL));
  S_texts t = S_sentences(5, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 5, "all failed");
  S_expect_errors(&t, r, 400, "Invalid request: missing q parameter");
  OK(S_stat("a", "requests") == 1, "400 is not retried: %ld", S_stat("a", "requests"));
  const char *sum = dg_mt_summary(mt);
  OK(sum && strstr(sum, "libretranslate: HTTP 400"), "summary %s", sum ? sum : "(null)");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_google_ok(void) {
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  char *url = S_url("a", "ok");
  dg_mt *mt = S_new(S_cfg("google", url, NULL));
  S_texts t = S_sentences(200, "g");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed", failed);
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 2, "%ld requests", S_stat("a", "requests"));
  OK(S_max_batch("a") <= 128, "batch %ld", S_max_batch("a"));
  OK(S_stat("a", "keyed") == 2, "X-goog-api-key sent");
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  /* the recorded exchange (sentences 5-8) */
  url = S_url("b", "ok");
  mt = S_new(S_cfg("google", url, NULL));
  t.n = 4;
  t.s = dg_xcalloc(4, sizeof(char *));
  for (size_t i = 0; i < 4; i++) t.s[i] = dg_xstrdup(S_fx_de[4 + i]);
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "fixture failed");
  S_expect_all(&t, r);
  OK(S_stat("b", "replayed") == 1, "replayed");
  S_no_violations("b");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_google_daily_quota(void) {
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  char *url = S_url("a", "g403daily");
  dg_mt *mt = S_new(S_cfg("google", url, NULL));
  S_texts t = S_sentences(10, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 10, "all failed");
  S_expect_errors(&t, r, 403, "Daily Limit Exceeded");
  OK(S_stat("a", "requests") == 1, "daily quota is not retried: %ld", S_stat("a", "requests"));
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_google_rate_retry(void) {
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  char *url = S_url("a", "g403rate");
  dg_mt *mt = S_new(S_cfg("google", url, NULL));
  S_texts t = S_sentences(10, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "rate limit retried: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 2, "%ld requests", S_stat("a", "requests"));
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_openai_ok(void) {
  setenv("OPENAI_API_KEY", KEY_OPENAI, 1);
  char *url = S_url("a", "ok");
  dg_mt_config *c = S_cfg("openai", url, NULL);
  S_set(c, "mt-model", "test-model");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(45, "o");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed: %s", failed, dg_mt_summary(mt));
  S_expect_all(&t, r);
  for (size_t i = 0; i < t.n; i++)
    OK(strcmp(r[i].model, "test-model") == 0 && strcmp(r[i].provider, "openai") == 0, "fields");
  OK(S_stat("a", "requests") == 3, "%ld requests", S_stat("a", "requests"));
  OK(S_stat("a", "keyed") == 3, "Bearer key sent");
  OK(S_array_has("a", "models", "test-model"), "model sent");
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  /* the recorded exchange, with a base URL ending in /v1 and no key */
  unsetenv("OPENAI_API_KEY");
  char *base = S_url("b", "ok");
  url = S_fmt("%s/v1/", base);
  c = S_cfg("openai", url, NULL);
  S_set(c, "mt-model", "test-model");
  mt = S_new(c);
  t.n = 3;
  t.s = dg_xcalloc(3, sizeof(char *));
  for (size_t i = 0; i < 3; i++) t.s[i] = dg_xstrdup(S_fx_de[i]);
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "fixture failed: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("b", "keyed") == 0, "no key, no Authorization");
  S_no_violations("b");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  free(base);
}

static void T_openai_count_fallback(void) {
  setenv("OPENAI_API_KEY", KEY_OPENAI, 1);
  char *url = S_url("a", "oamismatch");
  dg_mt_config *c = S_cfg("openai", url, NULL);
  S_set(c, "mt-model", "test-model");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(5, "m");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "fallback failed: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 6, "1 batch + 5 single requests, got %ld", S_stat("a", "requests"));
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* The summary counts every call of a client. */
static void T_summary(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "r429");
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-retries", "0");
  dg_mt *mt = S_new(c);
  OK(dg_mt_summary(mt) == NULL, "no summary before any call");
  S_texts t = S_sentences(3, "s1");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 3, "first call fails (429, no retries allowed)");
  S_expect_errors(&t, r, 429, "HTTP 429: too many requests: Too many requests");
  S_results_free(r, t.n);
  S_texts_free(&t);
  t = S_sentences(5, "s2");
  for (size_t i = 0; i < t.n; i++) { /* other sentences than the first call */
    free(t.s[i]);
    t.s[i] = S_fmt("Zweiter Aufruf, Satz %zu.", i);
  }
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "second call succeeds");
  const char *sum = dg_mt_summary(mt);
  const char *want = "degloss: translation: 3 of 8 sentences failed (deepl: HTTP 429: too many "
                     "requests: Too many requests)";
  OK(sum && strcmp(sum, want) == 0, "summary '%s'", sum ? sum : "(null)");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_retry_429(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "r429");
  dg_mt *mt = S_new(S_cfg("deepl", url, NULL));
  S_texts t = S_sentences(10, "a");
  size_t failed;
  long long t0 = S_ms();
  dg_mt_result *r = S_run(mt, &t, &failed);
  long long el = S_ms() - t0;
  OK(failed == 0, "429 retried: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 2, "%ld requests", S_stat("a", "requests"));
  long gap = S_arrival("a", 1) - S_arrival("a", 0);
  /* Retry-After: 1 plus at most 250 ms of jitter; without it the backoff
   * would retry after 250-500 ms */
  OK(gap >= 1000, "Retry-After: 1 honoured: the retry came %ld ms after the first request", gap);
  OK(el >= 1000 && el < SLACK * 1250, "Retry-After: 1, took %lld ms", el);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  /* Retry-After as an HTTP date (whole seconds: at least 1 s of the 2 s remain) */
  url = S_url("b", "r429date");
  mt = S_new(S_cfg("deepl", url, NULL));
  t = S_sentences(4, "b");
  t0 = S_ms();
  r = S_run(mt, &t, &failed);
  el = S_ms() - t0;
  OK(failed == 0, "429 with a date retried: %s", dg_mt_summary(mt));
  OK(S_stat("b", "requests") == 2, "%ld requests", S_stat("b", "requests"));
  gap = S_arrival("b", 1) - S_arrival("b", 0);
  OK(gap >= 900, "Retry-After date honoured: the retry came %ld ms after the first", gap);
  OK(el >= 900 && el < SLACK * 2250, "Retry-After date (2 s ahead), took %lld ms", el);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* Once the provider refuses for good (quota) or cannot be reached, the
 * remaining sentences fail without more requests, in this call and later. */
static void T_breaker(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "q456");
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-jobs", "1");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(120, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 120, "%zu failed", failed);
  S_expect_errors(&t, r, 456, "quota exceeded");
  OK(S_stat("a", "requests") == 1, "one request, then stop: %ld", S_stat("a", "requests"));
  S_results_free(r, t.n);
  S_texts_free(&t);
  t = S_sentences(10, "later");
  for (size_t i = 0; i < t.n; i++) {
    free(t.s[i]);
    t.s[i] = S_fmt("Später, Satz %zu.", i);
  }
  r = S_run(mt, &t, &failed);
  OK(failed == 10, "later call fails too");
  S_expect_errors(&t, r, 456, "quota exceeded");
  OK(S_stat("a", "requests") == 1, "no request in the later call: %ld", S_stat("a", "requests"));
  const char *sum = dg_mt_summary(mt);
  OK(sum && strncmp(sum, "degloss: translation: 130 of 130 sentences failed (deepl: HTTP 456", 66) == 0,
     "summary %s", sum ? sum : "(null)");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  /* a hanging server costs one timeout and its retry, not one per batch */
  url = S_url("b", "hang");
  c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-jobs", "1");
  S_set(c, "mt-timeout", "0.4");
  mt = S_new(c);
  t = S_sentences(150, "b");
  long long t0 = S_ms();
  r = S_run(mt, &t, &failed);
  long long el = S_ms() - t0;
  OK(failed == 150, "all failed");
  S_expect_errors(&t, r, 0, "timed out");
  /* the count proves it: without the breaker each of the 3 batches would
   * time out twice (6 requests) */
  OK(S_stat("b", "requests") == 2, "%ld requests", S_stat("b", "requests"));
  /* two timeouts of 0.4 s and one backoff of at most 0.5 s */
  OK(el < SLACK * (2 * 400 + 500), "took %lld ms", el);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  /* a 400 concerns one request only: the others go on */
  url = S_url("c", "l400");
  unsetenv("LIBRETRANSLATE_API_KEY");
  c = S_cfg("libretranslate", url, NULL);
  S_set(c, "mt-jobs", "1");
  mt = S_new(c);
  t = S_sentences(60, "c");
  r = S_run(mt, &t, &failed);
  OK(failed == 60 && S_stat("c", "requests") == 2, "400: every batch tried (%ld)",
     S_stat("c", "requests"));
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_quota_456(void) {
  S_deepl_fails("a", "q456", 120, NULL, NULL, 456, "quota exceeded", 3);
}
static void T_fail_503(void) {
  long long t0 = S_ms();
  S_deepl_fails("a", "e503", 5, "2", NULL, 503, "HTTP 503", 3);
  long long el = S_ms() - t0;
  /* exponential backoff with equal jitter: 250-500 ms, then 500-1000 ms */
  long g1 = S_arrival("a", 1) - S_arrival("a", 0), g2 = S_arrival("a", 2) - S_arrival("a", 1);
  OK(g1 >= 250 && g2 >= 500, "backoff between attempts: %ld ms, %ld ms", g1, g2);
  OK(el < SLACK * (500 + 1000), "backoff bounded: took %lld ms", el);
}
static void T_hang(void) {
  long long t0 = S_ms();
  S_deepl_fails("a", "hang", 5, NULL, "0.5", 0, "timed out", 2);
  long long el = S_ms() - t0;
  long gap = S_arrival("a", 1) - S_arrival("a", 0);
  OK(gap >= 500 + 250, "the retry came after the 0.5 s timeout and a backoff: %ld ms", gap);
  OK(el >= 1000 && el < SLACK * (2 * 500 + 500),
     "two attempts of 0.5 s plus a backoff of at most 0.5 s, took %lld ms", el);
}
static void T_drip(void) {
  long long t0 = S_ms();
  S_deepl_fails("a", "drip", 5, NULL, "0.8", 0, "timed out", 2);
  long long el = S_ms() - t0;
  /* the server drips for 30 s: the client hung up on both attempts */
  for (int i = 0; i < 50 && S_stat("a", "drip_cut") < 2; i++) usleep(100 * 1000);
  OK(S_stat("a", "drip_cut") == 2, "both drips cut off by the client: %ld",
     S_stat("a", "drip_cut"));
  OK(el < SLACK * (2 * 800 + 500), "drip cut off: took %lld ms (one drip: 30 s)", el);
}
static void T_truncated(void) {
  S_deepl_fails("a", "truncated", 5, "1", NULL, 0, "Transferred a partial file", 2);
}
static void T_bad_json(void) { S_deepl_fails("a", "badjson", 5, NULL, NULL, 0, "invalid JSON", 1); }
static void T_wrong_count(void) {
  S_deepl_fails("a", "wrongcount", 5, NULL, NULL, 0, "answer has 4 translations for 5 texts", 1);
  S_deepl_fails("b", "wrongcount", 1, NULL, NULL, 0, "answer has 2 translations for 1 texts", 1);
}
static void T_oversized(void) { S_deepl_fails("a", "oversized", 5, NULL, NULL, 0, "larger than", 1); }

static void T_key_echo(void) {
  S_deepl_fails("a", "keyecho", 3, NULL, NULL, 403, "[redacted]", 1);
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  setenv("LIBRETRANSLATE_API_KEY", KEY_LIBRE, 1);
  static const char *const provs[] = {"google", "libretranslate"};
  for (size_t i = 0; i < 2; i++) {
    char *ns = S_fmt("p%zu", i);
    char *url = S_url(ns, "keyecho");
    dg_mt *mt = S_new(S_cfg(provs[i], url, NULL));
    S_texts t = S_sentences(2, ns);
    size_t failed;
    dg_mt_result *r = S_run(mt, &t, &failed);
    OK(failed == 2, "%s failed", provs[i]);
    S_expect_errors(&t, r, 403, "[redacted]");
    S_results_free(r, t.n);
    S_texts_free(&t);
    dg_mt_free(mt);
    free(url);
    free(ns);
  }
}

static void T_concurrency(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  /* 10 requests of 5 sentences, 150 ms each, 4 in flight */
  char *url = S_url("a", "delay150");
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-batch", "5");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(50, "a");
  size_t failed;
  long long t0 = S_ms();
  dg_mt_result *r = S_run(mt, &t, &failed);
  long long el = S_ms() - t0;
  OK(failed == 0, "%zu failed", failed);
  S_expect_all(&t, r);
  long maxin = S_stat("a", "max_inflight"), conns = S_stat("a", "connections");
  OK(S_stat("a", "requests") == 10, "%ld requests", S_stat("a", "requests"));
  OK(maxin >= 2 && maxin <= 4, "max in flight %ld", maxin);
  OK(conns <= 4, "%ld connections for 10 requests", conns);
  /* max_inflight (counted by the server) proves the overlap; the time only
   * guards against a client far slower than one request at a time */
  OK(el < SLACK * 10 * 150, "%lld ms for 10 x 150 ms", el);
  S_results_free(r, t.n);
  dg_mt_free(mt);
  free(url);
  /* one job: one connection, reused for every request */
  url = S_url("b", "delay20");
  c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-batch", "5");
  S_set(c, "mt-jobs", "1");
  mt = S_new(c);
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed", failed);
  OK(S_stat("b", "max_inflight") == 1, "one in flight");
  OK(S_stat("b", "connections") == 1, "%ld connections, want 1 (reuse)", S_stat("b", "connections"));
  /* a second call on the same client keeps the connection */
  dg_mt_result *r2 = S_run(mt, &t, &failed);
  OK(S_stat("b", "connections") == 1, "reuse across calls: %ld", S_stat("b", "connections"));
  S_results_free(r2, t.n);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

static void T_dedupe(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  dg_mt *mt = S_new(S_cfg("deepl", url, NULL));
  S_texts t = {dg_xcalloc(33, sizeof(char *)), 33};
  for (size_t i = 0; i < 30; i++) t.s[i] = S_fmt("Wiederholung %zu.", i % 10);
  t.s[30] = dg_xstrdup("   ");
  t.s[31] = dg_xstrdup("");
  t.s[32] = dg_xstrdup("Kaputtes \xC3\x28 Byte."); /* invalid UTF-8 is repaired, not sent raw */
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed", failed);
  for (size_t i = 0; i < 30; i++) {
    char *want = S_fmt("[en] Wiederholung %zu.", i % 10);
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu: %s", i, r[i].text);
    free(want);
  }
  OK(r[30].text && !*r[30].text && r[31].text && !*r[31].text, "blank sentences: empty text");
  OK(r[32].text && strcmp(r[32].text, "[en] Kaputtes \xEF\xBF\xBD( Byte.") == 0, "repaired: %s",
     r[32].text);
  OK(S_stat("a", "texts") == 11, "%ld texts sent, want 11 distinct", S_stat("a", "texts"));
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  /* nothing to do, no request */
  dg_mt_result none;
  OK(dg_mt_translate(mt, NULL, 0, &none) == 0, "empty call");
  OK(S_stat("a", "requests") == 1, "%ld requests", S_stat("a", "requests"));
  dg_mt_free(mt);
  free(url);
}

static char *S_slurp(const char *path) {
  size_t len;
  degloss_error e = {0};
  char *d = dg_read_file(path, &len, &e);
  return d ? d : dg_xstrdup("");
}

static void S_spit(const char *path, const char *data, size_t n, const char *mode) {
  FILE *f = fopen(path, mode);
  if (!f) exit(1);
  fwrite(data, 1, n, f);
  fclose(f);
}

static void T_cache_corrupt(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  char *dir = S_cache_dir("cc");
  S_texts t = S_sentences(5, "cc");
  size_t failed;
  dg_mt *mt = S_new(S_cfg("deepl", url, dir));
  dg_mt_result *r = S_run(mt, &t, &failed);
  char *path = dg_xstrdup(dg_mt_cache_path(mt));
  S_results_free(r, t.n);
  dg_mt_free(mt);
  OK(S_stat("a", "requests") == 1, "first run");

  /* damage the second record, add junk and a torn last line */
  char *data = S_slurp(path);
  char *l2 = strchr(data, '\n');
  OK(l2 && strlen(l2) > 40, "five lines written");
  if (l2) l2[30] = l2[30] == 'x' ? 'y' : 'x';
  S_spit(path, data, strlen(data), "wb");
  free(data);
  const char junk[] = "garbage line\nv1 zzzzzzzzzzzzzzzz a\tb\n\x01\x02\x00\xff binary\nv1 0123456789abcdef torn";
  S_spit(path, junk, sizeof junk - 1, "ab");

  mt = S_new(S_cfg("deepl", url, dir));
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "corrupt cache still works");
  S_expect_all(&t, r);
  OK(S_hits(mt) == 4 && S_requests(mt) == 1, "4 hits and 1 request, got %lu and %lu",
     S_hits(mt), S_requests(mt));
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* what was appended after the torn line is intact */
  mt = S_new(S_cfg("deepl", url, dir));
  r = S_run(mt, &t, &failed);
  OK(S_hits(mt) == 5 && S_requests(mt) == 0, "5 hits, got %lu (%lu requests)", S_hits(mt),
     S_requests(mt));
  S_expect_all(&t, r);
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* a cache file that is pure junk */
  char junk2[4096];
  for (size_t i = 0; i < sizeof junk2; i++) junk2[i] = (char)((i * 7919u) >> 3);
  S_spit(path, junk2, sizeof junk2, "wb");
  mt = S_new(S_cfg("deepl", url, dir));
  r = S_run(mt, &t, &failed);
  OK(failed == 0 && S_hits(mt) == 0 && S_requests(mt) == 1, "junk cache ignored");
  S_results_free(r, t.n);
  dg_mt_free(mt);

  /* an unwritable cache directory costs nothing but a warning */
  char *ro = S_cache_dir("ro");
  mkdir(ro, 0500);
  char *sub = S_fmt("%s/sub", ro);
  mt = S_new(S_cfg("deepl", url, sub));
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "no cache, still translated");
  S_results_free(r, t.n);
  dg_mt_free(mt);
  free(sub);
  free(ro);
  S_texts_free(&t);
  free(path);
  free(dir);
  free(url);
}

static char *S_kid_sentence(int k, int i) {
  return S_fmt("Prozess %d schreibt Satz %d, lang genug, damit sich Zeilen beim Anhängen "
               "überschneiden könnten, wenn das Sperren nicht funktionierte.", k, i);
}

static void T_cache_concurrent(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  char *dir = S_cache_dir("cc");
  enum { KIDS = 4, PER = 40 };
  fflush(stdout);
  pid_t pids[KIDS];
  for (int k = 0; k < KIDS; k++) {
    pids[k] = fork();
    if (pids[k] == 0) {
      int bad = 0;
      for (int round = 0; round < 4; round++) { /* several appends per child */
        S_texts t = {dg_xcalloc(PER / 4, sizeof(char *)), PER / 4};
        for (size_t i = 0; i < t.n; i++)
          t.s[i] = S_kid_sentence(k, (int)(round * t.n + i));
        dg_mt *mt = S_new(S_cfg("deepl", url, dir));
        dg_mt_result *r = dg_xcalloc(t.n, sizeof *r);
        if (dg_mt_translate(mt, (const char *const *)t.s, t.n, r) != 0) bad = 1;
        S_results_free(r, t.n);
        dg_mt_free(mt);
        S_texts_free(&t);
      }
      _exit(bad);
    }
  }
  for (int k = 0; k < KIDS; k++) {
    int st = 0;
    waitpid(pids[k], &st, 0);
    OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child %d", k);
  }
  long before = S_stat("a", "requests");
  S_texts t = {dg_xcalloc(KIDS * PER, sizeof(char *)), KIDS * PER};
  for (int k = 0; k < KIDS; k++)
    for (int i = 0; i < PER; i++)
      t.s[k * PER + i] = S_kid_sentence(k, i);
  dg_mt *mt = S_new(S_cfg("deepl", url, dir));
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "all there");
  OK(S_hits(mt) == KIDS * PER && S_requests(mt) == 0, "%lu hits, %lu requests", S_hits(mt),
     S_requests(mt));
  OK(S_stat("a", "requests") == before, "no request after concurrent writers");
  S_expect_all(&t, r);
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(dir);
  free(url);
}

/* ---- cache compaction ---------------------------------------------------- */

static size_t S_count_lines(const char *path) {
  char *d = S_slurp(path);
  size_t n = 0;
  for (const char *p = d; *p; p++) n += *p == '\n';
  free(d);
  return n;
}

/* Translate t through the test server with the given target; the number of
 * requests the server saw for it. */
static long S_pass(const char *ns, const char *dir, const S_texts *t, const char *target,
                   const char *max, unsigned long *hits) {
  char *url = S_url(ns, "ok");
  long before = S_stat(ns, "requests");
  dg_mt_config *c = S_cfg("deepl", url, dir);
  if (target) S_set(c, "mt-target", target);
  if (max) S_set(c, "mt-cache-max", max);
  dg_mt *mt = S_new(c);
  size_t failed;
  dg_mt_result *r = S_run(mt, t, &failed);
  OK(failed == 0, "%zu failed", failed);
  S_expect_all(t, r);
  if (hits) *hits = S_hits(mt);
  S_results_free(r, t->n);
  dg_mt_free(mt);
  free(url);
  return S_stat(ns, "requests") - before;
}

/* degloss --mt-cache-compact through its library function; its output line. */
static char *S_compact_cmd(const char *dir, const char *max) {
  dg_mt_config *c = dg_mt_config_new();
  S_set(c, "cache-dir", dir);
  if (max) S_set(c, "mt-cache-max", max);
  char *path = S_fmt("%s/compact-out.txt", S_env("MT_TEST_DIR"));
  FILE *f = fopen(path, "w+");
  degloss_error err = {0};
  int rc = f ? dg_mt_cache_compact_command(c, f, &err) : -1;
  OK(rc == 0, "compact: %s: %s", err.source, err.text);
  if (f) fclose(f);
  char *out = S_slurp(path);
  free(path);
  dg_mt_config_free(c);
  return out;
}

static void T_cache_compact(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *dir = S_cache_dir("cc");
  char *path = S_fmt("%s/mt-cache-v1.txt", dir);
  S_texts a = S_sentences(30, "ca"), b = S_sentences(30, "cb");
  OK(S_pass("a", dir, &a, "EN-US", NULL, NULL) > 0, "first run asks the server");
  OK(S_pass("a", dir, &a, "EN-GB", NULL, NULL) > 0, "another target asks again");
  /* 50 keys written twice: the first values are superseded */
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  OK(c != NULL, "open");
  for (int round = 0; c && round < 2; round++) {
    for (int i = 0; i < 50; i++) {
      char *k = S_fmt("junk\x1fkey %d", i), *v = S_fmt("value %d of round %d", i, round);
      dg_mt_cache_put(c, k, v);
      free(k);
      free(v);
    }
    OK(dg_mt_cache_flush(c, &err), "flush");
  }
  dg_mt_cache_free(c);
  OK(S_count_lines(path) == 160, "160 lines, got %zu", S_count_lines(path));

  char *out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "before: 160 lines, 110 entries,") != NULL, "output: %s", out);
  OK(strstr(out, "after: 110 entries,") != NULL, "output: %s", out);
  OK(strstr(out, "(50 superseded, 0 corrupt, 0 evicted)") != NULL, "output: %s", out);
  free(out);
  OK(S_count_lines(path) == 110, "110 lines after compaction, got %zu", S_count_lines(path));
  c = dg_mt_cache_open(dir, &err);
  const char *v = c ? dg_mt_cache_get(c, "junk\x1fkey 7") : NULL;
  OK(v && strcmp(v, "value 7 of round 1") == 0, "the newer value survives: %s", v ? v : "(none)");
  OK(c && dg_mt_cache_bad_lines(c) == 0 && dg_mt_cache_size(c) == 110, "clean file");
  dg_mt_cache_free(c);

  /* every live entry kept: no request for either target */
  unsigned long hits = 0;
  OK(S_pass("a", dir, &a, "EN-GB", NULL, &hits) == 0 && hits == 30, "EN-GB from the cache");
  OK(S_pass("a", dir, &a, "EN-US", NULL, &hits) == 0 && hits == 30, "EN-US from the cache");

  /* the bound keeps the most recently used: EN-US was used last, although
   * it was written first */
  out = S_compact_cmd(dir, "30");
  OK(strstr(out, "after: 30 entries,") && strstr(out, "80 evicted"), "output: %s", out);
  free(out);
  OK(S_count_lines(path) == 30, "30 lines, got %zu", S_count_lines(path));
  OK(S_pass("a", dir, &a, "EN-US", NULL, &hits) == 0 && hits == 30, "EN-US kept");
  OK(S_pass("a", dir, &a, "EN-GB", NULL, NULL) > 0, "EN-GB evicted");

  /* automatic: a run over the bound compacts when it ends, down to 15/16 of
   * the bound; what it used stays */
  OK(S_pass("a", dir, &b, NULL, "40", NULL) > 0, "new sentences");
  OK(S_count_lines(path) == 38, "40 - 40/16 kept after the run, got %zu lines",
     S_count_lines(path));
  long req = S_pass("a", dir, &b, NULL, "40", &hits);
  OK(req == 0 && hits == 30, "the run's own entries kept: %ld requests, %lu hits", req, hits);

  /* a byte bound */
  out = S_compact_cmd(dir, "1K");
  OK(strstr(out, "after: ") != NULL, "output: %s", out);
  free(out);
  struct stat st;
  OK(stat(path, &st) == 0 && st.st_size <= 1024 && st.st_size > 0, "1K bound: %lld bytes",
     (long long)st.st_size);

  /* automatic: waste over twice the live data */
  c = dg_mt_cache_open(dir, &err);
  char *big = dg_xcalloc(2001, 1);
  memset(big, 'x', 2000);
  for (int i = 0; c && i < 60; i++) {
    dg_mt_cache_put(c, "junk\x1f" "big", big);
    OK(dg_mt_cache_flush(c, &err), "flush");
  }
  dg_mt_cache_free(c);
  free(big);
  OK(stat(path, &st) == 0 && st.st_size > 120000, "grew to %lld", (long long)st.st_size);
  S_pass("a", dir, &b, NULL, NULL, NULL);
  OK(stat(path, &st) == 0 && st.st_size < 30000, "compacted at the end of a run: %lld bytes",
     (long long)st.st_size);
  OK(S_pass("a", dir, &b, NULL, NULL, &hits) == 0 && hits == 30, "nothing lost");

  S_texts_free(&a);
  S_texts_free(&b);
  free(path);
  free(dir);
}

static void T_cache_compact_corrupt(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *dir = S_cache_dir("cc");
  char *path = S_fmt("%s/mt-cache-v1.txt", dir);
  S_texts t = S_sentences(10, "cx");
  OK(S_pass("a", dir, &t, NULL, NULL, NULL) > 0, "first run");
  /* damage the third record, add junk and a torn last line */
  char *data = S_slurp(path);
  char *l3 = strchr(data, '\n');
  l3 = l3 ? strchr(l3 + 1, '\n') : NULL;
  OK(l3 && strlen(l3) > 40, "lines written");
  if (l3) l3[30] = l3[30] == 'x' ? 'y' : 'x';
  S_spit(path, data, strlen(data), "wb");
  free(data);
  const char junk[] = "garbage\n\x01\x02\x00\xff\nv1 0123456789abcdef torn";
  S_spit(path, junk, sizeof junk - 1, "ab");
  char *stale = S_fmt("%s/mt-cache-v1.txt.tmp.AbC123", dir); /* a compaction that died */
  S_spit(stale, "v1 half", 7, "wb");
  char *out = S_compact_cmd(dir, NULL);
  OK(access(stale, F_OK) != 0, "stale temporary file removed");
  free(stale);
  OK(strstr(out, "before: 13 lines, 9 entries,") && strstr(out, "after: 9 entries,") &&
         strstr(out, "4 corrupt"),
     "output: %s", out);
  free(out);
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  OK(c && dg_mt_cache_bad_lines(c) == 0 && dg_mt_cache_size(c) == 9, "clean after compaction");
  dg_mt_cache_free(c);
  unsigned long hits = 0;
  OK(S_pass("a", dir, &t, NULL, NULL, &hits) == 1 && hits == 9, "one request for the lost one");
  /* a truncated file (cut in the middle of a line) */
  data = S_slurp(path);
  size_t cut = strlen(data) / 2;
  S_spit(path, data, cut, "wb");
  free(data);
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "1 corrupt") != NULL, "torn line counted: %s", out);
  free(out);
  c = dg_mt_cache_open(dir, &err);
  size_t n = c ? dg_mt_cache_size(c) : 0;
  OK(c && dg_mt_cache_bad_lines(c) == 0 && n >= 3 && n < 10, "%zu entries kept", n);
  dg_mt_cache_free(c);
  OK(S_pass("a", dir, &t, NULL, NULL, &hits) > 0 && hits == n, "the rest from the cache");
  /* an empty file and a missing one */
  S_spit(path, "", 0, "wb");
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "before: 0 lines, 0 entries, 0 bytes; after: 0 entries, 0 bytes"), "%s", out);
  free(out);
  unlink(path);
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "after: 0 entries") != NULL, "%s", out);
  free(out);
  S_texts_free(&t);
  free(path);
  free(dir);
}

/* Writers, a compactor and a reader at once: a reader always sees every
 * entry that was there before (the old or the new file, never a mix or a
 * half-written one), and no writer's entry is lost to a rename. */
static void T_cache_compact_race(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "ok");
  char *dir = S_cache_dir("cr");
  enum { SEED = 200, WRITERS = 3, ROUNDS = 4, PER = 10 };
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  if (!c) {
    OK(false, "open: %s", err.text);
    return;
  }
  for (int i = 0; i < SEED; i++) {
    char *k = S_fmt("seed\x1f%d", i), *v = S_fmt("seed value %d", i);
    dg_mt_cache_put(c, k, v);
    if (i % 2) dg_mt_cache_put(c, k, v); /* something to drop */
    free(k);
    free(v);
  }
  OK(dg_mt_cache_flush(c, &err), "seed");
  dg_mt_cache_free(c);
  fflush(stdout);
  pid_t pids[WRITERS + 2];
  for (int k = 0; k < WRITERS + 2; k++) {
    pids[k] = fork();
    if (pids[k] != 0) continue;
    int bad = 0;
    if (k < WRITERS) {
      for (int round = 0; round < ROUNDS; round++) {
        S_texts t = {dg_xcalloc(PER, sizeof(char *)), PER};
        for (size_t i = 0; i < t.n; i++) t.s[i] = S_kid_sentence(k, (int)(round * PER + i));
        dg_mt *mt = S_new(S_cfg("deepl", url, dir));
        dg_mt_result *r = dg_xcalloc(t.n, sizeof *r);
        if (dg_mt_translate(mt, (const char *const *)t.s, t.n, r) != 0) bad = 1;
        S_results_free(r, t.n);
        dg_mt_free(mt);
        S_texts_free(&t);
      }
    } else if (k == WRITERS) { /* the compactor */
      for (int i = 0; i < 40 && !bad; i++) {
        dg_mt_cache *x = dg_mt_cache_open(dir, &err);
        if (!x || !dg_mt_cache_compact(x, true, NULL, &err)) bad = 2;
        dg_mt_cache_free(x);
      }
    } else { /* the reader */
      for (int i = 0; i < 150 && !bad; i++) {
        dg_mt_cache *x = dg_mt_cache_open(dir, &err);
        for (int s = 0; x && s < SEED && !bad; s++) {
          char *key = S_fmt("seed\x1f%d", s), *want = S_fmt("seed value %d", s);
          const char *got = dg_mt_cache_get(x, key);
          if (!got || strcmp(got, want) != 0) bad = 3;
          free(key);
          free(want);
        }
        if (!x) bad = 4;
        dg_mt_cache_free(x); /* not closed: the reader writes nothing */
      }
    }
    _exit(bad);
  }
  for (int k = 0; k < WRITERS + 2; k++) {
    int st = 0;
    waitpid(pids[k], &st, 0);
    OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child %d exit %d", k,
       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  long before = S_stat("a", "requests");
  S_texts t = {dg_xcalloc(WRITERS * ROUNDS * PER, sizeof(char *)), WRITERS * ROUNDS * PER};
  for (int k = 0; k < WRITERS; k++)
    for (int i = 0; i < ROUNDS * PER; i++) t.s[k * ROUNDS * PER + i] = S_kid_sentence(k, i);
  dg_mt *mt = S_new(S_cfg("deepl", url, dir));
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0 && S_hits(mt) == t.n, "%lu of %zu from the cache", S_hits(mt), t.n);
  OK(S_stat("a", "requests") == before, "no entry lost to a compaction");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  /* no temporary file left behind */
  DIR *d = opendir(dir);
  for (struct dirent *de = d ? readdir(d) : NULL; de; de = readdir(d))
    OK(strncmp(de->d_name, "mt-cache-v1.txt.tmp.", 20) != 0, "left over: %s", de->d_name);
  if (d) closedir(d);
  free(dir);
  free(url);
}

static void T_tls_verify(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_fmt("https://127.0.0.1:%s/t/a/ok", S_env("MT_TEST_TLS_PORT"));
  /* a certificate from an unknown CA is refused, and not retried */
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(3, "tls");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 3, "unverified TLS must fail");
  for (size_t i = 0; i < t.n; i++)
    OK(r[i].error && (strstr(r[i].error, "certificate") || strstr(r[i].error, "SSL")),
       "error: %s", r[i].error ? r[i].error : "(null)");
  OK(S_requests(mt) == 1, "no retry on a TLS failure: %lu", S_requests(mt));
  S_results_free(r, t.n);
  dg_mt_free(mt);
  /* with the private CA it works */
  char *ca = S_fmt("%s/tls/ca.pem", S_env("MT_TEST_SRC"));
  c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-cacert", ca);
  mt = S_new(c);
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "TLS with --mt-cacert: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 1, "one request over TLS");
  S_no_violations("a");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(ca);
  free(url);
}

static void T_refused(void) {
  /* a port nobody listens on */
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t al = sizeof a;
  bind(fd, (struct sockaddr *)&a, sizeof a);
  getsockname(fd, (struct sockaddr *)&a, &al);
  close(fd);
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_fmt("http://127.0.0.1:%u", (unsigned)ntohs(a.sin_port));
  dg_mt_config *c = S_cfg("deepl", url, NULL);
  S_set(c, "mt-retries", "1");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(4, "r");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 4, "refused: all fail");
  S_expect_errors(&t, r, 0, "connect");
  OK(S_requests(mt) == 2, "connection failures are retried: %lu", S_requests(mt));
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* Proxies come from the environment (as libcurl reads them): the test server
 * doubles as an HTTP proxy for a host that does not exist. */
static void T_proxy(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *proxy = S_fmt("http://127.0.0.1:%s", S_env("MT_TEST_PORT"));
  setenv("http_proxy", proxy, 1);
  dg_mt *mt = S_new(S_cfg("deepl", "http://mt.example.invalid/t/a/ok", NULL));
  S_texts t = S_sentences(3, "p");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "through the proxy: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  json_t *st = S_stats("a");
  json_t *hosts = json_object_get(st, "proxied_hosts");
  OK(json_array_size(hosts) == 1 &&
         strcmp(json_string_value(json_array_get(hosts, 0)), "mt.example.invalid") == 0,
     "the request went through the proxy");
  json_decref(st);
  S_no_violations("a");
  unsetenv("http_proxy");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(proxy);
}

static void T_verbose_redacts(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "keyecho");
  char *dir = S_cache_dir("v");
  dg_mt_config *c = S_cfg("deepl", url, dir);
  S_set(c, "verbose", "yes");
  dg_mt *mt = S_new(c);
  S_texts t = S_sentences(2, "v");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 2, "failed");
  S_results_free(r, t.n);
  dg_mt_free(mt);
  free(url);
  url = S_url("b", "ok");
  c = S_cfg("deepl", url, dir);
  S_set(c, "verbose", NULL);
  mt = S_new(c);
  r = S_run(mt, &t, &failed);
  OK(failed == 0, "ok");
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
  fflush(stderr);
  char *log = S_slurp(S_stderr_path);
  OK(strstr(log, "degloss: mt: POST http://127.0.0.1:"), "verbose log written");
  OK(strstr(log, "HTTP 403"), "failure logged");
  OK(strstr(log, "HTTP 200"), "success logged");
  OK(strstr(log, "[redacted]"), "the echoed key is redacted in the log");
  free(log);
  free(dir);
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
        char *data = S_slurp(p);
        OK(!S_has_key(data), "a key in %s", p);
        free(data);
      }
    }
    free(p);
  }
  closedir(d);
}

static void T_retry_500(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = S_url("a", "e500once");
  dg_mt *mt = S_new(S_cfg("deepl", url, NULL));
  S_texts t = S_sentences(7, "a");
  size_t failed;
  dg_mt_result *r = S_run(mt, &t, &failed);
  OK(failed == 0, "500 retried: %s", dg_mt_summary(mt));
  S_expect_all(&t, r);
  OK(S_stat("a", "requests") == 2, "%ld requests", S_stat("a", "requests"));
  S_results_free(r, t.n);
  S_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* Provider answer parsers on malformed and odd answers: no crash, nothing
 * left behind on failure, the right status. */
static dg_mt_parse_status S_parse(const dg_mt_provider *p, const char *body, size_t n, char **out) {
  dg_mt_ctx ctx = {"http://x", "", "m", "EN-US"};
  dg_buf msg;
  dg_buf_init(&msg);
  for (size_t i = 0; i < n; i++) out[i] = NULL;
  dg_mt_parse_status st = p->parse(&ctx, body, strlen(body), n, out, &msg);
  OK((st == DG_MT_PARSE_OK) == (msg.len == 0), "%s: message iff failure (%s)", p->name,
     msg.data ? msg.data : "");
  if (st != DG_MT_PARSE_OK)
    for (size_t i = 0; i < n; i++) OK(out[i] == NULL, "%s: nothing left on failure", p->name);
  dg_buf_free(&msg);
  return st;
}

static void T_parsers(void) {
  const dg_mt_provider *provs[] = {&dg_mt_deepl, &dg_mt_libre, &dg_mt_google, &dg_mt_openai};
  dg_buf deep;
  dg_buf_init(&deep);
  for (int i = 0; i < 100000; i++) dg_buf_putc(&deep, '[');
  const char *junk[] = {"", "null", "[]", "{}", "\"text\"", "{\"translations\": 5}",
                        "{\"translations\": [{\"text\": 5}, {\"text\": \"b\"}]}",
                        "{\"translatedText\": [1, 2]}", "{\"data\": {\"translations\": [{}, {}]}}",
                        "{\"choices\": []}", "{\"choices\": [{\"message\": {\"content\": 7}}]}",
                        "{\"translations\": [{\"text\": \"a\\u0000b\"}, {\"text\": \"c\"}]}",
                        "{\"a\": 1e999999}", "\xff\xfe", deep.data};
  for (size_t p = 0; p < DG_ARRAY_LEN(provs); p++)
    for (size_t j = 0; j < DG_ARRAY_LEN(junk); j++) {
      char *out[2];
      OK(S_parse(provs[p], junk[j], 2, out) != DG_MT_PARSE_OK, "%s accepted junk %zu", provs[p]->name, j);
      char *e = provs[p]->error_text(junk[j], strlen(junk[j]));
      free(e);
    }
  dg_buf_free(&deep);
  char *out[3];
  /* count mismatches are told apart from nonsense */
  OK(S_parse(&dg_mt_deepl, "{\"translations\": [{\"text\": \"a\"}]}", 2, out) == DG_MT_PARSE_COUNT, "deepl count");
  OK(S_parse(&dg_mt_google, "{\"data\": {\"translations\": []}}", 1, out) == DG_MT_PARSE_COUNT, "google count");
  OK(S_parse(&dg_mt_libre, "{\"translatedText\": \"a\"}", 2, out) == DG_MT_PARSE_COUNT, "libre count");
  OK(S_parse(&dg_mt_libre, "{\"translatedText\": \"a\"}", 1, out) == DG_MT_PARSE_OK &&
         strcmp(out[0], "a") == 0, "libre single string");
  free(out[0]);
  /* chat answers: think blocks, other numbering styles, wrapped lines, chatter */
  const char *chat =
      "{\"choices\": [{\"message\": {\"content\": \"<think>1. no\\n2. no</think>Here you go:\\n\\n"
      "1) First one.\\n2. Second\\nwrapped.\\n3: Third.\\n\"}}]}";
  OK(S_parse(&dg_mt_openai, chat, 3, out) == DG_MT_PARSE_OK, "chat parsed");
  OK(out[0] && strcmp(out[0], "First one.") == 0, "1: %s", out[0] ? out[0] : "");
  OK(out[1] && strcmp(out[1], "Second wrapped.") == 0, "2: %s", out[1] ? out[1] : "");
  OK(out[2] && strcmp(out[2], "Third.") == 0, "3: %s", out[2] ? out[2] : "");
  for (int i = 0; i < 3; i++) free(out[i]);
  const char *dup = "{\"choices\": [{\"message\": {\"content\": \"1. a\\n1. b\\n2. c\"}}]}";
  OK(S_parse(&dg_mt_openai, dup, 2, out) == DG_MT_PARSE_COUNT, "duplicate number");
  const char *plain = "{\"choices\": [{\"message\": {\"content\": \"  Just the sentence.  \"}}]}";
  OK(S_parse(&dg_mt_openai, plain, 1, out) == DG_MT_PARSE_OK && strcmp(out[0], "Just the sentence.") == 0,
     "unnumbered single answer");
  free(out[0]);
  /* error texts of each provider */
  const char *ge = "{\"error\": {\"message\": \"m\"}}", *oe = "{\"error\": \"flat\"}";
  char *e = dg_mt_google.error_text(ge, strlen(ge));
  OK(e && strcmp(e, "m") == 0, "google error text");
  free(e);
  e = dg_mt_openai.error_text(oe, strlen(oe));
  OK(e && strcmp(e, "flat") == 0, "openai flat error text");
  free(e);
  /* the JSON length estimate never undercounts what jansson writes */
  const char *samples[] = {"plain", "quote\" back\\ slash", "tab\t nl\n cr\r", "ctl\x01\x1f del\x7f",
                           "Umlaut äöü €"};
  for (size_t i = 0; i < DG_ARRAY_LEN(samples); i++) {
    json_t *js = json_string(samples[i]);
    char *d = json_dumps(js, JSON_ENCODE_ANY | JSON_COMPACT);
    OK(strlen(d) <= dg_mt_json_len(samples[i]), "estimate %zu < %zu for sample %zu",
       dg_mt_json_len(samples[i]), strlen(d), i);
    free(d);
    json_decref(js);
  }
}

static const struct {
  const char *name;
  void (*fn)(void);
} S_cases[] = {
    {"parsers", T_parsers},
    {"config", T_config},
    {"deepl_ok", T_deepl_ok},
    {"deepl_cache", T_deepl_cache},
    {"deepl_limits", T_deepl_limits},
    {"deepl_free_url", T_deepl_free_url},
    {"libre_ok", T_libre_ok},
    {"libre_key", T_libre_key},
    {"libre_single", T_libre_single},
    {"libre_error", T_libre_error},
    {"google_ok", T_google_ok},
    {"google_daily_quota", T_google_daily_quota},
    {"google_rate_retry", T_google_rate_retry},
    {"openai_ok", T_openai_ok},
    {"openai_count_fallback", T_openai_count_fallback},
    {"retry_429", T_retry_429},
    {"summary", T_summary},
    {"quota_456", T_quota_456},
    {"breaker", T_breaker},
    {"retry_500", T_retry_500},
    {"fail_503", T_fail_503},
    {"hang", T_hang},
    {"drip", T_drip},
    {"truncated", T_truncated},
    {"bad_json", T_bad_json},
    {"wrong_count", T_wrong_count},
    {"oversized", T_oversized},
    {"key_echo", T_key_echo},
    {"concurrency", T_concurrency},
    {"dedupe", T_dedupe},
    {"cache_corrupt", T_cache_corrupt},
    {"cache_concurrent", T_cache_concurrent},
    {"cache_compact", T_cache_compact},
    {"cache_compact_corrupt", T_cache_compact_corrupt},
    {"cache_compact_race", T_cache_compact_race},
    {"tls_verify", T_tls_verify},
    {"refused", T_refused},
    {"verbose_redacts", T_verbose_redacts},
    {"proxy", T_proxy},
};

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_mt CASE (run through tests/mt/with_server.py)\n");
    return 2;
  }
  void (*fn)(void) = NULL;
  for (size_t i = 0; i < DG_ARRAY_LEN(S_cases); i++)
    if (strcmp(argv[1], S_cases[i].name) == 0) fn = S_cases[i].fn;
  if (!fn) {
    fprintf(stderr, "test_mt: unknown case %s\n", argv[1]);
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  /* capture stderr to check that no key is ever printed */
  snprintf(S_stderr_path, sizeof S_stderr_path, "%s/stderr.txt", S_env("MT_TEST_DIR"));
  int saved = dup(2);
  int fd = open(S_stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || dup2(fd, 2) < 0) return 1;
  close(fd);
  fn();
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  char *log = S_slurp(S_stderr_path);
  OK(!S_has_key(log), "a key on stderr");
  fprintf(stderr, "%s", log); /* shown by ctest --output-on-failure */
  free(log);
  S_scan_dir(S_env("MT_TEST_DIR"));
  curl_global_cleanup();
  char name[128];
  snprintf(name, sizeof name, "mt.%s", argv[1]);
  return DONE(name);
}
