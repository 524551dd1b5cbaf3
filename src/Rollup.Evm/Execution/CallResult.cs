using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>How a call or create ended: the reason, the gas it gives back, its output (return or revert data) and,
/// for a successful create, the new contract's address.</summary>
public readonly record struct CallResult(ExitReason Reason, long GasLeft, byte[] Output, Address? CreatedAddress = null)
{
    public bool Success => Reason.IsSuccess();

    public static CallResult Failed(ExitReason reason) => new(reason, 0, []);
}
