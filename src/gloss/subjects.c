/* The subjects of documents, read from dictionaries/subjects.tsv: a row
 * "subject field" names one of the subject's Ding field labels, a row
 * "subject - lemma pos gloss" a sense the subject gives a word.  Small
 * tables searched linearly (a few dozen rows), after a bit set of the
 * rows' lemmas and fields has said the word may be among them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "subjects.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mwe.h"
#include "util.h"

typedef struct S_row {
  size_t subject;
  char *field, *lemma, *pos, *gloss; /* field, or lemma/pos/gloss */
} S_row;

/* Bits of the hashes of the rows' lemmas and fields: most words a look-up
 * asks about are in no row, and the set says so without the scan.  (The
 * hash is the phrase pass's word hash, which reads a word eight bytes at
 * a time: the domains pass asks it of every content word's form.) */
#define S_BITS 4096
typedef struct S_bits {
  uint64_t w[S_BITS / 64];
} S_bits;

struct dg_subjects {
  char **names;
  size_t nnames;
  S_row *rows;
  size_t nrows;
  char *all; /* the names, comma-separated */
  S_bits lemmas, fields;
};

static size_t S_bit(const char *s) { return (size_t)(dg_mwe_word_hash(s) >> 20) & (S_BITS - 1); }
static void S_bits_add(S_bits *b, const char *s) {
  size_t i = S_bit(s);
  b->w[i / 64] |= 1ULL << (i % 64);
}
/* false: no row has s */
static bool S_bits_may(const S_bits *b, const char *s) {
  size_t i = S_bit(s);
  return (b->w[i / 64] >> (i % 64)) & 1;
}

static size_t S_subject(dg_subjects *t, const char *name) {
  for (size_t k = 0; k < t->nnames; k++)
    if (strcmp(t->names[k], name) == 0) return k;
  t->names = dg_xrealloc(t->names, (t->nnames + 1) * sizeof *t->names);
  t->names[t->nnames] = dg_xstrdup(name);
  return t->nnames++;
}

dg_subjects *dg_subjects_load(const char *path, degloss_error *err) {
  dg_subjects *t = dg_xcalloc(1, sizeof *t);
  FILE *f = fopen(path, "r");
  if (!f && errno == ENOENT) {
    /* An older data directory without the table: no subjects (--domain
     * then names none). */
    t->all = dg_xstrdup("");
    return t;
  }
  if (!f) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: cannot open the subject table", path);
    free(t);
    return NULL;
  }
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  while (dg_table_line(f, &line, &cap, &lineno)) {
    char *c[5];
    dg_table_cols(line, c, 5);
    if (strcmp(c[0], "subject") == 0) continue; /* header */
    bool field = c[1] && *c[1];
    bool sense = c[2] && *c[2] && c[3] && *c[3] && c[4] && *c[4];
    if (!*c[0] || field == sense) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1,
              "expected 'subject<TAB>field' or 'subject<TAB><TAB>lemma<TAB>pos<TAB>gloss'");
      continue;
    }
    if (sense && strspn(c[3], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(c[3])) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "the part of speech '%s' is not a UD tag (NOUN, VERB ...)",
              c[3]);
      continue;
    }
    t->rows = dg_xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
    S_row *r = &t->rows[t->nrows++];
    *r = (S_row){0};
    r->subject = S_subject(t, c[0]);
    if (field) {
      r->field = dg_xstrdup(c[1]);
      S_bits_add(&t->fields, r->field);
    } else {
      r->lemma = dg_xstrdup(c[2]);
      S_bits_add(&t->lemmas, r->lemma);
      r->pos = dg_xstrdup(c[3]);
      r->gloss = dg_xstrdup(c[4]);
    }
  }
  free(line);
  fclose(f);
  size_t n = 1;
  for (size_t k = 0; k < t->nnames; k++) n += strlen(t->names[k]) + 2;
  t->all = dg_xcalloc(1, n);
  for (size_t k = 0; k < t->nnames; k++) {
    if (k) strcat(t->all, ", ");
    strcat(t->all, t->names[k]);
  }
  return t;
}

void dg_subjects_free(dg_subjects *t) {
  if (!t) return;
  for (size_t k = 0; k < t->nnames; k++) free(t->names[k]);
  for (size_t k = 0; k < t->nrows; k++) {
    free(t->rows[k].field);
    free(t->rows[k].lemma);
    free(t->rows[k].pos);
    free(t->rows[k].gloss);
  }
  free(t->names);
  free(t->rows);
  free(t->all);
  free(t);
}

size_t dg_subjects_count(const dg_subjects *t) { return t ? t->nnames : 0; }
const char *dg_subjects_name(const dg_subjects *t, size_t k) { return k < t->nnames ? t->names[k] : ""; }
const char *dg_subjects_names(const dg_subjects *t) { return t && t->all ? t->all : ""; }

int dg_subjects_find(const dg_subjects *t, const char *name) {
  for (size_t k = 0; t && name && k < t->nnames; k++)
    if (strcmp(t->names[k], name) == 0) return (int)k;
  return -1;
}

unsigned dg_subjects_field_mask(const dg_subjects *t, const char *field) {
  unsigned m = 0;
  if (!t || !S_bits_may(&t->fields, field)) return 0;
  for (size_t i = 0; t && i < t->nrows; i++)
    if (t->rows[i].field && t->rows[i].subject < 32 && t->rows[i].field[0] == field[0] &&
        strcmp(t->rows[i].field, field) == 0)
      m |= 1u << t->rows[i].subject;
  return m;
}

unsigned dg_subjects_word_mask(const dg_subjects *t, const char *lemma) {
  unsigned m = 0;
  if (!t || !lemma || !S_bits_may(&t->lemmas, lemma)) return 0;
  for (size_t i = 0; t && lemma && i < t->nrows; i++)
    if (t->rows[i].lemma && t->rows[i].subject < 32 && t->rows[i].lemma[0] == lemma[0] &&
        strcmp(t->rows[i].lemma, lemma) == 0)
      m |= 1u << t->rows[i].subject;
  return m;
}

bool dg_subjects_has_field(const dg_subjects *t, size_t k, const char *field) {
  if (!t || !S_bits_may(&t->fields, field)) return false;
  for (size_t i = 0; t && i < t->nrows; i++)
    if (t->rows[i].subject == k && t->rows[i].field && t->rows[i].field[0] == field[0] &&
        strcmp(t->rows[i].field, field) == 0)
      return true;
  return false;
}

const char *dg_subjects_sense(const dg_subjects *t, size_t k, const char *lemma, const char *pos) {
  if (!t || !lemma || !S_bits_may(&t->lemmas, lemma)) return NULL;
  for (size_t i = 0; t && lemma && i < t->nrows; i++) {
    const S_row *r = &t->rows[i];
    if (r->subject == k && r->lemma && r->lemma[0] == lemma[0] && strcmp(r->lemma, lemma) == 0 &&
        (!pos || strcmp(r->pos, pos) == 0))
      return r->gloss;
  }
  return NULL;
}
