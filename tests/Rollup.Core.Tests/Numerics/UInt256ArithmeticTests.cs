using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

public class UInt256ArithmeticTests
{
    [Fact]
    public void Add_wraps_and_reports_overflow_like_BigInteger() => Property.Run(1, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.Next();
        BigInteger sum = Big(a) + Big(b);
        UInt256.Add(a, b, out UInt256 r);
        Property.Equal(g, i, Wrap(sum), r, "Add", a, b);
        bool overflow = UInt256.AddOverflow(a, b, out UInt256 r2);
        Property.Equal(g, i, Wrap(sum), r2, "AddOverflow", a, b);
        Property.Equal(g, i, sum >= Modulus, overflow, "AddOverflow flag", a, b);
        Property.Equal(g, i, Wrap(sum), a + b, "operator +", a, b);
    });

    [Fact]
    public void Subtract_wraps_and_reports_underflow_like_BigInteger() => Property.Run(2, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.Next();
        BigInteger difference = Big(a) - Big(b);
        UInt256.Subtract(a, b, out UInt256 r);
        Property.Equal(g, i, Wrap(difference), r, "Subtract", a, b);
        bool underflow = UInt256.SubtractUnderflow(a, b, out UInt256 r2);
        Property.Equal(g, i, Wrap(difference), r2, "SubtractUnderflow", a, b);
        Property.Equal(g, i, difference.Sign < 0, underflow, "SubtractUnderflow flag", a, b);
        Property.Equal(g, i, Wrap(difference), a - b, "operator -", a, b);
    });

    [Fact]
    public void Multiply_keeps_the_low_256_bits() => Property.Run(3, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.Next();
        BigInteger product = Wrap(Big(a) * Big(b));
        UInt256.Multiply(a, b, out UInt256 r);
        Property.Equal(g, i, product, r, "Multiply", a, b);
        Property.Equal(g, i, product, a * b, "operator *", a, b);
    });

    [Fact]
    public void SquareLow_matches_BigInteger() => Property.Run(8, (g, i) =>
    {
        UInt256 a = g.Next();
        Property.Equal(g, i, Wrap(Big(a) * Big(a)), UInt256.SquareLow(a), "SquareLow", a);
    });

    [Fact]
    public void MultiplyFull_gives_the_exact_512_bit_product() => Property.Run(4, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.Next();
        Span<ulong> limbs = stackalloc ulong[8];
        UInt256.MultiplyFull(a, b, limbs);
        BigInteger actual = BigInteger.Zero;
        for (int k = 7; k >= 0; k--) actual = (actual << 64) | limbs[k];
        Property.Equal(g, i, Big(a) * Big(b), actual, "MultiplyFull", a, b);
    });

    [Fact]
    public void Negate_is_two_complement() => Property.Run(5, (g, i) =>
    {
        UInt256 a = g.Next();
        UInt256.Negate(a, out UInt256 r);
        Property.Equal(g, i, Wrap(-Big(a)), r, "Negate", a);
        Property.Equal(g, i, Wrap(-Big(a)), -a, "unary -", a);
    });

    [Fact]
    public void Exp_matches_ModPow_modulo_2_256() => Property.Run(6, (g, i) =>
    {
        UInt256 b = g.NextBase(), e = g.NextExponent();
        UInt256.Exp(b, e, out UInt256 r);
        Property.Equal(g, i, BigInteger.ModPow(Big(b), Big(e), Modulus), r, "Exp", b, e);
    });

    [Theory]
    [InlineData("0", "0", "1")] // the EVM defines 0^0 = 1
    [InlineData("0", "5", "0")]
    [InlineData("2", "255", "57896044618658097711785492504343953926634992332820282019728792003956564819968")]
    [InlineData("2", "256", "0")]
    [InlineData("3", "0x4000000000000000000000000000000000000000000000000000000000000000", "1")] // 3 has order 2^254 modulo 2^256
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Exp_known_values(string b, string e, string expected)
    {
        UInt256.Exp(UInt256.Parse(b), UInt256.Parse(e), out UInt256 r);
        Assert.Equal(UInt256.Parse(expected), r);
    }

    [Fact]
    public void Increment_and_decrement_wrap()
    {
        UInt256 max = UInt256.MaxValue;
        max++;
        Assert.True(max.IsZero);
        max--;
        Assert.Equal(UInt256.MaxValue, max);
    }

    [Fact]
    public void Results_may_alias_inputs_as_stack_slots_do() => Property.Run(7, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.NextDivisor(), m = g.NextDivisor();
        BigInteger A = Big(a), B = Big(b), M = Big(m);

        UInt256 x = a;
        UInt256.Add(x, b, out x);
        Property.Equal(g, i, Wrap(A + B), x, "Add aliased", a, b);
        x = a;
        UInt256.Multiply(x, x, out x);
        Property.Equal(g, i, Wrap(A * A), x, "Multiply aliased", a);
        x = b;
        UInt256.Divide(a, x, out x);
        Property.Equal(g, i, B.IsZero ? 0 : A / B, x, "Divide aliased", a, b);
        x = a;
        UInt256.DivRem(x, b, out UInt256 q, out x);
        Property.Equal(g, i, B.IsZero ? 0 : A % B, x, "DivRem aliased", a, b);
        Property.Equal(g, i, B.IsZero ? 0 : A / B, q, "DivRem aliased", a, b);
        x = m;
        UInt256.MulMod(a, b, x, out x);
        Property.Equal(g, i, M.IsZero ? 0 : A * B % M, x, "MulMod aliased", a, b, m);
        x = a;
        UInt256.AddMod(x, b, m, out x);
        Property.Equal(g, i, M.IsZero ? 0 : (A + B) % M, x, "AddMod aliased", a, b, m);
        x = a;
        UInt256.Exp(x, x, out x);
        Property.Equal(g, i, BigInteger.ModPow(A, A, Modulus), x, "Exp aliased", a);
        x = b;
        UInt256.SignedDivide(x, a, out x);
        Property.Equal(g, i, A.IsZero ? 0 : Wrap(BigInteger.Divide(Signed(b), Signed(a))), x, "SignedDivide aliased", b, a);
        x = a;
        UInt256.ShiftLeft(x, 3, out x);
        Property.Equal(g, i, Wrap(A << 3), x, "ShiftLeft aliased", a);
    });
}
