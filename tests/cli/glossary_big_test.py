#!/usr/bin/env python3
"""Big glossaries load in linear time, and keep their order.

    glossary_big_test.py DEGLOSS

A pathological glossary under a timeout (cmark's way): 300,000 lines for one
lemma, then 300,000 lines of distinct lemmas.  Loading used to walk a lemma's
whole chain for every line (300,000 lines for one lemma: about 9 minutes);
the test's ctest TIMEOUT (120 s) fails it if that comes back.  It also checks
what the user sees: the first line of a lemma wins in its glossary, a later
glossary overrides an earlier one, and every lemma of the file is found."""
import json
import os
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check as expect, summary  # noqa: E402


def tokens(out):
    toks = {}
    for line in out.splitlines():
        if line.strip():
            for t in json.loads(line)["tokens"]:
                toks[t["form"]] = t
    return toks


def main():
    degloss = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one-lemma.tsv")
        n = 300_000
        with open(one, "w", encoding="utf-8") as f:
            f.write("lemma\tpos\tgloss\n")
            for i in range(n):
                f.write(f"Kreml\tPROPN\tkremlin-{i}\n")
        spread = os.path.join(tmp, "spread.tsv")
        with open(spread, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(f"Wortform{i}\tNOUN\tword-{i}\n")
            f.write("Kreml\tPROPN\tthe later glossary\n")
        text = os.path.join(tmp, "in.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write("Der Kreml schweigt. Wortform0 und Wortform299999 und Wortform150000.\n")
        p = subprocess.run([degloss, "--no-config", "-f", "jsonl", "-a", "3", "-g", one, text],
                           capture_output=True, timeout=110)
        toks = tokens(p.stdout.decode())
        expect(p.returncode == 0, f"{n} lines for one lemma load (exit {p.returncode})", p.stderr[-300:])
        k = toks.get("Kreml", {})
        expect(k.get("gloss") == "kremlin-0", "the first line of a lemma wins", k.get("gloss"))
        expect(k.get("glosses", [])[:3] == ["kremlin-0", "kremlin-1", "kremlin-2"],
               "the lemma's lines stay in file order", k.get("glosses"))
        p = subprocess.run([degloss, "--no-config", "-f", "jsonl", "-g", one, "-g", spread, text],
                           capture_output=True, timeout=110)
        toks = tokens(p.stdout.decode())
        expect(p.returncode == 0, f"two glossaries, {2 * n} lines (exit {p.returncode})", p.stderr[-300:])
        expect(toks.get("Kreml", {}).get("gloss") == "the later glossary",
               "a later glossary overrides an earlier one", toks.get("Kreml", {}).get("gloss"))
        for w, g in (("Wortform0", "word-0"), ("Wortform299999", "word-299999"),
                     ("Wortform150000", "word-150000")):
            expect(toks.get(w, {}).get("gloss") == g, f"{w} found", toks.get(w, {}).get("gloss"))
    return summary()


if __name__ == "__main__":
    sys.exit(main())
