#!/bin/sh
# Start-up cost: wall time from exec to exit for a one-sentence input (the
# time to first output plus exit), median and 90th percentile of 41 runs, and
# peak RSS, for each build directory given (default: build).  The data files'
# checksum pass at open is part of it.
#   bench/startup_bench.sh [BUILD_DIR]...
set -eu
[ $# -gt 0 ] || set -- build
python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
def run(b):
    env = dict(os.environ, DEGLOSS_DATA_DIR=os.path.join(b, "data"))
    times = []
    for _ in range(41):
        t = time.perf_counter()
        subprocess.run([os.path.join(b, "degloss"), "--no-config"], input=b"Der Kreml schweigt.\n",
                       stdout=subprocess.DEVNULL, env=env, check=True)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return times[len(times) // 2], times[int(len(times) * 0.9)], rss
print(f"{'build':<28} {'median ms':>10} {'p90 ms':>8} {'max RSS MB':>11}")
for b in sys.argv[1:]:
    med, p90, rss = run(b)
    print(f"{b:<28} {med:10.1f} {p90:8.1f} {rss / 1024:11.1f}")
PY
