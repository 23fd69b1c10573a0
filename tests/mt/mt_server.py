#!/usr/bin/env python3
"""A local stand-in for the MT providers degloss talks to (DeepL v2,
LibreTranslate, Google Cloud Translation v2, OpenAI-compatible chat
completions), for tests and benchmarks only.  Python standard library only.

Requests go to  /t/<ns>/<fault>/<provider path>  where <ns> is a namespace for
the statistics (one per test phase) and <fault> chooses the behaviour:

  ok            answer normally
  delayN        answer after N milliseconds
  r429          the first request of the namespace gets 429 + Retry-After: 1
  r429date      the same with Retry-After as an HTTP date 2 s ahead
  e500once      the first request gets 500, later ones are answered
  e503          every request gets 503
  q456          every request gets DeepL's 456 "Quota Exceeded"
  g403daily     Google's 403 dailyLimitExceeded, every time
  g403rate      Google's 403 userRateLimitExceeded on the first request
  l400          LibreTranslate's 400 {"error": ...}, every time
  hang          never answers (until the server stops)
  drip          200 with a long Content-Length, then one byte every 100 ms
  truncated     200 whose body stops after 40 of the announced bytes
  badjson       200 with a body that is not JSON
  wrongcount    200 with one translation fewer than texts (one more for one text)
  oversized     200 with a 6 MiB body
  keyecho       403 whose message quotes the key it got (clients must redact it)
  oamismatch    OpenAI: a batch of several sentences is answered one line short
  libstr        LibreTranslate: a single text is answered with a plain string
  escapes       200 whose translations carry terminal escapes (ESC ]0;... BEL,
                ESC [2J), CR/LF, a C1 control and a bidi override
  redirect      302 to plain http on the same server (namespace "<ns>-moved")

Every request is checked against the provider's documented format (method,
path, headers, body fields, batch limits, the expected fake key); what is
wrong is recorded as a violation and answered with 400.  A request whose
texts are exactly those of a recorded exchange (fixtures/<provider>.json)
must match the recorded request and gets the recorded answer; other texts
get a deterministic stand-in translation "[en] <text>".

GET /_stats/<ns> returns the namespace's counters as JSON, among them
"arrivals" (milliseconds since the namespace's first request at which each
request arrived, measured here, so tests can check retry spacing without a
wall-clock bound on the client) and "drip_cut" (drip answers the client
hung up on before they were complete).
"""
import argparse
import json
import os
import re
import ssl
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEYS = {
    "deepl": "test-key-XXXX-deepl:fx",
    "google": "test-key-XXXX-google",
    "libretranslate": "test-key-XXXX-libre",
    "openai": "test-key-XXXX-openai",
}
LIMITS = {  # texts per request, request body bytes
    "deepl": (50, 128 * 1024),
    "google": (128, 204800),
    "libretranslate": (50, 64 * 1024),
    "openai": (50, 64 * 1024),
}
HERE = os.path.dirname(os.path.abspath(__file__))
STOP = threading.Event()
LOCK = threading.Lock()
STATS = {}
FIXTURES = {}
TABLE = {}


def ns_stats(ns):
    s = STATS.get(ns)
    if s is None:
        s = STATS[ns] = {"requests": 0, "texts": 0, "batches": [], "inflight": 0,
                         "max_inflight": 0, "connections": 0, "violations": [],
                         "keyed": 0, "replayed": 0, "targets": [], "models": [],
                         "providers": [], "arrivals": [], "drip_cut": 0,
                         "t0": time.monotonic()}
    return s


def load_fixtures():
    for prov in KEYS:
        path = os.path.join(HERE, "fixtures", prov + ".json")
        with open(path, encoding="utf-8") as f:
            fx = json.load(f)
        FIXTURES[prov] = fx
        src = texts_of(prov, fx["request"]["body"])
        dst = answers_of(prov, fx["response"]["body"])
        assert len(src) == len(dst), path
        for a, b in zip(src, dst):
            TABLE[a] = b


def texts_of(prov, body):
    if prov == "deepl":
        return body["text"]
    if prov in ("google", "libretranslate"):
        q = body["q"]
        return [q] if isinstance(q, str) else q
    user = body["messages"][-1]["content"]
    return [re.sub(r"^\d+\. ", "", line) for line in user.splitlines() if line.strip()]


def answers_of(prov, body):
    if prov == "deepl":
        return [t["text"] for t in body["translations"]]
    if prov == "google":
        return [t["translatedText"] for t in body["data"]["translations"]]
    if prov == "libretranslate":
        t = body["translatedText"]
        return [t] if isinstance(t, str) else t
    content = body["choices"][0]["message"]["content"]
    return [re.sub(r"^\d+\. ", "", line) for line in content.splitlines() if line.strip()]


def translate(text):
    return TABLE.get(text, "[en] " + text)


def provider_of(path):
    for suffix, prov in (("/v2/translate", "deepl"), ("/language/translate/v2", "google"),
                         ("/v1/chat/completions", "openai"), ("/translate", "libretranslate")):
        if path.endswith(suffix):
            return prov, path[: -len(suffix)]
    return None, None


def check(prov, headers, raw, body, problems):
    """The request against the provider's documented format."""
    key = KEYS[prov]
    limit_texts, limit_bytes = LIMITS[prov]
    keyed = False
    if not (headers.get("Content-Type") or "").startswith("application/json"):
        problems.append("Content-Type is not application/json")
    if len(raw) > limit_bytes:
        problems.append(f"body of {len(raw)} bytes over the limit of {limit_bytes}")
    if not isinstance(body, dict):
        problems.append("body is not a JSON object")
        return [], keyed
    if prov == "deepl":
        auth = headers.get("Authorization")
        if auth != "DeepL-Auth-Key " + key:
            problems.append("Authorization is not 'DeepL-Auth-Key <key>'")
        else:
            keyed = True
        extra = set(body) - {"text", "source_lang", "target_lang"}
        if extra:
            problems.append(f"unexpected fields {sorted(extra)}")
        if body.get("source_lang") != "DE":
            problems.append("source_lang is not DE")
        if body.get("target_lang") not in ("EN-US", "EN-GB"):
            problems.append("target_lang is not EN-US or EN-GB")
        texts = body.get("text")
    elif prov in ("google", "libretranslate"):
        if prov == "google":
            if headers.get("X-goog-api-key") != key:
                problems.append("X-goog-api-key is not the key")
            else:
                keyed = True
            extra = set(body) - {"q", "source", "target", "format"}
        else:
            if "api_key" in body:
                if body["api_key"] != key:
                    problems.append("api_key is not the key")
                else:
                    keyed = True
            extra = set(body) - {"q", "source", "target", "format", "api_key"}
        if extra:
            problems.append(f"unexpected fields {sorted(extra)}")
        if body.get("source") != "de" or body.get("target") != "en":
            problems.append("source/target are not de/en")
        if body.get("format") != "text":
            problems.append("format is not text")
        texts = body.get("q")
        if isinstance(texts, str):
            texts = [texts]
    else:
        auth = headers.get("Authorization")
        if auth is not None:
            if auth != "Bearer " + key:
                problems.append("Authorization is not 'Bearer <key>'")
            else:
                keyed = True
        if not isinstance(body.get("model"), str) or not body["model"]:
            problems.append("model missing")
        if body.get("temperature") != 0:
            problems.append("temperature is not 0")
        msgs = body.get("messages")
        if (not isinstance(msgs, list) or len(msgs) != 2 or msgs[0].get("role") != "system"
                or msgs[1].get("role") != "user" or not isinstance(msgs[1].get("content"), str)):
            problems.append("messages are not [system, user]")
            return [], keyed
        lines = [l for l in msgs[1]["content"].split("\n") if l]
        texts = []
        for i, line in enumerate(lines, 1):
            m = re.match(r"^(\d+)\. (.*)$", line)
            if not m or int(m.group(1)) != i:
                problems.append(f"user line {i} is not numbered {i}")
                return [], keyed
            texts.append(m.group(2))
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        problems.append("texts are not a non-empty list of strings")
        return [], keyed
    if len(texts) > limit_texts:
        problems.append(f"{len(texts)} texts over the limit of {limit_texts}")
    return texts, keyed


HOSTILE = "\x1b]0;owned\x07\x1b[2J\rFAKE LINE\ndegloss: all fine\u009b31m \u202eevil"


def answer_body(prov, texts, body, fault):
    out = [translate(t) for t in texts]
    if fault == "escapes":
        out = [t + " " + HOSTILE for t in out]
    if fault == "wrongcount":
        out = out[:-1] if len(out) > 1 else out + ["extra"]
    if prov == "deepl":
        return {"translations": [{"detected_source_language": "DE", "text": t} for t in out]}
    if prov == "google":
        return {"data": {"translations": [{"translatedText": t} for t in out]}}
    if prov == "libretranslate":
        if (isinstance(body.get("q"), str) or fault == "libstr") and len(out) == 1:
            return {"translatedText": out[0]}
        return {"translatedText": out}
    if fault == "oamismatch" and len(out) > 1:
        out = out[:-1]
    content = "\n".join(f"{i}. {t}" for i, t in enumerate(out, 1))
    return {"id": "chatcmpl-test", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so clients can reuse connections
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server_version = "mt-test-server/1"

    def log_message(self, fmt, *args):
        pass

    def setup(self):
        super().setup()
        self.conn_counted = set()

    def send_json(self, status, obj, extra_headers=None):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        m = re.match(r"^/_stats/([\w.-]+)$", self.path)
        if not m:
            t = re.match(r"^/t/([\w.-]+)/", self.path)
            if t:
                self.violation(t.group(1), f"method GET for {self.path}")
            self.send_json(405, {"message": "test server: only POST is served"})
            return
        with LOCK:
            s = dict(ns_stats(m.group(1)))
        self.send_json(200, s)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = self.path
        proxied = re.match(r"^http://([^/]+)(/.*)$", path)  # we were asked as a proxy
        if proxied:
            path = proxied.group(2)
        m = re.match(r"^/t/([\w.-]+)/([\w]+)(/.*)$", path)
        if not m:
            self.send_json(404, {"message": "test server: use /t/<ns>/<fault>/<path>"})
            return
        ns, fault, rest = m.groups()
        prov, _ = provider_of(rest)
        with LOCK:
            s = ns_stats(ns)
            s["requests"] += 1
            s["arrivals"].append(round((time.monotonic() - s["t0"]) * 1000))
            nth = s["requests"]
            s["inflight"] += 1
            s["max_inflight"] = max(s["max_inflight"], s["inflight"])
            if proxied:
                s.setdefault("proxied_hosts", []).append(proxied.group(1))
            if ns not in self.conn_counted:
                self.conn_counted.add(ns)
                s["connections"] += 1
        try:
            self.serve(ns, fault, prov, rest, raw, nth)
        finally:
            with LOCK:
                ns_stats(ns)["inflight"] -= 1

    def violation(self, ns, text):
        with LOCK:
            ns_stats(ns)["violations"].append(text)

    def serve(self, ns, fault, prov, rest, raw, nth):
        if prov is None:
            self.violation(ns, f"unknown path {rest}")
            self.send_json(404, {"message": "not found"})
            return
        if "?" in rest:
            self.violation(ns, "query string in the URL")
        problems = []
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            body = None
            problems.append("body is not UTF-8 JSON")
        texts, keyed = check(prov, self.headers, raw, body, problems) if body is not None else ([], False)
        with LOCK:
            s = ns_stats(ns)
            s["texts"] += len(texts)
            s["batches"].append(len(texts))
            s["keyed"] += 1 if keyed else 0
            if prov not in s["providers"]:
                s["providers"].append(prov)
            if isinstance(body, dict):
                tgt = body.get("target_lang") or body.get("target")
                if tgt and tgt not in s["targets"]:
                    s["targets"].append(tgt)
                if body.get("model") and body["model"] not in s["models"]:
                    s["models"].append(body["model"])
        if problems:
            for p in problems:
                self.violation(ns, f"{prov}: {p}")
            self.send_json(400, {"message": "test server: " + "; ".join(problems),
                                 "error": "test server: " + "; ".join(problems)})
            return

        fx = FIXTURES[prov]
        if texts == texts_of(prov, fx["request"]["body"]):
            want = dict(fx["request"]["body"])
            for k in ("api_key",):  # optional fields
                if k not in body:
                    want.pop(k, None)
            if prov == "deepl":
                want["target_lang"] = body.get("target_lang")
            if body != want:
                self.violation(ns, f"{prov}: request differs from the recorded exchange")
            with LOCK:
                ns_stats(ns)["replayed"] += 1

        if fault.startswith("delay"):
            time.sleep(int(fault[5:] or "0") / 1000.0)
        errors = load_errors()
        if fault == "r429" and nth == 1:
            e = errors["deepl_429"]
            self.send_json(429, e["body"], e["headers"])
            return
        if fault == "r429date" and nth == 1:  # Retry-After as an HTTP date, 2 s ahead
            self.send_json(429, {"message": "Too many requests"},
                           {"Retry-After": formatdate(time.time() + 2, usegmt=True)})
            return
        if fault == "e500once" and nth == 1:
            self.send_json(500, {"message": "Internal Server Error"})
            return
        if fault == "e503":
            self.send_json(503, errors["deepl_503"]["body"])
            return
        if fault == "q456":
            self.send_json(456, errors["deepl_456"]["body"])
            return
        if fault == "g403daily":
            self.send_json(403, errors["google_403_daily"]["body"])
            return
        if fault == "g403rate" and nth == 1:
            self.send_json(403, errors["google_403_rate"]["body"])
            return
        if fault == "l400":
            self.send_json(400, errors["libre_400"]["body"])
            return
        if fault == "keyecho":
            got = self.headers.get("Authorization") or self.headers.get("X-goog-api-key") or ""
            if isinstance(body, dict) and body.get("api_key"):
                got = body["api_key"]
            msg = f"Invalid key: '{got}'"
            if prov == "libretranslate":
                self.send_json(403, {"error": msg})
            elif prov == "deepl":
                self.send_json(403, {"message": msg})
            else:
                self.send_json(403, {"error": {"code": 403, "message": msg}})
            return
        if fault == "redirect":
            port = self.server.server_address[1]
            self.send_json(302, {"message": "moved"},
                           {"Location": f"http://[::ffff:127.0.0.1]:{port}/t/{ns}-moved/ok{rest}"})
            return
        if fault == "hang":
            STOP.wait(30)
            self.close_connection = True
            return
        if fault == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(300):
                    if STOP.is_set():
                        break
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:  # the client gave up before the answer was complete
                with LOCK:
                    ns_stats(ns)["drip_cut"] += 1
            self.close_connection = True
            return
        if fault == "truncated":
            data = json.dumps(answer_body(prov, texts, body, "ok")).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 100))
            self.end_headers()
            self.wfile.write(data[:40])
            self.wfile.flush()
            self.close_connection = True
            return
        if fault == "badjson":
            data = b'{"translations": [{"text": "Half an ans'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if fault == "oversized":
            size = 6 << 20
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"[" * 65536
            try:
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        if texts == texts_of(prov, fx["request"]["body"]) and fault == "ok":
            self.send_json(fx["response"]["status"], fx["response"]["body"])
            return
        self.send_json(200, answer_body(prov, texts, body, fault))


_ERRORS = None


def load_errors():
    global _ERRORS
    if _ERRORS is None:
        with open(os.path.join(HERE, "fixtures", "errors.json"), encoding="utf-8") as f:
            _ERRORS = json.load(f)
    return _ERRORS


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port-file", required=True,
                    help="where to write 'PORT TLSPORT' once listening")
    args = ap.parse_args()
    load_fixtures()
    plain = Server(("127.0.0.1", 0), Handler)
    tls = Server(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(HERE, "tls", "server.pem"),
                        os.path.join(HERE, "tls", "server.key"))
    tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
    for srv in (plain, tls):
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{plain.server_address[1]} {tls.server_address[1]}\n")
    os.replace(tmp, args.port_file)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        STOP.set()


if __name__ == "__main__":
    sys.exit(main())
