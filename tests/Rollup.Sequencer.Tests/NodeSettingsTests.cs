using Rollup.Sequencer.Node;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Configuration sources and their precedence (file &lt; environment &lt; flags), dev accounts and genesis files.</summary>
public sealed class NodeSettingsTests : IDisposable
{
    private readonly string _dir = TestNode.NewDataDir();

    public NodeSettingsTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Flags_beat_environment_beats_file()
    {
        var file = Path.Combine(_dir, "node.json");
        File.WriteAllText(file, "{ \"dev\": true, \"port\": 9000, \"block-time\": 2, \"min-tip\": \"0x10\" }");
        var env = new System.Collections.Hashtable { ["ROLLUP_PORT"] = "9001", ["ROLLUP_BLOCK_TIME"] = "0" };
        var merged = NodeSettings.Merge(NodeSettings.FromFile(file), NodeSettings.FromEnvironment(env), new() { ["port"] = "9002" });
        var (config, keys) = NodeSettings.Build(merged);
        Assert.Equal(9002, config.Rpc.Port);
        Assert.Equal(TimeSpan.Zero, config.Producer.BlockTime);
        Assert.Equal(16UL, (ulong)config.Pool.MinTip);
        Assert.Equal(10, keys.Count);
        Assert.All(keys, k => Assert.Equal(DevAccounts.Balance, config.Genesis.Alloc[k.Address].Balance));
        Assert.Equal(901UL, config.Genesis.ChainId);
    }

    [Fact]
    public void Dev_keys_are_fixed_and_a_genesis_file_is_read()
    {
        Assert.Equal(DevAccounts.Keys()[3].Address, DevAccounts.Keys()[3].Address);
        Assert.Equal(10, DevAccounts.Keys().Select(k => k.Address).Distinct().Count());

        var genesisFile = Path.Combine(_dir, "genesis.json");
        File.WriteAllText(genesisFile, """
            { "config": { "chainId": 1337 }, "gasLimit": "0x1c9c380", "baseFeePerGas": "1000",
              "alloc": { "0x00000000000000000000000000000000000000aa": { "balance": "0x10", "code": "0x6001", "storage": { "0x01": "0x02" } } } }
            """);
        var (config, keys) = NodeSettings.Build(new Dictionary<string, string> { ["genesis"] = genesisFile });
        Assert.Empty(keys);
        Assert.Equal(1337UL, config.Genesis.ChainId);
        Assert.Equal(1000UL, (ulong)config.Genesis.BaseFeePerGas);
        var account = Assert.Single(config.Genesis.Alloc).Value;
        Assert.Equal([0x60, 0x01], account.Code);
        Assert.Equal(2UL, (ulong)account.Storage![1]);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        Assert.Contains("genesis", Assert.Throws<ArgumentException>(() => NodeSettings.Build(new Dictionary<string, string>())).Message);
        Assert.Contains("port", Assert.Throws<FormatException>(() => NodeSettings.Build(new Dictionary<string, string> { ["dev"] = "true", ["port"] = "x" })).Message);
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "{ \"prot\": 1 }");
        Assert.Contains("unknown setting \"prot\"", Assert.Throws<FormatException>(() => NodeSettings.FromFile(file)).Message);
    }
}
