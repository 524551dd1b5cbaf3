using System.Numerics;
using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>SHL, SHR, SAR over random, negative and positive words with shifts 0, 1, 7, 8, 9, random, 255, 256, 257,
/// 2^128 + 1 and 2^256 − 1: the honest trace satisfies the circuit and agrees with the shifts' definitions, every owned
/// cell mutated is caught, a wrong result or a cheaper step is rejected.</summary>
public class ShiftGadgetTests(ITestOutputHelper output)
{
    private static readonly Opcode[] Ops = [Opcode.SHL, Opcode.SHR, Opcode.SAR];

    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        UInt256[] shifts =
        [
            UInt256.Zero, UInt256.One, new(7), new(8), new(9), new((ulong)rng.Next(10, 255)), new(255), new(256), new(257),
            (UInt256.One << 128) + UInt256.One, UInt256.MaxValue,
        ];
        var negative = Word() | (UInt256.One << 255);
        var positive = Word() & ((UInt256.One << 255) - UInt256.One);
        var code = new BytecodeBuilder();
        foreach (var op in Ops)
            for (int k = 0; k < shifts.Length; k++)
            {
                var x = (k % 3) switch { 0 => Word(), 1 => negative, _ => positive };
                code.Push(x).Push(shifts[k]).Op(op).Op(Opcode.POP);
            }
        foreach (var op in Ops) code.Push(UInt256.MaxValue).Push(new UInt256(4)).Op(op).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    private static UInt256 Expected(ExecutionState state, UInt256 s, UInt256 x)
    {
        var big = x.ToBigInteger();
        var mod = BigInteger.One << 256;
        bool small = s < new UInt256(256);
        int n = (int)s.U0;
        return state switch
        {
            ExecutionState.Shl => small ? UInt256.FromBigInteger((big << n) % mod) : UInt256.Zero,
            ExecutionState.Shr => small ? UInt256.FromBigInteger(big >> n) : UInt256.Zero,
            _ => UInt256.FromBigInteger(((big >= mod / 2 ? big - mod : big) >> (small ? n : 256)) is var r && r < 0 ? r + mod : r),
        };
    }

    [Fact]
    public void The_trace_agrees_with_the_definition_and_every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        foreach (var step in b.Steps.Where(s => s.State is ExecutionState.Shl or ExecutionState.Shr or ExecutionState.Sar))
            Assert.Equal(Expected(step.State, step.Rw[0].Value, step.Rw[1].Value), step.Rw[2].Value);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Shl or ExecutionState.Shr or ExecutionState.Sar)
            .AssertAllCaught(output);
    }

    [Theory]
    [InlineData((byte)Opcode.SHL, 2)]
    [InlineData((byte)Opcode.SHR, 4)]
    [InlineData((byte)Opcode.SAR, 7)]  // shift 256 of a negative word: all ones
    [InlineData((byte)Opcode.SAR, 9)]
    public void A_wrong_result_is_rejected(byte opcode, int occurrence)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongResult(opcode, r => r ^ (UInt256.One << 200), occurrence));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "result high limb");
    }

    [Fact]
    public void A_cheaper_step_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(3), TraceLies.CheaperByOne((byte)Opcode.SAR));
        TraceLies.AssertCaughtBy(failures, "transition: gas");
    }
}
