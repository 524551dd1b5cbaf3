using System.Buffers.Binary;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Kzg;

/// <summary>Reads an SRS from a powers-of-tau file in the snarkjs/Hermez ".ptau" format: the output of a public
/// ceremony, which is what a real deployment must use. The format: "ptau", version and section count (uint32 LE),
/// then sections (type uint32, size uint64, body). Section 1 is the header (field element size, the prime q, the
/// power); section 2 holds [τ^i]₁ for i &lt; 2·2^power − 1; section 3 holds [τ^i]₂ for i &lt; 2^power. Coordinates
/// are little-endian in Montgomery form with R = 2^256 — the same representation our Fq uses internally.</summary>
public static class PtauFile
{
    public static Srs Load(string path, int size)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        if (!reader.ReadBytes(4).AsSpan().SequenceEqual("ptau"u8)) throw new InvalidDataException($"{path} is not a .ptau file (bad magic)");
        reader.ReadUInt32(); // version
        uint sectionCount = reader.ReadUInt32();
        var sections = new Dictionary<uint, (long Offset, long Size)>();
        for (uint i = 0; i < sectionCount; i++)
        {
            uint type = reader.ReadUInt32();
            long length = (long)reader.ReadUInt64();
            sections[type] = (stream.Position, length);
            stream.Seek(length, SeekOrigin.Current);
        }
        if (!sections.TryGetValue(1, out var header) || !sections.ContainsKey(2) || !sections.ContainsKey(3))
            throw new InvalidDataException($"{path} lacks the header or the τ sections");

        stream.Position = header.Offset;
        uint n8 = reader.ReadUInt32();
        var q = new System.Numerics.BigInteger(reader.ReadBytes((int)n8), isUnsigned: true, isBigEndian: false);
        if (n8 != 32 || q != Fq.Modulus) throw new InvalidDataException($"{path} is not for BN254 (element size {n8}, prime {q})");
        int power = (int)reader.ReadUInt32();
        if (size > 1 << power) throw new InvalidDataException($"{path} has 2^{power} powers; {size} were asked for");

        stream.Position = sections[2].Offset;
        var g1 = new G1Affine[size];
        var buffer = new byte[64];
        for (int i = 0; i < size; i++)
        {
            stream.ReadExactly(buffer);
            g1[i] = new G1Affine(ReadFq(buffer, 0), ReadFq(buffer, 32));
            if (!g1[i].IsOnCurve) throw new InvalidDataException($"{path}: [τ^{i}]₁ is not on the curve");
        }

        stream.Position = sections[3].Offset;
        var g2 = new G2Affine[2];
        var buffer2 = new byte[128];
        for (int i = 0; i < 2; i++)
        {
            stream.ReadExactly(buffer2);
            g2[i] = new G2Affine(new Fq2(ReadFq(buffer2, 0), ReadFq(buffer2, 32)), new Fq2(ReadFq(buffer2, 64), ReadFq(buffer2, 96)));
            if (!g2[i].IsOnCurve || !g2[i].IsInSubgroup) throw new InvalidDataException($"{path}: [τ^{i}]₂ is not a valid G2 point");
        }
        if (g1[0] != G1Affine.Generator || g2[0] != G2Affine.Generator)
            throw new InvalidDataException($"{path}: the first powers are not the generators");
        // A file prepared for phase 2 (snarkjs powersoftau prepare phase2) also holds the Lagrange bases.
        if (!sections.TryGetValue(12, out var lagrange)) return new Srs(g1, g2[0], g2[1]);
        return new Srs(g1, g2[0], g2[1], n => LoadLagrange(path, lagrange.Offset, power, n, g1));
    }

    /// <summary>
    /// Section 12 holds [L_i(τ)]₁ for every domain size 2^0 … 2^power in turn, so size n starts n − 1 points in. They
    /// are checked against the powers with two MSMs (Σ L_i = 1 and Σ ω^i·L_i = X, so the sums must be [1]₁ and [τ]₁):
    /// that also confirms the file orders the domain by the same ω as we do. A basis that fails is not used (null).
    /// </summary>
    private static G1Affine[]? LoadLagrange(string path, long offset, int power, int n, G1Affine[] powers)
    {
        if (n > 1 << power || n < 2) return null;
        using var stream = File.OpenRead(path);
        stream.Position = offset + (long)(n - 1) * 64;
        var bytes = new byte[n * 64];
        stream.ReadExactly(bytes);
        var basis = new G1Affine[n];
        for (int i = 0; i < n; i++)
        {
            var span = bytes.AsSpan(i * 64, 64);
            basis[i] = new G1Affine(ReadFq(span[..32]), ReadFq(span[32..]));
            if (!basis[i].IsOnCurve) throw new InvalidDataException($"{path}: [L_{i}(τ)]₁ for size {n} is not on the curve");
        }
        var omega = Fr.RootOfUnity(System.Numerics.BitOperations.Log2((uint)n));
        var ones = new Fr[n];
        var omegas = new Fr[n];
        var w = Fr.One;
        for (int i = 0; i < n; i++, w *= omega) { ones[i] = Fr.One; omegas[i] = w; }
        bool valid = Msm.Msm.Multiply(basis, ones).ToAffine() == powers[0] && Msm.Msm.Multiply(basis, omegas).ToAffine() == powers[1];
        return valid ? basis : null;
    }

    private static Fq ReadFq(byte[] bytes, int offset) => ReadFq(bytes.AsSpan(offset, 32));

    private static Fq ReadFq(ReadOnlySpan<byte> span)
    {
        var limbs = new U256(
            BinaryPrimitives.ReadUInt64LittleEndian(span),
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[24..]));
        if (!Montgomery<FqModulus>.IsCanonical(limbs)) throw new InvalidDataException("a coordinate is not below q");
        return new Fq(limbs);
    }
}
