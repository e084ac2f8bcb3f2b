#!/usr/bin/env bash
# The GitHub Action's last step (action.yml, docs/ci.md): runs one Bearing command on the
# knowledge base and turns its exit status into the step's result.
#
#   bearing <command> <kb> [--fail-on …|--strict] [-o <report>] <args…>
#   bearing diff -C <kb> [--fail-on …] [-o <report>] <args…>
#
# Reads (the action passes its inputs through the environment, never into the script):
#   BEARING          the binary
#   BEARING_COMMAND  the command: check, build, report, diff, digest, …
#   BEARING_KB       the knowledge base folder
#   BEARING_ARGS     more arguments, split at white space (no quoting: an argument with a
#                    space in it goes on a line of its own, and then each line is one argument)
#   BEARING_FAIL_ON  errors, warnings or none (see below)
#   BEARING_SUMMARY  true: a Markdown report is also added to the run's summary
# Writes to $GITHUB_OUTPUT: exit-code, and report (the file or folder written with -o).
#
# fail-on: `errors` and `warnings` become `--fail-on` for build and diff and, for check,
# nothing and `--strict`: the step fails on exit 1. With `none`, build and diff still get
# `--fail-on errors`, and exit 1 leaves a warning on the run instead of failing the step.
# Exit 2 (usage error, unreadable knowledge base, unknown revision) always fails it.
set -euo pipefail

output() { echo "$1=$2" >> "$GITHUB_OUTPUT"; }
fail() { echo "::error::bearing: $1"; exit 2; }

command=${BEARING_COMMAND:-check}
kb=${BEARING_KB:-.}
fail_on=${BEARING_FAIL_ON:-errors}
# Only the commands that read a knowledge base and end: `serve` and `lsp` would hold the job,
# `init`, `new`, `status` and `adopt` write the checkout.
case "$command" in
  check|report|build|digest|diff|export|graph|schema) ;;
  *) fail "'$command' is not a command the action runs (check, report, build, digest, diff, export, graph, schema)" ;;
esac
case "$fail_on" in errors|warnings|none) ;; *) fail "fail-on is '$fail_on': it takes errors, warnings or none" ;; esac

# The extra arguments: one a line when there are several lines, else split at white space. The
# line break a YAML block (`args: |`) ends with does not make one line of several arguments.
extra=()
args=${BEARING_ARGS:-}
while [[ "$args" == *$'\n' ]]; do args=${args%$'\n'}; done
if [[ "$args" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    [ -z "$line" ] || extra+=("$line")
  done <<< "$args"
else
  read -r -a extra <<< "$args"
fi

# What the arguments already say: an output (-o, --output) and a format.
report="" format=""
for ((i = 0; i < ${#extra[@]}; i++)); do
  case "${extra[i]}" in
    -o|--output) report=${extra[i + 1]:-} ;;
    --output=*) report=${extra[i]#--output=} ;;
    --format) format=${extra[i + 1]:-} ;;
    --format=*) format=${extra[i]#--format=} ;;
  esac
done

arguments=("$command")
case "$command" in
  diff) arguments+=(-C "$kb") ;;
  *) arguments+=("$kb") ;;
esac
case "$command" in
  check) [ "$fail_on" != "warnings" ] || arguments+=(--strict) ;;
  build|diff) if [ "$fail_on" = "none" ]; then arguments+=(--fail-on errors); else arguments+=(--fail-on "$fail_on"); fi ;;
esac
# The documents for people get a file of their own, unless the arguments name one or ask
# for annotations (which go to standard output, where GitHub reads them).
case "$command" in
  report|diff|digest)
    if [ -z "$report" ] && [ "$format" != "github" ]; then
      report="$RUNNER_TEMP/bearing-$command.${format:-md}"
      arguments+=(-o "$report")
    fi ;;
esac
arguments+=("${extra[@]}")

echo "bearing ${arguments[*]}"
status=0
"$BEARING" "${arguments[@]}" || status=$?
output exit-code "$status"
output report "$report"

if [ "$status" -le 1 ] && [ "${BEARING_SUMMARY:-true}" = "true" ] && [[ "$report" == *.md ]] && [ -f "$report" ]; then
  cat "$report" >> "$GITHUB_STEP_SUMMARY"
fi

if [ "$status" -eq 1 ] && [ "$fail_on" = "none" ]; then
  what="the knowledge base has errors"
  [ "$command" != "diff" ] || what="the change adds errors"
  echo "::warning::bearing $command: $what (exit 1); the step goes on, as fail-on is none"
  exit 0
fi
exit "$status"
