using System.Diagnostics;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State;
using Rollup.State.Store;

namespace Rollup.Bench;

/// <summary>
/// The state tree at 10,000 accounts on RocksDB (bench/RESULTS.md, "State tree"): one commit creating them, one
/// updating them all, one updating 1,000, the same after reopening the database (cold cache), 10,000 slots of one
/// contract, reads and proofs. Each line gives wall time and the process's CPU time (all threads), since commits
/// spread per-account work over the cores. <c>--sequential</c> runs commits on one thread.
/// </summary>
public static class StateQuickTimer
{
    private const int Accounts = 10_000;

    public static void Run(bool sequential)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rollup-state-bench-" + Guid.NewGuid().ToString("N"));
        try { RunIn(dir, sequential); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void RunIn(string dir, bool sequential)
    {
        Address[] addresses = [.. Enumerable.Range(0, Accounts).Select(i => new Address(Keccak256.Hash(BitConverter.GetBytes(i)).Bytes[12..]))];
        var rng = new Random(1);
        UInt256 RandomBalance() => new((ulong)rng.NextInt64(), (ulong)rng.Next());
        int parallelism = sequential ? 1 : Environment.ProcessorCount;
        Console.WriteLine($"state tree, {Accounts:N0} accounts, parallelism {parallelism}, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        // Warm up the JIT and the Poseidon parameters of every width used, outside the timings.
        using (var warm = StateStore.Open(Path.Combine(dir, "warm")))
        {
            var w = warm.At(StateRoot.Empty);
            var c = new StateChanges();
            for (int i = 0; i < 64; i++) c.Accounts[addresses[i]] = new AccountData(1, RandomBalance(), AccountData.EmptyCodeHash);
            c.Storage[addresses[0]] = new() { [UInt256.One] = UInt256.One };
            w.Commit(c);
        }

        // The hashes a commit is made of, per width (t = inputs + 1), as the cost model's unit.
        foreach (int inputs in new[] { 1, 2, 3, 8, 16 })
        {
            var x = new Fr[inputs];
            for (int i = 0; i < inputs; i++) x[i] = Fr.FromUInt64((ulong)i + 1);
            int n = 16_000 / (inputs + 1);
            for (int i = 0; i < n; i++) x[0] = Rollup.Crypto.Hashing.Poseidon.Hash(x);   // JIT tiers settle
            var process = Process.GetCurrentProcess();
            TimeSpan cpu0 = process.TotalProcessorTime;
            for (int i = 0; i < n; i++) x[0] = Rollup.Crypto.Hashing.Poseidon.Hash(x);
            process.Refresh();
            Console.WriteLine($"Poseidon t = {inputs + 1,2}: {(process.TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / n,6:F1} µs CPU");
        }

        Fr root;
        using (var store = StateStore.Open(Path.Combine(dir, "db")))
        {
            store.Parallelism = parallelism;
            var state = store.At(StateRoot.Empty);

            var create = new StateChanges();
            foreach (var a in addresses) create.Accounts[a] = new AccountData(1, RandomBalance(), AccountData.EmptyCodeHash);
            Time("insert 10,000 accounts, commit", () => state.Commit(create));

            var updateAll = new StateChanges();
            foreach (var a in addresses) updateAll.Accounts[a] = new AccountData(2, RandomBalance(), AccountData.EmptyCodeHash);
            Time("update 10,000 accounts, commit", () => state.Commit(updateAll));

            var updateSome = new StateChanges();
            foreach (var a in addresses.Take(1_000)) updateSome.Accounts[a] = new AccountData(3, RandomBalance(), AccountData.EmptyCodeHash);
            Time("update 1,000 of them, commit", () => state.Commit(updateSome));

            var slots = new StateChanges();
            slots.Accounts[addresses[0]] = new AccountData(3, UInt256.One, AccountData.EmptyCodeHash);
            slots.Storage[addresses[0]] = Enumerable.Range(1, 10_000).ToDictionary(i => new UInt256((ulong)i), i => new UInt256((ulong)i * 7));
            Time("10,000 slots of one account, commit", () => state.Commit(slots));

            var reader = store.At(state.Root);
            Time("read 10,000 accounts (warm cache)", () => { foreach (var a in addresses) reader.TryGetAccount(a, out _); });
            Time("1,000 account proofs", () => { foreach (var a in addresses.Take(1_000)) state.GetProof(a, []); });
            int[] depths = [.. addresses.Select(a => state.GetProof(a, []).Path.Depth)];
            Console.WriteLine($"account path depth over {Accounts:N0} accounts: mean {depths.Average():F2}, max {depths.Max()}");
            root = state.Root;
        }

        using (var store = StateStore.Open(Path.Combine(dir, "db")))
        {
            store.Parallelism = parallelism;
            var state = store.At(root);
            Time("reopen; read 10,000 accounts (cold)", () => { foreach (var a in addresses) state.TryGetAccount(a, out _); });
            var state2 = store.At(root);
            var updateSome = new StateChanges();
            foreach (var a in addresses.Skip(5_000).Take(1_000)) updateSome.Accounts[a] = new AccountData(4, RandomBalance(), AccountData.EmptyCodeHash);
            Time("update 1,000 accounts, commit", () => state2.Commit(updateSome));
        }
    }

    private static void Time(string name, Action body)
    {
        var process = Process.GetCurrentProcess();
        TimeSpan cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        body();
        sw.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        Console.WriteLine($"{name,-40} {sw.Elapsed.TotalMilliseconds,9:F0} ms wall {cpu,9:F0} ms CPU");
    }
}
