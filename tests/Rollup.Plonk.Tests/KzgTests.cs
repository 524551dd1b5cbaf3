using System.Diagnostics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Kzg;
using Rollup.Crypto.Polynomials;
using Rollup.Plonk.Kzg;

namespace Rollup.Plonk.Tests;

public class KzgTests
{
    private static readonly Lazy<Srs> Dev = new(() => Srs.InsecureFromSeed(64, "kzg tests"u8));

    private static Fr[] RandomPoly(Random rng, int length) => Enumerable.Range(0, length).Select(_ => Fr.Random(rng)).ToArray();

    [Fact]
    public void An_opening_verifies_and_a_wrong_value_or_point_does_not()
    {
        var srs = Dev.Value;
        var rng = new Random(1);
        var p = RandomPoly(rng, 40);
        var c = KzgScheme.Commit(srs, p);
        var z = Fr.Random(rng);
        var (value, witness) = KzgScheme.Open(srs, p, z);
        Assert.True(KzgScheme.Verify(srs, c, z, value, witness));
        Assert.False(KzgScheme.Verify(srs, c, z, value + Fr.One, witness));
        Assert.False(KzgScheme.Verify(srs, c, z + Fr.One, value, witness));
        Assert.False(KzgScheme.Verify(srs, KzgScheme.Commit(srs, RandomPoly(rng, 40)), z, value, witness));
    }

    [Fact]
    public void Batches_at_several_points_verify_with_one_pairing_product()
    {
        var srs = Dev.Value;
        var rng = new Random(2);
        var openings = new List<PointOpening>();
        var all = new List<(Fr[][] Polys, Fr Z, Fr V)>();
        for (int point = 0; point < 3; point++)
        {
            var polys = Enumerable.Range(0, 2 + point).Select(_ => RandomPoly(rng, 30)).ToArray();
            var z = Fr.Random(rng);
            var v = Fr.Random(rng);
            openings.Add(new PointOpening(z, polys.Select(p => KzgScheme.Commit(srs, p)).ToList(),
                polys.Select(p => Protocol.PolyOps.EvaluateAt(p, z)).ToList(), v, KzgScheme.OpenBatch(srs, polys, z, v)));
        }
        var u = Fr.Random(rng);
        Assert.True(KzgScheme.VerifyMultiPoint(srs.G2, srs.TauG2, openings, u));

        // Any one wrong value among them is caught.
        for (int j = 0; j < openings.Count; j++)
        {
            var values = openings[j].Values.ToArray();
            values[^1] += Fr.One;
            var tampered = openings.ToList();
            tampered[j] = openings[j] with { Values = values };
            Assert.False(KzgScheme.VerifyMultiPoint(srs.G2, srs.TauG2, tampered, u));
        }
    }

    [Fact]
    public void The_seeded_Lagrange_basis_commits_values_to_the_same_point_as_coefficients()
    {
        var rng = new Random(8);
        foreach (int n in new[] { 2, 16, 64 })
        {
            var values = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? Fr.Random(rng) : Fr.FromUInt64((ulong)rng.Next(256))).ToArray();
            var coeffs = (Fr[])values.Clone();
            Domain.OfSize(n).InverseNtt(coeffs);
            Assert.Equal(KzgScheme.Commit(Dev.Value, coeffs), Rollup.Crypto.Msm.Msm.Multiply(Dev.Value.LagrangeBasis(n)!, values).ToAffine());
        }
        Assert.Null(Dev.Value.LagrangeBasis(48)); // not a power of two
        Assert.Null(Dev.Value.LagrangeBasis(128)); // larger than the SRS
    }

    [Fact]
    public void Loads_an_SRS_made_by_snarkjs_powersoftau()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rollup-ptau-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string cli = Path.Combine(JsTools.Root, "node_modules", "snarkjs", "build", "cli.cjs");
            JsTools.Node(cli, "powersoftau", "new", "bn128", "6", Path.Combine(dir, "0.ptau"));
            JsTools.Node(cli, "powersoftau", "contribute", Path.Combine(dir, "0.ptau"), Path.Combine(dir, "1.ptau"), "--name=test", "-e=rollup test entropy");
            var srs = PtauFile.Load(Path.Combine(dir, "1.ptau"), 64);
            Assert.Equal(64, srs.Size);
            Assert.Equal(G1Affine.Generator, srs.G1Powers[0]);
            Assert.NotEqual(G1Affine.Generator, srs.G1Powers[1]); // a contribution moved τ away from 1
            // Consecutive powers share one τ: e([τ^(i+1)]₁, [1]₂) = e([τ^i]₁, [τ]₂).
            for (int i = 0; i < 63; i += 7)
                Assert.True(Bn254Pairing.PairingCheck([srs.G1Powers[i + 1], srs.G1Powers[i].Negate()], [srs.G2, srs.TauG2]), $"power {i}");
            // And it commits and opens like any SRS.
            var p = RandomPoly(new Random(3), 64);
            var z = Fr.FromUInt64(12345);
            var (value, witness) = KzgScheme.Open(srs, p, z);
            Assert.True(KzgScheme.Verify(srs, KzgScheme.Commit(srs, p), z, value, witness));
            Assert.Throws<InvalidDataException>(() => PtauFile.Load(Path.Combine(dir, "1.ptau"), 65));
            Assert.Null(srs.LagrangeBasis(64)); // not prepared for phase 2: no Lagrange sections

            // Prepared, it also has [L_i(τ)]₁ per domain size: committing values there is committing coefficients.
            JsTools.Node(cli, "powersoftau", "prepare", "phase2", Path.Combine(dir, "1.ptau"), Path.Combine(dir, "final.ptau"));
            var prepared = PtauFile.Load(Path.Combine(dir, "final.ptau"), 64);
            foreach (int n in new[] { 8, 64 })
            {
                var basis = prepared.LagrangeBasis(n);
                Assert.NotNull(basis);
                var values = Enumerable.Range(0, n).Select(i => Fr.FromUInt64((ulong)(i * i + 3))).ToArray();
                var coeffs = (Fr[])values.Clone();
                Domain.OfSize(n).InverseNtt(coeffs);
                Assert.Equal(KzgScheme.Commit(prepared, coeffs), Rollup.Crypto.Msm.Msm.Multiply(basis, values).ToAffine());
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

/// <summary>Runs the npm tools in the repository's js/ folder (installed by scripts/js-setup.sh).</summary>
internal static class JsTools
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "js", "package.json"))) return Path.Combine(dir.FullName, "js");
            throw new DirectoryNotFoundException("the repository's js/ folder was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Node(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        return output;
    }
}
