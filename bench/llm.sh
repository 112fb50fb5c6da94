#!/usr/bin/env bash
# Benchmark of the language model providers against a loopback server (127.0.0.1 only, nothing else):
#   - what each provider's stream() adds to time-to-first-token over a raw client of the same server
#     (target: under 5 ms), median and p95 over 30 warm-up + 200 measured requests
#   - throughput on a 100,000-token stream in the provider's wire format: tokens/s, MB/s, peak heap
# Providers: ollama (NDJSON), openai (SSE), anthropic (SSE with event types).
# Usage: bench/llm.sh [warmup=30] [requests=200] [tokens=100000] [streams=5] [providers=ollama,openai,anthropic]
# Results: printed, and appended to bench/out/llm-results.txt. Offline: maven runs with -o.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
mkdir -p "$out"

# compiles the module, its tests and its benchmarks (src/bench/java, outside the Maven build)
source "$here/bench/classpath.sh"
bench_classpath factory-adapter-llm

java -Xms256m -Xmx1g -cp "$BENCH_CLASSPATH" dev.codefactory.adapter.llm.bench.LlmStreamingBenchmark "$@" \
  | tee -a "$out/llm-results.txt"
echo >>"$out/llm-results.txt"
