using System.Text.Json;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.State;

namespace Rollup.Conformance.Suites;

/// <summary>ethereum/tests BlockchainTests: a genesis block and its pre-state, then blocks to import in order, each
/// given as RLP and either valid or expected to be rejected (for a named reason). A test is one case: every valid block
/// must import, every invalid one must be rejected for the rule the fixture names, and at the end the head must be
/// <c>lastblockhash</c> and the state <c>postState</c> (or the root <c>postStateHash</c>).</summary>
public sealed class BlockchainTestSuite : IFixtureSuite
{
    private const ulong ChainId = 1;

    public string Name => "BlockchainTests";

    public IEnumerable<CaseResult> RunFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            string network = test.Value.GetProperty("network").GetString()!;
            if (!ForkNames.TryParse(network, out var fork) || !StateTestSuite.SupportedForks.Contains(fork))
            {
                results.Add(CaseResult.Skip(Name, path, test.Name, $"fork {network} is not implemented"));
                continue;
            }
            try
            {
                var problems = Run(test.Value, ForkRules.For(fork));
                results.Add(problems.Count == 0 ? CaseResult.Pass(Name, path, test.Name) : CaseResult.Fail(Name, path, test.Name, string.Join("; ", problems)));
            }
            catch (Exception e)
            {
                results.Add(CaseResult.Fail(Name, path, test.Name, $"{e.GetType().Name}: {e.Message}"));
            }
        }
        return results;
    }

    /// <summary>Imports the test's blocks and returns what went wrong (nothing for a pass).</summary>
    public static List<string> Run(JsonElement test, ForkRules rules) => Run(test, rules, out _);

    /// <param name="chain">The chain after the import, for tests that inspect it further.</param>
    public static List<string> Run(JsonElement test, ForkRules rules, out InMemoryBlockchain chain)
    {
        var problems = new List<string>();
        var genesis = BlockCodec.Decode(Hex.Parse(test.GetProperty("genesisRLP").GetString()!));
        var genesisHash = Hash256.Parse(test.GetProperty("genesisBlockHeader").GetProperty("hash").GetString()!);
        if (genesis.Hash != genesisHash) problems.Add($"genesis hash {genesis.Hash} != {genesisHash}");
        var pre = FixtureAccounts.Parse(test.GetProperty("pre"));
        var preRoot = MptStateRoot.Compute(pre);
        if (preRoot != genesis.Header.StateRoot) problems.Add($"pre-state root {preRoot} != genesis state root {genesis.Header.StateRoot}");

        chain = new InMemoryBlockchain(genesis, pre, rules, ChainId);
        int index = 0;
        foreach (var entry in test.GetProperty("blocks").EnumerateArray())
        {
            string? expected = entry.TryGetProperty("expectException", out var ex) ? ex.GetString() : null;
            string where = $"block {index++}";
            try
            {
                var block = BlockCodec.Decode(Hex.Parse(entry.GetProperty("rlp").GetString()!));
                where = $"block {index - 1} (#{block.Number})";
                chain.Import(block);
                if (expected is not null) problems.Add($"{where}: expected {expected}, but it was imported");
            }
            catch (BlockException e)
            {
                if (expected is null) problems.Add($"{where}: valid block rejected: {e.Error}: {e.Message}");
                else if (!BlockFixtureExceptions.Matches(expected, e)) problems.Add($"{where}: expected {expected}, rejected for {e.Error}: {e.Message}");
            }
        }

        var lastHash = Hash256.Parse(test.GetProperty("lastblockhash").GetString()!);
        if (chain.Head.Hash != lastHash) problems.Add($"head {chain.Head.Hash} (#{chain.Head.Number}) != lastblockhash {lastHash}");
        CheckPostState(test, chain.HeadState, problems);
        return problems;
    }

    private static void CheckPostState(JsonElement test, InMemoryStateSource actual, List<string> problems)
    {
        var root = MptStateRoot.Compute(actual);
        if (test.TryGetProperty("postStateHash", out var hash))
        {
            var expectedRoot = Hash256.Parse(hash.GetString()!);
            if (root != expectedRoot) problems.Add($"post-state root {root} != {expectedRoot}");
            return;
        }
        var expected = FixtureAccounts.Parse(test.GetProperty("postState"));
        if (root != MptStateRoot.Compute(expected))
            problems.Add("post-state differs: " + string.Join(", ", FixtureAccounts.Differences(expected, actual)));
    }
}
