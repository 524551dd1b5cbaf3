// Compiles Solidity with solc-js (the npm package pinned in package.json): reads a standard-JSON input on stdin and
// writes solc's standard-JSON output to stdout. Errors of severity "error" make the exit code 1.
import solc from 'solc';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const output = JSON.parse(solc.compile(input));
process.stdout.write(JSON.stringify(output));
const errors = (output.errors ?? []).filter(e => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) process.stderr.write(e.formattedMessage + '\n');
  process.exit(1);
}
