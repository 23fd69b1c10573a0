/* The MT client core: cache look-ups, batching within each provider's
 * limits, several requests in flight on one curl multi handle (connections
 * reused), retries with exponential backoff and jitter that honour
 * Retry-After, and per-sentence error reporting.  The providers (mt_deepl.c,
 * mt_libre.c, mt_google.c, mt_openai.c) only build requests and read answers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <curl/curl.h>
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clean.h"
#include "mt_provider.h"

#ifndef DEGLOSS_VERSION
#define DEGLOSS_VERSION "0"
#endif

#define S_BACKOFF_BASE_MS 500LL
#define S_BACKOFF_MAX_MS 30000LL
#define S_RETRY_AFTER_MAX_S 120L
#define S_MSG_MAX 300
#define S_MAX_KINDS 16

struct dg_mt {
  const dg_mt_provider *prov;
  char *base;
  char *key;
  char *model;
  char *target;
  char *cacert;
  unsigned jobs, retries;
  size_t batch_texts, batch_bytes;
  long timeout_ms, connect_timeout_ms;
  bool verbose;
  dg_mt_cache *cache;
  bool cache_warned;
  CURLM *multi;
  CURL **easy; /* pool of `jobs` handles, created on demand */
  bool *easy_busy;
  unsigned long requests, cache_hits;
  uint64_t rng;
  /* set when the provider failed in a way every further request would
   * (quota, authorisation, unreachable): later sentences fail at once */
  int broken_status;
  char *broken_msg;
  /* failures over every call, for the summary */
  size_t total, failed;
  char *first_error;
  char **kinds; /* distinct error messages, at most S_MAX_KINDS */
  size_t nkinds;
  bool more_kinds;
  char *summary;
};

/* One distinct sentence of a run. */
typedef struct {
  const char *src;  /* as given */
  char *text;       /* cleaned UTF-8, what is sent */
  char *result;
  char *error;
  int status;
  bool cached;
  bool done;
} S_uniq;

/* One request: a batch of distinct sentences. */
typedef struct S_job {
  size_t *idx; /* into the run's S_uniq array */
  size_t n;
  unsigned attempt;
  long long not_before;
  long long started;
  CURL *easy;
  size_t slot;
  struct curl_slist *hdrs;
  dg_mt_req req;
  dg_buf resp;
  bool overflow;
  bool running;
  bool finished;
  char errbuf[CURL_ERROR_SIZE];
} S_job;

typedef struct {
  dg_mt *mt;
  S_uniq *u;
  size_t nu;
  S_job **jobs;
  size_t njobs, capjobs;
  size_t inflight;
} S_run;

static long long S_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint64_t S_rand(dg_mt *mt) { /* xorshift64* */
  mt->rng ^= mt->rng >> 12;
  mt->rng ^= mt->rng << 25;
  mt->rng ^= mt->rng >> 27;
  return mt->rng * 0x2545F4914F6CDD1DULL;
}

static void S_wipe_free(char *s) {
  if (!s) return;
  volatile char *p = s;
  while (*p) *p++ = 0;
  free(s);
}

static void S_log(const dg_mt *mt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_log(const dg_mt *mt, const char *fmt, ...) {
  if (!mt->verbose) return;
  dg_buf b;
  dg_buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  dg_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  /* never print the key, whatever ended up in the message */
  dg_buf out;
  dg_buf_init(&out);
  const char *key = mt->key && *mt->key ? mt->key : NULL;
  size_t kl = key ? strlen(key) : 0;
  for (const char *p = b.data; *p;) {
    if (key && strncmp(p, key, kl) == 0) {
      dg_buf_puts(&out, "[redacted]");
      p += kl;
    } else {
      dg_buf_putc(&out, *p++);
    }
  }
  fprintf(stderr, "degloss: mt: %s\n", out.data);
  dg_buf_free(&b);
  dg_buf_free(&out);
}

/* A message fit for users: no key, no control characters, bounded. */
static char *S_clean_msg(const dg_mt *mt, const char *msg) {
  dg_buf b;
  dg_buf_init(&b);
  const char *key = mt->key && *mt->key ? mt->key : NULL;
  size_t kl = key ? strlen(key) : 0;
  for (const char *p = msg; *p;) {
    if (key && strncmp(p, key, kl) == 0) {
      dg_buf_puts(&b, "[redacted]");
      p += kl;
      continue;
    }
    const char *q = p++;
    while (*p && !(key && strncmp(p, key, kl) == 0)) p++;
    dg_clean_append(&b, q, (size_t)(p - q));
  }
  if (b.len > S_MSG_MAX) { /* cut on a UTF-8 boundary */
    size_t cut = S_MSG_MAX;
    while (cut > 0 && ((unsigned char)b.data[cut] & 0xC0) == 0x80) cut--;
    b.len = cut;
    b.data[cut] = '\0';
    dg_buf_puts(&b, "...");
  }
  char *s = dg_mt_utf8_clean(b.data);
  dg_buf_free(&b);
  return s;
}

const dg_mt_provider *dg_mt_provider_for(dg_mt_kind kind) {
  switch (kind) {
  case DG_MT_DEEPL: return &dg_mt_deepl;
  case DG_MT_LIBRE: return &dg_mt_libre;
  case DG_MT_GOOGLE: return &dg_mt_google;
  case DG_MT_OPENAI: return &dg_mt_openai;
  default: return NULL;
  }
}

static pthread_once_t S_curl_once = PTHREAD_ONCE_INIT;
static CURLcode S_curl_init_rc;
static void S_curl_init(void) { S_curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT); }

static char *S_base_from(const char *url) {
  size_t n = strlen(url);
  while (n > 0 && url[n - 1] == '/') n--;
  return dg_xstrndup(url, n);
}

dg_mt *dg_mt_new(const dg_mt_config *c, degloss_error *err) {
  if (!c || c->kind == DG_MT_NONE) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "translate", 0, 0, -1, "no MT provider chosen");
    return NULL;
  }
  const dg_mt_provider *prov = dg_mt_provider_for(c->kind);
  const char *env = getenv(prov->env_key);
  const char *key = env && *env ? env : c->key;
  if (key)
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
      if (*p < ' ' || *p == 0x7f) {
        dg_error_set(err, DEGLOSS_ERR_ARG, env && *env ? prov->env_key : "mt-key", 0, 0, -1,
                     "the %s API key contains control characters", prov->name);
        return NULL;
      }
  if (prov->key_required && (!key || !*key)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "translate", 0, 0, -1,
                 "%s needs an API key: set %s in the environment (or mt-key in a config file "
                 "only you can read)",
                 prov->name, prov->env_key);
    return NULL;
  }
  if (prov->url_required && !c->url) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "translate", 0, 0, -1,
                 "%s needs --mt-url (the server's base URL, e.g. http://localhost:5000)",
                 prov->name);
    return NULL;
  }
  if (prov->model_required && !c->model) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "translate", 0, 0, -1,
                 "%s needs --mt-model (the model name the server knows)", prov->name);
    return NULL;
  }
  /* API keys never travel in cleartext: plain http only to this machine,
   * unless the user accepted it (and is reminded at every run). */
  const char *url = c->url ? c->url : prov->default_url(key ? key : "");
  if (dg_mt_url_plain_remote(url)) {
    dg_buf shown;
    dg_buf_init(&shown);
    dg_mt_url_shown(url, &shown);
    if (!c->insecure) {
      dg_error_set(err, DEGLOSS_ERR_ARG, "mt-url", 0, 0, -1,
                   "mt-url: %s is plain http to a host other than this machine: the API key "
                   "and the text would travel unencrypted; use https://, or --mt-insecure "
                   "(config: mt-insecure = yes) to allow it",
                   shown.data);
      dg_buf_free(&shown);
      return NULL;
    }
    fprintf(stderr,
            "degloss: warning: --mt-insecure: requests to %s go unencrypted, API key "
            "included\n",
            shown.data);
    dg_buf_free(&shown);
  }
  pthread_once(&S_curl_once, S_curl_init);
  if (S_curl_init_rc != CURLE_OK) {
    dg_error_set(err, DEGLOSS_ERR_NETWORK, "libcurl", 0, 0, -1, "cannot initialise libcurl: %s",
                 curl_easy_strerror(S_curl_init_rc));
    return NULL;
  }
  dg_mt *mt = dg_xcalloc(1, sizeof *mt);
  mt->prov = prov;
  mt->key = dg_xstrdup(key ? key : "");
  mt->base = S_base_from(c->url ? c->url : prov->default_url(mt->key));
  mt->model = dg_xstrdup(prov->model_required && c->model ? c->model : "");
  mt->target = dg_xstrdup(c->target ? c->target : "EN-US");
  mt->cacert = c->cacert ? dg_xstrdup(c->cacert) : NULL;
  mt->jobs = c->jobs ? c->jobs : 1;
  mt->retries = c->retries;
  mt->batch_texts = prov->max_texts;
  if (c->batch && c->batch < mt->batch_texts) mt->batch_texts = c->batch;
  mt->batch_bytes = prov->max_bytes;
  mt->timeout_ms = c->timeout_ms;
  mt->connect_timeout_ms = c->connect_timeout_ms;
  mt->verbose = c->verbose;
  mt->rng = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^ (uint64_t)(uintptr_t)mt;
  if (!mt->rng) mt->rng = 88172645463325252ULL;
  if (!c->no_cache) {
    char *dir = c->cache_dir ? dg_xstrdup(c->cache_dir) : dg_mt_cache_default_dir();
    degloss_error cerr = {0};
    mt->cache = dir ? dg_mt_cache_open(dir, &cerr) : NULL;
    if (!mt->cache && dir)
      fprintf(stderr, "degloss: translation cache off: %s: %s\n", cerr.source, cerr.text);
    free(dir);
    if (mt->cache) dg_mt_cache_limit(mt->cache, c->cache_max_entries, c->cache_max_bytes);
    if (mt->cache)
      S_log(mt, "cache %s: %zu entries, %lu corrupt lines skipped", dg_mt_cache_file(mt->cache),
            dg_mt_cache_size(mt->cache), dg_mt_cache_bad_lines(mt->cache));
  }
  mt->multi = curl_multi_init();
  if (!mt->multi) {
    dg_error_set(err, DEGLOSS_ERR_NETWORK, "libcurl", 0, 0, -1, "cannot create a curl multi handle");
    dg_mt_free(mt);
    return NULL;
  }
  curl_multi_setopt(mt->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)mt->jobs);
  curl_multi_setopt(mt->multi, CURLMOPT_MAXCONNECTS, (long)mt->jobs);
  mt->easy = dg_xcalloc(mt->jobs, sizeof *mt->easy);
  mt->easy_busy = dg_xcalloc(mt->jobs, sizeof *mt->easy_busy);
  S_log(mt, "%s at %s, target %s%s%s, %u in flight, at most %zu sentences per request",
        prov->name, mt->base, mt->target, *mt->model ? ", model " : "", mt->model, mt->jobs,
        mt->batch_texts);
  return mt;
}

void dg_mt_free(dg_mt *mt) {
  if (!mt) return;
  if (mt->easy)
    for (unsigned i = 0; i < mt->jobs; i++)
      if (mt->easy[i]) curl_easy_cleanup(mt->easy[i]);
  free(mt->easy);
  free(mt->easy_busy);
  if (mt->multi) curl_multi_cleanup(mt->multi);
  if (mt->cache) {
    degloss_error cerr = {0};
    bool compact = dg_mt_cache_needs_compaction(mt->cache);
    if (compact) S_log(mt, "compacting the cache %s", dg_mt_cache_file(mt->cache));
    if (!dg_mt_cache_close(mt->cache, &cerr) && !mt->cache_warned)
      fprintf(stderr, "degloss: translation cache: %s: %s\n", cerr.source, cerr.text);
  }
  S_wipe_free(mt->key);
  free(mt->base);
  free(mt->model);
  free(mt->target);
  free(mt->cacert);
  free(mt->summary);
  free(mt->first_error);
  free(mt->broken_msg);
  for (size_t i = 0; i < mt->nkinds; i++) free(mt->kinds[i]);
  free(mt->kinds);
  free(mt);
}

void dg_mt_result_clear(dg_mt_result *r) {
  if (!r) return;
  free(r->text);
  free(r->error);
  r->text = NULL;
  r->error = NULL;
  r->status = 0;
  r->cached = false;
}

const char *dg_mt_base_url(const dg_mt *mt) { return mt ? mt->base : NULL; }
const char *dg_mt_cache_path(const dg_mt *mt) { return mt ? dg_mt_cache_file(mt->cache) : NULL; }

void dg_mt_stats(const dg_mt *mt, unsigned long *requests, unsigned long *cache_hits) {
  if (requests) *requests = mt ? mt->requests : 0;
  if (cache_hits) *cache_hits = mt ? mt->cache_hits : 0;
}

const char *dg_mt_summary(dg_mt *mt) {
  if (!mt || !mt->failed) return NULL;
  free(mt->summary);
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_printf(&b, "degloss: translation: %zu of %zu sentence%s failed (%s: %s", mt->failed,
                mt->total, mt->total == 1 ? "" : "s", mt->prov->name,
                mt->first_error ? mt->first_error : "unknown error");
  if (mt->nkinds > 1 || mt->more_kinds)
    dg_buf_printf(&b, "; and %s%zu other error%s", mt->more_kinds ? "more than " : "",
                  mt->nkinds - 1, mt->nkinds == 2 && !mt->more_kinds ? "" : "s");
  dg_buf_putc(&b, ')');
  mt->summary = dg_buf_detach(&b);
  return mt->summary;
}

/* ---- one run ---------------------------------------------------------- */

static char *S_cache_key(const dg_mt *mt, const char *text) {
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_printf(&b, "%s\x1f%s\x1f%s\x1f%s", mt->prov->name, mt->model, mt->target, text);
  return dg_buf_detach(&b);
}

static void S_fail(S_run *r, size_t u, int status, const char *msg) {
  S_uniq *x = &r->u[u];
  if (x->done) return;
  x->done = true;
  x->status = status;
  x->error = S_clean_msg(r->mt, msg);
}

/* Fail every sentence of a job; `trip` marks the provider unusable for the
 * rest of this client's life (no more requests). */
static void S_fail_job(S_run *r, S_job *j, int status, const char *msg, bool trip) {
  for (size_t i = 0; i < j->n; i++) S_fail(r, j->idx[i], status, msg);
  j->finished = true;
  dg_mt *mt = r->mt;
  if (trip && !mt->broken_msg) {
    mt->broken_status = status;
    mt->broken_msg = S_clean_msg(mt, msg);
    S_log(mt, "giving up on %s for this run: %s", mt->prov->name, mt->broken_msg);
  }
}

static S_job *S_job_new(S_run *r, const size_t *idx, size_t n) {
  S_job *j = dg_xcalloc(1, sizeof *j);
  j->idx = dg_xmalloc(n * sizeof *j->idx);
  memcpy(j->idx, idx, n * sizeof *idx);
  j->n = n;
  dg_mt_req_init(&j->req);
  dg_buf_init(&j->resp);
  if (r->njobs == r->capjobs) {
    r->capjobs = r->capjobs ? r->capjobs * 2 : 16;
    r->jobs = dg_xrealloc(r->jobs, r->capjobs * sizeof *r->jobs);
  }
  r->jobs[r->njobs++] = j;
  return j;
}

static void S_wipe_slist(struct curl_slist *l);

static void S_job_free(S_job *j) {
  dg_mt_req_free(&j->req);
  dg_buf_free(&j->resp);
  S_wipe_slist(j->hdrs); /* may hold the key */
  curl_slist_free_all(j->hdrs);
  free(j->idx);
  free(j);
}

static size_t S_write_cb(char *ptr, size_t size, size_t nmemb, void *userdata) {
  S_job *j = userdata;
  size_t n = size * nmemb;
  if (j->resp.len + n > DG_MT_MAX_RESPONSE) {
    j->overflow = true;
    return 0; /* aborts the transfer */
  }
  dg_buf_put(&j->resp, ptr, n);
  return n;
}

static void S_wipe_slist(struct curl_slist *l) {
  for (; l; l = l->next) {
    volatile char *p = l->data;
    while (*p) *p++ = 0;
  }
}

static bool S_start(S_run *r, S_job *j) {
  dg_mt *mt = r->mt;
  size_t slot = 0;
  while (slot < mt->jobs && mt->easy_busy[slot]) slot++;
  if (slot == mt->jobs) return false;
  if (!mt->easy[slot]) mt->easy[slot] = curl_easy_init();
  CURL *e = mt->easy[slot];
  if (!e) return false;
  curl_easy_reset(e); /* keeps the connection cache */

  /* (re)build the request */
  dg_mt_req_free(&j->req);
  const char **texts = dg_xmalloc(j->n * sizeof *texts);
  for (size_t i = 0; i < j->n; i++) texts[i] = r->u[j->idx[i]].text;
  dg_mt_ctx ctx = {mt->base, mt->key, mt->model, mt->target};
  mt->prov->build(&ctx, texts, j->n, &j->req);
  free(texts);
  if (j->hdrs) {
    S_wipe_slist(j->hdrs);
    curl_slist_free_all(j->hdrs);
    j->hdrs = NULL;
  }
  j->hdrs = curl_slist_append(j->hdrs, "Content-Type: application/json");
  j->hdrs = curl_slist_append(j->hdrs, "Accept: application/json");
  j->hdrs = curl_slist_append(j->hdrs, "Expect:");
  for (size_t i = 0; i < j->req.nheaders; i++) j->hdrs = curl_slist_append(j->hdrs, j->req.headers[i]);
  dg_buf_clear(&j->resp);
  j->overflow = false;
  j->errbuf[0] = '\0';

  curl_easy_setopt(e, CURLOPT_URL, j->req.url.data);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, j->req.body.data);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)j->req.body.len);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->hdrs);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "degloss/" DEGLOSS_VERSION);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, S_write_cb);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, mt->timeout_ms);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, mt->connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (mt->cacert) curl_easy_setopt(e, CURLOPT_CAINFO, mt->cacert);
  curl_easy_setopt(e, CURLOPT_PRIVATE, j);
  if (curl_multi_add_handle(mt->multi, e) != CURLM_OK) return false;
  mt->easy_busy[slot] = true;
  j->easy = e;
  j->slot = slot;
  j->running = true;
  j->started = S_now_ms();
  r->inflight++;
  mt->requests++;
  S_log(mt, "POST %s: %zu sentence%s, %zu bytes%s", j->req.url.data, j->n, j->n == 1 ? "" : "s",
        j->req.body.len, j->attempt ? " (retry)" : "");
  return true;
}

static void S_schedule_retry(S_run *r, S_job *j, long retry_after_s, const char *why) {
  dg_mt *mt = r->mt;
  long long delay;
  if (retry_after_s > 0) {
    delay = (long long)retry_after_s * 1000 + (long long)(S_rand(mt) % 250);
  } else {
    long long d = S_BACKOFF_BASE_MS << (j->attempt < 10 ? j->attempt : 10);
    if (d > S_BACKOFF_MAX_MS) d = S_BACKOFF_MAX_MS;
    delay = d / 2 + (long long)(S_rand(mt) % (uint64_t)(d / 2 + 1)); /* equal jitter */
  }
  j->attempt++;
  j->not_before = S_now_ms() + delay;
  S_log(mt, "%s; retry %u of %u in %.1f s", why, j->attempt, mt->retries, (double)delay / 1000.0);
}

static void S_store(S_run *r, S_job *j, char **out) {
  dg_mt *mt = r->mt;
  for (size_t i = 0; i < j->n; i++) {
    S_uniq *x = &r->u[j->idx[i]];
    x->result = out[i];
    x->done = true;
    if (mt->cache) {
      char *k = S_cache_key(mt, x->text);
      dg_mt_cache_put(mt->cache, k, x->result);
      free(k);
    }
  }
}

static bool S_curl_retryable(CURLcode rc) {
  switch (rc) {
  case CURLE_COULDNT_CONNECT:
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
    return true;
  default:
    return false;
  }
}

static void S_finish(S_run *r, S_job *j, CURLcode rc) {
  dg_mt *mt = r->mt;
  long status = 0, retry_after = 0;
  curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t ra = 0;
  if (curl_easy_getinfo(j->easy, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
    retry_after = ra > 86400 ? 86400 : (long)ra;
  curl_multi_remove_handle(mt->multi, j->easy);
  mt->easy_busy[j->slot] = false;
  j->easy = NULL;
  j->running = false;
  r->inflight--;
  long long ms = S_now_ms() - j->started;
  dg_buf msg;
  dg_buf_init(&msg);

  if (rc != CURLE_OK) {
    if (j->overflow) {
      dg_buf_printf(&msg, "answer larger than %u bytes, abandoned", DG_MT_MAX_RESPONSE);
      S_log(mt, "%s after %lld ms", msg.data, ms);
    } else {
      dg_buf_printf(&msg, "%s", rc == CURLE_OPERATION_TIMEDOUT ? "request timed out"
                                                                : curl_easy_strerror(rc));
      if (j->errbuf[0]) dg_buf_printf(&msg, " (%s)", j->errbuf);
      S_log(mt, "%s after %lld ms", msg.data, ms);
      /* a hanging server is given one more chance, other transient failures more */
      unsigned limit = rc == CURLE_OPERATION_TIMEDOUT ? (mt->retries < 1 ? mt->retries : 1)
                                                      : mt->retries;
      if (S_curl_retryable(rc) && j->attempt < limit) {
        S_schedule_retry(r, j, 0, msg.data);
        dg_buf_free(&msg);
        return;
      }
    }
    /* an oversized answer may be this batch's fault; a dead or refusing server is not */
    S_fail_job(r, j, 0, msg.data, !j->overflow);
    dg_buf_free(&msg);
    return;
  }
  S_log(mt, "HTTP %ld, %zu bytes in %lld ms", status, j->resp.len, ms);
  if (status >= 200 && status < 300) {
    char **out = dg_xcalloc(j->n, sizeof *out);
    dg_mt_ctx ctx = {mt->base, mt->key, mt->model, mt->target};
    dg_mt_parse_status st = mt->prov->parse(&ctx, j->resp.data ? j->resp.data : "", j->resp.len,
                                            j->n, out, &msg);
    if (st == DG_MT_PARSE_OK) {
      S_store(r, j, out);
    } else if (st == DG_MT_PARSE_COUNT && mt->prov->split_on_count && j->n > 1) {
      S_log(mt, "%s; asking again one sentence per request", msg.data);
      for (size_t i = 0; i < j->n; i++) S_job_new(r, &j->idx[i], 1);
    } else {
      S_log(mt, "%s", msg.data);
      S_fail_job(r, j, 0, msg.data, false);
    }
    free(out);
    j->finished = true;
    if (st == DG_MT_PARSE_OK && mt->cache) { /* keep finished work even if the run dies */
      degloss_error cerr = {0};
      if (!dg_mt_cache_flush(mt->cache, &cerr) && !mt->cache_warned) {
        fprintf(stderr, "degloss: translation cache: %s: %s\n", cerr.source, cerr.text);
        mt->cache_warned = true;
      }
    }
    dg_buf_free(&msg);
    return;
  }
  const char *body = j->resp.data ? j->resp.data : "";
  char *ptext = mt->prov->error_text(body, j->resp.len);
  const char *stext = mt->prov->status_text(status);
  dg_buf_printf(&msg, "HTTP %ld", status);
  if (stext) dg_buf_printf(&msg, ": %s", stext);
  if (ptext && *ptext) dg_buf_printf(&msg, ": %s", ptext);
  free(ptext);
  if (mt->prov->retryable((int)status, body, j->resp.len) && j->attempt < mt->retries) {
    if (retry_after <= S_RETRY_AFTER_MAX_S) {
      S_schedule_retry(r, j, retry_after, msg.data);
      dg_buf_free(&msg);
      return;
    }
    dg_buf_printf(&msg, " (the server asks to wait %ld s)", retry_after);
  }
  S_log(mt, "%s", msg.data);
  /* 400, 413 and 422 concern this request and a rate limit passes; other
   * errors (quota, key, URL, overload after every retry) would hit every
   * request */
  bool trip = status != 400 && status != 413 && status != 422 && status != 429;
  S_fail_job(r, j, (int)status, msg.data, trip);
  dg_buf_free(&msg);
}

/* Distinct sentences: index of the first occurrence of each. */
static size_t S_dedupe(const char *const *s, size_t n, size_t *first, size_t *map) {
  size_t cap = 16;
  while (cap < n * 2) cap *= 2;
  size_t *tab = dg_xmalloc(cap * sizeof *tab);
  for (size_t i = 0; i < cap; i++) tab[i] = SIZE_MAX;
  size_t nu = 0;
  for (size_t i = 0; i < n; i++) {
    const char *t = s[i] ? s[i] : "";
    size_t h = (size_t)dg_hash64(t, strlen(t), 0) & (cap - 1);
    while (tab[h] != SIZE_MAX && strcmp(s[first[tab[h]]] ? s[first[tab[h]]] : "", t) != 0)
      h = (h + 1) & (cap - 1);
    if (tab[h] == SIZE_MAX) {
      tab[h] = nu;
      first[nu++] = i;
    }
    map[i] = tab[h];
  }
  free(tab);
  return nu;
}

static bool S_blank(const char *s) {
  for (; *s; s++)
    if (!isspace((unsigned char)*s)) return false;
  return true;
}

static void S_make_batches(S_run *r) {
  dg_mt *mt = r->mt;
  const dg_mt_provider *p = mt->prov;
  size_t *cur = dg_xmalloc((mt->batch_texts ? mt->batch_texts : 1) * sizeof *cur);
  size_t nc = 0, bytes = p->base_overhead;
  for (size_t u = 0; u < r->nu; u++) {
    if (r->u[u].done) continue;
    size_t tb = dg_mt_json_len(r->u[u].text) + p->text_overhead;
    if (p->base_overhead + tb > p->max_bytes) {
      dg_buf m;
      dg_buf_init(&m);
      dg_buf_printf(&m, "sentence too long for one %s request (%zu bytes; the limit is %zu)",
                    p->name, tb, p->max_bytes);
      S_fail(r, u, 0, m.data);
      dg_buf_free(&m);
      continue;
    }
    if (nc && (nc == mt->batch_texts || bytes + tb > p->max_bytes)) {
      S_job_new(r, cur, nc);
      nc = 0;
      bytes = p->base_overhead;
    }
    cur[nc++] = u;
    bytes += tb;
  }
  if (nc) S_job_new(r, cur, nc);
  free(cur);
}

static void S_loop(S_run *r) {
  dg_mt *mt = r->mt;
  for (;;) {
    long long now = S_now_ms(), next = -1;
    bool pending = false;
    /* While a request is being retried the server is in trouble (rate
     * limit, overload, timeout): send no fresh batches until it is resolved. */
    bool retrying = false;
    for (size_t i = 0; i < r->njobs && !retrying; i++)
      retrying = !r->jobs[i]->finished && r->jobs[i]->attempt > 0;
    for (size_t i = 0; i < r->njobs; i++) {
      S_job *j = r->jobs[i];
      if (j->finished || j->running) {
        pending = pending || j->running;
        continue;
      }
      pending = true;
      if (mt->broken_msg) { /* the provider is unusable: do not send more */
        S_fail_job(r, j, mt->broken_status, mt->broken_msg, false);
        continue;
      }
      if (retrying && j->attempt == 0) continue;
      if (j->not_before <= now && r->inflight < mt->jobs) {
        if (!S_start(r, j)) {
          S_fail_job(r, j, 0, "cannot start a request (libcurl)", false);
        }
      } else if (!j->running && j->not_before > now && (next < 0 || j->not_before < next)) {
        next = j->not_before; /* a retry waiting for its time; the others wait for a slot */
      }
    }
    if (!pending) break;
    int still = 0;
    curl_multi_perform(mt->multi, &still);
    CURLMsg *m;
    int left;
    bool progressed = false;
    while ((m = curl_multi_info_read(mt->multi, &left)) != NULL) {
      if (m->msg != CURLMSG_DONE) continue;
      S_job *j = NULL;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&j);
      CURLcode rc = m->data.result;
      if (j) S_finish(r, j, rc);
      progressed = true;
    }
    if (progressed) continue;
    long long wait = 200;
    if (next >= 0) {
      long long d = next - S_now_ms();
      if (d < wait) wait = d < 0 ? 0 : d;
    }
    if (r->inflight > 0) {
      curl_multi_poll(mt->multi, NULL, 0, (int)wait, NULL);
    } else if (wait > 0) {
      struct timespec ts = {(time_t)(wait / 1000), (long)(wait % 1000) * 1000000L};
      nanosleep(&ts, NULL);
    }
  }
}

/* Remember the failures of one call for the summary. */
static void S_tally(dg_mt *mt, const dg_mt_result *out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    mt->total++;
    const char *e = out[i].error;
    if (!e) continue;
    mt->failed++;
    if (!mt->first_error) mt->first_error = dg_xstrdup(e);
    bool known = false;
    for (size_t k = 0; k < mt->nkinds && !known; k++) known = strcmp(mt->kinds[k], e) == 0;
    if (known) continue;
    if (mt->nkinds == S_MAX_KINDS) {
      mt->more_kinds = true;
      continue;
    }
    mt->kinds = dg_xrealloc(mt->kinds, (mt->nkinds + 1) * sizeof *mt->kinds);
    mt->kinds[mt->nkinds++] = dg_xstrdup(e);
  }
}

size_t dg_mt_translate(dg_mt *mt, const char *const *sentences, size_t n, dg_mt_result *out) {
  if (!out) return 0;
  if (!mt) {
    for (size_t i = 0; i < n; i++) {
      memset(&out[i], 0, sizeof out[i]);
      out[i].provider = "";
      out[i].model = "";
      out[i].error = dg_xstrdup("no MT client");
    }
    return n;
  }
  if (n == 0) return 0;
  size_t *first = dg_xmalloc(n * sizeof *first);
  size_t *map = dg_xmalloc(n * sizeof *map);
  size_t nu = S_dedupe(sentences, n, first, map);
  S_run r = {0};
  r.mt = mt;
  r.nu = nu;
  r.u = dg_xcalloc(nu, sizeof *r.u);
  size_t hits = 0;
  for (size_t u = 0; u < nu; u++) {
    S_uniq *x = &r.u[u];
    x->src = sentences[first[u]] ? sentences[first[u]] : "";
    x->text = dg_mt_utf8_clean(x->src);
    if (S_blank(x->text)) { /* nothing to translate */
      x->result = dg_xstrdup("");
      x->done = true;
      continue;
    }
    if (mt->cache) {
      char *k = S_cache_key(mt, x->text);
      const char *v = dg_mt_cache_get(mt->cache, k);
      free(k);
      if (v) {
        x->result = dg_xstrdup(v);
        x->cached = true;
        x->done = true;
        hits++;
      }
    }
  }
  S_make_batches(&r);
  if (r.njobs)
    S_log(mt, "%zu sentences, %zu distinct, %zu from the cache, %zu requests planned", n, nu,
          hits, r.njobs);
  S_loop(&r);
  for (size_t i = 0; i < r.njobs; i++) S_job_free(r.jobs[i]);
  free(r.jobs);
  if (mt->cache) {
    degloss_error cerr = {0};
    if (!dg_mt_cache_flush(mt->cache, &cerr) && !mt->cache_warned) {
      fprintf(stderr, "degloss: translation cache: %s: %s\n", cerr.source, cerr.text);
      mt->cache_warned = true;
    }
  }
  size_t failed = 0;
  for (size_t i = 0; i < n; i++) {
    S_uniq *x = &r.u[map[i]];
    dg_mt_result *o = &out[i];
    o->provider = mt->prov->name;
    o->model = mt->model;
    o->cached = x->cached;
    if (x->cached) mt->cache_hits++;
    if (x->result) {
      /* what the provider (or the cache file) says goes to terminals and
       * files: no control or bidi characters, line breaks as spaces */
      o->text = dg_clean_dup(x->result);
      o->status = 0;
      o->error = NULL;
    } else {
      o->text = NULL;
      o->status = x->status;
      o->error = dg_xstrdup(x->error ? x->error : "no answer");
      failed++;
    }
  }
  S_tally(mt, out, n);
  for (size_t u = 0; u < nu; u++) {
    free(r.u[u].text);
    free(r.u[u].result);
    free(r.u[u].error);
  }
  free(r.u);
  free(first);
  free(map);
  return failed;
}
