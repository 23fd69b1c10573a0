#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Glosses that agree with the translation (src/gloss/align.c).

    align_test.py DEGLOSS NTREX_DEU NTREX_ENG

Checked with --input lines --translation FILE: a hand-checked sample of
sentences and their English (which words align with which English words,
which glosses the translation re-chose, the context's choice kept as an
alternative, function words untouched, a translation word backing one
German word); JSON without a translation has no "align"; a translation of
another line (shifted by one), word salad or another language (French)
changes no gloss, and the French aligns nothing; an empty translation line;
the interlinear format in colour underlines a gloss the translation chose;
JSONL input objects with a "translation";
the same bytes with --jobs 2 on 400 NTREX lines.

A failed check prints a line; the last line counts the checks."""
import json
import os
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check as expect, summary  # noqa: E402

BIN, DEU, ENG = sys.argv[1:4]

# German, English, {form: (gloss, source is "translation", aligned English words)}
SAMPLE = [
    ("Putin und Trump wollen ein Telefongespräch führen.",
     "Putin and Trump want to hold a phone call.",
     # führen: the lexicon has no sense "hold", so it stays as the context chose
     {"Putin": ("Putin", False, ["Putin"]), "Telefongespräch": ("phone call", True, ["phone", "call"]),
      "führen": ("lead", False, []), "und": ("and", False, []), "ein": ("a", False, [])}),
    ("Der Minister stellte die Pläne am Montag vor.",
     "The minister presented the plans on Monday.",
     {"Minister": ("minister", False, ["minister"]), "stellte": ("present", False, ["presented"]),
      "Pläne": ("plan", False, ["plans"]), "Montag": ("Monday", False, ["Monday"]),
      "Der": ("the", False, [])}),
    ("Die Firma führt ein neues Produkt ein.",
     "The company is introducing a new product.",
     {"führt": ("introduce", True, ["introducing"]), "Firma": ("company", False, ["company"]),
      "neues": ("new", False, ["new"]), "Produkt": ("product", False, ["product"])}),
    ("Er ging gestern in die Stadt.",
     "He went to town yesterday.",
     {"gestern": ("yesterday", False, ["yesterday"])}),
    ("Die Kinder spielen im Garten.",
     "The kids are playing in the garden.",
     {"Kinder": ("kid", True, ["kids"]), "spielen": ("play", False, ["playing"]),
      "Garten": ("garden", False, ["garden"])}),
    ("Das Gericht hat die Klage abgewiesen.",
     "The court dismissed the lawsuit.",
     {"Gericht": ("court", False, ["court"]), "Klage": ("lawsuit", True, ["lawsuit"]),
      "abgewiesen": ("dismiss", True, ["dismissed"])}),
    ("Die Schiffe liefen in den Hafen ein.",
     "The vessels entered the harbour.",
     {"Schiffe": ("vessel", True, ["vessels"])}),
    # Compounds: the translation's English compound made of the parts'
    # senses becomes the gloss, the parts taking those senses.
    ("Das Waffenstillstandsabkommen wurde unterzeichnet.",
     "The ceasefire agreement was signed.",
     {"Waffenstillstandsabkommen": ("ceasefire agreement", True, ["ceasefire", "agreement"])}),
    ("Das Telefongespräch dauerte lange.",
     "The phone conversation lasted long.",
     {"Telefongespräch": ("phone conversation", True, ["phone", "conversation"])}),
]
# form -> the parts' glosses (stems only) the gloss line shows
PARTS = {"Telefongespräch": [["phone", "call"], ["phone", "conversation"]],
         "Waffenstillstandsabkommen": [["ceasefire", "agreement"]]}
CONTENT = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}


def run(args):
    e = dict(os.environ)
    e.pop("DEGLOSS_JOBS", None)
    p = subprocess.run([BIN, "--no-config"] + args, capture_output=True, env=e, timeout=600)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def records(out):
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def choices(recs):
    """What glossing chose, token by token (not the alignment)."""
    return [[(t["form"], t["gloss"], t.get("plain"), t["glosses"], t["source"]) for t in r["tokens"]] for r in recs]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        de, en = os.path.join(tmp, "de.txt"), os.path.join(tmp, "en.txt")
        write(de, [s[0] for s in SAMPLE])
        write(en, [s[1] for s in SAMPLE])
        rc, out, err = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        expect(rc == 0, "sample glossed with its translation", err)
        recs = records(out)
        expect(len(recs) == len(SAMPLE), "one record a line", len(recs))
        for (g, e, want), r in zip(SAMPLE, recs):
            tr = r.get("translation", {}).get("text", "")
            expect(tr == e, f"translation of '{g}'", tr)
            toks = {t["form"]: t for t in r["tokens"]}
            for form, (gloss, chosen, words) in want.items():
                t = toks.get(form)
                if not t:
                    expect(False, f"{form} in '{g}'", "missing")
                    continue
                got = [tr.encode()[a:b].decode() for a, b in t.get("align", [])]  # byte spans
                expect(t["gloss"] == gloss and (t["source"] == "translation") == chosen and got == words,
                       f"{form}: {gloss}{' (translation)' if chosen else ''} aligned with {words}",
                       f"{t['gloss']} {t['source']} {got}")
                if chosen:
                    expect(len(t["glosses"]) > 1 and t["glosses"][0] == gloss and gloss not in t["glosses"][1:],
                           f"{form}: the context's choice stays an alternative", t["glosses"])
            # Every token has "align"; one English word backs one German word
            # (an expression's words and a separable verb's parts share theirs).
            expect(all("align" in t for t in r["tokens"]), f"every token of '{g}' has align")
            seen = {}
            ok = True
            for i, t in enumerate(r["tokens"]):
                key = t["mwe"]["id"] if "mwe" in t else ("sep", min(i, t["separable"]["partner"])) if "separable" in t else i
                for a, b in t.get("align", []):
                    if seen.setdefault((a, b), key) != key:
                        ok = False
            expect(ok, f"one-to-one alignment in '{g}'")
        # A compound's parts spell the gloss the translation chose (the gloss
        # line says "phone-call", not "phone-conversation" under "phone call").
        seen_parts = {}
        for r in recs:
            for t in r["tokens"]:
                if t["form"] in PARTS:
                    seen_parts.setdefault(t["form"], []).append([p["gloss"] for p in t["parts"] if p["gloss"]])
        expect(seen_parts == PARTS, "compounds: the parts take the senses of the chosen gloss", seen_parts)
        rc, il, err = run(["-f", "interlinear", "--input", "lines", "--translation", en, de])
        expect(rc == 0 and "phone-call" in il and "ceasefire-LNK-agreement" in il and "phone-conversation" in il,
               "compounds: the Leipzig gloss line shows the translation's parts", err)
        # The particle of a separable verb shows the verb's new gloss.
        ein = [t for t in recs[2]["tokens"] if t["form"] == "ein"][-1]
        expect(ein["gloss"] == "introduce" and ein["source"] == "translation", "führt ... ein: the particle too",
               ein["gloss"])
        # Plain English inflects the new gloss as the old one was.
        ab = [t for t in recs[5]["tokens"] if t["form"] == "abgewiesen"][0]
        expect(ab["plain"] == "dismissed", "abgewiesen: plain 'dismissed'", ab["plain"])

        rc, col, err = run(["-f", "interlinear", "-s", "plain", "--color", "always", "--input", "lines",
                            "--translation", en, de])
        expect(rc == 0 and "\033[36m\033[4mphone call" in col and "\033[4mpresent" not in col,
               "interlinear in colour underlines the glosses the translation chose", err)
        rc, out0, err = run(["-f", "jsonl", "--input", "lines", de])
        base = records(out0)
        expect(rc == 0 and '"align"' not in out0, "no translation: no align in JSON", err)
        rc, outj, err = run(["-f", "json", "--input", "lines", "--translation", en, de])
        expect(rc == 0 and outj.count('"align"') > 0, "json: align with a translation", err)

        # Wrong translations change no gloss.
        shifted = [s[1] for s in SAMPLE[1:]] + [SAMPLE[0][1]]
        write(en, shifted)
        rc, out, err = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        expect(rc == 0 and choices(records(out)) == choices(base), "shifted translation changes no gloss", err)
        salad = ["Vessels kids lawsuit harbour introducing dismissed phone call calendar purple."] * len(SAMPLE)
        write(en, salad)
        rc, out, err = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        expect(rc == 0 and choices(records(out)) == choices(base), "word salad changes no gloss", err)
        french = ["Poutine et Trump veulent avoir une conversation téléphonique.",
                  "Le ministre a présenté les plans lundi.",
                  "L'entreprise introduit un nouveau produit.",
                  "Il est allé en ville hier.",
                  "Les enfants jouent dans le jardin.",
                  "Le tribunal a rejeté la plainte.",
                  "Les navires sont entrés dans le port.",
                  "L'accord de cessez-le-feu a été signé.",
                  "La conversation téléphonique a duré longtemps."]
        write(en, french)
        rc, out, err = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        recs = records(out)
        expect(rc == 0 and choices(recs) == choices(base), "French translation changes no gloss", err)
        expect(all(not t["align"] for r in recs for t in r["tokens"]), "French translation aligns nothing")

        # Empty translation lines: no translation, no align, no change.
        write(en, ["", SAMPLE[1][1], ""] + [s[1] for s in SAMPLE[3:]])
        rc, out, err = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        recs = records(out)
        expect(rc == 0 and "translation" not in recs[0] and '"align"' not in json.dumps(recs[0]),
               "empty translation line", err)
        expect(choices(recs)[0] == choices(base)[0] and "align" in recs[1]["tokens"][0],
               "empty translation line: the others still align")

        # JSONL input: an object's "translation" (a string, or degloss's own
        # {"text": ...}) is each of its sentences' translation.
        jl = os.path.join(tmp, "in.jsonl")
        write(jl, [json.dumps({"text": SAMPLE[4][0] + " " + SAMPLE[5][0], "translation": SAMPLE[4][1] + " " + SAMPLE[5][1]}),
                   json.dumps({"text": SAMPLE[2][0], "translation": {"text": SAMPLE[2][1]}}),
                   json.dumps({"text": SAMPLE[3][0]})])
        rc, o1, e1 = run(["-f", "jsonl", "--input", "jsonl", jl])
        rc2, o2, e2 = run(["-f", "jsonl", "--input", "jsonl", jl, "--jobs", "2"])
        recs = records(o1)
        g = {t["form"]: t for r in recs for t in r["tokens"]}
        tr = SAMPLE[4][1] + " " + SAMPLE[5][1]
        expect(rc == 0 and len(recs) == 4 and recs[1].get("translation", {}).get("text") == tr
               and g["Klage"]["gloss"] == "lawsuit" and g["Kinder"]["gloss"] == "kid"
               and [tr[a:b] for a, b in g["Klage"]["align"]] == ["lawsuit"]
               and g["führt"]["source"] == "translation" and "translation" not in recs[3]
               and "align" not in recs[3]["tokens"][0],
               "JSONL input with translations", e1)
        expect(rc2 == 0 and o1 == o2, "JSONL input with translations: --jobs 2 the same bytes", e2)

        # --jobs 2 gives the same bytes with a translation.
        with open(DEU, encoding="utf-8") as f:
            deu = f.read().split("\n")[:400]
        with open(ENG, encoding="utf-8") as f:
            eng = f.read().split("\n")[:400]
        write(de, deu)
        write(en, eng)
        rc1, o1, e1 = run(["-f", "jsonl", "--input", "lines", "--translation", en, de])
        rc2, o2, e2 = run(["-f", "jsonl", "--input", "lines", "--translation", en, de, "--jobs", "2"])
        expect(rc1 == 0 and rc2 == 0 and o1 == o2 and o1.count('"source":"translation"') > 0,
               "--jobs 2: the same bytes with --translation (400 NTREX lines)", e1 + e2)
        n = al = 0
        for r in records(o1):
            for t in r["tokens"]:
                if t.get("pos") in CONTENT:
                    n += 1
                    al += bool(t["align"])
        expect(n and al / n > 0.5, "most content words of NTREX align", f"{al}/{n}")
    return summary()


if __name__ == "__main__":
    sys.exit(main())
