/* Tokens that are not words: punctuation stands for itself; numbers are
 * read by German conventions and written as an English reader expects
 * (dates "03.10.1990" = 3 October 1990, clock times "9.45 Uhr" = 9:45,
 * versions "2.4.1" unchanged, thousands "1.250" = 1,250, decimals "7,5" =
 * 7.5, ordinals "17." = 17th, decades "20er-Jahre" = 1920s, Roman numerals
 * "Ludwig XIV.", "Kapitel IV"; phone numbers and postcodes unchanged);
 * symbols take the dictionary's gloss; URLs, e-mail addresses, handles,
 * hashtags and code pass through, and so do software commands in running
 * text ("sudo apt install curl").
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "word.h"

/* dg_gl_nonword is asked about every token of every sentence, and most
 * are words it lets go after a look at their kind and first letter (in
 * line, gloss_internal.h; the rest here, dg_gl_nonword_form): the work for
 * the tokens it glosses is done out of line, so that a word does not pay
 * for the registers and stack frame that work needs. */
#define S_OUT_OF_LINE __attribute__((noinline))

/* A month name (word class month, from names.tsv): "17. März" is the 17th. */
static bool S_month_like(dg_engine *e, const char *w) { return dg_lexicon_is(e->lex, w, DG_WC_MONTH); }

/* The English calendar, for dates written with numbers ("03.10.1990"). */
static const char *const S_months_en[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

/* A number split at its separators: "03.10.1990" = 03 . 10 . 1990. */
typedef struct {
  size_t n;             /* groups */
  unsigned val[8];      /* value of each group (clipped) */
  unsigned char len[8]; /* digits in each group */
  char sep[8];          /* separator before group k (sep[0] unused) */
} S_groups;

static bool S_split(const char *f, S_groups *g) {
  memset(g, 0, sizeof *g);
  const char *p = f;
  while (*p) {
    if (g->n == 8) return false;
    if (g->n) {
      if (*p != '.' && *p != ',' && *p != ':') return false;
      g->sep[g->n] = *p++;
    }
    size_t k = 0;
    unsigned v = 0;
    while (isdigit((unsigned char)p[k])) {
      if (v < 100000) v = v * 10 + (unsigned)(p[k] - '0');
      k++;
    }
    if (k == 0 || k > 255) return false;
    g->val[g->n] = v;
    g->len[g->n] = (unsigned char)k;
    g->n++;
    p += k;
  }
  return g->n > 0;
}

static bool S_day_month(const S_groups *g) {
  return g->len[0] <= 2 && g->len[1] <= 2 && g->val[0] >= 1 && g->val[0] <= 31 && g->val[1] >= 1 &&
         g->val[1] <= 12;
}

/* 1.250, 1.000.000, 1.000,5: groups of three digits after the first. */
static bool S_thousands(const S_groups *g) {
  if (g->len[0] > 3 || g->n < 2) return false;
  size_t k = 1;
  for (; k < g->n && g->sep[k] == '.'; k++)
    if (g->len[k] != 3) return false;
  if (k == 1) return false;
  if (k < g->n && !(g->sep[k] == ',' && k + 1 == g->n)) return false;
  return true;
}

static const dg_dtoken *S_word_at(const dg_dsentence *s, size_t i) {
  return i < s->ntokens && (s->tokens[i].kind == DG_KIND_WORD || s->tokens[i].kind == DG_KIND_NAME) ? &s->tokens[i]
                                                                                                    : NULL;
}

static void S_set(dg_doc *d, dg_dtoken *t, const char *gloss, const char *pos, const char *feats, const char *src) {
  dg_gl_set_pos(t, pos);
  t->feats = feats;
  t->labels = "";
  t->lemma = t->form; /* (the form lives as long as the document: no copy) */
  dg_gl_set_single(d, t, gloss);
  t->source = src;
}

static unsigned S_roman(const char *f, size_t n);

/* German number notation to English: 1.000,5 -> 1,000.5; dates, times and
 * versions by their shape and the word next to them. */
static S_OUT_OF_LINE void S_number(dg_doc *d, dg_dtoken *t, const dg_dsentence *s, size_t i, dg_engine *e) {
  const char *f = t->form;
  size_t n = strlen(f);
  dg_buf b;
  dg_buf_init(&b);
  char g[96];
  /* An amount in whole units: "12,–", "12,-" = 12. */
  const char *dash = strchr(f, ',');
  if (dash && (dash[1] == '-' || !strncmp(dash + 1, "\xE2\x80\x93", 3))) {
    snprintf(g, sizeof g, "%.*s", (int)(dash - f), f);
    char *q = g, *o = g; /* 1.250,– = 1,250 */
    for (; *q; q++) *o++ = *q == '.' ? ',' : *q;
    *o = '\0';
    S_set(d, t, g, "NUM", "NumType=Card", "number");
    return;
  }
  bool ordinal = (t->flags & DG_DF_ORDINAL) || (n > 1 && f[n - 1] == '.');
  const dg_dtoken *next = S_word_at(s, i + 1), *prev = i ? S_word_at(s, i - 1) : NULL;
  bool dot_next = i + 1 < s->ntokens && dg_gl_eq(s->tokens[i + 1].form, ".") && !(t->flags & DG_DF_SPACE_AFTER);
  if (!ordinal && i + 2 < s->ntokens && dot_next && S_month_like(e, s->tokens[i + 2].form) && dg_gl_digits(f))
    ordinal = true;
  S_groups gr;
  char body[64];
  size_t m = ordinal && f[n - 1] == '.' ? n - 1 : n;
  if (m >= sizeof body) m = sizeof body - 1;
  memcpy(body, f, m);
  body[m] = '\0';
  bool split = S_split(body, &gr);
  bool dots = split && gr.n >= 2;
  for (size_t k = 1; dots && k < gr.n; k++) dots = gr.sep[k] == '.';
  /* A date: 03.10.1990, 3.10.90; day and month with their dot: "am 3.10." */
  if (dots && gr.n == 3 && S_day_month(&gr) && (gr.len[2] == 4 || gr.len[2] == 2) && !ordinal) {
    snprintf(g, sizeof g, "%u %s %0*u", gr.val[0], S_months_en[gr.val[1] - 1], gr.len[2], gr.val[2]);
    S_set(d, t, g, "NUM", "", "date");
    return;
  }
  if (dots && gr.n == 2 && S_day_month(&gr) && gr.len[1] == 2 && (ordinal || dot_next) &&
      !(next && dg_lexicon_is(e->lex, next->form, DG_WC_CLOCK_WORD))) {
    snprintf(g, sizeof g, "%u %s", gr.val[0], S_months_en[gr.val[1] - 1]);
    S_set(d, t, g, "NUM", "", "date");
    return;
  }
  /* A clock time before "Uhr": 9.45 Uhr, 13:25 Uhr -> 9:45, 13:25. */
  if (split && gr.n == 2 && (gr.sep[1] == '.' || gr.sep[1] == ':') && gr.len[0] <= 2 && gr.val[0] <= 24 &&
      gr.len[1] == 2 && gr.val[1] < 60 && next && dg_lexicon_is(e->lex, next->form, DG_WC_CLOCK_WORD)) {
    snprintf(g, sizeof g, "%0*u:%02u", gr.len[0], gr.val[0], gr.val[1]);
    S_set(d, t, g, "NUM", "NumType=Card", "time");
    return;
  }
  /* A version: 2.4.1 (three or more groups that are no date), or any
   * dotted number after "Version": unchanged. */
  if (dots && !ordinal &&
      ((gr.n >= 3 && !S_thousands(&gr)) || (prev && dg_lexicon_is(e->lex, prev->form, DG_WC_VERSION_NOUN)))) {
    S_set(d, t, f, "NUM", "NumType=Card", "version");
    return;
  }
  if (ordinal && S_roman(body, strlen(body))) { /* "im II. Weltkrieg": the 2nd */
    char digits[16];
    snprintf(digits, sizeof digits, "%u", S_roman(body, strlen(body)));
    dg_english_ordinal(&b, digits);
    S_set(d, t, b.data, "ADJ", "NumType=Ord", "number");
    t->lemma = dg_mem_strdup(&d->arena, body);
    dg_buf_free(&b);
    return;
  }
  if (ordinal) {
    if (dg_gl_digits(body)) {
      dg_english_ordinal(&b, body);
      dg_gl_set_pos(t, "ADJ");
      t->feats = "NumType=Ord";
      t->labels = "";
      t->lemma = dg_mem_strdup(&d->arena, body);
      dg_gl_set_single(d, t, b.data);
      t->source = "number";
      dg_buf_free(&b);
      return;
    }
  }
  /* 1.250 -> 1,250; 7,5 -> 7.5; 12,– -> 12; other dotted numbers ("3.5",
   * "9.45" without Uhr) keep their dots rather than become thousands. */
  bool thousands = split && S_thousands(&gr);
  for (const char *p = f; *p; p++) {
    if (*p == '.' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, thousands ? ',' : '.');
    else if (*p == ',' && isdigit((unsigned char)p[1])) dg_buf_putc(&b, '.');
    else dg_buf_putc(&b, *p);
  }
  dg_gl_set_pos(t, "NUM");
  t->feats = "NumType=Card";
  t->lemma = dg_mem_strdup(&d->arena, f);
  dg_gl_set_single(d, t, b.data ? b.data : f);
  t->source = "number";
  dg_buf_free(&b);
}

/* The value of a Roman digit (I V X L C D M), 0 for another character. */
static unsigned S_roman_digit(char ch) {
  switch (ch) {
  case 'I': return 1;
  case 'V': return 5;
  case 'X': return 10;
  case 'L': return 50;
  case 'C': return 100;
  case 'D': return 500;
  case 'M': return 1000;
  default: return 0;
  }
}

/* A Roman numeral written in capitals: I V X L C D M in a valid order. */
static unsigned S_roman(const char *f, size_t n) {
  unsigned total = 0, prev = 0;
  for (size_t k = n; k-- > 0;) {
    unsigned v = S_roman_digit(f[k]);
    if (!v) return 0;
    if (v < prev) {
      if (!(prev == 5 * v || prev == 10 * v) || (v != 1 && v != 10 && v != 100)) return 0;
      total -= v;
    } else {
      total += v;
    }
    prev = v > prev ? v : prev;
  }
  return total < 4000 ? total : 0;
}

/* "Ludwig XIV.", "Papst Benedikt XVI.", "Kapitel IV": a Roman numeral (a
 * number; a ruler's numeral stays part of the name, PROPN) after
 * a numbered noun (word class numbered-noun), or after a capitalised word
 * no closed class claims (a ruler's name) when the numeral has two letters
 * or more and its ordinal dot or no capitalised word after it. */
static S_OUT_OF_LINE bool S_roman_numeral(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  /* (told by the first two letters first: the most capitalised words,
   * "Deutschland", "Merz", have no Roman digit second) */
  if (!S_roman_digit(t->form[0]) || (t->form[1] && !S_roman_digit(t->form[1]))) return false;
  size_t n = strlen(t->form);
  if (!S_roman(t->form, n) || i == 0) return false;
  const dg_dtoken *p = &s->tokens[i - 1];
  if (p->kind != DG_KIND_WORD && p->kind != DG_KIND_NAME) return false;
  bool dot = i + 1 < s->ntokens && dg_gl_eq(s->tokens[i + 1].form, ".") && !(t->flags & DG_DF_SPACE_AFTER);
  bool numbered = dg_lexicon_is(e->lex, p->form, DG_WC_NUMBERED_NOUN);
  if (!numbered) {
    if (!isupper((unsigned char)p->form[0]) || c->w[i - 1].ncl) return false;
    const dg_dtoken *after = i + 1 + dot < s->ntokens ? &s->tokens[i + 1 + dot] : NULL;
    bool upper_after = after && after->kind == DG_KIND_WORD && isupper((unsigned char)after->form[0]);
    if (n < 2 || (!dot && upper_after)) return false; /* "D. C." is no numeral */
  }
  if (numbered) {
    S_set(d, t, t->form, dot ? "ADJ" : "NUM", dot ? "NumType=Ord" : "NumType=Card", "number");
    t->kind = DG_KIND_NUMBER;
  } else { /* a ruler's numeral is part of the name (UD: PROPN, flat:name) */
    S_set(d, t, t->form, "PROPN", "", "number");
    t->kind = DG_KIND_NAME;
  }
  return true;
}

/* "20er-Jahre", "80er-Jahren", "20er Jahre": the decade (two digits are
 * the 1900s); "1980er" alone is the senses pass's (1980s). */
static S_OUT_OF_LINE bool S_decade(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i) {
  dg_dtoken *t = &s->tokens[i];
  const char *f = t->form;
  size_t nd = 0;
  while (isdigit((unsigned char)f[nd])) nd++;
  if (nd != 2 && nd != 4) return false;
  bool hyphen = strncmp(f + nd, "er-", 3) == 0 && dg_lexicon_is(e->lex, f + nd + 3, DG_WC_DECADE_NOUN);
  bool spaced = nd == 2 && (!strcmp(f + nd, "er") || !strcmp(f + nd, "ern")) && i + 1 < s->ntokens &&
                dg_lexicon_is(e->lex, s->tokens[i + 1].form, DG_WC_DECADE_NOUN);
  if (!hyphen && !spaced) return false;
  char g[32];
  snprintf(g, sizeof g, "%s%.*ss", nd == 2 ? "19" : "", (int)nd, f);
  S_set(d, t, g, hyphen ? "NOUN" : "ADJ", "", "number");
  return true;
}

/* Is token i a lower-case ASCII word ("apt", "apt-get", "python3")? */
static bool S_ascii_lower_word(const dg_dtoken *t) {
  if (t->kind != DG_KIND_WORD || !islower((unsigned char)t->form[0])) return false;
  for (const char *p = t->form; *p; p++)
    if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '.' || *p == '+'))
      return false;
  return true;
}

/* A word German does not know: no analysis but the form itself guessed, and
 * no dictionary entry ("curl", "numpy", "requests"). */
static bool S_unknown(const dg_gl_ctx *c, size_t i) {
  const dg_gl_word *w = &c->w[i];
  for (size_t a = 0; a < w->nan; a++)
    if (!w->an[a].lemma || strcmp(w->an[a].lemma, w->lower) != 0) return false;
  return !dg_lexicon_contains(c->lex, w->lower);
}

/* Software commands in running text are code, kept as written: a command
 * written small (word class command: sudo, apt, git); the word right after
 * a command (its subcommand, "apt install", "git status"; not "Mit apt
 * geht das"); later words German
 * does not know (the package "curl"); a lower-case word German does not
 * know before an option ("foo -v").  A word with a closed-class reading
 * ("und", "aus") ends the run. */
static bool S_is_command(dg_engine *e, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  if (c->w[i].ncl) return false;
  const dg_dtoken *p = i ? &s->tokens[i - 1] : NULL, *nx = i + 1 < s->ntokens ? &s->tokens[i + 1] : NULL;
  /* after a command, perhaps with options between ("pip install --upgrade numpy") */
  size_t k = i;
  while (k > 0 && s->tokens[k - 1].kind == DG_KIND_CODE && s->tokens[k - 1].form[0] == '-') k--;
  bool prev_cmd = k > 0 && s->tokens[k - 1].kind == DG_KIND_CODE && dg_gl_eq(s->tokens[k - 1].source, "command");
  bool next_code = nx && nx->kind == DG_KIND_CODE;
  /* (the classes of the lower-case form are the form's when it is written
   * small: asked before the form is walked, as most words are none of
   * these) */
  bool command = dg_gl_is(&c->w[i], DG_WC_COMMAND);
  if (!(command || prev_cmd || next_code) || !S_ascii_lower_word(t)) return false;
  if (command) return true; /* written small, never German */
  if (prev_cmd) {
    /* the subcommand right after the command itself ("install", "status",
     * "upgrade"), unless German reads it as a verb that can be the clause's
     * finite verb or infinitive ("Mit apt geht das", "mit apt installieren");
     * later, only a word German does not know ("curl") */
    bool verb = false;
    for (size_t a = 0; a < c->w[i].nan && !verb; a++) {
      const dg_analysis *an = &c->w[i].an[a];
      const char *l = an->leipzig ? an->leipzig : "";
      verb = (dg_gl_eq(an->pos, "VERB") || dg_gl_eq(an->pos, "AUX")) &&
             (((strstr(l, "PRS") || strstr(l, "PST")) && (strstr(l, "3") || strstr(l, "PL"))) ||
              strstr(l, "INF") || strstr(l, "PTCP"));
    }
    return !verb && (S_unknown(c, i) || (k == i && dg_lexicon_is(e->lex, p->form, DG_WC_COMMAND)));
  }
  return next_code && nx->form[0] == '-' && S_unknown(c, i);
}

/* A software command in running text (S_is_command) is code, glossed as
 * written. */
static S_OUT_OF_LINE bool S_command(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  if (!S_is_command(e, c, i)) return false;
  dg_dtoken *t = &c->s->tokens[i];
  t->kind = DG_KIND_CODE;
  S_set(d, t, t->form, "X", "", "command");
  return true;
}

/* What S_is_command asks first, told without a call: a word without
 * closed-class readings that is a command itself or stands next to code.
 * (S_is_command's run after a command starts with code right before
 * the word: the options skipped are code too.) */
static inline bool S_may_be_command(const dg_gl_ctx *c, size_t i) {
  const dg_dsentence *s = c->s;
  return c->w[i].ncl == 0 &&
         (dg_gl_is(&c->w[i], DG_WC_COMMAND) || (i > 0 && s->tokens[i - 1].kind == DG_KIND_CODE) ||
          (i + 1 < s->ntokens && s->tokens[i + 1].kind == DG_KIND_CODE));
}

/* "Uhr" (word class clock-word) right after a number: o'clock after a
 * clock time or an hour ("9.45 Uhr", "um 9 Uhr"). */
static S_OUT_OF_LINE bool S_clock_word(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i) {
  dg_dtoken *t = &s->tokens[i];
  if (dg_lexicon_is(e->lex, t->form, DG_WC_CLOCK_WORD) &&
      (dg_gl_eq(s->tokens[i - 1].source, "time") ||
       (dg_gl_digits(s->tokens[i - 1].form) && strlen(s->tokens[i - 1].form) <= 2))) {
    S_set(d, t, "o'clock", "NOUN", "", "number");
    return true;
  }
  return false;
}

/* Symbols take the dictionary's gloss; URLs, addresses, handles, hashtags
 * and code are kept as written: their own gloss. */
static S_OUT_OF_LINE bool S_symbol(dg_engine *e, dg_doc *d, dg_dtoken *t) {
  dg_sense sv[2];
  size_t n = t->kind == DG_KIND_SYMBOL ? dg_gl_senses(e, t->form, NULL, sv, 2) : 0;
  t->lemma = t->form;
  if (t->kind == DG_KIND_SYMBOL) dg_gl_set_pos(t, "SYM");
  else dg_gl_set_pos(t, "X");
  dg_gl_set_single(d, t, n ? sv[0].gloss : t->form);
  t->source = n ? dg_mem_strdup(&d->arena, sv[0].source) : dg_kind_name(t->kind);
  return true;
}

/* A number token glossed (S_number): true. */
static S_OUT_OF_LINE bool S_numeral(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i) {
  S_number(d, &s->tokens[i], s, i, e);
  return true;
}

/* "Uhr" after a clock time or an hour: o'clock (S_clock_word). */
static inline bool S_clock_after_number(dg_engine *e, dg_doc *d, const dg_dsentence *s, size_t i) {
  return i && s->tokens[i - 1].kind == DG_KIND_NUMBER && S_clock_word(e, d, s, i);
}

/* A capitalised word that begins with a Roman digit: a Roman numeral, or
 * "Uhr" after a number. */
static S_OUT_OF_LINE bool S_roman_or_clock(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  return S_roman_numeral(e, d, c, i) || S_clock_after_number(e, d, c->s, i);
}

/* Gloss token i if it is punctuation, a number or a symbol; false for words
 * and names.  (Each out-of-line call is the last thing done, so that no
 * path needs a frame of this function's own.) */
bool dg_gl_nonword_form(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t i) {
  dg_dsentence *s = c->s;
  dg_dtoken *t = &s->tokens[i];
  switch (t->kind) {
  case DG_KIND_PUNCT:
    t->lemma = t->form;
    dg_gl_set_pos(t, "PUNCT");
    t->source = "punct";
    return true;
  case DG_KIND_NUMBER: return S_numeral(e, d, s, i);
  case DG_KIND_WORD: {
    unsigned char f0 = (unsigned char)t->form[0];
    if (f0 >= '0' && f0 <= '9') return S_decade(e, d, s, i);
    if (f0 >= 'A' && f0 <= 'Z')
      return S_roman_digit(t->form[0]) ? S_roman_or_clock(e, d, c, i) : S_clock_after_number(e, d, s, i);
    return f0 >= 'a' && f0 <= 'z' && S_may_be_command(c, i) && S_command(e, d, c, i);
  }
  case DG_KIND_SYMBOL:
  case DG_KIND_URL:
  case DG_KIND_EMAIL:
  case DG_KIND_HANDLE:
  case DG_KIND_HASHTAG:
  case DG_KIND_CODE: return S_symbol(e, d, t);
  default: return false;
  }
}
