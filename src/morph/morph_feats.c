/* Paradigm cells -> UD FEATS and Leipzig labels.
 * SPDX-License-Identifier: GPL-3.0-or-later */
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

void dg_feats_noun(uint64_t cells, int gender, dg_buf *feats, dg_buf *leipzig) {
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

void dg_feats_adj(uint64_t cells, dg_buf *feats, dg_buf *leipzig) {
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

void dg_feats_verb(int cell, dg_buf *feats, dg_buf *leipzig) {
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
