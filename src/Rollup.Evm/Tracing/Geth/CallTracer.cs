using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Tracing.Geth;

/// <summary>One call in geth's callTracer output: the call tree with type, addresses, value, gas and data.</summary>
public sealed class CallFrameTrace
{
    public required string Type { get; init; }
    public Address From { get; init; }
    public Address? To { get; set; }
    public UInt256? Value { get; init; }
    public long Gas { get; init; }
    public long GasUsed { get; set; }
    public byte[] Input { get; init; } = [];
    public byte[] Output { get; set; } = [];
    public string? Error { get; set; }
    public List<CallFrameTrace> Calls { get; } = [];
}

/// <summary>geth's callTracer: the tree of calls and creates a transaction made.</summary>
public sealed class CallTracer : ITracer
{
    private readonly Stack<CallFrameTrace> _open = new();

    /// <summary>The outermost call once the transaction ran.</summary>
    public CallFrameTrace? Root { get; private set; }

    public void OnCallEnter(ExecutionEnvironment env, CallFrame frame)
    {
        var m = frame.Message;
        var trace = new CallFrameTrace
        {
            Type = m.Kind switch
            {
                CallKind.Call => "CALL", CallKind.CallCode => "CALLCODE", CallKind.DelegateCall => "DELEGATECALL",
                CallKind.StaticCall => "STATICCALL", CallKind.Create => "CREATE", _ => "CREATE2",
            },
            From = m.Sender,
            To = m.Kind.IsCreate() ? m.Recipient : m.CodeAddress,
            Value = m.Kind is CallKind.StaticCall or CallKind.DelegateCall ? null : m.Value,
            Gas = m.Gas,
            Input = m.Input.Length > 0 || !m.Kind.IsCreate() ? m.Input : frame.Code.Code.ToArray(),
        };
        if (_open.TryPeek(out var parent)) parent.Calls.Add(trace); else Root = trace;
        _open.Push(trace);
    }

    public void OnCallExit(ExecutionEnvironment env, CallFrame frame, ExitReason reason, long gasLeft, ReadOnlySpan<byte> output)
    {
        var trace = _open.Pop();
        trace.GasUsed = trace.Gas - gasLeft;
        trace.Output = output.ToArray();
        if (!reason.IsSuccess()) trace.Error = StructLogger.Describe(reason);
    }

    public void OnStep(ExecutionEnvironment env, CallFrame frame, int pc, byte opcode, long gas) { }

    public void OnStepEnd(ExecutionEnvironment env, CallFrame frame, long gasLeft) { }
}
