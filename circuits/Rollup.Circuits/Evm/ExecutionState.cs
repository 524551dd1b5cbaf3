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
    Lt,
    Gt,
    Slt,
    Sgt,
    Eq,
    IsZero,
    Not,
    Byte,
    Shl,
    Shr,
    Sar,
    ErrorInvalidOpcode,
    ErrorStackUnderflow,
    ErrorStackOverflow,
    ErrorOutOfGasStatic,
    ErrorInvalidJump,
    ErrorInvalidJumpI,
    Mul,
    Div,
    Mod,
    SDiv,
    SMod,
    AddMod,
    MulMod,
    SignExtend,
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
    /// <summary>A transaction's start: nonce, gas purchase, access-list warm-ups (first 16 accesses).</summary>
    BeginTx,
    /// <summary>A transaction's start, continued for a call to code: coinbase warm-up, nonce bump, value transfer, code, call context.</summary>
    BeginTxCall,
    /// <summary>A transaction's end: success flag, refund, gas returned to the sender, priority fee to the coinbase.</summary>
    EndTx,
    /// <summary>COINBASE, TIMESTAMP, NUMBER, GASLIMIT, CHAINID, BASEFEE.</summary>
    BlockContext,
    Sload,
    SelfBalance,
    /// <summary>A transaction's start, continued for a plain transfer (a recipient without code).</summary>
    BeginTxTransfer,
    Tload,
    Tstore,
    Origin,
    Sstore,
    CallDataLoad,
    Exp,
    /// <summary>One multiplication of an EXP, after the EXP step (no instruction of its own).</summary>
    ExpIteration,
    /// <summary>Out of gas on memory expansion: MLOAD, MSTORE, MSTORE8, RETURN, REVERT.</summary>
    ErrorOutOfGasMemory,
    /// <summary>Out of gas on SLOAD's cold-access cost.</summary>
    ErrorOutOfGasSload,
    /// <summary>Out of gas on SSTORE: the 2,300-gas stipend rule or its EIP-2200/2929 cost.</summary>
    ErrorOutOfGasSstore,
    /// <summary>Out of gas on EXP's cost per exponent byte.</summary>
    ErrorOutOfGasExp,
}
