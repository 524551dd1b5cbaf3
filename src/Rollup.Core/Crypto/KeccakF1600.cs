using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rollup.Core.Crypto;

/// <summary>The Keccak-f[1600] permutation fused with absorption at the Keccak-256 rate.</summary>
/// <remarks>
/// Speed matters here (state roots hash thousands of trie nodes, the EVM hashes memory), so the code
/// keeps all 25 lanes in locals for the whole run of blocks, reads each block's lanes straight from the
/// caller's span, and writes the state back once at the end. Each round is written out in full: theta
/// (column parities mixed into every lane), rho and pi (rotations and the lane shuffle, fused into the
/// loads of the b values), chi (the only non-linear step, row by row) and iota (a round constant into
/// lane (0,0)). Rounds go in pairs, A to E and E back to A, so no round copies its output into its input.
/// Unrolling all 24 rounds was measured too: about 2% faster, but 21 KB of machine code instead of
/// 2.6 KB, which would crowd the instruction cache of the EVM and trie code that calls this.
/// </remarks>
internal static class KeccakF1600
{
    /// <summary>Bytes absorbed per permutation for Keccak-256: (1600 - 2 * 256) / 8.</summary>
    public const int Rate = 136;

    /// <summary>Iota's round constants.</summary>
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>XORs each whole <see cref="Rate"/>-byte block of <paramref name="blocks"/> into the state and
    /// permutes after each. A trailing partial block is the caller's business (it is ignored here).</summary>
    // Compiled fully optimized on first use: profile-guided tiers have nothing to learn from straight-line
    // arithmetic, and the unoptimized tier of a method with this many locals is very slow.
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Absorb(ref KeccakState s, ReadOnlySpan<byte> blocks)
    {
        ReadOnlySpan<ulong> rc = RoundConstants;
        ulong aba = s[0], abe = s[1], abi = s[2], abo = s[3], abu = s[4], aga = s[5], age = s[6], agi = s[7], ago = s[8], agu = s[9], aka = s[10], ake = s[11], aki = s[12], ako = s[13], aku = s[14], ama = s[15], ame = s[16], ami = s[17], amo = s[18], amu = s[19], asa = s[20], ase = s[21], asi = s[22], aso = s[23], asu = s[24];
        ulong eba, ebe, ebi, ebo, ebu, ega, ege, egi, ego, egu, eka, eke, eki, eko, eku, ema, eme, emi, emo, emu, esa, ese, esi, eso, esu;
        ulong c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;
        ref byte p = ref MemoryMarshal.GetReference(blocks);
        for (int n = blocks.Length / Rate; n > 0; n--)
        {
            aba ^= Lane(ref p, 0);
            abe ^= Lane(ref p, 8);
            abi ^= Lane(ref p, 16);
            abo ^= Lane(ref p, 24);
            abu ^= Lane(ref p, 32);
            aga ^= Lane(ref p, 40);
            age ^= Lane(ref p, 48);
            agi ^= Lane(ref p, 56);
            ago ^= Lane(ref p, 64);
            agu ^= Lane(ref p, 72);
            aka ^= Lane(ref p, 80);
            ake ^= Lane(ref p, 88);
            aki ^= Lane(ref p, 96);
            ako ^= Lane(ref p, 104);
            aku ^= Lane(ref p, 112);
            ama ^= Lane(ref p, 120);
            ame ^= Lane(ref p, 128);
            for (int i = 0; i < 24; i += 2)
            {
                c0 = aba ^ aga ^ aka ^ ama ^ asa;
                c1 = abe ^ age ^ ake ^ ame ^ ase;
                c2 = abi ^ agi ^ aki ^ ami ^ asi;
                c3 = abo ^ ago ^ ako ^ amo ^ aso;
                c4 = abu ^ agu ^ aku ^ amu ^ asu;
                d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
                d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
                d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
                d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
                d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
                b0 = aba ^ d0;
                b1 = BitOperations.RotateLeft(age ^ d1, 44);
                b2 = BitOperations.RotateLeft(aki ^ d2, 43);
                b3 = BitOperations.RotateLeft(amo ^ d3, 21);
                b4 = BitOperations.RotateLeft(asu ^ d4, 14);
                eba = b0 ^ (~b1 & b2) ^ rc[i];
                ebe = b1 ^ (~b2 & b3);
                ebi = b2 ^ (~b3 & b4);
                ebo = b3 ^ (~b4 & b0);
                ebu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(abo ^ d3, 28);
                b1 = BitOperations.RotateLeft(agu ^ d4, 20);
                b2 = BitOperations.RotateLeft(aka ^ d0, 3);
                b3 = BitOperations.RotateLeft(ame ^ d1, 45);
                b4 = BitOperations.RotateLeft(asi ^ d2, 61);
                ega = b0 ^ (~b1 & b2);
                ege = b1 ^ (~b2 & b3);
                egi = b2 ^ (~b3 & b4);
                ego = b3 ^ (~b4 & b0);
                egu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(abe ^ d1, 1);
                b1 = BitOperations.RotateLeft(agi ^ d2, 6);
                b2 = BitOperations.RotateLeft(ako ^ d3, 25);
                b3 = BitOperations.RotateLeft(amu ^ d4, 8);
                b4 = BitOperations.RotateLeft(asa ^ d0, 18);
                eka = b0 ^ (~b1 & b2);
                eke = b1 ^ (~b2 & b3);
                eki = b2 ^ (~b3 & b4);
                eko = b3 ^ (~b4 & b0);
                eku = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(abu ^ d4, 27);
                b1 = BitOperations.RotateLeft(aga ^ d0, 36);
                b2 = BitOperations.RotateLeft(ake ^ d1, 10);
                b3 = BitOperations.RotateLeft(ami ^ d2, 15);
                b4 = BitOperations.RotateLeft(aso ^ d3, 56);
                ema = b0 ^ (~b1 & b2);
                eme = b1 ^ (~b2 & b3);
                emi = b2 ^ (~b3 & b4);
                emo = b3 ^ (~b4 & b0);
                emu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(abi ^ d2, 62);
                b1 = BitOperations.RotateLeft(ago ^ d3, 55);
                b2 = BitOperations.RotateLeft(aku ^ d4, 39);
                b3 = BitOperations.RotateLeft(ama ^ d0, 41);
                b4 = BitOperations.RotateLeft(ase ^ d1, 2);
                esa = b0 ^ (~b1 & b2);
                ese = b1 ^ (~b2 & b3);
                esi = b2 ^ (~b3 & b4);
                eso = b3 ^ (~b4 & b0);
                esu = b4 ^ (~b0 & b1);
                c0 = eba ^ ega ^ eka ^ ema ^ esa;
                c1 = ebe ^ ege ^ eke ^ eme ^ ese;
                c2 = ebi ^ egi ^ eki ^ emi ^ esi;
                c3 = ebo ^ ego ^ eko ^ emo ^ eso;
                c4 = ebu ^ egu ^ eku ^ emu ^ esu;
                d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
                d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
                d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
                d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
                d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
                b0 = eba ^ d0;
                b1 = BitOperations.RotateLeft(ege ^ d1, 44);
                b2 = BitOperations.RotateLeft(eki ^ d2, 43);
                b3 = BitOperations.RotateLeft(emo ^ d3, 21);
                b4 = BitOperations.RotateLeft(esu ^ d4, 14);
                aba = b0 ^ (~b1 & b2) ^ rc[i + 1];
                abe = b1 ^ (~b2 & b3);
                abi = b2 ^ (~b3 & b4);
                abo = b3 ^ (~b4 & b0);
                abu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(ebo ^ d3, 28);
                b1 = BitOperations.RotateLeft(egu ^ d4, 20);
                b2 = BitOperations.RotateLeft(eka ^ d0, 3);
                b3 = BitOperations.RotateLeft(eme ^ d1, 45);
                b4 = BitOperations.RotateLeft(esi ^ d2, 61);
                aga = b0 ^ (~b1 & b2);
                age = b1 ^ (~b2 & b3);
                agi = b2 ^ (~b3 & b4);
                ago = b3 ^ (~b4 & b0);
                agu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(ebe ^ d1, 1);
                b1 = BitOperations.RotateLeft(egi ^ d2, 6);
                b2 = BitOperations.RotateLeft(eko ^ d3, 25);
                b3 = BitOperations.RotateLeft(emu ^ d4, 8);
                b4 = BitOperations.RotateLeft(esa ^ d0, 18);
                aka = b0 ^ (~b1 & b2);
                ake = b1 ^ (~b2 & b3);
                aki = b2 ^ (~b3 & b4);
                ako = b3 ^ (~b4 & b0);
                aku = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(ebu ^ d4, 27);
                b1 = BitOperations.RotateLeft(ega ^ d0, 36);
                b2 = BitOperations.RotateLeft(eke ^ d1, 10);
                b3 = BitOperations.RotateLeft(emi ^ d2, 15);
                b4 = BitOperations.RotateLeft(eso ^ d3, 56);
                ama = b0 ^ (~b1 & b2);
                ame = b1 ^ (~b2 & b3);
                ami = b2 ^ (~b3 & b4);
                amo = b3 ^ (~b4 & b0);
                amu = b4 ^ (~b0 & b1);
                b0 = BitOperations.RotateLeft(ebi ^ d2, 62);
                b1 = BitOperations.RotateLeft(ego ^ d3, 55);
                b2 = BitOperations.RotateLeft(eku ^ d4, 39);
                b3 = BitOperations.RotateLeft(ema ^ d0, 41);
                b4 = BitOperations.RotateLeft(ese ^ d1, 2);
                asa = b0 ^ (~b1 & b2);
                ase = b1 ^ (~b2 & b3);
                asi = b2 ^ (~b3 & b4);
                aso = b3 ^ (~b4 & b0);
                asu = b4 ^ (~b0 & b1);
            }
            p = ref Unsafe.Add(ref p, Rate);
        }
        s[0] = aba;
        s[1] = abe;
        s[2] = abi;
        s[3] = abo;
        s[4] = abu;
        s[5] = aga;
        s[6] = age;
        s[7] = agi;
        s[8] = ago;
        s[9] = agu;
        s[10] = aka;
        s[11] = ake;
        s[12] = aki;
        s[13] = ako;
        s[14] = aku;
        s[15] = ama;
        s[16] = ame;
        s[17] = ami;
        s[18] = amo;
        s[19] = amu;
        s[20] = asa;
        s[21] = ase;
        s[22] = asi;
        s[23] = aso;
        s[24] = asu;
    }

    /// <summary>The 8 bytes at <paramref name="offset"/> as a little-endian lane (Keccak's byte order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lane(ref byte p, int offset)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, offset));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }
}
