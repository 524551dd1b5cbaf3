using Rollup.Core.Numerics;
using Rollup.Evm.State;

namespace Rollup.Sequencer.Mempool;

/// <summary>What the pool needs to know of the chain to judge a transaction.</summary>
public interface IPoolChain
{
    ulong ChainId { get; }
    /// <summary>The state after the head block (nonces and balances).</summary>
    IStateSource HeadState();
    /// <summary>The base fee the next block will have.</summary>
    UInt256 NextBaseFee { get; }
    ulong BlockGasLimit { get; }
}
