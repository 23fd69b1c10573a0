#!/bin/sh
# Glossary load time: degloss -g FILE on a one-line input, for glossaries of
# 20,000 / 100,000 / 1,000,000 lines, all for one lemma and all distinct
# lemmas, minus the same run without a glossary (median of 3 runs each).
#   bench/glossary_bench.sh [BUILD_DIR]   (default build)
set -eu
B=${1:-build}
export DEGLOSS_DATA_DIR="$B/data"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "Der Kreml schweigt." > "$T/in.txt"
median() { sort -n | sed -n 2p; }
run() { # prints seconds of one run
  python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); print(f"{time.perf_counter()-t:.3f}")' "$@"
}
base=$(for i in 1 2 3; do run "$B/degloss" --no-config "$T/in.txt"; done | median)
printf '%-10s %-14s %10s\n' lines shape "load (s)"
for n in 20000 100000 1000000; do
  python3 - "$n" "$T" <<'PY'
import sys
n, t = int(sys.argv[1]), sys.argv[2]
with open(f"{t}/one.tsv", "w") as f:
    for i in range(n): f.write(f"Kreml\tPROPN\tkremlin-{i}\n")
with open(f"{t}/spread.tsv", "w") as f:
    for i in range(n): f.write(f"Wortform{i}\tNOUN\tword-{i}\n")
PY
  for shape in one spread; do
    t=$(for i in 1 2 3; do run "$B/degloss" --no-config -g "$T/$shape.tsv" "$T/in.txt"; done | median)
    python3 -c "import sys; print(f'{int(sys.argv[1]):<10} {sys.argv[2]:<14} {float(sys.argv[3]) - float(sys.argv[4]):10.3f}')" \
      "$n" "$([ $shape = one ] && echo 'one lemma' || echo 'distinct')" "$t" "$base"
  done
done
