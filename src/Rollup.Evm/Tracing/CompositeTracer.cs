using Rollup.Evm.Execution;
using Rollup.Evm.Host;

namespace Rollup.Evm.Tracing;

/// <summary>Several tracers on one execution (say the struct logger and the zk tracer, to check one against the
/// other). State observers among them see the state in turn, each wrapping the last.</summary>
public sealed class CompositeTracer(params ITracer[] tracers) : ITracer, IStateObserver
{
    public IWorldState Observe(IWorldState state)
    {
        foreach (var t in tracers) if (t is IStateObserver o) state = o.Observe(state);
        return state;
    }

    public void OnStep(ExecutionEnvironment env, CallFrame frame, int pc, byte opcode, long gas)
    {
        foreach (var t in tracers) t.OnStep(env, frame, pc, opcode, gas);
    }

    public void OnStepEnd(ExecutionEnvironment env, CallFrame frame, long gasLeft)
    {
        foreach (var t in tracers) t.OnStepEnd(env, frame, gasLeft);
    }

    public void OnCallEnter(ExecutionEnvironment env, CallFrame frame)
    {
        foreach (var t in tracers) t.OnCallEnter(env, frame);
    }

    public void OnCallExit(ExecutionEnvironment env, CallFrame frame, ExitReason reason, long gasLeft, ReadOnlySpan<byte> output)
    {
        foreach (var t in tracers) t.OnCallExit(env, frame, reason, gasLeft, output);
    }
}
