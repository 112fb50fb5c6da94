#!/usr/bin/env bash
# Benchmark of `factory serve` (feature-012, NFR-001 and NFR-002), end to end through the launcher (a fresh JVM per
# start), against references in the same run, on a generated git project (made once, cached under
# bench/out/serve-project-<n>): N specs (default 10,000) committed, and a few reports (a trace, two hand-written).
# What it prints (a markdown table of medians over RUNS, min and max beside them):
#   - start: from process start to the first successful answer (/api/v1/openapi.json; target < 1 s), against a
#     JVM hello world started with the launcher's JVM options, and `factory --version`
#   - the catalog page / of N specs: cold (the first page of each fresh server) and warm (target < 500 ms), against
#     /static/style.css of the same server (the HTTP round trip with nothing to compute)
#   - /api/v1/specs?limit=50 (a small page of the paginated list) and /api/v1/openapi.json
#   - memory (NFR-002): the server's resident set size idle, and with CLIENTS clients following
#     /api/v1/events/stream (curl -N) while commands append events to the project's log
# Usage: bench/serve.sh [n=10000] [runs=5] [clients=50]
# Results: printed, and appended to bench/out/serve-results.txt.
# covers feature-012/NFR-001, feature-012/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"
runs="${2:-5}"
clients="${3:-50}"
out="$here/bench/out"
project="$out/serve-project-$n"
factory="$here/factory"
mkdir -p "$out"
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 2; }

"$factory" --version >/dev/null   # builds the CLI and its CDS archive if needed

g() { git -C "$project" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false "$@"; }

if [[ ! -f "$project/.bench-complete" ]]; then
  echo "generating $n specs in $project ..."
  rm -rf "$project"
  mkdir -p "$project"
  git -C "$project" init -q -b main
  "$factory" -C "$project" init >/dev/null
  # one awk writes every spec: a shell loop of 10,000 redirections takes longer than the benchmark
  awk -v dir="$project/contracts/specs" -v n="$n" 'BEGIN {
    split("draft approved implemented deprecated", st, " ")
    split("low medium high critical", pr, " ")
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/feature-%05d.md", dir, i)
      printf "---\nid: feature-%05d\ntitle: Feature %d of the bench\nstatus: %s\n", i, i, st[i % 4 + 1] > f
      printf "created: 2026-01-%02d\nupdated: 2026-02-%02d\nauthor: Bench\ntags: [tag%d, bench]\n", \
        i % 28 + 1, i % 28 + 1, i % 50 > f
      printf "priority: %s\n---\n\n# Feature %d\n\n## Overview\nWhat feature %d does.\n\n", pr[i % 4 + 1], i, i > f
      printf "## Requirements\n- FR-001: The system does thing %d.\n- FR-002: It logs thing %d.\n\n", i, i > f
      printf "## Acceptance Criteria\n- [ ] thing %d works\n", i > f
      if (i > 1) printf "- [Previous](./feature-%05d.md)\n", i - 1 > f
      close(f)
    }
  }'
  mkdir -p "$project/reports"
  printf '# Rescue\n\nA hand-written report.\n' >"$project/reports/rescue-2026-02-12.md"
  printf '# Notes\n\nAnother report.\n' >"$project/reports/notes-2026-02-13.md"
  "$factory" -C "$project" trace >/dev/null 2>&1 || true
  g add -A
  g commit -q -m "bench: $n specs"
  touch "$project/.bench-complete"
fi

# The reference JVM: a hello world with the launcher's options (a fresh JVM, nothing loaded).
hello="$out/serve-hello"
if [[ ! -f "$hello/Hello.class" ]]; then
  mkdir -p "$hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    >"$hello/Hello.java"
  javac -d "$hello" "$hello/Hello.java"
fi
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -Xshare:auto -cp "$hello" Hello)

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# time_ms CMD...: wall time of one run in milliseconds; output discarded, failure reported.
time_ms() {
  local start
  start=$(now_ms)
  "$@" >/dev/null 2>&1 || { echo "bench: '$*' failed with $?" >&2; return 1; }
  echo $(($(now_ms) - start))
}

# get_ms URL: the wall time of one GET in milliseconds (curl's total), failing unless it is a 200.
get_ms() {
  local r
  r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$1")
  [[ "${r%% *}" == 200 ]] || { echo "bench: GET $1 answered ${r%% *}" >&2; return 1; }
  awk -v t="${r#* }" 'BEGIN { printf "%d\n", t * 1000 + 0.5 }'
}

server_pid=""
url=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
stream_pids=()
stop_streams() {
  local p
  for p in "${stream_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${stream_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  stream_pids=()
}
trap 'stop_streams; stop_server' EXIT

# start_server: starts `factory serve --port 0 --json` (the launcher execs java: $! is the server's JVM), reads its
# URL from the JSON line, and waits for a first successful answer; sets started_ms to the milliseconds from start
# to it (not printed: a command substitution's subshell would lose the server's pid and URL).
started_ms=0
start_server() {
  local log="$out/serve-server.log" start
  : >"$log"
  start=$(now_ms)
  "$factory" -C "$project" serve --port 0 --json >"$log" 2>&1 &
  server_pid=$!
  url=""
  while :; do
    if [[ -z "$url" ]]; then
      url=$(sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p' "$log" | head -n 1)
      url="${url%/}"
    fi
    if [[ -n "$url" ]] && curl -sf -o /dev/null "$url/api/v1/openapi.json"; then
      started_ms=$(($(now_ms) - start))
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server stopped: $(cat "$log")" >&2; return 1; }
    (($(now_ms) - start < 60000)) || { echo "bench: no answer in 60 s" >&2; return 1; }
    sleep 0.01
  done
}

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status"; }

# row NAME TARGET VALUES...: one table row with min, median and max of the values (milliseconds).
row() {
  local name="$1" target="$2"; shift 2
  mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
  local k=${#sorted[@]}
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${sorted[$((k / 2))]}" "${sorted[0]}" "${sorted[$((k - 1))]}" \
    "$target"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

hello_t=(); version_t=(); start_t=(); cold_t=(); warm_t=(); css_t=(); api_t=(); openapi_t=()
for ((r = 0; r < runs; r++)); do
  hello_t+=("$(time_ms "${jvm[@]}")")
  version_t+=("$(time_ms "$factory" --version)")
  start_server
  start_t+=("$started_ms")
  cold_t+=("$(get_ms "$url/")")
  for ((w = 0; w < 3; w++)); do
    warm_t+=("$(get_ms "$url/")")
    css_t+=("$(get_ms "$url/static/style.css")")
    api_t+=("$(get_ms "$url/api/v1/specs?limit=50")")
    openapi_t+=("$(get_ms "$url/api/v1/openapi.json")")
  done
  stop_server
done

# memory: one server, idle after the pages above, then CLIENTS streams while commands append events
start_server
get_ms "$url/" >/dev/null
get_ms "$url/api/v1/specs?limit=50" >/dev/null
sleep 1
idle=$(rss_kb)
for ((c = 0; c < clients; c++)); do
  curl -sN "$url/api/v1/events/stream" >/dev/null 2>&1 &
  stream_pids+=($!)
done
sleep 1
for ((e = 0; e < 3; e++)); do "$factory" -C "$project" trace >/dev/null 2>&1 || true; done
sleep 1
streaming=$(rss_kb)
alive=0
for p in "${stream_pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
stop_streams
stop_server

{
  echo
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $n specs, $runs runs," \
    "$(java -version 2>&1 | sed -n 1p)"
  echo
  echo "| measure (ms) | median | min | max | target |"
  echo "|---|---|---|---|---|"
  row "JVM hello world (reference)" "" "${hello_t[@]}"
  row "factory --version (reference)" "" "${version_t[@]}"
  row "serve: start to first answer" "< 1000" "${start_t[@]}"
  row "GET /static/style.css (reference)" "" "${css_t[@]}"
  row "GET / ($n specs), cold" "" "${cold_t[@]}"
  row "GET / ($n specs), warm" "< 500" "${warm_t[@]}"
  row "GET /api/v1/specs?limit=50" "" "${api_t[@]}"
  row "GET /api/v1/openapi.json" "" "${openapi_t[@]}"
  echo
  echo "start / hello world: $(awk -v a="$(median "${start_t[@]}")" -v b="$(median "${hello_t[@]}")" \
    'BEGIN { printf "%.1f", a / b }')x; warm catalog / style.css: $(awk -v a="$(median "${warm_t[@]}")" \
    -v b="$(median "${css_t[@]}")" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')x"
  echo "memory: RSS idle $((idle / 1024)) MiB; with $clients streams ($alive still connected) after 3 commands" \
    "$((streaming / 1024)) MiB ($(awk -v a="$streaming" -v b="$idle" 'BEGIN { printf "%+.0f", (a - b) / 1024 }') MiB)"
} | tee -a "$out/serve-results.txt"
