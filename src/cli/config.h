/* Settings of the command-line program: the config file (XDG location or
 * --config FILE, "key = value" lines, # comments), DEGLOSS_* environment
 * variables and flags.  Later sources override earlier ones; the CLI applies
 * config, then environment, then flags, so flags win over env over config.
 * Glossaries accumulate (loaded in that order, so later entries override).
 * Machine-translation options are collected in order and forwarded to the
 * library by name (degloss_setting).  Values are checked here, with the
 * library's degloss_*_parse/_valid functions, so a bad one is reported with
 * its origin.  Part of the program, not of the library.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DEGLOSS_CLI_CONFIG_H
#define DEGLOSS_CLI_CONFIG_H

#include <stdbool.h>

#include "degloss.h"

typedef enum { CLI_COLOR_AUTO, CLI_COLOR_NEVER, CLI_COLOR_ALWAYS } cli_color;

typedef struct cli_settings {
  char *format;            /* NULL: interlinear */
  char *style;             /* NULL: leipzig */
  degloss_input input;
  degloss_encoding encoding;
  cli_color color;
  char *latex;             /* --format latex: NULL (gb4e) or expex */
  bool latex_standalone;   /* --format latex: a whole document */
  bool senses;             /* json/jsonl: each gloss's source and labels */
  char *layout;            /* --format html: NULL (default) or parallel */
  char *vocab_skip;        /* --format vocab: NULL, names, closed, names,closed */
  int progress;            /* -1: on a terminal for large input or with MT; 0 never; 1 always */
  unsigned width;          /* 0: terminal width or 80 */
  unsigned alternatives;   /* 0: all */
  unsigned jobs;           /* worker threads (default 1); 0: online CPUs */
  char *data_dir;          /* NULL: degloss_data_dir() */
  char *dict;              /* de_DE (default), de_AT, de_CH */
  char *domain;            /* --domain: the documents' subject, NULL: inferred */
  char *hunspell;          /* explicit hunspell base path, overrides dict */
  char *output;            /* NULL: stdout */
  char *translation;       /* --translation FILE, or NULL */
  char **glossaries;
  size_t nglossaries;
  degloss_setting *mt;     /* strings owned (allocated here) */
  size_t nmt;
  unsigned long warnings;  /* warnings given while reading the config file (exit 1) */
} cli_settings;

void cli_settings_init(cli_settings *s);
void cli_settings_free(cli_settings *s);

/* Set one option by its long name ("format", "width", "glossary", "mt-url" ...).
 * origin names the place for messages ("command line", "FILE:LINE",
 * "DEGLOSS_FORMAT"); file_mode is the config file's st_mode, else 0.
 * false with err (DEGLOSS_ERR_CONFIG) for a bad key or value. */
bool cli_settings_set(cli_settings *s, const char *key, const char *value, const char *origin,
                      unsigned file_mode, degloss_error *err);

/* The session options these settings give (pointing into s). */
void cli_settings_options(const cli_settings *s, degloss_session_options *o);

/* Read a config file.  A missing file is fine unless must_exist.  A broken
 * line is an error naming file and line. */
bool cli_config_load(cli_settings *s, const char *path, bool must_exist, degloss_error *err);

/* The default config path ($XDG_CONFIG_HOME/degloss/config or
 * ~/.config/degloss/config) in a new string, or NULL when neither is known. */
char *cli_config_default_path(void);

/* Apply DEGLOSS_FORMAT, DEGLOSS_STYLE, DEGLOSS_WIDTH, DEGLOSS_INPUT,
 * DEGLOSS_ALTERNATIVES, DEGLOSS_GLOSSARY (colon-separated), DEGLOSS_DATA_DIR,
 * DEGLOSS_DICT, DEGLOSS_HUNSPELL, DEGLOSS_COLOR, DEGLOSS_JOBS, DEGLOSS_TRANSLATE,
 * DEGLOSS_MT_URL, DEGLOSS_MT_MODEL, DEGLOSS_MT_TARGET, DEGLOSS_CACHE_DIR. */
bool cli_config_env(cli_settings *s, degloss_error *err);

/* Allocation for the program: abort with a message on exhaustion. */
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);

#endif
