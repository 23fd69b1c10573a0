#!/usr/bin/env python3
"""Tests of `degloss serve`, the web app's server: it prints its URL, answers
POST /api/gloss with {"sentences": [...]} whose items are the jsonl format's
sentence objects (checked against the schema), refuses bad requests with JSON
errors (400 bad JSON or options, 413 too large by Content-Length or by the
bytes sent, 415 unknown document types, 404, 405, 400 for a document its
reader cannot read), glosses document bodies (HTML, Markdown, PDF, DOCX, by
type or by content) as the CLI does, takes the subject ("domain", ?domain=,
serve --domain; GET /api/subjects lists them; an unknown one is 400 naming
the known ones), serves the page, warns on a non-loopback
address, and 20 clients at once for a few seconds all succeed.

usage: serve_test.py DEGLOSS SCHEMA
SPDX-License-Identifier: GPL-3.0-or-later"""
import http.client
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import jsonschema
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

EXE, SCHEMA = sys.argv[1], sys.argv[2]


def start(*args):
    """Start the server; return (process, host, port) once it printed its URL."""
    p = subprocess.Popen([EXE, "serve", "--no-config", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([p.stdout], [], [], 20)
    if not ready:
        p.kill()
        sys.exit("FAIL: no URL within 20 s")
    url = p.stdout.readline().strip()
    u = urllib.parse.urlsplit(url)
    if u.scheme != "http" or not u.port or url != f"http://{u.hostname}:{u.port}/":
        p.kill()
        sys.exit(f"FAIL: bad URL line {url!r}: {p.stderr.read()}")
    return p, u.hostname, u.port


def stop(p):
    p.send_signal(signal.SIGTERM)
    rc = p.wait(timeout=10)
    err = p.stderr.read()
    check(rc == 0, f"the server exits 0 on SIGTERM, not {rc}: {err[-9000:]}")
    return err


def request(host, port, method, path, body=None, headers=None, chunked=False):
    c = http.client.HTTPConnection(host, port, timeout=20)
    if chunked:
        c.putrequest(method, path)
        for k, v in (headers or {}).items():
            c.putheader(k, v)
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        try:
            for i in range(0, len(body), 65536):
                piece = body[i:i + 65536]
                c.send(b"%x\r\n" % len(piece) + piece + b"\r\n")
            c.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered 413 and closed before the rest
    else:
        c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, r.getheader("Content-Type") or "", data


def api(host, port, obj, ctype="application/json", raw=None):
    body = raw if raw is not None else json.dumps(obj).encode()
    return request(host, port, "POST", "/api/gloss", body, {"Content-Type": ctype})


def error_of(status, ctype, data, want, what):
    check(status == want, f"{what}: status {status}, want {want} ({data[:200]!r})")
    check(ctype.startswith("application/json"), f"{what}: JSON error, not {ctype}")
    try:
        obj = json.loads(data)
        check(set(obj) == {"error"} and isinstance(obj["error"], str) and obj["error"],
              f"{what}: body is {{\"error\": ...}}: {obj}")
        return obj["error"]
    except ValueError:
        check(False, f"{what}: error body is JSON: {data[:200]!r}")
        return ""


def main():
    schema = json.load(open(SCHEMA, encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    p, host, port = start("--listen", "127.0.0.1:0", "--max-body", "100K")
    try:
        # the same JSONL as the command line
        text = "Die Telefongespräche wurden gestern abgesagt. Der Hund bellt."
        cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl"], input=text, capture_output=True,
                             text=True, check=True).stdout
        want = [json.loads(line) for line in cli.splitlines()]
        status, ctype, data = api(host, port, {"text": text})
        check(status == 200 and ctype.startswith("application/json"), f"gloss: {status} {ctype}")
        got = json.loads(data)
        check(list(got) == ["sentences"], "the answer has one key, sentences")
        check(got["sentences"] == want, "the sentences are the CLI's jsonl lines")
        check(len(got["sentences"]) == 2, "two sentences")
        errors = list(validator.iter_errors(got))
        check(not errors, f"the answer fits the schema: {errors[:1]}")
        for s in got["sentences"]:
            errors = list(validator.iter_errors(s))
            check(not errors, f"each sentence fits the schema's sentence: {errors[:1]}")
        # no state between requests: after a software text (its subject is
        # software, and it would give "Verzeichnis" its software sense), a
        # text glossed on the same engines is the CLI's fresh run again
        soft = ("Installieren Sie das Programm auf dem Rechner. Der Compiler übersetzt den Quelltext. "
                "Der Server lädt die Datei herunter. Speichern Sie die Daten im Verzeichnis des Benutzers.")
        status, _, data = api(host, port, {"text": soft})
        check(status == 200 and json.loads(data)["sentences"][-1].get("subject") == "software",
              "a software text's subject is software")
        plain_dir = "Das Verzeichnis der Mitglieder liegt aus. Die Telefongespräche wurden abgesagt."
        fresh = [json.loads(x) for x in subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl"], input=plain_dir,
                                                        capture_output=True, text=True, check=True).stdout.splitlines()]
        for k in range(4):  # every engine of the pool has seen the software text by now
            status, _, data = api(host, port, {"text": soft})
            status, _, data = api(host, port, {"text": plain_dir})
            check(status == 200 and json.loads(data)["sentences"] == fresh,
                  f"request {k + 1} after a software text: nothing of it carried over")
        # style plain: the CLI's -s plain
        cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl", "-s", "plain"], input=text,
                             capture_output=True, text=True, check=True).stdout
        status, _, data = api(host, port, {"text": text, "style": "plain", "translate": False})
        check(status == 200 and json.loads(data)["sentences"] == [json.loads(x) for x in cli.splitlines()],
              "style plain is the CLI's -s plain")
        # text/plain: the body is the text
        status, _, data = api(host, port, None, "text/plain; charset=utf-8", text.encode())
        check(status == 200 and json.loads(data)["sentences"] == want, "text/plain body")
        # a translation given line by line
        status, _, data = api(host, port, {"text": "Der Hund bellt.\nDie Katze schläft.",
                                           "translation": "The dog barks.\nThe cat sleeps."})
        check(status == 200, f"translation: {status} {data[:200]!r}")
        if status == 200:
            sents = json.loads(data)["sentences"]
            check([s.get("translation", {}).get("text") for s in sents] == ["The dog barks.", "The cat sleeps."],
                  f"the translation lines are the sentences' translations: {sents}")
            # the same as `degloss -i lines --translation FILE` (whose "line" key the
            # schema does not list yet, so this answer is compared, not validated)
            tr = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"serve-test-{os.getpid()}.txt")
            with open(tr, "w", encoding="utf-8") as f:
                f.write("The dog barks.\nThe cat sleeps.")
            try:
                cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl", "-i", "lines", "--translation", tr],
                                     input="Der Hund bellt.\nDie Katze schläft.", capture_output=True,
                                     text=True, check=True).stdout
            finally:
                os.unlink(tr)
            check(sents == [json.loads(x) for x in cli.splitlines()], "translation: the CLI's -i lines --translation")
        error_of(*api(host, port, {"text": "Ein Satz.\nZwei.", "translation": "One line."}), 400,
                 "translation with the wrong number of lines")
        # empty text: no sentences
        status, _, data = api(host, port, {"text": ""})
        check(status == 200 and json.loads(data) == {"sentences": []}, f"empty text: {data!r}")

        # bad requests
        error_of(*api(host, port, None, raw=b'{"text": "Der Hund'), 400, "bad JSON")
        error_of(*api(host, port, None, raw=b'\xff\xfe'), 400, "not UTF-8 JSON")
        error_of(*api(host, port, ["Der Hund"]), 400, "not an object")
        error_of(*api(host, port, {"style": "plain"}), 400, "no text")
        error_of(*api(host, port, {"text": 5}), 400, "text not a string")
        msg = error_of(*api(host, port, {"text": "x", "style": "fancy"}), 400, "bad style")
        check("style" in msg, f"the error names the style: {msg}")
        error_of(*api(host, port, {"text": "x", "translate": "yes"}), 400, "translate not a boolean")
        error_of(*api(host, port, {"text": "x", "colour": 1}), 400, "unknown key")
        error_of(*api(host, port, {"text": "a\u0000b"}), 400, "NUL in the text")
        msg = error_of(*api(host, port, None, "application/pdf", b"%PDF-1.4"), 400, "a truncated PDF")
        check("PDF" in msg, f"the truncated PDF's message: {msg}")
        error_of(*api(host, port, None, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      b"PK\x03\x04 not a zip"), 400, "a broken DOCX")
        msg = error_of(*api(host, port, None, "image/png", b"\x89PNG\r\n"), 415, "PNG content type")
        check("document type" in msg, f"415 names the document types: {msg}")
        error_of(*api(host, port, None, "application/x-www-form-urlencoded", b"text=x"), 415, "form post")
        big = json.dumps({"text": "Der Hund bellt. " * 10000}).encode()  # 160 KB > 100K
        error_of(*api(host, port, None, raw=big), 413, "too large by Content-Length")
        error_of(*request(host, port, "POST", "/api/gloss", big, {"Content-Type": "application/json"},
                          chunked=True), 413, "too large by the bytes sent (chunked)")
        error_of(*request(host, port, "GET", "/nothing/here"), 404, "unknown path")
        error_of(*request(host, port, "GET", "/api"), 404, "unknown API path")
        error_of(*request(host, port, "GET", "/api/gloss"), 405, "GET /api/gloss")
        error_of(*request(host, port, "POST", "/", b"x", {"Content-Type": "text/plain"}), 405, "POST /")
        # documents: the body is the file, its Content-Type picks the reader;
        # the sentences are those of degloss -f jsonl FILE
        docs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "document")
        for name, ctype in (("artikel.html", "text/html"), ("notiz.md", "text/markdown"),
                            ("zeitung.pdf", "application/pdf"),
                            ("bericht.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                            ("bericht.docx", "application/octet-stream")):
            path = os.path.join(docs, name)
            with open(path, "rb") as f:
                body = f.read()
            cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl", path], capture_output=True, check=True).stdout
            status, _, data = api(host, port, None, ctype, body)
            got = json.loads(data).get("sentences") if status == 200 else None
            check(got == [json.loads(x) for x in cli.splitlines()], f"{name} as {ctype}: {status} {data[:200]!r}")
            errors = [e.message for s in got or [] for e in validator.iter_errors(s)]
            check(not errors, f"{name}: schema: {errors[:3]}")
            check(got and all("<" not in t["form"] for s in got for t in s["tokens"]), f"{name}: no markup glossed")
        # a text or document body takes style and translate from the query
        c = http.client.HTTPConnection(host, port, timeout=20)
        c.request("POST", "/api/gloss?style=plain", "Sie rief an.".encode(), {"Content-Type": "text/plain"})
        r = c.getresponse()
        r.read()
        check(r.status == 200 and r.getheader("X-Degloss-Style") == "plain", "?style=plain for a text body")
        c.close()
        error_of(*request(host, port, "POST", "/api/gloss?style=fancy", b"x", {"Content-Type": "text/plain"}),
                 400, "a bad ?style=")
        # the subject: "domain" in the JSON request or ?domain= for a text
        # body, checked against the data's subjects (GET /api/subjects)
        status, ctype, data = request(host, port, "GET", "/api/subjects")
        subj = json.loads(data) if status == 200 else {}
        check(status == 200 and ctype.startswith("application/json") and "software" in subj.get("subjects", [])
              and "law" in subj.get("subjects", []) and subj.get("domain") is None,
              f"GET /api/subjects lists the subjects, no server default: {status} {data[:200]!r}")
        error_of(*request(host, port, "POST", "/api/subjects", b"x", {"Content-Type": "text/plain"}), 405,
                 "POST /api/subjects")
        dtext = "Das Verzeichnis ist leer. Die Gewährleistung gilt zwei Jahre."

        def glosses(sentences, forms=("Verzeichnis", "Gewährleistung")):
            return [(s.get("subject"), t["gloss"]) for s in sentences for t in s["tokens"] if t["form"] in forms]

        for dom, want_g in (("software", [("software", "directory"), ("software", "ensuring")]),
                            ("law", [("law", "schedule"), ("law", "warranty")])):
            status, _, data = api(host, port, {"text": dtext, "domain": dom})
            got = json.loads(data)["sentences"] if status == 200 else []
            cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl", "--domain", dom], input=dtext,
                                 capture_output=True, text=True, check=True).stdout
            check(got == [json.loads(x) for x in cli.splitlines()] and glosses(got) == want_g,
                  f"domain {dom}: the CLI's --domain {dom} output: {status} {glosses(got)}")
        # the next request without one is inferred again (the engine is lent
        # from request to request: nothing of the last subject stays)
        status, _, data = api(host, port, {"text": dtext})
        got = json.loads(data)["sentences"] if status == 200 else []
        check(glosses(got) == [(None, "schedule"), (None, "ensuring")], f"no domain after a domain: {glosses(got)}")
        status, _, data = api(host, port, {"text": dtext, "domain": ""})
        check(status == 200 and glosses(json.loads(data)["sentences"])[0] == (None, "schedule"),
              "domain \"\": inferred")
        msg = error_of(*api(host, port, {"text": "x", "domain": "astrology"}), 400, "an unknown domain")
        check("unknown subject 'astrology'" in msg and "software" in msg and "law" in msg,
              f"the unknown domain's message names the known subjects: {msg}")
        msg = error_of(*api(host, port, {"text": "x", "domain": 7}), 400, "domain not a string")
        check("domain" in msg, f"the error names the domain: {msg}")
        status, _, data = request(host, port, "POST", "/api/gloss?domain=software", dtext.encode(),
                                  {"Content-Type": "text/plain"})
        check(status == 200 and glosses(json.loads(data)["sentences"])[0] == ("software", "directory"),
              f"?domain=software for a text body: {status} {data[:200]!r}")
        error_of(*request(host, port, "POST", "/api/gloss?domain=astrology", b"x", {"Content-Type": "text/plain"}),
                 400, "a bad ?domain=")
        # after all that the server still works
        status, _, data = api(host, port, {"text": text})
        check(status == 200 and json.loads(data)["sentences"] == want, "still serving after bad requests")

        # the page: self-contained
        status, ctype, data = request(host, port, "GET", "/")
        page = data.decode()
        check(status == 200 and ctype.startswith("text/html"), f"GET /: {status} {ctype}")
        check("/api/gloss" in page and "<script>" in page and "<style>" in page, "page has its script and style")
        for ext in ("src=\"http", "href=\"http", "<link", "src=\"//", "@import"):
            check(ext not in page, f"page loads nothing from elsewhere ({ext})")
        status, _, _ = request(host, port, "GET", "/?text=Der%20Hund")
        check(status == 200, "GET /?text= is the page")

        # 20 clients at once for a few seconds, no failed request
        texts = ["Der Hund bellt.", "Die Katze schläft auf dem Sofa.", "Sie rief gestern an.",
                 "Das Telefongespräch dauerte eine Stunde."]
        expect = {}
        for t in texts:
            status, _, data = api(host, port, {"text": t})
            expect[t] = json.loads(data)
        counts, failures = [0], []
        lock = threading.Lock()
        deadline = time.monotonic() + 4

        def client(k):
            n = 0
            while time.monotonic() < deadline:
                t = texts[(k + n) % len(texts)]
                try:
                    status, _, data = api(host, port, {"text": t})
                    if status != 200 or json.loads(data) != expect[t]:
                        with lock:
                            failures.append(f"{status} {data[:100]!r}")
                except Exception as e:  # noqa: BLE001 - any failure counts
                    with lock:
                        failures.append(repr(e))
                n += 1
            with lock:
                counts[0] += n

        threads = [threading.Thread(target=client, args=(k,)) for k in range(20)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        print(f"concurrency: {counts[0]} requests from 20 clients, {len(failures)} failed", flush=True)
        check(not failures, f"no failed request under load: {failures[:3]}")
        check(counts[0] >= 40, f"the server kept up: {counts[0]} requests")
    finally:
        err = stop(p)
    check("warning" not in err, f"no warning on loopback: {err!r}")

    # the server's --style is the default of requests that name none
    p, host, port = start("--listen", "127.0.0.1:0", "--style", "plain")
    cli = subprocess.run([EXE, "--no-config", "--senses", "-f", "jsonl", "-s", "plain"], input="Sie rief an.",
                         capture_output=True, text=True, check=True).stdout
    c = http.client.HTTPConnection(host, port, timeout=20)
    c.request("POST", "/api/gloss", json.dumps({"text": "Sie rief an."}), {"Content-Type": "application/json"})
    r = c.getresponse()
    data = r.read()
    check(r.status == 200 and r.getheader("X-Degloss-Style") == "plain", "--style plain: X-Degloss-Style")
    check(json.loads(data)["sentences"] == [json.loads(x) for x in cli.splitlines()], "--style plain is the default")
    c.close()
    status, _, data = api(host, port, {"text": "Sie rief an.", "style": "leipzig"})
    check(status == 200, "a request's style wins over the server's")
    stop(p)

    # serve --domain law: the server's subject, shown by GET /api/subjects,
    # for every request that names none; a request's own wins, "" infers
    p, host, port = start("--listen", "127.0.0.1:0", "--domain", "law")
    status, _, data = request(host, port, "GET", "/api/subjects")
    check(status == 200 and json.loads(data).get("domain") == "law", f"--domain law: GET /api/subjects {data!r}")
    dtext = "Die Gewährleistung gilt zwei Jahre."
    for req, want in (({"text": dtext}, ("law", "warranty")), ({"text": dtext, "domain": ""}, (None, "ensuring")),
                      ({"text": dtext, "domain": "software"}, ("software", "ensuring")),
                      ({"text": dtext}, ("law", "warranty"))):
        status, _, data = api(host, port, req)
        got = [(x.get("subject"), t["gloss"]) for x in json.loads(data).get("sentences", []) for t in x["tokens"]
               if t["form"] == "Gewährleistung"] if status == 200 else []
        check(got == [want], f"--domain law, request {req.get('domain')!r}: {status} {got}")
    stop(p)
    p = subprocess.run([EXE, "serve", "--no-config", "--listen", "127.0.0.1:0", "--domain", "astrology"],
                       capture_output=True, text=True, timeout=30)
    check(p.returncode != 0 and "unknown subject 'astrology'" in p.stderr,
          f"serve --domain astrology is refused at start: {p.returncode} {p.stderr[-300:]}")

    # a non-loopback address warns
    p, host, port = start("--listen", "0.0.0.0:0")
    status, _, _ = api("127.0.0.1", port, {"text": "Hallo."})
    check(status == 200, "serving on 0.0.0.0")
    err = stop(p)
    check("warning" in err and "loopback" in err, f"warning for 0.0.0.0: {err!r}")

    # bad --listen and --max-body: usage errors
    for args in (["--listen", "nonsense"], ["--listen", "127.0.0.1:99999"], ["--max-body", "lots"],
                 ["--listen"]):
        r = subprocess.run([EXE, "serve", "--no-config", *args], capture_output=True, text=True, timeout=20)
        check(r.returncode == 2 and r.stderr.startswith("degloss:") and not r.stdout,
              f"serve {' '.join(args)}: exit 2 with a message, got {r.returncode} {r.stderr!r}")
    r = subprocess.run([EXE, "serve", "--no-config", "somefile.txt"], capture_output=True, text=True, timeout=20)
    check(r.returncode == 2, "serve takes no files")

    return summary()


if __name__ == "__main__":
    sys.exit(main())
