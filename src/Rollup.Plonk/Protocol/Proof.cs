using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Protocol;

/// <summary>A PLONK proof: commitments in the order the transcript absorbs them, the evaluations in the layout's query
/// order, and one KZG opening witness per opening point. Serialized as those points (64 bytes each, x ‖ y big-endian,
/// as the EVM precompiles take them) and scalars (32 bytes big-endian), concatenated in that order; the verifying key
/// fixes every count, so there are no length prefixes (docs/plonk.md).</summary>
public sealed class Proof
{
    /// <summary>Advice commitments, phase by phase, each phase in column order.</summary>
    public required G1Affine[] Advice { get; init; }
    public required G1Affine[] Multiplicities { get; init; }
    public required G1Affine[] PermutationProducts { get; init; }
    public required G1Affine[] LookupSums { get; init; }
    public required G1Affine[] Quotient { get; init; }
    public required Fr[] Evaluations { get; init; }
    public required G1Affine[] Openings { get; init; }

    private IEnumerable<G1Affine> PointsBeforeEvaluations => Advice.Concat(Multiplicities).Concat(PermutationProducts).Concat(LookupSums).Concat(Quotient);

    public byte[] ToBytes()
    {
        var points = PointsBeforeEvaluations.ToList();
        var bytes = new byte[64 * (points.Count + Openings.Length) + 32 * Evaluations.Length];
        int at = 0;
        foreach (var p in points) { p.Encode(bytes.AsSpan(at, 64)); at += 64; }
        foreach (var e in Evaluations) { e.WriteBigEndian(bytes.AsSpan(at, 32)); at += 32; }
        foreach (var p in Openings) { p.Encode(bytes.AsSpan(at, 64)); at += 64; }
        return bytes;
    }

    /// <summary>Parses a proof for a layout; false on a wrong length, a point off the curve or a scalar ≥ r.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, ProtocolLayout layout, out Proof? proof)
    {
        proof = null;
        var cs = layout.System;
        int advice = cs.AdviceColumns.Count, lookups = cs.Lookups.Count, chunks = layout.PermutationChunks, pieces = layout.QuotientPieces;
        int points = advice + lookups + chunks + lookups + pieces, openings = layout.Rotations.Count, evals = layout.Queries.Count;
        if (bytes.Length != 64 * (points + openings) + 32 * evals) return false;
        var g1 = new G1Affine[points + openings];
        for (int i = 0; i < points; i++)
            if (!G1Affine.TryDecode(bytes.Slice(64 * i, 64), out g1[i])) return false;
        int at = 64 * points;
        var evaluations = new Fr[evals];
        for (int i = 0; i < evals; i++, at += 32)
            if (!Fr.TryFromBigEndian(bytes.Slice(at, 32), out evaluations[i])) return false;
        for (int i = 0; i < openings; i++, at += 64)
            if (!G1Affine.TryDecode(bytes.Slice(at, 64), out g1[points + i])) return false;
        int k = 0;
        G1Affine[] Take(int count) { var r = g1.AsSpan(k, count).ToArray(); k += count; return r; }
        proof = new Proof
        {
            Advice = Take(advice), Multiplicities = Take(lookups), PermutationProducts = Take(chunks), LookupSums = Take(lookups),
            Quotient = Take(pieces), Evaluations = evaluations, Openings = Take(openings),
        };
        return true;
    }
}
