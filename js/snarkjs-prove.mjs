// Times snarkjs's prover as its users call it (snarkjs.groth16.prove / snarkjs.plonk.prove on a zkey file and a
// witness file: reading the zkey is part of proving) for bench/plonk-vs-snarkjs.sh. The first call warms up the
// wasm field code and worker threads and is reported apart; each proof is verified (untimed) so a broken setup
// cannot produce a fast number.
//   node js/snarkjs-prove.mjs groth16|plonk circuit.zkey witness.wtns rounds
import * as snarkjs from "snarkjs";

const [protocol, zkey, wtns, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 2);
const api = snarkjs[protocol];
if (!api) throw new Error(`unknown protocol ${protocol}`);
const vkey = await snarkjs.zKey.exportVerificationKey(zkey);

async function once() {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { proof, publicSignals } = await api.prove(zkey, wtns);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (!(await api.verify(vkey, publicSignals, proof))) throw new Error(`${protocol} proof does not verify`);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const first = await once();
const all = [];
for (let r = 0; r < rounds; r++) all.push(await once());
const best = all.reduce((a, b) => (b.ms < a.ms ? b : a));
console.log(JSON.stringify({
    protocol, firstMs: Math.round(first.ms), bestMs: Math.round(best.ms), bestCpuMs: Math.round(Math.min(...all.map((r) => r.cpuMs))),
    allMs: all.map((r) => Math.round(r.ms)), load: (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" "),
}));
process.exit(0); // snarkjs leaves its curve's worker threads running
