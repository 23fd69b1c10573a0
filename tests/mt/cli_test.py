#!/usr/bin/env python3
"""Command-line tests of sentence translation: the degloss program against the
local MT test server.  Run through with_server.py:

    with_server.py python3 cli_test.py PATH/TO/degloss CASE

Asserts what users see: every sentence is glossed whether or not MT works,
translations or translation_error per sentence, one summary line on stderr,
exit code 1 when a translation failed, a second run served from the cache,
and no key anywhere."""
import json
import os
import stat
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

KEY = "test-key-XXXX-deepl:fx"
HERE = os.path.dirname(os.path.abspath(__file__))
PORT = os.environ["MT_TEST_PORT"]
SCRATCH = os.environ["MT_TEST_DIR"]

TEXT = """Der Kreml bestätigte am Montag, dass die Vereinigten Staaten Moskaus Unterstützung für einen 30-tägigen Waffenstillstand anstreben. Russlands umfassende Invasion in der Ukraine begann 2022.

Moskaus Zurückhaltung gegenüber dem US-Waffenstillstandsvorschlag

Zudem stellte er die Frage, wie eine solche Waffenruhe durchgesetzt werden könnte. Die Gespräche gehen am Dienstag weiter.
"""


def fixture_table():
    table = {}
    with open(os.path.join(HERE, "fixtures", "deepl.json"), encoding="utf-8") as f:
        fx = json.load(f)
    for de, en in zip(fx["request"]["body"]["text"], fx["response"]["body"]["translations"]):
        table[de] = en["text"]
    return table


def expected(text):
    return fixture_table().get(text, "[en] " + text)


def stats(ns):
    import urllib.request
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/_stats/{ns}", timeout=10) as r:
        return json.load(r)


def run(degloss, args, env_extra=None, text=TEXT):
    path = os.path.join(SCRATCH, "in.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    env = dict(os.environ)
    env.update(env_extra or {})
    p = subprocess.run([degloss, "--no-config"] + args + [path], capture_output=True, env=env,
                       timeout=120)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    check(KEY not in out and KEY not in err, "the key appears in the output")
    return p.returncode, out, err


def sentences(out):
    lines = [l for l in out.splitlines() if l.strip()]
    objs = []
    for l in lines:
        try:
            objs.append(json.loads(l))
        except ValueError:
            check(False, f"not a JSON line: {l[:80]}")
    check(len(objs) >= 5, f"{len(objs)} sentences, want at least 5")
    for s in objs:
        toks = s.get("tokens", [])
        check(len(toks) > 0, f"sentence without tokens: {s.get('text', '')[:60]}")
        check(any(isinstance(t.get("gloss"), str) and t["gloss"] for t in toks),
              f"sentence not glossed: {s.get('text', '')[:60]}")
    return objs


def why(err, ns=None):
    """What a failure message needs: the end of stderr (where the client's
    last answer is logged) and the test server's own violation reports."""
    text = f"stderr ...{err[-400:]!r}"
    if ns is not None:
        try:
            text += f"; server violations: {stats(ns)['violations']}"
        except OSError as e:
            text += f"; server stats unavailable: {e}"
    return text


def url(ns, fault):
    return f"http://127.0.0.1:{PORT}/t/{ns}/{fault}"


def mt_args(ns, fault, *more):
    return ["--format", "jsonl", "--translate", "deepl", "--mt-url", url(ns, fault)] + list(more)


ENV = {"DEEPL_AUTH_KEY": KEY}


def case_ok(degloss):
    rc, out, err = run(degloss, mt_args("ok", "ok", "--no-cache"), ENV)
    check(rc == 0, f"exit {rc}, want 0; {why(err, 'ok')}")
    for s in sentences(out):
        tr = s.get("translation")
        check(tr is not None, f"no translation for: {s['text'][:60]}")
        if tr:
            check(tr.get("text") == expected(s["text"]), f"translation {tr.get('text')!r}")
            check(tr.get("provider") == "deepl" and tr.get("cached") is False, f"fields {tr}")
        check("translation_error" not in s, "unexpected translation_error")
    check("degloss: translation:" not in err, "no summary when all worked")
    st = stats("ok")
    check(st["requests"] >= 1 and not st["violations"], f"server: {st['requests']} requests, "
          f"violations {st['violations']}")


def failing(degloss, ns, fault, status, needle, *more):
    rc, out, err = run(degloss, mt_args(ns, fault, "--no-cache", *more), ENV)
    check(rc == 1, f"{fault}: exit {rc}, want 1 (partial); {why(err, ns)}")
    objs = sentences(out)
    for s in objs:
        te = s.get("translation_error")
        check("translation" not in s, f"{fault}: translation despite failure")
        check(te is not None, f"{fault}: no translation_error for {s.get('text', '')[:50]}")
        if te:
            check(te.get("provider") == "deepl", f"{fault}: provider {te.get('provider')}")
            check(te.get("status") == status, f"{fault}: status {te.get('status')}, want {status}")
            check(needle in (te.get("message") or ""), f"{fault}: message {te.get('message')!r}")
    summary = [l for l in err.splitlines() if l.startswith("degloss: translation:")]
    check(len(summary) == 1, f"{fault}: {len(summary)} summary lines on stderr: {err[:300]}")
    if summary:
        want = f"degloss: translation: {len(objs)} of {len(objs)} sentences failed (deepl: "
        check(summary[0].startswith(want) and needle in summary[0], f"{fault}: summary {summary[0]!r}")


def case_quota(degloss):
    failing(degloss, "q", "q456", 456, "quota exceeded")


def case_hang(degloss):
    failing(degloss, "h", "hang", 0, "timed out", "--mt-timeout", "0.5")


def case_badjson(degloss):
    failing(degloss, "b", "badjson", 0, "invalid JSON")


def case_cache(degloss):
    cache = os.path.join(SCRATCH, "cache")
    rc, out, err = run(degloss, mt_args("c", "ok", "--cache-dir", cache), ENV)
    check(rc == 0, f"first run exit {rc}; {why(err, 'c')}")
    first = stats("c")["requests"]
    check(first >= 1, "first run asked the server")
    rc, out, err = run(degloss, mt_args("c", "ok", "--cache-dir", cache), ENV)
    check(rc == 0, f"second run exit {rc}; {why(err, 'c')}")
    check(stats("c")["requests"] == first, "the second run made requests")
    for s in sentences(out):
        tr = s.get("translation") or {}
        check(tr.get("cached") is True and tr.get("text") == expected(s["text"]),
              f"second run: {tr}")
    for root, _, files in os.walk(cache):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                check(KEY.encode() not in f.read(), "the key is in the cache")
    # --mt-cache-compact: one line with the sizes before and after, exit 0
    path = os.path.join(cache, "mt-cache-v1.txt")
    with open(path, "rb") as f:
        data = f.read()
    total = data.count(b"\n")  # a run that used old entries wrote them again
    lines = len(set(data.splitlines()))
    with open(path, "ab") as f:  # a superseded copy of every line
        f.write(data)
    rc, out, err = run(degloss, ["--cache-dir", cache, "--mt-cache-compact"], ENV)
    check(rc == 0, f"compact exit {rc}: {err}")
    want = f"before: {2 * total} lines, {lines} entries,"
    check(want in out and f"after: {lines} entries," in out and
          f"({2 * total - lines} superseded," in out, f"compact said {out!r}, want {want!r}")
    rc, out, err = run(degloss, mt_args("c", "ok", "--cache-dir", cache), ENV)
    check(rc == 0 and stats("c")["requests"] == first, "a run after compaction made requests")
    # the bound, from the environment
    rc, out, err = run(degloss, ["--cache-dir", cache, "--mt-cache-compact"],
                       dict(ENV, DEGLOSS_MT_CACHE_MAX="1"))
    check(rc == 0 and "after: 1 entries," in out and f"{lines - 1} evicted" in out,
          f"DEGLOSS_MT_CACHE_MAX=1: {out!r} {err!r}")
    rc, out, err = run(degloss, ["--cache-dir", cache, "--mt-cache-max", "lots",
                                 "--mt-cache-compact"], ENV)
    check(rc == 2 and "mt-cache-max" in err, f"a bad bound: exit {rc}, {err!r}")


def case_formats(degloss):
    # interlinear: the translation quoted under the gloss; CoNLL-U: # text_en
    rc, out, err = run(degloss, ["--translate", "deepl", "--mt-url", url("f", "ok"), "--no-cache",
                                 "--format", "interlinear"], ENV)
    check(rc == 0, f"interlinear exit {rc}")
    check(expected("Russlands umfassende Invasion in der Ukraine begann 2022.") in out,
          "interlinear shows the translation")
    rc, out, err = run(degloss, ["--translate", "deepl", "--mt-url", url("f", "ok"), "--no-cache",
                                 "--format", "conllu"], ENV)
    check(rc == 0, f"conllu exit {rc}")
    check("# text_en = " + expected("Russlands umfassende Invasion in der Ukraine begann 2022.") in out,
          "CoNLL-U has # text_en")
    rc, out, err = run(degloss, ["--translate", "deepl", "--mt-url", url("f", "ok"), "--no-cache",
                                 "--format", "html"], ENV)
    check(rc == 0, f"html exit {rc}")
    check("full-scale invasion of Ukraine began in 2022." in out, "HTML shows the translation")


def case_providers(degloss):
    # the other three providers through the command line
    runs = [("libretranslate", "pl", [], {}),
            ("google", "pg", [], {"GOOGLE_API_KEY": "test-key-XXXX-google"}),
            ("openai", "po", ["--mt-model", "test-model"], {"OPENAI_API_KEY": "test-key-XXXX-openai"})]
    for prov, ns, extra, env in runs:
        rc, out, err = run(degloss, ["--format", "jsonl", "--translate", prov, "--mt-url", url(ns, "ok"),
                                     "--no-cache"] + extra, env)
        check(rc == 0, f"{prov}: exit {rc}; {why(err, ns)}")
        for s in sentences(out):
            tr = s.get("translation") or {}
            check(tr.get("provider") == prov and tr.get("text") == expected(s["text"]),
                  f"{prov}: translation {tr}")
            if prov == "openai":
                check(tr.get("model") == "test-model", f"openai model {tr.get('model')}")
        st = stats(ns)
        check(st["requests"] >= 1 and not st["violations"], f"{prov}: server {st['violations']}")
        for k in env.values():
            check(k not in out + err, f"{prov}: key printed")


def case_offline(degloss):
    # no provider: no request, even with an MT URL configured
    rc, out, err = run(degloss, ["--format", "jsonl", "--mt-url", url("off", "ok")], ENV)
    check(rc == 0, f"exit {rc}")
    for s in sentences(out):
        check("translation" not in s and "translation_error" not in s, "translation without provider")
    check(stats("off")["requests"] == 0, "a request was made without a provider")


def case_keys(degloss):
    # no key: a clear message, exit 2, nothing sent
    rc, out, err = run(degloss, mt_args("k", "ok", "--no-cache"), {"DEEPL_AUTH_KEY": ""})
    check(rc == 2 and "DEEPL_AUTH_KEY" in err, f"missing key: exit {rc}; {why(err, 'k')}")
    # a key in a config file others can read is refused
    cfg = os.path.join(SCRATCH, "config")
    with open(cfg, "w") as f:
        f.write(f"translate = deepl\nmt-key = {KEY}\n")
    os.chmod(cfg, 0o644)
    path = os.path.join(SCRATCH, "in.txt")
    env = dict(os.environ)
    env.pop("DEEPL_AUTH_KEY", None)
    p = subprocess.run([degloss, "--config", cfg, "--mt-url", url("k", "ok"), path],
                       capture_output=True, env=env, timeout=60)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2 and "chmod 600" in err, f"0644 config: exit {p.returncode}; {why(err, 'k')}")
    check(KEY not in err, "config key quoted in a message")
    os.chmod(cfg, 0o600)
    p = subprocess.run([degloss, "--config", cfg, "--mt-url", url("k", "ok"), "--no-cache",
                        "--verbose", "--format", "jsonl", path],
                       capture_output=True, env=env, timeout=60)
    out, err = p.stdout.decode(), p.stderr.decode()
    check(p.returncode == 0, f"0600 config: exit {p.returncode}; {why(err, 'k')}")
    check("degloss: mt: POST" in err, "--verbose logs requests")
    check(KEY not in out + err, "config key printed")
    st = stats("k")
    check(st["requests"] >= 1 and st["keyed"] == st["requests"] and not st["violations"],
          f"the config key was used: {st}")


def case_insecure(degloss):
    """API keys never travel in cleartext: plain http only to this machine."""
    import time
    # plain http to another host: a configuration error before any connection
    # (192.0.2.1 is TEST-NET-1: a connection attempt would hang, not fail)
    remote = "http://user:pw-secret@192.0.2.1:8080/v2/?auth_key=query-secret"
    t0 = time.monotonic()
    rc, out, err = run(degloss, ["--format", "jsonl", "--translate", "deepl", "--mt-url", remote], ENV)
    took = time.monotonic() - t0
    check(rc == 2, f"plain http to a remote host: exit {rc}, want 2; {why(err)}")
    check("http://192.0.2.1:8080/v2/" in err and "unencrypted" in err and "--mt-insecure" in err,
          f"the message names the URL, the reason and the way out: {err!r}")
    check("pw-secret" not in err and "query-secret" not in err,
          f"user info or query of the URL printed: {err!r}")
    check(out == "", "output written despite the configuration error")
    check(took < 5, f"took {took:.1f} s: a connection was tried")
    # the same from the config file
    cfg = os.path.join(SCRATCH, "config-insecure")
    with open(cfg, "w") as f:
        f.write("translate = deepl\nmt-url = http://192.0.2.1/\n")
    os.chmod(cfg, 0o600)
    path = os.path.join(SCRATCH, "in.txt")
    env = dict(os.environ)
    env.update(ENV)
    p = subprocess.run([degloss, "--config", cfg, path], capture_output=True, env=env, timeout=60)
    e = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 2 and "unencrypted" in e, f"config mt-url http: exit {p.returncode}; {e!r}")
    # loopback is fine without the flag: 127.0.0.1 (every other case), localhost, [::1]
    for host in ("localhost", "127.0.0.2", "[::1]"):
        rc, out, err = run(degloss, ["--format", "jsonl", "--translate", "deepl", "--mt-url",
                                     f"http://{host}:1/t/x/ok", "--no-cache"], ENV)
        check("unencrypted" not in err and rc != 2, f"loopback {host} refused: exit {rc}; {err!r}")
    # https is never questioned (no server there: the request fails, exit 1)
    rc, out, err = run(degloss, ["--format", "jsonl", "--translate", "deepl", "--mt-url",
                                 "https://127.0.0.1:1/", "--no-cache"], ENV)
    check(rc == 1 and "unencrypted" not in err, f"https: exit {rc}; {err!r}")
    # --mt-insecure: allowed, with a warning on every run.  [::ffff:127.0.0.1]
    # is this test server through an address the check does not take for
    # loopback, so the request really goes out.
    ins = f"http://[::ffff:127.0.0.1]:{PORT}/t/insecure/ok"
    for args in (["--mt-insecure"], []):
        extra = {}
        if not args:  # the config key instead of the flag
            with open(cfg, "w") as f:
                f.write("mt-insecure = yes\n")
            extra = ["--config", cfg]
        else:
            extra = ["--no-config"]
        p = subprocess.run([degloss] + extra + ["--format", "jsonl", "--translate", "deepl",
                                                "--mt-url", ins, "--no-cache"] + args + [path],
                           capture_output=True, env=env, timeout=120)
        o, e = p.stdout.decode(), p.stderr.decode()
        check(p.returncode == 0, f"--mt-insecure {args or 'config'}: exit {p.returncode}; {e[-300:]!r}")
        check("warning: --mt-insecure" in e and "unencrypted" in e, f"no warning: {e!r}")
        check(KEY not in o + e, "key printed")
        check(any("translation" in s for s in sentences(o)), "--mt-insecure: no translation")
    check(stats("insecure")["requests"] >= 2, "the insecure runs sent no request")


def case_redirect(degloss):
    """A provider's redirect is not followed (to plain http or anywhere)."""
    rc, out, err = run(degloss, mt_args("redir", "redirect", "--no-cache"), ENV)
    check(rc == 1, f"redirect: exit {rc}, want 1 (translations failed); {why(err, 'redir')}")
    for s in sentences(out):
        check("translation" not in s and "translation_error" in s, "a redirected request translated")
    check(stats("redir-moved")["requests"] == 0, "the redirect was followed")
    check(stats("redir")["requests"] >= 1, "no request reached the server")


def case_escapes(degloss):
    """Translations are text, never terminal commands or fake lines."""
    for fmt in ("interlinear", "jsonl", "tsv", "conllu", "html"):
        rc, out, err = run(degloss, ["--format", fmt, "--translate", "deepl", "--mt-url",
                                     url("esc", "escapes"), "--no-cache", "--color", "always"], ENV)
        check(rc == 0, f"{fmt}: exit {rc}; {why(err, 'esc')}")
        bad = sorted({f"U+{ord(c):04X}" for c in out
                      if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
                      or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069}
                     - ({"U+001B"} if fmt == "interlinear" else set()))
        check(not bad, f"{fmt}: control characters in the output: {bad}")
        if fmt == "interlinear":
            # colour is on: ESC appears only in SGR colour sequences
            import re
            rest = re.sub(r"\x1b\[[0-9;]*m", "", out)
            check("\x1b" not in rest, "interlinear: an ESC outside colour codes")
            check(not any(l.startswith("degloss: all fine") or l.startswith("FAKE LINE")
                          for l in rest.splitlines()), "interlinear: a translation faked a line")
            check("evil" in rest and "owned" in rest, "the translation's text is shown")
        check("\x1b" not in err and "\r" not in err, "stderr carries control characters")
    # the same text from a JSONL token with a TAB: columns stay columns
    path = os.path.join(SCRATCH, "tok.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"tokens": ["Das", "Ha\tus", "\u001b]0;x\u0007ist", "\u202eneu"]}) + "\n")
    p = subprocess.run([degloss, "--no-config", "-i", "jsonl", path], capture_output=True, timeout=60)
    o = p.stdout.decode()
    check(p.returncode == 0, f"jsonl tokens: exit {p.returncode}")
    check("\t" not in o and "\x1b" not in o and "\u202e" not in o and "\x07" not in o,
          f"jsonl token controls reach the output: {o!r}")
    lines = [l for l in o.splitlines() if l.strip()]
    check(len(lines) >= 3 and all(l.index("Ha") == lines[0].index("Ha") for l in lines[:2]),
          f"columns broken: {lines!r}")
    # a glossary gloss with an escape sequence
    gl = os.path.join(SCRATCH, "g.tsv")
    with open(gl, "w", encoding="utf-8") as f:
        f.write("Invasion\tNOUN\tinva\x1b[2Jsion\u202e!\n")
    p = subprocess.run([degloss, "--no-config", "-g", gl, "-f", "jsonl", os.path.join(SCRATCH, "in.txt")],
                       capture_output=True, timeout=60)
    o = p.stdout.decode()
    check("\x1b" not in o and "\u202e" not in o, "glossary gloss controls reach the output")
    check('"inva[2Jsion!"' in o, "the glossary's gloss is used, cleaned")


CASES = {"insecure": case_insecure, "redirect": case_redirect, "escapes": case_escapes,
         "ok": case_ok, "quota": case_quota, "hang": case_hang, "badjson": case_badjson,
         "cache": case_cache, "formats": case_formats, "offline": case_offline, "keys": case_keys,
         "providers": case_providers}


def main():
    degloss, name = sys.argv[1], sys.argv[2]
    CASES[name](degloss)
    return summary(f"cli {name}")


if __name__ == "__main__":
    sys.exit(main())
