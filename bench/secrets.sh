#!/usr/bin/env bash
# Benchmark of the encrypted secrets file, end to end through the launcher (JVM start included), against
# references measured in the same run: `factory --version`, and each command without the file.
#   - `factory auth status`: with no secrets file, then with one key stored in it (the difference is what
#     opening the file costs: deriving its key from FACTORY_MASTER_KEY)
#   - `factory ask` against a loopback OpenAI-compatible server (127.0.0.1 only): the key in the environment,
#     then the key in the file
# Everything happens in a temporary HOME (no keyring: the encrypted file is the store). Wall and CPU
# (user+sys) time, median of RUNS runs after one warm-up. Usage: bench/secrets.sh [RUNS=7].
# Results: printed, and appended to bench/out/secrets-results.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
out="$here/bench/out"
factory="$here/factory"
mkdir -p "$out"
command -v python3 >/dev/null || { echo "bench: python3 is needed for the loopback model server" >&2; exit 1; }

"$factory" --version >/dev/null # builds the CLI and its CDS archive if needed

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" FACTORY_MASTER_KEY="bench master key" NO_COLOR=1
unset OPENAI_API_KEY ANTHROPIC_API_KEY GEMINI_API_KEY GOOGLE_API_KEY AZURE_OPENAI_API_KEY GITHUB_TOKEN \
  FACTORY_LLM_PROVIDER FACTORY_LLM_MODEL FACTORY_LLM_ENDPOINT 2>/dev/null || true
mkdir -p "$HOME" "$work/project"
git -C "$work/project" init -q

# A loopback server that answers every chat completion with a two-token SSE stream.
cat >"$work/server.py" <<'PY'
import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for t in ("Hello", " there"):
            chunk = {"id": "x", "model": "bench", "choices": [{"index": 0, "delta": {"content": t}}]}
            self.wfile.write(("data: " + json.dumps(chunk) + "\n\n").encode())
        done = {"id": "x", "model": "bench", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 2}}
        self.wfile.write(("data: " + json.dumps(done) + "\n\ndata: [DONE]\n\n").encode())
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 "$work/server.py" >"$work/port" &
server_pid=$!
for _ in $(seq 50); do [[ -s "$work/port" ]] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(cat "$work/port")"

# one CMD...: "wall cpu" in milliseconds for one run; output discarded, failure reported.
one() {
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>&1 || { echo "bench: '$*' failed" >&2; return 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time"
}

# measure NAME CMD...: one warm-up run, then RUNS runs; prints the medians of wall and CPU time.
measure() {
  local name="$1"; shift
  local walls=() cpus=() w c
  "$@" >/dev/null 2>&1 || true
  for ((r = 0; r < runs; r++)); do
    read -r w c < <(one "$@")
    walls+=("$w"); cpus+=("$c")
  done
  mapfile -t walls < <(printf '%s\n' "${walls[@]}" | sort -n)
  mapfile -t cpus < <(printf '%s\n' "${cpus[@]}" | sort -n)
  printf '%-52s wall median %5d ms (min %5d)   cpu median %5d ms\n' "$name" "${walls[$((runs / 2))]}" \
    "${walls[0]}" "${cpus[$((runs / 2))]}"
}

ask=("$factory" -C "$work/project" --provider openai --endpoint "$endpoint" --model bench ask --no-cache "Hi")
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(java -version 2>&1 | sed -n 1p), $(git -C "$here" rev-parse --short HEAD)"
  measure "factory --version" "$factory" --version
  measure "factory auth status (no secrets file)" "$factory" -C "$work/project" auth status --offline
  OPENAI_API_KEY=sk-bench-env measure "factory ask (key in OPENAI_API_KEY)" "${ask[@]}"
  echo "sk-bench-file" | "$factory" -C "$work/project" auth set openai >/dev/null
  "$factory" -C "$work/project" auth status --offline | grep -q 'encrypted-file' \
    || { echo "bench: the store is not the encrypted file (a keyring answers?)" >&2; exit 1; }
  measure "factory auth status (a key in the secrets file)" "$factory" -C "$work/project" auth status --offline
  measure "factory ask (key in the secrets file)" "${ask[@]}"
} | tee -a "$out/secrets-results.txt"
echo >>"$out/secrets-results.txt"
