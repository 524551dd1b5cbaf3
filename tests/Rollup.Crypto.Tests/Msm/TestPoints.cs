using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Msm;

/// <summary>Random inputs for the MSM tests.</summary>
internal static class TestPoints
{
    /// <summary>
    /// Distinct-looking random points by a random walk (each point is the previous one plus one of
    /// eight random steps): one addition per point instead of a scalar multiplication.
    /// </summary>
    public static G1Affine[] RandomWalk(int count, Random rng)
    {
        var steps = new G1Jacobian[8];
        for (int i = 0; i < steps.Length; i++) steps[i] = G1Jacobian.Generator.Multiply(Fr.Random(rng));
        var jac = new G1Jacobian[count];
        G1Jacobian p = G1Jacobian.Generator.Multiply(Fr.Random(rng));
        for (int i = 0; i < count; i++) jac[i] = p = p + steps[rng.Next(steps.Length)];
        var affine = new G1Affine[count];
        G1Jacobian.BatchToAffine(jac, affine);
        return affine;
    }

    public static Fr[] RandomScalars(int count, Random rng)
    {
        var s = new Fr[count];
        for (int i = 0; i < count; i++) s[i] = Fr.Random(rng);
        return s;
    }

    /// <summary>The definition: one scalar multiplication per point.</summary>
    public static G1Jacobian NaiveMsm(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars)
    {
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = 0; i < bases.Length; i++) acc += bases[i].ToJacobian() * scalars[i];
        return acc;
    }
}
