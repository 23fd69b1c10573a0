/* The web app's internals shared by server.c (the HTTP side: listening,
 * routing, limits) and request.c (a gloss request: JSON in, a session,
 * JSON out) and page.c (the page GET / serves).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_SERVE_H
#define DG_SERVE_H
#include <stddef.h>

#include "degloss.h"

/* How the request body was sent: its Content-Type. */
typedef enum { DG_BODY_JSON, DG_BODY_TEXT } dg_body_kind;

/* Gloss one request body with the options `so` (`style`: the style when the
 * request names none, NULL "leipzig"): the HTTP status (200, 400, or 500 for
 * a server-side failure such as unreadable data), in *out a malloc'd JSON
 * body ({"sentences": [...]} or {"error": "..."}) and in *used the style
 * glossed with (a static string). */
int dg_serve_gloss(const degloss_session_options *so, const char *style, const char *body, size_t len,
                   dg_body_kind kind, char **out, size_t *outlen, const char **used);

/* A malloc'd JSON body {"error": MESSAGE}. */
char *dg_serve_error_json(const char *message, size_t *outlen);

/* The page GET / serves: HTML with inline CSS and JavaScript. */
const char *dg_serve_page(size_t *len);

#endif
