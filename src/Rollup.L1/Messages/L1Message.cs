using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;

namespace Rollup.L1.Messages;

/// <summary>One entry of the L1 -> L2 queue, as the L1MessageQueued event carries it. <see cref="Sender"/> is the L2
/// sender: the L1 account itself, or its alias when a contract queued the entry (<see cref="L2Alias"/>).</summary>
public sealed record L1Message(ulong QueueIndex, L1MessageKind Kind, Address Sender, Address To, UInt256 Value, ulong GasLimit, byte[] Data)
{
    /// <summary>What the contract stores in messageHashes[queueIndex]:
    /// keccak256(abi.encode(queueIndex, kind, sender, to, value, gasLimit, keccak256(data))).</summary>
    public Hash256 Hash => Keccak256.Hash(AbiEncoder.Encode(HashTypes,
        [QueueIndex, (byte)Kind, Sender, To, Value, GasLimit, Keccak256.Hash(Data)]));

    private static readonly AbiType[] HashTypes =
        [new UIntType(64), new UIntType(8), AddressType.Instance, AddressType.Instance, new UIntType(256), new UIntType(64), new FixedBytesType(32)];

    /// <summary>From a decoded L1MessageQueued event.</summary>
    public static L1Message FromEvent(DecodedEvent e)
    {
        if (e.Name != "L1MessageQueued") throw new ArgumentException($"expected an L1MessageQueued event, got {e.Name}");
        return new L1Message(
            (ulong)(UInt256)e["queueIndex"]!,
            (L1MessageKind)(byte)(ulong)(UInt256)e["kind"]!,
            (Address)e["sender"]!,
            (Address)e["to"]!,
            (UInt256)e["value"]!,
            (ulong)(UInt256)e["gasLimit"]!,
            (byte[])e["data"]!);
    }

    public bool Equals(L1Message? other) =>
        other is not null && QueueIndex == other.QueueIndex && Kind == other.Kind && Sender == other.Sender && To == other.To
        && Value == other.Value && GasLimit == other.GasLimit && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(QueueIndex, Kind, Sender, To);
}
