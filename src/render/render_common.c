/* Renderer dispatch and the helpers the layouts share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <utf8proc.h>

#include "render.h"

static const struct {
  const char *name;
  dg_format f;
} S_formats[] = {{"interlinear", DG_FMT_INTERLINEAR}, {"text", DG_FMT_INTERLINEAR},
                 {"jsonl", DG_FMT_JSONL},             {"json", DG_FMT_JSON},
                 {"conllu", DG_FMT_CONLLU},           {"html", DG_FMT_HTML},
                 {"tsv", DG_FMT_TSV}};

bool dg_format_parse(const char *s, dg_format *out) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_formats); i++)
    if (strcmp(s, S_formats[i].name) == 0) {
      *out = S_formats[i].f;
      return true;
    }
  return false;
}

const char *dg_format_name(dg_format f) {
  for (size_t i = 0; i < DG_ARRAY_LEN(S_formats); i++)
    if (S_formats[i].f == f) return S_formats[i].name;
  return "interlinear";
}

bool dg_style_parse(const char *s, dg_style *out) {
  if (strcmp(s, "leipzig") == 0) *out = DG_STYLE_LEIPZIG;
  else if (strcmp(s, "plain") == 0) *out = DG_STYLE_PLAIN;
  else return false;
  return true;
}

void dg_render_init(dg_render *r, const dg_render_opts *o) {
  memset(r, 0, sizeof *r);
  r->o = *o;
  if (r->o.width < 20) r->o.width = 20;
}

void dg_render_begin(dg_render *r, dg_buf *out) {
  switch (r->o.format) {
  case DG_FMT_JSON: dg_buf_puts(out, "{\"sentences\": [\n"); break;
  case DG_FMT_HTML: dg_render_html_begin(r, out); break;
  case DG_FMT_TSV: dg_render_tsv_header(r, out); break;
  default: break;
  }
}

void dg_render_doc(dg_render *r, const dg_doc *d, dg_buf *out) {
  switch (r->o.format) {
  case DG_FMT_INTERLINEAR: dg_render_interlinear(r, d, out); break;
  case DG_FMT_JSONL:
    for (size_t i = 0; i < d->nsentences; i++) {
      dg_render_json_sentence(r, &d->sentences[i], out, false);
      dg_buf_putc(out, '\n');
      r->sentences++;
    }
    break;
  case DG_FMT_JSON:
    for (size_t i = 0; i < d->nsentences; i++) {
      if (r->sentences) dg_buf_puts(out, ",\n");
      dg_render_json_sentence(r, &d->sentences[i], out, false);
      r->sentences++;
    }
    break;
  case DG_FMT_CONLLU: dg_render_conllu(r, d, out); break;
  case DG_FMT_HTML: dg_render_html(r, d, out); break;
  case DG_FMT_TSV: dg_render_tsv(r, d, out); break;
  }
}

void dg_render_end(dg_render *r, dg_buf *out) {
  switch (r->o.format) {
  case DG_FMT_JSON: dg_buf_puts(out, r->sentences ? "\n]}\n" : "]}\n"); break;
  case DG_FMT_HTML: dg_render_html_end(r, out); break;
  default: break;
  }
}

size_t dg_display_width(const char *s, size_t n) {
  size_t w = 0, i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      i++;
      w++;
      continue;
    }
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? (size_t)cw : 0;
    i += (size_t)k;
  }
  return w;
}

/* Leipzig: words of a multiword gloss are joined by '.'. */
static void S_put_dotted(dg_buf *b, const char *g) {
  for (; *g; g++) dg_buf_putc(b, *g == ' ' ? '.' : *g);
}

void dg_render_gloss_cell(dg_buf *b, const dg_dtoken *t, const dg_dsentence *s, dg_style style) {
  if (t->kind == DG_KIND_PUNCT) return;
  if (style == DG_STYLE_PLAIN) {
    const char *g = t->plain ? t->plain : t->gloss;
    if (t->flags & DG_DF_SEP_PARTICLE) {
      dg_buf_printf(b, "(%s)", t->gloss);
      return;
    }
    /* Leipzig joins words with dots ("on.the"); plain English has spaces. */
    for (const char *p = g; *p; p++) {
      bool joiner = *p == '.' && p > g && p[1] >= 'a' && p[1] <= 'z' && p[-1] >= 'a' && p[-1] <= 'z';
      dg_buf_putc(b, joiner ? ' ' : *p);
    }
    return;
  }
  if (t->flags & DG_DF_SEP_PARTICLE) {
    dg_buf_putc(b, '(');
    S_put_dotted(b, t->gloss);
    dg_buf_putc(b, ')');
    return;
  }
  /* A reflexive pronoun is its label in Leipzig style ("sich" = REFL.3SG). */
  if (t->pos && strcmp(t->pos, "PRON") == 0 && t->labels && strncmp(t->labels, "REFL", 4) == 0) {
    dg_buf_puts(b, t->labels);
    return;
  }
  if (t->nparts > 1 && !(t->mwe >= 0 && t->mwe_head)) {
    for (size_t i = 0; i < t->nparts; i++) {
      if (i) dg_buf_putc(b, '-');
      if (t->parts[i].link) dg_buf_puts(b, "LNK");
      else S_put_dotted(b, t->parts[i].gloss[0] ? t->parts[i].gloss : t->parts[i].form);
    }
  } else {
    S_put_dotted(b, t->gloss[0] ? t->gloss : t->form);
  }
  (void)s;
  if (t->labels && t->labels[0]) {
    dg_buf_putc(b, t->seg ? '-' : '.');
    dg_buf_puts(b, t->labels);
  }
}

void dg_render_seg_cell(dg_buf *b, const dg_dtoken *t) {
  dg_buf_puts(b, t->seg ? t->seg : t->form);
}
