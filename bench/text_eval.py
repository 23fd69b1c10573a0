#!/usr/bin/env python3
"""Accuracy of the text layer against UD German-GSD (tests/data/eval/ud-gsd).

usage: bench/text_eval.py [BUILD_DIR] [CONLLU]
Prints sentence-boundary and token-span precision/recall and the most
frequent differences.  Sentences are taken from "# text =" lines and put
ten to a paragraph (joined by a space), so boundaries without punctuation
cannot be found: recall has a ceiling below 1.  UD splits hyphenated
compounds ("SPD-Politiker" -> SPD - Politiker) and "!!!" runs, degloss
keeps them (by design), which bounds token recall."""
import collections, os, re, subprocess, sys, tempfile

build = sys.argv[1] if len(sys.argv) > 1 else 'build'
conllu = sys.argv[2] if len(sys.argv) > 2 else 'tests/data/eval/ud-gsd/de_gsd-ud-test.conllu'
dump = os.path.join(build, 'text_dump')

from ud_surface import sentences
sents = [{'text': text, 'toks': [form for form, _, _ in toks]} for text, toks in sentences(conllu)]

def run(text):
    with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
        f.write(text)
    out = subprocess.run([dump, f.name], capture_output=True, check=True).stdout.decode()
    os.unlink(f.name)
    return out

def report(name, gold, pred, data, show):
    tp = len(gold & pred)
    print("%s: gold %d, found %d, correct %d: precision %.4f, recall %.4f" %
          (name, len(gold), len(pred), tp, tp / max(1, len(pred)), tp / max(1, len(gold))))
    b = data.encode()
    for label, diff in (('extra', pred - gold), ('missed', gold - pred)):
        c = collections.Counter(show(b, x) for x in diff)
        print("  %s: %s" % (label, ', '.join('%r x%d' % kv for kv in c.most_common(12))))

# sentence boundaries
parts, gold, off = [], set(), 0
for i in range(0, len(sents), 10):
    block = sents[i:i + 10]
    for j, s in enumerate(block):
        parts.append(s['text'])
        off += len(s['text'].encode())
        gold.add(off)
        sep = ' ' if j < len(block) - 1 else '\n\n'
        parts.append(sep)
        off += len(sep.encode())
data = ''.join(parts)
pred = set(int(m.group(1)) for m in re.finditer(r'^S\S+ \[\d+,(\d+)\)', run(data), re.M))
report('sentence ends', gold, pred, data,
       lambda b, x: b[max(0, x - 12):x].decode('utf-8', 'replace') + '|')

# token spans (one sentence a paragraph)
data, gold = '', set()
for s in sents:
    base, t, pos = len(data.encode()), s['text'], 0
    for form in s['toks']:
        i = t.find(form, pos)
        if i < 0:
            break
        a = base + len(t[:i].encode())
        gold.add((a, a + len(form.encode())))
        pos = i + len(form)
    data += t + '\n\n'
pred = set((int(m.group(1)), int(m.group(2)))
           for m in re.finditer(r'^  \S+\s+(\d+)\s+(\d+)', run(data), re.M))
report('tokens', gold, pred, data, lambda b, x: b[x[0]:x[1]].decode('utf-8', 'replace'))
