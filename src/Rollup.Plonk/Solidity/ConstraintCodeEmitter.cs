using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Solidity;

/// <summary>Per DAG node, what the code generator needs to know before any chunk is emitted: how many readers it has
/// (one: it stays on the stack for its reader; several: it is kept in memory), whether an addition may skip its
/// reduction, and how deep the stack gets while it is computed (the deeper operand is computed first).</summary>
internal sealed class ConstraintCodeShape
{
    /// <summary>r·5 &lt; 2^256: a value below 4·r plus one below r still fits a word.</summary>
    private const int MaxBound = 4;

    public int[] Uses { get; }
    /// <summary>An addition emitted as ADD, or a − b as ADD(a, r − b): the operands' bounds (in multiples of r; b's is
    /// 1) sum to at most 4, and no subtraction subtracts it (r − b needs b ≤ r). Its readers are MULMOD, ADDMOD,
    /// another lazy ADD, or the accumulation (mulmod(acc, y) + value &lt; 5·r), none of which needs it reduced.</summary>
    public bool[] Lazy { get; }
    public int[] Need { get; }
    /// <summary>A bound on the stack a node takes when every operation under it pushes r before its operands.</summary>
    public int[] NeedWithModulusFirst { get; }
    public int Stored { get; }

    public ConstraintCodeShape(ConstraintDag dag)
    {
        var nodes = dag.Nodes;
        Uses = new int[nodes.Count];
        Lazy = new bool[nodes.Count];
        Need = new int[nodes.Count];
        NeedWithModulusFirst = new int[nodes.Count];
        var subtrahend = new bool[nodes.Count];
        var operations = dag.ReachableOperations();
        foreach (int i in operations)
        {
            Uses[nodes[i].A]++;
            Uses[nodes[i].B]++;
            if (nodes[i].Op == DagOp.Sub) subtrahend[nodes[i].B] = true;
        }
        foreach (int root in dag.Roots) Uses[root]++;
        var bound = new int[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n.IsLeaf) { bound[i] = 1; Need[i] = 1; NeedWithModulusFirst[i] = 1; continue; }
            int sum = bound[n.A] + bound[n.B];
            Lazy[i] = n.Op is DagOp.Add or DagOp.Sub && sum <= MaxBound && !subtrahend[i];
            bound[i] = Lazy[i] ? sum : 1;
            int hi = Math.Max(Need[n.A], Need[n.B]), lo = Math.Min(Need[n.A], Need[n.B]);
            Need[i] = Math.Max(Math.Max(hi, lo + 1), Lazy[i] ? 2 : 3);
            NeedWithModulusFirst[i] = Math.Max(NeedWithModulusFirst[n.A], NeedWithModulusFirst[n.B]) + (Lazy[i] ? 2 : 3);
        }
        Stored = operations.Count(i => Uses[i] > 1);
    }
}

/// <summary>Emits one chunk of <see cref="ConstraintCode"/>: EVM code over a stack whose bottom three items are r,
/// y and acc for the whole chunk (so r is one DUP away while the stack is at most 16 deep). Per constraint:
/// acc ← mulmod(acc, y, r) + value. Operations: MULMOD and ADDMOD with r below their operands, a − b as
/// addmod(a, r − b, r), and lazy ADD for a + b or a + (r − b) (<see cref="ConstraintCodeShape.Lazy"/>). Leaves and earlier chunks' values are CALLDATALOADs, values read more than once are
/// MSTOREd at first use and MLOADed after; small constants are pushed as immediates.
/// <para>Immediates have a width that does not depend on the addresses finally chosen, so the first pass (which cuts
/// the chunks) and the second (which knows the exports) emit the same number of bytes.</para></summary>
internal sealed class ConstraintCodeEmitter
{
    /// <summary>PUSH2 acc's address, MSTORE, PUSH2 the output's size, PUSH0, RETURN.</summary>
    public const int EpilogueBytes = 3 + 1 + 3 + 1 + 1;
    private const int AddressWidth = 2;

    private const byte ADD = 0x01, SUB = 0x03, ADDMOD = 0x08, MULMOD = 0x09, CALLDATALOAD = 0x35, MLOAD = 0x51, MSTORE = 0x52,
        PUSH0 = 0x5f, DUP1 = 0x80, SWAP1 = 0x90, SWAP2 = 0x91, RETURN = 0xf3;

    private readonly ConstraintCode _code;
    private readonly ConstraintCodeShape _shape;
    private readonly int _importWidth;
    private readonly Func<int, bool> _isImport;
    private readonly Func<int, int> _importWord;
    private readonly Dictionary<int, int>? _exportIndex;
    private readonly List<byte> _bytes = [];
    private readonly Dictionary<int, int> _address = [];
    private readonly HashSet<int> _imported = [];
    private int _height;
    private int _locals;

    /// <summary>Values this chunk stored in memory, in order.</summary>
    public List<int> Stored { get; } = [];
    /// <summary>Earlier chunks' values this chunk reads, in order of first read.</summary>
    public List<int> Imports { get; } = [];
    public ConstraintCodeStats Stats { get; } = new();
    public int Length => _bytes.Count;

    /// <param name="exportIndex">Null in the first pass (addresses are placeholders of the final width).</param>
    public ConstraintCodeEmitter(ConstraintCode code, ConstraintCodeShape shape, int importWidth, Func<int, bool> isImport,
        Func<int, int> importWord, Dictionary<int, int>? exportIndex)
    {
        _code = code;
        _shape = shape;
        _importWidth = importWidth;
        _isImport = isImport;
        _importWord = importWord;
        _exportIndex = exportIndex;
        Push(Fr.Modulus, 32);
        Push(32 * ConstraintCode.YWord, 1);
        Emit(CALLDATALOAD, 0);
        Push(32 * ConstraintCode.AccWord, 1);
        Emit(CALLDATALOAD, 0);
    }

    /// <summary>Minimal bytes for a PUSH of <paramref name="value"/> (at least one).</summary>
    public static int Width(System.Numerics.BigInteger value) => Math.Max(1, (int)((value.GetBitLength() + 7) / 8));

    /// <summary>acc ← mulmod(acc, y, r) + the root's value, from [r, y, acc] back to [r, y, acc].</summary>
    public void Constraint(int root)
    {
        if (_height != 3) throw new InvalidOperationException($"stack height {_height} between constraints");
        Emit(DUP1 + 2, +1);   // r y acc r
        Emit(SWAP1, 0);       // r y r acc
        Emit(DUP1 + 2, +1);   // r y r acc y
        Emit(MULMOD, -2);     // r y t
        Value(root);          // r y t value
        Emit(ADD, -1);        // r y acc
    }

    /// <summary>Stores acc after the exports and returns both.</summary>
    public byte[] Finish()
    {
        int exports = _exportIndex?.Count ?? 0;
        Push(32 * exports, AddressWidth);
        Emit(MSTORE, -2);
        Push(32 * (exports + 1), AddressWidth);
        Emit(PUSH0, +1);
        Emit(RETURN, -2);
        return [.. _bytes];
    }

    /// <summary>Pushes the node's value.</summary>
    private void Value(int node)
    {
        var n = _code.Dag.Nodes[node];
        if (n.IsLeaf) { Leaf(n); return; }
        if (_address.TryGetValue(node, out int address))
        {
            Push(address, AddressWidth);
            Emit(MLOAD, 0);
            Stats.MemoryReads++;
            return;
        }
        if (_isImport(node))
        {
            if (_imported.Add(node)) Imports.Add(node);
            Push(32 * _importWord(node), _importWidth);
            Emit(CALLDATALOAD, 0);
            Stats.CalldataReads++;
            return;
        }
        Compute(node, n);
        if (_shape.Uses[node] > 1)
        {
            address = Allocate(node);
            Emit(DUP1, +1);
            Push(address, AddressWidth);
            Emit(MSTORE, -2);
            Stored.Add(node);
            Stats.Stores++;
        }
    }

    private void Leaf(DagNode n)
    {
        if (n.Op == DagOp.Constant)
        {
            var value = _code.Dag.Constants[n.A].ToBigInteger();
            if (value.IsZero) { Emit(PUSH0, +1); return; }
            if (value.GetBitLength() <= 32) { Push(value, Width(value)); return; }
        }
        int offset = 32 * _code.LeafWord(n);
        Push(offset, Width(offset));
        Emit(CALLDATALOAD, 0);
        Stats.CalldataReads++;
    }

    private void Compute(int node, DagNode n)
    {
        Stats.Operations++;
        switch (n.Op)
        {
            case DagOp.Mul:
                Modular(MULMOD, n.A, n.B);
                break;
            case DagOp.Add when _shape.Lazy[node]:
                Stats.LazyAdditions++;
                var (first, second) = Order(n.A, n.B);
                Value(first);
                Value(second);
                Emit(ADD, -1);
                break;
            case DagOp.Add:
                Modular(ADDMOD, n.A, n.B);
                break;
            case DagOp.Sub when _shape.Lazy[node]:
                Stats.LazyAdditions++;
                if (_shape.Need[n.B] > _shape.Need[n.A])
                {
                    Value(n.B);
                    PushModulus();
                    Emit(SUB, -1);    // (r − b)
                    Value(n.A);
                }
                else
                {
                    Value(n.A);
                    Value(n.B);
                    PushModulus();
                    Emit(SUB, -1);    // a (r − b)
                }
                Emit(ADD, -1);
                break;
            case DagOp.Sub when Simple(n.A) && Simple(n.B):
                PushModulus();        // r
                Value(n.A);           // r a
                Value(n.B);           // r a b
                PushModulus();        // r a b r
                Emit(SUB, -1);        // r a (r − b)
                Emit(ADDMOD, -2);
                break;
            case DagOp.Sub when _shape.Need[n.B] > _shape.Need[n.A]:
                Value(n.B);           // b
                PushModulus();
                Emit(SUB, -1);        // (r − b)
                Value(n.A);           // (r − b) a
                PushModulus();
                Emit(SWAP2, 0);       // r a (r − b)
                Emit(ADDMOD, -2);
                break;
            case DagOp.Sub:
                Value(n.A);
                Value(n.B);           // a b
                PushModulus();
                Emit(SUB, -1);        // a (r − b)
                PushModulus();
                Emit(SWAP2, 0);       // r (r − b) a
                Emit(ADDMOD, -2);
                break;
            default:
                throw new InvalidOperationException($"{n.Op} is not an operation");
        }
    }

    /// <summary>op(a, b, r): r first, then the operands, when the stack has room for r below them all the way down
    /// (always for two loads); else the operands, then r put under them (one SWAP more, but the stack stays shallow
    /// along the long product chains).</summary>
    private void Modular(byte op, int a, int b)
    {
        var (first, second) = Order(a, b);
        if ((Simple(a) && Simple(b)) || _height + Math.Max(_shape.NeedWithModulusFirst[a], _shape.NeedWithModulusFirst[b]) + 2 <= 16)
        {
            PushModulus();
            Value(first);
            Value(second);
            Emit(op, -2);
            return;
        }
        Value(first);
        Value(second);
        PushModulus();
        Emit(SWAP2, 0);
        Emit(op, -2);
    }

    private (int, int) Order(int a, int b) => _shape.Need[b] > _shape.Need[a] ? (b, a) : (a, b);

    private bool Simple(int node) => _code.Dag.Nodes[node].IsLeaf || _address.ContainsKey(node) || _isImport(node);

    private void PushModulus()
    {
        if (_height <= 16) { Emit((byte)(DUP1 + _height - 1), +1); return; }
        Push(Fr.Modulus, 32);
        Stats.ModulusPushes++;
    }

    /// <summary>Memory: the exports first (they are returned as they lie), acc, then values only this chunk reads.</summary>
    private int Allocate(int node)
    {
        int address = 0;
        if (_exportIndex is not null)
        {
            address = _exportIndex.TryGetValue(node, out int e) ? 32 * e : 32 * (_exportIndex.Count + 1 + _locals++);
            if (address >= 1 << (8 * AddressWidth)) throw new InvalidOperationException("a chunk keeps too many values in memory");
        }
        _address[node] = address;
        return address;
    }

    private void Push(System.Numerics.BigInteger value, int width)
    {
        byte[] bytes = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > width || width is < 1 or > 32) throw new InvalidOperationException($"{value} does not fit {width} bytes");
        _bytes.Add((byte)(PUSH0 + width));
        for (int i = bytes.Length; i < width; i++) _bytes.Add(0);
        _bytes.AddRange(bytes);
        _height++;
    }

    private void Emit(byte op, int effect)
    {
        _bytes.Add(op);
        _height += effect;
    }
}
