#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Engine cases: one rule of doc/gloss.md a folder, run through the command line.

A case is a folder tests/gloss/cases/NAME/ with
  README    one line: the point the case makes (printed when it fails)
  input.txt the German text, only the sentence(s) that show the point
  options   optional: degloss options, e.g. "-s plain" or "-f tsv"
  columns   optional, with -f tsv: the TSV columns to keep, e.g.
            "form lemma kind gloss source" (a slice that shows the point)
  expected  what degloss prints (the slice, for a TSV case)

degloss runs as `degloss --no-config --color never --width 200 OPTIONS
input.txt` in the case's folder with no DEGLOSS_* setting but
DEGLOSS_DATA_DIR; it must exit 0.  Each case is its own ctest test,
gloss.case.NAME (cmake/gloss.cmake finds the folders).

usage: cases.py DEGLOSS CASES_DIR [NAME...] [--update]
With no NAME every case runs.  --update rewrites the expected files from
what degloss prints now: review the diff (git diff tests/gloss/cases)
before committing.
"""
import difflib
import os
import shlex
import subprocess
import sys

BASE_OPTIONS = ["--no-config", "--color", "never", "--width", "200"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def slice_tsv(text, columns):
    """The named columns of a TSV table, header included, in the given order."""
    lines = text.split("\n")
    header = lines[0].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise ValueError("no column %s in the TSV header: %s" % (", ".join(missing), lines[0]))
    keep = [header.index(c) for c in columns]
    out = []
    for line in lines:
        if not line:
            continue
        cells = line.split("\t")
        out.append("\t".join(cells[k] if k < len(cells) else "" for k in keep))
    return "\n".join(out) + "\n"


def run_case(exe, folder):
    """What degloss prints for the case (sliced), or raises RuntimeError."""
    options = []
    if os.path.exists(os.path.join(folder, "options")):
        options = shlex.split(read(os.path.join(folder, "options")), comments=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEGLOSS_")}
    if "DEGLOSS_DATA_DIR" in os.environ:
        env["DEGLOSS_DATA_DIR"] = os.environ["DEGLOSS_DATA_DIR"]
    cmd = [exe] + BASE_OPTIONS + options + ["input.txt"]
    p = subprocess.run(cmd, cwd=folder, env=env, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError("%s exited with %d:\n%s" % (shlex.join(cmd), p.returncode,
                                                      p.stderr.decode("utf-8", "replace")))
    out = p.stdout.decode("utf-8")
    columns_file = os.path.join(folder, "columns")
    if os.path.exists(columns_file):
        out = slice_tsv(out, read(columns_file).split())
    return out


def main(argv):
    update = "--update" in argv
    args = [a for a in argv[1:] if a != "--update"]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    exe, root, names = os.path.abspath(args[0]), args[1], args[2:]
    if not names:
        names = sorted(n for n in os.listdir(root)
                       if os.path.exists(os.path.join(root, n, "input.txt")))
    passed = failed = 0
    for name in names:
        folder = os.path.join(root, name)
        point = read(os.path.join(folder, "README")).strip() if os.path.exists(
            os.path.join(folder, "README")) else "(no README)"
        expected_file = os.path.join(folder, "expected")
        try:
            got = run_case(exe, folder)
        except (RuntimeError, ValueError, OSError) as e:
            print("FAIL %s: %s\n%s" % (name, point, e))
            failed += 1
            continue
        if update:
            if not os.path.exists(expected_file) or read(expected_file) != got:
                with open(expected_file, "w", encoding="utf-8") as f:
                    f.write(got)
                print("wrote", expected_file)
            passed += 1
            continue
        want = read(expected_file) if os.path.exists(expected_file) else ""
        if got == want:
            print("ok   %s: %s" % (name, point))
            passed += 1
        else:
            print("FAIL %s: %s" % (name, point))
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), expected_file, "degloss output"))
            failed += 1
    print("gloss.cases: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
