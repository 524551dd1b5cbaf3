using Rollup.Core.Crypto;
using Rollup.Core.Numerics;

namespace Rollup.L1.Batches;

/// <summary>The "proof" contracts/verifiers/InsecureDigestVerifier.sol accepts: keccak256 of the public inputs as
/// 32-byte big-endian words. It proves nothing; it lets tests and devnets finalize batches before the generated
/// PLONK verifier exists, while still checking that the contract rebuilt the expected public inputs.</summary>
public static class InsecureDigestProof
{
    public static byte[] For(IReadOnlyList<UInt256> publicInputs)
    {
        var packed = new byte[32 * publicInputs.Count];
        for (int i = 0; i < publicInputs.Count; i++) publicInputs[i].WriteBigEndian(packed.AsSpan(32 * i, 32));
        return Keccak256.Hash(packed).ToArray();
    }
}
