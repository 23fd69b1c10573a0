/* morph-compile: compiles dictionaries/morph/paradigms.txt (paradigm classes,
 * lemmas, frequency ranks; see tools/morph-compile/convert-german-pos-dict.py) and
 * dictionaries/morph/closed.tsv (closed-class words with explicit features)
 * into the mapped file degloss.morph (layout in src/morph/morph_data.h).
 *
 *   morph-compile [--ding DE-EN] --classes WORD-CLASSES.tsv FIRST-PARTS.tsv
 *                 PARADIGMS.txt CLOSED.tsv OUT.morph [HUNSPELL.dic]
 *
 * With a hunspell dictionary (Debian's hunspell-de-de, read at build time,
 * never committed), the words the paradigm data lacks are added: nouns with
 * the forms their suffix flags give, names, verbs (from a listed base verb
 * with a prefix, or conjugated like a regular model verb), adjectives
 * (declined like a model adjective), and the rest as uninflected words.
 * With Ding (--ding, the Debian package trans-de-en, read at build time),
 * the nouns neither source knows are added with Ding's plural.
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
static uint32_t *S_lemma_class;       /* class of each paradigm lemma, UINT32_MAX: none */
static uint32_t *S_ltab;              /* lemma hash: "pos lemma" -> index */
static size_t S_lslots;
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

static void S_lemma_index_add(uint32_t li);

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
  S_lemma_class = dg_xrealloc(S_lemma_class, S_caplemmas * sizeof *S_lemma_class);
  S_lemma_class[S_nlemmas] = UINT32_MAX;
  uint32_t li = (uint32_t)S_nlemmas++;
  S_lemma_index_add(li);
  return li;
}

static uint64_t S_lemma_hash(const char *s, int pos) {
  return dg_hash64(s, strlen(s), (uint64_t)pos + 1);
}

static void S_lemma_index_add(uint32_t li) {
  if ((S_nlemmas + 1) * 2 > S_lslots) {
    size_t n = S_lslots ? S_lslots * 2 : 1u << 18;
    uint32_t *t = dg_xmalloc(n * sizeof *t);
    memset(t, 0xff, n * sizeof *t);
    for (size_t i = 0; i < S_lslots; i++) {
      if (S_ltab[i] == UINT32_MAX) continue;
      const dg_morph_lemma *l = &S_lemmas[S_ltab[i]];
      size_t j = (size_t)S_lemma_hash(S_str.data + l->str, l->pos) & (n - 1);
      while (t[j] != UINT32_MAX) j = (j + 1) & (n - 1);
      t[j] = S_ltab[i];
    }
    free(S_ltab);
    S_ltab = t;
    S_lslots = n;
  }
  const dg_morph_lemma *l = &S_lemmas[li];
  size_t j = (size_t)S_lemma_hash(S_str.data + l->str, l->pos) & (S_lslots - 1);
  while (S_ltab[j] != UINT32_MAX) j = (j + 1) & (S_lslots - 1);
  S_ltab[j] = li;
}

/* The lemma record of (s, pos), or UINT32_MAX. */
static uint32_t S_lemma_find(const char *s, int pos) {
  if (!S_lslots) return UINT32_MAX;
  size_t j = (size_t)S_lemma_hash(s, pos) & (S_lslots - 1);
  while (S_ltab[j] != UINT32_MAX) {
    const dg_morph_lemma *l = &S_lemmas[S_ltab[j]];
    if (l->pos == pos && strcmp(S_str.data + l->str, s) == 0) return S_ltab[j];
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

/* Generate the forms of `lemma` by class c, each with `prefix` in front
 * (a prefix of a prefixed verb built on a listed base verb).  inseparable:
 * the prefix takes no ge- (verhalten, untersucht) and no zu-infinitive. */
static void S_apply_class(const S_class *c, const char *lemma, const char *prefix, size_t pbytes,
                          uint32_t li, bool inseparable) {
  size_t len = strlen(lemma);
  size_t ncp = dg_utf8_length(lemma, len);
  uint8_t flags = (pbytes || (*prefix && !inseparable)) ? DG_AF_JOINED : 0;
  int upos = c->pos == 'N' ? DG_POS_NOUN : c->pos == 'A' ? DG_POS_ADJ : DG_POS_VERB;
  size_t lp = *prefix ? 0 : pbytes; /* particle inside `lemma` itself */
  dg_buf form;
  dg_buf_init(&form);
  for (size_t i = 0; i < c->n; i++) {
    const S_rule *r = &c->rules[i];
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
    S_add(form.data, li, flags, (uint8_t)upos, 0, 0, 1ULL << r->cell);
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
  if (cid >= S_nclasses || S_classes[cid].pos != pos) {
    S_bad("unknown class");
    return;
  }
  int gender = f[3][0] == 'M' ? DG_GENDER_MASC : f[3][0] == 'F' ? DG_GENDER_FEM
             : f[3][0] == 'N' ? DG_GENDER_NEUT : DG_GENDER_NONE;
  size_t len = strlen(lemma);
  size_t pcp = strtoul(f[5], NULL, 10);
  size_t pbytes = S_cp_off(lemma, len, pcp);
  int upos = pos == 'N' ? DG_POS_NOUN : pos == 'A' ? DG_POS_ADJ : DG_POS_VERB;
  uint32_t li = S_new_lemma(lemma, upos, gender, (int)pbytes);
  S_lemma_class[li] = (uint32_t)cid;
  S_apply_class(&S_classes[cid], lemma, "", pbytes, li, false);
  if (pos == 'A') S_add(lemma, li, 0, DG_POS_ADJ, 0, 0, 1ULL << DG_CELL_ADJ_PRED);
  /* The lemma itself is always a form of its lemma (der Beamte: the data
   * lists only "Beamter" as nominative singular). */
  S_key *self = S_key_of(lemma);
  bool has = false;
  for (size_t i = 0; i < self->nan; i++) has |= self->an[i].lemma == li;
  if (!has)
    S_add(lemma, li, pbytes ? DG_AF_JOINED : 0, (uint8_t)upos, 0, 0,
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

/* ---- hunspell's dictionary: words the paradigm data lacks ---- */

static bool S_has(const char *flags, const char *any) {
  for (; *any; any++)
    if (strchr(flags, *any)) return true;
  return false;
}

static bool S_ends(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

static bool S_known_form(const char *word) {
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, word, strlen(word));
  bool found = false;
  if ((S_nkeys + 1) * 2 <= S_kslots) {
    size_t j = (size_t)dg_hash64(low.data, low.len, 0) & (S_kslots - 1);
    while (S_ktab[j] != UINT32_MAX) {
      S_key *k = &S_keys[S_ktab[j]];
      if (strcmp(S_str.data + k->form, low.data) == 0) {
        found = k->nan > 0;
        break;
      }
      j = (j + 1) & (S_kslots - 1);
    }
  }
  dg_buf_free(&low);
  return found;
}

/* Does the (exact, lower-case) form have a reading of part of speech pos? */
static bool S_known_pos(const char *word, int pos) {
  S_key *k = S_key_of(word);
  for (size_t i = 0; i < k->nan; i++)
    if (k->an[i].pos == pos) return true;
  return false;
}

/* Is the lower-case word known as anything but a noun form (mitten is a
 * word of its own besides Mitten, the plural of Mitte)? */
static bool S_known_nonnoun(const char *word) {
  S_key *k = S_key_of(word);
  for (size_t i = 0; i < k->nan; i++)
    if (k->an[i].pos != DG_POS_NOUN && k->an[i].pos != DG_POS_PROPN) return true;
  return false;
}

/* Is word an old-spelling twin's new spelling: "musste" for known "mußte"? */
static bool S_eszett_twin(const char *word) {
  const char *p = word;
  bool found = false;
  dg_buf b;
  dg_buf_init(&b);
  while (!found && (p = strstr(p, "ss")) != NULL) {
    dg_buf_clear(&b);
    dg_buf_put(&b, word, (size_t)(p - word));
    dg_buf_puts(&b, "ß");
    dg_buf_puts(&b, p + 2);
    found = S_known_form(b.data);
    p += 2;
  }
  dg_buf_free(&b);
  return found;
}

/* Is word a comparative or superlative of a known adjective (größte)? */
static bool S_is_degree(const char *word) {
  static const char *const ends[] = {"erem", "eren", "erer", "eres", "ere", "er", "estem",
                                     "esten", "ester", "estes", "este", "stem", "sten", "ster",
                                     "stes", "ste", NULL};
  size_t n = strlen(word);
  dg_buf b;
  dg_buf_init(&b);
  bool found = false;
  for (size_t i = 0; ends[i] && !found; i++) {
    size_t l = strlen(ends[i]);
    if (n < l + 3 || strcmp(word + n - l, ends[i]) != 0) continue;
    for (int um = 0; um < 2 && !found; um++) {
      dg_buf_clear(&b);
      dg_buf_put(&b, word, n - l);
      if (um) {
        /* the last ä/ö/ü -> a/o/u */
        bool done = false;
        for (size_t j = b.len; j-- > 1 && !done;) {
          unsigned char c0 = (unsigned char)b.data[j - 1], c1 = (unsigned char)b.data[j];
          if (c0 == 0xC3 && (c1 == 0xA4 || c1 == 0xB6 || c1 == 0xBC)) {
            b.data[j - 1] = c1 == 0xA4 ? 'a' : c1 == 0xB6 ? 'o' : 'u';
            memmove(b.data + j, b.data + j + 1, b.len - j);
            b.len--;
            done = true;
          }
        }
        if (!done) continue;
      }
      found = S_lemma_find(b.data, DG_POS_ADJ) != UINT32_MAX;
    }
  }
  dg_buf_free(&b);
  return found;
}

static const S_class *S_class_of(const char *lemma, int pos) {
  uint32_t li = S_lemma_find(lemma, pos);
  if (li == UINT32_MAX || S_lemma_class[li] == UINT32_MAX) return NULL;
  return &S_classes[S_lemma_class[li]];
}

/* Word classes from dictionaries/word-classes.tsv (and first-parts.tsv):
 * NULL-terminated lists in file order; the particles longest first. */
static dg_wc_list S_wc;
static const char **S_particles, **S_insep, **S_ambig, **S_links;

static const char **S_class_list(dg_word_class cls, const char *first) {
  const char **l = dg_xcalloc(S_wc.n + 2, sizeof *l);
  size_t n = 0;
  if (first) l[n++] = first;
  for (size_t i = 0; i < S_wc.n; i++)
    if (S_wc.v[i].bits & cls) l[n++] = S_wc.v[i].word;
  return l;
}

static void S_load_classes(const char *classes_tsv, const char *first_parts_tsv) {
  degloss_error err = {0};
  if (!dg_word_class_load(&S_wc, classes_tsv, first_parts_tsv, &err)) {
    fprintf(stderr, "morph-compile: %s:%ld: %s\n", err.source, err.line, err.text);
    exit(1);
  }
  S_particles = S_class_list(DG_WC_SEP_PARTICLE, NULL);
  size_t n = 0;
  while (S_particles[n]) n++;
  for (size_t i = 1; i < n; i++) /* stable: longest first ("hinauf" before "hin") */
    for (size_t j = i; j > 0 && strlen(S_particles[j - 1]) < strlen(S_particles[j]); j--) {
      const char *t = S_particles[j];
      S_particles[j] = S_particles[j - 1];
      S_particles[j - 1] = t;
    }
  S_insep = S_class_list(DG_WC_INSEP_PREFIX, NULL);
  S_ambig = S_class_list(DG_WC_AMBIG_PREFIX, NULL);
  S_links = S_class_list(DG_WC_LINKING_INFLECTION, ""); /* the bare word first */
}

static const char *S_prefix_of(const char *word, const char *const *list, size_t minrest) {
  size_t n = strlen(word);
  for (size_t i = 0; list[i]; i++) {
    size_t l = strlen(list[i]);
    if (n >= l + minrest && strncmp(word, list[i], l) == 0) return list[i];
  }
  return NULL;
}

/* A verb the paradigm data lacks: from a listed base verb with a prefix,
 * else conjugated like a regular (weak) model verb. */
static void S_hs_verb(const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; S_particles[i]; i++) {
    const char *p = S_particles[i];
    size_t pl = strlen(p);
    if (n < pl + 4 || strncmp(word, p, pl) != 0 || S_prefix_of(word, S_ambig, 4)) continue;
    const S_class *c = S_class_of(word + pl, DG_POS_VERB);
    if (!c) continue;
    uint32_t li = S_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, (int)pl);
    S_apply_class(c, word + pl, p, pl, li, false);
    return;
  }
  const char *pre = S_prefix_of(word, S_insep, 4);
  if (!pre) pre = S_prefix_of(word, S_ambig, 4);
  if (pre) {
    const S_class *c = S_class_of(word + strlen(pre), DG_POS_VERB);
    if (c) {
      uint32_t li = S_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, 0);
      S_apply_class(c, word + strlen(pre), pre, 0, li, true);
      return;
    }
  }
  bool insep = S_prefix_of(word, S_insep, 4) != NULL || S_prefix_of(word, S_ambig, 5) != NULL;
  const char *model;
  if (S_ends(word, "ieren")) model = "studieren";
  else if (S_ends(word, "eln")) model = insep ? "verwechseln" : "sammeln";
  else if (S_ends(word, "ern")) model = insep ? "verändern" : "ändern";
  else if (S_ends(word, "ten") || S_ends(word, "den") ||
           (n > 4 && S_ends(word, "nen") && !strchr("lrhmn", word[n - 4])) ||
           (n > 4 && S_ends(word, "men") && !strchr("lrhmn", word[n - 4])))
    model = insep ? "beobachten" : "arbeiten";
  else if (S_ends(word, "en")) model = insep ? "bestätigen" : "machen";
  else return;
  const S_class *c = S_class_of(model, DG_POS_VERB);
  if (!c) return;
  /* A separable particle in front of an unlisted verb: ab|segnen. */
  for (size_t i = 0; S_particles[i] && !insep; i++) {
    const char *p = S_particles[i];
    size_t pl = strlen(p);
    if (n < pl + 5 || strncmp(word, p, pl) != 0) continue;
    uint32_t li = S_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, (int)pl);
    S_apply_class(c, word + pl, p, pl, li, false);
    return;
  }
  uint32_t li = S_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, 0);
  S_apply_class(c, word, "", 0, li, false);
}

/* The -ung noun of a verb (hunspell's J flag): ändern -> Änderung,
 * sammeln -> Sammlung, reservieren -> Reservierung; declined like Zeitung. */
static void S_hs_ung(const char *verb) {
  size_t n = strlen(verb);
  dg_buf b, cap;
  dg_buf_init(&b);
  dg_buf_init(&cap);
  if (S_ends(verb, "eln")) {
    dg_buf_put(&b, verb, n - 3);
    dg_buf_puts(&b, "lung");
  } else if (S_ends(verb, "ern")) {
    dg_buf_put(&b, verb, n - 1);
    dg_buf_puts(&b, "ung");
  } else if (S_ends(verb, "en") && n > 4) {
    dg_buf_put(&b, verb, n - 2);
    dg_buf_puts(&b, "ung");
  }
  if (b.len) {
    dg_utf8_capitalize(&cap, b.data, b.len);
    const S_class *c = S_class_of("Zeitung", DG_POS_NOUN);
    if (c && S_lemma_find(cap.data, DG_POS_NOUN) == UINT32_MAX && !S_known_form(cap.data)) {
      uint32_t li = S_new_lemma(cap.data, DG_POS_NOUN, DG_GENDER_FEM, 0);
      S_lemma_class[li] = (uint32_t)(c - S_classes);
      S_apply_class(c, cap.data, "", 0, li, false);
    }
  }
  dg_buf_free(&b);
  dg_buf_free(&cap);
}

/* The feminine noun in -in of hunspell's F flag: Lehrer -> Lehrerin,
 * Kollege -> Kollegin; plural -innen. */
static void S_hs_feminine(const char *word) {
  dg_buf b, pl;
  dg_buf_init(&b);
  dg_buf_init(&pl);
  size_t n = strlen(word);
  dg_buf_put(&b, word, S_ends(word, "e") ? n - 1 : n);
  dg_buf_puts(&b, "in");
  dg_buf_printf(&pl, "%snen", b.data);
  if (S_lemma_find(b.data, DG_POS_NOUN) == UINT32_MAX && !S_known_form(b.data)) {
    uint32_t li = S_new_lemma(b.data, DG_POS_NOUN, DG_GENDER_FEM, 0);
    S_add(b.data, li, 0, DG_POS_NOUN, 0, 0, 0x55);
    S_add(pl.data, li, 0, DG_POS_NOUN, 0, 0, 0xAA);
  }
  dg_buf_free(&b);
  dg_buf_free(&pl);
}

/* Noun forms from hunspell's suffix flags (S +s, T +es genitive; E +e,
 * N +n, P +en, R +er/+ern plural; q/Q for nouns in -s). */
static void S_hs_noun(const char *word, const char *flags, uint32_t li, bool fresh, bool name) {
  dg_buf f;
  dg_buf_init(&f);
  uint8_t pos = name ? DG_POS_PROPN : DG_POS_NOUN;
#define FORM(suf, cells)                               \
  do {                                                 \
    dg_buf_clear(&f);                                  \
    dg_buf_puts(&f, word);                             \
    dg_buf_puts(&f, suf);                              \
    S_add(f.data, li, 0, pos, 0, 0, (uint64_t)(cells)); \
  } while (0)
  bool gen = S_has(flags, "STQ");
  if (fresh) FORM("", gen ? 0x15 : 0x55);
  if (strchr(flags, 'S')) FORM("s", 0x40);
  if (strchr(flags, 'T')) FORM("es", 0x40);
  if (strchr(flags, 'Q')) FORM("ses", 0x40);
  bool e = strchr(flags, 'E') != NULL;
  if (e) FORM("e", 0x8A);
  if (strchr(flags, 'N')) FORM("n", e ? 0x20 : 0xAA);
  if (strchr(flags, 'P')) FORM("en", e ? 0x20 : 0xAA);
  if (strchr(flags, 'R')) {
    FORM("er", 0x8A);
    FORM("ern", 0x20);
  }
  if (strchr(flags, 'q')) {
    FORM("se", 0x8A);
    FORM("sen", 0x20);
  }
#undef FORM
  dg_buf_free(&f);
  if (strchr(flags, 'F') && !name) S_hs_feminine(word);
}

/* Is word[0..n) a known form, maybe followed by a linking element? */
static bool S_known_modifier(const char *word, size_t n) {
  const char *const *links = S_links;
  bool found = false;
  dg_buf b;
  dg_buf_init(&b);
  for (size_t i = 0; links[i] && !found; i++) {
    size_t l = strlen(links[i]);
    if (n < l + 3 || strncmp(word + n - l, links[i], l) != 0) continue;
    dg_buf_clear(&b);
    dg_buf_put(&b, word, n - l);
    found = S_known_form(b.data);
  }
  dg_buf_free(&b);
  return found;
}

/* A compound noun whose head the paradigm data knows (Waffenstillstands-
 * abkommen): declined like its head, with its gender. */
static bool S_hs_compound_noun(const char *word, const char *flags) {
  size_t n = strlen(word);
  dg_buf head;
  dg_buf_init(&head);
  bool done = false;
  size_t i = 0;
  while (i < n && !done) {
    int32_t c;
    i += dg_utf8_next(word + i, n - i, &c);
    if (dg_utf8_length(word + i, n - i) < 4) break;
    dg_buf_clear(&head);
    dg_utf8_capitalize(&head, word + i, n - i);
    uint32_t hl = S_lemma_find(head.data, DG_POS_NOUN);
    if (hl == UINT32_MAX || S_lemma_class[hl] == UINT32_MAX) continue;
    /* The rest must be a word too, maybe with a link; names of places
     * (Russland, Hamburg) are no compounds of Land or Burg. */
    if (!S_known_modifier(word, i)) continue;
    static const char *const place[] = {"Land", "Burg", "Berg", "Dorf", "Stadt", "Heim", "Hausen",
                                        "Feld", "Hof", "Bach", "Bad", "Furt", "Haven", NULL};
    bool is_place = false;
    for (size_t p = 0; place[p]; p++) is_place |= strcmp(head.data, place[p]) == 0;
    if (is_place && !S_has(flags, "ENPRq")) break;
    /* The head's class applied to the whole word. */
    uint32_t li = S_new_lemma(word, DG_POS_NOUN, S_lemmas[hl].gender, 0);
    S_apply_class(&S_classes[S_lemma_class[hl]], word, "", 0, li, false);
    S_hs_noun(word, flags, li, false, false);
    done = true;
  }
  dg_buf_free(&head);
  return done;
}

static void S_read_hunspell(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: warning: %s: %s (hunspell words not added)\n", path, err.text);
    return;
  }
  S_file = path;
  S_line = 0;
  size_t added = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    S_line++;
    if (S_line == 1 || line[0] == '\t' || line[0] == ' ' || line[0] == '#') continue;
    char *flags = strchr(line, '/');
    if (flags) *flags++ = '\0';
    else flags = line + strlen(line);
    flags[strcspn(flags, " \t\r")] = '\0';
    const char *word = line;
    /* J: the verb's -ung noun (reservieren -> Reservierung), also on
     * entries that are otherwise only compound parts. */
    if (strchr(flags, 'J') && !strchr(flags, 'd')) {
      size_t before_j = S_nlemmas;
      S_hs_ung(word);
      for (size_t i = before_j; i < S_nlemmas; i++) S_lemmas[i].flags |= DG_LF_HUNSPELL;
      added += S_nlemmas - before_j;
    }
    /* o: only inside compounds, d: forbidden, h: needs an affix (compound
     * first parts such as "Arbeits"); the splitter has its own links. */
    if (strpbrk(flags, "odh") || strlen(word) < 2) continue;
    if (strpbrk(word, "0123456789.'") || strchr(word, ' ')) continue;
    bool cap = dg_utf8_is_upper_initial(word, strlen(word));
    size_t before = S_nlemmas;
    if (cap) {
      /* All capitals (abbreviations) are names too. */
      bool plural = S_has(flags, "ENPRq");
      uint32_t li = S_lemma_find(word, DG_POS_NOUN);
      if (li != UINT32_MAX) {
        S_hs_noun(word, flags, li, false, false);
        for (size_t i = before; i < S_nlemmas; i++) S_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += S_nlemmas - before;
        continue;
      }
      if (S_known_form(word)) {
        /* A noun spelled like an adjective the tables know (das Wild
         * beside wild): hunspell's declension flags make it a noun of its
         * own, so that it can head a compound (Damm|wild).  Nouns spelled
         * like verb forms (Sparte, Fahren) are left to the tables: a
         * nominalised infinitive is no stem of its own. */
        dg_buf low;
        dg_buf_init(&low);
        dg_utf8_lower(&low, word, strlen(word));
        bool twin = S_has(flags, "STENPR") && S_known_pos(low.data, DG_POS_ADJ) &&
                    !S_known_pos(low.data, DG_POS_VERB) && !S_known_pos(low.data, DG_POS_NOUN) &&
                    !S_known_pos(low.data, DG_POS_PROPN) && dg_utf8_length(word, strlen(word)) >= 4;
        dg_buf_free(&low);
        if (!twin) continue;
        li = S_new_lemma(word, DG_POS_NOUN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, false);
        for (size_t i = before; i < S_nlemmas; i++) S_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += S_nlemmas - before;
        continue;
      }
      if (S_hs_compound_noun(word, flags)) {
        for (size_t i = before; i < S_nlemmas; i++) S_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += S_nlemmas - before;
        continue;
      }
      if (plural) {
        li = S_new_lemma(word, DG_POS_NOUN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, false);
      } else {
        li = S_new_lemma(word, DG_POS_PROPN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, true);
      }
    } else {
      bool verb = strchr("n", word[strlen(word) - 1]) && S_has(flags, "IXYDW");
      /* Skip what the tables already explain: forms of verbs (waren),
       * old-spelling twins (musste = mußte), comparatives (größte). */
      if (verb ? S_known_pos(word, DG_POS_VERB)
               : strchr(flags, 'A') ? S_lemma_find(word, DG_POS_ADJ) != UINT32_MAX ||
                                          S_known_pos(word, DG_POS_VERB) || S_is_degree(word)
                                    : S_known_nonnoun(word) || S_is_degree(word))
        continue;
      if (S_eszett_twin(word)) continue;
      if (verb) {
        S_hs_verb(word);
      } else if (strchr(flags, 'A')) {
        const S_class *c = S_class_of(S_ends(word, "e") ? "leise" : "klein", DG_POS_ADJ);
        if (c) {
          uint32_t li = S_new_lemma(word, DG_POS_ADJ, DG_GENDER_NONE, 0);
          S_apply_class(c, word, "", 0, li, false);
          S_add(word, li, 0, DG_POS_ADJ, 0, 0, 1ULL << DG_CELL_ADJ_PRED);
        }
      } else {
        uint32_t li = S_new_lemma(word, DG_POS_ADV, DG_GENDER_NONE, 0);
        S_add(word, li, DG_AF_CLOSED, DG_POS_ADV, 0, 0, 0);
      }
    }
    for (size_t i = before; i < S_nlemmas; i++) S_lemmas[i].flags |= DG_LF_HUNSPELL;
    added += S_nlemmas - before;
  }
  free(text);
  printf("morph-compile: %zu lemmas added from %s\n", added, path);
}

/* ---- Ding: nouns neither the paradigm data nor hunspell know ---- */

/* A cell alternative "Word {g} ..." of one capitalised word in small
 * letters after the first: the word (in b) and its gender letter. */
static int S_ding_noun(const char *alt, size_t n, dg_buf *b) {
  size_t i = 0;
  while (i < n && alt[i] != ' ') i++;
  if (i + 4 > n || alt[i + 1] != '{' || !dg_utf8_is_upper_initial(alt, i)) return 0;
  for (size_t j = 1; j < i; j++)
    if (!((alt[j] >= 'a' && alt[j] <= 'z') || ((unsigned char)alt[j] >= 0x80 && (unsigned char)alt[j] < 0xC0) ||
          (unsigned char)alt[j] == 0xC3))
      return 0;
  int g = alt[i + 2];
  if (alt[i + 3] != '}' && !(g == 'p' && n >= i + 5 && alt[i + 3] == 'l' && alt[i + 4] == '}')) return 0;
  dg_buf_clear(b);
  dg_buf_put(b, alt, i);
  return g;
}

/* Is the capitalised word a compound of parts the tables know: a noun
 * head of three letters or more after a modifier of three or more (maybe
 * with a link, or itself such a compound) that is no particle?  Such words the splitter reads from
 * their parts (Bade|haus, Eis|druck); Vor|lesung and Mit|schrift, with a
 * particle first, are derivations of their verbs. */
static bool S_ding_compound(const char *word) {
  size_t n = strlen(word), i = 0;
  dg_buf head;
  dg_buf_init(&head);
  bool found = false;
  while (i < n && !found) {
    int32_t c;
    i += dg_utf8_next(word + i, n - i, &c);
    if (dg_utf8_length(word + i, n - i) < 3) break;
    if (dg_utf8_length(word, i) < 3) continue;
    dg_buf_clear(&head);
    dg_utf8_capitalize(&head, word + i, n - i);
    if (S_lemma_find(head.data, DG_POS_NOUN) == UINT32_MAX) continue;
    dg_buf mod;
    dg_buf_init(&mod);
    dg_utf8_lower(&mod, word, i);
    /* (a particle or preposition first makes a derivation: Vor|lesung) */
    bool particle = S_known_pos(mod.data, DG_POS_ADP) || S_known_pos(mod.data, DG_POS_ADV) ||
                    S_known_pos(mod.data, DG_POS_PART);
    bool confix = false; /* Mikro|turbine, Netto|prämie */
    dg_buf cw;
    dg_buf_init(&cw);
    for (size_t ci = 0; ci < S_wc.n && !confix; ci++) {
      if (!(S_wc.v[ci].bits & DG_WC_CONFIX)) continue;
      dg_buf_clear(&cw);
      dg_utf8_lower(&cw, S_wc.v[ci].word, strlen(S_wc.v[ci].word));
      confix = strcmp(cw.data, mod.data) == 0;
    }
    dg_buf_free(&cw);
    found = confix || (!particle && (S_known_modifier(word, i) || S_known_form(mod.data)));
    if (!found && !particle && i >= 6) { /* a compound first part: Programm|schnitt|stelle */
      char *first = dg_xstrndup(word, i);
      found = S_ding_compound(first);
      free(first);
    }
    dg_buf_free(&mod);
  }
  dg_buf_free(&head);
  return found;
}

/* Nouns of Ding's German side (Vorlesung {f}, Karzinom {n}) that nothing
 * else knows: hunspell's list makes many such words only by compounding
 * or derivation, and the splitter needs them (Lungen|karzinom; Mitschreiber
 * known whole).  Only the citation form is added (Ding's plural cells do
 * not line up with the singular ones reliably), marked as lower-trust
 * words like hunspell's and as Ding's: the splitter takes only those of
 * seven letters or more as parts (Chiffon|bluse); the analyser reads only
 * capitalised words of ten letters or more that Ding does not mark as
 * places (Mitschreiber, Erzfeindschaft; not Panama, nor schoss as Schoss). */
static void S_read_ding(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: warning: %s: %s (Ding nouns not added)\n", path, err.text);
    return;
  }
  size_t added = 0;
  dg_buf w, found; /* found: gender letter, r(eading) or -, word NUL, ... */
  dg_buf_init(&w);
  dg_buf_init(&found);
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#') continue;
    char *sep = strstr(line, " :: ");
    if (!sep) continue;
    *sep = '\0';
    /* the first cell's alternatives, and the second cell's */
    char *c1 = strstr(line, " | "), *end1 = c1 ? c1 : sep;
    char *c2 = c1 ? c1 + 3 : NULL, *end2 = c2 ? strstr(c2, " | ") : NULL;
    if (c2 && !end2) end2 = sep;
    const char *a = line, *b = c2;
    while (a < end1) {
      const char *ae = strstr(a, "; ");
      if (!ae || ae > end1) ae = end1;
      const char *be = NULL;
      if (b) {
        be = strstr(b, "; ");
        if (!be || be > end2) be = end2;
      }
      int g = S_ding_noun(a, (size_t)(ae - a), &w);
      if ((g == 'm' || g == 'f' || g == 'n') && dg_utf8_length(w.data, w.len) >= 5 && !S_known_form(w.data) &&
          S_lemma_find(w.data, DG_POS_NOUN) == UINT32_MAX && !S_ding_compound(w.data)) {
        /* (collected first, added after: a compound of Ding's own nouns,
         * Vorlesungs|mitschrift, is judged against the tables alone) */
        /* (long words that are no place names are readings too) */
        bool place = strstr(line, "[geogr.]") != NULL; /* (anywhere in the German side) */
        bool read = dg_utf8_length(w.data, w.len) >= 10 && !place;
        dg_buf_printf(&found, "%c%c%s%c", g, read ? 'r' : '-', w.data, '\0');
      }
      a = ae < end1 ? ae + 2 : end1;
      if (b) b = be < end2 ? be + 2 : NULL;
    }
  }
  for (size_t i = 0; i < found.len;) {
    int g = found.data[i];
    bool read = found.data[i + 1] == 'r';
    const char *word = found.data + i + 2;
    i += strlen(word) + 3;
    if (S_lemma_find(word, DG_POS_NOUN) != UINT32_MAX) continue; /* listed twice */
    int gender = g == 'm' ? DG_GENDER_MASC : g == 'f' ? DG_GENDER_FEM : DG_GENDER_NEUT;
    uint32_t li = S_new_lemma(word, DG_POS_NOUN, gender, 0);
    S_add(word, li, 0, DG_POS_NOUN, 0, 0, 0x55);
    S_lemmas[li].flags |= DG_LF_HUNSPELL | DG_LF_DING | (read ? DG_LF_DING_READ : 0);
    added++;
  }
  dg_buf_free(&found);
  dg_buf_free(&w);
  free(text);
  printf("morph-compile: %zu nouns added from %s\n", added, path);
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
  dg_buf_init(&S_str);
  dg_buf_putc(&S_str, '\0');
  S_grow_table();
  S_read_closed(argv[2]);
  S_read_paradigms(argv[1]);
  if (S_errors) return 1;
  if (argc == 5) S_read_hunspell(argv[4]);
  if (ding) S_read_ding(ding);
  dg_buf low;
  dg_buf_init(&low);
  /* A lemma's frequency rank: that of its citation form, or when that is
   * unranked the best rank of its other forms ("Truppe": "Truppen"). */
  for (size_t i = 0; i < S_nkeys; i++) {
    uint32_t r = S_keys[i].rank;
    if (!r) continue;
    for (size_t j = 0; j < S_keys[i].nan; j++) {
      dg_morph_lemma *l = &S_lemmas[S_keys[i].an[j].lemma];
      if (!l->rank || r < l->rank) l->rank = r;
    }
  }
  for (size_t i = 0; i < S_nlemmas; i++) {
    const char *s = S_str.data + S_lemmas[i].str;
    uint32_t own = S_key_of(s)->rank;
    if (own) S_lemmas[i].rank = own;
    /* das Tagen, das Werten: neuter, no plural, the infinitive of a verb
     * (das Abkommen, das Vermögen have plurals: real nouns). */
    bool plural = false;
    if (S_lemma_class[i] != UINT32_MAX) {
      const S_class *c = &S_classes[S_lemma_class[i]];
      for (size_t r = 0; r < c->n; r++) plural |= (c->rules[r].cell & 1) != 0;
    }
    if (S_lemmas[i].pos == DG_POS_NOUN && S_lemmas[i].gender == DG_GENDER_NEUT && !plural &&
        S_lemma_class[i] != UINT32_MAX && S_ends(s, "n")) {
      dg_buf_clear(&low);
      dg_utf8_lower(&low, s, strlen(s));
      if (S_lemma_find(low.data, DG_POS_VERB) != UINT32_MAX) S_lemmas[i].flags |= DG_LF_NOMINF;
    }
  }
  dg_buf_free(&low);
  size_t nslots = 1;
  while (nslots < S_nkeys * 2) nslots <<= 1;
  size_t nanal = 0;
  for (size_t i = 0; i < S_nkeys; i++) nanal += S_keys[i].nan;

  uint32_t *class_str = dg_xmalloc((S_wc.n + 1) * sizeof *class_str);
  for (size_t i = 0; i < S_wc.n; i++) {
    class_str[i] = (uint32_t)S_str.len;
    dg_buf_put(&S_str, S_wc.v[i].word, strlen(S_wc.v[i].word) + 1);
  }
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
  uint64_t *t = dg_xmalloc(nslots * sizeof *t);
  for (size_t i = 0; i < nslots; i++) t[i] = UINT32_MAX;
  for (size_t i = 0; i < S_nkeys; i++) {
    const char *s = S_str.data + S_keys[i].form;
    uint64_t hash = dg_hash64(s, strlen(s), 0);
    size_t j = (size_t)hash & (nslots - 1);
    while ((uint32_t)t[j] != UINT32_MAX) j = (j + 1) & (nslots - 1);
    t[j] = (hash >> 32) << 32 | (uint32_t)i;
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
  h.off_class = S_align(&out);
  h.nclass = (uint32_t)S_wc.n;
  for (size_t i = 0; i < S_wc.n; i++) {
    dg_morph_class c = {class_str[i], (uint32_t)strlen(S_wc.v[i].word), S_wc.v[i].bits};
    dg_buf_put(&out, &c, sizeof c);
  }
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
  free(S_lemma_class);
  free(S_ltab);
  dg_buf_free(&S_str);
  dg_buf_free(&out);
  free(class_str);
  free(S_particles);
  free(S_insep);
  free(S_ambig);
  free(S_links);
  dg_wc_list_free(&S_wc);
  return 0;
}
