using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>ADDRESS, CALLER, CALLVALUE and CALLDATASIZE read the call context the call's entry wrote. Until the
/// begin-transaction step owns those entry writes (the witness keeps only the instructions' accesses), the state circuit
/// sees each context read as a key's first access, which must be zero: so the full soundness run is on CALLVALUE and
/// CALLDATASIZE of a call with no value and no input, and ADDRESS and CALLER are checked to fail only that initial-value
/// check — every gadget constraint holds on them.</summary>
public class CallContextGadgetTests(ITestOutputHelper output)
{
    private static byte[] Program(params Opcode[] reads)
    {
        var code = new BytecodeBuilder();
        foreach (var op in reads) code.Op(op).Op(Opcode.DUP1).Op(Opcode.POP).Op(Opcode.POP);
        return code.Op(Opcode.STOP).Build();
    }

    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(Program(Opcode.CALLVALUE, Opcode.CALLDATASIZE, Opcode.CALLVALUE));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.CallValue or ExecutionState.CallDataSize).AssertAllCaught(output);
    }

    [Fact]
    public void Address_and_caller_fail_only_the_missing_entry_writes()
    {
        var b = EvmTestbed.Build(Program(Opcode.ADDRESS, Opcode.CALLER, Opcode.CALLDATASIZE), input: [1, 2, 3]);
        var reads = b.Steps.SelectMany(s => s.Rw).Where(e => e.Tag == RwTag.CallContext).ToList();
        Assert.Equal(3, reads.Count);
        Assert.Equal(new UInt256(3), reads[2].Value);                 // the real input length, from the EVM
        var failures = new ConstraintChecker { MaxFailures = 50 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains("a zero-initialised key starts at zero", f.Name));
    }

    [Fact]
    public void Address_and_caller_owned_cell_mutations_are_caught()
    {
        // The harness's precondition (a clean witness) cannot hold until the entry writes are in the table, so the
        // same loop runs here with the known initial-value failures set aside: a mutation counts as caught only when
        // a constraint other than those fails.
        var b = EvmTestbed.Build(Program(Opcode.ADDRESS, Opcode.CALLER, Opcode.ADDRESS), input: [1]);
        var a = b.Assignment;
        Assert.All(new ConstraintChecker { MaxFailures = 50 }.Check(a), f => Assert.Contains("a zero-initialised key starts at zero", f.Name));
        var checker = new LocalChecker(a) { MaxFailures = 50 };
        var report = new MutationReport();
        for (int s = 0; s < b.Steps.Count; s++)
        {
            var step = b.Steps[s];
            if (step.State is not (ExecutionState.Address or ExecutionState.Caller)) continue;
            int row = s * EvmCircuitConfig.Height;
            foreach (var (column, rotation, name) in MutationHarness.OwnedCells(b.Evm, step.State, includeStepState: s > 0))
            {
                var original = a[column, row + rotation];
                a[column, row + rotation] = original + Rollup.Crypto.Bn254.Fields.Fr.One;
                bool caught = checker.CheckChanged((column, row + rotation)).Any(f => !f.Name.Contains("a zero-initialised key starts at zero"));
                a[column, row + rotation] = original;
                report.Add(step.State.ToString(), caught, $"step {s} ({step.State}) {name}");
            }
        }
        report.AssertAllCaught(output);
    }

    [Fact]
    public void A_read_of_the_wrong_field_is_rejected()
    {
        // CALLVALUE claims to have read the call-data length (also 0 here, so the log stays consistent).
        var failures = MutationHarness.AlteredTraceFailures(Program(Opcode.CALLVALUE, Opcode.CALLDATASIZE), t =>
        {
            int r = t.Steps.First(s => s.Opcode == (byte)Opcode.CALLVALUE).RwCounter;
            t.Rw[r] = t.Rw[r] with { Key = new UInt256((ulong)CallContextField.CallDataLength) };
        });
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("CallValue: slot 0 is a call-context read: key is Value"));
    }

    [Fact]
    public void A_wrong_pushed_value_is_rejected()
    {
        var failures = MutationHarness.AlteredTraceFailures(Program(Opcode.CALLDATASIZE),
            TraceLies.WrongWrittenValue((byte)Opcode.CALLDATASIZE, 1, v => v + UInt256.One));
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("CallDataSize: pushes the context value (lo)"));
    }
}
