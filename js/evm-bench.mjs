// Runs the shared EVM throughput workloads (../shared/bench/evm) on @ethereumjs/evm, the way
// Rollup's benchmark runs them: as the code of an existing contract account, empty calldata,
// Cancun rules, gas limit 1,000,000,000. Prints one JSON line per workload: median milliseconds,
// gas used and the returned word, so the caller can check the result and compute ratios.
import { readFileSync } from 'node:fs';
import { createEVM } from '@ethereumjs/evm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { Account, bytesToHex, createAddressFromString, hexToBytes } from '@ethereumjs/util';

const [, , dir, repeatsArg, ...files] = process.argv;
const repeats = Number(repeatsArg ?? 5);
const contract = createAddressFromString('0x00000000000000000000000000000000c0de0001');

for (const file of files) {
  const code = hexToBytes('0x' + readFileSync(`${dir}/${file}`, 'utf8').trim());
  const times = [];
  let gasUsed = 0n;
  let returned = '';
  for (let i = 0; i < repeats + 1; i++) {
    // A fresh EVM and state per run: the SSTORE workload must start from empty storage each time.
    const evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: Hardfork.Cancun }) });
    await evm.stateManager.putAccount(contract, new Account(1n, 0n));
    const start = process.hrtime.bigint();
    const result = await evm.runCode({ code, gasLimit: 1_000_000_000n, to: contract, address: contract });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.exceptionError) throw new Error(`${file}: ${result.exceptionError.error}`);
    if (i > 0) times.push(ms); // the first run warms the JIT
    gasUsed = result.executionGasUsed;
    returned = bytesToHex(result.returnValue);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ file, medianMs: times[Math.floor(times.length / 2)], gasUsed: gasUsed.toString(), returned }));
}
