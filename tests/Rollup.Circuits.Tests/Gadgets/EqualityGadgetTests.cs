using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>EQ and ISZERO on random words and the edges (equal words, words differing only in one limb, 0, 1, 2^128,
/// 2^256 − 1): the honest trace satisfies the circuit, every owned cell mutated is caught, a trace claiming the opposite
/// result or a cheaper step is rejected by the gadget.</summary>
public class EqualityGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var w = Word();
        var twoTo128 = UInt256.One << 128;
        (UInt256, UInt256)[] pairs =
        [
            (Word(), Word()), (w, w), (UInt256.Zero, UInt256.Zero), (w, w ^ UInt256.One), (w, w ^ twoTo128),
            (UInt256.MaxValue, UInt256.MaxValue), (UInt256.MaxValue, UInt256.Zero), (twoTo128, UInt256.One),
        ];
        UInt256[] singles = [UInt256.Zero, UInt256.One, twoTo128, UInt256.MaxValue, Word(), UInt256.One << 255];
        var code = new BytecodeBuilder();
        foreach (var (a, b) in pairs) code.Push(b).Push(a).Op(Opcode.EQ).Op(Opcode.POP);
        foreach (var a in singles) code.Push(a).Op(Opcode.ISZERO).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        // The real EVM's results: EQ pushes [a = b], ISZERO [a = 0].
        foreach (var step in b.Steps.Where(s => s.State == ExecutionState.Eq))
            Assert.Equal(step.Rw[0].Value == step.Rw[1].Value ? UInt256.One : UInt256.Zero, step.Rw[2].Value);
        foreach (var step in b.Steps.Where(s => s.State == ExecutionState.IsZero))
            Assert.Equal(step.Rw[0].Value.IsZero ? UInt256.One : UInt256.Zero, step.Rw[1].Value);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Eq or ExecutionState.IsZero).AssertAllCaught(output);
    }

    [Theory]
    [InlineData((byte)Opcode.EQ, 1)]
    [InlineData((byte)Opcode.EQ, 3)]
    [InlineData((byte)Opcode.ISZERO, 0)]
    [InlineData((byte)Opcode.ISZERO, 2)]
    public void A_flipped_result_is_rejected(byte opcode, int occurrence)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongResult(opcode, r => UInt256.One - r, occurrence));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "result is both limbs zero");
    }

    [Fact]
    public void A_cheaper_step_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(3), TraceLies.CheaperByOne((byte)Opcode.ISZERO));
        TraceLies.AssertCaughtBy(failures, "transition: gas");
    }
}
