using System.Buffers.Binary;
using System.Numerics;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>Conversions between raw limbs and bytes / BigInteger, shared by both prime fields.</summary>
internal static class LimbCodec
{
    public static U256 FromBigEndian(ReadOnlySpan<byte> b32) => new(
        BinaryPrimitives.ReadUInt64BigEndian(b32[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32));

    public static void WriteBigEndian(in U256 v, Span<byte> b32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(b32, v.L3);
        BinaryPrimitives.WriteUInt64BigEndian(b32[8..], v.L2);
        BinaryPrimitives.WriteUInt64BigEndian(b32[16..], v.L1);
        BinaryPrimitives.WriteUInt64BigEndian(b32[24..], v.L0);
    }

    public static U256 FromLimbs(ReadOnlySpan<ulong> le)
    {
        if (le.Length != 4) throw new ArgumentException("expected 4 limbs", nameof(le));
        return new U256(le[0], le[1], le[2], le[3]);
    }

    public static void WriteLimbs(in U256 v, Span<ulong> le)
    {
        if (le.Length < 4) throw new ArgumentException("expected room for 4 limbs", nameof(le));
        le[0] = v.L0; le[1] = v.L1; le[2] = v.L2; le[3] = v.L3;
    }

    /// <summary>A non-negative BigInteger below 2^256 to limbs.</summary>
    public static U256 FromBigInteger(BigInteger v)
    {
        Span<byte> buf = stackalloc byte[32];
        buf.Clear();
        if (!v.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: false))
            throw new ArgumentOutOfRangeException(nameof(v), "value does not fit 256 bits");
        return new U256(
            BinaryPrimitives.ReadUInt64LittleEndian(buf),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[24..]));
    }

    public static BigInteger ToBigInteger(in U256 v)
    {
        Span<byte> buf = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(buf, v.L0);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[8..], v.L1);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[16..], v.L2);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[24..], v.L3);
        return new BigInteger(buf, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Little-endian limbs of a non-negative exponent, for the Pow helpers.</summary>
    public static ulong[] ExponentLimbs(BigInteger e)
    {
        if (e.Sign < 0) throw new ArgumentOutOfRangeException(nameof(e), "negative exponent");
        byte[] bytes = e.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[Math.Max(1, (bytes.Length + 7) / 8)];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }

    /// <summary>Uniform value below the modulus by rejection sampling on 254-bit candidates.</summary>
    public static U256 RandomBelow(Random rng, in U256 modulus, Func<U256, bool> isCanonical)
    {
        Span<byte> buf = stackalloc byte[32];
        int topBits = 64 - System.Numerics.BitOperations.LeadingZeroCount(modulus.L3);
        ulong mask = topBits == 64 ? ulong.MaxValue : (1UL << topBits) - 1;
        while (true)
        {
            rng.NextBytes(buf);
            var v = new U256(
                BinaryPrimitives.ReadUInt64LittleEndian(buf),
                BinaryPrimitives.ReadUInt64LittleEndian(buf[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(buf[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(buf[24..]) & mask);
            if (isCanonical(v)) return v;
        }
    }

    public static string ToHex(in U256 canonical)
    {
        Span<byte> b = stackalloc byte[32];
        WriteBigEndian(canonical, b);
        return "0x" + Convert.ToHexString(b).ToLowerInvariant();
    }
}
