#!/usr/bin/env python3
"""The lexicon compiler must learn only from the first KEEP lines of aligned
text: changing the held-out lines must leave the lexicon byte-identical,
while changing the learnt lines must change it (so the test can fail).

  heldout_untouched.py DGCOMPILE DING DICT DE EN KEEP WORKDIR
"""
import filecmp, os, subprocess, sys

dgcompile, ding, dictdir, de, en, keep, work = sys.argv[1:8]
keep = int(keep)
os.makedirs(work, exist_ok=True)
de_lines = open(de, encoding="utf-8").read().split("\n")
en_lines = open(en, encoding="utf-8").read().split("\n")
head_de, head_en = de_lines[:keep], en_lines[:keep]
# lines that would move the ranking of the sample's senses if they were read
bait_de = ["Die Regierung bestätigte das Gespräch und die Maus."] * 300
bait_en = ["The administration ratified the conversation and the mouse."] * 300
variants = {
    "orig": (de_lines, en_lines),
    "tail": (head_de + bait_de, head_en + bait_en),
    "head": (bait_de + head_de, bait_en + head_en),
}
for name, (d, e) in variants.items():
    open(os.path.join(work, name + ".de"), "w", encoding="utf-8").write("\n".join(d) + "\n")
    open(os.path.join(work, name + ".en"), "w", encoding="utf-8").write("\n".join(e) + "\n")
    r = subprocess.run([dgcompile, "--ding", ding, "--dict", dictdir, "--min-entries", "1",
                        "--out", os.path.join(work, name + ".lex"),
                        "--parallel", os.path.join(work, name + ".de"),
                        os.path.join(work, name + ".en"), str(keep)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("dgcompile failed for %s: %s" % (name, r.stderr.decode()))
lex = lambda n: os.path.join(work, n + ".lex")
if not filecmp.cmp(lex("orig"), lex("tail"), shallow=False):
    sys.exit("FAIL: changing the held-out lines (after line %d) changed the lexicon" % keep)
if filecmp.cmp(lex("orig"), lex("head"), shallow=False):
    sys.exit("FAIL: changing the learnt lines did not change the lexicon")
print("held-out lines after %d unread; learnt lines used: 2 passed, 0 failed" % keep)
