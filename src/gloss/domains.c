/* Subject fields: Ding labels senses with fields ("pol.", "mil.").  Each
 * content word votes for the fields of its top senses; the votes of the
 * recent sentences fade per sentence (register and region labels such as
 * "Br." or "coll." do not vote), and a sense of a field with enough votes
 * beats a slightly higher-ranked sense without one ("wies … zurück" in a
 * political text: repudiate).  The only state carried from sentence to
 * sentence (e->dom, reset when the source changes); src/api/jobs.c runs
 * this pass in input order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "subjects.h"
#include "word.h"

#define S_MAX_DOMAINS DG_GL_MAX_DOMAINS
#define S_DOMAIN_RATIO 0.7f /* a sense within 70 % of the top score may win */
#define S_MIN_VOTES 1.5f /* about two recent words in the same field */
#define S_FADE 0.85f
#define S_SUBJECT_MIN 4.0f   /* field votes before a document has a subject */
#define S_SUBJECT_LEAD 1.5f  /* ... and how far ahead of the next subject */

typedef dg_gl_domain S_dom;

/* Register and region labels ("coll.", "Br.") say nothing about the topic
 * (word class register-label: the labels dictionaries/ding-labels.tsv
 * marks "register yes"). */
static bool S_register_label(const dg_engine *e, const char *p) {
  return dg_lexicon_is(e->lex, p, DG_WC_REGISTER_LABEL);
}

/* The labels of a sense's domains ("pol.;mil.", "Br., coll."): the
 * pieces between ';', ',' and ' ' of its first 127 bytes, in buf; returns
 * how many (at most max; 127 bytes hold at most S_MAX_LABELS). */
#define S_MAX_LABELS 64
static size_t S_split(const char *domains, char buf[128], char **lab, size_t max) {
  dg_strlcpy(buf, domains ? domains : "", 128);
  size_t n = 0;
  char *save = NULL;
  for (char *p = strtok_r(buf, ";, ", &save); p && n < max; p = strtok_r(NULL, ";, ", &save)) lab[n++] = p;
  return n;
}

static bool S_has_field(const dg_engine *e, const char *domains) {
  char buf[128], *lab[S_MAX_LABELS];
  size_t n = S_split(domains, buf, lab, S_MAX_LABELS);
  for (size_t k = 0; k < n; k++)
    if (!S_register_label(e, lab[k])) return true;
  return false;
}

/* ---- what the pass needs of a word's senses --------------------------------
 * The same in every sentence: a function of the lemma and part of speech
 * (and of the session's fixed data: lexicon, subjects, register labels),
 * kept once per word in the engine's memo (memo.h, kind 'D') instead of
 * the senses being copied and their labels split for each occurrence. */

/* A close sense whose field may win (the second loop of dg_gl_domains),
 * one per field label of it. */
typedef struct S_alt {
  const char *gloss, *source; /* (lexicon strings: session lifetime) */
} S_alt;

/* A field label's first eight bytes, zeros after its end (the bytes of
 * a number), and whether it is longer: the fields' names are kept with
 * zeros after their end (S_vote), so a label is a field's name when their
 * first eight bytes are the same and, for a longer label, the rest too
 * (one test of eight bytes a field instead of a strcmp; most labels,
 * "pol.", "mil.", are short). */
typedef struct S_head {
  uint64_t b;
  bool longer;
} S_head;
static inline S_head S_head_of(const char *p) {
  char b[8] = {0};
  size_t n = 0;
  while (n < 8 && p[n]) b[n] = p[n], n++;
  S_head h = {0, n == 8 && p[8]};
  memcpy(&h.b, b, sizeof h.b);
  return h;
}
/* A field label of the word: its head (S_head_of) and where its string
 * starts among the word's label strings (read only for a label longer
 * than eight bytes), read where the word's value is: no label is measured
 * or its head made again for each occurrence of the word. */
typedef struct S_lab {
  uint64_t b;
  uint32_t off;
  uint32_t longer;
} S_lab;

/* Laid out as this header, nalt S_alt, nvote + nalt S_lab, then the
 * nvote + nalt labels, each with its NUL. */
typedef struct S_word {
  unsigned fields;   /* subjects (bit k) one of whose fields a sense has */
  unsigned lemma;    /* subjects that give the lemma a sense of their own */
  size_t n;          /* senses */
  const char *top;   /* the top sense's gloss */
  size_t nvote;      /* field labels of the top three senses (register labels left out) */
  size_t nalt;       /* field labels of the senses close to the top one */
  S_alt alt[];
} S_word;

/* The summary of a word whose senses have no field and that no subject
 * gives a sense (most words: four in five of the news text's): one
 * constant, which a repeated word's link points to instead of its memo
 * entry, so that the pass knows by the pointer that the word neither votes
 * nor has a close sense to take, without the entry being fetched from
 * memory.  (Its n and top are read only of a word with a close sense.) */
static const S_word S_none;
static bool S_is_none(const S_word *w) { return !w->fields && !w->lemma && !w->nvote && !w->nalt; }

static const S_lab *S_labels(const S_word *w) { return (const S_lab *)(const void *)(w->alt + w->nalt); }
/* (label k's string, and its head) */
static const char *S_lab_str(const S_word *w, size_t k) {
  return (const char *)(S_labels(w) + w->nvote + w->nalt) + S_labels(w)[k].off;
}
static S_head S_lab_head(const S_word *w, size_t k) {
  const S_lab *l = &S_labels(w)[k];
  return (S_head){l->b, l->longer != 0};
}

/* Compute what the pass needs of the senses of lemma with pos into b (an
 * S_word). */
static void S_word_make(dg_engine *e, const char *lemma, const char *pos, dg_buf *b) {
  dg_sense sv[DG_GL_MAX_SENSES];
  size_t n = dg_gl_senses(e, lemma, pos, sv, DG_GL_MAX_SENSES);
  S_word h = {0};
  h.n = n;
  h.top = n ? sv[0].gloss : NULL;
  h.lemma = dg_subjects_word_mask(e->subjects, lemma);
  dg_buf votes, alts, altlab;
  dg_buf_init(&votes);
  dg_buf_init(&alts);
  dg_buf_init(&altlab);
  char buf[128], *lab[S_MAX_LABELS];
  for (size_t q = 0; q < n; q++) {
    if (!sv[q].domains || !*sv[q].domains) continue;
    size_t nl = S_split(sv[q].domains, buf, lab, S_MAX_LABELS);
    for (size_t k = 0; k < nl; k++) {
      /* (every label, register ones too, for the subject) */
      h.fields |= dg_subjects_field_mask(e->subjects, lab[k]);
      /* (the top three senses' fields for the fading votes) */
      if (q < 3 && !S_register_label(e, lab[k])) {
        dg_buf_put(&votes, lab[k], strlen(lab[k]) + 1);
        h.nvote++;
      }
    }
  }
  /* The senses within S_DOMAIN_RATIO of the top score, unless the top
   * sense has a field of its own (its own fields do not count as support
   * for the others). */
  for (size_t k = 1; k < n; k++) {
    if (sv[k].score < S_DOMAIN_RATIO * sv[0].score) break;
    if (!sv[k].domains || !*sv[k].domains) continue;
    if (S_has_field(e, sv[0].domains)) break;
    size_t nl = S_split(sv[k].domains, buf, lab, S_MAX_LABELS);
    for (size_t j = 0; j < nl; j++) {
      if (S_register_label(e, lab[j])) continue;
      S_alt a = {sv[k].gloss, sv[k].source};
      dg_buf_put(&alts, &a, sizeof a);
      dg_buf_put(&altlab, lab[j], strlen(lab[j]) + 1);
      h.nalt++;
    }
  }
  dg_buf_clear(b);
  dg_buf_put(b, &h, sizeof h);
  if (alts.len) dg_buf_put(b, alts.data, alts.len);
  /* (the labels' heads and places: the votes' strings, then the alternatives') */
  size_t off = 0;
  for (size_t k = 0; k < h.nvote + h.nalt; k++) {
    const char *p = k < h.nvote ? votes.data + off : altlab.data + (off - votes.len);
    S_head hd = S_head_of(p);
    S_lab l = {hd.b, (uint32_t)off, hd.longer};
    dg_buf_put(b, &l, sizeof l);
    off += strlen(p) + 1;
  }
  if (votes.len) dg_buf_put(b, votes.data, votes.len);
  if (altlab.len) dg_buf_put(b, altlab.data, altlab.len);
  dg_buf_free(&votes);
  dg_buf_free(&alts);
  dg_buf_free(&altlab);
}

/* The bit of a part of speech, by its code (DG_UD_*: the token's upos),
 * among an analysis's POS bits (DG_GL_P_*: the look-up pass read them
 * once), 0 for one without a bit. */
static unsigned S_pos_bit(unsigned code) {
  switch (code) {
  case DG_UD_NOUN: return DG_GL_P_NOUN;
  case DG_UD_VERB: return DG_GL_P_VERB;
  case DG_UD_PROPN: return DG_GL_P_PROPN;
  case DG_UD_ADJ: return DG_GL_P_ADJ;
  case DG_UD_ADV: return DG_GL_P_ADV;
  case DG_UD_AUX: return DG_GL_P_AUX;
  case DG_UD_ADP: return DG_GL_P_ADP;
  default: return 0;
  }
}

/* S_word_of for a word whose analysis an (-1: none) links no summary
 * yet: the memo's under its key, or a new one (out of line: the room it
 * takes on the stack is set up only for a word seen the first time). */
static __attribute__((noinline)) const S_word *S_word_new(dg_engine *e, dg_gl_word *gw, int an, const char *lemma,
                                                          const char *pos, S_word **own) {
  const S_word *w;
  char key[256];
  dg_gl_memo_asked q;
  size_t pn = pos ? strlen(pos) : 0, ln = strlen(lemma);
  bool keyed = pn + 1 + ln < sizeof key;
  if (keyed) {
    memcpy(key, pos ? pos : "", pn);
    key[pn] = '\t';
    memcpy(key + pn + 1, lemma, ln + 1);
    w = dg_gl_memo_ask_n(e, 'D', key, pn + 1 + ln, &q);
    if (w) {
      if (S_is_none(w)) w = &S_none;
      dg_gl_memo_set_an_link(gw, an, DG_GL_ALINK_DOMAINS, w);
      return w;
    }
  }
  dg_buf b;
  dg_buf_init(&b);
  S_word_make(e, lemma, pos, &b);
  w = keyed ? dg_gl_memo_keep_asked(e, &q, b.data, b.len, 0, NULL) : NULL;
  if (w) {
    if (S_is_none(w)) w = &S_none;
    dg_gl_memo_set_an_link(gw, an, DG_GL_ALINK_DOMAINS, w);
    dg_buf_free(&b);
    return w;
  }
  if (S_is_none((const S_word *)(const void *)b.data)) {
    dg_buf_free(&b);
    return &S_none;
  }
  *own = (S_word *)(void *)dg_buf_detach(&b);
  return *own;
}

/* What the pass needs of lemma with pos (of code upos, dg_gl_pos_is): the
 * memo's, or (memo full, key too long) one made in *own, which the caller
 * frees. */
static inline __attribute__((always_inline)) const S_word *S_word_of(dg_engine *e, dg_gl_word *gw, const char *lemma, const char *pos,
                                      unsigned upos, S_word **own) {
  *own = NULL;
  /* (a repeated word reaches it through the analysis its lemma and POS
   * came from: memo.h dg_gl_memo_an_link; the first analysis with the
   * lemma is mostly that one, and the later passes ask for it too) */
  int an = pos ? dg_gl_an_of(gw, lemma) : -1;
  if (an >= 0) {
    /* (is it of the token's POS: a bit test for the common ones) */
    unsigned bit = S_pos_bit(upos);
    if (bit ? !dg_gl_an_pos(gw, (size_t)an, bit) : !(gw->an[an].pos && strcmp(gw->an[an].pos, pos) == 0))
      an = dg_gl_memo_an_of(gw, lemma, pos);
  }
  const S_word *w = dg_gl_memo_an_link(gw, an, DG_GL_ALINK_DOMAINS);
  return w ? w : S_word_new(e, gw, an, lemma, pos, own);
}

/* The subjects that give the form of word gw a sense of its own
 * (dg_subjects_word_mask: a function of the form), linked from the memo
 * entry of a word looked up by that form (DG_GL_LINK_SUBJECTS): a
 * repeated word is not hashed again.  Most forms have no row in
 * subjects.tsv: their link is one constant. */
static inline __attribute__((always_inline)) unsigned S_form_mask(dg_engine *e, const dg_gl_word *gw,
                                                                  const char *form) {
  bool linked = gw->memo && gw->memo_form == form;
  const unsigned *m = linked ? dg_gl_memo_link(gw, DG_GL_LINK_SUBJECTS) : NULL;
  if (m) return *m;
  unsigned r = dg_subjects_word_mask(e->subjects, form);
  if (linked) {
    static const unsigned none = 0;
    m = r ? dg_gl_memo_keep(e, 'M', form, &r, sizeof r, 0, NULL) : &none;
    if (m) dg_gl_memo_set_link(gw, DG_GL_LINK_SUBJECTS, m);
  }
  return r;
}

static inline bool S_is_field(const S_dom *d, S_head h, const char *p) {
  uint64_t b;
  memcpy(&b, d->name, sizeof b);
  return b == h.b && (!h.longer || strcmp(d->name + 8, p + 8) == 0);
}

/* The slot of e->dom_index where the field of head h and name p stands,
 * or the free slot it would take (the search ends at a free slot: dom
 * holds at most half as many fields as the index has slots), so that a
 * vote finds its field among the recent ones by one or two tests instead
 * of a walk over them all. */
#define S_INDEX (2 * S_MAX_DOMAINS)
static inline size_t S_field_slot(const dg_engine *e, S_head h, const char *p) {
  size_t j = (size_t)((h.b * 0x9e3779b97f4a7c15u) >> 58) & (S_INDEX - 1);
  unsigned x;
  while ((x = e->dom_index[j]) && !S_is_field(&e->dom[x - 1], h, p)) j = (j + 1) & (S_INDEX - 1);
  return j;
}
_Static_assert(S_INDEX == 64 && S_MAX_DOMAINS < 255, "the slot is the hash's top six bits; k + 1 fits a byte");
static void S_clear_fields(dg_engine *e) {
  e->ndom = 0;
  memset(e->dom_index, 0, sizeof e->dom_index);
}

/* The word votes once for each field of its top senses (the fading votes
 * of the recent sentences). */
static void S_vote(dg_engine *e, const S_word *w, size_t *nd) {
  S_dom *dv = e->dom;
  bool seen_tok[S_MAX_DOMAINS] = {false};
  for (size_t v = 0; v < w->nvote; v++) {
    S_head h = S_lab_head(w, v);
    const char *p = S_lab_str(w, v);
    size_t j = S_field_slot(e, h, p), k = e->dom_index[j];
    if (k) {
      k--;
    } else {
      if (*nd == S_MAX_DOMAINS) continue;
      k = (*nd)++;
      memset(dv[k].name, 0, sizeof dv[k].name); /* (zeros after the end: S_is_field) */
      dg_strlcpy(dv[k].name, p, sizeof dv[k].name);
      e->dom_votes[k] = 0;
      e->dom_index[j] = (unsigned char)(k + 1);
    }
    if (!seen_tok[k]) {
      e->dom_votes[k] += 1.0f;
      seen_tok[k] = true;
    }
  }
}

static bool S_candidate(const dg_dtoken *t, const dg_gl_word *w) {
  return t->kind == DG_KIND_WORD && !w->is_closed && t->nglosses > 1 && t->mwe < 0 &&
         !(t->flags & DG_DF_SEP_PARTICLE) && t->source && t->source[0] == 'd' && strncmp(t->source, "ding:", 5) == 0 &&
         (dg_gl_pos_is(t, DG_UD_NOUN) || dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_pos_is(t, DG_UD_ADJ));
}

/* A content word votes once for each subject one of its senses has a
 * field of, or that gives it (its lemma or its form: form_mask) a sense of
 * its own (subjects.tsv); the votes of a document do not fade: they make
 * its subject. */
static void S_subject_vote(dg_engine *e, const S_word *w, unsigned form_mask) {
  /* (the subjects' bits one by one, lowest first: most words have none,
   * the others one or two) */
  _Static_assert(DG_GL_MAX_SUBJECTS >= 32, "a subject's bit is one of an unsigned's 32");
  for (unsigned m = w->lemma | form_mask | w->fields; m; m &= m - 1) e->subj_votes[__builtin_ctz(m)] += 1.0f;
}

/* The document's subject: the one --domain set, else the one with the
 * most votes when it has enough and leads the next clearly; -1 for none. */
static int S_subject(const dg_engine *e) {
  if (e->subject_forced >= 0) return e->subject_forced;
  size_t ns = dg_subjects_count(e->subjects);
  if (ns > DG_GL_MAX_SUBJECTS) ns = DG_GL_MAX_SUBJECTS;
  int best = -1;
  float top = 0, second = 0;
  for (size_t k = 0; k < ns; k++) {
    float v = e->subj_votes[k];
    if (v > top) {
      second = top;
      top = v;
      best = (int)k;
    } else if (v > second) {
      second = v;
    }
  }
  /* A subject once found stays until another leads it clearly. */
  int last = e->subject_last;
  if (last >= 0 && (size_t)last < ns && !(top >= S_SUBJECT_LEAD * e->subj_votes[last])) return last;
  return top >= S_SUBJECT_MIN && top >= S_SUBJECT_LEAD * second ? best : -1;
}

static __attribute__((noinline, cold)) void S_set_sense(dg_doc *d, dg_gl_ctx *c, dg_dtoken *t, const char *gloss,
                                                        const char *source) {
  dg_dsentence *s = c->s;
  dg_gl_promote(d, t, gloss);
  t->source = dg_mem_strdup(&d->arena, source);
  /* (a gloss and source the names pass asked about: gloss_internal.h) */
  dg_gl_names_changed(c, (size_t)(t - s->tokens));
  if (t->link >= 0 && (size_t)t->link < s->ntokens) {
    dg_gl_names_changed(c, (size_t)t->link);
    dg_dtoken *p = &s->tokens[t->link];
    p->gloss = t->gloss;
    p->glosses = t->glosses;
    p->nglosses = t->nglosses;
    p->source = t->source;
  }
}

/* Within a subject a word takes the sense the subject gives it
 * (subjects.tsv: in software text "Verzeichnis" is directory, "anmelden"
 * log in); elsewhere it keeps its general sense.  (Ding's field labels
 * alone are too loose for this: in a political text "Team" would become
 * "panel" [adm.]; they only vote, and promote close senses as before.)
 * Words of an expression and glossary entries keep theirs.  (sw[i], fm[i]:
 * what the first loop of dg_gl_domains read of word i, when it did: the
 * subjects that give its lemma and its form a sense, so that the table is
 * asked only when one of them is this subject.) */
static __attribute__((noinline)) void S_subject_senses(dg_engine *e, dg_doc *d, dg_gl_ctx *c, size_t subject,
                                                      const S_word *const *sw, const unsigned *fm) {
  dg_dsentence *s = c->s;
  unsigned bit = subject < 32 ? 1u << subject : 0;
  for (size_t i = 0; i < s->ntokens; i++) {
    /* (a word the first loop read whose lemma and form the subject gives
     * no sense has none to take: told before its token is read) */
    if (sw[i] && bit && !((fm[i] | sw[i]->lemma) & bit)) continue;
    dg_dtoken *t = &s->tokens[i];
    if (t->kind != DG_KIND_WORD || c->w[i].is_closed || t->mwe >= 0 || (t->flags & DG_DF_SEP_PARTICLE)) continue;
    if (!(dg_gl_pos_is(t, DG_UD_NOUN) || dg_gl_pos_is(t, DG_UD_VERB) || dg_gl_pos_is(t, DG_UD_ADJ))) continue;
    /* The form itself first ("Daten" is a headword of its own, not only
     * the plural of Datum). */
    const char *g = NULL;
    if (sw[i] && bit) {
      if (fm[i] & bit) g = dg_subjects_sense(e->subjects, subject, t->form, t->pos);
      if (!g && (sw[i]->lemma & bit)) g = dg_subjects_sense(e->subjects, subject, t->lemma, t->pos);
    } else {
      g = dg_subjects_sense(e->subjects, subject, t->form, t->pos);
      if (!g) g = dg_subjects_sense(e->subjects, subject, t->lemma, t->pos);
    }
    /* (a glossary's sense stays; asked only of a word the subject has a
     * sense for, as the source's string is seldom at hand) */
    if (!g || (t->source && t->source[0] == 'g' && strncmp(t->source, "glossary", 8) == 0)) continue;
    if (strcmp(t->gloss, g) != 0) S_set_sense(d, c, t, g, "subjects.tsv");
  }
}

void dg_engine_new_document(dg_engine *e) {
  e->dom_src[0] = '\0'; /* (no input is named ""): the next sentence's source is new */
  S_clear_fields(e);
  memset(e->subj_votes, 0, sizeof e->subj_votes);
  e->subject_last = -1;
  e->nnames_seen = 0;
}

void dg_gl_domains(dg_engine *e, dg_doc *d, dg_gl_ctx *c) {
  dg_dsentence *s = c->s;
  /* Votes of the text so far, fading with each sentence (the topic
   * of the last few sentences), then this sentence's. */
  /* A document's subject begins with the document (each input, even a
   * file read twice). */
  /* (asked once: the names pass between the two uses leaves both strings) */
  bool new_source = strcmp(d->source, e->dom_src) != 0;
  if (s->first || new_source) {
    memset(e->subj_votes, 0, sizeof e->subj_votes);
    e->subject_last = -1;
    e->nnames_seen = 0;
  }
  /* Names the document used before (names.c), in input order like the votes. */
  dg_gl_names_seen(e, c);
  if (new_source) {
    S_clear_fields(e);
    dg_strlcpy(e->dom_src, d->source, sizeof e->dom_src);
  }
  size_t nd = e->ndom;
  /* (every field of the text, up to S_MAX_DOMAINS, each sentence: their
   * votes lie in one run, all of which is multiplied, four at a time; the
   * places after the fields in use hold no votes that are read, as a
   * field taken anew starts at 0) */
  float *dvotes = e->dom_votes;
  for (size_t k = 0; k < S_MAX_DOMAINS; k++) dvotes[k] *= S_FADE;
  /* Each content word votes once for each domain among its top senses,
   * and for the subjects of its senses.  What it read of its senses
   * (sw[i]; own[i] when not the memo's) and the subjects that give its
   * form a sense (fm[i]) are kept for the choice of sense below. */
  size_t nt = s->ntokens;
  const S_word *sw1[64], **sw = nt <= 64 ? sw1 : dg_xmalloc(nt * sizeof *sw);
  S_word *own1[64], **own = nt <= 64 ? own1 : dg_xmalloc(nt * sizeof *own);
  unsigned fm1[64], *fm = nt <= 64 ? fm1 : dg_xmalloc(nt * sizeof *fm);
  /* (the words whose summary has a close sense of a field, in sentence
   * order: the only ones the choice of sense below can change, when every
   * content word has a lemma) */
  size_t alt1[64], *alts = nt <= 64 ? alt1 : dg_xmalloc(nt * sizeof *alts), nalts = 0;
  /* (every word's first, each asked to be fetched from memory as it is
   * found, so that the words' waits overlap; then their votes) */
  /* (owned: some own[i] to free; unread: a content word without a lemma,
   * which the subject's senses ask of the table; takes: the subjects that
   * give the lemma or the form of a word read here a sense of its own) */
  bool owned = false, unread = false;
  unsigned takes = 0;
  /* (the tokens and words walked side by side) */
  {
    const dg_dtoken *t = s->tokens;
    dg_gl_word *gw = c->w;
    for (size_t i = 0; i < nt; i++, t++, gw++) {
      /* (own[i] and fm[i] are set and read only with sw[i]) */
      sw[i] = NULL;
      if (t->kind != DG_KIND_WORD || gw->is_closed) continue;
      if (!t->lemma[0]) {
        unread = true;
        continue;
      }
      sw[i] = S_word_of(e, gw, t->lemma, t->pos[0] ? t->pos : NULL, t->upos, &own[i]);
      owned |= own[i] != NULL;
      __builtin_prefetch(sw[i]);
    }
  }
  for (size_t i = 0; i < nt; i++) {
    if (!sw[i]) continue;
    const dg_dtoken *t = &s->tokens[i];
    /* (a word of S_none votes only by its form: its summary is not read.
     * The subjects that give the form a sense are asked of every word,
     * the form its lemma or not, as they are linked: a form that is its
     * lemma has the lemma's, which S_none has none of, and the strings
     * need not be compared) */
    if (sw[i] == &S_none) {
      if (!(fm[i] = S_form_mask(e, &c->w[i], t->form))) continue;
      takes |= fm[i];
      S_subject_vote(e, &S_none, fm[i]);
      continue;
    }
    S_vote(e, sw[i], &nd);
    fm[i] = S_form_mask(e, &c->w[i], t->form);
    takes |= fm[i] | sw[i]->lemma;
    if (sw[i]->nalt) alts[nalts++] = i;
    S_subject_vote(e, sw[i], fm[i]);
  }
  e->ndom = nd;
  int subject = S_subject(e);
  s->subject = subject >= 0 ? dg_subjects_name(e->subjects, (size_t)subject) : NULL;
  s->subject_new = subject != e->subject_last;
  e->subject_last = subject;
  /* (a sentence none of whose words the subject gives a sense has none to
   * take: S_subject_senses would pass over every word) */
  if (subject >= 0 && (unread || subject >= 32 || (takes & 1u << subject)))
    S_subject_senses(e, d, c, (size_t)subject, sw, fm);
  /* A close sense of a field the recent sentences support beats the top
   * one. */
  size_t nvisit = unread ? nt : nalts;
  for (size_t v = 0; v < nvisit && nd; v++) {
    size_t i = unread ? v : alts[v];
    dg_dtoken *t = &s->tokens[i];
    /* (a word with no close sense of a field has none to take: its
     * summary answers before the token is read) */
    if (sw[i] && sw[i]->nalt == 0) continue;
    if (!S_candidate(t, &c->w[i])) continue;
    S_word *mine = NULL;
    const S_word *w = sw[i] ? sw[i] : S_word_of(e, &c->w[i], t->lemma, t->pos, t->upos, &mine);
    const S_alt *best = NULL;
    if (w->n >= 2 && dg_gl_eq(w->top, t->gloss)) {
      /* Support from other words of the sentence. */
      float best_votes = 0;
      for (size_t a = 0; a < w->nalt; a++) {
        S_head h = S_lab_head(w, w->nvote + a);
        const char *p = S_lab_str(w, w->nvote + a);
        size_t q = e->dom_index[S_field_slot(e, h, p)];
        if (q && dvotes[q - 1] >= S_MIN_VOTES && dvotes[q - 1] > best_votes) {
          best = &w->alt[a];
          best_votes = dvotes[q - 1];
        }
      }
    }
    if (best) S_set_sense(d, c, t, best->gloss, best->source ? best->source : t->source);
    free(mine);
  }
  for (size_t i = 0; owned && i < nt; i++)
    if (sw[i] && own[i]) free(own[i]);
  if (sw != sw1) free(sw);
  if (own != own1) free(own);
  if (fm != fm1) free(fm);
  if (alts != alt1) free(alts);
}
