/* A small test harness in cmark's manner: OK, INT_EQ, STR_EQ, CONTAINS.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_TEST_HARNESS_H
#define DG_TEST_HARNESS_H
#include <stdio.h>
#include <string.h>

static int t_run, t_fail;
#define OK(cond, msg)                                                              \
  do {                                                                             \
    t_run++;                                                                       \
    if (!(cond)) {                                                                 \
      t_fail++;                                                                    \
      fprintf(stderr, "FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, msg, #cond);    \
    }                                                                              \
  } while (0)
#define INT_EQ(a, b, msg)                                                          \
  do {                                                                             \
    long long a_ = (long long)(a), b_ = (long long)(b);                            \
    t_run++;                                                                       \
    if (a_ != b_) {                                                                \
      t_fail++;                                                                    \
      fprintf(stderr, "FAIL %s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, \
              msg, a_, b_);                                                        \
    }                                                                              \
  } while (0)
#define STR_EQ(a, b, msg)                                                          \
  do {                                                                             \
    const char *a_ = (a), *b_ = (b);                                               \
    t_run++;                                                                       \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                       \
      t_fail++;                                                                    \
      fprintf(stderr, "FAIL %s:%d: %s:\n  got  [%s]\n  want [%s]\n", __FILE__,     \
              __LINE__, msg, a_ ? a_ : "(null)", b_ ? b_ : "(null)");              \
    }                                                                              \
  } while (0)
#define CONTAINS(hay, needle, msg)                                                 \
  do {                                                                             \
    const char *h_ = (hay), *n_ = (needle);                                        \
    t_run++;                                                                       \
    if (!h_ || !strstr(h_, n_)) {                                                  \
      t_fail++;                                                                    \
      fprintf(stderr, "FAIL %s:%d: %s: [%s] not in:\n%s\n", __FILE__, __LINE__,    \
              msg, n_, h_ ? h_ : "(null)");                                        \
    }                                                                              \
  } while (0)
#define DONE()                                                                     \
  do {                                                                             \
    printf("%d checks, %d failed\n", t_run, t_fail);                               \
    return t_fail ? 1 : 0;                                                         \
  } while (0)
#endif
