using System.Buffers.Binary;
using System.Numerics;

namespace Rollup.Crypto.Bls12381.Fields;

/// <summary>Conversions between six raw limbs and 48 big-endian bytes / BigInteger.</summary>
internal static class U384Codec
{
    public const int ByteLength = 48;

    public static U384 FromBigEndian(ReadOnlySpan<byte> b48) => new(
        BinaryPrimitives.ReadUInt64BigEndian(b48[40..]),
        BinaryPrimitives.ReadUInt64BigEndian(b48[32..]),
        BinaryPrimitives.ReadUInt64BigEndian(b48[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(b48[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(b48[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(b48));

    public static void WriteBigEndian(in U384 v, Span<byte> b48)
    {
        BinaryPrimitives.WriteUInt64BigEndian(b48, v.L5);
        BinaryPrimitives.WriteUInt64BigEndian(b48[8..], v.L4);
        BinaryPrimitives.WriteUInt64BigEndian(b48[16..], v.L3);
        BinaryPrimitives.WriteUInt64BigEndian(b48[24..], v.L2);
        BinaryPrimitives.WriteUInt64BigEndian(b48[32..], v.L1);
        BinaryPrimitives.WriteUInt64BigEndian(b48[40..], v.L0);
    }

    /// <summary>A non-negative BigInteger below 2^384 to limbs.</summary>
    public static U384 FromBigInteger(BigInteger v)
    {
        Span<byte> buf = stackalloc byte[ByteLength];
        buf.Clear();
        if (v.Sign < 0 || !v.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: true))
            throw new ArgumentOutOfRangeException(nameof(v), "value does not fit 384 bits");
        // TryWriteBytes writes the minimal length at the front; right-align it.
        int len = v.GetByteCount(isUnsigned: true);
        Span<byte> aligned = stackalloc byte[ByteLength];
        aligned.Clear();
        buf[..len].CopyTo(aligned[(ByteLength - len)..]);
        return FromBigEndian(aligned);
    }

    public static BigInteger ToBigInteger(in U384 v)
    {
        Span<byte> buf = stackalloc byte[ByteLength];
        WriteBigEndian(v, buf);
        return new BigInteger(buf, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Uniform value below p by rejection sampling on 381-bit candidates.</summary>
    public static U384 RandomBelowModulus(Random rng)
    {
        Span<byte> buf = stackalloc byte[ByteLength];
        while (true)
        {
            rng.NextBytes(buf);
            buf[0] &= 0x1f; // p < 2^381
            U384 v = FromBigEndian(buf);
            if (Montgomery384.IsCanonical(v)) return v;
        }
    }

    public static string ToHex(in U384 canonical)
    {
        Span<byte> b = stackalloc byte[ByteLength];
        WriteBigEndian(canonical, b);
        return "0x" + Convert.ToHexString(b).ToLowerInvariant();
    }
}
