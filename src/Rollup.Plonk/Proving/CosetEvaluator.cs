using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Proving;

/// <summary>One expression's values over a block of the coset being evaluated: a constant (challenges, literals: never
/// materialized), a view of a polynomial's evaluations at a rotation (read in place, wrapping around the coset), or a
/// scratch buffer the evaluator owns and may overwrite.</summary>
internal readonly struct BlockValue
{
    public readonly Fr Constant;
    public readonly Fr[]? Array;
    /// <summary>For a view: where the block starts in <see cref="Array"/>.</summary>
    public readonly int Offset;
    public readonly bool Owned;

    private BlockValue(Fr constant, Fr[]? array, int offset, bool owned) { Constant = constant; Array = array; Offset = offset; Owned = owned; }
    public static BlockValue Of(Fr constant) => new(constant, null, 0, false);
    public static BlockValue View(Fr[] source, int offset) => new(default, source, offset, false);
    public static BlockValue Scratch(Fr[] buffer) => new(default, buffer, 0, true);
    public bool IsConstant => Array is null;
}

/// <summary>Evaluates constraint expressions over a block of a coset, node by node over whole blocks (column at a time:
/// no per-point tree walk), each tree on its own. The prover now runs the compiled <see cref="ConstraintBlockProgram"/>
/// instead (shared subexpressions, vectorized); this tree walk stays as the reference the tests hold it to and as the
/// benchmark's baseline (<c>timer quotient-eval</c>). A rotation by r rows reads r·<see cref="CosetPolys.RotationStride"/> points further on:
/// r on one coset c·H of n points (what the prover does), r·(N/n) on the whole extended coset of N points (the test
/// reference). Each worker
/// thread keeps one evaluator and its scratch buffers for all its blocks, so evaluating allocates nothing after the
/// first block: at 2^16 rows the tree has ~100 nodes over 256 blocks, and a fresh array per node per block was over a
/// gigabyte of garbage per proof.</summary>
internal sealed class CosetEvaluator(CosetPolys polys, Fr[] challenges, int blockSize) : IProtocolExpressionVisitor<BlockValue>
{
    private readonly Stack<Fr[]> _free = new();
    private int _start, _length;

    /// <summary>Moves to the block of <paramref name="length"/> points from <paramref name="start"/>.</summary>
    public void Seek(int start, int length) { _start = start; _length = length; }

    /// <summary>Writes the value's points to <paramref name="destination"/> and gives its scratch buffer back.</summary>
    public void CopyTo(BlockValue v, Span<Fr> destination)
    {
        if (v.IsConstant) destination.Fill(v.Constant);
        else
        {
            Segments(v, out var first, out var second);
            first.CopyTo(destination);
            second.CopyTo(destination[first.Length..]);
        }
        Release(v);
    }

    private Fr[] Rent() => _free.Count > 0 ? _free.Pop() : new Fr[blockSize];

    private void Release(BlockValue v)
    {
        if (v.Owned) _free.Push(v.Array!);
    }

    /// <summary>A non-constant value's points as at most two contiguous runs (a view can wrap around the coset).</summary>
    private void Segments(BlockValue v, out ReadOnlySpan<Fr> first, out ReadOnlySpan<Fr> second)
    {
        var a = v.Array!;
        if (v.Owned) { first = a.AsSpan(0, _length); second = default; return; }
        int run = Math.Min(_length, a.Length - v.Offset);
        first = a.AsSpan(v.Offset, run);
        second = a.AsSpan(0, _length - run);
    }

    /// <summary>A scratch buffer holding <paramref name="v"/>'s points (<paramref name="v"/>'s own one if it has it).</summary>
    private Fr[] Materialize(BlockValue v)
    {
        if (v.Owned) return v.Array!;
        var buffer = Rent();
        if (v.IsConstant) buffer.AsSpan(0, _length).Fill(v.Constant);
        else
        {
            Segments(v, out var first, out var second);
            first.CopyTo(buffer);
            second.CopyTo(buffer.AsSpan(first.Length));
        }
        return buffer;
    }

    private BlockValue View(Fr[] source, int rotation)
    {
        int offset = (_start + rotation * polys.RotationStride) & (source.Length - 1);
        return BlockValue.View(source, offset);
    }

    public BlockValue Constant(Fr value) => BlockValue.Of(value);
    public BlockValue Query(ColumnQuery q) => View(polys.Column(q.Column), q.Rotation);
    public BlockValue Challenge(Challenge c) => BlockValue.Of(challenges[c.Index]);
    public BlockValue Poly(PolyRef poly, int rotation) => View(polys.Get(poly), rotation);
    public BlockValue X() => View(polys.CosetPoints, 0);
    public BlockValue LagrangeFirst() => View(polys.LagrangeFirst, 0);

    public BlockValue Sum(Expression a, Expression b) => Combine(a.Accept(this), b.Accept(this), product: false);
    public BlockValue Product(Expression a, Expression b) => Combine(a.Accept(this), b.Accept(this), product: true);

    /// <summary>x + y or x·y, written into a scratch buffer one of them owns if either does (both operations
    /// commute), otherwise into a new one.</summary>
    private BlockValue Combine(BlockValue x, BlockValue y, bool product)
    {
        if (x.IsConstant && y.IsConstant) return BlockValue.Of(product ? x.Constant * y.Constant : x.Constant + y.Constant);
        if (!x.Owned && y.Owned || x.IsConstant) (x, y) = (y, x);
        var buffer = Materialize(x);
        var dest = buffer.AsSpan(0, _length);
        if (y.IsConstant)
        {
            var k = y.Constant;
            if (product) for (int i = 0; i < dest.Length; i++) dest[i] *= k;
            else for (int i = 0; i < dest.Length; i++) dest[i] += k;
        }
        else
        {
            Segments(y, out var first, out var second);
            Apply(dest, first, product);
            Apply(dest[first.Length..], second, product);
            Release(y);
        }
        return BlockValue.Scratch(buffer);
    }

    private static void Apply(Span<Fr> dest, ReadOnlySpan<Fr> other, bool product)
    {
        if (product) for (int i = 0; i < other.Length; i++) dest[i] *= other[i];
        else for (int i = 0; i < other.Length; i++) dest[i] += other[i];
    }

    public BlockValue Negated(Expression a)
    {
        var x = a.Accept(this);
        if (x.IsConstant) return BlockValue.Of(-x.Constant);
        var buffer = Materialize(x);
        var dest = buffer.AsSpan(0, _length);
        for (int i = 0; i < dest.Length; i++) dest[i] = -dest[i];
        return BlockValue.Scratch(buffer);
    }

    public BlockValue Scaled(Expression a, Fr k)
    {
        var x = a.Accept(this);
        if (x.IsConstant) return BlockValue.Of(x.Constant * k);
        var buffer = Materialize(x);
        var dest = buffer.AsSpan(0, _length);
        for (int i = 0; i < dest.Length; i++) dest[i] *= k;
        return BlockValue.Scratch(buffer);
    }
}

/// <summary>Every polynomial the constraints read, by reference: the arrays the prover transforms in place, coset by
/// coset (coefficients between cosets, evaluations on the current coset while it is evaluated), plus the coset's
/// points X and L₀ there.</summary>
internal sealed class CosetPolys
{
    public required Fr[][] Fixed { get; init; }
    public required Fr[][] Advice { get; init; }
    public required Fr[][] Instance { get; init; }
    public required Fr[][] Sigma { get; init; }
    public required Fr[][] PermutationProducts { get; init; }
    public required Fr[][] Multiplicities { get; init; }
    public required Fr[][] LookupSums { get; init; }
    /// <summary>X's values on the coset (unused while the arrays hold coefficients).</summary>
    public Fr[] CosetPoints { get; init; } = [];
    /// <summary>L₀'s values on the coset (likewise).</summary>
    public Fr[] LagrangeFirst { get; init; } = [];
    /// <summary>How far one row's rotation moves: 1 on a coset of n points, N/n on the whole extended coset.</summary>
    public int RotationStride { get; init; } = 1;

    public Fr[] Column(Column c) => c.Kind switch
    {
        ColumnKind.Fixed => Fixed[c.Index],
        ColumnKind.Advice => Advice[c.Index],
        _ => Instance[c.Index],
    };

    public Fr[] Get(PolyRef p) => p.Kind switch
    {
        PolyKind.Fixed => Fixed[p.Index],
        PolyKind.Advice => Advice[p.Index],
        PolyKind.Instance => Instance[p.Index],
        PolyKind.Sigma => Sigma[p.Index],
        PolyKind.PermutationProduct => PermutationProducts[p.Index],
        PolyKind.LookupMultiplicity => Multiplicities[p.Index],
        PolyKind.LookupSum => LookupSums[p.Index],
        _ => throw new ArgumentException($"{p} is not read by the constraints"),
    };

    /// <summary>Every polynomial array once (not X and L₀): what is moved to each coset and back.</summary>
    public IEnumerable<Fr[]> All => Fixed.Concat(Advice).Concat(Instance).Concat(Sigma).Concat(PermutationProducts)
        .Concat(Multiplicities).Concat(LookupSums);
}
