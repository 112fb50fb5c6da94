#!/usr/bin/env bash
# Start-up of the CLI with and without plugins, against a JVM hello world in the same run:
#   hello       java -cp DIR Hello (the JVM alone, same options as the launcher)
#   help        ./factory --help (never opens the project, so never looks for plugins)
#   providers   ./factory models --providers in an empty git project (no plugin)
#   +plugin     the same with one provider jar in FACTORY_CLASSPATH (a child class loader, the CDS archive unchanged)
# In rounds (each command once per round, one warm-up round), `runs` rounds; the median wall time in ms and its
# ratio to hello are printed. With BASE, another checkout (the commit before plugins, say) is measured in the same
# rounds: its --help and models --providers.
# Usage: bench/plugins.sh [runs=15] [BASE]. Results: printed, and appended to bench/out/plugins-results.txt.
# covers feature-009/NFR-002
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
base="${2:-}"
out="$here/bench/out"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

"$here/factory" --help >/dev/null # builds the CLI and trains its CDS archive when needed

mkdir -p "$tmp/hello" "$tmp/project" "$tmp/home" "$tmp/plugin/classes/META-INF/services"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$tmp/hello/Hello.java"
"$javac" -d "$tmp/hello" "$tmp/hello/Hello.java"
git -C "$tmp/project" init -q

# one plugin: a language model provider compiled against the ports jar the CLI ships
ports="$(ls "$here"/factory-cli/target/lib/factory-ports-*.jar | head -n 1)"
mkdir -p "$tmp/plugin/src/bench"
cat >"$tmp/plugin/src/bench/BenchLanguageModelProvider.java" <<'JAVA'
package bench;
public final class BenchLanguageModelProvider implements dev.codefactory.port.llm.spi.LanguageModelProvider {
  public String id() { return "bench"; }
  public String displayName() { return "Bench"; }
  public dev.codefactory.port.llm.LanguageModel create(dev.codefactory.port.llm.spi.LanguageModelSettings s) {
    throw new UnsupportedOperationException();
  }
}
JAVA
"$javac" --release 17 -cp "$ports" -d "$tmp/plugin/classes" "$tmp/plugin/src/bench/BenchLanguageModelProvider.java" \
  2>/dev/null || echo "bench: the plugin did not compile against $ports; +plugin measures an empty jar" >&2
echo bench.BenchLanguageModelProvider >"$tmp/plugin/classes/META-INF/services/dev.codefactory.port.llm.spi.LanguageModelProvider"
(cd "$tmp/plugin/classes" && jar cf "$tmp/bench-plugin.jar" .)

opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -Xshare:auto)
clean_env=(env -u FACTORY_CLASSPATH -u XDG_CONFIG_HOME HOME="$tmp/home")

names=() cmds=()
add() { names+=("$1"); shift; cmds+=("$(printf '%q ' "$@")"); }
add "java Hello (JVM alone)" "$java" "${opts[@]}" -cp "$tmp/hello" Hello
add "factory --help" "${clean_env[@]}" "$here/factory" --help
add "factory models --providers" "${clean_env[@]}" "$here/factory" -C "$tmp/project" models --providers
add "  with one jar in FACTORY_CLASSPATH" "${clean_env[@]}" FACTORY_CLASSPATH="$tmp/bench-plugin.jar" \
  "$here/factory" -C "$tmp/project" models --providers
if [[ -n "$base" ]]; then
  "$base/factory" --help >/dev/null
  add "before: factory --help" "${clean_env[@]}" "$base/factory" --help
  add "before: factory models --providers" "${clean_env[@]}" "$base/factory" -C "$tmp/project" models --providers
fi

# rounds: every command once per round, so a change in the machine's load touches them all alike
declare -A times
for ((r = 0; r <= runs; r++)); do
  for i in "${!cmds[@]}"; do
    start=$(date +%s%N); eval "${cmds[$i]}" >/dev/null 2>&1 || true; end=$(date +%s%N)
    ((r == 0)) || times[$i]+="$(((end - start) / 1000000)) "
  done
done
median() { tr ' ' '\n' <<<"${times[$1]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

{
  echo "plugins start-up, $(date -u +%FT%TZ), $(git -C "$here" rev-parse --short HEAD), median of $runs runs"
  hello=$(median 0)
  for i in "${!cmds[@]}"; do
    m=$(median "$i")
    awk -v n="${names[$i]}" -v m="$m" -v h="$hello" 'BEGIN { printf "  %-38s %6d ms  x%.2f\n", n, m, m / h }'
  done
} | tee -a "$out/plugins-results.txt"
