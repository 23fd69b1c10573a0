#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Glosses that agree with the translation (src/gloss/align.c), measured on
the held-out halves of the parallel dev data (FLORES devtest lines 507+,
NTREX lines 999+; the lexicon learns from the first halves only).

Each German line is glossed with `--input lines -f jsonl` three times:
without a translation, with its reference English (`--translation`), and
with a WRONG translation (every line paired with the next line's English).
For the content words (NOUN, VERB, ADJ, ADV, PROPN) it prints the share
whose primary gloss has a content word found (stemmed as
src/lexicon/en_stem.c stems, irregular past forms of
dictionaries/english-irregular.tsv undone) in the line's reference English,
the share with a non-empty `align`, the glosses the translation re-chose,
and the glossing time of each run.

    bench/align_eval.py build/degloss [DATA_ROOT]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

STOP = set("""a about all also am an and any are as at be been being but by can could did do
does each for from had has have he her here him his how i if in into is it its may me might
must my no nor not of on one oneself or our shall she should so sb sth than that the their
them there these they this those to us was we were what when where which who whom whose why
will with would you your""".split())
CONTENT = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}


def en_stem(word):
    """src/lexicon/en_stem.c, line for line."""
    out = word.lower()
    n = len(out)
    if n > 4 and out.endswith("ies"):
        return out[:-3] + "y"
    if n > 5 and out.endswith("ing"):
        n -= 3
    elif n > 4 and out.endswith("ed"):
        n -= 2
    elif n > 4 and out.endswith("es"):
        n -= 2
    elif n > 3 and out[n - 1] == "s" and out[n - 2] != "s":
        n -= 1
    if n > 3 and out[n - 1] == "e":
        n -= 1
    if n > 3 and out[n - 1] == out[n - 2] and out[n - 1] in "bdgmnprt":
        n -= 1
    return out[:n]


def irregular(root):
    base = {}
    with open(os.path.join(root, "dictionaries/english-irregular.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for form in cols[1:3]:
                for v in form.split(","):
                    v = v.strip()
                    if v and v != cols[0]:
                        base.setdefault(v, cols[0])
    return base


WORD = re.compile(r"[A-Za-z0-9\u0080-\uffff]+")


def stems(text, irr):
    res = set()
    for w in WORD.findall(text):
        low = w.lower()
        if low in STOP:
            continue
        res.add(en_stem(irr.get(low, low)))
    return res


def gloss(degloss, de_lines, en_lines):
    with tempfile.TemporaryDirectory() as tmp:
        de = os.path.join(tmp, "de.txt")
        with open(de, "w", encoding="utf-8") as f:
            f.write("\n".join(de_lines) + "\n")
        cmd = [degloss, "--no-config", "-f", "jsonl", "--input", "lines", de]
        if en_lines is not None:
            en = os.path.join(tmp, "en.txt")
            with open(en, "w", encoding="utf-8") as f:
                f.write("\n".join(en_lines) + "\n")
            cmd[-1:-1] = ["--translation", en]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        secs = time.perf_counter() - t0
    return [json.loads(l) for l in out.splitlines() if l.strip()], secs


def measure(recs, refs, irr):
    n = agree = aligned = rechosen = 0
    for rec in recs:
        ref = stems(refs[rec["line"] - 1], irr)
        for t in rec["tokens"]:
            if t.get("pos") not in CONTENT or t["kind"] not in ("word", "name"):
                continue
            n += 1
            g = stems(t["gloss"].replace(".", " "), irr)
            agree += bool(g & ref)
            aligned += bool(t.get("align"))
            rechosen += t["source"] == "translation"
    return n, agree, aligned, rechosen


def main():
    degloss = sys.argv[1] if len(sys.argv) > 1 else "build/degloss"
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..")
    os.environ.setdefault("DEGLOSS_DATA_DIR", os.path.join(os.path.dirname(os.path.abspath(degloss)), "data"))
    irr = irregular(root)
    par = os.path.join(root, "dictionaries/parallel")
    sets = [("FLORES devtest 507+", "flores200/deu_Latn.devtest", "flores200/eng_Latn.devtest", 507),
            ("NTREX 999+", "ntrex/newstest2019-ref.deu.txt", "ntrex/newstest2019-src.eng.txt", 999)]
    print("%-20s %-16s %7s %9s %9s %9s %7s" % ("held-out", "translation", "content", "agree %", "align %",
                                            "rechosen", "secs"))
    for name, de_path, en_path, first in sets:
        with open(os.path.join(par, de_path), encoding="utf-8") as f:
            de = f.read().splitlines()[first - 1:]
        with open(os.path.join(par, en_path), encoding="utf-8") as f:
            en = f.read().splitlines()[first - 1:]
        wrong = en[1:] + en[:1]
        for label, tr in (("none", None), ("reference", en), ("wrong (shifted)", wrong)):
            recs, secs = gloss(degloss, de, tr)
            n, agree, aligned, rechosen = measure(recs, en, irr)
            print("%-20s %-16s %7d %9.2f %9.2f %9d %7.2f" % (name, label, n, 100.0 * agree / n,
                                                          100.0 * aligned / n, rechosen, secs))


if __name__ == "__main__":
    main()
