#!/bin/sh
# The news corpus the speed benchmarks gloss: the German NTREX and FLORES
# sentences, one paragraph a line with a blank line between them, repeated
# to about MB megabytes and cut at the last line end (no broken sentence).
#   bench/news_corpus.sh OUT MB
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: news_corpus.sh OUT MB}
want=$((${2:?usage: news_corpus.sh OUT MB} * 1000000))
src1=$here/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
src2=$here/dictionaries/parallel/flores200/deu_Latn.devtest
: > "$out"
while [ "$(wc -c < "$out")" -lt "$want" ]; do
  sed 's/$/\n/' "$src1" "$src2" >> "$out"
done
head -c "$want" "$out" > "$out.cut" && mv "$out.cut" "$out"
sed -i '$d' "$out"
