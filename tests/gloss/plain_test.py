#!/usr/bin/env python3
"""Plain-style glosses in context (what `degloss --style plain` shows under
a word): English inflection (troops, US, referred, would like, discussed),
sentence starts after a colon or quote, als/sich/weniger/würde.  Each case
of tests/gloss/plain.tsv names a sentence, a word (with its occurrence) and
the acceptable plain glosses; every case must pass.

usage: plain_test.py DEGLOSS PLAIN_TSV [--show]
"""
import re
import subprocess
import sys


def columns(line):
    """Start offsets of the cells of an interlinear German line."""
    return [m.start() for m in re.finditer(r"(?:(?<=  )|^)\S", line)]


def cells(line, starts):
    out = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(line)
        out.append(line[a:b].strip())
    return out


def main():
    exe, path = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            src, sent, word, occ, acc = line.rstrip("\n").split("\t")
            cases.append((src, sent, word, int(occ), acc.split("|")))
    # One run for all cases: each sentence is a paragraph, and a paragraph
    # holding only the marker "§" separates the cases in the output.
    text = "\n\n§\n\n".join(c[1] for c in cases) + "\n"
    p = subprocess.run([exe, "--style", "plain", "--width", "100000", "--no-config", "-"],
                       input=text.encode(), capture_output=True)
    if p.returncode not in (0, 1):
        print(p.stderr.decode(errors="replace"))
        print("degloss failed with exit code", p.returncode)
        return 1
    groups = [[]]
    lines = p.stdout.decode().split("\n")
    for k in range(0, len(lines) - 2):
        # A block: German, segmentation, gloss, [expression lines], blank.
        if (k > 0 and lines[k - 1].strip()) or not lines[k].strip() or lines[k].startswith("["):
            continue
        if lines[k].strip() == "§":
            groups.append([])
            continue
        starts = columns(lines[k])
        groups[-1].extend(zip(cells(lines[k], starts), cells(lines[k + 2], starts)))
    if len(groups) != len(cases):
        print(f"output has {len(groups)} case groups for {len(cases)} cases")
        return 1
    failed = 0
    for (src, sent, word, occ, acc), group in zip(cases, groups):
        got = None
        seen = 0
        for a, g in group:
            if re.sub(r"^[„“\"»«(]+|[„“\"»«),.:;!?]+$", "", a) == word:
                seen += 1
                if seen == occ:
                    got = g
                    break
        ok = got in acc
        if not ok:
            failed += 1
        if show or not ok:
            print(f"{'ok  ' if ok else 'FAIL'} {src}\t{word}\tgot '{got}'\twant {'|'.join(acc)}")
    print(f"plain glosses: {len(cases) - failed}/{len(cases)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
