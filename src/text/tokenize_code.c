/* Code and markup inside running text, each one token of kind code: inline
 * code in backticks (`git status`), command-line options (--force, -v),
 * file paths (/usr/share/doc, ~/bin, ./configure, C:\Temp), and identifiers
 * a German word never looks like: snake_case, camelCase with inner
 * capitals (getUserName, and GetUserName with two inner humps), a name
 * with a call "foo()" or a manual section "ls(1)".  German words keep
 * their own scanner (tokenize.c): gender forms ("Lehrer_innen",
 * "BürgerInnen") and hyphenated compounds are not code.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "text_internal.h"

static bool S_ascii_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool S_ascii_lower(uint32_t c) { return c >= 'a' && c <= 'z'; }
static bool S_ascii_upper(uint32_t c) { return c >= 'A' && c <= 'Z'; }
static bool S_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool S_ascii_alnum(uint32_t c) { return S_ascii_alpha(c) || S_ascii_digit(c); }

/* Where a code token may start: at the start, after a space, or after an
 * opening bracket or quote. */
static bool S_start_ok(const uint32_t *cp, const unsigned char *cls, size_t i) {
  if (i == 0 || dg_c_space(cls[i - 1])) return true;
  uint32_t c = cp[i - 1];
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201E || c == 0x201C ||
         c == 0xBB || c == 0xAB || c == 0x201A || c == 0x2018;
}

/* Characters that end a path or an option value: space, quotes and angle
 * brackets. */
static bool S_stop(uint32_t c, unsigned cls) {
  return dg_c_space(cls) || c == '"' || c == '<' || c == '>' || c == 0x201E || c == 0x201C ||
         c == 0x201D || c == 0xAB || c == 0xBB || c == '`';
}

/* Sentence punctuation after a path or option is not part of it ("siehe
 * /etc/hosts."), nor a closing bracket without its opening one. */
static size_t S_trim(const uint32_t *cp, size_t i, size_t j) {
  while (j > i + 1) {
    uint32_t c = cp[j - 1];
    if (c == ')' || c == ']') {
      uint32_t o = c == ')' ? '(' : '[';
      long bal = 0;
      for (size_t k = i; k < j - 1; k++) bal += (cp[k] == o) - (cp[k] == c);
      if (bal > 0) break;
    } else if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                 c == '\'' || c == 0x2019 || c == 0x2026)) {
      break;
    }
    j--;
  }
  return j;
}

static size_t S_run_to_stop(const uint32_t *cp, const unsigned char *cls, size_t n, size_t j) {
  while (j < n && !S_stop(cp[j], cls[j])) j++;
  return j;
}

/* `code`: a single backtick, no space just inside, closed on the same line
 * within 256 code points ("``" is a TeX quote, not code); no TAB or other
 * control character inside (a token with one would break the columns of
 * TSV, CoNLL-U and interlinear text). */
static size_t S_backticks(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  if (i + 2 >= n || cp[i + 1] == '`' || dg_c_space(cls[i + 1])) return 0;
  if (i > 0 && cp[i - 1] == '`') return 0;
  for (size_t k = i + 1; k < n && k < i + 256; k++) {
    if (cls[k] == DG_C_NL || cp[k] < 0x20 || cp[k] == 0x7F) return 0;
    if (cp[k] == '`') {
      if (dg_c_space(cls[k - 1]) || (k + 1 < n && cp[k + 1] == '`')) return 0;
      return k + 1;
    }
  }
  return 0;
}

/* --force, --prefix=/usr; -v, -rf (one ASCII letter after a single hyphen,
 * or two or three without a vowel, standing free: "-en" is a German ending
 * and "-ausfuhr" after "und" a suspended compound part). */
static size_t S_option(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  if (i + 2 < n && cp[i + 1] == '-' && S_ascii_alpha(cp[i + 2])) {
    size_t j = i + 2;
    while (j < n && (S_ascii_alnum(cp[j]) || cp[j] == '-' || cp[j] == '_')) j++;
    if (j < n && cp[j] == '=') j = S_run_to_stop(cp, cls, n, j + 1);
    if (j < n && (dg_c_word(cls[j]))) return 0; /* "--Müller" is no option */
    return S_trim(cp, i, j);
  }
  if (i + 1 < n && S_ascii_alpha(cp[i + 1])) {
    size_t j = i + 1;
    while (j < n && S_ascii_alnum(cp[j])) j++;
    if (j - i - 1 > 3) return 0;
    for (size_t k = i + 1; j - i - 1 > 1 && k < j; k++) /* "-en", "-ung": a German ending */
      if (cp[k] == 'a' || cp[k] == 'e' || cp[k] == 'i' || cp[k] == 'o' || cp[k] == 'u') return 0;
    if (j < n && (dg_c_word(cls[j]) || dg_text_is_hyphen(cp[j]))) return 0;
    return j;
  }
  return 0;
}

/* /usr/share/doc, ~/bin, ./configure, ../lib: a path from its root. */
static size_t S_path(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  size_t k = i;
  if (cp[k] == '~' && k + 1 < n && cp[k + 1] == '/') k++;
  else if (cp[k] == '.') {
    while (k < n && k < i + 2 && cp[k] == '.') k++;
    if (k >= n || cp[k] != '/') return 0;
  }
  if (cp[k] != '/' || k + 1 >= n || !(S_ascii_alnum(cp[k + 1]) || cp[k + 1] == '.' || cp[k + 1] == '_'))
    return 0;
  size_t j = S_run_to_stop(cp, cls, n, k + 1);
  j = S_trim(cp, i, j);
  bool letter = false;
  for (size_t x = i; x < j; x++) {
    if (cp[x] >= 0x80 && !dg_c_alpha(cls[x])) return 0; /* "/–" or other symbols */
    letter |= S_ascii_alpha(cp[x]);
  }
  return letter ? j : 0;
}

/* C:\Temp, D:\Programme\x.exe */
static size_t S_drive(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  if (i + 3 >= n || !S_ascii_alpha(cp[i]) || cp[i + 1] != ':' || cp[i + 2] != '\\') return 0;
  if (i > 0 && dg_c_word(cls[i - 1])) return 0;
  return S_trim(cp, i, S_run_to_stop(cp, cls, n, i + 2));
}

/* An ASCII identifier: snake_case, camelCase, foo(), ls(1), os.path.join(). */
static size_t S_identifier(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  if (!S_ascii_alpha(cp[i])) return 0;
  if (i > 0 && (dg_c_word(cls[i - 1]) || cp[i - 1] == '-' || cp[i - 1] == '_')) return 0;
  size_t j = i, unders = 0, humps = 0, dots = 0, last_hump = i, first_hump = 0;
  /* small letters after the first, most of a German word, mark no hump, no
   * underscore and no dot: skipped in a tight loop */
  if (j + 1 < n && S_ascii_lower(cp[j + 1])) {
    j += 2;
    while (j < n && S_ascii_lower(cp[j])) j++;
    if (j < n && cp[j] >= 0x80 && dg_c_word(cls[j])) return 0; /* "Gemüse", "groß": a German word */
  }
  while (j < n) {
    uint32_t c = cp[j];
    if (S_ascii_alnum(c)) {
      if (S_ascii_upper(c) && j > i && S_ascii_lower(cp[j - 1])) {
        if (!humps) first_hump = j;
        humps++;
        last_hump = j;
      }
      j++;
    } else if (c == '_' && j > i && S_ascii_alnum(cp[j - 1]) && j + 1 < n && S_ascii_alnum(cp[j + 1])) {
      unders++;
      j++;
    } else if (c == '.' && j > i && S_ascii_alnum(cp[j - 1]) && j + 1 < n && S_ascii_alpha(cp[j + 1])) {
      dots++;
      j++;
    } else {
      break;
    }
  }
  if (j < n && (dg_c_word(cls[j]) || (dg_text_is_hyphen(cp[j]) && j + 1 < n && dg_c_word(cls[j + 1]))))
    return 0; /* part of a longer word: "Schüler_innen", "Cloud-Dienst" */
  /* a call foo() or a manual section ls(1), printf(3p) */
  if (j + 1 < n && cp[j] == '(') {
    if (cp[j + 1] == ')') return j + 2;
    if (S_ascii_digit(cp[j + 1])) {
      size_t k = j + 2;
      while (k < n && k < j + 6 && S_ascii_lower(cp[k])) k++;
      if (k < n && cp[k] == ')') return k + 1;
    }
  }
  if (dots) return 0; /* "z.B", "Abs.Satz": dotted words are not code on their own */
  if (unders) {
    /* "Lehrer_innen" (ASCII): a gender suffix, not code */
    size_t k = j;
    while (k > i && cp[k - 1] != '_') k--;
    size_t tail = j - k;
    if (unders == 1 && ((tail == 5 && cp[k] == 'i' && cp[k + 1] == 'n' && cp[k + 2] == 'n') ||
                        (tail == 2 && cp[k] == 'i' && cp[k + 1] == 'n')))
      return 0;
    return j;
  }
  /* inner capitals: "getUserName", "iPhone"; a capitalised word needs two
   * humps ("GetUserName"; "YouTube", "BahnCard" are names), a product name
   * "iPod" starts with one small letter, and the gender
   * form "LehrerInnen" is German */
  if (humps && j - last_hump >= 2 && cp[last_hump] == 'I' && cp[last_hump + 1] == 'n' &&
      (j - last_hump == 2 || (j - last_hump == 5 && cp[last_hump + 2] == 'n')))
    return 0;
  if (j - last_hump < 3) return 0; /* units: "kWh", "mAh", "iOS" */
  if (humps >= 1 && S_ascii_lower(cp[i]) && first_hump - i >= 2) return j; /* not "iPod", "eBay" */
  if (humps >= 2) return j;
  return 0;
}

size_t dg_text_scan_code(const uint32_t *cp, const unsigned char *cls, size_t n, size_t i) {
  uint32_t c = cp[i];
  if (c == '`') return S_backticks(cp, cls, n, i);
  if (c == '-') return S_start_ok(cp, cls, i) ? S_option(cp, cls, n, i) : 0;
  if (c == '/' || c == '~' || c == '.') return S_start_ok(cp, cls, i) ? S_path(cp, cls, n, i) : 0;
  if (c == '\\' && i + 2 < n && cp[i + 1] == '\\' && S_ascii_alnum(cp[i + 2]) && S_start_ok(cp, cls, i))
    return S_trim(cp, i, S_run_to_stop(cp, cls, n, i + 2)); /* \\server\share */
  if (S_ascii_alpha(c)) {
    size_t j = S_drive(cp, cls, n, i);
    return j ? j : S_identifier(cp, cls, n, i);
  }
  return 0;
}
