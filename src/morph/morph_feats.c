/* Paradigm cells -> UD FEATS and Leipzig labels.  The strings of a cell
 * set are written once per handle and kept interned: a new word's readings
 * ask for the same few hundred cell sets over and over.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "morph_internal.h"

static const char *const S_case_ud[4] = {"Nom", "Acc", "Dat", "Gen"};
static const char *const S_case_lz[4] = {"NOM", "ACC", "DAT", "GEN"};
/* UD wants feature values sorted: Acc, Dat, Gen, Nom. */
static const int S_case_order[4] = {1, 2, 3, 0};

static void S_cases(dg_buf *feats, unsigned mask) {
  bool first = true;
  dg_buf_puts(feats, "Case=");
  for (int k = 0; k < 4; k++) {
    int c = S_case_order[k];
    if (!(mask & (1u << c))) continue;
    if (!first) dg_buf_putc(feats, ',');
    dg_buf_puts(feats, S_case_ud[c]);
    first = false;
  }
}

static int S_single(unsigned mask) {
  for (int c = 0; c < 8; c++)
    if (mask == (1u << c)) return c;
  return -1;
}

static void S_noun(uint64_t cells, int gender, dg_buf *feats, dg_buf *leipzig) {
  dg_buf_clear(feats);
  dg_buf_clear(leipzig);
  unsigned cases = 0, sg = 0, pl = 0;
  for (int c = 0; c < 4; c++) {
    if (cells & (1ULL << (c * 2))) { cases |= 1u << c; sg = 1; }
    if (cells & (1ULL << (c * 2 + 1))) { cases |= 1u << c; pl = 1; }
  }
  if (cases) {
    S_cases(feats, cases);
    dg_buf_putc(feats, '|');
  }
  static const char *const g[] = {NULL, "Masc", "Fem", "Neut"};
  if (gender > 0 && gender < 4) dg_buf_printf(feats, "Gender=%s|", g[gender]);
  dg_buf_printf(feats, "Number=%s", sg && pl ? "Plur,Sing" : pl ? "Plur" : "Sing");
  int one = S_single(cases);
  if (one >= 0) dg_buf_printf(leipzig, "%s.", S_case_lz[one]);
  dg_buf_puts(leipzig, sg && pl ? "SG/PL" : pl ? "PL" : "SG");
}

static void S_adj(uint64_t cells, dg_buf *feats, dg_buf *leipzig) {
  dg_buf_clear(feats);
  dg_buf_clear(leipzig);
  unsigned cases = 0, genders = 0;
  bool sg = false, pl = false;
  for (int c = 0; c < 4; c++)
    for (int d = 0; d < 3; d++)
      for (int g = 0; g < 4; g++)
        if (cells & (1ULL << (c * 12 + d * 4 + g))) {
          cases |= 1u << c;
          if (g == 3) pl = true;
          else { sg = true; genders |= 1u << g; }
        }
  const char *degree = (cells & (1ULL << DG_CELL_SUP)) ? "Sup"
                     : (cells & (1ULL << DG_CELL_CMP)) ? "Cmp" : "Pos";
  if (cases) {
    S_cases(feats, cases);
    dg_buf_putc(feats, '|');
  }
  dg_buf_printf(feats, "Degree=%s", degree);
  if (cases && sg && !pl) {
    static const char *const gn[3] = {"Masc", "Fem", "Neut"};
    static const int order[3] = {1, 0, 2}; /* Fem, Masc, Neut */
    bool first = true;
    dg_buf_puts(feats, "|Gender=");
    for (int k = 0; k < 3; k++)
      if (genders & (1u << order[k])) {
        if (!first) dg_buf_putc(feats, ',');
        dg_buf_puts(feats, gn[order[k]]);
        first = false;
      }
  }
  if (cases) dg_buf_printf(feats, "|Number=%s", sg && pl ? "Plur,Sing" : pl ? "Plur" : "Sing");
  if (degree[0] == 'C') dg_buf_puts(leipzig, "CMPR");
  else if (degree[0] == 'S') dg_buf_puts(leipzig, "SUPL");
}

static void S_verb(int cell, dg_buf *feats, dg_buf *leipzig) {
  dg_buf_clear(feats);
  dg_buf_clear(leipzig);
  static const char *const pn_lz[6] = {"1SG", "2SG", "3SG", "1PL", "2PL", "3PL"};
  switch (cell) {
  case DG_VC_INF:
    dg_buf_puts(feats, "VerbForm=Inf");
    dg_buf_puts(leipzig, "INF");
    return;
  case DG_VC_ZUINF:
    dg_buf_puts(feats, "VerbForm=Inf");
    dg_buf_puts(leipzig, "zu-INF");
    return;
  case DG_VC_PTCP1:
    dg_buf_puts(feats, "Tense=Pres|VerbForm=Part");
    dg_buf_puts(leipzig, "PTCP.PRS");
    return;
  case DG_VC_PTCP2:
    dg_buf_puts(feats, "VerbForm=Part");
    dg_buf_puts(leipzig, "PTCP");
    return;
  case DG_VC_IMP_SG:
  case DG_VC_IMP_PL:
    dg_buf_printf(feats, "Mood=Imp|Number=%s|Person=2|VerbForm=Fin",
                  cell == DG_VC_IMP_SG ? "Sing" : "Plur");
    dg_buf_puts(leipzig, cell == DG_VC_IMP_SG ? "IMP.SG" : "IMP.PL");
    return;
  default:
    break;
  }
  if (cell < DG_VC_PRS || cell >= DG_VC_IMP_SG) return;
  int tm = (cell - DG_VC_PRS) / 6, pn = (cell - DG_VC_PRS) % 6;
  static const char *const mood[4] = {"Ind", "Ind", "Sub", "Sub"};
  static const char *const tense[4] = {"Pres", "Past", "Pres", "Past"};
  static const char *const tm_lz[4] = {"PRS", "PST", "SBJV1", "SBJV2"};
  dg_buf_printf(feats, "Mood=%s|Number=%s|Person=%d|Tense=%s|VerbForm=Fin", mood[tm],
                pn < 3 ? "Sing" : "Plur", pn % 3 + 1, tense[tm]);
  dg_buf_printf(leipzig, "%s.%s", tm_lz[tm], pn_lz[pn]);
}

/* ---- the interned strings of a cell set, per handle ---- */

enum { S_NOUN = 1, S_ADJ, S_VERB };

/* The key of a cell set: its kind in the top bits (never 0), the gender
 * below them, the cells (at most 51 bits) at the bottom. */
static uint64_t S_key(int kind, int gender, uint64_t cells) {
  return (uint64_t)kind << 60 | (uint64_t)(gender & 0xF) << 52 | (cells & ((1ULL << 52) - 1));
}

static dg_feats_slot *S_slot(dg_feats_cache *c, uint64_t key) {
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & (c->slots - 1);
  while (c->t[i].key && c->t[i].key != key) i = (i + 1) & (c->slots - 1);
  return &c->t[i];
}

static void S_grow(dg_feats_cache *c) {
  dg_feats_cache n = {dg_xcalloc(c->slots ? c->slots * 2 : 256, sizeof *n.t), c->slots ? c->slots * 2 : 256, c->n};
  for (size_t i = 0; i < c->slots; i++)
    if (c->t[i].key) *S_slot(&n, c->t[i].key) = c->t[i];
  free(c->t);
  *c = n;
}

static void S_get(dg_morph *m, int kind, int gender, uint64_t cells, const char **feats,
                  const char **leipzig) {
  dg_feats_cache *c = &m->feats;
  uint64_t key = S_key(kind, gender, cells);
  dg_feats_slot *s = c->slots ? S_slot(c, key) : NULL;
  if (!s || !s->key) {
    dg_buf f, l;
    dg_buf_init(&f);
    dg_buf_init(&l);
    if (kind == S_NOUN) S_noun(cells, gender, &f, &l);
    else if (kind == S_ADJ) S_adj(cells, &f, &l);
    else S_verb((int)cells, &f, &l);
    if ((c->n + 1) * 2 > c->slots) S_grow(c);
    s = S_slot(c, key);
    s->key = key;
    s->feats = dg_morph_intern(m, f.data ? f.data : "", f.len);
    s->leipzig = dg_morph_intern(m, l.data ? l.data : "", l.len);
    c->n++;
    dg_buf_free(&f);
    dg_buf_free(&l);
  }
  *feats = s->feats;
  *leipzig = s->leipzig;
}

void dg_feats_noun(dg_morph *m, uint64_t cells, int gender, const char **feats, const char **leipzig) {
  S_get(m, S_NOUN, gender, cells, feats, leipzig);
}

void dg_feats_adj(dg_morph *m, uint64_t cells, const char **feats, const char **leipzig) {
  S_get(m, S_ADJ, 0, cells, feats, leipzig);
}

void dg_feats_verb(dg_morph *m, int cell, const char **feats, const char **leipzig) {
  S_get(m, S_VERB, 0, (uint64_t)cell, feats, leipzig);
}

void dg_feats_cache_free(dg_feats_cache *c) {
  free(c->t);
  memset(c, 0, sizeof *c);
}
