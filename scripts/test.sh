#!/bin/sh
# test.sh - the whole test suite, as CI runs it: installs what is missing, builds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs `make check` (Check unit tests,
# CLI tests, golden extraction tests, a real Virtuoso on loopback), then `make distcheck`.
# The last line is the totals: "N passed, N failed". Safe to re-run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh scripts/deps.sh || { echo "test: could not install dependencies" >&2; echo "0 passed, 1 failed"; exit 1; }
./autogen.sh >/dev/null 2>&1 || { echo "test: autogen.sh failed" >&2; echo "0 passed, 1 failed"; exit 1; }

jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
status=0
RDF_VALIDATOR_MODULES="$top/tests/node"; export RDF_VALIDATOR_MODULES

mkdir -p _build/asan
(cd _build/asan && ../../configure -q --enable-sanitizers && make -s -j"$jobs" &&
   make -s -j"$jobs" check) >"$log" 2>&1 || status=1
cat "$log"
pass=$(sed -n 's/^# PASS: *//p' "$log" | awk '{s+=$1} END {print s+0}')
fail=$(sed -n 's/^# \(FAIL\|ERROR\|XPASS\): *//p' "$log" | awk '{s+=$1} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
  fail=1 # the build itself failed
  for f in _build/asan/tests/*.log _build/asan/tests/cli/*.log; do
    [ -f "$f" ] && grep -l '^:test-result: FAIL' "${f%.log}.trs" 2>/dev/null && cat "$f"
  done
fi
if [ "$status" -ne 0 ]; then
  for t in $(find _build/asan -name '*.trs' -exec grep -l -E '^:test-result: (FAIL|ERROR)' {} +); do
    echo "==== ${t%.trs}.log"; cat "${t%.trs}.log"
  done
fi

# distcheck: a tarball that builds, tests, installs and uninstalls cleanly
mkdir -p _build/dist
if (cd _build/dist && { [ -f Makefile ] || ../../configure -q; } && make -s -j"$jobs" distcheck) >"$log" 2>&1; then
  echo "distcheck: ok"
  pass=$((pass + 1))
else
  tail -60 "$log"
  echo "distcheck: FAILED"
  fail=$((fail + 1)); status=1
fi
rm -f "$log"
echo "$pass passed, $fail failed"
[ "$status" -eq 0 ] && [ "$fail" -eq 0 ]
