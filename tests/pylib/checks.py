"""What every Python test of degloss shares: the list of failed checks,
check() that records and prints a failure where it happens, and the exit
status at the end.  A test script puts this folder on its path:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
    from checks import FAILS, check, summary

SPDX-License-Identifier: GPL-3.0-or-later"""

FAILS = []
COUNT = [0]


def check(cond, what, detail=""):
    """Records a failed check (what it expected, and optionally what was
    seen) and prints it at once; returns the condition."""
    COUNT[0] += 1
    if not cond:
        FAILS.append(what + (f"\n      {detail}" if detail else ""))
        print("FAIL:", FAILS[-1], flush=True)
    return bool(cond)


def summary(name=""):
    """Prints how many checks failed of how many and returns the exit
    status: 1 when any failed or none ran."""
    prefix = f"{name}: " if name else ""
    print(f"{prefix}{COUNT[0] - len(FAILS)} checks passed, {len(FAILS)} failed", flush=True)
    return 1 if FAILS or COUNT[0] == 0 else 0
