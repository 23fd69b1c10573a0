#!/usr/bin/env python3
"""The legend of Leipzig labels (dictionaries/leipzig-labels.tsv).

  labels_test.py DEGLOSS LABELS_TSV README MANPAGE TEXT...

1. `degloss --labels` prints the file's labels and meanings in its order.
2. Every label on the Leipzig gloss line of the TEXTs (the sample article
   and NTREX) is in the legend: the "labels" of every JSONL token split at
   "." and "/", person+number as two ("3SG" = 3 + SG), and LNK for the
   linking element of a compound.
3. The README's label table and the man page's list equal the file.
4. The HTML page's legend lists exactly the labels on that page, in the
   legend's order, and plain style (no labels) has no legend.
"""
import html
import json
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402


def run(exe, args):
    p = subprocess.run([exe, "--no-config"] + args, capture_output=True)
    check(p.returncode == 0, f"degloss {' '.join(args)} exits 0 (got {p.returncode}: {p.stderr.decode()[:300]})")
    return p.stdout.decode()


def legend(path):
    out = []
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    check(lines[0] == "label\tmeaning", "the TSV's header is label<TAB>meaning")
    for l in lines[1:]:
        label, meaning = l.split("\t")
        out.append((label, meaning))
    return out


def split(labels, known):
    """The legend entries of a label string, and the parts not in it."""
    got, unknown = set(), set()
    for p in re.split(r"[./]", labels):
        if not p:
            continue
        if p in known:
            got.add(p)
        elif len(p) > 1 and p[0] in "123" and p[1:] in known:
            got.update([p[0], p[1:]])
        else:
            unknown.add(p)
    return got, unknown


def used(sents, known):
    got, unknown = set(), set()
    for s in sents:
        for t in s["tokens"]:
            g, u = split(t.get("labels", ""), known)
            got |= g
            unknown |= {(x, t["form"]) for x in u}
            mwe = t.get("mwe")
            if any(p.get("kind") == "link" for p in t.get("parts", [])) and not (mwe and mwe.get("head")):
                got.add("LNK")
    return got, unknown


def main():
    exe, tsv, readme, man = sys.argv[1:5]
    texts = sys.argv[5:]
    entries = legend(tsv)
    known = [l for l, _ in entries]
    check(len(set(known)) == len(known), "no label twice")

    # 1. --labels
    out = run(exe, ["--labels"]).splitlines()
    check(len(out) == len(entries), f"--labels prints every label ({len(entries)}; got {len(out)})")
    for line, (label, meaning) in zip(out, entries):
        check(line.split(None, 1) == [label, meaning], f"--labels: {label}: {meaning} (got {line!r})")

    # 2. every printed label is in the legend
    for text in texts:
        sents = [json.loads(l) for l in run(exe, ["-f", "jsonl", text]).splitlines()]
        got, unknown = used(sents, set(known))
        check(not unknown, f"{text}: labels not in the legend: {sorted(unknown)[:20]}")
        print(f"{text}: {len(got)} legend labels used: {' '.join(l for l in known if l in got)}")

    # 3. README table and man page
    with open(readme, encoding="utf-8") as f:
        rd = f.read()
    rows = re.findall(r"^\| `([^`]+)` \| (.*) \|$", rd[rd.find("<!-- leipzig-labels -->"):], re.M)
    rows = rows[:len(entries)] if rows else rows
    check([(l, m.replace("\\|", "|")) for l, m in rows] == entries,
          "README: the table after <!-- leipzig-labels --> lists dictionaries/leipzig-labels.tsv as it is")
    with open(man, encoding="utf-8") as f:
        mp = f.read()
    sec = mp[mp.find(".SH LEIPZIG LABELS"):]
    sec = sec[:sec.find("\n.SH", 4)]
    items = re.findall(r"^\.TP\n\.B (\S+)\n(.*)$", sec, re.M)
    unesc = lambda s: s.replace("\\-", "-").replace("\\(dq", '"').replace("\\(aq", "'").replace("\\e", "\\")
    check([(unesc(l), unesc(m)) for l, m in items] == entries,
          "man page: LEIPZIG LABELS lists dictionaries/leipzig-labels.tsv as it is")
    check("--labels" in mp.replace("\\-", "-"), "man page names --labels")

    # 4. HTML legend: the labels of the page
    text = texts[0]
    page = run(exe, ["-f", "html", text])
    sents = [json.loads(l) for l in run(exe, ["-f", "jsonl", text]).splitlines()]
    got, _ = used(sents, set(known))
    shown = [html.unescape(x) for x in re.findall(r"<dt>(.*?)</dt>", page)]
    check(shown == [l for l in known if l in got], f"HTML legend = labels on the page (got {shown})")
    check(page.index("<details class=\"legend\"") > page.rindex("<div class=\"s"), "the legend follows the sentences")
    # the page switches to Leipzig glosses in plain style too: the same legend
    plain = run(exe, ["-f", "html", "-s", "plain", text])
    check(re.findall(r"<dt>(.*?)</dt>", plain) == re.findall(r"<dt>(.*?)</dt>", page),
          "plain style: the same legend (the page can switch to Leipzig)")

    return summary()


if __name__ == "__main__":
    sys.exit(main())
