#!/bin/bash
# Fills .build/corpus/<folder>/… with the corpus of real decision records that the corpus tests
# read (Tests/BearingCoreTests/Support/Corpus.swift looks at $BEARING_CORPUS, then ../shared/corpus
# beside the checkout, then .build/corpus). Run by `make corpus`; never by `make test`.
#
# Each public repository of the table below is cloned at its commit with a partial clone (no file
# contents until checkout), and only the files named in our own expected table
# Tests/BearingCoreTests/Fixtures/corpus/expected/<folder>.tsv are checked out (for
# kubernetes__enhancements also each KEP folder's sibling kep.yaml, where a KEP keeps its metadata).
# Files keep their paths and their bytes (CRLF too).
#
# Everything is fetched into a temporary folder under .build and moved into place only when every
# repository succeeded, so a failed run never leaves a half-filled corpus that the tests would take
# for a whole one (an earlier complete .build/corpus stays as it was). A repository that cannot be
# fetched gets one line on stderr, and the script exits non-zero.
#
#   scripts/fetch-corpus.sh           fetch into .build/corpus (replacing an earlier one)
#   scripts/fetch-corpus.sh --list    print folder, repository, commit and path of every file; no network
set -euo pipefail

cd "$(dirname "$0")/.."

readonly EXPECTED=Tests/BearingCoreTests/Fixtures/corpus/expected
readonly DEST=.build/corpus

# folder, source repository (github.com/OWNER/NAME), commit the expected tables were written against.
readonly REPOSITORIES='
adr__madr                              adr/madr                              11807d877dbc
thomvaill__log4brains                  thomvaill/log4brains                  37187fc8e0cd
npryce__adr-tools                      npryce/adr-tools                      b3279baf9be2
JabRef__jabref                         JabRef/jabref                         edbf3b13ad28
ethereum__EIPs                         ethereum/EIPs                         f767a1e8078e
alphagov__govuk-aws                    alphagov/govuk-aws                    81ee9f6e91fd
swiftlang__swift-evolution             swiftlang/swift-evolution             0105e139a229
nats-io__nats-architecture-and-design  nats-io/nats-architecture-and-design  f5f5126268f8
golang__proposal                       golang/proposal                       f6e2e6b7f89c
NixOS__rfcs                            NixOS/rfcs                            c655bdaab40f
open-telemetry__oteps                  open-telemetry/oteps                  67dc8ec420cf
reactjs__rfcs                          reactjs/rfcs                          c15bc9df5afa
kubernetes__enhancements               kubernetes/enhancements               64765b4b0238
cometbft__cometbft                     cometbft/cometbft                     5bba72c14f2b
'

list=false
case "${1:-}" in
  "") ;;
  --list) list=true ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "fetch-corpus: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

# The paths inside the repository to check out for one folder: the first column of its expected
# table without the `<folder>/` prefix (not the header, not `#` comments, not blank lines).
paths_of() {
  local folder=$1 path
  tail -n +2 "$EXPECTED/$folder.tsv" | tr -d '\r' | while IFS=$'\t' read -r path _; do
    [[ -z "$path" || "$path" == \#* ]] && continue
    if [[ "$path" != "$folder/"* ]]; then
      echo "fetch-corpus: $EXPECTED/$folder.tsv: '$path' does not start with '$folder/'" >&2
      return 1
    fi
    path=${path#"$folder/"}
    echo "$path"
    if [[ "$folder" == kubernetes__enhancements && "$path" == */README.md ]]; then
      echo "${path%/README.md}/kep.yaml"
    fi
  done
}

# The table and the expected tables must name the same folders.
folders=()
while read -r folder _; do
  [[ -n "$folder" ]] && folders+=("$folder")
done <<< "$REPOSITORIES"
for tsv in "$EXPECTED"/*.tsv; do
  folder=$(basename "$tsv" .tsv)
  if ! grep -q "^$folder " <<< "$REPOSITORIES"; then
    echo "fetch-corpus: $tsv has no repository in the table of $0" >&2
    exit 1
  fi
done
for folder in "${folders[@]}"; do
  [[ -f "$EXPECTED/$folder.tsv" ]] || { echo "fetch-corpus: no expected table $EXPECTED/$folder.tsv" >&2; exit 1; }
done

if $list; then
  while read -r folder repository commit; do
    [[ -z "$folder" ]] && continue
    paths_of "$folder" | while read -r path; do printf '%s\t%s\t%s\t%s\n' "$folder" "$repository" "$commit" "$path"; done
  done <<< "$REPOSITORIES"
  exit 0
fi

command -v git >/dev/null || { echo "fetch-corpus: git is not installed" >&2; exit 1; }

mkdir -p .build
stage=$(mktemp -d "$PWD/.build/corpus.partial.XXXXXX")
trap 'rm -rf "$stage"' EXIT
trap 'exit 130' INT TERM
mkdir "$stage/clones" "$stage/corpus"

export GIT_TERMINAL_PROMPT=0   # a missing or private repository fails instead of asking for a password
# Bytes as stored (no CRLF conversion), pathspecs taken literally, no background maintenance
# (it would outlive the script), and give up on a stalled connection.
git_() {
  git -c core.autocrlf=false -c advice.detachedHead=false -c gc.auto=0 -c maintenance.auto=false \
      -c http.lowSpeedLimit=1000 -c http.lowSpeedTime=60 --literal-pathspecs "$@"
}

# Clones one repository into $stage/clones/<folder> and checks out its files at the commit into
# $stage/corpus/<folder> (a work tree of their own, with no .git). Prints what it did on stdout, or
# the reason it could not, and then returns non-zero.
fetch_one() {
  local folder=$1 repository=$2 commit=$3
  local clone="$stage/clones/$folder" target="$stage/corpus/$folder"
  local log="$stage/$folder.log" paths="$stage/$folder.paths" full missing
  paths_of "$folder" > "$paths" 2> "$log" || { tail -n 1 "$log"; return 1; }
  if ! git_ clone --filter=blob:none --no-checkout --quiet "https://github.com/$repository" "$clone" > "$log" 2>&1; then
    echo "git clone failed: $(grep -m 1 -E '^(fatal|error):' "$log" || tail -n 1 "$log")"
    return 1
  fi
  if ! full=$(git_ -C "$clone" rev-parse --verify --quiet "$commit^{commit}"); then
    echo "commit $commit is not in the repository"
    return 1
  fi
  mkdir -p "$target"
  if ! git_ -C "$clone" --work-tree="$target" checkout --quiet "$full" --pathspec-from-file="$paths" > "$log" 2>&1; then
    echo "git checkout failed: $(grep -m 1 -E '^(fatal|error):' "$log" || tail -n 1 "$log")"
    return 1
  fi
  missing=$(while read -r path; do [[ -f "$target/$path" ]] || echo "$path"; done < "$paths")
  if [[ -n "$missing" ]]; then
    echo "$(wc -l <<< "$missing") of its files are not files at that commit, first $(head -n 1 <<< "$missing")"
    return 1
  fi
  rm -rf "$clone"
  echo "$(wc -l < "$paths") files"
}

failed=0
while read -r folder repository commit; do
  [[ -z "$folder" ]] && continue
  if outcome=$(fetch_one "$folder" "$repository" "$commit"); then
    echo "fetched $folder: $repository at $commit, $outcome"
  else
    echo "fetch-corpus: could not fetch $folder (https://github.com/$repository at $commit): $outcome" >&2
    failed=$((failed + 1))
  fi
done <<< "$REPOSITORIES"

if (( failed > 0 )); then
  if [[ -d "$DEST" ]]; then kept="$DEST is left as it was"; else kept="$DEST was not created, so the corpus tests will be skipped"; fi
  echo "fetch-corpus: $failed of ${#folders[@]} repositories could not be fetched; $kept" >&2
  exit 1
fi

rm -rf "$DEST.old"
[[ -e "$DEST" ]] && mv "$DEST" "$DEST.old"
mv "$stage/corpus" "$DEST"
rm -rf "$DEST.old"
echo "corpus: $(find "$DEST" -type f | wc -l) files in $DEST"
