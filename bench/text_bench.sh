#!/bin/sh
# Throughput and memory of the text layer, in a release build (build-bench/).
#   bench/text_bench.sh            ~50 MB corpus of the eval texts, then a
#                                  streamed single line of BIG_MB (default 1024) MB
# Prints the figures; exits non-zero only if something fails to run.
set -eu
cd "$(dirname "$0")/.."
B=${DEGLOSS_BENCH_BUILD:-build-bench}
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DDEGLOSS_TESTS=OFF >/dev/null
cmake --build "$B" -j2 --target text_bench >/dev/null
E=dictionaries/parallel
FILES="samples/news-ukraine-2025.de.txt $E/flores200/deu_Latn.devtest $E/ntrex/newstest2019-ref.deu.txt"
echo "== corpus: sample + FLORES-200 devtest + NTREX (German), repeated to ~${MB:-50} MB"
"$B/text_bench" -s "${MB:-50}" $FILES
"$B/text_bench" -s "${MB:-50}" --horizontal $FILES
BIG=${BIG_MB:-1024}
echo "== one ${BIG} MB line without a line break, streamed from a pipe (bounded memory)"
yes 'Ein Satz ohne Ende und' | tr -d '\n' | head -c "${BIG}M" | "$B/text_bench" --stdin
W=${W1252_MB:-256}
echo "== one ${W} MB Windows-1252 line (auto-detected, transcoded), streamed from a pipe"
yes "$(printf 'Ein Satz \374ber Gr\374\337e und')" | tr -d '\n' | head -c "${W}M" | "$B/text_bench" --stdin 2>&1
