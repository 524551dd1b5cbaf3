using System.Text.Json;
using Rollup.Crypto.Bn254;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>EIP-196/197 published vectors (go-ethereum's precompile test data) through the precompile helpers.</summary>
public class PrecompileVectorTests
{
    private sealed record Vector(string Name, string? Input, string Expected, string? RepeatOf, int Repeat);

    private static List<Vector> Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Bn254", "Vectors", file);
        return JsonSerializer.Deserialize<List<Vector>>(File.ReadAllText(path))!;
    }

    public static IEnumerable<object[]> AddCases() => Load("bn256Add.json").Select(v => new object[] { v.Name });
    public static IEnumerable<object[]> MulCases() => Load("bn256ScalarMul.json").Select(v => new object[] { v.Name });
    public static IEnumerable<object[]> PairingCases() => Load("bn256Pairing.json").Select(v => new object[] { v.Name });

    private static Vector Find(string file, string name) => Load(file).Single(v => v.Name == name);

    [Theory]
    [MemberData(nameof(AddCases))]
    public void Add_vectors(string name)
    {
        Vector v = Find("bn256Add.json", name);
        var output = new byte[64];
        Assert.True(Bn254Precompiles.Add(Convert.FromHexString(v.Input!), output));
        Assert.Equal(v.Expected, Convert.ToHexString(output).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(MulCases))]
    public void Mul_vectors(string name)
    {
        Vector v = Find("bn256ScalarMul.json", name);
        var output = new byte[64];
        Assert.True(Bn254Precompiles.Mul(Convert.FromHexString(v.Input!), output));
        Assert.Equal(v.Expected, Convert.ToHexString(output).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(PairingCases))]
    public void Pairing_vectors(string name)
    {
        List<Vector> all = Load("bn256Pairing.json");
        Vector v = all.Single(x => x.Name == name);
        string hex = v.RepeatOf is null ? v.Input! : string.Concat(Enumerable.Repeat(all.Single(x => x.Name == v.RepeatOf).Input, v.Repeat));
        Assert.True(Bn254Precompiles.Pairing(Convert.FromHexString(hex), out bool result));
        Assert.Equal(v.Expected.EndsWith('1'), result);
    }

    [Fact]
    public void Failure_cases_are_rejected()
    {
        var output = new byte[64];
        byte[] g1 = G1Affine.Generator.Encode();
        byte[] g2 = G2Affine.Generator.Encode();
        byte[] q = Fq.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] offCurve = (byte[])g1.Clone(); offCurve[63] = 3;               // (1, 3)
        byte[] xTooBig = (byte[])g1.Clone(); q.CopyTo(xTooBig, 0);            // x = q
        byte[] g2OffCurve = (byte[])g2.Clone(); g2OffCurve[127] ^= 1;
        byte[] g2Outside = CurveTests.TwistPointOutsideG2().Encode();
        byte[] g2TooBig = (byte[])g2.Clone(); q.CopyTo(g2TooBig, 32);

        Assert.False(Bn254Precompiles.Add([.. offCurve, .. g1], output));
        Assert.False(Bn254Precompiles.Add([.. g1, .. offCurve], output));
        Assert.False(Bn254Precompiles.Add([.. xTooBig, .. g1], output));
        Assert.False(Bn254Precompiles.Add(offCurve, output));                 // padded second point is infinity, first still bad
        Assert.False(Bn254Precompiles.Mul([.. offCurve, .. new byte[32]], output));
        Assert.False(Bn254Precompiles.Mul([.. xTooBig, 1], output));

        Assert.False(Bn254Pairing(new byte[191]));
        Assert.False(Bn254Pairing(new byte[193]));
        Assert.False(Bn254Pairing([.. offCurve, .. g2]));
        Assert.False(Bn254Pairing([.. xTooBig, .. g2]));
        Assert.False(Bn254Pairing([.. g1, .. g2OffCurve]));
        Assert.False(Bn254Pairing([.. g1, .. g2Outside]));
        Assert.False(Bn254Pairing([.. g1, .. g2TooBig]));
        // A valid first pair does not rescue an invalid second one.
        Assert.False(Bn254Pairing([.. g1, .. g2, .. g1, .. g2Outside]));

        // Infinity in either slot is valid and contributes 1.
        Assert.True(Bn254Precompiles.Pairing([.. new byte[64], .. g2], out bool r1) && r1);
        Assert.True(Bn254Precompiles.Pairing([.. g1, .. new byte[128]], out bool r2) && r2);
        // Inputs longer than the fixed size: extra bytes are ignored by ecAdd/ecMul.
        Assert.True(Bn254Precompiles.Add([.. g1, .. g1, 0xff, 0xff], output));
        Assert.True(Bn254Precompiles.Mul([.. g1, .. new byte[31], 2, 0xff], output));
    }

    private static bool Bn254Pairing(byte[] input) => Bn254Precompiles.Pairing(input, out _);
}
