namespace Rollup.Circuits.Evm;

/// <summary>What a step of the EVM circuit does. Each has one gadget; the step's flag for it is set.</summary>
public enum ExecutionState
{
    /// <summary>Rows after the last real step: nothing happens, nothing is read.</summary>
    Padding,
    Stop,
    JumpDest,
    Pop,
    Push,
    Add,
    Sub,
    And,
    Or,
    Xor,
    Dup,
    Swap,
    Jump,
    Jumpi,
    Pc,
    Msize,
    Gas,
    Mload,
    Mstore,
    Mstore8,
    Return,
    Revert,
    Address,
    Caller,
    CallValue,
    CallDataSize,
}
