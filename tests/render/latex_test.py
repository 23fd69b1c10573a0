#!/usr/bin/env python3
"""degloss --format latex: the examples' shape and escaping, and (with
--compile) that pdflatex compiles them.

  latex_test.py DEGLOSS SAMPLE            shape, escaping, small caps, braces
  latex_test.py DEGLOSS SAMPLE --compile  pdflatex on the sample article (gb4e
                                          and expex) and on a line of LaTeX
                                          special characters; exits 77
                                          (skipped) without pdflatex, gb4e.sty
                                          or expex.sty
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import FAILS, check, summary  # noqa: E402


# Every LaTeX special character, typographic quotes and dashes, < > |.
SPECIALS = 'Preis: 5 % & $3 #1 a_b {x} ~ ^ \\ „Zitat“ – fertig. «Guillemets» ‚einfach‘ — <b> | "x" `y` a--b ,,c\'\'.\n'


def run(exe, args, text=None):
    p = subprocess.run([exe, "--no-config", "--color", "never"] + args, input=text.encode() if text else None,
                       capture_output=True)
    check(p.returncode == 0, f"degloss {' '.join(args)} exits 0 (got {p.returncode}: {p.stderr.decode()[:300]})")
    return p.stdout.decode()


def shape(exe, sample):
    nsent = len(run(exe, ["-f", "jsonl", sample]).splitlines())
    gb4e = run(exe, ["-f", "latex", sample])
    ngll = gb4e.count("\\gll ")
    check(gb4e.count("\\begin{exe}") == nsent and ngll == nsent, f"gb4e: one exe/gll per sentence ({nsent}; got {ngll})")
    check("\\documentclass" not in gb4e, "gb4e: no document without --latex-standalone")
    # Two lines per example, each ending in \\, the same number of cells.
    for m in re.finditer(r"\\gll (.*)\\\\\n(.*)\\\\\n", gb4e):
        de, gl = m.group(1), m.group(2)
        if not check(len(cells(de)) == len(cells(gl)), f"gb4e: as many German cells as gloss cells: {de[:80]}"):
            break
    check(re.search(r"Russia-\\textsc\{gen\}", gb4e) is not None, "Leipzig labels in small caps: Russia-\\textsc{gen}")
    check(re.search(r"the\.\\textsc\{m\.nom\}", gb4e) is not None, "the.\\textsc{m.nom}")
    check("Telefon-gespräch" in gb4e and "phone-conversation" in gb4e,
          "the German line is segmented as the interlinear shows it (Telefon-gespräch)")
    check("-\\textsc{lnk}-" in gb4e, "LNK in small caps between compound parts")
    if "zu-INF" in run(exe, ["-f", "interlinear", "-w", "100", sample]):
        check("\\textsc{zu-inf}" in gb4e, "zu-INF in small caps")
    check(re.search(r"\\textsc\{[^}]*[A-Z]", gb4e) is None, "labels lower-cased inside \\textsc")
    first = re.search(r"% (\S+):(\d+)\n", gb4e)
    check(first and first.group(1) == sample, f"each example names FILE:LINE (got {first and first.group(0)})")

    expex = run(exe, ["-f", "latex", "--latex", "expex", sample])
    check(expex.count("\\ex\n\\begingl\n\\gla ") == nsent and expex.count("\\endgl\n\\xe\n") == nsent,
          "expex: \\ex \\begingl \\gla ... \\endgl \\xe per sentence")
    check(expex.count("\\glb ") == nsent and " //\n\\glb " in expex, "expex: \\glb after \\gla ... //")

    plain = run(exe, ["-f", "latex", "-s", "plain", sample])
    check("\\textsc" not in plain, "plain style: no labels")
    check("{on the}" in plain, "plain style: a gloss with a space stays one cell ({on the})")
    check("bestätigte" in plain and "bestätig-te" not in plain, "plain style: German words as written")

    sa = run(exe, ["-f", "latex", "--latex-standalone", sample])
    check(sa.startswith("% degloss") and "\\documentclass{article}" in sa and "\\usepackage[T1]{fontenc}" in sa
          and "\\usepackage[utf8]{inputenc}" in sa and "\\usepackage{gb4e}" in sa
          and sa.rstrip().endswith("\\end{document}"), "--latex-standalone: a whole document with gb4e")
    sx = run(exe, ["-f", "latex", "--latex", "expex", "--latex-standalone", sample])
    check("\\usepackage{expex}" in sx, "--latex expex --latex-standalone loads expex")

    # Escaping: nothing special reaches TeX raw.
    sp = run(exe, ["-f", "latex"], SPECIALS)
    body = "\n".join(l for l in sp.splitlines() if not l.startswith("%"))
    for want in ["\\%", "\\&", "\\$", "\\#", "\\_", "\\{x\\}", "\\textasciitilde{}", "\\textasciicircum{}",
                 "\\textbackslash{}", "\\quotedblbase{}Zitat", "\\textquotedblleft{}", "\\textendash{}",
                 "\\textemdash{}", "\\guillemotleft{}", "\\guillemotright{}", "\\quotesinglbase{}",
                 "\\textquoteleft{}", "\\textless{}", "\\textgreater{}", "\\textbar{}", "\\textquotedbl{}",
                 "\\textasciigrave{}", "-{}-", ",{},", "'{}'"]:
        check(want in body, f"escaped: {want}")
    raw = re.sub(r"\\[a-zA-Z]+\{\}|\\[{}%&$#_-]|\\\\\n|\\(gll|glt|ex|begin|end|textsc)\b|\{\}", "", body)
    for ch in "%&$#_~^„“–—«»‚‘<>|\"`":
        check(ch not in raw, f"no raw {ch!r} in the LaTeX body")
    return FAILS


def cells(line):
    """The cells of a \\gll line: words, {grouped words} and {}."""
    out, depth, cur = [], 0, ""
    for ch in line.strip():
        if ch == " " and depth == 0:
            out.append(cur)
            cur = ""
            continue
        if ch == "{" and not cur.endswith("\\"):
            depth += 1
        elif ch == "}" and not cur.endswith("\\"):
            depth -= 1
        cur += ch
    out.append(cur)
    return out


def pdflatex(tex, workdir, name):
    path = os.path.join(workdir, name + ".tex")
    with open(path, "w", encoding="utf-8") as f:
        f.write(tex)
    t = time.monotonic()
    # pdflatex makes the bitmap fonts T1 text needs (mktexpk) under
    # $TEXMFVAR, by default in $HOME; a run without HOME (an empty
    # environment) keeps them in one place of its own
    env = dict(os.environ)
    if "HOME" not in env and "TEXMFVAR" not in env:
        env["TEXMFVAR"] = os.path.join(tempfile.gettempdir(), "degloss-texmf-var")
    p = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex"], cwd=workdir,
                       capture_output=True, stdin=subprocess.DEVNULL, env=env, timeout=300)
    dt = time.monotonic() - t
    ok = p.returncode == 0 and os.path.exists(os.path.join(workdir, name + ".pdf"))
    if not ok:
        log = p.stdout.decode(errors="replace")
        err = log[log.find("\n!"):][:800] if "\n!" in log else log[-800:]
        print(f"pdflatex {name}.tex failed:\n{err}")
    print(f"pdflatex {name}.tex: {'ok' if ok else 'FAILED'} in {dt:.2f} s")
    return ok


def compile_all(exe, sample):
    missing = [w for w in ("pdflatex", "kpsewhich") if not shutil.which(w)]
    if not missing:
        for sty in ("gb4e.sty", "expex.sty"):
            p = subprocess.run(["kpsewhich", sty], capture_output=True)
            if p.returncode != 0 or not p.stdout.strip():
                missing.append(sty)
    if missing:
        print("SKIPPED: pdflatex/gb4e not installed (apt install texlive-latex-extra texlive-humanities);"
              f" missing: {', '.join(missing)}")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as d:
        # (not "gb4e.tex"/"expex.tex": expex.sty inputs expex.tex by name)
        for pkg in ("gb4e", "expex"):
            tex = run(exe, ["-f", "latex", "--latex", pkg, "--latex-standalone", sample])
            check(pdflatex(tex, d, "sample-" + pkg), f"pdflatex compiles the sample article with {pkg}")
            tex = run(exe, ["-f", "latex", "--latex", pkg, "--latex-standalone", "-s", "plain"], SPECIALS)
            check(pdflatex(tex, d, "specials-" + pkg), f"pdflatex compiles LaTeX special characters with {pkg}")
            tex = run(exe, ["-f", "latex", "--latex", pkg, "--latex-standalone"], SPECIALS)
            check(pdflatex(tex, d, "specials-leipzig-" + pkg),
                  f"pdflatex compiles LaTeX special characters with {pkg} (Leipzig)")
        # A character the T1 fonts lack does not stop pdflatex.
        tex = run(exe, ["-f", "latex", "--latex-standalone"], "Putin heißt Путин 😀.\n")
        check(pdflatex(tex, d, "unicode"), "pdflatex survives characters T1 lacks")


def main():
    exe, sample = sys.argv[1], sys.argv[2]
    if "--compile" in sys.argv:
        compile_all(exe, sample)
    else:
        shape(exe, sample)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
