using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;
using static Rollup.Core.Blocks.BlockFieldReader;

namespace Rollup.Core.Blocks;

/// <summary>EIP-4895: a beacon-chain withdrawal credited to an execution-layer address after the block's transactions.
/// The amount is in Gwei, as the consensus layer counts it.</summary>
public sealed record Withdrawal(ulong Index, ulong ValidatorIndex, Address Address, ulong AmountGwei)
{
    private static readonly UInt256 WeiPerGwei = new(1_000_000_000);

    /// <summary>The amount in wei: Gwei × 10^9 (cannot overflow: 2^64 × 10^9 is far below 2^256).</summary>
    public UInt256 AmountWei => new UInt256(AmountGwei) * WeiPerGwei;

    /// <summary>rlp([index, validatorIndex, address, amount]).</summary>
    public void Write(RlpWriter w)
    {
        int list = w.StartList();
        w.WriteUInt64(Index);
        w.WriteUInt64(ValidatorIndex);
        w.WriteBytes(Address.Bytes);
        w.WriteUInt64(AmountGwei);
        w.EndList(list);
    }

    public byte[] Encode()
    {
        using var w = new RlpWriter(64);
        Write(w);
        return w.ToArray();
    }

    public static Withdrawal Read(ref RlpReader reader)
    {
        var f = ReadList(ref reader, "withdrawal");
        var withdrawal = new Withdrawal(ReadUInt64(ref f, "withdrawal index"), ReadUInt64(ref f, "validator index"),
            ReadAddress(ref f, "withdrawal address"), ReadUInt64(ref f, "withdrawal amount"));
        if (!f.AtEnd) throw new BlockException(BlockError.MalformedRlp, "a withdrawal has 4 fields");
        return withdrawal;
    }
}
