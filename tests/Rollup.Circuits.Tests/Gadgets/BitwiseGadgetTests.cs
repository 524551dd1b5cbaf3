using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>AND, OR, XOR on random and edge words: the honest trace satisfies the circuit; every owned cell mutated
/// is caught; a trace claiming a wrong result is rejected by the gadget's own constraint.</summary>
public class BitwiseGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var code = new BytecodeBuilder();
        foreach (var op in new[] { Opcode.AND, Opcode.OR, Opcode.XOR })
        {
            code.Push(Word()).Push(Word()).Op(op).Op(Opcode.POP);
            code.Push(UInt256.MaxValue).Push(0).Op(op).Op(Opcode.POP);
        }
        return code.Op(Opcode.STOP).Build();
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is Evm.ExecutionState.And or Evm.ExecutionState.Or or Evm.ExecutionState.Xor)
            .AssertAllCaught(output);
    }

    [Theory]
    [InlineData((byte)Opcode.AND)]
    [InlineData((byte)Opcode.OR)]
    [InlineData((byte)Opcode.XOR)]
    public void A_wrong_result_is_rejected(byte opcode)
    {
        // The result flips its lowest bit, and the POP after it reads the same lie, so the log stays consistent.
        var failures = MutationHarness.AlteredTraceFailures(Program(2), t =>
        {
            int i = t.Steps.FindIndex(s => s.Opcode == opcode);
            var op = t.Steps[i];
            int w = op.RwCounter + 2;
            var wrong = t.Rw[w].Value ^ UInt256.One;
            t.Rw[w] = t.Rw[w] with { Value = wrong };
            int r = t.Steps[i + 1].RwCounter;
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
        });
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.Contains("result low limb"));
    }
}
