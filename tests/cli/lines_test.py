#!/usr/bin/env python3
"""degloss --input lines and --translation FILE.

    lines_test.py DEGLOSS NTREX_DEU NTREX_ENG

A 1,000-line news file is made from the NTREX German lines, with empty lines
and a line holding two sentences; its English from the matching NTREX
English lines.  Checked: one record per input line in jsonl, conllu, tsv and
parallel, record N naming line N and holding its text; the boundary of the
two sentences on one line; the same bytes with --jobs 2; the translations in
jsonl, conllu and parallel; a translation file of the wrong length (exit 2,
both counts named); --translate with --translation (exit 2); the note that
a one-sentence-a-line file read as text gets.

A failed check prints a line; the last line counts the checks."""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check as expect, summary  # noqa: E402

BIN, DEU, ENG = sys.argv[1:4]
NLINES = 1000
TWO = 10  # the 0-based line holding two sentences


def run(args):
    e = dict(os.environ)
    e.pop("DEGLOSS_JOBS", None)
    p = subprocess.run([BIN, "--no-config"] + args, capture_output=True, env=e, timeout=900)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def make_files(tmp):
    """The German and English files, line-aligned, and the German lines."""
    with open(DEU, encoding="utf-8") as f:
        deu = f.read().split("\n")
    with open(ENG, encoding="utf-8") as f:
        eng = f.read().split("\n")
    de, en, i = [], [], 0
    for n in range(NLINES):
        if n % 97 == 50 or n == NLINES - 1:  # empty lines, the last one too
            de.append("")
            en.append("")
        elif n == TWO:  # two sentences on one line
            de.append(deu[i] + " " + deu[i + 1])
            en.append(eng[i] + " " + eng[i + 1])
            i += 2
        else:
            de.append(deu[i])
            en.append(eng[i])
            i += 1
    paths = {}
    for name, lines in (("news.de.txt", de), ("news.en.txt", en), ("short.en.txt", en[:-2])):
        paths[name] = os.path.join(tmp, name)
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return paths, de, en


def squash(s):
    """The text as degloss gives it: NFC, single spaces."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        paths, de, en = make_files(tmp)
        news = paths["news.de.txt"]

        # JSONL: exactly one record per line, record N for line N.
        rc, out, err = run(["--input", "lines", "-f", "jsonl", news])
        recs = [json.loads(l) for l in out.splitlines()]
        expect(rc == 0, "jsonl: exit 0", f"rc {rc}: {err[:300]}")
        expect(len(recs) == NLINES, f"jsonl: {NLINES} records", f"{len(recs)}")
        bad = [n for n, r in enumerate(recs) if r.get("line") != n + 1]
        expect(not bad, "jsonl: record N says line N", f"first wrong at record {bad[:1]}")
        bad = [n for n, r in enumerate(recs) if squash(r["text"]) != squash(de[n])]
        expect(not bad, "jsonl: record N holds the text of line N",
               f"{len(bad)} differ, first {bad[:1]}: {recs[bad[0]]['text'][:80]!r} / {de[bad[0]][:80]!r}" if bad else "")
        empty = [n for n in range(NLINES) if not de[n]]
        expect(len(empty) >= 10 and all(recs[n]["text"] == "" and recs[n]["tokens"] == [] for n in empty),
               f"jsonl: the {len(empty)} empty lines are empty records")
        starts = [t["form"] for t in recs[TWO]["tokens"] if t.get("sentence_start")]
        expect(len(starts) == 1, "jsonl: the line with two sentences marks where the second starts",
               f"{starts}")
        expect("paragraph longer" not in err, "jsonl: no paragraph warning", err[:200])
        # every record valid against the JSON schema (line, empty tokens, sentence_start)
        import jsonschema
        schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                             "schema", "degloss.schema.json"), encoding="utf-8"))
        sentence = {"$defs": schema["$defs"], **schema["$defs"]["sentence"]}
        invalid = []
        for n, r in enumerate(recs):
            try:
                jsonschema.validate(r, sentence)
            except jsonschema.ValidationError as e:
                invalid.append((n + 1, e.message[:120]))
        expect(not invalid, "jsonl: every record is valid against schema/degloss.schema.json",
               f"{len(invalid)} invalid, first {invalid[:1]}")

        # --jobs 2: the same bytes.
        rc2, out2, err2 = run(["--input", "lines", "-f", "jsonl", "--jobs", "2", news])
        expect((rc2, out2, err2) == (rc, out, err), "jsonl: the same with --jobs 2")

        # CoNLL-U: one block per line, each naming its line.
        rc, out, err = run(["--input", "lines", "-f", "conllu", news])
        blocks = [b for b in out.split("\n\n") if b.strip()]
        expect(rc == 0 and len(blocks) == NLINES, f"conllu: {NLINES} blocks", f"rc {rc}, {len(blocks)}")
        ids = [next((l[len("# line = "):] for l in b.splitlines() if l.startswith("# line = ")), None)
               for b in blocks]
        expect(ids == [str(n + 1) for n in range(NLINES)], "conllu: block N says # line = N")
        words = [sum(1 for l in b.splitlines() if l and l[0].isdigit()) for b in blocks]
        expect(all(w >= 1 for w in words), "conllu: every block has a word line (valid CoNLL-U)")
        expect(all("EmptyLine=Yes" in blocks[n] for n in empty), "conllu: empty lines are marked EmptyLine=Yes")
        expect("SentenceStart=Yes" in blocks[TWO], "conllu: the second sentence of a line is marked")
        rc2, out2, _ = run(["--input", "lines", "-f", "conllu", "--jobs", "2", news])
        expect(out2 == out, "conllu: the same with --jobs 2")

        # TSV: the sentence column is the line; every line has rows.
        rc, out, err = run(["--input", "lines", "-f", "tsv", news])
        rows = out.splitlines()[1:]
        seen = []
        for r in rows:
            c = int(r.split("\t")[0])
            if not seen or seen[-1] != c:
                seen.append(c)
        expect(rc == 0 and seen == list(range(1, NLINES + 1)), "tsv: one block per line, in order",
               f"rc {rc}, {len(seen)} blocks")

        # --translation: the English lines in jsonl, conllu and parallel.
        tr = ["--translation", paths["news.en.txt"]]
        rc, out, err = run(["--input", "lines", "-f", "jsonl"] + tr + [news])
        recs = [json.loads(l) for l in out.splitlines()]
        expect(rc == 0 and len(recs) == NLINES, "translation: jsonl exit 0, one record a line", f"rc {rc}: {err[:300]}")
        bad = [n for n in range(min(len(recs), NLINES))
               if (recs[n].get("translation", {}).get("text") if en[n] else recs[n].get("translation")) !=
               (en[n].strip() if en[n] else None)]
        expect(not bad, "translation: jsonl record N has English line N (none for an empty line)",
               f"{len(bad)} differ, first {bad[:1]}")
        expect(all(r["translation"]["provider"] == "file" for r in recs if "translation" in r),
               "translation: provider \"file\"")
        rc2, out2, err2 = run(["--input", "lines", "-f", "jsonl", "--jobs", "2"] + tr + [news])
        expect(out2 == out and rc2 == rc, "translation: the same with --jobs 2")
        rc, out, err = run(["--input", "lines", "-f", "conllu"] + tr + [news])
        blocks = [b for b in out.split("\n\n") if b.strip()]
        ten = [next((l[len("# text_en = "):] for l in b.splitlines() if l.startswith("# text_en = ")), "")
               for b in blocks]
        expect(rc == 0 and ten == [e.strip() for e in en], "translation: conllu # text_en of every line",
               f"rc {rc}, {len(ten)} blocks")
        rc, out, err = run(["--input", "lines", "-f", "parallel"] + tr + [news])
        rows = [r.split("\t") for r in out.splitlines()[1:]]
        expect(rc == 0 and len(rows) == NLINES and [r[2] for r in rows] == [e.strip() for e in en],
               "translation: parallel translation column", f"rc {rc}, {len(rows)} rows")
        expect(all(r[0].endswith(f":{n + 1}") for n, r in enumerate(rows)), "parallel: id names the line")

        # A translation file of the wrong length: exit 2, both counts named.
        rc, out, err = run(["--input", "lines", "-f", "jsonl", "--translation", paths["short.en.txt"], news])
        expect(rc == 2, "translation: wrong count exits 2", f"rc {rc}")
        expect(out == "", "translation: a wrong count in a file is found before any output",
               f"{len(out)} bytes written")
        expect(str(NLINES - 2) in err and str(NLINES) in err and "short.en.txt" in err and "news.de.txt" in err,
               "translation: the message names both counts and both files", err[-300:])
        # From standard input the lines are counted as they are read: the
        # records come out, and the mismatch is reported at the end, exit 2.
        with open(news, "rb") as f:
            p = subprocess.run([BIN, "--no-config", "--input", "lines", "-f", "jsonl", "--translation",
                                paths["short.en.txt"]], stdin=f, capture_output=True, timeout=900)
        expect(p.returncode == 2 and len(p.stdout.splitlines()) == NLINES and b"(-) has" in p.stderr,
               "translation: from standard input a wrong count ends the run with exit 2",
               f"rc {p.returncode}: {p.stderr[-200:]!r}")
        # Lines end at LF, CRLF or CR alike in both counts.
        crlf = os.path.join(tmp, "crlf.de.txt")
        with open(crlf, "wb") as f:
            f.write(b"\xef\xbb\xbfEin Hund.\r\nZwei Katzen.\rDrei.")
        three = os.path.join(tmp, "three.en.txt")
        with open(three, "w") as f:
            f.write("A dog.\nTwo cats.\nThree.\n")
        rc, out, err = run(["--input", "lines", "-f", "jsonl", "--translation", three, crlf])
        expect(rc == 0 and len(out.splitlines()) == 3, "translation: CRLF and CR end lines in the count",
               f"rc {rc}: {err[:200]}")
        # --translate with --translation: a usage error.
        rc, out, err = run(["--input", "lines", "--translate", "deepl", "--translation", paths["news.en.txt"], news])
        expect(rc == 2 and out == "", "translation: with --translate a usage error", f"rc {rc}: {err[:200]}")
        rc, out, err = run(["--input", "text", "--translation", paths["news.en.txt"], news])
        expect(rc == 2 and out == "", "translation: not with running text", f"rc {rc}: {err[:200]}")
        rc, out, err = run(["--input", "lines", "--translation", os.path.join(tmp, "missing.txt"), news])
        expect(rc == 4 and "missing.txt" in err and out == "", "translation: a missing file exits 4 before output",
               f"rc {rc}: {err[:200]}")
        # Invalid UTF-8 in the translation: cleaned, with a warning naming file and line.
        bad_en = os.path.join(tmp, "bad.en.txt")
        with open(bad_en, "wb") as f:
            f.write(b"One.\nTw\xffo.\n")
        two = os.path.join(tmp, "two.de.txt")
        with open(two, "w", encoding="utf-8") as f:
            f.write("Eins.\nZwei.\n")
        rc, out, err = run(["--input", "lines", "-f", "jsonl", "--translation", bad_en, two])
        recs = [json.loads(l) for l in out.splitlines()]
        expect(rc == 1 and "bad.en.txt:2" in err and len(recs) == 2 and
               recs[1]["translation"]["text"] == "Tw\ufffdo.", "translation: invalid UTF-8 replaced, warned",
               f"rc {rc}: {err[:200]}")

        # Running text of one sentence a line: one note, one line, pointing to --input lines.
        one = os.path.join(tmp, "one.de.txt")
        with open(one, "w", encoding="utf-8") as f:
            f.write("\n".join(l for l in de[:300] if l) + "\n")
        rc, out, err = run(["-f", "jsonl", one])
        notes = [l for l in err.splitlines() if "--input lines" in l]
        expect(rc == 0 and len(notes) == 1 and err.endswith("\n") and err.count("\n") == 1,
               "text: a one-sentence-a-line file gets one line saying --input lines", f"rc {rc}: {err!r}")
        rc, out, err = run(["--input", "lines", "-f", "jsonl", one])
        expect(rc == 0 and err == "", "lines: no note with --input lines", err[:200])

    return summary()


if __name__ == "__main__":
    sys.exit(main())
