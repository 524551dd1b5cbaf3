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

/// <summary>Out of gas on memory expansion (<see cref="ErrorOutOfGasMemoryGadget"/>) on real executions: each program's
/// last instruction gets one gas less than it costs (near accesses, whose cost the circuit computes exactly) or an offset
/// or length no gas could pay for (far ones, bounded). The step logs its stack inputs and no memory access; the
/// circuit accepts it, the call is undone, and every owned cell's mutation is caught. With exactly enough gas the step
/// succeeds, and claiming it ran out of gas is refused; so are a claimed far access, a wrong end, a wrong memory size,
/// a wrong gas left, and gas kept by the failed call.</summary>
public class OutOfGasMemoryTests(ITestOutputHelper output)
{
    private static readonly UInt256 Huge = UInt256.One << 200;

    /// <summary>Programs whose last instruction expands memory, with the opcode.</summary>
    public static TheoryData<string, byte[], byte> Near => new()
    {
        { "MSTORE at 1,000,000", new BytecodeBuilder().Push(1).Push(1_000_000).Op(Opcode.MSTORE).Build(), 0x52 },
        { "MLOAD unaligned at 33", new BytecodeBuilder().Push(33).Op(Opcode.MLOAD).Build(), 0x51 },
        { "MSTORE8 at 64 after a word", new BytecodeBuilder().Push(7).Push(0).Op(Opcode.MSTORE).Push(9).Push(64).Op(Opcode.MSTORE8).Build(), 0x53 },
        { "RETURN of 300 bytes at 100", new BytecodeBuilder().Push(300).Push(100).Op(Opcode.RETURN).Build(), 0xf3 },
        { "REVERT of 1 byte at 5,000", new BytecodeBuilder().Push(1).Push(5_000).Op(Opcode.REVERT).Build(), 0xfd },
    };

    [Theory]
    [MemberData(nameof(Near))]
    public void One_gas_short_of_a_near_expansion_is_proven(string what, byte[] code, byte opcode)
    {
        output.WriteLine(what);
        var (before, cost) = Measure(code, opcode);
        var b = Build(code, before + cost - 1);
        var halted = Halted(b);
        Assert.Equal(opcode, halted.Step!.Opcode);
        Assert.Equal(opcode == 0x51 ? 1 : 2, halted.Rw.Count); // the stack inputs, no memory word
        Assert.All(halted.Rw, e => Assert.Equal(RwTag.Stack, e.Tag));
        AssertProven(b, ExecutionState.ErrorOutOfGasMemory, output, undone: 2);
    }

    public static TheoryData<string, byte[]> Far => new()
    {
        { "MLOAD at 2^200", new BytecodeBuilder().Push(Huge).Op(Opcode.MLOAD).Build() },
        { "MSTORE at 2^60", new BytecodeBuilder().Push(1).Push(UInt256.One << 60).Op(Opcode.MSTORE).Build() },
        { "MSTORE8 at 2^48", new BytecodeBuilder().Push(1).Push(UInt256.One << 48).Op(Opcode.MSTORE8).Build() },
        { "RETURN of 2^100 bytes", new BytecodeBuilder().Push(UInt256.One << 100).Push(0).Op(Opcode.RETURN).Build() },
        { "REVERT of 1 byte at 2^200", new BytecodeBuilder().Push(1).Push(Huge).Op(Opcode.REVERT).Build() },
        // Near, at the edge: 2^48 − 1 + 1 bytes end at 2^43 words, whose cost needs the wide quotient (about 2^77 gas).
        { "RETURN of 1 byte at 2^48 - 1", new BytecodeBuilder().Push(1).Push((UInt256.One << 48) - UInt256.One).Op(Opcode.RETURN).Build() },
    };

    [Theory]
    [MemberData(nameof(Far))]
    public void An_offset_or_length_no_gas_pays_for_is_proven_by_the_bound(string what, byte[] code)
    {
        output.WriteLine(what);
        var b = Build(code, 1_000_000);
        Assert.All(Halted(b).Rw, e => Assert.Equal(RwTag.Stack, e.Tag));
        AssertProven(b, ExecutionState.ErrorOutOfGasMemory, output, undone: 2);
    }

    [Theory]
    [MemberData(nameof(Near))]
    public void With_exactly_enough_gas_the_step_succeeds_and_cannot_be_claimed_out_of_gas(string what, byte[] code, byte opcode)
    {
        output.WriteLine(what);
        var (before, cost) = Measure(code, opcode);
        var b = Build(code, before + cost, claimed: ExecutionState.ErrorOutOfGasMemory, alter: Claim(opcode, ExecutionState.ErrorOutOfGasMemory));
        Assert.DoesNotContain(b.Trace.Steps, s => s.Halt.IsExceptional());
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_zero_length_RETURN_at_a_huge_offset_costs_nothing_and_cannot_be_claimed_out_of_gas()
    {
        var code = new BytecodeBuilder().Push(0).Push(Huge).Op(Opcode.RETURN).Build();
        var b = Build(code, 100, claimed: ExecutionState.ErrorOutOfGasMemory, alter: Claim(0xf3, ExecutionState.ErrorOutOfGasMemory));
        Assert.Equal(Rollup.Evm.Execution.ExitReason.Return, b.Trace.Steps[^1].Halt);
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    /// <summary>MSTORE at 1,000,000 one gas short: the honest witness, for the lies below.</summary>
    private EvmTestbed.Built ShortMstore(Action<List<EvmStep>>? alter = null, Action<ZkTrace>? alterTrace = null)
    {
        var code = new BytecodeBuilder().Push(1).Push(1_000_000).Op(Opcode.MSTORE).Build();
        var (before, cost) = Measure(code, 0x52);
        return Build(code, before + cost - 1, alter: alter, alterTrace: alterTrace);
    }

    [Fact]
    public void A_near_access_claimed_far_is_rejected() =>
        AssertNamed(FailuresWithCell(ShortMstore(), "near access", Fr.Zero), "near = offset and length below 2^48", output);

    [Fact]
    public void A_larger_end_is_rejected() =>
        AssertNamed(FailuresWithCell(ShortMstore(), "end words[0]", Fr.FromUInt64(0xff)), "end + 31 = 32·words + r", output);

    [Fact]
    public void A_memory_size_that_needs_no_expansion_is_rejected()
    {
        // The trace claims memory already held the word: nothing to pay for but the static 3 gas, which the gas covers.
        var b = ShortMstore(alterTrace: t => t.Steps[^1] = With(t.Steps[^1], memorySize: 1_000_032 + 32));
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_gas_left_that_pays_is_rejected()
    {
        var b = ShortMstore(alterTrace: t => t.Steps[^1] = EvmTestbed.With(t.Steps[^1], gasLeft: t.Steps[^1].GasLeft + 1));
        AssertNamed(Failures(b), "the cost exceeds the gas left", output);
    }

    [Fact]
    public void A_failed_call_that_keeps_gas_is_rejected() =>
        AssertNamed(Failures(ShortMstore(alter: KeepsGas(1))), "transition: gas", output);

    private static ZkStep With(ZkStep s, ulong memorySize) => new()
    {
        Pc = s.Pc, Opcode = s.Opcode, GasLeft = s.GasLeft, GasCost = s.GasCost, Depth = s.Depth, CallId = s.CallId,
        StackPointer = s.StackPointer, MemorySize = memorySize, RwCounter = s.RwCounter, RwCount = s.RwCount, Halt = s.Halt,
    };
}
