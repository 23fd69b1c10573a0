#!/usr/bin/env python3
"""Documents in: HTML, Markdown, PDF and DOCX glossed as text, as a user meets it.

  document_test.py CASE DEGLOSS DOCUMENT_DUMP SRCDIR WORKDIR

Each case runs degloss (and document_dump, which prints the document
layer's extracted text, paragraphs and code regions) and asserts what comes
out: no markup, script or header text, the German words glossed, each
paragraph's origin, code kept as code, token offsets into the extracted
text.  Bad documents are made here at test time (truncated and encrypted
PDFs, ZIP bombs, 50 MB of nested HTML): each must give a message naming
the file and exit status 4 within bounded memory, and the file after it on
the command line must still be glossed.  Needs DEGLOSS_DATA_DIR (ctest sets
it) and python3-jsonschema.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import FAILS, check, summary  # noqa: E402

CASE, EXE, DUMP, SRC, WORK = sys.argv[1:6]
T = os.path.join(SRC, "tests", "document")
HTML = os.path.join(T, "artikel.html")
MD = os.path.join(T, "notiz.md")
PDF = os.path.join(T, "zeitung.pdf")
DOCX = os.path.join(T, "bericht.docx")
SAMPLE = os.path.join(SRC, "samples", "news-ukraine-2025.de.txt")

# Memory bound for a bad document (KiB of peak RSS).  The sanitizers' build
# needs several times the plain one; the bound is there to catch memory
# that grows with what the file claims (a GB-sized inflation, a tree of
# millions of elements), not a few hundred MB of overhead.
RSS_LIMIT_KB = 768 * 1024


def env():
    e = dict(os.environ)
    for k in list(e):
        if k.startswith("DEGLOSS_") and k != "DEGLOSS_DATA_DIR":
            del e[k]
    e["XDG_CONFIG_HOME"] = os.path.join(WORK, "xdg-none")
    return e


def run(args, stdin=None):
    """Run degloss; returns (rc, stdout, stderr, peak RSS in KiB)."""
    out_path = os.path.join(WORK, "stdout")
    err_path = os.path.join(WORK, "stderr")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
        p = subprocess.Popen([EXE, "--no-config"] + args, stdin=fin, stdout=out, stderr=err, env=env())
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if stdin:
            fin.close()
    with open(out_path, "rb") as f:
        o = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        e = f.read().decode("utf-8", "replace")
    return p.returncode, o, e, usage.ru_maxrss


def dump(path, *args):
    p = subprocess.run([DUMP] + list(args) + [path], capture_output=True, env=env(), timeout=240)
    return p.returncode, json.loads(p.stdout.decode("utf-8")) if p.stdout.strip() else None


def jsonl(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def tokens(sents):
    return [t for s in sents for t in s["tokens"]]


def validate(sents):
    try:
        import jsonschema
    except ImportError:
        check(False, "python3-jsonschema is installed (tools/install-deps)")
        return
    with open(os.path.join(SRC, "schema", "degloss.schema.json")) as f:
        schema = json.load(f)
    v = jsonschema.Draft202012Validator(schema)
    for s in sents:
        errs = list(v.iter_errors(s))
        check(not errs, "JSONL line valid against the schema", errs[0].message if errs else "")


def gloss_doc(path, extra=()):
    rc, out, err, _ = run(["-f", "jsonl"] + list(extra) + [path])
    check(rc == 0, f"{os.path.basename(path)}: exit 0", f"rc={rc} stderr={err}")
    check(err == "", f"{os.path.basename(path)}: nothing on stderr", err)
    sents = jsonl(out)
    check(len(sents) > 0, f"{os.path.basename(path)}: sentences out")
    validate(sents)
    return sents


def no_markup(sents, words, what):
    text = "\n".join(s["text"] for s in sents)
    forms = [t["form"] for t in tokens(sents)]
    for w in words:
        check(w not in text, f"{what}: {w!r} does not come out", text[:300])
    for f in forms:
        check(not re.search(r"&[A-Za-z#0-9]+;", f), f"{what}: no undecoded entity in {f!r}")
        check("<" not in f and ">" not in f, f"{what}: no markup in token {f!r}")


def glossed(sents, form, plain, what):
    """The word `form` comes out as a word whose plain gloss contains `plain`."""
    ts = [t for t in tokens(sents) if t["form"] == form and t["kind"] in ("word", "name")]
    check(ts, f"{what}: the word {form!r} is there", str([t["form"] for t in tokens(sents)][:60]))
    for t in ts:
        check(plain in t["plain"], f"{what}: {form!r} glossed {plain!r}", f"plain={t['plain']!r} gloss={t['gloss']!r}")


def origins(sents):
    """The origin of each paragraph, in order."""
    out, seen = [], set()
    for s in sents:
        if s["paragraph"] not in seen:
            seen.add(s["paragraph"])
            out.append(s.get("origin"))
    return out


def offsets(path, sents, what):
    """Token offsets are byte offsets into the extracted text; each sentence's
    origin is that of the document paragraph holding it."""
    rc, d = dump(path)
    check(rc == 0 and d is not None, f"{what}: document_dump reads it")
    if not d:
        return None
    text = d["text"].encode("utf-8")
    for t in tokens(sents):
        if t.get("hyphen_joined"):
            continue
        got = text[t["start"]:t["end"]].decode("utf-8", "replace")
        check(got == t["form"], f"{what}: token {t['form']!r} at [{t['start']},{t['end']}) of the text", repr(got))
    for s in sents:
        ps = [p for p in d["paragraphs"] if p["start"] <= s["start"] and s["end"] <= p["end"]]
        check(len(ps) == 1 and ps[0]["origin"] == s.get("origin"),
              f"{what}: sentence {s['text'][:30]!r} lies in its paragraph {s.get('origin')!r}", str(ps))
    return d


# ---- the fixtures ----------------------------------------------------------

def case_html():
    sents = gloss_doc(HTML)
    no_markup(sents, ["Skriptwort", "skriptwort", "Stilwort", "font-family", "Startseite", "Impressum",
                      "Kommentarwort", "Noscriptwort", "Vorlagenwort", "Geschriebenes", "Titelzeile",
                      "document", "DOCTYPE", "href"], "HTML")
    glossed(sents, "Waffenstillstand", "ceasefire", "HTML")   # Waffen<i>stillstand</i>: one word
    glossed(sents, "Frieden", "peace", "HTML")                # link text kept
    glossed(sents, "Putin", "Putin", "HTML")                  # <b>Putin</b>
    glossed(sents, "außerdem", "moreover", "HTML")            # &szlig;
    glossed(sents, "Gespräche", "conversations", "HTML")      # &auml;
    glossed(sents, "Handbuch", "manual", "HTML")
    forms = [t["form"] for t in tokens(sents)]
    for f in ("„", "“", "–", "über", "unterstützt"):
        check(f in forms, f"HTML: entity decoded to {f!r}", str(forms))
    check(origins(sents) == ["body/div[1]/h1[1]", "body/div[1]/p[1]", "body/div[1]/p[2]",
                             "body/div[1]/ul[1]/li[1]", "body/div[1]/ul[1]/li[2]",
                             "body/div[1]/table[1]/tr[1]/th[1]", "body/div[1]/table[1]/tr[1]/th[2]",
                             "body/div[1]/table[1]/tr[2]/td[1]", "body/div[1]/table[1]/tr[2]/td[2]",
                             "body/div[1]/blockquote[1]", "body/div[2]/p[1]"],
          "HTML: a paragraph per block, its element path as origin", str(origins(sents)))
    check(sents[0].get("headline") is True, "HTML: the h1 is a headline")
    code = [t for t in tokens(sents) if t["kind"] == "code"]
    check([t["form"] for t in code] == ["make", "install"], "HTML: <code>make install</code> as code tokens",
          str([t["form"] for t in code]))
    for t in code:
        check(t["gloss"] == t["form"] and t["pos"] == "X" and t["source"] == "code",
              f"HTML: code {t['form']!r} kept as written, not glossed", str(t))
    offsets(HTML, sents, "HTML")


def case_markdown():
    sents = gloss_doc(MD)
    no_markup(sents, ["#", "**", "](", "https://example.org", "Rohhtmlwort", "```", "hinweis"], "Markdown")
    glossed(sents, "Waffenstillstand", "ceasefire", "Markdown")
    glossed(sents, "Frieden", "peace", "Markdown")
    glossed(sents, "Verhandlungen", "negotiations", "Markdown")  # Verhand-⏎lungen rejoined
    check(any(t["form"] == "Verhandlungen" and t.get("hyphen_joined") for t in tokens(sents)),
          "Markdown: Verhand-/lungen joined by the text layer")
    code = [t for t in tokens(sents) if t["kind"] == "code"]
    check([t["form"] for t in code] == ["grep", "-r", "Frieden", "echo", '"Quelltextwort"', "|", "degloss",
                                        "--format", "jsonl", "export", "SCHALTER=eins"],
          "Markdown: code span and code block as code tokens, as written", str([t["form"] for t in code]))
    for t in code:
        check(t["gloss"] == t["form"] and t["source"] == "code", f"Markdown: code {t['form']!r} not glossed", str(t))
    words = [t for t in tokens(sents) if t["kind"] != "code"]
    check(not any(t["form"] in ("Quelltextwort", "SCHALTER", "grep") for t in words),
          "Markdown: nothing of the code is glossed as a word")
    check(origins(sents) == ["line 1", "line 3", "line 7", "line 8", "line 10", "line 12", "line 14", "line 21"],
          "Markdown: the source line as origin", str(origins(sents)))
    block = [s for s in sents if s.get("origin") == "line 14"]
    check([s["text"] for s in block] == ['echo "Quelltextwort" | degloss --format jsonl', "export SCHALTER=eins"],
          "Markdown: a code block gives a sentence per line", str([s["text"] for s in block]))
    inline = [s for s in sents if s.get("origin") == "line 12"]
    check(len(inline) == 1 and inline[0]["text"] == "Mit grep -r Frieden findet man die Stelle im Bericht.",
          "Markdown: inline code stays in its sentence", str([s["text"] for s in inline]))
    offsets(MD, sents, "Markdown")


def case_pdf():
    sents = gloss_doc(PDF)
    no_markup(sents, ["Beispielzeitung", "Gesellschaft", "Seite"], "PDF (header and footer dropped)")
    nato = [t for t in tokens(sents) if t["form"] == "NATO-Mitgliedschaft"]
    check(len(nato) == 1 and nato[0].get("hyphen_joined") and "membership" in nato[0]["plain"],
          "PDF: NATO- / Mitgliedschaft across the page break joined, the hyphen kept, glossed",
          str(nato))
    for w, g in (("Waffenstillstand", "ceasefire"), ("ausländische", "foreign")):
        glossed(sents, w, g, "PDF")
        check(any(t["form"] == w and t.get("hyphen_joined") for t in tokens(sents)),
              f"PDF: {w} rejoined at a line end, the hyphen dropped")
    check(origins(sents) == ["page 1", "page 1", "pages 1-2", "page 2"],
          "PDF: paragraphs by gaps and font size; the page as origin", str(origins(sents)))
    check(sents[0]["text"] == "Gespräche über einen Waffenstillstand" and sents[0].get("headline") is True,
          "PDF: the title is a paragraph of its own", sents[0]["text"])
    offsets(PDF, sents, "PDF")


def case_docx():
    sents = gloss_doc(DOCX)
    no_markup(sents, ["Feldcodewort", "HYPERLINK", "Gelöschtwort", "Ersatzwort", "Heading1"], "DOCX")
    glossed(sents, "Waffenstillstand", "ceasefire", "DOCX")  # two runs, one word
    glossed(sents, "Frieden", "peace", "DOCX")
    glossed(sents, "Frankreich", "France", "DOCX")
    glossed(sents, "Regierung", "government", "DOCX")
    check(origins(sents) == ["paragraph 1", "paragraph 2", "paragraph 3", "paragraph 4",
                             "paragraph 6 (table 1, row 1, cell 1)", "paragraph 7 (table 1, row 1, cell 2)",
                             "paragraph 8 (table 1, row 2, cell 1)", "paragraph 9 (table 1, row 2, cell 2)",
                             "paragraph 10 (table 1, row 2, cell 2)", "paragraph 11", "footnote 1"],
          "DOCX: paragraphs, table cells, the footnote last", str(origins(sents)))
    d = offsets(DOCX, sents, "DOCX")
    if d:
        check("zurück.\tDie Gespräche\ndauern an." in d["text"], "DOCX: w:tab as TAB, w:br as a line break",
              d["text"])


def case_fixtures():
    """The committed fixtures are what their generators write."""
    os.makedirs(WORK, exist_ok=True)
    for gen, fixture in (("make_pdf.py", PDF), ("make_docx.py", DOCX)):
        out = os.path.join(WORK, os.path.basename(fixture))
        subprocess.run([sys.executable, os.path.join(T, gen), out], check=True)
        with open(out, "rb") as a, open(fixture, "rb") as b:
            check(a.read() == b.read(), f"{gen} reproduces {os.path.basename(fixture)}")


def copy_as(path, name):
    dst = os.path.join(WORK, name)
    shutil.copyfile(path, dst)
    return dst


def case_sniff():
    """The reader is chosen by content, the extension only as a hint."""
    cases = [(HTML, "html"), (MD, "markdown"), (PDF, "pdf"), (DOCX, "docx"), (SAMPLE, "text"),
             (copy_as(PDF, "zeitung.txt"), "pdf"), (copy_as(DOCX, "bericht.bin"), "docx"),
             (copy_as(HTML, "artikel.txt"), "html"), (copy_as(MD, "notiz.txt"), "text"),
             (copy_as(MD, "notiz.markdown"), "markdown"), (copy_as(SAMPLE, "sample.htm"), "html")]
    xhtml = os.path.join(WORK, "x.txt")
    with open(xhtml, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hallo Welt</p></body></html>\n')
    cases.append((xhtml, "html"))
    for path, kind in cases:
        p = subprocess.run([DUMP, "--sniff", path], capture_output=True, text=True)
        check(p.stdout.strip() == kind, f"sniff: {os.path.basename(path)} is {kind}", p.stdout + p.stderr)


def case_forced():
    """--input forces a reader (and text reads markup as text, as before)."""
    rc, out, err, _ = run(["-f", "jsonl", "--input", "text", HTML])
    forms = [t["form"] for t in tokens(jsonl(out))]
    check(rc == 0 and "<" in forms and "Skriptwort" in " ".join(forms),
          "--input text: an HTML file is read as plain text", str(forms[:20]))
    check(all("origin" not in s for s in jsonl(out)), "--input text: no origin")
    rc, out, err, _ = run(["-f", "jsonl", "--input", "markdown", copy_as(MD, "notiz.txt")])
    check(rc == 0 and any(t["kind"] == "code" for t in tokens(jsonl(out))), "--input markdown on a .txt file")
    auto = run(["-f", "jsonl", HTML])[1].replace('"source"', "")
    for mode in ("html", "xhtml"):
        rc, out, err, _ = run(["-f", "jsonl", "--input", mode, "-"], stdin=HTML)
        check(rc == 0 and out.replace('"source"', "") == auto, f"--input {mode} on standard input", err)
    rc, out, err, _ = run(["-f", "jsonl", "--input", "pdf", "-"], stdin=PDF)
    check(rc == 0 and any(t["form"] == "NATO-Mitgliedschaft" for t in tokens(jsonl(out))),
          "--input pdf on standard input", err)
    rc, out, err, _ = run(["--input", "odt", HTML])
    check(rc == 2 and "html, markdown, pdf or docx" in err, "--input with an unknown kind: exit 2", err)


def case_text_passthrough():
    """Plain text passes the document layer byte for byte, and the CLI's
    output for it is the same whether the reader is sniffed or forced."""
    os.makedirs(WORK, exist_ok=True)
    odd = os.path.join(WORK, "odd.txt")
    with open(odd, "wb") as f:
        f.write(b"Gr\xfc\xdfe\x00 aus\r\n\xef\xbb\xbfK\xc3\xb6ln \xe2\x80\xae<b>fett</b>\n\n\xff\xfe")
    for path in (SAMPLE, odd):
        rc, d = dump(path, "--kind", "text")
        with open(path, "rb") as f:
            data = f.read()
        check(rc == 0 and d["kind"] == "text" and bytes(d["bytes"]) == data and d["paragraphs"] == [],
              f"text pass-through of {os.path.basename(path)} is byte for byte")
    for fmt in ("jsonl", "interlinear", "conllu", "tsv"):
        a = run(["-f", fmt, "-w", "100", SAMPLE])
        b = run(["-f", fmt, "-w", "100", "--input", "text", SAMPLE])
        c = run(["-f", fmt, "-w", "100"], stdin=SAMPLE)
        # (CoNLL-U names a file in "# newdoc id"; standard input has none)
        strip = (lambda out: b"".join(l for l in out.splitlines(True) if not l.startswith(b"# newdoc"))) \
            if isinstance(a[1], bytes) else \
            (lambda out: "".join(l for l in out.splitlines(True) if not l.startswith("# newdoc")))
        a, b, c = [(x[0], strip(x[1]), x[2]) + tuple(x[3:]) for x in (a, b, c)]
        check(a[:3] == b[:3] == c[:3], f"plain text, {fmt}: auto, --input text and standard input agree")
    sents = jsonl(run(["-f", "jsonl", SAMPLE])[1])
    check(sents and all("origin" not in s for s in sents), "plain text: no origin in JSONL")
    check(all(t["kind"] != "code" for t in tokens(sents)), "plain text: no code tokens")


def case_jobs():
    for path in (HTML, MD, PDF, DOCX):
        one = run(["-f", "jsonl", path])
        two = run(["-f", "jsonl", "-j", "2", path])
        check(one[:3] == two[:3], f"--jobs 2 glosses {os.path.basename(path)} the same")


# ---- bad documents ---------------------------------------------------------

def bad(path, message, rss_check=False):
    """BAD then a good file: a message naming BAD, exit 4, the good file glossed."""
    rc, out, err, rss = run(["-f", "jsonl", path, MD])
    check(rc == 4, f"{os.path.basename(path)}: exit status 4", f"rc={rc} stderr={err}")
    check(path in err and message in err, f"{os.path.basename(path)}: the message names the file and says {message!r}", err)
    check(len(err.splitlines()) == 1, f"{os.path.basename(path)}: one message line", err)
    check(any(t["form"] == "Verhandlungen" for t in tokens(jsonl(out))),
          f"{os.path.basename(path)}: the next file is still glossed", out[:200])
    if rss_check:
        check(rss < RSS_LIMIT_KB, f"{os.path.basename(path)}: peak memory {rss // 1024} MiB is bounded")
    print(f"{os.path.basename(path)}: rc={rc}, peak RSS {rss // 1024} MiB: {err.strip()}")


def case_truncated_pdf():
    os.makedirs(WORK, exist_ok=True)
    with open(PDF, "rb") as f:
        data = f.read()
    path = os.path.join(WORK, "truncated.pdf")
    with open(path, "wb") as f:
        f.write(data[: len(data) * 6 // 10])
    bad(path, "truncated PDF")


def case_encrypted_pdf():
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "encrypted.pdf")
    subprocess.run([sys.executable, os.path.join(T, "make_pdf.py"), path, "--encrypted"], check=True)
    bad(path, "encrypted PDF")


def case_not_a_pdf():
    os.makedirs(WORK, exist_ok=True)
    path = copy_as(SAMPLE, "sample.pdf")
    bad(path, "not a PDF")
    path = os.path.join(WORK, "damaged.pdf")
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n" + b"x" * 5000 + b"\n%%EOF\n")
    bad(path, "damaged PDF")


DOC_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
DOC_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"
BOMB = 1100  # MiB inflated: over 1 GB


def case_zip_bomb():
    """A 1 MB DOCX whose document.xml inflates to over 1 GB (declared)."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "bomb.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(DOC_HEAD)
            chunk = b"a" * (1 << 20)
            for _ in range(BOMB):
                f.write(chunk)
            f.write(DOC_TAIL)
    check(os.path.getsize(path) < 4 << 20, "the bomb is small")
    bad(path, "would inflate to", rss_check=True)


def case_zip_bomb_lying():
    """The same bomb with headers that declare 1000 bytes: the bytes read
    are counted."""
    os.makedirs(WORK, exist_ok=True)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [c.compress(DOC_HEAD)]
    chunk = b"a" * (1 << 20)
    for _ in range(BOMB):
        parts.append(c.compress(chunk))
    parts += [c.compress(DOC_TAIL), c.flush()]
    ct = b"<Types/>"
    entries = [("[Content_Types].xml", ct, len(ct), zlib.crc32(ct), 0),
               ("word/document.xml", b"".join(parts), 1000, 0, 8)]
    out, cd = bytearray(), bytearray()
    for name, data, declared, crc, method in entries:
        nb = name.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), declared,
                           len(nb), 0) + nb + data
        cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data),
                          declared, len(nb), 0, 0, 0, 0, 0, off) + nb
    out += cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), len(out), 0)
    path = os.path.join(WORK, "liar.docx")
    with open(path, "wb") as f:
        f.write(out)
    bad(path, "inflates to more than 64 MiB", rss_check=True)


def case_docx_without_document():
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "empty.docx")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<w:styles/>")
    bad(path, "no word/document.xml")
    path = os.path.join(WORK, "broken.docx")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", DOC_HEAD + b"Hallo</w:r></w:p>")
    bad(path, "malformed XML")


def case_not_a_zip():
    os.makedirs(WORK, exist_ok=True)
    bad(copy_as(SAMPLE, "sample.docx"), "not a DOCX file")


def case_nested_html():
    """50 MB of nested tags: refused past the depth limit, memory bounded."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "nested.html")
    unit = b"<div><span>"
    with open(path, "wb") as f:
        f.write(b"<html><body><p>Vorher</p>")
        block = unit * (1 << 16)
        for _ in range(50 * (1 << 20) // len(block)):
            f.write(block)
    check(os.path.getsize(path) >= 50 * 10**6, "the nested HTML is 50 MB")
    bad(path, "nested deeper than 256", rss_check=True)


def case_html_limits():
    """Deep but within the limit: read; a paragraph over 1 MiB: cut at
    spaces into paragraphs of the same origin."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "deep.html")
    with open(path, "w") as f:
        f.write("<html><body>" + "<div>" * 200 + "<p>Der Frieden</p>" + "</div>" * 200 + "</body></html>")
    rc, out, err, _ = run(["-f", "jsonl", path])
    sents = jsonl(out)
    check(rc == 0 and sents and sents[0]["text"] == "Der Frieden", "HTML 200 elements deep is read", err)
    if sents:
        check(sents[0]["origin"] == "body/" + "div[1]/" * 200 + "p[1]", "its origin is the full path",
              sents[0]["origin"])
    path = os.path.join(WORK, "long.html")
    with open(path, "w") as f:
        f.write("<html><body><p>" + "Der Frieden kommt bald. " * 100000 + "</p></body></html>")
    rc, d = dump(path)
    check(rc == 0 and len(d["paragraphs"]) >= 3, "a 2.4 MB paragraph is cut", str(d and d["paragraphs"][:4]))
    if d:
        check(all(p["end"] - p["start"] <= 1 << 20 and p["origin"] == "body/p[1]" for p in d["paragraphs"]),
              "each part at most 1 MiB, all with the paragraph's origin")
        text = d["text"].encode()
        check(all(text[p["start"]:p["start"] + 3] == b"Der" for p in d["paragraphs"]), "cut at spaces")


def case_pdf_library_on_demand():
    """poppler (with the ~50 libraries it needs) is loaded when the first
    PDF is read, not at the start of every run: glossing text does not load
    it, reading a PDF does (the dynamic loader's own log, LD_DEBUG=libs)."""
    def loads_poppler(args, stdin=None):
        e = env()
        e["LD_DEBUG"] = "libs"
        with open(os.path.join(WORK, "ld.err"), "wb") as err:
            fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
            p = subprocess.run([EXE, "--no-config", "-f", "jsonl"] + args, stdin=fin, stdout=subprocess.DEVNULL,
                               stderr=err, env=e)
        with open(os.path.join(WORK, "ld.err"), "rb") as f:
            log = f.read().decode("utf-8", "replace")
        return p.returncode, "libpoppler-glib" in log and "calling init" in log
    rc, loaded = loads_poppler([SAMPLE])
    check(rc == 0 and not loaded, "glossing text does not load poppler", f"rc={rc} loaded={loaded}")
    rc, loaded = loads_poppler([PDF])
    check(rc == 0 and loaded, "reading a PDF loads poppler", f"rc={rc} loaded={loaded}")
    rc, out, err, _ = run(["-f", "jsonl", PDF])
    check(rc == 0, "the PDF read through the library loaded on demand: exit 0", err)
    glossed(jsonl(out), "Waffenstillstand", "ceasefire", "the PDF read through the library loaded on demand")


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    if CASE not in CASES:
        print(f"unknown case {CASE}; cases: {' '.join(sorted(CASES))}")
        return 2
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    CASES[CASE]()
    if not FAILS:
        shutil.rmtree(WORK, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
