using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Permutation;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Keys;

/// <summary>Builds the proving and verifying keys of a circuit from its fixed columns and copy constraints (an
/// assignment whose advice may be empty) and an SRS with at least 2^k powers.</summary>
public static class KeyGenerator
{
    public static ProvingKey Generate(Assignment circuit, Srs srs)
    {
        var cs = circuit.System;
        var layout = new ProtocolLayout(cs, circuit.K);
        int n = layout.Rows, log2n = layout.K, extLog = log2n + layout.ExtendedLog, bigN = 1 << extLog;
        if (srs.Size < n) throw new ArgumentException($"the SRS has {srs.Size} powers; a 2^{log2n}-row circuit needs {n}");
        var bases = new ReadOnlyMemory<G1Affine>(srs.G1Powers, 0, n);
        var shift = ProvingKey.CosetShift;

        var fixedValues = cs.FixedColumns.Select(c => (Fr[])circuit.Values(c).Clone()).ToArray();
        var fixedCoeffs = fixedValues.Select(v => Coefficients(v, log2n)).ToArray();
        var fixedCommitments = fixedCoeffs.Select(c => PolyOps.Msm(bases.Span, c).ToAffine()).ToArray();
        var fixedExt = fixedCoeffs.Select(c => Extend(c, extLog, shift)).ToArray();

        var omega = Fr.RootOfUnity(log2n);
        var omegaPowers = new Fr[n];
        omegaPowers[0] = Fr.One;
        for (int i = 1; i < n; i++) omegaPowers[i] = omegaPowers[i - 1] * omega;
        var permutation = new PermutationLayout(cs.EqualityColumns, n, circuit.Copies);
        var sigmaValues = permutation.SigmaValues(omegaPowers);
        var sigmaCoeffs = sigmaValues.Select(v => Coefficients(v, log2n)).ToArray();
        var sigmaCommitments = sigmaCoeffs.Select(c => PolyOps.Msm(bases.Span, c).ToAffine()).ToArray();
        var sigmaExt = sigmaCoeffs.Select(c => Extend(c, extLog, shift)).ToArray();

        var cosetPoints = new Fr[bigN];
        var omegaN = Fr.RootOfUnity(extLog);
        cosetPoints[0] = shift;
        for (int i = 1; i < bigN; i++) cosetPoints[i] = cosetPoints[i - 1] * omegaN;

        var l0 = new Fr[n];
        l0[0] = Fr.One;
        var l0Ext = Extend(Coefficients(l0, log2n), extLog, shift);

        // On the coset, Xⁿ − 1 takes only N/n values: (g·ω_N^i)ⁿ = gⁿ·ω_{N/n}^i.
        int period = bigN / n;
        var vanishingInverse = new Fr[period];
        var gn = shift.Pow((ulong)n);
        var omegaPeriod = Fr.RootOfUnity(layout.ExtendedLog);
        var w = Fr.One;
        for (int i = 0; i < period; i++) { vanishingInverse[i] = gn * w - Fr.One; w *= omegaPeriod; }
        Fr.BatchInverse(vanishingInverse);

        var vk = new VerifyingKey(layout, fixedCommitments, sigmaCommitments, srs.G2, srs.TauG2);
        return new ProvingKey
        {
            Vk = vk, Srs = srs, Permutation = permutation, FixedValues = fixedValues, FixedCoefficients = fixedCoeffs,
            FixedExtended = fixedExt, SigmaValues = sigmaValues, SigmaCoefficients = sigmaCoeffs, SigmaExtended = sigmaExt,
            CosetPoints = cosetPoints, LagrangeFirstExtended = l0Ext, VanishingInverse = vanishingInverse,
            LagrangeBases = srs.LagrangeBasis(n),
        };
    }

    internal static Fr[] Coefficients(Fr[] values, int log2n)
    {
        var c = (Fr[])values.Clone();
        PolyOps.Interpolate(c, log2n);
        return c;
    }

    /// <summary>Evaluations on the extended coset from coefficients (zero-padded to the extended size).</summary>
    internal static Fr[] Extend(Fr[] coeffs, int extLog, Fr shift)
    {
        var e = new Fr[1 << extLog];
        coeffs.CopyTo(e, 0);
        PolyOps.EvaluateOnCoset(e, extLog, shift);
        return e;
    }
}
