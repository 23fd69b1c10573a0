/* Helpers shared by the fuzz harnesses (see fuzz.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "mapfile.h"
#include "util.h"

static void S_discard(void *ctx, const degloss_error *w) {
  (void)ctx;
  (void)w;
}

void dg_fuzz_quiet(void) {
  static dg_warn_scope scope = {.fn = S_discard, .notes = true};
  static bool pushed;
  if (!pushed) dg_warn_push(&scope);
  pushed = true;
}

static char S_dir[4096];

static void S_rmtree(const char *path) {
  DIR *d = opendir(path);
  if (d) {
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char *sub = dg_path_join(path, e->d_name);
      S_rmtree(sub);
      free(sub);
    }
    closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

static void S_cleanup(void) {
  if (S_dir[0]) S_rmtree(S_dir);
}

const char *dg_fuzz_dir(void) {
  if (!S_dir[0]) {
    const char *tmp = getenv("TMPDIR");
    snprintf(S_dir, sizeof S_dir, "%s/degloss-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(S_dir)) {
      perror(S_dir);
      abort();
    }
    atexit(S_cleanup);
  }
  return S_dir;
}

const char *dg_fuzz_write(const char *name, const void *data, size_t size) {
  static char *path;
  free(path);
  path = dg_path_join(dg_fuzz_dir(), name);
  FILE *f = fopen(path, "wb");
  if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
    perror(path);
    abort();
  }
  return path;
}

/* The private copy: the original bytes, the copy's descriptor and the
 * offsets patched in this run. */
static unsigned char *S_orig, *S_cur;
static size_t S_size;
static int S_fd = -1;
static char *S_copy;
/* up to 64 patched bytes and the 16 checksum bytes of the reseal */
enum { S_MAX_PATCH = 64, S_SUM_BYTES = 16 };
static uint64_t S_patched[S_MAX_PATCH + S_SUM_BYTES];
static size_t S_npatched;

const char *dg_fuzz_patch(const char *src, const char *name, const uint8_t *data, size_t size) {
  if (!S_orig) {
    degloss_error err = {0};
    S_orig = (unsigned char *)dg_read_file(src, &S_size, &err);
    if (!S_orig || S_size == 0) {
      fprintf(stderr, "fuzz: %s: %s\n", src, S_orig ? "empty" : err.text);
      abort();
    }
    S_copy = dg_xstrdup(dg_fuzz_write(name, S_orig, S_size));
    S_fd = open(S_copy, O_WRONLY);
    if (S_fd < 0) abort();
    S_cur = dg_xmalloc(S_size);
    memcpy(S_cur, S_orig, S_size);
  }
  for (size_t i = 0; i + 5 <= size && S_npatched < S_MAX_PATCH; i += 5) {
    uint32_t off = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 | (uint32_t)data[i + 2] << 16 |
                   (uint32_t)data[i + 3] << 24;
    uint64_t at = (off & 0x80000000u) ? (off & 0xffu) % S_size : off % S_size;
    S_cur[at] = data[i + 4];
    S_patched[S_npatched++] = at;
  }
  /* both checksums again (mapfile.c), so the damage reaches the loaders;
   * an input that is no whole number of records keeps them stale */
  if (size % 5 == 0 && dg_mapfile_reseal(S_cur, S_size))
    for (uint64_t k = 32; k < 40 || (k >= 56 && k < 64); k = k == 39 ? 56 : k + 1)
      S_patched[S_npatched++] = k;
  for (size_t i = 0; i < S_npatched; i++)
    if (pwrite(S_fd, &S_cur[S_patched[i]], 1, (off_t)S_patched[i]) != 1) abort();
  return S_copy;
}

void dg_fuzz_unpatch(void) {
  for (size_t i = 0; i < S_npatched; i++) {
    S_cur[S_patched[i]] = S_orig[S_patched[i]];
    if (pwrite(S_fd, &S_orig[S_patched[i]], 1, (off_t)S_patched[i]) != 1) abort();
  }
  S_npatched = 0;
}
