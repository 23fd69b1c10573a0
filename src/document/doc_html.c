/* HTML and XHTML reader: libxml2's HTML parser in SAX mode (no tree is
 * built, so memory stays near the size of the file).  The text of the body;
 * block elements (headings, paragraphs, list items, table cells,
 * blockquote, pre, div and the other div-level elements) end a paragraph;
 * inline elements (b, i, a, span, em ...) do not break words; script,
 * style, nav, template, noscript, svg, math and the head are dropped, so
 * are comments; entities are decoded by the parser.  The charset comes from
 * the document (BOM, <meta charset>, <meta http-equiv content="…;
 * charset=…">, the XML declaration), else UTF-8.  code/kbd/samp are code.
 * A paragraph's origin is the element path of its block, "body/div[2]/p[3]"
 * (the n-th element of that name among its siblings).  Documents nested
 * deeper than DG_DOC_MAX_DEPTH elements are refused (the parser's own
 * stack would otherwise grow with the file).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>

#include "document_internal.h"

/* A child name and how many children of that name came so far. */
typedef struct S_count {
  char *name;
  unsigned n;
} S_count;

typedef struct S_elem {
  char name[16];   /* lower case, cut (long names are never blocks) */
  unsigned index;  /* 1-based among its parent's children of this name */
  bool block, dropped, code, pre;
  S_count *kids;
  size_t nkids, kidcap;
} S_elem;

typedef struct S_html {
  htmlParserCtxtPtr ctx;
  dg_docbuild b;
  S_elem stack[DG_DOC_MAX_DEPTH + 1];
  size_t depth;     /* elements open */
  unsigned skip;    /* inside dropped elements */
  unsigned code;    /* inside code elements */
  unsigned pre;     /* inside pre */
  bool too_deep;
  dg_buf origin;    /* the open paragraph's origin */
} S_html;

static const char *const S_blocks[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "option", "textarea", "frameset", "noframes"};
static const char *const S_dropped_names[] = {"script", "style", "nav", "template", "noscript",
                                              "head", "svg", "math", "iframe", "object"};
static const char *const S_code_names[] = {"code", "kbd", "samp"};

static bool S_in(const char *name, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(name, set[i]) == 0) return true;
  return false;
}

/* The element path of the innermost open block, from body down. */
static void S_make_origin(S_html *h) {
  size_t top = 0, from = 0;
  for (size_t i = 0; i < h->depth; i++) {
    if (h->stack[i].block) top = i + 1;
    if (strcmp(h->stack[i].name, "body") == 0) from = i;
  }
  dg_buf_clear(&h->origin);
  if (top == 0) {
    dg_buf_puts(&h->origin, "body");
    return;
  }
  for (size_t i = from; i < top; i++) {
    const S_elem *e = &h->stack[i];
    if (i > from) dg_buf_putc(&h->origin, '/');
    if (strcmp(e->name, "body") == 0 || strcmp(e->name, "html") == 0) dg_buf_puts(&h->origin, e->name);
    else dg_buf_printf(&h->origin, "%s[%u]", e->name, e->index);
  }
}

static void S_end_para(S_html *h) {
  if (dg_docb_open(&h->b)) dg_docb_end(&h->b, "%s", h->origin.data ? h->origin.data : "body");
}

static void S_text(S_html *h, const char *s, size_t n) {
  if (h->skip || h->too_deep) return;
  bool was = dg_docb_open(&h->b);
  dg_docb_put(&h->b, s, n, h->pre == 0);
  if (!was && dg_docb_open(&h->b)) S_make_origin(h);
  if (h->b.full) xmlStopParser(h->ctx);
}

static void S_start(void *ctx, const xmlChar *xname, const xmlChar **attrs) {
  S_html *h = ctx;
  if (h->too_deep) return;
  if (h->depth >= DG_DOC_MAX_DEPTH) {
    h->too_deep = true;
    xmlStopParser(h->ctx);
    return;
  }
  const char *name = (const char *)xname;
  S_elem *e = &h->stack[h->depth];
  memset(e, 0, sizeof *e);
  size_t nl = strlen(name);
  if (nl >= sizeof e->name) nl = sizeof e->name - 1;
  for (size_t i = 0; i < nl; i++) {
    char c = name[i];
    e->name[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  e->name[nl] = '\0';
  /* its index among the parent's children of the same name */
  e->index = 1;
  if (h->depth > 0) {
    S_elem *p = &h->stack[h->depth - 1];
    size_t k = 0;
    while (k < p->nkids && strcmp(p->kids[k].name, e->name) != 0) k++;
    if (k == p->nkids) {
      if (p->nkids == p->kidcap) {
        p->kidcap = p->kidcap ? 2 * p->kidcap : 4;
        p->kids = dg_xrealloc(p->kids, p->kidcap * sizeof *p->kids);
      }
      p->kids[k].name = dg_xstrdup(e->name);
      p->kids[k].n = 0;
      p->nkids++;
    }
    e->index = ++p->kids[k].n;
  }
  h->depth++;
  if (S_in(e->name, S_dropped_names, DG_ARRAY_LEN(S_dropped_names))) {
    e->dropped = true;
    h->skip++;
    return;
  }
  if (h->skip) return;
  if (strcmp(e->name, "br") == 0) {
    dg_docb_newline(&h->b);
    return;
  }
  if (S_in(e->name, S_blocks, DG_ARRAY_LEN(S_blocks))) {
    e->block = true;
    S_end_para(h);
  }
  if (strcmp(e->name, "pre") == 0 || strcmp(e->name, "textarea") == 0) {
    e->pre = true;
    h->pre++;
  }
  if (S_in(e->name, S_code_names, DG_ARRAY_LEN(S_code_names))) {
    e->code = true;
    if (h->code++ == 0) dg_docb_code(&h->b, true);
  }
  (void)attrs;
}

static void S_end(void *ctx, const xmlChar *xname) {
  S_html *h = ctx;
  (void)xname;
  if (h->depth == 0 || h->too_deep) return;
  S_elem *e = &h->stack[h->depth - 1];
  if (e->dropped) h->skip--;
  if (e->code && --h->code == 0) dg_docb_code(&h->b, false);
  if (e->pre) h->pre--;
  if (e->block) S_end_para(h);
  for (size_t k = 0; k < e->nkids; k++) free(e->kids[k].name);
  free(e->kids);
  h->depth--;
}

static void S_chars(void *ctx, const xmlChar *s, int len) {
  S_html *h = ctx;
  if (len > 0) S_text(h, (const char *)s, (size_t)len);
}

/* The charset the document declares in its first bytes, or NULL. */
static char *S_charset(const char *data, size_t len) {
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) return dg_xstrdup("UTF-8");
  if (len >= 2 && memcmp(data, "\xFF\xFE", 2) == 0) return dg_xstrdup("UTF-16LE");
  if (len >= 2 && memcmp(data, "\xFE\xFF", 2) == 0) return dg_xstrdup("UTF-16BE");
  size_t n = len < 4096 ? len : 4096;
  const char *key = NULL;
  size_t keylen = 0;
  if (n >= 5 && memcmp(data, "<?xml", 5) == 0) {
    const char *end = memchr(data, '>', n);
    if (end) {
      for (const char *p = data; p + 8 < end && !key; p++)
        if (memcmp(p, "encoding", 8) == 0) key = p, keylen = 8;
    }
  }
  for (size_t i = 0; i + 5 < n && !key; i++) {
    if (data[i] != '<' || strncasecmp(data + i + 1, "meta", 4) != 0) continue;
    const char *end = memchr(data + i, '>', n - i);
    if (!end) break;
    for (const char *p = data + i; p + 7 < end && !key; p++)
      if (strncasecmp(p, "charset", 7) == 0) key = p, keylen = 7;
  }
  if (!key) return NULL;
  const char *p = key + keylen, *lim = data + n;
  while (p < lim && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  if (p >= lim || *p != '=') return NULL;
  p++;
  while (p < lim && (*p == ' ' || *p == '"' || *p == '\'')) p++;
  const char *v = p;
  while (p < lim && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                     *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;
  if (p == v || p - v > 40) return NULL;
  return dg_xstrndup(v, (size_t)(p - v));
}

static void S_silent(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

bool dg_doc_read_html(const char *data, size_t len, const char *name, dg_document *doc,
                      degloss_error *err) {
  dg_doc_xml_init();
  S_html *h = dg_xcalloc(1, sizeof *h);
  dg_docb_init(&h->b, doc, name);
  dg_buf_init(&h->origin);
  htmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.startElement = S_start;
  sax.endElement = S_end;
  sax.characters = S_chars;
  sax.cdataBlock = S_chars;
  sax.warning = S_silent;
  sax.error = S_silent;
  sax.initialized = 1;
  /* Pushed in chunks: the parser keeps only what it has not consumed. */
  h->ctx = htmlCreatePushParserCtxt(&sax, h, NULL, 0, name, XML_CHAR_ENCODING_NONE);
  if (!h->ctx) {
    free(h);
    dg_error_set(err, DEGLOSS_ERR_NOMEM, name, 0, 0, -1, "%s: cannot start the HTML parser", name);
    return false;
  }
  htmlCtxtUseOptions(h->ctx, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  char *cs = S_charset(data, len);
  xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler(cs ? cs : "UTF-8");
  if (!enc) {
    dg_warn(DEGLOSS_ERR_INPUT, name, 0, -1, "unknown charset \"%s\"; read as UTF-8", cs);
    enc = xmlFindCharEncodingHandler("UTF-8");
  }
  free(cs);
  if (enc) xmlSwitchToEncoding(h->ctx, enc);
  /* (the byte order mark is not text: the parser would open a paragraph) */
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3;
  else if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
    data += 2, len -= 2;
  const size_t chunk = 65536;
  for (size_t off = 0; off < len && !h->too_deep && !h->b.full;) {
    size_t n = len - off < chunk ? len - off : chunk;
    if (htmlParseChunk(h->ctx, data + off, (int)n, 0) != 0 && h->ctx->disableSAX) break;
    off += n;
  }
  if (!h->too_deep && !h->b.full) htmlParseChunk(h->ctx, NULL, 0, 1);
  S_end_para(h);
  while (h->depth > 0) {
    S_elem *e = &h->stack[--h->depth];
    for (size_t k = 0; k < e->nkids; k++) free(e->kids[k].name);
    free(e->kids);
  }
  bool ok = true;
  if (h->too_deep) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: HTML nested deeper than %d elements; not read", name, DG_DOC_MAX_DEPTH);
    ok = false;
  } else if (dg_docb_full(&h->b, err)) {
    ok = false;
  }
  htmlFreeParserCtxt(h->ctx);
  dg_buf_free(&h->origin);
  free(h);
  return ok;
}
