#!/usr/bin/env python3
"""Tests of tools/degloss-dask on a local Dask cluster of two worker
processes (loopback only).

  text      the sample article, the first lines of NTREX and FLORES and a
            one-sentence file give byte for byte the output of one degloss
            run over the same files, in jsonl, conllu and interlinear; html
            and vocab are refused with a message
  frames    the same in json, tsv, parallel and standalone latex (a header
            or frame once, running numbers across files)
  lines     the same as lines: jsonl, conllu, interlinear
  scheduler --scheduler ADDR: a scheduler and two workers started on loopback
            as on a cluster's hosts; conllu (running sent_ids) is one run's
  failures  a directory and a missing path among the files are reported with
            their names on standard error and left out, the other files'
            output is that of one degloss run, and the exit status is
            degloss's (4); a worker process killed while it runs a task (a
            wrapper around degloss kills its parent once, marked by a
            directory) and a degloss killed by a signal (the wrapper kills
            itself once) are both run again, and the output stays identical

Exits 77 (skipped) without python3-distributed.

usage: dask_test.py text|frames|lines|scheduler|failures DEGLOSS DEGLOSS_DASK SOURCE_DIR WORK_DIR
SPDX-License-Identifier: GPL-3.0-or-later"""
import json
import os
import shutil
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

WHAT, EXE, DASK, SRC, WORK = sys.argv[1:2] + [os.path.abspath(a) for a in sys.argv[2:6]]
PY = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable


def have_dask():
    r = subprocess.run([PY, "-c", "import distributed"], capture_output=True, check=False)
    return r.returncode == 0


def inputs():
    """The input files, copied into WORK: the article, the first lines of
    NTREX and FLORES (one segment a line), a one-sentence file."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    names = []

    def put(name, data):
        path = os.path.join(WORK, name)
        with open(path, "wb") as f:
            f.write(data)
        names.append(name)

    with open(os.path.join(SRC, "samples/news-ukraine-2025.de.txt"), "rb") as f:
        put("article.txt", f.read())
    for name, path in (("ntrex.txt", "dictionaries/parallel/ntrex/newstest2019-ref.deu.txt"),
                       ("flores.txt", "dictionaries/parallel/flores200/deu_Latn.devtest")):
        with open(os.path.join(SRC, path), "rb") as f:
            put(name, b"".join(f.readlines()[:40]))
    put("small.txt", "Der Hund bellt.\n".encode())
    return names


def one_run(args, files):
    r = subprocess.run([EXE, "--no-config", *args, *files], cwd=WORK, capture_output=True,
                       check=False)
    return r.returncode, r.stdout, r.stderr


def dask_run(args, files, degloss=EXE, env=None):
    r = subprocess.run([PY, DASK, "--local", "2", "--degloss", degloss, "--",
                        "--no-config", *args, *files], cwd=WORK, capture_output=True,
                       check=False, timeout=120, env=env)
    return r.returncode, r.stdout, r.stderr


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"line {i + 1}: {x[:120]!r} vs {y[:120]!r}"
    return f"lengths {len(a)} vs {len(b)}"


GROUPS = {
    "text": (["-f", "jsonl"], ["-f", "conllu"], ["-f", "interlinear", "-w", "100"]),
    "frames": (["-f", "json"], ["-f", "tsv"], ["-f", "parallel"],
               ["-f", "latex", "--latex-standalone"]),
    "lines": (["-i", "lines", "-f", "jsonl"], ["-i", "lines", "-f", "conllu"],
              ["-i", "lines", "-f", "interlinear"]),
}


def test_formats(group):
    files = inputs()
    for args in GROUPS[group]:
        rc1, out1, _ = one_run(args, files)
        rc2, out2, err2 = dask_run(args, files)
        what = " ".join(args)
        check(rc1 == rc2, f"{what}: exit status {rc2}, one run {rc1}: {err2[-2000:]!r}")
        check(len(out1) > 1000, f"{what}: one run writes the glosses ({len(out1)} bytes)")
        check(out1 == out2, f"{what}: degloss-dask output is one run's: "
              f"{first_difference(out1, out2)}")
    if group != "text":
        return
    for fmt in ("html", "vocab"):
        rc, out, err = dask_run(["-f", fmt], files)
        check(rc == 2 and not out and f"--format {fmt} is refused".encode() in err,
              f"-f {fmt} is refused with a message: {rc} {err[-500:]!r}")
    rc, out, err = dask_run(["-f", "jsonl"], [])
    check(rc == 2 and b"no input files" in err, f"no files: exit 2 with a message ({rc})")


WRAPPER = """#!/bin/sh
# degloss, except that it kills its worker process (its parent) once and
# itself once, each time marked by a directory made atomically
if mkdir "$DEGLOSS_TEST_MARKS/worker" 2>/dev/null; then kill -9 $PPID; sleep 2; exit 9; fi
if mkdir "$DEGLOSS_TEST_MARKS/self" 2>/dev/null; then kill -9 $$; fi
exec "{exe}" "$@"
"""


def test_failures():
    files = inputs()
    os.makedirs(os.path.join(WORK, "a-directory"))
    bad = ["a-directory", "no-such-file.txt"]
    mixed = [files[0], bad[0], files[1], bad[1], files[3]]
    rc1, out1, _ = one_run(["-f", "jsonl"], mixed)
    rc2, out2, err2 = dask_run(["-f", "jsonl"], mixed)
    check(rc1 == 4 and rc2 == 4, f"a file that fails: exit 4 as degloss ({rc1}, {rc2})")
    check(out1 == out2 and out1, f"the other files' output is one run's: "
          f"{first_difference(out1, out2)}")
    for b in bad:
        check(f"degloss-dask: {b}: failed".encode() in err2 and f"degloss: {b}:".encode() in err2,
              f"{b} is reported with its name: {err2[-1000:]!r}")

    marks = os.path.join(WORK, "marks")
    os.makedirs(marks)
    wrapper = os.path.join(WORK, "degloss-wrapper")
    with open(wrapper, "w", encoding="utf-8") as f:
        f.write(WRAPPER.replace("{exe}", os.path.abspath(EXE)))
    os.chmod(wrapper, 0o755)
    env = dict(os.environ, DEGLOSS_TEST_MARKS=marks)
    args = ["-f", "conllu"]
    rc1, out1, _ = one_run(args, files)
    rc2, out2, err2 = dask_run(args, files, degloss=wrapper, env=env)
    check(os.path.isdir(os.path.join(marks, "worker")) and os.path.isdir(os.path.join(marks, "self")),
          "the wrapper killed a worker and itself")
    check(rc2 == rc1, f"killed worker and degloss: exit status {rc2}, one run {rc1}: {err2[-2000:]!r}")
    check(out1 == out2, f"killed worker and degloss: the tasks ran again and the output is one run's: "
          f"{first_difference(out1, out2)}")


def test_scheduler():
    """--scheduler ADDR: a scheduler and a worker process of two workers
    started here on loopback, as on a cluster's hosts."""
    files = inputs()
    sched_file = os.path.join(WORK, "scheduler.json")
    procs = []
    try:
        procs.append(subprocess.Popen(
            [PY, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--scheduler-file", sched_file],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(300):
            if os.path.exists(sched_file) and os.path.getsize(sched_file):
                break
            time.sleep(0.1)
        with open(sched_file, encoding="utf-8") as f:
            addr = json.load(f)["address"]
        procs.append(subprocess.Popen(
            [PY, "-m", "distributed.cli.dask_worker", addr, "--nworkers", "2", "--nthreads", "1",
             "--host", "127.0.0.1", "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for args in (["-f", "conllu"],):
            rc1, out1, _ = one_run(args, files)
            r = subprocess.run([PY, DASK, "--scheduler", addr, "--degloss", EXE, "--", "--no-config",
                                *args, *files], cwd=WORK, capture_output=True, check=False,
                               timeout=120)
            what = " ".join(args)
            check(r.returncode == rc1, f"--scheduler {what}: exit status {r.returncode}, one run "
                  f"{rc1}: {r.stderr[-2000:]!r}")
            check(out1 == r.stdout, f"--scheduler {what}: one run's output: "
                  f"{first_difference(out1, r.stdout)}")
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def main():
    if not have_dask():
        print("SKIP: python3-distributed is not installed (tools/install-deps)")
        sys.exit(77)
    if WHAT == "failures":
        test_failures()
    elif WHAT == "scheduler":
        test_scheduler()
    else:
        test_formats(WHAT)
    sys.exit(summary())


if __name__ == "__main__":
    main()
