/* LaTeX: one interlinear example per sentence for a linguistics paper, for
 * the gb4e package (\gll German line \\ gloss line \\ \glt translation) or
 * for expex (\ex \begingl \gla ... // \glb ... // \glft ... // \endgl \xe).
 * The columns are those of the interlinear text (punctuation stays with its
 * word); in Leipzig style the German line is segmented as the segmentation
 * line shows it (Telefon-gespräch, bestätig-te), so that its hyphens match
 * the gloss line's (Leipzig Glossing Rule 2), and the grammatical labels are
 * set in small caps (\textsc{gen}, rule 3).  A cell with a space in it is
 * grouped in braces, an empty one is {}, as both packages need.  Every
 * character TeX treats specially is escaped with a lookup table, and so are
 * the typographic quotes and dashes; --latex-standalone wraps the examples
 * in a document pdflatex compiles as it is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <utf8proc.h>

#include "cells.h"
#include "formats.h"

/* ASCII: TeX's special characters, the ones the T1 font encoding would
 * turn into other glyphs (< > | " `), brackets (optional arguments) and
 * control characters. */
static const char *const S_ascii[128] = {
    ['\\'] = "\\textbackslash{}", ['{'] = "\\{", ['}'] = "\\}", ['$'] = "\\$", ['&'] = "\\&",
    ['%'] = "\\%", ['#'] = "\\#", ['_'] = "\\_", ['~'] = "\\textasciitilde{}",
    ['^'] = "\\textasciicircum{}", ['<'] = "\\textless{}", ['>'] = "\\textgreater{}",
    ['|'] = "\\textbar{}", ['"'] = "\\textquotedbl{}", ['`'] = "\\textasciigrave{}", ['['] = "{[}",
    [']'] = "{]}", ['\t'] = " ", ['\n'] = " ", ['\r'] = " ", ['\f'] = " ", ['\v'] = " ", [0x7f] = ""};

/* Beyond ASCII: quotes, dashes and spaces by their LaTeX names (the rest
 * goes through as UTF-8 for inputenc), sorted by code point. */
static const struct {
  utf8proc_int32_t cp;
  const char *tex;
} S_uni[] = {
    {0x00A0, "~"},                    {0x00AB, "\\guillemotleft{}"},  {0x00AD, "\\-"},
    {0x00BB, "\\guillemotright{}"},   {0x2013, "\\textendash{}"},     {0x2014, "\\textemdash{}"},
    {0x2018, "\\textquoteleft{}"},    {0x2019, "\\textquoteright{}"}, {0x201A, "\\quotesinglbase{}"},
    {0x201C, "\\textquotedblleft{}"}, {0x201D, "\\textquotedblright{}"},
    {0x201E, "\\quotedblbase{}"},     {0x2026, "\\dots{}"},           {0x2039, "\\guilsinglleft{}"},
    {0x203A, "\\guilsinglright{}"},
};

static const char *S_uni_tex(utf8proc_int32_t cp) {
  size_t lo = 0, hi = DG_ARRAY_LEN(S_uni);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (S_uni[mid].cp == cp) return S_uni[mid].tex;
    if (S_uni[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

/* Escape s[0..n).  A pair that T1 makes a ligature (-- ,, '' and //, which
 * ends an expex line) is split with {}; lower lower-cases ASCII (labels). */
static void S_escape(dg_buf *b, const char *s, size_t n, bool lower) {
  const unsigned char *p = (const unsigned char *)s, *e = p + n;
  while (p < e) {
    unsigned char c = *p;
    if (c < 0x80) {
      /* (the pair may span two tokens of one cell: look at the buffer) */
      if ((c == '-' || c == ',' || c == '\'' || c == '/') && b->len && b->data[b->len - 1] == (char)c)
        dg_buf_puts(b, "{}");
      if (S_ascii[c]) dg_buf_puts(b, S_ascii[c]);
      else if (c < 0x20) dg_buf_putc(b, ' ');
      else dg_buf_putc(b, lower && c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c);
      p++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, e - p, &cp);
    if (k <= 0) { /* not UTF-8: inputenc would stop on it */
      dg_buf_putc(b, '?');
      p++;
      continue;
    }
    const char *tex = S_uni_tex(cp);
    if (tex) dg_buf_puts(b, tex);
    else dg_buf_put(b, (const char *)p, (size_t)k);
    p += k;
  }
}

static void S_escape_str(dg_buf *b, const char *s) { S_escape(b, s, strlen(s), false); }

/* Gloss-cell pieces: English escaped, labels in small caps. */
static void S_put(dg_buf *b, const char *s, size_t n, bool label, void *ctx) {
  (void)ctx;
  if (!label) {
    S_escape(b, s, n, false);
    return;
  }
  dg_buf_puts(b, "\\textsc{");
  S_escape(b, s, n, true);
  dg_buf_putc(b, '}');
}

/* One cell of a \gll/\gla line: grouped when it holds a space, {} when empty. */
static void S_cell(dg_buf *out, const dg_buf *cell) {
  bool group = !cell->len || memchr(cell->data, ' ', cell->len);
  if (group) dg_buf_putc(out, '{');
  if (cell->len) dg_buf_put(out, cell->data, cell->len);
  if (group) dg_buf_putc(out, '}');
}

/* The German line (de) or the gloss line, one cell per column. */
static void S_line(const dg_render *r, const dg_dsentence *s, bool gloss, dg_buf *out) {
  dg_buf cell;
  dg_buf_init(&cell);
  for (size_t i = 0, end; i < s->ntokens; i = end) {
    end = dg_render_column_end(s, i);
    dg_buf_clear(&cell);
    for (size_t k = i; k < end; k++) {
      const dg_dtoken *t = &s->tokens[k];
      if (gloss) dg_render_gloss_text_to(&cell, t, r->o.style, S_put, NULL);
      else if (t->kind == DG_KIND_PUNCT || r->o.style == DG_STYLE_PLAIN) S_escape_str(&cell, t->form);
      else S_escape_str(&cell, t->seg ? t->seg : t->form);
    }
    if (i) dg_buf_putc(out, ' ');
    S_cell(out, &cell);
  }
  dg_buf_free(&cell);
}

/* A comment line: TeX reads nothing of it, but a line break or ^^J would
 * end it early. */
static void S_comment(dg_buf *out, const char *s) {
  dg_buf_puts(out, "% ");
  for (; *s; s++) dg_buf_putc(out, (*s == '\n' || *s == '\r' || *s == '^') ? ' ' : *s);
  dg_buf_putc(out, '\n');
}

static void S_sentence(dg_render *r, const dg_doc *d, const dg_dsentence *s, dg_buf *out) {
  bool expex = r->o.latex == DG_LATEX_EXPEX;
  dg_buf id;
  dg_buf_init(&id);
  dg_render_sentence_id(&id, d, s, r->sentences);
  S_comment(out, id.data);
  dg_buf_free(&id);
  for (size_t k = 0; k < s->nmwes; k++) {
    dg_buf m;
    dg_buf_init(&m);
    dg_buf_printf(&m, "[%s] = %s", s->mwes[k].lemma, s->mwes[k].gloss);
    S_comment(out, m.data);
    dg_buf_free(&m);
  }
  dg_buf_puts(out, expex ? "\\ex\n\\begingl\n\\gla " : "\\begin{exe}\n\\ex\n\\gll ");
  S_line(r, s, false, out);
  dg_buf_puts(out, expex ? " //\n\\glb " : "\\\\\n");
  S_line(r, s, true, out);
  dg_buf_puts(out, expex ? " //\n" : "\\\\\n");
  if (s->translation) {
    dg_buf_puts(out, expex ? "\\glft `" : "\\glt `");
    S_escape_str(out, s->translation);
    dg_buf_puts(out, expex ? "' //\n" : "'\n");
  } else if (s->tr_error) {
    dg_buf m;
    dg_buf_init(&m);
    dg_buf_printf(&m, "no translation: %s", s->tr_error);
    S_comment(out, m.data);
    dg_buf_free(&m);
  }
  dg_buf_puts(out, expex ? "\\endgl\n\\xe\n" : "\\end{exe}\n");
}

void dg_render_latex_begin(dg_render *r, dg_buf *out) {
  const char *pkg = r->o.latex == DG_LATEX_EXPEX ? "expex" : "gb4e";
  if (!r->o.latex_standalone) {
    dg_buf_printf(out,
                  "%% degloss: interlinear examples for the %s package; the preamble needs\n"
                  "%% \\usepackage[T1]{fontenc}, \\usepackage[utf8]{inputenc} and \\usepackage{%s}.\n",
                  pkg, pkg);
    return;
  }
  dg_buf_printf(out,
                "%% degloss: interlinear examples (pdflatex)\n"
                "\\documentclass{article}\n"
                "\\usepackage[T1]{fontenc}\n"
                "\\usepackage[utf8]{inputenc}\n"
                "\\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{}\n"
                "\\usepackage{%s}\n"
                "%% A character the T1 fonts lack (Cyrillic, CJK, emoji) is shown as a\n"
                "%% bold ? instead of stopping pdflatex.\n"
                "\\makeatletter\n"
                "\\def\\UTFviii@undefined@err#1{\\textbf{?}}\n"
                "\\makeatother\n"
                "\\begin{document}\n",
                pkg);
}

void dg_render_latex(dg_render *r, const dg_doc *d, dg_buf *out) {
  for (size_t i = 0; i < d->nsentences; i++) {
    r->sentences++;
    dg_buf_putc(out, '\n');
    S_sentence(r, d, &d->sentences[i], out);
  }
}

void dg_render_latex_end(dg_render *r, dg_buf *out) {
  if (r->o.latex_standalone) dg_buf_puts(out, "\n\\end{document}\n");
}
