/* Names of the word-class tags (see wordclass.h), in bit order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "wordclass.h"

#include <string.h>

static const char *const S_names[DG_WCB_COUNT] = {
    "sep-particle", "verb-particle", "derivation-prefix", "insep-prefix", "ambig-prefix",
    "numeral-part", "confix", "linking-element", "linking-inflection", "linking-s-n",
    "aux", "modal", "bare-inf", "ptcp-aux", "sein-form", "copula", "obj-predicative",
    "cconj", "sconj", "conj-coord", "conj-coord-main", "conj-subord", "conj-suspend",
    "name-noun", "degree-adv", "month", "month-abbr", "weekday", "weekday-time",
    "unit", "role-noun", "person-noun", "name-particle", "ding-slot", "phrase-gap",
    "phrase-filler", "en-placeholder", "register-label", "aux-finite", "compar-particle",
    "d-word", "adp-sconj", "adv-sconj", "compar-word", "als-when", "als-fixed", "suspend-joiner",
    "ordinal-before", "compar-det", "clock-word", "version-noun", "numbered-noun", "decade-noun",
    "command", "modal-particle", "en-relation", "en-place-kind",
    "spelling-variant", "day-adverb", "speech-verb", "name-ending", "name-ending-weak",
    "time-noun", "compass-point", "ptcp-simple-verb", "own-plural", "including-adv",
    "am-superlative", "ptcp-haben-verb", "reflexive-pronoun"};

_Static_assert(DG_WCB_COUNT <= DG_WC_MAX, "word classes must fit the mask (wordclass.h)");

/* Tags of word-classes.tsv that only the text layer reads, from the file
 * itself (cmake/text_wordclass.cmake makes its tables): no rule asks the
 * lexicon about them, so they take no bit of the mask. */
static const char *const S_text_only[] = {"conj-suspend-before"};

static bool S_text_only_tag(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof S_text_only / sizeof S_text_only[0]; i++)
    if (strlen(S_text_only[i]) == len && memcmp(S_text_only[i], name, len) == 0) return true;
  return false;
}

const char *dg_word_class_name(int bit) {
  return bit >= 0 && bit < DG_WCB_COUNT ? S_names[bit] : NULL;
}

int dg_word_class_bit(const char *name, size_t len) {
  for (int i = 0; i < DG_WCB_COUNT; i++)
    if (strlen(S_names[i]) == len && memcmp(S_names[i], name, len) == 0) return i;
  return -1;
}

bool dg_word_class_parse(const char *list, dg_word_class *out, const char **bad, size_t *bad_len) {
  *out = 0;
  for (const char *p = list; *p;) {
    size_t n = strcspn(p, ",");
    const char *q = p;
    size_t m = n;
    while (m && *q == ' ') q++, m--;
    while (m && q[m - 1] == ' ') m--;
    int b = dg_word_class_bit(q, m);
    if (b < 0 && !S_text_only_tag(q, m)) {
      *bad = q;
      *bad_len = m;
      return false;
    }
    if (b >= 0) *out |= DG_WC(b);
    p += n;
    if (*p == ',') p++;
  }
  return true;
}
