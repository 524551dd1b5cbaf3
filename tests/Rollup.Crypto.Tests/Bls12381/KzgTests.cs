using System.Text.Json;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Kzg;
using Rollup.Crypto.Bls12381.Pairing;

namespace Rollup.Crypto.Tests.Bls12381;

public class KzgTests
{
    private sealed record Vector(string Name, string Commitment, string Z, string Y, string Proof, bool? Output);

    private static readonly Lazy<List<Vector>> Vectors = new(() => JsonSerializer.Deserialize<List<Vector>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bls12381", "Vectors", "verify_kzg_proof.json")))!);

    public static IEnumerable<object[]> VectorNames() => Vectors.Value.Select(v => new object[] { v.Name });

    /// <summary>The consensus-spec verify_kzg_proof cases (see Vectors/README.md): true, false, or an error.</summary>
    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Published_verify_kzg_proof_vectors(string name)
    {
        Vector v = Vectors.Value.Single(x => x.Name == name);
        KzgVerifyResult result = Eip4844Kzg.VerifyKzgProof(
            Convert.FromHexString(v.Commitment), Convert.FromHexString(v.Z), Convert.FromHexString(v.Y), Convert.FromHexString(v.Proof));
        KzgVerifyResult[] expected = v.Output switch
        {
            true => [KzgVerifyResult.Valid],
            false => [KzgVerifyResult.Invalid],
            null => name.Contains("invalid_commitment") ? [KzgVerifyResult.BadCommitment]
                  : name.Contains("invalid_proof") ? [KzgVerifyResult.BadProof]
                  : name.Contains("invalid_z") ? [KzgVerifyResult.BadZ]
                  : [KzgVerifyResult.BadY],
        };
        Assert.Contains(result, expected);
    }

    [Fact]
    public void Vector_set_covers_valid_invalid_and_error_cases()
    {
        Assert.Equal(122, Vectors.Value.Count);
        Assert.Contains(Vectors.Value, v => v.Output == true);
        Assert.Contains(Vectors.Value, v => v.Output == false);
        Assert.Contains(Vectors.Value, v => v.Output is null);
    }

    [Fact]
    public void Rearranged_check_agrees_with_the_literal_equation_on_the_vectors()
    {
        G2Affine g2 = G2Affine.Generator, tau = TrustedSetup.TauG2;
        int checkedCases = 0;
        foreach (Vector v in Vectors.Value.Where(v => v.Output is not null).Take(30))
        {
            Assert.True(G1Affine.TryDecode(Convert.FromHexString(v.Commitment), out G1Affine c));
            Assert.True(G1Affine.TryDecode(Convert.FromHexString(v.Proof), out G1Affine pi));
            Fr z = Fr.FromBigEndian(Convert.FromHexString(v.Z)), y = Fr.FromBigEndian(Convert.FromHexString(v.Y));
            // e(C - [y]G1, G2) == e(π, [τ]G2 - [z]G2), exactly as EIP-4844 writes it.
            G1Affine left = (c.ToJacobian() - G1Jacobian.Generator * y).ToAffine();
            G2Affine right = (tau.ToJacobian() - G2Jacobian.Generator * z).ToAffine();
            bool literal = Bls12381Pairing.Pair(left, g2) == Bls12381Pairing.Pair(pi, right);
            Assert.Equal(v.Output, literal);
            Assert.Equal(literal, Eip4844Kzg.VerifyKzgProof(c, z, y, pi));
            checkedCases++;
        }
        Assert.Equal(30, checkedCases);
    }

    [Fact]
    public void Openings_made_with_a_known_secret_verify_and_tampering_fails()
    {
        // A toy setup with a known τ: commit to f, open at z with π = [(f(τ) - f(z))/(τ - z)]G1.
        var rng = new Random(51);
        Fr tau = Fr.Random(rng);
        G2Affine tauG2 = (G2Jacobian.Generator * tau).ToAffine();
        Fr[] coefficients = Enumerable.Range(0, 8).Select(_ => Fr.Random(rng)).ToArray();
        Fr Eval(Fr x) { Fr acc = Fr.Zero; for (int i = coefficients.Length - 1; i >= 0; i--) acc = acc * x + coefficients[i]; return acc; }
        G1Affine commitment = (G1Jacobian.Generator * Eval(tau)).ToAffine();
        for (int i = 0; i < 3; i++)
        {
            Fr z = Fr.Random(rng), y = Eval(z);
            G1Affine proof = (G1Jacobian.Generator * ((Eval(tau) - y) * (tau - z).Inverse())).ToAffine();
            Assert.True(Eip4844Kzg.VerifyKzgProof(commitment, z, y, proof, tauG2));
            Assert.False(Eip4844Kzg.VerifyKzgProof(commitment, z, y + Fr.One, proof, tauG2));
            Assert.False(Eip4844Kzg.VerifyKzgProof(commitment, z + Fr.One, y, proof, tauG2));
            Assert.False(Eip4844Kzg.VerifyKzgProof(commitment, z, y, (proof.ToJacobian() + G1Affine.Generator).ToAffine(), tauG2));
            Assert.False(Eip4844Kzg.VerifyKzgProof(commitment, z, y, proof)); // the real setup's τ is not ours
        }
    }

    [Fact]
    public void Encoded_inputs_are_checked_before_the_pairing()
    {
        byte[] inf = G1Affine.Infinity.Encode();
        byte[] zero = new byte[32];
        byte[] r = FieldTests.Be(Fr.Modulus, 32);
        Assert.Equal(KzgVerifyResult.Valid, Eip4844Kzg.VerifyKzgProof(inf, zero, zero, inf)); // zero polynomial
        Assert.Equal(KzgVerifyResult.BadZ, Eip4844Kzg.VerifyKzgProof(inf, r, zero, inf));
        Assert.Equal(KzgVerifyResult.BadY, Eip4844Kzg.VerifyKzgProof(inf, zero, r, inf));
        Assert.Equal(KzgVerifyResult.BadZ, Eip4844Kzg.VerifyKzgProof(inf, zero[..31], zero, inf));
        Assert.Equal(KzgVerifyResult.BadCommitment, Eip4844Kzg.VerifyKzgProof(inf[..47], zero, zero, inf));
        Assert.Equal(KzgVerifyResult.BadCommitment, Eip4844Kzg.VerifyKzgProof(new byte[48], zero, zero, inf));
        Assert.Equal(KzgVerifyResult.BadProof, Eip4844Kzg.VerifyKzgProof(inf, zero, zero, new byte[48]));
        Assert.Equal(4096, Eip4844Kzg.FieldElementsPerBlob);
    }
}
