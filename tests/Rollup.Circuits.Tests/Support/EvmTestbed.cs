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

    public static Built Build(byte[] code, Action<ZkTrace>? alter = null, int? k = null, IReadOnlyList<IGadget>? gadgets = null, byte[]? input = null)
    {
        var trace = Trace(code, input);
        alter?.Invoke(trace);
        var circuit = new SuperCircuit(gadgets ?? GadgetRegistry.Covering(trace.Steps.Select(s => s.Opcode)));
        var steps = EvmWitnessBuilder.Build(trace, circuit.Evm.Gadgets, _ => CodeId);
        var a = circuit.Assign(new SuperWitness(steps, new Dictionary<Fr, byte[]> { [CodeId] = code }), k);
        return new Built(circuit, a, steps, trace);
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
