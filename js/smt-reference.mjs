// An independent reference for the rollup's state tree (docs/state-tree.md), written from the spec with
// circomlibjs's Poseidon and the plainest possible algorithm: a trie's root is computed recursively from the whole
// sorted-by-nothing leaf set, splitting it on one key bit per level. The C# tests (tests/Rollup.State.Tests) compare
// their incremental trie and their state roots with it.
//
//   node js/smt-reference.mjs trie    stdin: JSON list of leaf sets, each a list of [key, valueHash] (decimal or 0x
//                                     strings, distinct keys); stdout: JSON list of roots (hex), one per set
//   node js/smt-reference.mjs state   stdin: JSON {"accounts": [{"address", "nonce", "balance", "codeHash",
//                                     "code", "storage": [[slot, value], ...]}]} (numbers as decimal or 0x strings,
//                                     code as 0x hex)
//                                     stdout: JSON {"root": hex, "accounts": [{"address", "key", "poseidonCodeHash",
//                                     "storageRoot", "valueHash"}]} for the accounts that are not empty
import { buildPoseidon } from "circomlibjs";

const poseidon = await buildPoseidon();
const H = xs => poseidon.F.toObject(poseidon(xs));
const hex = v => "0x" + v.toString(16).padStart(64, "0");
const MASK128 = (1n << 128n) - 1n;
const EMPTY_CODE_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n;

const LEAF = 1n, BRANCH = 2n;

// The canonical compressed trie: no leaves → 0; one leaf → that leaf, wherever it is; more → a branch whose
// children are the leaves with bit `depth` = 0 and = 1 (bits taken from the least significant one up).
function trieRoot(leaves, depth = 0) {
    if (leaves.length === 0) return 0n;
    if (leaves.length === 1) return H([LEAF, leaves[0].key, leaves[0].valueHash]);
    const d = BigInt(depth);
    const left = leaves.filter(l => ((l.key >> d) & 1n) === 0n);
    const right = leaves.filter(l => ((l.key >> d) & 1n) === 1n);
    return H([BRANCH, trieRoot(left, depth + 1), trieRoot(right, depth + 1)]);
}

// 31-byte big-endian chunks, zero-padded at the end; a chain from the length absorbing 15 chunks per hash.
function poseidonCodeHash(code) {
    let h = BigInt(code.length);
    for (let start = 0; start < code.length; start += 31 * 15) {
        const inputs = [h];
        for (let c = 0; c < 15; c++) {
            const chunk = Buffer.alloc(31);
            const off = start + 31 * c;
            if (off < code.length) code.copy(chunk, 0, off, Math.min(off + 31, code.length));
            inputs.push(BigInt("0x" + chunk.toString("hex")));
        }
        h = H(inputs);
    }
    return h;
}

const limbs = w => [w & MASK128, w >> 128n];

async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const mode = process.argv[2];
if (mode === "trie") {
    const sets = await readStdin();
    const roots = sets.map(pairs => hex(trieRoot(pairs.map(([k, v]) => ({ key: BigInt(k), valueHash: BigInt(v) })))));
    process.stdout.write(JSON.stringify(roots));
} else if (mode === "state") {
    const { accounts } = await readStdin();
    const out = [];
    const accountLeaves = [];
    for (const a of accounts) {
        const storageLeaves = a.storage
            .map(([s, v]) => [BigInt(s), BigInt(v)])
            .filter(([, v]) => v !== 0n)
            .map(([s, v]) => ({ key: H(limbs(s)), valueHash: H(limbs(v)) }));
        const storageRoot = trieRoot(storageLeaves);
        const code = Buffer.from(a.code.replace(/^0x/, ""), "hex");
        const nonce = BigInt(a.nonce), balance = BigInt(a.balance), codeHash = BigInt(a.codeHash);
        if (nonce === 0n && balance === 0n && code.length === 0 && storageRoot === 0n) continue;
        const pch = poseidonCodeHash(code);
        const valueHash = H([nonce, ...limbs(balance), ...limbs(codeHash), pch, BigInt(code.length), storageRoot]);
        const key = H([BigInt(a.address)]);
        accountLeaves.push({ key, valueHash });
        out.push({ address: a.address, key: hex(key), poseidonCodeHash: hex(pch), storageRoot: hex(storageRoot), valueHash: hex(valueHash) });
    }
    process.stdout.write(JSON.stringify({ root: hex(trieRoot(accountLeaves)), accounts: out }));
} else {
    console.error("usage: node js/smt-reference.mjs trie|state");
    process.exit(2);
}
