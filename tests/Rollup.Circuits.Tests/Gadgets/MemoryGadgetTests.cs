using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>MLOAD, MSTORE and MSTORE8 on random and edge words at aligned and unaligned offsets (0, 5, 31, 32, 33, 63,
/// past the end of memory, far enough that the quadratic memory cost is non-zero), loads of never-written memory,
/// stores inside memory that do not expand it, and MSIZE after each. The honest trace satisfies the circuit (its gas,
/// memory expansion included, is the EVM's), every owned cell mutated is caught, and traces that lie about a loaded
/// or stored value, the word read, the gas or the memory size are rejected by the gadgets' own constraints.</summary>
public class MemoryGadgetTests(ITestOutputHelper output)
{
    internal static byte[] Program(int seed)
    {
        var rng = new Random(seed);
        UInt256 Word() { var b = new byte[32]; rng.NextBytes(b); return UInt256.FromBigEndian(b); }
        var code = new BytecodeBuilder();
        void Store(UInt256 value, ulong offset) => code.Push(value).Push(offset).Op(Opcode.MSTORE).Op(Opcode.MSIZE).Op(Opcode.POP);
        void Store8(UInt256 value, ulong offset) => code.Push(value).Push(offset).Op(Opcode.MSTORE8).Op(Opcode.MSIZE).Op(Opcode.POP);
        void Load(ulong offset) => code.Push(offset).Op(Opcode.MLOAD).Op(Opcode.POP).Op(Opcode.MSIZE).Op(Opcode.POP);

        Load(0);                         // empty memory: expands to one word, reads zero
        Store(Word(), 0);                // aligned, no expansion
        Store(UInt256.MaxValue, 5);      // unaligned, expands to 2 words
        Store(Word(), 31);               // unaligned at the last byte of word 0
        Store(Word(), 33);               // expands to 3 words
        Load(5);
        Load(31);
        Load(32);
        Load(40);                        // straddles into word 2
        Store8(Word(), 63);
        Store8(UInt256.MaxValue, 0);
        Store8(new UInt256(0x1ff), 100); // only the low byte (0xff) lands; expands to 4 words
        Load(63);
        Load(97);
        Load(10_000);                    // expands to 313 words: 313²/512 = 191 of quadratic cost
        Store(Word(), 9_990);            // inside memory, unaligned
        Load(9_990);
        Store(Word(), 20_017);           // expands again from 313 words
        Store8(Word(), 30_000);
        return code.Op(Opcode.STOP).Build();
    }

    private void AssertNamed(IReadOnlyList<ConstraintFailure> failures, string name)
    {
        output.WriteLine(string.Join("\n", failures.Take(6)));
        Assert.Contains(failures, f => f.Name.Contains(name));
    }

    /// <summary>The <paramref name="nth"/> step running <paramref name="opcode"/>.</summary>
    private static ZkStep StepOf(ZkTrace t, Opcode opcode, int nth) => t.Steps.Where(s => s.Opcode == (byte)opcode).ElementAt(nth);

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Mload or ExecutionState.Mstore or ExecutionState.Mstore8 or ExecutionState.Msize)
            .AssertAllCaught(output);
    }

    [Fact]
    public void A_wrong_loaded_value_is_rejected() =>
        // MLOAD 5 (unaligned): the pushed value (its fourth access) is off by one; the POP after it reads the lie.
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(2), t =>
        {
            var step = StepOf(t, Opcode.MLOAD, 1);
            int w = step.RwCounter + step.RwCount - 1;
            var wrong = t.Rw[w].Value ^ UInt256.One;
            t.Rw[w] = t.Rw[w] with { Value = wrong };
            int r = t.Steps[t.Steps.IndexOf(step) + 1].RwCounter;
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
        }), "Mload: pushes the 32 bytes at the offset (lo)");

    [Fact]
    public void A_load_from_the_wrong_word_is_rejected() =>
        // MLOAD 32 (aligned) claims to read word 0 instead of word 1, with word 0's value.
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(3), t =>
        {
            var step = StepOf(t, Opcode.MLOAD, 3);
            int m = step.RwCounter + 1;
            var word0 = t.Rw.Take(m).Last(e => e.Tag == RwTag.Memory && e.Key.IsZero && e.IsWrite).Value;
            t.Rw[m] = t.Rw[m] with { Key = UInt256.Zero, Value = word0, Previous = word0 };
        }), "Mload: slot 1 is a memory read: key");

    [Fact]
    public void A_wrong_stored_word_is_rejected() =>
        // MSTORE 5 (unaligned) claims word 1 took one more bit than it did.
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(4), t =>
        {
            var step = StepOf(t, Opcode.MSTORE, 1);
            int w = step.RwCounter + 3;
            t.Rw[w] = t.Rw[w] with { Value = t.Rw[w].Value ^ UInt256.One };
        }), "Mstore: word w + 1 after the store (lo)");

    [Fact]
    public void A_wrong_stored_byte_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(5), t =>
        {
            var step = StepOf(t, Opcode.MSTORE8, 2);   // 0x1ff at 100: only 0xff may land
            int w = step.RwCounter + 2;
            t.Rw[w] = t.Rw[w] with { Value = t.Rw[w].Value + (UInt256.One << (8 * (31 - 4 + 1))) };
        }), "Mstore8: word w after the store (hi)");

    [Theory]
    [InlineData(Opcode.MLOAD, 7)]       // the big expansion (313 words)
    [InlineData(Opcode.MSTORE, 5)]      // expands from 313 words
    [InlineData(Opcode.MSTORE8, 3)]
    public void A_wrong_gas_is_rejected(Opcode opcode, int nth) =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(6), TraceLies.WrongGas((byte)opcode, 1, nth)), $"transition: gas");

    [Fact]
    public void A_wrong_memory_size_is_rejected() =>
        AssertNamed(MutationHarness.AlteredTraceFailures(Program(7), TraceLies.WrongMemorySize((byte)Opcode.MSTORE, 32, nth: 4)),
            "Mstore: transition: memory size");

    [Fact]
    public void The_gas_charged_is_the_evms()
    {
        // Independent of the circuit: the EVM's own gas per step is 3 + C(new) − C(old) with C(x) = 3x + x²/512.
        var t = EvmTestbed.Trace(Program(8));
        foreach (var s in t.Steps.Where(s => s.Opcode is 0x51 or 0x52 or 0x53))
        {
            int i = t.Steps.IndexOf(s);
            ulong before = s.MemorySize / 32, after = t.Steps[i + 1].MemorySize / 32;
            Assert.Equal(3 + MemoryExpansion.Cost(after) - MemoryExpansion.Cost(before), s.GasCost);
        }
        Assert.Contains(t.Steps, s => s.Opcode == 0x51 && s.GasCost > 3 + 3 * 300);
    }
}
