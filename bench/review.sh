#!/usr/bin/env bash
# Benchmark of `factory review` on a generated project (made once, cached under bench/out/review-project-<files>):
# 10,000 source files in 10 areas and 50 specs, in a git repository; the model is a loopback server that answers at
# once, so the times are everything but the model's own: discovery, matching, packing, calls, checks, report writing
# (target: under 5 s). Three configurations: the default limits (scan.max-files 100), every file, and --offline.
# Usage: bench/review.sh [files=10000] [specs=50] [warmup=2] [runs=5]
# Results: printed, and appended to bench/out/review-results.txt. Offline: maven runs with -o.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
mkdir -p "$out"

# compiles the module, its tests and its benchmarks (src/bench/java, outside the Maven build)
source "$here/bench/classpath.sh"
bench_classpath factory-cli

java -Xms256m -Xmx1g -cp "$BENCH_CLASSPATH" dev.codefactory.cli.ReviewBenchmark out="$out" "$@" \
  | tee -a "$out/review-results.txt"
echo >>"$out/review-results.txt"
