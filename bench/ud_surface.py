#!/usr/bin/env python3
"""The sentences of a CoNLL-U file with their surface tokens, as the
evaluations against UD German-GSD read them (bench/text_eval.py,
bench/case_eval.py).

  sentences(PATH) -> [(text, [(form, upos, feats), ...]), ...]

text is the sentence's "# text =" line; the tokens come in order, one per
surface token: a multiword token ("zum" = zu dem) is one, with upos and
feats None, and its words are left out; an empty node (an id with a dot)
is left out.  feats is the FEATS column as written ("_" for none).
SPDX-License-Identifier: GPL-3.0-or-later"""


def sentences(path):
    sents, cur, skip = [], None, set()
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('# text = '):
            cur = (line[9:], [])
            sents.append(cur)
            skip = set()
        elif line and not line.startswith('#') and cur is not None:
            c = line.split('\t')
            if '-' in c[0]:  # multiword token: the surface form counts
                a, b = map(int, c[0].split('-'))
                skip.update(range(a, b + 1))
                cur[1].append((c[1], None, None))
            elif '.' not in c[0] and int(c[0]) not in skip:
                cur[1].append((c[1], c[3], c[5]))
    return sents
