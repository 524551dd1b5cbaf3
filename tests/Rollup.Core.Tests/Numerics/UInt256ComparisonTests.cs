using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

public class UInt256ComparisonTests
{
    [Fact]
    public void Comparisons_match_BigInteger() => Property.Run(41, (g, i) =>
    {
        UInt256 a = g.Next();
        // Equal and nearly equal pairs are where a limb-wise comparison slips.
        UInt256 b = g.Int(4) switch { 0 => a, 1 => a ^ new UInt256(1UL << g.Int(64)) << (64 * g.Int(4)), _ => g.Next() };
        BigInteger x = Big(a), y = Big(b);
        Property.Equal(g, i, x < y, a < b, "<", a, b);
        Property.Equal(g, i, x > y, a > b, ">", a, b);
        Property.Equal(g, i, x <= y, a <= b, "<=", a, b);
        Property.Equal(g, i, x >= y, a >= b, ">=", a, b);
        Property.Equal(g, i, x == y, a == b, "==", a, b);
        Property.Equal(g, i, x != y, a != b, "!=", a, b);
        Property.Equal(g, i, x == y, a.Equals(b), "Equals", a, b);
        Property.Equal(g, i, x == y, a.Equals((object)b), "Equals(object)", a, b);
        Property.Equal(g, i, x.CompareTo(y), a.CompareTo(b), "CompareTo", a, b);
        Property.Equal(g, i, x.CompareTo(y), a.CompareTo((object)b), "CompareTo(object)", a, b);
        if (x == y) Property.Equal(g, i, a.GetHashCode(), b.GetHashCode(), "GetHashCode", a, b);
    });

    [Fact]
    public void Sorting_uses_numeric_order()
    {
        var g = new WordGen(42);
        var words = Enumerable.Range(0, 500).Select(_ => g.Next()).ToList();
        words.Sort();
        Assert.Equal(words.Select(Big).Order(), words.Select(Big));
        Assert.Equal(1, UInt256.Zero.CompareTo(null));
        Assert.Throws<ArgumentException>(() => UInt256.Zero.CompareTo("0"));
    }

    [Fact]
    public void Size_properties_match_BigInteger() => Property.Run(43, (g, i) =>
    {
        UInt256 a = g.Next();
        BigInteger x = Big(a);
        int bits = x.IsZero ? 0 : (int)x.GetBitLength();
        Property.Equal(g, i, bits, a.BitLength, "BitLength", a);
        Property.Equal(g, i, (bits + 7) / 8, a.ByteLength, "ByteLength", a);
        Property.Equal(g, i, x.IsZero, a.IsZero, "IsZero", a);
        Property.Equal(g, i, x.IsOne, a.IsOne, "IsOne", a);
        Property.Equal(g, i, x <= ulong.MaxValue, a.FitsInUlong, "FitsInUlong", a);
        bool fits = a.TryGetUlong(out ulong low);
        Property.Equal(g, i, x <= ulong.MaxValue, fits, "TryGetUlong", a);
        Property.Equal(g, i, (ulong)(x & ulong.MaxValue), low, "TryGetUlong value", a);
        Property.Equal(g, i, (ulong)(x & ulong.MaxValue), (ulong)a, "explicit ulong", a);
        Property.Equal(g, i, (UInt128)(x & UInt128.MaxValue), (UInt128)a, "explicit UInt128", a);
    });

    [Fact]
    public void Constants_and_conversions()
    {
        Assert.Equal(BigInteger.Zero, Big(UInt256.Zero));
        Assert.Equal(BigInteger.One, Big(UInt256.One));
        Assert.Equal(Modulus - 1, Big(UInt256.MaxValue));
        Assert.True(default(UInt256).IsZero);

        UInt256 fromUlong = ulong.MaxValue, fromUint = uint.MaxValue, fromInt = int.MaxValue;
        UInt256 fromUInt128 = UInt128.MaxValue;
        Assert.Equal(new BigInteger(ulong.MaxValue), Big(fromUlong));
        Assert.Equal(new BigInteger(uint.MaxValue), Big(fromUint));
        Assert.Equal(new BigInteger(int.MaxValue), Big(fromInt));
        Assert.Equal(Pow2(128) - 1, Big(fromUInt128));
        Assert.Equal(Big(new UInt256(5)), Big(new UInt256(2) + 3));

        int negative = -1;
        Assert.Throws<ArgumentOutOfRangeException>(() => (UInt256)negative);
        Assert.Equal(new UInt256(1, 2, 3, 4), new UInt256(1, 2, 3, 4));
        Assert.Equal(4UL, new UInt256(1, 2, 3, 4).U3);
    }
}
