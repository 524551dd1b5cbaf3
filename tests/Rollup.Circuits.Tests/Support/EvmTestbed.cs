using Rollup.Circuits.Evm;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Runs bytecode on the real EVM with the zk tracer and builds the super circuit's witness from the trace.
/// An optional <c>alter</c> changes the trace first — the way soundness tests feed the circuit a trace that lies
/// (a wrong result, a wrong gas, a wrong pc) and expect a named failing constraint.</summary>
public static class EvmTestbed
{
    public static readonly Fr CodeId = Fr.FromUInt64(7);

    public sealed record Built(SuperCircuit Circuit, Assignment Assignment, List<EvmStep> Steps, ZkTrace Trace)
    {
        public EvmCircuit Evm => Circuit.Evm;
        public ConstraintSystem System => Circuit.System;
    }

    public static ZkTrace Trace(byte[] code, byte[]? input = null, long gas = 1_000_000, bool mustSucceed = true)
    {
        var zk = new ZkTracer();
        var (result, _) = new CodeRunner { Tracer = zk }.Run(code, input ?? [], gas);
        if (mustSucceed) Assert.True(result.Success, result.Reason.ToString());
        return zk.Trace;
    }

    /// <summary>Runs <paramref name="code"/> as a contract's code, called by a real signed transaction that gives the call
    /// 1,000,000 gas and <paramref name="input"/> as calldata; the witness covers the whole transaction (its start, the
    /// instructions, its end). <paramref name="alter"/> sees the transaction's trace.</summary>
    public static Built Build(byte[] code, Action<ZkTrace>? alter = null, int? k = null, IReadOnlyList<IGadget>? gadgets = null, byte[]? input = null,
        long gas = 1_000_000, bool mustSucceed = true)
    {
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(code, CodeRunner.ContractAddress), input, gas);
        return BuildTransactions(batch, alter is null ? null : (_, t) => alter(t), k, gadgets, mustSucceed);
    }

    /// <summary>Runs the batch's transactions (each must succeed) and builds the super circuit's witness from their
    /// traces; <paramref name="alter"/> may change a transaction's trace first (given its index).</summary>
    public static Built BuildTransactions(TransactionBatch batch, Action<int, ZkTrace>? alter = null, int? k = null, IReadOnlyList<IGadget>? gadgets = null,
        bool mustSucceed = true)
    {
        var run = batch.Run();
        if (mustSucceed)
            foreach (var (result, traced) in run) Assert.True(result.Success, $"transaction {traced.Tx.Id}: {result.Reason}");
        for (int i = 0; i < run.Count; i++) alter?.Invoke(i, run[i].Traced.Trace);
        var traces = run.Select(r => r.Traced).ToList();
        var circuit = new SuperCircuit(gadgets ?? GadgetRegistry.Covering(traces.SelectMany(t => t.Trace.Steps).Select(s => s.Opcode)));
        var steps = EvmWitnessBuilder.Build(traces, circuit.Evm.Gadgets);
        var witness = new SuperWitness(steps, batch.Codes) { Txs = steps.Select(s => s.Tx!).DistinctBy(t => t.Id).ToList(), Blocks = [batch.BlockRecord] };
        var a = circuit.Assign(witness, k);
        return new Built(circuit, a, steps, traces[0].Trace);
    }

    /// <summary>A copy of a traced step with some fields changed (steps are immutable once traced).</summary>
    public static ZkStep With(ZkStep s, int? pc = null, long? gasLeft = null, int? stackPointer = null, byte? opcode = null) => new()
    {
        Pc = pc ?? s.Pc, Opcode = opcode ?? s.Opcode, GasLeft = gasLeft ?? s.GasLeft, GasCost = s.GasCost, Depth = s.Depth,
        CallId = s.CallId, StackPointer = stackPointer ?? s.StackPointer, MemorySize = s.MemorySize, RwCounter = s.RwCounter,
        RwCount = s.RwCount,
        Halt = s.Halt,
    };
}
