using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using F = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FqModulus>;

namespace Rollup.Crypto.Msm;

/// <summary>
/// The GLV endomorphism of BN254's G1: φ(x, y) = (β·x, y), with β a cube root of unity in F_q, equals
/// multiplication by λ, a cube root of unity mod r. A 254-bit scalar k splits into k ≡ k1 + λ·k2 (mod r)
/// with |k1|, |k2| &lt; 2^127, so k·P = k1·P + k2·φ(P): twice the points with half-length scalars. In the
/// bucket method that halves the number of windows at the price of doubling the points, which leaves the
/// bucket additions unchanged but halves the bucket sums and the doublings that combine the windows.
/// The constants were derived from q, r and u (tests/Rollup.Crypto.Tests/Msm/GlvTests.cs derives them
/// again and checks φ(G) = λ·G).
/// </summary>
internal static class Glv
{
    /// <summary>Bits of |k1| and |k2|: the bound below shows they stay under 2^127.</summary>
    public const int HalfBits = 127;

    /// <summary>β = 0x59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe, in Montgomery form.</summary>
    public static readonly U256 Beta = F.ToMontgomery(new U256(0x5763473177fffffe, 0xd4f263f1acdb5c4f, 0x59e26bcea0d48bac, 0));

    /// <summary>λ = 0xb3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd: φ(P) = λ·P for this β.</summary>
    public static readonly System.Numerics.BigInteger Lambda =
        System.Numerics.BigInteger.Parse("0b3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd", System.Globalization.NumberStyles.HexNumber);

    // A short basis of the lattice {(a, b) : a + b·λ ≡ 0 mod r}, from the extended Euclidean algorithm on (r, λ):
    // v1 = (A, −B1), v2 = (A2, A), with determinant A·A − (−B1)·A2 = r.
    private const ulong A = 0x89d3256894d213e3;                                          // 64 bits
    private static readonly UInt128 B1 = new(0x6f4d8248eeb859fc, 0x8211bbeb7d4f1128);    // 127 bits
    private static readonly UInt128 A2 = new(0x6f4d8248eeb859fd, 0x0be4e1541221250b);    // 127 bits

    // round(A·2^256 / r) and round(B1·2^256 / r): the exact coefficients of k in the basis are A·k/r and B1·k/r.
    private const ulong G1L0 = 0xd91d232ec7e0b3d7, G1L1 = 0x2;
    private const ulong G2L0 = 0x7a7bd9d4391eb18e, G2L1 = 0x4ccef014a773d2cf, G2L2 = 0x2;

    /// <summary>
    /// k ≡ k1 + λ·k2 (mod r) for an integer 0 ≤ k &lt; r (not Montgomery form). Babai rounding: c1 = round(A·k/r),
    /// c2 = round(B1·k/r), (k1, k2) = (k, 0) − c1·v1 − c2·v2. The fixed-point c's are within 1/2 + k/2^257 &lt; 5/8 of
    /// the exact quotients, so |k1|, |k2| ≤ 5/8·(A2 + A) ≈ 0.54·2^127. Both are exact in 128-bit two's complement
    /// even though the products wrap. Fully optimised from the first call: an MSM calls it once per scalar, and
    /// under tiering its helpers first ran unoptimised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decompose(in U256 k, out Int128 k1, out Int128 k2)
    {
        UInt128 c1 = MulShift256(k, G1L0, G1L1, 0);
        UInt128 c2 = MulShift256(k, G2L0, G2L1, G2L2);
        UInt128 low = new(k.L1, k.L0);
        k1 = (Int128)(low - c1 * A - c2 * A2);
        k2 = (Int128)(c1 * B1 - c2 * A);
    }

    /// <summary>round(k·g / 2^256) for a 3-limb g, where the result fits 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 MulShift256(in U256 k, ulong g0, ulong g1, ulong g2)
    {
        // Schoolbook 4×3 limbs; t holds the running 7-limb product.
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0;
        Row(k.L0, g0, g1, g2, ref t0, ref t1, ref t2, ref t3);
        Row(k.L1, g0, g1, g2, ref t1, ref t2, ref t3, ref t4);
        Row(k.L2, g0, g1, g2, ref t2, ref t3, ref t4, ref t5);
        Row(k.L3, g0, g1, g2, ref t3, ref t4, ref t5, ref t6);
        // + 2^255 rounds to nearest.
        UInt128 s = (UInt128)t3 + (1UL << 63);
        return new UInt128(t5, t4) + (ulong)(s >> 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(ulong a, ulong g0, ulong g1, ulong g2, ref ulong r0, ref ulong r1, ref ulong r2, ref ulong r3)
    {
        UInt128 s = (UInt128)a * g0 + r0;
        r0 = (ulong)s;
        s = (UInt128)a * g1 + r1 + (ulong)(s >> 64);
        r1 = (ulong)s;
        s = (UInt128)a * g2 + r2 + (ulong)(s >> 64);
        r2 = (ulong)s;
        r3 = (ulong)(s >> 64);      // r3 is still zero when its row starts
    }

    /// <summary>φ(P) = (β·x, y) = λ·P; the point at infinity (0, 0) maps to itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Affine Endomorphism(in G1Affine p) => new(new Fq(FqCalls.Mul(p.X.Limbs, Beta)), p.Y);
}
