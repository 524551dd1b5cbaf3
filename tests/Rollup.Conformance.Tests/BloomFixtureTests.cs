using System.Text.Json;
using Rollup.Conformance.Suites;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Encoding;
using Rollup.Evm.Blocks;

namespace Rollup.Conformance.Tests;

/// <summary>The logs bloom checked on its own against the fixtures: the bloom computed from the logs each valid block
/// emits equals the "bloom" the fixture's JSON header gives (read from the JSON, not from the RLP the importer also
/// checks), and reports every emitting address and topic as possibly present.</summary>
public class BloomFixtureTests
{
    [Fact]
    public void Bloom_of_each_blocks_logs_equals_the_fixture_headers_bloom()
    {
        int blocksWithLogs = 0;
        foreach (var file in Directory.EnumerateFiles(FixturePaths.EthTests("BlockchainTests/ValidBlocks"), "*.json", SearchOption.AllDirectories))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var test in doc.RootElement.EnumerateObject())
            {
                var t = test.Value;
                var genesis = BlockCodec.Decode(Hex.Parse(t.GetProperty("genesisRLP").GetString()!));
                var chain = new InMemoryBlockchain(genesis, FixtureAccounts.Parse(t.GetProperty("pre")), ForkRules.For(Fork.Cancun), 1);
                foreach (var entry in t.GetProperty("blocks").EnumerateArray())
                {
                    if (!entry.TryGetProperty("blockHeader", out var header)) continue;
                    var result = chain.Import(BlockCodec.Decode(Hex.Parse(entry.GetProperty("rlp").GetString()!)));
                    var logs = result.Receipts.SelectMany(r => r.Logs).ToList();
                    var bloom = Bloom.FromLogs(logs);
                    Assert.True(Bloom.Parse(header.GetProperty("bloom").GetString()!).Equals(bloom), $"{test.Name} block {result.Block.Number}");
                    foreach (var log in logs)
                    {
                        Assert.True(bloom.Contains(log.Address));
                        Assert.All(log.Topics, topic => Assert.True(bloom.Contains(topic)));
                    }
                    if (logs.Count > 0) blocksWithLogs++;
                }
            }
        }
        Assert.True(blocksWithLogs >= 20, $"only {blocksWithLogs} blocks with logs: the test would prove little");
    }
}
