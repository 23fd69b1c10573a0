/* A crude English stemmer for matching dictionary glosses against English
 * text: lower-cases (ASCII) and strips -ies/-ing/-ed/-es/-s, a final e and a
 * doubled final consonant ("stopped" -> "stop", "agencies" -> "agency",
 * "believes" -> "believ").  Used by the lexicon compiler (parallel-text
 * evidence, tools/dgcompile/dgcompile_rank.c) and the held-out benchmark
 * (bench/lexicon-heldout.c), which must stem alike, and by the alignment of
 * glosses with a sentence's translation (src/gloss/align.c).  The compiler
 * links this copy of the library's source.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_EN_STEM_H
#define DG_EN_STEM_H

#include <stddef.h>

/* Write the stem of `word` to `out` (at most outsz-1 bytes and a NUL;
 * outsz >= 1). */
void dg_en_stem(const char *word, char *out, size_t outsz);

#endif
