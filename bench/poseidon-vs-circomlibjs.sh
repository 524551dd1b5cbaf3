#!/usr/bin/env bash
# Side by side: Rollup's Poseidon (bench/Rollup.Bench --poseidon-quick) and circomlibjs's (js/poseidon.mjs bench,
# installed from npm) in the same run on the same machine, both as hashes per second of CPU time, so that other jobs
# on a shared machine inflate neither. The tests (tests/Rollup.Crypto.Tests/Poseidon) check that the hashes agree.
#   bench/poseidon-vs-circomlibjs.sh [cpu-seconds-per-circomlibjs-case]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}

npm ci --prefix js --no-audit --no-fund --silent
dotnet build bench/Rollup.Bench -c Release -v q -clp:ErrorsOnly --nologo >/dev/null

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version) / node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Rollup.Bench/bin/Release/net10.0/Rollup.Bench.dll --poseidon-quick
theirs=$(node js/poseidon.mjs bench "$seconds")
python3 - "$theirs" <<'PY'
import json, sys
names = {2: "Hash2", 4: "Hash, 4 inputs", 16: "Hash, 16 inputs"}
for line in sys.argv[1].splitlines():
    r = json.loads(line)
    best, plain = r["fieldInputs"]["perCpuSecond"], r["bigintInputs"]["perCpuSecond"]
    print(f"circomlibjs {names[r['inputs']]:<18} {best:>8} hashes/s (BigInt inputs: {plain})")
PY
