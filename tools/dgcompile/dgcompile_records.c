/* The lexicon being built: senses, forms and phrases added once each (the
 * maps of dgcompile_util.c find duplicates), for the readers of Ding
 * (dgcompile_ding.c) and of the curated files (dgcompile.c) alike.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "util.h"

dgc_sense *dgc_sense_get(dgc_lex *lx, const char *lemma, const char *pos, const char *gloss,
                         bool *fresh) {
  dg_buf k;
  dg_buf_init(&k);
  dg_buf_printf(&k, "%s\t%s\t%s", lemma, pos, gloss);
  int *v = dgc_map_put(&lx->sense_index, k.data, (int)lx->n_senses, fresh);
  dg_buf_free(&k);
  if (!*fresh) return &lx->senses[*v];
  DGC_GROW(lx->senses, lx->n_senses, lx->cap_senses);
  dgc_sense *s = &lx->senses[lx->n_senses++];
  memset(s, 0, sizeof *s);
  s->lemma = dgc_strdup(lemma);
  s->pos = dgc_strdup(pos);
  s->gloss = dgc_strdup(gloss);
  s->gender = s->domains = s->labels = s->source = "";
  s->sub = 99;
  s->jde = s->ken = 99;
  return s;
}

void dgc_form_add(dgc_lex *lx, const char *form, const char *lemma) {
  dg_buf k;
  dg_buf_init(&k);
  dg_buf_printf(&k, "%s\t%s", form, lemma);
  bool fresh;
  dgc_map_put(&lx->form_index, k.data, 0, &fresh);
  dg_buf_free(&k);
  if (!fresh) return;
  DGC_GROW(lx->forms, lx->n_forms, lx->cap_forms);
  lx->forms[lx->n_forms].form = dgc_strdup(form);
  lx->forms[lx->n_forms].lemma = dgc_strdup(lemma);
  lx->n_forms++;
}

void dgc_phrase_add(dgc_lex *lx, const char *german, const char *gloss, const char *source) {
  dg_buf k;
  dg_buf_init(&k);
  dg_buf_printf(&k, "%s\t%s", german, gloss);
  bool fresh;
  dgc_map_put(&lx->phrase_index, k.data, 0, &fresh);
  dg_buf_free(&k);
  DGC_GROW(lx->phrases, lx->n_phrases, lx->cap_phrases);
  dgc_phrase *p = &lx->phrases[lx->n_phrases++];
  p->key = "";
  p->key_word = NULL;
  p->german = dgc_strdup(german);
  p->gloss = dgc_strdup(gloss);
  p->source = dgc_strdup(source);
  if (!fresh) p->key = NULL; /* duplicate: dropped at output */
}

void dgc_phrase_add_key(dgc_lex *lx, size_t i, const char *key_word) {
  if (i >= lx->n_phrases || !lx->phrases[i].key) return;
  DGC_GROW(lx->phrases, lx->n_phrases, lx->cap_phrases);
  dgc_phrase *p = &lx->phrases[lx->n_phrases];
  *p = lx->phrases[i];
  p->key = "";
  p->key_word = dgc_strdup(key_word);
  lx->n_phrases++;
}

