/* The prepositions words govern (dictionaries/governed-prepositions.tsv):
 * "sprechen über" is speak about, "Hoffnung auf" hope for; and the sense
 * a verb takes from its preposition ("stimmen gegen" is vote against).  Read once per
 * engine; read-only afterwards (shared with the workers' engines).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_GOVERNED_H
#define DG_GLOSS_GOVERNED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "degloss.h"

typedef struct dg_governed dg_governed;

/* Read the table; NULL with err set (naming the file) when it cannot be
 * read; a missing file is an empty table.  A bad row is a warning naming
 * file:line and is left out. */
dg_governed *dg_governed_load(const char *path, degloss_error *err);
void dg_governed_free(dg_governed *t);
size_t dg_governed_count(const dg_governed *t);

/* The English of preposition `prep` (lower case) governed by `lemma`, or
 * NULL; *gov_case gets the case it governs then ("ACC", "DAT") or "" when
 * the table gives none. */
const char *dg_governed_gloss(const dg_governed *t, const char *lemma, const char *prep, const char **gov_case);

/* The same, with the lemma's key (dg_governed_may) made once for a lemma
 * asked about with several prepositions. */
const char *dg_governed_gloss_by(const dg_governed *t, const char *lemma, uint64_t key, const char *prep,
                                 const char **gov_case);

/* dg_governed_gloss of the governor NOUN, the row for any common noun
 * (its key made once, with the table). */
const char *dg_governed_noun_gloss(const dg_governed *t, const char *prep, const char **gov_case);

/* What `lemma` may be (0: it governs no preposition), with its key in
 * *key when it is not empty:
 * DG_GOVERNED_MAY_GOVERN, some row's governor (the gloss may be found);
 * DG_GOVERNED_MAY_SENSE, it may take a sense of its own from a preposition
 * (not set: no row with a fifth column has it as governor; set: a row may
 * still be found for none).  Told by a bit set of the keys: the lemma
 * itself is not compared. */
enum { DG_GOVERNED_MAY_GOVERN = 1u, DG_GOVERNED_MAY_SENSE = 2u };
unsigned dg_governed_may(const dg_governed *t, const char *lemma, uint64_t *key);
/* The sense `lemma` takes with preposition `prep` ("stimmen gegen": vote,
 * not be right; the table's fifth column), or NULL. */
const char *dg_governed_sense(const dg_governed *t, const char *lemma, const char *prep);

#endif
