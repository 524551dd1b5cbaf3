namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>
/// The three flag bits the zkcrypto/Ethereum point encoding keeps in the top of the first byte
/// (a 381-bit coordinate leaves them free): compressed, point at infinity, and the sign of y
/// (set when y is the lexicographically larger of the two roots).
/// </summary>
internal static class CompressedFlags
{
    public const byte Compressed = 0x80;
    public const byte Infinity = 0x40;
    public const byte Sign = 0x20;
    public const byte All = Compressed | Infinity | Sign;

    /// <summary>
    /// Checks the flags of an encoding and whether it is the canonical infinity (0xc0 then zeros).
    /// Returns Ok with <paramref name="infinity"/> false for a finite point, whose coordinate bytes
    /// the caller parses after masking <see cref="All"/> off the first byte.
    /// </summary>
    public static DecodeStatus Read(ReadOnlySpan<byte> encoding, out bool infinity, out bool sign)
    {
        byte flags = encoding[0];
        infinity = (flags & Infinity) != 0;
        sign = (flags & Sign) != 0;
        if ((flags & Compressed) == 0) return DecodeStatus.NotCompressed;
        if (!infinity) return DecodeStatus.Ok;
        bool rest = (flags & ~All) == 0 && !sign && encoding[1..].IndexOfAnyExcept((byte)0) < 0;
        return rest ? DecodeStatus.Ok : DecodeStatus.NonCanonicalInfinity;
    }
}
