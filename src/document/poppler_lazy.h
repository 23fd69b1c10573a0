/* poppler-glib, loaded when the first PDF is read (poppler_lazy.c): the
 * library and the ~50 it needs (cairo, fontconfig, NSS, X11 ...) take
 * about 7 ms to load, which every run would pay at start for a format
 * most runs never read.  The functions the PDF reader calls, by their
 * poppler and GLib names, through one table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_DOCUMENT_POPPLER_LAZY_H
#define DG_DOCUMENT_POPPLER_LAZY_H

#include <poppler.h>

#include "degloss.h"

typedef struct dg_poppler {
  __typeof__(&poppler_document_new_from_bytes) document_new_from_bytes;
  __typeof__(&poppler_document_get_n_pages) document_get_n_pages;
  __typeof__(&poppler_document_get_page) document_get_page;
  __typeof__(&poppler_page_get_text) page_get_text;
  __typeof__(&poppler_page_get_text_layout) page_get_text_layout;
  __typeof__(&poppler_error_quark) error_quark;
  __typeof__(&g_bytes_new_static) bytes_new_static;
  __typeof__(&g_bytes_unref) bytes_unref;
  __typeof__(&g_error_free) error_free;
  __typeof__(&g_free) free;
  __typeof__(&g_object_unref) object_unref;
} dg_poppler;

/* The table, the library loaded on the first call (once, whichever thread
 * asks first); NULL with err set, naming the document `name` and the
 * library, when it cannot be loaded. */
const dg_poppler *dg_poppler_get(const char *name, degloss_error *err);

#endif
