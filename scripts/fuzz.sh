#!/usr/bin/env bash
# `make fuzz` / `make fuzz-smoke` (docs/security.md): builds the libFuzzer targets of Fuzz/
# into .build-fuzz and runs each for FUZZ_SECONDS (default 600), then prints one line of figures
# per target. Crashes, timeouts and out-of-memory inputs are saved under .build-fuzz/artifacts/TARGET/;
# the grown corpus stays in .build-fuzz/corpus/TARGET/ for the next run. Exit status 1 when a run
# saved a new artifact.
#
#   FUZZ_SECONDS=600  seconds per target          FUZZ_TARGETS="fuzz-document ..."  which targets
#   FUZZ_TIMEOUT=2    seconds per input (SPEC §9)  FUZZ_RSS_MB=2048  memory per process
#   FUZZ_MAX_LEN=65536 bytes per input             FUZZ_JOBS=1  processes (libFuzzer -fork)
#
# FUZZ_SMOKE=1 (`make fuzz-smoke`, run by CI) is deterministic instead: each target runs a fixed
# number of inputs from a fixed seed (-seed=1 -runs=N), from the seeds alone into a fresh corpus,
# in one process, so a run that passes here passes on any machine with the same toolchain; any
# crash, timeout or out-of-memory input fails it (exit 1), its input saved as smoke-* artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-600}
targets=${FUZZ_TARGETS:-fuzz-document fuzz-front-matter fuzz-query}
timeout=${FUZZ_TIMEOUT:-2}
rss=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-65536}
jobs=${FUZZ_JOBS:-1}
scratch=.build-fuzz
swift=${SWIFT:-swift}
# Swift's own crash handler would catch the trap first: libFuzzer must see it to save the input.
export SWIFT_BACKTRACE=enable=no

# Every module instrumented (Swift and C: libyaml); lld, as gold fails on the instrumented tool.
build_flags=(-c release --package-path Fuzz --scratch-path "$scratch"
             -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld)
echo "== building the fuzz targets (swift build ${build_flags[*]})"
"$swift" build "${build_flags[@]}" 2>&1 | grep -E 'error|warning: unre|Compiling|Build' | grep -v '^\[' || true
bin=$("$swift" build "${build_flags[@]}" --show-bin-path)
for target in $targets; do
  [ -x "$bin/$target" ] || { echo "error: $bin/$target was not built"; exit 2; }
done

# Seeds: the checked-in ones (Fuzz/seeds), the example's and the test fixtures' Markdown and YAML.
# fuzz-document's first byte chooses the input's folder (FuzzKnowledgeBase.paths): each file is
# given the byte of its own folder.
seed_files() { find examples Tests -type f \( -name "$1" \) -size -32k 2>/dev/null | LC_ALL=C sort; }
prefix_of() {
  case "$1" in
    */goals/*) printf '\x00' ;; */decisions/*) printf '\x01' ;; */briefs/*) printf '\x02' ;;
    */adr/*|*/docs/*) printf '\x04' ;; */README.md) printf '\x05' ;; *CHANGELOG*) printf '\x06' ;;
    */rfcs/*|*/keps/*|*/enhancements/*) printf '\x07' ;; *) printf '\x03' ;;
  esac
}
make_seeds() {
  local target=$1 dir=$scratch/seeds/$1
  rm -rf "$dir"; mkdir -p "$dir"
  cp Fuzz/seeds/"$target"/* "$dir"/
  local n=0
  case "$target" in
    fuzz-document)
      while IFS= read -r file; do n=$((n + 1)); { prefix_of "$file"; cat "$file"; } > "$dir/md-$n"; done < <(seed_files '*.md') ;;
    fuzz-front-matter)
      while IFS= read -r file; do n=$((n + 1)); cp "$file" "$dir/md-$n"; done < <(seed_files '*.md' | head -150)
      while IFS= read -r file; do n=$((n + 1)); cp "$file" "$dir/yml-$n"; done < <(seed_files '*.yml') ;;
  esac
}
dictionary_of() {
  case "$1" in fuzz-document) echo markdown ;; fuzz-front-matter) echo yaml ;; fuzz-query) echo query ;; esac
}

if [ "${FUZZ_SMOKE:-}" = 1 ]; then
  failed=0
  for target in $targets; do
    make_seeds "$target"
    case "$target" in fuzz-document) runs=1500 ;; fuzz-front-matter) runs=20000 ;; *) runs=50000 ;; esac
    corpus=$(mktemp -d)
    artifacts=$scratch/artifacts/$target
    mkdir -p "$artifacts" "$scratch/logs"
    log=$scratch/logs/$target-smoke.log
    echo "== $target: $runs inputs from seed 1 (log: $log)"
    if "$bin/$target" "$corpus" "$scratch/seeds/$target" -seed=1 -runs="$runs" \
         -dict="Fuzz/dictionaries/$(dictionary_of "$target").dict" -timeout="$timeout" -rss_limit_mb="$rss" \
         -malloc_limit_mb="$rss" -max_len="$max_len" -artifact_prefix="$artifacts/smoke-" -print_final_stats=1 > "$log" 2>&1; then
      grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -1 || true
    else
      echo "error: $target failed on an input (saved under $artifacts/smoke-*); the end of its log:"
      tail -30 "$log"
      failed=1
    fi
    rm -rf "$corpus"
  done
  exit "$failed"
fi

mkdir -p "$scratch/logs"
touch "$scratch/.fuzz-start"
summary=$scratch/fuzz-summary.txt
{ echo "# bearing fuzz: ${seconds}s per target, -timeout=$timeout -rss_limit_mb=$rss -max_len=$max_len, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  printf '%-18s %8s %12s %8s %7s %7s %7s %s\n' target seconds executions exec/s cov ft corpus artifacts; } > "$summary"
new_artifacts=0
for target in $targets; do
  make_seeds "$target"
  corpus=$scratch/corpus/$target
  artifacts=$scratch/artifacts/$target
  log=$scratch/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  before=$(ls "$artifacts" | wc -l)
  echo "== $target for ${seconds}s (log: $log)"
  start=$(date +%s)
  # -fork keeps fuzzing after a crash (each is saved); -ignore_* count them instead of stopping.
  "$bin/$target" "$corpus" "$scratch/seeds/$target" \
    -dict="Fuzz/dictionaries/$(dictionary_of "$target").dict" -max_total_time="$seconds" -timeout="$timeout" \
    -rss_limit_mb="$rss" -malloc_limit_mb="$rss" -max_len="$max_len" -artifact_prefix="$artifacts/" \
    -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -print_final_stats=1 > "$log" 2>&1 || true
  elapsed=$(( $(date +%s) - start ))
  # The last status line of the fork's parent: "#N: cov: C ft: F corp: K exec/s: E oom/timeout/crash: ..."
  line=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 || true)
  executions=$(sed -E 's/^#([0-9]+):.*/\1/' <<< "$line")
  cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<< "$line")
  ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<< "$line")
  corp=$(sed -E 's/.* corp: ([0-9]+).*/\1/' <<< "$line")
  after=$(ls "$artifacts" | wc -l)
  new=$((after - before)); new_artifacts=$((new_artifacts + new))
  rate=$(( elapsed > 0 && ${executions:-0} > 0 ? executions / elapsed : 0 ))
  printf '%-18s %8s %12s %8s %7s %7s %7s %s\n' "$target" "$elapsed" "${executions:-?}" "$rate" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
    "$new new ($(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 | sed -E 's/.*(oom\/timeout\/crash: [0-9\/]+).*/\1/'))" >> "$summary"
done
echo; cat "$summary"
if [ "$new_artifacts" -gt 0 ]; then
  echo "new artifacts (reproduce: $bin/TARGET FILE):"; find "$scratch/artifacts" -type f -newer "$scratch/.fuzz-start" -print 2>/dev/null | head -40
  exit 1
fi
