using Rollup.Crypto.Bn254.Curves;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Sums one window: Σ dᵢ·Pᵢ over the points' digits dᵢ of that window, with |dᵢ| ≤ bucketCount.
/// A worker owns one instance and reuses its buckets (allocated for the widest window) for every
/// window it is given.
/// </summary>
internal interface IWindowAccumulator : IDisposable
{
    G1Jacobian SumWindow(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<short> digits, int bucketCount);
}
