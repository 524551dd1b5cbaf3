using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>MUL on every pair of edge words and on random words: the honest trace satisfies the circuit, every owned cell
/// mutated is caught, and a trace lying about the product or the gas is rejected by the gadget's own constraints.</summary>
public class MulGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed) => ArithmeticCases.Program(Opcode.MUL, ArithmeticCases.Pairs(seed, randomPairs: 8));

    /// <summary>For lying traces (the full checker runs on them): the lie is in the first case.</summary>
    private static readonly byte[] SmallProgram = ArithmeticCases.Program(Opcode.MUL,
        [[UInt256.MaxValue, ArithmeticCases.SignBit + UInt256.One], [new UInt256(3), new UInt256(5)]]);

    [Fact]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.Mul).AssertAllCaught(output);
    }

    [Fact]
    public void A_wrong_product_is_rejected()
    {
        // Off by 2^128 (the high limb), then off by one in the low limb.
        var high = MutationHarness.AlteredTraceFailures(SmallProgram, ArithmeticCases.WrongResult(0x02, v => v + (UInt256.One << 128)));
        Assert.Contains(high, f => f.Name.StartsWith("Mul: a·b = result mod 2^256"));
        var low = MutationHarness.AlteredTraceFailures(SmallProgram, ArithmeticCases.WrongResult(0x02, v => v ^ UInt256.One));
        output.WriteLine(string.Join("\n", low.Take(3)));
        Assert.Contains(low, f => f.Name.StartsWith("Mul: a·b = result mod 2^256: chunk 0"));
    }

    [Fact]
    public void A_wrong_gas_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(SmallProgram, ArithmeticCases.WrongGas(0x02));
        Assert.Contains(failures, f => f.Name == "Mul: transition: gas");
    }
}
