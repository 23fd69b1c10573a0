/* Helpers shared by the fuzz harnesses in tests/fuzz/: a quiet warnings
 * sink, a private scratch directory, and private patched copies of data
 * files.  Every harness defines LLVMFuzzerTestOneInput; built with
 * -DDEGLOSS_FUZZ=ON it is a libFuzzer target, otherwise replay_main.c runs
 * it once on each file named (the ctest replay of corpora and regressions).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_FUZZ_H
#define DG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Discard warnings: fuzz input causes plenty, and printing them slows the
 * fuzzer and floods its log).  The calling thread's innermost warning scope
 * from then on. */
void dg_fuzz_quiet(void);

/* A directory of this process's own under $TMPDIR (made on first use,
 * removed with its contents at exit). */
const char *dg_fuzz_dir(void);

/* Write data[0..size) to dg_fuzz_dir()/name; the file's path (valid until
 * the next call). */
const char *dg_fuzz_write(const char *name, const void *data, size_t size);

/* A private copy of the data file `src` (read once; the real file is never
 * written) at dg_fuzz_dir()/name, patched with the fuzzer's bytes read as
 * records of 5 bytes: a little-endian u32 offset and a byte value.  An
 * offset with the top bit set patches the first 256 bytes (the headers),
 * any other offset is taken modulo the file size.  Then the index checksum
 * of the container (src/base/mapfile.h) is made to match again, unless the
 * input is no whole number of records, so that damage behind it is reached
 * too.  Returns the copy's path; dg_fuzz_unpatch() puts the original bytes
 * back. */
const char *dg_fuzz_patch(const char *src, const char *name, const uint8_t *data, size_t size);
void dg_fuzz_unpatch(void);

#endif
