/* A build without libcurl still offers the MT API and says why it cannot
 * translate.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "mt.h"

int main(void) {
  dg_mt_config *c = dg_mt_config_new();
  degloss_error err = {0};
  OK(dg_mt_config_set(c, "translate", "deepl", "test", 0, &err), "translate = deepl accepted: %s",
     err.text);
  OK(dg_mt_config_enabled(c), "a provider enables MT");
  degloss_error e2 = {0};
  dg_mt *mt = dg_mt_new(c, &e2);
  OK(!mt && strstr(e2.text, "built without MT support"), "dg_mt_new says why: %s", e2.text);
  const char *s[] = {"Ein Satz."};
  dg_mt_result r;
  OK(dg_mt_translate(NULL, s, 1, &r) == 1 && !r.text && r.error &&
         strstr(r.error, "built without MT support"),
     "dg_mt_translate fails the sentence and says why");
  dg_mt_result_clear(&r);
  dg_mt_config_free(c);
  return DONE("mt.off");
}
