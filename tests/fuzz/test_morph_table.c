/* Regression test for a finding of fuzz_morph_file: a damaged degloss.morph
 * whose hash table has no empty slot passed the loader's checks, and then
 * every lookup of a word not in it probed the table forever.  Writes such a
 * file (one key, in both of its two slots) and looks up a word that is not
 * there: it must come back NULL (ctest's timeout catches the old hang).
 *   test_morph_table SCRATCH_DIR
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph_data.h"
#include "util.h"

#define S_ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  static const char strs[] = "\0ab";
  size_t off_table = S_ALIGN8(sizeof(dg_morph_header));
  size_t off_anal = S_ALIGN8(off_table + 2 * sizeof(dg_morph_key));
  size_t off_lemmas = S_ALIGN8(off_anal + sizeof(dg_morph_anal));
  size_t off_str = S_ALIGN8(off_lemmas + sizeof(dg_morph_lemma));
  size_t size = off_str + sizeof strs;
  unsigned char *p = dg_xcalloc(1, size);
  dg_morph_header h = {.nkeys = 1, .nslots = 2, .nanal = 1, .nlemmas = 1, .nstr = sizeof strs,
                       .off_table = off_table, .off_anal = off_anal,
                       .off_lemmas = off_lemmas, .off_str = off_str, .off_class = off_str};
  dg_morph_key k = {0, 1, 0, 0, 1};   /* hash tag 0, "ab", one analysis */
  dg_morph_key table[2] = {k, k};     /* both slots: that key; none empty */
  dg_morph_anal a = {0};
  a.pos = DG_POS_NOUN;
  dg_morph_lemma l = {1, 0, DG_POS_NOUN, 0, 0, 0};
  memcpy(p, &h, sizeof h);
  memcpy(p + off_table, table, sizeof table);
  memcpy(p + off_anal, &a, sizeof a);
  memcpy(p + off_lemmas, &l, sizeof l);
  memcpy(p + off_str, strs, sizeof strs);
  char *path = dg_path_join(argv[1], "full-table.morph");
  degloss_error err = {0};
  if (!dg_mapfile_write(path, DG_MORPH_KIND, DG_MORPH_VERSION, p, size, &err)) {
    fprintf(stderr, "test_morph_table: %s\n", err.text);
    return 1;
  }
  dg_morph_data d;
  if (!dg_morph_data_open(&d, path, &err)) {
    fprintf(stderr, "test_morph_table: the file was refused (%s): the case is not tested\n", err.text);
    return 1;
  }
  const dg_morph_key *found = dg_morph_data_find(&d, "zz", 2);
  printf("test_morph_table: lookup in a full table: %s\n", found ? "found (wrong)" : "none (right)");
  dg_morph_data_close(&d);
  remove(path);
  free(path);
  free(p);
  return found ? 1 : 0;
}
