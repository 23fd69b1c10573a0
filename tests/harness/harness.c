/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counters and the reporting of the check harness (harness.h): one
 * pair of counters per test program, whichever of its files checks. */
#include "harness.h"

static int S_passed, S_failed;

bool harness_failed_at(bool ok, const char *file, int line) {
  if (ok) {
    S_passed++;
    return false;
  }
  S_failed++;
  fflush(stdout);
  fprintf(stderr, "%s:%d: FAIL: ", file, line);
  return true;
}

void harness_str_details(const char *expr, const char *got, const char *want) {
  fprintf(stderr, "\n  %s\n    got  [%s]\n    want [%s]\n", expr, got ? got : "(null)",
          want ? want : "(null)");
}

int harness_failures(void) { return S_failed; }

int harness_done(const char *name) {
  printf("%s: %d passed, %d failed\n", name, S_passed, S_failed);
  fflush(stdout);
  return S_failed ? 1 : 0;
}
