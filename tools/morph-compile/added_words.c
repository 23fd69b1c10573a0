/* morph-compile: the words the paradigm data lacks.  From hunspell's
 * dictionary (Debian's hunspell-de-de, read at build time): nouns with the
 * forms their suffix flags give, names, verbs (from a listed base verb with
 * a prefix, or conjugated like a regular model verb), -ung nouns and
 * feminines of known words, adjectives, and the rest as uninflected words.
 * From Ding (--ding): the nouns neither source knows, as compound parts and
 * heads.  Shared tables in morph_compile.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapfile.h"
#include "morph_data.h"
#include "morph_internal.h"
#include "morph_text.h"
#include "util.h"
#include "morph_compile.h"

/* ---- hunspell's dictionary ---- */

static bool S_has(const char *flags, const char *any) {
  for (; *any; any++)
    if (strchr(flags, *any)) return true;
  return false;
}

static bool S_known_form(const char *word) {
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, word, strlen(word));
  bool found = false;
  if ((mc_nkeys + 1) * 2 <= mc_kslots) {
    size_t j = (size_t)dg_hash64(low.data, low.len, 0) & (mc_kslots - 1);
    while (mc_ktab[j] != UINT32_MAX) {
      mc_key *k = &mc_keys[mc_ktab[j]];
      if (strcmp(mc_str.data + k->form, low.data) == 0) {
        found = k->nan > 0;
        break;
      }
      j = (j + 1) & (mc_kslots - 1);
    }
  }
  dg_buf_free(&low);
  return found;
}

/* Does the (exact, lower-case) form have a reading of part of speech pos? */
static bool S_known_pos(const char *word, int pos) {
  mc_key *k = mc_key_of(word);
  for (size_t i = 0; i < k->nan; i++)
    if (k->an[i].pos == pos) return true;
  return false;
}

/* Is the lower-case word known as anything but a noun form (mitten is a
 * word of its own besides Mitten, the plural of Mitte)? */
static bool S_known_nonnoun(const char *word) {
  mc_key *k = mc_key_of(word);
  for (size_t i = 0; i < k->nan; i++)
    if (k->an[i].pos != DG_POS_NOUN && k->an[i].pos != DG_POS_PROPN) return true;
  return false;
}

/* Is the capitalised word known in small letters only as the bare form
 * of an adjective (Stumpf: stumpf, Schwarz: schwarz)?  Ding's noun beside
 * it is a noun of its own (der Stumpf, das Schwarz), a compound head after
 * a long noun (Weiden|stumpf; compound_whole.c). */
static bool S_bare_adj(const char *word) {
  dg_buf low;
  dg_buf_init(&low);
  dg_utf8_lower(&low, word, strlen(word));
  mc_key *k = mc_key_of(low.data);
  bool adj = k->nan > 0;
  for (size_t i = 0; i < k->nan && adj; i++)
    if (k->an[i].pos != DG_POS_ADJ || strcmp(mc_str.data + mc_lemmas[k->an[i].lemma].str, low.data) != 0)
      adj = false;
  dg_buf_free(&low);
  return adj;
}

/* Is word an old-spelling twin's new spelling: "musste" for known "mußte"? */
static bool S_eszett_twin(const char *word) {
  const char *p = word;
  bool found = false;
  dg_buf b;
  dg_buf_init(&b);
  while (!found && (p = strstr(p, "ss")) != NULL) {
    dg_buf_clear(&b);
    dg_buf_put(&b, word, (size_t)(p - word));
    dg_buf_puts(&b, "ß");
    dg_buf_puts(&b, p + 2);
    found = S_known_form(b.data);
    p += 2;
  }
  dg_buf_free(&b);
  return found;
}

/* Is word a comparative or superlative of a known adjective (größte)? */
static bool S_is_degree(const char *word) {
  static const char *const ends[] = {"erem", "eren", "erer", "eres", "ere", "er", "estem",
                                     "esten", "ester", "estes", "este", "stem", "sten", "ster",
                                     "stes", "ste", NULL};
  size_t n = strlen(word);
  dg_buf b;
  dg_buf_init(&b);
  bool found = false;
  for (size_t i = 0; ends[i] && !found; i++) {
    size_t l = strlen(ends[i]);
    if (n < l + 3 || strcmp(word + n - l, ends[i]) != 0) continue;
    for (int um = 0; um < 2 && !found; um++) {
      dg_buf_clear(&b);
      dg_buf_put(&b, word, n - l);
      if (um) {
        /* the last ä/ö/ü -> a/o/u */
        bool done = false;
        for (size_t j = b.len; j-- > 1 && !done;) {
          unsigned char c0 = (unsigned char)b.data[j - 1], c1 = (unsigned char)b.data[j];
          if (c0 == 0xC3 && (c1 == 0xA4 || c1 == 0xB6 || c1 == 0xBC)) {
            b.data[j - 1] = c1 == 0xA4 ? 'a' : c1 == 0xB6 ? 'o' : 'u';
            memmove(b.data + j, b.data + j + 1, b.len - j);
            b.len--;
            done = true;
          }
        }
        if (!done) continue;
      }
      found = mc_lemma_find(b.data, DG_POS_ADJ) != UINT32_MAX;
    }
  }
  dg_buf_free(&b);
  return found;
}

static const mc_class *S_class_of(const char *lemma, int pos) {
  uint32_t li = mc_lemma_find(lemma, pos);
  if (li == UINT32_MAX || mc_lemma_class[li] == UINT32_MAX) return NULL;
  return &mc_classes[mc_lemma_class[li]];
}

static const char *S_prefix_of(const char *word, const char *const *list, size_t minrest) {
  size_t n = strlen(word);
  for (size_t i = 0; list[i]; i++) {
    size_t l = strlen(list[i]);
    if (n >= l + minrest && strncmp(word, list[i], l) == 0) return list[i];
  }
  return NULL;
}

/* A verb the paradigm data lacks: from a listed base verb with a prefix,
 * else conjugated like a regular (weak) model verb. */
static void S_hs_verb(const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; mc_particles[i]; i++) {
    const char *p = mc_particles[i];
    size_t pl = strlen(p);
    if (n < pl + 4 || strncmp(word, p, pl) != 0 || S_prefix_of(word, mc_ambig, 4)) continue;
    const mc_class *c = S_class_of(word + pl, DG_POS_VERB);
    if (!c) continue;
    uint32_t li = mc_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, (int)pl);
    mc_apply_class(c, word + pl, p, pl, li, false);
    return;
  }
  const char *pre = S_prefix_of(word, mc_insep, 4);
  if (!pre) pre = S_prefix_of(word, mc_ambig, 4);
  if (pre) {
    const mc_class *c = S_class_of(word + strlen(pre), DG_POS_VERB);
    if (c) {
      uint32_t li = mc_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, 0);
      mc_apply_class(c, word + strlen(pre), pre, 0, li, true);
      return;
    }
  }
  bool insep = S_prefix_of(word, mc_insep, 4) != NULL || S_prefix_of(word, mc_ambig, 5) != NULL;
  const char *model;
  if (mc_ends(word, "ieren")) model = "studieren";
  else if (mc_ends(word, "eln")) model = insep ? "verwechseln" : "sammeln";
  else if (mc_ends(word, "ern")) model = insep ? "verändern" : "ändern";
  else if (mc_ends(word, "ten") || mc_ends(word, "den") ||
           (n > 4 && mc_ends(word, "nen") && !strchr("lrhmn", word[n - 4])) ||
           (n > 4 && mc_ends(word, "men") && !strchr("lrhmn", word[n - 4])))
    model = insep ? "beobachten" : "arbeiten";
  else if (mc_ends(word, "en")) model = insep ? "bestätigen" : "machen";
  else return;
  const mc_class *c = S_class_of(model, DG_POS_VERB);
  if (!c) return;
  /* A separable particle in front of an unlisted verb: ab|segnen. */
  for (size_t i = 0; mc_particles[i] && !insep; i++) {
    const char *p = mc_particles[i];
    size_t pl = strlen(p);
    if (n < pl + 5 || strncmp(word, p, pl) != 0) continue;
    uint32_t li = mc_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, (int)pl);
    mc_apply_class(c, word + pl, p, pl, li, false);
    return;
  }
  uint32_t li = mc_new_lemma(word, DG_POS_VERB, DG_GENDER_NONE, 0);
  mc_apply_class(c, word, "", 0, li, false);
}

/* The -ung noun of a verb (hunspell's J flag): ändern -> Änderung,
 * sammeln -> Sammlung, reservieren -> Reservierung; declined like Zeitung. */
static void S_hs_ung(const char *verb) {
  size_t n = strlen(verb);
  dg_buf b, cap;
  dg_buf_init(&b);
  dg_buf_init(&cap);
  if (mc_ends(verb, "eln")) {
    dg_buf_put(&b, verb, n - 3);
    dg_buf_puts(&b, "lung");
  } else if (mc_ends(verb, "ern")) {
    dg_buf_put(&b, verb, n - 1);
    dg_buf_puts(&b, "ung");
  } else if (mc_ends(verb, "en") && n > 4) {
    dg_buf_put(&b, verb, n - 2);
    dg_buf_puts(&b, "ung");
  }
  if (b.len) {
    dg_utf8_capitalize(&cap, b.data, b.len);
    const mc_class *c = S_class_of("Zeitung", DG_POS_NOUN);
    if (c && mc_lemma_find(cap.data, DG_POS_NOUN) == UINT32_MAX && !S_known_form(cap.data)) {
      uint32_t li = mc_new_lemma(cap.data, DG_POS_NOUN, DG_GENDER_FEM, 0);
      mc_lemma_class[li] = (uint32_t)(c - mc_classes);
      mc_apply_class(c, cap.data, "", 0, li, false);
    }
  }
  dg_buf_free(&b);
  dg_buf_free(&cap);
}

/* The feminine noun in -in of hunspell's F flag: Lehrer -> Lehrerin,
 * Kollege -> Kollegin; plural -innen. */
static void S_hs_feminine(const char *word) {
  dg_buf b, pl;
  dg_buf_init(&b);
  dg_buf_init(&pl);
  size_t n = strlen(word);
  dg_buf_put(&b, word, mc_ends(word, "e") ? n - 1 : n);
  dg_buf_puts(&b, "in");
  dg_buf_printf(&pl, "%snen", b.data);
  if (mc_lemma_find(b.data, DG_POS_NOUN) == UINT32_MAX && !S_known_form(b.data)) {
    uint32_t li = mc_new_lemma(b.data, DG_POS_NOUN, DG_GENDER_FEM, 0);
    mc_add(b.data, li, 0, DG_POS_NOUN, 0, 0, 0x55);
    mc_add(pl.data, li, 0, DG_POS_NOUN, 0, 0, 0xAA);
  }
  dg_buf_free(&b);
  dg_buf_free(&pl);
}

/* Noun forms from hunspell's suffix flags (S +s, T +es genitive; E +e,
 * N +n, P +en, R +er/+ern plural; q/Q for nouns in -s). */
static void S_hs_noun(const char *word, const char *flags, uint32_t li, bool fresh, bool name) {
  dg_buf f;
  dg_buf_init(&f);
  uint8_t pos = name ? DG_POS_PROPN : DG_POS_NOUN;
#define FORM(suf, cells)                               \
  do {                                                 \
    dg_buf_clear(&f);                                  \
    dg_buf_puts(&f, word);                             \
    dg_buf_puts(&f, suf);                              \
    mc_add(f.data, li, 0, pos, 0, 0, (uint64_t)(cells)); \
  } while (0)
  bool gen = S_has(flags, "STQ");
  bool e = strchr(flags, 'E') != NULL;
  /* A masculine noun in -er with a feminine in -in (F: Lehrer, Lehrerin;
   * Unterstützer, Unterstützerin) has no plural ending: die Unterstützer
   * is NOM/GEN/ACC plural, and its -n form only the dative plural (den
   * Unterstützern).  A weak noun in -er, whose -n form is its whole plural
   * (Bauer, die Bauern), has no F. */
  bool zero_pl = !e && !name && strchr(flags, 'N') && strchr(flags, 'F') && mc_ends(word, "er");
  if (fresh) FORM("", (gen ? 0x15 : 0x55) | (zero_pl ? 0x8A : 0));
  if (strchr(flags, 'S')) FORM("s", 0x40);
  if (strchr(flags, 'T')) FORM("es", 0x40);
  if (strchr(flags, 'Q')) FORM("ses", 0x40);
  if (e) FORM("e", 0x8A);
  if (strchr(flags, 'N')) FORM("n", e || zero_pl ? 0x20 : 0xAA);
  if (strchr(flags, 'P')) FORM("en", e ? 0x20 : 0xAA);
  if (strchr(flags, 'R')) {
    FORM("er", 0x8A);
    FORM("ern", 0x20);
  }
  if (strchr(flags, 'q')) {
    FORM("se", 0x8A);
    FORM("sen", 0x20);
  }
#undef FORM
  dg_buf_free(&f);
  if (strchr(flags, 'F') && !name) S_hs_feminine(word);
}

/* Is word[0..n) a known form, maybe followed by a linking element? */
static bool S_known_modifier(const char *word, size_t n) {
  const char *const *links = mc_links;
  bool found = false;
  dg_buf b;
  dg_buf_init(&b);
  for (size_t i = 0; links[i] && !found; i++) {
    size_t l = strlen(links[i]);
    if (n < l + 3 || strncmp(word + n - l, links[i], l) != 0) continue;
    dg_buf_clear(&b);
    dg_buf_put(&b, word, n - l);
    found = S_known_form(b.data);
  }
  dg_buf_free(&b);
  return found;
}

/* A compound noun whose head the paradigm data knows (Waffenstillstands-
 * abkommen): declined like its head, with its gender. */
static bool S_hs_compound_noun(const char *word, const char *flags) {
  size_t n = strlen(word);
  dg_buf head;
  dg_buf_init(&head);
  bool done = false;
  size_t i = 0;
  while (i < n && !done) {
    int32_t c;
    i += dg_utf8_next(word + i, n - i, &c);
    if (dg_utf8_length(word + i, n - i) < 4) break;
    dg_buf_clear(&head);
    dg_utf8_capitalize(&head, word + i, n - i);
    uint32_t hl = mc_lemma_find(head.data, DG_POS_NOUN);
    if (hl == UINT32_MAX || mc_lemma_class[hl] == UINT32_MAX) continue;
    /* The rest must be a word too, maybe with a link; names of places
     * (Russland, Hamburg) are no compounds of Land or Burg. */
    if (!S_known_modifier(word, i)) continue;
    static const char *const place[] = {"Land", "Burg", "Berg", "Dorf", "Stadt", "Heim", "Hausen",
                                        "Feld", "Hof", "Bach", "Bad", "Furt", "Haven", NULL};
    bool is_place = false;
    for (size_t p = 0; place[p]; p++) is_place |= strcmp(head.data, place[p]) == 0;
    if (is_place && !S_has(flags, "ENPRq")) break;
    /* The head's class applied to the whole word. */
    uint32_t li = mc_new_lemma(word, DG_POS_NOUN, mc_lemmas[hl].gender, 0);
    mc_apply_class(&mc_classes[mc_lemma_class[hl]], word, "", 0, li, false);
    S_hs_noun(word, flags, li, false, false);
    done = true;
  }
  dg_buf_free(&head);
  return done;
}

void mc_read_hunspell(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: warning: %s: %s (hunspell words not added)\n", path, err.text);
    return;
  }
  mc_file = path;
  mc_line = 0;
  size_t added = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    mc_line++;
    if (mc_line == 1 || line[0] == '\t' || line[0] == ' ' || line[0] == '#') continue;
    char *flags = strchr(line, '/');
    if (flags) *flags++ = '\0';
    else flags = line + strlen(line);
    flags[strcspn(flags, " \t\r")] = '\0';
    const char *word = line;
    /* J: the verb's -ung noun (reservieren -> Reservierung), also on
     * entries that are otherwise only compound parts. */
    if (strchr(flags, 'J') && !strchr(flags, 'd')) {
      size_t before_j = mc_nlemmas;
      S_hs_ung(word);
      for (size_t i = before_j; i < mc_nlemmas; i++) mc_lemmas[i].flags |= DG_LF_HUNSPELL;
      added += mc_nlemmas - before_j;
    }
    /* o: only inside compounds, d: forbidden, h: needs an affix (compound
     * first parts such as "Arbeits"); the splitter has its own links. */
    if (strpbrk(flags, "odh") || strlen(word) < 2) continue;
    if (strpbrk(word, "0123456789.'") || strchr(word, ' ')) continue;
    bool cap = dg_utf8_is_upper_initial(word, strlen(word));
    size_t before = mc_nlemmas;
    if (cap) {
      /* All capitals (abbreviations) are names too. */
      bool plural = S_has(flags, "ENPRq");
      uint32_t li = mc_lemma_find(word, DG_POS_NOUN);
      if (li != UINT32_MAX) {
        S_hs_noun(word, flags, li, false, false);
        for (size_t i = before; i < mc_nlemmas; i++) mc_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += mc_nlemmas - before;
        continue;
      }
      if (S_known_form(word)) {
        /* A noun spelled like an adjective the tables know (das Wild
         * beside wild): hunspell's declension flags make it a noun of its
         * own, so that it can head a compound (Damm|wild).  Nouns spelled
         * like verb forms (Sparte, Fahren) are left to the tables: a
         * nominalised infinitive is no stem of its own. */
        dg_buf low;
        dg_buf_init(&low);
        dg_utf8_lower(&low, word, strlen(word));
        bool twin = S_has(flags, "STENPR") && S_known_pos(low.data, DG_POS_ADJ) &&
                    !S_known_pos(low.data, DG_POS_VERB) && !S_known_pos(low.data, DG_POS_NOUN) &&
                    !S_known_pos(low.data, DG_POS_PROPN) && dg_utf8_length(word, strlen(word)) >= 4;
        dg_buf_free(&low);
        if (!twin) continue;
        li = mc_new_lemma(word, DG_POS_NOUN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, false);
        for (size_t i = before; i < mc_nlemmas; i++) mc_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += mc_nlemmas - before;
        continue;
      }
      if (S_hs_compound_noun(word, flags)) {
        for (size_t i = before; i < mc_nlemmas; i++) mc_lemmas[i].flags |= DG_LF_HUNSPELL;
        added += mc_nlemmas - before;
        continue;
      }
      if (plural) {
        li = mc_new_lemma(word, DG_POS_NOUN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, false);
      } else {
        li = mc_new_lemma(word, DG_POS_PROPN, DG_GENDER_NONE, 0);
        S_hs_noun(word, flags, li, true, true);
      }
    } else {
      bool verb = strchr("n", word[strlen(word) - 1]) && S_has(flags, "IXYDW");
      /* Skip what the tables already explain: forms of verbs (waren),
       * old-spelling twins (musste = mußte), comparatives (größte). */
      if (verb ? S_known_pos(word, DG_POS_VERB)
               : strchr(flags, 'A') ? mc_lemma_find(word, DG_POS_ADJ) != UINT32_MAX ||
                                          S_known_pos(word, DG_POS_VERB) || S_is_degree(word)
                                    : S_known_nonnoun(word) || S_is_degree(word))
        continue;
      if (S_eszett_twin(word)) continue;
      if (verb) {
        S_hs_verb(word);
      } else if (strchr(flags, 'A')) {
        const mc_class *c = S_class_of(mc_ends(word, "e") ? "leise" : "klein", DG_POS_ADJ);
        if (c) {
          uint32_t li = mc_new_lemma(word, DG_POS_ADJ, DG_GENDER_NONE, 0);
          mc_apply_class(c, word, "", 0, li, false);
          mc_add(word, li, 0, DG_POS_ADJ, 0, 0, 1ULL << DG_CELL_ADJ_PRED);
        }
      } else {
        uint32_t li = mc_new_lemma(word, DG_POS_ADV, DG_GENDER_NONE, 0);
        mc_add(word, li, DG_AF_CLOSED, DG_POS_ADV, 0, 0, 0);
      }
    }
    for (size_t i = before; i < mc_nlemmas; i++) mc_lemmas[i].flags |= DG_LF_HUNSPELL;
    added += mc_nlemmas - before;
  }
  free(text);
  printf("morph-compile: %zu lemmas added from %s\n", added, path);
}

/* ---- Ding: nouns neither the paradigm data nor hunspell know ---- */

/* A cell alternative "Word {g} ..." of one capitalised word in small
 * letters after the first: the word (in b) and its gender letter. */
static int S_ding_noun(const char *alt, size_t n, dg_buf *b) {
  size_t i = 0;
  while (i < n && alt[i] != ' ') i++;
  if (i + 4 > n || alt[i + 1] != '{' || !dg_utf8_is_upper_initial(alt, i)) return 0;
  for (size_t j = 1; j < i; j++)
    if (!((alt[j] >= 'a' && alt[j] <= 'z') || ((unsigned char)alt[j] >= 0x80 && (unsigned char)alt[j] < 0xC0) ||
          (unsigned char)alt[j] == 0xC3))
      return 0;
  int g = alt[i + 2];
  if (alt[i + 3] != '}' && !(g == 'p' && n >= i + 5 && alt[i + 3] == 'l' && alt[i + 4] == '}')) return 0;
  dg_buf_clear(b);
  dg_buf_put(b, alt, i);
  return g;
}

/* Is the capitalised word a compound of parts the tables know: a noun
 * head of three letters or more after a modifier of three or more (maybe
 * with a link, or itself such a compound) that is no particle?  Such words the splitter reads from
 * their parts (Bade|haus, Eis|druck); Vor|lesung and Mit|schrift, with a
 * particle first, are derivations of their verbs. */
static bool S_ding_compound(const char *word) {
  size_t n = strlen(word), i = 0;
  dg_buf head;
  dg_buf_init(&head);
  bool found = false;
  while (i < n && !found) {
    int32_t c;
    i += dg_utf8_next(word + i, n - i, &c);
    if (dg_utf8_length(word + i, n - i) < 3) break;
    if (dg_utf8_length(word, i) < 3) continue;
    dg_buf_clear(&head);
    dg_utf8_capitalize(&head, word + i, n - i);
    if (mc_lemma_find(head.data, DG_POS_NOUN) == UINT32_MAX) continue;
    dg_buf mod;
    dg_buf_init(&mod);
    dg_utf8_lower(&mod, word, i);
    /* (a particle or preposition first makes a derivation: Vor|lesung) */
    bool particle = S_known_pos(mod.data, DG_POS_ADP) || S_known_pos(mod.data, DG_POS_ADV) ||
                    S_known_pos(mod.data, DG_POS_PART);
    bool confix = false; /* Mikro|turbine, Netto|prämie */
    dg_buf cw;
    dg_buf_init(&cw);
    for (size_t ci = 0; ci < mc_wc.n && !confix; ci++) {
      if (!(mc_wc.v[ci].bits & DG_WC_CONFIX)) continue;
      dg_buf_clear(&cw);
      dg_utf8_lower(&cw, mc_wc.v[ci].word, strlen(mc_wc.v[ci].word));
      confix = strcmp(cw.data, mod.data) == 0;
    }
    dg_buf_free(&cw);
    found = confix || (!particle && (S_known_modifier(word, i) || S_known_form(mod.data)));
    if (!found && !particle && i >= 6) { /* a compound first part: Programm|schnitt|stelle */
      char *first = dg_xstrndup(word, i);
      found = S_ding_compound(first);
      free(first);
    }
    dg_buf_free(&mod);
  }
  dg_buf_free(&head);
  return found;
}

/* Nouns of Ding's German side (Vorlesung {f}, Karzinom {n}) that nothing
 * else knows: hunspell's list makes many such words only by compounding
 * or derivation, and the splitter needs them (Lungen|karzinom; Mitschreiber
 * known whole).  Only the citation form is added (Ding's plural cells do
 * not line up with the singular ones reliably), marked as lower-trust
 * words like hunspell's and as Ding's: the splitter takes only those of
 * seven letters or more as parts (Chiffon|bluse); the analyser reads only
 * capitalised words of ten letters or more that Ding does not mark as
 * places (Mitschreiber, Erzfeindschaft; not Panama, nor schoss as Schoss).
 * A noun that is the bare form of a known adjective (Stumpf, Schwarz) is
 * added too, never as a reading: the splitter takes it as a head after a
 * long noun only (Weiden|stumpf). */
void mc_read_ding(const char *path) {
  degloss_error err = {0};
  size_t len;
  char *text = dg_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "morph-compile: warning: %s: %s (Ding nouns not added)\n", path, err.text);
    return;
  }
  size_t added = 0;
  dg_buf w, found; /* found: gender letter, r(eading) or -, word NUL, ... */
  dg_buf_init(&w);
  dg_buf_init(&found);
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#') continue;
    char *sep = strstr(line, " :: ");
    if (!sep) continue;
    *sep = '\0';
    /* the first cell's alternatives, and the second cell's */
    char *c1 = strstr(line, " | "), *end1 = c1 ? c1 : sep;
    char *c2 = c1 ? c1 + 3 : NULL, *end2 = c2 ? strstr(c2, " | ") : NULL;
    if (c2 && !end2) end2 = sep;
    const char *a = line, *b = c2;
    while (a < end1) {
      const char *ae = strstr(a, "; ");
      if (!ae || ae > end1) ae = end1;
      const char *be = NULL;
      if (b) {
        be = strstr(b, "; ");
        if (!be || be > end2) be = end2;
      }
      int g = S_ding_noun(a, (size_t)(ae - a), &w);
      if ((g == 'm' || g == 'f' || g == 'n') && dg_utf8_length(w.data, w.len) >= 5 &&
          (!S_known_form(w.data) || S_bare_adj(w.data)) &&
          mc_lemma_find(w.data, DG_POS_NOUN) == UINT32_MAX && !S_ding_compound(w.data)) {
        /* (collected first, added after: a compound of Ding's own nouns,
         * Vorlesungs|mitschrift, is judged against the tables alone) */
        /* (long words that are no place names are readings too) */
        bool place = strstr(line, "[geogr.]") != NULL; /* (anywhere in the German side) */
        bool read = dg_utf8_length(w.data, w.len) >= 10 && !place && !S_known_form(w.data);
        dg_buf_printf(&found, "%c%c%s%c", g, read ? 'r' : '-', w.data, '\0');
      }
      a = ae < end1 ? ae + 2 : end1;
      if (b) b = be < end2 ? be + 2 : NULL;
    }
  }
  for (size_t i = 0; i < found.len;) {
    int g = found.data[i];
    bool read = found.data[i + 1] == 'r';
    const char *word = found.data + i + 2;
    i += strlen(word) + 3;
    if (mc_lemma_find(word, DG_POS_NOUN) != UINT32_MAX) continue; /* listed twice */
    int gender = g == 'm' ? DG_GENDER_MASC : g == 'f' ? DG_GENDER_FEM : DG_GENDER_NEUT;
    uint32_t li = mc_new_lemma(word, DG_POS_NOUN, gender, 0);
    mc_add(word, li, 0, DG_POS_NOUN, 0, 0, 0x55);
    mc_lemmas[li].flags |= DG_LF_HUNSPELL | DG_LF_DING | (read ? DG_LF_DING_READ : 0);
    added++;
  }
  dg_buf_free(&found);
  dg_buf_free(&w);
  free(text);
  printf("morph-compile: %zu nouns added from %s\n", added, path);
}
