/* MT options: one setter for the command line and the config file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mt_provider.h"

dg_mt_config *dg_mt_config_new(void) {
  dg_mt_config *c = dg_xcalloc(1, sizeof *c);
  c->kind = DG_MT_NONE;
  c->target = dg_xstrdup("EN-US");
  c->jobs = DG_MT_DEFAULT_JOBS;
  c->retries = DG_MT_DEFAULT_RETRIES;
  c->timeout_ms = DG_MT_DEFAULT_TIMEOUT_MS;
  c->connect_timeout_ms = DG_MT_DEFAULT_CONNECT_TIMEOUT_MS;
  return c;
}

void dg_mt_config_free(dg_mt_config *c) {
  if (!c) return;
  free(c->url);
  free(c->model);
  free(c->target);
  free(c->cacert);
  if (c->key) {
    /* do not leave the key lying around in freed memory */
    volatile char *p = c->key;
    while (*p) *p++ = 0;
    free(c->key);
  }
  free(c->key_origin);
  free(c->cache_dir);
  free(c);
}

bool dg_mt_config_enabled(const dg_mt_config *c) { return c && c->kind != DG_MT_NONE; }

static void S_replace(char **slot, const char *value) {
  free(*slot);
  *slot = value ? dg_xstrdup(value) : NULL;
}

static bool S_bool(const char *v, bool *out) {
  if (!v || !*v) {
    *out = true;
    return true;
  }
  static const char *const yes[] = {"1", "yes", "true", "on"};
  static const char *const no[] = {"0", "no", "false", "off"};
  for (size_t i = 0; i < DG_ARRAY_LEN(yes); i++) {
    if (strcasecmp(v, yes[i]) == 0) {
      *out = true;
      return true;
    }
    if (strcasecmp(v, no[i]) == 0) {
      *out = false;
      return true;
    }
  }
  return false;
}

static bool S_uint(const char *v, unsigned long lo, unsigned long hi, unsigned long *out) {
  if (!v || !*v || !isdigit((unsigned char)*v)) return false;
  errno = 0;
  char *end;
  unsigned long x = strtoul(v, &end, 10);
  if (errno || *end || x < lo || x > hi) return false;
  *out = x;
  return true;
}

/* Seconds, fractions allowed ("1.5"), within (0, 3600]. */
static bool S_seconds(const char *v, long *ms) {
  if (!v || !*v) return false;
  errno = 0;
  char *end;
  double s = strtod(v, &end);
  if (errno || *end || !(s > 0) || s > 3600 || isnan(s)) return false;
  *ms = (long)(s * 1000.0 + 0.5);
  if (*ms < 1) *ms = 1;
  return true;
}

static bool S_url_ok(const char *v) {
  if (strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0) return false;
  for (const unsigned char *p = (const unsigned char *)v; *p; p++)
    if (*p <= ' ' || *p == 0x7f) return false;
  const char *host = strstr(v, "://") + 3;
  return *host && *host != '/';
}

/* Where an http(s) URL points: its host (without user info, port, path),
 * written into host[] (lower case, IPv6 literals without brackets). */
static bool S_url_host(const char *url, char *host, size_t cap) {
  const char *p = strstr(url, "://");
  if (!p) return false;
  p += 3;
  size_t n = strcspn(p, "/?#");
  const char *at = memchr(p, '@', n);
  if (at) {
    n -= (size_t)(at + 1 - p);
    p = at + 1;
  }
  const char *end;
  if (*p == '[') {
    end = memchr(p, ']', n);
    if (!end) return false;
    p++;
  } else {
    end = memchr(p, ':', n);
    if (!end) end = p + n;
  }
  size_t hl = (size_t)(end - p);
  if (hl == 0 || hl >= cap) return false;
  for (size_t i = 0; i < hl; i++) host[i] = (char)tolower((unsigned char)p[i]);
  host[hl] = '\0';
  return true;
}

/* The loopback interface: localhost, 127.0.0.0/8 and ::1. */
static bool S_loopback(const char *host) {
  if (strcmp(host, "localhost") == 0 || strcmp(host, "localhost.") == 0) return true;
  if (strcmp(host, "::1") == 0 || strcmp(host, "0:0:0:0:0:0:0:1") == 0) return true;
  unsigned a, b, c, d;
  char tail;
  return sscanf(host, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) == 4 && a == 127 && b < 256 &&
         c < 256 && d < 256;
}

bool dg_mt_url_plain_remote(const char *url) {
  if (strncasecmp(url, "http://", 7) != 0) return false;
  char host[256];
  return !S_url_host(url, host, sizeof host) || !S_loopback(host);
}

void dg_mt_url_shown(const char *url, dg_buf *out) {
  const char *p = strstr(url, "://");
  if (!p) {
    dg_buf_puts(out, "(not a URL)");
    return;
  }
  p += 3;
  dg_buf_put(out, url, (size_t)(p - url));
  size_t n = strcspn(p, "/?#");
  const char *at = memchr(p, '@', n);
  if (at) p = at + 1; /* user:password@ is never shown */
  dg_buf_put(out, p, strcspn(p, "?#")); /* nor a query, which may hold a key */
}

/* What a message shows of a value: the value itself when the user typed it
 * (command line, environment); from a config file only that it is wrong, so
 * a secret on the wrong line is never printed. */
#define S_V (file_mode ? "(not shown)" : v)

#define S_BAD(...)                                                                       \
  do {                                                                                   \
    dg_error_set(err, DEGLOSS_ERR_ARG, origin, 0, 0, -1, __VA_ARGS__);                   \
    return false;                                                                        \
  } while (0)

bool dg_mt_config_set(dg_mt_config *c, const char *key, const char *value,
                      const char *origin, unsigned file_mode, degloss_error *err) {
  if (!origin) origin = "configuration";
  if (!c || !key) S_BAD("no MT option given");
  const char *v = value ? value : "";
  if (strcmp(key, "translate") == 0) {
    static const struct {
      const char *name;
      dg_mt_kind kind;
    } names[] = {{"deepl", DG_MT_DEEPL},   {"libretranslate", DG_MT_LIBRE},
                 {"libre", DG_MT_LIBRE},   {"google", DG_MT_GOOGLE},
                 {"openai", DG_MT_OPENAI}, {"none", DG_MT_NONE},
                 {"off", DG_MT_NONE}};
    for (size_t i = 0; i < DG_ARRAY_LEN(names); i++)
      if (strcasecmp(v, names[i].name) == 0) {
        c->kind = names[i].kind;
        return true;
      }
    S_BAD("translate: unknown provider '%.60s' (use deepl, libretranslate, google, openai or none)", S_V);
  }
  if (strcmp(key, "mt-url") == 0) {
    if (!S_url_ok(v)) S_BAD("mt-url: '%.80s' is not an http:// or https:// URL", S_V);
    S_replace(&c->url, v);
    return true;
  }
  if (strcmp(key, "mt-model") == 0) {
    if (!*v || strlen(v) > 200) S_BAD("mt-model: give a model name (at most 200 bytes)");
    S_replace(&c->model, v);
    return true;
  }
  if (strcmp(key, "mt-target") == 0) {
    if (strcasecmp(v, "EN-US") == 0 || strcasecmp(v, "en") == 0)
      S_replace(&c->target, "EN-US");
    else if (strcasecmp(v, "EN-GB") == 0)
      S_replace(&c->target, "EN-GB");
    else
      S_BAD("mt-target: '%.40s' is not EN-US or EN-GB", S_V);
    return true;
  }
  if (strcmp(key, "mt-jobs") == 0) {
    unsigned long x;
    if (!S_uint(v, 1, 64, &x)) S_BAD("mt-jobs: '%.40s' is not a number from 1 to 64", S_V);
    c->jobs = (unsigned)x;
    return true;
  }
  if (strcmp(key, "mt-retries") == 0) {
    unsigned long x;
    if (!S_uint(v, 0, 10, &x)) S_BAD("mt-retries: '%.40s' is not a number from 0 to 10", S_V);
    c->retries = (unsigned)x;
    return true;
  }
  if (strcmp(key, "mt-batch") == 0) {
    unsigned long x;
    if (!S_uint(v, 1, 1000, &x)) S_BAD("mt-batch: '%.40s' is not a number from 1 to 1000", S_V);
    c->batch = x;
    return true;
  }
  if (strcmp(key, "mt-timeout") == 0) {
    if (!S_seconds(v, &c->timeout_ms)) S_BAD("mt-timeout: '%.40s' is not a number of seconds (0 < s <= 3600)", S_V);
    return true;
  }
  if (strcmp(key, "mt-connect-timeout") == 0) {
    if (!S_seconds(v, &c->connect_timeout_ms))
      S_BAD("mt-connect-timeout: '%.40s' is not a number of seconds (0 < s <= 3600)", S_V);
    return true;
  }
  if (strcmp(key, "mt-cacert") == 0) {
    struct stat st;
    if (!*v) S_BAD("mt-cacert: give a CA certificate file");
    errno = 0;
    if (stat(v, &st) != 0 || !S_ISREG(st.st_mode))
      S_BAD("mt-cacert: cannot read '%.120s': %s", S_V, errno ? strerror(errno) : "not a file");
    S_replace(&c->cacert, v);
    return true;
  }
  if (strcmp(key, "cache-dir") == 0) {
    if (!*v) S_BAD("cache-dir: give a directory");
    S_replace(&c->cache_dir, v);
    return true;
  }
  if (strcmp(key, "mt-cache-max") == 0) {
    /* a number of entries, or of bytes with a K, M or G suffix */
    char *end;
    errno = 0;
    unsigned long long x = isdigit((unsigned char)*v) ? strtoull(v, &end, 10) : 0;
    size_t mult = 0;
    if (x && !errno) {
      if (!*end) mult = 1;
      else if (strcasecmp(end, "K") == 0 || strcasecmp(end, "KiB") == 0) mult = (size_t)1 << 10;
      else if (strcasecmp(end, "M") == 0 || strcasecmp(end, "MiB") == 0) mult = (size_t)1 << 20;
      else if (strcasecmp(end, "G") == 0 || strcasecmp(end, "GiB") == 0) mult = (size_t)1 << 30;
    }
    if (mult == 1 && x <= 100000000ULL) {
      c->cache_max_entries = (size_t)x;
      return true;
    }
    if (mult > 1 && x <= DG_MT_CACHE_MAX_BYTES / mult) {
      c->cache_max_bytes = (size_t)x * mult;
      return true;
    }
    S_BAD("mt-cache-max: '%.40s' is not a number of entries (1 to 100000000) or of bytes "
          "(such as 64M, at most 256M)", S_V);
  }
  if (strcmp(key, "mt-insecure") == 0) {
    if (!S_bool(value, &c->insecure)) S_BAD("mt-insecure: '%.40s' is not yes or no", S_V);
    return true;
  }
  if (strcmp(key, "no-cache") == 0) {
    if (!S_bool(value, &c->no_cache)) S_BAD("no-cache: '%.40s' is not yes or no", S_V);
    return true;
  }
  if (strcmp(key, "verbose") == 0) {
    if (!S_bool(value, &c->verbose)) S_BAD("verbose: '%.40s' is not yes or no", S_V);
    return true;
  }
  if (strcmp(key, "mt-key") == 0) {
    /* the value is never quoted in a message */
    if (file_mode == 0)
      S_BAD("mt-key: API keys are not taken from the command line; set the provider's "
            "environment variable or mt-key in a config file only you can read");
    if (file_mode & (S_IRGRP | S_IROTH | S_IWGRP | S_IWOTH))
      S_BAD("mt-key: refused because the config file is readable or writable by group or "
            "others (chmod 600 it)");
    if (!*v) S_BAD("mt-key: empty key");
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
      if (*p < ' ' || *p == 0x7f) S_BAD("mt-key: the key contains control characters");
    if (c->key) {
      volatile char *p = c->key;
      while (*p) *p++ = 0;
    }
    S_replace(&c->key, v);
    S_replace(&c->key_origin, origin);
    return true;
  }
  S_BAD("unknown MT option '%.60s'", key);
}

const char *dg_mt_kind_name(dg_mt_kind kind) {
  switch (kind) {
  case DG_MT_DEEPL: return "deepl";
  case DG_MT_LIBRE: return "libretranslate";
  case DG_MT_GOOGLE: return "google";
  case DG_MT_OPENAI: return "openai";
  default: return "none";
  }
}
