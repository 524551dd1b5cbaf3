namespace Rollup.Evm.Gas;

/// <summary>The gas schedule's named constants (yellow paper appendix G and the EIPs that changed it).</summary>
public static class GasCosts
{
    public const long WarmStorageRead = 100;          // EIP-2929
    public const long ColdSload = 2_100;              // EIP-2929
    public const long ColdAccountAccess = 2_600;      // EIP-2929
    /// <summary>What a cold account access costs above the warm price the static table already charged.</summary>
    public const long ColdAccountSurcharge = ColdAccountAccess - WarmStorageRead;
    public const long ColdSloadSurcharge = ColdSload - WarmStorageRead;

    public const long SstoreSet = 20_000;
    public const long SstoreReset = 5_000;
    public const long SstoreSentry = 2_300;           // EIP-2200: SSTORE fails with this little gas left
    public const long SstoreClearRefundLondon = 4_800; // EIP-3529
    public const long SstoreClearRefundLegacy = 15_000;

    public const long CallValueTransfer = 9_000;
    public const long CallStipend = 2_300;
    public const long NewAccount = 25_000;
    public const long SelfDestructRefund = 24_000;    // removed by EIP-3529 (London)

    public const long Copy = 3;                       // per word
    public const long Keccak256Word = 6;
    public const long LogData = 8;                    // per byte
    public const long ExpByte = 50;
    public const long ExpByteFrontier = 10;
    public const long CodeDeposit = 200;              // per byte
    public const long InitCodeWord = 2;               // EIP-3860
}
