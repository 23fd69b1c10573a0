/* Config file, environment and option values of the degloss program (see
 * config.h); only the library's public API is used.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

#define S_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *cli_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fprintf(stderr, "degloss: out of memory (%zu bytes)\n", n);
    abort();
  }
  return q;
}

char *cli_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(cli_xrealloc(NULL, n), s, n);
}

/* Fill err (when given and still empty), as the library does. */
__attribute__((format(printf, 5, 6))) static void S_error(degloss_error *err, degloss_code code,
                                                          const char *source, long line,
                                                          const char *fmt, ...) {
  if (!err || err->code != DEGLOSS_OK) return;
  err->code = code;
  err->line = line;
  err->column = 0;
  err->position = -1;
  /* names and keys from a file: controls shown as escapes, never sent to the terminal */
  degloss_visible(err->source, sizeof err->source, source);
  char text[sizeof err->text];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  degloss_visible(err->text, sizeof err->text, text);
}

static char *S_join(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  char *p = cli_xrealloc(NULL, dl + nl + 2);
  memcpy(p, dir, dl);
  if (dl && dir[dl - 1] != '/') p[dl++] = '/';
  memcpy(p + dl, name, nl + 1);
  return p;
}

static const char *const S_mt_keys[] = {"translate", "mt-url",     "mt-model", "mt-target",
                                        "mt-jobs",   "mt-cacert",  "no-cache", "verbose",
                                        "mt-key",    "mt-timeout", "cache-dir",
                                        "mt-cache-max", "mt-insecure"};

static bool S_is_mt_key(const char *key) {
  for (size_t i = 0; i < S_LEN(S_mt_keys); i++)
    if (strcmp(key, S_mt_keys[i]) == 0) return true;
  return false;
}

void cli_settings_init(cli_settings *s) {
  memset(s, 0, sizeof *s);
  s->input = DEGLOSS_INPUT_AUTO; /* documents by content, else text */
  s->encoding = DEGLOSS_ENCODING_AUTO;
  s->color = CLI_COLOR_AUTO;
  s->jobs = 1;
  s->progress = -1;
}

void cli_settings_free(cli_settings *s) {
  free(s->format);
  free(s->style);
  free(s->latex);
  free(s->layout);
  free(s->vocab_skip);
  free(s->data_dir);
  free(s->dict);
  free(s->domain);
  free(s->hunspell);
  free(s->output);
  free(s->translation);
  for (size_t i = 0; i < s->nglossaries; i++) free(s->glossaries[i]);
  free(s->glossaries);
  for (size_t i = 0; i < s->nmt; i++) {
    free((char *)s->mt[i].key);
    free((char *)s->mt[i].value);
    free((char *)s->mt[i].origin);
  }
  free(s->mt);
  memset(s, 0, sizeof *s);
}

static void S_replace(char **slot, const char *v) {
  free(*slot);
  *slot = cli_xstrdup(v);
}

static bool S_uint(const char *v, unsigned long min, unsigned long max, unsigned *out) {
  if (!*v) return false;
  char *end;
  errno = 0;
  unsigned long n = strtoul(v, &end, 10);
  if (errno || *end || v[0] == '-' || n < min || n > max) return false;
  *out = (unsigned)n;
  return true;
}

/* A bad value.  From a config file (file_mode != 0) the value is not
 * quoted: a key pasted onto the wrong line must not reach a terminal or a
 * log; from the command line or the environment the user knows it anyway. */
static bool S_bad(degloss_error *err, const char *origin, const char *key, const char *value,
                  unsigned file_mode, const char *expected) {
  if (file_mode)
    S_error(err, DEGLOSS_ERR_CONFIG, origin, 0, "%s: bad value for '%s' (expected %s)", origin, key, expected);
  else
    S_error(err, DEGLOSS_ERR_CONFIG, origin, 0, "%s: bad value '%.60s' for '%s' (expected %s)", origin, value,
            key, expected);
  return false;
}

/* yes/true/1 -> 1, no/false/0 -> 0, else -1. */
static int S_yes_no(const char *v) {
  if (strcmp(v, "1") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "true") == 0) return 1;
  if (strcmp(v, "0") == 0 || strcmp(v, "no") == 0 || strcmp(v, "false") == 0) return 0;
  return -1;
}

/* --vocab-skip: names and closed, comma-separated (or none). */
static bool S_vocab_skip_valid(const char *v) {
  while (*v) {
    size_t n = strcspn(v, ",");
    if (!((n == 5 && strncmp(v, "names", 5) == 0) || (n == 6 && strncmp(v, "closed", 6) == 0) ||
          (n == 4 && strncmp(v, "none", 4) == 0)))
      return false;
    v += n;
    if (*v == ',') v++;
  }
  return true;
}

bool cli_settings_set(cli_settings *s, const char *key, const char *value, const char *origin,
                      unsigned file_mode, degloss_error *err) {
  if (S_is_mt_key(key)) {
    s->mt = cli_xrealloc(s->mt, (s->nmt + 1) * sizeof *s->mt);
    degloss_setting *m = &s->mt[s->nmt++];
    m->key = cli_xstrdup(key);
    m->value = cli_xstrdup(value);
    m->origin = cli_xstrdup(origin);
    m->file_mode = file_mode;
    return true;
  }
  if (strcmp(key, "format") == 0) {
    if (!degloss_format_valid(value))
      return S_bad(err, origin, key, value, file_mode,
                   "interlinear, jsonl, json, conllu, html, tsv, latex, parallel or vocab");
    S_replace(&s->format, value);
  } else if (strcmp(key, "style") == 0) {
    if (!degloss_style_valid(value)) return S_bad(err, origin, key, value, file_mode, "leipzig or plain");
    S_replace(&s->style, value);
  } else if (strcmp(key, "latex") == 0) {
    if (strcmp(value, "gb4e") != 0 && strcmp(value, "expex") != 0)
      return S_bad(err, origin, key, value, file_mode, "gb4e or expex");
    S_replace(&s->latex, value);
  } else if (strcmp(key, "latex-standalone") == 0 || strcmp(key, "senses") == 0) {
    bool *flag = key[0] == 's' ? &s->senses : &s->latex_standalone;
    if (strcmp(value, "1") == 0 || strcmp(value, "yes") == 0 || strcmp(value, "true") == 0) *flag = true;
    else if (strcmp(value, "0") == 0 || strcmp(value, "no") == 0 || strcmp(value, "false") == 0) *flag = false;
    else return S_bad(err, origin, key, value, file_mode, "yes or no");
  } else if (strcmp(key, "layout") == 0) {
    if (strcmp(value, "default") != 0 && strcmp(value, "parallel") != 0)
      return S_bad(err, origin, key, value, file_mode, "default or parallel");
    S_replace(&s->layout, value);
  } else if (strcmp(key, "vocab-skip") == 0) {
    if (!S_vocab_skip_valid(value))
      return S_bad(err, origin, key, value, file_mode, "names, closed or names,closed");
    S_replace(&s->vocab_skip, value);
  } else if (strcmp(key, "progress") == 0 || strcmp(key, "no-progress") == 0) {
    int v = S_yes_no(value);
    if (v < 0 && strcmp(value, "auto") == 0 && strcmp(key, "progress") == 0) s->progress = -1;
    else if (v < 0) return S_bad(err, origin, key, value, file_mode, "yes or no");
    else s->progress = strcmp(key, "progress") == 0 ? v : !v;
  } else if (strcmp(key, "input") == 0) {
    if (!degloss_input_parse(value, &s->input))
      return S_bad(err, origin, key, value, file_mode,
                   "auto, text, horizontal, lines, jsonl, html, markdown, pdf or docx");
  } else if (strcmp(key, "encoding") == 0) {
    if (!degloss_encoding_parse(value, &s->encoding))
      return S_bad(err, origin, key, value, file_mode, "auto, utf-8, windows-1252, latin1 or utf-16");
  } else if (strcmp(key, "color") == 0 || strcmp(key, "colour") == 0) {
    if (strcmp(value, "auto") == 0) s->color = CLI_COLOR_AUTO;
    else if (strcmp(value, "never") == 0 || strcmp(value, "no") == 0) s->color = CLI_COLOR_NEVER;
    else if (strcmp(value, "always") == 0 || strcmp(value, "yes") == 0) s->color = CLI_COLOR_ALWAYS;
    else return S_bad(err, origin, key, value, file_mode, "auto, always or never");
  } else if (strcmp(key, "width") == 0) {
    if (!S_uint(value, 20, 100000, &s->width)) return S_bad(err, origin, key, value, file_mode, "a number from 20");
  } else if (strcmp(key, "alternatives") == 0) {
    if (!S_uint(value, 0, 1000, &s->alternatives)) return S_bad(err, origin, key, value, file_mode, "a number 0-1000");
  } else if (strcmp(key, "jobs") == 0) {
    if (strcmp(value, "auto") == 0) s->jobs = 0;
    else if (!S_uint(value, 0, 256, &s->jobs)) return S_bad(err, origin, key, value, file_mode, "auto or a number 0-256");
  } else if (strcmp(key, "data-dir") == 0) {
    if (!*value) return S_bad(err, origin, key, value, file_mode, "a directory");
    S_replace(&s->data_dir, value);
  } else if (strcmp(key, "dict") == 0) {
    if (strcmp(value, "de_DE") && strcmp(value, "de_AT") && strcmp(value, "de_CH"))
      return S_bad(err, origin, key, value, file_mode, "de_DE, de_AT or de_CH");
    S_replace(&s->dict, value);
  } else if (strcmp(key, "domain") == 0) {
    /* The names are the data directory's (subjects.tsv); the session
     * rejects one it does not know. */
    if (!*value) return S_bad(err, origin, key, value, file_mode, "a subject such as software or law");
    S_replace(&s->domain, value);
  } else if (strcmp(key, "hunspell") == 0) {
    if (!*value) return S_bad(err, origin, key, value, file_mode, "a path such as /usr/share/hunspell/de_DE");
    S_replace(&s->hunspell, value);
  } else if (strcmp(key, "output") == 0) {
    S_replace(&s->output, value);
  } else if (strcmp(key, "translation") == 0) {
    if (!*value) return S_bad(err, origin, key, value, file_mode, "a file name");
    S_replace(&s->translation, value);
  } else if (strcmp(key, "glossary") == 0) {
    if (!*value) return S_bad(err, origin, key, value, file_mode, "a file name");
    s->glossaries = cli_xrealloc(s->glossaries, (s->nglossaries + 1) * sizeof *s->glossaries);
    s->glossaries[s->nglossaries++] = cli_xstrdup(value);
  } else {
    S_error(err, DEGLOSS_ERR_CONFIG, origin, 0, "%s: unknown option '%.60s'", origin, key);
    return false;
  }
  return true;
}

static char *S_trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
  return s;
}

void cli_settings_options(const cli_settings *s, degloss_session_options *o) {
  memset(o, 0, sizeof *o);
  o->input = s->input;
  o->encoding = s->encoding;
  o->data_dir = s->data_dir;
  o->dict = s->dict;
  o->domain = s->domain;
  o->hunspell = s->hunspell;
  o->glossaries = (const char *const *)s->glossaries;
  o->nglossaries = s->nglossaries;
  o->jobs = s->jobs ? s->jobs : DEGLOSS_JOBS_AUTO;
  o->mt = s->mt;
  o->nmt = s->nmt;
  o->translation_path = s->translation;
}

bool cli_config_load(cli_settings *s, const char *path, bool must_exist, degloss_error *err) {
  FILE *f = fopen(path, "r");
  if (!f) {
    if (!must_exist && errno == ENOENT) return true;
    S_error(err, DEGLOSS_ERR_CONFIG, path, 0, "%s: cannot open config file: %s", path, strerror(errno));
    return false;
  }
  struct stat st;
  unsigned mode = fstat(fileno(f), &st) == 0 ? (unsigned)st.st_mode : 0;
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  bool ok = true;
  ssize_t got;
  while (ok && (got = getline(&line, &cap, f)) != -1) {
    lineno++;
    char origin[PATH_MAX + 32];
    snprintf(origin, sizeof origin, "%s:%ld", path, lineno);
    if (strlen(line) != (size_t)got) {
      /* a NUL byte would cut the line short (or hide it altogether) */
      fprintf(stderr, "degloss: %s:%ld: NUL byte in the config line; line ignored\n", path, lineno);
      s->warnings++;
      continue;
    }
    char *p = S_trim(line);
    if (!*p || *p == '#') continue;
    char *eq = strchr(p, '=');
    if (!eq) {
      /* the line itself is not shown: it may be a bare API key */
      S_error(err, DEGLOSS_ERR_CONFIG, path, lineno, "%s: expected 'key = value' (the line is not shown)", origin);
      ok = false;
      break;
    }
    *eq = '\0';
    char *key = S_trim(p), *value = S_trim(eq + 1);
    /* Optional quotes around the value. */
    size_t vn = strlen(value);
    if (vn >= 2 && ((value[0] == '"' && value[vn - 1] == '"') || (value[0] == '\'' && value[vn - 1] == '\''))) {
      value[vn - 1] = '\0';
      value++;
    }
    if (!*key) {
      S_error(err, DEGLOSS_ERR_CONFIG, path, lineno, "%s: missing key before '='", origin);
      ok = false;
      break;
    }
    if (!cli_settings_set(s, key, value, origin, mode, err)) {
      if (err) err->line = lineno;
      ok = false;
    }
  }
  free(line);
  if (ok && ferror(f)) {
    S_error(err, DEGLOSS_ERR_IO, path, 0, "%s: read error", path);
    ok = false;
  }
  fclose(f);
  return ok;
}

char *cli_config_default_path(void) {
  const char *x = getenv("XDG_CONFIG_HOME");
  if (x && *x == '/') return S_join(x, "degloss/config");
  const char *home = getenv("HOME");
  if (home && *home) return S_join(home, ".config/degloss/config");
  return NULL;
}

static const struct {
  const char *env, *key;
} S_env[] = {{"DEGLOSS_FORMAT", "format"},     {"DEGLOSS_STYLE", "style"},
             {"DEGLOSS_WIDTH", "width"},       {"DEGLOSS_INPUT", "input"},
             {"DEGLOSS_ENCODING", "encoding"},
             {"DEGLOSS_ALTERNATIVES", "alternatives"}, {"DEGLOSS_DATA_DIR", "data-dir"},
             {"DEGLOSS_DICT", "dict"},         {"DEGLOSS_HUNSPELL", "hunspell"},
             {"DEGLOSS_COLOR", "color"},       {"DEGLOSS_TRANSLATE", "translate"},
             {"DEGLOSS_JOBS", "jobs"},
             {"DEGLOSS_MT_URL", "mt-url"},     {"DEGLOSS_MT_MODEL", "mt-model"},
             {"DEGLOSS_MT_TARGET", "mt-target"}, {"DEGLOSS_CACHE_DIR", "cache-dir"},
             {"DEGLOSS_MT_CACHE_MAX", "mt-cache-max"}};

bool cli_config_env(cli_settings *s, degloss_error *err) {
  for (size_t i = 0; i < S_LEN(S_env); i++) {
    const char *v = getenv(S_env[i].env);
    if (v && *v && !cli_settings_set(s, S_env[i].key, v, S_env[i].env, 0, err)) return false;
  }
  const char *g = getenv("DEGLOSS_GLOSSARY");
  if (g && *g) {
    char *copy = cli_xstrdup(g), *save = NULL;
    for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
      cli_settings_set(s, "glossary", p, "DEGLOSS_GLOSSARY", 0, err);
    free(copy);
  }
  return true;
}
