using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Proves Σ_j L_j·2^(128j) = Σ_j R_j·2^(128j) for two lists of chunk expressions, chunk by chunk:
/// L_j + carry_(j−1) = R_j + carry_j·2^128, with carry_(−1) = 0 and the last carry zero (or, for arithmetic modulo
/// 2^(128·n), left free but bounded).
/// <para>Why this is sound: each carry is 9 byte cells minus an offset of 2^70, so −2^70 ≤ carry &lt; 2^72 − 2^70. The
/// callers keep every |L_j|, |R_j| below 2^200, so both sides of each chunk equation are far below p/2 in absolute
/// value and the field equation is an integer equation. Summing the chunk equations times 2^(128j) telescopes to
/// L − R = carry_last·2^(128n). Carries are negative where the right side's chunks outgrow the left's (a product on
/// the right, a sum of limbs on the left).</para>
/// Honest carries: L_j, R_j &lt; 2^196 so |carry| &lt; 2^68, well inside the range.</summary>
public sealed class CarryChain
{
    private const int CarryBytes = 9;
    private static readonly BigInteger Offset = BigInteger.One << 70;

    private readonly CellRef[][] _carries;

    private CarryChain(CellRef[][] carries) => _carries = carries;

    /// <param name="lastCarryFree">True for equality modulo 2^(128·n): the carry out of the last chunk is a bounded
    /// cell instead of zero.</param>
    public static CarryChain Configure(GadgetBuilder b, string name, Expression[] lhs, Expression[] rhs, bool lastCarryFree = false)
    {
        if (lhs.Length != rhs.Length) throw new ArgumentException("chunk counts differ");
        int n = lhs.Length, cells = lastCarryFree ? n : n - 1;
        var carries = Enumerable.Range(0, cells).Select(j => ByteCells.Allocate(b, $"{name} carry {j}", CarryBytes)).ToArray();
        var offset = Expression.Constant(Fr.FromBigInteger(Offset));
        var twoTo128 = Expression.Constant(Fr.FromBigInteger(WideProduct.TwoTo128));
        Expression Carry(int j) => ByteCells.Compose(carries[j]) - offset;
        for (int j = 0; j < n; j++)
        {
            var left = j == 0 ? lhs[j] : lhs[j] + Carry(j - 1);
            var right = j < cells ? rhs[j] + Carry(j) * twoTo128 : rhs[j];
            b.Require($"{name}: chunk {j}", left - right);
        }
        return new CarryChain(carries);
    }

    /// <summary>Fills the carries from the integer values of the same chunks. (A lying trace gets floor carries, and
    /// the chunk equations it breaks are the checker's to report.)</summary>
    public void Assign(StepContext step, BigInteger[] lhs, BigInteger[] rhs)
    {
        BigInteger carry = 0;
        for (int j = 0; j < _carries.Length; j++)
        {
            carry = (lhs[j] + carry - rhs[j]) >> 128;
            ByteCells.Set(step, _carries[j], carry + Offset);
        }
    }
}
