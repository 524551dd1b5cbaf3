using Rollup.Evm.Host;

namespace Rollup.Evm.Tracing;

/// <summary>A tracer that also wants to see every state access: the transaction processor runs the transaction
/// against the wrapper it returns instead of the state itself.</summary>
public interface IStateObserver
{
    IWorldState Observe(IWorldState state);
}
