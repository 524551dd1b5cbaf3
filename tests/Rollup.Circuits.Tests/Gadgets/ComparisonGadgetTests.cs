using System.Numerics;
using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>LT, GT, SLT, SGT on random words and the edges (equal words, 0 and 2^256 − 1, the signed extremes 2^255 and
/// 2^255 − 1, −1 against 0, words equal in one limb): the honest trace satisfies the circuit, every owned cell mutated
/// is caught, a trace claiming the opposite result or a cheaper step is rejected by the gadget.</summary>
public class ComparisonGadgetTests(ITestOutputHelper output)
{
    private static readonly Opcode[] Ops = [Opcode.LT, Opcode.GT, Opcode.SLT, Opcode.SGT];

    public static List<(UInt256 A, UInt256 B)> Pairs(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var minSigned = UInt256.One << 255;
        var maxSigned = minSigned - UInt256.One;
        var twoTo128 = UInt256.One << 128;
        var w = Word();
        return
        [
            (Word(), Word()), (Word(), Word()), (Word(), Word()), (w, w), (UInt256.Zero, UInt256.Zero),
            (UInt256.Zero, UInt256.MaxValue), (UInt256.MaxValue, UInt256.Zero),
            (minSigned, maxSigned), (maxSigned, minSigned), (minSigned, UInt256.MaxValue),
            (UInt256.MaxValue, UInt256.One), (twoTo128, twoTo128 - UInt256.One), (twoTo128 + new UInt256(5), twoTo128 + new UInt256(6)),
            (new UInt256(5) + (UInt256.One << 200), new UInt256(5)),
        ];
    }

    private static byte[] Program(int seed)
    {
        var code = new BytecodeBuilder();
        var pairs = Pairs(seed);
        foreach (var op in Ops)
            foreach (var (a, b) in pairs) code.Push(b).Push(a).Op(op).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    private static BigInteger Signed(UInt256 v) => v.ToBigInteger() >= BigInteger.One << 255 ? v.ToBigInteger() - (BigInteger.One << 256) : v.ToBigInteger();

    [Fact]
    public void The_trace_agrees_with_the_definition_and_every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        // The traced results (the real EVM's) are the comparisons' definitions, edges included.
        var pairs = Pairs(1);
        int n = 0;
        foreach (var step in b.Steps.Where(s => s.State is ExecutionState.Lt or ExecutionState.Gt or ExecutionState.Slt or ExecutionState.Sgt))
        {
            var (x, y) = pairs[n++ % pairs.Count];
            bool expected = step.State switch
            {
                ExecutionState.Lt => x < y,
                ExecutionState.Gt => x > y,
                ExecutionState.Slt => Signed(x) < Signed(y),
                _ => Signed(x) > Signed(y),
            };
            Assert.Equal(expected ? UInt256.One : UInt256.Zero, step.Rw[2].Value);
        }
        Assert.Equal(4 * pairs.Count, n);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Lt or ExecutionState.Gt or ExecutionState.Slt or ExecutionState.Sgt)
            .AssertAllCaught(output);
    }

    [Theory]
    [InlineData((byte)Opcode.LT, 0)]
    [InlineData((byte)Opcode.GT, 5)]
    [InlineData((byte)Opcode.SLT, 7)]
    [InlineData((byte)Opcode.SGT, 8)]
    public void A_flipped_result_is_rejected(byte opcode, int occurrence)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongResult(opcode, r => UInt256.One - r, occurrence));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "result is x < y");
    }

    [Fact]
    public void A_cheaper_comparison_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(3), TraceLies.CheaperByOne((byte)Opcode.SLT));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "transition: gas");
    }
}
