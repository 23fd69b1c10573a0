/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the MT client tests share (test_mt.c, test_mt_client.c,
 * test_mt_cache.c): the test server's address and counters, client set-up,
 * the fixture sentences and their recorded answers, one translation call
 * with the checks every call gets, and a translation run written as data
 * (mtt_run_spec) with the runner that checks it. */
#ifndef DG_MT_CHECK_H
#define DG_MT_CHECK_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "harness.h"
#include "mt.h"
#include "util.h"

/* The fake keys the server expects; none may show up anywhere. */
#define KEY_DEEPL "test-key-XXXX-deepl:fx"
#define KEY_GOOGLE "test-key-XXXX-google"
#define KEY_LIBRE "test-key-XXXX-libre"
#define KEY_OPENAI "test-key-XXXX-openai"
#define KEY_FILE "test-key-XXXX-file"

/* Timing rule for these tests: lower bounds (a wait that must happen) are
 * checked, on the server's clock where possible; upper bounds only guard
 * against waiting far too long and are SLACK times what the configured
 * timeouts and backoff allow, so a slow or loaded machine cannot fail them.
 * A hang is caught by the test's own timeout (cmake/mt.cmake). */
#define SLACK 10

/* A count that must be 0 in an mtt_run_spec (0 there means: not checked). */
#define ZERO (-1L)

/* Where stderr goes while a case runs (main checks it for keys). */
extern char mtt_stderr_path[4096];

/* ---- environment, server ---- */

/* getenv, or the test fails: run through with_server.py. */
const char *mtt_env(const char *name);
char *mtt_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* http://127.0.0.1:PORT/t/NS/FAULT: the server behaves as FAULT, counts in NS. */
char *mtt_url(const char *ns, const char *fault);
long long mtt_ms(void);
/* The server's counters for a namespace (a JSON object; exits when unreadable). */
json_t *mtt_stats(const char *ns);
long mtt_stat(const char *ns, const char *field);
/* When the server saw request i of ns, in ms since its first one; -1: none. */
long mtt_arrival(const char *ns, size_t i);
long mtt_max_batch(const char *ns);
bool mtt_array_has(const char *ns, const char *field, const char *value);
/* The server found nothing wrong with the requests of ns (one check). */
void mtt_no_violations(const char *ns);

/* ---- client ---- */

/* A configuration for provider at url; cache_dir NULL is --no-cache. */
dg_mt_config *mtt_cfg(const char *provider, const char *url, const char *cache_dir);
void mtt_set(dg_mt_config *c, const char *key, const char *value);
/* The client (frees c); the test exits when there is none. */
dg_mt *mtt_new(dg_mt_config *c);
unsigned long mtt_requests(const dg_mt *mt);
unsigned long mtt_hits(const dg_mt *mt);
/* A directory below MT_TEST_DIR. */
char *mtt_cache_dir(const char *name);

/* ---- sentences ---- */

extern const char *const mtt_fx_de[8]; /* tests/mt/fixtures/PROVIDER.json */
extern const char *const mtt_fx_en[8];

typedef struct {
  char **s;
  size_t n;
} mtt_texts;

/* n sentences: first the fixture ones, then numbered stand-ins with tag. */
mtt_texts mtt_sentences(size_t n, const char *tag);
/* The fixture sentences from .. from + n - 1. */
mtt_texts mtt_fixture(size_t from, size_t n);
void mtt_texts_free(mtt_texts *t);
/* What the server answers for a sentence. */
char *mtt_expect(const char *de);
bool mtt_has_key(const char *s);

/* ---- one call ---- */

/* Translates t and checks what every call must give: exactly one of text
 * and error per sentence, provider and model set, no key anywhere, the
 * failure count, a summary when something failed. */
dg_mt_result *mtt_run(dg_mt *mt, const mtt_texts *t, size_t *failed);
void mtt_results_free(dg_mt_result *r, size_t n);
/* Every sentence has the server's translation. */
void mtt_expect_all(const mtt_texts *t, const dg_mt_result *r);
/* Every sentence failed with this status and this text in its error. */
void mtt_expect_errors(const mtt_texts *t, const dg_mt_result *r, int status, const char *needle);

/* ---- a run as data ---- */

typedef struct {
  /* the client */
  const char *provider;  /* deepl, libretranslate, google, openai */
  const char *ns;        /* the server's namespace (and the sentences' tag) */
  const char *fault;     /* what the server does (tests/mt/mt_server.py) */
  const char *url_tail;  /* appended to the server's URL ("/v1/") */
  bool no_key;           /* the provider's key variable unset */
  const char *cache;     /* cache directory below MT_TEST_DIR; NULL: --no-cache */
  const char *set[3][2]; /* further settings: name, value */
  /* the sentences: n of them (the fixture ones first), or the fixture's
   * fx_n sentences from fx_from on (a recorded exchange) */
  size_t n, fx_from, fx_n;
  /* what comes back: every sentence translated (the server's answer, from
   * the cache when cached) or, with fails, every sentence failed with status
   * and error (texts separated by | are alternatives), the summary
   * counting them and naming error and summary */
  bool cached, fails;
  int status;
  const char *error, *summary;
  /* counters, 0: not checked, ZERO: must be 0.  requests, texts, keyed
   * (with a key), replayed (a recorded exchange), max_batch (at most):
   * what the server saw in ns in all; sent and hits: what this client
   * sent and found in its cache */
  long requests, sent, hits, texts, keyed, replayed, max_batch;
  const char *target, *model; /* sent in the requests; model: in the results */
} mtt_run_spec;

/* Runs the spec (at url, or at the server as ns/fault when url is NULL),
 * checks it; returns the milliseconds the call took. */
long long mtt_check_run(const mtt_run_spec *sp, const char *url);

/* ---- files ---- */

/* The file's contents ("" when unreadable). */
char *mtt_slurp(const char *path);
/* Writes n bytes with fopen mode (the test exits when it cannot). */
void mtt_spit(const char *path, const char *data, size_t n, const char *mode);

/* ---- the cases written as code (test_mt_client.c, test_mt_cache.c) ---- */

void mtt_case_config(void);
void mtt_case_parsers(void);
void mtt_case_deepl_free_url(void);
void mtt_case_deepl_limits(void);
void mtt_case_summary(void);
void mtt_case_breaker_later_calls(void);
void mtt_case_concurrency(void);
void mtt_case_dedupe(void);
void mtt_case_tls_verify(void);
void mtt_case_refused(void);
void mtt_case_proxy(void);
void mtt_case_verbose_log(void);
void mtt_case_deepl_cache_files(void);
void mtt_case_cache_corrupt(void);
void mtt_case_cache_concurrent(void);
void mtt_case_cache_compact(void);
void mtt_case_cache_compact_corrupt(void);
void mtt_case_cache_compact_race(void);

#endif
