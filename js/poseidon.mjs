// circomlibjs's Poseidon as an independent reference for Rollup's (tests/Rollup.Crypto.Tests/Poseidon) and as a
// benchmark peer (bench/RESULTS.md).
//
//   node js/poseidon.mjs hash        stdin: JSON list of input lists (decimal or 0x strings), 1..16 inputs each
//                                    stdout: JSON list of {"poseidon": hex, "reference": hex}, one per list:
//                                    circomlibjs's buildPoseidon (WebAssembly, optimized constants; what users call)
//                                    and buildPoseidonReference (plain form, the generator's published constants)
//   node js/poseidon.mjs constants   stdout: JSON {"C": [...], "M": [...]}: the published round constants and MDS
//                                    matrices circomlibjs's reference implementation uses, t = 2..17
//   node js/poseidon.mjs bench [s]   stdout: one JSON line per arity (2, 4, 16 inputs): hashes per second of CPU
//                                    time (and of wall time) with buildPoseidon, about s CPU seconds per case (default
//                                    3), for BigInt inputs and for inputs already in circomlibjs's field form
import { buildPoseidon, buildPoseidonReference } from "circomlibjs";

const mode = process.argv[2];

function hex(F, v) {
    return "0x" + F.toObject(v).toString(16).padStart(64, "0");
}

async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    return Buffer.concat(chunks).toString("utf8");
}

if (mode === "hash") {
    const cases = JSON.parse(await readStdin());
    const poseidon = await buildPoseidon();
    const reference = await buildPoseidonReference();
    const out = cases.map(inputs => {
        const xs = inputs.map(BigInt);
        return { poseidon: hex(poseidon.F, poseidon(xs)), reference: hex(reference.F, reference(xs)) };
    });
    process.stdout.write(JSON.stringify(out));
} else if (mode === "constants") {
    // The package's export map exposes only main.js; the constants module sits beside it in src/.
    const url = new URL("./src/poseidon_constants.js", import.meta.resolve("circomlibjs"));
    const { default: constants } = await import(url.href);
    process.stdout.write(JSON.stringify({ C: constants.C, M: constants.M }));
} else if (mode === "bench") {
    // Rates are per second of this process's CPU time (process.cpuUsage; circomlibjs's WebAssembly Poseidon runs
    // on the main thread), so that other jobs on a shared machine do not inflate them; wall-clock rates beside.
    const seconds = Number(process.argv[3] ?? 3);
    const poseidon = await buildPoseidon();
    const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
    const rate = (inputs) => {
        for (let i = 0; i < 2000; i++) poseidon(inputs); // warm-up
        let count = 0, cpu = 0;
        const wall0 = process.hrtime.bigint(), cpu0 = cpuSeconds();
        while (cpu < seconds) {
            for (let i = 0; i < 200; i++) poseidon(inputs);
            count += 200;
            cpu = cpuSeconds() - cpu0;
        }
        const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
        return { perCpuSecond: Math.round(count / cpu), perWallSecond: Math.round(count / wall) };
    };
    for (const n of [2, 4, 16]) {
        const inputs = Array.from({ length: n }, (_, i) => BigInt(i + 1) * 0x1234567890abcdefn);
        // As most callers pass them (BigInt, converted on every call), and already in circomlibjs's field form.
        const fromBigInt = rate(inputs);
        const fromField = rate(inputs.map(x => poseidon.F.e(x)));
        console.log(JSON.stringify({ inputs: n, bigintInputs: fromBigInt, fieldInputs: fromField }));
    }
} else {
    console.error("usage: node js/poseidon.mjs hash|constants|bench [seconds]");
    process.exit(2);
}
