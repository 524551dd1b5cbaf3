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
/// When the conflict queue fills while the batch is still small (scalars that repeat: the circuit's flag and byte
/// columns put thousands of points in a handful of buckets), the queued points go into per-bucket Jacobian overflow
/// sums instead (mixed additions, no inversion), which join the affine buckets once at the end of the window
/// (one batch inversion to normalize them, one batch to add them: each bucket once). Flushing a near-empty batch
/// for each such point cost one inversion per point: 10% of a batch proof's time in `Montgomery.Inverse` (perf).
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
    // Overflow sums, rented on the first spill (random scalars never spill): per-bucket Jacobian sums, which buckets
    // have one, and scratch for normalizing them.
    private readonly int _capacity;
    private G1Jacobian[]? _overflow;
    private G1Affine[]? _overflowAffine;
    private U256[]? _zPrefix;
    private byte[]? _overflowUsed;
    private int[]? _touched;
    private int _touchedCount;

    /// <summary>A full queue is flushed with the batch only if the batch holds at least this share of its size;
    /// below it the queue spills into the overflow sums (an inversion is ~75 field products).</summary>
    private int SpillBelow => _batchSize / 4;

    public BatchAffineWindow(int capacity, int batchSize)
    {
        _batchSize = batchSize;
        _capacity = capacity;
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
        if (_overflow != null)
        {
            ArrayPool<G1Jacobian>.Shared.Return(_overflow);
            ArrayPool<G1Affine>.Shared.Return(_overflowAffine!);
            ArrayPool<U256>.Shared.Return(_zPrefix!);
            ArrayPool<byte>.Shared.Return(_overflowUsed!);
            ArrayPool<int>.Shared.Return(_touched!);
        }
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
                if (++_queued == _batchSize)
                {
                    if (_count >= SpillBelow) { Flush(ref basesRef); Drain(ref basesRef); }
                    else SpillQueue(ref basesRef);
                }
                continue;
            }
            Add(ref basesRef, bucket, point);
            if (_count == _batchSize) { Flush(ref basesRef); Drain(ref basesRef); }
        }
        Flush(ref basesRef);
        // Rounds while they stay worth an inversion; what still waits then spills.
        while (_queued > 0)
        {
            Drain(ref basesRef);
            if (_count < SpillBelow && _queued > 0) SpillQueue(ref basesRef);
            Flush(ref basesRef);
        }
        if (_touchedCount > 0) MergeOverflow();
        return BucketSum.OfAffine(_buckets.AsSpan(0, bucketCount));
    }

    /// <summary>Adds every queued point to its bucket's Jacobian overflow sum (a mixed addition each).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SpillQueue(ref G1Affine basesRef)
    {
        if (_overflow == null)
        {
            _overflow = ArrayPool<G1Jacobian>.Shared.Rent(_capacity);
            _overflowAffine = ArrayPool<G1Affine>.Shared.Rent(_capacity);
            _zPrefix = ArrayPool<U256>.Shared.Rent(_capacity);
            _overflowUsed = ArrayPool<byte>.Shared.Rent(_capacity);
            _touched = ArrayPool<int>.Shared.Rent(_capacity);
            Array.Clear(_overflowUsed);
        }
        for (int j = 0; j < _queued; j++)
        {
            int bucket = _queueBucket[j], point = _queuePoint[j];
            G1Affine p = Unsafe.Add(ref basesRef, point >>> 1);
            if ((point & 1) != 0) p = p.Negate();
            if (_overflowUsed![bucket] == 0)
            {
                _overflowUsed[bucket] = 1;
                _touched![_touchedCount++] = bucket;
                _overflow[bucket] = p.ToJacobian();
            }
            else _overflow[bucket] = _overflow[bucket].AddMixed(p);
        }
        _queued = 0;
    }

    /// <summary>
    /// Adds the overflow sums into the affine buckets: normalized with one inversion (Montgomery's trick over their
    /// z), then one batch of affine additions (each bucket appears once, so nothing conflicts).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MergeOverflow()
    {
        G1Jacobian[] overflow = _overflow!;
        G1Affine[] affine = _overflowAffine!;
        U256[] prefix = _zPrefix!;
        int[] touched = _touched!;
        int n = 0;
        U256 acc = F.One;
        for (int i = 0; i < _touchedCount; i++)
        {
            int bucket = touched[i];
            _overflowUsed![bucket] = 0;
            if (overflow[bucket].IsInfinity) continue;   // the points cancelled
            touched[n++] = bucket;
            prefix[bucket] = acc;
            acc = FqCalls.Mul(acc, overflow[bucket].Z.Limbs);
        }
        _touchedCount = 0;
        if (n == 0) return;
        U256 inv = F.Inverse(acc);
        for (int i = n - 1; i >= 0; i--)
        {
            int bucket = touched[i];
            ref G1Jacobian o = ref overflow[bucket];
            U256 zInv = FqCalls.Mul(inv, prefix[bucket]);
            inv = FqCalls.Mul(inv, o.Z.Limbs);
            U256 zInv2 = FqCalls.Square(zInv);
            affine[i] = new G1Affine(new Fq(FqCalls.Mul(o.X.Limbs, zInv2)), new Fq(FqCalls.Mul(o.Y.Limbs, FqCalls.Mul(zInv2, zInv))));
        }
        ref G1Affine affineRef = ref MemoryMarshal.GetArrayDataReference(affine);
        for (int i = 0; i < n; i++)
        {
            Add(ref affineRef, touched[i], i << 1);
            if (_count == _batchSize) Flush(ref affineRef);
        }
        Flush(ref affineRef);
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
