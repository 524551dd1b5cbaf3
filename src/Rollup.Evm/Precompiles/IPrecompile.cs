using Rollup.Core.Chain;

namespace Rollup.Evm.Precompiles;

/// <summary>A contract implemented natively at a fixed address (0x01..0x0a).</summary>
public interface IPrecompile
{
    /// <summary>The gas the call costs for this input (charged in full before it runs).</summary>
    long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules);

    /// <summary>Runs on the input; false when the input is invalid (the call then fails and uses all its gas).</summary>
    bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output);
}
