/* text_dump: prints the text layer's view of a file (paragraphs, sentences,
 * tokens with kind, byte offsets, form and flags) for golden tests, or
 * checks the round trip (input rebuilt from offsets) with --roundtrip.
 *
 *   text_dump [--horizontal] [--max N] [--encoding ENC] [--roundtrip]
 *             [--expect FILE] [--expect-warnings] FILE|-
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "util.h"

static void S_escaped(dg_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') dg_buf_puts(b, "\\n");
    else if (c == '\r') dg_buf_puts(b, "\\r");
    else if (c == '\t') dg_buf_puts(b, "\\t");
    else if (c == '\\') dg_buf_puts(b, "\\\\");
    else if (c < 0x20 || c == 0x7F) dg_buf_printf(b, "\\x%02X", c);
    else dg_buf_putc(b, (char)c);
  }
}

static void S_flags(dg_buf *b, unsigned f) {
  static const struct { unsigned bit; const char *name; } names[] = {
      {DG_TF_EMPH, "emph"},           {DG_TF_HYPHEN_JOINED, "joined"},
      {DG_TF_ORDINAL, "ordinal"},     {DG_TF_ABBREV, "abbrev"},
      {DG_TF_SUSPENDED, "suspended"}, {DG_TF_REPLACED, "replaced"},
      {DG_TF_QUOTE_OPEN, "open"},     {DG_TF_QUOTE_CLOSE, "close"}};
  int n = 0;
  for (size_t i = 0; i < DG_ARRAY_LEN(names); i++) {
    if (!(f & names[i].bit)) continue;
    dg_buf_puts(b, n++ ? "," : "  {");
    dg_buf_puts(b, names[i].name);
  }
  if (n) dg_buf_putc(b, '}');
}

static void S_dump(const dg_paragraph *p, size_t pi) {
  dg_buf b;
  dg_buf_init(&b);
  dg_buf_printf(&b, "P%zu [%llu,%llu) line %ld%s%s\n", pi, (unsigned long long)p->start,
                (unsigned long long)p->end, p->line, (p->flags & DG_PF_CUT) ? " cut" : "",
                (p->flags & DG_PF_JOINED) ? " joined" : "");
  for (size_t s = 0; s < p->nsentences; s++) {
    const dg_sentence *st = &p->sentences[s];
    dg_buf_printf(&b, "S%zu.%zu [%llu,%llu)%s%s\n", pi, s + 1, (unsigned long long)st->start,
                  (unsigned long long)st->end, (st->flags & DG_SF_HEADLINE) ? " headline" : "",
                  (st->flags & DG_SF_CUT) ? " cut" : "");
    for (size_t t = 0; t < st->ntokens; t++) {
      const dg_token *k = &st->tokens[t];
      dg_buf_printf(&b, "  %-7s %6llu %6llu  ", dg_tokkind_name(k->kind),
                    (unsigned long long)k->start, (unsigned long long)k->end);
      S_escaped(&b, k->form, strlen(k->form));
      const char *raw = p->raw + (k->start - p->start);
      size_t rl = (size_t)(k->end - k->start);
      if (rl != strlen(k->form) || memcmp(raw, k->form, rl)) {
        dg_buf_puts(&b, "  raw=\"");
        S_escaped(&b, raw, rl);
        dg_buf_putc(&b, '"');
      }
      S_flags(&b, k->flags);
      dg_buf_putc(&b, '\n');
    }
  }
  fwrite(b.data, 1, b.len, stdout);
  dg_buf_free(&b);
}

static int S_fail(const char *what, unsigned long long at) {
  fprintf(stderr, "text_dump: roundtrip FAILED: %s (at byte %llu)\n", what, at);
  return 1;
}

static degloss_encoding S_enc = DEGLOSS_ENCODING_UTF8; /* of the input, once known */

static bool S_gap_ok(const char *s, size_t n, bool horizontal) {
  for (size_t i = 0; i < n;) {
    uint32_t cp = 0;
    unsigned char c = (unsigned char)s[i];
    size_t len = 1;
    bool bad;
    if (S_enc != DEGLOSS_ENCODING_UTF8) {
      len = dg_encoding_decode(S_enc, (const unsigned char *)s + i, n - i, &cp, &bad);
      if (!len) len = n - i;
    } else if (c < 0x80) cp = c;
    else {
      /* decode leniently; gaps hold only whitespace/markup/format characters */
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      cp = c & (0x3F >> extra);
      for (int k = 1; k <= extra && i + (size_t)k < n; k++) cp = (cp << 6) | (s[i + k] & 0x3F);
      len = (size_t)extra + 1;
    }
    if (horizontal) {
      if (cp != ' ') return false;
    } else if (cp != '*' && cp != '_' && cp != 0xAD) {
      utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
      if (cat != UTF8PROC_CATEGORY_ZS && cat != UTF8PROC_CATEGORY_ZL &&
          cat != UTF8PROC_CATEGORY_ZP && cat != UTF8PROC_CATEGORY_CC &&
          cat != UTF8PROC_CATEGORY_CF && cat != UTF8PROC_CATEGORY_CS)
        return false;
    }
    i += len;
  }
  return true;
}

/* Structural checks on one paragraph. */
static int S_check(const dg_paragraph *p, bool horizontal) {
  if (p->start != p->lead_start + p->leadlen || p->end != p->start + p->rawlen)
    return S_fail("paragraph offsets", p->start);
  uint64_t pos = p->start;
  size_t seen = 0;
  for (size_t s = 0; s < p->nsentences; s++) {
    const dg_sentence *st = &p->sentences[s];
    if (st->tokens != p->tokens + seen) return S_fail("sentences do not tile tokens", pos);
    if (st->ntokens == 0 && !horizontal) return S_fail("empty sentence", pos);
    if (st->ntokens && (st->start != st->tokens[0].start ||
                        st->end != st->tokens[st->ntokens - 1].end))
      return S_fail("sentence span", st->start);
    for (size_t t = 0; t < st->ntokens; t++) {
      const dg_token *k = &st->tokens[t];
      if (k->start < pos || k->end <= k->start || k->end > p->end)
        return S_fail("token offsets", k->start);
      if (!S_gap_ok(p->raw + (pos - p->start), (size_t)(k->start - pos), horizontal))
        return S_fail("gap holds text", pos);
      if (!k->form[0]) return S_fail("empty form", k->start);
      pos = k->end;
    }
    seen += st->ntokens;
  }
  if (seen != p->ntokens) return S_fail("token count", pos);
  if (!S_gap_ok(p->raw + (pos - p->start), (size_t)(p->end - pos), horizontal))
    return S_fail("trailing gap holds text", pos);
  return 0;
}

int main(int argc, char **argv) {
  bool roundtrip = false, horizontal = false, expect_warn = false;
  size_t max = 0;
  const char *path = NULL, *expect = NULL, *encoding = NULL;
  dg_warn_scope scope = {0}; /* warnings to standard error, counted */
  dg_warn_push(&scope);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--roundtrip")) roundtrip = true;
    else if (!strcmp(argv[i], "--horizontal")) horizontal = true;
    else if (!strcmp(argv[i], "--expect-warnings")) expect_warn = true;
    else if (!strcmp(argv[i], "--max") && i + 1 < argc) max = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--expect") && i + 1 < argc) expect = argv[++i];
    else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) encoding = argv[++i];
    else path = argv[i];
  }
  if (!path) {
    fprintf(stderr, "usage: text_dump [--horizontal] [--max N] [--encoding ENC] [--roundtrip] "
                    "[--expect FILE] [--expect-warnings] FILE|-\n");
    return 2;
  }
  FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!in) {
    perror(path);
    return 2;
  }
  dg_reader *r = dg_reader_new(in, path, horizontal ? DEGLOSS_INPUT_HORIZONTAL : DEGLOSS_INPUT_TEXT);
  if (max) dg_reader_set_max_paragraph(r, max);
  if (encoding) {
    degloss_encoding e;
    if (!dg_encoding_parse(encoding, &e)) {
      fprintf(stderr, "text_dump: unknown encoding %s\n", encoding);
      return 2;
    }
    dg_reader_set_encoding(r, e);
  }
  dg_buf rebuilt;
  dg_buf_init(&rebuilt);
  dg_paragraph p;
  degloss_error err = {0};
  size_t np = 0, ns = 0, nt = 0;
  int rc = 0;
  while (dg_reader_next(r, &p, &err)) {
    np++;
    ns += p.nsentences;
    nt += p.ntokens;
    if (roundtrip) {
      S_enc = dg_reader_encoding(r);
      if (!rc) rc = S_check(&p, horizontal);
      dg_buf_put(&rebuilt, p.lead, p.leadlen);
      dg_buf_put(&rebuilt, p.raw, p.rawlen);
    } else {
      S_dump(&p, np);
    }
    dg_paragraph_free(&p);
  }
  if (err.code) {
    fprintf(stderr, "text_dump: %s: %s\n", err.source, err.text);
    rc = 1;
  }
  size_t tl;
  const char *tail = dg_reader_tail(r, &tl, NULL);
  dg_buf_put(&rebuilt, tail, tl);
  if (roundtrip && !rc) {
    size_t len = 0;
    char *orig = dg_read_file(expect ? expect : path, &len, NULL);
    if (!orig) {
      fprintf(stderr, "text_dump: cannot re-read %s\n", expect ? expect : path);
      rc = 2;
    } else if (len != rebuilt.len || memcmp(orig, rebuilt.data, len)) {
      size_t i = 0;
      while (i < len && i < rebuilt.len && orig[i] == rebuilt.data[i]) i++;
      rc = S_fail("rebuilt input differs", i);
    }
    free(orig);
    if (!rc)
      printf("roundtrip OK: %zu bytes, %zu paragraphs, %zu sentences, %zu tokens, %lu warnings\n",
             rebuilt.len, np, ns, nt, scope.count);
  }
  if (expect_warn && scope.count == 0) {
    fprintf(stderr, "text_dump: expected warnings, got none\n");
    rc = 1;
  }
  dg_buf_free(&rebuilt);
  dg_reader_free(r);
  if (in != stdin) fclose(in);
  return rc;
}
