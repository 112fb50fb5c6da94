#!/usr/bin/env bash
# Benchmark of factory-adapter-git: the workspace scanner against `git ls-files --cached --others --exclude-standard`
# on a generated repository (made once, cached under bench/out/scan-repo-<files>): 50,000 tracked files in ~2,500
# folders, 2,000 untracked files, 10,000 ignored files (build/, node_modules/, *.log) that must not be listed.
#   - git: one process per run, output read to the end; median and min
#   - scanner warm: in one JVM, after warm-up runs; median and min
#   - scanner cold: a fresh JVM per run, JVM start included
# and the ratios against the target (scanner within 2x of git); the scanner's paths are checked equal to git's first.
# Then the commit of one spec file there: `git add F && git commit` against VersionControl.commit (target < 200 ms).
# Usage: bench/scan.sh [files=50000] [untracked=2000] [ignored=10000] [warmup=10] [runs=15] [cold=5]
# Results: printed, and appended to bench/out/scan-results.txt. Offline: maven runs with -o.
# covers feature-004/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
mkdir -p "$out"

# compiles the module, its tests and its benchmarks (src/bench/java, outside the Maven build)
source "$here/bench/classpath.sh"
bench_classpath factory-adapter-git

java -Xms256m -Xmx1g -cp "$BENCH_CLASSPATH" dev.codefactory.adapter.git.bench.ScanBenchmark out="$out" "$@" \
  | tee -a "$out/scan-results.txt"
echo >>"$out/scan-results.txt"
