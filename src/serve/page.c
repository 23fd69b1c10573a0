/* The page of the web app (GET /): page.html, embedded at build time as a
 * byte array (cmake/embed.cmake writes serve_page.inc).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "serve.h"

static const char S_page[] = {
#include "serve_page.inc"
};

const char *dg_serve_page(size_t *len) {
  *len = sizeof S_page;
  return S_page;
}
