using System.Text;
using Rollup.Crypto.Kzg;

namespace Rollup.Proving;

/// <summary>Where the prover's structured reference string comes from: a powers-of-tau ceremony file (what a real
/// deployment uses) or, for devnets and tests, a public seed. A seed-derived SRS is INSECURE: anyone can recompute τ
/// and forge proofs.</summary>
public sealed record SrsSource(string? PtauFile, string? InsecureSeed)
{
    /// <summary>The seed `rollup node --dev` and `rollup prove` use when given neither.</summary>
    public const string DevSeed = "rollup insecure dev srs";

    public static SrsSource Dev => new(null, DevSeed);

    public bool IsInsecure => PtauFile is null;

    public Srs Load(int rows)
    {
        if ((PtauFile is null) == (InsecureSeed is null))
            throw new ArgumentException("give exactly one SRS source: a .ptau file or an insecure seed");
        return PtauFile is { } path ? Rollup.Crypto.Kzg.PtauFile.Load(path, rows) : Srs.InsecureFromSeed(rows, Encoding.UTF8.GetBytes(InsecureSeed!));
    }

    public override string ToString() => PtauFile is { } path ? $"ptau file {path}" : $"INSECURE seed \"{InsecureSeed}\"";
}
