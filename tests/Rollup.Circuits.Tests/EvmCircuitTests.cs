using Rollup.Circuits.Evm;
using Rollup.Circuits.Evm.Gadgets;
using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

public class EvmCircuitTests(ITestOutputHelper output)
{
    private static readonly IGadget[] Gadgets =
        [new PaddingGadget(), new StopGadget(), new JumpDestGadget(), new PopGadget(), new PushGadget(), new AddSubGadget(false), new AddSubGadget(true)];

    internal sealed record Built(ConstraintSystem System, EvmCircuit Evm, Assignment Assignment, List<EvmStep> Steps);

    internal static Built BuildProgram() => Build(Program(5, 7));

    internal static Built Build(byte[] code, int k = 9)
    {
        var zk = new ZkTracer();
        var (result, _) = new CodeRunner { Tracer = zk }.Run(code, [], 1_000_000);
        Assert.True(result.Success, result.Reason.ToString());

        var cs = new ConstraintSystem();
        var bytes = new ByteTable(cs);
        var rw = new RwTable(cs);
        var bytecode = new BytecodeTable(cs);
        var evm = new EvmCircuit(cs, new EvmCircuitConfig(cs, bytes, rw, bytecode), Gadgets);
        var codeId = Fr.FromUInt64(7);
        var steps = EvmWitnessBuilder.Build(zk.Trace, Gadgets, _ => codeId);
        var a = new Assignment(cs, k);
        bytes.Assign(a);
        rw.Assign(a, EvmWitnessBuilder.AccessesOf(steps));
        bytecode.Assign(a, new Dictionary<Fr, byte[]> { [codeId] = code }, 1);
        evm.Assign(a, steps);
        return new Built(cs, evm, a, steps);
    }

    private static byte[] Program(ulong x, ulong y) => new BytecodeBuilder()
        .Push(x).Push(y).Op(Opcode.ADD)
        .Push(UInt256.MaxValue).Op(Opcode.SUB)
        .Op(Opcode.JUMPDEST)
        .Push(0).Op(Opcode.POP).Op(Opcode.POP)
        .Op(Opcode.STOP).Build();

    [Fact]
    public void A_valid_trace_satisfies_every_constraint()
    {
        var b = Build(Program(5, 7));
        var failures = new ConstraintChecker().Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        output.WriteLine($"{b.Steps.Count} steps, {b.System.AdviceColumns.Count} advice columns, degree {b.System.Degree}");
    }

    [Fact]
    public void A_wrong_result_is_named()
    {
        var b = Build(Program(5, 7));
        // Step 2 is the ADD; its write slot (row 2 of the step) holds the result.
        int row = 2 * EvmCircuitConfig.Height + 2; // step 2 (the ADD), its write slot
        b.Assignment[b.Evm.Config.Slots.ValueLo, row] += Fr.One;
        var failures = new ConstraintChecker().Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.StartsWith("Add: "));
    }
}

public class EvmCircuitProofTests(ITestOutputHelper output)
{
    [Fact]
    public void The_program_proves_and_a_corrupted_witness_does_not()
    {
        var b = EvmCircuitTests.BuildProgram();
        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.Assignment.Rows, "circuit tests"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.Assignment, srs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, []).ToBytes();
        output.WriteLine($"proved {b.Steps.Count} steps on 2^{b.Assignment.K} rows in {clock.Elapsed.TotalSeconds:F1} s; proof {proof.Length} bytes");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], proof));

        // The ADD's result changed: the checker names it, and the proof made anyway does not verify.
        int row = 2 * EvmCircuitConfig.Height + 2; // step 2 (the ADD), its write slot
        b.Assignment[b.Evm.Config.Slots.ValueLo, row] += Fr.One;
        Assert.NotEmpty(new ConstraintChecker().Check(b.Assignment));
        var bad = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, []).ToBytes();
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], bad));
    }
}
