#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Family cases: a TSV of (sentence, word, occurrence, acceptable glosses,
kind) for one family of words of issue 12 (numbers and dates, code in text,
...), run through the command line in one call.  Every case must pass: the
word's gloss (exactly, as degloss prints it in JSON) is one of the
acceptable ones (|-separated; "*" accepts any), and its token kind is the
given one when the kind column is not empty ("!code": any kind but code).

usage: families.py DEGLOSS CASES.tsv [--show]
"""
import json
import sys


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    exe, path, show = argv[1], argv[2], "--show" in argv
    cases, sentences, index = [], [], {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip() or line.startswith("sentence\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) not in (4, 5):
                print(f"{path}:{n}: want 4 or 5 columns, got {len(cols)}")
                return 2
            sent, word, occ, acc = cols[:4]
            kind = cols[4] if len(cols) == 5 else ""
            if sent not in index:
                index[sent] = len(sentences)
                sentences.append(sent)
            cases.append((n, index[sent], word, int(occ), acc.split("|"), kind))
    import subprocess
    data = "".join(json.dumps({"text": s}, ensure_ascii=False) + "\n" for s in sentences)
    p = subprocess.run([exe, "--no-config", "--input", "jsonl", "--format", "jsonl"],
                       input=data.encode(), capture_output=True)
    if p.returncode != 0:
        print(p.stderr.decode(errors="replace"))
        print("degloss failed with exit code", p.returncode)
        return 1
    tokens = [[] for _ in sentences]
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        tokens[o["paragraph"]].extend(o["tokens"])
    failed = 0
    for n, si, word, occ, acc, kind in cases:
        found = [t for t in tokens[si] if t["form"] == word]
        tok = found[occ - 1] if len(found) >= occ else None
        got = (tok["gloss"], tok["kind"]) if tok else ("(token not found)", "")
        kind_ok = not kind or (got[1] != kind[1:] if kind.startswith("!") else got[1] == kind)
        ok = tok is not None and (acc == ["*"] or got[0] in acc) and kind_ok
        if not ok:
            failed += 1
        if not ok or show:
            forms = " ".join(t["form"] for t in tokens[si])
            print(f"{'ok  ' if ok else 'FAIL'} {path}:{n}: {word!r}: got {got[0]!r} ({got[1]}), "
                  f"want {'|'.join(acc)!r}{' (' + kind + ')' if kind else ''}; tokens: {forms}")
    print(f"{path}: {len(cases) - failed}/{len(cases)} cases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
