using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Crypto.Bls12381.Kzg;

namespace Rollup.Evm.Precompiles;

/// <summary>
/// 0x0a: the KZG point evaluation precompile of EIP-4844 (Cancun). Input, exactly 192 bytes:
/// versioned_hash ‖ z ‖ y ‖ commitment ‖ proof (32, 32, 32, 48, 48). It checks that the versioned
/// hash is 0x01 ‖ sha256(commitment)[1..], that z and y are below the BLS modulus, and the opening
/// proof; then returns FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte big-endian words.
/// Any failed check fails the call. 50,000 gas whatever the input. Being a precompile from Cancun on also makes the
/// address warm from the start of every transaction (EIP-2929).
/// </summary>
internal sealed class PointEvaluationPrecompile : IPrecompile
{
    public const long Gas = 50_000;
    public const int InputLength = 192;

    // The constant output: 4096 and r, each as a 32-byte big-endian word.
    private static readonly byte[] Output = BuildOutput();

    private static byte[] BuildOutput()
    {
        var output = new byte[64];
        output[30] = Eip4844Kzg.FieldElementsPerBlob >> 8;
        output[31] = Eip4844Kzg.FieldElementsPerBlob & 0xff;
        byte[] modulus = Eip4844Kzg.BlsModulus.ToByteArray(isUnsigned: true, isBigEndian: true);
        modulus.CopyTo(output, 64 - modulus.Length);
        return output;
    }

    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => Gas;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = [];
        if (input.Length != InputLength) return false;
        ReadOnlySpan<byte> versionedHash = input[..32];
        ReadOnlySpan<byte> z = input.Slice(32, 32);
        ReadOnlySpan<byte> y = input.Slice(64, 32);
        ReadOnlySpan<byte> commitment = input.Slice(96, Eip4844Kzg.CommitmentLength);
        ReadOnlySpan<byte> proof = input.Slice(144, Eip4844Kzg.ProofLength);

        Span<byte> hash = stackalloc byte[32];
        Sha256.Hash(commitment, hash);
        hash[0] = Execution.BlobGas.VersionedHashVersionKzg;
        if (!versionedHash.SequenceEqual(hash)) return false;

        if (Eip4844Kzg.VerifyKzgProof(commitment, z, y, proof) != KzgVerifyResult.Valid) return false;
        output = (byte[])Output.Clone();
        return true;
    }
}
