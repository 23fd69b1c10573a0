/* Translations from a file (see gloss_trfile.h): the file is read whole up
 * front, so a file that cannot be read stops the run before any output,
 * and line N goes to the N-th record in input order.  Lines input counts
 * records (input lines, an empty one too); horizontal input counts
 * sentences (one a line).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "gloss_trfile.h"

struct dg_trfile {
  char *path;
  char **lines;        /* cleaned, NUL-terminated */
  size_t nlines;
  size_t used;         /* records given a line so far (also beyond nlines) */
  long last_record;    /* lines input: the record of the last sentence seen */
  dg_buf inputs;       /* the inputs' names, for the count message */
  size_t ninputs;
  bool lines_mode;     /* records are input lines (else sentences) */
};

/* The length of a valid UTF-8 sequence at s[0..n), 0 when invalid. */
static size_t S_utf8_len(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (!k || k > n) return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (k == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))) return 0; /* overlong, surrogate */
  if (k == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))) return 0;
  return k;
}

/* s[0..n) with every invalid byte as U+FFFD; true when one was replaced. */
static bool S_valid(dg_buf *out, const char *s, size_t n) {
  bool bad = false;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t k = S_utf8_len(u + i, n - i);
    if (k) {
      dg_buf_put(out, s + i, k);
      i += k;
    } else {
      dg_buf_puts(out, "\xEF\xBF\xBD");
      bad = true;
      i++;
    }
  }
  return bad;
}

dg_trfile *dg_trfile_open(const char *path, bool lines, degloss_error *err) {
  size_t len = 0;
  degloss_error local = {0};
  char *data = dg_read_file(path, &len, &local);
  if (!data) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: cannot read the translation file: %s", path,
                 local.text);
    return NULL;
  }
  dg_trfile *t = dg_xcalloc(1, sizeof *t);
  t->path = dg_xstrdup(path);
  t->lines_mode = lines;
  dg_buf_init(&t->inputs);
  size_t cap = 0;
  dg_buf v, c;
  dg_buf_init(&v);
  dg_buf_init(&c);
  size_t at = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0; /* a UTF-8 BOM */
  while (at < len) {
    const char *nl = memchr(data + at, '\n', len - at);
    size_t e = nl ? (size_t)(nl - data) : len, k = e;
    if (k > at && data[k - 1] == '\r') k--;
    dg_buf_clear(&v);
    dg_buf_clear(&c);
    if (S_valid(&v, data + at, k - at))
      dg_warn(DEGLOSS_ERR_INPUT, path, (long)t->nlines + 1, (long long)at,
              "translation file: invalid UTF-8 replaced with U+FFFD");
    dg_clean_append(&c, v.data ? v.data : "", v.len);
    size_t a = 0, b = c.len; /* (no spaces at the ends) */
    while (a < b && c.data[a] == ' ') a++;
    while (b > a && c.data[b - 1] == ' ') b--;
    if (t->nlines == cap) {
      cap = cap ? 2 * cap : 256;
      t->lines = dg_xrealloc(t->lines, cap * sizeof *t->lines);
    }
    char *line = dg_xmalloc(b - a + 1);
    if (b > a) memcpy(line, c.data + a, b - a);
    line[b - a] = '\0';
    t->lines[t->nlines++] = line;
    at = e + 1;
  }
  dg_buf_free(&v);
  dg_buf_free(&c);
  free(data);
  return t;
}

void dg_trfile_note_input(dg_trfile *t, const char *name) {
  if (!t) return;
  if (t->ninputs < 3) dg_buf_printf(&t->inputs, "%s%s", t->ninputs ? ", " : "", name ? name : "-");
  else if (t->ninputs == 3) dg_buf_puts(&t->inputs, ", ...");
  t->ninputs++;
}

void dg_trfile_apply(dg_trfile *t, dg_doc *d) {
  if (!t) return;
  for (size_t i = 0; i < d->nsentences; i++) {
    dg_dsentence *s = &d->sentences[i];
    if (s->record && s->record == t->last_record) continue; /* the same line's next sentence */
    t->last_record = s->record;
    size_t n = t->used++;
    if (n >= t->nlines || !*t->lines[n]) continue;
    s->translation = t->lines[n]; /* (lives as long as the session, longer than d) */
    s->tr_provider = "file";
    s->tr_model = "";
    s->tr_cached = false;
  }
}

static void S_mismatch(const dg_trfile *t, const char *inputs, size_t records, degloss_error *err) {
  const char *what = t->lines_mode ? "lines" : "sentences";
  dg_error_set(err, DEGLOSS_ERR_INPUT, t->path, 0, 0, -1,
               "the translation file %s has %zu line%s but the input (%s) has %zu %s: "
               "they must match one to one",
               t->path, t->nlines, t->nlines == 1 ? "" : "s", inputs, records, what);
}

bool dg_trfile_check(const dg_trfile *t, degloss_error *err) {
  if (!t || t->used == t->nlines) return true;
  S_mismatch(t, t->inputs.data ? t->inputs.data : "-", t->used, err);
  return false;
}

bool dg_trfile_precheck(const dg_trfile *t, size_t records, const char *const *names, size_t n,
                        degloss_error *err) {
  if (!t || records == t->nlines) return true;
  dg_buf b;
  dg_buf_init(&b);
  for (size_t i = 0; i < n && i < 4; i++)
    dg_buf_printf(&b, "%s%s", i ? ", " : "", i == 3 ? "..." : names[i]);
  S_mismatch(t, b.data ? b.data : "-", records, err);
  dg_buf_free(&b);
  return false;
}

void dg_trfile_free(dg_trfile *t) {
  if (!t) return;
  for (size_t i = 0; i < t->nlines; i++) free(t->lines[i]);
  free(t->lines);
  free(t->path);
  dg_buf_free(&t->inputs);
  free(t);
}
