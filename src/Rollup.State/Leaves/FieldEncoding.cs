using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Leaves;

/// <summary>How EVM values become field elements, as the circuits see them: 256-bit words as two 128-bit limbs
/// (lo = bits 0..127, hi = bits 128..255), addresses as one 160-bit integer (big-endian bytes).</summary>
public static class FieldEncoding
{
    public static Fr Lo(in UInt256 word)
    {
        ReadOnlySpan<ulong> limbs = [word.U0, word.U1, 0, 0];
        Fr.TryFromLittleEndianLimbs(limbs, out Fr value);
        return value;
    }

    public static Fr Hi(in UInt256 word)
    {
        ReadOnlySpan<ulong> limbs = [word.U2, word.U3, 0, 0];
        Fr.TryFromLittleEndianLimbs(limbs, out Fr value);
        return value;
    }

    /// <summary>A 32-byte hash read as a big-endian word (as EXTCODEHASH pushes it), then split into limbs.</summary>
    public static UInt256 Word(in Hash256 hash) => new(hash.Bytes);

    public static Fr FromAddress(in Address address)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        address.Bytes.CopyTo(word[12..]);
        return Fr.FromBigEndian(word);
    }

    public static Fr FromUInt64(ulong value) => Fr.FromUInt64(value);
}
