using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>What the block tells the EVM: COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT, BASEFEE, BLOBBASEFEE
/// and the hashes BLOCKHASH may return.</summary>
public sealed class BlockEnvironment
{
    public Address Coinbase { get; init; }
    public ulong Number { get; init; }
    public ulong Timestamp { get; init; }
    public ulong GasLimit { get; init; }
    public UInt256 BaseFee { get; init; }
    /// <summary>PREVRANDAO after the merge; DIFFICULTY before it (opcode 0x44 returns whichever the fork uses).</summary>
    public UInt256 PrevRandao { get; init; }
    public UInt256 Difficulty { get; init; }
    /// <summary>EIP-4844 excess blob gas of the block; the blob base fee derives from it.</summary>
    public ulong ExcessBlobGas { get; init; }
    public UInt256 BlobBaseFee => BlobGas.BaseFee(ExcessBlobGas);
    public ulong ChainId { get; init; } = 1;

    /// <summary>The hash of an earlier block for BLOCKHASH (called only for the 256 blocks before this one).</summary>
    public Func<ulong, Hash256>? BlockHashes { get; init; }

    public Hash256 GetBlockHash(ulong number) => BlockHashes?.Invoke(number) ?? Hash256.Zero;
}
