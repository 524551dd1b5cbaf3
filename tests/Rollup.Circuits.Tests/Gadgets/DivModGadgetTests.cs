using System.Numerics;
using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
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
    /// <summary>For lying traces (the full checker runs on them): the lie is in the first case.</summary>
    private static byte[] SmallProgram(Opcode op) => ArithmeticCases.Program(op, [[new UInt256(1000), new UInt256(7)], [UInt256.MaxValue, UInt256.One]]);

    [Theory]
    [InlineData(Opcode.DIV, ExecutionState.Div)]
    [InlineData(Opcode.MOD, ExecutionState.Mod)]
    public void Honest_trace_passes_and_every_owned_cell_mutation_is_caught(Opcode op, ExecutionState state)
        => DivisionChecks.HonestTraceAndMutations(op, state, output);

    [Theory]
    [InlineData(Opcode.DIV, "Div")]
    [InlineData(Opcode.MOD, "Mod")]
    public void A_wrong_result_is_rejected(Opcode op, string gate)
        => DivisionChecks.WrongResultRejected(op, gate, SmallProgram(op), output);

    [Theory]
    [InlineData(Opcode.DIV, "Div")]
    [InlineData(Opcode.MOD, "Mod")]
    public void A_wrong_gas_is_rejected(Opcode op, string gate)
        => DivisionChecks.WrongGasRejected(op, gate, SmallProgram(op));

    [Theory]
    [InlineData(Opcode.DIV, ExecutionState.Div)]
    [InlineData(Opcode.MOD, ExecutionState.Mod)]
    public void A_remainder_not_below_the_divisor_is_rejected(Opcode op, ExecutionState state)
    {
        // 1000 = 7·142 + 6. A prover claiming q = 141, r = 13 satisfies 7·q + r = 1000 exactly (the carry chain holds);
        // only r < b' stands in the way. The trace claims that result, and the witness is patched to match it.
        var program = ArithmeticCases.Program(op, [[new UInt256(1000), new UInt256(7)]]);
        var b = EvmTestbed.Build(program, ArithmeticCases.WrongResult((byte)op, _ => new UInt256(op == Opcode.DIV ? 141UL : 13UL)));
        int step = b.Steps.FindIndex(s => s.State == state);
        var cells = b.Evm.BuilderOf(state).OwnedCells;
        void SetBytes(string name, BigInteger value)
        {
            int row = step * EvmCircuitConfig.Height;
            for (int i = 0; i < 32; i++)
            {
                var cell = cells.Single(c => c.Name == $"{name}[{i}]");
                b.Assignment[cell.Column, row + cell.Rotation] = Fr.FromUInt64((ulong)(byte)((value >> (8 * i)) & 0xff));
            }
        }
        SetBytes("q", 141);
        SetBytes("r", 13);
        SetBytes("r < b': y − x − 1", (BigInteger.One << 256) - 7); // 7 − 13 − 1, wrapped: the best a prover can do
        var carry = cells.Single(c => c.Name == "r < b': carry of the low limbs");
        b.Assignment[carry.Column, step * EvmCircuitConfig.Height + carry.Rotation] = Fr.One;

        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Select(f => f.Name)));
        Assert.Contains(failures, f => f.Name == $"{state}: r < b': high limbs");
        Assert.DoesNotContain(failures, f => f.Name.Contains("b'·q + r = a") || f.Name.Contains("result"));
    }
}
