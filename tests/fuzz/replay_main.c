/* Replay driver for the fuzz harnesses built without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on each file named, and on each file in each
 * directory named (a seed corpus, tests/fuzz/regressions/<harness>/).  The
 * sanitizers of the test build catch what a crash would.  ctest runs it on
 * every harness's corpus and regressions (cmake/fuzz.cmake).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

static int S_runs;

static void S_run(const char *path) {
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort); /* a fixed order */
    for (int i = 0; i < n; i++) {
      if (names[i]->d_name[0] != '.') {
        char *sub = dg_path_join(path, names[i]->d_name);
        S_run(sub);
        free(sub);
      }
      free(names[i]);
    }
    free(names);
    return;
  }
  size_t len;
  degloss_error err = {0};
  char *data = dg_read_file(path, &len, &err);
  if (!data) {
    fprintf(stderr, "replay: %s: %s\n", path, err.text);
    exit(2);
  }
  /* a copy of exactly len bytes, so reading past the input is caught */
  uint8_t *copy = dg_xmalloc(len ? len : 1);
  memcpy(copy, data, len);
  free(data);
  LLVMFuzzerTestOneInput(copy, len);
  free(copy);
  S_runs++;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) S_run(argv[i]);
  printf("%s: %d inputs replayed\n", argv[0], S_runs);
  return S_runs > 0 ? 0 : 1;
}
