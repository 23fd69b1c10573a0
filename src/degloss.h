/* degloss: German-to-English glossing translator.
 *
 * This is the library's only public header; every public name starts with
 * degloss_ (functions, types) or DEGLOSS_ (constants).
 *
 * Lifetimes: every object returned by a degloss_*_new/open function belongs to
 * the caller and is released with the matching _free/_close function.  Strings
 * handed to the library are copied unless stated otherwise.  All text is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef DEGLOSS_H
#define DEGLOSS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes.  Append only: a code keeps its number forever. */
typedef enum {
  DEGLOSS_OK = 0,
  DEGLOSS_ERR_NOMEM = 1,     /* out of memory */
  DEGLOSS_ERR_IO = 2,        /* a file could not be opened, read or written */
  DEGLOSS_ERR_FORMAT = 3,    /* a data file is truncated, corrupt or of another version */
  DEGLOSS_ERR_ARG = 4,       /* a bad argument or option */
  DEGLOSS_ERR_CONFIG = 5,    /* a bad configuration file or glossary line */
  DEGLOSS_ERR_NETWORK = 6,   /* the MT provider could not be reached or failed */
  DEGLOSS_ERR_PROVIDER = 7,  /* the MT provider answered with an error or nonsense */
  DEGLOSS_ERR_INPUT = 8      /* bad input text (reported as a warning, work goes on) */
} degloss_code;

/* One caller-owned error record, in the manner of jansson's json_error_t.
 * Functions taking a `degloss_error *` fill it on failure (NULL is allowed);
 * the first error wins. `line` and `column` are 1-based, 0 when unknown;
 * `position` is a byte offset into `source`, or -1 when unknown. */
#define DEGLOSS_ERROR_TEXT_LENGTH 256
#define DEGLOSS_ERROR_SOURCE_LENGTH 256
typedef struct degloss_error {
  degloss_code code;
  long line;
  long column;
  long long position;
  char source[DEGLOSS_ERROR_SOURCE_LENGTH];
  char text[DEGLOSS_ERROR_TEXT_LENGTH];
} degloss_error;

/* A static English description of `code`. */
const char *degloss_strerror(degloss_code code);

/* The library version, e.g. "0.1.0". */
const char *degloss_version(void);

/* The directory degloss reads its run-time data from: $DEGLOSS_DATA_DIR when
 * set, else the build tree's data directory next to the running program, else
 * the compiled-in install location.  The string is static. */
const char *degloss_data_dir(void);

#ifdef __cplusplus
}
#endif
#endif
