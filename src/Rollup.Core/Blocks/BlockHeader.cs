using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>An Ethereum block header with every field through Cancun. The fields later forks added are null in blocks
/// of earlier forks, and the encoding carries exactly the ones present (see <see cref="BlockHeaderCodec"/>).
/// Immutable once built, so its hash is computed once; a block builder derives the sealed header from a draft with
/// <c>with { StateRoot = ..., ... }</c>. Two headers are equal when their hashes are.</summary>
public sealed record BlockHeader
{
    public BlockHeader() { }

    /// <summary>The copy <c>with</c> makes: every field but the cached hash, which belongs to the original's values.</summary>
    private BlockHeader(BlockHeader o)
    {
        ParentHash = o.ParentHash; OmmersHash = o.OmmersHash; Coinbase = o.Coinbase; StateRoot = o.StateRoot;
        TransactionsRoot = o.TransactionsRoot; ReceiptsRoot = o.ReceiptsRoot; LogsBloom = o.LogsBloom; Difficulty = o.Difficulty;
        Number = o.Number; GasLimit = o.GasLimit; GasUsed = o.GasUsed; Timestamp = o.Timestamp; ExtraData = o.ExtraData;
        MixHash = o.MixHash; Nonce = o.Nonce; BaseFeePerGas = o.BaseFeePerGas; WithdrawalsRoot = o.WithdrawalsRoot;
        BlobGasUsed = o.BlobGasUsed; ExcessBlobGas = o.ExcessBlobGas; ParentBeaconBlockRoot = o.ParentBeaconBlockRoot;
    }

    public Hash256 ParentHash { get; init; }
    /// <summary>Keccak of the RLP list of ommer headers; after the merge always <see cref="EmptyOmmersHash"/>.</summary>
    public Hash256 OmmersHash { get; init; } = EmptyOmmersHash;
    /// <summary>The fee recipient (the miner before the merge).</summary>
    public Address Coinbase { get; init; }
    public Hash256 StateRoot { get; init; }
    public Hash256 TransactionsRoot { get; init; } = EmptyTrieRoot;
    public Hash256 ReceiptsRoot { get; init; } = EmptyTrieRoot;
    public Bloom LogsBloom { get; init; } = new();
    public UInt256 Difficulty { get; init; }
    public ulong Number { get; init; }
    public ulong GasLimit { get; init; }
    public ulong GasUsed { get; init; }
    public ulong Timestamp { get; init; }
    public byte[] ExtraData { get; init; } = [];
    /// <summary>The proof-of-work mix hash before the merge; the beacon chain's randomness (PREVRANDAO) after it.</summary>
    public Hash256 MixHash { get; init; }
    /// <summary>The proof-of-work nonce (8 bytes, big-endian); 0 after the merge.</summary>
    public ulong Nonce { get; init; }

    /// <summary>London (EIP-1559).</summary>
    public UInt256? BaseFeePerGas { get; init; }
    /// <summary>Shanghai (EIP-4895).</summary>
    public Hash256? WithdrawalsRoot { get; init; }
    /// <summary>Cancun (EIP-4844).</summary>
    public ulong? BlobGasUsed { get; init; }
    /// <summary>Cancun (EIP-4844).</summary>
    public ulong? ExcessBlobGas { get; init; }
    /// <summary>Cancun (EIP-4788).</summary>
    public Hash256? ParentBeaconBlockRoot { get; init; }

    /// <summary>PREVRANDAO is the mix hash field renamed.</summary>
    public Hash256 PrevRandao => MixHash;

    private Hash256? _hash;
    /// <summary>Keccak-256 of the header's RLP: the block hash.</summary>
    public Hash256 Hash => _hash ??= Keccak256.Hash(BlockHeaderCodec.Encode(this));

    /// <summary>keccak256(rlp([])): the ommers hash of a block without ommers.</summary>
    public static readonly Hash256 EmptyOmmersHash = Hash256.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    /// <summary>The root of an empty trie: the transactions, receipts or withdrawals root of an empty list.</summary>
    public static readonly Hash256 EmptyTrieRoot = Hash256.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

    public bool Equals(BlockHeader? other) => other is not null && Hash == other.Hash;
    public override int GetHashCode() => Hash.GetHashCode();
    public override string ToString() => $"#{Number} {Hash}";
}
