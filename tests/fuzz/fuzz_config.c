/* Fuzz harness: the config file parser (src/cli/config.c, cli_config_load) on a file of the
 * fuzzer's bytes, and, as the command line does next, the MT client's
 * option parser on the MT settings it collected.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "fuzz.h"
#include "mt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dg_fuzz_quiet();
  const char *path = dg_fuzz_write("config", data, size);
  cli_settings st;
  cli_settings_init(&st);
  degloss_error err = {0};
  if (cli_config_load(&st, path, true, &err)) {
    dg_mt_config *mc = dg_mt_config_new();
    for (size_t i = 0; i < st.nmt; i++)
      if (!dg_mt_config_set(mc, st.mt[i].key, st.mt[i].value, st.mt[i].origin, st.mt[i].file_mode,
                            &err))
        break;
    (void)dg_mt_config_enabled(mc);
    dg_mt_config_free(mc);
  }
  cli_settings_free(&st);
  return 0;
}
