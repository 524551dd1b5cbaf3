using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>PC, MSIZE and GAS: each pushes a field of the step state (GAS: after its own 2 gas). The honest trace
/// satisfies the circuit, every owned cell mutated is caught, and a trace pushing a wrong value is rejected by the
/// gadget's own constraint.</summary>
public class StepStateGadgetTests(ITestOutputHelper output)
{
    internal static byte[] Program() => new BytecodeBuilder()
        .Op(Opcode.PC).Op(Opcode.MSIZE).Op(Opcode.GAS)
        .Push(7).Op(Opcode.POP).Op(Opcode.PC).Op(Opcode.GAS).Op(Opcode.MSIZE)
        .Ops(Opcode.POP, Opcode.POP, Opcode.POP, Opcode.POP, Opcode.POP, Opcode.POP)
        .Op(Opcode.STOP).Build();

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program());
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Pc or ExecutionState.Msize or ExecutionState.Gas).AssertAllCaught(output);
    }

    [Theory]
    [InlineData((byte)Opcode.PC, "Pc: pushes the PC value (lo)")]
    [InlineData((byte)Opcode.GAS, "Gas: pushes the GAS value (lo)")]
    [InlineData((byte)Opcode.MSIZE, "Msize: pushes the MSIZE value (lo)")]
    public void A_wrong_value_is_rejected(byte opcode, string constraint)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(), TraceLies.WrongWrittenValue(opcode, 0, v => v + UInt256.One, nth: 1));
        output.WriteLine(string.Join("\n", failures.Take(4)));
        Assert.Contains(failures, f => f.Name.Contains(constraint));
    }

    [Fact]
    public void A_wrong_gas_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(), TraceLies.WrongGas((byte)Opcode.PC, 2));
        output.WriteLine(string.Join("\n", failures.Take(4)));
        Assert.Contains(failures, f => f.Name.Contains("Pc: transition: gas"));
    }
}
