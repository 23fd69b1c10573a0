/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "mapfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static const char S_magic[8] = {'D', 'G', 'L', 'S', 'D', 'A', 'T', 'A'};

/* The checksum's kind, in the header's reserved word: 1 = dg_sum64 and an
 * index checksum (files written before it hold 0: FNV-1a, no index sum). */
#define S_SUM_FAST 1u

/* Verification reads the whole file; big files are checked in pieces, each
 * piece's pages dropped from this process's mapping once read, so checking
 * does not make the whole file resident (the pages stay in the page cache,
 * and those glossing needs come back on first use). */
#define S_PIECE ((size_t)4 << 20)

static uint32_t S_get32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t S_get64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}

static void S_put64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* ---- checked once, remembered ----
 * The index checksum reads some 19 MB of the two data files at every start
 * (a quarter of a one-line run), and the morphology checks every index of
 * its tables (5 ms more).  A file that passed every check (the caller's own
 * too: dg_mapfile_remember) is remembered by a stamp in the user's cache
 * directory ($XDG_CACHE_HOME or ~/.cache, then degloss/checked/, one file a
 * data file path): one line with the file's device, inode, size,
 * modification and change times and its header's checksums.  Writing a
 * file, even in place and with its modification time set back, changes its
 * change time (which no program can set), and a new or renamed file has
 * another inode: a file that differs in any way from the one checked is
 * checked again.  A file changed in the last few seconds gets no stamp (a
 * file system may keep its times to the second or coarser: a change in the
 * same tick would leave them as they were).  Without a cache directory
 * every open checks. */
#define S_STAMP_AGE 3 /* seconds */

static char *S_stamp_dir(void) {
  const char *x = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  char *cache = x && x[0] == '/' ? dg_xstrdup(x) : home && home[0] == '/' ? dg_path_join(home, ".cache") : NULL;
  if (!cache) return NULL;
  char *deg = dg_path_join(cache, "degloss");
  char *dir = dg_path_join(deg, "checked");
  free(cache);
  free(deg);
  return dir;
}

/* A stamp per path: a file replaced there replaces its stamp. */
static char *S_stamp_path(const char *file) {
  char *dir = S_stamp_dir();
  if (!dir) return NULL;
  char name[32];
  snprintf(name, sizeof name, "%016llx", (unsigned long long)dg_hash64(file, strlen(file), 0));
  char *p = dg_path_join(dir, name);
  free(dir);
  return p;
}

static void S_stamp_line(char *line, size_t n, const struct stat *st, const unsigned char *h) {
  snprintf(line, n,
           "degloss checked: %.8s %u device %llx inode %llx size %lld mtime %lld.%09ld ctime %lld.%09ld "
           "sums %016llx %016llx\n",
           (const char *)h + 8, (unsigned)S_get32(h + 16), (unsigned long long)st->st_dev,
           (unsigned long long)st->st_ino, (long long)st->st_size, (long long)st->st_mtim.tv_sec,
           st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec,
           (unsigned long long)S_get64(h + 32), (unsigned long long)S_get64(h + 56));
}

/* A stamp in use is touched once a day, so that pruning (S_stamps_prune),
 * which removes the oldest first, keeps it. */
#define S_STAMP_REFRESH (24 * 60 * 60) /* seconds */

static bool S_stamp_holds(const char *path, const char *line) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  char buf[256];
  ssize_t n = read(fd, buf, sizeof buf);
  size_t len = strlen(line);
  bool holds = n == (ssize_t)len && memcmp(buf, line, len) == 0;
  struct stat st;
  struct timespec now;
  if (holds && fstat(fd, &st) == 0 && clock_gettime(CLOCK_REALTIME, &now) == 0 &&
      now.tv_sec - st.st_mtim.tv_sec > S_STAMP_REFRESH)
    (void)futimens(fd, NULL); /* (best effort: now, as its modification time) */
  close(fd);
  return holds;
}

/* The stamps of data files under temporary paths (tests, trials) would
 * pile up: past S_STAMPS_MAX the oldest are removed (by modification time:
 * a stamp in use is touched once a day, S_stamp_holds) until S_STAMPS_KEEP
 * are left, so that a test run's many temporary data files do not cost
 * the data files in use their stamps (a stamp lost means one check more). */
#define S_STAMPS_MAX 64
#define S_STAMPS_KEEP 48

typedef struct S_stamp_age {
  char name[32];
  struct timespec mtime;
} S_stamp_age;

static int S_older(const void *a, const void *b) {
  const struct timespec *x = &((const S_stamp_age *)a)->mtime, *y = &((const S_stamp_age *)b)->mtime;
  if (x->tv_sec != y->tv_sec) return x->tv_sec < y->tv_sec ? -1 : 1;
  return x->tv_nsec < y->tv_nsec ? -1 : x->tv_nsec > y->tv_nsec;
}

static void S_stamps_prune(const char *dir, const char *keep) {
  DIR *dp = opendir(dir);
  if (!dp) return;
  size_t n = 0, cap = 0;
  S_stamp_age *v = NULL;
  struct dirent *de;
  while ((de = readdir(dp)) != NULL) {
    struct stat st;
    size_t len = strlen(de->d_name);
    /* (the stamp being written and names that are no stamp's are never removed) */
    if (de->d_name[0] == '.' || strcmp(de->d_name, keep) == 0 || len >= sizeof v->name ||
        fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
      continue;
    if (n == cap) v = dg_xrealloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);
    memcpy(v[n].name, de->d_name, len + 1);
    v[n++].mtime = st.st_mtim;
  }
  if (n + 1 > S_STAMPS_MAX) {
    qsort(v, n, sizeof *v, S_older);
    for (size_t i = 0; i + S_STAMPS_KEEP < n + 1; i++) unlinkat(dirfd(dp), v[i].name, 0);
  }
  free(v);
  closedir(dp);
}

/* (best effort: a stamp that cannot be written means checking next time) */
static void S_stamp_write(const char *path, const char *line) {
  char *dir = dg_xstrdup(path);
  char *slash = strrchr(dir, '/');
  *slash = '\0';
  for (char *q = dir + 1;; q++) /* mkdir -p, 0700 for what is made */
    if (*q == '/' || *q == '\0') {
      char c = *q;
      *q = '\0';
      mkdir(dir, 0700);
      *q = c;
      if (!c) break;
    }
  S_stamps_prune(dir, slash + 1);
  free(dir);
  size_t pl = strlen(path);
  char *tmp = dg_xcalloc(1, pl + 32);
  snprintf(tmp, pl + 32, "%s.%ld.tmp", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    size_t len = strlen(line);
    bool ok = write(fd, line, len) == (ssize_t)len;
    if (close(fd) != 0) ok = false;
    if (!ok || rename(tmp, path) != 0) unlink(tmp);
  }
  free(tmp);
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
  uint32_t sum_kind = (uint32_t)h[20] | (uint32_t)h[21] << 8 | (uint32_t)h[22] << 16 |
                      (uint32_t)h[23] << 24;
  if (memcmp(h, S_magic, 8) != 0)
    problem = "not a degloss data file (bad magic)";
  else if (memcmp(h + 8, want_kind, 8) != 0)
    problem = "data file of another kind";
  else if (ver != version)
    problem = "data file of another format version; rebuild it";
  else if (size != (uint64_t)st.st_size - DG_MAPFILE_HEADER)
    problem = "data file size does not match its header (truncated or padded)";
  else if (sum_kind != S_SUM_FAST)
    problem = "data file from an older degloss (another kind of checksum); rebuild it";
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
  /* The index checksum, at every open: the header, the kind's own head and
   * its index (hash tables), a few MB the lookups need anyway. */
  uint32_t ihead = S_get32(h + 40), ilen = S_get32(h + 44);
  uint64_t ioff = S_get64(h + 48);
  if (ihead > size || ioff > size || ilen > size - ioff) {
    problem = "data file index out of bounds (damaged); rebuild it";
  } else {
    char line[256];
    S_stamp_line(line, sizeof line, &st, h);
    char *stamp = S_stamp_path(path);
    /* (--check-data checks everything, stamp or not) */
    if (verify_checksum || !stamp || !S_stamp_holds(stamp, line)) {
      dg_sum sum;
      dg_sum_init(&sum);
      dg_sum_update(&sum, h, 32);  /* magic, kind, version, sumkind, size */
      dg_sum_update(&sum, h + 40, 16); /* the index's place */
      dg_sum_update(&sum, mf->payload, ihead);
      dg_sum_update(&sum, mf->payload + ioff, ilen);
      if (dg_sum_final(&sum) != S_get64(h + 56))
        problem = "data file index checksum mismatch (damaged); rebuild it";
      /* (S_STAMP_AGE: a file changed just now gets no stamp) */
      struct timespec now;
      if (!problem && stamp && clock_gettime(CLOCK_REALTIME, &now) == 0 &&
          now.tv_sec - st.st_mtim.tv_sec >= S_STAMP_AGE && now.tv_sec - st.st_ctim.tv_sec >= S_STAMP_AGE) {
        mf->stamp = stamp;
        mf->stamp_line = dg_xstrdup(line);
        stamp = NULL;
      }
    } else {
      mf->known = true;
    }
    free(stamp);
  }
  if (problem) {
    dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0, "%s", problem);
    dg_mapfile_close(mf);
    return false;
  }
  if (verify_checksum && !dg_mapfile_verify(mf, path, err)) {
    dg_mapfile_close(mf);
    return false;
  }
  return true;
}

bool dg_mapfile_verify(const dg_mapfile *mf, const char *path, degloss_error *err) {
  const unsigned char *h = mf->base;
  dg_sum sum;
  dg_sum_init(&sum);
  /* the payload starts 64 bytes into the page-aligned mapping */
  for (uint64_t at = 0; at < mf->size; at += S_PIECE) {
    size_t n = mf->size - at < S_PIECE ? (size_t)(mf->size - at) : S_PIECE;
    dg_sum_update(&sum, mf->payload + at, n);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t from = (DG_MAPFILE_HEADER + (size_t)at + page - 1) / page * page;
    size_t to = (DG_MAPFILE_HEADER + (size_t)at + n) / page * page;
    if (to > from) madvise((char *)mf->base + from, to - from, MADV_DONTNEED);
  }
  if (dg_sum_final(&sum) == S_get64(h + 32)) return true;
  dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, 0,
               "data file checksum mismatch (damaged); rebuild it");
  return false;
}

void dg_mapfile_remember(dg_mapfile *mf) {
  if (mf->stamp) S_stamp_write(mf->stamp, mf->stamp_line);
  free(mf->stamp);
  free(mf->stamp_line);
  mf->stamp = mf->stamp_line = NULL;
}

void dg_mapfile_close(dg_mapfile *mf) {
  if (mf->base) munmap(mf->base, mf->map_len);
  free(mf->stamp);
  free(mf->stamp_line);
  memset(mf, 0, sizeof *mf);
}

bool dg_mapfile_write(const char *path, const char *kind, uint32_t version,
                      const void *payload, uint64_t size, degloss_error *err) {
  return dg_mapfile_write_indexed(path, kind, version, payload, size, 0, 0, 0, err);
}

bool dg_mapfile_write_indexed(const char *path, const char *kind, uint32_t version,
                              const void *payload, uint64_t size, uint32_t index_head,
                              uint64_t index_off, uint32_t index_len, degloss_error *err) {
  unsigned char h[DG_MAPFILE_HEADER] = {0};
  memcpy(h, S_magic, 8);
  memcpy(h + 8, kind, strnlen(kind, 8));
  for (int i = 0; i < 4; i++) h[16 + i] = (unsigned char)(version >> (8 * i));
  S_put64(h + 24, size);
  for (int i = 0; i < 4; i++) h[20 + i] = (unsigned char)(S_SUM_FAST >> (8 * i));
  S_put64(h + 32, dg_sum64(payload, size));
  for (int i = 0; i < 4; i++) {
    h[40 + i] = (unsigned char)(index_head >> (8 * i));
    h[44 + i] = (unsigned char)(index_len >> (8 * i));
  }
  S_put64(h + 48, index_off);
  dg_sum sum;
  dg_sum_init(&sum);
  dg_sum_update(&sum, h, 32);
  dg_sum_update(&sum, h + 40, 16);
  dg_sum_update(&sum, payload, index_head);
  dg_sum_update(&sum, (const unsigned char *)payload + index_off, index_len);
  S_put64(h + 56, dg_sum_final(&sum));
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

bool dg_mapfile_reseal(unsigned char *file, size_t len) {
  if (len < DG_MAPFILE_HEADER) return false;
  uint64_t size = len - DG_MAPFILE_HEADER;
  const unsigned char *payload = file + DG_MAPFILE_HEADER;
  uint32_t ihead = S_get32(file + 40), ilen = S_get32(file + 44);
  uint64_t ioff = S_get64(file + 48);
  if (ihead > size || ioff > size || ilen > size - ioff) return false;
  S_put64(file + 32, dg_sum64(payload, size));
  dg_sum sum;
  dg_sum_init(&sum);
  dg_sum_update(&sum, file, 32);
  dg_sum_update(&sum, file + 40, 16);
  dg_sum_update(&sum, payload, ihead);
  dg_sum_update(&sum, payload + ioff, ilen);
  S_put64(file + 56, dg_sum_final(&sum));
  return true;
}
