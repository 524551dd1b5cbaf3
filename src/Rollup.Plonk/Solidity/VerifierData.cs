using Rollup.Core.Crypto;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Solidity;

/// <summary>What the interpreted verifier reads or runs from other contracts rather than carrying in its own code:
/// everything that grows with the circuit. The data is one byte string with four sections, cut into pieces of at most
/// <see cref="ChunkBytes"/>, each deployed as a contract whose runtime code is a STOP followed by the piece (so calling
/// it does nothing) and read back with EXTCODECOPY from offset 1; after those come the code contracts of the compiled
/// constraints (<see cref="ConstraintCode"/>), which the verifier calls.
/// <list type="bullet">
/// <item>constants: the program's constant slots, 32 bytes each, copied straight into memory;</item>
/// <item>openings: per opening rotation, ω^rotation (32 bytes) and the number of queries (2), then per query its
/// evaluation's index and its commitment's number in the commitment list, each times 32 (2 bytes each);</item>
/// <item>commitment list: per distinct opened polynomial, where its commitment is (2): a proof point index, or
/// 0x8000 | an index in the commitments section. A polynomial opened at several rotations is one entry, so the
/// verifier multiplies its commitment once, by the sum of its coefficients;</item>
/// <item>commitments: the key's fixed then σ commitments, 64 bytes each (x, y).</item>
/// </list></summary>
public sealed class VerifierData
{
    /// <summary>EIP-170 allows 24,576 bytes of code; the first is the STOP.</summary>
    public const int ChunkBytes = 24_575;
    /// <summary>A commitment reference with this bit names a key commitment; without it, a proof point.</summary>
    public const int KeyCommitmentFlag = 0x8000;

    public ConstraintCode Code { get; }
    public byte[] Bytes { get; }
    public int ConstantsOffset => 0;
    public int ConstantsLength { get; }
    public int OpeningsOffset { get; }
    public int OpeningsLength { get; }
    /// <summary>Where the distinct opened commitments' references are: 2 bytes each.</summary>
    public int CommitmentListOffset { get; }
    public int DistinctCommitments { get; }
    public int CommitmentsOffset { get; }
    /// <summary>Data contracts (STOP + data); the code contracts follow them in <see cref="RuntimeCodes"/>.</summary>
    public int DataContracts => (Bytes.Length + ChunkBytes - 1) / ChunkBytes;

    public VerifierData(VerifyingKey vk, ConstraintCode code)
    {
        Code = code;
        var layout = vk.Layout;
        var bytes = new List<byte>();
        foreach (var c in code.Dag.Constants) bytes.AddRange(Word(c));
        ConstantsLength = bytes.Count;

        OpeningsOffset = bytes.Count;
        var omega = Fr.RootOfUnity(layout.K);
        var distinct = layout.Queries.Select(q => q.Poly).Distinct().ToList();
        foreach (int rotation in layout.Rotations)
        {
            var queries = Enumerable.Range(0, layout.Queries.Count).Where(q => layout.Queries[q].Rotation == rotation).ToList();
            bytes.AddRange(Word(Proving.Prover.Power(omega, rotation)));
            AddShort(bytes, queries.Count);
            foreach (int q in queries)
            {
                // Byte offsets (index · 32), so the verifier's loop adds them to a base without shifting.
                AddShort(bytes, 32 * q);
                AddShort(bytes, 32 * distinct.IndexOf(layout.Queries[q].Poly));
            }
        }
        OpeningsLength = bytes.Count - OpeningsOffset;

        CommitmentListOffset = bytes.Count;
        int fixedCount = vk.FixedCommitments.Length;
        foreach (var poly in distinct)
        {
            int reference = poly.Kind switch
            {
                PolyKind.Fixed => KeyCommitmentFlag | poly.Index,
                PolyKind.Sigma => KeyCommitmentFlag | (fixedCount + poly.Index),
                _ => VerifierYul.ProofPointIndex(poly, layout),
            };
            if ((reference & ~KeyCommitmentFlag) >= KeyCommitmentFlag) throw new InvalidOperationException("too many commitments for 15-bit references");
            AddShort(bytes, reference);
        }
        DistinctCommitments = distinct.Count;

        CommitmentsOffset = bytes.Count;
        foreach (var p in vk.FixedCommitments.Concat(vk.SigmaCommitments)) bytes.AddRange(p.Encode());
        Bytes = bytes.ToArray();
    }

    public static VerifierData For(VerifyingKey vk) => new(vk, ConstraintCode.Build(vk.Layout));

    /// <summary>Every contract's runtime code, in order: the data contracts (STOP, then up to
    /// <see cref="ChunkBytes"/> of data), then the constraint code's chunks.</summary>
    public IReadOnlyList<byte[]> RuntimeCodes()
    {
        var codes = new List<byte[]>();
        for (int at = 0; at < Bytes.Length; at += ChunkBytes)
            codes.Add([0x00, .. Bytes.AsSpan(at, Math.Min(ChunkBytes, Bytes.Length - at))]);
        codes.AddRange(Code.Chunks.Select(c => c.Code));
        return codes;
    }

    /// <summary>Creation code that returns <paramref name="runtime"/>: PUSH2 len, DUP1, PUSH1 12, PUSH1 0, CODECOPY,
    /// PUSH1 0, RETURN, then the runtime code itself.</summary>
    public static byte[] CreationCode(byte[] runtime)
    {
        if (runtime.Length > 0xffff) throw new ArgumentException("runtime code too long for PUSH2");
        byte[] prefix = [0x61, (byte)(runtime.Length >> 8), (byte)runtime.Length, 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3];
        return [.. prefix, .. runtime];
    }

    /// <summary>keccak256 of a runtime code: what EXTCODEHASH answers for its contract.</summary>
    public static byte[] CodeHash(byte[] runtime) => Keccak256.Hash(runtime).Bytes.ToArray();

    private static byte[] Word(Fr value)
    {
        var word = new byte[32];
        value.WriteBigEndian(word);
        return word;
    }

    private static void AddShort(List<byte> bytes, int value)
    {
        if (value is < 0 or > 0xffff) throw new InvalidOperationException($"{value} does not fit 2 bytes");
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }
}
