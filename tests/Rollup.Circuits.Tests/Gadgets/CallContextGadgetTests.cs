using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>ADDRESS, CALLER, CALLVALUE and CALLDATASIZE read the call context that the begin-transaction step wrote
/// from the transaction table; the state circuit makes each read return that write.</summary>
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
    public void Reads_return_what_the_transaction_set_and_every_mutation_is_caught()
    {
        // A call with value and input: every context field is non-zero, written by BeginTxCall from the tx table.
        var batch = new TransactionBatch();
        var contract = batch.Deploy(Program(Opcode.ADDRESS, Opcode.CALLER, Opcode.CALLVALUE, Opcode.CALLDATASIZE), CodeRunner.ContractAddress);
        var value = (UInt256.One << 130) + new UInt256(5);
        batch.Call(contract, data: [1, 2, 3], value: value);
        var b = EvmTestbed.BuildTransactions(batch);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));

        // Independent reference: the transaction's own fields, not the circuit's witness.
        UInt256 Pushed(ExecutionState state) => b.Steps.First(s => s.State == state).Rw[^1].Value;
        Assert.Equal(AddressWord(contract), Pushed(ExecutionState.Address));
        Assert.Equal(AddressWord(TransactionBatch.Alice.Address), Pushed(ExecutionState.Caller));
        Assert.Equal(value, Pushed(ExecutionState.CallValue));
        Assert.Equal(new UInt256(3), Pushed(ExecutionState.CallDataSize));

        MutationHarness.MutateOwnedCells(b, s => s.State is ExecutionState.Address or ExecutionState.Caller or ExecutionState.CallValue
            or ExecutionState.CallDataSize).AssertAllCaught(output);
    }

    private static UInt256 AddressWord(Rollup.Core.Types.Address a) => UInt256.FromBigEndian(a.Bytes);

    [Fact]
    public void A_caller_read_that_differs_from_the_entry_write_is_rejected()
    {
        // CALLER reads (and pushes) a different address than BeginTxCall wrote: the read no longer returns the key's
        // last value, which the state circuit refuses.
        var failures = MutationHarness.AlteredTraceFailures(Program(Opcode.CALLER), t =>
        {
            int r = t.Steps.First(s => s.Opcode == (byte)Opcode.CALLER).RwCounter;
            var lie = t.Rw[r].Value + UInt256.One;
            t.Rw[r] = t.Rw[r] with { Value = lie, Previous = lie };
            TraceLies.WrongResult((byte)Opcode.CALLER, _ => lie)(t);
        });
        output.WriteLine(string.Join("\n", failures.Take(5)));
        Assert.Contains(failures, f => f.Name.Contains("previous is the key's last value (lo)"));
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
