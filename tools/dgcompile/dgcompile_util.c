/* dgcompile: the helpers every part of the compiler uses: strings that live
 * until the end of the run, a string -> int hash map, and the reader of the
 * curated TSV files of dictionaries/.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "util.h"

/* ---- strings that live until the end ---- */

typedef struct S_chunk {
  struct S_chunk *next;
  size_t used, cap;
  char data[];
} S_chunk;
static S_chunk *S_chunks;

char *dgc_strndup(const char *s, size_t n) {
  if (!S_chunks || S_chunks->used + n + 1 > S_chunks->cap) {
    size_t cap = n + 1 > (1u << 20) ? n + 1 : (1u << 20);
    S_chunk *c = dg_xmalloc(sizeof *c + cap);
    c->next = S_chunks;
    c->used = 0;
    c->cap = cap;
    S_chunks = c;
  }
  char *p = S_chunks->data + S_chunks->used;
  memcpy(p, s, n);
  p[n] = '\0';
  S_chunks->used += n + 1;
  return p;
}

char *dgc_strdup(const char *s) { return dgc_strndup(s, strlen(s)); }

void dgc_strings_free(void) {
  while (S_chunks) {
    S_chunk *n = S_chunks->next;
    free(S_chunks);
    S_chunks = n;
  }
}

/* ---- string -> int map ---- */

void dgc_map_init(dgc_map *m) { memset(m, 0, sizeof *m); }

void dgc_map_free(dgc_map *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

static size_t S_slot(const dgc_map *m, const char *key) {
  size_t mask = m->cap - 1;
  size_t i = (size_t)dg_hash64(key, strlen(key), 0) & mask;
  while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & mask;
  return i;
}

int *dgc_map_get(const dgc_map *m, const char *key) {
  if (!m->cap) return NULL;
  size_t i = S_slot(m, key);
  return m->keys[i] ? &m->vals[i] : NULL;
}

int *dgc_map_put(dgc_map *m, const char *key, int val, bool *fresh) {
  if ((m->n + 1) * 2 > m->cap) {
    dgc_map old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = dg_xcalloc(m->cap, sizeof *m->keys);
    m->vals = dg_xcalloc(m->cap, sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++)
      if (old.keys[i]) {
        size_t j = S_slot(m, old.keys[i]);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
      }
    free(old.keys);
    free(old.vals);
  }
  size_t i = S_slot(m, key);
  *fresh = m->keys[i] == NULL;
  if (*fresh) {
    m->keys[i] = dg_xstrdup(key);
    m->vals[i] = val;
    m->n++;
  }
  return &m->vals[i];
}

/* ---- curated TSV files ---- */

/* Read a TSV file: '#' comments, a header line whose first column is
 * `header`, then rows of at least `mincol` columns. */
bool dgc_read_tsv(dgc_lex *lx, const char *dir, const char *name, const char *header,
                  size_t mincol, dgc_row_fn fn) {
  char *path = dg_path_join(dir, name);
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "dgcompile: %s: cannot open: %s\n", path, strerror(errno));
    free(path);
    return false;
  }
  char *buf = NULL;
  size_t cap = 0;
  ssize_t len;
  long line = 0;
  bool ok = true, seen_header = false;
  while ((len = getline(&buf, &cap, f)) >= 0) {
    line++;
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
    if (buf[0] == '#' || buf[0] == '\0') continue;
    char *col[16];
    size_t n = 0;
    for (char *p = buf; n < 16;) {
      col[n++] = p;
      char *t = strchr(p, '\t');
      if (!t) break;
      *t = '\0';
      p = t + 1;
    }
    if (!seen_header) {
      seen_header = true;
      if (strcmp(col[0], header) == 0) continue;
      fprintf(stderr, "%s:%ld: expected a header line starting with \"%s\"\n", path, line, header);
      ok = false;
      break;
    }
    if (n < mincol) {
      fprintf(stderr, "%s:%ld: %zu columns, expected at least %zu\n", path, line, n, mincol);
      ok = false;
      continue;
    }
    for (size_t i = 0; i < mincol && i < 4; i++)
      if (!col[i][0]) {
        fprintf(stderr, "%s:%ld: empty column %zu\n", path, line, i + 1);
        ok = false;
      }
    char src[300];
    snprintf(src, sizeof src, "dictionaries/%s:%ld", name, line);
    if (ok && !fn(lx, col, n, src)) {
      fprintf(stderr, "%s:%ld: bad row\n", path, line);
      ok = false;
    }
  }
  free(buf);
  fclose(f);
  free(path);
  return ok;
}

