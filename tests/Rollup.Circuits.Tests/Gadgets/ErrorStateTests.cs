using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>The error states (invalid opcode, stack underflow, stack overflow, out of static gas, invalid jump) on real halting
/// executions: the trace records the halt, the witness builder gives the step to the error state, the honest witness
/// satisfies the circuit and every owned cell mutated is caught. A witness claiming an error that did not happen (on a
/// STOP, or out of gas on a step that underflowed) is rejected by the error state's own constraint.</summary>
public class ErrorStateTests(ITestOutputHelper output)
{
    private static bool IsError(EvmStep s) => s.State is ExecutionState.ErrorInvalidOpcode or ExecutionState.ErrorStackUnderflow
        or ExecutionState.ErrorStackOverflow or ExecutionState.ErrorOutOfGasStatic or ExecutionState.ErrorInvalidJump
        or ExecutionState.ErrorInvalidJumpI;

    /// <summary>Runs <paramref name="code"/> (which may fail) and builds the circuit with the gadgets its trace needs, plus
    /// <paramref name="claimed"/>'s; <paramref name="alter"/> may change the steps before they are assigned.</summary>
    private static EvmTestbed.Built Build(byte[] code, long gas = 1_000_000, ExecutionState? claimed = null, Action<List<EvmStep>>? alter = null,
        Action<Rollup.Evm.Tracing.Zk.ZkTrace>? alterTrace = null)
    {
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(code, CodeRunner.ContractAddress), gas: gas);
        var run = batch.Run();
        var traced = run[0].Traced;
        alterTrace?.Invoke(traced.Trace);
        var needed = GadgetRegistry.Covering(traced.Trace).Select(g => g.State).ToHashSet();
        if (claimed is { } c) needed.Add(c);
        var circuit = new SuperCircuit(GadgetRegistry.All().Where(g => needed.Contains(g.State)).ToList());
        var steps = EvmWitnessBuilder.Build([traced], circuit.Evm.Gadgets);
        alter?.Invoke(steps);
        var witness = new SuperWitness(steps, batch.Codes) { Txs = [traced.Tx with { BatchSize = 1 }], Blocks = [batch.BlockRecord] };
        var a = circuit.Assign(witness);
        return new EvmTestbed.Built(circuit, a, steps, traced.Trace);
    }

    /// <summary>The step that halted (the one before the end of the transaction).</summary>
    private static EvmStep Halted(EvmTestbed.Built b) => b.Steps[^2];

    private void AssertProvenAndMutationsCaught(EvmTestbed.Built b, ExecutionState expected, ExitReason reason)
    {
        Assert.Equal(reason, b.Trace.Steps[^1].Halt);
        Assert.Equal(expected, Halted(b).State);
        Assert.Empty(Halted(b).Rw);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, IsError).AssertAllCaught(output);
    }

    [Theory]
    [InlineData(0x0c)]
    [InlineData(0x21)]
    [InlineData(0xef)]
    [InlineData(0xfe)] // INVALID
    public void An_undefined_opcode_halts_in_the_invalid_opcode_state(int opcode)
    {
        var code = new BytecodeBuilder().Push(1).Push(2).Op(Opcode.ADD).Op(Opcode.POP).Raw((byte)opcode).Build();
        AssertProvenAndMutationsCaught(Build(code), ExecutionState.ErrorInvalidOpcode, ExitReason.InvalidOpcode);
    }

    [Fact]
    public void Too_few_items_halt_in_the_stack_underflow_state()
    {
        AssertProvenAndMutationsCaught(Build(new BytecodeBuilder().Push(1).Op(Opcode.ADD).Build()), ExecutionState.ErrorStackUnderflow, ExitReason.StackUnderflow);
        var swap = new BytecodeBuilder();
        for (int i = 0; i < 16; i++) swap.Push(1);
        AssertProvenAndMutationsCaught(Build(swap.Op(Opcode.SWAP16).Build()), ExecutionState.ErrorStackUnderflow, ExitReason.StackUnderflow);
    }

    [Fact]
    public void A_full_stack_halts_in_the_stack_overflow_state()
    {
        var code = new BytecodeBuilder();
        for (int i = 0; i < 1024; i++) code.Op(Opcode.PUSH0);
        AssertProvenAndMutationsCaught(Build(code.Op(Opcode.DUP1).Build()), ExecutionState.ErrorStackOverflow, ExitReason.StackOverflow);
    }

    [Theory]
    [InlineData((byte)Opcode.SHL, 8)]    // PUSH1, PUSH1 (6 gas), then 2 left for 3
    [InlineData((byte)Opcode.SLOAD, 60)] // PUSH1, PUSH1 (6 gas), then 54 left for the warm cost 100
    public void Gas_below_the_static_cost_halts_in_the_out_of_gas_state(byte opcode, long gas)
    {
        var code = new BytecodeBuilder().Push(1).Push(2).Op((Opcode)opcode).Build();
        var b = Build(code, gas);
        Assert.Equal(opcode, Halted(b).Step!.Opcode);
        AssertProvenAndMutationsCaught(b, ExecutionState.ErrorOutOfGasStatic, ExitReason.OutOfGas);
    }

    [Theory]
    [InlineData(ExecutionState.ErrorInvalidOpcode, "the opcode is not defined")]
    [InlineData(ExecutionState.ErrorStackUnderflow, "the stack holds fewer items than the opcode needs")]
    [InlineData(ExecutionState.ErrorStackOverflow, "the stack would pass 1024 items")]
    [InlineData(ExecutionState.ErrorOutOfGasStatic, "gas left < static cost")]
    public void An_error_claimed_for_a_STOP_is_rejected(ExecutionState claimed, string constraint)
    {
        var code = new BytecodeBuilder().Push(1).Push(2).Op(Opcode.ADD).Op(Opcode.POP).Op(Opcode.STOP).Build();
        var b = Build(code, claimed: claimed, alter: steps => steps[^2] = steps[^2] with { State = claimed });
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, constraint);
    }

    [Fact]
    public void Out_of_gas_claimed_for_a_step_that_underflowed_is_rejected()
    {
        // ADD with one item and 2 gas left: the interpreter checks the stack first, so this is an underflow.
        var code = new BytecodeBuilder().Push(1).Op(Opcode.ADD).Build();
        var b = Build(code, gas: 5, claimed: ExecutionState.ErrorOutOfGasStatic,
            alter: steps => steps[^2] = steps[^2] with { State = ExecutionState.ErrorOutOfGasStatic });
        Assert.Equal(ExitReason.StackUnderflow, b.Trace.Steps[^1].Halt);
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "no stack underflow");
    }

    [Fact]
    public void A_halt_without_an_error_state_is_refused_by_name()
    {
        // Out of gas on KECCAK256's memory expansion: no gadget has KECCAK256 yet, so no error state proves its halt.
        var code = new BytecodeBuilder().Push(32).Push(1_000_000).Op(Opcode.KECCAK256).Build();
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(code, CodeRunner.ContractAddress), gas: 100);
        var traced = batch.Run()[0].Traced;
        Assert.Equal(ExitReason.OutOfGas, traced.Trace.Steps[^1].Halt);
        var e = Assert.Throws<EvmWitnessBuilder.UnsupportedStepException>(() => EvmWitnessBuilder.Build([traced], GadgetRegistry.All()));
        Assert.Contains("KECCAK256", e.Message);
        Assert.Contains("OutOfGas", e.Message);
    }

    public static TheoryData<string, byte[]> InvalidJumps()
    {
        var farWithHighLimb = (Rollup.Core.Numerics.UInt256.One << 200) + new Rollup.Core.Numerics.UInt256(28);
        return new()
        {
            { "JUMP onto a STOP", new BytecodeBuilder().Push(3).Op(Opcode.JUMP).Op(Opcode.STOP).Build() },
            { "JUMP onto a 0x5b inside PUSH data", new BytecodeBuilder().Push(0x5b).Push(1).Op(Opcode.JUMP).Build() },
            { "JUMP to the code's length", new BytecodeBuilder().Push(3).Op(Opcode.JUMP).Build() },
            { "JUMP far past the end", new BytecodeBuilder().Push(1000).Op(Opcode.JUMP).Op(Opcode.JUMPDEST).Build() },
            // PUSH26 (0..26), JUMP (27), JUMPDEST (28): dest_lo = 28 is the JUMPDEST, but the high limb is not zero.
            { "JUMP with a high limb", new BytecodeBuilder().Push(farWithHighLimb).Op(Opcode.JUMP).Op(Opcode.JUMPDEST).Op(Opcode.STOP).Build() },
            { "JUMPI onto a STOP", new BytecodeBuilder().Push(1).Push(5).Op(Opcode.JUMPI).Op(Opcode.STOP).Build() },
            { "JUMPI with a high-limb condition into PUSH data", new BytecodeBuilder().Push(0x5b).Push(Rollup.Core.Numerics.UInt256.One << 130).Push(1).Op(Opcode.JUMPI).Build() },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidJumps))]
    public void A_jump_to_no_JUMPDEST_halts_in_the_invalid_jump_state(string what, byte[] code)
    {
        var b = Build(code);
        output.WriteLine(what);
        var expected = b.Trace.Steps[^1].Opcode == (byte)Opcode.JUMP ? ExecutionState.ErrorInvalidJump : ExecutionState.ErrorInvalidJumpI;
        Assert.Equal(ExitReason.InvalidJump, b.Trace.Steps[^1].Halt);
        Assert.Equal(expected, Halted(b).State);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, IsError).AssertAllCaught(output);
    }

    /// <summary>The trace claims the (valid) jump halted with an invalid jump, and ends there.</summary>
    private static void ClaimInvalidJump(Rollup.Evm.Tracing.Zk.ZkTrace trace, Opcode jump)
    {
        int i = trace.Steps.FindIndex(s => s.Opcode == (byte)jump);
        trace.Steps[i].Halt = ExitReason.InvalidJump;
        trace.Steps.RemoveRange(i + 1, trace.Steps.Count - i - 1);
    }

    [Fact]
    public void An_invalid_jump_claimed_for_a_jump_onto_a_JUMPDEST_is_rejected()
    {
        // PUSH1 4, JUMP, INVALID, JUMPDEST, STOP: the jump is valid; the trace claims it halted and drops what followed.
        var code = new BytecodeBuilder().Push(4).Op(Opcode.JUMP).Op(Opcode.INVALID).Op(Opcode.JUMPDEST).Op(Opcode.STOP).Build();
        var b = Build(code, alterTrace: trace => ClaimInvalidJump(trace, Opcode.JUMP));
        Assert.Equal(ExecutionState.ErrorInvalidJump, Halted(b).State);
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "the destination is not a JUMPDEST instruction");
    }

    [Fact]
    public void An_invalid_jump_claimed_for_a_JUMPI_that_does_not_jump_is_rejected()
    {
        // The condition is zero, so JUMPI falls through whatever the destination (9, past the end).
        var code = new BytecodeBuilder().Push(0).Push(9).Op(Opcode.JUMPI).Op(Opcode.STOP).Build();
        var b = Build(code, alterTrace: trace => ClaimInvalidJump(trace, Opcode.JUMPI));
        Assert.Equal(ExecutionState.ErrorInvalidJumpI, Halted(b).State);
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "the condition is not zero");
    }
}
