using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>DIV and MOD on every pair of edge words (division by zero, by one, by the largest word, a &lt; b, a = b) and on
/// random words: honest traces pass, every owned cell mutated is caught, lies about the result or gas are rejected.</summary>
public class DivModGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(Opcode op, int seed) => ArithmeticCases.Program(op, ArithmeticCases.Pairs(seed, randomPairs: 8));

    [Theory]
    [InlineData(Opcode.DIV, ExecutionState.Div)]
    [InlineData(Opcode.MOD, ExecutionState.Mod)]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught(Opcode op, ExecutionState state)
    {
        var b = EvmTestbed.Build(Program(op, 1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == state).AssertAllCaught(output);
    }

    [Theory]
    [InlineData(Opcode.DIV, "Div")]
    [InlineData(Opcode.MOD, "Mod")]
    public void A_wrong_result_is_rejected(Opcode op, string gate)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(op, 2), ArithmeticCases.WrongResult((byte)op, v => v + UInt256.One));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.StartsWith($"{gate}: result low limb"));
        // The first case divides 0 by 0: claiming 1 instead of 0 must fail too (the witness uses the EVM's rule, 0).
        var byZero = MutationHarness.AlteredTraceFailures(ArithmeticCases.Program(op, [[UInt256.Zero, UInt256.Zero], [new UInt256(9), UInt256.Zero]]),
            ArithmeticCases.WrongResult((byte)op, _ => UInt256.One));
        Assert.Contains(byZero, f => f.Name.StartsWith($"{gate}: result low limb"));
    }

    [Theory]
    [InlineData(Opcode.DIV, "Div")]
    [InlineData(Opcode.MOD, "Mod")]
    public void A_wrong_gas_is_rejected(Opcode op, string gate)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(op, 3), ArithmeticCases.WrongGas((byte)op));
        Assert.Contains(failures, f => f.Name == $"{gate}: transition: gas");
    }
}
