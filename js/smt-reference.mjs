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
//   node js/smt-reference.mjs proof   stdin: JSON list of {"root": hex, "proof": an eth_getProof result
//                                     (docs/state-tree.md §6)}; stdout: JSON list, one {"valid": true} or
//                                     {"valid": false, "reason": text} per entry. Every path key is recomputed from
//                                     the address and slots, never read from the proof.
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

// ---- proof verification (docs/state-tree.md §6), from the spec alone ----

class Invalid extends Error {}
const check = (ok, reason) => { if (!ok) throw new Invalid(reason); };
const MAX_DEPTH = 254;

// The root a path commits to: the terminal (0, or a leaf that must lie on the key's path), then one branch per
// sibling, deepest first; bit i of the key says on which side the path runs at depth i.
function pathRoot(key, siblings, terminal, what) {
    check(siblings.length <= MAX_DEPTH, `${what}: path deeper than ${MAX_DEPTH}`);
    let node;
    if (terminal.kind === "empty") node = 0n;
    else if (terminal.kind === "leaf") {
        const leafKey = BigInt(terminal.key);
        const mask = (1n << BigInt(siblings.length)) - 1n;
        check((leafKey & mask) === (key & mask), `${what}: the terminal leaf is not on the key's path`);
        node = H([LEAF, leafKey, BigInt(terminal.valueHash)]);
    } else throw new Invalid(`${what}: unknown terminal kind ${terminal.kind}`);
    for (let i = siblings.length - 1; i >= 0; i--) {
        const sibling = BigInt(siblings[i]);
        node = ((key >> BigInt(i)) & 1n) === 0n ? H([BRANCH, node, sibling]) : H([BRANCH, sibling, node]);
    }
    return node;
}

// Presence with the expected value hash, or (expected null) absence, under `root`.
function verifyPath(root, key, siblings, terminal, expectedValueHash, what) {
    check(pathRoot(key, siblings, terminal, what) === root, `${what}: the path does not lead to the root`);
    const present = terminal.kind === "leaf" && BigInt(terminal.key) === key;
    if (expectedValueHash === null) check(!present, `${what}: claimed absent but the path ends at its leaf`);
    else {
        check(present, `${what}: claimed present but the path does not end at its leaf`);
        check(BigInt(terminal.valueHash) === expectedValueHash, `${what}: the leaf's value hash is not the claimed value's`);
    }
}

function verifyAccountProof(root, p) {
    const key = H([BigInt(p.address)]);
    const nonce = BigInt(p.nonce), balance = BigInt(p.balance), codeHash = BigInt(p.codeHash);
    const pch = BigInt(p.poseidonCodeHash), codeSize = BigInt(p.codeSize), storageRoot = BigInt(p.storageHash);
    const present = p.accountTerminal.kind === "leaf" && BigInt(p.accountTerminal.key) === key;
    if (present) {
        check(!(nonce === 0n && balance === 0n && codeSize === 0n && storageRoot === 0n), "account: an empty account has no leaf");
        const valueHash = H([nonce, ...limbs(balance), ...limbs(codeHash), pch, codeSize, storageRoot]);
        verifyPath(root, key, p.accountProof, p.accountTerminal, valueHash, "account");
    } else {
        check(nonce === 0n && balance === 0n && codeHash === EMPTY_CODE_HASH && storageRoot === 0n && codeSize === 0n,
            "account: absent but with non-empty fields");
        verifyPath(root, key, p.accountProof, p.accountTerminal, null, "account");
    }
    for (const s of p.storageProof) {
        const slot = BigInt(s.key), value = BigInt(s.value);
        const what = `slot ${s.key}`;
        verifyPath(storageRoot, H(limbs(slot)), s.proof, s.terminal, value === 0n ? null : H(limbs(value)), what);
    }
}

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
} else if (mode === "proof") {
    const verdicts = (await readStdin()).map(({ root, proof }) => {
        try {
            verifyAccountProof(BigInt(root), proof);
            return { valid: true };
        } catch (e) {
            if (!(e instanceof Invalid)) throw e;
            return { valid: false, reason: e.message };
        }
    });
    process.stdout.write(JSON.stringify(verdicts));
} else {
    console.error("usage: node js/smt-reference.mjs trie|state|proof");
    process.exit(2);
}
