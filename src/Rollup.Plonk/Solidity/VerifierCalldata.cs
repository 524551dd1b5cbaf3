using Rollup.Core.Crypto;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Solidity;

/// <summary>ABI-encodes a call to the generated verifier: <c>verify(bytes proof, uint256[] publicInputs)</c>.</summary>
public static class VerifierCalldata
{
    public static readonly byte[] Selector = Keccak256.Hash("verify(bytes,uint256[])"u8).Bytes[..4].ToArray();

    public static byte[] Encode(ReadOnlySpan<byte> proof, IReadOnlyList<Fr> publicInputs)
    {
        int proofWords = (proof.Length + 31) / 32;
        int size = 4 + 32 * 2 + 32 + 32 * proofWords + 32 + 32 * publicInputs.Count;
        var data = new byte[size];
        Selector.CopyTo(data, 0);
        WriteWord(data, 4, 64);                                   // offset of proof
        WriteWord(data, 4 + 32, (ulong)(64 + 32 + 32 * proofWords)); // offset of publicInputs
        WriteWord(data, 4 + 64, (ulong)proof.Length);
        proof.CopyTo(data.AsSpan(4 + 96));
        int at = 4 + 96 + 32 * proofWords;
        WriteWord(data, at, (ulong)publicInputs.Count);
        for (int i = 0; i < publicInputs.Count; i++) publicInputs[i].WriteBigEndian(data.AsSpan(at + 32 + 32 * i, 32));
        return data;
    }

    private static void WriteWord(byte[] data, int at, ulong value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(at + 24, 8), value);
}
