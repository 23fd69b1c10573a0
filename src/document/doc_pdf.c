/* PDF reader: poppler's C (GLib) API.  The text of each page in reading
 * order, line by line with each line's box; the lines of a paragraph are
 * kept apart by line breaks, so the text layer rejoins a word hyphenated at
 * a line end by its own rule ("Verhand-⏎lungen" → Verhandlungen, the hyphen
 * kept before a capital: "NATO-⏎Mitgliedschaft").  A paragraph ends at a
 * blank line, a vertical gap wider than 0.6 lines, a change of font size,
 * or a short line ending in a full stop.  A page break continues the
 * paragraph when the page's last line ends in a hyphen, or ends without
 * final punctuation and the next page goes on in lower case.  Headers and
 * footers (the same first or last line on more than half of the pages,
 * digits ignored so page numbers do not count) are dropped.  Ligatures
 * (U+FB00..U+FB06) are spelt out.  The origin is "page N" ("pages N-M" for
 * a paragraph across a page break).  An encrypted PDF without password, a
 * truncated or damaged one: an error naming the file.  poppler is loaded
 * when the first PDF is read (poppler_lazy.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "document_internal.h"
#include "poppler_lazy.h"

/* The code point at p (poppler's text is valid UTF-8) and its length;
 * -1 (and 1) for a byte that starts none. */
static int32_t S_char(const char *p, size_t *len) {
  utf8proc_int32_t c;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
  *len = n > 0 ? (size_t)n : 1;
  return n > 0 ? c : -1;
}

/* White space as GLib's g_unichar_isspace counts it: tab, line feed,
 * carriage return, form feed and the Unicode separators. */
static bool S_space(int32_t c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return true;
  if (c < 0) return false;
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

typedef struct S_line {
  char *s;                    /* the line's text, NUL-terminated */
  double top, bottom, left, right;
  bool geo;                   /* the box is known */
  bool blank_before;          /* an empty line came before it */
} S_line;

typedef struct S_page {
  S_line *v;
  size_t n, first, last;      /* lines kept: [first, last) */
} S_page;

/* A ligature (U+FB00..U+FB06) spelt out, or NULL. */
static const char *S_ligature(const unsigned char *p) {
  static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  if (p[0] == 0xEF && p[1] == 0xAC && p[2] >= 0x80 && p[2] <= 0x86) return lig[p[2] - 0x80];
  return NULL;
}

/* Cut the page text into lines with their boxes (rects: one per character
 * of text, or NULL). */
static void S_lines(S_page *pg, const char *text, const PopplerRectangle *rects, guint nrects) {
  size_t cap = 0;
  bool blank = false;
  guint k = 0; /* character index */
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    S_line ln = {0};
    ln.top = ln.left = 1e300;
    ln.bottom = ln.right = -1e300;
    bool any = false;
    size_t cl;
    for (const char *q = p; q < p + n; q += cl, k++) {
      int32_t c = S_char(q, &cl);
      if (S_space(c)) continue;
      any = true;
      if (rects && k < nrects) {
        const PopplerRectangle *r = &rects[k];
        ln.geo = true;
        if (r->y1 < ln.top) ln.top = r->y1;
        if (r->y2 > ln.bottom) ln.bottom = r->y2;
        if (r->x1 < ln.left) ln.left = r->x1;
        if (r->x2 > ln.right) ln.right = r->x2;
      }
    }
    if (e) k++; /* the line break has a box too */
    if (!any) {
      blank = true;
    } else {
      if (pg->n == cap) {
        cap = cap ? 2 * cap : 64;
        pg->v = dg_xrealloc(pg->v, cap * sizeof *pg->v);
      }
      ln.s = dg_xstrndup(p, n);
      ln.blank_before = blank;
      pg->v[pg->n++] = ln;
      blank = false;
    }
    if (!e) break;
    p = e + 1;
  }
  pg->first = 0;
  pg->last = pg->n;
}

/* A header's or footer's key: the line without digits and spaces. */
static char *S_key(const char *s) {
  char *k = dg_xmalloc(strlen(s) + 1), *o = k;
  for (; *s; s++)
    if (!(*s >= '0' && *s <= '9') && *s != ' ' && *s != '\t') *o++ = *s;
  *o = '\0';
  return k;
}

/* Drop the first (top) or last (bottom) lines that repeat on more than
 * half of the pages. */
static void S_drop_repeated(S_page *pages, size_t np, bool top) {
  if (np < 2) return;
  char **keys = dg_xcalloc(np, sizeof *keys);
  for (size_t i = 0; i < np; i++) {
    S_page *pg = &pages[i];
    if (pg->first < pg->last) keys[i] = S_key(pg->v[top ? pg->first : pg->last - 1].s);
  }
  bool *drop = dg_xcalloc(np, sizeof *drop);
  for (size_t i = 0; i < np; i++) {
    if (!keys[i]) continue;
    size_t same = 0;
    for (size_t j = 0; j < np; j++) same += keys[j] && strcmp(keys[i], keys[j]) == 0;
    drop[i] = same >= 2 && 2 * same > np;
  }
  for (size_t i = 0; i < np; i++) {
    if (drop[i]) {
      if (top) pages[i].first++;
      else pages[i].last--;
    }
    free(keys[i]);
  }
  free(keys);
  free(drop);
}

/* Does the line end a sentence (final punctuation, maybe a closing quote)? */
static bool S_ends_sentence(const char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'')) n--;
  while (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xAB) n -= 2; /* « */
  while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
         ((unsigned char)s[n - 1] == 0x9C || (unsigned char)s[n - 1] == 0x9D))
    n -= 3; /* “ ” */
  return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

/* Does the line end in a hyphen attached to a word ("NATO-", "Verhand-")? */
static bool S_ends_hyphen(const char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return n >= 2 && s[n - 1] == '-' && s[n - 2] != ' ';
}

/* The characters of valid UTF-8 text (what g_utf8_strlen counts). */
static size_t S_length(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static bool S_starts_lower(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t cl;
  int32_t c = *s ? S_char(s, &cl) : -1;
  return c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* Does a new paragraph begin between lines a and b of one page? */
static bool S_break(const S_line *a, const S_line *b, double right) {
  if (b->blank_before) return true;
  if (!a->geo || !b->geo) return false;
  double ha = a->bottom - a->top, hb = b->bottom - b->top;
  double h = ha > hb ? ha : hb;
  if (h <= 0) return false;
  if (b->top < a->top - h * 0.2) return true;                    /* a new column */
  if (b->top - a->bottom > 0.6 * h) return true;                 /* a gap */
  if (ha > 1.25 * hb || hb > 1.25 * ha) return true;             /* another font size */
  return S_ends_sentence(a->s) && a->right < a->left + 0.75 * (right - a->left); /* a short last line */
}

static void S_put_line(dg_docbuild *b, const char *s) {
  const char *run = s;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; u[i]; i++) {
    const char *lig = u[i] == 0xEF && u[i + 1] && u[i + 2] ? S_ligature(u + i) : NULL;
    if (!lig) continue;
    dg_docb_put(b, run, (size_t)(s + i - run), true);
    dg_docb_put(b, lig, strlen(lig), true);
    i += 2;
    run = s + i + 1;
  }
  dg_docb_put(b, run, strlen(run), true);
}

static void S_end(dg_docbuild *b, int from, int to) {
  if (from == to) dg_docb_end(b, "page %d", from);
  else dg_docb_end(b, "pages %d-%d", from, to);
}

bool dg_doc_read_pdf(const char *data, size_t len, const char *name, dg_document *doc,
                     degloss_error *err) {
  /* A PDF ends with %%EOF (maybe followed by a line end or a little junk):
   * without it the file was cut short. */
  size_t tail = len < 2048 ? len : 2048;
  bool eof = false;
  for (size_t i = len - tail; i + 5 <= len && !eof; i++) eof = memcmp(data + i, "%%EOF", 5) == 0;
  if (len < 5 || memcmp(data, "%PDF-", 5) != 0) {
    bool magic = false;
    for (size_t i = 0; i + 5 <= len && i < 1024 && !magic; i++) magic = memcmp(data + i, "%PDF-", 5) == 0;
    if (!magic) {
      dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: not a PDF file (no %%PDF- header)", name);
      return false;
    }
  }
  if (!eof) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: truncated PDF (no %%%%EOF at its end); not read", name);
    return false;
  }
  const dg_poppler *pp = dg_poppler_get(name, err);
  if (!pp) return false;
  GBytes *bytes = pp->bytes_new_static(data, len);
  GError *ge = NULL;
  PopplerDocument *pd = pp->document_new_from_bytes(bytes, NULL, &ge);
  if (!pd) {
    if (ge && ge->domain == pp->error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED)
      dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                   "%s: encrypted PDF: it needs a password; not read", name);
    else
      dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1, "%s: damaged PDF (%s); not read", name,
                   ge && ge->message ? ge->message : "cannot be opened");
    if (ge) pp->error_free(ge);
    pp->bytes_unref(bytes);
    return false;
  }
  int np = pp->document_get_n_pages(pd);
  if (np < 0) np = 0;
  S_page *pages = dg_xcalloc((size_t)np + 1, sizeof *pages);
  size_t total = 0;
  bool big = false;
  for (int i = 0; i < np && !big; i++) {
    PopplerPage *page = pp->document_get_page(pd, i);
    if (!page) continue;
    char *text = pp->page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (text && !pp->page_get_text_layout(page, &rects, &nrects)) rects = NULL;
    if (text && rects && (size_t)nrects != S_length(text)) { /* no geometry then */
      pp->free(rects);
      rects = NULL;
      nrects = 0;
    }
    if (text) {
      total += strlen(text);
      big = total > DG_DOC_MAX_TEXT;
      if (!big) S_lines(&pages[i], text, rects, nrects);
    }
    pp->free(rects);
    pp->free(text);
    pp->object_unref(page);
  }
  pp->object_unref(pd);
  pp->bytes_unref(bytes);
  bool ok = true;
  if (big) {
    dg_error_set(err, DEGLOSS_ERR_INPUT, name, 0, 0, -1,
                 "%s: the document's text is over %zu MiB; not read", name, DG_DOC_MAX_TEXT >> 20);
    ok = false;
  }
  if (ok) {
    S_drop_repeated(pages, (size_t)np, true);
    S_drop_repeated(pages, (size_t)np, false);
    dg_docbuild b;
    dg_docb_init(&b, doc, name);
    int from = 0, to = 0; /* the pages of the open paragraph */
    const S_line *prev = NULL;
    for (int i = 0; i < np && !b.full; i++) {
      const S_page *pg = &pages[i];
      double right = 0;
      for (size_t l = pg->first; l < pg->last; l++)
        if (pg->v[l].geo && pg->v[l].right > right) right = pg->v[l].right;
      for (size_t l = pg->first; l < pg->last; l++) {
        const S_line *ln = &pg->v[l];
        bool brk;
        if (!prev) brk = true;
        else if (l == pg->first) /* across a page break */
          brk = !(S_ends_hyphen(prev->s) || (!S_ends_sentence(prev->s) && S_starts_lower(ln->s)));
        else brk = S_break(prev, ln, right);
        if (brk) {
          if (prev) S_end(&b, from, to);
          from = i + 1;
        } else {
          dg_docb_newline(&b);
        }
        to = i + 1;
        S_put_line(&b, ln->s);
        prev = ln;
      }
    }
    if (prev) S_end(&b, from, to);
    if (dg_docb_full(&b, err)) ok = false;
    else if (!prev)
      dg_warn(DEGLOSS_ERR_INPUT, name, 0, -1, "no text in this PDF (scanned pages?)");
  }
  for (int i = 0; i < np; i++) {
    for (size_t l = 0; l < pages[i].n; l++) free(pages[i].v[l].s);
    free(pages[i].v);
  }
  free(pages);
  return ok;
}
