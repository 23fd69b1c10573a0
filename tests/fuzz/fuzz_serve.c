/* Fuzz harness: the web app's request handling (src/serve) through the real
 * HTTP server (libmicrohttpd) on a loopback port of its own, started once.
 * Each input is one connection:
 *  - an input that starts with an upper-case letter is sent as it is: raw
 *    request line, headers and body, however broken;
 *  - any other input becomes a well-formed request: its first byte picks
 *    the method, path and Content-Type (JSON, text, the document types,
 *    none), the rest is the body with a correct Content-Length.
 * A well-formed request always gets an HTTP answer, never 500, and an answer
 * of the API is a JSON object (with "sentences" on 200, "error" otherwise).
 * A slow or broken answer (nothing within 10 s) is a finding too.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>

#include "degloss.h"
#include "fuzz.h"

static degloss_server *S_srv;
static degloss_session_options S_so;
static int S_port;

static void S_fail(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_serve: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  abort();
}

static void S_quiet(void *ctx, const degloss_warning *w) {
  (void)ctx;
  (void)w;
}

static void S_start(void) {
  if (S_srv) return;
  S_so.warning = S_quiet;
  degloss_serve_options o = {0};
  o.listen = "127.0.0.1:0";
  o.max_body = 64 * 1024; /* small: the 413 path is reached too */
  o.timeout = 5;
  degloss_error err = {0};
  S_srv = degloss_serve_start(&S_so, &o, &err);
  if (!S_srv) S_fail("cannot start the server", err.text);
  const char *url = degloss_serve_url(S_srv), *colon = strrchr(url, ':');
  S_port = colon ? atoi(colon + 1) : 0;
  if (S_port <= 0) S_fail("no port in the URL", url);
}

/* What a well-formed request looks like, by its first byte. */
typedef struct S_shape {
  const char *method, *path, *type; /* type NULL: no Content-Type */
} S_shape;

static const S_shape S_shapes[] = {
    {"POST", "/api/gloss", "application/json"},
    {"POST", "/api/gloss", "application/json; charset=utf-8"},
    {"POST", "/api/gloss", "text/plain"},
    {"POST", "/api/gloss", "text/html"},
    {"POST", "/api/gloss", "text/markdown"},
    {"POST", "/api/gloss", "application/pdf"},
    {"POST", "/api/gloss", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"POST", "/api/gloss", "application/octet-stream"},
    {"POST", "/api/gloss", NULL},
    {"GET", "/", NULL},
    {"GET", "/api/gloss", NULL},
    {"POST", "/", "application/json"},
    {"PUT", "/api/gloss", "application/json"},
    {"GET", "/nowhere", NULL},
};

/* Connect fd to the server.  A signal (libFuzzer's timer checks every
 * second) may interrupt a connect() that waits for room in the server's
 * queue: the connection then goes on by itself, and its end is waited
 * for (10 s at most) before it counts as failed. */
static bool S_connect(int fd, const struct sockaddr_in *a) {
  if (connect(fd, (const struct sockaddr *)a, sizeof *a) == 0) return true;
  if (errno != EINTR) return false;
  struct pollfd p = {fd, POLLOUT, 0};
  int r;
  do r = poll(&p, 1, 10000);
  while (r < 0 && errno == EINTR);
  if (r <= 0) {
    if (r == 0) errno = ETIMEDOUT;
    return false;
  }
  int e = 0;
  socklen_t el = sizeof e;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) != 0) return false;
  errno = e;
  return e == 0;
}

/* Send req[0..n) on a new connection and read the answer (closed by the
 * server, or Connection: close) into *out; false when nothing came within
 * `wait_ms`.  (A raw request may promise a body it never sends: the server
 * would wait for it until its timeout, so raw requests are not waited for
 * long; the connection's end tells the server.) */
static bool S_exchange(const char *req, size_t n, int wait_ms, char **out, size_t *outlen) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) S_fail("socket", strerror(errno));
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)S_port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (!S_connect(fd, &a)) S_fail("connect", strerror(errno));
  for (size_t at = 0; at < n;) {
    ssize_t k = send(fd, req + at, n - at, MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) break; /* the server may close on a broken request */
    at += (size_t)k;
  }
  shutdown(fd, SHUT_WR);
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  bool ok = true;
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    int r = poll(&p, 1, wait_ms);
    if (r == 0) {
      ok = false;
      break;
    }
    if (r < 0 && errno == EINTR) continue;
    if (len + 4096 > cap) buf = realloc(buf, cap *= 2);
    ssize_t k = recv(fd, buf + len, cap - len - 1, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    len += (size_t)k;
  }
  close(fd);
  buf[len] = '\0';
  *out = buf;
  *outlen = len;
  return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  S_start();
  bool raw = size && data[0] >= 'A' && data[0] <= 'Z';
  const S_shape *sh = NULL;
  char *req;
  size_t n;
  if (raw) {
    req = malloc(size);
    memcpy(req, data, size);
    n = size;
  } else {
    sh = &S_shapes[(size ? data[0] : 0) % (sizeof S_shapes / sizeof *S_shapes)];
    const uint8_t *body = size ? data + 1 : data;
    size_t blen = size ? size - 1 : 0;
    char head[512];
    int h = snprintf(head, sizeof head, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s%s%s"
                     "Content-Length: %zu\r\n\r\n",
                     sh->method, sh->path, sh->type ? "Content-Type: " : "", sh->type ? sh->type : "",
                     sh->type ? "\r\n" : "", blen);
    n = (size_t)h + blen;
    req = malloc(n);
    memcpy(req, head, (size_t)h);
    if (blen) memcpy(req + h, body, blen);
  }
  char *ans;
  size_t alen;
  bool ok = S_exchange(req, n, raw ? 100 : 10000, &ans, &alen);
  free(req);
  if (!ok && !raw) S_fail("no answer within 10 s", NULL);
  if (sh) {
    if (alen < 12 || strncmp(ans, "HTTP/1.1 ", 9) != 0) S_fail("a well-formed request got no HTTP answer", NULL);
    int status = atoi(ans + 9);
    if (status >= 500) S_fail("a request got a 5xx answer", ans);
    const char *body = strstr(ans, "\r\n\r\n");
    if (strcmp(sh->path, "/api/gloss") == 0 && body && strcmp(sh->method, "HEAD") != 0) {
      json_error_t je;
      json_t *j = json_loads(body + 4, 0, &je);
      if (!json_is_object(j)) S_fail("the API's answer is not a JSON object", body + 4);
      if (status == 200 && !json_is_array(json_object_get(j, "sentences"))) S_fail("200 without sentences", NULL);
      if (status != 200 && !json_is_string(json_object_get(j, "error"))) S_fail("an error without a message", NULL);
      json_decref(j);
    }
  }
  free(ans);
  return 0;
}
