#!/usr/bin/env bash
# The steps of Code-Factory's GitHub Action (action.yml): install a release, then `spec validate`, `trace --fail-on`
# and `review --sarif` in the project, each run whatever the one before it found, so the SARIF is there to upload
# even when validation fails. Exit status: the first failing step's (validate, trace, review), else 0.
#
# Read from the environment (action.yml maps its inputs; a local run sets them by hand):
#   FACTORY_ACTION_RELEASE        URL or path of a release archive (.tar.gz or .zip); empty: built from this source
#   FACTORY_ACTION_DIR            the project's folder (default .)
#   FACTORY_ACTION_VALIDATE       true or false (default true)
#   FACTORY_ACTION_TRACE_FAIL_ON  trace's --fail-on conditions, or none (default orphans)
#   FACTORY_ACTION_REVIEW         offline, model or none (default offline)
#   FACTORY_ACTION_REVIEW_FAIL_ON review's --fail-on severity (default: none, never fails)
#   FACTORY_ACTION_SHARD          review's --shard I/N (default: the whole review)
#   FACTORY_ACTION_SARIF          the SARIF file, relative to the project's folder (default factory.sarif)
# and GitHub's own RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY when they are set.
# Nothing read from a file or a model is evaluated: values go to factory as single arguments.
set -uo pipefail
# implements feature-014/FR-006

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_root="${here%/action}"
release="${FACTORY_ACTION_RELEASE:-}"
project="${FACTORY_ACTION_DIR:-.}"
validate="${FACTORY_ACTION_VALIDATE:-true}"
trace_fail_on="${FACTORY_ACTION_TRACE_FAIL_ON:-orphans}"
review="${FACTORY_ACTION_REVIEW:-offline}"
review_fail_on="${FACTORY_ACTION_REVIEW_FAIL_ON:-}"
shard="${FACTORY_ACTION_SHARD:-}"
sarif="${FACTORY_ACTION_SARIF:-factory.sarif}"

on_github() { [[ "${GITHUB_ACTIONS:-}" == true ]]; }
group() { if on_github; then echo "::group::$1"; else echo "== $1"; fi; }
endgroup() { if on_github; then echo "::endgroup::"; fi; }
# fail MESSAGE: an error that stops the action before any step ran (exit 3, as factory's own failures)
fail() {
  if on_github; then echo "::error title=Code-Factory::$1"; fi
  echo "factory-action: $1" >&2
  exit 3
}
output() { if [[ -n "${GITHUB_OUTPUT:-}" ]]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi; }

case "$validate" in true | false) ;; *) fail "validate is '$validate'; say true or false" ;; esac
case "$review" in offline | model | none) ;; *) fail "review is '$review'; say offline, model or none" ;; esac
if [[ -n "$shard" && ! "$shard" =~ ^[0-9]+/[0-9]+$ ]]; then fail "shard is '$shard'; say I/N, such as 2/4"; fi
[[ -d "$project" ]] || fail "working-directory '$project' is not a folder"

work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/factory-action.XXXXXX")" || fail "no temporary folder"

# --- install ---------------------------------------------------------------------------------------------------
group "Install Code-Factory"
if [[ -z "$release" ]]; then
  command -v mvn >/dev/null || fail "no release given and no Maven to build one; set the action's release input"
  echo "building the release from $source_root (no release input given)"
  if ! (cd "$source_root" && mvn -B -q -Dmaven.test.skip=true -pl factory-dist -am package) >"$work/build.log" 2>&1
  then
    tail -n 40 "$work/build.log" >&2
    fail "the release did not build (log above); set the action's release input to a published archive"
  fi
  for candidate in "$source_root"/factory-dist/target/factory-*.tar.gz; do
    [[ "$candidate" == *-linux-x64.tar.gz ]] || release="$candidate"
  done
  [[ -n "$release" ]] || fail "the build made no release archive in $source_root/factory-dist/target"
elif [[ "$release" == http://* || "$release" == https://* ]]; then
  name="release.tar.gz"
  [[ "$release" == *.zip ]] && name="release.zip"
  curl -fsSL --retry 3 -o "$work/$name" -- "$release" || fail "could not download $release"
  release="$work/$name"
fi
[[ -f "$release" ]] || fail "release '$release' is not a file"
mkdir "$work/unpacked"
case "$release" in
  *.zip) unzip -q "$release" -d "$work/unpacked" || fail "could not unpack $release" ;;
  *) tar -xzf "$release" -C "$work/unpacked" || fail "could not unpack $release" ;;
esac
tops=("$work"/unpacked/factory-*/)
[[ ${#tops[@]} -eq 1 && -x "${tops[0]}install.sh" ]] || fail "$release is not a Code-Factory release (no factory-*/install.sh)"
"${tops[0]}install.sh" --prefix "$work/prefix" || fail "the release did not install"
factory="$work/prefix/bin/factory"
"$factory" --version || fail "the installed factory does not run (it needs Java 17 or newer, or the -linux-x64 image)"
if [[ -n "${GITHUB_PATH:-}" ]]; then echo "$work/prefix/bin" >>"$GITHUB_PATH"; fi
endgroup

cd "$project" || fail "cannot enter $project"
steps=() statuses=()
# step NAME COMMAND...: runs one step, remembering its exit status
step() {
  local name="$1" status=0
  shift
  group "$name"
  "$@" || status=$?
  endgroup
  if ((status != 0)) && on_github; then echo "::error title=Code-Factory $name::exit $status"; fi
  steps+=("$name")
  statuses+=("$status")
}

if [[ "$validate" == true ]]; then step "spec validate" "$factory" spec validate; fi
if [[ "$trace_fail_on" != none ]]; then
  args=(trace --no-report)
  [[ -n "$trace_fail_on" ]] && args+=(--fail-on "$trace_fail_on")
  step "trace" "$factory" "${args[@]}"
fi
if [[ "$review" != none ]]; then
  mkdir -p "$(dirname "$sarif")"
  json="${sarif%.sarif}.json"
  [[ "$json" == "$sarif" ]] && json="$sarif.json"
  args=(review --yes --json --sarif "$sarif")
  [[ "$review" == offline ]] && args+=(--offline)
  [[ -n "$review_fail_on" ]] && args+=(--fail-on "$review_fail_on")
  [[ -n "$shard" ]] && args+=(--shard "$shard")
  review_step() { "$factory" "${args[@]}" >"$json"; }
  step "review" review_step
  if [[ -s "$sarif" ]]; then
    output sarif-file "$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"
    output review-json "$(cd "$(dirname "$json")" && pwd)/$(basename "$json")"
    echo "review: SARIF in $sarif, JSON in $json"
  fi
fi

first=0
summary="| step | exit |"$'\n'"|---|---|"
for i in "${!steps[@]}"; do
  summary+=$'\n'"| ${steps[$i]} | ${statuses[$i]} |"
  if ((first == 0 && statuses[i] != 0)); then first="${statuses[$i]}"; fi
done
printf '%s\n' "$summary"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then printf '### Code-Factory\n\n%s\n' "$summary" >>"$GITHUB_STEP_SUMMARY"; fi
exit "$first"
