/* Word helpers shared by every pass of the glossing engine: lower-casing,
 * label and feature tests, clause boundaries, setting and promoting glosses,
 * sense lookup, the segmentation of a form against its lemma, the small
 * word classes several passes test (finite verbs, role nouns), and Ding's
 * English placeholders dropped from a phrase gloss.  Nothing here calls
 * into a pass or the driver.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "memo.h"
#include "word.h"

/* ---- strings ------------------------------------------------------------ */

/* The non-ASCII case of both: ASCII letters and the Latin-1 capitals
 * (Ä Ö Ü and the other two-byte letters À to Þ) in place, any other code
 * point through utf8proc; the rest of a string that is not UTF-8 is copied
 * as it is. */
static void S_lower_utf8(dg_buf *b, const char *s) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  dg_buf_reserve(b, strlen(s)); /* (both cases keep the length) */
  while (*p) {
    if (*p < 0x80 || (p[0] == 0xC3 && (p[1] & 0xC0) == 0x80)) {
      size_t k = *p < 0x80 ? 1 : 2;
      unsigned char c = p[k - 1];
      if (k == 1 ? (c >= 'A' && c <= 'Z') : (c <= 0x9E && c != 0x97)) c += 0x20; /* (not ×) */
      dg_buf_reserve(b, k);
      if (k == 2) b->data[b->len++] = (char)0xC3;
      b->data[b->len++] = (char)c;
      b->data[b->len] = '\0';
      p += k;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
    if (k <= 0) break;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    dg_buf_put(b, enc, (size_t)m);
    p += k;
  }
  if (*p) dg_buf_puts(b, (const char *)p);
}

char *dg_gl_lower(const char *s) {
  size_t L = 0;
  while (s[L] && !(s[L] & 0x80)) L++;
  if (!s[L]) { /* ASCII */
    char *r = dg_xstrdup(s);
    for (char *q = r; *q; q++)
      if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
    return r;
  }
  dg_buf b;
  dg_buf_init(&b);
  S_lower_utf8(&b, s);
  char *r = dg_buf_detach(&b);
  return r ? r : dg_xstrdup("");
}

size_t dg_gl_lower_into(dg_buf *b, const char *s) {
  size_t at = b->len, L = 0;
  while (s[L] && !(s[L] & 0x80)) L++;
  if (!s[L]) { /* ASCII */
    dg_buf_reserve(b, L);
    char *q = b->data + b->len;
    for (size_t i = 0; i < L; i++) q[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    b->len += L;
  } else {
    S_lower_utf8(b, s);
  }
  dg_buf_putc(b, '\0'); /* (each string ends in its own NUL) */
  return at;
}

bool dg_gl_is_upper_initial_utf8(const char *s) {
  unsigned char b = (unsigned char)s[0];
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0) return false;
  return utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU;
}

bool dg_gl_all_upper_scan(const char *s) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k;
  int letters = 0;
  while (*p) {
    if (*p < 0x80) { /* ASCII: no table look-up */
      if (*p >= 'a' && *p <= 'z') return false;
      if (*p >= 'A' && *p <= 'Z') letters++;
      p++;
      continue;
    }
    if ((k = utf8proc_iterate(p, -1, &cp)) <= 0) break;
    utf8proc_category_t c = utf8proc_get_property(cp)->category;
    if (c == UTF8PROC_CATEGORY_LL) return false;
    if (c == UTF8PROC_CATEGORY_LU) letters++;
    p += k;
  }
  return letters >= 2;
}

/* ---- labels and features ------------------------------------------------ */

/* Is `want` one of the dot-separated Leipzig labels?  A label begins the
 * string or follows a '.', '-', '+', '|' or '/' ("3SG.PRS", "ACC+DAT",
 * "M/N"), and ends the string or comes before a '.', '-', '|' or '/' (a
 * '+' after it joins it to more: "ACC+" is not ACC).  Each place of its
 * first letter is a candidate; `want` is one label (none of these
 * characters in it). */
bool dg_gl_has_label_n(const char *labels, const char *want, size_t n) {
  if (!labels || !n) return false;
  /* (labels are short: walked byte by byte, no strchr call) */
  for (const char *p = labels; *p; p++) {
    if (*p != want[0]) continue;
    if (p != labels && !(p[-1] == '.' || p[-1] == '-' || p[-1] == '+' || p[-1] == '|' || p[-1] == '/')) continue;
    size_t k = 1;
    while (k < n && p[k] == want[k]) k++; /* (stops at the string's NUL: want has none) */
    if (k == n && (p[n] == '\0' || p[n] == '.' || p[n] == '-' || p[n] == '|' || p[n] == '/')) return true;
  }
  return false;
}

/* The bits of dg_gl_label_bits: a label counts where dg_gl_has_label
 * finds it, at the start of the string or after a . - + | or /, and before
 * the end, a . - | or /; and "3SG" anywhere, where strstr finds it.  (The
 * string is walked once; only a P, G or S can begin a label asked about.) */
static inline bool S_label_at(const char *p, const char *want) {
  size_t k = 0;
  while (want[k] && p[k] == want[k]) k++;
  return !want[k] && (p[k] == '\0' || p[k] == '.' || p[k] == '-' || p[k] == '|' || p[k] == '/');
}

unsigned dg_gl_label_bits(const char *labels) {
  if (!labels) return 0;
  unsigned bits = 0;
  for (const char *p = labels; *p; p++) {
    if (*p == '3' && p[1] == 'S' && p[2] == 'G') bits |= DG_GL_L_3SG;
    if (*p != 'P' && *p != 'G' && *p != 'S') continue;
    if (p != labels && !(p[-1] == '.' || p[-1] == '-' || p[-1] == '+' || p[-1] == '|' || p[-1] == '/')) continue;
    if (*p == 'P')
      bits |= S_label_at(p, "PL")     ? DG_GL_L_PL
              : S_label_at(p, "PST")  ? DG_GL_L_PST
              : S_label_at(p, "PTCP") ? DG_GL_L_PTCP
              : S_label_at(p, "PRS")  ? DG_GL_L_PRS
                                      : 0;
    else if (*p == 'G') bits |= S_label_at(p, "GEN") ? DG_GL_L_GEN : 0;
    else bits |= S_label_at(p, "SBJV1") ? DG_GL_L_SBJV1 : 0;
  }
  return bits;
}

/* Is `fv` ("Number=Plur") one of the |-separated UD features? */
bool dg_gl_feat_n(const char *feats, const char *fv, size_t n) {
  if (!feats || !*feats) return false;
  for (const char *p = feats; (p = strstr(p, fv)) != NULL; p += n)
    if ((p == feats || p[-1] == '|') && (p[n] == '\0' || p[n] == '|' || p[n] == ',')) return true;
  return false;
}

/* The bits of dg_gl_feat_bits: a feature counts where dg_gl_feat finds it,
 * at the start of the string or after a |, and before the end, a | or a
 * ",".  The string is walked once, field by field (each field's end found
 * by memchr); each attribute asked about has its own first letter, which
 * tells which to compare, and its value is the field's first item (up to
 * a "," or the field's end). */

/* Does the field [p, p + len) begin with the n bytes of attr? */
static inline bool S_attr(const char *p, size_t len, const char *attr, size_t n) {
  return len >= n && memcmp(p, attr, n) == 0;
}

/* Is the n bytes' value val the first item of [v, end)? */
static inline bool S_item(const char *v, const char *end, const char *val, size_t n) {
  return (size_t)(end - v) >= n && memcmp(v, val, n) == 0 && (v + n == end || v[n] == ',');
}

#define S_ATTR(p, len, lit) S_attr(p, len, lit, sizeof lit - 1)
#define S_ITEM(v, end, lit) S_item(v, end, lit, sizeof lit - 1)

/* The bit of the field [p, end) (0: none asked about). */
static unsigned S_field_bit(const char *p, const char *end) {
  size_t len = (size_t)(end - p);
  const char *v;
  switch (p[0]) {
  case 'V':
    if (!S_ATTR(p, len, "VerbForm=")) return 0;
    v = p + 9;
    return S_ITEM(v, end, "Fin") ? DG_GL_F_FIN : S_ITEM(v, end, "Inf") ? DG_GL_F_INF : S_ITEM(v, end, "Part") ? DG_GL_F_PART : 0;
  case 'N':
    if (!S_ATTR(p, len, "Number=")) return 0;
    v = p + 7;
    return S_ITEM(v, end, "Sing") ? DG_GL_F_SING : S_ITEM(v, end, "Plur") ? DG_GL_F_PLUR : 0;
  case 'P':
    if (!S_ATTR(p, len, "Person=")) return 0;
    v = p + 7;
    return S_ITEM(v, end, "1") ? DG_GL_F_P1 : S_ITEM(v, end, "2") ? DG_GL_F_P2 : S_ITEM(v, end, "3") ? DG_GL_F_P3 : 0;
  case 'D':
    if (!S_ATTR(p, len, "Degree=")) return 0;
    v = p + 7;
    return S_ITEM(v, end, "Pos") ? DG_GL_F_POS : S_ITEM(v, end, "Cmp") ? DG_GL_F_CMP : S_ITEM(v, end, "Sup") ? DG_GL_F_SUP : 0;
  case 'T':
    if (!S_ATTR(p, len, "Tense=")) return 0;
    v = p + 6;
    return S_ITEM(v, end, "Pres") ? DG_GL_F_PRES : S_ITEM(v, end, "Past") ? DG_GL_F_PAST : 0;
  case 'C': /* (a case named: DG_GL_F_CASE, as below) */
    if (!S_ATTR(p, len, "Case=")) return 0;
    return DG_GL_F_CASE | (S_ITEM(p + 5, end, "Gen") ? DG_GL_F_GEN : 0);
  case 'G':
    if (!S_ATTR(p, len, "Gender=")) return 0;
    v = p + 7;
    return S_ITEM(v, end, "Masc") ? DG_GL_F_MASC : S_ITEM(v, end, "Fem") ? DG_GL_F_FEM : S_ITEM(v, end, "Neut") ? DG_GL_F_NEUT : 0;
  default: return 0;
  }
}

unsigned dg_gl_feat_bits(const char *feats) {
  if (!feats || !*feats) return 0;
  unsigned bits = 0;
  const char *end = feats + strlen(feats);
  for (const char *p = feats;;) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    bits |= S_field_bit(p, q ? q : end);
    if (!q) break;
    p = q + 1;
  }
  /* (a case named anywhere in the string, as strstr finds it: mostly a
   * field of its own, found above) */
  if (!(bits & DG_GL_F_CASE) && strstr(feats, "Case=")) bits |= DG_GL_F_CASE;
  return bits;
}

/* ---- clauses ------------------------------------------------------------- */

/* Is this punctuation mark one that ends a clause (dg_gl_boundary, word.h):
 * , ; : . ! ? ( ) " – — „ “ ” » «?  Told by the first byte (the others
 * are UTF-8 lead bytes of the dashes and quotes). */
bool dg_gl_boundary_mark(const char *f) {
  switch ((unsigned char)f[0]) {
  case ',':
  case ';':
  case ':':
  case '.':
  case '!':
  case '?':
  case '(':
  case ')':
  case '"': return f[1] == '\0';
  case 0xE2: /* the dashes, the German and English double quotes */
    return strcmp(f, "–") == 0 || strcmp(f, "—") == 0 || strcmp(f, "„") == 0 || strcmp(f, "“") == 0 ||
           strcmp(f, "”") == 0;
  case 0xC2: /* the guillemets */ return strcmp(f, "»") == 0 || strcmp(f, "«") == 0;
  default: return false;
  }
}

/* A quotation mark (a boundary above, but words in quotes stay in their
 * clause for some rules: sei „positiv“ verlaufen). */
bool dg_gl_quote(const dg_dtoken *t) {
  /* (every byte of the marks but '"' is a byte of a multi-byte letter,
   * 0x80 or above: the most marks, ASCII, are told by their first byte) */
  if (t->kind != DG_KIND_PUNCT) return false;
  unsigned char b = (unsigned char)t->form[0];
  return (b == '"' || b >= 0x80) && strstr("„“”\"‚‘’»«", t->form) != NULL;
}

/* Start of the clause holding token i, and its end (exclusive). */
/* Scans stop after DG_GL_WINDOW tokens, so a sentence without punctuation
 * (a list, a table row, garbage) costs linear time. */
size_t dg_gl_clause_end(const dg_dsentence *s, size_t i) {
  size_t j = i + 1;
  while (j < s->ntokens && j - i < DG_GL_WINDOW && !dg_gl_boundary(&s->tokens[j])) j++;
  return j;
}
size_t dg_gl_clause_start(const dg_dsentence *s, size_t i) {
  size_t j = i;
  while (j > 0 && i - j < DG_GL_WINDOW && !dg_gl_boundary(&s->tokens[j - 1])) j--;
  return j;
}

/* Is closed-class reading k of w a pronoun?  (Its part of speech as the
 * lexicon coded it once, lexicon.h DG_LB_POS: the string, which lies in
 * the memo, is not read.) */
static bool S_pron_reading(const dg_gl_word *w, size_t k) { return DG_LB_POS(w->cl[k].bits) == DG_UD_PRON; }

uint64_t dg_gl_pronoun_sigs(const dg_gl_word *w) {
  uint64_t sig = 0;
  for (size_t k = 0; k < w->ncl; k++)
    if (S_pron_reading(w, k)) sig |= dg_gl_label_sig(w->cl[k].labels);
  return sig;
}

/* Every word's clause as dg_gl_clause_start and dg_gl_clause_end find it,
 * in one walk over the tokens and one over the words instead of a scan
 * for every question: the clause of i starts after the last boundary
 * before i and ends at the first boundary after i, each at most
 * DG_GL_WINDOW tokens away.  And the next word with a pronoun reading from
 * each word on (its pron_sig, which the look-up pass set), so that a
 * clause is searched for a pronoun by its pronouns only.  (The first walk
 * reads only the tokens and lists the boundaries; the second, backwards,
 * sets each word's three fields at once, the boundaries before and after
 * it read off the list.) */
/* Word i's clause, [after, end) its boundaries', cut to the window. */
static inline void S_clause_of(dg_gl_word *w, size_t i, size_t after, size_t end) {
  w->cstart = i >= DG_GL_WINDOW && i - DG_GL_WINDOW > after ? i - DG_GL_WINDOW : after;
  w->cend = end - i < DG_GL_WINDOW ? end : i + DG_GL_WINDOW;
}
void dg_gl_clauses(dg_gl_ctx *c) {
  const dg_dsentence *s = c->s;
  size_t n = s->ntokens;
  size_t one[64], *bd = n <= 64 ? one : dg_xmalloc(n * sizeof *bd), m = 0;
  const dg_dtoken *t = s->tokens;
  for (size_t i = 0; i < n; i++, t++)
    if (dg_gl_boundary(t)) bd[m++] = i;
  /* (clause by clause from the last: the words after boundary bd[m - 1]
   * up to the next one, bd[m] or the end, and that boundary itself, whose
   * clause ends at the boundary after it; in a clause shorter than the
   * window every word's start and end are its boundaries') */
  size_t next = n, pron = n, i = n;
  dg_gl_word *w = c->w + n;
  while (i > 0) {
    size_t after = m ? bd[m - 1] + 1 : 0;
    /* (the boundary at i - 1, if any: its clause ends at next) */
    bool boundary = m && bd[m - 1] == i - 1;
    if (boundary) after = m > 1 ? bd[m - 2] + 1 : 0;
    size_t end = next;
    if (boundary) {
      i--, w--, m--;
      S_clause_of(w, i, after, end);
      if (w->pron_sig) pron = i;
      w->next_pron = pron;
      next = end = i;
    }
    bool short_clause = end - after < DG_GL_WINDOW;
    while (i > after) {
      i--, w--;
      if (short_clause) {
        w->cstart = after;
        w->cend = end;
      } else {
        S_clause_of(w, i, after, end);
      }
      if (w->pron_sig) pron = i;
      w->next_pron = pron;
    }
  }
  if (bd != one) free(bd);
}

/* An opening quotation mark or parenthesis. */
bool dg_gl_opening(const dg_dtoken *t) {
  return dg_gl_is_punct(t) && (dg_gl_eq(t->form, "„") || dg_gl_eq(t->form, "\"") || dg_gl_eq(t->form, "»") ||
                               dg_gl_eq(t->form, "(") || dg_gl_eq(t->form, "‚") || dg_gl_eq(t->form, "“"));
}

/* Does the clause around i hold a word other than i that `is` accepts? */
static bool S_clause_has(const dg_gl_ctx *c, size_t i, bool (*is)(const dg_gl_word *, const char *),
                         const char *arg) {
  size_t a = dg_gl_clause_start(c->s, i), b = dg_gl_clause_end(c->s, i);
  for (size_t j = a; j < b; j++)
    if (j != i && is(&c->w[j], arg)) return true;
  /* A clause joined by "und" right before its verb shares the subject of
   * the clause before ("Ich war … und werde …", "Wir sitzen … und
   * besprechen"). */
  if (a > 1 && (c->s->tokens[a - 1].flags & DG_DF_CLAUSE_JOIN) && a == i) {
    size_t pa = dg_gl_clause_start(c->s, a - 2);
    for (size_t j = pa; j < a - 1; j++)
      if (is(&c->w[j], arg)) return true;
  }
  return false;
}

static bool S_is_word(const dg_gl_word *w, const char *lower) { return strcmp(w->lower, lower) == 0; }

/* Does the clause around i contain the word `lower`? */
bool dg_gl_clause_has(const dg_gl_ctx *c, size_t i, const char *lower) {
  return S_clause_has(c, i, S_is_word, lower);
}

bool dg_gl_pronoun(const dg_gl_word *w, const char *labels) {
  for (size_t k = 0; k < w->ncl; k++)
    if (S_pron_reading(w, k) && dg_gl_eq(w->cl[k].labels, labels)) return true;
  return false;
}

/* The first word from j on with a pronoun reading (ntokens: none). */
static size_t S_next_pronoun(const dg_gl_ctx *c, size_t j) {
  return j < c->s->ntokens ? c->w[j].next_pron : c->s->ntokens;
}

/* Is the pronoun at j compared, not a subject: after a comparison particle
 * and last before punctuation ("spielen besser als wir.")?  (After "als"
 * or "wie" opening a clause it is its subject: "als wir damals …
 * machten", "wie wir uns fühlen".) */
static bool S_compared(const dg_gl_ctx *c, size_t j) {
  const dg_dsentence *s = c->s;
  return j > 0 && dg_gl_is(&c->w[j - 1], DG_WC_COMPAR_PARTICLE) &&
         (j + 1 == s->ntokens || s->tokens[j + 1].kind == DG_KIND_PUNCT);
}

/* Does [a, b) hold such a pronoun, other than word i?  Only a pronoun
 * with the bit of the labels (*sig, computed when first needed) is
 * compared. */
static bool S_span_has_pronoun(const dg_gl_ctx *c, size_t a, size_t b, size_t i, const char *labels,
                               uint64_t *sig) {
  for (size_t j = S_next_pronoun(c, a); j < b; j = S_next_pronoun(c, j + 1)) {
    if (j == i) continue;
    if (!*sig) *sig = dg_gl_label_sig(labels);
    if ((c->w[j].pron_sig & *sig) && dg_gl_pronoun(&c->w[j], labels) && !S_compared(c, j)) return true;
  }
  return false;
}

/* S_clause_has with dg_gl_pronoun, through the clauses and pronouns
 * dg_gl_clauses found. */
bool dg_gl_clause_has_pronoun(const dg_gl_ctx *c, size_t i, const char *labels) {
  return dg_gl_clause_has_pronoun_sig(c, i, labels, 0);
}
bool dg_gl_clause_has_pronoun_sig(const dg_gl_ctx *c, size_t i, const char *labels, uint64_t sig) {
  if (!labels) return false; /* (dg_gl_eq finds no labels NULL) */
  size_t a = dg_gl_cstart(c, i);
  if (S_span_has_pronoun(c, a, dg_gl_cend(c, i), i, labels, &sig)) return true;
  /* (the clause before, across a joining "und", as S_clause_has) */
  return a > 1 && (c->s->tokens[a - 1].flags & DG_DF_CLAUSE_JOIN) && a == i &&
         S_span_has_pronoun(c, dg_gl_cstart(c, a - 2), a - 1, i, labels, &sig);
}

/* Is every reading of w a finite verb form (nothing else it could be)? */
bool dg_gl_only_finite(const dg_gl_word *w) {
  if (!w->nan) return false;
  /* (the look-up pass asks it before it sets dg_gl_word.fb: then the
   * strings are read) */
  for (size_t a = 0; a < w->nan; a++)
    if (w->fb ? !dg_gl_an_feat(w, a, DG_GL_F_FIN) : !dg_gl_feat(w->an[a].feats, "VerbForm=Fin")) return false;
  return true;
}

int dg_gl_an_of_find(dg_gl_word *w, const char *lemma) {
  int k = dg_gl_memo_an_of(w, lemma, NULL);
  if (w->memo && lemma) dg_gl_memo_lemma_set(w, lemma, k); /* (without an entry: always -1) */
  return k;
}

/* ---- glosses and senses --------------------------------------------------- */

/* The token's glosses: `first` (if any), then the senses' glosses, without
 * duplicates. */
size_t dg_gl_gloss_list(const dg_sense *sv, size_t n, const char *first, const char **out) {
  size_t k = 0;
  if (first && *first) out[k++] = first;
  for (size_t i = 0; i < n && k < DG_GL_MAX_SENSES; i++) {
    if (!sv[i].gloss || !*sv[i].gloss) continue;
    bool dup = false;
    for (size_t j = 0; j < k && !dup; j++)
      if (out[j][0] == sv[i].gloss[0] && strcmp(out[j], sv[i].gloss) == 0) dup = true;
    if (!dup) out[k++] = sv[i].gloss;
  }
  return k;
}

void dg_gl_set_glosses(dg_doc *d, dg_dtoken *t, const dg_sense *sv, size_t n, const char *first) {
  const char *tmp[DG_GL_MAX_SENSES];
  size_t k = dg_gl_gloss_list(sv, n, first, tmp);
  dg_gl_set_gloss_list(d, t, tmp, k);
}

void dg_gl_set_gloss_list(dg_doc *d, dg_dtoken *t, const char *const *list, size_t k) {
  const char **g = dg_mem_alloc(&d->arena, (k ? k : 1) * sizeof *g);
  for (size_t i = 0; i < k; i++) g[i] = dg_doc_str(d, list[i]);
  t->glosses = g;
  t->nglosses = k;
  if (k) t->gloss = g[0];
}

void dg_gl_set_single(dg_doc *d, dg_dtoken *t, const char *gloss) {
  const char **g = dg_mem_alloc(&d->arena, sizeof *g);
  /* (a name glossed as itself, a number as written: the token's lemma or
   * form, which live as long as d, as do the strings of the lexicon it
   * keeps; no pass writes into a gloss) */
  g[0] = gloss && (gloss == t->lemma || gloss == t->form) ? gloss : dg_doc_str(d, gloss);
  t->glosses = g;
  t->nglosses = 1;
  t->gloss = g[0];
}

/* Put `g` first among the token's glosses. */
void dg_gl_make_unit(dg_doc *d, dg_gl_ctx *c, size_t i, dg_kind kind, const char *pos, const char *g) {
  dg_dtoken *t = &c->s->tokens[i];
  t->kind = kind;
  dg_gl_set_pos(t, pos);
  t->nparts = 0;
  t->seg = NULL;
  t->lemma = t->form;
  t->feats = "";
  t->labels = "";
  c->w[i].leipzig = "";
  dg_gl_promote(d, t, g);
  t->flags &= ~(unsigned)DG_DF_GUESS;
}

void dg_gl_promote(dg_doc *d, dg_dtoken *t, const char *g) {
  const char **nv = dg_mem_alloc(&d->arena, (t->nglosses + 1) * sizeof *nv);
  size_t k = 0;
  nv[k++] = dg_mem_strdup(&d->arena, g);
  for (size_t i = 0; i < t->nglosses; i++)
    if (!dg_gl_eq(t->glosses[i], g)) nv[k++] = t->glosses[i]; /* (most differ in their first letter) */
  t->glosses = nv;
  t->nglosses = k;
  t->gloss = nv[0];
}

/* Does the ';'-separated domain list hold `want`? */
static bool S_has_domain(const char *domains, const char *want) {
  size_t n = strlen(want);
  for (const char *p = domains ? domains : ""; *p;) {
    size_t l = strcspn(p, ";");
    if (l == n && strncmp(p, want, n) == 0) return true;
    p += l;
    if (*p) p++;
  }
  return false;
}

unsigned dg_gl_sense_marks(const dg_sense *sv) {
  const char *src = sv->source;
  bool curated = src && src[0] == 'd' && src[1] == 'i' && src[2] == 'c' && strncmp(src, "dictionaries/", 13) == 0;
  bool vr = S_has_domain(sv->domains, "vr");
  return (curated ? DG_GL_SENSE_CURATED : 0) | (vr ? DG_GL_SENSE_VR : 0) |
         (vr && strcmp(sv->domains, "vr") == 0 ? DG_GL_SENSE_VR_ONLY : 0);
}

/* Senses of lemma with pos; falls back to any pos, then lower/upper case. */
static size_t S_senses(dg_engine *e, const char *lemma, const char *pos, dg_sense *out, size_t max) {
  /* A user glossary entry wins whatever part of speech it names.  (The
   * lemma's senses of every part of speech, in the lexicon's order: the
   * first tells whether there is one, and the others are filled only then
   * or when they are the answer, without a part of speech.) */
  bool any_pos = !pos || !*pos;
  size_t any = dg_lexicon_senses(e->lex, lemma, NULL, out, any_pos ? max : 1);
  if (any && out[0].source && strncmp(out[0].source, "glossary", 8) == 0) {
    if (!any_pos) any = dg_lexicon_senses(e->lex, lemma, NULL, out, max);
    size_t k = 0;
    while (k < any && k < max && out[k].source && strncmp(out[k].source, "glossary", 8) == 0) k++;
    return k;
  }
  /* (a lemma without senses has none of any part of speech either) */
  size_t n = any_pos ? any : 0;
  if (any && !any_pos) {
    n = dg_lexicon_senses(e->lex, lemma, pos, out, max);
    if (n == 0 && dg_gl_eq(pos, "AUX")) n = dg_lexicon_senses(e->lex, lemma, "VERB", out, max);
    if (n == 0 && dg_gl_eq(pos, "PROPN")) n = dg_lexicon_senses(e->lex, lemma, "NOUN", out, max);
    if (n == 0) n = dg_lexicon_senses(e->lex, lemma, NULL, out, max);
  }
  /* Old spelling from the morphology ("gewiß"), new in the lexicon ("gewiss"). */
  if (n == 0 && strstr(lemma, "ß")) {
    dg_buf b;
    dg_buf_init(&b);
    for (const char *p = lemma; *p;) {
      if (strncmp(p, "ß", 2) == 0) {
        dg_buf_puts(&b, "ss");
        p += 2;
      } else {
        dg_buf_putc(&b, *p++);
      }
    }
    n = dg_lexicon_senses(e->lex, b.data, pos && *pos ? pos : NULL, out, max);
    if (n == 0 && pos && *pos) n = dg_lexicon_senses(e->lex, b.data, NULL, out, max);
    dg_buf_free(&b);
  }
  return n < max ? n : max;
}

/* The same through the engine's memo: computed once with room for
 * DG_GL_MAX_SENSES, a smaller `max` takes the first ones (what S_senses
 * gives for it: it counts and fills in the same order). */
size_t dg_gl_senses(dg_engine *e, const char *lemma, const char *pos, dg_sense *out, size_t max) {
  if (!lemma || !*lemma) return 0;
  if (max > DG_GL_MAX_SENSES) return S_senses(e, lemma, pos, out, max);
  size_t n;
  dg_gl_memo_skey sk;
  const dg_sense *m = dg_gl_memo_senses_find(e, lemma, pos, &n, &sk);
  dg_sense sv[DG_GL_MAX_SENSES];
  if (!m) {
    n = S_senses(e, lemma, pos, sv, DG_GL_MAX_SENSES);
    dg_gl_memo_senses_put(e, &sk, pos, sv, n);
    m = sv;
  }
  if (n > max) n = max;
  memcpy(out, m, n * sizeof *out);
  return n;
}

size_t dg_gl_an_senses(dg_engine *e, const dg_gl_word *w, size_t k, dg_sense *out, size_t max) {
  const dg_analysis *a = &w->an[k];
  if (!a->lemma || !*a->lemma) return 0;
  size_t n;
  if (max > DG_GL_MAX_SENSES) return dg_gl_senses(e, a->lemma, a->pos, out, max);
  dg_sense sv[DG_GL_MAX_SENSES];
  const dg_sense *m = dg_gl_an_senses_ref(e, w, k, sv, &n);
  if (n > max) n = max;
  memcpy(out, m, n * sizeof *out);
  return n;
}

const dg_sense *dg_gl_an_senses_ref(dg_engine *e, const dg_gl_word *w, size_t k, dg_sense *buf, size_t *n) {
  const dg_analysis *a = &w->an[k];
  *n = 0;
  if (!a->lemma || !*a->lemma) return buf;
  size_t m;
  dg_gl_memo_skey sk;
  const dg_sense *v = dg_gl_memo_an_senses_asked(e, w, k, &m, &sk);
  if (v) {
    *n = m > DG_GL_MAX_SENSES ? DG_GL_MAX_SENSES : m;
    return v;
  }
  /* (not in the memo: computed, stored and linked from the analysis here,
   * not looked up again by dg_gl_senses) */
  *n = S_senses(e, a->lemma, a->pos, buf, DG_GL_MAX_SENSES);
  const dg_sense *stored = dg_gl_memo_an_senses_put(e, w, k, &sk, buf, *n);
  return stored ? stored : buf;
}

/* ---- word shapes and classes ---------------------------------------------- */

/* Only ASCII digits. */
bool dg_gl_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return false;
  return true;
}

/* Does the form begin with the lemma's stem[0..stem) but for the case of
 * its letters (sentence-initial capital)?  (Letters in ASCII are
 * compared without their case in place, and so are the two-byte Latin-1
 * letters (C3 xx: "Bestätigte", bestätigen; "Überzeugte", überzeugen):
 * lowering keeps both kinds' length, so the first letter that differs
 * decides as lowering would, and so does an ASCII letter against a
 * Latin-1 one.  A stem with any other character has the
 * strings lowered first.)  Out of line: most forms begin with their stem
 * as it is spelt. */
/* The second byte of a two-byte Latin-1 letter (C3 xx) lowered as
 * S_lower_utf8 lowers it ("Ü" -> "ü"; not "×"). */
static inline unsigned char S_latin1_lower(unsigned char c) { return c <= 0x9E && c != 0x97 ? c + 0x20 : c; }
static __attribute__((noinline)) bool S_stem_caseless(const char *form, const char *lemma, size_t stem) {
  bool in_place = true, same = true;
  for (size_t k = 0; k < stem && in_place && same;) {
    unsigned char a = (unsigned char)form[k], b = (unsigned char)lemma[k];
    if (a < 0x80 && b < 0x80) {
      same = (a >= 'A' && a <= 'Z' ? a + 0x20 : a) == (b >= 'A' && b <= 'Z' ? b + 0x20 : b);
      k++;
    } else if (a == 0xC3 && b == 0xC3 && k + 1 < stem && ((unsigned char)form[k + 1] & 0xC0) == 0x80 &&
               ((unsigned char)lemma[k + 1] & 0xC0) == 0x80) {
      same = S_latin1_lower((unsigned char)form[k + 1]) == S_latin1_lower((unsigned char)lemma[k + 1]);
      k += 2;
    } else if ((a < 0x80 && b == 0xC3) || (a == 0xC3 && b < 0x80)) {
      same = false; /* (an umlaut against its vowel, "Länder", Land: lowered, C3 stays C3) */
    } else {
      in_place = false;
    }
  }
  if (!in_place) {
    char *lf = dg_gl_lower(form), *ll = dg_gl_lower(lemma);
    same = strncmp(lf, ll, stem) == 0;
    free(lf);
    free(ll);
  }
  return same;
}

/* "bestätigte" with lemma "bestätigen" -> "bestätig-te"; "Russlands" ->
 * "Russland-s".  NULL when the form does not start with the lemma's stem. */
/* Is pos a verb's tag (a verb's stem drops its -en/-n: bestätig-te)? */
static bool S_verb_tag(const char *pos) { return dg_gl_eq(pos, "VERB") || dg_gl_eq(pos, "AUX"); }

const char *dg_gl_segment(dg_doc *d, const char *form, const char *lemma, const char *pos) {
  if (!lemma || !*lemma) return NULL;
  size_t L = strlen(lemma), F = strlen(form);
  /* (a form spelt as its lemma has no segments: told by the lengths
   * first, which most forms fail) */
  if (F == L && memcmp(form, lemma, L) == 0) return NULL;
  size_t stem = L;
  if (S_verb_tag(pos)) {
    if (L > 2 && strcmp(lemma + L - 2, "en") == 0) stem = L - 2;
    else if (L > 1 && lemma[L - 1] == 'n') stem = L - 1;
  }
  if (stem < 2 || F <= stem || F - stem > 4) return NULL;
  /* (sentence-initial capital: the rest compared, S_stem_caseless) */
  if (memcmp(form, lemma, stem) != 0 && !S_stem_caseless(form, lemma, stem)) return NULL;
  /* (form[0..stem) "-" form[stem..F), made in d's arena: the form with
   * its NUL copied, its ending moved one byte on) */
  char *r = dg_mem_strndup(&d->arena, form, F + 1);
  memmove(r + stem + 1, r + stem, F - stem);
  r[stem] = '-';
  return r;
}

/* dg_gl_segment of word w's form as looked up (w->memo_form) by the
 * lemma and POS of one of its analyses is a function of the memo entry and
 * that analysis: made once, kept in the memo and linked from the analysis
 * (DG_GL_ALINK_SEGMENT; a form with no segments links S_unsegmented), so
 * a repeated word finds it by a load.  The string kept lives as long as
 * the memo (the document holds it while its tokens point there). */
static const char S_unsegmented[1] = "";
const char *dg_gl_word_segment(dg_engine *e, dg_doc *d, const dg_gl_word *w, const char *form, const char *lemma,
                               const char *pos) {
  if (!w || !w->memo || w->memo_form != form || !pos || !lemma) return dg_gl_segment(d, form, lemma, pos);
  /* (the analysis: the one whose lemma the token's is, known by the
   * string's address when the token's pass set it; the segmentation asks
   * of the POS only whether it is a verb's, which the analysis's bits
   * tell) */
  int k = lemma == w->lemma_set ? w->lemma_an : dg_gl_memo_an_of_scan(w, lemma, pos);
  if (k >= 0 && (size_t)k < w->nan &&
      !(w->fb[k] & (DG_GL_P_VERB | DG_GL_P_AUX)) != !S_verb_tag(pos))
    k = -1;
  const char *v = dg_gl_memo_an_link(w, k, DG_GL_ALINK_SEGMENT);
  if (v) {
    v = v == S_unsegmented ? NULL : v;
#ifndef NDEBUG
    /* (the test build makes it again: the kept one must be what this
     * form, lemma and part of speech give, or the analysis was found
     * wrongly) */
    const char *again = dg_gl_segment(d, form, lemma, pos);
    assert(!v == !again && (!v || strcmp(v, again) == 0));
#endif
    return v;
  }
  const char *r = dg_gl_segment(d, form, lemma, pos);
  if (k < 0) return r;
  if (!r) {
    dg_gl_memo_set_an_link(w, k, DG_GL_ALINK_SEGMENT, S_unsegmented);
    return NULL;
  }
  const char *kept = dg_gl_memo_keep_an_link(e, w, k, DG_GL_ALINK_SEGMENT, r, strlen(r) + 1);
  return kept ? kept : r;
}

/* A noun naming a person's role or title (word class role-noun, also as
 * the end of a compound: Außenministerin): a name may follow it. */
bool dg_gl_role_noun(const dg_gl_ctx *c, const char *lemma) {
  if (!lemma || !*lemma) return false;
  char *l = dg_gl_lower(lemma);
  bool r = dg_lexicon_ends_in_class(c->lex, l, DG_WC_ROLE_NOUN);
  free(l);
  return r;
}

/* ---- Ding's English placeholders ------------------------------------------ */

/* Is g[a..b) a placeholder (word class en-placeholder: sb. sth. sb./sth. …),
 * or its possessive (sb.’s, sth.'s)?  *possessive tells which. */
static bool S_placeholder(const dg_lexicon *lex, const char *w, size_t n, bool *possessive) {
  char buf[64];
  *possessive = false;
  if (n == 0 || n >= sizeof buf) return false;
  memcpy(buf, w, n);
  buf[n] = '\0';
  if (dg_lexicon_is(lex, buf, DG_WC_EN_PLACEHOLDER)) return true;
  static const char *const poss[] = {"\u2019s", "'s"};
  for (size_t k = 0; k < DG_ARRAY_LEN(poss); k++) {
    size_t m = strlen(poss[k]);
    if (n > m && memcmp(buf + n - m, poss[k], m) == 0) {
      buf[n - m] = '\0';
      *possessive = dg_lexicon_is(lex, buf, DG_WC_EN_PLACEHOLDER);
      return *possessive;
    }
  }
  return false;
}

/* Remove g[a..b) with the space before it (or, at the start, after it). */
static void S_cut(char *g, size_t a, size_t b) {
  if (a > 0 && g[a - 1] == ' ') a--;
  else if (g[b] == ' ') b++;
  memmove(g + a, g + b, strlen(g + b) + 1);
}

/* Start of the word that ends at e (exclusive). */
static size_t S_word_start(const char *g, size_t e) {
  while (e > 0 && g[e - 1] != ' ') e--;
  return e;
}

void dg_gl_drop_placeholders(const dg_lexicon *lex, char *g, dg_gl_drop how) {
  bool poss;
  if (how == DG_GL_DROP_ALL) {
    for (size_t a = 0; g[a];) {
      if (g[a] == ' ') {
        a++;
        continue;
      }
      size_t b = a + strcspn(g + a, " ");
      if (S_placeholder(lex, g + a, b - a, &poss)) S_cut(g, a, b), a = a > 0 ? a - 1 : 0;
      else a = b;
    }
    return;
  }
  /* DG_GL_DROP_OBJECT: the object the gloss ends in, again and again ("give
   * sb. credit for sth." -> "give sb. credit for"), never the gloss's first
   * word. */
  for (;;) {
    size_t e = strlen(g), a = S_word_start(g, e);
    if (a == 0) return;
    if (S_placeholder(lex, g + a, e - a, &poss) && !poss) {
      g[a - 1] = '\0';
      continue;
    }
    /* a possessive placeholder with the one noun it owns, or the noun with
     * its alternatives ("to sb.’s benefit / advantage") */
    size_t w = a;
    if (w >= 4 && g[w - 1] == ' ' && g[w - 2] == '/' && g[w - 3] == ' ') w = S_word_start(g, w - 3);
    if (w < 2) return;
    size_t p = S_word_start(g, w - 1);
    if (p == 0 || !S_placeholder(lex, g + p, w - 1 - p, &poss) || !poss) return;
    g[p - 1] = '\0';
  }
}

bool dg_gl_verbless(const dg_gl_ctx *c, size_t i, size_t end) {
  for (size_t j = i; j < end; j++) {
    const dg_gl_word *v = &c->w[j];
    if (v->nan && !dg_gl_is_upper_initial(c->s->tokens[j].form) && dg_gl_an_pos(v, 0, DG_GL_P_VERB | DG_GL_P_AUX))
      return false;
  }
  return true;
}
