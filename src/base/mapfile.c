/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "mapfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static const char S_magic[8] = {'D', 'G', 'L', 'S', 'D', 'A', 'T', 'A'};

static uint64_t S_get64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}

static void S_put64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

bool dg_mapfile_open(dg_mapfile *mf, const char *path, const char *kind, uint32_t version,
                     bool verify_checksum, degloss_error *err) {
  memset(mf, 0, sizeof *mf);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "cannot open data file: %s",
                 strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "cannot stat: %s", strerror(errno));
    close(fd);
    return false;
  }
  if ((uint64_t)st.st_size < DG_MAPFILE_HEADER) {
    dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0,
                 "truncated data file (%lld bytes, header needs %d)", (long long)st.st_size,
                 DG_MAPFILE_HEADER);
    close(fd);
    return false;
  }
  void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (base == MAP_FAILED) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "cannot map: %s", strerror(errno));
    return false;
  }
  const unsigned char *h = base;
  char want_kind[8] = {0};
  memcpy(want_kind, kind, strnlen(kind, 8));
  const char *problem = NULL;
  uint32_t ver = (uint32_t)h[16] | (uint32_t)h[17] << 8 | (uint32_t)h[18] << 16 |
                 (uint32_t)h[19] << 24;
  uint64_t size = S_get64(h + 24);
  if (memcmp(h, S_magic, 8) != 0)
    problem = "not a degloss data file (bad magic)";
  else if (memcmp(h + 8, want_kind, 8) != 0)
    problem = "data file of another kind";
  else if (ver != version)
    problem = "data file of another format version; rebuild it";
  else if (size != (uint64_t)st.st_size - DG_MAPFILE_HEADER)
    problem = "data file size does not match its header (truncated or padded)";
  if (problem) {
    dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0, "%s", problem);
    munmap(base, (size_t)st.st_size);
    return false;
  }
  mf->base = base;
  mf->map_len = (size_t)st.st_size;
  mf->payload = h + DG_MAPFILE_HEADER;
  mf->size = size;
  mf->version = ver;
  if (verify_checksum && !dg_mapfile_verify(mf, path, err)) {
    dg_mapfile_close(mf);
    return false;
  }
  return true;
}

bool dg_mapfile_verify(const dg_mapfile *mf, const char *path, degloss_error *err) {
  const unsigned char *h = mf->base;
  if (dg_hash64(mf->payload, mf->size, 0) == S_get64(h + 32)) return true;
  dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0,
               "data file checksum mismatch (corrupted); rebuild it");
  return false;
}

void dg_mapfile_close(dg_mapfile *mf) {
  if (mf->base) munmap(mf->base, mf->map_len);
  memset(mf, 0, sizeof *mf);
}

bool dg_mapfile_write(const char *path, const char *kind, uint32_t version,
                      const void *payload, uint64_t size, degloss_error *err) {
  unsigned char h[DG_MAPFILE_HEADER] = {0};
  memcpy(h, S_magic, 8);
  memcpy(h + 8, kind, strnlen(kind, 8));
  for (int i = 0; i < 4; i++) h[16 + i] = (unsigned char)(version >> (8 * i));
  S_put64(h + 24, size);
  S_put64(h + 32, dg_hash64(payload, size, 0));
  char *tmp = dg_path_join("", path);
  size_t tl = strlen(tmp);
  tmp = dg_xrealloc(tmp, tl + 8);
  memcpy(tmp + tl, ".tmpXXX", 8);
  FILE *f = fopen(tmp, "wb");
  bool ok = f && fwrite(h, 1, sizeof h, f) == sizeof h &&
            (size == 0 || fwrite(payload, 1, size, f) == size);
  if (f && fclose(f) != 0) ok = false;
  if (ok && rename(tmp, path) != 0) ok = false;
  if (!ok) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "cannot write data file: %s",
                 strerror(errno));
    remove(tmp);
  }
  free(tmp);
  return ok;
}
