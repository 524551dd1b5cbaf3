// The sequencer as a dapp sees it, through ethers v6 (from js/node_modules via NODE_PATH): deploys the test ERC-20,
// transfers, reads balances, waits for receipts, queries logs, hits a revert and follows newHeads over WebSocket.
// Usage: node erc20-client.cjs <http-url> <ws-url> <artifact.json> <key0> <key1>
// Prints one JSON line of findings; any failed assertion exits non-zero.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { ethers } = require('ethers');

const [httpUrl, wsUrl, artifactPath, key0, key1] = process.argv.slice(2);
const { abi, bytecode } = JSON.parse(fs.readFileSync(artifactPath, 'utf8'));

async function main() {
  // Blocks come at once here: poll often instead of ethers' default 4 s, and do not let ethers reuse a nonce it read
  // under 250 ms ago (its default cache), which is stale when the previous transaction was mined in between.
  const provider = new ethers.JsonRpcProvider(httpUrl, undefined, { cacheTimeout: -1, pollingInterval: 50 });
  const network = await provider.getNetwork();
  assert.equal(network.chainId, 901n);

  // Follow new blocks over WebSocket (eth_subscribe newHeads).
  const ws = new ethers.WebSocketProvider(wsUrl);
  const heads = [];
  await ws.on('block', (n) => heads.push(n));
  await new Promise((r) => setTimeout(r, 200));

  const alice = new ethers.Wallet(key0, provider);
  const bob = new ethers.Wallet(key1, provider);
  const factory = new ethers.ContractFactory(abi, bytecode, alice);
  const token = await factory.deploy('Test Token', 'TST', ethers.parseEther('1000'));
  const deployReceipt = await token.deploymentTransaction().wait();
  assert.equal(deployReceipt.status, 1);
  const address = await token.getAddress();
  assert.equal(deployReceipt.contractAddress, address);
  assert.equal(await token.symbol(), 'TST');
  assert.equal(await token.balanceOf(alice.address), ethers.parseEther('1000'));

  // Transfers: wait for receipts, check their logs and the balances.
  const tx = await token.transfer(bob.address, ethers.parseEther('12.5'));
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  assert.equal(receipt.logs.length, 1);
  const parsed = token.interface.parseLog(receipt.logs[0]);
  assert.equal(parsed.name, 'Transfer');
  assert.equal(parsed.args.to, bob.address);
  assert.equal(await token.balanceOf(bob.address), ethers.parseEther('12.5'));
  assert.equal(await token.balanceOf(alice.address), ethers.parseEther('987.5'));

  const back = await token.connect(bob).transfer(alice.address, ethers.parseEther('2.5'));
  await back.wait();
  assert.equal(await token.balanceOf(bob.address), ethers.parseEther('10'));

  // A plain value transfer.
  const before = await provider.getBalance(bob.address);
  const pay = await alice.sendTransaction({ to: bob.address, value: ethers.parseEther('1') });
  const payReceipt = await pay.wait();
  assert.equal(payReceipt.status, 1);
  assert.equal(await provider.getBalance(bob.address), before + ethers.parseEther('1'));
  const fetched = await provider.getTransaction(pay.hash);
  assert.equal(fetched.blockNumber, payReceipt.blockNumber);

  // Logs: all Transfer events of the token (mint, two transfers), those from Alice, and (raw filter) those to her.
  const all = await token.queryFilter(token.filters.Transfer(), 0, 'latest');
  assert.equal(all.length, 3);
  const fromAlice = await token.queryFilter(token.filters.Transfer(alice.address), 0, 'latest');
  assert.equal(fromAlice.length, 1);
  const raw = await provider.getLogs({ address, fromBlock: 0, topics: [ethers.id('Transfer(address,address,uint256)'), null, ethers.zeroPadValue(alice.address, 32)] });
  assert.equal(raw.length, 2); // to Alice: the mint and Bob's transfer back

  // A revert comes back as CALL_EXCEPTION with the reason string (JSON-RPC error 3 with the revert data).
  await assert.rejects(token.connect(bob).transfer(alice.address, ethers.parseEther('100')), (e) => {
    assert.equal(e.code, 'CALL_EXCEPTION');
    assert.equal(e.reason, 'insufficient balance');
    return true;
  });

  // The blocks made since the subscription started were pushed to us.
  const latest = await provider.getBlockNumber();
  for (let i = 0; i < 100 && !heads.includes(latest); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(heads.includes(latest), `newHeads did not deliver block ${latest} (got ${heads})`);
  await ws.destroy();

  console.log(JSON.stringify({ token: address, blocks: latest, heads: heads.length, transfers: all.length }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
