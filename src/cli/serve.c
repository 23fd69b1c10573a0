/* `degloss serve [--listen ADDR:PORT] [--max-body N]`: the web app.  This
 * file only reads the subcommand's two options, starts the library's server
 * (degloss_serve_start) with the glossing options of the config file, the
 * environment and the command line, prints its URL, and waits for SIGINT or
 * SIGTERM.  The options are not in the option table (they mean nothing for
 * glossing files), so --help stays the glossing help; degloss(1) has them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "serve.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

/* "10M", "512K", "1000": bytes; 0 or junk: false. */
static bool S_size(const char *v, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long n = strtoull(v, &end, 10);
  if (errno || end == v || *v == '-') return false;
  if (*end == 'K' || *end == 'k') n *= 1000ULL, end++;
  else if (*end == 'M' || *end == 'm') n *= 1000ULL * 1000, end++;
  if (*end || n == 0) return false;
  *out = n;
  return true;
}

bool cli_serve_take_args(int *argc, char **argv, cli_serve_args *a, degloss_error *err) {
  int k = 1;
  for (int i = 1; i < *argc; i++) {
    const char *name = NULL;
    if (strncmp(argv[i], "--listen", 8) == 0 && (argv[i][8] == '\0' || argv[i][8] == '=')) name = "listen";
    else if (strncmp(argv[i], "--max-body", 10) == 0 && (argv[i][10] == '\0' || argv[i][10] == '='))
      name = "max-body";
    if (strcmp(argv[i], "--") == 0) { /* the rest is not options */
      while (i < *argc) argv[k++] = argv[i++];
      break;
    }
    if (!name) {
      argv[k++] = argv[i];
      continue;
    }
    const char *eq = strchr(argv[i], '=');
    const char *v = eq ? eq + 1 : (i + 1 < *argc ? argv[++i] : NULL);
    if (!v) {
      snprintf(err->text, sizeof err->text, "serve: option '--%s' requires an argument", name);
      return false;
    }
    if (name[0] == 'l') {
      a->listen = v;
    } else if (!S_size(v, &a->max_body)) {
      snprintf(err->text, sizeof err->text, "serve: --max-body: %s: expected a size in bytes (10M, 512K)", v);
      return false;
    }
  }
  argv[k] = NULL;
  *argc = k;
  return true;
}

int cli_serve_run(const degloss_session_options *so, const char *style, const cli_serve_args *a) {
  /* The signals are waited for here; the server's threads (started after
   * this) inherit the mask and never see them. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);

  degloss_serve_options o = {0};
  o.listen = a->listen;
  o.max_body = a->max_body;
  o.style = style;
  degloss_error err = {0};
  degloss_server *srv = degloss_serve_start(so, &o, &err);
  if (!srv) {
    fprintf(stderr, "degloss: %s\n", err.text);
    if (err.code == DEGLOSS_ERR_FORMAT) return 3;
    if (err.code == DEGLOSS_ERR_IO) return strstr(err.text, "cannot listen") ? 4 : 3;
    return 2;
  }
  if (!degloss_serve_is_loopback(srv))
    fprintf(stderr,
            "degloss: warning: serving on %s, which is not a loopback address: anyone who can "
            "reach it can use this server (and its translation provider)\n",
            degloss_serve_url(srv));
  printf("%s\n", degloss_serve_url(srv));
  fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  degloss_serve_stop(srv);
  return 0;
}
