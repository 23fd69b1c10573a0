/* The degloss program's options: one table from which the getopt arrays and
 * the --help text are made; tests/cli/manpage_test.py checks doc/degloss.1
 * against it (the --help output), option by option, both ways.  Part of the
 * program, not of the library.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DEGLOSS_CLI_OPTIONS_H
#define DEGLOSS_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

/* getopt values of the options without a short name. */
enum {
  OPT_COLOR = 256,
  OPT_DICT,
  OPT_HUNSPELL,
  OPT_DATA_DIR,
  OPT_NO_CONFIG,
  OPT_MT_URL,
  OPT_MT_MODEL,
  OPT_MT_TARGET,
  OPT_MT_JOBS,
  OPT_MT_TIMEOUT,
  OPT_MT_CACERT,
  OPT_MT_INSECURE,
  OPT_CACHE_DIR,
  OPT_NO_CACHE,
  OPT_CHECK_DATA,
  OPT_MT_CACHE_MAX,
  OPT_MT_CACHE_COMPACT,
  OPT_LATEX,
  OPT_LATEX_STANDALONE,
  OPT_SENSES,
  OPT_LAYOUT,
  OPT_LABELS,
  OPT_TRANSLATION,
  OPT_VOCAB_SKIP,
  OPT_PROGRESS,
  OPT_NO_PROGRESS,
  OPT_DOMAIN
};

/* getopt_long's arrays, made from the table on the first call. */
const struct option *cli_long_options(void);
const char *cli_short_options(void);
/* The option's long name (its config key) for a getopt value, or NULL. */
const char *cli_option_key(int val);
/* The --help text. */
void cli_usage(FILE *f);

#endif
