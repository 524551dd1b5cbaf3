namespace Rollup.Core.Chain;

/// <summary>The protocol rules in force at one fork, as flags the transaction validator and the EVM read.
/// One instance per fork, built once: reading a bool is cheaper than comparing forks on hot paths.</summary>
public sealed class ForkRules
{
    public Fork Fork { get; }

    /// <summary>EIP-2: contract creation costs 53,000 intrinsic gas; signatures with s &gt; n/2 are invalid.</summary>
    public bool IsHomestead { get; }
    /// <summary>EIP-150: 63/64 call gas rule and the IO repricing.</summary>
    public bool IsEip150 { get; }
    /// <summary>EIP-155 replay protection may be used.</summary>
    public bool IsEip155 { get; }
    /// <summary>EIP-158/161: empty accounts are cleared; EIP-170: 24,576-byte code size limit.</summary>
    public bool IsEip158 { get; }
    public bool IsByzantium { get; }
    public bool IsConstantinople { get; }
    /// <summary>EIP-1283 net gas metering (only in Constantinople, removed by Petersburg).</summary>
    public bool IsEip1283 { get; }
    public bool IsIstanbul { get; }
    /// <summary>EIP-2028: 16 gas per non-zero calldata byte (68 before).</summary>
    public bool IsEip2028 { get; }
    /// <summary>Berlin: EIP-2929 warm/cold access, EIP-2930 access list transactions (type 1).</summary>
    public bool IsBerlin { get; }
    /// <summary>London: EIP-1559 fee market (type 2), EIP-3529 refunds, EIP-3541 0xEF code rule.</summary>
    public bool IsLondon { get; }
    /// <summary>Paris: PREVRANDAO.</summary>
    public bool IsParis { get; }
    /// <summary>Shanghai: PUSH0, EIP-3651 warm coinbase, EIP-3860 initcode limit and cost.</summary>
    public bool IsShanghai { get; }
    /// <summary>Cancun: blob transactions (type 3), TSTORE/TLOAD, MCOPY, EIP-6780 SELFDESTRUCT, BLOBBASEFEE.</summary>
    public bool IsCancun { get; }
    public bool IsPrague { get; }

    private ForkRules(Fork fork)
    {
        Fork = fork;
        IsHomestead = fork >= Fork.Homestead;
        IsEip150 = fork >= Fork.EIP150;
        IsEip155 = fork >= Fork.EIP158;
        IsEip158 = fork >= Fork.EIP158;
        IsByzantium = fork >= Fork.Byzantium;
        IsConstantinople = fork >= Fork.Constantinople;
        IsEip1283 = fork == Fork.Constantinople;
        IsIstanbul = fork >= Fork.Istanbul;
        IsEip2028 = fork >= Fork.Istanbul;
        IsBerlin = fork >= Fork.Berlin;
        IsLondon = fork >= Fork.London;
        IsParis = fork >= Fork.Paris;
        IsShanghai = fork >= Fork.Shanghai;
        IsCancun = fork >= Fork.Cancun;
        IsPrague = fork >= Fork.Prague;
    }

    private static readonly ForkRules[] All = Enum.GetValues<Fork>().Select(f => new ForkRules(f)).ToArray();

    public static ForkRules For(Fork fork) => All[(int)fork];

    /// <summary>Whether transactions of this EIP-2718 type are valid at this fork.</summary>
    public bool Supports(Transactions.TxType type) => type switch
    {
        Transactions.TxType.Legacy => true,
        Transactions.TxType.AccessList => IsBerlin,
        Transactions.TxType.DynamicFee => IsLondon,
        Transactions.TxType.Blob => IsCancun,
        _ => false,
    };

    /// <summary>EIP-170 limit on deployed code (none before Spurious Dragon).</summary>
    public int MaxCodeSize => IsEip158 ? 24_576 : int.MaxValue;

    /// <summary>EIP-3860 limit on initcode (twice the code limit, from Shanghai).</summary>
    public int MaxInitCodeSize => IsShanghai ? 2 * 24_576 : int.MaxValue;

    public override string ToString() => Fork.ToString();
}
