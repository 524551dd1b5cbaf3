using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Transactions;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Node;

namespace Rollup.Bench;

/// <summary>A real sequencer node (RocksDB) in a throwaway data directory that seals exactly one batch from the given
/// transactions: the dev accounts and the workload's accounts in the genesis, no L1 (batches stay sealed), no RPC
/// server and no production loop (blocks are made on demand here, so the batch holds exactly one block with all
/// the transactions). The node is closed again before proving, so the prover opens the database as
/// `rollup prove --data-dir` does on a stopped node.</summary>
public static class BenchNode
{
    public const ulong ChainId = 901;
    public static readonly IReadOnlyList<PrivateKey> Keys = DevAccounts.Keys();

    /// <summary>Creates the node in <paramref name="dataDir"/>, adds <paramref name="txs"/> to its pool, makes one block
    /// of them and seals it as batch 1 (a one-block batch policy seals it as the block lands).</summary>
    public static BatchRecord SealOneBatch(string dataDir, BenchWorkload workload)
    {
        var genesis = new Genesis { ChainId = ChainId };
        foreach (var k in Keys) genesis.Alloc[k.Address] = new GenesisAccount(DevAccounts.Balance);
        foreach (var (address, account) in workload.Genesis) genesis.Alloc[address] = account;
        var config = new NodeConfig
        {
            DataDir = dataDir,
            Genesis = genesis,
            Batches = new BatchPolicy { MaxBlocks = 1 },
        };
        var node = SequencerNode.Open(config, NullLoggerFactory.Instance);
        try
        {
            var pool = node.Context.Pool;
            foreach (var tx in workload.Txs) pool.Add(TransactionEncoder.Encode(tx));
            var block = node.Context.Producer.ProduceBlock() ?? throw new InvalidOperationException("the node made no block");
            if (block.Transactions.Count != workload.Txs.Count)
                throw new InvalidOperationException($"the block holds {block.Transactions.Count} of {workload.Txs.Count} transactions");
            var receipts = node.Context.Chain.GetReceipts(block.Number)!;
            int failed = receipts.Count(r => !r.Receipt.Success);
            if (failed > 0) throw new InvalidOperationException($"{failed} of the workload's transactions failed");
            return node.Context.Batches.Get(1) ?? throw new InvalidOperationException("the block did not seal batch 1");
        }
        finally
        {
            node.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
