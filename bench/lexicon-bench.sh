#!/bin/sh
# Lexicon benchmarks: build time, file size, load time, lookups per second,
# and ranking quality (primary-gloss word list; held-out parallel text) for
# Ding's own order (naive), the data-driven ranking alone, and the full
# lexicon with the curated files.
#   bench/lexicon-bench.sh [BUILD_DIR]     (default: build)
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
cmake --build "$B" --target dgcompile lexicon_data lexicon-bench lexicon-heldout lexicon-primary >/dev/null
DING=$(sed -n 's/^DEGLOSS_DING:FILEPATH=//p' "$B/CMakeCache.txt")
E=dictionaries/parallel
PAR="--parallel $E/flores200/deu_Latn.devtest $E/flores200/eng_Latn.devtest 506 --parallel $E/ntrex/newstest2019-ref.deu.txt $E/ntrex/newstest2019-src.eng.txt 998"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "== build time (dgcompile, full lexicon)"
# shellcheck disable=SC2086
/usr/bin/time -f "wall %e s, max RSS %M KB" "$B/dgcompile" --ding "$DING" --dict dictionaries --out "$T/full.lex" $PAR 2>&1 | tail -3
# shellcheck disable=SC2086
"$B/dgcompile" --ding "$DING" --dict dictionaries --out "$T/data-only.lex" $PAR --data-only 2>/dev/null
# shellcheck disable=SC2086
"$B/dgcompile" --ding "$DING" --dict dictionaries --out "$T/naive.lex" $PAR --naive 2>/dev/null
echo "== size, load time, lookups (full lexicon)"
"$B/lexicon-bench" "$T/full.lex" dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
echo "== primary-gloss word list (tests/lexicon/primary-glosses.tsv)"
for k in naive data-only full; do
  printf '%-10s ' "$k"
  "$B/lexicon-primary" tests/lexicon/primary-glosses.tsv 0 "$T/$k.lex" | tail -1
done
echo "== held-out halves of the aligned dev data (never read by the compiler)"
for k in naive data-only full; do
  "$B/lexicon-heldout" "$T/$k.lex" $E/flores200/deu_Latn.devtest $E/flores200/eng_Latn.devtest 507
  "$B/lexicon-heldout" "$T/$k.lex" $E/ntrex/newstest2019-ref.deu.txt $E/ntrex/newstest2019-src.eng.txt 999
done
