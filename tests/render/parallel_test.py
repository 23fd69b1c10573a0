#!/usr/bin/env python3
"""degloss --format parallel and -f html --layout parallel.

  parallel_test.py DEGLOSS SAMPLE

parallel: a header row, then one row of four tab-separated fields per
sentence: FILE:LINE (the line really holds the sentence's first word), the
sentence, the translation (empty without MT), the gloss line, which holds
the words of the interlinear gloss line in the same style; standard input
gives sentence numbers; tabs, newlines and backslashes are escaped.
html --layout parallel: each sentence's German and gloss beside its
translation; the default layout does not change with the option absent.
Run next to the MT test server (tests/mt/with_server.py sets MT_TEST_PORT),
the translations fill the parallel row, the HTML pair and LaTeX's \\glt.
"""
import os
import tempfile
import json
import re
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402


def run(exe, args, text=None):
    p = subprocess.run([exe, "--no-config", "--color", "never"] + args, input=text.encode() if text else None,
                       capture_output=True)
    check(p.returncode == 0, f"degloss {' '.join(args)} exits 0 (got {p.returncode}: {p.stderr.decode()[:300]})")
    return p.stdout.decode()


def gloss_lines(interlinear):
    """The gloss line of each sentence of interlinear text (one line each with
    a wide --width), as its cells joined by single spaces."""
    out = []
    for block in interlinear.split("\n\n"):
        lines = block.split("\n")
        if len(lines) < 3:
            continue
        de, gl = lines[0], lines[2]
        starts = [m.start() for m in re.finditer(r"(?:(?<=  )|^)\S", de)]
        cells = []
        for k, a in enumerate(starts):
            b = starts[k + 1] if k + 1 < len(starts) else len(gl)
            c = gl[a:b].strip()
            if c:
                cells.append(c)
        out.append(" ".join(cells))
    return out


def translated(exe):
    port = os.environ.get("MT_TEST_PORT")
    if not port:
        print("(no MT test server: translations not checked)")
        return
    text = "Der Kreml bestätigte am Montag die Gespräche.\n\nEr sagte: „Wir kommen voran.“\n"
    with tempfile.TemporaryDirectory() as cache:
        mt = ["--translate", "libretranslate", "--mt-url", f"http://127.0.0.1:{port}/t/render-ok/ok",
              "--cache-dir", cache]
        rows = [r.split("\t") for r in run(exe, ["-f", "parallel"] + mt, text).splitlines()[1:]]
        check(len(rows) == 2 and all(len(r) == 4 and r[2] for r in rows),
              f"parallel: the translation field is filled ({rows})")
        page = run(exe, ["-f", "html", "--layout", "parallel"] + mt, text)
        check(len(re.findall(r'</div>\n<div class="tr">[^<]+</div>\n</div>', page)) == 2,
              "html --layout parallel: the translation beside the German side")
        tex = run(exe, ["-f", "latex"] + mt, text)
        check(tex.count("\\glt `") == 2, "latex gb4e: \\glt with the translation")
        tex = run(exe, ["-f", "latex", "--latex", "expex"] + mt, text)
        check(tex.count("\\glft `") == 2, "latex expex: \\glft with the translation")


def main():
    exe, sample = sys.argv[1], sys.argv[2]
    with open(sample, encoding="utf-8") as f:
        src_lines = f.read().split("\n")
    sents = [json.loads(l) for l in run(exe, ["-f", "jsonl", sample]).splitlines()]
    for style in ("leipzig", "plain"):
        out = run(exe, ["-f", "parallel", "-s", style, sample])
        rows = out.split("\n")
        check(rows[-1] == "", "the output ends with a newline")
        rows = rows[:-1]
        check(rows[0] == "id\ttext\ttranslation\tgloss", f"header row (got {rows[0]!r})")
        rows = [r.split("\t") for r in rows[1:]]
        check(len(rows) == len(sents), f"{style}: one row per sentence ({len(sents)}; got {len(rows)})")
        check(all(len(r) == 4 for r in rows), f"{style}: four fields in every row")
        inter = gloss_lines(run(exe, ["-f", "interlinear", "-s", style, "-w", "100000", sample]))
        check(len(inter) == len(rows), f"{style}: as many interlinear sentences as rows")
        for r, s, g in zip(rows, sents, inter):
            fname, _, line = r[0].rpartition(":")
            if not check(fname == sample and line.isdigit(), f"id is FILE:LINE (got {r[0]})"):
                break
            first = s["tokens"][0]["form"]
            if not check(first in src_lines[int(line) - 1], f"{r[0]} holds the sentence's first word {first!r}"):
                break
            if not check(r[1] == s["text"], f"text field is the sentence: {r[1][:60]}"):
                break
            check(r[2] == "", "no translation without MT")
            if not check(r[3] == g, f"{style}: gloss field = interlinear gloss line\n  {r[3][:120]}\n  {g[:120]}"):
                break
    # Standard input: sentence numbers; escaping of tab and backslash.
    out = run(exe, ["-f", "parallel", "-i", "horizontal"], "Er sagt a\\b .\nSie geht .\n")
    rows = out.split("\n")
    check(rows[1].startswith("1\t") and rows[2].startswith("2\t"), f"standard input: sentence numbers ({rows[1:3]})")
    check("a\\\\b" in rows[1] and "\t" not in rows[1].split("\t", 3)[3], f"backslash escaped as \\\\ ({rows[1]!r})")
    out = run(exe, ["-f", "parallel", "-i", "jsonl"], json.dumps({"tokens": ["Er", "sagt", "x\ty", "."]}) + "\n")
    row = out.split("\n")[1]
    check(len(row.split("\t")) == 4, f"a tab inside a token keeps four fields ({row!r})")

    # HTML: default layout unchanged by the option's default, parallel layout.
    default = run(exe, ["-f", "html", sample])
    check(run(exe, ["-f", "html", "--layout", "default", sample]) == default, "--layout default = no --layout")
    check('class="s pair' not in default and 'de-side' not in default,
          "default layout has no parallel markup")
    par = run(exe, ["-f", "html", "--layout", "parallel", sample])
    check(par.count('<div class="s pair') == len(sents), "parallel layout: one pair per sentence")
    check(par.count('<div class="de-side">') == len(sents), "parallel layout: German side per sentence")
    check(re.search(r"\.pair \{ display: grid; grid-template-columns: 3fr 2fr", par) is not None,
          "parallel layout: two columns (CSS grid)")
    words = lambda h: re.findall(r'<span class="w.*?</span></span>', h)
    check(words(par) == words(default), "parallel layout: the same word blocks as the default layout")

    translated(exe)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
