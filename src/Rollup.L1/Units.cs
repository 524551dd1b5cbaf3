using System.Numerics;
using Rollup.Core.Numerics;

namespace Rollup.L1;

/// <summary>Wei and ether for people.</summary>
public static class Units
{
    public static readonly UInt256 WeiPerEther = new(1_000_000_000_000_000_000UL);

    /// <summary>Exact decimal ether, trailing zeros trimmed: 1.5, 0.000021, 0.</summary>
    public static string FormatEther(UInt256 wei)
    {
        var value = wei.ToBigInteger();
        var whole = BigInteger.DivRem(value, WeiPerEther.ToBigInteger(), out var fraction);
        if (fraction.IsZero) return whole.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string digits = fraction.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        return $"{whole}.{digits}";
    }

    public static UInt256 Ether(ulong ether) => WeiPerEther * ether;
}
