using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Core.Transactions;

/// <summary>A signed (or, before signing, unsigned) Ethereum transaction of any supported type. Immutable: build one
/// with an object initializer, sign it with <see cref="TransactionSigner"/>, decode one with <see cref="TransactionDecoder"/>.</summary>
public sealed class Transaction
{
    public TxType Type { get; init; }

    /// <summary>The chain id: a field of typed transactions; for legacy ones the id encoded in v by EIP-155,
    /// or null for a legacy transaction without replay protection.</summary>
    public UInt256? ChainId { get; init; }

    public ulong Nonce { get; init; }

    /// <summary>Legacy and EIP-2930: the gas price. For EIP-1559 and blob transactions this is the fee cap
    /// (maxFeePerGas), so that one property answers "at most how much per gas".</summary>
    public UInt256 MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 and blob transactions: the tip; legacy and EIP-2930: equal to the gas price.</summary>
    public UInt256 MaxPriorityFeePerGas { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null creates a contract.</summary>
    public Address? To { get; init; }

    public UInt256 Value { get; init; }

    public byte[] Data { get; init; } = [];

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>EIP-4844 blob fee cap.</summary>
    public UInt256 MaxFeePerBlobGas { get; init; }

    /// <summary>EIP-4844 versioned hashes of the blobs.</summary>
    public IReadOnlyList<Hash256> BlobVersionedHashes { get; init; } = [];

    /// <summary>Legacy: the raw v (27/28, or chainId·2 + 35/36). Typed: the y parity, 0 or 1.</summary>
    public UInt256 V { get; init; }
    public UInt256 R { get; init; }
    public UInt256 S { get; init; }

    public bool IsContractCreation => To is null;
    public bool IsSigned => !R.IsZero || !S.IsZero || !V.IsZero;

    /// <summary>The gas price for legacy and EIP-2930 transactions.</summary>
    public UInt256 GasPrice => MaxFeePerGas;

    /// <summary>The y parity of the signature's R point: from v for legacy transactions.</summary>
    public byte RecoveryId => Type != TxType.Legacy ? (byte)V.U0
        : ChainId is null ? (byte)(V.U0 - 27)
        : (byte)((V.U0 - 35) & 1); // v = chainId·2 + 35 + parity, so parity is v − 35 mod 2

    /// <summary>The price per gas this transaction pays in a block with the given base fee (EIP-1559).</summary>
    public UInt256 EffectiveGasPrice(in UInt256 baseFee)
    {
        if (Type is TxType.Legacy or TxType.AccessList) return MaxFeePerGas;
        var tipRoom = MaxFeePerGas - baseFee;
        return baseFee + (MaxPriorityFeePerGas < tipRoom ? MaxPriorityFeePerGas : tipRoom);
    }

    private Hash256? _hash;
    /// <summary>Keccak-256 of the canonical encoding (what eth_getTransactionByHash looks up).</summary>
    public Hash256 Hash => _hash ??= Crypto.Keccak256.Hash(TransactionEncoder.Encode(this));
}
