#!/usr/bin/env bash
# No regression of the warm figures (issue 18, feature-013/NFR-005): bench/catalog.sh's rows and the catalog's ratio
# against OpenSpec, after against before, measured in the same rounds (each command once per round, one warm-up round,
# median of RUNS rounds), through the launcher on generated projects (made once under bench/out/):
#   `factory spec validate`, `spec list` and `spec list --json` on N specs (default 10,000), and `--version`
#   the cost of validate per spec: (validate of N specs - validate of 5 specs) / (N - 5), in microseconds, against the
#   same for `openspec validate --specs` on the same specs as an OpenSpec project (OpenSpec 1.13.2 from npm into
#   bench/out/openspec; skipped without npm): the ratio, which must stay under 1 (the catalog beats OpenSpec)
# A row passes when after is at most 10% above before (the noise of a shared machine: look at the CPU figures in
# brackets when the machine is loaded). With --inprocess, also the in-process warm benches of the code issue 18
# touches, in each checkout one after the other: bench/scan.sh (the workspace scanner, what review reads) and
# bench/llm.sh (the providers' streaming, what ask uses); their own lines are printed, to compare by eye.
# Usage: bench/warm.sh [--runs N] [--quick] [--before DIR] [--java HOME] [--specs N] [--inprocess]
#   --quick: 3 rounds, 2,000 specs; --before DIR: the checkout to compare with (without it, after alone, no verdict);
#   --java HOME: every JVM from this JDK (JAVA_HOME for the launchers).
# Results: printed, and appended to bench/out/results.txt.
# covers feature-013/NFR-005
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
runs=5 quick="" before="" jdk="${JAVA_HOME:-}" n="" inprocess=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --quick) quick=1; runs=3; shift ;;
    --before) before="$(cd "$2" && pwd)"; shift 2 ;;
    --java) jdk="$(cd "$2" && pwd)"; shift 2 ;;
    --specs) n="$2"; shift 2 ;;
    --inprocess) inprocess=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
n="${n:-$([[ -n "$quick" ]] && echo 2000 || echo 10000)}"

source "$here/bench/projects.sh"
source "$here/bench/timing.sh"
mkdir -p "$out"
ROUND_TMP="$(mktemp -d)"
trap 'rm -rf "$ROUND_TMP"' EXIT
if [[ -n "$jdk" ]]; then export JAVA_HOME="$jdk"; fi
java="${jdk:+$jdk/bin/}java"
export HOME="$ROUND_TMP/home" XDG_CONFIG_HOME="$ROUND_TMP/home/.config" NO_COLOR=1 OPENSPEC_TELEMETRY=0 DO_NOT_TRACK=1
unset FACTORY_CLASSPATH FACTORY_CONFIG FACTORY_JAVA_OPTS 2>/dev/null || true
mkdir -p "$HOME"

sides=(after)
[[ -n "$before" ]] && sides+=(before)
dir_of() { if [[ "$1" == after ]]; then echo "$here"; else echo "$before"; fi; }
for side in "${sides[@]}"; do "$(dir_of "$side")/factory" --version >/dev/null; done

big="$out/startup-specs-$n" small="$out/startup-specs-5"
gen_specs "$big" "$n" "$here/factory"
gen_specs "$small" 5 "$here/factory"
openspec="$(openspec_bin "$out")"
if [[ -n "$openspec" ]]; then
  gen_openspec "$out/startup-openspec-$n" "$n"
  gen_openspec "$out/startup-openspec-5" 5
fi

round_reset
for side in "${sides[@]}"; do
  f="$(dir_of "$side")/factory"
  round_add "version-$side" wall "$f" --version
  round_add "validate-$side" wall "$f" -C "$big" spec validate
  round_add "validate5-$side" wall "$f" -C "$small" spec validate
  round_add "list-$side" wall "$f" -C "$big" spec list
  round_add "json-$side" wall "$f" -C "$big" spec list --json
done
if [[ -n "$openspec" ]]; then
  round_add os-validate wall env -C "$out/startup-openspec-$n" "$openspec" validate --specs --no-interactive
  round_add os-validate5 wall env -C "$out/startup-openspec-5" "$openspec" validate --specs --no-interactive
fi
round_run "$runs"

# line NAME KEY: after, before, after/before and the verdict (at most 10% above before)
line() {
  local a b
  a="$(round_fig "$2-after")"
  b="$([[ -n "$before" ]] && round_fig "$2-before" || true)"
  awk -v name="$1" -v a="$a" -v b="$b" 'BEGIN { split(a, av, " "); split(b, bv, " ")
    printf "%-40s %-14s %-14s %s\n", name, a, (b == "" ? "-" : b), \
      (b == "" ? "" : sprintf("x%.2f  %s", av[1] / bv[1], av[1] <= bv[1] * 1.10 ? "PASS" : "FAIL")) }'
}
# per_spec KEY: microseconds of validate per spec, wall (user+sys CPU), from the medians of N and of 5 specs
per_spec() {
  awk -v a="$(round_med "$1")" -v b="$(round_med "${1/validate/validate5}")" -v ca="$(round_cpu "$1")" \
    -v cb="$(round_cpu "${1/validate/validate5}")" -v n="$n" \
    'BEGIN { printf "%.0f (%.0f)", (a - b) * 1000 / (n - 5), (ca - cb) * 1000 / (n - 5) }'
}

{
  echo "# warm.sh $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$("$java" -version 2>&1 | sed -n 1p), after $(git -C "$here" rev-parse --short HEAD)$([[ -n "$before" ]] &&
      echo ", before $(git -C "$before" rev-parse --short HEAD)"), median of $runs rounds${quick:+ (quick)}"
  printf '%-40s %-14s %-14s %s\n' "row (ms, user+sys cpu)" "after" "before" "after/before, <= 1.10"
  line "factory --version" version
  line "factory spec validate ($n specs)" validate
  line "factory spec list ($n specs)" list
  line "factory spec list --json ($n specs)" json
  pa="$(per_spec validate-after)"
  pb="$([[ -n "$before" ]] && per_spec validate-before || true)"
  if [[ -n "$openspec" ]]; then
    po="$(per_spec os-validate)"
    printf '%-40s %-14s %-14s %s\n' "openspec validate --specs ($n specs)" "$(round_fig os-validate)" "" \
      "5 specs: $(round_fig os-validate5)"
    awk -v a="$pa" -v b="$pb" -v o="$po" 'BEGIN { split(a, av, " "); split(b, bv, " "); split(o, ov, " ")
      gsub(/[()]/, "", av[2]); gsub(/[()]/, "", bv[2]); gsub(/[()]/, "", ov[2])
      printf "%-40s %-14s %-14s openspec %s: after x%.2f (cpu x%.2f), before %s; < 1 %s\n", \
        "validate per spec, us (cpu)", a, (b == "" ? "-" : b), o, av[1] / ov[1], av[2] / ov[2], \
        (b == "" ? "-" : sprintf("x%.2f (cpu x%.2f)", bv[1] / ov[1], bv[2] / ov[2])), av[1] < ov[1] ? "PASS" : "FAIL" }'
  else
    printf '%-40s %-14s %-14s %s\n' "validate per spec (us)" "$pa" "${pb:--}" "openspec: skipped (no npm)"
  fi
} | tee -a "$out/results.txt"

if [[ -n "$inprocess" ]]; then
  for side in "${sides[@]}"; do
    d="$(dir_of "$side")"
    # the scanner's repository is this checkout's, shared by both sides (out=)
    echo "## $side ($d): bench/scan.sh warmup=5 runs=9 cold=1, bench/llm.sh warmup=20 requests=100 tokens=50000" \
      "streams=3" | tee -a "$out/results.txt"
    "$d/bench/scan.sh" warmup=5 runs=9 cold=1 out="$out" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -vE '^\s*$' |
      tee -a "$out/results.txt"
    "$d/bench/llm.sh" warmup=20 requests=100 tokens=50000 streams=3 2>&1 | sed 's/\x1b\[[0-9;]*m//g' |
      grep -vE '^\s*$' | tee -a "$out/results.txt"
  done
fi
echo >>"$out/results.txt"
