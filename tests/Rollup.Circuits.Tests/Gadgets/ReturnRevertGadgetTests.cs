using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>RETURN and REVERT over empty ranges (with an offset no memory could hold), aligned and unaligned ranges
/// inside memory and past its end (expanding it, from 0 and from a used memory), up to the 14 words a step holds. Each
/// honest trace satisfies the circuit, every owned cell mutated is caught, and traces that read the wrong word or
/// claim another range are rejected by the gadget's own constraints.</summary>
public class ReturnRevertGadgetTests(ITestOutputHelper output)
{
    /// <summary>Stores two random words at 0 and 40, then ends with <paramref name="end"/> over [offset, offset + size).</summary>
    internal static byte[] Program(Opcode end, UInt256 offset, UInt256 size, bool touchMemory = true)
    {
        var rng = new Random((int)(offset.U0 + 7 * size.U0));
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var code = new BytecodeBuilder();
        if (touchMemory) code.Push(Word()).Push(0).Op(Opcode.MSTORE).Push(Word()).Push(40).Op(Opcode.MSTORE);
        return code.Push(size).Push(offset).Op(end).Build();
    }

    public static TheoryData<Opcode, ulong, ulong, bool> Cases => new()
    {
        { Opcode.RETURN, 0, 0, false },
        { Opcode.RETURN, 1000, 0, true },     // empty: no expansion at any offset
        { Opcode.RETURN, 0, 32, true },
        { Opcode.RETURN, 5, 64, true },       // 3 words, inside memory
        { Opcode.RETURN, 31, 1, true },
        { Opcode.RETURN, 70, 100, true },     // expands from 3 to 6 words
        { Opcode.RETURN, 0, 448, false },     // 14 words, the most a step holds, from empty memory
        { Opcode.REVERT, 0, 0, true },
        { Opcode.REVERT, 33, 31, true },
        { Opcode.REVERT, 100, 200, false },
    };

    private static EvmTestbed.Built Build(byte[] code, Action<ZkTrace>? alter = null)
    {
        // REVERT ends the transaction unsuccessfully: the test bed must not require success.
        return EvmTestbed.Build(code, alter, mustSucceed: false);
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught_in_every_case()
    {
        var report = new MutationReport();
        foreach (var row in Cases)
        {
            var (end, offset, size, touch) = ((Opcode)row[0], (ulong)row[1], (ulong)row[2], (bool)row[3]);
            var b = Build(Program(end, new UInt256(offset), new UInt256(size), touch));
            var last = b.Trace.Steps[^1];
            Assert.Equal((byte)end, last.Opcode);
            // The expected gas is the EVM's (the trace), independent of the circuit: expansion only.
            ulong before = last.MemorySize / 32, after = size == 0 ? before : Math.Max(before, (offset + size + 31) / 32);
            Assert.Equal(MemoryExpansion.Cost(after) - MemoryExpansion.Cost(before), last.GasCost);
            Assert.Equal(size == 0 ? 0 : (int)((offset + size - 1) / 32 - offset / 32 + 1), last.RwCount - 2);
            MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Return or ExecutionState.Revert, report);
        }
        report.AssertAllCaught(output);
    }

    [Fact]
    public void An_empty_range_at_a_huge_offset_is_proven()
    {
        var b = Build(Program(Opcode.RETURN, UInt256.MaxValue, UInt256.Zero));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
    }

    [Fact]
    public void A_read_of_the_wrong_word_is_rejected()
    {
        var b = Build(Program(Opcode.RETURN, 5, 64), t =>
        {
            var step = t.Steps[^1];
            int r = step.RwCounter + 3;   // word 1 of [5, 69) claims to be word 2
            t.Rw[r] = t.Rw[r] with { Key = t.Rw[r].Key + UInt256.One, Value = UInt256.Zero, Previous = UInt256.Zero };
        });
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("Return: slot 3 as word 1 of the range: key"));
    }

    [Fact]
    public void A_range_with_a_word_left_out_is_rejected()
    {
        // REVERT over [100, 300) reads words 3 … 9 (slots 2 … 8); the trace leaves the last one out, and the slot the
        // range needs finds nothing.
        var b = Build(Program(Opcode.REVERT, 100, 200), t =>
        {
            var step = t.Steps[^1];
            int last = step.RwCounter + step.RwCount - 1;
            t.Rw.RemoveAt(last);
            step.RwCount--;
            for (int i = last; i < t.Rw.Count; i++) t.Rw[i] = t.Rw[i] with { RwCounter = i };
        });
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("Revert: slot 8 is enabled when its condition holds"));
    }
}
