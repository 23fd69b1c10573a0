/* The web app's internals shared by server.c (the HTTP side: listening,
 * routing, limits) and request.c (a gloss request: JSON in, a session,
 * JSON out) and page.c (the page GET / serves).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_SERVE_H
#define DG_SERVE_H
#include <stddef.h>

#include "degloss.h"
#include "gloss.h"

/* How the request body was sent: its Content-Type.  JSON is a request
 * object, TEXT the text itself; the others are a document read by the
 * document readers (AUTO: application/octet-stream, recognised by its
 * content like degloss --input auto). */
typedef enum {
  DG_BODY_JSON,
  DG_BODY_TEXT,
  DG_BODY_HTML,
  DG_BODY_MARKDOWN,
  DG_BODY_PDF,
  DG_BODY_DOCX,
  DG_BODY_AUTO
} dg_body_kind;

/* A request's options from the URL's query (?style=plain&translate=1), used
 * for a body that is not a JSON object: NULL/-1 when not given. */
typedef struct dg_serve_query {
  const char *style;
  int translate;
  const char *domain; /* ?domain=NAME ("": inferred) */
} dg_serve_query;

/* Gloss one request body with the options `so` and `engine` (lent for the
 * request: made with the same options by dg_session_engine_new; NULL: the
 * session makes its own) (`style`: the style when the
 * request names none, NULL "leipzig"; `q`: the query's options for a text or
 * document body, may be NULL): the HTTP status (200, 400 for bad input, a
 * bad option or a document its reader cannot read, or 500 for a
 * server-side failure such as unreadable data), in *out a malloc'd JSON
 * body ({"sentences": [...]} or {"error": "..."}) and in *used the style
 * glossed with (a static string). */
int dg_serve_gloss(const degloss_session_options *so, dg_engine *engine, const char *style, const char *body,
                   size_t len, dg_body_kind kind, const dg_serve_query *q, char **out, size_t *outlen,
                   const char **used);

/* A malloc'd JSON body {"subjects": [NAME, ...], "domain": NAME or null}:
 * the subjects a request's "domain" may name (the engine's subjects.tsv)
 * and the server's own (--domain). */
char *dg_serve_subjects_json(const dg_engine *e, const char *domain, size_t *outlen);

/* A malloc'd JSON body {"error": MESSAGE}. */
char *dg_serve_error_json(const char *message, size_t *outlen);

/* The page GET / serves: HTML with inline CSS and JavaScript. */
const char *dg_serve_page(size_t *len);

#endif
