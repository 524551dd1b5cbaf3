using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

public class EvmCircuitTests(ITestOutputHelper output)
{
    internal static byte[] Program(ulong x, ulong y) => new BytecodeBuilder()
        .Push(x).Push(y).Op(Opcode.ADD)
        .Push(UInt256.MaxValue).Op(Opcode.SUB)
        .Op(Opcode.JUMPDEST)
        .Push(0).Op(Opcode.POP).Op(Opcode.POP)
        .Op(Opcode.STOP).Build();

    [Fact]
    public void A_valid_trace_satisfies_every_constraint()
    {
        var b = EvmTestbed.Build(Program(5, 7));
        var failures = new ConstraintChecker().Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        output.WriteLine($"{b.Steps.Count} steps on 2^{b.Assignment.K} rows, {b.System.AdviceColumns.Count} advice columns, degree {b.System.Degree}");
    }

    [Fact]
    public void A_wrong_result_is_named()
    {
        var b = EvmTestbed.Build(Program(5, 7));
        int row = b.Steps.FindIndex(s => s.State == ExecutionState.Add) * EvmCircuitConfig.Height + 2; // the ADD's write slot
        b.Assignment[b.Evm.Config.Slots.ValueLo, row] += Fr.One;
        var failures = new ConstraintChecker().Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.StartsWith("Add: "));
    }

    [Fact]
    public void A_trace_that_lies_about_a_result_is_rejected()
    {
        // The ADD's write claims 5 + 7 = 13: the write and every later read of it agree (the log is consistent), so only
        // the ADD gadget's arithmetic can catch it.
        var failures = MutationHarness.AlteredTraceFailures(Program(5, 7), t =>
        {
            var add = t.Steps.First(s => s.Opcode == (byte)Opcode.ADD);
            int w = add.RwCounter + 2;
            var wrong = new UInt256(13);
            t.Rw[w] = t.Rw[w] with { Value = wrong };
            var sub = t.Steps.First(s => s.Opcode == (byte)Opcode.SUB);
            int r = sub.RwCounter + 1;
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
            int sw = sub.RwCounter + 2;
            var result = UInt256.MaxValue - wrong;
            t.Rw[sw] = t.Rw[sw] with { Value = result };
            // the later POP reads SUB's result back
            var pop = t.Steps.Where(s => s.Opcode == (byte)Opcode.POP).ElementAt(1);
            t.Rw[pop.RwCounter] = t.Rw[pop.RwCounter] with { Value = result, Previous = result };
        });
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.StartsWith("Add: low limbs add up"));
    }

    [Fact]
    public void A_read_of_a_value_never_written_is_rejected_by_the_state_circuit()
    {
        // The SUB reads its second operand as 8, not the 12 the ADD wrote: the EVM gadgets are happy with the SUB's
        // arithmetic on the wrong operand, but the sorted log has a read that does not keep the last written value.
        var failures = MutationHarness.AlteredTraceFailures(Program(5, 7), t =>
        {
            var sub = t.Steps.First(s => s.Opcode == (byte)Opcode.SUB);
            int r = sub.RwCounter + 1;
            var wrong = new UInt256(8);
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
            int w = sub.RwCounter + 2;
            var result = UInt256.MaxValue - wrong;
            t.Rw[w] = t.Rw[w] with { Value = result };
            var pop = t.Steps.Where(s => s.Opcode == (byte)Opcode.POP).ElementAt(1);
            t.Rw[pop.RwCounter] = t.Rw[pop.RwCounter] with { Value = result, Previous = result };
        });
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("previous is the key's last value"));
    }

    [Fact]
    public void A_trace_that_spends_more_gas_than_it_has_is_rejected()
    {
        // Every step's gas lowered by the same amount, so each transition still subtracts the right cost, but the gas
        // runs below zero before the end: only the u64 check on gas left objects.
        var failures = MutationHarness.AlteredTraceFailures(Program(5, 7), t =>
        {
            long delta = t.Steps[^1].GasLeft + 1;
            for (int j = 0; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft - delta);
        });
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.Contains("gas left is its 8 bytes"));
        Assert.DoesNotContain(failures, f => f.Name.EndsWith("transition: gas"));
    }

    [Fact]
    public void A_wrong_gas_or_pc_in_the_trace_is_rejected()
    {
        var code = Program(5, 7);
        var gas = MutationHarness.AlteredTraceFailures(code, t =>
        {
            int i = t.Steps.FindIndex(s => s.Opcode == (byte)Opcode.SUB);
            t.Steps[i] = EvmTestbed.With(t.Steps[i], gasLeft: t.Steps[i].GasLeft - 1);
        });
        Assert.Contains(gas, f => f.Name.EndsWith("transition: gas"));
        var pc = MutationHarness.AlteredTraceFailures(code, t =>
        {
            int i = t.Steps.FindIndex(s => s.Opcode == (byte)Opcode.JUMPDEST);
            t.Steps[i] = EvmTestbed.With(t.Steps[i], pc: t.Steps[i].Pc + 1);
        });
        Assert.Contains(pc, f => f.Name.EndsWith("transition: pc") || f.Name == "evm opcode fetch");
    }
}

public class EvmCircuitProofTests(ITestOutputHelper output)
{
    [Fact]
    public void The_program_proves_and_a_corrupted_witness_does_not()
    {
        var b = EvmTestbed.Build(EvmCircuitTests.Program(5, 7));
        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.Assignment.Rows, "circuit tests"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.Assignment, srs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [b.Circuit.PublicInputs.Read(b.Assignment)]).ToBytes();
        output.WriteLine($"proved {b.Steps.Count} steps on 2^{b.Assignment.K} rows in {clock.Elapsed.TotalSeconds:F1} s; proof {proof.Length} bytes");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [b.Circuit.PublicInputs.Read(b.Assignment)], proof));

        // The ADD's result changed: the checker names it, and the proof made anyway does not verify.
        int row = b.Steps.FindIndex(s => s.State == ExecutionState.Add) * EvmCircuitConfig.Height + 2; // the ADD's write slot
        b.Assignment[b.Evm.Config.Slots.ValueLo, row] += Fr.One;
        Assert.NotEmpty(new ConstraintChecker().Check(b.Assignment));
        var bad = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [b.Circuit.PublicInputs.Read(b.Assignment)]).ToBytes();
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [b.Circuit.PublicInputs.Read(b.Assignment)], bad));
    }
}

/// <summary>Proofs of a batch that uses this wave's newer gadgets together (SSTORE with a refund, EXP with iterations,
/// CALLDATALOAD, a reverted call with its undo block): the honest witness proves and verifies; a witness with one cell
/// changed in each of those gadgets is named by the checker, and the proof made from it anyway is rejected.</summary>
public class NewGadgetProofTests(ITestOutputHelper output)
{
    [Fact]
    public void A_batch_proves_and_corrupted_witnesses_do_not()
    {
        var batch = new TransactionBatch();
        var code = new Rollup.Evm.Bytecode.BytecodeBuilder()
            .Push(0).Op(Opcode.CALLDATALOAD).Push(3).Op(Opcode.EXP)      // 3^(first calldata word)
            .Push(0).Op(Opcode.SSTORE)                                    // slot 0 := it (original 1: a first change)
            .Push(0).Push(0).Op(Opcode.SSTORE)                            // slot 0 := 0 (refund)
            .Op(Opcode.CALLVALUE).Op(Opcode.ISZERO).Push(0).Op(Opcode.JUMPI) // with value: fall through to REVERT
            .Push(0).Push(0).Op(Opcode.REVERT).Build();
        var contract = batch.Deploy(code, storage: [new(UInt256.Zero, UInt256.One)]);
        var input = new byte[32];
        input[31] = 21;
        batch.Call(contract, data: input, value: UInt256.One);
        var b = EvmTestbed.BuildTransactions(batch, mustSucceed: false);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));

        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.Assignment.Rows, "new gadget proofs"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.Assignment, srs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var statement = b.Circuit.PublicInputs.Read(b.Assignment);
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [statement]).ToBytes();
        output.WriteLine($"proved {b.Steps.Count} steps on 2^{b.Assignment.K} rows in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], proof));

        var config = b.Evm.Config;
        int RowOf(ExecutionState s) => b.Steps.FindIndex(x => x.State == s) * EvmCircuitConfig.Height;
        (Rollup.Plonk.Circuit.Column, int, string)[] corruptions =
        [
            (config.Cells[0], RowOf(ExecutionState.ExpIteration), "an EXP iteration's carried base"),
            (config.Slots.UndoCounter, RowOf(ExecutionState.Sstore) + 6, "the undo counter of SSTORE's write"),
            (config.Bytes[0], RowOf(ExecutionState.CallDataLoad), "a CALLDATALOAD offset byte"),
        ];
        foreach (var (column, row, what) in corruptions)
        {
            var original = b.Assignment[column, row];
            b.Assignment[column, row] = original + Fr.One;
            var failures = new ConstraintChecker { MaxFailures = 3 }.Check(b.Assignment);
            output.WriteLine($"{what}: {failures.FirstOrDefault()?.Name}");
            Assert.NotEmpty(failures);
            Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [statement]).ToBytes()), what);
            b.Assignment[column, row] = original;
        }
    }
}
