#!/usr/bin/env bash
# Run the whole a3_nb test suite and print a closing line "N passed, M failed".
#
#   bash tests/run_tests.sh                      # every notebook (nbdev-test, default flags) + pytest files in tests/
#   A3_TEST_FLAGS="slow" bash tests/run_tests.sh # also run cells marked `#| slow` (space-separated flags)
#   A3_TEST_JOBS=1 bash tests/run_tests.sh       # units run in parallel, 2 at a time by default
#   bash tests/run_tests.sh nbs/hub.ipynb tests/test_docs_browser.py   # only these units
#
# A "unit" is one notebook (run alone with `nbdev-test <notebook>`, in its own process, since nbdev-test
# only prints "Success." or the failure) or one tests/test_*.py file (run with `pytest -q <file>`; pytest's
# exit code 5, "no tests collected", counts as passed). N and M count units. The exit code is non-zero
# when any unit failed; each failing unit's log is printed before the closing line.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
FLAGS="${A3_TEST_FLAGS:-}"
JOBS="${A3_TEST_JOBS:-2}"
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/a3-tests.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT

if [ $# -gt 0 ]; then units=("$@")
else
  units=()
  for f in nbs/*.ipynb; do [ -e "$f" ] && units+=("$f"); done
  for f in tests/test_*.py; do [ -e "$f" ] && units+=("$f"); done
fi
if [ ${#units[@]} -eq 0 ]; then echo "no notebooks or tests found"; echo "0 passed, 0 failed"; exit 1; fi

run_unit() {  # $1 = unit path; writes $LOGS/<name>.log and $LOGS/<name>.rc
  local unit=$1 name rc start
  name=$(echo "$unit" | tr '/' '_')
  start=$(date +%s)
  case "$unit" in
    *.ipynb) if [ -n "$FLAGS" ]; then nbdev-test "$unit" --flags "$FLAGS" >"$LOGS/$name.log" 2>&1
             else nbdev-test "$unit" >"$LOGS/$name.log" 2>&1; fi; rc=$? ;;
    *.py)    python -m pytest -q -p no:cacheprovider "$unit" >"$LOGS/$name.log" 2>&1; rc=$?
             [ $rc -eq 5 ] && rc=0 ;;   # no tests collected
    *)       echo "unknown unit $unit" >"$LOGS/$name.log"; rc=1 ;;
  esac
  echo $rc >"$LOGS/$name.rc"
  if [ $rc -eq 0 ]; then echo "ok     $unit ($(( $(date +%s) - start )) s)"
  else echo "FAILED $unit ($(( $(date +%s) - start )) s)"; fi
}
export -f run_unit
export LOGS FLAGS ROOT

echo "a3_nb tests: ${#units[@]} units, $JOBS at a time${FLAGS:+, flags: $FLAGS}"
t0=$(date +%s)
printf '%s\n' "${units[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_unit "$@"' _ {}

passed=0; failed=0
for unit in "${units[@]}"; do
  name=$(echo "$unit" | tr '/' '_')
  if [ "$(cat "$LOGS/$name.rc" 2>/dev/null)" = "0" ]; then passed=$((passed+1))
  else
    failed=$((failed+1))
    echo; echo "===== log of failed unit $unit ====="; tail -n 60 "$LOGS/$name.log"
  fi
done
echo "total time: $(( $(date +%s) - t0 )) s"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
