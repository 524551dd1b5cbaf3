using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>x − y on 128-bit limbs with borrows: <c>x_lo − y_lo + 2^128·b_lo = d_lo</c> and
/// <c>x_hi − y_hi − b_lo + 2^128·b = d_hi</c>, with the difference d range-checked as 32 bytes and both borrows bits.
/// For limbs below 2^128 the left sides lie in (−2^128 − 1, 2^128), so exactly one bit value puts each d limb in
/// [0, 2^128): the borrows are determined, and b = 1 exactly when x &lt; y (unsigned).</summary>
public sealed class ComparisonBorrow
{
    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    public WordBytes Difference { get; }
    public CellRef BorrowLo { get; }
    /// <summary>1 iff x &lt; y.</summary>
    public CellRef Borrow { get; }

    public ComparisonBorrow(GadgetBuilder b, string name, Expression xLo, Expression xHi, Expression yLo, Expression yHi)
    {
        Difference = b.Word($"{name} difference");
        BorrowLo = b.Cell($"{name} borrow out of the low limb");
        Borrow = b.Cell($"{name} borrow out of the word");
        var two128 = Expression.Constant(TwoTo128);
        b.Require($"{name}: low limbs subtract", xLo - yLo + BorrowLo * two128 - Difference.Lo);
        b.Require($"{name}: high limbs subtract", xHi - yHi - BorrowLo + Borrow * two128 - Difference.Hi);
        b.Require($"{name}: low borrow is a bit", BorrowLo * (1 - (Expression)BorrowLo));
        b.Require($"{name}: borrow is a bit", Borrow * (1 - (Expression)Borrow));
    }

    /// <summary>x and y as unsigned 256-bit integers.</summary>
    public void Assign(StepContext step, BigInteger x, BigInteger y)
    {
        var mask = (BigInteger.One << 128) - 1;
        var diff = (x - y) & ((BigInteger.One << 256) - 1);
        step.Set(Difference, Core.Numerics.UInt256.FromBigInteger(diff));
        step.Set(BorrowLo, (x & mask) < (y & mask) ? 1UL : 0UL);
        step.Set(Borrow, x < y ? 1UL : 0UL);
    }
}
