using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rollup.Core.Blocks;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Verifying;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.State;

namespace Rollup.Proving;

/// <summary>Proves batches in-process: re-executes the batch from the node's chain and state with the zk tracer,
/// builds and checks the witness on the fixed batch circuit, proves it with PLONK and verifies the proof before handing
/// it on (a proof the L1 verifier would refuse costs gas and teaches nothing). Keys are made on first use, so a node
/// with a prover starts at once; the first proof waits for them. It is also the sealer's <see cref="IBatchCapacity"/>:
/// the same witness stage, stopped before any rows are assigned, says whether a run of blocks fits the circuit.</summary>
public sealed class BatchProver : IBatchProver, IBatchCapacity
{
    private readonly ChainStore _chain;
    private readonly IStateStore _state;
    private readonly ulong _chainId;
    private readonly ILogger _logger;
    private readonly Lazy<(BatchCircuit Circuit, ProvingKey Key)> _keys;
    // The circuit alone, for capacity checks: building it is quick, its keys are not.
    private readonly Lazy<BatchCircuit> _circuit;

    public BatchProver(ChainStore chain, IStateStore state, ulong chainId, ProverOptions options, ILogger logger)
    {
        _chain = chain;
        _state = state;
        _chainId = chainId;
        _logger = logger;
        Options = options;
        _keys = new(() =>
        {
            var clock = Stopwatch.StartNew();
            var (circuit, pk) = ProverKeys.LoadOrCreate(options.K, options.Srs, options.KeyDirectory, options.StateTransition);
            logger.LogInformation("prover keys for 2^{K} rows ready in {Seconds:F1} s (SRS: {Srs}, verifying key digest 0x{Digest})",
                options.K, clock.Elapsed.TotalSeconds, options.Srs, Convert.ToHexStringLower(pk.Vk.Digest));
            return (circuit, pk);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        _circuit = new(() => _keys.IsValueCreated ? _keys.Value.Circuit : new BatchCircuit(options.K, options.StateTransition),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ProverOptions Options { get; }

    /// <summary>The keys, made now if they were not yet (the CLI shows this as its own stage).</summary>
    public ProvingKey Key => _keys.Value.Key;

    /// <summary>Called as each stage starts (re-execute, witness, prove, verify), for progress output.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The PLONK prover's stages (commitments, quotient, openings) of the last proof, with wall and CPU time:
    /// for benchmarks (bench `timer prove-batch`) and logs; null before the first proof.</summary>
    public Rollup.Plonk.Proving.ProverStages? LastStages { get; private set; }

    /// <summary>Passed to each proof's <see cref="Rollup.Plonk.Proving.ProverStages.MemoryProbe"/> (benchmarks: the
    /// peak resident set per stage).</summary>
    public Func<double>? StageMemoryProbe { get; init; }

    public Task<BatchProof> ProveAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation) =>
        Task.Run(() => Prove(batch), cancellation);

    public BatchProof Prove(BatchRecord batch)
    {
        var (circuit, pk) = _keys.Value;
        var clock = Stopwatch.StartNew();
        Progress?.Invoke("re-executing");
        var trace = BatchTrace.Run(_chain, _state, _chainId, batch);
        Progress?.Invoke("building and checking the witness");
        var assignment = BatchWitness.Build(circuit, trace, batch, _chainId, _state);
        CheckFixedColumns(assignment, pk);
        var witnessTime = clock.Elapsed;
        Progress?.Invoke("proving");
        var statement = BatchWitness.Statement(batch, _chainId);
        // Made here, not earlier: its clock starts now, so the first stage is the prover's own.
        var stages = new Rollup.Plonk.Proving.ProverStages { MemoryProbe = StageMemoryProbe };
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, assignment, [statement], stages: stages).ToBytes();
        LastStages = stages;
        var proveTime = clock.Elapsed - witnessTime;
        Progress?.Invoke("verifying");
        if (!Verifier.Verify(pk.Vk, [statement], proof))
            throw new InvalidOperationException($"the proof of batch {batch.Number} does not verify (a prover bug)");
        _logger.LogInformation("batch {Batch} proven: {Txs} transactions, witness {Witness:F1} s, proof {Prove:F1} s on 2^{K} rows, {Bytes} bytes",
            batch.Number, trace.Txs.Count, witnessTime.TotalSeconds, proveTime.TotalSeconds, circuit.K, proof.Length);
        return new BatchProof(proof);
    }

    /// <summary>Re-executes the blocks with the zk tracer and builds the witness up to the size checks. The sealer calls
    /// it once or twice per block, on the open batch: cheap next to proving, since a batch is bounded by the circuit.</summary>
    public string? Overflow(ulong firstBlock, ulong lastBlock)
    {
        var run = new BatchRecord
        {
            FirstBlock = firstBlock, LastBlock = lastBlock,
            PrevStateRoot = _chain.GetBlock(firstBlock - 1)!.Header.StateRoot, StateRoot = _chain.GetBlock(lastBlock)!.Header.StateRoot,
        };
        return OverflowOf(() => BatchTrace.Run(_chain, _state, _chainId, run), run);
    }

    public string? Overflow(BlockHeader draft, IReadOnlyList<Transaction> transactions, IReadOnlyList<Address> senders)
    {
        var run = new BatchRecord
        {
            FirstBlock = draft.Number, LastBlock = draft.Number, PrevStateRoot = _chain.GetBlock(draft.Number - 1)!.Header.StateRoot,
        };
        return OverflowOf(() => BatchTrace.RunDraft(_chain, _state, _chainId, draft, transactions, senders), run);
    }

    private string? OverflowOf(Func<BatchTrace> trace, BatchRecord run)
    {
        try
        {
            BatchWitness.Prepare(_circuit.Value, trace(), run, _chainId, _state);
            return null;
        }
        catch (BatchTooLargeException e) { return e.Detail; }
        catch (BatchNotProvableException) { return null; }
        catch (Exception e)
        {
            // A bug in the check must not stop block production; the prover will meet the same problem and name it.
            _logger.LogError(e, "the capacity check of blocks {First}..{Last} failed; treating them as fitting", run.FirstBlock, run.LastBlock);
            return null;
        }
    }

    /// <summary>The key was made from the empty circuit; a fixed column that depended on the witness would make every
    /// proof fail on L1, so it is caught here with the column's name.</summary>
    private static void CheckFixedColumns(Assignment a, ProvingKey pk)
    {
        var columns = a.System.FixedColumns;
        for (int i = 0; i < columns.Count; i++)
            if (!pk.IsFixedColumn(i, a.Values(columns[i])))
                throw new InvalidOperationException($"fixed column {columns[i].Name} depends on the witness: the key does not fit this batch (a circuit bug)");
    }
}
