#!/usr/bin/env python3
"""Load test of `degloss serve`: 50 API clients at once on loopback, each
sending POST /api/gloss requests one after another (a sentence, a short
paragraph, a text/plain body), for DEGLOSS_LOAD_SECONDS seconds (default 5;
the figure the issue asks for is 30: DEGLOSS_LOAD_SECONDS=30).  Every answer
must be 200 with the sentences the same request got alone; it prints the
requests, the failures and the latency (median, 95th percentile, maximum).

usage: load_test.py DEGLOSS [CLIENTS]
SPDX-License-Identifier: GPL-3.0-or-later"""
import http.client
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

EXE = sys.argv[1]
CLIENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
SECONDS = float(os.environ.get("DEGLOSS_LOAD_SECONDS", "5"))
REQUESTS = [
    ("application/json", json.dumps({"text": "Der Hund bellt."})),
    ("application/json", json.dumps({"text": "Die Bundesregierung hat am Dienstag ein Maßnahmenpaket "
                                             "beschlossen. Die Opposition kritisierte es scharf."})),
    ("application/json", json.dumps({"text": "Sie rief gestern an.", "style": "plain"})),
    ("text/plain", "Das Telefongespräch dauerte eine Stunde."),
]


def post(host, port, ctype, body):
    c = http.client.HTTPConnection(host, port, timeout=30)
    try:
        c.request("POST", "/api/gloss", body.encode(), {"Content-Type": ctype})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def main():
    p = subprocess.Popen([EXE, "serve", "--no-config", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    fails = []
    try:
        ready, _, _ = select.select([p.stdout], [], [], 20)
        if not ready:
            print("FAIL: the server printed no URL")
            return 1
        u = urllib.parse.urlsplit(p.stdout.readline().strip())
        host, port = u.hostname, u.port
        expect = []
        for ctype, body in REQUESTS:
            status, data = post(host, port, ctype, body)
            if status != 200:
                print(f"FAIL: a single request: {status} {data[:200]!r}")
                return 1
            expect.append(json.loads(data))
        lock = threading.Lock()
        latencies = []
        start = time.monotonic()
        deadline = start + SECONDS
        barrier = threading.Barrier(CLIENTS)

        def client(k):
            mine = []
            barrier.wait()
            n = k
            while time.monotonic() < deadline:
                i = n % len(REQUESTS)
                t0 = time.monotonic()
                try:
                    status, data = post(host, port, *REQUESTS[i])
                    ok = status == 200 and json.loads(data) == expect[i]
                    why = f"{status} {data[:120]!r}"
                except Exception as e:  # noqa: BLE001 - any failure counts
                    ok, why = False, repr(e)
                mine.append(time.monotonic() - t0)
                if not ok:
                    with lock:
                        fails.append(why)
                n += 1
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.monotonic() - start
    finally:
        p.send_signal(signal.SIGTERM)
        rc = p.wait(timeout=30)
    latencies.sort()
    n = len(latencies)
    pct = lambda q: latencies[min(n - 1, int(q * n))] * 1000 if n else 0.0  # noqa: E731
    print(f"load: {CLIENTS} clients for {elapsed:.1f} s: {n} requests ({n / elapsed:.1f}/s), "
          f"{len(fails)} failed; latency median {pct(0.5):.0f} ms, 95% {pct(0.95):.0f} ms, "
          f"max {latencies[-1] * 1000 if n else 0:.0f} ms", flush=True)
    bad = []
    if fails:
        bad.append(f"failed requests: {fails[:3]}")
    if n < CLIENTS:
        bad.append(f"only {n} requests: not every client was served")
    if rc != 0:
        bad.append(f"the server exited {rc} on SIGTERM: {p.stderr.read()[-2000:]}")
    for b in bad:
        print("FAIL:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
