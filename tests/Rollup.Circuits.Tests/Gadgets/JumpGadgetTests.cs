using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>JUMP and JUMPI: jumps forward and a loop back, JUMPI taken on a random word, on 1 (low limb only) and on
/// 2^128 (high limb only), and not taken on 0 with a destination that is no JUMPDEST at all; a 0x5b byte inside push
/// data sits in the code as a decoy. The honest trace satisfies the circuit, every owned cell mutated is caught, and
/// traces that jump elsewhere, skip a taken jump or land on the decoy are rejected by the gadgets' constraints.</summary>
public class JumpGadgetTests(ITestOutputHelper output)
{
    internal static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        var word = new byte[32];
        rng.NextBytes(word);
        return new BytecodeBuilder()
            .Jump("start")
            .PushBytes([0x5b, 0x5b]).Op(Opcode.POP)                       // never runs: push data that looks like JUMPDESTs
            .Label("start")
            .Push(UInt256.FromBigEndian(word)).JumpIf("a")              // taken: random word
            .Op(Opcode.INVALID)
            .Label("a")
            .Push(1).JumpIf("b")                                        // taken: only the low limb is non-zero
            .Op(Opcode.INVALID)
            .Label("b")
            .Push(UInt256.One << 128).JumpIf("c")                       // taken: only the high limb is non-zero
            .Op(Opcode.INVALID)
            .Label("c")
            .Push(0).Push(UInt256.MaxValue).Op(Opcode.JUMPI)            // not taken, destination nowhere
            .Push(2)                                                    // loop counter
            .Label("loop")
            .Push(1).Op(Opcode.SWAP1).Op(Opcode.SUB).Op(Opcode.DUP1).JumpIf("loop")
            .Op(Opcode.POP).Op(Opcode.STOP).Build();
    }

    private void AssertNamed(IReadOnlyList<ConstraintFailure> failures, string name)
    {
        output.WriteLine(string.Join("\n", failures.Take(6)));
        Assert.Contains(failures, f => f.Name.Contains(name));
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Single(b.Trace.Steps, s => s.Opcode == (byte)Opcode.JUMP);
        Assert.Equal(6, b.Trace.Steps.Count(s => s.Opcode == (byte)Opcode.JUMPI));        // 3 taken, 1 not, 1 taken + 1 not in the loop
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Jump or ExecutionState.Jumpi).AssertAllCaught(output);
    }

    [Fact]
    public void A_jump_elsewhere_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongNextPc((byte)Opcode.JUMP, 3)), "Jump: transition: pc");

    [Fact]
    public void Skipping_a_taken_jumpi_is_rejected()
    {
        var code = Program(3);
        int pc = EvmTestbed.Trace(code).Steps.First(s => s.Opcode == (byte)Opcode.JUMPI).Pc;
        AssertNamed(MutationHarness.AlteredTraceFailures(code, TraceLies.WrongNextPc((byte)Opcode.JUMPI, pc + 1)), "Jumpi: transition: pc");
    }

    [Fact]
    public void Taking_an_untaken_jumpi_is_rejected()
    {
        var code = Program(4);
        // The last JUMPI of the loop falls through; claim it jumped back to the loop's JUMPDEST.
        var trace = EvmTestbed.Trace(code);
        int loopPc = trace.Steps.Last(s => s.Opcode == (byte)Opcode.JUMPDEST).Pc;
        AssertNamed(MutationHarness.AlteredTraceFailures(code, TraceLies.WrongNextPc((byte)Opcode.JUMPI, loopPc, nth: 5)), "Jumpi: transition: pc");
    }

    [Fact]
    public void A_jump_onto_a_0x5b_inside_push_data_is_rejected()
    {
        // The first JUMP claims its destination is the push data byte 0x5b at pc 5 and runs it as a JUMPDEST (the opcode
        // fetch agrees: the byte there is 0x5b) before the real code; only the is_code column tells data from code.
        var code = Program(5);
        var failures = MutationHarness.AlteredTraceFailures(code, t =>
        {
            int jump = t.Steps.FindIndex(s => s.Opcode == (byte)Opcode.JUMP);
            var push = t.Steps[jump - 1];
            var decoy = new UInt256(5);
            t.Rw[push.RwCounter] = t.Rw[push.RwCounter] with { Value = decoy };
            t.Rw[t.Steps[jump].RwCounter] = t.Rw[t.Steps[jump].RwCounter] with { Value = decoy, Previous = decoy };
            // The JUMPDEST step the real jump landed on now claims pc 5; what follows no longer chains, but the check
            // that matters here is the JUMP's own.
            t.Steps[jump + 1] = EvmTestbed.With(t.Steps[jump + 1], pc: 5);
        });
        output.WriteLine(string.Join("\n", failures.Take(10)));
        Assert.Contains(failures, f => f.Name.Contains("Jump: the destination is a JUMPDEST in code"));
    }
}
