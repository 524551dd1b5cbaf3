using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Kzg;

/// <summary>A KZG structured reference string: [τ^i]₁ for i &lt; n, [1]₂ and [τ]₂. Anyone who knows τ can forge
/// proofs, so a real deployment loads one from a public powers-of-tau ceremony (<see cref="PtauFile"/>); the
/// seeded constructor is for development and tests only and says so in its name.</summary>
public sealed class Srs
{
    public G1Affine[] G1Powers { get; }
    public G2Affine G2 { get; }
    public G2Affine TauG2 { get; }

    public int Size => G1Powers.Length;

    /// <summary>Where [L_i(τ)]₁ for a domain size come from, if this SRS can provide them (a seed, a prepared ptau).</summary>
    private readonly Func<int, G1Affine[]?>? _lagrangeSource;
    private readonly ConcurrentDictionary<int, G1Affine[]?> _lagrange;

    public Srs(G1Affine[] g1Powers, G2Affine g2, G2Affine tauG2) : this(g1Powers, g2, tauG2, null, new()) { }

    /// <summary>An SRS that can also provide Lagrange bases, from <paramref name="lagrangeSource"/> (called at most once
    /// per size; it returns null when it cannot).</summary>
    public Srs(G1Affine[] g1Powers, G2Affine g2, G2Affine tauG2, Func<int, G1Affine[]?>? lagrangeSource)
        : this(g1Powers, g2, tauG2, lagrangeSource, new()) { }

    private Srs(G1Affine[] g1Powers, G2Affine g2, G2Affine tauG2, Func<int, G1Affine[]?>? lagrangeSource,
        ConcurrentDictionary<int, G1Affine[]?> lagrange)
    {
        if (g1Powers.Length == 0) throw new ArgumentException("an SRS needs at least one G1 power");
        G1Powers = g1Powers;
        G2 = g2;
        TauG2 = tauG2;
        _lagrangeSource = lagrangeSource;
        _lagrange = lagrange;
    }

    /// <summary>
    /// [L_i(τ)]₁ for the Lagrange polynomials of the n-th roots of unity (L_i(ω^j) = [i = j]), or null if this SRS
    /// has no source for them. Σ v_i·[L_i(τ)]₁ is the commitment to the polynomial with values v on the domain, the
    /// same point as committing its coefficients to [τ^i]₁; but the values of a witness column are often small
    /// (bytes, flags, counters) where its coefficients are not, and a short-scalar MSM costs a fraction of a full one.
    /// </summary>
    public G1Affine[]? LagrangeBasis(int n)
    {
        if (_lagrangeSource is null || n > Size || !BitOperations.IsPow2(n)) return null;
        return _lagrange.GetOrAdd(n, _lagrangeSource);
    }

    /// <summary>INSECURE: τ is derived from a public seed, so anyone can recompute it and forge proofs. For tests,
    /// benchmarks and development chains only.</summary>
    public static Srs InsecureFromSeed(int size, ReadOnlySpan<byte> seed)
    {
        var digest = SHA256.HashData(seed);
        var tau = Fr.FromBigInteger(new System.Numerics.BigInteger(digest, isUnsigned: true, isBigEndian: true) % Fr.Modulus);
        var table = new FixedBaseTable(G1Affine.Generator);
        var powers = new Fr[size];
        powers[0] = Fr.One;
        for (int i = 1; i < size; i++) powers[i] = powers[i - 1] * tau;
        var points = new G1Jacobian[size];
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (int i = worker; i < size; i += Environment.ProcessorCount) points[i] = table.Multiply(powers[i]);
        });
        var affine = new G1Affine[size];
        G1Jacobian.BatchToAffine(points, affine);
        var tauG2 = G2Affine.Generator.ToJacobian().Multiply(tau).ToAffine();
        return new Srs(affine, G2Affine.Generator, tauG2, n => LagrangeFromTau(table, tau, n));
    }

    /// <summary>[L_i(τ)]₁ = [ω^i·(τⁿ − 1)/(n·(τ − ω^i))]₁ by fixed-base multiplications, when τ is known (seeded SRS).</summary>
    private static G1Affine[] LagrangeFromTau(FixedBaseTable table, Fr tau, int n)
    {
        var omega = Fr.RootOfUnity(BitOperations.Log2((uint)n));
        var scalars = new Fr[n];
        var w = Fr.One;
        for (int i = 0; i < n; i++, w *= omega) scalars[i] = Fr.FromUInt64((ulong)n) * (tau - w);
        Fr.BatchInverse(scalars);
        var common = tau.Pow((ulong)n) - Fr.One;
        w = Fr.One;
        for (int i = 0; i < n; i++, w *= omega) scalars[i] *= w * common;
        var points = new G1Jacobian[n];
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (int i = worker; i < n; i += Environment.ProcessorCount) points[i] = table.Multiply(scalars[i]);
        });
        var affine = new G1Affine[n];
        G1Jacobian.BatchToAffine(points, affine);
        return affine;
    }

    /// <summary>The first <paramref name="size"/> G1 powers (an SRS for smaller circuits).</summary>
    public Srs Truncate(int size)
    {
        if (size > Size) throw new ArgumentException($"the SRS has {Size} powers, {size} were asked for");
        return size == Size ? this : new Srs(G1Powers[..size], G2, TauG2, _lagrangeSource, _lagrange);
    }
}
