namespace Rollup.Crypto.Bn254;

/// <summary>The BN family parameter of alt_bn128: q = 36u^4 + 36u^3 + 24u^2 + 6u + 1, r = 36u^4 + 36u^3 + 18u^2 + 6u + 1.</summary>
internal static class Bn254Parameters
{
    /// <summary>u = 4965661367192848881 (63 bits, positive).</summary>
    public const ulong U = 4965661367192848881;
}
