#!/usr/bin/env bash
# compose batch against awdeorio/mailmerge, in one run, on the same invented
# zh-CN cases (see README.md beside this script).
#
#   Benchmarks/batch/run.sh            100,000 cases (mailmerge too)
#   CASES=20000 Benchmarks/batch/run.sh
#   MAILMERGE_CASES=10000 Benchmarks/batch/run.sh   time mailmerge on fewer cases
#
# Needs swift, python3 (with venv) and network access once, for
# `pip install mailmerge` into Benchmarks/.venv. Work files go to
# Benchmarks/work/batch (ignored by git).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/Benchmarks/.venv"
work="$root/Benchmarks/work/batch"
cases=${CASES:-100000}
mailmerge_cases=${MAILMERGE_CASES:-$cases}
small=${SMALL_CASES:-2000}
date=2020-11-09T17:18:00+08:00

if [[ ! -x "$venv/bin/mailmerge" ]]; then
    echo "== installing mailmerge into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet mailmerge
fi

echo "== building compose (release)"
(cd "$root" && swift build -c release --product compose 2>&1 | tail -1)
compose="$root/.build/release/compose"

mkdir -p "$work"
cd "$work"
echo "== generating cases: $small, $mailmerge_cases, $cases"
python3 "$here/generate.py" . $(printf '%s\n' "$small" "$mailmerge_cases" "$cases" | sort -un)

# Each timed run starts with the previous runs' output on disk (`sync`), so
# the kernel writing back one tool's 400 MB does not run during the next.
mailmerge() { # N OUTPUT: mailmerge over the first N cases
    sync
    python3 "$here/measure.py" "$2" mailmerge.err -- "$venv/bin/mailmerge" --no-limit --dry-run --output-format raw \
        --template "$here/mailmerge_template.txt" --database "cases-$1.csv" --config mailmerge_server.conf
}
compose_batch() { # N OPTIONS…: compose batch over the first N cases
    local count=$1
    shift
    sync
    python3 "$here/measure.py" /dev/null compose.err -- "$compose" batch --input "cases-$count.jsonl" \
        --profile profile.json --date "$date" "$@"
}

echo "== same replies? (first 200 cases)"
"$venv/bin/mailmerge" --limit 200 --dry-run --output-format raw --template "$here/mailmerge_template.txt" \
    --database "cases-$small.csv" --config mailmerge_server.conf > check-mailmerge.out
"$compose" batch --input "cases-$small.jsonl" --profile profile.json --date "$date" --limit 200 --format json \
    > check-compose.jsonl 2> /dev/null
python3 "$here/compare.py" check-mailmerge.out check-compose.jsonl

echo "== timing (each writes to a file in $work)"
rm -rf outbox outbox-small compose.mbox compose-small.mbox
mm=$(mailmerge "$mailmerge_cases" mailmerge.out)
echo "mailmerge, $mailmerge_cases cases:      $mm"
mm_small=$(mailmerge "$small" mailmerge-small.out)
echo "mailmerge, $small cases:        $mm_small"
# The headline figure: the median of three runs (the machine is noisy; one
# mailmerge run takes long enough to average its own noise out).
mbox_runs=()
for run in 1 2 3; do
    rm -f compose.mbox
    mbox_runs+=("$(compose_batch "$cases" --mbox compose.mbox)")
    echo "compose --mbox, $cases cases:   ${mbox_runs[-1]}"
done
mbox=$(printf '%s\n' "${mbox_runs[@]}" | python3 -c 'import json,sys; runs=sorted((json.loads(l) for l in sys.stdin), key=lambda r: r["seconds"]); print(json.dumps(runs[1]))')
echo "compose --mbox, median of three: $mbox"
outdir=$(compose_batch "$cases" --out-dir outbox)
echo "compose --out-dir, $cases cases: $outdir"
mbox_small=$(compose_batch "$small" --mbox compose-small.mbox)
echo "compose --mbox, $small cases:    $mbox_small"
rm -rf outbox-small
outdir_small=$(compose_batch "$small" --out-dir outbox-small)
echo "compose --out-dir, $small cases: $outdir_small"
files=$(find outbox -name '*.eml' | wc -l)
messages=$(grep -c '^From ' compose.mbox)

python3 - "$mm" "$mm_small" "$mbox" "$outdir" "$mbox_small" "$outdir_small" "$mailmerge_cases" "$small" "$cases" "$files" "$messages" "$(nproc)" <<'EOF' | tee results.md
import json, sys
mm, mm_small, mbox, outdir, mbox_small, outdir_small = (json.loads(a) for a in sys.argv[1:7])
mm_n, small, n, files, messages, cores = (int(a) for a in sys.argv[7:13])
runs = [("mailmerge", mm), ("mailmerge small", mm_small), ("compose mbox", mbox), ("compose out-dir", outdir),
        ("compose mbox small", mbox_small), ("compose out-dir small", outdir_small)]
for name, run in runs:
    if run["status"] != 0:
        sys.exit(f"{name} exited {run['status']}: see the .err files in the work folder")
if files != n or messages != n:
    sys.exit(f"compose wrote {files} files and {messages} mbox messages for {n} cases")
rate = lambda count, run: count / run["seconds"]
rows = [
    ("mailmerge --dry-run (raw)", mm_n, mm, "msgs/s"),
    ("compose batch --mbox (median of 3)", n, mbox, "msgs/s"),
    ("compose batch --out-dir", n, outdir, "files/s"),
    ("mailmerge --dry-run (raw)", small, mm_small, "msgs/s"),
    ("compose batch --mbox", small, mbox_small, "msgs/s"),
    ("compose batch --out-dir", small, outdir_small, "files/s"),
]
print("| tool | cases | wall s | rate (wall) | CPU s | per CPU-second | peak RSS |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, count, run, unit in rows:
    print(f"| {name} | {count:,} | {run['seconds']:.2f} | {rate(count, run):,.0f} {unit} | {run['cpu_seconds']:.2f} | "
          f"{count / run['cpu_seconds']:,.0f} | {run['peak_rss_kb'] / 1024:.1f} MB |")
print()
print(f"- compose/mailmerge, messages per wall second: mbox {rate(n, mbox) / rate(mm_n, mm):.2f}x (target 25x), "
      f"out-dir {rate(n, outdir) / rate(mm_n, mm):.2f}x")
cpu_rate = lambda count, run: count / run["cpu_seconds"]
print(f"- compose/mailmerge, messages per CPU second: mbox {cpu_rate(n, mbox) / cpu_rate(mm_n, mm):.2f}x, "
      f"out-dir {cpu_rate(n, outdir) / cpu_rate(mm_n, mm):.2f}x")
for name, large, little in [("--mbox", mbox, mbox_small), ("--out-dir", outdir, outdir_small)]:
    print(f"- compose {name} peak RSS: {little['peak_rss_kb'] / 1024:.1f} MB for {small:,} cases, "
          f"{large['peak_rss_kb'] / 1024:.1f} MB for {n:,} ({large['peak_rss_kb'] / little['peak_rss_kb']:.2f}x)")
print(f"- compose --jobs default ({cores} cores); mailmerge is single-threaded")
EOF
