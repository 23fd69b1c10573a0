#!/usr/bin/env python3
"""Glossing coverage and reference overlap on the dev data (prints figures).

  bench/gloss_eval.py [BUILD_DIR]     (default: build)

For FLORES-200 devtest and NTREX-128 German, each split into the first half
(lines the lexicon may learn from) and the held-out second half (FLORES
507-1012, NTREX 999-1997), it prints:
  coverage   word tokens with a real gloss (a name counts only when marked as
             a name; a word repeated as "unknown" does not count);
  overlap    the share of content words of the English reference sentence
             that occur among the primary glosses of its German sentence
             (lower case, simple suffix stripping on both sides);
  speed      tokens per second of the whole run (one process, one core).
"""
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOP = set("""a an the of to in on at for by with from and or but nor so as is are was were be been being
am do does did have has had having it its this that these those he she they we you i me him her them us
my your his our their not no yes there here which who whom whose what when where why how than then also
will would shall should can could may might must into onto about over under after before between
through during against without within up down out off all any both each few more most other some such
only own same too very just s t don now if because while until again further once""".split())


def stem(w):
    for suf in ("ies", "ied", "ing", "ed", "es", "s", "ly"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def words(text):
    return [stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP]


def run(exe, lines):
    data = "".join(json.dumps({"text": l}, ensure_ascii=False) + "\n" for l in lines)
    t0 = time.monotonic()
    p = subprocess.run([exe, "--no-config", "--input", "jsonl", "--format", "jsonl"], input=data.encode(),
                       capture_output=True)
    dt = time.monotonic() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"degloss failed: {p.stderr.decode(errors='replace')[:500]}")
    by_par = [[] for _ in lines]
    for l in p.stdout.decode().splitlines():
        o = json.loads(l)
        by_par[o["paragraph"]].extend(o["tokens"])
    return by_par, dt


def evaluate(name, exe, de, en):
    toks, dt = run(exe, de)
    nword = glossed = names = 0
    ref_total = ref_hit = 0
    unknown = {}
    ntok = 0
    for tokens, ref in zip(toks, en):
        ntok += len(tokens)
        gloss_words = set()
        for t in tokens:
            if t["kind"] not in ("word", "name"):
                continue
            nword += 1
            if t["kind"] == "name":
                names += 1
                glossed += 1
            elif t["gloss"] and t["source"] != "unknown":
                glossed += 1
            else:
                unknown[t["form"]] = unknown.get(t["form"], 0) + 1
            gloss_words.update(words(t["gloss"]))
            for p in t.get("parts", []):
                gloss_words.update(words(p["gloss"]))
        rw = words(ref)
        ref_total += len(rw)
        ref_hit += sum(1 for w in rw if w in gloss_words)
    cov = 100.0 * glossed / max(nword, 1)
    ovl = 100.0 * ref_hit / max(ref_total, 1)
    print(f"{name:28s} sentences {len(de):5d}  words {nword:6d}  coverage {cov:6.2f}%  "
          f"(names {names})  reference overlap {ovl:5.1f}%  {ntok / dt:8.0f} tokens/s")
    top = sorted(unknown.items(), key=lambda kv: -kv[1])[:12]
    if top:
        print(" " * 30 + "not glossed: " + ", ".join(f"{w} ({n})" for w, n in top))
    return cov, ovl


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    exe = os.path.join(build, "degloss")
    os.environ.setdefault("DEGLOSS_DATA_DIR", os.path.join(build, "data"))
    ev = os.path.join(ROOT, "dictionaries", "parallel")  # the aligned FLORES and NTREX text

    def read(p):
        with open(os.path.join(ev, p), encoding="utf-8") as f:
            return f.read().split("\n")[:-1]

    fl_de, fl_en = read("flores200/deu_Latn.devtest"), read("flores200/eng_Latn.devtest")
    nt_de, nt_en = read("ntrex/newstest2019-ref.deu.txt"), read("ntrex/newstest2019-src.eng.txt")
    evaluate("FLORES 1-506", exe, fl_de[:506], fl_en[:506])
    evaluate("FLORES 507-1012 (held out)", exe, fl_de[506:], fl_en[506:])
    evaluate("NTREX 1-998", exe, nt_de[:998], nt_en[:998])
    evaluate("NTREX 999-1997 (held out)", exe, nt_de[998:], nt_en[998:])


if __name__ == "__main__":
    main()
