using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>BYTE over random words with every kind of index: 0, 31, random below 32, 32, 255, 256 + 3 (low byte in range,
/// word not), 2^128 + 5, 2^255 and 2^256 − 1: the honest trace satisfies the circuit, every owned cell mutated is caught,
/// a wrong byte or a cheaper step is rejected.</summary>
public class ByteGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        UInt256[] indices =
        [
            UInt256.Zero, new(31), new((ulong)rng.Next(1, 31)), new(32), new(255), new(256 + 3), (UInt256.One << 128) + new UInt256(5),
            UInt256.One << 255, UInt256.MaxValue, new(7),
        ];
        var code = new BytecodeBuilder();
        foreach (var i in indices) code.Push(Word()).Push(i).Op(Opcode.BYTE).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        foreach (var step in b.Steps.Where(s => s.State == ExecutionState.Byte))
        {
            var i = step.Rw[0].Value;
            var expected = i < new UInt256(32) ? new UInt256(step.Rw[1].Value.ToBigEndian()[(int)i.U0]) : UInt256.Zero;
            Assert.Equal(expected, step.Rw[2].Value);
        }
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.Byte).AssertAllCaught(output);
    }

    [Theory]
    [InlineData(1)] // index 31: the lowest byte
    [InlineData(5)] // index 259: out of range although its low byte is 3
    public void A_wrong_byte_is_rejected(int occurrence)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(2), TraceLies.WrongResult((byte)Opcode.BYTE, r => r ^ UInt256.One, occurrence));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        TraceLies.AssertCaughtBy(failures, "result is the picked byte");
    }

    [Fact]
    public void A_cheaper_step_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(3), TraceLies.CheaperByOne((byte)Opcode.BYTE));
        TraceLies.AssertCaughtBy(failures, "transition: gas");
    }
}
