#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for SECONDS each (two at a time),
# starting from its seed corpus tests/fuzz/corpus/<target>/, and prints each
# target's executions, coverage (libFuzzer's cov: edges, ft: features) and
# corpus size. Exit status 1 when any target crashed, leaked, hung or broke a
# FUZZ_CHECK; the reproducer is left in BUILD/fuzz-artifacts/.
#
#   scripts/fuzz-campaign.sh                       # long campaign: 600 s per target in build/fuzz
#   scripts/fuzz-campaign.sh --seconds 3600 fuzz_server_api fuzz_dialogue
#   scripts/fuzz-campaign.sh --build build/asan --seconds 5   # what scripts/test-sanitizers.sh runs
#   (--no-build: run the targets as they are built; --jobs N: targets at once)
#
# New inputs the fuzzer finds are kept in BUILD/fuzz-corpus/<target>/ (never
# in the repository); to add the interesting ones to the seeds:
#   BUILD/tests/fuzz/T -merge=1 tests/fuzz/corpus/T BUILD/fuzz-corpus/T
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/fuzz
seconds=600
jobs=$(nproc 2>/dev/null || echo 2)
targets=()
build_first=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --no-build) build_first=0; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if [ ! -f "$build/CMakeCache.txt" ] || ! grep -q '^SUPPORT_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    -DSUPPORT_SANITIZE=ON -DSUPPORT_FUZZ=ON -DSUPPORT_WERROR=OFF >/dev/null
fi
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
[ $build_first -eq 0 ] || cmake --build "$build" -j "$jobs" --target "${targets[@]}"

logs="$build/fuzz-logs" artifacts="$build/fuzz-artifacts"
mkdir -p "$logs" "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-14/bin/llvm-symbolizer}

run_one() {
  local t=$1 work="$build/fuzz-corpus/$1" seeds="tests/fuzz/corpus/$1"
  mkdir -p "$work" "$seeds"
  # -timeout: one input running longer is a hang (quadratic scans show up here).
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t-" "$work" "$seeds" >"$logs/$t.log" 2>&1
}
export -f run_one
export build seconds logs artifacts

started=$(date +%s)
status=0
rm -f "$logs/failed"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {} || echo {} >>"$logs/failed"' || true
printf '%-24s %12s %8s %8s %8s %10s  %s\n' target executions exec/s cov ft corpus result
for t in "${targets[@]}"; do
  log="$logs/$t.log"
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  last=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
  line=${done_line:-$last}
  execs=$(sed -nE 's/.*stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+)[[:space:]].*/\1/p' <<<"$line")
  rate=$(sed -nE 's/.*stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$line")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$line")
  corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$line")
  if grep -qx "$t" "$logs/failed" 2>/dev/null; then
    result="FAILED ($log)"
    status=1
  else
    result=ok
  fi
  printf '%-24s %12s %8s %8s %8s %10s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
for t in $(cat "$logs/failed" 2>/dev/null); do
  echo "---- $t: $logs/$t.log"
  grep -E 'ERROR|FUZZ_CHECK|SUMMARY|Test unit written|DEATH|timeout|==[0-9]+==|^    #[0-9]' "$logs/$t.log" | head -40
done
rm -f "$logs/failed"
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $(( $(date +%s) - started ))s in all"
exit $status
