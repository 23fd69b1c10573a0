/* Sentence translation through external machine-translation APIs (DeepL,
 * LibreTranslate, Google Cloud Translation v2, OpenAI-compatible chat
 * completions) over libcurl, with batching, concurrent requests, retries and a
 * persistent on-disk cache.  Internal API, not part of the public header.
 *
 * Lifetimes: a dg_mt_config is filled option by option and can be freed once
 * dg_mt_new() has returned (the client copies what it needs).  Results hold
 * their own `text` and `error` (released by dg_mt_result_clear); `provider`
 * is static and `model` lives as long as the dg_mt.  A dg_mt is used by one
 * thread at a time.  Nothing touches the network unless a provider was chosen
 * and dg_mt_translate() is called.
 *
 * Without DEGLOSS_WITH_CURL the same functions exist: configuration works,
 * dg_mt_new() fails with "built without MT support".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MT_H
#define DG_MT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "degloss.h"

typedef struct dg_mt dg_mt;
typedef struct dg_mt_config dg_mt_config;

dg_mt_config *dg_mt_config_new(void);
/* Set one option by its CLI/config name: "translate", "mt-url", "mt-insecure", "mt-model",
 * "mt-target", "mt-jobs", "mt-cacert", "no-cache", "verbose", "mt-key",
 * "mt-timeout", "cache-dir", "mt-cache-max" (a number of entries, or bytes
 * with a K, M or G suffix), and also "mt-retries", "mt-batch",
 * "mt-connect-timeout".  Boolean options ("no-cache", "verbose") take NULL or
 * "" (meaning true) or yes/no/true/false/on/off/1/0.  `origin` names where
 * the value came from ("command line", "FILE:LINE") for messages.  For
 * "mt-key", `file_mode` is the config file's st_mode: the key is refused when
 * the file is readable by group or others, and refused outright when
 * file_mode is 0 (keys never come from the command line).  Returns false and
 * fills `err` for an unknown key or a bad value. */
bool dg_mt_config_set(dg_mt_config *c, const char *key, const char *value,
                      const char *origin, unsigned file_mode, degloss_error *err);
void dg_mt_config_free(dg_mt_config *c);
/* A provider was chosen ("translate" set to something other than "none"). */
bool dg_mt_config_enabled(const dg_mt_config *c);

/* Create a client: checks the configuration, reads the API key from the
 * environment (DEEPL_AUTH_KEY, GOOGLE_API_KEY, LIBRETRANSLATE_API_KEY,
 * OPENAI_API_KEY; the environment wins over mt-key) and opens the cache.
 * NULL with `err` filled when the configuration cannot work. */
dg_mt *dg_mt_new(const dg_mt_config *c, degloss_error *err);
void dg_mt_free(dg_mt *mt);

typedef struct dg_mt_result {
  char *text;           /* translation, or NULL on error */
  const char *provider; /* "deepl", "libretranslate", "google", "openai" (static) */
  const char *model;    /* model name or "" (lives as long as the dg_mt) */
  bool cached;          /* answered from the on-disk cache */
  int status;           /* HTTP status of the failure, 0 if none or not HTTP */
  char *error;          /* message (never containing the key), or NULL */
} dg_mt_result;

/* Translate n sentences (batched, concurrent, cached); always fills all n
 * results (the caller's out[] is overwritten, not cleared first).  Returns the
 * number of sentences that failed. */
size_t dg_mt_translate(dg_mt *mt, const char *const *sentences, size_t n, dg_mt_result *out);
void dg_mt_result_clear(dg_mt_result *r);

/* One summary line for stderr after a run, e.g. "degloss: translation: 3 of
 * 40 sentences failed (deepl: HTTP 456: quota exceeded: Quota Exceeded)",
 * counting every dg_mt_translate() call since dg_mt_new(); NULL if nothing
 * failed.  Valid until the next call on `mt`. */
const char *dg_mt_summary(dg_mt *mt);

/* Request statistics for tests and benchmarks: HTTP requests sent (retries
 * included) and sentences answered from the cache. */
void dg_mt_stats(const dg_mt *mt, unsigned long *requests, unsigned long *cache_hits);

/* The base URL requests go to (after --mt-url and the DeepL free/pro choice). */
const char *dg_mt_base_url(const dg_mt *mt);
/* The cache file in use, or NULL when caching is off. */
const char *dg_mt_cache_path(const dg_mt *mt);

/* degloss --mt-cache-compact: compact the cache file of the configured
 * cache directory (cache-dir or the XDG default) within mt-cache-max and
 * print one line with the entry counts and sizes before and after to `out`.
 * 0 on success, -1 with `err` filled.  Works without a provider. */
int dg_mt_cache_compact_command(const dg_mt_config *c, FILE *out, degloss_error *err);

#endif
