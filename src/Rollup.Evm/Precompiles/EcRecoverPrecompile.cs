using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Precompiles;

/// <summary>0x01: ecrecover(hash, v, r, s) → the signer's address left-padded to 32 bytes, or empty output for a
/// bad signature (the call still succeeds). 3,000 gas. v must be exactly 27 or 28; high s is accepted.</summary>
internal sealed class EcRecoverPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => 3_000;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        Span<byte> padded = stackalloc byte[128];
        padded.Clear();
        input[..Math.Min(input.Length, 128)].CopyTo(padded);
        output = [];
        var v = UInt256.FromBigEndian(padded.Slice(32, 32));
        if (v != 27 && v != 28) return true;
        var signature = new EcdsaSignature(UInt256.FromBigEndian(padded.Slice(64, 32)), UInt256.FromBigEndian(padded.Slice(96, 32)), (byte)(v.U0 - 27));
        if (!Secp256k1.TryRecoverAddress(padded[..32], signature, out var address)) return true;
        output = new byte[32];
        address.Bytes.CopyTo(output.AsSpan(12));
        return true;
    }
}
