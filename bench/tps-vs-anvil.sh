#!/usr/bin/env bash
# Side by side: sustained ETH transfers per second accepted (eth_sendRawTransaction) and mined, through JSON-RPC,
# on `rollup node --dev` and on anvil, with the same load script (js/tps-load.mjs, ethers) in the same run on the
# same machine. Both make a block every second (anvil's default automine, a block per transaction, is
# `bench/tps-vs-anvil.sh … automine`: it takes minutes per 5,000 transactions on a loaded machine).
#   bench/tps-vs-anvil.sh [senders=200] [per-sender=25] [in-flight=16] [automine]
set -euo pipefail
cd "$(dirname "$0")/.."
senders=${1:-200}; per=${2:-25}; inflight=${3:-16}

bash scripts/js-setup.sh
dotnet build src/Rollup.Cli -c Release -v q -clp:ErrorsOnly --nologo >/dev/null
export NODE_PATH=$PWD/js/node_modules FOUNDRY_DISABLE_NIGHTLY_WARNING=1
anvil=js/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_rpc() { for _ in $(seq 200); do curl -s -o /dev/null -X POST -H 'content-type: application/json' \
  -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$1" && return 0; sleep 0.1; done; echo "no RPC at $1" >&2; return 1; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$datadir"; }
datadir=$(mktemp -d); trap cleanup EXIT

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "         $(dotnet --version) / node $(node --version) / $($anvil --version | head -1)"

run_node() {
  local port; port=$(free_port)
  dotnet src/Rollup.Cli/bin/Release/net10.0/rollup.dll node --dev --no-l1 --port "$port" --data-dir "$datadir/node" --block-time 1 \
    --mempool-max-txs 20000 --log-level warning >/dev/null 2>&1 & pids+=($!)
  wait_rpc "http://127.0.0.1:$port/"
  node js/tps-load.mjs "http://127.0.0.1:$port/" "rollup node (block time 1 s)" "$senders" "$per" "$inflight"
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}
run_anvil() {
  local port; port=$(free_port)
  "$anvil" --host 127.0.0.1 --port "$port" --accounts 1 --chain-id 31337 "${@:2}" >/dev/null 2>&1 & pids+=($!)
  wait_rpc "http://127.0.0.1:$port/"
  node js/tps-load.mjs "http://127.0.0.1:$port/" "$1" "$senders" "$per" "$inflight" --fund-with-anvil
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}

results=$( { run_node; run_anvil "anvil (block time 1 s)" --block-time 1; if [ "${4:-}" = automine ]; then run_anvil "anvil (automine)"; fi; } \
  | tee >(cat >&2) )
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in sys.argv[1].splitlines() if l.startswith("{")]
node = rows[0]
print(f'{"endpoint":<30} {"accepted/s":>11} {"mined/s":>9} {"blocks":>7}   node ÷ this (accepted, mined)')
for r in rows:
    print(f'{r["label"]:<30} {r["acceptedPerSecond"]:>11} {r["minedPerSecond"]:>9} {r["blocks"]:>7}   '
          f'{node["acceptedPerSecond"]/r["acceptedPerSecond"]:.2f}x, {node["minedPerSecond"]/r["minedPerSecond"]:.2f}x')
PY
