using System.Numerics;
using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>EXP: the EXP step (byte-length gas, exponents 0 and 1) and its iteration steps, on real executions. Results
/// are checked against BigInteger.ModPow, gas against 10 + 50 per exponent byte; every owned cell of both gadgets is
/// mutated; a wrong result, a wrong gas and an iteration chain that stops short are rejected by name.</summary>
public class ExpGadgetTests(ITestOutputHelper output)
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;

    private static byte[] Program(UInt256 @base, UInt256 exponent) =>
        new BytecodeBuilder().Push(exponent).Push(@base).Op(Opcode.EXP).Op(Opcode.POP).Op(Opcode.STOP).Build();

    public static TheoryData<string, string> Cases => new()
    {
        { "3", "0" },
        { "7", "1" },
        { "2", "2" },
        { "10", "18" },
        { "3", "0x1234" },
        { "0", "5" },
        { "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffb", "0x10001" },
        { "2", "255" },
        { "2", "256" },
    };

    private static UInt256 Parse(string s) => s.StartsWith("0x") ? UInt256.Parse(s) : UInt256.FromBigInteger(BigInteger.Parse(s));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Computes_the_power_and_every_mutation_is_caught(string baseText, string exponentText)
    {
        var (@base, exponent) = (Parse(baseText), Parse(exponentText));
        var b = EvmTestbed.Build(Program(@base, exponent));
        var step = b.Steps.Single(s => s.State == ExecutionState.Exp);
        var expected = BigInteger.ModPow(@base.ToBigInteger(), exponent.ToBigInteger(), Modulus);
        Assert.Equal(UInt256.FromBigInteger(expected), step.Rw[2].Value);
        int bytes = (int)(exponent.ToBigInteger().GetBitLength() + 7) / 8;
        Assert.Equal(10 + 50 * bytes, step.Step!.GasCost);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        if (exponent.ToBigInteger() < 0x2000)
            MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Exp or ExecutionState.ExpIteration).AssertAllCaught(output);
    }

    [Theory]
    [InlineData("3", "0")]
    [InlineData("7", "1")]
    [InlineData("10", "18")]
    public void A_wrong_power_is_rejected(string baseText, string exponentText)
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(Parse(baseText), Parse(exponentText)),
            TraceLies.WrongResult(0x0a, v => v + UInt256.One));
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("Exp: exponent") || f.Name.Contains("ExpIteration: last iteration: accumulator = result"));
    }

    [Fact]
    public void A_cheaper_EXP_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(new UInt256(3), new UInt256(0x1234)), TraceLies.WrongGas(0x0a, 50));
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("Exp: transition: gas"));
    }

    [Fact]
    public void Iterations_that_stop_short_are_rejected()
    {
        // Drop the last iteration: the one before it claims to be the last, but its prefix is not yet the exponent.
        var b = EvmTestbed.Build(Program(new UInt256(10), new UInt256(18)));
        var steps = b.Steps.ToList();
        int last = steps.FindLastIndex(s => s.State == ExecutionState.ExpIteration);
        steps.RemoveAt(last);
        var circuit = new SuperCircuit(b.Circuit.Evm.Gadgets);
        var witness = new SuperWitness(steps, new Dictionary<Rollup.Crypto.Bn254.Fields.Fr, byte[]>(Codes(b)))
        {
            Txs = steps.Select(s => s.Tx!).DistinctBy(t => t.Id).ToList(), Blocks = [steps[0].Block!],
        };
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(circuit.Assign(witness, b.Assignment.K));
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("last iteration: prefix = exponent (lo)"));
    }

    private static IEnumerable<KeyValuePair<Rollup.Crypto.Bn254.Fields.Fr, byte[]>> Codes(EvmTestbed.Built b)
    {
        var code = Program(new UInt256(10), new UInt256(18));
        var hash = Rollup.Core.Crypto.Keccak256.Hash(code);
        yield return new(Rollup.Circuits.Witness.EvmWitnessBuilder.CodeIdOf(Rollup.Evm.EvmWord.FromHash(hash)), code);
    }
}
