using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Bls12381.Pairing;

/// <summary>
/// One Miller-loop line with the G1 point factored out: evaluated at P = (xP, yP) it is
/// A + (B·xP)·v + (C·yP)·v·w (see <see cref="MillerLoop"/> for why lines have this shape).
/// </summary>
internal readonly struct LineCoefficients(in Fp2 a, in Fp2 b, in Fp2 c)
{
    public readonly Fp2 A = a, B = b, C = c;
}

/// <summary>
/// A G2 point with all its Miller-loop lines computed: the loop then only evaluates them at the G1
/// point. Worth keeping for points used many times (the KZG check pairs with -G2 and [τ]G2 only);
/// for other points the pairing prepares them on the fly.
/// </summary>
public sealed class G2Prepared
{
    internal readonly LineCoefficients[] Lines;

    public bool IsInfinity => Lines.Length == 0;

    private G2Prepared(LineCoefficients[] lines) { Lines = lines; }

    /// <summary>Prepares a point that must already be in G2 (or infinity).</summary>
    public static G2Prepared From(in G2Affine q) => new(q.IsInfinity ? [] : MillerLoop.ComputeLines(q));
}
