#!/usr/bin/env python3
"""Tests of the GNU parallel recipes in README ("Corpora on many cores or
hosts"), run on loopback: --sshlogin names two hosts that a fake ssh (--ssh)
runs here, as ssh would run the command there.

  files   one degloss a file, `parallel --keep-order ... ::: FILE...`, gives
          byte for byte one run's output in jsonl, and in conllu of lines
          input
  pipe    `parallel --pipe --keep-order` over text split at paragraph
          boundaries (--recend '\\n\\n' --block 2k), over --input lines
          and over --input jsonl records (-N 50): the sentences, their
          texts and tokens (form, kind, lemma, POS, features, labels) are
          one run's; the numbers that count from the start of the input
          count from the start of the chunk (sentence and token
          "start"/"end" shift by the bytes before the chunk, "paragraph" by
          its paragraphs, "line" by its lines, exactly 50 a chunk), and the
          only other differences are the sense the subject field of the
          preceding sentences chose (a ranked Ding sense, the same list of
          glosses), on a few tokens near a chunk's start, and a surname
          that is also a noun which the preceding sentences named as a
          person (names.c: "used as a name before"; Hammel, not wether)

Exits 77 (skipped) without GNU parallel.

usage: parallel_test.py files|pipe DEGLOSS SOURCE_DIR WORK_DIR
SPDX-License-Identifier: GPL-3.0-or-later"""
import json
import os
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

WHAT = sys.argv[1]
EXE, SRC, WORK = (os.path.abspath(a) for a in sys.argv[2:5])

FAKE_SSH = """#!/bin/sh
# ssh [OPTION]... HOST [--] COMMAND...: runs COMMAND here, as ssh would on HOST
echo "$1" >> "{log}"
# a login on HOST has a SHELL; parallel's remote wrapper runs under it
export SHELL="${SHELL:-/bin/sh}"
while [ $# -gt 0 ]; do case "$1" in -*) shift;; *) break;; esac; done
shift
[ "${1:-}" = "--" ] && shift
exec sh -c "$*"
"""


def setup():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    ssh = os.path.join(WORK, "fake-ssh")
    with open(ssh, "w", encoding="utf-8") as f:
        f.write(FAKE_SSH.replace("{log}", os.path.join(WORK, "ssh.log")))
    os.chmod(ssh, 0o755)
    files = []
    with open(os.path.join(SRC, "samples/news-ukraine-2025.de.txt"), "rb") as f:
        article = f.read()
    for name, path in (("ntrex.txt", "dictionaries/parallel/ntrex/newstest2019-ref.deu.txt"),
                       ("flores.txt", "dictionaries/parallel/flores200/deu_Latn.devtest")):
        with open(os.path.join(SRC, path), "rb") as f:
            data = b"".join(f.readlines()[:200])
        with open(os.path.join(WORK, name), "wb") as f:
            f.write(data)
        files.append(name)
    with open(os.path.join(WORK, "article.txt"), "wb") as f:
        f.write(article)
    files.insert(0, "article.txt")
    return ssh, files


def parallel(ssh, args, stdin=None):
    cmd = ["parallel", "--will-cite", "--keep-order", "--ssh", ssh,
           "--sshlogin", "1/hosta,1/hostb", *args]
    # parallel runs each job under $SHELL and prints nothing without one
    # (a CI runner may start the suite with an empty environment)
    env = dict(os.environ)
    env.setdefault("SHELL", "/bin/sh")
    r = subprocess.run(cmd, cwd=WORK, input=stdin, env=env, capture_output=True, check=False,
                       timeout=120)
    check(r.returncode == 0, f"parallel {' '.join(args)}: exit 0, not {r.returncode}: "
          f"{r.stderr[-1500:]!r}")
    return r.stdout


def one_run(args, files=(), stdin=None):
    r = subprocess.run([EXE, "--no-config", *args, *files], cwd=WORK, input=stdin,
                       capture_output=True, check=False, timeout=120)
    return r.stdout


def test_files():
    ssh, files = setup()
    for args in (["-f", "jsonl"], ["-i", "lines", "-f", "conllu"]):
        one = one_run(args, files)
        par = parallel(ssh, [EXE, "--no-config", *args, ":::", *files])
        check(len(one) > 1000 and one == par,
              f"one degloss a file, {' '.join(args)}: one run's output ({len(one)}, {len(par)} bytes)")
    with open(os.path.join(WORK, "ssh.log"), encoding="utf-8") as f:
        hosts = set(f.read().split())
    check(hosts == {"hosta", "hostb"}, f"both hosts ran jobs: {hosts}")


IDENTICAL_TOKEN = ("form", "kind", "lemma", "pos", "features", "labels", "mwe", "space_after",
                   "segmentation", "parts", "sentence_start")
SUBJECT_CHOSEN = ("gloss", "plain", "glosses", "source")
NAMED_BEFORE = "capitalised noun the document used as a name before"


def compare_chunked(what, one, par, lines_per_chunk=None):
    a = [json.loads(x) for x in one.splitlines()]
    b = [json.loads(x) for x in par.splitlines()]
    check(len(a) == len(b) and len(a) > 40, f"{what}: the same sentences ({len(a)}, {len(b)})")
    rechosen = named = 0
    for x, y in zip(a, b):
        where = f"{what}: {x['text'][:50]!r}"
        check(x["text"] == y["text"] and x.get("headline") == y.get("headline"), f"{where}: text")
        shift = x["start"] - y["start"]
        check(shift >= 0 and x["end"] - y["end"] == shift, f"{where}: start/end shift by the chunk's offset")
        check(x["paragraph"] >= y["paragraph"], f"{where}: paragraph counts from the chunk")
        if lines_per_chunk:
            d = x["line"] - y["line"]
            check(d % lines_per_chunk == 0 and y["line"] <= lines_per_chunk,
                  f"{where}: line counts from the chunk ({x['line']} {y['line']})")
        check(len(x["tokens"]) == len(y["tokens"]), f"{where}: tokens")
        for s, t in zip(x["tokens"], y["tokens"]):
            if s.get("reason") == NAMED_BEFORE and s.get("reason") != t.get("reason"):
                # the whole run's document named it before the chunk began
                named += 1
                check(s["kind"] == "name" and s["form"] in s["glosses"] and t["gloss"] in s["glosses"],
                      f"{where}: token {s['form']!r} a surname named before the chunk")
                continue
            for k in IDENTICAL_TOKEN:
                check(s.get(k) == t.get(k), f"{where}: token {s['form']!r} {k}")
            check(s["start"] - t["start"] == shift and s["end"] - t["end"] == shift,
                  f"{where}: token {s['form']!r} shifts with its sentence")
            if any(s.get(k) != t.get(k) for k in SUBJECT_CHOSEN):
                rechosen += 1
                check(s["source"].startswith("ding:") and t["source"].startswith("ding:")
                      and sorted(s["glosses"]) == sorted(t["glosses"]),
                      f"{where}: token {s['form']!r} differs only in the ranked sense chosen")
    tokens = sum(len(x["tokens"]) for x in a)
    check(rechosen * 100 < tokens, f"{what}: few senses chosen otherwise ({rechosen} of {tokens})")
    check(named * 200 < tokens, f"{what}: few surnames named before the chunk ({named} of {tokens})")
    # the first chunk is the start of the input: its numbers are the same
    check(a[0] == b[0], f"{what}: the first sentence is identical")


def test_pipe():
    ssh, files = setup()
    with open(os.path.join(WORK, files[0]), "rb") as f:
        text = f.read()
    cmd = f"{EXE} --no-config -f jsonl"
    one = one_run(["-f", "jsonl"], stdin=text)
    par = parallel(ssh, ["--pipe", "--recend", r"\n\n", "--block", "2k", cmd], stdin=text)
    compare_chunked("text split at paragraphs", one, par)
    with open(os.path.join(WORK, files[1]), "rb") as f:
        lines = f.read()
    cmd = f"{EXE} --no-config -i lines -f jsonl"
    one = one_run(["-i", "lines", "-f", "jsonl"], stdin=lines)
    par = parallel(ssh, ["--pipe", "-N", "50", cmd], stdin=lines)
    compare_chunked("lines, 50 a chunk", one, par, lines_per_chunk=50)
    records = "".join(json.dumps({"text": x}, ensure_ascii=False) + "\n"
                      for x in lines.decode().splitlines()).encode()
    cmd = f"{EXE} --no-config -i jsonl -f jsonl"
    one = one_run(["-i", "jsonl", "-f", "jsonl"], stdin=records)
    par = parallel(ssh, ["--pipe", "-N", "50", cmd], stdin=records)
    compare_chunked("jsonl records, 50 a chunk", one, par)


def main():
    if not shutil.which("parallel"):
        print("SKIP: GNU parallel is not installed (tools/install-deps)")
        sys.exit(77)
    {"files": test_files, "pipe": test_pipe}[WHAT]()
    sys.exit(summary())


if __name__ == "__main__":
    main()
