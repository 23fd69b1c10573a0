/* dg_compound_split: a word into the segments the splitter searches one
 * by one (compound.c), cut at hyphens and where a capital follows small
 * letters inside the word (NatoVertrag), and the splits kept per word.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "compound_internal.h"
#include "morph_text.h"

#include <utf8proc.h>

/* Does a new segment start at j (a capital after at least three letters
 * of which the last is small, followed by at least two small letters)?
 * NatoVertrag, LöwenTurnier; not McAusland, SmILE, BesVNG. */
static bool S_camel_break(const char *w, size_t start, size_t j, size_t n) {
  int32_t c, prev = 0;
  unsigned char b = (unsigned char)w[j];
  if (b < 0x80 && !(b >= 'A' && b <= 'Z')) return false; /* (ASCII: no table) */
  dg_utf8_next(w + j, n - j, &c);
  if (!utf8proc_isupper(c)) return false;
  size_t letters = 0;
  for (size_t k = start; k < j;) {
    k += dg_utf8_next(w + k, j - k, &prev);
    letters++;
  }
  if (letters < 3 || !utf8proc_islower(prev)) return false;
  size_t k = j + dg_utf8_next(w + j, n - j, &c), small = 0;
  while (k < n && small < 2) {
    k += dg_utf8_next(w + k, n - k, &c);
    if (!utf8proc_islower(c)) break;
    small++;
  }
  /* The "Binnen-I" of gender-fair plurals is a suffix, no segment:
   * LehrerInnen, BürgerIn. */
  if (w[j] == 'I') {
    size_t e = j + 1;
    while (e < n && w[e] >= 'a' && w[e] <= 'z') e++;
    if ((e - j == 2 && !memcmp(w + j, "In", 2)) || (e - j == 5 && !memcmp(w + j, "Innen", 5)))
      return false;
  }
  return small >= 2;
}

size_t dg_compound_split(dg_morph *m, const char *word, dg_part *out, size_t max) {
  if (!m || !word || !*word) return 0;
  size_t n = strlen(word);
  uint64_t h = dg_cache_hash(word, n);
  dg_cache_slot *slot = dg_cache_find(&m->split_cache, word, n, h);
  if (!slot) {
    dg_part parts[DG_COMPOUND_MAX_PARTS];
    size_t np = 0;
    size_t i = 0;
    while (i < n && np < DG_COMPOUND_MAX_PARTS) {
      /* Segments end at hyphens and where a capital follows a small
       * letter inside the word (NatoVertrag, BerlinaleJuryMitglieder). */
      size_t j = i;
      while (j < n && word[j] != '-') {
        if (j > i && S_camel_break(word, i, j, n)) break;
        int32_t c;
        j += dg_utf8_next(word + j, n - j, &c);
      }
      if (j > i) {
        bool last = j >= n;
        np += dg_cmp_split_segment(m, word, i, j, last, parts + np, DG_COMPOUND_MAX_PARTS - np);
      }
      i = j < n && word[j] == '-' ? j + 1 : j;
    }
    if (np == 0) {
      /* Nothing but hyphens: the word is its own part. */
      parts[0].form = parts[0].lemma = dg_morph_intern(m, word, n);
      parts[0].kind = DG_PART_STEM;
      parts[0].start = 0;
      parts[0].end = (unsigned)n;
      np = 1;
    }
    if (m->split_cache.n >= DG_MORPH_CACHE_MAX) dg_cache_clear(&m->split_cache);
    slot = dg_cache_insert(&m->split_cache, word, n, h, parts, np * sizeof *parts, np);
  }
  size_t cnt = slot->count < max ? slot->count : max;
  if (out && cnt) memcpy(out, slot->value, cnt * sizeof *out);
  return slot->count < max ? slot->count : max;
}
