#!/bin/sh
# Pipeline benchmark: glosses a corpus built from the German eval texts
# (NTREX-128 newstest2019 + FLORES-200 devtest, repeated up to BENCH_MB
# megabytes, default 20) with `degloss -f jsonl` and `-f interlinear`, with
# --jobs 1, 2 and nproc (BENCH_JOBS="1 4" to choose), and prints MB/s,
# sentences/s, tokens/s and peak RSS, and whether the output is the bytes of
# the first --jobs value; then the time to the first output on a one-line
# input.
#   bench/pipeline_bench.sh [BUILD_DIR] [EXTRA degloss OPTIONS...]
# BUILD_DIR defaults to build-rel (configure it with
#   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=RelWithDebInfo).
# Sentences and tokens are counted from the jsonl output (one sentence a
# line; tokens = "form" members).  Rates are given per wall-clock second
# and per CPU second (user + system; the better figure on a shared machine).
# BENCH_BIN overrides the binary (e.g. an older build to compare).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-rel}
[ $# -gt 0 ] && shift
bin=${BENCH_BIN:-$build/degloss}
[ -x "$bin" ] || { echo "no $bin: build it first" >&2; exit 1; }
export DEGLOSS_DATA_DIR=${DEGLOSS_DATA_DIR:-$build/data}
mb=${BENCH_MB:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/bench/news_corpus.sh" "$tmp/corpus.txt" "$mb"
bytes=$(wc -c < "$tmp/corpus.txt")
echo "corpus: $bytes bytes, $(wc -l < "$tmp/corpus.txt") lines (NTREX + FLORES German, repeated)"
echo "binary: $bin $*"

# Worker threads: --jobs 1, 2 and the number of online CPUs (BENCH_JOBS
# overrides the list); every run's output is compared with --jobs 1.
ncpu=$(nproc)
load0=$(cut -d' ' -f1-3 /proc/loadavg)
jobs_default="1 2"
if [ "$ncpu" -gt 2 ]; then jobs_default="1 2 $ncpu"; fi
jobs_list=${BENCH_JOBS:-$jobs_default}
# An older binary without --jobs (BENCH_BIN) runs once, single-threaded.
if ! "$bin" --help | grep -q -- '--jobs'; then jobs_list=1; fi
jobs_flag() { "$bin" --help | grep -q -- '--jobs' && echo "--jobs=$1" || echo "--no-config"; }
for j in $jobs_list; do
  for fmt in jsonl interlinear; do
    /usr/bin/time -v -o "$tmp/time.$fmt.$j" "$bin" --no-config "$(jobs_flag "$j")" -f "$fmt" "$@" "$tmp/corpus.txt" \
      > "$tmp/out.$fmt.$j"
  done
done
first=${jobs_list%% *}
sent=$(wc -l < "$tmp/out.jsonl.$first")
tok=$(python3 "$here/bench/count_tokens.py" "$tmp/out.jsonl.$first" | cut -d' ' -f1)
for j in $jobs_list; do
  for fmt in jsonl interlinear; do
    same=$(cmp -s "$tmp/out.$fmt.$j" "$tmp/out.$fmt.$first" && echo same || echo DIFFERENT)
    python3 - "$tmp/time.$fmt.$j" "$fmt" "$bytes" "$sent" "$tok" "$j" "$same" <<'PY'
import sys, re
t = open(sys.argv[1]).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
el = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(el)))
user = float(field("User time (seconds)")); sys_ = float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)"))
b, s, k = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
cpu = user + sys_
print(f"--jobs {sys.argv[6]:>2s} {sys.argv[2]:12s} wall {wall:7.2f} s: {b / 1e6 / wall:6.2f} MB/s {s / wall:7.0f} sentences/s "
      f"{k / wall:8.0f} tokens/s | cpu {cpu:7.2f} s: {b / 1e6 / cpu:6.2f} MB/s {s / cpu:7.0f} sentences/s "
      f"{k / cpu:8.0f} tokens/s | cpu/wall {cpu / wall:4.2f} | peak RSS {rss / 1024:.0f} MB | output {sys.argv[7]}")
PY
  done
done
echo "($sent sentences, $tok tokens; $ncpu online CPUs; load average before the runs: $load0)"

# Time to first output: one line, glossed from a cold process.
echo "Die Regierung hat am Montag neue Sanktionen beschlossen." > "$tmp/one.txt"
python3 - "$bin" "$tmp/one.txt" "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(5):
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.argv[1], "--no-config", "-f", "jsonl"] + sys.argv[3:] + [sys.argv[2]],
                         stdout=subprocess.PIPE)
    p.stdout.read(1)
    t1 = time.perf_counter()
    p.communicate()
    best = t1 - t0 if best is None else min(best, t1 - t0)
print(f"time to first output (one line, best of 5): {best * 1000:.0f} ms")
PY
