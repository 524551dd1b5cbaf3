using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>NOT on random words, 0, 2^256 − 1 and one-limb words: the honest trace satisfies the circuit, every owned cell
/// mutated is caught, a wrong result or a cheaper step is rejected.</summary>
public class NotGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var code = new BytecodeBuilder();
        foreach (var a in new[] { Word(), Word(), UInt256.Zero, UInt256.MaxValue, UInt256.One << 128, (UInt256.One << 128) - UInt256.One })
            code.Push(a).Op(Opcode.NOT).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        foreach (var step in b.Steps.Where(s => s.State == ExecutionState.Not))
            Assert.Equal(UInt256.MaxValue - step.Rw[0].Value, step.Rw[1].Value);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.Not).AssertAllCaught(output);
    }

    [Fact]
    public void A_wrong_result_is_rejected()
    {
        // A result off by 2^128 in its high limb only: the low limb's check passes, the high one's must not.
        var failures = MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongResult((byte)Opcode.NOT, r => r ^ (UInt256.One << 130), 1));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "high limbs: a + result");
    }

    [Fact]
    public void A_cheaper_step_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(3), TraceLies.CheaperByOne((byte)Opcode.NOT));
        TraceLies.AssertCaughtBy(failures, "transition: gas");
    }
}
