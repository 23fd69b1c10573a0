/* Reader of the compiled morphology file (see morph_data.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "morph_data.h"

#include <string.h>

#include "util.h"

static const char *const S_pos_names[DG_POS_COUNT] = {
    "X", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "DET", "PRON",
    "ADP", "CCONJ", "SCONJ", "PART", "NUM", "INTJ", "PUNCT", "SYM"};

const char *dg_pos_name(int pos) {
  return (pos >= 0 && pos < DG_POS_COUNT) ? S_pos_names[pos] : "X";
}

int dg_pos_code(const char *name) {
  for (int i = 0; i < DG_POS_COUNT; i++)
    if (strcmp(S_pos_names[i], name) == 0) return i;
  return DG_POS_X;
}

static bool S_fits(uint64_t off, uint64_t n, uint64_t size, uint64_t elem) {
  return off % 8 == 0 && off <= size && (size - off) / elem >= n;
}

/* Every record of the file stays inside it: the keys in the table,
 * analyses, lemmas and the closed-class word list. */
static bool S_records_ok(const dg_morph_data *d) {
  const dg_morph_header *h = d->hdr;
  for (uint32_t i = 0; i < h->nclass; i++) {
    const dg_morph_class *c = &d->classes[i];
    if (c->word >= h->nstr || c->len != strlen(d->str + c->word)) return false;
  }
  for (uint32_t i = 0; i < h->nslots; i++) {
    const dg_morph_key *k = &d->table[i];
    if (!k->form) continue;
    if (k->form >= h->nstr || k->first > h->nanal || k->count > h->nanal - k->first) return false;
  }
  for (uint32_t i = 0; i < h->nanal; i++) {
    const dg_morph_anal *a = &d->anal[i];
    if (a->lemma >= h->nlemmas || a->feats >= h->nstr || a->leipzig >= h->nstr || a->pos >= DG_POS_COUNT)
      return false;
  }
  for (uint32_t i = 0; i < h->nlemmas; i++) {
    const dg_morph_lemma *l = &d->lemmas[i];
    if (l->str >= h->nstr || l->pos >= DG_POS_COUNT || l->particle > strlen(d->str + l->str)) return false;
  }
  return true;
}

bool dg_morph_data_open(dg_morph_data *d, const char *path, degloss_error *err) {
  memset(d, 0, sizeof *d);
  /* The container checks the header and the hash table's checksum; the
   * whole file's checksum (35 MB) is left to --check-data.  The arrays'
   * bounds are checked below and every index a look-up follows when it
   * follows it, so no lookup reads out of bounds. */
  if (!dg_mapfile_open(&d->mf, path, DG_MORPH_KIND, DG_MORPH_VERSION, false, err)) return false;
  const unsigned char *p = d->mf.payload;
  uint64_t size = d->mf.size;
  if (size < sizeof(dg_morph_header)) goto bad;
  d->hdr = (const dg_morph_header *)p;
  const dg_morph_header *h = d->hdr;
  if (h->nslots == 0 || (h->nslots & (h->nslots - 1)) != 0 || h->nslots <= h->nkeys) goto bad;
  if (!S_fits(h->off_table, h->nslots, size, sizeof(dg_morph_key)) ||
      !S_fits(h->off_anal, h->nanal, size, sizeof(dg_morph_anal)) ||
      !S_fits(h->off_lemmas, h->nlemmas, size, sizeof(dg_morph_lemma)) ||
      !S_fits(h->off_str, h->nstr, size, 1) || h->nstr == 0 ||
      !S_fits(h->off_class, h->nclass, size, sizeof(dg_morph_class)))
    goto bad;
  d->table = (const dg_morph_key *)(p + h->off_table);
  d->anal = (const dg_morph_anal *)(p + h->off_anal);
  d->lemmas = (const dg_morph_lemma *)(p + h->off_lemmas);
  d->str = (const char *)(p + h->off_str);
  d->classes = (const dg_morph_class *)(p + h->off_class);
  if (h->nfilter) {
    if ((h->nfilter & (h->nfilter - 1)) != 0 || !S_fits(h->off_filter, h->nfilter, size, sizeof(uint64_t)))
      goto bad;
    d->filter = (const uint64_t *)(p + h->off_filter);
  }
  if (d->str[h->nstr - 1] != '\0') goto bad;
  /* The records are checked once per file: a file that passed (remembered
   * by dg_mapfile_remember's stamp) skips them, and every index a look-up
   * follows is checked again when it follows it (S_key_ok), so no look-up
   * reads out of bounds even in a file damaged since. */
  if (d->mf.known) return true;
  if (!S_records_ok(d)) goto bad;
  dg_mapfile_remember(&d->mf);
  return true;
bad:
  dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, -1, "inconsistent morphology tables");
  dg_mapfile_close(&d->mf);
  memset(d, 0, sizeof *d);
  return false;
}

bool dg_morph_data_check(const dg_morph_data *d, const char *path, degloss_error *err) {
  if (S_records_ok(d)) return true;
  dg_error_set(err, DEGLOSS_ERR_FORMAT, path, 0, 0, -1, "inconsistent morphology tables");
  return false;
}

void dg_morph_data_close(dg_morph_data *d) {
  if (d->hdr) dg_mapfile_close(&d->mf);
  memset(d, 0, sizeof *d);
}

const dg_morph_key *dg_morph_data_find(const dg_morph_data *d, const char *form, size_t n) {
  return d->hdr ? dg_morph_data_find_h(d, form, n, dg_hash64(form, n, 0)) : NULL;
}

/* Does key record k (of a form of n bytes) stay inside the file, with its
 * analyses and their lemmas?  A damaged record is no entry. */
static bool S_key_ok(const dg_morph_data *d, const dg_morph_key *k) {
  const dg_morph_header *h = d->hdr;
  if (k->first > h->nanal || k->count > h->nanal - k->first) return false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &d->anal[k->first + i];
    if (a->lemma >= h->nlemmas || a->feats >= h->nstr || a->leipzig >= h->nstr || a->pos >= DG_POS_COUNT)
      return false;
    const dg_morph_lemma *l = &d->lemmas[a->lemma];
    if (l->str >= h->nstr || l->pos >= DG_POS_COUNT || (l->particle && l->particle > strlen(d->str + l->str)))
      return false;
  }
  return true;
}

const dg_morph_key *dg_morph_data_find_h(const dg_morph_data *d, const char *form, size_t n, uint64_t h) {
  if (!d->hdr) return NULL;
  uint32_t mask = d->hdr->nslots - 1;
  uint32_t i = (uint32_t)h & mask, tag = (uint32_t)(h >> 32);
  /* (the slot is fetched while the filter word is: a form the filter
   * passes waits for one miss, not two in a row) */
  __builtin_prefetch(&d->table[i]);
  if (!dg_morph_data_may_have(d, h)) return NULL;
  /* at most every slot once: a damaged table may have no empty slot */
  for (uint32_t probes = 0; probes <= mask; probes++) {
    const dg_morph_key *key = &d->table[i];
    if (!key->form) return NULL;
    if (key->tag == tag && key->form < d->hdr->nstr && n < d->hdr->nstr - key->form) {
      /* (the form and its NUL inside the strings; its analyses are
       * fetched while the form is compared) */
      if (key->first < d->hdr->nanal) __builtin_prefetch(&d->anal[key->first]);
      const char *s = d->str + key->form;
      if (memcmp(s, form, n) == 0 && s[n] == '\0') return S_key_ok(d, key) ? key : NULL;
    }
    i = (i + 1) & mask;
  }
  return NULL;
}

uint32_t dg_morph_key_readings(const dg_morph_data *d, const dg_morph_key *k) {
  uint32_t c = 0;
  for (uint32_t i = 0; k && i < k->count; i++) c += !(d->lemmas[d->anal[k->first + i].lemma].flags & DG_LF_DING);
  return c;
}
