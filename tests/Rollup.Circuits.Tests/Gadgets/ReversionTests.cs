using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>A failed call's writes are undone: the log writes each back, newest first, right after the halting step.
/// Each reversible write (the value transfer, a slot warmed by SLOAD, a TSTORE) looks up its own undo at the counter
/// end-of-reversion − k; the halting step checks the call's persistence claim and reserves exactly that block. Tested on
/// real failing transactions (REVERT and an invalid opcode) whose writes the EVM itself reverted.</summary>
public class ReversionTests(ITestOutputHelper output)
{
    private static readonly UInt256 Value = new(1234);

    /// <summary>TSTORE, a cold SLOAD (warms the slot), then <paramref name="end"/>: two instruction writes after the
    /// transfer's two.</summary>
    private static byte[] Program(Opcode end)
    {
        var code = new BytecodeBuilder().Push(7).Push(1).Op(Opcode.TSTORE).Push(9).Op(Opcode.SLOAD).Op(Opcode.POP);
        if (end == Opcode.REVERT) code.Push(0).Push(0);
        return code.Op(end).Build();
    }

    private static EvmTestbed.Built Build(Opcode end, Action<ZkTrace>? alter = null)
    {
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(Program(end), CodeRunner.ContractAddress), value: Value);
        batch.Call(batch.Deploy(Program(Opcode.STOP), Rollup.Core.Types.Address.Parse("0x00000000000000000000000000000000c0de0002")), value: Value);
        return EvmTestbed.BuildTransactions(batch, alter is null ? null : (i, t) => { if (i == 0) alter(t); }, mustSucceed: false);
    }

    [Theory]
    [InlineData(Opcode.REVERT)]
    [InlineData(Opcode.INVALID)]
    public void A_failed_call_is_proven_with_its_writes_undone_and_every_mutation_is_caught(Opcode end)
    {
        var b = Build(end);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));

        // The first transaction's halting step carries the undo block: the four reversible writes, newest first, each
        // restoring the value the EVM had before (independent of the circuit: the trace's own writes, swapped).
        var halting = b.Steps.First(s => s.TxId == 1 && s.Undo.Count > 0);
        Assert.Equal(4, halting.Undo.Count);
        var writes = b.Steps.Where(s => s.TxId == 1 && s.State != ExecutionState.BeginTx)
            .SelectMany(s => s.Rw).Where(e => e.IsWrite && e.Tag is RwTag.Account or RwTag.AccessListStorage or RwTag.TransientStorage)
            .Where(e => e.Tag != RwTag.Account || e.Key == new UInt256((ulong)AccountField.Balance)).Take(4).ToList();
        for (int i = 0; i < 4; i++)
        {
            var undo = halting.Undo[3 - i];
            Assert.Equal((writes[i].Tag, writes[i].Key, writes[i].Previous, writes[i].Value), (undo.Tag, undo.Key, undo.Value, undo.Previous));
        }
        Assert.False(halting.IsPersistent);
        Assert.True(b.Steps.First(s => s.TxId == 2 && s.State == ExecutionState.Stop).IsPersistent);

        MutationHarness.MutateOwnedCells(b, s => s.TxId == 1 && s.State is ExecutionState.BeginTxCall or ExecutionState.Tstore
            or ExecutionState.Sload or ExecutionState.Revert or ExecutionState.ErrorInvalidOpcode).AssertAllCaught(output);
    }

    [Fact]
    public void An_undo_that_restores_a_different_value_is_rejected()
    {
        // The log's undo of the TSTORE leaves 8 in the slot instead of the 0 it held: no write of the call undoes to 8.
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(Build(Opcode.REVERT, t =>
        {
            int i = t.Rw.FindLastIndex(e => e.Tag == RwTag.TransientStorage && e.IsWrite);
            t.Rw[i] = t.Rw[i] with { Value = new UInt256(8) };
        }).Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("evm undo of a reversible write in the rw table"));
    }

    [Fact]
    public void A_failed_call_claimed_persistent_is_rejected()
    {
        // Claim the reverted call persists (no undo lookups): the REVERT step refuses the claim.
        var b = Build(Opcode.REVERT);
        var a = b.Assignment;
        var config = b.Evm.Config;
        for (int s = 0; s < b.Steps.Count; s++)
        {
            if (b.Steps[s].TxId != 1 || b.Steps[s].State is ExecutionState.BeginTx or ExecutionState.BeginTxCall or ExecutionState.EndTx) continue;
            int row = s * EvmCircuitConfig.Height;
            a[config.Step, row + (int)StepField.IsPersistent] = Rollup.Crypto.Bn254.Fields.Fr.One;
            for (int j = 0; j < EvmCircuitConfig.Height; j++)
            {
                a[config.Slots.UndoEnabled, row + j] = Rollup.Crypto.Bn254.Fields.Fr.Zero;
                a[config.Slots.UndoCounter, row + j] = Rollup.Crypto.Bn254.Fields.Fr.Zero;
            }
        }
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(a);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("end: the call was not persistent"));
    }
}
