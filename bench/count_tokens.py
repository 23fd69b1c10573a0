#!/usr/bin/env python3
"""Tokens and words of degloss -f jsonl output, as the benchmarks count them.
   bench/count_tokens.py FILE.jsonl  ->  "TOKENS WORDS"
A token is an entry of a record's "tokens" (a word, name, number or
punctuation mark; a compound's parts are not tokens); a word is a token of
kind word or name.
SPDX-License-Identifier: GPL-3.0-or-later"""
import json
import sys


def count(path):
    tokens = words = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for t in rec.get("tokens", ()):
                tokens += 1
                words += t.get("kind") in ("word", "name")
    return tokens, words


if __name__ == "__main__":
    print(*count(sys.argv[1]))
