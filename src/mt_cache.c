/* The persistent translation cache: one text file of checksummed lines,
 *   v1 HHHHHHHHHHHHHHHH KEY<TAB>VALUE\n
 * where KEY and VALUE escape backslash, tab, CR and LF, and H is dg_hash64 of
 * "KEY<TAB>VALUE" as written.  New entries are appended under an exclusive
 * flock() in one write(), so concurrent runs interleave whole lines; lines
 * that are torn, corrupt or of another version are skipped when loading.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_provider.h"

#define S_FILE "mt-cache-v1.txt"
#define S_MAX_LOAD ((size_t)512 << 20) /* ignore a cache file bigger than this */

typedef struct {
  char *key;
  char *val;
  uint64_t h;
} S_entry;

struct dg_mt_cache {
  char *path;
  S_entry *tab;
  size_t cap, count;
  dg_buf pending;
  unsigned long bad;
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
static void S_set(dg_mt_cache *c, char *key, char *val) {
  if ((c->count + 1) * 4 > c->cap * 3) S_grow(c);
  uint64_t h = S_hash(key);
  S_entry *e = S_slot(c, key, h);
  if (e->key) {
    free(key);
    free(e->val);
    e->val = val;
    return;
  }
  e->key = key;
  e->val = val;
  e->h = h;
  c->count++;
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

/* One line without its '\n'. */
static bool S_load_line(dg_mt_cache *c, const char *line, size_t n) {
  if (n < 3 + 17 + 1 || memcmp(line, "v1 ", 3) != 0 || line[19] != ' ') return false;
  uint64_t want = 0;
  for (int i = 0; i < 16; i++) {
    int d = S_hex(line[3 + i]);
    if (d < 0) return false;
    want = want << 4 | (uint64_t)d;
  }
  const char *rec = line + 20;
  size_t rn = n - 20;
  if (dg_hash64(rec, rn, 0) != want) return false;
  if (memchr(rec, '\0', rn)) return false;
  const char *tab = memchr(rec, '\t', rn);
  if (!tab || memchr(tab + 1, '\t', rn - (size_t)(tab + 1 - rec))) return false;
  char *key = S_unescape(rec, (size_t)(tab - rec));
  char *val = key ? S_unescape(tab + 1, rn - (size_t)(tab + 1 - rec)) : NULL;
  if (!key || !val || !*key) {
    free(key);
    free(val);
    return false;
  }
  S_set(c, key, val);
  return true;
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

dg_mt_cache *dg_mt_cache_open(const char *dir, degloss_error *err) {
  if (!dir || !*dir || !S_mkdirs(dir, err)) {
    if (!dir || !*dir) dg_error_set(err, DEGLOSS_ERR_IO, "cache", 0, 0, -1, "no cache directory");
    return NULL;
  }
  dg_mt_cache *c = dg_xcalloc(1, sizeof *c);
  c->path = dg_path_join(dir, S_FILE);
  dg_buf_init(&c->pending);
  S_grow(c);
  struct stat st;
  if (stat(c->path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= S_MAX_LOAD) {
    degloss_error rerr = {0};
    size_t len = 0;
    char *data = dg_read_file(c->path, &len, &rerr);
    if (data) {
      size_t i = 0;
      while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        if (!nl) { /* a torn last line */
          c->bad++;
          break;
        }
        size_t ll = (size_t)(nl - (data + i));
        if (ll && !S_load_line(c, data + i, ll)) c->bad++;
        i += ll + 1;
      }
      free(data);
    }
  }
  return c;
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
  free(c);
}

const char *dg_mt_cache_file(const dg_mt_cache *c) { return c ? c->path : NULL; }
unsigned long dg_mt_cache_bad_lines(const dg_mt_cache *c) { return c ? c->bad : 0; }
size_t dg_mt_cache_size(const dg_mt_cache *c) { return c ? c->count : 0; }

const char *dg_mt_cache_get(dg_mt_cache *c, const char *key) {
  if (!c) return NULL;
  S_entry *e = S_slot(c, key, S_hash(key));
  return e->key ? e->val : NULL;
}

void dg_mt_cache_put(dg_mt_cache *c, const char *key, const char *value) {
  if (!c || !*key) return;
  S_set(c, dg_xstrdup(key), dg_xstrdup(value));
  dg_buf rec;
  dg_buf_init(&rec);
  S_escape(&rec, key);
  dg_buf_putc(&rec, '\t');
  S_escape(&rec, value);
  dg_buf_printf(&c->pending, "v1 %016llx ", (unsigned long long)dg_hash64(rec.data, rec.len, 0));
  dg_buf_put(&c->pending, rec.data, rec.len);
  dg_buf_putc(&c->pending, '\n');
  dg_buf_free(&rec);
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

bool dg_mt_cache_flush(dg_mt_cache *c, degloss_error *err) {
  if (!c || c->pending.len == 0) return true;
  int fd = open(c->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, c->path, 0, 0, -1, "cannot write the cache: %s",
                 strerror(errno));
    return false;
  }
  bool ok = true;
  while (flock(fd, LOCK_EX) != 0)
    if (errno != EINTR) break; /* no locking (e.g. some network file systems): append anyway */
  struct stat st;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    char last = '\n';
    if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
      ok = S_write_all(fd, "\n", 1); /* close a torn line so ours starts fresh */
  }
  if (ok) ok = S_write_all(fd, c->pending.data, c->pending.len);
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
  dg_buf_clear(&c->pending);
  return true;
}
