/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MT client cases written as code (see test_mt.c for the cases written as
 * data): configuration and its errors, the providers' answer parsers,
 * default URLs, request size limits, the summary over several calls, the
 * breaker across calls, concurrency and connection reuse, deduplication,
 * TLS, refused connections, proxies, the verbose log. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_check.h"
#include "mt_provider.h"

void mtt_case_config(void) {
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
  OK(!mtt_has_key(e1.text) && strstr(e1.text, "command line"), "message: %s", e1.text);
  OK(!dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "cfg:9", S_IFREG | 0644, &e2),
     "key from a 0644 file accepted");
  OK(!mtt_has_key(e2.text) && strstr(e2.text, "chmod 600"), "message: %s", e2.text);
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

void mtt_case_parsers(void) {
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

void mtt_case_deepl_free_url(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  dg_mt *mt = mtt_new(mtt_cfg("deepl", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://api-free.deepl.com") == 0, "free: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  setenv("DEEPL_AUTH_KEY", "test-key-XXXX-pro", 1);
  mt = mtt_new(mtt_cfg("deepl", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://api.deepl.com") == 0, "pro: %s", dg_mt_base_url(mt));
  OK(mtt_requests(mt) == 0, "no request made");
  dg_mt_free(mt);
  mt = mtt_new(mtt_cfg("deepl", "http://127.0.0.1:1/x//", NULL));
  OK(strcmp(dg_mt_base_url(mt), "http://127.0.0.1:1/x") == 0, "override: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  /* the config-file key is used when the environment has none */
  unsetenv("DEEPL_AUTH_KEY");
  dg_mt_config *c = mtt_cfg("deepl", NULL, NULL);
  OK(dg_mt_config_set(c, "mt-key", "test-key-XXXX-file", "cfg:1", S_IFREG | 0600, NULL), "key");
  mt = mtt_new(c);
  OK(strcmp(dg_mt_base_url(mt), "https://api.deepl.com") == 0, "file key: %s", dg_mt_base_url(mt));
  dg_mt_free(mt);
  setenv("GOOGLE_API_KEY", KEY_GOOGLE, 1);
  mt = mtt_new(mtt_cfg("google", NULL, NULL));
  OK(strcmp(dg_mt_base_url(mt), "https://translation.googleapis.com") == 0, "google: %s",
     dg_mt_base_url(mt));
  dg_mt_free(mt);
}

/* Requests stay within DeepL's 128 KiB; a sentence too long for any request
 * fails alone, without a request. */
void mtt_case_deepl_limits(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  dg_mt *mt = mtt_new(mtt_cfg("deepl", url, NULL));
  mtt_texts t = {dg_xcalloc(41, sizeof(char *)), 41};
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
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 1, "%zu failed", failed);
  for (size_t i = 0; i < 40; i++) {
    char *want = mtt_expect(t.s[i]);
    for (char *p = want; *p; p++)
      if (*p == '\t') *p = ' '; /* a translation is one line of text: TAB shown as a space */
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu", i);
    free(want);
  }
  OK(r[40].error && strstr(r[40].error, "too long"), "overlong: %s", r[40].error ? r[40].error : "");
  long req = mtt_stat("a", "requests");
  OK(req >= 2 && req <= 3, "240 KB in %ld requests", req);
  OK(mtt_stat("a", "texts") == 40, "the overlong sentence is not sent");
  mtt_no_violations("a"); /* the server checks each body against 128 KiB */
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* The summary counts every call of a client. */
void mtt_case_summary(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "r429");
  dg_mt_config *c = mtt_cfg("deepl", url, NULL);
  mtt_set(c, "mt-retries", "0");
  dg_mt *mt = mtt_new(c);
  OK(dg_mt_summary(mt) == NULL, "no summary before any call");
  mtt_texts t = mtt_sentences(3, "s1");
  size_t failed;
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 3, "first call fails (429, no retries allowed)");
  mtt_expect_errors(&t, r, 429, "HTTP 429: too many requests: Too many requests");
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  t = mtt_sentences(5, "s2");
  for (size_t i = 0; i < t.n; i++) { /* other sentences than the first call */
    free(t.s[i]);
    t.s[i] = mtt_fmt("Zweiter Aufruf, Satz %zu.", i);
  }
  r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "second call succeeds");
  const char *sum = dg_mt_summary(mt);
  const char *want = "degloss: translation: 3 of 8 sentences failed (deepl: HTTP 429: too many "
                     "requests: Too many requests)";
  OK(sum && strcmp(sum, want) == 0, "summary '%s'", sum ? sum : "(null)");
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

/* Once the provider refuses for good (quota), the remaining sentences fail
 * without more requests, in this call and in later calls of the client. */
void mtt_case_breaker_later_calls(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "q456");
  dg_mt_config *c = mtt_cfg("deepl", url, NULL);
  mtt_set(c, "mt-jobs", "1");
  dg_mt *mt = mtt_new(c);
  mtt_texts t = mtt_sentences(120, "a");
  size_t failed;
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 120, "%zu failed", failed);
  mtt_expect_errors(&t, r, 456, "quota exceeded");
  OK(mtt_stat("a", "requests") == 1, "one request, then stop: %ld", mtt_stat("a", "requests"));
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  t = mtt_sentences(10, "later");
  for (size_t i = 0; i < t.n; i++) {
    free(t.s[i]);
    t.s[i] = mtt_fmt("Später, Satz %zu.", i);
  }
  r = mtt_run(mt, &t, &failed);
  OK(failed == 10, "later call fails too");
  mtt_expect_errors(&t, r, 456, "quota exceeded");
  OK(mtt_stat("a", "requests") == 1, "no request in the later call: %ld", mtt_stat("a", "requests"));
  const char *sum = dg_mt_summary(mt);
  OK(sum && strncmp(sum, "degloss: translation: 130 of 130 sentences failed (deepl: HTTP 456", 66) == 0,
     "summary %s", sum ? sum : "(null)");
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

void mtt_case_concurrency(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  /* 10 requests of 5 sentences, 150 ms each, 4 in flight */
  char *url = mtt_url("a", "delay150");
  dg_mt_config *c = mtt_cfg("deepl", url, NULL);
  mtt_set(c, "mt-batch", "5");
  dg_mt *mt = mtt_new(c);
  mtt_texts t = mtt_sentences(50, "a");
  size_t failed;
  long long t0 = mtt_ms();
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  long long el = mtt_ms() - t0;
  OK(failed == 0, "%zu failed", failed);
  mtt_expect_all(&t, r);
  long maxin = mtt_stat("a", "max_inflight"), conns = mtt_stat("a", "connections");
  OK(mtt_stat("a", "requests") == 10, "%ld requests", mtt_stat("a", "requests"));
  OK(maxin >= 2 && maxin <= 4, "max in flight %ld", maxin);
  OK(conns <= 4, "%ld connections for 10 requests", conns);
  /* max_inflight (counted by the server) proves the overlap; the time only
   * guards against a client far slower than one request at a time */
  OK(el < SLACK * 10 * 150, "%lld ms for 10 x 150 ms", el);
  mtt_results_free(r, t.n);
  dg_mt_free(mt);
  free(url);
  /* one job: one connection, reused for every request */
  url = mtt_url("b", "delay20");
  c = mtt_cfg("deepl", url, NULL);
  mtt_set(c, "mt-batch", "5");
  mtt_set(c, "mt-jobs", "1");
  mt = mtt_new(c);
  r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed", failed);
  OK(mtt_stat("b", "max_inflight") == 1, "one in flight");
  OK(mtt_stat("b", "connections") == 1, "%ld connections, want 1 (reuse)", mtt_stat("b", "connections"));
  /* a second call on the same client keeps the connection */
  dg_mt_result *r2 = mtt_run(mt, &t, &failed);
  OK(mtt_stat("b", "connections") == 1, "reuse across calls: %ld", mtt_stat("b", "connections"));
  mtt_results_free(r2, t.n);
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(url);
}

void mtt_case_dedupe(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  dg_mt *mt = mtt_new(mtt_cfg("deepl", url, NULL));
  mtt_texts t = {dg_xcalloc(33, sizeof(char *)), 33};
  for (size_t i = 0; i < 30; i++) t.s[i] = mtt_fmt("Wiederholung %zu.", i % 10);
  t.s[30] = dg_xstrdup("   ");
  t.s[31] = dg_xstrdup("");
  t.s[32] = dg_xstrdup("Kaputtes \xC3\x28 Byte."); /* invalid UTF-8 is repaired, not sent raw */
  size_t failed;
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "%zu failed", failed);
  for (size_t i = 0; i < 30; i++) {
    char *want = mtt_fmt("[en] Wiederholung %zu.", i % 10);
    OK(r[i].text && strcmp(r[i].text, want) == 0, "sentence %zu: %s", i, r[i].text);
    free(want);
  }
  OK(r[30].text && !*r[30].text && r[31].text && !*r[31].text, "blank sentences: empty text");
  OK(r[32].text && strcmp(r[32].text, "[en] Kaputtes \xEF\xBF\xBD( Byte.") == 0, "repaired: %s",
     r[32].text);
  OK(mtt_stat("a", "texts") == 11, "%ld texts sent, want 11 distinct", mtt_stat("a", "texts"));
  mtt_no_violations("a");
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  /* nothing to do, no request */
  dg_mt_result none;
  OK(dg_mt_translate(mt, NULL, 0, &none) == 0, "empty call");
  OK(mtt_stat("a", "requests") == 1, "%ld requests", mtt_stat("a", "requests"));
  dg_mt_free(mt);
  free(url);
}

/* A certificate from an unknown CA is refused, and not retried; with the
 * private CA (--mt-cacert) it works. */
void mtt_case_tls_verify(void) {
  char *url = mtt_fmt("https://127.0.0.1:%s/t/a/ok", mtt_env("MT_TEST_TLS_PORT"));
  const mtt_run_spec refused = {.provider = "deepl", .ns = "a", .n = 3,
                                .fails = true, .status = 0, .error = "certificate|SSL", .sent = 1};
  mtt_check_run(&refused, url);
  char *ca = mtt_fmt("%s/tls/ca.pem", mtt_env("MT_TEST_SRC"));
  const mtt_run_spec verified = {.provider = "deepl", .ns = "a", .set = {{"mt-cacert", ca}}, .n = 3,
                                 .requests = 1};
  mtt_check_run(&verified, url);
  free(ca);
  free(url);
}

/* A port nobody listens on: connection failures are retried, then fail. */
void mtt_case_refused(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t al = sizeof a;
  bind(fd, (struct sockaddr *)&a, sizeof a);
  getsockname(fd, (struct sockaddr *)&a, &al);
  close(fd);
  char *url = mtt_fmt("http://127.0.0.1:%u", (unsigned)ntohs(a.sin_port));
  const mtt_run_spec spec = {.provider = "deepl", .ns = "r", .set = {{"mt-retries", "1"}}, .n = 4,
                             .fails = true, .status = 0, .error = "connect", .sent = 2};
  mtt_check_run(&spec, url);
  free(url);
}

/* Proxies come from the environment (as libcurl reads them): the test server
 * doubles as an HTTP proxy for a host that does not exist. */
void mtt_case_proxy(void) {
  char *proxy = mtt_fmt("http://127.0.0.1:%s", mtt_env("MT_TEST_PORT"));
  setenv("http_proxy", proxy, 1);
  /* plain http to a remote host goes through the proxy unencrypted: it is
   * refused before any request without mt-insecure, and allowed with it */
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  dg_mt_config *c = mtt_cfg("deepl", "http://mt.example.invalid/t/a/ok", NULL);
  degloss_error err = {0};
  OK(dg_mt_new(c, &err) == NULL && strstr(err.text, "unencrypted"),
     "plain http to a remote host accepted without mt-insecure");
  dg_mt_config_free(c);
  const mtt_run_spec spec = {.provider = "deepl", .ns = "a", .n = 3, .set = {{"mt-insecure", "yes"}}};
  mtt_check_run(&spec, "http://mt.example.invalid/t/a/ok");
  json_t *st = mtt_stats("a");
  json_t *hosts = json_object_get(st, "proxied_hosts");
  OK(json_array_size(hosts) == 1 &&
         strcmp(json_string_value(json_array_get(hosts, 0)), "mt.example.invalid") == 0,
     "the request went through the proxy");
  json_decref(st);
  unsetenv("http_proxy");
  free(proxy);
}

/* What the verbose runs (test_mt.c) wrote on stderr. */
void mtt_case_verbose_log(void) {
  fflush(stderr);
  char *log = mtt_slurp(mtt_stderr_path);
  OK(strstr(log, "degloss: mt: POST http://127.0.0.1:"), "verbose log written");
  OK(strstr(log, "HTTP 403"), "failure logged");
  OK(strstr(log, "HTTP 200"), "success logged");
  OK(strstr(log, "[redacted]"), "the echoed key is redacted in the log");
  free(log);
}
