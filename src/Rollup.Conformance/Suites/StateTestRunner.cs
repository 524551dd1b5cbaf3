using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Core.Chain;
using Rollup.Evm.Tracing;

namespace Rollup.Conformance.Suites;

/// <summary>Runs one state-test case: builds the pre-state, decodes and validates the transaction, executes it and
/// reports the post-state root and logs hash. Also used by tests and tools that want to trace a fixture.</summary>
public static class StateTestRunner
{
    public sealed record Outcome(Hash256 StateRoot, Hash256 LogsHash, TxException? Rejection, TransactionResult? Result);

    public static InMemoryStateSource BuildPreState(StateTestFixture fixture)
    {
        var source = new InMemoryStateSource();
        foreach (var (address, (nonce, balance, code, storage)) in fixture.Pre)
            source.SetAccount(address, nonce, balance, code, storage);
        return source;
    }

    public static Outcome Run(StateTestFixture fixture, ForkRules rules, StateTestCase c, ulong chainId, ITracer? tracer = null)
    {
        var source = BuildPreState(fixture);
        TxException? rejection = null;
        TransactionResult? result = null;
        try
        {
            var tx = TransactionDecoder.Decode(c.TxBytes ?? throw new InvalidOperationException("case has no txbytes"), rules);
            var sender = TransactionValidator.Validate(tx, rules, chainId);
            var state = new JournaledState(source);
            result = new TransactionProcessor(rules, fixture.Block).Execute(tx, sender, state, fixture.Block.GasLimit, tracer);
            source.Apply(state.GetChanges());
        }
        catch (TxException e)
        {
            rejection = e;
        }
        return new Outcome(MptStateRoot.Compute(source), LogsHash.Compute(result?.Logs ?? []), rejection, result);
    }
}
