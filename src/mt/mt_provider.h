/* Internals shared by the MT client core (mt.c), its configuration
 * (mt_config.c), the providers (mt_deepl.c, mt_libre.c, mt_google.c,
 * mt_openai.c) and the cache (mt_cache.c).  Not for use outside src/mt*.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MT_PROVIDER_H
#define DG_MT_PROVIDER_H

#include <stdbool.h>
#include <stddef.h>

#include "mt.h"
#include "util.h"

typedef enum {
  DG_MT_NONE = 0,
  DG_MT_DEEPL,
  DG_MT_LIBRE,
  DG_MT_GOOGLE,
  DG_MT_OPENAI
} dg_mt_kind;

#define DG_MT_DEFAULT_JOBS 4
#define DG_MT_DEFAULT_RETRIES 4
#define DG_MT_DEFAULT_TIMEOUT_MS 60000L
#define DG_MT_DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define DG_MT_MAX_RESPONSE (4u << 20) /* bytes of one answer */
#define DG_MT_CACHE_DEFAULT_ENTRIES ((size_t)100000)
#define DG_MT_CACHE_DEFAULT_BYTES ((size_t)64 << 20)
#define DG_MT_CACHE_MAX_BYTES ((size_t)256 << 20) /* the file is not read past 512 MiB */

struct dg_mt_config {
  dg_mt_kind kind;
  char *url;       /* base URL override or NULL */
  char *model;     /* NULL: provider default */
  char *target;    /* "EN-US" or "EN-GB" */
  char *cacert;    /* CA bundle for a private CA, or NULL */
  char *key;       /* from the config file (mt-key), or NULL */
  char *key_origin;
  char *cache_dir; /* NULL: XDG cache directory */
  size_t cache_max_entries; /* mt-cache-max N; 0: the default */
  size_t cache_max_bytes;   /* mt-cache-max NK/NM/NG; 0: the default */
  unsigned jobs;
  unsigned retries;
  size_t batch;    /* 0: the provider's limit */
  long timeout_ms;
  long connect_timeout_ms;
  bool no_cache;
  bool verbose;
  bool insecure;   /* mt-insecure: plain http to a host other than loopback */
};

/* What a provider builder sees. */
typedef struct dg_mt_ctx {
  const char *base;   /* base URL without trailing '/' */
  const char *key;    /* "" when none */
  const char *model;  /* "" when none */
  const char *target; /* "EN-US" or "EN-GB" */
} dg_mt_ctx;

/* One HTTP request: URL, extra header lines and a JSON body. */
#define DG_MT_MAX_HEADERS 4
typedef struct dg_mt_req {
  dg_buf url;
  char *headers[DG_MT_MAX_HEADERS]; /* "Name: value" */
  size_t nheaders;
  dg_buf body;
} dg_mt_req;

void dg_mt_req_init(dg_mt_req *r);
void dg_mt_req_free(dg_mt_req *r);
void dg_mt_req_header(dg_mt_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef enum {
  DG_MT_PARSE_OK,
  DG_MT_PARSE_BAD,   /* not the documented shape */
  DG_MT_PARSE_COUNT  /* well-formed, but not one translation per text */
} dg_mt_parse_status;

typedef struct dg_mt_provider {
  const char *name;      /* "deepl", ... */
  const char *env_key;   /* environment variable holding the key */
  bool key_required;
  bool url_required;
  bool model_required;
  bool split_on_count;   /* a count mismatch falls back to one text per request */
  size_t max_texts;      /* texts per request */
  size_t max_bytes;      /* request body bytes */
  size_t base_overhead;  /* body bytes besides the texts */
  size_t text_overhead;  /* extra body bytes per text besides its JSON string */
  /* The base URL when none is configured (NULL: none). */
  const char *(*default_url)(const char *key);
  void (*build)(const dg_mt_ctx *ctx, const char *const *texts, size_t n, dg_mt_req *req);
  /* Parse a 2xx answer into out[0..n) (malloc'd strings); on failure
   * nothing is left in out[] and `msg` says what was wrong. */
  dg_mt_parse_status (*parse)(const dg_mt_ctx *ctx, const char *body, size_t len, size_t n,
                              char **out, dg_buf *msg);
  /* The provider's error message in an error answer, or NULL (malloc'd). */
  char *(*error_text)(const char *body, size_t len);
  /* Whether an HTTP error status (given its body) is worth retrying. */
  bool (*retryable)(int status, const char *body, size_t len);
  /* A short description of a provider-specific status, or NULL. */
  const char *(*status_text)(int status);
} dg_mt_provider;

extern const dg_mt_provider dg_mt_deepl;
extern const dg_mt_provider dg_mt_libre;
extern const dg_mt_provider dg_mt_google;
extern const dg_mt_provider dg_mt_openai;

const dg_mt_provider *dg_mt_provider_for(dg_mt_kind kind);

/* An http:// URL whose host is not the loopback interface (localhost,
 * 127.0.0.0/8, ::1): requests to it, API key included, cross the network
 * unencrypted. */
bool dg_mt_url_plain_remote(const char *url);
/* The URL for a message: scheme, host, port and path, without user info or
 * query (either may hold a secret). */
void dg_mt_url_shown(const char *url, dg_buf *out);
const char *dg_mt_kind_name(dg_mt_kind kind);

/* Helpers for providers (mt_json.c). */
/* Bytes the string takes as a JSON string literal (quotes included). */
size_t dg_mt_json_len(const char *s);
/* A copy of s with invalid UTF-8 replaced by U+FFFD (jansson refuses it). */
char *dg_mt_utf8_clean(const char *s);
/* Common retry rule: 429, 500, 502, 503, 504, 529. */
bool dg_mt_status_retryable(int status);
/* The string at obj[key] / obj[key][sub] of a JSON error body, or NULL. */
char *dg_mt_json_error_field(const char *body, size_t len, const char *key, const char *sub);

/* The persistent cache (mt_cache.c): an append-only file of checksummed
 * lines, loaded into memory once. */
typedef struct dg_mt_cache dg_mt_cache;
/* Opens (creating the directory) `dir`/mt-cache-v1.txt; NULL with `err`
 * when the directory cannot be made. */
dg_mt_cache *dg_mt_cache_open(const char *dir, degloss_error *err);
void dg_mt_cache_free(dg_mt_cache *c);
const char *dg_mt_cache_file(const dg_mt_cache *c);
/* NULL when absent; the string belongs to the cache. */
const char *dg_mt_cache_get(dg_mt_cache *c, const char *key);
/* Bound the entries and bytes compaction keeps (0 leaves a bound as it is;
 * the defaults are DG_MT_CACHE_DEFAULT_ENTRIES and _BYTES). */
void dg_mt_cache_limit(dg_mt_cache *c, size_t max_entries, size_t max_bytes);
/* Remember key -> value (written by the next dg_mt_cache_flush). */
void dg_mt_cache_put(dg_mt_cache *c, const char *key, const char *value);
/* Append what was put since the last flush; false with `err` on failure. */
bool dg_mt_cache_flush(dg_mt_cache *c, degloss_error *err);
/* What a compaction saw and did. */
typedef struct dg_mt_cache_stats {
  size_t lines_before, entries_before, bytes_before, corrupt;
  size_t entries_after, bytes_after, evicted;
} dg_mt_cache_stats;
/* Rewrite the file atomically with the live entries, least recently used
 * first, within the bounds (see mt_cache.c).  Without `force` (automatic)
 * the file is left alone when nothing would be dropped, and evictions go
 * down to 15/16 of the bounds.  `stats` may be NULL. */
bool dg_mt_cache_compact(dg_mt_cache *c, bool force, dg_mt_cache_stats *stats,
                         degloss_error *err);
/* The file is over a bound or more than twice the live data (and over
 * 64 KiB), and this object has not compacted it yet. */
bool dg_mt_cache_needs_compaction(const dg_mt_cache *c);
/* Flush, compact when dg_mt_cache_needs_compaction(), and free. */
bool dg_mt_cache_close(dg_mt_cache *c, degloss_error *err);
/* Lines skipped as corrupt when loading. */
unsigned long dg_mt_cache_bad_lines(const dg_mt_cache *c);
size_t dg_mt_cache_size(const dg_mt_cache *c);
/* The default cache directory ($XDG_CACHE_HOME/degloss or
 * $HOME/.cache/degloss), malloc'd, or NULL when neither is set. */
char *dg_mt_cache_default_dir(void);

#endif
