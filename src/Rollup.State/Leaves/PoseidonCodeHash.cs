using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;

namespace Rollup.State.Leaves;

/// <summary>
/// The code commitment the circuits bind bytecode to (keccak is too costly in-circuit). The code is cut into
/// 31-byte chunks (each a big-endian integer below 2^248, so always a field element; the last chunk padded with
/// zero bytes at its end); the chunks are absorbed 15 at a time into a chain that starts from the code length:
/// <code>
/// h = len(code)
/// for each group g of 15 chunks (the last group padded with zero chunks): h = Poseidon(h, g[0], ..., g[14])
/// </code>
/// Starting from the length makes zero padding unambiguous (code 0x00 and code 0x0000 differ) and gives empty
/// code the hash 0, so an account without code has all-zero code fields. Width 17 (16 inputs) takes 465 bytes per
/// permutation: the fewest permutations, hence rows, per byte.
/// </summary>
public static class PoseidonCodeHash
{
    public const int BytesPerChunk = 31;
    public const int ChunksPerHash = 15;
    public const int BytesPerHash = BytesPerChunk * ChunksPerHash;

    public static Fr Compute(ReadOnlySpan<byte> code)
    {
        Fr h = Fr.FromUInt64((ulong)code.Length);
        Span<Fr> inputs = stackalloc Fr[1 + ChunksPerHash];
        Span<byte> word = stackalloc byte[32];
        for (int start = 0; start < code.Length; start += BytesPerHash)
        {
            inputs[0] = h;
            for (int c = 0; c < ChunksPerHash; c++)
            {
                int offset = start + c * BytesPerChunk;
                word.Clear();
                if (offset < code.Length)
                    code.Slice(offset, Math.Min(BytesPerChunk, code.Length - offset)).CopyTo(word[1..]);
                inputs[1 + c] = Fr.FromBigEndian(word);
            }
            h = Poseidon.Hash(inputs);
        }
        return h;
    }
}
