// eth_getProof as a dapp or light client reaches it, through ethers v6 (from js/node_modules via NODE_PATH): deploys
// the test ERC-20, moves tokens, then asks for proofs (contract storage, an EOA, a never-used address, and the
// contract at an older block) beside the values ethers reads the ordinary way. The C# test verifies each proof
// with js/smt-reference.mjs against the block's state root.
// Usage: node get-proof.cjs <http-url> <artifact.json> <key0> <key1>; prints one JSON object.
'use strict';
const fs = require('node:fs');
const { ethers } = require('ethers');

const [httpUrl, artifactPath, key0, key1] = process.argv.slice(2);
const { abi, bytecode } = JSON.parse(fs.readFileSync(artifactPath, 'utf8'));
const BALANCE_OF_SLOT = 3n; // TestToken: name, symbol, totalSupply, balanceOf

const balanceSlot = (owner) =>
  ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(['address', 'uint256'], [owner, BALANCE_OF_SLOT]));

async function main() {
  const provider = new ethers.JsonRpcProvider(httpUrl, undefined, { cacheTimeout: -1, pollingInterval: 50 });
  const alice = new ethers.Wallet(key0, provider);
  const bob = new ethers.Wallet(key1, provider);
  const token = await new ethers.ContractFactory(abi, bytecode, alice).deploy('Proof Token', 'PRF', ethers.parseEther('1000'));
  const deployBlock = (await token.deploymentTransaction().wait()).blockNumber;
  await (await token.transfer(bob.address, ethers.parseEther('2.5'))).wait();
  const address = await token.getAddress();
  const latest = await provider.getBlockNumber();

  const slots = [ethers.toBeHex(2n, 32), balanceSlot(alice.address), balanceSlot(bob.address), ethers.toBeHex(0x99n, 32)];
  const nobody = ethers.getAddress('0x' + '5a'.repeat(20));
  const requests = [
    { name: 'token', address, slots, block: latest },
    { name: 'token-at-deploy', address, slots, block: deployBlock },
    { name: 'alice', address: alice.address, slots: [], block: latest },
    { name: 'nobody', address: nobody, slots: [ethers.toBeHex(1n, 32)], block: latest },
  ];
  const cases = [];
  for (const r of requests) {
    const tag = ethers.toQuantity(r.block);
    const proof = await provider.send('eth_getProof', [r.address, r.slots, tag]);
    const header = await provider.send('eth_getBlockByNumber', [tag, false]);
    const storage = {};
    for (const s of r.slots) storage[s] = ethers.toQuantity(await provider.getStorage(r.address, s, r.block));
    cases.push({
      name: r.name, root: header.stateRoot, proof,
      expected: {
        balance: ethers.toQuantity(await provider.getBalance(r.address, r.block)),
        nonce: ethers.toQuantity(await provider.getTransactionCount(r.address, r.block)),
        codeHash: ethers.keccak256(await provider.getCode(r.address, r.block)),
        storage,
      },
    });
  }
  process.stdout.write(JSON.stringify({ cases }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
