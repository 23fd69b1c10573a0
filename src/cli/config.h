/* Settings of the command-line program: the config file (XDG location or
 * --config FILE, "key = value" lines, # comments), DEGLOSS_* environment
 * variables and flags.  Later sources override earlier ones; the CLI applies
 * config, then environment, then flags, so flags win over env over config.
 * Glossaries accumulate (loaded in that order, so later entries override).
 * Machine-translation options are collected in order and forwarded to the MT
 * client by name.  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_CONFIG_H
#define DG_CONFIG_H

#include <stdbool.h>

#include "render.h"
#include "util.h"

/* AUTO: text, or a document (HTML, PDF, DOCX, Markdown) by its content and
 * extension; the document kinds force a reader (src/document/). */
typedef enum {
  DG_IN_TEXT,
  DG_IN_HORIZONTAL,
  DG_IN_JSONL,
  DG_IN_AUTO,
  DG_IN_HTML,
  DG_IN_MARKDOWN,
  DG_IN_PDF,
  DG_IN_DOCX
} dg_in_mode;
typedef enum { DG_COLOR_AUTO, DG_COLOR_NEVER, DG_COLOR_ALWAYS } dg_color_mode;

typedef struct dg_mt_setting {
  char *key, *value, *origin;
  unsigned file_mode;
} dg_mt_setting;

typedef struct dg_settings {
  dg_format format;
  dg_style style;
  dg_in_mode input;
  int encoding;            /* dg_encoding (src/text/text.h): 0 = auto */
  dg_color_mode color;
  unsigned width;          /* 0: terminal width or 80 */
  unsigned alternatives;   /* 0: all */
  unsigned jobs;           /* worker threads (default 1); 0: online CPUs */
  char *data_dir;          /* NULL: degloss_data_dir() */
  char *dict;              /* de_DE (default), de_AT, de_CH */
  char *hunspell;          /* explicit hunspell base path, overrides dict */
  char *output;            /* NULL: stdout */
  char **glossaries;
  size_t nglossaries;
  dg_mt_setting *mt;
  size_t nmt;
} dg_settings;

void dg_settings_init(dg_settings *s);
void dg_settings_free(dg_settings *s);

/* Set one option by its long name ("format", "width", "glossary", "mt-url" ...).
 * origin names the place for messages ("command line", "FILE:LINE",
 * "DEGLOSS_FORMAT"); file_mode is the config file's st_mode, else 0.
 * false with err (DEGLOSS_ERR_CONFIG or _ARG) for a bad key or value. */
bool dg_settings_set(dg_settings *s, const char *key, const char *value, const char *origin,
                     unsigned file_mode, degloss_error *err);

/* Is `key` one of the MT client's options? */
bool dg_settings_is_mt_key(const char *key);

/* Read a config file.  A missing file is fine unless must_exist.  A broken
 * line is an error naming file and line. */
bool dg_config_load(dg_settings *s, const char *path, bool must_exist, degloss_error *err);

/* The default config path ($XDG_CONFIG_HOME/degloss/config or
 * ~/.config/degloss/config) in a new string, or NULL when neither is known. */
char *dg_config_default_path(void);

/* Apply DEGLOSS_FORMAT, DEGLOSS_STYLE, DEGLOSS_WIDTH, DEGLOSS_INPUT,
 * DEGLOSS_ALTERNATIVES, DEGLOSS_GLOSSARY (colon-separated), DEGLOSS_DATA_DIR,
 * DEGLOSS_DICT, DEGLOSS_HUNSPELL, DEGLOSS_COLOR, DEGLOSS_JOBS, DEGLOSS_TRANSLATE,
 * DEGLOSS_MT_URL, DEGLOSS_MT_MODEL, DEGLOSS_MT_TARGET, DEGLOSS_CACHE_DIR. */
bool dg_config_env(dg_settings *s, degloss_error *err);

#endif
