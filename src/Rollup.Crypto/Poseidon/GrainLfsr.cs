using System.Numerics;

namespace Rollup.Crypto.Hashing;

/// <summary>
/// The 80-bit Grain LFSR with which the Poseidon paper (eprint 2019/458, appendix F) derives round
/// constants and MDS matrices, as its reference script <c>generate_parameters_grain.sage</c> runs it.
/// circomlib's parameters come from that script, so generating them here lets us check them rather
/// than trust a pasted table.
/// <list type="bullet">
/// <item>Seed, most significant bit first: field type (2 bits, 1 = prime field), S-box type (4 bits,
/// 0 = x^α), field size n (12 bits), width t (12 bits), R_F (10 bits), R_P (10 bits), then 30 ones.</item>
/// <item>Each clock computes b₀ ⊕ b₁₃ ⊕ b₂₃ ⊕ b₃₈ ⊕ b₅₁ ⊕ b₆₂ (b₀ the oldest bit), drops b₀ and
/// appends the new bit. The first 160 outputs are thrown away.</item>
/// <item>Outputs are read in pairs (self-shrinking): if the first bit of a pair is 1 the second is
/// emitted, otherwise both are dropped.</item>
/// </list>
/// </summary>
internal sealed class GrainLfsr
{
    // The register holds the last 80 bits of the LFSR stream b, the newest in bit 0 and the oldest in
    // bit 79, so the taps b₀ b₁₃ b₂₃ b₃₈ b₅₁ b₆₂ (counted from the oldest) are bits 79, 66, 56, 41, 28, 17.
    // The nearest tap is 18 bits back, so 18 new bits depend on the register alone and are computed
    // at once: the j-th of them (j = 0..17) is register bits 79-j, 66-j, 56-j, 41-j, 28-j, 17-j, i.e.
    // bit 17-j of (r >> 62) ^ (r >> 49) ^ (r >> 39) ^ (r >> 24) ^ (r >> 11) ^ r. Shifting the register
    // left by 18 and appending that block keeps the newest bit in bit 0.
    private const int Block = 18;
    private static readonly UInt128 Mask80 = (UInt128.One << 80) - 1;
    private UInt128 _register;
    private ulong _pending;     // stream bits produced but not consumed; the next one is bit _pendingCount - 1
    private int _pendingCount;

    public GrainLfsr(int fieldType, int sboxType, int fieldBits, int t, int roundsFull, int roundsPartial)
    {
        void Put(int value, int width) => _register = (_register << width) | (uint)(value & ((1 << width) - 1));
        Put(fieldType, 2);
        Put(sboxType, 4);
        Put(fieldBits, 12);
        Put(t, 12);
        Put(roundsFull, 10);
        Put(roundsPartial, 10);
        Put((1 << 30) - 1, 30);
        for (int i = 0; i < 160; i++) Clock();
    }

    private int Clock()
    {
        if (_pendingCount == 0)
        {
            UInt128 r = _register;
            ulong block = (ulong)((r >> 62) ^ (r >> 49) ^ (r >> 39) ^ (r >> 24) ^ (r >> 11) ^ r) & ((1UL << Block) - 1);
            _register = ((r << Block) | block) & Mask80;
            _pending = block;
            _pendingCount = Block;
        }
        _pendingCount--;
        return (int)(_pending >> _pendingCount) & 1;
    }

    /// <summary>One bit of the self-shrinking output.</summary>
    public int NextBit()
    {
        while (true)
        {
            int keep = Clock();
            int bit = Clock();
            if (keep == 1) return bit;
        }
    }

    /// <summary>The next <paramref name="count"/> output bits as an integer, first bit most significant.</summary>
    public BigInteger NextBits(int count)
    {
        // Bit i of the output (counting from the most significant) lands at position count - 1 - i.
        var bytes = new byte[(count + 7) / 8];
        for (int i = count - 1; i >= 0; i--)
            if (NextBit() == 1) bytes[i / 8] |= (byte)(1 << (i % 8));
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The next n-bit value below <paramref name="modulus"/>, redrawing values that are not (rejection sampling).</summary>
    public BigInteger NextBelow(int bits, BigInteger modulus)
    {
        while (true)
        {
            BigInteger v = NextBits(bits);
            if (v < modulus) return v;
        }
    }
}
