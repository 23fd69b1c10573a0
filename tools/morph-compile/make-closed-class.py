#!/usr/bin/env python3
"""Write dictionaries/morph/closed.tsv: the closed-class words of German
(articles, pronouns, determiners, prepositions, conjunctions, particles)
with UD lemma, UPOS, FEATS and a Leipzig label.  The paradigms are written
out here by rule (the declension tables of any German grammar); edit this
script, not the output, and rerun:

  tools/morph-compile/make-closed-class.py > dictionaries/morph/closed.tsv

Lemma conventions follow UD German: articles -> der / ein, personal
pronouns -> nominative (mich -> ich), possessives -> mein, determiners ->
masculine nominative singular (diese -> dieser), alles -> alle.
"""
import sys

rows = []
CASES = ["Nom", "Acc", "Dat", "Gen"]
LZ = {"Nom": "NOM", "Acc": "ACC", "Dat": "DAT", "Gen": "GEN"}
GEN = {"Masc": "M", "Fem": "F", "Neut": "N"}


def add(form, lemma, pos, feats="-", leipzig="-"):
    rows.append((form, lemma, pos, feats or "-", leipzig or "-"))


def cells(table):
    """table: {(case, gender-or-'Plur'): form} -> {form: [(case, gender)]}"""
    out = {}
    for key, form in table.items():
        out.setdefault(form, []).append(key)
    return out


def merge_feats(keys, extra, lz_prefix):
    cases = sorted({c for c, g in keys})
    nums = sorted({"Plur" if g == "Plur" else "Sing" for c, g in keys})
    gens = sorted({g for c, g in keys if g != "Plur"})
    f = {"Case": ",".join(cases)}
    if gens and nums == ["Sing"]:
        f["Gender"] = ",".join(gens)
    f["Number"] = ",".join(nums)
    f.update(extra)
    feats = "|".join("%s=%s" % (k, f[k]) for k in sorted(f))
    lz = []
    if lz_prefix:
        lz.append(lz_prefix)
    if len(cases) == 1:
        lz.append(LZ[cases[0]])
    if len(nums) == 1:
        if nums == ["Sing"] and len(gens) == 1:
            lz.append(GEN[gens[0]])
        lz.append("SG" if nums == ["Sing"] else "PL")
    return feats, ".".join(lz)


def by_gender(keys):
    """Split the cells of one form into readings of one gender or the plural."""
    groups = {}
    for c, g in keys:
        groups.setdefault(g, []).append((c, g))
    return [groups[g] for g in sorted(groups)]


def declined(lemma, pos, endings_stem, table, extra, lz_prefix):
    for form, keys in cells({k: endings_stem + v for k, v in table.items()}).items():
        for group in by_gender(keys):
            feats, lz = merge_feats(group, extra, lz_prefix)
            add(form, lemma, pos, feats, lz)


DEF = {("Nom", "Masc"): "der", ("Nom", "Fem"): "die", ("Nom", "Neut"): "das", ("Nom", "Plur"): "die",
       ("Acc", "Masc"): "den", ("Acc", "Fem"): "die", ("Acc", "Neut"): "das", ("Acc", "Plur"): "die",
       ("Dat", "Masc"): "dem", ("Dat", "Fem"): "der", ("Dat", "Neut"): "dem", ("Dat", "Plur"): "den",
       ("Gen", "Masc"): "des", ("Gen", "Fem"): "der", ("Gen", "Neut"): "des", ("Gen", "Plur"): "der"}
declined("der", "DET", "", DEF, {"Definite": "Def", "PronType": "Art"}, "DEF")
REL = dict(DEF)
REL.update({("Dat", "Plur"): "denen", ("Gen", "Masc"): "dessen", ("Gen", "Neut"): "dessen",
            ("Gen", "Fem"): "deren", ("Gen", "Plur"): "deren"})
declined("der", "PRON", "", REL, {"PronType": "Dem,Rel"}, "REL")

# ein-words: ein, kein, possessives.
EIN = {("Nom", "Masc"): "", ("Nom", "Fem"): "e", ("Nom", "Neut"): "", ("Nom", "Plur"): "e",
       ("Acc", "Masc"): "en", ("Acc", "Fem"): "e", ("Acc", "Neut"): "", ("Acc", "Plur"): "e",
       ("Dat", "Masc"): "em", ("Dat", "Fem"): "er", ("Dat", "Neut"): "em", ("Dat", "Plur"): "en",
       ("Gen", "Masc"): "es", ("Gen", "Fem"): "er", ("Gen", "Neut"): "es", ("Gen", "Plur"): "er"}
EIN_SG = {k: v for k, v in EIN.items() if k[1] != "Plur"}
declined("ein", "DET", "ein", EIN_SG, {"Definite": "Ind", "PronType": "Art"}, "INDF")
declined("kein", "DET", "kein", EIN, {"PronType": "Neg"}, "NEG")
for lemma, stem, person, num in [("mein", "mein", "1", "Sing"), ("dein", "dein", "2", "Sing"),
                                 ("sein", "sein", "3", "Sing"), ("ihr", "ihr", "3", "Sing"),
                                 ("unser", "unser", "1", "Plur"), ("euer", "eur", "2", "Plur")]:
    tab = dict(EIN)
    if lemma == "euer":
        tab[("Nom", "Masc")] = tab[("Nom", "Neut")] = tab[("Acc", "Neut")] = "EUER"
    for form, keys in cells({k: (v if v == "EUER" else stem + v).replace("EUER", "euer")
                             for k, v in tab.items()}).items():
        for group in by_gender(keys):
            feats, lz = merge_feats(group, {"Poss": "Yes", "PronType": "Prs", "Person": person,
                                            "Number[psor]": num},
                                    "POSS.%s%s" % (person, "SG" if num == "Sing" else "PL"))
            add(form, lemma, "DET", feats, lz)
    if lemma == "unser":  # unsre, unsrem ... (elided e)
        for e in ["e", "en", "em", "er", "es"]:
            add("unsr" + e, "unser", "DET", "Poss=Yes|PronType=Prs", "POSS.1PL")

# dieser-words.
DIES = {("Nom", "Masc"): "er", ("Nom", "Fem"): "e", ("Nom", "Neut"): "es", ("Nom", "Plur"): "e",
        ("Acc", "Masc"): "en", ("Acc", "Fem"): "e", ("Acc", "Neut"): "es", ("Acc", "Plur"): "e",
        ("Dat", "Masc"): "em", ("Dat", "Fem"): "er", ("Dat", "Neut"): "em", ("Dat", "Plur"): "en",
        ("Gen", "Masc"): "es", ("Gen", "Fem"): "er", ("Gen", "Neut"): "es", ("Gen", "Plur"): "er"}
for lemma, pt, lz in [("dieser", "Dem", "DEM"), ("jener", "Dem", "DEM.DIST"), ("jeder", "Tot", "every"),
                      ("welcher", "Int,Rel", "INT"), ("mancher", "Ind", "some"), ("solcher", "Dem", "such"),
                      ("jeglicher", "Tot", "any"), ("sämtlicher", "Tot", "all")]:
    stem = lemma[:-2]
    declined(lemma, "DET", stem, DIES, {"PronType": pt}, lz if lz.isupper() else "")
add("dies", "dieser", "DET", "Case=Acc,Nom|Gender=Neut|Number=Sing|PronType=Dem", "DEM")
declined("alle", "DET", "all", DIES, {"PronType": "Tot"}, "")
add("all", "alle", "DET", "PronType=Tot", "")
for lemma in ["einige", "mehrere", "wenige", "viele", "andere", "beide"]:
    pass
for lemma, stem, pt in [("einige", "einig", "Ind"), ("mehrere", "mehrer", "Ind"), ("anderer", "ander", "Ind"),
                        ("beide", "beid", "Tot")]:
    declined(lemma, "DET", stem, DIES, {"PronType": pt}, "")

# Personal pronouns.
PERS = [
    ("ich", "1", "Sing", None, {"Nom": "ich", "Acc": "mich", "Dat": "mir", "Gen": "meiner"}),
    ("du", "2", "Sing", None, {"Nom": "du", "Acc": "dich", "Dat": "dir", "Gen": "deiner"}),
    ("er", "3", "Sing", "Masc", {"Nom": "er", "Acc": "ihn", "Dat": "ihm", "Gen": "seiner"}),
    ("sie", "3", "Sing", "Fem", {"Nom": "sie", "Acc": "sie", "Dat": "ihr", "Gen": "ihrer"}),
    ("es", "3", "Sing", "Neut", {"Nom": "es", "Acc": "es", "Dat": "ihm", "Gen": "seiner"}),
    ("wir", "1", "Plur", None, {"Nom": "wir", "Acc": "uns", "Dat": "uns", "Gen": "unser"}),
    ("ihr", "2", "Plur", None, {"Nom": "ihr", "Acc": "euch", "Dat": "euch", "Gen": "euer"}),
    ("sie", "3", "Plur", None, {"Nom": "sie", "Acc": "sie", "Dat": "ihnen", "Gen": "ihrer"}),
]
for lemma, person, num, gender, forms in PERS:
    byform = {}
    for case, form in forms.items():
        byform.setdefault(form, []).append(case)
    for form, cs in byform.items():
        f = {"Case": ",".join(sorted(cs)), "Number": num, "Person": person, "PronType": "Prs"}
        if gender:
            f["Gender"] = gender
        lz = person + ("SG" if num == "Sing" else "PL")
        if gender:
            lz = "3SG." + GEN[gender]
        if len(cs) == 1:
            lz += "." + LZ[cs[0]]
        add(form, lemma, "PRON", "|".join("%s=%s" % (k, f[k]) for k in sorted(f)), lz)
add("Sie", "Sie", "PRON", "Case=Acc,Nom|Person=2|Polite=Form|PronType=Prs", "2.POL")
add("Ihnen", "Sie", "PRON", "Case=Dat|Person=2|Polite=Form|PronType=Prs", "2.POL.DAT")
add("sich", "sich", "PRON", "Case=Acc,Dat|Person=3|PronType=Prs|Reflex=Yes", "REFL")
add("man", "man", "PRON", "Case=Nom|Number=Sing|PronType=Ind", "IMPERS")
for w, pt in [("jemand", "Ind"), ("niemand", "Neg"), ("nichts", "Neg"), ("etwas", "Ind"), ("nix", "Neg")]:
    add(w, w if w != "nix" else "nichts", "PRON", "PronType=" + pt, "NEG" if pt == "Neg" else "INDF")
for w, c in [("jemanden", "Acc"), ("jemandem", "Dat"), ("niemanden", "Acc"), ("niemandem", "Dat")]:
    add(w, w[:-2] if w.endswith(("en", "em")) else w, "PRON", "Case=%s|PronType=Ind" % c, LZ[c])
for w, c in [("wer", "Nom"), ("wen", "Acc"), ("wem", "Dat"), ("wessen", "Gen")]:
    add(w, "wer", "PRON", "Case=%s|PronType=Int,Rel" % c, "INT." + LZ[c])
add("was", "was", "PRON", "PronType=Int,Rel", "INT")

ADP = """in an auf aus bei mit nach von zu vor über unter durch für gegen ohne um seit bis zwischen
während wegen trotz statt anstatt hinter neben entlang gegenüber laut dank per pro ab außer
innerhalb außerhalb aufgrund mittels jenseits oberhalb unterhalb binnen samt nebst gemäß
zufolge infolge anlässlich angesichts bezüglich hinsichtlich seitens zugunsten ungeachtet inmitten
namens mangels zwecks abseits unweit via kontra versus à inklusive exklusive einschließlich
ausschließlich gen fern nahe""".split()
for w in ADP:
    add(w, w, "ADP", "-", "-")
for w, p, g, c in [("im", "in", "Masc,Neut", "Dat"), ("am", "an", "Masc,Neut", "Dat"),
                   ("zum", "zu", "Masc,Neut", "Dat"), ("vom", "von", "Masc,Neut", "Dat"),
                   ("beim", "bei", "Masc,Neut", "Dat"), ("zur", "zu", "Fem", "Dat"),
                   ("ins", "in", "Neut", "Acc"), ("ans", "an", "Neut", "Acc"), ("aufs", "auf", "Neut", "Acc"),
                   ("ums", "um", "Neut", "Acc"), ("durchs", "durch", "Neut", "Acc"), ("fürs", "für", "Neut", "Acc"),
                   ("übers", "über", "Neut", "Acc"), ("vors", "vor", "Neut", "Acc"), ("hinters", "hinter", "Neut", "Acc"),
                   ("unters", "unter", "Neut", "Acc")]:
    add(w, p, "ADP", "Case=%s|Definite=Def|Gender=%s|Number=Sing|PronType=Art" % (c, g), "DEF." + LZ[c])

for w in "und oder aber sondern denn doch sowie bzw. beziehungsweise weder noch sowohl entweder jedoch".split():
    add(w, w, "CCONJ")
for w in """dass ob weil wenn als da damit obwohl obgleich bevor nachdem seitdem sobald solange
falls indem sofern soweit sodass wohingegen ehe zumal""".split():
    add(w, w, "SCONJ")
add("daß", "dass", "SCONJ")
add("nicht", "nicht", "PART", "Polarity=Neg", "NEG")
# Comparative quantifiers: their own lemmas, as in UD German.
add("mehr", "mehr", "DET", "Degree=Cmp|PronType=Ind", "CMPR")
add("weniger", "weniger", "DET", "Degree=Cmp|PronType=Ind", "CMPR")
add("zu", "zu", "PART", "-", "-")

# Cardinal numbers written as words.
for n in ("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
          "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig "
          "siebzig achtzig neunzig hundert tausend").split():
    add(n, n, "NUM", "NumType=Card", "-")
# derselbe, dieselbe, dasselbe: article + weak adjective selbe.
WEAK = {("Nom", "Masc"): "e", ("Nom", "Fem"): "e", ("Nom", "Neut"): "e", ("Nom", "Plur"): "en",
        ("Acc", "Masc"): "en", ("Acc", "Fem"): "e", ("Acc", "Neut"): "e", ("Acc", "Plur"): "en",
        ("Dat", "Masc"): "en", ("Dat", "Fem"): "en", ("Dat", "Neut"): "en", ("Dat", "Plur"): "en",
        ("Gen", "Masc"): "en", ("Gen", "Fem"): "en", ("Gen", "Neut"): "en", ("Gen", "Plur"): "en"}
declined("derselbe", "DET", "", {k: DEF[k] + "selb" + WEAK[k] for k in DEF}, {"PronType": "Dem"}, "")

w = sys.stdout
w.write("# generated by tools/morph-compile/make-closed-class.py (closed-class words, written out by rule)\n")
w.write("# FORM\tLEMMA\tUPOS\tFEATS\tLEIPZIG\n")
seen = set()
for r in rows:
    if r in seen:
        continue
    seen.add(r)
    w.write("\t".join(r) + "\n")
