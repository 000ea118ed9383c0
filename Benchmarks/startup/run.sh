#!/usr/bin/env bash
# Start-up benchmark: one reply, stdin to stdout, whole process, release build,
# median of 50 runs, beside a static hello-world that reads the same JSON and
# writes 3 KB. Target: compose within 1.5x of the baseline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/Benchmarks/work/startup"
mkdir -p "$work"
swiftc -O -static-stdlib "$here/hello.swift" -o "$work/hello"
# Also fully static (libc too, no dynamic loader), to compare like with like
# when compose is built that way.
swiftc -O -static-executable "$here/hello.swift" -o "$work/hello-static-executable" 2>/dev/null
# --disable-local-rpath: SwiftPM gives executables a RUNPATH of $ORIGIN, so the
# loader first looks for libc, libm, libstdc++ and libgcc_s in the build folder
# and its glibc-hwcaps subfolders: 26 failed system calls, about 0.15 ms here.
# compose loads no library of its own, so it needs no such path.
(cd "$root" && swift build -c release --static-swift-stdlib --disable-local-rpath --scratch-path .build-static >/dev/null)
(cd "$root" && swift build -c release -Xswiftc -static-executable --scratch-path .build-static-executable >/dev/null 2>&1)
(cd "$root" && swift build -c release >/dev/null)
static="$root/.build-static/release/compose"
dynamic="$root/.build/release/compose"
executable="$root/.build-static-executable/release/compose"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); p=json.load(open(sys.argv[2])); p.update(c); json.dump(p, open(sys.argv[3],"w"), ensure_ascii=False)' \
  "$root/examples/case-zh.json" "$root/examples/profile-zh.json" "$work/case.json"
export SOURCE_DATE_EPOCH=1604913480
if readelf -d "$static" | grep -q 'R.*PATH'; then echo "warning: $static has an RPATH or RUNPATH" >&2; fi
echo "compose output: $("$static" analysis-result < "$work/case.json" | wc -c) bytes; input: $(wc -c < "$work/case.json") bytes"
results=$(python3 "$here/measure.py" "${RUNS:-50}" "$work/case.json" \
  -- "hello (static, baseline)" "$work/hello" \
  -- "compose (static stdlib)" "$static" analysis-result \
  -- "compose (dynamic stdlib)" "$dynamic" analysis-result \
  -- "hello (static executable)" "$work/hello-static-executable" \
  -- "compose (static executable)" "$executable" analysis-result)
echo "$results"
# Page faults cost this VM about 1.7 us each, so they are reported beside the
# times: perf's count of one run (the process's own faults; they vary by ±2).
# (Not `perf stat -r`: the runs after the first would read an empty stdin.)
faults() { perf stat -x, -e page-faults "$@" < "$work/case.json" 2>&1 >/dev/null | tail -1 | cut -d, -f1; }
if command -v perf > /dev/null; then
  echo "page faults, one run: hello $(faults "$work/hello"), compose $(faults "$static" analysis-result)"
fi
# The target compares like with like: compose with the runtime linked statically
# against the hello-world built the same way (the first ratio above); a fully
# static compose is compared with a fully static hello-world.
echo "$results" | awk '/^hello \(static executable\)/ { base = $5 } /^compose \(static executable\)/ { printf "compose (static executable) / hello (static executable): %.2fx\n", $5 / base }'
