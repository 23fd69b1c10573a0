/* Fuzz harness: the MT cache file loader (src/mt/mt_cache.c) on a cache
 * file of the fuzzer's bytes, then lookups, a put and a compaction.  Byte 0:
 * bit 0 rewrites the checksum of every "v1 " line so that the fuzzer gets
 * past it to the escapes and the table; bit 1 sets small bounds; bit 2
 * forces the compaction.  The rest is the file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mt_provider.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned sel = data[0];
  char *file = dg_xmalloc(size);
  size_t len = size - 1;
  memcpy(file, data + 1, len);
  for (size_t at = 0; (sel & 1) && at < len;) {
    char *nl = memchr(file + at, '\n', len - at);
    size_t ll = nl ? (size_t)(nl - (file + at)) : len - at;
    if (ll >= 20 && !memcmp(file + at, "v1 ", 3) && file[at + 19] == ' ') {
      char hex[17];
      snprintf(hex, sizeof hex, "%016" PRIx64, dg_hash64(file + at + 20, ll - 20, 0));
      memcpy(file + at + 3, hex, 16);
    }
    at += ll + 1;
  }
  char *dir = dg_path_join(dg_fuzz_dir(), "cache");
  char *path = dg_path_join(dir, "mt-cache-v1.txt");
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  if (!c) abort();
  dg_mt_cache_free(c); /* the directory exists now */
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(file, 1, len, f) != len || fclose(f) != 0) abort();
  c = dg_mt_cache_open(dir, &err);
  if (!c) abort();
  if (sel & 2) dg_mt_cache_limit(c, 1 + (sel >> 4), 64 + (sel >> 3) * 16);
  /* the raw key field of each line, and a key of our own */
  for (size_t at = 0; at < len;) {
    char *nl = memchr(file + at, '\n', len - at);
    size_t ll = nl ? (size_t)(nl - (file + at)) : len - at;
    char *tab = ll > 20 ? memchr(file + at + 20, '\t', ll - 20) : NULL;
    if (tab) {
      char *key = dg_xstrndup(file + at + 20, (size_t)(tab - (file + at + 20)));
      const char *v = dg_mt_cache_get(c, key);
      if (v) (void)strlen(v);
      free(key);
    }
    at += ll + 1;
  }
  dg_mt_cache_put(c, "Guten Tag.", "Good day.");
  dg_mt_cache_stats stats;
  if (dg_mt_cache_compact(c, (sel & 4) != 0, &stats, &err) &&
      stats.entries_after > stats.entries_before + 1)
    abort();
  dg_mt_cache_free(c);
  free(path);
  free(dir);
  free(file);
  return 0;
}
