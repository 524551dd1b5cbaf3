using Rollup.Core.Chain;

namespace Rollup.Evm.Precompiles;

/// <summary>Stands at 0x0a (Cancun's KZG point evaluation, EIP-4844) until BLS12-381 and the trusted setup are in.
/// The address must be a precompile even so: it starts every transaction warm (EIP-2929), which changes the gas of
/// any access to it, such as a SELFDESTRUCT paying out to it. It charges the real fixed price and fails closed:
/// every proof is treated as invalid, which is right for every malformed input and wrong only for valid proofs.</summary>
public sealed class PointEvaluationPlaceholder : IPrecompile
{
    public const long Gas = 50_000;

    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules) => Gas;

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = [];
        return false;
    }
}
