#!/usr/bin/env bash
# Side by side: the shared EVM workloads on Rollup's EVM and on @ethereumjs/evm (installed from npm), in the same
# run on the same machine. Checks that both return the same word and use the same gas, then prints the ratios.
#   bench/evm-vs-ethereumjs.sh [repeats-for-ethereumjs]   (default 3; ethereumjs takes seconds per run)
set -euo pipefail
cd "$(dirname "$0")/.."
workloads=../shared/bench/evm
repeats=${1:-3}
files=(a_arith_loop.hex b_keccak_loop.hex c_sstore_sload_loop.hex d_memory_loop.hex)

npm ci --prefix js --no-audit --no-fund --silent
dotnet build src/Rollup.Cli -c Release -v q -clp:ErrorsOnly --nologo >/dev/null

ours=$(dotnet src/Rollup.Cli/bin/Release/net10.0/rollup.dll evm bench "${files[@]/#/$workloads/}" --repeat 20)
theirs=$(node js/evm-bench.mjs "$workloads" "$repeats" "${files[@]}")

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(dotnet --version) / node $(node --version)"
printf '%-24s %12s %16s %10s  %s\n' workload rollup_ms ethereumjs_ms ratio check
for f in "${files[@]}"; do
  o=$(grep "\"$f\"" <<<"$ours"); t=$(grep "\"$f\"" <<<"$theirs")
  python3 - "$o" "$t" <<'PY'
import json, sys
o, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
same = o["returned"] == t["returned"] and o["gasUsed"] == t["gasUsed"]
print(f'{o["file"]:<24} {o["medianMs"]:12.2f} {t["medianMs"]:16.1f} {t["medianMs"]/o["medianMs"]:9.0f}x  {"same result and gas" if same else "MISMATCH " + str((o, t))}')
if not same: sys.exit(1)
PY
done
