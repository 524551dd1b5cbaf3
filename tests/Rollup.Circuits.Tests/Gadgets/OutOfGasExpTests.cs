using Rollup.Circuits.Evm;
using Rollup.Circuits.Evm.Gadgets;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Xunit.Abstractions;
using static Rollup.Circuits.Tests.Support.OutOfGasBed;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>Out of gas on EXP's 50 gas per exponent byte (<see cref="ErrorOutOfGasExpGadget"/>) on real executions: the
/// step pops base and exponent and the circuit measures the exponent's length. With exactly enough gas EXP succeeds and
/// cannot be claimed out of gas; a shorter exponent and gas kept by the failed call are rejected by name.</summary>
public class OutOfGasExpTests(ITestOutputHelper output)
{
    private static byte[] Exp(UInt256 exponent) => new BytecodeBuilder().Push(exponent).Push(3).Op(Opcode.EXP).Build();

    public static TheoryData<string, UInt256, long> Cases => new()
    {
        { "a 32-byte exponent, one gas short of 1,610", UInt256.One << 255, -1 },
        { "a 2-byte exponent with only the static 10", new UInt256(0x0100), 10 },
        { "a 1-byte exponent, one gas short of 60", new UInt256(2), -1 },
    };

    /// <param name="gasLeft">Gas left at EXP, or −1 for its cost less one.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public void An_EXP_out_of_gas_on_its_exponent_bytes_is_proven(string what, UInt256 exponent, long gasLeft)
    {
        output.WriteLine(what);
        var code = Exp(exponent);
        var (before, cost) = Measure(code, 0x0a);
        var b = Build(code, before + (gasLeft < 0 ? cost - 1 : gasLeft));
        Assert.Equal([RwTag.Stack, RwTag.Stack], Halted(b).Rw.Select(e => e.Tag));
        AssertProven(b, ExecutionState.ErrorOutOfGasExp, output, undone: 2);
    }

    [Fact]
    public void With_exactly_enough_gas_EXP_succeeds_and_cannot_be_claimed_out_of_gas()
    {
        var code = Exp(UInt256.One << 255);
        var (before, cost) = Measure(code, 0x0a);
        Assert.Equal(1_610, cost);
        var b = Build(code, before + cost, claimed: ExecutionState.ErrorOutOfGasExp, alter: Claim(0x0a, ExecutionState.ErrorOutOfGasExp));
        Assert.DoesNotContain(b.Trace.Steps, s => s.Halt.IsExceptional());
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_shorter_exponent_is_rejected()
    {
        // The top byte dropped from the mask: the byte above the claimed length is not zero.
        var code = Exp(UInt256.One << 255);
        var (before, cost) = Measure(code, 0x0a);
        AssertNamed(FailuresWithCell(Build(code, before + cost - 1), "exponent: byte 31 counts", Fr.Zero), "exponent: byte 31 is zero above the length", output);
    }

    [Fact]
    public void A_failed_EXP_that_keeps_gas_is_rejected()
    {
        var code = Exp(UInt256.One << 255);
        var (before, cost) = Measure(code, 0x0a);
        AssertNamed(Failures(Build(code, before + cost - 1, alter: KeepsGas(1))), "transition: gas", output);
    }
}
