/* Memory-mapped data files: one container format for every compiled data
 * file degloss reads at run time (the lexicon, the morphology tables).
 *
 * Layout: a 64-byte header, then the payload.
 *   magic[8]      "DGLSDATA"
 *   kind[8]       what the payload is, e.g. "LEXICON\0"
 *   version u32   payload format version of that kind
 *   sumkind u32   1: dg_sum64 checksums (older files: 0, FNV-1a, no index sum)
 *   size u64      payload size in bytes
 *   checksum u64  dg_sum64 of the payload
 *   ihead u32     bytes of the kind's own head at the start of the payload
 *   ilen u32      bytes of the kind's index (its hash tables) ...
 *   ioff u64      ... at this payload offset
 *   isum u64      dg_sum64 of header bytes 0-31 and 40-55, the head and the index
 * All integers little-endian.  Opening checks magic, kind, version, size and
 * the index checksum (a few MB that lookups need anyway: a damaged header,
 * section table or hash table is refused, naming the file) unless this very
 * file passed every check before (dg_mapfile_remember: a stamp in the user's
 * cache directory, mapfile.c); the checksum of the whole payload is read
 * only when asked (degloss --check-data), since it would double the
 * start-up time.  A truncated or damaged file is never a
 * crash.  The payload is 8-byte aligned in memory.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_MAPFILE_H
#define DG_MAPFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "degloss.h"

#define DG_MAPFILE_HEADER 64

typedef struct dg_mapfile {
  void *base;          /* the whole mapping */
  size_t map_len;
  const unsigned char *payload;
  uint64_t size;       /* payload size */
  uint32_t version;
  /* This very file passed every check of an earlier open (its stamp
   * held): the index checksum was skipped, and so may be the kind's own
   * checks of its tables.  Else the stamp to write once they pass. */
  bool known;
  char *stamp, *stamp_line;
} dg_mapfile;

/* Map `path` and check it holds a payload of `kind` (at most 8 bytes) and
 * `version`, and that its index checksum holds.  `verify_checksum` also
 * reads the whole payload once.  Returns false and fills `err` on failure. */
bool dg_mapfile_open(dg_mapfile *mf, const char *path, const char *kind, uint32_t version,
                     bool verify_checksum, degloss_error *err);
void dg_mapfile_close(dg_mapfile *mf);
/* The file passed the kind's own checks too: remember it (the stamp), so
 * that later opens of this very file skip them. */
void dg_mapfile_remember(dg_mapfile *mf);

/* Check the payload against the header's checksum (reads the whole payload).
 * `path` names the file in the message. */
bool dg_mapfile_verify(const dg_mapfile *mf, const char *path, degloss_error *err);

/* Write `payload` to `path` under the header (atomically: a temporary file
 * renamed into place). */
bool dg_mapfile_write(const char *path, const char *kind, uint32_t version,
                      const void *payload, uint64_t size, degloss_error *err);
/* The same with an index: the first `index_head` bytes of the payload (the
 * kind's head) and `index_len` bytes at `index_off` (its hash tables) are
 * checked at every open. */
bool dg_mapfile_write_indexed(const char *path, const char *kind, uint32_t version,
                              const void *payload, uint64_t size, uint32_t index_head,
                              uint64_t index_off, uint32_t index_len, degloss_error *err);

/* Tests and fuzzers: recompute both checksums of a whole data file in memory
 * (header included) after changing it, so that opening it reaches the
 * structural checks behind them.  false when the header's index is out of
 * bounds. */
bool dg_mapfile_reseal(unsigned char *file, size_t len);

#endif
