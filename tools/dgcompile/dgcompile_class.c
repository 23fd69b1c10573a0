/* dgcompile: word classes and Ding's labels.  Reads dictionaries/word-classes.tsv
 * (word, comma-separated class tags), the classes closed-class.tsv already
 * states (its CCONJ and SCONJ rows), and dictionaries/ding-labels.tsv (the
 * ranking penalty of each domain/register label, and which labels are
 * register labels).  The compiler itself asks the classes (Ding's object
 * slots, coordinating conjunctions) and writes all of them into degloss.lex
 * for dg_lexicon_is().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "util.h"

void dgc_class_add(dgc_lex *lx, const char *word, dg_word_class bits) {
  bool fresh;
  int *v = dgc_map_put(&lx->wc_index, word, (int)lx->n_wc, &fresh);
  if (!fresh) {
    lx->wc_bits[*v] |= bits;
    return;
  }
  if (lx->n_wc == lx->cap_wc) {
    lx->cap_wc = lx->cap_wc ? lx->cap_wc * 2 : 256;
    lx->wc_words = dg_xrealloc(lx->wc_words, lx->cap_wc * sizeof *lx->wc_words);
    lx->wc_bits = dg_xrealloc(lx->wc_bits, lx->cap_wc * sizeof *lx->wc_bits);
  }
  lx->wc_words[lx->n_wc] = dgc_strdup(word);
  lx->wc_bits[lx->n_wc] = bits;
  lx->n_wc++;
}

bool dgc_class_is(const dgc_lex *lx, const char *word, dg_word_class bits) {
  int *v = dgc_map_get(&lx->wc_index, word);
  return v && (lx->wc_bits[*v] & bits) != 0;
}

bool dgc_class_is_n(const dgc_lex *lx, const char *word, size_t n, dg_word_class bits) {
  char buf[64];
  if (n >= sizeof buf) return false;
  memcpy(buf, word, n);
  buf[n] = '\0';
  return dgc_class_is(lx, buf, bits);
}

/* word-classes.tsv: word classes [note] */
static bool S_row_class(dgc_lex *lx, char **col, size_t n, const char *src) {
  (void)n;
  dg_word_class bits;
  const char *bad;
  size_t bad_len;
  if (!dg_word_class_parse(col[1], &bits, &bad, &bad_len)) {
    fprintf(stderr, "%s: unknown word class \"%.*s\"\n", src, (int)bad_len, bad);
    return false;
  }
  if (!bits) return false;
  dgc_class_add(lx, col[0], bits);
  return true;
}

/* closed-class.tsv: the conjunction classes its part of speech states */
static bool S_row_closed_class(dgc_lex *lx, char **col, size_t n, const char *src) {
  (void)n;
  (void)src;
  if (strcmp(col[2], "CCONJ") == 0) dgc_class_add(lx, col[0], DG_WC_CCONJ);
  else if (strcmp(col[2], "SCONJ") == 0) dgc_class_add(lx, col[0], DG_WC_SCONJ);
  return true;
}

/* ding-labels.tsv: label register [penalty] [note] */
static bool S_row_label(dgc_lex *lx, char **col, size_t n, const char *src) {
  (void)src;
  if (strcmp(col[1], "yes") == 0) dgc_class_add(lx, col[0], DG_WC_REGISTER_LABEL);
  else if (strcmp(col[1], "no") != 0) return false;
  if (n < 3 || !col[2][0]) return true; /* the default penalty */
  char *end;
  float pen = strtof(col[2], &end);
  if (*end || pen < 0) return false;
  bool fresh;
  dgc_map_put(&lx->label_pen, col[0], (int)lx->n_labels, &fresh);
  if (!fresh) return false;
  lx->label_pens = dg_xrealloc(lx->label_pens, (lx->n_labels + 1) * sizeof *lx->label_pens);
  lx->label_pens[lx->n_labels++] = pen;
  return true;
}

bool dgc_read_classes(dgc_lex *lx, const char *dir) {
  return dgc_read_tsv(lx, dir, "word-classes.tsv", "word", 2, S_row_class) &&
         dgc_read_tsv(lx, dir, "closed-class.tsv", "form", 4, S_row_closed_class) &&
         dgc_read_tsv(lx, dir, "ding-labels.tsv", "label", 2, S_row_label);
}

void dgc_classes_free(dgc_lex *lx) {
  free(lx->wc_words);
  free(lx->wc_bits);
  dgc_map_free(&lx->wc_index);
  dgc_map_free(&lx->label_pen);
  free(lx->label_pens);
}

float dgc_domain_penalty(const dgc_lex *lx, const char *domains) {
  float sum = 0;
  const char *p = domains;
  char label[128];
  while (*p) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    float pen = 0.4f; /* any other annotation: slightly special */
    if (n < sizeof label) {
      memcpy(label, p, n);
      label[n] = '\0';
      int *v = dgc_map_get(&lx->label_pen, label);
      if (v) pen = lx->label_pens[*v];
    }
    if (n >= 6 && strncmp(p, "in ", 3) == 0) pen = 0.5f; /* [in compounds] ... */
    sum += pen;
    p += n;
    if (*p == ';') p++;
  }
  return sum > 6 ? 6 : sum;
}
