namespace Rollup.Circuits.Evm;

/// <summary>The step state, one field per row of the step-state column, at these rotations from the step's first row.</summary>
public enum StepField
{
    Pc = 0,
    Gas = 1,
    /// <summary>Items on the stack before the step.</summary>
    StackSize = 2,
    /// <summary>The read/write counter of the step's first access.</summary>
    RwCounter = 3,
    CallId = 4,
    /// <summary>Memory size in bytes before the step.</summary>
    MemorySize = 5,
    Opcode = 6,
    CodeId = 7,
    /// <summary>The transaction the step belongs to (1, 2, … in batch order).</summary>
    TxId = 8,
}
