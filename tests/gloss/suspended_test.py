#!/usr/bin/env python3
"""Suspended compounds ("Ein- und Ausfuhr", "Kinderbetreuung und -erziehung"):
every truncated part is completed from its neighbour, glossed as the completed
word, and shown with the borrowed piece in brackets.  Every case must pass.

usage: suspended_test.py DEGLOSS
"""
import json
import subprocess
import sys

# sentence, truncated form, lemma, acceptable primary glosses, segmentation
CASES = [
    ("Ein- und Ausfuhr von Waffen wurden verboten.", "Ein-", "Einfuhr",
     {"import", "importation", "imports"}, "Ein-[fuhr]"),
    ("Die Vor- und Nachteile sind bekannt.", "Vor-", "Vorteil",
     {"advantage", "benefit"}, "Vor-[teile]"),
    ("Die Vor- oder Nachteile sind bekannt.", "Vor-", "Vorteil",
     {"advantage", "benefit"}, "Vor-[teile]"),
    ("Die Import- und Exportzahlen steigen.", "Import-", "Importzahl",
     {"import number", "import figure", "import figures"}, "Import-[zahlen]"),
    ("Er sprach über Sicherheits- und Verteidigungspolitik.", "Sicherheits-",
     "Sicherheitspolitik", {"security policy", "safety policy"}, "Sicherheits-[politik]"),
    ("Kinderbetreuung und -erziehung kosten Geld.", "-erziehung", "Kindererziehung",
     {"parenting", "child rearing", "child-rearing", "upbringing", "child education"},
     "[Kinder]-erziehung"),
    ("Sie bauen Ein- bis Zweifamilienhäuser.", "Ein-", "Einfamilienhaus",
     {"one-family house", "single-family house", "detached house"},
     "Ein-[familienhäuser]"),
    ("Die Bundes- oder Landesregierung entscheidet.", "Bundes-", "Bundesregierung",
     {"federal government"}, "Bundes-[regierung]"),
    ("Wenn Sie die Arktis- oder Antarktis-Gegenden besuchen.", "Arktis-", "Arktis-Gegend",
     {"arctic-quarter", "arctic-region", "arctic-area"}, "Arktis-[Gegenden]"),
]


def main():
    exe = sys.argv[1]
    data = "".join(json.dumps({"text": c[0]}, ensure_ascii=False) + "\n" for c in CASES)
    p = subprocess.run([exe, "--input", "jsonl", "--format", "jsonl", "--no-config"],
                       input=data.encode(), capture_output=True)
    if p.returncode != 0:
        print(p.stderr.decode(errors="replace"))
        return 1
    lines = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    by_text = {}
    for d in lines:
        by_text.setdefault(d["text"], []).extend(d["tokens"])
    failed = passed = 0
    for sent, form, lemma, glosses, seg in CASES:
        toks = [t for t in by_text.get(sent, []) if t["form"] == form]
        if not toks:
            print(f"FAIL {form!r}: no such token in {sent!r}")
            failed += 1
            continue
        t = toks[0]
        got = (t.get("lemma"), t.get("gloss", "").lower(), t.get("segmentation"))
        ok = got[0] == lemma and got[1] in glosses and got[2] == seg
        print(f"{'ok  ' if ok else 'FAIL'} {form:14} lemma={got[0]} gloss={got[1]!r} seg={got[2]}")
        failed += not ok
        passed += ok
    # no truncated part is left with its own form as gloss
    for d in lines:
        for t in d["tokens"]:
            if t["form"].endswith("-") or t["form"].startswith("-"):
                if t.get("gloss", "").rstrip("-").lstrip("-") == t["form"].strip("-"):
                    print(f"FAIL {t['form']!r} unglossed in {d['text']!r}")
                    failed += 1
    print(f"suspended compounds: {passed}/{len(CASES)} cases right, {failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
