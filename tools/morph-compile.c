/* morph-compile: compiles dictionaries/morph/paradigms.txt (paradigm classes,
 * lemmas, frequency ranks; see tools/convert-german-pos-dict.py) and
 * dictionaries/morph/closed.tsv (closed-class words with explicit features)
 * into the mapped file degloss.morph (layout in src/morph_data.h).
 *
 *   morph-compile PARADIGMS.txt CLOSED.tsv OUT.morph
 *
 * Bad lines are reported with file and line and make the run fail.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapfile.h"
#include "morph_data.h"
#include "morph_text.h"
#include "util.h"

typedef struct {
  uint32_t lemma, feats, leipzig;
  uint8_t flags, pos;
  uint64_t cells;
} S_anal;

typedef struct {
  uint32_t form, rank;
  S_anal *an;
  size_t nan, capan;
} S_key;

typedef struct {
  int cell;
  int mark;          /* 0, 'G' or 'Z' */
  int strip;         /* code points removed from the end */
  char *suffix;
} S_rule;

typedef struct {
  int pos;           /* 'N', 'A', 'V' */
  S_rule *rules;
  size_t n;
} S_class;

static dg_buf S_str;                 /* string pool */
static S_key *S_keys;
static size_t S_nkeys, S_capkeys;
static uint32_t *S_ktab;             /* key hash (power-of-two size) */
static size_t S_kslots;
static dg_morph_lemma *S_lemmas;
static size_t S_nlemmas, S_caplemmas;
static S_class *S_classes;
static size_t S_nclasses;
static const char *S_file;
static long S_line;
static int S_errors;

static void S_bad(const char *msg) {
  fprintf(stderr, "morph-compile: %s:%ld: %s\n", S_file, S_line, msg);
  S_errors++;
}

static uint32_t S_intern(const char *s) {
  uint32_t off = (uint32_t)S_str.len;
  dg_buf_put(&S_str, s, strlen(s) + 1);
  return off;
}

static void S_grow_table(void) {
  size_t n = S_kslots ? S_kslots * 2 : 1u << 20;
  uint32_t *t = dg_xmalloc(n * sizeof *t);
  memset(t, 0xff, n * sizeof *t);
  for (size_t i = 0; i < S_nkeys; i++) {
    const char *s = S_str.data + S_keys[i].form;
    size_t j = (size_t)dg_hash64(s, strlen(s), 0) & (n - 1);
    while (t[j] != UINT32_MAX) j = (j + 1) & (n - 1);
    t[j] = (uint32_t)i;
  }
  free(S_ktab);
  S_ktab = t;
  S_kslots = n;
}

/* The key of `form`, lower-cased; created when missing. */
static S_key *S_key_of(const char *form) {
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, form, strlen(form));
  if ((S_nkeys + 1) * 2 > S_kslots) S_grow_table();
  size_t j = (size_t)dg_hash64(low.data, low.len, 0) & (S_kslots - 1);
  while (S_ktab[j] != UINT32_MAX) {
    S_key *k = &S_keys[S_ktab[j]];
    if (strcmp(S_str.data + k->form, low.data) == 0) {
      dg_buf_free(&low);
      return k;
    }
    j = (j + 1) & (S_kslots - 1);
  }
  if (S_nkeys == S_capkeys) {
    S_capkeys = S_capkeys ? S_capkeys * 2 : 1 << 16;
    S_keys = dg_xrealloc(S_keys, S_capkeys * sizeof *S_keys);
  }
  S_key *k = &S_keys[S_nkeys];
  memset(k, 0, sizeof *k);
  k->form = S_intern(low.data);
  S_ktab[j] = (uint32_t)S_nkeys++;
  dg_buf_free(&low);
  return k;
}

static void S_add(const char *form, uint32_t lemma, uint8_t flags, uint8_t pos, uint32_t feats,
                  uint32_t leipzig, uint64_t cells) {
  S_key *k = S_key_of(form);
  for (size_t i = 0; i < k->nan; i++) {
    S_anal *a = &k->an[i];
    if (a->lemma == lemma && a->flags == flags && a->pos == pos && a->feats == feats &&
        a->leipzig == leipzig) {
      a->cells |= cells;
      return;
    }
  }
  if (k->nan == k->capan) {
    k->capan = k->capan ? k->capan * 2 : 2;
    k->an = dg_xrealloc(k->an, k->capan * sizeof *k->an);
  }
  k->an[k->nan++] = (S_anal){lemma, feats, leipzig, flags, pos, cells};
}

static uint32_t S_new_lemma(const char *s, int pos, int gender, int particle) {
  if (S_nlemmas == S_caplemmas) {
    S_caplemmas = S_caplemmas ? S_caplemmas * 2 : 1 << 16;
    S_lemmas = dg_xrealloc(S_lemmas, S_caplemmas * sizeof *S_lemmas);
  }
  dg_morph_lemma *l = &S_lemmas[S_nlemmas];
  memset(l, 0, sizeof *l);
  l->str = S_intern(s);
  l->pos = (uint8_t)pos;
  l->gender = (uint8_t)gender;
  l->particle = (uint8_t)particle;
  return (uint32_t)S_nlemmas++;
}

static int S_split(char *line, char **f, int max) {
  int n = 0;
  char *p = line;
  while (n < max) {
    f[n++] = p;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = '\0';
    p = t + 1;
  }
  return n;
}

static int S_cell_code(int pos, const char *c) {
  static const char *const cases[4] = {"NOM", "ACC", "DAT", "GEN"};
  static const char *const pn[6] = {"1SG", "2SG", "3SG", "1PL", "2PL", "3PL"};
  if (pos == 'V') {
    static const struct { const char *name; int base; } tm[] = {
        {"PRS.", DG_VC_PRS}, {"PST.", DG_VC_PST}, {"SBJV1.", DG_VC_SBJV1}, {"SBJV2.", DG_VC_SBJV2}};
    if (!strcmp(c, "INF")) return DG_VC_INF;
    if (!strcmp(c, "ZUINF")) return DG_VC_ZUINF;
    if (!strcmp(c, "PTCP1")) return DG_VC_PTCP1;
    if (!strcmp(c, "PTCP2")) return DG_VC_PTCP2;
    if (!strcmp(c, "IMP.SG")) return DG_VC_IMP_SG;
    if (!strcmp(c, "IMP.PL")) return DG_VC_IMP_PL;
    for (size_t i = 0; i < DG_ARRAY_LEN(tm); i++) {
      size_t l = strlen(tm[i].name);
      if (!strncmp(c, tm[i].name, l))
        for (int j = 0; j < 6; j++)
          if (!strcmp(c + l, pn[j])) return tm[i].base + j;
    }
    return -1;
  }
  for (int ci = 0; ci < 4; ci++) {
    size_t l = strlen(cases[ci]);
    if (strncmp(c, cases[ci], l) || c[l] != '.') continue;
    const char *r = c + l + 1;
    if (pos == 'N') {
      if (!strcmp(r, "SG")) return ci * 2;
      if (!strcmp(r, "PL")) return ci * 2 + 1;
      return -1;
    }
    static const char decl[3] = {'W', 'M', 'S'};
    static const char gen[4] = {'M', 'F', 'N', 'P'};
    for (int d = 0; d < 3; d++)
      for (int g = 0; g < 4; g++)
        if (r[0] == decl[d] && r[1] == '.' && r[2] == gen[g] && r[3] == '\0') return ci * 12 + d * 4 + g;
  }
  return -1;
}

static void S_parse_class(char **f, int n) {
  if (n != 4 || strlen(f[2]) != 1 || !strchr("NAV", f[2][0])) {
    S_bad("bad class line");
    return;
  }
  size_t id = strtoul(f[1], NULL, 10);
  if (id != S_nclasses) {
    S_bad("classes must be numbered 0, 1, 2, ...");
    return;
  }
  S_classes = dg_xrealloc(S_classes, (S_nclasses + 1) * sizeof *S_classes);
  S_class *c = &S_classes[S_nclasses++];
  memset(c, 0, sizeof *c);
  c->pos = f[2][0];
  char *save = NULL;
  for (char *tok = strtok_r(f[3], " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    char *eq = strchr(tok, '=');
    char *sl = eq ? strchr(eq, '/') : NULL;
    if (!eq || !sl) {
      S_bad("bad rule");
      continue;
    }
    *eq = '\0';
    S_rule r = {0};
    r.cell = S_cell_code(c->pos, tok);
    if (r.cell < 0) {
      S_bad("unknown cell");
      continue;
    }
    const char *p = eq + 1;
    if (*p == 'G' || *p == 'Z') r.mark = *p++;
    r.strip = atoi(p);
    r.suffix = dg_xstrdup(sl + 1);
    c->rules = dg_xrealloc(c->rules, (c->n + 1) * sizeof *c->rules);
    c->rules[c->n++] = r;
  }
}

/* Byte offset of code point `cp` in s. */
static size_t S_cp_off(const char *s, size_t n, size_t cp) {
  size_t i = 0;
  while (cp-- > 0 && i < n) {
    int32_t c;
    i += dg_utf8_next(s + i, n - i, &c);
  }
  return i;
}

static void S_parse_lemma(char **f, int n) {
  if (n != 6) {
    S_bad("bad lemma line");
    return;
  }
  const char *lemma = f[1];
  int pos = f[2][0];
  size_t cid = strtoul(f[4], NULL, 10);
  if (cid >= S_nclasses || S_classes[cid].pos != pos) {
    S_bad("unknown class");
    return;
  }
  int gender = f[3][0] == 'M' ? DG_GENDER_MASC : f[3][0] == 'F' ? DG_GENDER_FEM
             : f[3][0] == 'N' ? DG_GENDER_NEUT : DG_GENDER_NONE;
  size_t len = strlen(lemma);
  size_t pcp = strtoul(f[5], NULL, 10);
  size_t pbytes = S_cp_off(lemma, len, pcp);
  size_t ncp = dg_utf8_length(lemma, len);
  int upos = pos == 'N' ? DG_POS_NOUN : pos == 'A' ? DG_POS_ADJ : DG_POS_VERB;
  uint32_t li = S_new_lemma(lemma, upos, gender, (int)pbytes);
  const S_class *c = &S_classes[cid];
  dg_buf form;
  dg_buf_init(&form);
  for (size_t i = 0; i < c->n; i++) {
    const S_rule *r = &c->rules[i];
    if ((size_t)r->strip > ncp) continue;
    size_t keep = S_cp_off(lemma, len, ncp - (size_t)r->strip);
    dg_buf_clear(&form);
    if (r->mark) {
      if (keep < pbytes) continue;
      dg_buf_put(&form, lemma, pbytes);
      dg_buf_puts(&form, r->mark == 'G' ? "ge" : "zu");
      dg_buf_put(&form, lemma + pbytes, keep - pbytes);
    } else {
      dg_buf_put(&form, lemma, keep);
    }
    dg_buf_puts(&form, r->suffix);
    S_add(form.data, li, pbytes ? DG_AF_JOINED : 0, (uint8_t)upos, 0, 0, 1ULL << r->cell);
  }
  if (pos == 'A') S_add(lemma, li, 0, DG_POS_ADJ, 0, 0, 1ULL << DG_CELL_ADJ_PRED);
  /* The lemma itself is always a form of its lemma (der Beamte: the data
   * lists only "Beamter" as nominative singular). */
  S_key *self = S_key_of(lemma);
  bool has = false;
  for (size_t i = 0; i < self->nan; i++) has |= self->an[i].lemma == li;
  if (!has)
    S_add(lemma, li, pbytes ? DG_AF_JOINED : 0, (uint8_t)upos, 0, 0,
          pos == 'N' ? 1ULL : pos == 'V' ? 1ULL << DG_VC_INF : 1ULL << DG_CELL_ADJ_PRED);
  dg_buf_free(&form);
}

static void S_read_paradigms(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: %s: %s\n", path, err.text);
    exit(1);
  }
  S_file = path;
  S_line = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    S_line++;
    if (line[0] == '#' || line[0] == '\0') continue;
    char *f[8];
    int n = S_split(line, f, 8);
    if (!strcmp(f[0], "C")) S_parse_class(f, n);
    else if (!strcmp(f[0], "L")) S_parse_lemma(f, n);
    else if (!strcmp(f[0], "F") && n == 3) S_key_of(f[1])->rank = (uint32_t)strtoul(f[2], NULL, 10);
    else S_bad("unknown line");
  }
  free(text);
}

/* closed.tsv: FORM LEMMA UPOS FEATS LEIPZIG ('-' for empty). */
static void S_read_closed(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: %s: %s\n", path, err.text);
    exit(1);
  }
  S_file = path;
  S_line = 0;
  char *p = text;
  while (*p) {
    char *nl = strchr(p, '\n');
    if (nl) *nl = '\0';
    S_line++;
    if (p[0] != '#' && p[0] != '\0') {
      char *f[6];
      int n = S_split(p, f, 6);
      int pos = n == 5 ? dg_pos_code(f[2]) : DG_POS_X;
      if (n != 5 || pos == DG_POS_X) {
        S_bad("expected FORM LEMMA UPOS FEATS LEIPZIG");
      } else {
        uint32_t li = UINT32_MAX;
        for (size_t i = S_nlemmas; i-- > 0;)
          if (S_lemmas[i].pos == pos && !strcmp(S_str.data + S_lemmas[i].str, f[1])) {
            li = (uint32_t)i;
            break;
          }
        if (li == UINT32_MAX) li = S_new_lemma(f[1], pos, DG_GENDER_NONE, 0);
        uint32_t fe = strcmp(f[3], "-") ? S_intern(f[3]) : 0;
        uint32_t lz = strcmp(f[4], "-") ? S_intern(f[4]) : 0;
        S_add(f[0], li, DG_AF_CLOSED, (uint8_t)pos, fe, lz, 0);
      }
    }
    if (!nl) break;
    p = nl + 1;
  }
  free(text);
}

static size_t S_align(dg_buf *b) {
  while (b->len % 8) dg_buf_putc(b, '\0');
  return b->len;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: morph-compile PARADIGMS.txt CLOSED.tsv OUT.morph\n");
    return 2;
  }
  dg_buf_init(&S_str);
  dg_buf_putc(&S_str, '\0');
  S_grow_table();
  S_read_closed(argv[2]);
  S_read_paradigms(argv[1]);
  if (S_errors) return 1;
  for (size_t i = 0; i < S_nlemmas; i++) {
    const char *s = S_str.data + S_lemmas[i].str;
    S_lemmas[i].rank = S_key_of(s)->rank;
  }
  size_t nslots = 1;
  while (nslots < S_nkeys * 2) nslots <<= 1;
  size_t nanal = 0;
  for (size_t i = 0; i < S_nkeys; i++) nanal += S_keys[i].nan;

  dg_buf out;
  dg_buf_init(&out);
  dg_morph_header h = {0};
  dg_buf_put(&out, &h, sizeof h);
  h.nkeys = (uint32_t)S_nkeys;
  h.nslots = (uint32_t)nslots;
  h.nanal = (uint32_t)nanal;
  h.nlemmas = (uint32_t)S_nlemmas;
  h.nstr = S_str.len;
  h.off_keys = S_align(&out);
  uint32_t first = 0;
  for (size_t i = 0; i < S_nkeys; i++) {
    dg_morph_key k = {S_keys[i].form, S_keys[i].rank, first, (uint32_t)S_keys[i].nan};
    first += (uint32_t)S_keys[i].nan;
    dg_buf_put(&out, &k, sizeof k);
  }
  h.off_table = S_align(&out);
  uint32_t *t = dg_xmalloc(nslots * sizeof *t);
  memset(t, 0xff, nslots * sizeof *t);
  for (size_t i = 0; i < S_nkeys; i++) {
    const char *s = S_str.data + S_keys[i].form;
    size_t j = (size_t)dg_hash64(s, strlen(s), 0) & (nslots - 1);
    while (t[j] != UINT32_MAX) j = (j + 1) & (nslots - 1);
    t[j] = (uint32_t)i;
  }
  dg_buf_put(&out, t, nslots * sizeof *t);
  free(t);
  h.off_anal = S_align(&out);
  for (size_t i = 0; i < S_nkeys; i++)
    for (size_t j = 0; j < S_keys[i].nan; j++) {
      const S_anal *a = &S_keys[i].an[j];
      dg_morph_anal r = {a->lemma, a->feats, a->leipzig, a->flags, a->pos, {0, 0}, a->cells};
      dg_buf_put(&out, &r, sizeof r);
    }
  h.off_lemmas = S_align(&out);
  dg_buf_put(&out, S_lemmas, S_nlemmas * sizeof *S_lemmas);
  h.off_str = S_align(&out);
  dg_buf_put(&out, S_str.data, S_str.len);
  S_align(&out);
  memcpy(out.data, &h, sizeof h);
  degloss_error err = {0};
  if (!dg_mapfile_write(argv[3], DG_MORPH_KIND, DG_MORPH_VERSION, out.data, out.len, &err)) {
    fprintf(stderr, "morph-compile: %s: %s\n", argv[3], err.text);
    return 1;
  }
  printf("morph-compile: %zu forms, %zu analyses, %zu lemmas, %zu bytes\n", S_nkeys, nanal,
         S_nlemmas, out.len);
  for (size_t i = 0; i < S_nkeys; i++) free(S_keys[i].an);
  for (size_t i = 0; i < S_nclasses; i++) {
    for (size_t j = 0; j < S_classes[i].n; j++) free(S_classes[i].rules[j].suffix);
    free(S_classes[i].rules);
  }
  free(S_classes);
  free(S_keys);
  free(S_ktab);
  free(S_lemmas);
  dg_buf_free(&S_str);
  dg_buf_free(&out);
  return 0;
}
