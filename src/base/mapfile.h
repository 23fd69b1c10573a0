/* Memory-mapped data files: one container format for every compiled data
 * file degloss reads at run time (the lexicon, the morphology tables).
 *
 * Layout: a 64-byte header, then the payload.
 *   magic[8]      "DGLSDATA"
 *   kind[8]       what the payload is, e.g. "LEXICON\0"
 *   version u32   payload format version of that kind
 *   reserved u32
 *   size u64      payload size in bytes
 *   checksum u64  dg_hash64 of the payload
 *   pad to 64 bytes (zero)
 * All integers little-endian.  Opening checks magic, kind, version, size and
 * checksum, so a truncated or corrupted file is an error naming the file,
 * never a crash.  The payload is 8-byte aligned in memory.
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
} dg_mapfile;

/* Map `path` and check it holds a payload of `kind` (at most 8 bytes) and
 * `version`.  `verify_checksum` reads the whole payload once; callers that
 * must start fast may skip it and verify later.  Returns false and fills
 * `err` on failure. */
bool dg_mapfile_open(dg_mapfile *mf, const char *path, const char *kind, uint32_t version,
                     bool verify_checksum, degloss_error *err);
void dg_mapfile_close(dg_mapfile *mf);

/* Check the payload against the header's checksum (reads the whole payload).
 * `path` names the file in the message. */
bool dg_mapfile_verify(const dg_mapfile *mf, const char *path, degloss_error *err);

/* Write `payload` to `path` under the header (atomically: a temporary file
 * renamed into place). */
bool dg_mapfile_write(const char *path, const char *kind, uint32_t version,
                      const void *payload, uint64_t size, degloss_error *err);

#endif
