using System.Text.Json;
using Rollup.Core.Chain;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.State;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>The node's blocks are valid Ethereum (Cancun) blocks: imported one by one into the conformance-tested
/// <see cref="InMemoryBlockchain"/>, every header rule holds and every commitment (transactions, receipts, bloom, gas,
/// state root, recomputed by js/smt-reference.mjs) matches an independent re-execution.</summary>
public sealed class ChainValidityTests
{
    [Fact]
    public async Task Produced_blocks_import_into_the_reference_chain()
    {
        await using var node = await TestNode.Start();
        var (_, bytecode) = await JsTools.TestToken();
        byte[] ctor = [.. Hex.Parse(bytecode), .. Abi((ulong)96), .. Abi(160), .. Abi(1_000_000), .. Abi(1), .. Pad("A"), .. Abi(1), .. Pad("B")];
        var deploy = Txs.Create(TestNode.Keys[0], 0, ctor);
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(deploy));
        await Mined(node, deploy.Hash);
        var token = Rollup.Evm.Execution.ContractAddress.FromNonce(Txs.Addr(0), 0);
        // Several senders at once, so blocks hold more than one transaction; a token transfer that reverts too.
        var hashes = new List<Hash256>();
        for (ulong round = 0; round < 3; round++)
            for (int s = 0; s < 4; s++)
            {
                var tx = s == 0
                    ? Txs.Transfer(TestNode.Keys[0], 1 + round, token, 0, gas: 100_000, data: Transfer(Txs.Addr(5), 10 + round))
                    : s == 1
                        ? Txs.Transfer(TestNode.Keys[1], round, token, 0, gas: 100_000, data: Transfer(Txs.Addr(5), 1)) // reverts: no tokens
                        : Txs.Transfer(TestNode.Keys[s], round, Txs.Addr(7), 1000 + round);
                hashes.Add(tx.Hash);
                await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
            }
        foreach (var h in hashes) await Mined(node, h);

        var chain = node.Node.Context.Chain;
        var genesisState = new InMemoryStateSource();
        foreach (var (address, account) in node.Node.Config.Genesis.Alloc)
            genesisState.SetAccount(address, account.Nonce, account.Balance, account.Code ?? [], account.Storage);
        // State roots are the Poseidon tree's: each block's post-state is committed again by the JavaScript reference.
        var reference = new InMemoryBlockchain(chain.GetBlock(0)!, genesisState, ForkRules.For(Fork.Cancun), TestNode.ChainId,
            state => SmtReference.Root(state).GetAwaiter().GetResult());
        Assert.Equal(chain.GetBlock(0)!.Header.StateRoot, await SmtReference.Root(genesisState));
        for (ulong n = 1; n <= chain.Head!.Number; n++)
        {
            reference.Import(chain.GetBlock(n)!);   // throws on any difference, the state root included
        }
        Assert.True(chain.Head.Number >= 2);
        var failed = await node.Rpc.Call("eth_getTransactionReceipt", hashes[1].ToString());
        Assert.Equal("0x0", failed.GetProperty("status").GetString());
    }

    private static async Task Mined(TestNode node, Hash256 hash) =>
        await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", hash.ToString())).ValueKind != JsonValueKind.Null);

    private static byte[] Abi(ulong v) => new UInt256(v).ToBigEndian();
    private static byte[] Pad(string s) { var b = System.Text.Encoding.UTF8.GetBytes(s); return [.. b, .. new byte[32 - b.Length]]; }
    private static byte[] Transfer(Address to, ulong amount) => [0xa9, 0x05, 0x9c, 0xbb, .. new byte[12], .. to.Bytes, .. Abi(amount)];
}
