using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.Host;
using Rollup.Evm.Instructions;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>Records what the zkEVM circuits prove: every step (pc, opcode, gas, cost, depth, call id, stack pointer,
/// memory size, rw counter) and one ordered read/write log of every stack, memory, storage, transient-storage,
/// account-field, call-context, access-list and refund access. Stack and memory accesses come from the steps
/// (what each opcode reads and writes, <see cref="MemoryAccess"/>); state accesses come from wrapping the world
/// state (<see cref="IStateObserver"/>).
/// <para>A step that halts exceptionally logs what the EVM touched before it halted, and nothing more: a step refused
/// before it runs (undefined opcode, stack out of bounds, less gas than the static cost) logs nothing; any other logs
/// its stack inputs, then the state accesses the EVM made while working out its cost (SLOAD's and SSTORE's warm-up of
/// the slot, SSTORE's read of the current value; none when SSTORE is refused by the 2,300-gas stipend rule, which comes
/// first); memory is read only once it is paid for (<see cref="MemoryAccess.Affordable"/>), and no result is written.
/// A failed call's undo entries follow, as for any failed call.</para></summary>
public sealed unsafe class ZkTracer : ITracer, IStateObserver
{
    private sealed class Frame(CallFrame frame, int callId)
    {
        public readonly CallFrame CallFrame = frame;
        public readonly int CallId = callId;
        public ZkStep? Pending;
        public bool CostKnown;
        /// <summary>The pending step ran to its end (the call went on after it).</summary>
        public bool PendingEnded;
        /// <summary>The observed state's snapshot taken for this call (reverting it ends the call), or −1.</summary>
        public int Snapshot = -1;
        public int PendingStackOut;
        public (ulong Offset, ulong Length) PendingMemoryWrite;
        /// <summary>The words the pending write region overlaps, as they were before the step (their previous values).</summary>
        public UInt256[] MemoryBefore = [];
        /// <summary>The last value written to each stack slot in this call: a write's previous value (the stack
        /// starts empty, so a slot never written holds zero).</summary>
        public readonly Dictionary<int, UInt256> StackShadow = [];
    }

    private readonly ZkTrace _trace = new();
    private readonly Stack<Frame> _frames = new();
    private int _nextCallId = 1;

    /// <summary>The transaction's index in its block (the id of transaction-scoped entries).</summary>
    public int TransactionId { get; init; }

    public ZkTrace Trace => _trace;

    private ObservedWorldState? _observed;

    public IWorldState Observe(IWorldState state) => _observed = new ObservedWorldState(state, this);

    /// <summary>Called before a revert's undo entries are logged. When the call itself is being reverted (its own
    /// snapshot), its halting step's accesses end here: the undo entries belong to the call's end, not to the step.</summary>
    internal void BeforeRevert(int snapshot)
    {
        if (_frames.TryPeek(out var f) && f.Snapshot == snapshot) CloseAccesses(f);
    }

    internal RwEntry Append(bool isWrite, RwTag tag, int id, in Address address, in UInt256 key, in UInt256 value, in UInt256 previous, in UInt256 committed = default)
    {
        var entry = new RwEntry(_trace.Rw.Count, isWrite, tag, id, address, key, value, previous, committed);
        _trace.Rw.Add(entry);
        return entry;
    }

    private void Stack(bool isWrite, int callId, int slot, in UInt256 value, in UInt256 previous) =>
        Append(isWrite, RwTag.Stack, callId, default, new UInt256((ulong)slot), value, previous);

    private void StackWrite(Frame f, int slot, in UInt256 value)
    {
        var previous = f.StackShadow.GetValueOrDefault(slot);
        Stack(true, f.CallId, slot, value, previous);
        f.StackShadow[slot] = value;
    }

    private void MemoryWord(bool isWrite, int callId, ulong wordIndex, in UInt256 value, in UInt256 previous) =>
        Append(isWrite, RwTag.Memory, callId, default, new UInt256(wordIndex), value, previous);

    private void Context(int callId, CallContextField field, in UInt256 value) =>
        Append(true, RwTag.CallContext, callId, default, new UInt256((ulong)field), value, default);

    public void OnCallEnter(ExecutionEnvironment env, CallFrame frame)
    {
        if (_frames.TryPeek(out var caller))
        {
            Settle(caller, caller.CallFrame.Gas);
            CloseAccesses(caller); // the caller's CALL/CREATE step ends where its callee begins
        }
        var f = new Frame(frame, _nextCallId++) { Snapshot = _observed?.LatestSnapshot ?? -1 };
        _frames.Push(f);
        var m = frame.Message;
        Context(f.CallId, CallContextField.CallerAddress, EvmWord.FromAddress(m.Sender));
        Context(f.CallId, CallContextField.CalleeAddress, EvmWord.FromAddress(m.Recipient));
        Context(f.CallId, CallContextField.CodeAddress, EvmWord.FromAddress(m.CodeAddress));
        Context(f.CallId, CallContextField.Value, m.Value);
        Context(f.CallId, CallContextField.CallDataLength, new UInt256((ulong)m.Input.Length));
        Context(f.CallId, CallContextField.IsStatic, m.IsStatic ? UInt256.One : UInt256.Zero);
        Context(f.CallId, CallContextField.Depth, new UInt256((ulong)m.Depth));
        Context(f.CallId, CallContextField.IsCreate, m.Kind.IsCreate() ? UInt256.One : UInt256.Zero);
    }

    public void OnCallExit(ExecutionEnvironment env, CallFrame frame, ExitReason reason, long gasLeft, ReadOnlySpan<byte> output)
    {
        var f = _frames.Pop();
        Settle(f, frame.Gas);
        CloseAccesses(f);
        if (f.Pending is { } last && !f.PendingEnded) last.Halt = reason; // the step that ended the call
        Context(f.CallId, CallContextField.IsSuccess, reason.IsSuccess() ? UInt256.One : UInt256.Zero);
    }

    public void OnStep(ExecutionEnvironment env, CallFrame frame, int pc, byte opcode, long gas)
    {
        var f = _frames.Peek();
        Settle(f, gas);
        int sp = frame.StackSize;
        var step = new ZkStep
        {
            Pc = pc, Opcode = opcode, GasLeft = gas, Depth = frame.Depth, CallId = f.CallId, StackPointer = sp,
            MemorySize = frame.Memory.Size, RwCounter = _trace.Rw.Count,
        };
        _trace.Steps.Add(step);
        f.Pending = step;
        f.CostKnown = false;
        f.PendingEnded = false;

        ref readonly var meta = ref OpcodeMetadata.Get(opcode);
        UInt256* stack = frame.StackPointer;
        if (HaltsAtOnce(env, opcode, sp, gas)) { f.PendingStackOut = 0; f.PendingMemoryWrite = default; return; }

        // Stack reads: DUPn reads only the slot it copies, SWAPn the two it exchanges; others read their inputs top first.
        if (opcode is >= 0x80 and <= 0x8f) Stack(false, f.CallId, sp - (opcode - 0x7f), stack[sp - (opcode - 0x7f)], stack[sp - (opcode - 0x7f)]);
        else if (opcode is >= 0x90 and <= 0x9f)
        {
            int n = opcode - 0x8f;
            Stack(false, f.CallId, sp - 1, stack[sp - 1], stack[sp - 1]);
            Stack(false, f.CallId, sp - 1 - n, stack[sp - 1 - n], stack[sp - 1 - n]);
        }
        else
            for (int i = 1; i <= meta.StackIn; i++) Stack(false, f.CallId, sp - i, stack[sp - i], stack[sp - i]);

        // Instructions that read the call's context (written on entry, OnCallEnter) log that read.
        if (ContextRead(opcode) is { } field)
            Append(false, RwTag.CallContext, f.CallId, default, new UInt256((ulong)field), ContextValue(frame.Message, field), ContextValue(frame.Message, field));

        f.PendingStackOut = opcode is >= 0x80 and <= 0x8f ? 1 : opcode is >= 0x90 and <= 0x9f ? -(opcode - 0x8f) : meta.StackOut;

        var access = MemoryAccess.Of(opcode, stack, sp);
        var memory = frame.Memory.Active;
        // An instruction that cannot pay for its memory halts out of gas before it reads any: it logs its stack inputs
        // (and the state accesses its cost needs, through the observed state) but no memory access.
        if (access.ReadLength > 0 && access.Affordable(opcode, gas - env.Table.Entries[opcode].StaticGas, frame.Memory.Size, frame.Memory.Cost))
            foreach (ulong w in MemoryAccess.Words(access.ReadOffset, access.ReadLength))
            {
                var word = MemoryAccess.WordAt(memory, w);
                MemoryWord(false, f.CallId, w, word, word);
            }
        // RETURN and REVERT end here: what follows (a revert's undo writes, a create's code deposit) belongs to the
        // call's end, not to the instruction.
        if (opcode is 0xf3 or 0xfd) CloseAccesses(f);
        f.PendingMemoryWrite = (access.WriteOffset, access.WriteLength);
        if (access.WriteLength > 0)
        {
            var words = MemoryAccess.Words(access.WriteOffset, access.WriteLength).ToArray();
            f.MemoryBefore = new UInt256[words.Length];
            for (int i = 0; i < words.Length; i++) f.MemoryBefore[i] = MemoryAccess.WordAt(memory, words[i]);
        }
    }

    /// <summary>Whether the interpreter halts the step before it reads anything: an opcode the fork does not define, a
    /// stack too short for its inputs or too full for its outputs, or less gas than its static cost. Such a step
    /// records no accesses (its error state proves the halt from the step state alone).</summary>
    private static bool HaltsAtOnce(ExecutionEnvironment env, byte opcode, int sp, long gas)
    {
        ref readonly var info = ref env.Table.Entries[opcode];
        ref readonly var meta = ref OpcodeMetadata.Get(opcode);
        return !info.Defined || sp < meta.StackIn || sp - meta.StackIn + meta.StackOut > EvmLimits.StackLimit || gas < info.StaticGas;
    }

    public void OnStepEnd(ExecutionEnvironment env, CallFrame frame, long gasLeft)
    {
        var f = _frames.Peek();
        f.PendingEnded = true;
        Settle(f, gasLeft);
        UInt256* stack = frame.StackPointer;
        int sp = frame.StackSize;
        if (f.PendingStackOut > 0)
        {
            for (int i = f.PendingStackOut; i >= 1; i--) StackWrite(f, sp - i, stack[sp - i]);
        }
        else if (f.PendingStackOut < 0)
        {
            int n = -f.PendingStackOut;
            StackWrite(f, sp - 1, stack[sp - 1]);
            StackWrite(f, sp - 1 - n, stack[sp - 1 - n]);
        }
        f.PendingStackOut = 0;

        var (offset, length) = f.PendingMemoryWrite;
        if (length > 0)
        {
            // A call copies back at most the return data it got; the bytes it did not touch are not written.
            ulong written = f.Pending is { Opcode: >= 0xf0 } ? Math.Min(length, (ulong)frame.ReturnData.Length) : length;
            var memory = frame.Memory.Active;
            int i = 0;
            if (written > 0)
                foreach (ulong w in MemoryAccess.Words(offset, written))
                    MemoryWord(true, f.CallId, w, MemoryAccess.WordAt(memory, w), f.MemoryBefore[i++]);
        }
        f.PendingMemoryWrite = default;
        CloseAccesses(f);
    }

    /// <summary>The call-context field an instruction reads: ADDRESS, CALLER, CALLVALUE, CALLDATASIZE.</summary>
    private static CallContextField? ContextRead(byte opcode) => opcode switch
    {
        0x30 => CallContextField.CalleeAddress,
        0x33 => CallContextField.CallerAddress,
        0x34 => CallContextField.Value,
        0x36 => CallContextField.CallDataLength,
        _ => null,
    };

    /// <summary>The value a call-context field holds, as written on entry.</summary>
    private static UInt256 ContextValue(Message m, CallContextField field) => field switch
    {
        CallContextField.CallerAddress => EvmWord.FromAddress(m.Sender),
        CallContextField.CalleeAddress => EvmWord.FromAddress(m.Recipient),
        CallContextField.Value => m.Value,
        CallContextField.CallDataLength => new UInt256((ulong)m.Input.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void Settle(Frame f, long gasAfter)
    {
        if (f.Pending is null || f.CostKnown) return;
        f.Pending.GasCost = f.Pending.GasLeft - gasAfter;
        f.CostKnown = true;
    }

    /// <summary>Ends the pending step's share of the log (once: a CALL's stack write comes after its callee).</summary>
    private void CloseAccesses(Frame f)
    {
        if (f.Pending is { RwCount: < 0 } step) step.RwCount = _trace.Rw.Count - step.RwCounter;
    }
}
