using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>Signed transactions for tests.</summary>
public static class Txs
{
    public static readonly UInt256 Gwei = 1_000_000_000;

    public static Transaction Transfer(PrivateKey key, ulong nonce, Address to, UInt256 value, UInt256? feeCap = null, UInt256? tip = null,
        ulong gas = 21_000, byte[]? data = null, ulong chainId = TestNode.ChainId) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = chainId, Nonce = nonce, MaxFeePerGas = feeCap ?? 10 * Gwei,
            MaxPriorityFeePerGas = tip ?? Gwei, GasLimit = gas, To = to, Value = value, Data = data ?? [],
        }, key);

    public static Transaction Create(PrivateKey key, ulong nonce, byte[] initCode, ulong gas = 3_000_000) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = TestNode.ChainId, Nonce = nonce, MaxFeePerGas = 10 * Gwei,
            MaxPriorityFeePerGas = Gwei, GasLimit = gas, To = null, Data = initCode,
        }, key);

    public static string Raw(Transaction tx) => Hex.ToHex(TransactionEncoder.Encode(tx));

    public static Address Addr(int i) => TestNode.Keys[i].Address;
}
