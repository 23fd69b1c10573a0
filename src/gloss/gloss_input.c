/* Inputs: running text and horizontal text through the text layer, JSONL
 * (degloss's own output, {"text": ...} or {"tokens": [...]} objects), and
 * documents (their extracted text, paragraph by paragraph: gloss_document.c).
 * Paragraphs are glossed and handed out in chunks, in input order, so memory
 * stays bounded.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clean.h"
#include "gloss_input.h"
#include "text.h"

/* A chunk holds at most this many sentences and, once it holds one, at most
 * this much text: a paragraph longer than that (a news file without blank
 * lines is one paragraph of up to 1 MiB) is cut between two sentences and
 * goes on in the next chunk, so a chunk's glossed sentences stay small and
 * --jobs N holds no more than its ring of small chunks. */
#define S_CHUNK_SENTENCES 48
#define S_CHUNK_BYTES ((uint64_t)64 << 10)

struct dg_source {
  dg_reader *reader;   /* text and horizontal */
  FILE *in;            /* jsonl */
  char *name;
  degloss_input kind;
  unsigned paragraph;  /* paragraphs seen */
  unsigned long sentences; /* sentences handed out */
  const char *ln_raw;      /* S_line's place: the paragraph (raw bytes, start) */
  uint64_t ln_para;
  size_t ln_at;            /* bytes of it counted */
  long ln_line;            /* the line there */
  long line;           /* jsonl line */
  uint64_t offset;     /* jsonl: byte offset of the current line */
  dg_sentbuilder *sb;
  dg_buf clean;        /* jsonl: a token form cleaned of control characters */
  dg_paragraph pend;   /* text: a paragraph partly handed out */
  size_t pend_next;    /* its next sentence */
  unsigned pend_no;    /* its number */
  bool has_pend;
  int fd;              /* a pipe or terminal to poll, else -1 */
  bool done;
  bool document;       /* a document's paragraphs (doc), not a stream */
  dg_document doc;     /* document: its text, paragraphs and code */
  size_t dpara, dcode; /* document: the next paragraph and code span */
};

/* A chunk is handed on when no more input is waiting on a pipe or terminal,
 * so a slow stream is glossed as it comes (the chunk's sentences are glossed
 * the same whatever its size). */
static void S_set_fd(dg_source *s, FILE *in) {
  struct stat st;
  int fd = in ? fileno(in) : -1;
  s->fd = fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) ? fd : -1;
}

static bool S_input_waiting(const dg_source *s) {
  if (s->fd < 0) return true;
  struct pollfd p = {.fd = s->fd, .events = POLLIN};
  return poll(&p, 1, 0) != 0;
}

dg_source *dg_source_new(FILE *in, const char *name, degloss_input kind) {
  dg_source *s = dg_xcalloc(1, sizeof *s);
  s->name = dg_xstrdup(name && *name ? name : "-");
  s->kind = kind;
  S_set_fd(s, in);
  if (kind == DEGLOSS_INPUT_JSONL) {
    s->in = in;
    s->sb = dg_sentbuilder_new();
  } else {
    s->reader = dg_reader_new(in, s->name, s->kind);
  }
  return s;
}

dg_source *dg_source_new_document(dg_document *doc, const char *name) {
  dg_source *s = dg_xcalloc(1, sizeof *s);
  s->name = dg_xstrdup(name && *name ? name : "-");
  s->document = true;
  s->fd = -1;
  s->doc = *doc;
  dg_document_init(doc);
  return s;
}

dg_source *dg_source_new_mem(const char *data, size_t len, const char *name, degloss_input kind) {
  dg_source *s = dg_xcalloc(1, sizeof *s);
  s->name = dg_xstrdup(name && *name ? name : "-");
  s->kind = kind == DEGLOSS_INPUT_JSONL ? DEGLOSS_INPUT_TEXT : kind;
  s->fd = -1;
  s->reader = dg_reader_new_mem(data, len, s->name, s->kind);
  return s;
}

void dg_source_set_encoding(dg_source *s, degloss_encoding encoding) {
  if (s->reader) dg_reader_set_encoding(s->reader, encoding);
}

bool dg_source_has_translations(const dg_source *s) { return s->kind == DEGLOSS_INPUT_JSONL; }

const char *dg_source_name(const dg_source *s) { return s->name; }

void dg_source_free(dg_source *s) {
  if (!s) return;
  if (s->reader) dg_reader_free(s->reader);
  if (s->sb) dg_sentbuilder_free(s->sb);
  dg_buf_free(&s->clean);
  dg_document_free(&s->doc);
  if (s->has_pend) dg_paragraph_free(&s->pend);
  free(s->name);
  free(s);
}

/* The input line of a sentence: the paragraph's line and the line breaks
 * (LF, CR or CRLF, as the text layer counts them) of the paragraph before
 * the sentence's first byte.  Sentences come in order, so the count goes on
 * from the last sentence's (src->ln_*): a paragraph of a megabyte is read
 * once, not once per sentence. */
static long S_line(dg_source *src, const dg_paragraph *p, uint64_t start) {
  if (p->line <= 0) return 0;
  if (src->ln_raw != p->raw || src->ln_para != p->start) {
    src->ln_raw = p->raw;
    src->ln_para = p->start;
    src->ln_at = 0;
    src->ln_line = p->line;
  }
  if (!p->raw || start <= p->start) return p->line;
  size_t n = start - p->start < p->rawlen ? (size_t)(start - p->start) : p->rawlen;
  if (n < src->ln_at) { /* not in order: count from the paragraph's start */
    src->ln_at = 0;
    src->ln_line = p->line;
  }
  /* (each break found by memchr, not byte by byte: a CR, and an LF but
   * the one of a CRLF) */
  const char *r = p->raw, *e = r + n;
  for (const char *q = r + src->ln_at; q < e && (q = memchr(q, '\n', (size_t)(e - q))) != NULL; q++)
    src->ln_line += !(q > r && q[-1] == '\r');
  for (const char *q = r + src->ln_at; q < e && (q = memchr(q, '\r', (size_t)(e - q))) != NULL; q++)
    src->ln_line++;
  src->ln_at = n;
  return src->ln_line;
}

/* Add sentences [from, to) of paragraph p to d, glossed when e is given.
 * When they are p's last, d takes over p's storage and its tokens' forms
 * point into it (earlier sentences of a paragraph cut between chunks get
 * copies: the chunk before may be freed first). */
static void S_add_sentences(dg_source *src, dg_engine *e, dg_doc *d, dg_paragraph *p,
                            unsigned parno, size_t from, size_t to) {
  bool held = false;
  if (to == p->nsentences) {
    void *blk = dg_paragraph_take_storage(p);
    dg_doc_hold(d, blk);
    held = blk != NULL;
  }
  for (size_t si = from; si < to; si++) {
    const dg_sentence *ps = &p->sentences[si];
    bool lines = src->kind == DEGLOSS_INPUT_LINES;
    if (ps->ntokens == 0 && !lines) continue; /* (an empty line is a record of its own) */
    dg_dsentence *s = dg_doc_add_sentence(d);
    s->start = ps->start;
    s->end = ps->end;
    s->line = src->kind == DEGLOSS_INPUT_JSONL ? src->line : S_line(src, p, ps->start);
    if (lines) s->record = p->line;
    s->first = src->sentences++ == 0;
    s->paragraph = parno;
    s->headline = (ps->flags & DG_SF_HEADLINE) != 0;
    /* (its tokens and text: markup alone between two tokens, "Union*.", is no space) */
    dg_sentence_from_text(d, s, ps->tokens, ps->ntokens, held, p->rawlen ? p->raw : NULL, p->start, p->rawlen);
    if (e) dg_engine_gloss(e, d, s);
  }
}

static void S_add_paragraph(dg_source *src, dg_engine *e, dg_doc *d, dg_paragraph *p,
                            unsigned parno) {
  S_add_sentences(src, e, d, p, parno, 0, p->nsentences);
}

/* One JSONL line into a one-sentence paragraph (NULL-free on failure);
 * *tr: a copy of the object's translation ("translation": "..." or
 * degloss's own {"text": "..."}), or NULL. */
static bool S_jsonl_line(dg_source *src, const char *line, size_t len, dg_paragraph *out, char **tr) {
  json_error_t je;
  json_t *o = json_loadb(line, len, 0, &je);
  if (!o || !json_is_object(o)) {
    dg_warn(DEGLOSS_ERR_INPUT, src->name, src->line, (long long)src->offset,
            "not a JSON object (%s); line skipped", o ? "another JSON value" : je.text);
    json_decref(o);
    return false;
  }
  json_t *toks = json_object_get(o, "tokens");
  json_t *text = json_object_get(o, "text");
  json_t *tj = json_object_get(o, "translation");
  if (json_is_object(tj)) tj = json_object_get(tj, "text");
  if (json_is_string(tj) && json_string_length(tj)) *tr = dg_xstrdup(json_string_value(tj));
  bool ok = false;
  if (json_is_array(toks) && json_array_size(toks) > 0) {
    size_t i;
    json_t *v;
    uint64_t pos = src->offset;
    json_array_foreach(toks, i, v) {
      const char *form = NULL;
      uint64_t st = pos, en;
      json_t *fs = json_is_object(v) ? json_object_get(v, "form") : v;
      if (json_is_string(fs)) form = json_string_value(fs);
      if (!form || !*form) continue;
      size_t fl = json_string_length(fs);
      /* a form from outside: no control or bidi characters reach the
       * output, and a TAB in it cannot break columns (one space instead) */
      size_t shown = fl;
      if (dg_clean_needed(form, fl)) {
        dg_buf_clear(&src->clean);
        dg_clean_append(&src->clean, form, fl);
        form = src->clean.data ? src->clean.data : "";
        shown = src->clean.len;
        if (!shown) continue;
      }
      en = st + fl;
      if (json_is_object(v) && json_is_integer(json_object_get(v, "start")) &&
          json_is_integer(json_object_get(v, "end"))) {
        json_int_t a = json_integer_value(json_object_get(v, "start"));
        json_int_t b = json_integer_value(json_object_get(v, "end"));
        if (a >= 0 && b >= a) {
          st = (uint64_t)a;
          en = (uint64_t)b;
        }
      }
      dg_sentbuilder_add(src->sb, form, shown, st, en);
      pos = en + 1;
      ok = true;
    }
    if (ok) dg_sentbuilder_finish(src->sb, out);
    else
      dg_warn(DEGLOSS_ERR_INPUT, src->name, src->line, (long long)src->offset,
              "\"tokens\" holds no token with a non-empty string form; line skipped");
  } else if (json_is_string(text)) {
    dg_text_parse(json_string_value(text), json_string_length(text), 0, src->name, out);
    ok = true;
  } else {
    dg_warn(DEGLOSS_ERR_INPUT, src->name, src->line, (long long)src->offset,
            "JSON object without \"text\" or \"tokens\"; line skipped");
  }
  json_decref(o);
  return ok;
}

dg_doc *dg_source_next(dg_source *src, dg_engine *e, degloss_error *err) {
  if (src->done) return NULL;
  dg_doc *d = dg_doc_new(src->name);
  if (src->kind == DEGLOSS_INPUT_JSONL) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool early = false;
    while (d->nsentences < S_CHUNK_SENTENCES) {
      /* (stdio may hold more lines than the descriptor: then the chunk
       * merely ends early) */
      if (d->nsentences > 0 && !S_input_waiting(src)) {
        early = true;
        break;
      }
      if ((n = getline(&line, &cap, src->in)) == -1) break;
      src->line++;
      uint64_t here = src->offset;
      src->offset += (uint64_t)n;
      size_t L = (size_t)n;
      while (L && (line[L - 1] == '\n' || line[L - 1] == '\r')) L--;
      size_t k = 0;
      while (k < L && (line[k] == ' ' || line[k] == '\t')) k++;
      if (k == L) continue;
      dg_paragraph p;
      memset(&p, 0, sizeof p);
      uint64_t save = src->offset;
      src->offset = here;
      char *tr = NULL;
      bool ok = S_jsonl_line(src, line, L, &p, &tr);
      src->offset = save;
      if (ok) {
        size_t before = d->nsentences;
        S_add_paragraph(src, e, d, &p, src->paragraph++);
        dg_paragraph_free(&p);
        /* The object's translation is each of its sentences' (one copy). */
        const char *t = tr && d->nsentences > before ? dg_mem_strdup(&d->arena, tr) : NULL;
        for (size_t q = before; t && q < d->nsentences; q++) {
          d->sentences[q].translation = t;
          d->sentences[q].tr_provider = "input";
          d->sentences[q].tr_model = "";
        }
      }
      free(tr);
    }
    free(line);
    if (ferror(src->in)) {
      dg_error_set(err, DEGLOSS_ERR_IO, src->name, src->line, 0, -1, "%s: read error", src->name);
      src->done = true;
    } else if (d->nsentences < S_CHUNK_SENTENCES && !early) {
      src->done = true;
    }
  } else if (src->document) {
    /* (a document is in memory: no waiting for input) */
    while (d->nsentences < S_CHUNK_SENTENCES && src->dpara < src->doc.npara) {
      size_t before = d->nsentences;
      dg_source_document_paragraph(e, d, &src->doc, src->dpara++, &src->dcode, src->paragraph,
                                   src->name);
      if (d->nsentences > before) src->paragraph++; /* (ignorable characters alone give none) */
      if (d->nsentences > before && src->sentences == 0) d->sentences[before].first = true;
      src->sentences += d->nsentences - before;
    }
    if (src->dpara >= src->doc.npara) src->done = true;
  } else {
    uint64_t bytes = 0;
    d->continued = src->has_pend;
    bool more = false; /* lines input: the rest of a cut line must join this chunk */
    while (more || (d->nsentences < S_CHUNK_SENTENCES && bytes < S_CHUNK_BYTES)) {
      more = false;
      if (!src->has_pend) {
        if (d->nsentences > 0 && !S_input_waiting(src)) break;
        memset(&src->pend, 0, sizeof src->pend);
        if (!dg_reader_next(src->reader, &src->pend, err)) {
          src->done = true;
          break;
        }
        src->has_pend = true;
        src->pend_next = 0;
        src->pend_no = src->paragraph++;
      }
      /* this paragraph's sentences while the chunk has room for them */
      dg_paragraph *p = &src->pend;
      size_t to = src->pend_next;
      /* Lines input: a line's sentences (and the rest of a line cut at the
       * size bound) stay in one chunk, which is rendered as one record. */
      bool whole = src->kind == DEGLOSS_INPUT_LINES;
      while (to < p->nsentences &&
             (whole || (d->nsentences + (to - src->pend_next) < S_CHUNK_SENTENCES &&
                        bytes < S_CHUNK_BYTES))) {
        bytes += p->sentences[to].end - p->sentences[to].start;
        to++;
      }
      S_add_sentences(src, e, d, p, src->pend_no, src->pend_next, to);
      src->pend_next = to;
      bool cut_line = whole && (p->flags & DG_PF_CUT);
      if (to == p->nsentences) {
        dg_paragraph_free(&src->pend);
        src->has_pend = false;
      }
      if (cut_line) { /* the line goes on in the next paragraph: into this chunk */
        memset(&src->pend, 0, sizeof src->pend);
        if (!dg_reader_next(src->reader, &src->pend, err)) {
          src->done = true;
          break;
        }
        src->has_pend = true;
        src->pend_next = 0;
        src->pend_no = src->paragraph++;
        more = true;
      }
    }
  }
  if (d->nsentences == 0) {
    dg_doc_free(d);
    return NULL;
  }
  return d;
}
