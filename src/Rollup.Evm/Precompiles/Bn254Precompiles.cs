using Rollup.Core.Chain;
using Rollup.Crypto.Bn254;

namespace Rollup.Evm.Precompiles;

/// <summary>0x06: BN254 point addition (EIP-196). 500 gas before Istanbul, 150 after (EIP-1108).</summary>
internal sealed class Bn254AddPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => rules.IsIstanbul ? 150 : 500;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = new byte[64];
        return Bn254Precompiles.Add(input, output);
    }
}

/// <summary>0x07: BN254 scalar multiplication (EIP-196). 40,000 gas before Istanbul, 6,000 after.</summary>
internal sealed class Bn254MulPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => rules.IsIstanbul ? 6_000 : 40_000;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = new byte[64];
        return Bn254Precompiles.Mul(input, output);
    }
}

/// <summary>0x08: the BN254 pairing check (EIP-197). 45,000 + 34,000 per pair from Istanbul (100,000 + 80,000 before).</summary>
internal sealed class Bn254PairingPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules)
    {
        long pairs = input.Length / 192;
        return rules.IsIstanbul ? 45_000 + 34_000 * pairs : 100_000 + 80_000 * pairs;
    }

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = [];
        if (!Bn254Precompiles.Pairing(input, out bool ok)) return false;
        output = new byte[32];
        output[31] = ok ? (byte)1 : (byte)0;
        return true;
    }
}
