using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>SDIV and SMOD on every pair of edge words (division by zero, by ±1, −2^255 / −1, mixed signs, |a| &lt; |b|) and on
/// random words: honest traces pass, every owned cell mutated is caught, lies about the result, its sign or the gas are
/// rejected.</summary>
public class SignedDivModGadgetTests(ITestOutputHelper output)
{
    /// <summary>For lying traces (the full checker runs on them): the lie is in the first case.</summary>
    private static byte[] SmallProgram(Opcode op) => ArithmeticCases.Program(op, [[UInt256.Zero - new UInt256(1000), new UInt256(7)], [UInt256.MaxValue, UInt256.One]]);

    [Theory]
    [InlineData(Opcode.SDIV, ExecutionState.SDiv)]
    [InlineData(Opcode.SMOD, ExecutionState.SMod)]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught(Opcode op, ExecutionState state)
        => DivisionChecks.HonestTraceAndMutations(op, state, output);

    [Theory]
    [InlineData(Opcode.SDIV, "SDiv")]
    [InlineData(Opcode.SMOD, "SMod")]
    public void A_wrong_result_is_rejected(Opcode op, string gate)
        => DivisionChecks.WrongResultRejected(op, gate, SmallProgram(op), output);

    [Theory]
    [InlineData(Opcode.SDIV, "SDiv")]
    [InlineData(Opcode.SMOD, "SMod")]
    public void A_wrong_gas_is_rejected(Opcode op, string gate)
        => DivisionChecks.WrongGasRejected(op, gate, SmallProgram(op));

    [Theory]
    [InlineData(Opcode.SDIV, "SDiv")]
    [InlineData(Opcode.SMOD, "SMod")]
    public void A_result_with_the_wrong_sign_is_rejected(Opcode op, string gate)
    {
        // −7 / 2 = −3 and −7 mod 2 = −1 (truncation): the trace claims +3 and +1, the magnitudes stay right.
        var program = ArithmeticCases.Program(op, [[UInt256.Zero - new UInt256(7), new UInt256(2)]]);
        var failures = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongResult((byte)op, v => UInt256.Zero - v));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.StartsWith($"{gate}: result low limb"));
    }

    [Fact]
    public void Minus_two_to_the_255_divided_by_minus_one_is_itself()
    {
        var program = ArithmeticCases.Program(Opcode.SDIV, [[ArithmeticCases.SignBit, ArithmeticCases.MinusOne]]);
        var b = EvmTestbed.Build(program);
        Assert.Equal(ArithmeticCases.SignBit, b.Trace.Rw[b.Trace.Steps.First(s => s.Opcode == (byte)Opcode.SDIV).RwCounter + 2].Value);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        var failures = MutationHarness.AlteredTraceFailures(program, ArithmeticCases.WrongResult((byte)Opcode.SDIV, _ => UInt256.Zero));
        Assert.Contains(failures, f => f.Name.StartsWith("SDiv: result"));
    }
}
