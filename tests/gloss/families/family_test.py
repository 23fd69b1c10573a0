#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases of one family of glossing rules (issue 12's families 5-7): a TSV file
of sentences, a word in each and the acceptable values of one of its fields.
Every case must pass.

Columns (tab-separated; '#' lines are comments):
  options   degloss options for this case ("-" for none), e.g. "--domain software"
  sentence  the German text (one sentence, or a few: the document)
  word      the token's form as written, with "#N" for its N-th occurrence
            ("an#2"); "@document" checks a field of the last sentence object
            instead (the document's subject as of its end)
  field     gloss | plain | labels | lemma | pos | glossline ("labels" joined to
            the gloss as on the Leipzig line: the.F.NOM) | mwe (the expression's
            gloss) | domain (with word "@document": the subject shown)
  accept    acceptable values separated by "|"; "" (empty) means an empty value

Each case runs `degloss --no-config -f jsonl OPTIONS` on its sentence as a
document of its own (subject fields are per document).

usage: family_test.py DEGLOSS CASES.tsv [--show]
"""
import json
import os
import shlex
import subprocess
import sys


def field_of(tok, field):
    if field == "glossline":
        g = tok.get("gloss", "").replace(" ", ".")
        lab = tok.get("labels", "")
        return g + ("." + lab if lab else "")
    if field == "mwe":
        return (tok.get("mwe") or {}).get("gloss", "")
    return tok.get(field, "")


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    exe, path, show = argv[1], argv[2], "--show" in argv
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEGLOSS_")}
    if "DEGLOSS_DATA_DIR" in os.environ:
        env["DEGLOSS_DATA_DIR"] = os.environ["DEGLOSS_DATA_DIR"]
    total = passed = 0
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for n, line in enumerate(lines, 1):
        cells = line.split("\t")
        if len(cells) != 5:
            print("%s: bad line (want 5 columns): %s" % (path, line))
            return 2
        options, sentence, word, field, accept = cells
        opts = [] if options == "-" else shlex.split(options)
        p = subprocess.run([exe, "--no-config", "-f", "jsonl"] + opts, input=sentence.encode(),
                           capture_output=True, env=env)
        total += 1
        if p.returncode not in (0, 1):
            print("FAIL %s: degloss exited %d: %s" % (sentence, p.returncode, p.stderr.decode(errors="replace")))
            continue
        objs = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
        got = None
        if word == "@document":
            got = objs[-1].get(field, "") if objs else ""
        else:
            form, _, occ = word.partition("#")
            occ = int(occ) if occ else 1
            seen = 0
            for o in objs:
                for t in o["tokens"]:
                    if t["form"] == form:
                        seen += 1
                        if seen == occ and got is None:
                            got = field_of(t, field)
        ok = got is not None and got in accept.split("|")
        passed += ok
        if not ok or show:
            print("%s %s | %s | %s: got %r, want %s" % ("ok  " if ok else "FAIL", sentence, word, field,
                                                       got, accept))
    print("%s: %d/%d cases pass" % (os.path.basename(path), passed, total))
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
