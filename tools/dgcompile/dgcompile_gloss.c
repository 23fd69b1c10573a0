/* dgcompile: the English side of Ding entries.  A Ding synonym ("to warn
 * sb. of sth.") becomes a short gloss ("warn"), and the irregular verb
 * forms Ding gives in braces ("to find {found; found}") are kept for the
 * ranking and shipped in degloss.lex for the plain gloss style.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "util.h"

void dgc_append(char *dst, size_t cap, const char *sep, const char *s, size_t n) {
  size_t l = strlen(dst);
  if (l && sep) {
    size_t sl = strlen(sep);
    if (l + sl + 1 >= cap) return;
    memcpy(dst + l, sep, sl);
    l += sl;
  }
  if (l + n + 1 >= cap) n = cap - l - 1;
  memcpy(dst + l, s, n);
  dst[l + n] = '\0';
}

bool dgc_en_prep(const char *w, size_t n) {
  static const char *const preps[] = {"with", "to", "of", "for", "from", "on", "about", "into",
                                      "against", "at", "by", "in", "over", "upon", "as", NULL};
  for (int i = 0; preps[i]; i++)
    if (strlen(preps[i]) == n && memcmp(preps[i], w, n) == 0) return true;
  return false;
}

/* Clean an English synonym into a gloss: no "to" for verbs, no sb./sth.
 * slots, at most 4 words.  Returns false when nothing usable is left. */
bool dgc_gloss(const char *text, bool verb, bool noun, bool drop_prep, char *out, size_t cap) {
  const char *p = text;
  if (verb && strncmp(p, "to ", 3) == 0) p += 3;
  if (noun && p[0] && p[1]) { /* "die Polizei :: the police" */
    if (strncmp(p, "the ", 4) == 0) p += 4;
    else if (strncmp(p, "a ", 2) == 0) p += 2;
    else if (strncmp(p, "an ", 3) == 0) p += 3;
  }
  out[0] = '\0';
  int words = 0;
  bool had_slot = false, prep_then_slot = false, last_prep = false;
  size_t before_last = 0; /* length of out before the last word */
  while (*p) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    if (n == 0) break;
    bool slot = (n >= 3 && memcmp(p, "sb.", 3) == 0) || (n >= 4 && memcmp(p, "sth.", 4) == 0) ||
                (n >= 3 && memcmp(p, "sb/", 3) == 0) || (n >= 4 && memcmp(p, "sth/", 4) == 0) ||
                (n == 2 && memcmp(p, "sb", 2) == 0) || (n == 3 && memcmp(p, "sth", 3) == 0) ||
                (n >= 4 && memcmp(p, "/sb", 3) == 0) || (n >= 4 && memcmp(p, "/sth", 4) == 0) ||
                (n == 3 && memcmp(p, "…", 3) == 0) || (n == 3 && memcmp(p, "...", 3) == 0);
    if (!slot && n >= 2 && p[0] == '#' && p[n - 1] == '#') { /* "#BE_make#" markup */
      p = e;
      continue;
    }
    if (!slot && n == 1 && p[0] == '/') { /* "fibre / fiber": drop the alternative */
      const char *q = e;
      while (*q == ' ') q++;
      while (*q && *q != ' ') q++;
      p = q;
      continue;
    }
    if (!slot && p[0] == '/') { /* "labour /labor" */
      p = e;
      continue;
    }
    const char *slash = memchr(p, '/', n);
    if (!slot && slash && slash > p) n = (size_t)(slash - p); /* "analogue/digital": the first */
    if (!slot && had_slot && dgc_en_prep(p, n)) {
      /* "discuss sth. with sb." -> "discuss": a second object is dropped */
      const char *q = e;
      while (*q == ' ') q++;
      const char *qe = q;
      while (*qe && *qe != ' ') qe++;
      size_t qn = (size_t)(qe - q);
      if ((qn == 3 && memcmp(q, "sb.", 3) == 0) || (qn == 4 && memcmp(q, "sth.", 4) == 0) ||
          (qn == 8 && memcmp(q, "sb./sth.", 8) == 0)) {
        p = qe;
        continue;
      }
    }
    if (slot) {
      had_slot = true;
      if (last_prep) prep_then_slot = true;
    }
    if (!slot) {
      before_last = strlen(out);
      dgc_append(out, cap, " ", p, n);
      words++;
      last_prep = dgc_en_prep(p, n);
      prep_then_slot = false;
    }
    p = e;
  }
  /* "vor etw. warnen :: to warn of sth.": the German preposition went with
   * its slot, so the English one goes too ("warn") */
  if (drop_prep && prep_then_slot && words > 1) {
    out[before_last] = '\0';
    words--;
  }
  size_t l = strlen(out);
  while (l && (out[l - 1] == ',' || out[l - 1] == ';' || out[l - 1] == ' ')) out[--l] = '\0';
  if (l == 0 || words > 4 || out[0] == '-' || out[0] == '/') return false;
  /* a stray full stop ("Aryan."), not an abbreviation ("e.g.", "Dr.") */
  if (l > 1 && out[l - 1] == '.') {
    const char *w = strrchr(out, ' ');
    w = w ? w + 1 : out;
    if (strlen(w) > 4 && !memchr(w, '.', strlen(w) - 1)) out[--l] = '\0';
  }
  for (const char *q = out; *q; q++)
    if (*q == '?' || *q == '!' || *q == '"') return false;
  return true;
}


void dgc_irregular_add(dgc_lex *lx, const char *gloss, const char *forms) {
  char base[64];
  size_t bl = strcspn(gloss, " ");
  if (bl >= sizeof base) return;
  memcpy(base, gloss, bl);
  base[bl] = '\0';
  bool fresh;
  int *v = dgc_map_put(&lx->en_irreg, base, 0, &fresh);
  if (!fresh) return;
  /* "found; found" or "sank, sunk; sunk" -> "found found" ... for the ranking */
  char forms_buf[128];
  size_t fl = 0;
  for (const char *q = forms; *q && fl + 1 < sizeof forms_buf; q++)
    forms_buf[fl++] = (*q == ';' || *q == ',') ? ' ' : *q;
  forms_buf[fl] = '\0';
  if (lx->n_irreg == lx->cap_irreg) {
    lx->cap_irreg = lx->cap_irreg ? lx->cap_irreg * 2 : 256;
    lx->irreg = dg_xrealloc(lx->irreg, lx->cap_irreg * sizeof *lx->irreg);
    lx->irreg_raw = dg_xrealloc(lx->irreg_raw, lx->cap_irreg * sizeof *lx->irreg_raw);
  }
  lx->irreg[lx->n_irreg] = dgc_strdup(forms_buf);
  lx->irreg_raw[lx->n_irreg] = dgc_strdup(forms);
  *v = (int)lx->n_irreg++;
}
