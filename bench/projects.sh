# Sourced by bench/startup.sh and bench/warm.sh: generated projects, each made once and cached (a marker file says it
# is complete), and the references' set-up (a JVM hello world, OpenSpec from npm).

# gen_specs DIR N FACTORY: a git repository initialised by FACTORY with N specs in contracts/specs/ (the layout of
# bench/catalog.sh: front matter, overview, functional and non-functional requirements, a link to the previous spec).
gen_specs() {
  local dir="$1" n="$2" factory="$3" i id
  [[ -f "$dir/.bench-complete" ]] && return 0
  echo "bench: generating $n specs in $dir ..." >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  git -C "$dir" init -q
  "$factory" -C "$dir" init >/dev/null
  awk -v n="$n" -v dir="$dir/contracts/specs" 'BEGIN {
    split("draft approved implemented deprecated", st, " "); split("low medium high critical", pr, " ")
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/feature-%05d.md", dir, i); d = i % 28 + 1
      printf "---\nid: feature-%05d\ntitle: Generated feature %d\nstatus: %s\n", i, i, st[i % 4 + 1] > f
      printf "created: 2026-01-%02d\nupdated: 2026-02-%02d\nauthor: bench\n", d, d > f
      printf "tags: [area-%d, generated]\npriority: %s\n---\n\n# Generated feature %d\n\n", i % 50, pr[i % 4 + 1], i > f
      printf "## Overview\nFeature %d does one thing well, as generated for the benchmark.\n\n", i > f
      printf "## Requirements\n\n### Functional\n- FR-001: It accepts input %d.\n", i > f
      printf "- FR-002: It answers within 100 ms.\n\n### Non-Functional\n- NFR-001: It logs nothing secret.\n\n" > f
      printf "## Related Specs\n" > f
      if (i > 1) printf "- [Previous](./feature-%05d.md)\n", i - 1 > f
      close(f)
    } }'
  touch "$dir/.bench-complete"
}

# gen_openspec DIR N: the same N specs as an OpenSpec project (openspec/specs/<id>/spec.md, two requirements with a
# scenario each), listed by `openspec list --specs` and checked by `openspec validate --specs`.
gen_openspec() {
  local dir="$1" n="$2" i id
  [[ -f "$dir/.bench-complete" ]] && return 0
  echo "bench: generating $n OpenSpec specs in $dir ..." >&2
  rm -rf "$dir"
  mkdir -p "$dir/openspec/changes/archive"
  printf 'schema: spec-driven\n' >"$dir/openspec/config.yaml"
  mkdir -p "$dir/openspec/specs"
  (cd "$dir/openspec/specs" && seq -f 'feature-%05g' 1 "$n" | xargs mkdir -p)
  awk -v n="$n" -v dir="$dir/openspec/specs" 'BEGIN {
    for (i = 1; i <= n; i++) {
      id = sprintf("feature-%05d", i); f = dir "/" id "/spec.md"
      printf "# %s Specification\n\n## Purpose\nFeature %d does one thing well, as generated for the benchmark.\n\n", \
        id, i > f
      printf "## Requirements\n### Requirement: Input %d\nThe system SHALL accept input %d.\n\n", i, i > f
      printf "#### Scenario: accepted\n- **WHEN** input %d arrives\n- **THEN** it is accepted\n\n", i > f
      printf "### Requirement: Speed\nThe system SHALL answer within 100 ms.\n\n#### Scenario: fast\n" > f
      printf "- **WHEN** asked\n- **THEN** it answers within 100 ms\n" > f
      close(f)
    } }'
  touch "$dir/.bench-complete"
}

# hello_class DIR JAVAC: compiles a JVM hello world (class file for Java 17, so any later JDK runs it) into DIR.
hello_class() {
  local dir="$1" javac="$2"
  [[ -f "$dir/Hello.class" ]] && return 0
  mkdir -p "$dir"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    >"$dir/Hello.java"
  "$javac" --release 17 -d "$dir" "$dir/Hello.java"
}

# openspec_bin OUT: the path of OpenSpec's CLI, installed once into OUT/openspec from npm; empty without npm.
openspec_bin() {
  local bin="$1/openspec/node_modules/.bin/openspec"
  if [[ ! -x "$bin" ]] && command -v npm >/dev/null; then
    npm install --silent --prefix "$1/openspec" @fission-ai/openspec@1.13.2 >/dev/null 2>&1 || true
  fi
  [[ -x "$bin" ]] && echo "$bin" || true
}

# launcher_opts FACTORY_DIR: the JVM options every launch of that checkout's launcher shares (its opts=(...) line),
# without the archive options; the launcher's defaults of today when the line is not found.
launcher_opts() {
  local line
  line="$(grep -m1 -E '^opts=\(' "$1/factory" 2>/dev/null | sed -E 's/^opts=\((.*)\).*/\1/')"
  [[ -n "$line" ]] || line='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -Xshare:auto'
  tr ' ' '\n' <<<"$line" | grep -vE '^-Xlog:|SharedArchiveFile|AOTCache|^$' | tr '\n' ' '
}
