using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Messages;

/// <summary>The L2 sender of an entry a contract queues: its address plus 0x1111000000000000000000000000000000001111
/// modulo 2^160, so an L1 contract never acts as the L2 account of the same address (which someone else may hold).</summary>
public static class L2Alias
{
    private static readonly UInt256 Offset = UInt256.Parse("0x1111000000000000000000000000000000001111");
    private static readonly UInt256 Mask = (UInt256.One << 160) - UInt256.One;

    public static Address Apply(Address l1Contract)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        l1Contract.Bytes.CopyTo(word[12..]);
        var aliased = (new UInt256(word) + Offset) & Mask;
        aliased.WriteBigEndian(word);
        return Address.FromWord(word);
    }
}
