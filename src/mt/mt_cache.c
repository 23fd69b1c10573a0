/* The persistent translation cache: one text file of checksummed lines,
 *   v1 HHHHHHHHHHHHHHHH KEY<TAB>VALUE\n
 * where KEY and VALUE escape backslash, tab, CR and LF, and H is dg_hash64 of
 * "KEY<TAB>VALUE" as written.  New entries are appended under an exclusive
 * flock() in one write(), so concurrent runs interleave whole lines; lines
 * that are torn, corrupt or of another version are skipped when loading.
 *
 * Compaction rewrites the file with one line per live key (the last one
 * written wins), least recently used first, keeping at most the newest
 * max_entries entries within max_bytes (15/16 of them when compaction was
 * automatic, so that it does not happen again at once).  It holds the same exclusive lock
 * the writers take, reads the file anew (so entries other runs appended are
 * kept), writes a temporary file in the same directory, fsyncs it and
 * rename()s it over the cache: a reader sees the old or the new file, never
 * a mix.  A writer that waited for the lock on the replaced file notices the
 * rename (the inode changed) and appends to the new file instead.
 * Recency: the file order is the order of use.  An entry found in the older
 * half of the file is appended once more when it is used (the same line, so
 * older readers see a harmless duplicate), and compaction puts what this
 * process used last.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_provider.h"

#define S_FILE "mt-cache-v1.txt"
#define S_MAX_LOAD ((size_t)512 << 20) /* ignore a cache file bigger than this */

#define S_MIN_COMPACT ((off_t)64 << 10) /* never compact a smaller file for waste alone */
#define S_TMP_PREFIX S_FILE ".tmp."

typedef struct {
  char *key;
  char *val;
  uint64_t h;
  uint64_t seq;   /* recency: line number in the file, or a later use */
  size_t len;     /* bytes of its line on disk, '\n' included */
  bool old;       /* its line is in the older half of the file */
} S_entry;

struct dg_mt_cache {
  char *path;
  char *dir;
  S_entry *tab;
  size_t cap, count;
  dg_buf pending;
  unsigned long bad;
  uint64_t clock;      /* last seq handed out */
  uint64_t loaded;     /* seq values up to this came from the file */
  size_t lines;        /* lines read (live, superseded and corrupt) */
  size_t live_bytes;   /* sum of len over the table */
  off_t file_size;     /* as last seen */
  size_t max_entries, max_bytes;
  bool compacted;
};

static uint64_t S_hash(const char *s) { return dg_hash64(s, strlen(s), 0x6d7463616368ULL); }

static S_entry *S_slot(dg_mt_cache *c, const char *key, uint64_t h) {
  size_t i = (size_t)h & (c->cap - 1);
  while (c->tab[i].key && (c->tab[i].h != h || strcmp(c->tab[i].key, key) != 0))
    i = (i + 1) & (c->cap - 1);
  return &c->tab[i];
}

static void S_grow(dg_mt_cache *c) {
  S_entry *old = c->tab;
  size_t oldcap = c->cap;
  c->cap = oldcap ? oldcap * 2 : 256;
  c->tab = dg_xcalloc(c->cap, sizeof *c->tab);
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key) *S_slot(c, old[i].key, old[i].h) = old[i];
  free(old);
}

/* Insert or replace; takes ownership of key and val. */
static S_entry *S_set(dg_mt_cache *c, char *key, char *val, size_t len) {
  if ((c->count + 1) * 4 > c->cap * 3) S_grow(c);
  uint64_t h = S_hash(key);
  S_entry *e = S_slot(c, key, h);
  if (e->key) {
    free(key);
    free(e->val);
    c->live_bytes -= e->len;
  } else {
    e->key = key;
    e->h = h;
    c->count++;
  }
  e->val = val;
  e->len = len;
  e->seq = ++c->clock;
  e->old = false;
  c->live_bytes += len;
  return e;
}

static void S_escape(dg_buf *b, const char *s) {
  for (; *s; s++) switch (*s) {
    case '\\': dg_buf_puts(b, "\\\\"); break;
    case '\t': dg_buf_puts(b, "\\t"); break;
    case '\n': dg_buf_puts(b, "\\n"); break;
    case '\r': dg_buf_puts(b, "\\r"); break;
    default: dg_buf_putc(b, *s);
    }
}

/* Unescape s[0..n) into a new string; NULL when malformed. */
static char *S_unescape(const char *s, size_t n) {
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_reserve(&b, n);
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\\') {
      dg_buf_putc(&b, s[i]);
      continue;
    }
    if (++i == n) goto bad;
    switch (s[i]) {
    case '\\': dg_buf_putc(&b, '\\'); break;
    case 't': dg_buf_putc(&b, '\t'); break;
    case 'n': dg_buf_putc(&b, '\n'); break;
    case 'r': dg_buf_putc(&b, '\r'); break;
    default: goto bad;
    }
  }
  return dg_buf_detach(&b);
bad:
  dg_buf_free(&b);
  return NULL;
}

static int S_hex(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  return -1;
}

/* One line without its '\n'; the entry it set, or NULL when it is corrupt. */
static S_entry *S_load_line(dg_mt_cache *c, const char *line, size_t n) {
  if (n < 3 + 17 + 1 || memcmp(line, "v1 ", 3) != 0 || line[19] != ' ') return NULL;
  uint64_t want = 0;
  for (int i = 0; i < 16; i++) {
    int d = S_hex(line[3 + i]);
    if (d < 0) return NULL;
    want = want << 4 | (uint64_t)d;
  }
  const char *rec = line + 20;
  size_t rn = n - 20;
  if (dg_hash64(rec, rn, 0) != want) return NULL;
  if (memchr(rec, '\0', rn)) return NULL;
  const char *tab = memchr(rec, '\t', rn);
  if (!tab || memchr(tab + 1, '\t', rn - (size_t)(tab + 1 - rec))) return NULL;
  char *key = S_unescape(rec, (size_t)(tab - rec));
  char *val = key ? S_unescape(tab + 1, rn - (size_t)(tab + 1 - rec)) : NULL;
  if (!key || !val || !*key) {
    free(key);
    free(val);
    return NULL;
  }
  return S_set(c, key, val, n + 1);
}

/* Load every line of data[0..len); lines that start before `half` are the
 * older half of the file. */
static void S_load(dg_mt_cache *c, const char *data, size_t len, size_t half) {
  size_t i = 0;
  while (i < len) {
    const char *nl = memchr(data + i, '\n', len - i);
    c->lines++;
    if (!nl) { /* a torn last line */
      c->bad++;
      break;
    }
    size_t ll = (size_t)(nl - (data + i));
    if (ll) {
      S_entry *e = S_load_line(c, data + i, ll);
      if (!e) c->bad++;
      else e->old = i < half;
    } else {
      c->lines--;
    }
    i += ll + 1;
  }
  c->loaded = c->clock;
}

char *dg_mt_cache_default_dir(void) {
  const char *x = getenv("XDG_CACHE_HOME");
  if (x && x[0] == '/') return dg_path_join(x, "degloss");
  const char *home = getenv("HOME");
  if (home && home[0] == '/') {
    char *dot = dg_path_join(home, ".cache");
    char *d = dg_path_join(dot, "degloss");
    free(dot);
    return d;
  }
  return NULL;
}

/* mkdir -p with mode 0700 for what is created. */
static bool S_mkdirs(const char *dir, degloss_error *err) {
  char *p = dg_xstrdup(dir);
  for (char *s = p + 1; ; s++) {
    if (*s == '/' || *s == '\0') {
      char saved = *s;
      *s = '\0';
      if (mkdir(p, 0700) != 0 && errno != EEXIST) {
        dg_error_set(err, DEGLOSS_ERR_IO, p, 0, 0, -1, "cannot create the cache directory: %s",
                     strerror(errno));
        free(p);
        return false;
      }
      *s = saved;
      if (!saved) break;
    }
  }
  free(p);
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    dg_error_set(err, DEGLOSS_ERR_IO, dir, 0, 0, -1, "the cache directory is not a directory");
    return false;
  }
  return true;
}

static dg_mt_cache *S_new(const char *dir) {
  dg_mt_cache *c = dg_xcalloc(1, sizeof *c);
  c->dir = dg_xstrdup(dir);
  c->path = dg_path_join(dir, S_FILE);
  dg_buf_init(&c->pending);
  c->max_entries = DG_MT_CACHE_DEFAULT_ENTRIES;
  c->max_bytes = DG_MT_CACHE_DEFAULT_BYTES;
  S_grow(c);
  return c;
}

dg_mt_cache *dg_mt_cache_open(const char *dir, degloss_error *err) {
  if (!dir || !*dir || !S_mkdirs(dir, err)) {
    if (!dir || !*dir) dg_error_set(err, DEGLOSS_ERR_IO, "cache", 0, 0, -1, "no cache directory");
    return NULL;
  }
  dg_mt_cache *c = S_new(dir);
  struct stat st;
  if (stat(c->path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= S_MAX_LOAD) {
    degloss_error rerr = {0};
    size_t len = 0;
    char *data = dg_read_file(c->path, &len, &rerr);
    if (data) {
      S_load(c, data, len, len / 2);
      c->file_size = (off_t)len;
      free(data);
    }
  }
  return c;
}

void dg_mt_cache_limit(dg_mt_cache *c, size_t max_entries, size_t max_bytes) {
  if (!c) return;
  if (max_entries) c->max_entries = max_entries;
  if (max_bytes) c->max_bytes = max_bytes;
}

void dg_mt_cache_free(dg_mt_cache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->cap; i++) {
    free(c->tab[i].key);
    free(c->tab[i].val);
  }
  free(c->tab);
  dg_buf_free(&c->pending);
  free(c->path);
  free(c->dir);
  free(c);
}

const char *dg_mt_cache_file(const dg_mt_cache *c) { return c ? c->path : NULL; }
unsigned long dg_mt_cache_bad_lines(const dg_mt_cache *c) { return c ? c->bad : 0; }
size_t dg_mt_cache_size(const dg_mt_cache *c) { return c ? c->count : 0; }

/* Append the line for key/value to `out`; its length. */
static size_t S_format_line(dg_buf *out, const char *key, const char *value) {
  dg_buf rec;
  dg_buf_init(&rec);
  S_escape(&rec, key);
  dg_buf_putc(&rec, '\t');
  S_escape(&rec, value);
  dg_buf_printf(out, "v1 %016llx ", (unsigned long long)dg_hash64(rec.data, rec.len, 0));
  dg_buf_put(out, rec.data, rec.len);
  dg_buf_putc(out, '\n');
  size_t len = 20 + rec.len + 1;
  dg_buf_free(&rec);
  return len;
}

/* Queue the line for key/value; its length on disk. */
static size_t S_queue(dg_mt_cache *c, const char *key, const char *value) {
  return S_format_line(&c->pending, key, value);
}

const char *dg_mt_cache_get(dg_mt_cache *c, const char *key) {
  if (!c) return NULL;
  S_entry *e = S_slot(c, key, S_hash(key));
  if (!e->key) return NULL;
  e->seq = ++c->clock;
  if (e->old) { /* move it to the recent end of the file */
    e->old = false;
    S_queue(c, e->key, e->val);
  }
  return e->val;
}

void dg_mt_cache_put(dg_mt_cache *c, const char *key, const char *value) {
  if (!c || !*key) return;
  size_t len = S_queue(c, key, value);
  S_set(c, dg_xstrdup(key), dg_xstrdup(value), len);
}

static bool S_write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= (size_t)w;
  }
  return true;
}

/* Open the cache file and take the writers' exclusive lock on it, making
 * sure it is still the file at c->path (a compaction may have replaced it
 * while we waited).  The descriptor, or -1 with errno set; *locked says
 * whether the lock was had. */
static int S_open_locked(const dg_mt_cache *c, bool *locked) {
  for (int tries = 0; tries < 100; tries++) {
    int fd = open(c->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    *locked = false;
    while (flock(fd, LOCK_EX) != 0)
      if (errno != EINTR) return fd; /* no locking (some network file systems): go on without */
    *locked = true;
    struct stat a, b;
    if (fstat(fd, &a) != 0 || stat(c->path, &b) != 0 || (a.st_dev == b.st_dev && a.st_ino == b.st_ino))
      return fd;
    close(fd); /* replaced while we waited: lock the new file */
  }
  errno = EAGAIN;
  return -1;
}

static void S_unlock_close(int fd) {
  flock(fd, LOCK_UN);
  close(fd);
}

/* Append the pending lines to the locked fd. */
static bool S_append(dg_mt_cache *c, int fd) {
  struct stat st;
  bool ok = true;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    char last = '\n';
    if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
      ok = S_write_all(fd, "\n", 1); /* close a torn line so ours starts fresh */
  }
  if (ok && c->pending.len) ok = S_write_all(fd, c->pending.data, c->pending.len);
  if (ok) {
    dg_buf_clear(&c->pending);
    if (fstat(fd, &st) == 0) c->file_size = st.st_size;
  }
  return ok;
}

bool dg_mt_cache_flush(dg_mt_cache *c, degloss_error *err) {
  if (!c || c->pending.len == 0) return true;
  bool locked;
  int fd = S_open_locked(c, &locked);
  if (fd < 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot write the cache: %s",
                 strerror(errno));
    return false;
  }
  bool ok = S_append(c, fd);
  int e = errno;
  flock(fd, LOCK_UN);
  if (close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot write the cache: %s",
                 strerror(e));
    return false;
  }
  return true;
}

/* ---- compaction ------------------------------------------------------- */

static int S_by_seq(const void *a, const void *b) {
  const S_entry *x = *(S_entry *const *)a, *y = *(S_entry *const *)b;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Read the whole locked file. */
static char *S_read_fd(int fd, size_t *len) {
  struct stat st;
  if (fstat(fd, &st) != 0) return NULL;
  if ((size_t)st.st_size > S_MAX_LOAD) {
    *len = 0; /* too big to keep: start afresh */
    return dg_xstrdup("");
  }
  size_t cap = (size_t)st.st_size, n = 0;
  char *buf = dg_xmalloc(cap + 1);
  while (n < cap) {
    ssize_t r = pread(fd, buf + n, cap - n, (off_t)n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    n += (size_t)r;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* Remove the temporary files of compactions that died: only one holding the
 * lock (as we do) has one. */
static void S_remove_stale(const dg_mt_cache *c) {
  DIR *d = opendir(c->dir);
  if (!d) return;
  for (struct dirent *de; (de = readdir(d)) != NULL;)
    if (strncmp(de->d_name, S_TMP_PREFIX, sizeof S_TMP_PREFIX - 1) == 0 &&
        strlen(de->d_name) == sizeof S_TMP_PREFIX - 1 + 6)
      unlinkat(dirfd(d), de->d_name, 0);
  closedir(d);
}

/* Write `keep` (in order) to a temporary file and rename it over the cache. */
static bool S_replace_file(dg_mt_cache *c, S_entry **keep, size_t n, size_t *bytes,
                           degloss_error *err) {
  dg_buf tmp;
  dg_buf_init(&tmp);
  dg_buf_printf(&tmp, "%s/" S_TMP_PREFIX "XXXXXX", c->dir);
  int fd = mkstemp(tmp.data);
  if (fd < 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot compact the cache: %s",
                 strerror(errno));
    dg_buf_free(&tmp);
    return false;
  }
  dg_buf out;
  dg_buf_init(&out);
  bool ok = true;
  size_t total = 0;
  for (size_t i = 0; i < n && ok; i++) {
    S_format_line(&out, keep[i]->key, keep[i]->val);
    if (out.len >= (1u << 20) || i + 1 == n) {
      ok = S_write_all(fd, out.data, out.len);
      total += out.len;
      dg_buf_clear(&out);
    }
  }
  dg_buf_free(&out);
  if (ok && fsync(fd) != 0) ok = false;
  int e = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (ok && rename(tmp.data, c->path) != 0) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    unlink(tmp.data);
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot compact the cache: %s",
                 strerror(e));
  } else {
    int dfd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* make the rename itself durable */
      fsync(dfd);
      close(dfd);
    }
    *bytes = total;
  }
  dg_buf_free(&tmp);
  return ok;
}

bool dg_mt_cache_compact(dg_mt_cache *c, bool force, dg_mt_cache_stats *stats,
                         degloss_error *err) {
  dg_mt_cache_stats dummy;
  if (!stats) stats = &dummy;
  memset(stats, 0, sizeof *stats);
  if (!c) return true;
  bool locked;
  int fd = S_open_locked(c, &locked);
  if (fd < 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot compact the cache: %s",
                 strerror(errno));
    return false;
  }
  if (!S_append(c, fd)) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot write the cache: %s",
                 strerror(errno));
    S_unlock_close(fd);
    return false;
  }
  /* What is on disk now, other runs' entries included. */
  size_t len = 0;
  char *data = S_read_fd(fd, &len);
  if (!data) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot read the cache: %s",
                 strerror(errno));
    S_unlock_close(fd);
    return false;
  }
  dg_mt_cache *t = S_new(c->dir);
  S_load(t, data, len, 0);
  free(data);
  stats->bytes_before = len;
  stats->lines_before = t->lines;
  stats->entries_before = t->count;
  stats->corrupt = t->bad;
  /* What this process used goes last, in the order it was used. */
  uint64_t base = t->clock;
  for (size_t i = 0; i < t->cap; i++) {
    S_entry *x = &t->tab[i];
    if (!x->key) continue;
    S_entry *e = S_slot(c, x->key, x->h);
    if (e->key && e->seq > c->loaded && strcmp(e->val, x->val) == 0) x->seq = base + e->seq;
  }
  S_entry **all = dg_xmalloc((t->count ? t->count : 1) * sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < t->cap; i++)
    if (t->tab[i].key) all[n++] = &t->tab[i];
  qsort(all, n, sizeof *all, S_by_seq);
  /* Keep the newest that fit; an automatic compaction leaves 1/16 of the
   * bounds free, so that the next runs do not each rewrite the file. */
  size_t max_n = force ? c->max_entries : c->max_entries - c->max_entries / 16;
  size_t max_b = force ? c->max_bytes : c->max_bytes - c->max_bytes / 16;
  size_t first = n, bytes = 0;
  while (first > 0 && n - first < max_n && bytes + all[first - 1]->len <= max_b)
    bytes += all[--first]->len;
  stats->evicted = first;
  bool needed = force || first > 0 || t->bad > 0 || t->lines > t->count ||
                (off_t)len > (off_t)bytes;
  bool ok = true;
  size_t written = len;
  if (needed && locked) S_remove_stale(c);
  if (needed) ok = S_replace_file(c, all + first, n - first, &written, err);
  if (ok) {
    stats->entries_after = n - first;
    stats->bytes_after = written;
    c->file_size = (off_t)written;
    c->compacted = true;
    for (size_t i = 0; i < c->cap; i++) c->tab[i].old = false;
  }
  S_unlock_close(fd); /* after the rename: waiting writers then find the new file */
  free(all);
  dg_mt_cache_free(t);
  return ok;
}

bool dg_mt_cache_needs_compaction(const dg_mt_cache *c) {
  if (!c || c->compacted) return false;
  off_t live = (off_t)c->live_bytes;
  return c->count > c->max_entries || c->live_bytes > c->max_bytes ||
         (c->file_size > S_MIN_COMPACT && c->file_size > 2 * live);
}

bool dg_mt_cache_close(dg_mt_cache *c, degloss_error *err) {
  if (!c) return true;
  bool ok = dg_mt_cache_flush(c, err);
  if (ok && dg_mt_cache_needs_compaction(c)) ok = dg_mt_cache_compact(c, false, NULL, err);
  dg_mt_cache_free(c);
  return ok;
}

int dg_mt_cache_compact_command(const dg_mt_config *cfg, FILE *out, degloss_error *err) {
  if (cfg && cfg->no_cache) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "mt-cache-compact", 0, 0, -1,
                 "--mt-cache-compact and --no-cache do not go together");
    return -1;
  }
  char *dir = cfg && cfg->cache_dir ? dg_xstrdup(cfg->cache_dir) : dg_mt_cache_default_dir();
  if (!dir) {
    dg_error_set(err, DEGLOSS_ERR_IO, "cache", 0, 0, -1,
                 "no cache directory (set cache-dir, XDG_CACHE_HOME or HOME)");
    return -1;
  }
  dg_mt_cache *c = dg_mt_cache_open(dir, err);
  free(dir);
  if (!c) return -1;
  if (cfg) dg_mt_cache_limit(c, cfg->cache_max_entries, cfg->cache_max_bytes);
  dg_mt_cache_stats s;
  bool ok = dg_mt_cache_compact(c, true, &s, err);
  if (ok)
    fprintf(out,
            "%s: before: %zu lines, %zu entries, %zu bytes; after: %zu entries, %zu bytes "
            "(%zu superseded, %zu corrupt, %zu evicted)\n",
            c->path, s.lines_before, s.entries_before, s.bytes_before, s.entries_after,
            s.bytes_after, s.lines_before - s.entries_before - s.corrupt, s.corrupt, s.evicted);
  dg_mt_cache_free(c);
  return ok ? 0 : -1;
}
