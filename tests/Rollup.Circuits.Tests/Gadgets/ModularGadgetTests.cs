using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>ADDMOD and MULMOD with every edge modulus (0, 1, 2, 2^255, the largest word, …) against sums and products that
/// overflow 256 bits, and random triples: honest traces pass, every owned cell mutated is caught, lies about the result
/// or gas are rejected.</summary>
public class ModularGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(Opcode op, int seed) => ArithmeticCases.Program(op, ArithmeticCases.Triples(seed, randomTriples: 8));

    /// <summary>For lying traces (the full checker runs on them): the lie is in the first case.</summary>
    private static byte[] SmallProgram(Opcode op) => ArithmeticCases.Program(op,
        [[UInt256.MaxValue, UInt256.MaxValue, UInt256.Zero], [new UInt256(5), new UInt256(6), new UInt256(7)]]);

    [Theory]
    [InlineData(Opcode.ADDMOD, ExecutionState.AddMod)]
    [InlineData(Opcode.MULMOD, ExecutionState.MulMod)]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught(Opcode op, ExecutionState state)
    {
        var b = EvmTestbed.Build(Program(op, 1));
        var failures = new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Name} at row {f.Row}")));
        MutationHarness.MutateOwnedCells(b, s => s.State == state).AssertAllCaught(output);
    }

    [Theory]
    [InlineData(Opcode.ADDMOD, "AddMod")]
    [InlineData(Opcode.MULMOD, "MulMod")]
    public void A_wrong_result_is_rejected(Opcode op, string gate)
    {
        // The first case is (2^256 − 1) ∘ (2^256 − 1) mod 0 = 0; claim 1. Then a case whose result wraps: claim the
        // result of the 256-bit-wrapped sum or product instead of the true one.
        var byZero = MutationHarness.AlteredTraceFailures(SmallProgram(op), ArithmeticCases.WrongResult((byte)op, v => v + UInt256.One));
        output.WriteLine(string.Join("\n", byZero.Take(3)));
        Assert.Contains(byZero, f => f.Name.StartsWith($"{gate}: result low limb is r"));

        var n = new UInt256(1000003);
        var wrappedWord = op == Opcode.ADDMOD ? UInt256.MaxValue + UInt256.MaxValue : UInt256.MaxValue * UInt256.MaxValue;
        var wrapped = UInt256.FromBigInteger(wrappedWord.ToBigInteger() % n.ToBigInteger());
        var program = ArithmeticCases.Program(op, [[UInt256.MaxValue, UInt256.MaxValue, n]]);
        var failures = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongResult((byte)op, _ => wrapped));
        Assert.Contains(failures, f => f.Name.StartsWith($"{gate}: result low limb is r"));
    }

    [Theory]
    [InlineData(Opcode.ADDMOD, "AddMod")]
    [InlineData(Opcode.MULMOD, "MulMod")]
    public void A_wrong_gas_is_rejected(Opcode op, string gate)
    {
        var program = ArithmeticCases.Program(op, [[new UInt256(5), new UInt256(6), new UInt256(7)]]);
        var failures = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongGas((byte)op));
        Assert.Contains(failures, f => f.Name == $"{gate}: transition: gas");
    }
}
