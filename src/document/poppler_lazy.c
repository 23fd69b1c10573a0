/* poppler-glib loaded on demand (poppler_lazy.h): dlopen of the library
 * the build was made against (its SONAME, DG_POPPLER_GLIB_SONAME, found by
 * cmake/document.cmake), then each function by name.  GLib and GObject
 * come with it as its own dependencies.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "poppler_lazy.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#ifndef DG_POPPLER_GLIB_SONAME
#define DG_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#endif

static dg_poppler S_table;
static char S_problem[256]; /* why it could not be loaded, or "" */
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_load(void) {
  void *h = dlopen(DG_POPPLER_GLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *why = dlerror();
    snprintf(S_problem, sizeof S_problem, "cannot load %s (%s; Debian package libpoppler-glib8)",
             DG_POPPLER_GLIB_SONAME, why ? why : "not found");
    return;
  }
  struct {
    void **slot;
    const char *name;
  } fn[] = {
      {(void **)&S_table.document_new_from_bytes, "poppler_document_new_from_bytes"},
      {(void **)&S_table.document_get_n_pages, "poppler_document_get_n_pages"},
      {(void **)&S_table.document_get_page, "poppler_document_get_page"},
      {(void **)&S_table.page_get_text, "poppler_page_get_text"},
      {(void **)&S_table.page_get_text_layout, "poppler_page_get_text_layout"},
      {(void **)&S_table.error_quark, "poppler_error_quark"},
      {(void **)&S_table.bytes_new_static, "g_bytes_new_static"},
      {(void **)&S_table.bytes_unref, "g_bytes_unref"},
      {(void **)&S_table.error_free, "g_error_free"},
      {(void **)&S_table.free, "g_free"},
      {(void **)&S_table.object_unref, "g_object_unref"},
  };
  for (size_t i = 0; i < DG_ARRAY_LEN(fn); i++) {
    void *p = dlsym(h, fn[i].name);
    if (!p) {
      snprintf(S_problem, sizeof S_problem, "%s has no %s", DG_POPPLER_GLIB_SONAME, fn[i].name);
      return; /* (the library stays loaded: a process loads it once) */
    }
    /* (POSIX: a function's address is read as an object pointer's bytes) */
    memcpy(fn[i].slot, &p, sizeof p);
  }
}

const dg_poppler *dg_poppler_get(const char *name, degloss_error *err) {
  pthread_once(&S_once, S_load);
  if (S_problem[0]) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: PDF cannot be read: %s", name, S_problem);
    return NULL;
  }
  return &S_table;
}
