#!/usr/bin/env python3
"""One source for the options: `degloss --help` is made from the option table
in src/cli/options.c; this test checks doc/degloss.1 against it both ways:
every option of --help has an entry in the man page's OPTIONS section with
the same short name and an argument when --help shows one, every entry there
is in --help, and the CONFIGURATION section lists every option that a config
file can set.

usage: manpage_test.py DEGLOSS doc/degloss.1
SPDX-License-Identifier: GPL-3.0-or-later"""
import re
import subprocess
import sys

# Options that only make sense on the command line (not config keys).
NOT_CONFIG = {"config", "no-config", "check-data", "mt-cache-compact", "labels", "help", "version"}


def help_options(exe):
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    opts = {}
    for line in out.splitlines():
        m = re.match(r"^  (?:-(\w), |    )--([a-z][a-z-]*)(?: ([A-Z]+))?(?:  |$)", line)
        if m:
            opts[m.group(2)] = (m.group(1), m.group(3) is not None)
    return opts


def man_sections(path):
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"^\.SH +(.*)$", text, flags=re.M)
    return {parts[i].strip().strip('"'): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def man_options(section):
    opts = {}
    lines = section.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.strip() != ".TP":
            continue
        head = lines[i + 1].replace("\\-", "-")
        m = re.search(r"--([a-z][a-z-]*)", head)
        if not m or not head.startswith("."):
            continue
        name = m.group(1)
        short = re.match(r"^\.B[RI]? +-(\w)\b", head)
        rest = head[m.end():]
        has_arg = bool(re.search(r'\\fI|" +\S|^ +[A-Z]', rest))
        opts[name] = (short.group(1) if short else None, has_arg)
    return opts


def main():
    exe, man = sys.argv[1], sys.argv[2]
    table = help_options(exe)
    sections = man_sections(man)
    page = man_options(sections.get("OPTIONS", ""))
    fails = []
    if len(table) < 25:
        fails.append("only %d options in --help: not understood" % len(table))
    for name, (short, arg) in sorted(table.items()):
        if name not in page:
            fails.append("--%s is in --help but not in the man page" % name)
            continue
        mshort, marg = page[name]
        if mshort != short:
            fails.append("--%s: short name %s in --help, %s in the man page" % (name, short, mshort))
        if marg != arg:
            fails.append("--%s: argument %s in --help, %s in the man page" % (name, arg, marg))
    for name in sorted(set(page) - set(table)):
        fails.append("--%s is in the man page but not in --help" % name)
    conf = sections.get("CONFIGURATION", "").replace("\\-", "-")
    keys = set(re.findall(r"[a-z][a-z-]+", conf.split("(", 1)[1].split(")", 1)[0])) if "(" in conf else set()
    for name in sorted(set(table) - NOT_CONFIG):
        if name not in keys:
            fails.append("config key %s missing from CONFIGURATION" % name)
    for f in fails:
        print("FAIL:", f)
    print("%d options checked; %d passed, %d failed" % (len(table), 0 if fails else 1, 1 if fails else 0))
    sys.exit(1 if fails else 0)


main()
