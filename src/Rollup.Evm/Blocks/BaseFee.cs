using Rollup.Core.Blocks;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Blocks;

/// <summary>EIP-1559: each block's base fee follows from its parent's, rising when the parent used more than half its
/// gas limit (the target) and falling when it used less, by at most an eighth.</summary>
public static class BaseFee
{
    public const ulong ElasticityMultiplier = 2;
    public const ulong ChangeDenominator = 8;
    /// <summary>The base fee of the first London block, whose parent has none.</summary>
    public const ulong Initial = 1_000_000_000;

    public static UInt256 Next(BlockHeader parent)
    {
        if (parent.BaseFeePerGas is not { } parentFee) return Initial;
        ulong target = parent.GasLimit / ElasticityMultiplier;
        if (parent.GasUsed == target || target == 0) return parentFee;
        if (parent.GasUsed > target)
        {
            var delta = parentFee * new UInt256(parent.GasUsed - target) / new UInt256(target) / new UInt256(ChangeDenominator);
            return parentFee + (delta.IsZero ? UInt256.One : delta);
        }
        var decrease = parentFee * new UInt256(target - parent.GasUsed) / new UInt256(target) / new UInt256(ChangeDenominator);
        return decrease > parentFee ? UInt256.Zero : parentFee - decrease;
    }
}
