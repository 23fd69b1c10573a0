/* The morphology handle: data, hunspell, caches, and the small queries
 * (is_verb, is_known).  Analysis is in morph_analyze.c, compounds in
 * compound.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph_internal.h"
#include "morph_text.h"

/* ---- arena ---- */

struct dg_arena_block {
  dg_arena_block *next;
  size_t used, cap;
  char data[];
};

/* n bytes at a multiple of `align` (a power of two up to 8: block data
 * starts 8-byte aligned). */
static void *S_arena_take(dg_arena *a, size_t n, size_t align) {
  dg_arena_block *b = a->head;
  size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
  if (!b || at > b->cap || b->cap - at < n) {
    size_t cap = n > 65536 ? n : 65536;
    b = dg_xmalloc(sizeof *b + cap);
    b->next = a->head;
    b->used = 0;
    b->cap = cap;
    a->head = b;
    at = 0;
  }
  b->used = at + n;
  return b->data + at;
}

const char *dg_arena_strndup(dg_arena *a, const char *s, size_t n) {
  char *p = S_arena_take(a, n + 1, 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void *dg_arena_alloc(dg_arena *a, size_t size) { return S_arena_take(a, size, 8); }

void dg_arena_free(dg_arena *a) {
  while (a->head) {
    dg_arena_block *n = a->head->next;
    free(a->head);
    a->head = n;
  }
}

/* ---- interned strings ---- */

const char *dg_morph_intern(dg_morph *m, const char *s, size_t n) {
  if ((m->iset_n + 1) * 2 > m->iset_slots) {
    /* (the slots are far fewer than 2^32: a hash's low 32 bits place it) */
    size_t ns = m->iset_slots ? m->iset_slots * 2 : 4096;
    const char **t = dg_xcalloc(ns, sizeof *t);
    uint32_t *th = dg_xcalloc(ns, sizeof *th);
    for (size_t i = 0; i < m->iset_slots; i++) {
      const char *x = m->iset[i];
      if (!x) continue;
      size_t j = m->iset_hash[i] & (ns - 1);
      while (t[j]) j = (j + 1) & (ns - 1);
      t[j] = x;
      th[j] = m->iset_hash[i];
    }
    free(m->iset);
    free(m->iset_hash);
    m->iset = t;
    m->iset_hash = th;
    m->iset_slots = ns;
  }
  uint32_t h = (uint32_t)dg_morph_hash(s, n, 3);
  size_t j = h & (m->iset_slots - 1);
  while (m->iset[j]) {
    const char *x = m->iset[j];
    if (m->iset_hash[j] == h && strncmp(x, s, n) == 0 && x[n] == '\0') return x;
    j = (j + 1) & (m->iset_slots - 1);
  }
  const char *x = dg_arena_strndup(&m->arena, s, n);
  m->iset[j] = x;
  m->iset_hash[j] = h;
  m->iset_n++;
  return x;
}

/* ---- cache ---- */

/* The tag of a hash: its high half, never 0 (0 marks an empty slot). */
static uint32_t S_cache_tag(uint64_t hash) { return (uint32_t)(hash >> 32) | 1u; }

dg_cache_slot *dg_cache_find(dg_cache *c, const char *key, size_t n, uint64_t hash) {
  if (!c->nslots) return NULL;
  uint32_t tag = S_cache_tag(hash);
  size_t i = (size_t)hash & (c->nslots - 1);
  for (;;) {
    uint32_t t = c->tags[i];
    if (!t) return NULL;
    if (t == tag) {
      dg_cache_slot *s = &c->slots[i];
      if (s->hash == hash && s->keylen == n && memcmp(s->key, key, n) == 0) return s;
    }
    i = (i + 1) & (c->nslots - 1);
  }
}

static void S_cache_grow(dg_cache *c) {
  size_t n = c->nslots ? c->nslots * 2 : 1024;
  dg_cache_slot *t = dg_xmalloc(n * sizeof *t);
  uint32_t *tags = dg_xcalloc(n, sizeof *tags);
  for (size_t i = 0; i < c->nslots; i++) {
    if (!c->tags[i]) continue;
    size_t j = (size_t)c->slots[i].hash & (n - 1);
    while (tags[j]) j = (j + 1) & (n - 1);
    t[j] = c->slots[i];
    tags[j] = c->tags[i];
  }
  free(c->slots);
  free(c->tags);
  c->slots = t;
  c->tags = tags;
  c->nslots = n;
}

dg_cache_slot *dg_cache_insert(dg_cache *c, const char *key, size_t n, uint64_t hash, const void *value,
                               size_t size, size_t count) {
  if ((c->n + 1) * 2 > c->nslots) S_cache_grow(c);
  size_t i = (size_t)hash & (c->nslots - 1);
  while (c->tags[i]) i = (i + 1) & (c->nslots - 1);
  c->tags[i] = S_cache_tag(hash);
  dg_cache_slot *s = &c->slots[i];
  s->key = dg_arena_strndup(&c->mem, key, n);
  s->keylen = n;
  s->hash = hash;
  void *v = NULL;
  if (size) {
    v = dg_arena_alloc(&c->mem, size);
    memcpy(v, value, size);
  }
  s->value = v;
  s->count = count;
  c->n++;
  return s;
}

void dg_cache_clear(dg_cache *c) {
  free(c->slots);
  free(c->tags);
  dg_arena_free(&c->mem);
  memset(c, 0, sizeof *c);
}

/* ---- hunspell ---- */

/* UTF-8 -> ISO-8859-1 (false when a character does not fit) and back. */
static bool S_to_latin1(dg_buf *out, const char *s) {
  size_t n = strlen(s), i = 0;
  while (i < n) {
    int32_t c;
    i += dg_utf8_next(s + i, n - i, &c);
    if (c > 255 || c == 0) return false;
    dg_buf_putc(out, (char)c);
  }
  return true;
}

static void S_from_latin1(dg_buf *out, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x80) dg_buf_putc(out, (char)c);
    else {
      dg_buf_putc(out, (char)(0xC0 | (c >> 6)));
      dg_buf_putc(out, (char)(0x80 | (c & 0x3F)));
    }
  }
}

/* Hunspell keeps one process-wide UTF-8 table with an unlocked reference
 * count, set up by Hunspell_create and released by Hunspell_destroy; worker
 * threads that create or destroy their instances at the same moment race on
 * it (a leaked or twice-freed table).  Both calls go through this lock. */
static pthread_mutex_t S_hs_lock = PTHREAD_MUTEX_INITIALIZER;

/* Hunspell parses its whole .dic when created (a large share of start-up),
 * so it is created when a word first needs it.  Worker handles share their
 * base handle's instance (12 MB each otherwise); every call goes through the
 * owner's lock (called only for forms the tables and caches do not know). */
static dg_morph *S_hs_owner(dg_morph *m) { return m->hs_owner ? m->hs_owner : m; }

/* Hunspell answers kept per handle (morph.c's dg_morph_hs_spell). */
#define S_HS_CACHE_MAX (1u << 16)

static Hunhandle *S_hs_locked(dg_morph *o) {
  if (!o->hs && !o->hs_failed && o->hs_aff) {
    pthread_mutex_lock(&S_hs_lock);
    o->hs = Hunspell_create(o->hs_aff, o->hs_dic);
    pthread_mutex_unlock(&S_hs_lock);
    if (!o->hs) o->hs_failed = true;
  }
  return o->hs;
}

bool dg_morph_hs_spell(dg_morph *m, const char *word) {
  size_t n = strlen(word);
  if (!n || n > 100) return false;
  /* A German spell check with compounding costs tens of thousands of
   * instructions, and a new word asks about the same strings several times
   * (the analysis, the splitter, the name and spelling rules): each handle
   * keeps its answers, up to S_HS_CACHE_MAX strings at a time. */
  uint64_t kh = dg_cache_hash(word, n);
  dg_cache_slot *slot = dg_cache_find(&m->hs_cache, word, n, kh);
  if (slot) return slot->count != 0;
  dg_morph *o = S_hs_owner(m);
  dg_buf b;
  dg_buf_init(&b);
  bool ok = false;
  if (!o->hs_latin1 || S_to_latin1(&b, word)) {
    pthread_mutex_lock(&o->hs_mu);
    /* (a worker first asks what the other workers were told: each new
     * word's parts are asked about by whichever worker meets them) */
    dg_cache_slot *shared = m != o ? dg_cache_find(&o->hs_shared, word, n, kh) : NULL;
    if (shared) ok = shared->count != 0;
    else {
      Hunhandle *h = S_hs_locked(o);
      ok = h && Hunspell_spell(h, o->hs_latin1 ? b.data : word) != 0;
      if (m != o) {
        if (o->hs_shared.n >= S_HS_CACHE_MAX) dg_cache_clear(&o->hs_shared);
        dg_cache_insert(&o->hs_shared, word, n, kh, NULL, 0, ok);
      }
    }
    pthread_mutex_unlock(&o->hs_mu);
  }
  dg_buf_free(&b);
  if (m->hs_cache.n >= S_HS_CACHE_MAX) dg_cache_clear(&m->hs_cache);
  dg_cache_insert(&m->hs_cache, word, n, kh, NULL, 0, ok);
  return ok;
}

const char *dg_morph_hs_stem(dg_morph *m, const char *word) {
  if (!*word || strlen(word) > 100) return NULL;
  dg_morph *o = S_hs_owner(m);
  dg_buf b;
  dg_buf_init(&b);
  const char *w = word;
  if (o->hs_latin1) {
    if (!S_to_latin1(&b, word)) {
      dg_buf_free(&b);
      return NULL;
    }
    w = b.data;
  }
  dg_buf stem; /* the chosen stem, copied out under the lock */
  dg_buf_init(&stem);
  pthread_mutex_lock(&o->hs_mu);
  Hunhandle *h = S_hs_locked(o);
  char **list = NULL;
  int n = h ? Hunspell_stem(h, &list, w) : 0;
  if (n > 0) {
    /* Prefer a stem with the word's own capitalisation. */
    int pick = 0;
    for (int i = 0; i < n; i++)
      if ((list[i][0] & 0x80) == 0 && (word[0] & 0x80) == 0 &&
          ((list[i][0] >= 'A' && list[i][0] <= 'Z') == (word[0] >= 'A' && word[0] <= 'Z'))) {
        pick = i;
        break;
      }
    if (o->hs_latin1) S_from_latin1(&stem, list[pick]);
    else dg_buf_puts(&stem, list[pick]);
  }
  if (list) Hunspell_free_list(h, &list, n);
  pthread_mutex_unlock(&o->hs_mu);
  const char *res = n > 0 ? dg_morph_intern(m, stem.data ? stem.data : "", stem.len) : NULL;
  dg_buf_free(&stem);
  dg_buf_free(&b);
  return res;
}

static bool S_aff_is_latin1(const char *aff) {
  FILE *f = fopen(aff, "r");
  if (!f) return false;
  char line[256];
  bool latin1 = false;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "SET ", 4) == 0) {
      latin1 = strstr(line, "8859-1") != NULL || strstr(line, "8859-15") != NULL;
      break;
    }
  }
  fclose(f);
  return latin1;
}

/* ---- handle ---- */

dg_morph *dg_morph_open(const char *data_dir, const char *hunspell_base, degloss_error *err) {
  if (!data_dir) data_dir = degloss_data_dir();
  dg_morph *m = dg_xcalloc(1, sizeof *m);
  pthread_mutex_init(&m->hs_mu, NULL);
  dg_buf_init(&m->tmp);
  char *path = dg_path_join(data_dir, "degloss.morph");
  bool ok = dg_morph_data_open(&m->data, path, err);
  free(path);
  if (!ok) {
    dg_morph_close(m);
    return NULL;
  }
  dg_morph_classes_init(m);
  dg_buf base;
  dg_buf_init(&base);
  if (hunspell_base) dg_buf_puts(&base, hunspell_base);
  else dg_buf_printf(&base, "%s/de_DE", DEGLOSS_DEFAULT_HUNSPELL_DIR);
  dg_buf aff, dic;
  dg_buf_init(&aff);
  dg_buf_init(&dic);
  dg_buf_printf(&aff, "%s.aff", base.data);
  dg_buf_printf(&dic, "%s.dic", base.data);
  FILE *fa = fopen(aff.data, "r"), *fd = fopen(dic.data, "r");
  if (fa) fclose(fa);
  if (fd) fclose(fd);
  if (!fa || !fd) {
    dg_error_set(err, DEGLOSS_ERR_IO, fa ? dic.data : aff.data, 0, 0, -1,
                 "cannot open the hunspell dictionary");
    ok = false;
  } else {
    m->hs_latin1 = S_aff_is_latin1(aff.data);
    m->hs_aff = dg_xstrdup(aff.data);
    m->hs_dic = dg_xstrdup(dic.data);
  }
  dg_buf_free(&base);
  dg_buf_free(&aff);
  dg_buf_free(&dic);
  if (!ok) {
    dg_morph_close(m);
    return NULL;
  }
  return m;
}

dg_morph *dg_morph_open_worker(const dg_morph *base) {
  dg_morph *m = dg_xcalloc(1, sizeof *m);
  dg_buf_init(&m->tmp);
  /* the mapped tables are read-only: one mapping for every thread (mapping
   * the file again per worker made each touched page count once more) */
  m->data = base->data;
  m->data_borrowed = true;
  dg_morph_classes_init(m);
  m->hs_owner = (dg_morph *)base; /* its hunspell instance, under its lock */
  pthread_mutex_init(&m->hs_mu, NULL);
  return m;
}

void dg_morph_close(dg_morph *m) {
  if (!m) return;
  if (m->hs) {
    pthread_mutex_lock(&S_hs_lock);
    Hunspell_destroy(m->hs);
    pthread_mutex_unlock(&S_hs_lock);
  }
  pthread_mutex_destroy(&m->hs_mu);
  free(m->hs_aff);
  free(m->hs_dic);
  dg_morph_classes_free(m);
  if (!m->data_borrowed) dg_morph_data_close(&m->data);
  dg_cache_clear(&m->an_cache);
  dg_cache_clear(&m->split_cache);
  dg_cache_clear(&m->hs_cache);
  dg_cache_clear(&m->hs_shared);
  dg_feats_cache_free(&m->feats);
  dg_arena_free(&m->arena);
  free(m->iset);
  free(m->iset_hash);
  dg_buf_free(&m->tmp);
  for (size_t d = 0; d < DG_MORPH_WORK_DEPTH; d++)
    for (size_t i = 0; i < 3; i++) dg_buf_free(&m->an_work[d][i]);
  dg_buf_free(&m->cmp_low);
  dg_buf_free(&m->cmp_tmp);
  free(m);
}

void dg_morph_set_known(dg_morph *m, bool (*known)(void *ctx, const char *word), void *ctx) {
  m->known = known;
  m->known_ctx = ctx;
  dg_cache_clear(&m->an_cache);
  dg_cache_clear(&m->split_cache);
}

bool dg_morph_known_lemma(dg_morph *m, const char *lemma) {
  return m->known && lemma && *lemma && m->known(m->known_ctx, lemma);
}

void dg_morph_set_place(dg_morph *m, bool (*place)(void *ctx, const char *lemma), void *ctx) {
  m->place = place;
  m->place_ctx = ctx;
  dg_cache_clear(&m->an_cache);
  dg_cache_clear(&m->split_cache);
}

const char *dg_morph_place_lemma(dg_morph *m, const char *s, size_t n) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, s, n);
  for (uint32_t i = 0; k && i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    if (a->flags & DG_AF_CLOSED) continue;
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    const char *ls = m->data.str + l->str;
    if (l->pos == DG_POS_PROPN || (l->pos == DG_POS_NOUN && m->place && m->place(m->place_ctx, ls))) return ls;
  }
  return NULL;
}

bool dg_morph_compass_first(const dg_morph *m, const char *low, const dg_part *parts, size_t np) {
  if (np < 2) return false;
  for (size_t i = 0; i + 1 < np; i++)
    if (parts[i].kind != DG_PART_STEM || parts[i].end != parts[i + 1].start ||
        !dg_morph_is(m, low + parts[i].start, parts[i].end - parts[i].start, DG_WC_COMPASS_POINT))
      return false;
  return true;
}

void dg_morph_cache_stats(const dg_morph *m, size_t *forms, size_t *lookups) {
  if (forms) *forms = m->an_cache.n;
  if (lookups) *lookups = m->lookups;
}

const dg_morph_key *dg_morph_lookup(dg_morph *m, const char *word, size_t n) {
  dg_buf_clear(&m->tmp);
  dg_utf8_lower(&m->tmp, word, n);
  return dg_morph_data_find(&m->data, m->tmp.data, m->tmp.len);
}

unsigned dg_morph_rank(dg_morph *m, const char *lower, size_t n) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, lower, n);
  return k ? k->rank : 0;
}

/* ---- queries ---- */

static bool S_is_verb_lemma(dg_morph *m, const char *lemma, size_t n) {
  const dg_morph_key *k = dg_morph_lookup(m, lemma, n);
  if (!k) return false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    if (l->pos == DG_POS_VERB && (a->cells & (1ULL << DG_VC_INF))) {
      const char *s = m->data.str + l->str;
      if (strlen(s) == n && strncmp(s, lemma, n) == 0) return true;
    }
  }
  return false;
}

bool dg_morph_is_verb(dg_morph *m, const char *lemma) {
  if (!lemma) return false;
  size_t n = strlen(lemma);
  if (n == 0 || n > 200) return false;
  if (S_is_verb_lemma(m, lemma, n)) return true;
  /* particle + known verb: vorankommen = voran + kommen */
  unsigned char b0 = (unsigned char)lemma[0];
  for (uint32_t t = m->particle_at[b0]; t < m->particle_at[b0 + 1]; t++) {
    size_t i = m->particle_ix[t], pl = m->particle_len[i];
    if (pl + 4 <= n && strncmp(lemma, m->particles[i], pl) == 0 &&
        S_is_verb_lemma(m, lemma + pl, n - pl))
      return true;
  }
  return false;
}

bool dg_morph_is_known(dg_morph *m, const char *word) {
  if (!word || !*word) return false;
  size_t n = strlen(word);
  const dg_morph_key *k = dg_morph_lookup(m, word, n);
  if (k && k->count) return true;
  return dg_morph_hs_spell(m, word);
}


const char *dg_morph_participle_verb(dg_morph *m, const char *form, bool *present) {
  const dg_morph_key *k = dg_morph_data_find(&m->data, form, strlen(form));
  if (!k) return NULL;
  const dg_morph_lemma *best = NULL;
  bool best_present = false;
  for (uint32_t i = 0; i < k->count; i++) {
    const dg_morph_anal *a = &m->data.anal[k->first + i];
    const dg_morph_lemma *l = &m->data.lemmas[a->lemma];
    if ((a->flags & DG_AF_CLOSED) || l->pos != DG_POS_VERB ||
        !(a->cells & ((1ULL << DG_VC_PTCP1) | (1ULL << DG_VC_PTCP2))))
      continue;
    /* (the more frequent verb when the form is the participle of two:
     * a ranked lemma before an unranked one, a lower rank before a higher) */
    if (best && !(l->rank && (!best->rank || l->rank < best->rank))) continue;
    best = l;
    best_present = (a->cells & (1ULL << DG_VC_PTCP1)) != 0;
  }
  if (best && present) *present = best_present;
  return best ? m->data.str + best->str : NULL;
}

bool dg_morph_is_participle(dg_morph *m, const char *s) { return dg_morph_participle_verb(m, s, NULL) != NULL; }
