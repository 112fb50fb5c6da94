#!/usr/bin/env bash
# Cold start of every command (issue 18, feature-013): each row of the issue's table, fresh processes through the
# launcher, against references measured in the same rounds (each command once per round, so a change in the
# machine's load touches them all alike), median of RUNS rounds after one warm-up round:
#   spec list       `factory spec list` on 5 specs vs a JVM hello world started with the launcher's flags and the same
#                   java (<= 3x), and vs `openspec list --specs` on the same 5 specs as an OpenSpec project (< 0.40x;
#                   OpenSpec 1.13.2 from npm into bench/out/openspec, skipped without npm)
#   --help          `factory --help` vs hello world (<= 3x); `factory --version` beside it (no target)
#   every --help    `factory CMD --help` for every subcommand found in the help itself (nested ones too): the slowest
#                   and the median of their medians, vs hello world (<= 3x)
#   review          `factory review --offline` on bench/gen-files.sh's monorepo of FILES files (50,000; the tree
#                   bench/review-cold.sh uses) vs `git ls-files -co --exclude-standard` on it (<= 4x)
#   ask             `factory ask --no-cache` to a loopback Ollama-style server streaming TOKENS tokens (node): from
#                   process start to the first byte of the answer on stdout vs `curl -N` to the same server from
#                   process start to its first byte (<= curl + 150 ms); the whole answer's time beside it
#   validate        `factory spec validate` on SPECS specs (50,000) with FACTORY_JAVA_OPTS=-Xmx128m: exit code (0 or 1
#                   passes, 3 is out of memory), max RSS, and the retained memory per spec: the largest heap
#                   occupancy after a GC (-Xlog:gc), minus the same on 5 specs, over the spec count (< 1.5 KB; an
#                   upper bound: a young GC's figure still holds dead old objects); one run per checkout. A run out
#                   of memory is repeated with -Xmx1g for its figure.
#   floors          under the list, review and ask rows, no target: bench/floors/Floor.java, what a JVM does at the
#                   least for that command on the design card's libraries (picocli parsing a one-option command and
#                   reading the 5 specs; walking the tree with one stat per file; a bare socket; SmallRye Config,
#                   picocli, Jackson and Feign set up, then the socket), with
#                   the launcher's flags and a CDS archive of its own: how far a target is from what this stack allows
# Every row prints ours (after), ours before (with --before), the reference, the ratios and the target with PASS or
# FAIL (on the after figure's wall time). Wall times in ms; user+sys CPU in brackets where measured, and the ratio of
# the CPU times beside the wall ratio (on a loaded machine the CPU figures are the comparable ones). Projects are
# generated once under bench/out/.
# Usage: bench/startup.sh [--runs N] [--quick] [--before DIR] [--java HOME] [--only ROWS]
#   --runs N      rounds (default 5); --quick: 3 rounds (1 for every --help), 5,000 files and 5,000 specs
#   --before DIR  another checkout (e.g. the commit before the work) measured in the same rounds: before/after columns
#   --java HOME   every JVM (the hello world and both launchers, through JAVA_HOME) from this JDK
#   --only ROWS   a comma-separated subset of: list,help,subhelp,review,ask,validate (default all)
#   --least-heap  also bench/validate-memory.sh for each checkout: the least -Xmx validate runs in, by bisection
#                 (deterministic whatever the load, slow: about 16 runs of validate a checkout)
#   FILES=, SPECS=, TOKENS= in the environment override the sizes (50000, 50000, 2000)
# Needs git, node (the loopback server and the first-byte timer; without node the ask row is skipped) and curl.
# The warm figures (NFR-005, no regression) are bench/warm.sh's. Results: printed, and appended to
# bench/out/results.txt.
# covers feature-013/NFR-001, feature-013/NFR-002, feature-013/NFR-003, feature-013/NFR-004
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench/out"
runs=5 quick="" before="" jdk="${JAVA_HOME:-}" only="list,help,subhelp,review,ask,validate" least_heap=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --quick) quick=1; runs=3; shift ;;
    --before) before="$(cd "$2" && pwd)"; shift 2 ;;
    --java) jdk="$(cd "$2" && pwd)"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --least-heap) least_heap=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
files="${FILES:-$([[ -n "$quick" ]] && echo 5000 || echo 50000)}"
specs="${SPECS:-$([[ -n "$quick" ]] && echo 5000 || echo 50000)}"
tokens="${TOKENS:-2000}"
help_runs=$([[ -n "$quick" ]] && echo 1 || echo "$runs")
want() { [[ ",$only," == *",$1,"* ]]; }

source "$here/bench/projects.sh"
source "$here/bench/gen-files.sh"
source "$here/bench/timing.sh"
mkdir -p "$out"
tmp="$(mktemp -d)"
ROUND_TMP="$tmp"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ -n "$jdk" ]]; then export JAVA_HOME="$jdk"; fi
java="${jdk:+$jdk/bin/}java"
javac="${jdk:+$jdk/bin/}javac"
java_version="$("$java" -version 2>&1 | sed -n 1p)"
# Both checkouts run with a clean environment: no user settings, no plugins, no provider keys, no colours.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" NO_COLOR=1 OPENSPEC_TELEMETRY=0 DO_NOT_TRACK=1
unset FACTORY_CLASSPATH FACTORY_CONFIG FACTORY_JAVA_OPTS FACTORY_LLM_PROVIDER FACTORY_LLM_MODEL \
  FACTORY_LLM_ENDPOINT OPENAI_API_KEY ANTHROPIC_API_KEY GEMINI_API_KEY 2>/dev/null || true
mkdir -p "$HOME"

after="$here"
sides=(after)
[[ -n "$before" ]] && sides+=(before)
dir_of() { if [[ "$1" == after ]]; then echo "$after"; else echo "$before"; fi; }
for side in "${sides[@]}"; do
  "$(dir_of "$side")/factory" --version >/dev/null # builds the CLI and its start-up archive when needed
done

read -ra opts <<<"$(launcher_opts "$after")"
hello_class "$out/hello" "$javac"
hello=("$java" "${opts[@]}" -cp "$out/hello" Hello)
openspec="$(openspec_bin "$out")"

# The floors (bench/floors/Floor.java): what a JVM process does at the least for a command on the design card's
# libraries (the after checkout's jars), each with a CDS archive of its own made here from one run of it, and the
# launcher's flags. No target: they say how far a target is from what any implementation on this stack can reach.
floor_cp="$tmp/floors/floor.jar:$(printf '%s:' "$after"/factory-cli/target/lib/*.jar)"
floor_cp="${floor_cp%:}"
mkdir -p "$tmp/floors/classes"
"$javac" --release 17 -nowarn -cp "$floor_cp" -d "$tmp/floors/classes" "$here/bench/floors/Floor.java"
(cd "$tmp/floors/classes" && jar cf ../floor.jar ./*.class)
# floor MODE ARG: the command line of that floor, its archive made on first use
floor() {
  local archive="$tmp/floors/$1.jsa"
  if [[ ! -f "$archive" ]]; then
    "$java" "${opts[@]}" -XX:DumpLoadedClassList="$tmp/floors/$1.lst" -cp "$floor_cp" Floor "$@" >/dev/null 2>&1
    "$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$tmp/floors/$1.lst" -XX:SharedArchiveFile="$archive" \
      -cp "$floor_cp" >/dev/null 2>&1
  fi
  echo "$java ${opts[*]} -Xshare:auto -XX:SharedArchiveFile=$archive -Xlog:cds=off -cp $floor_cp Floor $*"
}
# floor_info NAME FIG REF REFNAME: a floor's figure and its ratio to the reference
floor_info() {
  awk -v n="$1" -v a="$2" -v r="$3" -v rn="$4" 'BEGIN { split(a, av, " "); split(r, rv, " ")
    printf "%-34s %-14s %-14s %-30s x%.2f\n", n, a, "-", rn " " r, av[1] / rv[1] }'
}

# row NAME AFTER BEFORE REF REFNAME TARGET-KIND TARGET: one line; ratio = figure / reference, or figure - reference
# for a "plus" target; PASS or FAIL on the after figure.
printf -v header '%-34s %-14s %-14s %-30s %-16s %-16s %s' "row" "after ms" "before ms" "reference ms" \
  "ratio (cpu)" "before (cpu)" "target (on wall)"
row() {
  local name="$1" a="$2" b="$3" ref="$4" refname="$5" how="$6" target="$7"
  awk -v name="$name" -v a="$a" -v b="$b" -v ref="$ref" -v rn="$refname" -v how="$how" -v t="$target" '
  function cpu(x, y) {
    gsub(/[()]/, "", x); gsub(/[()]/, "", y); return x > 0 && y > 0 ? sprintf(" (x%.1f)", x / y) : ""
  }
  BEGIN {
    split(a, av, " "); split(b, bv, " "); split(ref, rv, " ")
    if (how == "plus") {
      ra = sprintf("%+d ms", av[1] - rv[1]); rb = b == "" ? "" : sprintf("%+d ms", bv[1] - rv[1])
      ok = av[1] <= rv[1] + t; tt = sprintf("<= +%d ms", t)
    } else {
      ra = sprintf("x%.2f", av[1] / rv[1]) cpu(av[2], rv[2])
      rb = b == "" ? "" : sprintf("x%.2f", bv[1] / rv[1]) cpu(bv[2], rv[2])
      ok = how == "lt" ? av[1] / rv[1] < t : av[1] / rv[1] <= t; tt = sprintf("%s %.2fx", how == "lt" ? "<" : "<=", t)
    }
    printf "%-34s %-14s %-14s %-30s %-16s %-16s %-10s %s\n", name, a, (b == "" ? "-" : b), rn " " ref, ra, \
      (rb == "" ? "-" : rb), tt, ok ? "PASS" : "FAIL"
  }'
}
info() { printf '%-34s %-14s %-14s %s\n' "$1" "$2" "${3:--}" "${4:-}"; }
side_fig() { [[ -n "$before" ]] && round_fig "$1" || true; }

{
  echo "# startup.sh $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $java_version," \
    "after $(git -C "$after" rev-parse --short HEAD)${before:+, before $(git -C "$before" rev-parse --short HEAD)}," \
    "median of $runs rounds${quick:+ (quick)}; hello world: java ${opts[*]} Hello"
  echo "$header"
} | tee -a "$out/results.txt"

# ---- spec list (5 specs), --help, --version ----
if want list || want help; then
  gen_specs "$out/startup-specs-5" 5 "$after/factory"
  [[ -n "$openspec" ]] && gen_openspec "$out/startup-openspec-5" 5
  round_reset
  round_add hello wall "${hello[@]}"
  for side in "${sides[@]}"; do
    f="$(dir_of "$side")/factory"
    want list && round_add "list-$side" wall "$f" -C "$out/startup-specs-5" spec list
    want help && round_add "help-$side" wall "$f" --help && round_add "version-$side" wall "$f" --version
  done
  want list && [[ -n "$openspec" ]] && round_add openspec wall env -C "$out/startup-openspec-5" "$openspec" list --specs
  if want list; then read -ra floor_list <<<"$(floor list "$out/startup-specs-5/contracts")"; fi
  want list && round_add floor-list wall "${floor_list[@]}"
  round_run "$runs"
  {
    info "java Hello (launcher's flags)" "$(round_fig hello)"
    if want list; then
      # covers feature-013/NFR-001
      row "spec list, 5 specs / hello" "$(round_fig list-after)" "$(side_fig list-before)" "$(round_fig hello)" \
        hello le 3
      floor_info "  floor: picocli + 5 files / hello" "$(round_fig floor-list)" "$(round_fig hello)" hello
      if [[ -n "$openspec" ]]; then
        row "spec list, 5 specs / openspec" "$(round_fig list-after)" "$(side_fig list-before)" \
          "$(round_fig openspec)" \
          "openspec list" lt 0.40
        floor_info "  floor / openspec" "$(round_fig floor-list)" "$(round_fig openspec)" "openspec list"
      else
        info "spec list / openspec list" "skipped: no npm to install OpenSpec"
      fi
    fi
    if want help; then
      row "--help / hello" "$(round_fig help-after)" "$(side_fig help-before)" "$(round_fig hello)" hello le 3
      info "--version (no target)" "$(round_fig version-after)" "$(side_fig version-before)"
    fi
  } | tee -a "$out/results.txt"
fi

# ---- every subcommand's --help: the slowest and the median of the per-command medians ----
if want subhelp; then
  # the subcommands, from the help itself: "  NAME  description" lines under "Commands:", recursively
  subcommands() {
    "$after/factory" "$@" --help 2>/dev/null | awk '/^Commands:/ { on = 1; next } /^[^ ]/ { on = 0 }
      on && /^  [a-z][a-z-]* / { print $1 }'
  }
  commands=()
  while read -r c; do
    commands+=("$c")
    while read -r s; do commands+=("$c $s"); done < <(subcommands "$c")
  done < <(subcommands)
  round_reset
  round_add hello wall "${hello[@]}"
  for c in "${commands[@]}"; do
    read -ra words <<<"$c"
    for side in "${sides[@]}"; do round_add "$side:$c" wall "$(dir_of "$side")/factory" "${words[@]}" --help; done
  done
  round_run "$help_runs"
  summary() { # SIDE: "max-median (cpu of that one) slowest-command" over the commands
    for c in "${commands[@]}"; do echo "$(round_med "$1:$c") $(round_cpu "$1:$c") ${c// /_}"; done | sort -n | awk '
      { m[NR] = $1; line[NR] = $0 } END { split(line[NR], s, " ");
        printf "%d %d %d %s\n", m[NR], m[int((NR + 1) / 2)], s[2], s[3] }'
  }
  read -r amax amed acpu aname < <(summary after)
  bmax="" bmed="" bcpu="" bname=""
  [[ -n "$before" ]] && read -r bmax bmed bcpu bname < <(summary before)
  {
    echo "every subcommand's --help: ${#commands[@]} commands, median of $help_runs rounds each"
    row "CMD --help, slowest / hello" "$amax ($acpu)" "${bmax:+$bmax ($bcpu)}" "$(round_fig hello)" hello le 3
    info "  slowest" "${aname//_/ }" "${bname//_/ }"
    row "CMD --help, median / hello" "$amed" "$bmed" "$(round_fig hello)" hello le 3
  } | tee -a "$out/results.txt"
fi

# ---- review --offline on FILES files ----
if want review; then
  project="$out/review-cold-$files"
  gen_files "$project" "$files" "$after/factory"
  round_reset
  round_add git wall git -C "$project" ls-files -co --exclude-standard
  read -ra floor_stat <<<"$(floor stat "$project")"
  round_add floor-stat wall "${floor_stat[@]}"
  for side in "${sides[@]}"; do
    round_add "review-$side" wall "$(dir_of "$side")/factory" -C "$project" review --offline
  done
  round_run "$runs"
  # covers feature-013/NFR-002
  {
    row "review --offline, $files files" "$(round_fig review-after)" "$(side_fig review-before)" "$(round_fig git)" \
      "git ls-files" le 4
    floor_info "  floor: JVM walk + stat / git" "$(round_fig floor-stat)" "$(round_fig git)" "git ls-files"
  } | tee -a "$out/results.txt"
fi

# ---- ask: process start to the first token, against curl's first byte ----
if want ask; then
  if ! command -v node >/dev/null || ! command -v curl >/dev/null; then
    info "ask / curl" "skipped: node and curl are needed" | tee -a "$out/results.txt"
  else
    cat >"$tmp/server.js" <<'JS'
// A loopback Ollama-style server: /api/chat streams TOKENS NDJSON chunks at once, /api/tags lists one model.
const http = require('http');
const tokens = parseInt(process.argv[2], 10);
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url.startsWith('/api/tags')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ models: [{ name: 'bench', model: 'bench' }] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const at = new Date().toISOString();
    for (let i = 0; i < tokens; i++) {
      const message = { role: 'assistant', content: 'tok' + i + ' ' };
      res.write(JSON.stringify({ model: 'bench', created_at: at, message, done: false }) + '\n');
    }
    res.end(JSON.stringify({ model: 'bench', created_at: at, message: { role: 'assistant', content: '' }, done: true,
      done_reason: 'stop', prompt_eval_count: 3, eval_count: tokens }) + '\n');
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
JS
    cat >"$tmp/first.js" <<'JS'
// Runs a command; prints the ms from its start to the first byte on its stdout, and to its end.
const { spawn } = require('child_process');
const t0 = process.hrtime.bigint();
let first = -1;
const child = spawn(process.argv[2], process.argv.slice(3), { stdio: ['ignore', 'pipe', 'ignore'] });
child.stdout.on('data', () => { if (first < 0) first = Number(process.hrtime.bigint() - t0) / 1e6; });
child.on('close', (code) => {
  const total = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(Math.round(first) + ' ' + Math.round(total));
  process.exit(code === 0 ? 0 : 3);
});
JS
    node "$tmp/server.js" "$tokens" >"$tmp/port" &
    server_pid=$!
    for _ in $(seq 100); do [[ -s "$tmp/port" ]] && break; sleep 0.1; done
    endpoint="http://127.0.0.1:$(cat "$tmp/port")"
    gen_specs "$out/startup-specs-5" 5 "$after/factory"
    round_reset
    round_add curl out node "$tmp/first.js" curl -sN -X POST -d '{"model":"bench","stream":true}' "$endpoint/api/chat"
    for side in "${sides[@]}"; do
      round_add "ask-$side" out node "$tmp/first.js" "$(dir_of "$side")/factory" -C "$out/startup-specs-5" \
        --provider ollama --endpoint "$endpoint" --model bench ask --no-cache "Hi"
    done
    port="${endpoint##*:}"
    read -ra floor_socket <<<"$(floor socket "$port")"
    read -ra floor_card <<<"$(floor card "$port")"
    round_add floor-socket out node "$tmp/first.js" "${floor_socket[@]}"
    round_add floor-card out node "$tmp/first.js" "${floor_card[@]}"
    round_run "$runs"
    {
      # covers feature-013/NFR-003
      row "ask, first token ($tokens tokens)" "$(round_med ask-after)" "$([[ -n "$before" ]] && round_med ask-before)" \
        "$(round_med curl)" "curl first byte" plus 150
      printf '%-34s %-14s %-14s %-30s %+d ms\n' "  floor: JVM + socket" "$(round_med floor-socket)" "-" \
        "curl first byte $(round_med curl)" "$(($(round_med floor-socket) - $(round_med curl)))"
      printf '%-34s %-14s %-14s %-30s %+d ms\n' "  floor: card's libraries + socket" "$(round_med floor-card)" "-" \
        "curl first byte $(round_med curl)" "$(($(round_med floor-card) - $(round_med curl)))"
      info "  whole answer, ms" "$(median_of "${ROUND_CPU[ask-after]}")" \
        "$([[ -n "$before" ]] && median_of "${ROUND_CPU[ask-before]}")" "curl $(median_of "${ROUND_CPU[curl]}")"
      # the same figure from bench/ask-cold.sh (its own server and timer, python3), after only, as a cross-check
      if [[ -x "$here/bench/ask-cold.sh" ]] && command -v python3 >/dev/null; then
        printf '%-34s %s\n' "  bench/ask-cold.sh (after)" \
          "$("$here/bench/ask-cold.sh" "$runs" "$tokens" 2>&1 | tail -n 1)"
      fi
    } | tee -a "$out/results.txt"
  fi
fi

# ---- spec validate on SPECS specs in -Xmx128m, retained memory per spec ----
if want validate; then
  project="$out/startup-specs-$specs"
  gen_specs "$project" "$specs" "$after/factory"
  gen_specs "$out/startup-specs-5" 5 "$after/factory"
  # peak DIR XMX: "exit max-rss-KB peak-heap-after-GC-KB peak-after-full-GC-KB wall-ms" of one validate of DIR
  peak() {
    local f="$1" dir="$2" xmx="$3" rc=0 start end heap
    rm -f "$tmp/gc.log"
    start=$(date +%s%N)
    env FACTORY_JAVA_OPTS="-Xmx$xmx -Xlog:gc:file=$tmp/gc.log" /usr/bin/time -f '%M' -o "$tmp/rss" \
      "$f" -C "$dir" spec validate >/dev/null 2>"$tmp/err" || rc=$?
    end=$(date +%s%N)
    # the largest occupancy after any GC, and after a full GC (the live set then; 0 when there was none)
    heap="$(sed -nE 's/.*(Pause [A-Za-z]+).* ([0-9]+)[KMG]->([0-9]+)([KMG])\(.*/\1 \3 \4/p' "$tmp/gc.log" \
      2>/dev/null | awk '{ k = $3 * ($4 == "G" ? 1048576 : $4 == "M" ? 1024 : 1); if (k > m) m = k
        if ($2 == "Full" && k > f) f = k } END { print m + 0, f + 0 }')"
    echo "$rc $(tail -n 1 "$tmp/rss" | tr -dc 0-9) $heap $(((end - start) / 1000000))"
  }
  {
    for side in "${sides[@]}"; do
      f="$(dir_of "$side")/factory"
      read -r rc rss heap full ms < <(peak "$f" "$project" 128m)
      read -r _ _ small _ _ < <(peak "$f" "$out/startup-specs-5" 128m)
      fits=$([[ "$rc" == 0 || "$rc" == 1 ]] && echo PASS || echo FAIL)
      note=""
      if [[ "$fits" == FAIL ]]; then
        read -r _ _ heap full _ < <(peak "$f" "$project" 1g)
        note=" (figure from -Xmx1g; exit $rc in 128m)"
      fi
      # covers feature-013/NFR-004
      printf '%-34s %-14s exit %s, %d ms, max RSS %d MB, -Xmx128m %s\n' "spec validate, $specs specs" "$side" "$rc" \
        "$ms" $((rss / 1024)) "$fits"
      awk -v h="$heap" -v f="$full" -v s="$small" -v n="$specs" -v side="$side" -v note="$note" 'BEGIN {
        kb = (h - s) / (n - 5); printf "%-34s %-14s %.2f KB (peak heap after GC %d MB", "  retained per spec", side, \
          kb, h / 1024
        if (f > 0) printf "; after a full GC %.2f KB, %d MB", (f - s) / (n - 5), f / 1024
        printf ")%s   < 1.50 KB %s\n", note, kb < 1.5 ? "PASS" : "FAIL" }'
    done
    if [[ -n "$least_heap" && -x "$here/bench/validate-memory.sh" ]]; then
      for side in "${sides[@]}"; do
        echo "  bench/validate-memory.sh $specs ($side):"
        FACTORY_LAUNCHER="$(dir_of "$side")/factory" "$here/bench/validate-memory.sh" "$specs" 2>&1 | tail -n 2 |
          sed 's/^/    /'
      done
    fi
  } | tee -a "$out/results.txt"
fi
echo | tee -a "$out/results.txt" >/dev/null
