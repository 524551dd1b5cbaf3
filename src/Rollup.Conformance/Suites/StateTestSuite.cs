using System.Globalization;
using System.Text;
using System.Text.Json;
using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;

namespace Rollup.Conformance.Suites;

/// <summary>ethereum/tests GeneralStateTests: a pre-state, a transaction template and, per fork, cases that pick one
/// data/gas/value combination and give the post-state root, the logs hash and whether the transaction is invalid.
/// Each (fork, index) is one case. The signed transaction comes from the case's <c>txbytes</c>, so decoding and
/// sender recovery are exercised too.</summary>
public sealed class StateTestSuite : IFixtureSuite
{
    private const ulong ChainId = 1;

    public string Name => "GeneralStateTests";

    /// <summary>Forks the EVM implements; cases of other forks are skipped with that reason.</summary>
    public static readonly IReadOnlySet<Fork> SupportedForks = new HashSet<Fork>
    {
        Fork.Frontier, Fork.Homestead, Fork.EIP150, Fork.EIP158, Fork.Byzantium, Fork.Constantinople, Fork.ConstantinopleFix,
        Fork.Istanbul, Fork.Berlin, Fork.London, Fork.Paris, Fork.Shanghai, Fork.Cancun,
    };

    public IEnumerable<CaseResult> RunFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            StateTestFixture fixture;
            try { fixture = StateTestFixture.Parse(test.Value); }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                results.Add(CaseResult.Fail(Name, path, test.Name, $"fixture could not be read: {e.Message}"));
                continue;
            }
            foreach (var (forkName, cases) in fixture.Post)
            {
                for (int i = 0; i < cases.Count; i++)
                {
                    var c = cases[i];
                    string caseName = $"{test.Name} [{forkName} d{c.DataIndex} g{c.GasIndex} v{c.ValueIndex}]";
                    if (!ForkNames.TryParse(forkName, out var fork) || !SupportedForks.Contains(fork))
                    {
                        results.Add(CaseResult.Skip(Name, path, caseName, $"fork {forkName} is not implemented"));
                        continue;
                    }
                    results.Add(RunCase(path, caseName, fixture, fork, c));
                }
            }
        }
        return results;
    }

    private CaseResult RunCase(string path, string caseName, StateTestFixture fixture, Fork fork, StateTestCase c)
    {
        try
        {
            var outcome = StateTestRunner.Run(fixture, ForkRules.For(fork), c, ChainId);
            var problems = new List<string>();
            if (c.ExpectException is { } expected)
            {
                if (outcome.Rejection is null) problems.Add($"expected {expected}, but the transaction was accepted");
                else if (!FixtureExceptions.Matches(expected, outcome.Rejection))
                    problems.Add($"expected {expected}, rejected for {outcome.Rejection.Error}: {outcome.Rejection.Message}");
            }
            else if (outcome.Rejection is { } rejected)
            {
                problems.Add($"valid transaction rejected: {rejected.Error}: {rejected.Message}");
            }
            if (outcome.StateRoot != c.StateRoot) problems.Add($"state root {outcome.StateRoot} != {c.StateRoot}");
            if (outcome.LogsHash != c.LogsHash) problems.Add($"logs hash {outcome.LogsHash} != {c.LogsHash}");
            return problems.Count == 0 ? CaseResult.Pass(Name, path, caseName) : CaseResult.Fail(Name, path, caseName, string.Join("; ", problems));
        }
        catch (Exception e)
        {
            return CaseResult.Fail(Name, path, caseName, $"{e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>The parsed form of one state test.</summary>
public sealed class StateTestFixture
{
    public required BlockEnvironment Block { get; init; }
    public required Dictionary<Address, (ulong Nonce, UInt256 Balance, byte[] Code, Dictionary<UInt256, UInt256> Storage)> Pre { get; init; }
    public required JsonElement Transaction { get; init; }
    public required List<(string Fork, List<StateTestCase> Cases)> Post { get; init; }

    public static StateTestFixture Parse(JsonElement test)
    {
        var env = test.GetProperty("env");
        var block = new BlockEnvironment
        {
            Coinbase = Address.Parse(env.GetProperty("currentCoinbase").GetString()!),
            Number = U64(env, "currentNumber"),
            Timestamp = U64(env, "currentTimestamp"),
            GasLimit = U64(env, "currentGasLimit"),
            BaseFee = U256(env, "currentBaseFee", UInt256.Zero),
            Difficulty = U256(env, "currentDifficulty", UInt256.Zero),
            PrevRandao = U256(env, "currentRandom", U256(env, "currentDifficulty", UInt256.Zero)),
            ExcessBlobGas = env.TryGetProperty("currentExcessBlobGas", out var ebg) ? ParseU64(ebg.GetString()!) : 0,
            ChainId = 1,
            BlockHashes = TestBlockHash,
        };

        var pre = new Dictionary<Address, (ulong, UInt256, byte[], Dictionary<UInt256, UInt256>)>();
        foreach (var account in test.GetProperty("pre").EnumerateObject())
        {
            var a = account.Value;
            var storage = new Dictionary<UInt256, UInt256>();
            foreach (var slot in a.GetProperty("storage").EnumerateObject())
                storage[UInt256.Parse(slot.Name)] = UInt256.Parse(slot.Value.GetString()!);
            pre[Address.Parse(account.Name)] = (ParseU64(a.GetProperty("nonce").GetString()!), UInt256.Parse(a.GetProperty("balance").GetString()!),
                Hex.Parse(a.GetProperty("code").GetString()!), storage);
        }

        var post = new List<(string, List<StateTestCase>)>();
        foreach (var fork in test.GetProperty("post").EnumerateObject())
        {
            var cases = new List<StateTestCase>();
            foreach (var c in fork.Value.EnumerateArray())
            {
                var idx = c.GetProperty("indexes");
                cases.Add(new StateTestCase
                {
                    DataIndex = idx.GetProperty("data").GetInt32(),
                    GasIndex = idx.GetProperty("gas").GetInt32(),
                    ValueIndex = idx.GetProperty("value").GetInt32(),
                    StateRoot = Hash256.Parse(c.GetProperty("hash").GetString()!),
                    LogsHash = Hash256.Parse(c.GetProperty("logs").GetString()!),
                    TxBytes = c.TryGetProperty("txbytes", out var tb) ? Hex.Parse(tb.GetString()!) : null,
                    ExpectException = c.TryGetProperty("expectException", out var ex) ? ex.GetString() : null,
                });
            }
            post.Add((fork.Name, cases));
        }
        return new StateTestFixture { Block = block, Pre = pre, Transaction = test.GetProperty("transaction").Clone(), Post = post };
    }

    /// <summary>The state-test harness's BLOCKHASH: keccak256 of the block number written in decimal.</summary>
    public static Hash256 TestBlockHash(ulong number) => Keccak256.Hash(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)));

    private static ulong U64(JsonElement e, string name) => ParseU64(e.GetProperty(name).GetString()!);
    private static UInt256 U256(JsonElement e, string name, UInt256 fallback) => e.TryGetProperty(name, out var v) ? UInt256.Parse(v.GetString()!) : fallback;

    public static ulong ParseU64(string s)
    {
        var v = UInt256.Parse(s);
        if (!v.FitsInUlong) throw new FormatException($"{s} does not fit in 64 bits");
        return v.U0;
    }
}

public sealed class StateTestCase
{
    public int DataIndex { get; init; }
    public int GasIndex { get; init; }
    public int ValueIndex { get; init; }
    public Hash256 StateRoot { get; init; }
    public Hash256 LogsHash { get; init; }
    public byte[]? TxBytes { get; init; }
    public string? ExpectException { get; init; }
}
