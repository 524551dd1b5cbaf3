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

    public Srs(G1Affine[] g1Powers, G2Affine g2, G2Affine tauG2)
    {
        if (g1Powers.Length == 0) throw new ArgumentException("an SRS needs at least one G1 power");
        G1Powers = g1Powers;
        G2 = g2;
        TauG2 = tauG2;
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
        return new Srs(affine, G2Affine.Generator, tauG2);
    }

    /// <summary>The first <paramref name="size"/> G1 powers (an SRS for smaller circuits).</summary>
    public Srs Truncate(int size)
    {
        if (size > Size) throw new ArgumentException($"the SRS has {Size} powers, {size} were asked for");
        return size == Size ? this : new Srs(G1Powers[..size], G2, TauG2);
    }
}
