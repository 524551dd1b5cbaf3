using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using F = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FqModulus>;
using B = Rollup.Crypto.Bn254.Fields.BranchFree<Rollup.Crypto.Bn254.Fields.FqModulus>;

namespace Rollup.Crypto.Msm;

/// <summary>
/// One worker's bucket accumulation for one window at a time, with affine buckets updated in
/// batches. An affine addition needs 1/(x2 - x1); Montgomery's trick shares one field inversion
/// among a whole batch of independent additions, so each costs about 6 multiplications
/// (1 for the prefix product, 2 to peel its inverse off, 3 for the addition itself) against 11 for a
/// mixed Jacobian addition. A batch may hold each bucket only once, because an addition's input is
/// the bucket's value before the batch; a point whose bucket is already pending waits in a queue
/// and joins a later batch.
/// The arrays come from the shared pool and are reused for every window the worker handles.
/// The loops are marked AggressiveOptimization: an MSM calls them only once per window, so with
/// tiered compilation the first multiplications would run instrumented or on-stack-replaced code.
/// </summary>
internal sealed class BatchAffineWindow : IWindowAccumulator
{
    // Entry flags, packed so an entry is two ints: bucket index with a doubling flag in the top bit,
    // point index shifted left once with the "negate the point" flag in bit 0.
    private const int DoublingFlag = int.MinValue;

    private readonly int _batchSize;
    private readonly G1Affine[] _buckets;
    private readonly byte[] _pending;
    private readonly int[] _entryBucket, _entryPoint;
    private readonly U256[] _prefix, _den;
    private readonly int[] _queueBucket, _queuePoint;
    private int _count, _queued;
    private U256 _product;

    public BatchAffineWindow(int capacity, int batchSize)
    {
        _batchSize = batchSize;
        _buckets = ArrayPool<G1Affine>.Shared.Rent(capacity);
        _pending = ArrayPool<byte>.Shared.Rent(capacity);
        _entryBucket = ArrayPool<int>.Shared.Rent(batchSize);
        _entryPoint = ArrayPool<int>.Shared.Rent(batchSize);
        _prefix = ArrayPool<U256>.Shared.Rent(batchSize);
        _den = ArrayPool<U256>.Shared.Rent(batchSize);
        _queueBucket = ArrayPool<int>.Shared.Rent(batchSize);
        _queuePoint = ArrayPool<int>.Shared.Rent(batchSize);
    }

    public void Dispose()
    {
        ArrayPool<G1Affine>.Shared.Return(_buckets);
        ArrayPool<byte>.Shared.Return(_pending);
        ArrayPool<int>.Shared.Return(_entryBucket);
        ArrayPool<int>.Shared.Return(_entryPoint);
        ArrayPool<U256>.Shared.Return(_prefix);
        ArrayPool<U256>.Shared.Return(_den);
        ArrayPool<int>.Shared.Return(_queueBucket);
        ArrayPool<int>.Shared.Return(_queuePoint);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public G1Jacobian SumWindow(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<short> digits, int bucketCount)
    {
        Array.Clear(_buckets, 0, bucketCount);      // (0, 0) is infinity: every bucket empty
        Array.Clear(_pending, 0, bucketCount);
        _count = 0;
        _queued = 0;
        _product = F.One;
        ref G1Affine basesRef = ref MemoryMarshal.GetReference(bases);
        ref byte pending = ref MemoryMarshal.GetArrayDataReference(_pending);
        ref G1Affine buckets = ref MemoryMarshal.GetArrayDataReference(_buckets);
        for (int i = 0; i < digits.Length; i++)
        {
            if (i + PrefetchDistance < digits.Length) Prefetch(ref buckets, digits[i + PrefetchDistance]);
            int d = digits[i];
            if (d == 0) continue;
            int sign = d >> 31;                       // 0 or -1
            int bucket = ((d ^ sign) - sign) - 1;     // |d| - 1
            int point = (i << 1) | (sign & 1);
            if (Unsafe.Add(ref pending, bucket) != 0)
            {
                _queueBucket[_queued] = bucket;
                _queuePoint[_queued] = point;
                if (++_queued == _batchSize) { Flush(ref basesRef); Drain(ref basesRef); }
                continue;
            }
            Add(ref basesRef, bucket, point);
            if (_count == _batchSize) { Flush(ref basesRef); Drain(ref basesRef); }
        }
        Flush(ref basesRef);
        while (_queued > 0)
        {
            Drain(ref basesRef);
            Flush(ref basesRef);
        }
        return BucketSum.OfAffine(_buckets.AsSpan(0, bucketCount));
    }

    /// <summary>How many points ahead the bucket of a point is prefetched: buckets are read in
    /// random order from an array the size of L2, so each read would otherwise wait for it.</summary>
    private const int PrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref G1Affine buckets, int digit)
    {
        if (!Sse.IsSupported || digit == 0) return;
        int sign = digit >> 31;
        // A hint only: if the GC moved the array meanwhile, the prefetch is merely wasted.
        byte* p = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref buckets, ((digit ^ sign) - sign) - 1));
        Sse.Prefetch0(p);
        Sse.Prefetch0(p + 63);                       // a 64-byte bucket may straddle two lines
    }

    /// <summary>
    /// Starts bucket += ±P. Empty buckets and P = -bucket resolve at once; P = bucket becomes a
    /// doubling (denominator 2y instead of x2 - x1, which is zero); the rest join the batch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ref G1Affine basesRef, int bucket, int point)
    {
        ref G1Affine b = ref _buckets[bucket];
        ref G1Affine p = ref Unsafe.Add(ref basesRef, point >>> 1);
        if (b.Y.IsZero)                               // only infinity has y = 0 (the group has odd order)
        {
            b = (point & 1) == 0 ? p : new G1Affine(p.X, new Fq(F.Neg(p.Y.Limbs)));
            return;
        }
        U256 den = B.Sub(p.X.Limbs, b.X.Limbs);
        int flags = 0;
        if (den.IsZero)
        {
            U256 y2 = (point & 1) == 0 ? p.Y.Limbs : F.Neg(p.Y.Limbs);
            if (!y2.Equals(b.Y.Limbs)) { b = default; return; }   // P + (-P) = infinity
            den = F.Double(b.Y.Limbs);
            flags = DoublingFlag;
        }
        int k = _count++;
        _prefix[k] = _product;
        _den[k] = den;
        _product = FqCalls.Mul(_product, den);
        _entryBucket[k] = bucket | flags;
        _entryPoint[k] = point;
        _pending[bucket] = 1;
    }

    /// <summary>Finishes every pending addition with one inversion of the product of denominators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush(ref G1Affine basesRef)
    {
        if (_count == 0) return;
        U256 inv = F.Inverse(_product);
        ref G1Affine buckets = ref MemoryMarshal.GetArrayDataReference(_buckets);
        ref U256 prefix = ref MemoryMarshal.GetArrayDataReference(_prefix);
        ref U256 dens = ref MemoryMarshal.GetArrayDataReference(_den);
        ref int entryBucket = ref MemoryMarshal.GetArrayDataReference(_entryBucket);
        ref int entryPoint = ref MemoryMarshal.GetArrayDataReference(_entryPoint);
        ref byte pending = ref MemoryMarshal.GetArrayDataReference(_pending);
        for (int k = _count - 1; k >= 0; k--)
        {
            int eb = Unsafe.Add(ref entryBucket, k), ep = Unsafe.Add(ref entryPoint, k);
            int bucket = eb & int.MaxValue;
            ref G1Affine b = ref Unsafe.Add(ref buckets, bucket);
            ref G1Affine p = ref Unsafe.Add(ref basesRef, ep >>> 1);
            U256 x1 = b.X.Limbs, y1 = b.Y.Limbs, x2 = p.X.Limbs;
            U256 y2 = B.NegateIf(p.Y.Limbs, (ulong)(ep & 1));
            U256 den = Unsafe.Add(ref dens, k);
            U256 num = eb >= 0 ? B.Sub(y2, y1) : AffineBatchAdd.TangentNumerator(x1);
            // inv = 1/(den_0 ... den_k); prefix[k] = den_0 ... den_{k-1}.
            U256 denInv = FqCalls.Mul(inv, Unsafe.Add(ref prefix, k));
            inv = FqCalls.Mul(inv, den);
            U256 lambda = FqCalls.Mul(num, denInv);
            U256 x3 = B.Sub(B.Sub(FqCalls.Square(lambda), x1), x2);
            U256 y3 = B.Sub(FqCalls.Mul(lambda, B.Sub(x1, x3)), y1);
            b = new G1Affine(new Fq(x3), new Fq(y3));
            Unsafe.Add(ref pending, bucket) = 0;
        }
        _count = 0;
        _product = F.One;
    }

    /// <summary>Moves queued points whose bucket is no longer pending into the batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Drain(ref G1Affine basesRef)
    {
        int kept = 0;
        for (int j = 0; j < _queued; j++)
        {
            int bucket = _queueBucket[j], point = _queuePoint[j];
            if (_pending[bucket] != 0)
            {
                _queueBucket[kept] = bucket;
                _queuePoint[kept] = point;
                kept++;
                continue;
            }
            Add(ref basesRef, bucket, point);
            if (_count == _batchSize) Flush(ref basesRef);
        }
        _queued = kept;
    }
}
