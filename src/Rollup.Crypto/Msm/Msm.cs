using System.Buffers;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Multi-scalar multiplication Σ sᵢ·Pᵢ on G1 by Pippenger's bucket method: signed c-bit window
/// digits, buckets accumulated with batch-affine additions, bucket sums by running sums, windows
/// combined by c doublings each. Windows are independent, so the workers (one per core by default)
/// take whole windows; each worker keeps one set of pooled buckets for all of its windows. Full-length
/// scalars are split by the GLV endomorphism first (<see cref="Glv"/>) when the plan says it pays.
/// </summary>
public static class Msm
{
    private const int ParallelMinPoints = 256;

    /// <summary>Σ scalars[i]·bases[i] using every core. Bases must be on the curve or (0, 0), the point at infinity.</summary>
    public static G1Jacobian Multiply(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars) =>
        Multiply(bases, scalars, Environment.ProcessorCount);

    /// <summary>Σ scalars[i]·bases[i] on at most <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    public static G1Jacobian Multiply(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, int maxDegreeOfParallelism)
    {
        if (bases.Length != scalars.Length) throw new ArgumentException("bases and scalars differ in length", nameof(scalars));
        if (maxDegreeOfParallelism < 1) throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism));
        // Small inputs run on the calling thread: starting workers costs more than they save.
        int workers = bases.Length < ParallelMinPoints ? 1 : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
        // One pass over the scalars (a product each, under 1% of the MSM) finds their length: a witness column of
        // bytes needs one or two windows instead of twenty.
        int bits = SignedDigits.MaxBits(scalars);
        if (bits == 0) return G1Jacobian.Infinity;
        return Multiply(bases, scalars, MsmPlan.Choose(bases.Length, workers, bits), workers);
    }

    /// <summary>With an explicit plan, so tests can drive every method and window width at any size.</summary>
    internal static unsafe G1Jacobian Multiply(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmPlan plan, int workers)
    {
        int n = bases.Length;
        if (n == 0) return G1Jacobian.Infinity;
        if (plan.Method == MsmMethod.Naive) return Naive(bases, scalars);

        int windows = plan.Windows, points = plan.Points(n);
        short[] digits = ArrayPool<short>.Shared.Rent(checked(windows * points));
        // Under GLV the buckets see P₀..Pₙ₋₁ followed by φ(P₀)..φ(Pₙ₋₁), one array so that a point index stays one index.
        G1Affine[]? doubled = plan.Glv ? ArrayPool<G1Affine>.Shared.Rent(points) : null;
        var windowSums = new G1Jacobian[windows];
        try
        {
            // The spans stay pinned while the workers, which cannot capture spans, read them through pointers.
            fixed (G1Affine* basesPtr = bases)
            fixed (Fr* scalarsPtr = scalars)
            {
                var job = new Job((nint)basesPtr, (nint)scalarsPtr, n, doubled, digits, plan, windowSums);
                if (workers == 1) job.RunSequential();
                else job.RunParallel(workers);
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(digits);
            if (doubled != null) ArrayPool<G1Affine>.Shared.Return(doubled);
        }

        G1Jacobian acc = windowSums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int i = 0; i < plan.WindowBits; i++) acc = acc.Double();
            acc += windowSums[w];
        }
        return acc;
    }

    private static G1Jacobian Naive(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars)
    {
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = 0; i < bases.Length; i++)
            if (!scalars[i].IsZero && !bases[i].IsInfinity) acc += bases[i].ToJacobian().Multiply(scalars[i]);
        return acc;
    }

    /// <summary>The shared state of one multiplication, split between workers.</summary>
    private sealed unsafe class Job(nint bases, nint scalars, int n, G1Affine[]? doubled, short[] digits, MsmPlan plan,
        G1Jacobian[] windowSums)
    {
        private readonly int _points = plan.Points(n);
        private ReadOnlySpan<G1Affine> Bases => new((void*)bases, n);
        private ReadOnlySpan<Fr> Scalars => new((void*)scalars, n);
        /// <summary>The points the buckets add: the bases, or under GLV the bases and their images under φ.</summary>
        private ReadOnlySpan<G1Affine> Points => doubled is null ? Bases : doubled.AsSpan(0, _points);
        private ReadOnlySpan<short> Digits(int w) => digits.AsSpan(w * _points, _points);

        /// <summary>Digits (and under GLV the points) for bases start..end-1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Prepare(int start, int end)
        {
            if (doubled is null)
            {
                SignedDigits.Compute(Scalars, Bases, plan.WindowBits, digits, start, end, plan.ScalarBits);
                return;
            }
            var bases = Bases;
            for (int i = start; i < end; i++)
            {
                doubled[i] = bases[i];
                doubled[n + i] = Glv.Endomorphism(bases[i]);
            }
            SignedDigits.ComputeGlv(Scalars, bases, plan.WindowBits, digits, start, end);
        }

        public void RunSequential()
        {
            Prepare(0, n);
            using var worker = new Worker(plan);
            for (int w = 0; w < windowSums.Length; w++) windowSums[w] = worker.SumWindow(w, Points, Digits(w));
        }

        public void RunParallel(int workers)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
            // Digits: contiguous point ranges, a few per worker so a slow core does not hold up the rest.
            int chunks = workers * 4, chunk = (n + chunks - 1) / chunks;
            Parallel.For(0, chunks, options, c => Prepare(c * chunk, Math.Min(n, (c + 1) * chunk)));
            // Buckets: whole windows, one set of buckets per worker thread.
            Parallel.For(0, windowSums.Length, options, () => new Worker(plan),
                (w, _, worker) => { windowSums[w] = worker.SumWindow(w, Points, Digits(w)); return worker; },
                worker => worker.Dispose());
        }
    }

    /// <summary>One thread's accumulators, created on first use and reused for its later windows.</summary>
    private sealed class Worker(MsmPlan plan) : IDisposable
    {
        private BatchAffineWindow? _affine;
        private JacobianWindow? _jacobian;

        public G1Jacobian SumWindow(int w, ReadOnlySpan<G1Affine> bases, ReadOnlySpan<short> digits)
        {
            int buckets = plan.BucketCount(w), capacity = 1 << (plan.WindowBits - 1);
            IWindowAccumulator acc = plan.UsesBatchAffine(w)
                ? _affine ??= new BatchAffineWindow(capacity, plan.BatchSize)
                : _jacobian ??= new JacobianWindow(capacity);
            return acc.SumWindow(bases, digits, buckets);
        }

        public void Dispose()
        {
            _affine?.Dispose();
            _jacobian?.Dispose();
        }
    }
}
