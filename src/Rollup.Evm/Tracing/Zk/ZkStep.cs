using MessagePack;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>One executed instruction as the EVM circuit sees it: where it ran, what it cost, and where its
/// accesses start in the read/write log (they run up to the next step's <see cref="RwCounter"/>).</summary>
[MessagePackObject]
public sealed class ZkStep
{
    [Key(0)] public int Pc { get; init; }
    [Key(1)] public byte Opcode { get; init; }
    /// <summary>Gas left before the step.</summary>
    [Key(2)] public long GasLeft { get; init; }
    /// <summary>The gas before minus the gas after (for CALL/CREATE, after handing gas to the callee).</summary>
    [Key(3)] public long GasCost { get; set; }
    /// <summary>0 for the transaction's own call.</summary>
    [Key(4)] public int Depth { get; init; }
    [Key(5)] public int CallId { get; init; }
    /// <summary>Stack items before the step.</summary>
    [Key(6)] public int StackPointer { get; init; }
    [Key(7)] public ulong MemorySize { get; init; }
    /// <summary>The log position this step's accesses start at.</summary>
    [Key(8)] public int RwCounter { get; init; }
    /// <summary>How many log entries the step itself made (for CALL and CREATE, up to the callee's start).</summary>
    [Key(9)] public int RwCount { get; set; } = -1;
    /// <summary>Why the step ended its call, if it did (STOP, RETURN, REVERT, or an exceptional halt such as
    /// out-of-gas, stack underflow, invalid jump); <see cref="ExitReason.Running"/> for a step after which the call went
    /// on. The circuits map an exceptional halt to its error state, not to the opcode's gadget.</summary>
    [Key(10)] public ExitReason Halt { get; set; }
}

/// <summary>A transaction's zk trace: its steps and its read/write log.</summary>
[MessagePackObject]
public sealed class ZkTrace
{
    [Key(0)] public List<ZkStep> Steps { get; init; } = [];
    [Key(1)] public List<RwEntry> Rw { get; init; } = [];
}
