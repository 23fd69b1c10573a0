/* Version, error strings and the run-time data directory.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char *degloss_version(void) { return DEGLOSS_VERSION; }

const char *degloss_strerror(degloss_code code) {
  switch (code) {
  case DEGLOSS_OK: return "success";
  case DEGLOSS_ERR_NOMEM: return "out of memory";
  case DEGLOSS_ERR_IO: return "input/output error";
  case DEGLOSS_ERR_FORMAT: return "bad data file";
  case DEGLOSS_ERR_ARG: return "bad argument";
  case DEGLOSS_ERR_CONFIG: return "bad configuration";
  case DEGLOSS_ERR_NETWORK: return "network error";
  case DEGLOSS_ERR_PROVIDER: return "translation provider error";
  case DEGLOSS_ERR_INPUT: return "bad input";
  }
  return "unknown error";
}

static int S_is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *degloss_data_dir(void) {
  static char dir[PATH_MAX + 32];
  const char *env = getenv("DEGLOSS_DATA_DIR");
  if (env && *env) return env;
  if (dir[0]) return dir;
  /* Build tree: the program sits in build/, its data in build/data/. */
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char cand[PATH_MAX + 32];
      snprintf(cand, sizeof cand, "%.4000s/data/degloss.stamp", exe);
      struct stat st;
      if (stat(cand, &st) == 0) {
        snprintf(dir, sizeof dir, "%.4000s/data", exe);
        return dir;
      }
      /* Installed: PREFIX/bin/degloss with data in PREFIX/share/degloss. */
      snprintf(cand, sizeof cand, "%.4000s/../share/degloss", exe);
      if (S_is_dir(cand)) {
        snprintf(dir, sizeof dir, "%.4060s", cand);
        return dir;
      }
    }
  }
  snprintf(dir, sizeof dir, "%s", DEGLOSS_DEFAULT_DATA_DIR);
  return dir;
}
