#!/bin/sh
# Speed benchmark, degloss beside hunspell in one run (issue 14): a corpus
# of BENCH_MB megabytes (default 5) of German news (NTREX-128 newstest2019
# and FLORES-200 devtest, one paragraph a line, repeated) is glossed by
# `degloss -f jsonl` and `-f interlinear` on one thread and by `-f jsonl
# --jobs 2`, and stemmed by `hunspell -d de_DE -s` (the same text: hunspell
# finds its words itself).  Each is run BENCH_RUNS times (default 3) and the
# medians are printed: wall and CPU seconds (user + system: the steadier
# figure on a shared machine), tokens/s and words/s per CPU second and per
# wall second, peak RSS; then degloss's words/s over hunspell's, the
# speed-up of --jobs 2 over one thread, beside what two single-thread
# runs side by side get done in the same wall time (whether the two cores
# are free: the issue's target is on two free cores), the time to the first output
# byte for a one-line input (median and best of 9).  Last, the run's split
# into first sight and steady state: one copy of the news text alone (every
# word type new: start-up, morphology, compound splitting, senses) in
# `-f jsonl`, and the rate of the further copies (every word type seen).
#   bench/speed_bench.sh [BUILD_DIR]     (default build)
# BENCH_BIN overrides the degloss binary (an older build to compare);
# HUNSPELL_DICT the dictionary (default de_DE).
# Tokens are the jsonl output's tokens (words, names, numbers,
# punctuation; not a compound's parts: bench/count_tokens.py); words are
# its tokens of kind word or name, and hunspell's are the words it printed
# stems for.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
bin=${BENCH_BIN:-$build/degloss}
[ -x "$bin" ] || { echo "no $bin: build it first" >&2; exit 1; }
command -v hunspell > /dev/null || { echo "no hunspell program (Debian package hunspell)" >&2; exit 1; }
export DEGLOSS_DATA_DIR=${DEGLOSS_DATA_DIR:-$build/data}
mb=${BENCH_MB:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/bench/news_corpus.sh" "$tmp/corpus.txt" "$mb"
echo "Die Regierung hat am Montag neue Sanktionen beschlossen." > "$tmp/one.txt"
sed 's/$/\n/' "$here/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt" \
  "$here/dictionaries/parallel/flores200/deu_Latn.devtest" > "$tmp/copy.txt"
sed -i '$d' "$tmp/copy.txt"
python3 - "$bin" "$tmp" "${BENCH_RUNS:-3}" "${HUNSPELL_DICT:-de_DE}" "$here/bench" <<'PY'
import os, statistics, subprocess, sys, time
binary, tmp, runs, hdict = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, sys.argv[5])
from count_tokens import count
corpus = os.path.join(tmp, "corpus.txt")
nbytes = os.path.getsize(corpus)

def run(argv, out_path, text=corpus):
    """Wall and CPU seconds and peak RSS (MB) of one child."""
    with open(text, "rb") as fin, open(out_path, "wb") as fout:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=fin, stdout=fout)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024

cases = [
    ("degloss jsonl", [binary, "--no-config", "-f", "jsonl", "-"]),
    ("degloss interlinear", [binary, "--no-config", "-f", "interlinear", "-"]),
    ("degloss jsonl --jobs 2", [binary, "--no-config", "-f", "jsonl", "--jobs", "2", "-"]),
    ("hunspell -s", ["hunspell", "-d", hdict, "-s"]),
]
def run_pair(argv):
    """Two copies of one child side by side: wall seconds until both end,
    and the mean of their CPU seconds (are the two cores free?)."""
    outs = [open(os.path.join(tmp, f"pair{k}.out"), "wb") for k in (0, 1)]
    ins = [open(corpus, "rb") for _ in (0, 1)]
    t0 = time.perf_counter()
    ps = [subprocess.Popen(argv, stdin=ins[k], stdout=outs[k]) for k in (0, 1)]
    cpu = []
    for p in ps:
        _, status, ru = os.wait4(p.pid, 0)
        cpu.append(ru.ru_utime + ru.ru_stime)
    wall = time.perf_counter() - t0
    for f in outs + ins:
        f.close()
    return wall, sum(cpu) / 2

res = {name: [] for name, _ in cases}
pair = []
load0 = open("/proc/loadavg").read().split()[:3]
for r in range(runs):  # interleaved, so a busy moment touches every case
    for name, argv in cases:
        res[name].append(run(argv, os.path.join(tmp, name.replace(" ", "_") + ".out")))
    pair.append(run_pair(cases[0][1]))
load1 = open("/proc/loadavg").read().split()[:3]

jsonl = open(os.path.join(tmp, "degloss_jsonl.out"), encoding="utf-8").read()
tokens, words = count(os.path.join(tmp, "degloss_jsonl.out"))
hun = open(os.path.join(tmp, "hunspell_-s.out"), encoding="utf-8", errors="replace").read()
hwords = sum(1 for block in hun.split("\n\n") if block.strip())
same_j2 = open(os.path.join(tmp, "degloss_jsonl_--jobs_2.out"), encoding="utf-8").read() == jsonl

med = {name: tuple(statistics.median(x[i] for x in v) for i in range(3)) for name, v in res.items()}
print(f"corpus: {nbytes} bytes of German news (NTREX + FLORES, repeated); {tokens} tokens, "
      f"{words} words (degloss), {hwords} words (hunspell); medians of {runs} runs")
print(f"{'':24s} {'wall s':>7s} {'cpu s':>7s} {'tokens/s cpu':>13s} {'words/s cpu':>12s} {'words/s wall':>13s} {'peak RSS':>9s}")
for name, _ in cases:
    wall, cpu, rss = med[name]
    w = hwords if name.startswith("hunspell") else words
    tok = f"{tokens / cpu:13.0f}" if not name.startswith("hunspell") else f"{'':>13s}"
    print(f"{name:24s} {wall:7.2f} {cpu:7.2f} {tok} {w / cpu:12.0f} {w / wall:13.0f} {rss:7.0f} MB")
hw = hwords / med["hunspell -s"][1]
for name in ("degloss jsonl", "degloss interlinear"):
    print(f"{name} / hunspell -s, words per CPU second: {words / med[name][1] / hw:.2f}x")
print(f"--jobs 2 / --jobs 1 (jsonl), wall clock: {med['degloss jsonl'][0] / med['degloss jsonl --jobs 2'][0]:.2f}x "
      f"(cpu/wall {med['degloss jsonl --jobs 2'][1] / med['degloss jsonl --jobs 2'][0]:.2f}); "
      f"output {'the same' if same_j2 else 'DIFFERENT'}")
pw, pc = statistics.median(x[0] for x in pair), statistics.median(x[1] for x in pair)
print(f"two jsonl processes side by side (are the two cores free?): {pw:.2f} s wall for both, "
      f"{pc:.2f} s cpu each, against {med['degloss jsonl'][1]:.2f} s cpu alone: "
      f"{2 * med['degloss jsonl'][0] / pw:.2f}x the work of one in the wall time; --jobs 2 reached "
      f"{med['degloss jsonl'][0] / med['degloss jsonl --jobs 2'][0] / (2 * med['degloss jsonl'][0] / pw):.2f} of that")
firsts = []
for _ in range(9):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "--no-config", "-f", "jsonl", os.path.join(tmp, "one.txt")], stdout=subprocess.PIPE)
    p.stdout.read(1)
    firsts.append(time.perf_counter() - t0)
    p.communicate()
print(f"time to first output (one line): median {statistics.median(firsts) * 1000:.0f} ms, "
      f"best {min(firsts) * 1000:.0f} ms")
copy = os.path.join(tmp, "copy.txt")
copy_out = os.path.join(tmp, "copy.out")
copy_cpu = statistics.median(run([binary, "--no-config", "-f", "jsonl", "-"], copy_out, copy)[1] for _ in range(runs))
copy_tokens = count(copy_out)[0]
print(f"split (jsonl): one copy of the text ({os.path.getsize(copy)} bytes, {copy_tokens} tokens, every word new) "
      f"{copy_cpu:.2f} s cpu = {copy_tokens / copy_cpu:.0f} tokens/s; the further copies (every word seen) "
      f"{(tokens - copy_tokens) / (med['degloss jsonl'][1] - copy_cpu):.0f} tokens/s")
print(f"{os.cpu_count()} online CPUs; load average before {' '.join(load0)}, after {' '.join(load1)}")
PY
