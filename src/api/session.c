/* The streaming session of the public API (degloss.h): options, the
 * translation client, the engine and its worker threads, the output sink and
 * the warning callback of one run of the pipeline (pipeline.h), with the
 * counts the degloss program turns into its exit status.  Also the
 * maintenance entry points that take session options (check-data, cache
 * compaction).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkdata.h"
#include "document.h"
#include "gloss_input.h"
#include "pipeline.h"
#include "render.h"
#include "session.h"

struct degloss_session {
  dg_engine *engine;
  bool engine_lent; /* the caller's (dg_session_new_lent): not freed here */
  dg_mt *mt;
  dg_trfile *trfile; /* translation_path, or NULL */
  dg_pipeline pipe;
  degloss_input input;
  degloss_encoding encoding;
  degloss_warning_fn warning;
  void *warning_ctx;
  unsigned long warnings;
  /* output */
  bool has_output, write_failed, finished;
  dg_render render; /* options and the sentences written before the current run */
  degloss_write_fn write;
  void *write_ctx;
  /* progress (degloss_progress_fn): counts of the inputs fed so far */
  degloss_progress_fn progress;
  void *progress_ctx;
  degloss_progress done;
  unsigned long long bytes_before; /* bytes of the inputs before the current one */
};

/* ---- warnings ----------------------------------------------------------- */

/* Every call into the session runs inside a warning scope that hands the
 * library's warnings to the session's callback and counts them. */
static void S_on_warning(void *ctx, const degloss_error *e) {
  degloss_session *s = ctx;
  bool note = e->code == DEGLOSS_OK;
  if (!s->warning) {
    dg_buf b;
    dg_buf_init(&b);
    dg_warn_format(&b, e);
    fwrite(b.data, 1, b.len, stderr);
    dg_buf_free(&b);
    return;
  }
  degloss_warning w = {note ? DEGLOSS_NOTE : DEGLOSS_WARNING, e->code, e->source, e->line, e->position,
                       e->text};
  s->warning(s->warning_ctx, &w);
}

static void S_enter(degloss_session *s, dg_warn_scope *sc) {
  memset(sc, 0, sizeof *sc);
  sc->fn = S_on_warning;
  sc->ctx = s;
  sc->notes = true;
  dg_warn_push(sc);
}

static void S_leave(degloss_session *s, dg_warn_scope *sc) {
  dg_warn_pop(sc);
  s->warnings += sc->count;
}

/* ---- translation settings ------------------------------------------------ */

/* The MT configuration of the options, in order; a bad setting is a
 * configuration error. */
static dg_mt_config *S_mt_config(const degloss_session_options *o, degloss_error *err) {
  dg_mt_config *c = dg_mt_config_new();
  for (size_t i = 0; o && i < o->nmt; i++) {
    const degloss_setting *m = &o->mt[i];
    degloss_error e = {0};
    if (!dg_mt_config_set(c, m->key, m->value, m->origin ? m->origin : "options", m->file_mode, &e)) {
      e.code = DEGLOSS_ERR_CONFIG;
      if (err && err->code == DEGLOSS_OK) *err = e;
      dg_mt_config_free(c);
      return NULL;
    }
  }
  if (o && o->verbose) dg_mt_config_set(c, "verbose", "1", "options", 0, NULL);
  return c;
}

degloss_code degloss_mt_cache_compact(const degloss_session_options *o, FILE *out, degloss_error *err) {
  degloss_error e = {0};
  dg_mt_config *c = S_mt_config(o, &e);
  if (c && dg_mt_cache_compact_command(c, out, &e) != 0 && e.code == DEGLOSS_OK)
    e.code = DEGLOSS_ERR_IO;
  dg_mt_config_free(c);
  if (e.code != DEGLOSS_OK && err && err->code == DEGLOSS_OK) *err = e;
  return e.code;
}

int degloss_check_data(const degloss_session_options *o, FILE *out, FILE *diag) {
  return dg_check_data(o ? o->data_dir : NULL, o ? o->dict : NULL, o ? o->hunspell : NULL, out, diag);
}

/* ---- the session ----------------------------------------------------------- */

static void S_render(void *ctx, const dg_doc *d, unsigned long before, dg_buf *out) {
  const degloss_session *s = ctx;
  dg_render r;
  dg_render_init(&r, &s->render.o);
  r.sentences = s->render.sentences + before;
  dg_render_doc(&r, d, out);
}

/* A chunk's output goes to the sink in pieces of at most S_PIECE bytes.
 * Linux 6.x puts a write into its page cache in folios as large as the
 * write allows: a chunk's few hundred KiB at once took blocks of 128 KiB
 * and more, which a virtual machine with free page reporting (virtio
 * balloon, page_reporting_order 5 = 128 KiB) has handed back to the host,
 * so the copy into them faulted each page in again on the host; pieces of
 * 64 KiB take smaller blocks, which stay mapped.  (Writing 220 MB of JSONL
 * to a file: 0.10 s of system time instead of 0.15-0.30 s.) */
#define S_PIECE ((size_t)64 << 10)

static bool S_write(degloss_session *s, dg_buf *b) {
  if (s->write_failed) return false;
  for (size_t at = 0; at < b->len && !s->write_failed; at += S_PIECE) {
    size_t n = b->len - at < S_PIECE ? b->len - at : S_PIECE;
    if (s->write(s->write_ctx, b->data + at, n) != 0) s->write_failed = true;
  }
  dg_buf_clear(b);
  return !s->write_failed;
}

/* The progress counts after chunk d of the current input. */
static void S_progress_count(degloss_session *s, const dg_doc *d) {
  for (size_t i = 0; i < d->nsentences; i++) {
    const dg_dsentence *ds = &d->sentences[i];
    s->done.tokens += ds->ntokens;
    if (s->bytes_before + ds->end > s->done.bytes) s->done.bytes = s->bytes_before + ds->end;
  }
  s->done.sentences += d->nsentences;
  if (s->mt) dg_mt_stats(s->mt, &s->done.translation_requests, NULL);
}

static bool S_emit(void *ctx, dg_doc *d, dg_buf *out) {
  degloss_session *s = ctx;
  /* rendered elsewhere (S_render, maybe on a worker): the running state
   * (labels the HTML legend lists) is kept here, in input order */
  dg_render_account(&s->render, d);
  if (s->progress) S_progress_count(s, d);
  dg_doc_free(d);
  bool ok = S_write(s, out);
  dg_buf_free(out);
  if (s->progress) s->progress(s->progress_ctx, &s->done);
  return ok;
}

dg_engine *dg_session_engine_new(const degloss_session_options *o, degloss_error *err) {
  dg_engine_opts eo = {0};
  eo.data_dir = o->data_dir;
  eo.dict = o->dict;
  eo.subject = o->domain;
  eo.hunspell_base = o->hunspell;
  eo.glossaries = o->glossaries;
  eo.nglossaries = o->nglossaries;
  return dg_engine_new(&eo, err);
}

static degloss_session *S_new(const degloss_session_options *o, dg_engine *lent, degloss_error *err);

degloss_session *degloss_session_new(const degloss_session_options *o, degloss_error *err) {
  return S_new(o, NULL, err);
}

degloss_session *dg_session_new_lent(const degloss_session_options *o, dg_engine *engine, degloss_error *err) {
  return S_new(o, engine, err);
}

static degloss_session *S_new(const degloss_session_options *o, dg_engine *lent, degloss_error *err) {
  degloss_session_options none = {0};
  if (!o) o = &none;
  if (o->dict && strcmp(o->dict, "de_DE") && strcmp(o->dict, "de_AT") && strcmp(o->dict, "de_CH")) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_new", 0, 0, -1,
                 "unknown dictionary '%s' (expected de_DE, de_AT or de_CH)", o->dict);
    return NULL;
  }
  if ((int)o->input < (int)DEGLOSS_INPUT_TEXT || (int)o->input > (int)DEGLOSS_INPUT_LINES) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_new", 0, 0, -1, "unknown input mode %d", (int)o->input);
    return NULL;
  }
  degloss_session *s = dg_xcalloc(1, sizeof *s);
  s->input = o->input;
  s->encoding = o->encoding;
  s->warning = o->warning;
  s->warning_ctx = o->warning_ctx;
  s->progress = o->progress;
  s->progress_ctx = o->progress_ctx;
  dg_warn_scope sc;
  S_enter(s, &sc);
  bool ok = true;
  /* Translation first: a bad setting is reported before the data is read. */
  dg_mt_config *mtc = S_mt_config(o, err);
  if (!mtc) ok = false;
  if (ok && o->translation_path) {
    /* Translations from a file: only where a record is a line, and not
     * together with a provider; read before any output. */
    if (dg_mt_config_enabled(mtc)) {
      dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_new", 0, 0, -1,
                   "a translation file and a translation provider cannot be used together");
      ok = false;
    } else if (o->input != DEGLOSS_INPUT_LINES && o->input != DEGLOSS_INPUT_HORIZONTAL) {
      dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_new", 0, 0, -1,
                   "a translation file needs input by lines (one line a record) or horizontal "
                   "input (one sentence a line)");
      ok = false;
    } else {
      s->trfile = dg_trfile_open(o->translation_path, o->input == DEGLOSS_INPUT_LINES, err);
      if (!s->trfile) ok = false;
    }
  }
  if (ok && dg_mt_config_enabled(mtc)) {
    s->mt = dg_mt_new(mtc, err);
    if (!s->mt) ok = false;
  }
  dg_mt_config_free(mtc);
  if (ok && lent) {
    /* a lent engine starts a new document: nothing of the last one stays;
     * the subject is this session's (the web app's request may name one) */
    if (!dg_engine_set_subject(lent, o->domain, err)) {
      ok = false;
    } else {
      s->engine = lent;
      s->engine_lent = true;
      dg_engine_new_document(lent);
    }
  } else if (ok) {
    s->engine = dg_session_engine_new(o, err);
    if (!s->engine) ok = false;
  }
  unsigned njobs = o->jobs == DEGLOSS_JOBS_AUTO ? dg_jobs_online_cpus() : o->jobs;
  if (ok && njobs > DG_JOBS_MAX) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_new", 0, 0, -1, "at most %d jobs", DG_JOBS_MAX);
    ok = false;
  }
  if (ok && njobs > 1) {
    s->pipe.jobs = dg_jobs_new(s->engine, njobs, err);
    if (!s->pipe.jobs) ok = false;
  }
  S_leave(s, &sc);
  if (!ok) {
    degloss_session_free(s);
    return NULL;
  }
  s->pipe.engine = s->engine;
  s->pipe.mt = s->mt;
  s->pipe.trfile = s->trfile;
  s->pipe.render = S_render;
  s->pipe.emit = S_emit;
  s->pipe.ctx = s;
  return s;
}

static degloss_code S_fail(degloss_error *err, degloss_code code, const char *source, const char *text) {
  dg_error_set(err, code, source, 0, 0, -1, "%s", text);
  return code;
}

degloss_code degloss_session_set_output(degloss_session *s, const degloss_output *o, degloss_error *err) {
  if (!s || !o || !o->write) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", "no output");
  if (s->has_output)
    return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", "the output is already set");
  dg_render_opts ro = {0};
  if (!dg_format_parse(o->format ? o->format : "interlinear", &ro.format)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", 0, 0, -1,
                 "unknown format '%s' (expected interlinear, jsonl, json, conllu, html, tsv, latex, parallel or vocab)", o->format);
    return DEGLOSS_ERR_ARG;
  }
  if (!dg_style_parse(o->style ? o->style : "leipzig", &ro.style)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", 0, 0, -1,
                 "unknown style '%s' (expected leipzig or plain)", o->style);
    return DEGLOSS_ERR_ARG;
  }
  if (o->latex && !dg_latex_parse(o->latex, &ro.latex)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", 0, 0, -1,
                 "unknown LaTeX package '%s' (expected gb4e or expex)", o->latex);
    return DEGLOSS_ERR_ARG;
  }
  if (o->layout && !dg_layout_parse(o->layout, &ro.layout)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", 0, 0, -1,
                 "unknown layout '%s' (expected default or parallel)", o->layout);
    return DEGLOSS_ERR_ARG;
  }
  ro.latex_standalone = o->latex_standalone != 0;
  ro.width = o->width ? o->width : 80;
  ro.alternatives = o->alternatives;
  ro.color = o->color && ro.format == DG_FMT_INTERLINEAR;
  if (!dg_vocab_skip_parse(o->vocab_skip, &ro.vocab_skip_names, &ro.vocab_skip_closed)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_session_set_output", 0, 0, -1,
                 "unknown --vocab-skip '%s' (expected names, closed or both, comma-separated)", o->vocab_skip);
    return DEGLOSS_ERR_ARG;
  }
  /* the HTML page's detail panel shows every sense with its source */
  ro.senses = o->senses || ro.format == DG_FMT_HTML;
  s->pipe.sense_details = ro.senses;
  dg_render_init(&s->render, &ro);
  s->write = o->write;
  s->write_ctx = o->ctx;
  s->has_output = true;
  dg_buf b;
  dg_buf_init(&b);
  dg_render_begin(&s->render, &b);
  bool ok = S_write(s, &b);
  dg_buf_free(&b);
  return ok ? DEGLOSS_OK : S_fail(err, DEGLOSS_ERR_IO, "output", "write error");
}

/* One input through the pipeline. */
static degloss_code S_feed(degloss_session *s, dg_source *src, bool set_encoding, degloss_error *err) {
  if (set_encoding) dg_source_set_encoding(src, s->encoding);
  dg_trfile_note_input(s->trfile, dg_source_name(src));
  dg_warn_scope sc;
  S_enter(s, &sc);
  degloss_error local = {0};
  bool ok = dg_pipeline_run(&s->pipe, src, &local);
  s->render.sentences += s->pipe.nsent_;
  s->bytes_before = s->done.bytes;
  S_leave(s, &sc);
  dg_source_free(src);
  if (ok) return DEGLOSS_OK;
  if (local.code != DEGLOSS_OK) {
    if (err && err->code == DEGLOSS_OK) *err = local;
    return local.code;
  }
  return S_fail(err, DEGLOSS_ERR_IO, "output", "write error");
}

static degloss_code S_ready(degloss_session *s, degloss_error *err) {
  if (!s) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session", "no session");
  if (!s->has_output) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session", "no output set");
  if (s->finished) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session", "the session is finished");
  if (s->write_failed) return S_fail(err, DEGLOSS_ERR_IO, "output", "write error");
  return DEGLOSS_OK;
}

/* The source for one input: a document's reader when the input mode names
 * one or (auto) the content shows one, else the stream as text.  NULL with
 * err set for a document that cannot be read (the message names it). */
/* The reader an input mode forces: DG_DOCK_AUTO for auto (sniff the
 * content), DG_DOCK_TEXT for the text modes. */
static dg_dockind S_forced_reader(degloss_input mode) {
  switch (mode) {
  case DEGLOSS_INPUT_AUTO: return DG_DOCK_AUTO;
  case DEGLOSS_INPUT_HTML: return DG_DOCK_HTML;
  case DEGLOSS_INPUT_MARKDOWN: return DG_DOCK_MARKDOWN;
  case DEGLOSS_INPUT_PDF: return DG_DOCK_PDF;
  case DEGLOSS_INPUT_DOCX: return DG_DOCK_DOCX;
  default: return DG_DOCK_TEXT;
  }
}

static dg_source *S_source(degloss_session *s, FILE *in, const char *name, degloss_error *err) {
  dg_dockind k = S_forced_reader(s->input);
  if (k == DG_DOCK_TEXT) return dg_source_new(in, name, s->input);
  if (k == DG_DOCK_AUTO) k = dg_document_sniff_fd(fileno(in), name);
  if (k == DG_DOCK_TEXT || k == DG_DOCK_AUTO) return dg_source_new(in, name, DEGLOSS_INPUT_TEXT);
  dg_document doc;
  dg_document_init(&doc);
  if (!dg_document_read_file(name, in, k, &doc, err)) {
    dg_document_free(&doc);
    return NULL;
  }
  return dg_source_new_document(&doc, name);
}

/* S_feed for a stream: its source, or the document's error. */
static degloss_code S_feed_stream(degloss_session *s, FILE *in, const char *name, degloss_error *err) {
  degloss_error local = {0};
  dg_source *src = S_source(s, in, name, &local);
  if (!src) {
    if (err && err->code == DEGLOSS_OK) *err = local;
    return local.code ? local.code : DEGLOSS_ERR_INPUT;
  }
  return S_feed(s, src, true, err);
}

degloss_code degloss_session_feed_file(degloss_session *s, FILE *in, const char *name, degloss_error *err) {
  degloss_code c = S_ready(s, err);
  if (c != DEGLOSS_OK) return c;
  if (!in) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session_feed_file", "no stream");
  return S_feed_stream(s, in, name ? name : "-", err);
}

degloss_code degloss_session_feed_fd(degloss_session *s, int fd, const char *name, degloss_error *err) {
  degloss_code c = S_ready(s, err);
  if (c != DEGLOSS_OK) return c;
  char label[32];
  snprintf(label, sizeof label, "fd %d", fd);
  const char *nm = name ? name : label;
  int dup_fd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
  FILE *in = dup_fd >= 0 ? fdopen(dup_fd, "rb") : NULL;
  if (!in) {
    int e = errno;
    if (dup_fd >= 0) close(dup_fd);
    dg_error_set(err, DEGLOSS_ERR_IO, nm, 0, 0, -1, "%s: cannot open: %s", nm, strerror(e));
    return DEGLOSS_ERR_IO;
  }
  c = S_feed_stream(s, in, nm, err);
  fclose(in);
  return c;
}

degloss_code degloss_session_feed_path(degloss_session *s, const char *path, degloss_error *err) {
  degloss_code c = S_ready(s, err);
  if (c != DEGLOSS_OK) return c;
  if (!path) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session_feed_path", "no path");
  if (strcmp(path, "-") == 0) return S_feed_stream(s, stdin, "-", err);
  FILE *in = fopen(path, "rb");
  if (!in) {
    dg_error_set(err, DEGLOSS_ERR_IO, path, 0, 0, -1, "%s: cannot open: %s", path, strerror(errno));
    return DEGLOSS_ERR_IO;
  }
  c = S_feed_stream(s, in, path, err);
  fclose(in);
  return c;
}

degloss_code degloss_session_feed_text(degloss_session *s, const char *text, size_t len, const char *name,
                                       degloss_error *err) {
  degloss_code c = S_ready(s, err);
  if (c != DEGLOSS_OK) return c;
  if (!text && len) return S_fail(err, DEGLOSS_ERR_ARG, "degloss_session_feed_text", "no text");
  /* Text in memory is UTF-8 unless the options name another encoding. */
  dg_source *src = NULL;
  dg_dockind forced = S_forced_reader(s->input);
  bool document = forced != DG_DOCK_TEXT;
  if (document) { /* a document in memory, or text */
    dg_dockind k = forced == DG_DOCK_AUTO ? dg_document_sniff(text, len, name) : forced;
    if (k != DG_DOCK_TEXT && k != DG_DOCK_AUTO) {
      dg_document doc;
      dg_document_init(&doc);
      degloss_error local = {0};
      if (!dg_document_read(text, len, name ? name : "<text>", k, &doc, &local)) {
        dg_document_free(&doc);
        if (err && err->code == DEGLOSS_OK) *err = local;
        return local.code ? local.code : DEGLOSS_ERR_INPUT;
      }
      src = dg_source_new_document(&doc, name ? name : "<text>");
    }
  }
  if (!src)
    src = dg_source_new_mem(text ? text : "", len, name ? name : "<text>",
                            document ? DEGLOSS_INPUT_TEXT : s->input);
  return S_feed(s, src, s->encoding != DEGLOSS_ENCODING_AUTO, err);
}

degloss_code degloss_session_finish(degloss_session *s, degloss_error *err) {
  degloss_code c = S_ready(s, err);
  if (c != DEGLOSS_OK) {
    if (s) s->finished = true;
    return c;
  }
  s->finished = true;
  dg_buf b;
  dg_buf_init(&b);
  dg_render_end(&s->render, &b);
  bool ok = S_write(s, &b);
  dg_buf_free(&b);
  if (!ok) return S_fail(err, DEGLOSS_ERR_IO, "output", "write error");
  /* every record had its line of the translation file, and every line its record */
  return dg_trfile_check(s->trfile, err) ? DEGLOSS_OK : DEGLOSS_ERR_INPUT;
}

/* The records of lines input in a regular file, counted as the text
 * reader cuts them (a line ends at LF, CRLF or CR; text after the last end
 * is a line too; a UTF-8 BOM is no text): false when it cannot be counted
 * that way (not a regular file, unreadable, UTF-16 or NUL bytes). */
static bool S_count_lines(const char *path, degloss_encoding enc, size_t *out) {
  if (enc == DEGLOSS_ENCODING_UTF16 || enc == DEGLOSS_ENCODING_UTF16LE || enc == DEGLOSS_ENCODING_UTF16BE)
    return false;
  if (strcmp(path, "-") == 0) return false;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return false;
  }
  unsigned char buf[1 << 16];
  size_t n = 0, at = 0;
  bool open_line = false, after_cr = false, ok = true;
  for (;;) {
    ssize_t k = read(fd, buf, sizeof buf);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      ok = false;
      break;
    }
    if (k == 0) break;
    size_t i = 0;
    if (at == 0 && k >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF))) {
      ok = false; /* a UTF-16 BOM */
      break;
    }
    if (at == 0 && k >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) i = 3;
    if (memchr(buf, 0, (size_t)k)) {
      ok = false;
      break;
    }
    for (; i < (size_t)k; i++) {
      unsigned char c = buf[i];
      if (c == '\n' && after_cr) { /* the LF of a CRLF */
        after_cr = false;
        continue;
      }
      after_cr = c == '\r';
      if (c == '\n' || c == '\r') {
        n++;
        open_line = false;
      } else {
        open_line = true;
      }
    }
    at += (size_t)k;
  }
  close(fd);
  *out = n + open_line;
  return ok;
}

degloss_code degloss_session_check_inputs(degloss_session *s, const char *const *paths, size_t n,
                                          degloss_error *err) {
  /* (standard input is counted as it is read, at the end) */
  if (!s || !s->trfile || s->input != DEGLOSS_INPUT_LINES || n == 0) return DEGLOSS_OK;
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k;
    if (!S_count_lines(paths[i], s->encoding, &k)) return DEGLOSS_OK; /* left to the end */
    total += k;
  }
  return dg_trfile_precheck(s->trfile, total, paths, n, err) ? DEGLOSS_OK : DEGLOSS_ERR_INPUT;
}

unsigned long degloss_session_warnings(const degloss_session *s) { return s ? s->warnings : 0; }

unsigned long degloss_session_failed_translations(const degloss_session *s) { return s ? s->pipe.failed : 0; }

unsigned long degloss_session_sentences(const degloss_session *s) { return s ? s->render.sentences : 0; }

const char *degloss_session_translation_summary(degloss_session *s) {
  return s && s->mt ? dg_mt_summary(s->mt) : NULL;
}

void degloss_session_free(degloss_session *s) {
  if (!s) return;
  dg_jobs_free(s->pipe.jobs);
  if (!s->engine_lent) dg_engine_free(s->engine);
  if (s->mt) dg_mt_free(s->mt);
  dg_trfile_free(s->trfile);
  dg_render_free(&s->render);
  free(s);
}
