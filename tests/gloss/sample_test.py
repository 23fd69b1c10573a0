#!/usr/bin/env python3
"""The sample article end to end.

  sample_test.py DEGLOSS SAMPLE GOLDEN_DIR SCHEMA [--update]

1. Every word token has a non-empty gloss (names count as glossed when marked).
2. The JSONL and JSON outputs validate against the JSON Schema.
3. Each output format equals its golden file (tests/gloss/golden/sample.*);
   --update rewrites the goldens (review the diff by eye before committing).
4. The cases the issue names are right (listed in CASES below).
5. --style reaches every format: JSON is the same in both styles and gives
   every word its plain gloss beside the Leipzig one; TSV's gloss column and
   CoNLL-U's Gloss= show the style's gloss, nothing else changes with it.
"""
import difflib
import json
import os
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

FORMATS = [
    ("interlinear", "leipzig", "sample.interlinear.txt"),
    ("interlinear", "plain", "sample.plain.txt"),
    ("jsonl", "leipzig", "sample.jsonl"),
    ("conllu", "leipzig", "sample.conllu"),
    ("html", "leipzig", "sample.html"),
    ("tsv", "leipzig", "sample.tsv"),
]

ENV = dict(os.environ)
if ENV.get("DEGLOSS_DATA_DIR"):
    ENV["DEGLOSS_DATA_DIR"] = os.path.abspath(ENV["DEGLOSS_DATA_DIR"])


def run(exe, sample, fmt, style):
    # (in the sample's directory: CoNLL-U's "# newdoc id" names the file as given)
    p = subprocess.run([os.path.abspath(exe), "--no-config", "--format", fmt, "--style", style, "--width", "100",
                        "--color", "never", os.path.basename(sample)], capture_output=True,
                       cwd=os.path.dirname(os.path.abspath(sample)), env=ENV)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors="replace"))
    check(p.returncode == 0, f"degloss --format {fmt} exits 0 (got {p.returncode})")
    return p.stdout.decode()


def sentences(jsonl):
    return [json.loads(l) for l in jsonl.splitlines() if l.strip()]


def find(sents, form, nth=1):
    """(sentence, index, token) of the nth token with this form."""
    k = 0
    for s in sents:
        for i, t in enumerate(s["tokens"]):
            if t["form"] == form:
                k += 1
                if k == nth:
                    return s, i, t
    return None, -1, None


def gloss_in(t, options):
    return t is not None and t["gloss"].lower().removeprefix("to ") in options


def check_cases(sents):
    s, i, t = find(sents, "Telefongespräch")
    check(t and [p["form"] for p in t.get("parts", [])] == ["Telefon", "gespräch"],
          f"Telefongespräch parts Telefon|gespräch (got {t and t.get('parts')})")
    check(t and t["parts"][0]["gloss"] in ("telephone", "phone")
          and t["parts"][1]["gloss"] in ("conversation", "talk", "call", "discussion"),
          f"Telefongespräch part glosses (got {t and [p['gloss'] for p in t.get('parts', [])]})")
    # part glosses that explain the whole (not Haupt "pilot", Hindernis "bar",
    # Kraft "force"), and a nominalised head (Sonder|gesandter "envoy")
    for word, want in [("Haupthindernis", ["main", "obstacle"]), ("Kraftwerke", ["power", "plant"]),
                       ("Sondergesandter", ["special", "envoy"])]:
        s, i, t = find(sents, word)
        got = t and [p["gloss"] for p in t.get("parts", []) if p.get("kind") != "link"]
        check(got == want, f"{word} part glosses {want} (got {got})")
    s, i, t = find(sents, "Russlands")
    check(t and t["gloss"] == "Russia" and "GEN" in t["labels"].split("."),
          f"Russlands -> Russia-GEN (got {t and (t['gloss'], t['labels'])})")
    for verb, particle, lemma, ok in [
        ("stellte", "klar", "klarstellen", {"clarify", "make clear", "clarified", "state clearly", "make plain"}),
        ("deutete", "an", "andeuten", {"hint", "hint at", "indicate", "suggest", "imply", "intimate", "allude"}),
        ("wies", "zurück", "zurückweisen", {"reject", "refuse", "repudiate", "rebuff", "turn down", "dismiss", "repel", "decline"}),
        ("kommen", "voran", "vorankommen", {"make progress", "progress", "advance", "get ahead", "get on",
                                             "come along", "make headway", "get along", "move forward"}),
    ]:
        s, i, t = find(sents, verb)
        while t and t.get("separable") is None:
            # the first occurrence may be another use of the verb; look further
            nth = sum(1 for x in sents for y in x["tokens"] if y["form"] == verb)
            found = None
            for n in range(1, nth + 1):
                s2, i2, t2 = find(sents, verb, n)
                if t2.get("separable"):
                    found = (s2, i2, t2)
                    break
            if not found:
                break
            s, i, t = found
        sep = t and t.get("separable")
        ok_sep = check(sep and sep["lemma"] == lemma and sep["role"] == "verb",
                       f"{verb} … {particle} -> {lemma} (got {t and (t['lemma'], sep)})")
        if ok_sep:
            p = s["tokens"][sep["partner"]]
            check(p["form"] == particle and p["separable"]["role"] == "particle",
                  f"{verb} … {particle}: particle marked (got {p['form']}, {p.get('separable')})")
            check(gloss_in(t, ok), f"{lemma} glossed as one of {sorted(ok)} (got {t['gloss']})")
    s, i, t = find(sents, "aufgäbe")
    check(t and t["lemma"] == "aufgeben" and gloss_in(t, {"give up", "abandon", "surrender", "relinquish", "cede", "quit"}),
          f"aufgäbe -> aufgeben 'give up' (got {t and (t['lemma'], t['gloss'])})")
    s, i, t = find(sents, "anzukündigen")
    check(t and t["lemma"] == "ankündigen" and gloss_in(t, {"announce", "herald", "advertise", "give notice"}),
          f"anzukündigen -> ankündigen 'announce' (got {t and (t['lemma'], t['gloss'])})")
    for words, label in [(["Worte", "in", "den", "Mund", "legen"], "Worte in den Mund legen"),
                         (["auf", "dem", "Tisch", "liege"], "auf dem Tisch liegen"),
                         (["Ton", "setzt"], "den Ton … setzt")]:
        s, i, t = find(sents, words[-1])
        ids = set()
        if s:
            for w in words:
                for tok in s["tokens"]:
                    if tok["form"] == w and tok.get("mwe"):
                        ids.add(tok["mwe"]["id"])
        members = s and [tok["form"] for tok in s["tokens"] if tok.get("mwe") and tok["mwe"]["id"] in ids]
        check(s is not None and len(ids) == 1 and all(w in members for w in words),
              f"{label}: one expression over {words} (got ids {ids}, members {members})")
    s, i, t = find(sents, "um")
    check(t and t.get("mwe") and t["mwe"]["gloss"] == "in order to",
          f"um … zu -> in order to (got {t and t.get('mwe')})")
    if t and t.get("mwe"):
        zu = [tok for tok in s["tokens"] if tok["form"] == "zu" and tok.get("mwe", {}).get("id") == t["mwe"]["id"]]
        check(len(zu) == 1, "um … zu: zu belongs to the expression")
    s, i, t = find(sents, "Kiew")
    check(t and t["gloss"] == "Kyiv", f"Kiew -> Kyiv (got {t and t['gloss']})")
    for name in ["Wladimir", "Putin", "Dmitri", "Peskow", "Mike", "Rounds", "Witkoff", "Sybiha", "Hegseth"]:
        s, i, t = find(sents, name)
        check(t and t["kind"] == "name", f"{name} marked as a name (got {t and t['kind']})")
    s, i, t = find(sents, "17.")
    if t is None:
        s, i, t = find(sents, "17")
    check(t and t["gloss"] == "17th", f"17. -> 17th (got {t and t['gloss']})")
    s, i, t = find(sents, "März")
    check(t and t["gloss"] == "March", f"März -> March (got {t and t['gloss']})")
    s, i, t = find(sents, "NATO-Mitgliedschaft")
    check(t and "NATO" in t["gloss"] and "membership" in t["gloss"],
          f"NATO-Mitgliedschaft -> NATO-membership (got {t and t['gloss']})")


def conllu_tokens(text):
    """The token lines of CoNLL-U: words, and multiword tokens instead of their words."""
    out, end = [], 0
    for l in text.splitlines():
        if not l or l.startswith("#"):
            continue
        c = l.split("\t")
        if "-" in c[0]:
            end = int(c[0].split("-")[1])
        elif c[0].isdigit() and int(c[0]) <= end:
            continue
        else:
            end = 0
        out.append(c)
    return out


def conllu_misc(v):
    """A value as CoNLL-U MISC writes it (no spaces, no pipes)."""
    return (v or "_").replace("\t", ".").replace("\n", ".").replace(" ", ".").replace("|", "/")


def check_styles(exe, sample, outputs, sents):
    toks = [t for s in sents for t in s["tokens"]]
    words = [t for t in toks if t["kind"] in ("word", "name")]
    bare = [t["form"] for t in words if not t.get("plain")]
    check(not bare, f"words without plain: {bare[:10]}")
    check(all(t.get("plain") == "" for t in toks if t["kind"] == "punct"), "punctuation has an empty plain")
    check(run(exe, sample, "jsonl", "plain") == outputs["sample.jsonl"], "JSONL is the same in both styles")
    # named plain glosses: inflected, spaced, a detached particle in brackets
    s, i, t = find(sents, "Russlands")
    check(t and t.get("plain") == "Russia's", f"Russlands plain Russia's (got {t and t.get('plain')})")
    s, i, t = find(sents, "am")
    check(t and t["gloss"] == "on.the" and t.get("plain") == "on the", f"am: on.the / on the (got {t and t.get('plain')})")
    for s in sents:
        for t in s["tokens"]:
            if t.get("separable", {}).get("role") == "particle":
                check(t.get("plain") == f"({t['gloss']})", f"particle {t['form']} plain ({t['gloss']}) (got {t.get('plain')})")
    # TSV: the gloss column follows the style, the plain column is JSON's plain
    tsv = {st: [l.split("\t") for l in run(exe, sample, "tsv", st).splitlines()] for st in ("leipzig", "plain")}
    head = tsv["leipzig"][0]
    check("plain" in head and tsv["plain"][0] == head, f"TSV header has a plain column (got {head})")
    if "plain" in head and len(tsv["leipzig"]) == len(toks) + 1 == len(tsv["plain"]):
        g, p = head.index("gloss"), head.index("plain")
        bad = [t["form"] for t, a, b in zip(toks, tsv["leipzig"][1:], tsv["plain"][1:])
               if a[g] != t["gloss"] or a[p] != t.get("plain") or b[g] != t.get("plain") or b[p] != t.get("plain")
               or a[:g] + a[g + 1:] != b[:g] + b[g + 1:]]
        check(not bad, f"TSV gloss column follows the style, plain column is the plain gloss: {bad[:10]}")
    else:
        check(False, "TSV has one line per JSON token in both styles")
    # CoNLL-U: Gloss= follows the style, Plain= is the plain gloss (one line
    # per token: a contraction's multiword-token line, not its two words)
    cu = {st: conllu_tokens(run(exe, sample, "conllu", st)) for st in ("leipzig", "plain")}
    if len(cu["leipzig"]) == len(toks) == len(cu["plain"]):
        bad = []
        for t, a, b in zip(toks, cu["leipzig"], cu["plain"]):
            ma, mb = a[9].split("|"), b[9].split("|")
            punct = t["kind"] == "punct"
            want_a = conllu_misc(t["form"] if punct else t["gloss"])
            want_b = conllu_misc(t["form"] if punct else t.get("plain"))
            plain = [] if punct else ["Plain=" + conllu_misc(t.get("plain"))]
            if (ma[0] != "Gloss=" + want_a or mb[0] != "Gloss=" + want_b or a[:9] != b[:9] or ma[1:] != mb[1:]
                    or [m for m in ma if m.startswith("Plain=")] != plain or len(a) != 10 or " " in a[9]):
                bad.append((t["form"], a[9], b[9]))
        check(not bad, f"CoNLL-U Gloss= follows the style, Plain= the plain gloss: {bad[:5]}")
    else:
        check(False, "CoNLL-U has one line per JSON token in both styles")


def main():
    exe, sample, golden, schema_path = sys.argv[1:5]
    update = "--update" in sys.argv
    outputs = {}
    for fmt, style, name in FORMATS:
        outputs[name] = run(exe, sample, fmt, style)
    sents = sentences(outputs["sample.jsonl"])
    # 1. every word glossed
    words = [t for s in sents for t in s["tokens"] if t["kind"] in ("word", "name")]
    empty = [t["form"] for t in words if not t["gloss"].strip()]
    check(not empty, f"words without a gloss: {empty}")
    unknown = [t["form"] for t in words if t["source"] == "unknown"]
    # every compound part has a gloss (issue 4): an empty part gloss, or a
    # part the dictionary does not know (the engine says so in "reason")
    parts = [(t["form"], p) for t in words for p in t.get("parts", []) if p["kind"] == "stem"]
    bare = [f"{f}:{p['form']}" for f, p in parts if not p["gloss"].strip()]
    bare += [t["form"] for t in words if "parts unknown" in (t.get("reason") or "")]
    check(not bare, f"compound parts without a gloss: {bare}")
    print(f"sample: {len(sents)} sentences, {len(words)} words, {len(empty)} without gloss, "
          f"{len(unknown)} repeated as unknown {unknown}; {len(parts)} compound parts, "
          f"{len(bare)} without a gloss")
    # 2. schema
    try:
        import jsonschema
        schema = json.load(open(schema_path, encoding="utf-8"))
        v = jsonschema.Draft202012Validator(schema)
        errs = [e for s in sents for e in v.iter_errors(s)]
        check(not errs, f"JSONL schema errors: {[e.message for e in errs[:5]]}")
        doc = json.loads(run(exe, sample, "json", "leipzig"))
        errs = list(v.iter_errors(doc))
        check(not errs, f"JSON schema errors: {[e.message for e in errs[:5]]}")
        check(len(doc["sentences"]) == len(sents), "json and jsonl agree")
    except ImportError:
        check(False, "python3-jsonschema is missing (tools/install-deps installs it)")
    # 3. goldens
    for fmt, style, name in FORMATS:
        path = os.path.join(golden, name)
        if update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(outputs[name])
            continue
        want = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if want != outputs[name]:
            diff = list(difflib.unified_diff(want.splitlines(), outputs[name].splitlines(),
                                             f"golden/{name}", "output", lineterm="", n=1))
            print("\n".join(diff[:60]))
            check(False, f"output differs from golden/{name} (rerun with --update after review)")
    # 4. named cases
    check_cases(sents)
    # 5. the style in every format
    check_styles(exe, sample, outputs, sents)
    return summary("sample test")


if __name__ == "__main__":
    sys.exit(main())
