using System.Numerics;
using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>CALLDATALOAD on real transactions with calldata: full words, words that run past the end, offsets at and past
/// the end, offsets of 2^32 and 2^255. The pushed word is checked against the calldata itself (BigInteger over the
/// zero-padded slice), the circuit accepts the honest trace and catches every owned-cell mutation, and a trace that
/// loads a different word is rejected by the calldata lookups.</summary>
public class CallDataLoadGadgetTests(ITestOutputHelper output)
{
    private static readonly byte[] CallData = Enumerable.Range(0, 36).Select(i => (byte)(0xa0 + i)).ToArray();

    private static byte[] Program(params UInt256[] offsets)
    {
        var code = new BytecodeBuilder();
        foreach (var o in offsets) code.Push(o).Op(Opcode.CALLDATALOAD).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    private static UInt256 Expected(byte[] data, BigInteger offset)
    {
        var word = new byte[32];
        for (int j = 0; j < 32; j++)
            if (offset + j < data.Length) word[j] = data[(int)(offset + j)];
        return UInt256.FromBigEndian(word);
    }

    public static TheoryData<string> Offsets => new() { "0", "1", "4", "20", "35", "36", "100", "4294967296", "57896044618658097711785492504343953926634992332820282019728792003956564819968" };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Loads_the_calldata_word_and_every_mutation_is_caught(string offsetText)
    {
        var offset = BigInteger.Parse(offsetText);
        var b = EvmTestbed.Build(Program(UInt256.FromBigInteger(offset)), input: CallData);
        var step = b.Steps.Single(s => s.State == ExecutionState.CallDataLoad);
        Assert.Equal(Expected(CallData, offset), step.Rw[^1].Value);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State == ExecutionState.CallDataLoad).AssertAllCaught(output);
    }

    [Fact]
    public void Empty_calldata_loads_zero()
    {
        var b = EvmTestbed.Build(Program(UInt256.Zero, new UInt256(31)));
        Assert.All(b.Steps.Where(s => s.State == ExecutionState.CallDataLoad), s => Assert.True(s.Rw[^1].Value.IsZero));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void A_word_that_is_not_the_calldata_is_rejected(int offset)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(new UInt256((ulong)offset)),
            TraceLies.WrongResult(0x35, v => v ^ (UInt256.One << 255)), CallData); // the first (real) byte
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("in the tx table"));
    }

    [Fact]
    public void A_non_zero_byte_past_the_end_is_rejected()
    {
        // At offset 20 only 16 bytes are real: the trace claims the last byte (past the end) is 1.
        var failures = MutationHarness.AlteredTraceFailures(Program(new UInt256(20)),
            TraceLies.WrongResult(0x35, v => v | UInt256.One), CallData);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("byte 31 is zero past the end"));
    }
}
