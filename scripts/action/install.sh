#!/usr/bin/env bash
# The GitHub Action's first step (action.yml, docs/ci.md): puts a `bearing` on the runner.
#
# Downloads the release tarball of the version asked for and the runner's architecture,
# checks it against its .sha256 and unpacks it under $RUNNER_TEMP. When the release has no
# tarball for this runner (or `from-source` is true), it says so in the step's outputs and
# the action builds Bearing from its own checkout instead. A tarball whose checksum does not
# match fails the step: it is never run, and never replaced by a build from source.
#
# Reads (the action passes its inputs through the environment, never into the script):
#   BEARING_VERSION      `latest`, `action` (the action's own tag when it names a version,
#                        else latest) or a version (`1.2.0`, `v1.2.0`)
#   BEARING_FROM_SOURCE  `true` to skip the download
#   GH_TOKEN             the token for the GitHub API (gh reads it)
#   ACTION_REPOSITORY    owner/name of the action (github.action_repository)
#   ACTION_REF           the ref the workflow asked for (github.action_ref)
#   BEARING_RELEASES_URL where releases are downloaded from, instead of
#                        https://github.com/<repository>/releases (mirrors and tests)
# Writes to $GITHUB_OUTPUT: from-source (true/false), bin (the folder of the binary),
# version (the release's version, when one was downloaded); and bin to $GITHUB_PATH, so that
# the job's later steps can run `bearing` too.
set -euo pipefail

output() { echo "$1=$2" >> "$GITHUB_OUTPUT"; }
from_source() {
  echo "::notice::bearing: $1; building it from the action's source instead"
  output from-source true
  exit 0
}

if [ "${BEARING_FROM_SOURCE:-false}" = "true" ]; then
  from_source "from-source is true"
fi
case "${BEARING_FROM_SOURCE:-false}" in
  true|false) ;;
  *) echo "::error::bearing: from-source is '$BEARING_FROM_SOURCE': it takes true or false"; exit 2 ;;
esac

if [ "${RUNNER_OS:-Linux}" != "Linux" ]; then
  echo "::error::bearing: the action runs on Linux runners only (this one is $RUNNER_OS)"
  exit 2
fi
case "${RUNNER_ARCH:-$(uname -m)}" in
  X64|x86_64) arch=x86_64 ;;
  ARM64|aarch64) arch=aarch64 ;;
  *) from_source "no release is built for the architecture ${RUNNER_ARCH:-$(uname -m)}" ;;
esac

repository=${ACTION_REPOSITORY:-}
action_ref=${ACTION_REF:-}
# github.action_repository and github.action_ref can be empty in a composite action (GitHub's
# runner, issue 2473); the action's folder, …/_actions/<owner>/<name>/<ref>, names them too.
if [ -z "$repository" ] && [[ "${GITHUB_ACTION_PATH:-}" =~ /_actions/([^/]+)/([^/]+)/(.+)$ ]]; then
  repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
  action_ref=${action_ref:-${BASH_REMATCH[3]}}
fi
base_url=${BEARING_RELEASES_URL:-}
if [ -z "$base_url" ]; then
  # A local action (`uses: ./`) has no repository to download a release from.
  [ -n "$repository" ] || from_source "the action was not used from a GitHub repository"
  base_url="https://github.com/$repository/releases"
fi

# The version: a tag of the action that names one (v1.2.0), else the latest release.
version=${BEARING_VERSION:-action}
pinned=true
[ "$version" = "action" ] || [ "$version" = "latest" ] && pinned=false
if [ "$version" = "action" ]; then
  if [[ "$action_ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then version=$action_ref; else version=latest; fi
fi
if [ "$version" = "latest" ]; then
  if [ -z "${BEARING_RELEASES_URL:-}" ] && command -v gh >/dev/null; then
    tag=$(gh release view --repo "$repository" --json tagName --jq .tagName 2>/dev/null) || tag=""
  else
    # …/releases/latest redirects to …/releases/tag/<tag>.
    tag=$(curl "${curl_protocols[@]}" -fsSL --retry 3 -o /dev/null -w '%{url_effective}' "$base_url/latest" 2>/dev/null) || tag=""
    tag=${tag##*/tag/}
    case "$tag" in v[0-9]*) ;; *) tag="" ;; esac
  fi
  [ -n "$tag" ] || from_source "no release found at $base_url"
  version=$tag
fi
version=${version#v}
if ! [[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]]; then
  echo "::error::bearing: '$version' is not a version"
  exit 2
fi

# Downloads over https only (redirects included); the tests' local releases folder is a file: URL.
curl_protocols=(--proto '=https' --proto-redir '=https')
[ -n "${BEARING_RELEASES_URL:-}" ] && curl_protocols=(--proto '=https,file' --proto-redir '=https')

# A version asked for by number that cannot be downloaded is an error, not another version built
# from source; `latest` or the action's own tag falls back to building the action's source.
missing() {
  if [ "$pinned" = true ]; then
    echo "::error::bearing: $1 (asked for version $version): not installed"
    exit 1
  fi
  from_source "$1"
}

name="bearing-$version-linux-$arch"
downloads="$RUNNER_TEMP/bearing-download-$version-$arch"
install_root="$RUNNER_TEMP/bearing-$version-$arch"
bin="$install_root/$name/bin"

# A second use of the action in the same job finds the first one's.
if [ ! -x "$bin/bearing" ]; then
  rm -rf "$downloads" && mkdir -p "$downloads"
  if [ -z "${BEARING_RELEASES_URL:-}" ] && command -v gh >/dev/null; then
    gh release download "v$version" --repo "$repository" --dir "$downloads" \
      --pattern "$name.tar.gz" --pattern "$name.tar.gz.sha256" \
      || missing "release v$version has no $name.tar.gz"
  else
    for file in "$name.tar.gz" "$name.tar.gz.sha256"; do
      curl "${curl_protocols[@]}" -fsSL --retry 3 -o "$downloads/$file" "$base_url/download/v$version/$file" \
        || missing "release v$version has no $file"
    done
  fi
  if [ ! -f "$downloads/$name.tar.gz" ] || [ ! -f "$downloads/$name.tar.gz.sha256" ]; then
    missing "release v$version has no $name.tar.gz with its .sha256"
  fi

  # The hash the .sha256 gives for this tarball's name (and only that line), compared with the
  # tarball's own: a .sha256 naming another file (/dev/null) must not pass for this one.
  expected=$(awk -v file="$name.tar.gz" '$2 == file || $2 == "*" file { print $1; exit }' "$downloads/$name.tar.gz.sha256")
  actual=$(sha256sum "$downloads/$name.tar.gz" | cut -d ' ' -f 1)
  if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || [ "$expected" != "$actual" ]; then
    echo "::error::bearing: $name.tar.gz does not match its .sha256: not installed"
    exit 1
  fi
  rm -rf "$install_root" && mkdir -p "$install_root"
  tar -xzf "$downloads/$name.tar.gz" -C "$install_root"
  rm -rf "$downloads"
  if [ ! -x "$bin/bearing" ]; then
    echo "::error::bearing: $name.tar.gz has no $name/bin/bearing"
    exit 1
  fi
fi

echo "bearing $version ($arch) in $bin"
echo "$bin" >> "$GITHUB_PATH"
output from-source false
output bin "$bin"
output version "$version"
