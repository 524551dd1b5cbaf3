namespace Rollup.L1.Contracts;

/// <summary>Names of the contracts under contracts/ that C# deploys or talks to.</summary>
public static class ContractNames
{
    public const string Rollup = "Rollup";
    /// <summary>The development stand-in verifier: NOT a proof verifier (see its source).</summary>
    public const string InsecureDigestVerifier = "InsecureDigestVerifier";
    public const string RevertingVerifier = "RevertingVerifier";
    public const string QueueForwarder = "QueueForwarder";
}
