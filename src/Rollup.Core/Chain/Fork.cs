namespace Rollup.Core.Chain;

/// <summary>Ethereum's protocol upgrades in activation order, named as the ethereum/tests fixtures name them.</summary>
public enum Fork
{
    Frontier,
    Homestead,
    /// <summary>Tangerine Whistle (EIP-150 gas repricing).</summary>
    EIP150,
    /// <summary>Spurious Dragon (EIP-155 replay protection, EIP-158/161 state clearing, EIP-170 code size).</summary>
    EIP158,
    Byzantium,
    Constantinople,
    /// <summary>Petersburg: Constantinople without EIP-1283.</summary>
    ConstantinopleFix,
    Istanbul,
    Berlin,
    London,
    /// <summary>The merge: PREVRANDAO replaces DIFFICULTY.</summary>
    Paris,
    Shanghai,
    Cancun,
    Prague,
}

public static class ForkNames
{
    private static readonly Dictionary<string, Fork> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TangerineWhistle"] = Fork.EIP150,
        ["SpuriousDragon"] = Fork.EIP158,
        ["Petersburg"] = Fork.ConstantinopleFix,
        ["Merge"] = Fork.Paris,
    };

    /// <summary>Parses a fork name as the fixtures write it (also the common aliases).</summary>
    public static bool TryParse(string name, out Fork fork) =>
        Enum.TryParse(name, ignoreCase: false, out fork) && Enum.IsDefined(fork) || Aliases.TryGetValue(name, out fork);
}
