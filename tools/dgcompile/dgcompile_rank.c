/* dgcompile: sense ranking.  Every candidate sense of a lemma gets a score
 * from principled features: the English word's frequency (SUBTLEX), the
 * shape of the Ding entry (main headword vs. sub-entry, position among the
 * German and English synonyms, how many Ding lines give the sense), domain
 * and register tags, evidence from aligned parallel text (which dictionary
 * sense shows up in the English line), and the reviewed preferences of
 * dictionaries/preferred.tsv.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "en_stem.h"
#include "lexicon.h"
#include "util.h"

static bool S_en_stop(const char *w) {
  static const char *const stop[] = {"a", "an", "the", "of", "to", "be", "one's", "oneself",
                                     "sb", "sth", "with", "in", "on", "at", "for", "by", "from",
                                     "up", "out", "off", "into", "about", "as", "and", "or",
                                     "one", "sb.", "sth.", "it", NULL};
  for (int i = 0; stop[i]; i++)
    if (strcmp(w, stop[i]) == 0) return true;
  return false;
}

/* Log frequency of the rarest content word of a gloss; unknown words count
 * as very rare. */
static float S_gloss_freq(const dgc_lex *lx, const char *gloss, int *nwords) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", gloss);
  float best = -1;
  int words = 0;
  char *save = NULL;
  for (char *w = strtok_r(buf, " -", &save); w; w = strtok_r(NULL, " -", &save)) {
    words++;
    char low[128];
    size_t n = 0;
    for (const char *p = w; *p && n + 1 < sizeof low; p++)
      low[n++] = (char)tolower((unsigned char)*p);
    low[n] = '\0';
    if (S_en_stop(low) && words > 0) continue;
    int *c = dgc_map_get(&lx->en_freq, low);
    float f = c ? log10f((float)*c + 1) : 0;
    if (best < 0 || f < best) best = f;
  }
  *nwords = words;
  /* a hyphenated compound ("two-way", "all-out") is much rarer than its
   * parts */
  if (best > 0 && strchr(gloss, '-')) best = best > 1.2f ? best - 1.2f : 0;
  return best < 0 ? 2 : best;
}

/* ---- parallel-text evidence ---- */

typedef struct S_group {
  int *idx;
  size_t n, cap;
  long stamp;
} S_group;

static void S_group_push(S_group *g, int v) {
  if (g->n == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 4;
    g->idx = dg_xrealloc(g->idx, g->cap * sizeof *g->idx);
  }
  g->idx[g->n++] = v;
}

static bool S_letter(const unsigned char *p) {
  if (isalpha(*p)) return true;
  if (*p >= 0xc3 && *p < 0xe0) return true; /* Latin letters with diacritics */
  if (*p >= 0x80 && *p < 0xc0) return true;  /* continuation of such a letter */
  return false;
}

static char *S_getline(FILE *f, char **buf, size_t *cap) {
  ssize_t len = getline(buf, cap, f);
  if (len < 0) return NULL;
  while (len && ((*buf)[len - 1] == '\n' || (*buf)[len - 1] == '\r')) (*buf)[--len] = '\0';
  return *buf;
}

/* Is the word (or one of its irregular forms) in the line's stems? */
static bool S_word_in(const dgc_lex *lx, const char *w, const dgc_map *stems) {
  char st[128];
  dg_en_stem(w, st, sizeof st);
  if (dgc_map_get(stems, st)) return true;
  int *ir = dgc_map_get(&lx->en_irreg, w);
  if (!ir) return false;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", lx->irreg[*ir]);
  char *save = NULL;
  for (char *f = strtok_r(buf, " ", &save); f; f = strtok_r(NULL, " ", &save)) {
    dg_en_stem(f, st, sizeof st);
    if (dgc_map_get(stems, st)) return true;
  }
  return false;
}

/* Does the word (or an irregular form of it) have the stem `st`? */
static bool S_word_is(const dgc_lex *lx, const char *w, const char *st) {
  char ws[128];
  dg_en_stem(w, ws, sizeof ws);
  if (strcmp(ws, st) == 0) return true;
  int *ir = dgc_map_get(&lx->en_irreg, w);
  if (!ir) return false;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", lx->irreg[*ir]);
  char *save = NULL;
  for (char *f = strtok_r(buf, " ", &save); f; f = strtok_r(NULL, " ", &save)) {
    dg_en_stem(f, ws, sizeof ws);
    if (strcmp(ws, st) == 0) return true;
  }
  return false;
}

typedef struct S_line_stems {
  dgc_map set;
  char (*seq)[64]; /* stems in line order */
  size_t n, cap;
} S_line_stems;

/* Is the gloss in the line?  One content word: anywhere; several words:
 * as a contiguous sequence ("all over", "take part"). */
static bool S_gloss_in(const dgc_lex *lx, const char *gloss, const S_line_stems *ls) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", gloss);
  char *words[16];
  size_t nw = 0;
  int content = 0;
  char *save = NULL;
  for (char *w = strtok_r(buf, " -", &save); w && nw < 16; w = strtok_r(NULL, " -", &save)) {
    for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
    words[nw++] = w;
    if (S_en_stop(w)) continue;
    content++;
    if (!S_word_in(lx, w, &ls->set)) return false;
  }
  if (content == 0) return false;
  if (nw == 1) return true;
  for (size_t i = 0; i + nw <= ls->n; i++) {
    size_t j = 0;
    while (j < nw && S_word_is(lx, words[j], ls->seq[i + j])) j++;
    if (j == nw) return true;
  }
  return false;
}

/* The stems of the words of an English line (and their order, when `ls`). */
static void S_stems_seq(const char *en, dgc_map *stems, S_line_stems *ls);
static void S_stems(const char *en, dgc_map *stems) { S_stems_seq(en, stems, NULL); }

static void S_stems_seq(const char *en, dgc_map *stems, S_line_stems *ls) {
  for (const unsigned char *p = (const unsigned char *)en; *p;) {
    if (!isalpha(*p)) {
      p++;
      continue;
    }
    const unsigned char *s = p;
    while (isalpha(*p) || *p == '\'') p++;
    char w[128], st[128];
    size_t n = (size_t)(p - s) < sizeof w - 1 ? (size_t)(p - s) : sizeof w - 1;
    memcpy(w, s, n);
    w[n] = '\0';
    dg_en_stem(w, st, sizeof st);
    bool fresh;
    dgc_map_put(stems, st, 1, &fresh);
    if (ls) {
      if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 64;
        ls->seq = dg_xrealloc(ls->seq, ls->cap * sizeof *ls->seq);
      }
      size_t sl = strlen(st);
      if (sl > 63) sl = 63;
      memcpy(ls->seq[ls->n], st, sl);
      ls->seq[ls->n++][sl] = '\0';
    }
  }
}

/* Share of English lines that contain the gloss by chance: the smallest
 * document frequency of its content words (any of a verb's forms). */
static float S_base_rate(const dgc_lex *lx, const char *gloss, const dgc_map *df, long n) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", gloss);
  float best = 1;
  char *save = NULL;
  for (char *w = strtok_r(buf, " -", &save); w; w = strtok_r(NULL, " -", &save)) {
    char low[128], st[128];
    size_t k = 0;
    for (const char *p = w; *p && k + 1 < sizeof low; p++) low[k++] = (char)tolower((unsigned char)*p);
    low[k] = '\0';
    if (S_en_stop(low)) continue;
    dg_en_stem(low, st, sizeof st);
    int *v = dgc_map_get(df, st);
    float r = v ? (float)*v / (float)n : 0;
    int *ir = dgc_map_get(&lx->en_irreg, low);
    if (ir) {
      char fb[128];
      snprintf(fb, sizeof fb, "%s", lx->irreg[*ir]);
      char *s2 = NULL;
      for (char *f = strtok_r(fb, " ", &s2); f; f = strtok_r(NULL, " ", &s2)) {
        dg_en_stem(f, st, sizeof st);
        int *v2 = dgc_map_get(df, st);
        if (v2) r += (float)*v2 / (float)n;
      }
    }
    if (r < best) best = r;
  }
  return best;
}

/* A rough lemma for a word form that is neither a headword nor a listed
 * form: strip an inflectional ending (adjective, noun, verb; "ge-" of a
 * participle) and look the rest, or rest + "en"/"n" for verbs, up among the
 * headwords.  Returns the group index or -1. */
static int S_guess_group(const dgc_map *groups, const char *folded) {
  static const char *const adj_noun[] = {"en", "em", "er", "es", "e", "n", "s", "ern", NULL};
  static const char *const verb[] = {"test", "tet", "ten", "te", "est", "et", "st", "t", "e", "en", NULL};
  size_t n = strlen(folded);
  if (n < 5 || n > 100) return -1;
  char buf[128];
  for (int i = 0; adj_noun[i]; i++) {
    size_t k = strlen(adj_noun[i]);
    if (n - k < 4 || strcmp(folded + n - k, adj_noun[i]) != 0) continue;
    memcpy(buf, folded, n - k);
    buf[n - k] = '\0';
    int *g = dgc_map_get(groups, buf);
    if (g) return *g;
  }
  for (int pre = 0; pre < 2; pre++) {
    const char *w = folded;
    size_t wn = n;
    if (pre) {
      if (strncmp(folded, "ge", 2) != 0) break;
      w += 2;
      wn -= 2;
    }
    for (int i = 0; verb[i]; i++) {
      size_t k = strlen(verb[i]);
      if (wn - k < 3 || wn <= k || strcmp(w + wn - k, verb[i]) != 0) continue;
      for (int e = 0; e < 2; e++) {
        snprintf(buf, sizeof buf, "%.*s%s", (int)(wn - k), w, e ? "n" : "en");
        int *g = dgc_map_get(groups, buf);
        if (g) return *g;
      }
    }
  }
  return -1;
}

bool dgc_evidence(dgc_lex *lx, const char *de_path, const char *en_path, long max_lines) {
  FILE *fd = fopen(de_path, "r"), *fe = fopen(en_path, "r");
  if (!fd || !fe) {
    fprintf(stderr, "dgcompile: %s: cannot open: %s\n", !fd ? de_path : en_path, strerror(errno));
    if (fd) fclose(fd);
    if (fe) fclose(fe);
    return false;
  }
  /* folded lemma -> group of sense indices; folded form -> groups */
  dgc_map groups_by_key;
  dgc_map_init(&groups_by_key);
  S_group *groups = NULL;
  size_t ng = 0, capg = 0;
  for (size_t i = 0; i < lx->n_senses; i++) {
    char *k = dg_lexicon_fold(lx->senses[i].lemma);
    bool fresh;
    int *v = dgc_map_put(&groups_by_key, k, (int)ng, &fresh);
    if (fresh) {
      if (ng == capg) {
        capg = capg ? capg * 2 : 1024;
        groups = dg_xrealloc(groups, capg * sizeof *groups);
      }
      memset(&groups[ng], 0, sizeof groups[ng]);
      groups[ng].stamp = -1;
      ng++;
    }
    S_group_push(&groups[*v], (int)i);
    free(k);
  }
  dgc_map form_groups; /* folded form -> index into fg */
  dgc_map_init(&form_groups);
  S_group *fg = NULL;
  size_t nfg = 0, capfg = 0;
  for (size_t i = 0; i < lx->n_forms; i++) {
    char *lk = dg_lexicon_fold(lx->forms[i].lemma);
    int *g = dgc_map_get(&groups_by_key, lk);
    free(lk);
    if (!g) continue;
    char *fk = dg_lexicon_fold(lx->forms[i].form);
    bool fresh;
    int *v = dgc_map_put(&form_groups, fk, (int)nfg, &fresh);
    if (fresh) {
      if (nfg == capfg) {
        capfg = capfg ? capfg * 2 : 1024;
        fg = dg_xrealloc(fg, capfg * sizeof *fg);
      }
      memset(&fg[nfg], 0, sizeof fg[nfg]);
      nfg++;
    }
    S_group_push(&fg[*v], *g);
    free(fk);
  }
  /* document frequency of English stems over the aligned lines */
  dgc_map df;
  dgc_map_init(&df);
  long n_en = 0;
  {
    char *b = NULL;
    size_t c = 0;
    while (n_en < max_lines && S_getline(fe, &b, &c)) {
      n_en++;
      dgc_map seen;
      dgc_map_init(&seen);
      S_stems(b, &seen);
      for (size_t i = 0; i < seen.cap; i++)
        if (seen.keys[i]) {
          bool fresh;
          int *v = dgc_map_put(&df, seen.keys[i], 0, &fresh);
          (*v)++;
        }
      dgc_map_free(&seen);
    }
    free(b);
    rewind(fe);
  }
  char *bd = NULL, *be = NULL;
  size_t cd = 0, ce = 0;
  long line = 0;
  while (line < max_lines) {
    char *de = S_getline(fd, &bd, &cd);
    char *en = de ? S_getline(fe, &be, &ce) : NULL;
    if (!de || !en) break;
    line++;
    S_line_stems ls;
    memset(&ls, 0, sizeof ls);
    dgc_map_init(&ls.set);
    S_stems_seq(en, &ls.set, &ls);
    for (const unsigned char *p = (const unsigned char *)de; *p;) {
      if (!S_letter(p)) {
        p++;
        continue;
      }
      const unsigned char *s = p;
      while (*p && S_letter(p)) p++;
      if (p - s < 2 || p - s > 100) continue;
      char w[128];
      memcpy(w, s, (size_t)(p - s));
      w[p - s] = '\0';
      char *k = dg_lexicon_fold(w);
      int reached[64];
      int nr = 0;
      int *g = dgc_map_get(&groups_by_key, k);
      if (g) reached[nr++] = *g;
      int *f = dgc_map_get(&form_groups, k);
      if (f)
        for (size_t i = 0; i < fg[*f].n && nr < 64; i++) reached[nr++] = fg[*f].idx[i];
      if (nr == 0) {
        int gg = S_guess_group(&groups_by_key, k);
        if (gg >= 0) reached[nr++] = gg;
      }
      free(k);
      for (int r = 0; r < nr; r++) {
        S_group *gr = &groups[reached[r]];
        if (gr->stamp == line) continue;
        gr->stamp = line;
        for (size_t i = 0; i < gr->n; i++) {
          dgc_sense *sn = &lx->senses[gr->idx[i]];
          sn->ev_occ++;
          if (S_gloss_in(lx, sn->gloss, &ls)) sn->ev_hits++;
        }
      }
    }
    dgc_map_free(&ls.set);
    free(ls.seq);
  }
  free(bd);
  free(be);
  /* chance level of each sense with evidence */
  for (size_t i = 0; i < lx->n_senses; i++) {
    dgc_sense *sn = &lx->senses[i];
    if (sn->ev_occ > 0 && n_en > 0) {
      float r = S_base_rate(lx, sn->gloss, &df, n_en);
      /* several parallel files: average weighted by occurrences */
      sn->ev_base = sn->ev_base > 0 ? (sn->ev_base + r) / 2 : r;
    }
  }
  dgc_map_free(&df);
  fclose(fd);
  fclose(fe);
  for (size_t i = 0; i < ng; i++) free(groups[i].idx);
  free(groups);
  for (size_t i = 0; i < nfg; i++) free(fg[i].idx);
  free(fg);
  dgc_map_free(&groups_by_key);
  dgc_map_free(&form_groups);
  return true;
}

/* ---- English cognates ---- */

/* German word to a rough English spelling for cognate matching: lower case,
 * umlauts and ß flattened, k/z -> c ("Konflikt" -> "conflict", "zentral" ->
 * "central"), verb endings -ieren/-en and adjective -isch cut ("akzeptieren"
 * -> "accept", "diplomatisch" -> "diplomatic"). */
static void S_de_to_en(const char *de, bool verb, char *out, size_t outsz) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)de; *p && n + 3 < outsz; p++) {
    unsigned c = *p;
    if (c == 0xc3 && p[1]) {
      unsigned d = p[1];
      p++;
      if (d == 0xa4 || d == 0x84) out[n++] = 'a';
      else if (d == 0xb6 || d == 0x96) out[n++] = 'o';
      else if (d == 0xbc || d == 0x9c) out[n++] = 'u';
      else if (d == 0x9f) {
        out[n++] = 's';
        out[n++] = 's';
      } else out[n++] = '?';
      continue;
    }
    if (c >= 0x80) {
      out[n++] = '?';
      continue;
    }
    c = (unsigned)tolower((int)c);
    if (c == 'k' || c == 'z') c = 'c';
    out[n++] = (char)c;
  }
  out[n] = '\0';
  if (verb && n > 7 && strcmp(out + n - 5, "ieren") == 0) out[n -= 5] = '\0';
  else if (verb && n > 5 && strcmp(out + n - 2, "en") == 0) out[n -= 2] = '\0';
  else if (verb && n > 5 && strcmp(out + n - 1, "n") == 0) out[n -= 1] = '\0';
  if (!verb && n > 6 && strcmp(out + n - 4, "isch") == 0) {
    strcpy(out + n - 4, "ic");
    n -= 2;
  }
}

/* Similarity 0..1 of two ASCII words: 1 - edit distance / longer length. */
static float S_similarity(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la == 0 || lb == 0 || la > 60 || lb > 60) return 0;
  int row[64];
  for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int up = row[j];
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = diag + cost;
      if (up + 1 < v) v = up + 1;
      if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
    }
  }
  size_t m = la > lb ? la : lb;
  return 1.0f - (float)row[lb] / (float)m;
}

/* Cognate bonus: a one-word gloss that is (nearly) the German word in
 * English spelling ("bilateral", "Invasion", "konkret" -> "concrete") is what
 * translators of news text write.  Short words are left out (false friends
 * like "also", "Rat" are short). */
static float S_cognate(const dgc_sense *s) {
  if (strchr(s->gloss, ' ') || strchr(s->gloss, '-')) return 0;
  if (strlen(s->lemma) < 6 || strlen(s->gloss) < 5) return 0;
  if (strchr(s->lemma, ' ')) return 0;
  char de[128], en[128];
  S_de_to_en(s->lemma, strcmp(s->pos, "VERB") == 0, de, sizeof de);
  size_t k = 0;
  for (const char *p = s->gloss; *p && k + 1 < sizeof en; p++) en[k++] = (char)tolower((unsigned char)*p);
  en[k] = '\0';
  float sim = S_similarity(de, en);
  return sim < 0.6f ? 0 : (sim - 0.6f) / 0.4f; /* 0 .. 1 */
}

/* ---- participial adjectives ---- */

/* Does `adj` spell the English past participle of the verb `verb`
 * ("occupy" -> "occupied", "arm" -> "armed", "catch" -> "caught")? */
static bool S_participle_of(const dgc_lex *lx, const char *adj, const char *verb) {
  size_t n = strlen(verb);
  if (n < 2 || n > 100 || strchr(verb, ' ')) return false;
  char pp[128];
  if (verb[n - 1] == 'e') snprintf(pp, sizeof pp, "%sd", verb);
  else if (verb[n - 1] == 'y' && !strchr("aeiou", verb[n - 2]))
    snprintf(pp, sizeof pp, "%.*sied", (int)(n - 1), verb);
  else snprintf(pp, sizeof pp, "%sed", verb);
  if (strcmp(pp, adj) == 0) return true;
  snprintf(pp, sizeof pp, "%s%ced", verb, verb[n - 1]); /* stopped */
  if (strcmp(pp, adj) == 0) return true;
  int *ir = dgc_map_get(&lx->en_irreg, verb);
  if (!ir) return false;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", lx->irreg[*ir]);
  char *save = NULL;
  for (char *f = strtok_r(buf, " ", &save); f; f = strtok_r(NULL, " ", &save))
    if (strcmp(f, adj) == 0) return true;
  return false;
}

/* An adjective that is the participle of a verb ("besetzt" of "besetzen")
 * mostly means what the verb's leading senses mean: raise its senses that
 * are English participles of those verb senses ("occupied" of "occupy"), by
 * how close the verb sense comes to the verb's best one. */
static void S_participles(dgc_lex *lx) {
  dgc_map verbs; /* lemma -> group of its VERB senses */
  dgc_map_init(&verbs);
  S_group *g = NULL;
  size_t ng = 0, cap = 0;
  for (size_t i = 0; i < lx->n_senses; i++) {
    const dgc_sense *s = &lx->senses[i];
    if (strcmp(s->pos, "VERB") != 0) continue;
    bool fresh;
    int *v = dgc_map_put(&verbs, s->lemma, (int)ng, &fresh);
    if (fresh) {
      if (ng == cap) {
        cap = cap ? cap * 2 : 1024;
        g = dg_xrealloc(g, cap * sizeof *g);
      }
      memset(&g[ng], 0, sizeof g[ng]);
      ng++;
    }
    S_group_push(&g[*v], (int)i);
  }
  dgc_map form_verbs; /* form -> index into lx->forms of a verb lemma */
  dgc_map_init(&form_verbs);
  for (size_t i = 0; i < lx->n_forms; i++)
    if (dgc_map_get(&verbs, lx->forms[i].lemma)) {
      bool fresh;
      dgc_map_put(&form_verbs, lx->forms[i].form, (int)i, &fresh);
    }
  float *bonus = dg_xcalloc(lx->n_senses, sizeof *bonus);
  for (size_t i = 0; i < lx->n_senses; i++) {
    const dgc_sense *s = &lx->senses[i];
    if (strcmp(s->pos, "ADJ") != 0 || strchr(s->gloss, ' ')) continue;
    int *fi = dgc_map_get(&form_verbs, s->lemma);
    if (!fi) continue;
    int *gi = dgc_map_get(&verbs, lx->forms[*fi].lemma);
    if (!gi) continue;
    const S_group *vg = &g[*gi];
    float best = -1e9f, match = -1e9f;
    for (size_t j = 0; j < vg->n; j++) {
      const dgc_sense *v = &lx->senses[vg->idx[j]];
      if (v->score > best) best = v->score;
      if (v->score > match && S_participle_of(lx, s->gloss, v->gloss)) match = v->score;
    }
    if (match > -1e8f) {
      float d = best - match; /* 0 for the verb's best sense */
      bonus[i] = d >= 4 ? 0 : 3.0f * (1.0f - d / 4.0f);
    }
  }
  for (size_t i = 0; i < lx->n_senses; i++) lx->senses[i].score += bonus[i];
  free(bonus);
  for (size_t i = 0; i < ng; i++) free(g[i].idx);
  free(g);
  dgc_map_free(&verbs);
  dgc_map_free(&form_verbs);
}

/* Gloss shapes that do not fit the sense: a verb gloss ("to suppose") under
 * an adverb, adjective or noun; an English reflexive ("deny yourself") for a
 * German verb that is not reflexive. */
static float S_shape_penalty(const dgc_lex *lx, const dgc_sense *s) {
  float pen = 0;
  /* an English plural ("troops") for a singular German noun: the glossing
   * engine adds the plural itself */
  size_t gl = strlen(s->gloss);
  if (strcmp(s->pos, "NOUN") == 0 && strcmp(s->gender, "pl") != 0 && *s->gender && gl > 4 &&
      gl < 60 && s->gloss[gl - 1] == 's' && !strchr("sui", s->gloss[gl - 2]) && !strchr(s->gloss, ' ')) {
    char sg[64];
    snprintf(sg, sizeof sg, "%.*s", (int)(gl - 1), s->gloss);
    for (char *c = sg; *c; c++) *c = (char)tolower((unsigned char)*c);
    int *cs = dgc_map_get(&lx->en_freq, sg);
    if (cs && *cs >= 50) pen += 1.0f;
  }
  if (strcmp(s->pos, "VERB") != 0 && strcmp(s->pos, "AUX") != 0 && strncmp(s->gloss, "to ", 3) == 0)
    pen += 2.0f;
  if (s->slotted != 2 && (strstr(s->gloss, "yourself") || strstr(s->gloss, "oneself") ||
                          strstr(s->gloss, "himself") || strstr(s->gloss, "herself") ||
                          strstr(s->gloss, "themselves")))
    pen += 1.5f;
  return pen;
}

/* ---- reverse translation ---- */

#ifndef S_REV_WEIGHT
#define S_REV_WEIGHT 0.8f
#endif

/* German word frequency ~ 1 / rank (Zipf); words not in the list count as
 * rarer than the rarest listed one. */
static float S_de_freq(const dgc_lex *lx, const char *lemma) {
  char *k = dg_lexicon_fold(lemma);
  int *r = dgc_map_get(&lx->de_freq, k);
  free(k);
  return 1.0f / (r ? (float)*r : 150000.0f);
}

/* For each sense (L, g): the share of L among all German lemmas that Ding
 * translates with g, p(L | g) ~ f(L) P(g | L) / sum over L' of f(L') P(g | L'),
 * with f the German word frequency and P(g | L) a softmax of the scores so
 * far within the lemma.  A gloss that is the usual translation of other,
 * more frequent German words ("careful" for vorsichtig) says less about L
 * than one that translates back to L ("thorough" -> gründlich).  Stores
 * log10 p (0 .. -3) in each sense's `rev`. */
static void S_reverse(dgc_lex *lx) {
  size_t n_s = lx->n_senses ? lx->n_senses : 1;
  dgc_map lem, gl;
  dgc_map_init(&lem);
  dgc_map_init(&gl);
  int *li = dg_xmalloc(n_s * sizeof *li), *gi = dg_xmalloc(n_s * sizeof *gi);
  float *lmax = NULL, *lsum = NULL, *gsum = NULL;
  size_t nl = 0, capl = 0, ng = 0, capg = 0;
  for (size_t i = 0; i < lx->n_senses; i++) {
    const dgc_sense *s = &lx->senses[i];
    bool fresh;
    int *l = dgc_map_put(&lem, s->lemma, (int)nl, &fresh);
    if (fresh) {
      if (nl == capl) {
        capl = capl ? capl * 2 : 4096;
        lmax = dg_xrealloc(lmax, capl * sizeof *lmax);
        lsum = dg_xrealloc(lsum, capl * sizeof *lsum);
      }
      lmax[nl] = -1e30f;
      lsum[nl++] = 0;
    }
    li[i] = *l;
    if (s->score > lmax[*l]) lmax[*l] = s->score;
    char low[256];
    size_t n = 0;
    for (const char *p = s->gloss; *p && n + 1 < sizeof low; p++) low[n++] = (char)tolower((unsigned char)*p);
    low[n] = '\0';
    int *g = dgc_map_put(&gl, low, (int)ng, &fresh);
    if (fresh) {
      if (ng == capg) {
        capg = capg ? capg * 2 : 4096;
        gsum = dg_xrealloc(gsum, capg * sizeof *gsum);
      }
      gsum[ng++] = 0;
    }
    gi[i] = *g;
  }
  float *w = dg_xmalloc(n_s * sizeof *w);
  for (size_t i = 0; i < lx->n_senses; i++) {
    float d = lx->senses[i].score - lmax[li[i]];
    w[i] = d < -30 ? 0 : expf(d);
    lsum[li[i]] += w[i];
  }
  for (size_t i = 0; i < lx->n_senses; i++) {
    w[i] = S_de_freq(lx, lx->senses[i].lemma) * w[i] / lsum[li[i]];
    gsum[gi[i]] += w[i];
  }
  for (size_t i = 0; i < lx->n_senses; i++) {
    float p = gsum[gi[i]] > 0 ? w[i] / gsum[gi[i]] : 1;
    float l = p > 0 ? log10f(p > 1 ? 1 : p) : -3;
    lx->senses[i].rev = l < -3 ? -3 : l;
  }
  free(w);
  free(li);
  free(gi);
  free(lmax);
  free(lsum);
  free(gsum);
  dgc_map_free(&lem);
  dgc_map_free(&gl);
}

void dgc_rank_naive(dgc_lex *lx) {
  for (size_t i = 0; i < lx->n_senses; i++) {
    dgc_sense *s = &lx->senses[i];
    /* Ding's own order: line, then sub-entry, then English position */
    s->score = s->line ? -(float)s->line - 0.01f * (float)s->sub - 0.001f * (float)s->ken : 0;
  }
}

void dgc_rank(dgc_lex *lx, bool data_only) {
  /* plural headwords that are also listed as the plural of a lemma
   * ("Ergebnisse {pl} :: deliverables" next to Ergebnis | Ergebnisse) */
  dgc_map plural_forms;
  dgc_map_init(&plural_forms);
  for (size_t i = 0; i < lx->n_forms; i++)
    if (isupper((unsigned char)lx->forms[i].form[0])) {
      bool fresh;
      dgc_map_put(&plural_forms, lx->forms[i].form, 0, &fresh);
    }
  for (size_t i = 0; i < lx->n_senses; i++) {
    dgc_sense *s = &lx->senses[i];
    int words;
    float freq = S_gloss_freq(lx, s->gloss, &words);
    float sc = 0;
    sc += 1.0f * (freq > 3.8f ? 3.8f : freq);            /* 0 .. 3.8: rare words lose */
    if (freq < 2.5f) sc -= 0.8f * (2.5f - freq);         /* ... and very rare ones more */
    sc -= 0.7f * (float)(words > 1 ? words - 1 : 0);     /* short glosses */
    sc += s->sub == 0 ? 1.5f : 0;                        /* main headword of a line */
    sc += s->jde == 0 ? 2.0f : s->jde == 1 ? 0.5f : 0;   /* first German synonym */
    sc += s->ken == 0 ? 1.0f : s->ken == 1 ? 0.4f : 0;   /* first English synonym */
    sc += 1.2f * log2f(1.0f + (float)s->nlines);         /* several Ding lines agree */
    sc += 0.3f * log2f(1.0f + (float)s->nsubs);          /* rich main entry */
    if (s->phrasal) sc -= 4.0f; /* derived from a phrase: below real headwords */
    if (s->hasforms) sc += 1.0f;                         /* the entry lists its forms */
    sc -= 0.8f * s->dompen;
    if (s->slotted == 1) sc -= 0.2f;
    if (s->slotted == 2) sc -= 1.2f; /* reflexive use is not the plain verb */
    if (s->slotted == 3) sc -= 1.5f; /* "bei jdm. ankommen": prepositional object */
    if (s->ev_occ > 0) {
      /* hits beyond what chance gives a gloss this common in English lines */
      float extra = (float)s->ev_hits - (float)s->ev_occ * s->ev_base;
      if (extra > 0)
        sc += 4.0f * extra / ((float)s->ev_occ + 4.0f) + 0.8f * log2f(1.0f + extra);
    }
    if (strcmp(s->gender, "pl") == 0 && dgc_map_get(&plural_forms, s->lemma)) sc -= 2.0f;
    sc += 2.5f * S_cognate(s);
    sc -= S_shape_penalty(lx, s);
    if (!data_only) {
      if (s->flags & DGC_CURATED) sc += 50;
      if (s->flags & DGC_CLOSED)
        sc += 40 - 2.0f * (float)(s->closed_rank > 10 ? 10 : s->closed_rank);
      /* (rows of one lemma keep their file order: 20 points apart, more
       * than the data-driven terms above move a sense) */
      if (s->flags & DGC_PREFERRED) sc += 100 - 20.0f * (float)(s->pref_rank > 4 ? 4 : s->pref_rank);
    }
    s->score = sc;
  }
  dgc_map_free(&plural_forms);
  S_reverse(lx);
  for (size_t i = 0; i < lx->n_senses; i++) lx->senses[i].score += S_REV_WEIGHT * lx->senses[i].rev;
  S_participles(lx);
}

void dgc_explain(const dgc_lex *lx, const char *lemma) {
  for (size_t i = 0; i < lx->n_senses; i++) {
    const dgc_sense *s = &lx->senses[i];
    if (strcmp(s->lemma, lemma) != 0) continue;
    int words;
    float freq = S_gloss_freq(lx, s->gloss, &words);
    fprintf(stderr,
            "%-14s %-5s %-24s score %6.2f freq %.2f w%d sub %d jde %d ken %d nen %d lines %d "
            "nsubs %d forms %d slot %d dom %.1f (%s) ev %d/%d base %.3f cog %.2f rev %.2f flags %d %s\n",
            s->lemma, s->pos, s->gloss, (double)s->score, (double)freq, words, s->sub, s->jde,
            s->ken, s->nen, s->nlines, s->nsubs, s->hasforms, s->slotted, (double)s->dompen,
            s->domains, s->ev_hits, s->ev_occ, (double)s->ev_base, (double)S_cognate(s), (double)s->rev, s->flags,
            s->source);
  }
}
