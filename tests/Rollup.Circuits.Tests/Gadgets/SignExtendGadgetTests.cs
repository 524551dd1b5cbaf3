using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>SIGNEXTEND for every byte index 0..32 on words whose selected byte is negative or not, indexes 255, 256, 2^128
/// and 2^255 (no extension), and random words: honest traces pass, every owned cell mutated is caught, lies about the
/// result or gas are rejected.</summary>
public class SignExtendGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        var cases = new List<UInt256[]>();
        for (int i = 0; i <= 32; i++)
        {
            cases.Add([new UInt256((ulong)i), ArithmeticCases.RandomWord(rng) | (UInt256.One << (8 * Math.Min(i, 31) + 7))]);
            cases.Add([new UInt256((ulong)i), ArithmeticCases.RandomWord(rng) & ~(UInt256.One << (8 * Math.Min(i, 31) + 7))]);
        }
        foreach (var index in new[] { new UInt256(255), new UInt256(256), new UInt256(287), UInt256.One << 128, ArithmeticCases.SignBit, UInt256.MaxValue })
            cases.Add([index, UInt256.MaxValue - new UInt256(0x80)]);
        cases.Add([UInt256.Zero, new UInt256(0x80)]);
        cases.Add([UInt256.Zero, new UInt256(0x7f)]);
        return ArithmeticCases.Program(Opcode.SIGNEXTEND, cases);
    }

    [Fact]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        var failures = new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Name} at row {f.Row}")));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.SignExtend).AssertAllCaught(output);
    }

    [Fact]
    public void A_wrong_result_is_rejected()
    {
        // SIGNEXTEND(0, 0x80) = 2^256 − 128: the trace claims 0x80 (no extension), then the extension one byte too high.
        var program = ArithmeticCases.Program(Opcode.SIGNEXTEND, [[UInt256.Zero, new UInt256(0x80)]]);
        var none = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongResult(0x0b, _ => new UInt256(0x80)));
        output.WriteLine(string.Join("\n", none.Take(3)));
        Assert.Contains(none, f => f.Name.StartsWith("SignExtend: result"));
        var shifted = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongResult(0x0b, v => v & ~new UInt256(0xff00)));
        Assert.Contains(shifted, f => f.Name.StartsWith("SignExtend: result low limb"));
    }

    [Fact]
    public void A_wrong_gas_is_rejected()
    {
        var program = ArithmeticCases.Program(Opcode.SIGNEXTEND, [[UInt256.One, new UInt256(0x8000)]]);
        var failures = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongGas(0x0b));
        Assert.Contains(failures, f => f.Name == "SignExtend: transition: gas");
    }
}
