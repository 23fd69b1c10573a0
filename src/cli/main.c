/* degloss command-line program: option parsing, the config file and the
 * environment (config.c), --check-data and --mt-cache-compact, the output
 * file, the progress line on standard error, and the exit status.  Everything else is the library's streaming
 * session (degloss.h): this file uses only degloss_* functions.
 *
 * Exit codes: 0 ok; 1 partial (input warnings such as bad bytes, or failed
 * translations); 2 usage or configuration error; 3 data files missing or
 * corrupt; 4 input/output error.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "degloss.h"
#include "options.h"
#include "serve.h"

/* ---- the progress line ---------------------------------------------- */

/* One line on stderr, redrawn over itself with \r at most every
 * S_PROGRESS_NS, and blanked before any message and at the end. */
#define S_PROGRESS_NS 250000000LL
#define S_PROGRESS_LARGE (1000LL * 1000) /* input over 1 MB */

static struct {
  bool on;
  bool out_tty;          /* the output is a terminal too: blank the line before writing */
  size_t drawn;          /* width of the line on the screen, 0: none */
  long long start, last; /* monotonic ns; last 0: never drawn */
} S_prog;

static long long S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void S_progress_clear(void) {
  if (!S_prog.drawn) return;
  fprintf(stderr, "\r%*s\r", (int)S_prog.drawn, "");
  fflush(stderr);
  S_prog.drawn = 0;
}

static void S_progress(void *ctx, const degloss_progress *p) {
  (void)ctx;
  long long now = S_now();
  if (S_prog.last && now - S_prog.last < S_PROGRESS_NS) return;
  S_prog.last = now;
  double secs = (double)(now - S_prog.start) / 1e9;
  bool mb = p->bytes >= 1000000;
  char line[160];
  int n = snprintf(line, sizeof line, "degloss: %.1f %s read, %lu sentences, %.0f tokens/s",
                   (double)p->bytes / (mb ? 1e6 : 1e3), mb ? "MB" : "kB", p->sentences,
                   secs > 0.001 ? (double)p->tokens / secs : 0.0);
  if (n > 0 && (size_t)n < sizeof line && p->translation_requests)
    n += snprintf(line + n, sizeof line - (size_t)n, ", %lu translation requests", p->translation_requests);
  if (n < 0) return;
  size_t len = strlen(line);
  /* spaces over the rest of a longer line drawn before */
  fprintf(stderr, "\r%s%*s", line, S_prog.drawn > len ? (int)(S_prog.drawn - len) : 0, "");
  fflush(stderr);
  if (len > S_prog.drawn) S_prog.drawn = len;
}

/* Is the input large: the named files (or standard input when it is a
 * file) over S_PROGRESS_LARGE bytes together? */
static bool S_input_large(int nfiles, char **files) {
  long long total = 0;
  struct stat st;
  for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
    const char *f = nfiles ? files[i] : "-";
    int ok = strcmp(f, "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(f, &st);
    if (ok == 0 && S_ISREG(st.st_mode)) total += (long long)st.st_size;
  }
  return total > S_PROGRESS_LARGE;
}

/* Is translation on: the last "translate" setting names a provider. */
static bool S_translating(const cli_settings *st) {
  const char *prov = NULL;
  for (size_t i = 0; i < st->nmt; i++)
    if (strcmp(st->mt[i].key, "translate") == 0) prov = st->mt[i].value;
  return prov && *prov && strcmp(prov, "none") != 0;
}

/* One message line on stderr, "degloss: " and the text with every control
 * or bidi character shown as a visible escape: file names and values come
 * from outside, and a terminal must not act on them. */
__attribute__((format(printf, 1, 2))) static void S_say(const char *fmt, ...) {
  char raw[2048], vis[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(raw, sizeof raw, fmt, ap);
  va_end(ap);
  S_progress_clear();
  fprintf(stderr, "degloss: %s\n", degloss_visible(vis, sizeof vis, raw));
}

enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_DATA = 3, EXIT_IO = 4 };

static int S_code_exit(degloss_code c) {
  switch (c) {
  case DEGLOSS_ERR_FORMAT: return EXIT_DATA;
  case DEGLOSS_ERR_IO: return EXIT_DATA; /* opening data files */
  case DEGLOSS_ERR_NOMEM: return EXIT_IO;
  default: return EXIT_USAGE;
  }
}

static unsigned S_term_width(int fd) {
  struct winsize ws;
  if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  const char *cols = getenv("COLUMNS");
  if (isatty(fd) && cols && atoi(cols) >= 20) return (unsigned)atoi(cols);
  return 80;
}

/* The output file: the session's write callback. */
typedef struct S_out {
  FILE *f;
  const char *name;
  bool io_error;
} S_out;

/* The session hands over its output in pieces of at most 64 KiB (the size
 * the kernel copies into its page cache cheapest, doc/perf.md): each goes
 * to the file in one write(2), not through stdio, which would split it
 * into a first 4 KB and the rest. */
static bool S_write_all(FILE *f, const char *data, size_t len) {
  if (fflush(f) != 0) return false; /* (anything printed there before) */
  int fd = fileno(f);
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    data += n;
    len -= (size_t)n;
  }
  return true;
}

static int S_write(void *ctx, const char *data, size_t len) {
  S_out *o = ctx;
  if (S_prog.out_tty) S_progress_clear();
  if (!S_write_all(o->f, data, len)) {
    if (!o->io_error) S_say("%s: write error: %s", o->name, strerror(errno));
    o->io_error = true;
    return -1;
  }
  return 0;
}

/* Warnings and notes: "degloss: FILE:LINE: byte N: message" on stderr. */
static void S_warning(void *ctx, const degloss_warning *w) {
  (void)ctx;
  char place[64] = "";
  if (w->severity == DEGLOSS_WARNING) {
    int k = w->line > 0 ? snprintf(place, sizeof place, ":%ld", w->line) : 0;
    if (w->byte >= 0) snprintf(place + k, sizeof place - (size_t)k, ": byte %lld", w->byte);
  }
  S_say("%s%s: %s", w->file[0] ? w->file : "<input>", place, w->message);
}

/* A process about to exit need not free its session: the system takes back
 * its memory and mappings at once, while freeing them (the type memo, the
 * morphology's caches, hunspell's dictionary, the mapped data) is a good
 * part of a run's last milliseconds.  Only a session without machine
 * translation is left so (freeing that one closes and may compact its
 * cache file), and kept reachable here.  A sanitizer build frees it, so
 * that the leak checks see degloss_session_free free everything. */
#if defined(__SANITIZE_ADDRESS__)
#define S_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define S_FREE_AT_EXIT 1
#endif
#endif
#ifndef S_FREE_AT_EXIT
static degloss_session *S_left;
#endif

static void S_session_done(degloss_session *s, bool translating) {
#ifndef S_FREE_AT_EXIT
  if (!translating) {
    S_left = s;
    return;
  }
#endif
  degloss_session_free(s);
}

/* Glossing with the settings: the session, the output file, every input. */
static int S_run(const cli_settings *st, int nfiles, char **files) {
  degloss_session_options so;
  cli_settings_options(st, &so);
  so.warning = S_warning;
  /* progress: asked for, or on a terminal for a large input or translation */
  S_prog.on = st->progress == 1 || (st->progress == -1 && isatty(STDERR_FILENO) &&
                                    (S_input_large(nfiles, files) || S_translating(st)));
  if (S_prog.on) so.progress = S_progress;
  degloss_error err = {0};
  degloss_session *s = degloss_session_new(&so, &err);
  if (!s) {
    S_say("%s", err.text);
    if (st->translation && strcmp(err.source, st->translation) == 0) /* the translation file */
      return err.code == DEGLOSS_ERR_IO ? EXIT_IO : EXIT_USAGE;
    if (err.code == DEGLOSS_ERR_IO || err.code == DEGLOSS_ERR_FORMAT) /* data files */
      S_say("data directory: %s (set DEGLOSS_DATA_DIR or --data-dir)",
            st->data_dir ? st->data_dir : degloss_data_dir());
    return S_code_exit(err.code); /* a glossary the user named: DEGLOSS_ERR_CONFIG, exit 2 */
  }

  /* a translation file whose line count is not the input's: exit 2, before any output */
  if (degloss_session_check_inputs(s, (const char *const *)files, (size_t)nfiles, &err) != DEGLOSS_OK) {
    S_say("%s", err.text);
    degloss_session_free(s);
    return EXIT_USAGE;
  }
  S_out out = {stdout, "standard output", false};
  if (st->output && strcmp(st->output, "-") != 0) {
    out.f = fopen(st->output, "w");
    out.name = st->output;
    if (!out.f) {
      S_say("%s: cannot open for writing: %s", st->output, strerror(errno));
      degloss_session_free(s);
      return EXIT_IO;
    }
  }
  degloss_output o = {0};
  o.write = S_write;
  o.ctx = &out;
  o.format = st->format;
  o.style = st->style;
  o.alternatives = st->alternatives;
  o.latex = st->latex;
  o.latex_standalone = st->latex_standalone;
  o.senses = st->senses;
  o.layout = st->layout;
  o.vocab_skip = st->vocab_skip;
  o.width = st->width ? st->width : S_term_width(fileno(out.f));
  const char *nc = getenv("NO_COLOR");
  const char *term = getenv("TERM");
  o.color = !(nc && *nc) && (st->color == CLI_COLOR_ALWAYS ||
                             (st->color == CLI_COLOR_AUTO && isatty(fileno(out.f)) &&
                              !(term && strcmp(term, "dumb") == 0)));
  degloss_session_set_output(s, &o, NULL); /* a write error is reported by S_write */

  bool input_error = false;
  S_prog.start = S_now();
  S_prog.out_tty = S_prog.on && isatty(fileno(out.f));
  for (int i = 0; i < (nfiles ? nfiles : 1) && !out.io_error; i++) {
    memset(&err, 0, sizeof err);
    if (degloss_session_feed_path(s, nfiles ? files[i] : "-", &err) != DEGLOSS_OK) {
      if (!out.io_error) S_say("%s", err.text);
      input_error = true;
    }
  }
  memset(&err, 0, sizeof err);
  /* (a translation file whose line count is not the input's: exit 2) */
  bool mismatch = degloss_session_finish(s, &err) == DEGLOSS_ERR_INPUT;
  S_progress_clear();
  if (mismatch) S_say("%s", err.text);
  if (out.f != stdout) {
    if (fclose(out.f) != 0 && !out.io_error) {
      S_say("%s: write error: %s", out.name, strerror(errno));
      out.io_error = true;
    }
  } else if (fflush(stdout) != 0) {
    out.io_error = true;
  }
  const char *sum = degloss_session_translation_summary(s);
  if (sum) fprintf(stderr, "%s\n", sum);
  int rc = EXIT_OK;
  if (out.io_error || input_error) rc = EXIT_IO;
  else if (mismatch) rc = EXIT_USAGE;
  else if (st->warnings > 0 || degloss_session_warnings(s) > 0 || degloss_session_failed_translations(s) > 0)
    rc = EXIT_PARTIAL;
  S_session_done(s, S_translating(st) || sum);
  return rc;
}

int main(int argc, char **argv) {
  const struct option *longopts = cli_long_options();
  const char *shortopts = cli_short_options();
  cli_settings st;
  cli_settings_init(&st);
  degloss_error err = {0};
  /* `degloss serve [--listen ADDR:PORT] [--max-body N] [OPTION]...` */
  bool serve = argc > 1 && strcmp(argv[1], "serve") == 0;
  cli_serve_args serve_args = {0};
  if (serve) {
    argv[1] = argv[0];
    argv++, argc--;
    if (!cli_serve_take_args(&argc, argv, &serve_args, &err)) {
      S_say("%s", err.text);
      cli_settings_free(&st);
      return EXIT_USAGE;
    }
  }
  /* Pass 1: help, version and the config file's name. */
  const char *config = NULL;
  bool no_config = false, check_data = false, cache_compact = false;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    if (c == 'h') {
      cli_usage(stdout);
      cli_settings_free(&st);
      return EXIT_OK;
    }
    if (c == 'V') {
      printf("degloss %s\n", degloss_version());
      cli_settings_free(&st);
      return EXIT_OK;
    }
    if (c == OPT_LABELS) {
      size_t n;
      const degloss_label *l = degloss_labels(&n);
      for (size_t i = 0; i < n; i++) printf("%-7s %s\n", l[i].label, l[i].meaning);
      cli_settings_free(&st);
      return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
    }
    if (c == 'c') config = optarg;
    if (c == OPT_NO_CONFIG) no_config = true;
    if (c == OPT_CHECK_DATA) check_data = true;
    if (c == OPT_MT_CACHE_COMPACT) cache_compact = true;
  }
  if (!no_config) {
    char *def = config ? NULL : cli_config_default_path();
    const char *path = config ? config : def;
    bool ok = !path || cli_config_load(&st, path, config != NULL, &err);
    free(def);
    if (!ok) {
      S_say("%s", err.text);
      cli_settings_free(&st);
      return EXIT_USAGE;
    }
  }
  if (!cli_config_env(&st, &err)) {
    S_say("%s", err.text);
    cli_settings_free(&st);
    return EXIT_USAGE;
  }
  /* Pass 2: the flags. */
  optind = 0;
  opterr = 1;
  while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    if (c == '?' || c == ':') {
      fprintf(stderr, "Try 'degloss --help' for more information.\n");
      cli_settings_free(&st);
      return EXIT_USAGE;
    }
    if (c == 'c' || c == OPT_NO_CONFIG || c == OPT_CHECK_DATA || c == 'h' || c == 'V' ||
        c == OPT_MT_CACHE_COMPACT)
      continue;
    const char *key = cli_option_key(c);
    const char *val = optarg;
    if (c == OPT_NO_CACHE || c == 'v' || c == OPT_MT_INSECURE || c == OPT_LATEX_STANDALONE || c == OPT_SENSES ||
        c == OPT_PROGRESS || c == OPT_NO_PROGRESS)
      val = "1";
    if (!key || !cli_settings_set(&st, key, val ? val : "", "command line", 0, &err)) {
      S_say("%s", err.text);
      cli_settings_free(&st);
      return EXIT_USAGE;
    }
  }

  degloss_session_options so;
  cli_settings_options(&st, &so);
  int rc;
  if (serve && optind < argc) {
    S_say("serve: takes no files (%s)", argv[optind]);
    rc = EXIT_USAGE;
  } else if (serve && !check_data && !cache_compact) {
    rc = cli_serve_run(&so, st.style, &serve_args); /* --jobs means nothing here */
  } else if (check_data) {
    /* The data files only (no MT settings, so no keys, printed). */
    int bad = degloss_check_data(&so, stdout, stderr);
    rc = fflush(stdout) != 0 ? EXIT_IO : bad ? EXIT_DATA : EXIT_OK;
  } else if (cache_compact) {
    degloss_code cc = degloss_mt_cache_compact(&so, stdout, &err);
    if (cc == DEGLOSS_ERR_CONFIG) S_say("%s", err.text);
    else if (cc != DEGLOSS_OK) S_say("%s: %s", err.source, err.text);
    rc = cc == DEGLOSS_OK ? EXIT_OK : cc == DEGLOSS_ERR_CONFIG ? EXIT_USAGE : EXIT_IO;
  } else {
    rc = S_run(&st, argc - optind, argv + optind);
  }
  cli_settings_free(&st);
  return rc;
}
