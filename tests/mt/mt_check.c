/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared part of the MT client tests (mt_check.h): talking to the test
 * server, client set-up, the fixture sentences, one checked translation
 * call, and the runner of a translation run written as data. */
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt_check.h"

char mtt_stderr_path[4096];

/* ---- environment, server ---------------------------------------------- */

const char *mtt_env(const char *name) {
  const char *v = getenv(name);
  if (!v) {
    printf("FAIL: %s is not set (run through with_server.py)\n", name);
    exit(1);
  }
  return v;
}

char *mtt_fmt(const char *fmt, ...) {
  dg_buf b;
  dg_buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  dg_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return dg_buf_detach(&b);
}

char *mtt_url(const char *ns, const char *fault) {
  return mtt_fmt("http://127.0.0.1:%s/t/%s/%s", mtt_env("MT_TEST_PORT"), ns, fault);
}

long long mtt_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t S_collect(char *p, size_t sz, size_t n, void *ud) {
  dg_buf_put(ud, p, sz * n);
  return sz * n;
}

json_t *mtt_stats(const char *ns) {
  char *url = mtt_fmt("http://127.0.0.1:%s/_stats/%s", mtt_env("MT_TEST_PORT"), ns);
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

long mtt_stat(const char *ns, const char *field) {
  json_t *j = mtt_stats(ns);
  long v = (long)json_integer_value(json_object_get(j, field));
  json_decref(j);
  return v;
}

/* Spacing measured on the server does not depend on how slow this process is. */
long mtt_arrival(const char *ns, size_t i) {
  json_t *j = mtt_stats(ns);
  json_t *a = json_array_get(json_object_get(j, "arrivals"), i);
  long v = a ? (long)json_integer_value(a) : -1;
  json_decref(j);
  return v;
}

long mtt_max_batch(const char *ns) {
  json_t *j = mtt_stats(ns);
  json_t *a = json_object_get(j, "batches");
  long m = 0;
  for (size_t i = 0; i < json_array_size(a); i++) {
    long x = (long)json_integer_value(json_array_get(a, i));
    if (x > m) m = x;
  }
  json_decref(j);
  return m;
}

void mtt_no_violations(const char *ns) {
  json_t *j = mtt_stats(ns);
  json_t *v = json_object_get(j, "violations");
  OK(json_array_size(v) == 0, "namespace %s: %zu protocol violations, first: %s", ns,
     json_array_size(v), json_string_value(json_array_get(v, 0)));
  json_decref(j);
}

bool mtt_array_has(const char *ns, const char *field, const char *value) {
  json_t *j = mtt_stats(ns);
  json_t *a = json_object_get(j, field);
  bool hit = false;
  for (size_t i = 0; i < json_array_size(a); i++)
    if (strcmp(json_string_value(json_array_get(a, i)), value) == 0) hit = true;
  json_decref(j);
  return hit;
}

/* ---- client ------------------------------------------------------------ */

dg_mt_config *mtt_cfg(const char *provider, const char *url, const char *cache_dir) {
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

void mtt_set(dg_mt_config *c, const char *key, const char *value) {
  degloss_error err = {0};
  if (!dg_mt_config_set(c, key, value, "test", 0, &err)) {
    printf("FAIL: config %s: %s\n", key, err.text);
    exit(1);
  }
}

dg_mt *mtt_new(dg_mt_config *c) {
  degloss_error err = {0};
  dg_mt *mt = dg_mt_new(c, &err);
  if (!mt) {
    printf("FAIL: dg_mt_new: %s: %s\n", err.source, err.text);
    exit(1);
  }
  dg_mt_config_free(c);
  return mt;
}

unsigned long mtt_requests(const dg_mt *mt) {
  unsigned long req, hits;
  dg_mt_stats(mt, &req, &hits);
  return req;
}

unsigned long mtt_hits(const dg_mt *mt) {
  unsigned long req, hits;
  dg_mt_stats(mt, &req, &hits);
  return hits;
}

char *mtt_cache_dir(const char *name) { return mtt_fmt("%s/%s", mtt_env("MT_TEST_DIR"), name); }

/* ---- sentences --------------------------------------------------------- */

const char *const mtt_fx_de[8] = {
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
const char *const mtt_fx_en[8] = {
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

mtt_texts mtt_sentences(size_t n, const char *tag) {
  mtt_texts t = {dg_xcalloc(n ? n : 1, sizeof(char *)), n};
  for (size_t i = 0; i < n; i++)
    t.s[i] = i < DG_ARRAY_LEN(mtt_fx_de)
                 ? dg_xstrdup(mtt_fx_de[i])
                 : mtt_fmt("Der %s-Satz Nummer %zu steht „hier“.", tag, i);
  return t;
}

mtt_texts mtt_fixture(size_t from, size_t n) {
  mtt_texts t = {dg_xcalloc(n ? n : 1, sizeof(char *)), n};
  for (size_t i = 0; i < n; i++) t.s[i] = dg_xstrdup(mtt_fx_de[from + i]);
  return t;
}

void mtt_texts_free(mtt_texts *t) {
  for (size_t i = 0; i < t->n; i++) free(t->s[i]);
  free(t->s);
}

char *mtt_expect(const char *de) {
  for (size_t i = 0; i < DG_ARRAY_LEN(mtt_fx_de); i++)
    if (strcmp(de, mtt_fx_de[i]) == 0) return dg_xstrdup(mtt_fx_en[i]);
  return mtt_fmt("[en] %s", de);
}

bool mtt_has_key(const char *s) {
  static const char *const keys[] = {KEY_DEEPL, KEY_GOOGLE, KEY_LIBRE, KEY_OPENAI, KEY_FILE};
  for (size_t i = 0; s && i < DG_ARRAY_LEN(keys); i++)
    if (strstr(s, keys[i])) return true;
  return false;
}

/* ---- one call ---------------------------------------------------------- */

dg_mt_result *mtt_run(dg_mt *mt, const mtt_texts *t, size_t *failed) {
  dg_mt_result *r = dg_xcalloc(t->n ? t->n : 1, sizeof *r);
  *failed = dg_mt_translate(mt, (const char *const *)t->s, t->n, r);
  size_t f = 0;
  for (size_t i = 0; i < t->n; i++) {
    OK((r[i].text != NULL) != (r[i].error != NULL), "sentence %zu: exactly one of text/error", i);
    OK(r[i].provider && *r[i].provider, "sentence %zu: provider set", i);
    OK(r[i].model != NULL, "sentence %zu: model set", i);
    OK(!mtt_has_key(r[i].text) && !mtt_has_key(r[i].error), "sentence %zu: key in the result", i);
    if (!r[i].text) f++;
  }
  OK(f == *failed, "returned %zu failures, counted %zu", *failed, f);
  OK(!mtt_has_key(dg_mt_summary(mt)), "key in the summary");
  OK(f == 0 || dg_mt_summary(mt) != NULL, "summary present when something failed");
  return r;
}

void mtt_results_free(dg_mt_result *r, size_t n) {
  for (size_t i = 0; i < n; i++) dg_mt_result_clear(&r[i]);
  free(r);
}

void mtt_expect_all(const mtt_texts *t, const dg_mt_result *r) {
  for (size_t i = 0; i < t->n; i++) {
    char *want = mtt_expect(t->s[i]);
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu: got '%s', want '%s'", i,
       r[i].text ? r[i].text : "(null)", want);
    free(want);
  }
}

/* hay contains one of the |-separated texts of needles. */
static bool S_contains_one(const char *hay, const char *needles) {
  if (!hay || !needles) return false;
  for (const char *p = needles;;) {
    const char *bar = strchr(p, '|');
    char *piece = bar ? dg_xstrndup(p, (size_t)(bar - p)) : dg_xstrdup(p);
    bool hit = strstr(hay, piece) != NULL;
    free(piece);
    if (hit) return true;
    if (!bar) return false;
    p = bar + 1;
  }
}

void mtt_expect_errors(const mtt_texts *t, const dg_mt_result *r, int status, const char *needle) {
  for (size_t i = 0; i < t->n; i++) {
    OK(r[i].text == NULL, "sentence %zu translated although it should fail", i);
    OK(r[i].status == status, "sentence %zu: status %d, want %d", i, r[i].status, status);
    OK(S_contains_one(r[i].error, needle), "sentence %zu: error '%s' lacks '%s'", i,
       r[i].error ? r[i].error : "(null)", needle);
  }
}

/* ---- a run as data ----------------------------------------------------- */

static const char *S_key_variable(const char *provider) {
  if (strcmp(provider, "deepl") == 0) return "DEEPL_AUTH_KEY";
  if (strcmp(provider, "google") == 0) return "GOOGLE_API_KEY";
  if (strcmp(provider, "libretranslate") == 0) return "LIBRETRANSLATE_API_KEY";
  return "OPENAI_API_KEY";
}

static const char *S_key(const char *provider) {
  if (strcmp(provider, "deepl") == 0) return KEY_DEEPL;
  if (strcmp(provider, "google") == 0) return KEY_GOOGLE;
  if (strcmp(provider, "libretranslate") == 0) return KEY_LIBRE;
  return KEY_OPENAI;
}

/* A counter of the spec: 0 is not checked, ZERO wants 0. */
static void S_count(const char *what, long got, long want, const char *ns) {
  if (want == 0) return;
  if (want == ZERO) want = 0;
  OK(got == want, "%s: %s %ld, want %ld", ns, what, got, want);
}

long long mtt_check_run(const mtt_run_spec *sp, const char *url) {
  if (sp->no_key)
    unsetenv(S_key_variable(sp->provider));
  else
    setenv(S_key_variable(sp->provider), S_key(sp->provider), 1);
  char *base = url ? dg_xstrdup(url) : mtt_url(sp->ns, sp->fault);
  char *full = mtt_fmt("%s%s", base, sp->url_tail ? sp->url_tail : "");
  char *cache = sp->cache ? mtt_cache_dir(sp->cache) : NULL;
  dg_mt_config *c = mtt_cfg(sp->provider, full, cache);
  for (size_t i = 0; i < DG_ARRAY_LEN(sp->set) && sp->set[i][0]; i++)
    mtt_set(c, sp->set[i][0], sp->set[i][1]);
  dg_mt *mt = mtt_new(c);
  mtt_texts t = sp->fx_n ? mtt_fixture(sp->fx_from, sp->fx_n) : mtt_sentences(sp->n, sp->ns);
  size_t failed;
  long long t0 = mtt_ms();
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  long long ms = mtt_ms() - t0;

  const char *sum = dg_mt_summary(mt);
  if (sp->fails) {
    OK(failed == t.n, "%zu of %zu failed, want all", failed, t.n);
    mtt_expect_errors(&t, r, sp->status, sp->error);
    char *want = mtt_fmt("degloss: translation: %zu of %zu sentence%s failed (%s: ", t.n, t.n,
                         t.n == 1 ? "" : "s", sp->provider);
    OK(sum && strncmp(sum, want, strlen(want)) == 0, "summary '%s', want '%s...'",
       sum ? sum : "(null)", want);
    OK(S_contains_one(sum, sp->error), "summary '%s' lacks '%s'", sum ? sum : "(null)", sp->error);
    free(want);
  } else {
    OK(failed == 0, "%zu of %zu failed: %s", failed, t.n, sum ? sum : "");
    mtt_expect_all(&t, r);
    const char *model = sp->model ? sp->model : "";
    for (size_t i = 0; i < t.n; i++)
      OK(r[i].provider && strcmp(r[i].provider, sp->provider) == 0 && r[i].model &&
             strcmp(r[i].model, model) == 0 && r[i].cached == sp->cached && r[i].status == 0,
         "sentence %zu: provider %s, model '%s', cached %d, status %d", i,
         r[i].provider ? r[i].provider : "(null)", r[i].model ? r[i].model : "(null)",
         (int)r[i].cached, r[i].status);
  }
  if (sp->summary)
    OK(sum && strstr(sum, sp->summary), "summary '%s' lacks '%s'", sum ? sum : "(null)",
       sp->summary);
  OK((dg_mt_cache_path(mt) != NULL) == (cache != NULL), "cache file %s",
     dg_mt_cache_path(mt) ? dg_mt_cache_path(mt) : "(none)");

  S_count("requests seen by the server", mtt_stat(sp->ns, "requests"), sp->requests, sp->ns);
  S_count("requests sent by the client", (long)mtt_requests(mt), sp->sent, sp->ns);
  S_count("cache hits", (long)mtt_hits(mt), sp->hits, sp->ns);
  S_count("texts sent", mtt_stat(sp->ns, "texts"), sp->texts, sp->ns);
  S_count("requests with the key in the documented place", mtt_stat(sp->ns, "keyed"), sp->keyed,
          sp->ns);
  S_count("recorded exchanges replayed", mtt_stat(sp->ns, "replayed"), sp->replayed, sp->ns);
  if (sp->max_batch)
    OK(mtt_max_batch(sp->ns) <= sp->max_batch, "%s: a batch of %ld texts, at most %ld", sp->ns,
       mtt_max_batch(sp->ns), sp->max_batch);
  if (sp->target)
    OK(mtt_array_has(sp->ns, "targets", sp->target), "%s: target %s sent", sp->ns, sp->target);
  if (sp->model)
    OK(mtt_array_has(sp->ns, "models", sp->model), "%s: model %s sent", sp->ns, sp->model);
  mtt_no_violations(sp->ns);

  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(cache);
  free(full);
  free(base);
  return ms;
}

/* ---- files --------------------------------------------------------------- */

char *mtt_slurp(const char *path) {
  size_t len;
  degloss_error e = {0};
  char *d = dg_read_file(path, &len, &e);
  return d ? d : dg_xstrdup("");
}

void mtt_spit(const char *path, const char *data, size_t n, const char *mode) {
  FILE *f = fopen(path, mode);
  if (!f) exit(1);
  fwrite(data, 1, n, f);
  fclose(f);
}
