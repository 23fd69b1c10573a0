/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one check harness of the C tests, in the manner of cmark's and
 * jansson's: each check counts, a failed check prints FILE:LINE, what was
 * meant (a printf-style message), the expression and the values, and the
 * test goes on; DONE(name) prints the summary line
 *     NAME: N passed, M failed
 * and gives the exit status (non-zero when any check failed), so a test's
 * main ends with `return DONE("area.what");`.
 *
 *   OK(cond, fmt, ...)              cond is true
 *   INT_EQ(got, want, fmt, ...)     two integers are equal (compared as long long)
 *   STR_EQ(got, want, fmt, ...)     two strings are equal (NULL never equals)
 *   CONTAINS(hay, needle, fmt, ...) needle occurs in hay
 *
 * Every check is a statement and evaluates got/want/cond once, the message's
 * arguments only when the check failed (they may name things that exist only
 * then).  Failures go to stderr, the summary to stdout.  The counters live in
 * harness.c (the library degloss_test_harness), so the files of one test
 * program count together. */
#ifndef DG_TEST_HARNESS_H
#define DG_TEST_HARNESS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Counts one check; on failure starts its report with "FILE:LINE: FAIL: "
 * and returns true, and the macro prints the message and the details. */
bool harness_failed_at(bool ok, const char *file, int line);
/* The details of a failed STR_EQ. */
void harness_str_details(const char *expr, const char *got, const char *want);
/* Checks failed so far (a test can say where they came from). */
int harness_failures(void);
/* Prints the summary line and returns the exit status. */
int harness_done(const char *name);

static inline bool harness_str_eq(const char *got, const char *want) {
  return got && want && strcmp(got, want) == 0;
}

static inline bool harness_contains(const char *hay, const char *needle) {
  return hay && needle && strstr(hay, needle) != NULL;
}

#define OK(cond, ...)                                                   \
  do {                                                                  \
    if (harness_failed_at((cond) ? true : false, __FILE__, __LINE__)) { \
      fprintf(stderr, __VA_ARGS__);                                     \
      fprintf(stderr, "\n  not true: %s\n", #cond);                     \
    }                                                                   \
  } while (0)

#define INT_EQ(got, want, ...)                                                      \
  do {                                                                              \
    long long got_ = (long long)(got), want_ = (long long)(want);                   \
    if (harness_failed_at(got_ == want_, __FILE__, __LINE__)) {                     \
      fprintf(stderr, __VA_ARGS__);                                                 \
      fprintf(stderr, "\n  %s\n    got  %lld\n    want %lld\n", #got, got_, want_); \
    }                                                                               \
  } while (0)

#define STR_EQ(got, want, ...)                                                    \
  do {                                                                            \
    const char *got_ = (got), *want_ = (want);                                    \
    if (harness_failed_at(harness_str_eq(got_, want_), __FILE__, __LINE__)) {     \
      fprintf(stderr, __VA_ARGS__);                                               \
      harness_str_details(#got, got_, want_);                                     \
    }                                                                             \
  } while (0)

#define CONTAINS(hay, needle, ...)                                                   \
  do {                                                                               \
    const char *hay_ = (hay), *needle_ = (needle);                                   \
    if (harness_failed_at(harness_contains(hay_, needle_), __FILE__, __LINE__)) {    \
      fprintf(stderr, __VA_ARGS__);                                                  \
      fprintf(stderr, "\n  [%s] not in %s:\n%s\n", needle_ ? needle_ : "(null)", #hay, \
              hay_ ? hay_ : "(null)");                                               \
    }                                                                                \
  } while (0)

#define DONE(name) harness_done(name)

#endif
