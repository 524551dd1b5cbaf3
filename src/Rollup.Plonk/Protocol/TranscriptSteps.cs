using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Transcript;

namespace Rollup.Plonk.Protocol;

/// <summary>The transcript steps both sides take identically before any commitment: the public inputs, column by
/// column, each as its length then its values.</summary>
internal static class TranscriptSteps
{
    public static void AbsorbPublicInputs(KeccakTranscript t, IReadOnlyList<Fr[]> publicInputs)
    {
        foreach (var column in publicInputs)
        {
            t.Absorb(Fr.FromUInt64((ulong)column.Length));
            foreach (var v in column) t.Absorb(v);
        }
    }
}
