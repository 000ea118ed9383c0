#!/usr/bin/env bash
# Instructions per batch record, by function, from callgrind: runs
# `compose batch --jobs 1 --mbox` over the first 200 and the first 1,200
# generated cases and prints (cost over 1,200 − cost over 200) / 1,000, so
# start-up work cancels out.
#
#   Benchmarks/batch/per-record.sh                 total per record
#   Benchmarks/batch/per-record.sh 'MIMEWriter'    and the inclusive cost of
#                                                  functions matching the regex
#   PER_RECORD_REUSE=1 …                           reuse the last callgrind runs
#
# Needs valgrind. Work files go to Benchmarks/work/per-record (ignored by git).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/Benchmarks/work/per-record"
mkdir -p "$work"
cd "$work"

if [[ -z "${PER_RECORD_REUSE:-}" ]]; then
    (cd "$root" && swift build -c release --product compose 2>&1 | tail -1)
    python3 "$here/generate.py" . 1200 > /dev/null
    head -200 cases-1200.jsonl > cases-200.jsonl
    for n in 200 1200; do
        valgrind --tool=callgrind --callgrind-out-file="cg.$n" "$root/.build/release/compose" batch \
            --input "cases-$n.jsonl" --profile profile.json --date 2020-11-09T17:18:00+08:00 \
            --mbox "out-$n.mbox" --force --jobs 1 2> "valgrind.$n.err"
        callgrind_annotate --auto=no --inclusive=yes "cg.$n" 2> /dev/null | swift demangle --simplified > "inclusive.$n.txt"
    done
fi

python3 - "${1:-}" <<'PY'
import re, sys

def load(path):
    costs, total = {}, 0
    for line in open(path):
        match = re.match(r'\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)', line)
        if not match:
            continue
        cost, name = int(match.group(1).replace(',', '')), re.sub(r' \[/.*\]$', '', match.group(2))
        # One function's code can come from several files (inlining); callgrind
        # nests those parts in each other, so the largest is the whole.
        name = name.split(':', 1)[1] if ':' in name and not name.startswith('=>') else name
        if name == 'PROGRAM TOTALS':
            total = cost
        elif not name.startswith('=>'):
            costs[name] = max(costs.get(name, 0), cost)
    return costs, total

big, big_total = load('inclusive.1200.txt')
small, small_total = load('inclusive.200.txt')
print(f"{(big_total - small_total) / 1000:,.0f} instructions per record")
if sys.argv[1]:
    pattern = re.compile(sys.argv[1])
    rows = sorted(((big[name] - small.get(name, 0)) / 1000, name) for name in big if pattern.search(name))
    for cost, name in reversed(rows[-40:]):
        print(f"{cost:10,.0f}  {name[:170]}")
PY
