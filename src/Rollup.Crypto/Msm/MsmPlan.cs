using GlvSplit = Rollup.Crypto.Msm.Glv;

namespace Rollup.Crypto.Msm;

/// <summary>How one multi-scalar multiplication is carried out.</summary>
internal enum MsmMethod
{
    /// <summary>One scalar multiplication per point: cheapest for a handful of points.</summary>
    Naive,
    /// <summary>Bucket method with Jacobian buckets: small inputs.</summary>
    JacobianBuckets,
    /// <summary>Bucket method with batch-affine buckets (Jacobian ones in windows with few buckets).</summary>
    BatchAffine,
}

/// <summary>
/// Method, window width c and batch size, chosen from a cost model counted in field
/// multiplications. Per window the bucket method pays one bucket addition per point and a
/// running-sum step (two additions) per bucket; a wider window
/// means fewer windows but exponentially more buckets. Windows are shared among the workers, so the
/// model counts the windows the busiest worker runs, which favours a window count that splits evenly.
/// With <paramref name="Glv"/>, each scalar is split into two halves of <see cref="GlvSplit.HalfBits"/> bits for P and φ(P)
/// (<see cref="GlvSplit"/>): twice the points, half the windows; <paramref name="ScalarBits"/> is then the halves' length.
/// </summary>
internal readonly record struct MsmPlan(MsmMethod Method, int WindowBits, int BatchSize, int ScalarBits = SignedDigits.FullBits,
    bool Glv = false)
{
    // Costs in field multiplications, measured roughly on x64 (see bench/RESULTS.md).
    private const double NaivePerPoint = 2500;      // wNAF-5 scalar multiplication
    private const double MixedAdd = 13;             // madd-2007-bl (11) and its additions
    private const double AffineAdd = 8;             // batch-affine addition with its subtractions and bookkeeping
    private const double Inversion = 64;            // binary extended GCD, shared by a batch
    private const double BucketStep = 27;           // mixed add + full add of the running sums
    private const double BatchedBucketStep = 14;    // two batch-affine additions (BucketSum, many buckets)
    private const double Endomorphism = 2;          // φ(P): one product, plus copying P next to it

    /// <summary>Largest batch: an inversion costs about 64 products, so at 1024 additions it adds
    /// about 1% to each; a longer batch only spreads its working set (bucket, point, prefix and
    /// denominator per entry, about 200 KB) further out of L2.</summary>
    public const int MaxBatch = 1024;

    /// <summary>Below this many buckets a window uses Jacobian buckets even in a batch-affine plan.</summary>
    public const int MinBatchAffineBuckets = 128;

    public int Windows => SignedDigits.WindowCount(WindowBits, ScalarBits);

    public override string ToString() => Method == MsmMethod.Naive
        ? "naive"
        : $"{Method}, c = {WindowBits}, {Windows} windows" + (Method == MsmMethod.BatchAffine ? $", batch {BatchSize}" : "")
            + (Glv ? ", GLV" : "");

    /// <summary>A GLV plan: the windows cover the halves of the split scalars. At most 15-bit windows: a negative half
    /// negates its digits, and with 16-bit windows the digit −2^15 would negate to +2^15, which a short cannot hold
    /// (it wrapped back to −2^15 and gave wrong sums).</summary>
    public static MsmPlan WithGlv(MsmMethod method, int windowBits, int batchSize) =>
        windowBits < MaxGlvWindowBits + 1
            ? new(method, windowBits, batchSize, GlvSplit.HalfBits, Glv: true)
            : throw new ArgumentOutOfRangeException(nameof(windowBits), $"GLV plans take windows of at most {MaxGlvWindowBits} bits");

    public const int MaxGlvWindowBits = SignedDigits.MaxWindowBits - 1;

    /// <summary>Points the buckets see: each base twice (P and φ(P)) under GLV.</summary>
    public int Points(int n) => Glv ? 2 * n : n;

    /// <summary>
    /// Buckets window w needs: 2^(c-1), except the top window, which holds the last bits mod c bits
    /// of the scalar plus a carry, so its digits go up to 2^(bits mod c).
    /// </summary>
    public int BucketCount(int window) =>
        window < Windows - 1 ? 1 << (WindowBits - 1) : 1 << (ScalarBits - (Windows - 1) * WindowBits);

    public bool UsesBatchAffine(int window) => Method == MsmMethod.BatchAffine && BucketCount(window) >= MinBatchAffineBuckets;

    /// <summary>The cheapest plan for n scalars below 2^<paramref name="scalarBits"/>: short scalars need fewer
    /// windows, so they usually take a narrower window too.</summary>
    public static MsmPlan Choose(int n, int workers, int scalarBits = SignedDigits.FullBits)
    {
        MsmPlan best = new(MsmMethod.Naive, 0, 0, scalarBits);
        // A naive multiplication's doublings scale with the scalar's length.
        double bestCost = n * NaivePerPoint * scalarBits / SignedDigits.FullBits;
        for (int c = 2; c <= SignedDigits.MaxWindowBits; c++)
        {
            foreach (var method in new[] { MsmMethod.JacobianBuckets, MsmMethod.BatchAffine })
            {
                var plan = new MsmPlan(method, c, BatchSizeFor(c), scalarBits);
                double cost = plan.Cost(n, workers);
                if (cost < bestCost) { bestCost = cost; best = plan; }
                // Halves of longer scalars than GLV's would make them no shorter.
                if (scalarBits <= GlvSplit.HalfBits || c > MaxGlvWindowBits) continue;
                plan = WithGlv(method, c, BatchSizeFor(c));
                cost = plan.Cost(n, workers);
                if (cost < bestCost) { bestCost = cost; best = plan; }
            }
        }
        return best;
    }

    /// <summary>Modelled work of the busiest worker, in field multiplications.</summary>
    private double Cost(int n, int workers)
    {
        // φ(P) for every base, shared by the workers.
        double setup = Glv ? n * Endomorphism / workers : 0;
        n = Points(n);
        double total = 0;
        for (int w = 0; w < Windows; w++)
        {
            int buckets = BucketCount(w);
            double perPoint = UsesBatchAffine(w) ? AffineAdd + Inversion / BatchSize : MixedAdd;
            total += n * perPoint + buckets * (buckets >= BucketSum.MinSegmentedBuckets ? BatchedBucketStep : BucketStep);
        }
        // Whole windows go to workers: the busiest one runs ceil(W / workers) of them.
        return setup + total / Windows * Math.Ceiling((double)Windows / workers);
    }

    /// <summary>
    /// An eighth of the bucket count, at most <see cref="MaxBatch"/>: a point collides with a
    /// pending bucket with probability about (batch / 2) / buckets, so conflicts stay around 1/16
    /// for narrow windows and far below for wide ones.
    /// </summary>
    public static int BatchSizeFor(int windowBits) => Math.Clamp((1 << (windowBits - 1)) / 8, 1, MaxBatch);
}
