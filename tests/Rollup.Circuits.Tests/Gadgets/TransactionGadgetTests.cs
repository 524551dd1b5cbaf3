using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>BeginTx, BeginTxCall and EndTx on real signed transactions run by the transaction processor: the honest
/// witness satisfies the circuit (one transaction, and several in a batch with counters running on); every cell the
/// three gadgets own is mutated and caught; a trace that lies about the nonce, the gas purchase, the value transfer,
/// the gas returned or the priority fee is rejected by a named constraint.</summary>
public class TransactionGadgetTests(ITestOutputHelper output)
{
    private static readonly byte[] Code = new BytecodeBuilder().Push(5).Push(7).Op(Opcode.ADD).Op(Opcode.POP).Op(Opcode.STOP).Build();

    private static bool IsTxStep(EvmStep s) => s.State is ExecutionState.BeginTx or ExecutionState.BeginTxCall or ExecutionState.BeginTxTransfer or ExecutionState.EndTx;

    private static TransactionBatch Batch()
    {
        var batch = new TransactionBatch();
        var a = batch.Deploy(Code);
        var b = batch.Deploy(new BytecodeBuilder().Push(1).Op(Opcode.POP).Op(Opcode.STOP).Build());
        batch.Call(a, value: 12345, data: [0, 1, 2, 0]);
        batch.Call(b, from: TransactionBatch.Bob, gas: 50_000, maxPriorityFee: 0);
        batch.Call(a, value: UInt256.Parse("340282366920938463463374607431768211457"), maxFee: 9);  // value above 2^128
        batch.Call(TransactionBatch.Bob.Address, value: 777, gas: 1_000);                          // plain transfers
        batch.Call(TransactionBatch.Alice.Address, from: TransactionBatch.Bob, value: 1, gas: 0);
        return batch;
    }

    [Fact]
    public void The_prelude_of_a_call_is_what_the_gadgets_expect()
    {
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(Code), value: 1);
        var trace = batch.Run()[0].Traced.Trace;
        for (int i = 0; i < trace.Steps[0].RwCounter; i++) output.WriteLine(trace.Rw[i].ToString());
        output.WriteLine("…");
        foreach (var e in trace.Rw.Skip(trace.Steps[^1].RwCounter + trace.Steps[^1].RwCount)) output.WriteLine(e.ToString());
        Assert.Equal(Witness.EvmWitnessBuilder.CallPreludeAccesses, trace.Steps[0].RwCounter);
    }

    [Fact]
    public void A_batch_of_transactions_satisfies_every_constraint_and_every_mutation_is_caught()
    {
        var b = EvmTestbed.BuildTransactions(Batch());
        var failures = new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        output.WriteLine($"{b.Steps.Count} steps, 2^{b.Assignment.K} rows");
        MutationHarness.MutateOwnedCells(b, IsTxStep).AssertAllCaught(output);
    }

    private IReadOnlyList<ConstraintFailure> Lie(Action<ZkTrace> alter, int tx = 0)
    {
        var b = EvmTestbed.BuildTransactions(Batch(), (i, t) => { if (i == tx) alter(t); });
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.Assignment);
        output.WriteLine(string.Join("\n", failures.Take(6)));
        return failures;
    }

    /// <summary>Sets entry <paramref name="i"/>'s value (and for a read, its previous value) and, so that the log stays
    /// consistent, the previous value of the next access to the same key.</summary>
    private static void SetValue(ZkTrace t, int i, UInt256 value)
    {
        var e = t.Rw[i];
        t.Rw[i] = e.IsWrite ? e with { Value = value } : e with { Value = value, Previous = value };
        for (int j = i + 1; j < t.Rw.Count; j++)
        {
            var n = t.Rw[j];
            if (n.Tag != e.Tag || n.Address != e.Address || n.Key != e.Key || n.Id != e.Id) continue;
            t.Rw[j] = n.IsWrite ? n with { Previous = value } : n with { Value = value, Previous = value };
            if (n.IsWrite) break;
        }
    }

    [Fact]
    public void A_wrong_nonce_is_rejected()
    {
        // The sender's nonce read claims 5: the transaction table says 0.
        var failures = Lie(t => { SetValue(t, 0, new UInt256(5)); });
        Assert.Contains(failures, f => f.Name.Contains("the sender's nonce is the transaction's"));
    }

    [Fact]
    public void A_wrong_gas_purchase_is_rejected()
    {
        // The debit for the gas takes one wei less.
        var failures = Lie(t => SetValue(t, 3, t.Rw[3].Value + UInt256.One));
        Assert.Contains(failures, f => f.Name.Contains("gas purchase: low limbs"));
    }

    [Fact]
    public void A_wrong_value_transfer_is_rejected()
    {
        // The recipient is credited one wei more than the transaction's value.
        var failures = Lie(t => SetValue(t, 21, t.Rw[21].Value + UInt256.One));
        Assert.Contains(failures, f => f.Name.Contains("value credit: low limbs"));
    }

    [Fact]
    public void A_transfer_to_an_account_that_does_not_exist_is_refused_by_name()
    {
        var batch = new TransactionBatch();
        batch.Call(Rollup.Core.Types.Address.Parse("0x000000000000000000000000000000000000dead"), value: 1, gas: 0);
        var e = Assert.Throws<Witness.EvmWitnessBuilder.UnsupportedStepException>(() => EvmTestbed.BuildTransactions(batch));
        Assert.Contains("does not exist yet", e.Message);
    }

    [Fact]
    public void A_transfer_that_credits_the_wrong_amount_is_rejected()
    {
        // Transaction 4 (a plain transfer): the recipient gets one wei more than the value.
        var failures = Lie(t => SetValue(t, 21, t.Rw[21].Value + UInt256.One), tx: 3);
        Assert.Contains(failures, f => f.Name.Contains("BeginTxTransfer: value credit: low limbs"));
    }

    [Fact]
    public void Wrong_gas_returned_or_priority_fee_is_rejected()
    {
        var sender = Lie(t => SetValue(t, t.Rw.Count - 2, t.Rw[^2].Value + UInt256.One));
        Assert.Contains(sender, f => f.Name.Contains("sender credit: low limbs"));
        var coinbase = Lie(t => SetValue(t, t.Rw.Count - 1, t.Rw[^1].Value + new UInt256(2)));
        Assert.Contains(coinbase, f => f.Name.Contains("coinbase credit: low limbs"));
    }

    [Fact]
    public void Wrong_gas_for_the_first_instruction_is_rejected()
    {
        var failures = Lie(t => t.Steps[0] = EvmTestbed.With(t.Steps[0], gasLeft: t.Steps[0].GasLeft + 1));
        Assert.Contains(failures, f => f.Name.Contains("next: gas limit − intrinsic gas"));
    }
}
