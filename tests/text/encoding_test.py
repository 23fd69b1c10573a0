#!/usr/bin/env python3
"""Legacy input encodings (Windows-1252, ISO-8859-1, UTF-16): the inputs are
made at test time from the UTF-8 sample with Python's codecs.

usage: encoding_test.py CASE TEXT_DUMP SAMPLE WORKDIR [DEGLOSS]

Each case checks what a user sees: the token forms equal those of the UTF-8
original, the one note on stderr (or its absence), warnings, and that the
offsets rebuild the original bytes (text_dump --roundtrip, and every token's
bytes decode to its form)."""
import os, re, subprocess, sys, unicodedata
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

case, dump_bin, sample, work = sys.argv[1:5]
degloss = sys.argv[5] if len(sys.argv) > 5 else None
os.makedirs(work, exist_ok=True)
TEXT = open(sample, encoding='utf-8').read()
NOTE = 'not UTF-8; read as Windows-1252'


def write(name, data):
    path = os.path.join(work, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def run(args, stdin=None, env=None):
    res = subprocess.run(args, capture_output=True, input=stdin, env=env)
    return res.returncode, res.stdout.decode('utf-8', 'replace'), res.stderr.decode('utf-8', 'replace')


TOK = re.compile(r'^  (\S+)\s+(\d+)\s+(\d+)  (.*?)(  raw=".*")?(  \{[a-z,]+\})?$')


def tokens(out):
    """[(kind, start, end, form, flags)] of a text_dump listing."""
    res = []
    for line in out.splitlines():
        m = TOK.match(line)
        if m:
            res.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(6) or ''))
    return res


def structure(out):
    """Paragraph/sentence lines without offsets, then (kind, form, flags) per token."""
    res = []
    for line in out.splitlines():
        m = TOK.match(line)
        if m:
            res.append((m.group(1), m.group(4), m.group(6) or ''))
        else:
            res.append(re.sub(r'\[\d+,\d+\)', '[]', line))
    return res


def dump(path, *opts):
    rc, out, err = run([dump_bin, *opts, path])
    check(rc == 0, '%s: text_dump exit %d: %s' % (path, rc, err[:300]))
    return out, err


def roundtrip(path, *opts, stdin=None):
    if stdin is None:
        rc, out, err = run([dump_bin, '--roundtrip', *opts, path])
    else:
        rc, out, err = run([dump_bin, '--roundtrip', *opts, '--expect', path, '-'], stdin=stdin)
    check(rc == 0 and 'roundtrip OK' in out, '%s %s: round trip: %s %s' % (path, opts, out, err[:300]))
    return err


def offsets_decode(data, toks, codec):
    """Every token's original bytes decode to its form (NFC, soft hyphens dropped)."""
    bad = 0
    for kind, s, e, form, flags in toks:
        if 'joined' in flags or 'replaced' in flags:
            continue
        text = unicodedata.normalize('NFC', data[s:e].decode(codec)).replace('\u00ad', '')
        if text != form:
            bad += 1
            if bad <= 3:
                print('offset mismatch: [%d,%d) %r != %r' % (s, e, text, form))
    return bad


utf8_out, _ = dump(sample)
utf8_struct = structure(utf8_out)
utf8_forms = [t[3] for t in tokens(utf8_out)]
check(len(utf8_forms) > 500, 'the sample has tokens')


def same_as_utf8(out, what):
    st = structure(out)
    check(st == utf8_struct, what + ': same paragraphs, sentences, tokens and forms as UTF-8')
    if st != utf8_struct:
        for a, b in zip(st, utf8_struct):
            if a != b:
                print('  first difference:', a, '!=', b)
                break


def first_bad_line_byte(data):
    i = next(k for k, b in enumerate(data) if b >= 0x80)
    return data[:i].count(b'\n') + 1, i


if case == 'cp1252':
    data = TEXT.encode('cp1252')
    path = write('sample.cp1252.txt', data)
    out, err = dump(path)
    same_as_utf8(out, 'windows-1252')
    line, byte = first_bad_line_byte(data)
    want = '%s: %s (first non-UTF-8 byte at line %d, byte %d)' % (path, NOTE, line, byte)
    check(err.count(NOTE) == 1, 'one note on stderr, got: %r' % err)
    check(want in err, 'note names file, line and byte: want %r, got %r' % (want, err))
    check('U+FFFD' not in err and not any('\ufffd' in t[3] for t in tokens(out)),
          'no replacement characters')
    check(offsets_decode(data, tokens(out), 'cp1252') == 0, 'token offsets decode to forms')
    check('Gespräche' in [t[3] for t in tokens(out)], 'Gespräche is a token')
    roundtrip(path)
    roundtrip(path, '--max', '4096')
    roundtrip(path, '--horizontal')
    err = roundtrip(path, stdin=data)  # a pipe
    check(err.count(NOTE) == 1 and '<stdin>' in err, 'note for standard input: %r' % err)
    # large input: the map is compacted many times, paragraphs are cut
    big = b'\n\n'.join([data] * 40)
    bpath = write('big.cp1252.txt', big)
    roundtrip(bpath, '--max', '4096')
    out, _ = dump(bpath)
    check(offsets_decode(big, tokens(out), 'cp1252') == 0, 'big: token offsets decode to forms')
    # the first non-ASCII byte after 100 KB of ASCII: decided mid-stream
    ascii = ('Ein Satz ohne Umlaut steht hier. ' * 3 + '\n\n') * 1000
    late = ascii.encode('ascii') + data
    lpath = write('late.cp1252.txt', late)
    out, err = dump(lpath)
    line, byte = first_bad_line_byte(late)
    check('line %d, byte %d)' % (line, byte) in err, 'late note: line %d byte %d: %r' % (line, byte, err))
    tl = tokens(out)
    check([t[3] for t in tl[-len(utf8_forms):]] == utf8_forms, 'late: forms after the ASCII part')
    check(offsets_decode(late, tl, 'cp1252') == 0, 'late: token offsets decode to forms')
    roundtrip(lpath)
    roundtrip(lpath, stdin=late)

elif case == 'latin1':
    # a passage without the „ “ – of the article (they are not in ISO-8859-1)
    paras = [p for p in TEXT.split('\n\n') if p.strip() and not set(p) & set('„“–')]
    passage = '\n\n'.join(paras) + '\n'
    check(len(passage) > 1000 and any(c in passage for c in 'äöüß'), 'passage with umlauts')
    data = passage.encode('latin-1')
    upath = write('passage.utf8.txt', passage.encode('utf-8'))
    path = write('passage.latin1.txt', data)
    want_out, _ = dump(upath)
    want = structure(want_out)
    out, err = dump(path)
    check(structure(out) == want, 'latin1 (auto): same tokens as UTF-8')
    check(err.count(NOTE) == 1, 'auto: one note: %r' % err)
    check(offsets_decode(data, tokens(out), 'latin-1') == 0, 'token offsets decode to forms')
    out, err = dump(path, '--encoding', 'latin1')
    check(structure(out) == want, 'latin1 (explicit): same tokens as UTF-8')
    check(NOTE not in err and err.strip() == '', 'explicit: no note, no warning: %r' % err)
    roundtrip(path)
    roundtrip(path, '--encoding', 'latin1', '--max', '300')

elif case == 'utf16':
    for name, data, codec in (('le', b'\xff\xfe' + TEXT.encode('utf-16-le'), 'utf-16-le'),
                              ('be', b'\xfe\xff' + TEXT.encode('utf-16-be'), 'utf-16-be')):
        path = write('sample.utf16%s.txt' % name, data)
        out, err = dump(path)
        same_as_utf8(out, 'utf-16 ' + name)
        check(err.strip() == '', 'utf-16 %s: no note, no warning: %r' % (name, err))
        check(offsets_decode(data, tokens(out), codec) == 0, 'utf-16 %s: offsets decode' % name)
        roundtrip(path)
        roundtrip(path, '--max', '4096')
        roundtrip(path, '--horizontal')
        roundtrip(path, stdin=data)
        # --encoding utf-16 without a BOM: the byte order from the NUL bytes
        nobom = write('sample.utf16%s.nobom.txt' % name, data[2:])
        out, err = dump(nobom, '--encoding', 'utf-16')
        check(structure(out)[1:] == utf8_struct[1:], 'utf-16 %s without BOM (--encoding utf-16)' % name)
        roundtrip(nobom, '--encoding', 'utf-16')
    # broken UTF-16: a lone surrogate and an odd byte at the end
    data = b'\xff\xfe' + 'Grüße '.encode('utf-16-le') + b'\x00\xd8' + 'und Schluss'.encode('utf-16-le') + b'x'
    path = write('broken.utf16.txt', data)
    out, err = dump(path)
    check(err.count('invalid UTF-16LE') == 2, 'two UTF-16 warnings: %r' % err)
    check('byte 14: invalid UTF-16LE (00 D8)' in err and 'byte 38: invalid UTF-16LE (78)' in err,
          'warnings name the original bytes: %r' % err)
    forms = [t[3] for t in tokens(out)]
    check(forms == ['Grüße', '\ufffdund', 'Schluss\ufffd'], 'text around the bad units: %r' % forms)
    rc, o, e = run([dump_bin, '--roundtrip', path])
    check(rc == 0 and 'roundtrip OK' in o, 'broken utf-16 round trip: %s %s' % (o, e))

elif case == 'forced_utf8':
    data = TEXT.encode('cp1252')
    path = write('sample.cp1252.txt', data)
    out, err = dump(path, '--encoding', 'utf-8')
    forms = [t[3] for t in tokens(out)]
    check(NOTE not in err, 'no note with --encoding utf-8')
    check('invalid UTF-8 (E4) replaced by U+FFFD' in err, 'invalid UTF-8 warnings: %r' % err[:200])
    check('Gespr\ufffdche' in forms, 'today\'s behaviour: Gespr\ufffdche')
    rc, o, e = run([dump_bin, '--roundtrip', '--encoding', 'utf-8', path])
    check(rc == 0 and 'roundtrip OK' in o, 'round trip')

elif case == 'binary':
    blob = bytes(range(256)) * 64 + b'\x00\x00\x7fELF\x02\x01' * 100
    for path in ('/bin/true', write('blob.bin', blob)):
        rc, o, err = run([dump_bin, '--roundtrip', '--expect-warnings', path])
        check(rc == 0 and 'roundtrip OK' in o, '%s: round trip with warnings: %s' % (path, err[-300:]))
        check(NOTE not in err, '%s: binary data is not judged Windows-1252' % path)
        check('invalid UTF-8' in err, '%s: invalid UTF-8 warnings as before' % path)

elif case == 'stray_byte':
    data = TEXT.encode('utf-8')
    i = data.index('Gespräche'.encode('utf-8'))
    data = data[:i] + b'\xe4' + data[i:]  # one stray Latin-1 byte in a UTF-8 file
    path = write('stray.utf8.txt', data)
    out, err = dump(path)
    check(NOTE not in err, 'no note: the file stays UTF-8')
    check(err.count('invalid UTF-8 (E4) replaced by U+FFFD') == 1, 'one warning: %r' % err)
    forms = [t[3] for t in tokens(out)]
    check('\ufffdGespräche' in forms, 'U+FFFD in the token: %r' % [f for f in forms if '\ufffd' in f])
    check(sum('\ufffd' in f for f in forms) == 1, 'only that token')
    check(offsets_decode(data, tokens(out), 'utf-8') == 0, 'offsets decode')
    rc, o, e = run([dump_bin, '--roundtrip', path])
    check(rc == 0 and 'roundtrip OK' in o, 'round trip')

elif case == 'cli':
    data = TEXT.encode('cp1252')
    path = write('sample.cp1252.txt', data)
    env = dict(os.environ)
    for k in list(env):
        if k.startswith('DEGLOSS_') and k != 'DEGLOSS_DATA_DIR':
            del env[k]
    def gloss(*args, extra_env=None):
        e = dict(env)
        e.update(extra_env or {})
        return run([degloss, '--no-config', '-f', 'tsv', *args], env=e)
    rc, out, err = gloss(path)
    rows = [l.split('\t') for l in out.splitlines()]
    hit = [r for r in rows if len(r) > 7 and r[2] == 'Gespräche']
    check(rc == 0, 'exit 0 (the note is no warning): %d %s' % (rc, err))
    check(hit and hit[0][6] == 'Gespräch', 'Gespräche glossed with lemma Gespräch: %r' % hit[:1])
    check(err.count(NOTE) == 1, 'one note: %r' % err)
    # offsets into the original file
    check(hit and data[int(hit[0][3]):int(hit[0][4])] == 'Gespräche'.encode('cp1252'),
          'TSV start/end are offsets into the Windows-1252 file')
    # precedence: flag > DEGLOSS_ENCODING > config
    rc, out, err = gloss(path, extra_env={'DEGLOSS_ENCODING': 'utf-8'})
    check('Gespr\ufffdche' in out and NOTE not in err and rc == 1, 'DEGLOSS_ENCODING=utf-8: U+FFFD, exit 1')
    rc, out, err = gloss('--encoding', 'windows-1252', path, extra_env={'DEGLOSS_ENCODING': 'utf-8'})
    check('\tGespräche\t' in out and NOTE not in err and rc == 0, 'the flag wins over the environment')
    conf = write('config', b'encoding = utf-8\n')
    rc, out, err = run([degloss, '--config', conf, '-f', 'tsv', path], env=env)
    check('Gespr\ufffdche' in out, 'config key encoding')
    rc, out, err = run([degloss, '--config', conf, '-f', 'tsv', path], env=dict(env, DEGLOSS_ENCODING='auto'))
    check('\tGespräche\t' in out and NOTE in err, 'the environment wins over the config')
    rc, out, err = gloss('--encoding', 'ebcdic', path)
    check(rc == 2 and 'encoding' in err, 'a bad value is a usage error: %d %r' % (rc, err))
    res = subprocess.run([degloss, '--no-config', '-f', 'tsv', '-e', 'utf-16'], capture_output=True,
                         input='Die Gespräche gehen weiter.\n'.encode('utf-16'), env=env)
    check('\tGespräch\t' in res.stdout.decode('utf-8', 'replace') and res.returncode == 0,
          'UTF-16 on standard input with -e utf-16')

else:
    sys.exit('unknown case ' + case)

sys.exit(summary(case))
