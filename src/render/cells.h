/* Cells: the texts of one token that the renderers share, the gloss line's
 * text in either style and the segmentation line's text, and the display
 * width that aligns them in columns.  Internal, not part of the public API.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_CELLS_H
#define DG_CELLS_H

#include <stddef.h>

#include "doc.h"
#include "formats.h"
#include "util.h"

/* Display width of UTF-8 text in terminal columns (utf8proc_charwidth). */
size_t dg_display_width(const char *s, size_t n);
/* The gloss-line text of a token for `style`: "Russia-GEN", "the.M.NOM". */
void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);
/* The gloss as the gloss line shows it for `style`: the gloss cell, or the
 * form when the token has no gloss; nothing for punctuation.  The plain
 * style's text is what JSON's "plain", the TSV plain column and CoNLL-U's
 * Plain= carry ("clarified", "on the", "(clarify)" for a detached particle). */
void dg_render_gloss_text(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style);
/* The segmentation-line text: "Telefon-gespräch", "Russland-s", or the form. */
void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t);

#endif
