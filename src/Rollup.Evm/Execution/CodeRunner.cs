using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Execution;

/// <summary>Runs bytecode as the code of a contract, outside any transaction: for benchmarks, tests and tools that
/// want the EVM alone. The contract and a caller are set up in a fresh in-memory state.</summary>
public sealed class CodeRunner
{
    public static readonly Address ContractAddress = Address.Parse("0x00000000000000000000000000000000c0de0001");
    public static readonly Address CallerAddress = Address.Parse("0x00000000000000000000000000000000ca11e401");

    public Fork Fork { get; init; } = Fork.Cancun;
    public BlockEnvironment Block { get; init; } = new() { Number = 1, Timestamp = 1, GasLimit = 30_000_000, ChainId = 1 };
    public ITracer? Tracer { get; init; }
    /// <summary>Other contracts' code on the chain the call runs on (say, data the code reads with EXTCODECOPY).</summary>
    public IReadOnlyDictionary<Address, byte[]> OtherCode { get; init; } = new Dictionary<Address, byte[]>();

    /// <summary>Calls <paramref name="code"/> with <paramref name="input"/> and <paramref name="gas"/>; returns the
    /// result and the state it ran on (for inspecting storage and logs afterwards).</summary>
    public (CallResult Result, JournaledState State) Run(byte[] code, byte[] input, long gas, UInt256 value = default)
    {
        var source = new InMemoryStateSource();
        source.SetAccount(ContractAddress, 1, UInt256.Zero, code);
        source.SetAccount(CallerAddress, 0, UInt256.MaxValue / 2, []);
        foreach (var (address, other) in OtherCode) source.SetAccount(address, 1, UInt256.Zero, other);
        var state = new JournaledState(source);
        state.BeginTransaction();
        var rules = ForkRules.For(Fork);
        Host.IWorldState world = Tracer is IStateObserver observer ? observer.Observe(state) : state;
        var env = new ExecutionEnvironment
        {
            Rules = rules, Block = Block, State = world, Origin = CallerAddress, GasPrice = UInt256.One, Tracer = Tracer,
        };
        if (rules.IsBerlin) { world.WarmAccount(CallerAddress); world.WarmAccount(ContractAddress); }
        var executor = new EvmExecutor(env);
        var result = executor.Execute(new Message
        {
            Kind = CallKind.Call, Gas = gas, Sender = CallerAddress, Recipient = ContractAddress, CodeAddress = ContractAddress,
            Value = value, TransfersValue = true, Input = input,
        });
        return (result, state);
    }
}
