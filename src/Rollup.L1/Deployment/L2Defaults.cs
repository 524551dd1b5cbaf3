namespace Rollup.L1.Deployment;

/// <summary>Defaults for the L2 until the sequencer has a chain configuration of its own.</summary>
public static class L2Defaults
{
    /// <summary>0x524f4c4c, "ROLL" in ASCII: a development chain id, unlikely to collide with a public network's.</summary>
    public const ulong ChainId = 0x524f4c4c;
}
