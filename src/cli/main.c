/* degloss command-line program: parses options and the config, calls the
 * library, writes the rendered output.
 *
 * Exit codes: 0 ok; 1 partial (input warnings such as bad bytes, or failed
 * translations); 2 usage or configuration error; 3 data files missing or
 * corrupt; 4 input/output error.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "checkdata.h"
#include "config.h"
#include "degloss.h"
#include "document.h"
#include "gloss.h"
#include "gloss_input.h"
#include "gloss_translate.h"
#include "jobs.h"
#include "mt.h"
#include "render.h"
#include "util.h"

enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_DATA = 3, EXIT_IO = 4 };

static void S_usage(FILE *f) {
  fputs("Usage: degloss [OPTION]... [FILE]...\n"
        "Gloss German text word by word in English (interlinear, Leipzig style).\n"
        "With no FILE, or when FILE is -, read standard input.\n"
        "\n"
        "Output:\n"
        "  -f, --format FMT        interlinear (default), jsonl, json, conllu, html, tsv\n"
        "  -s, --style STYLE       leipzig (default: \"Russia-GEN\", \"the.M.NOM\") or plain\n"
        "  -w, --width N           line width for interlinear text (default: terminal, else 80)\n"
        "  -a, --alternatives N    at most N ranked glosses per word in JSON/TSV/HTML (0: all)\n"
        "      --color WHEN        auto (default), always, never; NO_COLOR turns colour off\n"
        "  -o, --output FILE       write to FILE instead of standard output\n"
        "  -j, --jobs N            gloss with N worker threads (0 or auto: one per CPU;\n"
        "                          default 1); the output is the same for every N\n"
        "Input:\n"
        "  -i, --input MODE        auto (default: a document by its content, else text),\n"
        "                          text, horizontal (one sentence a line, tokens split by\n"
        "                          single spaces, kept as given), jsonl, or a document:\n"
        "                          html, markdown, pdf, docx\n"
        "  -e, --encoding ENC      auto (default), utf-8, windows-1252, latin1, utf-16\n"
        "Data:\n"
        "  -g, --glossary FILE     user glossary (TSV: lemma, pos, gloss); may be repeated\n"
        "      --dict NAME         hunspell dictionary: de_DE (default), de_AT, de_CH\n"
        "      --hunspell BASE     hunspell files BASE.aff/BASE.dic (overrides --dict)\n"
        "      --data-dir DIR      run-time data directory\n"
        "      --check-data        verify the data files (checksums, the hunspell\n"
        "                          dictionary, mwe.tsv), one line each, and exit\n"
        "  -c, --config FILE       read FILE instead of ~/.config/degloss/config\n"
        "      --no-config         read no config file\n"
        "Translation (optional; API keys come from the environment or the config file):\n"
        "  -t, --translate PROV    deepl, libretranslate, google, openai or none\n"
        "      --mt-url URL        provider base URL\n"
        "      --mt-model NAME     model (openai)\n"
        "      --mt-target LANG    target language (default en)\n"
        "      --mt-jobs N         concurrent requests\n"
        "      --mt-timeout SEC    request timeout\n"
        "      --mt-cacert FILE    CA certificate for a private CA\n"
        "      --mt-insecure       allow a plain http:// --mt-url to a host other than\n"
        "                          this machine (the API key travels unencrypted)\n"
        "      --cache-dir DIR     translation cache directory\n"
        "      --no-cache          do not read or write the translation cache\n"
        "      --mt-cache-max N    keep at most N cache entries (or bytes: 64M)\n"
        "      --mt-cache-compact  compact the translation cache, print its sizes, exit\n"
        "  -v, --verbose           report translation requests on standard error\n"
        "\n"
        "  -h, --help              show this help and exit\n"
        "  -V, --version           show the version and exit\n"
        "\n"
        "Settings: flags win over DEGLOSS_* environment variables (DEGLOSS_FORMAT,\n"
        "DEGLOSS_STYLE, DEGLOSS_WIDTH, DEGLOSS_GLOSSARY, DEGLOSS_DATA_DIR, DEGLOSS_DICT,\n"
        "DEGLOSS_HUNSPELL, DEGLOSS_JOBS ...), which win over the config file (key = value\n"
        "lines).\n"
        "\n"
        "Exit status: 0 ok, 1 partial (input warnings or failed translations),\n"
        "2 usage or configuration error, 3 data files missing or corrupt, 4 I/O error.\n"
        "See degloss(1).\n",
        f);
}

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
  OPT_MT_CACHE_COMPACT
};

static const struct option S_long[] = {
    {"format", required_argument, NULL, 'f'},
    {"style", required_argument, NULL, 's'},
    {"width", required_argument, NULL, 'w'},
    {"alternatives", required_argument, NULL, 'a'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"output", required_argument, NULL, 'o'},
    {"jobs", required_argument, NULL, 'j'},
    {"input", required_argument, NULL, 'i'},
    {"encoding", required_argument, NULL, 'e'},
    {"glossary", required_argument, NULL, 'g'},
    {"dict", required_argument, NULL, OPT_DICT},
    {"hunspell", required_argument, NULL, OPT_HUNSPELL},
    {"data-dir", required_argument, NULL, OPT_DATA_DIR},
    {"check-data", no_argument, NULL, OPT_CHECK_DATA},
    {"config", required_argument, NULL, 'c'},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"translate", required_argument, NULL, 't'},
    {"mt-url", required_argument, NULL, OPT_MT_URL},
    {"mt-model", required_argument, NULL, OPT_MT_MODEL},
    {"mt-target", required_argument, NULL, OPT_MT_TARGET},
    {"mt-jobs", required_argument, NULL, OPT_MT_JOBS},
    {"mt-timeout", required_argument, NULL, OPT_MT_TIMEOUT},
    {"mt-cacert", required_argument, NULL, OPT_MT_CACERT},
    {"mt-insecure", no_argument, NULL, OPT_MT_INSECURE},
    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
    {"no-cache", no_argument, NULL, OPT_NO_CACHE},
    {"mt-cache-max", required_argument, NULL, OPT_MT_CACHE_MAX},
    {"mt-cache-compact", no_argument, NULL, OPT_MT_CACHE_COMPACT},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};
static const char S_short[] = "f:s:w:a:o:j:i:e:g:c:t:vhV";

/* The option's long name (config key) for a getopt result. */
static const char *S_key(int c) {
  for (const struct option *o = S_long; o->name; o++)
    if (o->val == c) return o->name;
  return NULL;
}

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

typedef struct S_run {
  dg_engine *engine;
  dg_jobs *jobs; /* worker threads, NULL for --jobs 1 */
  dg_mt *mt;
  dg_render render;
  FILE *out;
  const char *out_name;
  dg_in_kind input;
  dg_dockind doc_kind; /* text and documents: AUTO, or the reader forced by --input */
  int encoding;
  unsigned long render_base; /* sentences rendered before the current dg_jobs_run */
  size_t mt_failed;
  bool io_error;
} S_run;

static bool S_write(S_run *r, dg_buf *b) {
  if (b->len && fwrite(b->data, 1, b->len, r->out) != b->len) {
    if (!r->io_error) fprintf(stderr, "degloss: %s: write error: %s\n", r->out_name, strerror(errno));
    r->io_error = true;
    dg_buf_clear(b);
    return false;
  }
  dg_buf_clear(b);
  if (fflush(r->out) != 0) {
    if (!r->io_error) fprintf(stderr, "degloss: %s: write error: %s\n", r->out_name, strerror(errno));
    r->io_error = true;
    return false;
  }
  return true;
}

/* Rendering on a worker thread (dg_jobs_post, without translation): the
 * renderers' only state is the count of sentences written before. */
static void S_post(void *ctx, const dg_doc *d, unsigned long before, dg_buf *out) {
  const S_run *r = ctx;
  dg_render loc;
  loc.o = r->render.o;
  loc.sentences = r->render_base + before;
  dg_render_doc(&loc, d, out);
}

/* One glossed chunk out, in input order (dg_jobs_emit): translated and
 * rendered unless S_post rendered it, written. */
static bool S_emit(void *ctx, dg_doc *d, dg_buf *out) {
  S_run *r = ctx;
  if (r->mt) {
    r->mt_failed += dg_doc_translate(d, r->mt);
    dg_render_doc(&r->render, d, out);
  } else {
    r->render.sentences += d->nsentences;
  }
  dg_doc_free(d);
  bool ok = S_write(r, out);
  dg_buf_free(out);
  return ok;
}

/* The input's source: a document (HTML, Markdown, PDF, DOCX; forced by
 * --input or found by its content) is read whole and its extracted text
 * glossed; anything else is streamed as before.  NULL (message written)
 * when a document cannot be read. */
static dg_source *S_source(S_run *r, FILE *in, const char *name) {
  dg_dockind k = DG_DOCK_TEXT;
  if (r->input == DG_SRC_TEXT)
    k = r->doc_kind == DG_DOCK_AUTO ? dg_document_sniff_fd(fileno(in), name) : r->doc_kind;
  if (k == DG_DOCK_TEXT || k == DG_DOCK_AUTO) {
    dg_source *src = dg_source_new(in, name, r->input);
    dg_source_set_encoding(src, r->encoding);
    return src;
  }
  dg_document doc;
  dg_document_init(&doc);
  degloss_error err = {0};
  if (!dg_document_read_file(name, in, k, &doc, &err)) {
    fprintf(stderr, "degloss: %s\n", err.text);
    return NULL;
  }
  return dg_source_new_document(&doc, name);
}

static bool S_process(S_run *r, FILE *in, const char *name) {
  dg_source *src = S_source(r, in, name);
  if (!src) return false;
  if (r->jobs) {
    degloss_error err = {0};
    r->render_base = r->render.sentences;
    bool ok = dg_jobs_run(r->jobs, src, r->mt ? NULL : S_post, S_emit, r, &err);
    if (err.code != DEGLOSS_OK) fprintf(stderr, "degloss: %s\n", err.text);
    dg_source_free(src);
    return ok;
  }
  dg_buf b;
  dg_buf_init(&b);
  degloss_error err = {0};
  dg_doc *d;
  bool ok = true;
  while ((d = dg_source_next(src, r->engine, &err)) != NULL) {
    if (r->mt) r->mt_failed += dg_doc_translate(d, r->mt);
    dg_render_doc(&r->render, d, &b);
    dg_doc_free(d);
    if (!S_write(r, &b)) {
      ok = false;
      break;
    }
  }
  if (err.code != DEGLOSS_OK) {
    fprintf(stderr, "degloss: %s\n", err.text);
    ok = false;
  }
  dg_buf_free(&b);
  dg_source_free(src);
  return ok;
}

int main(int argc, char **argv) {
  dg_settings st;
  dg_settings_init(&st);
  degloss_error err = {0};
  int rc = EXIT_OK;
  /* Pass 1: help, version and the config file's name. */
  const char *config = NULL;
  bool no_config = false, check_data = false, cache_compact = false;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, S_short, S_long, NULL)) != -1) {
    if (c == 'h') {
      S_usage(stdout);
      dg_settings_free(&st);
      return EXIT_OK;
    }
    if (c == 'V') {
      printf("degloss %s\n", degloss_version());
      dg_settings_free(&st);
      return EXIT_OK;
    }
    if (c == 'c') config = optarg;
    if (c == OPT_NO_CONFIG) no_config = true;
    if (c == OPT_CHECK_DATA) check_data = true;
    if (c == OPT_MT_CACHE_COMPACT) cache_compact = true;
  }
  if (!no_config) {
    char *def = config ? NULL : dg_config_default_path();
    const char *path = config ? config : def;
    bool ok = !path || dg_config_load(&st, path, config != NULL, &err);
    free(def);
    if (!ok) {
      fprintf(stderr, "degloss: %s\n", err.text);
      dg_settings_free(&st);
      return EXIT_USAGE;
    }
  }
  if (!dg_config_env(&st, &err)) {
    fprintf(stderr, "degloss: %s\n", err.text);
    dg_settings_free(&st);
    return EXIT_USAGE;
  }
  /* Pass 2: the flags. */
  optind = 0;
  opterr = 1;
  while ((c = getopt_long(argc, argv, S_short, S_long, NULL)) != -1) {
    if (c == '?' || c == ':') {
      fprintf(stderr, "Try 'degloss --help' for more information.\n");
      dg_settings_free(&st);
      return EXIT_USAGE;
    }
    if (c == 'c' || c == OPT_NO_CONFIG || c == OPT_CHECK_DATA || c == 'h' || c == 'V' ||
        c == OPT_MT_CACHE_COMPACT)
      continue;
    const char *key = S_key(c);
    const char *val = optarg;
    if (c == OPT_NO_CACHE || c == 'v' || c == OPT_MT_INSECURE) val = "1";
    if (c == OPT_COLOR) key = "color";
    if (!key || !dg_settings_set(&st, key, val ? val : "", "command line", 0, &err)) {
      fprintf(stderr, "degloss: %s\n", err.text);
      dg_settings_free(&st);
      return EXIT_USAGE;
    }
  }

  /* --check-data: the data files only (no MT settings, so no keys, printed). */
  if (check_data) {
    int bad = dg_check_data(st.data_dir, st.dict, st.hunspell, stdout, stderr);
    dg_settings_free(&st);
    if (fflush(stdout) != 0) return EXIT_IO;
    return bad ? EXIT_DATA : EXIT_OK;
  }

  /* Machine translation. */
  S_run run;
  memset(&run, 0, sizeof run);
  dg_mt_config *mtc = dg_mt_config_new();
  for (size_t i = 0; i < st.nmt; i++) {
    if (!dg_mt_config_set(mtc, st.mt[i].key, st.mt[i].value, st.mt[i].origin, st.mt[i].file_mode, &err)) {
      fprintf(stderr, "degloss: %s\n", err.text);
      dg_mt_config_free(mtc);
      dg_settings_free(&st);
      return EXIT_USAGE;
    }
  }
  if (cache_compact) {
    int crc = dg_mt_cache_compact_command(mtc, stdout, &err) == 0 ? EXIT_OK : EXIT_IO;
    if (crc != EXIT_OK) fprintf(stderr, "degloss: %s: %s\n", err.source, err.text);
    dg_mt_config_free(mtc);
    dg_settings_free(&st);
    return crc;
  }
  if (dg_mt_config_enabled(mtc)) {
    run.mt = dg_mt_new(mtc, &err);
    if (!run.mt) {
      fprintf(stderr, "degloss: %s\n", err.text);
      dg_mt_config_free(mtc);
      dg_settings_free(&st);
      return EXIT_USAGE;
    }
  }
  dg_mt_config_free(mtc);

  /* The engine. */
  dg_engine_opts eo = {0};
  eo.data_dir = st.data_dir;
  eo.dict = st.dict;
  eo.hunspell_base = st.hunspell;
  eo.glossaries = (const char *const *)st.glossaries;
  eo.nglossaries = st.nglossaries;
  run.engine = dg_engine_new(&eo, &err);
  if (!run.engine) {
    fprintf(stderr, "degloss: %s\n", err.text);
    if (err.code == DEGLOSS_ERR_IO || err.code == DEGLOSS_ERR_FORMAT) /* data files */
      fprintf(stderr, "degloss: data directory: %s (set DEGLOSS_DATA_DIR or --data-dir)\n",
              st.data_dir ? st.data_dir : degloss_data_dir());
    int code = S_code_exit(err.code); /* a glossary the user named: DEGLOSS_ERR_CONFIG, exit 2 */
    if (run.mt) dg_mt_free(run.mt);
    dg_settings_free(&st);
    return code;
  }

  /* Worker threads. */
  unsigned njobs = st.jobs ? st.jobs : dg_jobs_online_cpus();
  if (njobs > 1) {
    run.jobs = dg_jobs_new(run.engine, njobs, &err);
    if (!run.jobs) {
      fprintf(stderr, "degloss: %s\n", err.text);
      dg_engine_free(run.engine);
      if (run.mt) dg_mt_free(run.mt);
      dg_settings_free(&st);
      return S_code_exit(err.code);
    }
  }

  /* Output. */
  run.out = stdout;
  run.out_name = "standard output";
  if (st.output && strcmp(st.output, "-") != 0) {
    run.out = fopen(st.output, "w");
    run.out_name = st.output;
    if (!run.out) {
      fprintf(stderr, "degloss: %s: cannot open for writing: %s\n", st.output, strerror(errno));
      dg_jobs_free(run.jobs);
      dg_engine_free(run.engine);
      if (run.mt) dg_mt_free(run.mt);
      dg_settings_free(&st);
      return EXIT_IO;
    }
  }
  dg_render_opts ro = {0};
  ro.format = st.format;
  ro.style = st.style;
  ro.alternatives = st.alternatives;
  ro.width = st.width ? st.width : S_term_width(fileno(run.out));
  const char *nc = getenv("NO_COLOR");
  bool tty = isatty(fileno(run.out));
  const char *term = getenv("TERM");
  ro.color = ro.format == DG_FMT_INTERLINEAR && !(nc && *nc) &&
             (st.color == DG_COLOR_ALWAYS ||
              (st.color == DG_COLOR_AUTO && tty && !(term && strcmp(term, "dumb") == 0)));
  dg_render_init(&run.render, &ro);
  run.encoding = st.encoding;
  run.input = st.input == DG_IN_HORIZONTAL ? DG_SRC_HORIZONTAL : st.input == DG_IN_JSONL ? DG_SRC_JSONL : DG_SRC_TEXT;
  run.doc_kind = st.input == DG_IN_AUTO       ? DG_DOCK_AUTO
                 : st.input == DG_IN_HTML     ? DG_DOCK_HTML
                 : st.input == DG_IN_MARKDOWN ? DG_DOCK_MARKDOWN
                 : st.input == DG_IN_PDF      ? DG_DOCK_PDF
                 : st.input == DG_IN_DOCX     ? DG_DOCK_DOCX
                                              : DG_DOCK_TEXT;

  dg_buf b;
  dg_buf_init(&b);
  dg_render_begin(&run.render, &b);
  S_write(&run, &b);
  bool input_error = false;
  int nfiles = argc - optind;
  for (int i = 0; i < (nfiles ? nfiles : 1) && !run.io_error; i++) {
    const char *name = nfiles ? argv[optind + i] : "-";
    if (strcmp(name, "-") == 0) {
      if (!S_process(&run, stdin, "-")) input_error = true;
      continue;
    }
    FILE *in = fopen(name, "rb");
    if (!in) {
      fprintf(stderr, "degloss: %s: cannot open: %s\n", name, strerror(errno));
      input_error = true;
      continue;
    }
    if (!S_process(&run, in, name)) input_error = true;
    fclose(in);
  }
  dg_render_end(&run.render, &b);
  S_write(&run, &b);
  dg_buf_free(&b);
  if (run.out != stdout) {
    if (fclose(run.out) != 0 && !run.io_error) {
      fprintf(stderr, "degloss: %s: write error: %s\n", run.out_name, strerror(errno));
      run.io_error = true;
    }
  } else if (fflush(stdout) != 0) {
    run.io_error = true;
  }
  if (run.mt) {
    const char *sum = dg_mt_summary(run.mt);
    if (sum) fprintf(stderr, "%s\n", sum);
  }
  if (run.io_error || input_error) rc = EXIT_IO;
  else if (dg_warn_count() > 0 || run.mt_failed > 0) rc = EXIT_PARTIAL;
  dg_jobs_free(run.jobs);
  dg_engine_free(run.engine);
  if (run.mt) dg_mt_free(run.mt);
  dg_settings_free(&st);
  return rc;
}
