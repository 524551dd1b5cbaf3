using Microsoft.Extensions.Logging;
using RocksDbSharp;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Evm.Blocks;
using Rollup.Evm.State;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.Production;
using Rollup.Sequencer.Rpc;
using Rollup.Sequencer.Rpc.Methods;
using Rollup.Sequencer.State;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.Node;

/// <summary>The sequencer: opens (or creates) the chain in the data directory, checks that the stored head's state
/// root is what the stored state commits to, restores the mempool from its journal, then runs block production, the
/// batch pipeline and the JSON-RPC server until stopped.</summary>
public sealed class SequencerNode : IAsyncDisposable
{
    /// <summary>The L2 runs Cancun rules (no blob transactions: an L2 has no blobs of its own).</summary>
    public static readonly ForkRules Rules = ForkRules.For(Fork.Cancun);

    private readonly Database _db;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private RpcServer? _server;

    public NodeContext Context { get; }
    public NodeConfig Config { get; }

    private SequencerNode(Database db, NodeContext context, NodeConfig config, ILoggerFactory loggers)
    {
        _db = db;
        Context = context;
        Config = config;
        _loggers = loggers;
        _logger = loggers.CreateLogger("node");
    }

    /// <summary>The JSON-RPC URL once started (http://host:port/; the same port takes ws://).</summary>
    public Uri Url => _server?.Url ?? throw new InvalidOperationException("the node is not started");

    /// <summary>Fires when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public CancellationToken Stopping => _server?.Stopping ?? CancellationToken.None;

    /// <param name="submitter">Posts batches to L1; by default nothing is posted and batches stay sealed.</param>
    /// <param name="prover">Proves batches; by default there is none and batches stay unproven.</param>
    /// <param name="proverFactory">Makes the prover from the node's opened chain and state (an in-process prover
    /// re-executes batches from them); used when <paramref name="prover"/> is null.</param>
    public static SequencerNode Open(NodeConfig config, ILoggerFactory loggers, IL1Submitter? submitter = null, IBatchProver? prover = null,
        Func<ChainStore, IStateStore, IBatchProver>? proverFactory = null)
    {
        var logger = loggers.CreateLogger("node");
        var db = Database.Open(Path.Combine(config.DataDir, "chain"), config.SyncWrites);
        try
        {
            var genesis = config.Genesis;
            var chain = new ChainStore(db);
            var state = new PoseidonStateStore(db);
            var genesisChanges = genesis.ToChanges();
            var genesisBlock = genesis.ToBlock(PoseidonStateStore.GenesisRoot(db, genesisChanges));

            if (!chain.Open())
            {
                WriteGenesis(chain, state, genesisBlock, genesisChanges);
                logger.LogInformation("new chain {ChainId}: genesis {Hash}", genesis.ChainId, genesisBlock.Hash);
            }
            else if (chain.StoredGenesisHash != genesisBlock.Hash)
            {
                throw new InvalidOperationException($"the data directory holds a chain with genesis {chain.StoredGenesisHash}, but the genesis given is {genesisBlock.Hash}");
            }
            var head = chain.Head!;
            var root = state.Open(head.Number);
            if (root != head.Header.StateRoot)
                throw new InvalidDataException($"stored state root {root} does not match head block #{head.Number}'s {head.Header.StateRoot}");
            logger.LogInformation("head #{Number} {Hash}, state root {Root}", head.Number, head.Hash, root);

            var chainView = new PoolChainView(genesis.ChainId, chain, state);
            var journal = new PoolJournal(db);
            var pool = new TxPool(config.Pool, chainView, Rules, journal);
            var events = new ChainEvents();
            var batches = new BatchStore(db);
            prover ??= proverFactory?.Invoke(chain, state);
            var pipeline = new BatchPipeline(chain, batches, submitter ?? new SealOnlyL1Submitter(), prover, loggers.CreateLogger("batches"))
            {
                FirstRetryDelay = config.L1FirstRetryDelay,
            };
            var sealer = new BatchSealer(chain, batches, config.Batches, TimeProvider.System, prover as IBatchCapacity, loggers.CreateLogger("batches"));
            var producer = new BlockProducer(chain, state, pool, sealer, pipeline, events, config.Producer with { GasLimit = genesis.GasLimit },
                Rules, genesis.ChainId, TimeProvider.System, loggers.CreateLogger("producer"))
            {
                Capacity = prover as IBatchCapacity,
            };
            int restored = pool.Restore(journal.Load());
            if (restored > 0) logger.LogInformation("restored {Count} transactions from the mempool journal", restored);
            pool.Added += tx => events.PublishPendingTransaction(tx.Hash);
            foreach (var batch in batches.Unfinalized()) pipeline.OnSealed(batch);

            var context = new NodeContext
            {
                ChainId = genesis.ChainId, Rules = Rules, Chain = chain, State = state, Pool = pool, Producer = producer,
                Batches = batches, Pipeline = pipeline, Events = events, Rpc = config.Rpc, PoolConfig = config.Pool,
                ExecutionSupport = config.ExecutionSupport,
            };
            return new SequencerNode(db, context, config, loggers);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The genesis block the configuration describes (its state root computed in a scratch database that is
    /// removed again): what the L1 rollup contract must be deployed with before the node opens.</summary>
    public static Block GenesisBlock(NodeConfig config)
    {
        string scratch = Path.Combine(Path.GetTempPath(), "rollup-genesis-" + Guid.NewGuid().ToString("n")[..12]);
        try
        {
            using var db = Database.Open(scratch, syncWrites: false);
            return config.Genesis.ToBlock(PoseidonStateStore.GenesisRoot(db, config.Genesis.ToChanges()));
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    private static void WriteGenesis(ChainStore chain, IStateStore state, Block genesis, StateChanges changes)
    {
        using var batch = new WriteBatch();
        var root = state.Commit(0, changes, batch);
        if (root != genesis.Header.StateRoot) throw new InvalidOperationException($"genesis state root {root} differs from the computed {genesis.Header.StateRoot}");
        ChainStore.Stage(batch, genesis, []);
        state.Write(batch);
        chain.SetHead(genesis);
    }

    /// <summary>Starts block production, the batch pipeline and the JSON-RPC server.</summary>
    public async Task StartAsync()
    {
        var methods = new RpcMethodTable();
        ChainMethods.Register(methods, Context);
        StateMethods.Register(methods, Context);
        ProofMethods.Register(methods, Context);
        BlockMethods.Register(methods, Context);
        SendMethods.Register(methods, Context);
        CallMethods.Register(methods, Context);
        LogMethods.Register(methods, Context);
        DebugMethods.Register(methods, Context);
        RollupMethods.Register(methods, Context);
        var processor = new RpcProcessor(methods, Config.Rpc.MaxBatchSize, _loggers.CreateLogger("rpc"));
        var hub = new SubscriptionHub(Context.Events);

        _loops.Add(Task.Run(() => Context.Producer.RunAsync(_stop.Token)));
        _loops.Add(Task.Run(() => Context.Pipeline.RunAsync(_stop.Token)));
        // Transactions restored from the journal should not wait for the next one to arrive.
        if (Context.Pool.Count > 0) Context.Producer.Trigger();
        _server = await RpcServer.StartAsync(Config.Rpc, processor, hub, _loggers);
        _logger.LogInformation("JSON-RPC on {Url} (HTTP and WebSocket)", _server.Url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _stop.CancelAsync();
        try { await Task.WhenAll(_loops); } catch (OperationCanceledException) { }
        _db.Dispose();
    }

    /// <summary>What the pool sees of the chain: the head's state, its gas limit and the next base fee.</summary>
    private sealed class PoolChainView(ulong chainId, ChainStore chain, IStateStore state) : IPoolChain
    {
        public ulong ChainId => chainId;
        public IStateSource HeadState() => state.At(chain.Head!.Number);
        public UInt256 NextBaseFee => BaseFee.Next(chain.Head!.Header);
        public ulong BlockGasLimit => chain.Head!.Header.GasLimit;
    }
}
