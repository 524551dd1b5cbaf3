namespace Rollup.Core.Transactions;

/// <summary>EIP-2718 transaction types.</summary>
public enum TxType : byte
{
    /// <summary>The original RLP list form, with or without EIP-155 replay protection.</summary>
    Legacy = 0,
    /// <summary>EIP-2930: an access list.</summary>
    AccessList = 1,
    /// <summary>EIP-1559: priority fee and fee cap.</summary>
    DynamicFee = 2,
    /// <summary>EIP-4844: blob versioned hashes and a blob fee cap.</summary>
    Blob = 3,
}
