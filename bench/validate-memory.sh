#!/usr/bin/env bash
# Memory of `factory spec validate` on a large catalog, through the launcher (feature-013/NFR-004: 50,000 specs of
# about 0.5 KB, as bench/catalog.sh generates them, validated in -Xmx128m with under 1.5 KB retained per spec).
#   - with FACTORY_JAVA_OPTS=-Xmx128m: passes or not, wall time, user+sys CPU and the process's maximum RSS;
#   - the heap kept, from the GC log of a run with -Xmx128m: live data is what a full collection leaves, so the
#     largest heap after a full collection, over N, is the memory retained per spec (the run's end: the findings and
#     their output included); the largest heap after any collection, over N, bounds it from above (a young
#     collection leaves garbage already moved to the old generation). Bytes, not time: the load of the machine
#     hardly moves them.
# Usage: bench/validate-memory.sh [N]   (default 50,000). FACTORY_LAUNCHER runs another build (a baseline) instead of
# this checkout's ./factory. Results: printed, and kept in bench/out/results.txt.
# covers feature-013/NFR-004
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-50000}"
factory="${FACTORY_LAUNCHER:-$here/factory}"
out="$here/bench/out"
mkdir -p "$out"

# the catalog of N specs as bench/catalog.sh generates them, with no timed runs
[[ -f "$out/project-$n/.bench-complete" ]] || "$here/bench/catalog.sh" "$n" 0 >/dev/null 2>&1 || true
[[ -f "$out/project-$n/.bench-complete" ]] || { echo "bench: could not generate $n specs" >&2; exit 1; }

# after_gc PROJECT KIND: validate with -Xmx128m and the GC log; the largest heap in KB after a collection whose log line
# matches KIND ("Pause Full" or "Pause"), 0 when there was none.
after_gc() {
  local log
  log="$(mktemp)"
  FACTORY_JAVA_OPTS="-Xmx128m -Xlog:gc:file=$log" "$factory" -C "$1" spec validate >/dev/null 2>&1 || true
  grep -- "$2" "$log" | grep -oE -- '->[0-9]+[KMG]\(' | tr -d '>(-' | awk '
    { v = $0 + 0; u = substr($0, length($0)); v = u == "G" ? v * 1048576 : u == "M" ? v * 1024 : v; if (v > m) m = v }
    END { print m + 0 }'
  rm -f "$log"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p), validate memory ($n specs)"
  rc=0
  stats="$(FACTORY_JAVA_OPTS=-Xmx128m /usr/bin/time -f '%e %U %S %M' "$factory" -C "$out/project-$n" spec validate \
    2>&1 >/dev/null | tail -n 1)" || rc=$?
  read -r wall user sys rss <<<"$stats"
  printf '%-44s %s (exit %d)   wall %5.2f s   cpu %5.2f s   max RSS %4d MB\n' \
    "spec validate, -Xmx128m ($n specs)" "$( ((rc <= 1)) && echo passes || echo FAILS)" "$rc" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
  live="$(after_gc "$out/project-$n" "Pause Full")"
  ((live > 0)) || echo "bench: no full collection in the run: the live figure below is 0, not measured" >&2
  bound="$(after_gc "$out/project-$n" "Pause")"
  printf '%-44s live after full GC %3d MB: %4d bytes per spec (target < 1536); after any GC %3d MB: %4d bytes\n' \
    "heap kept, spec validate ($n specs)" $((live / 1024)) $((live * 1024 / n)) $((bound / 1024)) \
    $((bound * 1024 / n))
} | tee -a "$out/results.txt"
