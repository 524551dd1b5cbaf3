using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>The block-context opcodes (COINBASE, TIMESTAMP, NUMBER, GASLIMIT, CHAINID, BASEFEE), SELFBALANCE and SLOAD
/// (cold, warm, a preset and an empty slot) in a real transaction: the honest witness satisfies the circuit, every owned
/// cell mutated is caught, and traces that lie about a pushed value, a storage value read or the warm/cold gas are
/// rejected by a named constraint.</summary>
public class ContextAndStorageGadgetTests(ITestOutputHelper output)
{
    private static readonly UInt256 Stored = UInt256.Parse("0xdeadbeef00000000000000000000000000000000000000000000000000c0ffee");

    private static byte[] Program()
    {
        var code = new BytecodeBuilder();
        foreach (var op in new[] { Opcode.NUMBER, Opcode.TIMESTAMP, Opcode.COINBASE, Opcode.GASLIMIT, Opcode.CHAINID, Opcode.BASEFEE, Opcode.SELFBALANCE, Opcode.ORIGIN })
            code.Op(op).Op(Opcode.POP);
        code.Push(1).Op(Opcode.SLOAD).Op(Opcode.POP);   // cold, preset
        code.Push(1).Op(Opcode.SLOAD).Op(Opcode.POP);   // warm
        code.Push(2).Op(Opcode.SLOAD).Op(Opcode.POP);   // cold, empty
        code.Push(3).Op(Opcode.TLOAD).Op(Opcode.POP);   // zero at the start of every transaction
        code.Push(Stored).Push(3).Op(Opcode.TSTORE);
        code.Push(3).Op(Opcode.TLOAD).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    private static TransactionBatch Batch()
    {
        var batch = new TransactionBatch();
        var contract = batch.Deploy(Program(), storage: [new(UInt256.One, Stored)], balance: 1_000);
        batch.Call(contract, value: 5);
        batch.Call(contract, from: TransactionBatch.Bob);
        return batch;
    }

    [Fact]
    public void Honest_witness_passes_and_every_mutation_is_caught()
    {
        var b = EvmTestbed.BuildTransactions(Batch());
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.BlockContext or ExecutionState.Sload or ExecutionState.SelfBalance
            or ExecutionState.Tload or ExecutionState.Tstore or ExecutionState.Origin)
            .AssertAllCaught(output);
    }

    private IReadOnlyList<ConstraintFailure> Lie(Action<ZkTrace> alter)
    {
        var b = EvmTestbed.BuildTransactions(Batch(), (i, t) => { if (i == 0) alter(t); });
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        return failures;
    }

    /// <summary>The <paramref name="n"/>-th step running <paramref name="op"/> pushes <paramref name="value"/> instead, and
    /// the POP after it reads that lie (so the stack log stays consistent).</summary>
    private static void PushLie(ZkTrace t, Opcode op, int n, UInt256 value)
    {
        int i = t.Steps.Select((s, k) => (s, k)).Where(p => p.s.Opcode == (byte)op).ElementAt(n).k;
        var step = t.Steps[i];
        int w = step.RwCounter + step.RwCount - 1;
        t.Rw[w] = t.Rw[w] with { Value = value };
        int r = t.Steps[i + 1].RwCounter;
        t.Rw[r] = t.Rw[r] with { Value = value, Previous = value };
    }

    [Theory]
    [InlineData(Opcode.NUMBER, "BlockContext: pushes the field (lo)")]
    [InlineData(Opcode.COINBASE, "BlockContext: pushes the field (lo)")]
    [InlineData(Opcode.BASEFEE, "BlockContext: pushes the field (lo)")]
    [InlineData(Opcode.SELFBALANCE, "SelfBalance: pushes the balance (lo)")]
    [InlineData(Opcode.SLOAD, "Sload: pushes the stored value (lo)")]
    [InlineData(Opcode.TLOAD, "Tload: pushes the slot's value (lo)")]
    [InlineData(Opcode.ORIGIN, "Origin: pushes the origin (lo)")]
    public void A_wrong_pushed_value_is_rejected(Opcode op, string constraint)
    {
        var failures = Lie(t => PushLie(t, op, 0, new UInt256(99)));
        Assert.Contains(failures, f => f.Name == constraint);
    }

    [Fact]
    public void A_storage_read_that_disagrees_with_the_state_is_rejected()
    {
        // The warm SLOAD reads (and pushes) a value other than the one the first SLOAD of the slot read.
        var failures = Lie(t =>
        {
            var second = t.Steps.Where(s => s.Opcode == (byte)Opcode.SLOAD).ElementAt(1);
            int r = second.RwCounter + 2;
            var wrong = Stored + UInt256.One;
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
            PushLie(t, Opcode.SLOAD, 1, wrong);
        });
        Assert.Contains(failures, f => f.Name.Contains("previous is the key's last value"));
    }

    [Fact]
    public void Transient_storage_carried_into_the_next_transaction_is_rejected()
    {
        // The second transaction's first TLOAD claims to see the first transaction's TSTORE: transient slots are per
        // transaction, so the read is a first access that must start from zero.
        var b = EvmTestbed.BuildTransactions(Batch(), (i, t) => { if (i == 1) PushLie(t, Opcode.TLOAD, 0, Stored); });
        // (PushLie changed the pushed value; the read itself must say the same for the TLOAD gadget to be happy.)
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        Assert.Contains(failures, f => f.Name == "Tload: pushes the slot's value (lo)");
        var lie = EvmTestbed.BuildTransactions(Batch(), (i, t) =>
        {
            if (i != 1) return;
            var tload = t.Steps.First(s => s.Opcode == (byte)Opcode.TLOAD);
            t.Rw[tload.RwCounter + 1] = t.Rw[tload.RwCounter + 1] with { Value = Stored, Previous = Stored };
            PushLie(t, Opcode.TLOAD, 0, Stored);
        });
        var state = new ConstraintChecker { MaxFailures = 20 }.Check(lie.Assignment);
        output.WriteLine(string.Join("\n", state.Take(5)));
        Assert.Contains(state, f => f.Name.Contains("a zero-initialised key starts at zero"));
    }

    [Fact]
    public void Warm_gas_for_a_cold_slot_is_rejected()
    {
        // The first SLOAD is charged as warm (100): the gas after it is 2,000 higher.
        var gas = Lie(t =>
        {
            int i = t.Steps.FindIndex(s => s.Opcode == (byte)Opcode.SLOAD);
            for (int j = i + 1; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft + 2_000);
        });
        Assert.Contains(gas, f => f.Name == "Sload: transition: gas");
        // And claiming the slot was already warm contradicts the access list, which starts cold.
        var warm = Lie(t =>
        {
            int i = t.Steps.FindIndex(s => s.Opcode == (byte)Opcode.SLOAD);
            int w = t.Steps[i].RwCounter + 1;
            t.Rw[w] = t.Rw[w] with { Previous = UInt256.One };
            for (int j = i + 1; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft + 2_000);
        });
        Assert.Contains(warm, f => f.Name.Contains("a zero-initialised key starts at zero"));
    }
}
