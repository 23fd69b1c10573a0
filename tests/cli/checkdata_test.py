#!/usr/bin/env python3
"""degloss --check-data as a user meets it.

  checkdata_test.py DEGLOSS DATA_DIR [CASE...]

DATA_DIR is the build's data directory (degloss.lex, degloss.morph, mwe.tsv,
subjects.tsv).
Each case builds a data directory (symlinks to the good files, copies of the
ones it damages), runs the program and asserts exit code, the per-file lines
on stdout (PATH TAB SIZE TAB KIND TAB VERSION TAB STATUS) and stderr.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_test as cli  # the command-line harness: run(), expect(), run_cases()

DATA = None
FILES = ("degloss.lex", "degloss.morph", "mwe.tsv", "subjects.tsv", "governed-prepositions.tsv", "ordinal-stems.tsv")
expect = cli.expect


def run(args, env=None):
    # cli.run keeps DEGLOSS_DATA_DIR from the environment: every case sets
    # the data directory itself (or clears it).
    e = {"DEGLOSS_DATA_DIR": ""}
    e.update(env or {})
    return cli.run(args, env=e)


def lines(out):
    """{path: (size, kind, version, status)} of the report."""
    r = {}
    for l in out.splitlines():
        f = l.split("\t")
        if len(f) == 5:
            r[f[0]] = tuple(f[1:])
    return r


def datadir(name, copy=(), skip=()):
    """A data directory: copies of the files in `copy`, none of `skip`,
    symlinks to the build's for the rest."""
    d = os.path.join(cli.TMP, name)
    os.makedirs(d)
    for f in FILES:
        if f in skip:
            continue
        if f in copy:
            shutil.copyfile(os.path.join(DATA, f), os.path.join(d, f))
        else:
            os.symlink(os.path.join(DATA, f), os.path.join(d, f))
    return d


def flip_middle(path):
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.seek(size // 2)
        b = f.read(1)
        f.seek(size // 2)
        f.write(bytes([b[0] ^ 0x01]))


def case_ok_build_data():
    rc, out, err = run(["--check-data"], {"DEGLOSS_DATA_DIR": DATA})
    r = lines(out)
    expect(rc == 0 and err == "", "build data: exit 0, nothing on stderr", f"rc={rc} {err}")
    expect(len(r) == 8 and len(out.splitlines()) == 8,
           "one line per file (lex, morph, mwe, subjects, governed prepositions, ordinal stems, aff, dic)", out)
    lex = r.get(os.path.join(DATA, "degloss.lex"))
    morph = r.get(os.path.join(DATA, "degloss.morph"))
    mwe = r.get(os.path.join(DATA, "mwe.tsv"))
    expect(lex is not None and lex[1:] == ("LEXICON", "7", "ok")
           and lex[0] == str(os.path.getsize(os.path.join(DATA, "degloss.lex"))),
           "degloss.lex: size, kind LEXICON, version 7, ok", str(lex))
    expect(morph is not None and morph[1:] == ("MORPH", "7", "ok")
           and morph[0] == str(os.path.getsize(os.path.join(DATA, "degloss.morph"))),
           "degloss.morph: size, kind MORPH, version 7, ok", str(morph))
    expect(mwe is not None and mwe[3] == "ok", "mwe.tsv ok", str(mwe))
    subj = r.get(os.path.join(DATA, "subjects.tsv"))
    expect(subj is not None and subj[1:] == ("SUBJECTS-TSV", "-", "ok"), "subjects.tsv ok", str(subj))
    gov = r.get(os.path.join(DATA, "governed-prepositions.tsv"))
    expect(gov is not None and gov[1:] == ("GOVERNED-TSV", "-", "ok"), "governed-prepositions.tsv ok", str(gov))
    ords = r.get(os.path.join(DATA, "ordinal-stems.tsv"))
    expect(ords is not None and ords[1:] == ("ORDINAL-TSV", "-", "ok"), "ordinal-stems.tsv ok", str(ords))
    hs = {os.path.basename(p): v for p, v in r.items() if not p.startswith(DATA + "/")}
    expect(set(hs) == {"de_DE.aff", "de_DE.dic"} and all(v[3] == "ok" for v in hs.values()),
           "the default hunspell dictionary de_DE, ok", out)


def case_default_dir():
    # No DEGLOSS_DATA_DIR: the build-tree program finds build/data itself.
    rc, out, err = run(["--check-data"])
    want = os.path.join(os.path.dirname(cli.EXE), "data", "degloss.lex")
    expect(rc == 0 and want in lines(out), "without DEGLOSS_DATA_DIR the build tree's data is checked",
           f"rc={rc} {out} {err}")


def case_flag_over_env():
    rc, out, err = run(["--check-data", "--data-dir", DATA], {"DEGLOSS_DATA_DIR": "/nonexistent-degloss"})
    expect(rc == 0 and os.path.join(DATA, "degloss.lex") in lines(out), "--data-dir wins over DEGLOSS_DATA_DIR",
           f"rc={rc} {err}")
    rc, out, err = run(["--check-data"], {"DEGLOSS_DATA_DIR": "/nonexistent-degloss"})
    expect(rc == 3 and lines(out).get("/nonexistent-degloss/degloss.lex", ("",) * 4)[3] == "missing",
           "DEGLOSS_DATA_DIR is the directory checked", f"rc={rc} {out}")


def damaged(name, fname, want_status):
    d = datadir(name, copy=(fname,))
    flip_middle(os.path.join(d, fname))
    rc, out, err = run(["--check-data", "--data-dir", d])
    r = lines(out)
    path = os.path.join(d, fname)
    st = r.get(path, ("",) * 4)[3]
    expect(rc == 3, f"{fname} with a flipped byte: exit 3", f"rc={rc}")
    expect(want_status in st, f"{fname} with a flipped byte: '{want_status}' on its line", st)
    others = [v[3] for p, v in r.items() if p != path]
    expect(len(others) == 7 and all(s == "ok" for s in others), f"{fname} damaged: the other files ok", out)
    expect(f"degloss: {path}: {want_status}" in err and f"data directory: {d}" in err,
           f"{fname} damaged: stderr names the file and the data directory", err)


def case_flipped_lex():
    damaged("flip-lex", "degloss.lex", "data file checksum mismatch")


def case_flipped_morph():
    damaged("flip-morph", "degloss.morph", "data file checksum mismatch")


def case_damage_refused_at_start():
    """A glossing run (not only --check-data) refuses a data file whose
    header, section table or hash tables are damaged, with exit 3 naming it,
    before any output: 200 random bytes spread over the file, 200 in a row
    inside a hash table, one bit of the header.  Damage to the records or
    strings alone is found by --check-data (the whole checksum), and a
    glossing run over it does not crash."""
    import random
    import struct
    rng = random.Random(20261204)
    for fname in ("degloss.lex", "degloss.morph"):
        d = datadir("start-" + fname, copy=(fname,))
        path = os.path.join(d, fname)
        with open(path, "rb") as f:
            orig = f.read()
        size = len(orig)
        ioff, ilen = struct.unpack("<QI", orig[48:56] + orig[44:48])
        ioff += 64
        start = rng.randrange(ioff, ioff + ilen - 200)
        shapes = {
            "200 bytes spread": rng.sample(range(64, size), 200),
            "200 bytes in a row in a hash table": list(range(start, start + 200)),
            "one bit of the payload size": [24],
        }
        for shape, places in shapes.items():
            data = bytearray(orig)
            for at in places:
                data[at] ^= 0x01 if shape.startswith("one") else rng.randrange(1, 256)
            with open(path, "wb") as f:
                f.write(data)
            rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n",
                                   env={"DEGLOSS_DATA_DIR": ""})
            expect(rc == 3 and path in err and out == "",
                   f"{fname}, {shape}: a glossing run refuses it with exit 3 naming it",
                   f"rc={rc} out={out[:80]!r} err={err!r}")
        # records or strings only: glossing goes on, --check-data finds it
        data = bytearray(orig)
        for at in rng.sample(range(200, ioff if fname == "degloss.lex" else size // 2), 200):
            data[at] ^= rng.randrange(1, 256)
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n",
                               env={"DEGLOSS_DATA_DIR": ""})
        expect(rc in (0, 3) and "Sanitizer" not in err and "Segmentation" not in err,
               f"{fname}, damaged records: no crash", f"rc={rc} {err[-300:]}")
        rc, out, err = run(["--check-data", "--data-dir", d])
        expect(rc == 3 and "checksum mismatch" in lines(out).get(path, ("",) * 4)[3],
               f"{fname}, damaged records: --check-data finds it", out)
        with open(path, "wb") as f:
            f.write(orig)
        rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n",
                               env={"DEGLOSS_DATA_DIR": ""})
        expect(rc == 0 and "Kremlin" in out, f"{fname} restored: glossing works again", f"rc={rc} {err}")


def case_stamp_then_damage():
    """A data file that passed its checks is remembered by a stamp in the
    user's cache directory, and the next run skips the checks; a file
    written after that (damaged in place, then restored) is checked again:
    refused when damaged, accepted when restored.  A file changed in the
    last 3 seconds gets no stamp, so the case waits that long once."""
    import time
    cache = os.path.join(cli.TMP, "stamp-cache")
    env = {"DEGLOSS_DATA_DIR": "", "XDG_CACHE_HOME": cache}
    d = datadir("stamp", copy=("degloss.lex", "degloss.morph"))
    time.sleep(3.2)
    rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n", env=env)
    stamps = os.listdir(os.path.join(cache, "degloss", "checked")) if os.path.isdir(
        os.path.join(cache, "degloss", "checked")) else []
    expect(rc == 0 and "Kremlin" in out and len(stamps) == 2,
           "a checked lexicon and morphology each leave a stamp", f"rc={rc} stamps={stamps} {err}")
    for fname in ("degloss.lex", "degloss.morph"):
        path = os.path.join(d, fname)
        with open(path, "rb") as f:
            orig = f.read()
        st = os.stat(path)
        data = bytearray(orig)
        data[24] ^= 0x01  # one bit of the payload size
        with open(path, "r+b") as f:
            f.write(data)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the old modification time
        rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n", env=env)
        expect(rc == 3 and path in err and out == "",
               f"{fname} damaged in place after its stamp, old mtime kept: refused", f"rc={rc} {err}")
        with open(path, "r+b") as f:
            f.write(orig)
        rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n", env=env)
        expect(rc == 0 and "Kremlin" in out, f"{fname} restored: checked again and accepted", f"rc={rc} {err}")


def case_stamps_pruned_oldest_first():
    """Past 64 stamps in the cache, the oldest are removed until 48 are
    left, so that many temporary data files (a test run's) do not cost the
    data files in use their stamps; and a stamp in use is touched once a
    day, so that it is never among the oldest."""
    import time
    cache = os.path.join(cli.TMP, "prune-cache")
    checked = os.path.join(cache, "degloss", "checked")
    os.makedirs(checked)
    now = time.time()
    fakes = []
    for k in range(70):  # 10 used a minute ago, 60 older, each older than the last
        name = f"{0xfeed0000 + k:016x}"
        path = os.path.join(checked, name)
        with open(path, "w") as f:
            f.write("degloss checked: a data file of another path\n")
        age = 60 if k < 10 else 86400 * 3 + 60 * k
        os.utime(path, (now - age, now - age))
        fakes.append((age, name))
    env = {"DEGLOSS_DATA_DIR": "", "XDG_CACHE_HOME": cache}
    d = datadir("prune")  # (the build's files, linked: older than the 3 s a stamp waits for)
    newest = max(os.stat(os.path.join(DATA, f)).st_ctime for f in ("degloss.lex", "degloss.morph"))
    if now - newest < 3.2:
        time.sleep(3.2 - (now - newest))
    rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n", env=env)
    left = set(os.listdir(checked))
    fake_names = {n for _, n in fakes}
    kept = left & fake_names
    oldest = {n for _, n in sorted(fakes, reverse=True)[:23]}
    expect(rc == 0 and "Kremlin" in out and len(left - fake_names) == 2,
           "the lexicon and the morphology each leave a stamp beside 70 others", f"rc={rc} {sorted(left - fake_names)} {err}")
    expect(len(kept) == 47 and not (kept & oldest) and all(n in kept for a, n in fakes if a == 60),
           "past 64 stamps the 23 oldest are removed, the recent ones kept (48 left, then the second stamp)",
           f"kept {len(kept)}, oldest kept {sorted(kept & oldest)}")
    ours = [os.path.join(checked, n) for n in left - fake_names]
    for path in ours:
        os.utime(path, (now - 2 * 86400, now - 2 * 86400))
    rc, out, err = cli.run(["--data-dir", d, "--no-config"], "Der Kreml schweigt.\n", env=env)
    ages = [time.time() - os.stat(path).st_mtime for path in ours]
    expect(rc == 0 and all(a < 600 for a in ages), "a stamp in use, two days old, is touched when it is used",
           f"rc={rc} ages {ages}")

def case_truncated():
    d = datadir("trunc", skip=("degloss.lex",))
    src = os.path.join(DATA, "degloss.lex")
    with open(src, "rb") as f, open(os.path.join(d, "degloss.lex"), "wb") as g:
        g.write(f.read(os.path.getsize(src) // 2))
    rc, out, err = run(["--check-data", "--data-dir", d])
    v = lines(out).get(os.path.join(d, "degloss.lex"), ("",) * 4)
    expect(rc == 3 and "size does not match its header" in v[3] and v[1:3] == ("LEXICON", "7"),
           "a truncated degloss.lex: exit 3, size mismatch, header kind and version shown", f"rc={rc} {v}")
    with open(os.path.join(d, "degloss.lex"), "wb") as g:
        g.write(b"DGLSDATA")
    rc, out, err = run(["--check-data", "--data-dir", d])
    v = lines(out).get(os.path.join(d, "degloss.lex"), ("",) * 4)
    expect(rc == 3 and v[0] == "8" and "truncated data file" in v[3], "an 8-byte degloss.lex: truncated", f"rc={rc} {v}")


def case_wrong_kind():
    d = datadir("kind", skip=("degloss.lex",))
    os.symlink(os.path.join(DATA, "degloss.morph"), os.path.join(d, "degloss.lex"))
    rc, out, err = run(["--check-data", "--data-dir", d])
    v = lines(out).get(os.path.join(d, "degloss.lex"), ("",) * 4)
    expect(rc == 3 and v[1] == "MORPH" and "another kind" in v[3],
           "the morphology file as degloss.lex: kind MORPH shown, 'another kind'", f"rc={rc} {v}")


def case_missing():
    d = datadir("missing", skip=("degloss.morph", "mwe.tsv"))
    rc, out, err = run(["--check-data", "--data-dir", d])
    r = lines(out)
    m = r.get(os.path.join(d, "degloss.morph"), ("",) * 4)
    w = r.get(os.path.join(d, "mwe.tsv"), ("",) * 4)
    expect(rc == 3 and m == ("-", "MORPH", "-", "missing") and w[3] == "missing",
           "missing degloss.morph and mwe.tsv: exit 3, 'missing' on their lines", f"rc={rc} {out}")
    expect(r.get(os.path.join(d, "degloss.lex"), ("",) * 4)[3] == "ok", "missing files: the lexicon still checked", out)
    expect(f"degloss: {d}/degloss.morph: missing" in err and f"degloss: {d}/mwe.tsv: missing" in err,
           "missing files named on stderr", err)


def case_mwe_bad_line():
    d = datadir("mwe", skip=("mwe.tsv",))
    with open(os.path.join(DATA, "mwe.tsv"), "rb") as f:
        good = f.read()
    nlines = good.count(b"\n")
    with open(os.path.join(d, "mwe.tsv"), "wb") as g:
        g.write(good + b"no tab on this line\n")
    rc, out, err = run(["--check-data", "--data-dir", d])
    v = lines(out).get(os.path.join(d, "mwe.tsv"), ("",) * 4)
    expect(rc == 3 and v[3].startswith("1 bad line"), "mwe.tsv with a bad line: exit 3, '1 bad line'", f"rc={rc} {v}")
    expect(f"mwe.tsv:{nlines + 1}" in err, "the bad mwe.tsv line is named with its number", err)


def bad_table(fname, kind, bad_rows, why, header, empty, name=None):
    """A run-time table with two bad rows appended: each named file:line on
    stderr (with `why`), the count on the file's line, exit 3, the other
    files ok; only its header: `empty`; missing: 'missing'.  (`name`: the
    data directory's, when a table has more than one case.)"""
    d = datadir(name or fname.split(".")[0], skip=(fname,))
    with open(os.path.join(DATA, fname), "rb") as f:
        good = f.read()
    n = good.count(b"\n")
    path = os.path.join(d, fname)
    with open(path, "wb") as g:
        g.write(good + bad_rows.encode())
    rc, out, err = run(["--check-data", "--data-dir", d])
    v = lines(out).get(path, ("",) * 4)
    expect(rc == 3 and v[1] == kind and v[3].startswith("2 bad lines"),
           f"{fname} with two bad rows: exit 3, '2 bad lines'", f"rc={rc} {v}")
    expect(f"{path}:{n + 1}:" in err and f"{path}:{n + 2}:" in err and why in err,
           f"each bad {fname} row is named with its line number", err)
    others = [s[3] for p, s in lines(out).items() if p != path]
    expect(len(others) == 7 and all(s == "ok" for s in others), f"a bad {fname}: the other files ok", out)
    with open(path, "wb") as g:
        g.write(header.encode())
    rc, out, err = run(["--check-data", "--data-dir", d])
    expect(rc == 3 and lines(out).get(path, ("",) * 4)[3] == empty, f"a header-only {fname}: '{empty}'",
           f"rc={rc} {out}")
    os.unlink(path)
    rc, out, err = run(["--check-data", "--data-dir", d])
    expect(rc == 3 and lines(out).get(path, ("",) * 4)[3] == "missing", f"no {fname}: 'missing'", f"rc={rc} {out}")


def case_subjects_bad_lines():
    # a row that is neither a field row nor a sense row; a sense row whose
    # part of speech is no UD tag
    bad_table("subjects.tsv", "SUBJECTS-TSV", "medicine\nlaw\t\tGewährleistung\tnoun\twarranty\n", "not a UD tag",
              "subject\tfield\tlemma\tpos\tgloss\n", "no subjects")


def case_governed_bad_lines():
    # a row without its gloss; a row whose case is neither ACC nor DAT
    bad_table("governed-prepositions.tsv", "GOVERNED-TSV", "träumen\tvon\ngedenken\twegen\tof\tGEN\n",
              "neither ACC nor DAT", "governor\tpreposition\tgloss\tcase\n", "no rows")


def case_governed_bad_sense():
    # the fifth column, the governor's own sense: empty, or followed by a sixth
    bad_table("governed-prepositions.tsv", "GOVERNED-TSV", "stimmen\tgegen\tagainst\tACC\t\nstimmen\tfür\tfor\tACC\tvote\tx\n",
              "governor's sense", "governor\tpreposition\tgloss\tcase\n", "no rows", name="governed-sense")


def case_ordinal_bad_lines():
    # a row without its cardinal; a row with a third column
    bad_table("ordinal-stems.tsv", "ORDINAL-TSV", "viert\nacht\tacht\tx\n", "stem<TAB>cardinal",
              "stem\tcardinal\n", "no rows")


def case_hunspell():
    rc, out, err = run(["--check-data", "--data-dir", DATA, "--dict", "de_AT"])
    r = lines(out)
    expect(rc == 0 and sorted(os.path.basename(p) for p in r if not p.startswith(DATA + "/")) == ["de_AT.aff", "de_AT.dic"],
           "--dict de_AT checks de_AT.aff/.dic", f"rc={rc} {out}")
    base = os.path.join(cli.TMP, "nohs", "de_XX")
    rc, out, err = run(["--check-data", "--data-dir", DATA, "--hunspell", base])
    r = lines(out)
    expect(rc == 3 and r.get(base + ".aff", ("",) * 4)[3] == "missing" and r.get(base + ".dic", ("",) * 4)[3] == "missing",
           "--hunspell to nothing: both files missing, exit 3", f"rc={rc} {out}")
    expect("hunspell dictionary" in err and "data directory" not in err, "the hint names the hunspell dictionary", err)
    fake = os.path.join(cli.TMP, "fakehs")
    with open(fake + ".aff", "w") as f:
        f.write("SET UTF-8\n")
    with open(fake + ".dic", "w") as f:
        f.write("Haus\nBaum\n")
    rc, out, err = run(["--check-data", "--data-dir", DATA], {"DEGLOSS_HUNSPELL": fake})
    r = lines(out)
    expect(rc == 3 and r.get(fake + ".aff", ("",) * 4)[3] == "ok"
           and "not a hunspell word list" in r.get(fake + ".dic", ("",) * 4)[3],
           "DEGLOSS_HUNSPELL: a .dic without its word count is reported", f"rc={rc} {out}")


def case_no_secrets():
    cfg = os.path.join(cli.TMP, "secret-config")
    with open(cfg, "w") as f:
        f.write(f"translate = deepl\nmt-key = SECRET-KEY-4711:fx\ndata-dir = {DATA}\n")
    os.chmod(cfg, 0o600)
    rc, out, err = run(["--check-data", "--config", cfg])
    expect(rc == 0 and os.path.join(DATA, "degloss.lex") in lines(out), "the config's data-dir is checked", f"rc={rc} {err}")
    # (not the bare "4711": a data file's size may hold those digits)
    expect("SECRET-KEY" not in out + err and "4711:fx" not in out + err, "--check-data prints no MT key", out + err)


CASES = [v for k, v in sorted(globals().items()) if k.startswith("case_")]


def main():
    global DATA
    cli.EXE, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    return cli.run_cases(CASES, sys.argv[3:], "check-data")


if __name__ == "__main__":
    sys.exit(main())
