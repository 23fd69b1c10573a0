/* `degloss serve`: the web app's subcommand (serve.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CLI_SERVE_H
#define CLI_SERVE_H
#include <stdbool.h>

#include "degloss.h"

typedef struct cli_serve_args {
  const char *listen;          /* NULL: the library's default, 127.0.0.1:8080 */
  unsigned long long max_body; /* 0: the default, 10 MB */
} cli_serve_args;

/* Take the subcommand's own options (--listen ADDR:PORT, --max-body N[K|M])
 * out of argv[1..], compacting it (argc updated).  false with a message in
 * err->text for a missing or bad value. */
bool cli_serve_take_args(int *argc, char **argv, cli_serve_args *a, degloss_error *err);

/* Serve until SIGINT or SIGTERM: the URL on standard output, a warning on
 * standard error when the address is not a loopback one.  The exit code:
 * 0 when stopped by a signal, 2 for a bad address or setting, 3 for bad data,
 * 4 when it cannot listen. */
int cli_serve_run(const degloss_session_options *so, const char *style, const cli_serve_args *a);

#endif
