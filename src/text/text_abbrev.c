/* The abbreviation table (dictionaries/text-abbreviations.tsv, compiled into the program).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <string.h>

#include "text_internal.h"

typedef struct {
  const char *key;    /* without spaces: "z.B." */
  size_t len;         /* its length in bytes */
  const char *text;   /* as usually written: "z. B." */
  int may_end;
} S_abbrev;

static const S_abbrev S_table[] = {
#include "text_abbrev.inc"
};

/* (Most steps of the search differ in the first byte: that one is
 * compared here, memcmp's order, without the call.) */
static int S_cmp(const char *a, size_t alen, const char *b, size_t blen) {
  if (alen && blen && a[0] != b[0]) return (unsigned char)a[0] < (unsigned char)b[0] ? -1 : 1;
  int c = memcmp(a, b, alen < blen ? alen : blen);
  return c ? c : (alen > blen) - (alen < blen);
}

/* Most words asked about are the last of a sentence with its full stop
 * ("Jahr."), which the table does not hold: a bit for each key, set by its
 * length, its first byte and the byte before its last full stop, turns
 * nearly all of them away before the search (147 keys in 4,096 bits).
 * Built once, on the first question. */
#define S_FILTER_BITS 4096u
static uint64_t S_filter[S_FILTER_BITS / 64];
static pthread_once_t S_filter_once = PTHREAD_ONCE_INIT;

static unsigned S_filter_bit(const char *key, size_t len) {
  unsigned first = (unsigned char)key[0], last = (unsigned char)key[len - 2];
  return (first * 61u + last * 7u + (unsigned)len * 1031u) % S_FILTER_BITS;
}

static void S_filter_init(void) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_table); i++)
    if (S_table[i].len >= 2) {
      unsigned b = S_filter_bit(S_table[i].key, S_table[i].len);
      S_filter[b / 64] |= (uint64_t)1 << (b % 64);
    }
}

bool dg_text_abbrev(const char *key, size_t len, bool *may_end) {
  pthread_once(&S_filter_once, S_filter_init);
  if (len >= 2) { /* (shorter keys: every one is searched) */
    unsigned b = S_filter_bit(key, len);
    if (!(S_filter[b / 64] >> (b % 64) & 1)) return false;
  }
  size_t lo = 0, hi = DG_ARRAY_LEN(S_table);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = S_cmp(S_table[mid].key, S_table[mid].len, key, len);
    if (c == 0) {
      if (may_end) *may_end = S_table[mid].may_end != 0;
      return true;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

size_t dg_text_abbrev_count(void) { return DG_ARRAY_LEN(S_table); }

const char *dg_text_abbrev_at(size_t i, const char **written) {
  if (i >= DG_ARRAY_LEN(S_table)) return NULL;
  if (written) *written = S_table[i].text;
  return S_table[i].key;
}
