/* Ding's English placeholders dropped from a phrase gloss (word.c
 * dg_gl_drop_placeholders, driven by word class en-placeholder): every one
 * for a word glossed by a phrase (senses.c), only the final object for a
 * particle verb glossed by its phrase (separable.c).  Reads degloss.lex
 * from DEGLOSS_DATA_DIR.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "word.h"

static const dg_lexicon *S_lex;

static void S_check(const char *in, dg_gl_drop how, const char *want) {
  char g[256];
  snprintf(g, sizeof g, "%s", in);
  dg_gl_drop_placeholders(S_lex, g, how);
  STR_EQ(g, want, "%s: \"%s\"", how == DG_GL_DROP_ALL ? "all" : "object", in);
}

int main(void) {
  degloss_error err;
  memset(&err, 0, sizeof err);
  dg_lexicon *lex = dg_lexicon_open_default(&err);
  if (!lex) {
    fprintf(stderr, "gloss.placeholders: %s: %s\n", err.source, err.text);
    return 1;
  }
  S_lex = lex;
  OK(dg_lexicon_is(lex, "sb.", DG_WC_EN_PLACEHOLDER) && dg_lexicon_is(lex, "…", DG_WC_EN_PLACEHOLDER),
     "sb. and … are word class en-placeholder");
  OK(!dg_lexicon_is(lex, "/", DG_WC_EN_PLACEHOLDER), "a slash is no placeholder (benefit / advantage)");
  /* Every placeholder, wherever it stands. */
  S_check("benefit from sth.", DG_GL_DROP_ALL, "benefit from");
  S_check("give sb. sth.", DG_GL_DROP_ALL, "give");
  S_check("count sb./sth.", DG_GL_DROP_ALL, "count");
  S_check("sb. has noticed that …", DG_GL_DROP_ALL, "has noticed that");
  S_check("attempt on sb.’s life", DG_GL_DROP_ALL, "attempt on life");
  S_check("keep sth. secret", DG_GL_DROP_ALL, "keep secret");
  S_check("sthg sbx", DG_GL_DROP_ALL, "sthg sbx");
  S_check("sb.", DG_GL_DROP_ALL, "");
  /* Only the object the gloss ends in. */
  S_check("benefit sb.", DG_GL_DROP_OBJECT, "benefit");
  S_check("give sb. credit for sth.", DG_GL_DROP_OBJECT, "give sb. credit for");
  S_check("root sb./sth. out", DG_GL_DROP_OBJECT, "root sb./sth. out");
  S_check("redound to sb.’s benefit / advantage", DG_GL_DROP_OBJECT, "redound to");
  S_check("come to sb.'s aid", DG_GL_DROP_OBJECT, "come to");
  S_check("inure to the benefit of sb.", DG_GL_DROP_OBJECT, "inure to the benefit of");
  S_check("sb.", DG_GL_DROP_OBJECT, "sb.");
  S_check("manifest", DG_GL_DROP_OBJECT, "manifest");
  dg_lexicon_close(lex);
  return DONE("gloss.placeholders");
}
