/* The page of the web app (GET /): page.html with the reader's style and
 * script, embedded at build time as a byte array (cmake/embed_page.cmake
 * writes serve_page.inc); the legend of the Leipzig labels (the public
 * degloss_labels()) is put in at its marker once, on the first request.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static const char S_page[] = {
#include "serve_page.inc"
};

#define S_MARKER "<!--@LEGEND@-->"

static char *S_built;
static size_t S_built_len;
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

/* HTML-escaped text into the stream. */
static void S_escaped(FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    default: fputc(*s, f);
    }
  }
}

/* The marker in the page, or NULL. */
static const char *S_marker(void) {
  size_t n = strlen(S_MARKER);
  for (size_t i = 0; i + n <= sizeof S_page; i++)
    if (S_page[i] == '<' && memcmp(S_page + i, S_MARKER, n) == 0) return S_page + i;
  return NULL;
}

static void S_build(void) {
  const char *m = S_marker();
  if (!m) return;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return;
  fwrite(S_page, 1, (size_t)(m - S_page), f);
  size_t n;
  const degloss_label *l = degloss_labels(&n);
  fputs("<details class=\"legend\" id=\"dg-legend\">\n<summary>Leipzig labels</summary>\n<dl>\n", f);
  for (size_t i = 0; i < n; i++) {
    fputs("<dt>", f);
    S_escaped(f, l[i].label);
    fputs("</dt><dd>", f);
    S_escaped(f, l[i].meaning);
    fputs("</dd>\n", f);
  }
  fputs("</dl>\n</details>", f);
  const char *rest = m + strlen(S_MARKER);
  fwrite(rest, 1, sizeof S_page - (size_t)(rest - S_page), f);
  if (fclose(f) != 0) {
    free(buf);
    return;
  }
  S_built = buf; /* kept for the life of the program */
  S_built_len = len;
}

const char *dg_serve_page(size_t *len) {
  pthread_once(&S_once, S_build);
  if (S_built) {
    *len = S_built_len;
    return S_built;
  }
  *len = sizeof S_page;
  return S_page;
}
