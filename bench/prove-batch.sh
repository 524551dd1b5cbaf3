#!/usr/bin/env bash
# Batch proving benchmark (issue 7 item 8): each case is its own process (`timer prove-batch KIND N`): a throwaway
# RocksDB node seals one batch of the workload, BatchProver proves it on the smallest batch-circuit K that fits (as
# `rollup prove --batch 1` does: re-execute, witness + constraint check, keys, PLONK, verify in C#). GNU time's
# maximum resident set is printed beside the process's own VmHWM figures. Results: bench/RESULTS.md, "Batch proving".
#   bench/prove-batch.sh [LOGDIR] [CASE...]   (CASE is "KIND:N[:K]"; default: the cases in RESULTS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
logs=${1:-/tmp/prove-batch-logs}; shift || true
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(transfers:1 transfers:10 transfers:100 transfers:1:12 transfers:85 opcodes:1 loop:35 loop:145 loop:290)
mkdir -p "$logs"
dotnet build bench/Rollup.Bench -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
bench="dotnet bench/Rollup.Bench/bin/Release/net10.0/Rollup.Bench.dll"
for c in "${cases[@]}"; do
    IFS=: read -r kind n k <<<"$c"
    name="$kind-$n${k:+-k$k}"
    echo "[$(date -u +%H:%M:%S)] $name; uptime: $(uptime)" | tee "$logs/$name.log"
    # A failing case (say, a proof that does not verify) is logged and the others still run.
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$logs/$name.time" $bench timer prove-batch "$kind" "$n" ${k:+--k "$k"} 2>&1 | tee -a "$logs/$name.log" \
        || echo "FAILED $name (exit ${PIPESTATUS[0]})" | tee -a "$logs/$name.log"
    echo "GNU time: max RSS $(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$logs/$name.time") MiB," \
         "wall $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$logs/$name.time")" | tee -a "$logs/$name.log"
done
grep -h '^RESULT\|^FAILED' "$logs"/*.log
