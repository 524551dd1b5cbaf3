using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

public class UInt256BytesTests
{
    [Fact]
    public void Big_endian_forms_match_BigInteger_and_round_trip() => Property.Run(51, (g, i) =>
    {
        UInt256 a = g.Next();
        BigInteger x = Big(a);
        byte[] minimal = x.IsZero ? [] : x.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] full = new byte[32];
        minimal.CopyTo(full, 32 - minimal.Length);

        if (!a.ToBigEndian().AsSpan().SequenceEqual(full)) Assert.Fail($"ToBigEndian {Hex(a)} (seed {g.Seed}, case {i})");
        if (!a.ToBigEndianTrimmed().AsSpan().SequenceEqual(minimal)) Assert.Fail($"ToBigEndianTrimmed {Hex(a)} (seed {g.Seed}, case {i})");
        Span<byte> written = stackalloc byte[32];
        written.Fill(0xAA);
        a.WriteBigEndian(written);
        if (!written.SequenceEqual(full)) Assert.Fail($"WriteBigEndian {Hex(a)} (seed {g.Seed}, case {i})");

        Property.Equal(g, i, x, UInt256.FromBigEndian(full), "FromBigEndian(32 bytes)", a);
        Property.Equal(g, i, x, new UInt256(minimal), "new UInt256(minimal bytes)", a);
        // Any left padding up to 32 bytes reads the same number.
        int length = minimal.Length + g.Int(32 - minimal.Length + 1);
        Property.Equal(g, i, x, UInt256.FromBigEndian(full.AsSpan(32 - length)), $"FromBigEndian({length} bytes)", a);
    });

    [Fact]
    public void Reads_every_length_from_0_to_32()
    {
        byte[] bytes = Enumerable.Range(1, 32).Select(k => (byte)(k * 7)).ToArray();
        for (int length = 0; length <= 32; length++)
        {
            ReadOnlySpan<byte> slice = bytes.AsSpan(0, length);
            BigInteger expected = length == 0 ? 0 : new BigInteger(slice, isUnsigned: true, isBigEndian: true);
            Assert.Equal(expected, Big(new UInt256(slice)));
        }
    }

    [Fact]
    public void Rejects_more_than_32_bytes_and_destinations_not_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new UInt256(new byte[33]));
        Assert.Throws<ArgumentException>(() => UInt256.FromBigEndian(new byte[64]));
        Assert.Throws<ArgumentException>(() => UInt256.One.WriteBigEndian(new byte[31]));
        Assert.Throws<ArgumentException>(() => UInt256.One.WriteBigEndian(new byte[33]));
        Assert.Empty(UInt256.Zero.ToBigEndianTrimmed());
        Assert.Equal(new byte[] { 1, 0 }, new UInt256(256).ToBigEndianTrimmed());
    }

    [Fact]
    public void BigInteger_conversions_round_trip_and_reject_out_of_range() => Property.Run(52, (g, i) =>
    {
        UInt256 a = g.Next();
        Property.Equal(g, i, Big(a), a.ToBigInteger(), "ToBigInteger", a);
        Property.Equal(g, i, Big(a), UInt256.FromBigInteger(Big(a)), "FromBigInteger", a);
        Property.Equal(g, i, Big(a), (BigInteger)a, "explicit BigInteger", a);
        if (i == 0)
        {
            Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(-1));
            Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(Modulus));
            Assert.Throws<OverflowException>(() => (UInt256)(-Modulus));
        }
    });
}
