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
        int n = layout.Rows, log2n = layout.K;
        if (srs.Size < n) throw new ArgumentException($"the SRS has {srs.Size} powers; a 2^{log2n}-row circuit needs {n}");
        var bases = new ReadOnlyMemory<G1Affine>(srs.G1Powers, 0, n);
        // One column's coefficients at a time: they are needed only for its commitment.
        G1Affine Commit(Fr[] values) => PolyOps.Msm(bases.Span, Coefficients(values, log2n)).ToAffine();

        var fixedCommitments = cs.FixedColumns.Select(c => Commit(circuit.Values(c))).ToArray();
        var fixedDigests = cs.FixedColumns.Select(c => ProvingKey.DigestOf(circuit.Values(c))).ToArray();

        var omega = Fr.RootOfUnity(log2n);
        var omegaPowers = new Fr[n];
        omegaPowers[0] = Fr.One;
        for (int i = 1; i < n; i++) omegaPowers[i] = omegaPowers[i - 1] * omega;
        var permutation = new PermutationLayout(cs.EqualityColumns, n, circuit.Copies);
        var sigmaValues = permutation.SigmaValues(omegaPowers);
        var sigmaCommitments = sigmaValues.Select(Commit).ToArray();

        var vk = new VerifyingKey(layout, fixedCommitments, sigmaCommitments, srs.G2, srs.TauG2);
        return new ProvingKey
        {
            Vk = vk, Srs = srs, Permutation = permutation, FixedDigests = fixedDigests, SigmaValues = sigmaValues,
            LagrangeBases = srs.LagrangeBasis(n),
        };
    }

    internal static Fr[] Coefficients(Fr[] values, int log2n)
    {
        var c = (Fr[])values.Clone();
        PolyOps.Interpolate(c, log2n);
        return c;
    }

    /// <summary>Evaluations on the whole extended coset from coefficients (zero-padded to the extended size): what the
    /// prover did before it went coset by coset; the tests' reference quotient still does.</summary>
    internal static Fr[] Extend(Fr[] coeffs, int extLog, Fr shift)
    {
        var e = new Fr[1 << extLog];
        coeffs.CopyTo(e, 0);
        PolyOps.EvaluateOnCoset(e, extLog, shift);
        return e;
    }
}
