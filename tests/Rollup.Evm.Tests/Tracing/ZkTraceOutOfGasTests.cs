using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Evm.Tests.Tracing;

/// <summary>What a step that runs out of gas on its dynamic cost records: what the EVM touched before it gave up. Its
/// stack inputs; the state accesses its cost depends on (SLOAD's and SSTORE's warm-up, SSTORE's read of the current
/// value; none for SSTORE refused by the stipend rule, which comes first); no memory access (memory is read only once
/// paid for: the expansion, and KECCAK256's, MCOPY's and LOG's per-word or per-byte cost); no result. The reverted
/// call's undo entries follow, after the step's own range.</summary>
public class ZkTraceOutOfGasTests
{
    /// <summary>Runs <paramref name="code"/> with plenty of gas to find what the gas before the <paramref name="nth"/>
    /// <paramref name="opcode"/> step and that step's cost are, then again with <paramref name="shortBy"/> less than both.</summary>
    private static (ZkStep Step, List<RwEntry> Accesses, ZkTrace Trace) FailAt(byte[] code, Opcode opcode, long shortBy = 1, int nth = 0)
    {
        const long plenty = 1_000_000;
        var first = new ZkTracer();
        new CodeRunner { Tracer = first }.Run(code, [], plenty);
        var paid = first.Trace.Steps.Where(s => s.Opcode == (byte)opcode).ElementAt(nth);
        long gas = plenty - paid.GasLeft + paid.GasCost - shortBy;

        var zk = new ZkTracer();
        var (result, _) = new CodeRunner { Tracer = zk }.Run(code, [], gas);
        Assert.Equal(ExitReason.OutOfGas, result.Reason);
        var step = zk.Trace.Steps[^1];
        Assert.Equal((byte)opcode, step.Opcode);
        Assert.Equal(ExitReason.OutOfGas, step.Halt);
        return (step, zk.Trace.Rw.GetRange(step.RwCounter, step.RwCount), zk.Trace);
    }

    private static RwTag[] Tags(List<RwEntry> rw) => rw.Select(e => e.Tag).ToArray();

    [Theory]
    [InlineData((byte)Opcode.MLOAD, 1)]
    [InlineData((byte)Opcode.MSTORE, 2)]
    [InlineData((byte)Opcode.MSTORE8, 2)]
    public void A_memory_instruction_short_of_its_expansion_records_its_stack_inputs_only(byte opcode, int inputs)
    {
        var code = new BytecodeBuilder().Push(5).Push(1_000).Op((Opcode)opcode).Build();
        var (_, rw, _) = FailAt(code, (Opcode)opcode);
        Assert.Equal(Enumerable.Repeat(RwTag.Stack, inputs), Tags(rw));
        Assert.All(rw, e => Assert.False(e.IsWrite));
    }

    [Fact]
    public void An_MLOAD_that_pays_still_records_its_memory_word()
    {
        var zk = new ZkTracer();
        new CodeRunner { Tracer = zk }.Run(new BytecodeBuilder().Push(1_024).Op(Opcode.MLOAD).Build(), [], 100_000); // aligned: one word
        var mload = zk.Trace.Steps.First(s => s.Opcode == (byte)Opcode.MLOAD);
        Assert.Equal([RwTag.Stack, RwTag.Memory, RwTag.Stack], Tags(zk.Trace.Rw.GetRange(mload.RwCounter, mload.RwCount)));
    }

    [Fact]
    public void A_RETURN_short_of_its_expansion_records_offset_and_length_only()
    {
        var (_, rw, _) = FailAt(new BytecodeBuilder().Push(64).Push(1_000).Op(Opcode.RETURN).Build(), Opcode.RETURN);
        Assert.Equal([RwTag.Stack, RwTag.Stack], Tags(rw));
    }

    [Fact]
    public void A_KECCAK256_short_of_its_word_cost_reads_no_memory()
    {
        // Memory already holds the word (no expansion): only the 6 gas per word is missing.
        var code = new BytecodeBuilder().Push(7).Push(0).Op(Opcode.MSTORE).Push(32).Push(0).Op(Opcode.KECCAK256).Build();
        var (_, rw, _) = FailAt(code, Opcode.KECCAK256);
        Assert.Equal([RwTag.Stack, RwTag.Stack], Tags(rw));
    }

    [Fact]
    public void A_cold_SLOAD_short_of_its_cost_records_the_key_and_the_warm_up()
    {
        var (_, rw, trace) = FailAt(new BytecodeBuilder().Push(9).Op(Opcode.SLOAD).Build(), Opcode.SLOAD);
        Assert.Equal([RwTag.Stack, RwTag.AccessListStorage], Tags(rw));
        Assert.True(rw[1].IsWrite);
        Assert.Equal(UInt256.Zero, rw[1].Previous);
        // The undo of the warm-up follows the step's range.
        var undo = trace.Rw[rw[1].RwCounter + 1];
        Assert.Equal((RwTag.AccessListStorage, UInt256.Zero, UInt256.One), (undo.Tag, undo.Value, undo.Previous));
    }

    [Fact]
    public void An_SSTORE_within_the_stipend_records_key_and_value_only()
    {
        // 2,300 gas left at SSTORE: refused before it looks at the slot.
        var code = new BytecodeBuilder().Push(1).Push(0).Op(Opcode.SSTORE).Build();
        var (step, rw, _) = FailAt(code, Opcode.SSTORE, shortBy: 22_100 - 2_300);
        Assert.Equal(2_300, step.GasLeft);
        Assert.Equal([RwTag.Stack, RwTag.Stack], Tags(rw));
    }

    [Fact]
    public void An_SSTORE_short_of_its_cost_records_key_value_warm_up_and_current_value()
    {
        var (step, rw, _) = FailAt(new BytecodeBuilder().Push(1).Push(0).Op(Opcode.SSTORE).Build(), Opcode.SSTORE);
        Assert.Equal(22_099, step.GasLeft);
        Assert.Equal([RwTag.Stack, RwTag.Stack, RwTag.AccessListStorage, RwTag.Storage], Tags(rw));
        Assert.False(rw[3].IsWrite);
    }

    [Fact]
    public void An_EXP_short_of_its_byte_cost_records_base_and_exponent()
    {
        var (_, rw, _) = FailAt(new BytecodeBuilder().Push(UInt256.One << 100).Push(3).Op(Opcode.EXP).Build(), Opcode.EXP);
        Assert.Equal([RwTag.Stack, RwTag.Stack], Tags(rw));
        Assert.All(rw, e => Assert.False(e.IsWrite));
    }
}
