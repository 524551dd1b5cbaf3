using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Proving;

/// <summary>The assignment's own column arrays lent to the prover as coefficient arrays: taking one interpolates it in
/// place (values on H → coefficients), disposing evaluates every taken array back (coefficients → values). Both
/// transforms are exact and give canonical field elements, so the caller's assignment is bit for bit what it was.
/// <para>Why: a copy of every column is most of the prover's memory. The batch circuit has 139 advice columns; at
/// 2^20 rows one copy of them is 4.3 GiB, as much as the rest of the proof together. Not for an assignment that
/// another thread reads or proves at the same time.</para></summary>
internal sealed class BorrowedColumns(int log2n) : IDisposable
{
    private readonly List<Fr[]> _taken = [];

    /// <summary>Interpolates <paramref name="values"/> in place and returns the same array, now coefficients. An
    /// all-zero column is its own coefficients and is left alone: a column no gadget wrote was never touched, so its
    /// pages are not resident, and transforming it would make them so (at 2^18 rows the batch circuit's untouched
    /// pages were a third of the proof's peak).</summary>
    public Fr[] Take(Fr[] values)
    {
        if (IsZero(values)) return values;
        PolyOps.Interpolate(values, log2n);
        _taken.Add(values);
        return values;
    }

    /// <summary>Whether every element is zero (zero is all-zero bytes, in Montgomery form too). Reading untouched
    /// pages maps the kernel's shared zero page: the scan costs no memory.</summary>
    public static bool IsZero(ReadOnlySpan<Fr> values) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Gives every taken array its values back.</summary>
    public void Dispose()
    {
        foreach (var column in _taken) PolyOps.Evaluate(column, log2n);
        _taken.Clear();
    }
}
