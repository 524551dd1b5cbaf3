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
    /// <summary>State writes the current call has made before the step that a revert would undo (the value transfer,
    /// warm-ups, storage and transient writes): the k-th such write (from 0) is undone at counter
    /// <see cref="EndOfReversion"/> − k if the call fails.</summary>
    ReversibleWrites = 9,
    /// <summary>1 if the current call ends successfully (its writes stay), 0 if it reverts or halts exceptionally: a
    /// claim made when the call starts and checked by the step that ends it.</summary>
    IsPersistent = 10,
    /// <summary>For a call that fails: the counter of the last entry of the undo block that follows its halting step
    /// (the log undoes a failed call's writes there, newest first). Pinned by the halting step.</summary>
    EndOfReversion = 11,
}
