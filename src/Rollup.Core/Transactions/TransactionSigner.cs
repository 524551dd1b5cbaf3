using Rollup.Core.Crypto;
using Rollup.Core.Numerics;

namespace Rollup.Core.Transactions;

/// <summary>Signs transactions: legacy ones with EIP-155 replay protection when a chain id is set (v = chainId·2 +
/// 35 + parity), typed ones with the y parity as v.</summary>
public static class TransactionSigner
{
    public static Transaction Sign(Transaction unsigned, PrivateKey key)
    {
        var hash = TransactionEncoder.SigningHash(unsigned);
        var sig = key.Sign(hash.Bytes);
        UInt256 v = unsigned.Type != TxType.Legacy ? new UInt256(sig.RecoveryId)
            : unsigned.ChainId is { } id ? id * 2 + new UInt256(35UL + sig.RecoveryId)
            : new UInt256(27u + sig.RecoveryId);
        return new Transaction
        {
            Type = unsigned.Type, ChainId = unsigned.ChainId, Nonce = unsigned.Nonce, MaxFeePerGas = unsigned.MaxFeePerGas,
            MaxPriorityFeePerGas = unsigned.MaxPriorityFeePerGas, GasLimit = unsigned.GasLimit, To = unsigned.To,
            Value = unsigned.Value, Data = unsigned.Data, AccessList = unsigned.AccessList,
            MaxFeePerBlobGas = unsigned.MaxFeePerBlobGas, BlobVersionedHashes = unsigned.BlobVersionedHashes,
            V = v, R = sig.R, S = sig.S,
        };
    }
}
