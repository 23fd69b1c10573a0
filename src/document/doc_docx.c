/* DOCX reader: the ZIP archive through libzip, its XML through libxml2's
 * streaming reader (no tree).  The paragraphs (w:p) of word/document.xml in
 * order, those of table cells included: text from w:t, w:tab as a TAB,
 * w:br and w:cr as line breaks, w:noBreakHyphen as "-", w:softHyphen as a
 * soft hyphen; paragraph and run properties, deleted text, field codes and
 * the fallback copies of alternate content (mc:Fallback) are not text.
 * Then the footnotes of word/footnotes.xml (not the separators).  Origins:
 * "paragraph N" (counting every w:p of the body, empty ones too), with
 * "(table T, row R, cell C)" inside a table, and "footnote N".
 *
 * Against ZIP bombs: at most DG_DOC_MAX_ENTRIES entries; an entry is read
 * only when its declared size is at most DG_DOC_MAX_ENTRY bytes, and the
 * bytes actually inflated are counted, so a lying header stops there too.
 * The XML is parsed without network access and without substituting
 * entities (an internal DTD cannot expand to billions of characters).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "document_internal.h"

#define S_NEST 8   /* paragraphs inside paragraphs (text boxes) */
#define S_TABLES 16

typedef struct S_docx {
  const char *name;   /* the file */
  const char *part;   /* the entry being read */
  dg_docbuild b;
  unsigned para;      /* w:p seen in the body */
  unsigned tables;    /* w:tbl seen */
  struct {
    unsigned table, row, cell;
  } tbl[S_TABLES];
  size_t ntbl;        /* open tables (deeper ones are not numbered) */
  size_t nopen;       /* open w:p */
  dg_buf origin[S_NEST];
  bool footnotes;     /* reading word/footnotes.xml */
  char *footnote;     /* the w:id of the open footnote */
  char xmlerr[160];   /* the first message of the XML parser */
} S_docx;

static bool S_wml(xmlTextReaderPtr r) {
  const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
  return ns && strstr(ns, "wordprocessingml") != NULL;
}

static void S_xml_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
  S_docx *x = arg;
  (void)loc;
  if (sev != XML_PARSER_SEVERITY_ERROR && sev != XML_PARSER_SEVERITY_VALIDITY_ERROR) return;
  if (x->xmlerr[0]) return;
  snprintf(x->xmlerr, sizeof x->xmlerr, "%s", msg ? msg : "malformed XML");
  size_t n = strlen(x->xmlerr);
  while (n && (x->xmlerr[n - 1] == '\n' || x->xmlerr[n - 1] == ' ')) x->xmlerr[--n] = '\0';
}

static void S_para_begin(S_docx *x, xmlTextReaderPtr r) {
  if (x->nopen > 0) { /* a paragraph inside a paragraph: the outer one ends here */
    size_t o = x->nopen <= S_NEST ? x->nopen - 1 : S_NEST - 1;
    dg_docb_end(&x->b, "%s", x->origin[o].data ? x->origin[o].data : "");
  }
  size_t o = x->nopen < S_NEST ? x->nopen : S_NEST - 1;
  x->nopen++;
  dg_buf *b = &x->origin[o];
  dg_buf_clear(b);
  if (x->footnotes) {
    dg_buf_printf(b, "footnote %s", x->footnote ? x->footnote : "?");
    return;
  }
  dg_buf_printf(b, "paragraph %u", ++x->para);
  if (x->ntbl > 0 && x->ntbl <= S_TABLES) {
    const size_t t = x->ntbl - 1;
    dg_buf_printf(b, " (table %u, row %u, cell %u)", x->tbl[t].table, x->tbl[t].row, x->tbl[t].cell);
  }
  (void)r;
}

static void S_para_end(S_docx *x) {
  if (x->nopen == 0) return;
  x->nopen--;
  size_t o = x->nopen < S_NEST ? x->nopen : S_NEST - 1;
  dg_docb_end(&x->b, "%s", x->origin[o].data ? x->origin[o].data : "");
}

/* Elements whose content is not text of the document. */
static bool S_skipped(const char *local) {
  static const char *const names[] = {"pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid",
                                      "instrText", "delText", "delInstrText", "footnotePr", "endnotePr"};
  for (size_t i = 0; i < DG_ARRAY_LEN(names); i++)
    if (strcmp(local, names[i]) == 0) return true;
  return false;
}

/* Walk one XML part. */
static bool S_walk(S_docx *x, const char *xml, size_t len, degloss_error *err) {
  xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, x->part, NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!r) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, x->name, 0, 0, -1, "%s: %s: cannot be parsed", x->name, x->part);
    return false;
  }
  xmlTextReaderSetErrorHandler(r, S_xml_error, x);
  int skip = -1; /* the depth of a subtree being skipped */
  bool in_t = false;
  int ret;
  while ((ret = xmlTextReaderRead(r)) == 1 && !x->b.full) {
    int type = xmlTextReaderNodeType(r);
    int depth = xmlTextReaderDepth(r);
    if (skip >= 0) {
      if (type == XML_READER_TYPE_END_ELEMENT && depth == skip) skip = -1;
      continue;
    }
    if (type == XML_READER_TYPE_ELEMENT) {
      const char *local = (const char *)xmlTextReaderConstLocalName(r);
      bool empty = xmlTextReaderIsEmptyElement(r) == 1;
      if (!local) continue;
      if (!S_wml(r)) {
        if (strcmp(local, "Fallback") == 0 && !empty) skip = depth;
        continue;
      }
      if (S_skipped(local)) {
        if (!empty) skip = depth;
      } else if (strcmp(local, "footnote") == 0 && x->footnotes) {
        xmlChar *ty = xmlTextReaderGetAttributeNs(r, BAD_CAST "type", xmlTextReaderConstNamespaceUri(r));
        bool note = !ty || strcmp((const char *)ty, "normal") == 0; /* not a separator */
        xmlFree(ty);
        if (!note) {
          if (!empty) skip = depth;
          continue;
        }
        xmlChar *id = xmlTextReaderGetAttributeNs(r, BAD_CAST "id", xmlTextReaderConstNamespaceUri(r));
        free(x->footnote);
        x->footnote = dg_xstrdup(id ? (const char *)id : "?");
        xmlFree(id);
      } else if (strcmp(local, "p") == 0) {
        S_para_begin(x, r);
        if (empty) S_para_end(x);
      } else if (strcmp(local, "t") == 0) {
        in_t = !empty;
      } else if (strcmp(local, "tab") == 0) {
        dg_docb_put(&x->b, "\t", 1, false);
      } else if (strcmp(local, "br") == 0 || strcmp(local, "cr") == 0) {
        dg_docb_newline(&x->b);
      } else if (strcmp(local, "noBreakHyphen") == 0) {
        dg_docb_put(&x->b, "-", 1, false);
      } else if (strcmp(local, "softHyphen") == 0) {
        dg_docb_put(&x->b, "\xC2\xAD", 2, false);
      } else if (strcmp(local, "tbl") == 0 && !empty) {
        x->tables++;
        if (x->ntbl < S_TABLES) {
          x->tbl[x->ntbl].table = x->tables;
          x->tbl[x->ntbl].row = x->tbl[x->ntbl].cell = 0;
        }
        x->ntbl++;
      } else if (strcmp(local, "tr") == 0 && x->ntbl > 0 && x->ntbl <= S_TABLES) {
        x->tbl[x->ntbl - 1].row++;
        x->tbl[x->ntbl - 1].cell = 0;
      } else if (strcmp(local, "tc") == 0 && x->ntbl > 0 && x->ntbl <= S_TABLES) {
        x->tbl[x->ntbl - 1].cell++;
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      const char *local = (const char *)xmlTextReaderConstLocalName(r);
      if (!local || !S_wml(r)) continue;
      if (strcmp(local, "p") == 0) S_para_end(x);
      else if (strcmp(local, "t") == 0) in_t = false;
      else if (strcmp(local, "tbl") == 0 && x->ntbl > 0) x->ntbl--;
    } else if (in_t && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                        type == XML_READER_TYPE_WHITESPACE ||
                        type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
      const char *v = (const char *)xmlTextReaderConstValue(r);
      if (v) dg_docb_put(&x->b, v, strlen(v), false);
    }
  }
  while (x->nopen) S_para_end(x);
  xmlFreeTextReader(r);
  if (ret < 0) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, x->name, 0, 0, -1, "%s: %s: malformed XML (%s); not read",
                 x->name, x->part, x->xmlerr[0] ? x->xmlerr : "parse error");
    return false;
  }
  return !dg_docb_full(&x->b, err);
}

/* Read entry `part` whole, within the bounds.  NULL with *missing set when
 * there is no such entry, NULL with err set when it cannot be read. */
static char *S_entry(zip_t *za, const char *name, const char *part, size_t *len, bool *missing,
                     degloss_error *err) {
  *missing = false;
  zip_int64_t idx = zip_name_locate(za, part, 0);
  if (idx < 0) {
    *missing = true;
    return NULL;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: %s: %s", name, part, zip_strerror(za));
    return NULL;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > DG_DOC_MAX_ENTRY) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: %s would inflate to %llu bytes, over the limit of %zu MiB (a ZIP bomb?); not read",
                 name, part, (unsigned long long)st.size, DG_DOC_MAX_ENTRY >> 20);
    return NULL;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: %s is encrypted; not read", name, part);
    return NULL;
  }
  zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
  if (!zf) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: %s: %s", name, part, zip_strerror(za));
    return NULL;
  }
  dg_buf b;
  dg_buf_init(&b);
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0) {
    if (b.len + (size_t)n > DG_DOC_MAX_ENTRY) {
      dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                   "%s: %s inflates to more than %zu MiB (a ZIP bomb?); not read", name, part,
                   DG_DOC_MAX_ENTRY >> 20);
      zip_fclose(zf);
      dg_buf_free(&b);
      return NULL;
    }
    dg_buf_put(&b, chunk, (size_t)n);
  }
  if (n < 0) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: %s: %s; not read", name, part,
                 zip_file_strerror(zf));
    zip_fclose(zf);
    dg_buf_free(&b);
    return NULL;
  }
  zip_fclose(zf);
  *len = b.len;
  return b.data ? dg_buf_detach(&b) : dg_xstrdup("");
}

bool dg_doc_read_docx(const char *data, size_t len, const char *name, dg_document *doc,
                      degloss_error *err) {
  dg_doc_xml_init();
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  if (!za) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: not a DOCX file (not a readable ZIP archive: %s)",
                 name, zip_error_strerror(&ze));
    if (src) zip_source_free(src);
    zip_error_fini(&ze);
    return false;
  }
  zip_error_fini(&ze);
  bool ok = false;
  zip_int64_t entries = zip_get_num_entries(za, 0);
  if (entries < 0 || entries > DG_DOC_MAX_ENTRIES) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: a ZIP archive of %lld entries (more than %d); not read", name,
                 (long long)entries, DG_DOC_MAX_ENTRIES);
    zip_discard(za);
    return false;
  }
  S_docx *x = dg_xcalloc(1, sizeof *x);
  x->name = name;
  dg_docb_init(&x->b, doc, name);
  for (size_t i = 0; i < S_NEST; i++) dg_buf_init(&x->origin[i]);
  size_t n = 0;
  bool missing;
  char *xml = S_entry(za, name, "word/document.xml", &n, &missing, err);
  if (!xml && missing)
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: no word/document.xml in this ZIP archive: not a Word (DOCX) document", name);
  if (xml) {
    x->part = "word/document.xml";
    ok = S_walk(x, xml, n, err);
    free(xml);
  }
  if (ok) {
    xml = S_entry(za, name, "word/footnotes.xml", &n, &missing, err);
    if (xml) {
      x->part = "word/footnotes.xml";
      x->footnotes = true;
      ok = S_walk(x, xml, n, err);
      free(xml);
    } else if (!missing) {
      ok = false;
    }
  }
  zip_discard(za);
  for (size_t i = 0; i < S_NEST; i++) dg_buf_free(&x->origin[i]);
  free(x->footnote);
  free(x);
  return ok;
}
