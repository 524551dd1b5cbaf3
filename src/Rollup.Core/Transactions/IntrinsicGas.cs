using Rollup.Core.Chain;

namespace Rollup.Core.Transactions;

/// <summary>The gas a transaction costs before any code runs: the base cost, its calldata, its access list and,
/// for contract creation, the creation surcharge and EIP-3860's initcode word cost.</summary>
public static class IntrinsicGas
{
    public const ulong TxBase = 21_000;
    public const ulong TxCreate = 32_000;
    public const ulong ZeroByte = 4;
    public const ulong NonZeroByteFrontier = 68;
    public const ulong NonZeroByteIstanbul = 16;
    public const ulong AccessListAddress = 2_400;
    public const ulong AccessListStorageKey = 1_900;
    public const ulong InitCodeWord = 2;

    public static ulong Calculate(Transaction tx, ForkRules rules) =>
        Calculate(tx.Data, tx.IsContractCreation, tx.AccessList, rules);

    public static ulong Calculate(ReadOnlySpan<byte> data, bool isCreate, IReadOnlyList<AccessListEntry> accessList, ForkRules rules)
    {
        ulong gas = TxBase;
        if (isCreate && rules.IsHomestead) gas += TxCreate;

        int zeros = data.Count((byte)0);
        ulong nonZeroCost = rules.IsEip2028 ? NonZeroByteIstanbul : NonZeroByteFrontier;
        gas += (ulong)zeros * ZeroByte + (ulong)(data.Length - zeros) * nonZeroCost;

        if (isCreate && rules.IsShanghai) gas += InitCodeWord * WordCount(data.Length);

        foreach (var entry in accessList)
            gas += AccessListAddress + (ulong)entry.StorageKeys.Count * AccessListStorageKey;
        return gas;
    }

    private static ulong WordCount(int bytes) => ((ulong)bytes + 31) / 32;
}
