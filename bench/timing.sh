# Sourced by the bench scripts that time whole commands: time_ms and measure, with RUNS in $runs and the name column
# $MEASURE_WIDTH characters wide (60 unless set).

# time_ms CMD...: wall time of one run in milliseconds; output discarded; exit 1 (something found: drift, a broken
# project) counts as a run like exit 0, any other failure is reported.
time_ms() {
  local start end rc=0
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || rc=$?
  end=$(date +%s%N)
  if ((rc > 1)); then echo "bench: '$*' failed with $rc" >&2; return 1; fi
  echo $(((end - start) / 1000000))
}

# measure NAME CMD...: one warm-up run, then $runs timed runs; sets MEDIAN; prints min, median and max.
measure() {
  local name="$1"; shift
  local times=()
  "$@" >/dev/null 2>&1 || true
  for ((r = 0; r < runs; r++)); do times+=("$(time_ms "$@")"); done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  MEDIAN="${sorted[$((runs / 2))]}"
  printf "%-${MEASURE_WIDTH:-60}s min %5d ms   median %5d ms   max %5d ms   (%d runs)\n" "$name" "${sorted[0]}" \
    "$MEDIAN" "${sorted[$((runs - 1))]}" "$runs"
}

# Rounds (bench/startup.sh, bench/warm.sh): every command of a group once per round, so a change in the machine's
# load touches them all alike. round_reset; round_add KEY KIND CMD... (KIND wall: the process's wall and user+sys
# CPU time; out: the command prints two figures in ms itself); round_run N (one warm-up round, then N rounds);
# round_med KEY and round_cpu KEY: medians of the first and second figure; round_fig KEY: "wall (cpu)".
# ROUND_TMP is a scratch folder the caller makes (and removes).
declare -A ROUND_CMD ROUND_KIND ROUND_VALS ROUND_CPU
ROUND_KEYS=()
round_reset() { ROUND_KEYS=(); ROUND_CMD=(); ROUND_KIND=(); ROUND_VALS=(); ROUND_CPU=(); }
round_add() {
  local key="$1" kind="$2"; shift 2
  ROUND_KEYS+=("$key"); ROUND_CMD[$key]="$(printf '%q ' "$@")"; ROUND_KIND[$key]="$kind"
  ROUND_VALS[$key]=""; ROUND_CPU[$key]=""
}
# round_one KEY: "first second" for one run; a failure other than exit 1 is reported on stderr.
round_one() {
  local key="$1" start end rc=0
  if [[ "${ROUND_KIND[$key]}" == out ]]; then
    eval "${ROUND_CMD[$key]}" 2>/dev/null || echo "bench: $key failed" >&2
    return 0
  fi
  start=$(date +%s%N)
  eval "/usr/bin/time -f '%U %S' -o $ROUND_TMP/cpu ${ROUND_CMD[$key]}" >/dev/null 2>"$ROUND_TMP/err" || rc=$?
  end=$(date +%s%N)
  if ((rc > 1)); then
    echo "bench: $key exited with $rc: $(grep -v '^Command exited' "$ROUND_TMP/err" | tail -n 2 | tr '\n' ' ')" >&2
  fi
  echo "$(((end - start) / 1000000)) $(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$ROUND_TMP/cpu")"
}
round_run() {
  local n="$1" r key v c
  for ((r = 0; r <= n; r++)); do
    for key in "${ROUND_KEYS[@]}"; do
      read -r v c < <(round_one "$key") || true
      ((r == 0)) && continue
      ROUND_VALS[$key]+="${v:-0} "; ROUND_CPU[$key]+="${c:-0} "
    done
  done
}
median_of() {
  tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : 0) }'
}
round_med() { median_of "${ROUND_VALS[$1]}"; }
round_cpu() { median_of "${ROUND_CPU[$1]}"; }
round_fig() {
  if [[ "${ROUND_KIND[$1]}" == wall ]]; then echo "$(round_med "$1") ($(round_cpu "$1"))"; else round_med "$1"; fi
}
