#!/usr/bin/env python3
"""How often degloss's case label of an article or pronoun agrees with UD German-GSD.

usage: bench/case_eval.py [BUILD_DIR] [CONLLU] [--show N] [--dump FILE]
Glosses the treebank's sentences (one a line, `--input lines -f jsonl`),
matches each UD word of part of speech DET or PRON that is its own surface
token (not part of "zum", "im") to the degloss token with the same byte
span, and compares UD's Case with the case in degloss's Leipzig labels
(NOM, ACC, DAT, GEN).  Prints the tokens with a gold case, those degloss
labels with a case, the share that agree, and the most frequent
disagreements (form, degloss's case -> UD's), with --show N sentences of
them; --dump writes one line per compared token (sentence, form, degloss's
case, UD's), to compare two builds with diff.  GSD's features were made automatically and corrected only in part:
take the figure as a comparison between builds, not as a true accuracy."""
import collections, json, os, subprocess, sys, tempfile

args = [a for a in sys.argv[1:]]
show = 0
dump = None
if '--dump' in args:
    k = args.index('--dump')
    dump = open(args[k + 1], 'w', encoding='utf-8')
    del args[k:k + 2]
if '--show' in args:
    k = args.index('--show')
    show = int(args[k + 1])
    del args[k:k + 2]
build = args[0] if args else 'build'
conllu = args[1] if len(args) > 1 else 'tests/data/eval/ud-gsd/de_gsd-ud-dev.conllu'
binary = os.path.join(build, 'degloss')
CASES = ('NOM', 'ACC', 'DAT', 'GEN')

from ud_surface import sentences
sents = []
for text, toks in sentences(conllu):
    words = []
    for form, upos, feats in toks:
        fd = dict(f.split('=', 1) for f in (feats or '').split('|') if '=' in f)
        words.append((form, upos, fd.get('Case')))
    sents.append({'text': text, 'words': words})

with tempfile.NamedTemporaryFile('w', encoding='utf-8', suffix='.txt', delete=False) as f:
    for s in sents:
        f.write(s['text'].replace('\n', ' ') + '\n')
    path = f.name
env = dict(os.environ)
env.setdefault('DEGLOSS_DATA_DIR', os.path.join(build, 'data'))
out = subprocess.run([binary, '--no-config', '--input', 'lines', '-f', 'jsonl', path],
                     capture_output=True, env=env, check=True).stdout.decode('utf-8')
os.unlink(path)
records = [json.loads(l) for l in out.splitlines() if l.strip()]
if len(records) != len(sents):
    sys.exit(f'{len(records)} records for {len(sents)} sentences')

gold_n = labelled = agree = 0
confusions = collections.Counter()
examples = collections.defaultdict(list)
for s, r in zip(sents, records):
    text = s['text'].encode('utf-8')
    base = r['start']
    spans = {}
    for t in r.get('tokens', []):
        spans[(t['start'] - base, t['end'] - base)] = t
    pos = 0
    for form, upos, case in s['words']:
        b = form.encode('utf-8')
        at = text.find(b, pos)
        if at < 0:
            continue
        pos = at + len(b)
        if upos not in ('DET', 'PRON') or not case or ',' in case:
            continue
        gold = case.upper()
        gold_n += 1
        t = spans.get((at, at + len(b)))
        if not t:
            continue
        ours = [c for c in CASES if c in (t.get('labels') or '').replace('/', '.').split('.')]
        if len(ours) != 1:
            continue
        labelled += 1
        if dump:
            dump.write(f'{at}\t{form}\t{ours[0]}\t{gold}\t{s["text"]}\n')
        if ours[0] == gold:
            agree += 1
        else:
            key = (form.lower(), ours[0], gold)
            confusions[key] += 1
            if len(examples[key]) < 2:
                examples[key].append(s['text'])

print(f'{os.path.basename(conllu)}: {gold_n} articles and pronouns with one case in UD; '
      f'{labelled} with one case in degloss\'s labels; {agree} agree ({100.0 * agree / max(labelled, 1):.1f} %)')
print('most frequent disagreements (form: degloss -> UD):')
for (form, ours, gold), n in confusions.most_common(15):
    print(f'  {n:4d}  {form}: {ours} -> {gold}')
for (key, _n) in confusions.most_common(show):
    for ex in examples[key]:
        print(f'  [{key[0]} {key[1]}->{key[2]}] {ex}')
