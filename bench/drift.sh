#!/usr/bin/env bash
# Benchmark of `factory drift` (feature-010, NFR-002), end to end through the launcher (JVM start included), against
# `git log --stat <reconciled>..HEAD` on the same repository in the same run:
#   a generated repository (made once, cached under bench/out/drift-repo-<commits>) with FILES source files, SPECS
#   specs each linked from its own files (`implements <spec>/FR-001`) and reconciled with the first commit,
#   then COMMITS commits that each change a few files (some linked, some not; a rename every 100 commits).
# Target on a 2-core machine: `factory drift` cold under 3 s over 1,000 commits; the ratio to git is reported.
# Usage: bench/drift.sh [COMMITS=1000] [FILES=2000] [SPECS=100] [RUNS=5]. Results: printed, and appended to
# bench/out/drift-results.txt.
# covers feature-010/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
commits="${1:-1000}"
files="${2:-2000}"
specs="${3:-100}"
runs="${4:-5}"
out="$here/bench/out"
repo="$out/drift-repo-$commits-$files-$specs"
factory="$here/factory"
mkdir -p "$out"

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

g() { git -C "$repo" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false "$@"; }

if [[ ! -f "$repo/.bench-complete" ]]; then
  echo "generating $files files, $specs specs and $commits commits in $repo ..."
  rm -rf "$repo"
  mkdir -p "$repo"
  git -C "$repo" init -q -b main
  "$factory" -C "$repo" init >/dev/null
  word=implements
  for ((i = 0; i < files; i++)); do
    s=$((i % specs + 1))
    d="$repo/src/pkg$((i % 40))"
    mkdir -p "$d"
    {
      printf 'package pkg%d;\n\n// %s feature-%04d/FR-001\nfinal class C%d {\n' $((i % 40)) "$word" "$s" "$i"
      for ((l = 0; l < 20; l++)); do printf '    int f%d() { return %d; }\n' "$l" "$l"; done
      printf '}\n'
    } >"$d/C$i.java"
  done
  g add -A
  g commit -q -m "first"
  first="$(g rev-parse HEAD)"
  for ((s = 1; s <= specs; s++)); do
    printf -v id 'feature-%04d' "$s"
    printf -- '---\nid: %s\ntitle: Feature %d\nstatus: implemented\ncreated: 2026-01-01\nupdated: 2026-01-01\nreconciled: %s\n---\n\n# Feature %d\n\n## Overview\n\nFeature %d, generated.\n\n## Requirements\n\n- FR-001: It does thing %d.\n- FR-002: It answers within 100 ms.\n' \
      "$id" "$s" "$first" "$s" "$s" "$s" >"$repo/contracts/specs/$id.md"
  done
  g add -A
  g commit -q -m "specs reconciled with the first commit"
  # the commits: each appends a line to three files; every 100th renames one; every 250th edits a spec
  for ((c = 1; c <= commits - 2; c++)); do
    for k in 0 1 2; do
      i=$(((c * 7 + k * 131) % files))
      f=$(ls "$repo/src/pkg$((i % 40))/" | head -n $((c % 5 + 1)) | tail -n 1)
      printf '// change %d\n' "$c" >>"$repo/src/pkg$((i % 40))/$f"
    done
    if ((c % 100 == 0)); then
      i=$((c % files))
      src="src/pkg$((i % 40))/C$i.java"
      [[ -f "$repo/$src" ]] && g mv "$src" "src/pkg$((i % 40))/Renamed$c.java"
    fi
    if ((c % 250 == 0)); then
      printf -v id 'feature-%04d' $((c % specs + 1))
      sed -i 's/It answers within 100 ms./It answers within 50 ms./' "$repo/contracts/specs/$id.md"
    fi
    g add -A
    g commit -q -m "change $c"
  done
  echo "$first" >"$repo/.bench-first"
  touch "$repo/.bench-complete"
fi
first="$(cat "$repo/.bench-first")"
count="$(git -C "$repo" rev-list --count "$first..HEAD")"

source "$here/bench/timing.sh"
MEASURE_WIDTH=52

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p); $count commits since the" \
    "reconciled one, $files files, $specs specs"
  measure "git log --stat $((count)) commits" git -C "$repo" log --stat "$first..HEAD"
  git_ms="$MEDIAN"
  measure "factory drift cold ($specs specs, $count commits)" "$factory" -C "$repo" drift --fail-on drift
  drift_ms="$MEDIAN"
  "$factory" -C "$repo" drift | tail -n 1
  awk -v d="$drift_ms" -v g="$git_ms" 'BEGIN { printf "ratio factory drift / git log --stat: %.1fx; target < 3000 ms: %s\n",
    d / (g > 0 ? g : 1), (d < 3000 ? "met" : "NOT met") }'
} | tee -a "$out/drift-results.txt"
