using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Solidity;

/// <summary>One code contract of <see cref="ConstraintCode"/>: straight-line EVM code that reads the value file
/// (<see cref="ConstraintCode"/>'s layout) as its calldata and returns <see cref="OutputWords"/> words: the values it
/// computed that later chunks read, then the Horner sum so far.</summary>
/// <param name="InputWords">The value file's words this chunk is called with: acc, y, the leaves, and every earlier
/// chunk's exports.</param>
/// <param name="OutputWords">Its exports, then acc.</param>
public sealed record ConstraintChunk(byte[] Code, int FirstConstraint, int Constraints, int InputWords, int OutputWords);

/// <summary>The constraint DAG compiled to EVM code, cut into code contracts under EIP-170. The verifier calls them in
/// order with STATICCALL, passing the value file as calldata; each chunk evaluates its constraints on the stack (a
/// value read once is never stored: it stays on the stack for its reader; one read by several is kept in the chunk's
/// memory) and folds each into the Horner sum Σ y^(C−1−c)·C_c. Compiled code costs ~15–25 gas per DAG operation
/// where an interpreter loop over encoded instructions cost ~300 (decode, dispatch, branch).
/// <para>The value file (32-byte words, in the verifier's memory and so in each chunk's calldata): acc (the Horner
/// sum so far, below 5·r), y, the leaves — the evaluations (<see cref="ProtocolLayout.Queries"/>), the challenges, x,
/// L₀, the public-input evaluations (<see cref="ConstraintDag.InstanceQueries"/>), the constants
/// (<see cref="ConstraintDag.Constants"/>) — then each chunk's exports, appended by the verifier as the chunks
/// return.</para></summary>
public sealed class ConstraintCode
{
    /// <summary>EIP-170's limit on a contract's code.</summary>
    public const int MaxChunkBytes = 24_576;
    public const int AccWord = 0, YWord = 1, LeafBase = 2;

    public ConstraintDag Dag { get; }
    public IReadOnlyList<ConstraintChunk> Chunks { get; }
    public int Evaluations { get; }
    public int ChallengeBase => Evaluations;
    public int XLeaf => ChallengeBase + ChallengeCount;
    public int LagrangeFirstLeaf => XLeaf + 1;
    public int InstanceBase => LagrangeFirstLeaf + 1;
    public int ConstantBase => InstanceBase + Dag.InstanceQueries.Count;
    public int LeafCount => ConstantBase + Dag.Constants.Count;
    /// <summary>Words the verifier's value file reaches: the last chunk's input and output.</summary>
    public int ValueWords => Chunks.Count == 0 ? LeafBase + LeafCount : Chunks[^1].InputWords + Chunks[^1].OutputWords;
    /// <summary>Values computed by one chunk and read by a later one.</summary>
    public int Exports => ValueWords - LeafBase - LeafCount - 1;
    public int CodeBytes => Chunks.Sum(c => c.Code.Length);
    public ConstraintCodeStats Stats { get; }
    private int ChallengeCount { get; }

    public static ConstraintCode Build(ProtocolLayout layout) =>
        new(ConstraintDag.Build(layout), layout.Queries.Count, new ProtocolChallenges(layout.System).Count);

    /// <param name="chunkBudget">Bytes a chunk is filled to (tests use tiny chunks, one constraint each, so values
    /// cross from chunk to chunk); a constraint alone may still take up to <see cref="MaxChunkBytes"/>.</param>
    public ConstraintCode(ConstraintDag dag, int evaluations, int challenges, int chunkBudget = MaxChunkBytes)
    {
        Dag = dag;
        Evaluations = evaluations;
        ChallengeCount = challenges;
        // The permutation products and lookup compressions are long chains: the emitter recurses along them.
        (List<ConstraintChunk>? chunks, ConstraintCodeStats? stats) result = default;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try { result = Compile(Math.Min(chunkBudget, MaxChunkBytes)); }
            catch (Exception e) { error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
        }, 256 << 20);
        thread.Start();
        thread.Join();
        error?.Throw();
        Chunks = result.chunks ?? throw new InvalidOperationException("the compiler thread returned nothing");
        Stats = result.stats ?? throw new InvalidOperationException("the compiler thread returned nothing");
    }

    /// <summary>The word of a leaf node in the value file.</summary>
    public int LeafWord(DagNode n) => LeafBase + n.Op switch
    {
        DagOp.Evaluation => n.A,
        DagOp.Challenge => ChallengeBase + n.A,
        DagOp.X => XLeaf,
        DagOp.LagrangeFirst => LagrangeFirstLeaf,
        DagOp.Instance => InstanceBase + n.A,
        DagOp.Constant => ConstantBase + n.A,
        _ => throw new InvalidOperationException($"{n.Op} is not a leaf"),
    };

    /// <summary>Two passes: the first cuts the constraint list into chunks that fit (every immediate has a width fixed
    /// before addresses are known, so the second pass's code has the same length), the second emits each chunk
    /// knowing which of its stored values later chunks read (its exports) and where earlier exports sit.</summary>
    private (List<ConstraintChunk>, ConstraintCodeStats) Compile(int budget)
    {
        var shape = new ConstraintCodeShape(Dag);
        int roots = Dag.Roots.Count;
        int importWidth = ConstraintCodeEmitter.Width(32 * (LeafBase + LeafCount + shape.Stored + 1));

        // Pass 1: ranges, and per chunk the values it stores and the earlier values it reads.
        var ranges = new List<(int Start, int End, List<int> Stored, HashSet<int> Imports)>();
        var available = new HashSet<int>();
        for (int start = 0; start < roots;)
        {
            var e = new ConstraintCodeEmitter(this, shape, importWidth, available.Contains, _ => 0, null);
            int end = start;
            int storedBefore = 0, importsBefore = 0;
            while (end < roots)
            {
                e.Constraint(Dag.Roots[end]);
                int length = e.Length + ConstraintCodeEmitter.EpilogueBytes;
                if (length > (end == start ? MaxChunkBytes : budget)) break;
                storedBefore = e.Stored.Count;
                importsBefore = e.Imports.Count;
                end++;
            }
            if (end == start) throw new InvalidOperationException($"constraint {start} alone needs more than {MaxChunkBytes} bytes of code");
            var stored = e.Stored.Take(storedBefore).ToList();
            ranges.Add((start, end, stored, e.Imports.Take(importsBefore).ToHashSet()));
            available.UnionWith(stored);
            start = end;
        }

        // Exports: what a chunk stored and a later chunk reads, in storing order.
        var readLater = new HashSet<int>();
        var exports = new List<int>[ranges.Count];
        for (int k = ranges.Count - 1; k >= 0; k--)
        {
            exports[k] = ranges[k].Stored.Where(readLater.Contains).ToList();
            readLater.UnionWith(ranges[k].Imports);
        }

        // Pass 2.
        var chunks = new List<ConstraintChunk>();
        var importWord = new Dictionary<int, int>();
        int nextWord = LeafBase + LeafCount;
        var stats = new ConstraintCodeStats();
        for (int k = 0; k < ranges.Count; k++)
        {
            var (start, end, _, _) = ranges[k];
            var exportIndex = exports[k].Select((node, i) => (node, i)).ToDictionary(p => p.node, p => p.i);
            var e = new ConstraintCodeEmitter(this, shape, importWidth, importWord.ContainsKey, node => importWord[node], exportIndex);
            for (int c = start; c < end; c++) e.Constraint(Dag.Roots[c]);
            var code = e.Finish();
            if (code.Length > MaxChunkBytes) throw new InvalidOperationException($"chunk {k} is {code.Length} bytes");
            chunks.Add(new ConstraintChunk(code, start, end - start, nextWord, exports[k].Count + 1));
            foreach (int node in exports[k]) importWord[node] = nextWord++;
            stats.Add(e.Stats);
        }
        return (chunks, stats);
    }

    /// <summary>Runs the chunks as the verifier does (each called with the value file so far, its output appended)
    /// on an EVM supplied by the caller; returns the Horner sum reduced mod r. <paramref name="call"/> runs one
    /// chunk's code on calldata and returns its output.</summary>
    public Fr Run(Func<byte[], byte[], byte[]> call, IReadOnlyList<Fr> evaluations, IReadOnlyList<Fr> challenges, Fr x, Fr l0,
        IReadOnlyList<Fr> instances, Fr y)
    {
        var file = new byte[32 * ValueWords];
        void Put(int word, Fr v) => v.WriteBigEndian(file.AsSpan(32 * word, 32));
        Put(YWord, y);
        for (int i = 0; i < evaluations.Count; i++) Put(LeafBase + i, evaluations[i]);
        for (int i = 0; i < challenges.Count; i++) Put(LeafBase + ChallengeBase + i, challenges[i]);
        Put(LeafBase + XLeaf, x);
        Put(LeafBase + LagrangeFirstLeaf, l0);
        for (int i = 0; i < instances.Count; i++) Put(LeafBase + InstanceBase + i, instances[i]);
        for (int i = 0; i < Dag.Constants.Count; i++) Put(LeafBase + ConstantBase + i, Dag.Constants[i]);
        foreach (var chunk in Chunks)
        {
            var output = call(chunk.Code, file[..(32 * chunk.InputWords)]);
            if (output.Length != 32 * chunk.OutputWords) throw new InvalidOperationException($"a chunk returned {output.Length} bytes");
            output.CopyTo(file, 32 * chunk.InputWords);
            output.AsSpan(output.Length - 32).CopyTo(file.AsSpan(32 * AccWord, 32));
        }
        var acc = new System.Numerics.BigInteger(file.AsSpan(32 * AccWord, 32), isUnsigned: true, isBigEndian: true);
        return Fr.FromBigInteger(acc % Fr.Modulus);
    }
}

/// <summary>What the compiled code does, summed over the chunks: for the docs' table and the gas estimates.</summary>
public sealed class ConstraintCodeStats
{
    public int Operations { get; set; }
    /// <summary>Additions and subtractions left unreduced (ADD instead of ADDMOD: the value stays below 4·r, and its
    /// readers reduce it).</summary>
    public int LazyAdditions { get; set; }
    /// <summary>Values kept in memory because more than one operation reads them.</summary>
    public int Stores { get; set; }
    public int MemoryReads { get; set; }
    public int CalldataReads { get; set; }
    /// <summary>Times r was pushed as a 32-byte immediate because the stack was too deep to DUP it.</summary>
    public int ModulusPushes { get; set; }

    public void Add(ConstraintCodeStats o)
    {
        Operations += o.Operations;
        LazyAdditions += o.LazyAdditions;
        Stores += o.Stores;
        MemoryReads += o.MemoryReads;
        CalldataReads += o.CalldataReads;
        ModulusPushes += o.ModulusPushes;
    }
}
