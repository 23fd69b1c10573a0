#!/usr/bin/env python3
"""Golden test: run text_dump on INPUT and compare with GOLDEN.
usage: golden.py TEXT_DUMP INPUT GOLDEN [text_dump options...]
With DEGLOSS_UPDATE_GOLDEN=1 the golden file is (re)written instead."""
import difflib, os, subprocess, sys

dump, inp, golden = sys.argv[1:4]
opts = sys.argv[4:]
first = open(inp, 'rb').readline() if inp.endswith('.txt') else b''
if first.startswith(b'#!opts '):  # options for a case file, e.g. "#!opts --horizontal"
    opts += first[7:].decode().split()
res = subprocess.run([dump] + opts + [inp], capture_output=True)
if res.returncode != 0:
    sys.stderr.write(res.stderr.decode('utf-8', 'replace'))
    sys.exit("text_dump failed with status %d" % res.returncode)
out = res.stdout.decode('utf-8')
if os.environ.get('DEGLOSS_UPDATE_GOLDEN') == '1':
    open(golden, 'w', encoding='utf-8').write(out)
    print("wrote", golden)
    sys.exit(0)
want = open(golden, encoding='utf-8').read()
if out != want:
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                               golden, 'text_dump output'))
    sys.exit("golden mismatch: " + golden)
print("OK", golden, len(out.splitlines()), "lines")
