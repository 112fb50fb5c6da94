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
