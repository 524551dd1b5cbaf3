using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;

namespace Rollup.Evm.Tracing.Geth;

/// <summary>geth's struct logger: one entry per executed instruction with pc, op, gas, cost, depth and, as options
/// allow, the stack, memory and the storage the call has touched. A step's cost is the gas before it minus the gas
/// after it; for CALL and CREATE, "after" is when the callee starts, so the cost includes the gas handed over, as
/// geth reports it.</summary>
public sealed unsafe class StructLogger(StructLoggerOptions? options = null) : ITracer
{
    private sealed class FrameState(CallFrame frame)
    {
        public readonly CallFrame Frame = frame;
        public readonly Dictionary<UInt256, UInt256> Storage = [];
        public StructLog? Pending;
        public bool CostKnown;

        public void Settle(long gasAfter)
        {
            if (Pending is null || CostKnown) return;
            Pending.GasCost = Pending.Gas - gasAfter;
            CostKnown = true;
        }
    }

    private readonly StructLoggerOptions _options = options ?? new StructLoggerOptions();
    private readonly List<StructLog> _logs = [];
    private readonly Stack<FrameState> _frames = new();

    public IReadOnlyList<StructLog> Logs => _logs;

    public void OnCallEnter(ExecutionEnvironment env, CallFrame frame)
    {
        if (_frames.TryPeek(out var caller)) caller.Settle(caller.Frame.Gas);
        _frames.Push(new FrameState(frame));
    }

    public void OnCallExit(ExecutionEnvironment env, CallFrame frame, ExitReason reason, long gasLeft, ReadOnlySpan<byte> output)
    {
        var state = _frames.Pop();
        // The halting step never reaches OnStepEnd: settle it with the gas the frame had when it stopped.
        state.Settle(frame.Gas);
        if (state.Pending is { } last && reason.IsExceptional()) last.Error = Describe(reason);
    }

    public void OnStep(ExecutionEnvironment env, CallFrame frame, int pc, byte opcode, long gas)
    {
        var state = _frames.Peek();
        state.Settle(gas);
        if (_options.Limit > 0 && _logs.Count >= _options.Limit) { state.Pending = null; return; }

        UInt256[]? stack = null;
        if (!_options.DisableStack)
        {
            stack = new UInt256[frame.StackSize];
            for (int i = 0; i < frame.StackSize; i++) stack[i] = frame.StackPointer[i];
        }
        Dictionary<UInt256, UInt256>? storage = null;
        if (!_options.DisableStorage && opcode is (byte)Opcode.SLOAD or (byte)Opcode.SSTORE && frame.StackSize >= 1)
        {
            var key = frame.StackPointer[frame.StackSize - 1];
            if (opcode == (byte)Opcode.SSTORE && frame.StackSize >= 2) state.Storage[key] = frame.StackPointer[frame.StackSize - 2];
            else if (opcode == (byte)Opcode.SLOAD) state.Storage[key] = env.State.GetStorage(frame.Message.Recipient, key);
            storage = new Dictionary<UInt256, UInt256>(state.Storage);
        }
        var log = new StructLog
        {
            Pc = pc,
            Op = OpcodeMetadata.Name(opcode),
            Gas = gas,
            Depth = frame.Depth + 1,
            Refund = env.State.Refund,
            Stack = stack,
            Memory = _options.EnableMemory ? frame.Memory.Active.ToArray() : null,
            Storage = storage,
        };
        _logs.Add(log);
        state.Pending = log;
        state.CostKnown = false;
    }

    public void OnStepEnd(ExecutionEnvironment env, CallFrame frame, long gasLeft) => _frames.Peek().Settle(gasLeft);

    /// <summary>The result for a transaction (or a bare call), as debug_traceTransaction returns it.</summary>
    public StructLogResult Result(ulong gasUsed, bool failed, byte[] returnValue) => new(gasUsed, failed, returnValue, _logs);

    /// <summary>geth's wording for the common halts, so tools that match on it keep working.</summary>
    public static string Describe(ExitReason reason) => reason switch
    {
        ExitReason.OutOfGas => "out of gas",
        ExitReason.InvalidOpcode => "invalid opcode",
        ExitReason.StackUnderflow => "stack underflow",
        ExitReason.StackOverflow => "stack limit reached 1024 (1023)",
        ExitReason.InvalidJump => "invalid jump destination",
        ExitReason.StaticStateChange => "write protection",
        ExitReason.ReturnDataOutOfBounds => "return data out of bounds",
        ExitReason.CodeSizeLimit => "max code size exceeded",
        ExitReason.InvalidCodePrefix => "invalid code: must not begin with 0xef",
        ExitReason.CreateCollision => "contract address collision",
        ExitReason.Revert => "execution reverted",
        _ => reason.ToString(),
    };
}
