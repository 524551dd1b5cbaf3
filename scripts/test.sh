#!/usr/bin/env bash
# Restores, builds and runs every test project, then prints one last line:
#   N passed, N failed[, N skipped]
# Counts come from the TRX result files the test runs write, so they are exact.
set -uo pipefail
cd "$(dirname "$0")/.."

results=.test-results
rm -rf "$results"; mkdir -p "$results"

if [ -f scripts/js-setup.sh ]; then bash scripts/js-setup.sh || { echo "0 passed, 1 failed (JS tooling setup failed)"; exit 1; }; fi

dotnet restore Rollup.sln --nologo -v q || { echo "0 passed, 1 failed (restore failed)"; exit 1; }
dotnet build Rollup.sln -c Release --no-restore --nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed (build failed)"; exit 1; }

# Tests tagged [Trait("Category", "Slow")] (none at present; the full gadget set's proof on 2^17 rows was one until it
# fit 2^12) stay out of the default run to keep `make test` within CI's budget; ROLLUP_SLOW_TESTS=1 (`make test-slow`)
# runs them too.
filter=(--filter "Category!=Slow")
[ "${ROLLUP_SLOW_TESTS:-0}" = "1" ] && filter=()

status=0
for proj in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" -c Release --no-build --nologo -v q \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "${filter[@]}" "$@" || status=1
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed); ne=$(get notExecuted)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${ne:-0}))
  # Tests that did not run at all (errors, timeouts) count as failed.
  if [ -n "$t" ] && [ -n "$e" ]; then
    missing=$(( t - e - ${ne:-0} )); [ $missing -gt 0 ] && failed=$((failed + missing))
  fi
done
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "warning: $projects test projects but $files result files; a test host crashed or did not start" >&2
  failed=$((failed + projects - files))
fi
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi

line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ]
