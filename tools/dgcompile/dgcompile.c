/* dgcompile: compiles Ding and the curated dictionaries into degloss.lex.
 *
 *   dgcompile --ding FILE --dict DIR --out FILE
 *             [--parallel DE EN MAXLINES]... [--data-only] [--explain LEMMA]...
 *
 * Reads the Ding dictionary (trans-de-en), the curated TSV files of
 * dictionaries/ (word-classes.tsv, ding-labels.tsv, english-irregular.tsv,
 * closed-class.tsv, names.tsv, abbreviations.tsv, first-parts.tsv,
 * preferred.tsv, loanwords.tsv, en-freq.tsv, de-freq.tsv), optionally aligned parallel text for sense
 * evidence (only the first MAXLINES lines are read), ranks the senses and
 * writes one mapped file (src/lexicon/lexicon_format.h) under the dg_mapfile header.
 * --data-only ranks without the curated boosts (for measuring the ranking);
 * --naive keeps Ding's own sense order (the baseline of bench/);
 * --explain prints the ranking features of a lemma's senses.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dgc.h"
#include "lexicon.h"
#include "lexicon_format.h"
#include "mapfile.h"
#include "util.h"

/* ---- curated TSV files ---- */

static bool S_valid_pos(const char *pos) {
  static const char *const tags[] = {"NOUN", "VERB", "ADJ", "ADV", "ADP", "DET", "PRON",
                                     "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PROPN", "INTJ",
                                     "X", NULL};
  for (int i = 0; tags[i]; i++)
    if (strcmp(pos, tags[i]) == 0) return true;
  return false;
}

static void S_curated(dgc_lex *lx, const char *lemma, const char *pos, const char *gloss,
                      const char *gender, const char *labels, const char *src, int flags) {
  bool fresh;
  dgc_sense *s = dgc_sense_get(lx, lemma, pos, gloss, &fresh);
  if (fresh || !(s->flags & (DGC_CURATED | DGC_CLOSED))) {
    s->source = dgc_strdup(src);
    if (gender[0]) s->gender = dgc_strdup(gender);
    if (labels[0]) s->labels = dgc_strdup(labels);
  }
  s->flags |= flags;
  if (fresh) {
    s->sub = 0;
    s->jde = s->ken = 0;
    s->nlines = 0;
  }
}

static dgc_map S_closed_seen;
/* closed-class.tsv: form lemma pos gloss labels */
static bool S_row_closed(dgc_lex *lx, char **col, size_t n, const char *src) {
  if (!S_valid_pos(col[2])) return false;
  DGC_GROW(lx->closed, lx->n_closed, lx->cap_closed);
  dgc_sense *c = &lx->closed[lx->n_closed++];
  memset(c, 0, sizeof *c);
  c->lemma = dgc_strdup(col[1]);
  c->pos = dgc_strdup(col[2]);
  c->gloss = dgc_strdup(col[3]);
  c->labels = dgc_strdup(n > 4 ? col[4] : "");
  c->gender = "";
  c->domains = "";
  c->source = dgc_strdup(src);
  c->form = dgc_strdup(col[0]);
  if (strcmp(col[0], col[1]) == 0) {
    /* the lemma's closed-class senses rank in file order */
    bool fresh;
    int *k = dgc_map_put(&S_closed_seen, col[1], 0, &fresh);
    bool had;
    dgc_sense *s = dgc_sense_get(lx, col[1], col[2], col[3], &had);
    if (had || !(s->flags & DGC_CLOSED)) s->closed_rank = (*k)++;
    S_curated(lx, col[1], col[2], col[3], "", "", src, DGC_CLOSED);
  }
  else
    dgc_form_add(lx, col[0], col[1]);
  return true;
}

/* names.tsv / abbreviations.tsv: lemma pos gloss [gender] [note] */
static bool S_row_name(dgc_lex *lx, char **col, size_t n, const char *src) {
  if (!S_valid_pos(col[1])) return false;
  const char *gender = n > 3 && (strcmp(col[3], "m") == 0 || strcmp(col[3], "f") == 0 ||
                                 strcmp(col[3], "n") == 0 || strcmp(col[3], "pl") == 0)
                           ? col[3]
                           : "";
  S_curated(lx, col[0], col[1], col[2], gender, "", src, DGC_CURATED);
  /* names.tsv: the note of month and weekday names is their class */
  if (n > 4 && strncmp(col[4], "month", 5) == 0 && (col[4][5] == '\0' || col[4][5] == ' '))
    dgc_class_add(lx, col[0], DG_WC_MONTH);
  else if (n > 4 && strcmp(col[4], "weekday") == 0)
    dgc_class_add(lx, col[0], DG_WC_WEEKDAY);
  return true;
}

/* first-parts.tsv: lemma pos gloss gender note class; class "confix" marks
 * a bound first part (the compound splitter's confixes, in lower case) */
static bool S_row_first_part(dgc_lex *lx, char **col, size_t n, const char *src) {
  if (!S_row_name(lx, col, n, src)) return false;
  if (n > 5 && col[5][0]) {
    if (strcmp(col[5], "confix") != 0) return false;
    char *low = dg_lexicon_fold(col[0]);
    dgc_class_add(lx, low, DG_WC_CONFIX);
    free(low);
  }
  return true;
}

/* english-irregular.tsv: base past participle [note] */
static bool S_row_en_irregular(dgc_lex *lx, char **col, size_t n, const char *src) {
  (void)n;
  (void)src;
  lx->en_extra = dg_xrealloc(lx->en_extra, (lx->n_en_extra + 1) * sizeof *lx->en_extra);
  lx->en_extra[lx->n_en_extra++] =
      (dgc_en_verb){dgc_strdup(col[0]), dgc_strdup(col[1]), dgc_strdup(col[2])};
  return true;
}

static dgc_map S_pref_seen;
/* preferred.tsv: lemma pos gloss note */
static bool S_row_pref(dgc_lex *lx, char **col, size_t n, const char *src) {
  if (!S_valid_pos(col[1])) return false;
  bool fresh;
  dgc_sense *s = dgc_sense_get(lx, col[0], col[1], col[2], &fresh);
  if (fresh) {
    s->source = dgc_strdup(src);
    s->sub = 0;
    s->jde = s->ken = 0;
    /* a new gloss of a known noun keeps the noun's gender */
    if (strcmp(col[1], "NOUN") == 0 && (!s->gender || !*s->gender))
      for (size_t i = 0; i < lx->n_senses; i++) {
        const dgc_sense *o = &lx->senses[i];
        if (o != s && o->gender && *o->gender && strcmp(o->pos, "NOUN") == 0 &&
            strcmp(o->lemma, col[0]) == 0) {
          s->gender = o->gender;
          break;
        }
      }
  }
  /* A reviewed row that names a sense Ding gives only for the reflexive
   * verb ("sich treffen" = meet, "sich verbessern" = improve) makes it the
   * row's: its source is the row, which the engine takes as reviewed, so
   * that it is not put after the others when no "sich" is near.  So does
   * a row naming a sense Ding gives the plain verb and, as its first, the
   * reflexive verb of a line it heads (fühlen = feel, "sich fühlen {vr} ::
   * to feel"): it stays first with "sich" too,
   * before a reflexive sense of another line ("sich befinden; sich fühlen"
   * = be).  (A row naming a sense Ding gives the plain verb only, erinnern
   * = remind, leaves it Ding's: with "sich" the reflexive verb's senses
   * still come first.) */
  if (!fresh && ((s->domains && strcmp(s->domains, "vr") == 0) || (s->flags & DGC_VR_TOO)))
    s->source = dgc_strdup(src);
  /* several preferred glosses of one lemma keep their file order */
  char key[300];
  snprintf(key, sizeof key, "%s\t%s", col[0], col[1]);
  bool first;
  int *cnt = dgc_map_put(&S_pref_seen, key, 0, &first);
  s->pref_rank = (*cnt)++;
  s->flags |= DGC_PREFERRED;
  return true;
}

static bool S_row_freq(dgc_lex *lx, char **col, size_t n, const char *src) {
  bool fresh;
  long c = strtol(col[1], NULL, 10);
  dgc_map_put(&lx->en_freq, col[0], (int)(c > 2000000000L ? 2000000000L : c), &fresh);
  return true;
}

static bool S_row_defreq(dgc_lex *lx, char **col, size_t n, const char *src) {
  (void)n;
  (void)src;
  bool fresh;
  long r = strtol(col[1], NULL, 10);
  if (r < 1) r = 1;
  char *k = dg_lexicon_fold(col[0]);
  int *v = dgc_map_put(&lx->de_freq, k, (int)(r > 1000000L ? 1000000L : r), &fresh);
  if (!fresh && r < *v) *v = (int)r;
  free(k);
  return true;
}

/* ---- output ---- */

typedef struct S_pool {
  dg_buf b;
  dgc_map index;
} S_pool;

static uint32_t S_intern(S_pool *p, const char *s) {
  if (!s || !*s) return 0;
  bool fresh;
  int *v = dgc_map_put(&p->index, s, (int)p->b.len, &fresh);
  if (fresh) dg_buf_put(&p->b, s, strlen(s) + 1);
  return (uint32_t)*v;
}

typedef struct S_keyed {
  char *key; /* folded */
  size_t idx;
  float score;
} S_keyed;

static int S_cmp_keyed(const void *a, const void *b) {
  const S_keyed *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct S_table {
  dg_lex_slot *slots;
  uint32_t size;
} S_table;

static void S_table_init(S_table *t, size_t groups) {
  uint32_t size = 16;
  while (size < groups * 2) size *= 2;
  t->size = size;
  t->slots = dg_xcalloc(size, sizeof *t->slots); /* empty slots are zero: reproducible files */
  for (uint32_t i = 0; i < size; i++) t->slots[i].key = DG_LEX_EMPTY;
}

static void S_table_add(S_table *t, const S_pool *pool, uint32_t key, uint32_t start,
                        uint32_t count) {
  const char *k = pool->b.data + key;
  uint32_t mask = t->size - 1;
  uint64_t h = dg_lex_hash(k, strlen(k));
  uint32_t i = (uint32_t)h & mask;
  while (t->slots[i].key != DG_LEX_EMPTY) i = (i + 1) & mask;
  t->slots[i].key = key;
  t->slots[i].start = start;
  t->slots[i].count = count | dg_lex_slot_tag(h); /* (count <= DG_LEX_COUNT_MASK: S_group) */
}

/* Sort records by folded key (then score) and build the table. Returns
 * the order of record indices (caller frees) and fills the table. */
static S_keyed *S_group(size_t n, const char *(*keyof)(const void *, size_t), const void *arr,
                        float (*scoreof)(const void *, size_t), S_pool *pool, S_table *t,
                        size_t per_group_max, size_t *n_out) {
  /* (a group's count shares its slot's word with the key's tag) */
  if (per_group_max > DG_LEX_COUNT_MASK) per_group_max = DG_LEX_COUNT_MASK;
  S_keyed *k = dg_xmalloc((n ? n : 1) * sizeof *k);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    const char *key = keyof(arr, i);
    if (!key) continue;
    k[m].key = dg_lexicon_fold(key);
    k[m].idx = i;
    k[m].score = scoreof ? scoreof(arr, i) : 0;
    m++;
  }
  qsort(k, m, sizeof *k, S_cmp_keyed);
  /* drop overflow beyond per_group_max */
  size_t w = 0, groups = 0;
  for (size_t i = 0; i < m;) {
    size_t j = i;
    while (j < m && strcmp(k[j].key, k[i].key) == 0) j++;
    for (size_t x = i; x < j; x++) {
      if (x - i < per_group_max) k[w++] = k[x];
      else free(k[x].key);
    }
    groups++;
    i = j;
  }
  S_table_init(t, groups);
  for (size_t i = 0; i < w;) {
    size_t j = i;
    while (j < w && strcmp(k[j].key, k[i].key) == 0) j++;
    S_table_add(t, pool, S_intern(pool, k[i].key), (uint32_t)i, (uint32_t)(j - i));
    i = j;
  }
  *n_out = w;
  return k;
}

static const char *S_sense_key(const void *a, size_t i) { return ((const dgc_sense *)a)[i].lemma; }
static float S_sense_score(const void *a, size_t i) { return ((const dgc_sense *)a)[i].score; }
static const char *S_closed_key(const void *a, size_t i) { return ((const dgc_sense *)a)[i].form; }
static float S_closed_score(const void *a, size_t i) { return -(float)i; }
static const char *S_form_key(const void *a, size_t i) { return ((const dgc_form *)a)[i].form; }
static const char *S_phrase_keyof(const void *a, size_t i) {
  const dgc_phrase *p = &((const dgc_phrase *)a)[i];
  return p->key && p->key[0] ? p->key : NULL;
}
static float S_phrase_score(const void *a, size_t i) { return -(float)i; }
static const char *S_class_key(const void *a, size_t i) { return ((const char *const *)a)[i]; }
static float S_order_score(const void *a, size_t i) { return -(float)i; }
static const char *S_irreg_key(const void *a, size_t i) { return ((const dgc_en_verb *)a)[i].base; }

/* The first alternative of a list of forms ("sank, sunk" -> "sank"), or
 * false when it is no single word of letters. */
static bool S_first_form(const char *s, char *out, size_t cap) {
  while (*s == ' ') s++;
  size_t n = strcspn(s, ",;");
  while (n && s[n - 1] == ' ') n--;
  if (n == 0 || n >= cap) return false;
  for (size_t i = 0; i < n; i++)
    if (!(s[i] >= 'a' && s[i] <= 'z')) return false;
  memcpy(out, s, n);
  out[n] = '\0';
  return true;
}

/* The English irregular verbs: english-irregular.tsv first (it corrects
 * or completes Ding), then Ding's forms ("sank, sunk; sunk"). */
static dgc_en_verb *dgc_en_verbs(const dgc_lex *lx, size_t *n_out) {
  dgc_en_verb *v = dg_xmalloc((lx->n_en_extra + lx->n_irreg + 1) * sizeof *v);
  size_t n = 0;
  dgc_map seen;
  dgc_map_init(&seen);
  bool fresh;
  for (size_t i = 0; i < lx->n_en_extra; i++) {
    dgc_map_put(&seen, lx->en_extra[i].base, 0, &fresh);
    if (fresh) v[n++] = lx->en_extra[i];
  }
  for (size_t i = 0; i < lx->en_irreg.cap; i++) {
    const char *base = lx->en_irreg.keys[i];
    if (!base) continue;
    const char *raw = lx->irreg_raw[lx->en_irreg.vals[i]];
    const char *semi = strchr(raw, ';');
    char past[64], part[64];
    if (!semi || !S_first_form(raw, past, sizeof past) || !S_first_form(semi + 1, part, sizeof part))
      continue;
    dgc_map_put(&seen, base, 0, &fresh);
    if (!fresh) continue;
    v[n++] = (dgc_en_verb){dgc_strdup(base), dgc_strdup(past), dgc_strdup(part)};
  }
  dgc_map_free(&seen);
  *n_out = n;
  return v;
}

static void S_put_sense(dg_buf *out, S_pool *pool, const dgc_sense *s, bool closed) {
  dg_lex_sense r;
  r.lemma = S_intern(pool, s->lemma);
  r.gloss = S_intern(pool, s->gloss);
  r.pos = S_intern(pool, s->pos);
  r.gender = S_intern(pool, s->gender);
  r.domains = S_intern(pool, s->domains);
  r.labels = S_intern(pool, s->labels);
  r.source = S_intern(pool, s->source);
  r.score = s->score;
  dg_buf_put(out, &r, sizeof r);
}

static void S_align(dg_buf *b) {
  while (b->len % 8) dg_buf_putc(b, '\0');
}

static bool S_write(dgc_lex *lx, const char *out_path) {
  S_pool pool;
  dg_buf_init(&pool.b);
  dgc_map_init(&pool.index);
  dg_buf_putc(&pool.b, '\0'); /* offset 0 = "" */
  S_table t[DG_LEX_NTABLES];
  size_t ns, nc, nf, np, nw, ni, n_en;
  dgc_en_verb *en = dgc_en_verbs(lx, &n_en);
  S_keyed *ks = S_group(lx->n_senses, S_sense_key, lx->senses, S_sense_score, &pool,
                        &t[DG_LEX_T_SENSES], 40, &ns);
  S_keyed *kc = S_group(lx->n_closed, S_closed_key, lx->closed, S_closed_score, &pool,
                        &t[DG_LEX_T_CLOSED], 64, &nc);
  S_keyed *kf = S_group(lx->n_forms, S_form_key, lx->forms, NULL, &pool, &t[DG_LEX_T_FORMS], 32,
                        &nf);
  S_keyed *kp = S_group(lx->n_phrases, S_phrase_keyof, lx->phrases, S_phrase_score, &pool,
                        &t[DG_LEX_T_PHRASES], 400, &np);
  S_keyed *kw = S_group(lx->n_wc, S_class_key, lx->wc_words, S_order_score, &pool,
                        &t[DG_LEX_T_CLASSES], 64, &nw);
  S_keyed *ki = S_group(n_en, S_irreg_key, en, S_order_score, &pool, &t[DG_LEX_T_IRREGULAR], 4, &ni);
  dg_buf recs[6];
  for (int i = 0; i < 6; i++) dg_buf_init(&recs[i]);
  for (size_t i = 0; i < nw; i++) {
    dg_word_class b = lx->wc_bits[kw[i].idx];
    dg_lex_class r = {S_intern(&pool, lx->wc_words[kw[i].idx]),
                      {(uint32_t)b, (uint32_t)(b >> 32), (uint32_t)(b >> 64), (uint32_t)(b >> 96)}};
    dg_buf_put(&recs[4], &r, sizeof r);
  }
  for (size_t i = 0; i < ni; i++) {
    const dgc_en_verb *e = &en[ki[i].idx];
    dg_lex_irregular r = {S_intern(&pool, e->base), S_intern(&pool, e->past),
                          S_intern(&pool, e->participle)};
    dg_buf_put(&recs[5], &r, sizeof r);
  }
  for (size_t i = 0; i < ns; i++) S_put_sense(&recs[0], &pool, &lx->senses[ks[i].idx], false);
  for (size_t i = 0; i < nc; i++) S_put_sense(&recs[1], &pool, &lx->closed[kc[i].idx], true);
  for (size_t i = 0; i < nf; i++) {
    dg_lex_form r = {S_intern(&pool, lx->forms[kf[i].idx].form),
                     S_intern(&pool, lx->forms[kf[i].idx].lemma)};
    dg_buf_put(&recs[2], &r, sizeof r);
  }
  for (size_t i = 0; i < np; i++) {
    const dgc_phrase *p = &lx->phrases[kp[i].idx];
    dg_lex_phrase r = {S_intern(&pool, p->german), S_intern(&pool, p->gloss),
                       S_intern(&pool, p->source)};
    dg_buf_put(&recs[3], &r, sizeof r);
  }
  dg_lex_head h;
  memset(&h, 0, sizeof h);
  dg_buf out;
  dg_buf_init(&out);
  dg_buf_put(&out, &h, sizeof h);
  S_align(&out);
  h.strings_off = (uint32_t)out.len;
  h.strings_len = (uint32_t)pool.b.len;
  dg_buf_put(&out, pool.b.data, pool.b.len);
  S_align(&out);
  uint32_t *offs[6] = {&h.senses_off, &h.closed_off,  &h.forms_off,
                       &h.phrases_off, &h.classes_off, &h.irregular_off};
  for (int i = 0; i < 6; i++) {
    *offs[i] = (uint32_t)out.len;
    if (recs[i].len) dg_buf_put(&out, recs[i].data, recs[i].len);
    S_align(&out);
  }
  h.n_senses = (uint32_t)ns;
  h.n_closed = (uint32_t)nc;
  h.n_forms = (uint32_t)nf;
  h.n_phrases = (uint32_t)np;
  h.n_classes = (uint32_t)nw;
  h.n_irregular = (uint32_t)ni;
  for (int i = 0; i < DG_LEX_NTABLES; i++) {
    h.table_off[i] = (uint32_t)out.len;
    h.table_size[i] = t[i].size;
    dg_buf_put(&out, t[i].slots, t[i].size * sizeof *t[i].slots);
    S_align(&out);
    free(t[i].slots);
  }
  memcpy(out.data, &h, sizeof h);
  degloss_error err;
  memset(&err, 0, sizeof err);
  bool ok = out.len < 0xffffffffu &&
            /* the index checked at every open: the head and the hash tables */
            dg_mapfile_write_indexed(out_path, DG_LEX_KIND, DG_LEX_VERSION, out.data, out.len,
                                     (uint32_t)sizeof h, h.table_off[0],
                                     (uint32_t)(out.len - h.table_off[0]), &err);
  if (!ok) fprintf(stderr, "dgcompile: %s: %s\n", out_path, err.text[0] ? err.text : "too big");
  else
    fprintf(stderr,
            "dgcompile: wrote %s: %zu bytes, %zu senses, %zu closed-class readings, %zu forms, "
            "%zu phrases, %zu classed words, %zu irregular English verbs\n",
            out_path, out.len + DG_MAPFILE_HEADER, ns, nc, nf, np, nw, ni);
  S_keyed *all[6] = {ks, kc, kf, kp, kw, ki};
  size_t cnt[6] = {ns, nc, nf, np, nw, ni};
  free(en);
  for (int i = 0; i < 6; i++) {
    for (size_t j = 0; j < cnt[i]; j++) free(all[i][j].key);
    free(all[i]);
    dg_buf_free(&recs[i]);
  }
  dg_buf_free(&out);
  dg_buf_free(&pool.b);
  dgc_map_free(&pool.index);
  return ok;
}

static void S_lex_free(dgc_lex *lx) {
  free(lx->senses);
  free(lx->closed);
  free(lx->forms);
  free(lx->phrases);
  dgc_map_free(&lx->sense_index);
  dgc_map_free(&lx->form_index);
  dgc_map_free(&lx->phrase_index);
  dgc_map_free(&lx->en_freq);
  dgc_map_free(&lx->de_freq);
  dgc_map_free(&lx->en_irreg);
  free(lx->irreg);
  free(lx->irreg_raw);
  free(lx->en_extra);
  dgc_classes_free(lx);
  dgc_map_free(&S_pref_seen);
  dgc_map_free(&S_closed_seen);
}

static void S_usage(void) {
  fprintf(stderr,
          "usage: dgcompile --ding FILE --dict DIR --out FILE [--parallel DE EN MAXLINES]... "
          "[--data-only | --naive] [--explain LEMMA]... [--min-entries N]\n");
}

int main(int argc, char **argv) {
  const char *ding = NULL, *dict = NULL, *out = NULL;
  const char *par[8][2];
  long par_max[8];
  int npar = 0;
  bool data_only = false, naive = false;
  const char *explain[32];
  int nexplain = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--ding") == 0 && i + 1 < argc) ding = argv[++i];
    else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) dict = argv[++i];
    else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(argv[i], "--data-only") == 0) data_only = true;
    else if (strcmp(argv[i], "--naive") == 0) naive = true;
    else if (strcmp(argv[i], "--min-entries") == 0 && i + 1 < argc)
      dgc_min_entries = strtol(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--explain") == 0 && i + 1 < argc && nexplain < 32)
      explain[nexplain++] = argv[++i];
    else if (strcmp(argv[i], "--parallel") == 0 && i + 3 < argc && npar < 8) {
      par[npar][0] = argv[i + 1];
      par[npar][1] = argv[i + 2];
      par_max[npar] = strtol(argv[i + 3], NULL, 10);
      npar++;
      i += 3;
    } else {
      S_usage();
      return 2;
    }
  }
  if (!ding || !dict || !out) {
    S_usage();
    return 2;
  }
  clock_t t0 = clock();
  dgc_lex lx;
  memset(&lx, 0, sizeof lx);
  bool ok = dgc_read_classes(&lx, dict) &&
            dgc_read_tsv(&lx, dict, "english-irregular.tsv", "base", 3, S_row_en_irregular) &&
            dgc_read_tsv(&lx, dict, "en-freq.tsv", "word", 2, S_row_freq) &&
            dgc_read_tsv(&lx, dict, "de-freq.tsv", "word", 2, S_row_defreq) &&
            dgc_read_ding(&lx, ding) &&
            dgc_read_tsv(&lx, dict, "closed-class.tsv", "form", 4, S_row_closed) &&
            dgc_read_tsv(&lx, dict, "names.tsv", "lemma", 3, S_row_name) &&
            dgc_read_tsv(&lx, dict, "abbreviations.tsv", "lemma", 3, S_row_name) &&
            dgc_read_tsv(&lx, dict, "first-parts.tsv", "lemma", 3, S_row_first_part) &&
            dgc_read_tsv(&lx, dict, "preferred.tsv", "lemma", 3, S_row_pref) &&
            dgc_read_tsv(&lx, dict, "loanwords.tsv", "lemma", 3, S_row_pref);
  for (int i = 0; ok && i < npar; i++) ok = dgc_evidence(&lx, par[i][0], par[i][1], par_max[i]);
  if (ok) {
    if (naive) dgc_rank_naive(&lx);
    else dgc_rank(&lx, data_only);
    for (int i = 0; i < nexplain; i++) dgc_explain(&lx, explain[i]);
    ok = S_write(&lx, out);
  }
  fprintf(stderr, "dgcompile: %ld Ding entries, %.2f s CPU\n", lx.ding_lines,
          (double)(clock() - t0) / CLOCKS_PER_SEC);
  S_lex_free(&lx);
  dgc_strings_free();
  return ok ? 0 : 1;
}
