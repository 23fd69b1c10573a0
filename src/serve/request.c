/* One gloss request of the web app: the JSON body {"text", "style",
 * "translate", "translation", "domain"} (or a text/plain body: the text, or a
 * document body: HTML, Markdown, PDF, DOCX for the document readers, with
 * the options of the URL's query) is checked, glossed by a fresh session
 * (on an engine the server lends it) writing the jsonl format into memory,
 * and the JSONL lines become the array of {"sentences": [...]}.  Nothing
 * of a request's text is kept for the next.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"
#include "session.h"

char *dg_serve_error_json(const char *message, size_t *outlen) {
  json_t *o = json_pack("{s:s}", "error", message);
  char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  if (!s) s = strdup("{\"error\":\"out of memory\"}");
  if (s && outlen) *outlen = strlen(s);
  return s;
}

char *dg_serve_subjects_json(const dg_engine *e, const char *domain, size_t *outlen) {
  json_t *names = json_array();
  for (size_t k = 0; names && k < dg_engine_subject_count(e); k++)
    json_array_append_new(names, json_string(dg_engine_subject_name(e, k)));
  json_t *o = names ? json_pack("{s:o,s:s?}", "subjects", names, "domain", domain && *domain ? domain : NULL) : NULL;
  char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  if (s && outlen) *outlen = strlen(s);
  return s;
}

/* The session's output: appended to a memory stream. */
static int S_write(void *ctx, const char *data, size_t len) {
  return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

/* Input warnings (bad bytes) are not written to the server's stderr. */
static void S_quiet(void *ctx, const degloss_warning *w) {
  (void)ctx;
  (void)w;
}

/* The text for the request, its style and translation, or an error. */
typedef struct S_req {
  const char *text;
  size_t len;
  const char *style;
  int translate;
  const char *translation; /* NULL or "": none */
  size_t translation_len;
  const char *domain; /* NULL: the server's; "": inferred; else a subject's name */
} S_req;

static const char *S_parse(json_t *root, S_req *r) {
  if (!json_is_object(root)) return "the body must be a JSON object";
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    if (strcmp(key, "text") == 0) {
      if (!json_is_string(v)) return "\"text\" must be a string";
      r->text = json_string_value(v);
      r->len = json_string_length(v);
    } else if (strcmp(key, "style") == 0) {
      if (!json_is_string(v) || !degloss_style_valid(json_string_value(v)))
        return "\"style\" must be \"leipzig\" or \"plain\"";
      r->style = json_string_value(v);
    } else if (strcmp(key, "translate") == 0) {
      if (!json_is_boolean(v)) return "\"translate\" must be true or false";
      r->translate = json_is_true(v);
    } else if (strcmp(key, "translation") == 0) {
      if (!json_is_string(v)) return "\"translation\" must be a string";
      r->translation = json_string_value(v);
      r->translation_len = json_string_length(v);
    } else if (strcmp(key, "domain") == 0) {
      /* (a name the data does not know is refused with the known ones) */
      if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
        return "\"domain\" must be a string: a subject (software, law ...) or \"\" to infer it";
      r->domain = json_string_value(v);
    } else {
      return "unknown key (expected text, style, translate, translation, domain)";
    }
  }
  if (!r->text) return "\"text\" is missing";
  if (memchr(r->text, '\0', r->len)) return "\"text\" must not contain NUL";
  return NULL;
}

/* The JSONL lines in buf[0..len) as a JSON array, or NULL. */
static json_t *S_lines(const char *buf, size_t len) {
  json_t *arr = json_array();
  for (size_t i = 0; arr && i < len;) {
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - buf) : len;
    if (end > i) {
      json_t *o = json_loadb(buf + i, end - i, 0, NULL);
      if (!o || json_array_append_new(arr, o) != 0) {
        json_decref(arr);
        return NULL;
      }
    }
    i = end + 1;
  }
  return arr;
}

/* A line-aligned translation goes to the session as a file, like
 * --translation: a private temporary file, removed at once after use. */
static int S_translation_file(const char *text, size_t len, char *path, size_t cap) {
  const char *dir = getenv("TMPDIR");
  snprintf(path, cap, "%s/degloss-serve-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  size_t off = 0;
  while (off < len) {
    ssize_t n = write(fd, text + off, len - off);
    if (n <= 0) break;
    off += (size_t)n;
  }
  if (close(fd) != 0 || off < len) {
    unlink(path);
    return -1;
  }
  return 0;
}

/* The reader a document body goes to (the session's input mode). */
static degloss_input S_input(dg_body_kind kind) {
  switch (kind) {
  case DG_BODY_HTML: return DEGLOSS_INPUT_HTML;
  case DG_BODY_MARKDOWN: return DEGLOSS_INPUT_MARKDOWN;
  case DG_BODY_PDF: return DEGLOSS_INPUT_PDF;
  case DG_BODY_DOCX: return DEGLOSS_INPUT_DOCX;
  case DG_BODY_AUTO: return DEGLOSS_INPUT_AUTO;
  default: return DEGLOSS_INPUT_TEXT;
  }
}

int dg_serve_gloss(const degloss_session_options *base, dg_engine *engine, const char *style, const char *body,
                   size_t len, dg_body_kind kind, const dg_serve_query *q, char **out, size_t *outlen,
                   const char **used) {
  S_req r = {0};
  r.style = style;
  json_t *root = NULL;
  if (kind != DG_BODY_JSON) {
    if (kind == DG_BODY_TEXT && memchr(body, '\0', len)) {
      *out = dg_serve_error_json("the text must not contain NUL", outlen);
      return 400;
    }
    if (q && q->style) {
      if (!degloss_style_valid(q->style)) {
        *out = dg_serve_error_json("style must be leipzig or plain", outlen);
        return 400;
      }
      r.style = q->style;
    }
    if (q && q->translate >= 0) r.translate = q->translate;
    if (q && q->domain) r.domain = q->domain;
    r.text = body;
    r.len = len;
  } else {
    json_error_t jerr;
    root = json_loadb(body, len, 0, &jerr);
    char msg[DEGLOSS_ERROR_TEXT_LENGTH];
    const char *bad = NULL;
    if (!root) {
      snprintf(msg, sizeof msg, "bad JSON: %s (line %d, column %d)", jerr.text, jerr.line, jerr.column);
      bad = msg;
    } else {
      bad = S_parse(root, &r);
    }
    if (bad) {
      *out = dg_serve_error_json(bad, outlen);
      json_decref(root);
      return 400;
    }
  }

  /* (r.style points into root: decided while it lives) */
  *used = r.style && strcmp(r.style, "plain") == 0 ? "plain" : "leipzig";
  degloss_session_options so = *base;
  so.input = S_input(kind);
  so.encoding = DEGLOSS_ENCODING_UTF8;
  so.jobs = 1;
  so.progress = NULL;
  so.warning = S_quiet;
  so.translation_path = NULL;
  if (!r.translate) so.nmt = 0, so.mt = NULL;
  if (r.domain) so.domain = r.domain; /* checked by the session: 400 naming the known subjects */
  char tpath[4096] = "";
  if (r.translation && r.translation_len) {
    /* one line of the text is one record, its translation the same line */
    if (S_translation_file(r.translation, r.translation_len, tpath, sizeof tpath) != 0) {
      *out = dg_serve_error_json("cannot write a temporary file for the translation", outlen);
      json_decref(root);
      return 500;
    }
    so.translation_path = tpath;
    so.input = DEGLOSS_INPUT_LINES;
  }

  int status = 200;
  char *mem = NULL;
  size_t memlen = 0;
  FILE *ms = open_memstream(&mem, &memlen);
  degloss_error err = {0};
  degloss_session *s = !ms ? NULL : engine ? dg_session_new_lent(&so, engine, &err) : degloss_session_new(&so, &err);
  if (tpath[0]) unlink(tpath); /* read whole by the session */
  if (!s) {
    status = err.code == DEGLOSS_ERR_ARG || err.code == DEGLOSS_ERR_CONFIG ? 400 : 500;
    if (!ms) snprintf(err.text, sizeof err.text, "out of memory");
  } else {
    degloss_output o = {0};
    o.write = S_write;
    o.ctx = ms;
    o.format = "jsonl";
    o.senses = 1; /* the reader's detail panel shows each sense's source */
    o.style = r.style;
    degloss_code c = degloss_session_set_output(s, &o, &err);
    if (c == DEGLOSS_OK) c = degloss_session_feed_text(s, r.text, r.len, "request", &err);
    /* a document its reader cannot read (truncated, encrypted, no text) is
     * bad input; only a failure of the server's own is 500 */
    if (c != DEGLOSS_OK) status = c == DEGLOSS_ERR_NOMEM || (c == DEGLOSS_ERR_IO && kind == DG_BODY_JSON) ? 500 : 400;
    else if (degloss_session_finish(s, &err) != DEGLOSS_OK)
      status = err.code == DEGLOSS_ERR_INPUT ? 400 : 500; /* translation lines do not match */
    degloss_session_free(s);
  }
  if (ms && fclose(ms) != 0 && status == 200) {
    status = 500;
    snprintf(err.text, sizeof err.text, "out of memory");
  }
  json_decref(root);
  if (status != 200) {
    *out = dg_serve_error_json(err.text, outlen);
    free(mem);
    return status;
  }
  json_t *arr = S_lines(mem, memlen);
  free(mem);
  json_t *res = arr ? json_pack("{s:o}", "sentences", arr) : NULL;
  *out = res ? json_dumps(res, JSON_COMPACT) : NULL;
  json_decref(res);
  if (!*out) {
    *out = dg_serve_error_json("cannot build the response", outlen);
    return 500;
  }
  *outlen = strlen(*out);
  return 200;
}
