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
        return new Srs(g1, g2[0], g2[1]);
    }

    private static Fq ReadFq(byte[] bytes, int offset)
    {
        var span = bytes.AsSpan(offset, 32);
        var limbs = new U256(
            BinaryPrimitives.ReadUInt64LittleEndian(span),
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[24..]));
        if (!Montgomery<FqModulus>.IsCanonical(limbs)) throw new InvalidDataException("a coordinate is not below q");
        return new Fq(limbs);
    }
}
