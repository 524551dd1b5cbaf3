using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Circuits.Witness;

/// <summary>How EVM values become field elements: 256-bit words as two 128-bit limbs (lo, hi), addresses (160 bits)
/// as one element, small integers as themselves.</summary>
public static class Words
{
    private static readonly Fr TwoTo64 = Fr.FromBigInteger(BigInteger.One << 64);

    public static Fr Lo(in UInt256 w) => Fr.FromUInt64(w.U0) + Fr.FromUInt64(w.U1) * TwoTo64;
    public static Fr Hi(in UInt256 w) => Fr.FromUInt64(w.U2) + Fr.FromUInt64(w.U3) * TwoTo64;

    public static Fr Of(in Address a) => Fr.FromBigInteger(new BigInteger(a.Bytes, isUnsigned: true, isBigEndian: true));

    public static Fr Of(long v) => v >= 0 ? Fr.FromUInt64((ulong)v) : -Fr.FromUInt64((ulong)-v);

    /// <summary>The 32 big-endian bytes of a word, as field elements: byte 0 is the most significant.</summary>
    public static Fr[] Bytes(in UInt256 w)
    {
        var bytes = w.ToBigEndian();
        return bytes.Select(b => Fr.FromUInt64(b)).ToArray();
    }
}
