using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Solidity;
using Rollup.Plonk.Verifying;

namespace Rollup.Plonk.Tests;

/// <summary>A verifying key written to a file and read back is the same key: same digest (which covers the circuit's
/// fingerprint and every point), the same generated Solidity and interpreted verifier data, and the C# verifier with
/// it accepts the proof and refuses a tampered one. Every example circuit: gates, copies, fixed and advice lookups, two phases with a challenge.
/// Altered files are refused with a message naming what is wrong.</summary>
public class VerifyingKeyFileTests
{
    private static readonly Lazy<Srs> TestSrs = new(() => Srs.InsecureFromSeed(1 << 9, "rollup vk file tests"u8));

    private static (ProvingKey Pk, Fr[][] Inputs, byte[] Proof) Prepare(string circuit)
    {
        var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var inputs = a.System.InstanceColumns.Select(c =>
        {
            var values = a.Values(c);
            return values[..(Array.FindLastIndex(values, v => !v.IsZero) + 1)];
        }).ToArray();
        return (pk, inputs, Prover.Prove(pk, a, inputs, synthesizer).ToBytes());
    }

    [Theory]
    [MemberData(nameof(ProverTests.Circuits), MemberType = typeof(ProverTests))]
    public void A_key_read_back_is_the_same_key(string circuit)
    {
        var (pk, inputs, proof) = Prepare(circuit);
        var lengths = inputs.Select(i => i.Length).ToArray();
        string text = VerifyingKeyFile.Write(pk.Vk, lengths);
        var read = VerifyingKeyFile.Read(text);

        Assert.Equal(pk.Vk.Digest, read.Key.Digest);
        Assert.Equal(lengths, read.InstanceLengths);
        Assert.Equal(CircuitFingerprint.Describe(pk.Vk.Layout.System), CircuitFingerprint.Describe(read.Key.Layout.System));
        Assert.Equal(SolidityVerifierGenerator.Generate(pk.Vk, lengths), SolidityVerifierGenerator.Generate(read.Key, read.InstanceLengths));
        Assert.Equal(VerifierData.For(pk.Vk).RuntimeCodes(), VerifierData.For(read.Key).RuntimeCodes()); // the interpreted verifier's contracts
        Assert.Equal(text, VerifyingKeyFile.Write(read.Key, read.InstanceLengths));
        Assert.True(Verifier.Verify(read.Key, inputs, proof));
        var bad = (byte[])proof.Clone();
        bad[bad.Length / 3] ^= 4;
        Assert.False(Verifier.Verify(read.Key, inputs, bad));
    }

    [Theory]
    [InlineData("\"k\": ", "\"k\": 1", "the digest of the contents is")] // k becomes 1k: another key
    [InlineData("\"format\": \"rollup-plonk-vk-v1\"", "\"format\": \"other\"", "format is 'other'")]
    [InlineData("q A 0 0", "q A 9 0", "column A9 does not exist")]
    [InlineData("q A 0 0", "q X 0 0", "column kind 'X' is not F, A or I")]
    [InlineData("q A 0 0", "q A 0 0 c 0x1", "text after the end")]
    public void An_altered_file_is_refused(string find, string replace, string message)
    {
        var (pk, inputs, _) = Prepare("fibonacci");
        string text = VerifyingKeyFile.Write(pk.Vk, inputs.Select(i => i.Length).ToArray());
        Assert.Contains(find, text);
        var e = Assert.Throws<FormatException>(() => VerifyingKeyFile.Read(ReplaceFirst(text, find, replace)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_commitment_off_the_curve_or_a_constant_above_r_is_refused()
    {
        var (pk, inputs, _) = Prepare("range");
        string text = VerifyingKeyFile.Write(pk.Vk, inputs.Select(i => i.Length).ToArray());
        string first = "0x" + Convert.ToHexStringLower(pk.Vk.FixedCommitments[0].Encode());
        string offCurve = "0x" + new string('0', 63) + "1" + new string('0', 63) + "1";
        var e = Assert.Throws<FormatException>(() => VerifyingKeyFile.Read(ReplaceFirst(text, first, offCurve)));
        Assert.Contains("fixed commitment 0 is not a G1 point (NotOnCurve)", e.Message);

        Assert.Throws<FormatException>(() => VerifyingKeyFile.Read("not json"));
        var big = Assert.Throws<FormatException>(() => ExpressionCodec.Read("c 0x" + Fr.Modulus.ToString("x").TrimStart('0'), new ConstraintSystem()));
        Assert.Contains("not below the field modulus r", big.Message);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
