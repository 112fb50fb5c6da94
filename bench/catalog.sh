#!/usr/bin/env bash
# Benchmark of the spec catalog, end to end through the launcher (JVM start included):
#   - `factory --version` cold start (a new JVM each run)
#   - `factory spec list` and `factory spec validate` on a generated project of N specs (default 10,000)
# Targets on a 2-core machine: validate of 10,000 specs under 2 s wall; --version under 300 ms.
# Usage: bench/catalog.sh [N] [RUNS]. Results: printed, and kept in bench/out/results.txt.
# covers feature-001/NFR-003, feature-002/NFR-004
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"
runs="${2:-7}"
out="$here/bench/out"
project="$out/project-$n"
factory="$here/factory"

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

if [[ ! -f "$project/.bench-complete" ]]; then
  echo "generating $n specs in $project ..."
  rm -rf "$project"
  mkdir -p "$project"
  git -C "$project" init -q
  "$factory" -C "$project" init >/dev/null
  statuses=(draft approved implemented deprecated)
  priorities=(low medium high critical)
  for ((i = 1; i <= n; i++)); do
    printf -v id 'feature-%05d' "$i"
    {
      printf -- '---\nid: %s\ntitle: Generated feature %d\nstatus: %s\ncreated: 2026-01-%02d\nupdated: 2026-02-%02d\n' \
        "$id" "$i" "${statuses[i % 4]}" $((i % 28 + 1)) $((i % 28 + 1))
      printf 'author: bench\ntags: [area-%d, generated]\npriority: %s\n---\n\n# Generated feature %d\n\n' \
        $((i % 50)) "${priorities[i % 4]}" "$i"
      printf '## Overview\nFeature %d does one thing well, as generated for the benchmark.\n\n' "$i"
      printf '## Requirements\n\n### Functional\n- It accepts input %d.\n- It answers within 100 ms.\n\n' "$i"
      printf '### Non-Functional\n- It logs nothing secret.\n\n## Related Specs\n'
      if ((i > 1)); then printf -- '- [Previous](./%s.md)\n' "$(printf 'feature-%05d' $((i - 1)))"; fi
    } >"$project/contracts/specs/$id.md"
  done
  touch "$project/.bench-complete"
fi

# time_ms CMD...: wall time of one run in milliseconds; output discarded, failure reported.
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "bench: '$*' failed with $?" >&2; return 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# measure NAME CMD...: one warm-up run, then RUNS timed runs; prints min, median and max.
measure() {
  local name="$1"; shift
  local times=()
  "$@" >/dev/null 2>&1 || true
  for ((r = 0; r < runs; r++)); do times+=("$(time_ms "$@")"); done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-36s min %5d ms   median %5d ms   max %5d ms   (%d runs)\n' "$name" "${sorted[0]}" \
    "${sorted[$((runs / 2))]}" "${sorted[$((runs - 1))]}" "$runs"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
  measure "factory --version" "$factory" --version
  measure "factory spec list ($n specs)" "$factory" -C "$project" spec list
  measure "factory spec validate ($n specs)" "$factory" -C "$project" spec validate
  measure "factory spec list --json ($n specs)" "$factory" -C "$project" spec list --json
} | tee -a "$out/results.txt"
