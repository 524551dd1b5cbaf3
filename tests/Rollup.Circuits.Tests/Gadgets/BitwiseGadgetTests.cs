using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>AND, OR, XOR on random and edge words, nibble by nibble: the honest trace satisfies the circuit; every owned
/// cell mutated is caught; a trace claiming a wrong result is rejected by the gadget's own constraint; an operand split
/// into pieces that are not nibbles (which recombine to the same limb) is rejected by the nibble table's lookup alone.</summary>
public class BitwiseGadgetTests(ITestOutputHelper output)
{
    internal static byte[] Program(int seed)
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

    private static bool IsBitwise(EvmStep s) => s.State is ExecutionState.And or ExecutionState.Or or ExecutionState.Xor;

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(1));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        var report = MutationHarness.MutateOwnedCells(b, IsBitwise);
        // 64 nibble lanes of 4 cells, 3 slots, flag and step state per step: the lanes are all there to be mutated.
        Assert.All(report.PerGadget.Values, v => Assert.True(v.Tried >= 2 * (64 * 4), $"{v.Tried} mutations tried"));
        report.AssertAllCaught(output);
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

    [Theory]
    [InlineData((byte)Opcode.AND)]
    [InlineData((byte)Opcode.OR)]
    [InlineData((byte)Opcode.XOR)]
    public void An_operand_split_into_non_nibbles_is_rejected_by_the_lookup(byte opcode)
    {
        // a = 0x10 (nibbles 0, 1), b = 0x0f (nibbles 15, 0). The lie x0 = 16, x1 = 0 recombines to the same limb, and
        // every result limb keeps its value: AND's nibbles are the unchanged z's (0 & 15 = 1 & 0 = 0), and OR's and XOR's
        // first two nibbles become 16 + 15 − (2·)0 = 31 and 0, which is 15 + 16·1 again. Only the nibble table (no x = 16)
        // refuses it.
        var code = new BytecodeBuilder().Push(0x0f).Push(0x10).Op((Opcode)opcode).Op(Opcode.POP).Op(Opcode.STOP).Build();
        var b = EvmTestbed.Build(code);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        int row = b.Steps.FindIndex(s => s.Step?.Opcode == opcode) * EvmCircuitConfig.Height;
        var cells = MutationHarness.OwnedCells(b.Evm, b.Steps[row / EvmCircuitConfig.Height].State).ToDictionary(c => c.Name);
        var x0 = cells["nibble 0.x"];
        var x1 = cells["nibble 1.x"];
        var z0 = cells["nibble 0.z"];
        // The honest nibbles are as said: x0 = 0, x1 = 1, z0 = 0.
        Assert.Equal(Fr.Zero, b.Assignment[x0.Column, row + x0.Rotation]);
        Assert.Equal(Fr.One, b.Assignment[x1.Column, row + x1.Rotation]);
        Assert.Equal(Fr.Zero, b.Assignment[z0.Column, row + z0.Rotation]);
        b.Assignment[x0.Column, row + x0.Rotation] = Fr.FromUInt64(16);
        b.Assignment[x1.Column, row + x1.Rotation] = Fr.Zero;

        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures));
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal(FailureKind.Lookup, f.Kind));
        Assert.Contains(failures, f => f.Name.Contains("in the tagged table"));
    }
}

/// <summary>Proofs of the bitwise gadget on its own small circuit (the nibble table needs no more rows than the
/// program): the honest witness proves and verifies; witnesses with a wrong result nibble, an operand split into
/// non-nibbles, or a lane claiming another sub-table's tag are named by the checker and the proofs made from them anyway
/// are rejected.</summary>
public class BitwiseGadgetProofTests(ITestOutputHelper output)
{
    [Fact]
    public void The_bitwise_gadget_proves_and_corrupted_witnesses_do_not()
    {
        var b = EvmTestbed.Build(BitwiseGadgetTests.Program(3));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.Assignment.Rows, "bitwise proofs"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.Assignment, srs);
        var statement = b.Circuit.PublicInputs.Read(b.Assignment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [statement]).ToBytes();
        output.WriteLine($"proved {b.Steps.Count} steps on 2^{b.Assignment.K} rows ({b.Evm.Config.Lanes.Count} lanes) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], proof));

        // Each corruption: cells of one step (by name) and what is added to them.
        (string What, ExecutionState State, (string Cell, Fr Delta)[] Changes)[] corruptions =
        [
            ("an OR step's AND nibble off by one", ExecutionState.Or, [("nibble 5.z", Fr.One)]),
            ("a XOR operand split (x0 + 16, x1 − 1): the same limb, not nibbles", ExecutionState.Xor,
                [("nibble 0.x", Fr.FromUInt64(16)), ("nibble 1.x", Fr.Zero - Fr.One)]),
            ("an AND lane tagged as another sub-table", ExecutionState.And, [("nibble 63.tag", Fr.One)]),
        ];
        var a = b.Assignment;
        foreach (var (what, state, changes) in corruptions)
        {
            int row = b.Steps.FindIndex(x => x.State == state) * EvmCircuitConfig.Height;
            var cells = changes.Select(c => (Cell: MutationHarness.OwnedCells(b.Evm, state).First(o => o.Name == c.Cell), c.Delta)).ToList();
            var originals = cells.Select(c => a[c.Cell.Column, row + c.Cell.Rotation]).ToList();
            foreach (var (cell, delta) in cells) a[cell.Column, row + cell.Rotation] += delta;
            var failures = new ConstraintChecker { MaxFailures = 3 }.Check(a);
            output.WriteLine($"{what}: {failures.FirstOrDefault()}");
            Assert.NotEmpty(failures);
            Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], Rollup.Plonk.Proving.Prover.Prove(pk, a, [statement]).ToBytes()), what);
            for (int i = 0; i < cells.Count; i++) a[cells[i].Cell.Column, row + cells[i].Cell.Rotation] = originals[i];
        }
    }
}
