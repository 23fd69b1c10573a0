/* morph-compile: compiles dictionaries/morph/paradigms.txt (paradigm classes,
 * lemmas, frequency ranks; see tools/morph-compile/convert-german-pos-dict.py) and
 * dictionaries/morph/closed.tsv (closed-class words with explicit features)
 * into the mapped file degloss.morph (layout in src/morph/morph_data.h).
 *
 *   morph-compile [--ding DE-EN] --classes WORD-CLASSES.tsv FIRST-PARTS.tsv
 *                 PARADIGMS.txt CLOSED.tsv OUT.morph [HUNSPELL.dic]
 *
 * With a hunspell dictionary (Debian's hunspell-de-de, read at build time,
 * never committed) and with Ding (--ding, the Debian package trans-de-en),
 * the words the paradigm data lacks are added (added_words.c).  This file
 * holds the tables being built (shared through morph_compile.h), the
 * readers of the paradigm and closed-class data and the writer.
 *
 * Bad lines are reported with file and line and make the run fail.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapfile.h"
#include "morph_data.h"
#include "morph_internal.h"
#include "morph_text.h"
#include "util.h"
#include "morph_compile.h"

dg_buf mc_str;                 /* string pool */
mc_key *mc_keys;
size_t mc_nkeys;
static size_t S_capkeys;
uint32_t *mc_ktab;             /* key hash (power-of-two size) */
size_t mc_kslots;
dg_morph_lemma *mc_lemmas;
size_t mc_nlemmas;
static size_t S_caplemmas;
mc_class *mc_classes;
static size_t S_nclasses;
uint32_t *mc_lemma_class;       /* class of each paradigm lemma, UINT32_MAX: none */
static uint32_t *S_ltab;              /* lemma hash: "pos lemma" -> index */
static size_t S_lslots;
const char *mc_file;
long mc_line;
static int S_errors;

static void S_bad(const char *msg) {
  fprintf(stderr, "morph-compile: %s:%ld: %s\n", mc_file, mc_line, msg);
  S_errors++;
}

static uint32_t S_intern(const char *s) {
  uint32_t off = (uint32_t)mc_str.len;
  dg_buf_put(&mc_str, s, strlen(s) + 1);
  return off;
}

static void S_grow_table(void) {
  size_t n = mc_kslots ? mc_kslots * 2 : 1u << 20;
  uint32_t *t = dg_xmalloc(n * sizeof *t);
  memset(t, 0xff, n * sizeof *t);
  for (size_t i = 0; i < mc_nkeys; i++) {
    const char *s = mc_str.data + mc_keys[i].form;
    size_t j = (size_t)dg_hash64(s, strlen(s), 0) & (n - 1);
    while (t[j] != UINT32_MAX) j = (j + 1) & (n - 1);
    t[j] = (uint32_t)i;
  }
  free(mc_ktab);
  mc_ktab = t;
  mc_kslots = n;
}

/* The key of `form`, lower-cased; created when missing. */
mc_key *mc_key_of(const char *form) {
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, form, strlen(form));
  if ((mc_nkeys + 1) * 2 > mc_kslots) S_grow_table();
  size_t j = (size_t)dg_hash64(low.data, low.len, 0) & (mc_kslots - 1);
  while (mc_ktab[j] != UINT32_MAX) {
    mc_key *k = &mc_keys[mc_ktab[j]];
    if (strcmp(mc_str.data + k->form, low.data) == 0) {
      dg_buf_free(&low);
      return k;
    }
    j = (j + 1) & (mc_kslots - 1);
  }
  if (mc_nkeys == S_capkeys) {
    S_capkeys = S_capkeys ? S_capkeys * 2 : 1 << 16;
    mc_keys = dg_xrealloc(mc_keys, S_capkeys * sizeof *mc_keys);
  }
  mc_key *k = &mc_keys[mc_nkeys];
  memset(k, 0, sizeof *k);
  k->form = S_intern(low.data);
  mc_ktab[j] = (uint32_t)mc_nkeys++;
  dg_buf_free(&low);
  return k;
}

void mc_add(const char *form, uint32_t lemma, uint8_t flags, uint8_t pos, uint32_t feats,
                  uint32_t leipzig, uint64_t cells) {
  mc_key *k = mc_key_of(form);
  for (size_t i = 0; i < k->nan; i++) {
    mc_anal *a = &k->an[i];
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
  k->an[k->nan++] = (mc_anal){lemma, feats, leipzig, flags, pos, cells};
}

static void S_lemma_index_add(uint32_t li);

uint32_t mc_new_lemma(const char *s, int pos, int gender, int particle) {
  if (mc_nlemmas == S_caplemmas) {
    S_caplemmas = S_caplemmas ? S_caplemmas * 2 : 1 << 16;
    mc_lemmas = dg_xrealloc(mc_lemmas, S_caplemmas * sizeof *mc_lemmas);
  }
  dg_morph_lemma *l = &mc_lemmas[mc_nlemmas];
  memset(l, 0, sizeof *l);
  l->str = S_intern(s);
  l->pos = (uint8_t)pos;
  l->gender = (uint8_t)gender;
  l->particle = (uint8_t)particle;
  mc_lemma_class = dg_xrealloc(mc_lemma_class, S_caplemmas * sizeof *mc_lemma_class);
  mc_lemma_class[mc_nlemmas] = UINT32_MAX;
  uint32_t li = (uint32_t)mc_nlemmas++;
  S_lemma_index_add(li);
  return li;
}

static uint64_t S_lemma_hash(const char *s, int pos) {
  return dg_hash64(s, strlen(s), (uint64_t)pos + 1);
}

static void S_lemma_index_add(uint32_t li) {
  if ((mc_nlemmas + 1) * 2 > S_lslots) {
    size_t n = S_lslots ? S_lslots * 2 : 1u << 18;
    uint32_t *t = dg_xmalloc(n * sizeof *t);
    memset(t, 0xff, n * sizeof *t);
    for (size_t i = 0; i < S_lslots; i++) {
      if (S_ltab[i] == UINT32_MAX) continue;
      const dg_morph_lemma *l = &mc_lemmas[S_ltab[i]];
      size_t j = (size_t)S_lemma_hash(mc_str.data + l->str, l->pos) & (n - 1);
      while (t[j] != UINT32_MAX) j = (j + 1) & (n - 1);
      t[j] = S_ltab[i];
    }
    free(S_ltab);
    S_ltab = t;
    S_lslots = n;
  }
  const dg_morph_lemma *l = &mc_lemmas[li];
  size_t j = (size_t)S_lemma_hash(mc_str.data + l->str, l->pos) & (S_lslots - 1);
  while (S_ltab[j] != UINT32_MAX) j = (j + 1) & (S_lslots - 1);
  S_ltab[j] = li;
}

/* The lemma record of (s, pos), or UINT32_MAX. */
uint32_t mc_lemma_find(const char *s, int pos) {
  if (!S_lslots) return UINT32_MAX;
  size_t j = (size_t)S_lemma_hash(s, pos) & (S_lslots - 1);
  while (S_ltab[j] != UINT32_MAX) {
    const dg_morph_lemma *l = &mc_lemmas[S_ltab[j]];
    if (l->pos == pos && strcmp(mc_str.data + l->str, s) == 0) return S_ltab[j];
    j = (j + 1) & (S_lslots - 1);
  }
  return UINT32_MAX;
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
  mc_classes = dg_xrealloc(mc_classes, (S_nclasses + 1) * sizeof *mc_classes);
  mc_class *c = &mc_classes[S_nclasses++];
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
    mc_rule r = {0};
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

/* Generate the forms of `lemma` by class c, each with `prefix` in front
 * (a prefix of a prefixed verb built on a listed base verb).  inseparable:
 * the prefix takes no ge- (verhalten, untersucht) and no zu-infinitive. */
void mc_apply_class(const mc_class *c, const char *lemma, const char *prefix, size_t pbytes,
                          uint32_t li, bool inseparable) {
  size_t len = strlen(lemma);
  size_t ncp = dg_utf8_length(lemma, len);
  uint8_t flags = (pbytes || (*prefix && !inseparable)) ? DG_AF_JOINED : 0;
  int upos = c->pos == 'N' ? DG_POS_NOUN : c->pos == 'A' ? DG_POS_ADJ : DG_POS_VERB;
  size_t lp = *prefix ? 0 : pbytes; /* particle inside `lemma` itself */
  dg_buf form;
  dg_buf_init(&form);
  for (size_t i = 0; i < c->n; i++) {
    const mc_rule *r = &c->rules[i];
    if ((size_t)r->strip > ncp) continue;
    if (inseparable && r->mark == 'Z') continue;
    size_t keep = S_cp_off(lemma, len, ncp - (size_t)r->strip);
    dg_buf_clear(&form);
    dg_buf_puts(&form, prefix);
    if (r->mark && !inseparable) {
      if (keep < lp) continue;
      dg_buf_put(&form, lemma, lp);
      dg_buf_puts(&form, r->mark == 'G' ? "ge" : "zu");
      dg_buf_put(&form, lemma + lp, keep - lp);
    } else {
      dg_buf_put(&form, lemma, keep);
    }
    dg_buf_puts(&form, r->suffix);
    mc_add(form.data, li, flags, (uint8_t)upos, 0, 0, 1ULL << r->cell);
  }
  dg_buf_free(&form);
}

static void S_parse_lemma(char **f, int n) {
  if (n != 6) {
    S_bad("bad lemma line");
    return;
  }
  const char *lemma = f[1];
  int pos = f[2][0];
  size_t cid = strtoul(f[4], NULL, 10);
  if (cid >= S_nclasses || mc_classes[cid].pos != pos) {
    S_bad("unknown class");
    return;
  }
  int gender = f[3][0] == 'M' ? DG_GENDER_MASC : f[3][0] == 'F' ? DG_GENDER_FEM
             : f[3][0] == 'N' ? DG_GENDER_NEUT : DG_GENDER_NONE;
  size_t len = strlen(lemma);
  size_t pcp = strtoul(f[5], NULL, 10);
  size_t pbytes = S_cp_off(lemma, len, pcp);
  int upos = pos == 'N' ? DG_POS_NOUN : pos == 'A' ? DG_POS_ADJ : DG_POS_VERB;
  uint32_t li = mc_new_lemma(lemma, upos, gender, (int)pbytes);
  mc_lemma_class[li] = (uint32_t)cid;
  mc_apply_class(&mc_classes[cid], lemma, "", pbytes, li, false);
  if (pos == 'A') mc_add(lemma, li, 0, DG_POS_ADJ, 0, 0, 1ULL << DG_CELL_ADJ_PRED);
  /* The lemma itself is always a form of its lemma (der Beamte: the data
   * lists only "Beamter" as nominative singular). */
  mc_key *self = mc_key_of(lemma);
  bool has = false;
  for (size_t i = 0; i < self->nan; i++) has |= self->an[i].lemma == li;
  if (!has)
    mc_add(lemma, li, pbytes ? DG_AF_JOINED : 0, (uint8_t)upos, 0, 0,
          pos == 'N' ? 1ULL : pos == 'V' ? 1ULL << DG_VC_INF : 1ULL << DG_CELL_ADJ_PRED);
}

static void S_read_paradigms(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: %s: %s\n", path, err.text);
    exit(1);
  }
  mc_file = path;
  mc_line = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    mc_line++;
    if (line[0] == '#' || line[0] == '\0') continue;
    char *f[8];
    int n = S_split(line, f, 8);
    if (!strcmp(f[0], "C")) S_parse_class(f, n);
    else if (!strcmp(f[0], "L")) S_parse_lemma(f, n);
    else if (!strcmp(f[0], "F") && n == 3) mc_key_of(f[1])->rank = (uint32_t)strtoul(f[2], NULL, 10);
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
  mc_file = path;
  mc_line = 0;
  char *p = text;
  while (*p) {
    char *nl = strchr(p, '\n');
    if (nl) *nl = '\0';
    mc_line++;
    if (p[0] != '#' && p[0] != '\0') {
      char *f[6];
      int n = S_split(p, f, 6);
      int pos = n == 5 ? dg_pos_code(f[2]) : DG_POS_X;
      if (n != 5 || pos == DG_POS_X) {
        S_bad("expected FORM LEMMA UPOS FEATS LEIPZIG");
      } else {
        uint32_t li = UINT32_MAX;
        for (size_t i = mc_nlemmas; i-- > 0;)
          if (mc_lemmas[i].pos == pos && !strcmp(mc_str.data + mc_lemmas[i].str, f[1])) {
            li = (uint32_t)i;
            break;
          }
        if (li == UINT32_MAX) li = mc_new_lemma(f[1], pos, DG_GENDER_NONE, 0);
        uint32_t fe = strcmp(f[3], "-") ? S_intern(f[3]) : 0;
        uint32_t lz = strcmp(f[4], "-") ? S_intern(f[4]) : 0;
        mc_add(f[0], li, DG_AF_CLOSED, (uint8_t)pos, fe, lz, 0);
      }
    }
    if (!nl) break;
    p = nl + 1;
  }
  free(text);
}

/* Does s end with suf? */
bool mc_ends(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Word classes from dictionaries/word-classes.tsv (and first-parts.tsv):
 * NULL-terminated lists in file order; the particles longest first. */
dg_wc_list mc_wc;
const char **mc_particles, **mc_insep, **mc_ambig, **mc_links;

static const char **S_class_list(dg_word_class cls, const char *first) {
  const char **l = dg_xcalloc(mc_wc.n + 2, sizeof *l);
  size_t n = 0;
  if (first) l[n++] = first;
  for (size_t i = 0; i < mc_wc.n; i++)
    if (mc_wc.v[i].bits & cls) l[n++] = mc_wc.v[i].word;
  return l;
}

static void S_load_classes(const char *classes_tsv, const char *first_parts_tsv) {
  degloss_error err = {0};
  if (!dg_word_class_load(&mc_wc, classes_tsv, first_parts_tsv, &err)) {
    fprintf(stderr, "morph-compile: %s:%ld: %s\n", err.source, err.line, err.text);
    exit(1);
  }
  mc_particles = S_class_list(DG_WC_SEP_PARTICLE, NULL);
  size_t n = 0;
  while (mc_particles[n]) n++;
  for (size_t i = 1; i < n; i++) /* stable: longest first ("hinauf" before "hin") */
    for (size_t j = i; j > 0 && strlen(mc_particles[j - 1]) < strlen(mc_particles[j]); j--) {
      const char *t = mc_particles[j];
      mc_particles[j] = mc_particles[j - 1];
      mc_particles[j - 1] = t;
    }
  mc_insep = S_class_list(DG_WC_INSEP_PREFIX, NULL);
  mc_ambig = S_class_list(DG_WC_AMBIG_PREFIX, NULL);
  mc_links = S_class_list(DG_WC_LINKING_INFLECTION, ""); /* the bare word first */
}

static size_t S_align(dg_buf *b) {
  while (b->len % 8) dg_buf_putc(b, '\0');
  return b->len;
}

int main(int argc, char **argv) {
  const char *ding = NULL;
  if (argc > 2 && strcmp(argv[1], "--ding") == 0) {
    ding = argv[2];
    argc -= 2;
    argv += 2;
  }
  if (argc < 4 || strcmp(argv[1], "--classes") != 0) {
    fprintf(stderr, "usage: morph-compile [--ding DE-EN] --classes WORD-CLASSES.tsv FIRST-PARTS.tsv PARADIGMS.txt "
                    "CLOSED.tsv OUT.morph [HUNSPELL.dic]\n");
    return 2;
  }
  S_load_classes(argv[2], argv[3]);
  argc -= 3;
  argv += 3;
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: morph-compile [--ding DE-EN] --classes WORD-CLASSES.tsv FIRST-PARTS.tsv PARADIGMS.txt "
                    "CLOSED.tsv OUT.morph [HUNSPELL.dic]\n");
    return 2;
  }
  dg_buf_init(&mc_str);
  dg_buf_putc(&mc_str, '\0');
  S_grow_table();
  S_read_closed(argv[2]);
  S_read_paradigms(argv[1]);
  if (S_errors) return 1;
  if (argc == 5) mc_read_hunspell(argv[4]);
  if (ding) mc_read_ding(ding);
  dg_buf low;
  dg_buf_init(&low);
  /* A lemma's frequency rank: that of its citation form, or when that is
   * unranked the best rank of its other forms ("Truppe": "Truppen"). */
  for (size_t i = 0; i < mc_nkeys; i++) {
    uint32_t r = mc_keys[i].rank;
    if (!r) continue;
    for (size_t j = 0; j < mc_keys[i].nan; j++) {
      dg_morph_lemma *l = &mc_lemmas[mc_keys[i].an[j].lemma];
      if (!l->rank || r < l->rank) l->rank = r;
    }
  }
  for (size_t i = 0; i < mc_nlemmas; i++) {
    const char *s = mc_str.data + mc_lemmas[i].str;
    uint32_t own = mc_key_of(s)->rank;
    if (own) mc_lemmas[i].rank = own;
    /* das Tagen, das Werten: neuter, no plural, the infinitive of a verb
     * (das Abkommen, das Vermögen have plurals: real nouns). */
    bool plural = false;
    if (mc_lemma_class[i] != UINT32_MAX) {
      const mc_class *c = &mc_classes[mc_lemma_class[i]];
      for (size_t r = 0; r < c->n; r++) plural |= (c->rules[r].cell & 1) != 0;
    }
    if (mc_lemmas[i].pos == DG_POS_NOUN && mc_lemmas[i].gender == DG_GENDER_NEUT && !plural &&
        mc_lemma_class[i] != UINT32_MAX && mc_ends(s, "n")) {
      dg_buf_clear(&low);
      dg_utf8_lower(&low, s, strlen(s));
      if (mc_lemma_find(low.data, DG_POS_VERB) != UINT32_MAX) mc_lemmas[i].flags |= DG_LF_NOMINF;
    }
  }
  dg_buf_free(&low);
  size_t nslots = 1;
  while (nslots < mc_nkeys * 2) nslots <<= 1;
  size_t nanal = 0;
  for (size_t i = 0; i < mc_nkeys; i++) nanal += mc_keys[i].nan;

  uint32_t *class_str = dg_xmalloc((mc_wc.n + 1) * sizeof *class_str);
  for (size_t i = 0; i < mc_wc.n; i++) {
    class_str[i] = (uint32_t)mc_str.len;
    dg_buf_put(&mc_str, mc_wc.v[i].word, strlen(mc_wc.v[i].word) + 1);
  }
  dg_buf out;
  dg_buf_init(&out);
  dg_morph_header h = {0};
  dg_buf_put(&out, &h, sizeof h);
  h.nkeys = (uint32_t)mc_nkeys;
  h.nslots = (uint32_t)nslots;
  h.nanal = (uint32_t)nanal;
  h.nlemmas = (uint32_t)mc_nlemmas;
  h.nstr = mc_str.len;
  h.off_table = S_align(&out);
  /* The keys in their hash slots (a key's analyses follow those of the
   * keys before it in mc_keys' order). */
  dg_morph_key *t = dg_xcalloc(nslots, sizeof *t);
  uint32_t first = 0;
  for (size_t i = 0; i < mc_nkeys; i++) {
    const char *s = mc_str.data + mc_keys[i].form;
    if (!mc_keys[i].form || !*s || mc_keys[i].rank >= (1u << 24) || mc_keys[i].nan >= (1u << 8)) {
      fprintf(stderr, "morph-compile: the form \"%s\" does not fit a key record (empty, rank %u, %zu analyses)\n",
              s, mc_keys[i].rank, mc_keys[i].nan);
      return 1;
    }
    uint64_t hash = dg_hash64(s, strlen(s), 0);
    size_t j = (size_t)hash & (nslots - 1);
    while (t[j].form) j = (j + 1) & (nslots - 1);
    t[j] = (dg_morph_key){(uint32_t)(hash >> 32), mc_keys[i].form, first, mc_keys[i].rank,
                          (uint32_t)mc_keys[i].nan};
    first += (uint32_t)mc_keys[i].nan;
  }
  dg_buf_put(&out, t, nslots * sizeof *t);
  free(t);
  h.off_anal = S_align(&out);
  for (size_t i = 0; i < mc_nkeys; i++)
    for (size_t j = 0; j < mc_keys[i].nan; j++) {
      const mc_anal *a = &mc_keys[i].an[j];
      dg_morph_anal r = {a->lemma, a->feats, a->leipzig, a->flags, a->pos, {0, 0}, a->cells};
      dg_buf_put(&out, &r, sizeof r);
    }
  h.off_lemmas = S_align(&out);
  dg_buf_put(&out, mc_lemmas, mc_nlemmas * sizeof *mc_lemmas);
  h.off_str = S_align(&out);
  dg_buf_put(&out, mc_str.data, mc_str.len);
  h.off_class = S_align(&out);
  h.nclass = (uint32_t)mc_wc.n;
  for (size_t i = 0; i < mc_wc.n; i++) {
    dg_morph_class c = {class_str[i], (uint32_t)strlen(mc_wc.v[i].word), dg_word_class_lo(mc_wc.v[i].bits),
                        dg_word_class_hi(mc_wc.v[i].bits)};
    dg_buf_put(&out, &c, sizeof c);
  }
  /* The filter: about 8 bits a key, three of them set (one look-up in
   * thirty of a form that is no key passes it). */
  size_t nfilter = 1;
  while (nfilter * 8 < mc_nkeys) nfilter <<= 1;
  uint64_t *filter = dg_xcalloc(nfilter, sizeof *filter);
  for (size_t i = 0; i < mc_nkeys; i++) {
    const char *s = mc_str.data + mc_keys[i].form;
    uint64_t hash = dg_hash64(s, strlen(s), 0);
    filter[dg_morph_filter_word(hash, (uint32_t)(nfilter - 1))] |= dg_morph_filter_bits(hash);
  }
  h.off_filter = S_align(&out);
  h.nfilter = (uint32_t)nfilter;
  dg_buf_put(&out, filter, nfilter * sizeof *filter);
  free(filter);
  S_align(&out);
  memcpy(out.data, &h, sizeof h);
  degloss_error err = {0};
  /* the index checked at every open: the header and the hash table */
  if (!dg_mapfile_write_indexed(argv[3], DG_MORPH_KIND, DG_MORPH_VERSION, out.data, out.len,
                                (uint32_t)sizeof h, h.off_table,
                                (uint32_t)(h.off_anal - h.off_table), &err)) {
    fprintf(stderr, "morph-compile: %s: %s\n", argv[3], err.text);
    return 1;
  }
  printf("morph-compile: %zu forms, %zu analyses, %zu lemmas, %zu bytes\n", mc_nkeys, nanal,
         mc_nlemmas, out.len);
  for (size_t i = 0; i < mc_nkeys; i++) free(mc_keys[i].an);
  for (size_t i = 0; i < S_nclasses; i++) {
    for (size_t j = 0; j < mc_classes[i].n; j++) free(mc_classes[i].rules[j].suffix);
    free(mc_classes[i].rules);
  }
  free(mc_classes);
  free(mc_keys);
  free(mc_ktab);
  free(mc_lemmas);
  free(mc_lemma_class);
  free(S_ltab);
  dg_buf_free(&mc_str);
  dg_buf_free(&out);
  free(class_str);
  free(mc_particles);
  free(mc_insep);
  free(mc_ambig);
  free(mc_links);
  dg_wc_list_free(&mc_wc);
  return 0;
}
