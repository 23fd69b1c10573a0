/* CoNLL-U: ten tab-separated columns per token, "# text" (and "# text_en"
 * when translated) per sentence; the gloss of the style goes into MISC as
 * Gloss=... (the Leipzig gloss, or the plain English one of --style plain),
 * and the plain one as Plain=... in either style.
 * HEAD and DEPREL stay "_" (degloss does not parse).  Values are escaped with
 * a lookup table: tabs and newlines become spaces, and in MISC "|" becomes
 * "/", spaces ".", so every line keeps exactly ten columns.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"
#include "formats.h"

/* 0 keep, 1 space, 2 misc-only replacement */
static const unsigned char S_esc[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 2, ['|'] = 2, ['='] = 0,
};

static void S_field(dg_buf *b, const char *s, bool misc) {
  if (!s || !*s) {
    dg_buf_putc(b, '_');
    return;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char e = S_esc[*p];
    if (e == 1) dg_buf_putc(b, misc ? '.' : ' ');
    else if (e == 2 && misc) dg_buf_putc(b, *p == ' ' ? '.' : '/');
    else dg_buf_putc(b, (char)*p);
  }
}

static void S_comment(dg_buf *b, const char *key, const char *v) {
  dg_buf_printf(b, "# %s = ", key);
  for (const char *p = v; *p; p++) dg_buf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
  dg_buf_putc(b, '\n');
}

void dg_render_conllu(dg_render *r, const dg_doc *d, dg_buf *out) {
  dg_buf plain;
  dg_buf_init(&plain);
  for (size_t si = 0; si < d->nsentences; si++) {
    const dg_dsentence *s = &d->sentences[si];
    r->sentences++;
    dg_buf_printf(out, "# sent_id = %lu\n", r->sentences);
    if (si == 0 ? !d->continued : s->paragraph != d->sentences[si - 1].paragraph)
      dg_buf_printf(out, "# newpar id = %u\n", s->paragraph + 1);
    S_comment(out, "text", s->text);
    if (s->translation) S_comment(out, "text_en", s->translation);
    for (size_t i = 0; i < s->ntokens; i++) {
      const dg_dtoken *t = &s->tokens[i];
      dg_buf_printf(out, "%zu\t", i + 1);
      S_field(out, t->form, false);
      dg_buf_putc(out, '\t');
      S_field(out, t->lemma, false);
      dg_buf_putc(out, '\t');
      S_field(out, t->pos, false);
      dg_buf_puts(out, "\t_\t");
      S_field(out, t->feats, false);
      dg_buf_puts(out, "\t_\t_\t_\t");
      /* MISC, attributes in alphabetical order as UD recommends. */
      dg_buf_clear(&plain);
      dg_render_gloss_text(&plain, t, s, DG_STYLE_PLAIN);
      dg_buf_puts(out, "Gloss=");
      if (t->kind == DG_KIND_PUNCT) S_field(out, t->form, true);
      else S_field(out, r->o.style == DG_STYLE_PLAIN ? plain.data : t->gloss, true);
      if (t->labels && *t->labels) {
        dg_buf_puts(out, "|Labels=");
        S_field(out, t->labels, true);
      }
      if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) dg_buf_printf(out, "|MWE=%u", s->mwes[t->mwe].id);
      if (t->nparts > 1) {
        dg_buf_puts(out, "|Parts=");
        for (size_t k = 0; k < t->nparts; k++) {
          if (k) dg_buf_putc(out, '+');
          S_field(out, t->parts[k].form, true);
        }
      }
      if (plain.len) {
        dg_buf_puts(out, "|Plain=");
        S_field(out, plain.data, true);
      }
      if (!(t->flags & DG_DF_SPACE_AFTER)) dg_buf_puts(out, "|SpaceAfter=No");
      if (t->link >= 0) dg_buf_printf(out, "|SepVerb=%d", t->link + 1);
      dg_buf_putc(out, '\n');
    }
    dg_buf_putc(out, '\n');
  }
  dg_buf_free(&plain);
}
