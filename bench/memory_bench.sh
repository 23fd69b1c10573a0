#!/bin/sh
# Peak memory (max RSS) of degloss on news text without blank lines (the
# German NTREX and FLORES sentences repeated, one sentence a line: every
# 1 MiB is one paragraph), for --jobs 1, 2, 4, 8, in jsonl; and the ratio to
# one thread.  Optionally a long stream: BENCH_STREAM_MB=1024 pipes that many
# MB of the same text through one thread and reports peak RSS and time.
#   bench/memory_bench.sh [BUILD_DIR] [MB]   (default build, 8 MB)
set -eu
B=${1:-build}
MB=${2:-8}
export DEGLOSS_DATA_DIR="$B/data"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SRC="dictionaries/parallel/ntrex/newstest2019-ref.deu.txt dictionaries/parallel/flores200/deu_Latn.devtest"
python3 - "$T/news.txt" "$MB" $SRC <<'PY'
import sys
out, mb, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
text = "".join(open(s, encoding="utf-8").read() for s in srcs).replace("\n\n", "\n")
with open(out, "w", encoding="utf-8") as f:
    n = 0
    while n < mb << 20:
        f.write(text)
        n += len(text.encode())
PY
echo "input: $(du -m "$T/news.txt" | cut -f1) MB of news sentences, one a line, no blank lines"
printf '%-8s %12s %8s %10s\n' jobs "peak RSS MB" ratio "wall s"
one=
for j in 1 2 4 8; do
  /usr/bin/time -f "%M %e" -o "$T/t" "$B/degloss" --no-config -f jsonl -j $j "$T/news.txt" > /dev/null 2>&1 || true
  read kb s <<EOF2
$(tail -n 1 "$T/t")
EOF2
  [ -n "$one" ] || one=$kb
  python3 -c "import sys; kb, one, s, j = map(float, sys.argv[1:]); print(f'{int(j):<8} {kb/1024:12.1f} {kb/one:8.2f} {s:10.2f}')" "$kb" "$one" "$s" "$j"
done
if [ -n "${BENCH_STREAM_MB:-}" ]; then
  python3 - "$T/news.txt" "$BENCH_STREAM_MB" <<'PY' | /usr/bin/time -f "%M %e" -o "$T/t" "$B/degloss" --no-config -f jsonl > /dev/null 2>&1 || true
import sys
data = open(sys.argv[1], "rb").read()
left = int(sys.argv[2]) << 20
out = sys.stdout.buffer
while left > 0:
    out.write(data[:left]); left -= len(data)
PY
  read kb s <<EOF2
$(tail -n 1 "$T/t")
EOF2
  echo "stream of $BENCH_STREAM_MB MB through one thread: peak RSS $((kb / 1024)) MB, $s s"
fi
