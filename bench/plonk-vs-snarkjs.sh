#!/usr/bin/env bash
# Side by side in one run: snarkjs 0.7.6's Groth16 and PLONK provers on a 2^16-constraint circom circuit
# (bench/circom/mulchain.circom, compiled by circom2) and our PLONK prover on PlonkBenchCircuit at 2^16 and 2^18
# rows (`timer plonk`, `timer plonk-mem`). snarkjs's setup (ptau, zkeys) is cached in bench/.cache; only proving is
# timed. The snarkjs and 2^16 runs alternate (PASSES times) so both see the same machine load; best wall time wins.
#   bench/plonk-vs-snarkjs.sh [PASSES] [ROUNDS]     (defaults 2 and 2; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-2}
rounds=${2:-2}
cache=bench/.cache
mkdir -p "$cache"
snarkjs=js/node_modules/.bin/snarkjs
[ -x "$snarkjs" ] && [ -x js/node_modules/.bin/circom2 ] || npm ci --prefix js --no-audit --no-fund --silent
dotnet build bench/Rollup.Bench -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
bench="dotnet bench/Rollup.Bench/bin/Release/net10.0/Rollup.Bench.dll"
log() { echo "[$(date -u +%H:%M:%S)] load $(cut -d' ' -f1-3 /proc/loadavg): $*" >&2; }

# Peak resident set of a command: GNU time if installed, else the kernel's VmHWM sampled until the process ends.
peak_rss() {  # peak_rss OUTFILE cmd... ; prints the command's stdout, writes peak MiB to OUTFILE
    local out=$1; shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$out.time" "$@"
        awk -F': ' '/Maximum resident set size/ {printf "%.0f\n", $2 / 1024}' "$out.time" >"$out"
    else
        "$@" & local pid=$! hwm=0
        while kill -0 "$pid" 2>/dev/null; do
            local v; v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ "${v:-0}" -gt "$hwm" ] && hwm=$v; sleep 0.2
        done
        wait "$pid"; echo $((hwm / 1024)) >"$out"
    fi
}

# The circuit: 65,534 multiplications, one public output (2^16 rows for both provers' domains).
circuit=$cache/mulchain
if [ ! -f "$circuit/mulchain.r1cs" ] || [ bench/circom/mulchain.circom -nt "$circuit/mulchain.r1cs" ]; then
    log "compiling mulchain.circom with circom2"
    mkdir -p "$circuit"
    node js/node_modules/.bin/circom2 bench/circom/mulchain.circom --r1cs --wasm -o "$circuit" >&2
fi
$snarkjs r1cs info "$circuit/mulchain.r1cs" >&2

# Powers of tau 2^17: PLONK's zkey holds n + 6 G1 powers, and its setup wants the prepared (Lagrange) sections.
ptau=$cache/pot17_final.ptau
if [ ! -f "$ptau" ]; then
    log "making the powers of tau (2^17): new, one contribution, prepare phase2 (slow: minutes)"
    $snarkjs powersoftau new bn128 17 "$cache/pot17_0.ptau" >&2
    $snarkjs powersoftau contribute "$cache/pot17_0.ptau" "$cache/pot17_1.ptau" --name=bench -e="rollup bench $(date +%s%N)" >&2
    $snarkjs powersoftau prepare phase2 "$cache/pot17_1.ptau" "$ptau.tmp" >&2
    mv "$ptau.tmp" "$ptau"; rm -f "$cache/pot17_0.ptau" "$cache/pot17_1.ptau"
fi

echo '{"a": "3", "b": "7"}' >"$cache/mulchain-input.json"
$snarkjs wtns calculate "$circuit/mulchain_js/mulchain.wasm" "$cache/mulchain-input.json" "$cache/mulchain.wtns" >&2
for p in groth16 plonk; do
    zkey=$cache/mulchain-$p.zkey
    if [ ! -f "$zkey" ] || [ "$circuit/mulchain.r1cs" -nt "$zkey" ] || [ "$ptau" -nt "$zkey" ]; then
        log "snarkjs $p setup"
        if [ $p = groth16 ]; then
            $snarkjs groth16 setup "$circuit/mulchain.r1cs" "$ptau" "$zkey.0" >&2
            $snarkjs zkey contribute "$zkey.0" "$zkey" --name=bench -e="rollup bench $(date +%s%N)" >&2; rm -f "$zkey.0"
        else
            $snarkjs plonk setup "$circuit/mulchain.r1cs" "$ptau" "$zkey" >&2
        fi
    fi
done

results=$(mktemp); trap 'rm -f "$results"' EXIT
log "snarkjs groth16 prove"
echo "groth16 $(peak_rss "$results.g16" node js/snarkjs-prove.mjs groth16 "$cache/mulchain-groth16.zkey" "$cache/mulchain.wtns" "$rounds") $(cat "$results.g16")" >>"$results"
for ((pass = 1; pass <= passes; pass++)); do
    log "pass $pass: snarkjs plonk prove"
    echo "plonk $(peak_rss "$results.pl" node js/snarkjs-prove.mjs plonk "$cache/mulchain-plonk.zkey" "$cache/mulchain.wtns" "$rounds") $(cat "$results.pl")" >>"$results"
    log "pass $pass: our plonk 2^16"
    $bench timer plonk 16 "$rounds" | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
done
log "our plonk 2^18"
$bench timer plonk 18 1 | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
for k in 16 18; do
    log "our plonk-mem 2^$k"
    $bench timer plonk-mem $k | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
done
rm -f "$results".*

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); .NET $(dotnet --version), node $(node --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load now $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import json, re, sys
best = {}
mem = {}
for line in open(sys.argv[1]):
    kind, rest = line.split(" ", 1)
    if kind in ("groth16", "plonk"):
        js, rss = rest.rsplit(" ", 1)
        r = json.loads(js)
        key = f"snarkjs {kind}, 2^16 constraints"
        if key not in best or r["bestMs"] < best[key][0]:
            best[key] = (r["bestMs"] / 1000, r["bestCpuMs"] / 1000, r["load"])
        mem[key] = max(mem.get(key, 0), int(rss))
    else:
        f = dict(re.findall(r"(\w+)=(\S+)", rest))
        k = re.search(r"2\^(\d+)", rest).group(1)
        key = f"ours plonk, 2^{k} rows"
        if "peak_rss_during_prove_mib" in f:
            mem[key] = int(f["peak_rss_during_prove_mib"])
        elif key not in best or float(f["prove_best_s"]) < best[key][0]:
            best[key] = (float(f["prove_best_s"]), float(f["prove_cpu_s"]), f["load"].replace("_", " "))
ref = best["snarkjs plonk, 2^16 constraints"][0]
print("| prover | best prove (wall) | CPU time | peak RSS | snarkjs PLONK / this | load average |")
print("| --- | ---: | ---: | ---: | ---: | --- |")
for key, (wall, cpu, load) in best.items():
    print(f"| {key} | {wall:.2f} s | {cpu:.2f} s | {mem.get(key, '?')} MiB | {ref / wall:.2f}× | {load} |")
PY
