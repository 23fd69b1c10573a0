/* The document layer's dispatcher: which reader a file needs (by its
 * content, the extension as a hint, or as forced), reading a file whole
 * within the size bound, and handing it to the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "document_internal.h"

static const struct {
  const char *name;
  dg_dockind kind;
} S_names[] = {{"auto", DG_DOCK_AUTO},         {"text", DG_DOCK_TEXT},   {"html", DG_DOCK_HTML},
               {"xhtml", DG_DOCK_HTML},        {"markdown", DG_DOCK_MARKDOWN},
               {"md", DG_DOCK_MARKDOWN},       {"pdf", DG_DOCK_PDF},     {"docx", DG_DOCK_DOCX}};

bool dg_dockind_parse(const char *name, dg_dockind *out) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_names); i++)
    if (strcasecmp(name, S_names[i].name) == 0) {
      *out = S_names[i].kind;
      return true;
    }
  return false;
}

const char *dg_dockind_name(dg_dockind k) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_names); i++)
    if (S_names[i].kind == k) return S_names[i].name;
  return "auto";
}


/* ---- detection ---- */

static bool S_has(const char *data, size_t len, const char *needle) {
  size_t n = strlen(needle);
  if (n > len) return false;
  for (size_t i = 0; i + n <= len; i++)
    if (data[i] == needle[0] && memcmp(data + i, needle, n) == 0) return true;
  return false;
}

static bool S_has_nocase(const char *data, size_t len, const char *needle) {
  size_t n = strlen(needle);
  if (n > len) return false;
  for (size_t i = 0; i + n <= len; i++)
    if (strncasecmp(data + i, needle, n) == 0) return true;
  return false;
}

static const char *S_ext(const char *name) {
  if (!name) return "";
  const char *slash = strrchr(name, '/');
  const char *dot = strrchr(slash ? slash + 1 : name, '.');
  return dot ? dot + 1 : "";
}

/* Markup at the start: <!DOCTYPE html, <html, or an XML declaration of an
 * XHTML document; a BOM, white space and comments may come first. */
static bool S_html_start(const char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
  for (;;) {
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    if (i + 4 <= len && memcmp(data + i, "<!--", 4) == 0) {
      const char *end = NULL;
      for (size_t k = i + 4; k + 3 <= len && !end; k++)
        if (memcmp(data + k, "-->", 3) == 0) end = data + k + 3;
      if (!end) return false;
      i = (size_t)(end - data);
      continue;
    }
    break;
  }
  const char *p = data + i;
  size_t n = len - i;
  if (n >= 14 && strncasecmp(p, "<!doctype html", 14) == 0) return true;
  if (n >= 5 && strncasecmp(p, "<html", 5) == 0 && (n == 5 || p[5] == '>' || p[5] == ' ' ||
                                                    p[5] == '\n' || p[5] == '\t' || p[5] == '\r'))
    return true;
  if (n >= 5 && memcmp(p, "<?xml", 5) == 0)
    return S_has_nocase(p, n, "<html") || S_has(p, n, "http://www.w3.org/1999/xhtml") ||
           S_has_nocase(p, n, "<!doctype html");
  return false;
}

dg_dockind dg_document_sniff(const char *data, size_t len, const char *name) {
  const char *ext = S_ext(name);
  /* %PDF- may follow some junk: readers look in the first KiB. */
  if (S_has(data, len < 1024 ? len : 1024, "%PDF-")) return DG_DOCK_PDF;
  if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
    if (S_has(data, len, "[Content_Types].xml") && S_has(data, len, "word/document.xml"))
      return DG_DOCK_DOCX;
    if (strcasecmp(ext, "docx") == 0) return DG_DOCK_DOCX;
    return DG_DOCK_TEXT;
  }
  if (S_html_start(data, len)) return DG_DOCK_HTML;
  if (strcasecmp(ext, "html") == 0 || strcasecmp(ext, "htm") == 0 || strcasecmp(ext, "xhtml") == 0)
    return DG_DOCK_HTML;
  if (strcasecmp(ext, "md") == 0 || strcasecmp(ext, "markdown") == 0) return DG_DOCK_MARKDOWN;
  if (strcasecmp(ext, "pdf") == 0) return DG_DOCK_PDF;
  if (strcasecmp(ext, "docx") == 0) return DG_DOCK_DOCX;
  return DG_DOCK_TEXT;
}

#define S_HEAD 8192
#define S_TAIL 65536

dg_dockind dg_document_sniff_fd(int fd, const char *name) {
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return DG_DOCK_TEXT;
  char *buf = dg_xmalloc(S_HEAD + S_TAIL);
  ssize_t n = pread(fd, buf, S_HEAD, 0);
  size_t len = n > 0 ? (size_t)n : 0;
  /* A ZIP archive's central directory (the entries' names) is at its end. */
  if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0 && st.st_size > (off_t)len) {
    off_t from = st.st_size - S_TAIL > (off_t)len ? st.st_size - S_TAIL : (off_t)len;
    ssize_t m = pread(fd, buf + len, (size_t)(st.st_size - from), from);
    if (m > 0) len += (size_t)m;
  }
  dg_dockind k = dg_document_sniff(buf, len, name);
  free(buf);
  return k;
}

/* ---- reading ---- */

bool dg_document_read(const char *data, size_t len, const char *name, dg_dockind kind,
                      dg_document *out, degloss_error *err) {
  if (!name || !*name) name = "-";
  if (kind == DG_DOCK_AUTO) kind = dg_document_sniff(data, len, name);
  dg_document_free(out);
  out->kind = kind;
  bool ok = true;
  switch (kind) {
  case DG_DOCK_AUTO:
  case DG_DOCK_TEXT: dg_buf_put(&out->text, data, len); break;
  case DG_DOCK_HTML: ok = dg_doc_read_html(data, len, name, out, err); break;
  case DG_DOCK_MARKDOWN: ok = dg_doc_read_markdown(data, len, name, out, err); break;
  case DG_DOCK_PDF: ok = dg_doc_read_pdf(data, len, name, out, err); break;
  case DG_DOCK_DOCX: ok = dg_doc_read_docx(data, len, name, out, err); break;
  }
  if (!ok) {
    dg_document_free(out);
    out->kind = kind;
  }
  return ok;
}

bool dg_document_read_file(const char *path, FILE *in, dg_dockind kind, dg_document *out,
                           degloss_error *err) {
  const char *name = path && *path ? path : "-";
  FILE *f = in ? in : fopen(path, "rb");
  if (!f) {
    dg_error_set(err, DEGLOSS_ERR_IO, name, 0, 0, -1, "%s: cannot open: %s", name, strerror(errno));
    return false;
  }
  dg_buf b;
  dg_buf_init(&b);
  char chunk[65536];
  size_t n;
  bool big = false;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (b.len + n > DG_DOC_MAX_FILE) {
      big = true;
      break;
    }
    dg_buf_put(&b, chunk, n);
  }
  bool rerr = ferror(f) != 0;
  int e = errno;
  if (!in) fclose(f);
  if (rerr || big) {
    if (big)
      dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: over %zu MiB; not read as a document",
                   name, DG_DOC_MAX_FILE >> 20);
    else
      dg_error_set(err, DEGLOSS_ERR_IO, name, 0, 0, -1, "%s: read error: %s", name, strerror(e));
    dg_buf_free(&b);
    return false;
  }
  bool ok = dg_document_read(b.data ? b.data : "", b.len, name, kind, out, err);
  dg_buf_free(&b);
  return ok;
}
