# Sourced by the bench scripts: bench_classpath MODULE compiles MODULE's main and test classes (and what it depends
# on) with Maven, then its benchmarks (MODULE/src/bench/java, outside the Maven build, so `mvn verify` neither
# compiles nor runs them) with javac into MODULE/target/bench-classes, and sets BENCH_CLASSPATH to run them.
# Offline: maven runs with -o.
bench_classpath() {
  local here module cp_file classes javac sources
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  module="$here/$1"
  cp_file="$module/target/bench-classpath.txt"
  classes="$module/target/bench-classes"
  (cd "$here" && mvn -o -q -B -pl "$1" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
  [[ -s "$cp_file" ]] || { echo "bench: no class path written to $cp_file" >&2; return 1; }
  BENCH_CLASSPATH="$module/target/test-classes:$module/target/classes:$(cat "$cp_file")"
  javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
  mapfile -t sources < <(find "$module/src/bench/java" -name '*.java')
  ((${#sources[@]} > 0)) || { echo "bench: no benchmark sources in $module/src/bench/java" >&2; return 1; }
  rm -rf "$classes"
  "$javac" --release 17 -encoding UTF-8 -nowarn -d "$classes" -cp "$BENCH_CLASSPATH" "${sources[@]}" \
    || { echo "bench: the benchmarks in $module/src/bench/java did not compile" >&2; return 1; }
  BENCH_CLASSPATH="$classes:$BENCH_CLASSPATH"
}
