using System.Text.Json.Nodes;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Node;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>The rollup's own methods: a batch by number or by one of its blocks, with its way to L1
/// (status sealed / committed / finalized, whether it is proven, the L1 transaction hashes).</summary>
public static class RollupMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("rollup_getBatch", p => node.Batches.Get(p.AtMost(1).Required(0, RpcParams.UInt64)) is { } b ? Json(b) : null);
        t.Add("rollup_getBatchByBlock", p =>
        {
            p.AtMost(1);
            var block = p.Required(0, e => BlockResolver.Find(node, e));
            return block is not null && node.Batches.ByBlock(block.Number) is { } b ? Json(b) : null;
        });
        t.Add("rollup_status", p =>
        {
            p.AtMost(0);
            var (pending, queued) = node.Pool.Status(node.State.At(node.Head.Number));
            return new JsonObject
            {
                ["head"] = Quantity(node.Head.Number),
                ["stateRoot"] = Data(node.Head.Header.StateRoot.Bytes),
                ["latestBatch"] = Quantity(node.Batches.LatestNumber),
                ["provingQueue"] = node.Pipeline.ProvingQueueLength,
                ["prover"] = node.Pipeline.HasProver,
                ["pending"] = pending,
                ["queued"] = queued,
            };
        });
    }

    public static JsonObject Json(BatchRecord b) => new()
    {
        ["number"] = Quantity(b.Number),
        ["status"] = b.Status.ToString().ToLowerInvariant(),
        ["proven"] = b.Proven,
        // Why the prover refused the batch (null while provable): the batch stays unproven and is not retried.
        ["proofError"] = b.ProofError,
        ["firstBlock"] = Quantity(b.FirstBlock),
        ["lastBlock"] = Quantity(b.LastBlock),
        ["blockCount"] = Quantity(b.LastBlock - b.FirstBlock + 1),
        ["transactionCount"] = Quantity((ulong)b.TransactionCount),
        ["gasUsed"] = Quantity(b.GasUsed),
        ["dataHash"] = Data(b.DataHash.Bytes),
        ["dataSize"] = Quantity((ulong)b.DataSize),
        ["prevStateRoot"] = Data(b.PrevStateRoot.Bytes),
        ["stateRoot"] = Data(b.StateRoot.Bytes),
        ["sealedAt"] = Quantity(b.SealedAt),
        ["commitTxHash"] = b.CommitTxHash is { } c ? Data(c.Bytes) : null,
        ["finalizeTxHash"] = b.FinalizeTxHash is { } f ? Data(f.Bytes) : null,
    };
}
