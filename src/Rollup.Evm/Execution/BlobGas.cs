using Rollup.Core.Numerics;

namespace Rollup.Evm.Execution;

/// <summary>EIP-4844 blob gas pricing.</summary>
public static class BlobGas
{
    public const ulong PerBlob = 1 << 17;
    public const ulong MinBaseFee = 1;
    public const ulong UpdateFraction = 3_338_477;
    public const int MaxBlobsPerBlock = 6;
    public const byte VersionedHashVersionKzg = 0x01;
    public const ulong TargetPerBlock = 3 * PerBlob;
    public const ulong MaxPerBlock = MaxBlobsPerBlock * PerBlob;

    /// <summary>A block's excess blob gas: what its parent's excess plus use left above the target, never below zero.
    /// A parent from before Cancun counts as 0 and 0.</summary>
    public static ulong Excess(ulong parentExcess, ulong parentUsed) =>
        parentExcess + parentUsed < TargetPerBlock ? 0 : parentExcess + parentUsed - TargetPerBlock;

    /// <summary>The blob base fee: fake_exponential(MIN_BLOB_BASE_FEE, excess, UPDATE_FRACTION) as the EIP defines it,
    /// a Taylor series in integers so every client gets the same number.</summary>
    public static UInt256 BaseFee(ulong excessBlobGas) => FakeExponential(MinBaseFee, excessBlobGas, UpdateFraction);

    public static UInt256 FakeExponential(ulong factor, ulong numerator, ulong denominator)
    {
        var i = UInt256.One;
        var output = UInt256.Zero;
        var accum = new UInt256(factor) * new UInt256(denominator);
        var num = new UInt256(numerator);
        var den = new UInt256(denominator);
        while (!accum.IsZero)
        {
            output += accum;
            accum = accum * num / (den * i);
            i += UInt256.One;
        }
        return output / den;
    }
}
