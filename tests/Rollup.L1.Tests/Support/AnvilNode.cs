using System.Text.Json.Nodes;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Devnet;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.L1.Tests.Support;

/// <summary>A real anvil devnet on 127.0.0.1, on a port the OS picks (--port 0; anvil prints the one it got),
/// stopped on dispose. Accounts are fresh random keys funded with anvil_setBalance, so tests never depend on anvil's
/// well-known keys and never share a nonce.</summary>
public sealed class AnvilNode : IAsyncDisposable
{
    private readonly AnvilProcess _process;

    public string Url => _process.Url;
    public EthClient Client { get; }
    public const ulong ChainId = AnvilProcess.DefaultChainId;

    private AnvilNode(AnvilProcess process)
    {
        _process = process;
        Client = new EthClient(process.Url);
    }

    /// <summary>The product's own anvil launcher (the one `rollup node --dev` uses), with the binary the tests pin.</summary>
    public static async Task<AnvilNode> StartAsync() => new(await AnvilProcess.StartAsync(binary: JsTools.Anvil));

    public async Task FundAsync(Address account, UInt256 wei) =>
        await Client.Rpc.CallAsync("anvil_setBalance", [account.ToString(), Quantity.Of(wei)]);

    /// <summary>A fresh key holding 100 ETH, with a sender for it.</summary>
    public async Task<TransactionSender> NewAccountAsync(ulong ether = 100)
    {
        var key = PrivateKey.Generate();
        if (ether > 0) await FundAsync(key.Address, Units.Ether(ether));
        return new TransactionSender(Client, key, ChainId) { ReceiptTimeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }
}
