using Rollup.Evm.Execution;

namespace Rollup.Evm.Tracing;

/// <summary>Hooks the EVM calls while it runs, when a tracer is attached. Kept small: what happens at each step,
/// and where calls begin and end. Everything else (stack, memory, state) the tracer reads from the frame and the
/// environment it is given.</summary>
public interface ITracer
{
    /// <summary>Before an instruction runs. The frame's <see cref="CallFrame.StackSize"/> and memory are current;
    /// <paramref name="gas"/> is the gas left before the instruction's cost.</summary>
    void OnStep(ExecutionEnvironment env, CallFrame frame, int pc, byte opcode, long gas);

    /// <summary>After an instruction ran (for CALL and CREATE, after the sub-call returned and its result was
    /// pushed). Not called for an instruction that halted the frame.</summary>
    void OnStepEnd(ExecutionEnvironment env, CallFrame frame, long gasLeft);

    /// <summary>A call or create begins (the top-level one included), before any of its code runs.</summary>
    void OnCallEnter(ExecutionEnvironment env, CallFrame frame);

    /// <summary>A call or create ends, with its reason, the gas it leaves and its output.</summary>
    void OnCallExit(ExecutionEnvironment env, CallFrame frame, ExitReason reason, long gasLeft, ReadOnlySpan<byte> output);
}

/// <summary>Chooses at compile time whether the interpreter calls the tracer, so the untraced loop has no checks at all.</summary>
public interface ITracingMode
{
    static abstract bool Enabled { get; }
}

public readonly struct NoTracing : ITracingMode
{
    public static bool Enabled => false;
}

public readonly struct WithTracing : ITracingMode
{
    public static bool Enabled => true;
}
