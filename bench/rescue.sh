#!/usr/bin/env bash
# Benchmark of `factory rescue` detection (feature-008, NFR-001), end to end through the launcher (a fresh JVM each
# run, JVM start included), against `git status` on the same repository in the same run, on a generated git
# repository (made once, cached under bench/out/rescue-repo-<files>-<specs>): FILES files in all, SPECS of them
# specs with 2 requirements each, the rest source files of ~30 lines in 100 folders, a third of them with an
# `implements` link and a fifth of them tests with a `covers` link; then a few uncommitted edits and untracked files.
#   - git status: wall min, median and max
#   - factory rescue --offline --no-tests --no-report: the same (every detection kind but the test command: git's
#     state, Code-Factory's own state, spec validation, orphan links and drift)
#   - factory trace --no-report and factory --version: the share of detection that is trace's (orphan links), and
#     the JVM's start, as references for a loaded machine (the load average is printed with the figures)
# and the ratio of the medians (rescue / git status, rescue / trace). Target: detection under 2 s on 2 cores.
# Usage: bench/rescue.sh [files=10000] [specs=100] [runs=7]
# Results: printed, and appended to bench/out/rescue-results.txt.
# covers feature-008/NFR-001
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-10000}"
specs="${2:-100}"
runs="${3:-7}"
out="$here/bench/out"
project="$out/rescue-repo-$files-$specs"
factory="$here/factory"
mkdir -p "$out"

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

g() { git -C "$project" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false "$@"; }

if [[ ! -f "$project/.bench-complete" ]]; then
  echo "generating $files files ($specs specs) in $project ..."
  rm -rf "$project"
  mkdir -p "$project"
  git -C "$project" init -q -b main
  "$factory" -C "$project" init >/dev/null
  # one awk writes every file: a shell loop of 10,000 redirections takes longer than the benchmark
  awk -v dir="$project" -v files="$files" -v specs="$specs" 'BEGIN {
    for (i = 1; i <= specs; i++) {
      id = sprintf("feature-%04d", i)
      f = sprintf("%s/contracts/specs/%s.md", dir, id)
      printf "---\nid: %s\ntitle: Generated feature %d\nstatus: approved\ncreated: 2026-01-01\nupdated: 2026-01-02\n", id, i > f
      printf "author: bench\ntags: [generated]\npriority: medium\n---\n\n# Generated feature %d\n\n", i > f
      printf "## Overview\nFeature %d, generated for the benchmark.\n\n## Requirements\n\n### Functional\n", i > f
      printf "- FR-001: It accepts input %d.\n- FR-002: It answers within 100 ms.\n\n", i > f
      printf "## Acceptance Criteria\n- [ ] it works\n" > f
      close(f)
    }
    code = files - specs
    word["impl"] = "impl" "ements"
    word["cov"] = "cov" "ers"
    for (i = 1; i <= code; i++) {
      area = i % 100
      test = (i % 5 == 0)
      spec = sprintf("feature-%04d", (i % specs) + 1)
      if (!(area in made)) {
        system(sprintf("mkdir -p %s/src/main/java/area%02d %s/src/test/java/area%02d", dir, area, dir, area))
        made[area] = 1
      }
      f = test ? sprintf("%s/src/test/java/area%02d/Gen%05dTest.java", dir, area, i) \
               : sprintf("%s/src/main/java/area%02d/Gen%05d.java", dir, area, i)
      printf "package area%02d;\n\nimport java.util.List;\n\n", area > f
      if (test) {
        printf "// %s %s/FR-001\n", word["cov"], spec > f
      } else if (i % 3 == 0) {
        printf "// %s %s/FR-00%d\n", word["impl"], spec, (i % 2) + 1 > f
      }
      printf "final class Gen%05d%s {\n", i, test ? "Test" : "" > f
      for (l = 0; l < 24; l++) {
        printf "    int f%d(int x) { return x + %d; }\n", l, l > f
      }
      printf "}\n" > f
      close(f)
    }
  }'
  g add -A
  g commit -q -m "generated: $files files, $specs specs"
  touch "$project/.bench-complete"
  echo "/.bench-complete" >>"$project/.git/info/exclude"
fi
# a working tree in use: a few edits and untracked files (the same on every run)
for i in 3 6 9; do
  f="$(ls "$project/src/main/java/area0$i/" | head -n 1)"
  grep -q '// edited' "$project/src/main/java/area0$i/$f" || echo '// edited' >>"$project/src/main/java/area0$i/$f"
done
printf 'scratch\n' >"$project/notes.txt"
count="$(git -C "$project" ls-files | wc -l)"

source "$here/bench/timing.sh"

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(java -version 2>&1 | sed -n 1p); $count files tracked, $specs specs"
  measure "git status ($count files)" git -C "$project" status
  git_ms="$MEDIAN"
  measure "factory rescue --offline --no-tests --no-report" "$factory" -C "$project" rescue --offline --no-tests \
    --no-report
  rescue_ms="$MEDIAN"
  measure "factory trace --no-report (reference)" "$factory" -C "$project" trace --no-report
  trace_ms="$MEDIAN"
  measure "factory --version (reference: the JVM's start)" "$factory" --version
  "$factory" --no-color -C "$project" rescue --offline --no-tests --no-report 2>/dev/null | tail -n 1 || true
  awk -v r="$rescue_ms" -v g="$git_ms" -v t="$trace_ms" 'BEGIN {
    printf "ratio factory rescue / git status: %.1fx; rescue / trace: %.2fx; target < 2000 ms: %s\n",
      r / (g > 0 ? g : 1), r / (t > 0 ? t : 1), (r < 2000 ? "met" : "NOT met") }'
} | tee -a "$out/rescue-results.txt"
