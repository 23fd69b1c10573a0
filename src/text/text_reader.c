/* The streaming reader: finds paragraph boundaries in the byte stream
 * (blank lines, page breaks; hyphenation across them joins), keeps at most
 * one paragraph (bounded by max_paragraph) plus a read chunk in memory, and
 * hands each paragraph to the tokenizer and segmenter.
 *
 * Encodings.  The reader works on UTF-8 in `data`.  Input in another
 * encoding (Windows-1252, ISO-8859-1, UTF-16) is transcoded chunk by chunk
 * into `buf`; the original bytes stay in `obuf` and map[] gives, for every
 * byte of `data`, the original offset of its character, so paragraphs,
 * tokens, warnings and the tail are handed out in original offsets and
 * bytes.  In AUTO mode the input is read as UTF-8 (no copy, no map) until
 * a BOM or the first block with non-ASCII bytes decides; only input judged
 * Windows-1252 switches to transcoding then.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "text_internal.h"

#define S_CHUNK ((size_t)1 << 16)
#define S_JOIN_GAP 4096 /* most whitespace a hyphenation join may cross */

struct dg_reader {
  FILE *in;
  int fd;      /* fileno(in) when it has one and nothing is buffered, else -1 */
  char *name;
  degloss_input mode;
  size_t maxpara;
  unsigned char *buf; /* owned storage (FILE readers) */
  size_t cap;
  const unsigned char *data; /* buf, or the caller's memory */
  size_t len;                /* valid bytes at data */
  size_t pos;                /* first byte not yet handed out */
  uint64_t base;             /* absolute offset of data[0] */
  bool eof, ioerr, mem, done, cut_run, started, looked; /* looked: the shape check is done */
  int ioerrno;
  long line;                 /* line number at pos */
  bool prev_cr;              /* data[pos-1] was '\r' */
  size_t tailpos, taillen;
  size_t next_crff;          /* index of the next '\r' or '\f' (len if none found) */
  dg_warnstate ws;
  dg_textbuf tb;
  dg_ltoks lt;
  /* encodings */
  degloss_encoding cur;           /* AUTO: undecided (only ASCII so far); UTF8; or transcoded */
  bool xcode;                /* data is the transcoding of obuf */
  bool src_eof;              /* the source (descriptor, FILE, memory) is exhausted */
  bool full_read;            /* the last read filled its chunk */
  bool may_wait;             /* a read ahead cannot stall (regular file, FILE stream) */
  unsigned char *obuf;       /* original bytes [obase, obase + olen) */
  size_t ocap, olen, odone;  /* odone: original bytes transcoded so far */
  uint64_t obase;
  uint32_t *map;             /* map[i], i <= len: offset in obuf of data[i]'s character */
  const unsigned char *msrc; /* a memory source being transcoded */
  size_t msrclen;
};

static dg_reader *S_new(const char *name, degloss_input mode) {
  dg_reader *r = dg_xcalloc(1, sizeof *r);
  r->name = dg_xstrdup(name && strcmp(name, "-") ? name : "<stdin>");
  r->mode = mode;
  r->maxpara = DG_TEXT_MAX_PARAGRAPH;
  r->line = 1;
  r->data = (const unsigned char *)"";
  r->cur = DEGLOSS_ENCODING_AUTO;
  return r;
}

dg_reader *dg_reader_new(FILE *in, const char *name, degloss_input mode) {
  dg_reader *r = S_new(name, mode);
  r->in = in;
  r->fd = -1;
  /* Read the descriptor directly (see S_avail) when the stream has one and
   * has not been read from yet; fmemopen() streams and others use fread. */
  int fd = in ? fileno(in) : -1;
  if (fd >= 0 && ftello(in) <= 0 && lseek(fd, 0, SEEK_CUR) <= 0) r->fd = fd;
  struct stat st;
  r->may_wait = r->fd < 0 || (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode));
  return r;
}

dg_reader *dg_reader_new_mem(const char *data, size_t len, const char *name,
                             degloss_input mode) {
  dg_reader *r = S_new(name ? name : "<memory>", mode);
  r->fd = -1;
  r->mem = true;
  r->eof = r->src_eof = true;
  r->cur = DEGLOSS_ENCODING_UTF8;
  if (data) {
    r->data = (const unsigned char *)data;
    r->len = len;
  }
  return r;
}

void dg_reader_set_max_paragraph(dg_reader *r, size_t max) { r->maxpara = max < 64 ? 64 : max; }

void dg_reader_set_encoding(dg_reader *r, degloss_encoding enc) {
  if (r->pos || r->base || r->xcode) return; /* only before reading */
  if (r->mem && enc != DEGLOSS_ENCODING_UTF8) { /* pull the memory through the source path */
    r->msrc = r->data;
    r->msrclen = r->len;
    r->data = (const unsigned char *)"";
    r->len = 0;
    r->mem = r->eof = r->src_eof = false;
  }
  r->cur = enc;
  r->xcode = enc != DEGLOSS_ENCODING_AUTO && enc != DEGLOSS_ENCODING_UTF8;
}

degloss_encoding dg_reader_encoding(const dg_reader *r) {
  return r->cur == DEGLOSS_ENCODING_AUTO ? DEGLOSS_ENCODING_UTF8 : r->cur;
}

void dg_reader_free(dg_reader *r) {
  if (!r) return;
  free(r->name);
  free(r->buf);
  free(r->obuf);
  free(r->map);
  dg_textbuf_free(&r->tb);
  dg_ltoks_free(&r->lt);
  free(r);
}

/* The original offset of data[i]. */
static uint64_t S_orig(const dg_reader *r, size_t i) {
  return r->xcode ? r->obase + r->map[i] : r->base + i;
}

uint64_t dg_reader_offset(const dg_reader *r) { return S_orig(r, r->pos); }

unsigned long dg_reader_invalid_count(const dg_reader *r) { return r->ws.invalid; }

const char *dg_reader_tail(const dg_reader *r, size_t *len, uint64_t *start) {
  size_t a = r->done ? r->tailpos : r->pos, n = r->done ? r->taillen : 0;
  if (start) *start = S_orig(r, a);
  if (r->xcode) {
    if (len) *len = r->map[a + n] - r->map[a];
    return (const char *)r->obuf + r->map[a];
  }
  if (len) *len = n;
  return (const char *)r->data + a;
}

static long S_lines(const unsigned char *d, size_t a, size_t b, bool *cr);

/* Read up to max bytes of the source into dst; sets src_eof at its end. */
static size_t S_read_into(dg_reader *r, unsigned char *dst, size_t max) {
  size_t got = 0;
  if (r->msrc) {
    got = r->msrclen < max ? r->msrclen : max;
    memcpy(dst, r->msrc, got);
    r->msrc += got;
    r->msrclen -= got;
    r->src_eof = r->msrclen == 0;
  } else if (r->fd >= 0) {
    /* read(2) returns what is there: a paragraph typed or piped in is
     * handled at once, not when 64 KiB have come together */
    ssize_t n;
    while ((n = read(r->fd, dst, max)) < 0 && errno == EINTR) {
    }
    if (n < 0) {
      r->ioerr = true;
      r->ioerrno = errno;
      r->src_eof = true;
    } else {
      got = (size_t)n;
      r->src_eof = n == 0;
    }
  } else if (r->in) {
    got = fread(dst, 1, max, r->in);
    if (got < max) {
      if (ferror(r->in)) {
        r->ioerr = true;
        r->ioerrno = errno;
        r->src_eof = true;
      } else if (feof(r->in)) {
        r->src_eof = true;
      }
    }
  } else {
    r->src_eof = true;
  }
  r->full_read = got == max;
  return got;
}

/* Room for `need` bytes in buf (and map entries, when transcoding). */
static void S_grow(dg_reader *r, size_t need) {
  if (need > r->cap) {
    size_t cap = r->cap ? r->cap : 2 * S_CHUNK;
    while (cap < need) cap *= 2;
    r->buf = dg_xrealloc(r->buf, cap);
    r->cap = cap;
    if (r->map) r->map = dg_xrealloc(r->map, (cap + 1) * sizeof *r->map);
  }
  if (r->xcode && !r->map) r->map = dg_xmalloc((r->cap + 1) * sizeof *r->map);
  r->data = r->buf;
}

/* One raw chunk into buf (UTF-8 or undecided input). */
static void S_read_chunk(dg_reader *r) {
  S_grow(r, r->len + S_CHUNK);
  r->len += S_read_into(r, r->buf + r->len, S_CHUNK);
  r->eof = r->src_eof;
}

static const char *S_enc_label(degloss_encoding e) {
  switch (e) {
  case DEGLOSS_ENCODING_CP1252: return "Windows-1252";
  case DEGLOSS_ENCODING_LATIN1: return "ISO-8859-1";
  case DEGLOSS_ENCODING_UTF16BE: return "UTF-16BE";
  default: return "UTF-16LE";
  }
}

/* An invalid character of m original bytes at obuf[i], transcoded at data[k]. */
static void S_xwarn(dg_reader *r, size_t i, size_t m, size_t k) {
  r->ws.invalid++;
  bool cr = r->prev_cr;
  long line = r->line + S_lines(r->buf, r->pos, k, &cr);
  if (!dg_text_warn_due(&r->ws, r->name, line, r->obase + i)) return;
  char hex[16];
  dg_text_hex(hex, r->obuf + i, m);
  dg_warn(DEGLOSS_ERR_INPUT, r->name, line, (long long)(r->obase + i),
          "invalid %s (%s) replaced by U+FFFD", S_enc_label(r->cur), hex);
}

/* Transcode the original bytes not yet transcoded (an incomplete character
 * at the end waits for more input, or becomes U+FFFD at the end). */
static void S_transcode(dg_reader *r) {
  if (r->cur == DEGLOSS_ENCODING_UTF16) { /* byte order: BOM, else the side of the NULs */
    if (r->olen < 2 && !r->src_eof) return;
    const unsigned char *o = r->obuf;
    if (r->olen >= 2 && o[0] == 0xFF && o[1] == 0xFE) r->cur = DEGLOSS_ENCODING_UTF16LE;
    else if (r->olen >= 2 && o[0] == 0xFE && o[1] == 0xFF) r->cur = DEGLOSS_ENCODING_UTF16BE;
    else r->cur = dg_encoding_utf16_order(o, r->olen);
  }
  S_grow(r, r->len + 3 * (r->olen - r->odone) + 4);
  const unsigned char *o = r->obuf;
  unsigned char *d = r->buf;
  uint32_t *map = r->map;
  bool single = r->cur == DEGLOSS_ENCODING_CP1252 || r->cur == DEGLOSS_ENCODING_LATIN1;
  size_t i = r->odone, k = r->len, n = r->olen;
  while (i < n) {
    if (single && o[i] < 0x80) { /* ASCII */
      d[k] = o[i];
      map[k++] = (uint32_t)i++;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t m = dg_encoding_decode(r->cur, o + i, n - i, &cp, &bad);
    if (m == 0) {
      if (!r->src_eof) break;
      m = n - i; /* truncated at the end */
      cp = 0xFFFD;
      bad = true;
    }
    if (bad) S_xwarn(r, i, m, k);
    char u[4];
    size_t ul = dg_utf8_encode(cp, u);
    for (size_t j = 0; j < ul; j++) {
      d[k] = (unsigned char)u[j];
      map[k++] = (uint32_t)i;
    }
    i += m;
  }
  map[k] = (uint32_t)i;
  r->odone = i;
  r->len = k;
}

/* Read and transcode one chunk. */
static void S_xread(dg_reader *r) {
  if (!r->src_eof) {
    if (r->olen + S_CHUNK > r->ocap) {
      size_t cap = r->ocap ? r->ocap : 2 * S_CHUNK;
      while (cap < r->olen + S_CHUNK) cap *= 2;
      r->obuf = dg_xrealloc(r->obuf, cap);
      r->ocap = cap;
    }
    r->olen += S_read_into(r, r->obuf + r->olen, S_CHUNK);
  }
  S_transcode(r);
  r->eof = r->src_eof && r->odone == r->olen;
}

/* From now on transcode from `enc`: the bytes read so far (ASCII up to the
 * reader's position) become the original bytes. */
static void S_switch(dg_reader *r, degloss_encoding enc) {
  r->cur = enc;
  r->xcode = true;
  r->obuf = r->buf;
  r->ocap = r->cap;
  r->olen = r->len;
  r->odone = 0;
  r->obase = r->base;
  r->buf = NULL;
  r->cap = 0;
  r->len = 0;
  r->next_crff = 0;
  S_transcode(r);
  r->eof = r->src_eof && r->odone == r->olen;
}

static bool S_bom_prefix(const unsigned char *d, size_t n) {
  static const unsigned char boms[3][3] = {{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE, 0}, {0xFE, 0xFF, 0}};
  for (int b = 0; b < 3; b++)
    if (n < (b ? 2u : 3u) && memcmp(d, boms[b], n) == 0) return true;
  return false;
}

/* AUTO: decide after the bytes [old, len) came in. */
static void S_detect(dg_reader *r, size_t old) {
  if (r->base == 0 && old == 0) { /* the start: a BOM? */
    while (!r->eof && S_bom_prefix(r->buf, r->len)) S_read_chunk(r);
    const unsigned char *d = r->buf;
    if (r->len >= 2 && d[0] == 0xFF && d[1] == 0xFE) {
      S_switch(r, DEGLOSS_ENCODING_UTF16LE);
      return;
    }
    if (r->len >= 2 && d[0] == 0xFE && d[1] == 0xFF) {
      S_switch(r, DEGLOSS_ENCODING_UTF16BE);
      return;
    }
    if (r->len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
      r->cur = DEGLOSS_ENCODING_UTF8;
      return;
    }
  }
  size_t k = old;
  for (uint64_t w; k + 8 <= r->len; k += 8) { /* ASCII, 8 bytes at a time */
    memcpy(&w, r->buf + k, 8);
    if (w & 0x8080808080808080u) break;
  }
  while (k < r->len && r->buf[k] < 0x80) k++;
  if (k == r->len) return; /* still ASCII */
  /* judge a block of up to 64 KiB; read on if a full chunk left little of it */
  if (r->len - k < 4096 && r->full_read && r->may_wait && !r->eof) S_read_chunk(r);
  size_t end = r->len - k > S_CHUNK ? k + S_CHUNK : r->len, bad;
  if (dg_encoding_sniff(r->buf, end, k, r->eof && end == r->len, &bad) == DEGLOSS_ENCODING_UTF8) {
    r->cur = DEGLOSS_ENCODING_UTF8;
    return;
  }
  bool cr = r->prev_cr;
  long line = r->line + S_lines(r->buf, r->pos, bad, &cr);
  dg_note(r->name, line, (long long)(r->base + bad),
          "not UTF-8; read as Windows-1252 (first non-UTF-8 byte at line %ld, byte %llu)", line,
          (unsigned long long)(r->base + bad));
  S_switch(r, DEGLOSS_ENCODING_CP1252);
}

/* Is byte i available?  Reads more input as needed (S_avail: at once when
 * it is loaded, which it nearly always is). */
static bool S_avail_more(dg_reader *r, size_t i) {
  while (i >= r->len && !r->eof) {
    if (r->xcode) {
      S_xread(r);
      continue;
    }
    size_t old = r->len;
    S_read_chunk(r);
    if (r->cur == DEGLOSS_ENCODING_AUTO && r->len > old) S_detect(r, old);
  }
  return i < r->len;
}

static inline bool S_avail(dg_reader *r, size_t i) { return i < r->len || S_avail_more(r, i); }

/* Drop consumed bytes once they are a good part of the buffer (amortised:
 * each byte is moved O(1) times). */
static void S_compact(dg_reader *r) {
  if (r->mem || r->pos < S_CHUNK || r->pos < r->len / 2) return;
  r->next_crff = 0; /* search again */
  if (r->xcode) {
    size_t od = r->map[r->pos];
    memmove(r->obuf, r->obuf + od, r->olen - od);
    r->olen -= od;
    r->odone -= od;
    r->obase += od;
    for (size_t i = 0; i + r->pos <= r->len; i++) r->map[i] = r->map[i + r->pos] - (uint32_t)od;
  }
  memmove(r->buf, r->buf + r->pos, r->len - r->pos);
  r->base += r->pos;
  r->len -= r->pos;
  r->pos = 0;
}

/* Lines in [a, b): "\n", "\r\n" and a lone "\r" end a line; *cr says
 * whether the byte before a was '\r' and is updated. */
static long S_lines(const unsigned char *d, size_t a, size_t b, bool *cr) {
  long n = 0;
  if (b <= a) return 0;
  for (const unsigned char *p = d + a, *e = d + b;
       p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
    n += !(p > d + a ? p[-1] == '\r' : *cr); /* CRLF counts once, at the CR */
  for (const unsigned char *p = d + a, *e = d + b;
       p < e && (p = memchr(p, '\r', (size_t)(e - p))) != NULL; p++)
    n++;
  *cr = d[b - 1] == '\r';
  return n;
}

/* The next '\r' or '\f' at or after q in the loaded bytes (r->len if none
 * yet; the caller searches again once it passes that point). */
static size_t S_find_crff(const dg_reader *r, size_t q) {
  const unsigned char *d = r->data;
  const unsigned char *cr = memchr(d + q, '\r', r->len - q);
  size_t lim = cr ? (size_t)(cr - d) : r->len;
  const unsigned char *ff = memchr(d + q, '\f', lim - q);
  return ff ? (size_t)(ff - d) : lim;
}

/* Advance pos to `to`, counting lines. */
static void S_consume(dg_reader *r, size_t to) {
  r->line += S_lines(r->data, r->pos, to, &r->prev_cr);
  r->pos = to;
}

/* Length of a whitespace character at i (0 if none): ASCII blanks, NBSP and
 * other Unicode spaces, zero-width space, BOM. */
static size_t S_ws(dg_reader *r, size_t i) {
  unsigned c = r->data[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2 || c > 0xE3) return 0;
  if (!S_avail(r, i + 1)) return 0;
  unsigned c1 = r->data[i + 1];
  if (c == 0xC2) return (c1 == 0xA0 || c1 == 0x85) ? 2 : 0;
  if (!S_avail(r, i + 2)) return 0;
  unsigned c2 = r->data[i + 2];
  if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
    return 3;
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  return 0;
}

static size_t S_bom(dg_reader *r, size_t i) {
  if (!S_avail(r, i)) return 0;
  if (r->base + i == 0 && S_avail(r, 2) && r->data[0] == 0xEF && r->data[1] == 0xBB &&
      r->data[2] == 0xBF)
    return 3;
  if (r->data[i] == 0xEF && S_avail(r, i + 2) && r->data[i + 1] == 0xBB && r->data[i + 2] == 0xBF)
    return 3; /* U+FEFF inside the stream: a zero-width no-break space */
  return 0;
}

static size_t S_blank(dg_reader *r, size_t i) {
  size_t w = S_ws(r, i);
  return w ? w : S_bom(r, i);
}

/* Decode up to 32 code points of bytes [a, b). */
static size_t S_decode(const unsigned char *d, size_t a, size_t b, uint32_t *out, size_t max) {
  size_t n = 0;
  while (a < b && n < max) {
    bool bad;
    a += dg_utf8_decode(d + a, b - a, &out[n++], &bad);
  }
  return n;
}

/* Does the line ending at e end in a hyphen attached to a word ("NATO-")? */
static bool S_ends_in_hyphen(const dg_reader *r, size_t s, size_t e) {
  const unsigned char *d = r->data;
  size_t h = e;
  while (h > s && (d[h - 1] == ' ' || d[h - 1] == '\t' || d[h - 1] == '\r')) h--;
  return h >= s + 2 && d[h - 1] == '-' && d[h - 2] > ' ';
}

/* A line ending in "NATO-" at e, continued after the blank lines at m? */
static bool S_join_across(dg_reader *r, size_t s, size_t e, size_t m) {
  const unsigned char *d = r->data;
  size_t h = e;
  while (h > s && (d[h - 1] == ' ' || d[h - 1] == '\t' || d[h - 1] == '\r')) h--;
  if (h <= s + 1 || d[h - 1] != '-') return false;
  h--; /* the hyphen */
  size_t x = h;
  while (x > s && h - x < 128 && d[x - 1] != ' ' && d[x - 1] != '\t' && d[x - 1] != '\n' &&
         d[x - 1] != '\r' && d[x - 1] != '-')
    x--;
  while (x < h && (d[x] & 0xC0) == 0x80) x++; /* start on a character */
  uint32_t left[128], right[32];
  size_t nl = S_decode(d, x, h, left, 128);
  size_t ls = nl;
  while (ls > 0 && dg_c_word(dg_text_class(left[ls - 1]))) ls--;
  if (ls == nl) return false; /* no word character right before the hyphen */
  size_t y = m;
  while (y - m < 96 && S_avail(r, y) && r->data[y] > ' ' && r->data[y] != '-') y++;
  size_t nr = S_decode(r->data, m, y, right, 32), re = 0;
  while (re < nr && (dg_c_alpha(dg_text_class(right[re])) ||
                     dg_text_class(right[re]) == DG_C_DIGIT))
    re++;
  if (nr == 0) return false;
  unsigned c0 = dg_text_class(right[0]);
  if (!dg_c_alpha(c0) && c0 != DG_C_DIGIT) return false;
  return dg_text_hyphen_rule(left + ls, nl - ls, right, re) != DG_HY_SUSPEND;
}

/* Where to cut an over-long paragraph [s, s+max): after final punctuation
 * and a space, else at a space, else on a character boundary. */
static size_t S_cut(const dg_reader *r, size_t s) {
  const unsigned char *d = r->data;
  size_t lim = s + r->maxpara, half = s + r->maxpara / 2;
  for (size_t c = lim; c > half; c--) {
    if ((d[c - 1] == ' ' || d[c - 1] == '\n') && c - 1 > s &&
        (d[c - 2] == '.' || d[c - 2] == '!' || d[c - 2] == '?'))
      return c - 1;
  }
  for (size_t c = lim; c > half; c--)
    if (d[c - 1] == ' ' || d[c - 1] == '\t' || d[c - 1] == '\n' || d[c - 1] == '\r') return c - 1;
  size_t c = lim;
  while (c > s + 1 && lim - c < 3 && (d[c] & 0xC0) == 0x80) c--;
  return c;
}

static void S_warn_cut(dg_reader *r, size_t s, size_t c, long line) {
  if (!r->cut_run)
    dg_warn(DEGLOSS_ERR_INPUT, r->name, line, (long long)S_orig(r, c),
            "paragraph longer than %zu bytes: cut here (and every %zu bytes until it ends)",
            r->maxpara, r->maxpara);
  r->cut_run = true;
  (void)s;
}

static bool S_finish_eof(dg_reader *r, size_t p, degloss_error *err) {
  r->done = true;
  r->tailpos = r->pos;
  r->taillen = p - r->pos;
  S_consume(r, p);
  if (r->ws.capped)
    dg_warn(DEGLOSS_ERR_INPUT, r->name, 0, -1,
            r->xcode ? "%lu invalid input sequences and %lu NUL bytes in total"
                     : "%lu invalid UTF-8 sequences and %lu NUL bytes in total",
            r->ws.invalid, r->ws.nul);
  if (r->ioerr) {
    dg_error_set(err, DEGLOSS_ERR_IO, r->name, r->line, 0, (long long)S_orig(r, p),
                 "%s: read error: %s", r->name, strerror(r->ioerrno));
  }
  return false;
}

/* Before a paragraph is built: warnings in original offsets. */
static void S_ws_map(dg_reader *r) {
  r->ws.omap = r->xcode ? r->map : NULL;
  r->ws.omap_ubase = r->base;
  r->ws.omap_obase = r->obase;
}

/* After: offsets and bytes of the original input. */
static void S_to_orig(dg_reader *r, dg_paragraph *out) {
  if (!r->xcode) return;
  uint64_t b = r->base;
  for (size_t i = 0; i < out->ntokens; i++) {
    out->tokens[i].start = S_orig(r, (size_t)(out->tokens[i].start - b));
    out->tokens[i].end = S_orig(r, (size_t)(out->tokens[i].end - b));
  }
  for (size_t i = 0; i < out->nsentences; i++) {
    out->sentences[i].start = S_orig(r, (size_t)(out->sentences[i].start - b));
    out->sentences[i].end = S_orig(r, (size_t)(out->sentences[i].end - b));
  }
  uint64_t ls = S_orig(r, (size_t)(out->lead_start - b)), st = S_orig(r, (size_t)(out->start - b)),
           en = S_orig(r, (size_t)(out->end - b));
  const char *o = (const char *)r->obuf;
  dg_text_set_bytes(out, ls, o + (ls - r->obase), (size_t)(st - ls), o + (st - r->obase),
                    (size_t)(en - st));
}

/* Advance pos to `to`, counting on from s (pos <= s <= to), whose line
 * (`line`) and '\r' before (`cr`) S_lines gave: the bytes before s are not
 * counted twice. */
static void S_consume_from(dg_reader *r, size_t s, long line, bool cr, size_t to) {
  r->line = line + S_lines(r->data, s, to, &cr);
  r->prev_cr = cr;
  r->pos = to;
}

/* A corpus of one sentence a line (WMT, Europarl) read as running text:
 * without blank lines it is one paragraph of up to 1 MiB whose lines each
 * end a sentence.  Looked for once, in the first paragraph of an input:
 * at least S_SHAPE_LINES lines, nine in ten ending in sentence punctuation
 * (. ! ? … or one of them before a closing quote or bracket); running text
 * wrapped at a width ends its lines mid-sentence.  The note says to use
 * --input lines. */
#define S_SHAPE_LINES 20
static void S_look_at_shape(dg_reader *r, const unsigned char *d, size_t s, size_t end, long line) {
  r->looked = true;
  size_t lines = 0, ended = 0;
  for (size_t i = s; i < end;) {
    const unsigned char *nl = memchr(d + i, '\n', end - i);
    size_t e = nl ? (size_t)(nl - d) : end;
    size_t k = e;
    while (k > i && (d[k - 1] == ' ' || d[k - 1] == '\t' || d[k - 1] == '\r')) k--;
    /* closing quotes and brackets: " ' ) ” “ « » ’ (UTF-8 ends 0x9C 0x9D 0xAB 0xBB 0x99) */
    while (k > i && (d[k - 1] == '"' || d[k - 1] == '\'' || d[k - 1] == ')' ||
                     (k - i >= 2 && (d[k - 2] == 0x80 || d[k - 2] == 0xC2) &&
                      (d[k - 1] == 0x9C || d[k - 1] == 0x9D || d[k - 1] == 0x99 || d[k - 1] == 0xAB ||
                       d[k - 1] == 0xBB)))) {
      /* (a 3-byte mark whose first byte is not on this line stops at its start) */
      size_t step = d[k - 1] >= 0x80 ? (d[k - 2] == 0x80 ? 3 : 2) : 1;
      k = k - i >= step ? k - step : i;
    }
    if (k > i) {
      lines++;
      bool dots = k - i >= 3 && d[k - 3] == 0xE2 && d[k - 2] == 0x80 && d[k - 1] == 0xA6; /* … */
      if (d[k - 1] == '.' || d[k - 1] == '!' || d[k - 1] == '?' || dots) ended++;
    }
    i = e + 1;
  }
  /* (a note: advice, not a fault of the input, so the exit status stays) */
  if (lines >= S_SHAPE_LINES && ended * 10 >= lines * 9)
    dg_note(r->name, line, -1,
            "%zu lines without a blank line between them, nearly each ending a sentence: read as "
            "running text they make one paragraph; for one segment a line (a corpus such as WMT "
            "or Europarl) use --input lines",
            lines);
}

static bool S_next_text(dg_reader *r, dg_paragraph *out, degloss_error *err) {
  size_t p = r->pos;
  for (;;) {
    if (!S_avail(r, p)) return S_finish_eof(r, p, err);
    size_t w = S_blank(r, p);
    if (!w) break;
    p += w;
    if (p - r->pos > r->maxpara) { /* a huge gap: hand it out on its own */
      memset(out, 0, sizeof *out);
      S_ws_map(r);
      dg_text_build(out, (const char *)r->data + r->pos, p - r->pos, r->base + r->pos, "",
                    0, r->line, r->name, &r->ws, &r->tb, &r->lt);
      S_to_orig(r, out);
      S_consume(r, p);
      return true;
    }
  }
  size_t s = p, q = s, end;
  unsigned flags = 0;
  bool cut = false;
  for (;;) {
    const unsigned char *d = r->data;
    while (q - s < r->maxpara) {
      if (q >= r->len) {
        if (!S_avail(r, q)) break;
        d = r->data;
      }
      size_t lim = r->len < s + r->maxpara ? r->len : s + r->maxpara;
      /* fast path: jump to the next '\n', unless a '\r' or '\f' comes first */
      const unsigned char *nl = memchr(d + q, '\n', lim - q);
      size_t e = nl ? (size_t)(nl - d) : lim;
      if (r->next_crff < q || r->next_crff > r->len) r->next_crff = S_find_crff(r, q);
      if (r->next_crff < e) e = r->next_crff;
      q = e;
      if (q >= lim) continue;
      unsigned char c = d[q];
      if (c == '\n' || c == '\r' || c == '\f') break;
      q++;
    }
    if (!S_avail(r, q)) { /* (also when the input ends exactly at the bound) */
      end = q;
      break;
    }
    if (q - s >= r->maxpara && r->data[q] != '\n' && r->data[q] != '\r' && r->data[q] != '\f') {
      cut = true;
      break;
    }
    size_t e = q, m = e;
    int nls = 0;
    bool ff = false, cr = false, ended = false;
    bool hy = S_ends_in_hyphen(r, s, e); /* only then can blank lines be crossed */
    while (S_avail(r, m) && m - e <= S_JOIN_GAP) {
      size_t ws = S_blank(r, m);
      if (!ws) break;
      unsigned char c = r->data[m];
      if (c == '\n') nls += !cr;
      if (c == '\r') nls++;
      if (c == '\f') ff = true;
      cr = c == '\r';
      m += ws;
      /* a blank line ends the paragraph: decide now, without waiting for
       * the next one (interactive input, pipes) */
      if ((nls >= 2 || ff) && !hy) {
        ended = true;
        break;
      }
    }
    if (ended || !S_avail(r, m) || m - e > S_JOIN_GAP) {
      end = e;
      break;
    }
    if (nls <= 1 && !ff) {
      q = m;
      continue;
    }
    if (S_join_across(r, s, e, m)) {
      flags |= DG_PF_JOINED;
      q = m;
      continue;
    }
    end = e;
    break;
  }
  bool cr_s = r->prev_cr;
  long line = r->line + S_lines(r->data, r->pos, s, &cr_s);
  if (cut) {
    end = S_cut(r, s);
    S_warn_cut(r, s, end, line);
    flags |= DG_PF_CUT;
  } else {
    r->cut_run = false;
  }
  const unsigned char *d = r->data;
  while (end > s && (d[end - 1] == ' ' || d[end - 1] == '\t')) end--;
  if (end == s) end = s + 1; /* cannot happen: s is not blank */
  if (!r->looked && r->mode == DEGLOSS_INPUT_TEXT) S_look_at_shape(r, d, s, end, line);
  S_ws_map(r);
  dg_text_build(out, (const char *)d + r->pos, s - r->pos, r->base + r->pos,
                (const char *)d + s, end - s, line, r->name, &r->ws, &r->tb, &r->lt);
  S_to_orig(r, out);
  out->flags |= flags; /* (dg_text_build's own bit kept) */
  if (cut && out->nsentences) out->sentences[out->nsentences - 1].flags |= DG_SF_CUT;
  if (cut && out->nsentences) out->sentences[out->nsentences - 1].flags &= ~(unsigned)DG_SF_HEADLINE;
  S_consume_from(r, s, line, cr_s, end);
  return true;
}

static bool S_next_horizontal(dg_reader *r, dg_paragraph *out, degloss_error *err) {
  size_t p = r->pos;
  /* the lead: the previous line's terminator, or a BOM at the very start */
  if (!r->started) {
    r->started = true;
    p += S_bom(r, 0);
  } else if (S_avail(r, p) && r->data[p] == '\r') {
    p++;
    if (S_avail(r, p) && r->data[p] == '\n') p++;
  } else if (S_avail(r, p) && r->data[p] == '\n') {
    p++;
  }
  if (!S_avail(r, p)) return S_finish_eof(r, p, err);
  size_t s = p, q = s;
  bool cut = false;
  for (;;) {
    if (q >= r->len && !S_avail(r, q)) break;
    unsigned char c = r->data[q];
    if (c == '\n' || c == '\r') break;
    if (q - s >= r->maxpara) {
      cut = true;
      break;
    }
    q++;
  }
  bool cr_s = r->prev_cr;
  long line = r->line + S_lines(r->data, r->pos, s, &cr_s);
  if (cut) {
    size_t c = q;
    while (c > s + r->maxpara / 2 && r->data[c - 1] != ' ') c--;
    if (c == s + r->maxpara / 2) {
      c = q;
      while (c > s + 1 && q - c < 3 && (r->data[c] & 0xC0) == 0x80) c--;
    }
    q = c;
    if (!r->cut_run && r->mode == DEGLOSS_INPUT_LINES)
      dg_warn(DEGLOSS_ERR_INPUT, r->name, line, (long long)S_orig(r, q),
              "line longer than %zu bytes: cut here (and every %zu bytes until it ends); "
              "it stays one record", r->maxpara, r->maxpara);
    else if (!r->cut_run)
      dg_warn(DEGLOSS_ERR_INPUT, r->name, line, (long long)S_orig(r, q),
              "line longer than %zu bytes: cut here; it becomes several sentences", r->maxpara);
    r->cut_run = true;
  } else {
    r->cut_run = false;
  }
  S_ws_map(r);
  if (r->mode == DEGLOSS_INPUT_LINES)
    dg_text_build_line(out, (const char *)r->data + r->pos, s - r->pos, r->base + r->pos,
                       (const char *)r->data + s, q - s, line, r->name, &r->ws, &r->tb, &r->lt);
  else
    dg_text_build_horizontal(out, (const char *)r->data + r->pos, s - r->pos, r->base + r->pos,
                             (const char *)r->data + s, q - s, line, r->name, &r->ws, &r->tb,
                             &r->lt);
  S_to_orig(r, out);
  if (cut) out->flags |= DG_PF_CUT;
  S_consume_from(r, s, line, cr_s, q);
  return true;
}

bool dg_reader_next(dg_reader *r, dg_paragraph *out, degloss_error *err) {
  memset(out, 0, sizeof *out);
  if (r->done) return false;
  S_compact(r);
  return r->mode == DEGLOSS_INPUT_HORIZONTAL || r->mode == DEGLOSS_INPUT_LINES
             ? S_next_horizontal(r, out, err)
             : S_next_text(r, out, err);
}
