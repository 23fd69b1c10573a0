/* degloss --check-data: one line per run-time data file, "ok" or what is
 * wrong with it.  The compiled files are opened through dg_mapfile with the
 * full checksum pass (which a glossing run skips at start-up), then through
 * their own readers, which check every table offset.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "checkdata.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss.h"
#include "lexicon.h"
#include "lexicon_format.h"
#include "mapfile.h"
#include "morph_data.h"
#include "mwe.h"
#include "governed.h"
#include "ordinal.h"
#include "subjects.h"
#include "util.h"

#ifndef DEGLOSS_DEFAULT_HUNSPELL_DIR
#define DEGLOSS_DEFAULT_HUNSPELL_DIR "/usr/share/hunspell"
#endif

typedef struct S_file {
  char *path;
  char size[24];    /* bytes, or "-" */
  char kind[24];    /* what the file says it is, or what it should be */
  char version[24]; /* "-" when the file has none or it cannot be read */
  char problem[DEGLOSS_ERROR_TEXT_LENGTH]; /* empty: ok */
} S_file;

static void S_init(S_file *f, char *path, const char *kind) {
  memset(f, 0, sizeof *f);
  f->path = path;
  snprintf(f->size, sizeof f->size, "-");
  snprintf(f->kind, sizeof f->kind, "%s", kind);
  snprintf(f->version, sizeof f->version, "-");
}

static void S_problem(S_file *f, const char *text) {
  if (!f->problem[0]) snprintf(f->problem, sizeof f->problem, "%s", text);
}

/* A regular, readable, non-empty file?  Fills the size. */
static bool S_stat(S_file *f) {
  struct stat st;
  if (stat(f->path, &st) != 0) {
    char t[128];
    if (errno == ENOENT) snprintf(t, sizeof t, "missing");
    else snprintf(t, sizeof t, "cannot stat: %s", strerror(errno));
    S_problem(f, t);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    S_problem(f, "not a regular file");
    return false;
  }
  snprintf(f->size, sizeof f->size, "%lld", (long long)st.st_size);
  FILE *in = fopen(f->path, "rb");
  if (!in) {
    char t[128];
    snprintf(t, sizeof t, "cannot open: %s", strerror(errno));
    S_problem(f, t);
    return false;
  }
  fclose(in);
  if (st.st_size == 0) {
    S_problem(f, "empty file");
    return false;
  }
  return true;
}

/* Kind and version as the header states them (for the report only: the
 * checks are dg_mapfile_open's). */
static void S_header(S_file *f) {
  unsigned char h[DG_MAPFILE_HEADER];
  FILE *in = fopen(f->path, "rb");
  if (!in) return;
  size_t n = fread(h, 1, sizeof h, in);
  fclose(in);
  if (n < 20 || memcmp(h, "DGLSDATA", 8) != 0) return;
  char kind[9] = {0};
  for (int i = 0; i < 8 && h[8 + i]; i++) kind[i] = (h[8 + i] >= 0x20 && h[8 + i] < 0x7f) ? (char)h[8 + i] : '?';
  snprintf(f->kind, sizeof f->kind, "%s", kind);
  uint32_t v = (uint32_t)h[16] | (uint32_t)h[17] << 8 | (uint32_t)h[18] << 16 | (uint32_t)h[19] << 24;
  snprintf(f->version, sizeof f->version, "%lu", (unsigned long)v);
}

static bool S_lex_tables(const char *path, degloss_error *err) {
  dg_lexicon *lex = dg_lexicon_open(path, err);
  if (!lex) return false;
  dg_lexicon_close(lex);
  return true;
}

static bool S_morph_tables(const char *path, degloss_error *err) {
  dg_morph_data d;
  if (!dg_morph_data_open(&d, path, err)) return false;
  bool ok = dg_morph_data_check(&d, path, err);
  dg_morph_data_close(&d);
  return ok;
}

/* A compiled data file: header, size, checksum, then the reader's checks. */
static void S_check_mapped(S_file *f, const char *kind, uint32_t version,
                           bool (*tables)(const char *, degloss_error *)) {
  if (!S_stat(f)) return;
  S_header(f);
  dg_mapfile mf;
  degloss_error err = {0};
  if (!dg_mapfile_open(&mf, f->path, kind, version, true, &err)) {
    S_problem(f, err.text);
    return;
  }
  dg_mapfile_close(&mf);
  if (!tables(f->path, &err)) S_problem(f, err.text);
}

static void S_check_aff(S_file *f) {
  if (!S_stat(f)) return;
  /* igerman98's affix files say "# Version: 20161207" near the top. */
  FILE *in = fopen(f->path, "r");
  char line[256];
  for (int i = 0; in && i < 20 && fgets(line, sizeof line, in); i++) {
    const char *v = strstr(line, "Version:");
    if (line[0] == '#' && v) {
      v += 8;
      while (*v == ' ' || *v == '\t') v++;
      size_t n = strcspn(v, " \t\r\n");
      if (n) snprintf(f->version, sizeof f->version, "%.*s", (int)(n < 20 ? n : 20), v);
      break;
    }
  }
  if (in) fclose(in);
}

/* A hunspell word list starts with its (approximate) word count. */
static void S_check_dic(S_file *f) {
  if (!S_stat(f)) return;
  FILE *in = fopen(f->path, "r");
  char line[64] = "";
  bool got = in && fgets(line, sizeof line, in);
  if (in) fclose(in);
  const char *p = line;
  if (memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  char *end = NULL;
  errno = 0;
  unsigned long long n = (got && *p >= '0' && *p <= '9') ? strtoull(p, &end, 10) : 0;
  if (!end || errno || n == 0 || strspn(end, " \t\r\n") != strlen(end))
    S_problem(f, "not a hunspell word list (the first line is not a word count)");
}

/* A table read at run time (mwe.tsv, subjects.tsv,
 * governed-prepositions.tsv, ordinal-stems.tsv): its loader's bad lines are warnings naming
 * file:line (on standard error), counted here; at least one row. */
typedef struct S_table {
  void *(*load)(const char *path, degloss_error *err);
  size_t (*count)(const void *t);
  void (*drop)(void *t);
  const char *empty; /* the problem when it has no row */
} S_table;

static void S_check_table(S_file *f, const S_table *k) {
  if (!S_stat(f)) return;
  dg_warn_scope scope = {0};
  dg_warn_push(&scope);
  degloss_error err = {0};
  void *t = k->load(f->path, &err);
  dg_warn_pop(&scope);
  if (!t) {
    S_problem(f, err.text);
    return;
  }
  unsigned long bad = scope.count;
  if (bad) {
    char m[96];
    snprintf(m, sizeof m, "%lu bad line%s (warnings above)", bad, bad == 1 ? "" : "s");
    S_problem(f, m);
  } else if (k->count(t) == 0) {
    S_problem(f, k->empty);
  }
  k->drop(t);
}

static void *S_mwe_load(const char *path, degloss_error *err) { return dg_mwe_list_load(path, err); }
static size_t S_mwe_count(const void *t) { return dg_mwe_list_count(t); }
static void S_mwe_drop(void *t) { dg_mwe_list_free(t); }
static const S_table S_MWE = {S_mwe_load, S_mwe_count, S_mwe_drop, "no multiword patterns"};

/* (every line a field row or a sense row, at least one subject) */
static void *S_subj_load(const char *path, degloss_error *err) { return dg_subjects_load(path, err); }
static size_t S_subj_count(const void *t) { return dg_subjects_count(t); }
static void S_subj_drop(void *t) { dg_subjects_free(t); }
static const S_table S_SUBJECTS = {S_subj_load, S_subj_count, S_subj_drop, "no subjects"};

/* (every line governor, preposition, gloss and maybe a case) */
static void *S_gov_load(const char *path, degloss_error *err) { return dg_governed_load(path, err); }
static size_t S_gov_count(const void *t) { return dg_governed_count(t); }
static void S_gov_drop(void *t) { dg_governed_free(t); }
static const S_table S_GOVERNED = {S_gov_load, S_gov_count, S_gov_drop, "no rows"};

/* (every line an ordinal stem and its cardinal) */
static void *S_ord_load(const char *path, degloss_error *err) { return dg_ordinal_stems_load(path, err); }
static size_t S_ord_count(const void *t) { return dg_ordinal_stems_count(t); }
static void S_ord_drop(void *t) { dg_ordinal_stems_free(t); }
static const S_table S_ORDINAL = {S_ord_load, S_ord_count, S_ord_drop, "no rows"};

int dg_check_data(const char *data_dir, const char *dict, const char *hunspell_base, FILE *out,
                  FILE *diag) {
  const char *dir = data_dir && *data_dir ? data_dir : degloss_data_dir();
  char *hbase;
  if (hunspell_base && *hunspell_base) hbase = dg_xstrdup(hunspell_base);
  else hbase = dg_path_join(DEGLOSS_DEFAULT_HUNSPELL_DIR, dict && *dict ? dict : "de_DE");
  size_t hl = strlen(hbase);
  char *aff = dg_xmalloc(hl + 5), *dic = dg_xmalloc(hl + 5);
  snprintf(aff, hl + 5, "%s.aff", hbase);
  snprintf(dic, hl + 5, "%s.dic", hbase);
  free(hbase);

  enum { LEX, MORPH, MWE, SUBJ, GOV, ORD, AFF, DIC, N };
  S_file f[N];
  S_init(&f[LEX], dg_path_join(dir, DG_LEXICON_FILE), DG_LEX_KIND);
  S_init(&f[MORPH], dg_path_join(dir, "degloss.morph"), DG_MORPH_KIND);
  S_init(&f[MWE], dg_path_join(dir, "mwe.tsv"), "MWE-TSV");
  S_init(&f[SUBJ], dg_path_join(dir, "subjects.tsv"), "SUBJECTS-TSV");
  S_init(&f[GOV], dg_path_join(dir, "governed-prepositions.tsv"), "GOVERNED-TSV");
  S_init(&f[ORD], dg_path_join(dir, "ordinal-stems.tsv"), "ORDINAL-TSV");
  S_init(&f[AFF], aff, "HUNSPELL-AFF");
  S_init(&f[DIC], dic, "HUNSPELL-DIC");
  S_check_mapped(&f[LEX], DG_LEX_KIND, DG_LEX_VERSION, S_lex_tables);
  S_check_mapped(&f[MORPH], DG_MORPH_KIND, DG_MORPH_VERSION, S_morph_tables);
  S_check_table(&f[MWE], &S_MWE);
  S_check_table(&f[SUBJ], &S_SUBJECTS);
  S_check_table(&f[GOV], &S_GOVERNED);
  S_check_table(&f[ORD], &S_ORDINAL);
  S_check_aff(&f[AFF]);
  S_check_dic(&f[DIC]);

  int bad = 0;
  bool bad_dir = false, bad_hs = false;
  for (int i = 0; i < N; i++) {
    bool ok = !f[i].problem[0];
    fprintf(out, "%s\t%s\t%s\t%s\t%s\n", f[i].path, f[i].size, f[i].kind, f[i].version,
            ok ? "ok" : f[i].problem);
    if (!ok) {
      fprintf(diag, "degloss: %s: %s\n", f[i].path, f[i].problem);
      bad++;
      if (i < AFF) bad_dir = true;
      else bad_hs = true;
    }
    free(f[i].path);
  }
  if (bad_dir)
    fprintf(diag, "degloss: data directory: %s (set DEGLOSS_DATA_DIR or --data-dir)\n", dir);
  if (bad_hs)
    fprintf(diag, "degloss: hunspell dictionary: install it (hunspell-de-de) or choose another "
                  "with --dict or --hunspell\n");
  return bad;
}
