/* The option table of the degloss program (see options.h).  Each row is one
 * option as --help shows it: an optional heading line printed before it, the
 * short and long name, the argument's name, and the help text (continuation
 * lines after \n are indented to the help column).  Rows without help are
 * aliases, accepted but not shown.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "options.h"

#include <string.h>

typedef struct S_opt {
  const char *heading; /* printed on its own line before the option, or NULL */
  int val;             /* short name, or an OPT_* value */
  const char *name;    /* long name (the config key) */
  const char *arg;     /* argument name, NULL: none */
  const char *help;    /* NULL: an alias, not shown */
} S_opt;

static const S_opt S_table[] = {
    {"Output:", 'f', "format", "FMT",
     "interlinear (default), jsonl, json, conllu, html, tsv,\n"
     "latex, parallel (one TSV row per sentence),\n"
     "vocab (one TSV row per lemma: the document's vocabulary)"},
    {NULL, 's', "style", "STYLE", "leipzig (default: \"Russia-GEN\", \"the.M.NOM\") or plain"},
    {NULL, 'w', "width", "N", "line width for interlinear text (default: terminal, else 80)"},
    {NULL, 'a', "alternatives", "N", "at most N ranked glosses per word in JSON/TSV/HTML (0: all)"},
    {NULL, OPT_SENSES, "senses", NULL, "json/jsonl: each gloss's source and Ding labels (html has them)"},
    {NULL, OPT_LATEX, "latex", "PKG", "latex examples for gb4e (default) or expex"},
    {NULL, OPT_LATEX_STANDALONE, "latex-standalone", NULL, "latex: a whole document pdflatex compiles"},
    {NULL, OPT_LAYOUT, "layout", "LAYOUT", "html: default, or parallel (translation beside the gloss)"},
    {NULL, OPT_VOCAB_SKIP, "vocab-skip", "LIST", "vocab: leave out names, closed (closed-class words) or both\n(names,closed)"},
    {NULL, OPT_LABELS, "labels", NULL, "list the Leipzig labels and what they mean, and exit"},
    {NULL, OPT_COLOR, "color", "WHEN", "auto (default), always, never; NO_COLOR turns colour off"},
    {NULL, OPT_COLOR, "colour", "WHEN", NULL},
    {NULL, 'o', "output", "FILE", "write to FILE instead of standard output"},
    {NULL, 'j', "jobs", "N",
     "gloss with N worker threads (0 or auto: one per CPU;\n"
     "default 1); the output is the same for every N"},
    {"Input:", 'i', "input", "MODE",
     "auto (default: a document by its content, else text),\n"
     "text, horizontal (one sentence a line, tokens split by\n"
     "single spaces, kept as given), lines (one record a line:\n"
     "a sentence or paragraph, output names the line), jsonl,\n"
     "or a document: html, markdown, pdf, docx"},
    {NULL, 'e', "encoding", "ENC", "auto (default), utf-8, windows-1252, latin1, utf-16"},
    {"Data:", 'g', "glossary", "FILE", "user glossary (TSV: lemma, pos, gloss); may be repeated"},
    {NULL, OPT_DICT, "dict", "NAME", "hunspell dictionary: de_DE (default), de_AT, de_CH"},
    {NULL, OPT_HUNSPELL, "hunspell", "BASE", "hunspell files BASE.aff/BASE.dic (overrides --dict)"},
    {NULL, OPT_DATA_DIR, "data-dir", "DIR", "run-time data directory"},
    {NULL, OPT_DOMAIN, "domain", "NAME",
     "the documents' subject: software, law, medicine,\n"
     "finance, sport, politics, military (default: inferred\n"
     "from the words; subjects.tsv in the data directory)"},
    {NULL, OPT_CHECK_DATA, "check-data", NULL,
     "verify the data files (checksums, the hunspell\n"
     "dictionary, mwe.tsv, subjects.tsv), one line each,\n"
     "and exit"},
    {NULL, 'c', "config", "FILE", "read FILE instead of ~/.config/degloss/config"},
    {NULL, OPT_NO_CONFIG, "no-config", NULL, "read no config file"},
    {"Translation (optional; API keys come from the environment or the config file):", 't', "translate",
     "PROV", "deepl, libretranslate, google, openai or none"},
    {NULL, OPT_TRANSLATION, "translation", "FILE",
     "the English of the input from FILE, line by line:\n"
     "one line an input line (--input lines) or sentence\n"
     "(--input horizontal); not with --translate"},
    {NULL, OPT_MT_URL, "mt-url", "URL", "provider base URL"},
    {NULL, OPT_MT_MODEL, "mt-model", "NAME", "model (openai)"},
    {NULL, OPT_MT_TARGET, "mt-target", "LANG", "target language (default en)"},
    {NULL, OPT_MT_JOBS, "mt-jobs", "N", "concurrent requests"},
    {NULL, OPT_MT_TIMEOUT, "mt-timeout", "SEC", "request timeout"},
    {NULL, OPT_MT_CACERT, "mt-cacert", "FILE", "CA certificate for a private CA"},
    {NULL, OPT_MT_INSECURE, "mt-insecure", NULL,
     "allow a plain http:// --mt-url to a host other than\n"
     "this machine (the API key travels unencrypted)"},
    {NULL, OPT_CACHE_DIR, "cache-dir", "DIR", "translation cache directory"},
    {NULL, OPT_NO_CACHE, "no-cache", NULL, "do not read or write the translation cache"},
    {NULL, OPT_MT_CACHE_MAX, "mt-cache-max", "N", "keep at most N cache entries (or bytes: 64M)"},
    {NULL, OPT_MT_CACHE_COMPACT, "mt-cache-compact", NULL, "compact the translation cache, print its sizes, exit"},
    {NULL, 'v', "verbose", NULL, "report translation requests on standard error"},
    {"Progress:", OPT_PROGRESS, "progress", NULL,
     "show bytes read, sentences, tokens per second and\n"
     "translation requests on standard error (default: on a\n"
     "terminal for input over 1 MB or with translation)"},
    {NULL, OPT_NO_PROGRESS, "no-progress", NULL, "never show progress"},
    {"", 'h', "help", NULL, "show this help and exit"},
    {NULL, 'V', "version", NULL, "show the version and exit"},
};
#define S_N (sizeof S_table / sizeof S_table[0])
#define S_HELP_COLUMN 26

static struct option S_long[S_N + 1];
static char S_short[2 * S_N + 1];

static void S_make(void) {
  if (S_long[0].name) return;
  size_t k = 0;
  for (size_t i = 0; i < S_N; i++) {
    const S_opt *o = &S_table[i];
    S_long[i].name = o->name;
    S_long[i].has_arg = o->arg ? required_argument : no_argument;
    S_long[i].flag = NULL;
    S_long[i].val = o->val;
    if (o->val < 256) {
      S_short[k++] = (char)o->val;
      if (o->arg) S_short[k++] = ':';
    }
  }
  S_short[k] = '\0';
}

const struct option *cli_long_options(void) {
  S_make();
  return S_long;
}

const char *cli_short_options(void) {
  S_make();
  return S_short;
}

const char *cli_option_key(int val) {
  for (size_t i = 0; i < S_N; i++)
    if (S_table[i].val == val) return S_table[i].name;
  return NULL;
}

void cli_usage(FILE *f) {
  fputs("Usage: degloss [OPTION]... [FILE]...\n"
        "Gloss German text word by word in English (interlinear, Leipzig style).\n"
        "With no FILE, or when FILE is -, read standard input.\n"
        "\n",
        f);
  for (size_t i = 0; i < S_N; i++) {
    const S_opt *o = &S_table[i];
    if (!o->help) continue;
    if (o->heading) fprintf(f, "%s\n", o->heading);
    int col;
    if (o->val < 256) col = fprintf(f, "  -%c, --%s", o->val, o->name);
    else col = fprintf(f, "      --%s", o->name);
    if (o->arg) col += fprintf(f, " %s", o->arg);
    fprintf(f, "%*s", col < S_HELP_COLUMN ? S_HELP_COLUMN - col : 1, "");
    for (const char *p = o->help; *p;) {
      const char *nl = strchr(p, '\n');
      size_t n = nl ? (size_t)(nl - p) : strlen(p);
      fprintf(f, "%.*s\n", (int)n, p);
      if (!nl) break;
      p = nl + 1;
      fprintf(f, "%*s", S_HELP_COLUMN, "");
    }
  }
  fputs("\n"
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
