using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>One running call: its code, stack, memory, gas and program counter, and the context the environment
/// instructions read. Frames are pooled: a stack of 1,024 words is 32 KiB and calls are frequent.</summary>
public sealed unsafe class CallFrame
{
    public readonly UInt256[] StackBuffer = GC.AllocateArray<UInt256>(EvmLimits.StackLimit, pinned: true);
    public readonly EvmMemory Memory = new();

    public int StackSize;
    public long Gas;
    public int Pc;
    /// <summary>Why the frame halted, once it has.</summary>
    public ExitReason Exit;

    public CodeInfo Code = CodeInfo.Empty;
    /// <summary>The first byte of <see cref="CodeInfo.Padded"/> (pinned), for the interpreter's jumps.</summary>
    public byte* CodeStart;
    /// <summary>The environment the frame runs in; kept here so the interpreter loop need not hold it in a register.</summary>
    public ExecutionEnvironment Env = null!;
    public Message Message = null!;
    public byte[] ReturnData = [];

    /// <summary>RETURN/REVERT output of this frame once it ends.</summary>
    public byte[] Output = [];

    /// <summary>Journal position to revert to if the frame fails.</summary>
    public int Snapshot;

    /// <summary>A CALL or CREATE this frame asked for, while it waits for the result.</summary>
    public Message? PendingMessage;
    /// <summary>Where the pending call's return data goes in this frame's memory.</summary>
    public ulong ReturnOffset, ReturnLength;

    /// <summary>Which call this is in the transaction (0 for the top level), for tracers.</summary>
    public int CallId;

    public Address Address => Message.Recipient;
    public bool IsStatic => Message.IsStatic;
    public int Depth => Message.Depth;

    /// <summary>The bottom of the stack (the buffer is pinned, so the address never changes).</summary>
    public readonly UInt256* StackPointer;

    public CallFrame()
    {
        StackPointer = (UInt256*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(StackBuffer));
    }

    public void Reset(ExecutionEnvironment env, Message message, CodeInfo code, int snapshot, int callId)
    {
        Env = env;
        Message = message;
        Code = code;
        CodeStart = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(code.Padded));
        Gas = message.Gas;
        Pc = 0;
        StackSize = 0;
        Exit = ExitReason.Running;
        ReturnData = [];
        Output = [];
        Snapshot = snapshot;
        PendingMessage = null;
        CallId = callId;
        Memory.Reset();
    }
}
