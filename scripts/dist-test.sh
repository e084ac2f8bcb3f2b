#!/usr/bin/env bash
# `make dist-test`: the tarball `make dist` wrote runs on its own (docs/install.md).
#
# No container runtime is usable here, so instead of a clean Debian machine the tarball is
# unpacked in a temporary folder and its binary run with an empty environment (no
# LD_LIBRARY_PATH, no toolchain on PATH). The test fails when `ldd` finds anything under the
# Swift toolchain's folder, a libcmark-gfm outside the tarball, or a library that is not libc's
# family; when the run path is anything but $ORIGIN/../lib; when --version does not print the
# stamped version and commit; and when check, build or serve on examples/northwind fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=$(scripts/dist-version.sh)
commit=$(scripts/dist-version.sh --commit)
name="bearing-$version-linux-$(uname -m)"
tarball="$root/dist/$name.tar.gz"
[ -f "$tarball" ] || { echo "dist-test: no $tarball (run make dist)" >&2; exit 1; }
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "${SWIFT:-swift}")")")")

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "dist-test: $*" >&2; exit 1; }

(cd "$root/dist" && sha256sum --quiet -c "$name.tar.gz.sha256") || fail "the checksum does not match"
tar -xzf "$tarball" -C "$work"
bearing="$work/$name/bin/bearing"
for file in share/man/man1/bearing.1 share/bash-completion/completions/bearing share/zsh/site-functions/_bearing \
            share/fish/vendor_completions.d/bearing.fish README.md CHANGELOG.md; do
  [ -s "$work/$name/$file" ] || fail "the tarball has no $file"
done
[ -n "$(ls "$work/$name/LICENSES")" ] || fail "the tarball has no licences"

# Only the tarball's own folders are searched besides the system's (SwiftPM adds $ORIGIN itself).
runpath=$(readelf -d "$bearing" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]/\2/p')
[[ ":$runpath:" == *':$ORIGIN/../lib:'* ]] || fail "run path '$runpath' lacks \$ORIGIN/../lib"
IFS=: read -ra entries <<<"$runpath"
for entry in "${entries[@]}"; do
  [[ "$entry" == '$ORIGIN'* ]] || fail "run path '$runpath' names $entry outside the tarball"
done

run() { (cd "$work" && env -i PATH=/usr/bin:/bin "$@"); }
libraries=$(run ldd "$bearing")
echo "$libraries"
if grep -F "$toolchain/lib/swift" <<<"$libraries"; then fail "the binary loads libraries from the toolchain ($toolchain/lib/swift)"; fi
if grep 'not found' <<<"$libraries"; then fail "a library is missing"; fi
while read -r soname _ path _; do
  case "$soname" in
    linux-vdso.so.*|/*ld-linux*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|libgcc_s.so.*|libstdc++.so.*) ;;
    libcmark-gfm*) [[ "$path" == "$work/$name/"* ]] || fail "$soname comes from $path, not the tarball" ;;
    *) fail "the binary needs $soname ($path), not libc's family" ;;
  esac
done <<<"$libraries"

# The version and commit stamped at build time.
stamped=$(run "$bearing" --version)
[ "$stamped" = "bearing $version ($commit)" ] || fail "--version printed '$stamped', expected 'bearing $version ($commit)'"

# check (the example's four deliberate warnings: status 0), build, serve; from the temporary folder.
kb="$root/examples/northwind"
run "$bearing" check "$kb" --today 2027-02-17 > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check failed"; }
grep -q "0 errors, 4 warnings" "$work/check.out" || { cat "$work/check.out"; fail "check did not find the four warnings"; }
run "$bearing" build "$kb" -o "$work/site" --today 2027-02-17 --quiet || fail "build failed"
[ -s "$work/site/index.html" ] || fail "build wrote no index.html"
pages=$(find "$work/site" -name '*.html' | wc -l)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec env -i PATH=/usr/bin:/bin "$bearing" serve "$kb" --port "$port" --today 2027-02-17 --quiet) &
server=$!
page=""
for _ in $(seq 1 100); do
  if page=$(python3 - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
print(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=2).read().decode())
PY
  ); then break; fi
  kill -0 "$server" 2>/dev/null || fail "serve exited before answering"
  sleep 0.2
done
grep -q "<html" <<<"$page" || fail "serve did not answer / with a page"
kill "$server" && wait "$server" 2>/dev/null || true
server=""

echo "dist-test: $name ($commit) runs alone: check, build ($pages pages), serve"
