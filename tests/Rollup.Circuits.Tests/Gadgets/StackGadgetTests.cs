using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>DUP1–DUP16 and SWAP1–SWAP16 over random and edge words (zero, 2^256 − 1, 2^128), at the bounds (a DUP16
/// and SWAP16 reaching the bottom item, a DUP filling the stack to 1024): the honest trace satisfies the circuit,
/// every owned cell mutated is caught, and traces claiming a wrong copy, a wrong slot or a wrong gas are rejected by
/// the gadgets' own constraints.</summary>
public class StackGadgetTests(ITestOutputHelper output)
{
    private static readonly UInt256 TwoTo128 = UInt256.One << 128;

    internal static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var code = new BytecodeBuilder();
        // 17 items: DUP16 reads the bottom one, SWAP16 swaps the top with it.
        code.Push(UInt256.MaxValue).Push(0).Push(TwoTo128);
        for (int i = 0; i < 14; i++) code.Push(Word());
        for (int n = 1; n <= 16; n++) code.Op((Opcode)(0x7f + n)).Op(Opcode.POP);
        for (int n = 1; n <= 16; n++) code.Op((Opcode)(0x8f + n));
        return code.Op(Opcode.STOP).Build();
    }

    private static void AssertNamed(IReadOnlyList<ConstraintFailure> failures, string name, ITestOutputHelper output)
    {
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains(name));
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Dup or ExecutionState.Swap).AssertAllCaught(output);
    }

    [Fact]
    public void A_dup_that_fills_the_stack_to_1024_items_is_proven()
    {
        var code = new BytecodeBuilder();
        for (int i = 0; i < 1023; i++) code.Op(Opcode.PUSH0);
        var b = EvmTestbed.Build(code.Op(Opcode.DUP1).Op(Opcode.STOP).Build());
        Assert.Equal(1023, b.Trace.Steps.Single(s => s.Opcode == (byte)Opcode.DUP1).StackPointer);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
    }

    [Fact]
    public void A_wrong_copy_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongWrittenValue((byte)Opcode.DUP3, 1, v => v ^ UInt256.One)),
            "the new top is the copied item (lo)", output);

    [Fact]
    public void A_copy_from_the_wrong_slot_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(3), t =>
        {
            // DUP5 claims to read the slot one deeper (a real slot, holding the value it claims).
            var step = t.Steps.First(s => s.Opcode == (byte)Opcode.DUP5);
            var read = t.Rw[step.RwCounter];
            var deeper = t.Rw.First(e => e.Tag == RwTag.Stack && e.IsWrite && e.Key == read.Key - UInt256.One);
            t.Rw[step.RwCounter] = read with { Key = deeper.Key, Value = deeper.Value, Previous = deeper.Value };
        }), "slot 0 is a stack read: key", output);

    [Fact]
    public void A_swap_with_the_wrong_slot_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(4), t =>
        {
            var step = t.Steps.First(s => s.Opcode == (byte)Opcode.SWAP7);
            for (int j = 1; j <= 3; j += 2) t.Rw[step.RwCounter + j] = t.Rw[step.RwCounter + j] with { Key = t.Rw[step.RwCounter + j].Key + UInt256.One };
        }), "slot 1 is a stack read: key", output);

    [Fact]
    public void A_wrong_gas_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(5), TraceLies.WrongGas((byte)Opcode.SWAP2, 1)), "transition: gas", output);
}
