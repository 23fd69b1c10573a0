/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MT cache cases written as code (the runs through the cache that are data
 * are in test_mt.c): the cache file's mode and default place, damaged cache
 * files, concurrent writers, compaction (by command, by bound, at the end of
 * a run), compaction racing writers and readers. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mt_check.h"
#include "mt_provider.h"

/* After the runs of deepl_cache (test_mt.c): the cache file is private, and
 * without --cache-dir the cache is under XDG_CACHE_HOME. */
void mtt_case_deepl_cache_files(void) {
  char *dir = mtt_cache_dir("cache/deep/er");
  char *path = mtt_fmt("%s/mt-cache-v1.txt", dir);
  struct stat st;
  OK(stat(path, &st) == 0 && (st.st_mode & 077) == 0, "cache file %s private", path);
  free(path);
  free(dir);
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  dg_mt_config *c = dg_mt_config_new();
  mtt_set(c, "translate", "deepl");
  mtt_set(c, "mt-url", url);
  dg_mt *mt = mtt_new(c);
  char *want = mtt_fmt("%s/degloss/", mtt_env("XDG_CACHE_HOME"));
  OK(dg_mt_cache_path(mt) && strncmp(dg_mt_cache_path(mt), want, strlen(want)) == 0,
     "default cache %s", dg_mt_cache_path(mt) ? dg_mt_cache_path(mt) : "(null)");
  free(want);
  dg_mt_free(mt);
  free(url);
}

void mtt_case_cache_corrupt(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  char *dir = mtt_cache_dir("cc");
  mtt_texts t = mtt_sentences(5, "cc");
  size_t failed;
  dg_mt *mt = mtt_new(mtt_cfg("deepl", url, dir));
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  char *path = dg_xstrdup(dg_mt_cache_path(mt));
  mtt_results_free(r, t.n);
  dg_mt_free(mt);
  OK(mtt_stat("a", "requests") == 1, "first run");

  /* damage the second record, add junk and a torn last line */
  char *data = mtt_slurp(path);
  char *l2 = strchr(data, '\n');
  OK(l2 && strlen(l2) > 40, "five lines written");
  if (l2) l2[30] = l2[30] == 'x' ? 'y' : 'x';
  mtt_spit(path, data, strlen(data), "wb");
  free(data);
  const char junk[] = "garbage line\nv1 zzzzzzzzzzzzzzzz a\tb\n\x01\x02\x00\xff binary\nv1 0123456789abcdef torn";
  mtt_spit(path, junk, sizeof junk - 1, "ab");

  mt = mtt_new(mtt_cfg("deepl", url, dir));
  r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "corrupt cache still works");
  mtt_expect_all(&t, r);
  OK(mtt_hits(mt) == 4 && mtt_requests(mt) == 1, "4 hits and 1 request, got %lu and %lu",
     mtt_hits(mt), mtt_requests(mt));
  mtt_results_free(r, t.n);
  dg_mt_free(mt);

  /* what was appended after the torn line is intact */
  mt = mtt_new(mtt_cfg("deepl", url, dir));
  r = mtt_run(mt, &t, &failed);
  OK(mtt_hits(mt) == 5 && mtt_requests(mt) == 0, "5 hits, got %lu (%lu requests)", mtt_hits(mt),
     mtt_requests(mt));
  mtt_expect_all(&t, r);
  mtt_results_free(r, t.n);
  dg_mt_free(mt);

  /* a cache file that is pure junk */
  char junk2[4096];
  for (size_t i = 0; i < sizeof junk2; i++) junk2[i] = (char)((i * 7919u) >> 3);
  mtt_spit(path, junk2, sizeof junk2, "wb");
  mt = mtt_new(mtt_cfg("deepl", url, dir));
  r = mtt_run(mt, &t, &failed);
  OK(failed == 0 && mtt_hits(mt) == 0 && mtt_requests(mt) == 1, "junk cache ignored");
  mtt_results_free(r, t.n);
  dg_mt_free(mt);

  /* an unwritable cache directory costs nothing but a warning */
  char *ro = mtt_cache_dir("ro");
  mkdir(ro, 0500);
  char *sub = mtt_fmt("%s/sub", ro);
  mt = mtt_new(mtt_cfg("deepl", url, sub));
  r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "no cache, still translated");
  mtt_results_free(r, t.n);
  dg_mt_free(mt);
  free(sub);
  free(ro);
  mtt_texts_free(&t);
  free(path);
  free(dir);
  free(url);
}

static char *S_kid_sentence(int k, int i) {
  return mtt_fmt("Prozess %d schreibt Satz %d, lang genug, damit sich Zeilen beim Anhängen "
               "überschneiden könnten, wenn das Sperren nicht funktionierte.", k, i);
}

void mtt_case_cache_concurrent(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  char *dir = mtt_cache_dir("cc");
  enum { KIDS = 4, PER = 40 };
  fflush(stdout);
  pid_t pids[KIDS];
  for (int k = 0; k < KIDS; k++) {
    pids[k] = fork();
    if (pids[k] == 0) {
      int bad = 0;
      for (int round = 0; round < 4; round++) { /* several appends per child */
        mtt_texts t = {dg_xcalloc(PER / 4, sizeof(char *)), PER / 4};
        for (size_t i = 0; i < t.n; i++)
          t.s[i] = S_kid_sentence(k, (int)(round * t.n + i));
        dg_mt *mt = mtt_new(mtt_cfg("deepl", url, dir));
        dg_mt_result *r = dg_xcalloc(t.n, sizeof *r);
        if (dg_mt_translate(mt, (const char *const *)t.s, t.n, r) != 0) bad = 1;
        mtt_results_free(r, t.n);
        dg_mt_free(mt);
        mtt_texts_free(&t);
      }
      _exit(bad);
    }
  }
  for (int k = 0; k < KIDS; k++) {
    int st = 0;
    waitpid(pids[k], &st, 0);
    OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child %d", k);
  }
  long before = mtt_stat("a", "requests");
  mtt_texts t = {dg_xcalloc(KIDS * PER, sizeof(char *)), KIDS * PER};
  for (int k = 0; k < KIDS; k++)
    for (int i = 0; i < PER; i++)
      t.s[k * PER + i] = S_kid_sentence(k, i);
  dg_mt *mt = mtt_new(mtt_cfg("deepl", url, dir));
  size_t failed;
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 0, "all there");
  OK(mtt_hits(mt) == KIDS * PER && mtt_requests(mt) == 0, "%lu hits, %lu requests", mtt_hits(mt),
     mtt_requests(mt));
  OK(mtt_stat("a", "requests") == before, "no request after concurrent writers");
  mtt_expect_all(&t, r);
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  free(dir);
  free(url);
}

static size_t S_count_lines(const char *path) {
  char *d = mtt_slurp(path);
  size_t n = 0;
  for (const char *p = d; *p; p++) n += *p == '\n';
  free(d);
  return n;
}

/* Translate t through the test server with the given target; the number of
 * requests the server saw for it. */
static long S_pass(const char *ns, const char *dir, const mtt_texts *t, const char *target,
                   const char *max, unsigned long *hits) {
  char *url = mtt_url(ns, "ok");
  long before = mtt_stat(ns, "requests");
  dg_mt_config *c = mtt_cfg("deepl", url, dir);
  if (target) mtt_set(c, "mt-target", target);
  if (max) mtt_set(c, "mt-cache-max", max);
  dg_mt *mt = mtt_new(c);
  size_t failed;
  dg_mt_result *r = mtt_run(mt, t, &failed);
  OK(failed == 0, "%zu failed", failed);
  mtt_expect_all(t, r);
  if (hits) *hits = mtt_hits(mt);
  mtt_results_free(r, t->n);
  dg_mt_free(mt);
  free(url);
  return mtt_stat(ns, "requests") - before;
}

/* degloss --mt-cache-compact through its library function; its output line. */
static char *S_compact_cmd(const char *dir, const char *max) {
  dg_mt_config *c = dg_mt_config_new();
  mtt_set(c, "cache-dir", dir);
  if (max) mtt_set(c, "mt-cache-max", max);
  char *path = mtt_fmt("%s/compact-out.txt", mtt_env("MT_TEST_DIR"));
  FILE *f = fopen(path, "w+");
  degloss_error err = {0};
  int rc = f ? dg_mt_cache_compact_command(c, f, &err) : -1;
  OK(rc == 0, "compact: %s: %s", err.source, err.text);
  if (f) fclose(f);
  char *out = mtt_slurp(path);
  free(path);
  dg_mt_config_free(c);
  return out;
}

void mtt_case_cache_compact(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *dir = mtt_cache_dir("cc");
  char *path = mtt_fmt("%s/mt-cache-v1.txt", dir);
  mtt_texts a = mtt_sentences(30, "ca"), b = mtt_sentences(30, "cb");
  OK(S_pass("a", dir, &a, "EN-US", NULL, NULL) > 0, "first run asks the server");
  OK(S_pass("a", dir, &a, "EN-GB", NULL, NULL) > 0, "another target asks again");
  /* 50 keys written twice: the first values are superseded */
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  OK(c != NULL, "open");
  for (int round = 0; c && round < 2; round++) {
    for (int i = 0; i < 50; i++) {
      char *k = mtt_fmt("junk\x1fkey %d", i), *v = mtt_fmt("value %d of round %d", i, round);
      dg_mt_cache_put(c, k, v);
      free(k);
      free(v);
    }
    OK(dg_mt_cache_flush(c, &err), "flush");
  }
  dg_mt_cache_free(c);
  OK(S_count_lines(path) == 160, "160 lines, got %zu", S_count_lines(path));

  char *out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "before: 160 lines, 110 entries,") != NULL, "output: %s", out);
  OK(strstr(out, "after: 110 entries,") != NULL, "output: %s", out);
  OK(strstr(out, "(50 superseded, 0 corrupt, 0 evicted)") != NULL, "output: %s", out);
  free(out);
  OK(S_count_lines(path) == 110, "110 lines after compaction, got %zu", S_count_lines(path));
  c = dg_mt_cache_open(dir, &err);
  const char *v = c ? dg_mt_cache_get(c, "junk\x1fkey 7") : NULL;
  OK(v && strcmp(v, "value 7 of round 1") == 0, "the newer value survives: %s", v ? v : "(none)");
  OK(c && dg_mt_cache_bad_lines(c) == 0 && dg_mt_cache_size(c) == 110, "clean file");
  dg_mt_cache_free(c);

  /* every live entry kept: no request for either target */
  unsigned long hits = 0;
  OK(S_pass("a", dir, &a, "EN-GB", NULL, &hits) == 0 && hits == 30, "EN-GB from the cache");
  OK(S_pass("a", dir, &a, "EN-US", NULL, &hits) == 0 && hits == 30, "EN-US from the cache");

  /* the bound keeps the most recently used: EN-US was used last, although
   * it was written first */
  out = S_compact_cmd(dir, "30");
  OK(strstr(out, "after: 30 entries,") && strstr(out, "80 evicted"), "output: %s", out);
  free(out);
  OK(S_count_lines(path) == 30, "30 lines, got %zu", S_count_lines(path));
  OK(S_pass("a", dir, &a, "EN-US", NULL, &hits) == 0 && hits == 30, "EN-US kept");
  OK(S_pass("a", dir, &a, "EN-GB", NULL, NULL) > 0, "EN-GB evicted");

  /* automatic: a run over the bound compacts when it ends, down to 15/16 of
   * the bound; what it used stays */
  OK(S_pass("a", dir, &b, NULL, "40", NULL) > 0, "new sentences");
  OK(S_count_lines(path) == 38, "40 - 40/16 kept after the run, got %zu lines",
     S_count_lines(path));
  long req = S_pass("a", dir, &b, NULL, "40", &hits);
  OK(req == 0 && hits == 30, "the run's own entries kept: %ld requests, %lu hits", req, hits);

  /* a byte bound */
  out = S_compact_cmd(dir, "1K");
  OK(strstr(out, "after: ") != NULL, "output: %s", out);
  free(out);
  struct stat st;
  OK(stat(path, &st) == 0 && st.st_size <= 1024 && st.st_size > 0, "1K bound: %lld bytes",
     (long long)st.st_size);

  /* automatic: waste over twice the live data */
  c = dg_mt_cache_open(dir, &err);
  char *big = dg_xcalloc(2001, 1);
  memset(big, 'x', 2000);
  for (int i = 0; c && i < 60; i++) {
    dg_mt_cache_put(c, "junk\x1f" "big", big);
    OK(dg_mt_cache_flush(c, &err), "flush");
  }
  dg_mt_cache_free(c);
  free(big);
  OK(stat(path, &st) == 0 && st.st_size > 120000, "grew to %lld", (long long)st.st_size);
  S_pass("a", dir, &b, NULL, NULL, NULL);
  OK(stat(path, &st) == 0 && st.st_size < 30000, "compacted at the end of a run: %lld bytes",
     (long long)st.st_size);
  OK(S_pass("a", dir, &b, NULL, NULL, &hits) == 0 && hits == 30, "nothing lost");

  mtt_texts_free(&a);
  mtt_texts_free(&b);
  free(path);
  free(dir);
}

void mtt_case_cache_compact_corrupt(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *dir = mtt_cache_dir("cc");
  char *path = mtt_fmt("%s/mt-cache-v1.txt", dir);
  mtt_texts t = mtt_sentences(10, "cx");
  OK(S_pass("a", dir, &t, NULL, NULL, NULL) > 0, "first run");
  /* damage the third record, add junk and a torn last line */
  char *data = mtt_slurp(path);
  char *l3 = strchr(data, '\n');
  l3 = l3 ? strchr(l3 + 1, '\n') : NULL;
  OK(l3 && strlen(l3) > 40, "lines written");
  if (l3) l3[30] = l3[30] == 'x' ? 'y' : 'x';
  mtt_spit(path, data, strlen(data), "wb");
  free(data);
  const char junk[] = "garbage\n\x01\x02\x00\xff\nv1 0123456789abcdef torn";
  mtt_spit(path, junk, sizeof junk - 1, "ab");
  char *stale = mtt_fmt("%s/mt-cache-v1.txt.tmp.AbC123", dir); /* a compaction that died */
  mtt_spit(stale, "v1 half", 7, "wb");
  char *out = S_compact_cmd(dir, NULL);
  OK(access(stale, F_OK) != 0, "stale temporary file removed");
  free(stale);
  OK(strstr(out, "before: 13 lines, 9 entries,") && strstr(out, "after: 9 entries,") &&
         strstr(out, "4 corrupt"),
     "output: %s", out);
  free(out);
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  OK(c && dg_mt_cache_bad_lines(c) == 0 && dg_mt_cache_size(c) == 9, "clean after compaction");
  dg_mt_cache_free(c);
  unsigned long hits = 0;
  OK(S_pass("a", dir, &t, NULL, NULL, &hits) == 1 && hits == 9, "one request for the lost one");
  /* a truncated file (cut in the middle of a line) */
  data = mtt_slurp(path);
  size_t cut = strlen(data) / 2;
  mtt_spit(path, data, cut, "wb");
  free(data);
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "1 corrupt") != NULL, "torn line counted: %s", out);
  free(out);
  c = dg_mt_cache_open(dir, &err);
  size_t n = c ? dg_mt_cache_size(c) : 0;
  OK(c && dg_mt_cache_bad_lines(c) == 0 && n >= 3 && n < 10, "%zu entries kept", n);
  dg_mt_cache_free(c);
  OK(S_pass("a", dir, &t, NULL, NULL, &hits) > 0 && hits == n, "the rest from the cache");
  /* an empty file and a missing one */
  mtt_spit(path, "", 0, "wb");
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "before: 0 lines, 0 entries, 0 bytes; after: 0 entries, 0 bytes"), "%s", out);
  free(out);
  unlink(path);
  out = S_compact_cmd(dir, NULL);
  OK(strstr(out, "after: 0 entries") != NULL, "%s", out);
  free(out);
  mtt_texts_free(&t);
  free(path);
  free(dir);
}

/* Writers, a compactor and a reader at once: a reader always sees every
 * entry that was there before (the old or the new file, never a mix or a
 * half-written one), and no writer's entry is lost to a rename. */
void mtt_case_cache_compact_race(void) {
  setenv("DEEPL_AUTH_KEY", KEY_DEEPL, 1);
  char *url = mtt_url("a", "ok");
  char *dir = mtt_cache_dir("cr");
  enum { SEED = 200, WRITERS = 3, ROUNDS = 4, PER = 10 };
  degloss_error err = {0};
  dg_mt_cache *c = dg_mt_cache_open(dir, &err);
  if (!c) {
    OK(false, "open: %s", err.text);
    return;
  }
  for (int i = 0; i < SEED; i++) {
    char *k = mtt_fmt("seed\x1f%d", i), *v = mtt_fmt("seed value %d", i);
    dg_mt_cache_put(c, k, v);
    if (i % 2) dg_mt_cache_put(c, k, v); /* something to drop */
    free(k);
    free(v);
  }
  OK(dg_mt_cache_flush(c, &err), "seed");
  dg_mt_cache_free(c);
  fflush(stdout);
  pid_t pids[WRITERS + 2];
  for (int k = 0; k < WRITERS + 2; k++) {
    pids[k] = fork();
    if (pids[k] != 0) continue;
    int bad = 0;
    if (k < WRITERS) {
      for (int round = 0; round < ROUNDS; round++) {
        mtt_texts t = {dg_xcalloc(PER, sizeof(char *)), PER};
        for (size_t i = 0; i < t.n; i++) t.s[i] = S_kid_sentence(k, (int)(round * PER + i));
        dg_mt *mt = mtt_new(mtt_cfg("deepl", url, dir));
        dg_mt_result *r = dg_xcalloc(t.n, sizeof *r);
        if (dg_mt_translate(mt, (const char *const *)t.s, t.n, r) != 0) bad = 1;
        mtt_results_free(r, t.n);
        dg_mt_free(mt);
        mtt_texts_free(&t);
      }
    } else if (k == WRITERS) { /* the compactor */
      for (int i = 0; i < 40 && !bad; i++) {
        dg_mt_cache *x = dg_mt_cache_open(dir, &err);
        if (!x || !dg_mt_cache_compact(x, true, NULL, &err)) bad = 2;
        dg_mt_cache_free(x);
      }
    } else { /* the reader */
      for (int i = 0; i < 150 && !bad; i++) {
        dg_mt_cache *x = dg_mt_cache_open(dir, &err);
        for (int s = 0; x && s < SEED && !bad; s++) {
          char *key = mtt_fmt("seed\x1f%d", s), *want = mtt_fmt("seed value %d", s);
          const char *got = dg_mt_cache_get(x, key);
          if (!got || strcmp(got, want) != 0) bad = 3;
          free(key);
          free(want);
        }
        if (!x) bad = 4;
        dg_mt_cache_free(x); /* not closed: the reader writes nothing */
      }
    }
    _exit(bad);
  }
  for (int k = 0; k < WRITERS + 2; k++) {
    int st = 0;
    waitpid(pids[k], &st, 0);
    OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child %d exit %d", k,
       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  long before = mtt_stat("a", "requests");
  mtt_texts t = {dg_xcalloc(WRITERS * ROUNDS * PER, sizeof(char *)), WRITERS * ROUNDS * PER};
  for (int k = 0; k < WRITERS; k++)
    for (int i = 0; i < ROUNDS * PER; i++) t.s[k * ROUNDS * PER + i] = S_kid_sentence(k, i);
  dg_mt *mt = mtt_new(mtt_cfg("deepl", url, dir));
  size_t failed;
  dg_mt_result *r = mtt_run(mt, &t, &failed);
  OK(failed == 0 && mtt_hits(mt) == t.n, "%lu of %zu from the cache", mtt_hits(mt), t.n);
  OK(mtt_stat("a", "requests") == before, "no entry lost to a compaction");
  mtt_results_free(r, t.n);
  mtt_texts_free(&t);
  dg_mt_free(mt);
  /* no temporary file left behind */
  DIR *d = opendir(dir);
  for (struct dirent *de = d ? readdir(d) : NULL; de; de = readdir(d))
    OK(strncmp(de->d_name, "mt-cache-v1.txt.tmp.", 20) != 0, "left over: %s", de->d_name);
  if (d) closedir(d);
  free(dir);
  free(url);
}
