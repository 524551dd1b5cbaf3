using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;

namespace Rollup.Evm.Blocks;

/// <summary>EIP-4788: before a Cancun block's transactions, the system address calls the beacon-roots contract with
/// the parent beacon block root, which the contract stores in a ring buffer keyed by the block's timestamp. The call
/// costs the block nothing: no gas is counted, no fee paid, no nonce bumped.</summary>
public static class BeaconRoots
{
    public static readonly Address ContractAddress = Address.Parse("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
    /// <summary>The caller of system calls; it holds no key, so no transaction can come from it.</summary>
    public static readonly Address SystemAddress = Address.Parse("0xfffffffffffffffffffffffffffffffffffffffe");
    public const long CallGas = 30_000_000;

    /// <summary>Runs the system call as its own transaction-like step, so that warm sets and touched accounts are
    /// settled before the first transaction (the system address, touched with a zero transfer, is not left behind).
    /// When the contract has no code the call does nothing, as the EIP requires.</summary>
    public static void Apply(JournaledState state, ForkRules rules, BlockEnvironment block, Hash256 parentBeaconBlockRoot)
    {
        state.BeginTransaction();
        if (state.GetCode(ContractAddress).Length > 0)
        {
            var env = new ExecutionEnvironment { Rules = rules, Block = block, State = state, Origin = SystemAddress, GasPrice = UInt256.Zero };
            new EvmExecutor(env).Execute(new Message
            {
                Kind = CallKind.Call, Depth = 0, Gas = CallGas, Sender = SystemAddress, Recipient = ContractAddress,
                CodeAddress = ContractAddress, Value = UInt256.Zero, TransfersValue = true, Input = parentBeaconBlockRoot.ToArray(),
            });
        }
        state.CommitTransaction(rules);
    }
}
