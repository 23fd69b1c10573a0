/* Internal helpers shared by every stage: error records, warnings, files,
 * hashes (allocation and growable buffers: buf.h, included).  Not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_UTIL_H
#define DG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "degloss.h"

#define DG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The string into a buffer of `size` bytes (size > 0), cut after size - 1
 * bytes and always NUL-terminated: what snprintf(dst, size, "%s", src)
 * writes, without printf's parsing (the rules copy words and labels into
 * buffers many times per sentence).  Returns dst. */
char *dg_strlcpy(char *dst, const char *src, size_t size);


/* Fill `err` (when not NULL and still empty) with code, place and message. */
void dg_error_set(degloss_error *err, degloss_code code, const char *source,
                  long line, long column, long long position, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Warnings about input (bad bytes, bad glossary lines, ...) and notes
 * (information such as "read as Windows-1252", not counted).  There is no
 * process-wide sink: a warning goes to the innermost scope the calling
 * thread pushed (a session pushes its own around every call into the
 * library, a worker thread one that collects), and without a scope to
 * standard error as "degloss: SOURCE:LINE: byte N: message" (a note:
 * "degloss: SOURCE: message").  A warning record has a nonzero code; a
 * note's code is DEGLOSS_OK. */
typedef void (*dg_warn_fn)(void *ctx, const degloss_error *w);
typedef struct dg_warn_list {
  degloss_error *v;
  size_t n, cap;
} dg_warn_list;
typedef struct dg_warn_scope {
  dg_warn_fn fn;         /* NULL: standard error */
  void *ctx;
  bool notes;            /* notes go to fn too (else to standard error) */
  dg_warn_list *collect; /* set: warnings and notes are kept for dg_warn_replay */
  unsigned long count;   /* warnings delivered in this scope (not notes, not collected) */
  struct dg_warn_scope *prev_;
} dg_warn_scope;
/* Make s (zeroed but for fn, ctx, notes, collect) the calling thread's
 * innermost scope until dg_warn_pop(s); scopes nest. */
void dg_warn_push(dg_warn_scope *s);
void dg_warn_pop(dg_warn_scope *s);
void dg_warn(degloss_code code, const char *source, long line, long long position,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void dg_note(const char *source, long line, long long position, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Deliver collected warnings to the calling thread's scope, in order, and
 * empty the list. */
void dg_warn_replay(dg_warn_list *l);
void dg_warn_list_free(dg_warn_list *l);
/* The standard-error text of a warning or note, with its newline. */
void dg_warn_format(dg_buf *b, const degloss_error *w);

/* Read a whole file into memory (NUL-terminated). NULL and `err` set on failure. */
char *dg_read_file(const char *path, size_t *len, degloss_error *err);
/* Open a data table that may be missing (a table of dictionaries/ that a
 * data directory may leave out): the stream; NULL and *missing true when
 * there is no such file; NULL with err set ("PATH: cannot open the table
 * of WHAT") when it cannot be read. */
FILE *dg_table_open(const char *path, const char *what, bool *missing, degloss_error *err);
/* The next line of a data table (a TSV file of dictionaries/) into *line
 * (getline's buffer: free it after the last call), its line ending removed,
 * skipping empty lines and '#' comments; *lineno counts every line read.
 * false at the end of the file. */
bool dg_table_line(FILE *f, char **line, size_t *cap, long *lineno);
/* Cut a table line into its tab-separated columns in place: col[0..max-1]
 * point at the first max columns (the last of them keeps any further
 * tabs), NULL where the line has fewer. */
void dg_table_cols(char *line, char **col, size_t max);

/* 64-bit FNV-1a: a fold over the bytes from DG_HASH64_START ^ seed, one
 * dg_hash64_step a byte (so the hashes of all prefixes of a string come
 * one byte at a time: the compound splitter's look-ups). */
#define DG_HASH64_START 1469598103934665603ULL
static inline uint64_t dg_hash64_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
uint64_t dg_hash64(const void *p, size_t n, uint64_t seed);

/* A fast 64-bit checksum of bulk data (four 64-bit lanes, 32 bytes a step;
 * several GB/s), for data files: not for hash tables.  Streaming: feed the
 * data in pieces whose sizes are multiples of 32 bytes, but for the last. */
typedef struct dg_sum {
  uint64_t lane[4];
  uint64_t len;
} dg_sum;
void dg_sum_init(dg_sum *s);
void dg_sum_update(dg_sum *s, const void *p, size_t n);
uint64_t dg_sum_final(const dg_sum *s);
uint64_t dg_sum64(const void *p, size_t n);

/* Join a directory and a file name into a new string. */
char *dg_path_join(const char *dir, const char *name);

#endif
