/* The engine's lifecycle: open the lexicon, the morphology and the multiword
 * list from the data directory (errors name the file), make a worker's
 * engine that borrows the base engine's read-only data, and free them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gloss_internal.h"
#include "governed.h"
#include "ordinal.h"
#include "subjects.h"
#include "memo.h"

/* The type memo's byte budget (memo.h): the forms of a long corpus are
 * mostly repeats, its rare words are computed each time once it is full. */
#define S_MEMO_BYTES ((size_t)48 << 20)

#ifndef DEGLOSS_DEFAULT_HUNSPELL_DIR
#define DEGLOSS_DEFAULT_HUNSPELL_DIR "/usr/share/hunspell"
#endif

static bool S_known(void *ctx, const char *word) { return dg_lexicon_contains(ctx, word); }

/* A place for the morphology: a lemma with a name's sense (names.tsv:
 * Polen = Poland). */
static bool S_place(void *ctx, const char *lemma) {
  dg_sense sv[1];
  return dg_lexicon_senses(ctx, lemma, "PROPN", sv, 1) > 0;
}

/* Make sure a data-file error names the file. */
static void S_name_file(degloss_error *err, const char *path) {
  if (!err || !path || strstr(err->text, path)) return;
  char text[DEGLOSS_ERROR_TEXT_LENGTH];
  snprintf(text, sizeof text, "%.120s: %.130s", path, err->text);
  memcpy(err->text, text, sizeof text);
}

dg_engine *dg_engine_new(const dg_engine_opts *o, degloss_error *err) {
  dg_engine_opts none = {0};
  if (!o) o = &none;
  const char *dir = o->data_dir && *o->data_dir ? o->data_dir : degloss_data_dir();
  dg_engine *e = dg_xcalloc(1, sizeof *e);
  e->data_dir = dg_xstrdup(dir);
  char *lexpath = dg_path_join(dir, DG_LEXICON_FILE);
  e->lex = dg_lexicon_open(lexpath, err);
  if (!e->lex) S_name_file(err, lexpath);
  free(lexpath);
  if (!e->lex) goto fail;
  char hbase[4096];
  if (o->hunspell_base && *o->hunspell_base)
    snprintf(hbase, sizeof hbase, "%s", o->hunspell_base);
  else
    snprintf(hbase, sizeof hbase, "%s/%s", DEGLOSS_DEFAULT_HUNSPELL_DIR, o->dict && *o->dict ? o->dict : "de_DE");
  e->hbase = dg_xstrdup(hbase);
  e->morph = dg_morph_open(dir, hbase, err);
  if (!e->morph) {
    /* Name the data file or the hunspell base the morphology wanted. */
    if (err && err->source[0]) {
      S_name_file(err, err->source); /* the file the error is about */
    } else if (err && !strstr(err->text, hbase) && !strstr(err->text, "degloss.morph")) {
      char *mp = dg_path_join(dir, "degloss.morph");
      S_name_file(err, access(mp, R_OK) == 0 ? hbase : mp);
      free(mp);
    }
    goto fail;
  }
  dg_morph_set_known(e->morph, S_known, e->lex);
  dg_morph_set_place(e->morph, S_place, e->lex);
  e->memo = dg_gl_memo_new(S_MEMO_BYTES);
  char *mwepath = dg_path_join(dir, "mwe.tsv");
  e->mwes = dg_mwe_list_load(mwepath, err);
  free(mwepath);
  if (!e->mwes) goto fail;
  char *subjpath = dg_path_join(dir, "subjects.tsv");
  e->subjects = dg_subjects_load(subjpath, err);
  free(subjpath);
  if (!e->subjects) goto fail;
  char *govpath = dg_path_join(dir, "governed-prepositions.tsv");
  e->governed = dg_governed_load(govpath, err);
  free(govpath);
  if (!e->governed) goto fail;
  char *ordpath = dg_path_join(dir, "ordinal-stems.tsv");
  e->ordinal_stems = dg_ordinal_stems_load(ordpath, err);
  free(ordpath);
  if (!e->ordinal_stems) goto fail;
  e->subject_forced = -1;
  e->subject_last = -1;
  if (!dg_engine_set_subject(e, o->subject, err)) goto fail;
  for (size_t i = 0; i < o->nglossaries; i++)
    if (!dg_lexicon_add_glossary(e->lex, o->glossaries[i], err)) {
      /* The user's own file: a configuration error, not broken data. */
      S_name_file(err, o->glossaries[i]);
      if (err) err->code = DEGLOSS_ERR_CONFIG;
      goto fail;
    }
  return e;
fail:
  dg_engine_free(e);
  return NULL;
}

bool dg_engine_set_subject(dg_engine *e, const char *name, degloss_error *err) {
  if (!name || !*name) {
    e->subject_forced = -1;
    return true;
  }
  int k = dg_subjects_find(e->subjects, name);
  if (k < 0) {
    dg_error_set(err, DEGLOSS_ERR_CONFIG, "", 0, 0, -1, "unknown subject '%s' (known: %s)", name,
                 dg_subjects_names(e->subjects));
    return false;
  }
  e->subject_forced = k;
  return true;
}

size_t dg_engine_subject_count(const dg_engine *e) { return dg_subjects_count(e->subjects); }

const char *dg_engine_subject_name(const dg_engine *e, size_t k) {
  return k < dg_subjects_count(e->subjects) ? dg_subjects_name(e->subjects, k) : NULL;
}

dg_engine *dg_engine_new_worker(dg_engine *base, degloss_error *err) {
  dg_engine *e = dg_xcalloc(1, sizeof *e);
  e->borrowed = true;
  e->lex = base->lex;
  e->mwes = base->mwes;
  e->subjects = base->subjects;
  e->governed = base->governed;
  e->ordinal_stems = base->ordinal_stems;
  e->subject_forced = base->subject_forced;
  e->memo = base->memo; /* one memo for every thread */
  e->data_dir = dg_xstrdup(base->data_dir);
  e->hbase = dg_xstrdup(base->hbase);
  e->morph = dg_morph_open_worker(base->morph);
  dg_morph_set_known(e->morph, S_known, e->lex);
  dg_morph_set_place(e->morph, S_place, e->lex);
  return e;
}

void dg_engine_free(dg_engine *e) {
  if (!e) return;
  if (e->mwes && !e->borrowed) dg_mwe_list_free(e->mwes);
  if (e->subjects && !e->borrowed) dg_subjects_free(e->subjects);
  if (e->governed && !e->borrowed) dg_governed_free(e->governed);
  if (e->ordinal_stems && !e->borrowed) dg_ordinal_stems_free(e->ordinal_stems);
  dg_gl_pcache_free(e->pcache);
  free(e->shown);
  free(e->spare);
  if (!e->borrowed) dg_gl_memo_free(e->memo);
  if (e->morph) dg_morph_close(e->morph);
  if (e->lex && !e->borrowed) dg_lexicon_close(e->lex);
  free(e->data_dir);
  free(e->hbase);
  free(e);
}
