using Rollup.Circuits.Evm;
using Rollup.Circuits.Evm.Gadgets;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>SSTORE on real transactions. The gas and refund cases are EIP-3529's published test cases (code, gas used,
/// refund, original value; the EIP assumes a warm slot, so a cold first access adds 2,100 here): the EVM's trace must
/// match them, the circuit must accept it and catch every owned-cell mutation. Lies about the original (committed)
/// value, the gas and the refund are rejected by name; the committed value follows the slot across transactions and a
/// reverted SSTORE's write and refund are undone.</summary>
public class SstoreGadgetTests(ITestOutputHelper output)
{
    public static TheoryData<string, long, long, int> Eip3529Cases => new()
    {
        { "60006000556000600055", 212, 0, 0 },
        { "60006000556001600055", 20112, 0, 0 },
        { "60016000556000600055", 20112, 19900, 0 },
        { "60016000556002600055", 20112, 0, 0 },
        { "60016000556001600055", 20112, 0, 0 },
        { "60006000556000600055", 3012, 4800, 1 },
        { "60006000556001600055", 3012, 2800, 1 },
        { "60006000556002600055", 3012, 0, 1 },
        { "60026000556000600055", 3012, 4800, 1 },
        { "60026000556003600055", 3012, 0, 1 },
        { "60026000556001600055", 3012, 2800, 1 },
        { "60026000556002600055", 3012, 0, 1 },
        { "60016000556000600055", 3012, 4800, 1 },
        { "60016000556002600055", 3012, 0, 1 },
        { "60016000556001600055", 212, 0, 1 },
        { "600160005560006000556001600055", 40118, 19900, 0 },
        { "600060005560016000556000600055", 5918, 7600, 1 },
    };

    private static EvmTestbed.Built Build(byte[] code, int original, Action<ZkTrace>? alter = null)
    {
        var batch = new TransactionBatch();
        var contract = batch.Deploy(code, storage: original == 0 ? null : [new(UInt256.Zero, new UInt256((ulong)original))]);
        batch.Call(contract);
        return EvmTestbed.BuildTransactions(batch, alter is null ? null : (_, t) => alter(t));
    }

    [Theory]
    [MemberData(nameof(Eip3529Cases))]
    public void EIP_3529_cases_match_and_every_mutation_is_caught(string code, long gasUsed, long refund, int original)
    {
        var b = Build(Convert.FromHexString(code), original);
        var steps = b.Trace.Steps;
        long used = steps[0].GasLeft - (steps[^1].GasLeft - steps[^1].GasCost);
        Assert.Equal(gasUsed + SstoreGadget.ColdCost, used);
        Assert.Equal(refund, (long)b.Trace.Rw.LastOrDefault(e => e.Tag == RwTag.TxRefund && e.IsWrite).Value.U0);

        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.Sstore).AssertAllCaught(output);
    }

    private static byte[] Store(ulong value) => new BytecodeBuilder().Push(value).Push(0).Op(Opcode.SSTORE).Op(Opcode.STOP).Build();

    [Fact]
    public void An_original_value_that_is_not_the_slot_at_the_transaction_start_is_rejected()
    {
        // Original 1, set to 2: the trace claims the original was 2 (so the SSTORE would cost 100, not 2,900).
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(Build(Store(2), 1, t =>
        {
            for (int i = 0; i < t.Rw.Count; i++)
                if (t.Rw[i].Tag == RwTag.Storage) t.Rw[i] = t.Rw[i] with { Committed = new UInt256(2) };
        }).Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("a fresh committed value is the value before (lo)"));
    }

    [Fact]
    public void A_cheaper_SSTORE_is_rejected()
    {
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(Build(Store(2), 1, TraceLies.WrongGas(0x55, 1)).Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("Sstore: transition: gas"));
    }

    [Fact]
    public void A_wrong_refund_is_rejected()
    {
        // Clearing a non-zero original refunds 4,800; the trace claims 4,801.
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(Build(Store(0), 1, t =>
        {
            int i = t.Rw.FindIndex(e => e.Tag == RwTag.TxRefund && e.IsWrite);
            t.Rw[i] = t.Rw[i] with { Value = t.Rw[i].Value + UInt256.One };
        }).Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("refund write: adds the net change"));
    }

    [Fact]
    public void A_reverted_store_and_its_refund_are_undone()
    {
        // Original 1 cleared (refund 4,800), then REVERT: the log undoes the refund, the write and the warm-up.
        var batch = new TransactionBatch();
        var contract = batch.Deploy(new BytecodeBuilder().Push(0).Push(0).Op(Opcode.SSTORE).Push(0).Push(0).Op(Opcode.REVERT).Build(),
            storage: [new(UInt256.Zero, UInt256.One)]);
        batch.Call(contract);
        var b = EvmTestbed.BuildTransactions(batch, mustSucceed: false);
        var undo = b.Steps.Single(s => s.Undo.Count > 0).Undo;
        Assert.Equal([RwTag.TxRefund, RwTag.Storage, RwTag.AccessListStorage, RwTag.Account, RwTag.Account], undo.Select(e => e.Tag).ToArray());
        Assert.Equal(UInt256.One, undo[1].Value); // the slot is back to its original
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Sstore or ExecutionState.Revert).AssertAllCaught(output);
    }

    [Fact]
    public void The_original_value_is_the_slot_after_the_previous_transaction()
    {
        // The same slot in two transactions: 1 → 2, then 2 → 0. The second's original is 2 (its clearing refund 4,800
        // and cost 2,900 prove it); a trace claiming the batch's start value 1 is rejected.
        var batch = new TransactionBatch();
        var contract = batch.Deploy(new BytecodeBuilder().Op(Opcode.CALLVALUE).Push(0).Op(Opcode.SSTORE).Op(Opcode.STOP).Build(),
            storage: [new(UInt256.Zero, UInt256.One)]);
        batch.Call(contract, value: new UInt256(2));
        batch.Call(contract, value: UInt256.Zero);
        var b = EvmTestbed.BuildTransactions(batch);
        var stores = b.Steps.Where(s => s.State == ExecutionState.Sstore).ToList();
        Assert.Equal([UInt256.One, new UInt256(2)], stores.Select(s => s.Rw[5].Committed).ToArray());
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));

        var lie = EvmTestbed.BuildTransactions(Rebuild(), (i, t) =>
        {
            if (i != 1) return;
            for (int j = 0; j < t.Rw.Count; j++)
                if (t.Rw[j].Tag == RwTag.Storage) t.Rw[j] = t.Rw[j] with { Committed = UInt256.One };
        });
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(lie.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("a fresh committed value is the value before (lo)"));

        TransactionBatch Rebuild()
        {
            var again = new TransactionBatch();
            var c = again.Deploy(new BytecodeBuilder().Op(Opcode.CALLVALUE).Push(0).Op(Opcode.SSTORE).Op(Opcode.STOP).Build(),
                storage: [new(UInt256.Zero, UInt256.One)]);
            again.Call(c, value: new UInt256(2));
            again.Call(c, value: UInt256.Zero);
            return again;
        }
    }
}
