#!/usr/bin/env bash
# Benchmark of `factory trace` (feature-010, NFR-001), end to end through the launcher (a fresh JVM each run, JVM
# start included), against `git grep` for the same link pattern in the same run, on a generated git repository (made
# once, cached under bench/out/trace-repo-<files>-<specs>): FILES files in all, SPECS of them specs with 3
# requirements each (draft, approved, implemented, deprecated in turn), the rest source files of ~40 lines in 100
# folders, a third of them with an `implements` link, a fifth of them tests with a `covers` link, a few orphans
# (links to missing requirements, and to the deprecated quarter of the specs), one in ten with the words and no link.
#   - git grep -E '(implements|covers) [a-z]+-[0-9]+/N?FR-[0-9]+': wall min and median, CPU median
#   - factory trace --no-report, and factory trace (the report written too): the same
# and the ratio of the medians (trace / git grep). Target: trace under 2 s on 2 cores.
# Usage: bench/trace.sh [files=10000] [specs=1000] [runs=7]
# Results: printed, and appended to bench/out/trace-results.txt.
# covers feature-010/NFR-001
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-10000}"
specs="${2:-1000}"
runs="${3:-7}"
out="$here/bench/out"
project="$out/trace-repo-$files-$specs"
factory="$here/factory"
pattern='(implements|covers) [a-z]+-[0-9]+/N?FR-[0-9]+'
mkdir -p "$out"

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

if [[ ! -f "$project/.bench-complete" ]]; then
  echo "generating $files files ($specs specs) in $project ..."
  rm -rf "$project"
  mkdir -p "$project"
  git -C "$project" init -q
  "$factory" -C "$project" init >/dev/null
  # one awk writes every file: a shell loop of 10,000 redirections takes longer than the benchmark
  awk -v dir="$project" -v files="$files" -v specs="$specs" 'BEGIN {
    statuses[0] = "draft"; statuses[1] = "approved"; statuses[2] = "implemented"; statuses[3] = "deprecated"
    for (i = 1; i <= specs; i++) {
      id = sprintf("feature-%04d", i)
      f = sprintf("%s/contracts/specs/%s.md", dir, id)
      printf "---\nid: %s\ntitle: Generated feature %d\nstatus: %s\ncreated: 2026-01-01\nupdated: 2026-01-02\n", id, i, statuses[i % 4] > f
      printf "author: bench\ntags: [generated]\npriority: medium\n---\n\n# Generated feature %d\n\n", i > f
      printf "## Overview\nFeature %d, generated for the benchmark.\n\n## Requirements\n\n### Functional\n", i > f
      printf "- FR-001: It accepts input %d.\n- FR-002: It answers within 100 ms.\n\n", i > f
      printf "### Non-Functional\n- NFR-001: It logs nothing secret.\n\n## Acceptance Criteria\n- [ ] it works\n", i > f
      close(f)
    }
    code = files - specs
    for (i = 1; i <= code; i++) {
      area = i % 100
      test = (i % 5 == 0)
      spec = sprintf("feature-%04d", (i % specs) + 1)
      if (test) {
        f = sprintf("%s/src/test/java/area%02d/Gen%05dTest.java", dir, area, i)
      } else {
        f = sprintf("%s/src/main/java/area%02d/Gen%05d.java", dir, area, i)
      }
      if (!(area in made)) {
        system(sprintf("mkdir -p %s/src/main/java/area%02d %s/src/test/java/area%02d", dir, area, dir, area))
        made[area] = 1
      }
      printf "package area%02d;\n\nimport java.util.List;\n\n", area > f
      if (test) {
        printf "// covers %s/FR-%03d\nclass Gen%05dTest {\n", spec, (i % 2) + 1, i > f
      } else if (i % 3 == 0) {
        printf "// implements %s/FR-%03d, %s/NFR-001\nclass Gen%05d {\n", spec, (i % 2) + 1, spec, i > f
      } else if (i % 997 == 0) {
        printf "// implements %s/FR-009\nclass Gen%05d {\n", spec, i > f
      } else {
        printf "class Gen%05d {\n", i > f
      }
      for (l = 0; l < 32; l++) {
        # one file in ten has the words without a link (prose, "class A implements B"): read, and not a link
        if (i % 10 == 1 && l % 8 == 0) {
          printf "    int value%d(List<String> items) { return items.size() + %d; } // covers nothing\n", l, l > f
        } else {
          printf "    int value%d(List<String> items) { return items.size() + %d; }\n", l, l > f
        }
      }
      printf "}\n" > f
      close(f)
    }
  }'
  git -C "$project" add -A
  git -C "$project" -c user.name=bench -c user.email=bench@example.com commit -q -m "generated"
  touch "$project/.bench-complete"
fi

# time_ms CMD...: wall time of one run in milliseconds, and its CPU time (user + system, all threads) in CPU_MS;
# output discarded. Exit 1 is fine (git grep without a match, trace with --fail-on)
time_ms() {
  local start end rc=0 cpu
  cpu="$(mktemp)"
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$cpu" "$@" >/dev/null 2>&1 || rc=$?
  end=$(date +%s%N)
  ((rc <= 1)) || { echo "bench: '$*' failed with $rc" >&2; rm -f "$cpu"; return 1; }
  CPU_MS=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$cpu")
  rm -f "$cpu"
  echo $(((end - start) / 1000000))
}

# measure NAME CMD...: one warm-up run (the disk cache), then RUNS timed runs; prints min and median of the wall
# time and the median CPU time (on a loaded machine the CPU time says more than the wall time); sets MEDIAN
measure() {
  local name="$1"; shift
  local times=() cpus=() t
  "$@" >/dev/null 2>&1 || true
  for ((r = 0; r < runs; r++)); do
    time_ms "$@" >"$out/.time" || return 1
    times+=("$(cat "$out/.time")")
    cpus+=("$CPU_MS")
  done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  mapfile -t cpu_sorted < <(printf '%s\n' "${cpus[@]}" | sort -n)
  MEDIAN="${sorted[$((runs / 2))]}"
  printf '%-44s wall min %5d ms median %5d ms   cpu median %5d ms   (%d runs)\n' "$name" "${sorted[0]}" "$MEDIAN" \
    "${cpu_sorted[$((runs / 2))]}" "$runs"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | sed -n 1p), $files files, $specs specs"
  echo "links found by git grep: $(git -C "$project" grep -E -h -o "$pattern" | wc -l)"
  "$factory" -C "$project" trace --no-report | tail -n 1
  measure "git grep -E '$pattern'" git -C "$project" grep -E "$pattern"
  grep_ms="$MEDIAN"
  measure "factory trace --no-report" "$factory" -C "$project" trace --no-report
  trace_ms="$MEDIAN"
  measure "factory trace (report written)" "$factory" -C "$project" trace
  awk -v t="$trace_ms" -v g="$grep_ms" 'BEGIN { printf "ratio trace --no-report / git grep (medians): %.1f\n", t / (g > 0 ? g : 1) }'
  ((trace_ms < 2000)) && echo "target (< 2000 ms): met" || echo "target (< 2000 ms): NOT met"
} | tee -a "$out/trace-results.txt"
