/* dgcompile: the Ding parser.  One Ding line is
 *   GERMAN-PART | GERMAN-PART ... :: ENGLISH-PART | ENGLISH-PART ...
 * where the n-th German part corresponds to the n-th English part, and each
 * part holds ';'-separated synonyms with {tags}, [domains], (comments),
 * <variants> and /abbreviations/.  Part 0 holds the headwords; later parts
 * hold inflected forms (plurals, participles, past forms), further headwords
 * (compounds), phrases and example sentences.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgc.h"
#include "lexicon.h"
#include "util.h"

#define S_MAXPARTS 64
#define S_MAXSYN 32

long dgc_min_entries = 100000;

/* The lexicon being built, for the word-class queries of the helpers below. */
static const dgc_lex *S_lx;

typedef struct S_syn {
  char text[512];    /* annotations removed, spaces collapsed */
  char tags[128];    /* {..} contents joined by ',' */
  char domains[256]; /* [..] contents joined by ';' */
  char irreg[128];   /* English irregular forms "{found; found}" */
  char comment[128]; /* (..) contents joined by ';' */
  char variants[256]; /* <..> contents joined by ';' (German: search variants) */
} S_syn;

/* Split `s` in place at top-level `sep` (outside {} [] () <>). */
static size_t S_split(char *s, char sep, char **out, size_t max) {
  size_t n = 0;
  int depth = 0;
  char *start = s;
  for (char *p = s;; p++) {
    char c = *p;
    if (c == '/' && depth == 0 && (p == s || p[-1] == ' ') && p[1] && p[1] != ' ') {
      /* " /abbreviation; abbr./": skip to its closing slash */
      char *q = p + 1;
      while (*q && !(*q == '/' && q[-1] != ' ' && (q[1] == '\0' || q[1] == ' ' || q[1] == ';' ||
                                                    q[1] == ',' || q[1] == '|')))
        q++;
      if (*q == '/' && (size_t)(q - p) < 60 && !memchr(p, '|', (size_t)(q - p))) {
        p = q;
        continue;
      }
    }
    if (c == '{' || c == '[' || c == '(' || c == '<') depth++;
    else if ((c == '}' || c == ']' || c == ')' || c == '>') && depth > 0) depth--;
    if (c == '\0' || (c == sep && depth == 0)) {
      if (n < max) out[n++] = start;
      if (c == '\0') break;
      *p = '\0';
      start = p + 1;
    }
  }
  for (size_t i = 0; i < n; i++) {
    while (*out[i] == ' ') out[i]++;
    size_t l = strlen(out[i]);
    while (l && out[i][l - 1] == ' ') out[i][--l] = '\0';
  }
  return n;
}

/* Parse one synonym into bare text, tags and domains. */
static void S_parse_syn(const char *s, S_syn *o) {
  o->text[0] = o->tags[0] = o->domains[0] = o->irreg[0] = o->comment[0] = o->variants[0] = '\0';
  size_t tl = 0;
  const char *p = s;
  while (*p) {
    char c = *p;
    char close = c == '{' ? '}' : c == '[' ? ']' : c == '(' ? ')' : c == '<' ? '>' : 0;
    if (close) {
      int depth = 0;
      const char *q = p;
      for (; *q; q++) {
        if (*q == c) depth++;
        else if (*q == close && --depth == 0) break;
      }
      size_t inner = (size_t)(*q ? q - p - 1 : q - p - 1);
      if (c == '{' && !memchr(p + 1, ';', inner)) dgc_append(o->tags, sizeof o->tags, ",", p + 1, inner);
      else if (c == '{') dgc_append(o->irreg, sizeof o->irreg, ";", p + 1, inner);
      else if (c == '[') dgc_append(o->domains, sizeof o->domains, ";", p + 1, inner);
      else if (c == '(') dgc_append(o->comment, sizeof o->comment, ";", p + 1, inner);
      else if (c == '<') dgc_append(o->variants, sizeof o->variants, ";", p + 1, inner);
      p = *q ? q + 1 : q;
      continue;
    }
    if (c == '/' && (p == s || p[-1] == ' ') && p[1] && p[1] != ' ') { /* /abbreviation/ */
      const char *q = p + 1;
      while (*q && !(*q == '/' && q[-1] != ' ' && (q[1] == '\0' || q[1] == ' ' || q[1] == ',')))
        q++;
      if (*q == '/' && q - p < 60) {
        p = q + 1;
        continue;
      }
    }
    if (c == ' ' || c == '\t') {
      if (tl && o->text[tl - 1] != ' ' && tl + 1 < sizeof o->text) o->text[tl++] = ' ';
      p++;
      continue;
    }
    if (tl + 1 < sizeof o->text) o->text[tl++] = c;
    p++;
  }
  while (tl && o->text[tl - 1] == ' ') tl--;
  o->text[tl] = '\0';
}

static bool S_has_tag(const char *tags, const char *tag) {
  size_t n = strlen(tag);
  for (const char *p = tags; (p = strstr(p, tag)) != NULL; p += n) {
    bool left = p == tags || p[-1] == ',' || p[-1] == ' ' || p[-1] == ';';
    bool right = p[n] == '\0' || p[n] == ',' || p[n] == ';';
    if (left && right) return true;
  }
  return false;
}

/* Tags -> UD POS and gender. */
static const char *S_pos_of(const char *tags, const char *word, const char **gender) {
  *gender = "";
  if (S_has_tag(tags, "m")) { *gender = "m"; return "NOUN"; }
  if (S_has_tag(tags, "f")) { *gender = "f"; return "NOUN"; }
  if (S_has_tag(tags, "n")) { *gender = "n"; return "NOUN"; }
  if (S_has_tag(tags, "m,f") || S_has_tag(tags, "m,n") || S_has_tag(tags, "n,m") ||
      S_has_tag(tags, "f,n")) {
    *gender = strncmp(tags, "f", 1) == 0 ? "f" : tags[0] == 'n' ? "n" : "m";
    return "NOUN";
  }
  if (S_has_tag(tags, "pl")) { *gender = "pl"; return "NOUN"; }
  if (S_has_tag(tags, "vt") || S_has_tag(tags, "vi") || S_has_tag(tags, "vr") ||
      S_has_tag(tags, "v"))
    return "VERB";
  if (S_has_tag(tags, "adj")) return "ADJ";
  if (S_has_tag(tags, "adv")) return "ADV";
  if (strstr(tags, "prp")) return "ADP";
  if (S_has_tag(tags, "conj")) {
    return dgc_class_is(S_lx, word, DG_WC_CCONJ) ? "CCONJ" : "SCONJ";
  }
  if (S_has_tag(tags, "pron") || S_has_tag(tags, "ppron")) return "PRON";
  if (S_has_tag(tags, "num")) {
    size_t l = strlen(word); /* ordinals (erste, zweite, hundertste) are ADJ in UD */
    return l > 3 && strcmp(word + l - 2, "te") == 0 ? "ADJ" : "NUM";
  }
  if (S_has_tag(tags, "interj")) return "INTJ";
  if (S_has_tag(tags, "art")) return "DET";
  return NULL;
}

/* An object slot of a Ding headword: etw., jdm., sich ... */
static bool S_is_slot(const char *w, size_t n) { return dgc_class_is_n(S_lx, w, n, DG_WC_DING_SLOT); }

/* The single headword of a German synonym: the text itself when it is one
 * word, or the one word left after leading object slots ("etw. bestätigen",
 * "sich freuen").  NULL when it is a phrase.  *slotted tells whether slots
 * were stripped. */
static bool S_is_article(const char *w, size_t n) {
  return n == 3 && (memcmp(w, "der", 3) == 0 || memcmp(w, "die", 3) == 0 || memcmp(w, "das", 3) == 0);
}

static bool S_is_prep(const char *w) {
  static const char *const preps[] = {"für", "gegen", "auf", "an", "mit", "über", "um", "von",
                                      "zu", "nach", "aus", "bei", "in", "vor", "unter", NULL};
  for (int i = 0; preps[i]; i++)
    if (strcmp(w, preps[i]) == 0) return true;
  return false;
}

static bool S_is_prep_n(const char *w, size_t n) {
  char buf[16];
  if (n >= sizeof buf) return false;
  memcpy(buf, w, n);
  buf[n] = '\0';
  return S_is_prep(buf);
}

/* Set by S_headword: the synonym starts with "sich" ("sich an etw.
 * erinnern"), its senses are those of the reflexive verb. */
static bool S_reflexive;

static const char *S_headword(const char *text, int *slotted) {
  static char buf[512];
  const char *p = text;
  *slotted = 0;
  S_reflexive = false;
  for (;;) {
    const char *sp = strchr(p, ' ');
    if (!sp) break;
    size_t n = (size_t)(sp - p);
    if (S_is_article(p, n) && isupper((unsigned char)sp[1]) && !strchr(sp + 1, ' ')) {
      p = sp + 1; /* "die Polizei" */
      break;
    }
    if (n == 4 && memcmp(p, "sich", 4) == 0) {
      if (*slotted != 3) *slotted = 2; /* reflexive */
      S_reflexive = true;
      p = sp + 1;
      continue;
    }
    if (S_is_prep_n(p, n)) { /* "mit jdm.", "über etw.": a prepositional slot */
      const char *nx = sp + 1;
      const char *nsp = strchr(nx, ' ');
      if (nsp && S_is_slot(nx, (size_t)(nsp - nx))) {
        *slotted = 3; /* prepositional object: a narrower sense */
        p = nsp + 1;
        continue;
      }
    }
    if (!S_is_slot(p, n)) {
      /* "stimmen für": a verb with its preposition */
      const char *rest = sp + 1;
      if (!strchr(rest, ' ') && S_is_prep(rest) && n > 3 && p[n - 1] == 'n' &&
          islower((unsigned char)p[0]) && n < sizeof buf) {
        memcpy(buf, p, n);
        buf[n] = '\0';
        *slotted = 1;
        p = buf;
        break;
      }
      return NULL;
    }
    if (*slotted == 0) *slotted = 1;
    p = sp + 1;
  }
  if (!*p) return NULL;
  for (const char *q = p; *q; q++) {
    unsigned char c = (unsigned char)*q;
    if (c == ',' || c == '.' || c == '?' || c == '!' || c == '"' || c == '/' || c == ':' ||
        c == '(' || c == ')' || c == 0xe2 /* … „ “ */)
      return NULL;
  }
  if (p[0] == '-' || p[strlen(p) - 1] == '-') return NULL; /* "-los", "Haupt-" */
  return p;
}

static void S_join_domains(char *dst, size_t cap, const char *a, const char *b) {
  dst[0] = '\0';
  const char *srcs[2] = {a, b};
  for (int i = 0; i < 2; i++) {
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", srcs[i]);
    char *parts[16];
    size_t n = S_split(tmp, ';', parts, 16);
    for (size_t k = 0; k < n; k++) {
      if (!*parts[k]) continue;
      /* skip duplicates */
      char probe[300];
      snprintf(probe, sizeof probe, ";%s;", parts[k]);
      char have[300];
      snprintf(have, sizeof have, ";%s;", dst);
      if (strstr(have, probe)) continue;
      dgc_append(dst, cap, ";", parts[k], strlen(parts[k]));
    }
  }
}

/* Do the German synonyms of a later part look like inflected forms (one word,
 * after "er/sie", "ich/er/sie", "hat/hatte" ...)?  Fills `forms`. */
static bool S_form_part(S_syn *syn, size_t n, const char *entry_pos, char forms[][128]) {
  if (n == 0) return false;
  bool noun = strcmp(entry_pos, "NOUN") == 0;
  bool verbadj = strcmp(entry_pos, "VERB") == 0 || strcmp(entry_pos, "ADJ") == 0;
  if (!noun && !verbadj) return false;
  size_t single = 0;
  for (size_t i = 0; i < n; i++) {
    const char *t = syn[i].text;
    forms[i][0] = '\0';
    if (noun) {
      if (!S_has_tag(syn[i].tags, "pl")) return false;
    } else {
      if (syn[i].tags[0]) return false;
      static const char *const pre[] = {"ich/er/sie ", "er/sie ", "ich/du/er/sie ", "du ",
                                        "ich ", "hat/hatte ", "ist/war ", "am ", "wir/sie ",
                                        "ihr ", "es ", "würde ", NULL};
      for (bool again = true; again;) {
        again = false;
        for (int k = 0; pre[k]; k++) {
          size_t l = strlen(pre[k]);
          if (strncmp(t, pre[k], l) == 0) {
            t += l;
            again = true;
          }
        }
      }
    }
    if (!*t || strchr(t, ',') || strchr(t, '.') || strchr(t, '?') || strchr(t, '!') ||
        strchr(t, '/'))
      continue;
    const char *sp = strchr(t, ' ');
    if (sp) {
      /* a separated verb form "stimmt ab", "stellte klar": two words, the
       * second a lower-case particle; linked below only to a lemma that
       * starts with the particle */
      const char *part = sp + 1;
      if (noun || strchr(part, ' ') || strlen(part) < 2 || strlen(part) > 10) continue;
      bool lower = true;
      for (const unsigned char *q = (const unsigned char *)part; *q; q++)
        if (!(islower(*q) || *q >= 0x80)) lower = false;
      if (!lower) continue;
    }
    if (!noun && isupper((unsigned char)t[0])) return false;
    size_t tl = strlen(t);
    if (tl >= 128) continue;
    memcpy(forms[i], t, tl + 1);
    single++;
  }
  return noun ? single > 0 : single * 2 >= n && single > 0;
}

/* Lower-case with umlauts and ß folded to ASCII, for comparing stems. */
static void S_ascii_fold(const char *s, char *out, size_t cap) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < cap; p++) {
    if (p[0] == 0xc3 && p[1]) {
      unsigned char c = p[1];
      char r = c == 0xa4 || c == 0x84 ? 'a' : c == 0xb6 || c == 0x96 ? 'o' : c == 0xbc || c == 0x9c ? 'u' : 0;
      if (c == 0x9f) {
        out[n++] = 's';
        out[n++] = 's';
        p++;
        continue;
      }
      if (r) {
        out[n++] = r;
        p++;
        continue;
      }
    }
    out[n++] = (char)tolower(*p);
  }
  out[n] = '\0';
}

/* Length of the common start of a form and a lemma (umlauts folded), also
 * trying the form without a participle "ge". */
static int S_resemblance(const char *form, const char *lemma) {
  char f[256], l[256];
  S_ascii_fold(form, f, sizeof f);
  S_ascii_fold(lemma, l, sizeof l);
  int best = 0;
  for (int pass = 0; pass < 2; pass++) {
    const char *x = f;
    if (pass == 1) {
      if (strncmp(f, "ge", 2) != 0) break;
      x = f + 2;
    }
    int cp = 0;
    while (x[cp] && x[cp] == l[cp]) cp++;
    if (cp > best) best = cp;
  }
  return best;
}

/* The key word of a phrase: its first content word as written (the caller
 * folds it, and maps an inflected form to its lemma). */
static char *S_phrase_key(const char *german) {
  static const char *const stop[] = {
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
      "eines", "zu", "zum", "zur", "im", "am", "ins", "ans", "in", "an", "auf", "aus", "mit",
      "von", "vom", "bei", "beim", "für", "um", "über", "unter", "nach", "vor", "durch",
      "gegen", "ohne", "sich", "etw.", "jdn.", "jdm.", "jds.", "es", "sein", "seine", "ihr",
      "ihre", "man", "nicht", "kein", "keine", "sehr", "so", "wie", "als", "und", "oder",
      "jdn./etw.", "etw./jdn.", "jdm./etw.", "mich", "mir", "dich", "dir", "uns", "euch",
      "ich", "du", "er", "sie", "wir", "—", "-", "…", NULL};
  char buf[512];
  snprintf(buf, sizeof buf, "%s", german);
  char *save = NULL;
  for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
    size_t l = strlen(w);
    while (l && (w[l - 1] == ',' || w[l - 1] == ';' || w[l - 1] == ':')) w[--l] = '\0';
    if (!l) continue;
    char *f = dg_lexicon_fold(w);
    bool is_stop = false;
    for (int i = 0; stop[i]; i++)
      if (strcmp(f, stop[i]) == 0) is_stop = true;
    free(f);
    if (!is_stop && (isalpha((unsigned char)w[0]) || (unsigned char)w[0] >= 0xc3)) return dg_xstrdup(w);
  }
  return NULL;
}

static bool S_sentence_like(const char *t) {
  size_t l = strlen(t);
  if (l == 0 || l > 80) return true;
  char last = t[l - 1];
  /* (a phrase ending in an object slot "etw." is no sentence) */
  if (last == '.' && !(l >= 4 && S_is_slot(t + l - 4, 4)))
    return true;
  if (last == '?' || last == '!') return true;
  if (strstr(t, "„") || strstr(t, "“") || strchr(t, '"')) return true;
  int words = 1;
  for (const char *p = t; *p; p++)
    if (*p == ' ') words++;
  return words > 7;
}

/* Senses added from the current headword part (for marking entries that
 * list inflected forms). */
static size_t S_part_senses[512];
static size_t S_n_part_senses;

/* Does the ';'-separated domain list hold "vr" (S_join_domains)? */
static bool S_has_vr(const char *domains) {
  for (const char *p = domains; p && *p;) {
    size_t l = strcspn(p, ";");
    if (l == 2 && p[0] == 'v' && p[1] == 'r') return true;
    p += l;
    if (*p) p++;
  }
  return false;
}

static void S_add_sense(dgc_lex *lx, const char *lemma, const char *pos, const char *gender,
                        const char *gloss, const char *domains, long line, int sub, int jde,
                        int ken, int nen, int nsubs, int slotted) {
  bool fresh;
  dgc_sense *s = dgc_sense_get(lx, lemma, pos, gloss, &fresh);
  float pen = dgc_domain_penalty(lx, domains);
  /* (the first sense of the reflexive verb where it heads a line,
   * whichever line's domains the sense keeps: "feel" of "fühlen {vt}" is
   * also that of "sich fühlen {vr} :: to feel") */
  if (sub == 0 && jde == 0 && ken == 0 && S_has_vr(domains)) s->flags |= DGC_VR_TOO;
  if (S_n_part_senses < 512) S_part_senses[S_n_part_senses++] = (size_t)(s - lx->senses);
  if (fresh) {
    char src[32];
    snprintf(src, sizeof src, "ding:%ld", line);
    s->gender = dgc_strdup(gender);
    s->domains = dgc_strdup(domains);
    s->source = dgc_strdup(src);
    s->line = (int)line;
    s->sub = sub;
    s->jde = jde;
    s->ken = ken;
    s->nen = nen;
    s->nlines = 1;
    s->nsubs = nsubs;
    s->slotted = slotted;
    s->dompen = pen;
    return;
  }
  if (s->line != (int)line) s->nlines++;
  bool better = sub < s->sub || (sub == s->sub && pen < s->dompen) ||
                (sub == s->sub && pen == s->dompen && jde + ken < s->jde + s->ken);
  if (better) {
    char src[32];
    snprintf(src, sizeof src, "ding:%ld", line);
    s->source = dgc_strdup(src);
    s->domains = dgc_strdup(domains);
    s->line = (int)line;
    s->nen = nen;
  }
  if (sub < s->sub) s->sub = sub;
  if (jde < s->jde) s->jde = jde;
  if (ken < s->ken) s->ken = ken;
  if (nsubs > s->nsubs) s->nsubs = nsubs;
  static const int slot_rank[] = {0, 1, 3, 2}; /* plain < etw. < mit jdm. < sich */
  if (slot_rank[slotted & 3] < slot_rank[s->slotted & 3]) s->slotted = slotted;
  if (pen < s->dompen) s->dompen = pen;
  if (!s->gender[0] && gender[0]) s->gender = dgc_strdup(gender);
}


/* ---- phrase-derived headword senses ----
 * "von etw. profitieren", "einer Erklärung bedürfen" ... : a phrase whose
 * words are slots, prepositions and articles around exactly one content word
 * (verb, adverb, adjective) gives that word a sense when it has no headword
 * sense of its own.  Candidates are kept until the whole file is read. */
typedef struct S_cand {
  const char *lemma, *pos, *gloss, *domains;
  long line;
  int ken, nen;
  bool phrasal; /* from a phrase (ranked lower); else a split English synonym */
} S_cand;
static S_cand *S_cands;
static size_t S_n_cands, S_cap_cands;

static void S_cand_push(const char *lemma, const char *pos, const char *gloss, const char *domains,
                        long line, int ken, int nen, bool phrasal) {
  if (S_n_cands == S_cap_cands) {
    S_cap_cands = S_cap_cands ? 2 * S_cap_cands : 256;
    S_cands = dg_xrealloc(S_cands, S_cap_cands * sizeof *S_cands);
  }
  S_cands[S_n_cands++] = (S_cand){dgc_strdup(lemma), pos, dgc_strdup(gloss), dgc_strdup(domains),
                                  line, ken, nen, phrasal};
}

static bool S_is_function_word(const char *w, size_t n) {
  static const char *const fw[] = {"der", "die", "das", "den", "dem", "des", "ein", "eine",
                                   "einen", "einem", "einer", "eines", "zum", "zur", "im",
                                   "am", "ins", "ans", "vom", "beim", "durch", "ohne", "sich",
                                   "jemandem", "jemanden", "etwas", NULL};
  for (int i = 0; fw[i]; i++)
    if (strlen(fw[i]) == n && memcmp(fw[i], w, n) == 0) return true;
  return S_is_slot(w, n) || S_is_prep_n(w, n);
}

/* The one content word of a phrase, or false.  "einer Sache" is a slot. */
static bool S_single_content(const char *text, char *out, size_t cap, bool *last) {
  int content = 0;
  bool prev_einer = false;
  const char *p = text;
  *last = false;
  while (*p) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    if (n == 0) break;
    bool is_einer = n == 5 && memcmp(p, "einer", 5) == 0;
    if (prev_einer && n == 5 && memcmp(p, "Sache", 5) == 0) {
      /* "einer Sache": a slot */
    } else if (!S_is_function_word(p, n)) {
      for (size_t q = 0; q < n; q++) {
        unsigned char c = (unsigned char)p[q];
        if (!(isalpha(c) || c >= 0x80) || c == 0xe2) return false; /* punctuation, "…" */
      }
      if (!islower((unsigned char)p[0]) && (unsigned char)p[0] != 0xc3) return false;
      if ((unsigned char)p[0] == 0xc3 && !((unsigned char)p[1] >= 0xa0)) return false; /* Ä Ö Ü */
      if (++content > 1 || n >= cap) return false;
      memcpy(out, p, n);
      out[n] = '\0';
      *last = *e == '\0';
    }
    prev_einer = is_einer;
    p = e;
  }
  return content == 1;
}

static void S_phrase_candidate(const S_syn *de, const char *tags, const S_syn *en, size_t nen,
                               long line) {
  char word[128];
  bool last;
  size_t tl = strlen(de->text);
  const char *pos = NULL;
  if (tl > 7 && tl < sizeof word && strcmp(de->text + tl - 5, "e/r/s") == 0 &&
      !strchr(de->text, ' ') && islower((unsigned char)de->text[0]) &&
      (S_has_tag(tags, "adj") || !tags[0])) {
    /* "sogenannte/r/s {adj}": an adjective given with its endings -> "sogenannt" */
    memcpy(word, de->text, tl - 5);
    word[tl - 5] = '\0';
    pos = "ADJ";
  } else if (!S_single_content(de->text, word, sizeof word, &last)) {
    return;
  } else if (nen > 0 && strncmp(en[0].text, "to ", 3) == 0) {
    size_t l = strlen(word);
    if (!last || l < 4 || word[l - 1] != 'n') return; /* an infinitive ends the phrase */
    pos = "VERB";
  } else if (S_has_tag(tags, "adv")) {
    pos = "ADV";
  } else if (S_has_tag(tags, "adj")) {
    pos = "ADJ";
  } else {
    return;
  }
  bool verb = strcmp(pos, "VERB") == 0;
  for (size_t k = 0; k < nen && k < 4; k++) {
    char gl[256];
    if (!dgc_gloss(en[k].text, verb, false, true, gl, sizeof gl)) continue;
    char *sp = strrchr(gl, ' ');
    if (verb && sp && dgc_en_prep(sp + 1, strlen(sp + 1)))
      *sp = '\0'; /* "contribute to": the preposition goes with the German one */
    char doms[256];
    S_join_domains(doms, sizeof doms, de->domains, en[k].domains);
    S_cand_push(word, pos, gl, doms, line, (int)k, (int)nen, true);
  }
}

/* Senses for candidate lemmas that got no headword sense from the file. */
static void S_phrase_senses(dgc_lex *lx) {
  dgc_map heads;
  dgc_map_init(&heads);
  bool fresh;
  size_t derived = 0, split = 0;
  for (size_t i = 0; i < lx->n_senses; i++) dgc_map_put(&heads, lx->senses[i].lemma, 0, &fresh);
  for (size_t i = 0; i < S_n_cands; i++) {
    const S_cand *c = &S_cands[i];
    if (dgc_map_get(&heads, c->lemma)) continue;
    size_t before = lx->n_senses;
    S_add_sense(lx, c->lemma, c->pos, "", c->gloss, c->domains, c->line, c->phrasal ? 1 : 0, 0,
                c->ken, c->nen, 1, 0);
    if (c->phrasal)
      for (size_t j = before; j < lx->n_senses; j++) lx->senses[j].phrasal = 1;
    if (c->phrasal) derived += lx->n_senses - before;
    else split += lx->n_senses - before;
  }
  fprintf(stderr,
          "dgcompile: %zu senses derived from phrase entries, %zu from comma-split synonyms\n",
          derived, split);
  dgc_map_free(&heads);
  free(S_cands);
  S_cands = NULL;
  S_n_cands = S_cap_cands = 0;
}

/* The final verb of a phrase as written ("einer Erklärung bedürfen" ->
 * "bedürfen"), when it is not the phrase's key word. */
static bool S_final_verb(const char *text, const char *key, char *out, size_t cap) {
  const char *sp = strrchr(text, ' ');
  if (!sp) return false;
  const char *w = sp + 1;
  size_t n = strlen(w);
  if (n < 4 || n >= cap || w[n - 1] != 'n' || !islower((unsigned char)w[0])) return false;
  if (S_is_function_word(w, n) || strcmp(w, key) == 0) return false;
  for (size_t q = 0; q < n; q++) {
    unsigned char c = (unsigned char)w[q];
    if (!(isalpha(c) || c >= 0x80) || c == 0xe2) return false;
  }
  memcpy(out, w, n + 1);
  return true;
}

/* Headwords of one German part aligned with one English part. */
static void S_headwords(dgc_lex *lx, S_syn *de, size_t nde, S_syn *en, size_t nen, long line,
                        int sub, int nsubs, const char **part_pos) {
  /* Tags written once after the last synonym apply to all before it. */
  for (size_t j = 0; j < nde; j++) part_pos[j] = NULL;
  for (size_t j = 0; j < nde; j++) {
    const char *tags = de[j].tags;
    if (!tags[0])
      for (size_t k = j + 1; k < nde; k++)
        if (de[k].tags[0]) {
          tags = de[k].tags;
          break;
        }
    int slotted;
    const char *head = S_headword(de[j].text, &slotted);
    bool reflexive = S_reflexive;
    /* in later parts an untagged lower-case word is an inflected form or
     * an example ("kam", "gab"), not a headword of its own */
    if (head && sub > 0 && !de[j].tags[0] && !isupper((unsigned char)head[0]) &&
        (unsigned char)head[0] != 0xc3) {
      /* ... but "von etw. profitieren" (with slots) is a phrase-like use */
      if (slotted && nen > 0) S_phrase_candidate(&de[j], tags, en, nen, line);
      continue;
    }
    const char *gender;
    const char *pos = S_pos_of(tags, head ? head : de[j].text, &gender);
    if (!pos && head) {
      bool verbish = nen > 0 && strncmp(en[0].text, "to ", 3) == 0;
      if (verbish && !isupper((unsigned char)head[0])) pos = "VERB";
      else if (isupper((unsigned char)head[0]) || (unsigned char)head[0] == 0xc3)
        pos = isupper((unsigned char)head[0]) ? "NOUN" : "X";
      else
        pos = "X";
    }
    part_pos[j] = pos;
    if (!head) {
      /* a phrase: index it with the whole English part */
      if (S_sentence_like(de[j].text) || nen == 0) continue;
      char *key = S_phrase_key(de[j].text);
      if (!key) continue;
      char gl[512] = "";
      for (size_t k = 0; k < nen && k < 3; k++)
        if (en[k].text[0]) dgc_append(gl, sizeof gl, "; ", en[k].text, strlen(en[k].text));
      if (gl[0]) {
        char src[32];
        snprintf(src, sizeof src, "ding:%ld", line);
        char keyed[600];
        snprintf(keyed, sizeof keyed, "%s", de[j].text);
        dgc_phrase_add(lx, keyed, gl, src);
        size_t pi = lx->n_phrases - 1;
        lx->phrases[pi].key_word = dgc_strdup(key);
        bool verbish = strncmp(en[0].text, "to ", 3) == 0;
        char fv[128];
        if (verbish && S_final_verb(de[j].text, key, fv, sizeof fv)) dgc_phrase_add_key(lx, pi, fv);
      }
      free(key);
      S_phrase_candidate(&de[j], tags, en, nen, line);
      continue;
    }
    bool verb = strcmp(pos, "VERB") == 0, noun = strcmp(pos, "NOUN") == 0;
    for (size_t k = 0; k < nen; k++) {
      /* "at a minimum, at least": when the whole synonym is no usable
       * gloss, its comma-separated alternatives may be */
      char alt_buf[512];
      char *alts[8];
      size_t nalt = 0;
      char gl[256];
      if (dgc_gloss(en[k].text, verb, noun, slotted == 3, gl, sizeof gl)) {
        alts[0] = NULL;
        nalt = 1;
      } else if (strstr(en[k].text, ", ")) {
        /* only for a lemma left without any headword sense (like the
         * phrase-derived senses), so ranked lemmas keep their senses */
        snprintf(alt_buf, sizeof alt_buf, "%s", en[k].text);
        size_t na = S_split(alt_buf, ',', alts, 8);
        char doms[256];
        S_join_domains(doms, sizeof doms, de[j].domains, en[k].domains);
        for (size_t a = 0; a < na; a++)
          if (dgc_gloss(alts[a], verb, noun, slotted == 3, gl, sizeof gl))
            S_cand_push(head, pos, gl, doms, line, (int)k, (int)nen, false);
      }
      for (size_t a = 0; a < nalt; a++) {
        if (alts[a] && !dgc_gloss(alts[a], verb, noun, slotted == 3, gl, sizeof gl)) continue;
        if (verb && en[k].irreg[0]) dgc_irregular_add(lx, gl, en[k].irreg);
        char doms[256];
        S_join_domains(doms, sizeof doms, de[j].domains, en[k].domains);
        /* "(ungebräuchlich)", "(selten)", "(veraltet)" in comments */
        static const char *const rare[] = {"ungebräuchlich", "selten", "veraltet", "veraltend",
                                           "obsolete", "rare", "archaic", NULL};
        for (int r = 0; rare[r]; r++)
          if (strstr(de[j].comment, rare[r]) || strstr(en[k].comment, rare[r])) {
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%s", doms);
            S_join_domains(doms, sizeof doms, tmp, "rare");
            break;
          }
        /* "vr": a sense of the reflexive verb ("sich erinnern" = remember),
         * chosen by the glosser when the clause has a reflexive pronoun */
        if (reflexive && verb) {
          char tmp[256];
          snprintf(tmp, sizeof tmp, "%s", doms);
          S_join_domains(doms, sizeof doms, tmp, "vr");
        }
        S_add_sense(lx, head, pos, gender, gl, doms, line, sub, (int)j, (int)k, (int)nen, nsubs,
                    slotted);
        /* German <variants> (spellings, related forms) get the sense too, as
         * a weaker, sub-entry-like headword: "Acetylen <Azetylen>" */
        if (de[j].variants[0]) {
          char vb[256];
          snprintf(vb, sizeof vb, "%s", de[j].variants);
          char *vs[8];
          size_t nv = S_split(vb, ';', vs, 8);
          for (size_t v = 0; v < nv; v++) {
            if (!vs[v][0] || strchr(vs[v], ' ') || strcmp(vs[v], head) == 0) continue;
            if (strcmp(pos, "NOUN") == 0 && !isupper((unsigned char)vs[v][0]) &&
                (unsigned char)vs[v][0] != 0xc3)
              continue;
            S_add_sense(lx, vs[v], pos, gender, gl, doms, line, sub > 0 ? sub : 1, (int)j + 1,
                        (int)k, (int)nen, nsubs, slotted);
          }
        }
      }
    }
  }
}

static void S_line(dgc_lex *lx, char *text, long line) {
  char *sep = strstr(text, " :: ");
  if (!sep) return;
  *sep = '\0';
  char *de_s = text, *en_s = sep + 4;
  char *de_parts[S_MAXPARTS], *en_parts[S_MAXPARTS];
  size_t nd = S_split(de_s, '|', de_parts, S_MAXPARTS);
  size_t ne = S_split(en_s, '|', en_parts, S_MAXPARTS);
  size_t np = nd < ne ? nd : ne;
  static S_syn prev_de[S_MAXSYN], de[S_MAXSYN], en[S_MAXSYN];
  size_t n_prev = 0;
  const char *sub_pos[S_MAXSYN];
  const char *head_pos[S_MAXSYN];
  const char *entry_pos = "X";
  bool entry_rare = false;
  char forms[S_MAXSYN][128];
  for (size_t i = 0; i < np; i++) {
    char *ds[S_MAXSYN], *es[S_MAXSYN];
    size_t a = S_split(de_parts[i], ';', ds, S_MAXSYN);
    size_t b = S_split(en_parts[i], ';', es, S_MAXSYN);
    for (size_t k = 0; k < a; k++) S_parse_syn(ds[k], &de[k]);
    for (size_t k = 0; k < b; k++) S_parse_syn(es[k], &en[k]);
    if (i == 0) {
      S_n_part_senses = 0;
      S_headwords(lx, de, a, en, b, line, 0, (int)np, head_pos);
      entry_pos = "X";
      for (size_t k = 0; k < a; k++)
        if (head_pos[k]) {
          entry_pos = head_pos[k];
          break;
        }
      for (size_t k = 0; k < a; k++) {
        float pen = dgc_domain_penalty(lx, de[k].domains);
        if (pen >= 2.5f || strstr(de[k].comment, "ungebräuchlich") || strstr(de[k].comment, "veraltet"))
          entry_rare = true;
      }
    } else if (entry_rare && S_form_part(de, a, entry_pos, forms)) {
      continue; /* forms of an obsolete word ("wesen | west") would shadow others */
    } else if (S_form_part(de, a, entry_pos, forms)) {
      /* forms of the previous headword part: aligned by position when the
       * counts agree, and always by resemblance (a form shares its start
       * with its lemma: Mütter/Mutter, gefunden/finden, angekommen/ankommen) */
      for (size_t k = 0; k < a; k++) {
        if (!forms[k][0]) continue;
        int best = -1, best_score = -1;
        char lemma[256];
        for (size_t t = 0; t < n_prev; t++) {
          int slotted;
          const char *h = S_headword(prev_de[t].text, &slotted);
          if (!h) continue;
          int cp;
          const char *fsp = strchr(forms[k], ' ');
          if (fsp) { /* "stimmt ab" -> abstimmen */
            size_t pl = strlen(fsp + 1);
            char stem[128];
            size_t sl = (size_t)(fsp - forms[k]);
            if (sl >= sizeof stem || strncmp(h, fsp + 1, pl) != 0) continue;
            memcpy(stem, forms[k], sl);
            stem[sl] = '\0';
            int r = S_resemblance(stem, h + pl);
            cp = r >= 1 ? (int)pl + r : 0;
          } else {
            cp = S_resemblance(forms[k], h);
          }
          int need = strcmp(entry_pos, "NOUN") == 0 ? 3 : strcmp(entry_pos, "ADJ") == 0 ? 2 : 1;
          size_t hl = strlen(h);
          if ((size_t)need > hl - 1) need = (int)hl - 1;
          if (cp < need) continue;
          int sc = cp + (n_prev == a && t == k ? 2 : 0);
          if (sc > best_score) {
            best_score = sc;
            best = (int)t;
            snprintf(lemma, sizeof lemma, "%s", h);
          }
        }
        if (best < 0 || strcmp(lemma, forms[k]) == 0) continue;
        dgc_form_add(lx, forms[k], lemma);
        for (size_t x = 0; x < S_n_part_senses; x++) {
          dgc_sense *sn = &lx->senses[S_part_senses[x]];
          if (strcmp(sn->lemma, lemma) == 0) sn->hasforms = 1;
        }
      }
      continue; /* forms do not replace the previous headword part */
    } else {
      S_n_part_senses = 0;
      S_headwords(lx, de, a, en, b, line, (int)i, (int)np, sub_pos);
      bool any_head = false;
      for (size_t k = 0; k < a; k++) {
        int slotted;
        if (S_headword(de[k].text, &slotted)) any_head = true;
      }
      if (!any_head) continue;
    }
    memcpy(prev_de, de, a * sizeof de[0]);
    n_prev = a;
  }
}

/* Adjectival nouns: Ding lists "Gefangener {m} | Gefangene {pl}"; the weak
 * form "Gefangene" (also the feminine) is what lemmatizers give, so it gets
 * the same senses. */
static void S_adjectival_nouns(dgc_lex *lx) {
  dgc_map weak; /* strong lemma -> 1 */
  dgc_map_init(&weak);
  for (size_t i = 0; i < lx->n_forms; i++) {
    const char *f = lx->forms[i].form, *l = lx->forms[i].lemma;
    size_t fl = strlen(f), ll = strlen(l);
    if (ll == fl + 1 && ll > 4 && strcmp(l + ll - 2, "er") == 0 && strncmp(f, l, fl) == 0 &&
        isupper((unsigned char)l[0])) {
      bool fresh;
      dgc_map_put(&weak, l, 0, &fresh);
    }
  }
  size_t n = lx->n_senses;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(lx->senses[i].pos, "NOUN") != 0 || !dgc_map_get(&weak, lx->senses[i].lemma)) continue;
    dgc_sense copy = lx->senses[i];
    char w[256];
    size_t ll = strlen(copy.lemma);
    if (ll >= sizeof w) continue;
    memcpy(w, copy.lemma, ll - 1);
    w[ll - 1] = '\0';
    bool fresh;
    dgc_sense *s = dgc_sense_get(lx, w, copy.pos, copy.gloss, &fresh);
    if (!fresh) continue;
    const char *lemma = s->lemma;
    *s = copy;
    s->lemma = lemma;
    s->gender = ""; /* der/die Gefangene */
  }
  dgc_map_free(&weak);
}

/* Phrase keys: the first content word folded, an inflected form replaced by
 * its lemma ("Gespräche im Vorfeld" -> gespräch) unless the word is a
 * headword itself as written ("für etw. stimmen" stays under stimmen). */
static void S_phrase_keys(dgc_lex *lx) {
  dgc_map lemma_of; /* form as written -> index into forms */
  dgc_map heads;    /* headwords as written */
  dgc_map_init(&lemma_of);
  dgc_map_init(&heads);
  bool fresh;
  for (size_t i = 0; i < lx->n_forms; i++) dgc_map_put(&lemma_of, lx->forms[i].form, (int)i, &fresh);
  for (size_t i = 0; i < lx->n_senses; i++) dgc_map_put(&heads, lx->senses[i].lemma, 0, &fresh);
  for (size_t i = 0; i < lx->n_phrases; i++) {
    dgc_phrase *ph = &lx->phrases[i];
    if (!ph->key || !ph->key_word) continue; /* duplicate or keyless */
    const char *w = ph->key_word;
    int *f = dgc_map_get(&lemma_of, w);
    if (f && !dgc_map_get(&heads, w)) w = lx->forms[*f].lemma;
    char *k = dg_lexicon_fold(w);
    ph->key = dgc_strdup(k);
    free(k);
  }
  dgc_map_free(&lemma_of);
  dgc_map_free(&heads);
}

bool dgc_read_ding(dgc_lex *lx, const char *path) {
  S_lx = lx;
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "dgcompile: %s: cannot open the Ding dictionary: %s\n", path, strerror(errno));
    return false;
  }
  char *buf = NULL;
  size_t cap = 0;
  ssize_t len;
  long line = 0, entries = 0;
  while ((len = getline(&buf, &cap, f)) >= 0) {
    line++;
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
    if (buf[0] == '#' || buf[0] == '\0') continue;
    entries++;
    S_line(lx, buf, line);
  }
  free(buf);
  bool ok = !ferror(f);
  fclose(f);
  if (!ok || entries < dgc_min_entries) {
    fprintf(stderr, "dgcompile: %s: %s (%ld entries)\n", path,
            ok ? "does not look like the Ding dictionary" : "read error", entries);
    return false;
  }
  lx->ding_lines = entries;
  S_phrase_senses(lx);
  S_adjectival_nouns(lx);
  S_phrase_keys(lx);
  return true;
}
