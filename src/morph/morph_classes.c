/* The word classes of the morphology (separable particles, prefixes,
 * confixes, linking elements, numerals as first parts, auxiliaries and
 * modals): read from dictionaries/word-classes.tsv and the confix column of
 * dictionaries/first-parts.tsv by tools/morph-compile, which writes them
 * into degloss.morph; asked at run time with dg_morph_is().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "morph.h"
#include "morph_internal.h"
#include "morph_text.h"

static void S_add(dg_wc_list *l, const char *w, size_t n, dg_word_class bits) {
  for (size_t i = 0; i < l->n; i++)
    if (strlen(l->v[i].word) == n && memcmp(l->v[i].word, w, n) == 0) {
      l->v[i].bits |= bits;
      return;
    }
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 128;
    l->v = dg_xrealloc(l->v, l->cap * sizeof *l->v);
  }
  l->v[l->n].word = dg_xstrndup(w, n);
  l->v[l->n].bits = bits;
  l->n++;
}

/* Rows of a TSV file: `fn` gets the columns of each line that is no
 * comment and no header (first column `header`). */
static bool S_rows(const char *path, const char *header, dg_wc_list *l, degloss_error *err,
                   bool (*fn)(dg_wc_list *l, char **col, size_t n)) {
  size_t len;
  char *text = dg_read_file(path, &len, err);
  if (!text) return false;
  long line = 0;
  bool ok = true;
  for (char *p = text, *next; ok && p < text + len; p = next) {
    char *eol = memchr(p, '\n', (size_t)(text + len - p));
    next = eol ? eol + 1 : text + len;
    if (eol) *eol = '\0';
    line++;
    if (*p == '#' || *p == '\0') continue;
    char *col[8];
    size_t n = 0;
    for (char *c = p; c && n < 8;) {
      col[n++] = c;
      c = strchr(c, '\t');
      if (c) *c++ = '\0';
    }
    if (strcmp(col[0], header) == 0) continue;
    if (!fn(l, col, n)) {
      dg_error_set(err, DEGLOSS_ERR_FORMAT, path, line, 0, 0, "bad word-class line");
      ok = false;
    }
  }
  free(text);
  return ok;
}

static bool S_class_row(dg_wc_list *l, char **col, size_t n) {
  dg_word_class bits;
  const char *bad;
  size_t bad_len;
  if (n < 2 || !*col[0] || !dg_word_class_parse(col[1], &bits, &bad, &bad_len)) return false;
  if (bits & DG_WC_MORPH) S_add(l, col[0], strlen(col[0]), bits & DG_WC_MORPH);
  return true;
}

static bool S_first_part_row(dg_wc_list *l, char **col, size_t n) {
  if (n < 6 || !col[5][0]) return true;
  if (strcmp(col[5], "confix") != 0) return false;
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, col[0], strlen(col[0]));
  S_add(l, low.data, low.len, DG_WC_CONFIX);
  dg_buf_free(&low);
  return true;
}

bool dg_word_class_load(dg_wc_list *l, const char *classes_tsv, const char *first_parts_tsv,
                        degloss_error *err) {
  memset(l, 0, sizeof *l);
  return S_rows(classes_tsv, "word", l, err, S_class_row) &&
         S_rows(first_parts_tsv, "lemma", l, err, S_first_part_row);
}

void dg_wc_list_free(dg_wc_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i].word);
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* Longer first: "hinauf" is tried before "hin". */
static int S_longer_first(const void *a, const void *b) {
  size_t x = strlen(*(const char *const *)a), y = strlen(*(const char *const *)b);
  return x > y ? -1 : x < y;
}

void dg_morph_classes_init(dg_morph *m) {
  const dg_morph_data *d = &m->data;
  uint32_t n = d->hdr->nclass;
  m->particles = dg_xcalloc(n + 1, sizeof *m->particles);
  m->links = dg_xcalloc(n + 1, sizeof *m->links);
  m->variants = dg_xcalloc(n + 1, sizeof *m->variants);
  size_t np = 0, nl = 0, nv = 0;
  for (uint32_t i = 0; i < n; i++) {
    dg_word_class bits = dg_morph_class_bits(&d->classes[i]);
    if (bits & DG_WC_SEP_PARTICLE) m->particles[np++] = d->str + d->classes[i].word;
    /* (the splitter keeps the links written at a position as bits of a
     * 32-bit word: the first DG_MORPH_MAX_LINKS count) */
    if ((bits & DG_WC_LINKING_ELEMENT) && nl < DG_MORPH_MAX_LINKS)
      m->links[nl++] = d->str + d->classes[i].word;
    if (bits & DG_WC_SPELLING_VARIANT) m->variants[nv++] = d->str + d->classes[i].word;
  }
  m->link_len = dg_xcalloc(nl + 1, sizeof *m->link_len);
  for (size_t i = 0; i < nl; i++) {
    m->link_len[i] = strlen(m->links[i]);
    m->link_first[(unsigned char)m->links[i][0]] |= 1u << i;
  }
  /* The words asked about (dg_morph_is, for most words of a sentence)
   * found through a hash index instead of a walk over every class row. */
  size_t slots = 64;
  while (slots < 2 * (size_t)n + 2) slots *= 2;
  m->class_ix = dg_xcalloc(slots, sizeof *m->class_ix);
  m->class_mask = slots - 1;
  for (uint32_t i = 0; i < n; i++) {
    const dg_morph_class *c = &d->classes[i];
    size_t k = (size_t)dg_hash64(d->str + c->word, c->len, 0) & m->class_mask;
    while (m->class_ix[k]) k = (k + 1) & m->class_mask;
    m->class_ix[k] = i + 1;
  }
  /* stable for equal lengths: qsort is not, so sort (index, word) pairs */
  for (size_t i = 1; i < np; i++)
    for (size_t j = i; j > 0 && S_longer_first(&m->particles[j - 1], &m->particles[j]) > 0; j--) {
      const char *t = m->particles[j];
      m->particles[j] = m->particles[j - 1];
      m->particles[j - 1] = t;
    }
  m->particle_len = dg_xcalloc(np + 1, sizeof *m->particle_len);
  for (size_t i = 0; i < np; i++) m->particle_len[i] = strlen(m->particles[i]);
  /* (a counting sort by first byte: stable, so each letter's particles
   * stay longest first) */
  m->particle_at = dg_xcalloc(257, sizeof *m->particle_at);
  m->particle_ix = dg_xcalloc(np + 1, sizeof *m->particle_ix);
  for (size_t i = 0; i < np; i++) m->particle_at[(unsigned char)m->particles[i][0] + 1]++;
  for (size_t b = 0; b < 256; b++) m->particle_at[b + 1] += m->particle_at[b];
  uint32_t fill[256];
  memcpy(fill, m->particle_at, sizeof fill);
  for (size_t i = 0; i < np; i++) m->particle_ix[fill[(unsigned char)m->particles[i][0]]++] = (uint32_t)i;
}

void dg_morph_classes_free(dg_morph *m) {
  free(m->particles);
  free(m->links);
  free(m->link_len);
  free(m->particle_len);
  free(m->particle_ix);
  free(m->particle_at);
  free(m->variants);
  free(m->class_ix);
}

bool dg_morph_is(const dg_morph *m, const char *word, size_t n, dg_word_class cls) {
  return dg_morph_classes_of(m, word, n, cls) != 0;
}

dg_word_class dg_morph_classes_of(const dg_morph *m, const char *word, size_t n, dg_word_class cls) {
  return dg_morph_classes_of_h(m, word, n, dg_hash64(word, n, 0), cls);
}

dg_word_class dg_morph_classes_of_h(const dg_morph *m, const char *word, size_t n, uint64_t hash, dg_word_class cls) {
  const dg_morph_data *d = &m->data;
  if (!m->class_ix) return 0; /* (no data: dg_morph_classes_init not run) */
  /* (every row spelt so: a word may stand in more than one row) */
  dg_word_class found = 0;
  for (size_t k = (size_t)hash & m->class_mask; m->class_ix[k]; k = (k + 1) & m->class_mask) {
    const dg_morph_class *c = &d->classes[m->class_ix[k] - 1];
    dg_word_class bits = dg_morph_class_bits(c);
    if ((bits & cls) && c->len == n && memcmp(d->str + c->word, word, n) == 0) found |= bits & cls;
  }
  return found;
}

bool dg_morph_is_particle(const dg_morph *m, const char *word, size_t n) {
  return dg_morph_is(m, word, n, DG_WC_SEP_PARTICLE);
}
