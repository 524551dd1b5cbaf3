using Rollup.Crypto.Bn254.Fields;
using B = Rollup.Crypto.Bn254.Fields.BranchFree<Rollup.Crypto.Bn254.Fields.FrModulus>;
using M = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FrModulus>;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// Polynomial and evaluation-vector arithmetic over F_r on spans. A polynomial is its coefficients,
/// lowest degree first. Operations that multiply every element split the work across cores for
/// long inputs (maxDegreeOfParallelism 0 = every core); additions are memory-bound and stay serial.
/// </summary>
public static unsafe class Polynomial
{
    /// <summary>Below this length a parallel split costs more than it saves.</summary>
    private const int ParallelThreshold = 1 << 14;

    /// <summary>a += b; b may be shorter than a (a higher-degree polynomial plus a lower one).</summary>
    public static void AddInPlace(Span<Fr> a, ReadOnlySpan<Fr> b)
    {
        if (b.Length > a.Length) throw new ArgumentException("b is longer than a", nameof(b));
        for (int i = 0; i < b.Length; i++) a[i] = new Fr(B.Add(a[i].Limbs, b[i].Limbs));
    }

    /// <summary>a -= b; b may be shorter than a.</summary>
    public static void SubtractInPlace(Span<Fr> a, ReadOnlySpan<Fr> b)
    {
        if (b.Length > a.Length) throw new ArgumentException("b is longer than a", nameof(b));
        for (int i = 0; i < b.Length; i++) a[i] = new Fr(B.Sub(a[i].Limbs, b[i].Limbs));
    }

    /// <summary>a += s·b; b may be shorter than a (the linear combinations of PLONK's linearisation and openings).</summary>
    public static void AddScaledInPlace(Span<Fr> a, ReadOnlySpan<Fr> b, in Fr s)
    {
        if (b.Length > a.Length) throw new ArgumentException("b is longer than a", nameof(b));
        U256 k = s.Limbs;
        for (int i = 0; i < b.Length; i++) a[i] = new Fr(B.Add(a[i].Limbs, M.Mul(k, b[i].Limbs)));
    }

    /// <summary>a *= s.</summary>
    public static void Scale(Span<Fr> a, in Fr s, int maxDegreeOfParallelism = 0)
    {
        U256 k = s.Limbs;
        ForChunks(a, maxDegreeOfParallelism, (p, from, to) =>
        {
            if (VectorScaling.Enabled) { VectorScaling.Scale(p, from, to, k); return; }
            for (int i = from; i < to; i++) p[i] = M.Mul(p[i], k);
        });
    }

    /// <summary>a[i] *= b[i]: the product of two polynomials' evaluations on one domain.</summary>
    public static void MultiplyPointwise(Span<Fr> a, ReadOnlySpan<Fr> b, int maxDegreeOfParallelism = 0)
    {
        if (b.Length != a.Length) throw new ArgumentException("lengths differ", nameof(b));
        fixed (Fr* q = b)
        {
            U256* other = (U256*)q;
            ForChunks(a, maxDegreeOfParallelism, (p, from, to) =>
            {
                if (VectorScaling.Enabled) { VectorScaling.MultiplyPointwise(p, other, from, to); return; }
                for (int i = from; i < to; i++) p[i] = M.Mul(p[i], other[i]);
            });
        }
    }

    /// <summary>a[i] *= c·x^i: moves a polynomial to a coset (x = g) or back (x = g^-1, with c = 1/n folded in).</summary>
    public static void ScaleByPowers(Span<Fr> a, in Fr x, in Fr c, int maxDegreeOfParallelism = 0)
    {
        Fr xx = x, cc = c;
        ForChunks(a, maxDegreeOfParallelism, (p, from, to) =>
        {
            U256 step = xx.Limbs, power = (cc * xx.Pow((ulong)from)).Limbs;
            if (VectorScaling.Enabled) { VectorScaling.ScaleByPowers(p, from, to, power, step); return; }
            for (int i = from; i < to; i++)
            {
                p[i] = M.Mul(p[i], power);
                power = M.Mul(power, step);
            }
        });
    }

    /// <summary>p(z) by Horner's rule; long polynomials are cut into one piece per core, and piece
    /// j's value is shifted by z^start(j).</summary>
    public static Fr Evaluate(ReadOnlySpan<Fr> coefficients, in Fr z, int maxDegreeOfParallelism = 0)
    {
        int n = coefficients.Length, workers = Domain.Workers(maxDegreeOfParallelism);
        if (n < ParallelThreshold || workers < 2) return Horner(coefficients, z);
        int pieces = workers * 4, size = (n + pieces - 1) / pieces;
        var partial = new Fr[pieces];
        Fr zz = z;
        fixed (Fr* c = coefficients)
        {
            Fr* coeffs = c;
            NttKernels.ParallelFor(pieces, workers, j =>
            {
                int from = Math.Min(n, j * size), to = Math.Min(n, from + size);
                partial[j] = Horner(new ReadOnlySpan<Fr>(coeffs + from, to - from), zz) * zz.Pow((ulong)from);
            });
        }
        Fr sum = Fr.Zero;
        foreach (var v in partial) sum += v;
        return sum;
    }

    private static Fr Horner(ReadOnlySpan<Fr> coefficients, in Fr z)
    {
        U256 acc = default, k = z.Limbs;
        for (int i = coefficients.Length - 1; i >= 0; i--) acc = B.Add(M.Mul(acc, k), coefficients[i].Limbs);
        return new Fr(acc);
    }

    /// <summary>results[j] = p(points[j]), the points spread across cores.</summary>
    public static void EvaluateMany(ReadOnlySpan<Fr> coefficients, ReadOnlySpan<Fr> points, Span<Fr> results, int maxDegreeOfParallelism = 0)
    {
        if (results.Length != points.Length) throw new ArgumentException("one result per point", nameof(results));
        int workers = Domain.Workers(maxDegreeOfParallelism);
        if (workers < 2 || (long)coefficients.Length * points.Length < ParallelThreshold)
        {
            for (int j = 0; j < points.Length; j++) results[j] = Horner(coefficients, points[j]);
            return;
        }
        int n = coefficients.Length;
        fixed (Fr* c = coefficients)
        fixed (Fr* pts = points)
        fixed (Fr* res = results)
        {
            Fr* coeffs = c, pp = pts, rr = res;
            NttKernels.ParallelFor(points.Length, workers, j => rr[j] = Horner(new ReadOnlySpan<Fr>(coeffs, n), pp[j]));
        }
    }

    /// <summary>
    /// Synthetic division by (X − z): writes q with p(X) = q(X)·(X − z) + p(z) and returns the
    /// remainder p(z). q has one coefficient fewer than p; the spans must not overlap. This is the
    /// quotient of a KZG opening when p(z) is subtracted first (the remainder is then zero).
    /// </summary>
    public static Fr DivideByLinear(ReadOnlySpan<Fr> p, in Fr z, Span<Fr> quotient)
    {
        if (p.Length == 0) return Fr.Zero;
        if (quotient.Length != p.Length - 1) throw new ArgumentException("the quotient has one coefficient fewer than p", nameof(quotient));
        // From the top: q[n-2] = p[n-1]; q[i-1] = p[i] + z·q[i]; remainder = p[0] + z·q[0].
        U256 carry = default, k = z.Limbs;
        for (int i = p.Length - 1; i >= 1; i--)
        {
            carry = B.Add(p[i].Limbs, M.Mul(carry, k));
            quotient[i - 1] = new Fr(carry);
        }
        return new Fr(B.Add(p[0].Limbs, M.Mul(carry, k)));
    }

    /// <summary>
    /// Divides evaluations on the coset g·D (D = <paramref name="evaluationDomain"/>, size m) by the
    /// vanishing polynomial of a subgroup H ⊆ D of size n, in place. At g·ω_m^i, Z_H = g^n·ω_m^(i·n) − 1
    /// takes only m/n distinct values (ω_m^n has order m/n), so m/n inversions serve every point;
    /// when m = n it is the constant g^n − 1.
    /// </summary>
    public static void DivideByVanishingOnCoset(Span<Fr> evaluations, Domain evaluationDomain, Domain vanishingDomain, int maxDegreeOfParallelism = 0)
    {
        if (evaluations.Length != evaluationDomain.Size) throw new ArgumentException("one value per domain element", nameof(evaluations));
        if (vanishingDomain.Size > evaluationDomain.Size) throw new ArgumentException("H must be a subgroup of the evaluation domain", nameof(vanishingDomain));
        int period = evaluationDomain.Size / vanishingDomain.Size;
        var inverses = new Fr[period];
        Fr gn = Domain.PowerOfTwo(evaluationDomain.CosetGenerator, vanishingDomain.Log2Size);
        Fr step = Domain.OfSize(period).Generator, power = gn;
        for (int t = 0; t < period; t++)
        {
            inverses[t] = power - Fr.One;
            power *= step;
        }
        Fr.BatchInverse(inverses);
        if (period == 1)
        {
            Scale(evaluations, inverses[0], maxDegreeOfParallelism);
            return;
        }
        fixed (Fr* inv = inverses)
        {
            U256* invs = (U256*)inv;
            int mask = period - 1;
            ForChunks(evaluations, maxDegreeOfParallelism, (p, from, to) =>
            {
                for (int i = from; i < to; i++) p[i] = M.Mul(p[i], invs[i & mask]);
            });
        }
    }

    /// <summary>dest[i] = x^i.</summary>
    public static void Powers(in Fr x, Span<Fr> dest)
    {
        Fr p = Fr.One;
        for (int i = 0; i < dest.Length; i++)
        {
            dest[i] = p;
            p *= x;
        }
    }

    /// <summary>
    /// a·b by NTT: both padded to the smallest domain holding the product's a.Length + b.Length − 1
    /// coefficients, transformed, multiplied pointwise and transformed back (in bit-reversed order
    /// throughout, which skips both permutations). Short inputs use the schoolbook product.
    /// </summary>
    public static Fr[] Multiply(ReadOnlySpan<Fr> a, ReadOnlySpan<Fr> b, int maxDegreeOfParallelism = 0)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        int length = a.Length + b.Length - 1;
        if (Math.Min(a.Length, b.Length) <= 32) return Schoolbook(a, b);
        var domain = Domain.AtLeast(length);
        var x = new Fr[domain.Size];
        var y = new Fr[domain.Size];
        a.CopyTo(x);
        b.CopyTo(y);
        domain.NttToBitReversed(x, maxDegreeOfParallelism);
        domain.NttToBitReversed(y, maxDegreeOfParallelism);
        MultiplyPointwise(x, y, maxDegreeOfParallelism);
        domain.InverseNttFromBitReversed(x, maxDegreeOfParallelism);
        return x.AsSpan(0, length).ToArray();
    }

    /// <summary>The O(n·m) product, exact for any lengths.</summary>
    public static Fr[] Schoolbook(ReadOnlySpan<Fr> a, ReadOnlySpan<Fr> b)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        var r = new Fr[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            U256 ai = a[i].Limbs;
            for (int j = 0; j < b.Length; j++) r[i + j] = new Fr(B.Add(r[i + j].Limbs, M.Mul(ai, b[j].Limbs)));
        }
        return r;
    }

    private delegate void ChunkBody(U256* values, int from, int to);

    /// <summary>Runs body over [0, a.Length) in a few contiguous chunks per core, or in one call when short.</summary>
    private static void ForChunks(Span<Fr> a, int maxDegreeOfParallelism, ChunkBody body)
    {
        int n = a.Length, workers = Domain.Workers(maxDegreeOfParallelism);
        fixed (Fr* f = a)
        {
            U256* p = (U256*)f;
            if (n < ParallelThreshold || workers < 2) { body(p, 0, n); return; }
            int chunks = workers * 4, size = (n + chunks - 1) / chunks;
            NttKernels.ParallelFor(chunks, workers, c => body(p, Math.Min(n, c * size), Math.Min(n, (c + 1) * size)));
        }
    }
}
