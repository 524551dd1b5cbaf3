using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>A request to run code: the transaction's top-level call or create, or one made by CALL-family and CREATE
/// instructions. For creates, <see cref="Recipient"/> is the new contract's address and <see cref="Input"/> the initcode.</summary>
public sealed class Message
{
    public CallKind Kind { get; init; }
    public int Depth { get; init; }
    public long Gas { get; init; }
    /// <summary>The account whose storage and balance the code acts on (ADDRESS).</summary>
    public Address Recipient { get; init; }
    /// <summary>CALLER.</summary>
    public Address Sender { get; init; }
    /// <summary>The account whose code runs (differs from Recipient for CALLCODE and DELEGATECALL).</summary>
    public Address CodeAddress { get; init; }
    /// <summary>CALLVALUE (for DELEGATECALL the parent's value; nothing is transferred then).</summary>
    public UInt256 Value { get; init; }
    /// <summary>Whether Value moves from Sender to Recipient (false for DELEGATECALL).</summary>
    public bool TransfersValue { get; init; }
    public byte[] Input { get; init; } = [];
    public bool IsStatic { get; init; }
    /// <summary>CREATE2's salt.</summary>
    public UInt256 Salt { get; init; }
}
