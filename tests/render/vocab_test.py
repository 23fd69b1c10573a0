#!/usr/bin/env python3
"""degloss --format vocab and --progress.

  vocab_test.py DEGLOSS SAMPLE

vocab: a header row and rows of seven tab-separated fields (lemma, pos,
gloss, other_senses, count, first_context, section).  On the sample article
every lemma of its JSONL output with pos NOUN, VERB, ADJ or ADV has exactly
one row; the counts add up to the vocabulary tokens of the JSONL (words and
names, not a detached separable-verb particle); each lemma's gloss is the
gloss chosen most often for it; the first context is the sentence of the
lemma's first token with that token marked «…»; sections come in the order
content, name, closed, each most frequent first with ties in order of first
appearance; --vocab-skip names,closed leaves those sections out (and only
those); --jobs 2 gives the same bytes; a field with a tab or newline is
escaped.

progress: with --progress and standard error in a file, progress lines
(\\r-redrawn) appear and the last thing written is the blanking of the line,
standard output is byte-identical to a run without it; without --progress in
a pipe nothing is written to standard error; --no-progress wins over a
--progress before it; on a terminal (a pty) a small input shows no
progress by default, an input over 1 MB does (but not with --no-progress).
SPDX-License-Identifier: GPL-3.0-or-later"""
import collections
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402


def run(exe, args, text=None, stderr=subprocess.PIPE):
    p = subprocess.run([exe, "--no-config", "--color", "never"] + args,
                       input=text.encode() if text is not None else None,
                       stdout=subprocess.PIPE, stderr=stderr)
    err = p.stderr.decode() if p.stderr is not None else ""
    check(p.returncode == 0, f"degloss {' '.join(args)} exits 0 (got {p.returncode}: {err[:300]})")
    return p.stdout.decode(), err


HEADER = ["lemma", "pos", "gloss", "other_senses", "count", "first_context", "section"]
SECTIONS = ["content", "name", "closed"]


def rows_of(tsv, what):
    lines = tsv.split("\n")
    check(lines[-1] == "", f"{what}: ends with a newline")
    lines = lines[:-1]
    check(lines and lines[0].split("\t") == HEADER, f"{what}: header row {HEADER} (got {lines[:1]})")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        f = line.split("\t")
        if not check(len(f) == len(HEADER), f"{what}: line {n} has {len(HEADER)} fields (got {len(f)}: {line!r})"):
            continue
        rows.append(dict(zip(HEADER, f)))
    return rows


def vocabulary_tokens(jsonl):
    """(sentence text, tokens) per sentence, and the vocabulary tokens."""
    sentences, vocab = [], []
    for line in jsonl.splitlines():
        s = json.loads(line)
        sentences.append(s)
        for i, t in enumerate(s["tokens"]):
            if t["kind"] not in ("word", "name"):
                continue
            if t.get("separable", {}).get("role") == "particle":
                continue
            if t["pos"] in ("PUNCT", "SYM"):
                continue
            vocab.append((len(sentences) - 1, i, t))
    return sentences, vocab


def marked(s, i):
    """The sentence's tokens with token i in «…», spaced as in its text."""
    out = []
    toks = s["tokens"]
    for k, t in enumerate(toks):
        out.append("«" + t["form"] + "»" if k == i else t["form"])
        if k + 1 < len(toks) and t.get("space_after", True):
            out.append(" ")
    return "".join(out)


def check_vocab(exe, sample):
    tsv, _ = run(exe, ["-f", "vocab", sample])
    jsonl, _ = run(exe, ["-f", "jsonl", sample])
    rows = rows_of(tsv, "vocab")
    check(len(rows) > 100, f"the sample has more than 100 vocabulary rows (got {len(rows)})")
    sentences, vocab = vocabulary_tokens(jsonl)

    # one row per lemma+pos, every content lemma of the JSONL among them
    keys = collections.Counter((r["lemma"], r["pos"]) for r in rows)
    dup = [k for k, n in keys.items() if n > 1]
    check(not dup, f"one row per lemma and pos (repeated: {dup[:5]})")
    content = {(t["lemma"], t["pos"]) for _, _, t in vocab if t["pos"] in ("NOUN", "VERB", "ADJ", "ADV")}
    missing = sorted(content - set(keys))
    check(not missing, f"every NOUN/VERB/ADJ/ADV lemma of the JSONL has a row (missing: {missing[:10]})")
    check(len(content) > 150, f"the sample has over 150 content lemmas (got {len(content)})")

    # counts add up, per lemma and in total
    expected = collections.Counter((t["lemma"] or t["form"], t["pos"]) for _, _, t in vocab)
    got = {(r["lemma"], r["pos"]): int(r["count"]) for r in rows}
    check(sum(got.values()) == len(vocab),
          f"the counts add up to the {len(vocab)} vocabulary tokens (got {sum(got.values())})")
    wrong = [(k, got.get(k), n) for k, n in expected.items() if got.get(k) != n]
    check(not wrong, f"each row counts the tokens of its lemma and pos (wrong: {wrong[:5]})")
    check(set(got) == set(expected), "no row for a lemma the JSONL does not have")

    # gloss: the one chosen most often (ties: first); first context marked
    glosses = collections.defaultdict(collections.Counter)
    first = {}
    for si, i, t in vocab:
        k = (t["lemma"] or t["form"], t["pos"])
        if t["gloss"]:
            glosses[k][t["gloss"]] += 1  # Counter keeps first-seen order for ties
        first.setdefault(k, (si, i))
    for r in rows:
        k = (r["lemma"], r["pos"])
        if k not in first:
            continue
        want = max(glosses[k].items(), key=lambda kv: kv[1])[0] if glosses[k] else ""
        check(r["gloss"] == want, f"{k}: gloss is the most chosen {want!r} (got {r['gloss']!r})")
        si, i = first[k]
        ctx = marked(sentences[si], i)
        if len(ctx.encode()) <= 240:
            check(r["first_context"] == ctx, f"{k}: first context {ctx!r} (got {r['first_context']!r})")
        else:
            check("«" + sentences[si]["tokens"][i]["form"] + "»" in r["first_context"],
                  f"{k}: a long first context still marks the word")
        others = r["other_senses"].split(" | ") if r["other_senses"] else []
        check(len(others) <= 5 and r["gloss"] not in others,
              f"{k}: at most five other senses, not the gloss itself ({others})")

    # order: sections content, name, closed; in each most frequent first, ties by first appearance
    order = [SECTIONS.index(r["section"]) if r["section"] in SECTIONS else -1 for r in rows]
    check(-1 not in order, "every section is content, name or closed")
    check(order == sorted(order), "sections in the order content, name, closed")
    check(all(s in order for s in range(3)), "the sample has content words, names and closed-class words")
    flat = [(SECTIONS.index(r["section"]), -int(r["count"]), first.get((r["lemma"], r["pos"]), (0, 0)))
            for r in rows if r["section"] in SECTIONS]
    check(flat == sorted(flat), "most frequent first in each section, ties in order of first appearance")
    by = {(r["lemma"], r["pos"]): r["section"] for r in rows}
    check(by.get(("der", "DET")) == "closed" and by.get(("und", "CCONJ")) == "closed",
          "articles and conjunctions are closed-class")
    check(by.get(("Putin", "PROPN")) == "name", "Putin is a name")
    check(by.get(("Präsident", "NOUN")) == "content", "Präsident is a content word")
    check(not any(r["pos"] in ("PUNCT", "NUM") and r["section"] == "content" for r in rows),
          "no punctuation or numbers among the content words")

    # --vocab-skip
    for skip, gone in (("names", {"name"}), ("closed", {"closed"}), ("names,closed", {"name", "closed"})):
        t, _ = run(exe, ["-f", "vocab", "--vocab-skip", skip, sample])
        kept = [r for r in rows if r["section"] not in gone]
        check(rows_of(t, f"--vocab-skip {skip}") == kept, f"--vocab-skip {skip} leaves out exactly {sorted(gone)}")
    p = subprocess.run([exe, "--no-config", "-f", "vocab", "--vocab-skip", "verbs", sample], capture_output=True)
    check(p.returncode == 2 and b"vocab-skip" in p.stderr, "--vocab-skip verbs is a usage error")

    # --jobs 2: the same bytes
    t2, _ = run(exe, ["-f", "vocab", "-j", "2", sample])
    check(t2 == tsv, "--jobs 2 gives the same vocabulary")
    # two inputs: counted together, the first context from the first file
    both, _ = run(exe, ["-f", "vocab", sample, sample])
    rows2 = {(r["lemma"], r["pos"]): r for r in rows_of(both, "two inputs")}
    check(all(int(rows2[k]["count"]) == 2 * n for k, n in got.items() if k in rows2) and len(rows2) == len(rows),
          "the same article twice counts every lemma twice")

    # escaping: a tab inside the first context
    t, _ = run(exe, ["-f", "vocab"], "Der Hund\tbellt laut.\nDie Katze schläft.\n")
    r = rows_of(t, "escaping")
    check(r and all(len(x) == len(HEADER) for x in r), "a tab in the input does not break the rows")
    hund = [x for x in r if x["lemma"] == "Hund"]
    check(hund and "«Hund»" in hund[0]["first_context"], "Hund's first context marks it")
    # nothing but vocabulary: numbers, URLs, punctuation
    t, _ = run(exe, ["-f", "vocab"], "Siehe https://example.org am 17. März 2025: 42 Euro!\n")
    lemmas = {x["lemma"] for x in rows_of(t, "non-words")}
    check(not lemmas & {"https://example.org", "17", "2025", "42", ":", "!"},
          f"URLs, numbers and punctuation are not vocabulary (got {sorted(lemmas)})")
    check("Euro" in lemmas and "März" in lemmas, f"words next to them are (got {sorted(lemmas)})")


PROGRESS = re.compile(r"degloss: \d+\.\d (kB|MB) read, \d+ sentences, \d+ tokens/s(, \d+ translation requests)?\s*")


def check_progress(exe, sample):
    plain, err = run(exe, ["-f", "jsonl", sample])
    check(err == "", f"without --progress in a pipe nothing on standard error (got {err[:200]!r})")
    with tempfile.TemporaryDirectory() as tmp:
        errf = os.path.join(tmp, "err")
        with open(errf, "wb") as f:
            out, _ = run(exe, ["--progress", "-f", "jsonl", sample, sample], stderr=f)
        data = open(errf, encoding="utf-8", newline="").read()
        check(out == plain + plain, "stdout with --progress is byte-identical to a run without it")
        check(data.startswith("\r") and data.endswith("\r") and "\n" not in data,
              f"progress is one line redrawn with \\r and blanked at the end (got {data[:200]!r})")
        pieces = [p for p in data.split("\r") if p.strip()]
        check(len(pieces) >= 1, "at least one progress line")
        check(all(PROGRESS.fullmatch(p) for p in pieces), f"progress lines read as expected (got {pieces[:3]})")
        check(len(data.split("\r")) >= 3 and data.split("\r")[-2].strip() == "", f"the last thing written blanks the line ({data[-100:]!r})")
        if pieces:
            m = re.match(r"degloss: (\d+\.\d) kB read, (\d+) sentences", pieces[-1])
            check(m is not None and int(m.group(2)) > 0, f"the line counts sentences ({pieces[-1]!r})")
    _, err = run(exe, ["--progress", "--no-progress", "-f", "jsonl", sample])
    check(err == "", "--no-progress after --progress: nothing on standard error")
    # a terminal on standard error: no progress for a small input, progress
    # for one over 1 MB (here the sample after a megabyte of blank lines,
    # cheap to read) unless --no-progress
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.txt")
        with open(big, "wb") as f:
            f.write(b"\n" * 1100000 + open(sample, "rb").read())
        for args, want in (([sample], False), ([big], True), (["--no-progress", big], False)):
            code, got = on_terminal(exe, ["-f", "jsonl"] + args)
            check(code == 0, f"{args} on a terminal exits 0")
            if want:
                check(b"\r" in got and PROGRESS.search(got.decode(errors="replace")) is not None,
                      f"{args}: a large input on a terminal shows progress (got {got[:100]!r})")
            else:
                check(got == b"", f"{args}: no progress on the terminal (got {got[:100]!r})")


def on_terminal(exe, args):
    """Exit code and what degloss wrote to standard error, a pty."""
    master, slave = pty.openpty()
    p = subprocess.Popen([exe, "--no-config"] + args, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    return p.wait(), got


def main():
    exe, sample = sys.argv[1], sys.argv[2]
    check_vocab(exe, sample)
    check_progress(exe, sample)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
