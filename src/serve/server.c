/* The web app's HTTP server (GNU libmicrohttpd): the listening socket from
 * an "ADDR:PORT", one thread per connection with a connection limit and an
 * idle timeout, the routes (GET / the page, POST /api/gloss the API), the
 * request body's limit (Content-Length and the bytes really uploaded) and
 * its Content-Type.  Every answer to a bad request is JSON {"error": ...}
 * with a 4xx status.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <semaphore.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve.h"
#include "session.h"
#include "util.h"

#define S_DEFAULT_LISTEN "127.0.0.1:8080"
#define S_DEFAULT_MAX_BODY (10ULL * 1000 * 1000)
/* Connections at once.  With a thread per connection libmicrohttpd counts a
 * closed connection until its thread is cleaned up, and refuses (resets) a
 * new one past the limit: with room to spare, 50 clients that open a new
 * connection for every request are never turned away. */
#define S_DEFAULT_CONNECTIONS 256u
#define S_DEFAULT_TIMEOUT 30u

struct degloss_server {
  struct MHD_Daemon *mhd;
  const degloss_session_options *so;
  unsigned long long max_body;
  const char *style; /* NULL, "leipzig" or "plain" (static) */
  bool loopback;
  char url[128];
  /* glossing slots: at most this many requests are glossed at once (one
   * per processor); the others wait on their connection's thread */
  sem_t slots;
  /* the engines of the slots, made when first needed and lent to one
   * request after another (the data files are mapped once, the caches
   * stay warm); `idle` of them are free */
  pthread_mutex_t lock;
  dg_engine **engines;
  size_t nengines, idle, cap;
};

/* An engine for a request that holds a slot: an idle one, else a new one
 * (NULL when it cannot be made: the request makes its own and fails the
 * same way). */
static dg_engine *S_engine_take(degloss_server *srv) {
  dg_engine *e = NULL;
  pthread_mutex_lock(&srv->lock);
  if (srv->idle) e = srv->engines[--srv->idle];
  pthread_mutex_unlock(&srv->lock);
  if (e) return e;
  degloss_error err = {0};
  return dg_session_engine_new(srv->so, &err);
}

static void S_engine_give(degloss_server *srv, dg_engine *e) {
  if (!e) return;
  pthread_mutex_lock(&srv->lock);
  if (srv->idle < srv->cap) {
    srv->engines[srv->idle++] = e;
    e = NULL;
  }
  pthread_mutex_unlock(&srv->lock);
  dg_engine_free(e); /* (more than the slots: never, but not kept) */
}

/* One request's state between the calls of the access handler. */
typedef struct S_upload {
  dg_body_kind kind;
  char *buf;
  size_t len, cap;
  bool too_big;
} S_upload;

/* ---- responses ------------------------------------------------------- */

static enum MHD_Result S_send(struct MHD_Connection *c, unsigned status, char *body, size_t len,
                              const char *type, const char *allow) {
  struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(body);
    return MHD_NO;
  }
  MHD_add_response_header(r, "Content-Type", type);
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  if (allow) MHD_add_response_header(r, "Allow", allow);
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result S_json(struct MHD_Connection *c, unsigned status, char *body, size_t len,
                              const char *style) {
  struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(body);
    return MHD_NO;
  }
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  if (style) MHD_add_response_header(r, "X-Degloss-Style", style);
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result S_error(struct MHD_Connection *c, unsigned status, const char *msg,
                               const char *allow) {
  size_t len = 0;
  char *body = dg_serve_error_json(msg, &len);
  if (!body) return MHD_NO;
  return S_send(c, status, body, len, "application/json; charset=utf-8", allow);
}

static enum MHD_Result S_page(struct MHD_Connection *c) {
  size_t len;
  const char *page = dg_serve_page(&len);
  struct MHD_Response *r =
      MHD_create_response_from_buffer(len, (void *)(uintptr_t)page, MHD_RESPMEM_PERSISTENT);
  if (!r) return MHD_NO;
  MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  /* the page loads nothing from elsewhere and talks only to this server */
  MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'none'; style-src 'unsafe-inline'; "
                          "script-src 'unsafe-inline'; connect-src 'self'; img-src data:");
  enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ok;
}

/* ---- the request body ----------------------------------------------- */

/* The body's kind by its Content-Type (parameters such as charset ignored;
 * none at all is read as JSON): a request object, the text itself, or a
 * document for its reader (octet-stream: recognised by its content); false
 * for any other type. */
static const struct {
  const char *type;
  dg_body_kind kind;
} S_types[] = {
    {"application/json", DG_BODY_JSON},
    {"text/plain", DG_BODY_TEXT},
    {"text/html", DG_BODY_HTML},
    {"application/xhtml+xml", DG_BODY_HTML},
    {"text/markdown", DG_BODY_MARKDOWN},
    {"text/x-markdown", DG_BODY_MARKDOWN},
    {"application/pdf", DG_BODY_PDF},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", DG_BODY_DOCX},
    {"application/octet-stream", DG_BODY_AUTO},
};

static bool S_content_type(const char *ct, dg_body_kind *kind) {
  if (!ct) {
    *kind = DG_BODY_JSON;
    return true;
  }
  size_t n = strcspn(ct, ";");
  while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t')) n--;
  while (n && (*ct == ' ' || *ct == '\t')) ct++, n--;
  for (size_t i = 0; i < sizeof S_types / sizeof S_types[0]; i++) {
    if (strlen(S_types[i].type) == n && strncasecmp(ct, S_types[i].type, n) == 0) {
      *kind = S_types[i].kind;
      return true;
    }
  }
  return false;
}

static bool S_append(S_upload *u, const char *data, size_t n, unsigned long long max) {
  if (u->too_big || (unsigned long long)u->len + n > max) {
    u->too_big = true; /* the rest is read and dropped, then 413 */
    free(u->buf);
    u->buf = NULL;
    u->len = u->cap = 0;
    return true;
  }
  if (u->len + n + 1 > u->cap) {
    size_t cap = u->cap ? u->cap : 4096;
    while (cap < u->len + n + 1) cap *= 2;
    char *b = realloc(u->buf, cap);
    if (!b) return false;
    u->buf = b;
    u->cap = cap;
  }
  memcpy(u->buf + u->len, data, n);
  u->len += n;
  return true;
}

static void S_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                        enum MHD_RequestTerminationCode toe) {
  (void)cls, (void)c, (void)toe;
  S_upload *u = *con_cls;
  if (u) {
    free(u->buf);
    free(u);
  }
  *con_cls = NULL;
}

/* GET /api/subjects: the subjects a request may name as its "domain" (the
 * data's subjects.tsv, read from an engine of a glossing slot). */
static enum MHD_Result S_subjects(degloss_server *srv, struct MHD_Connection *c) {
  while (sem_wait(&srv->slots) != 0) {
  }
  dg_engine *e = S_engine_take(srv);
  size_t len = 0;
  char *body = e ? dg_serve_subjects_json(e, srv->so->domain, &len) : NULL;
  S_engine_give(srv, e);
  sem_post(&srv->slots);
  if (!body) return S_error(c, 500, "cannot read the subjects", NULL);
  return S_json(c, 200, body, len, NULL);
}

/* ---- routing ---------------------------------------------------------- */

static enum MHD_Result S_handle(void *cls, struct MHD_Connection *c, const char *url,
                                const char *method, const char *version, const char *data,
                                size_t *data_size, void **con_cls) {
  (void)version;
  degloss_server *srv = cls;
  S_upload *u = *con_cls;
  if (!u) {
    /* the first call: the headers only */
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    if (strcmp(url, "/") == 0) return get ? S_page(c) : S_error(c, 405, "use GET for /", "GET, HEAD");
    if (strcmp(url, "/api/subjects") == 0)
      return get ? S_subjects(srv, c) : S_error(c, 405, "use GET for /api/subjects", "GET, HEAD");
    if (strcmp(url, "/api/gloss") != 0)
      return S_error(c, 404, "no such path (the API is POST /api/gloss, GET /api/subjects)", NULL);
    if (strcmp(method, "POST") != 0) return S_error(c, 405, "use POST for /api/gloss", "POST");
    dg_body_kind kind;
    const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!S_content_type(ct, &kind))
      return S_error(c, 415,
                     "unknown document type: Content-Type must be application/json, text/plain, "
                     "text/html, text/markdown, application/pdf, a Word document (.docx) or "
                     "application/octet-stream",
                     NULL);
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl) {
      char *end;
      errno = 0;
      unsigned long long n = strtoull(cl, &end, 10);
      if (errno || end == cl || n > srv->max_body) return S_error(c, 413, "the request body is too large", NULL);
    }
    u = calloc(1, sizeof *u);
    if (!u) return MHD_NO;
    u->kind = kind;
    *con_cls = u;
    return MHD_YES;
  }
  if (*data_size) {
    /* a piece of the body */
    if (!S_append(u, data, *data_size, srv->max_body)) return MHD_NO;
    *data_size = 0;
    return MHD_YES;
  }
  /* the whole body is here */
  if (u->too_big) return S_error(c, 413, "the request body is too large", NULL);
  char *out = NULL;
  size_t outlen = 0;
  const char *used = NULL;
  /* a text or document body takes its options from the query */
  dg_serve_query q = {MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "style"), -1,
                      MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "domain")};
  const char *tr = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "translate");
  if (tr) q.translate = strcmp(tr, "1") == 0 || strcmp(tr, "true") == 0;
  while (sem_wait(&srv->slots) != 0) {
  }
  dg_engine *e = S_engine_take(srv);
  int status =
      dg_serve_gloss(srv->so, e, srv->style, u->buf ? u->buf : "", u->len, u->kind, &q, &out, &outlen, &used);
  S_engine_give(srv, e);
  sem_post(&srv->slots);
  if (!out) return MHD_NO;
  return S_json(c, (unsigned)status, out, outlen, status == 200 ? used : NULL);
}

/* ---- the listening socket --------------------------------------------- */

/* Split "ADDR:PORT" or "[ADDR]:PORT" into host and port. */
static bool S_split(const char *spec, char *host, size_t hcap, char *port, size_t pcap) {
  const char *colon;
  const char *h = spec;
  size_t hl;
  if (*spec == '[') {
    const char *close = strchr(spec, ']');
    if (!close || close[1] != ':') return false;
    h = spec + 1;
    hl = (size_t)(close - h);
    colon = close + 1;
  } else {
    colon = strrchr(spec, ':');
    if (!colon) return false;
    hl = (size_t)(colon - spec);
  }
  const char *p = colon + 1;
  if (!hl || hl >= hcap || !*p || strlen(p) >= pcap || strspn(p, "0123456789") != strlen(p) ||
      strtoul(p, NULL, 10) > 65535)
    return false;
  memcpy(host, h, hl);
  host[hl] = '\0';
  strcpy(port, p);
  return true;
}

static int S_listen(const char *addr, degloss_server *srv, int *family, degloss_error *err) {
  char host[256], port[8];
  if (!S_split(addr, host, sizeof host, port, sizeof port)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "", 0, 0, -1,
                 "%s: expected ADDR:PORT, such as 127.0.0.1:8080 or [::1]:8080", addr);
    return -1;
  }
  struct addrinfo hints = {0}, *res = NULL;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  int gai = getaddrinfo(host, port, &hints, &res);
  if (gai != 0) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "", 0, 0, -1, "%s: %s", addr, gai_strerror(gai));
    return -1;
  }
  int fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
  int one = 1;
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, 64) != 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, "", 0, 0, -1, "%s: cannot listen: %s", addr, strerror(errno));
    if (fd >= 0) close(fd);
    freeaddrinfo(res);
    return -1;
  }
  *family = res->ai_family;
  freeaddrinfo(res);
  struct sockaddr_storage ss;
  socklen_t sl = sizeof ss;
  char name[INET6_ADDRSTRLEN] = "?";
  unsigned portno = 0;
  if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
    if (ss.ss_family == AF_INET) {
      struct sockaddr_in *a = (struct sockaddr_in *)&ss;
      inet_ntop(AF_INET, &a->sin_addr, name, sizeof name);
      portno = ntohs(a->sin_port);
      srv->loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    } else if (ss.ss_family == AF_INET6) {
      struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
      inet_ntop(AF_INET6, &a->sin6_addr, name, sizeof name);
      portno = ntohs(a->sin6_port);
      srv->loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
    }
  }
  if (ss.ss_family == AF_INET6) snprintf(srv->url, sizeof srv->url, "http://[%s]:%u/", name, portno);
  else snprintf(srv->url, sizeof srv->url, "http://%s:%u/", name, portno);
  return fd;
}

/* The server's memory (after the daemon stopped): the engines too. */
static void S_free(degloss_server *srv) {
  for (size_t i = 0; i < srv->idle; i++) dg_engine_free(srv->engines[i]);
  free(srv->engines);
  pthread_mutex_destroy(&srv->lock);
  free(srv);
}

degloss_server *degloss_serve_start(const degloss_session_options *so, const degloss_serve_options *o,
                                    degloss_error *err) {
  degloss_serve_options def = {0};
  if (!o) o = &def;
  static const degloss_session_options none = {0};
  if (!so) so = &none;
  if (o->style && !degloss_style_valid(o->style)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "", 0, 0, -1, "%s: unknown style (leipzig or plain)", o->style);
    return NULL;
  }
  /* the data and the settings, checked once now rather than on every request */
  degloss_session_options check = *so;
  check.jobs = 1;
  check.progress = NULL;
  degloss_session *s = degloss_session_new(&check, err);
  if (!s) return NULL;
  degloss_session_free(s);

  degloss_server *srv = calloc(1, sizeof *srv);
  if (!srv) {
    dg_error_set(err, DEGLOSS_ERR_IO, "", 0, 0, -1, "out of memory");
    return NULL;
  }
  srv->so = so;
  srv->style = o->style && strcmp(o->style, "plain") == 0 ? "plain" : o->style ? "leipzig" : NULL;
  srv->max_body = o->max_body ? o->max_body : S_DEFAULT_MAX_BODY;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  srv->cap = cpus > 1 ? (size_t)cpus : 1u;
  srv->engines = calloc(srv->cap, sizeof *srv->engines);
  pthread_mutex_init(&srv->lock, NULL);
  if (!srv->engines || sem_init(&srv->slots, 0, (unsigned)srv->cap) != 0) {
    dg_error_set(err, DEGLOSS_ERR_IO, "", 0, 0, -1, "cannot make the server's semaphore: %s", strerror(errno));
    S_free(srv);
    return NULL;
  }
  int family = AF_INET;
  int fd = S_listen(o->listen ? o->listen : S_DEFAULT_LISTEN, srv, &family, err);
  if (fd < 0) {
    sem_destroy(&srv->slots);
    S_free(srv);
    return NULL;
  }
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
  if (family == AF_INET6) flags |= MHD_USE_IPv6;
  srv->mhd = MHD_start_daemon(
      flags, 0, NULL, NULL, S_handle, srv, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)(o->max_connections ? o->max_connections : S_DEFAULT_CONNECTIONS),
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout ? o->timeout : S_DEFAULT_TIMEOUT),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256 * 1024),
      MHD_OPTION_NOTIFY_COMPLETED, S_completed, NULL, MHD_OPTION_END);
  if (!srv->mhd) {
    dg_error_set(err, DEGLOSS_ERR_IO, "", 0, 0, -1, "%s: the HTTP server did not start",
                 o->listen ? o->listen : S_DEFAULT_LISTEN);
    close(fd);
    sem_destroy(&srv->slots);
    S_free(srv);
    return NULL;
  }
  return srv;
}

const char *degloss_serve_url(const degloss_server *srv) {
  return srv->url;
}

int degloss_serve_is_loopback(const degloss_server *srv) {
  return srv->loopback;
}

void degloss_serve_stop(degloss_server *srv) {
  if (!srv) return;
  MHD_stop_daemon(srv->mhd); /* also closes the listening socket it was given */
  sem_destroy(&srv->slots);
  S_free(srv);
}
