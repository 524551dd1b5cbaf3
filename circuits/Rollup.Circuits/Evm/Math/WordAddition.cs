using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>A 256-bit word as its two 128-bit limbs, as expressions.</summary>
public readonly record struct Limbs(Expression Lo, Expression Hi)
{
    public static Limbs Small(Expression value) => new(value, Expression.Constant(0));
    public static implicit operator Limbs(WordBytes w) => new(w.Lo, w.Hi);
}

/// <summary>a + m = c on 256-bit words without overflow, limb by limb with one carry bit. Sound when the limbs are
/// below 2^128 (byte-decomposed, or read from state that only such checked writes produced): the two limb equations
/// then hold over the integers, and c's high limb being below 2^128 means the sum did not wrap. Used for balance
/// updates: a debit is new + amount = old (new range-checked, so no underflow), a credit old + amount = new.</summary>
public static class WordAddition
{
    public static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    /// <returns>The carry cell out of the low limb (fill it with <see cref="Carry"/>).</returns>
    public static CellRef Require(GadgetBuilder b, string name, Limbs a, Limbs m, Limbs c)
    {
        var carry = b.Cell($"{name}: carry");
        b.Require($"{name}: carry is a bit", carry * (1 - (Expression)carry));
        b.Require($"{name}: low limbs", a.Lo + m.Lo - c.Lo - carry * Expression.Constant(TwoTo128));
        b.Require($"{name}: high limbs", a.Hi + m.Hi + carry - c.Hi);
        return carry;
    }

    /// <summary>The carry out of the low limbs of a + m.</summary>
    public static ulong Carry(in UInt256 a, in UInt256 m)
    {
        var mask = (BigInteger.One << 128) - 1;
        return (a.ToBigInteger() & mask) + (m.ToBigInteger() & mask) > mask ? 1UL : 0UL;
    }
}

/// <summary>A non-negative number below 2^(8n) held as n range-checked byte cells (little-endian).</summary>
public sealed record SmallNumber(CellRef[] Bytes)
{
    public Expression Value
    {
        get
        {
            Expression acc = Bytes[^1];
            for (int i = Bytes.Length - 2; i >= 0; i--) acc = acc * 256 + Bytes[i];
            return acc;
        }
    }

    public static implicit operator Expression(SmallNumber n) => n.Value;

    /// <summary>n byte cells whose value must equal <paramref name="value"/>.</summary>
    public static SmallNumber Require(GadgetBuilder b, string name, Expression value, int bytes = 8)
    {
        var n = new SmallNumber(Enumerable.Range(0, bytes).Select(i => b.ByteCell($"{name}[{i}]")).ToArray());
        b.Require($"{name} is below 2^{8 * bytes}", n.Value - value);
        return n;
    }

    public void Assign(StepContext step, ulong value)
    {
        for (int i = 0; i < Bytes.Length; i++) step.Set(Bytes[i], i < 8 ? (value >> (8 * i)) & 0xff : 0UL);
    }
}
