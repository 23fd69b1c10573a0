/* dgphrases: the second step of building degloss.lex.  Reads the lexicon
 * dgcompile wrote and stores in it the dictionary phrases under each phrase
 * key compiled as the gloss engine compiles them (src/gloss/phrase.c,
 * dg_gl_phrase_block): parsing a phrase ("jdm. etw. in den Mund legen"),
 * lower-casing its words, finding its gaps and head is then done once when
 * the data is built, not the first time a run meets each key word; a run
 * maps the blocks (dg_lexicon_phrase_block).  The compiler is the engine's
 * own code on the lexicon being built, so a block in the file is the block
 * a run would compile.
 *   dgphrases IN OUT    (IN: dgcompile's file; OUT written atomically)
 * Layout: src/lexicon/lexicon_format.h (blocks and block_at go between the
 * records and the hash tables; the hash tables stay the checked index).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_format.h"
#include "mapfile.h"
#include "mwe.h"
#include "util.h"

static void S_align(dg_buf *b) {
  while (b->len % 8) dg_buf_putc(b, '\0');
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: dgphrases IN OUT\n");
    return 2;
  }
  const char *path = argv[1], *out_path = argv[2];
  degloss_error err;
  memset(&err, 0, sizeof err);
  size_t flen;
  unsigned char *file = (unsigned char *)dg_read_file(path, &flen, &err);
  dg_lexicon *lex = file ? dg_lexicon_open(path, &err) : NULL;
  if (!lex) {
    fprintf(stderr, "dgphrases: %s: %s\n", path, err.text);
    free(file);
    return 1;
  }
  const unsigned char *payload = file + DG_MAPFILE_HEADER;
  size_t plen = flen - DG_MAPFILE_HEADER;
  dg_lex_head h;
  memcpy(&h, payload, sizeof h);
  uint32_t t0 = h.table_off[0];
  for (int t = 1; t < DG_LEX_NTABLES; t++)
    if (h.table_off[t] < t0) t0 = h.table_off[t];
  if (h.n_block_at || t0 % 8 || t0 > plen) {
    fprintf(stderr, "dgphrases: %s: not a lexicon as dgcompile writes it (blocks already stored?)\n", path);
    dg_lexicon_close(lex);
    free(file);
    return 1;
  }
  /* the records as they are, then the blocks and their starts, then the
   * hash tables moved behind them */
  dg_buf out, blk;
  dg_buf_init(&out);
  dg_buf_init(&blk);
  dg_buf_put(&out, payload, t0);
  h.blocks_off = (uint32_t)out.len;
  size_t nslots = dg_lexicon_phrase_slots(lex), nblocks = 0;
  uint32_t *at = dg_xcalloc(nslots + 1, sizeof *at);
  for (size_t i = 0; i < nslots; i++) {
    const char *key = dg_lexicon_phrase_slot_key(lex, i);
    at[i] = DG_LEX_EMPTY;
    if (!key) continue;
    blk.len = 0;
    dg_gl_phrase_block(&blk, lex, key);
    if (blk.len < sizeof(uint32_t) || *(const uint32_t *)(const void *)blk.data == 0) continue; /* none compiled */
    at[i] = (uint32_t)(out.len - h.blocks_off);
    dg_buf_put(&out, blk.data, blk.len);
    S_align(&out);
    nblocks++;
  }
  h.blocks_len = (uint32_t)(out.len - h.blocks_off);
  h.block_at_off = (uint32_t)out.len;
  h.n_block_at = (uint32_t)nslots;
  dg_buf_put(&out, at, nslots * sizeof *at);
  S_align(&out);
  size_t delta = out.len - t0;
  for (int t = 0; t < DG_LEX_NTABLES; t++) h.table_off[t] += (uint32_t)delta;
  dg_buf_put(&out, payload + t0, plen - t0);
  memcpy(out.data, &h, sizeof h);
  bool ok = out.len < 0xffffffffu &&
            dg_mapfile_write_indexed(out_path, DG_LEX_KIND, DG_LEX_VERSION, out.data, out.len, (uint32_t)sizeof h,
                                     t0 + delta, (uint32_t)(plen - t0), &err);
  if (!ok) fprintf(stderr, "dgphrases: %s: %s\n", out_path, err.text[0] ? err.text : "too big");
  else
    fprintf(stderr, "dgphrases: wrote %s: %zu phrase keys compiled, %u bytes of blocks\n", out_path, nblocks,
            h.blocks_len);
  free(at);
  dg_buf_free(&blk);
  dg_buf_free(&out);
  dg_lexicon_close(lex);
  free(file);
  return ok ? 0 : 1;
}
