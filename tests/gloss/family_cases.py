#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases of one family of issue 12 (tests/gloss/families/*.tsv): a sentence,
a word in it, the glosses a reader accepts and, optionally, the lemmas.
Every case must pass: the word is found with its form as written (a
spelling variant keeps its original form), its primary gloss (lower case,
without a leading "to ") is one of the acceptable glosses, its lemma one of
the acceptable lemmas when given, and with the column kind "word" it is
not taken for a name.

Columns: sentence, word, occurrence (1-based), glosses (|-separated),
lemmas (|-separated or empty), kind (word, name or empty), note.

usage: family_cases.py DEGLOSS CASES.tsv [--show]
"""
import json
import subprocess
import sys


def norm(g):
    g = g.strip().lower()
    return g[3:] if g.startswith("to ") else g


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    exe, path = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv
    cases, sentences, index = [], [], {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            col = line.rstrip("\n").split("\t")
            if col[0] == "sentence":
                continue
            col += [""] * (7 - len(col))
            sent, word, occ, glosses, lemmas, kind = col[:6]
            if sent not in index:
                index[sent] = len(sentences)
                sentences.append(sent)
            cases.append((n, index[sent], word, int(occ), [norm(g) for g in glosses.split("|")],
                          [l for l in lemmas.split("|") if l], kind))
    data = "".join(json.dumps({"text": s}, ensure_ascii=False) + "\n" for s in sentences)
    p = subprocess.run([exe, "--input", "jsonl", "--format", "jsonl", "--no-config"],
                       input=data.encode(), capture_output=True)
    if p.returncode not in (0, 1):
        print(p.stderr.decode(errors="replace"))
        return 1
    tokens = [[] for _ in sentences]
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        tokens[o["paragraph"]].extend(o["tokens"])
    failed = 0
    for n, si, word, occ, glosses, lemmas, kind in cases:
        seen, tok = 0, None
        for t in tokens[si]:
            if t["form"] == word:
                seen += 1
                if seen == occ:
                    tok = t
                    break
        why = []
        if tok is None:
            why.append("token not found as written")
        else:
            if norm(tok.get("gloss", "")) not in glosses:
                why.append("gloss '%s'" % tok.get("gloss", ""))
            if lemmas and tok.get("lemma") not in lemmas:
                why.append("lemma '%s'" % tok.get("lemma"))
            if kind and tok.get("kind") != kind:
                why.append("kind '%s'" % tok.get("kind"))
        if why:
            failed += 1
        if why or show:
            print("%s %s:%d %s: %s" % ("FAIL" if why else "ok  ", path, n, word, "; ".join(why) or "ok"))
    print("%s: %d/%d cases pass" % (path, len(cases) - failed, len(cases)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
