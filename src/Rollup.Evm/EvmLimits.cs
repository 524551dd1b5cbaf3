namespace Rollup.Evm;

/// <summary>The protocol's fixed limits.</summary>
public static class EvmLimits
{
    public const int StackLimit = 1024;
    public const int CallDepthLimit = 1024;
    public const int MaxCodeSize = 24_576;
    public const int MaxInitCodeSize = 2 * MaxCodeSize;
}
