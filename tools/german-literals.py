#!/usr/bin/env python3
"""Count tests of a word against German word literals in src/ (C files).

A test is a comparison call (strcmp, strncmp, strcasecmp, strncasecmp,
memcmp, dg_gl_eq, S_eq, dg_gl_clause_has, S_clause_has_q) with a string
literal argument, or a literal in a static string array (a list a loop
compares against).  A literal counts when it is a German word: letters only
(an abbreviation's final "." allowed), two letters or more, and not one of
the English words, tags and codes listed in NOT_GERMAN_WORDS (they were
checked by hand).  Affixes are not words: lists of endings (AFFIX_ARRAYS,
compared with the end of a word) and comparisons at an offset into a word
("strcmp(lemma + L - 4, "ment")") do not count.  Comments are removed first.  English-only code is
skipped: src/gloss/english.c, src/gloss/align.c (English function words of
a translation) and the MT, CLI, API, render, document and web server areas.  Usage: german-literals.py [ROOT] [-v] [--max N]

With --max N it exits 1 when more than N are found: rules ask word classes
(dictionaries/word-classes.tsv), they do not list German words; the few rules
about one word name it with a comment saying why (doc/architecture.md).
SPDX-License-Identifier: GPL-3.0-or-later"""
import os, re, sys, collections

root = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else '.'
verbose = '-v' in sys.argv
SKIP = re.compile(r'^src/(mt|cli|api|render|document|serve)/|^src/gloss/(english|align)\.c$')
NOT_GERMAN_WORDS = set('''
NOUN VERB ADJ ADV AUX PROPN PRON DET ADP SCONJ CCONJ PART NUM SYM PUNCT INTJ
NOM ACC DAT GEN SG PL PRS INF DEF INDF REL POSS FUT PASS CMPR SUPL POL INT DEM
Masc Fem Neut Nom Acc Dat Gen Sing Plur
the an to be there than who whom less become will would glossary unknown compound
stand more most least fewer better best worse worst further rather sooner
on in at above by for from under over as with without after before below into
can must may shall should might could was were which himself herself itself
themselves oneself highly super ultra extremely very half fully day week month year
hour minute second fold percent member page part storey language time ing
word name number punct symbol url email handle hashtag closed lexicon parts
dictionary pattern lemma confix yes no pl vr tokens text form start end
PST SBJV IMP ge rinne Mr Ms auto of subject command geogr.
'''.split())

AFFIX_ARRAYS = {  # file:array
    'src/morph/compound.c:S_bad_heads', 'src/morph/compound.c:ext', 'src/morph/compound.c:fem_s',
    'src/morph/compound_whole.c:heads', 'src/morph/compound_whole.c:ends', 'src/morph/compound.c:ends',
    'src/morph/morph_analyze.c:S_adj_end',
    'src/morph/morph_analyze.c:suf', 'src/morph/morph_analyze.c:nends', 'src/morph/morph_analyze.c:ends',
    'src/morph/morph_analyze.c:deg', 'src/gloss/fallback.c:pre', 'src/gloss/participle.c:endings',
    'src/gloss/parts.c:suf', 'src/gloss/context.c:suf', 'src/gloss/closed.c:map', 'src/text/tokenize.c:suf',
    'src/morph/morph_variant.c:ptcp_ends', 'src/morph/morph_variant.c:inf_ends', 'src/gloss/lookup.c:ends',
    'src/gloss/ordinal.c:S_endings', 'src/gloss/ordinal.c:suffixes'}

def strip_comments(s):
    s = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), s, flags=re.S)
    return re.sub(r'//[^\n]*', '', s)

CALL = re.compile(r'\b(strn?cmp|strn?casecmp|memcmp|dg_gl_eq|S_eq|dg_gl_clause_has|S_clause_has_q)\s*\(')
ARRAY = re.compile(r'static\s+const\s+(?:struct\s*\{[^{}]*\}\s*)?[^;={}]*?(\w+)\s*\[\]\s*(\[[^\]]*\])?\s*=\s*\{')
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')
GERMAN = re.compile(r'^[A-Za-zÄÖÜäöüß]{2,}\.?$')

def args_span(s, i):
    """From the '(' at i to its matching ')'."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == '(':
            depth += 1
        elif s[j] == ')':
            depth -= 1
            if depth == 0:
                return j
    return len(s)

def brace_span(s, i):
    depth = 0
    for j in range(i, len(s)):
        if s[j] == '{':
            depth += 1
        elif s[j] == '}':
            depth -= 1
            if depth == 0:
                return j
    return len(s)

counts = collections.Counter()
for dp, dn, fn in os.walk(os.path.join(root, 'src')):
    for f in sorted(fn):
        if not f.endswith(('.c', '.h')):
            continue
        path = os.path.relpath(os.path.join(dp, f), root)
        if SKIP.search(path):
            continue
        s = strip_comments(open(os.path.join(root, path), encoding='utf-8').read())
        spans = []
        for m in CALL.finditer(s):
            b = args_span(s, m.end() - 1)
            first = re.sub(r'\[[^\]]*\]', '', s[m.end():b]).split(',')[0]
            if re.search(r'\s[-+]\s', first):
                continue  # a test at an offset into a word: an affix
            spans.append((m.end() - 1, b))
        for m in ARRAY.finditer(s):
            if path + ':' + m.group(1) in AFFIX_ARRAYS:
                continue
            spans.append((m.end() - 1, brace_span(s, m.end() - 1)))
        seen = set()
        for a, b in spans:
            for m in LIT.finditer(s, a, b):
                if m.start() in seen:
                    continue
                seen.add(m.start())
                w = m.group(1)
                if GERMAN.match(w) and w not in NOT_GERMAN_WORDS:
                    counts[path] += 1
                    if verbose:
                        print('%s:%d: %s' % (path, s.count('\n', 0, m.start()) + 1, w))
for p in sorted(counts):
    print('%4d %s' % (counts[p], p))
print('%4d total' % sum(counts.values()))
if '--max' in sys.argv:
    limit = int(sys.argv[sys.argv.index('--max') + 1])
    total = sum(counts.values())
    print('at most %d allowed: %s' % (limit, 'ok' if total <= limit else 'too many'))
    sys.exit(0 if total <= limit else 1)
