// Compiles every .sol file under contracts/ with the solc pinned in package.json (the WebAssembly build shipped
// in the npm package, so no compiler download) and writes one artifact JSON: per contract its ABI, creation
// bytecode and runtime bytecode. The .NET build of Rollup.L1 runs this and embeds the artifact, so the ABI and
// bytecode C# uses always come from this compile.
//
// Usage: node js/build-contracts.mjs --out FILE
//
// The artifact records a hash of everything that decides the output (compiler version, this script, every
// source's path and text); when it matches, nothing is compiled, so repeated builds cost one node start.
// Compiler warnings fail the build, as C# warnings do.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const contractsDir = join(root, 'contracts');

const outIndex = process.argv.indexOf('--out');
if (outIndex < 0 || !process.argv[outIndex + 1]) fail('usage: node js/build-contracts.mjs --out FILE');
const outFile = resolve(process.argv[outIndex + 1]);

const require = createRequire(import.meta.url);
let solcPackage;
try {
  solcPackage = require('solc/package.json');
} catch {
  fail('solc is not installed in js/node_modules: run scripts/js-setup.sh (npm ci --prefix js)');
}

// Optimizer on (these contracts are called for every batch); Cancun is what L1s and anvil run today.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

const files = listSolidity(contractsDir).sort();
if (files.length === 0) fail(`no .sol files under ${contractsDir}`);
// Source names are paths relative to the repository root, so imports resolve the same way on every machine.
const sources = Object.fromEntries(files.map(f => [relative(root, f).split('\\').join('/'), { content: readFileSync(f, 'utf8') }]));
const input = { language: 'Solidity', sources, settings };

const hash = createHash('sha256')
  .update(solcPackage.version).update('\0')
  .update(readFileSync(fileURLToPath(import.meta.url))).update('\0')
  .update(JSON.stringify(input))
  .digest('hex');

if (existsSync(outFile)) {
  try {
    if (JSON.parse(readFileSync(outFile, 'utf8')).sourceHash === hash) process.exit(0);
  } catch { /* unreadable artifact: compile again */ }
}

const solc = require('solc');
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = (output.errors ?? []).filter(e => e.severity !== 'info');
for (const p of problems) console.error(p.formattedMessage ?? p.message);
if (problems.length > 0) fail(`solc ${solc.version()}: ${problems.length} error(s) or warning(s)`);

const contracts = {};
for (const [source, byName] of Object.entries(output.contracts ?? {})) {
  for (const [name, c] of Object.entries(byName)) {
    if (contracts[name]) fail(`two contracts are named ${name} (${contracts[name].source} and ${source}): C# looks them up by name`);
    contracts[name] = {
      source,
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    };
  }
}

const artifact = { compiler: solc.version(), sourceHash: hash, settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion }, contracts };
mkdirSync(dirname(outFile), { recursive: true });
const temp = `${outFile}.${process.pid}.tmp`; // write then rename: a concurrent build never reads half a file
writeFileSync(temp, JSON.stringify(artifact, null, 1));
renameSync(temp, outFile);
console.log(`compiled ${files.length} Solidity files (${Object.keys(contracts).length} contracts) with solc ${solc.version()}`);

function listSolidity(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSolidity(path);
    return entry.name.endsWith('.sol') ? [path] : [];
  });
}

function fail(message) {
  console.error(`build-contracts: ${message}`);
  process.exit(1);
}
