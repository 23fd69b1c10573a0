/* Word classes: the tags of dictionaries/word-classes.tsv (and of the other
 * files that already say a word's class: closed-class.tsv, names.tsv,
 * first-parts.tsv, ding-labels.tsv) as bit flags, shared by the compilers
 * (tools/dgcompile, tools/morph-compile) and the run-time queries
 * dg_lexicon_is() and dg_morph_is().  A rule in C asks "is this word a
 * copula?"; it does not list copulas.  Internal API (not public).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_WORDCLASS_H
#define DG_WORDCLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One bit per tag; queries take an OR of them ("any of these").  128
 * bits (GCC's unsigned __int128, aligned as its two 64-bit halves, which
 * the data files store one after the other: low, high), so that a rule's
 * new class is a new tag, never an old one given up. */
__extension__ typedef unsigned __int128 dg_word_class_bits;
typedef dg_word_class_bits dg_word_class __attribute__((aligned(8)));
#define DG_WC_MAX 128

#define DG_WC(bit) ((dg_word_class)1 << (bit))
/* The lowest bit set in b (not 0): the class of a walk over the bits. */
static inline int dg_word_class_first(dg_word_class b) {
  uint64_t lo = (uint64_t)b;
  return lo ? __builtin_ctzll(lo) : 64 + __builtin_ctzll((uint64_t)(b >> 64));
}
/* The halves of b, as the data files store them. */
static inline uint64_t dg_word_class_lo(dg_word_class b) { return (uint64_t)b; }
static inline uint64_t dg_word_class_hi(dg_word_class b) { return (uint64_t)(b >> 64); }
static inline dg_word_class dg_word_class_of(uint64_t lo, uint64_t hi) { return (dg_word_class)hi << 64 | lo; }
enum {
  /* morphology: parts of words */
  DG_WCB_SEP_PARTICLE,       /* sep-particle: an|kommen (morph splits it off) */
  DG_WCB_VERB_PARTICLE,      /* verb-particle: stellte ... klar, gab ... bekannt */
  DG_WCB_DERIVATION_PREFIX,  /* derivation-prefix: Auf|teilung is no compound */
  DG_WCB_INSEP_PREFIX,       /* insep-prefix: be|stätigen */
  DG_WCB_AMBIG_PREFIX,       /* ambig-prefix: durch|fahren / durchfahren */
  DG_WCB_NUMERAL_PART,       /* numeral-part: Zwei|familienhaus */
  DG_WCB_CONFIX,             /* confix: Anti|terror (first-parts.tsv) */
  DG_WCB_LINKING_ELEMENT,    /* linking-element: Arbeit|s|markt */
  DG_WCB_LINKING_INFLECTION, /* linking-inflection: links that are inflection endings */
  DG_WCB_LINKING_S_N,        /* linking-s-n: -s -es -n -en */
  /* verbs */
  DG_WCB_AUX,                /* aux: sein haben werden (lemmas) */
  DG_WCB_MODAL,              /* modal: können müssen ... (lemmas) */
  DG_WCB_BARE_INF,           /* bare-inf: verbs governing a bare infinitive */
  DG_WCB_PTCP_AUX,           /* ptcp-aux: forms after which a participle is expected */
  DG_WCB_SEIN_FORM,          /* sein-form: ist, war, wäre ... */
  DG_WCB_COPULA,             /* copula: sein bleiben scheinen ... */
  DG_WCB_OBJ_PREDICATIVE,    /* obj-predicative: machen halten finden nennen */
  /* conjunctions */
  DG_WCB_CCONJ,              /* cconj: every coordinating conjunction (closed-class.tsv) */
  DG_WCB_SCONJ,              /* sconj: every subordinating conjunction (closed-class.tsv) */
  DG_WCB_CONJ_COORD,         /* conj-coord: und oder aber sondern */
  DG_WCB_CONJ_COORD_MAIN,    /* conj-coord-main: denn */
  DG_WCB_CONJ_SUBORD,        /* conj-subord: dass ob weil ... */
  DG_WCB_CONJ_SUSPEND,       /* conj-suspend: Ein-⏎und Ausfuhr */
  DG_WCB_NAME_NOUN,          /* name-noun: Hurrikan, Taifun, Tief ("Hurrikan Rosa": a name
                              * follows); the bit was conj-suspend-before's until
                              * lexicon version 6 (that tag is the text layer's alone,
                              * wordclass.c S_text_only: it has no bit) */
  /* other words */
  DG_WCB_DEGREE_ADV,         /* degree-adv: ganz sehr ziemlich ... */
  DG_WCB_MONTH,              /* month: names.tsv */
  DG_WCB_MONTH_ABBR,         /* month-abbr: Jan. Feb. ... */
  DG_WCB_WEEKDAY,            /* weekday: names.tsv */
  DG_WCB_WEEKDAY_TIME,       /* weekday-time: Wochenende, Montagabend */
  DG_WCB_UNIT,               /* unit: km, °C */
  DG_WCB_ROLE_NOUN,          /* role-noun: präsident (lower case) */
  DG_WCB_PERSON_NOUN,        /* person-noun: mensch, bürger (lower case) */
  DG_WCB_NAME_PARTICLE,      /* name-particle: da, van, bin */
  /* Ding's notation */
  DG_WCB_DING_SLOT,          /* ding-slot: etw., jdm., sich in a headword */
  DG_WCB_PHRASE_GAP,         /* phrase-gap: placeholders in a phrase pattern */
  DG_WCB_PHRASE_FILLER,      /* phrase-filler: words around the glossed word */
  DG_WCB_EN_PLACEHOLDER,     /* en-placeholder: sb. sth. */
  DG_WCB_REGISTER_LABEL,     /* register-label: coll., Br. (ding-labels.tsv) */
  /* added after the first release of the tags (bits are stored in the data
   * files: new ones go at the end) */
  DG_WCB_AUX_FINITE,         /* aux-finite: wird, ist, hat, wäre ... */
  DG_WCB_COMPAR_PARTICLE,    /* compar-particle: als, wie */
  DG_WCB_D_WORD,             /* d-word: der, die, dessen, denen ... */
  DG_WCB_ADP_SCONJ,          /* adp-sconj: während, seit, bis */
  DG_WCB_ADV_SCONJ,          /* adv-sconj: damit, da */
  DG_WCB_COMPAR_WORD,        /* compar-word: mehr, anders, lieber (… als = than) */
  DG_WCB_ALS_WHEN,           /* als-when: und, erst, gerade (… als = when) */
  DG_WCB_ALS_FIXED,          /* als-fixed: ob, auch (als ob, als auch) */
  DG_WCB_SUSPEND_JOINER,     /* suspend-joiner: und, oder, bzw, statt (Ein- und Ausfuhr) */
  DG_WCB_ORDINAL_BEFORE,     /* ordinal-before: der, am, seit ("am 3. Tag") */
  DG_WCB_COMPAR_DET,         /* compar-det: mehr, weniger (… Wochen als = than) */
  DG_WCB_CLOCK_WORD,         /* clock-word: Uhr ("9.45 Uhr" is a time) */
  DG_WCB_VERSION_NOUN,       /* version-noun: Version, Release ("Version 2.4" unchanged) */
  DG_WCB_NUMBERED_NOUN,      /* numbered-noun: Kapitel, Band, Teil ("Kapitel IV") */
  DG_WCB_DECADE_NOUN,        /* decade-noun: Jahre ("20er-Jahre" = 1920s) */
  DG_WCB_COMMAND,            /* command: sudo, apt, git (a software command) */
  DG_WCB_MODAL_PARTICLE,     /* modal-particle: doch ja halt mal eben wohl (middle field) */
  DG_WCB_EN_RELATION,        /* en-relation: wife, husband (English: a person as someone's) */
  DG_WCB_EN_PLACE_KIND,      /* en-place-kind: castle, palace (English: a kind of named place) */
  DG_WCB_SPELLING_VARIANT,   /* spelling-variant: "ae>ä", "ss>ß", "ff>fff" (Koeln, Gruesse,
                              * Schiffahrt: a spelling the dictionary does not use) */
  DG_WCB_DAY_ADVERB,         /* day-adverb: heute, gestern, morgen ("bis Morgen" = tomorrow) */
  DG_WCB_SPEECH_VERB,        /* speech-verb: sagen, erklären (a person speaks: "Kirchner sagte") */
  DG_WCB_NAME_ENDING,        /* name-ending: -hausen, -mann, -bach (Rumbach, Wartmann: names) */
  DG_WCB_NAME_ENDING_WEAK,   /* name-ending-weak: -feld, -sohn (names unless after a long noun) */
  DG_WCB_TIME_NOUN,          /* time-noun: Jahr, Monat, Woche ("vor einem Monat": a time, no object) */
  DG_WCB_COMPASS_POINT,      /* compass-point: ost, west, nord, süd (Ost|frankreich: a part before a place) */
  /* (the first tag past bit 63: the mask's high half) */
  DG_WCB_PTCP_SIMPLE_VERB,   /* ptcp-simple-verb: gehören, gebrauchen, gedenken (a ge- verb whose
                              * participle, spelt like its simple verb's, is read as that one's:
                              * "hat … gehört" = heard) */
  DG_WCB_OWN_PLURAL,         /* own-plural: daten, medien (a plural meaning its own {pl} headword: data) */
  DG_WCB_INCLUDING_ADV,      /* including-adv: darunter (", darunter zehn Kinder" = including) */
  DG_WCB_AM_SUPERLATIVE,     /* am-superlative: meisten ("am meisten" with no noun after = most) */
  DG_WCB_PTCP_HABEN_VERB,    /* ptcp-haben-verb: gefallen (a ge- verb taking haben whose participle
                              * is spelt like its simple verb's, which takes sein: "hat … gefallen"
                              * = pleased, "ist gefallen" = fallen) */
  DG_WCB_REFLEXIVE_PRONOUN,  /* reflexive-pronoun: mich dich sich uns euch (a curated phrase's
                              * "sich" matches each: "Fühlt ihr euch wohl?") */
  DG_WCB_COUNT
};

#define DG_WC_SEP_PARTICLE DG_WC(DG_WCB_SEP_PARTICLE)
#define DG_WC_VERB_PARTICLE DG_WC(DG_WCB_VERB_PARTICLE)
#define DG_WC_DERIVATION_PREFIX DG_WC(DG_WCB_DERIVATION_PREFIX)
#define DG_WC_INSEP_PREFIX DG_WC(DG_WCB_INSEP_PREFIX)
#define DG_WC_AMBIG_PREFIX DG_WC(DG_WCB_AMBIG_PREFIX)
#define DG_WC_NUMERAL_PART DG_WC(DG_WCB_NUMERAL_PART)
#define DG_WC_CONFIX DG_WC(DG_WCB_CONFIX)
#define DG_WC_LINKING_ELEMENT DG_WC(DG_WCB_LINKING_ELEMENT)
#define DG_WC_LINKING_INFLECTION DG_WC(DG_WCB_LINKING_INFLECTION)
#define DG_WC_LINKING_S_N DG_WC(DG_WCB_LINKING_S_N)
#define DG_WC_AUX DG_WC(DG_WCB_AUX)
#define DG_WC_MODAL DG_WC(DG_WCB_MODAL)
#define DG_WC_BARE_INF DG_WC(DG_WCB_BARE_INF)
#define DG_WC_PTCP_AUX DG_WC(DG_WCB_PTCP_AUX)
#define DG_WC_SEIN_FORM DG_WC(DG_WCB_SEIN_FORM)
#define DG_WC_COPULA DG_WC(DG_WCB_COPULA)
#define DG_WC_OBJ_PREDICATIVE DG_WC(DG_WCB_OBJ_PREDICATIVE)
#define DG_WC_CCONJ DG_WC(DG_WCB_CCONJ)
#define DG_WC_SCONJ DG_WC(DG_WCB_SCONJ)
#define DG_WC_CONJ_COORD DG_WC(DG_WCB_CONJ_COORD)
#define DG_WC_CONJ_COORD_MAIN DG_WC(DG_WCB_CONJ_COORD_MAIN)
#define DG_WC_CONJ_SUBORD DG_WC(DG_WCB_CONJ_SUBORD)
#define DG_WC_CONJ_SUSPEND DG_WC(DG_WCB_CONJ_SUSPEND)
#define DG_WC_DEGREE_ADV DG_WC(DG_WCB_DEGREE_ADV)
#define DG_WC_MONTH DG_WC(DG_WCB_MONTH)
#define DG_WC_MONTH_ABBR DG_WC(DG_WCB_MONTH_ABBR)
#define DG_WC_WEEKDAY DG_WC(DG_WCB_WEEKDAY)
#define DG_WC_WEEKDAY_TIME DG_WC(DG_WCB_WEEKDAY_TIME)
#define DG_WC_UNIT DG_WC(DG_WCB_UNIT)
#define DG_WC_ROLE_NOUN DG_WC(DG_WCB_ROLE_NOUN)
#define DG_WC_PERSON_NOUN DG_WC(DG_WCB_PERSON_NOUN)
#define DG_WC_NAME_PARTICLE DG_WC(DG_WCB_NAME_PARTICLE)
#define DG_WC_NAME_NOUN DG_WC(DG_WCB_NAME_NOUN)
#define DG_WC_DING_SLOT DG_WC(DG_WCB_DING_SLOT)
#define DG_WC_PHRASE_GAP DG_WC(DG_WCB_PHRASE_GAP)
#define DG_WC_PHRASE_FILLER DG_WC(DG_WCB_PHRASE_FILLER)
#define DG_WC_EN_PLACEHOLDER DG_WC(DG_WCB_EN_PLACEHOLDER)
#define DG_WC_REGISTER_LABEL DG_WC(DG_WCB_REGISTER_LABEL)
#define DG_WC_AUX_FINITE DG_WC(DG_WCB_AUX_FINITE)
#define DG_WC_COMPAR_PARTICLE DG_WC(DG_WCB_COMPAR_PARTICLE)
#define DG_WC_D_WORD DG_WC(DG_WCB_D_WORD)
#define DG_WC_ADP_SCONJ DG_WC(DG_WCB_ADP_SCONJ)
#define DG_WC_ADV_SCONJ DG_WC(DG_WCB_ADV_SCONJ)
#define DG_WC_COMPAR_WORD DG_WC(DG_WCB_COMPAR_WORD)
#define DG_WC_ALS_WHEN DG_WC(DG_WCB_ALS_WHEN)
#define DG_WC_ALS_FIXED DG_WC(DG_WCB_ALS_FIXED)
#define DG_WC_SUSPEND_JOINER DG_WC(DG_WCB_SUSPEND_JOINER)
#define DG_WC_ORDINAL_BEFORE DG_WC(DG_WCB_ORDINAL_BEFORE)
#define DG_WC_COMPAR_DET DG_WC(DG_WCB_COMPAR_DET)
#define DG_WC_CLOCK_WORD DG_WC(DG_WCB_CLOCK_WORD)
#define DG_WC_VERSION_NOUN DG_WC(DG_WCB_VERSION_NOUN)
#define DG_WC_NUMBERED_NOUN DG_WC(DG_WCB_NUMBERED_NOUN)
#define DG_WC_DECADE_NOUN DG_WC(DG_WCB_DECADE_NOUN)
#define DG_WC_COMMAND DG_WC(DG_WCB_COMMAND)
#define DG_WC_MODAL_PARTICLE DG_WC(DG_WCB_MODAL_PARTICLE)
#define DG_WC_EN_RELATION DG_WC(DG_WCB_EN_RELATION)
#define DG_WC_EN_PLACE_KIND DG_WC(DG_WCB_EN_PLACE_KIND)
#define DG_WC_DAY_ADVERB DG_WC(DG_WCB_DAY_ADVERB)
#define DG_WC_SPEECH_VERB DG_WC(DG_WCB_SPEECH_VERB)
#define DG_WC_NAME_ENDING DG_WC(DG_WCB_NAME_ENDING)
#define DG_WC_NAME_ENDING_WEAK DG_WC(DG_WCB_NAME_ENDING_WEAK)
#define DG_WC_TIME_NOUN DG_WC(DG_WCB_TIME_NOUN)
#define DG_WC_SPELLING_VARIANT DG_WC(DG_WCB_SPELLING_VARIANT)
#define DG_WC_COMPASS_POINT DG_WC(DG_WCB_COMPASS_POINT)
#define DG_WC_PTCP_SIMPLE_VERB DG_WC(DG_WCB_PTCP_SIMPLE_VERB)
#define DG_WC_OWN_PLURAL DG_WC(DG_WCB_OWN_PLURAL)
#define DG_WC_INCLUDING_ADV DG_WC(DG_WCB_INCLUDING_ADV)
#define DG_WC_AM_SUPERLATIVE DG_WC(DG_WCB_AM_SUPERLATIVE)
#define DG_WC_PTCP_HABEN_VERB DG_WC(DG_WCB_PTCP_HABEN_VERB)
#define DG_WC_REFLEXIVE_PRONOUN DG_WC(DG_WCB_REFLEXIVE_PRONOUN)

/* The classes that the morphology file carries (tools/morph-compile). */
#define DG_WC_MORPH                                                                      \
  (DG_WC_SEP_PARTICLE | DG_WC_INSEP_PREFIX | DG_WC_AMBIG_PREFIX | DG_WC_NUMERAL_PART |   \
   DG_WC_CONFIX | DG_WC_LINKING_ELEMENT | DG_WC_LINKING_INFLECTION | DG_WC_LINKING_S_N | \
   DG_WC_AUX | DG_WC_MODAL | DG_WC_SPELLING_VARIANT | DG_WC_NAME_ENDING | DG_WC_NAME_ENDING_WEAK | \
   DG_WC_COMPASS_POINT)

/* The tag of a class bit ("copula"), NULL for an unknown bit. */
const char *dg_word_class_name(int bit);
/* The bit of a tag, or -1. */
int dg_word_class_bit(const char *name, size_t len);
/* Parse a comma-separated tag list into *out; false (and the offending tag
 * in *bad, *bad_len) when a tag is unknown.  A tag that only the text
 * layer reads from the file itself (cmake/text_wordclass.cmake) is known
 * and sets no bit. */
bool dg_word_class_parse(const char *list, dg_word_class *out, const char **bad, size_t *bad_len);

#endif
