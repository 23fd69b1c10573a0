/* Multiword expressions: the curated list (dictionaries/mwe.tsv) and
 * dictionary phrases compiled into patterns, matched against sentences.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "gloss.h"
#include "mwe.h"
#include "word.h"

#define S_GAP 12   /* tokens a "…" may skip */
#define S_FREE 20  /* how far a free verb may be from the rest */

typedef struct S_elem {
  uint64_t h;     /* dg_mwe_word_hash of the word */
  uint32_t w;     /* the word, lower case (S_str) */
  bool free;      /* matched by lemma anywhere nearby */
  bool gap;       /* a gap may precede this element */
  bool verb;      /* a dictionary phrase's final infinitive: matches a verb only */
  bool last;      /* a curated pattern's word before " .": the clause ends after it */
} S_elem;

/* The compiled pattern: one allocation (elements, then their strings), as
 * thousands of dictionary phrases stay compiled in the engine's cache.
 * The strings are kept as offsets from the pattern's start: a copy of its
 * bytes (dg_mwe_pat_size) is a pattern too, so the phrase pass keeps a
 * word's patterns side by side in one block. */
struct dg_mwe_pat {
  uint32_t size, n;
  uint32_t lemma, gloss, source, members;
  int head;
  bool name;
  bool hidden;
  S_elem e[];
};

static const char *S_str(const dg_mwe_pat *p, uint32_t off) { return (const char *)p + off; }
/* dg_mwe_word_hash of the n bytes of w. */
static inline uint64_t S_hash(const char *w, size_t n);

/* The list's patterns by the hash of one of their words (the longest: the
 * rarest, most likely), sorted by hash: a sentence's candidates are the
 * patterns indexed under one of its words (dg_mwe_list_candidates). */
typedef struct S_ix {
  uint64_t h;
  size_t i;
} S_ix;

/* The runs of equal hashes in ix, in an open-addressing table by hash. */
typedef struct S_run {
  uint64_t h; /* 0: empty (dg_mwe_word_hash is never 0) */
  uint32_t start, count;
} S_run;

struct dg_mwe_list {
  dg_mwe_pat **p;
  size_t n;
  S_ix *ix;       /* n - nalways entries */
  size_t *always; /* patterns without words (none the loader keeps) */
  size_t nalways;
  S_run *runs;
  size_t runs_mask;
  /* the dg_mwe_word_bit of each hash in ix, as bits: tested for each word
   * of every sentence at random, seldom set; 512 bytes stay in the cache
   * where a byte a bit (4 KB) was read again from further away */
  uint64_t bits[DG_MWE_BITS / 64];
  uint16_t (*probe)[2]; /* each pattern's bits of two other words (dg_mwe_pat_probes) */
};

/* A byte of a pattern's word lower-cased (ASCII letters; any other byte
 * as it is), 0 for a byte that ends the word: NUL, space, tab. */
#define S_WL(c) (unsigned char)((c) == 0 || (c) == ' ' || (c) == '\t' ? 0 : (c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define S_WL4(c) S_WL(c), S_WL((c) + 1), S_WL((c) + 2), S_WL((c) + 3)
#define S_WL16(c) S_WL4(c), S_WL4((c) + 4), S_WL4((c) + 8), S_WL4((c) + 12)
#define S_WL64(c) S_WL16(c), S_WL16((c) + 16), S_WL16((c) + 32), S_WL16((c) + 48)
static const unsigned char S_word_lower[256] = {S_WL64(0), S_WL64(64), S_WL64(128), S_WL64(192)};

/* Lower-case s into b (with its NUL); returns where it starts in b. */
static size_t S_lower_into(dg_buf *b, const char *s) {
  /* Case folding, except that folding turns ß into ss: a word with ß is
   * lower-cased code point by code point instead. */
  size_t L = 0;
  while (s[L] && !(s[L] & 0x80)) L++;
  if (!s[L]) { /* ASCII: folding is lower-casing */
    size_t at = b->len;
    dg_buf_reserve(b, L + 1);
    char *r = b->data + at;
    for (size_t k = 0; k < L; k++) r[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    r[L] = '\0';
    b->len += L + 1;
    return at;
  }
  if (strstr(s + L, "ß")) return dg_gl_lower_into(b, s);
  /* ASCII and the letters of Latin-1 (À-þ, written C3 80-BF: ä ö ü é …)
   * only: folding lower-cases À-Þ to à-þ (no combining mark to compose) */
  bool latin1 = true;
  for (size_t k = L; s[k] && latin1; k++)
    if (s[k] & 0x80) {
      latin1 = (unsigned char)s[k] == 0xC3 && ((unsigned char)s[k + 1] & 0xC0) == 0x80;
      k++;
    }
  size_t at = b->len;
  if (latin1) {
    size_t n = L + strlen(s + L);
    dg_buf_reserve(b, n + 1);
    char *r = b->data + at;
    for (size_t k = 0; k <= n; k++) {
      unsigned char c = (unsigned char)s[k];
      r[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      if (c == 0xC3) {
        unsigned char c2 = (unsigned char)s[k + 1];
        r[++k] = (char)(c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97 ? c2 + 0x20 : c2);
      }
    }
    b->len += n + 1;
    return at;
  }
  utf8proc_uint8_t *out = NULL;
  utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_NULLTERM);
  dg_buf_puts(b, out ? (const char *)out : s);
  dg_buf_putc(b, '\0');
  free(out);
  return at;
}

/* A word of a dictionary phrase (of n bytes) that marks a gap (word class
 * phrase-gap: jdm., etw., sich, "…"; most words are told by their first
 * byte and length without a look-up). */
static bool S_placeholder(const dg_lexicon *lex, const dg_lexicon_filter *gaps, const char *w, size_t n) {
  return dg_lexicon_filter_may_be(gaps, w, n) && dg_lexicon_is(lex, w, DG_WC_PHRASE_GAP);
}

/* Does s[0..n) contain t[0..tn)? */
static bool S_memmem(const char *s, size_t n, const char *t, size_t tn) {
  for (size_t i = 0; i + tn <= n; i++) {
    const char *p = memchr(s + i, t[0], n - tn + 1 - i);
    if (!p) return false;
    i = (size_t)(p - s);
    if (memcmp(p, t, tn) == 0) return true;
  }
  return false;
}

/* Is w one of the English placeholders (word class en-placeholder) after
 * an "of" among the words of gloss[0..n) (split at spaces)? */
static bool S_of_placeholder(const dg_lexicon *lex, const char *gloss, size_t n) {
  bool of = false;
  char tmp[128];
  for (size_t i = 0; i < n;) {
    if (gloss[i] == ' ') {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && gloss[j] != ' ') j++;
    size_t wl = j - i;
    if (of) {
      char *w = wl < sizeof tmp ? tmp : dg_xmalloc(wl + 1);
      memcpy(w, gloss + i, wl);
      w[wl] = '\0';
      bool ph = dg_lexicon_is(lex, w, DG_WC_EN_PLACEHOLDER);
      if (w != tmp) free(w);
      if (ph) return true;
    }
    of = wl == 2 && gloss[i] == 'o' && gloss[i + 1] == 'f';
    i = j;
  }
  return false;
}

/* Punctuation that dictionary text leaves after a word ("legen;"). */
static bool S_trailing(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"';
}

/* Compile a pattern at the end of out (at a multiple of 8); returns
 * where it starts, or SIZE_MAX (nothing appended) when it has fewer than
 * two words. */
static size_t S_parse(dg_buf *out, const dg_lexicon *lex, const char *pattern, const char *gloss, const char *head,
                      const char *source, bool dictionary, bool name, const char *members) {
  if (!members) members = "";
  size_t plen = strlen(pattern);
  char stack[512];
  char *copy = plen < sizeof stack ? stack : dg_xmalloc(plen + 1);
  memcpy(copy, pattern, plen + 1);
  /* The words, lower-cased, one after the other in out where the pattern's
   * strings start when it has DG_MWE_MAX words (moved down to where they
   * start when it is compiled), at wbase + off[i]. */
  S_elem e[DG_MWE_MAX];
  size_t off[DG_MWE_MAX], n = 0;
  size_t len0 = out->len, start = (out->len + 7) & ~(size_t)7;
  size_t wbase = start + sizeof(dg_mwe_pat) + DG_MWE_MAX * sizeof(S_elem);
  dg_buf_reserve(out, wbase - out->len + plen + 16);
  out->len = wbase;
  bool gap = false, had_slot = false, dots = false;
  dg_lexicon_filter gaps; /* (the pre-test of the placeholders, read once) */
  if (dictionary) dg_lexicon_class_filter(lex, DG_WC_PHRASE_GAP, &gaps);
  /* Dictionary phrases: drop (comments), {grammar}, [domains], <variants>. */
  char *bracket = dictionary ? strpbrk(copy, "({[<") : NULL;
  if (bracket) {
    char *w = bracket;
    int depth = 0;
    for (char *r = bracket; *r; r++) {
      if (*r == '(' || *r == '{' || *r == '[' || *r == '<') depth++;
      else if ((*r == ')' || *r == '}' || *r == ']' || *r == '>') && depth) depth--;
      else if (!depth) *w++ = *r;
    }
    *w = '\0';
  }
  for (char *r = copy; *r;) {
    if (*r == ' ' || *r == '\t') {
      r++;
      continue;
    }
    char *tok = r;
    /* A curated pattern's "." after a word: the word ends its clause
     * ("fühlen sich … wohl ." = feel comfortable; in "fühlt sich wohl
     * bedroht" wohl is "probably"). */
    if (!dictionary && n > 0 && tok[0] == '.' && (!tok[1] || tok[1] == ' ' || tok[1] == '\t')) {
      e[n - 1].last = dots = true;
      r++;
      continue;
    }
    bool free_ = tok[0] == '~';
    /* (the word's end found and its letters lowered into out in one walk,
     * past a leading ~; a word not in ASCII is lowered again whole) */
    dg_buf_reserve(out, plen);
    char *w = out->data + out->len;
    unsigned char high = 0;
    r += free_;
    for (unsigned char lc; (lc = S_word_lower[(unsigned char)*r]) != 0; r++) {
      high |= lc;
      *w++ = (char)lc;
    }
    size_t tn = (size_t)(r - tok) - free_;
    if (*r) *r++ = '\0';
    if (dg_gl_eq(tok, "…") || dg_gl_eq(tok, "...")) {
      gap = true;
      had_slot = true;
      continue;
    }
    size_t at = out->len;
    if (high & 0x80)
      at = S_lower_into(out, tok + free_);
    else {
      *w = '\0';
      out->len += tn + 1;
    }
    char *low = out->data + at;
    /* Trailing punctuation of dictionary text ("legen;") */
    size_t L = out->len - 1 - at;
    while (L && S_trailing(low[L - 1])) low[--L] = '\0';
    if (!L || (dictionary && S_placeholder(lex, &gaps, low, L))) {
      if (L) had_slot = true;
      out->len = at;
      if (dictionary) gap = true;
      continue;
    }
    if (n == DG_MWE_MAX) {
      out->len = at;
      break;
    }
    out->len = at + L + 1;
    off[n] = at - wbase;
    e[n] = (S_elem){.w = 0, .free = free_, .gap = gap && n > 0, .verb = false, .h = S_hash(low, L)};
    gap = false;
    n++;
  }
  if (copy != stack) free(copy);
  if (dictionary && n >= 2) {
    /* The final infinitive moves with word order. */
    S_elem *last = &e[n - 1];
    const char *w = out->data + wbase + off[n - 1];
    size_t L = strlen(w);
    if (L > 3 && w[L - 1] == 'n' && (w[L - 2] == 'e' || w[L - 2] == 'l' || w[L - 2] == 'r')) {
      last->free = true;
      /* It is a verb: the possessive "seiner" (lemma sein) is no "sein". */
      last->verb = true;
    }
    /* A dictionary gap is only allowed where a placeholder stood. */
  }
  size_t fixed = 0;
  for (size_t i = 0; i < n; i++) fixed += !e[i].free;
  if (n < 2 || fixed == 0) {
    out->len = len0;
    return SIZE_MAX;
  }
  /* The gloss: Ding's "to take part in sth.; to participate in sth." -> the
   * first. */
  size_t glen = strlen(gloss);
  if (dictionary) {
    glen = strcspn(gloss, ";,");
    while (glen && gloss[glen - 1] == ' ') glen--;
  }
  /* Ding writes a complement the phrase needs as jdm./etw. in the German
   * and sb./sth. in the English; "of sth." without a German placeholder
   * stood for a genitive slot written as grammar ("ein Kind {+Gen.} sein"
   * = to be a creature of sth.), which the words alone do not show.  (An
   * object outside the phrase, "in Erwägung ziehen" = consider sth., is
   * no such slot.) */
  bool hidden = dictionary && !had_slot && S_memmem(gloss, glen, "of ", 3) && S_of_placeholder(lex, gloss, glen);
  int hd = -1;
  if (head && *head) {
    size_t at = S_lower_into(out, head);
    for (size_t i = 0; i < n; i++)
      if (strcmp(out->data + wbase + off[i], out->data + at) == 0) hd = (int)i;
    out->len = at;
  }
  if (hd < 0) {
    for (size_t i = 0; i < n; i++)
      if (e[i].free) hd = (int)i;
    /* Dictionary phrases without a verb: the last word is the head
     * ("den ganzen Tag"). */
    if (hd < 0) hd = dictionary ? (int)n - 1 : 0;
  }
  /* One block: the elements, their words, the citation form without the
   * markers, the gloss, the source, the member glosses. */
  const char *tilde = strchr(pattern, '~');
  size_t tildes = 0;
  for (const char *r = tilde; r; r = strchr(r + 1, '~')) tildes++;
  size_t slen = strlen(source), mlen = strlen(members);
  size_t wlen = out->len - wbase;
  size_t size = sizeof(dg_mwe_pat) + n * sizeof(S_elem) + wlen + (plen - tildes + 1) + (glen + 1) +
                (slen + 1) + (mlen + 1);
  if (start + size > out->len) dg_buf_reserve(out, start + size - out->len);
  memmove(out->data + start + sizeof(dg_mwe_pat) + n * sizeof(S_elem), out->data + wbase, wlen);
  out->len = start + size;
  /* (the bytes before the pattern and its padding zeroed: a pattern stored
   * in a file is the same file at every build) */
  memset(out->data + len0, 0, start - len0 + sizeof(dg_mwe_pat) + n * sizeof(S_elem));
  dg_mwe_pat *p = (dg_mwe_pat *)(void *)(out->data + start);
  char *str = (char *)&p->e[n];
  /* (the offset of str in p) */
#define S_AT ((uint32_t)(str - (char *)p))
  p->size = (uint32_t)size;
  p->n = (uint32_t)n;
  p->head = hd;
  p->name = name;
  p->hidden = hidden;
  for (size_t i = 0; i < n; i++) {
    p->e[i].h = e[i].h;
    p->e[i].w = S_AT + (uint32_t)off[i];
    p->e[i].free = e[i].free;
    p->e[i].gap = e[i].gap;
    p->e[i].verb = e[i].verb;
    p->e[i].last = e[i].last;
  }
  str += wlen;
  p->lemma = S_AT;
  if (!tilde && !dots) {
    memcpy(str, pattern, plen + 1);
    str += plen + 1;
  } else {
    /* (without the markers: "~", and a clause end's " .") */
    for (const char *r = pattern; *r; r++)
      if (*r != '~' && !(r[0] == ' ' && r[1] == '.' && (!r[2] || r[2] == ' '))) *str++ = *r;
      else if (*r == ' ') r++;
    *str++ = '\0';
  }
  p->gloss = S_AT;
  memcpy(str, gloss, glen);
  str[glen] = '\0';
  str += glen + 1;
  p->source = S_AT;
  memcpy(str, source, slen + 1);
  str += slen + 1;
  p->members = S_AT;
  memcpy(str, members, mlen + 1);
#undef S_AT
  return start;
}

size_t dg_mwe_compile(dg_buf *out, const dg_lexicon *lex, const char *german, const char *gloss, const char *source) {
  return S_parse(out, lex, german, gloss, NULL, source, true, false, NULL);
}

bool dg_mwe_pat_ok(const void *pv, size_t avail) {
  const dg_mwe_pat *p = pv;
  const unsigned char *b = pv;
  if (avail < sizeof(dg_mwe_pat) || p->n == 0 || p->n > DG_MWE_MAX) return false;
  size_t strings = sizeof(dg_mwe_pat) + p->n * sizeof(S_elem);
  if (p->size > avail || p->size <= strings || b[p->size - 1] != '\0') return false;
  /* (a bool holds 0 or 1: its bytes are read as bytes first) */
  if (b[offsetof(dg_mwe_pat, name)] > 1 || b[offsetof(dg_mwe_pat, hidden)] > 1) return false;
  if (p->head < 0 || (uint32_t)p->head >= p->n) return false;
  /* (every block of the lexicon is checked the first time its key is
   * seen, tens of thousands of patterns in a text: the tests are
   * gathered without a branch each; an offset is inside the strings when
   * off - strings, as unsigned, is below their length) */
  uint32_t in = p->size - (uint32_t)strings;
  bool bad = (uint32_t)(p->lemma - strings) >= in || (uint32_t)(p->gloss - strings) >= in;
  bad |= (uint32_t)(p->source - strings) >= in || (uint32_t)(p->members - strings) >= in;
  for (size_t i = 0; i < p->n; i++) {
    const unsigned char *e = b + offsetof(dg_mwe_pat, e) + i * sizeof(S_elem);
    bad |= (e[offsetof(S_elem, free)] | e[offsetof(S_elem, gap)] | e[offsetof(S_elem, verb)]) > 1;
    uint32_t w;
    memcpy(&w, e + offsetof(S_elem, w), sizeof w);
    bad |= (uint32_t)(w - strings) >= in;
  }
  return !bad;
}

static void S_pat_free(dg_mwe_pat *p) { free(p); }

static int S_ix_cmp(const void *a, const void *b) {
  const S_ix *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

static void S_index(dg_mwe_list *l) {
  l->ix = dg_xcalloc(l->n + 1, sizeof *l->ix);
  l->always = dg_xcalloc(l->n + 1, sizeof *l->always);
  l->probe = dg_xcalloc(l->n + 1, sizeof *l->probe);
  size_t k = 0;
  for (size_t i = 0; i < l->n; i++) {
    const dg_mwe_pat *p = l->p[i];
    if (!p->n) {
      l->always[l->nalways++] = i;
      continue;
    }
    size_t best = 0;
    for (size_t j = 1; j < p->n; j++)
      if (strlen(S_str(p, p->e[j].w)) > strlen(S_str(p, p->e[best].w))) best = j;
    l->ix[k++] = (S_ix){p->e[best].h, i};
    unsigned bit = dg_mwe_word_bit(p->e[best].h);
    l->bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
    uint64_t other[2];
    dg_mwe_pat_probes(p, p->e[best].h, other);
    l->probe[i][0] = (uint16_t)dg_mwe_word_bit(other[0]);
    l->probe[i][1] = (uint16_t)dg_mwe_word_bit(other[1]);
  }
  qsort(l->ix, k, sizeof *l->ix, S_ix_cmp);
  size_t cap = 16;
  while (cap < 2 * k + 2) cap *= 2;
  l->runs = dg_xcalloc(cap, sizeof *l->runs);
  l->runs_mask = cap - 1;
  for (size_t a = 0; a < k;) {
    size_t b = a;
    while (b < k && l->ix[b].h == l->ix[a].h) b++;
    size_t i = (size_t)(l->ix[a].h >> 7) & l->runs_mask;
    while (l->runs[i].h) i = (i + 1) & l->runs_mask;
    l->runs[i] = (S_run){l->ix[a].h, (uint32_t)a, (uint32_t)(b - a)};
    a = b;
  }
}

static int S_size_cmp(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

size_t dg_mwe_list_candidates(const dg_mwe_list *l, const dg_mwe_words *ws, size_t *out) {
  if (!l || !l->runs) return 0;
  size_t k = 0;
  for (size_t a = 0; a < l->nalways; a++) out[k++] = l->always[a];
  for (size_t a = 0; a < ws->n; a++) {
    uint64_t h = ws->list[a];
    unsigned bit = dg_mwe_word_bit(h);
    if (!((l->bits[bit >> 6] >> (bit & 63)) & 1)) continue; /* (no pattern is indexed under it) */
    size_t i = (size_t)(h >> 7) & l->runs_mask;
    while (l->runs[i].h && l->runs[i].h != h) i = (i + 1) & l->runs_mask;
    for (uint32_t j = 0; l->runs[i].h && j < l->runs[i].count; j++) {
      size_t p = l->ix[l->runs[i].start + j].i;
      if (dg_mwe_words_bit(ws, l->probe[p][0]) && dg_mwe_words_bit(ws, l->probe[p][1])) out[k++] = p;
    }
  }
  if (k > 16) {
    qsort(out, k, sizeof *out, S_size_cmp);
  } else {
    for (size_t a = 1; a < k; a++)
      for (size_t b = a; b > 0 && out[b] < out[b - 1]; b--) {
        size_t x = out[b];
        out[b] = out[b - 1];
        out[b - 1] = x;
      }
  }
  return k;
}

dg_mwe_list *dg_mwe_list_load(const char *path, degloss_error *err) {
  FILE *f = fopen(path, "r");
  if (!f) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: cannot open the multiword list", path);
    return NULL;
  }
  dg_mwe_list *l = dg_xcalloc(1, sizeof *l);
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  while (dg_table_line(f, &line, &cap, &lineno)) {
    char *f1 = line, *f2 = strchr(f1, '\t');
    if (!f2) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "expected 'pattern<TAB>gloss[<TAB>head]'");
      continue;
    }
    *f2++ = '\0';
    char *f3 = strchr(f2, '\t');
    if (f3) *f3++ = '\0';
    char *f4 = f3 ? strchr(f3, '\t') : NULL;
    if (f4) *f4++ = '\0';
    if (strcmp(f1, "pattern") == 0) continue; /* header */
    char src[64];
    snprintf(src, sizeof src, "mwe.tsv:%ld", lineno);
    /* the fourth column: "name", or the glosses of the pattern's words
     * one by one, separated by "|" ("when|ever" for "wann immer"; an empty
     * one keeps that word's own gloss) */
    bool name = f4 && strcmp(f4, "name") == 0;
    const char *members = f4 && strchr(f4, '|') ? f4 : NULL;
    dg_buf pb;
    dg_buf_init(&pb);
    dg_mwe_pat *p = S_parse(&pb, NULL, f1, f2, f3, src, false, name, members) == SIZE_MAX
                        ? NULL
                        : (dg_mwe_pat *)(void *)dg_buf_detach(&pb);
    dg_buf_free(&pb);
    if (p && members) {
      size_t bars = 0;
      for (const char *q = members; *q; q++) bars += *q == '|';
      if (bars + 1 != p->n) {
        dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "the member glosses must name each word of the pattern");
        S_pat_free(p);
        continue;
      }
    }
    if (!p) {
      dg_warn(DEGLOSS_ERR_CONFIG, path, lineno, -1, "a multiword pattern needs at least two words");
      continue;
    }
    l->p = dg_xrealloc(l->p, (l->n + 1) * sizeof *l->p);
    l->p[l->n++] = p;
  }
  free(line);
  fclose(f);
  S_index(l);
  return l;
}

void dg_mwe_list_free(dg_mwe_list *l) {
  if (!l) return;
  for (size_t i = 0; i < l->n; i++) S_pat_free(l->p[i]);
  free(l->p);
  free(l->ix);
  free(l->always);
  free(l->probe);
  free(l->runs);
  free(l);
}

size_t dg_mwe_list_count(const dg_mwe_list *l) { return l ? l->n : 0; }
const dg_mwe_pat *dg_mwe_list_get(const dg_mwe_list *l, size_t i) { return l->p[i]; }

/* Does element k of p match token t? */
static inline bool S_eq(const dg_mwe_pat *p, size_t k, const dg_mwe_tok *t) {
  const S_elem *e = &p->e[k];
  /* (most tokens have neither hash: they are ruled out first) */
  if (t->hlemma != e->h && (e->free || t->hlower != e->h)) return false;
  if (t->punct) return false;
  if (e->verb && !t->verb) return false;
  const char *w = S_str(p, e->w);
  if (e->free) return t->hlemma == e->h && strcmp(t->lemma, w) == 0;
  return (t->hlower == e->h && strcmp(t->lower, w) == 0) ||
         (t->hlemma == e->h && t->lemma[0] && strcmp(t->lemma, w) == 0);
}

/* Does element k of p, matched at token j of the n, end where it must
 * (S_elem.last: punctuation or the sentence's end after it)? */
static inline bool S_ends(const dg_mwe_pat *p, size_t k, const dg_mwe_tok *t, size_t n, size_t j) {
  return !p->e[k].last || j + 1 >= n || t[j + 1].punct;
}

static bool S_stop(const dg_mwe_tok *t) {
  /* A gap does not run across sentence-internal hard boundaries. */
  return t->punct && (strcmp(t->lower, ";") == 0 || strcmp(t->lower, ":") == 0 ||
                      strcmp(t->lower, "–") == 0 || strcmp(t->lower, "?") == 0 || strcmp(t->lower, "!") == 0);
}

/* Match fixed elements from element k at token position i onwards (just
 * there, or within a gap that no hard boundary cuts). */
static bool S_fixed(const dg_mwe_pat *p, size_t k, const dg_mwe_tok *t, size_t n, const bool *used, size_t i,
                    size_t *pos) {
  while (k < p->n && p->e[k].free) k++;
  if (k == p->n) return true;
  size_t hi = p->e[k].gap ? i + S_GAP : i;
  for (size_t j = i; j <= hi && j < n; j++) {
    if (j > i && S_stop(&t[j - 1])) break;
    if (!used[j] && S_eq(p, k, &t[j]) && S_ends(p, k, t, n, j)) {
      pos[k] = j;
      if (S_fixed(p, k + 1, t, n, used, j + 1, pos)) return true;
    }
  }
  return false;
}

/* The first fixed element anywhere among the tokens (those from `from`
 * to before `to` may be it), the others after it. */
static bool S_fixed_first(const dg_mwe_pat *p, const dg_mwe_tok *t, size_t n, const bool *used, const size_t *from,
                          const size_t *to, size_t *pos) {
  size_t k = 0;
  while (k < p->n && p->e[k].free) k++;
  if (k == p->n) return true;
  for (size_t j = from[k]; j < to[k]; j++)
    if (!used[j] && S_eq(p, k, &t[j]) && S_ends(p, k, t, n, j)) {
      pos[k] = j;
      if (S_fixed(p, k + 1, t, n, used, j + 1, pos)) return true;
    }
  return false;
}

bool dg_mwe_match(const dg_mwe_pat *p, const dg_mwe_tok *t, size_t n, const bool *used, const dg_mwe_words *ws,
                  size_t base, dg_mwe_hit *hit) {
  size_t pos[DG_MWE_MAX];
  /* The tokens that may be word k of p: from[k] to before to[k] (its
   * first and last place in the sentence, when ws says them). */
  size_t from[DG_MWE_MAX], to[DG_MWE_MAX];
  size_t prev = SIZE_MAX; /* the fixed word before k */
  for (size_t k = 0; k < p->n; k++) {
    from[k] = 0;
    to[k] = n;
    size_t f, l;
    if (!ws) continue;
    if (!dg_mwe_words_span(ws, p->e[k].h, &f, &l) || l < base || f >= base + n) return false;
    if (f > base) from[k] = f - base;
    if (l + 1 - base < n) to[k] = l + 1 - base;
    if (p->e[k].free) continue;
    /* Word order, from the places alone: a fixed word stands right after
     * the fixed word before it, or within a gap after it (S_fixed), so
     * some place of the one must be that near after some place of the
     * other: a try whose words the sentence has in another order ("Mund"
     * before "den" only) fails here, before a token is read. */
    if (prev != SIZE_MAX) {
      size_t lo = from[prev] + 1, hi = to[prev] + 1 + (p->e[k].gap ? S_GAP : 0);
      if ((from[k] > lo ? from[k] : lo) >= (to[k] < hi ? to[k] : hi)) return false;
    }
    prev = k;
  }
  if (!S_fixed_first(p, t, n, used, from, to, pos)) return false;
  size_t first = n, last = 0;
  for (size_t k = 0; k < p->n; k++)
    if (!p->e[k].free) {
      if (pos[k] < first) first = pos[k];
      if (pos[k] > last) last = pos[k];
    }
  /* Free elements: the nearest matching token, after the fixed part first. */
  for (size_t k = 0; k < p->n; k++) {
    if (!p->e[k].free) continue;
    size_t best = n;
    for (size_t j = last + 1 > from[k] ? last + 1 : from[k]; j < to[k] && j <= last + S_FREE; j++)
      if (!used[j] && S_eq(p, k, &t[j])) {
        best = j;
        break;
      }
    if (best == n)
      for (size_t j = first < to[k] ? first : to[k]; j-- > from[k] && first - j <= S_FREE;)
        if (!used[j] && S_eq(p, k, &t[j])) {
          best = j;
          break;
        }
    /* … or inside a gap of the fixed part ("es kam zu" for "es … zu ~kommen"). */
    if (best == n)
      for (size_t j = first + 1 > from[k] ? first + 1 : from[k]; j < last && j < to[k]; j++)
        if (!used[j] && S_eq(p, k, &t[j])) {
          bool taken = false;
          for (size_t q = 0; q < p->n; q++)
            if (!p->e[q].free && pos[q] == j) taken = true;
          if (!taken) {
            best = j;
            break;
          }
        }
    if (best == n) return false;
    for (size_t q = 0; q < k; q++)
      if (p->e[q].free && pos[q] == best) return false;
    pos[k] = best;
  }
  hit->n = p->n;
  for (size_t k = 0; k < p->n; k++) hit->pidx[k] = pos[k];
  hit->members = S_str(p, p->members)[0] ? S_str(p, p->members) : NULL;
  first = n;
  last = 0;
  for (size_t k = 0; k < p->n; k++) {
    hit->idx[k] = pos[k];
    if (pos[k] < first) first = pos[k];
    if (pos[k] > last) last = pos[k];
  }
  /* Keep indices in sentence order. */
  for (size_t a = 1; a < hit->n; a++)
    for (size_t b = a; b > 0 && hit->idx[b - 1] > hit->idx[b]; b--) {
      size_t tmp = hit->idx[b];
      hit->idx[b] = hit->idx[b - 1];
      hit->idx[b - 1] = tmp;
    }
  hit->head = pos[p->head];
  hit->lemma = S_str(p, p->lemma);
  hit->gloss = S_str(p, p->gloss);
  hit->source = S_str(p, p->source);
  hit->span = last - first;
  hit->name = p->name;
  return true;
}

bool dg_mwe_pat_hidden_slot(const dg_mwe_pat *p) { return p->hidden; }

bool dg_mwe_pat_free_head(const dg_mwe_pat *p) { return p->head >= 0 && p->e[p->head].free; }

size_t dg_mwe_pat_size(const dg_mwe_pat *p) { return p->size; }

/* Eight bytes at a time, the last up to seven in one or two loads (a
 * word is seldom longer than sixteen), then mixed so that every bit
 * depends on every byte: the sentence's table, its bit set and the list's
 * index each use other bits. */
static inline uint64_t S_hash(const char *w, size_t n) {
  size_t i = 0;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, w + i, 8);
    h = (h ^ x) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  size_t r = n - i;
  const unsigned char *t = (const unsigned char *)w + i;
  uint64_t x = 0;
  if (r >= 4) {
    uint32_t a, b;
    memcpy(&a, t, 4);
    memcpy(&b, t + r - 4, 4);
    x = (uint64_t)a << 32 | b;
  } else if (r)
    x = (uint64_t)t[0] << 16 | (uint64_t)t[r / 2] << 8 | t[r - 1];
  h = (h ^ x) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 29;
  return h ? h : 1;
}
uint64_t dg_mwe_word_hash(const char *w) { return S_hash(w, strlen(w)); }

void dg_mwe_pat_probes(const dg_mwe_pat *p, uint64_t key, uint64_t out[2]) {
  size_t best[2] = {SIZE_MAX, SIZE_MAX}, len[2] = {0, 0};
  for (size_t k = 0; k < p->n; k++) {
    if (p->e[k].h == key) continue;
    size_t L = strlen(S_str(p, p->e[k].w));
    if (best[0] == SIZE_MAX || L > len[0]) {
      best[1] = best[0];
      len[1] = len[0];
      best[0] = k;
      len[0] = L;
    } else if (best[1] == SIZE_MAX || L > len[1]) {
      best[1] = k;
      len[1] = L;
    }
  }
  if (best[0] == SIZE_MAX) best[0] = 0; /* (every word is the key's) */
  if (best[1] == SIZE_MAX) best[1] = best[0];
  out[0] = p->e[best[0]].h;
  out[1] = p->e[best[1]].h;
}


bool dg_mwe_possible(const dg_mwe_pat *p, const dg_mwe_words *ws) {
  for (size_t k = 0; k < p->n; k++)
    if (!dg_mwe_words_has(ws, p->e[k].h)) return false;
  return true;
}
