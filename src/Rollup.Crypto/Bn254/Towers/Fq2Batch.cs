using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>
/// Collects independent F_q2 products and squarings (now the Miller loop's point products that do not ride in a
/// fused tower kernel's free lanes; the tower operations themselves use the fused kernels), runs them eight at a time on AVX-512 (<see cref="Fq8Math"/>), then hands
/// out the results. Used in three steps: queue (each call returns a slot), <see cref="Run"/>, read by slot.
/// Inputs must be reduced F_q2 values (every constructor of one is). Without AVX-512 the same
/// queue runs through the scalar <see cref="Fq2.Multiply"/> and <see cref="Fq2.Square"/>: same results.
/// </summary>
internal ref struct Fq2Batch
{
    /// <summary>True when the towers take the batched path (AVX-512F present).</summary>
    public static bool IsVectorized => Fq8Math.IsSupported;

    /// <summary>U256 slots a batch needs for the given capacities (each rounded up to a multiple of 8).</summary>
    public static int StorageFor(int products, int squares) => 4 * RoundUp(products) + 2 * RoundUp(squares);

    private static int RoundUp(int n) => (n + 7) & ~7;

    // Products: operands x0, x1, y0, y1, one lane per product; squares: x0, x1. The results (re, im) are
    // written over x0 and x1 (the kernels load a whole group before storing it), which keeps the largest
    // batch (18 products, 2.3 KB) within one page of stack.
    private readonly Span<U256> _px0, _px1, _py0, _py1, _sx0, _sx1;
    private int _products, _squares;

    public Fq2Batch(Span<U256> storage, int productCapacity, int squareCapacity)
    {
        int p = RoundUp(productCapacity), s = RoundUp(squareCapacity);
        _px0 = storage.Slice(0, p); _px1 = storage.Slice(p, p); _py0 = storage.Slice(2 * p, p);
        _py1 = storage.Slice(3 * p, p);
        _sx0 = storage.Slice(4 * p, s); _sx1 = storage.Slice(4 * p + s, s);
        _products = 0;
        _squares = 0;
    }

    /// <summary>Queues x·y; read it with <see cref="Product"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int QueueProduct(in Fq2 x, in Fq2 y)
    {
        int k = _products++;
        _px0[k] = x.A0.Limbs; _px1[k] = x.A1.Limbs; _py0[k] = y.A0.Limbs; _py1[k] = y.A1.Limbs;
        return k;
    }

    /// <summary>Queues x²; read it with <see cref="Square"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int QueueSquare(in Fq2 x)
    {
        int k = _squares++;
        _sx0[k] = x.A0.Limbs; _sx1[k] = x.A1.Limbs;
        return k;
    }

    /// <summary>Computes everything queued (the last group of eight padded with zeros).</summary>
    public void Run()
    {
        if (!IsVectorized) { RunScalar(); return; }
        int p = RoundUp(_products), s = RoundUp(_squares);
        for (int i = _products; i < p; i++) { _px0[i] = default; _px1[i] = default; _py0[i] = default; _py1[i] = default; }
        for (int i = _squares; i < s; i++) { _sx0[i] = default; _sx1[i] = default; }
        if (p > 0) Fq8Math.MultiplyFq2(_px0, _px1, _py0, _py1, _px0, _px1, p);
        if (s > 0) Fq8Math.SquareFq2(_sx0, _sx1, _sx0, _sx1, s);
    }

    /// <summary>The path without AVX-512 (internal so the tests can run it on machines that have AVX-512).</summary>
    internal readonly void RunScalar()
    {
        for (int i = 0; i < _products; i++)
        {
            Fq2.Multiply(new Fq2(new Fq(_px0[i]), new Fq(_px1[i])), new Fq2(new Fq(_py0[i]), new Fq(_py1[i])), out Fq2 r);
            _px0[i] = r.A0.Limbs; _px1[i] = r.A1.Limbs;
        }
        for (int i = 0; i < _squares; i++)
        {
            Fq2.Square(new Fq2(new Fq(_sx0[i]), new Fq(_sx1[i])), out Fq2 r);
            _sx0[i] = r.A0.Limbs; _sx1[i] = r.A1.Limbs;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Fq2 Product(int slot) => new(new Fq(_px0[slot]), new Fq(_px1[slot]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Fq2 Square(int slot) => new(new Fq(_sx0[slot]), new Fq(_sx1[slot]));
}
