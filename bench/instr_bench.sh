#!/bin/sh
# Instruction count of degloss on German news (issue 14): a steadier
# figure than seconds on a shared machine, and one that needs no hardware
# counters (a virtual machine often has none: `perf stat -e instructions`
# prints "not supported").  Runs `degloss -f FORMAT` under callgrind (about
# 50 times slower than a plain run: 1 MB takes about half a minute) on a
# corpus of BENCH_MB megabytes (default 1) of NTREX + FLORES German, one
# paragraph a line, repeated (bench/news_corpus.sh), and prints the
# instructions executed, per token and per byte.  The count is the same from
# run to run; what it misses is the time memory takes (cache misses), so
# compare CPU seconds too (bench/speed_bench.sh).
#   bench/instr_bench.sh [BUILD_DIR]        (default build)
# BENCH_BIN overrides the degloss binary (an older build to compare);
# BENCH_FORMAT the output format (default jsonl).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
bin=${BENCH_BIN:-$build/degloss}
fmt=${BENCH_FORMAT:-jsonl}
[ -x "$bin" ] || { echo "no $bin: build it first" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "no valgrind (Debian package valgrind)" >&2; exit 1; }
export DEGLOSS_DATA_DIR=${DEGLOSS_DATA_DIR:-$build/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/bench/news_corpus.sh" "$tmp/corpus.txt" "${BENCH_MB:-1}"
"$bin" --no-config -f jsonl "$tmp/corpus.txt" > "$tmp/out.jsonl"
tokens=$(python3 "$here/bench/count_tokens.py" "$tmp/out.jsonl" | cut -d' ' -f1)
bytes=$(wc -c < "$tmp/corpus.txt")
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bin" --no-config -f "$fmt" "$tmp/corpus.txt" \
  2> "$tmp/cg.err" > /dev/null
ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.err")
[ -n "$ir" ] || { cat "$tmp/cg.err" >&2; exit 1; }
awk -v ir="$ir" -v t="$tokens" -v b="$bytes" -v f="$fmt" 'BEGIN {
  printf "-f %s: %.3f G instructions on %d bytes, %d tokens: %.0f per token, %.0f per byte\n",
         f, ir / 1e9, b, t, ir / t, ir / b }'
