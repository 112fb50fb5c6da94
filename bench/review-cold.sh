#!/usr/bin/env bash
# Benchmark of a cold `factory review --offline` (a fresh process per run, the launcher's flags and archive) on a
# generated monorepo of FILES files (bench/gen-files.sh, made once under bench/out/review-cold-<files>), against
# `git ls-files -co --exclude-standard` on the same tree in the same loop: each round times git, then this
# checkout's factory, then BEFORE's (another checkout's launcher, when given), so that load on the machine falls on
# all alike. Prints each one's median wall time, the ratio to git's and the target (at most 4x), and one run's user
# and system CPU (a loaded machine inflates wall times, hardly CPU). Each review's report is removed after its run.
# Rows: git; floor (bench/floors/Floor.java stat: a fresh JVM with the launcher's flags that only walks the tree and
# reads each file's attributes, the least a JVM that checks every file can cost); factory (a warm file facts cache, as
# every run after the first); factory-cold (the cache removed before each run, as the first run); before.
# Usage: bench/review-cold.sh [files=50000] [runs=5]   (BEFORE=/path/to/other/checkout/factory to compare)
# Results: printed, and appended to bench/out/review-cold-results.txt.
# covers feature-013/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
files="${1:-50000}"
runs="${2:-5}"
mkdir -p "$out"
source "$here/bench/timing.sh"
source "$here/bench/gen-files.sh"

project="$out/review-cold-$files"
gen_files "$project" "$files" "$here/factory"
# the user's settings stay out of it; the launcher builds itself here if its sources changed, not in a timed run
export HOME="$out/review-cold-home" XDG_CONFIG_HOME="$out/review-cold-home"
mkdir -p "$HOME"
"$here/factory" --version >/dev/null

git_list() { git -C "$project" ls-files -co --exclude-standard; }
review_with() { "$1" -C "$project" review --offline; }
review_cold() { rm -rf "$project/.factory/cache/review"; review_with "$1"; }
floor_cp="$(printf '%s:' "$here"/factory-cli/target/lib/*.jar)"
javac --release 17 -nowarn -cp "$floor_cp" -d "$out/floors" "$here/bench/floors/Floor.java"
floor() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out/floors:$floor_cp" Floor stat "$project"; }
clean_reports() { rm -f "$project"/reports/review-*.md; git -C "$project" checkout -q -- reports/README.md; }

names=(git floor factory factory-cold)
commands=("git_list" "floor" "review_with $here/factory" "review_cold $here/factory")
if [[ -n "${BEFORE:-}" ]]; then
  names+=(before)
  commands+=("review_with $BEFORE")
fi
declare -A times
for ((c = 0; c < ${#commands[@]}; c++)); do # warm-up: the page cache, each launcher's archive
  ${commands[$c]} >/dev/null 2>&1 || true
  clean_reports
done
for ((r = 0; r < runs; r++)); do
  for ((c = 0; c < ${#commands[@]}; c++)); do
    # shellcheck disable=SC2086 # a command and its argument
    times[${names[$c]}]+="$(time_ms ${commands[$c]}) "
    clean_reports
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n "$((runs / 2 + 1))p"; }
cpu() { /usr/bin/time -f '%U %S' bash -c "$1 >/dev/null 2>&1" 2>&1 | tail -1; }
git_ms="$(median "${times[git]}")"
{
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "review --offline, cold, on $files files ($(date -u +%FT%TZ), $(nproc) cores, load $load)"
  for ((c = 0; c < ${#commands[@]}; c++)); do
    name="${names[$c]}"
    ms="$(median "${times[$name]}")"
    read -r user sys < <(export -f git_list review_with review_cold floor; export project out; cpu "${commands[$c]}")
    clean_reports
    printf "%-12s median %6d ms  (runs: %s)  ratio %5.1fx  cpu user %s s sys %s s\n" "$name" "$ms" \
      "${times[$name]% }" "$(bc -l <<<"$ms / $git_ms")" "$user" "$sys"
  done
  echo "target: factory at most 4.0x git"
} | tee -a "$out/review-cold-results.txt"
echo >>"$out/review-cold-results.txt"
