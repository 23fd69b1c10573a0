#!/usr/bin/env python3
"""Command-line behaviour of degloss, as a user meets it.

  cli_test.py DEGLOSS SCHEMA [CASE...]

Each case runs the program and asserts exit code, stdout and stderr.  Needs
DEGLOSS_DATA_DIR (set by ctest).  Cases that need the MT test server read
MT_TEST_PORT (tests/mt/with_server.py provides it) and are skipped without it.
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check as expect, summary  # noqa: E402

EXE = SCHEMA = None
TMP = None

SENT = "Der Kreml bestätigte am Montag das Gespräch.\n"


def run(args, stdin=b"", env=None, config=False):
    e = dict(os.environ)
    for k in list(e):
        if k.startswith("DEGLOSS_") and k != "DEGLOSS_DATA_DIR":
            del e[k]
    e.pop("NO_COLOR", None)
    e["XDG_CONFIG_HOME"] = os.path.join(TMP, "xdg-none")
    if env:
        e.update(env)
    cmd = [EXE] + args
    if isinstance(stdin, str):
        stdin = stdin.encode()
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=e, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def tmpfile(name, content, mode=None):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(content.encode() if isinstance(content, str) else content)
    if mode is not None:
        os.chmod(path, mode)
    return path


def jsonl(out):
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def case_version():
    rc, out, err = run(["--version"])
    expect(rc == 0 and out.startswith("degloss "), "--version prints the version", out + err)


def case_help():
    rc, out, err = run(["--help"])
    expect(rc == 0 and "--format" in out and "Exit status" in out, "--help documents options and exit codes")
    expect("--mt-key" not in out, "--help offers no --mt-key")


def case_usage_errors():
    rc, out, err = run(["--no-such-option"])
    expect(rc == 2 and "--help" in err, "unknown option: exit 2", f"rc={rc} err={err}")
    rc, out, err = run(["--mt-key", "secret-123"])
    expect(rc == 2 and "secret-123" not in out + err, "--mt-key does not exist (exit 2, key not echoed)", f"rc={rc} {err}")
    rc, out, err = run(["--format", "xml"], SENT)
    expect(rc == 2 and "xml" in err and "format" in err, "bad --format value named", f"rc={rc} {err}")
    rc, out, err = run(["--width", "5"], SENT)
    expect(rc == 2 and "width" in err, "too small --width refused", f"rc={rc} {err}")
    rc, out, err = run(["--dict", "de_XX"], SENT)
    expect(rc == 2 and "de_XX" in err, "unknown --dict refused", f"rc={rc} {err}")
    rc, out, err = run(["--translate", "babelfish"], SENT)
    expect(rc == 2 and "babelfish" in err, "unknown provider refused by the MT client", f"rc={rc} {err}")


def case_config():
    cfg = tmpfile("config", "# a comment\nformat = tsv\n\nstyle = plain\n")
    rc, out, err = run(["--config", cfg], SENT)
    expect(rc == 0 and out.startswith("sentence\ttoken\tform"), "config file sets the format", f"rc={rc} {err}")
    rc, out, err = run(["--config", cfg], SENT, env={"DEGLOSS_FORMAT": "jsonl"})
    expect(rc == 0 and out.startswith("{"), "environment wins over the config file", out[:80])
    rc, out, err = run(["--config", cfg, "-f", "conllu"], SENT, env={"DEGLOSS_FORMAT": "jsonl"})
    expect(rc == 0 and out.startswith("# sent_id = 1"), "flags win over the environment", out[:80])
    bad = tmpfile("bad-config", "format = jsonl\nthis line is broken\n")
    rc, out, err = run(["--config", bad], SENT)
    expect(rc == 2 and f"{bad}:2" in err, "a broken config line is reported with file and line", f"rc={rc} {err}")
    bad2 = tmpfile("bad-config2", "colour = purple\n")
    rc, out, err = run(["--config", bad2], SENT)
    expect(rc == 2 and f"{bad2}:1" in err and "'colour'" in err and "purple" not in err,
           "a bad config value names file, line and key, never the value", err)
    unknown = tmpfile("bad-config3", "frobnicate = 1\n")
    rc, out, err = run(["--config", unknown], SENT)
    expect(rc == 2 and "frobnicate" in err, "an unknown config key is an error", err)
    rc, out, err = run(["--config", os.path.join(TMP, "missing-config")], SENT)
    expect(rc == 2 and "missing-config" in err, "a named config file must exist", err)
    # XDG location
    xdg = os.path.join(TMP, "xdg")
    os.makedirs(os.path.join(xdg, "degloss"), exist_ok=True)
    with open(os.path.join(xdg, "degloss", "config"), "w") as f:
        f.write("format = conllu\n")
    rc, out, err = run([], SENT, env={"XDG_CONFIG_HOME": xdg})
    expect(rc == 0 and out.startswith("# sent_id"), "the XDG config file is read", out[:60])
    rc, out, err = run(["--no-config"], SENT, env={"XDG_CONFIG_HOME": xdg})
    expect(rc == 0 and not out.startswith("# sent_id"), "--no-config skips it", out[:60])
    # a key in a world-readable config is refused by the MT client
    keycfg = tmpfile("key-config", "translate = deepl\nmt-key = test-key-XXXX:fx\n", 0o644)
    rc, out, err = run(["--config", keycfg], SENT)
    expect(rc == 2 and "test-key-XXXX" not in out + err, "mt-key in a group/other-readable config refused", f"rc={rc} {err}")


def case_data_missing():
    rc, out, err = run(["--data-dir", os.path.join(TMP, "no-data")], SENT)
    expect(rc == 3 and "degloss.lex" in err, "missing data: exit 3 naming the file", f"rc={rc} {err}")
    # a corrupt lexicon
    src = os.environ["DEGLOSS_DATA_DIR"]
    bad = os.path.join(TMP, "bad-data")
    os.makedirs(bad, exist_ok=True)
    for n in os.listdir(src):
        p = os.path.join(src, n)
        if os.path.isfile(p):
            if n == "degloss.lex":
                with open(p, "rb") as f:
                    head = f.read(4096)
                with open(os.path.join(bad, n), "wb") as f:
                    f.write(head)
            else:
                os.symlink(p, os.path.join(bad, n))
    rc, out, err = run([], SENT, env={"DEGLOSS_DATA_DIR": bad})
    expect(rc == 3 and "degloss.lex" in err, "truncated lexicon: exit 3 naming the file", f"rc={rc} {err}")


def case_invalid_utf8():
    path = tmpfile("bad.txt", b"Der Kreml best\xe4tigte am Montag das Gespr\xc3\xa4ch.\n")
    rc, out, err = run(["-f", "jsonl", path])
    expect(rc == 1, "invalid UTF-8: exit 1 (partial)", f"rc={rc}")
    expect(path in err and "byte" in err, "the warning names file and byte", err)
    sents = jsonl(out)
    words = [t for s in sents for t in s["tokens"] if t["kind"] in ("word", "name")]
    expect(sents and all(t["gloss"] for t in words), "the rest is still glossed", out[:200])


def case_io_errors():
    rc, out, err = run(["-o", os.path.join(TMP, "no-dir", "out.txt")], SENT)
    expect(rc == 4 and "no-dir" in err, "unwritable output: exit 4", f"rc={rc} {err}")
    rc, out, err = run([os.path.join(TMP, "no-such-input.txt")])
    expect(rc == 4 and "no-such-input.txt" in err, "missing input: exit 4 naming it", f"rc={rc} {err}")
    if os.path.exists("/dev/full"):
        p = subprocess.run(f"'{EXE}' --no-config > /dev/full", shell=True, input=SENT.encode(),
                           capture_output=True)
        expect(p.returncode == 4, "a full disk is an I/O error", f"rc={p.returncode}")


def case_output_file():
    out_path = os.path.join(TMP, "out.jsonl")
    rc, out, err = run(["-f", "jsonl", "-o", out_path], SENT)
    expect(rc == 0 and out == "", "-o writes the file, not stdout", f"rc={rc}")
    with open(out_path, encoding="utf-8") as f:
        expect(len(jsonl(f.read())) == 1, "-o file holds the output")


def case_several_inputs():
    a = tmpfile("a.txt", "Das ist gut.\n")
    b = tmpfile("b.txt", "Das ist schlecht.\n")
    rc, out, err = run(["-f", "jsonl", a, "-", b], "Das ist neu.\n")
    texts = [s["text"] for s in jsonl(out)]
    expect(rc == 0 and texts == ["Das ist gut.", "Das ist neu.", "Das ist schlecht."],
           "several inputs and - are read in order", str(texts))


def case_empty():
    rc, out, err = run([], "")
    expect(rc == 0 and out == "", "empty input: no output, exit 0", f"rc={rc} out={out!r}")
    rc, out, err = run(["-f", "json"], "")
    expect(rc == 0 and json.loads(out) == {"sentences": []}, "empty input as JSON is a valid document", out)
    rc, out, err = run(["-f", "html"], "")
    expect(rc == 0 and "</html>" in out, "empty input as HTML is a page", out[-40:])


def case_color_width():
    rc, out, err = run(["--color", "always"], SENT)
    expect("\033[" in out, "--color always colours")
    rc, out, err = run(["--color", "always"], SENT, env={"NO_COLOR": "1"})
    expect("\033[" not in out, "NO_COLOR wins")
    rc, out, err = run([], SENT)
    expect("\033[" not in out, "no colour when not a terminal")
    long = "Der Kreml bestätigte am Montag, dass die Vereinigten Staaten Moskaus Unterstützung für einen Waffenstillstand anstreben.\n"
    rc, out, err = run(["--width", "40"], long)
    lines = [l for l in out.splitlines() if l and not l.startswith("'")]
    too_long = [l for l in lines if len(l) > 40 and "  " in l]
    expect(rc == 0 and not too_long, "--width 40 wraps the columns", "\n".join(too_long))
    rc, out, err = run([], long, env={"DEGLOSS_WIDTH": "50"})
    too_long = [l for l in out.splitlines() if len(l) > 50 and "  " in l and not l.startswith("'")]
    expect(rc == 0 and not too_long, "DEGLOSS_WIDTH sets the width", "\n".join(too_long))


def case_styles():
    rc, out, err = run(["--style", "leipzig"], "Russlands Präsident bestätigte das.\n")
    expect("Russia-GEN" in out, "leipzig style labels", out)
    rc, out, err = run(["--style", "plain"], "Russlands Präsident bestätigte das.\n")
    expect("GEN" not in out and "confirmed" in out, "plain style: English forms", out)
    # --style reaches every format: JSON carries both glosses, TSV's gloss
    # column and CoNLL-U's Gloss= show the style's one.
    text = "Russlands Präsident bestätigte am Montag, dass er klarstellte, was er meinte.\n"
    for st in ("leipzig", "plain"):
        rc, out, err = run(["-s", st, "-f", "jsonl"], text)
        toks = [t for s in jsonl(out) for t in s["tokens"]]
        words = [t for t in toks if t["kind"] in ("word", "name")]
        expect(rc == 0 and words and all(t.get("plain") for t in words), f"-s {st} -f jsonl: every word has plain",
               str([t["form"] for t in words if not t.get("plain")]))
        by = {t["form"]: t for t in toks}
        expect(by.get("bestätigte", {}).get("gloss") == "confirm" and by["bestätigte"].get("plain") == "confirmed"
               and by.get("am", {}).get("plain") == "on the" and by.get("Russlands", {}).get("plain") == "Russia's",
               f"-s {st} -f jsonl: gloss and plain side by side",
               str([(t["form"], t["gloss"], t.get("plain")) for t in toks]))
        rc, out, err = run(["-s", st, "-f", "tsv"], text)
        rows = [l.split("\t") for l in out.splitlines()]
        head = rows[0] if rows else []
        cells = {r[head.index("form")]: r for r in rows[1:]} if "plain" in head else {}
        got = cells.get("bestätigte", [""] * len(head))
        want = "confirmed" if st == "plain" else "confirm"
        expect(rc == 0 and got[head.index("gloss")] == want and got[head.index("plain")] == "confirmed",
               f"-s {st} -f tsv: gloss column {want}, plain column confirmed", str(head) + str(got))
        rc, out, err = run(["-s", st, "-f", "conllu"], text)
        line = next((l for l in out.splitlines() if "\tbestätigte\t" in l), "")
        misc = line.split("\t")[-1].split("|") if line else []
        expect(rc == 0 and f"Gloss={want}" in misc and "Plain=confirmed" in misc,
               f"-s {st} -f conllu: Gloss={want}, Plain=confirmed", line)
        am = next((l for l in out.splitlines() if "\tam\t" in l), "")
        expect(" " not in am.split("\t")[-1] and "Plain=on.the" in am, "CoNLL-U MISC keeps no spaces", am)


def case_horizontal():
    text = "US-Präsident Trump sprach am 17. März .\nz. B. das Haus\n"
    rc, out, err = run(["--input", "horizontal", "-f", "jsonl"], text)
    sents = jsonl(out)
    forms = [[t["form"] for t in s["tokens"]] for s in sents]
    expect(rc == 0 and forms == [["US-Präsident", "Trump", "sprach", "am", "17.", "März", "."],
                                 ["z.", "B.", "das", "Haus"]],
           "horizontal input keeps the tokens as given, one sentence a line", str(forms))
    offs = [(t["start"], t["end"]) for t in sents[0]["tokens"]] if sents else []
    expect(offs[:2] == [(0, len("US-Präsident".encode())), (len("US-Präsident ".encode()), len("US-Präsident Trump".encode()))],
           "horizontal offsets are byte offsets into the input", str(offs[:2]))


def case_jsonl_roundtrip():
    rc, out, err = run(["-f", "jsonl"], SENT)
    rc2, out2, err2 = run(["--input", "jsonl", "-f", "jsonl"], out)
    a, b = jsonl(out), jsonl(out2)
    expect(rc2 == 0 and [t["form"] for t in a[0]["tokens"]] == [t["form"] for t in b[0]["tokens"]]
           and [t["gloss"] for t in a[0]["tokens"]] == [t["gloss"] for t in b[0]["tokens"]],
           "degloss reads its own JSONL back", err2)
    rc, out, err = run(["--input", "jsonl", "-f", "jsonl"],
                       '{"text": "Das Haus ist alt."}\n{"tokens": ["das", "Haus"]}\nnot json\n')
    s = jsonl(out)
    expect(rc == 1 and len(s) == 2 and s[1]["tokens"][1]["gloss"], "{text}/{tokens} objects; a bad line is a warning",
           f"rc={rc} {err}")
    expect(":3:" in err, "the bad JSONL line is named", err)


def case_glossary():
    g = tmpfile("glossary.tsv", "lemma\tpos\tgloss\nKreml\tPROPN\tthe Kremlin palace\n")
    rc, out, err = run(["-f", "jsonl", "--glossary", g], SENT)
    toks = {t["form"]: t for s in jsonl(out) for t in s["tokens"]}
    expect(rc == 0 and toks.get("Kreml", {}).get("gloss") == "the Kremlin palace", "--glossary overrides a gloss",
           str(toks.get("Kreml")))
    rc, out, err = run(["-f", "jsonl"], SENT, env={"DEGLOSS_GLOSSARY": g})
    toks = {t["form"]: t for s in jsonl(out) for t in s["tokens"]}
    expect(toks.get("Kreml", {}).get("gloss") == "the Kremlin palace", "DEGLOSS_GLOSSARY too")
    cfg = tmpfile("gl-config", f"glossary = {g}\n")
    rc, out, err = run(["-f", "jsonl", "--config", cfg], SENT)
    toks = {t["form"]: t for s in jsonl(out) for t in s["tokens"]}
    expect(toks.get("Kreml", {}).get("gloss") == "the Kremlin palace", "glossary = FILE in the config")
    rc, out, err = run(["--glossary", os.path.join(TMP, "no-glossary.tsv")], SENT)
    expect(rc == 2 and "no-glossary.tsv" in err, "a missing glossary is a usage error naming it", f"rc={rc} {err}")


def case_dict():
    for d in ("de_DE", "de_AT", "de_CH"):
        rc, out, err = run(["--dict", d, "-f", "jsonl"], "Das Haus ist alt.\n")
        toks = [t for s in jsonl(out) for t in s["tokens"]]
        expect(rc == 0 and any(t["gloss"] == "house" for t in toks), f"--dict {d} works", f"rc={rc} {err}")
    rc, out, err = run(["--hunspell", os.path.join(TMP, "nohunspell", "xx_XX")], SENT)
    expect(rc == 3 and "xx_XX" in err, "a missing hunspell dictionary: exit 3 naming it", f"rc={rc} {err}")


def case_formats_schema():
    try:
        import jsonschema
    except ImportError:
        expect(False, "python3-jsonschema missing")
        return
    v = jsonschema.Draft202012Validator(json.load(open(SCHEMA, encoding="utf-8")))
    text = "Am 17. März sagte er: „Wir kommen voran.“ Das kostet 3,5 % bzw. 1.000 € — siehe https://example.org/x oder @handle #Tag.\n"
    rc, out, err = run(["-f", "jsonl"], text)
    errs = [e.message for s in jsonl(out) for e in v.iter_errors(s)]
    expect(rc == 0 and not errs, "JSONL valid against the schema", str(errs[:3]))
    rc, out, err = run(["-f", "conllu"], text)
    bad = [l for l in out.splitlines() if l and not l.startswith("#") and l.count("\t") != 9]
    expect(rc == 0 and not bad, "CoNLL-U has ten columns", str(bad[:3]))
    rc, out, err = run(["-f", "tsv"], text)
    cols = {l.count("\t") for l in out.splitlines()}
    expect(rc == 0 and len(cols) == 1, "TSV has one column count", str(cols))
    rc, out, err = run(["-f", "html"], "Ein <b>Test</b> & mehr.\n")
    expect(rc == 0 and "<b>" not in out and "&lt;" in out and "&amp;" in out, "HTML escapes the input")


def case_pathological():
    long_word = "a" * 10000 + "\n"
    rc, out, err = run(["-f", "jsonl"], long_word)
    expect(rc in (0, 1) and out, "a 10,000-letter word is glossed", f"rc={rc}")
    rc, out, err = run(["-f", "jsonl"], b"\x00\x01\xff\xfe binary \x00 data\n")
    expect(rc in (0, 1), "binary input does not crash", f"rc={rc} {err[-200:]}")
    rc, out, err = run(["-f", "jsonl"], ("Wort " * 20000) + "\n")
    expect(rc in (0, 1) and out, "a very long sentence is handled", f"rc={rc}")


def case_translation():
    port = os.environ.get("MT_TEST_PORT")
    if not port:
        return
    url = f"http://127.0.0.1:{port}/t/cli-ok/ok"
    cache = os.path.join(TMP, "mt-cache")
    rc, out, err = run(["-f", "jsonl", "--translate", "libretranslate", "--mt-url", url, "--cache-dir", cache], SENT)
    s = jsonl(out)
    tr = s[0].get("translation") if s else None
    expect(rc == 0 and tr and tr["text"] and tr["provider"] == "libretranslate", "translation in JSONL", f"rc={rc} {err} {s and s[0].keys()}")
    rc, out, err = run(["--translate", "libretranslate", "--mt-url", url, "--cache-dir", cache], SENT)
    expect(rc == 0 and "\n'" in "\n" + out, "translation line in interlinear text", out)
    rc, out, err = run(["-f", "conllu", "--translate", "libretranslate", "--mt-url", url, "--cache-dir", cache], SENT)
    expect("# text_en = " in out, "# text_en in CoNLL-U", out[:200])
    bad = f"http://127.0.0.1:{port}/t/cli-bad/e503"
    rc, out, err = run(["-f", "jsonl", "--translate", "libretranslate", "--mt-url", bad, "--no-cache",
                        "--mt-timeout", "5"], SENT)
    s = jsonl(out)
    te = s[0].get("translation_error") if s else None
    expect(rc == 1 and te and te["status"] == 503, "a failed translation: translation_error and exit 1", f"rc={rc} {te}")
    words = [t for t in s[0]["tokens"] if t["kind"] in ("word", "name")] if s else []
    expect(words and all(t["gloss"] for t in words), "a failed translation keeps the glosses")
    expect("translation" in err, "one summary line on stderr", err)


def case_silent_drops():
    # a JSONL line whose tokens are all empty or not strings: a warning with
    # its place, exit 1, the other lines glossed
    rc, out, err = run(["-i", "jsonl", "-f", "jsonl"],
                       '{"tokens": ["Das", "Haus"]}\n{"tokens": ["", 7, {"form": ""}, null]}\n'
                       '{"tokens": ["Der", "Kreml"]}\n')
    expect(rc == 1, "JSONL line without usable tokens: exit 1", f"rc={rc}")
    expect("-:2:" in err and "non-empty string form" in err,
           "JSONL line without usable tokens: warning with its line", err)
    expect([s["text"] for s in jsonl(out)] == ["Das Haus", "Der Kreml"],
           "JSONL: the other lines are glossed", out[:300])
    # a config line that starts with a NUL byte: a warning with its place, exit 1
    cfg = tmpfile("nul-config", b"\0format = tsv\nstyle = plain\n")
    rc, out, err = run(["--config", cfg], SENT)
    expect(rc == 1, "config line with a NUL byte: exit 1", f"rc={rc} {err}")
    expect("nul-config:1:" in err and "NUL byte" in err, "config NUL byte: warning with its line", err)
    expect("the" in out, "config NUL byte: the text is still glossed", out[:200])


def case_config_secrets():
    secret = "sk-proj-abcdefSECRET0123456789"
    # a bare key pasted into the config: the line is never echoed
    cfg = tmpfile("secret-config", f"format = jsonl\n{secret}\n", 0o600)
    rc, out, err = run(["--config", cfg], SENT)
    expect(rc == 2 and "secret-config:2" in err, "unparsed config line: exit 2 naming the line", err)
    expect(secret not in err and "SECRET" not in err, "unparsed config line: the line is not echoed", err)
    # a key on the line of another option: the value is not echoed
    for line in (f"width = {secret}", f"mt-jobs = {secret}", f"format = {secret}"):
        cfg = tmpfile("secret-config2", line + "\n", 0o600)
        rc, out, err = run(["--config", cfg], SENT)
        expect(rc == 2 and "SECRET" not in err, f"bad config value not echoed: {line.split()[0]}", err)
        expect(line.split()[0] in err, f"bad config value: the key is named ({line.split()[0]})", err)
    # an unknown key with raw bytes: named, cleaned (escapes shown visibly)
    cfg = tmpfile("secret-config3", b"fo\x1b[2Jrmat = jsonl\n", 0o600)
    rc, out, err = run(["--config", cfg], SENT)
    expect(rc == 2 and "\x1b" not in err and "fo\\x1b[2Jrmat" in err,
           "unknown config key: named with its escape shown visibly", repr(err))
    # file names with control characters are shown visibly in messages
    for args in (["--glossary", os.path.join(TMP, "no\x1b]0;x\x07such.tsv")],
                 [os.path.join(TMP, "in\x1b[2J.txt")],
                 ["-o", os.path.join(TMP, "no-dir", "o\x1b[2J.txt")]):
        rc, out, err = run(args, SENT)
        expect(rc != 0 and "\x1b" not in err and "\x07" not in err and "\\x1b" in err,
               f"a file name with control characters is escaped in the message ({args[0][:12]})",
               repr(err))


CASES = [v for k, v in sorted(globals().items()) if k.startswith("case_")]


def run_cases(cases, names, label):
    """Run the cases named (all when none) in a fresh TMP; print the failures
    and the count; the exit status.  Shared with checkdata_test.py."""
    global TMP
    TMP = tempfile.mkdtemp(prefix="degloss-cli-")
    try:
        for c in cases:
            if names and c.__name__[5:] not in names:
                continue
            c()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return summary(label)


def main():
    global EXE, SCHEMA
    EXE, SCHEMA = os.path.abspath(sys.argv[1]), sys.argv[2]
    return run_cases(CASES, sys.argv[3:], "cli")


if __name__ == "__main__":
    sys.exit(main())
