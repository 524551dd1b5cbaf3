#!/usr/bin/env python3
"""Best-of comparison of two or more builds of bench/Rollup.Bench on a shared machine.

Runs each build's --bn254-micro harness in turn, several times, and keeps every case's best
figure per build. Alternating the builds exposes them to the same stretches of load; the
harness's own round-robin does the same for the cases inside one run. With load 8-20 on the
2 cores, best-of figures of unchanged code agreed to within 0.1-3% between builds.

  dotnet build bench/Rollup.Bench -c Release -o /tmp/before   (at the old commit)
  dotnet build bench/Rollup.Bench -c Release -o /tmp/after
  python3 bench/compare-builds.py ROUNDS REPEATS FILTER|- /tmp/before /tmp/after
"""
import subprocess, sys, re, collections
# compare.py <rounds> <reps> <filter> dirA dirB ...
rounds, reps, filt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
dirs = sys.argv[4:]
best = collections.defaultdict(dict)
order = []
for rep in range(reps):
    for d in dirs:
        args = ['dotnet', d + '/Rollup.Bench.dll', '--bn254-micro', rounds] + ([filt] if filt != '-' else [])
        out = subprocess.run(args, capture_output=True, text=True).stdout
        for line in out.split('\n'):
            m = re.match(r'(.{30}) best\s+([\d.]+) (ns|µs)', line)
            if not m: continue
            name = m.group(1).strip(); v = float(m.group(2)) * (1000 if m.group(3) == 'µs' else 1)
            if name not in order: order.append(name)
            best[name][d] = min(best[name].get(d, 1e18), v)
print(f"{'case':30} " + ' '.join(f'{d[-14:]:>14}' for d in dirs))
for n in order:
    vals = [best[n].get(d) for d in dirs]
    def f(v): return '-' if v is None else (f'{v/1000:.1f} µs' if v >= 10000 else f'{v:.2f} ns')
    print(f'{n:30} ' + ' '.join(f'{f(v):>14}' for v in vals))
