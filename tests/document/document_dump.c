/* document_dump: prints what the document layer makes of a file, as one JSON
 * object: the kind it was read as, the extracted text, the paragraphs
 * (start, end, origin) and the code regions (start, end); or the error (and
 * exits 1).  tests/document/document_test.py checks token offsets against
 * the text and the pass-through of plain text with it.
 *
 *   document_dump [--kind auto|text|html|markdown|pdf|docx] [--sniff] FILE
 *
 * --sniff prints only the kind found by content and extension.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "document.h"

int main(int argc, char **argv) {
  dg_dockind kind = DG_DOCK_AUTO;
  bool sniff = false;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
      if (!dg_dockind_parse(argv[++i], &kind)) {
        fprintf(stderr, "document_dump: unknown kind %s\n", argv[i]);
        return 2;
      }
    } else if (strcmp(argv[i], "--sniff") == 0) {
      sniff = true;
    } else {
      path = argv[i];
    }
  }
  if (!path) {
    fprintf(stderr, "usage: document_dump [--kind KIND] [--sniff] FILE\n");
    return 2;
  }
  if (sniff) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
      perror(path);
      return 1;
    }
    printf("%s\n", dg_dockind_name(dg_document_sniff_fd(fd, path)));
    close(fd);
    return 0;
  }
  dg_document doc;
  dg_document_init(&doc);
  degloss_error err = {0};
  if (!dg_document_read_file(path, NULL, kind, &doc, &err)) {
    json_t *e = json_pack("{s:s, s:i}", "error", err.text, "code", (int)err.code);
    char *s = e ? json_dumps(e, JSON_PRESERVE_ORDER) : NULL;
    puts(s ? s : "{}");
    free(s);
    json_decref(e);
    return 1;
  }
  json_t *o = json_object();
  json_object_set_new(o, "kind", json_string(dg_dockind_name(doc.kind)));
  /* (bytes, not a JSON string: plain text may be anything) */
  json_t *bytes = json_array();
  if (doc.kind == DG_DOCK_TEXT) {
    for (size_t i = 0; i < doc.text.len; i++)
      json_array_append_new(bytes, json_integer((unsigned char)doc.text.data[i]));
    json_object_set_new(o, "bytes", bytes);
  } else {
    json_decref(bytes);
    json_object_set_new(o, "text", json_stringn(doc.text.data ? doc.text.data : "", doc.text.len));
  }
  json_t *paras = json_array();
  for (size_t i = 0; i < doc.npara; i++) {
    json_t *p = json_object();
    json_object_set_new(p, "start", json_integer((json_int_t)doc.paras[i].start));
    json_object_set_new(p, "end", json_integer((json_int_t)doc.paras[i].end));
    json_object_set_new(p, "origin", json_string(dg_document_origin(&doc, i)));
    json_array_append_new(paras, p);
  }
  json_object_set_new(o, "paragraphs", paras);
  json_t *code = json_array();
  for (size_t i = 0; i < doc.ncode; i++) {
    json_t *c = json_array();
    json_array_append_new(c, json_integer((json_int_t)doc.code[i].start));
    json_array_append_new(c, json_integer((json_int_t)doc.code[i].end));
    json_array_append_new(code, c);
  }
  json_object_set_new(o, "code", code);
  char *s = json_dumps(o, JSON_PRESERVE_ORDER);
  if (!s) {
    fprintf(stderr, "document_dump: the text is not valid UTF-8\n");
    json_decref(o);
    dg_document_free(&doc);
    return 3;
  }
  puts(s);
  free(s);
  json_decref(o);
  dg_document_free(&doc);
  return 0;
}
