#!/usr/bin/env python3
"""degloss --jobs N: the same bytes on stdout and stderr and the same exit
code for every N.

    jobs_test.py DEGLOSS corpus FORMAT FILE...   FILEs glossed in one run
    jobs_test.py DEGLOSS formats SAMPLE NTREX    json, html, tsv: the sample, 300 NTREX lines, the sample
    jobs_test.py DEGLOSS warnings                bad bytes and bad JSONL lines
    jobs_test.py DEGLOSS prompt                  a slow pipe: the first paragraph comes out at once
    jobs_test.py DEGLOSS options                 --jobs, DEGLOSS_JOBS, jobs = N
    jobs_test.py DEGLOSS mt                      --translate (run by tests/mt/with_server.py)

A failed check prints a line; the last line counts the checks."""
import os
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check as expect, summary  # noqa: E402

BIN = sys.argv[1]
JOBS = ["1", "2", "4"]


def run(args, stdin=None, env=None):
    e = dict(os.environ)
    e.pop("DEGLOSS_JOBS", None)
    if env:
        e.update(env)
    p = subprocess.run([BIN, "--no-config"] + args, input=stdin, capture_output=True, env=e, timeout=600)
    return p.returncode, p.stdout, p.stderr


def first_diff(a, b):
    n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    return f"lengths {len(a)} and {len(b)}, first difference at byte {n}: {a[n:n + 60]!r} / {b[n:n + 60]!r}"


def same_for_all_jobs(what, args, stdin=None, env=None, check=None):
    """Run with every --jobs value; compare with --jobs 1."""
    ref = run(["--jobs", "1"] + args, stdin, env)
    if check:
        check(ref)
    for n in JOBS[1:]:
        got = run(["--jobs", n] + args, stdin, env)
        expect(got[0] == ref[0], f"{what}: exit code with --jobs {n}", f"{got[0]} != {ref[0]}")
        expect(got[1] == ref[1], f"{what}: stdout with --jobs {n} ({len(got[1])} bytes)", first_diff(got[1], ref[1]))
        expect(got[2] == ref[2], f"{what}: stderr with --jobs {n}", first_diff(got[2], ref[2]))
    return ref


def corpus(fmt, files):
    def check(ref):
        expect(ref[0] == 0, f"{fmt}: exit 0 with --jobs 1", ref[2][:200])
        expect(len(ref[1]) > 100000, f"{fmt}: output written ({len(ref[1])} bytes)")
    same_for_all_jobs(f"{fmt} of {len(files)} files", ["-f", fmt] + files, check=check)


def formats(sample, ntrex):
    # Sentence numbers (json commas, html ids, tsv and conllu sent_id) run on
    # over chunks and files.
    with tempfile.TemporaryDirectory() as d:
        part = os.path.join(d, "ntrex300.txt")
        with open(ntrex, encoding="utf-8") as f, open(part, "w", encoding="utf-8") as o:
            for i, line in zip(range(300), f):
                o.write(line + "\n")
        for fmt in ("json", "html", "tsv"):
            def check(ref):
                expect(ref[0] == 0 and len(ref[1]) > 50000, f"{fmt}: output written ({len(ref[1])} bytes)", ref[2][:200])
            same_for_all_jobs(f"{fmt} of three files", ["-f", fmt, sample, part, sample], check=check)


def warnings():
    # Bad bytes in many paragraphs over many chunks (48 sentences each), and
    # a NUL byte: warnings on stderr, exit 1.
    paras = []
    for i in range(400):
        s = f"Die Regierung hat am Montag {i} neue Sanktionen beschlossen. Der Minister sprach.".encode()
        if i % 37 == 5:
            s = s.replace(b"neue", b"ne\xff\xfeue")
        if i == 200:
            s += b" Ein\x00Wort."
        paras.append(s)
    text = b"\n\n".join(paras) + b"\n"

    def check(ref):
        expect(ref[0] == 1, "bad bytes: exit 1", f"rc={ref[0]}")
        nl = ref[2].count(b"\n")
        expect(nl >= 10, f"bad bytes: warnings given ({nl} lines)", ref[2][:200])

    same_for_all_jobs("text with bad bytes", ["-f", "jsonl"], text, check=check)
    same_for_all_jobs("text with bad bytes, interlinear", ["-f", "interlinear"], text)
    # Windows-1252 input (a notice on stderr from the reader thread).
    cp = "\n\n".join(f"Die Bürger äußerten sich am {i % 28 + 1}. März über die Maßnahmen." for i in range(200))
    same_for_all_jobs("Windows-1252 text", ["-f", "conllu"], cp.encode("cp1252") + b"\n")
    # JSONL input with broken lines among good ones.
    lines = []
    for i in range(300):
        if i % 41 == 7:
            lines.append('{"text": "kaputt' if i % 2 else '[1, 2]')
        elif i % 53 == 11:
            lines.append('{"nothing": 1}')
        else:
            lines.append('{"text": "Das Abkommen wurde am %d. März unterzeichnet."}' % (i % 28 + 1))
    data = ("\n".join(lines) + "\n").encode()

    def check_jsonl(ref):
        expect(ref[0] == 1 and b"line skipped" in ref[2], "broken JSONL lines: warnings, exit 1", ref[2][:200])

    same_for_all_jobs("JSONL input with broken lines", ["-i", "jsonl", "-f", "jsonl"], data, check=check_jsonl)
    # A file that cannot be opened between two that can: message and exit 4.
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, "a.txt")
        with open(a, "w") as f:
            f.write("Der Bundestag stimmte zu.\n\nDie Opposition stimmte dagegen.\n")
        ref = same_for_all_jobs("missing file between two", ["-f", "tsv", a, os.path.join(d, "missing.txt"), a])
        expect(ref[0] == 4 and b"missing.txt: cannot open" in ref[2], "missing file: exit 4", ref[2][:200])
        # Output to a full device: a write error, exit 4, for every N.
        if os.path.exists("/dev/full"):
            for n in JOBS:
                rc, out, err = run(["--jobs", n, "-o", "/dev/full", a, a])
                expect(rc == 4 and b"write error" in err, f"write error with --jobs {n}: exit 4", f"rc={rc} {err[:200]}")


def prompt():
    import select
    import time
    cases = [([], "Die Regierung hat neue Sanktionen beschlossen.\n\n"),
             (["-i", "jsonl"], '{"text": "Die Regierung hat neue Sanktionen beschlossen."}\n')]
    for n in ("1", "2"):
        for args, first in cases:
            e = dict(os.environ)
            e.pop("DEGLOSS_JOBS", None)
            p = subprocess.Popen([BIN, "--no-config", "-f", "jsonl", "--jobs", n] + args, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, env=e)
            p.stdin.write(first.encode())
            p.stdin.flush()
            # Input stays open: the paragraph must come out before the input ends.
            t0 = time.monotonic()
            ready, _, _ = select.select([p.stdout], [], [], float(os.environ.get("JOBS_PROMPT_TIMEOUT", "60")))
            line = p.stdout.readline() if ready else b""
            took = time.monotonic() - t0
            p.stdin.write(first.encode())
            p.stdin.close()
            rest = p.stdout.read()
            p.wait(60)
            expect(b'"Regierung"' in line, f"--jobs {n} {' '.join(args) or 'text'}: first paragraph out while the "
                   f"pipe is open ({took:.2f} s)", line[:100])
            expect(p.returncode == 0 and rest.count(b"\n") == 1, f"--jobs {n}: the second paragraph after it",
                   f"rc={p.returncode} {rest[:100]}")


def options():
    text = "Moskau wies die Vorschläge zurück.\n\nDer Minister stellte das klar.\n".encode()
    ref = run(["--jobs", "1", "-f", "jsonl"], text)
    expect(ref[0] == 0 and ref[1].count(b"\n") == 2, "--jobs 1", ref[2][:200])
    for args in (["--jobs", "auto"], ["--jobs", "0"], ["-j", "3"], ["--jobs=8"]):
        got = run(args + ["-f", "jsonl"], text)
        expect(got == ref, f"{' '.join(args)}: same output", got[2][:200])
    got = run(["-f", "jsonl"], text, {"DEGLOSS_JOBS": "2"})
    expect(got == ref, "DEGLOSS_JOBS=2: same output", got[2][:200])
    with tempfile.TemporaryDirectory() as d:
        cfg = os.path.join(d, "config")
        with open(cfg, "w") as f:
            f.write("jobs = auto\n")
        e = dict(os.environ)
        e.pop("DEGLOSS_JOBS", None)
        p = subprocess.run([BIN, "-c", cfg, "-f", "jsonl"], input=text, capture_output=True, env=e)
        expect((p.returncode, p.stdout, p.stderr) == ref, "jobs = auto in the config file", p.stderr[:200])
        with open(cfg, "w") as f:
            f.write("jobs = many\n")
        p = subprocess.run([BIN, "-c", cfg], input=text, capture_output=True, env=e)
        expect(p.returncode == 2 and b"config:1: bad value for 'jobs'" in p.stderr and b"many" not in p.stderr,
               "bad jobs in the config file: exit 2 naming the line", p.stderr[:200])
        # Flags win over the environment, which wins over the config file.
        with open(cfg, "w") as f:
            f.write("jobs = 2\n")
        p = subprocess.run([BIN, "-c", cfg, "--jobs", "1", "-f", "jsonl"], input=text, capture_output=True,
                           env=dict(e, DEGLOSS_JOBS="4"))
        expect((p.returncode, p.stdout, p.stderr) == ref, "flag over environment over config", p.stderr[:200])
    for bad in ("-1", "x", "257", ""):
        rc, out, err = run(["--jobs", bad], text)
        expect(rc == 2 and b"bad value" in err and b"'jobs'" in err, f"--jobs '{bad}': exit 2", err[:200])
    rc, out, err = run([], text, {"DEGLOSS_JOBS": "lots"})
    expect(rc == 2 and b"DEGLOSS_JOBS" in err, "DEGLOSS_JOBS=lots: exit 2 naming the variable", err[:200])
    rc, out, err = run(["--help"])
    expect(rc == 0 and b"--jobs N" in out, "--help lists --jobs")
    # An empty input and a blank one.
    for inp in (b"", b"\n\n  \n"):
        same_for_all_jobs(f"input {inp!r}", ["-f", "json"], inp)


def mt():
    port = os.environ.get("MT_TEST_PORT")
    if not port:
        expect(False, "MT test server", "MT_TEST_PORT not set: run under tests/mt/with_server.py")
        return
    url = f"http://127.0.0.1:{port}/t/jobs/ok"
    paras = [f"Der Minister sprach am {i % 28 + 1}. März über die Verhandlungen." for i in range(120)]
    text = ("\n\n".join(paras) + "\n").encode()

    def check(ref):
        expect(ref[0] == 0 and b'"translation"' in ref[1], "translation in the output", ref[2][:300])

    same_for_all_jobs("--translate libretranslate", ["-f", "jsonl", "--translate", "libretranslate", "--mt-url", url,
                                                     "--no-cache"], text, check=check)


def main():
    what = sys.argv[2]
    if what == "corpus":
        corpus(sys.argv[3], sys.argv[4:])
    elif what == "formats":
        formats(sys.argv[3], sys.argv[4])
    elif what == "warnings":
        warnings()
    elif what == "prompt":
        prompt()
    elif what == "options":
        options()
    elif what == "mt":
        mt()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return summary()


if __name__ == "__main__":
    sys.exit(main())
