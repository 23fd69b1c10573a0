/* A build without libcurl still offers the MT API and says why it cannot
 * translate.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "mt.h"

int main(void) {
  int fails = 0;
  dg_mt_config *c = dg_mt_config_new();
  degloss_error err = {0};
  if (!dg_mt_config_set(c, "translate", "deepl", "test", 0, &err)) fails++;
  if (!dg_mt_config_enabled(c)) fails++;
  degloss_error e2 = {0};
  dg_mt *mt = dg_mt_new(c, &e2);
  if (mt || !strstr(e2.text, "built without MT support")) {
    printf("FAIL: dg_mt_new: %s\n", e2.text);
    fails++;
  }
  const char *s[] = {"Ein Satz."};
  dg_mt_result r;
  if (dg_mt_translate(NULL, s, 1, &r) != 1 || r.text || !r.error ||
      !strstr(r.error, "built without MT support")) {
    printf("FAIL: dg_mt_translate\n");
    fails++;
  }
  dg_mt_result_clear(&r);
  dg_mt_config_free(c);
  printf("mt.off: %d failures\n", fails);
  return fails ? 1 : 0;
}
