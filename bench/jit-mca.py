#!/usr/bin/env python3
"""Static cost of JIT-compiled methods: llvm-mca's cycles per call for each Tier-1 listing.

On the shared 2-core machine wall-clock timings of a 40 ns routine move by 20% from run to run;
llvm-mca's estimate for the JIT's actual output does not move at all, so it is what small
code-shape decisions were judged by (and the best-of-rounds timer confirmed the larger ones).

  DOTNET_JitDisasm='*Bn254*:*' DOTNET_JitStdOutFile=/tmp/bn.asm \
      dotnet bench/Rollup.Bench/bin/Release/net10.0/Rollup.Bench.dll --bn254-micro 3
  python3 bench/jit-mca.py /tmp/bn.asm [substring] [--mcpu icelake-server]

Branches, calls, pushes and pops are dropped, so a listing is costed as straight-line code (right
for the field arithmetic, which has no branches; a method with calls is costed without its callees).
"""
import re
import subprocess
import sys
import tempfile

args = sys.argv[1:]
mcpu = 'icelake-server'  # the closest scheduling model LLVM 14 has for Sapphire Rapids
if '--mcpu' in args:
    i = args.index('--mcpu'); mcpu = args[i + 1]; del args[i:i + 2]
path = args[0]
needle = args[1] if len(args) > 1 else ''

listings = re.split(r'(?=; Assembly listing for method )', open(path).read())
for listing in listings:
    head = listing.split('\n')[0]
    if '(Tier1)' not in head and 'FullOpts' not in head:
        continue
    name = head.replace('; Assembly listing for method ', '').replace('Rollup.Crypto.Bn254.', '')
    if needle not in name:
        continue
    body, count, calls = ['.intel_syntax noprefix'], 0, 0
    for line in listing.split('\n'):
        s = line.strip()
        if not s or s.startswith((';', 'G_M', 'align')):
            continue
        s = re.sub(r'\b[bg]word ptr', 'qword ptr', s.split(';')[0].strip())
        op = s.split()[0]
        calls += op == 'call'
        if op.startswith('j') or op in ('call', 'ret', 'int3', 'push', 'pop'):
            continue
        body.append(re.sub(r'\bSHORT\b', '', s))
        count += 1
    with tempfile.NamedTemporaryFile('w', suffix='.s') as f:
        f.write('\n'.join(body) + '\n'); f.flush()
        out = subprocess.run(['llvm-mca', f'-mcpu={mcpu}', '-iterations=100', f.name], capture_output=True, text=True).stdout
    m = re.search(r'Total Cycles:\s+(\d+)', out)
    cycles = int(m.group(1)) / 100 if m else float('nan')
    print(f'{cycles:8.1f} cycles  {count:5d} instructions  {calls:3d} calls  {name[:120]}')
