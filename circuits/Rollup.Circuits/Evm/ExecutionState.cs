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
}
