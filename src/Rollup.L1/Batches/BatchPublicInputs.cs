using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Batches;

/// <summary>The public inputs of a batch proof as the rollup contract hands them to the verifier
/// (contracts/BatchPublicInputs.sol; docs/l1.md is the specification): seven BN254 scalars,
/// [prevRoot.hi, prevRoot.lo, newRoot.hi, newRoot.lo, dataHash.hi, dataHash.lo, l2ChainId], where hi and lo are the
/// upper and lower 128 bits of the 32-byte value read big-endian. Every element is below 2^128, so below r.</summary>
public static class BatchPublicInputs
{
    public const int Count = 7;

    public static UInt256[] Encode(Hash256 previousStateRoot, Hash256 newStateRoot, Hash256 dataHash, ulong l2ChainId)
    {
        var (prevHigh, prevLow) = Split(previousStateRoot);
        var (newHigh, newLow) = Split(newStateRoot);
        var (dataHigh, dataLow) = Split(dataHash);
        return [prevHigh, prevLow, newHigh, newLow, dataHigh, dataLow, l2ChainId];
    }

    /// <summary>The two 128-bit limbs of a 32-byte value: bytes 0..15 and bytes 16..31, each read big-endian.</summary>
    public static (UInt256 High, UInt256 Low) Split(Hash256 word)
    {
        var value = new UInt256(word.Bytes);
        return (new UInt256(value.U2, value.U3), new UInt256(value.U0, value.U1));
    }

    /// <summary>The inverse of <see cref="Split"/>.</summary>
    public static Hash256 Join(UInt256 high, UInt256 low)
    {
        if (high.BitLength > 128 || low.BitLength > 128) throw new ArgumentException("a limb has more than 128 bits");
        Span<byte> bytes = stackalloc byte[32];
        new UInt256(low.U0, low.U1, high.U0, high.U1).WriteBigEndian(bytes);
        return new Hash256(bytes);
    }
}
