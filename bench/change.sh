#!/usr/bin/env bash
# Benchmark of a change order and its undo on a generated project (made once, cached under
# bench/out/change-project-<files>): 10,000 Java files that import each other, in a git repository; the model is a
# loopback server that answers at once, so the times are everything but the model's own: scan, reading the files'
# heads, candidates, impact, snapshot, applying and committing; then the undo's restore (targets: each under 5 s).
# Usage: bench/change.sh [files=10000] [warmup=2] [runs=5]
# Results: printed, and appended to bench/out/change-results.txt. Offline: maven runs with -o.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
mkdir -p "$out"

# compiles the module, its tests and its benchmarks (src/bench/java, outside the Maven build)
source "$here/bench/classpath.sh"
bench_classpath factory-app

args=()
for a in "$@"; do
  case "$a" in
    *=*) args+=("$a") ;;
    *) echo "bench: arguments are key=value (files=10000 warmup=2 runs=5), not '$a'" >&2; exit 2 ;;
  esac
done
java -Xms256m -Xmx1g -cp "$BENCH_CLASSPATH" dev.codefactory.app.change.ChangeBenchmark out="$out" "${args[@]}" \
  | tee -a "$out/change-results.txt"
echo >>"$out/change-results.txt"
