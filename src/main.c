/* degloss command-line program: parses options and calls the library.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "degloss.h"

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--version") == 0) {
    printf("degloss %s\n", degloss_version());
    return 0;
  }
  fprintf(stderr, "degloss: nothing to do yet\n");
  return 2;
}
