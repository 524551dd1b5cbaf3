using Rollup.Circuits.Evm;
using Rollup.Circuits.Evm.Gadgets;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Xunit.Abstractions;
using static Rollup.Circuits.Tests.Support.OutOfGasBed;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>Out of gas on SLOAD's cold access (<see cref="ErrorOutOfGasSloadGadget"/>) and on SSTORE
/// (<see cref="ErrorOutOfGasSstoreGadget"/>: the stipend rule, or the cost) on real executions. The trace has what the EVM
/// touched before it gave up: the key (and SSTORE's value), the slot's warm-up, SSTORE's read of the current value;
/// the failed call's undo block turns the warm-up back. With exactly enough gas the step succeeds and cannot be claimed
/// out of gas; a warm slot claimed cold, the stipend claimed with more than 2,300 gas and gas kept by the failed call are
/// rejected by name.</summary>
public class OutOfGasStorageTests(ITestOutputHelper output)
{
    private static readonly byte[] ColdSload = new BytecodeBuilder().Push(9).Op(Opcode.SLOAD).Build();
    /// <summary>A first SLOAD warms slot 9, the second finds it warm.</summary>
    private static readonly byte[] WarmSload = new BytecodeBuilder().Push(9).Op(Opcode.SLOAD).Op(Opcode.POP).Push(9).Op(Opcode.SLOAD).Build();
    /// <summary>Slot 0 := 1, cold and zero: 2,100 + 20,000.</summary>
    private static readonly byte[] ColdSet = new BytecodeBuilder().Push(1).Push(0).Op(Opcode.SSTORE).Build();
    /// <summary>Slot 0 (holding 5) warmed by SLOAD, then := 7: 2,900.</summary>
    private static readonly byte[] WarmReset = new BytecodeBuilder().Push(0).Op(Opcode.SLOAD).Op(Opcode.POP).Push(7).Push(0).Op(Opcode.SSTORE).Build();
    /// <summary>Slot 0 (holding 5) warmed by SLOAD, then := 5 again: 100.</summary>
    private static readonly byte[] WarmNoOp = new BytecodeBuilder().Push(0).Op(Opcode.SLOAD).Op(Opcode.POP).Push(5).Push(0).Op(Opcode.SSTORE).Build();
    private static readonly KeyValuePair<UInt256, UInt256>[] SlotZeroHoldsFive = [new(UInt256.Zero, new UInt256(5))];

    [Fact]
    public void A_cold_SLOAD_one_gas_short_is_proven_and_its_warm_up_undone()
    {
        var (before, cost) = Measure(ColdSload, 0x54);
        Assert.Equal(SloadGadget.ColdCost, cost);
        var b = Build(ColdSload, before + cost - 1);
        var rw = Halted(b).Rw;
        Assert.Equal([RwTag.CallContext, RwTag.Stack, RwTag.AccessListStorage], rw.Select(e => e.Tag));
        Assert.True(rw[2].IsWrite && rw[2].Previous.IsZero);
        var undo = Halted(b).Undo[0]; // newest first: the warm-up, back to cold
        Assert.Equal((RwTag.AccessListStorage, UInt256.Zero, UInt256.One), (undo.Tag, undo.Value, undo.Previous));
        AssertProven(b, ExecutionState.ErrorOutOfGasSload, output, undone: 3);
    }

    [Fact]
    public void A_cold_SLOAD_with_only_its_static_cost_is_proven_after_earlier_writes()
    {
        // TSTORE first: the undo block restores it too.
        var code = new BytecodeBuilder().Push(7).Push(1).Op(Opcode.TSTORE).Push(9).Op(Opcode.SLOAD).Build();
        var (before, _) = Measure(code, 0x54);
        AssertProven(Build(code, before + 100), ExecutionState.ErrorOutOfGasSload, output, undone: 4);
    }

    [Fact]
    public void With_exactly_enough_gas_a_cold_SLOAD_succeeds_and_cannot_be_claimed_out_of_gas()
    {
        var (before, cost) = Measure(ColdSload, 0x54);
        var b = Build(ColdSload, before + cost, claimed: ExecutionState.ErrorOutOfGasSload, alter: Claim(0x54, ExecutionState.ErrorOutOfGasSload));
        Assert.DoesNotContain(b.Trace.Steps, s => s.Halt.IsExceptional());
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_warm_SLOAD_claimed_cold_is_rejected()
    {
        // The second SLOAD is warm and has 500 gas left: it pays its 100, but 500 is below a cold read's 2,100.
        var (before, cost) = Measure(WarmSload, 0x54, nth: 1);
        Assert.Equal(SloadGadget.WarmCost, cost);
        var b = Build(WarmSload, before + 500, claimed: ExecutionState.ErrorOutOfGasSload, alter: Claim(0x54, ExecutionState.ErrorOutOfGasSload, nth: 1));
        var failures = Failures(b);
        AssertNamed(failures, "the slot was cold", output);
        Assert.DoesNotContain(failures, f => f.Name.Contains("the cost exceeds the gas left"));
    }

    [Fact]
    public void A_warm_up_rewritten_as_cold_is_rejected_by_the_state_circuit()
    {
        // As above, and the trace also claims the second warm-up found the slot cold: the first one had warmed it.
        var (before, _) = Measure(WarmSload, 0x54, nth: 1);
        var b = Build(WarmSload, before + 500, claimed: ExecutionState.ErrorOutOfGasSload, alter: Claim(0x54, ExecutionState.ErrorOutOfGasSload, nth: 1),
            alterTrace: t =>
            {
                var second = t.Steps.Where(s => s.Opcode == 0x54).ElementAt(1);
                int i = second.RwCounter + 1;
                Assert.Equal(RwTag.AccessListStorage, t.Rw[i].Tag);
                t.Rw[i] = t.Rw[i] with { Previous = UInt256.Zero };
            });
        var failures = Failures(b);
        Assert.DoesNotContain(failures, f => f.Name.Contains("the slot was cold"));
        AssertNamed(failures, "state: values", output);
    }

    [Fact]
    public void A_warm_SSTORE_claimed_out_of_gas_on_the_cold_price_is_rejected()
    {
        // 4,000 gas left for a warm reset: it pays the 2,900, though not the 5,000 a cold slot would cost.
        var (before, cost) = Measure(WarmReset, 0x55, SlotZeroHoldsFive);
        Assert.Equal(SstoreGadget.ResetCost, cost);
        var b = Build(WarmReset, before + 4_000, SlotZeroHoldsFive, claimed: ExecutionState.ErrorOutOfGasSstore, alter: Claim(0x55, ExecutionState.ErrorOutOfGasSstore));
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_failed_SLOAD_that_keeps_gas_is_rejected()
    {
        var (before, cost) = Measure(ColdSload, 0x54);
        AssertNamed(Failures(Build(ColdSload, before + cost - 1, alter: KeepsGas(1))), "transition: gas", output);
    }

    public static TheoryData<string, byte[], bool, long, int> SstoreCases => new()
    {
        // what, code, slot 0 holds 5, gas left at SSTORE, undone writes (transfer 2, SLOAD's warm-up, SSTORE's)
        { "stipend: 2,300 left for a cold set", ColdSet, false, 2_300, 2 },
        { "stipend: 2,000 left for a warm no-op that costs 100", WarmNoOp, true, 2_000, 3 },
        { "cost: a cold set one gas short", ColdSet, false, 22_099, 3 },
        { "cost: a cold set with 2,301 left", ColdSet, false, 2_301, 3 },
        { "cost: a warm reset one gas short", WarmReset, true, 2_899, 4 },
    };

    [Theory]
    [MemberData(nameof(SstoreCases))]
    public void An_SSTORE_out_of_gas_is_proven(string what, byte[] code, bool five, long gasLeft, int undone)
    {
        output.WriteLine(what);
        var storage = five ? SlotZeroHoldsFive : null;
        var (before, _) = Measure(code, 0x55, storage);
        var b = Build(code, before + gasLeft, storage);
        var halted = Halted(b);
        Assert.Equal(gasLeft, halted.Step!.GasLeft);
        // Contract, static flag, key, value; then, past the stipend, the warm-up and the current value.
        Assert.Equal(gasLeft <= SstoreGadget.Sentry ? 4 : 6, halted.Rw.Count);
        AssertProven(b, ExecutionState.ErrorOutOfGasSstore, output, undone);
    }

    public static TheoryData<string, byte[], bool, long> SstoreBoundaries => new()
    {
        { "a cold set with exactly 22,100", ColdSet, false, 22_100 },
        { "a warm reset with exactly 2,900", WarmReset, true, 2_900 },
        { "a warm no-op with 2,301, just past the stipend", WarmNoOp, true, 2_301 },
    };

    [Theory]
    [MemberData(nameof(SstoreBoundaries))]
    public void With_exactly_enough_gas_an_SSTORE_succeeds_and_cannot_be_claimed_out_of_gas(string what, byte[] code, bool five, long gasLeft)
    {
        output.WriteLine(what);
        var storage = five ? SlotZeroHoldsFive : null;
        var (before, _) = Measure(code, 0x55, storage);
        var b = Build(code, before + gasLeft, storage, claimed: ExecutionState.ErrorOutOfGasSstore, alter: Claim(0x55, ExecutionState.ErrorOutOfGasSstore));
        Assert.DoesNotContain(b.Trace.Steps, s => s.Halt.IsExceptional());
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void The_stipend_claimed_with_more_than_2300_gas_is_rejected()
    {
        var (before, _) = Measure(ColdSet, 0x55);
        var b = Build(ColdSet, before + 22_099);
        AssertNamed(FailuresWithCell(b, "gas left is within the stipend", Fr.One), "stipend ? 2,300 − gas : gas − 2,301", output);
    }

    [Fact]
    public void A_failed_SSTORE_that_keeps_gas_is_rejected()
    {
        var (before, _) = Measure(ColdSet, 0x55);
        AssertNamed(Failures(Build(ColdSet, before + 22_099, alter: KeepsGas(1))), "transition: gas", output);
    }
}
