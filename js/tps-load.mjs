// Sustained ETH-transfer load against one Ethereum JSON-RPC endpoint (the rollup node or anvil, same script):
// funds S fresh senders from the dev accounts, pre-signs K transfers per sender (signing is the client's cost, kept
// out of the measurement), then sends them all with C requests in flight and follows the blocks until every one is
// mined. Prints one JSON line: accepted/s (until the last eth_sendRawTransaction returned its hash) and mined/s (until
// every one had a receipt), both over the wall time from the first send.
//   node js/tps-load.mjs <rpc-url> <label> [senders=200] [per-sender=25] [in-flight=16] [--fund-with-anvil]
import { ethers } from "ethers";

const [url, label, sArg, kArg, cArg, ...flags] = process.argv.slice(2);
const senders = Number(sArg ?? 200), perSender = Number(kArg ?? 25), inFlight = Number(cArg ?? 16);
const anvil = flags.includes("--fund-with-anvil");

let id = 0;
async function rpc(method, params = []) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }) });
    const body = await res.json();
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
}

// The rollup's dev accounts (docs/node.md): key_i = keccak256("rollup devnet test … junk" + " " + i).
const SEED = "rollup devnet test test test test test test test test test junk";
const funders = [...Array(10).keys()].map(i => new ethers.Wallet(ethers.keccak256(ethers.toUtf8Bytes(`${SEED} ${i}`))));
const chainId = BigInt(await rpc("eth_chainId"));
if (anvil) for (const f of funders) await rpc("anvil_setBalance", [f.address, ethers.toQuantity(ethers.parseEther("10000"))]);

const tip = ethers.parseUnits("1", "gwei"), feeCap = ethers.parseUnits("100", "gwei");
const transfer = (wallet, nonce, to, value) => wallet.signTransaction({
    type: 2, chainId, nonce, to, value, gasLimit: 21000, maxFeePerGas: feeCap, maxPriorityFeePerGas: tip });

async function waitMined(hashes) {
    for (const h of hashes) while (!(await rpc("eth_getTransactionReceipt", [h]))) await new Promise(r => setTimeout(r, 50));
}

// Setup (not measured): fund the senders.
const wallets = [...Array(senders)].map(() => ethers.Wallet.createRandom());
const funderNonces = await Promise.all(funders.map(f => rpc("eth_getTransactionCount", [f.address, "pending"]).then(Number)));
const fundings = [];
for (let i = 0; i < senders; i++) {
    const f = i % funders.length;
    fundings.push(await rpc("eth_sendRawTransaction", [await transfer(funders[f], funderNonces[f]++, wallets[i].address, ethers.parseEther("1"))]));
}
await waitMined(fundings);

// Pre-signed load, interleaved by nonce so that each sender's transactions arrive in order.
const raws = [];
for (let n = 0; n < perSender; n++)
    for (const w of wallets) raws.push(await transfer(w, n, funders[0].address, 1n));
const total = raws.length;
const lastOfSender = raws.slice(-senders).map(raw => ethers.Transaction.from(raw).hash);
const startBlock = Number(await rpc("eth_blockNumber"));

const t0 = performance.now();
let next = 0, tAccepted = 0;
async function worker() {
    while (next < total) {
        const raw = raws[next++];
        await rpc("eth_sendRawTransaction", [raw]);
    }
}
const sending = Promise.all([...Array(inFlight)].map(worker)).then(() => { tAccepted = performance.now(); });

// Mined when each sender's last transaction has a receipt (its nonces go in order, so the rest are mined too): a few
// cheap polls however many blocks the endpoint makes.
for (const hash of lastOfSender) while (!(await rpc("eth_getTransactionReceipt", [hash]))) await new Promise(r => setTimeout(r, 20));
const tMined = performance.now();
const blocks = Number(await rpc("eth_blockNumber")) - startBlock;
await sending;
const s = ms => (ms - t0) / 1000;
console.log(JSON.stringify({ label, transactions: total, senders, inFlight, blocks,
    acceptedPerSecond: Math.round(total / s(tAccepted)), minedPerSecond: Math.round(total / s(tMined)),
    acceptSeconds: +s(tAccepted).toFixed(2), mineSeconds: +s(tMined).toFixed(2) }));
