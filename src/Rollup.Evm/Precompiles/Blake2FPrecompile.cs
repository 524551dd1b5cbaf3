using System.Buffers.Binary;
using System.Numerics;
using Rollup.Core.Chain;

namespace Rollup.Evm.Precompiles;

/// <summary>0x09: the BLAKE2b compression function F (EIP-152). Input: rounds (4 bytes, big-endian), state h (8
/// little-endian words), message m (16 words), offset counter t (2 words), final flag f (0 or 1) — exactly 213 bytes.
/// One gas per round.</summary>
internal sealed class Blake2FPrecompile : IPrecompile
{
    private const int InputLength = 213;

    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) =>
        input.Length == InputLength ? BinaryPrimitives.ReadUInt32BigEndian(input) : 0;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = [];
        if (input.Length != InputLength || input[212] > 1) return false;
        uint rounds = BinaryPrimitives.ReadUInt32BigEndian(input);
        Span<ulong> h = stackalloc ulong[8];
        Span<ulong> m = stackalloc ulong[16];
        for (int i = 0; i < 8; i++) h[i] = BinaryPrimitives.ReadUInt64LittleEndian(input[(4 + 8 * i)..]);
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(input[(68 + 8 * i)..]);
        ulong t0 = BinaryPrimitives.ReadUInt64LittleEndian(input[196..]);
        ulong t1 = BinaryPrimitives.ReadUInt64LittleEndian(input[204..]);
        Compress(h, m, t0, t1, input[212] == 1, rounds);
        output = new byte[64];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(8 * i), h[i]);
        return true;
    }

    private static readonly ulong[] IV =
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    /// <summary>BLAKE2b's message schedule (RFC 7693 section 2.7); round r uses row r mod 10.</summary>
    private static readonly byte[,] Sigma =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
        { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
        { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
        { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
        { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
        { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
        { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
        { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
        { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
        { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
    };

    internal static void Compress(Span<ulong> h, ReadOnlySpan<ulong> m, ulong t0, ulong t1, bool final, uint rounds)
    {
        Span<ulong> v = stackalloc ulong[16];
        h.CopyTo(v);
        IV.CopyTo(v[8..]);
        v[12] ^= t0;
        v[13] ^= t1;
        if (final) v[14] = ~v[14];
        for (uint r = 0; r < rounds; r++)
        {
            int row = (int)(r % 10);
            G(v, 0, 4, 8, 12, m[Sigma[row, 0]], m[Sigma[row, 1]]);
            G(v, 1, 5, 9, 13, m[Sigma[row, 2]], m[Sigma[row, 3]]);
            G(v, 2, 6, 10, 14, m[Sigma[row, 4]], m[Sigma[row, 5]]);
            G(v, 3, 7, 11, 15, m[Sigma[row, 6]], m[Sigma[row, 7]]);
            G(v, 0, 5, 10, 15, m[Sigma[row, 8]], m[Sigma[row, 9]]);
            G(v, 1, 6, 11, 12, m[Sigma[row, 10]], m[Sigma[row, 11]]);
            G(v, 2, 7, 8, 13, m[Sigma[row, 12]], m[Sigma[row, 13]]);
            G(v, 3, 4, 9, 14, m[Sigma[row, 14]], m[Sigma[row, 15]]);
        }
        for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
    }

    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
