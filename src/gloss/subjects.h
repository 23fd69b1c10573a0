/* The subjects of documents (dictionaries/subjects.tsv): each subject's Ding
 * field labels and the senses it gives words whose subject sense Ding does
 * not label.  Read once per engine; read-only afterwards (shared with the
 * workers' engines).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_GLOSS_SUBJECTS_H
#define DG_GLOSS_SUBJECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "degloss.h"

typedef struct dg_subjects dg_subjects;

/* Read the table; NULL with err set (naming the file) when it cannot be
 * read; a missing file is an empty table. */
dg_subjects *dg_subjects_load(const char *path, degloss_error *err);
void dg_subjects_free(dg_subjects *t);

/* Number of subjects, the name of subject k, the index of a name or -1. */
size_t dg_subjects_count(const dg_subjects *t);
const char *dg_subjects_name(const dg_subjects *t, size_t k);
int dg_subjects_find(const dg_subjects *t, const char *name);
/* Every name, comma-separated, for a message ("software, law, ..."). */
const char *dg_subjects_names(const dg_subjects *t);

/* The subjects (bit k: subject k, k < 32) that have field (a Ding label
 * such as "comp."), and that give lemma a sense of their own. */
unsigned dg_subjects_field_mask(const dg_subjects *t, const char *field);
unsigned dg_subjects_word_mask(const dg_subjects *t, const char *lemma);
/* Is field (a Ding label such as "comp.") one of subject k's? */
bool dg_subjects_has_field(const dg_subjects *t, size_t k, const char *field);
/* The sense subject k gives lemma with pos, or NULL. */
const char *dg_subjects_sense(const dg_subjects *t, size_t k, const char *lemma, const char *pos);

#endif
