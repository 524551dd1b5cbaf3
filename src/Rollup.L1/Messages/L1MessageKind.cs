namespace Rollup.L1.Messages;

/// <summary>The kinds of L1 -> L2 queue entries; the values are the Solidity enum's (contracts/L1MessageQueue.sol).</summary>
public enum L1MessageKind : byte
{
    /// <summary>Credit the value (locked on L1) to the recipient on L2; runs no code.</summary>
    Deposit = 0,
    /// <summary>Call the recipient on L2 from the sender with the value (locked on L1) and data.</summary>
    Message = 1,
    /// <summary>An L2 transaction from the sender, paid from its L2 balance, that the sequencer must include.</summary>
    ForcedTransaction = 2,
}
