using Rollup.Circuits.Evm;
using Rollup.Core.Numerics;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Support;

/// <summary>The checks DIV/MOD and SDIV/SMOD share: an honest trace with every owned cell mutated, a result one too
/// large (and a division by zero claiming 1), and a wrong gas, each named by the gadget's gate. The callers differ only in
/// their opcodes and in the small program the lies are told on.</summary>
public static class DivisionChecks
{
    public static void HonestTraceAndMutations(Opcode op, ExecutionState state, ITestOutputHelper output)
    {
        var b = EvmTestbed.Build(ArithmeticCases.Program(op, ArithmeticCases.Pairs(1, randomPairs: 8)));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == state).AssertAllCaught(output);
    }

    public static void WrongResultRejected(Opcode op, string gate, byte[] smallProgram, ITestOutputHelper output)
    {
        var failures = MutationHarness.AlteredTraceFailures(smallProgram, ArithmeticCases.WrongResult((byte)op, v => v + UInt256.One));
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.StartsWith($"{gate}: result low limb"));
        // The first case divides 0 by 0: claiming 1 instead of 0 must fail too (the witness uses the EVM's rule, 0).
        var byZero = MutationHarness.AlteredTraceFailures(ArithmeticCases.Program(op, [[UInt256.Zero, UInt256.Zero], [new UInt256(9), UInt256.Zero]]),
            ArithmeticCases.WrongResult((byte)op, _ => UInt256.One));
        Assert.Contains(byZero, f => f.Name.StartsWith($"{gate}: result low limb"));
    }

    public static void WrongGasRejected(Opcode op, string gate, byte[] smallProgram)
    {
        var failures = MutationHarness.AlteredTraceFailures(smallProgram, ArithmeticCases.WrongGas((byte)op));
        Assert.Contains(failures, f => f.Name == $"{gate}: transition: gas");
    }
}
