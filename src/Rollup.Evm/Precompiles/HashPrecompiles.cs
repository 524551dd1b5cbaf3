using Rollup.Core.Chain;
using Rollup.Core.Crypto;

namespace Rollup.Evm.Precompiles;

/// <summary>Base + per-word pricing shared by the hashing and copying precompiles.</summary>
internal static class WordPricing
{
    public static long Cost(long baseCost, long perWord, int length) => baseCost + perWord * ((length + 31L) / 32);
}

/// <summary>0x02: SHA-256 of the input. 60 + 12 per word.</summary>
internal sealed class Sha256Precompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => WordPricing.Cost(60, 12, input.Length);
    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output) { output = Sha256.Hash(input); return true; }
}

/// <summary>0x03: RIPEMD-160 of the input, left-padded to 32 bytes. 600 + 120 per word.</summary>
internal sealed class Ripemd160Precompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => WordPricing.Cost(600, 120, input.Length);

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = new byte[32];
        Ripemd160.Hash(input, output.AsSpan(12));
        return true;
    }
}

/// <summary>0x04: returns its input. 15 + 3 per word.</summary>
internal sealed class IdentityPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => WordPricing.Cost(15, 3, input.Length);
    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output) { output = input.ToArray(); return true; }
}
