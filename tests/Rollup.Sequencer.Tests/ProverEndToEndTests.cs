using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Devnet;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;
using Rollup.Proving;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.L1;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Tests.Support;
using Xunit.Abstractions;

namespace Rollup.Sequencer.Tests;

/// <summary>The whole path with real parts: the node seals a batch of ETH transfers and a contract call (storage, memory,
/// CALLER, LT, AND: gadgets the batch circuit carries since it has them all), commits it to
/// the rollup contract on anvil, the in-process prover re-executes it, proves it on the fixed batch circuit (the
/// super circuit, insecure dev SRS) and the rollup finalizes it through the verifier generated for that circuit's key.
/// Before the genuine finalize, the same real contract refuses the proof with a flipped byte and the proof under a
/// different new state root (a wrong public input).</summary>
public sealed class ProverEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AnvilProcess _anvil = null!;
    private EthClient _client = null!;
    private readonly string _dataDir = TestNode.NewDataDir();
    private readonly string _keyDir = TestNode.NewDataDir();

    /// <summary>A contract in the genesis state that uses opcodes beyond stack, arithmetic and jumps, each proven by its
    /// gadget in the batch circuit (CALL, CREATE, LOG, KECCAK256 still have none): it takes the caller's low byte
    /// (CALLER, AND), round-trips it through memory (MSTORE, MLOAD), compares it with 0x80 (LT) and adds 1 + that bit
    /// to storage slot 0 (SLOAD, ADD, SSTORE).</summary>
    private static readonly Address Counter = Address.Parse("0x00000000000000000000000000000000000add01");
    private static readonly byte[] CounterCode = new BytecodeBuilder()
        .Op(Opcode.CALLER).Push(0xff).Op(Opcode.AND)               // x = caller & 0xff
        .Push(0).Op(Opcode.MSTORE).Push(0).Op(Opcode.MLOAD)        // memory[0] := x; x again, from memory
        .Push(0x80).Op(Opcode.LT)                                  // 0x80 < x
        .Push(0).Op(Opcode.SLOAD).Op(Opcode.ADD).Push(1).Op(Opcode.ADD)
        .Push(0).Op(Opcode.SSTORE).Op(Opcode.STOP).Build();         // slot 0 := slot 0 + (0x80 < x) + 1

    private static string AnvilBinary => Path.Combine(JsTools.JsDir, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public async Task InitializeAsync()
    {
        // Ethereum's limits (EIP-170 code size, the default block gas limit): the batch circuit's verifier fits them.
        _anvil = await AnvilProcess.StartAsync(binary: AnvilBinary);
        _client = new EthClient(_anvil.Url);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _anvil.DisposeAsync();
        foreach (var dir in new[] { _dataDir, _keyDir }) try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    /// <summary>Three blocks (one transaction each) make one batch; L1 retries come fast.</summary>
    private static NodeConfig Config(NodeConfig c)
    {
        c.Genesis.Alloc[Counter] = new GenesisAccount(UInt256.Zero, 1, CounterCode);
        return c with { Batches = c.Batches with { MaxBlocks = 3 }, L1FirstRetryDelay = TimeSpan.FromMilliseconds(200) };
    }

    /// <param name="stateTransition">With the state transition in the batch circuit (2^14 rows), so the finalized root
    /// is proven: the circuit ties it to the batch's execution through the state tree, not just to the statement.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_of_transfers_and_a_call_is_proven_and_finalized_on_L1(bool stateTransition)
    {
        var clock = Stopwatch.StartNew();
        var options = new ProverOptions
        {
            KeyDirectory = _keyDir, StateTransition = stateTransition, K = stateTransition ? BatchCircuit.MinimumTransitionK + 1 : BatchCircuit.DefaultK,
        };
        // The keys first (as `rollup l1 verifying-key --circuit super` does), so the verifier can be deployed for them.
        ProverKeys.LoadOrCreate(options.K, options.Srs, _keyDir, stateTransition);
        var keyTime = clock.Elapsed;
        var verifier = GeneratedVerifier.FromKeyFile(ProverKeys.VerifyingKeyPath(_keyDir, options.K, stateTransition));

        var key = PrivateKey.Generate();
        await _client.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), Quantity.Of(Units.Ether(100))]);
        var sender = await TransactionSender.CreateAsync(_client, key);
        var genesis = SequencerNode.GenesisBlock(TestNode.Config(_dataDir, Config));
        var deployment = await RollupDeployer.DeployAsync(sender, new DeployOptions
        {
            GenesisStateRoot = genesis.Header.StateRoot, L2ChainId = TestNode.ChainId, RealVerifier = verifier,
        });
        var rollup = new RollupContract(_client, Address.Parse(deployment.Rollup));
        var submitter = new TamperFirst(new RollupL1Submitter(rollup, sender, deployment.DeployedAtBlock, NullLogger.Instance), rollup, sender);

        var logs = new CollectedLogs();
        using var loggers = logs.Factory();
        await using var node = await TestNode.Start(Config, _dataDir, submitter: submitter, loggers: loggers,
            proverFactory: (chain, state) => new BatchProver(chain, state, TestNode.ChainId, options, loggers.CreateLogger("prover")));
        await SendAndWait(node, Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(1), 1_000_000));
        await SendAndWait(node, Txs.Transfer(TestNode.Keys[1], 0, Txs.Addr(2), 12345));
        await SendAndWait(node, Txs.Transfer(TestNode.Keys[0], 1, Counter, 7, gas: 100_000));
        // The call ran (not reverted): the slot holds 1 + whether the caller's last address byte is above 0x80.
        var slot = Convert.FromHexString((await node.Rpc.CallString("eth_getStorageAt", Counter.ToString(), "0x00", "latest"))[2..]);
        Assert.Equal(new UInt256(Txs.Addr(0).ToArray()[19] > 0x80 ? 2UL : 1UL), UInt256.FromBigEndian(slot));
        await Wait.Until(async () => await node.Rpc.BatchStatus(1) == "committed", 60_000);
        var proveClock = Stopwatch.StartNew();
        // Proving on a loaded 2-core machine can take minutes; a refused batch shows its proofError at once.
        try
        {
            await Wait.Until(async () =>
            {
                var b = await node.Rpc.Call("rollup_getBatch", "0x1");
                Assert.Equal(System.Text.Json.JsonValueKind.Null, b.GetProperty("proofError").ValueKind);
                // A retried failure (the pipeline retries all but unprovable batches) shows only in the log.
                Assert.DoesNotContain(logs.Lines, l => l.Contains("failed, retrying"));
                return b.GetProperty("status").GetString() == "finalized";
            }, 20 * 60_000);
        }
        finally
        {
            output.WriteLine(logs.ToString());
        }
        var proveTime = proveClock.Elapsed;

        var batch = node.Node.Context.Batches.Get(1)!;
        Assert.Equal(3, batch.TransactionCount);
        Assert.True(batch.Proven);
        var finalizeTx = batch.FinalizeTxHash;
        Assert.Equal(["InvalidProof", "InvalidProof"], submitter.Refusals);
        var receipt = (await _client.GetTransactionReceiptAsync(finalizeTx!.Value))!;
        var finalized = BatchFinalized.From(rollup.Contract.DecodeLogs(receipt).Single());
        Assert.Equal(1UL, finalized.Index);
        Assert.Equal(batch.StateRoot, finalized.StateRoot);
        Assert.Equal(batch.StateRoot, await rollup.StateRootAsync(1));
        Assert.Equal(1UL, await rollup.LastFinalizedBatchAsync());
        output.WriteLine($"keys {keyTime.TotalSeconds:F1} s, committed to finalized (re-execute, witness, check, prove, verify, 3 finalize transactions) {proveTime.TotalSeconds:F1} s, " +
            $"finalizeBatch {receipt.GasUsed:N0} gas, total {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task SendAndWait(TestNode node, Rollup.Core.Transactions.Transaction tx)
    {
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
        await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", tx.Hash.ToString())).ValueKind == System.Text.Json.JsonValueKind.Object, 30_000);
    }

    /// <summary>The real submitter, but before the genuine finalize it sends finalizeBatch twice more through the real
    /// contract: with the proof's middle byte flipped, and with the genuine proof under another new state root (so the
    /// contract hands the verifier other public inputs). Both must revert with InvalidProof.</summary>
    private sealed class TamperFirst(IL1Submitter inner, RollupContract rollup, TransactionSender prover) : IL1Submitter
    {
        public List<string?> Refusals { get; } = [];

        public Task<Hash256?> CommitAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation) => inner.CommitAsync(batch, batchData, cancellation);

        public async Task<Hash256?> FinalizeAsync(BatchRecord batch, BatchProof proof, CancellationToken cancellation)
        {
            var flipped = (byte[])proof.Proof.Clone();
            flipped[flipped.Length / 2] ^= 0x10;
            var otherRoot = new Hash256(Keccak256.Hash("another state root"u8).Bytes);
            foreach (var (root, bytes) in new[] { (batch.StateRoot, flipped), (otherRoot, proof.Proof) })
            {
                var e = await Assert.ThrowsAsync<ContractRevertedException>(() =>
                    rollup.Contract.SendAsync(prover, "finalizeBatch", [batch.Number, root, bytes], cancel: cancellation));
                Refusals.Add(e.ErrorName);
            }
            return await inner.FinalizeAsync(batch, proof, cancellation);
        }
    }
}
