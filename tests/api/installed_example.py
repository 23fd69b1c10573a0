#!/usr/bin/env python3
"""The C example of doc/api.md against the INSTALLED library: `cmake --install`
into a temporary prefix, compile the example with `pkg-config --cflags --libs
--static degloss` (PKG_CONFIG_PATH pointing into the prefix, nothing from the
source or build tree), run it on a sentence with the installed data, check
its JSONL.

usage: installed_example.py CMAKE BUILD_DIR CC DOC_API_MD [EXTRA_CFLAGS]
SPDX-License-Identifier: GPL-3.0-or-later"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def main():
    cmake, build, cc, doc = sys.argv[1:5]
    extra = shlex.split(sys.argv[5]) if len(sys.argv) > 5 else []
    m = re.search(r"```c\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)
    if not m:
        sys.exit("FAIL: no ```c block in " + doc)
    with tempfile.TemporaryDirectory(prefix="degloss-install-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        r = subprocess.run([cmake, "--install", build, "--prefix", prefix],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode:
            sys.exit("FAIL: cmake --install: " + r.stderr)
        pcs = [os.path.join(d, f) for d, _, fs in os.walk(prefix) for f in fs if f == "degloss.pc"]
        if len(pcs) != 1:
            sys.exit("FAIL: degloss.pc installed %d times" % len(pcs))
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pcs[0]))
        env.pop("PKG_CONFIG_LIBDIR", None)
        r = subprocess.run(["pkg-config", "--cflags", "--libs", "--static", "degloss"],
                           env=env, capture_output=True, text=True)
        if r.returncode:
            sys.exit("FAIL: pkg-config: " + r.stderr)
        flags = shlex.split(r.stdout)
        print("pkg-config:", " ".join(flags))
        # degloss's header and archive come from the prefix
        for opt in ("-I", "-L"):
            if not any(os.path.realpath(f[2:]).startswith(os.path.realpath(prefix)) for f in flags
                       if f.startswith(opt)):
                sys.exit("FAIL: no %s into the prefix: %s" % (opt, r.stdout))
        src = os.path.join(tmp, "example.c")
        exe = os.path.join(tmp, "example")
        with open(src, "w", encoding="utf-8") as f:
            f.write(m.group(1))
        cmd = [cc, "-std=c11", "-Wall", "-Wextra", "-Werror"] + extra + [src, "-o", exe] + flags
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            sys.exit("FAIL: %s\n%s" % (" ".join(cmd), r.stderr))
        data = os.path.join(prefix, "share", "degloss")
        env = dict(os.environ, DEGLOSS_DATA_DIR=data)
        r = subprocess.run([exe, "Der Hund schläft im Garten."], env=env, capture_output=True,
                           text=True, timeout=120)
        if r.returncode != 0:
            sys.exit("FAIL: example exit %d\n%s" % (r.returncode, r.stderr))
        lines = r.stdout.splitlines()
        if len(lines) != 1:
            sys.exit("FAIL: want one JSONL line, got:\n" + r.stdout)
        sent = json.loads(lines[0])
        glosses = {t["form"]: t["gloss"] for t in sent["tokens"]}
        if glosses.get("Hund") != "dog" or glosses.get("Garten") != "garden":
            sys.exit("FAIL: glosses %r" % glosses)
        if sent["text"] != "Der Hund schläft im Garten.":
            sys.exit("FAIL: text %r" % sent["text"])
        # a warning reaches the example's callback and its exit status
        r = subprocess.run([exe, "Haus \udcff Baum"], env=env, capture_output=True,
                           timeout=120, errors="surrogateescape")
        if r.returncode != 2 or "argv" not in r.stderr or "byte 5" not in r.stderr:
            sys.exit("FAIL: invalid byte: exit %d, stderr %r" % (r.returncode, r.stderr))
    print("1 passed, 0 failed")


main()
