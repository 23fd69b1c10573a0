#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases of one family of glossing rules (issue 12: compounds, numbers, code,
spelling, idioms, subject, labels): a TSV file of sentences, a word in each
and the acceptable values of one of its fields.  Every case must pass.

Columns (tab-separated; '#' lines are comments):
  options   degloss options for this case ("-" for none), e.g. "--domain software"
  sentence  the German text (one sentence, or a few: the document)
  word      the token's form as written, with "#N" for its N-th occurrence
            ("an#2"); "@document" checks a field of the last sentence object
            instead (the document's subject as of its end)
  field     gloss | sense (the gloss in lower case without a leading "to ")
            | plain | labels | lemma | pos | kind | segmentation | parts (the
            parts' glosses joined by "-", links as LNK) | glossline
            ("labels" joined to the gloss as on the Leipzig line:
            the.F.NOM) | mwe (the expression's gloss) | subject (with word
            "@document": the subject shown)
  accept    acceptable values separated by "|"; "" (empty) means an empty
            value, "*" any value (the token must exist), "!V" anything but V

Each (options, sentence) runs `degloss --no-config -f jsonl OPTIONS` once,
as a document of its own (subject votes are per document); the runs go two
at a time.

usage: family_test.py DEGLOSS CASES.tsv [--show]
"""
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys


# the fields a case may check (a misspelt one would read as empty and let
# a "!V" case pass whatever the output)
FIELDS = {"gloss", "sense", "plain", "labels", "lemma", "pos", "kind", "segmentation", "parts", "glossline",
          "mwe", "subject"}


def field_of(tok, field):
    if field == "glossline":
        g = tok.get("gloss", "").replace(" ", ".")
        lab = tok.get("labels", "")
        return g + ("." + lab if lab else "")
    if field == "mwe":
        return (tok.get("mwe") or {}).get("gloss", "")
    if field == "sense":
        g = tok.get("gloss", "").strip().lower()
        return g[3:] if g.startswith("to ") else g
    if field == "parts":
        return "-".join("LNK" if p.get("link") else p.get("gloss", "") for p in tok.get("parts", []))
    return tok.get(field, "")


def accepts(accept, got):
    if got is None:
        return False
    if accept == "*":
        return True
    if accept.startswith("!"):
        return got != accept[1:]
    return got in accept.split("|")


def split_word(word):
    """'an#2' -> ('an', 2); '#Wahl' and '#Wahl#2' keep the hashtag."""
    form, sep, occ = word.rpartition("#")
    if sep and form and occ.isdigit():
        return form, int(occ)
    return word, 1


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    exe, path, show = argv[1], argv[2], "--show" in argv
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEGLOSS_")}
    if "DEGLOSS_DATA_DIR" in os.environ:
        env["DEGLOSS_DATA_DIR"] = os.environ["DEGLOSS_DATA_DIR"]
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 5:
                print("%s:%d: bad line (want 5 columns): %s" % (path, n, line))
                return 2
            if cells[4 - 1] not in FIELDS:
                print("%s:%d: unknown field %r (known: %s)" % (path, n, cells[3], ", ".join(sorted(FIELDS))))
                return 2
            cases.append((n, *cells))

    def run(key):
        options, sentence = key
        opts = [] if options == "-" else shlex.split(options)
        p = subprocess.run([exe, "--no-config", "-f", "jsonl"] + opts, input=sentence.encode(),
                           capture_output=True, env=env, timeout=120)
        return p

    keys = list(dict.fromkeys((c[1], c[2]) for c in cases))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = dict(zip(keys, pool.map(run, keys)))
    passed = 0
    for n, options, sentence, word, field, accept in cases:
        p = results[(options, sentence)]
        if p.returncode not in (0, 1):
            print("FAIL %s:%d: %s: degloss exited %d: %s" % (path, n, sentence, p.returncode,
                                                           p.stderr.decode(errors="replace")))
            continue
        objs = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
        got = None
        if word == "@document":
            got = objs[-1].get(field, "") if objs else ""
        else:
            form, occ = split_word(word)
            toks = [t for o in objs for t in o["tokens"] if t["form"] == form]
            if len(toks) >= occ:
                got = field_of(toks[occ - 1], field)
        ok = accepts(accept, got)
        passed += ok
        if not ok or show:
            print("%s %s:%d: %s | %s | %s: got %r, want %s" % ("ok  " if ok else "FAIL", os.path.basename(path),
                                                             n, sentence, word, field, got, accept))
    print("%s: %d/%d cases pass" % (os.path.basename(path), passed, len(cases)))
    return 0 if passed == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
