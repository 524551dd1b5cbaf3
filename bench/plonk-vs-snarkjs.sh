#!/usr/bin/env bash
# Side by side in one run: snarkjs 0.7.6's Groth16 and PLONK provers on a 2^K-constraint circom circuit
# (bench/circom/mulchain.circom, compiled by circom2) and our PLONK prover on PlonkBenchCircuit at 2^K and 2^(K+2)
# rows (`timer plonk`, `timer plonk-mem`). snarkjs's setup (ptau, zkeys) is cached in bench/.cache; only proving is
# timed. The snarkjs and 2^K runs alternate (PASSES times) so both see the same machine load; best wall time wins.
#   bench/plonk-vs-snarkjs.sh [K] [PASSES] [ROUNDS] [--no-larger]   (defaults 16, 2 and 2; run from anywhere)
# --no-larger skips our 2^(K+2) runs (minutes each on a busy machine).
# K other than 16 runs the same chain with 2^K − 2 multiplications (a smaller K is for a machine too busy for
# snarkjs's ptau preparation at 2^16, which is most of the script's first run).
set -euo pipefail
cd "$(dirname "$0")/.."
k=${1:-16}
passes=${2:-2}
rounds=${3:-2}
larger=yes; [ "${4:-}" = --no-larger ] && larger=no
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

# The circuit: 2^K − 2 multiplications, one public output (2^K rows for both provers' domains).
circuit=$cache/mulchain$k
source=bench/circom/mulchain.circom
if [ "$k" != 16 ]; then
    source=$cache/mulchain$k.circom
    sed "s/MulChain(65534)/MulChain($(( (1 << k) - 2 )))/" bench/circom/mulchain.circom >"$source"
fi
if [ ! -f "$circuit/mulchain$k.r1cs" ] || [ bench/circom/mulchain.circom -nt "$circuit/mulchain$k.r1cs" ]; then
    log "compiling mulchain.circom (2^$k) with circom2"
    mkdir -p "$circuit"
    cp "$source" "$circuit/mulchain$k.circom"
    node js/node_modules/.bin/circom2 "$circuit/mulchain$k.circom" --r1cs --wasm -o "$circuit" >&2
fi
$snarkjs r1cs info "$circuit/mulchain$k.r1cs" >&2

# Powers of tau 2^K. Groth16's domain is 2^K here; PLONK's too (constraints plus the public output), and its zkey
# holds n + 6 powers [τ^i]₁, which fit: a 2^K ptau has 2^(K+1) − 1 of them (snarkjs's plonk setup checks only that
# the domain's power is at most the file's). Both setups want the prepared (Lagrange) sections.
ptau=$cache/pot${k}_final.ptau
if [ ! -f "$ptau" ]; then
    log "making the powers of tau (2^$k): new, one contribution, prepare phase2 (the slow part)"
    if [ ! -f "$cache/pot${k}_1.ptau" ]; then
        $snarkjs powersoftau new bn128 "$k" "$cache/pot${k}_0.ptau" >&2
        $snarkjs powersoftau contribute "$cache/pot${k}_0.ptau" "$cache/pot${k}_1.ptau.tmp" --name=bench -e="rollup bench $(date +%s%N)" >&2
        mv "$cache/pot${k}_1.ptau.tmp" "$cache/pot${k}_1.ptau"; rm -f "$cache/pot${k}_0.ptau"
    fi
    $snarkjs powersoftau prepare phase2 "$cache/pot${k}_1.ptau" "$ptau.tmp" >&2
    mv "$ptau.tmp" "$ptau"
fi

echo '{"a": "3", "b": "7"}' >"$cache/mulchain-input.json"
$snarkjs wtns calculate "$circuit/mulchain${k}_js/mulchain$k.wasm" "$cache/mulchain-input.json" "$cache/mulchain$k.wtns" >&2
for p in groth16 plonk; do
    zkey=$cache/mulchain$k-$p.zkey
    if [ ! -f "$zkey" ] || [ "$circuit/mulchain$k.r1cs" -nt "$zkey" ] || [ "$ptau" -nt "$zkey" ]; then
        log "snarkjs $p setup"
        if [ $p = groth16 ]; then
            $snarkjs groth16 setup "$circuit/mulchain$k.r1cs" "$ptau" "$zkey.0" >&2
            $snarkjs zkey contribute "$zkey.0" "$zkey" --name=bench -e="rollup bench $(date +%s%N)" >&2; rm -f "$zkey.0"
        else
            $snarkjs plonk setup "$circuit/mulchain$k.r1cs" "$ptau" "$zkey" >&2
        fi
    fi
done

results=$(mktemp); trap 'rm -f "$results"' EXIT
log "snarkjs groth16 prove"
echo "groth16 $(peak_rss "$results.g16" node js/snarkjs-prove.mjs groth16 "$cache/mulchain$k-groth16.zkey" "$cache/mulchain$k.wtns" "$rounds") $(cat "$results.g16")" >>"$results"
for ((pass = 1; pass <= passes; pass++)); do
    log "pass $pass: snarkjs plonk prove"
    echo "plonk $(peak_rss "$results.pl" node js/snarkjs-prove.mjs plonk "$cache/mulchain$k-plonk.zkey" "$cache/mulchain$k.wtns" "$rounds") $(cat "$results.pl")" >>"$results"
    log "pass $pass: our plonk 2^$k"
    $bench timer plonk "$k" "$rounds" | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
done
sizes=$k
if [ $larger = yes ]; then
    log "our plonk 2^$((k + 2))"
    $bench timer plonk $((k + 2)) 1 | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
    sizes="$k $((k + 2))"
fi
for size in $sizes; do
    log "our plonk-mem 2^$size"
    $bench timer plonk-mem "$size" | tee /dev/stderr | grep '^RESULT' | sed 's/^RESULT /ours /' >>"$results"
done
rm -f "$results".*

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); .NET $(dotnet --version), node $(node --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load now $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$k" <<'PY'
import json, re, sys
best = {}
mem = {}
for line in open(sys.argv[1]):
    kind, rest = line.split(" ", 1)
    if kind in ("groth16", "plonk"):
        js, rss = rest.rsplit(" ", 1)
        r = json.loads(js)
        key = f"snarkjs {kind}, 2^{sys.argv[2]} constraints"
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
ref = best[f"snarkjs plonk, 2^{sys.argv[2]} constraints"][0]
print("| prover | best prove (wall) | CPU time | peak RSS | snarkjs PLONK / this | load average |")
print("| --- | ---: | ---: | ---: | ---: | --- |")
for key, (wall, cpu, load) in best.items():
    print(f"| {key} | {wall:.2f} s | {cpu:.2f} s | {mem.get(key, '?')} MiB | {ref / wall:.2f}× | {load} |")
PY
