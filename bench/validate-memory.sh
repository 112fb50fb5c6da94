#!/usr/bin/env bash
# Memory of `factory spec validate` on a large catalog, through the launcher (feature-013/NFR-004: 50,000 specs of
# about 0.5 KB, as bench/catalog.sh generates them, validated in -Xmx128m with under 1.5 KB retained per spec).
#   - with FACTORY_JAVA_OPTS=-Xmx128m: passes or not, wall time, user+sys CPU and the process's maximum RSS;
#   - the heap it needs: the smallest -Xmx (1 MB steps, by bisection) in which validate still ends with its normal
#     exit code (0 or 1), for the catalog and for a catalog of one spec; their difference over N is the memory kept
#     per spec at the peak, an upper bound of what is retained per spec. Deterministic up to the 1 MB step (which is
#     1024 * 1024 / N bytes per spec: 21 B at 50,000), whatever the load of the machine.
# Usage: bench/validate-memory.sh [N]   (default 50,000). FACTORY_LAUNCHER runs another build (a baseline) instead of
# this checkout's ./factory. Results: printed, and kept in bench/out/results.txt.
# covers feature-013/NFR-004
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-50000}"
factory="${FACTORY_LAUNCHER:-$here/factory}"
out="$here/bench/out"
mkdir -p "$out"

# the catalog of N specs (and of one) as bench/catalog.sh generates them, with no timed runs
for size in "$n" 1; do
  [[ -f "$out/project-$size/.bench-complete" ]] || "$here/bench/catalog.sh" "$size" 0 >/dev/null 2>&1 || true
  [[ -f "$out/project-$size/.bench-complete" ]] || { echo "bench: could not generate $size specs" >&2; exit 1; }
done

# runs HEAP PROJECT: validate with -Xmx<HEAP>m; true when it ended as validate does (0: valid, 1: findings).
runs() {
  local rc=0
  FACTORY_JAVA_OPTS="-Xmx${1}m" "$factory" -C "$2" spec validate >/dev/null 2>&1 || rc=$?
  ((rc <= 1))
}

# least_heap PROJECT: the smallest heap in MB, between 2 and 256, in which validate of PROJECT still runs.
least_heap() {
  local lo=2 hi=256 mid
  runs "$hi" "$1" || { echo "bench: validate of $1 fails even with -Xmx${hi}m" >&2; return 1; }
  while ((hi - lo > 1)); do
    mid=$(((lo + hi) / 2))
    if runs "$mid" "$1"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
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
  big="$(least_heap "$out/project-$n")"
  small="$(least_heap "$out/project-1")"
  printf '%-44s %4d MB (1 spec: %d MB)   kept per spec at the peak: %d bytes (target < 1536)\n' \
    "least heap for spec validate ($n specs)" "$big" "$small" $(((big - small) * 1024 * 1024 / n))
} | tee -a "$out/results.txt"
