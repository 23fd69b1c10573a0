/* Config file, environment and option values (see config.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "text.h"

static const char *const S_mt_keys[] = {"translate", "mt-url",     "mt-model", "mt-target",
                                        "mt-jobs",   "mt-cacert",  "no-cache", "verbose",
                                        "mt-key",    "mt-timeout", "cache-dir",
                                        "mt-cache-max", "mt-insecure"};

bool dg_settings_is_mt_key(const char *key) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_mt_keys); i++)
    if (strcmp(key, S_mt_keys[i]) == 0) return true;
  return false;
}

void dg_settings_init(dg_settings *s) {
  memset(s, 0, sizeof *s);
  s->format = DG_FMT_INTERLINEAR;
  s->style = DG_STYLE_LEIPZIG;
  s->input = DG_IN_AUTO;
  s->color = DG_COLOR_AUTO;
  s->jobs = 1;
}

void dg_settings_free(dg_settings *s) {
  free(s->data_dir);
  free(s->dict);
  free(s->hunspell);
  free(s->output);
  for (size_t i = 0; i < s->nglossaries; i++) free(s->glossaries[i]);
  free(s->glossaries);
  for (size_t i = 0; i < s->nmt; i++) {
    free(s->mt[i].key);
    free(s->mt[i].value);
    free(s->mt[i].origin);
  }
  free(s->mt);
  memset(s, 0, sizeof *s);
}

static void S_replace(char **slot, const char *v) {
  free(*slot);
  *slot = dg_xstrdup(v);
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

static bool S_bad(degloss_error *err, const char *origin, const char *key, const char *value,
                  const char *expected) {
  dg_error_set(err, DEGLOSS_ERR_CONFIG, origin, 0, 0, -1, "%s: bad value '%s' for '%s' (expected %s)",
               origin, value, key, expected);
  return false;
}

bool dg_settings_set(dg_settings *s, const char *key, const char *value, const char *origin,
                     unsigned file_mode, degloss_error *err) {
  if (dg_settings_is_mt_key(key)) {
    s->mt = dg_xrealloc(s->mt, (s->nmt + 1) * sizeof *s->mt);
    dg_mt_setting *m = &s->mt[s->nmt++];
    m->key = dg_xstrdup(key);
    m->value = dg_xstrdup(value);
    m->origin = dg_xstrdup(origin);
    m->file_mode = file_mode;
    return true;
  }
  if (strcmp(key, "format") == 0) {
    if (!dg_format_parse(value, &s->format))
      return S_bad(err, origin, key, value, "interlinear, jsonl, json, conllu, html or tsv");
  } else if (strcmp(key, "style") == 0) {
    if (!dg_style_parse(value, &s->style)) return S_bad(err, origin, key, value, "leipzig or plain");
  } else if (strcmp(key, "input") == 0) {
    if (strcmp(value, "text") == 0) s->input = DG_IN_TEXT;
    else if (strcmp(value, "horizontal") == 0) s->input = DG_IN_HORIZONTAL;
    else if (strcmp(value, "jsonl") == 0) s->input = DG_IN_JSONL;
    else if (strcmp(value, "auto") == 0) s->input = DG_IN_AUTO;
    else if (strcmp(value, "html") == 0 || strcmp(value, "xhtml") == 0) s->input = DG_IN_HTML;
    else if (strcmp(value, "markdown") == 0 || strcmp(value, "md") == 0) s->input = DG_IN_MARKDOWN;
    else if (strcmp(value, "pdf") == 0) s->input = DG_IN_PDF;
    else if (strcmp(value, "docx") == 0) s->input = DG_IN_DOCX;
    else return S_bad(err, origin, key, value, "auto, text, horizontal, jsonl, html, markdown, pdf or docx");
  } else if (strcmp(key, "encoding") == 0) {
    dg_encoding e;
    if (!dg_encoding_parse(value, &e))
      return S_bad(err, origin, key, value, "auto, utf-8, windows-1252, latin1 or utf-16");
    s->encoding = (int)e;
  } else if (strcmp(key, "color") == 0 || strcmp(key, "colour") == 0) {
    if (strcmp(value, "auto") == 0) s->color = DG_COLOR_AUTO;
    else if (strcmp(value, "never") == 0 || strcmp(value, "no") == 0) s->color = DG_COLOR_NEVER;
    else if (strcmp(value, "always") == 0 || strcmp(value, "yes") == 0) s->color = DG_COLOR_ALWAYS;
    else return S_bad(err, origin, key, value, "auto, always or never");
  } else if (strcmp(key, "width") == 0) {
    if (!S_uint(value, 20, 100000, &s->width)) return S_bad(err, origin, key, value, "a number from 20");
  } else if (strcmp(key, "alternatives") == 0) {
    if (!S_uint(value, 0, 1000, &s->alternatives)) return S_bad(err, origin, key, value, "a number 0-1000");
  } else if (strcmp(key, "jobs") == 0) {
    if (strcmp(value, "auto") == 0) s->jobs = 0;
    else if (!S_uint(value, 0, 256, &s->jobs)) return S_bad(err, origin, key, value, "auto or a number 0-256");
  } else if (strcmp(key, "data-dir") == 0) {
    if (!*value) return S_bad(err, origin, key, value, "a directory");
    S_replace(&s->data_dir, value);
  } else if (strcmp(key, "dict") == 0) {
    if (strcmp(value, "de_DE") && strcmp(value, "de_AT") && strcmp(value, "de_CH"))
      return S_bad(err, origin, key, value, "de_DE, de_AT or de_CH");
    S_replace(&s->dict, value);
  } else if (strcmp(key, "hunspell") == 0) {
    if (!*value) return S_bad(err, origin, key, value, "a path such as /usr/share/hunspell/de_DE");
    S_replace(&s->hunspell, value);
  } else if (strcmp(key, "output") == 0) {
    S_replace(&s->output, value);
  } else if (strcmp(key, "glossary") == 0) {
    if (!*value) return S_bad(err, origin, key, value, "a file name");
    s->glossaries = dg_xrealloc(s->glossaries, (s->nglossaries + 1) * sizeof *s->glossaries);
    s->glossaries[s->nglossaries++] = dg_xstrdup(value);
  } else {
    dg_error_set(err, DEGLOSS_ERR_CONFIG, origin, 0, 0, -1, "%s: unknown option '%s'", origin, key);
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

bool dg_config_load(dg_settings *s, const char *path, bool must_exist, degloss_error *err) {
  FILE *f = fopen(path, "r");
  if (!f) {
    if (!must_exist && errno == ENOENT) return true;
    dg_error_set(err, DEGLOSS_ERR_CONFIG, path, 0, 0, -1, "%s: cannot open config file: %s", path,
                 strerror(errno));
    return false;
  }
  struct stat st;
  unsigned mode = fstat(fileno(f), &st) == 0 ? (unsigned)st.st_mode : 0;
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  bool ok = true;
  while (ok && getline(&line, &cap, f) != -1) {
    lineno++;
    char origin[PATH_MAX + 32];
    snprintf(origin, sizeof origin, "%s:%ld", path, lineno);
    char *p = S_trim(line);
    if (!*p || *p == '#') continue;
    char *eq = strchr(p, '=');
    if (!eq) {
      dg_error_set(err, DEGLOSS_ERR_CONFIG, path, lineno, 0, -1,
                   "%s: expected 'key = value', got '%.60s'", origin, p);
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
      dg_error_set(err, DEGLOSS_ERR_CONFIG, path, lineno, 0, -1, "%s: missing key before '='", origin);
      ok = false;
      break;
    }
    if (!dg_settings_set(s, key, value, origin, mode, err)) {
      if (err) err->line = lineno;
      ok = false;
    }
  }
  free(line);
  if (ok && ferror(f)) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: read error", path);
    ok = false;
  }
  fclose(f);
  return ok;
}

char *dg_config_default_path(void) {
  const char *x = getenv("XDG_CONFIG_HOME");
  if (x && *x == '/') return dg_path_join(x, "degloss/config");
  const char *home = getenv("HOME");
  if (home && *home) return dg_path_join(home, ".config/degloss/config");
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

bool dg_config_env(dg_settings *s, degloss_error *err) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_env); i++) {
    const char *v = getenv(S_env[i].env);
    if (v && *v && !dg_settings_set(s, S_env[i].key, v, S_env[i].env, 0, err)) return false;
  }
  const char *g = getenv("DEGLOSS_GLOSSARY");
  if (g && *g) {
    char *copy = dg_xstrdup(g), *save = NULL;
    for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
      dg_settings_set(s, "glossary", p, "DEGLOSS_GLOSSARY", 0, err);
    free(copy);
  }
  return true;
}
