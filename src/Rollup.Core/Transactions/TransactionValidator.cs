using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Core.Transactions;

/// <summary>The rules a transaction must meet whatever the state: its type exists at the fork, its signature and
/// chain id are well-formed, its numbers are in range and its gas limit covers the intrinsic gas. State-dependent
/// rules (nonce, balance, fee cap against the base fee) belong to the transaction processor.</summary>
public static class TransactionValidator
{
    private const int MaxInitCodeSize = 2 * 24_576;

    /// <summary>Checks every state-independent rule, in the order clients check them, and returns the sender.</summary>
    /// <exception cref="TxException">naming the first rule broken.</exception>
    public static Address Validate(Transaction tx, ForkRules rules, ulong chainId)
    {
        var sender = ValidateSignature(tx, rules, chainId);
        CheckNonceLimit(tx);
        CheckGasPriceProduct(tx);
        CheckPriorityFee(tx);
        CheckInitCodeSize(tx, rules);
        CheckIntrinsicGas(tx, rules);
        return sender;
    }

    /// <summary>The rules a transaction must meet to have a sender at all: its type exists at the fork, its signature
    /// and chain id are well-formed and a public key can be recovered. A block checks only these before running the
    /// transaction; the transaction processor checks the rest, interleaved with the state rules in geth's order.</summary>
    public static Address ValidateSignature(Transaction tx, ForkRules rules, ulong chainId)
    {
        if (!rules.Supports(tx.Type))
            throw new TxException(TxError.TypeNotSupported, $"type {(byte)tx.Type} transactions are not valid before {FirstForkOf(tx.Type)} (this is {rules.Fork})");
        ValidateSignatureShape(tx, rules, chainId);
        return RecoverSender(tx);
    }

    /// <summary>EIP-2681: the nonce 2^64 − 1 could never be incremented.</summary>
    public static void CheckNonceLimit(Transaction tx)
    {
        if (tx.Nonce == ulong.MaxValue)
            throw new TxException(TxError.NonceTooBig, "nonce 2^64-1 is not allowed (EIP-2681)", TxField.Nonce);
    }

    public static void CheckGasPriceProduct(Transaction tx)
    {
        if (ProductOverflows(tx.GasLimit, tx.MaxFeePerGas))
            throw new TxException(TxError.GasLimitPriceProductOverflow, "gas limit × max fee per gas exceeds 2^256-1");
    }

    /// <summary>EIP-1559: the tip cannot exceed the fee cap.</summary>
    public static void CheckPriorityFee(Transaction tx)
    {
        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
            throw new TxException(TxError.PriorityFeeAboveMaxFee, $"max priority fee {tx.MaxPriorityFeePerGas} is above max fee {tx.MaxFeePerGas}");
    }

    /// <summary>EIP-3860 (Shanghai): a creation's initcode is at most 49,152 bytes.</summary>
    public static void CheckInitCodeSize(Transaction tx, ForkRules rules)
    {
        if (tx.IsContractCreation && rules.IsShanghai && tx.Data.Length > MaxInitCodeSize)
            throw new TxException(TxError.InitCodeTooLarge, $"initcode is {tx.Data.Length} bytes, the limit is {MaxInitCodeSize} (EIP-3860)");
    }

    public static void CheckIntrinsicGas(Transaction tx, ForkRules rules)
    {
        ulong intrinsic = IntrinsicGas.Calculate(tx, rules);
        if (tx.GasLimit < intrinsic)
            throw new TxException(TxError.IntrinsicGasTooLow, $"gas limit {tx.GasLimit} is below the intrinsic gas {intrinsic}");
    }

    /// <summary>Whether gasLimit × price exceeds 2^256 − 1: true exactly when price &gt; ⌊(2^256 − 1) / gasLimit⌋.</summary>
    private static bool ProductOverflows(ulong gasLimit, in UInt256 price) =>
        gasLimit != 0 && price > UInt256.MaxValue / new UInt256(gasLimit);

    /// <summary>Checks v against the type, fork and chain, and r and s against the curve order (and EIP-2's low s).</summary>
    private static void ValidateSignatureShape(Transaction tx, ForkRules rules, ulong chainId)
    {
        if (tx.Type == TxType.Legacy)
        {
            bool preEip155 = tx.V == 27 || tx.V == 28;
            // v of 0 or 1 is a typed transaction's parity in a legacy one: no chain id to check, just wrong.
            if (tx.V < 2) throw new TxException(TxError.InvalidSignature, $"v = {tx.V} is not valid for a legacy transaction", TxField.V);
            if (!preEip155)
            {
                // From Spurious Dragon any other v must encode our chain id; before it, any other v is just wrong.
                if (!rules.IsEip155)
                    throw new TxException(TxError.InvalidSignature, $"v = {tx.V} is not 27 or 28 (EIP-155 is not active at {rules.Fork})", TxField.V);
                if (tx.ChainId is not { } id || id != chainId)
                    throw new TxException(TxError.InvalidChainId, $"v = {tx.V} does not encode chain id {chainId}", TxField.V);
            }
        }
        else
        {
            if (tx.V > 1)
                throw new TxException(TxError.InvalidSignature, $"y parity must be 0 or 1, got {tx.V}", TxField.V);
            if (tx.ChainId is not { } id || id != chainId)
                throw new TxException(TxError.InvalidChainId, $"chain id {tx.ChainId} is not {chainId}", TxField.ChainId);
        }

        if (tx.R.IsZero || tx.R >= Secp256k1.N)
            throw new TxException(TxError.InvalidSignature, "r must be in [1, n-1]", TxField.R);
        if (tx.S.IsZero || tx.S >= Secp256k1.N)
            throw new TxException(TxError.InvalidSignature, "s must be in [1, n-1]", TxField.S);
        if (rules.IsHomestead && tx.S > Secp256k1.HalfN)
            throw new TxException(TxError.InvalidSignature, "s must be at most n/2 (EIP-2)", TxField.S);
    }

    /// <summary>The sender, recovered from the signature over the signing hash.</summary>
    /// <exception cref="TxException">RecoveryFailed when no public key matches.</exception>
    public static Address RecoverSender(Transaction tx)
    {
        var hash = TransactionEncoder.SigningHash(tx);
        var signature = new EcdsaSignature(tx.R, tx.S, tx.RecoveryId);
        if (!Secp256k1.TryRecoverAddress(hash.Bytes, signature, out var sender))
            throw new TxException(TxError.RecoveryFailed, "no public key can be recovered from the signature");
        return sender;
    }

    private static Fork FirstForkOf(TxType type) => type switch
    {
        TxType.AccessList => Fork.Berlin,
        TxType.DynamicFee => Fork.London,
        TxType.Blob => Fork.Cancun,
        _ => Fork.Frontier,
    };
}
