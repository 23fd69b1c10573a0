#!/usr/bin/env python3
"""Golden test: run text_dump on INPUT and compare with GOLDEN.
usage: golden.py TEXT_DUMP INPUT GOLDEN [text_dump options...]
Lines at the top of GOLDEN starting with '#' are a comment for reviewers and
are not compared.  With DEGLOSS_UPDATE_GOLDEN=1 the golden file is rewritten
(its comment kept) instead of compared: review the diff before committing."""
import difflib, os, subprocess, sys

dump, inp, golden = sys.argv[1:4]
opts = sys.argv[4:]
optfile = os.path.splitext(inp)[0] + '.opts'  # options for a case, e.g. "--horizontal"
if os.path.exists(optfile):
    opts += open(optfile).read().split()
res = subprocess.run([dump] + opts + [inp], capture_output=True)
if res.returncode != 0:
    sys.stderr.write(res.stderr.decode('utf-8', 'replace'))
    sys.exit("text_dump failed with status %d" % res.returncode)
out = res.stdout.decode('utf-8')
old = open(golden, encoding='utf-8').read() if os.path.exists(golden) else ''
lines = old.splitlines(True)
head = ''
while lines and lines[0].startswith('#'):
    head += lines.pop(0)
if os.environ.get('DEGLOSS_UPDATE_GOLDEN') == '1':
    open(golden, 'w', encoding='utf-8').write(head + out)
    print("wrote", golden)
    sys.exit(0)
want = ''.join(lines)
if out != want:
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                               golden, 'text_dump output'))
    sys.exit("golden mismatch: " + golden)
print("OK", golden, len(out.splitlines()), "lines")
