#!/usr/bin/env bash
# Prints the version `make dist` stamps and names its tarball after (docs/install.md):
# the latest tag vX.Y.Z reachable from HEAD without its `v` (`1.2.0` on the tag itself,
# `1.2.0-3-gabc1234` three commits after it), else the next release's version from
# Sources/bearing/Bearing.swift with `-dev`. `--commit` prints the short hash of HEAD instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--commit" ]; then
  git rev-parse --short HEAD
  exit 0
fi

if described=$(git describe --tags --match 'v[0-9]*' 2>/dev/null); then
  echo "${described#v}"
  exit 0
fi
base=$(sed -n 's/^ *static let baseVersion = "\([^"]*\)".*/\1/p' Sources/bearing/Bearing.swift)
if [ -z "$base" ]; then
  echo "dist-version: no 'static let baseVersion = \"…\"' in Sources/bearing/Bearing.swift" >&2
  exit 2
fi
echo "$base-dev"
