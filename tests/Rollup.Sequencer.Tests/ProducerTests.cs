using System.Text.Json;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Block production: fee order within a block, the block gas limit, EIP-1559 base fee movement, and empty
/// blocks that bring the base fee back down for transactions it outgrew.</summary>
public sealed class ProducerTests
{
    [Fact]
    public async Task Full_blocks_raise_the_base_fee_and_empty_blocks_lower_it_again()
    {
        // A 100,000 gas block holds four transfers; the target is half of that.
        await using var node = await TestNode.Start(c => c with
        {
            Genesis = new Genesis { ChainId = c.Genesis.ChainId, Alloc = c.Genesis.Alloc, GasLimit = 100_000 },
            Producer = c.Producer with { BlockTime = TimeSpan.FromSeconds(1) },
        });
        var requests = new List<string>();
        for (ulong n = 0; n < 4; n++) requests.Add(Txs.Raw(Txs.Transfer(TestNode.Keys[0], n, Txs.Addr(9), 1, feeCap: 100 * Txs.Gwei, tip: 2 * Txs.Gwei)));
        // Pays just above block 1's base fee (0.875 gwei) and tips least: it does not fit in block 1, and block 2's base
        // fee (raised by block 1's 84,000 gas) is above its fee cap.
        var late = Txs.Transfer(TestNode.Keys[1], 0, Txs.Addr(9), 1, feeCap: 876_000_000, tip: 1_000_000);
        requests.Add(Txs.Raw(late));
        var body = "[" + string.Join(",", requests.Select((r, i) => $"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"eth_sendRawTransaction\",\"params\":[\"{r}\"]}}")) + "]";
        var (_, json) = await node.Rpc.Post(body);
        Assert.All(json!.Value.EnumerateArray(), r => Assert.True(r.TryGetProperty("result", out _), r.ToString()));

        JsonElement receipt = default;
        await Wait.Until(async () => (receipt = await node.Rpc.Call("eth_getTransactionReceipt", late.Hash.ToString())).ValueKind != JsonValueKind.Null, 30_000);
        var block1 = await node.Rpc.Call("eth_getBlockByNumber", "0x1", false);
        Assert.Equal(4, block1.GetProperty("transactions").GetArrayLength());
        Assert.Equal("0x14820", block1.GetProperty("gasUsed").GetString()); // 84,000
        ulong lateBlock = Convert.ToUInt64(receipt.GetProperty("blockNumber").GetString()![2..], 16);
        Assert.True(lateBlock >= 3);
        // Every block between was empty and each lowered the base fee by an eighth.
        var chain = node.Node.Context.Chain;
        Assert.True(chain.GetBlock(2)!.Header.BaseFeePerGas > 876_000_000UL);
        for (ulong n = 2; n < lateBlock; n++)
        {
            var h = chain.GetBlock(n)!.Header;
            Assert.Empty(chain.GetBlock(n)!.Transactions);
            Assert.Equal(Evm.Blocks.BaseFee.Next(h), chain.GetBlock(n + 1)!.Header.BaseFeePerGas);
        }
    }
}
