/* The streaming session of the public API (degloss.h): output through the
 * write callback, warnings and notes through the warning callback with file,
 * line and byte, the per-session counts, the same bytes for 1 and 2 jobs,
 * inputs by path, stream, descriptor and memory, errors that name the file,
 * a failing sink, the simple API giving what a session gives, and the
 * subject field (domain) through both.  Uses only
 * degloss_* functions.  Needs DEGLOSS_DATA_DIR; argv[1] is the source tree.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "degloss.h"
#include "harness.h"

/* A growing output buffer: the write callback's target. */
typedef struct S_text {
  char *p;
  size_t n;
  int fail; /* the sink fails from now on */
  int calls;
} S_text;

static int S_put(void *ctx, const char *data, size_t len) {
  S_text *t = ctx;
  t->calls++;
  if (t->fail) return -1;
  t->p = realloc(t->p, t->n + len + 1);
  memcpy(t->p + t->n, data, len);
  t->n += len;
  t->p[t->n] = '\0';
  return 0;
}

/* Every warning and note as "SEVERITY FILE:LINE:BYTE: MESSAGE\n". */
typedef struct S_warns {
  S_text text;
  int warnings, notes;
} S_warns;

static void S_warn(void *ctx, const degloss_warning *w) {
  S_warns *ws = ctx;
  char line[512];
  int n = snprintf(line, sizeof line, "%s %s:%ld:%lld: %s\n", w->severity == DEGLOSS_NOTE ? "note" : "warning",
                   w->file, w->line, w->byte, w->message);
  S_put(&ws->text, line, (size_t)n);
  if (w->severity == DEGLOSS_NOTE) ws->notes++;
  else ws->warnings++;
}

static degloss_session *S_open(unsigned jobs, S_warns *ws, S_text *out, const char *format) {
  degloss_session_options o = {0};
  o.jobs = jobs;
  o.warning = S_warn;
  o.warning_ctx = ws;
  degloss_error err = {0};
  degloss_session *s = degloss_session_new(&o, &err);
  if (!s) {
    fprintf(stderr, "session: %s\n", err.text);
    return NULL;
  }
  degloss_output d = {0};
  d.write = S_put;
  d.ctx = out;
  d.format = format;
  d.width = 100;
  if (degloss_session_set_output(s, &d, &err) != DEGLOSS_OK) fprintf(stderr, "output: %s\n", err.text);
  return s;
}

static char *S_tmpfile(const char *name, const char *data, size_t len) {
  const char *dir = getenv("TMPDIR");
  size_t n = strlen(dir ? dir : "/tmp") + strlen(name) + 32;
  char *path = malloc(n);
  snprintf(path, n, "%s/degloss-session-%ld-%s", dir ? dir : "/tmp", (long)getpid(), name);
  FILE *f = fopen(path, "wb");
  if (f) {
    fwrite(data, 1, len, f);
    fclose(f);
  }
  return path;
}

static void S_free_text(S_text *t) {
  free(t->p);
  memset(t, 0, sizeof *t);
}

/* Output, counts and the simple API on the same sentence. */
static void test_output(void) {
  S_warns ws = {0};
  S_text out = {0};
  degloss_session *s = S_open(1, &ws, &out, "jsonl");
  OK(s != NULL, "session");
  if (!s) return;
  const char *text = "Der Hund schläft im Garten. Er träumt.";
  degloss_error err = {0};
  INT_EQ(degloss_session_feed_text(s, text, strlen(text), "mem", &err), DEGLOSS_OK, "feed text");
  INT_EQ(degloss_session_finish(s, &err), DEGLOSS_OK, "finish");
  CONTAINS(out.p, "\"gloss\":\"dog\"", "glossed through the write callback");
  OK(out.p && strchr(out.p, '\n') != strrchr(out.p, '\n'), "two JSONL lines");
  INT_EQ(degloss_session_sentences(s), 2, "two sentences written");
  INT_EQ(degloss_session_warnings(s), 0, "no warnings");
  INT_EQ(ws.warnings + ws.notes, 0, "no warning callbacks");
  INT_EQ(degloss_session_failed_translations(s), 0, "nothing translated, nothing failed");
  OK(degloss_session_translation_summary(s) == NULL, "no translation summary");
  memset(&err, 0, sizeof err);
  OK(degloss_session_feed_text(s, "x", 1, NULL, &err) == DEGLOSS_ERR_ARG, "no feeding after finish");
  degloss_session_free(s);

  /* The simple API gives the same bytes. */
  degloss_engine *e = degloss_engine_new(NULL, &err);
  OK(e != NULL, "engine");
  if (e) {
    degloss_doc *d = degloss_gloss_text(e, text, strlen(text), &err);
    char *r = degloss_render(d, "jsonl", NULL, 0, &err);
    STR_EQ(r, out.p, "degloss_gloss_text + degloss_render = the session's output");
    free(r);
    degloss_doc_free(d);
    degloss_engine_free(e);
  }
  S_free_text(&out);
}

/* Warnings with file, line and byte; notes; counts per session. */
static void test_warnings(void) {
  S_warns ws = {0};
  S_text out = {0};
  degloss_session *s = S_open(1, &ws, &out, "tsv");
  if (!s) return;
  const char bad[] = "Haus und Baum.\nDas \xff Haus.\n";
  degloss_error err = {0};
  INT_EQ(degloss_session_feed_text(s, bad, sizeof bad - 1, "bad.txt", &err), DEGLOSS_OK, "bad bytes are no error");
  INT_EQ(ws.warnings, 1, "one warning");
  CONTAINS(ws.text.p, "warning bad.txt:2:19: ", "file, line and byte of the bad byte");
  INT_EQ(degloss_session_warnings(s), 1, "counted in the session");
  /* Windows-1252 read from a file: a note, not counted. */
  const char cp[] = "Gr\xfc\xdf" "e aus M\xfcnchen.\n";
  char *path = S_tmpfile("cp1252.txt", cp, sizeof cp - 1);
  INT_EQ(degloss_session_feed_path(s, path, &err), DEGLOSS_OK, "cp1252 file");
  INT_EQ(ws.notes, 1, "one note");
  CONTAINS(ws.text.p, "note ", "severity note");
  CONTAINS(ws.text.p, "not UTF-8; read as Windows-1252", "the note's text");
  CONTAINS(ws.text.p, path, "the note names the file");
  INT_EQ(degloss_session_warnings(s), 1, "notes are not counted");
  CONTAINS(out.p, "München", "transcoded");
  unlink(path);
  free(path);
  degloss_session_free(s);
  S_free_text(&out);
  S_free_text(&ws.text);

  /* Another session starts from zero: no process-wide counter. */
  S_warns ws2 = {0};
  s = S_open(1, &ws2, &out, "tsv");
  if (!s) return;
  INT_EQ(degloss_session_warnings(s), 0, "a new session counts from zero");
  degloss_session_free(s);
  S_free_text(&out);

  /* Bad glossary lines while the session is made: warnings naming file and line. */
  const char gl[] = "Hund\tNOUN\thound\nonly two\tcolumns\n";
  char *gpath = S_tmpfile("glossary.tsv", gl, sizeof gl - 1);
  const char *gloss[] = {gpath};
  S_warns ws3 = {0};
  degloss_session_options o = {0};
  o.glossaries = gloss;
  o.nglossaries = 1;
  o.warning = S_warn;
  o.warning_ctx = &ws3;
  s = degloss_session_new(&o, &err);
  OK(s != NULL, "session with a glossary");
  INT_EQ(ws3.warnings, 1, "bad glossary line");
  CONTAINS(ws3.text.p, ":2:", "line of the bad glossary line");
  CONTAINS(ws3.text.p, "glossary.tsv", "the glossary named");
  INT_EQ(degloss_session_warnings(s), 1, "counted");
  degloss_output d = {0};
  d.write = S_put;
  d.ctx = &out;
  d.format = "tsv";
  degloss_session_set_output(s, &d, &err);
  degloss_session_feed_text(s, "Der Hund.", 9, NULL, &err);
  CONTAINS(out.p, "hound", "the glossary is used");
  degloss_session_free(s);
  unlink(gpath);
  free(gpath);
  S_free_text(&out);
  S_free_text(&ws3.text);
}

/* The same output and warnings for 1 and 2 worker threads. */
static void test_jobs(const char *srcdir) {
  size_t n = strlen(srcdir) + 64;
  char *sample = malloc(n);
  snprintf(sample, n, "%s/samples/news-ukraine-2025.de.txt", srcdir);
  const char *formats[] = {"jsonl", "interlinear", "conllu"};
  for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
    S_text out[2];
    S_warns ws[2];
    memset(out, 0, sizeof out);
    memset(ws, 0, sizeof ws);
    unsigned long sentences[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
      degloss_session *s = S_open(k ? 2 : 1, &ws[k], &out[k], formats[f]);
      if (!s) continue;
      degloss_error err = {0};
      OK(degloss_session_feed_path(s, sample, &err) == DEGLOSS_OK, "sample article");
      const char bad[] = "Ein \xfe Fehler.\n";
      degloss_session_feed_text(s, bad, sizeof bad - 1, "bad", &err);
      OK(degloss_session_feed_path(s, sample, &err) == DEGLOSS_OK, "sample article again");
      degloss_session_finish(s, &err);
      sentences[k] = degloss_session_sentences(s);
      degloss_session_free(s);
    }
    OK(out[0].n > 10000, "output written");
    OK(out[0].n == out[1].n && out[0].p && out[1].p && memcmp(out[0].p, out[1].p, out[0].n) == 0,
       "jobs 1 and 2: the same bytes");
    STR_EQ(ws[1].text.p, ws[0].text.p, "jobs 1 and 2: the same warnings");
    INT_EQ(ws[0].warnings, 1, "one warning");
    INT_EQ(sentences[1], sentences[0], "the same sentence count");
    OK(sentences[0] > 20, "sentences counted");
    for (int k = 0; k < 2; k++) {
      S_free_text(&out[k]);
      S_free_text(&ws[k].text);
    }
  }
  free(sample);
}

/* Inputs by stream and descriptor; errors naming the input; the session goes on. */
static void test_inputs(void) {
  S_warns ws = {0};
  S_text out = {0};
  degloss_session *s = S_open(1, &ws, &out, "tsv");
  if (!s) return;
  degloss_error err = {0};
  INT_EQ(degloss_session_feed_path(s, "/nonexistent/degloss-input.txt", &err), DEGLOSS_ERR_IO, "missing file");
  CONTAINS(err.text, "/nonexistent/degloss-input.txt", "the message names the missing file");
  CONTAINS(err.text, "cannot open", "and says what went wrong");
  STR_EQ(err.source, "/nonexistent/degloss-input.txt", "source is the file");
  memset(&err, 0, sizeof err);
  INT_EQ(degloss_session_feed_path(s, "/", &err), DEGLOSS_ERR_IO, "a directory");
  CONTAINS(err.text, "/: read error", "the read error names the directory");
  memset(&err, 0, sizeof err);
  const char t1[] = "Der Baum.\n";
  char *path = S_tmpfile("stream.txt", t1, sizeof t1 - 1);
  FILE *f = fopen(path, "rb");
  INT_EQ(degloss_session_feed_file(s, f, path, &err), DEGLOSS_OK, "a stream");
  if (f) fclose(f);
  int fd = open(path, O_RDONLY);
  INT_EQ(degloss_session_feed_fd(s, fd, NULL, &err), DEGLOSS_OK, "a descriptor");
  OK(fd >= 0 && lseek(fd, 0, SEEK_CUR) >= 0, "the descriptor stays open");
  if (fd >= 0) close(fd);
  INT_EQ(degloss_session_sentences(s), 2, "both read after the errors");
  CONTAINS(out.p, "tree", "glossed");
  unlink(path);
  free(path);
  degloss_session_free(s);
  S_free_text(&out);

  /* A failing sink stops the session. */
  s = S_open(2, &ws, &out, "jsonl");
  if (!s) return;
  out.fail = 1;
  INT_EQ(degloss_session_feed_text(s, "Der Hund.", 9, NULL, &err), DEGLOSS_ERR_IO, "write failure");
  STR_EQ(err.source, "output", "reported as the output's");
  int calls = out.calls;
  memset(&err, 0, sizeof err);
  INT_EQ(degloss_session_feed_text(s, "Der Hund.", 9, NULL, &err), DEGLOSS_ERR_IO, "no feeding after it");
  INT_EQ(out.calls, calls, "nothing more written");
  degloss_session_free(s);
  S_free_text(&out);
  S_free_text(&ws.text);
}

/* Bad options. */
static void test_errors(void) {
  degloss_error err = {0};
  degloss_setting mt[] = {{"translate", "telepathy", "test.conf:3", 0}};
  degloss_session_options o = {0};
  o.mt = mt;
  o.nmt = 1;
  OK(degloss_session_new(&o, &err) == NULL, "bad translation setting");
  INT_EQ(err.code, DEGLOSS_ERR_CONFIG, "a configuration error");
  STR_EQ(err.source, "test.conf:3", "its origin");
  CONTAINS(err.text, "telepathy", "naming the value");
  memset(&err, 0, sizeof err);
  INT_EQ(degloss_mt_cache_compact(&o, stdout, &err), DEGLOSS_ERR_CONFIG, "compaction: the same check");
  memset(&err, 0, sizeof err);
  degloss_session_options bad = {0};
  bad.data_dir = "/nonexistent/degloss-data";
  OK(degloss_session_new(&bad, &err) == NULL, "no data");
  OK(err.code == DEGLOSS_ERR_IO || err.code == DEGLOSS_ERR_FORMAT, "a data error");
  CONTAINS(err.text, "/nonexistent/degloss-data", "naming the file");
  memset(&err, 0, sizeof err);
  degloss_session *s = degloss_session_new(NULL, &err);
  OK(s != NULL, "default options");
  INT_EQ(degloss_session_feed_text(s, "x", 1, NULL, &err), DEGLOSS_ERR_ARG, "no output set");
  memset(&err, 0, sizeof err);
  S_text out = {0};
  degloss_output d = {0};
  d.write = S_put;
  d.ctx = &out;
  d.format = "pdf";
  INT_EQ(degloss_session_set_output(s, &d, &err), DEGLOSS_ERR_ARG, "unknown format");
  CONTAINS(err.text, "pdf", "named");
  degloss_session_free(s);
  degloss_input in;
  degloss_encoding enc;
  OK(degloss_input_parse("jsonl", &in) && in == DEGLOSS_INPUT_JSONL, "input mode by name");
  OK(!degloss_input_parse("xml", &in), "unknown input mode");
  OK(degloss_encoding_parse("Latin1", &enc) && enc == DEGLOSS_ENCODING_LATIN1, "encoding by name");
  OK(degloss_format_valid("conllu") && !degloss_format_valid("pdf"), "formats");
  OK(degloss_style_valid("plain") && !degloss_style_valid("fancy"), "styles");
}

/* DEGLOSS_INPUT_LINES: one record a line, an empty line an empty record,
 * two sentences on a line one record; translation_path line by line, a
 * count mismatch reported by finish, and only for lines/horizontal input. */
static void test_lines(void) {
  degloss_input in;
  OK(degloss_input_parse("lines", &in) && in == DEGLOSS_INPUT_LINES, "lines by name");
  char tr[] = "/tmp/degloss-test-tr-XXXXXX";
  int fd = mkstemp(tr);
  const char *en = "It is good. He comes.\n\n";
  OK(fd >= 0 && write(fd, en, strlen(en)) == (ssize_t)strlen(en), "translation file written");
  if (fd >= 0) close(fd);
  for (int mismatch = 0; mismatch < 2; mismatch++) {
    degloss_session_options o = {0};
    o.input = DEGLOSS_INPUT_LINES;
    o.translation_path = tr;
    degloss_error err = {0};
    degloss_session *s = degloss_session_new(&o, &err);
    OK(s != NULL, "lines session");
    if (!s) return;
    S_text out = {0};
    degloss_output d = {0};
    d.write = S_put;
    d.ctx = &out;
    d.format = "jsonl";
    degloss_session_set_output(s, &d, &err);
    const char *t = mismatch ? "Das ist gut. Er kommt.\n\nDrei.\n" : "Das ist gut. Er kommt.\n\n";
    INT_EQ(degloss_session_feed_text(s, t, strlen(t), "in", &err), DEGLOSS_OK, "lines fed");
    degloss_code c = degloss_session_finish(s, &err);
    if (mismatch) {
      INT_EQ(c, DEGLOSS_ERR_INPUT, "count mismatch at finish");
      CONTAINS(err.text, "2 lines", "the file's count");
      CONTAINS(err.text, "3 lines", "the input's count");
    } else {
      INT_EQ(c, DEGLOSS_OK, "counts match");
      CONTAINS(out.p, "{\"line\":1,\"text\":\"Das ist gut. Er kommt.\"", "line 1, both sentences");
      CONTAINS(out.p, "\"sentence_start\":true", "the second sentence's start");
      CONTAINS(out.p, "{\"line\":2,\"text\":\"\",", "line 2 empty");
      CONTAINS(out.p, "\"tokens\":[]", "no tokens");
      CONTAINS(out.p, "\"text\":\"It is good. He comes.\",\"provider\":\"file\"", "its translation");
      INT_EQ((long long)degloss_session_sentences(s), 3, "sentences counted as glossed");
    }
    S_free_text(&out);
    degloss_session_free(s);
  }
  /* Files named up front are counted before any output. */
  char de[] = "/tmp/degloss-test-de-XXXXXX";
  int dfd = mkstemp(de);
  const char *three = "Das ist gut.\r\n\nDrei.";
  OK(dfd >= 0 && write(dfd, three, strlen(three)) == (ssize_t)strlen(three), "input file written");
  if (dfd >= 0) close(dfd);
  for (int k = 0; k < 2; k++) {
    degloss_session_options o = {0};
    o.input = k ? DEGLOSS_INPUT_LINES : DEGLOSS_INPUT_TEXT;
    o.translation_path = k ? tr : NULL;
    degloss_error err = {0};
    degloss_session *s = degloss_session_new(&o, &err);
    const char *paths[] = {de};
    degloss_code c = degloss_session_check_inputs(s, paths, 1, &err);
    if (k) {
      INT_EQ(c, DEGLOSS_ERR_INPUT, "a 3-line file against a 2-line translation: refused up front");
      CONTAINS(err.text, "2 lines", "the translation's count");
      CONTAINS(err.text, "has 3 lines", "the file's count (CRLF, empty line, no final newline)");
      CONTAINS(err.text, de, "the input named");
    } else {
      INT_EQ(c, DEGLOSS_OK, "no translation file: nothing to check");
    }
    degloss_session_free(s);
  }
  unlink(de);
  degloss_session_options o = {0};
  o.translation_path = tr; /* running text: no line to align with */
  degloss_error err = {0};
  degloss_session *s = degloss_session_new(&o, &err);
  OK(s == NULL && err.code == DEGLOSS_ERR_ARG, "translation file with running text refused");
  degloss_session_free(s);
  unlink(tr);
}

/* The subject field: degloss_options.domain of the simple API and
 * degloss_session_options.domain give the senses degloss --domain gives
 * (software: Verzeichnis = directory; law: Gewährleistung = warranty) and
 * the subject on the sentence; without it the general senses; an unknown
 * name is a configuration error naming the known subjects. */
static char *S_simple(const char *domain, const char *text, degloss_error *err) {
  degloss_options o = {0};
  o.domain = domain;
  degloss_engine *e = degloss_engine_new(&o, err);
  if (!e) return NULL;
  degloss_doc *d = degloss_gloss_text(e, text, strlen(text), err);
  char *r = d ? degloss_render(d, "jsonl", NULL, 0, err) : NULL;
  degloss_doc_free(d);
  degloss_engine_free(e);
  return r;
}

static void test_domain(void) {
  const char *text = "Das Verzeichnis ist leer. Die Gewährleistung gilt zwei Jahre.";
  degloss_error err = {0};
  char *sw = S_simple("software", text, &err);
  CONTAINS(sw, "\"gloss\":\"directory\"", "simple API, domain software: Verzeichnis = directory");
  CONTAINS(sw, "\"subject\":\"software\"", "simple API, domain software: the sentence's subject");
  char *law = S_simple("law", text, &err);
  CONTAINS(law, "\"gloss\":\"warranty\"", "simple API, domain law: Gewährleistung = warranty");
  char *none = S_simple(NULL, text, &err);
  OK(none && !strstr(none, "\"gloss\":\"directory\"") && !strstr(none, "\"gloss\":\"warranty\""),
     "simple API without a domain: the general senses");
  /* the session with the same domain writes the same bytes */
  S_text out = {0};
  degloss_session_options so = {0};
  so.domain = "software";
  degloss_session *s = degloss_session_new(&so, &err);
  OK(s != NULL, "session with domain software");
  if (s) {
    degloss_output d = {0};
    d.write = S_put;
    d.ctx = &out;
    d.format = "jsonl";
    INT_EQ(degloss_session_set_output(s, &d, &err), DEGLOSS_OK, "set output");
    INT_EQ(degloss_session_feed_text(s, text, strlen(text), "mem", &err), DEGLOSS_OK, "feed");
    INT_EQ(degloss_session_finish(s, &err), DEGLOSS_OK, "finish");
    STR_EQ(out.p, sw, "session domain software = simple API domain software");
    degloss_session_free(s);
  }
  S_free_text(&out);
  memset(&err, 0, sizeof err);
  degloss_options bad = {0};
  bad.domain = "astrology";
  OK(degloss_engine_new(&bad, &err) == NULL, "simple API: an unknown domain");
  INT_EQ(err.code, DEGLOSS_ERR_CONFIG, "a configuration error");
  CONTAINS(err.text, "unknown subject 'astrology'", "naming it");
  CONTAINS(err.text, "software", "and the known subjects");
  free(sw);
  free(law);
  free(none);
}

int main(int argc, char **argv) {
  test_domain();
  test_lines();
  test_output();
  test_warnings();
  test_jobs(argc > 1 ? argv[1] : ".");
  test_inputs();
  test_errors();
  return DONE("api.session");
}
