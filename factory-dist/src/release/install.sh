#!/usr/bin/env bash
# install.sh: installs this unpacked Code-Factory release for one user, no root needed.
#   ./install.sh [--prefix DIR]     copies it to DIR/lib/factory/VERSION/, links DIR/bin/factory to its launcher and
#                                   its man pages into DIR/share/man/man1/ (DIR defaults to ~/.local)
#   ./install.sh --uninstall [--prefix DIR]
#                                   removes exactly what the install made (listed in DIR/lib/factory/VERSION.installed)
# Works for both archives (factory-VERSION and factory-VERSION-linux-x64). Exit 0 on success, 1 on refusal or
# failure, 2 on a usage error.
set -euo pipefail
# implements feature-014/FR-004

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
prefix="${HOME:?HOME is not set}/.local" uninstall=0
while (($#)); do
  case "$1" in
    --prefix) (($# >= 2)) || usage; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[[ -n "$prefix" ]] || usage
[[ "$prefix" == /* ]] || prefix="$PWD/$prefix"

from="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -r "$from/VERSION" && -f "$from/lib/factory-cli.jar" && -f "$from/bin/factory" ]] \
  || { echo "install.sh: run me from an unpacked release (VERSION, bin/factory, lib/ beside me)" >&2; exit 1; }
version="$(<"$from/VERSION")"
[[ "$version" =~ ^[0-9A-Za-z._-]+$ ]] || { echo "install.sh: unreadable VERSION file" >&2; exit 1; }
home="$prefix/lib/factory/$version"
manifest="$prefix/lib/factory/$version.installed"
link="$prefix/bin/factory"

# remove: undoes an install from its manifest (lines "tree PATH": the release's copy; "link PATH": a link it made;
# "dir PATH": a folder it made, removed last and only if empty, deepest first)
remove() {
  local kind path dirs=()
  while IFS=' ' read -r kind path; do
    case "$kind" in
      tree) rm -rf -- "$path" ;;
      link) # only while it still points into this install (another version's install may have taken it over)
        if [[ -L "$path" && "$(readlink -- "$path")" == "$home"/* ]]; then rm -f -- "$path"; fi ;;
      dir) dirs=("$path" "${dirs[@]}") ;;
    esac
  done <"$manifest"
  rm -f -- "$manifest"
  for path in "${dirs[@]}"; do rmdir -- "$path" 2>/dev/null || true; done
}

if ((uninstall)); then
  [[ -f "$manifest" ]] || { echo "install.sh: Code-Factory $version is not installed in $prefix" >&2; exit 1; }
  remove
  echo "Code-Factory $version removed from $prefix"
  exit 0
fi

if [[ -e "$link" || -L "$link" ]] && [[ ! -L "$link" ]]; then
  echo "install.sh: $link exists and is not a link this script made; remove it or choose another --prefix" >&2
  exit 1
fi
# an earlier install of this version is replaced
if [[ -f "$manifest" ]]; then remove; fi

record=()
# made DIR: creates DIR and its missing parents, recording each one it made
made() {
  local missing=() dir="$1"
  while [[ ! -d "$dir" ]]; do missing=("$dir" "${missing[@]}"); dir="${dir%/*}"; done
  for dir in "${missing[@]}"; do mkdir -- "$dir" && record+=("dir $dir"); done
}
made "$prefix/lib/factory"
made "$prefix/bin"
# the release itself, without a start-up archive made in it (the launcher makes one for the new place)
mkdir -- "$home"
record+=("tree $home")
printf '%s\n' "${record[@]}" >"$manifest"
(cd "$from" && tar -cf - --exclude=./cds .) | (cd "$home" && tar -xf -)
ln -sfn -- "$home/bin/factory" "$link"
record+=("link $link")
if compgen -G "$home/man/man1/*.1" >/dev/null; then
  made "$prefix/share/man/man1"
  for page in "$home"/man/man1/*.1; do
    ln -sfn -- "$page" "$prefix/share/man/man1/${page##*/}"
    record+=("link $prefix/share/man/man1/${page##*/}")
  done
fi
printf '%s\n' "${record[@]}" >"$manifest"

echo "Code-Factory $version installed in $home"
echo "  command:   $link"
case ":$PATH:" in
  *":$prefix/bin:"*) echo "  $prefix/bin is on your PATH: run 'factory --version'" ;;
  *) echo "  $prefix/bin is NOT on your PATH: add 'export PATH=\"$prefix/bin:\$PATH\"' to your shell's profile" ;;
esac
echo "  uninstall: $home/install.sh --uninstall --prefix $prefix"
